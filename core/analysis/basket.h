// Basket mining (SPEC §3.5): product and category pairs bought together, with support,
// confidence, lift, leverage and conviction; cross-sell candidates ranked by expected margin
// per showing; existing offers checked against their pair; the same per segment and channel.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/context.h"
#include "analysis/stat_tests.h"

namespace basketlift {

/// One direction of a pair rule (A → B).
struct RuleDirection {
  double confidence = kNaN;  ///< P(B | A)
  double conviction = kNaN;  ///< (1 − P(B)) / (1 − confidence); NaN when confidence is 1
};

/// Two items (products or categories) bought together.
struct PairRule {
  std::uint32_t a = kNoId, b = kNoId;  ///< item ids (products: product index; categories: label id)
  double count = 0;                    ///< baskets with both
  double count_a = 0;                  ///< baskets with a
  double count_b = 0;                  ///< baskets with b
  double support = 0;                  ///< count / baskets
  double lift = kNaN;                  ///< count · baskets / (count_a · count_b)
  double leverage = kNaN;              ///< support − support(a) · support(b)
  RuleDirection a_to_b, b_to_a;
};

/// A cross-sell to consider: show `offered` next to `anchor`.
struct Candidate {
  PairRule rule;              ///< the pair (anchor is rule.a or rule.b, see anchor_is_a)
  bool anchor_is_a = true;    ///< direction of the candidate rule
  double unit_margin = kNaN;  ///< catalogue margin of the offered product
  double expected_margin_per_showing = kNaN;  ///< confidence × unit margin
  std::vector<std::uint32_t> offered_by;      ///< rec ids already offering it (anchor → offered)
  bool intended = false;                      ///< listed in the shop's own cross-sells/upsells
};

/// An existing offer checked against its pair's organic co-purchase.
struct OfferPairCheck {
  std::uint32_t rec = kNoId;                      ///< the offer
  std::uint32_t anchor = kNoId, offered = kNoId;  ///< products
  double count = 0, count_anchor = 0,
         count_offered = 0;  ///< organic baskets (lines without a rec_id)
  double lift = kNaN;        ///< organic lift of the pair
  std::string verdict;       ///< "low_lift", "too_little_support" or "ok"
  std::string reason;        ///< in a sentence
};

/// Pairs mined within one group of baskets (a segment or channel).
struct GroupPairs {
  std::string group;            ///< the segment or channel
  double baskets = 0;           ///< baskets in the group
  std::vector<PairRule> pairs;  ///< strongest first
};

/// A pair whose lift differs between groups.
struct LiftDifference {
  std::uint32_t a = kNoId, b = kNoId;  ///< products
  std::string dimension;               ///< "segment" or "channel"
  std::vector<std::pair<std::string, double>>
      lifts;          ///< group → lift (groups where it is frequent)
  double spread = 0;  ///< largest lift / smallest lift
};

/// Three items: A and B bought → C (bundles).
struct TripleRule {
  std::uint32_t a, b, c;  ///< products
  double count = 0;       ///< baskets with all three
  double confidence = 0;  ///< P(C | A, B)
  double lift = 0;        ///< confidence / P(C)
};

/// The basket section.
struct BasketResult {
  bool available = false;                ///< false without orders
  std::string reason;                    ///< why unavailable
  double baskets = 0;                    ///< orders with at least one product
  double baskets_used = 0;               ///< of which mined
  double large_baskets = 0;              ///< left out: more than settings.basket_max_items products
  double min_count = 0;                  ///< minimum baskets for a pair (from basket_min_support)
  double distinct_products = 0;          ///< products in baskets
  double frequent_products = 0;          ///< products in at least min_count baskets
  bool margins_known = false;            ///< candidates ranked by expected margin (else by lift)
  std::vector<PairRule> product_pairs;   ///< strongest first (by lift)
  std::vector<PairRule> category_pairs;  ///< full category paths
  std::vector<Candidate> candidates;     ///< best first
  std::vector<OfferPairCheck> offer_checks;  ///< one per cross-sell offer with an anchor
  std::vector<GroupPairs> by_segment, by_channel;
  std::vector<LiftDifference> lift_differences;  ///< widest spread first
  std::vector<TripleRule> triples;               ///< when settings.basket_triples
  std::string triples_reason;                    ///< why triples are missing although asked for
};

/// A pair of items and the baskets holding both.
struct PairCount {
  std::uint32_t a = kNoId, b = kNoId;  ///< item ids (either order)
  double count = 0;                    ///< baskets with both
};

/// The counts of one set of baskets that its pair rules are computed from.
struct BasketCounts {
  double baskets = 0;              ///< baskets mined (large ones left out)
  double large = 0;                ///< left out: more than basket_max_items items
  double min_count = 0;            ///< baskets a pair needs (from basket_min_support)
  double distinct_items = 0;       ///< items in the mined baskets
  double frequent_items = 0;       ///< items in at least min_count of them
  std::vector<double> item_count;  ///< mined baskets holding each item id (every item of `pairs`)
  std::vector<PairCount> pairs;    ///< pairs in at least min_count mined baskets
};

/// Organic baskets (lines without a rec_id), for checking cross-sell offers against them.
struct OrganicCounts {
  double baskets = 0;              ///< organic baskets
  std::vector<double> item_count;  ///< baskets holding each product (every checked offer's)
  std::vector<PairCount> pairs;  ///< checked offers' pairs, in baskets of basket_max_items or less
};

/// An offer with an anchor and an offered product.
struct BasketOffer {
  std::uint32_t rec = kNoId;                      ///< the offer
  std::uint32_t anchor = kNoId, offered = kNoId;  ///< products
  bool checked = false;  ///< a shown cross-sell of two different products: checked organically
};

/// What the basket section is computed from: counts over the baskets (the rows give them, or a
/// warehouse sums them: warehouse/aggregates.h) and the catalogue's and offers' facts.
struct BasketSums {
  double baskets = 0;       ///< orders with at least one product
  BasketCounts products;    ///< baskets of products
  BasketCounts categories;  ///< baskets of catalogue category paths
  OrganicCounts organic;    ///< organic baskets of products
  std::vector<std::pair<std::uint32_t, BasketCounts>> by_segment,
      by_channel;                       ///< label → its baskets of products
  std::vector<double> unit_margin;      ///< catalogue margin of each product (NaN: unknown)
  std::vector<BasketOffer> offers;      ///< offers with both products known
  std::vector<IntendedOffer> intended;  ///< the shop's own cross-sells and upsells
  std::vector<TripleRule> triples;      ///< when settings.basket_triples (rows only)
  std::string triples_reason;           ///< why triples were not mined although asked for
};

/// The counts of the orders' baskets.
BasketSums basket_sums(const AnalysisContext& ctx);

/// The basket section from its counts; `pools` name the items (ties are ranked by name).
BasketResult basket_from_sums(const BasketSums& sums, const Pools& pools, const Settings& settings);

/// Mines the orders' baskets.
BasketResult analyze_baskets(const AnalysisContext& ctx);

}  // namespace basketlift
