// The trends part of the aggregates query (analysis/trends.h): every figure the trends add up,
// per local day on the calendar of settings.timezone, so that the engine makes the periods of
// any grain from them; the listed offers' figures per day; each offer in the two change windows
// (counts, margin moments over its units, the day its acceptance most likely changed); the
// experiment's units per day they started. A table whose every time is midnight UTC holds bare
// dates, which keep their day in any zone (as the engine reads them).
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

// The local day of `seconds`, a time of the table whose bare-dates flag is trend_dates.`table`.
std::string local_day(const QueryBuilder& query, const std::string& seconds,
                      const std::string& table) {
  const SqlSyntax& sql = query.syntax();
  const std::string& zone = query.request().settings.timezone;
  if (zone == "UTC") return sql.zone_day(seconds, zone);
  return "CASE WHEN (SELECT " + table + " FROM trend_dates) = 1 THEN " +
         sql.zone_day(seconds, "UTC") + " ELSE " + sql.zone_day(seconds, zone) + " END";
}

// The sale orders with their time (NULL: none in ISO 8601) and money in the currency scope;
// the sessions with their time and whether they converted.
void add_trend_times(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  query.cte("trend_orders",
            "Sale orders with their customer, time and money in the currency scope (0 outside it).",
            "  SELECT order_id, customer_id, " + query.epoch_seconds("time_parts") +
                " AS placed_at, in_scope, revenue, margin\n"
                "  FROM (SELECT order_id, customer_id, " +
                query.time_columns("placed", "time_parts") +
                ",\n"
                "    CASE WHEN in_scope THEN 1 ELSE 0 END AS in_scope,\n"
                "    CASE WHEN in_scope THEN COALESCE(revenue, 0) ELSE 0 END AS revenue,\n"
                "    CASE WHEN in_scope THEN COALESCE(margin, 0) ELSE 0 END AS margin\n"
                "    FROM scoped_orders" +
                sql.fence() + ") AS o\n");
  if (!query.request().sessions.empty()) {
    query.cte("trend_sessions",
              "Sessions with their time; converted as the experiment counts it (the row says "
              "so,\n-- or, when it is silent, a sale order names the session).",
              "  SELECT s.session_id, " + query.epoch_seconds("s.time_parts") +
                  " AS started_at,\n"
                  "    CASE WHEN (CASE WHEN s.said THEN s.said_converted ELSE COALESCE(o.orders, "
                  "0) > 0 END)\n"
                  "      THEN 1 ELSE 0 END AS converted\n"
                  "  FROM (SELECT session_id, said, said_converted, " +
                  query.time_columns("started", "time_parts") + " FROM session_list" + sql.fence() +
                  ") AS s\n"
                  "  LEFT JOIN unit_orders AS o ON o.session_id = s.session_id\n");
  }
  if (query.request().settings.timezone == "UTC") return;
  const auto dates = [&](const std::string& column, const std::string& table) {
    return "(SELECT CASE WHEN COUNT(" + column + ") > 0 AND " +
           sql.count_if(sql.mod(column, "86400") + " = 0") + " = COUNT(" + column +
           ") THEN 1 ELSE 0 END FROM " + table + ")";
  };
  std::string flags =
      "  SELECT " + dates("placed_at", "trend_orders") + " AS orders,\n    " +
      (query.request().offers.empty() ? "0" : dates("shown_at", "shown")) +
      " AS impressions,\n    " +
      (query.request().sessions.empty() ? "0" : dates("started_at", "trend_sessions")) +
      " AS sessions\n";
  query.cte("trend_dates",
            "Per table, 1 when every time is midnight UTC: bare dates, which keep their day.",
            flags);
}

