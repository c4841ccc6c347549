#include "analysis/context.h"

#include <algorithm>
#include <cmath>

#include "util/group_by.h"
#include "util/row_blocks.h"

namespace basketlift {

namespace {

// Lines grouped by order, without an index when the store keeps them so already.
void group_lines(AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const IdColumn& order = store.lines.order;
  bool grouped = true;
  for (std::size_t i = 0; grouped && i < order.size(); ++i)
    grouped = order[i] != kNoId && (i == 0 || order[i - 1] <= order[i]);
  if (!grouped) {
    group_by(
        store.orders.size(), order.size(), [&](std::size_t i) { return order[i]; }, kNoId,
        ctx.order_line_begin, ctx.order_lines);
    return;
  }
  ctx.order_line_begin.assign(store.orders.size() + 1, 0);
  for (std::size_t i = 0; i < order.size(); ++i)
    ++ctx.order_line_begin[order[i] + 1];
  for (std::size_t o = 0; o < store.orders.size(); ++o)
    ctx.order_line_begin[o + 1] += ctx.order_line_begin[o];
}

// True when some line or catalogue row gives a cost (line_unit_cost() reads nothing else).
bool costs_given(const Store& store) {
  const ProductColumns& p = store.products;
  const auto known = [](double x) { return !std::isnan(x); };
  return store.lines.unit_cost.present() > 0 ||
         std::any_of(p.unit_cost.begin(), p.unit_cost.end(), known) ||
         std::any_of(p.margin_pct.begin(), p.margin_pct.end(), known);
}

// Adds the money of lines [first, last) to their orders and the totals (priced: orders with a
// priced line).
[[gnu::noinline]] void add_line_money(AnalysisContext& ctx, std::vector<std::uint8_t>& priced,
                                      std::size_t first, std::size_t last) {
  const Store& store = ctx.store;
  const LineColumns& lines = store.lines;
  const IdColumn::Reader order_of = lines.order.reader();
  const IdColumn::Reader product_of = lines.product.reader();
  const std::vector<std::uint8_t>& listed = store.products.in_catalogue;
  LineMoney& money = ctx.money;
  constexpr std::size_t kChunk = 256;  // lines whose revenues are worked out at once
  double revenues[kChunk];
  for (std::size_t begin = first; begin < last; begin += kChunk) {
    const std::size_t end = std::min(last, begin + kChunk);
    ctx.line_revenues_in_scope(begin, end, revenues);
    for (std::size_t i = begin; i < end; ++i) {
      const bool has_price = !std::isnan(lines.unit_price[i]);
      const double revenue = revenues[i - begin];
      const double cost = has_price ? ctx.line_cost(i) : kNoNumber;
      if (money.catalogue && !listed[product_of[i]]) {
        ++money.unlisted_lines;
        if (!std::isnan(revenue)) money.unlisted_revenue += revenue;
      }
      if (has_price && std::isnan(cost)) {
        ++money.costless_lines;
        if (!std::isnan(revenue)) money.costless_revenue += revenue;
      }
      if (std::isnan(revenue)) continue;
      const std::uint32_t o = order_of[i];
      ctx.order_revenue[o] += revenue;
      priced[o] = 1;
      ++money.priced_lines;
      money.revenue += revenue;
      if (std::isnan(cost)) continue;
      ctx.order_margin[o] += revenue - cost;
      ++money.costed_lines;
      money.margin += revenue - cost;
      money.revenue_with_cost += revenue;
    }
  }
}

// Money per order and in total, each line's revenue and cost worked out once.
void add_order_money(AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const std::vector<std::uint8_t>& listed = store.products.in_catalogue;
  LineMoney& money = ctx.money;
  money.catalogue = std::any_of(listed.begin(), listed.end(), [](std::uint8_t c) { return c; });
  ctx.order_revenue.assign(store.orders.size(), 0);
  // Without any cost no line has a margin: the orders' margins stay 0 and are not stored.
  if (ctx.costs_given) ctx.order_margin.assign(store.orders.size(), 0);
  std::vector<std::uint8_t> priced(store.orders.size(), 0);
  for_each_block(store.lines.size(), [&](std::size_t first, std::size_t last) {
    add_line_money(ctx, priced, first, last);
  });
  for (std::size_t o = 0; o < priced.size(); ++o) {
    if (priced[o]) money.order_revenue.add(ctx.order_revenue[o]);
  }
}

void add_offer_facts(AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  ctx.offers.assign(store.pools.recs.size(), {});
  for (std::size_t i = 0; i < im.size(); ++i) {
    OfferFacts& offer = ctx.offers[im.rec(i)];
    if (!offer.tracked) {
      offer.tracked = true;
      offer.type = im.type(i);
      offer.placement = im.placement(i);
      offer.anchor = im.anchor(i);
      offer.offered = im.offered(i);
    } else if (offer.placement != im.placement(i)) {
      offer.several_placements = true;
    }
    if (offer.anchor == kNoId) offer.anchor = im.anchor(i);
    ++offer.impressions;
    offer.accepted += ctx.impression_accepted[i];
    if (im.time[i] != kNoTime) {
      if (offer.first_shown == kNoTime || im.time[i] < offer.first_shown)
        offer.first_shown = im.time[i];
      if (offer.last_shown == kNoTime || im.time[i] > offer.last_shown)
        offer.last_shown = im.time[i];
    }
  }
  std::vector<std::uint32_t> last_order(ctx.offers.size(), kNoId);
  // The lines with a rec, walked by the rec column's bits.
  store.lines.rec.for_each_present([&](std::size_t i, std::uint32_t rec) {
    ctx.lines_carry_rec = true;
    OfferFacts& offer = ctx.offers[rec];
    ++offer.lines;
    if (last_order[rec] != store.lines.order[i]) {
      last_order[rec] = store.lines.order[i];
      ++offer.orders;
    }
    const double revenue = ctx.line_revenue_in_scope(i);
    const double value = ctx.offer_line_value(i, revenue);
    if (!std::isnan(value)) offer.revenue += value;
    const double margin =
        ctx.offer_line_margin(i, revenue, std::isnan(revenue) ? kNoNumber : ctx.line_cost(i));
    if (std::isnan(margin)) {
      offer.lines_without_cost += !std::isnan(value);
    } else {
      offer.margin += margin;
    }
    if (offer.tracked && offer.type == OfferType::upsell && offer.anchor != kNoId &&
        std::isnan(store.products.price[offer.anchor])) {
      offer.anchor_price_missing = true;
    }
  });
}

}  // namespace

void AnalysisContext::line_revenues_in_scope(std::size_t first, std::size_t last,
                                             double* out) const {
  const LineColumns& lines = store.lines;
  // Columns decoded a chunk of lines at a time into buffers that stay in the first-level cache.
  constexpr std::size_t kChunk = 256;
  double price[kChunk], discount[kChunk];
  for (std::size_t begin = first; begin < last; begin += kChunk) {
    const std::size_t end = std::min(last, begin + kChunk);
    double* const revenue = out + (begin - first);
    lines.quantity.read(begin, end, revenue);
    lines.unit_price.read(begin, end, price);
    lines.discount.read(begin, end, discount);
    for (std::size_t k = 0; k < end - begin; ++k)
      revenue[k] = revenue[k] * price[k] - discount[k];  // line_revenue()'s expression
  }
  if (currency.includes_every_line()) return;
  const IdColumn::Reader order_of = lines.order.reader();
  for (std::size_t i = first; i < last; ++i) {
    if (!currency.includes(order_of[i])) out[i - first] = kNoNumber;
  }
}

double AnalysisContext::offer_line_value(std::size_t i) const {
  return offer_line_value(i, line_revenue_in_scope(i));
}

// Out of line: inlined into each of its callers, it made the wasm module about 500 bytes larger
// gzipped.
[[gnu::noinline]] double AnalysisContext::offer_line_value(std::size_t i, double revenue) const {
  const OfferFacts& offer = offers[store.lines.rec[i]];
  if (std::isnan(revenue) || !offer.tracked || offer.type != OfferType::upsell ||
      offer.anchor == kNoId)
    return revenue;
  const double anchor_price = store.products.price[offer.anchor];
  if (std::isnan(anchor_price)) return revenue;  // reported: anchor_price_missing
  return revenue - store.lines.quantity[i] * anchor_price;
}

double AnalysisContext::offer_line_margin(std::size_t i) const {
  const double revenue = line_revenue_in_scope(i);
  return offer_line_margin(i, revenue, std::isnan(revenue) ? kNoNumber : line_cost(i));
}

double AnalysisContext::offer_line_margin(std::size_t i, double revenue, double cost) const {
  if (std::isnan(revenue) || std::isnan(cost)) return kNoNumber;
  const double margin = revenue - cost;
  const OfferFacts& offer = offers[store.lines.rec[i]];
  if (!offer.tracked || offer.type != OfferType::upsell || offer.anchor == kNoId) return margin;
  const ProductColumns& p = store.products;
  const double anchor_price = p.price[offer.anchor];
  double anchor_cost = p.unit_cost[offer.anchor];
  if (std::isnan(anchor_cost) && !std::isnan(p.margin_pct[offer.anchor])) {
    anchor_cost = anchor_price * (1 - p.margin_pct[offer.anchor] / 100);
  }
  if (std::isnan(anchor_price) || std::isnan(anchor_cost)) return margin;
  return margin - store.lines.quantity[i] * (anchor_price - anchor_cost);
}

void derive_acceptance(AnalysisContext& ctx);  // acceptance.cpp

AnalysisContext build_context(const Store& store, const Settings& settings) {
  AnalysisContext ctx{store, settings, currency_scope(store), {}, {}, {}, {}, {}, {}, {}, {}, 0,
                      false, {},       costs_given(store)};
  add_order_money(ctx);
  group_lines(ctx);
  // Only the sessions' and the impressions' analyses look up a session's orders.
  if (store.sessions.size() > 0 || store.impressions.size() > 0) {
    group_by(
        store.pools.sessions.size(), store.orders.size(),
        [&](std::size_t o) {
          return ctx.is_sale(static_cast<std::uint32_t>(o)) ? store.orders.session[o] : kNoId;
        },
        kNoId, ctx.session_order_begin, ctx.session_orders);
  }
  derive_acceptance(ctx);
  add_offer_facts(ctx);
  return ctx;
}

}  // namespace basketlift
