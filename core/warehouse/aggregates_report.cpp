#include "warehouse/aggregates_report.h"

#include "analysis/data_gaps.h"

namespace basketlift {

Report report_from_aggregates(const Aggregates& aggregates, const Settings& settings) {
  Report report;
  report.inputs = aggregates.tables;
  report.settings = settings;
  report.summary = summary_from_sums(aggregates.summary, settings.confidence);
  const std::string absent = "not in the aggregates file: format " +
                             std::to_string(aggregates.version) +
                             " carries the summary and the tables' row accounts; read the raw "
                             "files for this section";
  report.dimensions.reason = absent;
  report.experiment.reason = absent;
  report.offers.reason = absent;
  report.ltv.reason = absent;
  report.basket.reason = absent;
  gaps::add_file_checks(report.data_gaps.checks, report.inputs, settings);
  report.alerts = data_gap_alerts(report.data_gaps);
  sort_alerts(report.alerts);
  return report;
}

}  // namespace basketlift
