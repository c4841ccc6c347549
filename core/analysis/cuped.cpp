#include "analysis/cuped.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace basketlift {

namespace {

// What one customer did in the pre-period before their first unit in the test.
struct History {
  double revenue = 0, margin = 0;
  std::uint32_t orders = 0, impressions = 0, accepted = 0;
};

// The customers with a pre-period: per customer a slot in `history` (kNoId: none), so a store
// whose customers mostly have none holds 4 bytes per customer, not a record each.
struct PrePeriod {
  std::vector<std::uint32_t> slot;
  std::vector<History> history;

  const History* of(std::uint32_t customer) const {
    return customer != kNoId && slot[customer] != kNoId ? &history[slot[customer]] : nullptr;
  }
};

PrePeriod pre_period(const AnalysisContext& ctx, const ExperimentUnits& u) {
  const Store& store = ctx.store;
  const std::size_t customers = store.pools.customers.size();
  // Each customer's first unit with an arm (kNoTime: none dated).
  std::vector<std::int64_t> first(customers, kNoTime);
  for (std::size_t unit = 0; unit < u.size(); ++unit) {
    const std::uint32_t c = u.customer[unit];
    const std::int64_t t = unit_start(store, u, unit);
    if (u.arm[unit] < 0 || c == kNoId || t == kNoTime) continue;
    if (first[c] == kNoTime || t < first[c]) first[c] = t;
  }
  PrePeriod pre;
  pre.slot.assign(customers, kNoId);
  const std::int64_t window = static_cast<std::int64_t>(ctx.settings.cuped_pre_period_days) * 86400;
  // The customer's record when t lies in [first − days, first): before the customer's first
  // unit, never during the test; else null.
  const auto in_window = [&](std::uint32_t c, std::int64_t t) -> History* {
    if (c == kNoId || t == kNoTime || first[c] == kNoTime || t >= first[c] || t < first[c] - window)
      return nullptr;
    if (pre.slot[c] == kNoId) {
      pre.slot[c] = static_cast<std::uint32_t>(pre.history.size());
      pre.history.emplace_back();
    }
    return &pre.history[pre.slot[c]];
  };
  const OrderColumns& orders = store.orders;
  for (std::uint32_t o = 0; o < orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    History* h = in_window(orders.customer[o], orders.time[o]);
    if (h == nullptr) continue;
    h->orders += 1;
    h->revenue += ctx.order_revenue[o];
    h->margin += ctx.order_margin_of(o);
  }
  // An impression's customer: its own, else its order's, else its session's.
  const ImpressionColumns& im = store.impressions;
  std::vector<std::uint32_t> customer_of_session;
  if (im.size() > 0 && store.sessions.size() > 0) {
    customer_of_session.assign(store.pools.sessions.size(), kNoId);
    for (std::size_t r = 0; r < store.sessions.size(); ++r)
      customer_of_session[store.sessions.session[r]] = store.sessions.customer[r];
  }
  for (std::size_t i = 0; i < im.size(); ++i) {
    const std::uint32_t o = im.order[i];
    const bool has_order = o != kNoId && o < orders.size();
    std::uint32_t c = im.customer[i];
    if (c == kNoId && has_order) c = orders.customer[o];
    if (c == kNoId && im.session[i] != kNoId && !customer_of_session.empty())
      c = customer_of_session[im.session[i]];
    std::int64_t t = im.time[i];
    if (t == kNoTime && has_order) t = orders.time[o];
    History* h = in_window(c, t);
    if (h == nullptr) continue;
    h->impressions += 1;
    h->accepted += ctx.impression_accepted[i];
  }
  return pre;
}

// Relative size below which a sum of (co)variance terms is rounding: a few hundred units of
// double's last place.
constexpr double kRoundingTerms = 256 * std::numeric_limits<double>::epsilon();

// The metric's estimate, its two covariates' estimates, and the per-unit covariance of the
// three (ratios linearised: Var(estimate) ≈ covariance / n), for one arm.
struct Linearised {
  double n = 0;
  double estimate[3] = {kNaN, kNaN, kNaN};  // metric, pre-period value, no-history share
  double cov[3][3] = {};
  bool covariate = true;  // false: no unit of this arm has a pre-period denominator
};

Linearised linearise(const CoMoments& m, CupedShape shape) {
  Linearised out;
  out.n = m.n;
  if (shape == CupedShape::mean) {
    for (int i = 0; i < 3; ++i) {
      out.estimate[i] = m.mean[i];
      for (int j = 0; j < 3; ++j)
        out.cov[i][j] = m.covariance(i, j);
    }
    return out;
  }
  // Ratio Σm/Σd: per unit (m − R d) / d̄; the pre-period's (xm − Rx xd) / x̄d; h as it is.
  CoMoments::Values weights[3] = {};
  const double r = m.mean[0] / m.mean[1];
  weights[0][0] = 1 / m.mean[1];
  weights[0][1] = -r / m.mean[1];
  out.covariate = m.mean[3] > 0;
  const double rx = out.covariate ? m.mean[2] / m.mean[3] : 0;
  if (out.covariate) {
    weights[1][2] = 1 / m.mean[3];
    weights[1][3] = -rx / m.mean[3];
  }
  weights[2][4] = 1;
  out.estimate[0] = r;
  out.estimate[1] = rx;
  out.estimate[2] = m.mean[4];
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      double sum = 0, magnitude = 0;
      for (int i = 0; i < CoMoments::kSize; ++i) {
        for (int j = 0; j < CoMoments::kSize; ++j) {
          const double term = weights[a][i] * weights[b][j] * m.covariance(i, j);
          sum += term;
          magnitude += std::abs(term);
        }
      }
      // A sum within rounding of its terms is 0: the parts are exactly proportional (say one
      // unit with a pre-period), and a θ fitted to rounding noise would be arbitrary.
      out.cov[a][b] = std::abs(sum) <= kRoundingTerms * magnitude ? 0 : sum;
    }
  }
  return out;
}

