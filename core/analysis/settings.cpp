#include "analysis/settings.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include "util/json_tree.h"
#include "util/number_format.h"

namespace basketlift {

namespace {

// One option of the settings: its name, how it is read from JSON and how it is written back.
// The table below is the only list of options, so reading and writing cannot drift apart.
class Option {
 public:
  explicit Option(const char* name) : name_(name) {}
  virtual ~Option() = default;
  const char* name() const { return name_; }
  virtual Status read(const JsonValue& value, Settings& s) const = 0;
  virtual void write(JsonWriter& out, const Settings& s) const = 0;
  // The error for a value that is not `expected`.
  Status bad(const char* expected) const {
    return Status::error(ErrorCode::bad_config,
                         "settings: \"" + std::string(name_) + "\" must be " + expected);
  }

 private:
  const char* name_;
};

bool read_count(const JsonValue& value, std::uint64_t& out) {
  std::int64_t number = 0;
  if (!value.get_int64(number) || number < 0) return false;
  out = static_cast<std::uint64_t>(number);
  return true;
}

// A number in [low, high] (or (low, high] when `low_open`).
class NumberOption final : public Option {
 public:
  NumberOption(const char* name, double Settings::*member, double low, double high,
               const char* expected, bool low_open = false)
      : Option(name),
        member_(member),
        low_(low),
        high_(high),
        low_open_(low_open),
        expected_(expected) {}
  Status read(const JsonValue& value, Settings& s) const override {
    double number = 0;
    if (!value.get_double(number) || !(number >= low_ && number <= high_) ||
        (low_open_ && number == low_)) {
      return bad(expected_);
    }
    s.*member_ = number;
    return Status::success();
  }
  void write(JsonWriter& out, const Settings& s) const override { out.field(name(), s.*member_); }

 private:
  double Settings::*member_;
  double low_, high_;
  bool low_open_;
  const char* expected_;
};

// A whole number of at least `min`.
class CountOption final : public Option {
 public:
  CountOption(const char* name, std::uint64_t Settings::*member, std::uint64_t min,
              const char* expected)
      : Option(name), member_(member), min_(min), expected_(expected) {}
  Status read(const JsonValue& value, Settings& s) const override {
    std::uint64_t count = 0;
    if (!read_count(value, count) || count < min_) return bad(expected_);
    s.*member_ = count;
    return Status::success();
  }
  void write(JsonWriter& out, const Settings& s) const override { out.field(name(), s.*member_); }

 private:
  std::uint64_t Settings::*member_;
  std::uint64_t min_;
  const char* expected_;
};

// true or false.
class FlagOption final : public Option {
 public:
  FlagOption(const char* name, bool Settings::*member) : Option(name), member_(member) {}
  Status read(const JsonValue& value, Settings& s) const override {
    return value.get_bool(s.*member_) ? Status::success() : bad("true or false");
  }
  void write(JsonWriter& out, const Settings& s) const override { out.field(name(), s.*member_); }

 private:
  bool Settings::*member_;
};

// One of a few names, each standing for a value of an enum.
template <typename E, std::size_t N>
class ChoiceOption final : public Option {
 public:
  ChoiceOption(const char* name, E Settings::*member,
               std::array<std::pair<E, const char*>, N> names, const char* expected)
      : Option(name), member_(member), names_(names), expected_(expected) {}
  Status read(const JsonValue& value, Settings& s) const override {
    std::string_view text;
    if (value.get_string(text)) {
      for (const auto& [choice, choice_name] : names_) {
        if (text == choice_name) {
          s.*member_ = choice;
          return Status::success();
        }
      }
    }
    return bad(expected_);
  }
  void write(JsonWriter& out, const Settings& s) const override {
    for (const auto& [choice, choice_name] : names_)
      if (s.*member_ == choice) out.field(name(), choice_name);
  }

 private:
  E Settings::*member_;
  std::array<std::pair<E, const char*>, N> names_;
  const char* expected_;
};

// An option with its own reading and writing (arrays, objects, text).
class CustomOption final : public Option {
 public:
  using Reader = Status (*)(const Option& option, const JsonValue& value, Settings& s);
  using Writer = void (*)(JsonWriter& out, const Settings& s);
  CustomOption(const char* name, Reader reader, Writer writer)
      : Option(name), reader_(reader), writer_(writer) {}
  Status read(const JsonValue& value, Settings& s) const override {
    return reader_(*this, value, s);
  }
  void write(JsonWriter& out, const Settings& s) const override {
    out.key(name());
    writer_(out, s);
  }

