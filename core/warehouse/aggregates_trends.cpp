// The trends rows of an aggregates file (format 4): `trend` (the last timestamp, whether bare
// dates were read as local days, offers left out, undated units), `trend_day` (a local day's
// figures; scope '' for rows without a time), `trend_listed` (an offer listed, by rank),
// `trend_offer` (a listed offer's days, packed), `trend_change` (an offer in the change windows)
// and `trend_arm` (the experiment's units that started on a day, per arm) — and the trends section
// made from them, by the same steps as from rows (analysis/trends.h).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <span>
#include <type_traits>

#include "analysis/trend_calendar.h"
#include "analysis/trend_changes.h"
#include "ingest/value_parse.h"
#include "warehouse/aggregates.h"

namespace basketlift {

namespace {

// The local days a file may name (days since 1970-01-01): 0001-01-01 to 9999-12-31.
constexpr std::int64_t kFirstDay = -719162, kLastDay = 2932896;

bool day_in_range(double day) {
  return day >= static_cast<double>(kFirstDay) && day <= static_cast<double>(kLastDay);
}

// A local day's number from a row's scope (nullopt: not a day in range).
std::optional<std::int64_t> day_number(std::string_view text) {
  std::int64_t day = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), day);
  if (ec != std::errc() || end != text.data() + text.size() || day < kFirstDay || day > kLastDay)
    return std::nullopt;
  return day;
}

// Value i of `v` (a row's sums in its layout's order), 0 when the file leaves it out.
double value_at(const std::vector<double>& v, std::size_t i) {
  return i < v.size() && !std::isnan(v[i]) ? v[i] : 0.0;
}

// A count from the file: a number of at least 0 (anything else counts as none).
std::uint64_t count_of(double x) {
  return x >= 0 && x < 1e18 ? static_cast<std::uint64_t>(x) : 0;
}

// Value i of `v` as a count.
std::uint64_t count_at(const std::vector<double>& v, std::size_t i) {
  return count_of(value_at(v, i));
}

// kTrendSumsLayout's values as TrendSums (the layout lists TrendSums' fields in order).
TrendSums trend_sums(const std::vector<double>& v) {
  TrendSums sums;
  sums.orders = count_at(v, 0);
  sums.money_orders = count_at(v, 1);
  sums.revenue = value_at(v, 2);
  sums.margin = value_at(v, 3);
  sums.sessions = count_at(v, 4);
  sums.converted = count_at(v, 5);
  sums.impressions = count_at(v, 6);
  sums.accepted = count_at(v, 7);
  sums.offer_margin = value_at(v, 8);
  return sums;
}

// kArmSumsLayout's values as ArmSliceSums, whose 19 fields follow the layout's order.
ArmSliceSums arm_slice_sums(const std::vector<double>& v) {
  static_assert(sizeof(ArmSliceSums) == kArmSumsLayout.size() * sizeof(double) &&
                std::is_trivially_copyable_v<ArmSliceSums>);
  std::array<double, kArmSumsLayout.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = value_at(v, i);
  ArmSliceSums c;
  std::memcpy(static_cast<void*>(&c), values.data(), sizeof c);
  return c;
}

