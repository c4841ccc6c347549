#include "analysis/summary.h"

#include <cmath>
#include <vector>

#include "analysis/distributions.h"
#include "analysis/line_values.h"
#include "analysis/moments.h"
#include "analysis/stat_tests.h"

namespace basketlift {

namespace {

// The interval of AOV: a t interval of the orders' revenues (each order is one draw).
void add_aov_interval(const Store& store, const CurrencyScope& scope, Summary& summary,
                      double confidence) {
  std::vector<double> revenue(store.orders.size(), 0);
  std::vector<std::uint8_t> priced(store.orders.size(), 0);
  for (std::size_t i = 0; i < store.lines.size(); ++i) {
    const double line = line_revenue(store.lines, i);
    if (std::isnan(line) || !scope.includes(store.lines.order[i])) continue;
    revenue[store.lines.order[i]] += line;
    priced[store.lines.order[i]] = 1;
  }
  Moments moments;
  for (std::size_t o = 0; o < revenue.size(); ++o) {
    if (priced[o]) moments.add(revenue[o]);
  }
  if (moments.n < 2) return;
  const double half =
      t_quantile(0.5 + confidence / 2, moments.n - 1) * std::sqrt(moments.variance() / moments.n);
  summary.aov_low = moments.mean - half;
  summary.aov_high = moments.mean + half;
}

void add_money_figures(const Store& store, const CurrencyScope& scope, Summary& summary) {
  const LineColumns& lines = store.lines;
  double revenue = 0, margin = 0, revenue_with_cost = 0;
  std::uint64_t priced = 0, costed = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!scope.includes(lines.order[i])) continue;
    const double line = line_revenue(lines, i);
    if (std::isnan(line)) continue;
    ++priced;
    revenue += line;
    const double cost = line_cost(store, i);
    if (std::isnan(cost)) continue;
    ++costed;
    margin += line - cost;
    revenue_with_cost += line;
  }
  if (priced == 0) {
    const char* why = "no order line has a unit_price";
    summary.revenue = summary.aov = summary.margin = summary.margin_revenue_share =
        Figure::none(why);
    return;
  }
  summary.revenue = Figure::of(revenue);
  summary.aov = Figure::of(revenue / static_cast<double>(summary.money_orders));
  if (costed == 0) {
    summary.margin =
        Figure::none("no cost is known: give unit_cost or margin_pct in the catalogue");
    summary.margin_revenue_share = Figure::of(0);
  } else {
    summary.margin = Figure::of(margin);
    summary.margin_revenue_share = Figure::of(revenue > 0 ? revenue_with_cost / revenue : 1.0);
  }
}

void add_session_figures(const Store& store, Summary& summary, double confidence) {
  const SessionColumns& sessions = store.sessions;
  if (sessions.size() == 0) {
    summary.sessions = summary.cvr = Figure::none("no sessions table was given");
    return;
  }
  // A session converted when its row says so, or (when the row is silent) an order carries it.
  std::vector<std::uint8_t> has_order(store.pools.sessions.size(), 0);
  for (std::size_t o = 0; o < store.orders.size(); ++o) {
    if (store.orders.line_count[o] > 0 && store.orders.session[o] != kNoId) {
      has_order[store.orders.session[o]] = 1;
    }
  }
  std::uint64_t converted = 0;
  for (std::size_t s = 0; s < sessions.size(); ++s) {
    const std::int8_t flag = sessions.converted[s];
    converted += flag == 1 || (flag == -1 && has_order[sessions.session[s]] != 0);
  }
  const auto n = static_cast<double>(sessions.size());
  summary.sessions = Figure::of(n);
  summary.cvr = Figure::of(static_cast<double>(converted) / n);
  const Interval ci = wilson_interval(static_cast<double>(converted), n, confidence);
  summary.cvr_low = ci.low;
  summary.cvr_high = ci.high;
}

}  // namespace

Summary compute_summary(const Store& store, bool has_rec_column, const CurrencyScope& scope,
                        double confidence) {
  Summary summary;
  const OrderColumns& orders = store.orders;
  std::vector<std::uint8_t> attached(orders.size(), 0);
  for (std::size_t i = 0; i < store.lines.size(); ++i) {
    if (store.lines.rec[i] != kNoId) attached[store.lines.order[i]] = 1;
  }
  std::uint64_t orders_attached = 0;
  for (std::uint32_t o = 0; o < orders.size(); ++o) {
    if (orders.line_count[o] > 0) {
      ++summary.orders;
      orders_attached += attached[o];
      summary.money_orders += scope.includes(o);
    }
    summary.cancelled_orders += orders.status[o] == OrderStatus::cancelled;
    summary.refunded_orders += orders.status[o] == OrderStatus::refunded;
  }
  summary.order_lines = store.lines.size();
  if (scope.main != kNoId) summary.currency = std::string(store.pools.labels.view(scope.main));
  summary.other_currencies = scope.others;
  if (summary.orders == 0) {
    const char* why = "no order was read";
    summary.revenue = summary.aov = summary.margin = summary.margin_revenue_share =
        summary.attach_rate = Figure::none(why);
  } else {
    add_money_figures(store, scope, summary);
    if (summary.aov.value) add_aov_interval(store, scope, summary, confidence);
    if (has_rec_column) {
      const Interval attach = wilson_interval(static_cast<double>(orders_attached),
                                              static_cast<double>(summary.orders), confidence);
      summary.attach_low = attach.low;
      summary.attach_high = attach.high;
    }
    summary.attach_rate =
        has_rec_column
            ? Figure::of(static_cast<double>(orders_attached) / static_cast<double>(summary.orders))
            : Figure::none("order lines carry no rec_id column");
  }
  add_session_figures(store, summary, confidence);
  return summary;
}

}  // namespace basketlift
