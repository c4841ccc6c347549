// Settings: one table of options serves reading and writing, so every option written is read
// back to the same settings, and every option rejects a value of the wrong kind.
#include "analysis/settings.h"

#include <gtest/gtest.h>

#include <string>

#include "simdjson.h"

namespace basketlift {
namespace {

std::string json_of(const Settings& settings) {
  JsonWriter out(false);
  settings.write_json(out);
  return out.take();
}

// A value for every option that differs from its default.
constexpr const char* kEveryOptionChanged = R"({
  "control_arm": "baseline", "confidence": 0.9, "slash_date_order": "day_first",
  "expected_split": {"baseline": 2, "treatment": 1}, "srm_alert_p": 0.01, "srm_min_units": 20,
  "adjustment": "benjamini_hochberg", "capping": "upper", "capping_percentile": 0.95,
  "power": 0.9, "target_relative_lift": 0.1, "sequential": true, "sequential_tuning_n": 2000,
  "cuped": false, "cuped_pre_period_days": 60, "cuped_min_covered_share": 0.25,
  "retire_min_impressions": 500,
  "retire_acceptance_floor": 0.05, "min_impressions_for_verdict": 50,
  "attribution_window_hours": 48, "ltv_windows_days": [7, 60], "max_dimension_groups": 10,
  "basket_min_support": 5, "basket_min_confidence": 0.1, "basket_max_items": 20,
  "basket_max_rules": 50, "basket_triples": true, "timezone": "America/New_York",
  "trend_grain": "week", "change_window_days": 7, "gap_warning_share": 0.02,
  "gap_critical_share": 0.2, "sections": ["offers", "basket"]})";

TEST(Settings, EveryOptionWrittenIsReadBackTheSame) {
  Result<Settings> changed = Settings::from_json(kEveryOptionChanged);
  ASSERT_TRUE(changed.ok()) << changed.status().message;
  const std::string written = json_of(changed.value());
  EXPECT_NE(written, json_of(Settings{}));
  Result<Settings> again = Settings::from_json(written);
  ASSERT_TRUE(again.ok()) << again.status().message;
  EXPECT_EQ(json_of(again.value()), written);
  // Each option was changed from its default: the written document differs from the default
  // one in every key (an option added without a value above fails here).
  simdjson::dom::parser parser_a, parser_b;
  simdjson::dom::object mine, defaults;
  ASSERT_FALSE(parser_a.parse(written).get(mine));
  const std::string default_json = json_of(Settings{});
  ASSERT_FALSE(parser_b.parse(default_json).get(defaults));
  for (auto [key, value] : mine) {
    simdjson::dom::element default_value;
    ASSERT_FALSE(defaults[key].get(default_value)) << key;
    EXPECT_NE(simdjson::to_string(value), simdjson::to_string(default_value)) << key;
  }
}

TEST(Settings, EveryOptionRejectsAValueOfTheWrongKind) {
  for (const std::string& name : Settings::option_names()) {
    for (const char* wrong : {R"({"x": {"nested": [1]}})", R"({"x": -3})"}) {
      std::string json = wrong;
      json.replace(json.find("\"x\""), 3, "\"" + name + "\"");
      Result<Settings> read = Settings::from_json(json);
      // No option takes a nested object or a negative number.
      ASSERT_FALSE(read.ok()) << json;
      EXPECT_EQ(read.status().code, ErrorCode::bad_config);
      EXPECT_NE(read.status().message.find("\"" + name + "\" must be"), std::string::npos)
          << read.status().message;
    }
  }
  EXPECT_NE(Settings::from_json(R"({"confidense": 0.9})").status().message.find("unknown option"),
            std::string::npos);
}

}  // namespace
}  // namespace basketlift
