// The SQL dialects `basketlift sql` writes, and the few expressions in which they differ.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basketlift {

/// A warehouse's SQL dialect.
enum class SqlDialect : std::uint8_t { duckdb, postgres, bigquery, snowflake };

/// Stable name of a dialect ("postgres").
const char* sql_dialect_name(SqlDialect dialect);
/// Parses a dialect name; nullopt for one not supported.
std::optional<SqlDialect> parse_sql_dialect(std::string_view name);

/// The expressions that differ between dialects; everything else is written in the SQL all
/// accept (CTEs, CASE, GROUPING SETS, window functions, UNION ALL, scalar subqueries).
struct SqlSyntax {
  SqlDialect dialect;  ///< the dialect written

  /// `text` as a string literal (quotes doubled; BigQuery: backslash escapes).
  std::string string(std::string_view text) const;
  /// The text type ("TEXT"; BigQuery: "STRING").
  std::string text_type() const;
  /// What follows a CTE's name when the CTE is read more than once: " AS MATERIALIZED (" where
  /// the dialect may otherwise compute it again for every reader, else " AS (".
  std::string kept_cte() const;
  /// How a CTE that is not kept opens (read once, or computed again by each reader): " AS NOT
  /// MATERIALIZED (" where the dialect may otherwise keep it, else " AS (".
  std::string inlined_cte() const;
  /// The count of rows where `condition` holds (an aggregate).
  std::string count_if(std::string_view condition) const;
  /// The sum of `value` over rows where `condition` holds (an aggregate; NULL without any).
  std::string sum_if(std::string_view value, std::string_view condition) const;
  /// True when `condition` holds for any row (an aggregate, also over a window).
  std::string any(std::string_view condition) const;
  /// Part `n` (from 1) of `text` split at `delimiter`.
  std::string split_part(std::string_view text, std::string_view delimiter, int n) const;
  /// The texts of `values` that are not NULL, joined by `separator` ('' when none is).
  std::string join_present(const std::vector<std::string>& values,
                           std::string_view separator) const;
  /// The texts `value` of a group's rows joined by `separator` in the order of `order_by` (an
  /// aggregate: the same text each run, whatever order the engine meets the rows in).
  std::string string_agg(std::string_view value, std::string_view separator,
                         std::string_view order_by) const;
  /// Where `needle` starts in `text` (from 1; 0 when absent).
  std::string position(std::string_view needle, std::string_view text) const;
  /// `text` with every match of the regular expression `pattern` replaced by `replacement`.
  std::string replace_all(std::string_view text, std::string_view pattern,
                          std::string_view replacement) const;
  /// A FROM item `alias` of literal `rows` (each its values' literals) with `columns`.
  std::string values(std::string_view alias, const std::vector<std::string>& columns,
                     const std::vector<std::vector<std::string>>& rows) const;
  /// A SELECT of `columns` (of `table`, aliased `alias`, its rows where `condition` holds)
  /// and, named `item`, each item of the `separator`-separated list `list`, one row per item.
  std::string list_rows(std::string_view columns, std::string_view item, std::string_view list,
                        char separator, std::string_view table, std::string_view alias,
                        std::string_view condition) const;
  /// Ends a subquery so that the planner computes it once instead of copying its expressions
  /// into the outer query (PostgreSQL: " OFFSET 0"; elsewhere nothing: DuckDB computes a
  /// subquery's expressions once without it, and runs all that follows an OFFSET in one thread).
  std::string fence() const;
  /// Ends a subquery so that no filter of its reader is pushed below it, there to compute the
  /// subquery's expressions again (PostgreSQL, DuckDB: " OFFSET 0"; elsewhere nothing).
  std::string filter_fence() const;
  /// The kept CTE `cte` as a subquery `alias` behind the filter fence, for its main reader's
  /// filter: DuckDB 1.5 pushes the OR of a kept CTE's readers' filters into it, and readers of its
  /// valid rows and of its rejected ones make an OR that always holds yet is evaluated, every
  /// column it names computed again (0.9 of 15.7 s of processor time for the sessions' checks).
  std::string unfiltered(const std::string& cte, const std::string& alias) const;
  /// Days from 1970-01-01 to the DATE `date`, as an integer.
  std::string epoch_days(std::string_view date) const;
  /// The day (days since 1970-01-01) on `zone`'s calendar (an IANA name, daylight saving
  /// included) of the instant `seconds` after 1970-01-01T00:00Z; plain UTC days for "UTC".
  std::string zone_day(std::string_view seconds, std::string_view zone) const;
  /// The remainder of integers `a` / `b`.
  std::string mod(std::string_view a, std::string_view b) const;
  /// The set union without duplicates ("UNION"; BigQuery: "UNION DISTINCT").
  std::string union_distinct() const;
  /// The ORDER BY a window needs when rows may be numbered in any order (Snowflake requires
  /// one: " ORDER BY `column`"); empty elsewhere.
  std::string any_order(std::string_view column) const;
  /// An output column's name as the CSV header must spell it (Snowflake would upper-case it).
  std::string output_name(std::string_view name) const;

