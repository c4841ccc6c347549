#include "analysis/experiment.h"

#include <algorithm>
#include <cmath>

namespace basketlift {

namespace {

struct Caps {
  Interval revenue{-INFINITY, INFINITY};
  Interval margin{-INFINITY, INFINITY};
};

// Percentile of the non-zero values (nearest rank), or ∞ when there are none (as for an
// empty column).
double percentile_of_nonzero(const std::vector<double>& values, double p) {
  std::vector<double> nonzero;
  // Sized once: a copy grown by doubling would hold up to twice the values.
  nonzero.reserve(static_cast<std::size_t>(
      std::count_if(values.begin(), values.end(), [](double v) { return v != 0; })));
  for (double v : values) {
    if (v != 0) nonzero.push_back(v);
  }
  if (nonzero.empty()) return INFINITY;
  const auto rank =
      static_cast<std::size_t>(std::ceil(p * static_cast<double>(nonzero.size()))) - 1;
  std::nth_element(nonzero.begin(),
                   nonzero.begin() + static_cast<long>(std::min(rank, nonzero.size() - 1)),
                   nonzero.end());
  return nonzero[std::min(rank, nonzero.size() - 1)];
}

Caps compute_caps(const ExperimentUnits& u, const Settings& s) {
  Caps caps;
  if (s.capping == Capping::off) return caps;
  caps.revenue.high = percentile_of_nonzero(u.revenue, s.capping_percentile);
  caps.margin.high = percentile_of_nonzero(u.margin, s.capping_percentile);
  if (s.capping == Capping::two_sided) {
    caps.revenue.low = percentile_of_nonzero(u.revenue, 1 - s.capping_percentile);
    caps.margin.low = percentile_of_nonzero(u.margin, 1 - s.capping_percentile);
  }
  return caps;
}

// The metrics of one arm against control.
// `cc` and `ct`: the pre-period sums of both arms (the "all" slice), else null.
std::vector<MetricResult> compare(const ArmStats& c, const ArmStats& t, UnitKind unit,
                                  bool costs_known, const Settings& s, const CupedArm* cc,
                                  const CupedArm* ct) {
  std::vector<MetricResult> out;
  const auto add = [&](const char* metric, const char* family, Comparison comparison, double units,
                       CoMoments CupedArm::*sums, CupedShape shape) {
    MetricResult r{metric, family, std::move(comparison), kNaN, false, {}, {}};
    if (cc != nullptr) r.cuped = cuped_compare(cc->*sums, ct->*sums, shape, s);
    if (s.sequential) {
      // Always-valid intervals, p-values and power: the test may be looked at every day.
      make_sequential(r.comparison, units, s.confidence, s.sequential_tuning_n);
      r.power = sequential_power_of(r.comparison, units, s.confidence, s.power,
                                    s.target_relative_lift, s.sequential_tuning_n);
    } else {
      r.power = power_of(r.comparison, units, s.confidence, s.power, s.target_relative_lift);
    }
    out.push_back(std::move(r));
  };
  const bool sessions = unit == UnitKind::session;
  if (sessions)
    add("cvr", "guardrail",
        two_proportion_test(c.converted, c.units, t.converted, t.units, s.confidence),
        c.units + t.units, &CupedArm::cvr, CupedShape::mean);
  add("aov", "primary", ratio_test(c.aov, t.aov, s.confidence), c.aov.n + t.aov.n, &CupedArm::aov,
      CupedShape::ratio);
  if (sessions) {
    add("rpv", "primary", welch_test(c.revenue, t.revenue, s.confidence), c.units + t.units,
        &CupedArm::rpv, CupedShape::mean);
  }
  if (sessions && costs_known) {
    add("margin_per_session", "primary", welch_test(c.margin, t.margin, s.confidence),
        c.units + t.units, &CupedArm::margin, CupedShape::mean);
  }
  if (sessions && c.acceptance.n + t.acceptance.n > 0) {
    Comparison acceptance = ratio_test(c.acceptance, t.acceptance, s.confidence);
    // Say in words why there is nothing to compare when one arm shows no offers at all.
    if (!acceptance.ok && (c.acceptance.n == 0 || t.acceptance.n == 0)) {
      acceptance.reason = std::string("no offer was shown in the ") +
                          (c.acceptance.n == 0 ? "control" : "compared") +
                          " arm's sessions here, so there is no acceptance to compare";
    }
    add("acceptance_rate", "primary", std::move(acceptance), c.acceptance.n + t.acceptance.n,
        &CupedArm::acceptance, CupedShape::ratio);
  }
  return out;
}

// Per-arm sums of each slice: all units, then per placement, channel and segment present,
// each label's slice in order of the label's first appearance. Each unit is added to its
// slices as it is met, in unit order, so no slice keeps a list of its units (a list took 4
// bytes a unit and slice at the analysis' peak). A unit's placements are distinct
// (build_units): no unit is added to a slice twice.
std::vector<SliceStats> slice_stats(const ExperimentUnits& u, const Store& store,
                                    const Caps& caps) {
  const std::vector<ArmStats> no_units(u.arm_labels.size());
  std::vector<SliceStats> slices{{"all", "", no_units}};
  const auto add = [&](std::size_t slot, std::uint32_t unit) {
    if (u.arm[unit] >= 0) {
      add_unit(slices[slot].arms[static_cast<std::size_t>(u.arm[unit])], u, unit, caps.revenue,
               caps.margin);
    }
  };
  for (std::uint32_t unit = 0; unit < u.size(); ++unit)
    add(0, unit);
  std::vector<std::uint32_t> slot_of(store.pools.labels.size(), kNoId);
  const auto add_by = [&](const char* kind, auto for_each_label) {
    std::vector<std::uint32_t> seen;
    for (std::uint32_t unit = 0; unit < u.size(); ++unit) {
      for_each_label(unit, [&](std::uint32_t label) {
        if (label == kNoId) return;
        if (slot_of[label] == kNoId) {
          slot_of[label] = static_cast<std::uint32_t>(slices.size());
          seen.push_back(label);
          slices.push_back({kind, std::string(store.pools.labels.view(label)), no_units});
        }
        add(slot_of[label], unit);
      });
    }
    for (std::uint32_t label : seen)
      slot_of[label] = kNoId;
  };
  add_by("placement", [&](std::uint32_t unit, const auto& visit) {
    for (std::uint32_t placement : u.placements_of(unit))
      visit(placement);
  });
  add_by("channel", [&](std::uint32_t unit, const auto& visit) { visit(u.channel[unit]); });
  add_by("segment", [&](std::uint32_t unit, const auto& visit) { visit(u.segment[unit]); });
  return slices;
}

void adjust_families(ExperimentResult& result, const Settings& s) {
  for (const char* family : {"primary", "guardrail"}) {
    std::vector<MetricResult*> members;
    for (ArmComparison& comparison : result.comparisons) {
      for (MetricResult& metric : comparison.metrics) {
        if (metric.family == family && metric.comparison.ok) members.push_back(&metric);
      }
    }
    std::vector<double> p;
    for (const MetricResult* m : members)
      p.push_back(m->comparison.p_value);
    const std::vector<double> adjusted =
        s.adjustment == Adjustment::holm ? holm_adjust(p) : benjamini_hochberg_adjust(p);
    for (std::size_t i = 0; i < members.size(); ++i) {
      members[i]->adjusted_p = adjusted[i];
      members[i]->significant = adjusted[i] < s.alpha();
    }
    (std::string(family) == "primary" ? result.primary_family_size : result.guardrail_family_size) =
        members.size();
    // The same family with each adjusted estimate's p-value in place of its metric's.
    std::vector<double> cuped_p;
    for (const MetricResult* m : members)
      cuped_p.push_back(m->cuped.computed ? m->cuped.comparison.p_value : m->comparison.p_value);
    const std::vector<double> cuped_adjusted = s.adjustment == Adjustment::holm
                                                   ? holm_adjust(cuped_p)
                                                   : benjamini_hochberg_adjust(cuped_p);
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (!members[i]->cuped.computed) continue;
      members[i]->cuped.adjusted_p = cuped_adjusted[i];
      members[i]->cuped.significant = cuped_adjusted[i] < s.alpha();
    }
  }
}

}  // namespace

