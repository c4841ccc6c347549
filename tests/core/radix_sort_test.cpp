#include "util/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace basketlift {
namespace {

struct Item {
  std::uint64_t key;
  std::uint32_t position;  // index before sorting: shows whether equal keys kept their order
  bool operator==(const Item& other) const {
    return key == other.key && position == other.position;
  }
};

// Items with keys drawn by `draw`, sorted both ways.
template <typename Draw>
void expect_same_as_stable_sort(std::size_t count, Draw draw) {
  std::mt19937_64 random(count);
  std::vector<Item> items(count);
  for (std::uint32_t i = 0; i < count; ++i)
    items[i] = {draw(random), i};
  std::vector<Item> expected = items;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const Item& a, const Item& b) { return a.key < b.key; });
  radix_sort(items, [](const Item& item) { return item.key; });
  EXPECT_EQ(items, expected);
}

TEST(RadixSort, EqualsStableSortForKeysOfEveryWidth) {
  // Few distinct keys (many ties), keys of a few bytes, and keys using all 64 bits.
  expect_same_as_stable_sort(10000, [](std::mt19937_64& r) { return r() % 7; });
  expect_same_as_stable_sort(10000, [](std::mt19937_64& r) { return r() % 100000; });
  expect_same_as_stable_sort(10000, [](std::mt19937_64& r) { return r(); });
  // Keys that differ only in their high bytes (the low passes are skipped).
  expect_same_as_stable_sort(5000, [](std::mt19937_64& r) { return (r() % 5) << 56 | 0xABCD; });
}

TEST(RadixSort, HandlesEmptySingleAndIdenticalInputs) {
  expect_same_as_stable_sort(0, [](std::mt19937_64& r) { return r(); });
  expect_same_as_stable_sort(1, [](std::mt19937_64& r) { return r(); });
  expect_same_as_stable_sort(1000, [](std::mt19937_64&) { return std::uint64_t{42}; });
}

TEST(RadixSort, SortsByTwoFieldsPackedOrInTwoStablePasses) {
  // (offer, unit) pairs: one packed key, or two passes with the second field first (as the
  // analyses do); both give the lexicographic order.
  const std::vector<std::pair<std::uint32_t, std::uint64_t>> input = {
      {3, 5}, {1, (std::uint64_t{1} << 33) + 2}, {1, 7}, {3, 1}, {0, 9}, {1, 7}};
  std::vector<std::pair<std::uint32_t, std::uint64_t>> expected = input;
  std::sort(expected.begin(), expected.end());
  auto packed = input;
  radix_sort(packed, [](const auto& p) { return std::uint64_t{p.first} << 34 | p.second; });
  EXPECT_EQ(packed, expected);
  auto two_passes = input;
  radix_sort(two_passes, [](const auto& p) { return p.second; });
  radix_sort(two_passes, [](const auto& p) { return std::uint64_t{p.first}; });
  EXPECT_EQ(two_passes, expected);
}

}  // namespace
}  // namespace basketlift