// The figures of each local day ('' day: rows without a time).
void add_trend_days(QueryBuilder& query) {
  const bool offers = !query.request().offers.empty();
  const bool sessions = !query.request().sessions.empty();
  std::string rows =
      "    SELECT " + local_day(query, "placed_at", "orders") +
      " AS day, 1 AS orders, in_scope AS money_orders,\n"
      "      revenue, margin, 0 AS sessions, 0 AS converted, 0 AS impressions, 0 AS accepted,\n"
      "      0 AS offer_margin\n"
      "    FROM trend_orders\n";
  if (sessions) {
    rows += "    UNION ALL SELECT " + local_day(query, "started_at", "sessions") +
            ", 0, 0, 0, 0, 1, converted, 0, 0, 0 FROM trend_sessions\n";
  }
  if (offers) {
    rows += "    UNION ALL SELECT " + local_day(query, "shown_at", "impressions") +
            ", 0, 0, 0, 0, 0, 0, 1, accepted, 0 FROM shown\n"
            "    UNION ALL SELECT " +
            local_day(query, "o.placed_at", "orders") +
            ", 0, 0, 0, 0, 0, 0, 0, 0, l.offer_margin\n"
            "    FROM scoped_lines AS l JOIN trend_orders AS o ON o.order_id = l.order_id\n"
            "    WHERE l.rec_id IS NOT NULL AND l.offer_margin IS NOT NULL\n";
  }
  query.cte("trend_days",
            "Per local day: sale orders, those in the currency scope, their revenue and margin;\n"
            "-- sessions started and converted; impressions shown and accepted; offer lines' "
            "margin.",
            "  SELECT day, SUM(orders) AS orders, SUM(money_orders) AS money_orders,\n"
            "    SUM(revenue) AS revenue, SUM(margin) AS margin, SUM(sessions) AS sessions,\n"
            "    SUM(converted) AS converted, SUM(impressions) AS impressions,\n"
            "    SUM(accepted) AS accepted, SUM(offer_margin) AS offer_margin\n"
            "  FROM (\n" +
                rows + "  ) AS r\n  GROUP BY day\n",
            QueryBuilder::Use::once);
  query.cte(
      "trend_window",
      "The last time of any dated sale order, impression or session; the latest change\n"
      "-- window ends there, the one before ends where it starts.",
      "  SELECT window_end, window_end - " +
          std::to_string(query.request().settings.change_window_days * 86400) +
          " AS split,\n    window_end - " +
          std::to_string(2 * query.request().settings.change_window_days * 86400) +
          " AS start\n"
          "  FROM (SELECT MAX(t) AS window_end FROM (SELECT placed_at AS t FROM trend_orders" +
          (offers ? " UNION ALL SELECT shown_at FROM shown" : "") +
          (sessions ? " UNION ALL SELECT started_at FROM trend_sessions" : "") + ") AS t) AS w\n");
}

// The listed offers (most impressions; a tie: by rec_id's bytes) and their figures per day.
void add_trend_offers(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  query.cte("trend_listed",
            "The offers listed over time: the " +
                std::to_string(query.request().settings.max_dimension_groups) +
                " with most impressions (a tie: by rec_id).",
            "  SELECT rec_id, listed_rank FROM (SELECT rec_id, ROW_NUMBER() OVER (ORDER BY "
            "impressions DESC, " +
                sql.byte_order("rec_id") + ") AS listed_rank\n    FROM offer_shown_facts) AS r\n" +
                "  WHERE listed_rank <= " +
                std::to_string(query.request().settings.max_dimension_groups) + "\n");
  query.cte(
      "trend_offer_days",
      "Per listed offer and local day: impressions, acceptances, lines' margin.",
      "  SELECT rec_id, day, SUM(impressions) AS impressions, SUM(accepted) AS accepted,\n"
      "    SUM(offer_margin) AS offer_margin\n"
      "  FROM (SELECT s.rec_id, " +
          local_day(query, "s.shown_at", "impressions") +
          " AS day, 1 AS impressions, s.accepted,\n"
          "      0 AS offer_margin\n"
          "    FROM shown AS s JOIN trend_listed AS t ON t.rec_id = s.rec_id WHERE s.shown_at IS "
          "NOT NULL\n"
          "    UNION ALL SELECT l.rec_id, " +
          local_day(query, "o.placed_at", "orders") +
          ", 0, 0, l.offer_margin\n"
          "    FROM scoped_lines AS l JOIN trend_listed AS t ON t.rec_id = l.rec_id\n"
          "    JOIN trend_orders AS o ON o.order_id = l.order_id\n"
          "    WHERE l.offer_margin IS NOT NULL AND o.placed_at IS NOT NULL) AS r\n"
          "  GROUP BY rec_id, day\n",
      QueryBuilder::Use::once);
}

