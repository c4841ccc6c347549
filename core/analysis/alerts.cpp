#include "analysis/alerts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace basketlift {

namespace {

std::string percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%+.1f%%", 100 * share);
  return text;
}

// A p-value as people read it: "< 0.0001" when tiny.
std::string p_text(double p) {
  if (p < 0.0001) return "< 0.0001";
  char text[32];
  std::snprintf(text, sizeof text, "= %.2g", p);
  return text;
}

std::string number(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string where(const ArmComparison& c) {
  if (c.slice_kind == "all") return "the " + c.arm + " arm";
  if (c.slice_kind == "placement") return "the " + c.arm + " arm at " + c.slice;
  return "the " + c.arm + " arm (" + c.slice_kind + " " + c.slice + ")";
}

const MetricResult* metric(const ArmComparison& c, const char* name) {
  for (const MetricResult& m : c.metrics) {
    if (m.metric == name) return &m;
  }
  return nullptr;
}

// An offer one segment takes at most half as often as another (the difference significant
// after Holm across offers): name both, and what showing it does to that segment's conversion.
std::optional<Alert> segment_alert(const OfferResult& o, const Store& store, double alpha) {
  const OfferGroups& g = o.by_segment;
  if (!(g.acceptance_adjusted_p < alpha) || g.groups.size() < 2) return std::nullopt;
  const auto by_rate = [](const OfferGroup& a, const OfferGroup& b) {
    return a.acceptance_rate < b.acceptance_rate;
  };
  const OfferGroup& low = *std::min_element(g.groups.begin(), g.groups.end(), by_rate);
  const OfferGroup& high = *std::max_element(g.groups.begin(), g.groups.end(), by_rate);
  if (!(low.acceptance_rate <= 0.5 * high.acceptance_rate)) return std::nullopt;
  const std::string rec(store.pools.recs.view(o.rec));
  const std::string low_name(store.pools.labels.view(low.label));
  const std::string high_name(store.pools.labels.view(high.label));
  const double times = low.acceptance_rate / high.acceptance_rate;
  std::string title = rec + ": " + low_name + " shoppers take it " +
                      (times == 0 ? std::string("never") : number("%.2g", times) + "× as often") +
                      " as " + high_name + " shoppers";
  std::string detail = number("%.2f%%", 100 * low.acceptance_rate) + " of impressions against " +
                       number("%.2f%%", 100 * high.acceptance_rate) + " (adjusted p " +
                       p_text(g.acceptance_adjusted_p) + ")";
  const Comparison& effect = low.conversion_vs_control;
  if (g.experiment_link && effect.ok && effect.p_value < alpha && effect.delta < 0) {
    detail += "; in the experiment, showing it lowers their conversion by " +
              number("%.1f", -100 * effect.delta) + " points";
  } else if (low.conversion_rate < high.conversion_rate) {
    detail += "; " + low_name + " sessions shown it convert at " +
              number("%.1f%%", 100 * low.conversion_rate) + " against " +
              number("%.1f%%", 100 * high.conversion_rate) + " (an association)";
  }
  detail += " — consider not showing it to " + low_name + " shoppers";
  return Alert{"offer_hurts_segment", Severity::warning, std::move(title), std::move(detail), ""};
}

// A pre-period balance measure in words.
std::string balance_measure(const std::string& measure) {
  if (measure == "history_share") return "share of units with orders before the test";
  if (measure == "pre_orders") return "orders per unit before the test";
  if (measure == "pre_revenue") return "revenue per unit before the test";
  if (measure == "pre_margin") return "margin per unit before the test";
  return measure;
}

}  // namespace

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::critical:
      return "critical";
  }
  return "info";
}

