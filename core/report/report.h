// The report: one document holding every figure the dashboard shows (SPEC §5).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/settings.h"
#include "analysis/summary.h"
#include "ingest/file_report.h"

namespace basketlift {

/// Version of the report's JSON layout (docs: core/report/report.schema.json).
constexpr const char* kReportSchemaVersion = "1.0";

/// Everything one analysis found.
struct Report {
  std::vector<FileReport> inputs;  ///< one entry per file, in the order given
  Summary summary;                 ///< headline figures
  Settings settings;               ///< options in force
  std::uint64_t store_bytes = 0;   ///< memory held by the columnar store
};

/// Serialises the report with the stable top-level keys of SPEC §5.
std::string report_to_json(const Report& report, bool pretty = false);

}  // namespace basketlift
