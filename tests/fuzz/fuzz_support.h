// Shared by the libFuzzer targets: feeding bytes with fuzzer-chosen cut points, and the
// invariants every run must keep (a violated one traps, which libFuzzer reports as a crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "simdjson.h"

namespace basketlift::fuzz {

/// Stops the run when `condition` is false (a finding for libFuzzer, with the message).
inline void require(bool condition, const char* what) {
  if (!condition) {
    std::fputs(what, stderr);
    std::fputc('\n', stderr);
    __builtin_trap();
  }
}

/// Reads small numbers off the front of the input (for cut points and choices).
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}
  /// One byte, or 0 when none is left.
  std::uint8_t take_byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  /// What is left.
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

/// Feeds `bytes` as one file, cut into chunks whose sizes come from `cuts` (1..255 bytes each,
/// cycling; 0 = one chunk), then ends it and checks the file's account.
inline void feed_file(Engine& engine, std::string_view bytes, FileOptions options,
                      const std::vector<std::uint8_t>& cuts) {
  require(engine.begin_file(std::move(options)).ok(), "begin_file refused a new file");
  std::size_t at = 0, turn = 0;
  const bool one_chunk = cuts.empty() || std::accumulate(cuts.begin(), cuts.end(), 0) == 0;
  while (at < bytes.size()) {
    std::size_t size = one_chunk ? bytes.size() : cuts[turn++ % cuts.size()];
    if (size == 0) size = 1;
    size = std::min(size, bytes.size() - at);
    if (!engine.feed(bytes.substr(at, size)).ok()) break;
    at += size;
  }
  engine.end_file();
  const FileReport& file = engine.files().back();
  require(file.rows_read == file.rows_used + file.rows_rejected,
          "rows_read != rows_used + rows_rejected");
  std::uint64_t by_reason = 0;
  for (const auto& r : file.rejected)
    by_reason += r.count;
  require(by_reason == file.rows_rejected, "rejections by reason do not add up");
}

/// Analyses, and checks the report is valid JSON that lists every file (an aggregates file: the
/// warehouse tables it sums). The analysis fails only for an aggregates file given with others.
inline void analyze_and_check(Engine& engine) {
  if (const Status status = engine.analyze(); !status.ok()) {
    require(status.message.find("an aggregates file is analysed alone") != std::string::npos,
            "analyze failed after end_file");
    return;
  }
  const std::string json = engine.report_json();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  require(parser.parse(json).get(root) == simdjson::SUCCESS, "the report is not valid JSON");
  simdjson::dom::array inputs;
  require(root["inputs"].get_array().get(inputs) == simdjson::SUCCESS, "the report has no inputs");
  bool aggregates = false;
  for (simdjson::dom::element input : inputs) {
    std::string_view file;
    aggregates = aggregates || (input["file"].get_string().get(file) == simdjson::SUCCESS &&
                                file.find(" › ") != std::string_view::npos);
  }
  require(aggregates || inputs.size() == engine.files().size(),
          "the report does not list every file");
}

}  // namespace basketlift::fuzz
