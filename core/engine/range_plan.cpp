#include "engine/range_plan.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
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

// The engine's share of a file's ranges with `readers` readers: what keeps it as busy as
// them, share/r + (1 − share)/(kMergeSpeedup·r) = (1 − share)/(readers·r) for one reading
// speed r. The constants are web/src/parallel.js's.
double own_share(std::size_t readers) {
  constexpr double kMergeSpeedup = 4;  // a range merges this many times faster than it reads
  constexpr double kMinOwnShare = 1.0 / 16;
  const double slack = std::max(0.0, 1.0 / static_cast<double>(readers) - 1 / kMergeSpeedup);
  return std::max(kMinOwnShare, slack / (1 + slack));
}

// The ranges of one file between the engine and its readers: a reader takes the first range
// nobody has, the engine waits for each of the readers' ranges in file order, or takes it back
// when no reader has started it.
class RangeBoard {
 public:
  explicit RangeBoard(std::size_t count) : state_(count, State::free), read_(count) {}

  // The next range for a reader (skipping the engine's own), or nullopt when none is left.
  template <typename Own>
  std::optional<std::size_t> take(const Own& own) {
    const std::lock_guard lock(mutex_);
    while (next_ < state_.size() && (own(next_) || state_[next_] != State::free))
      ++next_;
    if (next_ >= state_.size()) return std::nullopt;
    state_[next_] = State::taken;
    return next_++;
  }

  // A reader's result for range k.
  void put(std::size_t k, Result<ByteArray> result) {
    {
      const std::lock_guard lock(mutex_);
      read_[k].emplace(std::move(result));
      state_[k] = State::read;
    }
    ready_.notify_all();
  }

  // Range k as a reader read it; nullopt when no reader had started it (it is the engine's now).
  std::optional<Result<ByteArray>> wait_for(std::size_t k) {
    std::unique_lock lock(mutex_);
    if (state_[k] == State::free) {
      state_[k] = State::taken;
      return std::nullopt;
    }
    ready_.wait(lock, [&] { return state_[k] == State::read; });
    std::optional<Result<ByteArray>> read = std::move(read_[k]);
    read_[k].reset();
    return read;
  }

  // Leaves every range not yet taken to nobody.
  void close() {
    const std::lock_guard lock(mutex_);
    next_ = state_.size();
  }

 private:
  enum class State : std::uint8_t { free, taken, read };
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<State> state_;
  std::vector<std::optional<Result<ByteArray>>> read_;
  std::size_t next_ = 1;
};

}  // namespace

void run_in_turn(std::vector<std::function<void()>>& jobs) {
  // Readers first: the engine's job (the first) then waits for nothing.
  for (std::size_t k = jobs.size(); k-- > 0;)
    jobs[k]();
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
                      std::size_t parts, const JobRunner& run, RangeCounts* counts,
                      std::size_t threads) {
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
    const std::size_t count = bounds.size() - 1;
    const auto range = [&](std::size_t k) {
      return bytes.substr(bounds[k], bounds[k + 1] - bounds[k]);
    };
    // The engine reads range 0 and an even spread of a share of the others itself, and merges
    // the readers' ranges in file order between its own (as web/src/parallel.js does).
    const std::size_t readers = std::max<std::size_t>(1, (threads == 0 ? parts : threads) - 1);
    const double share = own_share(readers);
    const auto own = [&](std::size_t k) {
      return k == 0 || std::floor(static_cast<double>(k + 1) * share) >
                           std::floor(static_cast<double>(k) * share);
    };
    RangeBoard board(count);
    std::vector<std::function<void()>> jobs;
    jobs.emplace_back([&] {
      for (std::size_t k = 0; k < count && status.ok(); ++k) {
        if (own(k)) {
          status = feed_range(engine, range(k));
          continue;
        }
        std::optional<Result<ByteArray>> read = board.wait_for(k);
        RangeMerge outcome = RangeMerge::read_serially;
        if (read && read->ok()) {
          const Result<RangeMerge> merged =
              engine.merge_range(read->value().view(), k + 1 == count);
          if (!merged.ok()) {
            status = merged.status();
            break;
          }
          outcome = merged.value();
        }
        if (!read) {
          ++counts->taken_back;
        } else if (outcome == RangeMerge::read_serially) {
          ++counts->read_serially;
        } else {
          ++counts->merged;
          continue;
        }
        status = feed_range(engine, range(k));
      }
      board.close();  // readers take no more ranges
    });
    for (std::size_t r = 0; r < readers; ++r) {
      jobs.emplace_back([&] {
        while (const std::optional<std::size_t> k = board.take(own)) {
          Engine reader(engine.settings());
          board.put(*k, reader.read_range(spec.value(), range(*k)));
        }
      });
    }
    // One after another, readers go first: the engine then finds every range read.
    run(jobs);
  }
  Status ended = engine.end_file();
  return status.ok() ? ended : status;
}

}  // namespace basketlift
