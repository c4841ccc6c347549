#include "analysis/dimensions.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <optional>

#include "analysis/offers.h"
#include "util/row_blocks.h"

namespace basketlift {

namespace {

// Where a dimension's key comes from. Offer dimensions key on the rec (a table per rec), line
// dimensions on the product (a table per product), order dimensions on an order column; an
// impression gets its key through its rec, its offered product, or its session (else order).
struct Grouping {
  std::string name;
  DimensionBasis basis;
  std::vector<std::uint32_t> table;          // rec or product → key (offers and lines bases)
  const IdColumn* order_column = nullptr;    // order → key (orders basis)
  const IdColumn* session_column = nullptr;  // session row → key, for impressions
  bool impression_variant = false;           // the impression's own variant comes first
  std::size_t key_count = 0;                 // keys are below this
  std::function<std::string(std::uint32_t)> label;              // key → text
  std::function<std::string(std::uint32_t)> display = nullptr;  // key → display name (products)
};

// The additive figures of one group, without its labels, and the last order counted in it:
// one cache line, which a pass touches once per row it adds. Counts are integers (below 2^32:
// rows are indexed by 32 bits), exact as the doubles they become.
struct alignas(64) Sums {
  double order_revenue = 0, revenue = 0, margin = 0, offer_revenue = 0, offer_margin = 0;
  std::uint32_t orders = 0, attached_orders = 0, impressions = 0, accepted = 0;
  std::uint32_t counted = kNoId;  // the last order counted here (kNoId: none)
};

// A slot that is not accumulated: a key whose group a first pass has already summed.
constexpr std::uint32_t kSkipSlot = 0xFFFFFFFFu;

// One grouping being accumulated: its groups' sums and how a key maps to a group (slot).
// With `total`, every unit and impression counts in the one slot 0 whatever its key.
struct Target {
  const Grouping* g = nullptr;
  bool total = false;
  std::vector<std::size_t> slot_of_key;  // key (key_count: not set) → slot (or kSkipSlot);
                                         // empty: identity
  std::vector<Sums> sums;

  std::size_t slot(std::uint32_t key) const {
    if (total) return 0;
    const std::size_t k = key == kNoId ? g->key_count : key;
    return slot_of_key.empty() ? k : slot_of_key[k];
  }
};

// A target as the passes read it: its slot for every key it can meet, flattened (a total maps
// every key to slot 0).
struct FlatTarget {
  Target* target = nullptr;
  Sums* sums = nullptr;                // target->sums.data()
  std::vector<std::uint32_t> slot_of;  // product (lines), rec (offers) or key (orders) → slot
  std::uint32_t none_slot = 0;         // slot of "not set" (kNoId)
  bool adds_order_money = false;       // an order adds its revenue and margin (not lines basis)

  FlatTarget(Target& t, std::size_t keys)
      : target(&t), sums(t.sums.data()), adds_order_money(t.g->basis != DimensionBasis::lines) {
    const Grouping& g = *t.g;
    const auto slot = [&](std::uint32_t key) {
      return static_cast<std::uint32_t>(t.total ? 0 : t.slot(key));
    };
    slot_of.resize(keys);
    for (std::uint32_t k = 0; k < keys; ++k)
      slot_of[k] =
          slot(g.basis == DimensionBasis::orders ? (k == g.key_count ? kNoId : k) : g.table[k]);
    none_slot = slot(kNoId);
  }
  // The slot of a key (kNoId: not set).
  std::uint32_t of(std::uint32_t key) const { return key == kNoId ? none_slot : slot_of[key]; }
  // True the first time slot s is met in order o.
  bool first_in(std::uint32_t s, std::uint32_t o) const {
    std::uint32_t& counted = sums[s].counted;
    if (counted == o) return false;
    counted = o;
    return true;
  }
};

// Adds a line's offer value and margin (NaN: unknown) to a slot.
void add_offer(Sums& f, double value, double margin) {
  if (!std::isnan(value)) f.offer_revenue += value;
  if (!std::isnan(margin)) f.offer_margin += margin;
}

// An order's figures, read once for every target it adds to.
struct OrderFigures {
  double revenue, margin;
  bool attached;
};

// Adds order `order` to slot s of target t.
[[gnu::always_inline]] inline void add_order(const FlatTarget& t, std::uint32_t s,
                                             const OrderFigures& order) {
  Sums& f = t.sums[s];
  f.orders += 1;
  f.order_revenue += order.revenue;
  f.attached_orders += order.attached;
  if (t.adds_order_money) {
    f.revenue += order.revenue;
    f.margin += order.margin;
  }
}

// Accumulates every target (of any basis) in one pass over the orders and one over the
// impressions; the values of a line are worked out once for all of them. Each target receives
// its additions in the same order as if it were computed alone (orders in index order, lines
// in stored order, impressions in stored order), so sums are the same to the last bit.
// The passes are driven a block of rows per call (util/row_blocks.h).
class Accumulator {
 public:
  Accumulator(const AnalysisContext& ctx, const std::vector<Target*>& targets) : ctx_(ctx) {
    for (Target* t : targets) {
      switch (t->g->basis) {
        case DimensionBasis::lines:
          of_lines_.emplace_back(*t, t->g->table.size());
          break;
        case DimensionBasis::orders:
          of_orders_.emplace_back(*t, t->g->key_count + 1);
          break;
        case DimensionBasis::offers:
          of_offers_.emplace_back(*t, t->g->table.size());
          break;
      }
    }
    order_slots_.resize(of_orders_.size());
  }

