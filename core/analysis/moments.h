// Mergeable sufficient statistics: what the tests need, computed in one pass, combinable
// across chunks or files (Chan et al.'s parallel update), unlike a Boost.Accumulators set.
#pragma once

#include <array>
#include <cstdint>

namespace basketlift {

/// Count, mean and sum of squared deviations of a stream of values (Welford).
struct Moments {
  double n = 0;     ///< number of values
  double mean = 0;  ///< their mean
  double m2 = 0;    ///< Σ (x − mean)²

  /// Adds one value.
  void add(double x) {
    n += 1;
    const double delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }
  /// Adds everything another Moments saw.
  void merge(const Moments& other);
  /// Sample variance (n − 1 in the denominator); 0 below two values.
  double variance() const { return n > 1 ? m2 / (n - 1) : 0; }
  /// Σx.
  double sum() const { return mean * n; }
  /// From plain sums: n, Σx, Σx² (as published test vectors give them).
  static Moments from_sums(double n, double sum, double sum_of_squares);
};

/// Paired statistics of a numerator m and a denominator d per unit (e.g. revenue and orders
/// per session), for ratio metrics by the delta method.
struct RatioMoments {
  double n = 0;       ///< units
  double mean_m = 0;  ///< mean numerator
  double mean_d = 0;  ///< mean denominator
  double m2_m = 0;    ///< Σ (m − mean_m)²
  double m2_d = 0;    ///< Σ (d − mean_d)²
  double c_md = 0;    ///< Σ (m − mean_m)(d − mean_d)

  /// Adds one unit.
  void add(double m, double d);
  /// Adds everything another RatioMoments saw.
  void merge(const RatioMoments& other);
  /// Σm / Σd (NaN when Σd is 0).
  double ratio() const { return mean_m / mean_d; }
  /// Delta-method variance of the ratio estimate (already divided by n).
  double ratio_variance() const;
  /// The same variance with the ratio taken to be `r` (a pooled ratio, for tests under the null).
  double ratio_variance_at(double r) const;
  /// From plain sums over units: n, Σm, Σd, Σm², Σd², Σmd (as a warehouse computes them).
  static RatioMoments from_sums(double n, double sum_m, double sum_d, double sum_mm, double sum_dd,
                                double sum_md);
};

/// Means and co-moments of up to five values per unit (a metric's parts and its covariates),
/// for regression adjustment (analysis/cuped.h); mergeable like Moments. Unused slots stay 0.
struct CoMoments {
  static constexpr int kSize = 5;  ///< values per unit
  using Values = std::array<double, kSize>;
  double n = 0;                                      ///< units
  Values mean{};                                     ///< mean of each value
  std::array<std::array<double, kSize>, kSize> c{};  ///< Σ (v_i − mean_i)(v_j − mean_j)

  /// Adds one unit's values.
  void add(const Values& v);
  /// Adds everything another CoMoments saw.
  void merge(const CoMoments& other);
  /// Sample covariance of values i and j (n − 1 in the denominator); 0 below two units.
  double covariance(int i, int j) const { return n > 1 ? c[i][j] / (n - 1) : 0; }
  /// Value i alone, as Moments.
  Moments marginal(int i) const { return {n, mean[i], c[i][i]}; }
  /// From plain sums over units (as a warehouse computes them): n, Σv_i, and Σv_i·v_j.
  static CoMoments from_sums(double n, const Values& sums,
                             const std::array<Values, kSize>& products);
};

}  // namespace basketlift
