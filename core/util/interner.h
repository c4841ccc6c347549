// String interning: each distinct string is stored once and named by a small dense id.
#pragma once

#include <cstddef>
#include <cstdint>
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
    return {chars_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]};
  }
  /// Number of distinct strings.
  std::uint32_t size() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }
  /// Bytes of memory held (characters, offsets, hash table).
  std::size_t bytes() const;
  /// Forgets every string.
  void clear();

 private:
  std::size_t slot_of(std::string_view text, std::uint32_t hash) const;
  void grow();

  std::vector<char> chars_;                // all strings back to back
  std::vector<std::uint32_t> offsets_{0};  // string i is chars_[offsets_[i], offsets_[i+1])
  std::vector<std::uint32_t> hashes_;      // low 32 bits of each string's hash
  std::vector<std::uint32_t> slots_;       // open addressing: 0 = empty, else id + 1
};

}  // namespace basketlift
