#include "util/rank_select.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace basketlift {
namespace {

// values_at_ranks over `values` against the same ranks of a sorted copy.
void expect_ranks_as_sorted(const std::vector<std::int64_t>& values, std::size_t low,
                            std::size_t high) {
  std::vector<std::int64_t> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  int walks = 0;
  const auto walk = [&](const auto& f) {
    ++walks;
    for (std::int64_t v : values)
      f(v);
  };
  const auto [at_low, at_high] = values_at_ranks(walk, low, high);
  EXPECT_EQ(at_low, sorted[low]) << "rank " << low << " of " << values.size();
  EXPECT_EQ(at_high, sorted[high]) << "rank " << high << " of " << values.size();
  EXPECT_EQ(walks, 3);
}

// Times drawn by `draw`, at the 1st and 99th percentile ranks and at both ends.
template <typename Draw>
void expect_percentiles_as_sorted(std::size_t count, Draw draw) {
  std::mt19937_64 random(count);
  std::vector<std::int64_t> values(count);
  for (std::int64_t& v : values)
    v = draw(random);
  expect_ranks_as_sorted(values, count / 100, count - 1 - count / 100);
  expect_ranks_as_sorted(values, 0, count - 1);
  expect_ranks_as_sorted(values, count / 2, count / 2);
}

TEST(RankSelect, SameValuesAsSortingWhateverTheSpread) {
  constexpr std::int64_t kYear = 365 * 86400;
  constexpr std::int64_t k2024 = 1704067200;
  // A year of orders; few distinct times (ties across bucket edges); negative times.
  expect_percentiles_as_sorted(
      100000, [&](std::mt19937_64& r) { return k2024 + static_cast<std::int64_t>(r() % kYear); });
  expect_percentiles_as_sorted(10000, [](std::mt19937_64& r) { return k2024 + r() % 5; });
  expect_percentiles_as_sorted(
      5000, [](std::mt19937_64& r) { return -static_cast<std::int64_t>(r() % 1000000); });
  // Every time equal: one bucket holds them all.
  expect_percentiles_as_sorted(1000, [](std::mt19937_64&) { return k2024; });
  // A test order in 1970 and one in 2100 beside a year of orders: the year falls in few
  // buckets, which the ranks must still split right.
  std::mt19937_64 random(7);
  std::vector<std::int64_t> times;
  for (int i = 0; i < 20000; ++i)
    times.push_back(k2024 + static_cast<std::int64_t>(random() % kYear));
  times.push_back(0);
  times.push_back(4102444800);
  expect_ranks_as_sorted(times, times.size() / 100, times.size() - 1 - times.size() / 100);
  expect_ranks_as_sorted(times, 0, times.size() - 1);
  // The whole range of int64 (the span does not overflow).
  expect_ranks_as_sorted({std::numeric_limits<std::int64_t>::max(), 3, -3,
                          std::numeric_limits<std::int64_t>::min() + 1},
                         1, 2);
}

TEST(RankSelect, RanksPastTheLastAreTheLastAndNoValuesGiveZeros) {
  const std::vector<std::int64_t> values = {5, 1, 9};
  const auto walk = [&](const auto& f) {
    for (std::int64_t v : values)
      f(v);
  };
  EXPECT_EQ(values_at_ranks(walk, 1, 10), std::make_pair(std::int64_t{5}, std::int64_t{9}));
  const auto none = [](const auto&) {};
  EXPECT_EQ(values_at_ranks(none, 0, 0), std::make_pair(std::int64_t{0}, std::int64_t{0}));
}

}  // namespace
}  // namespace basketlift
