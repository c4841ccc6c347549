// The pre-period rows of an aggregates file (format 5): `cuped` (units naming a customer,
// customers with a pre-period) and `cuped_arm` (one arm's cuped_sums), and the pre-period
// adjustment's sums made from them.
#include "warehouse/aggregates.h"

namespace basketlift {

bool is_cuped_row(std::string_view kind) {
  return kind == "cuped" || kind == "cuped_arm";
}

std::optional<RowProblem> read_cuped_row(CupedAggregates& cuped, const std::string& kind,
                                         const std::string& key, const std::string& measure,
                                         const std::string& value) {
  cuped.present = true;
  if (kind == "cuped") {
    if (measure != "units_with_customer" && measure != "customers_with_pre_period")
      return RowProblem{"measure", "'" + measure + "' is not a pre-period measure"};
    return row_number(value, cuped.totals[measure]);
  }
  if (key.empty()) return RowProblem{"key", "a pre-period arm row names no arm"};
  const std::size_t at = layout_index(kCupedSumsLayout, measure);
  if (at == kCupedSumsLayout.size())
    return RowProblem{"measure", "'" + measure + "' is not a pre-period sum"};
  return row_number(value, cuped.arms[key][at]);
}

namespace {

// One metric's co-moments from an arm's sums: its values' sums and their products' (a_by_b or
// b_by_a, whichever the layout holds).
CoMoments comoments_of(const std::array<double, kCupedSumsLayout.size()>& sums,
                       const CupedMetricValues& metric) {
  const auto sum = [&](std::string_view name) {
    return sums[layout_index(kCupedSumsLayout, name)];
  };
  CoMoments::Values totals{};
  std::array<CoMoments::Values, CoMoments::kSize> products{};
  for (int i = 0; i < metric.count; ++i) {
    totals[i] = sum(metric.values[i]);
    for (int j = 0; j < metric.count; ++j) {
      const std::string a(metric.values[i]), b(metric.values[j]);
      const std::size_t at = layout_index(kCupedSumsLayout, a + "_by_" + b);
      products[i][j] = at < kCupedSumsLayout.size() ? sums[at] : sum(b + "_by_" + a);
    }
  }
  return CoMoments::from_sums(sum("units"), totals, products);
}

}  // namespace

CupedSums cuped_sums_of(const CupedAggregates& cuped, const std::vector<std::string>& arms,
                        const Settings& settings, int version) {
  CupedSums sums;
  if (!cuped.present) {
    sums.reason = settings.cuped ? "not in the aggregates file: format " + std::to_string(version) +
                                       " has no pre-period sums (format 5 does); run basketlift "
                                       "sql again for them"
                                 : cuped_missing_reason(settings, true, true);
    return sums;
  }
  const auto total = [&](const char* name) {
    const auto found = cuped.totals.find(name);
    return found == cuped.totals.end() ? 0.0 : found->second;
  };
  sums.reason = cuped_missing_reason(settings, total("units_with_customer") > 0,
                                     total("customers_with_pre_period") > 0);
  if (!sums.reason.empty()) return sums;
  sums.available = true;
  for (const std::string& arm : arms) {
    const auto found = cuped.arms.find(arm);
    const std::array<double, kCupedSumsLayout.size()> none{};
    const auto& values = found == cuped.arms.end() ? none : found->second;
    CupedArm a;
    CoMoments* metrics[] = {&a.cvr, &a.rpv, &a.margin, &a.aov, &a.acceptance};
    for (std::size_t m = 0; m < kCupedMetrics.size(); ++m)
      *metrics[m] = comoments_of(values, kCupedMetrics[m]);
    sums.arms.push_back(a);
  }
  return sums;
}

}  // namespace basketlift