 private:
  Reader reader_;
  Writer writer_;
};

Status read_control_arm(const Option& option, const JsonValue& value, Settings& s) {
  std::string_view text;
  if (!value.get_string(text) || text.empty()) return option.bad("a non-empty string");
  s.control_arm = std::string(text);
  return Status::success();
}

void write_control_arm(JsonWriter& out, const Settings& s) {
  out.value(s.control_arm);
}

Status read_expected_split(const Option& option, const JsonValue& value, Settings& s) {
  std::string_view text;
  if (value.get_string(text) && text == "equal") {
    s.expected_split.clear();  // what the report writes for the default
    return Status::success();
  }
  if (!value.is_object()) {
    return option.bad(
        "\"equal\" or an object of arm → share, e.g. {\"control\": 1, \"treatment\": 1}");
  }
  s.expected_split.clear();
  for (const auto& [arm, share] : value.members()) {
    double number = 0;
    if (!share.get_double(number) || !(number >= 1e-9 && number <= 1e12))
      return option.bad("an object of positive shares");
    s.expected_split.emplace_back(arm, number);
  }
  return Status::success();
}

void write_expected_split(JsonWriter& out, const Settings& s) {
  if (s.expected_split.empty()) {
    out.value("equal");
    return;
  }
  out.begin_object();
  for (const auto& [arm, share] : s.expected_split)
    out.field(arm, share);
  out.end_object();
}

Status read_ltv_windows(const Option& option, const JsonValue& value, Settings& s) {
  if (!value.is_array()) return option.bad("an array of days, e.g. [30, 90, 365]");
  s.ltv_windows_days.clear();
  for (const JsonValue& day : value.items()) {
    std::uint64_t d = 0;
    if (!read_count(day, d) || d == 0 || d > 3650)
      return option.bad("an array of days between 1 and 3650");
    s.ltv_windows_days.push_back(static_cast<int>(d));
  }
  return Status::success();
}

void write_ltv_windows(JsonWriter& out, const Settings& s) {
  out.begin_array();
  for (int days : s.ltv_windows_days)
    out.value(days);
  out.end_array();
}

Status read_timezone(const Option& option, const JsonValue& value, Settings& s) {
  std::string_view text;
  const auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  };
  if (!value.get_string(text) || text.empty() || text.size() > 64 ||
      !std::all_of(text.begin(), text.end(), allowed) || text.front() == '/' ||
      text.find("..") != std::string_view::npos) {
    return option.bad("an IANA time zone name, e.g. \"Europe/Berlin\" (default \"UTC\")");
  }
  s.timezone = std::string(text);
  return Status::success();
}

void write_timezone(JsonWriter& out, const Settings& s) {
  out.value(s.timezone);
}

Status read_sections(const Option& option, const JsonValue& value, Settings& s) {
  const char* expected =
      "an array of section names: dimensions, experiment, offers, ltv, basket, trends";
  if (!value.is_array()) return option.bad(expected);
  s.sections = 0;
  for (const JsonValue& name : value.items()) {
    std::string_view section;
    int found = -1;
    if (name.get_string(section)) {
      for (int i = 0; i < kSectionCount; ++i)
        if (section == section_name(static_cast<Section>(i))) found = i;
    }
    if (found < 0) return option.bad(expected);
    s.sections |= static_cast<std::uint8_t>(1u << found);
  }
  return Status::success();
}

void write_sections(JsonWriter& out, const Settings& s) {
  out.begin_array();
  for (int i = 0; i < kSectionCount; ++i)
    if (s.wants(static_cast<Section>(i))) out.value(section_name(static_cast<Section>(i)));
  out.end_array();
}

using S = Settings;
const char* const kProbability = "a probability";
const char* const kShare = "a share between 0 and 1";

// Every option, in the order the report writes them.
const std::unique_ptr<const Option> kOptions[] = {
    std::make_unique<CustomOption>("control_arm", read_control_arm, write_control_arm),
    std::make_unique<NumberOption>("confidence", &S::confidence, 0.5, 0.9999,
                                   "a number between 0.5 and 1 (e.g. 0.95)", true),
    std::make_unique<ChoiceOption<SlashDateOrder, 2>>(
        "slash_date_order", &S::slash_date_order,
        std::array{std::pair{SlashDateOrder::month_first, "month_first"},
                   std::pair{SlashDateOrder::day_first, "day_first"}},
        "\"month_first\" or \"day_first\""),
    std::make_unique<CustomOption>("expected_split", read_expected_split, write_expected_split),
    std::make_unique<NumberOption>("srm_alert_p", &S::srm_alert_p, 0, 1, kProbability),
    std::make_unique<CountOption>("srm_min_units", &S::srm_min_units, 0, "a whole number"),
    std::make_unique<ChoiceOption<Adjustment, 2>>(
        "adjustment", &S::adjustment,
        std::array{std::pair{Adjustment::holm, "holm"},
                   std::pair{Adjustment::benjamini_hochberg, "benjamini_hochberg"}},
        "\"holm\" or \"benjamini_hochberg\""),
    std::make_unique<ChoiceOption<Capping, 3>>(
        "capping", &S::capping,
        std::array{std::pair{Capping::off, "off"}, std::pair{Capping::upper, "upper"},
                   std::pair{Capping::two_sided, "two_sided"}},
        "\"off\", \"upper\" or \"two_sided\""),
    std::make_unique<NumberOption>("capping_percentile", &S::capping_percentile, 0.5, 1,
                                   "a number between 0.5 and 1"),
    std::make_unique<NumberOption>("power", &S::power, 0.5, 0.9999, "a number between 0.5 and 1"),
    std::make_unique<NumberOption>("target_relative_lift", &S::target_relative_lift, 1e-6, 10,
                                   "a positive number (0.05 = 5%)"),
    std::make_unique<FlagOption>("sequential", &S::sequential),
    std::make_unique<NumberOption>("sequential_tuning_n", &S::sequential_tuning_n, 1, 1e12,
                                   "a number of units of at least 1"),
    std::make_unique<FlagOption>("cuped", &S::cuped),
    std::make_unique<CountOption>("cuped_pre_period_days", &S::cuped_pre_period_days, 1,
                                  "a positive whole number of days"),
    std::make_unique<NumberOption>("cuped_min_covered_share", &S::cuped_min_covered_share, 0, 1,
                                   kShare),
    std::make_unique<CountOption>("retire_min_impressions", &S::retire_min_impressions, 0,
                                  "a whole number"),
    std::make_unique<NumberOption>("retire_acceptance_floor", &S::retire_acceptance_floor, 0, 1,
                                   kProbability),
    std::make_unique<CountOption>("min_impressions_for_verdict", &S::min_impressions_for_verdict, 0,
                                  "a whole number"),
    std::make_unique<NumberOption>("attribution_window_hours", &S::attribution_window_hours, 0,
                                   24 * 365, "hours between 0 and 8760"),
    std::make_unique<CustomOption>("ltv_windows_days", read_ltv_windows, write_ltv_windows),
    std::make_unique<CountOption>("max_dimension_groups", &S::max_dimension_groups, 1,
                                  "a positive whole number"),
    std::make_unique<NumberOption>("basket_min_support", &S::basket_min_support, 1e-9, 1e12,
                                   "a share (0.001) or a count of baskets (>= 1)"),
    std::make_unique<NumberOption>("basket_min_confidence", &S::basket_min_confidence, 0, 1,
                                   kProbability),
    std::make_unique<CountOption>("basket_max_items", &S::basket_max_items, 2,
                                  "a whole number of at least 2"),
    std::make_unique<CountOption>("basket_max_rules", &S::basket_max_rules, 0, "a whole number"),
    std::make_unique<FlagOption>("basket_triples", &S::basket_triples),
    std::make_unique<CustomOption>("timezone", read_timezone, write_timezone),
    std::make_unique<ChoiceOption<TrendGrain, 4>>(
        "trend_grain", &S::trend_grain,
        std::array{std::pair{TrendGrain::automatic, "auto"}, std::pair{TrendGrain::day, "day"},
                   std::pair{TrendGrain::week, "week"}, std::pair{TrendGrain::month, "month"}},
        "\"auto\", \"day\", \"week\" or \"month\""),
    std::make_unique<CountOption>("change_window_days", &S::change_window_days, 1,
                                  "a positive whole number of days"),
    std::make_unique<NumberOption>("gap_warning_share", &S::gap_warning_share, 0, 1, kShare),
    std::make_unique<NumberOption>("gap_critical_share", &S::gap_critical_share, 0, 1, kShare),
    std::make_unique<CustomOption>("sections", read_sections, write_sections),
};

}  // namespace

