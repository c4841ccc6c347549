#include "analysis/summary.h"

#include <cmath>
#include <vector>

#include "analysis/distributions.h"
#include "analysis/stat_tests.h"

namespace basketlift {

namespace {

void add_session_sums(const AnalysisContext& ctx, SummarySums& sums) {
  const std::size_t sessions = ctx.store.sessions.size();
  sums.has_sessions = sessions > 0;
  for (std::size_t s = 0; s < sessions; ++s)
    sums.converted_sessions += ctx.session_converted(s);
  sums.sessions = sessions;
}

void add_money_figures(const SummarySums& sums, Summary& summary, double confidence) {
  if (sums.priced_lines == 0) {
    const char* why = "no order line has a unit_price";
    summary.revenue = summary.aov = summary.margin = summary.margin_revenue_share =
        Figure::none(why);
    return;
  }
  summary.revenue = Figure::of(sums.revenue);
  summary.aov = Figure::of(sums.revenue / static_cast<double>(sums.money_orders));
  if (sums.costed_lines == 0) {
    summary.margin =
        Figure::none("no cost is known: give unit_cost or margin_pct in the catalogue");
    summary.margin_revenue_share = Figure::of(0);
  } else {
    summary.margin = Figure::of(sums.margin);
    summary.margin_revenue_share =
        Figure::of(sums.revenue > 0 ? sums.revenue_with_cost / sums.revenue : 1.0);
  }
  const Moments& moments = sums.order_revenue;
  if (moments.n < 2) return;
  const double half =
      t_quantile(0.5 + confidence / 2, moments.n - 1) * std::sqrt(moments.variance() / moments.n);
  summary.aov_low = moments.mean - half;
  summary.aov_high = moments.mean + half;
}

void add_session_figures(const SummarySums& sums, Summary& summary, double confidence) {
  if (!sums.has_sessions) {
    summary.sessions = summary.cvr = Figure::none("no sessions table was given");
    return;
  }
  const auto n = static_cast<double>(sums.sessions);
  const auto converted = static_cast<double>(sums.converted_sessions);
  summary.sessions = Figure::of(n);
  summary.cvr = Figure::of(converted / n);
  const Interval ci = wilson_interval(converted, n, confidence);
  summary.cvr_low = ci.low;
  summary.cvr_high = ci.high;
}

}  // namespace

SummarySums summary_sums(const AnalysisContext& ctx, bool has_rec_column) {
  const Store& store = ctx.store;
  const CurrencyScope& scope = ctx.currency;
  SummarySums sums;
  const OrderColumns& orders = store.orders;
  std::vector<std::uint8_t> attached(orders.size(), 0);
  const IdColumn::Reader line_order = store.lines.order.reader();
  store.lines.rec.for_each_present(
      [&](std::size_t i, std::uint32_t) { attached[line_order[i]] = 1; });
  const IdColumn::Reader line_count = orders.line_count.reader();
  for (std::uint32_t o = 0; o < orders.size(); ++o) {
    if (line_count[o] > 0) {
      ++sums.orders;
      sums.attached_orders += attached[o];
      sums.money_orders += scope.includes(o);
    }
    sums.cancelled_orders += orders.status[o] == OrderStatus::cancelled;
    sums.refunded_orders += orders.status[o] == OrderStatus::refunded;
  }
  sums.order_lines = store.lines.size();
  sums.has_rec_column = has_rec_column;
  if (scope.main != kNoId) sums.currency = std::string(store.pools.labels.view(scope.main));
  sums.other_currencies = scope.others;
  if (sums.orders > 0) static_cast<MoneySums&>(sums) = ctx.money;
  add_session_sums(ctx, sums);
  return sums;
}

Summary summary_from_sums(const SummarySums& sums, double confidence) {
  Summary summary;
  summary.orders = sums.orders;
  summary.order_lines = sums.order_lines;
  summary.cancelled_orders = sums.cancelled_orders;
  summary.refunded_orders = sums.refunded_orders;
  summary.money_orders = sums.money_orders;
  summary.currency = sums.currency;
  summary.other_currencies = sums.other_currencies;
  if (summary.orders == 0) {
    const char* why = "no order was read";
    summary.revenue = summary.aov = summary.margin = summary.margin_revenue_share =
        summary.attach_rate = Figure::none(why);
  } else {
    add_money_figures(sums, summary, confidence);
    const auto attached = static_cast<double>(sums.attached_orders);
    const auto orders = static_cast<double>(summary.orders);
    if (sums.has_rec_column) {
      const Interval attach = wilson_interval(attached, orders, confidence);
      summary.attach_low = attach.low;
      summary.attach_high = attach.high;
      summary.attach_rate = Figure::of(attached / orders);
    } else {
      summary.attach_rate = Figure::none("order lines carry no rec_id column");
    }
  }
  add_session_figures(sums, summary, confidence);
  return summary;
}

Summary compute_summary(const AnalysisContext& ctx, bool has_rec_column, double confidence) {
  return summary_from_sums(summary_sums(ctx, has_rec_column), confidence);
}

}  // namespace basketlift
