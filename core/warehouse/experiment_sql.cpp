// The experiment part of the aggregates query: each unit (a session of the sessions table, else
// a session named by orders, else an order) with its arm, channel, segment and outcomes; the
// caps; and per slice and arm the sums the tests need (analysis/experiment.h, ExperimentSums).
#include <iterator>
#include <span>

#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

// Units from the sessions table: every session row is a unit; its orders give its outcomes and
// the arm, channel and segment the row leaves empty.
void add_session_units(QueryBuilder& query, const std::string& name, QueryBuilder::Use use) {
  query.cte("unit_orders", "The sale orders of each session.",
            "  SELECT session_id, COUNT(*) AS orders, SUM(revenue) AS revenue,\n"
            "    SUM(margin) AS margin, MIN(variant) AS variant, MIN(channel) AS channel,\n"
            "    MIN(segment) AS segment, MIN(customer_id) AS customer_id\n"
            "  FROM order_money WHERE session_id IS NOT NULL GROUP BY session_id\n");
  query.cte(name,
            "A session converted when its row says so, or (when the row is silent) it has an "
            "order.",
            "  SELECT s.session_id AS unit, COALESCE(s.variant, o.variant) AS arm,\n"
            "    COALESCE(s.channel, o.channel) AS channel, COALESCE(s.segment, o.segment) AS "
            "segment,\n"
            "    COALESCE(o.orders, 0) AS orders, COALESCE(o.revenue, 0) AS revenue,\n"
            "    COALESCE(o.margin, 0) AS margin, COALESCE(s.customer_id, o.customer_id) AS "
            "customer_id,\n"
            "    CASE WHEN s.said THEN s.said_converted ELSE COALESCE(o.orders, 0) > 0 END AS "
            "converted\n"
            "  FROM session_list AS s LEFT JOIN unit_orders AS o ON o.session_id = s.session_id\n",
            use);
  query.cte("unit_kind", "The randomisation unit.", "  SELECT 'session' AS kind\n");
  query.cte("orders_outside", "Sale orders whose session has no row in the sessions table.",
            "  SELECT COUNT(*) AS orders FROM order_money AS o\n"
            "  LEFT JOIN session_list AS s ON s.session_id = o.session_id\n"
            "  WHERE s.session_id IS NULL\n");
}

// Without a sessions table: the sessions orders name are the units (every one bought), or,
// when no order names one, each order is its own unit.
void add_order_units(QueryBuilder& query, const std::string& name, QueryBuilder::Use use) {
  query.cte("unit_kind", "Sessions named by orders, else orders.",
            "  SELECT CASE WHEN COUNT(session_id) > 0 THEN 'order_session' ELSE 'order' END AS "
            "kind\n"
            "  FROM order_money\n");
  query.cte(name, "Each unit's orders, arm, channel and segment.",
            "  SELECT CASE WHEN k.kind = 'order' THEN o.order_id ELSE o.session_id END AS unit,\n"
            "    MIN(o.variant) AS arm, MIN(o.channel) AS channel, MIN(o.segment) AS segment,\n"
            "    COUNT(*) AS orders, SUM(o.revenue) AS revenue, SUM(o.margin) AS margin,\n"
            "    MIN(o.customer_id) AS customer_id, TRUE AS converted\n"
            "  FROM order_money AS o CROSS JOIN unit_kind AS k\n"
            "  WHERE k.kind = 'order' OR o.session_id IS NOT NULL\n"
            "  GROUP BY 1\n",
            use);
  query.cte("orders_outside", "Sale orders without a session when sessions are the units.",
            "  SELECT COUNT(*) AS orders FROM order_money AS o CROSS JOIN unit_kind AS k\n"
            "  WHERE k.kind = 'order_session' AND o.session_id IS NULL\n");
}

// With an offers table: each unit's impressions, acceptances and the placements it saw; a unit
// its session row and orders leave without an arm takes its impressions' (the smallest).
void add_unit_impressions(QueryBuilder& query) {
  query.cte("unit_shown", "Impressions by the unit they were shown in.",
            "  SELECT CASE WHEN k.kind = 'order' THEN s.order_id ELSE s.session_id END AS unit,\n"
            "    s.placement, s.accepted, s.variant\n"
            "  FROM shown AS s CROSS JOIN unit_kind AS k\n");
  query.cte("unit_impressions", "Each unit's impressions, acceptances and impressions' arm.",
            "  SELECT unit, COUNT(*) AS impressions, SUM(accepted) AS accepted, MIN(variant) AS "
            "variant\n"
            "  FROM unit_shown WHERE unit IS NOT NULL GROUP BY unit\n",
            QueryBuilder::Use::once);
  query.cte("unit_placements", "The placements each unit saw.",
            "  SELECT DISTINCT unit, placement FROM unit_shown WHERE unit IS NOT NULL\n");
  query.cte("units", "The units with their impressions.",
            "  SELECT u.unit, COALESCE(u.arm, i.variant) AS arm, u.channel, u.segment, u.orders,\n"
            "    u.revenue, u.margin, u.customer_id, u.converted, COALESCE(i.impressions, 0) AS "
            "impressions,\n"
            "    COALESCE(i.accepted, 0) AS accepted\n"
            "  FROM unit_outcomes AS u LEFT JOIN unit_impressions AS i ON i.unit = u.unit\n");
}

