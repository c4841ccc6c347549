// Each data-gap check on a fixture that triggers it (exact counts and examples), a clean store
// that triggers none, the generator's planted gaps in their planted numbers, and Shopify.
#include <gtest/gtest.h>

#include <map>

#include "generated_store.h"

namespace basketlift {
namespace {

struct Input {
  std::string name;
  std::string text;
};

const Report& analyse(Engine& engine, const std::vector<Input>& inputs,
                      const std::string& settings = "") {
  if (!settings.empty()) {
    EXPECT_TRUE(engine.configure(settings).ok());
  }
  for (const Input& input : inputs)
    testing::feed_chunks(engine, input.text, 0, {input.name, {}, {}, {}});
  EXPECT_TRUE(engine.analyze().ok());
  return engine.report();
}

const GapCheck* find(const Report& report, const std::string& id) {
  for (const GapCheck& c : report.data_gaps.checks) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Input kCatalogue{"products.csv", "product_id,unit_cost,price\na,2,10\nb,,5\n"};

TEST(DataGaps, MissingProductMappingAndMissingCost) {
  Engine engine;
  const Report& r = analyse(
      engine, {kCatalogue,
               {"orders.csv", "order_id,product_id,unit_price\n1,a,10\n1,c,10\n2,c,30\n3,b,50\n"}});
  const GapCheck* unmapped = find(r, "missing_product_mapping");
  ASSERT_NE(unmapped, nullptr);
  EXPECT_EQ(unmapped->count, 2);
  EXPECT_DOUBLE_EQ(unmapped->share, 40.0 / 100);
  ASSERT_EQ(unmapped->examples.size(), 1u);  // one example per product
  EXPECT_EQ(unmapped->examples[0].value, "c");
  EXPECT_EQ(unmapped->examples[0].row, 3u);
  EXPECT_EQ(unmapped->examples[0].file, "orders.csv");
  EXPECT_EQ(unmapped->severity, Severity::critical);  // 40% of revenue
  const GapCheck* no_cost = find(r, "missing_cost");
  ASSERT_NE(no_cost, nullptr);
  EXPECT_EQ(no_cost->count, 3);  // c, c, b
  EXPECT_DOUBLE_EQ(no_cost->share, 90.0 / 100);
  EXPECT_NE(no_cost->impact.find("cover 10.0% of revenue"), std::string::npos);
  bool alerted = false;
  for (const Alert& a : r.alerts)
    alerted = alerted || (a.kind == "data_gap" && a.evidence.rfind("/data_gaps/checks/", 0) == 0);
  EXPECT_TRUE(alerted);
}

TEST(DataGaps, OfferChecks) {
  Engine engine;
  const Report& r = analyse(
      engine,
      {kCatalogue,
       {"offers.csv",
        "rec_id,type,placement,anchor_product_id,offered_product_id,session_id,timestamp\n"
        "r1,cross_sell,cart,a,b,s1,2025-01-01T10:00:00Z\nr1,cross_sell,cart,a,b,s1,2025-01-01T10:"
        "00:00Z\n"
        "r3,cross_sell,cart,a,z,s2,2025-01-01T11:00:00Z\n"},
       {"orders.csv",
        "order_id,product_id,unit_price,rec_id\n1,a,10,\n1,b,5,r1\n2,b,5,r2\n2,a,10,r2\n"}});
  const GapCheck* untracked = find(r, "untracked_rec_ids");
  ASSERT_NE(untracked, nullptr);
  EXPECT_EQ(untracked->count, 2);
  EXPECT_EQ(untracked->examples.at(0).value, "r2");
  EXPECT_DOUBLE_EQ(untracked->share, 15.0 / 20);
  const GapCheck* unknown = find(r, "impressions_unknown_products");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->count, 1);
  EXPECT_EQ(unknown->examples.at(0).value, "z");
  EXPECT_EQ(unknown->examples.at(0).row, 4u);
  const GapCheck* dup = find(r, "duplicate_impressions");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->count, 1);
  EXPECT_EQ(dup->examples.at(0).row, 3u);
}

TEST(DataGaps, SessionChecks) {
  Engine engine;
  const Report& r = analyse(
      engine, {{"sessions.csv", "session_id,variant\ns1,control\ns2,treatment\ns3,\ns3,control\n"},
               {"orders.csv",
                "order_id,product_id,unit_price,session_id\n1,a,10,s1\n2,a,10,s9\n3,a,10,\n"}});
  const GapCheck* untagged = find(r, "no_variant_tagging");
  ASSERT_NE(untagged, nullptr);
  EXPECT_EQ(untagged->count, 1);
  EXPECT_EQ(untagged->examples.at(0).value, "s3");
  const GapCheck* orphan = find(r, "orders_unknown_session");
  ASSERT_NE(orphan, nullptr);
  EXPECT_EQ(orphan->count, 2);  // s9 and an order without session_id
  EXPECT_EQ(orphan->examples.at(0).value, "s9");
  EXPECT_EQ(orphan->examples.at(1).value, "(no session_id)");
  const GapCheck* duplicate = find(r, "duplicate_session_ids");
  ASSERT_NE(duplicate, nullptr);
  EXPECT_EQ(duplicate->count, 1);
  EXPECT_EQ(duplicate->examples.at(0).row, 5u);
}

TEST(DataGaps, RowChecks) {
  Engine engine;
  std::string orders =
      "order_id,product_id,quantity,unit_price,discount,timestamp,currency,customer_id,Country\n";
  for (int i = 0; i < 120; ++i)
    orders += std::to_string(i) + ",a,1,10,,2025-03-" + std::to_string(10 + i % 10) +
              "T10:00:00Z,EUR,c" + std::to_string(i % 7) + ",DE\n";
  orders +=
      "200,a,1,10,,1999-01-01T00:00:00Z,EUR,c1,DE\n"    // far outside the main period
      "201,a,1,10,,2025-03-10T10:00:00Z,USD,c1,DE\n"    // a second currency
      "202,a,2,10,25,2025-03-10T10:00:00Z,EUR,c1,DE\n"  // discount larger than the line
      "203,a,0,10,,2025-03-10T10:00:00Z,EUR,c1,DE\n"    // zero quantity
      "204,a,x,10,,2025-03-10T10:00:00Z,EUR,c1,DE\n"    // not a number
      "205,a,1,10,,3/4/2025,EUR,c1,DE\n"                // ambiguous date
      "206,a,1,10,,2025-03-10 10:00,EUR,c1,DE\n"        // no zone
      "207,a,1,10,,someday,EUR,c1,DE\n"                 // not a date
      "208,a,1,10,,2025-03-10T10:00:00Z,EUR,c1,DE\n208,a,1,10,,2025-03-10T10:00:00Z,EUR,c1,DE\n"  // duplicate line
      "209,a,1,10,,2025-03-10T10:00:00Z,EUR,c1\n"   // too few fields
      ",a,1,10,,2025-03-10T10:00:00Z,EUR,c1,DE\n";  // no order_id
  const Report& r = analyse(engine, {{"orders.csv", orders}});
  const std::map<std::string, double> expected = {
      {"timestamps_out_of_range", 1}, {"multiple_currencies", 1},   {"discount_exceeds_line", 1},
      {"invalid_values", 2},          {"ambiguous_dates", 1},       {"times_without_zone", 1},
      {"unparsable_timestamps", 1},   {"duplicate_order_lines", 1}, {"unreadable_rows", 1},
      {"missing_required_values", 1}, {"unknown_columns", 1},       {"missing_catalogue", 1},
      {"missing_offers", 1},          {"missing_sessions", 1}};
  for (const auto& [id, count] : expected) {
    const GapCheck* check = find(r, id);
    ASSERT_NE(check, nullptr) << id;
    EXPECT_EQ(check->count, count) << id;
    EXPECT_FALSE(check->fix.empty()) << id;
  }
  EXPECT_EQ(find(r, "timestamps_out_of_range")->examples.at(0).value, "200");
  EXPECT_EQ(find(r, "invalid_values")->examples.at(0).value, "quantity: 0");
  EXPECT_EQ(find(r, "unknown_columns")->examples.at(0).value, "Country");
  EXPECT_EQ(find(r, "missing_customer_ids"), nullptr);
}

TEST(DataGaps, ALineDisagreeingWithItsOrderOnSeveralFieldsIsOneRow) {
  // Every order's second line names another customer, session and time: 100 rows of 200
  // disagree, each on three fields. The check counts rows, so its share stays within 0..1.
  Engine engine;
  std::string orders = "order_id,product_id,quantity,unit_price,timestamp,customer_id,session_id\n";
  for (int i = 0; i < 100; ++i) {
    const std::string id = std::to_string(i);
    orders += id + ",a,1,10,2025-03-10T10:00:00Z,c" + id + ",s" + id + "\n";
    orders += id + ",b,1,10,2025-03-11T10:00:00Z,d" + id + ",t" + id + "\n";
  }
  const Report& r = analyse(engine, {{"orders.csv", orders}});
  const GapCheck* check = find(r, "conflicting_order_fields");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->count, 100);
  EXPECT_DOUBLE_EQ(check->share, 0.5);
  EXPECT_EQ(check->examples.at(0).row, 3u);
  EXPECT_EQ(check->examples.at(0).value, "d0");  // the first field that disagrees
}

