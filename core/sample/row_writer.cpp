#include "sample/row_writer.h"

#include <cmath>

#include "util/json_writer.h"

namespace basketlift::sample {

namespace {

bool needs_quotes(std::string_view text) {
  for (char c : text) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

void append_csv(std::string& out, std::string_view text) {
  if (!needs_quotes(text)) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_json_value(std::string& out, const Cell& cell) {
  if (cell.kind == Kind::text) {
    out += '"';
    append_json_escaped(out, cell.text);
    out += '"';
  } else {
    out += cell.text;
  }
}

void civil_from_days(std::int64_t days, int& year, int& month, int& day) {
  // Inverse of days_from_civil: eras of 400 years starting on March 1st.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
}

void append_time(std::string& out, std::int64_t epoch, char separator, const char* zone) {
  const std::int64_t days = epoch >= 0 ? epoch / 86400 : (epoch - 86399) / 86400;
  const std::int64_t seconds = epoch - days * 86400;
  int year, month, day;
  civil_from_days(days, year, month, day);
  append_padded(out, static_cast<std::uint64_t>(year), 4);
  out += '-';
  append_padded(out, static_cast<std::uint64_t>(month), 2);
  out += '-';
  append_padded(out, static_cast<std::uint64_t>(day), 2);
  out += separator;
  append_padded(out, static_cast<std::uint64_t>(seconds / 3600), 2);
  out += ':';
  append_padded(out, static_cast<std::uint64_t>(seconds / 60 % 60), 2);
  out += ':';
  append_padded(out, static_cast<std::uint64_t>(seconds % 60), 2);
  out += zone;
}

}  // namespace

void append_padded(std::string& out, std::uint64_t value, int width) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i)
    out += '0';
  while (n > 0)
    out += digits[--n];
}

void append_money(std::string& out, double amount) {
  const auto cents = static_cast<long long>(std::llround(amount * 100));
  const long long whole = (cents < 0 ? -cents : cents) / 100;
  const long long fraction = (cents < 0 ? -cents : cents) % 100;
  if (cents < 0) out += '-';
  append_padded(out, static_cast<std::uint64_t>(whole), 1);
  out += '.';
  out += static_cast<char>('0' + fraction / 10);
  out += static_cast<char>('0' + fraction % 10);
}

void append_iso_time(std::string& out, std::int64_t epoch) {
  append_time(out, epoch, 'T', "Z");
}

void append_shopify_time(std::string& out, std::int64_t epoch) {
  append_time(out, epoch, ' ', " +0000");
}

RowWriter::RowWriter(Format format, std::vector<std::string> columns)
    : format_(format), columns_(std::move(columns)) {}

void RowWriter::begin(std::string& out) const {
  if (format_ == Format::json) {
    out += "[\n";
  } else if (format_ == Format::csv) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) out += ',';
      out += columns_[i];
    }
    out += '\n';
  }
}

void RowWriter::end(std::string& out) const {
  if (format_ == Format::json) out += "\n]\n";
}

void RowWriter::open_record(std::string& out) {
  if (format_ == Format::json && !first_record_) out += ",\n";
  first_record_ = false;
}

void RowWriter::csv_cells(std::string& out, const std::vector<Cell>& cells,
                          std::size_t first_column) const {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i + first_column > 0) out += ',';
    append_csv(out, cells[i].text);
  }
}

void RowWriter::json_members(std::string& out, const std::vector<Cell>& cells,
                             std::size_t first_column, bool& first) const {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].text.empty()) continue;
    if (!first) out += ',';
    first = false;
    out += '"';
    out += columns_[first_column + i];
    out += "\":";
    append_json_value(out, cells[i]);
  }
}

void RowWriter::row(std::string& out, const std::vector<Cell>& cells) {
  if (format_ == Format::csv) {
    csv_cells(out, cells, 0);
    out += '\n';
    return;
  }
  open_record(out);
  bool first = true;
  out += '{';
  json_members(out, cells, 0, first);
  out += '}';
  if (format_ == Format::ndjson) out += '\n';
}

void RowWriter::order(std::string& out, std::size_t order_columns,
                      const std::vector<Cell>& order_cells,
                      const std::vector<std::vector<Cell>>& lines) {
  if (format_ == Format::csv) {
    for (const auto& line : lines) {
      csv_cells(out, order_cells, 0);
      csv_cells(out, line, order_columns);
      out += '\n';
    }
    return;
  }
  open_record(out);
  bool first = true;
  out += '{';
  json_members(out, order_cells, 0, first);
  out += first ? "\"items\":[" : ",\"items\":[";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += ',';
    bool first_member = true;
    out += '{';
    json_members(out, lines[i], order_columns, first_member);
    out += '}';
  }
  out += "]}";
  if (format_ == Format::ndjson) out += '\n';
}

}  // namespace basketlift::sample
