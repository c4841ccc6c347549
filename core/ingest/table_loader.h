// Validation and storage of one table's records (one loader per input file).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/file_report.h"
#include "ingest/record.h"
#include "ingest/row_reader.h"
#include "store/store.h"
#include "util/hash.h"

namespace basketlift {

/// Validates records of one table and appends them to the store.
class TableLoader {
 public:
  virtual ~TableLoader() = default;
  /// Stores the record, or returns why not. Remarks on stored rows go to `report`.
  virtual std::optional<Rejection> load(const Record& record, FileReport& report) = 0;
  /// Makes room for `rows` rows of this file in all, `seen` of which were loaded already (their
  /// mix tells how many orders, sessions... the rest will add).
  virtual void reserve(std::size_t /*rows*/, std::size_t /*seen*/) {}
};

/// What every loader needs: where to store, how to read values, which file this is.
struct LoaderContext {
  Store& store;                ///< destination
  const ValueOptions& values;  ///< number and date conventions of the file
  std::uint16_t file;          ///< index of the file (for row origins)
};

/// The size a collection will reach: it held `at_start` items before the file, holds `now`
/// after `seen` of the file's `rows` rows, and grows on at the same pace.
inline std::size_t expected_size(std::size_t at_start, std::size_t now, std::size_t rows,
                                 std::size_t seen) {
  if (seen == 0 || rows <= seen || now < at_start) return now;
  return now +
         static_cast<std::size_t>(static_cast<double>(now - at_start) *
                                  static_cast<double>(rows - seen) / static_cast<double>(seen));
}

/// The loader for a table.
std::unique_ptr<TableLoader> make_loader(Table table, const LoaderContext& context);

/// Reads timestamp fields: kNoTime when missing or unparsable (unparsable, zone-less and
/// ambiguous values are noted in `report`). Remembers the last text read, since every line
/// of an order repeats the order's time.
class TimeReader {
 public:
  /// The time of `field` in the row read by `reader`.
  std::int64_t read(RowReader& reader, Field field, std::uint64_t row, FileReport& report);

 private:
  std::string text_;
  std::optional<Timestamp> parsed_;
};

/// Remembers the last text interned into a pool. Consecutive rows often repeat a value (every
/// line of an order repeats the order's fields), and comparing with the last one is cheaper
/// than a hash-table lookup.
class RepeatCache {
 public:
  /// The id of `text` in `pool` (an Interner or IdPool; kNoId for empty text).
  template <typename Pool>
  std::uint32_t intern(Pool& pool, std::string_view text) {
    if (text.empty()) return kNoId;
    if (id_ != kNoId && text.size() == length_ && same_bytes(text.data(), text_, length_))
      return id_;
    const std::uint32_t id = pool.intern(text);
    if (text.size() <= sizeof text_) {  // longer texts are rare enough not to be remembered
      copy_bytes(text_, text.data(), text.size());
      length_ = static_cast<std::uint32_t>(text.size());
      id_ = id;
    } else {
      id_ = kNoId;
    }
    return id;
  }

 private:
  char text_[40];
  std::uint32_t length_ = 0;
  std::uint32_t id_ = kNoId;
};

/// A column of few distinct values (channel, variant, segment, currency, placement) that change
/// from row to row: the last four texts are remembered, so their ids are found without hashing.
class LabelCache {
 public:
  /// The id of `text` in `pool` (kNoId for empty text).
  std::uint32_t intern(Interner& pool, std::string_view text) {
    if (text.empty()) return kNoId;
    for (const Entry& entry : entries_) {
      if (entry.id != kNoId && text.size() == entry.length &&
          same_bytes(text.data(), entry.text, entry.length))
        return entry.id;
    }
    const std::uint32_t id = pool.intern(text);
    if (text.size() <= sizeof(Entry::text)) {
      Entry& entry = entries_[next_];
      next_ = (next_ + 1) % kEntries;
      copy_bytes(entry.text, text.data(), text.size());
      entry.length = static_cast<std::uint32_t>(text.size());
      entry.id = id;
    }
    return id;
  }

 private:
  static constexpr std::size_t kEntries = 4;
  struct Entry {
    char text[24];
    std::uint32_t length = 0;
    std::uint32_t id = kNoId;
  };
  Entry entries_[kEntries];
  std::size_t next_ = 0;  // the entry replaced next
};

/// Interns a non-empty text into a pool (an Interner or IdPool), kNoId for empty text.
template <typename Pool>
std::uint32_t intern_or_none(Pool& pool, std::string_view text) {
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
