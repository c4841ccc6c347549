// Number and line formatting of the plain-text summary.
#pragma once

#include <string>
#include <string_view>

namespace basketlift::cli {

/// 1234567.891 → "1,234,567.89" (digit groups for reading, not for parsing back).
std::string grouped(double value, int decimals);
/// 0.1234 → "12.34%"; "n/a" for NaN.
std::string percent_text(double share);
/// +0.1234 → "+12.34%" (always signed); "n/a" for NaN.
std::string signed_percent_text(double share);
/// Appends "  <label padded to 22> <value>\n".
void line(std::string& out, std::string_view label, const std::string& value);

}  // namespace basketlift::cli
