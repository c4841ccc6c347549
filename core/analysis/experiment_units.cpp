#include "analysis/experiment_units.h"

#include <algorithm>

namespace basketlift {

namespace {

// Adds unit slots for `count` units (the arm alone for UnitDetail::arms). Columns that would
// hold only zeros stay empty: margins when no cost is given, impressions when there are none.
void resize_units(const AnalysisContext& ctx, ExperimentUnits& u, std::size_t count,
                  UnitDetail detail) {
  u.arm.assign(count, -1);
  if (detail == UnitDetail::arms) return;
  u.converted.assign(count, 0);
  u.orders.assign(count, 0);
  u.revenue.assign(count, 0);
  if (!ctx.order_margin.empty()) u.margin.assign(count, 0);
  if (ctx.store.impressions.size() > 0) {
    u.impressions.assign(count, 0);
    u.accepted.assign(count, 0);
  }
  u.channel.assign(count, kNoId);
  u.segment.assign(count, kNoId);
  u.customer.assign(count, kNoId);
}

// Gives `unit` the outcomes and (where still missing) the attributes of sale order o.
void add_order(const AnalysisContext& ctx, ExperimentUnits& u, std::size_t unit, std::uint32_t o,
               std::vector<std::uint32_t>& variant_of_unit) {
  const OrderColumns& orders = ctx.store.orders;
  u.orders[unit] += 1;
  u.revenue[unit] += ctx.order_revenue[o];
  if (!u.margin.empty()) u.margin[unit] += ctx.order_margin[o];
  if (variant_of_unit[unit] == kNoId) variant_of_unit[unit] = orders.variant[o];
  if (u.channel[unit] == kNoId) u.channel[unit] = orders.channel[o];
  if (u.segment[unit] == kNoId) u.segment[unit] = orders.segment[o];
  if (u.customer[unit] == kNoId) u.customer[unit] = orders.customer[o];
}

// Arms: control first, then the others in order of first appearance; each unit's arm index.
void assign_arms(const AnalysisContext& ctx, const std::vector<std::uint32_t>& variant_of_unit,
                 ExperimentUnits& u) {
  const Store& store = ctx.store;
  const auto control = store.pools.labels.find(ctx.settings.control_arm);
  if (control && std::find(variant_of_unit.begin(), variant_of_unit.end(), *control) !=
                     variant_of_unit.end()) {
    u.arm_labels.push_back(*control);
    u.has_control = true;
  }
  for (std::uint32_t variant : variant_of_unit) {
    if (variant != kNoId &&
        std::find(u.arm_labels.begin(), u.arm_labels.end(), variant) == u.arm_labels.end()) {
      u.arm_labels.push_back(variant);
    }
  }
  for (std::size_t unit = 0; unit < u.size(); ++unit) {
    const auto it = std::find(u.arm_labels.begin(), u.arm_labels.end(), variant_of_unit[unit]);
    if (variant_of_unit[unit] == kNoId || it == u.arm_labels.end()) {
      ++u.untagged;
    } else {
      u.arm[unit] = static_cast<std::int16_t>(it - u.arm_labels.begin());
    }
  }
}

}  // namespace

const char* unit_kind_name(UnitKind kind) {
  switch (kind) {
    case UnitKind::session:
      return "session";
    case UnitKind::order_session:
      return "order_session";
    case UnitKind::order:
      return "order";
  }
  return "order";
}

ExperimentUnits build_units(const AnalysisContext& ctx, UnitDetail detail) {
  const Store& store = ctx.store;
  const bool full = detail == UnitDetail::full;
  ExperimentUnits u;
  // unit_of_session: Pools::sessions id → unit; unit_of_order when orders are the units.
  std::vector<std::uint32_t> unit_of_session(store.pools.sessions.size(), kNoId);
  std::vector<std::uint32_t> unit_of_order;
  std::vector<std::uint32_t> variant_of_unit;
  const bool orders_have_sessions = store.orders.session.any();
  if (store.sessions.size() > 0) {
    u.kind = UnitKind::session;
    resize_units(ctx, u, store.sessions.size(), detail);
    variant_of_unit.resize(store.sessions.size());
    for (std::size_t r = 0; r < store.sessions.size(); ++r) {
      variant_of_unit[r] = store.sessions.variant[r];
      unit_of_session[store.sessions.session[r]] = static_cast<std::uint32_t>(r);
      if (!full) continue;
      u.channel[r] = store.sessions.channel[r];
      u.segment[r] = store.sessions.segment[r];
      u.customer[r] = store.sessions.customer[r];
    }
  } else if (orders_have_sessions) {
    u.kind = UnitKind::order_session;
    std::uint32_t next = 0;
    for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
      const std::uint32_t s = store.orders.session[o];
      if (ctx.is_sale(o) && s != kNoId && unit_of_session[s] == kNoId) unit_of_session[s] = next++;
    }
    resize_units(ctx, u, next, detail);
    variant_of_unit.assign(next, kNoId);
  } else {
    u.kind = UnitKind::order;
    unit_of_order.assign(store.orders.size(), kNoId);
    std::uint32_t next = 0;
    for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
      if (ctx.is_sale(o)) unit_of_order[o] = next++;
    }
    resize_units(ctx, u, next, detail);
    variant_of_unit.assign(next, kNoId);
  }
  if (full && u.kind != UnitKind::session) u.first_order_time.assign(u.size(), kNoTime);
  for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    const std::uint32_t unit =
        u.kind == UnitKind::order
            ? unit_of_order[o]
            : (store.orders.session[o] == kNoId ? kNoId : unit_of_session[store.orders.session[o]]);
    if (unit == kNoId) {
      ++u.orders_outside_units;
      continue;
    }
    if (full) {
      add_order(ctx, u, unit, o, variant_of_unit);
      if (u.kind != UnitKind::session) {
        const std::int64_t t = store.orders.time[o];
        std::int64_t& first = u.first_order_time[unit];
        if (t != kNoTime && (first == kNoTime || t < first)) first = t;
      }
    } else if (variant_of_unit[unit] == kNoId) {
      variant_of_unit[unit] = store.orders.variant[o];
    }
  }
  for (std::size_t unit = 0; full && unit < u.size(); ++unit) {
    const std::int8_t flag =
        u.kind == UnitKind::session ? store.sessions.converted[unit] : std::int8_t{-1};
    u.converted[unit] = flag >= 0 ? static_cast<std::uint8_t>(flag) : u.orders[unit] > 0;
  }

  // Impressions: counts and the placements each unit saw.
  const ImpressionColumns& im = store.impressions;
  const auto unit_of = [&](std::size_t i) {
    if (u.kind == UnitKind::order) {
      const std::uint32_t o = im.order[i];
      return o != kNoId && o < unit_of_order.size() ? unit_of_order[o] : kNoId;
    }
    return im.session[i] != kNoId ? unit_of_session[im.session[i]] : kNoId;
  };
  if (!full) {
    for (std::size_t i = 0; i < im.size(); ++i) {
      const std::uint32_t unit = unit_of(i);
      if (unit != kNoId && variant_of_unit[unit] == kNoId) variant_of_unit[unit] = im.variant[i];
    }
    assign_arms(ctx, variant_of_unit, u);
    return u;
  }
  if (im.size() == 0) {
    assign_arms(ctx, variant_of_unit, u);
    return u;
  }
  u.placement_begin.assign(u.size() + 1, 0);
  for (std::size_t i = 0; i < im.size(); ++i) {
    const std::uint32_t unit = unit_of(i);
    if (unit == kNoId) continue;
    u.impressions[unit] += 1;
    u.accepted[unit] += ctx.impression_accepted[i];
    ++u.placement_begin[unit + 1];
    if (variant_of_unit[unit] == kNoId) variant_of_unit[unit] = im.variant[i];
  }
  // Placements grouped by unit (a counting sort filling each unit's range from its end, so
  // placement_begin[unit + 1] ends at the unit's start and no cursor per unit is needed), then
  // each unit's few sorted and made distinct.
  for (std::size_t unit = 0; unit < u.size(); ++unit)
    u.placement_begin[unit + 1] += u.placement_begin[unit];
  u.placements.resize(u.placement_begin.back());
  for (std::size_t i = 0; i < im.size(); ++i) {
    const std::uint32_t unit = unit_of(i);
    if (unit != kNoId) u.placements[--u.placement_begin[unit + 1]] = im.placement(i);
  }
  std::copy(u.placement_begin.begin() + 1, u.placement_begin.end(), u.placement_begin.begin());
  u.placement_begin[u.size()] = static_cast<std::uint32_t>(u.placements.size());
  std::uint32_t kept = 0;
  for (std::size_t unit = 0; unit < u.size(); ++unit) {
    const auto first = u.placements.begin() + u.placement_begin[unit];
    const auto last = u.placements.begin() + u.placement_begin[unit + 1];
    std::sort(first, last);
    const auto distinct = static_cast<std::uint32_t>(std::unique(first, last) - first);
    std::copy(first, first + distinct, u.placements.begin() + kept);
    u.placement_begin[unit] = kept;
    kept += distinct;
  }
  u.placement_begin[u.size()] = kept;
  u.placements.resize(kept);
  u.placements.shrink_to_fit();

  assign_arms(ctx, variant_of_unit, u);
  return u;
}

}  // namespace basketlift
