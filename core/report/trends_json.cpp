#include <cmath>

#include "report/section_writers.h"

namespace basketlift {

namespace {

double ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : kNaN;
}

// Relative change from `before` to `now` (NaN without a figure before).
double change(double now, double before) {
  return std::isfinite(now) && std::isfinite(before) && before != 0 ? now / before - 1 : kNaN;
}

double aov(const TrendSums& s) {
  return ratio(s.revenue, static_cast<double>(s.money_orders));
}
double cvr(const TrendSums& s) {
  return ratio(static_cast<double>(s.converted), static_cast<double>(s.sessions));
}
double acceptance(const TrendSums& s) {
  return ratio(static_cast<double>(s.accepted), static_cast<double>(s.impressions));
}
double margin_per_1000(double offer_margin, double impressions) {
  return impressions > 0 ? 1000 * offer_margin / impressions : kNaN;
}

// The figures of one period (or of the undated rows, or the total).
void write_figures(JsonWriter& out, const TrendSums& s) {
  out.field("orders", s.orders).field("money_orders", s.money_orders);
  out.field("revenue", s.revenue).field("aov", aov(s)).field("margin", s.margin);
  out.field("sessions", s.sessions).field("converted", s.converted).field("cvr", cvr(s));
  out.field("impressions", s.impressions).field("accepted", s.accepted);
  out.field("acceptance", acceptance(s)).field("offer_margin", s.offer_margin);
  out.field("offer_margin_per_1000",
            margin_per_1000(s.offer_margin, static_cast<double>(s.impressions)));
}

// The ratios and per-day means that the change and the rolling average report.
void write_comparable(JsonWriter& out, const TrendSums& s, double days) {
  out.begin_object();
  out.field("orders", static_cast<double>(s.orders) / days).field("revenue", s.revenue / days);
  out.field("aov", aov(s)).field("cvr", cvr(s)).field("acceptance", acceptance(s));
  out.end_object();
}

void write_period(JsonWriter& out, const TrendsResult& trends, std::size_t k) {
  const TrendPeriod& p = trends.periods[k];
  out.begin_object();
  out.field("start", iso_date(p.first_day)).field("end", iso_date(p.last_day));
  out.field("partial", p.partial);
  write_figures(out, p.sums);
  out.key("change");
  if (k == 0) {
    out.null();
  } else {
    const TrendSums& now = p.sums;
    const TrendSums& before = trends.periods[k - 1].sums;
    out.begin_object();
    out.field("orders",
              change(static_cast<double>(now.orders), static_cast<double>(before.orders)));
    out.field("revenue", change(now.revenue, before.revenue));
    out.field("aov", change(aov(now), aov(before)));
    out.field("cvr", change(cvr(now), cvr(before)));
    out.field("acceptance", change(acceptance(now), acceptance(before)));
    out.end_object();
  }
  out.key("rolling_7d");
  if (trends.grain != TrendGrain::day || k < 6) {
    out.null();
  } else {
    TrendSums week;
    for (std::size_t j = k - 6; j <= k; ++j)
      week.add(trends.periods[j].sums);
    write_comparable(out, week, 7);
  }
  out.end_object();
}

const char* grain_name(TrendGrain grain) {
  switch (grain) {
    case TrendGrain::week:
      return "week";
    case TrendGrain::month:
      return "month";
    default:
      return "day";
  }
}

void write_offer(JsonWriter& out, const OfferTrend& offer, const Store& store) {
  out.begin_object();
  out.field("rec_id", store.pools.recs.view(offer.rec));
  out.key("impressions").begin_array();
  for (std::uint64_t n : offer.impressions)
    out.value(n);
  out.end_array();
  out.key("accepted").begin_array();
  for (std::uint64_t n : offer.accepted)
    out.value(n);
  out.end_array();
  out.key("acceptance").begin_array();
  for (std::size_t k = 0; k < offer.impressions.size(); ++k)
    out.value(
        ratio(static_cast<double>(offer.accepted[k]), static_cast<double>(offer.impressions[k])));
  out.end_array();
  out.key("offer_margin_per_1000").begin_array();
  for (std::size_t k = 0; k < offer.impressions.size(); ++k)
    out.value(margin_per_1000(offer.offer_margin[k], static_cast<double>(offer.impressions[k])));
  out.end_array();
  out.end_object();
}

void write_window(JsonWriter& out, std::uint64_t impressions, std::uint64_t accepted) {
  out.begin_object();
  out.field("impressions", impressions).field("accepted", accepted);
  out.field("acceptance", ratio(static_cast<double>(accepted), static_cast<double>(impressions)));
  out.end_object();
}

void write_change(JsonWriter& out, const OfferChange& c, const Store& store) {
  out.begin_object();
  out.field("rec_id", store.pools.recs.view(c.rec));
  out.key("before");
  write_window(out, c.impressions_before, c.accepted_before);
  out.key("after");
  write_window(out, c.impressions_after, c.accepted_after);
  out.field("delta", c.test.delta).key("delta_ci");
  write_interval(out, c.test.delta_ci);
  out.field("relative", c.test.relative);
  out.field("p_value", c.test.p_value).field("p_adjusted", c.p_adjusted);
  out.field("significant", c.significant).key("changed_on");
  c.changed_on == kNoTime ? out.null() : out.value(iso_date(c.changed_on));
  out.key("margin");
  const Comparison& m = c.margin_test;
  if (std::isnan(c.margin_before)) {
    out.null();
  } else {
    out.begin_object();
    out.field("before", c.margin_before).field("after", c.margin_after);
    out.field("before_per_1000", 1000 * m.control).field("after_per_1000", 1000 * m.treatment);
    out.field("delta_per_1000", 1000 * m.delta).key("delta_ci_per_1000");
    write_interval(out, {1000 * m.delta_ci.low, 1000 * m.delta_ci.high});
    out.field("p_value", m.p_value).field("p_adjusted", c.margin_p_adjusted);
    out.field("significant", c.margin_significant);
    out.end_object();
  }
  out.end_object();
}

void write_experiment_trend(JsonWriter& out, const TrendsResult& trends) {
  const ExperimentTrend& e = trends.experiment;
  if (!e.available) return write_unavailable(out, e.reason);
  out.begin_object();
  out.field("available", true);
  out.key("arms").begin_array();
  for (const std::string& arm : e.arms)
    out.value(arm);
  out.end_array();
  out.field("start", iso_date(e.start_day)).field("undated_units", e.undated_units);
  out.field("rule",
            "at each period's end, every unit (by its start) up to then: each arm against "
            "control as in the experiment section (the same caps; sequential intervals when "
            "on); srm checks the period's own units");
  out.key("periods").begin_array();
  for (std::size_t k = 0; k < e.periods.size(); ++k) {
    const ExperimentPeriod& p = e.periods[k];
    out.begin_object();
    out.field("start", iso_date(trends.periods[k].first_day));
    out.field("end", iso_date(trends.periods[k].last_day));
    out.key("units").begin_array();
    for (double n : p.units)
      out.value(n);
    out.end_array().key("srm");
    write_srm(out, p.srm);
    out.key("cumulative_units").begin_array();
    for (double n : p.cumulative_units)
      out.value(n);
    out.end_array().key("comparisons").begin_array();
    for (const ArmComparison& c : p.comparisons)
      write_arm_comparison(out, c);
    out.end_array().end_object();
  }
  out.end_array().end_object();
}

}  // namespace

