#include "sim/sim_json.h"

#include <cmath>
#include <cstdio>

#include "analysis/stat_tests.h"
#include "util/json_tree.h"
#include "util/json_writer.h"
#include "util/number_format.h"

namespace basketlift::sim {

namespace {

Status bad(const std::string& message) {
  return Status::error(ErrorCode::bad_config, message);
}

bool number(const JsonValue& e, double& out) {
  double value = 0;
  if (!e.get_double(value) || !std::isfinite(value)) return false;
  out = value;
  return true;
}

// An optional number field: absent or null leaves `out` unchanged.
Status optional_number(const JsonValue& o, std::string_view key, double& out,
                       const std::string& where) {
  const JsonValue* e = o.find(key);
  if (!e || e->is_null()) return Status::success();
  if (!number(*e, out)) return bad(where + ": \"" + std::string(key) + "\" must be a number");
  return Status::success();
}

Status read_group(const JsonValue& g, const StoreBase& store, Group& out, std::size_t index) {
  const std::string where = "baseline group " + std::to_string(index + 1);
  std::string_view text;
  if (g.member("id").get_string(text)) out.id = std::string(text);
  if (out.id.empty()) out.id = "group " + std::to_string(index + 1);
  std::optional<OfferType> type;
  if (!g.member("type").get_string(text) || !(type = offer_type_from_name(text))) {
    return bad(where + " (" + out.id + "): \"type\" must be cross_sell, upsell or bundle");
  }
  out.type = *type;
  double share = -1;
  out.exposed_orders = -1;
  for (auto [key, value] :
       {std::pair{"exposed_orders", &out.exposed_orders}, std::pair{"exposed_share", &share}}) {
    if (Status s = optional_number(g, key, *value, where); !s.ok()) return s;
  }
  if (out.exposed_orders < 0) out.exposed_orders = share >= 0 ? share * store.orders : store.orders;
  auto& k = out.knobs;
  k[traffic_share] = 1;
  k[unit_cost] = kNoNumber;
  for (auto [key, slot] :
       {std::pair{"acceptance", &k[acceptance]}, std::pair{"offered_price", &k[offered_price]},
        std::pair{"unit_cost", &k[unit_cost]}, std::pair{"traffic_share", &k[traffic_share]},
        std::pair{"conversion_impact", &k[conversion_impact]},
        std::pair{"fixed_cost", &k[fixed_cost]}, std::pair{"anchor_price", &out.anchor_price},
        std::pair{"anchor_cost", &out.anchor_cost}}) {
    if (Status s = optional_number(g, key, *slot, where); !s.ok()) return s;
  }
  double margin_pct = kNoNumber;
  if (Status s = optional_number(g, "margin_pct", margin_pct, where); !s.ok()) return s;
  if (std::isnan(k[unit_cost]))
    k[unit_cost] =
        std::isnan(margin_pct) ? k[offered_price] : k[offered_price] * (1 - margin_pct / 100);
  if (!(k[acceptance] >= 0 && k[acceptance] <= 1))
    return bad(where + " (" + out.id + "): \"acceptance\" must be between 0 and 1");
  if (const JsonValue* interval = g.find("acceptance_interval")) {
    const std::vector<JsonValue>& bounds = interval->items();
    if (bounds.size() < 2 || !number(bounds[0], out.acceptance_low) ||
        !number(bounds[1], out.acceptance_high)) {
      return bad(where + ": \"acceptance_interval\" must be [low, high]");
    }
  } else {
    set_wilson_interval(out, k[acceptance] * out.exposed_orders, out.exposed_orders);
  }
  return Status::success();
}

std::string money(double amount, const std::string& currency) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", amount);
  return currency.empty() ? text : std::string(text) + " " + currency;
}

}  // namespace

void set_wilson_interval(Group& group, double takes, double exposed, double confidence) {
  const Interval interval = wilson_interval(takes, exposed, confidence);
  group.acceptance_low = exposed > 0 ? interval.low : 0;
  group.acceptance_high = exposed > 0 ? interval.high : 0;
}

