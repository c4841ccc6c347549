// Adapters between Embind and the simulator: a fast path for sliders (knobs and results as
// doubles in wasm memory, no JSON per run) and a one-shot JSON call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine_adapter.h"
#include "sim/simulator.h"

namespace basketlift::wasm {

/// Baseline (report or typed in) + scenario in, projection JSON out.
TextResult simulate(const std::string& baseline_json, const std::string& scenario_json);

/// A simulator held in wasm memory. JS writes knobs straight into knobs() (a Float64Array view),
/// calls run(), and reads results() — no allocation and no JSON per run.
///
/// results() layout (doubles): the store totals for baseline, scenario, delta, range low and
/// range high, each as orders, revenue, aov, margin, profit (25 values); then per group:
/// scenario revenue, scenario margin, delta profit, break-even acceptance (4 values).
class WasmSimulator {
 public:
  /// Loads a baseline; the scenario's "grouping" picks offers or type × placement cells.
  CallResult load(const std::string& baseline_json, const std::string& scenario_json);
  /// Loads the baseline of an engine's last report (typed, no JSON) and applies the scenario.
  CallResult load_report(const WasmEngine& engine, const std::string& scenario_json);
  /// Applies a scenario document on top of the current knobs.
  CallResult apply(const std::string& scenario_json);
  /// Address of the knobs: groups × knob_count doubles.
  std::uintptr_t knobs();
  /// Knobs per group.
  int knob_count() const { return sim::kKnobCount; }
  /// Groups in the baseline.
  int group_count() const;
  /// Sets the period length / traffic volume (1 = as the baseline).
  void set_volume(double volume);
  /// Runs the scenario; returns the address of results().
  std::uintptr_t run();
  /// Number of doubles in results().
  int results_length() const { return static_cast<int>(results_.size()); }
  /// The full projection of the current knobs (with sensitivity and explanations) as JSON.
  std::string json();
  /// Back to the baseline's knobs.
  void reset();

 private:
  CallResult start(Result<sim::Baseline> baseline, const std::string& scenario_json);

  std::optional<sim::Simulator> simulator_;
  std::vector<double> results_;
};

}  // namespace basketlift::wasm
