// The report computed from an aggregates file instead of rows: the same figures and formulas
// wherever the file carries the sums a section needs; the other sections say why they are absent.
#pragma once

#include "report/report.h"
#include "warehouse/aggregates.h"

namespace basketlift {

/// The report of `aggregates` under `settings` (the file's own, or a --config that agrees with
/// it on every query setting). The names the report shows (offers, placements, products,
/// segments) are interned into `names`, which the report's writer reads them from.
Report report_from_aggregates(const Aggregates& aggregates, const Settings& settings, Store& names);

}  // namespace basketlift
