// The experiment's randomisation units (sessions, SPEC §3.3) and what each unit did.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/context.h"

namespace basketlift {

/// What a unit is, depending on the tables given.
enum class UnitKind : std::uint8_t {
  session,        ///< rows of the sessions table: CVR and RPV can be measured
  order_session,  ///< session ids found on orders only: every unit bought, so no CVR
  order,          ///< no session ids at all: each order is its own unit (AOV only)
};

/// Stable name of a unit kind.
const char* unit_kind_name(UnitKind kind);

/// Units with their arm and outcomes, as columns.
struct ExperimentUnits {
  UnitKind kind = UnitKind::order;
  std::vector<std::uint32_t> arm_labels;  ///< Pools::labels id of each arm (control first)
  bool has_control = false;               ///< an arm is named settings.control_arm
  std::vector<std::int16_t> arm;          ///< per unit: index into arm_labels, −1 untagged
  std::vector<std::uint8_t> converted;    ///< per unit: ended in an order
  std::vector<std::uint32_t> orders;      ///< per unit: orders
  std::vector<double> revenue;            ///< per unit: revenue (currency scope)
  /// Per unit: margin over lines with known cost; empty when no cost is given (every margin
  /// is then 0: margin_of).
  std::vector<double> margin;
  /// Per unit: offer impressions and accepted ones; both empty when the store has no
  /// impressions (impressions_of, accepted_of).
  std::vector<std::uint32_t> impressions;
  std::vector<std::uint32_t> accepted;  ///< see `impressions`
  std::vector<std::uint32_t> channel;   ///< per unit: Pools::labels id or kNoId
  std::vector<std::uint32_t> segment;   ///< per unit: Pools::labels id or kNoId
  std::vector<std::uint32_t> customer;  ///< per unit: Pools::customers id or kNoId
  /// Placements seen by unit u: placements[begin[u], begin[u+1]); both empty when the store
  /// has no impressions (placements_of).
  std::vector<std::uint32_t> placement_begin;
  std::vector<std::uint32_t> placements;  ///< Pools::labels ids
  /// Units made of orders (full detail): per unit, its earliest sale order's time (kNoTime:
  /// none dated). Empty for session units, whose time is their session's.
  std::vector<std::int64_t> first_order_time;
  std::uint64_t untagged = 0;              ///< units without an arm
  std::uint64_t orders_outside_units = 0;  ///< sale orders whose session is not a unit

  /// Number of units.
  std::size_t size() const { return arm.size(); }
  /// Margin of unit i.
  double margin_of(std::size_t i) const { return margin.empty() ? 0 : margin[i]; }
  /// Offer impressions of unit i.
  std::uint32_t impressions_of(std::size_t i) const {
    return impressions.empty() ? 0 : impressions[i];
  }
  /// Accepted impressions of unit i.
  std::uint32_t accepted_of(std::size_t i) const { return accepted.empty() ? 0 : accepted[i]; }
  /// The distinct placements unit i saw (Pools::labels ids, ascending).
  std::span<const std::uint32_t> placements_of(std::size_t i) const {
    if (placement_begin.empty()) return {};
    return {placements.data() + placement_begin[i], placement_begin[i + 1] - placement_begin[i]};
  }
};

/// When unit `unit` started: its session's time, or (units made of orders, full detail) its
/// first sale order's; kNoTime when undated.
inline std::int64_t unit_start(const Store& store, const ExperimentUnits& u, std::size_t unit) {
  return u.kind == UnitKind::session ? store.sessions.time[unit] : u.first_order_time[unit];
}

/// How much of each unit build_units fills.
enum class UnitDetail : std::uint8_t {
  full,  ///< arms and every outcome column (the experiment and offer analyses)
  arms,  ///< kind, arms, `arm` and `untagged` only (the data-gap checks); outcome columns empty
};

/// Builds the units from the context.
ExperimentUnits build_units(const AnalysisContext& ctx, UnitDetail detail = UnitDetail::full);

}  // namespace basketlift
