// The statistics against SciPy reference values (tests/reference/make_stats_reference.py),
// to 1e-6 relative, plus the published GrowthBook test vectors.
#include "analysis/stat_tests.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "analysis/distributions.h"
#include "engine/engine.h"
#include "simdjson.h"
#include "test_support.h"

namespace basketlift {
namespace {

class Reference : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static const std::string text =
        testing::read_file(testing::fixture_path("stats/reference.json"));
    static simdjson::dom::parser parser;
    ASSERT_EQ(parser.parse(text).get(root_), simdjson::SUCCESS);
  }
  static simdjson::dom::element root_;

  // The element at a JSON pointer ("/data/control/revenue").
  static simdjson::dom::element at(const std::string& pointer) {
    simdjson::dom::element e;
    EXPECT_EQ(root_.at_pointer(pointer).get(e), simdjson::SUCCESS) << pointer;
    return e;
  }
  static double number(simdjson::dom::element e) {
    double value = 0;
    EXPECT_EQ(e.get_double().get(value), simdjson::SUCCESS);  // integers convert too
    return value;
  }
  static std::vector<double> numbers(simdjson::dom::element e) {
    std::vector<double> out;
    simdjson::dom::array array;
    EXPECT_EQ(e.get_array().get(array), simdjson::SUCCESS);
    for (simdjson::dom::element x : array)
      out.push_back(number(x));
    return out;
  }
  static std::vector<double> column(const char* arm, const char* name) {
    return numbers(at(std::string("/data/") + arm + "/" + name));
  }
  static std::vector<simdjson::dom::element> elements(const std::string& pointer) {
    std::vector<simdjson::dom::element> out;
    simdjson::dom::array array;
    EXPECT_EQ(at(pointer).get_array().get(array), simdjson::SUCCESS);
    for (simdjson::dom::element x : array)
      out.push_back(x);
    return out;
  }
};
simdjson::dom::element Reference::root_;

// |actual − expected| <= 1e-6 × max(|expected|, 1e-9): relative, but for a value that is zero
// in exact arithmetic (a Wilson bound at x = 0, where SciPy's rounding leaves 7e-18) that
// relative bound would be nothing: such values agree to 1e-15.
void expect_close(double actual, double expected, const char* what) {
  EXPECT_NEAR(actual, expected, 1e-6 * std::max(std::fabs(expected), 1e-9)) << what;
}

void expect_matches(const Comparison& c, simdjson::dom::element ref, const char* what) {
  ASSERT_TRUE(c.ok) << what << ": " << c.reason;
  auto get = [&](const char* key) {
    double v = 0;
    EXPECT_EQ(ref.at_pointer(std::string("/") + key).get_double().get(v), simdjson::SUCCESS) << key;
    return v;
  };
  auto ci = [&](const char* key, int i) {
    double v = 0;
    EXPECT_EQ(ref.at_pointer(std::string("/") + key + "/" + std::to_string(i)).get_double().get(v),
              simdjson::SUCCESS)
        << key;
    return v;
  };
  expect_close(c.delta, get("delta"), what);
  expect_close(c.delta_ci.low, ci("ci", 0), what);
  expect_close(c.delta_ci.high, ci("ci", 1), what);
  expect_close(c.p_value, get("p"), what);
  expect_close(c.relative, get("relative"), what);
  expect_close(c.relative_ci.low, ci("relative_ci", 0), what);
  expect_close(c.relative_ci.high, ci("relative_ci", 1), what);
  expect_close(c.relative_p_value, get("relative_p"), what);
}

TEST_F(Reference, DistributionQuantiles) {
  expect_close(normal_quantile(0.975), number(at("/quantiles/normal_0.975")), "normal");
  expect_close(t_quantile(0.975, 10), number(at("/quantiles/t_0.975_df10")), "t");
  expect_close(chi_square_survival(3.84, 1), number(at("/quantiles/chi2_sf_3.84_df1")), "chi2");
}

TEST_F(Reference, TwoProportionTestOnSessions) {
  const auto c = column("control", "converted"), t = column("treatment", "converted");
  double xc = 0, xt = 0;
  for (double v : c)
    xc += v;
  for (double v : t)
    xt += v;
  expect_matches(two_proportion_test(xc, static_cast<double>(c.size()), xt,
                                     static_cast<double>(t.size()), 0.95),
                 at("/cvr"), "cvr");
}

