#include "analysis/trend_changes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "analysis/offer_units.h"

namespace basketlift {

namespace {

// Binomial log-likelihood of x successes in n at their own rate.
double log_likelihood(double x, double n) {
  if (x <= 0 || x >= n) return 0;
  const double p = x / n;
  return x * std::log(p) + (n - x) * std::log(1 - p);
}

// The local day on which the offer's acceptance most likely changed: the split of the two
// windows' days into before and after whose two rates fit the impressions best.
std::int64_t change_day(const AnalysisContext& ctx, LocalDays& local, std::uint32_t rec,
                        std::int64_t start, std::int64_t end) {
  const ImpressionColumns& im = ctx.store.impressions;
  const std::int64_t first = local(start + 1), last = local(end);
  const auto span = static_cast<std::size_t>(last - first + 1);
  std::vector<double> shown(span, 0), taken(span, 0);
  for (std::size_t i = 0; i < im.size(); ++i) {
    const std::int64_t t = im.time[i];
    if (t == kNoTime || t <= start || t > end || im.rec(i) != rec) continue;
    const std::int64_t day = local(t) - first;
    if (day < 0 || day >= static_cast<std::int64_t>(span)) continue;  // a zone's clock going back
    shown[day] += 1;
    taken[day] += ctx.impression_accepted[i];
  }
  double all_shown = 0, all_taken = 0;
  for (std::size_t d = 0; d < span; ++d) {
    all_shown += shown[d];
    all_taken += taken[d];
  }
  double best = -std::numeric_limits<double>::infinity(), n = 0, x = 0;
  std::int64_t best_day = kNoTime;
  for (std::size_t d = 1; d < span; ++d) {
    n += shown[d - 1];
    x += taken[d - 1];
    if (n == 0 || n == all_shown) continue;
    const double fit = log_likelihood(x, n) + log_likelihood(all_taken - x, all_shown - n);
    if (fit > best) {
      best = fit;
      best_day = first + static_cast<std::int64_t>(d);
    }
  }
  return best_day;
}

// Each tracked offer's acceptance over the last window against the window before it.
void find_offer_changes(const AnalysisContext& ctx, LocalDays& local, TrendsResult& trends) {
  const Settings& settings = ctx.settings;
  const ImpressionColumns& im = ctx.store.impressions;
  const std::int64_t window = static_cast<std::int64_t>(settings.change_window_days) * 86400;
  const std::int64_t split = trends.window_end - window, start = split - window;
  std::vector<OfferChange> counts(ctx.offers.size());
  for (std::size_t i = 0; i < im.size(); ++i) {
    const std::int64_t t = im.time[i];
    if (t == kNoTime || t <= start) continue;
    OfferChange& c = counts[im.rec(i)];
    if (t > split) {
      ++c.impressions_after;
      c.accepted_after += ctx.impression_accepted[i];
    } else {
      ++c.impressions_before;
      c.accepted_before += ctx.impression_accepted[i];
    }
  }
  const auto floor = std::max<std::uint64_t>(1, settings.min_impressions_for_verdict);
  // Margin per impression needs a cost: offer lines with a known margin.
  const bool costs_known = std::any_of(ctx.order_margin.begin(), ctx.order_margin.end(),
                                       [](double m) { return m != 0; });
  std::optional<OfferUnits> units;  // grouped when the first offer is tested
  for (std::uint32_t rec = 0; rec < counts.size(); ++rec) {
    OfferChange& c = counts[rec];
    if (!ctx.offers[rec].tracked || c.impressions_before < floor || c.impressions_after < floor)
      continue;
    c.rec = rec;
    RatioMoments before, after;
    if (costs_known) {
      if (!units) units.emplace(ctx);
      c.margin_before = c.margin_after = 0;
      for (const OfferUnit& u : units->of_windows(rec, start, split, trends.window_end)) {
        const bool later = u.unit >= kLaterWindowBase;
        (later ? after : before).add(u.margin, u.impressions);
        (later ? c.margin_after : c.margin_before) += u.margin;
      }
    }
    if (test_offer_change(c, costs_known ? &before : nullptr, costs_known ? &after : nullptr,
                          settings))
      trends.changes.push_back(c);
  }
  rank_offer_changes(trends, settings, ctx.store.pools);
  for (OfferChange& c : trends.changes) {
    if (c.significant) c.changed_on = change_day(ctx, local, c.rec, start, trends.window_end);
  }
}

}  // namespace

bool test_offer_change(OfferChange& c, const RatioMoments* before, const RatioMoments* after,
                       const Settings& settings) {
  c.test = two_proportion_test(static_cast<double>(c.accepted_before),
                               static_cast<double>(c.impressions_before),
                               static_cast<double>(c.accepted_after),
                               static_cast<double>(c.impressions_after), settings.confidence);
  if (before != nullptr && after != nullptr)
    c.margin_test = ratio_test(*before, *after, settings.confidence);
  const bool acceptance = c.test.ok && !std::isnan(c.test.p_value);
  const bool margin = c.margin_test.ok && !std::isnan(c.margin_test.p_value);
  return acceptance || margin;
}

void rank_offer_changes(TrendsResult& trends, const Settings& settings, const Pools& pools) {
  // One Holm family: both tests of every offer, so an offer is flagged by either at most as
  // often as by one.
  std::vector<double> p_values;
  std::vector<std::pair<std::size_t, bool>> tests;  // (change, is margin)
  for (std::size_t k = 0; k < trends.changes.size(); ++k) {
    const OfferChange& c = trends.changes[k];
    if (c.test.ok && !std::isnan(c.test.p_value)) {
      p_values.push_back(c.test.p_value);
      tests.emplace_back(k, false);
    }
    if (c.margin_test.ok && !std::isnan(c.margin_test.p_value)) {
      p_values.push_back(c.margin_test.p_value);
      tests.emplace_back(k, true);
    }
  }
  const std::vector<double> adjusted = holm_adjust(p_values);
  for (std::size_t j = 0; j < tests.size(); ++j) {
    OfferChange& c = trends.changes[tests[j].first];
    (tests[j].second ? c.margin_p_adjusted : c.p_adjusted) = adjusted[j];
    (tests[j].second ? c.margin_significant : c.significant) = adjusted[j] < settings.alpha();
  }
  std::stable_sort(trends.changes.begin(), trends.changes.end(),
                   [&](const OfferChange& a, const OfferChange& b) {
                     // The smaller of the two adjusted p-values (NaN: not tested) first.
                     const auto least = [](const OfferChange& c) {
                       return std::fmin(c.p_adjusted, c.margin_p_adjusted);
                     };
                     if (least(a) != least(b)) return least(a) < least(b);
                     return pools.recs.view(a.rec) < pools.recs.view(b.rec);
                   });
}

namespace {

// Appends the run of days [first, last] with `reason`, joining it to the previous run when
// they touch and agree.
void add_gap_day(std::vector<TrackingGap>& gaps, std::int64_t day, const char* reason) {
  if (!gaps.empty() && gaps.back().last_day + 1 == day && gaps.back().reason == reason) {
    gaps.back().last_day = day;
    return;
  }
  gaps.push_back({day, day, reason});
}

// The span's daily counts of dated sale orders, impressions and sessions.
DailyCounts daily_counts(const AnalysisContext& ctx, RowDays& days, const TrendsResult& trends) {
  const Store& store = ctx.store;
  const auto span = static_cast<std::size_t>(trends.last_day - trends.first_day + 1);
  DailyCounts daily{std::vector<double>(span, 0), std::vector<double>(span, 0),
                    std::vector<double>(span, 0)};
  const auto count = [&](std::vector<double>& per_day, LocalDays& local, std::int64_t t) {
    if (t == kNoTime) return;
    const std::int64_t day = local(t) - trends.first_day;
    if (day >= 0 && static_cast<std::size_t>(day) < span) per_day[day] += 1;
  };
  for (std::uint32_t o = 0; o < store.orders.size(); ++o)
    if (ctx.is_sale(o)) count(daily.orders, days.orders, store.orders.time[o]);
  for (std::size_t i = 0; i < store.impressions.size(); ++i)
    count(daily.impressions, days.impressions, store.impressions.time[i]);
  for (std::size_t s = 0; s < store.sessions.size(); ++s)
    count(daily.sessions, days.sessions, store.sessions.time[s]);
  return daily;
}

}  // namespace

// Days inside the span (its first and last day left out: they are partly covered) with orders
// but no impressions or sessions where many were due, or far fewer orders than lately.
void find_tracking_gaps(const DailyCounts& daily, TrendsResult& trends) {
  const std::vector<double>& orders = daily.orders;
  const std::vector<double>& impressions = daily.impressions;
  const std::vector<double>& sessions = daily.sessions;
  const std::size_t span = orders.size();
  const auto sum = [](const std::vector<double>& v) {
    double total = 0;
    for (double x : v)
      total += x;
    return total;
  };
  const double all_orders = sum(orders);
  if (all_orders == 0) return;
  const double impressions_per_order = sum(impressions) / all_orders;
  const double sessions_per_order = sum(sessions) / all_orders;
  std::vector<double> trailing;
  for (std::size_t d = 1; d + 1 < span; ++d) {
    const std::int64_t day = trends.first_day + static_cast<std::int64_t>(d);
    if (orders[d] > 0 && impressions[d] == 0 &&
        orders[d] * impressions_per_order >= kTrackingGapExpected) {
      add_gap_day(trends.tracking_gaps, day, "orders but no impressions");
      continue;
    }
    if (orders[d] > 0 && sessions[d] == 0 &&
        orders[d] * sessions_per_order >= kTrackingGapExpected) {
      add_gap_day(trends.tracking_gaps, day, "orders but no sessions");
      continue;
    }
    if (d < static_cast<std::size_t>(kTrackingGapTrailingDays)) continue;
    trailing.assign(orders.begin() + static_cast<std::ptrdiff_t>(d - kTrackingGapTrailingDays),
                    orders.begin() + static_cast<std::ptrdiff_t>(d));
    std::nth_element(trailing.begin(), trailing.begin() + kTrackingGapTrailingDays / 2,
                     trailing.end());
    const double median = trailing[kTrackingGapTrailingDays / 2];
    if (median >= kTrackingGapMinMedian && orders[d] < kTrackingGapOrderShare * median)
      add_gap_day(trends.tracking_gaps, day, "orders far below the previous two weeks");
  }
}

void detect_trend_changes(const AnalysisContext& ctx, RowDays& days, TrendsResult& trends) {
  trends.window_days = ctx.settings.change_window_days;
  if (trends.window_end != kNoTime) find_offer_changes(ctx, days.impressions, trends);
  find_tracking_gaps(daily_counts(ctx, days, trends), trends);
}

}  // namespace basketlift
