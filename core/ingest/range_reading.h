// Reading one file in byte ranges at once (a pool of Web Workers, or threads): how a range is
// described to whoever reads it, and where a range may start.
//
// The engine that owns the file reads its head and first range itself. Every later range starts
// at a record boundary found by find_range_start(); for orders, where an order's lines follow
// one another, it starts where the order id changes, so that no order is split between ranges.
// A range is read by a fresh engine from the file's head (which decides the columns exactly as
// for the whole file) followed by the range's bytes, with rows numbered from the head; the owner
// then merges the ranges in file order (store/range_merge.h), with the columns each met (a JSON
// key first seen in a later range is listed where a whole read would list it). Whatever the
// speculation gets wrong — a cut inside a quoted field, an order whose lines are not together — is
// detected at the merge, and the owner reads the rest of the file itself: the result never differs
// from reading the file whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/column_mapper.h"
#include "ingest/file_report.h"
#include "util/status.h"

namespace basketlift {

/// How to read a byte range of a file: the file's options, its detected format and its head.
struct RangeSpec {
  std::string name;              ///< the file's name (messages)
  std::optional<Table> table;    ///< the table, when the caller forced it
  Format format = Format::csv;   ///< the detected (or forced) format: csv or ndjson
  ColumnMapping mapping;         ///< the caller's column mapping
  std::string head;              ///< the file's first head_lines lines
  std::uint64_t head_lines = 0;  ///< lines of the head (the CSV header, or NDJSON up to the
                                 ///< object whose keys decided the columns)

  /// As a JSON object (for a worker).
  std::string to_json() const;
  /// Reads to_json()'s form.
  static Result<RangeSpec> from_json(std::string_view json);
};

/// Where the order id lies in a record, to keep an order's lines in one range.
struct OrderIdLocator {
  std::optional<std::size_t> csv_column;  ///< CSV: index of the column that feeds order_id
  std::string ndjson_key;                 ///< NDJSON: the key that feeds order_id (flat lines)
  std::size_t csv_columns = 0;            ///< CSV: fields of a record (the header's)
};

/// Offset in `window` — bytes of a file from some point after its head — where a range may
/// start: after a line end that is followed by records of the right field count (for CSV, a
/// line end inside a quoted field rarely is; whatever slips through is caught at the merge),
/// then, when `order` names an order id, at the first record whose order id differs from the
/// first record's. nullopt when the window ends first.
std::optional<std::size_t> find_range_start(std::string_view window, Format format, char delimiter,
                                            const OrderIdLocator& order);

}  // namespace basketlift
