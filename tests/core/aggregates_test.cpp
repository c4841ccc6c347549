// The aggregates file (warehouse/aggregates.h): read whatever its chunks, the same summary as
// the rows it sums, clear errors, settings that must agree with the query, and the query itself.
//
// tests/fixtures/aggregates/sample_postgres.csv is what PostgreSQL 15 computed with the query
// of `basketlift sql --dialect postgres --orders orders --products products --offers offers
// --sessions sessions` over the bundled sample store (web/sample) loaded as text columns
// (tests/warehouse/make_fixture.mjs writes it); sample_postgres_format1.csv (no offers) and
// sample_postgres_format2.csv (no baskets, no customer value) are the same store's files in older
// formats, which must stay readable. tests/warehouse/ runs the query on PostgreSQL and DuckDB over
// generated stores.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <tuple>

#include "test_support.h"
#include "warehouse/aggregates.h"
#include "warehouse/aggregates_sql.h"
#include "warehouse/sql_presets.h"

namespace basketlift {
namespace {

using testing::feed_chunks;
using testing::fixture_path;
using testing::read_file;

std::string sample_aggregates() {
  return read_file(fixture_path("aggregates/sample_postgres.csv"));
}

void expect_close(double actual, double expected, const char* what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << what;
    return;
  }
  EXPECT_LE(std::abs(actual - expected), 1e-9 * std::max(std::abs(expected), 1e-300))
      << what << ": " << actual << " against " << expected;
}

void expect_same_figure(const Figure& actual, const Figure& expected, const char* what) {
  ASSERT_EQ(actual.value.has_value(), expected.value.has_value()) << what;
  if (expected.value) expect_close(*actual.value, *expected.value, what);
  EXPECT_EQ(actual.unavailable, expected.unavailable) << what;
}

// Reads an aggregates file's bytes (fed `chunk` bytes at a time) and analyses it.
Status analyze_aggregates(Engine& engine, const std::string& bytes, std::size_t chunk = 0) {
  if (Status status = feed_chunks(engine, bytes, chunk, {"aggregates.csv", {}, {}, {}});
      !status.ok())
    return status;
  return engine.analyze();
}

// The same text with one line replaced (0 = the header).
std::string with_line(const std::string& text, std::size_t index, const std::string& line) {
  std::size_t begin = 0;
  for (std::size_t k = 0; k < index; ++k)
    begin = text.find('\n', begin) + 1;
  const std::size_t end = text.find('\n', begin);
  return text.substr(0, begin) + line + text.substr(end);
}

// One offer of the raw report against the same offer from the aggregates.
void expect_same_offer(const OfferResult& a, const OfferResult& e, const std::string& rec) {
  const char* what = rec.c_str();
  EXPECT_EQ(a.tracked, e.tracked) << what;
  EXPECT_EQ(a.type, e.type) << what;
  EXPECT_EQ(a.impressions, e.impressions) << what;
  EXPECT_EQ(a.accepted, e.accepted) << what;
  EXPECT_EQ(a.orders, e.orders) << what;
  expect_close(a.revenue, e.revenue, what);
  expect_close(a.margin, e.margin, what);
  expect_close(a.units, e.units, what);
  expect_close(a.exposed_orders, e.exposed_orders, what);
  expect_close(a.anchor_price, e.anchor_price, what);
  expect_close(a.offered_cost, e.offered_cost, what);
  expect_close(a.margin_per_impression, e.margin_per_impression, what);
  expect_close(a.margin_per_impression_ci.low, e.margin_per_impression_ci.low, what);
  expect_close(a.margin_per_impression_ci.high, e.margin_per_impression_ci.high, what);
  expect_close(a.acceptance_ci.high, e.acceptance_ci.high, what);
  expect_close(a.days_shown, e.days_shown, what);
  EXPECT_EQ(a.verdict, e.verdict) << what;
  EXPECT_EQ(a.reason, e.reason) << what;
  EXPECT_EQ(a.retire_rule, e.retire_rule) << what;
  EXPECT_EQ(a.isolating_arm >= 0, e.isolating_arm >= 0) << what;
  ASSERT_EQ(a.by_segment.groups.size(), e.by_segment.groups.size()) << what;
  expect_close(a.by_segment.acceptance_test.p_value, e.by_segment.acceptance_test.p_value, what);
  expect_close(a.by_channel.margin_adjusted_p, e.by_channel.margin_adjusted_p, what);
}

TEST(Aggregates, SampleStoreFromPostgresGivesTheReportOfItsRows) {
  // The tables the query read: the whole sample store.
  Engine raw;
  for (const char* name : {"products.csv", "orders.csv", "offers.csv", "sessions.csv"}) {
    std::string path = BASKETLIFT_SOURCE_DIR "/web/sample/";
    path += name;
    ASSERT_TRUE(feed_chunks(raw, read_file(path), 0, {name, {}, {}, {}}).ok());
  }
  ASSERT_TRUE(raw.analyze().ok());
  const Summary& expected = raw.report().summary;
  Engine engine;
  ASSERT_TRUE(analyze_aggregates(engine, sample_aggregates()).ok());
  const Summary& actual = engine.report().summary;
  EXPECT_EQ(actual.orders, expected.orders);
  EXPECT_EQ(actual.order_lines, expected.order_lines);
  EXPECT_EQ(actual.cancelled_orders, expected.cancelled_orders);
  EXPECT_EQ(actual.refunded_orders, expected.refunded_orders);
  EXPECT_EQ(actual.money_orders, expected.money_orders);
  EXPECT_EQ(actual.currency, expected.currency);
  ASSERT_EQ(actual.other_currencies.size(), expected.other_currencies.size());
  for (std::size_t k = 0; k < expected.other_currencies.size(); ++k) {
    EXPECT_EQ(actual.other_currencies[k].code, expected.other_currencies[k].code);
    EXPECT_EQ(actual.other_currencies[k].orders, expected.other_currencies[k].orders);
    expect_close(actual.other_currencies[k].revenue, expected.other_currencies[k].revenue,
                 "other currency revenue");
  }
  expect_same_figure(actual.revenue, expected.revenue, "revenue");
  expect_same_figure(actual.aov, expected.aov, "aov");
  expect_same_figure(actual.margin, expected.margin, "margin");
  expect_same_figure(actual.margin_revenue_share, expected.margin_revenue_share, "margin share");
  expect_same_figure(actual.sessions, expected.sessions, "sessions");
  expect_same_figure(actual.cvr, expected.cvr, "cvr");
  expect_same_figure(actual.attach_rate, expected.attach_rate, "attach rate");
  expect_close(actual.aov_low, expected.aov_low, "aov_low");
  expect_close(actual.aov_high, expected.aov_high, "aov_high");
  expect_close(actual.cvr_low, expected.cvr_low, "cvr_low");
  expect_close(actual.cvr_high, expected.cvr_high, "cvr_high");
  expect_close(actual.attach_low, expected.attach_low, "attach_low");
  expect_close(actual.attach_high, expected.attach_high, "attach_high");

  // Each warehouse table is accounted for like the file it stands for.
  const std::vector<FileReport>& inputs = engine.report().inputs;
  ASSERT_EQ(inputs.size(), 4u);
  for (const FileReport& table : inputs) {
    const auto file = std::find_if(raw.files().begin(), raw.files().end(),
                                   [&](const FileReport& f) { return f.table == table.table; });
    ASSERT_NE(file, raw.files().end()) << table.file;
    EXPECT_EQ(table.rows_read, file->rows_read) << table.file;
    EXPECT_EQ(table.rows_used, file->rows_used) << table.file;
    EXPECT_EQ(table.rows_rejected, file->rows_rejected) << table.file;
    for (int r = 0; r < kRejectReasonCount; ++r)
      EXPECT_EQ(table.rejected[r].count, file->rejected[r].count) << table.file << " reason " << r;
  }
  // The failing values the query kept: distinct, with their column, without a row position.
  const FileReport& orders = *std::find_if(
      inputs.begin(), inputs.end(), [](const FileReport& f) { return f.table == Table::orders; });
  const auto& bad_quantity =
      orders.rejected[static_cast<int>(RejectReason::invalid_number)].examples;
  ASSERT_EQ(bad_quantity.size(), 1u);
  EXPECT_EQ(bad_quantity[0].row, 0u);
  EXPECT_EQ(bad_quantity[0].column, "quantity");
  EXPECT_EQ(bad_quantity[0].value, "abc");
  // The experiment: the same comparisons (listed by name, not in the files' order).
  const ExperimentResult& raw_experiment = raw.report().experiment;
  const ExperimentResult& experiment = engine.report().experiment;
  ASSERT_TRUE(experiment.available);
  EXPECT_EQ(experiment.unit, raw_experiment.unit);
  EXPECT_EQ(experiment.untagged_units, raw_experiment.untagged_units);
  EXPECT_EQ(experiment.orders_outside_units, raw_experiment.orders_outside_units);
  ASSERT_EQ(experiment.comparisons.size(), raw_experiment.comparisons.size());
  for (const ArmComparison& expected_arm : raw_experiment.comparisons) {
    const auto found = std::find_if(
        experiment.comparisons.begin(), experiment.comparisons.end(), [&](const ArmComparison& c) {
          return c.slice_kind == expected_arm.slice_kind && c.slice == expected_arm.slice &&
                 c.arm == expected_arm.arm;
        });
    ASSERT_NE(found, experiment.comparisons.end()) << expected_arm.slice;
    EXPECT_EQ(found->units_control, expected_arm.units_control);
    EXPECT_EQ(found->units_arm, expected_arm.units_arm);
    expect_close(found->srm.p_value, expected_arm.srm.p_value, "srm p");
    ASSERT_EQ(found->metrics.size(), expected_arm.metrics.size()) << expected_arm.slice;
    for (std::size_t m = 0; m < found->metrics.size(); ++m) {
      const MetricResult& a = found->metrics[m];
      const MetricResult& e = expected_arm.metrics[m];
      EXPECT_EQ(a.metric, e.metric);
      expect_close(a.comparison.delta, e.comparison.delta, e.metric.c_str());
      expect_close(a.comparison.p_value, e.comparison.p_value, e.metric.c_str());
      expect_close(a.comparison.relative_ci.low, e.comparison.relative_ci.low, e.metric.c_str());
      expect_close(a.adjusted_p, e.adjusted_p, e.metric.c_str());
    }
  }
  // The offers: the same figures, verdicts and retire list (offers named, not in file order).
  const OffersResult& raw_offers = raw.report().offers;
  const OffersResult& offers = engine.report().offers;
  ASSERT_TRUE(offers.available);
  ASSERT_EQ(offers.offers.size(), raw_offers.offers.size());
  EXPECT_EQ(engine.report().accepted_derived, raw.report().accepted_derived);
  std::size_t retired = 0;
  for (const OfferResult& expected_offer : raw_offers.offers) {
    const std::string rec(raw.store().pools.recs.view(expected_offer.rec));
    const auto found = std::find_if(
        offers.offers.begin(), offers.offers.end(),
        [&](const OfferResult& o) { return engine.store().pools.recs.view(o.rec) == rec; });
    ASSERT_NE(found, offers.offers.end()) << rec;
    expect_same_offer(*found, expected_offer, rec);
    retired += found->retire;
  }
  EXPECT_GT(retired, 0u);  // the sample store has offers to retire
  // The dimensions: every one, with as many groups, the same totals and groups (by key).
  const DimensionsResult& raw_dimensions = raw.report().dimensions;
  const DimensionsResult& dimensions = engine.report().dimensions;
  ASSERT_TRUE(dimensions.available);
  ASSERT_EQ(dimensions.dimensions.size(), raw_dimensions.dimensions.size());
  for (std::size_t k = 0; k < dimensions.dimensions.size(); ++k) {
    const Dimension& a = dimensions.dimensions[k];
    const Dimension& e = raw_dimensions.dimensions[k];
    const char* what = e.name.c_str();
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.basis, e.basis) << what;
    EXPECT_EQ(a.group_count, e.group_count) << what;
    expect_close(a.total.orders, e.total.orders, what);
    expect_close(a.total.revenue, e.total.revenue, what);
    expect_close(a.total.offer_margin, e.total.offer_margin, what);
    ASSERT_EQ(a.groups.size(), e.groups.size()) << what;
    for (const GroupFigures& g : e.groups) {
      const auto found = std::find_if(a.groups.begin(), a.groups.end(),
                                      [&](const GroupFigures& x) { return x.key == g.key; });
      ASSERT_NE(found, a.groups.end()) << what << " " << g.key;
      EXPECT_EQ(found->name, g.name) << what << " " << g.key;
      expect_close(found->orders, g.orders, what);
      expect_close(found->order_revenue, g.order_revenue, what);
      expect_close(found->margin, g.margin, what);
      expect_close(found->impressions, g.impressions, what);
      expect_close(found->offer_revenue, g.offer_revenue, what);
    }
  }
  // The baskets: the same pairs, candidates and checks, in the same order (ties by name).
  const BasketResult& raw_basket = raw.report().basket;
  const BasketResult& basket = engine.report().basket;
  ASSERT_TRUE(basket.available);
  EXPECT_EQ(basket.baskets, raw_basket.baskets);
  EXPECT_EQ(basket.min_count, raw_basket.min_count);
  EXPECT_EQ(basket.frequent_products, raw_basket.frequent_products);
  const auto product = [](const Engine& e, std::uint32_t id) {
    return std::string(e.store().pools.products.view(id));
  };
  ASSERT_EQ(basket.product_pairs.size(), raw_basket.product_pairs.size());
  ASSERT_GT(basket.product_pairs.size(), 0u);
  for (std::size_t k = 0; k < basket.product_pairs.size(); ++k) {
    const PairRule& a = basket.product_pairs[k];
    const PairRule& e = raw_basket.product_pairs[k];
    EXPECT_EQ(product(engine, a.a) + " " + product(engine, a.b),
              product(raw, e.a) + " " + product(raw, e.b));
    EXPECT_EQ(a.count, e.count);
    expect_close(a.lift, e.lift, "lift");
    expect_close(a.b_to_a.confidence, e.b_to_a.confidence, "confidence");
  }
  EXPECT_EQ(basket.category_pairs.size(), raw_basket.category_pairs.size());
  ASSERT_EQ(basket.candidates.size(), raw_basket.candidates.size());
  for (std::size_t k = 0; k < basket.candidates.size(); ++k) {
    expect_close(basket.candidates[k].expected_margin_per_showing,
                 raw_basket.candidates[k].expected_margin_per_showing, "candidate");
    EXPECT_EQ(basket.candidates[k].offered_by.size(), raw_basket.candidates[k].offered_by.size());
  }
  ASSERT_EQ(basket.offer_checks.size(), raw_basket.offer_checks.size());
  for (std::size_t k = 0; k < basket.offer_checks.size(); ++k) {
    EXPECT_EQ(basket.offer_checks[k].count, raw_basket.offer_checks[k].count);
    EXPECT_EQ(basket.offer_checks[k].verdict, raw_basket.offer_checks[k].verdict);
  }
  ASSERT_EQ(basket.by_segment.size(), raw_basket.by_segment.size());
  for (std::size_t k = 0; k < basket.by_segment.size(); ++k) {
    EXPECT_EQ(basket.by_segment[k].group, raw_basket.by_segment[k].group);
    EXPECT_EQ(basket.by_segment[k].pairs.size(), raw_basket.by_segment[k].pairs.size());
  }
  // Customer value: the same customers, adopters and comparisons per horizon.
  const LtvResult& raw_ltv = raw.report().ltv;
  const LtvResult& ltv = engine.report().ltv;
  ASSERT_TRUE(ltv.available) << ltv.reason;
  EXPECT_EQ(ltv.customers, raw_ltv.customers);
  EXPECT_EQ(ltv.adopters, raw_ltv.adopters);
  EXPECT_EQ(ltv.data_end, raw_ltv.data_end);
  ASSERT_EQ(ltv.windows.size(), raw_ltv.windows.size());
  for (std::size_t k = 0; k < ltv.windows.size(); ++k) {
    const LtvWindow& a = ltv.windows[k];
    const LtvWindow& e = raw_ltv.windows[k];
    EXPECT_EQ(a.adopters.customers, e.adopters.customers);
    EXPECT_EQ(a.others.repeaters, e.others.repeaters);
    expect_close(a.adopters.revenue_per_customer, e.adopters.revenue_per_customer, "ltv revenue");
    expect_close(a.revenue_difference.p_value, e.revenue_difference.p_value, "ltv p");
  }
}

