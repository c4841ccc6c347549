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

PairRule rule_of(std::uint32_t a, std::uint32_t b, double n_ab, double n_a, double n_b, double n) {
  PairRule r;
  r.a = a;
  r.b = b;
  r.count = n_ab;
  r.count_a = n_a;
  r.count_b = n_b;
  r.support = n_ab / n;
  r.lift = n_ab * n / (n_a * n_b);
  r.leverage = r.support - (n_a / n) * (n_b / n);
  r.a_to_b.confidence = n_ab / n_a;
  r.b_to_a.confidence = n_ab / n_b;
  const auto conviction = [](double support_consequent, double confidence) {
    return confidence >= 1 ? kNaN : (1 - support_consequent) / (1 - confidence);
  };
  r.a_to_b.conviction = conviction(n_b / n, r.a_to_b.confidence);
  r.b_to_a.conviction = conviction(n_a / n, r.b_to_a.confidence);
  return r;
}

// Every pair with enough support and confidence in at least one direction, strongest first.
std::vector<PairRule> rules_of(const Mined& m, double min_count, double min_confidence) {
  std::vector<PairRule> rules;
  m.pairs.for_each([&](std::uint32_t a, std::uint32_t b, std::uint32_t count) {
    if (count < min_count) return;
    PairRule r = rule_of(a, b, count, m.item_count[a], m.item_count[b], m.baskets);
    if (r.a_to_b.confidence >= min_confidence || r.b_to_a.confidence >= min_confidence)
      rules.push_back(r);
  });
  std::sort(rules.begin(), rules.end(), [](const PairRule& x, const PairRule& y) {
    if (x.lift != y.lift) return x.lift > y.lift;
    if (x.count != y.count) return x.count > y.count;
    return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
  });
  return rules;
}

double unit_margin(const Store& store, std::uint32_t product) {
  const ProductColumns& p = store.products;
  const double price = p.price[product];
  double cost = p.unit_cost[product];
  if (std::isnan(cost) && !std::isnan(p.margin_pct[product]))
    cost = price * (1 - p.margin_pct[product] / 100);
  return price - cost;
}

std::vector<Candidate> candidates_of(const AnalysisContext& ctx, const std::vector<PairRule>& rules,
                                     bool& margins_known) {
  const Store& store = ctx.store;
  const Settings& s = ctx.settings;
  std::vector<Candidate> out;
  for (const PairRule& r : rules) {
    if (!(r.lift > 1)) continue;
    for (bool anchor_is_a : {true, false}) {
      const double confidence = anchor_is_a ? r.a_to_b.confidence : r.b_to_a.confidence;
      if (confidence < s.basket_min_confidence) continue;
      Candidate c;
      c.rule = r;
      c.anchor_is_a = anchor_is_a;
      const std::uint32_t anchor = anchor_is_a ? r.a : r.b, offered = anchor_is_a ? r.b : r.a;
      c.unit_margin = unit_margin(store, offered);
      c.expected_margin_per_showing = confidence * c.unit_margin;
      for (std::uint32_t rec = 0; rec < ctx.offers.size(); ++rec) {
        if (ctx.offers[rec].anchor == anchor && ctx.offers[rec].offered == offered)
          c.offered_by.push_back(rec);
      }
      for (const IntendedOffer& intended : store.intended_offers) {
        c.intended = c.intended || (intended.anchor == anchor && intended.offered == offered);
      }
      out.push_back(std::move(c));
    }
  }
  margins_known = std::any_of(out.begin(), out.end(),
                              [](const Candidate& c) { return !std::isnan(c.unit_margin); });
  const auto lift = [](const Candidate& c) { return c.rule.lift; };
  std::stable_sort(out.begin(), out.end(), [&](const Candidate& x, const Candidate& y) {
    if (margins_known) {
      const bool xm = !std::isnan(x.expected_margin_per_showing),
                 ym = !std::isnan(y.expected_margin_per_showing);
      if (xm != ym) return xm;
      if (xm && x.expected_margin_per_showing != y.expected_margin_per_showing) {
        return x.expected_margin_per_showing > y.expected_margin_per_showing;
      }
    }
    return lift(x) > lift(y);
  });
  if (out.size() > s.basket_max_rules) out.resize(s.basket_max_rules);
  return out;
}

