// Regression adjustment with the pre-period (CUPED): the estimator against NumPy/SciPy reference
// values (tests/reference/make_cuped_reference.py, cross-checked there with statsmodels' OLS),
// its fall-back, and which orders make a customer's pre-period.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <string>

#include "analysis/alerts.h"
#include "analysis/cuped.h"
#include "cli/text_findings.h"
#include "cli/text_format.h"
#include "generated_store.h"
#include "test_support.h"

namespace basketlift {
namespace {

void expect_close(double actual, double expected, const std::string& what) {
  EXPECT_NEAR(actual, expected, 1e-6 * std::max(std::fabs(expected), 1e-9)) << what;
}

CoMoments units_of(simdjson::dom::array rows) {
  CoMoments m;
  for (simdjson::dom::element row : rows) {
    CoMoments::Values v{};
    int i = 0;
    simdjson::dom::array values;
    EXPECT_EQ(row.get_array().get(values), simdjson::SUCCESS);
    for (simdjson::dom::element value : values)
      EXPECT_EQ(value.get_double().get(v[static_cast<std::size_t>(i++)]), simdjson::SUCCESS);
    m.add(v);
  }
  return m;
}

TEST(Cuped, MatchesTheReferenceComputedUnitByUnit) {
  const std::string text = testing::read_file(testing::fixture_path("stats/cuped.json"));
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(text).get(root), simdjson::SUCCESS);
  std::size_t cases = 0;
  simdjson::dom::array all;
  ASSERT_EQ(root["cases"].get_array().get(all), simdjson::SUCCESS);
  for (simdjson::dom::element c : all) {
    std::string_view name_text, shape_text;
    ASSERT_EQ(c["name"].get_string().get(name_text), simdjson::SUCCESS);
    ASSERT_EQ(c["shape"].get_string().get(shape_text), simdjson::SUCCESS);
    const std::string name(name_text);
    const auto number = [&](const std::string& pointer) {
      double value = 0;
      EXPECT_EQ(c.at_pointer(pointer).get_double().get(value), simdjson::SUCCESS) << pointer;
      return value;
    };
    const auto expected = [&](const char* key) { return number(std::string("/expected/") + key); };
    const auto units = [&](const char* key) {
      simdjson::dom::array rows;
      EXPECT_EQ(c[key].get_array().get(rows), simdjson::SUCCESS);
      return units_of(rows);
    };
    Settings s;
    s.confidence = number("/confidence");
    bool sequential = false;
    ASSERT_EQ(c["sequential"].get_bool().get(sequential), simdjson::SUCCESS);
    s.sequential = sequential;
    s.sequential_tuning_n = number("/tuning_n");
    const CupedShape shape = shape_text == "mean" ? CupedShape::mean : CupedShape::ratio;
    const CupedEstimate e = cuped_compare(units("control"), units("treatment"), shape, s);
    ASSERT_TRUE(e.computed) << name << ": " << e.reason;
    expect_close(e.comparison.control, expected("control_adjusted"), name);
    expect_close(e.comparison.treatment, expected("treatment_adjusted"), name);
    expect_close(e.comparison.delta, expected("delta"), name);
    expect_close(e.comparison.delta_ci.low, expected("delta_ci/0"), name);
    expect_close(e.comparison.delta_ci.high, expected("delta_ci/1"), name);
    expect_close(e.comparison.p_value, expected("p"), name);
    expect_close(e.comparison.relative, expected("relative"), name);
    expect_close(e.comparison.relative_ci.low, expected("relative_ci/0"), name);
    expect_close(e.comparison.relative_ci.high, expected("relative_ci/1"), name);
    expect_close(e.theta, expected("theta"), name);
    if (expected("theta_no_history") == 0) {
      EXPECT_EQ(e.theta_no_history, 0) << name;
    } else {
      expect_close(e.theta_no_history, expected("theta_no_history"), name);
    }
    expect_close(e.variance_reduction, expected("variance_reduction"), name);
    EXPECT_GT(e.variance_reduction, 0) << name;
    ++cases;
  }
  EXPECT_EQ(cases, 6u);
}

TEST(Cuped, TooFewUnitsWithAPrePeriodLeaveTheMetricUnadjustedSayingWhy) {
  CoMoments control, arm;
  for (int i = 0; i < 200; ++i) {
    const bool history = i % 20 == 0;  // 5% of the units
    const double x = history ? 10 + i % 7 : 0;
    control.add({x + i % 3, x, history ? 0.0 : 1.0, 0, 0});
    arm.add({x + i % 5, x, history ? 0.0 : 1.0, 0, 0});
  }
  Settings s;
  CupedEstimate e = cuped_compare(control, arm, CupedShape::mean, s);
  EXPECT_FALSE(e.computed);
  EXPECT_NEAR(e.covered_share, 0.05, 1e-12);
  EXPECT_EQ(e.reason, "only 5% of the units have a pre-period (cuped_min_covered_share: 10%)");
  s.cuped_min_covered_share = 0.05;
  e = cuped_compare(control, arm, CupedShape::mean, s);
  EXPECT_TRUE(e.computed) << e.reason;
}

// Co-moments from plain sums (exact, as a warehouse's DECIMAL sums are, then read as doubles) are
// Welford's; a value that does not vary has no variance or covariance at all, not one made of
// rounding.
TEST(Cuped, CoMomentsFromSumsAreWelfordsWithoutRoundingNoise) {
  std::mt19937 random(7);
  std::uniform_int_distribution<std::int64_t> amount(0, 99999);
  CoMoments welford;
  std::array<std::int64_t, CoMoments::kSize> cent_sums{};
  std::array<std::array<std::int64_t, CoMoments::kSize>, CoMoments::kSize> cent_products{};
  for (int unit = 0; unit < 500; ++unit) {
    // In cents: money, the constant 0.10, money, a count, the constant 1.
    const std::array<std::int64_t, CoMoments::kSize> cents = {amount(random), 10, amount(random),
                                                              100 * (unit % 3), 100};
    CoMoments::Values v{};
    for (int i = 0; i < CoMoments::kSize; ++i) {
      v[i] = static_cast<double>(cents[i]) / 100;
      cent_sums[i] += cents[i];
      for (int j = 0; j < CoMoments::kSize; ++j)
        cent_products[i][j] += cents[i] * cents[j];
    }
    welford.add(v);
  }
  CoMoments::Values sums{};
  std::array<CoMoments::Values, CoMoments::kSize> products{};
  for (int i = 0; i < CoMoments::kSize; ++i) {
    sums[i] = static_cast<double>(cent_sums[i]) / 100;
    for (int j = 0; j < CoMoments::kSize; ++j)
      products[i][j] = static_cast<double>(cent_products[i][j]) / 10000;
  }
  const CoMoments from_sums = CoMoments::from_sums(500, sums, products);
  for (int i = 0; i < CoMoments::kSize; ++i) {
    expect_close(from_sums.mean[i], welford.mean[i], "mean " + std::to_string(i));
    for (int j = 0; j < CoMoments::kSize; ++j) {
      const std::string what = "c " + std::to_string(i) + std::to_string(j);
      if (i == 1 || j == 1 || i == 4 || j == 4) {
        EXPECT_EQ(from_sums.c[i][j], 0.0) << what;  // the constant values 0.1 and 1
        EXPECT_EQ(welford.c[i][j], 0.0) << what;
      } else {
        expect_close(from_sums.c[i][j], welford.c[i][j], what);
      }
    }
  }
}

// Arms that differed before the test are flagged (Holm over the checks); alike ones are not.
TEST(Cuped, ThePrePeriodBalanceFlagsArmsThatDifferedBeforeTheTest) {
  const auto sums_with = [](double treatment_pre) {
    CupedSums sums;
    sums.available = true;
    sums.arms.resize(2);
    for (int i = 0; i < 600; ++i) {
      for (std::size_t a = 0; a < 2; ++a) {
        const bool history = i % 2 == 0;
        const double pre = history ? (a == 0 ? 50.0 : treatment_pre) + (i % 7) * 10 : 0;
        sums.arms[a].cvr.add({0, history ? 1.0 : 0.0, history ? 0.0 : 1.0, 0, 0});
        sums.arms[a].rpv.add({0, pre, history ? 0.0 : 1.0, 0, 0});
        sums.arms[a].margin.add({0, pre / 2, history ? 0.0 : 1.0, 0, 0});
      }
    }
    return sums;
  };
  const std::vector<std::string> arms{"control", "treatment"};
  std::vector<BalanceCheck> checks = pre_period_balance(sums_with(80), arms, true, Settings{});
  ASSERT_EQ(checks.size(), 4u);
  for (const BalanceCheck& b : checks) {
    EXPECT_EQ(b.arm, "treatment");
    // Same share with a pre-period and orders; more revenue and margin before the test.
    const bool differs = b.measure == "pre_revenue" || b.measure == "pre_margin";
    EXPECT_EQ(b.imbalanced, differs) << b.measure << " p=" << b.p_value;
    EXPECT_GE(b.adjusted_p, b.p_value);
  }
  // Each imbalanced measure is an alert pointing at its check.
  ExperimentResult e;
  e.available = true;
  e.control = "control";
  e.comparisons.push_back({"all", "", "treatment", 600, 600, 0, 0, {}, {}});
  e.pre_period_balance = checks;
  const std::vector<Alert> alerts = experiment_and_offer_alerts(e, OffersResult{}, Store{}, 0.05);
  std::vector<std::string> evidence;
  for (const Alert& a : alerts) {
    if (a.kind == "pre_period_imbalance") evidence.push_back(a.evidence);
  }
  EXPECT_EQ(evidence, (std::vector<std::string>{"/experiment/pre_period_balance/2",
                                                "/experiment/pre_period_balance/3"}));
  checks = pre_period_balance(sums_with(50), arms, false, Settings{});
  ASSERT_EQ(checks.size(), 3u);  // no margin without costs
  for (const BalanceCheck& b : checks)
    EXPECT_FALSE(b.imbalanced) << b.measure;
}

// Four customers per arm start the test on 2024-05-20; their orders before it, at its start and
// during it; guests; and the settings' window.
struct PrePeriodStore {
  std::string sessions = "session_id,variant,timestamp,customer_id,converted\n";
  std::string orders = "order_id,session_id,customer_id,timestamp,product_id,quantity,unit_price\n";
};

PrePeriodStore pre_period_store() {
  PrePeriodStore s;
  for (const char* arm : {"control", "treatment"}) {
    const std::string a(arm), c = a == "control" ? "C" : "T";
    // Customer 1: ordered 10 days before (counted) and 31 days before (outside 30 days).
    s.sessions += "S1" + a + "," + a + ",2024-05-20T08:00:00Z," + c + "1,1\n";
    s.orders += "P1" + a + ",," + c + "1,2024-05-10T12:00:00Z,X,1," +
                (a == "control" ? "100" : "60") + "\n";
    s.orders += "Q1" + a + ",," + c + "1,2024-04-19T07:00:00Z,X,1,1000\n";
    s.orders += "O1" + a + ",S1" + a + "," + c + "1,2024-05-20T08:30:00Z,X,1,50\n";
    // Customer 2: an order at the very second of the first session (not before it).
    s.sessions += "S2" + a + "," + a + ",2024-05-20T09:00:00Z," + c + "2,0\n";
    s.orders += "P2" + a + ",," + c + "2,2024-05-20T09:00:00Z,X,1,70\n";
    // Customer 3: two sessions; an order between them is during the test.
    s.sessions += "S3" + a + "," + a + ",2024-05-20T10:00:00Z," + c + "3,0\n";
    s.sessions += "S4" + a + "," + a + ",2024-06-10T10:00:00Z," + c + "3,1\n";
    s.orders += "P3" + a + ",," + c + "3,2024-06-01T10:00:00Z,X,1,80\n";
    s.orders += "O4" + a + ",S4" + a + "," + c + "3,2024-06-10T10:30:00Z,X,1,20\n";
    // A guest.
    s.sessions += "S5" + a + "," + a + ",2024-05-21T10:00:00Z,,0\n";
  }
  return s;
}

std::unique_ptr<Engine> analysed(const std::string& settings) {
  const PrePeriodStore store = pre_period_store();
  return testing::analysed_texts(settings,
                                 {{"sessions.csv", store.sessions}, {"orders.csv", store.orders}});
}

const BalanceCheck& check(const ExperimentResult& e, const std::string& measure) {
  for (const BalanceCheck& b : e.pre_period_balance)
    if (b.measure == measure) return b;
  ADD_FAILURE() << "no balance check " << measure;
  return e.pre_period_balance.front();
}

TEST(Cuped, APrePeriodIsTheCustomersOrdersInTheDaysBeforeTheirFirstUnit) {
  std::unique_ptr<Engine> engine = analysed(R"({"cuped_min_covered_share": 0})");
  const ExperimentResult& e = engine->report().experiment;
  ASSERT_TRUE(e.available) << e.reason;
  ASSERT_TRUE(e.cuped) << e.cuped_reason;
  // Five sessions an arm; only customer 1's order ten days before counts.
  EXPECT_NEAR(check(e, "history_share").control, 1.0 / 5, 1e-12);
  EXPECT_NEAR(check(e, "pre_orders").control, 1.0 / 5, 1e-12);
  EXPECT_NEAR(check(e, "pre_revenue").control, 100.0 / 5, 1e-12);
  EXPECT_NEAR(check(e, "pre_revenue").treatment, 60.0 / 5, 1e-12);
  EXPECT_FALSE(check(e, "pre_revenue").imbalanced);
  // Forty days reach customer 1's order 31 days before.
  engine = analysed(R"({"cuped_min_covered_share": 0, "cuped_pre_period_days": 40})");
  const ExperimentResult& wider = engine->report().experiment;
  EXPECT_NEAR(check(wider, "pre_orders").control, 2.0 / 5, 1e-12);
  EXPECT_NEAR(check(wider, "pre_revenue").control, 1100.0 / 5, 1e-12);
  // Only the "all" slice is adjusted; its metrics say why when the share is too small.
  engine = analysed("{}");
  const ExperimentResult& strict = engine->report().experiment;
  for (const ArmComparison& c : strict.comparisons) {
    for (const MetricResult& m : c.metrics) {
      if (c.slice_kind != "all") {
        EXPECT_FALSE(m.cuped.computed);
        EXPECT_TRUE(m.cuped.reason.empty()) << m.metric;
      }
    }
  }
  engine = analysed(R"({"cuped": false})");
  EXPECT_FALSE(engine->report().experiment.cuped);
  EXPECT_TRUE(engine->report().experiment.pre_period_balance.empty());
  EXPECT_NE(engine->report().experiment.cuped_reason.find("off"), std::string::npos);
}

// 200 A/A experiments looked at 20 times with a pre-period covariate (the benchmark runs 2,000:
// tests/bench/bench_sequential_aa.cpp): adjusted, the fixed-horizon test stopped at the first
// p < alpha still finds effects that are not there several times as often as alpha; the
// always-valid adjusted test stays within alpha + 3 standard errors.
TEST(Cuped, RepeatedLooksAtAdjustedAaTestsKeepTheFalsePositiveRate) {
  std::mt19937_64 random(20261203);
  std::bernoulli_distribution history(0.7), buys(0.3);
  std::exponential_distribution<double> pre(1.0 / 100), basket(1.0 / 60);
  Settings fixed, sequential;
  sequential.sequential = true;
  const double alpha = fixed.alpha();
  const int experiments = 200, looks = 20, per_look = 250;
  int fixed_positives = 0, sequential_positives = 0;
  for (int e = 0; e < experiments; ++e) {
    CoMoments arms[2];
    bool fixed_hit = false, sequential_hit = false;
    for (int look = 0; look < looks; ++look) {
      for (CoMoments& arm : arms) {
        for (int u = 0; u < per_look; ++u) {
          const bool known = history(random);
          const double x = known ? pre(random) : 0;
          arm.add({buys(random) ? basket(random) + 1.5 * x : 0, x, known ? 0.0 : 1.0, 0, 0});
        }
      }
      const CupedEstimate f = cuped_compare(arms[0], arms[1], CupedShape::mean, fixed);
      const CupedEstimate s = cuped_compare(arms[0], arms[1], CupedShape::mean, sequential);
      ASSERT_TRUE(f.computed && s.computed) << f.reason << s.reason;
      if (look == looks - 1) {
        EXPECT_GT(f.variance_reduction, 0.05);
      }
      fixed_hit = fixed_hit || f.comparison.p_value < alpha;
      sequential_hit = sequential_hit || s.comparison.p_value < alpha;
    }
    fixed_positives += fixed_hit;
    sequential_positives += sequential_hit;
  }
  const double se = std::sqrt(alpha * (1 - alpha) / experiments);
  EXPECT_LE(sequential_positives / double(experiments), alpha + 3 * se) << sequential_positives;
  EXPECT_GE(fixed_positives / double(experiments), 2 * alpha) << fixed_positives;
}

// The engine's adjusted cvr, rpv and aov of a generated store with a pre-period against the
// reference computed from the store's CSV files, pre-period join included
// (tests/reference/make_cuped_store_reference.py).
TEST(Cuped, MatchesTheReferenceOnAGeneratedStore) {
  const std::string text = testing::read_file(testing::fixture_path("stats/cuped_store.json"));
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(text).get(root), simdjson::SUCCESS);
  sample::GeneratorOptions options;  // the script's: --orders 2000 --seed 21 --clean ...
  options.orders = 2000;
  options.seed = 21;
  options.clean = true;
  options.pre_period_r = 0.6;
  const testing::GeneratedFiles generated = testing::generated_files(options);
  for (const char* mode : {"metrics", "sequential"}) {
    Engine engine;
    ASSERT_TRUE(
        engine.configure(std::string(mode) == "sequential" ? R"({"sequential": true})" : "{}")
            .ok());
    using sample::OutputFile;
    testing::feed_generated(
        engine, generated, options,
        {OutputFile::products, OutputFile::orders, OutputFile::offers, OutputFile::sessions});
    ASSERT_TRUE(engine.analyze().ok());
    const ExperimentResult& e = engine.report().experiment;
    ASSERT_TRUE(e.cuped) << e.cuped_reason;
    const ArmComparison& all = e.comparisons.front();
    double units = 0;
    ASSERT_EQ(root["units"].get_double().get(units), simdjson::SUCCESS);
    EXPECT_EQ(all.units_control + all.units_arm, units);
    std::size_t checked = 0;
    for (const MetricResult& m : all.metrics) {
      simdjson::dom::element expected;
      if (root[mode][m.metric].get(expected) != simdjson::SUCCESS) continue;
      const auto value = [&](const char* pointer) {
        double v = 0;
        EXPECT_EQ(expected.at_pointer(pointer).get_double().get(v), simdjson::SUCCESS) << pointer;
        return v;
      };
      const std::string what = std::string(mode) + " " + m.metric;
      ASSERT_TRUE(m.cuped.computed) << what << ": " << m.cuped.reason;
      const Comparison& c = m.cuped.comparison;
      expect_close(c.delta, value("/delta"), what);
      expect_close(c.delta_ci.low, value("/delta_ci/0"), what);
      expect_close(c.delta_ci.high, value("/delta_ci/1"), what);
      expect_close(c.p_value, value("/p"), what);
      expect_close(c.relative, value("/relative"), what);
      expect_close(c.relative_ci.low, value("/relative_ci/0"), what);
      expect_close(c.relative_ci.high, value("/relative_ci/1"), what);
      expect_close(m.cuped.theta, value("/theta"), what);
      expect_close(m.cuped.theta_no_history, value("/theta_no_history"), what);
      expect_close(m.cuped.variance_reduction, value("/variance_reduction"), what);
      ++checked;
    }
    EXPECT_EQ(checked, 3u) << mode;
  }
}

