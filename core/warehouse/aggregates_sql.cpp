#include "warehouse/aggregates_sql.h"

#include <vector>

#include "basketlift/version.h"
#include "util/json_writer.h"
#include "warehouse/aggregates.h"

namespace basketlift {

namespace {

// The engine's number grammar (ingest/value_parse.h), surrounding spaces already trimmed.
constexpr const char* kNumber = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?";

// Writes the query: a header comment, the CTEs, and the final UNION ALL of output rows.
class QueryWriter {
 public:
  explicit QueryWriter(const SqlRequest& request) : request_(request), syntax_{request.dialect} {}

  std::string write() {
    header();
    out_ += "WITH\n";
    orders();
    if (!request_.products.empty()) products();
    lines_and_orders();
    if (!request_.sessions.empty()) sessions();
    output();
    return std::move(out_);
  }

 private:
  // The column a field is read from: the mapping's, else the field's own name.
  std::string column(Field field) const {
    for (const auto& [name, target] : request_.mapping.entries)
      if (target == field) return name;
    return field_name(field);
  }
  std::string text(Field field) const { return syntax_.text_of("r", column(field)); }
  std::string decimal(const std::string& value) const {
    return "CAST(" + value + " AS " + syntax_.decimal() + ")";
  }
  // A CASE branch rejecting a value that is not a number, or outside `bound`.
  std::string number_check(Field field, const char* bound_test, const char* bound_reason) const {
    const std::string name = field_name(field);
    std::string check =
        "    WHEN NOT " + syntax_.matches(name, kNumber) + " THEN 'invalid_number:" + name + "'\n";
    if (bound_test != nullptr) {
      check += "    WHEN " + decimal(name) + " " + bound_test + " THEN '" + bound_reason + ":" +
               name + "'\n";
    }
    return check;
  }
  void cte(const std::string& name, const std::string& comment, const std::string& body) {
    if (!first_cte_) out_ += ",\n";
    first_cte_ = false;
    out_ += "-- " + comment + "\n" + name + " AS (\n" + body + ")";
  }

  void header() {
    out_ += "-- Basketlift aggregates, format " + std::to_string(kAggregatesVersion) + ", for " +
            sql_dialect_name(request_.dialect) + " (written by basketlift " + kEngineVersion +
            ").\n";
    out_ +=
        "-- Its one result set, saved as CSV, is the aggregates file: counts and exact sums only\n"
        "-- (no order, customer or session appears in it). Give it to\n"
        "--   basketlift analyze --aggregates FILE      or drop it on the dashboard.\n"
        "-- Every value is read as text and checked against the grammar the engine reads:\n"
        "--   numbers   [+-]digits[.digits][e[+-]digits] (no thousands separators or currency\n"
        "--             signs; read with " +
        std::string(request_.dialect == SqlDialect::duckdb ? "6 decimals" : "every decimal") +
        ")\n"
        "--   booleans  true/false/1/0/yes/no in any case\n"
        "-- A row that fails a check is counted as rejected with its reason, as the engine\n"
        "-- counts it, never an SQL error.\n";
  }

