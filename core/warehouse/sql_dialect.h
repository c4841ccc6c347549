// The SQL dialects `basketlift sql` writes, and the few expressions in which they differ.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

  /// A table's row as one JSON object, so that a column the table lacks reads as NULL and
  /// typed and text columns read alike (`alias` names the table in FROM).
  std::string row_as_json(std::string_view alias) const;
  /// The text of key `key` of a JSON row, without surrounding spaces and tabs, NULL when empty.
  std::string text_of(std::string_view json, std::string_view key) const;
  /// True when the JSON row has the key (the table has that column).
  std::string has_key(std::string_view json, std::string_view key) const;
  /// True when `text` matches the whole of the regular expression `pattern`.
  std::string matches(std::string_view text, std::string_view pattern) const;
  /// The exact decimal type values are cast to.
  std::string decimal() const;
  /// `value` (an exact decimal) as a factor of a square or product that must stay exact:
  /// itself where decimals are unbounded, else rounded to 9 decimals.
  std::string rounded(std::string_view value) const;
  /// The IEEE double type (for ranks computed as the engine computes them).
  std::string double_type() const;
  /// `value` as text (exact for decimals).
  std::string as_text(std::string_view value) const;
};

/// A string literal: `text` in single quotes, quotes doubled.
std::string sql_string(std::string_view text);

}  // namespace basketlift
