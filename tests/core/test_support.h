// Helpers shared by the core tests: run bytes through an Engine in chosen chunks.
#pragma once

#include <fstream>
#include <initializer_list>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine.h"

namespace basketlift::testing {

/// Path of a file under tests/fixtures.
inline std::string fixture_path(std::string_view relative) {
  // Appended, not `std::string(...) + "..."`: GCC 12 warns falsely (-Warray-bounds) on that.
  std::string path = BASKETLIFT_SOURCE_DIR "/tests/fixtures/";
  path += relative;
  return path;
}

/// Bytes of a file (empty when missing; tests then fail on their own checks).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Feeds `bytes` as one file, cut at the given offsets (sorted, each < bytes.size()).
inline Status feed_cut(Engine& engine, std::string_view bytes, const std::vector<std::size_t>& cuts,
                       FileOptions options = {}) {
  if (options.name.empty()) options.name = "input";
  Status status = engine.begin_file(options);
  if (!status.ok()) return status;
  std::size_t at = 0;
  for (std::size_t cut : cuts) {
    status = engine.feed(bytes.substr(at, cut - at));
    if (!status.ok()) {
      engine.end_file();
      return status;
    }
    at = cut;
  }
  status = engine.feed(bytes.substr(at));
  Status ended = engine.end_file();
  return status.ok() ? ended : status;
}

/// Feeds `bytes` in chunks of `chunk` bytes (0 = one chunk).
inline Status feed_chunks(Engine& engine, std::string_view bytes, std::size_t chunk,
                          FileOptions options = {}) {
  std::vector<std::size_t> cuts;
  if (chunk > 0) {
    for (std::size_t at = chunk; at < bytes.size(); at += chunk)
      cuts.push_back(at);
  }
  return feed_cut(engine, bytes, cuts, std::move(options));
}

/// Feeds the bundled sample store (web/sample: all four tables) and analyses it (with the
/// settings `config` when not empty).
inline Status analyze_sample_store(Engine& engine, const std::string& config = "") {
  if (!config.empty()) {
    if (Status status = engine.configure(config); !status.ok()) return status;
  }
  for (const char* name : {"products.csv", "orders.csv", "offers.csv", "sessions.csv"}) {
    std::string path = BASKETLIFT_SOURCE_DIR "/web/sample/";
    path += name;
    Status status = feed_chunks(engine, read_file(path), 0, {name, {}, {}, {}});
    if (!status.ok()) return status;
  }
  return engine.analyze();
}

/// Feeds the aggregates file `bytes` (as "aggregates.csv") and analyses it (with the settings
/// `config` when not empty).
inline Status analyze_aggregates_file(Engine& engine, const std::string& bytes,
                                      const std::string& config = "") {
  if (!config.empty()) {
    if (Status status = engine.configure(config); !status.ok()) return status;
  }
  if (Status status = feed_chunks(engine, bytes, 0, {"aggregates.csv", {}, {}, {}}); !status.ok())
    return status;
  return engine.analyze();
}

/// Expects the aggregates file `bytes` with the row `line` appended to be refused, naming the
/// file, the row and `expected`.
inline void expect_row_refused(const std::string& bytes, const std::string& line,
                               const std::string& expected) {
  Engine engine;
  const Status status = analyze_aggregates_file(engine, bytes + line + "\n");
  EXPECT_FALSE(status.ok()) << line;
  EXPECT_NE(status.message.find("'aggregates.csv', row "), std::string::npos) << status.message;
  EXPECT_NE(status.message.find(expected), std::string::npos) << line << " gave " << status.message;
}

/// The report JSON of one file read with the given cuts (store_bytes varies with allocation
/// patterns, so it is left out).
inline std::string report_of(std::string_view bytes, const std::vector<std::size_t>& cuts,
                             FileOptions options = {}) {
  Engine engine;
  feed_cut(engine, bytes, cuts, std::move(options));
  engine.analyze();
  std::string json = engine.report_json();
  return json.substr(0, json.rfind(",\"store_bytes\""));
}

/// An engine configured with `settings` that read each (file name, text) in one chunk and
/// analysed them (failures are reported as test failures).
inline std::unique_ptr<Engine> analysed_texts(
    const std::string& settings,
    std::initializer_list<std::pair<const char*, std::string_view>> files) {
  auto engine = std::make_unique<Engine>();
  EXPECT_TRUE(engine->configure(settings).ok());
  for (const auto& [name, text] : files)
    EXPECT_TRUE(feed_chunks(*engine, text, 0, {name, {}, {}, {}}).ok()) << name;
  const Status status = engine->analyze();
  EXPECT_TRUE(status.ok()) << status.message;
  return engine;
}

}  // namespace basketlift::testing