  void orders() {
    cte("order_rows",
        "Every row of the orders table as JSON: typed and text columns read alike, and a\n"
        "-- column the table lacks reads as NULL.",
        "  SELECT " + syntax_.row_as_json("t") + " AS r FROM " + request_.orders + " AS t\n");
    cte("order_text", "The values the summary reads, as trimmed text (NULL when empty).",
        "  SELECT\n"
        "    " +
            text(Field::order_id) +
            " AS order_id,\n"
            "    COALESCE(" +
            text(Field::product_id) + ", " + text(Field::product_name) +
            ") AS product,\n"
            "    " +
            text(Field::quantity) +
            " AS quantity,\n"
            "    " +
            text(Field::unit_price) +
            " AS unit_price,\n"
            "    " +
            text(Field::discount) +
            " AS discount,\n"
            "    " +
            text(Field::unit_cost) +
            " AS unit_cost,\n"
            "    " +
            text(Field::order_discount) +
            " AS order_discount,\n"
            "    " +
            text(Field::refunded_amount) +
            " AS refunded_amount,\n"
            "    " +
            text(Field::session_id) +
            " AS session_id,\n"
            "    " +
            text(Field::currency) +
            " AS currency,\n"
            "    " +
            text(Field::rec_id) +
            " AS rec_id,\n"
            "    " +
            text(Field::cancelled_at) +
            " AS cancelled_at,\n"
            "    lower(" +
            text(Field::financial_status) +
            ") AS financial_status,\n"
            "    " +
            syntax_.has_key("r", column(Field::rec_id)) +
            " AS has_rec_column\n"
            "  FROM order_rows\n");
    cte("order_checked",
        "A row's rejection (reason:column) is its first failing check, in the engine's order.",
        "  SELECT *, CASE\n"
        "    WHEN order_id IS NULL THEN 'missing_required_field:order_id'\n"
        "    WHEN product IS NULL THEN 'missing_required_field:product_id'\n" +
            number_check(Field::quantity, "<= 0", "non_positive_quantity") +
            number_check(Field::unit_price, "< 0", "negative_number") +
            number_check(Field::discount, "< 0", "negative_number") +
            number_check(Field::unit_cost, "< 0", "negative_number") +
            number_check(Field::order_discount, "< 0", "negative_number") +
            number_check(Field::refunded_amount, "< 0", "negative_number") +
            "  END AS rejection\n"
            "  FROM order_text\n");
    cte("order_status",
        "An order is kept apart as cancelled when one of its lines has a cancelled_at or the\n"
        "-- financial status voided, else as refunded when one says refunded; its lines are then\n"
        "-- not sales (the engine takes the first line that says so).",
        "  SELECT order_id, CASE\n"
        "    WHEN bool_or(cancelled_at IS NOT NULL OR financial_status = 'voided')"
        " THEN 'cancelled_order'\n"
        "    WHEN bool_or(financial_status = 'refunded') THEN 'refunded_order'\n"
        "  END AS status\n"
        "  FROM order_checked WHERE rejection IS NULL GROUP BY order_id\n");
    cte("order_rejections",
        "Rejected rows: failed checks, and the lines of cancelled or "
        "refunded orders.",
        "  SELECT rejection FROM order_checked WHERE rejection IS NOT NULL\n"
        "  UNION ALL\n"
        "  SELECT s.status || ':' || CASE WHEN l.cancelled_at IS NOT NULL THEN 'cancelled_at'\n"
        "    WHEN l.financial_status IS NOT NULL THEN 'financial_status' ELSE 'order_id' END\n"
        "  FROM order_checked AS l JOIN order_status AS s ON s.order_id = l.order_id\n"
        "  WHERE l.rejection IS NULL AND s.status IS NOT NULL\n");
  }

  void products() {
    cte("product_rows", "Every row of the catalogue as JSON.",
        "  SELECT " + syntax_.row_as_json("t") + " AS r FROM " + request_.products + " AS t\n");
    cte("product_text", "The catalogue's values the summary reads.",
        "  SELECT\n"
        "    " +
            text(Field::product_id) +
            " AS product,\n"
            "    " +
            text(Field::price) +
            " AS price,\n"
            "    " +
            text(Field::unit_cost) +
            " AS unit_cost,\n"
            "    " +
            text(Field::margin_pct) +
            " AS margin_pct,\n"
            "    " +
            text(Field::tier) +
            " AS tier\n"
            "  FROM product_rows\n");
    cte("product_checked", "A catalogue row's rejection, in the engine's order.",
        "  SELECT *, CASE\n" + number_check(Field::price, "< 0", "negative_number") +
            number_check(Field::unit_cost, "< 0", "negative_number") +
            number_check(Field::margin_pct, nullptr, nullptr) +
            number_check(Field::tier, nullptr, nullptr) + "    WHEN " + decimal("margin_pct") +
            " < 0 OR " + decimal("margin_pct") +
            " > 100 THEN 'out_of_range:margin_pct'\n"
            "    WHEN product IS NULL THEN 'missing_required_field:product_id'\n"
            "  END AS rejection\n"
            "  FROM product_text\n");
    cte("catalogue",
        "One entry per product (a product listed twice: the smallest values; the engine keeps "
        "the first row).",
        "  SELECT product, MIN(" + decimal("price") + ") AS price, MIN(" + decimal("unit_cost") +
            ") AS unit_cost,\n    MIN(" + decimal("margin_pct") +
            ") AS margin_pct\n"
            "  FROM product_checked WHERE rejection IS NULL GROUP BY product\n");
  }

