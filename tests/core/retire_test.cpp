// The retire list (SPEC §3.4): only offers that cost more than they bring — unprofitable ones,
// and well-measured, rarely taken ones with no margin provably above zero. A profitable offer
// is never retired, whatever its acceptance.
#include <gtest/gtest.h>

#include <string>

#include "generated_store.h"
#include "test_support.h"

namespace basketlift {
namespace {

// Offers file rows: `shown` impressions of one cart offer, the first `taken` accepted.
std::string impressions(const std::string& rec, int shown, int taken, int first_session) {
  std::string rows;
  for (int i = 0; i < shown; ++i) {
    rows += rec + ",cross_sell,cart,P" + rec + ",s" + std::to_string(first_session + i) + "," +
            (i < taken ? "true" : "false") + ",2025-01-" + (i % 2 ? "01" : "31") + "T10:00:00Z\n";
  }
  return rows;
}

// One order per accepted impression, in the impression's session, with the offer's line.
std::string orders(const std::string& rec, int taken, int first_session, double price,
                   double cost) {
  std::string rows;
  for (int i = 0; i < taken; ++i) {
    const std::string s = std::to_string(first_session + i);
    rows += "o" + rec + s + ",s" + s + ",P" + rec + ",1," + std::to_string(price) + "," +
            std::to_string(cost) + "," + rec + "\n";
  }
  return rows;
}

struct Analysed {
  Engine engine;
  const OfferResult& offer(const std::string& rec) const {
    for (const OfferResult& o : engine.report().offers.offers) {
      if (engine.store().pools.recs.view(o.rec) == rec) return o;
    }
    static OfferResult none;
    ADD_FAILURE() << "no offer " << rec;
    return none;
  }
};

// Three offers of 2,000 impressions each, all taken by 0.5% of shoppers (Wilson upper bound
// under the 2% floor): one earns 50.00 a take, one sells at cost, one loses 5.00 a take.
void analyse_three_offers(Analysed& a, const std::string& settings = "{}") {
  ASSERT_TRUE(a.engine.configure(settings).ok());
  std::string offers = "rec_id,type,placement,offered_product_id,session_id,accepted,timestamp\n";
  std::string lines = "order_id,session_id,product_id,quantity,unit_price,unit_cost,rec_id\n";
  int session = 0;
  for (const auto& [rec, cost] :
       {std::pair<std::string, double>{"earns", 10.0}, {"at-cost", 60.0}, {"loses", 65.0}}) {
    offers += impressions(rec, 2000, 10, session);
    lines += orders(rec, 10, session, 60.0, cost);
    session += 2000;
  }
  ASSERT_TRUE(testing::feed_chunks(a.engine, offers, 0, {"offers.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(a.engine, lines, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(a.engine.analyze().ok());
}

TEST(RetireList, ProfitableOfferWithLowAcceptanceStaysWithANote) {
  Analysed a;
  analyse_three_offers(a);
  const OfferResult& earns = a.offer("earns");
  EXPECT_LT(earns.acceptance_ci.high, 0.02);
  EXPECT_EQ(earns.verdict, OfferClass::profitable);
  EXPECT_FALSE(earns.retire);
  EXPECT_EQ(earns.retire_rule, RetireRule::none);
  EXPECT_NE(earns.note.find("low acceptance"), std::string::npos);
  // Shown over 30 days: 500.00 of margin is 507.29 a month (30.44 days).
  EXPECT_DOUBLE_EQ(earns.days_shown, 30);
  EXPECT_NEAR(earns.margin_per_month, 500.0 / 30 * 365.25 / 12, 1e-9);
}

TEST(RetireList, RarelyTakenOfferThatEarnsNothingIsRetiredForLowAcceptance) {
  Analysed a;
  analyse_three_offers(a);
  const OfferResult& at_cost = a.offer("at-cost");
  EXPECT_TRUE(at_cost.retire);
  EXPECT_EQ(at_cost.retire_rule, RetireRule::low_acceptance);
  EXPECT_NE(at_cost.retire_reason.find("not above zero"), std::string::npos);
  EXPECT_TRUE(at_cost.note.empty());
  const OfferResult& loses = a.offer("loses");
  EXPECT_TRUE(loses.retire);
  EXPECT_EQ(loses.retire_rule, RetireRule::unprofitable);
  EXPECT_LT(loses.margin_per_month, 0);  // removing it saves money
  const std::string json = a.engine.report_json();
  EXPECT_NE(json.find("\"rule\":\"low_acceptance\""), std::string::npos);
  EXPECT_NE(json.find("\"gives_up\":{\"margin_per_1000_impressions\":"), std::string::npos);
}

TEST(RetireList, NoMinimumImpressionsNoLowAcceptanceRetirement) {
  Analysed a;
  analyse_three_offers(a, R"({"retire_min_impressions": 5000})");
  EXPECT_FALSE(a.offer("at-cost").retire);
  EXPECT_TRUE(a.offer("loses").retire);  // unprofitable offers are retired whatever their count
}

TEST(RetireList, SentencesUseTheConfidenceInForce) {
  Analysed a;
  analyse_three_offers(a, R"({"confidence": 0.9})");
  EXPECT_NE(a.offer("earns").reason.find("90% interval"), std::string::npos);
  EXPECT_NE(a.offer("at-cost").retire_reason.find("90% confidence"), std::string::npos);
  const std::string json = a.engine.report_json();
  EXPECT_EQ(json.find("95%"), std::string::npos);
  EXPECT_NE(json.find("90% confidence"), std::string::npos);
}

// On the generator's stores (several seeds), nothing profitable is ever retired.
TEST(RetireList, GeneratedStoresNeverRetireAnOfferThatEarns) {
  for (std::uint64_t seed : {1, 2, 5, 8}) {
    sample::GeneratorOptions options;
    options.orders = 6000;
    options.seed = seed;
    const auto store = testing::analysed_store(options);
    int retired = 0;
    for (const OfferResult& o : store->engine.report().offers.offers) {
      if (!o.retire) continue;
      ++retired;
      EXPECT_NE(o.verdict, OfferClass::profitable) << "seed " << seed;
      if (o.retire_rule == RetireRule::low_acceptance)
        EXPECT_FALSE(o.margin_per_impression_ci.low > 0) << "seed " << seed;
      else
        EXPECT_EQ(o.verdict, OfferClass::unprofitable) << "seed " << seed;
    }
    EXPECT_GT(retired, 0) << "seed " << seed;  // the planted unprofitable bundle at least
  }
}

}  // namespace
}  // namespace basketlift
