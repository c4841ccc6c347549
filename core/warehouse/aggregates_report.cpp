#include "warehouse/aggregates_report.h"

#include <algorithm>
#include <cmath>

#include "analysis/alerts.h"
#include "analysis/data_gaps.h"

namespace basketlift {

ArmStats arm_stats_of(const ArmSliceSums& c) {
  ArmStats stats;
  stats.units = c.units;
  stats.converted = c.converted;
  stats.orders = c.orders;
  stats.revenue = Moments::from_sums(c.units, c.revenue_sum, c.revenue_sum_sq);
  stats.margin = Moments::from_sums(c.units, c.margin_sum, c.margin_sum_sq);
  stats.aov = RatioMoments::from_sums(c.aov_n, c.aov_sum_m, c.aov_sum_d, c.aov_sum_mm, c.aov_sum_dd,
                                      c.aov_sum_md);
  stats.acceptance =
      RatioMoments::from_sums(c.acceptance_n, c.acceptance_sum_m, c.acceptance_sum_d,
                              c.acceptance_sum_mm, c.acceptance_sum_dd, c.acceptance_sum_md);
  return stats;
}

namespace {

// The experiment's sums in the engine's terms: arms with control first (settings.control_arm,
// which the report may change), then by name; caps as the engine gives them.
ExperimentSums experiment_sums_of(const Aggregates& aggregates, const Settings& settings) {
  const ExperimentAggregates& e = aggregates.experiment;
  ExperimentSums sums;
  sums.unit = e.unit;
  sums.untagged_units = e.untagged_units;
  sums.orders_outside_units = e.orders_outside_units;
  sums.costs_known = e.costs_known;
  for (const auto& [name, totals] : e.totals)
    sums.arms.push_back(name);
  const auto control = std::find(sums.arms.begin(), sums.arms.end(), settings.control_arm);
  sums.has_control = control != sums.arms.end();
  if (sums.has_control) std::rotate(sums.arms.begin(), control, control + 1);
  if (settings.capping != Capping::off) {
    const bool two_sided = settings.capping == Capping::two_sided;
    const auto or_else = [](double value, double fallback) {
      return std::isnan(value) ? fallback : value;
    };
    sums.revenue_cap = {two_sided ? or_else(e.revenue_cap_low, -INFINITY) : kNaN,
                        or_else(e.revenue_cap_high, INFINITY)};
    sums.margin_cap = {two_sided ? or_else(e.margin_cap_low, -INFINITY) : kNaN,
                       or_else(e.margin_cap_high, INFINITY)};
  }
  for (const std::string& arm : sums.arms)
    sums.totals.push_back(e.totals.at(arm));
  sums.cuped = cuped_sums_of(aggregates.cuped, sums.arms, settings, aggregates.version);
  // Slices in the engine's order of kinds: "all", placements, channels, segments; within a
  // kind by value (a warehouse table has no row order to follow). Cells are sorted by key.
  for (const std::string kind : {"all", "placement", "channel", "segment"}) {
    const std::string prefix = kind == "all" ? kind : kind + ":";
    for (auto cell = e.cells.lower_bound({prefix, ""}); cell != e.cells.end(); ++cell) {
      const std::string& key = cell->first.first;
      if (key.compare(0, prefix.size(), prefix) != 0) break;
      if (!sums.slices.empty() && sums.slices.back().kind == kind &&
          sums.slices.back().value == key.substr(std::min(prefix.size(), key.size())))
        continue;  // the slice's other arms
      SliceStats slice{kind, kind == "all" ? "" : key.substr(prefix.size()),
                       std::vector<ArmStats>(sums.arms.size())};
      for (std::size_t a = 0; a < sums.arms.size(); ++a) {
        const auto found = e.cells.find({key, sums.arms[a]});
        if (found != e.cells.end()) slice.arms[a] = arm_stats_of(found->second);
      }
      sums.slices.push_back(std::move(slice));
    }
  }
  return sums;
}

// A measure of an offer's group (kGroupSumsLayout), 0 when the file leaves it out.
double group_measure(const std::array<double, kGroupSumsLayout.size()>& sums,
                     std::string_view name) {
  const double value = sums[layout_index(kGroupSumsLayout, name)];
  return std::isnan(value) ? 0 : value;
}

// One offer's sums in the engine's terms, its names interned into `names`.
OfferSums offer_sums_of(const std::string& rec, const OfferAggregate& offer,
                        const std::vector<std::string>& arms, Store& names) {
  Pools& pools = names.pools;
  const auto measure = [&](std::string_view name, double fallback = 0) {
    return offer.number(name, fallback);
  };
  const auto text = [&](std::string_view name) -> const std::string& { return offer.fact(name); };
  const auto product = [&](const std::string& id) {
    return id.empty() ? kNoId : pools.products.intern(id);
  };
  const auto time = [&](const char* name) {
    const double t = measure(name, kNaN);
    return std::isnan(t) ? kNoTime : static_cast<std::int64_t>(t);
  };
  OfferSums o;
  o.rec = pools.recs.intern(rec);
  OfferFacts& f = o.facts;
  f.impressions = static_cast<std::uint64_t>(measure("impressions"));
  f.tracked = f.impressions > 0;
  const std::string type = text("type");
  f.type = type == "upsell"   ? OfferType::upsell
           : type == "bundle" ? OfferType::bundle
                              : OfferType::cross_sell;
  if (!text("placement").empty()) f.placement = pools.labels.intern(text("placement"));
  f.several_placements = measure("several_placements") != 0;
  f.anchor = product(text("anchor"));
  f.offered = product(text("offered"));
  f.accepted = static_cast<std::uint64_t>(measure("accepted"));
  f.orders = static_cast<std::uint64_t>(measure("orders"));
  f.lines = static_cast<std::uint64_t>(measure("lines"));
  f.revenue = measure("revenue");
  f.margin = measure("margin");
  f.lines_without_cost = static_cast<std::uint64_t>(measure("lines_without_cost"));
  f.first_shown = time("first_shown");
  f.last_shown = time("last_shown");
  o.margin = RatioMoments::from_sums(measure("margin_n"), measure("margin_sum_m"),
                                     measure("margin_sum_d"), measure("margin_sum_mm"),
                                     measure("margin_sum_dd"), measure("margin_sum_md"));
  o.exposed_orders = measure("exposed_orders");
  o.anchor_price = measure("anchor_price", kNaN);
  o.anchor_cost = measure("anchor_cost", kNaN);
  o.offered_price = measure("offered_price", kNaN);
  o.offered_cost = measure("offered_cost", kNaN);
  for (const std::string& arm : offer.arms) {
    const auto found = std::find(arms.begin(), arms.end(), arm);
    if (found != arms.end() && found - arms.begin() < 64)
      o.arms |= std::uint64_t{1} << (found - arms.begin());
  }
  for (const auto& [key, sums] : offer.groups) {
    OfferGroupSums g;
    g.label = pools.labels.intern(key.substr(key.find(':') + 1));
    // Acceptance's Σ impressions and Σ impressions² are the margin's: the units it was not
    // shown in add no impressions.
    const auto& group = sums;  // (a structured binding cannot be captured before C++20's clang 16)
    const auto m = [&](std::string_view name) { return group_measure(group, name); };
    g.acceptance =
        RatioMoments::from_sums(m("acceptance_n"), m("acceptance_sum_m"), m("margin_sum_d"),
                                m("acceptance_sum_mm"), m("margin_sum_dd"), m("acceptance_sum_md"));
    g.margin = RatioMoments::from_sums(m("margin_n"), m("margin_sum_m"), m("margin_sum_d"),
                                       m("margin_sum_mm"), m("margin_sum_dd"), m("margin_sum_md"));
    g.impressions = static_cast<std::uint64_t>(m("margin_sum_d"));
    g.accepted = static_cast<std::uint64_t>(m("acceptance_sum_m"));
    g.converted = static_cast<std::uint64_t>(m("converted"));
    (key.rfind("segment:", 0) == 0 ? o.by_segment : o.by_channel).push_back(g);
  }
  return o;
}

// The offers section: offers by rec_id (then by impressions, as the engine sorts them), arms
// as the experiment orders them.
OffersResult offers_of(const Aggregates& aggregates, const ExperimentSums& experiment_sums,
                       const ExperimentResult& experiment, const Settings& settings, Store& names) {
  const OffersAggregates& offers = aggregates.offers;
  if (offers.offers.empty()) {
    OffersResult result;
    result.reason = "no offer was read";
    return result;
  }
  OffersSums sums;
  sums.costs_known = offers.costs_known;
  for (const auto& [rec, offer] : offers.offers)
    sums.offers.push_back(offer_sums_of(rec, offer, experiment_sums.arms, names));
  OfferArms arms;
  arms.names = experiment_sums.arms;
  arms.has_control = experiment_sums.has_control;
  arms.sessions = aggregates.summary.has_sessions;
  const Pools& pools = names.pools;
  arms.conversions = [&offers, &pools, &arms](int arm, std::uint32_t placement, bool by_segment,
                                              std::uint32_t label) {
    const std::string group =
        (by_segment ? "segment:" : "channel:") + std::string(pools.labels.view(label));
    const std::string where(pools.labels.view(placement));
    const auto cell = [&](const std::string& arm_name) {
      const auto found = offers.placement_groups.find({where, group, arm_name});
      return found == offers.placement_groups.end() ? std::pair<double, double>{0, 0}
                                                    : found->second;
    };
    const auto control = cell(arms.names.front());
    const auto compared = cell(arms.names[static_cast<std::size_t>(arm)]);
    return ConversionCounts{control.second, control.first, compared.second, compared.first};
  };
  return offers_from_sums(sums, arms, names.pools, experiment, settings);
}

}  // namespace

Report report_from_aggregates(const Aggregates& aggregates, const Settings& settings,
                              Store& names) {
  Report report;
  report.inputs = aggregates.tables;
  report.settings = settings;
  report.summary = summary_from_sums(aggregates.summary, settings.confidence);
  const std::string absent = "not in the aggregates file: format " +
                             std::to_string(aggregates.version) +
                             " carries the summary, the experiment" +
                             (aggregates.version >= 2 ? ", the dimensions, the offers" : "") +
                             (aggregates.version >= 3 ? ", the baskets, customer value" : "") +
                             " and the tables' row accounts; read the raw files for this section";
  if (aggregates.dimensions.present) {
    report.dimensions = dimensions_of(aggregates.dimensions);
  } else {
    report.dimensions.reason = absent;
  }
  const ExperimentSums experiment_sums = experiment_sums_of(aggregates, settings);
  if (aggregates.experiment.present) {
    report.experiment = experiment_from_sums(experiment_sums, settings);
  } else {
    report.experiment.reason = absent;
  }
  if (aggregates.offers.present) {
    report.offers = offers_of(aggregates, experiment_sums, report.experiment, settings, names);
    report.accepted_derived = aggregates.offers.accepted_derived;
  } else {
    report.offers.reason = aggregates.version >= 2
                               ? "not in the aggregates file: its query was written without an "
                                 "offers table (basketlift sql --offers TABLE)"
                               : absent;
  }
  if (aggregates.ltv.present) {
    report.ltv = ltv_of(aggregates.ltv, settings);
  } else {
    report.ltv.reason = absent;
  }
  if (aggregates.baskets.present) {
    report.basket = baskets_of(aggregates.baskets, aggregates.offers, settings, names);
  } else {
    report.basket.reason = absent;
  }
  if (aggregates.trends.present) {
    report.trends =
        trends_of(aggregates.trends, aggregates.experiment.present ? &experiment_sums : nullptr,
                  aggregates.experiment.costs_known, settings, names);
  } else {
    report.trends.reason = "not in the aggregates file: format " +
                           std::to_string(aggregates.version) +
                           " has no sums by day (format 4 does); run basketlift sql again for them";
  }
  gaps::add_file_checks(report.data_gaps.checks, report.inputs, settings);
  add_ga4_checks(report.data_gaps.checks, aggregates.ga4, settings,
                 aggregates.tables.empty() ? std::string() : aggregates.tables.front().file);
  if (std::optional<GapCheck> gap = tracking_gap_check(report.trends, settings)) {
    std::vector<GapCheck>& checks = report.data_gaps.checks;
    checks.insert(std::find_if(checks.begin(), checks.end(),
                               [&](const GapCheck& c) { return c.severity < gap->severity; }),
                  std::move(*gap));
  }
  report.alerts =
      experiment_and_offer_alerts(report.experiment, report.offers, names, settings.alpha());
  for (Alert& alert : trend_alerts(report.trends, names))
    report.alerts.push_back(std::move(alert));
  for (Alert& alert : data_gap_alerts(report.data_gaps))
    report.alerts.push_back(std::move(alert));
  sort_alerts(report.alerts);
  return report;
}

}  // namespace basketlift
