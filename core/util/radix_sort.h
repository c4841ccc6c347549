// Stable least-significant-digit radix sort on unsigned 64-bit keys (the analyses' big sorts).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace basketlift {

/// Sorts `items` by `key(item)` (a std::uint64_t), keeping the order of equal keys. One pass of
/// 8 bits per byte in which the keys differ, so small keys cost few passes; linear time, and a
/// scratch copy of `items` while it runs. The order is the same natively and in wasm.
template <typename T, typename Key>
void radix_sort(std::vector<T>& items, Key key) {
  if (items.size() < 2) return;
  std::uint64_t all_ones = ~std::uint64_t{0}, any_one = 0;
  for (const T& item : items) {
    const std::uint64_t k = key(item);
    all_ones &= k;
    any_one |= k;
  }
  const std::uint64_t varying = all_ones ^ any_one;  // bits not equal in every key
  if (varying == 0) return;                          // every key equal: already in order
  std::vector<T> scratch(items.size());
  for (int shift = 0; shift < 64; shift += 8) {
    if (((varying >> shift) & 0xFF) == 0) continue;
    std::array<std::size_t, 256> start{};
    for (const T& item : items)
      ++start[(key(item) >> shift) & 0xFF];
    std::size_t offset = 0;
    for (std::size_t& bucket : start)
      offset += std::exchange(bucket, offset);
    for (T& item : items)
      scratch[start[(key(item) >> shift) & 0xFF]++] = std::move(item);
    items.swap(scratch);
  }
}

}  // namespace basketlift
