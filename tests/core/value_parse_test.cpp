#include "ingest/value_parse.h"

#include <gtest/gtest.h>

#include "ingest/row_reader.h"

#include <cmath>
#include <optional>
#include <ostream>
#include <string>

namespace basketlift {
namespace {

struct NumberCase {
  const char* text;
  std::optional<double> expected;
  bool decimal_comma = false;
  friend void PrintTo(const NumberCase& c, std::ostream* out) { *out << '"' << c.text << '"'; }
};

class ParseNumberTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(ParseNumberTest, ReadsOrRefuses) {
  const NumberCase& c = GetParam();
  const std::optional<double> got = parse_number(c.text, NumberFormat{c.decimal_comma});
  ASSERT_EQ(got.has_value(), c.expected.has_value()) << '"' << c.text << '"';
  if (c.expected) {
    EXPECT_EQ(*got, *c.expected) << '"' << c.text << '"';
  }
}

INSTANTIATE_TEST_SUITE_P(
    Values, ParseNumberTest,
    ::testing::Values(NumberCase{"12", 12}, NumberCase{"-3", -3}, NumberCase{"+4", 4},
                      NumberCase{"0.1", 0.1}, NumberCase{"19.99", 19.99}, NumberCase{" 7.5 ", 7.5},
                      NumberCase{".5", 0.5}, NumberCase{"5.", 5.0}, NumberCase{"1e3", 1000},
                      NumberCase{"2.5E-2", 0.025}, NumberCase{"-0", 0.0}, NumberCase{"00042", 42},
                      NumberCase{"123456789012345678901234567890", 1.2345678901234568e29},
                      NumberCase{"0.30000000000000004", 0.30000000000000004},
                      NumberCase{"1e-320", 1e-320},  // subnormal, through the strtod path
                      // refused
                      NumberCase{"", std::nullopt}, NumberCase{"  ", std::nullopt},
                      NumberCase{"abc", std::nullopt}, NumberCase{"1,234.56", std::nullopt},
                      NumberCase{"1 234", std::nullopt}, NumberCase{"€12", std::nullopt},
                      NumberCase{"12%", std::nullopt}, NumberCase{"NaN", std::nullopt},
                      NumberCase{"inf", std::nullopt}, NumberCase{"1e400", std::nullopt},
                      NumberCase{"1e", std::nullopt}, NumberCase{"--1", std::nullopt},
                      NumberCase{"1.2.3", std::nullopt}, NumberCase{"0x10", std::nullopt},
                      // decimal comma (semicolon CSVs)
                      NumberCase{"12,50", 12.5, true}, NumberCase{"0,1", 0.1, true},
                      NumberCase{"12.50", 12.5, true}, NumberCase{"1.234,56", std::nullopt, true},
                      NumberCase{"12,50", std::nullopt, false}));

TEST(ParseBoolean, AcceptsTheSpecWords) {
  for (const char* yes : {"true", "TRUE", "True", "1", "yes", "Yes", " yes "}) {
    EXPECT_EQ(parse_boolean(yes), true) << yes;
  }
  for (const char* no : {"false", "FALSE", "0", "no", "NO"})
    EXPECT_EQ(parse_boolean(no), false) << no;
  for (const char* bad : {"", "y", "2", "truthy", "nope"})
    EXPECT_EQ(parse_boolean(bad), std::nullopt) << bad;
}

struct TimeCase {
  const char* text;
  std::optional<std::int64_t> epoch;
  SlashDateOrder order = SlashDateOrder::month_first;
  friend void PrintTo(const TimeCase& c, std::ostream* out) { *out << '"' << c.text << '"'; }
};

class ParseTimestampTest : public ::testing::TestWithParam<TimeCase> {};

TEST_P(ParseTimestampTest, ConvertsToUtcEpoch) {
  const TimeCase& c = GetParam();
  const std::optional<Timestamp> got = parse_timestamp(c.text, c.order);
  ASSERT_EQ(got.has_value(), c.epoch.has_value()) << '"' << c.text << '"';
  if (c.epoch) {
    EXPECT_EQ(got->epoch_seconds, *c.epoch) << '"' << c.text << '"';
  }
}

// Expected values: `date -u -d '...' +%s`.
INSTANTIATE_TEST_SUITE_P(
    Forms, ParseTimestampTest,
    ::testing::Values(TimeCase{"1970-01-01", 0}, TimeCase{"2025-10-07", 1759795200},
                      TimeCase{"2025-10-07T09:50:26Z", 1759830626},
                      TimeCase{"2025-10-07T09:50:26+02:00", 1759823426},
                      TimeCase{"2025-10-07 09:50:26 +0200", 1759823426},  // Shopify's form
                      TimeCase{"2025-10-07T09:50:26.123-05:30", 1759850426},
                      TimeCase{"2025-10-07T09:50", 1759830600}, TimeCase{"2024-02-29", 1709164800},
                      TimeCase{"12/1/2010 8:26", 1291191960},  // UCI Online Retail
                      TimeCase{"13/1/2010", 1263340800}, TimeCase{"1/13/2010", 1263340800},
                      TimeCase{"3/4/2011", 1301788800, SlashDateOrder::day_first},
                      TimeCase{"3/4/2011", 1299196800, SlashDateOrder::month_first},
                      TimeCase{"07.10.2025", 1759795200}, TimeCase{"2025/10/07", 1759795200},
                      // refused
                      TimeCase{"", std::nullopt}, TimeCase{"yesterday", std::nullopt},
                      TimeCase{"2025-13-01", std::nullopt}, TimeCase{"2023-02-29", std::nullopt},
                      TimeCase{"2025-10-07T25:00", std::nullopt},
                      TimeCase{"2025-10-07T09:50:26+2", std::nullopt},
                      TimeCase{"10/7/25", std::nullopt},
                      TimeCase{"2025-10-07garbage", std::nullopt}));

TEST(ParseTimestamp, FlagsWhatItAssumed) {
  EXPECT_TRUE(parse_timestamp("3/4/2011")->ambiguous_order);
  EXPECT_FALSE(parse_timestamp("13/4/2011")->ambiguous_order);
  EXPECT_FALSE(parse_timestamp("2025-10-07T09:50:26")->had_offset);
  EXPECT_TRUE(parse_timestamp("2025-10-07T09:50:26")->had_time);
  EXPECT_TRUE(parse_timestamp("2025-10-07T09:50:26Z")->had_offset);
  EXPECT_FALSE(parse_timestamp("2025-10-07")->had_time);
}

TEST(DaysFromCivil, MatchesKnownDates) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2400, 2, 29), 157113);
}

