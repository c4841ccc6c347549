// The sample store's products and offer rules, with the planted products and offers whose
// right answers the tests know (see answers.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sample/random.h"
#include "store/store.h"

namespace basketlift::sample {

/// Which experiment arm shows an offer.
enum class Arm : std::uint8_t { both, control, treatment };

/// A product of the sample store.
struct Product {
  std::string id;                ///< SKU
  std::string name;              ///< display name (may hold quotes and commas)
  std::string category;          ///< "Top/Sub"
  int theme = 0;                 ///< index of the top-level category
  double price = 0;              ///< list price (cents exact)
  double cost = 0;               ///< cost of goods per unit
  int tier = 0;                  ///< rank in its upsell ladder (0: none)
  int premium = -1;              ///< next tier up (product index), or -1
  std::vector<int> complements;  ///< products often bought with it
  bool in_catalogue = true;      ///< false: a planted "missing product mapping"
  bool cost_known = true;        ///< false: a planted "missing cost"
  bool cost_as_margin = false;   ///< catalogue gives margin_pct instead of unit_cost
  double margin_pct = 0;         ///< when cost_as_margin: cost = price × (1 − margin_pct/100)
};

/// An offer rule: show `offered` next to `anchor` at `placement`.
struct OfferRule {
  std::string rec_id;        ///< the offer's id
  OfferType type;            ///< cross_sell, upsell or bundle
  std::string placement;     ///< product_page, cart, checkout, post_purchase, email
  int anchor = -1;           ///< product index, or -1 for an offer shown without one
  std::vector<int> offered;  ///< one product; for bundles every item (anchor included)
  double offered_price = 0;  ///< price shown (bundle: the bundle's price)
  double acceptance = 0;     ///< probability that a shown offer is taken (in a cart session)
  Arm arm = Arm::both;       ///< which arm shows it
  double show_rate = 0.8;    ///< probability of showing it when its anchor is in view
  std::uint64_t max_impressions = 0;  ///< 0: unlimited
  double budget_acceptance = 1.0;     ///< acceptance multiplier for budget shoppers (planted)
};

/// Themes (top-level categories) of the sample store.
const std::vector<std::string>& theme_names();

/// Products and offers of one sample store.
struct Catalog {
  std::vector<Product> products;
  std::vector<OfferRule> offers;
  std::vector<std::vector<int>> products_by_theme;  ///< popularity order inside each theme
  std::vector<WeightedChoice> popularity;           ///< per theme
  std::vector<std::vector<int>> offers_by_anchor;   ///< product index → offer indexes
  std::vector<int> anchorless_offers;               ///< offers shown without an anchor

  /// Index of a planted product by SKU (aborts when absent: a generator bug).
  int product(const std::string& id) const;
  /// Index of a planted offer by rec_id.
  int offer(const std::string& rec_id) const;
};

/// Builds the catalogue for a store of about `orders` orders. With `gaps`, some products are
/// left out of the catalogue file or lack a cost (the planted data gaps).
Catalog build_catalog(std::uint64_t orders, bool gaps, Random& random);

}  // namespace basketlift::sample
