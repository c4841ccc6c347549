#include "analysis/offer_units.h"

#include <cmath>

#include "util/radix_sort.h"

namespace basketlift {

std::uint64_t order_unit(const Store& store, std::uint32_t o) {
  return store.orders.session[o] != kNoId ? store.orders.session[o] : kOrderUnitBase + o;
}

std::vector<OfferUnit> offer_units(const AnalysisContext& ctx) {
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  std::vector<OfferUnit> parts;
  parts.reserve(im.size() + store.lines.rec.present());
  for (std::size_t i = 0; i < im.size(); ++i) {
    std::uint64_t unit = kImpressionUnitBase + i;
    if (im.session[i] != kNoId) {
      unit = im.session[i];
    } else if (im.order[i] != kNoId && im.order[i] < store.orders.size()) {
      unit = order_unit(store, im.order[i]);
    }
    parts.push_back({im.rec(i), 1, unit, ctx.impression_accepted[i], 0});
  }
  for (std::size_t l = 0; l < store.lines.size(); ++l) {
    if (store.lines.rec[l] == kNoId) continue;
    const double margin = ctx.offer_line_margin(l);
    if (!std::isnan(margin))
      parts.push_back({store.lines.rec[l], 0, order_unit(store, store.lines.order[l]), 0, margin});
  }
  // By offer, then unit (two stable passes: the second key first), then each pair summed.
  radix_sort(parts, [](const OfferUnit& p) { return p.unit; });
  radix_sort(parts, [](const OfferUnit& p) { return std::uint64_t{p.rec}; });
  std::size_t kept = 0;
  for (std::size_t k = 0; k < parts.size();) {
    OfferUnit sum = parts[k];
    std::size_t end = k + 1;
    for (; end < parts.size() && parts[end].rec == sum.rec && parts[end].unit == sum.unit; ++end) {
      sum.impressions += parts[end].impressions;
      sum.accepted += parts[end].accepted;
      sum.margin += parts[end].margin;
    }
    parts[kept++] = sum;
    k = end;
  }
  parts.resize(kept);
  return parts;
}

UnitProfile unit_profile(const AnalysisContext& ctx, std::uint64_t unit) {
  const Store& store = ctx.store;
  UnitProfile profile;
  const auto from_order = [&](std::uint32_t o) {
    if (o >= store.orders.size()) return;
    if (profile.segment == kNoId) profile.segment = store.orders.segment[o];
    if (profile.channel == kNoId) profile.channel = store.orders.channel[o];
  };
  if (unit >= kImpressionUnitBase) return profile;
  if (unit >= kOrderUnitBase) {
    const auto o = static_cast<std::uint32_t>(unit - kOrderUnitBase);
    from_order(o);
    profile.converted = o < store.orders.size() && ctx.is_sale(o);
    return profile;
  }
  const auto session = static_cast<std::uint32_t>(unit);
  const std::uint32_t row = session < store.session_row.size() ? store.session_row[session] : kNoId;
  std::uint32_t orders = 0;
  if (std::size_t{session} + 1 < ctx.session_order_begin.size()) {
    const std::uint32_t begin = ctx.session_order_begin[session];
    const std::uint32_t end = ctx.session_order_begin[session + 1];
    orders = end - begin;
    if (row != kNoId) {
      profile.segment = store.sessions.segment[row];
      profile.channel = store.sessions.channel[row];
    }
    for (std::uint32_t k = begin; k < end; ++k)
      from_order(ctx.session_orders[k]);
  } else if (row != kNoId) {
    profile.segment = store.sessions.segment[row];
    profile.channel = store.sessions.channel[row];
  }
  const std::int8_t flag = row != kNoId ? store.sessions.converted[row] : std::int8_t{-1};
  profile.converted = flag >= 0 ? flag == 1 : orders > 0;
  return profile;
}

}  // namespace basketlift
