// Trends (SPEC §3.8): the merchant's calendar (time zones with daylight saving, ISO weeks, a
// year boundary), the grain chosen from the span, periods that add up to the totals, a planted
// change in an offer's acceptance found with its size, a planted tracking gap found on its days,
// and no change alert on stores where nothing changed.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

#include "analysis/time_zone.h"
#include "analysis/trend_calendar.h"
#include "generated_store.h"
#include "ingest/value_parse.h"
#include "test_support.h"

namespace basketlift {
namespace {

using testing::fixture_path;
using testing::read_file;

ZoneRules zone(const std::string& name) {
  Result<ZoneRules> rules = ZoneRules::from_tzif(name, read_file(fixture_path("zoneinfo/" + name)));
  EXPECT_TRUE(rules.ok()) << rules.status().message;
  return rules.ok() ? rules.value() : ZoneRules::utc();
}

std::int64_t epoch(const char* iso) {
  return parse_timestamp(iso)->epoch_seconds;
}

std::string local_date(const ZoneRules& z, const char* iso) {
  return iso_date(z.local_day(epoch(iso)));
}

TEST(TimeZone, CivilDatesRoundTripAndWeekdays) {
  for (std::int64_t day = -800000; day <= 800000; day += 7919) {
    const CivilDate d = civil_from_days(day);
    EXPECT_EQ(days_from_civil(d.year, d.month, d.day), day);
  }
  EXPECT_EQ(iso_date(days_from_civil(2024, 2, 29)), "2024-02-29");
  EXPECT_EQ(iso_weekday(days_from_civil(2024, 12, 30)), 0);  // a Monday
  EXPECT_EQ(iso_weekday(days_from_civil(2025, 1, 5)), 6);    // a Sunday
  EXPECT_EQ(iso_weekday(days_from_civil(1969, 12, 31)), 2);  // a Wednesday, before the epoch
}

TEST(TimeZone, BerlinAndNewYorkAcrossDaylightSaving) {
  const ZoneRules berlin = zone("Europe/Berlin");
  EXPECT_EQ(berlin.offset_at(epoch("2024-01-15T12:00:00Z")), 3600);
  EXPECT_EQ(berlin.offset_at(epoch("2024-07-15T12:00:00Z")), 7200);
  // Clocks went forward at 01:00 UTC on 2024-03-31 and back at 01:00 UTC on 2024-10-27.
  EXPECT_EQ(berlin.offset_at(epoch("2024-03-31T00:59:59Z")), 3600);
  EXPECT_EQ(berlin.offset_at(epoch("2024-03-31T01:00:00Z")), 7200);
  EXPECT_EQ(berlin.offset_at(epoch("2024-10-27T00:59:59Z")), 7200);
  EXPECT_EQ(berlin.offset_at(epoch("2024-10-27T01:00:00Z")), 3600);
  EXPECT_EQ(local_date(berlin, "2024-03-30T22:59:59Z"), "2024-03-30");  // 23:59:59 CET
  EXPECT_EQ(local_date(berlin, "2024-03-30T23:00:00Z"), "2024-03-31");  // 00:00 CET
  EXPECT_EQ(local_date(berlin, "2024-10-26T21:59:59Z"), "2024-10-26");  // 23:59:59 CEST
  EXPECT_EQ(local_date(berlin, "2024-10-26T22:00:00Z"), "2024-10-27");  // 00:00 CEST
  const ZoneRules new_york = zone("America/New_York");
  EXPECT_EQ(new_york.offset_at(epoch("2024-03-10T06:59:59Z")), -5 * 3600);  // 01:59:59 EST
  EXPECT_EQ(new_york.offset_at(epoch("2024-03-10T07:00:00Z")), -4 * 3600);  // 03:00 EDT
  EXPECT_EQ(new_york.offset_at(epoch("2024-11-03T05:59:59Z")), -4 * 3600);
  EXPECT_EQ(new_york.offset_at(epoch("2024-11-03T06:00:00Z")), -5 * 3600);
  EXPECT_EQ(local_date(new_york, "2025-01-01T04:59:59Z"), "2024-12-31");
  EXPECT_EQ(local_date(new_york, "2025-01-01T05:00:00Z"), "2025-01-01");
}

TEST(TimeZone, RulesAsTheBrowserGivesThemAndBadInput) {
  Result<ZoneRules> rules = ZoneRules::from_json(
      R"({"name": "Europe/Berlin", "initial_offset": 3600,
          "transitions": [[1711846800, 7200], [1729990800, 3600]]})");
  ASSERT_TRUE(rules.ok()) << rules.status().message;
  EXPECT_EQ(rules.value().offset_at(epoch("2024-03-31T01:00:00Z")), 7200);
  EXPECT_EQ(rules.value().offset_at(epoch("2024-10-27T01:00:00Z")), 3600);
  EXPECT_FALSE(ZoneRules::from_json(R"({"name": "X", "initial_offset": 0,
      "transitions": [[10, 0], [5, 0]]})")
                   .ok());
  EXPECT_FALSE(ZoneRules::from_json(R"({"name": "X", "initial_offset": 999999,
      "transitions": []})")
                   .ok());
  EXPECT_FALSE(ZoneRules::from_tzif("X", "not a zone").ok());
  EXPECT_FALSE(
      ZoneRules::from_tzif("X", read_file(fixture_path("zoneinfo/Europe/Berlin")).substr(0, 60))
          .ok());
}