// An offer's rows usually come together, and the reader keeps the last offer it found; rows
// that come back to an earlier offer, and a copy of what was read, still find their own.
TEST(Aggregates, OfferRowsFindTheirOfferInAnyOrderAndInCopies) {
  OffersAggregates read;
  read.offer("xs-a").arms.push_back("control");
  read.offer("xs-b").arms.push_back("control");
  read.offer("xs-a").arms.push_back("treatment");
  ASSERT_EQ(read.offers.size(), 2u);
  EXPECT_EQ(read.offers["xs-a"].arms.size(), 2u);
  OffersAggregates copy = read;
  copy.offer("xs-a").arms.push_back("holdout");
  EXPECT_EQ(copy.offers["xs-a"].arms.size(), 3u);
  EXPECT_EQ(read.offers["xs-a"].arms.size(), 2u);
  read.offer("xs-a").arms.push_back("other");
  EXPECT_EQ(read.offers["xs-a"].arms.size(), 3u);
  EXPECT_EQ(copy.offers["xs-a"].arms.size(), 3u);
}

TEST(Aggregates, Format2FilesStayReadable) {
  // Written before the baskets and customer value were carried: offers and dimensions.
  Engine engine;
  ASSERT_TRUE(
      analyze_aggregates(engine, read_file(fixture_path("aggregates/sample_postgres_format2.csv")))
          .ok());
  EXPECT_TRUE(engine.report().offers.available);
  EXPECT_TRUE(engine.report().dimensions.available);
  EXPECT_FALSE(engine.report().basket.available);
  EXPECT_NE(engine.report().basket.reason.find("format 2 carries"), std::string::npos)
      << engine.report().basket.reason;
  EXPECT_FALSE(engine.report().ltv.available);
}

