#include "engine/engine.h"

#include <cstdio>

#include <algorithm>
#include <limits>

#include "analysis/context.h"

namespace basketlift {

Engine::Engine(Settings settings) : settings_(std::move(settings)) {}

Engine::~Engine() = default;

Status Engine::configure(std::string_view settings_json) {
  Result<Settings> parsed = Settings::from_json(settings_json);
  if (!parsed.ok()) return parsed.status();
  settings_ = std::move(parsed.value());
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
  Status status = open_file_->feed(chunk);
  if (status.ok() && memory_limit_ > 0 && memory_bytes() > memory_limit_ / 2) {
    constexpr double kMb = 1e6;
    char why[160];
    std::snprintf(why, sizeof why,
                  "the data read so far needs %.0f MB, more than the %.0f MB this engine may "
                  "hold while leaving room to analyse it",
                  static_cast<double>(memory_bytes()) / kMb,
                  static_cast<double>(memory_limit_ / 2) / kMb);
    return open_file_->stop(ErrorCode::too_large, why);
  }
  return status;
}

Status Engine::end_file() {
  if (!open_file_) return Status::error(ErrorCode::bad_usage, "end_file: no file is open");
  Status status = open_file_->finish();
  files_.push_back(open_file_->report());
  open_file_.reset();
  return status;
}

Status Engine::analyze() {
  if (open_file_) {
    return Status::error(ErrorCode::bad_usage, "analyze: '" + open_file_->report().file +
                                                   "' is still open; call end_file first");
  }
  const bool has_rec_column = std::any_of(files_.begin(), files_.end(), [](const FileReport& f) {
    return f.table == Table::orders &&
           std::any_of(f.columns.begin(), f.columns.end(),
                       [](const auto& column) { return column.second == Field::rec_id; });
  });
  report_ = Report{};
  report_.inputs = files_;
  report_.settings = settings_;
  const AnalysisContext context = build_context(store_, settings_);
  report_.summary = compute_summary(store_, has_rec_column, context.currency, settings_.confidence);
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
  const ExperimentUnits units = build_units(context);
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
  report_.accepted_derived = context.accepted_derived;
  report_.data_gaps = analyze_data_gaps(context, files_, report_.summary, units);
  report_.alerts = experiment_and_offer_alerts(report_.experiment, report_.offers, store_);
  for (Alert& alert : data_gap_alerts(report_.data_gaps))
    report_.alerts.push_back(std::move(alert));
  sort_alerts(report_.alerts);
  report_.store_bytes = store_.bytes();
  return Status::success();
}

std::size_t Engine::memory_bytes() const {
  return store_.bytes() + (open_file_ ? open_file_->buffered_bytes() : 0);
}

void Engine::reset() {
  store_ = Store();
  files_.clear();
  open_file_.reset();
  report_ = Report{};
}

}  // namespace basketlift