TEST(TrendCalendar, GrainFromTheSpanAndIsoWeeksAcrossTheYear) {
  EXPECT_EQ(automatic_grain(62), TrendGrain::day);
  EXPECT_EQ(automatic_grain(63), TrendGrain::week);
  EXPECT_EQ(automatic_grain(434), TrendGrain::week);
  EXPECT_EQ(automatic_grain(435), TrendGrain::month);
  const TrendCalendar weeks(TrendGrain::week, days_from_civil(2024, 12, 29));
  EXPECT_EQ(iso_date(weeks.first_day(0)), "2024-12-23");
  EXPECT_EQ(iso_date(weeks.first_day(1)), "2024-12-30");
  EXPECT_EQ(weeks.period_of(days_from_civil(2025, 1, 5)), 1u);
  EXPECT_EQ(weeks.period_of(days_from_civil(2025, 1, 6)), 2u);
  const TrendCalendar months(TrendGrain::month, days_from_civil(2024, 11, 17));
  EXPECT_EQ(iso_date(months.last_day(0)), "2024-11-30");
  EXPECT_EQ(iso_date(months.first_day(2)), "2025-01-01");
  EXPECT_EQ(months.period_of(days_from_civil(2025, 2, 28)), 3u);
}

// An engine holding `orders` (CSV text) and `offers` (CSV text, may be empty), analysed with
// `settings` on `rules`.
std::unique_ptr<Engine> analysed_engine(const std::string& orders, const std::string& offers,
                                        const std::string& settings,
                                        const ZoneRules& rules = ZoneRules::utc()) {
  auto engine = std::make_unique<Engine>();
  EXPECT_TRUE(engine->configure(settings).ok());
  engine->set_time_zone(rules);
  EXPECT_TRUE(testing::feed_chunks(*engine, orders, 0, {"orders.csv", {}, {}, {}}).ok());
  if (!offers.empty()) {
    EXPECT_TRUE(testing::feed_chunks(*engine, offers, 0, {"offers.csv", {}, {}, {}}).ok());
  }
  const Status status = engine->analyze();
  EXPECT_TRUE(status.ok()) << status.message;
  return engine;
}

// The report of analysed_engine().
Report analysed(const std::string& orders, const std::string& offers, const std::string& settings,
                const ZoneRules& rules = ZoneRules::utc()) {
  return analysed_engine(orders, offers, settings, rules)->report();
}

TEST(Trends, WeeksFollowTheMerchantsCalendarAroundTheYearEnd) {
  // Sunday 2024-12-29 23:30 UTC is already Monday 2024-12-30, 00:30, in Berlin.
  const std::string orders =
      "order_id,timestamp,product_id,quantity,unit_price\n"
      "A,2024-12-29T23:30:00Z,P,1,10\n"
      "B,2024-12-30T12:00:00Z,P,1,20\n"
      "C,2025-01-05T12:00:00Z,P,1,30\n"
      "D,2025-01-06T12:00:00Z,P,1,40\n"
      "E,,P,1,50\n";
  const Report utc = analysed(orders, "", R"({"trend_grain": "week"})");
  ASSERT_TRUE(utc.trends.available) << utc.trends.reason;
  ASSERT_EQ(utc.trends.periods.size(), 3u);
  EXPECT_EQ(iso_date(utc.trends.periods[0].first_day), "2024-12-23");
  EXPECT_EQ(utc.trends.periods[0].sums.orders, 1u);
  EXPECT_TRUE(utc.trends.periods[0].partial);
  EXPECT_EQ(utc.trends.periods[1].sums.orders, 2u);
  EXPECT_FALSE(utc.trends.periods[1].partial);
  EXPECT_TRUE(utc.trends.periods[2].partial);
  EXPECT_EQ(utc.trends.undated.orders, 1u);
  EXPECT_DOUBLE_EQ(utc.trends.undated.revenue, 50);

  const Report berlin = analysed(orders, "", R"({"trend_grain": "week",
      "timezone": "Europe/Berlin"})",
                                 zone("Europe/Berlin"));
  ASSERT_EQ(berlin.trends.periods.size(), 2u);
  EXPECT_EQ(iso_date(berlin.trends.periods[0].first_day), "2024-12-30");
  EXPECT_EQ(berlin.trends.periods[0].sums.orders, 3u);
  EXPECT_DOUBLE_EQ(berlin.trends.periods[0].sums.revenue, 60);
  EXPECT_EQ(berlin.trends.timezone, "Europe/Berlin");
}

