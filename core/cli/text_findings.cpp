#include "cli/text_findings.h"

#include <cmath>
#include <cstdio>

#include "cli/text_format.h"

namespace basketlift::cli {

namespace {

constexpr std::size_t kOffersShown = 20;     // the rest is in the JSON report
constexpr std::size_t kCandidatesShown = 5;  // cross-sells to consider

std::string p_text(double p) {
  if (std::isnan(p)) return "n/a";
  if (p < 0.0001) return "< 0.0001";
  char text[32];
  std::snprintf(text, sizeof text, "%.2g", p);
  return text;
}

void alerts(std::string& out, const Report& report) {
  out += "\nAlerts\n";
  if (report.alerts.empty()) line(out, "none", "nothing needs attention");
  for (const Alert& alert : report.alerts) {
    line(out, severity_name(alert.severity), alert.title);
    if (!alert.detail.empty()) line(out, "", alert.detail);
  }
}

void data_gaps(std::string& out, const DataGapsResult& gaps) {
  out += "\nData gaps\n";
  if (gaps.checks.empty()) line(out, "none", "no gap found in the data");
  for (const GapCheck& check : gaps.checks) {
    line(out, severity_name(check.severity),
         check.title + ": " + grouped(check.count, 0) + " " + check.unit + ", " +
             percent_text(check.share) + " of " + check.share_of);
    line(out, "", check.fix);
  }
  std::string supported[3];  // full, partial, none
  for (const Readiness& r : gaps.readiness) {
    std::string& list = supported[r.status == "full" ? 0 : r.status == "partial" ? 1 : 2];
    list += (list.empty() ? "" : ", ") + r.analysis;
  }
  const char* names[3] = {"fully supported", "partly supported", "not supported"};
  for (int k = 0; k < 3; ++k) {
    if (!supported[k].empty()) line(out, names[k], supported[k]);
  }
}

// "by segment: budget 1.2%, standard 4.5%, premium 5.1% taken (they differ: adjusted p 0.018)",
// for an offer whose groups differ.
void group_line(std::string& out, const OfferGroups& groups, const char* dimension,
                const Store& store, double alpha) {
  if (!(groups.acceptance_adjusted_p < alpha)) return;
  std::string text = std::string("by ") + dimension + ": ";
  for (std::size_t k = 0; k < groups.groups.size(); ++k) {
    const OfferGroup& g = groups.groups[k];
    text += (k > 0 ? ", " : "") + std::string(store.pools.labels.view(g.label)) + " " +
            percent_text(g.acceptance_rate);
  }
  line(out, "",
       text + " taken (they differ: adjusted p " + p_text(groups.acceptance_adjusted_p) + ")");
}

void offers(std::string& out, const OffersResult& offers, const Store& store,
            const std::string& currency, double alpha) {
  out += "\nOffers (margin per 1,000 impressions" + (currency.empty() ? "" : ", in " + currency) +
         ")\n";
  if (!offers.available) {
    line(out, "n/a", offers.reason);
    return;
  }
  for (std::size_t k = 0; k < offers.offers.size() && k < kOffersShown; ++k) {
    const OfferResult& o = offers.offers[k];
    std::string text = o.tracked ? std::string(offer_type_name(o.type)) : "untracked";
    if (o.placement != kNoId) text += " at " + std::string(store.pools.labels.view(o.placement));
    text += ": " + grouped(static_cast<double>(o.impressions), 0) + " impressions, " +
            percent_text(o.acceptance_rate) + " taken, ";
    text += std::isnan(o.margin_per_impression)
                ? "margin n/a"
                : grouped(1000 * o.margin_per_impression, 2) + " per 1,000";
    line(out, store.pools.recs.view(o.rec), text + " -> " + offer_class_name(o.verdict));
    if (!o.note.empty()) line(out, "", o.note);
    group_line(out, o.by_segment, "segment", store, alpha);
    group_line(out, o.by_channel, "channel", store, alpha);
  }
  if (offers.offers.size() > kOffersShown) {
    line(out, "",
         "... and " + std::to_string(offers.offers.size() - kOffersShown) +
             " more offers in the JSON report");
  }
  out += "\nTo retire\n";
  bool any = false;
  for (const OfferResult& o : offers.offers) {
    if (!o.retire) continue;
    line(out, store.pools.recs.view(o.rec), o.retire_reason);
    if (!std::isnan(o.margin_per_month)) {
      line(out, "",
           (o.margin_per_month < 0 ? "removing it saves " : "removing it gives up ") +
               grouped(std::fabs(o.margin_per_month), 2) + " margin a month at current traffic");
    }
    any = true;
  }
  if (!any) line(out, "none", "no offer is both well measured and not worth showing");
}

void experiment(std::string& out, const ExperimentResult& e) {
  out += "\nExperiment (each arm against " + (e.available ? e.control : "control") + ")\n";
  if (!e.available) {
    line(out, "n/a", e.reason);
    return;
  }
  for (const ArmComparison& c : e.comparisons) {
    if (c.slice_kind != "all") continue;
    line(out, c.arm,
         grouped(c.units_arm, 0) + " units against " + grouped(c.units_control, 0) +
             (c.srm.mismatch ? "; WARNING: sample ratio mismatch, the split is broken" : ""));
    for (const MetricResult& m : c.metrics) {
      if (!m.comparison.ok) {
        line(out, "  " + m.metric, "n/a (" + m.comparison.reason + ")");
        continue;
      }
      line(out, "  " + m.metric,
           signed_percent_text(m.comparison.relative) + " (" +
               signed_percent_text(m.comparison.relative_ci.low) + " to " +
               signed_percent_text(m.comparison.relative_ci.high) + "), adjusted p " +
               p_text(m.adjusted_p) + (m.significant ? ", significant" : ", not significant"));
      const CupedEstimate& a = m.cuped;
      if (a.computed) {
        line(out, "",
             "adjusted for the pre-period: " + signed_percent_text(a.comparison.relative) + " (" +
                 signed_percent_text(a.comparison.relative_ci.low) + " to " +
                 signed_percent_text(a.comparison.relative_ci.high) + "), adjusted p " +
                 p_text(a.adjusted_p) + (a.significant ? ", significant" : ", not significant") +
                 "; " + percent_text(a.variance_reduction) + " of the variance removed");
      }
    }
  }
  for (const BalanceCheck& b : e.pre_period_balance) {
    if (b.imbalanced) {
      line(out, "WARNING",
           b.arm + " and " + e.control + " already differed before the test (" + b.measure +
               ", adjusted p " + p_text(b.adjusted_p) + "): the split may not be random");
    }
  }
}

void basket(std::string& out, const BasketResult& basket, const Store& store,
            const std::string& currency) {
  out += "\nCross-sells to consider (show the product next to the one bought with it)\n";
  if (!basket.available) {
    line(out, "n/a", basket.reason);
    return;
  }
  if (basket.candidates.empty()) line(out, "none", "no pair is frequent and confident enough");
  for (std::size_t k = 0; k < basket.candidates.size() && k < kCandidatesShown; ++k) {
    const Candidate& c = basket.candidates[k];
    const std::uint32_t anchor = c.anchor_is_a ? c.rule.a : c.rule.b;
    const std::uint32_t offered = c.anchor_is_a ? c.rule.b : c.rule.a;
    const RuleDirection& direction = c.anchor_is_a ? c.rule.a_to_b : c.rule.b_to_a;
    std::string text = "next to " + std::string(store.pools.products.view(anchor)) + ": " +
                       percent_text(direction.confidence) + " confidence, lift " +
                       grouped(c.rule.lift, 2);
    if (!std::isnan(c.expected_margin_per_showing)) {
      text += ", " + grouped(c.expected_margin_per_showing, 2) + " " + currency +
              " expected margin per showing";
    }
    if (!c.offered_by.empty()) text += " (already offered)";
    line(out, store.pools.products.view(offered), text);
  }
  if (!basket.candidates.empty() && !basket.margins_known)
    line(out, "", "ranked by lift: the catalogue gives no costs");
}

}  // namespace

std::string text_findings(const Report& report, const Store& store) {
  const std::string currency = report.summary.currency.value_or("");
  std::string out;
  alerts(out, report);
  data_gaps(out, report.data_gaps);
  offers(out, report.offers, store, currency, report.settings.alpha());
  experiment(out, report.experiment);
  basket(out, report.basket, store, currency);
  out +=
      "\nEvery figure, with its interval and evidence, is in the JSON report (without "
      "--summary).\n";
  return out;
}

}  // namespace basketlift::cli
