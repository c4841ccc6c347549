// Baselines taken from a report: the store from its summary, groups from its offers.
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/sim_json.h"
#include "simdjson.h"

namespace basketlift::sim {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

double number_or(object parent, std::string_view key, double fallback) {
  double value = 0;
  element e;
  if (parent[key].get(e) || e.is_null() || e.get_double().get(value) || !std::isfinite(value))
    return fallback;
  return value;
}

// What the report says of one offer (or one cell of offers, summed).
struct Observed {
  OfferType type = OfferType::cross_sell;
  double exposed = 0, takes = 0, revenue = 0, margin = 0;
  double anchor_price = kNoNumber, anchor_cost = kNoNumber, offered_price = kNoNumber,
         offered_cost = kNoNumber;
  bool margin_known = true;
};

// Knobs that reproduce the observed revenue and margin: a take adds value v = revenue / takes
// and margin m = margin / takes; prices are set so that value_per_take and margin_per_take
// give back v and m.
Group group_of(const std::string& id, const Observed& o, bool one_offer) {
  Group g;
  g.id = id;
  g.type = o.type;
  g.exposed_orders = o.exposed;
  const double a = o.exposed > 0 ? std::min(1.0, o.takes / o.exposed) : 0;
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
  set_wilson_interval(g, o.takes, o.exposed);
  return g;
}

// An offer split over the segments of its by_segment[] ("rec × segment"): exposure in
// proportion to the orders of each segment's sessions shown it (else its impressions), takes,
// revenue and margin in proportion to its acceptances there. Shares add up to one, so the
// store's totals stay those of the report. An offer without segments stays whole.
void split_by_segment(const std::string& rec, const Observed& o, object offer,
                      std::vector<std::pair<std::string, Observed>>& out) {
  struct Share {
    std::string segment;
    double exposed, taken;
  };
  std::vector<Share> shares;
  double exposed_sum = 0, taken_sum = 0;
  simdjson::dom::array groups;
  if (offer["by_segment"].get_array().get(groups) == simdjson::SUCCESS) {
    for (element group_element : groups) {
      object group;
      std::string_view segment;
      if (group_element.get_object().get(group) || group["segment"].get_string().get(segment)) {
        continue;
      }
      const double sessions = number_or(group, "sessions", 0);
      const double conversion = number_or(group, "conversion_rate", kNoNumber);
      const double exposed =
          std::isnan(conversion) ? number_or(group, "impressions", 0) : sessions * conversion;
      const double taken = number_or(group, "accepted", 0);
      shares.push_back({std::string(segment), exposed, taken});
      exposed_sum += exposed;
      taken_sum += taken;
    }
  }
  if (shares.empty() || !(exposed_sum > 0)) {
    out.emplace_back(rec, o);
    return;
  }
  for (const Share& share : shares) {
    const double exposed = share.exposed / exposed_sum;
    const double taken = taken_sum > 0 ? share.taken / taken_sum : exposed;
    Observed part = o;
    part.exposed = o.exposed * exposed;
    part.takes = o.takes * taken;
    part.revenue = o.revenue * taken;
    part.margin = o.margin * taken;
    if (part.exposed > 0) out.emplace_back(rec + " × " + share.segment, part);
  }
}

}  // namespace

