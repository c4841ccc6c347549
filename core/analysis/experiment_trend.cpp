#include "analysis/experiment_trend.h"

namespace basketlift {

ExperimentTrend experiment_trend(const AnalysisContext& ctx, const ExperimentUnits& u,
                                 const std::vector<std::uint32_t>& period_of_unit,
                                 std::int64_t start_day, std::size_t count) {
  ExperimentTrend trend;
  const ExperimentSums whole = experiment_frame(ctx, u);
  const ExperimentResult overall = experiment_from_sums(whole, ctx.settings);
  if (!overall.available) {
    trend.reason = overall.reason;
    return trend;
  }
  trend.arms = whole.arms;
  const std::size_t arms = whole.arms.size();
  // Each period's own units per arm.
  std::vector<std::vector<ArmStats>> own(count, std::vector<ArmStats>(arms));
  bool any = false;
  for (std::size_t unit = 0; unit < u.size(); ++unit) {
    if (u.arm[unit] < 0) continue;
    const std::uint32_t k = period_of_unit[unit];
    if (k >= count) {
      ++trend.undated_units;
      continue;
    }
    add_unit(own[k][static_cast<std::size_t>(u.arm[unit])], u, unit, whole.revenue_cap,
             whole.margin_cap);
    any = true;
  }
  if (!any) {
    trend.reason = "no unit with an arm has a time";
    return trend;
  }
  trend.available = true;
  trend.start_day = start_day;
  ExperimentSums upto = whole;  // the "all" slice over the units started so far
  upto.slices = {{"all", "", std::vector<ArmStats>(arms)}};
  upto.totals.clear();
  trend.periods.resize(count);
  for (std::size_t k = 0; k < count; ++k) {
    ExperimentPeriod& p = trend.periods[k];
    p.srm = check_srm(own[k], whole.arms, ctx.settings, false);
    p.units = p.srm.units;
    std::vector<ArmStats>& cumulative = upto.slices[0].arms;
    for (std::size_t a = 0; a < arms; ++a) {
      cumulative[a].merge(own[k][a]);
      p.cumulative_units.push_back(cumulative[a].units);
    }
    p.comparisons = experiment_from_sums(upto, ctx.settings).comparisons;
  }
  return trend;
}

}  // namespace basketlift
