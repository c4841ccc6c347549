// The layouts of packed rows in the aggregates file (format 2): a row whose measure names a
// layout carries that layout's measures in its value, in this order, separated by ';' (an
// empty field: none). The query writes them (warehouse/*_sql.cpp), the reader unpacks them.
#pragma once

#include <array>
#include <limits>
#include <span>
#include <string_view>

namespace basketlift {

/// `arm` rows: one arm's sums in one slice of the experiment (ArmSliceSums).
constexpr std::array<std::string_view, 19> kArmSumsLayout = {"units",
                                                             "converted",
                                                             "orders",
                                                             "revenue_sum",
                                                             "revenue_sum_sq",
                                                             "margin_sum",
                                                             "margin_sum_sq",
                                                             "aov_n",
                                                             "aov_sum_m",
                                                             "aov_sum_d",
                                                             "aov_sum_mm",
                                                             "aov_sum_dd",
                                                             "aov_sum_md",
                                                             "acceptance_n",
                                                             "acceptance_sum_m",
                                                             "acceptance_sum_d",
                                                             "acceptance_sum_mm",
                                                             "acceptance_sum_dd",
                                                             "acceptance_sum_md"};

/// `offer` rows: one offer's counts and sums (OfferAggregate::numbers).
constexpr std::array<std::string_view, 21> kOfferSumsLayout = {"several_placements",
                                                               "impressions",
                                                               "accepted",
                                                               "first_shown",
                                                               "last_shown",
                                                               "lines",
                                                               "orders",
                                                               "revenue",
                                                               "margin",
                                                               "lines_without_cost",
                                                               "exposed_orders",
                                                               "anchor_price",
                                                               "anchor_cost",
                                                               "offered_price",
                                                               "offered_cost",
                                                               "margin_n",
                                                               "margin_sum_m",
                                                               "margin_sum_d",
                                                               "margin_sum_mm",
                                                               "margin_sum_dd",
                                                               "margin_sum_md"};

/// `offer_group` rows: one offer's sums in one segment or channel. Acceptance's Σ impressions
/// and Σ impressions² are margin_sum_d and margin_sum_dd (units it was not shown in add 0).
constexpr std::array<std::string_view, 11> kGroupSumsLayout = {
    "margin_n",          "margin_sum_m",      "margin_sum_d", "margin_sum_mm",
    "margin_sum_dd",     "margin_sum_md",     "acceptance_n", "acceptance_sum_m",
    "acceptance_sum_mm", "acceptance_sum_md", "converted"};

/// `dimension` rows: one group of a dimension (GroupFigures) — its rank (0: the whole store,
/// max_dimension_groups + 1: the rest), the dimension's groups before the rest was merged, and its
/// additive figures.
constexpr std::array<std::string_view, 11> kDimensionSumsLayout = {
    "rank",     "group_count",   "orders",          "order_revenue",
    "revenue",  "margin",        "attached_orders", "impressions",
    "accepted", "offer_revenue", "offer_margin"};

/// `basket` rows: one set of baskets (format 3) — baskets, those mined, those left out as large,
/// the baskets a pair needs, the items in mined baskets and those frequent.
constexpr std::array<std::string_view, 6> kBasketSumsLayout = {
    "baskets", "mined", "large", "min_count", "distinct_items", "frequent_items"};

/// `basket_product` rows: a paired product's catalogue facts (format 3).
constexpr std::array<std::string_view, 3> kProductFactsLayout = {"price", "unit_cost",
                                                                 "margin_pct"};

/// `ltv_window` rows: one group of customers over one horizon (format 3) — customers, those who
/// ordered again within it, Σ and Σ² of their revenue within it.
constexpr std::array<std::string_view, 4> kLtvSumsLayout = {"customers", "repeaters", "revenue_sum",
                                                            "revenue_sum_sq"};

/// `trend_day` rows: one local day's additive figures (format 4; TrendSums).
constexpr std::array<std::string_view, 9> kTrendSumsLayout = {
    "orders",    "money_orders", "revenue",  "margin",      "sessions",
    "converted", "impressions",  "accepted", "offer_margin"};

/// `trend_change` rows: one offer in the change windows (format 4) — impressions and acceptances
/// in the earlier and the latest window, its lines' margin in each, the moments of margin per
/// impression over its units in each (n, Σm, Σd, Σm², Σd², Σmd), and the local day the best split
/// of the two windows' days begins (empty: none).
constexpr std::array<std::string_view, 19> kChangeSumsLayout = {
    "impressions_before", "accepted_before", "impressions_after", "accepted_after", "margin_before",
    "margin_after",       "before_n",        "before_sum_m",      "before_sum_d",   "before_sum_mm",
    "before_sum_dd",      "before_sum_md",   "after_n",           "after_sum_m",    "after_sum_d",
    "after_sum_mm",       "after_sum_dd",    "after_sum_md",      "changed_on"};

/// `cuped_arm` rows: one arm's sums for the pre-period adjustment (format 5; analysis/cuped.h's
/// CupedArm) — units, Σ of each value per unit (kCupedMetrics), and "a_by_b": Σ a·b over the
/// pairs of values one metric holds.
constexpr std::array<std::string_view, 52> kCupedSumsLayout = {"units",
                                                               "converted",
                                                               "pre_orders",
                                                               "no_orders",
                                                               "revenue",
                                                               "pre_revenue",
                                                               "margin",
                                                               "pre_margin",
                                                               "orders",
                                                               "accepted",
                                                               "impressions",
                                                               "pre_accepted",
                                                               "pre_impressions",
                                                               "not_shown",
                                                               "converted_by_converted",
                                                               "converted_by_pre_orders",
                                                               "converted_by_no_orders",
                                                               "pre_orders_by_pre_orders",
                                                               "pre_orders_by_no_orders",
                                                               "no_orders_by_no_orders",
                                                               "revenue_by_revenue",
                                                               "revenue_by_pre_revenue",
                                                               "revenue_by_no_orders",
                                                               "pre_revenue_by_pre_revenue",
                                                               "pre_revenue_by_no_orders",
                                                               "margin_by_margin",
                                                               "margin_by_pre_margin",
                                                               "margin_by_no_orders",
                                                               "pre_margin_by_pre_margin",
                                                               "pre_margin_by_no_orders",
                                                               "revenue_by_orders",
                                                               "revenue_by_pre_orders",
                                                               "orders_by_orders",
                                                               "orders_by_pre_revenue",
                                                               "orders_by_pre_orders",
                                                               "orders_by_no_orders",
                                                               "pre_revenue_by_pre_orders",
                                                               "accepted_by_accepted",
                                                               "accepted_by_impressions",
                                                               "accepted_by_pre_accepted",
                                                               "accepted_by_pre_impressions",
                                                               "accepted_by_not_shown",
                                                               "impressions_by_impressions",
                                                               "impressions_by_pre_accepted",
                                                               "impressions_by_pre_impressions",
                                                               "impressions_by_not_shown",
                                                               "pre_accepted_by_pre_accepted",
                                                               "pre_accepted_by_pre_impressions",
                                                               "pre_accepted_by_not_shown",
                                                               "pre_impressions_by_pre_impressions",
                                                               "pre_impressions_by_not_shown",
                                                               "not_shown_by_not_shown"};

/// The values of one adjusted metric per unit, in CoMoments' order (unused slots empty).
struct CupedMetricValues {
  std::array<std::string_view, 5> values;  ///< names of kCupedSumsLayout's values
  int count;                               ///< values used: 3 (a mean) or 5 (a ratio)
};

/// CupedArm's metrics in its order (cvr, rpv, margin, aov, acceptance): the unit's outcome,
/// its customer's pre-period value (0 without one), no_orders / not_shown (1: no pre-period).
constexpr std::array<CupedMetricValues, 5> kCupedMetrics = {{
    {{"converted", "pre_orders", "no_orders", "", ""}, 3},
    {{"revenue", "pre_revenue", "no_orders", "", ""}, 3},
    {{"margin", "pre_margin", "no_orders", "", ""}, 3},
    {{"revenue", "orders", "pre_revenue", "pre_orders", "no_orders"}, 5},
    {{"accepted", "impressions", "pre_accepted", "pre_impressions", "not_shown"}, 5},
}};

/// N NaNs: the values of a layout's measures before any is read.
template <std::size_t N>
constexpr std::array<double, N> nan_filled() {
  std::array<double, N> values{};
  values.fill(std::numeric_limits<double>::quiet_NaN());
  return values;
}

/// The position of `measure` in `layout`, or layout.size() when it is not one of its measures.
inline std::size_t layout_index(std::span<const std::string_view> layout,
                                std::string_view measure) {
  std::size_t i = 0;
  while (i < layout.size() && layout[i] != measure)
    ++i;
  return i;
}

/// The measures of the layout named `name` ("arm_sums", "offer_sums", "group_sums",
/// "dimension_sums", "basket_sums", "product_facts", "ltv_sums", "trend_sums", "change_sums",
/// "cuped_sums");
/// empty for another name.
inline std::span<const std::string_view> packed_layout(std::string_view name) {
  if (name == "arm_sums") return kArmSumsLayout;
  if (name == "offer_sums") return kOfferSumsLayout;
  if (name == "group_sums") return kGroupSumsLayout;
  if (name == "dimension_sums") return kDimensionSumsLayout;
  if (name == "basket_sums") return kBasketSumsLayout;
  if (name == "product_facts") return kProductFactsLayout;
  if (name == "ltv_sums") return kLtvSumsLayout;
  if (name == "trend_sums") return kTrendSumsLayout;
  if (name == "change_sums") return kChangeSumsLayout;
  if (name == "cuped_sums") return kCupedSumsLayout;
  return {};
}

}  // namespace basketlift
