// Reading one whole in-memory file in byte ranges at once (ingest/range_reading.h): the plan
// (where ranges start), the reading, and the merge with its fallback. The CLI runs the ranges on
// threads; the JavaScript pool does the same with Web Workers (web/src/pool.js); tests run them
// in turn to check that the report is the same for any number of ranges.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "engine/engine.h"

namespace basketlift {

/// Runs jobs and returns when all are done: on threads (the first on the calling thread), or
/// one after another.
using JobRunner = std::function<void(std::vector<std::function<void()>>& jobs)>;

/// Runs jobs one after another, the last first (read_in_ranges' readers before its engine).
void run_in_turn(std::vector<std::function<void()>>& jobs);

/// Range starts for a file of `size` bytes split into about `parts` ranges: offsets of record
/// boundaries found by the engine (its open file's head must be known) near even cuts, each
/// after `first` (the bytes the engine reads itself). Fewer when the file is small.
std::vector<std::size_t> plan_ranges(Engine& engine, std::string_view bytes, std::size_t first,
                                     std::size_t parts);

/// What read_in_ranges() did with the ranges after the engine's own.
struct RangeCounts {
  std::size_t merged = 0;         ///< read by another engine and merged
  std::size_t read_serially = 0;  ///< read by the engine itself after all (see RangeMerge)
  std::size_t taken_back = 0;     ///< no reader had started it: read by the engine itself
};

/// Reads `bytes` as one file into `engine` in about `parts` ranges with `threads` engines at
/// once (0: `parts`): `run` runs the engine's job (the first: it reads its share of the ranges
/// and merges the others in file order) and threads − 1 readers' jobs (each reads ranges until
/// none is left). The same report as feeding the bytes in one go (but for the store's size).
Status read_in_ranges(Engine& engine, std::string_view bytes, FileOptions options,
                      std::size_t parts, const JobRunner& run = run_in_turn,
                      RangeCounts* counts = nullptr, std::size_t threads = 0);

}  // namespace basketlift
