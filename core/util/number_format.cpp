#include "util/number_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace basketlift {

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
  // glibc and musl both round printf output correctly, so the first precision whose text reads
  // back unchanged is the shortest round-trip form, identical on both platforms.
  int length = 0;
  for (int precision = 15; precision <= 17; ++precision) {
    length = std::snprintf(out, kDoubleTextCapacity, "%.*g", precision, value);
    if (std::strtod(out, nullptr) == value) break;
  }
  return static_cast<std::size_t>(length);
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
