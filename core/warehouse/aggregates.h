// The aggregates file: what a warehouse query (`basketlift sql`) computes from the merchant's
// tables instead of handing over rows — counts and exact sums per figure, one CSV table whose
// first header cell is `basketlift_aggregates`. Layout and versions: README "Larger than a tab".
#pragma once

#include <array>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "analysis/basket.h"
#include "analysis/cuped.h"
#include "analysis/data_gaps.h"
#include "analysis/dimensions.h"
#include "analysis/experiment.h"
#include "analysis/ltv.h"
#include "analysis/settings.h"
#include "analysis/summary.h"
#include "analysis/trends.h"
#include "ingest/file_report.h"
#include "util/status.h"
#include "warehouse/packed_layouts.h"

namespace basketlift {

/// The first header cell that marks an aggregates file.
constexpr const char* kAggregatesMarker = "basketlift_aggregates";
/// The format version this engine writes (in the query) and reads; older versions stay readable.
constexpr int kAggregatesVersion = 5;

/// One arm's sums within one slice of the experiment, as the query gives them.
struct ArmSliceSums {
  double units = 0, converted = 0, orders = 0;     ///< counts
  double revenue_sum = 0, revenue_sum_sq = 0;      ///< Σ and Σ² of (capped) revenue per unit
  double margin_sum = 0, margin_sum_sq = 0;        ///< Σ and Σ² of (capped) margin per unit
  double aov_n = 0, aov_sum_m = 0, aov_sum_d = 0;  ///< units with an order: n, Σ revenue, Σ orders
  double aov_sum_mm = 0, aov_sum_dd = 0, aov_sum_md = 0;  ///< ... and Σ revenue², Σ orders², Σ both
  double acceptance_n = 0, acceptance_sum_m = 0,          ///< units shown an offer: n, Σ accepted,
      acceptance_sum_d = 0;                               ///< Σ impressions
  double acceptance_sum_mm = 0, acceptance_sum_dd = 0,  ///< ... and Σ accepted², Σ impressions²,
      acceptance_sum_md = 0;                            ///< Σ both
};

/// The experiment's sums as the query gives them; arms are put in order (control first) and
/// the tests run when the report is made (warehouse/aggregates_report.h), under its settings.
struct ExperimentAggregates {
  bool present = false;                    ///< the file has experiment rows
  UnitKind unit = UnitKind::session;       ///< the randomisation unit
  std::uint64_t untagged_units = 0;        ///< units without an arm
  std::uint64_t orders_outside_units = 0;  ///< sale orders whose session is not a unit
  bool costs_known = false;                ///< some order has a margin
  double revenue_cap_low = kNaN, revenue_cap_high = kNaN;             ///< caps given (NaN: none)
  double margin_cap_low = kNaN, margin_cap_high = kNaN;               ///< caps given (NaN: none)
  std::map<std::string, ArmTotals> totals;                            ///< by arm name
  std::map<std::pair<std::string, std::string>, ArmSliceSums> cells;  ///< by (slice, arm)
};

/// One offer's facts (kind `offer`), in the order of kOfferTexts.
constexpr std::array<std::string_view, 4> kOfferTexts = {"type", "placement", "anchor", "offered"};

/// One offer's rows (kind `offer`): its facts as text and its counts and sums by the position of
/// their measure in kOfferSumsLayout (warehouse/offer_sums_sql.cpp writes them); NaN where the
/// file leaves a measure out.
struct OfferAggregate {
  std::array<std::string, kOfferTexts.size()> text;  ///< type, placement, anchor, offered
  std::array<double, kOfferSumsLayout.size()> numbers = nan_filled<kOfferSumsLayout.size()>();
  std::vector<std::string> arms;  ///< arms that showed it (kind `offer_arm`)
  /// "segment:x" → its sums by the position of their measure in kGroupSumsLayout (NaN: none).
  std::map<std::string, std::array<double, kGroupSumsLayout.size()>> groups;

