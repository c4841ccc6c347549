#include "analysis/trends.h"

#include <algorithm>

#include "analysis/trend_calendar.h"
#include "analysis/trend_changes.h"

namespace basketlift {

namespace {

// Periods beyond this many mean a stray date (or a grain too fine for the span).
constexpr std::size_t kMaxPeriods = 5000;

// The data's span in local days over dated sale orders, impressions and sessions, and its last
// timestamp (result.window_end).
bool span_of(const AnalysisContext& ctx, RowDays& days, TrendsResult& result) {
  const Store& store = ctx.store;
  bool any = false;
  const auto see = [&](LocalDays& local, std::int64_t t) {
    if (t == kNoTime) return;
    const std::int64_t day = local(t);
    result.first_day = any ? std::min(result.first_day, day) : day;
    result.last_day = any ? std::max(result.last_day, day) : day;
    result.window_end = std::max(result.window_end, t);
    any = true;
  };
  for (std::uint32_t o = 0; o < store.orders.size(); ++o)
    if (ctx.is_sale(o)) see(days.orders, store.orders.time[o]);
  for (std::size_t i = 0; i < store.impressions.size(); ++i)
    see(days.impressions, store.impressions.time[i]);
  for (std::size_t s = 0; s < store.sessions.size(); ++s)
    see(days.sessions, store.sessions.time[s]);
  return any;
}

// The tracked offers with most impressions (a tie: by name), at most `most`.
std::vector<std::uint32_t> listed_offers(const AnalysisContext& ctx, std::size_t most,
                                         std::uint64_t& left_out) {
  std::vector<std::uint32_t> recs;
  for (std::uint32_t rec = 0; rec < ctx.offers.size(); ++rec)
    if (ctx.offers[rec].tracked) recs.push_back(rec);
  const Pools& pools = ctx.store.pools;
  std::sort(recs.begin(), recs.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (ctx.offers[a].impressions != ctx.offers[b].impressions)
      return ctx.offers[a].impressions > ctx.offers[b].impressions;
    return pools.recs.view(a) < pools.recs.view(b);
  });
  left_out = recs.size() > most ? recs.size() - most : 0;
  recs.resize(std::min(recs.size(), most));
  return recs;
}

}  // namespace

void TrendSums::add(const TrendSums& o) {
  orders += o.orders;
  money_orders += o.money_orders;
  revenue += o.revenue;
  margin += o.margin;
  sessions += o.sessions;
  converted += o.converted;
  impressions += o.impressions;
  accepted += o.accepted;
  offer_margin += o.offer_margin;
}

bool plan_trend_periods(TrendsResult& trends, TrendGrain wanted) {
  const std::int64_t span = trends.last_day - trends.first_day + 1;
  trends.grain = wanted == TrendGrain::automatic ? automatic_grain(span) : wanted;
  const TrendCalendar calendar(trends.grain, trends.first_day);
  const std::size_t count = calendar.period_of(trends.last_day) + 1;
  if (count > kMaxPeriods) {
    trends.reason = "the data spans " + std::to_string(span) + " days (" +
                    iso_date(trends.first_day) + " to " + iso_date(trends.last_day) +
                    "): too many periods; check timestamps_out_of_range or choose a longer "
                    "trend_grain";
    return false;
  }
  trends.available = true;
  trends.periods.resize(count);
  for (std::size_t k = 0; k < count; ++k) {
    TrendPeriod& p = trends.periods[k];
    p.first_day = calendar.first_day(k);
    p.last_day = calendar.last_day(k);
    p.partial = p.first_day < trends.first_day || p.last_day > trends.last_day;
  }
  return true;
}

