// The orders (and catalogue and sessions) part of the aggregates query: every row read as text,
// checked as the engine checks it, and turned into sale lines, orders and sessions.
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

void add_order_checks(QueryBuilder& query) {
  std::vector<Field> fields = {
      Field::order_id,         Field::product_id,  Field::product_name, Field::quantity,
      Field::unit_price,       Field::discount,    Field::unit_cost,    Field::order_discount,
      Field::refunded_amount,  Field::session_id,  Field::currency,     Field::variant,
      Field::channel,          Field::segment,     Field::rec_id,       Field::cancelled_at,
      Field::financial_status, Field::customer_id, Field::timestamp};
  const QueryBuilder::TableReader orders = query.reader(fields);
  query.cte("order_rows",
            "Every row of the orders table, its columns read as text: typed and text columns read\n"
            "-- alike, and a column the table lacks reads as NULL.",
            orders.select(query.request().orders), QueryBuilder::Use::once);
  // The order line's values, each under its field's name.
  std::string values = "    " + orders.text(Field::order_id) + " AS order_id,\n    COALESCE(" +
                       orders.text(Field::product_id) + ", " + orders.text(Field::product_name) +
                       ") AS product,\n    " + orders.text(Field::product_name) +
                       " AS product_name,\n";
  for (Field field :
       {Field::quantity, Field::unit_price, Field::discount, Field::unit_cost,
        Field::order_discount, Field::refunded_amount, Field::session_id, Field::currency,
        Field::variant, Field::channel, Field::segment, Field::rec_id, Field::cancelled_at})
    values += "    " + orders.text(field) + " AS " + field_name(field) + ",\n";
  // Customer value and derived acceptance need an order's customer and time.
  values += "    " + orders.text(Field::customer_id) + " AS customer_id,\n    " +
            orders.text(Field::timestamp) + " AS placed,\n";
  values += "    lower(" + orders.text(Field::financial_status) + ") AS financial_status\n";
  query.cte("order_text", "The values the analyses read, as trimmed text (NULL when empty).",
            "  SELECT\n" + values + "  FROM order_rows\n", QueryBuilder::Use::once);
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
  // Window functions, not joins: an order's status and currency reach its lines without the
  // planner having to guess how many rows a grouped CTE holds (a bad guess joins by nested
  // loops).
  query.cte(
      "order_lines",
      "Valid lines with their order's status and currency. An order is kept apart as\n"
      "-- cancelled when one of its lines has a cancelled_at or the financial status voided, else\n"
      "-- as refunded when one says refunded; its lines are then not sales (the engine takes the\n"
      "-- first line that says so). An order's currency is the smallest its lines give (the\n"
      "-- engine: the first; they differ only where lines disagree, a data gap).",
      "  SELECT *, CASE\n"
      "    WHEN " +
          query.syntax().any("cancelled_at IS NOT NULL OR financial_status = 'voided'") +
          " OVER (PARTITION BY order_id) THEN 'cancelled_order'\n"
          "    WHEN " +
          query.syntax().any("financial_status = 'refunded'") +
          " OVER (PARTITION BY order_id) THEN 'refunded_order'\n"
          "  END AS status, MIN(currency) OVER (PARTITION BY order_id) AS order_currency\n"
          "  FROM " +
          query.syntax().unfiltered("order_checked", "c") + " WHERE rejection IS NULL\n");
  query.cte("order_status", "Orders kept apart, with why.",
            "  SELECT DISTINCT order_id, status FROM order_lines WHERE status IS NOT NULL\n");
  std::vector<std::pair<std::string, std::string>> columns = {{"product_id", "product"}};
  for (Field field : {Field::order_id, Field::quantity, Field::unit_price, Field::discount,
                      Field::unit_cost, Field::order_discount, Field::refunded_amount})
    columns.emplace_back(field_name(field), field_name(field));
  query.cte(
      "order_rejections",
      "Rejected rows and the failing value: failed checks, and the lines of cancelled or\n"
      "-- refunded orders.",
      "  SELECT rejection, " + query.failing_value(columns) +
          " AS value\n"
          "  FROM order_checked WHERE rejection IS NOT NULL\n"
          "  UNION ALL\n"
          "  SELECT status || ':' || CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled_at'\n"
          "    WHEN financial_status IS NOT NULL THEN 'financial_status' ELSE 'order_id' END,\n"
          "    COALESCE(cancelled_at, financial_status, order_id)\n"
          "  FROM order_lines WHERE status IS NOT NULL\n");
}

