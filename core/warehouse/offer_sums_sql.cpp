// The offers' sums in the aggregates query (analysis/offers.h, OfferSums): per offer its facts,
// its lines' value and margin, the moments of margin per impression over the units it was shown
// or sold in, the orders it was exposed to, the arms that showed it, and its sums per segment and
// channel; per placement, group and arm the experiment's conversions.
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

// The six sums of margin per impression over the rows of offer_pairs (`alias`.): n, Σ margin,
// Σ impressions, Σ margin², Σ impressions², Σ margin × impressions.
std::string margin_sums(const QueryBuilder& query, const std::string& alias) {
  const std::string m = query.syntax().rounded(alias + "margin"), d = alias + "impressions";
  return "COUNT(*) AS margin_n, SUM(" + alias + "margin) AS margin_sum_m, SUM(" + d +
         ") AS margin_sum_d,\n    SUM(" + m + " * " + m + ") AS margin_sum_mm, SUM(" + d + " * " +
         d + ") AS margin_sum_dd,\n    SUM(" + m + " * " + d + ") AS margin_sum_md";
}

}  // namespace

void add_scoped_lines(QueryBuilder& query) {
  const bool catalogue = !query.request().products.empty();
  const bool offers = !query.request().offers.empty();
  const std::string none = "CAST(NULL AS " + query.syntax().decimal() + ")";
  const std::string anchor_price = offers && catalogue ? "a.price" : none;
  const std::string anchor_cost =
      offers && catalogue ? "COALESCE(a.unit_cost, a.price * (1 - a.margin_pct * 0.01))" : none;
  const std::string upsell = offers ? "f.type = 'upsell' AND " : "FALSE AND ";
  query.cte(
      "scoped_lines",
      "Sale lines with their revenue in the currency scope (NULL outside it or without a price);\n"
      "-- a line carrying a rec_id also with the value and margin its offer brought (SPEC §3.1):\n"
      "-- an upsell's less the anchor's catalogue price and margin.",
      "  SELECT l.order_id, l.product, l.product_name, l.rec_id, l.scoped_revenue AS revenue,\n"
      "    l.scoped_revenue - l.cost AS margin,\n"
      "    CASE WHEN l.rec_id IS NULL THEN NULL WHEN " +
          upsell + anchor_price + " IS NOT NULL THEN l.scoped_revenue - l.quantity * " +
          anchor_price +
          " ELSE l.scoped_revenue END AS offer_value,\n"
          "    CASE WHEN l.rec_id IS NULL THEN NULL WHEN " +
          upsell + anchor_price + " IS NOT NULL AND " + anchor_cost +
          " IS NOT NULL\n"
          "      THEN l.scoped_revenue - l.cost - l.quantity * (" +
          anchor_price + " - " + anchor_cost +
          ")\n"
          "      ELSE l.scoped_revenue - l.cost END AS offer_margin\n"
          "  FROM (SELECT *, CASE WHEN order_currency IS NULL OR order_currency =\n"
          "      (SELECT currency FROM main_currency) THEN revenue END AS scoped_revenue\n"
          "    FROM line_values) AS l\n" +
          (offers ? "  LEFT JOIN offer_shown_facts AS f ON f.rec_id = l.rec_id\n" : "") +
          (offers && catalogue ? "  LEFT JOIN catalogue AS a ON a.product = f.anchor\n" : ""));
}