// The offers' changes between the two windows, tested and ranked as from rows.
void add_changes(const TrendAggregates& t, bool costs_known, const Settings& settings,
                 TrendsResult& result, Store& names) {
  const auto floor = std::max<std::uint64_t>(1, settings.min_impressions_for_verdict);
  std::vector<std::pair<std::uint32_t, std::int64_t>> changed_on;  // (rec, day) of each tested
  for (const auto& [key, sums] : t.changes) {
    const std::string& rec = key.second;
    const std::vector<double>& v = sums;
    // kChangeSumsLayout: counts (0-3), lines' margin (4-5), the moments before (6-11) and
    // after (12-17), the day of the change (18).
    const auto at = [&](std::size_t i) { return value_at(v, i); };
    OfferChange c;
    c.impressions_before = count_at(v, 0);
    c.accepted_before = count_at(v, 1);
    c.impressions_after = count_at(v, 2);
    c.accepted_after = count_at(v, 3);
    if (c.impressions_before < floor || c.impressions_after < floor) continue;
    c.rec = names.pools.recs.intern(rec);
    const double day = v.size() > 18 ? v[18] : kNaN;
    changed_on.emplace_back(c.rec, day_in_range(day) ? static_cast<std::int64_t>(day) : kNoTime);
    RatioMoments before, after;
    if (costs_known) {
      c.margin_before = at(4);
      c.margin_after = at(5);
      before = RatioMoments::from_sums(at(6), at(7), at(8), at(9), at(10), at(11));
      after = RatioMoments::from_sums(at(12), at(13), at(14), at(15), at(16), at(17));
    }
    if (test_offer_change(c, costs_known ? &before : nullptr, costs_known ? &after : nullptr,
                          settings))
      result.changes.push_back(c);
  }
  rank_offer_changes(result, settings, names.pools);
  for (OfferChange& c : result.changes) {
    if (!c.significant) continue;
    for (const auto& [rec, day] : changed_on)
      if (rec == c.rec) c.changed_on = day;
  }
}

// A listed offer's days: "day:impressions:accepted:margin" entries separated by spaces.
std::optional<RowProblem> read_offer_days(TrendAggregates& trends, const std::string& rec,
                                          const std::string& measure, const std::string& value) {
  if (measure != "days") return RowProblem{"measure", "trend_offer rows hold 'days'"};
  std::vector<double>& days = trends.offer_days[{0, rec}];
  const std::string_view text = value;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view entry = text.substr(at, end - at);
    at = end + 1;
    if (entry.empty()) continue;
    std::array<std::string_view, 4> parts;
    std::size_t part = 0, from = 0;
    for (std::size_t i = 0; i <= entry.size() && part < parts.size(); ++i) {
      if (i == entry.size() || entry[i] == ':') {
        parts[part++] = entry.substr(from, i - from);
        from = i + 1;
      }
    }
    const std::optional<std::int64_t> day = day_number(parts[0]);
    bool ok = part == parts.size() && from == entry.size() + 1 && day.has_value();
    std::array<double, 3> figures{};
    for (std::size_t k = 0; ok && k < figures.size(); ++k) {
      const std::optional<double> number = parse_number(parts[k + 1]);
      ok = number.has_value();
      if (ok) figures[k] = *number;
    }
    if (!ok)
      return RowProblem{"value",
                        "'" + std::string(entry) + "' is not day:impressions:accepted:margin"};
    days.insert(days.end(), {static_cast<double>(*day), figures[0], figures[1], figures[2]});
  }
  return std::nullopt;
}

}  // namespace

bool is_trend_row(std::string_view kind) {
  return kind == "trend" || kind == "trend_day" || kind == "trend_listed" ||
         kind == "trend_offer" || kind == "trend_change" || kind == "trend_arm";
}

namespace {

// The sums of (day, name) in `map`, NaN-filled to the layout's size when new.
std::span<double> sums_of(TrendAggregates::SumsByKey& map, std::int64_t day,
                          const std::string& name, std::span<const std::string_view> layout) {
  return map.try_emplace({day, name}, layout.size(), std::numeric_limits<double>::quiet_NaN())
      .first->second;
}

// The sums a row of a packed kind (trend_day, trend_change, trend_arm) adds to, with its layout;
// empty with `problem` set when its scope or key cannot be used.
std::span<double> packed_target(TrendAggregates& trends, const std::string& kind,
                                const std::string& scope, const std::string& key,
                                std::span<const std::string_view>& layout,
                                std::optional<RowProblem>& problem) {
  if (kind == "trend_change") {
    layout = kChangeSumsLayout;
    if (key.empty()) {
      problem = RowProblem{"key", "trend_change rows name their offer"};
      return {};
    }
    return sums_of(trends.changes, 0, key, layout);
  }
  if (kind == "trend_day" && scope.empty()) {
    layout = kTrendSumsLayout;
    return sums_of(trends.days, TrendAggregates::kUndated, "", layout);
  }
  const std::optional<std::int64_t> day = day_number(scope);
  if (!day) {
    problem = RowProblem{"scope", "'" + scope + "' is not a day number (years 1 to 9999)"};
    return {};
  }
  if (kind == "trend_day") {
    layout = kTrendSumsLayout;
    return sums_of(trends.days, *day, "", layout);
  }
  layout = kArmSumsLayout;
  if (key.empty()) {
    problem = RowProblem{"key", "trend_arm rows name their arm"};
    return {};
  }
  return sums_of(trends.arms, *day, key, layout);
}

}  // namespace