TEST_F(Reference, WelchOnRevenuePerSessionWithZeros) {
  Moments c, t;
  for (double v : column("control", "revenue"))
    c.add(v);
  for (double v : column("treatment", "revenue"))
    t.add(v);
  expect_matches(welch_test(c, t, 0.95), at("/rpv"), "rpv");
}

TEST_F(Reference, DeltaMethodRatioMetrics) {
  const auto rev_c = column("control", "revenue"), rev_t = column("treatment", "revenue");
  const auto ord_c = column("control", "orders"), ord_t = column("treatment", "orders");
  RatioMoments aov_c, aov_t, all_c, all_t;
  for (std::size_t i = 0; i < rev_c.size(); ++i) {
    if (ord_c[i] > 0) aov_c.add(rev_c[i], ord_c[i]);
    all_c.add(rev_c[i], ord_c[i]);
  }
  for (std::size_t i = 0; i < rev_t.size(); ++i) {
    if (ord_t[i] > 0) aov_t.add(rev_t[i], ord_t[i]);
    all_t.add(rev_t[i], ord_t[i]);
  }
  expect_matches(ratio_test(aov_c, aov_t, 0.95), at("/aov"), "aov (buyers)");
  expect_matches(ratio_test(all_c, all_t, 0.95), at("/aov_all_units"), "aov (all sessions)");

  const auto imp_c = column("control", "impressions"), imp_t = column("treatment", "impressions");
  const auto acc_c = column("control", "accepted"), acc_t = column("treatment", "accepted");
  RatioMoments a_c, a_t;
  for (std::size_t i = 0; i < imp_c.size(); ++i) {
    if (imp_c[i] > 0) a_c.add(acc_c[i], imp_c[i]);
  }
  for (std::size_t i = 0; i < imp_t.size(); ++i) {
    if (imp_t[i] > 0) a_t.add(acc_t[i], imp_t[i]);
  }
  expect_matches(ratio_test(a_c, a_t, 0.95), at("/acceptance"), "acceptance");
}

TEST_F(Reference, GrowthBookWelchAndRelativeLiftVectors) {
  const Comparison c = welch_test(Moments::from_sums(3407, 1396.87, 52377.9767),
                                  Moments::from_sums(3461, 2422.7, 134698.29), 0.95);
  expect_matches(c, at("/growthbook_welch"), "growthbook");
  // The published values (GrowthBook's stats engine tests), to their printed precision.
  EXPECT_NEAR(c.delta, 0.29, 1e-9);
  EXPECT_NEAR(c.delta_ci.low, 0.04538, 5e-6);
  EXPECT_NEAR(c.delta_ci.high, 0.53462, 5e-6);
  EXPECT_NEAR(c.p_value, 0.02016, 5e-6);
  EXPECT_NEAR(c.relative, 0.70732, 5e-6);
  EXPECT_NEAR(c.relative_ci.low, -0.03526, 5e-6);
  EXPECT_NEAR(c.relative_ci.high, 1.44989, 5e-6);
  EXPECT_NEAR(c.relative_p_value, 0.06191, 5e-6);
}

TEST_F(Reference, SampleRatioMismatch) {
  for (simdjson::dom::element srm : elements("/srm")) {
    simdjson::dom::element observed, weights, p;
    ASSERT_EQ(srm.at_pointer("/observed").get(observed), simdjson::SUCCESS);
    ASSERT_EQ(srm.at_pointer("/weights").get(weights), simdjson::SUCCESS);
    ASSERT_EQ(srm.at_pointer("/p").get(p), simdjson::SUCCESS);
    expect_close(srm_p_value(numbers(observed), numbers(weights)), number(p), "srm");
  }
  EXPECT_NEAR(srm_p_value({2023, 1977}, {1, 1}), 0.4670, 5e-5);
  EXPECT_TRUE(std::isnan(srm_p_value({10}, {1})));
}

TEST_F(Reference, WilsonIntervals) {
  for (simdjson::dom::element w : elements("/wilson")) {
    simdjson::dom::element x, n, expected_ci;
    ASSERT_EQ(w.at_pointer("/x").get(x), simdjson::SUCCESS);
    ASSERT_EQ(w.at_pointer("/n").get(n), simdjson::SUCCESS);
    ASSERT_EQ(w.at_pointer("/ci").get(expected_ci), simdjson::SUCCESS);
    const Interval ci = wilson_interval(number(x), number(n), 0.95);
    const auto expected = numbers(expected_ci);
    expect_close(ci.low, expected[0], "wilson low");
    expect_close(ci.high, expected[1], "wilson high");
  }
  const Interval ci = wilson_interval(12, 100, 0.95);
  EXPECT_NEAR(ci.low, 0.06999, 5e-6);
  EXPECT_NEAR(ci.high, 0.19812, 5e-6);
}

