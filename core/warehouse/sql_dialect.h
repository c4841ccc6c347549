// The SQL dialects `basketlift sql` writes, and the few expressions in which they differ.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basketlift {

/// A warehouse's SQL dialect.
enum class SqlDialect : std::uint8_t { duckdb, postgres };

/// Stable name of a dialect ("postgres").
const char* sql_dialect_name(SqlDialect dialect);
/// Parses a dialect name; nullopt for one not supported.
std::optional<SqlDialect> parse_sql_dialect(std::string_view name);

/// The expressions that differ between dialects; everything else is written in the SQL both
/// accept (CTEs, CASE, FILTER, bool_or, UNION ALL).
struct SqlSyntax {
  SqlDialect dialect;  ///< the dialect written

  /// The FROM source of a table's rows, named `alias`: the table itself (PostgreSQL), or the
  /// table with `columns` it lacks added as NULL (DuckDB: UNION ALL BY NAME with an empty row
  /// set of them), so that row_values() may name every column.
  std::string row_source(std::string_view table, std::string_view alias,
                         const std::vector<std::string>& columns) const;
  /// The values of `columns` of a row of row_source() `alias`, so that a column the table lacks
  /// reads as NULL and typed and text columns read alike: the row as JSON (PostgreSQL), or the
  /// list of the columns as text (DuckDB).
  std::string row_values(std::string_view alias, const std::vector<std::string>& columns) const;
  /// The text of column number `index` (named `column`) of row_values() `row`, without
  /// surrounding spaces and tabs, NULL when empty.
  std::string text_of(std::string_view row, std::size_t index, std::string_view column) const;
  /// True when the table `alias` (one of its rows) has the column.
  std::string has_column(std::string_view alias, std::string_view column) const;
  /// True when `text` matches the whole of the regular expression `pattern`.
  std::string matches(std::string_view text, std::string_view pattern) const;
  /// The exact decimal type values are cast to.
  std::string decimal() const;
  /// `value` (an exact decimal) as a factor of a square or product that must stay exact:
  /// itself where decimals are unbounded, else rounded to 9 decimals.
  std::string rounded(std::string_view value) const;
  /// True when a number's text (already checked) does not fit decimal(); empty where any fits.
  std::string too_large(std::string_view text) const;
  /// The IEEE double type (for ranks computed as the engine computes them).
  std::string double_type() const;
  /// The parts of an ISO 8601 timestamp `text` matched by `pattern` (one capturing group per
  /// part): an array (PostgreSQL) or a struct (DuckDB); see time_part().
  std::string time_parts(std::string_view text, std::string_view pattern,
                         const std::vector<std::string>& names) const;
  /// Part number `index` (named `name`) of time_parts() `parts`, NULL when absent.
  std::string time_part(std::string_view parts, std::size_t index, std::string_view name) const;
  /// Text `value` ordered by its bytes, as the engine compares names (PostgreSQL: collation C).
  std::string byte_order(std::string_view value) const;
  /// An exact number `value` as text without trailing zeros after the point ("2.5", "3").
  std::string number_text(std::string_view value) const;
  /// One row per item of the comma-separated list `text` (in a SELECT list).
  std::string list_items(std::string_view text) const;
  /// `value` as text (exact for decimals).
  std::string as_text(std::string_view value) const;
};

/// A string literal: `text` in single quotes, quotes doubled.
std::string sql_string(std::string_view text);

}  // namespace basketlift