// A catalogue category as the engine keeps it: the first of a WooCommerce list ("A > B, C" → "A >
// B"), its levels joined by '/' ("A/B").
std::string category_path(const SqlSyntax& sql, const std::string& category) {
  return sql.replace_all("CASE WHEN " + sql.position("','", category) + " > 0 AND " +
                             sql.position("' > '", category) + " > 0\n      THEN " +
                             sql.split_part(category, ",", 1) + " ELSE " + category + " END",
                         "[[:blank:]]* > [[:blank:]]*", "/");
}

// Shopify's name of a variant without a SKU, as the engine makes it (ingest/products_loader.cpp):
// "Title - Option1 / Option2", the title alone for the single "Default Title" variant.
std::string shopify_variant_name(const SqlSyntax& sql) {
  const std::string options = sql.join_present({"option1", "option2", "option3"}, " / ");
  return "CASE WHEN " + options + " IN ('', 'Default Title') THEN COALESCE(name, '') ELSE " +
         "COALESCE(name, '') || ' - ' || " + options + " END";
}

void add_catalogue(QueryBuilder& query) {
  const QueryBuilder::TableReader products =
      query.reader({Field::product_id, Field::name, Field::category, Field::price, Field::unit_cost,
                    Field::margin_pct, Field::tier, Field::upsells, Field::cross_sells,
                    Field::handle, Field::option1, Field::option2, Field::option3});
  query.cte("product_rows", "Every row of the catalogue.",
            products.select(query.request().products), QueryBuilder::Use::once);
  std::string values;
  for (Field field : {Field::name, Field::category, Field::price, Field::unit_cost,
                      Field::margin_pct, Field::tier, Field::upsells, Field::cross_sells,
                      Field::handle, Field::option1, Field::option2, Field::option3})
    values += ",\n    " + products.text(field) + " AS " + field_name(field);
  query.cte("product_fields", "The catalogue's values the analyses read.",
            "  SELECT\n    " + products.text(Field::product_id) + " AS product_id" + values +
                "\n  FROM product_rows\n",
            QueryBuilder::Use::once);
  const auto filled = [](const char* column) {
    return std::string("CASE WHEN handle IS NULL THEN ") + column + " ELSE COALESCE(" + column +
           ", MAX(" + column + ") OVER (PARTITION BY handle)) END AS " + column;
  };
  query.cte("product_text",
            "Shopify's products export: a product's later rows (one per variant, or an image)\n"
            "-- carry only its handle and the variant's columns, and take the title and type\n"
            "-- from the row that has them; a variant without a SKU is named as Shopify names its\n"
            "-- order lines (\"Title - Large\"), a row of neither price nor option is no product.",
            "  SELECT *, COALESCE(product_id, CASE WHEN handle IS NOT NULL AND (price IS NOT NULL\n"
            "    OR option1 IS NOT NULL) THEN NULLIF(" +
                shopify_variant_name(query.syntax()) +
                ", '') END) AS product\n"
                "  FROM (SELECT product_id, " +
                filled("name") + ", " + filled("category") +
                ",\n    price, unit_cost, margin_pct, tier, upsells, cross_sells, handle, option1, "
                "option2, option3\n    FROM product_fields) AS f\n",
            QueryBuilder::Use::once);
  query.cte("product_checked", "A catalogue row's rejection, in the engine's order.",
            "  SELECT *, CASE\n" + query.number_check(Field::price, "< 0", "negative_number") +
                query.number_check(Field::unit_cost, "< 0", "negative_number") +
                query.number_check(Field::margin_pct, nullptr, nullptr) +
                query.number_check(Field::tier, nullptr, nullptr) + "    WHEN " +
                query.decimal("margin_pct") + " < 0 OR " + query.decimal("margin_pct") +
                " > 100 THEN 'out_of_range:margin_pct'\n"
                "    WHEN product IS NULL AND handle IS NOT NULL THEN 'not_a_product_row:handle'\n"
                "    WHEN product IS NULL THEN 'missing_required_field:product_id'\n"
                "  END AS rejection\n"
                "  FROM product_text\n");
  std::vector<std::pair<std::string, std::string>> columns = {{"product_id", "product"},
                                                              {"handle", "handle"}};
  for (Field field : {Field::price, Field::unit_cost, Field::margin_pct, Field::tier})
    columns.emplace_back(field_name(field), field_name(field));
  query.cte("product_rejections", "Rejected catalogue rows and the failing value.",
            "  SELECT rejection, " + query.failing_value(columns) +
                " AS value FROM product_checked\n  WHERE rejection IS NOT NULL\n");
  query.cte("catalogue",
            "One entry per product (a product listed twice: the smallest values; the engine keeps "
            "the first row).",
            "  SELECT product, MIN(" + query.decimal("price") + ") AS price, MIN(" +
                query.decimal("unit_cost") + ") AS unit_cost,\n    MIN(" +
                query.decimal("margin_pct") +
                ") AS margin_pct, MIN(name) AS name,\n"
                "    MIN(" +
                category_path(query.syntax(), "category") +
                ") AS category_path\n"
                "  FROM " +
                query.syntax().unfiltered("product_checked", "c") +
                " WHERE rejection IS NULL GROUP BY product\n");
}