CupedEstimate not_adjusted(std::string reason) {
  CupedEstimate e;
  e.reason = std::move(reason);
  return e;
}

// "12%".
std::string percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

}  // namespace

std::string cuped_missing_reason(const Settings& s, bool units_name_customers,
                                 bool any_pre_period) {
  if (!s.cuped) return "regression adjustment is off (settings: cuped)";
  if (!units_name_customers) {
    return "no unit names a customer (customer_id on sessions or orders), so there is no "
           "pre-period to adjust with";
  }
  if (!any_pre_period) {
    return "no unit's customer ordered or was shown an offer in the " +
           std::to_string(s.cuped_pre_period_days) +
           " days before their first unit in the test (cuped_pre_period_days)";
  }
  return {};
}

CupedSums cuped_sums(const AnalysisContext& ctx, const ExperimentUnits& u,
                     const Interval& revenue_cap, const Interval& margin_cap) {
  const Settings& s = ctx.settings;
  CupedSums sums;
  const bool named =
      std::any_of(u.customer.begin(), u.customer.end(), [](std::uint32_t c) { return c != kNoId; });
  sums.reason = cuped_missing_reason(s, named, true);
  if (!sums.reason.empty()) return sums;
  const PrePeriod pre = pre_period(ctx, u);
  sums.reason = cuped_missing_reason(s, named, !pre.history.empty());
  if (!sums.reason.empty()) return sums;
  sums.available = true;
  sums.arms.resize(u.arm_labels.size());
  for (std::size_t unit = 0; unit < u.size(); ++unit) {
    if (u.arm[unit] < 0) continue;
    CupedArm& a = sums.arms[static_cast<std::size_t>(u.arm[unit])];
    const History* p = pre.of(u.customer[unit]);
    const bool ordered = p != nullptr && p->orders > 0;
    const bool shown = p != nullptr && p->impressions > 0;
    const double h = ordered ? 0 : 1;
    const double pre_orders = ordered ? p->orders : 0;
    const double pre_revenue = ordered ? p->revenue : 0;
    const double revenue = revenue_cap.clamp(u.revenue[unit]);
    a.cvr.add({static_cast<double>(u.converted[unit]), pre_orders, h, 0, 0});
    a.rpv.add({revenue, pre_revenue, h, 0, 0});
    a.margin.add({margin_cap.clamp(u.margin_of(unit)), ordered ? p->margin : 0, h, 0, 0});
    // Ratios over every unit (0 / 0 adds nothing to Σm / Σd), so that the covariate's ratio is
    // over the randomised units, balanced by the split, not over those the arm led to an order.
    a.aov.add({revenue, static_cast<double>(u.orders[unit]), pre_revenue, pre_orders, h});
    a.acceptance.add({static_cast<double>(u.accepted_of(unit)),
                      static_cast<double>(u.impressions_of(unit)),
                      shown ? static_cast<double>(p->accepted) : 0,
                      shown ? static_cast<double>(p->impressions) : 0, shown ? 0.0 : 1.0});
  }
  return sums;
}

