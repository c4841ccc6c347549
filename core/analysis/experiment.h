// Control vs optimised arms (SPEC §3.3): every arm against control, overall and within each
// placement, channel and segment, with SRM checks, capping, adjusted p-values and power.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/cuped.h"
#include "analysis/experiment_units.h"
#include "analysis/moments.h"
#include "analysis/stat_tests.h"

namespace basketlift {

/// The sample-ratio check of one slice.
struct SrmCheck {
  bool checked = false;   ///< false when an arm has fewer units than settings.srm_min_units
  std::string reason;     ///< why it was not checked
  double p_value = kNaN;  ///< chi-square goodness-of-fit p-value
  bool mismatch = false;  ///< p < srm_alert_p in a slice fixed before assignment: untrustworthy
  /// p < srm_alert_p in a placement slice. Seeing an offer at a placement happens after
  /// assignment, and the arm itself may change who gets there (e.g. fewer reach checkout), so
  /// this is reported, not treated as a broken split.
  bool exposure_differs = false;
  std::vector<double> units;     ///< observed units per arm (arm order)
  std::vector<double> expected;  ///< expected units per arm
};

/// One metric of one arm against control.
struct MetricResult {
  std::string metric;        ///< cvr, aov, rpv, margin_per_session, acceptance_rate
  std::string family;        ///< "guardrail" (cvr) or "primary"
  Comparison comparison;     ///< the test
  double adjusted_p = kNaN;  ///< p-value adjusted within the family
  bool significant = false;  ///< adjusted_p < alpha
  Power power;               ///< minimum detectable effect, sessions still needed
  CupedEstimate cuped;       ///< adjusted for the pre-period ("all" slice only; else not computed)
};

/// One arm against control within one slice.
struct ArmComparison {
  std::string slice_kind;                     ///< "all", "placement", "channel" or "segment"
  std::string slice;                          ///< the slice's value ("checkout"); empty for "all"
  std::string arm;                            ///< the compared arm
  double units_control = 0, units_arm = 0;    ///< units in the slice
  double orders_control = 0, orders_arm = 0;  ///< orders in the slice
  SrmCheck srm;                               ///< the slice's sample-ratio check
  std::vector<MetricResult> metrics;          ///< one per available metric
};

/// Totals of one arm over all its units.
struct ArmTotals {
  std::string arm;  ///< name
  double units = 0, converted = 0, orders = 0, revenue = 0, margin = 0, impressions = 0,
         accepted = 0;
};

/// The experiment section.
struct ExperimentResult {
  bool available = false;                  ///< false: no arms to compare (see reason)
  std::string reason;                      ///< why unavailable
  UnitKind unit = UnitKind::session;       ///< the randomisation unit
  std::string control;                     ///< control arm's name
  std::vector<ArmTotals> arms;             ///< control first
  std::uint64_t untagged_units = 0;        ///< units without an arm (left out)
  std::uint64_t orders_outside_units = 0;  ///< orders whose session is not a unit
  std::vector<std::pair<std::string, std::string>> unavailable_metrics;  ///< metric → why
  bool capped = false;                                                   ///< capping in force
  Interval revenue_cap, margin_cap;  ///< the caps applied (low is NaN for upper capping)
  std::uint64_t primary_family_size = 0, guardrail_family_size = 0;  ///< tests adjusted together
  std::vector<ArmComparison> comparisons;                            ///< "all" slices first
  bool cuped = false;        ///< the "all" slice's metrics carry pre-period adjusted estimates
  std::string cuped_reason;  ///< why they do not (empty when cuped)
  std::uint64_t cuped_pre_period_days = 0;       ///< the pre-period's length in force
  std::vector<BalanceCheck> pre_period_balance;  ///< the arms before the test (when cuped)
};

/// Sums over one arm's units within one slice: what the tests need.
struct ArmStats {
  double units = 0, converted = 0, orders = 0;  ///< counts
  Moments revenue, margin;                      ///< per unit (capped when capping is on)
  RatioMoments aov;                             ///< revenue over orders, units with an order
  RatioMoments acceptance;                      ///< accepted over impressions, units shown an offer

  /// Adds another group of units of the same arm.
  void merge(const ArmStats& other);
};

/// One slice's sums per arm (arm order of ExperimentSums::arms).
struct SliceStats {
  std::string kind;            ///< "all", "placement", "channel" or "segment"
  std::string value;           ///< the slice's value; empty for "all"
  std::vector<ArmStats> arms;  ///< one per arm
};

/// Everything the experiment section is computed from: what a warehouse query can give
/// instead of units (warehouse/aggregates.h).
struct ExperimentSums {
  UnitKind unit = UnitKind::session;       ///< the randomisation unit
  std::vector<std::string> arms;           ///< arm names, control first when present
  bool has_control = false;                ///< an arm is named settings.control_arm
  std::uint64_t untagged_units = 0;        ///< units without an arm
  std::uint64_t orders_outside_units = 0;  ///< sale orders whose session is not a unit
  bool costs_known = false;                ///< some order has a margin
  Interval revenue_cap, margin_cap;        ///< caps applied (NaN bounds: none)
  std::vector<ArmTotals> totals;           ///< per arm, uncapped
  std::vector<SliceStats> slices;          ///< "all" first
  CupedSums cuped;                         ///< the pre-period adjustment's sums (all units)
};

/// Adds unit `unit` to its arm's sums, revenue and margin clamped to the caps (a NaN bound: none).
void add_unit(ArmStats& stats, const ExperimentUnits& u, std::size_t unit,
              const Interval& revenue_cap, const Interval& margin_cap);

/// The sample-ratio check of one slice's units per arm (names in arm order) against
/// settings.expected_split; `exposure_slice`: a placement, reached after assignment.
SrmCheck check_srm(const std::vector<ArmStats>& arms, const std::vector<std::string>& names,
                   const Settings& s, bool exposure_slice);

/// Everything experiment_sums gives but the slices: arms, caps (from settings.capping) and the
/// arms' totals.
ExperimentSums experiment_frame(const AnalysisContext& ctx, const ExperimentUnits& units);

/// Sums the units per arm and slice (caps from settings.capping applied).
ExperimentSums experiment_sums(const AnalysisContext& ctx, const ExperimentUnits& units);

/// The experiment section from its sums.
ExperimentResult experiment_from_sums(const ExperimentSums& sums, const Settings& settings);

/// Runs the experiment analysis: experiment_sums, then experiment_from_sums.
ExperimentResult analyze_experiment(const AnalysisContext& ctx, const ExperimentUnits& units);

}  // namespace basketlift
