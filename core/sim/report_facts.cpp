#include "sim/report_facts.h"

#include <cmath>

#include "util/json_tree.h"

namespace basketlift::sim {

namespace {

// Reads the fields of one JSON object of a report, naming the object in every error.
class Fields {
 public:
  Fields(const JsonValue& o, std::string where) : object_(&o), where_(std::move(where)) {}

  // A number, or NaN for null when `nullable`.
  Status number(std::string_view key, double& out, bool nullable = false) const {
    if (const JsonValue* e = object_->find(key)) {
      if (nullable && e->is_null()) {
        out = kNoNumber;
        return Status::success();
      }
      if (e->get_double(out) && std::isfinite(out)) return Status::success();
    }
    return missing(key, nullable ? "a number or null" : "a number");
  }

  // A string, or "" for null when `nullable`.
  Status text(std::string_view key, std::string& out, bool nullable = false) const {
    std::string_view value;
    if (const JsonValue* e = object_->find(key)) {
      if (nullable && e->is_null()) {
        out.clear();
        return Status::success();
      }
      if (e->get_string(value)) {
        out = std::string(value);
        return Status::success();
      }
    }
    return missing(key, nullable ? "a string or null" : "a string");
  }

  Status missing(std::string_view key, const char* expected) const {
    return Status::error(ErrorCode::bad_config, "the report's " + where_ + " needs \"" +
                                                    std::string(key) + "\" (" + expected +
                                                    "): is it a Basketlift report?");
  }

  // The object's member `key`, or null when absent.
  const JsonValue& get(std::string_view key) const { return object_->member(key); }

 private:
  const JsonValue* object_;
  std::string where_;
};

Status read_segments(Fields offer, const std::string& where, std::vector<SegmentFacts>& out) {
  const JsonValue& groups = offer.get("by_segment");
  if (!groups.is_array()) return offer.missing("by_segment", "an array");
  for (const JsonValue& group : groups.items()) {
    if (!group.is_object()) return offer.missing("by_segment", "an array of objects");
    const Fields fields(group, where + " by_segment entry");
    SegmentFacts s;
    for (Status status :
         {fields.text("segment", s.segment), fields.number("sessions", s.sessions),
          fields.number("conversion_rate", s.conversion_rate, true),
          fields.number("impressions", s.impressions), fields.number("accepted", s.accepted)}) {
      if (!status.ok()) return status;
    }
    out.push_back(std::move(s));
  }
  return Status::success();
}

Status read_offer(const JsonValue& o, std::vector<OfferFacts>& out) {
  Fields fields(o, "offer");
  OfferFacts f;
  if (Status s = fields.text("rec_id", f.rec_id); !s.ok()) return s;
  fields = Fields(o, "offer " + f.rec_id);
  bool tracked = false;
  if (!fields.get("tracked").get_bool(tracked)) return fields.missing("tracked", "true or false");
  if (!tracked) return Status::success();  // known from order lines only: nothing to project
  std::string type;
  if (Status s = fields.text("type", type); !s.ok()) return s;
  const std::optional<OfferType> parsed = offer_type_from_name(type);
  if (!parsed) return fields.missing("type", "cross_sell, upsell or bundle");
  OfferFigures& figures = f.figures;
  figures.type = *parsed;
  for (Status s :
       {fields.text("placement", f.placement, true),
        fields.number("exposed_orders", figures.exposed_orders),
        fields.number("orders", figures.takes), fields.number("revenue", figures.revenue),
        fields.number("margin", figures.margin),
        fields.number("anchor_price", figures.anchor_price, true),
        fields.number("anchor_cost", figures.anchor_cost, true),
        fields.number("offered_catalogue_price", figures.offered_price, true),
        fields.number("offered_catalogue_cost", figures.offered_cost, true)}) {
    if (!s.ok()) return s;
  }
  if (Status s = read_segments(fields, "offer " + f.rec_id, f.segments); !s.ok()) return s;
  out.push_back(std::move(f));
  return Status::success();
}

}  // namespace

ReportFacts report_facts(const Report& report, const Store& store) {
  ReportFacts facts;
  const Summary& s = report.summary;
  facts.currency = s.currency.value_or("");
  facts.orders = static_cast<double>(s.money_orders);
  facts.revenue = s.revenue.value.value_or(kNoNumber);
  facts.margin = s.margin.value.value_or(kNoNumber);
  facts.confidence = report.settings.confidence;
  if (!report.offers.available) return facts;
  for (const OfferResult& o : report.offers.offers) {
    if (!o.tracked) continue;
    OfferFacts f;
    f.rec_id = std::string(store.pools.recs.view(o.rec));
    if (o.placement != kNoId) f.placement = std::string(store.pools.labels.view(o.placement));
    f.figures = {o.type,        o.exposed_orders, static_cast<double>(o.orders),
                 o.revenue,     o.margin,         o.anchor_price,
                 o.anchor_cost, o.offered_price,  o.offered_cost};
    for (const OfferGroup& g : o.by_segment.groups) {
      f.segments.push_back({std::string(store.pools.labels.view(g.label)), g.units,
                            g.conversion_rate, static_cast<double>(g.impressions),
                            static_cast<double>(g.accepted)});
    }
    facts.offers.push_back(std::move(f));
  }
  return facts;
}

Result<ReportFacts> report_facts_from_json(std::string_view report_json) {
  // Only the three sections read below are kept: the rest of a report can be megabytes.
  const std::optional<JsonValue> root =
      JsonValue::parse_members(report_json, {"summary", "settings", "offers"});
  if (!root) return Status::error(ErrorCode::bad_config, "the report is not a JSON object");
  const Fields sections(*root, "report");
  const JsonValue& summary = sections.get("summary");
  if (!summary.is_object())
    return Status::error(ErrorCode::bad_config, "the report has no summary");
  ReportFacts facts;
  const Fields fields(summary, "summary");
  for (Status s :
       {fields.text("currency", facts.currency, true), fields.number("money_orders", facts.orders),
        fields.number("revenue", facts.revenue, true),
        fields.number("margin", facts.margin, true)}) {
    if (!s.ok()) return s;
  }
  const JsonValue& settings = sections.get("settings");
  if (!settings.is_object())
    return Status::error(ErrorCode::bad_config, "the report has no settings");
  if (Status s = Fields(settings, "settings").number("confidence", facts.confidence); !s.ok())
    return s;
  const JsonValue& offers = sections.get("offers");
  if (!offers.is_object())
    return Status::error(ErrorCode::bad_config, "the report has no offers section");
  const Fields offers_fields(offers, "offers section");
  bool available = false;
  if (!offers_fields.get("available").get_bool(available))
    return offers_fields.missing("available", "true or false");
  if (!available) return facts;
  const JsonValue& list = offers_fields.get("offers");
  if (!list.is_array()) return offers_fields.missing("offers", "an array");
  for (const JsonValue& offer : list.items()) {
    if (!offer.is_object())
      return Status::error(ErrorCode::bad_config, "the report's offers must be objects");
    if (Status s = read_offer(offer, facts.offers); !s.ok()) return s;
  }
  return facts;
}

}  // namespace basketlift::sim