// The nearest-rank percentile `p` of the non-zero values of units.`column` (the engine's rule:
// position ceil(p·n) of the sorted values, computed in double as the engine computes it).
std::string percentile(const QueryBuilder& query, const std::string& column, double p) {
  const std::string rank = "CEIL(CAST(" + QueryBuilder::double_literal(p) + " AS " +
                           query.syntax().double_type() + ") * n)";
  return "(SELECT MIN(v) FROM (SELECT " + column + " AS v, ROW_NUMBER() OVER (ORDER BY " + column +
         ") AS r,\n      COUNT(*) OVER () AS n FROM units WHERE " + column +
         " <> 0) AS ranked\n    WHERE r = CASE WHEN " + rank + " BETWEEN 1 AND n THEN " + rank +
         " ELSE n END)";
}

// Caps from settings.capping: revenue and margin per unit winsorised at percentiles of the
// non-zero values of all units.
void add_caps(QueryBuilder& query) {
  const Settings& s = query.request().settings;
  if (s.capping == Capping::off) {
    query.cte("capped_units", "No capping (settings.capping is off).",
              "  SELECT u.*, revenue AS capped_revenue, margin AS capped_margin FROM units AS u\n",
              QueryBuilder::Use::once);
    return;
  }
  const bool two_sided = s.capping == Capping::two_sided;
  const std::string low = two_sided ? "" : "CAST(NULL AS " + query.syntax().decimal() + ")";
  query.cte("caps",
            "Caps at the " + QueryBuilder::double_literal(s.capping_percentile) +
                " percentile (nearest rank) of the units' non-zero values" +
                (two_sided ? ", and at its complement below" : "") + ".",
            "  SELECT\n    " +
                (two_sided ? percentile(query, "revenue", 1 - s.capping_percentile) : low) +
                " AS revenue_low,\n    " + percentile(query, "revenue", s.capping_percentile) +
                " AS revenue_high,\n    " +
                (two_sided ? percentile(query, "margin", 1 - s.capping_percentile) : low) +
                " AS margin_low,\n    " + percentile(query, "margin", s.capping_percentile) +
                " AS margin_high\n");
  const auto clamp = [](const std::string& column) {
    return "LEAST(GREATEST(u." + column + ", COALESCE(c." + column + "_low, u." + column +
           ")), COALESCE(c." + column + "_high, u." + column + "))";
  };
  query.cte("capped_units", "Each unit's revenue and margin within the caps.",
            "  SELECT u.*, " + clamp("revenue") + " AS capped_revenue,\n    " + clamp("margin") +
                " AS capped_margin\n  FROM units AS u CROSS JOIN caps AS c\n",
            QueryBuilder::Use::once);
}

}  // namespace

std::string arm_sums_columns(const SqlSyntax& sql) {
  const auto with_orders = [&](const std::string& sum) {
    return "COALESCE(" + sql.sum_if(sum, "orders > 0") + ", 0)";
  };
  return "COUNT(*) AS units, SUM(converted) AS converted, SUM(orders) AS orders,\n"
         "    SUM(revenue) AS revenue_sum, SUM(revenue_sq) AS revenue_sum_sq,\n"
         "    SUM(margin) AS margin_sum, SUM(margin_sq) AS margin_sum_sq,\n"
         "    " +
         sql.count_if("orders > 0") +
         " AS aov_n,\n"
         "    " +
         with_orders("revenue") + " AS aov_sum_m, " + with_orders("orders") +
         " AS aov_sum_d,\n"
         "    " +
         with_orders("revenue_sq") + " AS aov_sum_mm, " + with_orders("orders_sq") +
         " AS aov_sum_dd,\n"
         "    " +
         with_orders("revenue_orders") +
         " AS aov_sum_md,\n"
         "    " +
         sql.count_if("impressions > 0") +
         " AS acceptance_n, SUM(accepted) AS "
         "acceptance_sum_m,\n"
         "    SUM(impressions) AS acceptance_sum_d, SUM(accepted * accepted) AS "
         "acceptance_sum_mm,\n"
         "    SUM(impressions * impressions) AS acceptance_sum_dd,"
         " SUM(accepted * impressions) AS acceptance_sum_md\n";
}

