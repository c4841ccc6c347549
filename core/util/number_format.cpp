#include "util/number_format.h"

#include <cstdio>
#include <cstdlib>

namespace basketlift {

std::size_t format_double(double value, char (&out)[kDoubleTextCapacity]) {
  if (value == 0.0) value = 0.0;  // drops the sign of -0
  // glibc and musl both round printf output correctly, so the first precision whose text reads
  // back unchanged is the shortest round-trip form, identical on both platforms.
  int length = 0;
  for (int precision = 15; precision <= 17; ++precision) {
    length = std::snprintf(out, kDoubleTextCapacity, "%.*g", precision, value);
    if (std::strtod(out, nullptr) == value) break;
  }
  return static_cast<std::size_t>(length);
}

std::string double_to_string(double value) {
  char text[kDoubleTextCapacity];
  return std::string(text, format_double(value, text));
}

}  // namespace basketlift