TEST(Trends, BareDatesAreDaysOfTheMerchantsZone) {
  const std::string orders =
      "order_id,timestamp,product_id,quantity,unit_price\n"
      "A,2024-03-10,P,1,10\nB,2024-03-11,P,1,10\n";
  const Report report =
      analysed(orders, "", R"({"timezone": "America/New_York"})", zone("America/New_York"));
  ASSERT_TRUE(report.trends.available);
  EXPECT_TRUE(report.trends.dates_as_local);
  EXPECT_EQ(iso_date(report.trends.first_day), "2024-03-10");  // not the 9th, 19:00 EST
  EXPECT_EQ(report.trends.grain, TrendGrain::day);
}

TEST(Trends, AZoneWithoutRulesIsAnError) {
  Engine engine;
  ASSERT_TRUE(engine.configure(R"({"timezone": "Europe/Berlin"})").ok());
  ASSERT_TRUE(
      testing::feed_chunks(engine, "order_id,product_id\nA,P\n", 0, {"o.csv", {}, {}, {}}).ok());
  const Status status = engine.analyze();
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message.find("Europe/Berlin"), std::string::npos);
}

TEST(Trends, PeriodsAndUndatedAddUpToTheTotals) {
  sample::GeneratorOptions options;
  options.orders = 3000;
  options.seed = 5;  // with planted gaps: unparsable timestamps end up undated
  const auto store = testing::analysed_store(options);
  const Report& report = store->engine.report();
  const TrendsResult& trends = report.trends;
  ASSERT_TRUE(trends.available) << trends.reason;
  TrendSums sum = trends.undated;
  for (const TrendPeriod& p : trends.periods)
    sum.add(p.sums);
  EXPECT_GT(trends.undated.orders, 0u);
  EXPECT_EQ(sum.orders, report.summary.orders);
  EXPECT_EQ(sum.money_orders, report.summary.money_orders);
  EXPECT_NEAR(sum.revenue, *report.summary.revenue.value, 1e-9 * *report.summary.revenue.value);
  EXPECT_NEAR(sum.margin, *report.summary.margin.value, 1e-9 * *report.summary.margin.value);
  EXPECT_EQ(sum.sessions, static_cast<std::uint64_t>(*report.summary.sessions.value));
  std::uint64_t impressions = 0, accepted = 0;
  for (const OfferResult& offer : report.offers.offers) {
    impressions += offer.impressions;
    accepted += offer.accepted;
  }
  EXPECT_EQ(sum.impressions, store->engine.store().impressions.size());
  EXPECT_EQ(sum.impressions, impressions);
  EXPECT_EQ(sum.accepted, accepted);
  // Each period lies inside the span's periods, in order, without a hole.
  for (std::size_t k = 1; k < trends.periods.size(); ++k)
    EXPECT_EQ(trends.periods[k].first_day, trends.periods[k - 1].last_day + 1);
}

}  // namespace
}  // namespace basketlift

