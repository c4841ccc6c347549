#include "ingest/range_reading.h"

#include <cstring>

#include "ingest/value_parse.h"
#include "simdjson.h"
#include "util/json_tree.h"
#include "util/json_writer.h"

namespace basketlift {

namespace {

// A CSV record's order id (unquoted, trimmed), its field count and where it ends (after its
// line end).
struct CsvRecord {
  std::string id;
  std::size_t end = 0;
  std::size_t fields = 0;
  bool blank = false;
};

// Reads the record starting at `pos`; nullopt when the window ends inside it.
std::optional<CsvRecord> csv_record(std::string_view window, std::size_t pos, char delimiter,
                                    std::size_t id_column) {
  CsvRecord record;
  std::size_t column = 0;
  std::string field;
  bool any = false;
  while (true) {
    if (pos >= window.size()) return std::nullopt;
    field.clear();
    if (window[pos] == '"') {  // quoted: up to the closing quote ("" is one quote)
      ++pos;
      while (true) {
        const std::size_t quote = window.find('"', pos);
        if (quote == std::string_view::npos || quote + 1 >= window.size()) return std::nullopt;
        field.append(window.substr(pos, quote - pos));
        pos = quote + 1;
        if (window[pos] != '"') break;
        field += '"';
        ++pos;
      }
    }
    while (pos < window.size() && window[pos] != delimiter && window[pos] != '\n')
      field += window[pos++];
    if (pos >= window.size()) return std::nullopt;
    if (window[pos] == '\n' && !field.empty() && field.back() == '\r') field.pop_back();
    any = any || !field.empty() || column > 0;
    if (column == id_column) record.id = std::string(trim_spaces(field));
    ++column;
    if (window[pos++] == '\n') break;
  }
  record.end = pos;
  record.fields = column;
  record.blank = !any;
  return record;
}

// True when the records from `pos` look like real ones: the next few (as many as the window
// holds) each have `columns` fields.
bool plausible_start(std::string_view window, std::size_t pos, char delimiter,
                     std::size_t columns) {
  constexpr int kChecked = 6;
  int good = 0;
  for (int k = 0; k < kChecked; ++k) {
    const std::optional<CsvRecord> record = csv_record(window, pos, delimiter, 0);
    if (!record) return good > 0;
    if (!record->blank) {
      if (record->fields != columns) return false;
      ++good;
    }
    pos = record->end;
  }
  return true;
}

// An NDJSON line's order id: the value of `key` as text (strings unescaped, numbers as
// written), empty when absent or when the line is not a JSON object.
std::string ndjson_id(std::string_view line, const std::string& key) {
  simdjson::padded_string padded(line);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  simdjson::ondemand::object object;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(object)) return {};
  for (auto field : object) {
    std::string_view name;
    if (field.unescaped_key().get(name) || name != key) continue;
    simdjson::ondemand::value value;
    simdjson::ondemand::json_type type;
    if (field.value().get(value) || value.type().get(type)) return {};
    std::string_view text;
    if (type == simdjson::ondemand::json_type::string) {
      if (value.get_string().get(text)) return {};
      return std::string(trim_spaces(text));
    }
    return std::string(trim_spaces(value.raw_json_token()));
  }
  return {};
}

}  // namespace

std::string RangeSpec::to_json() const {
  JsonWriter out;
  out.begin_object();
  out.field("name", name).key("table");
  table ? out.value(table_name(*table)) : out.null();
  out.field("format", format_name(format)).field("head_lines", head_lines);
  out.key("mapping").begin_object();
  for (const auto& [column, field] : mapping.entries)
    out.field(column, field == Field::ignored ? "ignore" : field_name(field));
  out.end_object().end_object();
  return out.take();
}

Result<RangeSpec> RangeSpec::from_json(std::string_view json) {
  const auto bad = [] { return Status::error(ErrorCode::bad_usage, "range spec: not valid"); };
  const std::optional<JsonValue> object = JsonValue::parse(json);
  if (!object || !object->is_object()) return bad();
  RangeSpec spec;
  std::string_view text;
  if (!object->member("name").get_string(text)) return bad();
  spec.name = std::string(text);
  if (object->member("table").get_string(text)) {
    spec.table = parse_table(text);
    if (!spec.table) return bad();
  }
  std::optional<Format> format;
  if (!object->member("format").get_string(text) || !(format = parse_format(text))) return bad();
  spec.format = *format;
  std::uint64_t lines = 0;
  if (!object->member("head_lines").get_uint64(lines)) return bad();
  spec.head_lines = lines;
  const JsonValue* mapping = object->find("mapping");
  if (!mapping) return bad();
  Result<ColumnMapping> parsed = ColumnMapping::from_json(*mapping);
  if (!parsed.ok()) return parsed.status();
  spec.mapping = std::move(parsed.value());
  return spec;
}

std::optional<std::size_t> find_range_start(std::string_view window, Format format, char delimiter,
                                            const OrderIdLocator& order) {
  std::size_t newline = window.find('\n');
  if (newline == std::string_view::npos) return std::nullopt;
  std::size_t start = newline + 1;
  if (format == Format::csv && order.csv_columns > 0) {
    constexpr int kCandidates = 64;
    for (int k = 0; !plausible_start(window, start, delimiter, order.csv_columns); ++k) {
      newline = window.find('\n', start);
      if (newline == std::string_view::npos || k == kCandidates) return std::nullopt;
      start = newline + 1;
    }
  }
  if (format == Format::csv) {
    if (!order.csv_column) return start;
    std::optional<std::string> first;
    for (std::size_t pos = start;;) {
      const std::optional<CsvRecord> record = csv_record(window, pos, delimiter, *order.csv_column);
      if (!record) return std::nullopt;
      if (!record->blank) {
        if (first && record->id != *first) return pos;
        if (!first) first = record->id;
      }
      pos = record->end;
    }
  }
  if (order.ndjson_key.empty()) return start;
  std::optional<std::string> first;
  for (std::size_t pos = start;;) {
    const std::size_t end = window.find('\n', pos);
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view line = window.substr(pos, end - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      const std::string id = ndjson_id(line, order.ndjson_key);
      if (first && id != *first) return pos;
      if (!first) first = id;
    }
    pos = end + 1;
  }
}

}  // namespace basketlift