TEST(DataGaps, RepeatedLinesAreFoundWithinTheirOrderWhereverTheyStand) {
  // Order 7 has 40 lines (the check sorts such an order by hash): products p0..p19 twice, the
  // second p3 at another price. Order 8's lines are interleaved with order 9's, and its repeat
  // comes after a line of order 9 that has the same product and price (not a repeat: another
  // order).
  std::string orders = "order_id,product_id,quantity,unit_price\n";
  for (int k = 0; k < 40; ++k) {
    const int p = k % 20;
    orders += "7,p" + std::to_string(p) + ",1," + (k == 23 ? "11" : "10") + "\n";
  }
  orders += "8,a,1,5\n9,a,1,5\n8,b,2,5\n8,a,1,5\n9,b,1,5\n";
  Engine engine;
  const Report& r = analyse(engine, {{"orders.csv", orders}});
  const GapCheck* repeated = find(r, "duplicate_order_lines");
  ASSERT_NE(repeated, nullptr);
  EXPECT_EQ(repeated->count, 19 + 1);  // p3's second line differs in price
  ASSERT_FALSE(repeated->examples.empty());
  EXPECT_EQ(repeated->examples[0].row, 22u);  // the first repeat: line 21 of order 7 (p0 again)
  bool order_8 = false;
  for (const auto& example : repeated->examples)
    order_8 = order_8 || example.value == "8";
  EXPECT_EQ(repeated->examples.size(), 5u);
  EXPECT_FALSE(order_8);  // only the first five repeats (all order 7) are examples
}

