// The experiment over time (SPEC §3.8): each arm's cumulative difference from control at the
// end of every period, and the sample-ratio check of each period's own units.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/experiment.h"

namespace basketlift {

/// The experiment as it stood at the end of one period.
struct ExperimentPeriod {
  std::vector<double> units;               ///< units that started in the period, per arm
  SrmCheck srm;                            ///< those units against the expected split
  std::vector<double> cumulative_units;    ///< units started up to the period's end, per arm
  std::vector<ArmComparison> comparisons;  ///< each arm against control over those units
};

/// The experiment by period (aligned with the trends' periods).
struct ExperimentTrend {
  bool available = false;                 ///< false: see `reason`
  std::string reason;                     ///< why there is no experiment over time
  std::vector<std::string> arms;          ///< arm names, control first
  std::int64_t start_day = 0;             ///< local day the first tagged unit started
  std::uint64_t undated_units = 0;        ///< tagged units without a time (left out)
  std::vector<ExperimentPeriod> periods;  ///< one per trend period
};

/// The experiment over time from its units; `period_of_unit[u]` is unit u's period (`count`:
/// undated) and `start_day` the local day the first unit with an arm started. Caps are the
/// whole experiment's, so the last period's figures are the experiment section's (less the
/// undated units).
ExperimentTrend experiment_trend(const AnalysisContext& ctx, const ExperimentUnits& units,
                                 const std::vector<std::uint32_t>& period_of_unit,
                                 std::int64_t start_day, std::size_t count);

/// The experiment over time from the whole experiment's sums and each period's own units' sums
/// per arm (`own[k][a]`, arms in whole.arms' order, capped at the whole experiment's caps);
/// `undated` tagged units had no time, `start_day` is the first local day a tagged unit started.
/// What the rows (above) and an aggregates file (warehouse/) share.
ExperimentTrend experiment_trend_of(const ExperimentSums& whole,
                                    const std::vector<std::vector<ArmStats>>& own,
                                    std::uint64_t undated, std::int64_t start_day,
                                    const Settings& settings);

}  // namespace basketlift
