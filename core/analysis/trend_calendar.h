// Local days and periods for the trends: epoch seconds → local day on a zone's calendar, and
// local day → period of a grain (day, ISO week from Monday, month).
#pragma once

#include <cstdint>
#include <limits>

#include "analysis/settings.h"
#include "analysis/time_zone.h"
#include "store/store.h"

namespace basketlift {

/// Local days of epoch seconds on a zone's calendar; remembers the offset in force between two
/// transitions, since rows mostly come in time order. With `as_dates`, times are bare dates
/// (midnight UTC as read) and keep their day.
class LocalDays {
 public:
  /// Days on `zone`'s calendar.
  LocalDays(const ZoneRules& zone, bool as_dates) : zone_(zone), as_dates_(as_dates) {}
  /// The local day of epoch second t.
  std::int64_t operator()(std::int64_t t) {
    if (as_dates_) return floor_div(t, kSecondsPerDay);
    if (t < from_ || t >= until_) locate(t);
    return floor_div(t + offset_, kSecondsPerDay);
  }
  /// Seconds in a day.
  static constexpr std::int64_t kSecondsPerDay = 86400;

 private:
  void locate(std::int64_t t);

  const ZoneRules& zone_;
  bool as_dates_;
  std::int64_t from_ = 0, until_ = 0;  // the offset holds in [from_, until_)
  std::int32_t offset_ = 0;
};

/// Local days of each table's rows.
struct RowDays {
  LocalDays orders;       ///< order times
  LocalDays impressions;  ///< impression times
  LocalDays sessions;     ///< session times
};

/// True when every dated time of the column is a whole UTC day: a column of bare dates.
bool whole_days(const TimeColumn& time);

/// Periods of one grain, numbered from the one holding `first_day`.
class TrendCalendar {
 public:
  /// Periods of `grain` (not automatic) from the one holding local day `first_day`.
  TrendCalendar(TrendGrain grain, std::int64_t first_day);
  /// The period holding local day `day` (on or after first_day).
  std::size_t period_of(std::int64_t day) const;
  /// First local day of period k.
  std::int64_t first_day(std::size_t k) const;
  /// Last local day of period k.
  std::int64_t last_day(std::size_t k) const { return first_day(k + 1) - 1; }

 private:
  TrendGrain grain_;
  std::int64_t origin_;  // first day of period 0 (day and week), or its month number (month)
};

/// The grain `automatic` stands for over a span of `days`: day up to 62 days, week up to 62
/// weeks, month beyond.
TrendGrain automatic_grain(std::int64_t days);

}  // namespace basketlift
