// Header → table and fields: own names, synonyms, export presets, user mappings, failures.
#include "ingest/column_mapper.h"

#include <gtest/gtest.h>

#include <ostream>

namespace basketlift {
namespace {

struct DetectCase {
  const char* name;
  std::vector<std::string_view> header;
  Table table;
  Preset preset = Preset::basketlift;
  friend void PrintTo(const DetectCase& c, std::ostream* out) { *out << c.name; }
};

class DetectTableTest : public ::testing::TestWithParam<DetectCase> {};

TEST_P(DetectTableTest, FromTheHeader) {
  const DetectCase& c = GetParam();
  ColumnMapper mapper({}, std::nullopt);
  const Status status = mapper.decide(c.header);
  ASSERT_TRUE(status.ok()) << status.message;
  EXPECT_EQ(mapper.table(), c.table);
  EXPECT_EQ(mapper.preset(), c.preset);
}

INSTANTIATE_TEST_SUITE_P(
    Headers, DetectTableTest,
    ::testing::Values(
        DetectCase{
            "own_orders", {"order_id", "product_id", "quantity", "unit_price"}, Table::orders},
        DetectCase{"spaced_and_cased", {"Order ID", "PRODUCT-ID", "Unit Price"}, Table::orders},
        DetectCase{"uci_online_retail",
                   {"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
                    "CustomerID", "Country"},
                   Table::orders},
        DetectCase{"bare_baskets", {"order_id", "product_id"}, Table::orders},
        DetectCase{"offers",
                   {"rec_id", "type", "placement", "anchor_product_id", "offered_product_id",
                    "session_id", "order_id"},
                   Table::offers},
        DetectCase{
            "sessions", {"session_id", "variant", "timestamp", "converted"}, Table::sessions},
        DetectCase{
            "catalogue", {"product_id", "name", "category", "price", "unit_cost"}, Table::products},
        DetectCase{
            "shopify_orders",
            {"Name", "Email", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem sku"},
            Table::orders,
            Preset::shopify_orders},
        DetectCase{"shopify_products",
                   {"Handle", "Title", "Variant SKU", "Variant Price", "Cost per item"},
                   Table::products,
                   Preset::shopify_products},
        DetectCase{"woocommerce_products",
                   {"ID", "Type", "SKU", "Name", "Regular price", "Upsells", "Cross-sells"},
                   Table::products,
                   Preset::woocommerce_products}));

TEST(ColumnMapper, ResolvesSynonymsPerTable) {
  ColumnMapper orders({}, std::nullopt);
  ASSERT_TRUE(orders.decide({"InvoiceNo", "StockCode", "UnitPrice", "Country"}).ok());
  EXPECT_EQ(orders.resolve("InvoiceNo"), Field::order_id);
  EXPECT_EQ(orders.resolve("StockCode"), Field::product_id);
  EXPECT_EQ(orders.resolve("UnitPrice"), Field::unit_price);
  EXPECT_EQ(orders.resolve("Country"), std::nullopt);
  EXPECT_EQ(orders.unknown_columns(), std::vector<std::string>{"Country"});
  // "price" is a line's unit price in orders, the list price in the catalogue.
  EXPECT_EQ(orders.resolve("price"), Field::unit_price);
  ColumnMapper catalogue({}, std::nullopt);
  ASSERT_TRUE(catalogue.decide({"sku", "price"}).ok());
  EXPECT_EQ(catalogue.resolve("price"), Field::price);
}

TEST(ColumnMapper, UserMappingComesFirst) {
  Result<ColumnMapping> mapping = ColumnMapping::parse_json(
      R"({"Beleg": "order_id", "Artikel": "product_id", "Land": "ignore", "Preis": "unit_price"})");
  ASSERT_TRUE(mapping.ok());
  ColumnMapper mapper(mapping.value(), std::nullopt);
  ASSERT_TRUE(mapper.decide({"Beleg", "Artikel", "Preis", "Land"}).ok());
  EXPECT_EQ(mapper.table(), Table::orders);
  EXPECT_EQ(mapper.resolve("Beleg"), Field::order_id);
  EXPECT_EQ(mapper.resolve("Land"), Field::ignored);
  EXPECT_TRUE(mapper.unknown_columns().empty());
}

TEST(ColumnMapper, BadMappingsAreConfigErrors) {
  EXPECT_EQ(ColumnMapping::parse_json("[]").status().code, ErrorCode::bad_config);
  EXPECT_EQ(ColumnMapping::parse_json(R"({"a": "no_such_field"})").status().code,
            ErrorCode::bad_config);
  EXPECT_EQ(ColumnMapping::parse_json(R"({"a": 3})").status().code, ErrorCode::bad_config);
}

TEST(ColumnMapper, UnrecognisedHeaderSaysWhatIsNeeded) {
  ColumnMapper mapper({}, std::nullopt);
  const Status status = mapper.decide({"foo", "bar"});
  EXPECT_EQ(status.code, ErrorCode::unreadable_file);
  EXPECT_NE(status.message.find("foo, bar"), std::string::npos);
  EXPECT_NE(status.message.find("order_id and product_id"), std::string::npos);
}

TEST(ColumnMapper, ForcedTableNamesTheMissingRequiredColumns) {
  ColumnMapper mapper({}, Table::offers);
  const Status status = mapper.decide({"rec_id", "offered_product_id"});
  EXPECT_EQ(status.code, ErrorCode::unreadable_file);
  EXPECT_NE(status.message.find("type, placement"), std::string::npos);
}

}  // namespace
}  // namespace basketlift
