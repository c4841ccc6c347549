// Baselines taken from a report: the store from its summary, groups from its offers.
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/report_facts.h"
#include "sim/sim_json.h"
#include "util/json_tree.h"

namespace basketlift::sim {

namespace {

// Knobs that reproduce the observed revenue and margin: a take adds value v = revenue / takes
// and margin m = margin / takes; prices are set so that value_per_take and margin_per_take
// give back v and m.
Group group_of(const std::string& id, const OfferFigures& o, bool one_offer, double confidence) {
  Group g;
  g.id = id;
  g.type = o.type;
  g.exposed_orders = o.exposed_orders;
  const double a = o.exposed_orders > 0 ? std::min(1.0, o.takes / o.exposed_orders) : 0;
  const double v =
      o.takes > 0 ? o.revenue / o.takes : (std::isnan(o.offered_price) ? 0 : o.offered_price);
  const double m =
      o.takes > 0 ? o.margin / o.takes : (std::isnan(o.offered_cost) ? 0 : v - o.offered_cost);
  // A single upsell or bundle keeps its anchor's catalogue price; a cell mixes anchors, so its
  // average value per take stands for the price difference directly.
  const bool anchored = o.type != OfferType::cross_sell && one_offer && !std::isnan(o.anchor_price);
  g.anchor_price = anchored ? o.anchor_price : 0;
  g.anchor_cost = anchored && !std::isnan(o.anchor_cost) ? o.anchor_cost : g.anchor_price;
  g.knobs[acceptance] = a;
  g.knobs[offered_price] = g.anchor_price + v;
  g.knobs[unit_cost] = g.knobs[offered_price] - m - (g.anchor_price - g.anchor_cost);
  g.knobs[traffic_share] = 1;
  set_wilson_interval(g, o.takes, o.exposed_orders, confidence);
  return g;
}

// An offer split over its segments ("rec × segment"): exposure in proportion to the orders of
// each segment's sessions shown it (else its impressions), takes, revenue and margin in
// proportion to its acceptances there. Shares add up to one, so the store's totals stay those
// of the report. An offer without segments stays whole.
void split_by_segment(const OfferFacts& offer,
                      std::vector<std::pair<std::string, OfferFigures>>& out) {
  const OfferFigures& o = offer.figures;
  double exposed_sum = 0, taken_sum = 0;
  std::vector<double> exposed(offer.segments.size());
  for (std::size_t i = 0; i < offer.segments.size(); ++i) {
    const SegmentFacts& s = offer.segments[i];
    exposed[i] = std::isnan(s.conversion_rate) ? s.impressions : s.sessions * s.conversion_rate;
    exposed_sum += exposed[i];
    taken_sum += s.accepted;
  }
  if (offer.segments.empty() || !(exposed_sum > 0)) {
    out.emplace_back(offer.rec_id, o);
    return;
  }
  for (std::size_t i = 0; i < offer.segments.size(); ++i) {
    const double exposed_share = exposed[i] / exposed_sum;
    const double taken_share =
        taken_sum > 0 ? offer.segments[i].accepted / taken_sum : exposed_share;
    OfferFigures part = o;
    part.exposed_orders = o.exposed_orders * exposed_share;
    part.takes = o.takes * taken_share;
    part.revenue = o.revenue * taken_share;
    part.margin = o.margin * taken_share;
    if (part.exposed_orders > 0)
      out.emplace_back(offer.rec_id + " × " + offer.segments[i].segment, part);
  }
}

}  // namespace

Result<Baseline> baseline_from_facts(const ReportFacts& facts, Grouping grouping) {
  if (!(facts.orders > 0) || std::isnan(facts.revenue)) {
    return Status::error(ErrorCode::bad_config,
                         "the report has no orders with prices to simulate from");
  }
  Baseline b;
  b.currency = facts.currency;
  std::map<std::string, OfferFigures> cells;
  std::vector<std::pair<std::string, OfferFigures>> offers;
  double offer_revenue = 0, offer_margin = 0;
  for (const OfferFacts& f : facts.offers) {
    const OfferFigures& o = f.figures;
    offer_revenue += o.revenue;
    offer_margin += o.margin;
    if (o.exposed_orders <= 0) continue;
    if (grouping == Grouping::offer_segment) {
      split_by_segment(f, offers);
    } else if (grouping == Grouping::offer) {
      offers.emplace_back(f.rec_id, o);
    } else {
      OfferFigures& cell = cells[std::string(offer_type_name(o.type)) + " × " +
                                 (f.placement.empty() ? "(none)" : f.placement)];
      cell.type = o.type;
      cell.exposed_orders += o.exposed_orders;
      cell.takes += o.takes;
      cell.revenue += o.revenue;
      cell.margin += o.margin;
    }
  }
  // The store without offers: totals less what the offers brought.
  b.store.orders = facts.orders;
  b.store.value_per_order = (facts.revenue - offer_revenue) / facts.orders;
  b.store.margin_known = !std::isnan(facts.margin);
  b.store.margin_per_order =
      b.store.margin_known ? (facts.margin - offer_margin) / facts.orders : 0;
  for (const auto& [id, o] : offers)
    b.groups.push_back(group_of(id, o, true, facts.confidence));
  for (const auto& [id, o] : cells)
    b.groups.push_back(group_of(id, o, false, facts.confidence));
  return b;
}

Result<Baseline> baseline_from_report(std::string_view report_json, Grouping grouping) {
  Result<ReportFacts> facts = report_facts_from_json(report_json);
  if (!facts.ok()) return facts.status();
  return baseline_from_facts(facts.value(), grouping);
}

Result<Grouping> grouping_of(std::string_view scenario_json) {
  if (scenario_json.empty()) return Grouping::offer;
  const std::optional<JsonValue> scenario = JsonValue::parse(scenario_json);
  const JsonValue* grouping = scenario ? scenario->find("grouping") : nullptr;
  std::string_view text;
  if (!grouping || !grouping->get_string(text)) {
    return Grouping::offer;  // apply_scenario() reports a scenario that is not an object
  }
  if (text == "offer") return Grouping::offer;
  if (text == "type_placement") return Grouping::type_placement;
  if (text == "offer_segment") return Grouping::offer_segment;
  return Status::error(ErrorCode::bad_config,
                       "scenario: grouping must be \"offer\", \"type_placement\" or "
                       "\"offer_segment\"");
}

Result<Baseline> baseline_from_any(std::string_view json, std::string_view scenario_json) {
  // Only the root's keys are read here: a report can be megabytes.
  const std::optional<JsonValue> root = JsonValue::parse_members(json, {"schema_version"});
  if (!root) {
    return Status::error(ErrorCode::bad_config,
                         "the baseline must be a JSON object (a report or a typed-in baseline)");
  }
  if (!root->find("schema_version")) return baseline_from_json(json);
  Result<Grouping> grouping = grouping_of(scenario_json);
  if (!grouping.ok()) return grouping.status();
  return baseline_from_report(json, grouping.value());
}

}  // namespace basketlift::sim
