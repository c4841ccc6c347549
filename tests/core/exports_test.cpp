// Real merchant exports: Shopify orders and products, WooCommerce products, and the two real
// public data sets in tests/data (UCI Online Retail, arules Groceries).
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>

#include "test_support.h"

namespace basketlift {
namespace {

using testing::feed_chunks;
using testing::fixture_path;
using testing::read_file;

std::uint64_t rejected(const FileReport& file, RejectReason reason) {
  return file.rejected[static_cast<int>(reason)].count;
}

TEST(ShopifyOrders, MultiLineOrdersStatusesAndNamedLines) {
  Engine engine;
  const std::string bytes = read_file(fixture_path("shopify/orders_export.csv"));
  ASSERT_TRUE(feed_chunks(engine, bytes, 0, {"orders_export.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(engine.analyze().ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.preset, Preset::shopify_orders);
  EXPECT_EQ(file.rows_read, 8u);
  EXPECT_EQ(file.rows_used, 5u);
  EXPECT_EQ(rejected(file, RejectReason::cancelled_order), 2u);  // both lines of #1004
  EXPECT_EQ(rejected(file, RejectReason::refunded_order), 1u);
  EXPECT_EQ(file.notes[static_cast<int>(RowNote::product_named_by_line)].count, 1u);
  EXPECT_EQ(file.notes[static_cast<int>(RowNote::product_named_by_line)].examples[0].value,
            "Gift wrapping");
  // Billing and shipping columns are kept out of the way and listed.
  EXPECT_NE(std::find(file.unknown_columns.begin(), file.unknown_columns.end(), "Billing Name"),
            file.unknown_columns.end());

  const Store& store = engine.store();
  const Summary& summary = engine.report().summary;
  EXPECT_EQ(summary.orders, 3u);
  EXPECT_EQ(summary.cancelled_orders, 1u);
  EXPECT_EQ(summary.refunded_orders, 1u);
  EXPECT_DOUBLE_EQ(*summary.revenue.value, (800 + 40 - 4) + (2 * 9.5 + 3) + (3 * 12 - 6));
  EXPECT_EQ(summary.currency, "EUR");
  // Order-level fields from the first line hold for the order's later lines.
  const std::uint32_t order = *store.pools.orders.find("#1001");
  EXPECT_EQ(store.orders.line_count[order], 2u);
  EXPECT_EQ(store.pools.customers.view(store.orders.customer[order]), "ada@example.com");
  EXPECT_EQ(store.orders.time[order], 1759823426);  // 2025-10-07 09:50:26 +0200
  EXPECT_EQ(store.pools.labels.view(store.orders.channel[*store.pools.orders.find("#1005")]),
            "pos");
  EXPECT_EQ(store.orders.refunded_amount[*store.pools.orders.find("#1005")], 12);
  EXPECT_TRUE(store.pools.products.find("Gift wrapping").has_value());
}

TEST(ShopifyProducts, VariantRowsImageRowsAndSkulessVariants) {
  Engine engine;
  ASSERT_TRUE(feed_chunks(engine, read_file(fixture_path("shopify/products_export.csv")), 0).ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.preset, Preset::shopify_products);
  EXPECT_EQ(file.rows_used, 5u);
  EXPECT_EQ(rejected(file, RejectReason::not_a_product_row), 1u);  // the laptop's second image
  const Store& store = engine.store();
  const ProductColumns& p = store.products;
  const std::uint32_t cable2 = *store.pools.products.find("CABLE-C2");
  EXPECT_EQ(store.pools.texts.view(p.name[cable2]), "USB-C cable");  // inherited from the first row
  EXPECT_EQ(store.pools.labels.view(p.category[cable2]), "Cables");
  EXPECT_EQ(p.price[cable2], 12);
  EXPECT_EQ(p.unit_cost[cable2], 2.9);
  // Variants without a SKU are named as Shopify names their order lines.
  EXPECT_TRUE(store.pools.products.find("Gift wrapping").has_value());
  const std::uint32_t pad = *store.pools.products.find("Mouse pad - Blue");
  EXPECT_TRUE(std::isnan(p.unit_cost[pad]));
}

TEST(ShopifyExports, OrdersMeetTheCatalogueByLineName) {
  Engine engine;
  ASSERT_TRUE(feed_chunks(engine, read_file(fixture_path("shopify/products_export.csv")), 0).ok());
  ASSERT_TRUE(feed_chunks(engine, read_file(fixture_path("shopify/orders_export.csv")), 0).ok());
  const Store& store = engine.store();
  const std::uint32_t gift = *store.pools.products.find("Gift wrapping");
  EXPECT_EQ(store.products.in_catalogue[gift], 1);
  EXPECT_EQ(store.products.unit_cost[gift], 0.5);
}

TEST(WooCommerceProducts, CategoriesAndIntendedOffers) {
  Engine engine;
  ASSERT_TRUE(
      feed_chunks(engine, read_file(fixture_path("woocommerce/products_export.csv")), 0).ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.preset, Preset::woocommerce_products);
  EXPECT_EQ(file.rows_used, 4u);
  const Store& store = engine.store();
  const std::uint32_t laptop = *store.pools.products.find("LAP-15");
  EXPECT_EQ(store.pools.labels.view(store.products.category[laptop]),
            "Electronics/Computers/Laptops");
  const std::uint32_t mouse = *store.pools.products.find("MOUSE-WL");
  EXPECT_EQ(store.pools.labels.view(store.products.category[mouse]), "Electronics/Accessories");
  ASSERT_EQ(store.intended_offers.size(), 3u);
  EXPECT_EQ(store.intended_offers[0].type, OfferType::upsell);
  EXPECT_EQ(store.pools.products.view(store.intended_offers[0].offered), "LAP-15-PRO");
  EXPECT_EQ(store.pools.products.view(store.intended_offers[2].offered), "BAG-15");
  EXPECT_EQ(store.intended_offers[2].type, OfferType::cross_sell);
}

// The cost columns that WooCommerce cost plugins add to the product export give unit costs
// (so margins are known); a product without a cost keeps it unknown.
TEST(WooCommerceProducts, CostPluginColumnsGiveUnitCosts) {
  for (const char* name :
       {"woocommerce/products_export_wc_cog.csv", "woocommerce/products_export_alg_wc_cog.csv",
        "woocommerce/products_export_booster_purchase.csv"}) {
    Engine engine;
    ASSERT_TRUE(feed_chunks(engine, read_file(fixture_path(name)), 0).ok()) << name;
    const FileReport& file = engine.files().at(0);
    EXPECT_EQ(file.preset, Preset::woocommerce_products) << name;
    bool cost_column = false;
    for (const auto& [column, field] : file.columns)
      cost_column |= column.rfind("Meta: _", 0) == 0 && field == Field::unit_cost;
    EXPECT_TRUE(cost_column) << name;
    const Store& store = engine.store();
    EXPECT_EQ(store.products.unit_cost[*store.pools.products.find("LAP-15")], 560) << name;
    EXPECT_EQ(store.products.unit_cost[*store.pools.products.find("MOUSE-WL")], 12.5) << name;
    EXPECT_TRUE(std::isnan(store.products.unit_cost[*store.pools.products.find("BAG-15")])) << name;
  }
}

// Streams a gzipped file into the engine in 1 MiB chunks.
Status feed_gzip(Engine& engine, const std::string& path, const std::string& name) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (in == nullptr) return Status::error(ErrorCode::unreadable_file, "cannot open " + path);
  Status status = engine.begin_file({name, {}, {}, {}});
  std::vector<char> chunk(1 << 20);
  int n;
  while (status.ok() && (n = gzread(in, chunk.data(), static_cast<unsigned>(chunk.size()))) > 0) {
    status = engine.feed(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
  }
  gzclose(in);
  const Status ended = engine.end_file();
  return status.ok() ? ended : status;
}

TEST(RealData, UciOnlineRetailIsReadWithEveryRowAccountedFor) {
  Engine engine;
  const std::string path = BASKETLIFT_REAL_DATA_DIR "/online-retail/Online_Retail.csv.gz";
  ASSERT_TRUE(feed_gzip(engine, path, "Online_Retail.csv").ok());
  const FileReport& file = engine.files().at(0);
  // Figures from the data set's README: 541,909 lines; 10,624 with quantity <= 0; 2 negative
  // prices.
  EXPECT_EQ(file.table, Table::orders);
  EXPECT_EQ(file.rows_read, 541909u);
  EXPECT_EQ(rejected(file, RejectReason::non_positive_quantity), 10624u);
  EXPECT_EQ(rejected(file, RejectReason::negative_number), 2u);
  EXPECT_EQ(file.rows_used, 541909u - 10624u - 2u);
  EXPECT_EQ(file.unknown_columns, std::vector<std::string>{"Country"});
  // Lines without a customer (135,080 in the file) leave their orders without one.
  const Store& store = engine.store();
  std::uint64_t lines_without_customer = 0;
  for (std::size_t i = 0; i < store.lines.size(); ++i) {
    lines_without_customer += store.orders.customer[store.lines.order[i]] == kNoId;
  }
  EXPECT_EQ(lines_without_customer, 133359u);  // 135,080 less the rejected lines (Python count)
}

TEST(RealData, GroceriesBareBasketsAreReadWithoutMoney) {
  Engine engine;
  const std::string bytes = read_file(BASKETLIFT_REAL_DATA_DIR "/groceries/orders.csv");
  ASSERT_TRUE(feed_chunks(engine, bytes, 1 << 16).ok());
  ASSERT_TRUE(engine.analyze().ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.rows_read, 43367u);
  EXPECT_EQ(file.rows_rejected, 0u);
  const Summary& summary = engine.report().summary;
  EXPECT_EQ(summary.orders, 9835u);
  EXPECT_EQ(engine.store().pools.products.size(), 169u);
  EXPECT_FALSE(summary.revenue.value.has_value());
  EXPECT_EQ(summary.revenue.unavailable, "no order line has a unit_price");
}

}  // namespace
}  // namespace basketlift
