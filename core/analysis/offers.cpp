#include "analysis/offers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/distributions.h"
#include "analysis/offer_units.h"
#include "util/number_format.h"

namespace basketlift {

namespace {

constexpr double kDaysPerMonth = 365.25 / 12;

// Catalogue cost of a product: unit_cost, else price × (1 − margin_pct / 100).
double catalogue_cost(const Store& store, std::uint32_t product) {
  if (product == kNoId) return kNaN;
  const ProductColumns& p = store.products;
  if (!std::isnan(p.unit_cost[product])) return p.unit_cost[product];
  return p.price[product] * (1 - p.margin_pct[product] / 100);
}

std::string format(const char* pattern, double a, double b = 0) {
  char text[160];
  std::snprintf(text, sizeof text, pattern, a, b);
  return text;
}

// An experiment comparison showing that the arm the offer lives in loses margin per session
// where the offer is shown.
const MetricResult* losing_comparison(const ExperimentResult& experiment, const std::string& arm,
                                      const std::string& placement) {
  for (const ArmComparison& c : experiment.comparisons) {
    if (c.arm != arm || c.slice_kind != "placement" || c.slice != placement || c.srm.mismatch)
      continue;
    for (const MetricResult& m : c.metrics) {
      if (m.metric == "margin_per_session" && m.significant && m.comparison.delta < 0) return &m;
    }
  }
  return nullptr;
}

// Who an offer's experiment evidence is about: the one arm showing it, and whether it is the only
// offer that arm alone shows at its placement (else the placement's loss cannot be pinned on it).
struct ArmEvidence {
  std::string only_arm;
  std::string placement;
  bool sole_difference = false;
};

void judge(OfferResult& r, const RatioMoments& moments, const Settings& s,
           const ExperimentResult& experiment, const ArmEvidence& evidence, bool costs_known) {
  const std::string& only_arm = evidence.only_arm;
  const std::string& placement = evidence.placement;
  if (!r.tracked) {
    r.reason =
        "no impressions were given for this rec_id: acceptance and margin per impression are "
        "unknown";
    return;
  }
  if (!costs_known) {
    r.reason = "no cost is known: margin cannot be judged";
    return;
  }
  r.units = moments.n;
  r.margin_per_impression =
      r.impressions > 0 ? r.margin / static_cast<double>(r.impressions) : kNaN;
  const double variance = moments.ratio_variance();
  if (moments.n >= 2 && !std::isnan(variance)) {
    const double q = t_quantile(0.5 + s.confidence / 2, moments.n - 1);
    const double se = std::sqrt(variance);
    r.margin_per_impression_ci = {r.margin_per_impression - q * se,
                                  r.margin_per_impression + q * se};
    if (r.margin_per_impression != 0 && se > 0) {
      const double units_needed =
          moments.n * (q * se / r.margin_per_impression) * (q * se / r.margin_per_impression);
      r.impressions_needed =
          std::max(0.0, std::ceil(units_needed * (static_cast<double>(r.impressions) / moments.n)) -
                            static_cast<double>(r.impressions));
    }
  }
  const Interval& ci = r.margin_per_impression_ci;
  const auto minimum = static_cast<double>(s.min_impressions_for_verdict);
  if (static_cast<double>(r.impressions) < minimum) {
    // A handful of showings makes a normal interval unreliable: no verdict yet.
    r.impressions_needed = std::max(std::isnan(r.impressions_needed) ? 0.0 : r.impressions_needed,
                                    minimum - static_cast<double>(r.impressions));
    r.reason = format("only %.0f impressions: a verdict needs at least %.0f",
                      static_cast<double>(r.impressions), minimum);
    return;
  }
  if (!only_arm.empty()) {
    if (const MetricResult* loss = losing_comparison(experiment, only_arm, placement)) {
      r.experiment_evidence = "experiment: in the " + only_arm + " arm, sessions shown offers at " +
                              placement + " earn " +
                              format("%.2f less margin per session (adjusted p = %.3g)",
                                     -loss->comparison.delta, loss->adjusted_p);
      if (evidence.sole_difference) {
        r.verdict = OfferClass::unprofitable;
        r.reason = "showing it costs more margin through lost conversions than it adds";
        return;
      }
      r.experiment_evidence += "; the " + only_arm +
                               " arm shows other offers of its own there too, so the loss is "
                               "theirs together, not this offer's alone";
    }
  }
  if (!std::isnan(ci.high) && ci.high < 0) {
    r.verdict = OfferClass::unprofitable;
    r.reason =
        format("loses %.2f margin per 1,000 impressions (", -1000 * r.margin_per_impression) +
        s.confidence_text() + " interval below zero)";
  } else if (!std::isnan(ci.low) && ci.low > 0) {
    r.verdict = OfferClass::profitable;
    r.reason = format("earns %.2f margin per 1,000 impressions (", 1000 * r.margin_per_impression) +
               s.confidence_text() + " interval above zero)";
  } else if (std::isnan(ci.low)) {
    r.reason = "too few sessions with this offer to judge";
  } else {
    r.reason = std::isnan(r.impressions_needed)
                   ? std::string("no margin so far: the interval includes zero")
                   : format("the interval includes zero: about %.0f more impressions are needed",
                            r.impressions_needed);
  }
}

// Days between an offer's first and last dated impression (NaN when under a day).
double days_shown(const OfferFacts& facts) {
  if (facts.first_shown == kNoTime) return kNaN;
  const double days = static_cast<double>(facts.last_shown - facts.first_shown) / 86400;
  return days >= 1 ? days : kNaN;
}

// The retire list (SPEC §3.4): unprofitable offers, and offers that are well measured, rarely
// taken and earn nothing provable. A profitable offer is never retired; when rarely taken it
// gets a note instead.
void decide_retirement(OfferResult& r, const Settings& s) {
  const bool rarely_taken =
      r.impressions >= s.retire_min_impressions && r.acceptance_ci.high < s.retire_acceptance_floor;
  const bool earns = r.margin_per_impression_ci.low > 0;  // false when unknown (NaN)
  const std::string floor = double_to_string(100 * s.retire_acceptance_floor) + "%";
  if (r.verdict == OfferClass::unprofitable) {
    r.retire_rule = RetireRule::unprofitable;
    r.retire_reason = "unprofitable: " + r.reason;
  } else if (rarely_taken && !earns && r.verdict != OfferClass::profitable) {
    r.retire_rule = RetireRule::low_acceptance;
    r.retire_reason = "taken by under " + floor + " of the shoppers who see it (" +
                      s.confidence_text() + " confidence, " +
                      format("%.0f impressions", static_cast<double>(r.impressions)) +
                      ") and its margin is not above zero with that confidence: it takes the "
                      "slot without paying for it";
  } else if (rarely_taken) {
    r.note = "low acceptance (under " + floor +
             ") — it earns its slot, but a better product for this slot may earn more";
  }
  r.retire = r.retire_rule != RetireRule::none;
}

}  // namespace

const char* retire_rule_name(RetireRule rule) {
  switch (rule) {
    case RetireRule::none:
      return "none";
    case RetireRule::unprofitable:
      return "unprofitable";
    case RetireRule::low_acceptance:
      return "low_acceptance";
  }
  return "none";
}

const char* offer_class_name(OfferClass c) {
  switch (c) {
    case OfferClass::profitable:
      return "profitable";
    case OfferClass::unprofitable:
      return "unprofitable";
    case OfferClass::inconclusive:
      return "inconclusive";
  }
  return "inconclusive";
}

OffersSums offers_sums(const AnalysisContext& ctx, const ExperimentUnits& units) {
  const Store& store = ctx.store;
  OffersSums sums;
  sums.costs_known = store.lines.unit_cost.present() > 0 ||
                     std::any_of(store.products.unit_cost.begin(), store.products.unit_cost.end(),
                                 [](double c) { return !std::isnan(c); }) ||
                     std::any_of(store.products.margin_pct.begin(), store.products.margin_pct.end(),
                                 [](double c) { return !std::isnan(c); });
  OfferUnits offer_units(ctx);
  std::vector<std::uint64_t> seen;  // exposed_orders' scratch
  const std::vector<std::uint64_t> arms = arms_showing(ctx, units);
  for (std::uint32_t rec = 0; rec < store.pools.recs.size(); ++rec) {
    const OfferFacts& facts = ctx.offers[rec];
    const std::vector<OfferUnit>& pairs = offer_units.of(rec);
    OfferSums offer;
    offer.rec = rec;
    offer.facts = facts;
    // Margin per impression, as a ratio over the units (sessions) it was shown in.
    for (const OfferUnit& u : pairs)
      offer.margin.add(u.margin, static_cast<double>(u.impressions));
    offer.exposed_orders = exposed_orders(ctx, offer_units.impressions_of(rec), seen);
    if (facts.anchor != kNoId) {
      offer.anchor_price = store.products.price[facts.anchor];
      offer.anchor_cost = catalogue_cost(store, facts.anchor);
    }
    if (facts.offered != kNoId) {
      offer.offered_price = store.products.price[facts.offered];
      offer.offered_cost = catalogue_cost(store, facts.offered);
    }
    offer.arms = arms[rec];
    if (!pairs.empty()) offer_group_sums(ctx, pairs, offer.by_segment, offer.by_channel);
    sums.offers.push_back(std::move(offer));
  }
  return sums;
}

OffersResult offers_from_sums(const OffersSums& sums, const OfferArms& arms, const Pools& pools,
                              const ExperimentResult& experiment, const Settings& s) {
  OffersResult result;
  result.available = true;
  result.costs_known = sums.costs_known;
  result.offers.reserve(sums.offers.size());  // moved once each, not at every growth
  // The arm that alone shows an offer (index into arms.names; −1: none, or control alone).
  const auto single_arm = [](std::uint64_t shown) {
    if (shown == 0 || (shown & (shown - 1)) != 0 || shown == 1) return -1;
    int arm = 0;
    while ((shown >> arm) != 1)
      ++arm;
    return arm;
  };
  std::vector<std::pair<int, std::uint32_t>> arm_only;  // (arm, placement) of each such offer
  for (const OfferSums& offer : sums.offers) {
    if (single_arm(offer.arms) >= 0 && offer.facts.placement != kNoId)
      arm_only.emplace_back(single_arm(offer.arms), offer.facts.placement);
  }
  const auto evidence_of = [&](const OfferSums& offer) {
    ArmEvidence evidence;
    const int arm = single_arm(offer.arms);
    const std::uint32_t placement = offer.facts.placement;
    if (arm < 0 || placement == kNoId) return evidence;
    evidence.only_arm = arms.names[static_cast<std::size_t>(arm)];
    evidence.placement = std::string(pools.labels.view(placement));
    evidence.sole_difference =
        std::count(arm_only.begin(), arm_only.end(), std::make_pair(arm, placement)) == 1;
    return evidence;
  };
  for (const OfferSums& offer : sums.offers) {
    const OfferFacts& facts = offer.facts;
    OfferResult r;
    r.rec = offer.rec;
    r.tracked = facts.tracked;
    r.type = facts.type;
    r.placement = facts.placement;
    r.several_placements = facts.several_placements;
    r.anchor = facts.anchor;
    r.offered = facts.offered;
    r.impressions = facts.impressions;
    r.accepted = facts.accepted;
    if (facts.impressions > 0) {
      r.acceptance_rate =
          static_cast<double>(facts.accepted) / static_cast<double>(facts.impressions);
      r.acceptance_ci = wilson_interval(static_cast<double>(facts.accepted),
                                        static_cast<double>(facts.impressions), s.confidence);
    }
    r.orders = facts.orders;
    r.exposed_orders = offer.exposed_orders;
    r.anchor_price = offer.anchor_price;
    r.anchor_cost = offer.anchor_cost;
    r.offered_price = offer.offered_price;
    r.offered_cost = offer.offered_cost;
    r.revenue = facts.revenue;
    r.margin = facts.margin;
    r.lines_without_cost = facts.lines_without_cost;
    const ArmEvidence evidence = evidence_of(offer);
    if (evidence.sole_difference && arms.has_control) r.isolating_arm = single_arm(offer.arms);
    judge(r, offer.margin, s, experiment, evidence, result.costs_known);
    r.days_shown = days_shown(facts);
    if (result.costs_known && !std::isnan(r.days_shown))
      r.margin_per_month = r.margin / r.days_shown * kDaysPerMonth;
    decide_retirement(r, s);
    if (offer.margin.n > 0) {  // it was shown or sold in some unit
      r.by_segment = offer_groups_from_sums(offer.by_segment, r, arms.sessions, true,
                                            arms.conversions, result.costs_known, s.confidence);
      r.by_channel = offer_groups_from_sums(offer.by_channel, r, arms.sessions, false,
                                            arms.conversions, result.costs_known, s.confidence);
    }
    result.offers.push_back(std::move(r));
  }
  std::stable_sort(
      result.offers.begin(), result.offers.end(),
      [](const OfferResult& a, const OfferResult& b) { return a.impressions > b.impressions; });
  adjust_offer_groups(result);
  return result;
}

OffersResult analyze_offers(const AnalysisContext& ctx, const ExperimentUnits& units,
                            const ExperimentResult& experiment) {
  const Store& store = ctx.store;
  if (store.pools.recs.size() == 0) {
    OffersResult result;
    result.reason = store.impressions.size() == 0
                        ? "no offers table was given and no order line carries a rec_id"
                        : "no offer was read";
    return result;
  }
  OfferArms arms;
  for (const std::uint32_t label : units.arm_labels)
    arms.names.emplace_back(store.pools.labels.view(label));
  arms.has_control = units.has_control;
  arms.sessions = store.sessions.size() > 0;
  arms.conversions = unit_conversions(units);
  return offers_from_sums(offers_sums(ctx, units), arms, store.pools, experiment, ctx.settings);
}

}  // namespace basketlift
