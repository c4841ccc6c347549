// The statistical tests of SPEC §3.3: two-proportion z-test, Welch's t-test, delta-method
// ratio metrics and relative lifts, Wilson intervals, sample-ratio mismatch, Holm and
// Benjamini–Hochberg adjustment, and power. Checked against SciPy (tests/reference/).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "analysis/moments.h"

namespace basketlift {

/// Not a number: what a figure is until computed (never written to the report as NaN).
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A two-sided interval.
struct Interval {
  double low = kNaN;   ///< lower bound
  double high = kNaN;  ///< upper bound

  /// x within [low, high]; a NaN bound leaves that side open (std::max and std::min return
  /// their first argument when the comparison with NaN is false).
  double clamp(double x) const { return std::min(std::max(x, low), high); }
};

/// Treatment against control on one metric.
struct Comparison {
  bool ok = false;                 ///< false: not enough data (see `reason`)
  std::string reason;              ///< why there is no result
  double control = kNaN;           ///< the metric in control
  double treatment = kNaN;         ///< the metric in treatment
  double delta = kNaN;             ///< treatment − control
  Interval delta_ci;               ///< interval of delta
  double p_value = kNaN;           ///< two-sided p-value of delta = 0
  double relative = kNaN;          ///< treatment / control − 1 (delta method)
  Interval relative_ci;            ///< interval of the relative lift
  double relative_p_value = kNaN;  ///< two-sided p-value of relative = 0
  double relative_se = kNaN;       ///< standard error of the relative lift (delta method)
  double se = kNaN;                ///< standard error of delta
  double df = kNaN;                ///< degrees of freedom (infinite for z-tests)
  double unit_variance = kNaN;     ///< pooled per-unit variance (for power)
};

/// Wilson score interval of a proportion.
Interval wilson_interval(double successes, double n, double confidence);

/// Two-proportion z-test (sessions converted / sessions): p-value from the pooled standard
/// error, interval of the difference from the unpooled one.
Comparison two_proportion_test(double x_control, double n_control, double x_treatment,
                               double n_treatment, double confidence);

/// Welch's t-test of means, Welch–Satterthwaite degrees of freedom; relative lift by the delta
/// method with the same t distribution (as GrowthBook).
Comparison welch_test(const Moments& control, const Moments& treatment, double confidence);

/// Ratio metric (Σm/Σd over units) by the delta method, compared like Welch's test.
Comparison ratio_test(const RatioMoments& control, const RatioMoments& treatment,
                      double confidence);

/// Sample-ratio mismatch: chi-square goodness of fit of observed units per arm against the
/// expected shares (any positive weights). Returns the p-value (NaN when not computable).
double srm_p_value(const std::vector<double>& observed,
                   const std::vector<double>& expected_weights);

/// Do k groups share one value? Cochran's Q on estimates with known variances.
struct Homogeneity {
  double statistic = kNaN;  ///< Σ w (x − x̄_w)², w = 1 / variance
  double df = kNaN;         ///< groups − 1
  double p_value = kNaN;    ///< chi-square survival of the statistic (NaN under two groups)
};

/// Wald (Cochran's Q) test that k estimates differ only by chance, from their variances (for
/// two groups: the two-sided z-test of their difference). Groups with a variance that is not
/// positive and finite are left out.
Homogeneity homogeneity_test(const std::vector<double>& estimates,
                             const std::vector<double>& variances);

/// Holm step-down adjusted p-values (same order as the input).
std::vector<double> holm_adjust(const std::vector<double>& p_values);
/// Benjamini–Hochberg adjusted p-values (same order as the input).
std::vector<double> benjamini_hochberg_adjust(const std::vector<double>& p_values);

/// Power of a comparison at the current sample.
struct Power {
  double mde_absolute = kNaN;        ///< smallest true delta detected with the given power
  double mde_relative = kNaN;        ///< the same relative to control
  double units_needed = kNaN;        ///< total units (both arms, equal split) for `target_lift`
  double units_still_needed = kNaN;  ///< units_needed minus the units already observed
};

/// Minimum detectable effect and sample size for a relative lift, from a comparison's own
/// standard error and per-unit variance (two-sided test at 1 − confidence).
Power power_of(const Comparison& comparison, double units_observed, double confidence, double power,
               double target_relative_lift);

/// The always-valid (sequential) tests: the asymptotic confidence sequence of Waudby-Smith et
/// al. (2023) as GrowthBook computes it, tightest at `tuning_n` units. An interval is the
/// estimate ± se · sequential_multiplier(n, ...) with n the units of both arms; it covers the
/// true value at every look at once with probability 1 − alpha.
double sequential_multiplier(double n, double alpha, double tuning_n);
/// The always-valid two-sided p-value of an estimate `z` standard errors from 0 at n units: the
/// smallest alpha whose sequence excludes 0, with ρ fixed by the configured `alpha`.
double sequential_p_value(double z, double n, double alpha, double tuning_n);
/// Replaces a comparison's intervals and p-values (absolute and relative) with the always-valid
/// ones at n units (both arms).
void make_sequential(Comparison& comparison, double n, double confidence, double tuning_n);
/// Power at the current sample when the intervals are always valid: the sequence's multiplier
/// at n units instead of the normal quantile (and at the units needed, for the sample size).
Power sequential_power_of(const Comparison& comparison, double units_observed, double confidence,
                          double power, double target_relative_lift, double tuning_n);

}  // namespace basketlift
