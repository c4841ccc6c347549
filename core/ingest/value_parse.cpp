#include "ingest/value_parse.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace basketlift {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Powers of ten that are exact doubles.
constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Decimal text split into an integer mantissa and a power of ten.
struct Decimal {
  std::uint64_t mantissa = 0;
  int significant = 0;  // digits kept in mantissa
  long exponent = 0;
  bool truncated = false;  // more than 19 significant digits
  bool negative = false;

  void add_digit(int d, bool in_fraction) {
    if (mantissa == 0 && d == 0) {  // leading zeros are not significant
      if (in_fraction) --exponent;
      return;
    }
    if (significant < 19) {
      mantissa = mantissa * 10 + static_cast<unsigned>(d);
      ++significant;
      if (in_fraction) --exponent;
    } else {
      if (d != 0) truncated = true;
      if (!in_fraction) ++exponent;
    }
  }
};

// Correctly rounded slow path for the rare numbers outside the exact fast path.
bool strtod_fallback(std::string_view text, bool decimal_comma, double& value) {
  std::string copy(text);
  if (decimal_comma) {
    for (char& c : copy) {
      if (c == ',') c = '.';
    }
  }
  errno = 0;
  char* end = nullptr;
  const double read = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(read)) return false;
  value = read == 0.0 ? 0.0 : read;
  return true;
}

}  // namespace

bool read_number(std::string_view text, NumberFormat format, double& value) {
  DecimalText digits;
  return read_number(text, format, value, digits);
}

bool read_number(std::string_view text, NumberFormat format, double& value, DecimalText& digits) {
  digits.scale = -1;
  text = trim_spaces(text);
  const std::size_t n = text.size();
  std::size_t i = 0;
  Decimal dec;
  if (i < n && (text[i] == '+' || text[i] == '-')) dec.negative = text[i++] == '-';
  bool any_digit = false;
  for (; i < n && is_digit(text[i]); ++i) {
    dec.add_digit(text[i] - '0', false);
    any_digit = true;
  }
  if (i < n && (text[i] == '.' || (format.decimal_comma && text[i] == ','))) {
    for (++i; i < n && is_digit(text[i]); ++i) {
      dec.add_digit(text[i] - '0', true);
      any_digit = true;
    }
  }
  if (!any_digit) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
    if (i == n || !is_digit(text[i])) return false;
    long exp = 0;
    for (; i < n && is_digit(text[i]); ++i) {
      if (exp < 100000) exp = exp * 10 + (text[i] - '0');
    }
    dec.exponent += exp_negative ? -exp : exp;
  }
  if (i != n) return false;
  if (dec.mantissa == 0) {
    value = 0.0;
    digits = {0, 0};
    return true;
  }
  if (!dec.truncated && dec.mantissa <= (std::uint64_t{1} << 53) && dec.exponent >= -22 &&
      dec.exponent <= 22) {
    // Clinger's fast path: both operands are exact, so one IEEE operation rounds correctly.
    double exact = static_cast<double>(dec.mantissa);
    exact = dec.exponent >= 0 ? exact * kExactPowers[dec.exponent]
                              : exact / kExactPowers[-dec.exponent];
    value = dec.negative ? -exact : exact;
    if (dec.exponent <= 0 && dec.exponent >= -9) {
      const auto mantissa = static_cast<std::int64_t>(dec.mantissa);
      digits = {dec.negative ? -mantissa : mantissa, static_cast<int>(-dec.exponent)};
    }
    return true;
  }
  return strtod_fallback(text, format.decimal_comma, value);
}

std::optional<bool> parse_boolean(std::string_view text) {
  text = trim_spaces(text);
  if (text.size() > 5) return std::nullopt;
  char lower[6] = {};
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view word(lower, text.size());
  if (word == "true" || word == "1" || word == "yes") return true;
  if (word == "false" || word == "0" || word == "no") return false;
  return std::nullopt;
}

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  // Counts days in 400-year eras starting on March 1st, so leap days fall at the end of a year.
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

