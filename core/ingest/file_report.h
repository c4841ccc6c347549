// What ingestion did with one input file: the `inputs` entry of the report (SPEC §5).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/column_mapper.h"
#include "ingest/field.h"
#include "ingest/reject_reason.h"
#include "ingest/row_note.h"

namespace basketlift {

/// Input file formats.
enum class Format : std::uint8_t { csv, json, ndjson };
/// Stable name of a format ("ndjson").
const char* format_name(Format format);
/// Parses a format name.
std::optional<Format> parse_format(std::string_view name);

/// One example row behind a count: where it is and what it holds.
struct RowExample {
  std::uint64_t row = 0;  ///< line number (CSV, NDJSON) or record index (JSON)
  std::string column;     ///< the field or column concerned (may be empty)
  std::string value;      ///< the offending value, shortened to 120 bytes
  std::string detail;     ///< a short explanation
};

/// Count and up to kMaxExamples examples of one kind of problem.
struct CountWithExamples {
  /// Examples kept per kind.
  static constexpr std::size_t kMaxExamples = 5;
  std::uint64_t count = 0;           ///< how many rows
  std::vector<RowExample> examples;  ///< the first few

  /// Counts one more and keeps it as an example while there is room.
  void add(std::uint64_t row, std::string_view column, std::string_view value,
           std::string_view detail);
};

/// The account of one file. rows_read == rows_used + rows_rejected always.
struct FileReport {
  std::string file;                    ///< name as given by the caller
  std::optional<Table> table;          ///< decided table (none when unreadable)
  std::optional<Format> format;        ///< detected or given format
  Preset preset = Preset::basketlift;  ///< recognised export layout
  std::uint64_t bytes = 0;             ///< bytes fed
  std::uint64_t rows_read = 0;         ///< rows seen (order lines for nested JSON orders)
  std::uint64_t rows_used = 0;         ///< rows stored
  std::uint64_t rows_rejected = 0;     ///< rows not stored, by reason below
  std::array<CountWithExamples, kRejectReasonCount> rejected;  ///< by RejectReason
  std::array<CountWithExamples, kRowNoteCount> notes;          ///< used rows with a remark
  std::vector<std::pair<std::string, Field>> columns;          ///< columns used and their fields
  std::vector<std::string> unknown_columns;                    ///< columns kept out of the way
  std::optional<std::string> error;  ///< why the file could not be read at all
  char delimiter = 0;                ///< CSV delimiter (0 for JSON)
  bool decimal_comma = false;        ///< CSV numbers use a decimal comma

  /// Records a rejected row.
  void reject(std::uint64_t row, RejectReason reason, std::string_view column,
              std::string_view value, std::string_view detail);
  /// Records a remark on a used row.
  void note(std::uint64_t row, RowNote kind, std::string_view column, std::string_view value);
};

}  // namespace basketlift
