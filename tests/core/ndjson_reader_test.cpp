// NDJSON through the engine: nested items, row numbers, broken lines, any chunk cut.
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/ndjson_reader.h"
#include "recording_sink.h"
#include "test_support.h"

namespace basketlift {
namespace {

using testing::feed_chunks;
using testing::RecordingSink;
using testing::report_of;

const FileReport& only_file(const Engine& engine) {
  return engine.files().at(0);
}

TEST(NdjsonReader, NestedItemsBecomeOneLineEachWithTheOrderFields) {
  Engine engine;
  const std::string text =
      R"({"items":[{"product_id":"a","unit_price":2},{"product_id":"b","quantity":3,"unit_price":1}],"order_id":"o1","customer_id":"c1"})"
      "\n"
      R"({"order_id":"o2","product_id":"a","unit_price":2})"
      "\n";
  ASSERT_TRUE(feed_chunks(engine, text, 0).ok());
  const Store& store = engine.store();
  ASSERT_EQ(store.lines.size(), 3u);
  EXPECT_EQ(store.pools.orders.view(store.lines.order[0]), "o1");
  EXPECT_EQ(store.pools.orders.view(store.lines.order[1]), "o1");
  EXPECT_EQ(store.lines.quantity[1], 3);
  EXPECT_EQ(store.lines.origin[2].row, 2u);
  EXPECT_EQ(store.pools.customers.view(store.orders.customer[store.lines.order[0]]), "c1");
  EXPECT_EQ(only_file(engine).rows_read, 3u);
}

TEST(NdjsonReader, RejectsBrokenLinesAloneAndKeepsTheRest) {
  Engine engine;
  const std::string text =
      "{\"order_id\":\"1\",\"product_id\":\"a\"}\n"
      "{\"order_id\":\"2\",\"product_id\":\"b\"\n"  // unclosed object
      "{\"order_id\":\"3\",\"product_id\":\"c\"}\r\n"
      "\n"
      "[1,2]\n"
      "{\"order_id\":\"4\",\"product_id\":\"\xFF\"}\n"  // invalid UTF-8
      "{\"order_id\":\"5\",\"product_id\":\"e\"} {\"x\":1}\n"
      "{\"order_id\":\"6\",\"product_id\":\"f\"}";  // no final newline
  ASSERT_TRUE(feed_chunks(engine, text, 0).ok());
  const FileReport& file = only_file(engine);
  EXPECT_EQ(file.rows_read, 7u);
  EXPECT_EQ(file.rows_used, 3u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::invalid_json)].count, 2u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::invalid_utf8)].count, 1u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::not_an_object)].count, 1u);
  const auto& invalid = file.rejected[static_cast<int>(RejectReason::invalid_json)].examples;
  ASSERT_EQ(invalid.size(), 2u);
  EXPECT_EQ(invalid[0].row, 2u);
  EXPECT_EQ(invalid[1].row, 7u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::invalid_utf8)].examples[0].row, 6u);
}

// Keys and strings are read as written when they hold no escape, and unescaped when they do:
// an escaped key names the same column as the plain one, in any position, in any record.
TEST(NdjsonReader, EscapedKeysAndStringsReadAsTheirUnescapedText) {
  Engine engine;
  const std::string text = R"({"order_id":"o1","product_\u0069d":"caf\u00e9","unit_price":2})"
                           "\n"
                           R"({"order_id":"o\"2","product_id":"tea \\ milk","unit_price":3})"
                           "\n"
                           R"({"order_\u0069d":"o3","product_id":"tea","unit_price":4})"
                           "\n"
                           R"({"order_id":"o4","product_id" : "plain" ,"unit_price":5})"
                           "\n";
  ASSERT_TRUE(feed_chunks(engine, text, 0).ok());
  const Store& store = engine.store();
  ASSERT_EQ(store.lines.size(), 4u);
  EXPECT_EQ(only_file(engine).rows_used, 4u);
  const auto product = [&](std::size_t i) {
    return store.pools.products.view(store.lines.product[i]);
  };
  const auto order = [&](std::size_t i) { return store.pools.orders.view(store.lines.order[i]); };
  EXPECT_EQ(product(0), "caf\xC3\xA9");
  EXPECT_EQ(order(1), "o\"2");
  EXPECT_EQ(product(1), "tea \\ milk");
  EXPECT_EQ(order(2), "o3");
  EXPECT_EQ(product(2), "tea");
  EXPECT_EQ(product(3), "plain");
}

