#include "warehouse/aggregates.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <span>

#include "ingest/value_parse.h"
#include "warehouse/packed_layouts.h"

namespace basketlift {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The columns of an aggregates file, in the order the query writes them (any order is read).
enum Column : std::size_t { kKind, kVersion, kScope, kKey, kMeasure, kValue, kColumnCount };
constexpr std::array<const char*, kColumnCount> kColumnNames = {
    kAggregatesMarker, "version", "scope", "key", "measure", "value"};

// The rows of a CSV text one at a time (RFC 4180: quotes, doubled quotes, CRLF; empty lines
// skipped). A row's fields reuse the strings of the row before: no allocation per field.
class CsvRows {
 public:
  /// Rows of `text`.
  explicit CsvRows(std::string_view text) : text_(text) {}

  /// The next row into `row` (resized to its fields); false after the last.
  bool next(std::vector<std::string>& row) {
    const std::size_t size = text_.size();
    while (at_ < size) {
      std::size_t count = 0;
      bool quoted = false, any = false;
      std::string* field = &cleared(row, count);
      for (; at_ < size; ++at_) {
        const char c = text_[at_];
        if (quoted) {
          if (c != '"') {
            field->push_back(c);
          } else if (at_ + 1 < size && text_[at_ + 1] == '"') {
            field->push_back('"');
            ++at_;
          } else {
            quoted = false;
          }
        } else if (c == '"') {
          quoted = any = true;
        } else if (c == ',') {
          field = &cleared(row, ++count);
          any = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && at_ + 1 < size && text_[at_ + 1] == '\n') ++at_;
          ++at_;
          break;
        } else {  // a run of plain characters at once
          std::size_t end = at_ + 1;
          while (end < size && text_[end] != ',' && text_[end] != '"' && text_[end] != '\n' &&
                 text_[end] != '\r')
            ++end;
          field->append(text_.data() + at_, end - at_);
          any = true;
          at_ = end - 1;
        }
      }
      if (any || !field->empty()) ++count;  // the line's last field
      if (count > 0) {
        row.resize(count);
        return true;
      }
    }
    return false;
  }

 private:
  // Field k of the row, emptied (its capacity kept).
  static std::string& cleared(std::vector<std::string>& row, std::size_t k) {
    if (k == row.size()) row.emplace_back();
    row[k].clear();
    return row[k];
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

// A measure's name and where its value goes.
template <typename T>
struct Named {
  const char* name;
  T* target;
};

// The entry named `name`, or null.
template <typename T, std::size_t N>
const Named<T>* find_named(const Named<T> (&entries)[N], std::string_view name) {
  for (const Named<T>& entry : entries)
    if (name == entry.name) return &entry;
  return nullptr;
}

std::optional<RejectReason> reject_reason_of(std::string_view name) {
  for (int r = 0; r < kRejectReasonCount; ++r) {
    if (name == reject_reason_name(static_cast<RejectReason>(r)))
      return static_cast<RejectReason>(r);
  }
  return std::nullopt;
}

// Reads the file's rows into an Aggregates, naming the row and column of the first problem.
class AggregatesReader {
 public:
  explicit AggregatesReader(const std::string& name) : name_(name) {}

  Result<Aggregates> read(std::string_view bytes) {
    if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
    CsvRows rows(bytes);
    std::vector<std::string> fields;
    if (!rows.next(fields)) return error(1, kKind, "the file is empty");
    if (Status status = read_header(fields); !status.ok()) return status;
    out_.version = 1;  // raised to the highest version among the rows
    for (std::size_t r = 2; rows.next(fields); ++r) {
      row_ = r;
      if (Status status = read_row(fields); !status.ok()) return status;
    }
    out_.summary.order_revenue = Moments::from_sums(revenue_n_, revenue_sum_, revenue_sum_sq_);
    if (out_.settings_json.empty())
      return error(0, kKind, "no settings row: the file was not written by `basketlift sql`");
    auto orders = tables_.find("orders");
    if (orders == tables_.end())
      return error(0, kScope, "no rows_read of the orders table: the query's result is cut short");
    for (auto& [table, report] : tables_) {
      if (report.rows_rejected > report.rows_read) {
        return error(0, kValue, "the " + table + " table has more rejected rows than rows read");
      }
      report.rows_used = report.rows_read - report.rows_rejected;
      // A dated table read for a period says so where its rows are accounted for.
      if ((!out_.period_from.empty() || !out_.period_to.empty()) && table != "products") {
        report.file += " (" +
                       (out_.period_from.empty() ? std::string() : "from " + out_.period_from) +
                       (out_.period_from.empty() || out_.period_to.empty() ? "" : " ") +
                       (out_.period_to.empty() ? std::string() : "to " + out_.period_to) + ")";
      }
      out_.tables.push_back(std::move(report));
    }
    return std::move(out_);
  }

 private:
  Status error(std::size_t row, Column column, const std::string& why) const {
    std::string where = "'" + name_ + "'";
    if (row > 0) where += ", row " + std::to_string(row);
    where += ", column " + std::string(kColumnNames[column]);
    return Status::error(ErrorCode::bad_input, where + ": " + why);
  }

  Status read_header(const std::vector<std::string>& header) {
    if (header.empty() || header[0] != kAggregatesMarker)
      return error(1, kKind, "the first header cell is not basketlift_aggregates");
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      index_[c] = header.size();
      for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == kColumnNames[c]) index_[c] = i;
      if (index_[c] == header.size())
        return error(1, static_cast<Column>(c), "the header has no such column");
    }
    return Status::success();
  }

