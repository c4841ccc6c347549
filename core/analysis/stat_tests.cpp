#include "analysis/stat_tests.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/distributions.h"

namespace basketlift {

namespace {

Comparison not_enough(std::string reason) {
  Comparison c;
  c.reason = std::move(reason);
  return c;
}

// Fills delta, interval and p-value from an estimate, its standard error and df (∞ → normal).
void finish_absolute(Comparison& c, double confidence) {
  const double q = std::isinf(c.df) ? normal_quantile(0.5 + confidence / 2)
                                    : t_quantile(0.5 + confidence / 2, c.df);
  c.delta_ci = {c.delta - q * c.se, c.delta + q * c.se};
  if (c.se > 0) {
    const double statistic = std::fabs(c.delta / c.se);
    c.p_value =
        std::isinf(c.df) ? 2 * (1 - normal_cdf(statistic)) : 2 * t_survival(statistic, c.df);
  } else {
    c.p_value = c.delta == 0 ? 1 : 0;
  }
}

// Relative lift treatment/control − 1 with delta-method variance var_t/c² + t² var_c/c⁴.
void finish_relative(Comparison& c, double var_control_mean, double var_treatment_mean,
                     double confidence) {
  if (c.control == 0) return;
  c.relative = c.treatment / c.control - 1;
  const double c2 = c.control * c.control;
  const double se =
      std::sqrt(var_treatment_mean / c2 + c.treatment * c.treatment * var_control_mean / (c2 * c2));
  const double q = std::isinf(c.df) ? normal_quantile(0.5 + confidence / 2)
                                    : t_quantile(0.5 + confidence / 2, c.df);
  c.relative_ci = {c.relative - q * se, c.relative + q * se};
  c.relative_se = se;
  if (se > 0) {
    const double statistic = std::fabs(c.relative / se);
    c.relative_p_value =
        std::isinf(c.df) ? 2 * (1 - normal_cdf(statistic)) : 2 * t_survival(statistic, c.df);
  } else {
    c.relative_p_value = c.relative == 0 ? 1 : 0;
  }
}

double welch_df(double v_control, double n_control, double v_treatment, double n_treatment) {
  const double numerator = (v_control + v_treatment) * (v_control + v_treatment);
  const double denominator =
      v_control * v_control / (n_control - 1) + v_treatment * v_treatment / (n_treatment - 1);
  return denominator > 0 ? numerator / denominator : std::numeric_limits<double>::infinity();
}

}  // namespace

Interval wilson_interval(double successes, double n, double confidence) {
  if (!(n > 0)) return {};
  const double z = normal_quantile(0.5 + confidence / 2);
  const double p = successes / n;
  const double z2n = z * z / n;
  const double center = (p + z2n / 2) / (1 + z2n);
  const double half = z * std::sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
  // At 0 or n successes the bound is exactly 0 or 1; computed, it is 0 give or take rounding.
  return {successes <= 0 ? 0.0 : std::max(0.0, center - half),
          successes >= n ? 1.0 : std::min(1.0, center + half)};
}

Comparison two_proportion_test(double x_control, double n_control, double x_treatment,
                               double n_treatment, double confidence) {
  if (n_control < 2 || n_treatment < 2) return not_enough("an arm has fewer than 2 units");
  Comparison c;
  c.control = x_control / n_control;
  c.treatment = x_treatment / n_treatment;
  c.delta = c.treatment - c.control;
  c.df = std::numeric_limits<double>::infinity();
  const double var_control = c.control * (1 - c.control) / n_control;
  const double var_treatment = c.treatment * (1 - c.treatment) / n_treatment;
  c.se = std::sqrt(var_control + var_treatment);
  const double pooled = (x_control + x_treatment) / (n_control + n_treatment);
  c.unit_variance = pooled * (1 - pooled);
  if (c.unit_variance == 0) return not_enough("no variation: every unit has the same outcome");
  finish_absolute(c, confidence);
  // The test statistic uses the pooled standard error (the null hypothesis: one rate).
  const double pooled_se = std::sqrt(c.unit_variance * (1 / n_control + 1 / n_treatment));
  c.p_value = 2 * (1 - normal_cdf(std::fabs(c.delta / pooled_se)));
  finish_relative(c, var_control, var_treatment, confidence);
  c.ok = true;
  return c;
}

Comparison welch_test(const Moments& control, const Moments& treatment, double confidence) {
  if (control.n < 2 || treatment.n < 2) return not_enough("an arm has fewer than 2 units");
  Comparison c;
  c.control = control.mean;
  c.treatment = treatment.mean;
  c.delta = c.treatment - c.control;
  const double v_control = control.variance() / control.n;
  const double v_treatment = treatment.variance() / treatment.n;
  if (v_control + v_treatment == 0)
    return not_enough("no variation: every unit has the same value");
  c.se = std::sqrt(v_control + v_treatment);
  c.df = welch_df(v_control, control.n, v_treatment, treatment.n);
  c.unit_variance = (control.m2 + treatment.m2) / (control.n + treatment.n - 2);
  finish_absolute(c, confidence);
  finish_relative(c, v_control, v_treatment, confidence);
  c.ok = true;
  return c;
}

Comparison ratio_test(const RatioMoments& control, const RatioMoments& treatment,
                      double confidence) {
  if (control.n < 2 || treatment.n < 2) return not_enough("an arm has fewer than 2 units");
  if (control.mean_d == 0 || treatment.mean_d == 0)
    return not_enough("an arm has a zero denominator");
  Comparison c;
  c.control = control.ratio();
  c.treatment = treatment.ratio();
  c.delta = c.treatment - c.control;
  const double v_control = control.ratio_variance();
  const double v_treatment = treatment.ratio_variance();
  if (v_control + v_treatment == 0) return not_enough("no variation in the ratio");
  c.se = std::sqrt(v_control + v_treatment);
  c.df = welch_df(v_control, control.n, v_treatment, treatment.n);
  c.unit_variance = (v_control * control.n + v_treatment * treatment.n) / 2;
  finish_absolute(c, confidence);
  finish_relative(c, v_control, v_treatment, confidence);
  c.ok = true;
  return c;
}

double srm_p_value(const std::vector<double>& observed,
                   const std::vector<double>& expected_weights) {
  if (observed.size() < 2 || observed.size() != expected_weights.size()) return kNaN;
  const double total = std::accumulate(observed.begin(), observed.end(), 0.0);
  const double weights = std::accumulate(expected_weights.begin(), expected_weights.end(), 0.0);
  if (!(total > 0) || !(weights > 0)) return kNaN;
  double statistic = 0;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    const double expected = total * expected_weights[i] / weights;
    if (!(expected > 0)) return kNaN;
    statistic += (observed[i] - expected) * (observed[i] - expected) / expected;
  }
  return chi_square_survival(statistic, static_cast<double>(observed.size() - 1));
}

