#include "analysis/dimensions.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <optional>

#include "analysis/offers.h"

namespace basketlift {

namespace {

// A dimension's grouping: a label per order, per line or per offer (rec), as dense keys.
struct Grouping {
  std::string name;
  DimensionBasis basis;
  std::function<std::uint32_t(std::uint32_t)> key;  // order / line / rec → key (kNoId: not set)
  std::function<std::uint32_t(std::uint32_t)> impression_key;   // impression → key
  std::function<std::string(std::uint32_t)> label;              // key → text
  std::function<std::string(std::uint32_t)> display = nullptr;  // key → display name (products)
};

// A grouping's keys, looked up once: per order, line or rec (by basis) and per impression.
struct Keys {
  std::vector<std::uint32_t> of_unit;        // order / line / rec → key
  std::vector<std::uint32_t> of_impression;  // impression → key
};

Keys keys_of(const AnalysisContext& ctx, const Grouping& g) {
  const Store& store = ctx.store;
  Keys keys;
  const std::size_t units = g.basis == DimensionBasis::orders  ? store.orders.size()
                            : g.basis == DimensionBasis::lines ? store.lines.size()
                                                               : store.pools.recs.size();
  keys.of_unit.resize(units);
  for (std::uint32_t u = 0; u < units; ++u)
    keys.of_unit[u] = g.key(u);
  keys.of_impression.resize(store.impressions.size());
  for (std::uint32_t i = 0; i < keys.of_impression.size(); ++i)
    keys.of_impression[i] = g.impression_key(i);
  return keys;
}

// Computes figures per key, where `slot(key)` maps a key to the figure index (the tail of small
// groups may share one slot). Order counts are of distinct orders per slot.
template <typename Slot>
void accumulate(const AnalysisContext& ctx, DimensionBasis basis, const Keys& keys, Slot slot,
                std::vector<GroupFigures>& figures) {
  const Store& store = ctx.store;
  std::vector<std::size_t> seen;  // slots already counted for the current order
  for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    seen.clear();
    bool attached = false;
    for (std::uint32_t k = ctx.order_line_begin[o]; k < ctx.order_line_begin[o + 1]; ++k) {
      const std::uint32_t line = ctx.order_lines[k];
      const std::uint32_t rec = store.lines.rec[line];
      attached = attached || rec != kNoId;
      std::size_t target = SIZE_MAX;
      if (basis == DimensionBasis::lines) {
        target = slot(keys.of_unit[line]);
      } else if (basis == DimensionBasis::offers && rec != kNoId) {
        target = slot(keys.of_unit[rec]);
      }
      if (rec != kNoId) {
        // Offer lines count in the group of their offer (offers basis), product or order.
        const std::size_t offer_target =
            basis == DimensionBasis::orders ? slot(keys.of_unit[o]) : target;
        const double value = ctx.offer_line_value(line), margin = ctx.offer_line_margin(line);
        if (!std::isnan(value)) figures[offer_target].offer_revenue += value;
        if (!std::isnan(margin)) figures[offer_target].offer_margin += margin;
      }
      if (basis == DimensionBasis::lines) {
        const double revenue = ctx.line_revenue_in_scope(line);
        if (!std::isnan(revenue)) {
          figures[target].revenue += revenue;
          const double cost = line_cost(store, line);
          if (!std::isnan(cost)) figures[target].margin += revenue - cost;
        }
      }
      if (target != SIZE_MAX && std::find(seen.begin(), seen.end(), target) == seen.end())
        seen.push_back(target);
    }
    if (basis == DimensionBasis::orders) seen.push_back(slot(keys.of_unit[o]));
    for (std::size_t target : seen) {
      GroupFigures& f = figures[target];
      f.orders += 1;
      f.order_revenue += ctx.order_revenue[o];
      f.attached_orders += attached;
      if (basis != DimensionBasis::lines) {
        f.revenue += ctx.order_revenue[o];
        f.margin += ctx.order_margin[o];
      }
    }
  }
  for (std::uint32_t i = 0; i < keys.of_impression.size(); ++i) {
    GroupFigures& f = figures[slot(keys.of_impression[i])];
    f.impressions += 1;
    f.accepted += ctx.impression_accepted[i];
  }
}

// The whole data as one group; it depends on the basis only, so dimensions share it.
GroupFigures total_of(const AnalysisContext& ctx, DimensionBasis basis, const Keys& keys) {
  std::vector<GroupFigures> total(1);
  accumulate(
      ctx, basis, keys, [](std::uint32_t) { return std::size_t{0}; }, total);
  total[0].key = "total";
  return total[0];
}

Dimension compute(const AnalysisContext& ctx, const Grouping& g, std::size_t key_count,
                  std::optional<GroupFigures>& total) {
  Dimension d{g.name, g.basis, {}, {}, 0};
  const Keys keys = keys_of(ctx, g);
  // First pass: one slot per key (plus "not set") to rank the groups.
  const std::size_t not_set = key_count;
  std::vector<GroupFigures> per_key(key_count + 1);
  accumulate(
      ctx, g.basis, keys, [&](std::uint32_t key) { return key == kNoId ? not_set : key; }, per_key);
  std::vector<std::size_t> present;
  for (std::size_t k = 0; k <= key_count; ++k) {
    const GroupFigures& f = per_key[k];
    if (f.orders > 0 || f.impressions > 0 || f.offer_revenue != 0) present.push_back(k);
  }
  d.group_count = present.size();
  const auto weight = [&](std::size_t k) {
    return g.basis == DimensionBasis::offers ? per_key[k].impressions + per_key[k].orders
                                             : per_key[k].revenue + per_key[k].orders;
  };
  std::stable_sort(present.begin(), present.end(),
                   [&](std::size_t a, std::size_t b) { return weight(a) > weight(b); });
  const std::size_t keep = std::min<std::size_t>(present.size(), ctx.settings.max_dimension_groups);
  std::vector<std::size_t> slot_of_key(key_count + 1, keep);  // the tail shares slot `keep`
  for (std::size_t rank = 0; rank < keep; ++rank)
    slot_of_key[present[rank]] = rank;
  if (keep == present.size()) {
    for (std::size_t rank = 0; rank < keep; ++rank)
      d.groups.push_back(per_key[present[rank]]);
  } else {
    // Second pass with the tail merged, so its distinct-order counts stay right.
    d.groups.assign(keep + 1, {});
    accumulate(
        ctx, g.basis, keys,
        [&](std::uint32_t key) { return slot_of_key[key == kNoId ? not_set : key]; }, d.groups);
  }
  for (std::size_t rank = 0; rank < keep; ++rank) {
    const bool is_set = present[rank] != not_set;
    const auto key = static_cast<std::uint32_t>(present[rank]);
    d.groups[rank].key = is_set ? g.label(key) : "(not set)";
    if (is_set && g.display) d.groups[rank].name = g.display(key);
  }
  if (d.groups.size() > keep)
    d.groups[keep].key = "(other " + std::to_string(present.size() - keep) + ")";
  if (!total) total = total_of(ctx, g.basis, keys);
  d.total = *total;
  return d;
}

}  // namespace