std::vector<Alert> experiment_and_offer_alerts(const ExperimentResult& experiment,
                                               const OffersResult& offers, const Store& store,
                                               double alpha) {
  std::vector<Alert> alerts;
  for (std::size_t k = 0; k < experiment.comparisons.size(); ++k) {
    const ArmComparison& c = experiment.comparisons[k];
    const std::string base = "/experiment/comparisons/" + std::to_string(k);
    const bool first_of_slice = k == 0 ||
                                experiment.comparisons[k - 1].slice_kind != c.slice_kind ||
                                experiment.comparisons[k - 1].slice != c.slice;
    if (c.srm.mismatch && first_of_slice) {
      alerts.push_back(
          {"sample_ratio_mismatch", c.slice_kind == "all" ? Severity::critical : Severity::warning,
           "Sessions are not split between arms as expected" +
               (c.slice_kind == "all" ? std::string() : " (" + c.slice_kind + " " + c.slice + ")"),
           "sample-ratio mismatch, p " + p_text(c.srm.p_value) +
               ": results there are not trustworthy until the assignment is fixed",
           base + "/srm"});
    }
    if (k == 0) {
      // Arms that already differed before the test: the split itself is suspect.
      for (std::size_t b = 0; b < experiment.pre_period_balance.size(); ++b) {
        const BalanceCheck& check = experiment.pre_period_balance[b];
        if (!check.imbalanced) continue;
        alerts.push_back({"pre_period_imbalance", Severity::warning,
                          "The " + check.arm +
                              " arm's customers differed from control's before "
                              "the test",
                          balance_measure(check.measure) + " " + number("%.4g", check.treatment) +
                              " against " + number("%.4g", check.control) + ", adjusted p " +
                              p_text(check.adjusted_p) +
                              ": check how units are assigned before trusting the results",
                          "/experiment/pre_period_balance/" + std::to_string(b)});
      }
    }
    // Channel and segment slices are evidence in the report, not alerts of their own.
    if (c.srm.mismatch || (c.slice_kind != "all" && c.slice_kind != "placement")) continue;
    // One alert per arm and slice, naming the conversion and margin losses together.
    const MetricResult* cvr = metric(c, "cvr");
    const MetricResult* margin = metric(c, "margin_per_session");
    const bool cvr_drop = cvr && cvr->significant && cvr->comparison.delta < 0;
    const bool margin_drop = margin && margin->significant && margin->comparison.delta < 0;
    if (!cvr_drop && !margin_drop) continue;
    const auto index_of = [&](const MetricResult* r) {
      return std::to_string(r - c.metrics.data());
    };
    std::string detail;
    if (cvr_drop) {
      detail = "conversion " + percent(cvr->comparison.relative) + " (" +
               number("%.2f", 100 * cvr->comparison.control) + "% → " +
               number("%.2f", 100 * cvr->comparison.treatment) + "%, adjusted p " +
               p_text(cvr->adjusted_p) + ")";
    }
    if (margin_drop) {
      if (!detail.empty()) detail += "; ";
      detail += "margin per session " + percent(margin->comparison.relative) + " (adjusted p " +
                p_text(margin->adjusted_p) + ")";
    }
    const MetricResult* aov = metric(c, "aov");
    if (aov && aov->comparison.ok && aov->comparison.delta > 0)
      detail += ", although AOV is " + percent(aov->comparison.relative);
    alerts.push_back({cvr_drop ? "cvr_drop" : "margin_drop", Severity::critical,
                      std::string(cvr_drop ? "Offers in " + where(c) + " lower conversion"
                                           : "Margin per session is lower in " + where(c)),
                      detail, base + "/metrics/" + index_of(cvr_drop ? cvr : margin)});
  }
  // The biggest losers one by one, the rest summed up with the retire list.
  std::vector<std::size_t> losers;
  std::size_t retired = 0;
  for (std::size_t k = 0; k < offers.offers.size(); ++k) {
    retired += offers.offers[k].retire;
    if (offers.offers[k].verdict == OfferClass::unprofitable) losers.push_back(k);
  }
  std::stable_sort(losers.begin(), losers.end(), [&](std::size_t a, std::size_t b) {
    return offers.offers[a].margin < offers.offers[b].margin;
  });
  constexpr std::size_t kListed = 5;
  for (std::size_t n = 0; n < losers.size() && n < kListed; ++n) {
    const OfferResult& o = offers.offers[losers[n]];
    alerts.push_back({"unprofitable_offer", Severity::warning,
                      "Offer " + std::string(store.pools.recs.view(o.rec)) + " loses money",
                      o.reason, "/offers/offers/" + std::to_string(losers[n])});
  }
  for (std::size_t k = 0; k < offers.offers.size(); ++k) {
    if (auto alert = segment_alert(offers.offers[k], store, alpha)) {
      alert->evidence = "/offers/offers/" + std::to_string(k) + "/by_segment";
      alerts.push_back(std::move(*alert));
    }
  }
  if (retired > 0) {
    std::string detail = "unprofitable, or rarely taken while earning no margin that can be shown";
    if (losers.size() > kListed)
      detail += " (" + std::to_string(losers.size() - kListed) +
                " more unprofitable offers are listed there)";
    alerts.push_back(
        {"retire", Severity::warning,
         std::to_string(retired) + (retired == 1 ? " offer" : " offers") + " to retire", detail,
         "/retire"});
  }
  return alerts;
}

void sort_alerts(std::vector<Alert>& alerts) {
  std::stable_sort(alerts.begin(), alerts.end(), [](const Alert& a, const Alert& b) {
    return static_cast<int>(a.severity) > static_cast<int>(b.severity);
  });
}

}  // namespace basketlift
