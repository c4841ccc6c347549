// The engine facade: files in, report out, errors as values.
#include "engine/engine.h"

#include <gtest/gtest.h>

#include "simdjson.h"
#include "test_support.h"

namespace basketlift {
namespace {

TEST(Engine, SummaryOfTheSkeletonFixture) {
  Engine engine;
  const std::string bytes =
      testing::read_file(testing::fixture_path("ingest/orders_nested.ndjson"));
  ASSERT_TRUE(testing::feed_chunks(engine, bytes, 0).ok());
  ASSERT_TRUE(engine.analyze().ok());
  const Summary& s = engine.report().summary;
  EXPECT_EQ(s.orders, 5u);
  EXPECT_EQ(s.order_lines, 7u);
  // 800 + 40 + 1000 + (3 × 9.5 − 1.5) + (2 × 40 − 8) + 799.99 + 49.9
  EXPECT_DOUBLE_EQ(*s.revenue.value, 2788.89);
  EXPECT_DOUBLE_EQ(*s.aov.value, 2788.89 / 5);
  EXPECT_DOUBLE_EQ(*s.attach_rate.value, 3.0 / 5);
  EXPECT_EQ(s.currency, "EUR");
  EXPECT_FALSE(s.margin.value.has_value());
  EXPECT_FALSE(s.cvr.value.has_value());
  EXPECT_EQ(s.cvr.unavailable, "no sessions table was given");
}

TEST(Engine, ReportHasTheStableTopLevelKeys) {
  Engine engine;
  ASSERT_TRUE(testing::feed_chunks(engine, "{\"order_id\":\"1\",\"product_id\":\"a\"}\n", 0).ok());
  ASSERT_TRUE(engine.analyze().ok());
  const std::string json = engine.report_json();
  std::size_t last = 0;
  for (const char* key :
       {"schema_version", "engine_version", "inputs", "summary", "dimensions", "experiment",
        "offers", "retire", "basket", "ltv", "data_gaps", "alerts", "settings"}) {
    const std::size_t at = json.find("\"" + std::string(key) + "\":");
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, last) << key << " out of order";
    last = at;
  }
}

TEST(Engine, MisuseIsReportedNotCrashed) {
  Engine engine;
  EXPECT_EQ(engine.feed("x").code, ErrorCode::bad_usage);
  EXPECT_EQ(engine.end_file().code, ErrorCode::bad_usage);
  ASSERT_TRUE(engine.begin_file({"a.ndjson", {}, {}, {}}).ok());
  EXPECT_EQ(engine.begin_file({"b.ndjson", {}, {}, {}}).code, ErrorCode::bad_usage);
  EXPECT_EQ(engine.analyze().code, ErrorCode::bad_usage);
}

TEST(Engine, UnreadableFileNamesTheFileAndEngineGoesOn) {
  Engine engine;
  const std::string binary("PK\x03\x04\x00\x00", 6);
  const Status status = testing::feed_chunks(engine, binary, 0, {"book.xlsx", {}, {}, {}});
  EXPECT_EQ(status.code, ErrorCode::unreadable_file);
  EXPECT_NE(status.message.find("book.xlsx"), std::string::npos);
  EXPECT_EQ(testing::feed_chunks(engine, "", 0, {"empty.csv", {}, {}, {}}).code,
            ErrorCode::unreadable_file);
  EXPECT_EQ(testing::feed_chunks(engine, "\xFF\xFEo\0r\0", 0, {"utf16.csv", {}, {}, {}}).code,
            ErrorCode::unreadable_file);
  ASSERT_TRUE(testing::feed_chunks(engine, "{\"order_id\":\"1\",\"product_id\":\"a\"}", 0).ok());
  ASSERT_TRUE(engine.analyze().ok());
  EXPECT_EQ(engine.report().summary.orders, 1u);
  ASSERT_EQ(engine.report().inputs.size(), 4u);
  EXPECT_TRUE(engine.report().inputs[0].error.has_value());
  EXPECT_EQ(*engine.report().inputs[1].error, "the file is empty");
}

TEST(Engine, ResetForgetsFilesButKeepsSettings) {
  Engine engine;
  ASSERT_TRUE(engine.configure(R"({"control_arm":"baseline"})").ok());
  ASSERT_TRUE(testing::feed_chunks(engine, "{\"order_id\":\"1\",\"product_id\":\"a\"}", 0).ok());
  engine.reset();
  EXPECT_TRUE(engine.files().empty());
  EXPECT_EQ(engine.store().lines.size(), 0u);
  EXPECT_EQ(engine.settings().control_arm, "baseline");
}

TEST(Engine, SettingsRejectTyposAndBadValues) {
  Engine engine;
  EXPECT_EQ(engine.configure(R"({"controll_arm":"x"})").code, ErrorCode::bad_config);
  EXPECT_EQ(engine.configure(R"({"confidence":1.5})").code, ErrorCode::bad_config);
  EXPECT_EQ(engine.configure("not json").code, ErrorCode::bad_config);
  EXPECT_TRUE(engine.configure(R"({"confidence":0.9})").ok());
  EXPECT_EQ(engine.settings().confidence, 0.9);
}

// The product dimension carries the catalogue's names beside the ids (what a merchant reads).
TEST(Engine, ProductGroupsCarryTheCatalogueName) {
  Engine engine;
  FileOptions products;
  products.name = "products.csv";
  ASSERT_TRUE(testing::feed_chunks(
                  engine, "product_id,name,price\nLAP-15,<img src=x onerror=alert(1)> Laptop,800\n",
                  0, products)
                  .ok());
  FileOptions orders;
  orders.name = "orders.csv";
  ASSERT_TRUE(testing::feed_chunks(
                  engine,
                  "order_id,product_id,quantity,unit_price\n1,LAP-15,1,800\n2,NO-NAME,1,5\n", 0,
                  orders)
                  .ok());
  ASSERT_TRUE(engine.analyze().ok());
  const Dimension* product = nullptr;
  for (const Dimension& d : engine.report().dimensions.dimensions)
    if (d.name == "product") product = &d;
  ASSERT_NE(product, nullptr);
  ASSERT_EQ(product->groups.size(), 2u);
  EXPECT_EQ(product->groups[0].key, "LAP-15");
  EXPECT_EQ(product->groups[0].name, "<img src=x onerror=alert(1)> Laptop");
  EXPECT_EQ(product->groups[1].name, "") << "no catalogue row, no name";
  EXPECT_NE(engine.report_json().find("\"name\":\"<img src=x onerror=alert(1)> Laptop\""),
            std::string::npos);
}

// A file bigger than the memory cap stops with a clear too_large error; its account still
// adds up, the engine still analyses, and after reset() it reads again.
TEST(Engine, MemoryCapStopsAFileCleanlyAndTheEngineStaysUsable) {
  const std::string offers = testing::read_file(BASKETLIFT_SOURCE_DIR "/web/sample/offers.csv");
  Engine engine;
  engine.set_memory_limit(400'000);  // the store may hold 200 kB
  FileOptions options;
  options.name = "offers.csv";
  const Status status = testing::feed_chunks(engine, offers, 64 << 10, options);
  EXPECT_EQ(status.code, ErrorCode::too_large);
  const FileReport& file = engine.files().at(0);
  ASSERT_TRUE(file.error.has_value());
  // Sizes under 1 MB in kB, not rounded to "0 MB".
  EXPECT_NE(file.error->find(", more than the 200 kB this engine may hold"), std::string::npos)
      << *file.error;
  EXPECT_EQ(file.error->find(" 0 MB"), std::string::npos) << *file.error;
  EXPECT_GT(file.rows_read, 0u);
  EXPECT_EQ(file.rows_read, file.rows_used + file.rows_rejected);
  EXPECT_LE(engine.memory_bytes(), 400'000u);
  EXPECT_TRUE(engine.analyze().ok());
  engine.reset();
  engine.set_memory_limit(0);
  EXPECT_TRUE(testing::feed_chunks(engine, offers, 64 << 10, options).ok());
  EXPECT_EQ(engine.files().at(0).rows_rejected, 0u);
}

// settings.sections computes only the sections asked for; the others say why they are empty.
TEST(Engine, SectionsSettingLeavesOutWhatIsNotAsked) {
  Engine engine;
  ASSERT_TRUE(engine.configure(R"({"sections": ["basket"]})").ok());
  const std::string bytes =
      testing::read_file(testing::fixture_path("ingest/orders_nested.ndjson"));
  ASSERT_TRUE(testing::feed_chunks(engine, bytes, 0).ok());
  ASSERT_TRUE(engine.analyze().ok());
  const Report& r = engine.report();
  EXPECT_TRUE(r.basket.available);
  EXPECT_FALSE(r.dimensions.available);
  EXPECT_EQ(r.experiment.reason, "not computed: left out by settings.sections");
  EXPECT_FALSE(r.offers.available);
  EXPECT_FALSE(r.ltv.available);
  EXPECT_EQ(r.summary.orders, 5u) << "the summary is always there";
  EXPECT_NE(engine.report_json().find(R"("sections":["basket"])"), std::string::npos);
  EXPECT_EQ(engine.configure(R"({"sections": ["baskets"]})").code, ErrorCode::bad_config);
}

// The settings a report writes are settings the engine reads: configuring a fresh engine with
// report.settings gives the same report, for the defaults and for changed options.
TEST(Engine, ReportSettingsConfigureTheSameReport) {
  for (const char* settings :
       {"{}", R"({"confidence": 0.9, "expected_split": {"control": 1, "treatment": 1},
                  "capping": "two_sided", "adjustment": "benjamini_hochberg",
                  "ltv_windows_days": [14, 60], "retire_min_impressions": 50})"}) {
    Engine first;
    ASSERT_TRUE(first.configure(settings).ok()) << settings;
    ASSERT_TRUE(testing::analyze_sample_store(first).ok());
    const std::string report = first.report_json();
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    ASSERT_EQ(parser.parse(report).get(root), simdjson::SUCCESS);
    simdjson::dom::element settings_element;
    ASSERT_EQ(root["settings"].get(settings_element), simdjson::SUCCESS);
    const std::string written = simdjson::minify(settings_element);
    Engine second;
    const Status configured = second.configure(written);
    ASSERT_TRUE(configured.ok()) << configured.message << " in " << written;
    ASSERT_TRUE(testing::analyze_sample_store(second).ok());
    EXPECT_EQ(second.report_json(), report) << settings;
  }
}

}  // namespace
}  // namespace basketlift
