#include "sample/catalog.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace basketlift::sample {

namespace {

struct SubCategory {
  int theme;
  const char* name;
  const char* code;
  double median_price;
  double margin;  // typical gross margin
};

constexpr SubCategory kSubCategories[] = {
    {0, "Laptops", "LAP", 700, 0.22},   {0, "Accessories", "ACC", 35, 0.45},
    {0, "Audio", "AUD", 90, 0.38},      {1, "Kitchen", "KIT", 45, 0.40},
    {1, "Decor", "DEC", 30, 0.55},      {2, "Camping", "CMP", 80, 0.42},
    {2, "Apparel", "OAP", 50, 0.50},    {3, "Makeup", "MKP", 22, 0.60},
    {3, "Skincare", "SKN", 28, 0.62},   {4, "Power tools", "PWR", 110, 0.33},
    {4, "Hand tools", "HND", 25, 0.45}, {5, "Shoes", "SHO", 85, 0.50},
    {5, "Bags", "BAG", 60, 0.52},
};

// Prices end in .99 or .50 like a shop's; costs are whole cents.
double shop_price(double raw) {
  return std::max(1.0, std::floor(raw)) + (raw < 20 ? 0.50 : 0.99);
}
double cents(double value) {
  return std::round(value * 100) / 100;
}

struct PlantedProduct {
  const char* id;
  const char* name;
  int sub;  // index into kSubCategories
  double price;
  double cost;
};

// The products whose behaviour the answers file describes.
constexpr PlantedProduct kPlanted[] = {
    {"LAP-14", "Laptop 14\"", 0, 600.00, 480.00},
    {"LAP-15", "Laptop 15\"", 0, 800.00, 560.00},
    {"LAP-15-PRO", "Laptop 15\" Pro", 0, 1000.00, 690.00},
    {"MOUSE-WL", "Wireless mouse", 1, 40.00, 24.00},
    {"BAG-15", "Laptop bag, 15\"", 1, 49.90, 30.00},
    {"WARRANTY-2Y", "2-year warranty", 1, 79.00, 20.00},
    {"CABLE-C", "USB-C cable, 1m", 1, 9.50, 2.10},
    {"CARE-KIT", "Premium care kit", 1, 59.00, 30.00},
    {"TENT-2P", "Tent, 2 person", 5, 199.00, 120.00},
    {"SLEEPBAG", "Sleeping bag", 5, 89.00, 50.00},
    {"SOCKS-WOOL", "Wool socks", 6, 15.00, 6.00},
    {"DRILL-18V", "Drill 18V", 9, 129.00, 85.00},
    {"LIPSTICK-RED", "Lipstick, red", 7, 19.00, 5.00},
    {"GIFT-WRAP", "Gift wrapping", 4, 4.00, 4.00},
};

Product make_product(std::string id, std::string name, int sub, double price, double cost) {
  Product p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.theme = kSubCategories[sub].theme;
  p.category = theme_names()[p.theme] + "/" + kSubCategories[sub].name;
  p.price = price;
  p.cost = cost;
  return p;
}

void add_planted_products(Catalog& catalog, bool gaps) {
  for (const PlantedProduct& planted : kPlanted) {
    catalog.products.push_back(
        make_product(planted.id, planted.name, planted.sub, planted.price, planted.cost));
  }
  Product& lap14 = catalog.products[catalog.product("LAP-14")];
  lap14.tier = 1;
  lap14.premium = catalog.product("LAP-15");
  Product& lap15 = catalog.products[catalog.product("LAP-15")];
  lap15.tier = 2;
  lap15.premium = catalog.product("LAP-15-PRO");
  lap15.complements = {catalog.product("BAG-15"), catalog.product("CABLE-C")};
  catalog.products[catalog.product("LAP-15-PRO")].tier = 3;
  if (gaps) {
    // Sold, but never described in the catalogue file: "missing product mapping".
    for (int i = 1; i <= 3; ++i) {
      Product ghost =
          make_product("GHOST-" + std::to_string(i), "Unlisted camping item " + std::to_string(i),
                       5, 25.0 + 5 * i, 12.0 + 2 * i);
      ghost.in_catalogue = false;
      catalog.products.push_back(ghost);
    }
  }
}

// Bulk products per sub-category, with upsell ladders of three tiers.
void add_bulk_products(Catalog& catalog, std::size_t count, bool gaps, Random& random) {
  const std::size_t subs = std::size(kSubCategories);
  for (std::size_t i = 0; i < count; ++i) {
    const int sub = static_cast<int>(i % subs);
    const SubCategory& sc = kSubCategories[sub];
    char id[32];
    std::snprintf(id, sizeof id, "%s-%04zu", sc.code, i / subs + 1);
    const double price = shop_price(random.lognormal(sc.median_price, 0.5));
    const double margin = std::clamp(sc.margin + random.uniform(-0.1, 0.1), 0.05, 0.9);
    Product p = make_product(id, std::string(sc.name) + " item " + std::to_string(i / subs + 1),
                             sub, price, cents(price * (1 - margin)));
    p.cost_known = !(gaps && random.chance(0.05));
    p.cost_as_margin = p.cost_known && random.chance(0.10);
    if (p.cost_as_margin) {
      // The catalogue states a margin to one decimal; the true cost is the one it implies.
      p.margin_pct = std::round((1 - p.cost / p.price) * 1000) / 10;
      p.cost = p.price * (1 - p.margin_pct / 100);
    }
    catalog.products.push_back(std::move(p));
  }
}

bool is_planted(const std::string& id) {
  return std::any_of(std::begin(kPlanted), std::end(kPlanted),
                     [&](const PlantedProduct& k) { return id == k.id; });
}

void index_by_theme(Catalog& catalog, Random& random) {
  catalog.products_by_theme.assign(theme_names().size(), {});
  for (int p = 0; p < static_cast<int>(catalog.products.size()); ++p) {
    catalog.products_by_theme[catalog.products[p].theme].push_back(p);
  }
  // Popularity order: planted products first, then the others shuffled (Fisher-Yates).
  for (auto& members : catalog.products_by_theme) {
    const auto others = std::stable_partition(
        members.begin(), members.end(), [&](int p) { return is_planted(catalog.products[p].id); });
    for (auto n = members.end() - others; n > 1; --n) {
      std::iter_swap(others + (n - 1),
                     others + static_cast<long>(random.below(static_cast<std::uint64_t>(n))));
    }
    catalog.popularity.emplace_back(zipf_weights(members.size(), 1.0));
  }
  // Upsell ladders among each theme's most popular products (so shoppers meet them often):
  // three products of one sub-category, by price, are tiers 1, 2 and 3.
  for (const auto& members : catalog.products_by_theme) {
    std::vector<std::vector<int>> by_category;
    std::vector<std::string> categories;
    for (std::size_t rank = 0; rank < members.size() && rank < 40; ++rank) {
      const Product& product = catalog.products[members[rank]];
      if (is_planted(product.id) || !product.in_catalogue) continue;
      const auto at = std::find(categories.begin(), categories.end(), product.category);
      if (at == categories.end()) {
        categories.push_back(product.category);
        by_category.push_back({members[rank]});
      } else {
        by_category[static_cast<std::size_t>(at - categories.begin())].push_back(members[rank]);
      }
    }
    for (auto& group : by_category) {
      for (std::size_t start = 0; start + 3 <= group.size(); start += 3) {
        std::sort(
            group.begin() + static_cast<long>(start), group.begin() + static_cast<long>(start) + 3,
            [&](int a, int b) { return catalog.products[a].price < catalog.products[b].price; });
        for (int t = 0; t < 3; ++t) {
          catalog.products[group[start + t]].tier = t + 1;
          if (t < 2) catalog.products[group[start + t]].premium = group[start + t + 1];
        }
      }
    }
  }
  // Complements: two other unplanted products of the same theme for every unplanted product.
  for (auto& product : catalog.products) {
    if (is_planted(product.id)) continue;
    const auto& members = catalog.products_by_theme[product.theme];
    for (int k = 0; k < 2 && members.size() > 20; ++k) {
      const int other = members[10 + random.below(members.size() - 10)];
      if (catalog.products[other].id != product.id && !is_planted(catalog.products[other].id)) {
        product.complements.push_back(other);
      }
    }
  }
}

OfferRule rule(std::string rec_id, OfferType type, std::string placement, int anchor,
               std::vector<int> offered, double price, double acceptance, Arm arm,
               double show_rate = 0.8) {
  OfferRule r;
  r.rec_id = std::move(rec_id);
  r.type = type;
  r.placement = std::move(placement);
  r.anchor = anchor;
  r.offered = std::move(offered);
  r.offered_price = price;
  r.acceptance = acceptance;
  r.arm = arm;
  r.show_rate = show_rate;
  return r;
}

void add_planted_offers(Catalog& c, bool gaps) {
  const auto p = [&](const char* id) { return c.product(id); };
  c.offers.push_back(rule("xs-mouse-laptop", OfferType::cross_sell, "product_page", p("LAP-15"),
                          {p("MOUSE-WL")}, 36.00, 0.15, Arm::both, 0.9));
  c.offers.push_back(rule("bundle-laptop-bag", OfferType::bundle, "cart", p("LAP-15"),
                          {p("LAP-15"), p("BAG-15")}, 579.00, 0.20, Arm::both, 0.7));
  c.offers.push_back(rule("xs-warranty-cart", OfferType::cross_sell, "cart", -1, {p("WARRANTY-2Y")},
                          79.00, 0.004, Arm::both, 0.9));
  c.offers.push_back(rule("xs-giftwrap-cart", OfferType::cross_sell, "cart", -1, {p("GIFT-WRAP")},
                          4.00, 0.005, Arm::both, 0.9));
  OfferRule socks = rule("xs-socks-email", OfferType::cross_sell, "email", p("TENT-2P"),
                         {p("SOCKS-WOOL")}, 15.00, 0.2, Arm::both, 1.0);
  socks.max_impressions = 40;
  c.offers.push_back(socks);
  c.offers.push_back(rule("xs-drill-lipstick", OfferType::cross_sell, "product_page",
                          p("DRILL-18V"), {p("LIPSTICK-RED")}, 19.00, 0.01, Arm::both));
  // Budget shoppers take the premium laptop half as often (and reach the cart less often when
  // shown any upsell: ModelParameters::budget_upsell_cart), so it pays to show it to the others.
  OfferRule laptop_pro = rule("up-laptop-pro", OfferType::upsell, "product_page", p("LAP-15"),
                              {p("LAP-15-PRO")}, 1000.00, 0.07, Arm::treatment, 0.9);
  laptop_pro.budget_acceptance = 0.5;
  c.offers.push_back(laptop_pro);
  c.offers.push_back(rule("xs-cable-checkout", OfferType::cross_sell, "checkout", -1,
                          {p("CABLE-C")}, 9.50, 0.08, Arm::control, 1.0));
  c.offers.push_back(rule("xs-care-kit-checkout", OfferType::cross_sell, "checkout", -1,
                          {p("CARE-KIT")}, 59.00, 0.30, Arm::treatment, 1.0));
  if (gaps) {
    // An offer pushing a product the catalogue does not describe.
    c.offers.push_back(rule("xs-unlisted", OfferType::cross_sell, "product_page", p("TENT-2P"),
                            {p("GHOST-1")}, 30.00, 0.05, Arm::both, 0.3));
  }
}

// Offers a shop would configure: upsells along the ladders (the optimised arm shows them),
// cross-sells and bundles for popular products, post-purchase add-ons.
void add_bulk_offers(Catalog& c, Random& random) {
  for (int p = 0; p < static_cast<int>(c.products.size()); ++p) {
    const Product& product = c.products[p];
    if (product.premium < 0 || product.id.rfind("LAP-", 0) == 0) continue;
    c.offers.push_back(rule("up-" + product.id, OfferType::upsell, "product_page", p,
                            {product.premium}, c.products[product.premium].price,
                            random.uniform(0.03, 0.09), Arm::treatment));
  }
  const std::size_t per_theme = std::clamp<std::size_t>(c.products.size() / 60, 3, 300);
  for (const auto& members : c.products_by_theme) {
    std::size_t added = 0;
    for (int anchor : members) {
      const Product& product = c.products[anchor];
      if (added >= per_theme) break;
      if (product.complements.empty() || is_planted(product.id)) continue;
      const int offered = product.complements[0];
      const double discount = random.uniform(0, 0.15);
      const bool on_cart = random.chance(0.4);
      c.offers.push_back(rule("xs-" + product.id, OfferType::cross_sell,
                              on_cart ? "cart" : "product_page", anchor, {offered},
                              cents(c.products[offered].price * (1 - discount)),
                              random.uniform(0.02, 0.14), Arm::both));
      if (added % 5 == 0) {
        const double bundle_price = cents((product.price + c.products[offered].price) * 0.9);
        c.offers.push_back(rule("bundle-" + product.id, OfferType::bundle, "cart", anchor,
                                {anchor, offered}, bundle_price, random.uniform(0.05, 0.15),
                                Arm::both, 0.5));
      }
      if (added % 7 == 3 && product.complements.size() > 1) {
        const int add_on = product.complements[1];
        c.offers.push_back(rule("pp-" + product.id, OfferType::cross_sell, "post_purchase", anchor,
                                {add_on}, cents(c.products[add_on].price * 0.8), 0.05, Arm::both,
                                0.6));
      }
      ++added;
    }
  }
}

}  // namespace

