// Data-gap checks read from the file accounts: rejected rows and remarks on used rows.
#include <algorithm>

#include "analysis/data_gaps.h"

namespace basketlift::gaps {

namespace {

// Rejections or remarks of several kinds, summed over files into one check.
struct FileCheck {
  const char* id;
  const char* title;
  const char* unit;
  std::vector<RejectReason> reasons;
  std::vector<RowNote> notes;
  const char* impact;
  const char* fix;
  Severity floor;
};

const std::vector<FileCheck>& file_checks() {
  using R = RejectReason;
  using N = RowNote;
  static const std::vector<FileCheck> kChecks = {
      {"invalid_values",
       "Rows with a zero, negative or non-numeric quantity or price",
       "rows",
       {R::non_positive_quantity, R::invalid_number, R::negative_number, R::out_of_range,
        R::invalid_boolean},
       {},
       "these rows are left out (returns and invalid lines are not sales)",
       "Fix the values in your export; returns belong in a separate file or as refunds.",
       Severity::info},
      {"unreadable_rows",
       "Rows that could not be read",
       "rows",
       {R::invalid_json, R::not_an_object, R::invalid_utf8, R::field_count_mismatch,
        R::unterminated_quote, R::record_too_long, R::nested_value, R::order_without_items},
       {},
       "these rows are left out",
       "Re-export the file; check quoting and that it is saved as UTF-8.",
       Severity::warning},
      {"missing_required_values",
       "Rows missing a required value (order_id, product_id, ...)",
       "rows",
       {R::missing_required_field},
       {},
       "these rows are left out",
       "Fill the required columns in your export.",
       Severity::info},
      {"duplicate_session_ids",
       "Sessions listed more than once",
       "rows",
       {R::duplicate_session},
       {},
       "the first row of each session is used",
       "Export each session once.",
       Severity::info},
      {"orders_kept_apart",
       "Cancelled and refunded orders",
       "rows",
       {R::cancelled_order, R::refunded_order},
       {},
       "kept apart from sales and counted",
       "Nothing to fix: they are reported, not summed into sales.",
       Severity::info},
      {"text_not_utf8",
       "Text that is not UTF-8",
       "rows",
       {},
       {N::non_utf8_text},
       "names and ids with these bytes are kept, shown with a replacement character (\xEF\xBF\xBD)",
       "Export the file as CSV UTF-8 (Excel: Save As > CSV UTF-8).",
       Severity::warning},
      {"discount_exceeds_line",
       "Discounts larger than the line's value",
       "rows",
       {},
       {N::discount_exceeds_line},
       "these lines have negative revenue",
       "Check how discounts are exported (per line or per order).",
       Severity::warning},
      {"unparsable_timestamps",
       "Timestamps that are not dates",
       "rows",
       {},
       {N::unparsable_timestamp},
       "these rows have no time: customer value and time-based figures leave them out",
       "Export dates as ISO 8601 (2025-10-07T09:50:26+02:00).",
       Severity::info},
      {"ambiguous_dates",
       "Dates whose day and month order was assumed",
       "rows",
       {},
       {N::ambiguous_date_order},
       "read as month/day (change slash_date_order in the settings if your dates are day/month)",
       "Export dates as ISO 8601 (2025-10-07).",
       Severity::info},
      {"times_without_zone",
       "Times without a time zone",
       "rows",
       {},
       {N::time_without_zone},
       "read as UTC",
       "Export times with their offset (+02:00) or in UTC (Z).",
       Severity::info},
      {"conflicting_order_fields",
       "Lines of one order disagree on an order-level field",
       "rows",
       {},
       {N::conflicting_order_field},
       "the first line's value is used",
       "Check the export: every line of an order should carry the same order fields.",
       Severity::info},
      {"missing_prices",
       "Order lines without a unit price",
       "rows",
       {},
       {N::missing_price},
       "they count for baskets, not for money",
       "Include unit_price for every line.",
       Severity::info},
      {"products_named_by_line",
       "Lines without a SKU, identified by their line name",
       "rows",
       {},
       {N::product_named_by_line},
       "matched to the catalogue by name",
       "Give every variant a SKU in your shop.",
       Severity::info},
  };
  return kChecks;
}

}  // namespace

void add_file_checks(std::vector<GapCheck>& checks, const std::vector<FileReport>& files,
                     const Settings& settings) {
  for (const FileReport& file : files) {
    if (!file.error) continue;
    checks.push_back({"unreadable_file",
                      "A file could not be read: " + file.file,
                      Severity::critical,
                      1,
                      "files",
                      1,
                      "file",
                      {{file.file, 0, *file.error}},
                      "none of its rows is used",
                      *file.error});
  }
  for (const FileCheck& spec : file_checks()) {
    GapCheck check{spec.id, spec.title, Severity::info, 0,       spec.unit, 0,
                   "rows",  {},         spec.impact,    spec.fix};
    double rows = 0;
    for (const FileReport& file : files) {
      bool touched = false;
      for (RejectReason reason : spec.reasons) {
        const CountWithExamples& found = file.rejected[static_cast<int>(reason)];
        check.count += static_cast<double>(found.count);
        touched = touched || found.count > 0;
        for (const RowExample& e : found.examples) {
          if (check.examples.size() < 5)
            check.examples.push_back(
                {file.file, e.row, e.column.empty() ? e.value : e.column + ": " + e.value});
        }
      }
      for (RowNote note : spec.notes) {
        const CountWithExamples& found = file.notes[static_cast<int>(note)];
        check.count += static_cast<double>(found.count);
        touched = touched || found.count > 0;
        for (const RowExample& e : found.examples) {
          if (check.examples.size() < 5) check.examples.push_back({file.file, e.row, e.value});
        }
      }
      if (touched) rows += static_cast<double>(file.rows_read);
    }
    if (check.count == 0) continue;
    check.share = rows > 0 ? check.count / rows : 0;
    check.severity = severity_for(check.share, settings, spec.floor);
    if (std::string(spec.id) == "orders_kept_apart") check.severity = Severity::info;
    checks.push_back(std::move(check));
  }
  // Columns nobody asked for are listed, not errors.
  GapCheck unknown{"unknown_columns",
                   "Columns Basketlift does not use",
                   Severity::info,
                   0,
                   "columns",
                   0,
                   "columns",
                   {},
                   "kept out of the way",
                   "Nothing to fix; map a column if it holds a field Basketlift knows."};
  double columns = 0;
  for (const FileReport& file : files) {
    unknown.count += static_cast<double>(file.unknown_columns.size());
    columns += static_cast<double>(file.unknown_columns.size() + file.columns.size());
    for (const std::string& name : file.unknown_columns) {
      if (unknown.examples.size() < 5) unknown.examples.push_back({file.file, 1, name});
    }
  }
  if (unknown.count > 0) {
    unknown.share = unknown.count / columns;
    checks.push_back(std::move(unknown));
  }
}

}  // namespace basketlift::gaps
