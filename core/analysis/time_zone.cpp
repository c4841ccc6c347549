#include "analysis/time_zone.h"

#include <algorithm>
#include <cstdio>

#include "util/json_tree.h"

namespace basketlift {

namespace {

constexpr std::int64_t kDay = 86400;

// Big-endian reader over the TZif bytes; `ok` turns false past the end.
struct BigEndian {
  std::string_view bytes;
  std::size_t at = 0;
  bool ok = true;

  std::int64_t read(int width) {
    if (at + static_cast<std::size_t>(width) > bytes.size()) {
      ok = false;
      return 0;
    }
    std::uint64_t value = 0;
    for (int k = 0; k < width; ++k)
      value = value << 8 | static_cast<std::uint8_t>(bytes[at++]);
    if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
    return static_cast<std::int64_t>(value);
  }
  void skip(std::size_t n) {
    if (at + n > bytes.size()) ok = false;
    at = std::min(bytes.size(), at + n);
  }
};

struct TzifCounts {
  std::int64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

bool read_header(BigEndian& in, char& version, TzifCounts& c) {
  if (in.bytes.substr(in.at, 4) != "TZif") return false;
  in.skip(4);
  version = in.at < in.bytes.size() ? in.bytes[in.at] : 0;
  in.skip(16);
  c.isut = in.read(4);
  c.isstd = in.read(4);
  c.leap = in.read(4);
  c.time = in.read(4);
  c.type = in.read(4);
  c.chars = in.read(4);
  return in.ok && c.isut >= 0 && c.isstd >= 0 && c.leap >= 0 && c.time >= 0 && c.type > 0 &&
         c.chars >= 0;
}

}  // namespace

CivilDate civil_from_days(std::int64_t days) {
  // Eras of 400 years (146,097 days) starting on 0000-03-01, so that leap days end a year.
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;  // 0 = March
  CivilDate date;
  date.day = static_cast<unsigned>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  date.month = static_cast<unsigned>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  date.year = year_of_era + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

std::string iso_date(std::int64_t days) {
  const CivilDate d = civil_from_days(days);
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(d.year), d.month,
                d.day);
  return text;
}

int iso_weekday(std::int64_t days) {
  const std::int64_t weekday = (days + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(weekday < 0 ? weekday + 7 : weekday);
}

std::int32_t ZoneRules::offset_at(std::int64_t t) const {
  const auto after = std::upper_bound(transitions.begin(), transitions.end(), t);
  if (after == transitions.begin()) return initial_offset;
  return offsets[static_cast<std::size_t>(after - transitions.begin()) - 1];
}

std::int64_t ZoneRules::local_day(std::int64_t t) const {
  return floor_div(t + offset_at(t), kDay);
}

Result<ZoneRules> ZoneRules::from_tzif(std::string name, std::string_view bytes) {
  const auto bad = [&](const char* why) {
    return Status::error(ErrorCode::bad_config, "time zone '" + name + "': " + why);
  };
  BigEndian in{bytes};
  char version = 0;
  TzifCounts c;
  if (!read_header(in, version, c)) return bad("not a TZif file");
  int width = 4;
  if (version >= '2') {  // skip the 32-bit block for the 64-bit one after it
    in.skip(static_cast<std::size_t>(c.time * 5 + c.type * 6 + c.chars + c.leap * 8 + c.isstd +
                                     c.isut));
    if (!read_header(in, version, c)) return bad("a TZif file whose second header is missing");
    width = 8;
  }
  std::vector<std::int64_t> times(static_cast<std::size_t>(c.time));
  for (std::int64_t& t : times)
    t = in.read(width);
  std::vector<std::uint8_t> type_of(static_cast<std::size_t>(c.time));
  for (std::uint8_t& k : type_of)
    k = static_cast<std::uint8_t>(in.read(1));
  std::vector<std::int32_t> utoff(static_cast<std::size_t>(c.type));
  for (std::int32_t& offset : utoff) {
    offset = static_cast<std::int32_t>(in.read(4));
    in.skip(2);  // isdst, abbreviation index
  }
  if (!in.ok) return bad("a truncated TZif file");
  ZoneRules rules;
  rules.name = std::move(name);
  rules.initial_offset = utoff[0];
  for (std::size_t k = 0; k < times.size(); ++k) {
    if (type_of[k] >= utoff.size()) return bad("a TZif transition names no local time type");
    if (!rules.transitions.empty() && times[k] <= rules.transitions.back())
      return bad("TZif transitions out of order");
    rules.transitions.push_back(times[k]);
    rules.offsets.push_back(utoff[type_of[k]]);
  }
  return rules;
}

Result<ZoneRules> ZoneRules::from_json(std::string_view json) {
  const auto bad = [](const std::string& why) {
    return Status::error(ErrorCode::bad_config, "time zone rules: " + why);
  };
  const std::optional<JsonValue> object = JsonValue::parse(json);
  if (!object || !object->is_object()) return bad("not a JSON object");
  ZoneRules rules;
  std::string_view name;
  std::int64_t initial = 0;
  const JsonValue* field = object->find("name");
  if (!field || !field->get_string(name) || name.empty()) return bad("\"name\" is missing");
  field = object->find("initial_offset");
  if (!field || !field->get_int64(initial) || initial < -86400 || initial > 86400)
    return bad("\"initial_offset\" must be seconds within a day");
  const JsonValue* list = object->find("transitions");
  if (!list || !list->is_array()) return bad("\"transitions\" is missing");
  rules.name = std::string(name);
  rules.initial_offset = static_cast<std::int32_t>(initial);
  for (const JsonValue& pair : list->items()) {
    const std::vector<JsonValue>& at_offset = pair.items();
    std::int64_t at = 0, offset = 0;
    if (!pair.is_array() || at_offset.size() != 2 || !at_offset[0].get_int64(at) ||
        !at_offset[1].get_int64(offset) || offset < -86400 || offset > 86400) {
      return bad("each transition must be [epoch seconds, offset seconds]");
    }
    if (!rules.transitions.empty() && at <= rules.transitions.back())
      return bad("transitions must be in ascending order");
    rules.transitions.push_back(at);
    rules.offsets.push_back(static_cast<std::int32_t>(offset));
  }
  return rules;
}

}  // namespace basketlift
