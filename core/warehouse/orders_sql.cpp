// The orders (and catalogue and sessions) part of the aggregates query: every row read as text,
// checked as the engine checks it, and turned into sale lines, orders and sessions.
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

void add_order_checks(QueryBuilder& query) {
  query.cte("order_rows",
            "Every row of the orders table as JSON: typed and text columns read alike, and a\n"
            "-- column the table lacks reads as NULL.",
            "  SELECT " + query.syntax().row_as_json("t") + " AS r FROM " + query.request().orders +
                " AS t\n");
  // The order line's values, each under its field's name.
  std::string values = "    " + query.text(Field::order_id) + " AS order_id,\n    COALESCE(" +
                       query.text(Field::product_id) + ", " + query.text(Field::product_name) +
                       ") AS product,\n";
  for (Field field :
       {Field::quantity, Field::unit_price, Field::discount, Field::unit_cost,
        Field::order_discount, Field::refunded_amount, Field::session_id, Field::currency,
        Field::variant, Field::channel, Field::segment, Field::rec_id, Field::cancelled_at})
    values += "    " + query.text(field) + " AS " + field_name(field) + ",\n";
  values += "    lower(" + query.text(Field::financial_status) + ") AS financial_status,\n";
  values +=
      "    " + query.syntax().has_key("r", query.column(Field::rec_id)) + " AS has_rec_column\n";
  query.cte("order_text", "The values the analyses read, as trimmed text (NULL when empty).",
            "  SELECT\n" + values + "  FROM order_rows\n");
  query.cte("order_checked",
            "A row's rejection (reason:column) is its first failing check, in the engine's order.",
            "  SELECT *, CASE\n"
            "    WHEN order_id IS NULL THEN 'missing_required_field:order_id'\n"
            "    WHEN product IS NULL THEN 'missing_required_field:product_id'\n" +
                query.number_check(Field::quantity, "<= 0", "non_positive_quantity") +
                query.number_check(Field::unit_price, "< 0", "negative_number") +
                query.number_check(Field::discount, "< 0", "negative_number") +
                query.number_check(Field::unit_cost, "< 0", "negative_number") +
                query.number_check(Field::order_discount, "< 0", "negative_number") +
                query.number_check(Field::refunded_amount, "< 0", "negative_number") +
                "  END AS rejection\n"
                "  FROM order_text\n");
  query.cte(
      "order_status",
      "An order is kept apart as cancelled when one of its lines has a cancelled_at or the\n"
      "-- financial status voided, else as refunded when one says refunded; its lines are then\n"
      "-- not sales (the engine takes the first line that says so).",
      "  SELECT order_id, CASE\n"
      "    WHEN bool_or(cancelled_at IS NOT NULL OR financial_status = 'voided')"
      " THEN 'cancelled_order'\n"
      "    WHEN bool_or(financial_status = 'refunded') THEN 'refunded_order'\n"
      "  END AS status\n"
      "  FROM order_checked WHERE rejection IS NULL GROUP BY order_id\n");
  query.cte("order_rejections",
            "Rejected rows: failed checks, and the lines of cancelled or "
            "refunded orders.",
            "  SELECT rejection FROM order_checked WHERE rejection IS NOT NULL\n"
            "  UNION ALL\n"
            "  SELECT s.status || ':' || CASE WHEN l.cancelled_at IS NOT NULL THEN 'cancelled_at'\n"
            "    WHEN l.financial_status IS NOT NULL THEN 'financial_status' ELSE 'order_id' END\n"
            "  FROM order_checked AS l JOIN order_status AS s ON s.order_id = l.order_id\n"
            "  WHERE l.rejection IS NULL AND s.status IS NOT NULL\n");
}

void add_catalogue(QueryBuilder& query) {
  query.cte("product_rows", "Every row of the catalogue as JSON.",
            "  SELECT " + query.syntax().row_as_json("t") + " AS r FROM " +
                query.request().products + " AS t\n");
  query.cte("product_text", "The catalogue's values the summary reads.",
            "  SELECT\n"
            "    " +
                query.text(Field::product_id) +
                " AS product,\n"
                "    " +
                query.text(Field::price) +
                " AS price,\n"
                "    " +
                query.text(Field::unit_cost) +
                " AS unit_cost,\n"
                "    " +
                query.text(Field::margin_pct) +
                " AS margin_pct,\n"
                "    " +
                query.text(Field::tier) +
                " AS tier\n"
                "  FROM product_rows\n");
  query.cte("product_checked", "A catalogue row's rejection, in the engine's order.",
            "  SELECT *, CASE\n" + query.number_check(Field::price, "< 0", "negative_number") +
                query.number_check(Field::unit_cost, "< 0", "negative_number") +
                query.number_check(Field::margin_pct, nullptr, nullptr) +
                query.number_check(Field::tier, nullptr, nullptr) + "    WHEN " +
                query.decimal("margin_pct") + " < 0 OR " + query.decimal("margin_pct") +
                " > 100 THEN 'out_of_range:margin_pct'\n"
                "    WHEN product IS NULL THEN 'missing_required_field:product_id'\n"
                "  END AS rejection\n"
                "  FROM product_text\n");
  query.cte("catalogue",
            "One entry per product (a product listed twice: the smallest values; the engine keeps "
            "the first row).",
            "  SELECT product, MIN(" + query.decimal("price") + ") AS price, MIN(" +
                query.decimal("unit_cost") + ") AS unit_cost,\n    MIN(" +
                query.decimal("margin_pct") +
                ") AS margin_pct\n"
                "  FROM product_checked WHERE rejection IS NULL GROUP BY product\n");
}

