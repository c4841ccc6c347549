// What changed lately (part of the trends): offers whose acceptance in the latest window differs
// from the window before, and days on which tracking seems to have stopped.
#pragma once

#include <vector>

#include "analysis/context.h"
#include "analysis/trend_calendar.h"
#include "analysis/trends.h"

namespace basketlift {

/// Fills trends.window_days, trends.changes and trends.tracking_gaps (trends.first_day, last_day
/// and window_end hold the span and its last timestamp).
void detect_trend_changes(const AnalysisContext& ctx, RowDays& days, TrendsResult& trends);

/// Dated rows per local day of the trends' span (index 0: its first day).
struct DailyCounts {
  std::vector<double> orders;       ///< sale orders
  std::vector<double> impressions;  ///< offer impressions
  std::vector<double> sessions;     ///< sessions
};

/// Fills trends.tracking_gaps from the span's daily counts (trends.first_day is index 0).
void find_tracking_gaps(const DailyCounts& daily, TrendsResult& trends);

/// Tests one offer's latest window against the one before (its counts set): acceptance, and
/// margin per impression from the windows' moments (`before`, `after`; null when no cost is
/// known). False when neither test could run: no change to report.
bool test_offer_change(OfferChange& c, const RatioMoments* before, const RatioMoments* after,
                       const Settings& settings);

/// Holm-adjusts the tests of trends.changes as one family and sorts the changes most
/// significant first (a tie: by rec_id); the caller dates each significant acceptance change.
void rank_offer_changes(TrendsResult& trends, const Settings& settings, const Pools& pools);

/// Expected impressions (or sessions) a day must have reached for "none that day" to count as
/// a gap (Poisson: e^-10 of seeing none by chance).
constexpr double kTrackingGapExpected = 10;
/// A day whose orders fall below this share of the median of the days before...
constexpr double kTrackingGapOrderShare = 0.25;
/// ... over this many days before it...
constexpr int kTrackingGapTrailingDays = 14;
/// ... when that median is at least this many orders.
constexpr double kTrackingGapMinMedian = 20;

}  // namespace basketlift