// Segments' acceptance of an offer: Cochran's Q with each group's delta-method variance at the
// pooled ratio (a group that never took the offer still counts), against SciPy's chi-square.
TEST_F(Reference, HomogeneityOfRatiosAcrossGroups) {
  const std::size_t cases = elements("/homogeneity").size();
  ASSERT_EQ(cases, 3u);
  for (std::size_t c = 0; c < cases; ++c) {
    const std::string base = "/homogeneity/" + std::to_string(c);
    std::vector<RatioMoments> groups;
    double sum_m = 0, sum_d = 0;
    const std::size_t group_count = elements(base + "/groups").size();
    for (std::size_t k = 0; k < group_count; ++k) {
      const std::string group = base + "/groups/" + std::to_string(k);
      const std::vector<double> m = numbers(at(group + "/m")), d = numbers(at(group + "/d"));
      RatioMoments moments;
      for (std::size_t i = 0; i < m.size(); ++i) {
        moments.add(m[i], d[i]);
        sum_m += m[i];
        sum_d += d[i];
      }
      groups.push_back(moments);
    }
    const double pooled = sum_m / sum_d;
    expect_close(pooled, number(at(base + "/pooled")), "pooled");
    std::vector<double> estimates, variances;
    const std::vector<double> ref_variances = numbers(at(base + "/variances"));
    for (std::size_t k = 0; k < groups.size(); ++k) {
      estimates.push_back(groups[k].ratio());
      variances.push_back(groups[k].ratio_variance_at(pooled));
      expect_close(variances.back(), ref_variances[k], "variance");
    }
    const Homogeneity h = homogeneity_test(estimates, variances);
    expect_close(h.statistic, number(at(base + "/statistic")), "statistic");
    expect_close(h.df, number(at(base + "/df")), "df");
    expect_close(h.p_value, number(at(base + "/p")), "p");
  }
  // Fewer than two usable groups: no test.
  EXPECT_TRUE(std::isnan(homogeneity_test({0.1}, {0.01}).p_value));
  EXPECT_TRUE(std::isnan(homogeneity_test({0.1, 0.2}, {0.01, 0}).p_value));
}

TEST(MultipleTesting, HolmAndBenjaminiHochbergVectors) {
  const std::vector<double> holm = holm_adjust({0.01, 0.04, 0.03, 0.005, 0.55, 0.6});
  const std::vector<double> holm_expected = {0.05, 0.12, 0.12, 0.03, 1, 1};
  for (std::size_t i = 0; i < holm.size(); ++i)
    EXPECT_NEAR(holm[i], holm_expected[i], 1e-12) << i;
  const std::vector<double> bh =
      benjamini_hochberg_adjust({0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138});
  const std::vector<double> bh_expected = {0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415};
  for (std::size_t i = 0; i < bh.size(); ++i)
    EXPECT_NEAR(bh[i], bh_expected[i], 1e-12) << i;
}

TEST(Moments, TwoHalvesMergedEqualTheWhole) {
  std::vector<double> values;
  for (int i = 0; i < 1001; ++i)
    values.push_back(std::sin(i * 0.37) * 100 + i % 7);
  Moments whole, first, second;
  RatioMoments ratio_whole, ratio_first, ratio_second;
  for (std::size_t i = 0; i < values.size(); ++i) {
    whole.add(values[i]);
    ratio_whole.add(values[i], 1 + i % 3);
    (i < 400 ? first : second).add(values[i]);
    (i < 400 ? ratio_first : ratio_second).add(values[i], 1 + i % 3);
  }
  first.merge(second);
  ratio_first.merge(ratio_second);
  EXPECT_EQ(first.n, whole.n);
  EXPECT_NEAR(first.mean, whole.mean, 1e-12 * std::fabs(whole.mean));
  EXPECT_NEAR(first.variance(), whole.variance(), 1e-12 * whole.variance());
  EXPECT_NEAR(ratio_first.ratio(), ratio_whole.ratio(), 1e-12 * std::fabs(ratio_whole.ratio()));
  EXPECT_NEAR(ratio_first.ratio_variance(), ratio_whole.ratio_variance(),
              1e-12 * ratio_whole.ratio_variance());
}

