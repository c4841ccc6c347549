// The analyses' shared view of the store (analysis/context.h): lines grouped by order, with no
// index when the file keeps each order's lines together.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "analysis/context.h"
#include "analysis/experiment_units.h"
#include "generated_store.h"
#include "util/row_blocks.h"

namespace basketlift {
namespace {

using sample::OutputFile;

// The generated orders CSV with the lines of each pair of orders interleaved (a1 b1 a2 b2 ...):
// the same rows, each order's lines in the same order, but no order's lines together.
std::string interleave_pairs(const std::string& csv) {
  std::vector<std::string> rows;
  for (std::size_t at = 0; at < csv.size();) {
    const std::size_t end = csv.find('\n', at);
    rows.push_back(csv.substr(at, end - at + 1));
    at = end + 1;
  }
  std::vector<std::vector<std::string>> orders;  // rows of each order, orders in file order
  std::string last;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string id = rows[r].substr(0, rows[r].find(','));
    if (orders.empty() || id != last) orders.emplace_back();
    orders.back().push_back(rows[r]);
    last = id;
  }
  std::string out = rows[0];
  for (std::size_t o = 0; o < orders.size(); o += 2) {
    const std::vector<std::string>& a = orders[o];
    const std::vector<std::string> none;
    const std::vector<std::string>& b = o + 1 < orders.size() ? orders[o + 1] : none;
    for (std::size_t k = 0; k < std::max(a.size(), b.size()); ++k) {
      if (k < a.size()) out += a[k];
      if (k < b.size()) out += b[k];
    }
  }
  return out;
}

// Each order's lines, read through the context's grouping.
std::map<std::uint32_t, std::vector<std::uint32_t>> lines_by_order(const AnalysisContext& ctx) {
  std::map<std::uint32_t, std::vector<std::uint32_t>> lines;
  for (std::uint32_t o = 0; o + 1 < ctx.order_line_begin.size(); ++o) {
    for (std::uint32_t k = ctx.order_line_begin[o]; k < ctx.order_line_begin[o + 1]; ++k)
      lines[o].push_back(ctx.order_line(k));
  }
  return lines;
}

TEST(AnalysisContext, LinesKeptTogetherNeedNoIndexAndScatteredOnesGetOne) {
  sample::GeneratorOptions options;
  options.orders = 1500;
  options.seed = 5;
  testing::GeneratedFiles generated = testing::generated_files(options);
  const std::string grouped_csv = generated.files[static_cast<int>(OutputFile::orders)];
  ASSERT_EQ(grouped_csv.rfind("order_id,", 0), 0u) << "the order id leads each row";
  const std::string scattered_csv = interleave_pairs(grouped_csv);
  ASSERT_EQ(scattered_csv.size(), grouped_csv.size());
  ASSERT_NE(scattered_csv, grouped_csv);

  // Reads products, the given orders, offers and sessions; the report from summary to ltv
  // (data_gaps names rows, which moved).
  const auto analysed = [&](const std::string& orders, Engine& engine) {
    generated.files[static_cast<int>(OutputFile::orders)] = orders;
    testing::feed_generated(
        engine, generated, options,
        {OutputFile::products, OutputFile::orders, OutputFile::offers, OutputFile::sessions});
    EXPECT_TRUE(engine.analyze().ok());
    const std::string json = engine.report_json();
    const std::size_t from = json.find("\"summary\":");
    return json.substr(from, json.find("\"data_gaps\":") - from);
  };
  Engine grouped_engine;
  Engine scattered_engine;
  const std::string grouped = analysed(grouped_csv, grouped_engine);
  const std::string scattered = analysed(scattered_csv, scattered_engine);
  EXPECT_EQ(scattered, grouped);
  EXPECT_NE(grouped.find("\"pairs\":[{"), std::string::npos) << "the basket section found pairs";

  const Settings settings;
  const AnalysisContext grouped_ctx = build_context(grouped_engine.store(), settings);
  const AnalysisContext scattered_ctx = build_context(scattered_engine.store(), settings);
  EXPECT_TRUE(grouped_ctx.order_lines.empty());
  EXPECT_EQ(scattered_ctx.order_lines.size(), scattered_engine.store().lines.size());
  EXPECT_EQ(grouped_ctx.order_line_begin, scattered_ctx.order_line_begin);
  // Same orders, each with as many lines, each line of its own order, in file order.
  const auto grouped_lines = lines_by_order(grouped_ctx);
  const auto scattered_lines = lines_by_order(scattered_ctx);
  ASSERT_EQ(grouped_lines.size(), grouped_engine.store().orders.size());
  for (const auto& [order, lines] : scattered_lines) {
    ASSERT_EQ(lines.size(), grouped_lines.at(order).size()) << order;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      EXPECT_EQ(scattered_engine.store().lines.order[lines[k]], order);
      if (k > 0) {
        EXPECT_LT(lines[k - 1], lines[k]);
      }
      EXPECT_EQ(scattered_engine.store().lines.product[lines[k]],
                grouped_engine.store().lines.product[grouped_lines.at(order)[k]]);
    }
  }
}

