// Conversion of value text: numbers, booleans and timestamps (SPEC §2, "Values").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace basketlift {

/// How a number's text is read.
struct NumberFormat {
  bool decimal_comma = false;  ///< also accept ',' as the decimal separator (semicolon CSVs)
};

/// Reads a decimal number: optional sign, digits with one decimal separator, optional exponent;
/// surrounding ASCII spaces are ignored. Thousands separators, currency signs, NaN, infinities
/// and values outside the double range are refused (false, `value` untouched). The result is
/// correctly rounded. (A flag and an out-parameter: an optional<double> returned per value cost
/// a store-forwarding stall in the row readers' hot loop.)
bool read_number(std::string_view text, NumberFormat format, double& value);

/// A number's text as an integer scaled by a power of ten: mantissa × 10^−scale.
struct DecimalText {
  std::int64_t mantissa = 0;  ///< signed; below 2^53 in magnitude
  int scale = -1;  ///< digits after the point, 0–9; −1: the text is not such a decimal
};

/// read_number(), also giving the text as a DecimalText when it is one (else digits.scale −1).
bool read_number(std::string_view text, NumberFormat format, double& value, DecimalText& digits);

/// read_number() as an optional: nullopt when refused.
inline std::optional<double> parse_number(std::string_view text, NumberFormat format = {}) {
  double value = 0;
  if (!read_number(text, format, value)) return std::nullopt;
  return value;
}

/// Reads true/false/1/0/yes/no (any case, surrounding spaces ignored).
std::optional<bool> parse_boolean(std::string_view text);

/// Day-month order for dates written with slashes ("3/4/2011"), ambiguous when both parts <= 12.
enum class SlashDateOrder : std::uint8_t { month_first, day_first };

/// A parsed timestamp.
struct Timestamp {
  std::int64_t epoch_seconds = 0;  ///< seconds since 1970-01-01T00:00:00Z
  bool had_time = false;           ///< the text gave a time of day (else midnight UTC)
  bool had_offset = false;         ///< the text gave a zone (Z or ±hh:mm); else read as UTC
  bool ambiguous_order = false;    ///< a slash date whose day/month order was assumed
};

/// Reads ISO 8601 dates and date-times (`T` or space between, optional seconds and fraction,
/// `Z` or ±hh[:mm] offset, also with a space before the offset as Shopify writes it), plus the
/// spreadsheet forms `d.m.yyyy` and `m/d/yyyy` / `d/m/yyyy` with an optional `h:mm[:ss]`.
/// A bare date is midnight UTC; a time without a zone is read as UTC.
std::optional<Timestamp> parse_timestamp(std::string_view text,
                                         SlashDateOrder order = SlashDateOrder::month_first);

/// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

/// True for the characters trim_spaces() removes: an ASCII space or tab.
inline bool is_trimmed_space(char c) {
  return c == ' ' || c == '\t';
}

/// True when text begins or ends with a character trim_spaces() removes.
inline bool has_edge_space(std::string_view text) {
  return !text.empty() && (is_trimmed_space(text.front()) || is_trimmed_space(text.back()));
}

/// Text without leading and trailing ASCII spaces and tabs.
inline std::string_view trim_spaces(std::string_view text) {
  if (!has_edge_space(text)) return text;  // the usual case
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_trimmed_space(text[begin]))
    ++begin;
  while (end > begin && is_trimmed_space(text[end - 1]))
    --end;
  return text.substr(begin, end - begin);
}

}  // namespace basketlift
