#include "analysis/ltv.h"

#include <algorithm>
#include <cmath>

#include "analysis/distributions.h"

namespace basketlift {

namespace {

struct CustomerOrders {
  std::int64_t first = kNoTime;                         // time of the first order
  std::vector<std::pair<std::int64_t, double>> orders;  // (time, revenue)
  bool adopter = false;
};

LtvGroup describe(const Moments& revenue, double repeaters, double confidence) {
  LtvGroup g;
  g.customers = revenue.n;
  g.repeaters = repeaters;
  if (revenue.n == 0) return g;
  g.repeat_rate = repeaters / revenue.n;
  g.repeat_rate_ci = wilson_interval(repeaters, revenue.n, confidence);
  g.revenue_per_customer = revenue.mean;
  if (revenue.n >= 2) {
    const double half =
        t_quantile(0.5 + confidence / 2, revenue.n - 1) * std::sqrt(revenue.variance() / revenue.n);
    g.revenue_ci = {revenue.mean - half, revenue.mean + half};
  }
  return g;
}

}  // namespace

LtvResult analyze_ltv(const AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const OrderColumns& orders = store.orders;
  LtvResult result;
  result.caveat =
      "Observational: customers who take offers may differ from those who do not (they may simply "
      "shop more). "
      "The comparison shows association, not the effect of offers; only an experiment shows that.";
  std::vector<CustomerOrders> customers(store.pools.customers.size());
  bool any_time = false;
  for (std::uint32_t o = 0; o < orders.size(); ++o) {
    if (!ctx.is_sale(o) || orders.customer[o] == kNoId || orders.time[o] == kNoTime) continue;
    any_time = true;
    CustomerOrders& c = customers[orders.customer[o]];
    c.orders.emplace_back(orders.time[o], ctx.order_revenue[o]);
    result.data_end = std::max(result.data_end, orders.time[o]);
  }
  if (store.pools.customers.size() == 0) {
    result.reason = "no order carries a customer_id";
    return result;
  }
  if (!any_time) {
    result.reason = "orders with a customer_id carry no readable timestamp";
    return result;
  }
  // Adopters: an order line with a rec_id, or an accepted impression of the customer.
  for (std::size_t l = 0; l < store.lines.size(); ++l) {
    const std::uint32_t customer = orders.customer[store.lines.order[l]];
    if (store.lines.rec[l] != kNoId && customer != kNoId) customers[customer].adopter = true;
  }
  const ImpressionColumns& im = store.impressions;
  for (std::size_t i = 0; i < im.size(); ++i) {
    if (!ctx.impression_accepted[i]) continue;
    std::uint32_t customer = im.customer[i];
    if (customer == kNoId && im.order[i] != kNoId && im.order[i] < orders.size())
      customer = orders.customer[im.order[i]];
    if (customer == kNoId && im.session[i] != kNoId && im.session[i] < store.session_row.size() &&
        store.session_row[im.session[i]] != kNoId) {
      customer = store.sessions.customer[store.session_row[im.session[i]]];
    }
    if (customer != kNoId) customers[customer].adopter = true;
  }
  for (CustomerOrders& c : customers) {
    if (c.orders.empty()) continue;
    std::sort(c.orders.begin(), c.orders.end());
    c.first = c.orders.front().first;
    ++result.customers;
    result.adopters += c.adopter;
  }
  result.available = true;
  const double confidence = ctx.settings.confidence;
  for (int days : ctx.settings.ltv_windows_days) {
    const std::int64_t horizon = std::int64_t{days} * 86400;
    Moments revenue[2];
    double repeaters[2] = {0, 0};
    for (const CustomerOrders& c : customers) {
      // Only customers whose whole horizon lies inside the data are counted.
      if (c.orders.empty() || c.first + horizon > result.data_end) continue;
      double in_window = 0;
      bool repeated = false;
      for (std::size_t k = 0; k < c.orders.size() && c.orders[k].first <= c.first + horizon; ++k) {
        in_window += c.orders[k].second;
        repeated = repeated || k > 0;
      }
      revenue[c.adopter].add(in_window);
      repeaters[c.adopter] += repeated;
    }
    LtvWindow window;
    window.days = days;
    window.adopters = describe(revenue[1], repeaters[1], confidence);
    window.others = describe(revenue[0], repeaters[0], confidence);
    window.repeat_difference =
        two_proportion_test(repeaters[0], revenue[0].n, repeaters[1], revenue[1].n, confidence);
    window.revenue_difference = welch_test(revenue[0], revenue[1], confidence);
    if (revenue[0].n + revenue[1].n == 0) {
      window.repeat_difference.reason = window.revenue_difference.reason =
          "the data span less than " + std::to_string(days) +
          " days after any customer's first order";
    }
    result.windows.push_back(std::move(window));
  }
  return result;
}

}  // namespace basketlift
