#include "warehouse/sql_presets.h"

namespace basketlift {

namespace {

// Shopify "Export orders": one row per line item; order-level columns on an order's first row
// only (the query takes an order's value from any of its lines). And "Export products": one
// row per variant (and per extra image), the title and type on a product's first row only.
constexpr std::pair<const char*, Field> kShopify[] = {
    {"Name", Field::order_id},
    {"Email", Field::customer_id},
    {"Created at", Field::timestamp},
    {"Currency", Field::currency},
    {"Source", Field::channel},
    {"Financial Status", Field::financial_status},
    {"Cancelled at", Field::cancelled_at},
    {"Refunded Amount", Field::refunded_amount},
    {"Discount Amount", Field::order_discount},
    {"Lineitem quantity", Field::quantity},
    {"Lineitem name", Field::product_name},
    {"Lineitem price", Field::unit_price},
    {"Lineitem sku", Field::product_id},
    {"Lineitem discount", Field::discount},
    {"Variant SKU", Field::product_id},
    {"Title", Field::name},
    {"Type", Field::category},
    {"Variant Price", Field::price},
    {"Cost per item", Field::unit_cost},
    {"Handle", Field::handle},
    {"Option1 Value", Field::option1},
    {"Option2 Value", Field::option2},
    {"Option3 Value", Field::option3},
};

// WooCommerce product export, with the cost columns of the common cost-of-goods plugins.
constexpr std::pair<const char*, Field> kWooCommerceProducts[] = {
    {"SKU", Field::product_id},
    {"Name", Field::name},
    {"Regular price", Field::price},
    {"Categories", Field::category},
    {"Upsells", Field::upsells},
    {"Cross-sells", Field::cross_sells},
    {"Meta: _wc_cog_cost", Field::unit_cost},
    {"Meta: _alg_wc_cog_cost", Field::unit_cost},
    {"Meta: _wcj_purchase_price", Field::unit_cost},
    {"Cost of goods", Field::unit_cost},
    {"Cost of goods sold", Field::unit_cost},
};

}  // namespace

std::optional<ColumnMapping> sql_preset(std::string_view names) {
  ColumnMapping mapping;
  while (true) {
    const std::size_t comma = names.find(',');
    const std::string_view name = names.substr(0, comma);
    if (name == "shopify") {
      for (const auto& [column, field] : kShopify)
        mapping.entries.emplace_back(column, field);
    } else if (name == "woocommerce") {
      for (const auto& [column, field] : kWooCommerceProducts)
        mapping.entries.emplace_back(column, field);
    } else {
      return std::nullopt;
    }
    if (comma == std::string_view::npos) return mapping;
    names.remove_prefix(comma + 1);
  }
}

}  // namespace basketlift