TEST(Aggregates, Format1FilesStayReadable) {
  // Written before the offers were carried: the summary and experiment, no offers.
  Engine engine;
  ASSERT_TRUE(
      analyze_aggregates(engine, read_file(fixture_path("aggregates/sample_postgres_format1.csv")))
          .ok());
  EXPECT_EQ(engine.report().summary.orders, 2500u);
  EXPECT_TRUE(engine.report().experiment.available);
  EXPECT_FALSE(engine.report().offers.available);
  EXPECT_NE(engine.report().offers.reason.find("format 1 carries"), std::string::npos)
      << engine.report().offers.reason;
}

TEST(Aggregates, SameReportWhateverTheChunks) {
  // Longer than the 4 KiB the engine looks at before deciding what a file is.
  std::string bytes = sample_aggregates();
  for (int k = 0; k < 300; ++k)
    bytes += "currency,1,,X" + std::to_string(k) + ",orders,1\n";
  Engine whole;
  ASSERT_TRUE(analyze_aggregates(whole, bytes).ok());
  for (std::size_t chunk : {1u, 7u, 4096u}) {
    Engine cut;
    ASSERT_TRUE(analyze_aggregates(cut, bytes, chunk).ok()) << chunk;
    EXPECT_EQ(cut.report_json(), whole.report_json()) << chunk;
  }
  // With a UTF-8 BOM and CRLF line ends, as spreadsheet tools save CSV.
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : bytes)
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Engine windows;
  ASSERT_TRUE(analyze_aggregates(windows, crlf).ok());
  EXPECT_EQ(windows.report_json(), whole.report_json());
  // The size announced (as addFile does): room made once; with and without a BOM.
  for (const std::string* text : {&bytes, &crlf}) {
    FileOptions sized;
    sized.name = "aggregates.csv";
    sized.size = text->size();
    Engine engine;
    ASSERT_TRUE(feed_chunks(engine, *text, 4096, sized).ok());
    ASSERT_TRUE(engine.analyze().ok());
    EXPECT_EQ(engine.report_json(), whole.report_json());
  }
}