void add_sale_orders(QueryBuilder& query) {
  const bool catalogue = !query.request().products.empty();
  query.cte("sale_lines", "Sale lines with their values as exact decimals.",
            "  SELECT l.order_id, l.product, l.product_name, l.session_id, l.currency, "
            "l.order_currency,\n"
            "    l.rec_id, l.variant, l.channel, l.segment, l.customer_id, l.placed,\n"
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
                "  FROM order_lines AS l WHERE l.status IS NULL\n");
  const std::string unit_cost =
      catalogue ? "COALESCE(l.unit_cost, c.unit_cost,\n"
                  "      COALESCE(c.price, l.unit_price) * (1 - c.margin_pct * 0.01))"
                : "l.unit_cost";
  query.cte(
      "line_values",
      "Revenue = quantity × unit_price − discount (NULL without a price); cost = quantity ×\n"
      "-- the line's unit_cost, else the catalogue's, else its price × (1 − margin_pct/100).",
      "  SELECT l.*, l.quantity * l.unit_price - l.discount AS revenue,\n"
      "    l.quantity * " +
          unit_cost +
          " AS cost\n"
          "  FROM sale_lines AS l" +
          (catalogue ? " LEFT JOIN catalogue AS c ON c.product = l.product" : "") + "\n",
      QueryBuilder::Use::inlined);  // a copy of every sale line: made by each reader, not kept
  query.cte("sale_orders",
            "Orders with a sale line. An order-level value is the smallest its lines give (the\n"
            "-- engine: the first; they differ only where lines disagree, a data gap).",
            "  SELECT order_id, MIN(currency) AS currency, MIN(session_id) AS session_id,\n"
            "    MIN(variant) AS variant, MIN(channel) AS channel, MIN(segment) AS segment,\n"
            "    MIN(customer_id) AS customer_id, MIN(placed) AS placed,\n"
            "    " +
                query.syntax().any("rec_id IS NOT NULL") +
                " AS attached, COUNT(unit_price) AS priced_lines,\n"
                "    SUM(revenue) AS revenue, SUM(revenue - cost) AS margin\n"
                "  FROM line_values GROUP BY order_id\n");
  query.cte("main_currency", "The currency of most orders (a tie: the first alphabetically).",
            "  SELECT currency FROM sale_orders WHERE currency IS NOT NULL\n"
            "  GROUP BY currency ORDER BY COUNT(*) DESC, currency LIMIT 1\n");
  query.cte("scoped_orders", "Money is summed over orders in the main currency or with none.",
            "  SELECT o.*, (o.currency IS NULL OR o.currency = (SELECT currency FROM "
            "main_currency)) AS in_scope\n"
            "  FROM sale_orders AS o\n",
            QueryBuilder::Use::inlined);  // a copy of every sale order, made by each reader
}

}  // namespace

