// The simulator reproduces SPEC §4's worked checks exactly, explains the upsell trap, finds the
// break-even acceptance, and does not allocate while running.
#include "sim/simulator.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "sim/sim_json.h"
#include "simdjson.h"
#include "test_support.h"

// Counts heap allocations, to prove run() allocates nothing.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
// Every plain form is replaced, so each allocation and its release meet in malloc/free (a
// partial replacement mixes allocators, which AddressSanitizer rightly reports).
static std::atomic<std::size_t> g_allocations{0};
static void* counted_malloc(std::size_t size) noexcept {
  ++g_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new(std::size_t size) {
  if (void* p = counted_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return counted_malloc(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return counted_malloc(size);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}

namespace basketlift::sim {
namespace {

Baseline laptop_store(double aov = 800) {
  Baseline b;
  b.currency = "EUR";
  b.store = {1000, aov, 0.2 * aov, true};
  return b;
}

Group cross_sell(double acceptance, double price, double cost, double exposed = 1000) {
  Group g;
  g.id = "mouse";
  g.type = OfferType::cross_sell;
  g.exposed_orders = exposed;
  g.knobs = {acceptance, price, cost, 1, 0, 0};
  g.acceptance_low = acceptance * 0.8;
  g.acceptance_high = acceptance * 1.2;
  return g;
}

TEST(Simulator, LaptopWithoutOfferHasAovOf800) {
  Simulator s(laptop_store());
  EXPECT_DOUBLE_EQ(s.run().baseline.aov, 800);
  EXPECT_DOUBLE_EQ(s.result().scenario.aov, 800);
}

TEST(Simulator, MouseAt12PercentGives804_80AndPlus1_44ContributionPerOrder) {
  Baseline b = laptop_store();
  b.groups.push_back(cross_sell(0.12, 40, 40 * (1 - 0.30)));  // 30% mouse margin
  Simulator s(b);
  const Projection& p = s.run();
  EXPECT_DOUBLE_EQ(p.baseline.aov, 804.80);
  EXPECT_NEAR(p.groups[0].baseline.margin / 1000, 1.44, 1e-12);
}

TEST(Simulator, UpsellAt7PercentGives814AndExplainsNot870) {
  Result<std::string> out =
      simulate_json(R"({"currency": "EUR", "store": {"orders": 1000, "aov": 800},
      "groups": [{"id": "pro", "type": "upsell", "acceptance": 0.07, "offered_price": 1000, "anchor_price": 800}]})",
                    "");
  ASSERT_TRUE(out.ok()) << out.status().message;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(out.value()).get(root), simdjson::SUCCESS);
  double aov = 0;
  ASSERT_EQ(root.at_pointer("/total/scenario/aov").get_double().get(aov), simdjson::SUCCESS);
  EXPECT_DOUBLE_EQ(aov, 814);
  std::string_view explanation;
  ASSERT_EQ(root.at_pointer("/groups/0/explanation").get_string().get(explanation),
            simdjson::SUCCESS);
  EXPECT_NE(explanation.find("adds 200.00 EUR, not 1000.00 EUR"), std::string_view::npos)
      << explanation;
  EXPECT_NE(explanation.find("870.00 EUR"), std::string_view::npos) << explanation;
}

TEST(Simulator, AcceptanceFrom8To12PercentAddsFourHundredthsOfNTimesPrice) {
  const double n = 2500, price = 39.9;
  Baseline b = laptop_store();
  b.groups.push_back(cross_sell(0.08, price, 20, n));
  Simulator s(b);
  s.knobs()[acceptance] = 0.12;
  EXPECT_NEAR(s.run().delta.revenue, 0.04 * n * price, 1e-9);
  EXPECT_NEAR(s.result().groups[0].delta.revenue, 0.04 * n * price, 1e-9);
}

TEST(Simulator, ConversionLossThatWipesOutTheGainAndItsBreakEven) {
  Baseline b = laptop_store();                   // margin per order 160
  b.groups.push_back(cross_sell(0.12, 40, 28));  // margin per take 12
  Simulator s(b);
  s.knobs()[conversion_impact] = -0.02;  // 2% fewer exposed orders
  const Projection& p = s.run();
  // Loses 20 orders × 160 = 3200; takes add 980 × 0.12 × 12 = 1411.2 instead of 1440.
  EXPECT_NEAR(p.delta.profit, -3200 + (980 - 1000) * 0.12 * 12, 1e-9);
  EXPECT_LT(p.scenario.profit - (1000 * 160), 0);  // worse than no offer at all
  const double break_even = 0.02 * 160 / (0.98 * 12);
  EXPECT_NEAR(p.groups[0].break_even_acceptance, break_even, 1e-12);
  s.knobs()[acceptance] = break_even;
  EXPECT_NEAR(s.run().scenario.profit, 1000 * 160, 1e-6);  // at break-even: as without the offer
}

TEST(Simulator, ScenarioEqualToBaselineGivesZeroDeltas) {
  Baseline b = laptop_store();
  b.groups.push_back(cross_sell(0.12, 40, 28));
  Group up;
  up.id = "pro";
  up.type = OfferType::upsell;
  up.exposed_orders = 400;
  up.anchor_price = 800;
  up.anchor_cost = 600;
  up.knobs = {0.07, 1000, 720, 1, -0.01, 50};
  b.groups.push_back(up);
  Simulator s(b);
  const Projection& p = s.run();
  EXPECT_EQ(p.delta.orders, 0);
  EXPECT_EQ(p.delta.revenue, 0);
  EXPECT_EQ(p.delta.profit, 0);
  for (const GroupResult& g : p.groups)
    EXPECT_EQ(g.delta.profit, 0);
}

TEST(Simulator, RangeFollowsTheAcceptanceInterval) {
  Baseline b = laptop_store();
  b.groups.push_back(cross_sell(0.10, 40, 28));
  Simulator s(b);
  const Projection& p = s.run();
  EXPECT_NEAR(p.scenario_low.revenue, 800000 + 1000 * 0.08 * 40, 1e-6);
  EXPECT_NEAR(p.scenario_high.revenue, 800000 + 1000 * 0.12 * 40, 1e-6);
}

// An offer sold below cost loses margin with every take: the range still reads low to high.
TEST(Simulator, RangeIsOrderedWhenAFigureFallsAsAcceptanceRises) {
  Baseline b = laptop_store();                   // margin per order 160
  b.groups.push_back(cross_sell(0.10, 40, 50));  // each take loses 10
  Simulator s(b);
  const Projection& p = s.run();
  EXPECT_NEAR(p.scenario_low.margin, 160000 - 1000 * 0.12 * 10, 1e-6);
  EXPECT_NEAR(p.scenario_high.margin, 160000 - 1000 * 0.08 * 10, 1e-6);
  EXPECT_LT(p.scenario_low.revenue, p.scenario_high.revenue);  // revenue still rises
}

TEST(Simulator, SensitivityIsTheProfitOfOneStepOfEachKnob) {
  Baseline b = laptop_store();
  b.groups.push_back(cross_sell(0.12, 40, 28));
  Simulator s(b);
  bool seen = false;
  for (const Sensitivity& x : s.sensitivity()) {
    if (x.knob != acceptance) continue;
    seen = true;
    EXPECT_NEAR(x.profit_up, 1000 * 0.01 * 12, 1e-9);  // one percentage point × margin per take
    EXPECT_NEAR(x.profit_down, -1000 * 0.01 * 12, 1e-9);
  }
  EXPECT_TRUE(seen);
  EXPECT_DOUBLE_EQ(s.result().delta.profit, 0);  // the knobs are back where they were
}

// Each sensitivity is what a run with the knob moved one step gives, computed from the group alone.
TEST(Simulator, SensitivityEqualsRunningWithTheKnobMoved) {
  Baseline b = laptop_store();
  for (int i = 0; i < 40; ++i) {
    Group g = cross_sell(0.01 * (1 + i % 9), 10 + i % 7, 4 + i % 5, 100 + 13 * i);
    g.knobs[conversion_impact] = -0.002 * (i % 4);
    g.knobs[fixed_cost] = 5.0 * (i % 3);
    if (i % 2 == 1) g.type = OfferType::upsell;
    b.groups.push_back(g);
  }
  Simulator s(b);
  s.volume() = 1.5;
  const double profit = s.run().scenario.profit;
  const std::vector<Sensitivity> tornado = s.sensitivity();
  ASSERT_EQ(tornado.size(), 40u * kKnobCount - 14u);  // 14 groups without a fixed cost: no step
  for (const Sensitivity& x : tornado) {
    double& knob = s.knobs()[x.group * kKnobCount + x.knob];
    const double saved = knob;
    const bool clamped = x.knob == acceptance || x.knob == traffic_share;
    knob = clamped ? std::max(0.0, saved - x.step) : saved - x.step;
    const double down = s.run().scenario.profit - profit;
    knob = x.knob == acceptance ? std::min(1.0, saved + x.step) : saved + x.step;
    const double up = s.run().scenario.profit - profit;
    knob = saved;
    EXPECT_NEAR(x.profit_down, down, 1e-9 * std::fabs(profit)) << x.group << " " << x.knob;
    EXPECT_NEAR(x.profit_up, up, 1e-9 * std::fabs(profit)) << x.group << " " << x.knob;
  }
  for (std::size_t k = 1; k < tornado.size(); ++k) {  // largest first
    EXPECT_GE(std::max(std::fabs(tornado[k - 1].profit_down), std::fabs(tornado[k - 1].profit_up)),
              std::max(std::fabs(tornado[k].profit_down), std::fabs(tornado[k].profit_up)));
  }
  EXPECT_DOUBLE_EQ(s.run().scenario.profit, profit);  // the knobs are where they were
}

TEST(Simulator, RunAllocatesNothing) {
  Baseline b = laptop_store();
  for (int i = 0; i < 1000; ++i)
    b.groups.push_back(cross_sell(0.01 * (i % 20), 10 + i % 50, 5, 100 + i));
  Simulator s(b);
  s.run();
  const std::size_t before = g_allocations.load();
  for (int i = 0; i < 100; ++i) {
    s.knobs()[static_cast<std::size_t>(i % 1000) * kKnobCount + acceptance] = 0.05;
    s.run();
  }
  EXPECT_EQ(g_allocations.load(), before);
  std::vector<double> probe(10);  // the counter does see allocations
  EXPECT_GT(g_allocations.load(), before);
}

TEST(SimulatorJson, ReportBaselineReproducesTheReportsTotals) {
  Engine engine;
  ASSERT_TRUE(testing::analyze_sample_store(engine).ok());
  const std::string report = engine.report_json();
  for (Grouping grouping : {Grouping::offer, Grouping::type_placement, Grouping::offer_segment}) {
    Result<Baseline> b = baseline_from_report(report, grouping);
    ASSERT_TRUE(b.ok()) << b.status().message;
    Simulator s(b.value());
    const Projection& p = s.run();
    EXPECT_NEAR(p.baseline.revenue, *engine.report().summary.revenue.value,
                1e-6 * p.baseline.revenue);
    EXPECT_NEAR(p.baseline.margin, *engine.report().summary.margin.value, 1e-6 * p.baseline.margin);
    EXPECT_GT(b.value().groups.size(), 3u);
  }
}

// Targeting an offer at some shoppers: "grouping": "offer_segment" splits each offer over its
// segments, whose exposure, takes and margin add up to the offer's.
TEST(SimulatorJson, OfferSegmentGroupsAddUpToTheirOffer) {
  Engine engine;
  ASSERT_TRUE(testing::analyze_sample_store(engine).ok());
  const std::string report = engine.report_json();
  Result<Baseline> whole = baseline_from_report(report, Grouping::offer);
  Result<Baseline> split = baseline_from_report(report, Grouping::offer_segment);
  ASSERT_TRUE(whole.ok() && split.ok());
  const Group* offer = nullptr;
  for (const Group& g : whole.value().groups)
    if (g.id == "xs-cable-checkout") offer = &g;
  ASSERT_NE(offer, nullptr);
  double exposed = 0, takes = 0;
  int parts = 0;
  for (const Group& g : split.value().groups) {
    if (g.id.rfind("xs-cable-checkout × ", 0) != 0) continue;
    ++parts;
    exposed += g.exposed_orders;
    takes += g.exposed_orders * g.knobs[acceptance];
  }
  EXPECT_EQ(parts, 3);  // budget, standard, premium
  EXPECT_NEAR(exposed, offer->exposed_orders, 1e-9 * exposed);
  EXPECT_NEAR(takes, offer->exposed_orders * offer->knobs[acceptance], 1e-9 * takes);
  // Not showing it to one segment changes the projection; the scenario names the group.
  Result<std::string> projected = simulate_json(report, R"({"grouping": "offer_segment",
                                "groups": {"xs-cable-checkout × budget": {"traffic_share": 0}}})");
  ASSERT_TRUE(projected.ok()) << projected.status().message;
  EXPECT_NE(projected.value().find("\"delta\""), std::string::npos);
}

TEST(SimulatorJson, BadScenariosNameTheProblem) {
  const char* baseline =
      R"({"store": {"orders": 10, "aov": 50}, "groups": [{"id": "g", "type": "cross_sell", "acceptance": 0.1, "offered_price": 5}]})";
  EXPECT_EQ(
      simulate_json(baseline, R"({"groups": {"nope": {"acceptance": 0.2}}})").status().message,
      "scenario: no group \"nope\" in the baseline");
  EXPECT_EQ(simulate_json(baseline, R"({"all": {"acceptanse": 0.2}})").status().code,
            ErrorCode::bad_config);
  EXPECT_EQ(simulate_json(baseline, R"({"all": {"acceptance": 1.5}})").status().code,
            ErrorCode::bad_config);
  EXPECT_EQ(simulate_json(R"({"store": {"orders": 10}})", "").status().code, ErrorCode::bad_config);
  EXPECT_TRUE(
      simulate_json(baseline, R"({"all": {"acceptance": {"relative": 0.5}}, "volume": 2})").ok());
}

}  // namespace
}  // namespace basketlift::sim
