// Customer value's sums (analysis/ltv.cpp) against a plain count of the same orders: customers,
// adopters, the data's end and, per horizon and group, the revenue within it and the repeaters.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include "analysis/ltv.h"
#include "test_support.h"

namespace basketlift {
namespace {

TEST(CustomerValue, SumsEqualAPlainCountOverOrdersInNoOrder) {
  // 400 customers with 0 to 6 orders each, written in a shuffled order (neither by customer nor
  // by time), some at the same second with another revenue, some undated; some customers
  // adopted an offer (a line with a rec_id). One line an order.
  std::mt19937 random(11);
  struct Order {
    int customer;
    std::int64_t time;  // seconds after 2024-01-01, or -1: undated
    int cents;
    bool adopted;
  };
  std::vector<Order> orders;
  for (int c = 0; c < 400; ++c) {
    const int count = static_cast<int>(random() % 7);
    std::int64_t at = static_cast<std::int64_t>(random() % (400 * 86400));
    for (int k = 0; k < count; ++k) {
      const bool same_second = k > 0 && random() % 5 == 0;
      if (!same_second) at += static_cast<std::int64_t>(random() % (120 * 86400));
      const bool undated = random() % 13 == 0;
      orders.push_back(
          {c, undated ? -1 : at, 100 + static_cast<int>(random() % 90000), random() % 9 == 0});
    }
  }
  std::shuffle(orders.begin(), orders.end(), random);
  const std::int64_t epoch = 1704067200;  // 2024-01-01T00:00:00Z
  std::string csv = "order_id,timestamp,customer_id,product_id,quantity,unit_price,rec_id\n";
  for (std::size_t o = 0; o < orders.size(); ++o) {
    const Order& order = orders[o];
    std::string when;
    if (order.time >= 0) {
      const std::time_t t = static_cast<std::time_t>(epoch + order.time);
      char text[32];
      std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
      when = text;
    }
    csv += "O" + std::to_string(o) + "," + when + ",C" + std::to_string(order.customer) + ",P1,1," +
           std::to_string(order.cents / 100) + "." + (order.cents % 100 < 10 ? "0" : "") +
           std::to_string(order.cents % 100) + "," + (order.adopted ? "rec-1" : "") + "\n";
  }

  // The plain count.
  std::vector<std::vector<std::pair<std::int64_t, double>>> dated(400);
  std::vector<bool> adopter(400, false);
  std::int64_t data_end = 0;
  for (const Order& order : orders) {
    adopter[order.customer] = adopter[order.customer] || order.adopted;
    if (order.time < 0) continue;
    dated[order.customer].emplace_back(epoch + order.time, order.cents / 100.0);
    data_end = std::max(data_end, epoch + order.time);
  }
  double customers = 0, adopters = 0;
  for (int c = 0; c < 400; ++c) {
    std::sort(dated[c].begin(), dated[c].end());
    customers += !dated[c].empty();
    adopters += !dated[c].empty() && adopter[c];
  }

  Engine engine;
  ASSERT_TRUE(engine.configure(R"({"sections": ["ltv"]})").ok());
  ASSERT_TRUE(testing::feed_chunks(engine, csv, 1 << 12, {"orders.csv", {}, {}, {}}).ok());
  const AnalysisContext ctx = build_context(engine.store(), engine.settings());
  const LtvSums sums = ltv_sums(ctx);
  EXPECT_EQ(sums.customers, static_cast<std::uint64_t>(customers));
  EXPECT_EQ(sums.adopters, static_cast<std::uint64_t>(adopters));
  EXPECT_EQ(sums.data_end, data_end);
  const std::vector<int>& horizons = engine.settings().ltv_windows_days;
  ASSERT_EQ(sums.windows.size(), horizons.size());
  for (std::size_t w = 0; w < horizons.size(); ++w) {
    const std::int64_t horizon = std::int64_t{horizons[w]} * 86400;
    double n[2] = {0, 0}, revenue[2] = {0, 0}, repeaters[2] = {0, 0};
    for (int c = 0; c < 400; ++c) {
      if (dated[c].empty() || dated[c].front().first + horizon > data_end) continue;
      double in_window = 0;
      int within = 0;
      for (const auto& [time, amount] : dated[c]) {
        if (time > dated[c].front().first + horizon) break;
        in_window += amount;
        ++within;
      }
      const int group = adopter[c] ? 1 : 0;
      n[group] += 1;
      revenue[group] += in_window;
      repeaters[group] += within > 1;
    }
    for (int group = 0; group < 2; ++group) {
      const LtvGroupSums& got = sums.windows[w][group];
      EXPECT_EQ(got.revenue.n, n[group]) << horizons[w] << " days, group " << group;
      EXPECT_NEAR(got.revenue.sum(), revenue[group], 1e-9 * revenue[group])
          << horizons[w] << " days";
      EXPECT_EQ(got.repeaters, repeaters[group]) << horizons[w] << " days, group " << group;
    }
    EXPECT_GT(n[0] * n[1], 0) << "both groups have customers observed " << horizons[w] << " days";
  }
}

}  // namespace
}  // namespace basketlift