CupedEstimate cuped_compare(const CoMoments& control, const CoMoments& arm, CupedShape shape,
                            const Settings& s) {
  if (control.n < 2 || arm.n < 2) return not_adjusted("an arm has fewer than 2 units");
  const int h_index = shape == CupedShape::mean ? 2 : 4;
  const double total = control.n + arm.n;
  const double covered =
      1 - (control.mean[h_index] * control.n + arm.mean[h_index] * arm.n) / total;
  if (covered == 0 || covered < s.cuped_min_covered_share) {
    CupedEstimate e = not_adjusted(
        covered == 0 ? std::string("no unit has a pre-period value of this metric")
                     : (covered < 0.005 ? "under 1%" : "only " + percent(covered)) +
                           " of the units have a pre-period (cuped_min_covered_share: " +
                           percent(s.cuped_min_covered_share) + ")");
    e.covered_share = covered;
    return e;
  }
  if (shape == CupedShape::ratio && (control.mean[1] == 0 || arm.mean[1] == 0))
    return not_adjusted("an arm has a zero denominator");
  const Linearised c = linearise(control, shape);
  const Linearised t = linearise(arm, shape);
  if (!c.covariate || !t.covariate)
    return not_adjusted("an arm has no unit with a pre-period value of this metric");
  // Pooled within-arm (co)variances of (Y, X, H): θ as in OLS of Y on the arm, X and H.
  double pooled[3][3];
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j)
      pooled[i][j] = ((c.n - 1) * c.cov[i][j] + (t.n - 1) * t.cov[i][j]) / (total - 2);
  }
  if (!(pooled[1][1] > 0)) return not_adjusted("the pre-period values do not vary within the arms");
  double theta = pooled[1][0] / pooled[1][1], theta_h = 0;
  const double det = pooled[1][1] * pooled[2][2] - pooled[1][2] * pooled[1][2];
  // The indicator joins when it varies and is not a multiple of X (else X alone says it all).
  if (pooled[2][2] > 0 && det > 1e-9 * pooled[1][1] * pooled[2][2]) {
    theta = (pooled[2][2] * pooled[1][0] - pooled[1][2] * pooled[2][0]) / det;
    theta_h = (pooled[1][1] * pooled[2][0] - pooled[1][2] * pooled[1][0]) / det;
  }
  const double mean_x = (c.estimate[1] * c.n + t.estimate[1] * t.n) / total;
  const double mean_h = (c.estimate[2] * c.n + t.estimate[2] * t.n) / total;
  const auto adjusted = [&](const Linearised& a) {
    const double mean =
        a.estimate[0] - theta * (a.estimate[1] - mean_x) - theta_h * (a.estimate[2] - mean_h);
    const double variance = a.cov[0][0] - 2 * theta * a.cov[1][0] - 2 * theta_h * a.cov[2][0] +
                            theta * theta * a.cov[1][1] + 2 * theta * theta_h * a.cov[1][2] +
                            theta_h * theta_h * a.cov[2][2];
    return Moments{a.n, mean, std::max(variance, 0.0) * (a.n - 1)};
  };
  const Moments adjusted_control = adjusted(c), adjusted_arm = adjusted(t);
  CupedEstimate e;
  e.comparison = welch_test(adjusted_control, adjusted_arm, s.confidence);
  if (!e.comparison.ok) return not_adjusted(e.comparison.reason);
  if (s.sequential) make_sequential(e.comparison, total, s.confidence, s.sequential_tuning_n);
  const double unadjusted = c.cov[0][0] / c.n + t.cov[0][0] / t.n;
  const double variance = adjusted_control.variance() / c.n + adjusted_arm.variance() / t.n;
  e.computed = true;
  e.theta = theta;
  e.theta_no_history = theta_h;
  e.variance_reduction = unadjusted > 0 ? 1 - variance / unadjusted : kNaN;
  e.covered_share = covered;
  return e;
}

std::vector<BalanceCheck> pre_period_balance(const CupedSums& sums,
                                             const std::vector<std::string>& arms, bool costs_known,
                                             const Settings& s) {
  std::vector<BalanceCheck> checks;
  if (!sums.available || sums.arms.size() < 2) return checks;
  const CupedArm& control = sums.arms[0];
  for (std::size_t a = 1; a < sums.arms.size(); ++a) {
    const CupedArm& arm = sums.arms[a];
    if (control.cvr.n < 2 || arm.cvr.n < 2) continue;
    const auto add = [&](const char* measure, const Comparison& c) {
      if (c.ok)
        checks.push_back({arms[a], measure, c.control, c.treatment, c.p_value, kNaN, false});
    };
    const auto with_history = [](const CoMoments& m) { return m.n * (1 - m.mean[2]); };
    add("history_share", two_proportion_test(with_history(control.cvr), control.cvr.n,
                                             with_history(arm.cvr), arm.cvr.n, s.confidence));
    add("pre_orders", welch_test(control.cvr.marginal(1), arm.cvr.marginal(1), s.confidence));
    add("pre_revenue", welch_test(control.rpv.marginal(1), arm.rpv.marginal(1), s.confidence));
    if (costs_known)
      add("pre_margin",
          welch_test(control.margin.marginal(1), arm.margin.marginal(1), s.confidence));
  }
  std::vector<double> p;
  for (const BalanceCheck& check : checks)
    p.push_back(check.p_value);
  const std::vector<double> adjusted = holm_adjust(p);
  for (std::size_t i = 0; i < checks.size(); ++i) {
    checks[i].adjusted_p = adjusted[i];
    checks[i].imbalanced = adjusted[i] < s.alpha();
  }
  return checks;
}

}  // namespace basketlift
