// The report computed from an aggregates file instead of rows: the same figures and formulas
// wherever the file carries the sums a section needs; the other sections say why they are absent.
#pragma once

#include "report/report.h"
#include "warehouse/aggregates.h"

namespace basketlift {

/// The report of `aggregates` under `settings` (the file's own, or a --config that agrees with
/// it on every query setting).
Report report_from_aggregates(const Aggregates& aggregates, const Settings& settings);

}  // namespace basketlift
