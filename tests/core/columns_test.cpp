// The store's compact columns give back exactly what was stored, whatever widths and scales
// they pass through, and the id pool keeps numbered and other ids apart and in first-seen order.
#include "store/columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "ingest/value_parse.h"
#include "util/id_pool.h"

namespace basketlift {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool same_double(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || (a == b && std::signbit(a) == std::signbit(b));
}

TEST(DecimalColumn, GivesBackTheParsedDoubleThroughEveryWidthAndScale) {
  // Each text in order forces a wider integer or a finer scale, then doubles.
  const std::vector<std::string> texts = {"1",     "2",     "",          "12.5",  "600.00",
                                          "78.99", "0.001", "123456.78", "1e-12", "0.1",
                                          "-3.25", "1e300", "42"};
  DecimalColumn column;
  std::vector<double> expected;
  for (const std::string& text : texts) {
    const double value = text.empty() ? kNaN : *parse_number(text);
    column.push_back(value);
    expected.push_back(value);
    for (std::size_t i = 0; i < expected.size(); ++i)
      ASSERT_TRUE(same_double(column[i], expected[i])) << "after " << text << ", row " << i;
  }
}

TEST(DecimalColumn, CentsTakeFourBytesAndSmallCountsOne) {
  DecimalColumn prices, quantities;
  for (int i = 0; i < 1000; ++i) {
    prices.push_back(*parse_number(std::to_string(i) + "." + std::to_string(10 + i % 90)));
    quantities.push_back(1 + i % 5);
  }
  prices.reserve(0);
  EXPECT_LE(prices.bytes(), 1000u * 4 * 2);  // at most vector slack on top of 4 bytes a row
  EXPECT_LE(quantities.bytes(), 1000u * 2);
  EXPECT_EQ(prices[999], *parse_number("999.19"));
  EXPECT_EQ(quantities[3], 4);
}

TEST(DecimalColumn, NegativeZeroAndSetKeepTheirBits) {
  DecimalColumn column;
  column.push_back(1.5);
  column.push_back(-0.0);
  EXPECT_TRUE(std::signbit(column[1]));
  column.resize(5, kNaN);
  column.set(4, 2.25);
  column.set(0, kNaN);
  EXPECT_TRUE(std::isnan(column[0]));
  EXPECT_TRUE(std::isnan(column[3]));
  EXPECT_EQ(column[4], 2.25);
}

TEST(DecimalColumn, RandomDecimalsRoundTrip) {
  std::mt19937_64 random(7);
  DecimalColumn column;
  std::vector<double> expected;
  for (int i = 0; i < 20000; ++i) {
    const int decimals = static_cast<int>(random() % 4);
    const std::int64_t units = static_cast<std::int64_t>(random() % 2000000) - 1000000;
    std::string text = std::to_string(units);
    if (decimals > 0) {
      text = std::to_string(std::llabs(units) / 1000) + "." +
             std::to_string(1000 + std::llabs(units) % 1000).substr(1, decimals);
      if (units < 0) text = "-" + text;
    }
    expected.push_back(*parse_number(text));
    column.push_back(expected.back());
  }
  for (std::size_t i = 0; i < expected.size(); ++i)
    ASSERT_TRUE(same_double(column[i], expected[i])) << i;
}

// push_back() stores most values inline; at the edges of a width it must leave the layout that
// the careful path (put()) would: -128 stands for "none" in a byte, 2147483647 is kept as a
// double, and the largest value it stored decides later widenings.
TEST(DecimalColumn, PushBackWidensAtTheEdgesOfEachWidth) {
  struct Step {
    double value;
    int width, scale;
  };
  const std::vector<Step> steps = {{127, 1, 0},          {-127, 1, 0},        {128, 2, 0},
                                   {-128, 2, 0},         {12.5, 2, 1},        {3276.7, 2, 1},
                                   {3276.8, 4, 1},       {kNaN, 4, 1},        {0.25, 4, 2},
                                   {-21474836.46, 4, 2}, {21474836.46, 4, 2}, {2147483647, 8, 0}};
  DecimalColumn column;
  std::vector<double> expected;
  for (const Step& step : steps) {
    column.push_back(step.value);
    expected.push_back(step.value);
    EXPECT_EQ(column.width(), step.width) << "after " << step.value;
    if (step.width != 8) {
      EXPECT_EQ(column.scale(), step.scale) << "after " << step.value;
    }
    for (std::size_t i = 0; i < expected.size(); ++i)
      ASSERT_TRUE(same_double(column[i], expected[i])) << "after " << step.value << ", row " << i;
  }
  // 400, stored inline once 300 made the column two bytes wide, still decides later widenings:
  // it is 4000 at scale 1 (two bytes) and 40000 at scale 2 (four; 300 alone would be 30000).
  DecimalColumn widened;
  widened.push_back(300);
  widened.push_back(400);
  widened.push_back(0.5);
  EXPECT_EQ(widened.width(), 2);
  widened.push_back(0.25);
  EXPECT_EQ(widened.width(), 4);
  EXPECT_EQ(widened[0], 300);
  EXPECT_EQ(widened[1], 400);
}

// Rows given with their decimal text (the loaders' way) are the rows push_back(double) stores:
// the same layout, byte for byte, through every width, scale and edge, with texts that are not
// such decimals (exponents, 20 digits, -0) and absent values among them.
TEST(DecimalColumn, RowsGivenWithTheirTextAreThoseOfTheDouble) {
  std::vector<std::string> texts = {"1",
                                    "2",
                                    "",
                                    "127",
                                    "-127",
                                    "128",
                                    "12.5",
                                    "1.50",
                                    "-0",
                                    "-0.00",
                                    "0",
                                    "3276.7",
                                    "3276.8",
                                    "1073741823",
                                    "1073741824",
                                    "0.25",
                                    "-21474836.46",
                                    "21474836.46",
                                    "1e2",
                                    "12345678901234567890",
                                    ".5",
                                    "0.000000001",
                                    "2147483647",
                                    "7",
                                    "-2147483647",
                                    "-214748364.7",
                                    "-2147483648",
                                    "107374182.3",
                                    "-1073741824"};
  // Each fixed text after a primer that sets the column's width and scale.
  const auto push = [](DecimalColumn& given, DecimalColumn& pushed, const std::string& text) {
    double value = kNaN;
    DecimalText decimal;
    if (!text.empty()) {
      ASSERT_TRUE(read_number(text, {}, value, decimal)) << text;
    }
    given.push_back(value, decimal.mantissa, decimal.scale);
    pushed.push_back(value);
  };
  const auto same_rows = [](const DecimalColumn& a, const DecimalColumn& b) {
    return a.size() == b.size() && a.width() == b.width() && a.scale() == b.scale() &&
           std::memcmp(a.raw(), b.raw(), b.size() * b.width()) == 0;
  };
  for (const char* primer : {"", "1", "1000", "100000", "0.5", "0.05", "1.25", "1e-12"}) {
    for (const std::string& text : texts) {
      DecimalColumn given, pushed;
      push(given, pushed, primer);
      push(given, pushed, text);
      ASSERT_TRUE(same_rows(given, pushed)) << primer << " then " << text;
    }
  }
  std::mt19937_64 random(11);
  for (int i = 0; i < 20000; ++i) {
    const int decimals = static_cast<int>(random() % 10);
    const std::uint64_t digits = random() % (std::uint64_t{1} << (1 + random() % 40));
    std::string text = std::to_string(digits);
    if (decimals > 0) {
      text.insert(0, std::string(decimals, '0'));
      text.insert(text.size() - static_cast<std::size_t>(decimals), ".");
    }
    texts.push_back(random() % 3 == 0 ? "-" + text : text);
    if (random() % 50 == 0) texts.push_back("");
  }
  // Each order a file could bring: as listed, and from the last text to the first.
  for (const bool reversed : {false, true}) {
    if (reversed) std::reverse(texts.begin(), texts.end());
    DecimalColumn given, pushed;
    for (const std::string& text : texts) {
      push(given, pushed, text);
      ASSERT_TRUE(same_rows(given, pushed)) << "after " << text;
    }
  }
  // The text's digits: "1.50" is 150 at scale 2; "-0" and "1e2" are 0 at scale 0 and none.
  double value = 0;
  DecimalText decimal;
  ASSERT_TRUE(read_number(" 1.50 ", {}, value, decimal));
  EXPECT_EQ(decimal.mantissa, 150);
  EXPECT_EQ(decimal.scale, 2);
  ASSERT_TRUE(read_number("-0", {}, value, decimal));
  EXPECT_EQ(decimal.mantissa, 0);
  EXPECT_FALSE(std::signbit(value));
  ASSERT_TRUE(read_number("1e2", {}, value, decimal));
  EXPECT_EQ(decimal.scale, -1);
  ASSERT_TRUE(read_number("-3,25", {.decimal_comma = true}, value, decimal));
  EXPECT_EQ(decimal.mantissa, -325);
  EXPECT_EQ(decimal.scale, 2);
}

// A range's rows appended as stored (the merge of a range read by another engine) are the rows
// pushed back one at a time, and the column goes on as if they had been: its largest value
// still decides when a finer scale needs wider integers.
TEST(DecimalColumn, AppendedRowsAreThoseOfPushBack) {
  const std::vector<double> values = {3, 100, kNaN, -7, 12};
  DecimalColumn range;  // width 1, scale 0
  for (double v : values)
    range.push_back(v);
  ASSERT_EQ(range.width(), 1);
  DecimalColumn copied, pushed;
  copied.append(range.raw(), range.width(), range.scale(), values.size());
  for (double v : values)
    pushed.push_back(v);
  // 0.5 needs scale 1: 100 becomes 1000, which no longer fits a byte.
  copied.push_back(0.5);
  pushed.push_back(0.5);
  ASSERT_EQ(copied.size(), pushed.size());
  EXPECT_EQ(copied.width(), pushed.width());
  for (std::size_t i = 0; i < pushed.size(); ++i)
    EXPECT_TRUE(same_double(copied[i], pushed[i])) << i;
  EXPECT_EQ(copied[1], 100.0);
  // Another layout (cents into a column of whole numbers, and doubles) goes a row at a time.
  DecimalColumn cents, doubles;
  cents.push_back(12.25);
  doubles.push_back(1e-12);
  ASSERT_EQ(doubles.width(), 8);
  copied.append(cents.raw(), cents.width(), cents.scale(), 1);
  copied.append(doubles.raw(), doubles.width(), doubles.scale(), 1);
  EXPECT_EQ(copied[copied.size() - 2], 12.25);
  EXPECT_EQ(copied[copied.size() - 1], 1e-12);
  EXPECT_EQ(copied[1], 100.0);
  // "None" rows added by resize() at every width.
  for (double big : {1.0, 1000.0, 100000.0, 1e-12}) {
    DecimalColumn column;
    column.push_back(big);
    column.resize(4, kNaN);
    EXPECT_EQ(column[0], big);
    EXPECT_TRUE(std::isnan(column[3])) << big;
  }
}

TEST(IdColumn, AppendedIdsAreThoseOfPushBack) {
  const std::vector<std::uint32_t> ids = {3, 0xFFFFFFFFu, 254, 0, 300, 0xFFFFFFFFu, 70000, 9};
  for (std::size_t first : {std::size_t{0}, std::size_t{2}, std::size_t{4}, std::size_t{6}}) {
    IdColumn appended, pushed;
    for (std::size_t k = 0; k < first; ++k)
      pushed.push_back(ids[k]), appended.push_back(ids[k]);
    appended.append(ids.size() - first, [&](std::size_t k) { return ids[first + k]; });
    for (std::size_t k = first; k < ids.size(); ++k)
      pushed.push_back(ids[k]);
    ASSERT_EQ(appended.size(), ids.size());
    for (std::size_t k = 0; k < ids.size(); ++k)
      EXPECT_EQ(appended[k], ids[k]) << first << " " << k;
  }
  // Rows of "none" and of 0 added by resize() at each width.
  for (std::uint32_t wide : {7u, 300u, 70000u}) {
    IdColumn column;
    column.push_back(wide);
    column.resize(3, 0xFFFFFFFFu);
    column.resize(5, 0);
    EXPECT_EQ(column[0], wide);
    EXPECT_EQ(column[2], 0xFFFFFFFFu) << wide;
    EXPECT_EQ(column[4], 0u) << wide;
  }
}

TEST(IdColumn, WidensAndKeepsNoId) {
  IdColumn column;
  column.push_back(3);
  column.push_back(0xFFFFFFFFu);
  EXPECT_EQ(column.bytes() >= 2, true);
  column.push_back(300);    // two bytes
  column.push_back(70000);  // four bytes
  EXPECT_EQ(column[0], 3u);
  EXPECT_EQ(column[1], 0xFFFFFFFFu);
  EXPECT_EQ(column[2], 300u);
  EXPECT_EQ(column[3], 70000u);
  column.set(1, 255);  // the one-byte "none" value is a real id once wider
  EXPECT_EQ(column[1], 255u);
  column.resize(6, 0xFFFFFFFFu);
  EXPECT_EQ(column[5], 0xFFFFFFFFu);
  EXPECT_TRUE(column.any());
}

TEST(IdColumn, ReaderReadsAsTheColumnAtEachWidth) {
  IdColumn column;
  std::vector<std::uint32_t> ids;
  for (std::uint32_t wide : {200u, 60000u, 70000u}) {  // one, two, then four bytes a row
    for (std::uint32_t id : {wide, 0xFFFFFFFFu, 0u, wide / 3}) {
      column.push_back(id);
      ids.push_back(id);
    }
    const IdColumn::Reader reader = column.reader();
    for (std::size_t k = 0; k < ids.size(); ++k)
      EXPECT_EQ(reader[k], ids[k]) << wide << " " << k;
  }
}

TEST(IdColumn, ReaderReadsRangesAsRowByRowAtEachWidth) {
  IdColumn column;
  for (std::uint32_t wide : {200u, 60000u, 70000u}) {  // one, two, then four bytes a row
    for (std::uint32_t k = 0; k < 40; ++k)
      column.push_back(k % 9 == 4 ? 0xFFFFFFFFu : (k * 37) % (wide + 1));
    const IdColumn::Reader reader = column.reader();
    for (std::size_t first : {std::size_t{0}, std::size_t{3}, column.size() - 1}) {
      for (std::size_t last : {first, first + 1, column.size()}) {
        std::vector<std::uint32_t> range(last - first + 1, 12345u);
        reader.read(first, last, range.data());
        for (std::size_t k = first; k < last; ++k)
          EXPECT_EQ(range[k - first], reader[k]) << wide << " " << first << ".." << last;
        EXPECT_EQ(range.back(), 12345u) << "written past the range's end";
      }
    }
  }
}

TEST(DecimalColumn, ReadsRangesAsRowByRowAtEachWidthAndScale) {
  // Each list makes a column of another layout, every one with rows without a value.
  struct Layout {
    std::vector<double> values;
    int width, scale;
  };
  const std::vector<Layout> layouts = {{{3, kNaN, -7, 100}, 1, 0},   {{300, kNaN, -2000}, 2, 0},
                                       {{70000, kNaN, 1}, 4, 0},     {{1.5, kNaN, -0.5}, 1, 1},
                                       {{12.5, kNaN, -300.5}, 2, 1}, {{789.99, kNaN, 0.01}, 4, 2},
                                       {{1e300, kNaN, -0.0}, 8, 0}};
  for (const Layout& layout : layouts) {
    DecimalColumn column;
    for (int repeat = 0; repeat < 10; ++repeat) {
      for (const double value : layout.values)
        column.push_back(value);
    }
    ASSERT_EQ(column.width(), layout.width) << layout.values[0];
    if (layout.width != 8) {
      ASSERT_EQ(column.scale(), layout.scale) << layout.values[0];
    }
    for (std::size_t first : {std::size_t{0}, std::size_t{5}, column.size() - 1}) {
      for (std::size_t last : {first, first + 1, column.size()}) {
        std::vector<double> range(last - first + 1, -1.0);
        column.read(first, last, range.data());
        for (std::size_t i = first; i < last; ++i) {
          EXPECT_TRUE(same_double(range[i - first], column[i]))
              << layout.values[0] << ", " << first << ".." << last << " row " << i;
        }
        EXPECT_EQ(range.back(), -1.0) << "written past the range's end";
      }
    }
  }
}

TEST(SparseColumn, ReadsRangesAsRowByRow) {
  SparseIds recs{0xFFFFFFFFu};
  SparseDecimal costs{kNaN};
  for (std::size_t i = 0; i < 300; ++i) {
    const bool present = i % 64 == 0 || i % 64 == 63 || i % 5 == 2;
    recs.push_back(present ? static_cast<std::uint32_t>(i * 3) : 0xFFFFFFFFu);
    costs.push_back(i % 7 == 0 ? static_cast<double>(i) * 0.25 : kNaN);
  }
  // Ranges starting and ending inside a 64-row word, on its edges, empty and whole.
  for (std::size_t first : {0, 1, 62, 63, 64, 65, 130, 299}) {
    for (std::size_t last : {first, first + 1, first + 70, std::size_t{300}}) {
      if (last > 300 || last < first) continue;
      std::vector<std::uint32_t> ids(last - first + 1, 12345u);
      std::vector<double> values(last - first + 1, -1.0);
      recs.read(first, last, ids.data());
      costs.read(first, last, values.data());
      for (std::size_t i = first; i < last; ++i) {
        EXPECT_EQ(ids[i - first], recs[i]) << first << ".." << last << " row " << i;
        if (std::isnan(costs[i])) {
          EXPECT_TRUE(std::isnan(values[i - first])) << first << ".." << last << " row " << i;
        } else {
          EXPECT_EQ(values[i - first], costs[i]) << first << ".." << last << " row " << i;
        }
      }
      EXPECT_EQ(ids.back(), 12345u) << "written past the range's end";
      EXPECT_EQ(values.back(), -1.0) << "written past the range's end";
    }
  }
}

TEST(SparseColumn, ForEachPresentVisitsThePresentRowsInOrder) {
  SparseIds recs{0xFFFFFFFFu};
  std::vector<std::size_t> expected;
  for (std::size_t i = 0; i < 300; ++i) {
    const bool present = i % 64 == 0 || i % 64 == 63 || i % 5 == 2;
    recs.push_back(present ? static_cast<std::uint32_t>(i) : 0xFFFFFFFFu);
    if (present) expected.push_back(i);
  }
  std::vector<std::size_t> visited;
  recs.for_each_present([&](std::size_t i, std::uint32_t rec) {
    visited.push_back(i);
    EXPECT_EQ(rec, recs[i]) << "row " << i;
    EXPECT_EQ(rec, i);
  });
  EXPECT_EQ(visited, expected);
  SparseIds none{0xFFFFFFFFu};
  none.push_back(0xFFFFFFFFu);
  none.for_each_present(
      [](std::size_t, std::uint32_t) { ADD_FAILURE() << "a row of the default was visited"; });
}

TEST(TimeColumn, OffsetsAndWideTimes) {
  TimeColumn column;
  const std::int64_t none = std::numeric_limits<std::int64_t>::min();
  column.push_back(1700000000);
  column.push_back(none);
  column.push_back(1600000000);
  EXPECT_EQ(column[1], none);
  EXPECT_EQ(column[2], 1600000000);
  column.push_back(-62135596800);  // year 1: more than 68 years away
  EXPECT_EQ(column[0], 1700000000);
  EXPECT_EQ(column[1], none);
  EXPECT_EQ(column[3], -62135596800);
}

TEST(SparseColumn, ReadsPresentAndDefaultRows) {
  SparseDecimal costs{kNaN};
  SparseIds recs{0xFFFFFFFFu};
  for (int i = 0; i < 500; ++i) {
    costs.push_back(i % 7 == 0 ? i * 0.5 : kNaN);
    recs.push_back(i % 64 == 63 ? static_cast<std::uint32_t>(i) : 0xFFFFFFFFu);
  }
  EXPECT_EQ(costs.present(), 72u);
  for (int i = 0; i < 500; ++i) {
    if (i % 7 == 0) {
      EXPECT_EQ(costs[i], i * 0.5);
    } else {
      EXPECT_TRUE(std::isnan(costs[i]));
    }
    EXPECT_EQ(recs[i], i % 64 == 63 ? static_cast<std::uint32_t>(i) : 0xFFFFFFFFu);
  }
}

TEST(RowOrigins, RunsNestedRowsAndFiles) {
  const std::vector<RowOrigin> rows = {{0, 2},  {0, 3}, {0, 3}, {0, 4}, {0, 9},
                                       {0, 10}, {1, 2}, {1, 2}, {1, 3}, {0, 1}};
  RowOrigins origins;
  for (int repeat = 0; repeat < 30; ++repeat)  // crosses 64-row words
    for (const RowOrigin& r : rows)
      origins.push_back({r.file, r.row + static_cast<std::uint32_t>(repeat) * 20});
  for (int repeat = 0; repeat < 30; ++repeat) {
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const RowOrigin got = origins[repeat * rows.size() + k];
      EXPECT_EQ(got.file, rows[k].file);
      EXPECT_EQ(got.row, rows[k].row + static_cast<std::uint32_t>(repeat) * 20);
    }
  }
  EXPECT_LT(origins.bytes(), 300u * 8);
}

