#include "analysis/offers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/distributions.h"
#include "analysis/offer_units.h"
#include "util/number_format.h"
#include "util/radix_sort.h"

namespace basketlift {

namespace {

constexpr double kDaysPerMonth = 365.25 / 12;

// Arms whose units saw each offer (bit per arm index).
std::vector<std::uint64_t> arms_showing(const AnalysisContext& ctx, const ExperimentUnits& units) {
  const Store& store = ctx.store;
  std::vector<std::uint64_t> arms(store.pools.recs.size(), 0);
  for (std::size_t i = 0; i < store.impressions.size(); ++i) {
    const std::uint32_t variant = store.impressions.variant[i];
    std::uint32_t label = variant;
    if (label == kNoId && store.impressions.session[i] != kNoId &&
        store.impressions.session[i] < store.session_row.size() &&
        store.session_row[store.impressions.session[i]] != kNoId) {
      label = store.sessions.variant[store.session_row[store.impressions.session[i]]];
    }
    const auto it = std::find(units.arm_labels.begin(), units.arm_labels.end(), label);
    if (it != units.arm_labels.end() && it - units.arm_labels.begin() < 64) {
      arms[store.impressions.rec(i)] |= std::uint64_t{1} << (it - units.arm_labels.begin());
    }
  }
  return arms;
}

// Orders placed in the sessions (or orders) where an offer was shown (its impressions given;
// `seen` is scratch).
double exposed_orders(const AnalysisContext& ctx, std::span<const std::uint32_t> impressions,
                      std::vector<std::uint64_t>& seen) {
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  seen.clear();
  for (const std::uint32_t i : impressions) {
    if (im.session[i] != kNoId) {
      seen.push_back(im.session[i]);
    } else if (im.order[i] != kNoId) {
      seen.push_back(kOrderUnitBase + im.order[i]);
    }
  }
  if (seen.size() > 256) {
    radix_sort(seen, [](std::uint64_t unit) { return unit; });
  } else {  // an offer shown a few times: no 256-entry passes
    std::sort(seen.begin(), seen.end());
  }
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  double orders = 0;
  for (const std::uint64_t unit : seen) {
    if (unit >= kOrderUnitBase) {
      const auto o = static_cast<std::uint32_t>(unit - kOrderUnitBase);
      orders += o < store.orders.size() && ctx.is_sale(o);
    } else if (unit + 1 < ctx.session_order_begin.size()) {
      orders += ctx.session_order_begin[unit + 1] - ctx.session_order_begin[unit];
    }
  }
  return orders;
}

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

void judge(OfferResult& r, const RatioMoments& moments, const AnalysisContext& ctx,
           const ExperimentResult& experiment, const ArmEvidence& evidence, bool costs_known) {
  const std::string& only_arm = evidence.only_arm;
  const std::string& placement = evidence.placement;
  const Settings& s = ctx.settings;
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

OffersResult analyze_offers(const AnalysisContext& ctx, const ExperimentUnits& units,
                            const ExperimentResult& experiment) {
  const Store& store = ctx.store;
  const Settings& s = ctx.settings;
  OffersResult result;
  if (store.pools.recs.size() == 0) {
    result.reason = store.impressions.size() == 0
                        ? "no offers table was given and no order line carries a rec_id"
                        : "no offer was read";
    return result;
  }
  result.available = true;
  result.costs_known =
      store.lines.unit_cost.present() > 0 ||
      std::any_of(store.products.unit_cost.begin(), store.products.unit_cost.end(),
                  [](double c) { return !std::isnan(c); }) ||
      std::any_of(store.products.margin_pct.begin(), store.products.margin_pct.end(),
                  [](double c) { return !std::isnan(c); });
  OfferUnits offer_units(ctx);
  std::vector<std::uint64_t> seen;  // exposed_orders' scratch
  const std::vector<std::uint64_t> arms = arms_showing(ctx, units);
  // Offers shown by one non-control arm only, counted per (arm, placement).
  const auto single_arm = [&](std::uint32_t rec) {
    const std::uint64_t shown = arms[rec];
    if (shown == 0 || (shown & (shown - 1)) != 0 || shown == 1) return -1;
    int arm = 0;
    while ((shown >> arm) != 1)
      ++arm;
    return arm;
  };
  std::vector<std::pair<int, std::uint32_t>> arm_only;  // (arm, placement) of each such offer
  for (std::uint32_t rec = 0; rec < store.pools.recs.size(); ++rec) {
    if (single_arm(rec) >= 0 && ctx.offers[rec].placement != kNoId)
      arm_only.emplace_back(single_arm(rec), ctx.offers[rec].placement);
  }
  const auto evidence_of = [&](std::uint32_t rec) {
    ArmEvidence evidence;
    const int arm = single_arm(rec);
    const std::uint32_t placement = ctx.offers[rec].placement;
    if (arm < 0 || placement == kNoId) return evidence;
    evidence.only_arm =
        std::string(store.pools.labels.view(units.arm_labels[static_cast<std::size_t>(arm)]));
    evidence.placement = std::string(store.pools.labels.view(placement));
    evidence.sole_difference =
        std::count(arm_only.begin(), arm_only.end(), std::make_pair(arm, placement)) == 1;
    return evidence;
  };
  for (std::uint32_t rec = 0; rec < store.pools.recs.size(); ++rec) {
    const OfferFacts& facts = ctx.offers[rec];
    const std::vector<OfferUnit>& pairs = offer_units.of(rec);
    // Margin per impression, as a ratio over the units (sessions) it was shown in.
    RatioMoments moments;
    for (const OfferUnit& u : pairs)
      moments.add(u.margin, static_cast<double>(u.impressions));
    OfferResult r;
    r.rec = rec;
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
    r.exposed_orders = exposed_orders(ctx, offer_units.impressions_of(rec), seen);
    if (facts.anchor != kNoId) {
      r.anchor_price = store.products.price[facts.anchor];
      r.anchor_cost = catalogue_cost(store, facts.anchor);
    }
    if (facts.offered != kNoId) {
      r.offered_price = store.products.price[facts.offered];
      r.offered_cost = catalogue_cost(store, facts.offered);
    }
    r.revenue = facts.revenue;
    r.margin = facts.margin;
    r.lines_without_cost = facts.lines_without_cost;
    const ArmEvidence evidence = evidence_of(rec);
    if (evidence.sole_difference && units.has_control) r.isolating_arm = single_arm(rec);
    judge(r, moments, ctx, experiment, evidence, result.costs_known);
    r.days_shown = days_shown(facts);
    if (result.costs_known && !std::isnan(r.days_shown))
      r.margin_per_month = r.margin / r.days_shown * kDaysPerMonth;
    decide_retirement(r, s);
    add_offer_groups(ctx, pairs, units, result.costs_known, r);
    result.offers.push_back(std::move(r));
  }
  std::stable_sort(
      result.offers.begin(), result.offers.end(),
      [](const OfferResult& a, const OfferResult& b) { return a.impressions > b.impressions; });
  adjust_offer_groups(result);
  return result;
}

}  // namespace basketlift
