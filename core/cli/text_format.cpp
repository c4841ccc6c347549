#include "cli/text_format.h"

#include <cmath>
#include <cstdio>

namespace basketlift::cli {

std::string grouped(double value, int decimals) {
  char raw[64];
  std::snprintf(raw, sizeof raw, "%.*f", decimals, value < 0 ? -value : value);
  std::string digits(raw);
  const std::size_t point = digits.find('.');
  std::string integer = digits.substr(0, point);
  std::string out;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += ',';
    out += integer[i];
  }
  if (point != std::string::npos) out += digits.substr(point);
  return value < 0 ? "-" + out : out;
}

std::string percent_text(double share) {
  return std::isnan(share) ? "n/a" : grouped(share * 100, 2) + "%";
}

std::string signed_percent_text(double share) {
  if (std::isnan(share)) return "n/a";
  return (share >= 0 ? "+" : "") + percent_text(share);
}

void line(std::string& out, std::string_view label, const std::string& value) {
  out += "  ";
  out += label;
  if (label.size() < 22) out.append(22 - label.size(), ' ');
  out += ' ';
  out += value;
  out += '\n';
}

}  // namespace basketlift::cli
