// Reading a file in byte ranges (as the worker pool and `--threads` do) gives the same report
// as reading it whole, byte for byte but for the store's size: on generated stores in every
// format, on every fixture and fuzz seed, and on files built to defeat the cuts (quoted line
// ends, orders spread over the file, sessions repeated far apart, Shopify order fields on first
// lines only).
#include <gtest/gtest.h>

#include <cstdio>

#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "engine/range_plan.h"
#include "sample/generator.h"
#include "store/range_merge.h"
#include "test_support.h"

namespace basketlift {
namespace {

struct InputFile {
  std::string name;
  std::string bytes;
};

std::string report_without_size(const Engine& engine) {
  return std::regex_replace(engine.report_json(), std::regex("\"store_bytes\":[0-9]+"), "");
}

// Runs the jobs on threads, the first on this one (as the CLI does).
void on_threads(std::vector<std::function<void()>>& jobs) {
  std::vector<std::thread> running;
  for (std::size_t k = 1; k < jobs.size(); ++k)
    running.emplace_back(jobs[k]);
  jobs[0]();
  for (std::thread& thread : running)
    thread.join();
}

// The report of the files read whole, or each in `parts` ranges by `threads` engines (0: one a
// range) run by `run` (what became of the ranges is added to `counts`).
std::string report_of(const std::vector<InputFile>& files, std::size_t parts,
                      RangeCounts* counts = nullptr, const std::string& settings = "{}",
                      std::size_t threads = 0, const JobRunner& run = run_in_turn) {
  Engine engine;
  EXPECT_TRUE(engine.configure(settings).ok());
  for (const InputFile& file : files) {
    FileOptions options;
    options.name = file.name;
    if (parts == 0) {
      testing::feed_chunks(engine, file.bytes, 1 << 16, options);
    } else {
      RangeCounts file_counts;
      read_in_ranges(engine, file.bytes, options, parts, run, &file_counts, threads);
      if (counts != nullptr) {
        counts->merged += file_counts.merged;
        counts->read_serially += file_counts.read_serially;
        counts->taken_back += file_counts.taken_back;
      }
    }
  }
  EXPECT_TRUE(engine.analyze().ok());
  return report_without_size(engine);
}

// Checks the report at pool sizes 1, 2, 3 and 7; returns what became of the ranges.
RangeCounts expect_same_at_every_pool_size(const std::vector<InputFile>& files,
                                           const std::string& what) {
  const std::string whole = report_of(files, 0);
  RangeCounts counts;
  for (std::size_t parts : {1, 2, 3, 7}) {
    const std::string ranged = report_of(files, parts, &counts);
    EXPECT_EQ(ranged, whole) << what << " in " << parts << " ranges";
  }
  return counts;
}

std::vector<InputFile> generated(sample::GeneratorOptions options) {
  struct Sink : sample::OutputSink {
    std::array<std::string, 4> files;
    void write(sample::OutputFile file, std::string_view bytes) override {
      files[static_cast<int>(file)] += bytes;
    }
  } sink;
  sample::generate_store(options, sink);
  std::vector<InputFile> files;
  for (int f = 0; f < 4; ++f) {
    const auto file = static_cast<sample::OutputFile>(f);
    files.push_back({sample::output_file_name(file, options), sink.files[f]});
  }
  return files;
}

// The range spec of `file` as the engine that owns it gives it after the first 4 KiB (`first`
// gets that count); nullopt for a table read whole (the products file).
std::optional<RangeSpec> spec_after_head(const InputFile& file, std::size_t& first) {
  Engine head;
  FileOptions file_options;
  file_options.name = file.name;
  EXPECT_TRUE(head.begin_file(file_options).ok());
  first = std::min<std::size_t>(file.bytes.size(), 4096);
  EXPECT_TRUE(head.feed(std::string_view(file.bytes).substr(0, first)).ok());
  Result<RangeSpec> spec = head.range_spec();
  if (!spec.ok()) return std::nullopt;
  return std::move(spec.value());
}

TEST(RangeReading, GeneratedStoresInEveryFormat) {
  for (Format format : {Format::csv, Format::ndjson}) {
    sample::GeneratorOptions options;
    options.orders = 3000;
    options.seed = 7;
    options.format = format;
    const RangeCounts counts =
        expect_same_at_every_pool_size(generated(options), format_name(format));
    EXPECT_GT(counts.merged, 20u) << format_name(format);
  }
  sample::GeneratorOptions shopify;
  shopify.orders = 3000;
  shopify.seed = 8;
  shopify.shopify = true;
  EXPECT_GT(expect_same_at_every_pool_size(generated(shopify), "shopify").merged, 10u);
}

// With fewer engines than ranges the engine reads a share of the ranges itself between the
// ones it merges; on threads it also takes back ranges no reader has started. Same report.
TEST(RangeReading, FewerEnginesThanRangesInTurnAndOnThreads) {
  sample::GeneratorOptions options;
  options.orders = 4000;
  options.seed = 12;
  const std::vector<InputFile> files = generated(options);
  const std::string whole = report_of(files, 0);
  RangeCounts in_turn;
  EXPECT_EQ(report_of(files, 9, &in_turn, "{}", 2), whole) << "9 ranges, 2 engines, in turn";
  // Each of the three ranged files (the catalogue is read whole) has 8 ranges after the
  // engine's first; 3/7 of them are the engine's own (2, 4 and 6), 5 are merged.
  EXPECT_EQ(in_turn.merged, 3u * 5u);
  EXPECT_EQ(in_turn.taken_back, 0u) << "in turn, readers have read every range first";
  RangeCounts threaded;
  for (int round = 0; round < 3; ++round) {
    for (std::size_t threads : {2, 3}) {
      EXPECT_EQ(report_of(files, 12, &threaded, "{}", threads, on_threads), whole)
          << "12 ranges, " << threads << " engines on threads";
    }
  }
  EXPECT_GT(threaded.merged, 0u);
}

TEST(RangeReading, RangesAreReallyMergedOnGeneratedOrders) {
  sample::GeneratorOptions options;
  options.orders = 3000;
  const std::vector<InputFile> files = generated(options);
  const InputFile& orders = files[1];
  Engine engine;
  FileOptions file;
  file.name = orders.name;
  ASSERT_TRUE(engine.begin_file(file).ok());
  ASSERT_TRUE(engine.feed(std::string_view(orders.bytes).substr(0, 4096)).ok());
  const std::vector<std::size_t> starts = plan_ranges(engine, orders.bytes, 4096, 7);
  EXPECT_EQ(starts.size(), 6u);
  // Each range starts a line, and an order: the line before it is another order's.
  for (std::size_t start : starts) {
    ASSERT_EQ(orders.bytes[start - 1], '\n');
    const std::size_t previous = orders.bytes.rfind('\n', start - 2) + 1;
    EXPECT_NE(orders.bytes.substr(previous, 9), orders.bytes.substr(start, 9)) << start;
  }
  // Every range merges (nothing falls back to reading serially).
  const Result<RangeSpec> spec = engine.range_spec();
  ASSERT_TRUE(spec.ok());
  std::vector<std::size_t> bounds = {4096};
  bounds.insert(bounds.end(), starts.begin(), starts.end());
  bounds.push_back(orders.bytes.size());
  ASSERT_TRUE(engine.feed(std::string_view(orders.bytes).substr(4096, bounds[1] - 4096)).ok());
  for (std::size_t k = 1; k + 1 < bounds.size(); ++k) {
    Engine reader;
    const Result<ByteArray> range = reader.read_range(
        spec.value(), std::string_view(orders.bytes).substr(bounds[k], bounds[k + 1] - bounds[k]));
    ASSERT_TRUE(range.ok()) << range.status().message;
    const Result<RangeMerge> merged =
        engine.merge_range(range.value().view(), k + 2 == bounds.size());
    ASSERT_TRUE(merged.ok());
    EXPECT_EQ(merged.value(), RangeMerge::merged) << "range " << k;
  }
  ASSERT_TRUE(engine.end_file().ok());
  EXPECT_EQ(
      engine.files().back().rows_read,
      static_cast<std::uint64_t>(std::count(orders.bytes.begin(), orders.bytes.end(), '\n') - 1));
}

// A range fed in pieces of any size (begin_range, feed, end_range: a worker's buffer holds a
// piece, not the range) serialises to the same bytes as read_range over the whole range; a
// piece that fails ends the range with that failure and leaves the engine empty for the next.
TEST(RangeReading, RangeFedInPiecesSameAsWhole) {
  sample::GeneratorOptions options;
  options.orders = 300;
  const std::vector<InputFile> files = generated(options);
  for (const InputFile& file : files) {
    std::size_t first = 0;
    const std::optional<RangeSpec> spec = spec_after_head(file, first);
    if (!spec) continue;  // the products file is read whole
    const std::string_view range = std::string_view(file.bytes).substr(first);
    Engine reader;
    const Result<ByteArray> whole = reader.read_range(*spec, range);
    ASSERT_TRUE(whole.ok()) << file.name;
    for (std::size_t piece : {1u, 7u, 100u, 4096u}) {
      ASSERT_TRUE(reader.begin_range(*spec, range.size()).ok());
      for (std::size_t at = 0; at < range.size(); at += piece)
        ASSERT_TRUE(reader.feed(range.substr(at, piece)).ok()) << file.name << " at " << at;
      const Result<ByteArray> pieces = reader.end_range();
      ASSERT_TRUE(pieces.ok()) << file.name;
      EXPECT_EQ(pieces.value().view(), whole.value().view()) << file.name << " in " << piece;
    }
    // Too large for the engine's memory: the feed fails, and so does the range.
    reader.set_memory_limit(2048);
    ASSERT_TRUE(reader.begin_range(*spec, range.size()).ok());
    Status failed = Status::success();
    for (std::size_t at = 0; failed.ok() && at < range.size(); at += 512)
      failed = reader.feed(range.substr(at, 512));
    ASSERT_FALSE(failed.ok()) << file.name;
    EXPECT_FALSE(reader.feed(range.substr(0, 512)).ok()) << "the rest of a failed range";
    const Result<ByteArray> ended = reader.end_range();
    ASSERT_FALSE(ended.ok());
    EXPECT_EQ(ended.status().code, ErrorCode::too_large);
    EXPECT_FALSE(reader.end_range().ok()) << "no range open any more";
    ASSERT_TRUE(reader.begin_range(*spec, range.size()).ok());
    reader.end_file();  // the wrong call: the range cannot be serialised any more
    EXPECT_EQ(reader.end_range().status().code, ErrorCode::bad_usage);
    reader.set_memory_limit(0);
    const Result<ByteArray> again = reader.read_range(*spec, range);
    ASSERT_TRUE(again.ok()) << file.name;
    EXPECT_EQ(again.value().view(), whole.value().view());
  }
}

// Serialised ranges cut short or with a byte changed are refused or merged without reading
// past their end (ASan checks the reads); a cut one is never taken for a whole one.
TEST(RangeReading, DamagedRangeBytesAreRefused) {
  sample::GeneratorOptions options;
  options.orders = 200;
  const std::vector<InputFile> files = generated(options);
  for (const InputFile& file : files) {
    std::size_t first = 0;
    const std::optional<RangeSpec> spec = spec_after_head(file, first);
    if (!spec) continue;  // the products file is read whole
    Engine reader;
    const Result<ByteArray> range =
        reader.read_range(*spec, std::string_view(file.bytes).substr(first));
    ASSERT_TRUE(range.ok()) << file.name;
    const std::string whole(range.value().view());
    const auto merge = [](const std::string& bytes) {
      Store store;
      FileReport report;
      return merge_range(bytes, store, report, 0, 2);
    };
    ASSERT_TRUE(merge(whole).ok()) << file.name;
    const std::size_t step = std::max<std::size_t>(1, whole.size() / 400);
    for (std::size_t cut = 0; cut < whole.size(); cut += step)
      EXPECT_FALSE(merge(whole.substr(0, cut)).ok()) << file.name << " cut at " << cut;
    for (std::size_t at = 0; at < whole.size(); at += step) {
      std::string changed = whole;
      changed[at] = static_cast<char>(changed[at] ^ 0x5A);
      (void)merge(changed);
    }
  }
}

TEST(RangeReading, EveryFixtureAndFuzzSeed) {
  namespace fs = std::filesystem;
  const std::string root = BASKETLIFT_SOURCE_DIR;
  for (const char* dir : {"tests/fixtures/ingest", "tests/fixtures/shopify",
                          "tests/fixtures/woocommerce", "web/sample"}) {
    for (const auto& entry : fs::directory_iterator(root + "/" + dir)) {
      const std::string path = entry.path().string();
      if (path.ends_with(".map.json") || path.ends_with(".py") || path.ends_with(".md") ||
          path.ends_with("answers.json")) {
        continue;
      }
      expect_same_at_every_pool_size({{entry.path().filename().string(), testing::read_file(path)}},
                                     path);
    }
  }
  for (const char* dir : {"tests/fuzz/seeds/csv", "tests/fuzz/seeds/json"}) {
    for (const auto& entry : fs::directory_iterator(root + "/" + dir)) {
      const std::string bytes = testing::read_file(entry.path().string());
      if (bytes.size() <= 5) continue;
      // The first bytes choose the fuzz target's options; the rest is the file.
      expect_same_at_every_pool_size({{"seed", bytes.substr(5)}}, entry.path().string());
    }
  }
}

// JSON keys met only after the first range (an unused one, a mapped one, one in two ranges):
// each range tells the columns it met, so the file lists them in the order a single read meets
// them, and the data gaps count them.
TEST(RangeReading, JsonKeysFirstMetInLaterRanges) {
  std::string ndjson;
  for (int o = 0; o < 6000; ++o) {
    ndjson += R"({"order_id":"O)" + std::to_string(o) + R"(","product_id":"P)" +
              std::to_string(o % 17) + R"(","unit_price":2.5)";
    if (o >= 2500 && o % 3 == 0) ndjson += R"(,"gift_note":"x")";
    if (o >= 4100) ndjson += R"(,"channel":"app")";
    if (o == 4400 || o == 5900) ndjson += R"(,"late_flag":true)";
    ndjson += "}\n";
  }
  const RangeCounts counts =
      expect_same_at_every_pool_size({{"orders.ndjson", ndjson}}, "late JSON keys");
  EXPECT_GT(counts.merged, 0u);
  const std::string report = report_of({{"orders.ndjson", ndjson}}, 7);
  EXPECT_NE(report.find(R"("unknown_columns":["gift_note","late_flag"])"), std::string::npos)
      << report.substr(0, 2000);
  EXPECT_NE(report.find(R"("channel":"channel")"), std::string::npos) << report.substr(0, 2000);
}

