// The pieces `basketlift sql` assembles its query from: named, commented CTEs and one output row
// per figure (warehouse/aggregates.h), written for one dialect. Each section of the aggregates
// file adds its CTEs and rows (query_sections.h).
#pragma once

#include <string>
#include <vector>

#include "warehouse/aggregates_sql.h"

namespace basketlift {

/// Builds one query: CTEs in the order added, then the UNION ALL of the output rows.
class QueryBuilder {
 public:
  /// A builder for `request` (its tables, mapping, settings and dialect).
  explicit QueryBuilder(const SqlRequest& request) : request_(request), syntax_{request.dialect} {}

  /// The request being written.
  const SqlRequest& request() const { return request_; }
  /// The dialect's expressions.
  const SqlSyntax& syntax() const { return syntax_; }

  /// The columns `field` is read from, in order: those the mapping (or preset) names for it,
  /// then the field's own name. A table takes the first that holds a value, so a mapping meant
  /// for one table leaves the others, which lack its columns, reading their own names.
  std::vector<std::string> columns(Field field) const;
  /// How one table's rows are read: the fields it may have, each from its column.
  class TableReader {
   public:
    /// The SELECT of the table's rows CTE: one value `r` per row holding every field's column.
    std::string select(const std::string& table) const;
    /// `field`'s trimmed text in `r` (NULL when empty or when the table lacks the columns).
    std::string text(Field field) const;

   private:
    friend class QueryBuilder;
    TableReader(const QueryBuilder& query, std::vector<Field> fields);
    const QueryBuilder& query_;
    std::vector<Field> fields_;
    std::vector<std::pair<Field, std::string>> columns_;  // every field's columns, in `r` order
  };
  /// A reader of a table holding (some of) `fields`.
  TableReader reader(std::vector<Field> fields) const { return {*this, std::move(fields)}; }
  /// `value` (a number's checked text, or NULL) cast to the dialect's exact decimal.
  std::string decimal(const std::string& value) const { return syntax_.to_decimal(value); }
  /// CASE branches rejecting `field`'s text when it is not a number or, with `bound_test`
  /// (e.g. "< 0"), when the number fails it (reason `bound_reason`).
  std::string number_check(Field field, const char* bound_test, const char* bound_reason) const;
  /// The columns of a subquery that read the ISO 8601 timestamp `text` for epoch_seconds(`name`):
  /// its parts as `name`; on DuckDB first `name`_seconds, the seconds of the spellings DuckDB's
  /// own cast reads as the engine does, and `name` only where that is NULL.
  std::string time_columns(const std::string& text, const std::string& name) const;
  /// Seconds since 1970 of the time_columns() `parts` as the engine reads them (a bare date is
  /// midnight UTC, a time without a zone is UTC); NULL when the text was not an ISO 8601 date or
  /// time (the query reads no other forms).
  std::string epoch_seconds(const std::string& parts) const;
  /// The text of the column a rejection (`rejection`, reason:column) names: `columns` pairs a
  /// field's name with the expression holding its text.
  std::string failing_value(const std::vector<std::pair<std::string, std::string>>& columns) const;
  /// `value` as a SQL double literal that reads back as the very same double.
  static std::string double_literal(double value);

  /// How the query reads a CTE: once (streamed into its reader), several times (kept), or
  /// several times and computed again by each reader (`inlined`: cheaper to compute than to
  /// keep). `once` and `inlined` open alike (SqlSyntax::inlined_cte()).
  enum class Use { once, many, inlined };
  /// Adds a CTE `name` with a comment (lines after the first start with "-- ").
  void cte(const std::string& name, const std::string& comment, const std::string& body,
           Use use = Use::many);
  /// Adds an output row (SQL expressions for each column; `from` may be empty).
  void row(const std::string& kind, const std::string& scope, const std::string& key,
           const std::string& measure, const std::string& value, const std::string& from);

  /// Adds output rows carrying the measures of a packed layout (warehouse/packed_layouts.h):
  /// measure is the layout's name, value its measures' values (columns of `from` of the same
  /// names) separated by ';', an empty field where a value is NULL.
  void packed_row(const std::string& kind, const std::string& scope, const std::string& key,
                  const std::string& layout, const std::string& from);

  /// The query: `header` comment lines, the CTEs, the rows.
  std::string finish(const std::string& header) const;

 private:
  /// The ISO 8601 timestamp `text` split into its parts (read through time_columns(), which on
  /// DuckDB also adds the seconds epoch_seconds() takes first).
  std::string timestamp_parts(const std::string& text) const;
  /// epoch_seconds() from the parts alone.
  std::string split_epoch_seconds(const std::string& parts) const;

  const SqlRequest& request_;
  SqlSyntax syntax_;
  std::string ctes_, rows_;
};

}  // namespace basketlift