  /// The FROM source of a table's rows, named `alias`: the table itself, or (DuckDB) the table
  /// with `columns` it lacks added as NULL (UNION ALL BY NAME with an empty row set of them),
  /// so that row_values() may name every column.
  std::string row_source(std::string_view table, std::string_view alias,
                         const std::vector<std::string>& columns) const;
  /// The values of `columns` of a row of row_source() `alias`, so that a column the table lacks
  /// reads as NULL and typed and text columns read alike: the row as JSON (PostgreSQL,
  /// BigQuery), an object (Snowflake), or a struct of the columns as text, v1, v2, ... (DuckDB).
  std::string row_values(std::string_view alias, const std::vector<std::string>& columns) const;
  /// The text of column number `index` (named `column`) of row_values() `row`, without
  /// surrounding spaces and tabs, NULL when empty (Snowflake: also read upper-cased, the name
  /// of a column created without quotes).
  std::string text_of(std::string_view row, std::size_t index, std::string_view column) const;
  /// True when the table `alias` (one of its rows) has the column.
  std::string has_column(std::string_view alias, std::string_view column) const;
  /// True when `text` matches the whole of the regular expression `pattern`.
  std::string matches(std::string_view text, std::string_view pattern) const;
  /// The exact decimal type values are cast to.
  std::string decimal() const;
  /// The text `value` (checked to be a number that fits, or NULL) as decimal(). BigQuery and
  /// Snowflake may evaluate a cast before the filter that keeps only checked rows: there a cast
  /// that cannot fail (NULL instead of an error) keeps an unchecked row from failing the query.
  std::string to_decimal(std::string_view value) const;
  /// `value` (an exact decimal) as a factor of a square or product that must stay exact:
  /// itself where decimals are unbounded, else rounded to 9 decimals.
  std::string rounded(std::string_view value) const;
  /// True when a number's text (already checked) does not fit decimal(); empty where any fits.
  std::string too_large(std::string_view text) const;
  /// The IEEE double type (for ranks computed as the engine computes them).
  std::string double_type() const;
  /// The parts of an ISO 8601 timestamp `text` matched by `pattern`, part i being capturing
  /// group groups[i] (PostgreSQL: the value of part_expressions[i] instead): an array
  /// (PostgreSQL), a struct (DuckDB, BigQuery), an object (Snowflake); see time_part().
  std::string time_parts(std::string_view text, std::string_view pattern,
                         const std::vector<std::string>& names, const std::vector<int>& groups,
                         const std::vector<std::string>& part_expressions) const;
  /// Part number `index` (named `name`) of time_parts() `parts`, NULL when absent.
  std::string time_part(std::string_view parts, std::size_t index, std::string_view name) const;
  /// Text `value` ordered by its bytes, as the engine compares names (PostgreSQL: collation C).
  std::string byte_order(std::string_view value) const;
  /// An exact number `value` as text without trailing zeros after the point ("2.5", "3").
  std::string number_text(std::string_view value) const;
  /// `value` as text (exact for decimals).
  std::string as_text(std::string_view value) const;
};

/// A string literal of text without quotes or backslashes (names, reasons): in single quotes.
std::string sql_string(std::string_view text);

}  // namespace basketlift
