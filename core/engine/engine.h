// The engine facade: the one object the CLI and the wasm binding talk to.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/settings.h"
#include "ingest/file_ingest.h"
#include "ingest/range_reading.h"
#include "report/report.h"
#include "sim/simulator.h"
#include "store/range_merge.h"
#include "store/store.h"
#include "util/status.h"
#include "warehouse/aggregates.h"

namespace basketlift {

/// Reads files chunk by chunk into one store, then analyses them into a report.
/// Typical use: for each file begin_file(), feed() its bytes, end_file(); then analyze().
/// A failed file leaves the engine usable: its entry records the error and reading goes on.
class Engine {
 public:
  /// An empty engine with the given settings.
  explicit Engine(Settings settings = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Replaces the settings (a JSON object of overrides; see Settings::from_json).
  Status configure(std::string_view settings_json);
  /// Starts a new file. Fails while another file is open.
  Status begin_file(FileOptions options);
  /// Feeds the next chunk of the open file.
  Status feed(std::string_view chunk);
  /// Ends the open file. Fails when the file could not be read at all.
  Status end_file();
  /// Computes the report from every file read so far.
  Status analyze();
  /// The calendar of the trends: the rules of the zone settings.timezone names (natively from
  /// /usr/share/zoneinfo, ZoneRules::from_tzif; in a browser from Intl). Without them a
  /// timezone other than "UTC" makes analyze() fail.
  void set_time_zone(ZoneRules rules) { zone_ = std::move(rules); }

  // Reading one file in byte ranges at once (ingest/range_reading.h). The engine reads the
  // file's head and first range as usual; other engines read later ranges with read_range(),
  // and this one merges them in file order with merge_range(), feeding a range's bytes itself
  // when the merge says read_serially.

  /// How other engines read ranges of the open file; fails until its columns are known, or for
  /// formats and tables that are read whole (JSON arrays, catalogues).
  Result<RangeSpec> range_spec() const;
  /// Where in `window` — the open file's bytes from some point after its head — a range may
  /// start; nullopt when the window ends first.
  std::optional<std::size_t> find_range_start(std::string_view window);
  /// Merges a range read by read_range() (its bytes come next in the open file); `last` when
  /// it ends the file. read_serially: nothing was merged, feed() the range's bytes instead.
  Result<RangeMerge> merge_range(std::string_view serialized, bool last);
  /// Begins reading one byte range (`size` bytes) of a file described by `spec` into this
  /// engine, which must hold nothing: feed() the range's bytes in chunks of any size, then
  /// end_range().
  Status begin_range(const RangeSpec& spec, std::uint64_t size);
  /// Ends the range begun by begin_range() and returns it serialised for merge_range(), or the
  /// first failure of its feeds; the engine is reset either way.
  Result<ByteArray> end_range();
  /// begin_range(), feed() of `bytes`, end_range().
  Result<ByteArray> read_range(const RangeSpec& spec, std::string_view bytes);

  /// The last report computed by analyze().
  const Report& report() const { return report_; }
  /// The last report as JSON (strings escaped as `escapes` says).
  std::string report_json(bool pretty = false, JsonEscapes escapes = JsonEscapes::required) const {
    return report_to_json(report_, store_, pretty, escapes);
  }
  /// The what-if simulator's baseline taken from the last report itself (no JSON in between),
  /// grouped as the scenario's "grouping" says; fails before analyze().
  Result<sim::Baseline> simulation_baseline(std::string_view scenario_json) const;
  /// The accounts of the files read so far.
  const std::vector<FileReport>& files() const { return files_; }
  /// The settings in force.
  const Settings& settings() const { return settings_; }
  /// The columnar store.
  const Store& store() const { return store_; }
  /// Rows read so far in the open file (0 when none is open), for progress displays.
  std::uint64_t open_file_rows() const { return open_file_ ? open_file_->report().rows_read : 0; }
  /// Bytes held by the store and by the open file's reader.
  std::size_t memory_bytes() const;
  /// Caps the memory the engine may use (0: no cap). Reading stops with a too_large error
  /// once the data needs more than half of it (the other half is for analyze()); the file
  /// is then listed with that error, and reset() frees everything.
  void set_memory_limit(std::size_t bytes) { memory_limit_ = bytes; }
  /// The cap set by set_memory_limit (0: none).
  std::size_t memory_limit() const { return memory_limit_; }
  /// Forgets every file and result; the settings stay.
  void reset();

 private:
  Settings settings_;
  ZoneRules zone_;             // the trends' calendar (UTC until set_time_zone)
  std::string settings_json_;  // the document configure() was given (empty: none)
  Store store_;
  std::vector<FileReport> files_;
  std::unique_ptr<FileIngest> open_file_;
  Status feed_open_file(std::string_view chunk);  // feed() without the range's accounts
  // The range begun by begin_range(): what serialize_range() records of it, and the first
  // failure of its feeds.
  struct OpenRange {
    RangeEnd end;
    Status status;
  };
  std::optional<OpenRange> range_;
  Report report_;
  bool analyzed_ = false;  // report_ holds an analysis of the store
  std::size_t memory_limit_ = 0;
  std::optional<Aggregates> aggregates_;  // an aggregates file read instead of rows
  Status read_aggregates();               // end_file() of an aggregates file
  Status analyze_aggregates();            // analyze() from aggregates_
};

}  // namespace basketlift