TEST(Aggregates, ErrorsNameTheRowTheColumnAndTheReason) {
  const std::string bytes = sample_aggregates();
  struct Case {
    std::size_t line;
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {2, "table,6,orders,,rows_read,4525",
       "row 3, column version: format 6 was written by a newer basketlift"},
      {30, "basket,3,aisles,,basket_sums,1;1;0;10;1;1",
       "row 31, column scope: 'aisles' is not a set of baskets"},
      {30, "basket_pair,3,products,A,B,12", "row 31, column measure: 'B' is not with:ITEM"},
      {30, "basket_item,3,products,,baskets,12", "row 31, column key: a basket_item row names"},
      {30, "intended_offer,3,A,B,type,gift", "row 31, column value: 'gift' is not upsell or"},
      {30, "ltv_window,3,month,adopters,ltv_sums,1;0;5;25",
       "row 31, column scope: 'month' is not a horizon in days"},
      {30, "ltv,3,,,lifetime,5", "row 31, column measure: 'lifetime' is not a customer value"},
      {30, "ga4,3,,,sessions,5", "row 31, column measure: 'sessions' is not a GA4 measure"},
      {30, "ga4,3,,,untyped_list,1", "row 31, column key: a list without a type needs its id"},
      {30, "arm,2,all,control,arm_sums,1;2;3",
       "row 31, column value: 3 values for the 19 measures of arm_sums"},
      {30, "offer,2,xs-1,,type,gift", "row 31, column value: 'gift' is not an offer type"},
      {30, "offer_group,2,xs-1,region:north,group_sums,1;2;3;4;5;6;7;8;9;10;11",
       "row 31, column key: 'region:north' is not segment:… or channel:…"},
      {2, "table,x,orders,,rows_read,4525", "row 3, column version: 'x' is not a format version"},
      {2, "table,1,orders,,rows_read,many", "row 3, column value: 'many' is not a count"},
      {2, "table,1,shops,,rows_read,4525", "row 3, column scope: 'shops' is not a table"},
      {3, "rejected,1,orders,typo,unit_price,6",
       "row 4, column key: 'typo' is not a rejection reason"},
      {6, "summary,1,,,orders_count,2500", "row 7, column measure: 'orders_count' is not a"},
      {14, "summary,1,,,revenue,12.5.5", "row 15, column value: '12.5.5' is not a number"},
      {6, "verdict,1,,,orders,2500", "row 7, column basketlift_aggregates: 'verdict' is not a"},
      {1, "settings,1,,,document,\"{\"\"confidence\"\": 2}\"", "row 2, column value: "},
      {1, "summary,1,,,orders,2500", "no settings row"},
      {0, "basketlift_aggregates,version,scope,key,measure",
       "row 1, column value: the header has no such column"},
      // A header with a column more than its rows: named, never read past a row's end.
      {0, "basketlift_aggregates,version,scope,key,measure,note,value",
       "row 2, column basketlift_aggregates: the row has fewer fields than the header"},
  };
  for (const Case& c : cases) {
    Engine engine;
    const Status status = analyze_aggregates(engine, with_line(bytes, c.line, c.text));
    EXPECT_FALSE(status.ok()) << c.text;
    EXPECT_NE(status.message.find("'aggregates.csv'"), std::string::npos) << status.message;
    EXPECT_NE(status.message.find(c.expected), std::string::npos)
        << c.text << " gave: " << status.message;
  }
  // A file cut short (no orders account) is refused, not read as an empty store.
  Engine cut;
  const std::size_t orders_account = bytes.find("\ntable,5,orders");
  ASSERT_NE(orders_account, std::string::npos);
  EXPECT_FALSE(analyze_aggregates(cut, bytes.substr(0, orders_account)).ok());
}

