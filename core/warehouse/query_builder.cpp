#include "warehouse/query_builder.h"

#include <cstdio>

#include "warehouse/aggregates.h"

namespace basketlift {

namespace {

// The engine's number grammar (ingest/value_parse.h), surrounding spaces already trimmed.
constexpr const char* kNumber = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?";

}  // namespace

std::string QueryBuilder::column(Field field) const {
  for (const auto& [name, target] : request_.mapping.entries)
    if (target == field) return name;
  return field_name(field);
}

std::string QueryBuilder::TableReader::select(const std::string& table) const {
  std::vector<std::string> columns;
  for (Field field : fields_)
    columns.push_back(query_.column(field));
  return "  SELECT " + query_.syntax().row_values("t", columns) + " AS r FROM " + table + " AS t\n";
}

std::string QueryBuilder::TableReader::text(Field field) const {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i] == field) return query_.syntax().text_of("r", i, query_.column(field));
  }
  return "CAST(NULL AS TEXT)";  // a field this table never has (a bug in the caller)
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

std::string QueryBuilder::double_literal(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

void QueryBuilder::cte(const std::string& name, const std::string& comment, const std::string& body,
                       Use use) {
  if (!ctes_.empty()) ctes_ += ",\n";
  // A CTE read more than once is computed once and kept: DuckDB would otherwise evaluate it
  // again for every reader (PostgreSQL keeps such a CTE by itself); one read once streams.
  ctes_ += "-- " + comment + "\n" + name + (use == Use::once ? " AS (\n" : " AS MATERIALIZED (\n") +
           body + ")";
}

void QueryBuilder::row(const std::string& kind, const std::string& scope, const std::string& key,
                       const std::string& measure, const std::string& value,
                       const std::string& from) {
  const std::string version = sql_string(std::to_string(kAggregatesVersion));
  if (rows_.empty()) {
    rows_ += "SELECT " + sql_string(kind) + " AS " + kAggregatesMarker + ", " + version +
             " AS version, " + scope + " AS scope, " + key + " AS key, " + measure +
             " AS measure, " + value + " AS value";
  } else {
    rows_ += "UNION ALL SELECT " + sql_string(kind) + ", " + version + ", " + scope + ", " + key +
             ", " + measure + ", " + value;
  }
  rows_ += from.empty() ? "\n" : "\n  " + from + "\n";
}

std::string QueryBuilder::finish(const std::string& header) const {
  return header + "WITH\n" + ctes_ + "\n" + rows_ + ";\n";
}

}  // namespace basketlift
