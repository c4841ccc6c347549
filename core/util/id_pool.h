// Interning of high-cardinality identifiers (order, session and customer ids). Most exports
// number them: "O0000123", "#1001", "536365". Such ids are kept as numbers — found in their
// own sorted keys while they rise as they come, by direct indexing while they are dense, else
// by hashing — so a million of them cost 4 to 12 bytes each instead of a string entry and a
// hash slot; any other id is kept as text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/interner.h"

namespace basketlift {

/// How numbered ids are written: a prefix, then the number, zero-padded to `width` digits
/// (0: no leading zeros).
struct IdPattern {
  std::string prefix;      ///< text before the number
  std::uint8_t width = 0;  ///< digits of a zero-padded number; 0: no leading zeros
  /// Same prefix and width.
  bool operator==(const IdPattern&) const = default;
};

/// Assigns dense ids 0, 1, 2, ... to distinct identifiers in first-seen order, like Interner.
/// The first id fixes a pattern — a prefix, then a number written either with a fixed number
/// of digits (leading zeros) or without leading zeros; ids of that pattern are stored as their
/// number, all others as text.
class IdPool {
 public:
  /// Id of `text`, adding it when new.
  std::uint32_t intern(std::string_view text);
  /// Id of `text` when present.
  std::optional<std::uint32_t> find(std::string_view text) const;
  /// The text of an id (numbered ids are written out once, on first view); valid until the
  /// next intern().
  std::string_view view(std::uint32_t id) const;
  /// Appends the text of an id to `out` (without keeping it, unlike view()).
  void append_text(std::uint32_t id, std::string& out) const;
  /// Number of distinct ids.
  std::uint32_t size() const {
    return static_cast<std::uint32_t>(wide_ ? keys64_.size() : keys32_.size());
  }
  /// Bytes of memory held.
  std::size_t bytes() const;
  /// Makes room for `count` ids without reallocating.
  void reserve(std::size_t count);
  /// Makes room for `extra` more ids, growing by at least half of today's ids when it must
  /// grow, so that making room again and again (a range merged at a time) stays amortised.
  void make_room(std::size_t extra);
  /// Forgets every id.
  void clear();

  // Ids by number, for merging pools without writing numbers out as text and parsing them back.
  /// The pattern numbered ids follow (nullopt until the first id fixed one, or when it had none).
  std::optional<IdPattern> pattern() const;
  /// The number of a numbered id; nullopt for an id kept as text.
  std::optional<std::uint64_t> number(std::uint32_t id) const;
  /// Id of the numbered id `number`, adding it when new; only when pattern() is set.
  std::uint32_t intern_number(std::uint64_t number);
  /// Id of the numbered id `number` when present.
  std::optional<std::uint32_t> find_number(std::uint64_t number) const {
    const std::uint32_t found = patterned_ ? id_of_number(number) : kAbsent;
    return found == kAbsent ? std::nullopt : std::optional<std::uint32_t>(found);
  }
  /// Appends the text of the id numbered `number` in `pattern`.
  static void append_number(const IdPattern& pattern, std::uint64_t number, std::string& out);

 private:
  // The number of a patterned id; nullopt when `text` does not follow the pattern.
  std::optional<std::uint64_t> number_of(std::string_view text) const;
  bool decide_pattern(std::string_view text);
  std::uint32_t id_of_number(std::uint64_t number) const;  // kAbsent when not present
  std::uint32_t sorted_id_of(std::uint64_t number) const;  // id_of_number() while sorted_
  void leave_sorted();                                     // builds the table the keys stood in for
  void index_number(std::uint64_t number, std::uint32_t id);
  std::uint64_t direct_limit() const;  // the widest span a direct table may cover
  // Slots a direct table reserves for `count` ids: while few are in, the span they cover at
  // today's pace when it fits direct_limit(); else `count`.
  std::size_t projected_direct_slots(std::size_t count) const;
  bool fits_direct(std::uint64_t low, std::uint64_t high) const;  // numbers in [low, high)
  // True when numbers rising at today's pace would outgrow a direct table before the ids
  // reserve() announced are in: the table would grow, be copied and be dropped for a hash table
  // later (sessions numbered 3.4 apart: 7% of reading an orders file in wasm).
  bool outgrows_direct(std::uint64_t number) const;
  void to_hashed();
  void to_direct(std::uint64_t low, std::uint64_t high);  // a direct table over [low, high)
  std::size_t grown_slots(std::size_t numbers) const;     // hash slots for this many numbers
  void rehash(std::size_t numbers);                       // sizes the table for this many numbers
  struct Probe {
    std::size_t slot;     // where the search for a number starts
    std::uint32_t print;  // its fingerprint (print_bits_ wide)
  };
  Probe probe_of(std::uint64_t number) const;
  static constexpr std::uint64_t kBlockNumbers = 16;  // numbers placed side by side
  void place(std::uint64_t number, std::uint32_t id);

  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
  static constexpr std::uint64_t kTextKey = std::uint64_t{1} << 63;  // key bit: an Interner id

  bool decided_ = false;    // the pattern is fixed by the first id
  bool patterned_ = false;  // the first id was a prefix + number
  std::string prefix_;      // text before the number
  std::uint8_t width_ = 0;  // digits of a zero-padded number; 0: no leading zeros
  // id → key: the number, or kTextKey | Interner id; 4 bytes each while keys fit.
  std::uint64_t key(std::uint32_t id) const {
    if (wide_) return keys64_[id];
    const std::uint32_t k = keys32_[id];
    return (k & kTextKey32) != 0 ? (kTextKey | (k & ~kTextKey32)) : k;
  }
  void push_key(std::uint64_t key);
  static constexpr std::uint32_t kTextKey32 = 0x80000000u;
  bool wide_ = false;
  std::vector<std::uint32_t> keys32_;
  std::vector<std::uint64_t> keys64_;
  Interner texts_;                       // ids that do not follow the pattern
  std::vector<std::uint32_t> text_ids_;  // Interner id → id
  std::uint32_t numbered_ = 0;           // ids stored as numbers
  std::uint64_t lowest_ = 0;             // the lowest and highest number stored
  std::uint64_t highest_ = 0;
  std::uint32_t risen_ = 0;   // numbered ids that came above every number before them
  std::size_t reserved_ = 0;  // ids reserve() made room for
  // Numbers → ids. While sorted_, no table: every id is a number and the numbers rose with the
  // ids (orders and sessions numbered as they come), so the keys are the index, searched by
  // halves; a number below the highest that is new, a text id, or more than kSortedHits +
  // numbered_ / 4 numbers found that way build a table. Then a direct table over
  // [base_, base_ + direct_.size()) while dense, else an open-addressing table of ids (compared
  // through their keys).
  static constexpr std::uint32_t kSortedHits = 4096;
  bool sorted_ = true;
  std::uint32_t sorted_hits_ = 0;  // numbers found by search while sorted_
  bool hashed_ = false;
  std::uint64_t base_ = 0;
  std::vector<std::uint32_t> direct_;        // id + 1, 0 when absent
  std::vector<std::uint32_t> slots_;         // (id + 1) << print_bits_ | fingerprint, 0 when empty
  std::uint8_t print_bits_ = 0;              // fingerprint width, set by rehash()
  mutable std::deque<std::string> written_;  // texts of viewed numbers
  mutable std::unordered_map<std::uint32_t, std::size_t> written_at_;  // id → index in written_
};

}  // namespace basketlift
