// The pre-period part of the aggregates query (analysis/cuped.h): each customer's orders and
// offer impressions in the settings.cuped_pre_period_days before their first unit in the test,
// and per arm the sums of every unit's outcomes and its customer's pre-period values (with their
// products) from which the engine makes the adjusted estimates and the balance checks.
#include <cstdint>

#include "warehouse/packed_layouts.h"
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

// Whether a value of kCupedSumsLayout is money (rounded before it is multiplied, as the
// experiment's squares are).
bool is_money(std::string_view value) {
  return value == "revenue" || value == "margin" || value == "pre_revenue" || value == "pre_margin";
}

// Orders kept apart (cancelled or refunded) with their customer and time: an impression that
// names one takes its customer and time from it, as the engine's store holds every order.
void add_kept_apart_orders(QueryBuilder& query) {
  query.cte("cuped_kept_apart",
            "Orders kept apart (cancelled, refunded) with their customer and time.",
            "  SELECT order_id, customer_id, " + query.epoch_seconds("time_parts") +
                " AS placed_at\n"
                "  FROM (SELECT order_id, MIN(customer_id) AS customer_id, " +
                query.time_columns("MIN(placed)", "time_parts") +
                "\n"
                "    FROM order_lines WHERE status IS NOT NULL GROUP BY order_id" +
                query.syntax().fence() + ") AS o\n");
}

// Each customer's pre-period: sale orders, money in the currency scope, and impressions (their
// customer: their own, else their order's, else their session's; their time: their own, else
// their order's) in the window before the customer's first unit with an arm and a time.
void add_pre_period(QueryBuilder& query) {
  const bool offers = !query.request().offers.empty();
  const bool sessions = !query.request().sessions.empty();
  const std::string window = std::to_string(
      static_cast<std::int64_t>(query.request().settings.cuped_pre_period_days) * 86400);
  query.cte("cuped_firsts", "Each customer's first unit in the test (with an arm and a time).",
            "  SELECT t.customer_id, MIN(s.started_at) AS first_at\n"
            "  FROM unit_terms AS t JOIN unit_starts AS s ON s.unit = t.unit\n"
            "  WHERE t.customer_id IS NOT NULL AND s.started_at IS NOT NULL\n"
            "  GROUP BY t.customer_id\n");
  std::string history =
      "  SELECT f.customer_id, COUNT(*) AS orders, SUM(o.revenue) AS revenue,\n"
      "    SUM(o.margin) AS margin, 0 AS impressions, 0 AS accepted\n"
      "  FROM trend_orders AS o JOIN cuped_firsts AS f ON f.customer_id = o.customer_id\n"
      "  WHERE o.placed_at >= f.first_at - " +
      window +
      " AND o.placed_at < f.first_at\n"
      "  GROUP BY f.customer_id\n";
  if (offers) {
    add_kept_apart_orders(query);
    history +=
        "  UNION ALL\n"
        "  SELECT f.customer_id, 0, 0, 0, COUNT(*), SUM(i.accepted)\n"
        "  FROM (SELECT COALESCE(i.customer_id, o.customer_id, k.customer_id" +
        std::string(sessions ? ", l.customer_id" : "") +
        ") AS customer_id,\n"
        "      COALESCE(i.shown_at, o.placed_at, k.placed_at) AS shown_at, i.accepted\n"
        "    FROM shown AS i LEFT JOIN trend_orders AS o ON o.order_id = i.order_id\n"
        "    LEFT JOIN cuped_kept_apart AS k ON k.order_id = i.order_id\n" +
        (sessions ? "    LEFT JOIN session_list AS l ON l.session_id = i.session_id\n" : "") +
        "  ) AS i JOIN cuped_firsts AS f ON f.customer_id = i.customer_id\n"
        "  WHERE i.shown_at >= f.first_at - " +
        window +
        " AND i.shown_at < f.first_at\n"
        "  GROUP BY f.customer_id\n";
  }
  query.cte("cuped_history",
            "Each customer's sale orders, their money (currency scope) and impressions in the\n"
            "-- pre-period: the cuped_pre_period_days before their first unit, strictly.",
            "  SELECT customer_id, SUM(orders) AS orders, SUM(revenue) AS revenue,\n"
            "    SUM(margin) AS margin, SUM(impressions) AS impressions, SUM(accepted) AS "
            "accepted\n"
            "  FROM (\n" +
                history + "  ) AS h GROUP BY customer_id\n");
}

// Per tagged unit its outcomes (revenue and margin within the caps) and its customer's pre-period
// values; per arm their sums and the sums of their products (the cuped_sums layout).
void add_cuped_arms(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  query.cte(
      "cuped_units",
      "Each tagged unit's outcomes and its customer's pre-period: orders, revenue and\n"
      "-- margin (0 and no_orders = 1 without a pre-period order), impressions and\n"
      "-- acceptances (0 and not_shown = 1 without a pre-period impression).",
      "  SELECT t.arm, t.converted, t.orders, t.revenue, t.margin, t.impressions, "
      "t.accepted,\n"
      "    CASE WHEN h.orders > 0 THEN h.orders ELSE 0 END AS pre_orders,\n"
      "    CASE WHEN h.orders > 0 THEN h.revenue ELSE 0 END AS pre_revenue,\n"
      "    CASE WHEN h.orders > 0 THEN h.margin ELSE 0 END AS pre_margin,\n"
      "    CASE WHEN h.orders > 0 THEN 0 ELSE 1 END AS no_orders,\n"
      "    CASE WHEN h.impressions > 0 THEN h.accepted ELSE 0 END AS pre_accepted,\n"
      "    CASE WHEN h.impressions > 0 THEN h.impressions ELSE 0 END AS pre_impressions,\n"
      "    CASE WHEN h.impressions > 0 THEN 0 ELSE 1 END AS not_shown\n"
      "  FROM unit_terms AS t LEFT JOIN cuped_history AS h ON h.customer_id = t.customer_id\n",
      QueryBuilder::Use::once);
  const auto factor = [&](std::string_view value) {
    return is_money(value) ? sql.rounded(value) : std::string(value);
  };
  std::string sums = "COUNT(*) AS units";
  for (const std::string_view measure : kCupedSumsLayout) {
    if (measure == "units") continue;
    const std::size_t by = measure.find("_by_");
    const std::string term = by == std::string_view::npos ? std::string(measure)
                                                          : factor(measure.substr(0, by)) + " * " +
                                                                factor(measure.substr(by + 4));
    sums += ",\n    SUM(" + term + ") AS " + std::string(measure);
  }
  query.cte("cuped_arms",
            "Per arm: units, the sum of each value and of the products of each metric's values.",
            "  SELECT arm, " + sums + "\n  FROM cuped_units GROUP BY arm\n");
}

}  // namespace

void add_cuped_query(QueryBuilder& query) {
  add_pre_period(query);
  add_cuped_arms(query);
}

void add_cuped_rows(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  query.row("cuped", "''", "''", "'units_with_customer'", sql.as_text("COUNT(customer_id)"),
            "FROM units");
  query.row("cuped", "''", "''", "'customers_with_pre_period'", sql.as_text("COUNT(*)"),
            "FROM cuped_history");
  query.packed_row("cuped_arm", "''", "arm", "cuped_sums", "FROM cuped_arms");
}

}  // namespace basketlift