namespace {

// The lines carrying a rec_id, with their offer's value and margin and the unit of their order.
void add_offer_lines(QueryBuilder& query) {
  query.cte("offer_line_values", "Lines carrying a rec_id, with the unit of their order.",
            "  SELECT l.rec_id, l.order_id, COALESCE('s:' || o.session_id, 'o:' || l.order_id) AS "
            "unit,\n"
            "    l.offer_value AS value, l.offer_margin AS margin\n"
            "  FROM scoped_lines AS l JOIN sale_orders AS o ON o.order_id = l.order_id\n"
            "  WHERE l.rec_id IS NOT NULL\n");
  query.cte("offer_pairs",
            "Per offer and unit: impressions, acceptances, and the margin of its lines there.",
            "  SELECT rec_id, unit, SUM(impressions) AS impressions, SUM(accepted) AS accepted,\n"
            "    SUM(margin) AS margin\n"
            "  FROM (SELECT rec_id, unit, 1 AS impressions, accepted, 0 AS margin FROM shown\n"
            "    UNION ALL\n"
            "    SELECT rec_id, unit, 0, 0, margin FROM offer_line_values WHERE margin IS NOT "
            "NULL) AS p\n"
            "  GROUP BY rec_id, unit\n");
}

// Who each unit's shopper is: a session's segment and channel (its row's, else its orders'),
// whether it bought; an order's own.
void add_unit_profiles(QueryBuilder& query) {
  const bool sessions = !query.request().sessions.empty();
  query.cte("session_orders", "The sale orders of each session named by orders.",
            "  SELECT session_id, COUNT(*) AS orders, MIN(segment) AS segment, MIN(channel) AS "
            "channel\n"
            "  FROM sale_orders WHERE session_id IS NOT NULL GROUP BY session_id\n",
            QueryBuilder::Use::many);
  const std::string session_units =
      sessions ? "  SELECT 's:' || COALESCE(s.session_id, o.session_id) AS unit,\n"
                 "    COALESCE(s.segment, o.segment) AS segment, COALESCE(s.channel, o.channel)"
                 " AS channel,\n"
                 "    CASE WHEN s.said THEN s.said_converted ELSE COALESCE(o.orders, 0) > 0 END"
                 " AS converted\n"
                 "  FROM session_list AS s FULL JOIN session_orders AS o ON o.session_id = "
                 "s.session_id\n"
               : "  SELECT 's:' || session_id AS unit, segment, channel, TRUE AS converted\n"
                 "  FROM session_orders\n";
  query.cte("unit_profiles", "Each unit's segment, channel and whether it bought.",
            session_units +
                "  UNION ALL\n"
                "  SELECT 'o:' || order_id, segment, channel, TRUE FROM sale_orders\n",
            QueryBuilder::Use::once);
}

void add_offer_stats(QueryBuilder& query) {
  const bool catalogue = !query.request().products.empty();
  query.cte(
      "offer_moments", "Margin per impression over each offer's units: n, Σm, Σd, ...",
      "  SELECT rec_id, " + margin_sums(query, "") + "\n  FROM offer_pairs GROUP BY rec_id\n");
  query.cte("unit_order_counts", "The sale orders of each unit an impression names.",
            "  SELECT 's:' || session_id AS unit, orders FROM session_orders\n"
            "  UNION ALL\n"
            "  SELECT 'o:' || order_id, 1 FROM sale_orders\n",
            QueryBuilder::Use::once);
  query.cte("offer_exposure",
            "Orders placed in the sessions (or orders) each offer was shown in: a session's\n"
            "-- orders, else the order's.",
            "  SELECT e.rec_id, COALESCE(SUM(c.orders), 0) AS exposed_orders\n"
            "  FROM (SELECT DISTINCT rec_id, CASE WHEN session_id IS NOT NULL THEN 's:' || "
            "session_id\n"
            "      WHEN order_id IS NOT NULL THEN 'o:' || order_id END AS exposed_unit\n"
            "    FROM shown WHERE session_id IS NOT NULL OR order_id IS NOT NULL) AS e\n"
            "  LEFT JOIN unit_order_counts AS c ON c.unit = e.exposed_unit GROUP BY e.rec_id\n");
  query.cte("offer_lines", "Per offer: its lines, their orders, value and margin.",
            "  SELECT rec_id, COUNT(*) AS lines, COUNT(DISTINCT order_id) AS orders,\n"
            "    COALESCE(SUM(value), 0) AS revenue, COALESCE(SUM(margin), 0) AS margin,\n"
            "    COUNT(value) - COUNT(margin) AS lines_without_cost\n"
            "  FROM offer_line_values GROUP BY rec_id\n");
  const auto price = [&](const char* alias, const char* product) {
    if (!catalogue)
      return "    " + query.decimal("NULL") + " AS " + alias + "_price, " + query.decimal("NULL") +
             " AS " + alias + "_cost";
    // MIN of a product's one entry: Snowflake takes a correlated subquery only as an aggregate.
    return "    (SELECT MIN(price) FROM catalogue WHERE product = " + std::string(product) +
           ") AS " + alias +
           "_price,\n    (SELECT MIN(COALESCE(unit_cost, price * (1 - margin_pct * 0.01))) " +
           "FROM catalogue WHERE product = " + product + ") AS " + alias + "_cost";
  };
  query.cte("offer_stats", "Everything per offer: shown, sold, or both.",
            "  SELECT k.rec_id, f.type, f.placement, f.several_placements, f.anchor, f.offered,\n"
            "    f.impressions, f.accepted, f.first_shown, f.last_shown,\n"
            "    l.lines, l.orders, l.revenue, l.margin, l.lines_without_cost,\n"
            "    e.exposed_orders, m.margin_n, m.margin_sum_m, m.margin_sum_d, m.margin_sum_mm,\n"
            "    m.margin_sum_dd, m.margin_sum_md,\n" +
                price("anchor", "f.anchor") + ",\n" + price("offered", "f.offered") +
                "\n"
                "  FROM (SELECT rec_id FROM offer_shown_facts " +
                query.syntax().union_distinct() +
                " SELECT rec_id FROM "
                "offer_lines) AS k\n"
                "  LEFT JOIN offer_shown_facts AS f ON f.rec_id = k.rec_id\n"
                "  LEFT JOIN offer_lines AS l ON l.rec_id = k.rec_id\n"
                "  LEFT JOIN offer_exposure AS e ON e.rec_id = k.rec_id\n"
                "  LEFT JOIN offer_moments AS m ON m.rec_id = k.rec_id\n");
}

void add_offer_groups(QueryBuilder& query) {
  query.cte(
      "offer_groups",
      "Per offer and segment (or channel) of its units: margin per impression over all of them,\n"
      "-- acceptances over impressions over those it was shown in (n, Σm, Σm², Σmd: Σd and Σd²\n"
      "-- are the margin's), and how many of those bought.",
      "  SELECT p.rec_id, CASE WHEN GROUPING(u.segment) = 0 THEN 'segment:' || u.segment\n"
      "    ELSE 'channel:' || u.channel END AS grp,\n"
      "    " +
          margin_sums(query, "p.") +
          ",\n"
          "    " +
          query.syntax().count_if("p.impressions > 0") +
          " AS acceptance_n, SUM(p.accepted) AS "
          "acceptance_sum_m,\n"
          "    SUM(p.accepted * p.accepted) AS acceptance_sum_mm,"
          " SUM(p.accepted * p.impressions) AS acceptance_sum_md,\n"
          "    SUM(CASE WHEN p.impressions > 0 AND u.converted THEN 1 ELSE 0 END) AS converted\n"
          "  FROM offer_pairs AS p JOIN unit_profiles AS u ON u.unit = p.unit\n"
          "  GROUP BY GROUPING SETS ((p.rec_id, u.segment), (p.rec_id, u.channel))\n"
          "  HAVING NOT (GROUPING(u.segment) = 0 AND u.segment IS NULL)\n"
          "    AND NOT (GROUPING(u.channel) = 0 AND u.channel IS NULL)\n");
  if (query.request().sessions.empty()) return;
  query.cte("placement_groups",
            "Per placement, segment (or channel) and arm: the experiment's units that saw the\n"
            "-- placement, and how many bought.",
            "  SELECT p.placement, CASE WHEN GROUPING(u.segment) = 0 THEN 'segment:' || "
            "u.segment\n"
            "    ELSE 'channel:' || u.channel END AS grp, u.arm, COUNT(*) AS units,\n"
            "    SUM(CASE WHEN u.converted THEN 1 ELSE 0 END) AS converted\n"
            "  FROM unit_placements AS p JOIN units AS u ON u.unit = p.unit\n"
            "  WHERE u.arm IS NOT NULL\n"
            "  GROUP BY GROUPING SETS ((p.placement, u.segment, u.arm), (p.placement, u.channel,"
            " u.arm))\n"
            "  HAVING NOT (GROUPING(u.segment) = 0 AND u.segment IS NULL)\n"
            "    AND NOT (GROUPING(u.channel) = 0 AND u.channel IS NULL)\n");
}

}  // namespace

