// The Embind declarations: what JavaScript sees of the engine. Nothing but declarations here;
// conversions live in engine_adapter.cpp.
#include <emscripten/bind.h>

#include "engine_adapter.h"
#include "simulator_adapter.h"

using basketlift::wasm::CallResult;
using basketlift::wasm::TextResult;
using basketlift::wasm::WasmEngine;
using basketlift::wasm::WasmSimulator;

EMSCRIPTEN_BINDINGS(basketlift) {
  emscripten::value_object<CallResult>("CallResult")
      .field("ok", &CallResult::ok)
      .field("code", &CallResult::code)
      .field("message", &CallResult::message);

  emscripten::class_<WasmEngine>("Engine")
      .constructor<>()
      .function("configure", &WasmEngine::configure)
      .function("setTimeZone", &WasmEngine::set_time_zone)
      .function("beginFile", &WasmEngine::begin_file)
      .function("feed", &WasmEngine::feed)
      .function("endFile", &WasmEngine::end_file)
      .function("analyze", &WasmEngine::analyze)
      .function("reportJsonBytes", &WasmEngine::report_json_bytes)
      .function("releaseReportJson", &WasmEngine::release_report_json)
      .function("simulate", &WasmEngine::simulate)
      .function("reset", &WasmEngine::reset)
      .function("memoryBytes", &WasmEngine::memory_bytes)
      .function("openFileRows", &WasmEngine::open_file_rows)
      .function("setMemoryLimit", &WasmEngine::set_memory_limit)
      .function("rangeSpec", &WasmEngine::range_spec)
      .function("rangeHead", &WasmEngine::range_head)
      .function("findRangeStart", &WasmEngine::find_range_start)
      .function("mergeRange", &WasmEngine::merge_range)
      .function("beginRange", &WasmEngine::begin_range)
      .function("endRange", &WasmEngine::end_range)
      .function("rangeBytes", &WasmEngine::range_bytes)
      .function("releaseRangeBytes", &WasmEngine::release_range_bytes);

  emscripten::value_object<TextResult>("TextResult")
      .field("ok", &TextResult::ok)
      .field("code", &TextResult::code)
      .field("message", &TextResult::message)
      .field("text", &TextResult::text);

  emscripten::class_<WasmSimulator>("Simulator")
      .constructor<>()
      .function("load", &WasmSimulator::load)
      .function("loadReport", &WasmSimulator::load_report)
      .function("apply", &WasmSimulator::apply)
      .function("knobs", &WasmSimulator::knobs)
      .function("knobCount", &WasmSimulator::knob_count)
      .function("groupCount", &WasmSimulator::group_count)
      .function("setVolume", &WasmSimulator::set_volume)
      .function("run", &WasmSimulator::run)
      .function("resultsLength", &WasmSimulator::results_length)
      .function("json", &WasmSimulator::json)
      .function("reset", &WasmSimulator::reset);

  emscripten::function("simulate", &basketlift::wasm::simulate);
  emscripten::function("inspectHeader", &basketlift::wasm::inspect_header);
  emscripten::function("version", &basketlift::wasm::version);
  emscripten::function("heapBytes", &basketlift::wasm::heap_bytes);
}
