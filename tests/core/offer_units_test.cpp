// Each offer's (offer, unit) pairs, built one offer at a time (analysis/offer_units.h), against a
// plain map over the whole store.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include "analysis/offer_units.h"
#include "generated_store.h"

namespace basketlift {
namespace {

// (impressions, accepted, margin) per unit, per offer, summed in the store's order.
using Sums = std::tuple<std::uint32_t, std::uint32_t, double>;
std::map<std::uint32_t, std::map<std::uint64_t, Sums>> reference_pairs(const AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  std::map<std::uint32_t, std::map<std::uint64_t, Sums>> pairs;
  for (std::size_t i = 0; i < im.size(); ++i) {
    std::uint64_t unit = kImpressionUnitBase + i;
    if (im.session[i] != kNoId) {
      unit = im.session[i];
    } else if (im.order[i] != kNoId && im.order[i] < store.orders.size()) {
      unit = order_unit(store, im.order[i]);
    }
    Sums& sums = pairs[im.rec(i)][unit];
    std::get<0>(sums) += 1;
    std::get<1>(sums) += ctx.impression_accepted[i];
  }
  for (std::size_t l = 0; l < store.lines.size(); ++l) {
    if (store.lines.rec[l] == kNoId) continue;
    const double margin = ctx.offer_line_margin(l);
    if (std::isnan(margin)) continue;
    std::get<2>(pairs[store.lines.rec[l]][order_unit(store, store.lines.order[l])]) += margin;
  }
  return pairs;
}

TEST(OfferUnits, EachOffersPairsAsAMapOverTheWholeStoreFindsThem) {
  // Few impressions an offer (sorted by comparison) and many (radix sorted).
  for (const std::uint32_t orders : {200u, 6000u}) {
    sample::GeneratorOptions options;
    options.orders = orders;
    options.seed = 3;
    const auto analysed = testing::analysed_store(options);
    const Store& store = analysed->engine.store();
    const Settings settings;
    const AnalysisContext ctx = build_context(store, settings);
    const auto expected = reference_pairs(ctx);
    OfferUnits units(ctx);
    std::size_t most = 0;
    for (std::uint32_t rec = 0; rec < store.pools.recs.size(); ++rec) {
      const std::vector<OfferUnit>& pairs = units.of(rec);
      most = std::max(most, pairs.size());
      const auto found = expected.find(rec);
      ASSERT_EQ(pairs.size(), found == expected.end() ? 0 : found->second.size()) << rec;
      if (found == expected.end()) continue;
      std::size_t k = 0;
      for (const auto& [unit, sums] : found->second) {
        EXPECT_EQ(pairs[k].rec, rec);
        EXPECT_EQ(pairs[k].unit, unit) << rec;
        EXPECT_EQ(pairs[k].impressions, std::get<0>(sums)) << rec;
        EXPECT_EQ(pairs[k].accepted, std::get<1>(sums)) << rec;
        EXPECT_EQ(pairs[k].margin, std::get<2>(sums)) << rec;  // same additions, same order
        ++k;
      }
      std::size_t shown = 0;
      for (const std::uint32_t i : units.impressions_of(rec)) {
        EXPECT_EQ(store.impressions.rec(i), rec);
        ++shown;
      }
      EXPECT_EQ(shown, ctx.offers[rec].impressions);
    }
    if (orders > 1000) {
      EXPECT_GT(most, 256u) << "an offer large enough for the radix sort";
    }
    if (orders < 1000) {
      EXPECT_LE(most, 256u);
    }
  }
}

}  // namespace
}  // namespace basketlift
