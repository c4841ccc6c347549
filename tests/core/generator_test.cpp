// The sample-store generator: deterministic, readable by the engine with every row accounted
// for, and its planted truths are really in the data it writes.
#include "sample/generator.h"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>

#include "test_support.h"
#include "util/hash.h"

namespace basketlift {
namespace {

using sample::GeneratorOptions;
using sample::OutputFile;

struct MemorySink : sample::OutputSink {
  std::array<std::string, 4> files;
  void write(OutputFile file, std::string_view bytes) override {
    files[static_cast<int>(file)] += bytes;
  }
};

struct Generated {
  MemorySink sink;
  std::string answers;
};

Generated generate(GeneratorOptions options) {
  Generated g;
  g.answers = sample::generate_store(options, g.sink);
  return g;
}

// Reads a generated store into an engine (products first, then orders, offers, sessions).
void ingest(Engine& engine, const Generated& g, const GeneratorOptions& options) {
  for (OutputFile file :
       {OutputFile::products, OutputFile::orders, OutputFile::offers, OutputFile::sessions}) {
    const std::string name = sample::output_file_name(file, options);
    const Status status = testing::feed_chunks(engine, g.sink.files[static_cast<int>(file)],
                                               1 << 16, {name, {}, {}, {}});
    ASSERT_TRUE(status.ok()) << name << ": " << status.message;
  }
  ASSERT_TRUE(engine.analyze().ok());
}

// A number from the answers JSON by a dotted path (the tests' own tiny reader).
double answer(const std::string& json, const std::string& path) {
  std::size_t at = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    const std::string key = "\"" + path.substr(start, dot - start) + "\":";
    at = json.find(key, at);
    if (at == std::string::npos) return -1;
    at += key.size();
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return std::stod(json.substr(at));
}

// Orders with lines whose timestamp could not be read.
std::uint64_t orders_without_time(const Store& store) {
  std::uint64_t count = 0;
  for (std::size_t o = 0; o < store.orders.size(); ++o) {
    count += store.orders.line_count[o] > 0 && store.orders.time[o] == kNoTime;
  }
  return count;
}

TEST(Generator, SameSeedSameStoreOtherSeedOtherStore) {
  GeneratorOptions options;
  options.orders = 500;
  const Generated a = generate(options), b = generate(options);
  EXPECT_EQ(a.sink.files, b.sink.files);
  EXPECT_EQ(a.answers, b.answers);
  options.seed = 2;
  EXPECT_NE(generate(options).sink.files[1], a.sink.files[1]);
}

class GeneratorFormats : public ::testing::TestWithParam<Format> {};

TEST_P(GeneratorFormats, EngineReadsEveryRowAndRejectsOnlyThePlantedBadOnes) {
  GeneratorOptions options;
  options.orders = 3000;
  options.format = GetParam();
  const Generated g = generate(options);
  Engine engine;
  ingest(engine, g, options);
  const Report& report = engine.report();
  ASSERT_EQ(report.inputs.size(), 4u);
  const FileReport& orders = report.inputs[1];
  EXPECT_EQ(orders.table, Table::orders);
  EXPECT_EQ(orders.rows_used, static_cast<std::uint64_t>(answer(g.answers, "counts.order_lines")));
  EXPECT_EQ(orders.rejected[static_cast<int>(RejectReason::invalid_number)].count,
            static_cast<std::uint64_t>(answer(g.answers, "bad_values.quantity_not_a_number")));
  EXPECT_EQ(orders.rejected[static_cast<int>(RejectReason::negative_number)].count,
            static_cast<std::uint64_t>(answer(g.answers, "bad_values.negative_unit_price")));
  EXPECT_EQ(orders.rows_rejected,
            orders.rejected[static_cast<int>(RejectReason::invalid_number)].count +
                orders.rejected[static_cast<int>(RejectReason::negative_number)].count);
  EXPECT_EQ(orders_without_time(engine.store()),
            static_cast<std::uint64_t>(answer(g.answers, "data_gaps.unparsable_timestamps")));
  EXPECT_EQ(report.summary.orders, 3000u);
  EXPECT_EQ(report.inputs[2].rows_used,
            static_cast<std::uint64_t>(answer(g.answers, "counts.impressions")));
  EXPECT_EQ(report.inputs[3].rows_used,
            static_cast<std::uint64_t>(answer(g.answers, "counts.sessions")));
  EXPECT_EQ(report.inputs[0].rows_used,
            static_cast<std::uint64_t>(answer(g.answers, "counts.catalogue_products")));
  for (const FileReport& file : report.inputs) {
    EXPECT_EQ(file.rows_read, file.rows_used + file.rows_rejected) << file.file;
    EXPECT_TRUE(file.unknown_columns.empty()) << file.file;
  }
}

INSTANTIATE_TEST_SUITE_P(AllFormats, GeneratorFormats,
                         ::testing::Values(Format::csv, Format::json, Format::ndjson));

// Sessions and conversions per arm among the sessions selected by `in_slice`, from the store.
struct ArmCounts {
  std::uint64_t sessions[2] = {0, 0};
  std::uint64_t converted[2] = {0, 0};
  double cvr(int arm) const {
    return static_cast<double>(converted[arm]) / static_cast<double>(sessions[arm]);
  }
};

template <typename Slice>
ArmCounts count_arms(const Store& store, Slice in_slice) {
  ArmCounts counts;
  const auto control = store.pools.labels.find("control");
  const auto treatment = store.pools.labels.find("treatment");
  for (std::size_t s = 0; s < store.sessions.size(); ++s) {
    const std::uint32_t variant = store.sessions.variant[s];
    const int arm = variant == control ? 0 : variant == treatment ? 1 : -1;
    if (arm < 0 || !in_slice(s)) continue;
    ++counts.sessions[arm];
    counts.converted[arm] += store.sessions.converted[s] == 1;
  }
  return counts;
}

TEST(GeneratorPlantedTruths, CheckoutOfferLowersConversionAndBudgetShoppersConvertLess) {
  GeneratorOptions options;
  options.orders = 20000;
  options.seed = 11;
  const Generated g = generate(options);
  Engine engine;
  ingest(engine, g, options);
  const Store& store = engine.store();

  // Sessions with an impression at checkout.
  std::vector<std::uint8_t> at_checkout(store.pools.sessions.size(), 0);
  const auto checkout = store.pools.labels.find("checkout");
  ASSERT_TRUE(checkout.has_value());
  for (std::size_t i = 0; i < store.impressions.size(); ++i) {
    if (store.impressions.placement(i) == *checkout) at_checkout[store.impressions.session[i]] = 1;
  }
  const ArmCounts slice =
      count_arms(store, [&](std::size_t s) { return at_checkout[store.sessions.session[s]] != 0; });
  const double relative = slice.cvr(1) / slice.cvr(0) - 1;
  EXPECT_NEAR(relative, answer(g.answers, "checkout.true_relative_cvr_change"), 0.06);
  EXPECT_NEAR(slice.cvr(0), answer(g.answers, "checkout.control.cvr"), 0.01);

  const auto budget = store.pools.labels.find("budget");
  const ArmCounts budget_slice =
      count_arms(store, [&](std::size_t s) { return store.sessions.segment[s] == budget; });
  EXPECT_LT(budget_slice.cvr(1), budget_slice.cvr(0) * 0.95);
  // Outside the budget segment the product-page upsell does no harm: the gap is the checkout's
  // alone.
  const auto premium = store.pools.labels.find("premium");
  const ArmCounts premium_slice =
      count_arms(store, [&](std::size_t s) { return store.sessions.segment[s] == premium; });
  EXPECT_GT(premium_slice.cvr(1) / premium_slice.cvr(0), budget_slice.cvr(1) / budget_slice.cvr(0));
}

TEST(GeneratorPlantedTruths, DataGapsAreInTheDataInTheStatedNumbers) {
  GeneratorOptions options;
  options.orders = 5000;
  const Generated g = generate(options);
  Engine engine;
  ingest(engine, g, options);
  const Store& store = engine.store();
  std::uint64_t unlisted_lines = 0, untracked_lines = 0;
  std::set<std::uint32_t> recs_with_impressions;
  for (std::size_t i = 0; i < store.impressions.size(); ++i)
    recs_with_impressions.insert(store.impressions.rec(i));
  for (std::size_t i = 0; i < store.lines.size(); ++i) {
    unlisted_lines += store.products.in_catalogue[store.lines.product[i]] == 0;
    untracked_lines +=
        store.lines.rec[i] != kNoId && recs_with_impressions.count(store.lines.rec[i]) == 0;
  }
  EXPECT_EQ(unlisted_lines,
            static_cast<std::uint64_t>(answer(g.answers, "missing_product_mapping.lines")));
  EXPECT_GT(unlisted_lines, 0u);
  EXPECT_EQ(untracked_lines,
            static_cast<std::uint64_t>(answer(g.answers, "untracked_rec_ids.lines")));
  std::uint64_t untagged = 0;
  for (std::size_t r = 0; r < store.sessions.size(); ++r)
    untagged += store.sessions.variant[r] == kNoId;
  EXPECT_EQ(untagged, static_cast<std::uint64_t>(answer(g.answers, "untagged_sessions.sessions")));
  std::uint64_t usd = 0;
  const auto usd_label = store.pools.labels.find("USD");
  for (std::size_t o = 0; o < store.orders.size(); ++o)
    usd += store.orders.currency[o] == usd_label;
  EXPECT_EQ(usd,
            static_cast<std::uint64_t>(answer(g.answers, "currencies.second_currency_orders")));
  EXPECT_EQ(orders_without_time(store),
            static_cast<std::uint64_t>(answer(g.answers, "data_gaps.unparsable_timestamps")));
  EXPECT_GT(orders_without_time(store), 0u);
}

TEST(GeneratorPlantedTruths, CleanStoreHasNoGaps) {
  GeneratorOptions options;
  options.orders = 2000;
  options.clean = true;
  const Generated g = generate(options);
  Engine engine;
  ingest(engine, g, options);
  for (const FileReport& file : engine.report().inputs)
    EXPECT_EQ(file.rows_rejected, 0u) << file.file;
  const Store& store = engine.store();
  for (std::size_t i = 0; i < store.lines.size(); ++i) {
    ASSERT_EQ(store.products.in_catalogue[store.lines.product[i]], 1);
  }
  EXPECT_EQ(engine.report().summary.currency, "EUR");
  EXPECT_TRUE(engine.report().summary.revenue.value.has_value());
  EXPECT_NEAR(
      *engine.report().summary.revenue.value,
      answer(g.answers, "overall.control.revenue") + answer(g.answers, "overall.treatment.revenue"),
      0.02);
}

TEST(Generator, ShopifyFormIsReadThroughTheShopifyPresets) {
  GeneratorOptions options;
  options.orders = 1000;
  options.shopify = true;
  const Generated g = generate(options);
  Engine engine;
  ingest(engine, g, options);
  const Report& report = engine.report();
  EXPECT_EQ(report.inputs[0].preset, Preset::shopify_products);
  EXPECT_EQ(report.inputs[1].preset, Preset::shopify_orders);
  EXPECT_EQ(report.summary.orders, 1000u);
  EXPECT_EQ(report.inputs[1].rows_used,
            static_cast<std::uint64_t>(answer(g.answers, "counts.order_lines")));
  // Offers and sessions refer to Shopify's order names ("#1001").
  EXPECT_TRUE(engine.store().pools.orders.find("#1001").has_value());
}

}  // namespace
}  // namespace basketlift

namespace basketlift {
namespace {

TEST(Generator, CommittedDashboardSampleIsWhatItsCommandWrites) {
  sample::GeneratorOptions options;
  options.orders = 2500;
  options.seed = 42;
  sample::OutputFile files[] = {sample::OutputFile::products, sample::OutputFile::orders,
                                sample::OutputFile::offers, sample::OutputFile::sessions};
  struct Sink : sample::OutputSink {
    std::array<std::string, 4> files;
    void write(sample::OutputFile file, std::string_view bytes) override {
      files[static_cast<int>(file)] += bytes;
    }
  } sink;
  const std::string answers = sample::generate_store(options, sink);
  const std::string dir = BASKETLIFT_SOURCE_DIR "/web/sample/";
  for (sample::OutputFile file : files) {
    const std::string name = sample::output_file_name(file, options);
    EXPECT_EQ(testing::read_file(dir + name), sink.files[static_cast<int>(file)])
        << name << " is stale";
  }
  EXPECT_EQ(testing::read_file(dir + "answers.json"), answers);
}

}  // namespace
}  // namespace basketlift
