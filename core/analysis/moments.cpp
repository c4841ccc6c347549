#include "analysis/moments.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace basketlift {

void Moments::merge(const Moments& other) {
  if (other.n == 0) return;
  if (n == 0) {
    *this = other;
    return;
  }
  const double total = n + other.n;
  const double delta = other.mean - mean;
  mean += delta * other.n / total;
  m2 += other.m2 + delta * delta * n * other.n / total;
  n = total;
}

Moments Moments::from_sums(double n, double sum, double sum_of_squares) {
  Moments moments;
  moments.n = n;
  moments.mean = n > 0 ? sum / n : 0;
  moments.m2 = sum_of_squares - n * moments.mean * moments.mean;
  return moments;
}

RatioMoments RatioMoments::from_sums(double n, double sum_m, double sum_d, double sum_mm,
                                     double sum_dd, double sum_md) {
  RatioMoments moments;
  moments.n = n;
  if (n <= 0) return moments;
  moments.mean_m = sum_m / n;
  moments.mean_d = sum_d / n;
  moments.m2_m = sum_mm - n * moments.mean_m * moments.mean_m;
  moments.m2_d = sum_dd - n * moments.mean_d * moments.mean_d;
  moments.c_md = sum_md - n * moments.mean_m * moments.mean_d;
  return moments;
}

void RatioMoments::add(double m, double d) {
  n += 1;
  const double dm = m - mean_m;
  const double dd = d - mean_d;
  mean_m += dm / n;
  mean_d += dd / n;
  m2_m += dm * (m - mean_m);
  m2_d += dd * (d - mean_d);
  c_md += dm * (d - mean_d);
}

void RatioMoments::merge(const RatioMoments& other) {
  if (other.n == 0) return;
  if (n == 0) {
    *this = other;
    return;
  }
  const double total = n + other.n;
  const double dm = other.mean_m - mean_m;
  const double dd = other.mean_d - mean_d;
  const double weight = n * other.n / total;
  m2_m += other.m2_m + dm * dm * weight;
  m2_d += other.m2_d + dd * dd * weight;
  c_md += other.c_md + dm * dd * weight;
  mean_m += dm * other.n / total;
  mean_d += dd * other.n / total;
  n = total;
}

double RatioMoments::ratio_variance() const {
  if (n < 2 || mean_d == 0) return std::numeric_limits<double>::quiet_NaN();
  return ratio_variance_at(mean_m / mean_d);
}

double RatioMoments::ratio_variance_at(double r) const {
  if (n < 2 || mean_d == 0) return std::numeric_limits<double>::quiet_NaN();
  // Var(m̄/d̄) ≈ (σm² − 2 R σmd + R² σd²) / (n d̄²), with sample (co)variances.
  const double var_m = m2_m / (n - 1), var_d = m2_d / (n - 1), cov = c_md / (n - 1);
  const double value = (var_m - 2 * r * cov + r * r * var_d) / (n * mean_d * mean_d);
  return value < 0 ? 0 : value;
}

void CoMoments::add(const Values& v) {
  n += 1;
  Values before;
  for (int i = 0; i < kSize; ++i) {
    before[i] = v[i] - mean[i];
    mean[i] += before[i] / n;
  }
  for (int i = 0; i < kSize; ++i) {
    for (int j = 0; j < kSize; ++j)
      c[i][j] += before[i] * (v[j] - mean[j]);
  }
}

CoMoments CoMoments::from_sums(double n, const Values& sums,
                               const std::array<Values, kSize>& products) {
  CoMoments moments;
  moments.n = n;
  if (n <= 0) return moments;
  for (int i = 0; i < kSize; ++i)
    moments.mean[i] = sums[i] / n;
  // Σv_i·v_j − n·mean_i·mean_j, 0 when within rounding of its terms (values that do not vary
  // give exactly 0 this way, as Welford's updates give it).
  const double rounding = 64 * std::numeric_limits<double>::epsilon();
  for (int i = 0; i < kSize; ++i) {
    for (int j = 0; j < kSize; ++j) {
      const double centred = n * moments.mean[i] * moments.mean[j];
      const double c = products[i][j] - centred;
      moments.c[i][j] =
          std::abs(c) <= rounding * std::max(std::abs(products[i][j]), std::abs(centred)) ? 0 : c;
    }
  }
  return moments;
}

void CoMoments::merge(const CoMoments& other) {
  if (other.n == 0) return;
  if (n == 0) {
    *this = other;
    return;
  }
  const double total = n + other.n;
  const double weight = n * other.n / total;
  Values delta;
  for (int i = 0; i < kSize; ++i)
    delta[i] = other.mean[i] - mean[i];
  for (int i = 0; i < kSize; ++i) {
    for (int j = 0; j < kSize; ++j)
      c[i][j] += other.c[i][j] + delta[i] * delta[j] * weight;
    mean[i] += delta[i] * other.n / total;
  }
  n = total;
}

}  // namespace basketlift
