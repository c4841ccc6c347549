// Validation and storage of one table's records (one loader per input file).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "ingest/file_report.h"
#include "ingest/record.h"
#include "ingest/row_reader.h"
#include "store/store.h"

namespace basketlift {

/// Validates records of one table and appends them to the store.
class TableLoader {
 public:
  virtual ~TableLoader() = default;
  /// Stores the record, or returns why not. Remarks on stored rows go to `report`.
  virtual std::optional<Rejection> load(const Record& record, FileReport& report) = 0;
};

/// What every loader needs: where to store, how to read values, which file this is.
struct LoaderContext {
  Store& store;                ///< destination
  const ValueOptions& values;  ///< number and date conventions of the file
  std::uint16_t file;          ///< index of the file (for row origins)
};

/// The loader for a table.
std::unique_ptr<TableLoader> make_loader(Table table, const LoaderContext& context);

/// Reads a timestamp field: kNoTime when missing or unparsable (unparsable and zone-less
/// values are noted in `report`).
std::int64_t read_time(RowReader& reader, Field field, std::uint64_t row, FileReport& report);

/// Interns a non-empty text into a pool, kNoId for empty text.
inline std::uint32_t intern_or_none(Interner& pool, std::string_view text) {
  return text.empty() ? kNoId : pool.intern(text);
}

/// Loader factories, one per table (defined beside each loader).
std::unique_ptr<TableLoader> make_orders_loader(const LoaderContext& context);
/// Catalogue loader.
std::unique_ptr<TableLoader> make_products_loader(const LoaderContext& context);
/// Offer impressions loader.
std::unique_ptr<TableLoader> make_offers_loader(const LoaderContext& context);
/// Sessions loader.
std::unique_ptr<TableLoader> make_sessions_loader(const LoaderContext& context);

}  // namespace basketlift
