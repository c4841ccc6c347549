#include "warehouse/query_builder.h"

#include <algorithm>
#include <cstdio>

#include "warehouse/aggregates.h"
#include "warehouse/packed_layouts.h"

namespace basketlift {

namespace {

// The engine's number grammar (ingest/value_parse.h), surrounding spaces already trimmed.
constexpr const char* kNumber = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?";

// ISO 8601 as the engine reads it (ingest/value_parse.h): year, month, day, then optionally
// hour, minute, second (fraction ignored) and a zone: Z, or sign, hours and minutes.
constexpr const char* kTimestamp =
    "^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt "
    "]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]*)?)?"
    "(?: ?(?:[Zz]|([+-])([0-9]{2})(?::?([0-9]{2}))?))?)?$";
const std::vector<std::string> kTimestampParts = {
    "year", "month", "day", "hour", "minute", "second", "sign", "zone_hour", "zone_minute"};
const std::vector<int> kTimestampGroups = {1, 2, 3, 4, 5, 6, 7, 8, 9};
// Each part of a text `t` that kTimestamp matches, read at its place (PostgreSQL): the date at
// fixed places; the time after the date and its separator (from character 12), its minutes
// and seconds one place earlier when the hour has one digit; the zone's sign is the one '+' or '-'
// after the date, its hours the two digits after it and its minutes the last two when more follow.
// substring() with a one-group pattern took ~0.4 s more than substr() per 470,490 values.
std::vector<std::string> postgres_part_expressions(const std::string& t) {
  const std::string hour_digits = "CASE WHEN substr(" + t + ", 13, 1) = ':' THEN 1 ELSE 2 END";
  const std::string zone = "substr(" + t + ", 12)";
  const std::string sign_at = "(strpos(" + zone + ", '+') + strpos(" + zone + ", '-'))";
  const std::string has_time = "CASE WHEN length(" + t + ") > 10 THEN ";
  const std::string has_sign = "CASE WHEN " + sign_at + " > 0";
  return {
      "substr(" + t + ", 1, 4)",
      "substr(" + t + ", 6, 2)",
      "substr(" + t + ", 9, 2)",
      has_time + "substr(" + t + ", 12, " + hour_digits + ") END",
      has_time + "substr(" + t + ", 13 + " + hour_digits + ", 2) END",
      "CASE WHEN substr(" + t + ", 15 + " + hour_digits + ", 1) = ':' THEN substr(" + t +
          ", 16 + " + hour_digits + ", 2) END",
      has_sign + " THEN substr(" + zone + ", " + sign_at + ", 1) END",
      has_sign + " THEN substr(" + zone + ", " + sign_at + " + 1, 2) END",
      has_sign + " AND length(" + zone + ") > " + sign_at + " + 2 THEN right(" + zone + ", 2) END"};
}
// The timestamps DuckDB's own casts read as the engine does: a date and a time to the second
// (the year from 1000, the hour to 23, minutes and seconds to 59), without a zone (UTC: read as a
// TIMESTAMP) or with one (Z, or a sign, hours to 23 and minutes to 59: a TIMESTAMPTZ). A spelling
// the cast refuses (an invalid date, a form DuckDB does not read) is split into its parts instead.
// Splitting took 8.5 s of processor time for the 1M-order store's 4.85M impressions, the
// pattern and the cast about 2.5 s.
constexpr const char* kCastableTimestamp =
    "[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    "( ?([Zz]|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?))?";
// The same with capturing groups only (Snowflake's POSIX expressions have no (?:...)), and the
// group of each part.
constexpr const char* kTimestampCapturing =
    "^([0-9]{4})-([0-9]{2})-([0-9]{2})([Tt ]([0-9]{1,2}):([0-9]{2})(:([0-9]{2})([.,][0-9]*)?)?"
    "( ?([Zz]|([+-])([0-9]{2})(:?([0-9]{2}))?))?)?$";
const std::vector<int> kTimestampCapturingGroups = {1, 2, 3, 5, 6, 8, 12, 13, 15};

}  // namespace

std::string QueryBuilder::timestamp_parts(const std::string& text) const {
  if (syntax_.dialect == SqlDialect::snowflake)
    return syntax_.time_parts(text, kTimestampCapturing, kTimestampParts, kTimestampCapturingGroups,
                              {});
  return syntax_.time_parts(text, kTimestamp, kTimestampParts, kTimestampGroups,
                            syntax_.dialect == SqlDialect::postgres
                                ? postgres_part_expressions(text)
                                : std::vector<std::string>());
}

std::string QueryBuilder::time_columns(const std::string& text, const std::string& name) const {
  const std::string parts = timestamp_parts(text);
  if (syntax_.dialect != SqlDialect::duckdb) return parts + " AS " + name;
  const std::string seconds = name + "_seconds";
  return "CASE WHEN regexp_full_match(" + text + ", " + syntax_.string(kCastableTimestamp) +
         ")\n      THEN CASE WHEN length(" + text + ") = 19 THEN epoch_us(TRY_CAST(" + text +
         " AS TIMESTAMP))\n        ELSE epoch_us(TRY_CAST(" + text +
         " AS TIMESTAMPTZ)) END // 1000000 END AS " + seconds + ",\n    CASE WHEN " + seconds +
         " IS NULL THEN " + parts + " END AS " + name;
}

std::string QueryBuilder::epoch_seconds(const std::string& parts) const {
  const std::string split = split_epoch_seconds(parts);
  if (syntax_.dialect != SqlDialect::duckdb) return split;
  return "COALESCE(" + parts + "_seconds, " + split + ")";
}

std::string QueryBuilder::split_epoch_seconds(const std::string& parts) const {
  std::vector<std::string> p;  // each part as an integer (0 when absent), but the sign
  for (std::size_t i = 0; i < kTimestampParts.size(); ++i) {
    const std::string part = syntax_.time_part(parts, i, kTimestampParts[i]);
    p.push_back(i == 6 ? part : "COALESCE(CAST(" + part + " AS INTEGER), 0)");
  }
  const std::string& year = p[0];
  const std::string& month = p[1];
  const std::string leap = "(" + syntax_.mod(year, "4") + " = 0 AND " + syntax_.mod(year, "100") +
                           " <> 0 OR " + syntax_.mod(year, "400") + " = 0)";
  const std::string days_in_month = "CASE WHEN " + month + " IN (4, 6, 9, 11) THEN 30 WHEN " +
                                    month + " = 2 THEN CASE WHEN " + leap +
                                    " THEN 29 ELSE 28 END ELSE 31 END";
  const std::string date = "CAST(" + syntax_.time_part(parts, 0, kTimestampParts[0]) +
                           " || '-' || " + syntax_.time_part(parts, 1, kTimestampParts[1]) +
                           " || '-' || " + syntax_.time_part(parts, 2, kTimestampParts[2]) +
                           " AS DATE)";
  return "CASE WHEN " + syntax_.time_part(parts, 0, kTimestampParts[0]) + " IS NOT NULL AND " +
         year + " >= 1000 AND " + month + " BETWEEN 1 AND 12\n      AND " + p[2] +
         " BETWEEN 1 AND " + days_in_month + "\n      AND " + p[3] + " <= 23 AND " + p[4] +
         " <= 59 AND " + p[5] + " <= 60 AND " + p[7] + " <= 23 AND " + p[8] + " <= 59\n    THEN " +
         syntax_.epoch_days(date) + " * 86400 + " + p[3] + " * 3600 + " + p[4] +
         " * 60\n      + LEAST(" + p[5] + ", 59) - CASE WHEN " + p[6] +
         " = '-' THEN -1 ELSE 1 END * (" + p[7] + " * 3600 + " + p[8] + " * 60) END";
}

std::vector<std::string> QueryBuilder::columns(Field field) const {
  std::vector<std::string> names;
  for (const auto& [name, target] : request_.mapping.entries)
    if (target == field) names.push_back(name);
  if (std::find(names.begin(), names.end(), field_name(field)) == names.end())
    names.emplace_back(field_name(field));
  return names;
}

QueryBuilder::TableReader::TableReader(const QueryBuilder& query, std::vector<Field> fields)
    : query_(query), fields_(std::move(fields)) {
  for (Field field : fields_) {
    for (std::string& name : query_.columns(field))
      columns_.emplace_back(field, std::move(name));
  }
}

std::string QueryBuilder::TableReader::select(const std::string& table) const {
  std::vector<std::string> columns;
  for (const auto& column : columns_)
    columns.push_back(column.second);
  // Behind the fence: PostgreSQL would otherwise build a row's value (to_jsonb) again for each
  // column its reader takes from it.
  const std::string rows = "  SELECT " + query_.syntax().row_values("t", columns) +
                           " AS r\n  FROM " + query_.syntax().row_source(table, "t", columns) +
                           query_.syntax().fence() + "\n";
  // With --from/--to, a dated table's rows are read when their timestamp falls in the period
  // (behind the filter fence: the timestamp is matched once a row, not once per reference to its
  // parts in the period's test).
  const auto period = read_period(query_.request());
  const bool dated = std::find(fields_.begin(), fields_.end(), Field::timestamp) != fields_.end();
  if (!dated || !period.ok() || (!period.value().first && !period.value().second)) return rows;
  std::string test;
  if (period.value().first) test += "row_time >= " + std::to_string(*period.value().first);
  if (period.value().second) {
    test += std::string(test.empty() ? "" : " AND ") + "row_time < " +
            std::to_string(*period.value().second);
  }
  return "  SELECT r FROM (SELECT r, " + query_.epoch_seconds("period_parts") +
         " AS row_time\n  FROM (SELECT r, " +
         query_.time_columns(text(Field::timestamp), "period_parts") + " FROM (\n" + rows +
         "  ) AS t" + query_.syntax().filter_fence() + ") AS p) AS d\n  WHERE " + test + "\n";
}

std::string QueryBuilder::TableReader::text(Field field) const {
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].first == field)
      texts.push_back(query_.syntax().text_of("r", i, columns_[i].second));
  }
  if (texts.empty())  // a field this table never has (a bug)
    return "CAST(NULL AS " + query_.syntax().text_type() + ")";
  if (texts.size() == 1) return texts[0];
  std::string first_set = "COALESCE(";
  for (std::size_t k = 0; k < texts.size(); ++k)
    first_set += (k == 0 ? "" : ", ") + texts[k];
  return first_set + ")";
}

