#include "simulator_adapter.h"

#include "sim/sim_json.h"

namespace basketlift::wasm {

namespace {

CallResult failure(const Status& status) {
  return {false, error_code_name(status.code), status.message};
}

double* put(double* at, const sim::Figures& f) {
  *at++ = f.orders;
  *at++ = f.revenue;
  *at++ = f.aov;
  *at++ = f.margin;
  *at++ = f.profit;
  return at;
}

}  // namespace

TextResult simulate(const std::string& baseline_json, const std::string& scenario_json) {
  Result<std::string> projection = sim::simulate_json(baseline_json, scenario_json);
  if (!projection.ok())
    return {false, error_code_name(projection.status().code), projection.status().message, ""};
  return {true, "ok", "", std::move(projection.value())};
}

CallResult WasmSimulator::load(const std::string& baseline_json, const std::string& scenario_json) {
  Result<sim::Baseline> baseline = sim::baseline_from_any(baseline_json, scenario_json);
  if (!baseline.ok()) return failure(baseline.status());
  simulator_.emplace(std::move(baseline.value()));
  results_.assign(25 + 4 * simulator_->baseline().groups.size(), 0);
  return apply(scenario_json);
}

CallResult WasmSimulator::apply(const std::string& scenario_json) {
  if (!simulator_) return {false, "bad_usage", "load a baseline first"};
  const Status status = sim::apply_scenario(scenario_json, *simulator_);
  return status.ok() ? CallResult{} : failure(status);
}

std::uintptr_t WasmSimulator::knobs() {
  return simulator_ ? reinterpret_cast<std::uintptr_t>(simulator_->knobs().data()) : 0;
}

int WasmSimulator::group_count() const {
  return simulator_ ? static_cast<int>(simulator_->baseline().groups.size()) : 0;
}

void WasmSimulator::set_volume(double volume) {
  if (simulator_) simulator_->volume() = volume;
}

std::uintptr_t WasmSimulator::run() {
  if (!simulator_) return 0;
  const sim::Projection& p = simulator_->run();
  double* at = results_.data();
  for (const sim::Figures* f :
       {&p.baseline, &p.scenario, &p.delta, &p.scenario_low, &p.scenario_high})
    at = put(at, *f);
  for (const sim::GroupResult& g : p.groups) {
    *at++ = g.scenario.revenue;
    *at++ = g.scenario.margin;
    *at++ = g.delta.profit;
    *at++ = g.break_even_acceptance;
  }
  return reinterpret_cast<std::uintptr_t>(results_.data());
}

std::string WasmSimulator::json() {
  return simulator_ ? sim::simulation_json(*simulator_) : "{}";
}

void WasmSimulator::reset() {
  if (simulator_) simulator_->reset();
}

}  // namespace basketlift::wasm
