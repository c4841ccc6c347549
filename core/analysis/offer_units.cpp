#include "analysis/offer_units.h"

#include <algorithm>
#include <cmath>

#include "analysis/experiment_units.h"
#include "util/group_by.h"
#include "util/radix_sort.h"

namespace basketlift {

std::uint64_t order_unit(const Store& store, std::uint32_t o) {
  return store.orders.session[o] != kNoId ? store.orders.session[o] : kOrderUnitBase + o;
}

OfferUnits::OfferUnits(const AnalysisContext& ctx) : ctx_(ctx) {
  const Store& store = ctx.store;
  const std::size_t offers = store.pools.recs.size();
  group_by(
      offers, store.impressions.size(), [&](std::size_t i) { return store.impressions.rec(i); },
      kNoId, impression_begin_, impressions_);
  group_by(
      offers, store.lines.size(),
      [&](std::size_t l) {
        const std::uint32_t rec = store.lines.rec[l];
        return rec != kNoId && !std::isnan(ctx.offer_line_margin(l)) ? rec : kNoId;
      },
      kNoId, line_begin_, lines_);
}

template <typename Window>
const std::vector<OfferUnit>& OfferUnits::collect(std::uint32_t rec, Window window) {
  const Store& store = ctx_.store;
  const ImpressionColumns& im = store.impressions;
  units_.clear();
  for (const std::uint32_t i : impressions_of(rec)) {
    const int w = window(im.time[i]);
    if (w < 0) continue;
    std::uint64_t unit = kImpressionUnitBase + i;
    if (im.session[i] != kNoId) {
      unit = im.session[i];
    } else if (im.order[i] != kNoId && im.order[i] < store.orders.size()) {
      unit = order_unit(store, im.order[i]);
    }
    units_.push_back(
        {rec, 1, unit + (w > 0 ? kLaterWindowBase : 0), ctx_.impression_accepted[i], 0});
  }
  for (std::uint32_t k = line_begin_[rec]; k < line_begin_[rec + 1]; ++k) {
    const std::uint32_t l = lines_[k];
    const std::uint32_t o = store.lines.order[l];
    const int w = window(store.orders.time[o]);
    if (w < 0) continue;
    units_.push_back({rec, 0, order_unit(store, o) + (w > 0 ? kLaterWindowBase : 0), 0,
                      ctx_.offer_line_margin(l)});
  }
  // By unit, stable (impressions in the store's order, then lines), then each unit summed.
  const auto unit_of = [](const OfferUnit& p) { return p.unit; };
  if (units_.size() > 256) {
    radix_sort(units_, unit_of);
  } else {  // offers shown a few times (a rec_id per product pair): no 256-entry passes
    std::stable_sort(units_.begin(), units_.end(), [&](const OfferUnit& a, const OfferUnit& b) {
      return unit_of(a) < unit_of(b);
    });
  }
  std::size_t kept = 0;
  for (std::size_t k = 0; k < units_.size();) {
    OfferUnit sum = units_[k];
    std::size_t end = k + 1;
    for (; end < units_.size() && units_[end].unit == sum.unit; ++end) {
      sum.impressions += units_[end].impressions;
      sum.accepted += units_[end].accepted;
      sum.margin += units_[end].margin;
    }
    units_[kept++] = sum;
    k = end;
  }
  units_.resize(kept);
  return units_;
}

const std::vector<OfferUnit>& OfferUnits::of(std::uint32_t rec) {
  return collect(rec, [](std::int64_t) { return 0; });
}

const std::vector<OfferUnit>& OfferUnits::of_windows(std::uint32_t rec, std::int64_t start,
                                                     std::int64_t split, std::int64_t end) {
  return collect(rec, [&](std::int64_t t) {
    if (t == kNoTime || t <= start || t > end) return -1;
    return t > split ? 1 : 0;
  });
}

std::vector<std::uint64_t> arms_showing(const AnalysisContext& ctx, const ExperimentUnits& units) {
  const Store& store = ctx.store;
  std::vector<std::uint64_t> arms(store.pools.recs.size(), 0);
  for (std::size_t i = 0; i < store.impressions.size(); ++i) {
    const std::uint32_t variant = store.impressions.variant[i];
    std::uint32_t label = variant;
    if (label == kNoId && store.impressions.session[i] != kNoId &&
        store.impressions.session[i] < store.session_row.size() &&
        store.session_row[store.impressions.session[i]] != kNoId) {
      label = store.sessions.variant[store.session_row[store.impressions.session[i]]];
    }
    const auto it = std::find(units.arm_labels.begin(), units.arm_labels.end(), label);
    if (it != units.arm_labels.end() && it - units.arm_labels.begin() < 64) {
      arms[store.impressions.rec(i)] |= std::uint64_t{1} << (it - units.arm_labels.begin());
    }
  }
  return arms;
}

double exposed_orders(const AnalysisContext& ctx, std::span<const std::uint32_t> impressions,
                      std::vector<std::uint64_t>& seen) {
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  seen.clear();
  for (const std::uint32_t i : impressions) {
    if (im.session[i] != kNoId) {
      seen.push_back(im.session[i]);
    } else if (im.order[i] != kNoId) {
      seen.push_back(kOrderUnitBase + im.order[i]);
    }
  }
  if (seen.size() > 256) {
    radix_sort(seen, [](std::uint64_t unit) { return unit; });
  } else {  // an offer shown a few times: no 256-entry passes
    std::sort(seen.begin(), seen.end());
  }
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  double orders = 0;
  for (const std::uint64_t unit : seen) {
    if (unit >= kOrderUnitBase) {
      const auto o = static_cast<std::uint32_t>(unit - kOrderUnitBase);
      orders += o < store.orders.size() && ctx.is_sale(o);
    } else if (unit + 1 < ctx.session_order_begin.size()) {
      orders += ctx.session_order_begin[unit + 1] - ctx.session_order_begin[unit];
    }
  }
  return orders;
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