namespace {

// Per slice and arm: the counts and sums of experiment.h's ArmStats.
void add_slice_stats(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const bool offers = !query.request().offers.empty();
  const std::string revenue = sql.rounded("capped_revenue"), margin = sql.rounded("capped_margin");
  query.cte("unit_terms", "Each tagged unit's terms of the sums, computed once.",
            "  SELECT unit, arm, channel, segment, customer_id,\n"
            "    CASE WHEN converted THEN 1 ELSE 0 END AS converted,\n"
            "    orders, capped_revenue AS revenue, capped_margin AS margin,\n"
            "    " +
                revenue + " * " + revenue +
                " AS revenue_sq,\n"
                "    " +
                margin + " * " + margin +
                " AS margin_sq,\n"
                "    " +
                revenue + " * orders AS revenue_orders, orders * orders AS orders_sq,\n    " +
                (offers ? "impressions, accepted" : "0 AS impressions, 0 AS accepted") +
                "\n  FROM capped_units WHERE arm IS NOT NULL\n",
            QueryBuilder::Use::many);
  std::string body =
      "  SELECT CASE WHEN GROUPING(channel) = 0 THEN 'channel:' || channel\n"
      "    WHEN GROUPING(segment) = 0 THEN 'segment:' || segment ELSE 'all' END AS slice,\n"
      "    arm, " +
      arm_sums_columns(sql) +
      "  FROM unit_terms\n"
      "  GROUP BY GROUPING SETS ((arm), (arm, channel), (arm, segment))\n"
      "  HAVING NOT (GROUPING(channel) = 0 AND channel IS NULL)\n"
      "    AND NOT (GROUPING(segment) = 0 AND segment IS NULL)\n";
  if (offers) {
    body += "  UNION ALL\n  SELECT 'placement:' || p.placement, arm, " + arm_sums_columns(sql) +
            "  FROM unit_terms AS t JOIN unit_placements AS p ON p.unit = t.unit\n"
            "  GROUP BY p.placement, arm\n";
  }
  query.cte(
      "slice_stats",
      "Sums per slice (all, each channel, segment and placement shown) and arm: units,\n"
      "-- conversions, orders; revenue and margin per unit (n, Σ, Σ²); revenue over orders among\n"
      "-- units with an order and acceptances over impressions among units shown an offer\n"
      "-- (n, Σm, Σd, Σm², Σd², Σmd).",
      body);
}

}  // namespace

void add_experiment_query(QueryBuilder& query) {
  query.cte("order_money",
            "Each sale order's money in the currency scope (0 outside it), as units sum it.",
            "  SELECT order_id, session_id, variant, channel, segment, customer_id,\n"
            "    CASE WHEN in_scope THEN COALESCE(revenue, 0) ELSE 0 END AS revenue,\n"
            "    CASE WHEN in_scope THEN COALESCE(margin, 0) ELSE 0 END AS margin\n"
            "  FROM scoped_orders\n");
  const bool offers = !query.request().offers.empty();
  // With offers, the units' outcomes are read once, by `units`, which adds their impressions.
  const std::string units = offers ? "unit_outcomes" : "units";
  const QueryBuilder::Use use = offers ? QueryBuilder::Use::once : QueryBuilder::Use::many;
  if (query.request().sessions.empty()) {
    add_order_units(query, units, use);
  } else {
    add_session_units(query, units, use);
  }
  if (offers) add_unit_impressions(query);
  add_caps(query);
  add_slice_stats(query);
}

void add_experiment_rows(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const auto experiment = [&](const std::string& measure, const std::string& value,
                              const std::string& from) {
    query.row("experiment", "''", "''", sql_string(measure), value, from);
  };
  experiment("unit", "kind", "FROM unit_kind");
  experiment("untagged_units", sql.as_text("COUNT(*)"), "FROM units WHERE arm IS NULL");
  experiment("orders_outside_units", sql.as_text("orders"), "FROM orders_outside");
  experiment("costs_known",
             sql.as_text("CASE WHEN " + sql.any("margin <> 0") + " THEN 1 ELSE 0 END"),
             "FROM order_money");
  if (query.request().settings.capping != Capping::off) {
    for (const std::string money : {"revenue", "margin"}) {
      for (const std::string bound : {"low", "high"}) {
        const std::string column = money + "_" + bound;
        experiment(money + "_cap_" + bound, sql.as_text(column),
                   "FROM caps WHERE " + column + " IS NOT NULL");
      }
    }
  }
  const std::pair<const char*, const char*> totals[] = {
      {"units", "COUNT(*)"},        {"converted", "SUM(CASE WHEN converted THEN 1 ELSE 0 END)"},
      {"orders", "SUM(orders)"},    {"revenue", "SUM(revenue)"},
      {"margin", "SUM(margin)"},    {"impressions", "SUM(impressions)"},
      {"accepted", "SUM(accepted)"}};
  const std::size_t offer_totals = query.request().offers.empty() ? 2 : 0;
  for (const auto& [total, value] : std::span(totals).first(std::size(totals) - offer_totals)) {
    query.row("arm_total", "''", "arm", sql_string(total), sql.as_text(value),
              "FROM units WHERE arm IS NOT NULL GROUP BY arm");
  }
  query.packed_row("arm", "slice", "arm", "arm_sums", "FROM slice_stats");
}

}  // namespace basketlift
