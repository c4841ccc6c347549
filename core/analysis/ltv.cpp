#include "analysis/ltv.h"

#include <algorithm>
#include <cmath>

#include "analysis/distributions.h"
#include "util/group_by.h"

namespace basketlift {

namespace {

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
  const std::uint32_t customer_count = store.pools.customers.size();
  // Each customer's dated sale orders, grouped by customer (a counting sort of order numbers,
  // 4 bytes an order: no list per customer): customer c's are by_customer[begin[c], begin[c + 1]).
  std::vector<std::uint32_t> begin, by_customer;
  group_by(
      customer_count, orders.size(),
      [&](std::size_t o) {
        const bool dated_sale = ctx.is_sale(static_cast<std::uint32_t>(o)) &&
                                orders.customer[o] != kNoId && orders.time[o] != kNoTime;
        return dated_sale ? orders.customer[o] : kNoId;
      },
      kNoId, begin, by_customer);
  for (std::uint32_t o : by_customer)
    sums.data_end = std::max(sums.data_end, orders.time[o]);
  // In time order (revenue breaking ties, as pairs of both would sort).
  const auto earlier = [&](std::uint32_t a, std::uint32_t b) {
    const std::int64_t ta = orders.time[a], tb = orders.time[b];
    return ta < tb || (ta == tb && ctx.order_revenue[a] < ctx.order_revenue[b]);
  };
  for (std::uint32_t c = 0; c < customer_count; ++c) {
    std::sort(by_customer.begin() + begin[c], by_customer.begin() + begin[c + 1], earlier);
  }

  // Adopters: an order line with a rec_id, or an accepted impression of the customer.
  std::vector<std::uint8_t> adopter(customer_count, 0);
  for (std::size_t l = 0; l < store.lines.size(); ++l) {
    const std::uint32_t customer = orders.customer[store.lines.order[l]];
    if (store.lines.rec[l] != kNoId && customer != kNoId) adopter[customer] = 1;
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
    if (customer != kNoId) adopter[customer] = 1;
  }
  for (std::uint32_t c = 0; c < customer_count; ++c) {
    if (begin[c] == begin[c + 1]) continue;
    ++sums.customers;
    sums.adopters += adopter[c];
  }
  for (int days : ctx.settings.ltv_windows_days) {
    const std::int64_t horizon = std::int64_t{days} * 86400;
    std::array<LtvGroupSums, 2> groups;
    for (std::uint32_t c = 0; c < customer_count; ++c) {
      const std::uint32_t first = begin[c];
      if (first == begin[c + 1]) continue;
      // Only customers whose whole horizon lies inside the data are counted.
      const std::int64_t until = orders.time[by_customer[first]] + horizon;
      if (until > sums.data_end) continue;
      double in_window = 0;
      std::uint32_t k = first;
      for (; k < begin[c + 1] && orders.time[by_customer[k]] <= until; ++k) {
        in_window += ctx.order_revenue[by_customer[k]];
      }
      groups[adopter[c]].revenue.add(in_window);
      groups[adopter[c]].repeaters += k - first > 1;
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
