#include "analysis/offer_groups.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>

#include "analysis/distributions.h"
#include "analysis/experiment_units.h"
#include "analysis/offers.h"

namespace basketlift {

namespace {

// Ratio ± t × standard error over the units (NaN under two units).
Interval ratio_interval(const RatioMoments& m, double confidence, double scale) {
  const double variance = m.ratio_variance();
  if (m.n < 2 || std::isnan(variance)) return {};
  const double half = t_quantile(0.5 + confidence / 2, m.n - 1) * std::sqrt(variance);
  return {scale * (m.ratio() - half), scale * (m.ratio() + half)};
}

// Do the groups (of two units or more) differ? Each group's variance is taken at the pooled
// ratio, as the null hypothesis has it, so a group that never took the offer still counts.
Homogeneity test_of(const std::vector<OfferGroupSums>& sums, bool margin) {
  double numerator = 0, denominator = 0;
  for (const OfferGroupSums& g : sums) {
    const RatioMoments& m = margin ? g.margin : g.acceptance;
    if (m.n < 2) continue;
    numerator += m.mean_m * m.n;
    denominator += m.mean_d * m.n;
  }
  const double pooled = numerator / denominator;
  std::vector<double> estimates, variances;
  for (const OfferGroupSums& g : sums) {
    const RatioMoments& m = margin ? g.margin : g.acceptance;
    if (m.n < 2) continue;
    estimates.push_back(m.ratio());
    variances.push_back(m.ratio_variance_at(pooled));
  }
  return homogeneity_test(estimates, variances);
}

}  // namespace

ConversionSource unit_conversions(const ExperimentUnits& units) {
  // Offers ask the same few questions (arm, placement, group) many times over: each is a pass
  // over every unit, so each answer is kept.
  using Question = std::tuple<int, std::uint32_t, bool, std::uint32_t>;
  auto answers = std::make_shared<std::map<Question, ConversionCounts>>();
  return [&units, answers](int arm, std::uint32_t placement, bool by_segment, std::uint32_t label) {
    const auto [known, added] = answers->try_emplace({arm, placement, by_segment, label});
    if (!added) return known->second;
    const std::vector<std::uint32_t>& group_of_unit = by_segment ? units.segment : units.channel;
    ConversionCounts& counts = known->second;
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (group_of_unit[u] != label || (units.arm[u] != 0 && units.arm[u] != arm)) continue;
      const std::span<const std::uint32_t> seen = units.placements_of(u);
      if (std::find(seen.begin(), seen.end(), placement) == seen.end()) continue;
      if (units.arm[u] == 0) {
        counts.control_units += 1;
        counts.control_converted += units.converted[u];
      } else {
        counts.arm_units += 1;
        counts.arm_converted += units.converted[u];
      }
    }
    return counts;
  };
}

void offer_group_sums(const AnalysisContext& ctx, const std::vector<OfferUnit>& pairs,
                      std::vector<OfferGroupSums>& by_segment,
                      std::vector<OfferGroupSums>& by_channel) {
  const auto add = [](std::vector<OfferGroupSums>& sums, std::uint32_t label, const OfferUnit& p,
                      bool converted) {
    if (label == kNoId) return;
    auto it = std::find_if(sums.begin(), sums.end(),
                           [&](const OfferGroupSums& g) { return g.label == label; });
    if (it == sums.end()) {
      sums.push_back({});
      sums.back().label = label;
      it = sums.end() - 1;
    }
    // Margin counts in every unit (as for the offer as a whole); a unit where its lines came
    // without an impression is not one it was shown in.
    it->margin.add(p.margin, p.impressions);
    if (p.impressions == 0) return;
    it->acceptance.add(p.accepted, p.impressions);
    it->impressions += p.impressions;
    it->accepted += p.accepted;
    it->converted += converted;
  };
  for (const OfferUnit& p : pairs) {
    const UnitProfile profile = unit_profile(ctx, p.unit);
    add(by_segment, profile.segment, p, profile.converted);
    add(by_channel, profile.channel, p, profile.converted);
  }
}

OfferGroups offer_groups_from_sums(std::vector<OfferGroupSums> sums, const OfferResult& offer,
                                   bool sessions, bool by_segment,
                                   const ConversionSource& conversions, bool costs_known,
                                   double confidence) {
  std::stable_sort(sums.begin(), sums.end(), [](const OfferGroupSums& a, const OfferGroupSums& b) {
    return a.impressions > b.impressions;
  });
  OfferGroups out;
  out.experiment_link = offer.isolating_arm > 0 && sessions && offer.placement != kNoId;
  out.groups.reserve(sums.size());  // sized once, not at every growth
  for (const OfferGroupSums& g : sums) {
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
      const ConversionCounts c =
          conversions(offer.isolating_arm, offer.placement, by_segment, g.label);
      group.conversion_vs_control = two_proportion_test(c.control_converted, c.control_units,
                                                        c.arm_converted, c.arm_units, confidence);
    }
    out.groups.push_back(std::move(group));
  }
  out.acceptance_test = test_of(sums, false);
  if (costs_known) out.margin_test = test_of(sums, true);
  return out;
}

namespace {

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

void adjust_offer_groups(OffersResult& offers) {
  for (bool margin : {false, true}) {
    adjust(offers, &OfferResult::by_segment, margin);
    adjust(offers, &OfferResult::by_channel, margin);
  }
}

}  // namespace basketlift
