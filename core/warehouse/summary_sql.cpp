// The settings row, the tables' accounts and rejections, and the summary's counts and sums.
#include "util/json_writer.h"
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

void summary(QueryBuilder& query, const std::string& measure, const std::string& value,
             const std::string& from) {
  query.row("summary", "''", "''", sql_string(measure), query.syntax().as_text(value), from);
}
// A table's rows read (the file's reader derives rows used from the rejections), counted in
// its kept step of checked rows (one a row), so that its rows as text are read once, streamed.
void table(QueryBuilder& query, const std::string& name, const std::string& checked_rows) {
  query.row("table", sql_string(name), "''", "'rows_read'", query.syntax().as_text("COUNT(*)"),
            "FROM " + checked_rows);
}
// A table's rejected rows by reason and column (`rejected_rows`: a CTE with `rejection`, as
// reason:column, and `value`, the failing column's text), and up to request().examples of
// their distinct values per reason (the smallest), the only raw values the file carries.
void rejected(QueryBuilder& query, const std::string& name, const std::string& rejected_rows) {
  const SqlSyntax& sql = query.syntax();
  const std::string reason = sql.split_part("rejection", ":", 1),
                    column = sql.split_part("rejection", ":", 2);
  query.row("rejected", sql_string(name), reason, column, sql.as_text("COUNT(*)"),
            "FROM " + rejected_rows + " GROUP BY rejection");
  const std::size_t examples = query.request().examples;
  if (examples == 0) return;
  query.row(
      "rejected_example", sql_string(name), reason, column, "COALESCE(substr(value, 1, 120), '')",
      "FROM (SELECT rejection, value,\n    ROW_NUMBER() OVER (PARTITION BY rejection ORDER BY "
      "value) AS k\n    FROM (SELECT DISTINCT rejection, value FROM " +
          rejected_rows + ") AS d) AS e\n  WHERE k <= " + std::to_string(examples));
}

}  // namespace

void add_summary_rows(QueryBuilder& query) {
  JsonWriter settings;
  query.request().settings.write_json(settings);
  query.row("settings", "''", "''", "'document'", query.syntax().string(settings.str()), "");
  for (const auto& [measure, date] :
       {std::pair{"from", query.request().from}, std::pair{"to", query.request().to}}) {
    if (!date.empty()) query.row("period", "''", "''", sql_string(measure), sql_string(date), "");
  }
  table(query, "orders", "order_checked");
  rejected(query, "orders", "order_rejections");
  if (!query.request().products.empty()) {
    table(query, "products", "product_checked");
    rejected(query, "products", "product_rejections");
  }
  summary(query, "orders", "COUNT(*)", "FROM sale_orders");
  summary(query, "order_lines", "COUNT(*)", "FROM sale_lines");
  summary(query, "cancelled_orders", "COUNT(*)",
          "FROM order_status WHERE status = 'cancelled_order'");
  summary(query, "refunded_orders", "COUNT(*)",
          "FROM order_status WHERE status = 'refunded_order'");
  summary(query, "money_orders", "COUNT(*)", "FROM scoped_orders WHERE in_scope");
  summary(query, "attached_orders", "COUNT(*)", "FROM sale_orders WHERE attached");
  // Whether the table has a rec_id column: asked of one row.
  std::string has_rec;
  for (const std::string& column : query.columns(Field::rec_id))
    has_rec += (has_rec.empty() ? "" : " OR ") + query.syntax().has_column("t", column);
  summary(query, "has_rec_column",
          "COALESCE((SELECT CASE WHEN " + has_rec + " THEN 1 ELSE 0 END FROM " +
              query.request().orders + " AS t LIMIT 1), 0)",
          "");
  query.cte("line_money",
            "The summary's money over the lines of orders in scope, in one pass: lines with a\n"
            "-- price and their revenue; lines whose cost is known, their margin and revenue.",
            "  SELECT COUNT(l.revenue) AS priced_lines, COALESCE(SUM(l.revenue), 0) AS revenue,\n"
            "    COUNT(l.revenue - l.cost) AS costed_lines,\n"
            "    COALESCE(SUM(l.revenue - l.cost), 0) AS margin,\n"
            "    COALESCE(SUM(CASE WHEN l.cost IS NOT NULL THEN l.revenue END), 0) AS "
            "revenue_with_cost\n"
            "  FROM line_values AS l\n"
            "  WHERE l.order_currency IS NULL OR l.order_currency = (SELECT currency FROM "
            "main_currency)\n");
  for (const char* measure :
       {"priced_lines", "revenue", "costed_lines", "margin", "revenue_with_cost"})
    summary(query, measure, measure, "FROM line_money");
  const std::string priced_orders = "FROM scoped_orders WHERE in_scope AND priced_lines > 0";
  summary(query, "order_revenue_n", "COUNT(*)", priced_orders);
  summary(query, "order_revenue_sum", "COALESCE(SUM(" + query.syntax().rounded("revenue") + "), 0)",
          priced_orders);
  summary(query, "order_revenue_sum_sq",
          "COALESCE(SUM(" + query.syntax().rounded("revenue") + " * " +
              query.syntax().rounded("revenue") + "), 0)",
          priced_orders);
  query.row("summary", "''", "''", "'currency'", "currency", "FROM main_currency");
  query.row("currency", "''", "currency", "'orders'", query.syntax().as_text("COUNT(*)"),
            "FROM scoped_orders WHERE NOT in_scope GROUP BY currency");
  query.row("currency", "''", "currency", "'revenue'",
            query.syntax().as_text("COALESCE(SUM(revenue), 0)"),
            "FROM scoped_orders WHERE NOT in_scope GROUP BY currency");
  if (!query.request().offers.empty()) {
    table(query, "offers", "offer_checked");
    rejected(query, "offers", "offer_rejections");
  }
  if (!query.request().sessions.empty()) {
    table(query, "sessions", "session_checked");
    rejected(query, "sessions", "session_rejections");
    summary(query, "sessions", "COUNT(*)", "FROM session_list");
    summary(query, "converted_sessions", "COUNT(*)",
            "FROM session_list AS s LEFT JOIN ordering_sessions AS o ON o.session_id = "
            "s.session_id\n"
            "  WHERE s.said_converted OR (NOT s.said AND o.session_id IS NOT NULL)");
  }
}

}  // namespace basketlift