std::optional<RowProblem> read_trend_row(TrendAggregates& trends, const std::string& kind,
                                         const std::string& scope, const std::string& key,
                                         const std::string& measure, const std::string& value) {
  trends.present = true;
  if (kind == "trend") {
    if (measure != "window_end" && measure != "dates_as_local" && measure != "offers_not_listed" &&
        measure != "undated_units")
      return RowProblem{"measure", "'" + measure + "' is not a trends measure"};
    return row_number(value, trends.totals[measure]);
  }
  if (kind == "trend_listed") {
    if (key.empty()) return RowProblem{"key", "trend_listed rows name their offer"};
    if (measure != "rank") return RowProblem{"measure", "trend_listed rows hold 'rank'"};
    return row_number(value, trends.listed[key]);
  }
  if (kind == "trend_offer") {
    if (key.empty()) return RowProblem{"key", "trend_offer rows name their offer"};
    return read_offer_days(trends, key, measure, value);
  }
  std::span<const std::string_view> layout;
  std::optional<RowProblem> problem;
  const std::span<double> target = packed_target(trends, kind, scope, key, layout, problem);
  if (problem) return problem;
  const std::size_t i = layout_index(layout, measure);
  if (i >= layout.size())
    return RowProblem{"measure", "'" + measure + "' is not a measure of " + kind + " rows"};
  return row_number(value, target[i]);
}

bool read_packed_trend_row(TrendAggregates& trends, const std::string& kind,
                           const std::string& scope, const std::string& key,
                           std::string_view layout, std::span<const std::string> values,
                           std::optional<RowProblem>& problem) {
  const bool packed = (kind == "trend_day" && layout == "trend_sums") ||
                      (kind == "trend_change" && layout == "change_sums") ||
                      (kind == "trend_arm" && layout == "arm_sums");
  if (!packed) return false;
  trends.present = true;
  std::span<const std::string_view> measures;
  const std::span<double> target = packed_target(trends, kind, scope, key, measures, problem);
  for (std::size_t i = 0; !problem && i < values.size() && i < target.size(); ++i) {
    if (!values[i].empty()) problem = row_number(values[i], target[i]);
  }
  return true;
}

