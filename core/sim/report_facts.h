// What the simulator takes from a report — the store's totals and each tracked offer's figures —
// read from the typed report an engine keeps, or strictly from a saved report's JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"
#include "util/status.h"

namespace basketlift::sim {

/// An offer's figures in one segment (by_segment[] of the report).
struct SegmentFacts {
  std::string segment;                 ///< the segment's name
  double sessions = 0;                 ///< sessions (or orders) it was shown in there
  double conversion_rate = kNoNumber;  ///< share of those that bought (NaN: no sessions table)
  double impressions = 0;              ///< impressions there
  double accepted = 0;                 ///< of which taken
};

/// What an offer (or a cell of offers, summed) brought where it was shown.
struct OfferFigures {
  OfferType type = OfferType::cross_sell;                      ///< how a take adds value
  double exposed_orders = 0;                                   ///< orders placed where it was shown
  double takes = 0;                                            ///< orders with its lines
  double revenue = 0, margin = 0;                              ///< value and margin of its lines
  double anchor_price = kNoNumber, anchor_cost = kNoNumber;    ///< anchor's catalogue figures
  double offered_price = kNoNumber, offered_cost = kNoNumber;  ///< offered product's figures
};

/// A tracked offer's figures.
struct OfferFacts {
  std::string rec_id;                  ///< the offer
  std::string placement;               ///< its placement ("" when none)
  OfferFigures figures;                ///< what it brought
  std::vector<SegmentFacts> segments;  ///< by the shoppers' segment
};

/// The store's totals and its tracked offers.
struct ReportFacts {
  std::string currency;            ///< the main currency ("" when none was given)
  double orders = 0;               ///< orders the money figures cover
  double revenue = kNoNumber;      ///< their revenue (NaN: no prices)
  double margin = kNoNumber;       ///< their margin (NaN: no costs)
  double confidence = 0.95;        ///< settings.confidence: the acceptance ranges' level
  std::vector<OfferFacts> offers;  ///< tracked offers, in the report's order
};

/// The facts of a typed report (names come from `store`).
ReportFacts report_facts(const Report& report, const Store& store);
/// The facts of a report's JSON; a field the report schema requires that is missing or of the
/// wrong type is an error naming it, never a silent default.
Result<ReportFacts> report_facts_from_json(std::string_view report_json);

}  // namespace basketlift::sim