// Each offer in the two change windows: counts and margin moments over its units, and the day
// its acceptance most likely changed (the split of the windows' days whose two rates fit best).
void add_trend_changes(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  query.cte("change_pairs",
            "Per offer, window (later: 1 for the latest) and unit: impressions, acceptances and\n"
            "-- its lines' margin there; an impression by its time, a line by its order's.",
            "  SELECT rec_id, later, unit, SUM(impressions) AS impressions, SUM(accepted) AS "
            "accepted,\n"
            "    SUM(margin) AS margin\n"
            "  FROM (SELECT s.rec_id, CASE WHEN s.shown_at > w.split THEN 1 ELSE 0 END AS later,"
            " s.unit,\n"
            "      1 AS impressions, s.accepted, 0 AS margin\n"
            "    FROM shown AS s CROSS JOIN trend_window AS w\n"
            "    WHERE s.shown_at > w.start AND s.shown_at <= w.window_end\n"
            "    UNION ALL SELECT l.rec_id, CASE WHEN o.placed_at > w.split THEN 1 ELSE 0 END,"
            " l.unit,\n"
            "      0, 0, l.margin\n"
            "    FROM offer_line_values AS l JOIN trend_orders AS o ON o.order_id = l.order_id\n"
            "    CROSS JOIN trend_window AS w\n"
            "    WHERE l.margin IS NOT NULL AND o.placed_at > w.start AND o.placed_at <= "
            "w.window_end) AS p\n"
            "  GROUP BY rec_id, later, unit\n");
  const std::string m = sql.rounded("margin");
  const auto window = [&](const char* later, const std::string& prefix) {
    const auto in = [&](const std::string& value) {
      return "SUM(CASE WHEN later = " + std::string(later) + " THEN " + value + " END)";
    };
    return in("impressions") + " AS impressions_" + prefix + ", " + in("accepted") +
           " AS accepted_" + prefix + ",\n    " + in("margin") + " AS margin_" + prefix + ", " +
           sql.count_if("later = " + std::string(later)) + " AS " + prefix + "_n, " + in("margin") +
           " AS " + prefix + "_sum_m,\n    " + in("impressions") + " AS " + prefix + "_sum_d, " +
           in(m + " * " + m) + " AS " + prefix + "_sum_mm, " + in("impressions * impressions") +
           " AS " + prefix + "_sum_dd,\n    " + in(m + " * impressions") + " AS " + prefix +
           "_sum_md";
  };
  query.cte("change_sums",
            "Per offer shown in both windows: impressions, acceptances and lines' margin in each,\n"
            "-- and the moments of margin per impression over its units (n, Σm, Σd, Σm², Σd², "
            "Σmd).",
            "  SELECT rec_id, " + window("0", "before") + ",\n    " + window("1", "after") +
                "\n  FROM change_pairs GROUP BY rec_id\n"
                "  HAVING " +
                sql.sum_if("impressions", "later = 0") + " > 0 AND " +
                sql.sum_if("impressions", "later = 1") + " > 0\n");
  query.cte("change_days",
            "Per offer, its impressions and acceptances per local day of the windows.",
            "  SELECT rec_id, day, COUNT(*) AS shown, SUM(accepted) AS taken\n"
            "  FROM (SELECT s.rec_id, s.accepted, " +
                local_day(query, "s.shown_at", "impressions") + " AS day,\n      " +
                local_day(query, "w.start + 1", "impressions") + " AS first_day, " +
                local_day(query, "w.window_end", "impressions") +
                " AS last_day\n"
                "    FROM shown AS s CROSS JOIN trend_window AS w\n"
                "    WHERE s.shown_at > w.start AND s.shown_at <= w.window_end) AS d\n"
                "  WHERE day BETWEEN first_day AND last_day GROUP BY rec_id, day\n",
            QueryBuilder::Use::once);
  const std::string real = sql.double_type();
  const auto fit = [&](const std::string& x, const std::string& n) {
    const std::string xd = "CAST(" + x + " AS " + real + ")",
                      nd = "CAST(" + n + " AS " + real + ")";
    return "CASE WHEN " + x + " <= 0 OR " + x + " >= " + n + " THEN 0 ELSE " + xd + " * LN(" + xd +
           " / " + nd + ") + (" + nd + " - " + xd + ") * LN(1 - " + xd + " / " + nd + ") END";
  };
  query.cte("change_splits",
            "Each split of an offer's days after a day it was shown: the shown and taken before\n"
            "-- it and in all (the split between two such days is best on the first day after).",
            "  SELECT rec_id, day + 1 AS split_day,\n"
            "    SUM(shown) OVER (PARTITION BY rec_id ORDER BY day\n"
            "      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n,\n"
            "    SUM(taken) OVER (PARTITION BY rec_id ORDER BY day\n"
            "      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS x,\n"
            "    SUM(shown) OVER (PARTITION BY rec_id) AS all_n, SUM(taken) OVER (PARTITION BY "
            "rec_id) AS all_x\n"
            "  FROM change_days\n",
            QueryBuilder::Use::once);
  query.cte("change_best",
            "Per offer, the split whose two acceptance rates fit its impressions best (binomial\n"
            "-- log-likelihood; a tie: the earliest).",
            "  SELECT rec_id, split_day FROM (SELECT rec_id, split_day, ROW_NUMBER() OVER (\n"
            "      PARTITION BY rec_id ORDER BY " +
                fit("x", "n") + " + " + fit("all_x - x", "all_n - n") +
                " DESC, split_day) AS r\n"
                "    FROM change_splits WHERE n < all_n) AS b\n"
                "  WHERE r = 1\n",
            QueryBuilder::Use::once);
  query.cte("change_rows", "The change windows' sums and best split per offer.",
            "  SELECT c.*, b.split_day AS changed_on\n"
            "  FROM change_sums AS c LEFT JOIN change_best AS b ON b.rec_id = c.rec_id\n",
            QueryBuilder::Use::once);
}