TrendsResult analyze_trends(const AnalysisContext& ctx, const ZoneRules& zone,
                            const ExperimentUnits* units) {
  const Store& store = ctx.store;
  const Settings& settings = ctx.settings;
  TrendsResult result;
  result.timezone = zone.name;
  // A table of bare dates (every time at midnight UTC) keeps its days in any other zone.
  const bool utc = zone.transitions.empty() && zone.initial_offset == 0;
  const bool orders_dates = !utc && whole_days(store.orders.time);
  const bool impressions_dates = !utc && whole_days(store.impressions.time);
  const bool sessions_dates = !utc && whole_days(store.sessions.time);
  RowDays days{LocalDays(zone, orders_dates), LocalDays(zone, impressions_dates),
               LocalDays(zone, sessions_dates)};
  result.dates_as_local = orders_dates || impressions_dates || sessions_dates;
  if (!span_of(ctx, days, result)) {
    result.reason = "no order, impression or session has a timestamp";
    return result;
  }
  if (!plan_trend_periods(result, settings.trend_grain)) return result;
  const std::size_t count = result.periods.size();
  const TrendCalendar calendar(result.grain, result.first_day);
  // The period of a local day; rows mostly come in time order, so the last day's is kept.
  std::int64_t last_day = kNoTime;
  std::size_t last_period = 0;
  const auto period_of_day = [&](std::int64_t day) {
    if (day != last_day) {
      last_day = day;
      last_period = calendar.period_of(day);
    }
    return last_period;
  };
  // The period of a row's time (count: undated), and the sums it adds to.
  const auto period_index = [&](LocalDays& local, std::int64_t t) {
    return t == kNoTime ? count : period_of_day(local(t));
  };
  const auto sums_of = [&](std::size_t k) -> TrendSums& {
    return k < count ? result.periods[k].sums : result.undated;
  };

  std::vector<std::uint32_t> listed =
      listed_offers(ctx, settings.max_dimension_groups, result.offers_not_listed);
  std::vector<std::uint32_t> slot_of_rec(ctx.offers.size(), kNoId);
  for (std::uint32_t k = 0; k < listed.size(); ++k) {
    slot_of_rec[listed[k]] = k;
    OfferTrend trend;
    trend.rec = listed[k];
    trend.impressions.assign(count, 0);
    trend.accepted.assign(count, 0);
    trend.offer_margin.assign(count, 0);
    result.offers.push_back(std::move(trend));
  }

  for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    TrendSums& sums = sums_of(period_index(days.orders, store.orders.time[o]));
    ++sums.orders;
    sums.money_orders += ctx.currency.includes(o);
    sums.revenue += ctx.order_revenue[o];
    sums.margin += ctx.order_margin_of(o);
  }
  const LineColumns& lines = store.lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines.rec.has(i)) continue;
    const double margin = ctx.offer_line_margin(i);
    if (std::isnan(margin)) continue;
    const std::size_t k = period_index(days.orders, store.orders.time[lines.order[i]]);
    sums_of(k).offer_margin += margin;
    const std::uint32_t slot = slot_of_rec[lines.rec[i]];
    if (slot != kNoId && k < count) result.offers[slot].offer_margin[k] += margin;
  }
  for (std::size_t s = 0; s < store.sessions.size(); ++s) {
    TrendSums& sums = sums_of(period_index(days.sessions, store.sessions.time[s]));
    ++sums.sessions;
    sums.converted += ctx.session_converted(s);
  }
  const ImpressionColumns& im = store.impressions;
  for (std::size_t i = 0; i < im.size(); ++i) {
    const std::size_t k = period_index(days.impressions, im.time[i]);
    TrendSums& sums = sums_of(k);
    ++sums.impressions;
    sums.accepted += ctx.impression_accepted[i];
    const std::uint32_t slot = slot_of_rec[im.rec(i)];
    if (slot == kNoId || k == count) continue;
    ++result.offers[slot].impressions[k];
    result.offers[slot].accepted[k] += ctx.impression_accepted[i];
  }
  result.total = result.undated;
  for (const TrendPeriod& p : result.periods)
    result.total.add(p.sums);
  detect_trend_changes(ctx, days, result);
  if (units == nullptr) {
    result.experiment.reason = "not computed: the experiment is left out by settings.sections";
    return result;
  }
  // A unit starts with its session, or (units made of orders) with its first order.
  // The test's start: the first local day a unit with an arm started.
  std::vector<std::uint32_t> period_of_unit(units->size(), static_cast<std::uint32_t>(count));
  std::int64_t start_day = result.last_day;
  const bool sessions = units->kind == UnitKind::session;
  for (std::size_t unit = 0; unit < units->size(); ++unit) {
    const std::int64_t t = unit_start(store, *units, unit);
    if (t == kNoTime) continue;
    const std::int64_t day = sessions ? days.sessions(t) : days.orders(t);
    period_of_unit[unit] = static_cast<std::uint32_t>(period_of_day(day));
    if (units->arm[unit] >= 0) start_day = std::min(start_day, day);
  }
  result.experiment = experiment_trend(ctx, *units, period_of_unit, start_day, count);
  return result;
}

}  // namespace basketlift
