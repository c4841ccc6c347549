// Which analyses the uploaded data supports: full, partial or none, and why.
#include <algorithm>
#include <cmath>

#include "analysis/data_gaps.h"

namespace basketlift::gaps {

namespace {

bool found(const std::vector<GapCheck>& checks, const char* id) {
  return std::any_of(checks.begin(), checks.end(), [&](const GapCheck& c) { return c.id == id; });
}

}  // namespace

std::vector<Readiness> readiness(const AnalysisContext& ctx, const Summary& summary,
                                 const ExperimentUnits& units,
                                 const std::vector<GapCheck>& checks) {
  const Store& store = ctx.store;
  std::vector<Readiness> out;
  const auto add = [&](const char* analysis, bool none, const std::string& none_reason,
                       bool partial, const std::string& partial_reason) {
    out.push_back({analysis,
                   none      ? "none"
                   : partial ? "partial"
                             : "full",
                   none      ? none_reason
                   : partial ? partial_reason
                             : ""});
  };
  const bool orders = summary.orders > 0;
  add("revenue_and_aov", !orders || !summary.revenue.value,
      orders ? summary.revenue.unavailable : "no orders",
      found(checks, "missing_prices") || !summary.other_currencies.empty(),
      "some lines have no price, or orders in other currencies are left out");
  add("margin", !summary.margin.value,
      summary.margin.unavailable.empty() ? "no cost is known" : summary.margin.unavailable,
      summary.margin_revenue_share.value && *summary.margin_revenue_share.value < 1,
      "some revenue has no cost (see missing_cost)");
  add("conversion_rate", store.sessions.size() == 0, "no sessions file",
      found(checks, "orders_unknown_session"),
      "some orders' sessions are missing from the sessions file");
  add("experiment", units.arm_labels.size() < 2,
      units.arm_labels.empty() ? "no variant tags" : "fewer than two arms",
      units.kind != UnitKind::session || units.untagged > 0,
      units.kind != UnitKind::session ? "without sessions only AOV can be compared"
                                      : "some sessions carry no variant");
  add("offer_acceptance", store.impressions.size() == 0, "no offers file",
      found(checks, "untracked_rec_ids"), "some rec_ids on order lines have no impressions");
  add("offer_profitability", store.impressions.size() == 0 || !summary.margin.value,
      store.impressions.size() == 0 ? "no offers file" : "no cost is known",
      found(checks, "missing_cost") || found(checks, "impressions_unknown_products"),
      "some offer lines have no cost");
  add("basket_mining", !orders, "no orders",
      found(checks, "missing_product_mapping") || found(checks, "missing_catalogue"),
      "category pairs and margins need the catalogue");
  add("customer_value", store.pools.customers.size() == 0, "orders carry no customer_id",
      found(checks, "unparsable_timestamps"), "some orders have no readable time");
  add("dimensions", !orders, "no orders", store.impressions.size() == 0,
      "offer figures need the offers file");
  return out;
}

}  // namespace basketlift::gaps
