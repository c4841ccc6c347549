#include "warehouse/aggregates_sql.h"

#include <tuple>

#include "basketlift/version.h"
#include "ingest/value_parse.h"
#include "warehouse/aggregates.h"
#include "warehouse/ga4_sql.h"
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

// What the query is, how to run it and what it checks, for the analyst who reviews it.
std::string header(const SqlRequest& request) {
  return "-- Basketlift aggregates, format " + std::to_string(kAggregatesVersion) + ", for " +
         sql_dialect_name(request.dialect) + " (written by basketlift " + kEngineVersion +
         ").\n"
         "-- Its one result set, saved as CSV, is the aggregates file: counts and exact sums only\n"
         "-- (no order, customer or session appears in it; offers, placements, products, arms,\n"
         "-- channels and segments are named). Give it to\n"
         "--   basketlift analyze --aggregates FILE      or drop it on the dashboard.\n"
         "-- Every value is read as text and checked against the grammar the engine reads:\n"
         "--   numbers   [+-]digits[.digits][e[+-]digits] (no thousands separators or currency\n"
         "--             signs; read with " +
         (request.dialect == SqlDialect::duckdb || request.dialect == SqlDialect::snowflake
              ? "6 decimals, at most 12 digits\n--             before the point: a larger "
                "one is rejected as out_of_range"
          : request.dialect == SqlDialect::bigquery
              ? "9 decimals, at most 29 digits\n--             before the point: a larger "
                "one is rejected as out_of_range"
              : "every decimal") +
         ")\n"
         "--   booleans  true/false/1/0/yes/no in any case\n"
         "--   times     ISO 8601 (2024-03-01, 2024-03-01T09:30:00Z, ... +01:00); other forms\n"
         "--             read as missing\n"
         "-- A row that fails a check is counted as rejected with its reason, as the engine\n"
         "-- counts it, never an SQL error; up to " +
         std::to_string(request.examples) +
         " failing values per table and reason are kept as\n"
         "-- examples (the only raw values in the file; basketlift sql --examples 0 for none).\n" +
         (request.ga4_events.empty()
              ? std::string()
              : "-- Source: Google Analytics 4's export, " + request.ga4_events +
                    ": purchase items are the order\n"
                    "-- lines, items of view_item_list / view_promotion with a list the offer\n"
                    "-- impressions (an offer: a list and an item), sessions a device's "
                    "ga_session_id.\n") +
         (request.from.empty() && request.to.empty()
              ? std::string()
              : "-- Period: rows of orders, offers and sessions are read when their timestamp "
                "falls\n"
                "-- " +
                    (request.from.empty() ? "" : "from " + request.from + " ") +
                    (request.to.empty() ? "" : "to " + request.to + " ") +
                    "(whole UTC days; undated rows are not read).\n") +
         (request.dialect == SqlDialect::duckdb
              ? "-- DuckDB gives this query up to 80% of the machine's memory by default (19 GB\n"
                "-- at a million orders); within a limit it spills the rest to disk in about the\n"
                "-- same time: on a laptop, SET memory_limit = '4GB'; before it.\n"
              : "") +
         (request.dialect == SqlDialect::postgres ? "-- PostgreSQL cannot estimate how many rows "
                                                    "the CTEs hold and would join large ones\n"
                                                    "-- by nested loops (hours on a million "
                                                    "orders): for this session, hash joins only,\n"
                                                    "-- and no JIT compilation (it takes longer "
                                                    "than the query). psql -q prints nothing\n"
                                                    "-- for these two lines.\n"
                                                    "SET enable_nestloop = off;\n"
                                                    "SET jit = off;\n"
                                                  : "");
}

}  // namespace

Result<std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>> read_period(
    const SqlRequest& request) {
  // A date's first second (epoch seconds, UTC), or nullopt when it is not YYYY-MM-DD.
  const auto day_start = [](const std::string& text) -> std::optional<std::int64_t> {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
    const int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2)),
              day = std::stoi(text.substr(8, 2));
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] ||
        (month == 2 && day == 29 && !leap))
      return std::nullopt;
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
  };
  std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> period;
  for (const auto& [text, option, bound] : {std::tuple{&request.from, "--from", &period.first},
                                            std::tuple{&request.to, "--to", &period.second}}) {
    if (text->empty()) continue;
    *bound = day_start(*text);
    if (!*bound) {
      return Status::error(
          ErrorCode::bad_usage,
          std::string("sql: ") + option + " takes a date YYYY-MM-DD, not '" + *text + "'");
    }
  }
  if (period.second) *period.second += 86400;  // the last day is read whole
  if (period.first && period.second && *period.second <= *period.first)
    return Status::error(ErrorCode::bad_usage, "sql: --to is before --from");
  return period;
}

Result<std::string> aggregates_sql(const SqlRequest& given) {
  SqlRequest request = given;
  const bool ga4 = !request.ga4_events.empty();
  if (ga4) {
    if (request.dialect != SqlDialect::bigquery && request.dialect != SqlDialect::duckdb) {
      return Status::error(ErrorCode::bad_usage,
                           "sql: GA4's export is read on BigQuery, or on DuckDB from its JSON "
                           "(--dialect bigquery or duckdb)");
    }
    if (!request.orders.empty() || !request.offers.empty() || !request.sessions.empty()) {
      return Status::error(ErrorCode::bad_usage,
                           "sql: with GA4's events the orders, offers and sessions come from "
                           "them: leave out --orders, --offers and --sessions");
    }
    if (!request.mapping.entries.empty())
      return Status::error(ErrorCode::bad_usage, "sql: --map does not apply to GA4's export");
    for (const auto& [list, type] : request.ga4_list_types) {
      if (!is_ga4_list_type(type)) {
        return Status::error(ErrorCode::bad_usage,
                             "sql: list '" + list + "' has type '" + type +
                                 "'; a list's type is cross_sell, upsell or bundle");
      }
    }
    request.orders = kGa4Orders;
    request.offers = kGa4Offers;
    request.sessions = kGa4Sessions;
  } else if (!request.ga4_variant_param.empty() || !request.ga4_list_types.empty()) {
    return Status::error(ErrorCode::bad_usage,
                         "sql: --ga4-variant-param and --ga4-lists need --source ga4");
  }
  if (request.orders.empty())
    return Status::error(ErrorCode::bad_usage, "sql: the orders table must be named (--orders)");
  if (request.examples > CountWithExamples::kMaxExamples) {
    return Status::error(ErrorCode::bad_usage, "sql: --examples takes 0 to " +
                                                   std::to_string(CountWithExamples::kMaxExamples));
  }
  if (Result<std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>> period =
          read_period(request);
      !period.ok())
    return period.status();
  QueryBuilder query(request);
  if (ga4) add_ga4_query(query);
  add_orders_query(query);
  if (!request.sessions.empty()) add_sessions_query(query);
  if (!request.offers.empty()) add_offers_query(query);
  add_scoped_lines(query);
  add_experiment_query(query);
  if (!request.offers.empty()) add_offer_sums_query(query);
  add_dimensions_query(query);
  add_basket_query(query);
  add_trends_query(query);
  add_ltv_query(query);
  add_cuped_query(query);
  add_summary_rows(query);
  add_experiment_rows(query);
  if (!request.offers.empty()) add_offer_rows(query);
  add_dimensions_rows(query);
  add_basket_rows(query);
  add_ltv_rows(query);
  add_trends_rows(query);
  add_cuped_rows(query);
  if (ga4) add_ga4_rows(query);
  return query.finish(header(request));
}

}  // namespace basketlift
