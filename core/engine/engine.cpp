#include "engine/engine.h"

#include <cstdio>

#include <algorithm>
#include <limits>
#include <string>

#include "analysis/context.h"
#include "sim/sim_json.h"
#include "util/byte_scan.h"
#include "warehouse/aggregates_report.h"

namespace basketlift {

Engine::Engine(Settings settings) : settings_(std::move(settings)) {}

Engine::~Engine() = default;

Status Engine::configure(std::string_view settings_json) {
  Result<Settings> parsed = Settings::from_json(settings_json);
  if (!parsed.ok()) return parsed.status();
  settings_ = std::move(parsed.value());
  settings_json_ = std::string(settings_json);
  return Status::success();
}

Status Engine::begin_file(FileOptions options) {
  if (open_file_) {
    return Status::error(ErrorCode::bad_usage, "begin_file: '" + open_file_->report().file +
                                                   "' is still open; call end_file first");
  }
  if (files_.size() >= std::numeric_limits<std::uint16_t>::max()) {
    return Status::error(ErrorCode::bad_usage, "begin_file: too many files in one analysis");
  }
  if (options.name.empty()) options.name = "file " + std::to_string(files_.size() + 1);
  open_file_ = std::make_unique<FileIngest>(store_, std::move(options), settings_.slash_date_order,
                                            static_cast<std::uint16_t>(files_.size()));
  return Status::success();
}

Status Engine::feed(std::string_view chunk) {
  if (!open_file_)
    return Status::error(ErrorCode::bad_usage, "feed: no file is open; call begin_file first");
  if (!range_) return feed_open_file(chunk);
  // 16 bytes at a time: a byte loop here took 121 of the 1,358 ms a range reader spent feeding
  // the 1M-order NDJSON's ranges in wasm.
  range_->end.newlines += count_byte(chunk.data(), chunk.data() + chunk.size(), '\n');
  range_->end.bytes += chunk.size();
  if (range_->status.ok()) range_->status = feed_open_file(chunk);  // after a failure: skipped
  return range_->status;
}

namespace {

// A size for a message: whole MB, or whole kB below 1 MB (a cap of 600 kB must not read "0 MB").
std::string size_text(std::size_t bytes) {
  const bool small = bytes < 1'000'000;
  char text[32];
  std::snprintf(text, sizeof text, small ? "%.0f kB" : "%.0f MB",
                static_cast<double>(bytes) / (small ? 1e3 : 1e6));
  return text;
}

}  // namespace

Status Engine::feed_open_file(std::string_view chunk) {
  Status status = open_file_->feed(chunk);
  if (status.ok() && memory_limit_ > 0 && memory_bytes() > memory_limit_ / 2) {
    return open_file_->stop(ErrorCode::too_large,
                            "the data read so far needs " + size_text(memory_bytes()) +
                                ", more than the " + size_text(memory_limit_ / 2) +
                                " this engine may hold while leaving room to analyse it");
  }
  return status;
}

Status Engine::end_file() {
  if (!open_file_) return Status::error(ErrorCode::bad_usage, "end_file: no file is open");
  Status status = open_file_->finish();
  if (status.ok() && open_file_->aggregates()) status = read_aggregates();
  files_.push_back(open_file_->report());
  open_file_.reset();
  return status;
}

Status Engine::read_aggregates() {
  FileReport& report = open_file_->mutable_report();
  Status status;
  if (aggregates_) {
    status =
        Status::error(ErrorCode::bad_input, "'" + report.file +
                                                "': one aggregates file per analysis (another was "
                                                "read before)");
  } else {
    Result<Aggregates> parsed = parse_aggregates(*open_file_->aggregates(), report.file);
    if (parsed.ok()) {
      aggregates_ = std::move(parsed.value());
      return status;
    }
    status = parsed.status();
  }
  report.error = status.message;
  return status;
}

Status Engine::analyze_aggregates() {
  const bool raw_files = std::any_of(files_.begin(), files_.end(),
                                     [](const FileReport& f) { return f.table.has_value(); });
  if (raw_files) {
    return Status::error(ErrorCode::bad_input,
                         "an aggregates file is analysed alone: it already sums the warehouse's "
                         "tables, and raw files cannot be added to sums");
  }
  Settings settings = aggregates_->settings;
  if (!settings_json_.empty()) {
    Result<Settings> merged = Settings::from_json(settings_json_, aggregates_->settings);
    if (!merged.ok()) return merged.status();
    settings = merged.value();
    const std::string conflict = conflicting_query_setting(aggregates_->settings, settings);
    if (!conflict.empty()) {
      return Status::error(ErrorCode::bad_config,
                           "the settings give " + conflict +
                               " another value than the aggregates file was computed with; run "
                               "basketlift sql again with these settings, or leave " +
                               conflict + " out");
    }
  }
  report_ = report_from_aggregates(*aggregates_, settings, store_);
  analyzed_ = true;
  return Status::success();
}

Status Engine::analyze() {
  if (open_file_) {
    return Status::error(ErrorCode::bad_usage, "analyze: '" + open_file_->report().file +
                                                   "' is still open; call end_file first");
  }
  if (aggregates_) return analyze_aggregates();
  const bool has_rec_column = std::any_of(files_.begin(), files_.end(), [](const FileReport& f) {
    return f.table == Table::orders &&
           std::any_of(f.columns.begin(), f.columns.end(),
                       [](const auto& column) { return column.second == Field::rec_id; });
  });
  if (settings_.timezone != zone_.name && settings_.timezone != "UTC") {
    return Status::error(ErrorCode::bad_config,
                         "settings.timezone is '" + settings_.timezone +
                             "' but the engine holds no rules for it (the command line reads "
                             "them from /usr/share/zoneinfo; the browser from Intl)");
  }
  const ZoneRules zone = settings_.timezone == zone_.name ? zone_ : ZoneRules::utc();
  report_ = Report{};
  analyzed_ = true;
  report_.inputs = files_;
  report_.settings = settings_;
  const AnalysisContext context = build_context(store_, settings_);
  report_.summary = compute_summary(context, has_rec_column, settings_.confidence);
  // Sections left out by settings.sections say so; the others are computed in full.
  const auto skipped = [](auto& section) {
    section.available = false;
    section.reason = "not computed: left out by settings.sections";
  };
  const Settings& s = settings_;
  if (s.wants(Section::dimensions))
    report_.dimensions = analyze_dimensions(context);
  else
    skipped(report_.dimensions);
  // The data-gap checks need the units' arms only; their outcomes serve experiment and offers.
  const ExperimentUnits units = build_units(
      context, s.wants(Section::experiment) || s.wants(Section::offers) ? UnitDetail::full
                                                                        : UnitDetail::arms);
  if (s.wants(Section::experiment))
    report_.experiment = analyze_experiment(context, units);
  else
    skipped(report_.experiment);
  if (s.wants(Section::offers))
    report_.offers = analyze_offers(context, units, report_.experiment);
  else
    skipped(report_.offers);
  if (s.wants(Section::ltv))
    report_.ltv = analyze_ltv(context);
  else
    skipped(report_.ltv);
  if (s.wants(Section::basket))
    report_.basket = analyze_baskets(context);
  else
    skipped(report_.basket);
  if (s.wants(Section::trends))
    report_.trends = analyze_trends(context, zone, s.wants(Section::experiment) ? &units : nullptr);
  else
    skipped(report_.trends);
  report_.accepted_derived = context.accepted_derived;
  report_.data_gaps = analyze_data_gaps(context, files_, report_.summary, units);
  if (std::optional<GapCheck> gap = tracking_gap_check(report_.trends, s)) {
    std::vector<GapCheck>& checks = report_.data_gaps.checks;
    checks.insert(std::find_if(checks.begin(), checks.end(),
                               [&](const GapCheck& c) { return c.severity < gap->severity; }),
                  std::move(*gap));
  }
  report_.alerts =
      experiment_and_offer_alerts(report_.experiment, report_.offers, store_, s.alpha());
  for (Alert& alert : trend_alerts(report_.trends, store_))
    report_.alerts.push_back(std::move(alert));
  for (Alert& alert : data_gap_alerts(report_.data_gaps))
    report_.alerts.push_back(std::move(alert));
  sort_alerts(report_.alerts);
  report_.store_bytes = store_.bytes();
  return Status::success();
}

Result<RangeSpec> Engine::range_spec() const {
  if (!open_file_) return Status::error(ErrorCode::bad_usage, "range_spec: no file is open");
  const FileReport& report = open_file_->report();
  if (!report.table || !report.format || *report.format == Format::json ||
      *report.table == Table::products || open_file_->head().empty()) {
    return Status::error(ErrorCode::bad_usage, "range_spec: this file is read whole");
  }
  const FileOptions& options = open_file_->options();
  RangeSpec spec;
  spec.name = options.name;
  spec.table = options.table;
  spec.format = *report.format;
  spec.mapping = options.mapping;
  spec.head = std::string(open_file_->head());
  spec.head_lines = open_file_->reader()->head_lines();
  return spec;
}

std::optional<std::size_t> Engine::find_range_start(std::string_view window) {
  return open_file_ ? open_file_->find_range_start(window) : std::nullopt;
}

Result<RangeMerge> Engine::merge_range(std::string_view serialized, bool last) {
  if (!open_file_ || !open_file_->reader())
    return Status::error(ErrorCode::bad_usage, "merge_range: no file is being read");
  FormatReader& reader = *open_file_->reader();
  const Result<RangeEnd> end = range_end_of(serialized);
  if (!end.ok()) return end.status();
  // The range starts where this engine stopped only if that is a record boundary, and it may
  // be merged only if it ends at one too (or ends the file).
  if (!reader.at_record_boundary() || (!end.value().clean && !last)) {
    return RangeMerge::read_serially;
  }
  const std::uint64_t first_line = reader.next_line();
  Result<RangeMerge> merged = open_file_->merge_range(serialized, first_line);
  if (!merged.ok() || merged.value() != RangeMerge::merged) return merged;
  reader.set_next_line(first_line + end.value().newlines);
  if (memory_limit_ > 0 && memory_bytes() > memory_limit_ / 2) {
    return open_file_->stop(ErrorCode::too_large,
                            "the data read so far needs more than half of "
                            "the memory this engine may use");
  }
  return merged;
}

Status Engine::begin_range(const RangeSpec& spec, std::uint64_t size) {
  if (open_file_ || !files_.empty() || store_.lines.size() > 0) {
    return Status::error(ErrorCode::bad_usage, "begin_range: the engine must hold nothing");
  }
  FileOptions options;
  options.name = spec.name;
  options.table = spec.table;
  options.format = spec.format;
  options.mapping = spec.mapping;
  options.size = size;  // sizes the columns
  options.range_head_lines = spec.head_lines;
  if (Status status = begin_file(std::move(options)); !status.ok()) return status;
  range_.emplace();
  range_->end.head_lines = spec.head_lines;
  // The head's lines are not the range's (fed past the accounts).
  if (Status status = feed_open_file(spec.head); !status.ok()) {
    reset();
    return status;
  }
  return Status::success();
}

Result<ByteArray> Engine::end_range() {
  if (!range_) return Status::error(ErrorCode::bad_usage, "end_range: no range is open");
  OpenRange range = std::move(*range_);
  range_.reset();
  if (!open_file_) {  // end_file() ended it
    reset();
    return Status::error(ErrorCode::bad_usage, "end_range: the range's file was ended already");
  }
  range.end.clean = range.status.ok() && open_file_->reader() != nullptr &&
                    open_file_->reader()->at_record_boundary();
  const Status ended = end_file();
  if (!range.status.ok() || !ended.ok()) {
    reset();
    return range.status.ok() ? ended : range.status;
  }
  ByteArray serialized = serialize_range(store_, files_.back(), range.end);
  reset();
  return serialized;
}

Result<ByteArray> Engine::read_range(const RangeSpec& spec, std::string_view bytes) {
  Status status = begin_range(spec, bytes.size());
  constexpr std::size_t kChunk = 1 << 20;  // the reader's buffer stays this small
  for (std::size_t at = 0; status.ok() && at < bytes.size(); at += kChunk)
    status = feed(bytes.substr(at, kChunk));
  if (!range_) return status;  // begin_range refused
  return end_range();
}

std::size_t Engine::memory_bytes() const {
  return store_.bytes() + (open_file_ ? open_file_->buffered_bytes() : 0);
}

void Engine::reset() {
  range_.reset();
  store_ = Store();
  files_.clear();
  open_file_.reset();
  report_ = Report{};
  analyzed_ = false;
  aggregates_.reset();
}

Result<sim::Baseline> Engine::simulation_baseline(std::string_view scenario_json) const {
  if (!analyzed_)
    return Status::error(ErrorCode::bad_usage, "simulate: no report yet; call analyze first");
  Result<sim::Grouping> grouping = sim::grouping_of(scenario_json);
  if (!grouping.ok()) return grouping.status();
  return sim::baseline_from_facts(sim::report_facts(report_, store_), grouping.value());
}

}  // namespace basketlift
