// The Embind declarations: what JavaScript sees of the engine. Nothing but declarations here;
// conversions live in engine_adapter.cpp.
#include <emscripten/bind.h>

#include "engine_adapter.h"

using basketlift::wasm::CallResult;
using basketlift::wasm::WasmEngine;

EMSCRIPTEN_BINDINGS(basketlift) {
  emscripten::value_object<CallResult>("CallResult")
      .field("ok", &CallResult::ok)
      .field("code", &CallResult::code)
      .field("message", &CallResult::message);

  emscripten::class_<WasmEngine>("Engine")
      .constructor<>()
      .function("configure", &WasmEngine::configure)
      .function("beginFile", &WasmEngine::begin_file)
      .function("feed", &WasmEngine::feed)
      .function("endFile", &WasmEngine::end_file)
      .function("analyze", &WasmEngine::analyze)
      .function("reportJson", &WasmEngine::report_json)
      .function("reset", &WasmEngine::reset)
      .function("memoryBytes", &WasmEngine::memory_bytes);

  emscripten::function("version", &basketlift::wasm::version);
}
