// The customer value rows of an aggregates file (format 3): `ltv` (whether customers are named,
// customers, adopters, the last order's time) and `ltv_window` (per horizon and group), and the
// ltv section made from them.
#include <algorithm>
#include <charconv>

#include "warehouse/aggregates.h"

namespace basketlift {

bool is_ltv_row(std::string_view kind) {
  return kind == "ltv" || kind == "ltv_window";
}

std::optional<RowProblem> read_ltv_row(LtvAggregates& ltv, const std::string& kind,
                                       const std::string& scope, const std::string& key,
                                       const std::string& measure, const std::string& value) {
  ltv.present = true;
  if (kind == "ltv") {
    if (measure != "customers_named" && measure != "customers" && measure != "adopters" &&
        measure != "data_end")
      return RowProblem{"measure", "'" + measure + "' is not a customer value measure"};
    return row_number(value, ltv.totals[measure]);
  }
  int days = 0;
  const auto [end, ec] = std::from_chars(scope.data(), scope.data() + scope.size(), days);
  if (ec != std::errc() || end != scope.data() + scope.size() || days <= 0)
    return RowProblem{"scope", "'" + scope + "' is not a horizon in days"};
  if (key != "adopters" && key != "others")
    return RowProblem{"key", "'" + key + "' is not adopters or others"};
  if (std::find(kLtvSumsLayout.begin(), kLtvSumsLayout.end(), measure) == kLtvSumsLayout.end())
    return RowProblem{"measure", "'" + measure + "' is not a customer value measure"};
  return row_number(value, ltv.windows[{days, key}][measure]);
}

LtvResult ltv_of(const LtvAggregates& ltv, const Settings& settings) {
  const auto total = [&](const char* name) {
    const auto found = ltv.totals.find(name);
    return found == ltv.totals.end() ? 0.0 : found->second;
  };
  LtvSums sums;
  sums.customers_named = total("customers_named") != 0;
  sums.customers = static_cast<std::uint64_t>(total("customers"));
  sums.adopters = static_cast<std::uint64_t>(total("adopters"));
  sums.data_end = static_cast<std::int64_t>(total("data_end"));
  for (int days : settings.ltv_windows_days) {
    std::array<LtvGroupSums, 2> groups;
    for (int adopter : {0, 1}) {
      const auto found = ltv.windows.find({days, adopter != 0 ? "adopters" : "others"});
      if (found == ltv.windows.end()) continue;
      const auto measure = [&](const char* name) {
        const auto value = found->second.find(name);
        return value == found->second.end() ? 0.0 : value->second;
      };
      groups[adopter].revenue = Moments::from_sums(measure("customers"), measure("revenue_sum"),
                                                   measure("revenue_sum_sq"));
      groups[adopter].repeaters = measure("repeaters");
    }
    sums.windows.push_back(groups);
  }
  return ltv_from_sums(sums, settings);
}

}  // namespace basketlift
