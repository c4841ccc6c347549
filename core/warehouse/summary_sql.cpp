// The settings row, the tables' accounts and rejections, and the summary's counts and sums.
#include "util/json_writer.h"
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

void summary(QueryBuilder& query, const std::string& measure, const std::string& value,
             const std::string& from) {
  query.row("summary", "''", "''", sql_string(measure), query.syntax().as_text(value), from);
}
// A table's rows read (the file's reader derives rows used from the rejections).
void table(QueryBuilder& query, const std::string& name, const std::string& rows_cte) {
  query.row("table", sql_string(name), "''", "'rows_read'", query.syntax().as_text("COUNT(*)"),
            "FROM " + rows_cte);
}
void rejected(QueryBuilder& query, const std::string& name, const std::string& from) {
  query.row("rejected", sql_string(name), "split_part(rejection, ':', 1)",
            "split_part(rejection, ':', 2)", query.syntax().as_text("COUNT(*)"),
            from + " GROUP BY rejection");
}

}  // namespace

void add_summary_rows(QueryBuilder& query) {
  JsonWriter settings;
  query.request().settings.write_json(settings);
  query.row("settings", "''", "''", "'document'", sql_string(settings.str()), "");
  table(query, "orders", "order_rows");
  rejected(query, "orders", "FROM order_rejections");
  if (!query.request().products.empty()) {
    table(query, "products", "product_rows");
    rejected(query, "products", "FROM product_checked WHERE rejection IS NOT NULL");
  }
  summary(query, "orders", "COUNT(*)", "FROM sale_orders");
  summary(query, "order_lines", "COUNT(*)", "FROM sale_lines");
  summary(query, "cancelled_orders", "COUNT(*)",
          "FROM order_status WHERE status = 'cancelled_order'");
  summary(query, "refunded_orders", "COUNT(*)",
          "FROM order_status WHERE status = 'refunded_order'");
  summary(query, "money_orders", "COUNT(*)", "FROM scoped_orders WHERE in_scope");
  summary(query, "attached_orders", "COUNT(*)", "FROM sale_orders WHERE attached");
  summary(query, "has_rec_column", "CASE WHEN bool_or(has_rec_column) THEN 1 ELSE 0 END",
          "FROM order_text");
  const std::string in_scope =
      "FROM line_values AS l JOIN scoped_orders AS o ON o.order_id = l.order_id\n"
      "  WHERE o.in_scope";
  summary(query, "priced_lines", "COUNT(l.revenue)", in_scope);
  summary(query, "revenue", "COALESCE(SUM(l.revenue), 0)", in_scope);
  summary(query, "costed_lines", "COUNT(l.revenue - l.cost)", in_scope);
  summary(query, "margin", "COALESCE(SUM(l.revenue - l.cost), 0)", in_scope);
  summary(query, "revenue_with_cost",
          "COALESCE(SUM(CASE WHEN l.cost IS NOT NULL THEN l.revenue END), 0)", in_scope);
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
  if (!query.request().sessions.empty()) {
    table(query, "sessions", "session_rows");
    rejected(query, "sessions", "FROM session_checked WHERE rejection IS NOT NULL");
    query.row("rejected", "'sessions'", "'duplicate_session'", "'session_id'",
              query.syntax().as_text("COALESCE(SUM(session_rows - 1), 0)"),
              "FROM session_list HAVING SUM(session_rows - 1) > 0");
    summary(query, "sessions", "COUNT(*)", "FROM session_list");
    summary(query, "converted_sessions", "COUNT(*)",
            "FROM session_list AS s LEFT JOIN ordering_sessions AS o ON o.session_id = "
            "s.session_id\n"
            "  WHERE s.said_converted OR (NOT s.said AND o.session_id IS NOT NULL)");
  }
}

}  // namespace basketlift