TEST(DataGaps, ReadinessSaysWhatTheDataSupports) {
  Engine engine;
  const Report& r = analyse(engine, {{"orders.csv", "order_id,product_id\n1,a\n1,b\n2,a\n"}});
  std::map<std::string, std::string> status;
  for (const Readiness& x : r.data_gaps.readiness)
    status[x.analysis] = x.status;
  EXPECT_EQ(status["revenue_and_aov"], "none");
  EXPECT_EQ(status["conversion_rate"], "none");
  EXPECT_EQ(status["basket_mining"], "partial");
  EXPECT_EQ(status["dimensions"], "partial");
}

TEST(DataGaps, CleanGeneratedStoreHasNoGapsAndFullReadiness) {
  sample::GeneratorOptions options;
  options.orders = 3000;
  options.clean = true;
  auto store = testing::analysed_store(options);
  const Report& r = store->engine.report();
  EXPECT_TRUE(r.data_gaps.checks.empty()) << r.data_gaps.checks.front().id;
  for (const Readiness& x : r.data_gaps.readiness)
    EXPECT_EQ(x.status, "full") << x.analysis << ": " << x.reason;
}

TEST(DataGaps, GeneratorsPlantedGapsAreFoundInPlantedNumbers) {
  sample::GeneratorOptions options;
  options.orders = 8000;
  options.seed = 5;
  auto store = testing::analysed_store(options);
  const Report& r = store->engine.report();
  const std::string& a = store->answers;
  const auto planted = [&](const std::string& path) {
    std::size_t at = 0;
    for (std::size_t start = 0;;) {
      const std::size_t dot = path.find('.', start);
      at = a.find("\"" + path.substr(start, dot - start) + "\": ", at);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return std::stod(a.substr(a.find(": ", at) + 2));
  };
  const auto count = [&](const char* id) {
    const GapCheck* check = find(r, id);
    return check ? check->count : 0.0;
  };
  EXPECT_EQ(count("missing_product_mapping"), planted("data_gaps.missing_product_mapping.lines"));
  EXPECT_EQ(count("missing_cost"), planted("data_gaps.missing_cost.lines"));
  EXPECT_EQ(count("untracked_rec_ids"), planted("data_gaps.untracked_rec_ids.lines"));
  EXPECT_EQ(count("no_variant_tagging"), planted("data_gaps.untagged_sessions.sessions"));
  EXPECT_EQ(count("orders_unknown_session"), planted("data_gaps.orders_with_unknown_session"));
  EXPECT_EQ(count("duplicate_order_lines"), planted("data_gaps.duplicate_lines"));
  EXPECT_EQ(count("invalid_values"), planted("bad_values.quantity_not_a_number") +
                                         planted("bad_values.negative_unit_price"));
  EXPECT_EQ(count("multiple_currencies"), planted("currencies.second_currency_orders"));
  EXPECT_EQ(count("impressions_unknown_products"),
            planted("data_gaps.impressions_with_unlisted_products"));
  EXPECT_GE(count("unparsable_timestamps"), planted("data_gaps.unparsable_timestamps"));
  EXPECT_GT(count("missing_product_mapping"), 0);
}

// The data-gap checks and readiness are the same when settings.sections leaves the experiment
// and offers out (the units are then built with their arms only): sessions as units, and
// session ids found on orders as units, with and without impressions.
TEST(DataGaps, SameWhenTheExperimentIsLeftOut) {
  using sample::OutputFile;
  sample::GeneratorOptions options;
  options.orders = 2500;
  options.seed = 11;
  const testing::GeneratedFiles generated = testing::generated_files(options);
  const auto gaps_json = [&](const char* settings, std::initializer_list<OutputFile> files) {
    Engine engine;
    EXPECT_TRUE(engine.configure(settings).ok());
    testing::feed_generated(engine, generated, options, files);
    EXPECT_TRUE(engine.analyze().ok());
    const std::string json = engine.report_json();
    const std::size_t from = json.find("\"data_gaps\":");
    const std::size_t to = json.find("\"alerts\":", from);
    EXPECT_NE(to, std::string::npos);
    return json.substr(from, to - from);
  };
  for (const auto& files :
       {std::initializer_list<OutputFile>{OutputFile::products, OutputFile::orders,
                                          OutputFile::offers, OutputFile::sessions},
        std::initializer_list<OutputFile>{OutputFile::orders, OutputFile::offers},
        std::initializer_list<OutputFile>{OutputFile::orders}}) {
    const std::string full = gaps_json("{}", files);
    EXPECT_NE(full.find("\"no_variant_tagging\""), std::string::npos) << "planted: untagged units";
    EXPECT_EQ(gaps_json(R"({"sections": ["dimensions"]})", files), full);
    EXPECT_EQ(gaps_json(R"({"sections": ["basket", "ltv"]})", files), full);
  }
}

TEST(DataGaps, ShopifyExportGivesSensibleGapsNotErrors) {
  Engine engine;
  const Report& r =
      analyse(engine, {{"orders_export.csv",
                        testing::read_file(testing::fixture_path("shopify/orders_export.csv"))}});
  EXPECT_FALSE(r.inputs.at(0).error.has_value());
  EXPECT_NE(find(r, "no_recommendation_attribution"), nullptr);
  ASSERT_NE(find(r, "orders_kept_apart"), nullptr);
  EXPECT_EQ(find(r, "orders_kept_apart")->count, 3);
  EXPECT_EQ(find(r, "orders_kept_apart")->severity, Severity::info);
  ASSERT_NE(find(r, "products_named_by_line"), nullptr);
  EXPECT_EQ(find(r, "products_named_by_line")->examples.at(0).value, "Gift wrapping");
  EXPECT_EQ(find(r, "unreadable_rows"), nullptr);
}

}  // namespace
}  // namespace basketlift
