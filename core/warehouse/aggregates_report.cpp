#include "warehouse/aggregates_report.h"

#include <algorithm>
#include <cmath>

#include "analysis/data_gaps.h"

namespace basketlift {

namespace {

ArmStats arm_stats(const ArmSliceSums& c) {
  ArmStats stats;
  stats.units = c.units;
  stats.converted = c.converted;
  stats.orders = c.orders;
  stats.revenue = Moments::from_sums(c.units, c.revenue_sum, c.revenue_sum_sq);
  stats.margin = Moments::from_sums(c.units, c.margin_sum, c.margin_sum_sq);
  stats.aov = RatioMoments::from_sums(c.aov_n, c.aov_sum_m, c.aov_sum_d, c.aov_sum_mm, c.aov_sum_dd,
                                      c.aov_sum_md);
  return stats;
}

// The experiment's sums in the engine's terms: arms with control first (settings.control_arm,
// which the report may change), then by name; caps as the engine gives them.
ExperimentSums experiment_sums_of(const ExperimentAggregates& e, const Settings& settings) {
  ExperimentSums sums;
  sums.unit = e.unit;
  sums.untagged_units = e.untagged_units;
  sums.orders_outside_units = e.orders_outside_units;
  sums.costs_known = e.costs_known;
  for (const auto& [name, totals] : e.totals)
    sums.arms.push_back(name);
  const auto control = std::find(sums.arms.begin(), sums.arms.end(), settings.control_arm);
  sums.has_control = control != sums.arms.end();
  if (sums.has_control) std::rotate(sums.arms.begin(), control, control + 1);
  if (settings.capping != Capping::off) {
    const bool two_sided = settings.capping == Capping::two_sided;
    const auto or_else = [](double value, double fallback) {
      return std::isnan(value) ? fallback : value;
    };
    sums.revenue_cap = {two_sided ? or_else(e.revenue_cap_low, -INFINITY) : kNaN,
                        or_else(e.revenue_cap_high, INFINITY)};
    sums.margin_cap = {two_sided ? or_else(e.margin_cap_low, -INFINITY) : kNaN,
                       or_else(e.margin_cap_high, INFINITY)};
  }
  for (const std::string& arm : sums.arms)
    sums.totals.push_back(e.totals.at(arm));
  // Slices in the engine's order of kinds: "all", placements, channels, segments; within a
  // kind by value (a warehouse table has no row order to follow). Cells are sorted by key.
  for (const std::string kind : {"all", "placement", "channel", "segment"}) {
    const std::string prefix = kind == "all" ? kind : kind + ":";
    for (auto cell = e.cells.lower_bound({prefix, ""}); cell != e.cells.end(); ++cell) {
      const std::string& key = cell->first.first;
      if (key.compare(0, prefix.size(), prefix) != 0) break;
      if (!sums.slices.empty() && sums.slices.back().kind == kind &&
          sums.slices.back().value == key.substr(std::min(prefix.size(), key.size())))
        continue;  // the slice's other arms
      SliceStats slice{kind, kind == "all" ? "" : key.substr(prefix.size()),
                       std::vector<ArmStats>(sums.arms.size())};
      for (std::size_t a = 0; a < sums.arms.size(); ++a) {
        const auto found = e.cells.find({key, sums.arms[a]});
        if (found != e.cells.end()) slice.arms[a] = arm_stats(found->second);
      }
      sums.slices.push_back(std::move(slice));
    }
  }
  return sums;
}

}  // namespace

Report report_from_aggregates(const Aggregates& aggregates, const Settings& settings) {
  Report report;
  report.inputs = aggregates.tables;
  report.settings = settings;
  report.summary = summary_from_sums(aggregates.summary, settings.confidence);
  const std::string absent = "not in the aggregates file: format " +
                             std::to_string(aggregates.version) +
                             " carries the summary, the experiment and the tables' row accounts; "
                             "read the raw "
                             "files for this section";
  report.dimensions.reason = absent;
  if (aggregates.experiment.present) {
    report.experiment =
        experiment_from_sums(experiment_sums_of(aggregates.experiment, settings), settings);
  } else {
    report.experiment.reason = absent;
  }
  report.offers.reason = absent;
  report.ltv.reason = absent;
  report.basket.reason = absent;
  gaps::add_file_checks(report.data_gaps.checks, report.inputs, settings);
  report.alerts = data_gap_alerts(report.data_gaps);
  sort_alerts(report.alerts);
  return report;
}

}  // namespace basketlift
