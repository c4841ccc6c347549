#include "analysis/experiment_trend.h"

namespace basketlift {

ExperimentTrend experiment_trend(const AnalysisContext& ctx, const ExperimentUnits& u,
                                 const std::vector<std::uint32_t>& period_of_unit,
                                 std::int64_t start_day, std::size_t count) {
  const ExperimentSums whole = experiment_frame(ctx, u);
  // Each period's own units per arm.
  std::vector<std::vector<ArmStats>> own(count, std::vector<ArmStats>(whole.arms.size()));
  std::uint64_t undated = 0;
  for (std::size_t unit = 0; unit < u.size(); ++unit) {
    if (u.arm[unit] < 0) continue;
    const std::uint32_t k = period_of_unit[unit];
    if (k >= count) {
      ++undated;
      continue;
    }
    add_unit(own[k][static_cast<std::size_t>(u.arm[unit])], u, unit, whole.revenue_cap,
             whole.margin_cap);
  }
  return experiment_trend_of(whole, own, undated, start_day, ctx.settings);
}

ExperimentTrend experiment_trend_of(const ExperimentSums& whole,
                                    const std::vector<std::vector<ArmStats>>& own,
                                    std::uint64_t undated, std::int64_t start_day,
                                    const Settings& settings) {
  ExperimentTrend trend;
  const ExperimentResult overall = experiment_from_sums(whole, settings);
  if (!overall.available) {
    trend.reason = overall.reason;
    return trend;
  }
  trend.undated_units = undated;
  const std::size_t arms = whole.arms.size();
  bool any = false;
  for (const std::vector<ArmStats>& period : own)
    for (const ArmStats& arm : period)
      any = any || arm.units > 0;
  if (!any) {
    trend.reason = "no unit with an arm has a time";
    return trend;
  }
  trend.arms = whole.arms;
  trend.available = true;
  trend.start_day = start_day;
  ExperimentSums upto = whole;  // the "all" slice over the units started so far
  upto.slices = {{"all", "", std::vector<ArmStats>(arms)}};
  upto.totals.clear();
  upto.cuped = {};  // the comparisons over time are the unadjusted ones
  const std::size_t count = own.size();
  trend.periods.resize(count);
  for (std::size_t k = 0; k < count; ++k) {
    ExperimentPeriod& p = trend.periods[k];
    p.srm = check_srm(own[k], whole.arms, settings, false);
    p.units = p.srm.units;
    std::vector<ArmStats>& cumulative = upto.slices[0].arms;
    for (std::size_t a = 0; a < arms; ++a) {
      cumulative[a].merge(own[k][a]);
      p.cumulative_units.push_back(cumulative[a].units);
    }
    p.comparisons = experiment_from_sums(upto, settings).comparisons;
  }
  return trend;
}

}  // namespace basketlift
