// Relevance by segment and channel (SPEC §3.4): how each offer does with each group of shoppers,
// measured on sessions as units, and whether the groups differ.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "analysis/offer_units.h"
#include "analysis/stat_tests.h"

namespace basketlift {

struct ExperimentUnits;
struct OfferResult;
struct OffersResult;

/// One offer among the shoppers of one segment (or channel).
struct OfferGroup {
  std::uint32_t label = kNoId;       ///< Pools::labels id of the segment or channel
  double units = 0;                  ///< sessions (or orders) it was shown in
  std::uint64_t impressions = 0;     ///< its impressions there
  std::uint64_t accepted = 0;        ///< of which taken
  double acceptance_rate = kNaN;     ///< accepted / impressions
  Interval acceptance_ci;            ///< delta method over the units
  double margin_per_1000 = kNaN;     ///< offer margin per 1,000 impressions (costs known)
  Interval margin_per_1000_ci;       ///< delta method over the units
  double conversion_rate = kNaN;     ///< share of the units that bought (sessions table only)
  Comparison conversion_vs_control;  ///< CVR of the arm showing it against control, in this
                                     ///< group at its placement (only when the experiment
                                     ///< isolates the offer)
};

/// An offer by segment or by channel, and whether the groups differ.
struct OfferGroups {
  std::vector<OfferGroup> groups;       ///< most impressions first
  Homogeneity acceptance_test;          ///< do the groups take it equally often?
  double acceptance_adjusted_p = kNaN;  ///< Holm across offers
  Homogeneity margin_test;              ///< do they bring the same margin per impression?
  double margin_adjusted_p = kNaN;      ///< Holm across offers
  bool experiment_link = false;  ///< conversion_vs_control measured: the link to conversion is
                                 ///< causal; otherwise conversion_rate is an association
};

/// What one offer's units in one segment (or channel) add up to.
struct OfferGroupSums {
  std::uint32_t label = kNoId;  ///< Pools::labels id of the segment or channel
  RatioMoments acceptance;      ///< (accepted, impressions) per unit it was shown in
  RatioMoments margin;          ///< (margin, impressions) per unit it was shown or sold in
  std::uint64_t impressions = 0, accepted = 0;  ///< totals over the units
  std::uint64_t converted = 0;                  ///< units it was shown in that bought
};

/// Conversions among the experiment's units of one group that saw one placement.
struct ConversionCounts {
  double control_converted = 0, control_units = 0;  ///< in the control arm
  double arm_converted = 0, arm_units = 0;          ///< in the compared arm
};
/// The ConversionCounts of (arm index, placement label, by segment?, group label).
using ConversionSource = std::function<ConversionCounts(int arm, std::uint32_t placement,
                                                        bool by_segment, std::uint32_t label)>;

/// The sums by segment and by channel of one offer's (offer, unit) pairs (each unit's profile
/// looked up once for both).
void offer_group_sums(const AnalysisContext& ctx, const std::vector<OfferUnit>& pairs,
                      std::vector<OfferGroupSums>& by_segment,
                      std::vector<OfferGroupSums>& by_channel);

/// The experiment's conversions by group, counted on its units (each distinct question once).
ConversionSource unit_conversions(const ExperimentUnits& units);

/// An offer's groups from their sums; `sessions`: a sessions table was read (conversion is
/// measured); `conversions` gives the isolating arm's comparison with control.
OfferGroups offer_groups_from_sums(std::vector<OfferGroupSums> sums, const OfferResult& offer,
                                   bool sessions, bool by_segment,
                                   const ConversionSource& conversions, bool costs_known,
                                   double confidence);

/// Holm-adjusts the groups' tests across the offers, once every offer has its groups.
void adjust_offer_groups(OffersResult& offers);

}  // namespace basketlift
