// Typed, validated access to one record's raw values, shared by the four table loaders.
#pragma once

#include <optional>
#include <string_view>

#include "ingest/record.h"
#include "ingest/reject_reason.h"
#include "ingest/value_parse.h"

namespace basketlift {

/// Why a row was rejected: the reason, the field and the value as written.
struct Rejection {
  RejectReason reason;     ///< why
  Field field;             ///< which field
  std::string_view value;  ///< the value as written (points into the reader's buffer)
};

/// How values are read for one file.
struct ValueOptions {
  NumberFormat number;                                      ///< decimal comma or point
  SlashDateOrder date_order = SlashDateOrder::month_first;  ///< for ambiguous d/m dates
};

/// Allowed range of a number field.
enum class Bound : std::uint8_t { any, non_negative, positive };

/// Reads a record's values by field; the first invalid value is kept as the rejection.
class RowReader {
 public:
  /// Reads `record` under `options`.
  RowReader(const Record& record, const ValueOptions& options)
      : record_(record), options_(options) {}

  /// Trimmed text of a field; empty when missing, null or blank. A nested value is rejected.
  /// (Always inlined, with only text that has no spaces at its ends on that path: a loader asks
  /// for a dozen fields a row, and in wasm a call returns the view through memory.)
  [[gnu::always_inline]] std::string_view text(Field field) {
    const RawValue* value = record_.get(field);
    if (value == nullptr) return {};
    if ((value->kind == RawKind::text || value->kind == RawKind::json_number) &&
        !has_edge_space(value->text))
      return value->text;
    return other_text(*value, field);
  }
  /// A number, or `absent` when missing or invalid (invalid or out of bound → rejection).
  double number(Field field, Bound bound, double absent);
  /// number(), also giving the number's text as a DecimalText (scale −1 when absent, refused
  /// or not such a decimal).
  double number(Field field, Bound bound, double absent, DecimalText& digits);
  /// A boolean, or nullopt when missing or invalid (invalid → rejection).
  std::optional<bool> boolean(Field field);
  /// The raw text of a field that is present but empty-trimmed (for examples).
  std::string_view raw(Field field) const;

  /// Rejects the row for a reason found by the caller.
  void reject(RejectReason reason, Field field);
  /// True while no value failed.
  bool ok() const { return !rejection_.has_value(); }
  /// The first failure.
  const std::optional<Rejection>& rejection() const { return rejection_; }
  /// The value options in force.
  const ValueOptions& options() const { return options_; }

 private:
  // text() of a value with spaces to trim, or of a boolean, null or nested value.
  std::string_view other_text(const RawValue& value, Field field);

  const Record& record_;
  const ValueOptions& options_;
  std::optional<Rejection> rejection_;
};

}  // namespace basketlift
