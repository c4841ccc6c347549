// Performance by dimension (SPEC §3.2): orders, revenue, AOV, margin, attach rate and offer
// figures grouped by offer, type, placement, type × placement, channel, segment, product and
// category (top level and full path).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/context.h"
#include "analysis/stat_tests.h"

namespace basketlift {

/// What a dimension's groups partition: whole orders, order lines, or offers.
enum class DimensionBasis : std::uint8_t { orders, lines, offers };

/// The figures of one group.
struct GroupFigures {
  std::string key;           ///< the group's value ("checkout", "(not set)", "(other 12)")
  std::string name;          ///< display name when the key is an id (products), else empty
  double orders = 0;         ///< orders in the group (lines/offers: orders containing it)
  double order_revenue = 0;  ///< revenue of those orders (for AOV)
  double revenue = 0;        ///< orders: order revenue; lines: line revenue; offers: order revenue
  double margin = 0;         ///< margin over lines with known cost, same basis as revenue
  double attached_orders = 0;  ///< orders with a line carrying a rec_id
  double impressions = 0;      ///< offer impressions in the group
  double accepted = 0;         ///< accepted impressions
  double offer_revenue = 0;    ///< value of offer lines (upsells: price difference)
  double offer_margin = 0;     ///< margin of offer lines

  /// revenue / orders of the group's orders.
  double aov() const { return orders > 0 ? order_revenue / orders : kNaN; }
  /// Share of the group's orders with an offer line.
  double attach_rate() const { return orders > 0 ? attached_orders / orders : kNaN; }
  /// accepted / impressions.
  double acceptance_rate() const { return impressions > 0 ? accepted / impressions : kNaN; }
  /// Offer margin per 1,000 impressions.
  double margin_per_1000_impressions() const {
    return impressions > 0 ? 1000 * offer_margin / impressions : kNaN;
  }
};

/// One dimension: its groups (largest first, the tail summed into one "(other N)" group) and
/// the total over all groups.
struct Dimension {
  std::string name;                  ///< "channel", "type_placement", ...
  DimensionBasis basis;              ///< what the groups partition
  std::vector<GroupFigures> groups;  ///< at most settings.max_dimension_groups + 1
  GroupFigures total;                ///< the whole data
  std::uint64_t group_count = 0;     ///< distinct groups before the tail was summed
};

/// The dimensions section.
struct DimensionsResult {
  bool available = false;  ///< false without orders
  std::string reason;      ///< why unavailable
  std::vector<Dimension> dimensions;
};

/// Computes every dimension.
DimensionsResult analyze_dimensions(const AnalysisContext& ctx);

/// Names of the measures that add up over a basis's groups to the total.
std::vector<const char*> additive_measures(DimensionBasis basis);

}  // namespace basketlift