Homogeneity homogeneity_test(const std::vector<double>& estimates,
                             const std::vector<double>& variances) {
  double sum_w = 0, sum_wx = 0;
  std::size_t groups = 0;
  for (std::size_t g = 0; g < estimates.size(); ++g) {
    if (!(variances[g] > 0) || !std::isfinite(variances[g]) || !std::isfinite(estimates[g]))
      continue;
    sum_w += 1 / variances[g];
    sum_wx += estimates[g] / variances[g];
    ++groups;
  }
  Homogeneity h;
  if (groups < 2) return h;
  const double mean = sum_wx / sum_w;
  h.statistic = 0;
  for (std::size_t g = 0; g < estimates.size(); ++g) {
    if (!(variances[g] > 0) || !std::isfinite(variances[g]) || !std::isfinite(estimates[g]))
      continue;
    h.statistic += (estimates[g] - mean) * (estimates[g] - mean) / variances[g];
  }
  h.df = static_cast<double>(groups - 1);
  h.p_value = chi_square_survival(h.statistic, h.df);
  return h;
}

std::vector<double> holm_adjust(const std::vector<double>& p_values) {
  const std::size_t m = p_values.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> adjusted(m);
  double running = 0;
  for (std::size_t rank = 0; rank < m; ++rank) {
    running =
        std::max(running, std::min(1.0, static_cast<double>(m - rank) * p_values[order[rank]]));
    adjusted[order[rank]] = running;
  }
  return adjusted;
}

