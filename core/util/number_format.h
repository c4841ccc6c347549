// Locale-independent, platform-independent number text: the same bytes natively and in wasm.
#pragma once

#include <cstddef>
#include <string>

namespace basketlift {

/// Enough room for any double written by format_double, plus a terminating NUL.
constexpr std::size_t kDoubleTextCapacity = 32;

/// Writes the shortest decimal text (up to 17 significant digits) that reads back as exactly
/// `value`; -0 is written as 0. Returns the length. NaN and infinities must be handled by the
/// caller (JSON cannot hold them).
std::size_t format_double(double value, char (&out)[kDoubleTextCapacity]);

/// format_double as a std::string.
std::string double_to_string(double value);
/// A share as a percentage with one decimal: 0.1234 → "12.3%".
std::string percent_text(double share);

}  // namespace basketlift
