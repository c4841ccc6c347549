#include "util/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

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

}  // namespace
}  // namespace basketlift