TrendsResult trends_of(const TrendAggregates& t, const ExperimentSums* experiment, bool costs_known,
                       const Settings& settings, Store& names) {
  TrendsResult result;
  result.timezone = settings.timezone;
  const auto total = [&](const char* name) {
    const auto found = t.totals.find(name);
    return found == t.totals.end() ? kNaN : found->second;
  };
  result.dates_as_local = total("dates_as_local") == 1;
  bool any = false;
  for (const auto& [key, values] : t.days) {
    const std::int64_t day = key.first;
    const TrendSums sums = trend_sums(values);
    if (day == TrendAggregates::kUndated) continue;
    if (sums.orders + sums.impressions + sums.sessions == 0) continue;
    result.first_day = any ? std::min(result.first_day, day) : day;
    result.last_day = any ? std::max(result.last_day, day) : day;
    any = true;
  }
  if (!any) {
    result.reason = "no order, impression or session has a timestamp";
    return result;
  }
  if (const double end = total("window_end"); day_in_range(end / 86400))
    result.window_end = static_cast<std::int64_t>(end);
  if (!plan_trend_periods(result, settings.trend_grain)) return result;
  const std::size_t count = result.periods.size();
  const TrendCalendar calendar(result.grain, result.first_day);
  const auto span = static_cast<std::size_t>(result.last_day - result.first_day + 1);
  DailyCounts daily{std::vector<double>(span, 0), std::vector<double>(span, 0),
                    std::vector<double>(span, 0)};
  for (const auto& [key, values] : t.days) {
    const std::int64_t day = key.first;
    if (day < result.first_day || day > result.last_day) continue;
    const TrendSums sums = trend_sums(values);
    result.periods[calendar.period_of(day)].sums.add(sums);
    const auto d = static_cast<std::size_t>(day - result.first_day);
    daily.orders[d] = static_cast<double>(sums.orders);
    daily.impressions[d] = static_cast<double>(sums.impressions);
    daily.sessions[d] = static_cast<double>(sums.sessions);
  }
  if (const auto undated = t.days.find({TrendAggregates::kUndated, ""}); undated != t.days.end())
    result.undated = trend_sums(undated->second);
  result.total = result.undated;
  for (const TrendPeriod& p : result.periods)
    result.total.add(p.sums);

  // The listed offers in their rank's place; each one's days summed in day order.
  std::vector<const std::string*> by_rank(t.listed.size(), nullptr);
  for (const auto& [rec, rank] : t.listed) {
    if (rank >= 1 && rank <= static_cast<double>(by_rank.size()))
      by_rank[static_cast<std::size_t>(rank) - 1] = &rec;
  }
  std::vector<double> per_day(3 * span);
  for (const std::string* rec : by_rank) {
    if (rec == nullptr) continue;
    OfferTrend trend;
    trend.rec = names.pools.recs.intern(*rec);
    trend.impressions.assign(count, 0);
    trend.accepted.assign(count, 0);
    trend.offer_margin.assign(count, 0);
    std::fill(per_day.begin(), per_day.end(), 0.0);
    if (const auto days = t.offer_days.find({0, *rec}); days != t.offer_days.end()) {
      const std::vector<double>& v = days->second;
      for (std::size_t i = 0; i + 3 < v.size(); i += 4) {
        const auto day = static_cast<std::int64_t>(v[i]);
        if (day < result.first_day || day > result.last_day) continue;
        const auto d = static_cast<std::size_t>(day - result.first_day);
        for (std::size_t k = 0; k < 3; ++k)
          per_day[3 * d + k] += v[i + 1 + k];
      }
    }
    for (std::size_t d = 0; d < span; ++d) {
      const std::size_t k = calendar.period_of(result.first_day + static_cast<std::int64_t>(d));
      trend.impressions[k] += count_of(per_day[3 * d]);
      trend.accepted[k] += count_of(per_day[3 * d + 1]);
      trend.offer_margin[k] += per_day[3 * d + 2];
    }
    result.offers.push_back(std::move(trend));
  }
  result.offers_not_listed = count_of(total("offers_not_listed"));

  result.window_days = settings.change_window_days;
  if (result.window_end != kNoTime) add_changes(t, costs_known, settings, result, names);
  find_tracking_gaps(daily, result);

  if (experiment == nullptr) {
    result.experiment.reason = "not in the aggregates file";
    return result;
  }
  std::vector<std::vector<ArmStats>> own(count, std::vector<ArmStats>(experiment->arms.size()));
  std::int64_t start_day = result.last_day;
  for (const auto& [where, values] : t.arms) {
    const auto arm = std::find(experiment->arms.begin(), experiment->arms.end(), where.second);
    if (arm == experiment->arms.end() || where.first < result.first_day ||
        where.first > result.last_day)
      continue;
    own[calendar.period_of(where.first)][static_cast<std::size_t>(arm - experiment->arms.begin())]
        .merge(arm_stats_of(arm_slice_sums(values)));
    start_day = std::min(start_day, where.first);
  }
  result.experiment =
      experiment_trend_of(*experiment, own, count_of(total("undated_units")), start_day, settings);
  return result;
}

}  // namespace basketlift
