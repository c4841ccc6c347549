#include <cmath>
#include <string>

#include "util/number_format.h"

#include "report/section_writers.h"

namespace basketlift {

namespace {

void write_product(JsonWriter& out, const char* key, std::uint32_t product, const Store& store) {
  out.key(key);
  product == kNoId ? out.null() : out.value(store.pools.products.view(product));
}

// An offer by segment or by channel ("segment"/"channel" names the dimension).
void write_groups(JsonWriter& out, const OfferGroups& groups, const char* dimension,
                  const Store& store) {
  out.key(std::string("by_") + dimension).begin_array();
  for (const OfferGroup& g : groups.groups) {
    out.begin_object();
    out.field(dimension, store.pools.labels.view(g.label)).field("sessions", g.units);
    out.field("impressions", g.impressions).field("accepted", g.accepted);
    out.field("acceptance_rate", g.acceptance_rate).key("acceptance_ci");
    write_interval(out, g.acceptance_ci);
    out.field("margin_per_1000_impressions", g.margin_per_1000)
        .key("margin_per_1000_impressions_ci");
    write_interval(out, g.margin_per_1000_ci);
    out.field("conversion_rate", g.conversion_rate).key("conversion_vs_control");
    if (groups.experiment_link)
      write_comparison(out, g.conversion_vs_control);
    else
      out.null();
    out.end_object();
  }
  out.end_array();
  out.key(std::string(dimension) + "_test").begin_object();
  out.field("p_value", groups.acceptance_test.p_value)
      .field("adjusted_p", groups.acceptance_adjusted_p);
  out.field("statistic", groups.acceptance_test.statistic).field("df", groups.acceptance_test.df);
  out.field("margin_p_value", groups.margin_test.p_value)
      .field("margin_adjusted_p", groups.margin_adjusted_p);
  out.field("conversion_link", groups.experiment_link ? "experiment" : "association");
  out.end_object();
}

}  // namespace

void write_offers(JsonWriter& out, const OffersResult& offers, const Store& store,
                  const Settings& settings, std::uint64_t accepted_derived) {
  if (!offers.available) return write_unavailable(out, offers.reason);
  out.begin_object();
  out.field("available", true);
  out.field("costs_known", offers.costs_known);
  out.key("rules").begin_object();
  out.field("offer_value",
            "revenue and margin of the order lines carrying the rec_id; for an upsell, "
            "less the price and margin of the anchor it replaced");
  out.field(
      "acceptance",
      "given by the offers file; otherwise accepted when an order of the same order, session, or "
      "customer within " +
          double_to_string(settings.attribution_window_hours) +
          " hours holds a line with the rec_id (or, when lines carry no rec_id, the offered "
          "product)");
  out.field("impressions_with_derived_acceptance", accepted_derived);
  out.field("groups",
            "by_segment and by_channel: the sessions (else orders) the offer was shown in, by the "
            "session's segment or channel, else its orders'; intervals by the delta method over "
            "those sessions; segment_test and channel_test: do the groups take it equally often "
            "(p_value) and earn the same per impression (margin_p_value)? Cochran's Q on the "
            "groups' estimates, Holm-adjusted across offers; conversion_vs_control compares the "
            "arm that alone shows it with control in each group where the experiment isolates "
            "the offer (conversion_link experiment), else conversion_rate is an association");
  out.field("verdict", "unprofitable when margin per impression is below zero with " +
                           settings.confidence_text() +
                           " confidence, or the experiment shows that the arm showing it loses "
                           "margin per session where it is shown; profitable when above zero "
                           "with " +
                           settings.confidence_text() + " confidence; otherwise inconclusive");
  out.end_object();
  out.key("offers").begin_array();
  const std::size_t before = out.size();
  for (const OfferResult& o : offers.offers) {
    out.begin_object();
    out.field("rec_id", store.pools.recs.view(o.rec)).field("tracked", o.tracked);
    out.key("type");
    o.tracked ? out.value(offer_type_name(o.type)) : out.null();
    out.key("placement");
    o.placement == kNoId ? out.null() : out.value(store.pools.labels.view(o.placement));
    out.field("several_placements", o.several_placements);
    write_product(out, "anchor_product_id", o.anchor, store);
    write_product(out, "offered_product_id", o.offered, store);
    out.field("impressions", o.impressions).field("accepted", o.accepted);
    out.field("acceptance_rate", o.acceptance_rate).key("acceptance_ci");
    write_interval(out, o.acceptance_ci);
    out.field("orders", o.orders).field("revenue", o.revenue).field("margin", o.margin);
    out.field("lines_without_cost", o.lines_without_cost).field("sessions", o.units);
    out.field("exposed_orders", o.exposed_orders);
    out.field("anchor_price", o.anchor_price).field("anchor_cost", o.anchor_cost);
    out.field("offered_catalogue_price", o.offered_price)
        .field("offered_catalogue_cost", o.offered_cost);
    out.field("margin_per_impression", o.margin_per_impression).key("margin_per_impression_ci");
    write_interval(out, o.margin_per_impression_ci);
    out.field("margin_per_1000_impressions",
              o.impressions > 0 ? o.margin_per_impression * 1000 : kNaN);
    out.field("verdict", offer_class_name(o.verdict)).field("reason", o.reason);
    out.field("impressions_needed", o.impressions_needed);
    if (!o.experiment_evidence.empty()) out.field("experiment_evidence", o.experiment_evidence);
    out.field("retire", o.retire).key("note");
    o.note.empty() ? out.null() : out.value(o.note);
    out.field("days_shown", o.days_shown).field("margin_per_month", o.margin_per_month);
    write_groups(out, o.by_segment, "segment", store);
    write_groups(out, o.by_channel, "channel", store);
    out.end_object();
    // Room for the others at once, about as long as the first: the report's longest list grows
    // its text by doubling otherwise, each step a copy of all of it (~40 ms of 300 in wasm for
    // 2,563 offers).
    if (&o == &offers.offers.front())
      out.reserve_more((out.size() - before) * (offers.offers.size() - 1) * 5 / 4);
  }
  out.end_array();
  out.end_object();
}

void write_retire(JsonWriter& out, const OffersResult& offers, const Store& store,
                  const Settings& settings) {
  if (!offers.available) return write_unavailable(out, offers.reason);
  out.begin_object();
  out.field("available", true);
  out.field("rule", "unprofitable offers, and offers with at least " +
                        std::to_string(settings.retire_min_impressions) +
                        " impressions whose acceptance is under " +
                        double_to_string(100 * settings.retire_acceptance_floor) + "% with " +
                        settings.confidence_text() +
                        " confidence and whose margin per impression is not above zero with "
                        "that confidence; a profitable offer is never retired");
  out.key("offers").begin_array();
  for (const OfferResult& o : offers.offers) {
    if (!o.retire) continue;
    out.begin_object();
    out.field("rec_id", store.pools.recs.view(o.rec))
        .field("rule", retire_rule_name(o.retire_rule))
        .field("reason", o.retire_reason);
    out.field("impressions", o.impressions).field("acceptance_rate", o.acceptance_rate);
    out.field("acceptance_upper", o.acceptance_ci.high).field("margin", o.margin);
    out.key("gives_up").begin_object();
    out.field("margin_per_1000_impressions",
              o.impressions > 0 ? o.margin_per_impression * 1000 : kNaN);
    out.field("margin_per_month", o.margin_per_month).end_object();
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace basketlift