namespace basketlift {
namespace {

// Orders (one a day) and two offers shown 60 times a day for 40 days from 2024-05-01: xs-a
// accepted one time in five until 2024-05-26 and one in ten from 2024-05-27 on; xs-b one in
// five throughout. Days in `dark` have orders but no impressions.
struct PlantedStore {
  std::string orders = "order_id,timestamp,product_id,quantity,unit_price\n";
  std::string offers = "rec_id,type,placement,offered_product_id,timestamp,accepted\n";
};

PlantedStore planted_store(int orders_a_day, std::int64_t dark_from, std::int64_t dark_to) {
  PlantedStore store;
  const std::int64_t first = days_from_civil(2024, 5, 1);
  int order = 0;
  for (std::int64_t day = first; day < first + 40; ++day) {
    const std::string date = iso_date(day);
    for (int k = 0; k < orders_a_day; ++k) {
      store.orders += "O" + std::to_string(++order) + "," + date +
                      "T09:" + (k % 60 < 10 ? "0" : "") + std::to_string(k % 60) + ":00Z,P,1,10\n";
    }
    if (day >= dark_from && day <= dark_to) continue;
    const int a_every = day < days_from_civil(2024, 5, 27) ? 5 : 10;
    for (int k = 0; k < 60; ++k) {
      const std::string at = date + "T10:" + (k < 10 ? "0" : "") + std::to_string(k) + ":00Z";
      store.offers += "xs-a,cross_sell,cart,P," + at + "," + (k % a_every == 0 ? "1" : "0") + "\n";
      store.offers += "xs-b,cross_sell,cart,P," + at + "," + (k % 5 == 0 ? "1" : "0") + "\n";
    }
  }
  return store;
}

TEST(TrendChanges, APlantedDropInAcceptanceIsFoundWithItsDateAndSize) {
  const PlantedStore store = planted_store(1, 0, -1);
  const std::unique_ptr<Engine> engine = analysed_engine(store.orders, store.offers, "{}");
  const Report& report = engine->report();
  const TrendsResult& trends = report.trends;
  ASSERT_TRUE(trends.available) << trends.reason;
  EXPECT_EQ(trends.grain, TrendGrain::day);
  ASSERT_EQ(trends.changes.size(), 2u);
  const OfferChange& a = trends.changes[0];
  EXPECT_EQ(engine->store().pools.recs.view(a.rec), "xs-a");
  EXPECT_TRUE(a.significant);
  // The last 14 days (05-27 to 06-09) against the 14 before (05-13 to 05-26).
  EXPECT_EQ(a.impressions_before, 14u * 60);
  EXPECT_EQ(a.accepted_before, 14u * 12);
  EXPECT_EQ(a.impressions_after, 14u * 60);
  EXPECT_EQ(a.accepted_after, 14u * 6);
  EXPECT_NEAR(a.test.delta, -0.1, 1e-12);
  EXPECT_EQ(iso_date(a.changed_on), "2024-05-27");
  const OfferChange& b = trends.changes[1];
  EXPECT_FALSE(b.significant);
  EXPECT_NEAR(b.test.delta, 0, 1e-12);
  int changed = 0;
  for (const Alert& alert : report.alerts) {
    if (alert.kind != "offer_changed") continue;
    ++changed;
    EXPECT_NE(alert.title.find("xs-a: acceptance fell from 20.0% to 10.0%"), std::string::npos)
        << alert.title;
    EXPECT_NE(alert.title.find("2024-05-27"), std::string::npos) << alert.title;
    EXPECT_EQ(alert.evidence, "/trends/changes/offers/0");
  }
  EXPECT_EQ(changed, 1);
}

TEST(TrendChanges, DaysWithOrdersButNoImpressionsAreATrackingGap) {
  const std::int64_t dark = days_from_civil(2024, 5, 20);
  const PlantedStore store = planted_store(30, dark, dark + 2);
  const Report report = analysed(store.orders, store.offers, "{}");
  ASSERT_EQ(report.trends.tracking_gaps.size(), 1u);
  EXPECT_EQ(iso_date(report.trends.tracking_gaps[0].first_day), "2024-05-20");
  EXPECT_EQ(iso_date(report.trends.tracking_gaps[0].last_day), "2024-05-22");
  EXPECT_EQ(report.trends.tracking_gaps[0].reason, "orders but no impressions");
  const GapCheck* gap = nullptr;
  for (const GapCheck& check : report.data_gaps.checks)
    if (check.id == "tracking_gap") gap = &check;
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->count, 3);
  ASSERT_EQ(gap->examples.size(), 1u);
  EXPECT_EQ(gap->examples[0].value, "2024-05-20 to 2024-05-22: orders but no impressions");
  // The same store with every day tracked has no gap.
  EXPECT_TRUE(analysed(planted_store(30, 0, -1).orders, planted_store(30, 0, -1).offers, "{}")
                  .trends.tracking_gaps.empty());
}

TEST(TrendChanges, StoresWhereNothingChangedRaiseFewChangeAlerts) {
  // The generator's offers keep their acceptance over time: any offer_changed alert is a false
  // one. Windows of 60 days and verdicts from 30 impressions give each store many offers to
  // test.
  int stores_alerted = 0;
  std::size_t tested = 0;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    sample::GeneratorOptions options;
    options.orders = 4000;
    options.seed = seed;
    options.clean = true;
    const testing::GeneratedFiles files = testing::generated_files(options);
    Engine engine;
    ASSERT_TRUE(engine
                    .configure(R"({"change_window_days": 60, "min_impressions_for_verdict": 30,
        "sections": ["trends"]})")
                    .ok());
    testing::feed_generated(engine, files, options,
                            {sample::OutputFile::products, sample::OutputFile::orders,
                             sample::OutputFile::offers, sample::OutputFile::sessions});
    ASSERT_TRUE(engine.analyze().ok());
    tested += engine.report().trends.changes.size();
    bool alerted = false;
    for (const Alert& alert : engine.report().alerts)
      alerted = alerted || alert.kind == "offer_changed";
    stores_alerted += alerted;
  }
  EXPECT_GE(tested, 50u * 5);  // enough offers tested for the rate to mean something
  EXPECT_LE(stores_alerted, 5) << tested;
}

}  // namespace
}  // namespace basketlift
