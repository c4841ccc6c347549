#include "analysis/settings.h"

#include <cmath>

#include "simdjson.h"
#include "util/number_format.h"

namespace basketlift {

namespace {

using simdjson::dom::element;

Status bad(std::string_view key, const char* expected) {
  return Status::error(ErrorCode::bad_config,
                       "settings: \"" + std::string(key) + "\" must be " + expected);
}

bool read_number(element value, double low, double high, double& out) {
  double number = 0;
  if (value.get_double().get(number) || !(number >= low && number <= high)) return false;
  out = number;
  return true;
}

bool read_count(element value, std::uint64_t& out) {
  std::int64_t number = 0;
  if (value.get_int64().get(number) || number < 0) return false;
  out = static_cast<std::uint64_t>(number);
  return true;
}

Status read_option(std::string_view key, element value, Settings& s) {
  std::string_view text;
  double number = 0;
  if (key == "control_arm") {
    if (value.get_string().get(text) || text.empty()) return bad(key, "a non-empty string");
    s.control_arm = std::string(text);
  } else if (key == "confidence") {
    if (!read_number(value, 0.5, 0.9999, s.confidence) || s.confidence == 0.5)
      return bad(key, "a number between 0.5 and 1 (e.g. 0.95)");
  } else if (key == "slash_date_order") {
    if (value.get_string().get(text) || (text != "month_first" && text != "day_first")) {
      return bad(key, "\"month_first\" or \"day_first\"");
    }
    s.slash_date_order =
        text == "day_first" ? SlashDateOrder::day_first : SlashDateOrder::month_first;
  } else if (key == "expected_split") {
    simdjson::dom::object split;
    if (!value.get_string().get(text) && text == "equal") {
      s.expected_split.clear();  // what the report writes for the default
      return Status::success();
    }
    if (value.get_object().get(split)) {
      return bad(key,
                 "\"equal\" or an object of arm → share, e.g. {\"control\": 1, \"treatment\": 1}");
    }
    s.expected_split.clear();
    for (auto [arm, share] : split) {
      if (!read_number(share, 1e-9, 1e12, number)) return bad(key, "an object of positive shares");
      s.expected_split.emplace_back(std::string(arm), number);
    }
  } else if (key == "srm_alert_p") {
    if (!read_number(value, 0, 1, s.srm_alert_p)) return bad(key, "a probability");
  } else if (key == "srm_min_units") {
    if (!read_count(value, s.srm_min_units)) return bad(key, "a whole number");
  } else if (key == "adjustment") {
    if (value.get_string().get(text) || (text != "holm" && text != "benjamini_hochberg")) {
      return bad(key, "\"holm\" or \"benjamini_hochberg\"");
    }
    s.adjustment = text == "holm" ? Adjustment::holm : Adjustment::benjamini_hochberg;
  } else if (key == "capping") {
    if (value.get_string().get(text) || (text != "off" && text != "upper" && text != "two_sided")) {
      return bad(key, "\"off\", \"upper\" or \"two_sided\"");
    }
    s.capping = text == "off"     ? Capping::off
                : text == "upper" ? Capping::upper
                                  : Capping::two_sided;
  } else if (key == "capping_percentile") {
    if (!read_number(value, 0.5, 1, s.capping_percentile))
      return bad(key, "a number between 0.5 and 1");
  } else if (key == "power") {
    if (!read_number(value, 0.5, 0.9999, s.power)) return bad(key, "a number between 0.5 and 1");
  } else if (key == "target_relative_lift") {
    if (!read_number(value, 1e-6, 10, s.target_relative_lift))
      return bad(key, "a positive number (0.05 = 5%)");
  } else if (key == "retire_min_impressions") {
    if (!read_count(value, s.retire_min_impressions)) return bad(key, "a whole number");
  } else if (key == "min_impressions_for_verdict") {
    if (!read_count(value, s.min_impressions_for_verdict)) return bad(key, "a whole number");
  } else if (key == "retire_acceptance_floor") {
    if (!read_number(value, 0, 1, s.retire_acceptance_floor)) return bad(key, "a probability");
  } else if (key == "attribution_window_hours") {
    if (!read_number(value, 0, 24 * 365, s.attribution_window_hours))
      return bad(key, "hours between 0 and 8760");
  } else if (key == "sections") {
    simdjson::dom::array names;
    const char* expected = "an array of section names: dimensions, experiment, offers, ltv, basket";
    if (value.get_array().get(names)) return bad(key, expected);
    s.sections = 0;
    for (element name : names) {
      std::string_view section;
      int found = -1;
      if (!name.get_string().get(section)) {
        for (int i = 0; i < kSectionCount; ++i)
          if (section == section_name(static_cast<Section>(i))) found = i;
      }
      if (found < 0) return bad(key, expected);
      s.sections |= static_cast<std::uint8_t>(1u << found);
    }
  } else if (key == "ltv_windows_days") {
    simdjson::dom::array days;
    if (value.get_array().get(days)) return bad(key, "an array of days, e.g. [30, 90, 365]");
    s.ltv_windows_days.clear();
    for (element day : days) {
      std::uint64_t d = 0;
      if (!read_count(day, d) || d == 0 || d > 3650)
        return bad(key, "an array of days between 1 and 3650");
      s.ltv_windows_days.push_back(static_cast<int>(d));
    }
  } else if (key == "basket_min_support") {
    if (!read_number(value, 1e-9, 1e12, s.basket_min_support))
      return bad(key, "a share (0.001) or a count of baskets (>= 1)");
  } else if (key == "basket_min_confidence") {
    if (!read_number(value, 0, 1, s.basket_min_confidence)) return bad(key, "a probability");
  } else if (key == "basket_max_items") {
    if (!read_count(value, s.basket_max_items) || s.basket_max_items < 2)
      return bad(key, "a whole number of at least 2");
  } else if (key == "basket_max_rules") {
    if (!read_count(value, s.basket_max_rules)) return bad(key, "a whole number");
  } else if (key == "basket_triples") {
    if (value.get_bool().get(s.basket_triples)) return bad(key, "true or false");
  } else if (key == "gap_warning_share") {
    if (!read_number(value, 0, 1, s.gap_warning_share)) return bad(key, "a share between 0 and 1");
  } else if (key == "gap_critical_share") {
    if (!read_number(value, 0, 1, s.gap_critical_share)) return bad(key, "a share between 0 and 1");
  } else if (key == "max_dimension_groups") {
    if (!read_count(value, s.max_dimension_groups) || s.max_dimension_groups == 0)
      return bad(key, "a positive whole number");
  } else {
    return Status::error(ErrorCode::bad_config,
                         "settings: unknown option \"" + std::string(key) + "\"");
  }
  return Status::success();
}

const char* adjustment_name(Adjustment a) {
  return a == Adjustment::holm ? "holm" : "benjamini_hochberg";
}

const char* capping_name(Capping c) {
  switch (c) {
    case Capping::off:
      return "off";
    case Capping::upper:
      return "upper";
    case Capping::two_sided:
      return "two_sided";
  }
  return "off";
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
    if (Status status = read_option(key, value, settings); !status.ok()) return status;
  }
  return settings;
}

const char* section_name(Section section) {
  switch (section) {
    case Section::dimensions:
      return "dimensions";
    case Section::experiment:
      return "experiment";
    case Section::offers:
      return "offers";
    case Section::ltv:
      return "ltv";
    case Section::basket:
      return "basket";
  }
  return "dimensions";
}

std::string Settings::confidence_text() const {
  return double_to_string(std::round(confidence * 10000) / 100) + "%";
}

void Settings::write_json(JsonWriter& out) const {
  out.begin_object();
  out.field("control_arm", control_arm);
  out.field("confidence", confidence);
  out.field("slash_date_order",
            slash_date_order == SlashDateOrder::day_first ? "day_first" : "month_first");
  out.key("expected_split");
  if (expected_split.empty()) {
    out.value("equal");
  } else {
    out.begin_object();
    for (const auto& [arm, share] : expected_split)
      out.field(arm, share);
    out.end_object();
  }
  out.field("srm_alert_p", srm_alert_p);
  out.field("srm_min_units", srm_min_units);
  out.field("adjustment", adjustment_name(adjustment));
  out.field("capping", capping_name(capping));
  out.field("capping_percentile", capping_percentile);
  out.field("power", power);
  out.field("target_relative_lift", target_relative_lift);
  out.field("retire_min_impressions", retire_min_impressions);
  out.field("retire_acceptance_floor", retire_acceptance_floor);
  out.field("min_impressions_for_verdict", min_impressions_for_verdict);
  out.field("attribution_window_hours", attribution_window_hours);
  out.key("ltv_windows_days").begin_array();
  for (int days : ltv_windows_days)
    out.value(days);
  out.end_array();
  out.field("max_dimension_groups", max_dimension_groups);
  out.field("basket_min_support", basket_min_support);
  out.field("basket_min_confidence", basket_min_confidence);
  out.field("basket_max_items", basket_max_items);
  out.field("basket_max_rules", basket_max_rules);
  out.field("basket_triples", basket_triples);
  out.field("gap_warning_share", gap_warning_share);
  out.field("gap_critical_share", gap_critical_share);
  out.key("sections").begin_array();
  for (int i = 0; i < kSectionCount; ++i)
    if (wants(static_cast<Section>(i))) out.value(section_name(static_cast<Section>(i)));
  out.end_array();
  out.end_object();
}

}  // namespace basketlift
