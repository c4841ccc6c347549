// The dimensions part of the aggregates query (analysis/dimensions.h): per dimension the
// additive figures of its largest groups, of the rest summed into one "(other N)" group, and of
// the whole store. Each grouping's rows are first reduced to one row per group and order, so that
// an order counts once in a group however many of its lines fall there.
#include "warehouse/query_sections.h"

namespace basketlift {

namespace {

// The dimensions and their basis, in the engine's order.
struct DimensionSpec {
  const char* name;
  const char* basis;  // "offers", "orders" or "lines"
};
constexpr DimensionSpec kDimensions[] = {{"offer", "offers"},     {"type", "offers"},
                                         {"placement", "offers"}, {"type_placement", "offers"},
                                         {"channel", "orders"},   {"variant", "orders"},
                                         {"segment", "orders"},   {"product", "lines"},
                                         {"category", "lines"},   {"category_path", "lines"}};

// One SELECT of dimension_atoms for each dimension: `key_of(name)` is its key's expression.
template <typename KeyOf>
std::string per_dimension(const char* basis, const std::string& columns, const std::string& from,
                          KeyOf key_of) {
  std::string out;
  for (const DimensionSpec& d : kDimensions) {
    if (std::string(d.basis) != basis) continue;
    out += std::string(out.empty() ? "" : "  UNION ALL\n") + "  SELECT '" + d.name +
           "' AS dimension, " + key_of(std::string(d.name)) + " AS key, " + columns + "\n  FROM " +
           from + "\n";
  }
  return out;
}

}  // namespace

void add_dimensions_query(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const std::string no_text = "CAST(NULL AS " + sql.text_type() + ")";
  const bool offers = !query.request().offers.empty();
  const bool catalogue = !query.request().products.empty();
  const bool sessions = !query.request().sessions.empty();
  query.cte(
      "dimension_orders",
      "Each sale order's money in the currency scope, whether it carries an offer line,\n"
      "-- and the value and margin of its offer lines.",
      "  SELECT o.order_id, o.channel, o.variant, o.segment,\n"
      "    CASE WHEN o.in_scope THEN COALESCE(o.revenue, 0) ELSE 0 END AS revenue,\n"
      "    CASE WHEN o.in_scope THEN COALESCE(o.margin, 0) ELSE 0 END AS margin,\n"
      "    CASE WHEN o.attached THEN 1 ELSE 0 END AS attached,\n"
      "    COALESCE(v.offer_value, 0) AS offer_value, COALESCE(v.offer_margin, 0) AS "
      "offer_margin\n"
      "  FROM scoped_orders AS o LEFT JOIN (SELECT order_id, SUM(offer_value) AS offer_value,\n"
      "    SUM(offer_margin) AS offer_margin FROM scoped_lines GROUP BY order_id) AS v\n"
      "    ON v.order_id = o.order_id\n");
  const std::string product_keys =
      catalogue ? "c.category_path AS category_path, " + sql.split_part("c.category_path", "/", 1) +
                      " AS category"
                : no_text + " AS category_path, " + no_text + " AS category";
  query.cte("dimension_lines", "Sale lines with their product's category and offer's facts.",
            "  SELECT l.order_id, l.product, l.rec_id, l.revenue, l.margin, l.offer_value,\n"
            "    l.offer_margin, " +
                product_keys +
                (offers ? ", f.type AS offer_type, f.placement AS offer_placement"
                        : ", " + no_text + " AS offer_type, " + no_text + " AS offer_placement") +
                "\n  FROM scoped_lines AS l JOIN dimension_orders AS o ON o.order_id = l.order_id" +
                (catalogue ? " LEFT JOIN catalogue AS c ON c.product = l.product" : "") +
                (offers ? " LEFT JOIN offer_shown_facts AS f ON f.rec_id = l.rec_id" : "") + "\n",
            QueryBuilder::Use::many);
  // An atom: one group's share of one order (order_id set: its lines there) or of impressions.
  // The order's own figures (its money, whether it carries an offer) are joined again after
  // the grouping: the grouped rows stay narrow.
  const std::string own_columns =
      "order_id, revenue, margin, 0 AS impressions, 0 AS accepted, offer_value, offer_margin";
  const auto offer_key = [](const std::string& d) -> std::string {
    if (d == "offer") return "rec_id";
    if (d == "type") return "offer_type";
    if (d == "placement") return "offer_placement";
    return "offer_type || ' × ' || offer_placement";
  };
  // Order and line dimensions read the column named as the dimension.
  const auto column = [](const std::string& d) { return d; };
  // An order has one key in each order dimension: its atoms there are already one per group
  // and order, and skip the grouping (3M of its 10.5M rows at a million orders).
  std::string order_atoms = per_dimension("orders", own_columns, "dimension_orders", column);
  std::string atoms =
      per_dimension("lines", own_columns, "dimension_lines", column) + "  UNION ALL\n" +
      per_dimension("offers", own_columns, "dimension_lines WHERE rec_id IS NOT NULL", offer_key);
  if (offers) {
    const std::string session_join =
        sessions ? " LEFT JOIN session_list AS s ON s.session_id = i.session_id" : "";
    const auto session_value = [&](const std::string& field) {
      return sessions ? "s." + field + ", " : std::string();
    };
    query.cte(
        "dimension_impressions",
        "Impressions counted by their key in every dimension: the offer's facts, the offered\n"
        "-- product's, and the shopper's (the impression's own arm, else its session row's, else\n"
        "-- its order's).",
        "  SELECT COUNT(*) AS impressions, SUM(accepted) AS accepted, rec_id, offer_type,\n"
        "    offer_placement, product, category_path, category, channel, variant, segment\n"
        "  FROM (SELECT i.accepted, i.rec_id, f.type AS offer_type, f.placement AS "
        "offer_placement,\n"
        "    i.offered AS product, " +
            product_keys + ",\n    COALESCE(" + session_value("channel") +
            "o.channel) AS channel,\n    COALESCE(i.variant, " + session_value("variant") +
            "o.variant) AS variant,\n    COALESCE(" + session_value("segment") +
            "o.segment) AS segment\n"
            "  FROM shown AS i JOIN offer_shown_facts AS f ON f.rec_id = i.rec_id\n"
            "  LEFT JOIN sale_orders AS o ON o.order_id = i.order_id" +
            session_join +
            (catalogue ? "\n  LEFT JOIN catalogue AS c ON c.product = i.offered" : "") +
            ") AS k\n"
            "  GROUP BY rec_id, offer_type, offer_placement, product, category_path, category,\n"
            "    channel, variant, segment\n",
        QueryBuilder::Use::many);
    const std::string impression_columns = "NULL, NULL, NULL, impressions, accepted, NULL, NULL";
    order_atoms += "  UNION ALL\n" +
                   per_dimension("orders", impression_columns, "dimension_impressions", column);
    atoms += "  UNION ALL\n" +
             per_dimension("lines", impression_columns, "dimension_impressions", column) +
             "  UNION ALL\n" +
             per_dimension("offers", impression_columns, "dimension_impressions", offer_key);
  }
  query.cte("dimension_atoms",
            "Every group's share of every order and impression in the line and offer dimensions\n"
            "-- (key '': no value; a value read is never empty).",
            "  SELECT dimension, COALESCE(key, '') AS key, order_id, revenue, margin,\n"
            "    impressions, accepted, offer_value, offer_margin\n"
            "  FROM (\n" +
                atoms + "  ) AS a\n",
            QueryBuilder::Use::once);
  query.cte("dimension_order_atoms",
            "The same in the order dimensions, where an order falls in one group only.",
            "  SELECT dimension, COALESCE(key, '') AS key, order_id, revenue, margin,\n"
            "    CAST(impressions AS BIGINT) AS impressions, CAST(accepted AS BIGINT) AS "
            "accepted,\n"
            "    offer_value, offer_margin\n"
            "  FROM (\n" +
                order_atoms + "  ) AS a\n",
            QueryBuilder::Use::once);
  query.cte("dimension_group_orders", "Each group's orders, each once, and its impressions.",
            "  SELECT dimension, key, order_id, SUM(revenue) AS revenue, SUM(margin) AS margin,\n"
            "    CAST(SUM(impressions) AS BIGINT) AS impressions, CAST(SUM(accepted) AS BIGINT) AS "
            "accepted,\n"
            "    SUM(offer_value) AS offer_value, SUM(offer_margin) AS offer_margin\n"
            "  FROM dimension_atoms GROUP BY dimension, key, order_id\n"
            "  UNION ALL\n"
            "  SELECT * FROM dimension_order_atoms\n");
  std::string basis_of;  // the basis of dimension_group_orders' row g
  for (const char* basis : {"offers", "lines"}) {
    std::string names;
    for (const DimensionSpec& d : kDimensions) {
      if (std::string(d.basis) == basis) names += (names.empty() ? "" : ", ") + sql_string(d.name);
    }
    basis_of += " WHEN g.dimension IN (" + names + ") THEN '" + basis + "'";
  }
  query.cte("dimension_order_rows",
            "A group's orders with their basis and the order's own figures.",
            "  SELECT g.dimension, CASE" + basis_of +
                " ELSE 'orders' END AS basis, g.key, g.order_id,\n"
                "    o.revenue AS order_revenue, o.margin AS order_margin, o.attached, g.revenue,\n"
                "    g.margin, g.impressions, g.accepted, g.offer_value, g.offer_margin\n"
                "  FROM dimension_group_orders AS g\n"
                "  LEFT JOIN dimension_orders AS o ON o.order_id = g.order_id\n",
            QueryBuilder::Use::inlined);
  // A group's figures from its rows of dimension_group_orders (or of a merge of them).
  const std::string figures =
      "COUNT(order_id) AS orders, COALESCE(SUM(order_revenue), 0) AS order_revenue,\n"
      "    COALESCE(CASE WHEN basis = 'lines' THEN SUM(revenue) ELSE SUM(order_revenue) END, 0) AS "
      "revenue,\n"
      "    COALESCE(CASE WHEN basis = 'lines' THEN SUM(margin) ELSE SUM(order_margin) END, 0) AS "
      "margin,\n"
      "    COALESCE(SUM(attached), 0) AS attached_orders, COALESCE(SUM(impressions), 0) AS "
      "impressions,\n"
      "    COALESCE(SUM(accepted), 0) AS accepted, COALESCE(SUM(offer_value), 0) AS "
      "offer_revenue,\n"
      "    COALESCE(SUM(offer_margin), 0) AS offer_margin\n";
  query.cte("dimension_keys", "Each group's figures.",
            "  SELECT dimension, basis, key, " + figures +
                "  FROM dimension_order_rows GROUP BY dimension, basis, key\n");
  query.cte("dimension_ranks",
            "Each group's rank: by impressions + orders (offers), else revenue + orders, largest\n"
            "-- first (a tie: by name, the group without a value last).",
            "  SELECT dimension, key, ROW_NUMBER() OVER (PARTITION BY dimension ORDER BY\n"
            "    CASE WHEN basis = 'offers' THEN impressions + orders ELSE revenue + orders END "
            "DESC,\n"
            "    CASE WHEN key = '' THEN 1 ELSE 0 END, " +
                query.syntax().byte_order("key") +
                ") AS rank,\n"
                "    COUNT(*) OVER (PARTITION BY dimension) AS group_count\n"
                "  FROM dimension_keys\n");
  // One order's share of a merged slot: its rows of the groups merged, counted once.
  const std::string merged_order =
      "g.dimension, g.basis, g.order_id, MIN(g.order_revenue) AS order_revenue,\n"
      "      MIN(g.order_margin) AS order_margin, MIN(g.attached) AS attached, SUM(g.revenue) AS "
      "revenue,\n"
      "      SUM(g.margin) AS margin, SUM(g.impressions) AS impressions, SUM(g.accepted) AS "
      "accepted,\n"
      "      SUM(g.offer_value) AS offer_value, SUM(g.offer_margin) AS offer_margin\n";
  const std::string most = std::to_string(query.request().settings.max_dimension_groups);
  std::vector<std::vector<std::string>> firsts;  // each dimension, its basis's first dimension
  for (const DimensionSpec& d : kDimensions) {
    for (const DimensionSpec& first : kDimensions) {
      if (std::string(first.basis) != d.basis) continue;
      firsts.push_back({sql_string(d.name), sql_string(first.name)});
      break;
    }
  }
  query.cte(
      "dimension_groups",
      "The first " + most +
          " groups of each dimension; the rest merged into one \"(other N)\" slot (rank " + most +
          " + 1),\n"
          "-- where an order of several of them counts once; the whole store (rank 0), the same\n"
          "-- for every dimension of a basis.",
      "  SELECT g.*, CASE WHEN g.rank = 0 THEN 'total' WHEN g.rank > " + most +
          " THEN 'other'\n"
          "    WHEN r.key = '' THEN 'not_set' ELSE 'key:' || r.key END AS grp,\n"
          "    (SELECT MAX(group_count) FROM dimension_ranks AS c WHERE c.dimension = "
          "g.dimension) AS group_count\n"
          "  FROM (SELECT k.dimension, r.rank, k.orders, k.order_revenue, k.revenue, k.margin,\n"
          "      k.attached_orders, k.impressions, k.accepted, k.offer_revenue, k.offer_margin\n"
          "    FROM dimension_keys AS k JOIN dimension_ranks AS r\n"
          "      ON r.dimension = k.dimension AND r.key = k.key WHERE r.rank <= " +
          most +
          "\n"
          "    UNION ALL\n"
          "    SELECT dimension, " +
          most + " + 1, " + figures + "    FROM (SELECT " + merged_order +
          "      FROM dimension_order_rows AS g JOIN dimension_ranks AS r\n"
          "        ON r.dimension = g.dimension AND r.key = g.key\n"
          "      WHERE r.rank > " +
          most +
          " GROUP BY g.dimension, g.basis, g.order_id) AS o\n"
          "    GROUP BY dimension, basis\n"
          "    UNION ALL\n"
          "    SELECT d.dimension, 0, t.orders, t.order_revenue, t.revenue, t.margin,\n"
          "      t.attached_orders, t.impressions, t.accepted, t.offer_revenue, t.offer_margin\n"
          "    FROM (SELECT dimension, " +
          figures + "      FROM (SELECT " + merged_order +
          "        FROM dimension_order_rows AS g WHERE g.dimension IN ('offer', 'channel', "
          "'product')\n"
          "        GROUP BY g.dimension, g.basis, g.order_id) AS o\n"
          "      GROUP BY dimension, basis) AS t\n"
          "    JOIN " +
          sql.values("d", {"dimension", "first_dimension"}, firsts) +
          " ON d.first_dimension = t.dimension) AS g\n"
          "  LEFT JOIN dimension_ranks AS r ON r.dimension = g.dimension AND r.rank = g.rank\n");
  query.cte("dimension_names",
            "Display names of the products listed: the catalogue's, else the order lines' (the\n"
            "-- smallest; the engine: the first line's).",
            "  SELECT 'key:' || r.key AS grp, COALESCE(" +
                std::string(catalogue ? "c.name, " : "") +
                "l.name) AS name\n"
                "  FROM dimension_ranks AS r\n"
                "  LEFT JOIN (SELECT product, MIN(product_name) AS name FROM scoped_lines GROUP BY "
                "product) AS l\n"
                "    ON l.product = r.key\n" +
                (catalogue ? "  LEFT JOIN catalogue AS c ON c.product = r.key\n" : "") +
                "  WHERE r.dimension = 'product' AND r.rank <= " + most + " AND r.key <> ''\n");
}

void add_dimensions_rows(QueryBuilder& query) {
  query.packed_row("dimension", "dimension", "grp", "dimension_sums", "FROM dimension_groups");
  query.row("dimension_name", "'product'", "grp", "'name'", "name",
            "FROM dimension_names WHERE name IS NOT NULL");
}

}  // namespace basketlift