TEST(EdgeCases, NotEnoughDataInsteadOfNaN) {
  EXPECT_FALSE(two_proportion_test(0, 0, 5, 10, 0.95).ok);
  EXPECT_FALSE(two_proportion_test(0, 10, 0, 10, 0.95).ok);  // no variation
  Moments one;
  one.add(3);
  Moments same;
  same.add(2);
  same.add(2);
  EXPECT_FALSE(welch_test(one, same, 0.95).ok);
  EXPECT_FALSE(welch_test(same, same, 0.95).ok);
  EXPECT_EQ(welch_test(same, same, 0.95).reason, "no variation: every unit has the same value");
  RatioMoments zero_d;
  zero_d.add(0, 0);
  zero_d.add(0, 0);
  EXPECT_FALSE(ratio_test(zero_d, zero_d, 0.95).ok);
}

// The summary's intervals: AOV as a t interval of order revenues, the attach rate as Wilson.
TEST_F(Reference, SummaryIntervalsOfTheSkeletonStore) {
  Engine engine;
  const std::string bytes =
      testing::read_file(testing::fixture_path("ingest/orders_nested.ndjson"));
  ASSERT_TRUE(testing::feed_chunks(engine, bytes, 0).ok());
  ASSERT_TRUE(engine.analyze().ok());
  const Summary& s = engine.report().summary;
  const std::vector<double> aov = numbers(at("/summary_skeleton/aov_ci"));
  const std::vector<double> attach = numbers(at("/summary_skeleton/attach_rate_ci"));
  expect_close(s.aov_low, aov[0], "aov low");
  expect_close(s.aov_high, aov[1], "aov high");
  expect_close(s.attach_low, attach[0], "attach low");
  expect_close(s.attach_high, attach[1], "attach high");
  EXPECT_TRUE(std::isnan(s.cvr_low)) << "no sessions, no CVR interval";
}

TEST(Power, MinimumDetectableEffectShrinksWithSample) {
  Moments c, t;
  for (int i = 0; i < 1000; ++i) {
    c.add(i % 10);
    t.add(i % 10 + 0.1);
  }
  const Comparison comparison = welch_test(c, t, 0.95);
  const Power power = power_of(comparison, 2000, 0.95, 0.8, 0.05);
  // MDE = (z_0.975 + z_0.8) × se.
  EXPECT_NEAR(power.mde_absolute, (1.959963984540054 + 0.8416212335729143) * comparison.se, 1e-9);
  // 5% of 4.5 = 0.225 needs n with (2.8016 × se(n)) = 0.225.
  EXPECT_NEAR(power.units_needed, std::ceil(2000 * std::pow(power.mde_absolute / 0.225, 2)), 1);
  EXPECT_GT(power.units_still_needed, 0);
}

}  // namespace
}  // namespace basketlift