namespace {

// A cursor over timestamp text.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool take(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Reads between min and max digits.
  bool digits(int min, int max, int& out) {
    out = 0;
    int count = 0;
    while (count < max && is_digit(peek())) {
      out = out * 10 + (text_[pos_++] - '0');
      ++count;
    }
    return count >= min;
  }
  void skip_fraction() {
    if (peek() == '.' || peek() == ',') {
      ++pos_;
      while (is_digit(peek()))
        ++pos_;
    }
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, int month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

struct DateParts {
  int year = 0, month = 0, day = 0;
};

// "hh:mm[:ss[.fff]]" after the date; fills seconds of the day.
bool read_time(Scanner& s, int& seconds_of_day) {
  int hour = 0, minute = 0, second = 0;
  if (!s.digits(1, 2, hour) || !s.take(':') || !s.digits(2, 2, minute)) return false;
  if (s.take(':')) {
    if (!s.digits(2, 2, second)) return false;
    s.skip_fraction();
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  seconds_of_day = hour * 3600 + minute * 60 + (second == 60 ? 59 : second);
  return true;
}

// "Z", "+hh", "+hhmm" or "+hh:mm"; fills the offset east of UTC in seconds.
bool read_offset(Scanner& s, int& offset_seconds) {
  if (s.take('Z') || s.take('z')) {
    offset_seconds = 0;
    return true;
  }
  int sign = 0;
  if (s.take('+')) {
    sign = 1;
  } else if (s.take('-')) {
    sign = -1;
  } else {
    return false;
  }
  int hours = 0, minutes = 0;
  if (!s.digits(2, 2, hours)) return false;
  if (s.take(':')) {
    if (!s.digits(2, 2, minutes)) return false;
  } else if (is_digit(s.peek())) {
    if (!s.digits(2, 2, minutes)) return false;
  }
  if (hours > 23 || minutes > 59) return false;
  offset_seconds = sign * (hours * 3600 + minutes * 60);
  return true;
}

// The date part in one of the accepted forms.
bool read_date(Scanner& s, SlashDateOrder order, DateParts& date, bool& ambiguous) {
  int first = 0;
  if (!s.digits(1, 4, first)) return false;
  if (s.take('-')) {  // ISO yyyy-mm-dd
    date.year = first;
    return first >= 1000 && s.digits(2, 2, date.month) && s.take('-') && s.digits(2, 2, date.day);
  }
  const char sep = s.peek();
  if (sep != '/' && sep != '.') return false;
  s.take(sep);
  int second = 0, third = 0;
  if (!s.digits(1, 2, second) || !s.take(sep) || !s.digits(1, 4, third)) return false;
  if (first >= 1000) {  // yyyy/mm/dd or yyyy.mm.dd
    date = {first, second, third};
    return third <= 31;
  }
  if (third < 1000) return false;  // two-digit years are refused, not guessed
  date.year = third;
  if (sep == '.') {  // d.m.yyyy is always day first
    date.day = first;
    date.month = second;
    return true;
  }
  bool day_first = order == SlashDateOrder::day_first;
  if (first > 12 && second <= 12) {
    day_first = true;
  } else if (second > 12 && first <= 12) {
    day_first = false;
  } else {
    ambiguous = first != second;
  }
  date.day = day_first ? first : second;
  date.month = day_first ? second : first;
  return true;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text, SlashDateOrder order) {
  Scanner s(trim_spaces(text));
  DateParts date;
  Timestamp result;
  if (!read_date(s, order, date, result.ambiguous_order)) return std::nullopt;
  if (date.year < 1000 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1 ||
      static_cast<unsigned>(date.day) > days_in_month(date.year, date.month)) {
    return std::nullopt;
  }
  int seconds_of_day = 0, offset_seconds = 0;
  if (!s.done()) {
    if (!s.take('T') && !s.take('t') && !s.take(' ')) return std::nullopt;
    if (!read_time(s, seconds_of_day)) return std::nullopt;
    result.had_time = true;
    if (!s.done()) {
      s.take(' ');
      if (!read_offset(s, offset_seconds) || !s.done()) return std::nullopt;
      result.had_offset = true;
    }
  }
  const std::int64_t days = days_from_civil(date.year, static_cast<unsigned>(date.month),
                                            static_cast<unsigned>(date.day));
  result.epoch_seconds = days * 86400 + seconds_of_day - offset_seconds;
  return result;
}

}  // namespace basketlift
