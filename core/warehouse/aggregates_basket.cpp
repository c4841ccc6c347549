// The baskets rows of an aggregates file (format 3): `basket` (a set's counts), `basket_item`,
// `basket_pair`, `basket_product` (a paired product's name and catalogue facts) and
// `intended_offer`, and the basket section made from them.
#include <algorithm>
#include <cmath>
#include <utility>

#include "warehouse/aggregates.h"

namespace basketlift {

namespace {

bool is_set(const std::string& name) {
  const auto group = [&](const char* prefix) {
    return name.rfind(prefix, 0) == 0 && name.size() > std::string_view(prefix).size();
  };
  return name == "products" || name == "categories" || name == "organic" || group("segment:") ||
         group("channel:");
}

bool in_layout(std::span<const std::string_view> layout, const std::string& measure) {
  return std::find(layout.begin(), layout.end(), measure) != layout.end();
}

// A measure of a set's `basket` row; 0 when the file has none.
double set_measure(const BasketAggregates& file, const std::string& set, const char* name) {
  const auto found = file.sets.find(set);
  if (found == file.sets.end()) return 0;
  const auto value = found->second.find(name);
  return value == found->second.end() ? 0.0 : value->second;
}

// A set's counts; `items` intern its items' names (products or labels).
BasketCounts counts_of(const BasketAggregates& file, const std::string& set, Interner& items) {
  BasketCounts counts;
  if (file.sets.find(set) == file.sets.end()) return counts;
  const auto measure = [&](const char* name) { return set_measure(file, set, name); };
  counts.baskets = measure("mined");
  counts.large = measure("large");
  counts.min_count = measure("min_count");
  counts.distinct_items = measure("distinct_items");
  counts.frequent_items = measure("frequent_items");
  const auto count_of = [&](std::uint32_t item, double baskets) {
    if (counts.item_count.size() <= item) counts.item_count.resize(item + 1, 0);
    counts.item_count[item] = baskets;
  };
  for (auto it = file.items.lower_bound({set, ""});
       it != file.items.end() && it->first.first == set; ++it)
    count_of(items.intern(it->first.second), it->second);
  for (auto it = file.pairs.lower_bound({set, "", ""});
       it != file.pairs.end() && std::get<0>(it->first) == set; ++it) {
    const std::uint32_t a = items.intern(std::get<1>(it->first)),
                        b = items.intern(std::get<2>(it->first));
    counts.pairs.push_back({a, b, it->second});
    if (counts.item_count.size() <= std::max(a, b)) counts.item_count.resize(std::max(a, b) + 1, 0);
  }
  return counts;
}

// A product's catalogue margin as the engine computes it (NaN: unknown).
double unit_margin(const std::map<std::string, double>& facts) {
  const auto value = [&](const char* name) {
    const auto found = facts.find(name);
    return found == facts.end() ? kNaN : found->second;
  };
  const double price = value("price"), margin_pct = value("margin_pct");
  double cost = value("unit_cost");
  if (std::isnan(cost) && !std::isnan(margin_pct)) cost = price * (1 - margin_pct / 100);
  return price - cost;
}

}  // namespace

bool is_basket_row(std::string_view kind) {
  return kind == "basket" || kind == "basket_item" || kind == "basket_pair" ||
         kind == "basket_product" || kind == "intended_offer";
}

std::optional<RowProblem> read_basket_row(BasketAggregates& baskets, const std::string& kind,
                                          const std::string& scope, const std::string& key,
                                          const std::string& measure, const std::string& value) {
  baskets.present = true;
  if (kind == "basket_product" || kind == "intended_offer") {
    if (kind == "intended_offer" && scope.empty())
      return RowProblem{"scope", "an intended_offer row names its anchor product"};
    if (key.empty()) return RowProblem{"key", "a " + kind + " row names its product"};
    if (kind == "intended_offer") {
      if (value != "upsell" && value != "cross_sell")
        return RowProblem{"value", "'" + value + "' is not upsell or cross_sell"};
      baskets.intended.emplace_back(scope, key, value);
      return std::nullopt;
    }
    if (measure == "name") {
      baskets.names[key] = value;
      return std::nullopt;
    }
    if (!in_layout(kProductFactsLayout, measure))
      return RowProblem{"measure", "'" + measure + "' is not a product fact"};
    return row_number(value, baskets.products[key][measure]);
  }
  if (!is_set(scope)) {
    return RowProblem{"scope", "'" + scope +
                                   "' is not a set of baskets (products, categories, organic, "
                                   "segment:…, channel:…)"};
  }
  if (kind == "basket") {
    if (!in_layout(kBasketSumsLayout, measure))
      return RowProblem{"measure", "'" + measure + "' is not a basket measure"};
    return row_number(value, baskets.sets[scope][measure]);
  }
  if (key.empty()) return RowProblem{"key", "a " + kind + " row names its item"};
  if (kind == "basket_item") {
    if (measure != "baskets") return RowProblem{"measure", "basket_item rows hold 'baskets'"};
    return row_number(value, baskets.items[{scope, key}]);
  }
  if (measure.rfind("with:", 0) != 0 || measure.size() == 5)
    return RowProblem{"measure", "'" + measure + "' is not with:ITEM"};
  return row_number(value, baskets.pairs[{scope, key, measure.substr(5)}]);
}

BasketResult baskets_of(const BasketAggregates& file, const OffersAggregates& offers,
                        const Settings& settings, Store& names) {
  Pools& pools = names.pools;
  BasketSums sums;
  sums.baskets = set_measure(file, "products", "baskets");
  sums.products = counts_of(file, "products", pools.products);
  sums.categories = counts_of(file, "categories", pools.labels);
  for (const auto& [set, measures] : file.sets) {
    for (auto [prefix, groups] :
         {std::pair{"segment:", &sums.by_segment}, std::pair{"channel:", &sums.by_channel}}) {
      if (set.rfind(prefix, 0) != 0) continue;
      groups->emplace_back(pools.labels.intern(set.substr(std::string_view(prefix).size())),
                           counts_of(file, set, pools.products));
    }
  }
  BasketCounts organic = counts_of(file, "organic", pools.products);
  sums.organic.baskets = set_measure(file, "organic", "baskets");
  sums.organic.item_count = std::move(organic.item_count);
  sums.organic.pairs = std::move(organic.pairs);
  for (const auto& entry : offers.offers) {
    const std::string& rec = entry.first;
    const OfferAggregate& offer = entry.second;
    const std::string &anchor = offer.fact("anchor"), &offered = offer.fact("offered");
    if (anchor.empty() || offered.empty()) continue;
    const bool tracked = offer.number("impressions") > 0;
    sums.offers.push_back({pools.recs.intern(rec), pools.products.intern(anchor),
                           pools.products.intern(offered),
                           tracked && offer.fact("type") == "cross_sell" && anchor != offered});
  }
  for (const auto& [anchor, offered, type] : file.intended) {
    sums.intended.push_back({pools.products.intern(anchor), pools.products.intern(offered),
                             type == "upsell" ? OfferType::upsell : OfferType::cross_sell});
  }
  // Products are named and priced as the catalogue gives them.
  for (const auto& [product, facts] : file.products) {
    const std::uint32_t id = pools.products.intern(product);
    if (sums.unit_margin.size() <= id) sums.unit_margin.resize(id + 1, kNaN);
    sums.unit_margin[id] = unit_margin(facts);
  }
  for (const auto& [product, name] : file.names) {
    const std::uint32_t id = pools.products.intern(product);
    names.products.ensure(id);
    names.products.name[id] = pools.texts.intern(name);
  }
  if (settings.basket_triples) {
    sums.triples_reason =
        "A + B → C rules need the baskets themselves: the warehouse's counts cover pairs only "
        "(analyse the raw files for them)";
  }
  return basket_from_sums(sums, pools, settings);
}

}  // namespace basketlift