Result<Baseline> baseline_from_report(std::string_view report_json, Grouping grouping) {
  simdjson::dom::parser parser;
  object root;
  if (parser.parse(report_json.data(), report_json.size()).get(root)) {
    return Status::error(ErrorCode::bad_config, "the report is not a JSON object");
  }
  object summary;
  if (root["summary"].get_object().get(summary))
    return Status::error(ErrorCode::bad_config, "the report has no summary");
  Baseline b;
  std::string_view currency;
  if (summary["currency"].get_string().get(currency) == simdjson::SUCCESS)
    b.currency = std::string(currency);
  const double orders = number_or(summary, "money_orders", number_or(summary, "orders", 0));
  const double revenue = number_or(summary, "revenue", kNoNumber);
  const double margin = number_or(summary, "margin", kNoNumber);
  if (!(orders > 0) || std::isnan(revenue)) {
    return Status::error(ErrorCode::bad_config,
                         "the report has no orders with prices to simulate from");
  }
  std::map<std::string, Observed> cells;
  std::vector<std::pair<std::string, Observed>> offers;
  double offer_revenue = 0, offer_margin = 0;
  simdjson::dom::array list;
  if (root["offers"]["offers"].get_array().get(list) == simdjson::SUCCESS) {
    for (element offer_element : list) {
      object offer;
      if (offer_element.get_object().get(offer)) continue;
      std::string_view rec, type_text, placement;
      bool tracked = false;
      if (offer["tracked"].get_bool().get(tracked) || !tracked) continue;
      if (offer["rec_id"].get_string().get(rec) || offer["type"].get_string().get(type_text))
        continue;
      const auto type = offer_type_from_name(type_text);
      if (!type) continue;
      Observed o;
      o.type = *type;
      o.exposed = number_or(offer, "exposed_orders", 0);
      o.takes = number_or(offer, "orders", 0);
      o.revenue = number_or(offer, "revenue", 0);
      o.margin = number_or(offer, "margin", 0);
      o.anchor_price = number_or(offer, "anchor_price", kNoNumber);
      o.anchor_cost = number_or(offer, "anchor_cost", kNoNumber);
      o.offered_price = number_or(offer, "offered_catalogue_price", kNoNumber);
      o.offered_cost = number_or(offer, "offered_catalogue_cost", kNoNumber);
      offer_revenue += o.revenue;
      offer_margin += o.margin;
      if (o.exposed <= 0) continue;
      if (grouping == Grouping::offer_segment) {
        split_by_segment(std::string(rec), o, offer, offers);
      } else if (grouping == Grouping::offer) {
        offers.emplace_back(std::string(rec), o);
      } else {
        if (offer["placement"].get_string().get(placement)) placement = "(none)";
        Observed& cell = cells[std::string(type_text) + " × " + std::string(placement)];
        cell.type = o.type;
        cell.exposed += o.exposed;
        cell.takes += o.takes;
        cell.revenue += o.revenue;
        cell.margin += o.margin;
      }
    }
  }
  // The store without offers: totals less what the offers brought.
  b.store.orders = orders;
  b.store.value_per_order = (revenue - offer_revenue) / orders;
  b.store.margin_known = !std::isnan(margin);
  b.store.margin_per_order = b.store.margin_known ? (margin - offer_margin) / orders : 0;
  for (const auto& [id, o] : offers)
    b.groups.push_back(group_of(id, o, true));
  for (const auto& [id, o] : cells)
    b.groups.push_back(group_of(id, o, false));
  return b;
}

Result<Baseline> baseline_from_any(std::string_view json, std::string_view scenario_json) {
  simdjson::dom::parser parser;
  object root;
  if (parser.parse(json.data(), json.size()).get(root)) {
    return Status::error(ErrorCode::bad_config,
                         "the baseline must be a JSON object (a report or a typed-in baseline)");
  }
  element ignored;
  if (root["schema_version"].get(ignored) != simdjson::SUCCESS) return baseline_from_json(json);
  Grouping grouping = Grouping::offer;
  if (!scenario_json.empty()) {
    simdjson::dom::parser scenario_parser;
    object scenario;
    std::string_view text;
    if (scenario_parser.parse(scenario_json.data(), scenario_json.size()).get(scenario) ==
            simdjson::SUCCESS &&
        scenario["grouping"].get_string().get(text) == simdjson::SUCCESS) {
      if (text == "offer") {
        grouping = Grouping::offer;
      } else if (text == "type_placement") {
        grouping = Grouping::type_placement;
      } else if (text == "offer_segment") {
        grouping = Grouping::offer_segment;
      } else {
        return Status::error(ErrorCode::bad_config,
                             "scenario: grouping must be \"offer\", \"type_placement\" or "
                             "\"offer_segment\"");
      }
    }
  }
  return baseline_from_report(json, grouping);
}

}  // namespace basketlift::sim