Result<Baseline> baseline_from_json(std::string_view json) {
  const std::optional<JsonValue> root = JsonValue::parse(json);
  if (!root || !root->is_object()) return bad("the baseline must be a JSON object");
  Baseline b;
  std::string_view text;
  if (const JsonValue* currency = root->find("currency"); currency && currency->get_string(text))
    b.currency = std::string(text);
  const JsonValue* found = root->find("store");
  if (!found || !found->is_object())
    return bad("baseline: \"store\" must be an object with orders and aov");
  const JsonValue& store = *found;
  double aov = kNoNumber, margin_per_order = kNoNumber, margin_pct = kNoNumber;
  const JsonValue* orders = store.find("orders");
  if (!orders || !number(*orders, b.store.orders) || b.store.orders < 0) {
    return bad("baseline: store.orders must be a number");
  }
  if (Status s = optional_number(store, "aov", aov, "baseline store"); !s.ok()) return s;
  if (Status s = optional_number(store, "margin_per_order", margin_per_order, "baseline store");
      !s.ok())
    return s;
  if (Status s = optional_number(store, "margin_pct", margin_pct, "baseline store"); !s.ok())
    return s;
  if (std::isnan(aov)) return bad("baseline: store.aov (order value without offers) is required");
  b.store.value_per_order = aov;
  b.store.margin_per_order = !std::isnan(margin_per_order) ? margin_per_order
                             : !std::isnan(margin_pct)     ? aov * margin_pct / 100
                                                           : 0;
  b.store.margin_known = !std::isnan(margin_per_order) || !std::isnan(margin_pct);
  if (const JsonValue* groups = root->find("groups"); groups && groups->is_array()) {
    for (const JsonValue& g : groups->items()) {
      if (!g.is_object()) return bad("baseline: every group must be an object");
      Group group;
      if (Status s = read_group(g, b.store, group, b.groups.size()); !s.ok()) return s;
      b.groups.push_back(std::move(group));
    }
  }
  return b;
}

Status apply_scenario(std::string_view json, Simulator& simulator) {
  if (json.empty()) return Status::success();
  const std::optional<JsonValue> root = JsonValue::parse(json);
  if (!root || !root->is_object()) return bad("the scenario must be a JSON object");
  const Baseline& baseline = simulator.baseline();
  const auto apply = [&](const JsonValue& knobs, std::size_t g) -> Status {
    double* k = simulator.knobs().data() + g * kKnobCount;
    const std::string where = "scenario for " + baseline.groups[g].id;
    for (const auto& [key, value] : knobs.members()) {
      double x = 0;
      const auto set = [&](Knob knob, double v) { k[knob] = v; };
      if (key == "acceptance") {
        if (value.is_object()) {
          double relative = 0, add = 0;
          if (Status s = optional_number(value, "relative", relative, where); !s.ok()) return s;
          if (Status s = optional_number(value, "add", add, where); !s.ok()) return s;
          x = baseline.groups[g].knobs[acceptance] * (1 + relative) + add;
        } else if (!number(value, x)) {
          return bad(where + ": acceptance must be a number or {\"relative\": r} / {\"add\": a}");
        }
        if (!(x >= 0 && x <= 1)) return bad(where + ": acceptance must end up between 0 and 1");
        set(acceptance, x);
      } else if (!number(value, x)) {
        return bad(where + ": \"" + std::string(key) + "\" must be a number");
      } else if (key == "offered_price") {
        set(offered_price, x);
      } else if (key == "discount") {  // a share off the baseline price
        set(offered_price, baseline.groups[g].knobs[offered_price] * (1 - x));
      } else if (key == "unit_cost") {
        set(unit_cost, x);
      } else if (key == "margin_pct") {
        set(unit_cost, k[offered_price] * (1 - x / 100));
      } else if (key == "traffic_share") {
        set(traffic_share, std::max(0.0, x));
      } else if (key == "conversion_impact") {
        if (x <= -1) return bad(where + ": conversion_impact must be above −1 (−100%)");
        set(conversion_impact, x);
      } else if (key == "fixed_cost") {
        set(fixed_cost, x);
      } else {
        return bad(where + ": unknown knob \"" + std::string(key) + "\"");
      }
    }
    return Status::success();
  };
  for (const auto& [key, value] : root->members()) {
    if (key == "volume") {
      if (!number(value, simulator.volume()) || simulator.volume() < 0)
        return bad("scenario: volume must be a number >= 0");
    } else if (key == "grouping") {
      continue;  // read by baseline_from_any
    } else if (key == "all") {
      if (!value.is_object()) return bad("scenario: \"all\" must be an object of knobs");
      for (std::size_t g = 0; g < baseline.groups.size(); ++g) {
        if (Status s = apply(value, g); !s.ok()) return s;
      }
    } else if (key == "groups") {
      if (!value.is_object()) return bad("scenario: \"groups\" must map group ids to knobs");
      for (const auto& [id, knobs] : value.members()) {
        if (!knobs.is_object()) return bad("scenario: knobs of \"" + id + "\" must be an object");
        std::size_t g = 0;
        while (g < baseline.groups.size() && baseline.groups[g].id != id)
          ++g;
        if (g == baseline.groups.size())
          return bad("scenario: no group \"" + id + "\" in the baseline");
        if (Status s = apply(knobs, g); !s.ok()) return s;
      }
    } else {
      return bad("scenario: unknown key \"" + std::string(key) + "\"");
    }
  }
  return Status::success();
}

