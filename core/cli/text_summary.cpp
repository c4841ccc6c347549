#include "cli/text_summary.h"

#include "cli/text_findings.h"
#include "cli/text_format.h"

namespace basketlift::cli {

namespace {

std::string money(const Figure& figure, const std::optional<std::string>& currency) {
  if (!figure.value) return "n/a (" + figure.unavailable + ")";
  return grouped(*figure.value, 2) + (currency ? " " + *currency : "");
}

std::string percent(const Figure& figure) {
  if (!figure.value) return "n/a (" + figure.unavailable + ")";
  return percent_text(*figure.value);
}

}  // namespace

std::string text_summary(const Report& report, const Store& store) {
  std::string out = "Basketlift report\n\nFiles\n";
  for (const FileReport& file : report.inputs) {
    out += "  " + file.file + "\n";
    std::string what = std::string(file.table ? table_name(*file.table) : "unreadable") + ", " +
                       (file.format ? format_name(*file.format) : "?") + ": " +
                       grouped(static_cast<double>(file.rows_read), 0) + " rows read, " +
                       grouped(static_cast<double>(file.rows_used), 0) + " used, " +
                       grouped(static_cast<double>(file.rows_rejected), 0) + " rejected";
    if (file.error) what = "ERROR: " + *file.error;
    line(out, "", what);
    for (int r = 0; r < kRejectReasonCount; ++r) {
      const CountWithExamples& rejected = file.rejected[r];
      if (rejected.count == 0) continue;
      std::string detail = grouped(static_cast<double>(rejected.count), 0) +
                           " rows: " + reject_reason_text(static_cast<RejectReason>(r));
      if (!rejected.examples.empty()) {
        detail += " (first at row " + std::to_string(rejected.examples[0].row) + ")";
      }
      line(out, "", detail);
    }
  }
  const Summary& s = report.summary;
  out += "\nSummary\n";
  line(out, "Orders", grouped(static_cast<double>(s.orders), 0));
  line(out, "Revenue", money(s.revenue, s.currency));
  line(out, "Average order value", money(s.aov, s.currency));
  line(out, "Contribution margin", money(s.margin, s.currency));
  for (const OtherCurrency& other : s.other_currencies) {
    line(out, "Other currency",
         grouped(static_cast<double>(other.orders), 0) + " orders in " + other.code + " (" +
             grouped(other.revenue, 2) + " " + other.code + ") are left out of the money figures");
  }
  line(out, "Sessions",
       s.sessions.value ? grouped(*s.sessions.value, 0) : "n/a (" + s.sessions.unavailable + ")");
  line(out, "Conversion rate", percent(s.cvr));
  line(out, "Attach rate", percent(s.attach_rate));
  return out + text_findings(report, store);
}

}  // namespace basketlift::cli