std::vector<double> benjamini_hochberg_adjust(const std::vector<double>& p_values) {
  const std::size_t m = p_values.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> adjusted(m);
  double running = 1;
  for (std::size_t rank = m; rank > 0; --rank) {
    const std::size_t i = order[rank - 1];
    running = std::min(running, p_values[i] * static_cast<double>(m) / static_cast<double>(rank));
    adjusted[i] = std::min(1.0, running);
  }
  return adjusted;
}

Power power_of(const Comparison& comparison, double units_observed, double confidence, double power,
               double target_relative_lift) {
  Power result;
  if (!comparison.ok || !(comparison.se > 0)) return result;
  const double z = normal_quantile(0.5 + confidence / 2) + normal_quantile(power);
  result.mde_absolute = z * comparison.se;
  if (comparison.control != 0)
    result.mde_relative = result.mde_absolute / std::fabs(comparison.control);
  const double target_delta = std::fabs(target_relative_lift * comparison.control);
  if (target_delta > 0) {
    // se² scales as 1/n: the units that make z·se equal the target delta.
    result.units_needed = std::ceil(units_observed * (comparison.se * z / target_delta) *
                                    (comparison.se * z / target_delta));
    result.units_still_needed = std::max(0.0, result.units_needed - units_observed);
  }
  return result;
}

namespace {

// ρ² of the confidence sequence tuned for `tuning_n` units at level `alpha`.
double sequential_rho2(double alpha, double tuning_n) {
  const double l = -2 * std::log(alpha);
  return (l + std::log(l + 1)) / tuning_n;
}

}  // namespace

double sequential_multiplier(double n, double alpha, double tuning_n) {
  const double r2 = sequential_rho2(alpha, tuning_n);
  const double nr2 = n * r2;
  return std::sqrt(n) *
         std::sqrt(2 * (nr2 + 1) / (n * n * r2) * std::log(std::sqrt(nr2 + 1) / alpha));
}

double sequential_p_value(double z, double n, double alpha, double tuning_n) {
  const double nr2 = n * sequential_rho2(alpha, tuning_n);
  // z = multiplier(n, p) solved for p.
  return std::min(1.0, std::sqrt(nr2 + 1) * std::exp(-z * z * nr2 / (2 * (nr2 + 1))));
}

void make_sequential(Comparison& c, double n, double confidence, double tuning_n) {
  if (!c.ok || !(n > 0)) return;
  const double alpha = 1 - confidence;
  const double m = sequential_multiplier(n, alpha, tuning_n);
  if (c.se > 0) {
    c.delta_ci = {c.delta - m * c.se, c.delta + m * c.se};
    c.p_value = sequential_p_value(std::fabs(c.delta / c.se), n, alpha, tuning_n);
  }
  if (c.relative_se > 0) {
    c.relative_ci = {c.relative - m * c.relative_se, c.relative + m * c.relative_se};
    c.relative_p_value =
        sequential_p_value(std::fabs(c.relative / c.relative_se), n, alpha, tuning_n);
  }
}

Power sequential_power_of(const Comparison& comparison, double units_observed, double confidence,
                          double power, double target_relative_lift, double tuning_n) {
  Power result;
  if (!comparison.ok || !(comparison.se > 0) || !(units_observed > 0)) return result;
  const double alpha = 1 - confidence;
  const double z_power = normal_quantile(power);
  // The detectable delta at n units, the standard error scaling as 1/√n.
  const auto detectable = [&](double n) {
    return (sequential_multiplier(n, alpha, tuning_n) + z_power) * comparison.se *
           std::sqrt(units_observed / n);
  };
  result.mde_absolute = detectable(units_observed);
  if (comparison.control != 0)
    result.mde_relative = result.mde_absolute / std::fabs(comparison.control);
  const double target_delta = std::fabs(target_relative_lift * comparison.control);
  if (target_delta > 0) {
    // The fewest units whose detectable delta reaches the target (it falls as n grows).
    double low = 1, high = std::max(2.0, units_observed);
    while (detectable(high) > target_delta && high < 1e15)
      high *= 2;
    for (int i = 0; i < 200 && high - low > 0.5; ++i) {
      const double mid = (low + high) / 2;
      (detectable(mid) > target_delta ? low : high) = mid;
    }
    result.units_needed = std::ceil(high);
    result.units_still_needed = std::max(0.0, result.units_needed - units_observed);
  }
  return result;
}

}  // namespace basketlift