Result<Settings> Settings::from_json(std::string_view json) {
  return from_json(json, Settings{});
}

Result<Settings> Settings::from_json(std::string_view json, const Settings& base) {
  const std::optional<JsonValue> object = JsonValue::parse(json);
  if (!object || !object->is_object()) {
    return Status::error(ErrorCode::bad_config, "settings must be a JSON object");
  }
  Settings settings = base;
  for (const auto& [key, value] : object->members()) {
    const Option* option = nullptr;
    for (const auto& candidate : kOptions)
      if (key == candidate->name()) option = candidate.get();
    if (option == nullptr) {
      return Status::error(ErrorCode::bad_config, "settings: unknown option \"" + key + "\"");
    }
    if (Status status = option->read(value, settings); !status.ok()) return status;
  }
  return settings;
}

void Settings::write_json(JsonWriter& out) const {
  out.begin_object();
  for (const auto& option : kOptions)
    option->write(out, *this);
  out.end_object();
}

std::vector<std::string> Settings::option_names() {
  std::vector<std::string> names;
  for (const auto& option : kOptions)
    names.emplace_back(option->name());
  return names;
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
    case Section::trends:
      return "trends";
  }
  return "dimensions";
}

std::string Settings::confidence_text() const {
  return double_to_string(std::round(confidence * 10000) / 100) + "%";
}

}  // namespace basketlift
