// Reads one input file, whatever its format, into the store, accounting for every row.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_mapper.h"
#include "ingest/file_report.h"
#include "ingest/format_reader.h"
#include "ingest/table_loader.h"
#include "store/range_merge.h"
#include "store/store.h"

namespace basketlift {

/// How the caller describes a file.
struct FileOptions {
  std::string name;              ///< shown in the report and in every message
  std::optional<Table> table;    ///< forces the table instead of detecting it from the header
  std::optional<Format> format;  ///< forces the format instead of detecting it from the bytes
  ColumnMapping mapping;         ///< user column mapping, applied before the built-in names
  std::uint64_t size = 0;  ///< the file's size in bytes when known (0: unknown); sizes columns
  /// Reading one byte range of a larger file (ingest/range_reading.h) when > 0: the first bytes
  /// fed are the file's head, this many lines that only set up the columns; their rows are not
  /// loaded. The format must be given; the file-level checks (binary, empty) are skipped.
  std::uint64_t range_head_lines = 0;
};

/// Ingests one file through the chunked interface: feed() any number of times, then finish().
/// Detects the format from the first bytes, the table from the header, and feeds the rows to
/// the table's loader. Implements the sink the format readers report to.
class FileIngest final : public RecordSink {
 public:
  /// Prepares to read file number `index` into `store`.
  FileIngest(Store& store, FileOptions options, SlashDateOrder date_order, std::uint16_t index);
  ~FileIngest() override;

  /// Consumes the next chunk of bytes.
  Status feed(std::string_view chunk);
  /// Ends the file. Fails when the file could not be read at all.
  Status finish();
  /// Stops reading for a reason found outside the file (the engine's memory cap): the rows
  /// read so far stay, the reader's buffers are freed, and finish() reports `why`.
  Status stop(ErrorCode code, const std::string& why);
  /// The file's account so far.
  const FileReport& report() const { return report_; }
  /// The options the file was opened with.
  const FileOptions& options() const { return options_; }
  /// Bytes held by the reader between chunks.
  std::size_t buffered_bytes() const;
  /// The reader (null before the format is known).
  FormatReader* reader() { return reader_.get(); }
  /// The reader (null before the format is known).
  const FormatReader* reader() const { return reader_.get(); }
  /// The file's head — its first head_lines() lines, which decide the columns — once known
  /// (empty before, or when it is longer than 1 MB).
  std::string_view head() const {
    return head_known_ ? std::string_view(head_copy_) : std::string_view();
  }
  /// Where in `window` (bytes of this file after its head) a byte range may start; see
  /// ingest/range_reading.h. nullopt before the columns are known or when the window ends first.
  std::optional<std::size_t> find_range_start(std::string_view window);
  /// The bytes of an aggregates file (warehouse/aggregates.h), which no reader reads; nullopt
  /// for every other file.
  const std::optional<std::string>& aggregates() const { return aggregates_; }
  /// The account, for the engine to complete (an aggregates file's counts).
  FileReport& mutable_report() { return report_; }
  /// Merges a range of this file another engine read (store/range_merge.h), as the file's range
  /// starting on line `first_line`: its rows, its account and the columns it met.
  Result<RangeMerge> merge_range(std::string_view serialized, std::uint64_t first_line);

  Status on_columns(const std::vector<std::string_view>& names) override;
  std::optional<Field> field_for(std::string_view name) override;
  void on_record(const Record& record) override;
  void on_unreadable_row(std::uint64_t row, RejectReason reason, std::string_view detail,
                         std::string_view text) override;
  void on_csv_dialect(char delimiter, bool decimal_comma) override;

 private:
  // Decides the format from the file's first bytes (head_, or a first chunk) and reads them.
  Status start(std::string_view first_bytes);
  Status start_range();
  Status feed_bytes(std::string_view chunk);
  // Reserves the store's columns for the whole file once the first rows tell its bytes per row.
  void reserve_from_size();
  // True when `head` holds nothing but a BOM and white space.
  static bool only_space(std::string_view head);
  // Bytes looked at before the format is decided (the binary check covers exactly these).
  static constexpr std::size_t kSniffBytes = 4096;
  Status fail(ErrorCode code, const std::string& why);

  Store& store_;
  FileOptions options_;
  std::uint16_t index_;
  ValueOptions values_;
  ColumnMapper mapper_;
  FileReport report_;
  std::unique_ptr<FormatReader> reader_;
  std::unique_ptr<TableLoader> loader_;
  std::string head_;                       // first bytes, held until kSniffBytes or the end arrive
  std::optional<std::string> aggregates_;  // an aggregates file's bytes, kept whole
  static constexpr std::size_t kMaxAggregatesBytes = std::size_t{256} << 20;
  bool failed_ = false;
  bool reserved_ = false;
  // The first bytes, kept until the head is known (ranges read elsewhere need it).
  void keep_head(std::string_view chunk);
  std::string head_copy_;
  bool head_known_ = false;
  bool head_abandoned_ = false;
};

}  // namespace basketlift
