#include "analysis/frequent_pairs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <utility>
#include <vector>

namespace basketlift {
namespace {

using Basket = std::vector<std::uint32_t>;

// Random baskets of 1 to 8 distinct items out of `universe`, a few items far more common.
std::vector<Basket> random_baskets(std::size_t count, std::uint32_t universe, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<Basket> baskets(count);
  for (Basket& basket : baskets) {
    const std::size_t size = 1 + random() % 8;
    while (basket.size() < size) {
      const std::uint32_t item = random() % 3 == 0 ? random() % 12 : random() % universe;
      if (std::find(basket.begin(), basket.end(), item) == basket.end()) basket.push_back(item);
    }
    std::sort(basket.begin(), basket.end());
  }
  return baskets;
}

// Every pair's count by brute force, kept when at least `min_count`.
std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> pairs_by_brute_force(
    const std::vector<Basket>& baskets, double min_count) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> all, kept;
  for (const Basket& basket : baskets) {
    for (std::size_t i = 0; i < basket.size(); ++i) {
      for (std::size_t j = i + 1; j < basket.size(); ++j)
        ++all[{basket[i], basket[j]}];
    }
  }
  for (const auto& [pair, count] : all) {
    if (count >= min_count) kept[pair] = count;
  }
  return kept;
}

// The pairs FrequentPairs keeps, counted with `budget` counts for its matrix.
std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> pairs_counted(
    const std::vector<Basket>& baskets, std::uint32_t universe, double min_count,
    std::size_t budget, bool& dense) {
  std::vector<std::uint32_t> item_count(universe, 0);
  for (const Basket& basket : baskets) {
    for (std::uint32_t item : basket)
      ++item_count[item];
  }
  FrequentPairs pairs;
  pairs.settle(item_count, min_count, budget);
  dense = pairs.dense();
  for (const Basket& basket : baskets)
    pairs.add(basket);
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> out;
  pairs.frequent(min_count).for_each([&](std::uint32_t a, std::uint32_t b, std::uint32_t count) {
    EXPECT_LT(a, b);
    EXPECT_TRUE(out.emplace(std::pair{a, b}, count).second);
  });
  return out;
}

TEST(FrequentPairs, MatrixAndHashTableCountAsBruteForce) {
  for (const auto& [universe, min_count] :
       {std::pair{40u, 1.0}, std::pair{40u, 30.0}, std::pair{500u, 5.0}, std::pair{500u, 60.0}}) {
    const std::vector<Basket> baskets = random_baskets(3000, universe, universe);
    const auto expected = pairs_by_brute_force(baskets, min_count);
    ASSERT_FALSE(expected.empty());
    bool dense = false;
    EXPECT_EQ(pairs_counted(baskets, universe, min_count, 1 << 20, dense), expected)
        << universe << " items, min count " << min_count;
    EXPECT_TRUE(dense);
    EXPECT_EQ(pairs_counted(baskets, universe, min_count, 0, dense), expected)
        << universe << " items, min count " << min_count;
    EXPECT_FALSE(dense);
  }
}

TEST(FrequentPairs, MatrixTakesItsCountsFromTheBudget) {
  // Items 0..9 each in every basket: 10 frequent items, 45 pairs.
  std::vector<std::uint32_t> item_count(100, 0);
  for (std::uint32_t item = 0; item < 10; ++item)
    item_count[item] = 50;
  std::size_t budget = 100;
  FrequentPairs first, second, third;
  first.settle(item_count, 50, budget);
  EXPECT_TRUE(first.dense());
  EXPECT_EQ(budget, 55u);
  second.settle(item_count, 50, budget);
  EXPECT_TRUE(second.dense());
  EXPECT_EQ(budget, 10u);
  third.settle(item_count, 50, budget);
  EXPECT_FALSE(third.dense()) << "45 counts do not fit in 10";
  EXPECT_EQ(budget, 10u);

  // Past kMaxDenseItems frequent items the hash table counts, whatever the budget.
  std::vector<std::uint32_t> many(FrequentPairs::kMaxDenseItems + 1, 1);
  std::size_t ample = std::size_t{1} << 30;
  FrequentPairs wide;
  wide.settle(many, 1, ample);
  EXPECT_FALSE(wide.dense());
  wide.add({0, 7, static_cast<std::uint32_t>(FrequentPairs::kMaxDenseItems)});
  EXPECT_EQ(wide.frequent(1).count(0, 7), 1u);
  EXPECT_EQ(wide.frequent(2).size(), 0u);
}

}  // namespace
}  // namespace basketlift
