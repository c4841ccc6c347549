// The dimensions rows of an aggregates file (format 2): `dimension` (one group's figures, packed
// as dimension_sums) and `dimension_name` (a listed product's display name).
#include <algorithm>

#include "ingest/value_parse.h"
#include "warehouse/aggregates.h"
#include "warehouse/packed_layouts.h"

namespace basketlift {

namespace {

// The dimensions in the engine's order, with what their groups partition.
constexpr std::pair<const char*, DimensionBasis> kDimensionBases[] = {
    {"offer", DimensionBasis::offers},     {"type", DimensionBasis::offers},
    {"placement", DimensionBasis::offers}, {"type_placement", DimensionBasis::offers},
    {"channel", DimensionBasis::orders},   {"variant", DimensionBasis::orders},
    {"segment", DimensionBasis::orders},   {"product", DimensionBasis::lines},
    {"category", DimensionBasis::lines},   {"category_path", DimensionBasis::lines}};

// The measure's index in the dimension_sums layout.
std::size_t measure_index(std::string_view measure) {
  return static_cast<std::size_t>(
      std::find(kDimensionSumsLayout.begin(), kDimensionSumsLayout.end(), measure) -
      kDimensionSumsLayout.begin());
}

bool is_dimension(std::string_view name) {
  return std::any_of(std::begin(kDimensionBases), std::end(kDimensionBases),
                     [&](const auto& d) { return name == d.first; });
}

// A group's figures from its sums.
GroupFigures figures_of(const std::array<double, kDimensionSumsLayout.size()>& sums) {
  const auto at = [&](std::string_view measure) { return sums[measure_index(measure)]; };
  GroupFigures g;
  g.orders = at("orders");
  g.order_revenue = at("order_revenue");
  g.revenue = at("revenue");
  g.margin = at("margin");
  g.attached_orders = at("attached_orders");
  g.impressions = at("impressions");
  g.accepted = at("accepted");
  g.offer_revenue = at("offer_revenue");
  g.offer_margin = at("offer_margin");
  return g;
}

}  // namespace

bool is_dimension_row(std::string_view kind) {
  return kind == "dimension" || kind == "dimension_name";
}

std::optional<RowProblem> read_dimension_row(DimensionAggregates& dimensions,
                                             const std::string& kind, const std::string& scope,
                                             const std::string& key, const std::string& measure,
                                             const std::string& value) {
  dimensions.present = true;
  if (!is_dimension(scope)) return RowProblem{"scope", "'" + scope + "' is not a dimension"};
  if (key != "total" && key != "other" && key != "not_set" && key.rfind("key:", 0) != 0)
    return RowProblem{"key", "'" + key + "' is not key:…, not_set, other or total"};
  if (kind == "dimension_name") {
    if (measure != "name") return RowProblem{"measure", "dimension_name rows hold 'name'"};
    dimensions.names[{scope, key}] = value;
    return std::nullopt;
  }
  const std::size_t index = measure_index(measure);
  if (index == kDimensionSumsLayout.size())
    return RowProblem{"measure", "'" + measure + "' is not a dimension measure"};
  const std::optional<double> number = parse_number(value);
  if (!number) return RowProblem{"value", "'" + value + "' is not a number"};
  dimensions.groups[{scope, key}][index] = *number;
  return std::nullopt;
}

DimensionsResult dimensions_of(const DimensionAggregates& aggregates) {
  DimensionsResult result;
  result.available = true;
  const std::size_t rank = measure_index("rank");
  const std::size_t group_count = measure_index("group_count");
  for (const auto& [name, basis] : kDimensionBases) {
    Dimension d{name, basis, {}, {}, 0};
    d.total.key = "total";
    std::vector<std::pair<double, GroupFigures>> listed;
    for (auto it = aggregates.groups.lower_bound({name, ""});
         it != aggregates.groups.end() && it->first.first == name; ++it) {
      const std::string& grp = it->first.second;
      const auto& sums = it->second;
      d.group_count = static_cast<std::uint64_t>(sums[group_count]);
      GroupFigures g = figures_of(sums);
      if (grp == "total") {
        g.key = "total";
        d.total = g;
        continue;
      }
      g.key = grp == "not_set" ? "(not set)" : grp == "other" ? "" : grp.substr(4);
      const auto named = aggregates.names.find({name, grp});
      if (named != aggregates.names.end()) g.name = named->second;
      listed.emplace_back(sums[rank], std::move(g));
    }
    std::sort(listed.begin(), listed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [position, g] : listed)
      d.groups.push_back(std::move(g));
    // The merged rest, last, says how many groups it holds.
    if (!d.groups.empty() && d.groups.back().key.empty())
      d.groups.back().key = "(other " + std::to_string(d.group_count - (d.groups.size() - 1)) + ")";
    result.dimensions.push_back(std::move(d));
  }
  return result;
}

}  // namespace basketlift
