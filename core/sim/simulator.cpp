#include "sim/simulator.h"

#include <algorithm>

#include <cmath>
#include <limits>
#include <utility>

namespace basketlift::sim {

namespace {

void add(Figures& to, const Figures& from) {
  to.orders += from.orders;
  to.revenue += from.revenue;
  to.margin += from.margin;
  to.profit += from.profit;
}

Figures minus(const Figures& a, const Figures& b) {
  return {a.orders - b.orders, a.revenue - b.revenue, a.aov - b.aov, a.margin - b.margin,
          a.profit - b.profit};
}

// Store totals: the store without offers plus every group's contribution.
void finish_total(Figures& total, const StoreBase& store, double volume) {
  total.orders += store.orders * volume;
  total.revenue += store.orders * volume * store.value_per_order;
  total.margin += store.orders * volume * store.margin_per_order;
  total.profit += store.orders * volume * store.margin_per_order;
  total.aov = total.orders > 0 ? total.revenue / total.orders : 0;
  if (!std::isfinite(total.aov)) total.aov = 0;
}

}  // namespace

const char* knob_name(Knob knob) {
  switch (knob) {
    case acceptance:
      return "acceptance";
    case offered_price:
      return "offered_price";
    case unit_cost:
      return "unit_cost";
    case traffic_share:
      return "traffic_share";
    case conversion_impact:
      return "conversion_impact";
    case fixed_cost:
      return "fixed_cost";
  }
  return "acceptance";
}

double value_per_take(const Group& g, double price) {
  return g.type == OfferType::cross_sell ? price : price - g.anchor_price;
}

double margin_per_take(const Group& g, double price, double cost) {
  return g.type == OfferType::cross_sell ? price - cost
                                         : (price - cost) - (g.anchor_price - g.anchor_cost);
}

Simulator::Simulator(Baseline baseline) : baseline_(std::move(baseline)) {
  result_.groups.resize(baseline_.groups.size());
  reset();
}

void Simulator::reset() {
  knobs_.resize(baseline_.groups.size() * kKnobCount);
  for (std::size_t g = 0; g < baseline_.groups.size(); ++g) {
    std::copy(baseline_.groups[g].knobs.begin(), baseline_.groups[g].knobs.end(),
              knobs_.begin() + static_cast<long>(g * kKnobCount));
  }
  volume_ = 1;
}

// A group's contribution: exposed orders n = E × share × volume; the offer's conversion impact
// adds n·δ orders worth the store's base order; the n·(1 + δ) exposed orders take the offer at
// rate a, each take adding value v and margin m.
Figures Simulator::contribution(const Group& g, const double* k, double volume,
                                double accept) const {
  const StoreBase& s = baseline_.store;
  const double n = g.exposed_orders * k[traffic_share] * volume;
  const double delta = k[conversion_impact];
  const double takes = n * (1 + delta) * accept;
  Figures f;
  f.orders = n * delta;
  f.revenue = takes * value_per_take(g, k[offered_price]) + f.orders * s.value_per_order;
  f.margin =
      takes * margin_per_take(g, k[offered_price], k[unit_cost]) + f.orders * s.margin_per_order;
  f.profit = f.margin - k[fixed_cost] * volume;
  return f;
}

const Projection& Simulator::run() {
  Projection& r = result_;
  r.baseline = r.scenario = r.scenario_low = r.scenario_high = Figures{};
  for (std::size_t i = 0; i < baseline_.groups.size(); ++i) {
    const Group& g = baseline_.groups[i];
    const double* scenario = knobs_.data() + i * kKnobCount;
    GroupResult& out = r.groups[i];
    out.baseline = contribution(g, g.knobs.data(), 1, g.knobs[acceptance]);
    out.scenario = contribution(g, scenario, volume_, scenario[acceptance]);
    out.delta = minus(out.scenario, out.baseline);
    add(r.baseline, out.baseline);
    add(r.scenario, out.scenario);
    // The scenario's acceptance moved as the baseline interval's ends are from its estimate.
    const double base = g.knobs[acceptance];
    const double scale = base > 0 ? scenario[acceptance] / base : 1;
    add(r.scenario_low,
        contribution(g, scenario, volume_, std::clamp(g.acceptance_low * scale, 0.0, 1.0)));
    add(r.scenario_high,
        contribution(g, scenario, volume_, std::clamp(g.acceptance_high * scale, 0.0, 1.0)));
    // Break-even: takes' margin n(1 + δ)·a·m equals the margin lost to conversion −n·δ·M.
    const double m = margin_per_take(g, scenario[offered_price], scenario[unit_cost]);
    const double d = scenario[conversion_impact];
    out.break_even_acceptance = d >= 0
                                    ? 0
                                    : (m > 0 ? -d * baseline_.store.margin_per_order / ((1 + d) * m)
                                             : std::numeric_limits<double>::infinity());
  }
  finish_total(r.baseline, baseline_.store, 1);
  finish_total(r.scenario, baseline_.store, volume_);
  finish_total(r.scenario_low, baseline_.store, volume_);
  finish_total(r.scenario_high, baseline_.store, volume_);
  // A figure may fall as acceptance rises (an offer that costs conversions): low ≤ high each.
  for (double Figures::*f :
       {&Figures::orders, &Figures::revenue, &Figures::aov, &Figures::margin, &Figures::profit}) {
    if (r.scenario_low.*f > r.scenario_high.*f) std::swap(r.scenario_low.*f, r.scenario_high.*f);
  }
  r.delta = minus(r.scenario, r.baseline);
  return r;
}

double Simulator::profit_change(std::size_t group, Knob knob, double value) const {
  // Only this group's contribution moves (the store's own part depends on the volume alone):
  // the change in total profit is the change in the group's, found without a run over every
  // group (which made the tornado quadratic in the groups: 3.4 s for 2,563 offers).
  const Group& g = baseline_.groups[group];
  std::array<double, kKnobCount> k;
  std::copy_n(knobs_.begin() + static_cast<long>(group * kKnobCount), kKnobCount, k.begin());
  const double before = contribution(g, k.data(), volume_, k[acceptance]).profit;
  k[knob] = value;
  return contribution(g, k.data(), volume_, k[acceptance]).profit - before;
}

std::vector<Sensitivity> Simulator::sensitivity() {
  run();
  std::vector<Sensitivity> out;
  out.reserve(baseline_.groups.size() * kKnobCount);
  for (std::size_t g = 0; g < baseline_.groups.size(); ++g) {
    const double* k = knobs_.data() + g * kKnobCount;
    // One step: a percentage point of acceptance or conversion, 1% of price and cost, a tenth
    // of the traffic, 10% of the fixed cost.
    const std::array<double, kKnobCount> steps = {
        0.01, 0.01 * k[offered_price], 0.01 * k[unit_cost], 0.1, 0.01, 0.1 * k[fixed_cost]};
    for (int knob = 0; knob < kKnobCount; ++knob) {
      if (steps[knob] == 0) continue;
      const auto which = static_cast<Knob>(knob);
      const double low = which == acceptance || which == traffic_share
                             ? std::max(0.0, k[knob] - steps[knob])
                             : k[knob] - steps[knob];
      const double high =
          which == acceptance ? std::min(1.0, k[knob] + steps[knob]) : k[knob] + steps[knob];
      out.push_back(
          {g, which, steps[knob], profit_change(g, which, low), profit_change(g, which, high)});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Sensitivity& a, const Sensitivity& b) {
    return std::max(std::fabs(a.profit_down), std::fabs(a.profit_up)) >
           std::max(std::fabs(b.profit_down), std::fabs(b.profit_up));
  });
  return out;
}

}  // namespace basketlift::sim