// Files of a few hundred KiB, so that the ranges fall where they can go wrong.
std::string quoted_line_ends_csv() {
  std::string csv = "order_id,product_id,quantity,unit_price,product_name\n";
  for (int o = 0; o < 4000; ++o) {
    for (int line = 0; line < 1 + o % 3; ++line) {
      csv += "O" + std::to_string(o) + ",P" + std::to_string(line) + ",1,9.5,\"Name, with\n" +
             std::string(o % 40, 'x') + "\n\"\"quotes\"\"\"\n";
    }
  }
  return csv;
}

TEST(RangeReading, QuotedLineEndsAreNotTakenForRecordEnds) {
  const RangeCounts counts =
      expect_same_at_every_pool_size({{"orders.csv", quoted_line_ends_csv()}}, "quoted line ends");
  EXPECT_GT(counts.merged, 0u);
}

// Quoted notes that hold what looks like records: a cut inside one passes for a record
// boundary, and only the merge sees that the range before it did not end there.
TEST(RangeReading, CutsInsideQuotedRecordLookalikesFallBackToReadingSerially) {
  std::string csv = "order_id,product_id,quantity,unit_price,note\n";
  std::string lookalikes;
  for (int k = 0; k < 40; ++k)
    lookalikes += "X" + std::to_string(k) + ",P,1,2.5,n\n";
  for (int o = 0; o < 300; ++o)
    csv += "O" + std::to_string(o) + ",P1,1,9.5,\"" + lookalikes + "\"\n";
  const RangeCounts counts = expect_same_at_every_pool_size({{"orders.csv", csv}}, "lookalikes");
  EXPECT_GT(counts.read_serially, 0u);
}