// A field's text as the loaders read it: trimmed of spaces and tabs at either end (its inline
// path returns text with none; any other goes out of line), a JSON number's literal, a
// boolean's word, nothing for null, blank or missing fields, and a nested value rejected.
TEST(RowReader, TextIsTrimmedWhateverTheValue) {
  const ValueOptions options{};
  const auto text_of = [&](RawValue value) {
    Record record;
    record.set(Field::channel, value);
    RowReader reader(record, options);
    const std::string text(reader.text(Field::channel));
    EXPECT_TRUE(reader.ok()) << text;
    return text;
  };
  EXPECT_EQ(text_of({"web"}), "web");
  EXPECT_EQ(text_of({" web"}), "web");
  EXPECT_EQ(text_of({"web\t"}), "web");
  EXPECT_EQ(text_of({" \tweb mail \t "}), "web mail");
  EXPECT_EQ(text_of({"a"}), "a");
  EXPECT_EQ(text_of({" "}), "");
  EXPECT_EQ(text_of({" \t "}), "");
  EXPECT_EQ(text_of({""}), "");
  EXPECT_EQ(text_of({"w\teb"}), "w\teb");
  EXPECT_EQ(text_of({"12.5", RawKind::json_number}), "12.5");
  EXPECT_EQ(text_of({" 7 ", RawKind::json_number}), "7");
  EXPECT_EQ(text_of({"", RawKind::boolean, true}), "true");
  EXPECT_EQ(text_of({"", RawKind::boolean, false}), "false");
  EXPECT_EQ(text_of({"ignored", RawKind::null}), "");

  Record missing;
  RowReader absent(missing, options);
  EXPECT_EQ(absent.text(Field::channel), "");
  EXPECT_TRUE(absent.ok());

  Record nested;
  nested.set(Field::channel, {"{\"a\":1}", RawKind::nested});
  RowReader refused(nested, options);
  EXPECT_EQ(refused.text(Field::channel), "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.rejection()->reason, RejectReason::nested_value);
  EXPECT_EQ(refused.rejection()->field, Field::channel);
}

}  // namespace
}  // namespace basketlift
