// The report: one document holding every figure the dashboard shows (SPEC §5).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/alerts.h"
#include "analysis/basket.h"
#include "analysis/data_gaps.h"
#include "analysis/dimensions.h"
#include "analysis/experiment.h"
#include "analysis/ltv.h"
#include "analysis/offers.h"
#include "analysis/settings.h"
#include "analysis/summary.h"
#include "analysis/trends.h"
#include "ingest/file_report.h"
#include "store/store.h"
#include "util/json_writer.h"

namespace basketlift {

/// Version of the report's JSON layout (documented in core/report/report.schema.json).
constexpr const char* kReportSchemaVersion = "1.5";

/// Everything one analysis found.
struct Report {
  std::vector<FileReport> inputs;      ///< one entry per file, in the order given
  Summary summary;                     ///< headline figures
  DimensionsResult dimensions;         ///< performance by dimension
  ExperimentResult experiment;         ///< control vs optimised
  OffersResult offers;                 ///< profitability (the retire list is derived from it)
  LtvResult ltv;                       ///< customer value
  DataGapsResult data_gaps;            ///< what is missing or wrong in the data
  BasketResult basket;                 ///< pairs bought together, cross-sell candidates
  TrendsResult trends;                 ///< figures over time, changes, tracking gaps
  std::vector<Alert> alerts;           ///< most urgent first
  std::uint64_t accepted_derived = 0;  ///< impressions whose acceptance was derived from orders
  Settings settings;                   ///< options in force
  std::uint64_t store_bytes = 0;       ///< memory held by the columnar store
};

/// Serialises the report with the stable top-level keys of SPEC §5; names come from `store`.
std::string report_to_json(const Report& report, const Store& store, bool pretty = false,
                           JsonEscapes escapes = JsonEscapes::required);

}  // namespace basketlift
