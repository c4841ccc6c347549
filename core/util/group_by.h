// Grouping items by a small integer key with a counting sort (the analyses' index tables).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace basketlift {

/// Groups items 0..items-1 by key_of(i) < keys (items whose key is `skip` are left out): the
/// items of key k are members[begin[k], begin[k + 1]), in increasing order; begin gets keys + 1
/// entries. Linear time; nothing allocated beyond the two vectors.
template <typename KeyOf>
void group_by(std::size_t keys, std::size_t items, KeyOf key_of, std::uint32_t skip,
              std::vector<std::uint32_t>& begin, std::vector<std::uint32_t>& members) {
  begin.assign(keys + 1, 0);
  for (std::size_t i = 0; i < items; ++i) {
    const std::uint32_t key = key_of(i);
    if (key != skip) ++begin[key + 1];
  }
  for (std::size_t k = 0; k < keys; ++k)
    begin[k + 1] += begin[k];
  members.assign(begin[keys], 0);
  // begin[key] walks through its group and ends where the next group begins; then shifted back.
  for (std::size_t i = 0; i < items; ++i) {
    const std::uint32_t key = key_of(i);
    if (key != skip) members[begin[key]++] = static_cast<std::uint32_t>(i);
  }
  for (std::size_t k = keys; k > 0; --k)
    begin[k] = begin[k - 1];
  begin[0] = 0;
}

}  // namespace basketlift