TEST(NdjsonReader, KeysKeepTheirColumnWhereverTheyMove) {
  // Objects that leave out an optional key, add an unknown one or list keys in another order:
  // each key is read by its name, never by where the object before had it.
  Engine engine;
  const std::string text =
      R"({"order_id":"o1","customer_id":"c1","product_id":"a","unit_price":2,"quantity":1})"
      "\n"
      R"({"order_id":"o2","product_id":"b","unit_price":3,"quantity":2})"
      "\n"
      R"({"note":"x","unit_price":4,"product_id":"c","customer_id":"c2","order_id":"o3"})"
      "\n"
      R"({"quantity":5,"order_id":"o4","customer_id":"c1","note":"y","product_id":"a","unit_price":6})"
      "\n";
  ASSERT_TRUE(feed_chunks(engine, text, 0).ok());
  const Store& store = engine.store();
  ASSERT_EQ(store.lines.size(), 4u);
  EXPECT_EQ(only_file(engine).rows_used, 4u);
  const auto product = [&](std::size_t i) {
    return store.pools.products.view(store.lines.product[i]);
  };
  const auto customer = [&](std::size_t i) {
    const std::uint32_t c = store.orders.customer[store.lines.order[i]];
    return c == kNoId ? std::string_view("-") : store.pools.customers.view(c);
  };
  EXPECT_EQ(product(1), "b");
  EXPECT_EQ(store.lines.unit_price[1], 3);
  EXPECT_EQ(store.lines.quantity[1], 2);
  EXPECT_EQ(customer(1), "-");
  EXPECT_EQ(product(2), "c");
  EXPECT_EQ(store.lines.unit_price[2], 4);
  EXPECT_EQ(customer(2), "c2");
  EXPECT_EQ(store.pools.orders.view(store.lines.order[3]), "o4");
  EXPECT_EQ(product(3), "a");
  EXPECT_EQ(store.lines.unit_price[3], 6);
  EXPECT_EQ(store.lines.quantity[3], 5);
  EXPECT_EQ(customer(3), "c1");
}

TEST(NdjsonReader, TypedJsonValuesConvert) {
  Engine engine;
  const std::string text =
      R"({"order_id":1001,"product_id":42,"quantity":2,"unit_price":"9.5","discount":null,"rec_id":true})"
      "\n";
  ASSERT_TRUE(feed_chunks(engine, text, 0).ok());
  const Store& store = engine.store();
  ASSERT_EQ(store.lines.size(), 1u);
  EXPECT_EQ(store.pools.orders.view(0), "1001");
  EXPECT_EQ(store.pools.products.view(0), "42");
  EXPECT_EQ(store.lines.unit_price[0], 9.5);
  EXPECT_EQ(store.lines.discount[0], 0);
}

TEST(NdjsonReader, ObjectWhereAValueBelongsIsRejected) {
  Engine engine;
  ASSERT_TRUE(feed_chunks(engine, R"({"order_id":"1","product_id":{"sku":"a"}})", 0).ok());
  EXPECT_EQ(only_file(engine).rejected[static_cast<int>(RejectReason::nested_value)].count, 1u);
}

TEST(NdjsonReader, ResultDoesNotDependOnWhereChunksAreCut) {
  const std::string text =
      testing::read_file(testing::fixture_path("ingest/orders_nested.ndjson")) +
      testing::read_file(testing::fixture_path("ingest/orders_with_bad_rows.ndjson"));
  const std::string whole = report_of(text, {});
  for (std::size_t cut = 1; cut < text.size(); ++cut) {
    ASSERT_EQ(report_of(text, {cut}), whole) << "cut at byte " << cut;
  }
  std::vector<std::size_t> every_byte;
  for (std::size_t at = 1; at < text.size(); ++at)
    every_byte.push_back(at);
  EXPECT_EQ(report_of(text, every_byte), whole);
}

// NDJSON holds one value per line: a value written across lines is each of its lines rejected,
// whether the batch that reads it holds the whole value (one chunk) or ends inside it.
TEST(NdjsonReader, AValueSpanningLinesIsReadLineByLineWhateverTheChunks) {
  const std::string text =
      "{\"order_id\":\"1\",\"product_id\":\"a\"}\n"
      "{\"order_id\":\"2\",\n"
      " \"product_id\":\"b\"}\n"
      "{\"order_id\":\"3\",\"product_id\":\"c\"}\n";
  Engine engine;
  ASSERT_TRUE(feed_chunks(engine, text, 0).ok());
  const FileReport& file = only_file(engine);
  EXPECT_EQ(file.rows_read, 4u);
  EXPECT_EQ(file.rows_used, 2u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::invalid_json)].count, 2u);
  const std::string whole = report_of(text, {});
  for (std::size_t cut = 1; cut < text.size(); ++cut)
    ASSERT_EQ(report_of(text, {cut}), whole) << "cut at byte " << cut;
}