  void lines_and_orders() {
    const bool catalogue = !request_.products.empty();
    cte("sale_lines", "Sale lines with their values as exact decimals.",
        "  SELECT l.order_id, l.product, l.session_id, l.currency, l.rec_id,\n"
        "    COALESCE(" +
            decimal("l.quantity") +
            ", 1) AS quantity,\n"
            "    " +
            decimal("l.unit_price") +
            " AS unit_price,\n"
            "    COALESCE(" +
            decimal("l.discount") +
            ", 0) AS discount,\n"
            "    " +
            decimal("l.unit_cost") +
            " AS unit_cost\n"
            "  FROM order_checked AS l JOIN order_status AS s ON s.order_id = l.order_id\n"
            "  WHERE l.rejection IS NULL AND s.status IS NULL\n");
    const std::string unit_cost =
        catalogue ? "COALESCE(l.unit_cost, c.unit_cost,\n"
                    "      COALESCE(c.price, l.unit_price) * (1 - c.margin_pct * 0.01))"
                  : "l.unit_cost";
    cte("line_values",
        "Revenue = quantity × unit_price − discount (NULL without a price); cost = quantity ×\n"
        "-- the line's unit_cost, else the catalogue's, else its price × (1 − margin_pct/100).",
        "  SELECT l.*, l.quantity * l.unit_price - l.discount AS revenue,\n"
        "    l.quantity * " +
            unit_cost +
            " AS cost\n"
            "  FROM sale_lines AS l" +
            (catalogue ? " LEFT JOIN catalogue AS c ON c.product = l.product" : "") + "\n");
    cte("sale_orders",
        "Orders with a sale line. An order-level value is the smallest its lines give (the\n"
        "-- engine: the first; they differ only where lines disagree, a data gap).",
        "  SELECT order_id, MIN(currency) AS currency, MIN(session_id) AS session_id,\n"
        "    bool_or(rec_id IS NOT NULL) AS attached, COUNT(unit_price) AS priced_lines,\n"
        "    SUM(revenue) AS revenue\n"
        "  FROM line_values GROUP BY order_id\n");
    cte("main_currency", "The currency of most orders (a tie: the first alphabetically).",
        "  SELECT currency FROM sale_orders WHERE currency IS NOT NULL\n"
        "  GROUP BY currency ORDER BY COUNT(*) DESC, currency LIMIT 1\n");
    cte("scoped_orders", "Money is summed over orders in the main currency or with none.",
        "  SELECT o.*, (o.currency IS NULL OR o.currency = (SELECT currency FROM "
        "main_currency)) AS in_scope\n"
        "  FROM sale_orders AS o\n");
  }

  void sessions() {
    cte("session_rows", "Every row of the sessions table as JSON.",
        "  SELECT " + syntax_.row_as_json("t") + " AS r FROM " + request_.sessions + " AS t\n");
    cte("session_checked", "A session row's rejection, in the engine's order.",
        "  SELECT *, CASE\n"
        "    WHEN session_id IS NULL THEN 'missing_required_field:session_id'\n"
        "    WHEN converted NOT IN ('true', 'false', '1', '0', 'yes', 'no')"
        " THEN 'invalid_boolean:converted'\n"
        "  END AS rejection\n"
        "  FROM (SELECT " +
            text(Field::session_id) + " AS session_id, lower(" + text(Field::converted) +
            ") AS converted FROM session_rows) AS s\n");
    cte("session_list",
        "One entry per session id; a repeated id's later rows are rejected (the engine keeps\n"
        "-- the first row's converted flag; here any row saying converted counts).",
        "  SELECT session_id, COUNT(*) AS session_rows,\n"
        "    bool_or(converted IN ('true', '1', 'yes')) AS said_converted,\n"
        "    bool_or(converted IS NOT NULL) AS said\n"
        "  FROM session_checked WHERE rejection IS NULL GROUP BY session_id\n");
    cte("ordering_sessions",
        "Sessions an order names: they converted when their row does not say otherwise.",
        "  SELECT DISTINCT session_id FROM sale_orders WHERE session_id IS NOT NULL\n");
  }

  // One output row per figure: kind, format version, scope, key, measure, value.
  void row(const std::string& kind, const std::string& scope, const std::string& key,
           const std::string& measure, const std::string& value, const std::string& from) {
    out_ += first_row_ ? "SELECT " : "UNION ALL SELECT ";
    if (first_row_) {
      out_ += sql_string(kind) + " AS " + kAggregatesMarker + ", " +
              sql_string(std::to_string(kAggregatesVersion)) + " AS version, " + scope +
              " AS scope, " + key + " AS key, " + measure + " AS measure, " + value + " AS value";
    } else {
      out_ += sql_string(kind) + ", " + sql_string(std::to_string(kAggregatesVersion)) + ", " +
              scope + ", " + key + ", " + measure + ", " + value;
    }
    out_ += from.empty() ? "\n" : "\n  " + from + "\n";
    first_row_ = false;
  }
  void summary(const std::string& measure, const std::string& value, const std::string& from) {
    row("summary", "''", "''", sql_string(measure), syntax_.as_text(value), from);
  }
  // A table's rows read (the file's reader derives rows used from the rejections).
  void table(const std::string& name, const std::string& rows_cte) {
    row("table", sql_string(name), "''", "'rows_read'", syntax_.as_text("COUNT(*)"),
        "FROM " + rows_cte);
  }
  void rejected(const std::string& name, const std::string& from) {
    row("rejected", sql_string(name), "split_part(rejection, ':', 1)",
        "split_part(rejection, ':', 2)", syntax_.as_text("COUNT(*)"), from + " GROUP BY rejection");
  }