  // Orders [begin, end) and their lines.
  [[gnu::noinline]] void orders(std::uint32_t begin, std::uint32_t end);
  // Impressions [begin, end).
  [[gnu::noinline]] void impressions(std::uint32_t begin, std::uint32_t end);

 private:
  const AnalysisContext& ctx_;
  // By basis: a line without a rec adds to the lines basis only.
  std::vector<FlatTarget> of_lines_, of_orders_, of_offers_;
  std::vector<std::uint32_t> order_slots_;  // the current order's slot in each of of_orders_
  // The lines of the orders being accumulated, from their first: product, rec and revenue in
  // scope.
  std::vector<std::uint32_t> products_, recs_;
  std::vector<double> revenues_;
};

void Accumulator::orders(std::uint32_t first, std::uint32_t last) {
  const AnalysisContext& ctx = ctx_;
  // The products and recs of the lines of orders [first, last), read a column at a time: line
  // position k's at k - line_first.
  const LineColumns& lines = ctx.store.lines;
  const std::uint32_t line_first = ctx.order_line_begin[first];
  const std::uint32_t line_last = ctx.order_line_begin[last];
  products_.resize(line_last - line_first);
  recs_.resize(line_last - line_first);
  revenues_.resize(line_last - line_first);
  if (ctx.order_lines.empty()) {
    lines.product.reader().read(line_first, line_last, products_.data());
    lines.rec.read(line_first, line_last, recs_.data());
    ctx.line_revenues_in_scope(line_first, line_last, revenues_.data());
  } else {
    const IdColumn::Reader product_of = lines.product.reader();
    for (std::uint32_t k = line_first; k < line_last; ++k) {
      products_[k - line_first] = product_of[ctx.order_line(k)];
      recs_[k - line_first] = lines.rec[ctx.order_line(k)];
      revenues_[k - line_first] = ctx.line_revenue_in_scope(ctx.order_line(k));
    }
  }
  const std::uint32_t* const block_products = products_.data();
  const std::uint32_t* const block_recs = recs_.data();
  const double* const block_revenues = revenues_.data();
  std::vector<IdColumn::Reader> order_keys;
  order_keys.reserve(of_orders_.size());
  for (const FlatTarget& t : of_orders_)
    order_keys.push_back(t.target->g->order_column->reader());
  std::uint32_t* const order_slots = order_slots_.data();
  for (std::uint32_t o = first; o < last; ++o) {
    if (!ctx.is_sale(o)) continue;
    const std::uint32_t begin = ctx.order_line_begin[o], end = ctx.order_line_begin[o + 1];
    OrderFigures order{ctx.order_revenue[o], ctx.order_margin_of(o), false};
    for (std::uint32_t k = begin; k < end && !order.attached; ++k)
      order.attached = block_recs[k - line_first] != kNoId;
    for (std::size_t t = 0; t < of_orders_.size(); ++t) {
      order_slots[t] = of_orders_[t].of(order_keys[t][o]);
      if (order_slots[t] != kSkipSlot) add_order(of_orders_[t], order_slots[t], order);
    }
    for (std::uint32_t k = begin; k < end; ++k) {
      const std::uint32_t line = ctx.order_line(k);
      const std::uint32_t rec = block_recs[k - line_first];
      const std::uint32_t product = block_products[k - line_first];
      const bool wanted = std::any_of(of_lines_.begin(), of_lines_.end(), [&](const FlatTarget& t) {
        return t.slot_of[product] != kSkipSlot;
      });
      if (rec == kNoId && !wanted) continue;
      const double revenue = block_revenues[k - line_first];
      const double cost = std::isnan(revenue) ? kNaN : ctx.line_cost(line);
      double value = kNaN, margin = kNaN;
      if (rec != kNoId) {
        value = ctx.offer_line_value(line, revenue);
        margin = ctx.offer_line_margin(line, revenue, cost);
        for (const FlatTarget& t : of_offers_) {
          const std::uint32_t slot = t.slot_of[rec];
          if (slot == kSkipSlot) continue;
          add_offer(t.sums[slot], value, margin);
          if (t.first_in(slot, o)) add_order(t, slot, order);
        }
        for (std::size_t t = 0; t < of_orders_.size(); ++t) {
          if (order_slots[t] != kSkipSlot)
            add_offer(of_orders_[t].sums[order_slots[t]], value, margin);
        }
      }
      if (!wanted) continue;
      for (const FlatTarget& t : of_lines_) {
        const std::uint32_t slot = t.slot_of[product];
        if (slot == kSkipSlot) continue;
        Sums& f = t.sums[slot];
        if (rec != kNoId) add_offer(f, value, margin);
        if (!std::isnan(revenue)) {
          f.revenue += revenue;
          if (!std::isnan(cost)) f.margin += revenue - cost;
        }
        if (t.first_in(slot, o)) add_order(t, slot, order);
      }
    }
  }
}

void Accumulator::impressions(std::uint32_t first, std::uint32_t last) {
  const AnalysisContext& ctx = ctx_;
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  for (std::uint32_t i = first; i < last; ++i) {
    const std::uint32_t accepted = ctx.impression_accepted[i];
    const auto count = [&](const FlatTarget& t, std::uint32_t slot) {
      if (slot == kSkipSlot) return;
      Sums& f = t.sums[slot];
      f.impressions += 1;
      f.accepted += accepted;
    };
    for (const FlatTarget& t : of_offers_)
      count(t, t.slot_of[im.rec(i)]);
    if (!of_lines_.empty()) {
      const std::uint32_t offered = im.offered(i);
      for (const FlatTarget& t : of_lines_)
        count(t, t.of(offered));
    }
    if (of_orders_.empty()) continue;
    // Sessions give impressions their channel, variant and segment; an impression's order
    // does otherwise.
    std::uint32_t session_row = kNoId;
    const std::uint32_t s = im.session[i];
    if (s != kNoId && s < store.session_row.size()) session_row = store.session_row[s];
    const std::uint32_t o = im.order[i];
    const bool has_order = o != kNoId && o < store.orders.size();
    for (const FlatTarget& t : of_orders_) {
      const Grouping& g = *t.target->g;
      std::uint32_t key = kNoId;
      if (g.impression_variant && im.variant[i] != kNoId) {
        key = im.variant[i];
      } else {
        if (session_row != kNoId) key = (*g.session_column)[session_row];
        if (key == kNoId && has_order) key = (*g.order_column)[o];
      }
      count(t, t.of(key));
    }
  }
}

void accumulate(const AnalysisContext& ctx, const std::vector<Target*>& targets) {
  if (targets.empty()) return;
  Accumulator accumulator(ctx, targets);
  for_each_block(ctx.store.orders.size(), [&](std::size_t first, std::size_t last) {
    accumulator.orders(static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last));
  });
  for_each_block(ctx.store.impressions.size(), [&](std::size_t first, std::size_t last) {
    accumulator.impressions(static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last));
  });
}

