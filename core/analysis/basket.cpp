// Basket mining over the rows: the orders' baskets of products and of categories, their item
// and pair counts (overall, per segment and channel, organic), and triples. The rules, candidates
// and checks made from the counts are in basket_rules.cpp.
//
// The baskets are not stored: each pass walks the orders again and sorts each order's few items
// anew. Storing them (and each group's list of them) took 42 MB of fresh memory at 1M orders,
// whose first touch in wasm cost more than the sorting it saved.
#include "analysis/basket.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "analysis/frequent_pairs.h"
#include "analysis/pair_counter.h"

namespace basketlift {

namespace {

// Calls visit(order, items) for each sale order with an item: items are its lines' distinct
// items, sorted; item_of(line) gives a line's item (kNoId skips the line). A template, not a
// std::function: it is called for every order line.
template <typename ItemOf, typename Visit>
void for_each_basket(const AnalysisContext& ctx, ItemOf item_of, Visit visit) {
  std::vector<std::uint32_t> items;
  for (std::uint32_t o = 0; o < ctx.store.orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    items.clear();
    for (std::uint32_t k = ctx.order_line_begin[o]; k < ctx.order_line_begin[o + 1]; ++k) {
      const std::uint32_t item = item_of(ctx.order_line(k));
      if (item != kNoId) items.push_back(item);
    }
    if (items.empty()) continue;
    if (items.size() > 1) {
      std::sort(items.begin(), items.end());
      items.erase(std::unique(items.begin(), items.end()), items.end());
    }
    visit(o, static_cast<const std::vector<std::uint32_t>&>(items));
  }
}

// A share of baskets gives at least 10 baskets (pairs seen a handful of times are noise); a
// count of 1 or more is taken as given.
double min_count_for(double min_support, double baskets) {
  return min_support >= 1 ? std::ceil(min_support)
                          : std::max(10.0, std::ceil(min_support * baskets - 1e-9));
}

// Item and pair counts of a set of baskets (large baskets are counted and left out). Pairs are
// counted among items in at least min_count baskets only, and kept when in min_count baskets.
struct Mined {
  double baskets = 0;
  double large = 0;
  double min_count = 0;
  std::vector<std::uint32_t> item_count;
  PairCounter pairs;
};

// Mines one set of baskets in two walks: count_items() for each basket, settle(), then
// count_pairs() for each basket again, in the same order, then mined().
class Miner {
 public:
  Miner(std::size_t universe, const Settings& s)
      : max_items_(s.basket_max_items), min_support_(s.basket_min_support) {
    mined_.item_count.assign(universe, 0);
  }
  void count_items(const std::vector<std::uint32_t>& items) {
    if (items.size() > max_items_) {
      ++mined_.large;
      return;
    }
    ++mined_.baskets;
    for (std::uint32_t item : items)
      ++mined_.item_count[item];
  }
  // `budget`: the pair counts a matrix may still take (see FrequentPairs).
  void settle(std::size_t& budget) {
    mined_.min_count = min_count_for(min_support_, mined_.baskets);
    pairs_.settle(mined_.item_count, mined_.min_count, budget);
  }
  void count_pairs(const std::vector<std::uint32_t>& items) {
    if (items.size() > max_items_) return;
    pairs_.add(items);
  }
  Mined& mined() {
    mined_.pairs = pairs_.frequent(mined_.min_count);
    pairs_ = FrequentPairs();
    return mined_;
  }

