// The what-if simulator (SPEC §4): a pure function of a baseline and a scenario, cheap enough
// to run on every slider move (no allocation per run; results go into preallocated buffers).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "store/store.h"

namespace basketlift::sim {

/// What a scenario can change per offer group.
enum Knob : std::uint8_t {
  acceptance,         ///< takes per exposed order (0..1)
  offered_price,      ///< price of the offered item, premium item or bundle
  unit_cost,          ///< cost of the offered item(s)
  traffic_share,      ///< share of the exposed orders that see the offer (1 = as in the baseline)
  conversion_impact,  ///< relative change of conversion among exposed shoppers (−0.005 = −0.5%)
  fixed_cost,         ///< cost of running the offer over the period (tools, fees)
};
/// Number of knobs per group.
constexpr int kKnobCount = 6;
/// Stable name of a knob ("offered_price").
const char* knob_name(Knob knob);

/// One offer group's baseline (an offer, or a type × placement cell).
struct Group {
  std::string id;                          ///< rec_id or "cross_sell × cart"
  OfferType type = OfferType::cross_sell;  ///< how a take adds value
  double exposed_orders = 0;               ///< orders exposed to the offer in the baseline period
  double anchor_price =
      0;  ///< upsell: price of the replaced item; bundle: price of items bought anyway
  double anchor_cost = 0;     ///< cost of those items
  double acceptance_low = 0;  ///< baseline acceptance interval (for ranges)
  double acceptance_high = 0;
  std::array<double, kKnobCount> knobs{};  ///< baseline knob values
};

/// The store without offers, per order.
struct StoreBase {
  double orders = 0;            ///< orders in the period
  double value_per_order = 0;   ///< order value without offer takes (AOV before offers)
  double margin_per_order = 0;  ///< contribution margin per order without offer takes
  bool margin_known = true;     ///< margin figures can be given
};

/// A simulation's input: the store and its groups.
struct Baseline {
  StoreBase store;
  std::vector<Group> groups;
  std::string currency;  ///< for display
};

/// Projected figures (per group: the group's contribution; in total: the store's).
struct Figures {
  double orders = 0, revenue = 0, aov = 0, margin = 0, profit = 0;
};

/// One group's result.
struct GroupResult {
  Figures baseline, scenario, delta;  ///< contributions of the group
  double break_even_acceptance =
      0;  ///< acceptance where extra margin equals margin lost to conversion
};

/// Everything one run produces (sized once, reused by every run).
struct Projection {
  std::vector<GroupResult> groups;
  Figures baseline, scenario, delta;    ///< store totals
  Figures scenario_low, scenario_high;  ///< range of the totals with acceptance at the interval's
                                        ///< ends: figure by figure, the lower and the higher
};

/// The change in total profit when one knob of one group moves one step down or up.
struct Sensitivity {
  std::size_t group;   ///< group index
  Knob knob;           ///< the knob
  double step;         ///< the step size (in the knob's unit)
  double profit_down;  ///< Δ total profit at knob − step
  double profit_up;    ///< Δ total profit at knob + step
};

/// Holds a baseline, the scenario's knobs and the result buffers.
class Simulator {
 public:
  /// A simulator for `baseline`; the scenario starts equal to the baseline.
  explicit Simulator(Baseline baseline);
  /// Knob values of the scenario, groups × kKnobCount, row by row (writable in place).
  std::vector<double>& knobs() { return knobs_; }
  /// Period length or traffic volume relative to the baseline (1 = same).
  double& volume() { return volume_; }
  /// Resets the scenario to the baseline.
  void reset();
  /// Runs the scenario against the baseline into result().
  const Projection& run();
  /// The last result.
  const Projection& result() const { return result_; }
  /// The baseline.
  const Baseline& baseline() const { return baseline_; }
  /// Δ profit for ±1 step of every knob of every group (a tornado chart's data).
  std::vector<Sensitivity> sensitivity();

 private:
  Figures contribution(const Group& g, const double* knobs, double volume, double acceptance) const;
  double profit_change(std::size_t group, Knob knob, double value) const;

  Baseline baseline_;
  std::vector<double> knobs_;
  double volume_ = 1;
  Projection result_;
};

/// Value a take adds, per the offer type: cross-sell its price; upsell the price difference to
/// the replaced item; bundle its price minus the items bought anyway.
double value_per_take(const Group& g, double offered_price);
/// Margin a take adds (same rule, with costs).
double margin_per_take(const Group& g, double offered_price, double unit_cost);

}  // namespace basketlift::sim
