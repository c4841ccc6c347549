#include "ingest/file_report.h"

namespace basketlift {

namespace {

constexpr std::size_t kMaxValueBytes = 120;

std::string shorten(std::string_view value) {
  if (value.size() <= kMaxValueBytes) return std::string(value);
  std::size_t cut = kMaxValueBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
    --cut;  // UTF-8 boundary
  return std::string(value.substr(0, cut)) + "...";
}

}  // namespace

const char* format_name(Format format) {
  switch (format) {
    case Format::csv:
      return "csv";
    case Format::json:
      return "json";
    case Format::ndjson:
      return "ndjson";
  }
  return "csv";
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "csv" || name == "tsv") return Format::csv;
  if (name == "json") return Format::json;
  if (name == "ndjson" || name == "jsonl") return Format::ndjson;
  return std::nullopt;
}

const char* row_note_name(RowNote note) {
  switch (note) {
    case RowNote::unparsable_timestamp:
      return "unparsable_timestamp";
    case RowNote::ambiguous_date_order:
      return "ambiguous_date_order";
    case RowNote::time_without_zone:
      return "time_without_zone";
    case RowNote::product_named_by_line:
      return "product_named_by_line";
    case RowNote::conflicting_order_field:
      return "conflicting_order_field";
    case RowNote::discount_exceeds_line:
      return "discount_exceeds_line";
    case RowNote::missing_price:
      return "missing_price";
    case RowNote::unknown_placement:
      return "unknown_placement";
    case RowNote::bundle_without_parts:
      return "bundle_without_parts";
    case RowNote::duplicate_product:
      return "duplicate_product";
    case RowNote::non_utf8_text:
      return "non_utf8_text";
  }
  return "unparsable_timestamp";
}

void CountWithExamples::add(std::uint64_t row, std::string_view column, std::string_view value,
                            std::string_view detail) {
  ++count;
  if (examples.size() < kMaxExamples) {
    examples.push_back({row, std::string(column), shorten(value), std::string(detail)});
  }
}

void FileReport::reject(std::uint64_t row, RejectReason reason, std::string_view column,
                        std::string_view value, std::string_view detail) {
  ++rows_read;
  ++rows_rejected;
  rejected[static_cast<int>(reason)].add(row, column, value, detail);
}

void FileReport::note(std::uint64_t row, RowNote kind, std::string_view column,
                      std::string_view value) {
  notes[static_cast<int>(kind)].add(row, column, value, "");
}

}  // namespace basketlift