std::string simulation_json(Simulator& simulator, bool pretty) {
  const std::vector<Sensitivity> tornado = simulator.sensitivity();
  const Projection& r = simulator.run();
  const Baseline& b = simulator.baseline();
  const bool margin = b.store.margin_known;
  JsonWriter out(pretty);
  const auto figures = [&](const Figures& f, bool with_aov) {
    out.begin_object().field("orders", f.orders).field("revenue", f.revenue);
    if (with_aov) out.field("aov", f.aov);
    out.key("margin");
    margin ? out.value(f.margin) : out.null();
    out.key("profit");
    margin ? out.value(f.profit) : out.null();
    out.end_object();
  };
  out.begin_object();
  out.field("currency", b.currency).field("volume", simulator.volume());
  out.key("assumptions").begin_array();
  out.value("A cross-sell take adds the offered item at its offered price.");
  out.value(
      "An upsell take replaces the item it upgrades: it adds the price difference, not the premium "
      "item's full price.");
  out.value(
      "A bundle take adds the bundle price minus the items the shopper would have bought anyway "
      "(the anchor).");
  out.value(
      "Conversion impact changes the number of exposed orders; each order gained or lost is an "
      "average order of the store without offers.");
  if (!margin) out.value("No margin was given for the store: margin and profit are not projected.");
  out.end_array();
  out.key("total").begin_object();
  out.key("baseline");
  figures(r.baseline, true);
  out.key("scenario");
  figures(r.scenario, true);
  out.key("delta");
  figures(r.delta, true);
  out.key("range").begin_object().key("low");
  figures(r.scenario_low, true);
  out.key("high");
  figures(r.scenario_high, true);
  out.end_object().end_object();
  out.key("groups").begin_array();
  for (std::size_t i = 0; i < b.groups.size(); ++i) {
    const Group& g = b.groups[i];
    const double* k = simulator.knobs().data() + i * kKnobCount;
    const GroupResult& gr = r.groups[i];
    out.begin_object();
    out.field("id", g.id).field("type", offer_type_name(g.type));
    out.field("exposed_orders", g.exposed_orders).field("anchor_price", g.anchor_price);
    out.key("knobs").begin_object();
    for (const auto& [label, values] :
         {std::pair{"baseline", g.knobs.data()}, std::pair{"scenario", k}}) {
      out.key(label).begin_object();
      for (int knob = 0; knob < kKnobCount; ++knob)
        out.field(knob_name(static_cast<Knob>(knob)), values[knob]);
      out.end_object();
    }
    out.end_object();
    const double v = value_per_take(g, k[offered_price]);
    out.field("value_per_take", v)
        .field("margin_per_take", margin_per_take(g, k[offered_price], k[unit_cost]));
    out.key("acceptance_interval")
        .begin_array()
        .value(g.acceptance_low)
        .value(g.acceptance_high)
        .end_array();
    out.key("baseline");
    figures(gr.baseline, false);
    out.key("scenario");
    figures(gr.scenario, false);
    out.key("delta");
    figures(gr.delta, false);
    out.key("break_even_acceptance");
    std::isfinite(gr.break_even_acceptance) ? out.value(gr.break_even_acceptance) : out.null();
    if (g.type != OfferType::cross_sell) {
      // Why an upsell does not add its full price (the €870 trap of SPEC §4).
      const double takes = g.exposed_orders * k[traffic_share] * simulator.volume() *
                           (1 + k[conversion_impact]) * k[acceptance];
      const double naive_aov =
          r.scenario.orders > 0 ? (r.scenario.revenue + takes * g.anchor_price) / r.scenario.orders
                                : 0;
      out.field("explanation",
                std::string(g.type == OfferType::upsell ? "The premium item replaces the "
                                                        : "The bundle replaces the ") +
                    money(g.anchor_price, b.currency) + " item(s) bought anyway: each take adds " +
                    money(v, b.currency) + ", not " + money(k[offered_price], b.currency) +
                    ". Adding the full price would show an AOV of " + money(naive_aov, b.currency) +
                    " instead of " + money(r.scenario.aov, b.currency) + ".");
    }
    out.end_object();
  }
  out.end_array();
  out.key("sensitivity").begin_array();
  for (const Sensitivity& s : tornado) {
    out.begin_object()
        .field("group", b.groups[s.group].id)
        .field("knob", knob_name(s.knob))
        .field("step", s.step);
    out.key("profit_down");
    margin ? out.value(s.profit_down) : out.null();
    out.key("profit_up");
    margin ? out.value(s.profit_up) : out.null();
    out.end_object();
  }
  out.end_array();
  out.end_object();
  return out.take();
}

Result<std::string> simulate_json(std::string_view baseline_json, std::string_view scenario_json,
                                  bool pretty) {
  Result<Baseline> baseline = baseline_from_any(baseline_json, scenario_json);
  if (!baseline.ok()) return baseline.status();
  return simulate_json(std::move(baseline.value()), scenario_json, pretty);
}

Result<std::string> simulate_json(Baseline baseline, std::string_view scenario_json, bool pretty) {
  Simulator simulator(std::move(baseline));
  if (Status s = apply_scenario(scenario_json, simulator); !s.ok()) return s;
  return simulation_json(simulator, pretty);
}

}  // namespace basketlift::sim
