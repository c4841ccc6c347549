// The experiment with too little data says so, never NaN or a crash.
#include <gtest/gtest.h>

#include <cmath>

#include "simdjson.h"
#include "test_support.h"

namespace basketlift {
namespace {

const Report& analyse(Engine& engine, const std::string& sessions, const std::string& orders) {
  if (!sessions.empty()) {
    EXPECT_TRUE(
        testing::feed_chunks(engine, sessions, 0, {"sessions.csv", Table::sessions, {}, {}}).ok());
  }
  if (!orders.empty()) {
    EXPECT_TRUE(
        testing::feed_chunks(engine, orders, 0, {"orders.csv", Table::orders, {}, {}}).ok());
  }
  EXPECT_TRUE(engine.analyze().ok());
  simdjson::dom::parser parser;  // strict JSON: no NaN, no infinities
  simdjson::dom::element root;
  EXPECT_EQ(parser.parse(engine.report_json()).get(root), simdjson::SUCCESS);
  return engine.report();
}

TEST(ExperimentEdges, NoVariantsMeansNoExperiment) {
  Engine engine;
  const Report& r = analyse(engine, "session_id\ns1\ns2\n",
                            "order_id,product_id,unit_price,session_id\n1,a,5,s1\n");
  EXPECT_FALSE(r.experiment.available);
  EXPECT_NE(r.experiment.reason.find("tag each session"), std::string::npos);
}

TEST(ExperimentEdges, OneArmOnly) {
  Engine engine;
  const Report& r = analyse(engine, "session_id,variant\ns1,control\ns2,control\n", "");
  EXPECT_FALSE(r.experiment.available);
  EXPECT_NE(r.experiment.reason.find("only one arm"), std::string::npos);
}

TEST(ExperimentEdges, NoControlArmNamesTheSetting) {
  Engine engine;
  const Report& r = analyse(engine, "session_id,variant\ns1,A\ns2,B\n", "");
  EXPECT_FALSE(r.experiment.available);
  EXPECT_NE(r.experiment.reason.find("control_arm"), std::string::npos);
}

TEST(ExperimentEdges, ZeroOrdersInAnArmAndASingleSession) {
  Engine engine;
  const Report& r = analyse(engine, "session_id,variant\ns1,control\ns2,treatment\ns3,treatment\n",
                            "order_id,product_id,unit_price,session_id\n1,a,5,s1\n");
  ASSERT_TRUE(r.experiment.available);
  const ArmComparison& all = r.experiment.comparisons.at(0);
  for (const MetricResult& m : all.metrics) {
    EXPECT_FALSE(m.comparison.ok) << m.metric;  // control has one session, treatment no orders
    EXPECT_FALSE(m.comparison.reason.empty()) << m.metric;
    EXPECT_TRUE(std::isnan(m.adjusted_p)) << m.metric;
    EXPECT_FALSE(m.significant);
  }
  EXPECT_FALSE(all.srm.checked);
  EXPECT_NE(all.srm.reason.find("fewer than 8 units"), std::string::npos);
}

TEST(ExperimentEdges, ZeroVarianceIsNotEnoughData) {
  Engine engine;
  std::string sessions = "session_id,variant,converted\n";
  for (int i = 0; i < 20; ++i)
    sessions += "s" + std::to_string(i) + (i % 2 ? ",control,0\n" : ",treatment,0\n");
  const Report& r = analyse(engine, sessions, "");
  ASSERT_TRUE(r.experiment.available);
  const MetricResult& cvr = r.experiment.comparisons.at(0).metrics.at(0);
  EXPECT_EQ(cvr.metric, "cvr");
  EXPECT_FALSE(cvr.comparison.ok);
  EXPECT_EQ(cvr.comparison.reason, "no variation: every unit has the same outcome");
  EXPECT_TRUE(r.experiment.comparisons.at(0).srm.checked);
}

TEST(ExperimentEdges, WithoutSessionsAovStillComparesFromOrderVariants) {
  Engine engine;
  std::string orders = "order_id,product_id,unit_price,variant\n";
  for (int i = 0; i < 40; ++i) {
    orders += std::to_string(i) + ",p," + std::to_string(10 + i % 7) +
              (i % 2 ? ",control\n" : ",treatment\n");
  }
  const Report& r = analyse(engine, "", orders);
  ASSERT_TRUE(r.experiment.available);
  EXPECT_EQ(r.experiment.unit, UnitKind::order);
  const ArmComparison& all = r.experiment.comparisons.at(0);
  ASSERT_EQ(all.metrics.size(), 1u);
  EXPECT_EQ(all.metrics[0].metric, "aov");
  EXPECT_TRUE(all.metrics[0].comparison.ok);
  bool cvr_explained = false;
  for (const auto& [metric, why] : r.experiment.unavailable_metrics)
    cvr_explained = cvr_explained || metric == "cvr";
  EXPECT_TRUE(cvr_explained);
}

TEST(ExperimentEdges, CappingUsesOneCapForEveryArmAndReportsIt) {
  Engine engine;
  ASSERT_TRUE(engine.configure(R"({"capping":"upper","capping_percentile":0.9})").ok());
  std::string sessions = "session_id,variant\n",
              orders = "order_id,product_id,unit_price,session_id\n";
  for (int i = 1; i <= 100; ++i) {
    sessions += "s" + std::to_string(i) + (i % 2 ? ",control\n" : ",treatment\n");
    orders += std::to_string(i) + ",p," + std::to_string(i == 100 ? 100000 : i) + ",s" +
              std::to_string(i) + "\n";
  }
  const Report& r = analyse(engine, sessions, orders);
  ASSERT_TRUE(r.experiment.capped);
  EXPECT_EQ(r.experiment.revenue_cap.high, 90);  // 90th percentile of 1..99 and 100000
  const MetricResult& rpv = r.experiment.comparisons.at(0).metrics.at(2);
  EXPECT_EQ(rpv.metric, "rpv");
  EXPECT_LT(rpv.comparison.treatment, 100);  // the outlier no longer dominates
}

}  // namespace
}  // namespace basketlift
