#include "simulator_adapter.h"

#include "sim/sim_json.h"

namespace basketlift::wasm {

namespace {

CallResult failure(const Status& status) {
  return {false, error_code_name(status.code), status.message};
}

TextResult text_result(Result<std::string> projection) {
  if (!projection.ok())
    return {false, error_code_name(projection.status().code), projection.status().message, ""};
  return {true, "ok", "", std::move(projection.value())};
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
  return text_result(sim::simulate_json(baseline_json, scenario_json));
}

TextResult WasmEngine::simulate(const std::string& scenario_json) const {
  Result<sim::Baseline> baseline = engine_.simulation_baseline(scenario_json);
  if (!baseline.ok()) return text_result(baseline.status());
  return text_result(sim::simulate_json(std::move(baseline.value()), scenario_json));
}

CallResult WasmSimulator::load(const std::string& baseline_json, const std::string& scenario_json) {
  return start(sim::baseline_from_any(baseline_json, scenario_json), scenario_json);
}

CallResult WasmSimulator::load_report(const WasmEngine& engine, const std::string& scenario_json) {
  return start(engine.engine().simulation_baseline(scenario_json), scenario_json);
}

CallResult WasmSimulator::start(Result<sim::Baseline> baseline, const std::string& scenario_json) {
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
