// The aggregates file: what a warehouse query (`basketlift sql`) computes from the merchant's
// tables instead of handing over rows — counts and exact sums per figure, one CSV table whose
// first header cell is `basketlift_aggregates`. Layout and versions: README "Larger than a tab".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/settings.h"
#include "analysis/summary.h"
#include "ingest/file_report.h"
#include "util/status.h"

namespace basketlift {

/// The first header cell that marks an aggregates file.
constexpr const char* kAggregatesMarker = "basketlift_aggregates";
/// The format version this engine writes (in the query) and reads; older versions stay readable.
constexpr int kAggregatesVersion = 1;

/// What one aggregates file holds.
struct Aggregates {
  int version = kAggregatesVersion;  ///< the highest version among its rows
  std::string settings_json;         ///< the settings the query was written with
  Settings settings;                 ///< the same, read
  SummarySums summary;               ///< the summary's counts and sums
  std::vector<FileReport> tables;    ///< per warehouse table: rows read, used, rejected
};

/// True when `head` (a file's first bytes, a UTF-8 BOM allowed) starts an aggregates file.
bool is_aggregates_file(std::string_view head);

/// Reads an aggregates file; `name` names it in errors and in the tables' accounts. Fails with
/// the row, column and reason of the first value it cannot use.
Result<Aggregates> parse_aggregates(std::string_view bytes, const std::string& name);

/// The settings the query depends on: a --config that differs from the file in one of these
/// cannot be honoured without running the query again. Returns the first such name, or empty.
std::string conflicting_query_setting(const Settings& file, const Settings& wanted);

}  // namespace basketlift
