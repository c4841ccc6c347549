#include "report/section_writers.h"

namespace basketlift {

namespace {

using NameOf = std::string_view (*)(const Store&, std::uint32_t);

std::string_view product_name(const Store& store, std::uint32_t id) {
  return store.pools.products.view(id);
}
std::string_view label_name(const Store& store, std::uint32_t id) {
  return store.pools.labels.view(id);
}

// The catalogue's name of a product, or null.
void write_catalogue_name(JsonWriter& out, const char* key, const Store& store,
                          std::uint32_t product) {
  out.key(key);
  const std::uint32_t text = product < store.products.size() ? store.products.name[product] : kNoId;
  if (text == kNoId)
    out.null();
  else
    out.value(store.pools.texts.view(text));
}

void write_direction(JsonWriter& out, const RuleDirection& d) {
  out.begin_object()
      .field("confidence", d.confidence)
      .field("conviction", d.conviction)
      .end_object();
}

void write_pair(JsonWriter& out, const PairRule& r, const Store& store, NameOf name) {
  out.begin_object();
  out.field("a", name(store, r.a)).field("b", name(store, r.b));
  if (name == product_name) {
    write_catalogue_name(out, "a_name", store, r.a);
    write_catalogue_name(out, "b_name", store, r.b);
  }
  out.field("count", r.count).field("count_a", r.count_a).field("count_b", r.count_b);
  out.field("support", r.support).field("lift", r.lift).field("leverage", r.leverage);
  out.key("a_to_b");
  write_direction(out, r.a_to_b);
  out.key("b_to_a");
  write_direction(out, r.b_to_a);
  out.end_object();
}

void write_pairs(JsonWriter& out, const std::vector<PairRule>& pairs, const Store& store,
                 NameOf name) {
  out.begin_array();
  for (const PairRule& r : pairs)
    write_pair(out, r, store, name);
  out.end_array();
}

}  // namespace

void write_basket(JsonWriter& out, const BasketResult& b, const Store& store,
                  const Settings& settings) {
  if (!b.available) return write_unavailable(out, b.reason);
  out.begin_object();
  out.field("available", true);
  out.field("baskets", b.baskets)
      .field("baskets_used", b.baskets_used)
      .field("large_baskets_left_out", b.large_baskets);
  out.field("large_basket_rule",
            "baskets with more than " + std::to_string(settings.basket_max_items) +
                " distinct products (usually wholesale orders) are left out of pair mining");
  out.field("min_count", b.min_count).field("min_confidence", settings.basket_min_confidence);
  out.field("distinct_products", b.distinct_products)
      .field("frequent_products", b.frequent_products);
  out.key("product_pairs");
  write_pairs(out, b.product_pairs, store, product_name);
  out.key("category_pairs");
  write_pairs(out, b.category_pairs, store, label_name);
  out.field("ranking",
            b.margins_known
                ? "expected margin per showing (confidence × unit margin of the offered product)"
                : "lift (no product costs are known, so margin cannot rank them)");
  out.key("candidates").begin_array();
  for (const Candidate& c : b.candidates) {
    const std::uint32_t anchor = c.anchor_is_a ? c.rule.a : c.rule.b,
                        offered = c.anchor_is_a ? c.rule.b : c.rule.a;
    out.begin_object();
    out.field("anchor", store.pools.products.view(anchor))
        .field("offered", store.pools.products.view(offered));
    write_catalogue_name(out, "anchor_name", store, anchor);
    write_catalogue_name(out, "offered_name", store, offered);
    out.field("confidence", c.anchor_is_a ? c.rule.a_to_b.confidence : c.rule.b_to_a.confidence);
    out.field("lift", c.rule.lift).field("support", c.rule.support).field("count", c.rule.count);
    out.field("unit_margin", c.unit_margin)
        .field("expected_margin_per_showing", c.expected_margin_per_showing);
    out.field("already_offered", !c.offered_by.empty()).key("offered_by").begin_array();
    for (std::uint32_t rec : c.offered_by)
      out.value(store.pools.recs.view(rec));
    out.end_array();
    out.field("in_shop_settings", c.intended);
    out.end_object();
  }
  out.end_array();
  out.key("offer_checks").begin_array();
  for (const OfferPairCheck& c : b.offer_checks) {
    out.begin_object();
    out.field("rec_id", store.pools.recs.view(c.rec));
    out.field("anchor", store.pools.products.view(c.anchor))
        .field("offered", store.pools.products.view(c.offered));
    out.field("organic_count", c.count).field("organic_count_anchor", c.count_anchor);
    out.field("organic_count_offered", c.count_offered).field("organic_lift", c.lift);
    out.field("verdict", c.verdict).field("reason", c.reason);
    out.end_object();
  }
  out.end_array();
  for (const auto& [key, groups] :
       {std::pair{"by_segment", &b.by_segment}, std::pair{"by_channel", &b.by_channel}}) {
    out.key(key).begin_array();
    for (const GroupPairs& g : *groups) {
      out.begin_object().field("group", g.group).field("baskets", g.baskets).key("pairs");
      write_pairs(out, g.pairs, store, product_name);
      out.end_object();
    }
    out.end_array();
  }
  out.key("lift_differences").begin_array();
  for (const LiftDifference& d : b.lift_differences) {
    out.begin_object();
    out.field("a", store.pools.products.view(d.a)).field("b", store.pools.products.view(d.b));
    out.field("dimension", d.dimension).field("spread", d.spread).key("lifts").begin_object();
    for (const auto& [group, lift] : d.lifts)
      out.field(group, lift);
    out.end_object().end_object();
  }
  out.end_array();
  out.key("triples").begin_array();
  for (const TripleRule& t : b.triples) {
    out.begin_object();
    out.field("a", store.pools.products.view(t.a)).field("b", store.pools.products.view(t.b));
    out.field("then", store.pools.products.view(t.c)).field("count", t.count);
    out.field("confidence", t.confidence).field("lift", t.lift);
    out.end_object();
  }
  out.end_array();
  if (!b.triples_reason.empty()) out.field("triples_reason", b.triples_reason);
  out.end_object();
}

}  // namespace basketlift
