#include "report/section_writers.h"

namespace basketlift {

namespace {

const char* basis_name(DimensionBasis basis) {
  switch (basis) {
    case DimensionBasis::orders:
      return "orders";
    case DimensionBasis::lines:
      return "lines";
    case DimensionBasis::offers:
      return "offers";
  }
  return "orders";
}

void write_group(JsonWriter& out, const GroupFigures& g, double confidence) {
  out.begin_object();
  out.field("key", g.key);
  if (!g.name.empty()) out.field("name", g.name);
  out.field("orders", g.orders).field("revenue", g.revenue).field("aov", g.aov());
  out.field("margin", g.margin)
      .field("attached_orders", g.attached_orders)
      .field("attach_rate", g.attach_rate());
  out.field("impressions", g.impressions).field("accepted", g.accepted);
  out.field("acceptance_rate", g.acceptance_rate()).key("acceptance_ci");
  write_interval(out, wilson_interval(g.accepted, g.impressions, confidence));
  out.field("offer_revenue", g.offer_revenue).field("offer_margin", g.offer_margin);
  out.field("margin_per_1000_impressions", g.margin_per_1000_impressions());
  out.end_object();
}

}  // namespace

void write_dimensions(JsonWriter& out, const DimensionsResult& dimensions, double confidence) {
  if (!dimensions.available) return write_unavailable(out, dimensions.reason);
  out.begin_object();
  out.field("available", true);
  out.key("by").begin_object();
  for (const Dimension& d : dimensions.dimensions) {
    out.key(d.name).begin_object();
    out.field("basis", basis_name(d.basis)).field("group_count", d.group_count);
    out.key("additive").begin_array();
    for (const char* measure : additive_measures(d.basis))
      out.value(measure);
    out.end_array();
    out.key("groups").begin_array();
    for (const GroupFigures& g : d.groups)
      write_group(out, g, confidence);
    out.end_array();
    out.key("total");
    write_group(out, d.total, confidence);
    out.end_object();
  }
  out.end_object();
  out.end_object();
}

}  // namespace basketlift