void add_orders_query(QueryBuilder& query) {
  add_order_checks(query);
  if (!query.request().products.empty()) add_catalogue(query);
  add_sale_orders(query);
}

void add_sessions_query(QueryBuilder& query) {
  const QueryBuilder::TableReader sessions =
      query.reader({Field::session_id, Field::converted, Field::variant, Field::channel,
                    Field::segment, Field::customer_id, Field::timestamp});
  query.cte("session_rows", "Every row of the sessions table.",
            sessions.select(query.request().sessions), QueryBuilder::Use::once);
  std::string values;
  for (Field field : {Field::variant, Field::channel, Field::segment, Field::customer_id})
    values += ",\n    " + sessions.text(field) + " AS " + field_name(field);
  values += ",\n    " + sessions.text(Field::timestamp) + " AS started";
  query.cte("session_checked", "A session row's rejection, in the engine's order.",
            "  SELECT *, CASE\n"
            "    WHEN session_id IS NULL THEN 'missing_required_field:session_id'\n"
            "    WHEN converted NOT IN ('true', 'false', '1', '0', 'yes', 'no')"
            " THEN 'invalid_boolean:converted'\n"
            "  END AS rejection\n"
            "  FROM (SELECT " +
                sessions.text(Field::session_id) + " AS session_id,\n    lower(" +
                sessions.text(Field::converted) + ") AS converted" + values +
                "\n  FROM session_rows) AS s\n");
  query.cte("session_list",
            "One entry per session id; a repeated id's later rows are rejected (the engine keeps\n"
            "-- the first row's converted flag; here any row saying converted counts).",
            "  SELECT session_id, COUNT(*) AS session_rows,\n    " +
                query.syntax().any("converted IN ('true', '1', 'yes')") +
                " AS said_converted,\n    " + query.syntax().any("converted IS NOT NULL") +
                " AS said,\n"
                "    MIN(variant) AS variant, MIN(channel) AS channel, MIN(segment) AS segment,\n"
                "    MIN(customer_id) AS customer_id, MIN(started) AS started\n"
                "  FROM " +
                query.syntax().unfiltered("session_checked", "c") +
                " WHERE rejection IS NULL GROUP BY session_id\n");
  query.cte("session_rejections",
            "Rejected session rows and the failing value; a repeated id's rows after its first.",
            "  SELECT rejection, " +
                query.failing_value({{"session_id", "session_id"}, {"converted", "converted"}}) +
                " AS value\n"
                "  FROM session_checked WHERE rejection IS NOT NULL\n"
                "  UNION ALL\n"
                "  SELECT 'duplicate_session:session_id', session_id FROM (SELECT session_id,\n"
                "    ROW_NUMBER() OVER (PARTITION BY session_id" +
                query.syntax().any_order("session_id") +
                ") AS n FROM session_checked\n"
                "    WHERE rejection IS NULL) AS s WHERE n > 1\n");
  query.cte("ordering_sessions",
            "Sessions an order names: they converted when their row does not say otherwise.",
            "  SELECT DISTINCT session_id FROM sale_orders WHERE session_id IS NOT NULL\n");
}

}  // namespace basketlift
