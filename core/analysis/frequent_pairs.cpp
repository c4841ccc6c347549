#include "analysis/frequent_pairs.h"

namespace basketlift {

void FrequentPairs::settle(const std::vector<std::uint32_t>& item_count, double min_count,
                           std::size_t& budget) {
  items_.clear();
  for (std::uint32_t item = 0; item < item_count.size(); ++item) {
    if (item_count[item] >= min_count) items_.push_back(item);
  }
  const std::size_t f = items_.size();
  const std::size_t counts = f < 2 ? 0 : f * (f - 1) / 2;
  if (counts == 0 || f > kMaxDenseItems || counts > budget) {
    frequent_.assign(item_count.size(), 0);
    for (std::uint32_t item : items_)
      frequent_[item] = 1;
    items_ = {};
    return;
  }
  budget -= counts;
  rank_.assign(item_count.size(), kNotFrequent);
  row_start_.resize(f);
  for (std::size_t r = 0; r < f; ++r) {
    rank_[items_[r]] = static_cast<std::uint16_t>(r);
    // Row r holds pairs (r, s) for s > r, after the f - 1 - k pairs of each row k < r.
    const std::size_t start = r * (f - 1) - r * (r - 1) / 2;
    row_start_[r] = static_cast<std::ptrdiff_t>(start) - static_cast<std::ptrdiff_t>(r) - 1;
  }
  matrix_.assign(counts, 0);
}

void FrequentPairs::add_hashed(const std::vector<std::uint32_t>& items) {
  frequent_items_.clear();
  for (std::uint32_t item : items) {
    if (frequent_[item] != 0) frequent_items_.push_back(item);
  }
  for (std::size_t i = 0; i < frequent_items_.size(); ++i) {
    for (std::size_t j = i + 1; j < frequent_items_.size(); ++j)
      hashed_.add(frequent_items_[i], frequent_items_[j]);
  }
}

PairCounter FrequentPairs::frequent(double min_count) const {
  PairCounter out;
  if (matrix_.empty()) {
    hashed_.for_each([&](std::uint32_t a, std::uint32_t b, std::uint32_t count) {
      if (count >= min_count) out.add(a, b, count);
    });
    return out;
  }
  std::size_t at = 0;
  for (std::size_t r = 0; r < items_.size(); ++r) {
    for (std::size_t s = r + 1; s < items_.size(); ++s, ++at) {
      if (matrix_[at] >= min_count) out.add(items_[r], items_[s], matrix_[at]);
    }
  }
  return out;
}

}  // namespace basketlift
