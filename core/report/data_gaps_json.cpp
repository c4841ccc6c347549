#include "report/section_writers.h"

namespace basketlift {

void write_data_gaps(JsonWriter& out, const DataGapsResult& gaps) {
  out.begin_object();
  out.field("available", true);
  out.key("readiness").begin_array();
  for (const Readiness& r : gaps.readiness) {
    out.begin_object().field("analysis", r.analysis).field("status", r.status);
    if (!r.reason.empty()) out.field("reason", r.reason);
    out.end_object();
  }
  out.end_array();
  out.key("checks").begin_array();
  for (const GapCheck& c : gaps.checks) {
    out.begin_object();
    out.field("id", c.id).field("title", c.title).field("severity", severity_name(c.severity));
    out.field("count", c.count)
        .field("unit", c.unit)
        .field("share", c.share)
        .field("share_of", c.share_of);
    out.key("examples").begin_array();
    for (const GapExample& e : c.examples) {
      out.begin_object()
          .field("file", e.file)
          .field("row", e.row)
          .field("value", e.value)
          .end_object();
    }
    out.end_array();
    out.field("impact", c.impact).field("fix", c.fix);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace basketlift
