// The change test's second measure (SPEC §3.8, §3.9): an offer whose acceptance holds but whose
// margin per impression falls (a price cut on the offered product) is found with both windows'
// figures, and raises an `offer_changed` alert naming the margin.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "analysis/time_zone.h"
#include "test_support.h"

namespace basketlift {
namespace {

// 40 days from 2024-05-01, 60 sessions a day, each shown offer xs-m once; one in five takes it
// (product Q, cost 10) at 20 until 2024-05-26 and at 14 from 2024-05-27: a margin of 10, then 4.
struct CutStore {
  std::string orders =
      "order_id,session_id,timestamp,product_id,quantity,unit_price,unit_cost,rec_id\n";
  std::string offers = "rec_id,type,placement,offered_product_id,session_id,timestamp,accepted\n";
};

CutStore cut_store() {
  CutStore store;
  const std::int64_t first = days_from_civil(2024, 5, 1);
  for (std::int64_t day = first; day < first + 40; ++day) {
    const std::string date = iso_date(day);
    const std::string price = day < days_from_civil(2024, 5, 27) ? "20" : "14";
    for (int k = 0; k < 60; ++k) {
      const std::string session = "S" + date + "-" + std::to_string(k);
      const std::string minute = (k < 10 ? "0" : "") + std::to_string(k);
      const bool taken = k % 5 == 0;
      store.offers += "xs-m,cross_sell,cart,Q," + session + "," + date + "T10:" + minute + ":00Z," +
                      (taken ? "1" : "0") + "\n";
      if (taken) {
        store.orders += "O" + session + "," + session + "," + date + "T11:" + minute + ":00Z,Q,1," +
                        price + ",10,xs-m\n";
      }
    }
  }
  return store;
}

TEST(TrendChanges, AFallInMarginPerImpressionIsFoundWhileAcceptanceHolds) {
  const CutStore store = cut_store();
  Engine engine;
  ASSERT_TRUE(testing::feed_chunks(engine, store.orders, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(engine, store.offers, 0, {"offers.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(engine.analyze().ok());
  const Report& report = engine.report();
  ASSERT_TRUE(report.trends.available) << report.trends.reason;
  ASSERT_EQ(report.trends.changes.size(), 1u);
  const OfferChange& c = report.trends.changes[0];
  // Acceptance: 20% in both windows, no change.
  EXPECT_EQ(c.impressions_before, 14u * 60);
  EXPECT_EQ(c.accepted_before, 14u * 12);
  EXPECT_EQ(c.accepted_after, 14u * 12);
  EXPECT_NEAR(c.test.delta, 0, 1e-12);
  EXPECT_FALSE(c.significant);
  // Margin: 12 takers a day at 10, then at 4 — per impression 2.0, then 0.8.
  EXPECT_NEAR(c.margin_before, 14 * 12 * 10, 1e-9);
  EXPECT_NEAR(c.margin_after, 14 * 12 * 4, 1e-9);
  EXPECT_NEAR(c.margin_test.control, 2.0, 1e-12);
  EXPECT_NEAR(c.margin_test.treatment, 0.8, 1e-12);
  EXPECT_NEAR(c.margin_test.delta, -1.2, 1e-12);
  EXPECT_LT(c.margin_test.delta_ci.high, 0);
  EXPECT_TRUE(c.margin_significant);
  // Holm over the offer's two tests: the margin's p-value at most doubled.
  EXPECT_LE(c.margin_p_adjusted, 2 * c.margin_test.p_value + 1e-300);
  EXPECT_GE(c.margin_p_adjusted, c.margin_test.p_value);
  int alerts = 0;
  for (const Alert& alert : report.alerts) {
    if (alert.kind != "offer_changed") continue;
    ++alerts;
    EXPECT_EQ(alert.title,
              "Offer xs-m: margin per 1,000 impressions fell from 2000.00 to 800.00 in the last 14 "
              "days");
    EXPECT_EQ(alert.evidence, "/trends/changes/offers/0");
  }
  EXPECT_EQ(alerts, 1);
}

TEST(TrendChanges, WithoutCostsOnlyAcceptanceIsTested) {
  CutStore store = cut_store();
  // The same store without the cost column: no margin is known.
  std::string orders;
  std::size_t start = 0;
  while (start < store.orders.size()) {
    const std::size_t end = store.orders.find('\n', start);
    std::string line = store.orders.substr(start, end - start);
    const std::size_t last = line.rfind(',');
    const std::size_t cost = line.rfind(',', last - 1);
    orders += line.substr(0, cost) + line.substr(last) + "\n";
    start = end + 1;
  }
  ASSERT_EQ(orders.substr(0, orders.find('\n')),
            "order_id,session_id,timestamp,product_id,quantity,unit_price,rec_id");
  Engine engine;
  ASSERT_TRUE(testing::feed_chunks(engine, orders, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(engine, store.offers, 0, {"offers.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(engine.analyze().ok());
  ASSERT_EQ(engine.report().trends.changes.size(), 1u);
  const OfferChange& c = engine.report().trends.changes[0];
  EXPECT_TRUE(std::isnan(c.margin_before));
  EXPECT_FALSE(c.margin_test.ok);
  EXPECT_FALSE(c.margin_significant);
  EXPECT_TRUE(c.test.ok);
}

}  // namespace
}  // namespace basketlift
