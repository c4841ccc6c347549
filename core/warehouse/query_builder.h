// The pieces `basketlift sql` assembles its query from: named, commented CTEs and one output row
// per figure (warehouse/aggregates.h), written for one dialect. Each section of the aggregates
// file adds its CTEs and rows (query_sections.h).
#pragma once

#include <string>

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

  /// The column `field` is read from: the mapping's, else the field's own name.
  std::string column(Field field) const;
  /// `field`'s trimmed text in the JSON row `r` (NULL when empty).
  std::string text(Field field) const { return syntax_.text_of("r", column(field)); }
  /// `value` cast to the dialect's exact decimal.
  std::string decimal(const std::string& value) const {
    return "CAST(" + value + " AS " + syntax_.decimal() + ")";
  }
  /// CASE branches rejecting `field`'s text when it is not a number or, with `bound_test`
  /// (e.g. "< 0"), when the number fails it (reason `bound_reason`).
  std::string number_check(Field field, const char* bound_test, const char* bound_reason) const;
  /// `value` as a SQL double literal that reads back as the very same double.
  static std::string double_literal(double value);

  /// Adds a CTE `name` with a comment (lines after the first start with "-- ").
  void cte(const std::string& name, const std::string& comment, const std::string& body);
  /// Adds an output row (SQL expressions for each column; `from` may be empty).
  void row(const std::string& kind, const std::string& scope, const std::string& key,
           const std::string& measure, const std::string& value, const std::string& from);

  /// The query: `header` comment lines, the CTEs, the rows.
  std::string finish(const std::string& header) const;

 private:
  const SqlRequest& request_;
  SqlSyntax syntax_;
  std::string ctes_, rows_;
};

}  // namespace basketlift
