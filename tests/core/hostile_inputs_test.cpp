// The hostile and broken inputs of SPEC §7: each gets a result or a clear message naming the
// file (and row, column and reason where there is one), never a crash, and every row read is
// either used or rejected with a reason.
#include <gtest/gtest.h>

#include <string>

#include "engine/engine.h"
#include "ingest/record_limit.h"
#include "test_support.h"

namespace basketlift {
namespace {

using testing::feed_chunks;

// Reads one file (in 64 KiB chunks) and checks its account adds up.
struct Read {
  Status status;
  FileReport file;
};
Read read(const std::string& bytes, const char* name = "hostile.csv",
          std::size_t chunk = 64 << 10) {
  Engine engine;
  FileOptions options;
  options.name = name;
  Read result{feed_chunks(engine, bytes, chunk, options), {}};
  result.file = engine.files().at(0);
  EXPECT_EQ(result.file.rows_read, result.file.rows_used + result.file.rows_rejected) << name;
  EXPECT_TRUE(engine.analyze().ok());
  return result;
}

std::uint64_t rejected(const FileReport& file, RejectReason reason) {
  return file.rejected[static_cast<int>(reason)].count;
}

TEST(HostileInputs, EmptyFileAndHeaderOnlyNameTheProblem) {
  Read empty = read("");
  EXPECT_EQ(empty.status.code, ErrorCode::unreadable_file);
  EXPECT_EQ(empty.status.message, "'hostile.csv': the file is empty");
  Read blank = read("\xEF\xBB\xBF  \n\n");
  EXPECT_EQ(blank.status.message, "'hostile.csv': the file is empty");
  Read header_only = read("order_id,product_id,quantity\n");
  EXPECT_EQ(header_only.status.message, "'hostile.csv': the file has a header but no rows");
}

TEST(HostileInputs, BinaryAndUtf16AreRecognisedNotParsed) {
  std::string binary = "PK\x03\x04";
  binary += std::string(300, '\0');
  EXPECT_NE(read(binary, "orders.xlsx").status.message.find("binary data"), std::string::npos);
  const char with_bom[] = "\xFF\xFEo\0r\0d\0e\0r\0_\0i\0d\0";
  EXPECT_NE(read(std::string(with_bom, sizeof with_bom - 1)).status.message.find("UTF-16"),
            std::string::npos);
  const char no_bom[] = "o\0r\0d\0e\0r\0_\0i\0d\0,\0p\0\n\0";
  EXPECT_NE(read(std::string(no_bom, sizeof no_bom - 1)).status.message.find("UTF-16"),
            std::string::npos);
}

TEST(HostileInputs, InvalidUtf8IsKeptInCsvAndNotedButRejectedInJson) {
  Read csv =
      read("order_id,product_id,quantity,unit_price,product_name\n1,a,1,10,caf\xE9\n2,b,1,5,ok\n");
  EXPECT_EQ(csv.file.rows_used, 2u);
  EXPECT_EQ(csv.file.notes[static_cast<int>(RowNote::non_utf8_text)].count, 1u);
  EXPECT_EQ(csv.file.notes[static_cast<int>(RowNote::non_utf8_text)].examples.at(0).row, 2u);
  Read ndjson = read(
      "{\"order_id\":\"1\",\"product_id\":\"caf\xE9\"}\n{\"order_id\":\"2\",\"product_id\":\"b\"}"
      "\n",
      "o.ndjson");
  EXPECT_EQ(ndjson.file.rows_used, 1u);
  EXPECT_EQ(rejected(ndjson.file, RejectReason::invalid_utf8), 1u);
}

TEST(HostileInputs, TenMegabyteLinesAreRejectedAsTooLongAndTheRestIsRead) {
  const std::string long_text(10 << 20, 'x');
  for (std::size_t chunk : {std::size_t{0}, std::size_t{1} << 20}) {
    Read csv = read("order_id,product_id,quantity\n1,a,1\n2," + long_text + ",1\n3,c,1\n",
                    "long.csv", chunk);
    EXPECT_EQ(csv.file.rows_used, 2u) << chunk;
    EXPECT_EQ(rejected(csv.file, RejectReason::record_too_long), 1u) << chunk;
    EXPECT_EQ(csv.file.rejected[static_cast<int>(RejectReason::record_too_long)].examples.at(0).row,
              3u);
    Read ndjson =
        read("{\"order_id\":\"1\",\"product_id\":\"a\"}\n{\"order_id\":\"2\",\"product_id\":\"" +
                 long_text + "\"}\n{\"order_id\":\"3\",\"product_id\":\"c\"}\n",
             "long.ndjson", chunk);
    EXPECT_EQ(ndjson.file.rows_used, 2u) << chunk;
    EXPECT_EQ(rejected(ndjson.file, RejectReason::record_too_long), 1u) << chunk;
    Read json =
        read("[{\"order_id\":\"1\",\"product_id\":\"a\"},{\"order_id\":\"2\",\"product_id\":\"" +
                 long_text + "\"},{\"order_id\":\"3\",\"product_id\":\"c\"}]",
             "long.json", chunk);
    EXPECT_EQ(json.file.rows_used, 2u) << chunk;
    EXPECT_EQ(rejected(json.file, RejectReason::record_too_long), 1u) << chunk;
  }
}

TEST(HostileInputs, UnterminatedQuoteAtTheEndRejectsThatRowOnly) {
  Read r = read("order_id,product_id,quantity\n1,a,1\n2,\"b,1\n");
  EXPECT_EQ(r.file.rows_used, 1u);
  EXPECT_EQ(rejected(r.file, RejectReason::unterminated_quote), 1u);
  // A runaway quote in a big file: the row is cut at the limit, not held to the end.
  Read runaway =
      read("order_id,product_id,quantity\n1,\"a,1\n" + std::string(5 << 20, 'y') + "\n3,c,1\n");
  EXPECT_EQ(rejected(runaway.file, RejectReason::record_too_long), 1u);
  EXPECT_EQ(runaway.file.rows_used, 1u);
}

TEST(HostileInputs, DeepNestingIsARejectedRowNotAStackOverflow) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  // A deep value where a record belongs is rejected; one in a column nobody reads is skipped.
  const std::string good = "{\"order_id\":\"1\",\"items\":[{\"product_id\":\"a\"}]}\n";
  Read r = read(good + deep + "\n{\"order_id\":\"3\",\"product_id\":\"c\",\"x\":" + deep + "}\n",
                "deep.ndjson");
  EXPECT_EQ(r.file.rows_used, 2u);
  EXPECT_EQ(r.file.rows_rejected, 1u);
  Read items = read(good + "{\"order_id\":\"2\",\"items\":" + deep + "}\n" + good, "items.ndjson");
  EXPECT_EQ(items.file.rows_used, 2u);
  EXPECT_EQ(items.file.rows_rejected, 1u);
  Read array = read("[" + deep + ",{\"order_id\":\"2\",\"product_id\":\"b\"}]", "deep.json");
  EXPECT_EQ(array.file.rows_used, 1u);
  EXPECT_EQ(array.file.rows_rejected, 1u);
}

// As JSON.parse does: the last of repeated keys wins.
TEST(HostileInputs, DuplicateJsonKeysTakeTheLastValue) {
  Engine engine;
  ASSERT_TRUE(feed_chunks(engine,
                          "{\"order_id\":\"1\",\"product_id\":\"a\",\"quantity\":2,\"quantity\":5,"
                          "\"unit_price\":10}\n",
                          0)
                  .ok());
  ASSERT_TRUE(engine.analyze().ok());
  EXPECT_EQ(engine.store().lines.quantity[0], 5);
  EXPECT_EQ(engine.files().at(0).rows_rejected, 0u);
}

TEST(HostileInputs, OverflowNotANumberAndNegativeZero) {
  Read r = read(
      "order_id,product_id,quantity,unit_price\n1,a,1e400,10\n2,b,NaN,10\n3,c,1,-0\n4,d,inf,1\n5,e,"
      "1,1e-400\n");
  EXPECT_EQ(rejected(r.file, RejectReason::invalid_number), 3u);  // 1e400, NaN, inf
  EXPECT_EQ(r.file.rows_used, 2u);                                // -0 is 0; 1e-400 rounds to 0
  Read json = read(
      "{\"order_id\":\"1\",\"product_id\":\"a\",\"quantity\":1e400}\n{\"order_id\":\"2\",\"product_"
      "id\":\"b\",\"quantity\":-0,\"unit_price\":1}\n",
      "n.ndjson");
  EXPECT_EQ(json.file.rows_rejected, 2u);  // 1e400 is not a number; -0 is not a positive quantity
}

TEST(HostileInputs, TenThousandCharacterIdsAreKeptAndShortenedInMessages) {
  const std::string id(10000, 'i');
  Engine engine;
  ASSERT_TRUE(feed_chunks(engine,
                          "order_id,product_id,quantity,unit_price\n" + id + "," + id + ",1,10\n" +
                              id + ",x,0,1\n",
                          0)
                  .ok());
  ASSERT_TRUE(engine.analyze().ok());
  EXPECT_EQ(engine.store().pools.orders.view(0).size(), 10000u);
  EXPECT_LE(engine.files()
                .at(0)
                .rejected[static_cast<int>(RejectReason::non_positive_quantity)]
                .examples.at(0)
                .value.size(),
            124u);
  EXPECT_LT(engine.report_json().size(), 200000u) << "ids are not repeated without bound";
}

TEST(HostileInputs, AMillionDistinctProductIds) {
  std::string csv = "order_id,product_id,quantity,unit_price\n";
  csv.reserve(30 << 20);
  for (int i = 0; i < 1000000; ++i) {
    csv += std::to_string(i / 2) + ",P" + std::to_string(i) + ",1,1\n";
  }
  Engine engine;
  ASSERT_TRUE(feed_chunks(engine, csv, 1 << 20).ok());
  ASSERT_TRUE(engine.analyze().ok());
  EXPECT_EQ(engine.store().pools.products.size(), 1000000u);
  EXPECT_EQ(engine.report().summary.orders, 500000u);
  const Dimension* product = nullptr;
  for (const Dimension& d : engine.report().dimensions.dimensions)
    if (d.name == "product") product = &d;
  ASSERT_NE(product, nullptr);
  EXPECT_EQ(product->group_count, 1000000u);
  EXPECT_EQ(product->groups.size(), engine.settings().max_dimension_groups + 1)
      << "the long tail is summed into one group";
}

TEST(HostileInputs, FiveThousandColumns) {
  std::string header = "order_id,product_id,quantity,unit_price";
  std::string row = "1,a,1,10";
  for (int i = 0; i < 4996; ++i) {
    header += ",extra" + std::to_string(i);
    row += ",v";
  }
  Read r = read(header + "\n" + row + "\n" + row + "\n");
  EXPECT_EQ(r.file.rows_used, 2u);
  EXPECT_EQ(r.file.unknown_columns.size(), 4996u);
}

}  // namespace
}  // namespace basketlift
