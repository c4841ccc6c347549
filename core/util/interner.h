// String interning: each distinct string is stored once and named by a small dense id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace basketlift {

/// Assigns dense ids 0, 1, 2, ... to distinct strings, in first-seen order. The analyses group
/// by these ids instead of by strings. Views returned by view() are invalidated by intern().
class Interner {
 public:
  /// Id of `text`, adding it when new.
  std::uint32_t intern(std::string_view text);
  /// Id of `text` when present.
  std::optional<std::uint32_t> find(std::string_view text) const;
  /// The string of an id (valid until the next intern()).
  std::string_view view(std::uint32_t id) const {
    const char* entry = chars_.data() + entries_[id];
    return {entry + kHeader, load32(entry + 4)};
  }
  /// Number of distinct strings.
  std::uint32_t size() const { return static_cast<std::uint32_t>(entries_.size()); }
  /// Bytes of memory held (characters, offsets, hash table).
  std::size_t bytes() const;
  /// Forgets every string.
  void clear();

 private:
  // Each string is stored as an entry: [u32 id][u32 length][bytes]. A hash-table slot holds
  // the entry's offset (+1; 0 = empty) and the string's hash, so a lookup touches the slot and
  // the entry only, and growing the table never re-hashes a string.
  static constexpr std::size_t kHeader = 8;
  struct Slot {
    std::uint32_t entry_plus_one;
    std::uint32_t hash;
  };

  static std::uint32_t load32(const char* at) {
    std::uint32_t value;
    std::memcpy(&value, at, 4);
    return value;
  }
  std::size_t slot_of(std::string_view text, std::uint32_t hash) const;
  void grow();

  std::vector<char> chars_;             // entries back to back
  std::vector<std::uint32_t> entries_;  // id → offset of its entry in chars_
  std::vector<Slot> slots_;             // open addressing, linear probing, load <= 0.7
};

}  // namespace basketlift
