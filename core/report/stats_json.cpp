#include <cmath>

#include "report/section_writers.h"

namespace basketlift {

void write_interval(JsonWriter& out, const Interval& interval) {
  out.begin_array().value(interval.low).value(interval.high).end_array();
}

void write_unavailable(JsonWriter& out, const std::string& reason) {
  out.begin_object().field("available", false).field("reason", reason).end_object();
}

void write_comparison(JsonWriter& out, const Comparison& c) {
  out.begin_object();
  out.field("ok", c.ok);
  if (!c.ok) {
    out.field("reason", c.reason);
    out.end_object();
    return;
  }
  out.field("control", c.control).field("treatment", c.treatment);
  out.field("delta", c.delta).key("delta_ci");
  write_interval(out, c.delta_ci);
  out.field("p_value", c.p_value);
  out.field("relative", c.relative).key("relative_ci");
  write_interval(out, c.relative_ci);
  out.field("relative_p_value", c.relative_p_value);
  out.field("se", c.se);
  out.key("df");
  std::isinf(c.df) ? out.value("normal") : out.value(c.df);
  out.end_object();
}

}  // namespace basketlift
