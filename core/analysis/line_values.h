// SPEC §3.1 definitions for one order line: revenue and cost of goods.
#pragma once

#include <cmath>
#include <cstddef>

#include "store/store.h"

namespace basketlift {

/// Line revenue = quantity × unit_price − discount; NaN when the line has no price.
inline double line_revenue(const LineColumns& lines, std::size_t i) {
  return lines.quantity[i] * lines.unit_price[i] - lines.discount[i];
}

/// Unit cost of a line: the line's own unit_cost, else the catalogue's unit_cost, else the
/// catalogue price (or the line's price) × (1 − margin_pct/100); NaN when none is known.
inline double line_unit_cost(const Store& store, std::size_t i) {
  const double own = store.lines.unit_cost[i];
  if (!std::isnan(own)) return own;
  const std::uint32_t product = store.lines.product[i];
  const ProductColumns& products = store.products;
  if (!std::isnan(products.unit_cost[product])) return products.unit_cost[product];
  const double margin_pct = products.margin_pct[product];
  if (std::isnan(margin_pct)) return kNoNumber;
  const double price =
      std::isnan(products.price[product]) ? store.lines.unit_price[i] : products.price[product];
  return price * (1 - margin_pct / 100);
}

/// Cost of goods of a line = quantity × unit cost; NaN when unknown.
inline double line_cost(const Store& store, std::size_t i) {
  return store.lines.quantity[i] * line_unit_cost(store, i);
}

}  // namespace basketlift