void add_offer_sums_query(QueryBuilder& query) {
  add_offer_lines(query);
  add_unit_profiles(query);
  add_offer_stats(query);
  add_offer_groups(query);
  const std::string label =
      query.request().sessions.empty() ? "s.variant" : "COALESCE(s.variant, l.variant)";
  query.cte("offer_arms", "The arms whose impressions showed each offer.",
            "  SELECT DISTINCT s.rec_id, " + label + " AS arm FROM shown AS s\n" +
                (query.request().sessions.empty()
                     ? ""
                     : "  LEFT JOIN session_list AS l ON l.session_id = s.session_id\n") +
                "  WHERE " + label + " IN (SELECT arm FROM units WHERE arm IS NOT NULL)\n");
}

void add_offer_rows(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const bool catalogue = !query.request().products.empty();
  query.row("offers", "''", "''", "'accepted_derived'", sql.as_text("COUNT(*)"),
            "FROM shown WHERE given IS NULL");
  query.row("offers", "''", "''", "'costs_known'",
            sql.as_text("CASE WHEN COUNT(unit_cost) > 0 THEN 1 ELSE 0 END"),
            catalogue
                ? "FROM (SELECT unit_cost FROM sale_lines UNION ALL SELECT COALESCE(unit_cost,"
                  " margin_pct) FROM catalogue) AS c"
                : "FROM sale_lines");
  for (const char* text : {"type", "placement", "anchor", "offered"}) {
    query.row("offer", "rec_id", "''", sql_string(text), text,
              std::string("FROM offer_stats WHERE ") + text + " IS NOT NULL");
  }
  query.packed_row("offer", "rec_id", "''", "offer_sums", "FROM offer_stats");
  query.row("offer_arm", "rec_id", "arm", "'shown'", "'1'", "FROM offer_arms");
  query.packed_row("offer_group", "rec_id", "grp", "group_sums", "FROM offer_groups");
  if (query.request().sessions.empty()) return;
  for (const char* stat : {"units", "converted"}) {
    query.row("placement_group", "placement", "grp", "'" + std::string(stat) + ":' || arm",
              sql.as_text(stat), "FROM placement_groups");
  }
}

}  // namespace basketlift
