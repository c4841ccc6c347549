// A readable plain-text rendering of a report, for people at a terminal.
#pragma once

#include <string>

#include "report/report.h"

namespace basketlift::cli {

/// The report's inputs and headline figures as aligned text.
std::string text_summary(const Report& report);

}  // namespace basketlift::cli