namespace basketlift {
namespace {

// The always-valid tests against tests/fixtures/stats/sequential.json (NumPy, from the formula:
// tests/reference/make_sequential_reference.py), GrowthBook's published case among them.
TEST(Sequential, MatchesTheReferenceComputedFromTheFormula) {
  const std::string text = testing::read_file(testing::fixture_path("stats/sequential.json"));
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(text).get(root), simdjson::SUCCESS);
  const auto number = [](simdjson::dom::element e, const char* pointer) {
    double value = 0;
    EXPECT_EQ(e.at_pointer(pointer).get_double().get(value), simdjson::SUCCESS) << pointer;
    return value;
  };
  std::size_t cases = 0;
  simdjson::dom::array all;
  ASSERT_EQ(root["cases"].get_array().get(all), simdjson::SUCCESS);
  for (simdjson::dom::element c : all) {
    std::string_view name;
    ASSERT_EQ(c["name"].get_string().get(name), simdjson::SUCCESS);
    const std::string what(name);
    const Moments control = Moments::from_sums(number(c, "/control/0"), number(c, "/control/1"),
                                               number(c, "/control/2"));
    const Moments treatment = Moments::from_sums(
        number(c, "/treatment/0"), number(c, "/treatment/1"), number(c, "/treatment/2"));
    const double alpha = number(c, "/alpha"), tuning_n = number(c, "/tuning_n"),
                 n = number(c, "/n");
    expect_close(sequential_multiplier(n, alpha, tuning_n), number(c, "/multiplier"), what.c_str());
    Comparison r = welch_test(control, treatment, 1 - alpha);
    ASSERT_TRUE(r.ok) << what;
    const Interval fixed = r.delta_ci;
    make_sequential(r, n, 1 - alpha, tuning_n);
    expect_close(r.delta_ci.low, number(c, "/delta_ci/0"), what.c_str());
    expect_close(r.delta_ci.high, number(c, "/delta_ci/1"), what.c_str());
    expect_close(r.p_value, number(c, "/p"), what.c_str());
    expect_close(r.relative_ci.low, number(c, "/relative_ci/0"), what.c_str());
    expect_close(r.relative_ci.high, number(c, "/relative_ci/1"), what.c_str());
    expect_close(r.relative_p_value, number(c, "/relative_p"), what.c_str());
    EXPECT_GT(r.delta_ci.high - r.delta_ci.low, fixed.high - fixed.low) << what << ": wider";
    // The p-value and the interval agree: 0 inside the interval exactly when p > alpha.
    EXPECT_EQ(r.delta_ci.low <= 0 && 0 <= r.delta_ci.high, r.p_value > alpha) << what;
    EXPECT_EQ(r.relative_ci.low <= 0 && 0 <= r.relative_ci.high, r.relative_p_value > alpha)
        << what;
    const Power power = sequential_power_of(r, n, 1 - alpha, 0.8, 0.05, tuning_n);
    expect_close(power.mde_absolute, number(c, "/mde_absolute"), what.c_str());
    EXPECT_NEAR(power.units_needed, number(c, "/units_needed"), 1) << what;
    ++cases;
  }
  EXPECT_EQ(cases, 5u);
}

// GrowthBook's published test of its sequential t-test (tuning N* = 1,000), to its printed
// precision: relative lift 0.50336, always-valid interval (−0.55844, 1.56516).
TEST(Sequential, ReproducesGrowthBooksPublishedCase) {
  Comparison c = welch_test(Moments::from_sums(3000, 1396.87, 52377.9767),
                            Moments::from_sums(3461, 2422.7, 134698.29), 0.95);
  make_sequential(c, 3000 + 3461, 0.95, 1000);
  EXPECT_NEAR(c.relative, 0.50336, 5e-6);
  EXPECT_NEAR(c.relative_ci.low, -0.55844, 5e-6);
  EXPECT_NEAR(c.relative_ci.high, 1.56516, 5e-6);
  EXPECT_GT(c.relative_p_value, 0.05);  // the interval holds 0
}

}  // namespace
}  // namespace basketlift

namespace basketlift {
namespace {

// 200 A/A experiments, each looked at 20 times as units arrive (250 per arm a look; revenue per
// session: 70% zeros, the rest exponential): stopping at the first look with p < alpha, the
// fixed-horizon test finds an effect that is not there several times as often as alpha; the
// always-valid test stays within alpha + 3 standard errors.
TEST(Sequential, RepeatedLooksAtAaTestsKeepTheFalsePositiveRate) {
  std::mt19937_64 random(20261202);
  std::bernoulli_distribution buys(0.3);
  std::exponential_distribution<double> revenue(1.0 / 80);
  const double alpha = 0.05;
  const int experiments = 200, looks = 20, per_look = 250;
  int fixed_positives = 0, sequential_positives = 0;
  for (int e = 0; e < experiments; ++e) {
    Moments arms[2];
    bool fixed_hit = false, sequential_hit = false;
    for (int look = 0; look < looks; ++look) {
      for (Moments& arm : arms) {
        for (int u = 0; u < per_look; ++u)
          arm.add(buys(random) ? revenue(random) : 0.0);
      }
      Comparison c = welch_test(arms[0], arms[1], 1 - alpha);
      fixed_hit = fixed_hit || c.p_value < alpha;
      make_sequential(c, arms[0].n + arms[1].n, 1 - alpha, 5000);
      sequential_hit = sequential_hit || c.p_value < alpha;
    }
    fixed_positives += fixed_hit;
    sequential_positives += sequential_hit;
  }
  const double se = std::sqrt(alpha * (1 - alpha) / experiments);
  const double sequential_rate = static_cast<double>(sequential_positives) / experiments;
  const double fixed_rate = static_cast<double>(fixed_positives) / experiments;
  EXPECT_LE(sequential_rate, alpha + 3 * se) << sequential_positives << " of " << experiments;
  EXPECT_GE(fixed_rate, 2 * alpha) << fixed_positives << " of " << experiments;
}

}  // namespace
}  // namespace basketlift