GroupFigures figures_of(const Sums& s) {
  GroupFigures f;
  f.orders = s.orders;
  f.order_revenue = s.order_revenue;
  f.revenue = s.revenue;
  f.margin = s.margin;
  f.attached_orders = s.attached_orders;
  f.impressions = s.impressions;
  f.accepted = s.accepted;
  f.offer_revenue = s.offer_revenue;
  f.offer_margin = s.offer_margin;
  return f;
}

// Ranks a grouping's keys by weight and fixes which keep a group of their own; the rest share
// slot `keep` (the tail). Returns the ranked present keys.
std::vector<std::size_t> rank_keys(const Target& t, std::size_t max_groups, Dimension& d) {
  const Grouping& g = *t.g;
  std::vector<std::size_t> present;
  for (std::size_t k = 0; k <= g.key_count; ++k) {
    const Sums& f = t.sums[k];
    if (f.orders > 0 || f.impressions > 0 || f.offer_revenue != 0) present.push_back(k);
  }
  d.group_count = present.size();
  const auto weight = [&](std::size_t k) {
    const Sums& f = t.sums[k];
    return g.basis == DimensionBasis::offers ? static_cast<double>(f.impressions) + f.orders
                                             : f.revenue + f.orders;
  };
  // Largest first; a tie by name (the group without a value last), so that the list does not
  // depend on the order of the files' rows (and a warehouse's query lists the same groups).
  std::vector<std::string> names(g.key_count + 1);
  for (const std::size_t k : present)
    if (k != g.key_count) names[k] = g.label(static_cast<std::uint32_t>(k));
  std::sort(present.begin(), present.end(), [&](std::size_t a, std::size_t b) {
    if (weight(a) != weight(b)) return weight(a) > weight(b);
    if ((a == g.key_count) != (b == g.key_count)) return b == g.key_count;
    return names[a] < names[b];
  });
  const std::size_t keep = std::min<std::size_t>(present.size(), max_groups);
  for (std::size_t rank = 0; rank < keep; ++rank)
    d.groups.push_back(figures_of(t.sums[present[rank]]));
  return present;
}

