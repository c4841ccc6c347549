// Adapters between Embind and the core Engine: plain values in, plain values out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <emscripten/val.h>

#include "engine/engine.h"

namespace basketlift::wasm {

/// A result with text (JSON) when ok.
struct TextResult {
  bool ok = true;           ///< false on failure
  std::string code = "ok";  ///< error code name
  std::string message;      ///< one line for a person
  std::string text;         ///< the JSON when ok
};

/// Outcome of a call as JavaScript sees it; the JS wrapper turns a failure into a
/// BasketliftError carrying `code` (the core's ErrorCode name).
struct CallResult {
  bool ok = true;           ///< false when the call failed
  std::string code = "ok";  ///< stable error code name
  std::string message;      ///< one line for a person
};

/// The engine as bound to JavaScript. File bytes arrive by pointer into wasm memory: the JS
/// side copies each chunk in once (HEAPU8.set) and frees it afterwards.
class WasmEngine {
 public:
  /// Replaces the settings (JSON object of overrides).
  CallResult configure(const std::string& settings_json);
  /// Sets the trends' calendar from rules as JSON (ZoneRules::from_json).
  CallResult set_time_zone(const std::string& rules_json);
  /// Starts a file; empty table / format / mapping strings mean "detect" / "none"; `size` is
  /// the file's size in bytes when known (0: unknown).
  CallResult begin_file(const std::string& name, const std::string& table,
                        const std::string& format, const std::string& mapping_json, double size);
  /// Feeds `length` bytes at address `data` of wasm memory.
  CallResult feed(std::uintptr_t data, std::size_t length);
  /// Ends the open file.
  CallResult end_file();
  /// Computes the report.
  CallResult analyze();
  /// The last report as JSON text, held until release_report_json(): a view of its UTF-8 bytes
  /// in wasm memory, which JavaScript decodes in one call (Embind's std::string return walks
  /// the bytes one by one in JavaScript, and copies them twice).
  emscripten::val report_json_bytes();
  /// Frees the text report_json_bytes() holds.
  void release_report_json() { report_text_ = std::string(); }
  /// Projects a scenario (JSON) from the last report itself (no report JSON in between).
  TextResult simulate(const std::string& scenario_json) const;
  /// The core engine (for the simulator adapter).
  const Engine& engine() const { return engine_; }
  /// Forgets every file and result.
  void reset() { engine_.reset(); }
  /// Rows read so far in the open file.
  double open_file_rows() const { return static_cast<double>(engine_.open_file_rows()); }
  /// Caps the engine's memory (bytes; 0: none), see Engine::set_memory_limit.
  void set_memory_limit(double bytes) { engine_.set_memory_limit(static_cast<std::size_t>(bytes)); }
  /// Bytes held by the store and the open reader.
  double memory_bytes() const { return static_cast<double>(engine_.memory_bytes()); }

  // Reading a file in byte ranges at once (core/ingest/range_reading.h).
  /// How to read ranges of the open file (JSON; its head comes from range_head()).
  TextResult range_spec();
  /// The open file's head, as last returned by range_spec(): a view to copy out at once.
  emscripten::val range_head() const;
  /// Offset in the `length` bytes at `data` where a range may start, or -1.
  double find_range_start(std::uintptr_t data, std::size_t length);
  /// Merges a range read by read_range() (bytes at `data`): text "merged", or "read_serially"
  /// when the caller must feed the range's bytes itself.
  TextResult merge_range(std::uintptr_t data, std::size_t length, bool last);
  /// Begins reading one range (`size` bytes, fed with feed()) of a file described by
  /// `spec_json` and `head`.
  CallResult begin_range(const std::string& spec_json, const std::string& head, double size);
  /// Ends the range; its serialised form waits in range_bytes() until release_range_bytes().
  CallResult end_range();
  /// The last range read: a view to copy out at once.
  emscripten::val range_bytes() const;
  /// Frees the last range read.
  void release_range_bytes() { range_bytes_ = ByteArray(); }

 private:
  Engine engine_;
  std::string range_head_;
  std::string report_text_;
  ByteArray range_bytes_;
};

/// What a file's first bytes hold (format, columns, their fields) as JSON; `head` may be a
/// Uint8Array from JS. A mapping (JSON, may be empty) is applied first.
TextResult inspect_header(const std::string& head, const std::string& mapping_json);

/// The engine's version string.
std::string version();
/// Bytes the module's C heap has allocated now (malloc's in-use count; leak checks).
double heap_bytes();

}  // namespace basketlift::wasm
