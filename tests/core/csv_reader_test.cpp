// The CSV reader on its own: RFC 4180 quirks, row numbers, and invariance to chunk cuts.
#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>

#include "recording_sink.h"

namespace basketlift {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using testing::RecordingSink;

struct CsvCase {
  const char* name;
  std::string input;
  std::vector<std::string> header;
  Rows rows;
  std::vector<std::uint64_t> row_numbers;
  std::vector<std::pair<std::uint64_t, RejectReason>> rejected = {};
  char delimiter = ',';
  friend void PrintTo(const CsvCase& c, std::ostream* out) { *out << c.name; }
};

RecordingSink read_csv(const std::string& input, const std::vector<std::size_t>& cuts) {
  RecordingSink sink;
  CsvReader reader(sink);
  std::size_t at = 0;
  for (std::size_t cut : cuts) {
    EXPECT_TRUE(reader.feed(std::string_view(input).substr(at, cut - at)).ok());
    at = cut;
  }
  EXPECT_TRUE(reader.feed(std::string_view(input).substr(at)).ok());
  EXPECT_TRUE(reader.finish().ok());
  return sink;
}

class CsvReaderTest : public ::testing::TestWithParam<CsvCase> {};

TEST_P(CsvReaderTest, ReadsRecordsRowNumbersAndRejections) {
  const CsvCase& c = GetParam();
  const RecordingSink sink = read_csv(c.input, {});
  EXPECT_EQ(sink.header, c.header);
  EXPECT_EQ(sink.rows, c.rows);
  EXPECT_EQ(sink.row_numbers, c.row_numbers);
  EXPECT_EQ(sink.rejected, c.rejected);
  EXPECT_EQ(sink.delimiter, c.delimiter);
}

TEST_P(CsvReaderTest, SameResultWhereverTheInputIsCut) {
  const CsvCase& c = GetParam();
  const RecordingSink whole = read_csv(c.input, {});
  for (std::size_t cut = 1; cut < c.input.size(); ++cut) {
    const RecordingSink split = read_csv(c.input, {cut});
    ASSERT_EQ(split.rows, whole.rows) << "cut at " << cut;
    ASSERT_EQ(split.row_numbers, whole.row_numbers) << "cut at " << cut;
    ASSERT_EQ(split.rejected, whole.rejected) << "cut at " << cut;
  }
  std::vector<std::size_t> every_byte;
  for (std::size_t at = 1; at < c.input.size(); ++at)
    every_byte.push_back(at);
  EXPECT_EQ(read_csv(c.input, every_byte).rows, whole.rows);
}

INSTANTIATE_TEST_SUITE_P(
    Rfc4180, CsvReaderTest,
    ::testing::Values(
        CsvCase{"plain_lf", "a,b\n1,2\n3,4\n", {"a", "b"}, {{"1", "2"}, {"3", "4"}}, {2, 3}},
        CsvCase{"crlf", "a,b\r\n1,2\r\n3,4\r\n", {"a", "b"}, {{"1", "2"}, {"3", "4"}}, {2, 3}},
        CsvCase{"no_final_newline", "a,b\n1,2", {"a", "b"}, {{"1", "2"}}, {2}},
        CsvCase{"quoted_delimiter", "a,b\n\"x,y\",2\n", {"a", "b"}, {{"x,y", "2"}}, {2}},
        CsvCase{"doubled_quotes",
                "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n",
                {"a", "b"},
                {{"say \"hi\"", "\""}},
                {2}},
        CsvCase{"newline_in_quotes",
                "a,b\n\"line1\nline2\",2\n3,4\n",
                {"a", "b"},
                {{"line1\nline2", "2"}, {"3", "4"}},
                {2, 4}},
        CsvCase{"crlf_in_quotes", "a,b\r\n\"x\r\ny\",2\r\n", {"a", "b"}, {{"x\r\ny", "2"}}, {2}},
        CsvCase{"quoted_header", "\"order id\",\"b\"\n1,2\n", {"order id", "b"}, {{"1", "2"}}, {2}},
        CsvCase{"empty_fields",
                "a,b,c\n,,\n1,,3\n",
                {"a", "b", "c"},
                {{"", "", ""}, {"1", "", "3"}},
                {2, 3}},
        CsvCase{"empty_quoted_field_alone", "a\n\"\"\n", {"a"}, {{""}}, {2}},
        CsvCase{"blank_lines_skipped",
                "a,b\n\n1,2\n\r\n3,4\n\n",
                {"a", "b"},
                {{"1", "2"}, {"3", "4"}},
                {3, 5}},
        CsvCase{"semicolon", "a;b\n1,5;2\n", {"a", "b"}, {{"1,5", "2"}}, {2}, {}, ';'},
        CsvCase{"tab", "a\tb\n1\t2\n", {"a", "b"}, {{"1", "2"}}, {2}, {}, '\t'},
        CsvCase{"delimiter_inside_quoted_header",
                "\"a;x\",b,c\n1,2,3\n",
                {"a;x", "b", "c"},
                {{"1", "2", "3"}},
                {2}},
        CsvCase{"excel_sep_hint", "sep=;\na;b\n1;2\n", {"a", "b"}, {{"1", "2"}}, {3}, {}, ';'},
        CsvCase{
            "text_after_closing_quote_kept", "a,b\n\"x\"y,2\n", {"a", "b"}, {{"\"x\"y", "2"}}, {2}},
        CsvCase{"quote_inside_unquoted_field",
                "a,b\nsay \"hi\",2\n",
                {"a", "b"},
                {{"say \"hi\"", "2"}},
                {2}},
        CsvCase{"field_count_mismatch",
                "a,b\n1,2,3\n4\n5,6\n",
                {"a", "b"},
                {{"5", "6"}},
                {4},
                {{2, RejectReason::field_count_mismatch}, {3, RejectReason::field_count_mismatch}}},
        CsvCase{"unterminated_quote_at_eof",
                "a,b\n1,2\n\"open,3\n4,5\n",
                {"a", "b"},
                {{"1", "2"}},
                {2},
                {{3, RejectReason::unterminated_quote}}},
        CsvCase{"header_only", "a,b\n", {"a", "b"}, {}, {}},
        // Records read whole by the quote-free fast path (16 bytes at a time), against every
        // cut of the general path: fields across block edges, a CR inside a field, lines of
        // exactly 15, 16 and 17 bytes.
        CsvCase{"long_records",
                "order_id,product_id,quantity\nO0000001,LAP-15-PRO-XL-2024,12\nO0000002,A,1\n",
                {"order_id", "product_id", "quantity"},
                {{"O0000001", "LAP-15-PRO-XL-2024", "12"}, {"O0000002", "A", "1"}},
                {2, 3}},
        CsvCase{"cr_inside_field", "a,b\nx\ry,2\r\n", {"a", "b"}, {{"x\ry", "2"}}, {2}},
        CsvCase{"block_edges",
                "a,b\n123456,1234567\n123456,12345678\n123456,123456789\n",
                {"a", "b"},
                {{"123456", "1234567"}, {"123456", "12345678"}, {"123456", "123456789"}},
                {2, 3, 4}},
        CsvCase{"utf8_content",
                "a,b\n\xC3\xA9t\xC3\xA9,\xE2\x82\xAC\n",
                {"a", "b"},
                {{"\xC3\xA9t\xC3\xA9", "\xE2\x82\xAC"}},
                {2}}));

// Records of every kind the reader meets, `count` of them with varied lengths, so that record
// ends fall at every place in a 16-byte block and in a chunk: plain, quoted (a delimiter, a
// doubled quote, a line break inside), CRLF, blank lines, a wrong field count, a non-UTF-8
// byte.
std::string mixed_csv(int count) {
  std::string csv = "id,name,note\n";
  for (int i = 0; i < count; ++i) {
    const std::string id = std::to_string(i);
    const std::string pad(static_cast<std::size_t>(i * 7 % 23), 'x');
    switch (i % 8) {
      case 0:
        csv += id + ",plain" + pad + ",n\n";
        break;
      case 1:
        csv += id + ",\"a, b" + pad + "\",\"say \"\"hi\"\"\"\n";
        break;
      case 2:
        csv += id + ",\"two\nlines" + pad + "\",x\r\n";
        break;
      case 3:
        csv += "\n" + id + ",after a blank line,\n";
        break;
      case 4:
        csv += id + ",too,many,fields" + pad + "\n";
        break;
      case 5:
        csv += id + ",caf\xE9" + pad + ",latin-1\n";
        break;
      default:
        csv += id + "," + pad + "," + pad + pad + "\n";
    }
  }
  return csv;
}

// Feeds `input` in chunks of `chunk` bytes.
RecordingSink read_in_chunks(const std::string& input, std::size_t chunk) {
  std::vector<std::size_t> cuts;
  for (std::size_t at = chunk; at < input.size(); at += chunk)
    cuts.push_back(at);
  return read_csv(input, cuts);
}

// Chunks longer than the reader's margin are scanned where they lie and only a record cut at
// their end is copied; fed a byte at a time, every byte goes through the copy instead. Both
// must read the same records, row numbers, flags and rejections.
TEST(CsvReaderChunks, ChunksScannedInPlaceReadWhatBytesFedOneAtATimeRead) {
  const std::string input = mixed_csv(600);
  const RecordingSink bytewise = read_in_chunks(input, 1);
  ASSERT_EQ(bytewise.rows.size(), 525u);  // 600 but the 75 with too many fields
  ASSERT_EQ(bytewise.rejected.size(), 75u);
  for (std::size_t chunk : {127, 128, 129, 130, 145, 200, 257, 1000, 4096, 1 << 20}) {
    const RecordingSink chunked = read_in_chunks(input, chunk);
    EXPECT_EQ(chunked.rows, bytewise.rows) << "chunks of " << chunk;
    EXPECT_EQ(chunked.row_numbers, bytewise.row_numbers) << "chunks of " << chunk;
    EXPECT_EQ(chunked.non_utf8, bytewise.non_utf8) << "chunks of " << chunk;
    EXPECT_EQ(chunked.rejected, bytewise.rejected) << "chunks of " << chunk;
    EXPECT_EQ(chunked.rejected_text, bytewise.rejected_text) << "chunks of " << chunk;
  }
  EXPECT_EQ(bytewise.rows[1], (std::vector<std::string>{"1", "a, bxxxxxxx", "say \"hi\""}));
  EXPECT_EQ(bytewise.rows[2][1], "two\nlinesxxxxxxxxxxxxxx");
  EXPECT_EQ(bytewise.rejected_text[0], "4,too,many,fieldsxxxxx");
  EXPECT_TRUE(bytewise.non_utf8[4]);
  EXPECT_FALSE(bytewise.non_utf8[3]);
}

// A large chunk is read without being copied: the reader holds only the record cut at its
// end, not the chunk.
TEST(CsvReaderChunks, ALargeChunkIsNotCopied) {
  std::string body;
  while (body.size() < (1u << 20))
    body += "O" + std::to_string(body.size()) + ",some product,12.50\n";
  RecordingSink sink;
  CsvReader reader(sink);
  ASSERT_TRUE(reader.feed("order,product,price\n").ok());
  ASSERT_TRUE(reader.feed(body).ok());
  EXPECT_LT(reader.buffered_bytes(), std::size_t{4096});
  ASSERT_TRUE(reader.finish().ok());
  EXPECT_EQ(sink.rows.size(), static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n')));
}

}  // namespace
}  // namespace basketlift