TEST(IdPool, NumberedAndOtherIdsInFirstSeenOrder) {
  IdPool pool;
  EXPECT_EQ(pool.intern("O0007"), 0u);
  EXPECT_EQ(pool.intern("guest-a"), 1u);  // no number: kept as text
  EXPECT_EQ(pool.intern("O07"), 2u);      // another width: text
  EXPECT_EQ(pool.intern("O0010"), 3u);
  EXPECT_EQ(pool.intern("O0007"), 0u);
  EXPECT_EQ(pool.intern("O07"), 2u);
  EXPECT_EQ(pool.view(0), "O0007");
  EXPECT_EQ(pool.view(2), "O07");
  EXPECT_EQ(pool.view(3), "O0010");
  EXPECT_EQ(pool.find("O0010"), 3u);
  EXPECT_EQ(pool.find("O0011"), std::nullopt);
  EXPECT_EQ(pool.find("guest-a"), 1u);
  IdPool plain;  // numbers without leading zeros (Shopify "#1001", Online Retail "536365")
  EXPECT_EQ(plain.intern("#1001"), 0u);
  EXPECT_EQ(plain.intern("#01001"), 1u);
  EXPECT_EQ(plain.intern("#1002"), 2u);
  EXPECT_EQ(plain.view(1), "#01001");
  EXPECT_EQ(plain.find("#1002"), 2u);
}

