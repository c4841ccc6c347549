// The values at two ranks of a sequence that can be walked several times, found without a copy
// of the whole sequence (what sorting or std::nth_element would need).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace basketlift {

/// The values of rank `low` and rank `high` (0-based, ascending; low <= high) among the values
/// that `walk(f)` passes to f one by one, the same ones at every call (a rank past the last is
/// the last; {0, 0} when there are none). Walks them three times: their range, a histogram of
/// 4,096 buckets, then only the values of the buckets holding the two ranks are kept and
/// partially sorted (all of them at worst, when one bucket holds everything).
template <typename Walk>
std::pair<std::int64_t, std::int64_t> values_at_ranks(const Walk& walk, std::size_t low,
                                                      std::size_t high) {
  constexpr std::size_t kBuckets = 4096;
  std::int64_t least = 0, most = 0;
  std::size_t count = 0;
  walk([&](std::int64_t v) {
    least = count == 0 ? v : std::min(least, v);
    most = count == 0 ? v : std::max(most, v);
    ++count;
  });
  if (count == 0) return {0, 0};
  low = std::min(low, count - 1);
  high = std::min(high, count - 1);
  const std::uint64_t span = static_cast<std::uint64_t>(most) - static_cast<std::uint64_t>(least);
  int shift = 0;
  while ((span >> shift) >= kBuckets)
    ++shift;
  const auto bucket = [&](std::int64_t v) {
    return static_cast<std::size_t>(
        (static_cast<std::uint64_t>(v) - static_cast<std::uint64_t>(least)) >> shift);
  };
  std::vector<std::size_t> counts(kBuckets, 0);
  walk([&](std::int64_t v) { ++counts[bucket(v)]; });
  // The bucket holding rank `rank`; `before`: how many values lie in the buckets before it.
  const auto holding = [&](std::size_t rank, std::size_t& before) {
    std::size_t b = 0;
    for (before = 0; before + counts[b] <= rank; ++b)
      before += counts[b];
    return b;
  };
  std::size_t before_low = 0, before_high = 0;
  const std::size_t low_bucket = holding(low, before_low);
  const std::size_t high_bucket = holding(high, before_high);
  std::vector<std::int64_t> low_values, high_values;
  low_values.reserve(counts[low_bucket]);
  if (high_bucket != low_bucket) high_values.reserve(counts[high_bucket]);
  walk([&](std::int64_t v) {
    const std::size_t b = bucket(v);
    if (b == low_bucket) low_values.push_back(v);
    if (b == high_bucket && high_bucket != low_bucket) high_values.push_back(v);
  });
  std::vector<std::int64_t>& high_in = high_bucket == low_bucket ? low_values : high_values;
  const std::size_t low_at = low - before_low, high_at = high - before_high;
  std::nth_element(low_values.begin(), low_values.begin() + static_cast<std::ptrdiff_t>(low_at),
                   low_values.end());
  const std::int64_t low_value = low_values[low_at];
  std::nth_element(high_in.begin(), high_in.begin() + static_cast<std::ptrdiff_t>(high_at),
                   high_in.end());
  return {low_value, high_in[high_at]};
}

}  // namespace basketlift
