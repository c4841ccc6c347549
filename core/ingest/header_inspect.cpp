#include "ingest/header_inspect.h"

#include <vector>

#include "ingest/csv_reader.h"
#include "ingest/json_array_reader.h"
#include "ingest/ndjson_reader.h"
#include "util/json_writer.h"
#include "warehouse/aggregates.h"

namespace basketlift {

namespace {

// Collects the column names a reader announces, and nothing else.
class ColumnCollector final : public RecordSink {
 public:
  std::vector<std::string> names;
  char delimiter = 0;
  Status on_columns(const std::vector<std::string_view>& found) override {
    names.assign(found.begin(), found.end());
    return Status::error(ErrorCode::bad_input, "stop");  // enough: the header is known
  }
  std::optional<Field> field_for(std::string_view) override { return std::nullopt; }
  void on_record(const Record&) override {}
  void on_unreadable_row(std::uint64_t, RejectReason, std::string_view, std::string_view) override {
  }
  void on_csv_dialect(char d, bool) override { delimiter = d; }
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

std::string inspect_header_json(std::string_view head, const ColumnMapping& mapping) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::size_t first = 0;
  while (first < head.size() && is_space(head[first]))
    ++first;
  const char lead = first < head.size() ? head[first] : '\0';
  const char* format = lead == '[' ? "json" : lead == '{' ? "ndjson" : "csv";
  ColumnCollector collector;
  if (lead == '[') {
    JsonArrayReader reader(collector);
    reader.feed(head);
  } else if (lead == '{') {
    NdjsonReader reader(collector);
    reader.feed(head.substr(
        0, head.rfind('\n') == std::string_view::npos ? head.size() : head.rfind('\n') + 1));
  } else {
    CsvReader reader(collector);
    // Only the first line matters; a head cut inside it still names the columns it holds.
    reader.feed(head.substr(
        0, head.find('\n') == std::string_view::npos ? head.size() : head.find('\n') + 1));
    reader.finish();
  }
  JsonWriter out;
  out.begin_object();
  out.field("format", format);
  if (collector.delimiter != 0) out.field("delimiter", std::string_view(&collector.delimiter, 1));
  std::vector<std::string_view> names(collector.names.begin(), collector.names.end());
  if (is_aggregates_file(head)) {
    // A warehouse's aggregates file (warehouse/aggregates.h): read as it is, never mapped.
    out.field("aggregates", true).key("columns").begin_array();
    for (std::string_view name : names)
      out.begin_object().field("name", name).key("field").null().end_object();
    out.end_array().key("table").null();
    out.field("preset", preset_name(Preset::basketlift));
    out.end_object();
    return out.take();
  }
  ColumnMapper mapper(mapping, std::nullopt);
  const Status decided = names.empty() ? Status::error(ErrorCode::unreadable_file,
                                                       "no header or first record was found")
                                       : mapper.decide(names);
  out.key("columns").begin_array();
  for (std::string_view name : names) {
    out.begin_object().field("name", name).key("field");
    std::optional<Field> field;
    if (decided.ok()) {
      field = mapper.resolve(name);
    } else {
      // No table yet: show what the name means for orders, the usual case.
      ColumnMapper orders(mapping, Table::orders);
      orders.decide({"order_id", "product_id"});
      field = orders.resolve(name);
    }
    field ? out.value(field_name(*field)) : out.null();
    out.end_object();
  }
  out.end_array();
  out.key("table");
  decided.ok() ? out.value(table_name(mapper.table())) : out.null();
  out.field("preset", preset_name(decided.ok() ? mapper.preset() : Preset::basketlift));
  if (!decided.ok()) out.field("error", decided.message);
  out.end_object();
  return out.take();
}

}  // namespace basketlift