std::vector<const char*> additive_measures(DimensionBasis basis) {
  switch (basis) {
    case DimensionBasis::orders:
      return {"orders",      "revenue",  "margin",        "attached_orders",
              "impressions", "accepted", "offer_revenue", "offer_margin"};
    case DimensionBasis::lines:
      return {"revenue", "margin", "impressions", "accepted", "offer_revenue", "offer_margin"};
    case DimensionBasis::offers:
      return {"impressions", "accepted", "offer_revenue", "offer_margin"};
  }
  return {};
}

DimensionsResult analyze_dimensions(const AnalysisContext& ctx) {
  const Store& store = ctx.store;
  DimensionsResult result;
  if (store.lines.size() == 0) {
    result.reason = "no order was read";
    return result;
  }
  result.available = true;
  const Pools& pools = store.pools;
  const ImpressionColumns& im = store.impressions;
  const auto label = [&](std::uint32_t id) { return std::string(pools.labels.view(id)); };
  const auto rec_facts = [&](std::uint32_t rec) -> const OfferFacts& { return ctx.offers[rec]; };
  // Sessions give impressions their channel and segment; an impression's order does otherwise.
  const auto session_field = [&](std::uint32_t i, const IdColumn& session_column,
                                 const IdColumn& order_column) {
    const std::uint32_t s = im.session[i];
    if (s != kNoId && s < store.session_row.size() && store.session_row[s] != kNoId) {
      const std::uint32_t value = session_column[store.session_row[s]];
      if (value != kNoId) return value;
    }
    const std::uint32_t o = im.order[i];
    return o != kNoId && o < store.orders.size() ? order_column[o] : kNoId;
  };
  const std::uint32_t recs = pools.recs.size();
  const auto type_key = [&](std::uint32_t rec) {
    return rec_facts(rec).tracked ? static_cast<std::uint32_t>(rec_facts(rec).type) : kNoId;
  };
  const auto placement_key = [&](std::uint32_t rec) {
    return rec_facts(rec).tracked ? rec_facts(rec).placement : kNoId;
  };
  const std::uint32_t placements = pools.labels.size();
  const auto type_placement_key = [&](std::uint32_t rec) {
    return rec_facts(rec).tracked ? static_cast<std::uint32_t>(rec_facts(rec).type) * placements +
                                        rec_facts(rec).placement
                                  : kNoId;
  };
  const auto product_key = [&](std::uint32_t line) { return store.lines.product[line]; };
  const auto impression_product = [&](std::uint32_t i) { return im.offered(i); };
  const auto on_products = [&](const std::vector<std::uint32_t>& column) {
    return [&column, &store](std::uint32_t line) { return column[store.lines.product[line]]; };
  };
  const auto impression_on_products = [&](const std::vector<std::uint32_t>& column) {
    return [&column, &im](std::uint32_t i) {
      return im.offered(i) == kNoId ? kNoId : column[im.offered(i)];
    };
  };

  std::vector<std::pair<Grouping, std::size_t>> groupings;
  groupings.push_back({{"offer", DimensionBasis::offers, [](std::uint32_t rec) { return rec; },
                        [&](std::uint32_t i) { return im.rec(i); },
                        [&](std::uint32_t rec) { return std::string(pools.recs.view(rec)); }},
                       recs});
  groupings.push_back(
      {{"type", DimensionBasis::offers, type_key,
        [&](std::uint32_t i) { return type_key(im.rec(i)); },
        [](std::uint32_t t) { return std::string(offer_type_name(static_cast<OfferType>(t))); }},
       3});
  groupings.push_back({{"placement", DimensionBasis::offers, placement_key,
                        [&](std::uint32_t i) { return placement_key(im.rec(i)); }, label},
                       placements});
  groupings.push_back({{"type_placement", DimensionBasis::offers, type_placement_key,
                        [&](std::uint32_t i) { return type_placement_key(im.rec(i)); },
                        [&](std::uint32_t k) {
                          return std::string(
                                     offer_type_name(static_cast<OfferType>(k / placements))) +
                                 " × " + label(k % placements);
                        }},
                       3 * placements});
  groupings.push_back(
      {{"channel", DimensionBasis::orders, [&](std::uint32_t o) { return store.orders.channel[o]; },
        [&](std::uint32_t i) {
          return session_field(i, store.sessions.channel, store.orders.channel);
        },
        label},
       placements});
  groupings.push_back(
      {{"variant", DimensionBasis::orders, [&](std::uint32_t o) { return store.orders.variant[o]; },
        [&](std::uint32_t i) {
          return im.variant[i] != kNoId
                     ? im.variant[i]
                     : session_field(i, store.sessions.variant, store.orders.variant);
        },
        label},
       placements});
  groupings.push_back(
      {{"segment", DimensionBasis::orders, [&](std::uint32_t o) { return store.orders.segment[o]; },
        [&](std::uint32_t i) {
          return session_field(i, store.sessions.segment, store.orders.segment);
        },
        label},
       placements});
  const auto product_name = [&](std::uint32_t p) {
    const std::uint32_t text = p < store.products.size() ? store.products.name[p] : kNoId;
    return text == kNoId ? std::string() : std::string(pools.texts.view(text));
  };
  groupings.push_back(
      {{"product", DimensionBasis::lines, product_key, impression_product,
        [&](std::uint32_t p) { return std::string(pools.products.view(p)); }, product_name},
       pools.products.size()});
  groupings.push_back({{"category", DimensionBasis::lines, on_products(store.products.top_category),
                        impression_on_products(store.products.top_category), label},
                       placements});
  groupings.push_back(
      {{"category_path", DimensionBasis::lines, on_products(store.products.category),
        impression_on_products(store.products.category), label},
       placements});
  std::optional<GroupFigures> totals[3];  // per basis
  for (const auto& [grouping, keys] : groupings) {
    result.dimensions.push_back(
        compute(ctx, grouping, keys, totals[static_cast<int>(grouping.basis)]));
  }
  return result;
}

}  // namespace basketlift