// The passes over lines, orders and impressions run a block of rows per call
// (util/row_blocks.h): on a store with several blocks of each, every row counts once, in
// order — the money per order and in total, and each dimension's total, are the sums a plain
// loop over the rows makes, to the last bit.
TEST(AnalysisContext, PassesInBlocksAddEveryRowOnceInOrder) {
  sample::GeneratorOptions options;
  options.orders = 2 * kRowBlock + 5000;
  options.seed = 9;
  testing::AnalysedStore analysed;
  const testing::GeneratedFiles generated = testing::generated_files(options);
  testing::feed_generated(
      analysed.engine, generated, options,
      {OutputFile::products, OutputFile::orders, OutputFile::offers, OutputFile::sessions});
  ASSERT_TRUE(analysed.engine.analyze().ok());
  const Store& store = analysed.engine.store();
  ASSERT_GT(store.lines.size(), 2 * kRowBlock);
  ASSERT_GT(store.impressions.size(), 2 * kRowBlock);

  const Settings settings;
  const AnalysisContext ctx = build_context(store, settings);
  std::vector<double> order_revenue(store.orders.size(), 0);
  double revenue = 0;
  for (std::size_t i = 0; i < store.lines.size(); ++i) {
    const double r = ctx.line_revenue_in_scope(i);
    if (std::isnan(r)) continue;
    order_revenue[store.lines.order[i]] += r;
    revenue += r;
  }
  EXPECT_EQ(ctx.order_revenue, order_revenue);
  EXPECT_EQ(ctx.money.revenue, revenue);

  // Each basis's total adds sale orders in index order and their lines in order.
  double line_revenue = 0, order_total = 0, sale_orders = 0;
  for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    ++sale_orders;
    order_total += ctx.order_revenue[o];
    for (std::uint32_t k = ctx.order_line_begin[o]; k < ctx.order_line_begin[o + 1]; ++k) {
      const double r = ctx.line_revenue_in_scope(ctx.order_line(k));
      if (!std::isnan(r)) line_revenue += r;
    }
  }
  const auto& dimensions = analysed.engine.report().dimensions.dimensions;
  const auto dimension = [&](const std::string& name) -> const Dimension& {
    const auto it = std::find_if(dimensions.begin(), dimensions.end(),
                                 [&](const Dimension& d) { return d.name == name; });
    EXPECT_NE(it, dimensions.end()) << name;
    return *it;
  };
  const Dimension& product = dimension("product");
  ASSERT_GT(product.group_count, Settings{}.max_dimension_groups) << "a tail pass ran too";
  EXPECT_EQ(product.total.orders, sale_orders);
  EXPECT_EQ(product.total.revenue, line_revenue);
  EXPECT_EQ(product.total.impressions, static_cast<double>(store.impressions.size()));
  const Dimension& channel = dimension("channel");
  EXPECT_EQ(channel.total.orders, sale_orders);
  EXPECT_EQ(channel.total.revenue, order_total);
  EXPECT_EQ(channel.total.impressions, static_cast<double>(store.impressions.size()));
  // The listed groups and the tail partition the orders' lines.
  double groups_revenue = 0;
  for (const GroupFigures& g : product.groups)
    groups_revenue += g.revenue;
  EXPECT_NEAR(groups_revenue, line_revenue, 1e-6 * line_revenue);
}

// Orders of three sessions, without and with costs, and the sessions' arms.
const std::string kBareOrders =
    "order_id,session_id,product_id,quantity,unit_price\n"
    "A,s1,P1,1,10.00\nB,s1,P2,2,4.50\nC,s2,P1,1,10.00\n";
const std::string kCostedOrders =
    "order_id,session_id,product_id,quantity,unit_price,unit_cost\n"
    "A,s1,P1,1,10.00,6.00\nB,s1,P2,2,4.50,\nC,s2,P1,1,10.00,7.00\n";
