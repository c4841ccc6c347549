// The simulator's JSON: baselines typed in or taken from a report, scenarios, and results.
// Formats are documented in core/sim/README.md.
#pragma once

#include <string>
#include <string_view>

#include "sim/report_facts.h"
#include "sim/simulator.h"
#include "util/status.h"

namespace basketlift::sim {

/// How a report's offers become groups: one per offer, per type × placement cell, or per offer
/// × segment (to target an offer at some shoppers).
enum class Grouping : std::uint8_t { offer, type_placement, offer_segment };

/// A baseline typed in by hand: {"currency", "store": {...}, "groups": [...]}.
Result<Baseline> baseline_from_json(std::string_view json);
/// A baseline from a report's facts (its summary and tracked offers), one group per offer, per
/// cell or per offer × segment.
Result<Baseline> baseline_from_facts(const ReportFacts& facts, Grouping grouping);
/// A baseline from a report's JSON (read strictly: see report_facts_from_json).
Result<Baseline> baseline_from_report(std::string_view report_json, Grouping grouping);
/// The scenario's "grouping" (offer when not given).
Result<Grouping> grouping_of(std::string_view scenario_json);
/// Either of the two, told apart by their keys; the scenario's "grouping" picks the cells.
Result<Baseline> baseline_from_any(std::string_view json, std::string_view scenario_json);
/// Sets the scenario's knobs ({"volume", "all": {...}, "groups": {"id": {...}}}).
Status apply_scenario(std::string_view scenario_json, Simulator& simulator);
/// The result of the last run, with the sensitivity of each knob, as JSON.
std::string simulation_json(Simulator& simulator, bool pretty = false);
/// Sets a baseline group's acceptance range to the Wilson interval (at `confidence`, 95% for
/// typed-in baselines, the report's setting for reports) of `takes` out of `exposed` orders
/// ([0, 0] without exposure), for baselines that give none.
void set_wilson_interval(Group& group, double takes, double exposed, double confidence = 0.95);
/// Baseline (typed or report) + scenario in, simulation JSON out.
Result<std::string> simulate_json(std::string_view baseline_json, std::string_view scenario_json,
                                  bool pretty = false);
/// A baseline already built (e.g. Engine::simulation_baseline) + scenario in, simulation JSON out.
Result<std::string> simulate_json(Baseline baseline, std::string_view scenario_json,
                                  bool pretty = false);

}  // namespace basketlift::sim
