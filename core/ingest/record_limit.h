// The largest row a reader keeps. A longer one (a runaway quote, a file that is not tabular)
// is rejected as record_too_long and skipped without being held in memory.
#pragma once

#include <cstddef>

namespace basketlift {

/// Bytes of one row (CSV record, NDJSON line, JSON array element) at most: 4 MiB.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{4} << 20;

/// The detail attached to a record_too_long rejection.
inline constexpr const char* kRecordTooLongDetail =
    "the row is longer than 4 MB (a quote that is never closed, or not a table); it is skipped";

}  // namespace basketlift
