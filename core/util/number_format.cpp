#include "util/number_format.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace basketlift {

namespace {

// glibc and musl both round printf output correctly, so the first precision whose text reads
// back unchanged is the shortest round-trip form, identical on both platforms. (The reference
// the faster path below must equal, and its way out for the rare cases it cannot settle.)
std::size_t printf_round_trip(double value, char (&out)[kDoubleTextCapacity]) {
  int length = 0;
  for (int precision = 15; precision <= 17; ++precision) {
    length = std::snprintf(out, kDoubleTextCapacity, "%.*g", precision, value);
    if (std::strtod(out, nullptr) == value) break;
  }
  return static_cast<std::size_t>(length);
}

// Significant digits and the decimal exponent of the first: value = 0.d1d2... × 10^(exponent+1).
struct Digits {
  char digit[17];    // '0'..'9'
  int count = 0;     // significant digits held
  int exponent = 0;  // of the first digit
};

// |value|'s first `count` significant digits, correctly rounded (one printf call: in wasm,
// printf works in software 128-bit floating point and costs far more than the rest).
Digits printf_digits(double magnitude, int count) {
  char text[40];
  std::snprintf(text, sizeof text, "%.*e", count - 1, magnitude);  // d.ddd…e±XX
  Digits d;
  const char* c = text;
  for (; *c != 'e'; ++c)
    if (*c != '.') d.digit[d.count++] = *c;
  d.exponent = std::atoi(c + 1);
  return d;
}

// `all` (17 correctly rounded digits) rounded to `count` digits. Rounding an already rounded
// text twice can differ from rounding the exact value once only when the dropped digits are
// exactly one half ("5", "50"): then printf rounds the exact value.
Digits round_to(const Digits& all, int count, double magnitude) {
  bool half = all.digit[count] == '5';
  for (int k = count + 1; k < all.count; ++k)
    half = half && all.digit[k] == '0';
  if (half) return printf_digits(magnitude, count);
  Digits d = all;
  d.count = count;
  if (all.digit[count] < '5') return d;
  int k = count - 1;
  for (; k >= 0 && d.digit[k] == '9'; --k)
    d.digit[k] = '0';
  if (k >= 0) {
    ++d.digit[k];
  } else {  // 99…9 → 100…0
    d.digit[0] = '1';
    ++d.exponent;
  }
  return d;
}

// Whether the digits read back as exactly `magnitude`: exact arithmetic where both the integer
// of the digits and the power of ten are exact doubles (one correctly rounded operation, as
// Clinger's fast path), else strtod.
bool reads_back(const Digits& d, double magnitude) {
  std::uint64_t mantissa = 0;
  for (int k = 0; k < d.count; ++k)
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(d.digit[k] - '0');
  const int power = d.exponent - (d.count - 1);
  static constexpr double kExact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (mantissa <= (std::uint64_t{1} << 53) && power >= -22 && power <= 22) {
    const double m = static_cast<double>(mantissa);
    return (power >= 0 ? m * kExact[power] : m / kExact[-power]) == magnitude;
  }
  char text[40];
  std::snprintf(text, sizeof text, "%llue%d", static_cast<unsigned long long>(mantissa), power);
  return std::strtod(text, nullptr) == magnitude;
}

// The digits as printf's "%.{precision}g" writes them: fixed notation for exponents from −4 to
// precision − 1, else d.ddde±XX; trailing zeros (and a bare point) dropped.
std::size_t write_general(bool negative, Digits d, int precision, char* out) {
  while (d.count > 1 && d.digit[d.count - 1] == '0')
    --d.count;
  std::size_t n = 0;
  if (negative) out[n++] = '-';
  const int x = d.exponent;
  if (x < -4 || x >= precision) {
    out[n++] = d.digit[0];
    if (d.count > 1) {
      out[n++] = '.';
      for (int k = 1; k < d.count; ++k)
        out[n++] = d.digit[k];
    }
    out[n++] = 'e';
    out[n++] = x < 0 ? '-' : '+';
    const int e = x < 0 ? -x : x;
    if (e >= 100) out[n++] = static_cast<char>('0' + e / 100);
    out[n++] = static_cast<char>('0' + e / 10 % 10);
    out[n++] = static_cast<char>('0' + e % 10);
  } else if (x < 0) {
    out[n++] = '0';
    out[n++] = '.';
    for (int k = -1; k > x; --k)
      out[n++] = '0';
    for (int k = 0; k < d.count; ++k)
      out[n++] = d.digit[k];
  } else {
    for (int k = 0; k <= x; ++k)
      out[n++] = k < d.count ? d.digit[k] : '0';
    if (d.count > x + 1) {
      out[n++] = '.';
      for (int k = x + 1; k < d.count; ++k)
        out[n++] = d.digit[k];
    }
  }
  out[n] = '\0';
  return n;
}

// Exact integers of up to 128 bits (GCC and Clang, natively and in wasm).
__extension__ using Wide = unsigned __int128;

// 10^k for k from 0 to 22, exactly.
constexpr std::array<Wide, 23> kWidePowers = [] {
  std::array<Wide, 23> powers{};
  powers[0] = 1;
  for (std::size_t k = 1; k < powers.size(); ++k)
    powers[k] = powers[k - 1] * 10;
  return powers;
}();

// 10^k as a 64-bit integer, k from 0 to 17.
constexpr std::uint64_t power_of_ten(int k) {
  return static_cast<std::uint64_t>(kWidePowers[static_cast<std::size_t>(k)]);
}

// The digits of a whole number below 10^17 (`count` of them) with the exponent of the first.
Digits digits_of(std::uint64_t number, int count, int exponent) {
  Digits d;
  d.count = count;
  d.exponent = exponent;
  for (int k = count - 1; k >= 0; --k) {
    d.digit[k] = static_cast<char>('0' + number % 10);
    number /= 10;
  }
  return d;
}

// printf_round_trip's text in integer arithmetic alone, for magnitudes from 10^-6 to 10^17
// (every kind a report holds but counts, which are written before): magnitude = m / 2^s
// exactly, so q = floor(magnitude × 10^k) and the remainder r (of 2^s) give its first 17
// digits exactly, and rounding to 15, 16 or 17 digits is exact. A candidate reads back when it
// lies within half a unit in the last place of the magnitude: |candidate − (q + r/2^s)| <
// 10^k / 2^(s+1). Returns 0 where this does not settle it (an exact half either way, the
// lopsided interval of a power of two, other magnitudes): printf then does.
std::size_t exact_round_trip(double magnitude, bool negative, char (&out)[kDoubleTextCapacity]) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &magnitude, sizeof bits);
  const int biased = static_cast<int>(bits >> 52);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  const int s = 1075 - biased;  // magnitude = m / 2^s
  if (biased == 0 || fraction == 0 || s <= 0 || s > 80) return 0;
  const std::uint64_t m = fraction | (std::uint64_t{1} << 52);
  constexpr std::uint64_t kLow17 = 10000000000000000ull;  // 10^16: q has 17 digits from here
  // floor(log10 magnitude) is floor((52 − s) log10 2) or one more (78913 / 2^18 ≈ log10 2).
  int x = (((52 - s) * 78913) >> 18) + 1;
  std::uint64_t q = 0;
  Wide r = 0;
  int k = 0;
  for (int attempt = 0; attempt < 2; ++attempt, --x) {
    k = 16 - x;
    if (k < 0 || k > 22) return 0;
    const Wide n = static_cast<Wide>(m) * kWidePowers[static_cast<std::size_t>(k)];
    q = static_cast<std::uint64_t>(n >> s);
    r = n & ((Wide{1} << s) - 1);
    if (q >= kLow17) break;
  }
  if (q < kLow17 || q >= 10 * kLow17) return 0;
  // Rounds q (and r) to `precision` digits; false at an exact half. What is dropped, times 2^s
  // (the digits cut off q, then r), is compared with half a step of the kept last digit.
  const auto rounded = [&](int precision, std::uint64_t& digits) {
    const std::uint64_t step = power_of_ten(17 - precision);
    digits = q / step;
    const Wide dropped = (static_cast<Wide>(q % step) << s) + r;
    const Wide half = static_cast<Wide>(step) << (s - 1);
    if (dropped == half) return false;
    digits += dropped > half;
    return true;
  };
  // Whether digits (at `precision`) read back: twice their distance from q + r/2^s, times 2^s,
  // against 10^k; 0 at an exact half, else 1 (yes) or -1 (no).
  const auto reads_back_exactly = [&](int precision, std::uint64_t digits) {
    const std::uint64_t candidate = digits * power_of_ten(17 - precision);  // at most 10^17
    const Wide distance = candidate > q ? (static_cast<Wide>(candidate - q) << s) - r
                                        : (static_cast<Wide>(q - candidate) << s) + r;
    const Wide twice = distance * 2, limit = kWidePowers[static_cast<std::size_t>(k)];
    return twice < limit ? 1 : twice == limit ? 0 : -1;
  };
  for (int precision = 15; precision <= 17; ++precision) {
    std::uint64_t digits = 0;
    if (!rounded(precision, digits)) return 0;
    const int verdict = precision == 17 ? 1 : reads_back_exactly(precision, digits);
    if (verdict == 0) return 0;
    if (verdict < 0) continue;
    // 10^precision: the digits carried into one more.
    const Digits d = digits == power_of_ten(precision) ? digits_of(digits / 10, precision, x + 1)
                                                       : digits_of(digits, precision, x);
    return write_general(negative, d, precision, out);
  }
  return 0;
}