  Status read_row(const std::vector<std::string>& fields) {
    if (fields.size() <= *std::max_element(index_.begin(), index_.end()))
      return error(row_, kKind, "the row has fewer fields than the header");
    const auto at = [&](Column c) -> const std::string& { return fields[index_[c]]; };
    int version = 0;
    const std::string& version_text = at(kVersion);
    const auto [end, ec] =
        std::from_chars(version_text.data(), version_text.data() + version_text.size(), version);
    if (ec != std::errc() || end != version_text.data() + version_text.size() || version < 1)
      return error(row_, kVersion, "'" + version_text + "' is not a format version");
    if (version > kAggregatesVersion) {
      return error(row_, kVersion,
                   "format " + version_text +
                       " was written by a newer basketlift; this one reads "
                       "formats up to " +
                       std::to_string(kAggregatesVersion));
    }
    out_.version = std::max(out_.version, version);
    const std::string& kind = at(kKind);
    if (!packed_layout(at(kMeasure)).empty()) return read_packed(fields);
    return read_measure(kind, at(kScope), at(kKey), at(kMeasure), at(kValue), version_text);
  }

  // A packed row: measure names a layout (warehouse/packed_layouts.h), value holds its
  // measures' values separated by ';' (an empty one: none).
  Status read_packed(const std::vector<std::string>& fields) {
    const auto at = [&](Column c) -> const std::string& { return fields[index_[c]]; };
    const std::span<const std::string_view> measures = packed_layout(at(kMeasure));
    const std::size_t count = split(at(kValue), values_);  // may grow values_: before data()
    const std::span<const std::string> values(values_.data(), count);
    if (values.size() != measures.size()) {
      return error(row_, kValue,
                   std::to_string(values.size()) + " values for the " +
                       std::to_string(measures.size()) + " measures of " + at(kMeasure));
    }
    std::optional<RowProblem> problem;
    if (read_packed_offer_row(out_.offers, at(kKind), at(kScope), at(kKey), at(kMeasure), values,
                              problem) ||
        read_packed_trend_row(out_.trends, at(kKind), at(kScope), at(kKey), at(kMeasure), values,
                              problem)) {
      return problem ? problem_status(*problem) : Status::success();
    }
    for (std::size_t i = 0; i < measures.size(); ++i) {
      if (values[i].empty()) continue;
      Status status = read_measure(at(kKind), at(kScope), at(kKey), std::string(measures[i]),
                                   values[i], at(kVersion));
      if (!status.ok()) return status;
    }
    return Status::success();
  }