// Orders and sessions numbered as they come: the keys rise with the ids and are the index
// (no table: 4 bytes an id), searched by halves; a new number below the highest, a text id,
// or many numbers found again build the table, and every id is still found.
TEST(IdPool, RisingNumbersAreTheirOwnIndex) {
  const auto rising = [](std::uint32_t k) { return "S" + std::to_string(10 + k * 3); };
  const auto filled = [&](std::uint32_t count) {
    IdPool pool;
    pool.reserve(count);
    for (std::uint32_t k = 0; k < count; ++k)
      EXPECT_EQ(pool.intern(rising(k)), k);
    return pool;
  };
  IdPool sorted = filled(100000);
  EXPECT_LE(sorted.bytes(), 100000u * 4) << "keys only, no table";
  for (std::uint32_t k = 0; k < 100000; k += 9) {
    ASSERT_EQ(sorted.find(rising(k)), k) << k;
    ASSERT_EQ(sorted.find("S" + std::to_string(11 + k * 3)), std::nullopt) << k;  // between
  }
  EXPECT_EQ(sorted.find("S7"), std::nullopt);
  EXPECT_EQ(sorted.find("S" + std::to_string(10 + 100000 * 3)), std::nullopt);
  // A few numbers found again (repeated lines of an order): still no table.
  for (std::uint32_t k = 0; k < 1000; ++k)
    ASSERT_EQ(sorted.intern(rising(k * 97)), k * 97);
  EXPECT_LE(sorted.bytes(), 100000u * 4);
  // Each way out of the sorted keys, then every id found, old and new.
  enum class Way { number_below, text, many_found };
  for (const Way way : {Way::number_below, Way::text, Way::many_found}) {
    IdPool pool = filled(100000);
    if (way == Way::number_below) {
      ASSERT_EQ(pool.intern("S11"), 100000u);
    } else if (way == Way::text) {
      ASSERT_EQ(pool.intern("guest"), 100000u);
    } else {
      for (std::uint32_t k = 0; k < 40000; ++k)
        ASSERT_EQ(pool.intern(rising(k * 7 % 100000)), k * 7 % 100000);
    }
    const std::uint32_t next = way == Way::many_found ? 100000 : 100001;
    EXPECT_GT(pool.bytes(), 100000u * 4 + 4096) << "a table now";
    ASSERT_EQ(pool.intern(rising(100000)), next);
    ASSERT_EQ(pool.intern("S12"), next + 1);
    for (std::uint32_t k = 0; k <= 100000; k += 7)
      ASSERT_EQ(pool.find(rising(k)), k < 100000 ? k : next) << k;
    EXPECT_EQ(pool.find("S12"), next + 1);
    if (way == Way::number_below) {
      EXPECT_EQ(pool.find("S11"), 100000u);
    } else if (way == Way::text) {
      EXPECT_EQ(pool.find("guest"), 100000u);
    }
  }
}