// The experiment's tagged units by the local day they started (their session's time, or their
// first sale order's), with the sums of experiment.h's ArmStats per day and arm.
void add_trend_arms(QueryBuilder& query) {
  const bool sessions = !query.request().sessions.empty();
  query.cte("unit_starts",
            "When each unit started (epoch seconds; NULL: undated): its session's time, or its\n"
            "-- first sale order's.",
            sessions ? "  SELECT session_id AS unit, started_at FROM trend_sessions\n"
                     : "  SELECT CASE WHEN k.kind = 'order' THEN o.order_id ELSE s.session_id END"
                       " AS unit,\n"
                       "    MIN(o.placed_at) AS started_at\n"
                       "  FROM trend_orders AS o JOIN sale_orders AS s ON s.order_id = o.order_id\n"
                       "  CROSS JOIN unit_kind AS k GROUP BY 1\n");
  query.cte("unit_days", "The local day each unit started (NULL: undated).",
            "  SELECT unit, " + local_day(query, "started_at", sessions ? "sessions" : "orders") +
                " AS day FROM unit_starts\n");
  query.cte("trend_arms",
            "Per local day units started (NULL: undated) and arm: the experiment's sums.",
            "  SELECT d.day, t.arm, " + arm_sums_columns(query.syntax()) +
                "  FROM unit_terms AS t LEFT JOIN unit_days AS d ON d.unit = t.unit\n"
                "  GROUP BY d.day, t.arm\n");
}

}  // namespace

void add_trends_query(QueryBuilder& query) {
  add_trend_times(query);
  add_trend_days(query);
  if (!query.request().offers.empty()) {
    add_trend_offers(query);
    add_trend_changes(query);
  }
  add_trend_arms(query);
}

void add_trends_rows(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const bool offers = !query.request().offers.empty();
  query.packed_row("trend_day", "COALESCE(" + sql.as_text("day") + ", '')", "''", "trend_sums",
                   "FROM trend_days");
  query.row("trend", "''", "''", "'window_end'", sql.as_text("window_end"),
            "FROM trend_window WHERE window_end IS NOT NULL");
  query.row("trend", "''", "''", "'dates_as_local'",
            query.request().settings.timezone == "UTC"
                ? "'0'"
                : sql.as_text("CASE WHEN orders + impressions + sessions > 0 THEN 1 ELSE 0 END"),
            query.request().settings.timezone == "UTC" ? "" : "FROM trend_dates");
  query.row("trend", "''", "''", "'undated_units'", sql.as_text("COALESCE(SUM(units), 0)"),
            "FROM trend_arms WHERE day IS NULL");
  query.packed_row("trend_arm", sql.as_text("day"), "arm", "arm_sums",
                   "FROM trend_arms WHERE day IS NOT NULL");
  if (!offers) return;
  query.row(
      "trend", "''", "''", "'offers_not_listed'",
      sql.as_text("CASE WHEN COUNT(*) > " +
                  std::to_string(query.request().settings.max_dimension_groups) +
                  " THEN COUNT(*) - " +
                  std::to_string(query.request().settings.max_dimension_groups) + " ELSE 0 END"),
      "FROM offer_shown_facts");
  query.row("trend_listed", "''", "rec_id", "'rank'", sql.as_text("listed_rank"),
            "FROM trend_listed");
  // One row per listed offer: its days as "day:impressions:accepted:margin", space-separated,
  // earliest first.
  const std::string entry =
      sql.join_present({sql.as_text("day"), sql.as_text("impressions"), sql.as_text("accepted"),
                        sql.number_text("offer_margin")},
                       ":");
  query.row("trend_offer", "''", "rec_id", "'days'", sql.string_agg(entry, " ", "day"),
            "FROM trend_offer_days WHERE day IS NOT NULL GROUP BY rec_id");
  query.packed_row("trend_change", "''", "rec_id", "change_sums", "FROM change_rows");
}

}  // namespace basketlift