TEST(Aggregates, SettingsMayChangeTheFiguresButNotWhatTheQueryComputed) {
  const std::string bytes =
      with_line(sample_aggregates(), 1,
                "settings,1,,,document,\"{\"\"max_dimension_groups\"\": 50, \"\"confidence\"\": "
                "0.9}\"");
  Engine file_settings;
  ASSERT_TRUE(analyze_aggregates(file_settings, bytes).ok());
  EXPECT_EQ(file_settings.report().settings.max_dimension_groups, 50u);
  EXPECT_EQ(file_settings.report().settings.confidence, 0.9);

  // Another confidence level only recomputes intervals; the file's query settings stay.
  Engine wider;
  ASSERT_TRUE(wider.configure(R"({"confidence": 0.99})").ok());
  ASSERT_TRUE(analyze_aggregates(wider, bytes).ok());
  EXPECT_EQ(wider.report().settings.confidence, 0.99);
  EXPECT_EQ(wider.report().settings.max_dimension_groups, 50u);
  EXPECT_LT(wider.report().summary.aov_low, file_settings.report().summary.aov_low);

  // The control arm is chosen when the report is made: the file's sums serve either way.
  Engine other_control;
  ASSERT_TRUE(other_control.configure(R"({"control_arm": "treatment"})").ok());
  ASSERT_TRUE(analyze_aggregates(other_control, bytes).ok());
  ASSERT_TRUE(other_control.report().experiment.available);
  EXPECT_EQ(other_control.report().experiment.arms.front().arm, "treatment");
  EXPECT_EQ(other_control.report().experiment.comparisons.front().arm, "control");

  // A setting the query computed with cannot be changed afterwards, even to the default.
  for (const char* config : {R"({"max_dimension_groups": 100})",
                             R"({"attribution_window_hours": 48, "confidence": 0.9})"}) {
    Engine conflicting;
    ASSERT_TRUE(conflicting.configure(config).ok());
    const Status status = analyze_aggregates(conflicting, bytes);
    EXPECT_EQ(status.code, ErrorCode::bad_config) << config;
    EXPECT_NE(status.message.find("run basketlift sql again"), std::string::npos) << status.message;
  }
}

