// The catalogue: one record per product (the first row of a product_id wins).
#include <cmath>
#include <string>

#include "ingest/table_loader.h"

namespace basketlift {

namespace {

// "Clothing > Tshirts, Music" (WooCommerce) → "Clothing/Tshirts": first category, '/' path.
std::string category_path(std::string_view text) {
  const std::size_t comma = text.find(',');
  if (comma != std::string_view::npos && text.find(" > ") != std::string_view::npos) {
    text = text.substr(0, comma);
  }
  std::string path;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(" > ", start);
    if (end == std::string_view::npos) end = text.size();
    if (!path.empty()) path += '/';
    path += trim_spaces(text.substr(start, end - start));
    start = end + 3;
  }
  return path;
}

// Shopify's line-item name for a variant: "Title - Option1 / Option2" ("Title" alone for the
// single "Default Title" variant). Used as the product id of variants without a SKU, so
// catalogue rows meet the order lines that Shopify also names this way.
std::string shopify_variant_name(std::string_view title, std::string_view option1,
                                 std::string_view option2, std::string_view option3) {
  std::string options;
  for (std::string_view option : {option1, option2, option3}) {
    if (option.empty()) continue;
    if (!options.empty()) options += " / ";
    options += option;
  }
  if (options.empty() || options == "Default Title") return std::string(title);
  return std::string(title) + " - " + options;
}

class ProductsLoader final : public TableLoader {
 public:
  explicit ProductsLoader(const LoaderContext& context) : ctx_(context) {}

  std::optional<Rejection> load(const Record& record, FileReport& report) override {
    RowReader r(record, ctx_.values);
    std::string_view id_text = r.text(Field::product_id);
    const double price = r.number(Field::price, Bound::non_negative, kNoNumber);
    const double unit_cost = r.number(Field::unit_cost, Bound::non_negative, kNoNumber);
    const double margin_pct = r.number(Field::margin_pct, Bound::any, kNoNumber);
    const double tier = r.number(Field::tier, Bound::any, kNoNumber);
    if (!std::isnan(margin_pct) && (margin_pct < 0 || margin_pct > 100)) {
      r.reject(RejectReason::out_of_range, Field::margin_pct);
    }
    std::string_view name = r.text(Field::name);
    std::string_view category = r.text(Field::category);
    const std::string_view upsells = r.text(Field::upsells);
    const std::string_view cross_sells = r.text(Field::cross_sells);
    const std::string_view handle = r.text(Field::handle);
    const std::string_view option1 = r.text(Field::option1);
    const std::string_view option2 = r.text(Field::option2);
    const std::string_view option3 = r.text(Field::option3);
    if (!r.ok()) return r.rejection();

    // Shopify: a product's later rows carry only its handle and the variant's own columns.
    if (!handle.empty()) {
      if (handle != group_.handle) {
        group_ = {std::string(handle), std::string(name), std::string(category)};
      } else {
        if (name.empty()) name = group_.name;
        if (category.empty()) category = group_.category;
      }
    }
    std::string variant_name;
    if (id_text.empty() && !handle.empty()) {
      if (std::isnan(price) && option1.empty()) {
        return Rejection{RejectReason::not_a_product_row, Field::handle, r.raw(Field::handle)};
      }
      variant_name = shopify_variant_name(name, option1, option2, option3);
      id_text = variant_name;
    }
    if (id_text.empty())
      return Rejection{RejectReason::missing_required_field, Field::product_id, {}};

    Store& store = ctx_.store;
    const std::uint32_t product = store.pools.products.intern(id_text);
    ProductColumns& products = store.products;
    products.ensure(product);
    if (products.in_catalogue[product] != 0) {
      report.note(record.row, RowNote::duplicate_product, "product_id", id_text);
      return std::nullopt;
    }
    products.in_catalogue[product] = 1;
    products.origin[product] = {ctx_.file, static_cast<std::uint32_t>(record.row)};
    if (!name.empty()) products.name[product] = store.pools.texts.intern(name);
    if (!category.empty()) {
      const std::string path = category_path(category);
      products.category[product] = store.pools.labels.intern(path);
      products.top_category[product] = store.pools.labels.intern(path.substr(0, path.find('/')));
    }
    products.price[product] = price;
    products.unit_cost[product] = unit_cost;
    products.margin_pct[product] = margin_pct;
    products.tier[product] = tier;
    add_intended(product, upsells, OfferType::upsell);
    add_intended(product, cross_sells, OfferType::cross_sell);
    return std::nullopt;
  }

 private:
  // WooCommerce lists the shop's own offers as comma-separated product ids.
  void add_intended(std::uint32_t anchor, std::string_view list, OfferType type) {
    Store& store = ctx_.store;
    while (!list.empty()) {
      const std::size_t comma = list.find(',');
      const std::string_view item = trim_spaces(list.substr(0, comma));
      if (!item.empty()) {
        const std::uint32_t offered = store.pools.products.intern(item);
        store.products.ensure(offered);
        store.intended_offers.push_back({anchor, offered, type});
      }
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }

  struct ProductGroup {
    std::string handle, name, category;
  };

  LoaderContext ctx_;
  ProductGroup group_;  // the Shopify product whose rows are being read
};

}  // namespace

std::unique_ptr<TableLoader> make_products_loader(const LoaderContext& context) {
  return std::make_unique<ProductsLoader>(context);
}

}  // namespace basketlift
