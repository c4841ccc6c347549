// What changed lately (part of the trends): offers whose acceptance in the latest window differs
// from the window before, and days on which tracking seems to have stopped.
#pragma once

#include "analysis/context.h"
#include "analysis/trend_calendar.h"
#include "analysis/trends.h"

namespace basketlift {

/// Fills trends.window_days, trends.changes and trends.tracking_gaps (trends.first_day, last_day
/// and window_end hold the span and its last timestamp).
void detect_trend_changes(const AnalysisContext& ctx, RowDays& days, TrendsResult& trends);

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
