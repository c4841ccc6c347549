#include "util/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

// Numbers that are not whole: one printf call for 17 digits, rounded to 15 and 16 here (printf
// again only at an exact half), must write the very bytes of the three-printf reference —
// over every magnitude, the report's typical values (ratios, money, p-values), powers of two
// (where the rounding interval is lopsided) and values whose digits end in a half.
TEST(FormatDouble, FractionsAsThePrintfLoopWritesThem) {
  std::mt19937_64 random(11);
  std::vector<double> values = {0.1,
                                0.0001,
                                0.00001,
                                1e-5,
                                9.9999999999999995e14,
                                0.3,
                                2.0 / 3,
                                1e21,
                                1e22,
                                1e23,
                                5e-324,
                                2.2250738585072014e-308,
                                1.7976931348623157e308,
                                0.5,
                                0.25,
                                1.5e-7,
                                123456.5,
                                99999.999999999999};
  for (int e = -1074; e <= 1023; ++e)
    values.push_back(std::ldexp(1.0, e));
  for (int i = 0; i < 100000; ++i) {
    std::uint64_t bits = random();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isfinite(v)) values.push_back(v);
    const double a = static_cast<double>(random() % 100000000) / 100;
    const double b = static_cast<double>(random() % 1000000 + 1);
    values.push_back(a / b);
    values.push_back(-a / 7);
    values.push_back(static_cast<double>(random() % 10000000000000000ull) / 1e6);
    values.push_back(
        std::ldexp(static_cast<double>(random() >> 11), -static_cast<int>(random() % 80)));
    // A 16-digit decimal and a 17th digit of 5: the double nearest sits at or around the half.
    const double half =
        (static_cast<double>(random() % 9000000000000000ull + 1000000000000000ull) + 0.5) *
        std::pow(10.0, static_cast<int>(random() % 40) - 30);
    values.push_back(half);
    values.push_back(std::nextafter(half, 0.0));
    values.push_back(std::nextafter(half, 2 * half));
  }
  for (double v : values)
    ASSERT_EQ(double_to_string(v), reference(v)) << std::hexfloat << v;
}

}  // namespace
}  // namespace basketlift
