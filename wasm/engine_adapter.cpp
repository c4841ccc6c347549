#include "engine_adapter.h"

#include <malloc.h>

#include <string_view>

#include "basketlift/version.h"
#include "ingest/header_inspect.h"

namespace basketlift::wasm {

namespace {

CallResult to_result(const Status& status) {
  if (status.ok()) return {};
  return {false, error_code_name(status.code), status.message};
}

CallResult usage_error(std::string message) {
  return {false, error_code_name(ErrorCode::bad_usage), std::move(message)};
}

}  // namespace

CallResult WasmEngine::configure(const std::string& settings_json) {
  return to_result(engine_.configure(settings_json));
}

CallResult WasmEngine::set_time_zone(const std::string& rules_json) {
  Result<ZoneRules> rules = ZoneRules::from_json(rules_json);
  if (!rules.ok()) return to_result(rules.status());
  engine_.set_time_zone(std::move(rules.value()));
  return {};
}

CallResult WasmEngine::begin_file(const std::string& name, const std::string& table,
                                  const std::string& format, const std::string& mapping_json,
                                  double size) {
  FileOptions options;
  options.name = name;
  options.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
  if (!table.empty()) {
    options.table = parse_table(table);
    if (!options.table)
      return usage_error("unknown table '" + table + "' (orders, products, offers, sessions)");
  }
  if (!format.empty()) {
    options.format = parse_format(format);
    if (!options.format) return usage_error("unknown format '" + format + "' (csv, json, ndjson)");
  }
  if (!mapping_json.empty()) {
    Result<ColumnMapping> mapping = ColumnMapping::parse_json(mapping_json);
    if (!mapping.ok()) return to_result(mapping.status());
    options.mapping = std::move(mapping.value());
  }
  return to_result(engine_.begin_file(std::move(options)));
}

CallResult WasmEngine::feed(std::uintptr_t data, std::size_t length) {
  return to_result(engine_.feed(std::string_view(reinterpret_cast<const char*>(data), length)));
}

CallResult WasmEngine::end_file() {
  return to_result(engine_.end_file());
}

CallResult WasmEngine::analyze() {
  return to_result(engine_.analyze());
}

TextResult WasmEngine::range_spec() {
  Result<RangeSpec> spec = engine_.range_spec();
  if (!spec.ok()) return {false, error_code_name(spec.status().code), spec.status().message, ""};
  range_head_ = std::move(spec.value().head);
  return {true, "ok", "", spec.value().to_json()};
}

emscripten::val WasmEngine::range_head() const {
  return emscripten::val(emscripten::typed_memory_view(
      range_head_.size(), reinterpret_cast<const std::uint8_t*>(range_head_.data())));
}

double WasmEngine::find_range_start(std::uintptr_t data, std::size_t length) {
  const std::optional<std::size_t> start =
      engine_.find_range_start(std::string_view(reinterpret_cast<const char*>(data), length));
  return start ? static_cast<double>(*start) : -1.0;
}

TextResult WasmEngine::merge_range(std::uintptr_t data, std::size_t length, bool last) {
  const Result<RangeMerge> merged =
      engine_.merge_range(std::string_view(reinterpret_cast<const char*>(data), length), last);
  if (!merged.ok()) {
    return {false, error_code_name(merged.status().code), merged.status().message, ""};
  }
  return {true, "ok", "", merged.value() == RangeMerge::merged ? "merged" : "read_serially"};
}

CallResult WasmEngine::begin_range(const std::string& spec_json, const std::string& head,
                                   double size) {
  Result<RangeSpec> spec = RangeSpec::from_json(spec_json);
  if (!spec.ok()) return to_result(spec.status());
  spec.value().head = head;
  return to_result(engine_.begin_range(spec.value(), static_cast<std::uint64_t>(size)));
}

CallResult WasmEngine::end_range() {
  Result<ByteArray> read = engine_.end_range();
  if (!read.ok()) return to_result(read.status());
  range_bytes_ = std::move(read.value());
  return {};
}

emscripten::val WasmEngine::report_json_bytes() {
  // Characters above U+00FF escaped: the text decoded in JavaScript is then one byte a character.
  report_text_ = engine_.report_json(false, JsonEscapes::above_latin1);
  return emscripten::val(emscripten::typed_memory_view(
      report_text_.size(), reinterpret_cast<const std::uint8_t*>(report_text_.data())));
}

emscripten::val WasmEngine::range_bytes() const {
  return emscripten::val(emscripten::typed_memory_view(range_bytes_.size(), range_bytes_.data()));
}

TextResult inspect_header(const std::string& head, const std::string& mapping_json) {
  ColumnMapping mapping;
  if (!mapping_json.empty()) {
    Result<ColumnMapping> parsed = ColumnMapping::parse_json(mapping_json);
    if (!parsed.ok())
      return {false, error_code_name(parsed.status().code), parsed.status().message, ""};
    mapping = std::move(parsed.value());
  }
  return {true, "ok", "", inspect_header_json(head, mapping)};
}

double heap_bytes() {
  return static_cast<double>(mallinfo().uordblks);
}

std::string version() {
  return kEngineVersion;
}

}  // namespace basketlift::wasm
