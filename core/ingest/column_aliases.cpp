#include "ingest/column_aliases.h"

#include <array>

namespace basketlift {

namespace {

struct Alias {
  const char* name;  // normalised: lower case, no spaces, underscores, dashes or dots
  Field field;
};

using F = Field;

// Synonyms beyond the canonical names, per table, for files in the engine's own layout or a
// close cousin (e.g. the UCI Online Retail export: InvoiceNo, StockCode, UnitPrice, ...).
constexpr Alias kOrderAliases[] = {
    {"order", F::order_id},
    {"ordernumber", F::order_id},
    {"orderno", F::order_id},
    {"invoice", F::order_id},
    {"invoiceno", F::order_id},
    {"invoicenumber", F::order_id},
    {"invoiceid", F::order_id},
    {"transactionid", F::order_id},
    {"basketid", F::order_id},
    {"time", F::timestamp},
    {"date", F::timestamp},
    {"datetime", F::timestamp},
    {"createdat", F::timestamp},
    {"orderdate", F::timestamp},
    {"invoicedate", F::timestamp},
    {"purchasedate", F::timestamp},
    {"customer", F::customer_id},
    {"clientid", F::customer_id},
    {"userid", F::customer_id},
    {"email", F::customer_id},
    {"session", F::session_id},
    {"visitid", F::session_id},
    {"saleschannel", F::channel},
    {"source", F::channel},
    {"arm", F::variant},
    {"experimentarm", F::variant},
    {"experimentgroup", F::variant},
    {"abgroup", F::variant},
    {"customersegment", F::segment},
    {"currencycode", F::currency},
    {"product", F::product_id},
    {"sku", F::product_id},
    {"stockcode", F::product_id},
    {"itemid", F::product_id},
    {"item", F::product_id},
    {"productname", F::product_name},
    {"description", F::product_name},
    {"itemname", F::product_name},
    {"qty", F::quantity},
    {"units", F::quantity},
    {"price", F::unit_price},
    {"unitprice", F::unit_price},
    {"itemprice", F::unit_price},
    {"priceeach", F::unit_price},
    {"linediscount", F::discount},
    {"discountamount", F::discount},
    {"cost", F::unit_cost},
    {"costprice", F::unit_cost},
    {"recommendationid", F::rec_id},
    {"offerid", F::rec_id},
};

constexpr Alias kProductAliases[] = {
    {"product", F::product_id}, {"sku", F::product_id},           {"stockcode", F::product_id},
    {"itemid", F::product_id},  {"productname", F::name},         {"title", F::name},
    {"description", F::name},   {"categorypath", F::category},    {"department", F::category},
    {"listprice", F::price},    {"unitprice", F::price},          {"regularprice", F::price},
    {"cost", F::unit_cost},     {"costprice", F::unit_cost},      {"costperitem", F::unit_cost},
    {"margin", F::margin_pct},  {"marginpercent", F::margin_pct}, {"upselltier", F::tier},
};

constexpr Alias kOfferAliases[] = {
    {"offerid", F::rec_id},
    {"recommendationid", F::rec_id},
    {"offertype", F::type},
    {"rectype", F::type},
    {"position", F::placement},
    {"slot", F::placement},
    {"anchor", F::anchor_product_id},
    {"anchorsku", F::anchor_product_id},
    {"offered", F::offered_product_id},
    {"offeredsku", F::offered_product_id},
    {"recommendedproduct", F::offered_product_id},
    {"offerprice", F::offered_price},
    {"shownprice", F::offered_price},
    {"session", F::session_id},
    {"order", F::order_id},
    {"time", F::timestamp},
    {"arm", F::variant},
    {"experimentgroup", F::variant},
    {"customer", F::customer_id},
};

constexpr Alias kSessionAliases[] = {
    {"session", F::session_id}, {"visitid", F::session_id},      {"visitorid", F::session_id},
    {"arm", F::variant},        {"experimentarm", F::variant},   {"experimentgroup", F::variant},
    {"abgroup", F::variant},    {"time", F::timestamp},          {"customer", F::customer_id},
    {"source", F::channel},     {"customersegment", F::segment}, {"purchased", F::converted},
};

// Shopify "Export orders" CSV, by header name (its columns vary between exports).
constexpr Alias kShopifyOrders[] = {
    {"name", F::order_id},
    {"email", F::customer_id},
    {"createdat", F::timestamp},
    {"currency", F::currency},
    {"source", F::channel},
    {"financialstatus", F::financial_status},
    {"cancelledat", F::cancelled_at},
    {"refundedamount", F::refunded_amount},
    {"discountamount", F::order_discount},
    {"lineitemquantity", F::quantity},
    {"lineitemname", F::product_name},
    {"lineitemprice", F::unit_price},
    {"lineitemcompareatprice", F::compare_at_price},
    {"lineitemsku", F::product_id},
    {"lineitemdiscount", F::discount},
    {"vendor", F::vendor},
    {"id", F::ignored},
    {"noteattributes", F::ignored},
};

// Shopify "Export products" CSV.
constexpr Alias kShopifyProducts[] = {
    {"variantsku", F::product_id},
    {"title", F::name},
    {"variantprice", F::price},
    {"costperitem", F::unit_cost},
    {"type", F::category},
    {"vendor", F::vendor},
    {"tags", F::tags},
    {"handle", F::handle},
    {"option1value", F::option1},
    {"option2value", F::option2},
    {"option3value", F::option3},
};

// WooCommerce product export, with the unit cost columns of the common cost plugins (meta
// fields export as "Meta: <key>"): WooCommerce.com's Cost of Goods (_wc_cog_cost), WPFactory's
// Cost of Goods for WooCommerce (_alg_wc_cog_cost), Booster's purchase price
// (_wcj_purchase_price), and WooCommerce's own Cost of Goods Sold column.
constexpr Alias kWooProducts[] = {
    {"sku", F::product_id},
    {"name", F::name},
    {"regularprice", F::price},
    {"categories", F::category},
    {"tags", F::tags},
    {"upsells", F::upsells},
    {"crosssells", F::cross_sells},
    {"meta:wccogcost", F::unit_cost},
    {"meta:algwccogcost", F::unit_cost},
    {"meta:wcjpurchaseprice", F::unit_cost},
    {"costofgoods", F::unit_cost},
    {"costofgoodssold", F::unit_cost},
    {"id", F::ignored},
    {"type", F::ignored},
};

template <std::size_t N>
std::optional<Field> find_alias(const Alias (&aliases)[N], std::string_view name) {
  for (const Alias& alias : aliases) {
    if (name == alias.name) return alias.field;
  }
  return std::nullopt;
}

std::optional<Field> canonical_field(std::string_view normalized, Table table) {
  for (int f = 0; f < kFieldCount; ++f) {
    const auto field = static_cast<Field>(f);
    if (field == Field::ignored || (table_fields(table) & field_bit(field)) == 0) continue;
    if (normalize_header(field_name(field)) == normalized) return field;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Field> alias_field(std::string_view normalized, Table table, Preset preset) {
  switch (preset) {
    case Preset::shopify_orders:
      return find_alias(kShopifyOrders, normalized);
    case Preset::shopify_products:
      return find_alias(kShopifyProducts, normalized);
    case Preset::woocommerce_products:
      return find_alias(kWooProducts, normalized);
    case Preset::basketlift:
      break;
  }
  if (auto field = canonical_field(normalized, table)) return field;
  switch (table) {
    case Table::orders:
      return find_alias(kOrderAliases, normalized);
    case Table::products:
      return find_alias(kProductAliases, normalized);
    case Table::offers:
      return find_alias(kOfferAliases, normalized);
    case Table::sessions:
      return find_alias(kSessionAliases, normalized);
  }
  return std::nullopt;
}

}  // namespace basketlift
