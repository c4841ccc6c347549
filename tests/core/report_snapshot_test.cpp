// The whole report, byte for byte, on stores that exercise every section and data-gap check,
// against snapshots in tests/fixtures/reports/. Speed work must leave these unchanged; a change
// meant to alter the report updates them (BASKETLIFT_UPDATE_SNAPSHOTS=1 rewrites the files, and
// the diff is reviewed with the change). store_bytes and engine_version are left out.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "generated_store.h"

namespace basketlift {
namespace {

// The report's pretty JSON without the lines that vary with allocation and with the version.
std::string comparable_report(const Engine& engine) {
  const std::string json = engine.report_json(true);
  std::string kept;
  std::size_t at = 0;
  while (at < json.size()) {
    std::size_t end = json.find('\n', at);
    end = end == std::string::npos ? json.size() : end + 1;
    const std::string_view line(json.data() + at, end - at);
    if (line.find("\"store_bytes\":") == std::string_view::npos &&
        line.find("\"engine_version\":") == std::string_view::npos) {
      kept.append(line);
    }
    at = end;
  }
  return kept;
}

void expect_snapshot(const std::string& name, const Engine& engine) {
  const std::string path = testing::fixture_path("reports/" + name + ".json");
  const std::string report = comparable_report(engine);
  if (const char* update = std::getenv("BASKETLIFT_UPDATE_SNAPSHOTS"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << report;
    GTEST_SKIP() << "rewrote " << path;
  }
  const std::string expected = testing::read_file(path);
  ASSERT_FALSE(expected.empty()) << path << " is missing";
  if (report == expected) return;
  std::size_t line = 1, at = 0;
  while (at < report.size() && at < expected.size() && report[at] == expected[at])
    line += report[at++] == '\n' ? 1 : 0;
  ADD_FAILURE() << name << ": the report differs from " << path << " from line " << line;
}

TEST(ReportSnapshot, SampleStore) {
  Engine engine;
  ASSERT_TRUE(testing::analyze_sample_store(engine).ok());
  expect_snapshot("sample", engine);
}

TEST(ReportSnapshot, GeneratedStoreWithPlantedGaps) {
  sample::GeneratorOptions options;
  options.orders = 3000;
  options.seed = 7;
  expect_snapshot("generated-gaps", testing::analysed_store(options)->engine);
}

TEST(ReportSnapshot, GeneratedStoreAsNdjson) {
  sample::GeneratorOptions options;
  options.orders = 2000;
  options.seed = 9;
  options.format = Format::ndjson;
  expect_snapshot("generated-ndjson", testing::analysed_store(options)->engine);
}

TEST(ReportSnapshot, GeneratedShopifyExport) {
  sample::GeneratorOptions options;
  options.orders = 1500;
  options.seed = 3;
  options.shopify = true;
  expect_snapshot("generated-shopify", testing::analysed_store(options)->engine);
}

}  // namespace
}  // namespace basketlift
