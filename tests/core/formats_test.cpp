// The same orders as NDJSON, a JSON array, a comma CSV and a semicolon CSV with decimal commas
// and a BOM: identical stores, whatever the format and wherever the chunks are cut.
#include <gtest/gtest.h>

#include "analysis/line_values.h"
#include "test_support.h"

namespace basketlift {
namespace {

using testing::feed_chunks;
using testing::fixture_path;
using testing::read_file;

// The store's lines as comparable text: order, product, quantity, price, discount, rec.
std::vector<std::string> line_texts(const Store& store) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < store.lines.size(); ++i) {
    const std::uint32_t order = store.lines.order[i];
    const std::uint32_t rec = store.lines.rec[i];
    out.push_back(std::string(store.pools.orders.view(order)) + "|" +
                  std::string(store.pools.products.view(store.lines.product[i])) + "|" +
                  std::to_string(store.lines.quantity[i]) + "|" +
                  std::to_string(store.lines.unit_price[i]) + "|" +
                  std::to_string(store.lines.discount[i]) + "|" +
                  (rec == kNoId ? "" : std::string(store.pools.recs.view(rec))) + "|" +
                  std::to_string(store.orders.time[order]) + "|" +
                  std::string(store.pools.customers.view(store.orders.customer[order])));
  }
  return out;
}

struct Loaded {
  std::vector<std::string> lines;
  double revenue = 0;
  FileReport file;
};

Loaded load(const std::string& fixture, std::size_t chunk) {
  Engine engine;
  const Status status =
      feed_chunks(engine, read_file(fixture_path(fixture)), chunk, {fixture, {}, {}, {}});
  EXPECT_TRUE(status.ok()) << status.message;
  EXPECT_TRUE(engine.analyze().ok());
  return {line_texts(engine.store()), engine.report().summary.revenue.value.value_or(-1),
          engine.files().at(0)};
}

TEST(Formats, AllFormatsGiveTheSameStore) {
  const Loaded ndjson = load("ingest/orders_nested.ndjson", 0);
  ASSERT_EQ(ndjson.lines.size(), 7u);
  EXPECT_DOUBLE_EQ(ndjson.revenue, 2788.89);
  for (const char* other :
       {"ingest/orders_nested.json", "ingest/orders_lines.csv", "ingest/orders_semicolon.csv"}) {
    const Loaded loaded = load(other, 0);
    EXPECT_EQ(loaded.lines, ndjson.lines) << other;
    EXPECT_DOUBLE_EQ(loaded.revenue, ndjson.revenue) << other;
    EXPECT_EQ(loaded.file.rows_read, 7u) << other;
    EXPECT_EQ(loaded.file.rows_rejected, 0u) << other;
  }
}

TEST(Formats, DetectedFormatAndDialectAreReported) {
  EXPECT_EQ(load("ingest/orders_nested.json", 0).file.format, Format::json);
  EXPECT_EQ(load("ingest/orders_nested.ndjson", 0).file.format, Format::ndjson);
  const FileReport csv = load("ingest/orders_semicolon.csv", 0).file;
  EXPECT_EQ(csv.format, Format::csv);
  EXPECT_EQ(csv.delimiter, ';');
  EXPECT_TRUE(csv.decimal_comma);
}

TEST(Formats, JsonArrayAndCsvDoNotDependOnChunkCuts) {
  for (const char* fixture : {"ingest/orders_nested.json", "ingest/orders_semicolon.csv"}) {
    const std::string bytes = read_file(fixture_path(fixture));
    const std::string whole = testing::report_of(bytes, {});
    for (std::size_t cut = 1; cut < bytes.size(); ++cut) {
      ASSERT_EQ(testing::report_of(bytes, {cut}), whole) << fixture << " cut at " << cut;
    }
    EXPECT_EQ(load(fixture, 1).lines, load(fixture, 0).lines) << fixture;
  }
}

TEST(JsonArray, BrokenElementsAreRejectedAloneAndNumberedByRecord) {
  Engine engine;
  const std::string text = R"([
    {"order_id": "1", "product_id": "a"},
    {"order_id": "2", "product_id": },
    "just a string",
    {"order_id": "3", "product_id": "c", "items": []},
    {"order_id": "4", "product_id": "d"}
    {"order_id": "5", "product_id": "e"}
  ])";
  ASSERT_TRUE(feed_chunks(engine, text, 0).ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.rows_used, 3u);  // 1, 4 and 5 (the missing comma is reported, 5 still read)
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::invalid_json)].count, 2u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::not_an_object)].count, 1u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::order_without_items)].count, 1u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::invalid_json)].examples[0].row, 2u);
  EXPECT_EQ(file.rows_read, file.rows_used + file.rows_rejected);
}

TEST(JsonArray, TopLevelObjectIsNotAnArray) {
  Engine engine;
  const Status status =
      feed_chunks(engine, R"({"orders": []})", 0, {"x.json", {}, Format::json, {}});
  EXPECT_EQ(status.code, ErrorCode::unreadable_file);
  EXPECT_NE(status.message.find("array of objects"), std::string::npos);
}

TEST(JsonArray, TruncatedFileRejectsTheCutRecord) {
  Engine engine;
  ASSERT_TRUE(
      feed_chunks(engine, R"([{"order_id":"1","product_id":"a"},{"order_id":"2","prod)", 0).ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.rows_used, 1u);
  EXPECT_EQ(file.rows_rejected, 1u);
}

// Found by fuzz_mapper: a '}' outside any object used to make the scanner loop forever.
TEST(JsonArray, StrayClosingBraceIsABrokenRecordNotAHang) {
  Engine engine;
  ASSERT_TRUE(
      feed_chunks(engine,
                  R"([{"order_id":"1","product_id":"a"}, }, {"order_id":"2","product_id":"b"}])", 0)
          .ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.rows_used, 2u);
  EXPECT_EQ(file.rows_rejected, 1u);
}

// Found by fuzz_json: the binary check once saw only the first chunk, so a NUL byte a few
// bytes in was caught or not depending on how the file was cut.
TEST(FileIngest, BinaryCheckDoesNotDependOnChunkCuts) {
  std::string bytes = "{\"order_id\":\"1\",\"product_id\":\"a\"}\n{\"x";
  bytes += '\0';
  bytes += "\"}\n";
  for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{5}}) {
    Engine engine;
    const Status status = feed_chunks(engine, bytes, chunk);
    EXPECT_EQ(status.code, ErrorCode::unreadable_file) << chunk;
    EXPECT_NE(engine.files().at(0).error->find("binary data"), std::string::npos) << chunk;
  }
}

}  // namespace
}  // namespace basketlift