void ArmStats::merge(const ArmStats& other) {
  units += other.units;
  converted += other.converted;
  orders += other.orders;
  revenue.merge(other.revenue);
  margin.merge(other.margin);
  aov.merge(other.aov);
  acceptance.merge(other.acceptance);
}

void add_unit(ArmStats& a, const ExperimentUnits& u, std::size_t unit, const Interval& revenue_cap,
              const Interval& margin_cap) {
  const double revenue = revenue_cap.clamp(u.revenue[unit]);
  a.units += 1;
  a.converted += u.converted[unit];
  a.orders += u.orders[unit];
  a.revenue.add(revenue);
  a.margin.add(margin_cap.clamp(u.margin_of(unit)));
  if (u.orders[unit] > 0) a.aov.add(revenue, u.orders[unit]);
  if (u.impressions_of(unit) > 0) a.acceptance.add(u.accepted[unit], u.impressions[unit]);
}

SrmCheck check_srm(const std::vector<ArmStats>& arms, const std::vector<std::string>& names,
                   const Settings& s, bool exposure_slice) {
  SrmCheck srm;
  std::vector<double> weights;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    srm.units.push_back(arms[a].units);
    double weight = s.expected_split.empty() ? 1 : 0;
    for (const auto& [name, share] : s.expected_split) {
      if (names[a] == name) weight = share;
    }
    weights.push_back(weight);
  }
  double total = 0, weight_sum = 0;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    total += arms[a].units;
    weight_sum += weights[a];
  }
  for (double w : weights)
    srm.expected.push_back(weight_sum > 0 ? total * w / weight_sum : 0);
  if (std::any_of(weights.begin(), weights.end(), [](double w) { return w <= 0; })) {
    srm.reason = "expected_split gives no share to an arm present in the data";
    return srm;
  }
  for (const ArmStats& a : arms) {
    if (a.units < static_cast<double>(s.srm_min_units)) {
      srm.reason = "an arm has fewer than " + std::to_string(s.srm_min_units) + " units";
      return srm;
    }
  }
  srm.p_value = srm_p_value(srm.units, weights);
  srm.checked = !std::isnan(srm.p_value);
  const bool below = srm.checked && srm.p_value < s.srm_alert_p;
  srm.mismatch = below && !exposure_slice;
  srm.exposure_differs = below && exposure_slice;
  return srm;
}

