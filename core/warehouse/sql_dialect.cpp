#include "warehouse/sql_dialect.h"

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

std::string SqlSyntax::row_as_json(std::string_view alias) const {
  const std::string a(alias);
  return dialect == SqlDialect::postgres ? "to_jsonb(" + a + ")" : "to_json(" + a + ")";
}

std::string SqlSyntax::text_of(std::string_view json, std::string_view key) const {
  const std::string value = std::string(json) + " ->> " + sql_string(key);
  const std::string trimmed = dialect == SqlDialect::postgres
                                  ? "btrim(" + value + ", ' ' || chr(9))"
                                  : "trim(" + value + ", ' ' || chr(9))";
  return "NULLIF(" + trimmed + ", '')";
}

std::string SqlSyntax::has_key(std::string_view json, std::string_view key) const {
  return dialect == SqlDialect::postgres ? std::string(json) + " ? " + sql_string(key)
                                         : "json_exists(" + std::string(json) + ", " +
                                               sql_string("$." + std::string(key)) + ")";
}

std::string SqlSyntax::matches(std::string_view text, std::string_view pattern) const {
  return dialect == SqlDialect::postgres
             ? std::string(text) + " ~ " + sql_string("^(" + std::string(pattern) + ")$")
             : "regexp_full_match(" + std::string(text) + ", " + sql_string(pattern) + ")";
}

std::string SqlSyntax::decimal() const {
  // DuckDB's decimals hold 38 digits: 6 decimals keep prices and quantities exact, and the
  // products (12 decimals) and their sums still leave 26 digits before the point.
  return dialect == SqlDialect::postgres ? "NUMERIC" : "DECIMAL(38, 6)";
}

std::string SqlSyntax::rounded(std::string_view value) const {
  // PostgreSQL's NUMERIC squares exactly; DuckDB's 38 digits hold a square of 9 decimals
  // (18) with 20 digits before the point.
  if (dialect == SqlDialect::postgres) return std::string(value);
  return "CAST(ROUND(" + std::string(value) + ", 9) AS DECIMAL(38, 9))";
}

std::string SqlSyntax::double_type() const {
  return dialect == SqlDialect::postgres ? "DOUBLE PRECISION" : "DOUBLE";
}

std::string SqlSyntax::as_text(std::string_view value) const {
  return "CAST(" + std::string(value) + " AS TEXT)";
}

}  // namespace basketlift
