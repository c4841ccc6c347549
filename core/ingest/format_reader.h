// The chunked interface every file format implements, and the sink that receives its rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ingest/field.h"
#include "ingest/record.h"
#include "ingest/reject_reason.h"
#include "util/status.h"

namespace basketlift {

/// Receives what a format reader finds in a file.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  /// The column names (CSV header) or the first record's keys: fixes the table and mapping.
  /// A failed status makes the whole file unreadable.
  virtual Status on_columns(const std::vector<std::string_view>& names) = 0;
  /// The field a column or key feeds, or nullopt to skip it. Only called after on_columns.
  virtual std::optional<Field> field_for(std::string_view name) = 0;
  /// A complete row.
  virtual void on_record(const Record& record) = 0;
  /// A row the reader could not turn into a record; `detail` says what was wrong and `text`
  /// holds the row as written (shortened in the report).
  virtual void on_unreadable_row(std::uint64_t row, RejectReason reason, std::string_view detail,
                                 std::string_view text) = 0;
  /// The CSV delimiter found in the header line, and whether numbers use a decimal comma.
  virtual void on_csv_dialect(char /*delimiter*/, bool /*decimal_comma*/) {}
};

/// Turns a stream of bytes of one format into records. The result never depends on where the
/// stream is cut into chunks.
class FormatReader {
 public:
  virtual ~FormatReader() = default;
  /// Consumes the next chunk; a record cut at the chunk's end is carried over.
  virtual Status feed(std::string_view chunk) = 0;
  /// Ends the stream, flushing a last record that has no line end.
  virtual Status finish() = 0;
  /// Bytes held between chunks (buffers and parser state).
  virtual std::size_t buffered_bytes() const = 0;

  // Reading a file in byte ranges (ingest/range_reading.h):
  /// True when the bytes fed so far end exactly at a record boundary, nothing carried over.
  virtual bool at_record_boundary() const { return false; }
  /// Line number of the next byte to be read.
  virtual std::uint64_t next_line() const { return 0; }
  /// Numbers the next byte's line as `line` (reading goes on at a range cut).
  virtual void set_next_line(std::uint64_t /*line*/) {}
  /// Lines that made up the head: the CSV header, or the NDJSON lines up to the object whose
  /// keys decided the columns (0 while undecided).
  virtual std::uint64_t head_lines() const { return 0; }
};

}  // namespace basketlift
