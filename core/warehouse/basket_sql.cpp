// The baskets part of the aggregates query (analysis/basket.h): per set of baskets — products,
// catalogue category paths, products per segment and per channel — its baskets and the baskets
// a pair needs, each item's baskets and every pair in at least that many; organic baskets
// (lines without a rec_id) for the cross-sell offers shown; the catalogue facts of the products
// paired. The engine ranks the pairs and makes the candidates and checks from these counts.
#include "warehouse/query_sections.h"

namespace basketlift {

void add_basket_query(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const Settings& settings = query.request().settings;
  const bool catalogue = !query.request().products.empty();
  const bool offers = !query.request().offers.empty();
  const std::string max_items = std::to_string(settings.basket_max_items);
  query.cte("basket_items", "A basket: the distinct products of a sale order.",
            "  SELECT DISTINCT order_id, product FROM sale_lines\n");
  const auto per_group = [](const char* attribute) {
    return std::string("  UNION ALL\n  SELECT '") + attribute + ":' || o." + attribute +
           ", b.order_id, b.product\n"
           "  FROM basket_items AS b JOIN sale_orders AS o ON o.order_id = b.order_id\n"
           "  WHERE o." +
           attribute + " IS NOT NULL\n";
  };
  query.cte("basket_members",
            "The sets of baskets mined: products; catalogue category paths; products within\n"
            "-- each segment and each channel.",
            "  SELECT 'products' AS basket_set, order_id, product AS item FROM basket_items\n" +
                std::string(catalogue ? "  UNION ALL\n"
                                        "  SELECT DISTINCT 'categories', b.order_id, "
                                        "c.category_path\n"
                                        "  FROM basket_items AS b JOIN catalogue AS c ON "
                                        "c.product = b.product\n"
                                        "  WHERE c.category_path IS NOT NULL\n"
                                      : "") +
                per_group("segment") + per_group("channel"),
            QueryBuilder::Use::once);
  query.cte("basket_sized", "Each basket's items with the basket's size.",
            "  SELECT basket_set, order_id, item,\n"
            "    COUNT(*) OVER (PARTITION BY basket_set, order_id) AS size\n"
            "  FROM basket_members\n");
  const std::string support = "CAST(" + QueryBuilder::double_literal(settings.basket_min_support) +
                              " AS " + sql.double_type() + ")";
  query.cte(
      "basket_sets",
      "Per set: its baskets, those mined (at most basket_max_items = " + max_items +
          " items; larger ones,\n"
          "-- usually wholesale orders, are left out), and the baskets a pair needs: a count\n"
          "-- given as basket_min_support >= 1, else that share of the mined baskets and at\n"
          "-- least 10 (in floating point, as the engine computes it).",
      "  SELECT basket_set, baskets, mined, baskets - mined AS large,\n"
      "    CAST(CASE WHEN " +
          support + " >= 1 THEN CEIL(" + support + ")\n      ELSE GREATEST(10, CEIL(" + support +
          " * mined - CAST(1e-9 AS " + sql.double_type() +
          "))) END AS BIGINT) AS min_count\n"
          "  FROM (SELECT basket_set, COUNT(DISTINCT order_id) AS baskets,\n"
          "    COUNT(DISTINCT CASE WHEN size <= " +
          max_items +
          " THEN order_id END) AS mined\n"
          "    FROM basket_sized GROUP BY basket_set) AS s\n");
  query.cte("basket_item_counts", "Per set and item: the mined baskets holding it.",
            "  SELECT basket_set, item, COUNT(*) AS baskets FROM basket_sized\n"
            "  WHERE size <= " +
                max_items + " GROUP BY basket_set, item\n");
  query.cte("basket_frequent_members",
            "The items of mined baskets that are in at least min_count baskets of their set.",
            "  SELECT m.basket_set, m.order_id, m.item FROM basket_sized AS m\n"
            "  JOIN basket_item_counts AS i ON i.basket_set = m.basket_set AND i.item = m.item\n"
            "  JOIN basket_sets AS s ON s.basket_set = m.basket_set\n"
            "  WHERE m.size <= " +
                max_items + " AND i.baskets >= s.min_count\n");  // kept: joined with itself
  query.cte("basket_pairs",
            "Pairs of frequent items (the first by bytes) in at least min_count baskets.",
            "  SELECT p.* FROM (SELECT x.basket_set, x.item AS a, y.item AS b, COUNT(*) AS "
            "baskets\n"
            "    FROM basket_frequent_members AS x JOIN basket_frequent_members AS y\n"
            "      ON y.basket_set = x.basket_set AND y.order_id = x.order_id AND " +
                sql.byte_order("x.item") + " < " + sql.byte_order("y.item") +
                "\n"
                "    GROUP BY x.basket_set, x.item, y.item) AS p\n"
                "  JOIN basket_sets AS s ON s.basket_set = p.basket_set WHERE p.baskets >= "
                "s.min_count\n");
  query.cte("basket_set_sums", "Per set: its counts and how many items it has, and frequent.",
            "  SELECT s.*, i.distinct_items, i.frequent_items FROM basket_sets AS s\n"
            "  JOIN (SELECT i.basket_set, COUNT(*) AS distinct_items,\n"
            "      COUNT(CASE WHEN i.baskets >= s.min_count THEN 1 END) AS frequent_items\n"
            "    FROM basket_item_counts AS i JOIN basket_sets AS s ON s.basket_set = "
            "i.basket_set\n"
            "    GROUP BY i.basket_set) AS i ON i.basket_set = s.basket_set\n");
  query.cte("basket_paired_items", "Each item of a pair, with its baskets.",
            "  SELECT i.basket_set, i.item, i.baskets FROM basket_item_counts AS i\n"
            "  JOIN (SELECT basket_set, a AS item FROM basket_pairs " +
                sql.union_distinct() +
                "\n"
                "    SELECT basket_set, b FROM basket_pairs) AS p\n"
                "    ON p.basket_set = i.basket_set AND p.item = i.item\n");
  query.cte("basket_products",
            "Products paired: the catalogue's price, cost and margin_pct (the candidates'\n"
            "-- margin) and display name (the catalogue's, else the order lines' smallest).",
            "  SELECT p.product, " +
                std::string(catalogue ? "c.price, c.unit_cost, c.margin_pct, COALESCE(c.name, "
                                        "l.name) AS name\n"
                                      : query.decimal("NULL") + " AS price, " +
                                            query.decimal("NULL") + " AS unit_cost, " +
                                            query.decimal("NULL") + " AS margin_pct, l.name\n") +
                "  FROM (SELECT DISTINCT item AS product FROM basket_paired_items\n"
                "    WHERE basket_set <> 'categories') AS p\n"
                "  LEFT JOIN (SELECT product, MIN(product_name) AS name FROM sale_lines GROUP "
                "BY product) AS l\n"
                "    ON l.product = p.product\n" +
                (catalogue ? "  LEFT JOIN catalogue AS c ON c.product = p.product\n" : ""));
  if (catalogue) {
    query.cte(
        "intended_offers",
        "The shop's own upsells and cross-sells (comma-separated product ids in the\n"
        "-- catalogue) between two products paired.",
        "  SELECT DISTINCT l.anchor, l.offered, l.type FROM (\n"
        "    SELECT product AS anchor, " +
            sql.replace_all("item", "^[[:blank:]]+|[[:blank:]]+$", "") +
            " AS offered,\n"
            "      type FROM (\n      " +
            sql.list_rows("c.product, 'upsell' AS type", "item", "c.upsells", ',',
                          "product_checked", "c", "c.rejection IS NULL AND c.upsells IS NOT NULL") +
            "\n      UNION ALL\n      " +
            sql.list_rows("c.product, 'cross_sell' AS type", "item", "c.cross_sells", ',',
                          "product_checked", "c",
                          "c.rejection IS NULL AND c.cross_sells IS NOT NULL") +
            "\n    ) AS s) AS l\n"
            "  JOIN (SELECT a, b FROM basket_pairs WHERE basket_set = 'products' UNION ALL\n"
            "    SELECT b, a FROM basket_pairs WHERE basket_set = 'products') AS p\n"
            "    ON p.a = l.anchor AND p.b = l.offered\n");
  }
  if (!offers) return;
  query.cte("basket_checked",
            "Cross-sell offers shown of two different products: checked against organic "
            "baskets.",
            "  SELECT DISTINCT anchor, offered FROM offer_shown_facts\n"
            "  WHERE type = 'cross_sell' AND anchor IS NOT NULL AND offered IS NOT NULL\n"
            "    AND anchor <> offered\n");
  query.cte("organic_items", "Organic baskets: a sale order's products on lines without a rec_id.",
            "  SELECT order_id, product, COUNT(*) OVER (PARTITION BY order_id) AS size\n"
            "  FROM (SELECT DISTINCT order_id, product FROM sale_lines WHERE rec_id IS NULL) AS "
            "o\n");
  query.cte("organic_counts",
            "The checked offers' products in organic baskets (all of them), and their pairs\n"
            "-- (in baskets of at most " +
                max_items + " products).",
            "  SELECT 'item' AS what, product AS a, CAST(NULL AS " + sql.text_type() +
                ") AS b, COUNT(*) AS baskets FROM "
                "organic_items\n"
                "  WHERE product IN (SELECT anchor FROM basket_checked " +
                sql.union_distinct() +
                " SELECT offered FROM "
                "basket_checked)\n"
                "  GROUP BY product\n"
                "  UNION ALL\n"
                "  SELECT 'pair', c.anchor, c.offered, COUNT(*) FROM basket_checked AS c\n"
                "  JOIN organic_items AS x ON x.product = c.anchor\n"
                "  JOIN organic_items AS y ON y.order_id = x.order_id AND y.product = c.offered\n"
                "  WHERE x.size <= " +
                max_items + " GROUP BY c.anchor, c.offered\n");
}

void add_basket_rows(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const bool offers = !query.request().offers.empty();
  query.packed_row("basket", "basket_set", "''", "basket_sums", "FROM basket_set_sums");
  if (offers) {
    query.row("basket", "'organic'", "''", "'baskets'", sql.as_text("COUNT(DISTINCT order_id)"),
              "FROM organic_items");
  }
  query.row("basket_item", "basket_set", "item", "'baskets'", sql.as_text("baskets"),
            "FROM basket_paired_items");
  query.row("basket_pair", "basket_set", "a", "'with:' || b", sql.as_text("baskets"),
            "FROM basket_pairs");
  if (offers) {
    query.row("basket_item", "'organic'", "a", "'baskets'", sql.as_text("baskets"),
              "FROM organic_counts WHERE what = 'item'");
    query.row("basket_pair", "'organic'", "a", "'with:' || b", sql.as_text("baskets"),
              "FROM organic_counts WHERE what = 'pair'");
  }
  query.row("basket_product", "''", "product", "'name'", "name",
            "FROM basket_products WHERE name IS NOT NULL");
  query.packed_row("basket_product", "''", "product", "product_facts", "FROM basket_products");
  if (!query.request().products.empty()) {
    query.row("intended_offer", "anchor", "offered", "'type'", "type", "FROM intended_offers");
  }
}

}  // namespace basketlift
