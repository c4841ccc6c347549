#include "analysis/currency_scope.h"

#include <algorithm>

#include "analysis/line_values.h"

namespace basketlift {

CurrencyScope currency_scope(const Store& store) {
  const OrderColumns& orders = store.orders;
  CurrencyScope scope;
  const IdColumn::Reader currency = orders.currency.reader();
  const IdColumn::Reader line_count = orders.line_count.reader();
  std::vector<std::uint64_t> orders_per_currency(store.pools.labels.size(), 0);
  for (std::size_t o = 0; o < orders.size(); ++o) {
    if (line_count[o] > 0 && currency[o] != kNoId) ++orders_per_currency[currency[o]];
  }
  for (std::uint32_t c = 0; c < orders_per_currency.size(); ++c) {
    if (orders_per_currency[c] == 0) continue;
    // Most orders wins; ties go to the currency seen first.
    if (scope.main == kNoId || orders_per_currency[c] > orders_per_currency[scope.main])
      scope.main = c;
  }
  scope.in_scope.assign(orders.size(), 0);
  std::vector<std::uint32_t> other_ids;
  std::uint8_t* in_scope = scope.in_scope.data();
  for (std::uint32_t o = 0; o < orders.size(); ++o) {
    const std::uint32_t id = currency[o];
    in_scope[o] = id == kNoId || id == scope.main;
    if (in_scope[o] || line_count[o] == 0) continue;
    if (std::find(other_ids.begin(), other_ids.end(), id) == other_ids.end())
      other_ids.push_back(id);
  }
  for (std::uint32_t id : other_ids) {
    scope.others.push_back({std::string(store.pools.labels.view(id)), orders_per_currency[id], 0});
  }
  // Their revenue: a walk over every line, only when there are other currencies.
  if (!other_ids.empty()) {
    for (std::size_t i = 0; i < store.lines.size(); ++i) {
      const std::uint32_t order = store.lines.order[i];
      if (scope.in_scope[order]) continue;
      const double revenue = line_revenue(store.lines, i);
      if (revenue != revenue) continue;  // no price
      for (std::size_t k = 0; k < other_ids.size(); ++k) {
        if (other_ids[k] == currency[order]) scope.others[k].revenue += revenue;
      }
    }
  }
  std::stable_sort(
      scope.others.begin(), scope.others.end(),
      [](const OtherCurrency& a, const OtherCurrency& b) { return a.orders > b.orders; });
  return scope;
}

}  // namespace basketlift