TEST(IdPool, DenseSparseAndHugeNumbers) {
  IdPool dense, sparse;
  for (std::uint32_t i = 0; i < 50000; ++i) {
    // Descending, then ascending: the direct table shifts and grows.
    ASSERT_EQ(dense.intern(std::to_string(i < 25000 ? 125000 - i : 100001 + i)), i) << i;
    ASSERT_EQ(sparse.intern("S" + std::to_string(1000000007ull * i + 1)), i);
  }
  EXPECT_EQ(dense.find("100001"), 24999u);
  EXPECT_EQ(dense.find("150000"), 49999u);
  EXPECT_EQ(dense.view(24999), "100001");
  EXPECT_EQ(sparse.find("S1000000008"), 1u);
  EXPECT_EQ(sparse.view(49999), "S" + std::to_string(1000000007ull * 49999 + 1));
  EXPECT_LT(dense.bytes(), 50000u * 16);
  // Text ids raise the id count past what the hash slots' fingerprints left room for: 2,000
  // sparse numbers, 300,000 texts, 2,000 more numbers (ids above 2^16).
  IdPool mixed;
  const auto sparse_id = [](std::uint32_t k) {
    return "S" + std::to_string(1000000007ull * k + 7);
  };
  std::uint32_t next = 0;
  for (std::uint32_t k = 0; k < 2000; ++k)
    ASSERT_EQ(mixed.intern(sparse_id(k)), next++);
  for (std::uint32_t k = 0; k < 300000; ++k)
    ASSERT_EQ(mixed.intern("guest-" + std::to_string(k)), next++);
  for (std::uint32_t k = 2000; k < 4000; ++k) {
    ASSERT_EQ(mixed.intern(sparse_id(k)), 300000 + k) << k;
    ASSERT_EQ(mixed.find(sparse_id(k)), 300000 + k) << k;  // before any rehash could repair it
  }
  for (std::uint32_t k = 0; k < 4000; ++k)
    ASSERT_EQ(mixed.find(sparse_id(k)), k < 2000 ? k : 300000 + k) << k;
  EXPECT_EQ(mixed.find("S8"), std::nullopt);
  // Ids numbered as they come, with gaps too wide for a direct table (sessions, customers):
  // a hashed table where runs of consecutive numbers sit side by side. Strides of 1 to 7,
  // every 16th number (one per block), full blocks, and revisits of older ids.
  IdPool rising;
  std::vector<std::uint64_t> numbers;
  std::uint64_t number = 5000000;
  for (std::uint32_t k = 0; k < 200000; ++k) {
    number += k < 60000 ? 1 + (k * 2654435761u >> 13) % 7 : k < 120000 ? 16 : 1;
    numbers.push_back(number);
    ASSERT_EQ(rising.intern("S" + std::to_string(number)), k) << k;
    const std::uint32_t back = (k * 40503u) % (k + 1);  // an older id, found again
    ASSERT_EQ(rising.intern("S" + std::to_string(numbers[back])), back) << k;
  }
  for (std::uint32_t k = 0; k < numbers.size(); k += 7) {
    ASSERT_EQ(rising.find("S" + std::to_string(numbers[k])), k) << k;
    ASSERT_EQ(rising.find("S" + std::to_string(numbers[k] + 100000000)), std::nullopt) << k;
  }
  EXPECT_EQ(rising.find("S5000000"), std::nullopt);
  // Sessions named here and there by the orders (every fourth number: a hash table), then a
  // reserve() for a sessions file that names all of them: the numbers are dense for the ids
  // announced, and the table turns direct, smaller, with every id still found.
  IdPool announced;
  for (std::uint32_t k = 0; k < 100000; ++k)
    ASSERT_EQ(announced.intern("S" + std::to_string(4 * k + 1)), k);
  announced.reserve(400000);
  // Keys (4 bytes) and a direct slot (4 bytes) per announced id: less than keys and the hash
  // slots for them (4 bytes × 4/3) would take.
  EXPECT_LE(announced.bytes(), 400000u * 8);
  for (std::uint32_t k = 0; k < 100000; k += 3)
    ASSERT_EQ(announced.find("S" + std::to_string(4 * k + 1)), k) << k;
  for (std::uint32_t n = 0; n < 400000; ++n)  // the sessions file: every number, in order
    ASSERT_EQ(announced.intern("S" + std::to_string(n)),
              n % 4 == 1 ? n / 4 : 100000 + n - (n + 2) / 4)
        << n;
  EXPECT_EQ(announced.size(), 400000u);
  EXPECT_EQ(announced.view(100000), "S0");
  EXPECT_LE(announced.bytes(), 400000u * 8 + 4096);
  // Every fourth number, then the numbers between, with no reserve(): the hash table, when it
  // must grow again, turns direct instead (no larger, and its lookups follow the numbers).
  IdPool filled;
  for (std::uint32_t k = 0; k < 100000; ++k)
    ASSERT_EQ(filled.intern("S" + std::to_string(4 * k)), k);
  for (std::uint32_t n = 0; n < 399997; ++n)
    ASSERT_EQ(filled.intern("S" + std::to_string(n)), n % 4 == 0 ? n / 4 : 100000 + n - n / 4 - 1)
        << n;
  // Keys (grown by doubling to 2^19) and one direct slot per number: a hash table would add
  // 4 bytes for each of its (1.5 × 468,000) slots instead.
  EXPECT_LE(filled.bytes(), (1u << 19) * 4 + 399997u * 4 + 4096);
  for (std::uint32_t n = 0; n < 399997; n += 5)
    ASSERT_EQ(filled.find("S" + std::to_string(n)), n % 4 == 0 ? n / 4 : 100000 + n - n / 4 - 1);
  // Sessions numbered as they happen, 3.44 apart, 100,000 announced: a direct table would have
  // to span 344,000 numbers (more than twice the ids plus 65,536), so the pool turns hashed as
  // soon as the pace shows, and every id is found.
  IdPool rising_sparse;
  ASSERT_EQ(rising_sparse.intern("S1"), 0u);
  rising_sparse.reserve(100000);
  for (std::uint32_t k = 1; k < 100000; ++k) {
    ASSERT_EQ(rising_sparse.intern("S" + std::to_string(1 + k * 344 / 100)), k) << k;
    // Keys and hash slots for the announced ids (4 + 4 × 4/3 bytes each) — not, as before, a
    // direct table grown towards its limit (264,000 slots) next to the keys.
    if (k == 60000) {
      EXPECT_LE(rising_sparse.bytes(), 100000u * 10);
    }
  }
  for (std::uint32_t k = 0; k < 100000; k += 7)
    ASSERT_EQ(rising_sparse.find("S" + std::to_string(1 + k * 344 / 100)), k) << k;
  EXPECT_EQ(rising_sparse.find("S3"), std::nullopt);
  // Room made a range at a time (the merge of ranges read by other engines): ids stay found and
  // in first-seen order whichever table holds them.
  IdPool merged;
  std::uint32_t merged_ids = 0;
  for (std::uint32_t range = 0; range < 12; ++range) {
    merged.make_room(30000);
    for (std::uint32_t k = 0; k < 30000; ++k, ++merged_ids)
      ASSERT_EQ(merged.intern("S" + std::to_string(7 + merged_ids * 3 + merged_ids % 5)),
                merged_ids);
  }
  for (std::uint32_t id = 0; id < merged_ids; id += 11)
    ASSERT_EQ(merged.find("S" + std::to_string(7 + id * 3 + id % 5)), id) << id;
  // Every fourth number for 100,000 announced ids: the direct table spans at most 2.5 times the
  // ids announced (plus 65,536) before it turns hashed; it never doubles past that.
  IdPool fourths;
  fourths.reserve(100000);
  std::size_t most = 0;
  for (std::uint32_t k = 0; k < 100000; ++k) {
    ASSERT_EQ(fourths.intern("S" + std::to_string(4 * k)), k);
    most = std::max(most, fourths.bytes());
  }
  EXPECT_LE(most, 100000u * 4 + (250000u + 65536) * 4 + 4096);
  for (std::uint32_t k = 0; k < 100000; k += 7)
    ASSERT_EQ(fourths.find("S" + std::to_string(4 * k)), k);
  // Customers numbered as they first come, 2.32 apart, half of them after a higher number (the
  // generator's stores: 2.32 apart, two thirds rising), 400,000 announced: the numbers span
  // 928,000, within 2.5 slots an id, so the table stays direct (one cache miss a lookup, no
  // growth to a limit and conversion to a hash table near the end of the file).
  const auto customer = [](std::uint32_t k) {
    return "C" + std::to_string(1 + (k ^ 1) * 232 / 100);
  };
  // The first 4,000 come before reserve(), as a file's first chunk does: the table reserves the
  // span the announced ids will cover at that pace (and 5%), once, instead of doubling towards
  // it and past it, up to the limit (1,065,536 slots).
  IdPool customers;
  std::uint32_t k = 0;
  for (; k < 4000; ++k)
    ASSERT_EQ(customers.intern(customer(k)), k) << k;
  customers.reserve(400000);
  for (; k < 400000; ++k) {
    ASSERT_EQ(customers.intern(customer(k)), k) << k;
    ASSERT_EQ(customers.intern(customer(k * 7 / 8)), k * 7 / 8) << k;  // one who comes back
  }
  // Keys and direct slots over the span (a hash table: keys and 4 × 4/3 bytes an id, 3.7 MB).
  EXPECT_GE(customers.bytes(), 400000u * 4 + 928000u * 4);
  EXPECT_LE(customers.bytes(), 400000u * 4 + 975000u * 4);  // the pace seen, and 5%
  for (k = 0; k < 400000; k += 7)
    ASSERT_EQ(customers.find(customer(k)), k) << k;
  // A later file announcing ids mostly there already (the sessions file naming the orders'
  // customers) makes room for its keys only, not for numbers at that pace.
  const std::size_t before = customers.bytes();
  customers.reserve(560000);
  EXPECT_LE(customers.bytes(), before + 160000u * 4);
  IdPool big;  // numbers past 2^31 need eight-byte keys
  EXPECT_EQ(big.intern("1"), 0u);
  EXPECT_EQ(big.intern("999999999999999999"), 1u);
  EXPECT_EQ(big.intern("1"), 0u);
  EXPECT_EQ(big.view(1), "999999999999999999");
  EXPECT_EQ(big.intern("9999999999999999999"), 2u);  // 19 digits: text
  EXPECT_EQ(big.find("9999999999999999999"), 2u);
}

}  // namespace
}  // namespace basketlift
