// The customer value part of the aggregates query (analysis/ltv.h): per horizon of
// ltv_windows_days, customers who took an offer and those who never did, among customers whose
// whole horizon after their first order lies inside the data — how many, how many ordered again
// within it, and the sum and sum of squares of their revenue within it.
#include "warehouse/query_sections.h"

namespace basketlift {

void add_ltv_query(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const bool offers = !query.request().offers.empty();
  const bool sessions = !query.request().sessions.empty();
  query.cte("ltv_orders",
            "Sale orders with a customer and an ISO 8601 time, and their revenue in the currency\n"
            "-- scope (their time parsed once, for the trends).",
            "  SELECT customer_id, placed_at, revenue FROM trend_orders\n"
            "  WHERE customer_id IS NOT NULL AND placed_at IS NOT NULL\n");
  std::string adopters =
      "  SELECT DISTINCT o.customer_id FROM sale_lines AS l\n"
      "  JOIN sale_orders AS o ON o.order_id = l.order_id\n"
      "  WHERE l.rec_id IS NOT NULL AND o.customer_id IS NOT NULL\n";
  if (offers) {
    adopters += "  " + sql.union_distinct() +
                "\n"
                "  SELECT COALESCE(i.customer_id, o.customer_id" +
                std::string(sessions ? ", s.customer_id" : "") +
                ") FROM shown AS i\n"
                "  LEFT JOIN sale_orders AS o ON o.order_id = i.order_id\n" +
                (sessions ? "  LEFT JOIN session_list AS s ON s.session_id = i.session_id\n" : "") +
                "  WHERE i.accepted = 1\n";
  }
  query.cte("ltv_adopters",
            "Customers who took an offer: an order line with a rec_id, or an accepted impression\n"
            "-- (its customer, else its order's, else its session's).",
            adopters);
  query.cte("ltv_customers", "Each customer's first order, and whether they took an offer.",
            "  SELECT o.customer_id, MIN(o.placed_at) AS first_at,\n"
            "    CASE WHEN MAX(a.customer_id) IS NULL THEN 0 ELSE 1 END AS adopter\n"
            "  FROM ltv_orders AS o LEFT JOIN ltv_adopters AS a ON a.customer_id = o.customer_id\n"
            "  GROUP BY o.customer_id\n");
  std::string horizons;
  for (int days : query.request().settings.ltv_windows_days)
    horizons += std::string(horizons.empty() ? "" : " UNION ALL ") + "SELECT " +
                std::to_string(days) + " AS days";
  const std::string revenue = sql.rounded("revenue");
  query.cte(
      "ltv_windows",
      "Per horizon and group: customers whose horizon ends by the last order, those with a\n"
      "-- second order within it, and their revenue within it (first order included).",
      "  SELECT days, adopter, COUNT(*) AS customers,\n"
      "    SUM(CASE WHEN orders > 1 THEN 1 ELSE 0 END) AS repeaters,\n"
      "    SUM(revenue) AS revenue_sum, SUM(" +
          revenue + " * " + revenue +
          ") AS revenue_sum_sq\n"
          "  FROM (SELECT w.days, c.customer_id, c.adopter, COUNT(*) AS orders, SUM(o.revenue) AS "
          "revenue\n"
          "    FROM ltv_customers AS c CROSS JOIN (" +
          horizons +
          ") AS w\n"
          "    JOIN ltv_orders AS o ON o.customer_id = c.customer_id\n"
          "    WHERE c.first_at + w.days * 86400 <= (SELECT MAX(placed_at) FROM ltv_orders)\n"
          "      AND o.placed_at <= c.first_at + w.days * 86400\n"
          "    GROUP BY w.days, c.customer_id, c.adopter) AS c\n"
          "  GROUP BY days, adopter\n");
}

void add_ltv_rows(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const bool offers = !query.request().offers.empty();
  const bool sessions = !query.request().sessions.empty();
  std::string named = "SELECT customer_id FROM order_lines WHERE customer_id IS NOT NULL";
  if (sessions)
    named += " UNION ALL SELECT customer_id FROM session_list WHERE customer_id IS NOT NULL";
  if (offers)
    named += " UNION ALL SELECT customer_id FROM impressions WHERE customer_id IS NOT NULL";
  query.row("ltv", "''", "''", "'customers_named'",
            sql.as_text("CASE WHEN COUNT(*) > 0 THEN 1 ELSE 0 END"),
            "FROM (" + named + " LIMIT 1) AS c");
  query.row("ltv", "''", "''", "'customers'", sql.as_text("COUNT(*)"), "FROM ltv_customers");
  query.row("ltv", "''", "''", "'adopters'", sql.as_text("COALESCE(SUM(adopter), 0)"),
            "FROM ltv_customers");
  query.row("ltv", "''", "''", "'data_end'", sql.as_text("MAX(placed_at)"),
            "FROM ltv_orders HAVING COUNT(*) > 0");
  query.packed_row("ltv_window", sql.as_text("days"),
                   "CASE WHEN adopter = 1 THEN 'adopters' ELSE 'others' END", "ltv_sums",
                   "FROM ltv_windows");
}

}  // namespace basketlift