// Cross-sell offers against their pair in organic baskets (lines without a rec_id).
std::vector<OfferPairCheck> check_offers(const AnalysisContext& ctx, double min_count) {
  const Store& store = ctx.store;
  std::vector<OfferPairCheck> checks;
  PairCounter wanted;
  for (std::uint32_t rec = 0; rec < ctx.offers.size(); ++rec) {
    const OfferFacts& f = ctx.offers[rec];
    if (!f.tracked || f.type != OfferType::cross_sell || f.anchor == kNoId || f.offered == kNoId ||
        f.anchor == f.offered)
      continue;
    OfferPairCheck check;
    check.rec = rec;
    check.anchor = f.anchor;
    check.offered = f.offered;
    checks.push_back(check);
    wanted.add(std::min(f.anchor, f.offered), std::max(f.anchor, f.offered));
  }
  if (checks.empty()) return checks;
  const Baskets organic = build_baskets(ctx, [&](std::uint32_t line) {
    return store.lines.rec[line] == kNoId ? store.lines.product[line] : kNoId;
  });
  std::vector<std::uint32_t> item_count(store.products.size(), 0);
  PairCounter together;
  const double n = static_cast<double>(organic.size());
  for (std::size_t b = 0; b < organic.size(); ++b) {
    const std::uint32_t first = organic.begin[b], last = organic.begin[b + 1];
    for (std::uint32_t i = first; i < last; ++i) {
      ++item_count[organic.items[i]];
      if (last - first > ctx.settings.basket_max_items) continue;
      for (std::uint32_t j = i + 1; j < last; ++j) {
        if (wanted.count(organic.items[i], organic.items[j]) > 0)
          together.add(organic.items[i], organic.items[j]);
      }
    }
  }
  for (OfferPairCheck& c : checks) {
    c.count = together.count(std::min(c.anchor, c.offered), std::max(c.anchor, c.offered));
    c.count_anchor = item_count[c.anchor];
    c.count_offered = item_count[c.offered];
    const double expected = c.count_anchor * c.count_offered / std::max(n, 1.0);
    if (c.count_anchor < min_count || c.count_offered < min_count || expected < 5) {
      c.verdict = "too_little_support";
      c.reason = "too few baskets hold these products to judge whether they are bought together";
      continue;
    }
    c.lift = c.count * n / (c.count_anchor * c.count_offered);
    c.verdict = c.lift <= 1 ? "low_lift" : "ok";
    c.reason =
        c.lift <= 1
            ? "shoppers do not buy these together (lift ≤ 1): the offer pushes an unrelated item"
            : "shoppers buy these together more often than chance";
  }
  return checks;
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

// Pairs mined within each value of an order attribute (segment, channel).
std::vector<GroupPairs> by_group(const AnalysisContext& ctx, const Baskets& baskets,
                                 const IdColumn& attribute, const char* dimension,
                                 std::vector<LiftDifference>& differences) {
  const Settings& s = ctx.settings;
  // The values in order of first appearance, and the baskets of each in basket order.
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
  std::vector<GroupPairs> groups;
  std::unordered_map<std::uint64_t, std::vector<std::pair<std::string, double>>> lifts;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const std::uint32_t label = labels[k];
    const Mined m = mine(baskets, ctx.store.products.size(), s.basket_min_support,
                         s.basket_max_items, &members[k]);
    GroupPairs g{std::string(ctx.store.pools.labels.view(label)), m.baskets,
                 rules_of(m, m.min_count, s.basket_min_confidence)};
    for (const PairRule& r : g.pairs)
      lifts[(std::uint64_t{r.a} << 32) | r.b].emplace_back(g.group, r.lift);
    if (g.pairs.size() > 20) g.pairs.resize(20);
    groups.push_back(std::move(g));
  }
  for (auto& [key, values] : lifts) {
    if (values.size() < 2) continue;
    const auto [low, high] =
        std::minmax_element(values.begin(), values.end(),
                            [](const auto& x, const auto& y) { return x.second < y.second; });
    // Lifts are ratios: 2 against 0.8 is a wider gap than 52 against 48.
    differences.push_back({static_cast<std::uint32_t>(key >> 32), static_cast<std::uint32_t>(key),
                           dimension, values, high->second / low->second});
  }
  return groups;
}

}  // namespace

BasketResult analyze_baskets(const AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const Settings& s = ctx.settings;
  BasketResult result;
  const Baskets products =
      build_baskets(ctx, [&](std::uint32_t line) { return store.lines.product[line]; });
  if (products.size() == 0) {
    result.reason = "no order was read";
    return result;
  }
  result.available = true;
  result.baskets = static_cast<double>(products.size());
  const Mined m =
      mine(products, store.products.size(), s.basket_min_support, s.basket_max_items, nullptr);
  result.large_baskets = m.large;
  result.baskets_used = m.baskets;
  result.min_count = m.min_count;
  for (std::uint32_t count : m.item_count) {
    result.distinct_products += count > 0;
    result.frequent_products += count >= result.min_count;
  }
  std::vector<PairRule> rules = rules_of(m, result.min_count, s.basket_min_confidence);
  result.candidates = candidates_of(ctx, rules, result.margins_known);
  result.product_pairs = rules;
  if (result.product_pairs.size() > s.basket_max_rules)
    result.product_pairs.resize(s.basket_max_rules);

  const Baskets categories = build_baskets(
      ctx, [&](std::uint32_t line) { return store.products.category[store.lines.product[line]]; });
  const Mined c = mine(categories, store.pools.labels.size(), s.basket_min_support,
                       s.basket_max_items, nullptr);
  result.category_pairs = rules_of(c, c.min_count, s.basket_min_confidence);
  if (result.category_pairs.size() > s.basket_max_rules)
    result.category_pairs.resize(s.basket_max_rules);

  result.offer_checks = check_offers(ctx, result.min_count);
  result.by_segment =
      by_group(ctx, products, store.orders.segment, "segment", result.lift_differences);
  result.by_channel =
      by_group(ctx, products, store.orders.channel, "channel", result.lift_differences);
  std::sort(result.lift_differences.begin(), result.lift_differences.end(),
            [](const LiftDifference& a, const LiftDifference& b) {
              return a.spread != b.spread
                         ? a.spread > b.spread
                         : std::tie(a.a, a.b, a.dimension) < std::tie(b.a, b.b, b.dimension);
            });
  if (result.lift_differences.size() > 20) result.lift_differences.resize(20);
  if (s.basket_triples) result.triples = triples_of(products, m, result.min_count, s);
  return result;
}

}  // namespace basketlift
