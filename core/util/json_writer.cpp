#include "util/json_writer.h"

#include <cmath>

#include "util/number_format.h"
#include "util/utf8.h"

namespace basketlift {

namespace {
constexpr char kHex[] = "0123456789abcdef";

// Appends \uXXXX for one UTF-16 code unit.
void append_unit(std::string& out, std::uint32_t unit) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4)
    out += kHex[(unit >> shift) & 15];
}

// The code point of the valid UTF-8 sequence of `n` bytes at `at`.
std::uint32_t code_point(const char* at, std::size_t n) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(at[k]) & 0xFFu; };
  if (n == 2) return (byte(0) & 0x1F) << 6 | (byte(1) & 0x3F);
  if (n == 3) return (byte(0) & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
  return (byte(0) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F);
}
}  // namespace

void append_json_escaped(std::string& out, std::string_view text, JsonEscapes escapes) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the run of characters that need no escaping in one go.
    std::size_t run = i;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {  // U+FFFD for a byte that does not start valid UTF-8
        escapes == JsonEscapes::above_latin1 ? append_unit(out, 0xFFFD)
                                             : void(out += "\xEF\xBF\xBD");
        ++i;
      } else if (escapes == JsonEscapes::above_latin1 && code_point(text.data() + i, n) > 0xFF) {
        const std::uint32_t point = code_point(text.data() + i, n);
        if (point > 0xFFFF) {  // a surrogate pair
          append_unit(out, 0xD800 + ((point - 0x10000) >> 10));
          append_unit(out, 0xDC00 + ((point - 0x10000) & 0x3FF));
        } else {
          append_unit(out, point);
        }
        i += n;
      } else {
        out.append(text.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    ++i;
  }
}

void JsonWriter::newline() {
  if (!pretty_) return;
  out_ += '\n';
  out_.append(first_in_scope_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_in_scope_.empty()) return;
  if (!first_in_scope_.back()) out_ += ',';
  first_in_scope_.back() = false;
  newline();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  first_in_scope_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool empty = first_in_scope_.back();
  first_in_scope_.pop_back();
  if (!empty) newline();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  return close('}');
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  first_in_scope_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  out_ += '"';
  append_json_escaped(out_, name, escapes_);
  out_ += pretty_ ? "\": " : "\":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  out_ += '"';
  append_json_escaped(out_, text, escapes_);
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  if (!std::isfinite(number)) return null();
  before_value();
  char text[kDoubleTextCapacity];
  out_.append(text, format_double(number, text));
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
  before_value();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

std::string JsonWriter::take() {
  std::string text = std::move(out_);
  out_.clear();
  first_in_scope_.clear();
  after_key_ = false;
  return text;
}

}  // namespace basketlift