  // The values of `list` separated by ';' into the first strings of `parts` (grown when
  // short, never shrunk: a row allocates nothing once the strings have grown); their count.
  static std::size_t split(std::string_view list, std::vector<std::string>& parts) {
    std::size_t count = 0;
    for (std::size_t start = 0;;) {
      const std::size_t end = std::min(list.find(';', start), list.size());
      if (count == parts.size()) parts.emplace_back();
      parts[count++].assign(list.data() + start, end - start);
      if (end == list.size()) return count;
      start = end + 1;
    }
  }

  Status read_measure(const std::string& kind, const std::string& scope, const std::string& key,
                      const std::string& measure, const std::string& value,
                      const std::string& version_text) {
    if (kind == "settings") return read_settings(measure, value);
    if (kind == "period") return read_period_bound(measure, value);
    if (kind == "table") return read_table(scope, measure, value);
    if (kind == "rejected") return read_rejected(scope, key, value);
    if (kind == "rejected_example") return read_rejected_example(scope, key, measure, value);
    if (kind == "summary") return read_summary(measure, value);
    if (kind == "currency") return read_currency(key, measure, value);
    if (kind == "experiment") return read_experiment(measure, value);
    if (kind == "arm_total") return read_arm_total(key, measure, value);
    if (kind == "arm") return read_arm(scope, key, measure, value);
    if (is_offer_row(kind) || is_dimension_row(kind) || is_basket_row(kind) || is_ltv_row(kind) ||
        is_ga4_row(kind) || is_trend_row(kind) || is_cuped_row(kind)) {
      const std::optional<RowProblem> problem =
          is_offer_row(kind) ? read_offer_row(out_.offers, kind, scope, key, measure, value)
          : is_dimension_row(kind)
              ? read_dimension_row(out_.dimensions, kind, scope, key, measure, value)
          : is_basket_row(kind) ? read_basket_row(out_.baskets, kind, scope, key, measure, value)
          : is_ltv_row(kind)    ? read_ltv_row(out_.ltv, kind, scope, key, measure, value)
          : is_trend_row(kind)  ? read_trend_row(out_.trends, kind, scope, key, measure, value)
          : is_cuped_row(kind)  ? read_cuped_row(out_.cuped, kind, key, measure, value)
                                : read_ga4_row(out_.ga4, kind, scope, key, measure, value);
      return problem ? problem_status(*problem) : Status::success();
    }
    return error(row_, kKind, "'" + kind + "' is not a kind of row of format " + version_text);
  }

