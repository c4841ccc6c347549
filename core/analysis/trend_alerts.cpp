#include <cstdio>

#include "analysis/trends.h"
#include "util/number_format.h"

namespace basketlift {

namespace {

std::string p_text(double p) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2g", p);
  return text;
}

std::string join(const std::vector<std::string>& parts, const char* glue) {
  std::string text;
  for (const std::string& part : parts)
    text += (text.empty() ? "" : glue) + part;
  return text;
}

std::string money_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

}  // namespace

std::vector<Alert> trend_alerts(const TrendsResult& trends, const Store& store) {
  std::vector<Alert> alerts;
  if (!trends.available) return alerts;
  constexpr std::size_t kListed = 5;
  std::size_t significant = 0;
  const std::string days = std::to_string(trends.window_days);
  for (std::size_t k = 0; k < trends.changes.size(); ++k) {
    const OfferChange& c = trends.changes[k];
    if (!c.significant && !c.margin_significant) continue;
    if (++significant > kListed) continue;
    std::vector<std::string> what, evidence;
    if (c.significant) {
      const double before =
          static_cast<double>(c.accepted_before) / static_cast<double>(c.impressions_before);
      const double after =
          static_cast<double>(c.accepted_after) / static_cast<double>(c.impressions_after);
      what.push_back(std::string("acceptance ") + (after < before ? "fell" : "rose") + " from " +
                     percent_text(before) + " to " + percent_text(after));
      evidence.push_back(percent_text(before) + " of " + std::to_string(c.impressions_before) +
                         " impressions in the " + days + " days before, " + percent_text(after) +
                         " of " + std::to_string(c.impressions_after) + " in the last " + days +
                         " (adjusted p " + p_text(c.p_adjusted) + ")");
    }
    if (c.margin_significant) {
      const double before = 1000 * c.margin_test.control, after = 1000 * c.margin_test.treatment;
      what.push_back(std::string("margin per 1,000 impressions ") +
                     (after < before ? "fell" : "rose") + " from " + money_text(before) + " to " +
                     money_text(after));
      evidence.push_back("margin per 1,000 impressions " + money_text(before) + " before, " +
                         money_text(after) + " lately (adjusted p " + p_text(c.margin_p_adjusted) +
                         ")");
    }
    alerts.push_back(
        {"offer_changed", Severity::warning,
         "Offer " + std::string(store.pools.recs.view(c.rec)) + ": " + join(what, " and ") +
             " in the last " + days + " days" +
             (c.changed_on == kNoTime ? "" : " (since about " + iso_date(c.changed_on) + ")"),
         join(evidence, "; ") + "; check what changed: its price, placement or stock",
         "/trends/changes/offers/" + std::to_string(k)});
  }
  if (significant > kListed) {
    alerts.back().detail +=
        " (" + std::to_string(significant - kListed) + " more offers changed: see the trends)";
  }
  return alerts;
}

std::optional<GapCheck> tracking_gap_check(const TrendsResult& trends, const Settings& settings) {
  if (!trends.available || trends.tracking_gaps.empty()) return std::nullopt;
  GapCheck check{"tracking_gap",
                 "Tracking may have stopped on some days",
                 Severity::warning,
                 0,
                 "days",
                 0,
                 "days of the data's span",
                 {},
                 "figures over time dip where rows are missing, and totals are understated",
                 "Check your tracking (tag manager, export job) on these days; re-export them "
                 "if the rows exist."};
  for (const TrackingGap& gap : trends.tracking_gaps) {
    check.count += static_cast<double>(gap.last_day - gap.first_day + 1);
    if (check.examples.size() < gaps::kMaxExamples) {
      const std::string days = gap.first_day == gap.last_day
                                   ? iso_date(gap.first_day)
                                   : iso_date(gap.first_day) + " to " + iso_date(gap.last_day);
      check.examples.push_back({"", 0, days + ": " + gap.reason});
    }
  }
  check.share = check.count / static_cast<double>(trends.last_day - trends.first_day + 1);
  check.severity = std::max(Severity::warning, gaps::severity_for(check.share, settings));
  return check;
}

}  // namespace basketlift