const std::vector<std::string>& theme_names() {
  static const std::vector<std::string> kThemes = {"Electronics", "Home",  "Outdoor",
                                                   "Beauty",      "Tools", "Fashion"};
  return kThemes;
}

int Catalog::product(const std::string& id) const {
  for (std::size_t i = 0; i < products.size(); ++i) {
    if (products[i].id == id) return static_cast<int>(i);
  }
  std::fprintf(stderr, "sample catalogue: no product %s\n", id.c_str());
  std::abort();
}

int Catalog::offer(const std::string& rec_id) const {
  for (std::size_t i = 0; i < offers.size(); ++i) {
    if (offers[i].rec_id == rec_id) return static_cast<int>(i);
  }
  return -1;
}

Catalog build_catalog(std::uint64_t orders, bool gaps, Random& random) {
  Catalog catalog;
  add_planted_products(catalog, gaps);
  const std::size_t total = std::clamp<std::size_t>(orders / 20, 150, 20000);
  add_bulk_products(catalog, total - catalog.products.size(), gaps, random);
  index_by_theme(catalog, random);
  add_planted_offers(catalog, gaps);
  add_bulk_offers(catalog, random);
  catalog.offers_by_anchor.assign(catalog.products.size(), {});
  for (int o = 0; o < static_cast<int>(catalog.offers.size()); ++o) {
    const OfferRule& offer = catalog.offers[o];
    if (offer.anchor < 0) {
      catalog.anchorless_offers.push_back(o);
    } else {
      catalog.offers_by_anchor[offer.anchor].push_back(o);
    }
  }
  return catalog;
}

}  // namespace basketlift::sample
