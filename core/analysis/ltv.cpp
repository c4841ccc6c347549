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

LtvSums ltv_sums(const AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const OrderColumns& orders = store.orders;
  LtvSums sums;
  sums.customers_named = store.pools.customers.size() > 0;
  std::vector<CustomerOrders> customers(store.pools.customers.size());
  for (std::uint32_t o = 0; o < orders.size(); ++o) {
    if (!ctx.is_sale(o) || orders.customer[o] == kNoId || orders.time[o] == kNoTime) continue;
    CustomerOrders& c = customers[orders.customer[o]];
    c.orders.emplace_back(orders.time[o], ctx.order_revenue[o]);
    sums.data_end = std::max(sums.data_end, orders.time[o]);
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
    ++sums.customers;
    sums.adopters += c.adopter;
  }
  for (int days : ctx.settings.ltv_windows_days) {
    const std::int64_t horizon = std::int64_t{days} * 86400;
    std::array<LtvGroupSums, 2> groups;
    for (const CustomerOrders& c : customers) {
      // Only customers whose whole horizon lies inside the data are counted.
      if (c.orders.empty() || c.first + horizon > sums.data_end) continue;
      double in_window = 0;
      bool repeated = false;
      for (std::size_t k = 0; k < c.orders.size() && c.orders[k].first <= c.first + horizon; ++k) {
        in_window += c.orders[k].second;
        repeated = repeated || k > 0;
      }
      groups[c.adopter].revenue.add(in_window);
      groups[c.adopter].repeaters += repeated;
    }
    sums.windows.push_back(groups);
  }
  return sums;
}

LtvResult ltv_from_sums(const LtvSums& sums, const Settings& settings) {
  LtvResult result;
  result.caveat =
      "Observational: customers who take offers may differ from those who do not (they may simply "
      "shop more). "
      "The comparison shows association, not the effect of offers; only an experiment shows that.";
  if (!sums.customers_named) {
    result.reason = "no order carries a customer_id";
    return result;
  }
  if (sums.customers == 0) {
    result.reason = "orders with a customer_id carry no readable timestamp";
    return result;
  }
  result.available = true;
  result.customers = sums.customers;
  result.adopters = sums.adopters;
  result.data_end = sums.data_end;
  const double confidence = settings.confidence;
  for (std::size_t w = 0; w < settings.ltv_windows_days.size(); ++w) {
    const int days = settings.ltv_windows_days[w];
    const std::array<LtvGroupSums, 2> groups =
        w < sums.windows.size() ? sums.windows[w] : std::array<LtvGroupSums, 2>{};
    const Moments& others = groups[0].revenue;
    const Moments& adopters = groups[1].revenue;
    LtvWindow window;
    window.days = days;
    window.adopters = describe(adopters, groups[1].repeaters, confidence);
    window.others = describe(others, groups[0].repeaters, confidence);
    window.repeat_difference = two_proportion_test(groups[0].repeaters, others.n,
                                                   groups[1].repeaters, adopters.n, confidence);
    window.revenue_difference = welch_test(others, adopters, confidence);
    if (others.n + adopters.n == 0) {
      window.repeat_difference.reason = window.revenue_difference.reason =
          "the data span less than " + std::to_string(days) +
          " days after any customer's first order";
    }
    result.windows.push_back(std::move(window));
  }
  return result;
}

LtvResult analyze_ltv(const AnalysisContext& ctx) {
  return ltv_from_sums(ltv_sums(ctx), ctx.settings);
}

}  // namespace basketlift
