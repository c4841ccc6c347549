// The pre-period adjustment (CUPED) from an aggregates file (format 5): PostgreSQL's file for
// the sample store (tests/fixtures/aggregates/sample_postgres.csv, written by
// tests/warehouse/make_fixture.mjs) gives the adjusted estimates and balance checks of the
// store's rows; older files say the sums are not in them; bad rows are named; the pre-period's
// length the query used cannot be changed after. tests/warehouse/equality.test.mjs checks the
// same on PostgreSQL and DuckDB over generated stores with a planted pre-period.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "test_support.h"

namespace basketlift {
namespace {

using testing::fixture_path;
using testing::read_file;

void expect_close(double actual, double expected, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << what;
    return;
  }
  EXPECT_LE(std::abs(actual - expected), 1e-9 * std::max(std::abs(expected), 1e-12))
      << what << ": " << actual << " against " << expected;
}

// The engine given the sample store's rows.
void analyze_sample_rows(Engine& engine, const std::string& config = "") {
  ASSERT_TRUE(testing::analyze_sample_store(engine, config).ok());
}

// The sample file with every row's version set to `version` and the pre-period rows left out.
std::string without_pre_period(int version) {
  const std::string file = read_file(fixture_path("aggregates/sample_postgres.csv"));
  std::string out;
  std::size_t at = 0;
  while (at < file.size()) {
    const std::size_t end = file.find('\n', at);
    std::string line = file.substr(at, end - at);
    at = end + 1;
    if (line.rfind("cuped", 0) == 0) continue;
    const std::size_t comma = line.find(',');
    const std::size_t next = line.find(',', comma + 1);
    if (out.empty()) {
      out += line + "\n";  // the header
      continue;
    }
    out += line.substr(0, comma + 1) + std::to_string(version) + line.substr(next) + "\n";
  }
  return out;
}

TEST(AggregatesCuped, SampleStoreFromPostgresGivesTheAdjustmentOfItsRows) {
  // The sample store's customers seldom have a pre-period: with cuped_min_covered_share 0 every
  // metric is adjusted anyway, so that θ and the variance reduction are compared too.
  for (const std::string config : {"", R"({"cuped_min_covered_share": 0})"}) {
    Engine aggregates, rows;
    ASSERT_TRUE(testing::analyze_aggregates_file(
                    aggregates, read_file(fixture_path("aggregates/sample_postgres.csv")), config)
                    .ok());
    analyze_sample_rows(rows, config);
    const ExperimentResult& a = aggregates.report().experiment;
    const ExperimentResult& r = rows.report().experiment;
    ASSERT_TRUE(r.cuped) << r.cuped_reason;
    EXPECT_TRUE(a.cuped) << a.cuped_reason;
    ASSERT_EQ(a.pre_period_balance.size(), r.pre_period_balance.size());
    ASSERT_FALSE(r.pre_period_balance.empty());
    for (std::size_t i = 0; i < r.pre_period_balance.size(); ++i) {
      const BalanceCheck& x = a.pre_period_balance[i];
      const BalanceCheck& y = r.pre_period_balance[i];
      EXPECT_EQ(x.measure, y.measure);
      expect_close(x.control, y.control, y.measure + " control");
      expect_close(x.treatment, y.treatment, y.measure + " treatment");
      expect_close(x.p_value, y.p_value, y.measure + " p");
    }
    int computed = 0;
    ASSERT_FALSE(r.comparisons.empty());
    ASSERT_EQ(r.comparisons[0].slice_kind, "all");
    ASSERT_EQ(a.comparisons[0].metrics.size(), r.comparisons[0].metrics.size());
    for (std::size_t m = 0; m < r.comparisons[0].metrics.size(); ++m) {
      const CupedEstimate& x = a.comparisons[0].metrics[m].cuped;
      const CupedEstimate& y = r.comparisons[0].metrics[m].cuped;
      const std::string what = config + " " + r.comparisons[0].metrics[m].metric;
      EXPECT_EQ(x.computed, y.computed) << what;
      EXPECT_EQ(x.reason, y.reason) << what;
      expect_close(x.covered_share, y.covered_share, what + " covered");
      if (!y.computed) continue;
      ++computed;
      expect_close(x.theta, y.theta, what + " theta");
      expect_close(x.theta_no_history, y.theta_no_history, what + " theta_no_history");
      expect_close(x.variance_reduction, y.variance_reduction, what + " variance reduction");
      expect_close(x.comparison.delta, y.comparison.delta, what + " delta");
      expect_close(x.comparison.p_value, y.comparison.p_value, what + " p");
    }
    EXPECT_EQ(computed > 0, !config.empty()) << config;
  }
}

TEST(AggregatesCuped, Format4FilesSayThePrePeriodIsNotInThem) {
  Engine engine;
  ASSERT_TRUE(testing::analyze_aggregates_file(engine, without_pre_period(4)).ok());
  const ExperimentResult& e = engine.report().experiment;
  EXPECT_TRUE(e.available);
  EXPECT_FALSE(e.cuped);
  EXPECT_NE(e.cuped_reason.find("format 4 has no pre-period sums"), std::string::npos)
      << e.cuped_reason;
  EXPECT_TRUE(e.pre_period_balance.empty());
}

TEST(AggregatesCuped, BadRowsAreNamed) {
  const std::string file = read_file(fixture_path("aggregates/sample_postgres.csv"));
  const std::pair<const char*, const char*> cases[] = {
      {"cuped,5,,,customers,3", "'customers' is not a pre-period measure"},
      {"cuped,5,,,units_with_customer,many", "'many' is not a number"},
      {"cuped_arm,5,,,units,1", "a pre-period arm row names no arm"},
      {"cuped_arm,5,,control,cuped_sums,1;2", "2 values for the 52 measures of cuped_sums"},
      {"cuped_arm,5,,control,revenue_by_revenue_by_revenue,1",
       "'revenue_by_revenue_by_revenue' is not a pre-period sum"},
  };
  for (const auto& [line, expected] : cases)
    testing::expect_row_refused(file, line, expected);
}

TEST(AggregatesCuped, ThePrePeriodOfTheQueryStays) {
  const std::string file = read_file(fixture_path("aggregates/sample_postgres.csv"));
  Engine changed;
  const Status status =
      testing::analyze_aggregates_file(changed, file, R"({"cuped_pre_period_days": 7})");
  EXPECT_EQ(status.code, ErrorCode::bad_config);
  EXPECT_NE(status.message.find("cuped_pre_period_days"), std::string::npos) << status.message;
  // Turning the adjustment off is a report-time choice.
  Engine off;
  ASSERT_TRUE(testing::analyze_aggregates_file(off, file, R"({"cuped": false})").ok());
  EXPECT_FALSE(off.report().experiment.cuped);
  EXPECT_EQ(off.report().experiment.cuped_reason, "regression adjustment is off (settings: cuped)");
}

}  // namespace
}  // namespace basketlift
