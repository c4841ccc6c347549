// A small JSON document (settings, a mapping, a scenario, parts of a report) read into a tree,
// for code that looks members up by name in any order and reads a value more than once.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basketlift {

/// One JSON value and everything inside it. Built with simdjson's On-Demand parser (so the
/// wasm module links one simdjson parser, not also its DOM). Numbers keep their JSON kind the
/// way simdjson's DOM does: integers that fit 64 bits read as integers, the rest as doubles.
/// Every getter returns true on success and leaves `out` untouched when the value is of
/// another kind.
class JsonValue {
 public:
  /// What a value is.
  enum class Kind : std::uint8_t {
    null,
    boolean,
    integer,
    unsigned_integer,
    floating,
    string,
    array,
    object
  };

  /// Reads a whole document (any JSON value at its root); nullopt when it is not valid JSON.
  static std::optional<JsonValue> parse(std::string_view json);
  /// Reads a document whose root is an object, keeping only the members named in `keys` (the
  /// others are skipped unread: a large report's sections that are not needed); nullopt when
  /// it is not a JSON object or a kept member is not valid JSON.
  static std::optional<JsonValue> parse_members(std::string_view json,
                                                std::initializer_list<std::string_view> keys);

  /// The value's kind.
  Kind kind() const { return kind_; }
  /// True for JSON null.
  bool is_null() const { return kind_ == Kind::null; }
  /// True for an object.
  bool is_object() const { return kind_ == Kind::object; }
  /// True for an array.
  bool is_array() const { return kind_ == Kind::array; }

  /// The member `key` of an object (the first when repeated); nullptr when absent or when this
  /// is not an object.
  const JsonValue* find(std::string_view key) const;
  /// The member `key` of an object, or a JSON null when absent (for reading with a getter).
  const JsonValue& member(std::string_view key) const;
  /// The items of an array (empty for anything else).
  const std::vector<JsonValue>& items() const { return items_; }
  /// The members of an object in document order (empty for anything else).
  const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }

  /// Any number, as a double.
  bool get_double(double& out) const;
  /// An integer between −2^63 and 2^63 − 1.
  bool get_int64(std::int64_t& out) const;
  /// An integer between 0 and 2^64 − 1.
  bool get_uint64(std::uint64_t& out) const;
  /// true or false.
  bool get_bool(bool& out) const;
  /// A string's unescaped text (valid while this value lives).
  bool get_string(std::string_view& out) const;

  /// Builds values while parsing (used by the reader only).
  friend class JsonTreeBuilder;

 private:
  Kind kind_ = Kind::null;
  bool boolean_ = false;
  std::int64_t integer_ = 0;                                // Kind::integer
  std::uint64_t unsigned_ = 0;                              // Kind::unsigned_integer
  double floating_ = 0;                                     // Kind::floating
  std::string text_;                                        // Kind::string
  std::vector<JsonValue> items_;                            // Kind::array
  std::vector<std::pair<std::string, JsonValue>> members_;  // Kind::object
};

}  // namespace basketlift
