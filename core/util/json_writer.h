// A small streaming JSON writer: the report and every other engine output go through it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace basketlift {

/// Which characters a JSON text writes as \u escapes beyond the ones JSON requires.
enum class JsonEscapes : std::uint8_t {
  required,     ///< only what JSON requires: other characters as UTF-8 (readable in a file)
  above_latin1  ///< also every character above U+00FF: JavaScript then keeps the decoded text
                ///< as one byte a character (half the memory to hold, decode, post and parse)
};

/// Appends JSON text to a string, inserting commas and (optionally) indentation itself.
/// Numbers that are not finite are written as null: JSON has no NaN.
class JsonWriter {
 public:
  /// Compact output unless `pretty` (two-space indentation); strings escaped as `escapes` says.
  explicit JsonWriter(bool pretty = false, JsonEscapes escapes = JsonEscapes::required)
      : pretty_(pretty), escapes_(escapes) {}

  /// Opens an object.
  JsonWriter& begin_object();
  /// Closes the innermost object.
  JsonWriter& end_object();
  /// Opens an array.
  JsonWriter& begin_array();
  /// Closes the innermost array.
  JsonWriter& end_array();
  /// Writes an object key; the next call writes its value.
  JsonWriter& key(std::string_view name);

  /// Writes a string value (escaped; invalid UTF-8 bytes become U+FFFD).
  JsonWriter& value(std::string_view text);
  /// Writes a string value.
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  /// Writes a number (null when not finite).
  JsonWriter& value(double number);
  /// Writes an integer.
  JsonWriter& value(std::int64_t number);
  /// Writes an unsigned integer.
  JsonWriter& value(std::uint64_t number);
  /// Writes an int.
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  /// Writes an unsigned int.
  JsonWriter& value(unsigned number) { return value(static_cast<std::uint64_t>(number)); }
  /// Writes true or false.
  JsonWriter& value(bool flag);
  /// Writes null.
  JsonWriter& null();
  /// Writes already-serialised JSON text as one value (the caller guarantees it is valid).
  JsonWriter& raw(std::string_view json);

  /// key(name) then value(v).
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  /// The text written so far.
  const std::string& str() const { return out_; }
  /// Bytes written so far.
  std::size_t size() const { return out_.size(); }
  /// Makes room for `bytes` more without growing again.
  void reserve_more(std::size_t bytes) { out_.reserve(out_.size() + bytes); }
  /// Moves the text out; the writer is empty afterwards.
  std::string take();

 private:
  void before_value();
  void newline();
  JsonWriter& close(char bracket);

  std::string out_;
  std::vector<bool> first_in_scope_;  // one entry per open object/array
  bool after_key_ = false;
  bool pretty_;
  JsonEscapes escapes_;
};

/// Appends `text` to `out` as the inside of a JSON string (no surrounding quotes).
void append_json_escaped(std::string& out, std::string_view text,
                         JsonEscapes escapes = JsonEscapes::required);

}  // namespace basketlift
