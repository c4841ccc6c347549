// Offer profitability and the retire list (SPEC §3.4).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/experiment.h"
#include "analysis/offer_groups.h"

namespace basketlift {

/// How an offer pays.
enum class OfferClass : std::uint8_t { profitable, unprofitable, inconclusive };
/// Stable name ("unprofitable").
const char* offer_class_name(OfferClass c);

/// Which rule put an offer on the retire list (SPEC §3.4).
enum class RetireRule : std::uint8_t {
  none,            ///< not retired
  unprofitable,    ///< its verdict is unprofitable
  low_acceptance,  ///< well measured, rarely taken, and no margin provably above zero
};
/// Stable name ("low_acceptance"); "none" for offers that stay.
const char* retire_rule_name(RetireRule rule);

/// One offer's figures and verdict.
struct OfferResult {
  std::uint32_t rec = kNoId;               ///< Pools::recs id
  bool tracked = false;                    ///< impressions were given for it
  OfferType type = OfferType::cross_sell;  ///< type (when tracked)
  std::uint32_t placement = kNoId;         ///< Pools::labels id of its (first) placement
  bool several_placements = false;         ///< shown at more than one placement
  std::uint32_t anchor = kNoId;            ///< product index of its anchor
  std::uint32_t offered = kNoId;           ///< product index of the (first) offered product
  std::uint64_t impressions = 0;           ///< showings
  std::uint64_t accepted = 0;              ///< taken showings
  double acceptance_rate = kNaN;           ///< accepted / impressions
  Interval acceptance_ci;                  ///< Wilson interval
  std::uint64_t orders = 0;                ///< orders with its lines
  double revenue = 0;                      ///< value of its lines (upsells: price difference)
  double margin = 0;                       ///< margin of its lines (upsells: margin difference)
  std::uint64_t lines_without_cost = 0;    ///< lines left out of the margin
  double units = 0;                        ///< sessions (or orders) it was shown in
  double exposed_orders = 0;  ///< orders placed in the sessions (or orders) it was shown in
  double anchor_price = kNaN, anchor_cost = kNaN;  ///< catalogue price and cost of the anchor
  double offered_price = kNaN,
         offered_cost = kNaN;           ///< catalogue price and cost of the offered product
  double margin_per_impression = kNaN;  ///< margin / impressions
  Interval margin_per_impression_ci;    ///< delta-method interval over units
  OfferClass verdict = OfferClass::inconclusive;  ///< profitable / unprofitable / inconclusive
  std::string reason;                             ///< the verdict in a sentence
  double impressions_needed = kNaN;  ///< more impressions needed for a verdict (inconclusive)
  std::string experiment_evidence;   ///< the experiment comparison behind an "unprofitable" verdict
  bool retire = false;               ///< on the retire list
  RetireRule retire_rule = RetireRule::none;  ///< which rule retired it
  std::string retire_reason;                  ///< why, in a sentence
  std::string note;          ///< advice that is not a verdict (a profitable offer rarely taken)
  double days_shown = kNaN;  ///< days from its first to its last dated impression
  double margin_per_month = kNaN;  ///< its margin per 30.44 days at the traffic it had
  int isolating_arm = -1;  ///< ExperimentUnits::arm_labels index of the arm it alone sets apart
                           ///< from control at its placement (−1: the experiment does not)
  OfferGroups by_segment;  ///< by the shoppers' segment
  OfferGroups by_channel;  ///< by the shoppers' channel
};

/// The offers section.
struct OffersResult {
  bool available = false;           ///< false without offers (see reason)
  std::string reason;               ///< why unavailable
  std::vector<OfferResult> offers;  ///< most impressions first
  bool costs_known = false;         ///< margins could be computed
};

/// One offer's counts and sums, from which its figures and verdict follow: what a warehouse
/// query can give instead of rows (warehouse/aggregates.h).
struct OfferSums {
  std::uint32_t rec = kNoId;  ///< Pools::recs id
  OfferFacts facts;           ///< impressions, acceptances, its lines' value and margin
  RatioMoments margin;        ///< (margin, impressions) per unit it was shown or sold in
  double exposed_orders = 0;  ///< orders placed in the units it was shown in
  double anchor_price = kNaN, anchor_cost = kNaN;    ///< catalogue price and cost of the anchor
  double offered_price = kNaN, offered_cost = kNaN;  ///< the same of the offered product
  std::uint64_t arms = 0;  ///< bit a set: arm a (OfferArms::names) showed it (first 64 arms)
  std::vector<OfferGroupSums> by_segment, by_channel;  ///< its sums per group of shoppers
};

/// The experiment as the offers section reads it.
struct OfferArms {
  std::vector<std::string> names;  ///< arm names, control first when present
  bool has_control = false;        ///< names[0] is the control arm
  bool sessions = false;           ///< a sessions table was read (conversion is measured)
  ConversionSource conversions;    ///< conversions by group, placement and arm
};

/// Everything the offers section is computed from.
struct OffersSums {
  bool costs_known = false;       ///< some line or product has a cost
  std::vector<OfferSums> offers;  ///< one per offer
};

/// Sums the store's offers (acceptance and units from `ctx`, arms from `units`).
OffersSums offers_sums(const AnalysisContext& ctx, const ExperimentUnits& units);

/// The offers section from its sums; `pools` names placements and arms' labels.
OffersResult offers_from_sums(const OffersSums& sums, const OfferArms& arms, const Pools& pools,
                              const ExperimentResult& experiment, const Settings& settings);

/// Classifies every offer and builds the retire list: offers_sums, then offers_from_sums.
OffersResult analyze_offers(const AnalysisContext& ctx, const ExperimentUnits& units,
                            const ExperimentResult& experiment);

}  // namespace basketlift
