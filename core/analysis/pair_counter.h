// Counts of item pairs in an open-addressing hash table (pair mining's hot loop).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "util/hash.h"

namespace basketlift {

/// Counts occurrences of (a, b) pairs of 32-bit ids; memory grows with distinct pairs only.
class PairCounter {
 public:
  /// Adds `times` occurrences of the pair (a < b expected, not required).
  void add(std::uint32_t a, std::uint32_t b, std::uint32_t times = 1) {
    if (times == 0) return;
    if ((size_ + 1) * 10 > slots_.size() * 7) grow();
    const std::uint64_t key = pack(a, b);
    std::size_t slot = mix64(key) & (slots_.size() - 1);
    while (slots_[slot].count != 0 && slots_[slot].key != key)
      slot = (slot + 1) & (slots_.size() - 1);
    if (slots_[slot].count == 0) {
      slots_[slot].key = key;
      ++size_;
    }
    slots_[slot].count += times;
  }
  /// The count of a pair (0 when never added).
  std::uint32_t count(std::uint32_t a, std::uint32_t b) const {
    if (slots_.empty()) return 0;
    const std::uint64_t key = pack(a, b);
    std::size_t slot = mix64(key) & (slots_.size() - 1);
    while (slots_[slot].count != 0) {
      if (slots_[slot].key == key) return slots_[slot].count;
      slot = (slot + 1) & (slots_.size() - 1);
    }
    return 0;
  }
  /// Calls f(a, b, count) for every pair.
  template <typename F>
  void for_each(F f) const {
    for (const Slot& s : slots_) {
      if (s.count != 0)
        f(static_cast<std::uint32_t>(s.key >> 32), static_cast<std::uint32_t>(s.key), s.count);
    }
  }
  /// Distinct pairs.
  std::size_t size() const { return size_; }
  /// Bytes held.
  std::size_t bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t count = 0;
  };
  static std::uint64_t pack(std::uint32_t a, std::uint32_t b) {
    return (static_cast<std::uint64_t>(a) << 32) | b;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.count == 0) continue;
      std::size_t slot = mix64(s.key) & (slots_.size() - 1);
      while (slots_[slot].count != 0)
        slot = (slot + 1) & (slots_.size() - 1);
      slots_[slot] = s;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace basketlift