  /// Measure `name` of kOfferSumsLayout, `fallback` when the file leaves it out.
  double number(std::string_view name, double fallback = 0) const;
  /// Fact `name` of kOfferTexts (empty when not given).
  const std::string& fact(std::string_view name) const;
};

/// The offers section's sums as the query gives them.
struct OffersAggregates {
  bool present = false;                          ///< the file has offers rows
  std::uint64_t accepted_derived = 0;            ///< impressions whose acceptance was derived
  bool costs_known = false;                      ///< some line or product has a cost
  std::map<std::string, OfferAggregate> offers;  ///< by rec_id
  /// The experiment's units that saw a placement, by (placement, "segment:x", arm): units and
  /// conversions.
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<double, double>>
      placement_groups;

  /// offers[rec_id], made when new (add offers through here only). An offer's rows often come one
  /// after another, so the last one found is looked at first, then a hash index: warehouses return
  /// rows in no set order (DuckDB's file of 2,563 offers has 12,811 runs of offer rows), and
  /// searching the map per row took 13% of Node's samples reading such a file.
  OfferAggregate& offer(const std::string& rec_id);

 private:
  // The offer offer() found last and every offer by rec_id; a copy (or move) starts without
  // them, never pointing into another object's map.
  struct Found {
    std::string rec_id;
    OfferAggregate* offer = nullptr;
    std::unordered_map<std::string, OfferAggregate*> index;
    Found() = default;
    Found(const Found&) {}
    Found& operator=(const Found&) {
      offer = nullptr;
      index.clear();
      return *this;
    }
  };
  Found found_;
};

/// A problem in one row: the column it is in and why.
struct RowProblem {
  const char* column;  ///< "scope", "key", "measure" or "value"
  std::string why;     ///< the reason, naming the value
};

/// Reads a row's value `text` as a number into `out`; the problem when it is not one.
std::optional<RowProblem> row_number(const std::string& text, double& out);

/// True for the kinds of row read_offer_row() reads.
bool is_offer_row(std::string_view kind);
/// Reads one offers row into `offers`; the problem when it cannot be used.
std::optional<RowProblem> read_offer_row(OffersAggregates& offers, const std::string& kind,
                                         const std::string& scope, const std::string& key,
                                         const std::string& measure, const std::string& value);

/// Reads a packed offers row in its kind's own layout (offer_sums for `offer`, group_sums for
/// `offer_group`) as read_offer_row reads each of its non-empty values, the offer and group
/// looked up once; sets `problem` when one cannot be used. False when the row is not of those
/// kinds and layouts (read it value by value).
bool read_packed_offer_row(OffersAggregates& offers, const std::string& kind,
                           const std::string& scope, const std::string& key,
                           std::string_view layout, std::span<const std::string> values,
                           std::optional<RowProblem>& problem);

/// The dimensions' groups as the query gives them (warehouse/dimensions_sql.cpp).
struct DimensionAggregates {
  bool present = false;  ///< the file has dimension rows
  /// (dimension, "key:x" | "not_set" | "other" | "total") → the dimension_sums layout's values.
  std::map<std::pair<std::string, std::string>, std::array<double, kDimensionSumsLayout.size()>>
      groups;
  std::map<std::pair<std::string, std::string>, std::string> names;  ///< products' names
};

/// True for the kinds of row read_dimension_row() reads.
bool is_dimension_row(std::string_view kind);
/// Reads one dimensions row into `dimensions`; the problem when it cannot be used.
std::optional<RowProblem> read_dimension_row(DimensionAggregates& dimensions,
                                             const std::string& kind, const std::string& scope,
                                             const std::string& key, const std::string& measure,
                                             const std::string& value);
/// The dimensions section from the file's groups: every dimension, its listed groups by rank,
/// the merged rest last, the whole store's total.
DimensionsResult dimensions_of(const DimensionAggregates& aggregates);

/// The baskets' counts as the query gives them (warehouse/basket_sql.cpp), by set: "products",
/// "categories", "segment:x", "channel:x", "organic".
struct BasketAggregates {
  bool present = false;                                         ///< the file has basket rows
  std::map<std::string, std::map<std::string, double>> sets;    ///< set → basket_sums measures
  std::map<std::pair<std::string, std::string>, double> items;  ///< (set, item) → baskets
  std::map<std::tuple<std::string, std::string, std::string>, double>
      pairs;                                                      ///< (set, a, b) → baskets
  std::map<std::string, std::map<std::string, double>> products;  ///< product → product_facts
  std::map<std::string, std::string> names;                       ///< product → display name
  std::vector<std::tuple<std::string, std::string, std::string>>
      intended;  ///< the shop's own offers: (anchor, offered, type)
};

/// True for the kinds of row read_basket_row() reads.
bool is_basket_row(std::string_view kind);
/// Reads one baskets row into `baskets`; the problem when it cannot be used.
std::optional<RowProblem> read_basket_row(BasketAggregates& baskets, const std::string& kind,
                                          const std::string& scope, const std::string& key,
                                          const std::string& measure, const std::string& value);

/// The basket section from the file's counts; products, labels and offers are named in `names`.
BasketResult baskets_of(const BasketAggregates& baskets, const OffersAggregates& offers,
                        const Settings& settings, Store& names);

/// Customer value's sums as the query gives them (warehouse/ltv_sql.cpp).
struct LtvAggregates {
  bool present = false;                  ///< the file has ltv rows
  std::map<std::string, double> totals;  ///< customers_named, customers, adopters, data_end
  /// (horizon in days, "adopters" or "others") → the ltv_sums layout's measures.
  std::map<std::pair<int, std::string>, std::map<std::string, double>> windows;
};

/// True for the kinds of row read_ltv_row() reads.
bool is_ltv_row(std::string_view kind);
/// Reads one customer value row into `ltv`; the problem when it cannot be used.
std::optional<RowProblem> read_ltv_row(LtvAggregates& ltv, const std::string& kind,
                                       const std::string& scope, const std::string& key,
                                       const std::string& measure, const std::string& value);
/// The ltv section from the file's sums.
LtvResult ltv_of(const LtvAggregates& ltv, const Settings& settings);

/// The trends' sums as the query gives them (warehouse/trends_sql.cpp), by local day on the
/// calendar of settings.timezone (days since 1970-01-01 there).
struct TrendAggregates {
  /// Sums by (local day, name): one map type for every kind of trend row, which keeps the
  /// module a tab downloads small.
  using SumsByKey = std::map<std::pair<std::int64_t, std::string>, std::vector<double>>;
  /// The day of rows without a time in `days`.
  static constexpr std::int64_t kUndated = std::numeric_limits<std::int64_t>::min();