  void output() {
    out_ += "\n";
    JsonWriter settings;
    request_.settings.write_json(settings);
    row("settings", "''", "''", "'document'", sql_string(settings.str()), "");
    table("orders", "order_rows");
    rejected("orders", "FROM order_rejections");
    if (!request_.products.empty()) {
      table("products", "product_rows");
      rejected("products", "FROM product_checked WHERE rejection IS NOT NULL");
    }
    summary("orders", "COUNT(*)", "FROM sale_orders");
    summary("order_lines", "COUNT(*)", "FROM sale_lines");
    summary("cancelled_orders", "COUNT(*)", "FROM order_status WHERE status = 'cancelled_order'");
    summary("refunded_orders", "COUNT(*)", "FROM order_status WHERE status = 'refunded_order'");
    summary("money_orders", "COUNT(*)", "FROM scoped_orders WHERE in_scope");
    summary("attached_orders", "COUNT(*)", "FROM sale_orders WHERE attached");
    summary("has_rec_column", "CASE WHEN bool_or(has_rec_column) THEN 1 ELSE 0 END",
            "FROM order_text");
    const std::string in_scope =
        "FROM line_values AS l JOIN scoped_orders AS o ON o.order_id = l.order_id\n"
        "  WHERE o.in_scope";
    summary("priced_lines", "COUNT(l.revenue)", in_scope);
    summary("revenue", "COALESCE(SUM(l.revenue), 0)", in_scope);
    summary("costed_lines", "COUNT(l.revenue - l.cost)", in_scope);
    summary("margin", "COALESCE(SUM(l.revenue - l.cost), 0)", in_scope);
    summary("revenue_with_cost",
            "COALESCE(SUM(CASE WHEN l.cost IS NOT NULL THEN l.revenue END), 0)", in_scope);
    const std::string priced_orders = "FROM scoped_orders WHERE in_scope AND priced_lines > 0";
    summary("order_revenue_n", "COUNT(*)", priced_orders);
    summary("order_revenue_sum", "COALESCE(SUM(" + syntax_.rounded("revenue") + "), 0)",
            priced_orders);
    summary(
        "order_revenue_sum_sq",
        "COALESCE(SUM(" + syntax_.rounded("revenue") + " * " + syntax_.rounded("revenue") + "), 0)",
        priced_orders);
    row("summary", "''", "''", "'currency'", "currency", "FROM main_currency");
    row("currency", "''", "currency", "'orders'", syntax_.as_text("COUNT(*)"),
        "FROM scoped_orders WHERE NOT in_scope GROUP BY currency");
    row("currency", "''", "currency", "'revenue'", syntax_.as_text("COALESCE(SUM(revenue), 0)"),
        "FROM scoped_orders WHERE NOT in_scope GROUP BY currency");
    if (!request_.sessions.empty()) {
      table("sessions", "session_rows");
      rejected("sessions", "FROM session_checked WHERE rejection IS NOT NULL");
      row("rejected", "'sessions'", "'duplicate_session'", "'session_id'",
          syntax_.as_text("COALESCE(SUM(session_rows - 1), 0)"),
          "FROM session_list HAVING SUM(session_rows - 1) > 0");
      summary("sessions", "COUNT(*)", "FROM session_list");
      summary("converted_sessions", "COUNT(*)",
              "FROM session_list AS s LEFT JOIN ordering_sessions AS o ON o.session_id = "
              "s.session_id\n"
              "  WHERE s.said_converted OR (NOT s.said AND o.session_id IS NOT NULL)");
    }
    out_ += ";\n";
  }

  const SqlRequest& request_;
  SqlSyntax syntax_;
  std::string out_;
  bool first_cte_ = true;
  bool first_row_ = true;
};

}  // namespace

Result<std::string> aggregates_sql(const SqlRequest& request) {
  if (request.orders.empty())
    return Status::error(ErrorCode::bad_usage, "sql: the orders table must be named (--orders)");
  return QueryWriter(request).write();
}

}  // namespace basketlift
