// The offers part of the aggregates query: the impressions read and checked as the engine checks
// them, and their acceptance — given by the table, or derived from the orders as the engine
// derives it (analysis/acceptance.cpp).
#include "warehouse/query_sections.h"

#include <cstdint>

namespace basketlift {

namespace {

const std::vector<Field> kOfferFields = {Field::rec_id,
                                         Field::type,
                                         Field::placement,
                                         Field::anchor_product_id,
                                         Field::offered_product_id,
                                         Field::offered_price,
                                         Field::accepted,
                                         Field::session_id,
                                         Field::order_id,
                                         Field::customer_id,
                                         Field::variant,
                                         Field::timestamp};

void add_impression_checks(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const QueryBuilder::TableReader offers = query.reader(kOfferFields);
  query.cte("offer_rows", "Every row of the offers table (one per impression).",
            offers.select(query.request().offers), QueryBuilder::Use::once);
  std::string values;
  for (Field field : kOfferFields) {
    if (field == Field::accepted || field == Field::timestamp) continue;
    values += "    " + offers.text(field) + " AS " + field_name(field) + ",\n";
  }
  query.cte("offer_text",
            "The impressions' values as trimmed text; the type as the engine compares it (lower\n"
            "-- case, without spaces, '_', '-' and '.'); the timestamp split into its parts.",
            "  SELECT\n" + values + "    lower(" + offers.text(Field::accepted) +
                ") AS accepted,\n    translate(lower(" + offers.text(Field::type) +
                "), ' _.-' || chr(9), '') AS type_key,\n    " +
                query.time_columns(offers.text(Field::timestamp), "time_parts") +
                "\n  FROM offer_rows\n",
            QueryBuilder::Use::once);
  // Kept with the timestamp as seconds, not its nine text parts (the kept rows' largest
  // share); PostgreSQL's fence matches the timestamp once a row, not once per reference to a part.
  std::string kept;
  for (Field field : kOfferFields) {
    if (field != Field::timestamp) kept += std::string(field_name(field)) + ", ";
  }
  query.cte(
      "offer_checked",
      "An impression's rejection, in the engine's order of checks, and its time in\n"
      "-- seconds since 1970 (NULL when absent or not a time the engine reads).",
      "  SELECT " + kept + "type_key,\n    " + query.epoch_seconds("time_parts") +
          " AS shown_at, CASE\n"
          "    WHEN rec_id IS NULL THEN 'missing_required_field:rec_id'\n"
          "    WHEN type IS NULL THEN 'missing_required_field:type'\n"
          "    WHEN placement IS NULL THEN 'missing_required_field:placement'\n"
          "    WHEN offered_product_id IS NULL THEN 'missing_required_field:offered_product_id'\n"
          "    WHEN type_key NOT IN ('crosssell', 'xsell', 'upsell', 'bundle')"
          " THEN 'invalid_offer_type:type'\n" +
          query.number_check(Field::offered_price, "< 0", "negative_number") +
          "    WHEN accepted NOT IN ('true', 'false', '1', '0', 'yes', 'no')"
          " THEN 'invalid_boolean:accepted'\n"
          "  END AS rejection\n"
          "  FROM (SELECT * FROM offer_text" +
          sql.fence() + ") AS t\n");
  std::vector<std::pair<std::string, std::string>> columns;
  for (Field field : {Field::rec_id, Field::type, Field::placement, Field::offered_product_id,
                      Field::offered_price, Field::accepted})
    columns.emplace_back(field_name(field), field_name(field));
  query.cte("offer_rejections", "Rejected impressions and the failing value.",
            "  SELECT rejection, " + query.failing_value(columns) +
                " AS value FROM offer_checked\n  WHERE rejection IS NOT NULL\n");
  query.cte(
      "impressions",
      "Valid impressions, numbered; a bundle's offered product is its first part ('A+B': A);\n"
      "-- given: the accepted column's 1 or 0, NULL when the table does not say.",
      "  SELECT ROW_NUMBER() OVER (" + sql.any_order("rec_id") +
          ") AS impression, rec_id,\n"
          "    CASE WHEN type_key = 'upsell' THEN 'upsell' WHEN type_key = 'bundle' THEN 'bundle'\n"
          "      ELSE 'cross_sell' END AS type,\n"
          "    placement, anchor_product_id AS anchor, offered_product_id AS offered_text,\n"
          "    CASE WHEN type_key = 'bundle' THEN COALESCE(NULLIF(trim(" +
          sql.split_part("offered_product_id", "+", 1) +
          "), ''), offered_product_id)\n"
          "      ELSE offered_product_id END AS offered,\n"
          "    session_id, order_id, customer_id, variant, shown_at,\n"
          "    CASE WHEN accepted IN ('true', '1', 'yes') THEN 1"
          " WHEN accepted IN ('false', '0', 'no') THEN 0 END AS given\n"
          "  FROM " +
          sql.unfiltered("offer_checked", "c") + " WHERE rejection IS NULL\n");
}

// An impression the table does not say was taken was accepted when an order holds its offer:
// its own order when that is a sale, else any sale order of its session, else (with neither)
// a sale order of its customer placed within the attribution window after it. An order holds
// the offer when one of its lines carries the rec_id — or, when no line carries a rec_id, the
// offered product (every part of a bundle).
void add_derived_acceptance(QueryBuilder& query) {
  const auto window =
      static_cast<std::int64_t>(query.request().settings.attribution_window_hours * 3600);
  query.cte("pending",
            "Impressions whose acceptance is derived, with the way their orders are found.",
            "  SELECT i.impression, i.rec_id, i.type, i.offered, i.offered_text, i.shown_at,\n"
            "    i.order_id, i.session_id, i.customer_id,\n"
            "    CASE WHEN o.order_id IS NOT NULL THEN 'order' WHEN i.session_id IS NOT NULL"
            " THEN 'session'\n"
            "      WHEN i.customer_id IS NOT NULL AND i.shown_at IS NOT NULL THEN 'customer' END"
            " AS found_by\n"
            "  FROM impressions AS i LEFT JOIN sale_orders AS o ON o.order_id = i.order_id\n"
            "  WHERE i.given IS NULL\n");
  query.cte("customer_orders", "Sale orders of the customers of impressions found by customer.",
            "  SELECT o.order_id, o.customer_id, " + query.time_columns("o.placed", "time_parts") +
                "\n"
                "  FROM sale_orders AS o\n"
                "  WHERE o.customer_id IN (SELECT customer_id FROM pending WHERE found_by = "
                "'customer')\n");  // kept, so that its timestamps are matched once an order
  query.cte("candidate_orders", "Each derived impression's orders that may hold its offer.",
            "  SELECT p.impression, p.order_id FROM pending AS p WHERE p.found_by = 'order'\n"
            "  UNION ALL\n"
            "  SELECT p.impression, o.order_id FROM pending AS p\n"
            "  JOIN sale_orders AS o ON o.session_id = p.session_id WHERE p.found_by = 'session'\n"
            "  UNION ALL\n"
            "  SELECT p.impression, o.order_id FROM pending AS p\n"
            "  JOIN (SELECT order_id, customer_id, " +
                query.epoch_seconds("time_parts") +
                " AS placed_at\n"
                "    FROM customer_orders) AS o ON o.customer_id = p.customer_id\n"
                "  WHERE p.found_by = 'customer' AND o.placed_at >= p.shown_at"
                " AND o.placed_at - p.shown_at <= " +
                std::to_string(window) + "\n");
  query.cte("by_rec", "Do order lines carry rec_ids? Then an order holds an offer by its rec_id.",
            "  SELECT COUNT(*) > 0 AS yes FROM (SELECT 1 FROM sale_lines WHERE rec_id IS NOT NULL"
            " LIMIT 1) AS l\n");
  query.cte("offered_parts",
            "The products a derived impression offers (its offered product, or a bundle's parts)\n"
            "-- and how many there are.",
            "  SELECT impression, product, COUNT(*) OVER (PARTITION BY impression) AS parts\n"
            "  FROM (SELECT DISTINCT impression, product FROM (\n"
            "    SELECT impression, offered AS product FROM pending WHERE type <> 'bundle'\n"
            "    UNION ALL\n"
            "    SELECT impression, trim(part) FROM (" +
                query.syntax().list_rows("impression", "part", "offered_text", '+', "pending", "p",
                                         "type = 'bundle'") +
                ") AS b\n"
                "  ) AS p WHERE product <> '') AS d\n");
  query.cte(
      "derived_accepted", "Derived impressions an order holds.",
      "  SELECT DISTINCT c.impression FROM candidate_orders AS c\n"
      "  JOIN pending AS p ON p.impression = c.impression\n"
      "  JOIN sale_lines AS l ON l.order_id = c.order_id AND l.rec_id = p.rec_id\n"
      "  WHERE (SELECT yes FROM by_rec)\n"
      "  " +
          query.syntax().union_distinct() +
          "\n"
          "  SELECT c.impression FROM candidate_orders AS c\n"
          "  JOIN offered_parts AS p ON p.impression = c.impression\n"
          "  JOIN sale_lines AS l ON l.order_id = c.order_id AND l.product = p.product\n"
          "  WHERE NOT (SELECT yes FROM by_rec)\n"
          "  GROUP BY c.impression, c.order_id HAVING COUNT(DISTINCT l.product) = MIN(p.parts)\n");
}

}  // namespace

void add_offers_query(QueryBuilder& query) {
  add_impression_checks(query);
  add_derived_acceptance(query);
  query.cte(
      "shown",
      "Impressions with their acceptance and unit: the session shown in, else its order's\n"
      "-- session or the order ('o:'), else the impression alone ('i:'). Only the columns\n"
      "-- read later are kept. Derived acceptances are looked up (IN), not joined: a join may\n"
      "-- hash every impression to probe with the few derived ones.",
      "  SELECT i.rec_id, i.type, i.placement, i.anchor, i.offered, i.session_id, i.order_id,\n"
      "    i.customer_id, i.variant, i.shown_at, i.given,\n"
      "    COALESCE(i.given, CASE WHEN i.impression IN (SELECT impression FROM derived_accepted)"
      " THEN 1 ELSE 0 END) AS accepted,\n"
      "    CASE WHEN i.session_id IS NOT NULL THEN 's:' || i.session_id\n"
      "      WHEN i.order_id IS NOT NULL THEN COALESCE('s:' || o.session_id, 'o:' || i.order_id)\n"
      "      ELSE 'i:' || " +
          query.syntax().as_text("i.impression") +
          " END AS unit\n"
          "  FROM impressions AS i\n"
          "  LEFT JOIN sale_orders AS o ON o.order_id = i.order_id\n");
  query.cte("offer_shown_facts",
            "Per offer shown: its type, placement, anchor and offered product (the smallest\n"
            "-- where impressions disagree; the engine: the first), impressions and acceptances.",
            "  SELECT rec_id, MIN(type) AS type, MIN(placement) AS placement,\n"
            "    CASE WHEN COUNT(DISTINCT placement) > 1 THEN 1 ELSE 0 END AS several_placements,\n"
            "    MIN(anchor) AS anchor, MIN(offered) AS offered, COUNT(*) AS impressions,\n"
            "    SUM(accepted) AS accepted, MIN(shown_at) AS first_shown, MAX(shown_at) AS "
            "last_shown\n"
            "  FROM shown GROUP BY rec_id\n");
}

}  // namespace basketlift