void write_trends(JsonWriter& out, const TrendsResult& trends, const Store& store) {
  if (!trends.available) return write_unavailable(out, trends.reason);
  out.begin_object();
  out.field("available", true);
  out.field("grain", grain_name(trends.grain)).field("timezone", trends.timezone);
  out.field("dates_as_local", trends.dates_as_local);
  out.field("first_day", iso_date(trends.first_day)).field("last_day", iso_date(trends.last_day));
  out.key("periods").begin_array();
  for (std::size_t k = 0; k < trends.periods.size(); ++k)
    write_period(out, trends, k);
  out.end_array();
  out.key("undated").begin_object();
  write_figures(out, trends.undated);
  out.end_object();
  out.key("total").begin_object();
  write_figures(out, trends.total);
  out.end_object();
  out.key("offers").begin_array();
  for (const OfferTrend& offer : trends.offers)
    write_offer(out, offer, store);
  out.end_array();
  out.field("offers_not_listed", trends.offers_not_listed);
  out.key("changes").begin_object();
  out.field("window_days", trends.window_days);
  out.key("window_end");
  trends.window_end == kNoTime ? out.null() : out.value(trends.window_end);
  out.field("rule",
            "each offer's acceptance (two-proportion test) and margin per impression (ratio of "
            "sums over the sessions shown it, delta method) over the last window_days before "
            "window_end against the window_days before those; Holm across both tests of every "
            "offer");
  out.key("offers").begin_array();
  for (const OfferChange& c : trends.changes)
    write_change(out, c, store);
  out.end_array();
  out.end_object();
  out.key("tracking_gaps").begin_array();
  for (const TrackingGap& gap : trends.tracking_gaps) {
    out.begin_object();
    out.field("start", iso_date(gap.first_day)).field("end", iso_date(gap.last_day));
    out.field("reason", gap.reason);
    out.end_object();
  }
  out.end_array();
  out.key("experiment");
  write_experiment_trend(out, trends);
  out.end_object();
}

}  // namespace basketlift
