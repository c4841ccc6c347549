#include "analysis/trend_calendar.h"

#include <algorithm>

#include "ingest/value_parse.h"

namespace basketlift {

namespace {

// Months since year 0 of a local day.
std::int64_t month_number(std::int64_t day) {
  const CivilDate date = civil_from_days(day);
  return date.year * 12 + (date.month - 1);
}

}  // namespace

void LocalDays::locate(std::int64_t t) {
  const std::vector<std::int64_t>& at = zone_.transitions;
  const std::size_t k =
      static_cast<std::size_t>(std::upper_bound(at.begin(), at.end(), t) - at.begin());
  from_ = k == 0 ? std::numeric_limits<std::int64_t>::min() : at[k - 1];
  until_ = k == at.size() ? std::numeric_limits<std::int64_t>::max() : at[k];
  offset_ = k == 0 ? zone_.initial_offset : zone_.offsets[k - 1];
}

bool whole_days(const TimeColumn& time) {
  bool any = false;
  for (std::size_t i = 0; i < time.size(); ++i) {
    const std::int64_t t = time[i];
    if (t == kNoTime) continue;
    if (t % LocalDays::kSecondsPerDay != 0) return false;
    any = true;
  }
  return any;
}

TrendCalendar::TrendCalendar(TrendGrain grain, std::int64_t first_day) : grain_(grain) {
  switch (grain) {
    case TrendGrain::week:
      origin_ = first_day - iso_weekday(first_day);
      break;
    case TrendGrain::month:
      origin_ = month_number(first_day);
      break;
    default:
      grain_ = TrendGrain::day;
      origin_ = first_day;
  }
}

std::size_t TrendCalendar::period_of(std::int64_t day) const {
  switch (grain_) {
    case TrendGrain::week:
      return static_cast<std::size_t>((day - origin_) / 7);
    case TrendGrain::month:
      return static_cast<std::size_t>(month_number(day) - origin_);
    default:
      return static_cast<std::size_t>(day - origin_);
  }
}

std::int64_t TrendCalendar::first_day(std::size_t k) const {
  const auto n = static_cast<std::int64_t>(k);
  switch (grain_) {
    case TrendGrain::week:
      return origin_ + 7 * n;
    case TrendGrain::month: {
      const std::int64_t month = origin_ + n;
      return days_from_civil(month / 12, static_cast<unsigned>(month % 12 + 1), 1);
    }
    default:
      return origin_ + n;
  }
}

TrendGrain automatic_grain(std::int64_t days) {
  if (days <= 62) return TrendGrain::day;
  if (days <= 62 * 7) return TrendGrain::week;
  return TrendGrain::month;
}

}  // namespace basketlift