ExperimentSums experiment_frame(const AnalysisContext& ctx, const ExperimentUnits& u) {
  const Settings& s = ctx.settings;
  const Store& store = ctx.store;
  ExperimentSums sums;
  sums.unit = u.kind;
  sums.has_control = u.has_control;
  sums.untagged_units = u.untagged;
  sums.orders_outside_units = u.orders_outside_units;
  for (std::uint32_t label : u.arm_labels)
    sums.arms.emplace_back(store.pools.labels.view(label));
  if (!u.has_control || u.arm_labels.size() < 2) return sums;  // nothing to compare
  sums.costs_known = std::any_of(ctx.order_margin.begin(), ctx.order_margin.end(),
                                 [](double m) { return m != 0; });
  const Caps caps = compute_caps(u, s);
  if (s.capping != Capping::off) {
    sums.revenue_cap = {s.capping == Capping::two_sided ? caps.revenue.low : kNaN,
                        caps.revenue.high};
    sums.margin_cap = {s.capping == Capping::two_sided ? caps.margin.low : kNaN, caps.margin.high};
  }
  sums.totals.resize(u.arm_labels.size());
  for (std::size_t a = 0; a < u.arm_labels.size(); ++a)
    sums.totals[a].arm = sums.arms[a];
  for (std::size_t unit = 0; unit < u.size(); ++unit) {
    if (u.arm[unit] < 0) continue;
    ArmTotals& t = sums.totals[static_cast<std::size_t>(u.arm[unit])];
    t.units += 1;
    t.converted += u.converted[unit];
    t.orders += u.orders[unit];
    t.revenue += u.revenue[unit];
    t.margin += u.margin_of(unit);
    t.impressions += u.impressions_of(unit);
    t.accepted += u.accepted_of(unit);
  }
  return sums;
}

