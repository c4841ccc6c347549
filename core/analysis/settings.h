// Every threshold and option the analyses use; the report echoes them under `settings`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/value_parse.h"
#include "util/json_writer.h"
#include "util/status.h"

namespace basketlift {

/// Options in force for one analysis. Defaults follow SPEC §3.
struct Settings {
  std::string control_arm = "control";  ///< the arm every other arm is compared with
  double confidence = 0.95;             ///< level of every interval
  SlashDateOrder slash_date_order = SlashDateOrder::month_first;  ///< for ambiguous d/m dates

  /// Reads a settings document: a JSON object whose keys override the defaults. Unknown keys
  /// and values of the wrong type are errors (a typo must not silently keep a default).
  static Result<Settings> from_json(std::string_view json);
  /// Writes every option as one JSON object.
  void write_json(JsonWriter& out) const;
};

}  // namespace basketlift