  // The error of a row's problem, at the column it names.
  Status problem_status(const RowProblem& problem) const {
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      if (std::string_view(kColumnNames[c]) == problem.column)
        return error(row_, static_cast<Column>(c), problem.why);
    }
    return error(row_, kValue, problem.why);
  }

  Status count(const std::string& text, std::uint64_t& out) const {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc() || end != text.data() + text.size())
      return error(row_, kValue, "'" + text + "' is not a count");
    return Status::success();
  }
  Status number(const std::string& text, double& out) const {
    const std::optional<double> parsed = parse_number(text);
    if (!parsed) return error(row_, kValue, "'" + text + "' is not a number");
    out = *parsed;
    return Status::success();
  }

  Status read_settings(const std::string& measure, const std::string& value) {
    if (measure != "document") return error(row_, kMeasure, "settings rows hold 'document'");
    Result<Settings> settings = Settings::from_json(value);
    if (!settings.ok()) return error(row_, kValue, settings.status().message);
    out_.settings = settings.value();
    out_.settings_json = value;
    return Status::success();
  }

  Status read_period_bound(const std::string& measure, const std::string& value) {
    if (measure != "from" && measure != "to")
      return error(row_, kMeasure, "period rows hold 'from' or 'to'");
    if (value.size() != 10 || value[4] != '-' || value[7] != '-')
      return error(row_, kValue, "'" + value + "' is not a date YYYY-MM-DD");
    (measure == "from" ? out_.period_from : out_.period_to) = value;
    return Status::success();
  }

  FileReport& table(const std::string& name) {
    auto found = tables_.find(name);
    if (found != tables_.end()) return found->second;
    FileReport& report = tables_[name];
    report.file = name_ + " › " + name;
    report.table = parse_table(name);
    report.format = Format::csv;
    return report;
  }

  Status read_table(const std::string& scope, const std::string& measure,
                    const std::string& value) {
    if (!parse_table(scope)) return error(row_, kScope, "'" + scope + "' is not a table");
    if (measure != "rows_read") return error(row_, kMeasure, "table rows hold 'rows_read'");
    return count(value, table(scope).rows_read);
  }

  Status read_rejected(const std::string& scope, const std::string& key, const std::string& value) {
    if (!parse_table(scope)) return error(row_, kScope, "'" + scope + "' is not a table");
    const std::optional<RejectReason> reason = reject_reason_of(key);
    if (!reason) return error(row_, kKey, "'" + key + "' is not a rejection reason");
    std::uint64_t n = 0;
    if (Status status = count(value, n); !status.ok()) return status;
    FileReport& report = table(scope);
    report.rejected[static_cast<int>(*reason)].count += n;
    report.rows_rejected += n;
    return Status::success();
  }

  // A failing value of a rejected row (a warehouse row has no position: row 0).
  Status read_rejected_example(const std::string& scope, const std::string& key,
                               const std::string& column, const std::string& value) {
    if (!parse_table(scope)) return error(row_, kScope, "'" + scope + "' is not a table");
    const std::optional<RejectReason> reason = reject_reason_of(key);
    if (!reason) return error(row_, kKey, "'" + key + "' is not a rejection reason");
    std::vector<RowExample>& examples = table(scope).rejected[static_cast<int>(*reason)].examples;
    if (examples.size() < CountWithExamples::kMaxExamples)
      examples.push_back({0, column, value, ""});
    return Status::success();
  }

  Status read_summary(const std::string& measure, const std::string& value) {
    SummarySums& s = out_.summary;
    const Named<std::uint64_t> counts[] = {{"orders", &s.orders},
                                           {"order_lines", &s.order_lines},
                                           {"cancelled_orders", &s.cancelled_orders},
                                           {"refunded_orders", &s.refunded_orders},
                                           {"money_orders", &s.money_orders},
                                           {"attached_orders", &s.attached_orders},
                                           {"priced_lines", &s.priced_lines},
                                           {"costed_lines", &s.costed_lines},
                                           {"sessions", &s.sessions},
                                           {"converted_sessions", &s.converted_sessions}};
    const Named<double> sums[] = {{"revenue", &s.revenue},
                                  {"margin", &s.margin},
                                  {"revenue_with_cost", &s.revenue_with_cost},
                                  {"order_revenue_n", &revenue_n_},
                                  {"order_revenue_sum", &revenue_sum_},
                                  {"order_revenue_sum_sq", &revenue_sum_sq_}};
    if (auto* found = find_named(counts, measure)) {
      if (measure == "sessions") s.has_sessions = true;
      return count(value, *found->target);
    }
    if (auto* found = find_named(sums, measure)) {
      return number(value, *found->target);
    }
    if (measure == "has_rec_column") {
      std::uint64_t flag = 0;
      if (Status status = count(value, flag); !status.ok()) return status;
      s.has_rec_column = flag != 0;
      return Status::success();
    }
    if (measure == "currency") {
      if (!value.empty()) s.currency = value;
      return Status::success();
    }
    return error(row_, kMeasure, "'" + measure + "' is not a summary measure");
  }

  Status read_currency(const std::string& code, const std::string& measure,
                       const std::string& value) {
    std::vector<OtherCurrency>& others = out_.summary.other_currencies;
    auto found = std::find_if(others.begin(), others.end(),
                              [&](const OtherCurrency& c) { return c.code == code; });
    if (found == others.end()) found = others.insert(others.end(), OtherCurrency{code, 0, 0});
    if (measure == "orders") return count(value, found->orders);
    if (measure == "revenue") return number(value, found->revenue);
    return error(row_, kMeasure, "'" + measure + "' is not a currency measure");
  }

  Status read_experiment(const std::string& measure, const std::string& value) {
    ExperimentAggregates& e = out_.experiment;
    e.present = true;
    if (measure == "unit") {
      for (UnitKind kind : {UnitKind::session, UnitKind::order_session, UnitKind::order}) {
        if (value == unit_kind_name(kind)) {
          e.unit = kind;
          return Status::success();
        }
      }
      return error(row_, kValue, "'" + value + "' is not a unit");
    }
    if (measure == "untagged_units") return count(value, e.untagged_units);
    if (measure == "orders_outside_units") return count(value, e.orders_outside_units);
    if (measure == "costs_known") {
      std::uint64_t flag = 0;
      if (Status status = count(value, flag); !status.ok()) return status;
      e.costs_known = flag != 0;
      return Status::success();
    }
    const Named<double> caps[] = {{"revenue_cap_low", &e.revenue_cap_low},
                                  {"revenue_cap_high", &e.revenue_cap_high},
                                  {"margin_cap_low", &e.margin_cap_low},
                                  {"margin_cap_high", &e.margin_cap_high}};
    if (auto* found = find_named(caps, measure)) return number(value, *found->target);
    return error(row_, kMeasure, "'" + measure + "' is not an experiment measure");
  }

  Status read_arm_total(const std::string& arm, const std::string& measure,
                        const std::string& value) {
    if (arm.empty()) return error(row_, kKey, "an arm total names its arm");
    ArmTotals& t = out_.experiment.totals[arm];
    t.arm = arm;
    const Named<double> totals[] = {{"units", &t.units},      {"converted", &t.converted},
                                    {"orders", &t.orders},    {"revenue", &t.revenue},
                                    {"margin", &t.margin},    {"impressions", &t.impressions},
                                    {"accepted", &t.accepted}};
    const auto* found = find_named(totals, measure);
    if (found == nullptr) return error(row_, kMeasure, "'" + measure + "' is not an arm total");
    return number(value, *found->target);
  }

  Status read_arm(const std::string& slice, const std::string& arm, const std::string& measure,
                  const std::string& value) {
    if (slice != "all" && slice.rfind("channel:", 0) != 0 && slice.rfind("segment:", 0) != 0 &&
        slice.rfind("placement:", 0) != 0) {
      return error(row_, kScope,
                   "'" + slice + "' is not a slice (all, channel:…, segment:…, placement:…)");
    }
    if (arm.empty()) return error(row_, kKey, "arm rows name their arm");
    ArmSliceSums& c = out_.experiment.cells[{slice, arm}];
    const Named<double> stats[] = {{"units", &c.units},
                                   {"converted", &c.converted},
                                   {"orders", &c.orders},
                                   {"revenue_sum", &c.revenue_sum},
                                   {"revenue_sum_sq", &c.revenue_sum_sq},
                                   {"margin_sum", &c.margin_sum},
                                   {"margin_sum_sq", &c.margin_sum_sq},
                                   {"aov_n", &c.aov_n},
                                   {"aov_sum_m", &c.aov_sum_m},
                                   {"aov_sum_d", &c.aov_sum_d},
                                   {"aov_sum_mm", &c.aov_sum_mm},
                                   {"aov_sum_dd", &c.aov_sum_dd},
                                   {"aov_sum_md", &c.aov_sum_md},
                                   {"acceptance_n", &c.acceptance_n},
                                   {"acceptance_sum_m", &c.acceptance_sum_m},
                                   {"acceptance_sum_d", &c.acceptance_sum_d},
                                   {"acceptance_sum_mm", &c.acceptance_sum_mm},
                                   {"acceptance_sum_dd", &c.acceptance_sum_dd},
                                   {"acceptance_sum_md", &c.acceptance_sum_md}};
    const auto* found = find_named(stats, measure);
    if (found == nullptr) return error(row_, kMeasure, "'" + measure + "' is not an arm sum");
    return number(value, *found->target);
  }

  const std::string& name_;
  std::array<std::size_t, kColumnCount> index_{};
  std::vector<std::string> values_;  // a packed row's values (split() reuses them)
  std::size_t row_ = 1;
  Aggregates out_;
  std::map<std::string, FileReport> tables_;
  double revenue_n_ = 0, revenue_sum_ = 0, revenue_sum_sq_ = 0;
};

}  // namespace

