// Figures over time (SPEC §3.8): per day, week or month on the merchant's calendar, each offer's
// acceptance and margin per period, offers whose acceptance changed between the last window
// and the one before, and days where tracking seems to have stopped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/alerts.h"
#include "analysis/context.h"
#include "analysis/data_gaps.h"
#include "analysis/experiment_trend.h"
#include "analysis/stat_tests.h"
#include "analysis/time_zone.h"

namespace basketlift {

/// Additive figures of one period (or of the undated rows).
struct TrendSums {
  std::uint64_t orders = 0;        ///< sale orders placed in the period
  std::uint64_t money_orders = 0;  ///< of those, orders in the currency scope
  double revenue = 0;              ///< their revenue in the currency scope
  double margin = 0;               ///< their margin (lines with a known cost)
  std::uint64_t sessions = 0;      ///< sessions that started in the period
  std::uint64_t converted = 0;     ///< of those, sessions that converted
  std::uint64_t impressions = 0;   ///< offer impressions shown in the period
  std::uint64_t accepted = 0;      ///< of those, accepted impressions
  double offer_margin = 0;         ///< margin offer lines brought in the period's orders

  /// Adds another period's figures.
  void add(const TrendSums& other);
};

/// One period: local days [first_day, last_day] (days since 1970-01-01 in the zone).
struct TrendPeriod {
  std::int64_t first_day = 0;  ///< its first local day
  std::int64_t last_day = 0;   ///< its last local day
  bool partial = false;        ///< the data covers only part of it (an edge of the span)
  TrendSums sums;              ///< its figures
};

/// One offer's impressions, acceptances and offer-line margin per period (aligned with
/// TrendsResult::periods).
struct OfferTrend {
  std::uint32_t rec = 0;                   ///< Pools::recs id
  std::vector<std::uint64_t> impressions;  ///< per period
  std::vector<std::uint64_t> accepted;     ///< per period
  std::vector<double> offer_margin;        ///< per period
};

/// An offer's acceptance, and its margin per impression, in the latest window against the window
/// before.
struct OfferChange {
  std::uint32_t rec = 0;                 ///< Pools::recs id
  std::uint64_t impressions_before = 0;  ///< impressions in the earlier window
  std::uint64_t accepted_before = 0;     ///< accepted there
  std::uint64_t impressions_after = 0;   ///< impressions in the latest window
  std::uint64_t accepted_after = 0;      ///< accepted there
  Comparison test;                       ///< acceptance: latest (treatment) against earlier
  double p_adjusted = kNaN;              ///< Holm-adjusted across every test of the offers
  bool significant = false;              ///< p_adjusted below alpha
  std::int64_t changed_on = kNoTime;     ///< significant: the local day the change most
                                         ///< likely began (best split of the two windows)
  double margin_before = kNaN;           ///< offer-line margin in the earlier window
  double margin_after = kNaN;            ///< and in the latest (NaN: no cost known)
  /// Margin per impression, latest against earlier: the ratio of sums over the units (sessions,
  /// else orders) shown the offer in each window, by the delta method (a Welch-type test).
  Comparison margin_test;
  double margin_p_adjusted = kNaN;  ///< Holm-adjusted with the acceptance tests
  bool margin_significant = false;  ///< margin_p_adjusted below alpha
};

/// Days inside the data's span where tracking seems to have stopped.
struct TrackingGap {
  std::int64_t first_day = 0;  ///< first local day of the run
  std::int64_t last_day = 0;   ///< last local day of the run
  std::string reason;          ///< "orders but no impressions", ...
};

/// The `trends` section.
struct TrendsResult {
  bool available = false;                    ///< false: see `reason`
  std::string reason;                        ///< why there are no trends
  TrendGrain grain = TrendGrain::day;        ///< the periods' length in force
  std::string timezone = "UTC";              ///< the calendar's zone
  bool dates_as_local = false;               ///< bare dates were read as local days
  std::int64_t first_day = 0, last_day = 0;  ///< the data's span in local days
  std::vector<TrendPeriod> periods;          ///< in time order, every period of the span
  TrendSums undated;                         ///< rows without a timestamp
  TrendSums total;                           ///< periods + undated
  std::vector<OfferTrend> offers;            ///< the offers with most impressions
  std::uint64_t offers_not_listed = 0;       ///< tracked offers left out of `offers`
  std::uint64_t window_days = 0;             ///< change window length
  std::int64_t window_end = kNoTime;         ///< the data's last timestamp (epoch seconds)
  std::vector<OfferChange> changes;          ///< offers tested, most significant first
  std::vector<TrackingGap> tracking_gaps;    ///< runs of days with tracking missing
  ExperimentTrend experiment;                ///< the experiment by period
};

/// Sets trends.grain (`wanted`, or what automatic_grain gives for the span) and trends.periods
/// (days and partial flags, no figures) for the span trends.first_day..last_day; false, with
/// trends.reason, when it would take too many periods.
bool plan_trend_periods(TrendsResult& trends, TrendGrain wanted);

/// Computes the trends on `zone`'s calendar (whose name settings.timezone gives); the
/// experiment over time from `units` (full detail; none: not computed).
TrendsResult analyze_trends(const AnalysisContext& ctx, const ZoneRules& zone,
                            const ExperimentUnits* units = nullptr);

/// An `offer_changed` alert for each offer whose acceptance changed significantly (the five
/// most significant; the rest are counted in the last one's detail).
std::vector<Alert> trend_alerts(const TrendsResult& trends, const Store& store);

/// The `tracking_gap` data gap when the trends found days on which tracking seems to have
/// stopped.
std::optional<GapCheck> tracking_gap_check(const TrendsResult& trends, const Settings& settings);

}  // namespace basketlift