std::string QueryBuilder::number_check(Field field, const char* bound_test,
                                       const char* bound_reason) const {
  const std::string name = field_name(field);
  std::string check =
      "    WHEN NOT " + syntax_.matches(name, kNumber) + " THEN 'invalid_number:" + name + "'\n";
  if (const std::string too_large = syntax_.too_large(name); !too_large.empty())
    check += "    WHEN " + too_large + " THEN 'out_of_range:" + name + "'\n";
  if (bound_test != nullptr) {
    check += "    WHEN " + decimal(name) + " " + bound_test + " THEN '" + bound_reason + ":" +
             name + "'\n";
  }
  return check;
}

std::string QueryBuilder::failing_value(
    const std::vector<std::pair<std::string, std::string>>& columns) const {
  std::string value = "CASE " + syntax_.split_part("rejection", ":", 2);
  for (const auto& [field, expression] : columns)
    value += " WHEN " + sql_string(field) + " THEN " + expression;
  return value + " END";
}

std::string QueryBuilder::double_literal(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

void QueryBuilder::cte(const std::string& name, const std::string& comment, const std::string& body,
                       Use use) {
  if (!ctes_.empty()) ctes_ += ",\n";
  // A CTE read more than once is computed once and kept: DuckDB would otherwise evaluate it
  // again for every reader (PostgreSQL keeps such a CTE by itself); an inlined one is computed
  // again by each reader (a cheap join of narrow rows, not kept wide). One read once streams
  // into its reader, and says so: left to decide, both kept the tables' rows as text, which a
  // slip had read twice (tests/warehouse/dialects.test.mjs checks that each is read once).
  const std::string opening = use == Use::many ? syntax_.kept_cte() : syntax_.inlined_cte();
  ctes_ += "-- " + comment + "\n" + name + opening + "\n" + body + ")";
}

void QueryBuilder::row(const std::string& kind, const std::string& scope, const std::string& key,
                       const std::string& measure, const std::string& value,
                       const std::string& from) {
  const std::string version = sql_string(std::to_string(kAggregatesVersion));
  if (rows_.empty()) {
    const auto name = [&](const char* column) { return " AS " + syntax_.output_name(column); };
    rows_ += "SELECT " + sql_string(kind) + name(kAggregatesMarker) + ", " + version +
             name("version") + ", " + scope + name("scope") + ", " + key + name("key") + ", " +
             measure + name("measure") + ", " + value + name("value");
  } else {
    rows_ += "UNION ALL SELECT " + sql_string(kind) + ", " + version + ", " + scope + ", " + key +
             ", " + measure + ", " + value;
  }
  rows_ += from.empty() ? "\n" : "\n  " + from + "\n";
}

void QueryBuilder::packed_row(const std::string& kind, const std::string& scope,
                              const std::string& key, const std::string& layout,
                              const std::string& from) {
  std::string values;
  for (const std::string_view column : packed_layout(layout)) {
    values += (values.empty() ? "" : " || ';' || ") + std::string("COALESCE(") +
              syntax_.number_text(column) + ", '')";
  }
  row(kind, scope, key, sql_string(layout), values, from);
}

std::string QueryBuilder::finish(const std::string& header) const {
  return header + "WITH\n" + ctes_ + "\n" + rows_ + ";\n";
}

}  // namespace basketlift
