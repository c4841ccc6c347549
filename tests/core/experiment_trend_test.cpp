// The experiment over time (SPEC §3.8): a planted fading effect read period by period, a
// period whose split is off flagged by its own sample-ratio check, the last period equal to
// the experiment section, and sequential intervals used when they are on.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

#include "analysis/time_zone.h"
#include "test_support.h"

namespace basketlift {
namespace {

constexpr int kDays = 40;
constexpr int kFadesAfter = 14;  // treatment converts 20% for 14 days, then 10% like control
constexpr int kOffDay = 29;      // treatment gets 160 sessions instead of 100 that day

// Sessions of one arm on day `day` (0-based from 2024-05-01): how many, how many converted.
int sessions_of(bool treatment, int day) {
  return treatment && day == kOffDay ? 160 : 100;
}
int converted_of(bool treatment, int day) {
  if (!treatment) return 10;
  if (day == kOffDay) return 16;
  return day < kFadesAfter ? 20 : 10;
}

struct FadingStore {
  std::string sessions = "session_id,variant,timestamp,converted\n";
  std::string orders = "order_id,session_id,timestamp,product_id,quantity,unit_price\n";
};

FadingStore fading_store() {
  FadingStore store;
  const std::int64_t first = days_from_civil(2024, 5, 1);
  int id = 0;
  for (int day = 0; day < kDays; ++day) {
    const std::string date = iso_date(first + day);
    for (const bool treatment : {false, true}) {
      for (int k = 0; k < sessions_of(treatment, day); ++k) {
        const std::string session = "S" + std::to_string(++id);
        const bool converted = k < converted_of(treatment, day);
        store.sessions += session + "," + (treatment ? "treatment" : "control") + "," + date +
                          "T08:00:00Z," + (converted ? "1" : "0") + "\n";
        if (converted)
          store.orders += "O" + session + "," + session + "," + date + "T09:00:00Z,P,1,10\n";
      }
    }
  }
  return store;
}

std::unique_ptr<Engine> analysed(const std::string& settings) {
  const FadingStore store = fading_store();
  return testing::analysed_texts(settings,
                                 {{"sessions.csv", store.sessions}, {"orders.csv", store.orders}});
}

const MetricResult& metric(const ArmComparison& c, const std::string& name) {
  for (const MetricResult& m : c.metrics)
    if (m.metric == name) return m;
  ADD_FAILURE() << "no metric " << name;
  return c.metrics.front();
}

TEST(ExperimentTrend, AFadingEffectShowsInTheCumulativeDifference) {
  const std::unique_ptr<Engine> engine = analysed("{}");
  const Report& report = engine->report();
  const ExperimentTrend& e = report.trends.experiment;
  ASSERT_TRUE(e.available) << e.reason;
  EXPECT_EQ(report.trends.grain, TrendGrain::day);
  EXPECT_EQ(iso_date(e.start_day), "2024-05-01");
  EXPECT_EQ(e.undated_units, 0u);
  ASSERT_EQ(e.periods.size(), static_cast<std::size_t>(kDays));
  ASSERT_EQ(e.arms, (std::vector<std::string>{"control", "treatment"}));
  double sessions[2] = {0, 0}, converted[2] = {0, 0};
  for (int day = 0; day < kDays; ++day) {
    const ExperimentPeriod& p = e.periods[static_cast<std::size_t>(day)];
    for (const int arm : {0, 1}) {
      sessions[arm] += sessions_of(arm == 1, day);
      converted[arm] += converted_of(arm == 1, day);
      EXPECT_EQ(p.units[static_cast<std::size_t>(arm)], sessions_of(arm == 1, day)) << day;
      EXPECT_EQ(p.cumulative_units[static_cast<std::size_t>(arm)], sessions[arm]) << day;
    }
    ASSERT_EQ(p.comparisons.size(), 1u);
    const MetricResult& cvr = metric(p.comparisons[0], "cvr");
    const double planted = converted[1] / sessions[1] - converted[0] / sessions[0];
    EXPECT_NEAR(cvr.comparison.delta, planted, 1e-12) << day;
    // Revenue is 10 an order, one order per converted session.
    EXPECT_NEAR(metric(p.comparisons[0], "rpv").comparison.delta, 10 * planted, 1e-9) << day;
    // Each day's own split: equal, except the day the treatment got 60% more sessions.
    EXPECT_TRUE(p.srm.checked) << day;
    EXPECT_EQ(p.srm.mismatch, day == kOffDay) << day << " p=" << p.srm.p_value;
  }
  // 0.10 while the effect lasts, then diluted by the days without it.
  EXPECT_NEAR(metric(e.periods[kFadesAfter - 1].comparisons[0], "cvr").comparison.delta, 0.10,
              1e-12);
  EXPECT_LT(metric(e.periods.back().comparisons[0], "cvr").comparison.delta, 0.04);
  EXPECT_TRUE(metric(e.periods[kFadesAfter - 1].comparisons[0], "cvr").significant);
}

TEST(ExperimentTrend, TheLastPeriodIsTheExperimentSectionWithSequentialIntervalsWhenOn) {
  for (const char* settings : {"{}", R"({"sequential": true})"}) {
    const std::unique_ptr<Engine> engine = analysed(settings);
    const Report& report = engine->report();
    ASSERT_TRUE(report.experiment.available);
    const ArmComparison& whole = report.experiment.comparisons.front();
    ASSERT_EQ(whole.slice_kind, "all");
    const ArmComparison& last = report.trends.experiment.periods.back().comparisons.front();
    ASSERT_EQ(last.metrics.size(), whole.metrics.size());
    for (std::size_t m = 0; m < whole.metrics.size(); ++m) {
      const Comparison& a = whole.metrics[m].comparison;
      const Comparison& b = last.metrics[m].comparison;
      EXPECT_EQ(whole.metrics[m].metric, last.metrics[m].metric);
      ASSERT_EQ(a.ok, b.ok) << whole.metrics[m].metric;
      if (!a.ok) continue;
      EXPECT_NEAR(b.delta, a.delta, 1e-9 * std::abs(a.delta) + 1e-15);
      EXPECT_NEAR(b.delta_ci.low, a.delta_ci.low, 1e-9 * std::abs(a.delta_ci.low));
      EXPECT_NEAR(b.delta_ci.high, a.delta_ci.high, 1e-9 * std::abs(a.delta_ci.high));
      EXPECT_NEAR(b.p_value, a.p_value, 1e-9);
    }
  }
  // Sequential intervals are wider at every look than the fixed-horizon ones.
  const std::unique_ptr<Engine> fixed = analysed("{}");
  const std::unique_ptr<Engine> sequential = analysed(R"({"sequential": true})");
  for (std::size_t k = 0; k < kDays; ++k) {
    const Interval a = metric(fixed->report().trends.experiment.periods[k].comparisons[0], "cvr")
                           .comparison.delta_ci;
    const Interval b =
        metric(sequential->report().trends.experiment.periods[k].comparisons[0], "cvr")
            .comparison.delta_ci;
    EXPECT_GT(b.high - b.low, a.high - a.low) << k;
  }
}

TEST(ExperimentTrend, LeftOutWithTheExperimentOrWithoutArms) {
  const std::unique_ptr<Engine> engine = analysed(R"({"sections": ["trends"]})");
  EXPECT_FALSE(engine->report().trends.experiment.available);
  EXPECT_NE(engine->report().trends.experiment.reason.find("settings.sections"), std::string::npos);
  Engine plain;
  ASSERT_TRUE(testing::feed_chunks(plain,
                                   "order_id,timestamp,product_id,quantity,unit_price\n"
                                   "A,2024-05-01T10:00:00Z,P,1,10\n",
                                   0, {"orders.csv", {}, {}, {}})
                  .ok());
  ASSERT_TRUE(plain.analyze().ok());
  EXPECT_FALSE(plain.report().trends.experiment.available);
  EXPECT_EQ(plain.report().trends.experiment.reason, plain.report().experiment.reason);
}

}  // namespace
}  // namespace basketlift
