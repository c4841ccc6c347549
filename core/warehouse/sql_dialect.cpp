#include "warehouse/sql_dialect.h"

#include <algorithm>

namespace basketlift {

const char* sql_dialect_name(SqlDialect dialect) {
  switch (dialect) {
    case SqlDialect::duckdb:
      return "duckdb";
    case SqlDialect::postgres:
      return "postgres";
  }
  return "?";
}

std::optional<SqlDialect> parse_sql_dialect(std::string_view name) {
  if (name == "duckdb") return SqlDialect::duckdb;
  if (name == "postgres" || name == "postgresql") return SqlDialect::postgres;
  return std::nullopt;
}

std::string sql_string(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

namespace {

// A column name as a quoted identifier.
std::string identifier(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name)
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

std::string SqlSyntax::row_source(std::string_view table, std::string_view alias,
                                  const std::vector<std::string>& columns) const {
  if (dialect == SqlDialect::postgres) return std::string(table) + " AS " + std::string(alias);
  std::string nulls;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string& column = columns[i];
    if (std::find(columns.begin(), columns.begin() + i, column) != columns.begin() + i) continue;
    nulls +=
        (nulls.empty() ? "" : ", ") + std::string("CAST(NULL AS VARCHAR) AS ") + identifier(column);
  }
  return "(SELECT * FROM (SELECT " + nulls + ") AS none WHERE FALSE\n    UNION ALL BY NAME " +
         "SELECT * FROM " + std::string(table) + ") AS " + std::string(alias);
}

std::string SqlSyntax::row_values(std::string_view alias,
                                  const std::vector<std::string>& columns) const {
  const std::string a(alias);
  if (dialect == SqlDialect::postgres) return "to_jsonb(" + a + ")";
  std::string values;
  for (const std::string& column : columns)
    values += (values.empty() ? "" : ", ") + std::string("CAST(") + a + "." + identifier(column) +
              " AS VARCHAR)";
  return "[" + values + "]";
}

std::string SqlSyntax::text_of(std::string_view row, std::size_t index,
                               std::string_view column) const {
  const std::string value = dialect == SqlDialect::postgres
                                ? std::string(row) + " ->> " + sql_string(column)
                                : std::string(row) + "[" + std::to_string(index + 1) + "]";
  const std::string trimmed = dialect == SqlDialect::postgres
                                  ? "btrim(" + value + ", ' ' || chr(9))"
                                  : "trim(" + value + ", ' ' || chr(9))";
  return "NULLIF(" + trimmed + ", '')";
}

std::string SqlSyntax::has_column(std::string_view alias, std::string_view column) const {
  const std::string a(alias);
  return dialect == SqlDialect::postgres
             ? "to_jsonb(" + a + ") ? " + sql_string(column)
             : "json_exists(to_json(" + a + "), " +
                   sql_string("$.\"" + std::string(column) + "\"") + ")";
}

std::string SqlSyntax::matches(std::string_view text, std::string_view pattern) const {
  return dialect == SqlDialect::postgres
             ? std::string(text) + " ~ " + sql_string("^(" + std::string(pattern) + ")$")
             : "regexp_full_match(" + std::string(text) + ", " + sql_string(pattern) + ")";
}

std::string SqlSyntax::decimal() const {
  // DuckDB: 18 digits (a 64-bit integer, which casts from text 80 times faster than its
  // 38-digit decimals), 6 of them decimals; products (12 decimals) and sums widen to 38.
  return dialect == SqlDialect::postgres ? "NUMERIC" : "DECIMAL(18, 6)";
}

std::string SqlSyntax::rounded(std::string_view value) const {
  // PostgreSQL's NUMERIC squares exactly; DuckDB's 38 digits hold a square of 9 decimals
  // (18) with 20 digits before the point.
  if (dialect == SqlDialect::postgres) return std::string(value);
  return "CAST(ROUND(" + std::string(value) + ", 9) AS DECIMAL(38, 9))";
}

std::string SqlSyntax::too_large(std::string_view text) const {
  if (dialect == SqlDialect::postgres) return {};
  return std::string(text) + " IS NOT NULL AND TRY_CAST(" + std::string(text) + " AS " + decimal() +
         ") IS NULL";
}

std::string SqlSyntax::double_type() const {
  return dialect == SqlDialect::postgres ? "DOUBLE PRECISION" : "DOUBLE";
}

std::string SqlSyntax::time_parts(std::string_view text, std::string_view pattern,
                                  const std::vector<std::string>& names) const {
  if (dialect == SqlDialect::postgres)
    return "regexp_match(" + std::string(text) + ", " + sql_string(pattern) + ")";
  std::string list;
  for (const std::string& name : names)
    list += (list.empty() ? "" : ", ") + sql_string(name);
  return "regexp_extract(" + std::string(text) + ", " + sql_string(pattern) + ", [" + list + "])";
}

std::string SqlSyntax::time_part(std::string_view parts, std::size_t index,
                                 std::string_view name) const {
  if (dialect == SqlDialect::postgres)
    return std::string(parts) + "[" + std::to_string(index + 1) + "]";
  return "NULLIF(" + std::string(parts) + "." + std::string(name) + ", '')";
}

std::string SqlSyntax::byte_order(std::string_view value) const {
  return dialect == SqlDialect::postgres ? std::string(value) + " COLLATE \"C\""
                                         : std::string(value);
}

std::string SqlSyntax::number_text(std::string_view value) const {
  const std::string v(value);
  if (dialect == SqlDialect::postgres) return "CAST(trim_scale(" + v + ") AS TEXT)";
  const std::string text = "CAST(" + v + " AS TEXT)";
  return "CASE WHEN strpos(" + text + ", '.') > 0 THEN rtrim(rtrim(" + text + ", '0'), '.') ELSE " +
         text + " END";
}

std::string SqlSyntax::list_items(std::string_view text) const {
  const std::string t(text);
  return dialect == SqlDialect::postgres ? "regexp_split_to_table(" + t + ", ',')"
                                         : "unnest(string_split(" + t + ", ','))";
}

std::string SqlSyntax::as_text(std::string_view value) const {
  return "CAST(" + std::string(value) + " AS TEXT)";
}

}  // namespace basketlift