// printf_round_trip's text from one printf call: the 17 digits, rounded to 15 and 16 here.
std::size_t round_trip_from_17_digits(double value, char (&out)[kDoubleTextCapacity]) {
  const double magnitude = std::fabs(value);
  const Digits all = printf_digits(magnitude, 17);
  for (int precision = 15; precision <= 16; ++precision) {
    const Digits d = round_to(all, precision, magnitude);
    if (reads_back(d, magnitude)) return write_general(value < 0, d, precision, out);
  }
  return write_general(value < 0, all, 17, out);
}

}  // namespace

std::size_t format_double(double value, char (&out)[kDoubleTextCapacity]) {
  if (value == 0.0) value = 0.0;  // drops the sign of -0
  // A whole number below 10^15 (counts, most sums of a report): "%.15g" prints its digits, no
  // point and no exponent, and they read back exactly; written here without printf's cost.
  if (std::fabs(value) < 1e15 && value == std::trunc(value)) {
    auto whole = static_cast<long long>(value);
    char digits[20];
    int count = 0;
    unsigned long long magnitude = whole < 0 ? 0ull - static_cast<unsigned long long>(whole)
                                             : static_cast<unsigned long long>(whole);
    do {
      digits[count++] = static_cast<char>('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude > 0);
    std::size_t length = 0;
    if (whole < 0) out[length++] = '-';
    while (count > 0)
      out[length++] = digits[--count];
    out[length] = '\0';
    return length;
  }
  if (!std::isfinite(value)) return printf_round_trip(value, out);
  if (const std::size_t length = exact_round_trip(std::fabs(value), value < 0, out)) return length;
  return round_trip_from_17_digits(value, out);
}

std::string percent_text(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100 * share);
  return text;
}

std::string double_to_string(double value) {
  char text[kDoubleTextCapacity];
  return std::string(text, format_double(value, text));
}

}  // namespace basketlift
