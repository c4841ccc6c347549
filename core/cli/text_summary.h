// A readable plain-text rendering of a report, for people at a terminal.
#pragma once

#include <string>

#include "report/report.h"

namespace basketlift::cli {

/// The report as aligned text: inputs, headline figures, then the findings (alerts, data
/// gaps, offers, the retire list, the experiment, cross-sells to consider); `store` names ids.
std::string text_summary(const Report& report, const Store& store);

}  // namespace basketlift::cli
