#include "analysis/settings.h"

#include "simdjson.h"

namespace basketlift {

namespace {

Status bad(std::string_view key, const char* expected) {
  return Status::error(ErrorCode::bad_config,
                       "settings: \"" + std::string(key) + "\" must be " + expected);
}

}  // namespace

Result<Settings> Settings::from_json(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(json.data(), json.size()).get(object) != simdjson::SUCCESS) {
    return Status::error(ErrorCode::bad_config, "settings must be a JSON object");
  }
  Settings settings;
  for (auto [key, value] : object) {
    if (key == "control_arm") {
      std::string_view arm;
      if (value.get_string().get(arm) || arm.empty()) return bad(key, "a non-empty string");
      settings.control_arm = std::string(arm);
    } else if (key == "confidence") {
      double level = 0;
      if (value.get_double().get(level) || !(level > 0.5 && level < 1)) {
        return bad(key, "a number between 0.5 and 1 (e.g. 0.95)");
      }
      settings.confidence = level;
    } else if (key == "slash_date_order") {
      std::string_view order;
      if (value.get_string().get(order) || (order != "month_first" && order != "day_first")) {
        return bad(key, "\"month_first\" or \"day_first\"");
      }
      settings.slash_date_order =
          order == "day_first" ? SlashDateOrder::day_first : SlashDateOrder::month_first;
    } else {
      return Status::error(ErrorCode::bad_config,
                           "settings: unknown option \"" + std::string(key) + "\"");
    }
  }
  return settings;
}

void Settings::write_json(JsonWriter& out) const {
  out.begin_object();
  out.field("control_arm", control_arm);
  out.field("confidence", confidence);
  out.field("slash_date_order",
            slash_date_order == SlashDateOrder::day_first ? "day_first" : "month_first");
  out.end_object();
}

}  // namespace basketlift
