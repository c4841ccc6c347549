// Basket mining: pair counts equal Weka FPGrowth's on the real Groceries data; the planted
// uncovered pair and low-lift offer are found; large baskets follow the documented rule.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include "generated_store.h"
#include "ingest/value_parse.h"
#include "simdjson.h"

namespace basketlift {
namespace {

const Report& analyse(Engine& engine, const std::string& name, const std::string& text,
                      const std::string& settings) {
  EXPECT_TRUE(engine.configure(settings).ok());
  EXPECT_TRUE(testing::feed_chunks(engine, text, 1 << 16, {name, {}, {}, {}}).ok());
  EXPECT_TRUE(engine.analyze().ok());
  return engine.report();
}

TEST(BasketMining, PairCountsEqualWekaFPGrowthOnGroceries) {
  Engine engine;
  const Report& r = analyse(
      engine, "groceries.csv", testing::read_file(BASKETLIFT_REAL_DATA_DIR "/groceries/orders.csv"),
      R"({"basket_min_support": 50, "basket_min_confidence": 0.05, "basket_max_rules": 100000})");
  const BasketResult& b = r.basket;
  ASSERT_TRUE(b.available);
  EXPECT_EQ(b.baskets, 9835);
  EXPECT_EQ(b.large_baskets, 0);
  const Pools& pools = engine.store().pools;
  // Our rules A → B, each direction meeting the confidence threshold.
  std::map<std::pair<std::string, std::string>, std::pair<const PairRule*, bool>> ours;
  for (const PairRule& p : b.product_pairs) {
    const std::string a(pools.products.view(p.a)), c(pools.products.view(p.b));
    if (p.a_to_b.confidence >= 0.05) ours[{a, c}] = {&p, true};
    if (p.b_to_a.confidence >= 0.05) ours[{c, a}] = {&p, false};
  }
  const std::string text =
      testing::read_file(testing::fixture_path("basket/groceries_weka_pairs.json"));
  simdjson::dom::parser parser;
  simdjson::dom::element weka;
  ASSERT_EQ(parser.parse(text).get(weka), simdjson::SUCCESS);
  simdjson::dom::array rules;
  ASSERT_EQ(weka["rules"].get_array().get(rules), simdjson::SUCCESS);
  simdjson::dom::object item_counts;
  ASSERT_EQ(weka["item_counts"].get_object().get(item_counts), simdjson::SUCCESS);
  std::size_t compared = 0;
  for (simdjson::dom::element rule : rules) {
    std::string_view antecedent, consequent;
    std::int64_t antecedent_count = 0, rule_count = 0, consequent_count = 0;
    ASSERT_EQ(rule["antecedent"].get_string().get(antecedent), simdjson::SUCCESS);
    ASSERT_EQ(rule["consequent"].get_string().get(consequent), simdjson::SUCCESS);
    ASSERT_EQ(rule["antecedent_count"].get_int64().get(antecedent_count), simdjson::SUCCESS);
    ASSERT_EQ(rule["rule_count"].get_int64().get(rule_count), simdjson::SUCCESS);
    ASSERT_EQ(item_counts[consequent].get_int64().get(consequent_count), simdjson::SUCCESS);
    // The engine trims values ("cream cheese " in the data set becomes "cream cheese").
    const auto found =
        ours.find({std::string(trim_spaces(antecedent)), std::string(trim_spaces(consequent))});
    ASSERT_NE(found, ours.end()) << antecedent << " -> " << consequent << " missing";
    const auto& [pair, forward] = found->second;
    EXPECT_EQ(forward ? pair->count_a : pair->count_b, antecedent_count) << antecedent;
    EXPECT_EQ(pair->count, rule_count) << antecedent << " -> " << consequent;
    // Ratios derived from Weka's exact counts.
    const double confidence =
        static_cast<double>(rule_count) / static_cast<double>(antecedent_count);
    const double lift = confidence / (static_cast<double>(consequent_count) / 9835.0);
    EXPECT_DOUBLE_EQ(forward ? pair->a_to_b.confidence : pair->b_to_a.confidence, confidence);
    EXPECT_NEAR(pair->lift, lift, 1e-12 * lift);
    ++compared;
  }
  EXPECT_EQ(compared, rules.size());
  EXPECT_EQ(ours.size(), rules.size());  // and no rule of ours that Weka lacks
  // The data set's well-known figures.
  const auto milk = *pools.products.find("whole milk"),
             vegetables = *pools.products.find("other vegetables");
  for (const PairRule& p : b.product_pairs) {
    if (std::set<std::uint32_t>{p.a, p.b} == std::set<std::uint32_t>{milk, vegetables}) {
      EXPECT_EQ(p.count, 736);
      EXPECT_NEAR(p.support, 0.0748, 5e-5);
      EXPECT_NEAR(p.lift, 1.51, 5e-3);
    }
  }
}

// Pair counts as a plain map counts them, with a few hundred frequent items and with thousands
// (the pair table grows several times).
TEST(BasketMining, PairCountsSameWithFewAndManyFrequentItems) {
  for (const int products : {300, 2600}) {
    std::mt19937 random(7);
    std::string orders = "order_id,product_id,quantity,unit_price\n";
    std::map<std::pair<std::string, std::string>, double> expected;
    for (int o = 0; o < 6000; ++o) {
      std::set<std::string> basket;
      const int size = 2 + static_cast<int>(random() % 5);
      while (static_cast<int>(basket.size()) < size)
        basket.insert("P" + std::to_string(random() % products));
      for (const std::string& product : basket)
        orders += std::to_string(o) + "," + product + ",1,2.50\n";
      for (auto a = basket.begin(); a != basket.end(); ++a) {
        for (auto b = std::next(a); b != basket.end(); ++b)
          expected[{*a, *b}] += 1;
      }
    }
    Engine engine;
    const Report& r = analyse(engine, "orders.csv", orders,
                              R"({"basket_min_support": 1, "basket_min_confidence": 0,
                                  "basket_max_rules": 1000000, "sections": ["basket"]})");
    ASSERT_TRUE(r.basket.available);
    EXPECT_EQ(r.basket.frequent_products, products) << "every product is frequent";
    const Pools& pools = engine.store().pools;
    std::map<std::pair<std::string, std::string>, double> found;
    for (const PairRule& p : r.basket.product_pairs) {
      std::string a(pools.products.view(p.a)), b(pools.products.view(p.b));
      if (b < a) std::swap(a, b);
      found[{a, b}] = p.count;
    }
    EXPECT_EQ(found, expected) << products << " products";
  }
}

// Each segment's and channel's item and pair counts equal a plain map's, with so many segments
// and products that their item counts are mined in several batches (more than 2^21 counters).
TEST(BasketMining, GroupCountsSameWhenMinedInBatches) {
  constexpr int kProducts = 2000, kSegments = 1200, kOrders = 12000;
  std::mt19937 random(11);
  std::string orders = "order_id,segment,channel,product_id,quantity,unit_price\n";
  using Counts = std::map<std::string, double>;
  std::map<std::string, std::pair<Counts, Counts>> expected;  // group → items, pairs
  for (int o = 0; o < kOrders; ++o) {
    const std::string segment = "s" + std::to_string(random() % kSegments),
                      channel = "c" + std::to_string(random() % 3);
    std::set<std::string> basket;
    const int size = 1 + static_cast<int>(random() % 4);
    while (static_cast<int>(basket.size()) < size)
      basket.insert("P" + std::to_string(random() % kProducts));
    for (const std::string& product : basket)
      orders += std::to_string(o) + "," + segment + "," + channel + "," + product + ",1,2.50\n";
    for (const std::string& group : {segment, channel}) {
      for (auto a = basket.begin(); a != basket.end(); ++a) {
        expected[group].first[*a] += 1;
        for (auto b = std::next(a); b != basket.end(); ++b)
          expected[group].second[*a + "+" + *b] += 1;
      }
    }
  }
  Engine engine;
  analyse(engine, "orders.csv", orders, R"({"basket_min_support": 1, "sections": ["basket"]})");
  const Store& store = engine.store();
  ASSERT_GT(std::size_t{kSegments} * store.products.size(), std::size_t{1} << 21);
  const AnalysisContext ctx = build_context(store, engine.settings());
  const BasketSums sums = basket_sums(ctx);
  std::map<std::string, std::pair<Counts, Counts>> found;
  for (const auto* groups : {&sums.by_segment, &sums.by_channel}) {
    for (const auto& [label, counts] : *groups) {
      auto& [items, pairs] = found[std::string(store.pools.labels.view(label))];
      for (std::uint32_t p = 0; p < counts.item_count.size(); ++p) {
        if (counts.item_count[p] > 0)
          items[std::string(store.pools.products.view(p))] = counts.item_count[p];
      }
      for (const PairCount& pair : counts.pairs) {
        std::string a(store.pools.products.view(pair.a)), b(store.pools.products.view(pair.b));
        if (b < a) std::swap(a, b);
        pairs[a + "+" + b] = pair.count;
      }
    }
  }
  EXPECT_EQ(sums.by_segment.size(), std::size_t{kSegments});
  EXPECT_EQ(sums.by_channel.size(), 3u);
  EXPECT_EQ(found, expected);
}

TEST(BasketMining, CategoryCountsEqualBruteForceWhenProductsAreMinedInBatches) {
  // Categories are mined in the walks of the product sets' first batch: with enough segments
  // and products there are several batches, and the categories are still counted once.
  constexpr int kProducts = 2000, kSegments = 1200, kOrders = 12000, kCategories = 23;
  std::mt19937 random(5);
  std::string products = "product_id,category,price\n";
  std::vector<std::string> category_of(kProducts);
  for (int p = 0; p < kProducts; ++p) {
    if (p % 9 != 0) category_of[p] = "C" + std::to_string(random() % kCategories);  // else none
    products += "P" + std::to_string(p) + "," + category_of[p] + ",2.50\n";
  }
  std::string orders = "order_id,segment,product_id,quantity,unit_price\n";
  std::map<std::string, double> items, pairs;
  double baskets = 0;
  for (int o = 0; o < kOrders; ++o) {
    const std::string segment = "s" + std::to_string(random() % kSegments);
    std::set<int> basket;
    const int size = 1 + static_cast<int>(random() % 5);
    while (static_cast<int>(basket.size()) < size)
      basket.insert(static_cast<int>(random() % kProducts));
    std::set<std::string> categories;
    for (int product : basket) {
      orders += std::to_string(o) + "," + segment + ",P" + std::to_string(product) + ",1,2.50\n";
      if (!category_of[product].empty()) categories.insert(category_of[product]);
    }
    if (categories.empty()) continue;
    ++baskets;
    for (auto a = categories.begin(); a != categories.end(); ++a) {
      items[*a] += 1;
      for (auto b = std::next(a); b != categories.end(); ++b)
        pairs[*a + "+" + *b] += 1;
    }
  }
  Engine engine;
  ASSERT_TRUE(engine.configure(R"({"basket_min_support": 1, "sections": ["basket"]})").ok());
  ASSERT_TRUE(testing::feed_chunks(engine, products, 1 << 16, {"products.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(engine, orders, 1 << 16, {"orders.csv", {}, {}, {}}).ok());
  const Store& store = engine.store();
  ASSERT_GT(std::size_t{kSegments} * store.products.size(), std::size_t{1} << 21);
  const AnalysisContext ctx = build_context(store, engine.settings());
  const BasketSums sums = basket_sums(ctx);
  std::map<std::string, double> found_items, found_pairs;
  for (std::uint32_t c = 0; c < sums.categories.item_count.size(); ++c) {
    if (sums.categories.item_count[c] > 0)
      found_items[std::string(store.pools.labels.view(c))] = sums.categories.item_count[c];
  }
  for (const PairCount& pair : sums.categories.pairs) {
    std::string a(store.pools.labels.view(pair.a)), b(store.pools.labels.view(pair.b));
    if (b < a) std::swap(a, b);
    found_pairs[a + "+" + b] = pair.count;
  }
  EXPECT_EQ(sums.categories.baskets, baskets);
  EXPECT_EQ(found_items, items);
  EXPECT_EQ(found_pairs, pairs);
}

TEST(BasketMining, PlantedPairAndLowLiftOfferAreFound) {
  sample::GeneratorOptions options;
  options.orders = 20000;
  options.seed = 9;
  auto store = testing::analysed_store(options);
  const Report& r = store->engine.report();
  const Pools& pools = store->engine.store().pools;
  const BasketResult& b = r.basket;
  ASSERT_TRUE(b.margins_known);
  bool uncovered = false;
  for (std::size_t k = 0; k < b.candidates.size() && k < 10; ++k) {
    const Candidate& c = b.candidates[k];
    const std::set<std::string> pair{std::string(pools.products.view(c.rule.a)),
                                     std::string(pools.products.view(c.rule.b))};
    if (pair == std::set<std::string>{"TENT-2P", "SLEEPBAG"}) {
      uncovered = true;
      EXPECT_GT(c.rule.lift, 3);
      EXPECT_TRUE(c.offered_by.empty());
    }
  }
  EXPECT_TRUE(uncovered)
      << "the planted tent + sleeping bag pair is not among the top 10 candidates";
  bool flagged = false;
  for (const OfferPairCheck& c : b.offer_checks) {
    if (pools.recs.view(c.rec) != "xs-drill-lipstick") continue;
    flagged = true;
    EXPECT_EQ(c.verdict, "low_lift");
    EXPECT_LT(c.lift, 1);
  }
  EXPECT_TRUE(flagged);
  // Candidates are ranked by expected margin per showing = confidence × unit margin.
  for (std::size_t k = 1; k < b.candidates.size(); ++k) {
    if (std::isnan(b.candidates[k].expected_margin_per_showing)) break;
    EXPECT_GE(b.candidates[k - 1].expected_margin_per_showing,
              b.candidates[k].expected_margin_per_showing);
  }
}

TEST(BasketMining, LargeBasketsAreLeftOutAndCounted) {
  std::string orders = "order_id,product_id\n";
  for (int o = 0; o < 30; ++o)
    orders += std::to_string(o) + ",a\n" + std::to_string(o) + ",b\n";
  for (int i = 0; i < 60; ++i)
    orders += "wholesale,p" + std::to_string(i) + "\n";
  Engine engine;
  const Report& r = analyse(engine, "orders.csv", orders, R"({"basket_max_items": 50})");
  EXPECT_EQ(r.basket.baskets, 31);
  EXPECT_EQ(r.basket.large_baskets, 1);
  EXPECT_EQ(r.basket.baskets_used, 30);
  ASSERT_EQ(r.basket.product_pairs.size(), 1u);
  EXPECT_EQ(r.basket.product_pairs[0].count, 30);
  EXPECT_DOUBLE_EQ(r.basket.product_pairs[0].lift, 1.0);
  EXPECT_TRUE(std::isnan(
      r.basket.product_pairs[0].a_to_b.conviction));  // confidence 1: infinite conviction
}

TEST(BasketMining, TriplesBehindAFlag) {
  std::string orders = "order_id,product_id\n";
  for (int o = 0; o < 40; ++o) {
    orders += std::to_string(o) + ",tent\n" + std::to_string(o) + ",mat\n";
    if (o % 2 == 0) orders += std::to_string(o) + ",lamp\n";
  }
  for (int o = 40; o < 80; ++o)
    orders += std::to_string(o) + ",lamp\n" + std::to_string(o) + ",socks\n";
  Engine off, on;
  EXPECT_TRUE(analyse(off, "o.csv", orders, "{}").basket.triples.empty());
  const Report& r = analyse(on, "o.csv", orders, R"({"basket_triples": true})");
  ASSERT_FALSE(r.basket.triples.empty());
  const Pools& pools = on.store().pools;
  std::map<std::string, const TripleRule*> by_consequent;
  for (const TripleRule& t : r.basket.triples)
    by_consequent[std::string(pools.products.view(t.c))] = &t;
  // tent + lamp → mat: all 20; tent + mat → lamp: 20 of 40, against lamp in 60 of 80 baskets.
  ASSERT_TRUE(by_consequent.count("mat") && by_consequent.count("lamp"));
  EXPECT_EQ(by_consequent["lamp"]->count, 20);
  EXPECT_DOUBLE_EQ(by_consequent["lamp"]->confidence, 0.5);
  EXPECT_DOUBLE_EQ(by_consequent["lamp"]->lift, 0.5 / 0.75);
  EXPECT_DOUBLE_EQ(by_consequent["mat"]->confidence, 1.0);
  EXPECT_EQ(pools.products.view(r.basket.triples.front().c), "mat");  // highest lift first
}

}  // namespace
}  // namespace basketlift
