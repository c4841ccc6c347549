// One input row as raw values keyed by canonical field, before conversion and validation.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "ingest/field.h"

namespace basketlift {

/// What a raw value is. CSV gives text only; JSON also gives numbers, booleans and nulls.
enum class RawKind : std::uint8_t {
  text,         ///< a string (CSV cell or JSON string)
  json_number,  ///< a JSON number; `text` holds its literal token
  boolean,      ///< a JSON true/false; `flag` holds it
  null,         ///< JSON null (treated as missing)
  nested,       ///< a JSON object or array where a scalar belongs
};

/// A value as it appears in the file; `text` points into the reader's buffer.
struct RawValue {
  std::string_view text;         ///< the text, or the literal of a JSON number
  RawKind kind = RawKind::text;  ///< what the value is
  bool flag = false;             ///< the value of a JSON boolean
};

/// A row: raw values for the fields present, plus where the row came from.
struct Record {
  std::array<RawValue, kFieldCount> values;  ///< indexed by Field; valid where `present` says
  std::uint64_t present = 0;                 ///< field_bit() of each field set
  std::uint64_t row = 0;  ///< 1-based line number (CSV, NDJSON) or record index (JSON)
  bool non_utf8 = false;  ///< the row's text holds bytes that are not UTF-8 (CSV only)

  /// Sets a field's value.
  void set(Field f, RawValue v) {
    values[static_cast<int>(f)] = v;
    present |= field_bit(f);
  }
  /// True when the field was given (possibly empty or null).
  bool has(Field f) const { return (present & field_bit(f)) != 0; }
  /// The field's value, or nullptr when it was not given.
  const RawValue* get(Field f) const { return has(f) ? &values[static_cast<int>(f)] : nullptr; }
  /// Forgets every value (the row number stays until overwritten).
  void clear() { present = 0; }
};

}  // namespace basketlift
