// Every threshold and option the analyses use; the report echoes them under `settings`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/value_parse.h"
#include "util/json_writer.h"
#include "util/status.h"

namespace basketlift {

/// How p-values of one family of comparisons are adjusted.
enum class Adjustment : std::uint8_t { holm, benjamini_hochberg };

/// Winsorising of per-session revenue and margin (SPEC §3.3).
enum class Capping : std::uint8_t { off, upper, two_sided };

/// Report sections that can be left out (settings `sections`); summary, data gaps and alerts
/// are always computed.
enum class Section : std::uint8_t { dimensions, experiment, offers, ltv, basket, trends };
/// Number of optional sections.
constexpr int kSectionCount = 6;
/// Stable name of a section ("ltv").
const char* section_name(Section section);

/// The length of the trends' periods; `automatic` chooses from the data's span.
enum class TrendGrain : std::uint8_t { automatic, day, week, month };

/// Options in force for one analysis. Defaults follow SPEC §3.
struct Settings {
  std::string control_arm = "control";  ///< the arm every other arm is compared with
  double confidence = 0.95;             ///< level of every interval; alpha = 1 − confidence
  SlashDateOrder slash_date_order = SlashDateOrder::month_first;  ///< for ambiguous d/m dates
  /// Expected share per arm for the sample-ratio check; empty = equal split.
  std::vector<std::pair<std::string, double>> expected_split;
  double srm_alert_p = 0.001;                ///< SRM p-value under which an arm is untrustworthy
  std::uint64_t srm_min_units = 8;           ///< units per arm needed to run the SRM check
  Adjustment adjustment = Adjustment::holm;  ///< multiple-testing correction
  Capping capping = Capping::off;            ///< winsorising of per-session revenue and margin
  double capping_percentile = 0.99;          ///< the cap's percentile of pooled non-zero values
  double power = 0.8;                        ///< power for minimum detectable effects
  double target_relative_lift = 0.05;        ///< lift whose sample size is reported
  bool sequential = false;            ///< always-valid intervals and p-values (any number of looks)
  double sequential_tuning_n = 5000;  ///< units (both arms) the confidence sequence is tightest at
  bool cuped = true;  ///< adjust the experiment's metrics with each customer's pre-period (CUPED)
  std::uint64_t cuped_pre_period_days = 30;     ///< days before a customer's first unit that count
  double cuped_min_covered_share = 0.1;         ///< fewer units with a pre-period: no adjustment
  std::uint64_t retire_min_impressions = 1000;  ///< impressions before an offer can be retired
  double retire_acceptance_floor = 0.02;  ///< retire when acceptance's upper bound is under this
  std::uint64_t min_impressions_for_verdict = 100;  ///< fewer impressions: always inconclusive
  double attribution_window_hours = 24;  ///< derived acceptance: same customer within this
  std::vector<int> ltv_windows_days = {30, 90, 365};  ///< customer-value horizons
  std::uint64_t max_dimension_groups = 100;  ///< groups listed per dimension (the rest summed)
  double basket_min_support =
      0.001;  ///< pairs in at least this share of baskets, and at least 10
              ///< baskets (a value >= 1 is a count of baskets, used as given)
  double basket_min_confidence = 0.05;   ///< rules at least this confident
  std::uint64_t basket_max_items = 50;   ///< larger baskets (wholesale orders) are left out
  std::uint64_t basket_max_rules = 200;  ///< pairs and candidates listed
  bool basket_triples = false;           ///< also mine A + B → C (bundles)
  std::string timezone = "UTC";          ///< the merchant's IANA time zone: the trends' calendar
  TrendGrain trend_grain = TrendGrain::automatic;  ///< day, week (ISO, Monday) or month
  std::uint64_t change_window_days = 14;  ///< offers' change alerts: last window vs the one before
  double gap_warning_share = 0.01;   ///< a data gap touching this share (of revenue, rows...) warns
  double gap_critical_share = 0.10;  ///< ... and this share is critical
  std::uint8_t sections = (1u << kSectionCount) - 1;  ///< bit per Section to compute (all)

  /// True when the section is to be computed.
  bool wants(Section section) const { return (sections >> static_cast<int>(section)) & 1u; }

  /// Significance level.
  double alpha() const { return 1 - confidence; }
  /// The confidence level as text for sentences: "95%", "90%", "99.5%".
  std::string confidence_text() const;
  /// Reads a settings document: a JSON object whose keys override the defaults. Unknown keys
  /// and values of the wrong type are errors (a typo must not silently keep a default).
  static Result<Settings> from_json(std::string_view json);
  /// The same with the document's keys overriding `base` instead of the defaults.
  static Result<Settings> from_json(std::string_view json, const Settings& base);
  /// Writes every option as one JSON object (what from_json reads back to equal settings).
  void write_json(JsonWriter& out) const;
  /// The options' names, in the order write_json writes them (one table serves both).
  static std::vector<std::string> option_names();
};

}  // namespace basketlift