void add_sale_orders(QueryBuilder& query) {
  const bool catalogue = !query.request().products.empty();
  query.cte("sale_lines", "Sale lines with their values as exact decimals.",
            "  SELECT l.order_id, l.product, l.session_id, l.currency, l.rec_id, l.variant,\n"
            "    l.channel, l.segment,\n"
            "    COALESCE(" +
                query.decimal("l.quantity") +
                ", 1) AS quantity,\n"
                "    " +
                query.decimal("l.unit_price") +
                " AS unit_price,\n"
                "    COALESCE(" +
                query.decimal("l.discount") +
                ", 0) AS discount,\n"
                "    " +
                query.decimal("l.unit_cost") +
                " AS unit_cost\n"
                "  FROM order_checked AS l JOIN order_status AS s ON s.order_id = l.order_id\n"
                "  WHERE l.rejection IS NULL AND s.status IS NULL\n");
  const std::string unit_cost =
      catalogue ? "COALESCE(l.unit_cost, c.unit_cost,\n"
                  "      COALESCE(c.price, l.unit_price) * (1 - c.margin_pct * 0.01))"
                : "l.unit_cost";
  query.cte("line_values",
            "Revenue = quantity × unit_price − discount (NULL without a price); cost = quantity ×\n"
            "-- the line's unit_cost, else the catalogue's, else its price × (1 − margin_pct/100).",
            "  SELECT l.*, l.quantity * l.unit_price - l.discount AS revenue,\n"
            "    l.quantity * " +
                unit_cost +
                " AS cost\n"
                "  FROM sale_lines AS l" +
                (catalogue ? " LEFT JOIN catalogue AS c ON c.product = l.product" : "") + "\n");
  query.cte("sale_orders",
            "Orders with a sale line. An order-level value is the smallest its lines give (the\n"
            "-- engine: the first; they differ only where lines disagree, a data gap).",
            "  SELECT order_id, MIN(currency) AS currency, MIN(session_id) AS session_id,\n"
            "    MIN(variant) AS variant, MIN(channel) AS channel, MIN(segment) AS segment,\n"
            "    bool_or(rec_id IS NOT NULL) AS attached, COUNT(unit_price) AS priced_lines,\n"
            "    SUM(revenue) AS revenue, SUM(revenue - cost) AS margin\n"
            "  FROM line_values GROUP BY order_id\n");
  query.cte("main_currency", "The currency of most orders (a tie: the first alphabetically).",
            "  SELECT currency FROM sale_orders WHERE currency IS NOT NULL\n"
            "  GROUP BY currency ORDER BY COUNT(*) DESC, currency LIMIT 1\n");
  query.cte("scoped_orders", "Money is summed over orders in the main currency or with none.",
            "  SELECT o.*, (o.currency IS NULL OR o.currency = (SELECT currency FROM "
            "main_currency)) AS in_scope\n"
            "  FROM sale_orders AS o\n");
}

}  // namespace

void add_orders_query(QueryBuilder& query) {
  add_order_checks(query);
  if (!query.request().products.empty()) add_catalogue(query);
  add_sale_orders(query);
}

void add_sessions_query(QueryBuilder& query) {
  query.cte("session_rows", "Every row of the sessions table as JSON.",
            "  SELECT " + query.syntax().row_as_json("t") + " AS r FROM " +
                query.request().sessions + " AS t\n");
  query.cte("session_checked", "A session row's rejection, in the engine's order.",
            "  SELECT *, CASE\n"
            "    WHEN session_id IS NULL THEN 'missing_required_field:session_id'\n"
            "    WHEN converted NOT IN ('true', 'false', '1', '0', 'yes', 'no')"
            " THEN 'invalid_boolean:converted'\n"
            "  END AS rejection\n"
            "  FROM (SELECT " +
                query.text(Field::session_id) + " AS session_id, lower(" +
                query.text(Field::converted) + ") AS converted,\n    " +
                query.text(Field::variant) + " AS variant,\n    " + query.text(Field::channel) +
                " AS channel,\n    " + query.text(Field::segment) +
                " AS segment FROM session_rows) AS s\n");
  query.cte("session_list",
            "One entry per session id; a repeated id's later rows are rejected (the engine keeps\n"
            "-- the first row's converted flag; here any row saying converted counts).",
            "  SELECT session_id, COUNT(*) AS session_rows,\n"
            "    bool_or(converted IN ('true', '1', 'yes')) AS said_converted,\n"
            "    bool_or(converted IS NOT NULL) AS said,\n"
            "    MIN(variant) AS variant, MIN(channel) AS channel, MIN(segment) AS segment\n"
            "  FROM session_checked WHERE rejection IS NULL GROUP BY session_id\n");
  query.cte("ordering_sessions",
            "Sessions an order names: they converted when their row does not say otherwise.",
            "  SELECT DISTINCT session_id FROM sale_orders WHERE session_id IS NOT NULL\n");
}

}  // namespace basketlift
