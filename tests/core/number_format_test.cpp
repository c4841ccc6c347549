#include "util/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace basketlift {
namespace {

TEST(FormatDouble, ShortestRoundTrip) {
  EXPECT_EQ(double_to_string(0.1), "0.1");
  EXPECT_EQ(double_to_string(804.8), "804.8");
  EXPECT_EQ(double_to_string(800.0), "800");
  EXPECT_EQ(double_to_string(-0.0), "0");
  EXPECT_EQ(double_to_string(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(double_to_string(1e21), "1e+21");
}

TEST(FormatDouble, ReadsBackExactly) {
  for (double v : {0.1 + 0.2, 1e-300, 123456789.123456789, 2.5e-8, 9007199254740993.0}) {
    EXPECT_EQ(std::strtod(double_to_string(v).c_str(), nullptr), v) << double_to_string(v);
  }
}

// The first precision from 15 to 17 that reads back: what format_double writes, from printf.
std::string reference(double value) {
  if (value == 0.0) value = 0.0;
  char text[40];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

// The fast path for whole numbers writes the very bytes printf would, at every size and sign
// up to where it stops (10^15), and numbers that are not whole go through printf unchanged.
TEST(FormatDouble, WholeNumbersAsPrintfWritesThem) {
  std::mt19937_64 random(7);
  std::vector<double> values = {1,
                                -1,
                                9,
                                10,
                                99,
                                100,
                                1e14,
                                999999999999999.0,
                                1e15,
                                -1e15,
                                123456789012345.0,
                                -123456789012345.0,
                                4503599627370496.0,
                                0.5,
                                -2.5,
                                1e15 + 2,
                                1e300};
  for (int i = 0; i < 200000; ++i) {
    const int digits = static_cast<int>(random() % 17);
    const double scale = std::pow(10.0, digits);
    const double whole = std::floor(std::ldexp(static_cast<double>(random() >> 11), -53) * scale);
    values.push_back(random() % 2 ? whole : -whole);
    values.push_back(whole + 0.25);
  }
  for (double v : values)
    ASSERT_EQ(double_to_string(v), reference(v)) << v;
}

}  // namespace
}  // namespace basketlift
