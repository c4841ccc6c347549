// Regression adjustment of the experiment's metrics with what each unit's customer did before
// the test (CUPED, Deng et al. 2013), and the check that the arms were alike before it.
#pragma once

#include <string>
#include <vector>

#include "analysis/experiment_units.h"
#include "analysis/moments.h"
#include "analysis/stat_tests.h"

namespace basketlift {

/// One arm's sums for the adjusted metrics, over all its units. Each unit adds its values:
/// cvr, rpv, margin {y, x, h}; aov, acceptance {m, d, xm, xd, h}, where y (or m / d) is the
/// metric's value in the test, x (or xm / xd) the same measure over its customer's pre-period
/// and h = 1 when the unit has no pre-period (x = 0 then).
struct CupedArm {
  CoMoments cvr;         ///< converted; pre-period orders
  CoMoments rpv;         ///< revenue (capped); pre-period revenue
  CoMoments margin;      ///< margin (capped); pre-period margin
  CoMoments aov;         ///< revenue, orders; pre-period revenue, orders (every unit)
  CoMoments acceptance;  ///< accepted, shown; pre-period accepted, shown (every unit)
};

/// What the adjusted estimates and the balance check are computed from.
struct CupedSums {
  bool available = false;      ///< false: see `reason`
  std::string reason;          ///< why there is no adjustment
  std::vector<CupedArm> arms;  ///< per arm (arm order)
};

/// Why there is no adjustment (empty: there is one): settings.cuped is off, no unit names a
/// customer, or no unit's customer has a pre-period.
std::string cuped_missing_reason(const Settings& settings, bool units_name_customers,
                                 bool any_pre_period);

/// The sums per arm: each unit's outcomes (revenue and margin clamped to the caps; a NaN bound:
/// none) with its customer's orders, revenue, margin and offers seen in the
/// settings.cuped_pre_period_days before the customer's first unit in the test.
CupedSums cuped_sums(const AnalysisContext& ctx, const ExperimentUnits& units,
                     const Interval& revenue_cap, const Interval& margin_cap);

/// A metric adjusted for the pre-period.
struct CupedEstimate {
  bool computed = false;             ///< false: see `reason`
  std::string reason;                ///< why the metric is not adjusted
  Comparison comparison;             ///< the adjusted arms compared (Welch; delta method)
  double theta = kNaN;               ///< coefficient of the pre-period value
  double theta_no_history = kNaN;    ///< coefficient of the no-pre-period indicator (0: unused)
  double variance_reduction = kNaN;  ///< 1 − Var(adjusted delta) / Var(delta)
  double covered_share = kNaN;       ///< share of the units with a pre-period
  double adjusted_p = kNaN;          ///< p-value adjusted within the metric's family
  bool significant = false;          ///< adjusted_p < alpha
};

/// Which CupedArm member a metric uses and how: a mean ({y, x, h}) or a ratio ({m, d, xm, xd, h}).
enum class CupedShape : std::uint8_t { mean, ratio };

/// The metric of arm `arm` against `control` adjusted for the pre-period: θ from the pooled
/// within-arm (co)variances of the metric and its two covariates (ratios linearised per arm by
/// the delta method), then Welch's test of Y − θ·(Z − Z̄) (always-valid when settings.sequential).
CupedEstimate cuped_compare(const CoMoments& control, const CoMoments& arm, CupedShape shape,
                            const Settings& settings);

/// One measure of the pre-period compared between an arm and control.
struct BalanceCheck {
  std::string arm;           ///< the compared arm
  std::string measure;       ///< history_share, pre_orders, pre_revenue or pre_margin
  double control = kNaN;     ///< the measure per unit in control
  double treatment = kNaN;   ///< ... in the arm
  double p_value = kNaN;     ///< two-sided test of equality
  double adjusted_p = kNaN;  ///< Holm-adjusted over all the balance checks
  bool imbalanced = false;   ///< adjusted_p < alpha: the arms differed before the test
};

/// The arms against control before the test (names in arm order; pre_margin when costs_known).
std::vector<BalanceCheck> pre_period_balance(const CupedSums& sums,
                                             const std::vector<std::string>& arms, bool costs_known,
                                             const Settings& settings);

}  // namespace basketlift
