// Data gaps (SPEC §3.7): what is missing or wrong in the merchant's data, how much it touches,
// how urgent it is and how to fix it; plus which analyses the data supports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/alerts.h"
#include "analysis/context.h"
#include "analysis/experiment_units.h"
#include "analysis/summary.h"
#include "ingest/file_report.h"

namespace basketlift {

/// One example row behind a check.
struct GapExample {
  std::string file;   ///< file name as given
  std::uint64_t row;  ///< row number in it (0 when the problem is not one row)
  std::string value;  ///< the value concerned
};

/// One check's finding.
struct GapCheck {
  std::string id;                      ///< stable id ("missing_product_mapping")
  std::string title;                   ///< one line for the merchant
  Severity severity = Severity::info;  ///< from the share touched and the gap's nature
  double count = 0;                    ///< how many `unit`
  std::string unit;                    ///< what is counted ("order lines")
  double share = 0;                    ///< share of `share_of` touched, 0..1
  std::string share_of;                ///< "revenue", "order lines", "sessions", ...
  std::vector<GapExample> examples;    ///< up to 5
  std::string impact;                  ///< what it does to the analyses
  std::string fix;                     ///< what to change, in the merchant's words
};

/// How far the data supports one analysis.
struct Readiness {
  std::string analysis;  ///< "margin", "cvr", ...
  std::string status;    ///< "full", "partial" or "none"
  std::string reason;    ///< why not full
};

/// The data_gaps section.
struct DataGapsResult {
  std::vector<Readiness> readiness;  ///< one per analysis
  std::vector<GapCheck> checks;      ///< only checks that found something, worst first
};

/// Runs every check on the store, the file accounts and the figures already computed.
DataGapsResult analyze_data_gaps(const AnalysisContext& ctx, const std::vector<FileReport>& files,
                                 const Summary& summary, const ExperimentUnits& units);

/// One critical alert per critical gap, pointing at it.
std::vector<Alert> data_gap_alerts(const DataGapsResult& gaps);

/// Helpers shared by the checks (data_gaps_*.cpp).
namespace gaps {
/// Examples kept per check.
inline constexpr std::size_t kMaxExamples = 5;
/// Keeps up to kMaxExamples examples.
void add_example(GapCheck& check, const std::vector<FileReport>& files, RowOrigin origin,
                 std::string_view value);
/// Severity from the share touched (settings thresholds), at least `floor`.
Severity severity_for(double share, const Settings& settings, Severity floor = Severity::info);
/// Checks that read the file accounts (rejections and remarks).
void add_file_checks(std::vector<GapCheck>& checks, const std::vector<FileReport>& files,
                     const Settings& settings);
/// Which analyses the data supports.
std::vector<Readiness> readiness(const AnalysisContext& ctx, const Summary& summary,
                                 const ExperimentUnits& units, const std::vector<GapCheck>& checks);
}  // namespace gaps

}  // namespace basketlift
