// What each offer did in each unit (session, else order) it was shown in: the units the offer
// analyses measure on, since impressions cluster within sessions (SPEC §3.3, §3.4).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/context.h"

namespace basketlift {

/// One offer in one unit.
struct OfferUnit {
  std::uint32_t rec = kNoId;      ///< Pools::recs id
  std::uint32_t impressions = 0;  ///< its impressions in the unit
  std::uint64_t unit = 0;         ///< see OfferUnitKey
  std::uint32_t accepted = 0;     ///< of which taken
  double margin = 0;              ///< margin its order lines brought in the unit
};

/// How OfferUnit::unit names a unit: a Pools::sessions id below kOrderUnitBase, an order index
/// plus kOrderUnitBase (an order without a session), or an impression index plus
/// kImpressionUnitBase (an impression with neither).
constexpr std::uint64_t kOrderUnitBase = std::uint64_t{1} << 32;
/// See kOrderUnitBase.
constexpr std::uint64_t kImpressionUnitBase = std::uint64_t{1} << 33;
/// OfferUnits::of_windows: added to the unit of a pair in the later window.
constexpr std::uint64_t kLaterWindowBase = std::uint64_t{1} << 34;

/// The (offer, unit) pairs with impressions or offer margin, one offer at a time: all of them
/// at once would take 32 bytes an impression, more than the store holds for it.
class OfferUnits {
 public:
  /// Groups the impressions, and the order lines with a rec_id and a margin, by offer.
  explicit OfferUnits(const AnalysisContext& ctx);
  /// The pairs of offer `rec`, by unit; valid until the next call.
  const std::vector<OfferUnit>& of(std::uint32_t rec);
  /// The pairs of offer `rec` over rows dated in (start, split] (the earlier window) or
  /// (split, end] (the later: kLaterWindowBase added to the unit), one per unit and window, the
  /// earlier window's first; an impression by its time, a line by its order's. Valid until the
  /// next call.
  const std::vector<OfferUnit>& of_windows(std::uint32_t rec, std::int64_t start,
                                           std::int64_t split, std::int64_t end);
  /// Indexes of the impressions of offer `rec`, in the store's order.
  std::span<const std::uint32_t> impressions_of(std::uint32_t rec) const {
    return {impressions_.data() + impression_begin_[rec],
            impressions_.data() + impression_begin_[rec + 1]};
  }

 private:
  const AnalysisContext& ctx_;
  std::vector<std::uint32_t> impression_begin_;  // impressions_ of offer r: [begin[r], begin[r+1])
  std::vector<std::uint32_t> impressions_;
  std::vector<std::uint32_t> line_begin_;  // the same for order lines
  std::vector<std::uint32_t> lines_;
  std::vector<OfferUnit> units_;  // the last offer's pairs

  // The pairs of `rec` over the rows `window(time)` keeps (−1: leave out; 1: the later window).
  template <typename Window>
  const std::vector<OfferUnit>& collect(std::uint32_t rec, Window window);
};

/// The unit of order o: its session, else the order itself.
std::uint64_t order_unit(const Store& store, std::uint32_t o);

struct ExperimentUnits;

/// Per offer, the arms whose impressions showed it: bit a for units.arm_labels[a] (first 64).
std::vector<std::uint64_t> arms_showing(const AnalysisContext& ctx, const ExperimentUnits& units);

/// Orders placed in the sessions (or orders) where an offer was shown, from its impressions;
/// `seen` is scratch.
double exposed_orders(const AnalysisContext& ctx, std::span<const std::uint32_t> impressions,
                      std::vector<std::uint64_t>& seen);

/// Who a unit's shopper is and whether the unit bought.
struct UnitProfile {
  std::uint32_t segment = kNoId;  ///< Pools::labels id: the session's, else its orders'
  std::uint32_t channel = kNoId;  ///< Pools::labels id: the session's, else its orders'
  bool converted = false;         ///< the session converted (or an order was placed)
};

/// The profile of a unit named as in OfferUnit.
UnitProfile unit_profile(const AnalysisContext& ctx, std::uint64_t unit);

}  // namespace basketlift
