// Basket mining over the rows: the orders' baskets of products and of categories, their item
// and pair counts (overall, per segment and channel, organic), and triples. The rules, candidates
// and checks made from the counts are in basket_rules.cpp.
#include "analysis/basket.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "analysis/pair_counter.h"

namespace basketlift {

namespace {

// Baskets as sorted, distinct item ids (compressed rows).
struct Baskets {
  std::vector<std::uint32_t> begin{0};
  std::vector<std::uint32_t> items;
  std::vector<std::uint32_t> order;  // the order each basket comes from

  std::size_t size() const { return order.size(); }
  std::size_t length(std::size_t b) const { return begin[b + 1] - begin[b]; }
};

// The baskets of the sale orders; item_of(line) gives a line's item: its product, or the
// product's category path (kNoId skips the line). A template, not a std::function: it is
// called for every order line.
template <typename ItemOf>
Baskets build_baskets(const AnalysisContext& ctx, ItemOf item_of) {
  Baskets baskets;
  std::vector<std::uint32_t> scratch;
  for (std::uint32_t o = 0; o < ctx.store.orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    scratch.clear();
    for (std::uint32_t k = ctx.order_line_begin[o]; k < ctx.order_line_begin[o + 1]; ++k) {
      const std::uint32_t item = item_of(ctx.order_line(k));
      if (item != kNoId) scratch.push_back(item);
    }
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    if (scratch.empty()) continue;
    baskets.items.insert(baskets.items.end(), scratch.begin(), scratch.end());
    baskets.begin.push_back(static_cast<std::uint32_t>(baskets.items.size()));
    baskets.order.push_back(o);
  }
  return baskets;
}

// A share of baskets gives at least 10 baskets (pairs seen a handful of times are noise); a
// count of 1 or more is taken as given.
double min_count_for(double min_support, double baskets) {
  return min_support >= 1 ? std::ceil(min_support)
                          : std::max(10.0, std::ceil(min_support * baskets - 1e-9));
}

// Item and pair counts over the baskets listed in `only` (every basket when null; large
// baskets are always skipped). Pairs are counted among items in at least min_count baskets only.
struct Mined {
  double baskets = 0;
  double large = 0;
  double min_count = 0;
  std::vector<std::uint32_t> item_count;
  PairCounter pairs;
};

Mined mine(const Baskets& baskets, std::size_t universe, double min_support,
           std::uint64_t max_items, const std::vector<std::uint32_t>* only) {
  const std::size_t listed = only != nullptr ? only->size() : baskets.size();
  const auto basket = [&](std::size_t k) { return only != nullptr ? (*only)[k] : k; };
  Mined m;
  m.item_count.assign(universe, 0);
  for (std::size_t k = 0; k < listed; ++k) {
    const std::size_t b = basket(k);
    if (baskets.length(b) > max_items) {
      ++m.large;
      continue;
    }
    ++m.baskets;
    for (std::uint32_t at = baskets.begin[b]; at < baskets.begin[b + 1]; ++at)
      ++m.item_count[baskets.items[at]];
  }
  m.min_count = min_count_for(min_support, m.baskets);
  const double min_count = m.min_count;
  std::vector<std::uint32_t> frequent;
  for (std::size_t k = 0; k < listed; ++k) {
    const std::size_t b = basket(k);
    if (baskets.length(b) > max_items) continue;
    frequent.clear();
    for (std::uint32_t at = baskets.begin[b]; at < baskets.begin[b + 1]; ++at) {
      if (m.item_count[baskets.items[at]] >= min_count) frequent.push_back(baskets.items[at]);
    }
    for (std::size_t i = 0; i < frequent.size(); ++i) {
      for (std::size_t j = i + 1; j < frequent.size(); ++j)
        m.pairs.add(frequent[i], frequent[j]);
    }
  }
  return m;
}

std::vector<TripleRule> triples_of(const Baskets& baskets, const Mined& m, double min_count,
                                   const Settings& s) {
  std::unordered_map<std::uint64_t, std::uint32_t> counts;
  std::vector<std::uint32_t> frequent;
  for (std::size_t b = 0; b < baskets.size(); ++b) {
    if (baskets.length(b) > s.basket_max_items) continue;
    frequent.clear();
    for (std::uint32_t k = baskets.begin[b]; k < baskets.begin[b + 1]; ++k) {
      const std::uint32_t item = baskets.items[k];
      if (m.item_count[item] >= min_count && item < (1u << 21)) frequent.push_back(item);
    }
    for (std::size_t i = 0; i < frequent.size(); ++i) {
      for (std::size_t j = i + 1; j < frequent.size(); ++j) {
        if (m.pairs.count(frequent[i], frequent[j]) < min_count) continue;
        for (std::size_t k = j + 1; k < frequent.size(); ++k) {
          ++counts[(std::uint64_t{frequent[i]} << 42) | (std::uint64_t{frequent[j]} << 21) |
                   frequent[k]];
        }
      }
    }
  }
  std::vector<TripleRule> rules;
  for (const auto& [key, count] : counts) {
    if (count < min_count) continue;
    const std::uint32_t x = static_cast<std::uint32_t>(key >> 42),
                        y = static_cast<std::uint32_t>((key >> 21) & 0x1FFFFF),
                        z = static_cast<std::uint32_t>(key & 0x1FFFFF);
    for (const auto& [p, q, c] : {std::tuple{x, y, z}, std::tuple{x, z, y}, std::tuple{y, z, x}}) {
      const double antecedent = m.pairs.count(p, q);
      const double confidence = count / antecedent;
      if (confidence < s.basket_min_confidence) continue;
      rules.push_back({p, q, c, static_cast<double>(count), confidence,
                       confidence / (m.item_count[c] / m.baskets)});
    }
  }
  std::sort(rules.begin(), rules.end(), [](const TripleRule& a, const TripleRule& b) {
    return a.lift != b.lift ? a.lift > b.lift : std::tie(a.a, a.b, a.c) < std::tie(b.a, b.b, b.c);
  });
  if (rules.size() > s.basket_max_rules) rules.resize(s.basket_max_rules);
  return rules;
}

// A mining's counts: its pairs in at least min_count baskets.
BasketCounts counts_of(const Mined& m) {
  BasketCounts c;
  c.baskets = m.baskets;
  c.large = m.large;
  c.min_count = m.min_count;
  c.item_count.assign(m.item_count.begin(), m.item_count.end());
  for (std::uint32_t count : m.item_count) {
    c.distinct_items += count > 0;
    c.frequent_items += count >= m.min_count;
  }
  m.pairs.for_each([&](std::uint32_t a, std::uint32_t b, std::uint32_t count) {
    if (count >= m.min_count) c.pairs.push_back({a, b, static_cast<double>(count)});
  });
  return c;
}

// The counts within each value of an order attribute (segment, channel).
std::vector<std::pair<std::uint32_t, BasketCounts>> by_group(const AnalysisContext& ctx,
                                                             const Baskets& baskets,
                                                             const IdColumn& attribute) {
  const Settings& s = ctx.settings;
  // The values, and the baskets of each in basket order (one partition pass).
  std::vector<std::uint32_t> labels;
  std::vector<std::vector<std::uint32_t>> members;
  std::vector<std::uint32_t> index_of(ctx.store.pools.labels.size(), kNoId);
  for (std::uint32_t b = 0; b < baskets.size(); ++b) {
    const std::uint32_t label = attribute[baskets.order[b]];
    if (label == kNoId) continue;
    if (index_of[label] == kNoId) {
      index_of[label] = static_cast<std::uint32_t>(labels.size());
      labels.push_back(label);
      members.emplace_back();
    }
    members[index_of[label]].push_back(b);
  }
  std::vector<std::pair<std::uint32_t, BasketCounts>> groups;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    groups.emplace_back(labels[k],
                        counts_of(mine(baskets, ctx.store.products.size(), s.basket_min_support,
                                       s.basket_max_items, &members[k])));
  }
  return groups;
}

// Organic baskets (lines without a rec_id): item counts over all of them, and the checked
// offers' pairs over those of at most basket_max_items products.
OrganicCounts organic_counts(const AnalysisContext& ctx, const std::vector<BasketOffer>& offers) {
  const Store& store = ctx.store;
  OrganicCounts out;
  PairCounter wanted;
  for (const BasketOffer& offer : offers) {
    if (offer.checked)
      wanted.add(std::min(offer.anchor, offer.offered), std::max(offer.anchor, offer.offered));
  }
  if (wanted.size() == 0) return out;
  const Baskets organic = build_baskets(ctx, [&](std::uint32_t line) {
    return store.lines.rec[line] == kNoId ? store.lines.product[line] : kNoId;
  });
  out.baskets = static_cast<double>(organic.size());
  out.item_count.assign(store.products.size(), 0);
  PairCounter together;
  for (std::size_t b = 0; b < organic.size(); ++b) {
    const std::uint32_t first = organic.begin[b], last = organic.begin[b + 1];
    for (std::uint32_t i = first; i < last; ++i) {
      ++out.item_count[organic.items[i]];
      if (last - first > ctx.settings.basket_max_items) continue;
      for (std::uint32_t j = i + 1; j < last; ++j) {
        if (wanted.count(organic.items[i], organic.items[j]) > 0)
          together.add(organic.items[i], organic.items[j]);
      }
    }
  }
  together.for_each([&](std::uint32_t a, std::uint32_t b, std::uint32_t count) {
    out.pairs.push_back({a, b, static_cast<double>(count)});
  });
  return out;
}

// A product's catalogue margin: price less unit cost (or price × margin_pct); NaN unknown.
double unit_margin(const Store& store, std::uint32_t product) {
  const ProductColumns& p = store.products;
  const double price = p.price[product];
  double cost = p.unit_cost[product];
  if (std::isnan(cost) && !std::isnan(p.margin_pct[product]))
    cost = price * (1 - p.margin_pct[product] / 100);
  return price - cost;
}

}  // namespace

