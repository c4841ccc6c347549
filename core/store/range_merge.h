// A byte range of a file read by another engine (a worker or a thread), handed over as bytes and
// merged into the engine that reads the file, as if it had read the range itself
// (ingest/range_reading.h tells the whole story).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/file_report.h"
#include "store/store.h"
#include "util/status.h"

namespace basketlift {

/// Where a range reader stopped.
struct RangeEnd {
  std::uint64_t head_lines = 0;  ///< lines of the head its rows were numbered after
  std::uint64_t newlines = 0;    ///< line ends in the range's bytes
  std::uint64_t bytes = 0;       ///< the range's bytes (its head not counted)
  bool clean = false;            ///< the range's bytes ended exactly at a record boundary
};

/// Serialises what a range reader loaded: its store (everything came from the one range), its
/// file's account and where it stopped.
ByteArray serialize_range(const Store& store, const FileReport& report, const RangeEnd& end);

/// What merging a range did.
enum class RangeMerge : std::uint8_t {
  merged,         ///< the range is now part of the store and the file's account
  read_serially,  ///< nothing merged: the range cannot be merged exactly (an order continued
                  ///< from before, a session id seen before); read its bytes instead
};

/// Merges a serialised range into `store` and the open file's `report`, as file `file` whose
/// range starts on line `first_line`. Fails only on bytes that are not a serialised range.
Result<RangeMerge> merge_range(std::string_view serialized, Store& store, FileReport& report,
                               std::uint16_t file, std::uint64_t first_line);

/// Reads the RangeEnd of a serialised range (to check where it stopped before merging).
Result<RangeEnd> range_end_of(std::string_view serialized);

}  // namespace basketlift
