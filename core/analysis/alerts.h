// The short list a merchant reads first (SPEC §3.8), each alert pointing at its evidence.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/experiment.h"
#include "analysis/offers.h"

namespace basketlift {

/// How urgent an alert (or data gap) is.
enum class Severity : std::uint8_t { info, warning, critical };
/// Stable name ("critical").
const char* severity_name(Severity severity);

/// One alert.
struct Alert {
  std::string kind;    ///< cvr_drop, margin_drop, sample_ratio_mismatch, pre_period_imbalance,
                       ///< unprofitable_offer, retire, offer_hurts_segment, offer_changed, data_gap
  Severity severity;   ///< how urgent
  std::string title;   ///< one line for the merchant
  std::string detail;  ///< the figures behind it
  std::string evidence;  ///< JSON pointer into the report ("/experiment/comparisons/3/metrics/0")
};

/// Alerts from the experiment and the offers (data-gap alerts are added by the caller);
/// `alpha` is the significance level of the offers' segment tests.
std::vector<Alert> experiment_and_offer_alerts(const ExperimentResult& experiment,
                                               const OffersResult& offers, const Store& store,
                                               double alpha);

/// Sorts alerts: critical first, then warning, then info (stable within a severity).
void sort_alerts(std::vector<Alert>& alerts);

}  // namespace basketlift
