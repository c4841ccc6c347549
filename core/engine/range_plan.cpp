#include "engine/range_plan.h"

#include <algorithm>
#include <string>

namespace basketlift {

namespace {

// Bytes fed in one call while reading a range (the engine's own, or one read serially).
constexpr std::size_t kChunk = 1 << 20;
// How far past a cut a range start is looked for.
constexpr std::size_t kWindow = 1 << 20;

Status feed_range(Engine& engine, std::string_view bytes) {
  for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
    if (Status status = engine.feed(bytes.substr(at, kChunk)); !status.ok()) return status;
  }
  return Status::success();
}

}  // namespace

void run_in_turn(std::vector<std::function<void()>>& jobs) {
  for (auto& job : jobs)
    job();
}

std::vector<std::size_t> plan_ranges(Engine& engine, std::string_view bytes, std::size_t first,
                                     std::size_t parts) {
  std::vector<std::size_t> starts;
  if (parts < 2 || first >= bytes.size()) return starts;
  const std::size_t span = bytes.size() - first;
  for (std::size_t k = 1; k < parts; ++k) {
    const std::size_t cut = first + span * k / parts;
    if (!starts.empty() && cut <= starts.back()) continue;
    const std::optional<std::size_t> offset =
        engine.find_range_start(bytes.substr(cut, std::min(kWindow, bytes.size() - cut)));
    if (!offset) continue;
    const std::size_t start = cut + *offset;
    if (start < bytes.size() && (starts.empty() || start > starts.back())) starts.push_back(start);
  }
  return starts;
}

Status read_in_ranges(Engine& engine, std::string_view bytes, FileOptions options,
                      std::size_t parts, const JobRunner& run, RangeCounts* counts) {
  RangeCounts ignored;
  if (counts == nullptr) counts = &ignored;
  options.size = bytes.size();
  if (Status status = engine.begin_file(std::move(options)); !status.ok()) return status;
  // The engine reads the head itself (the format is decided on the first 4 KiB).
  std::size_t first = std::min<std::size_t>(bytes.size(), 4096);
  Status status = engine.feed(bytes.substr(0, first));
  while (status.ok() && !engine.range_spec().ok() && first < bytes.size() && first < (1 << 16)) {
    const std::size_t more = std::min<std::size_t>(bytes.size() - first, 4096);
    status = engine.feed(bytes.substr(first, more));
    first += more;
  }
  const Result<RangeSpec> spec = engine.range_spec();
  const std::vector<std::size_t> starts = status.ok() && spec.ok()
                                              ? plan_ranges(engine, bytes, first, parts)
                                              : std::vector<std::size_t>();
  if (status.ok()) {
    std::vector<std::size_t> bounds = {first};
    bounds.insert(bounds.end(), starts.begin(), starts.end());
    bounds.push_back(bytes.size());
    // Range 0 is this engine's; ranges 1.. are read by fresh engines, all at once.
    std::vector<Result<ByteArray>> read(bounds.size() - 1, Status::success());
    std::vector<std::function<void()>> jobs;
    jobs.emplace_back(
        [&] { status = feed_range(engine, bytes.substr(bounds[0], bounds[1] - bounds[0])); });
    for (std::size_t k = 1; k + 1 < bounds.size(); ++k) {
      jobs.emplace_back([&, k] {
        Engine reader(engine.settings());
        read[k] =
            reader.read_range(spec.value(), bytes.substr(bounds[k], bounds[k + 1] - bounds[k]));
      });
    }
    run(jobs);
    for (std::size_t k = 1; k + 1 < bounds.size() && status.ok(); ++k) {
      const std::string_view range = bytes.substr(bounds[k], bounds[k + 1] - bounds[k]);
      RangeMerge outcome = RangeMerge::read_serially;
      if (read[k].ok()) {
        const Result<RangeMerge> merged =
            engine.merge_range(read[k].value().view(), k + 2 == bounds.size());
        if (!merged.ok()) {
          status = merged.status();
          break;
        }
        outcome = merged.value();
      }
      if (outcome == RangeMerge::read_serially) {
        ++counts->read_serially;
        status = feed_range(engine, range);
      } else {
        ++counts->merged;
      }
    }
  }
  Status ended = engine.end_file();
  return status.ok() ? ended : status;
}

}  // namespace basketlift
