// The simulator's baseline from a report: taken from the engine's typed report, it equals the one
// read back from the report's JSON; a saved report missing a field is an error naming it.
#include <gtest/gtest.h>

#include <string>

#include "engine/engine.h"
#include "sim/sim_json.h"
#include "test_support.h"

namespace basketlift::sim {
namespace {

// The report with the first `key` renamed (so the field is missing and the JSON still valid).
std::string renamed(std::string report, const std::string& key) {
  const std::size_t at = report.find("\"" + key + "\":");
  EXPECT_NE(at, std::string::npos) << key;
  if (at != std::string::npos) report.insert(at + 1, "no_");
  return report;
}

TEST(ReportBaseline, TypedReportGivesTheSameProjectionAsItsJson) {
  Engine engine;
  ASSERT_TRUE(testing::analyze_sample_store(engine).ok());
  const std::string report = engine.report_json();
  for (const char* scenario :
       {R"({})", R"({"grouping": "type_placement", "all": {"acceptance": {"relative": 0.2}}})",
        R"({"grouping": "offer_segment", "volume": 1.5, "all": {"conversion_impact": -0.01}})"}) {
    Result<Baseline> typed = engine.simulation_baseline(scenario);
    ASSERT_TRUE(typed.ok()) << typed.status().message;
    EXPECT_GT(typed.value().groups.size(), 3u);
    Result<std::string> from_typed = simulate_json(std::move(typed.value()), scenario);
    Result<std::string> from_json = simulate_json(report, scenario);
    ASSERT_TRUE(from_typed.ok() && from_json.ok());
    EXPECT_EQ(from_typed.value(), from_json.value()) << scenario;
  }
}

TEST(ReportBaseline, NoBaselineBeforeAnalyzeOrAfterReset) {
  Engine engine;
  EXPECT_EQ(engine.simulation_baseline("{}").status().code, ErrorCode::bad_usage);
  ASSERT_TRUE(testing::analyze_sample_store(engine).ok());
  EXPECT_TRUE(engine.simulation_baseline("{}").ok());
  EXPECT_EQ(engine.simulation_baseline(R"({"grouping": "segment"})").status().code,
            ErrorCode::bad_config);
  engine.reset();
  EXPECT_EQ(engine.simulation_baseline("{}").status().code, ErrorCode::bad_usage);
}

// The acceptance ranges are at the report's confidence, not a fixed 95%.
TEST(ReportBaseline, AcceptanceRangesFollowTheReportsConfidence) {
  Engine at95, at80;
  ASSERT_TRUE(at80.configure(R"({"confidence": 0.8})").ok());
  ASSERT_TRUE(testing::analyze_sample_store(at95).ok() && testing::analyze_sample_store(at80).ok());
  Result<Baseline> wide = at95.simulation_baseline("{}"), narrow = at80.simulation_baseline("{}");
  Result<Baseline> from_json = baseline_from_report(at80.report_json(), Grouping::offer);
  ASSERT_TRUE(wide.ok() && narrow.ok() && from_json.ok());
  ASSERT_EQ(wide.value().groups.size(), narrow.value().groups.size());
  for (std::size_t g = 0; g < wide.value().groups.size(); ++g) {
    const Group &w = wide.value().groups[g], &n = narrow.value().groups[g];
    if (w.exposed_orders == 0) continue;
    if (w.knobs[acceptance] > 0) {
      EXPECT_LT(w.acceptance_low, n.acceptance_low) << w.id;
    }
    EXPECT_GT(w.acceptance_high, n.acceptance_high) << w.id;
    EXPECT_EQ(n.acceptance_low, from_json.value().groups[g].acceptance_low) << w.id;
  }
}

// A saved report edited by hand or cut short: a missing field is named, never read as 0.
TEST(ReportBaseline, SavedReportMissingAFieldIsAnErrorNamingIt) {
  Engine engine;
  ASSERT_TRUE(testing::analyze_sample_store(engine).ok());
  const std::string report = engine.report_json();
  ASSERT_TRUE(simulate_json(report, "{}").ok());

  Result<std::string> broken = simulate_json(renamed(report, "money_orders"), "{}");
  EXPECT_EQ(broken.status().code, ErrorCode::bad_config);
  EXPECT_NE(broken.status().message.find("summary needs \"money_orders\""), std::string::npos)
      << broken.status().message;

  broken = simulate_json(renamed(report, "exposed_orders"), "{}");
  EXPECT_EQ(broken.status().code, ErrorCode::bad_config);
  EXPECT_NE(broken.status().message.find("needs \"exposed_orders\""), std::string::npos)
      << broken.status().message;
  EXPECT_NE(broken.status().message.find("offer "), std::string::npos);
}

}  // namespace
}  // namespace basketlift::sim
