#include "report/section_writers.h"

namespace basketlift {

void write_alerts(JsonWriter& out, const std::vector<Alert>& alerts) {
  out.begin_object();
  out.field("available", true);
  out.key("alerts").begin_array();
  for (const Alert& a : alerts) {
    out.begin_object();
    out.field("kind", a.kind).field("severity", severity_name(a.severity));
    out.field("title", a.title).field("detail", a.detail).field("evidence", a.evidence);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace basketlift
