#include "report/section_writers.h"

namespace basketlift {

namespace {

void write_group(JsonWriter& out, const LtvGroup& g) {
  out.begin_object();
  out.field("customers", g.customers).field("repeaters", g.repeaters);
  out.field("repeat_rate", g.repeat_rate).key("repeat_rate_ci");
  write_interval(out, g.repeat_rate_ci);
  out.field("revenue_per_customer", g.revenue_per_customer).key("revenue_ci");
  write_interval(out, g.revenue_ci);
  out.end_object();
}

}  // namespace

void write_ltv(JsonWriter& out, const LtvResult& ltv) {
  if (!ltv.available) return write_unavailable(out, ltv.reason);
  out.begin_object();
  out.field("available", true);
  out.field("customers", ltv.customers)
      .field("adopters", ltv.adopters)
      .field("data_end", ltv.data_end);
  out.field("adopter_rule",
            "accepted at least one offer (an order line with a rec_id, or an accepted impression)");
  out.field("caveat", ltv.caveat);
  out.key("windows").begin_array();
  for (const LtvWindow& w : ltv.windows) {
    out.begin_object();
    out.field("days", w.days);
    out.key("adopters");
    write_group(out, w.adopters);
    out.key("non_adopters");
    write_group(out, w.others);
    out.key("repeat_rate_difference");
    write_comparison(out, w.repeat_difference);
    out.key("revenue_difference");
    write_comparison(out, w.revenue_difference);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace basketlift