  bool present = false;                  ///< the file has trend rows
  std::map<std::string, double> totals;  ///< window_end, dates_as_local, offers_not_listed,
                                         ///< undated_units
  SumsByKey days;                        ///< (day or kUndated, "") → kTrendSumsLayout's values
  std::map<std::string, double> listed;  ///< the offers listed, rec_id → rank (1: most shown)
  /// (0, rec_id) → the listed offer's days: day, impressions, accepted, margin, the next day, ...
  SumsByKey offer_days;
  SumsByKey changes;  ///< (0, rec_id) → the offer in the change windows (kChangeSumsLayout)
  SumsByKey arms;     ///< (day units started, arm) → their sums (kArmSumsLayout)
};

/// True for the kinds of row read_trend_row() reads.
bool is_trend_row(std::string_view kind);
/// Reads one trends row into `trends`; the problem when it cannot be used.
std::optional<RowProblem> read_trend_row(TrendAggregates& trends, const std::string& kind,
                                         const std::string& scope, const std::string& key,
                                         const std::string& measure, const std::string& value);

/// Reads a packed trends row (trend_sums for `trend_day`, change_sums for `trend_change`,
/// arm_sums for `trend_arm`) as read_trend_row reads each of its non-empty values, its sums
/// looked up once; sets `problem` when one cannot be used. False for other kinds and layouts.
bool read_packed_trend_row(TrendAggregates& trends, const std::string& kind,
                           const std::string& scope, const std::string& key,
                           std::string_view layout, std::span<const std::string> values,
                           std::optional<RowProblem>& problem);

/// The trends section from the file's sums: `experiment` (null: not in the file) is the whole
/// experiment's, `costs_known` whether some order has a margin.
TrendsResult trends_of(const TrendAggregates& trends, const ExperimentSums* experiment,
                       bool costs_known, const Settings& settings, Store& names);

/// The pre-period adjustment's sums as the query gives them (warehouse/cuped_sql.cpp).
struct CupedAggregates {
  bool present = false;                  ///< the file has pre-period rows
  std::map<std::string, double> totals;  ///< units_with_customer, customers_with_pre_period
  /// arm → its sums by the position of their measure in kCupedSumsLayout.
  std::map<std::string, std::array<double, kCupedSumsLayout.size()>> arms;
};

/// True for the kinds of row read_cuped_row() reads.
bool is_cuped_row(std::string_view kind);
/// Reads one pre-period row into `cuped`; the problem when it cannot be used.
std::optional<RowProblem> read_cuped_row(CupedAggregates& cuped, const std::string& kind,
                                         const std::string& key, const std::string& measure,
                                         const std::string& value);
/// The pre-period adjustment's sums for `arms` (in the report's order) from the file's, or why
/// there are none (`version`: the file's format, named when it predates the pre-period rows).
CupedSums cuped_sums_of(const CupedAggregates& cuped, const std::vector<std::string>& arms,
                        const Settings& settings, int version);

/// An arm's sums in one slice (or one day) as the experiment's tests take them.
ArmStats arm_stats_of(const ArmSliceSums& sums);

/// GA4's counts (warehouse/ga4_sql.cpp): purchase items by how their list was found, items
/// shown with and without a list, impressions and lists without an offer type.
struct Ga4Aggregates {
  bool present = false;                    ///< the file has GA4 rows
  std::map<std::string, double> counts;    ///< purchase_items, by_list, by_follow, shown, ...
  std::vector<std::string> untyped_lists;  ///< some lists read as cross-sells (examples)
};

/// True for the kinds of row read_ga4_row() reads.
bool is_ga4_row(std::string_view kind);
/// Reads one GA4 row into `ga4`; the problem when it cannot be used.
std::optional<RowProblem> read_ga4_row(Ga4Aggregates& ga4, const std::string& kind,
                                       const std::string& scope, const std::string& key,
                                       const std::string& measure, const std::string& value);
/// GA4's data gaps (items shown without a list, lists without a type, how purchases were
/// matched to lists); `file` names the file in examples.
void add_ga4_checks(std::vector<GapCheck>& checks, const Ga4Aggregates& ga4,
                    const Settings& settings, const std::string& file);

/// What one aggregates file holds.
struct Aggregates {
  int version = kAggregatesVersion;    ///< the highest version among its rows
  std::string settings_json;           ///< the settings the query was written with
  Settings settings;                   ///< the same, read
  SummarySums summary;                 ///< the summary's counts and sums
  ExperimentAggregates experiment;     ///< the experiment's sums
  OffersAggregates offers;             ///< the offers' sums (format 2)
  DimensionAggregates dimensions;      ///< the dimensions' groups (format 2)
  BasketAggregates baskets;            ///< the baskets' counts (format 3)
  LtvAggregates ltv;                   ///< customer value's sums (format 3)
  Ga4Aggregates ga4;                   ///< GA4's counts (format 3, sql --source ga4)
  TrendAggregates trends;              ///< the trends' sums (format 4)
  CupedAggregates cuped;               ///< the pre-period adjustment's sums (format 5)
  std::vector<FileReport> tables;      ///< per warehouse table: rows read, used, rejected
  std::string period_from, period_to;  ///< the days the query read (sql --from/--to), if given
};

/// True when `head` (a file's first bytes, a UTF-8 BOM allowed) starts an aggregates file.
bool is_aggregates_file(std::string_view head);

/// Reads an aggregates file; `name` names it in errors and in the tables' accounts. Fails with
/// the row, column and reason of the first value it cannot use.
Result<Aggregates> parse_aggregates(std::string_view bytes, const std::string& name);

/// The settings the query depends on: a --config that differs from the file in one of these
/// cannot be honoured without running the query again. Returns the first such name, or empty.
std::string conflicting_query_setting(const Settings& file, const Settings& wanted);

}  // namespace basketlift
