// Pair counts among a basket set's frequent items (pair mining's hot loop): a triangular matrix
// indexed by the items' ranks while it fits a budget (an increment, no hashing or probing), else
// a PairCounter of every pair of frequent items.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/pair_counter.h"

namespace basketlift {

/// Counts the pairs of frequent items in baskets: settle() once the item counts are known,
/// then add() each basket, then frequent() for the pairs counted often enough.
class FrequentPairs {
 public:
  /// Items counted at least `min_count` times are frequent. The matrix is used when its counts
  /// (F(F-1)/2 for F frequent items) fit in `budget` counts, which it then takes from it.
  void settle(const std::vector<std::uint32_t>& item_count, double min_count, std::size_t& budget);
  /// Counts each pair of a basket's frequent items (`items`: distinct, in rising order).
  void add(const std::vector<std::uint32_t>& items) {
    if (matrix_.empty()) {
      add_hashed(items);
      return;
    }
    ranks_.clear();
    for (std::uint32_t item : items) {
      const std::uint16_t r = rank_[item];
      if (r != kNotFrequent) ranks_.push_back(r);
    }
    for (std::size_t i = 0; i + 1 < ranks_.size(); ++i) {
      const std::ptrdiff_t start = row_start_[ranks_[i]];
      for (std::size_t j = i + 1; j < ranks_.size(); ++j)
        ++matrix_[static_cast<std::size_t>(start + ranks_[j])];
    }
  }
  /// The pairs counted at least `min_count` times, each as (lower id, higher id).
  PairCounter frequent(double min_count) const;
  /// True when the pairs are counted in the matrix.
  bool dense() const { return !matrix_.empty(); }

  /// The most frequent items a matrix may have.
  static constexpr std::size_t kMaxDenseItems = 4096;

 private:
  void add_hashed(const std::vector<std::uint32_t>& items);
  static constexpr std::uint16_t kNotFrequent = 0xFFFF;

  std::vector<std::uint8_t> frequent_;         // item → 1 when frequent (hashed)
  std::vector<std::uint32_t> items_;           // rank → item (matrix)
  std::vector<std::uint16_t> rank_;            // item → rank, kNotFrequent (matrix)
  std::vector<std::ptrdiff_t> row_start_;      // rank r → where pair (r, s) counts, less s
  std::vector<std::uint32_t> matrix_;          // pairs (r < s) row by row
  std::vector<std::uint16_t> ranks_;           // a basket's frequent ranks (matrix)
  std::vector<std::uint32_t> frequent_items_;  // a basket's frequent items (hashed)
  PairCounter hashed_;
};

}  // namespace basketlift
