// Writes the sample store's rows as CSV, a JSON array or NDJSON (and Shopify's CSV layouts).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/file_report.h"

namespace basketlift::sample {

/// How a cell is written in JSON.
enum class Kind : std::uint8_t { text, number, boolean };

/// One value of a row; empty text means missing (an empty CSV field, an absent JSON key).
struct Cell {
  std::string_view text;   ///< the value as written
  Kind kind = Kind::text;  ///< JSON type
};

/// Appends rows of one table to a text buffer in one format.
class RowWriter {
 public:
  /// A writer for a table with these columns.
  RowWriter(Format format, std::vector<std::string> columns);

  /// Header line (CSV) or the opening bracket (JSON).
  void begin(std::string& out) const;
  /// One flat row; `cells` follow the columns.
  void row(std::string& out, const std::vector<Cell>& cells);
  /// An order with its lines: the first `order_columns` columns are the order's, the rest each
  /// line's. CSV repeats the order's cells on every line; JSON/NDJSON nest lines in `items`.
  void order(std::string& out, std::size_t order_columns, const std::vector<Cell>& order_cells,
             const std::vector<std::vector<Cell>>& lines);
  /// The closing bracket (JSON).
  void end(std::string& out) const;

 private:
  void csv_cells(std::string& out, const std::vector<Cell>& cells, std::size_t first_column) const;
  void json_members(std::string& out, const std::vector<Cell>& cells, std::size_t first_column,
                    bool& first) const;
  void open_record(std::string& out);

  Format format_;
  std::vector<std::string> columns_;
  bool first_record_ = true;
};

/// Appends a whole number, zero-padded to `width` digits.
void append_padded(std::string& out, std::uint64_t value, int width);
/// Appends a money amount with two decimals.
void append_money(std::string& out, double amount);
/// Appends epoch seconds as ISO 8601 UTC ("2024-01-05T10:15:00Z").
void append_iso_time(std::string& out, std::int64_t epoch);
/// Appends epoch seconds as Shopify writes them ("2024-01-05 10:15:00 +0000").
void append_shopify_time(std::string& out, std::int64_t epoch);

}  // namespace basketlift::sample
