// The GA4 rows of an aggregates file (basketlift sql --source ga4): how purchase items were
// matched to the lists they were bought from, items shown without a list, and lists read as
// cross-sells for want of a type — and the data gaps they make.
#include <algorithm>
#include <string>

#include "warehouse/aggregates.h"

namespace basketlift {

namespace {

constexpr const char* kGa4Measures[] = {
    "purchase_items",      "by_list",      "by_follow", "shown", "shown_without_list",
    "untyped_impressions", "untyped_lists"};

// "1,234" for a count.
std::string count_text(double count) {
  std::string digits = std::to_string(static_cast<long long>(count));
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

}  // namespace

bool is_ga4_row(std::string_view kind) {
  return kind == "ga4";
}

std::optional<RowProblem> read_ga4_row(Ga4Aggregates& ga4, const std::string& kind,
                                       const std::string& scope, const std::string& key,
                                       const std::string& measure, const std::string& value) {
  (void)kind;
  (void)scope;
  ga4.present = true;
  if (measure == "untyped_list") {
    if (key.empty()) return RowProblem{"key", "a list without a type needs its id"};
    ga4.untyped_lists.push_back(key);
    return std::nullopt;
  }
  for (const char* known : kGa4Measures) {
    if (measure == known) return row_number(value, ga4.counts[measure]);
  }
  return RowProblem{"measure", "'" + measure + "' is not a GA4 measure"};
}

void add_ga4_checks(std::vector<GapCheck>& checks, const Ga4Aggregates& ga4,
                    const Settings& settings, const std::string& file) {
  if (!ga4.present) return;
  const auto count = [&](const char* name) {
    const auto found = ga4.counts.find(name);
    return found == ga4.counts.end() ? 0.0 : found->second;
  };
  const double shown = count("shown"), unlisted = count("shown_without_list");
  if (unlisted > 0) {
    GapCheck check{"ga4_items_without_list",
                   "Items of view_item_list or view_promotion events without an item_list_id",
                   Severity::info,
                   unlisted,
                   "items",
                   unlisted / (unlisted + shown),
                   "items shown in lists",
                   {},
                   "not read as offer impressions: the offers they belong to look shown less "
                   "often than they were",
                   "Tag every recommendation list in GA4: item_list_id (and item_list_name) on "
                   "the view_item_list event or its items, promotion_id on view_promotion."};
    check.severity = gaps::severity_for(check.share, settings, Severity::warning);
    checks.push_back(std::move(check));
  }
  if (const double untyped = count("untyped_impressions"); untyped > 0) {
    GapCheck check{"ga4_lists_without_type",
                   count_text(count("untyped_lists")) +
                       " lists read as cross-sells: GA4 does not carry an offer's type",
                   Severity::info,
                   untyped,
                   "impressions",
                   shown > 0 ? untyped / shown : 0,
                   "impressions",
                   {},
                   "an upsell read as a cross-sell counts its whole price, not the difference "
                   "to the product it replaces, as the value it brought",
                   "Name each list's type: basketlift sql --ga4-lists lists.json with "
                   "{\"pdp_upsell\": \"upsell\", \"cart_cross_sell\": \"cross_sell\"}."};
    for (const std::string& list : ga4.untyped_lists) {
      if (check.examples.size() < 5) check.examples.push_back({file, 0, list});
    }
    // A warning at most: the offers are all there, only their value may be overstated.
    check.severity = std::min(gaps::severity_for(check.share, settings), Severity::warning);
    checks.push_back(std::move(check));
  }
  const double purchases = count("purchase_items");
  const double by_list = count("by_list"), by_follow = count("by_follow");
  if (purchases > 0) {
    checks.push_back(
        {"ga4_purchase_lists",
         "Purchase items matched to a list: " + count_text(by_list) + " by their item_list_id, " +
             count_text(by_follow) + " by a select_item or add_to_cart from a list before",
         Severity::info, by_list + by_follow, "purchase items", (by_list + by_follow) / purchases,
         "purchase items", std::vector<GapExample>{},
         "the other " + count_text(purchases - by_list - by_follow) +
             " count as bought without an offer; a purchase is matched to a pick only within "
             "the attribution window",
         "GA4 does not carry the list onto purchase items by itself: pass item_list_id on them "
         "to match every one directly."});
  }
}

}  // namespace basketlift