TEST(RangeReading, OrdersSpreadOverTheFileAndRepeatedSessions) {
  std::string orders = "order_id,session_id,channel,product_id,unit_price\n";
  std::string sessions = "session_id,variant,channel\n";
  for (int row = 0; row < 20000; ++row) {
    // Orders come back later in the file with another channel (a conflict to note).
    const int order = row % 7000;
    orders += "O" + std::to_string(order) + ",S" + std::to_string(order) + "," +
              (row < 7000 ? "web" : "app") + ",P" + std::to_string(row % 13) + ",1.25\n";
    sessions +=
        "S" + std::to_string(row % 15000) + "," + (row % 2 ? "control" : "treatment") + ",web\n";
  }
  const RangeCounts counts = expect_same_at_every_pool_size(
      {{"orders.csv", orders}, {"sessions.csv", sessions}}, "orders spread over the file");
  EXPECT_GT(counts.read_serially, 0u);
}

// Ranges merge ids by number when their pattern is the store's, and as text when a range's
// first id set another pattern: in the second half customers switch from "C123" to zero-padded
// "K-000123" (the same numbers: merged by number, they would be taken for the first half's
// customers), sessions from numbers to text, and guests without a number are mixed in.
TEST(RangeReading, IdsOfAnotherPatternOrWithoutANumberMergeAsText) {
  std::string orders = "order_id,customer_id,session_id,product_id,unit_price\n";
  for (int row = 0; row < 24000; ++row) {
    const int order = row / 2;
    const bool late = order >= 6000;
    char padded[16];
    std::snprintf(padded, sizeof padded, "%06d", order % 3000);
    const std::string customer = order % 11 == 5 ? "guest-" + std::to_string(order % 50)
                                 : late          ? std::string("K-") + padded
                                                 : "C" + std::to_string(order % 3000);
    const std::string session = late ? "s-" + std::to_string(order) : std::to_string(order * 3);
    orders += "#" + std::to_string(1001 + order) + "," + customer + "," + session + ",P" +
              std::to_string(row % 17) + ",2.50\n";
  }
  const RangeCounts counts =
      expect_same_at_every_pool_size({{"orders.csv", orders}}, "ids of two patterns");
  EXPECT_GT(counts.merged, 0u);
  EXPECT_EQ(counts.read_serially, 0u);
  // The report does not show customer or session ids here: compare the pools themselves.
  const auto pools_of = [&](std::size_t parts) {
    Engine engine;
    FileOptions options;
    options.name = "orders.csv";
    EXPECT_TRUE(read_in_ranges(engine, orders, options, parts, run_in_turn).ok());
    std::vector<std::string> texts;
    for (const IdPool* pool : {&engine.store().pools.customers, &engine.store().pools.sessions}) {
      for (std::uint32_t id = 0; id < pool->size(); ++id)
        texts.emplace_back(pool->view(id));
    }
    return texts;
  };
  const std::vector<std::string> whole = pools_of(1);
  EXPECT_EQ(whole.size(), 3000u + 3000u + 50u + 12000u);  // C…, K-…, guests; sessions
  for (std::size_t parts : {2, 3, 7})
    EXPECT_EQ(pools_of(parts), whole) << parts << " ranges";
}

TEST(RangeReading, FlatNdjsonOrdersKeepEachOrderInOneRange) {
  std::string ndjson;
  for (int o = 0; o < 6000; ++o) {
    for (int line = 0; line < 1 + o % 4; ++line) {
      ndjson += "{\"order_id\":\"O" + std::to_string(o) + "\",\"product_id\":\"P" +
                std::to_string(line) + "\",\"channel\":\"" + (line == 0 ? "web" : "") +
                "\",\"unit_price\":" + std::to_string(1 + line) + ".5}\n";
    }
    if (o % 500 == 0) ndjson += "\n{broken json\n";
  }
  EXPECT_GT(
      expect_same_at_every_pool_size({{"orders.ndjson", ndjson}}, "flat NDJSON orders").merged, 0u);
}

}  // namespace
}  // namespace basketlift