const std::string kSessions = "session_id,variant\ns1,control\ns2,treatment\n";

// What nothing reads is not built: without any cost the orders' margins (all 0) are not stored,
// and without sessions or impressions no session's orders are listed; with them, both are.
TEST(AnalysisContext, MarginsAndSessionOrdersOnlyWhenSomethingReadsThem) {
  Engine without, with;
  ASSERT_TRUE(testing::feed_chunks(without, kBareOrders, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(with, kCostedOrders, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(with, kSessions, 0, {"sessions.csv", {}, {}, {}}).ok());

  const Settings settings;
  const AnalysisContext bare_ctx = build_context(without.store(), settings);
  EXPECT_TRUE(bare_ctx.order_margin.empty());
  EXPECT_TRUE(bare_ctx.session_order_begin.empty());
  EXPECT_TRUE(bare_ctx.session_orders.empty());
  for (std::uint32_t o = 0; o < 3; ++o)
    EXPECT_EQ(bare_ctx.order_margin_of(o), 0);

  const AnalysisContext ctx = build_context(with.store(), settings);
  const Pools& pools = with.store().pools;
  const std::uint32_t a = *pools.orders.find("A"), c = *pools.orders.find("C");
  EXPECT_EQ(ctx.order_margin.size(), 3u);
  EXPECT_EQ(ctx.order_margin_of(a), 4.0);
  EXPECT_EQ(ctx.order_margin_of(c), 3.0);
  const std::uint32_t s1 = *pools.sessions.find("s1");
  ASSERT_EQ(ctx.session_order_begin.size(), pools.sessions.size() + 1);
  EXPECT_EQ(ctx.session_order_begin[s1 + 1] - ctx.session_order_begin[s1], 2u);
}

// The experiment's units keep no column of zeros either: without any cost no margins, without
// impressions no impression counts and no placements; their accessors give 0 and nothing.
TEST(ExperimentUnits, ColumnsOfZerosAreNotStored) {
  const std::string offers =
      "rec_id,type,placement,offered_product_id,session_id,accepted\n"
      "r1,cross_sell,cart,P2,s1,true\nr1,cross_sell,cart,P2,s1,false\n"
      "r2,cross_sell,checkout,P1,s2,false\n";
  Engine bare, full;
  ASSERT_TRUE(testing::feed_chunks(bare, kBareOrders, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(bare, kSessions, 0, {"sessions.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(full, kCostedOrders, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(full, kSessions, 0, {"sessions.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(testing::feed_chunks(full, offers, 0, {"offers.csv", {}, {}, {}}).ok());

  const Settings settings;
  const AnalysisContext bare_ctx = build_context(bare.store(), settings);
  const ExperimentUnits none = build_units(bare_ctx);
  ASSERT_EQ(none.size(), 2u);
  EXPECT_TRUE(none.margin.empty());
  EXPECT_TRUE(none.impressions.empty());
  EXPECT_TRUE(none.accepted.empty());
  EXPECT_TRUE(none.placement_begin.empty());
  for (std::size_t unit = 0; unit < none.size(); ++unit) {
    EXPECT_EQ(none.margin_of(unit), 0);
    EXPECT_EQ(none.impressions_of(unit), 0u);
    EXPECT_EQ(none.accepted_of(unit), 0u);
    EXPECT_TRUE(none.placements_of(unit).empty());
  }
  EXPECT_EQ(none.revenue[0], 19.0);  // A and B, session s1 (the sessions file's first row)

  const AnalysisContext ctx = build_context(full.store(), settings);
  const ExperimentUnits units = build_units(ctx);
  ASSERT_EQ(units.size(), 2u);
  ASSERT_EQ(units.margin.size(), 2u);
  EXPECT_EQ(units.margin_of(0), 4.0);  // A's line; B's has no cost
  EXPECT_EQ(units.margin_of(1), 3.0);
  EXPECT_EQ(units.impressions_of(0), 2u);
  EXPECT_EQ(units.accepted_of(0), 1u);
  EXPECT_EQ(units.impressions_of(1), 1u);
  EXPECT_EQ(units.accepted_of(1), 0u);
  const Pools& pools = full.store().pools;
  ASSERT_EQ(units.placements_of(0).size(), 1u);
  EXPECT_EQ(pools.labels.view(units.placements_of(0)[0]), "cart");
  ASSERT_EQ(units.placements_of(1).size(), 1u);
  EXPECT_EQ(pools.labels.view(units.placements_of(1)[0]), "checkout");
}

}  // namespace
}  // namespace basketlift
