// What the report found, as plain text for a terminal: the part after the headline figures.
#pragma once

#include <string>

#include "report/report.h"

namespace basketlift::cli {

/// Alerts, data gaps with readiness, offers with verdicts, the retire list, the experiment's
/// overall comparisons and the top cross-sell candidates; ids are named through `store`.
std::string text_findings(const Report& report, const Store& store);

}  // namespace basketlift::cli
