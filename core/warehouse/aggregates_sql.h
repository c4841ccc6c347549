// `basketlift sql`: the query a merchant runs in their own warehouse to compute the aggregates
// file (warehouse/aggregates.h) from their tables, so that no row leaves the warehouse.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/settings.h"
#include "ingest/column_mapper.h"
#include "util/status.h"
#include "warehouse/sql_dialect.h"

namespace basketlift {

/// What the query reads and how.
struct SqlRequest {
  SqlDialect dialect = SqlDialect::postgres;  ///< the warehouse's dialect
  std::string orders;                         ///< the order lines table (required)
  std::string products;                       ///< the catalogue table (optional)
  std::string offers;                         ///< the offer impressions table (optional)
  std::string sessions;                       ///< the sessions table (optional)
  ColumnMapping mapping;                      ///< column name → field, as for `analyze --map`
  Settings settings;                          ///< the settings the file will carry
  std::size_t examples = 5;  ///< rejected values carried per table and reason (0 to 5)
  std::string from;          ///< first day read (YYYY-MM-DD, UTC); empty: from the first row
  std::string to;            ///< last day read (YYYY-MM-DD, UTC); empty: to the last row
  /// Google Analytics 4's export as the source (warehouse/ga4_sql.h): the events table
  /// (BigQuery: `project.analytics_N.events_*`); empty: the orders, offers and sessions tables.
  std::string ga4_events;
  std::string ga4_variant_param;  ///< GA4: the event parameter or user property naming the arm
  std::map<std::string, std::string> ga4_list_types;  ///< GA4: item_list_id → offer type
};

/// Offer types GA4 lists may be given (--ga4-lists), as the offers table spells them.
bool is_ga4_list_type(const std::string& type);
/// Reads --ga4-lists: a JSON object of item_list_id → offer type (cross_sell, upsell, bundle).
Result<std::map<std::string, std::string>> parse_ga4_list_types(std::string_view json);

/// The period `request` reads as [begin, end) in epoch seconds: a bound not asked for is
/// nullopt. Fails when a date is not YYYY-MM-DD or the period ends before it begins.
Result<std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>> read_period(
    const SqlRequest& request);

/// The query: one SELECT with commented CTEs whose single result set, saved as CSV, is the
/// aggregates file. Fails when a table name is missing or the mapping cannot be used.
Result<std::string> aggregates_sql(const SqlRequest& request);

}  // namespace basketlift
