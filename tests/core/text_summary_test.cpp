#include "cli/text_summary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "cli/text_format.h"
#include "engine/engine.h"
#include "test_support.h"

namespace basketlift {
namespace {

// The lines of `text` from the one starting with `heading` to the next blank line.
std::vector<std::string> section(const std::string& text, const std::string& heading) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!inside && line.rfind(heading, 0) == 0) {
      inside = true;
      continue;
    }
    if (inside && line.empty()) break;
    if (inside) lines.push_back(line);
  }
  return lines;
}

// The line of `lines` naming `id` as its label ("  id   ...").
std::string line_of(const std::vector<std::string>& lines, std::string_view id) {
  for (const std::string& line : lines) {
    if (line.rfind("  " + std::string(id) + " ", 0) == 0) return line;
  }
  return "";
}

TEST(TextSummary, TellsTheFindingsOfTheSampleStore) {
  Engine engine;
  ASSERT_TRUE(testing::analyze_sample_store(engine).ok());
  const Report& report = engine.report();
  const Store& store = engine.store();
  const std::string text = cli::text_summary(report, store);

  ASSERT_FALSE(report.alerts.empty());
  for (const Alert& alert : report.alerts)
    EXPECT_NE(text.find(alert.title), std::string::npos) << alert.title;

  const std::vector<std::string> gaps = section(text, "Data gaps");
  ASSERT_FALSE(report.data_gaps.checks.empty());
  for (const GapCheck& check : report.data_gaps.checks)
    EXPECT_NE(text.find(check.fix), std::string::npos) << check.id;

  // Each offer shown with its verdict; every retired offer listed with its reason.
  const std::vector<std::string> offers = section(text, "Offers");
  int retired = 0;
  for (std::size_t k = 0; k < report.offers.offers.size() && k < 20; ++k) {
    const OfferResult& o = report.offers.offers[k];
    const std::string line = line_of(offers, store.pools.recs.view(o.rec));
    EXPECT_NE(line.find(std::string("-> ") + offer_class_name(o.verdict)), std::string::npos)
        << line;
  }
  const std::vector<std::string> retire = section(text, "To retire");
  for (const OfferResult& o : report.offers.offers) {
    if (!o.retire) continue;
    ++retired;
    EXPECT_NE(line_of(retire, store.pools.recs.view(o.rec)).find(o.retire_reason),
              std::string::npos);
  }
  // One labelled line per retired offer; continuation lines (what removing it gives up or
  // saves) carry no label.
  const auto labelled = std::count_if(retire.begin(), retire.end(), [](const std::string& line) {
    return line.size() > 2 && line[2] != ' ';
  });
  EXPECT_EQ(static_cast<int>(labelled), retired);
  EXPECT_GT(retired, 0);
  EXPECT_NE(std::find_if(retire.begin(), retire.end(),
                         [](const std::string& line) {
                           return line.find("margin a month at current traffic") !=
                                  std::string::npos;
                         }),
            retire.end());

  // The overall comparison: the planted conversion drop, significant.
  const std::vector<std::string> experiment = section(text, "Experiment");
  const std::string cvr = line_of(experiment, "  cvr");
  const MetricResult& planted = report.experiment.comparisons.at(0).metrics.at(0);
  ASSERT_EQ(planted.metric, "cvr");
  ASSERT_LT(planted.comparison.relative, 0);
  EXPECT_NE(cvr.find(cli::signed_percent_text(planted.comparison.relative) + " ("),
            std::string::npos)
      << cvr;
  EXPECT_NE(cvr.find(", significant"), std::string::npos) << cvr;

  // The best cross-sell candidate, offered product next to its anchor.
  ASSERT_FALSE(report.basket.candidates.empty());
  const Candidate& best = report.basket.candidates[0];
  const std::uint32_t offered = best.anchor_is_a ? best.rule.b : best.rule.a;
  const std::uint32_t anchor = best.anchor_is_a ? best.rule.a : best.rule.b;
  const std::vector<std::string> candidates = section(text, "Cross-sells to consider");
  ASSERT_FALSE(candidates.empty());
  EXPECT_EQ(candidates[0].rfind("  " + std::string(store.pools.products.view(offered)), 0), 0u);
  EXPECT_NE(candidates[0].find("next to " + std::string(store.pools.products.view(anchor))),
            std::string::npos);
}

TEST(TextSummary, SaysWhyASectionIsUnavailable) {
  Engine engine;
  // Orders only: no arms to compare, no offers shown.
  const std::string bytes =
      "order_id,product_id,quantity,unit_price\nA,p1,1,10\nA,p2,1,5\nB,p1,2,10\n";
  ASSERT_TRUE(testing::feed_chunks(engine, bytes, 0, {"orders.csv", {}, {}, {}}).ok());
  ASSERT_TRUE(engine.analyze().ok());
  const Report& report = engine.report();
  const std::string text = cli::text_summary(report, engine.store());
  ASSERT_FALSE(report.experiment.available);
  EXPECT_NE(line_of(section(text, "Experiment"), "n/a").find(report.experiment.reason),
            std::string::npos)
      << text;
  ASSERT_FALSE(report.offers.available);
  EXPECT_NE(line_of(section(text, "Offers"), "n/a").find(report.offers.reason), std::string::npos)
      << text;
  EXPECT_EQ(text.find("To retire"), std::string::npos);
}

}  // namespace
}  // namespace basketlift