 private:
  std::uint64_t max_items_;
  double min_support_;
  Mined mined_;
  FrequentPairs pairs_;
};

// Pair counts the matrices of one mining batch may take (16 MB; see FrequentPairs).
constexpr std::size_t kMatrixCountsPerBatch = std::size_t{1} << 22;

// The sets of product baskets mined: every basket (set 0), then each segment's and each
// channel's baskets, groups in the order of their first basket.
struct ProductSets {
  double baskets = 0;                                      // orders with a product
  std::array<const IdColumn*, 2> attributes{};             // segment, channel
  std::array<std::vector<std::uint32_t>, 2> labels;        // each attribute's groups
  std::array<std::vector<std::uint32_t>, 2> set_of_label;  // label → its set (kNoId: none)
  std::size_t size = 1;
};

// Lists the sets: counts the baskets and numbers each group in one walk without sorting.
ProductSets product_sets(const AnalysisContext& ctx) {
  const Store& store = ctx.store;
  ProductSets sets;
  sets.attributes = {&store.orders.segment, &store.orders.channel};
  for (std::vector<std::uint32_t>& table : sets.set_of_label)
    table.assign(store.pools.labels.size(), kNoId);
  for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    bool basket = false;
    for (std::uint32_t k = ctx.order_line_begin[o]; !basket && k < ctx.order_line_begin[o + 1]; ++k)
      basket = store.lines.product[ctx.order_line(k)] != kNoId;
    if (!basket) continue;
    ++sets.baskets;
    for (std::size_t d = 0; d < 2; ++d) {
      const std::uint32_t label = (*sets.attributes[d])[o];
      if (label == kNoId || sets.set_of_label[d][label] != kNoId) continue;
      sets.set_of_label[d][label] = 0;  // seen; numbered below, segments before channels
      sets.labels[d].push_back(label);
    }
  }
  for (std::size_t d = 0; d < 2; ++d) {
    for (std::uint32_t label : sets.labels[d])
      sets.set_of_label[d][label] = static_cast<std::uint32_t>(sets.size++);
  }
  return sets;
}

// Item counters of the sets mined in one batch (8 MB): with many groups and products the sets
// are mined a batch at a time, each batch walking the baskets twice.
constexpr std::size_t kCountsPerBatch = std::size_t{1} << 21;

// The distinct categories of a basket's products, sorted, into `out`.
void categories_of(const Store& store, const std::vector<std::uint32_t>& products,
                   std::vector<std::uint32_t>& out) {
  out.clear();
  for (std::uint32_t product : products) {
    const std::uint32_t category = store.products.category[product];
    if (category != kNoId) out.push_back(category);
  }
  if (out.size() > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

// Mines the product sets, a batch at a time, and the baskets of categories in the first
// batch's walks (a basket's categories are those of its products); done(set, mined) takes each
// product set's counts, categories_done(mined) the categories'.
template <typename Done, typename CategoriesDone>
void mine_products(const AnalysisContext& ctx, const ProductSets& sets, Done done,
                   CategoriesDone categories_done) {
  const Store& store = ctx.store;
  const std::size_t universe = store.products.size();
  const std::size_t per_batch =
      std::max<std::size_t>(1, kCountsPerBatch / std::max<std::size_t>(1, universe));
  const auto product_of = [&](std::uint32_t line) { return store.lines.product[line]; };
  Miner categories(store.pools.labels.size(), ctx.settings);
  std::vector<std::uint32_t> basket_categories;
  for (std::size_t first = 0; first < sets.size; first += per_batch) {
    const std::size_t last = std::min(sets.size, first + per_batch);
    std::vector<Miner> miners;
    miners.reserve(last - first);
    for (std::size_t set = first; set < last; ++set)
      miners.emplace_back(universe, ctx.settings);
    // The categories' miner, in the first batch only: its walks are those of the product sets.
    const auto with_categories = [&](const std::vector<std::uint32_t>& products, auto f) {
      if (first != 0) return;
      categories_of(store, products, basket_categories);
      if (!basket_categories.empty()) f(categories, basket_categories);
    };
    // Calls f with the miner of each set of this batch that order o's basket belongs to.
    const auto for_each_set = [&](std::uint32_t o, auto f) {
      if (first == 0) f(miners[0]);
      for (std::size_t d = 0; d < 2; ++d) {
        const std::uint32_t label = (*sets.attributes[d])[o];
        if (label == kNoId) continue;
        const std::size_t set = sets.set_of_label[d][label];
        if (set >= first && set < last) f(miners[set - first]);
      }
    };
    for_each_basket(ctx, product_of, [&](std::uint32_t o, const std::vector<std::uint32_t>& items) {
      for_each_set(o, [&](Miner& miner) { miner.count_items(items); });
      with_categories(items, [](Miner& miner, const auto& c) { miner.count_items(c); });
    });
    std::size_t budget = kMatrixCountsPerBatch;
    for (Miner& miner : miners)
      miner.settle(budget);
    std::size_t categories_budget = kMatrixCountsPerBatch;  // theirs: the sets keep all of theirs
    if (first == 0) categories.settle(categories_budget);
    for_each_basket(ctx, product_of, [&](std::uint32_t o, const std::vector<std::uint32_t>& items) {
      for_each_set(o, [&](Miner& miner) { miner.count_pairs(items); });
      with_categories(items, [](Miner& miner, const auto& c) { miner.count_pairs(c); });
    });
    for (std::size_t k = 0; k < miners.size(); ++k)
      done(first + k, std::move(miners[k].mined()));
    if (first == 0) categories_done(std::move(categories.mined()));
  }
}

std::vector<TripleRule> triples_of(const AnalysisContext& ctx, const Mined& m) {
  const Settings& s = ctx.settings;
  const double min_count = m.min_count;
  std::unordered_map<std::uint64_t, std::uint32_t> counts;
  std::vector<std::uint32_t> frequent;
  const auto product_of = [&](std::uint32_t line) { return ctx.store.lines.product[line]; };
  for_each_basket(ctx, product_of, [&](std::uint32_t, const std::vector<std::uint32_t>& items) {
    if (items.size() > s.basket_max_items) return;
    frequent.clear();
    for (std::uint32_t item : items) {
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
  });
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
  out.item_count.assign(store.products.size(), 0);
  PairCounter together;
  const auto organic_of = [&](std::uint32_t line) {
    return store.lines.rec[line] == kNoId ? store.lines.product[line] : kNoId;
  };
  for_each_basket(ctx, organic_of, [&](std::uint32_t, const std::vector<std::uint32_t>& items) {
    ++out.baskets;
    for (std::size_t i = 0; i < items.size(); ++i) {
      ++out.item_count[items[i]];
      if (items.size() > ctx.settings.basket_max_items) continue;
      for (std::size_t j = i + 1; j < items.size(); ++j) {
        if (wanted.count(items[i], items[j]) > 0) together.add(items[i], items[j]);
      }
    }
  });
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
  const ProductSets sets = product_sets(ctx);
  sums.baskets = sets.baskets;
  if (sets.baskets == 0) return sums;
  Mined overall;
  const std::size_t segments = sets.labels[0].size();
  mine_products(
      ctx, sets,
      [&](std::size_t set, Mined&& mined) {
        if (set == 0) {
          sums.products = counts_of(mined);
          if (s.basket_triples) overall = std::move(mined);
        } else if (set <= segments) {
          sums.by_segment.emplace_back(sets.labels[0][set - 1], counts_of(mined));
        } else {
          sums.by_channel.emplace_back(sets.labels[1][set - 1 - segments], counts_of(mined));
        }
      },
      [&](Mined&& categories) { sums.categories = counts_of(categories); });
  for (std::uint32_t rec = 0; rec < ctx.offers.size(); ++rec) {
    const OfferFacts& f = ctx.offers[rec];
    if (f.anchor == kNoId || f.offered == kNoId) continue;
    sums.offers.push_back({rec, f.anchor, f.offered,
                           f.tracked && f.type == OfferType::cross_sell && f.anchor != f.offered});
  }
  sums.organic = organic_counts(ctx, sums.offers);
  sums.unit_margin.resize(store.products.size());
  for (std::uint32_t p = 0; p < store.products.size(); ++p)
    sums.unit_margin[p] = unit_margin(store, p);
  sums.intended = store.intended_offers;
  if (s.basket_triples) sums.triples = triples_of(ctx, overall);
  return sums;
}

BasketResult analyze_baskets(const AnalysisContext& ctx) {
  return basket_from_sums(basket_sums(ctx), ctx.store.pools, ctx.settings);
}

}  // namespace basketlift
