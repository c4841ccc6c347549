#include "analysis/offer_groups.h"

#include <algorithm>
#include <cmath>

#include "analysis/distributions.h"
#include "analysis/experiment_units.h"
#include "analysis/offers.h"

namespace basketlift {

namespace {

// What one group's units add up to.
struct GroupSums {
  std::uint32_t label = kNoId;
  RatioMoments acceptance;  // (accepted, impressions) per unit
  RatioMoments margin;      // (margin, impressions) per unit
  std::uint64_t impressions = 0, accepted = 0, converted = 0;
};

// Ratio ± t × standard error over the units (NaN under two units).
Interval ratio_interval(const RatioMoments& m, double confidence, double scale) {
  const double variance = m.ratio_variance();
  if (m.n < 2 || std::isnan(variance)) return {};
  const double half = t_quantile(0.5 + confidence / 2, m.n - 1) * std::sqrt(variance);
  return {scale * (m.ratio() - half), scale * (m.ratio() + half)};
}

// Do the groups (of two units or more) differ? Each group's variance is taken at the pooled
// ratio, as the null hypothesis has it, so a group that never took the offer still counts.
Homogeneity test_of(const std::vector<GroupSums>& sums, bool margin) {
  double numerator = 0, denominator = 0;
  for (const GroupSums& g : sums) {
    const RatioMoments& m = margin ? g.margin : g.acceptance;
    if (m.n < 2) continue;
    numerator += m.mean_m * m.n;
    denominator += m.mean_d * m.n;
  }
  const double pooled = numerator / denominator;
  std::vector<double> estimates, variances;
  for (const GroupSums& g : sums) {
    const RatioMoments& m = margin ? g.margin : g.acceptance;
    if (m.n < 2) continue;
    estimates.push_back(m.ratio());
    variances.push_back(m.ratio_variance_at(pooled));
  }
  return homogeneity_test(estimates, variances);
}

// CVR of the isolating arm against control among the experiment's units of one group that saw
// the offer's placement.
Comparison conversion_vs_control(const ExperimentUnits& units, int arm, std::uint32_t placement,
                                 const std::vector<std::uint32_t>& group_of_unit,
                                 std::uint32_t label, double confidence) {
  double x[2] = {0, 0}, n[2] = {0, 0};
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (group_of_unit[u] != label || (units.arm[u] != 0 && units.arm[u] != arm)) continue;
    const auto first = units.placements.begin() + units.placement_begin[u];
    const auto last = units.placements.begin() + units.placement_begin[u + 1];
    if (std::find(first, last, placement) == last) continue;
    const int side = units.arm[u] == 0 ? 0 : 1;
    n[side] += 1;
    x[side] += units.converted[u];
  }
  return two_proportion_test(x[0], n[0], x[1], n[1], confidence);
}

// One offer's groups: segments or channels.
OfferGroups groups_of(const AnalysisContext& ctx, const OfferUnit* begin, const OfferUnit* end,
                      bool by_segment, const OfferResult& offer, const ExperimentUnits& units,
                      bool costs_known) {
  const double confidence = ctx.settings.confidence;
  std::vector<GroupSums> sums;
  for (const OfferUnit* p = begin; p != end; ++p) {
    const UnitProfile profile = unit_profile(ctx, p->unit);
    const std::uint32_t label = by_segment ? profile.segment : profile.channel;
    if (label == kNoId) continue;
    auto it = std::find_if(sums.begin(), sums.end(),
                           [&](const GroupSums& g) { return g.label == label; });
    if (it == sums.end()) {
      sums.push_back({});
      sums.back().label = label;
      it = sums.end() - 1;
    }
    // Margin counts in every unit (as for the offer as a whole); a unit where its lines came
    // without an impression is not one it was shown in.
    it->margin.add(p->margin, p->impressions);
    if (p->impressions == 0) continue;
    it->acceptance.add(p->accepted, p->impressions);
    it->impressions += p->impressions;
    it->accepted += p->accepted;
    it->converted += profile.converted;
  }
  std::stable_sort(sums.begin(), sums.end(), [](const GroupSums& a, const GroupSums& b) {
    return a.impressions > b.impressions;
  });
  OfferGroups out;
  const bool sessions = ctx.store.sessions.size() > 0;
  out.experiment_link = offer.isolating_arm > 0 && sessions && offer.placement != kNoId;
  std::vector<std::uint32_t> group_of_unit;
  if (out.experiment_link) group_of_unit = by_segment ? units.segment : units.channel;
  for (const GroupSums& g : sums) {
    if (g.impressions == 0) continue;
    OfferGroup group;
    group.label = g.label;
    group.units = g.acceptance.n;
    group.impressions = g.impressions;
    group.accepted = g.accepted;
    group.acceptance_rate = g.acceptance.ratio();
    group.acceptance_ci = ratio_interval(g.acceptance, confidence, 1);
    if (!std::isnan(group.acceptance_ci.low)) {
      group.acceptance_ci.low = std::max(0.0, group.acceptance_ci.low);
      group.acceptance_ci.high = std::min(1.0, group.acceptance_ci.high);
    }
    if (costs_known) {
      group.margin_per_1000 = 1000 * g.margin.ratio();
      group.margin_per_1000_ci = ratio_interval(g.margin, confidence, 1000);
    }
    if (sessions && g.acceptance.n > 0)
      group.conversion_rate = static_cast<double>(g.converted) / g.acceptance.n;
    if (out.experiment_link) {
      group.conversion_vs_control = conversion_vs_control(
          units, offer.isolating_arm, offer.placement, group_of_unit, g.label, confidence);
    }
    out.groups.push_back(std::move(group));
  }
  out.acceptance_test = test_of(sums, false);
  if (costs_known) out.margin_test = test_of(sums, true);
  return out;
}

// Holm across offers, for one dimension and one metric.
void adjust(OffersResult& offers, OfferGroups OfferResult::*groups, bool margin) {
  std::vector<double> p;
  std::vector<double*> into;
  for (OfferResult& offer : offers.offers) {
    OfferGroups& g = offer.*groups;
    const double value = margin ? g.margin_test.p_value : g.acceptance_test.p_value;
    if (std::isnan(value)) continue;
    p.push_back(value);
    into.push_back(margin ? &g.margin_adjusted_p : &g.acceptance_adjusted_p);
  }
  const std::vector<double> adjusted = holm_adjust(p);
  for (std::size_t k = 0; k < into.size(); ++k)
    *into[k] = adjusted[k];
}

}  // namespace

void add_offer_groups(const AnalysisContext& ctx, const std::vector<OfferUnit>& pairs,
                      const ExperimentUnits& units, bool costs_known, OfferResult& offer) {
  if (pairs.empty()) return;
  const OfferUnit* first = pairs.data();
  const OfferUnit* last = pairs.data() + pairs.size();
  offer.by_segment = groups_of(ctx, first, last, true, offer, units, costs_known);
  offer.by_channel = groups_of(ctx, first, last, false, offer, units, costs_known);
}

void adjust_offer_groups(OffersResult& offers) {
  for (bool margin : {false, true}) {
    adjust(offers, &OfferResult::by_segment, margin);
    adjust(offers, &OfferResult::by_channel, margin);
  }
}

}  // namespace basketlift