ExperimentSums experiment_sums(const AnalysisContext& ctx, const ExperimentUnits& u) {
  ExperimentSums sums = experiment_frame(ctx, u);
  if (sums.totals.empty()) return sums;  // nothing to compare
  const Caps caps{sums.revenue_cap, sums.margin_cap};
  sums.slices = slice_stats(u, ctx.store, caps);
  sums.cuped = cuped_sums(ctx, u, caps.revenue, caps.margin);
  return sums;
}

ExperimentResult experiment_from_sums(const ExperimentSums& sums, const Settings& s) {
  ExperimentResult result;
  result.unit = sums.unit;
  result.control = s.control_arm;
  result.untagged_units = sums.untagged_units;
  result.orders_outside_units = sums.orders_outside_units;
  if (sums.arms.empty()) {
    result.reason =
        "no sessions or orders carry a variant: tag each session with its experiment arm";
    return result;
  }
  if (!sums.has_control) {
    result.reason = "no arm is named \"" + s.control_arm + "\" (set control_arm in the settings)";
    return result;
  }
  if (sums.arms.size() < 2) {
    result.reason = "only one arm (" + s.control_arm + ") is present: nothing to compare";
    return result;
  }
  result.available = true;
  if (sums.unit != UnitKind::session) {
    const char* why = "no sessions table: only sessions that bought are known";
    result.unavailable_metrics = {
        {"cvr", why}, {"rpv", why}, {"margin_per_session", why}, {"acceptance_rate", why}};
  }
  if (sums.unit == UnitKind::session && !sums.costs_known) {
    result.unavailable_metrics.emplace_back("margin_per_session",
                                            "no cost is known: give unit_cost or margin_pct");
  }
  result.capped = s.capping != Capping::off;
  if (result.capped) {
    result.revenue_cap = sums.revenue_cap;
    result.margin_cap = sums.margin_cap;
  }
  result.arms = sums.totals;
  for (const SliceStats& slice : sums.slices) {
    const SrmCheck srm = check_srm(slice.arms, sums.arms, s, slice.kind == "placement");
    for (std::size_t a = 1; a < slice.arms.size(); ++a) {
      const ArmStats& control = slice.arms[0];
      const ArmStats& arm = slice.arms[a];
      if (arm.units == 0 && control.units == 0) continue;
      ArmComparison comparison{slice.kind,    slice.value, sums.arms[a],
                               control.units, arm.units,   control.orders,
                               arm.orders,    srm,         {}};
      const bool adjust = slice.kind == "all" && sums.cuped.available;
      comparison.metrics =
          compare(control, arm, sums.unit, sums.costs_known, s,
                  adjust ? &sums.cuped.arms[0] : nullptr, adjust ? &sums.cuped.arms[a] : nullptr);
      result.comparisons.push_back(std::move(comparison));
    }
  }
  adjust_families(result, s);
  result.cuped = sums.cuped.available;
  result.cuped_reason = sums.cuped.reason;
  result.cuped_pre_period_days = s.cuped_pre_period_days;
  result.pre_period_balance = pre_period_balance(sums.cuped, sums.arms, sums.costs_known, s);
  return result;
}

ExperimentResult analyze_experiment(const AnalysisContext& ctx, const ExperimentUnits& u) {
  return experiment_from_sums(experiment_sums(ctx, u), ctx.settings);
}

}  // namespace basketlift
