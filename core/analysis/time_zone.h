// The merchant's calendar: a time zone's offsets from UTC over time (daylight saving included),
// read from the system's zoneinfo (TZif) natively or given as transitions by the browser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace basketlift {

/// floor(a / b) for b > 0.
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

/// A civil date (proleptic Gregorian).
struct CivilDate {
  std::int64_t year = 1970;  ///< e.g. 2024
  unsigned month = 1;        ///< 1-12
  unsigned day = 1;          ///< 1-31
};

/// The date of a day number (days since 1970-01-01).
CivilDate civil_from_days(std::int64_t days);
/// "2024-03-31" for a day number.
std::string iso_date(std::int64_t days);
/// Day of the week of a day number: 0 = Monday ... 6 = Sunday.
int iso_weekday(std::int64_t days);

/// A time zone as offsets from UTC: `initial_offset` before the first transition, then
/// `offsets[k]` from instant `transitions[k]` on (both ascending by instant).
struct ZoneRules {
  std::string name = "UTC";               ///< IANA name ("Europe/Berlin") or "UTC"
  std::int32_t initial_offset = 0;        ///< seconds east of UTC before the first transition
  std::vector<std::int64_t> transitions;  ///< epoch seconds at which an offset starts
  std::vector<std::int32_t> offsets;      ///< seconds east of UTC from that transition on

  /// Seconds east of UTC in force at epoch second t.
  std::int32_t offset_at(std::int64_t t) const;
  /// The local day (days since 1970-01-01 on the zone's calendar) of epoch second t.
  std::int64_t local_day(std::int64_t t) const;

  /// Coordinated Universal Time.
  static ZoneRules utc() { return ZoneRules{}; }
  /// Reads a TZif file (RFC 8536, as in /usr/share/zoneinfo); versions 1 to 4. Times after the
  /// file's last transition keep its last offset.
  static Result<ZoneRules> from_tzif(std::string name, std::string_view bytes);
  /// Reads {"name": "Europe/Berlin", "initial_offset": 3600, "transitions": [[at, offset], ...]}
  /// (seconds; what web/src/time-zone.js derives from the browser's Intl).
  static Result<ZoneRules> from_json(std::string_view json);
};

}  // namespace basketlift