bool is_aggregates_file(std::string_view head) {
  if (head.substr(0, kUtf8Bom.size()) == kUtf8Bom) head.remove_prefix(kUtf8Bom.size());
  if (!head.empty() && head[0] == '"') head.remove_prefix(1);
  const std::string_view marker = kAggregatesMarker;
  return head.substr(0, marker.size()) == marker &&
         (head.size() == marker.size() || head[marker.size()] == ',' ||
          head[marker.size()] == '"' || head[marker.size()] == '\n' || head[marker.size()] == '\r');
}

Result<Aggregates> parse_aggregates(std::string_view bytes, const std::string& name) {
  Result<Aggregates> read = AggregatesReader(name).read(bytes);
  if (!read.ok()) return read;
  Aggregates aggregates = std::move(read.value());
  // Other currencies, most orders first (a tie: by code, as the query cannot know file order).
  std::sort(aggregates.summary.other_currencies.begin(), aggregates.summary.other_currencies.end(),
            [](const OtherCurrency& a, const OtherCurrency& b) {
              return a.orders != b.orders ? a.orders > b.orders : a.code < b.code;
            });
  return aggregates;
}

std::string conflicting_query_setting(const Settings& file, const Settings& wanted) {
  // Settings whose value changes what the query computes (its parsing, windows, thresholds).
  using Same = bool (*)(const Settings&, const Settings&);
  const std::pair<const char*, Same> query_settings[] = {
      {"slash_date_order",
       [](const Settings& a, const Settings& b) {
         return a.slash_date_order == b.slash_date_order;
       }},
      {"attribution_window_hours",
       [](const Settings& a, const Settings& b) {
         return a.attribution_window_hours == b.attribution_window_hours;
       }},
      {"capping", [](const Settings& a, const Settings& b) { return a.capping == b.capping; }},
      {"capping_percentile",
       [](const Settings& a, const Settings& b) {
         return a.capping_percentile == b.capping_percentile;
       }},
      {"max_dimension_groups",
       [](const Settings& a, const Settings& b) {
         return a.max_dimension_groups == b.max_dimension_groups;
       }},
      {"basket_min_support",
       [](const Settings& a, const Settings& b) {
         return a.basket_min_support == b.basket_min_support;
       }},
      {"basket_max_items",
       [](const Settings& a, const Settings& b) {
         return a.basket_max_items == b.basket_max_items;
       }},
      {"basket_triples",
       [](const Settings& a, const Settings& b) { return a.basket_triples == b.basket_triples; }},
      {"timezone", [](const Settings& a, const Settings& b) { return a.timezone == b.timezone; }},
      {"change_window_days",
       [](const Settings& a, const Settings& b) {
         return a.change_window_days == b.change_window_days;
       }},
      {"ltv_windows_days",
       [](const Settings& a, const Settings& b) {
         return a.ltv_windows_days == b.ltv_windows_days;
       }},
      {"cuped_pre_period_days",
       [](const Settings& a, const Settings& b) {
         return a.cuped_pre_period_days == b.cuped_pre_period_days;
       }},
  };
  for (const auto& [name, same] : query_settings) {
    if (!same(file, wanted)) return name;
  }
  return {};
}

}  // namespace basketlift
