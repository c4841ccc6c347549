// The basket section from its counts (basket.h: BasketSums): pair rules, cross-sell candidates,
// offers checked against organic baskets, pairs per segment and channel and where their lift
// differs. Items are ranked by the numbers first and by name on ties, so that the section does
// not depend on the order of the rows (and a warehouse's counts give the same section).
#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "analysis/basket.h"

namespace basketlift {

namespace {

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

// Every pair with enough support and confidence in at least one direction, strongest first; a
// pair's first item is the one whose name comes first (byte order), as are ties.
std::vector<PairRule> rules_of(const BasketCounts& m, double min_confidence,
                               const Interner& names) {
  std::vector<PairRule> rules;
  for (PairCount p : m.pairs) {
    if (p.count < m.min_count) continue;
    if (names.view(p.b) < names.view(p.a)) std::swap(p.a, p.b);
    PairRule r = rule_of(p.a, p.b, p.count, m.item_count[p.a], m.item_count[p.b], m.baskets);
    if (r.a_to_b.confidence >= min_confidence || r.b_to_a.confidence >= min_confidence)
      rules.push_back(r);
  }
  std::sort(rules.begin(), rules.end(), [&](const PairRule& x, const PairRule& y) {
    if (x.lift != y.lift) return x.lift > y.lift;
    if (x.count != y.count) return x.count > y.count;
    return std::pair{names.view(x.a), names.view(x.b)} <
           std::pair{names.view(y.a), names.view(y.b)};
  });
  return rules;
}

// Offers listed by rec_id.
void sort_by_rec_id(std::vector<std::uint32_t>& recs, const Pools& pools) {
  std::sort(recs.begin(), recs.end(), [&](std::uint32_t x, std::uint32_t y) {
    return pools.recs.view(x) < pools.recs.view(y);
  });
}

std::vector<Candidate> candidates_of(const BasketSums& sums, const std::vector<PairRule>& rules,
                                     const Pools& pools, const Settings& s, bool& margins_known) {
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
      c.unit_margin = offered < sums.unit_margin.size() ? sums.unit_margin[offered] : kNaN;
      c.expected_margin_per_showing = confidence * c.unit_margin;
      for (const BasketOffer& offer : sums.offers) {
        if (offer.anchor == anchor && offer.offered == offered) c.offered_by.push_back(offer.rec);
      }
      sort_by_rec_id(c.offered_by, pools);
      for (const IntendedOffer& intended : sums.intended) {
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

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  return (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b);
}

// Cross-sell offers against their pair in organic baskets, by rec_id.
std::vector<OfferPairCheck> check_offers(const BasketSums& sums, const Pools& pools) {
  const OrganicCounts& organic = sums.organic;
  std::unordered_map<std::uint64_t, double> together;
  for (const PairCount& p : organic.pairs)
    together[pair_key(p.a, p.b)] = p.count;
  const auto count_of = [&](std::uint32_t product) {
    return product < organic.item_count.size() ? organic.item_count[product] : 0.0;
  };
  const double n = organic.baskets, min_count = sums.products.min_count;
  std::vector<OfferPairCheck> checks;
  for (const BasketOffer& offer : sums.offers) {
    if (!offer.checked) continue;
    OfferPairCheck c;
    c.rec = offer.rec;
    c.anchor = offer.anchor;
    c.offered = offer.offered;
    const auto found = together.find(pair_key(c.anchor, c.offered));
    c.count = found == together.end() ? 0 : found->second;
    c.count_anchor = count_of(c.anchor);
    c.count_offered = count_of(c.offered);
    const double expected = c.count_anchor * c.count_offered / std::max(n, 1.0);
    if (c.count_anchor < min_count || c.count_offered < min_count || expected < 5) {
      c.verdict = "too_little_support";
      c.reason = "too few baskets hold these products to judge whether they are bought together";
    } else {
      c.lift = c.count * n / (c.count_anchor * c.count_offered);
      c.verdict = c.lift <= 1 ? "low_lift" : "ok";
      c.reason =
          c.lift <= 1
              ? "shoppers do not buy these together (lift ≤ 1): the offer pushes an unrelated item"
              : "shoppers buy these together more often than chance";
    }
    checks.push_back(std::move(c));
  }
  std::sort(checks.begin(), checks.end(), [&](const OfferPairCheck& x, const OfferPairCheck& y) {
    return pools.recs.view(x.rec) < pools.recs.view(y.rec);
  });
  return checks;
}

// Pairs within each value of an order attribute, the value with most baskets first (ties by
// name); each pair's lift per value goes to `differences`.
std::vector<GroupPairs> by_group(const std::vector<std::pair<std::uint32_t, BasketCounts>>& counts,
                                 const char* dimension, const Pools& pools, const Settings& s,
                                 std::vector<LiftDifference>& differences) {
  std::vector<GroupPairs> groups;
  std::vector<std::vector<PairRule>> rules;
  for (const auto& [label, group] : counts) {
    groups.push_back({std::string(pools.labels.view(label)), group.baskets, {}});
    rules.push_back(rules_of(group, s.basket_min_confidence, pools.products));
  }
  std::vector<std::size_t> order(groups.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (groups[x].baskets != groups[y].baskets) return groups[x].baskets > groups[y].baskets;
    return groups[x].group < groups[y].group;
  });
  std::vector<GroupPairs> sorted;
  std::unordered_map<std::uint64_t, std::vector<std::pair<std::string, double>>> lifts;
  for (std::size_t k : order) {
    GroupPairs g = std::move(groups[k]);
    for (const PairRule& r : rules[k])
      lifts[(std::uint64_t{r.a} << 32) | r.b].emplace_back(g.group, r.lift);
    g.pairs = std::move(rules[k]);
    if (g.pairs.size() > 20) g.pairs.resize(20);
    sorted.push_back(std::move(g));
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
  return sorted;
}

}  // namespace

BasketResult basket_from_sums(const BasketSums& sums, const Pools& pools,
                              const Settings& settings) {
  BasketResult result;
  if (sums.baskets == 0) {
    result.reason = "no order was read";
    return result;
  }
  result.available = true;
  result.baskets = sums.baskets;
  result.large_baskets = sums.products.large;
  result.baskets_used = sums.products.baskets;
  result.min_count = sums.products.min_count;
  result.distinct_products = sums.products.distinct_items;
  result.frequent_products = sums.products.frequent_items;
  std::vector<PairRule> rules =
      rules_of(sums.products, settings.basket_min_confidence, pools.products);
  result.candidates = candidates_of(sums, rules, pools, settings, result.margins_known);
  result.product_pairs = std::move(rules);
  if (result.product_pairs.size() > settings.basket_max_rules)
    result.product_pairs.resize(settings.basket_max_rules);
  result.category_pairs = rules_of(sums.categories, settings.basket_min_confidence, pools.labels);
  if (result.category_pairs.size() > settings.basket_max_rules)
    result.category_pairs.resize(settings.basket_max_rules);
  result.offer_checks = check_offers(sums, pools);
  result.by_segment =
      by_group(sums.by_segment, "segment", pools, settings, result.lift_differences);
  result.by_channel =
      by_group(sums.by_channel, "channel", pools, settings, result.lift_differences);
  const Interner& products = pools.products;
  std::sort(result.lift_differences.begin(), result.lift_differences.end(),
            [&](const LiftDifference& a, const LiftDifference& b) {
              if (a.spread != b.spread) return a.spread > b.spread;
              return std::tuple{products.view(a.a), products.view(a.b), a.dimension} <
                     std::tuple{products.view(b.a), products.view(b.b), b.dimension};
            });
  if (result.lift_differences.size() > 20) result.lift_differences.resize(20);
  result.triples = sums.triples;
  result.triples_reason = sums.triples_reason;
  return result;
}

}  // namespace basketlift