// Computes the dimensions of every grouping (in the order given): a pass for every grouping
// at once (plus each basis's total), then, for groupings with more groups than listed, a second
// pass over the rows of the tail's keys, merged so that its distinct-order counts stay right
// (a listed group's sums are the first pass's: the same additions in the same order).
void compute_dimensions(const AnalysisContext& ctx, const std::vector<const Grouping*>& groupings,
                        std::vector<Dimension>& out) {
  if (groupings.empty()) return;
  std::vector<Target> first(groupings.size());
  std::vector<Target> totals;  // one per basis, for the first grouping of that basis
  totals.reserve(groupings.size());
  std::vector<std::size_t> total_of(groupings.size());
  for (std::size_t k = 0; k < groupings.size(); ++k) {
    first[k].g = groupings[k];
    first[k].sums.resize(groupings[k]->key_count + 1);
    const auto same_basis = std::find_if(totals.begin(), totals.end(), [&](const Target& t) {
      return t.g->basis == groupings[k]->basis;
    });
    total_of[k] = static_cast<std::size_t>(same_basis - totals.begin());
    if (same_basis != totals.end()) continue;
    Target total;
    total.g = groupings[k];
    total.total = true;
    total.sums.resize(1);
    totals.push_back(std::move(total));
  }
  std::vector<Target*> pass;
  for (Target& t : first)
    pass.push_back(&t);
  for (Target& t : totals)
    pass.push_back(&t);
  accumulate(ctx, pass);

  const std::size_t max_groups = ctx.settings.max_dimension_groups;
  std::vector<Dimension> dims;
  std::vector<std::vector<std::size_t>> ranked;
  std::vector<Target> second;
  second.reserve(groupings.size());
  for (std::size_t k = 0; k < groupings.size(); ++k) {
    const Grouping& g = *groupings[k];
    dims.push_back({g.name, g.basis, {}, {}, 0});
    ranked.push_back(rank_keys(first[k], max_groups, dims.back()));
    const std::size_t keep = std::min<std::size_t>(dims.back().group_count, max_groups);
    if (keep == dims.back().group_count) continue;
    Target tail;
    tail.g = &g;
    tail.slot_of_key.assign(g.key_count + 1, 0);
    for (std::size_t rank = 0; rank < keep; ++rank)
      tail.slot_of_key[ranked.back()[rank]] = kSkipSlot;
    tail.sums.resize(1);
    second.push_back(std::move(tail));
  }
  pass.clear();
  for (Target& t : second)
    pass.push_back(&t);
  accumulate(ctx, pass);

  std::size_t next_second = 0;
  for (std::size_t k = 0; k < groupings.size(); ++k) {
    const Grouping& g = *groupings[k];
    Dimension& d = dims[k];
    const std::size_t keep = std::min<std::size_t>(d.group_count, max_groups);
    if (keep < d.group_count) d.groups.push_back(figures_of(second[next_second++].sums[0]));
    for (std::size_t rank = 0; rank < keep; ++rank) {
      const std::size_t key = ranked[k][rank];
      const bool is_set = key != g.key_count;
      d.groups[rank].key = is_set ? g.label(static_cast<std::uint32_t>(key)) : "(not set)";
      if (is_set && g.display) d.groups[rank].name = g.display(static_cast<std::uint32_t>(key));
    }
    if (d.groups.size() > keep)
      d.groups[keep].key = "(other " + std::to_string(d.group_count - keep) + ")";
    d.total = figures_of(totals[total_of[k]].sums[0]);
    d.total.key = "total";
    out.push_back(std::move(d));
  }
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
  const auto label = [&](std::uint32_t id) { return std::string(pools.labels.view(id)); };
  const std::uint32_t recs = pools.recs.size();
  const std::uint32_t placements = pools.labels.size();
  const auto per_rec = [&](auto key_of) {
    std::vector<std::uint32_t> table(recs);
    for (std::uint32_t rec = 0; rec < recs; ++rec)
      table[rec] = ctx.offers[rec].tracked ? key_of(ctx.offers[rec]) : kNoId;
    return table;
  };
  const auto per_product = [&](const std::vector<std::uint32_t>& column) {
    std::vector<std::uint32_t> table(store.products.size());
    for (std::uint32_t p = 0; p < table.size(); ++p)
      table[p] = column.empty() ? p : column[p];
    return table;
  };

  std::vector<Grouping> offers(4), orders(3), lines(3);
  offers[0] = {"offer", DimensionBasis::offers,
               {},      nullptr,
               nullptr, false,
               recs,    [&](std::uint32_t rec) { return std::string(pools.recs.view(rec)); }};
  offers[0].table.resize(recs);
  std::iota(offers[0].table.begin(), offers[0].table.end(), 0u);
  offers[1] = {
      "type",
      DimensionBasis::offers,
      per_rec([](const OfferFacts& f) { return static_cast<std::uint32_t>(f.type); }),
      nullptr,
      nullptr,
      false,
      3,
      [](std::uint32_t t) { return std::string(offer_type_name(static_cast<OfferType>(t))); }};
  offers[2] = {"placement",
               DimensionBasis::offers,
               per_rec([](const OfferFacts& f) { return f.placement; }),
               nullptr,
               nullptr,
               false,
               placements,
               label};
  offers[3] = {"type_placement",
               DimensionBasis::offers,
               per_rec([&](const OfferFacts& f) {
                 return static_cast<std::uint32_t>(f.type) * placements + f.placement;
               }),
               nullptr,
               nullptr,
               false,
               std::size_t{3} * placements,
               [&](std::uint32_t k) {
                 return std::string(offer_type_name(static_cast<OfferType>(k / placements))) +
                        " × " + label(k % placements);
               }};
  orders[0] = {"channel",
               DimensionBasis::orders,
               {},
               &store.orders.channel,
               &store.sessions.channel,
               false,
               placements,
               label};
  orders[1] = {"variant",
               DimensionBasis::orders,
               {},
               &store.orders.variant,
               &store.sessions.variant,
               true,
               placements,
               label};
  orders[2] = {"segment",
               DimensionBasis::orders,
               {},
               &store.orders.segment,
               &store.sessions.segment,
               false,
               placements,
               label};
  const auto product_name = [&](std::uint32_t p) {
    const std::uint32_t text = p < store.products.size() ? store.products.name[p] : kNoId;
    return text == kNoId ? std::string() : std::string(pools.texts.view(text));
  };
  lines[0] = {"product",
              DimensionBasis::lines,
              per_product({}),
              nullptr,
              nullptr,
              false,
              pools.products.size(),
              [&](std::uint32_t p) { return std::string(pools.products.view(p)); },
              product_name};
  lines[1] = {"category",
              DimensionBasis::lines,
              per_product(store.products.top_category),
              nullptr,
              nullptr,
              false,
              placements,
              label};
  lines[2] = {"category_path",
              DimensionBasis::lines,
              per_product(store.products.category),
              nullptr,
              nullptr,
              false,
              placements,
              label};
  std::vector<const Grouping*> pointers;
  for (auto* group : {&offers, &orders, &lines}) {
    for (const Grouping& g : *group)
      pointers.push_back(&g);
  }
  compute_dimensions(ctx, pointers, result.dimensions);
  return result;
}

}  // namespace basketlift