TEST(Aggregates, AnalysedAloneAndOnlyOnce) {
  const std::string bytes = sample_aggregates();
  const std::string orders = "order_id,product_id,quantity,unit_price\no1,p1,1,9.50\n";
  Engine mixed;
  ASSERT_TRUE(feed_chunks(mixed, orders, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(feed_chunks(mixed, bytes, 0, {"aggregates.csv", {}, {}, {}}).ok());
  EXPECT_NE(mixed.analyze().message.find("analysed alone"), std::string::npos);

  Engine twice;
  ASSERT_TRUE(feed_chunks(twice, bytes, 0, {"a.csv", {}, {}, {}}).ok());
  EXPECT_FALSE(feed_chunks(twice, bytes, 0, {"b.csv", {}, {}, {}}).ok());
  // reset() forgets the file.
  twice.reset();
  ASSERT_TRUE(analyze_aggregates(twice, bytes).ok());
  EXPECT_EQ(twice.report().summary.orders, 2500u);
}

TEST(AggregatesSql, AnOffersDaysAreJoinedEarliestFirstInEachDialect) {
  // Without an order the engine joins them as it meets them: the file differs run to run.
  // (tests/warehouse/equality.test.mjs checks the order of the result on PostgreSQL and DuckDB.)
  SqlRequest request;
  request.orders = "orders";
  request.offers = "offers";
  for (SqlDialect dialect :
       {SqlDialect::duckdb, SqlDialect::postgres, SqlDialect::bigquery, SqlDialect::snowflake}) {
    request.dialect = dialect;
    const std::string sql = aggregates_sql(request).value();
    const std::size_t row = sql.find("'trend_offer'");
    ASSERT_NE(row, std::string::npos);
    const std::string line = sql.substr(row, sql.find('\n', row) - row);
    EXPECT_NE(line.find(dialect == SqlDialect::snowflake ? "' ') WITHIN GROUP (ORDER BY day)"
                                                         : "' ' ORDER BY day)"),
              std::string::npos)
        << line;
  }
}

TEST(AggregatesSql, ReadsTheMappedColumnsInEachDialect) {
  SqlRequest request;
  request.orders = "shop.order_lines";
  request.mapping =
      ColumnMapping::parse_json(R"({"Invoice": "order_id", "Qty": "quantity"})").value();
  for (SqlDialect dialect :
       {SqlDialect::duckdb, SqlDialect::postgres, SqlDialect::bigquery, SqlDialect::snowflake}) {
    request.dialect = dialect;
    const std::string sql = aggregates_sql(request).value();
    EXPECT_NE(sql.find("FROM shop.order_lines"), std::string::npos);
    // A column as a JSON key (PostgreSQL, BigQuery), an object's key (Snowflake) or a column of
    // the table with the missing ones added (DuckDB).
    const auto key = [&](const std::string& column) -> std::string {
      switch (dialect) {
        case SqlDialect::postgres:
          return "->> '" + column + "'";
        case SqlDialect::bigquery:
          return "JSON_VALUE(r, '$.\"" + column + "\"')";
        case SqlDialect::snowflake:
          return "GET(r, '" + column + "')";
        case SqlDialect::duckdb:
          break;
      }
      return "CAST(t.\"" + column + "\" AS VARCHAR)";
    };
    EXPECT_NE(sql.find(key("Invoice")), std::string::npos) << sql;
    EXPECT_NE(sql.find(key("Qty")), std::string::npos);
    EXPECT_NE(sql.find(key("unit_price")), std::string::npos) << "unmapped: the field's name";
    // A mapped field reads its column first, then its own name (another table may lack the
    // mapped column and hold the field's own).
    ASSERT_NE(sql.find(key("order_id")), std::string::npos);
    EXPECT_LT(sql.find(key("Invoice")), sql.find(key("order_id")));
    EXPECT_NE(sql.find("COALESCE(NULLIF("), std::string::npos);
    EXPECT_EQ(sql.find("product_rows"), std::string::npos) << "no catalogue was named";
    EXPECT_EQ(sql.find("session_rows"), std::string::npos) << "no sessions table was named";
    const char* row = dialect == SqlDialect::postgres    ? "to_jsonb(t)"
                      : dialect == SqlDialect::bigquery  ? "TO_JSON_STRING(t)"
                      : dialect == SqlDialect::snowflake ? "OBJECT_CONSTRUCT_KEEP_NULL(*)"
                                                         : "UNION ALL BY NAME SELECT * FROM "
                                                           "shop.order_lines) AS t";
    EXPECT_NE(sql.find(row), std::string::npos);
    // The engines' own settings the query needs or advises, in its header.
    EXPECT_EQ(sql.find("SET enable_nestloop = off;") != std::string::npos,
              dialect == SqlDialect::postgres);
    EXPECT_EQ(sql.find("SET memory_limit = '4GB';") != std::string::npos,
              dialect == SqlDialect::duckdb);
    if (dialect == SqlDialect::snowflake) {
      // A column created without quotes is named in upper case.
      EXPECT_NE(sql.find("COALESCE(GET(r, 'Invoice'), GET(r, 'INVOICE'))"), std::string::npos);
      EXPECT_NE(sql.find("SELECT 'settings' AS \"basketlift_aggregates\""), std::string::npos);
    }
    EXPECT_EQ(sql.back(), '\n');
  }
  // Failing values are kept as examples unless --examples 0; at most five.
  EXPECT_NE(aggregates_sql(request).value().find("'rejected_example'"), std::string::npos);
  request.examples = 0;
  EXPECT_EQ(aggregates_sql(request).value().find("'rejected_example'"), std::string::npos);
  request.examples = 6;
  EXPECT_FALSE(aggregates_sql(request).ok());
  request.examples = 5;
  request.orders.clear();
  EXPECT_FALSE(aggregates_sql(request).ok());
  EXPECT_FALSE(parse_sql_dialect("oracle").has_value());
}

TEST(AggregatesSql, PresetsNameTheExportsColumns) {
  const std::optional<ColumnMapping> both = sql_preset("shopify,woocommerce");
  ASSERT_TRUE(both.has_value());
  const auto target = [&](const std::string& column) {
    std::vector<Field> fields;
    for (const auto& [name, field] : both->entries)
      if (name == column) fields.push_back(field);
    return fields;
  };
  EXPECT_EQ(target("Lineitem sku"), std::vector<Field>{Field::product_id});
  EXPECT_EQ(target("Regular price"), std::vector<Field>{Field::price});
  // "Name" is the order in Shopify's export and the product's name in WooCommerce's.
  EXPECT_EQ(target("Name"), (std::vector<Field>{Field::order_id, Field::name}));
  EXPECT_FALSE(sql_preset("magento").has_value());
  EXPECT_FALSE(sql_preset("shopify,").has_value());
}

// GA4's rows become data gaps naming what to tag: items shown without a list, lists read as
// cross-sells (with examples), purchase items matched to a list by each rule.
TEST(Aggregates, Ga4RowsNameTheirDataGaps) {
  std::string bytes = sample_aggregates();
  for (const char* row :
       {"ga4,3,,,purchase_items,200", "ga4,3,,,by_list,30", "ga4,3,,,by_follow,12",
        "ga4,3,,,shown,1000", "ga4,3,,,shown_without_list,10", "ga4,3,,,untyped_impressions,400",
        "ga4,3,,,untyped_lists,2", "ga4,3,,list_b,untyped_list,1", "ga4,3,,list_a,untyped_list,1"})
    bytes += std::string(row) + "\n";
  Engine engine;
  ASSERT_TRUE(analyze_aggregates(engine, bytes).ok());
  const std::string json = engine.report_json();
  EXPECT_NE(json.find("\"id\":\"ga4_items_without_list\",\"title\":\"Items of view_item_list or "
                      "view_promotion events without an item_list_id\",\"severity\":\"warning\","
                      "\"count\":10"),
            std::string::npos)
      << json.substr(json.find("ga4_"), 400);
  EXPECT_NE(json.find("\"id\":\"ga4_lists_without_type\",\"title\":\"2 lists read as "
                      "cross-sells: GA4 does not carry an offer's type\",\"severity\":\"warning\","
                      "\"count\":400"),
            std::string::npos);
  EXPECT_NE(json.find("\"value\":\"list_b\""), std::string::npos);
  EXPECT_NE(json.find("Purchase items matched to a list: 30 by their item_list_id, 12 by a "
                      "select_item or add_to_cart from a list before"),
            std::string::npos);
  EXPECT_NE(json.find("the other 158 count as bought without an offer"), std::string::npos);
}

TEST(AggregatesSql, Ga4IsReadOnBigQueryAndDuckDbInsteadOfTables) {
  SqlRequest request;
  request.ga4_events = "shop.events_*";
  request.ga4_variant_param = "exp";
  request.ga4_list_types = {{"pdp_upsell", "upsell"}};
  for (SqlDialect dialect : {SqlDialect::bigquery, SqlDialect::duckdb}) {
    request.dialect = dialect;
    const std::string sql = aggregates_sql(request).value();
    for (const char* table : {"ga4_orders AS ", "ga4_offers AS ", "ga4_sessions AS "})
      EXPECT_NE(sql.find(table), std::string::npos) << table;
    EXPECT_NE(sql.find("WHEN 'pdp_upsell' THEN 'upsell'"), std::string::npos);
    EXPECT_NE(sql.find("'exp'"), std::string::npos);
    EXPECT_NE(sql.find("SELECT 'ga4', '5', '', '', 'by_follow'"), std::string::npos);
  }
  request.dialect = SqlDialect::snowflake;
  EXPECT_NE(aggregates_sql(request).status().message.find("BigQuery, or on DuckDB"),
            std::string::npos);
  request.dialect = SqlDialect::bigquery;
  request.orders = "shop.orders";
  EXPECT_FALSE(aggregates_sql(request).ok()) << "the orders come from the events";
  request.orders.clear();
  request.ga4_list_types = {{"pdp", "gift"}};
  EXPECT_FALSE(aggregates_sql(request).ok());
  EXPECT_FALSE(parse_ga4_list_types(R"({"pdp": "gift"})").ok());
  EXPECT_EQ(parse_ga4_list_types(R"({"pdp": "upsell"})").value().at("pdp"), "upsell");
  request = SqlRequest{};
  request.orders = "o";
  request.ga4_variant_param = "exp";
  EXPECT_FALSE(aggregates_sql(request).ok()) << "GA4 options without the GA4 source";
}

TEST(AggregatesSql, APeriodReadsWholeUtcDays) {
  SqlRequest request;
  request.orders = "orders";
  request.from = "2024-02-28";
  request.to = "2024-02-29";  // a leap day: the period ends at 2024-03-01T00:00:00Z
  const auto period = read_period(request).value();
  EXPECT_EQ(period.first, 1709078400);
  EXPECT_EQ(period.second, 1709251200);
  const std::string sql = aggregates_sql(request).value();
  EXPECT_NE(sql.find("row_time >= 1709078400 AND row_time < 1709251200"), std::string::npos);
  EXPECT_NE(sql.find("'period'"), std::string::npos);
  request.from.clear();
  EXPECT_EQ(read_period(request).value().first, std::nullopt);
  for (const auto& [from, to, expected] :
       {std::tuple{"2023-02-29", "", "--from takes a date YYYY-MM-DD, not '2023-02-29'"},
        std::tuple{"2024-3-01", "", "not '2024-3-01'"},
        std::tuple{"", "01/03/2024", "--to takes a date"},
        std::tuple{"2024-03-02", "2024-03-01", "--to is before --from"}}) {
    request.from = from;
    request.to = to;
    const auto result = aggregates_sql(request);
    ASSERT_FALSE(result.ok()) << from << " " << to;
    EXPECT_NE(result.status().message.find(expected), std::string::npos) << result.status().message;
  }
}

TEST(Aggregates, APeriodNamesItselfInTheTablesAccounts) {
  const std::string bytes =
      sample_aggregates() + "period,3,,,from,2024-01-01\nperiod,3,,,to,2024-03-31\n";
  Engine engine;
  ASSERT_TRUE(analyze_aggregates(engine, bytes).ok());
  for (const FileReport& table : engine.report().inputs) {
    EXPECT_EQ(table.file.ends_with("(from 2024-01-01 to 2024-03-31)"),
              table.table != Table::products)
        << table.file;
  }
  Engine bad;
  EXPECT_FALSE(analyze_aggregates(bad, sample_aggregates() + "period,3,,,from,January\n").ok());
}

}  // namespace
}  // namespace basketlift
