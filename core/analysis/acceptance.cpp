// Acceptance of impressions that do not say whether they were taken (SPEC §2.3): the offer was
// accepted when an order of the same order, session, or customer (within the attribution
// window) holds a line with its rec_id, or, when lines carry no rec_id, the offered product.
#include <algorithm>
#include <cmath>

#include "analysis/context.h"

namespace basketlift {

namespace {

// Does order o hold impression i's offer?
bool order_holds(const AnalysisContext& ctx, std::uint32_t o, std::size_t i, bool by_rec) {
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  // Does a line of order o pass `test`?
  const auto any_line = [&](auto test) {
    for (std::uint32_t k = ctx.order_line_begin[o]; k < ctx.order_line_begin[o + 1]; ++k) {
      if (test(ctx.order_line(k))) return true;
    }
    return false;
  };
  if (by_rec) return any_line([&](std::uint32_t l) { return store.lines.rec[l] == im.rec(i); });
  const auto has_product = [&](std::uint32_t product) {
    return any_line([&](std::uint32_t l) { return store.lines.product[l] == product; });
  };
  const auto [bundle_begin, bundle_end] = im.bundle(i);
  if (bundle_end > bundle_begin) {
    for (std::uint32_t k = bundle_begin; k < bundle_end; ++k) {
      if (!has_product(im.bundle_parts()[k])) return false;
    }
    return true;
  }
  return im.offered(i) != kNoId && has_product(im.offered(i));
}

}  // namespace

void derive_acceptance(AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  const bool by_rec = store.lines.rec.present() > 0;
  ctx.impression_accepted.assign(im.size(), 0);
  // Orders per customer, sorted by time, built only when an impression needs it.
  std::vector<std::uint32_t> customer_begin, customer_orders;
  const auto window = static_cast<std::int64_t>(ctx.settings.attribution_window_hours * 3600);
  for (std::size_t i = 0; i < im.size(); ++i) {
    if (im.accepted[i] >= 0) {
      ctx.impression_accepted[i] = static_cast<std::uint8_t>(im.accepted[i]);
      continue;
    }
    ++ctx.accepted_derived;
    bool accepted = false;
    if (im.order[i] != kNoId && im.order[i] < store.orders.size() && ctx.is_sale(im.order[i])) {
      accepted = order_holds(ctx, im.order[i], i, by_rec);
    } else if (im.session[i] != kNoId && im.session[i] + 1 < ctx.session_order_begin.size()) {
      for (std::uint32_t k = ctx.session_order_begin[im.session[i]];
           k < ctx.session_order_begin[im.session[i] + 1] && !accepted; ++k) {
        accepted = order_holds(ctx, ctx.session_orders[k], i, by_rec);
      }
    } else if (im.customer[i] != kNoId && im.time[i] != kNoTime) {
      if (customer_begin.empty()) {
        customer_begin.assign(store.pools.customers.size() + 1, 0);
        for (std::size_t o = 0; o < store.orders.size(); ++o) {
          if (ctx.is_sale(static_cast<std::uint32_t>(o)) && store.orders.customer[o] != kNoId)
            ++customer_begin[store.orders.customer[o] + 1];
        }
        for (std::size_t c = 0; c + 1 < customer_begin.size(); ++c)
          customer_begin[c + 1] += customer_begin[c];
        customer_orders.assign(customer_begin.back(), 0);
        std::vector<std::uint32_t> next(customer_begin.begin(), customer_begin.end() - 1);
        for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
          if (ctx.is_sale(o) && store.orders.customer[o] != kNoId)
            customer_orders[next[store.orders.customer[o]]++] = o;
        }
      }
      const std::uint32_t c = im.customer[i];
      for (std::uint32_t k = customer_begin[c]; k < customer_begin[c + 1] && !accepted; ++k) {
        const std::uint32_t o = customer_orders[k];
        const std::int64_t t = store.orders.time[o];
        if (t != kNoTime && t >= im.time[i] && t - im.time[i] <= window)
          accepted = order_holds(ctx, o, i, by_rec);
      }
    }
    ctx.impression_accepted[i] = accepted;
  }
}

}  // namespace basketlift
