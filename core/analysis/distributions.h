// Distribution functions from Boost.Math (header-only; builds for wasm too), with a policy
// that reports errors through errno instead of throwing: the engine has no exceptions.
#pragma once

namespace basketlift {

/// Φ(z).
double normal_cdf(double z);
/// Φ⁻¹(p), p in (0, 1).
double normal_quantile(double p);
/// P(T > t) for Student's t with `df` degrees of freedom.
double t_survival(double t, double df);
/// Quantile of Student's t.
double t_quantile(double p, double df);
/// P(X > x) for chi-square with `df` degrees of freedom.
double chi_square_survival(double x, double df);

}  // namespace basketlift
