#include "report/section_writers.h"

namespace basketlift {

namespace {

void write_metric(JsonWriter& out, const MetricResult& m);
void write_cuped(JsonWriter& out, const CupedEstimate& e);

}  // namespace

void write_srm(JsonWriter& out, const SrmCheck& srm) {
  out.begin_object();
  out.field("checked", srm.checked);
  if (!srm.reason.empty()) out.field("reason", srm.reason);
  out.field("p_value", srm.p_value)
      .field("mismatch", srm.mismatch)
      .field("exposure_differs", srm.exposure_differs);
  out.key("units").begin_array();
  for (double units : srm.units)
    out.value(units);
  out.end_array().key("expected").begin_array();
  for (double expected : srm.expected)
    out.value(expected);
  out.end_array().end_object();
}

void write_arm_comparison(JsonWriter& out, const ArmComparison& c) {
  out.begin_object();
  out.field("slice_kind", c.slice_kind).field("slice", c.slice).field("arm", c.arm);
  out.field("units_control", c.units_control).field("units_arm", c.units_arm);
  out.field("orders_control", c.orders_control).field("orders_arm", c.orders_arm);
  out.key("srm");
  write_srm(out, c.srm);
  out.key("metrics").begin_array();
  for (const MetricResult& m : c.metrics)
    write_metric(out, m);
  out.end_array();
  out.end_object();
}

namespace {

void write_metric(JsonWriter& out, const MetricResult& m) {
  out.begin_object();
  out.field("metric", m.metric).field("family", m.family);
  out.key("result");
  write_comparison(out, m.comparison);
  out.field("adjusted_p", m.adjusted_p).field("significant", m.significant);
  out.key("power").begin_object();
  out.field("mde_absolute", m.power.mde_absolute).field("mde_relative", m.power.mde_relative);
  out.field("units_needed", m.power.units_needed)
      .field("units_still_needed", m.power.units_still_needed);
  out.end_object();
  if (m.cuped.computed || !m.cuped.reason.empty()) write_cuped(out, m.cuped);
  out.end_object();
}

void write_cuped(JsonWriter& out, const CupedEstimate& e) {
  out.key("cuped").begin_object().field("computed", e.computed);
  if (!e.computed) {
    out.field("reason", e.reason).field("covered_share", e.covered_share).end_object();
    return;
  }
  const Comparison& c = e.comparison;
  out.field("control", c.control).field("treatment", c.treatment).field("delta", c.delta);
  out.key("delta_ci");
  write_interval(out, c.delta_ci);
  out.field("p_value", c.p_value).field("relative", c.relative);
  out.key("relative_ci");
  write_interval(out, c.relative_ci);
  out.field("adjusted_p", e.adjusted_p).field("significant", e.significant);
  out.field("theta", e.theta).field("theta_no_history", e.theta_no_history);
  out.field("variance_reduction", e.variance_reduction).field("covered_share", e.covered_share);
  out.end_object();
}

void write_balance(JsonWriter& out, const BalanceCheck& b) {
  out.begin_object().field("arm", b.arm).field("measure", b.measure);
  out.field("control", b.control).field("treatment", b.treatment);
  out.field("p_value", b.p_value).field("adjusted_p", b.adjusted_p);
  out.field("imbalanced", b.imbalanced).end_object();
}

}  // namespace

void write_experiment(JsonWriter& out, const ExperimentResult& e) {
  if (!e.available) return write_unavailable(out, e.reason);
  out.begin_object();
  out.field("available", true);
  out.field("unit", unit_kind_name(e.unit)).field("control", e.control);
  out.key("arms").begin_array();
  for (const ArmTotals& a : e.arms) {
    out.begin_object().field("arm", a.arm).field("units", a.units).field("converted", a.converted);
    out.field("orders", a.orders).field("revenue", a.revenue).field("margin", a.margin);
    out.field("impressions", a.impressions).field("accepted", a.accepted).end_object();
  }
  out.end_array();
  out.field("untagged_units", e.untagged_units)
      .field("orders_outside_units", e.orders_outside_units);
  out.key("unavailable_metrics").begin_object();
  for (const auto& [metric, why] : e.unavailable_metrics)
    out.field(metric, why);
  out.end_object();
  out.key("capping").begin_object().field("on", e.capped);
  if (e.capped) {
    out.key("revenue_cap");
    write_interval(out, e.revenue_cap);
    out.key("margin_cap");
    write_interval(out, e.margin_cap);
  }
  out.end_object();
  out.field("slices",
            "all sessions; sessions with an impression at each placement (chosen after assignment: "
            "the arm can change who gets there); each channel and segment");
  out.key("families").begin_object();
  out.key("primary").begin_object().field("metrics",
                                          "aov, rpv, margin_per_session, acceptance_rate");
  out.field("tests", e.primary_family_size).end_object();
  out.key("guardrail")
      .begin_object()
      .field("metrics", "cvr")
      .field("tests", e.guardrail_family_size)
      .end_object();
  out.end_object();
  out.key("comparisons").begin_array();
  for (const ArmComparison& c : e.comparisons)
    write_arm_comparison(out, c);
  out.end_array();
  out.key("cuped").begin_object().field("available", e.cuped);
  if (!e.cuped) out.field("reason", e.cuped_reason);
  out.field("pre_period_days", e.cuped_pre_period_days).end_object();
  out.key("pre_period_balance").begin_array();
  for (const BalanceCheck& b : e.pre_period_balance)
    write_balance(out, b);
  out.end_array();
  out.end_object();
}

}  // namespace basketlift