BasketSums basket_sums(const AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const Settings& s = ctx.settings;
  BasketSums sums;
  const Baskets products =
      build_baskets(ctx, [&](std::uint32_t line) { return store.lines.product[line]; });
  sums.baskets = static_cast<double>(products.size());
  if (products.size() == 0) return sums;
  const Mined m =
      mine(products, store.products.size(), s.basket_min_support, s.basket_max_items, nullptr);
  sums.products = counts_of(m);
  {
    const Baskets categories = build_baskets(ctx, [&](std::uint32_t line) {
      return store.products.category[store.lines.product[line]];
    });
    sums.categories = counts_of(mine(categories, store.pools.labels.size(), s.basket_min_support,
                                     s.basket_max_items, nullptr));
  }
  for (std::uint32_t rec = 0; rec < ctx.offers.size(); ++rec) {
    const OfferFacts& f = ctx.offers[rec];
    if (f.anchor == kNoId || f.offered == kNoId) continue;
    sums.offers.push_back({rec, f.anchor, f.offered,
                           f.tracked && f.type == OfferType::cross_sell && f.anchor != f.offered});
  }
  sums.organic = organic_counts(ctx, sums.offers);
  sums.by_segment = by_group(ctx, products, store.orders.segment);
  sums.by_channel = by_group(ctx, products, store.orders.channel);
  sums.unit_margin.resize(store.products.size());
  for (std::uint32_t p = 0; p < store.products.size(); ++p)
    sums.unit_margin[p] = unit_margin(store, p);
  sums.intended = store.intended_offers;
  if (s.basket_triples) sums.triples = triples_of(products, m, m.min_count, s);
  return sums;
}

BasketResult analyze_baskets(const AnalysisContext& ctx) {
  return basket_from_sums(basket_sums(ctx), ctx.store.pools, ctx.settings);
}

}  // namespace basketlift
