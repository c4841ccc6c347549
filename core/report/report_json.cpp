#include <string>

#include "basketlift/version.h"
#include "report/report.h"
#include "report/section_writers.h"
#include "util/json_writer.h"

namespace basketlift {

namespace {

void write_examples(JsonWriter& out, const std::vector<RowExample>& examples) {
  out.begin_array();
  for (const RowExample& example : examples) {
    out.begin_object();
    out.field("row", example.row);
    if (!example.column.empty()) out.field("column", example.column);
    out.field("value", example.value);
    if (!example.detail.empty()) out.field("detail", example.detail);
    out.end_object();
  }
  out.end_array();
}

void write_input(JsonWriter& out, const FileReport& file) {
  out.begin_object();
  out.field("file", file.file);
  out.key("table");
  file.table ? out.value(table_name(*file.table)) : out.null();
  out.key("format");
  file.format ? out.value(format_name(*file.format)) : out.null();
  out.field("bytes", file.bytes);
  out.field("rows_read", file.rows_read);
  out.field("rows_used", file.rows_used);
  out.field("rows_rejected", file.rows_rejected);
  out.key("rejected_by_reason").begin_object();
  for (int r = 0; r < kRejectReasonCount; ++r) {
    if (file.rejected[r].count > 0)
      out.field(reject_reason_name(static_cast<RejectReason>(r)), file.rejected[r].count);
  }
  out.end_object();
  out.key("rejected_examples").begin_object();
  for (int r = 0; r < kRejectReasonCount; ++r) {
    if (file.rejected[r].count == 0) continue;
    out.key(reject_reason_name(static_cast<RejectReason>(r)));
    write_examples(out, file.rejected[r].examples);
  }
  out.end_object();
  out.key("notes").begin_object();
  for (int n = 0; n < kRowNoteCount; ++n) {
    if (file.notes[n].count == 0) continue;
    out.key(row_note_name(static_cast<RowNote>(n))).begin_object();
    out.field("count", file.notes[n].count);
    out.key("examples");
    write_examples(out, file.notes[n].examples);
    out.end_object();
  }
  out.end_object();
  out.field("preset", preset_name(file.preset));
  if (file.delimiter != 0) {
    out.field("delimiter", std::string_view(&file.delimiter, 1));
    out.field("decimal_comma", file.decimal_comma);
  }
  out.key("columns").begin_object();
  for (const auto& [column, field] : file.columns)
    out.field(column, field_name(field));
  out.end_object();
  out.key("unknown_columns").begin_array();
  for (const std::string& column : file.unknown_columns)
    out.value(column);
  out.end_array();
  if (file.error) out.field("error", *file.error);
  out.end_object();
}

void write_summary(JsonWriter& out, const Summary& s) {
  out.begin_object();
  out.field("orders", s.orders);
  const std::pair<const char*, const Figure*> figures[] = {
      {"revenue", &s.revenue},   {"aov", &s.aov}, {"margin", &s.margin},
      {"sessions", &s.sessions}, {"cvr", &s.cvr}, {"attach_rate", &s.attach_rate},
  };
  for (const auto& [name, figure] : figures) {
    out.key(name);
    figure->value ? out.value(*figure->value) : out.null();
  }
  out.key("currency");
  s.currency ? out.value(*s.currency) : out.null();
  out.key("aov_ci").begin_array().value(s.aov_low).value(s.aov_high).end_array();
  out.key("cvr_ci").begin_array().value(s.cvr_low).value(s.cvr_high).end_array();
  out.key("attach_rate_ci").begin_array().value(s.attach_low).value(s.attach_high).end_array();
  out.field("money_orders", s.money_orders);
  out.key("other_currencies").begin_array();
  for (const OtherCurrency& other : s.other_currencies) {
    out.begin_object().field("currency", other.code).field("orders", other.orders);
    out.field("revenue", other.revenue).end_object();
  }
  out.end_array();
  out.field("order_lines", s.order_lines);
  out.field("cancelled_orders", s.cancelled_orders);
  out.field("refunded_orders", s.refunded_orders);
  out.key("margin_revenue_share");
  s.margin_revenue_share.value ? out.value(*s.margin_revenue_share.value) : out.null();
  out.key("unavailable").begin_object();
  for (const auto& [name, figure] : figures) {
    if (!figure->value) out.field(name, figure->unavailable);
  }
  out.end_object();
  out.end_object();
}

}  // namespace

std::string report_to_json(const Report& report, const Store& store, bool pretty,
                           JsonEscapes escapes) {
  JsonWriter out(pretty, escapes);
  out.begin_object();
  out.field("schema_version", kReportSchemaVersion);
  out.field("engine_version", kEngineVersion);
  out.key("inputs").begin_array();
  for (const FileReport& file : report.inputs)
    write_input(out, file);
  out.end_array();
  out.key("summary");
  write_summary(out, report.summary);
  out.key("dimensions");
  write_dimensions(out, report.dimensions, report.settings.confidence);
  out.key("experiment");
  write_experiment(out, report.experiment);
  out.key("offers");
  write_offers(out, report.offers, store, report.settings, report.accepted_derived);
  out.key("retire");
  write_retire(out, report.offers, store, report.settings);
  out.key("basket");
  write_basket(out, report.basket, store, report.settings);
  out.key("ltv");
  write_ltv(out, report.ltv);
  out.key("trends");
  write_trends(out, report.trends, store);
  out.key("data_gaps");
  write_data_gaps(out, report.data_gaps);
  out.key("alerts");
  write_alerts(out, report.alerts);
  out.key("settings");
  report.settings.write_json(out);
  out.field("store_bytes", report.store_bytes);
  out.end_object();
  return out.take();
}

}  // namespace basketlift