double answer(const std::string& answers, const char* pointer) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  double value = kNaN;
  EXPECT_EQ(parser.parse(answers).get(root), simdjson::SUCCESS);
  EXPECT_EQ(root.at_pointer(pointer).get_double().get(value), simdjson::SUCCESS) << pointer;
  return value;
}

// Generated stores with a planted pre-period (revenue before the test correlated r with revenue
// per session, for three in four customers; guests have none): the adjustment finds r² of the
// variance among the units with a pre-period, within its sampling tolerance, and the arms are
// alike before the test.
TEST(Cuped, FindsThePlantedCorrelationInGeneratedStores) {
  for (const auto& [seed, r] : {std::pair{11, 0.5}, std::pair{12, 0.7}, std::pair{13, 0.85}}) {
    sample::GeneratorOptions options;
    options.orders = 4000;
    options.seed = static_cast<std::uint64_t>(seed);
    options.clean = true;
    options.pre_period_r = r;
    const auto store = testing::analysed_store(options);
    const ExperimentResult& e = store->engine.report().experiment;
    ASSERT_TRUE(e.available) << e.reason;
    ASSERT_TRUE(e.cuped) << e.cuped_reason;
    const ArmComparison& all = e.comparisons.front();
    ASSERT_EQ(all.slice_kind, "all");
    const MetricResult* rpv = nullptr;
    for (const MetricResult& m : all.metrics)
      if (m.metric == "rpv") rpv = &m;
    ASSERT_NE(rpv, nullptr);
    ASSERT_TRUE(rpv->cuped.computed) << rpv->cuped.reason;
    const double covered = answer(store->answers, "/pre_period/covered_share");
    EXPECT_NEAR(rpv->cuped.covered_share, covered, 1e-12) << seed;
    // Sampling error of a squared correlation over n units: about 2 r (1 − r²) / √n.
    const double units = all.units_control + all.units_arm;
    const double tolerance = 4 * 2 * r * (1 - r * r) / std::sqrt(covered * units) + 0.01;
    EXPECT_NEAR(rpv->cuped.variance_reduction,
                answer(store->answers, "/pre_period/expected_rpv_variance_reduction"), tolerance)
        << "seed " << seed << ", r " << r << ", " << units << " units";
    // The same estimate, a narrower interval.
    const Comparison& plain = rpv->comparison;
    EXPECT_LT(rpv->cuped.comparison.delta_ci.high - rpv->cuped.comparison.delta_ci.low,
              plain.delta_ci.high - plain.delta_ci.low);
    ASSERT_FALSE(e.pre_period_balance.empty());
    for (const BalanceCheck& b : e.pre_period_balance)
      EXPECT_FALSE(b.imbalanced) << b.measure << " p=" << b.p_value;
    // The CLI summary gives the adjusted change under the metric.
    const std::string text = cli::text_findings(store->engine.report(), store->engine.store());
    EXPECT_NE(text.find("adjusted for the pre-period: " +
                        cli::signed_percent_text(rpv->cuped.comparison.relative) + " ("),
              std::string::npos)
        << text;
    EXPECT_NE(
        text.find(cli::percent_text(rpv->cuped.variance_reduction) + " of the variance removed"),
        std::string::npos);
  }
}

}  // namespace
}  // namespace basketlift