// Lines of every kind the reader meets, `count` of them with varied lengths, so that line
// ends fall at every place in a chunk: plain, CRLF, blank, broken (unclosed), invalid UTF-8,
// two values on a line, a value written across two lines.
std::string mixed_ndjson(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    const std::string id = "\"" + std::to_string(i) + "\"";
    const std::string pad(static_cast<std::size_t>(i * 11 % 37), 'x');
    switch (i % 8) {
      case 0:
        text += R"({"order_id":)" + id + R"(,"product_id":"p)" + pad + "\"}\n";
        break;
      case 1:
        text += R"({"order_id":)" + id + R"(,"product_id":"crlf)" + pad + "\"}\r\n";
        break;
      case 2:
        text += "\n  \n" + std::string(R"({"order_id":)") + id +
                R"(,"product_id":"after blanks"})" + "\n";
        break;
      case 3:
        text += R"({"order_id":)" + id + R"(,"product_id":"unclosed)" + pad + "\"\n";
        break;
      case 4:
        text += R"({"order_id":)" + id + R"(,"product_id":"caf\xE9)" + pad + "\"}\n";
        break;
      case 5:
        text += R"({"order_id":)" + id + R"(,"product_id":"a"} {"order_id":"x"})" + "\n";
        break;
      case 6:
        text += R"({"order_id":)" + id + ",\n" + R"( "product_id":"across lines"})" + "\n";
        break;
      default:
        text += R"({"product_id":"q)" + pad + R"(","order_id":)" + id + "}\n";
    }
  }
  return text;
}

RecordingSink read_ndjson(const std::string& text, std::size_t chunk) {
  RecordingSink sink;
  NdjsonReader reader(sink);
  for (std::size_t at = 0; at < text.size(); at += chunk)
    EXPECT_TRUE(reader.feed(std::string_view(text).substr(at, chunk)).ok());
  EXPECT_TRUE(reader.finish().ok());
  return sink;
}

// Lines that end far enough before a chunk's end are parsed where they lie, and only a line
// cut at the end is copied; fed a byte at a time, every byte goes through the copy instead.
// Both must read the same records, row numbers and rejections.
TEST(NdjsonReaderChunks, LinesParsedInPlaceReadWhatBytesFedOneAtATimeRead) {
  const std::string text = mixed_ndjson(600);
  const RecordingSink bytewise = read_ndjson(text, 1);
  ASSERT_EQ(bytewise.rows.size(), 300u);      // cases 0, 1, 2 and 7
  ASSERT_EQ(bytewise.rejected.size(), 375u);  // 3, 4, 5 once each, 6 on each of its two lines
  for (std::size_t chunk : {63, 64, 65, 66, 100, 129, 1000, 4096, 1 << 20}) {
    const RecordingSink chunked = read_ndjson(text, chunk);
    EXPECT_EQ(chunked.rows, bytewise.rows) << "chunks of " << chunk;
    EXPECT_EQ(chunked.row_numbers, bytewise.row_numbers) << "chunks of " << chunk;
    EXPECT_EQ(chunked.rejected, bytewise.rejected) << "chunks of " << chunk;
    EXPECT_EQ(chunked.rejected_text, bytewise.rejected_text) << "chunks of " << chunk;
  }
  EXPECT_EQ(bytewise.row_numbers[2], 5u);  // the third object, after blank lines 3 and 4
  EXPECT_EQ(bytewise.rows[3], (std::vector<std::string>{"7", "qxxx"}));
}

// A large chunk is read without being copied: the reader holds only the line cut at its end.
TEST(NdjsonReaderChunks, ALargeChunkIsNotCopied) {
  std::string body;
  while (body.size() < (1u << 20))
    body += R"({"order_id":"O)" + std::to_string(body.size()) + R"(","product_id":"a"})" + "\n";
  RecordingSink sink;
  NdjsonReader reader(sink);
  ASSERT_TRUE(reader.feed(body).ok());
  EXPECT_LT(reader.buffered_bytes(), std::size_t{4096});
  ASSERT_TRUE(reader.finish().ok());
  EXPECT_EQ(sink.rows.size(), static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n')));
}

}  // namespace
}  // namespace basketlift
