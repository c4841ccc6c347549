// The fuzz targets: each takes fuzzer bytes, runs part of the engine, and traps when an
// invariant breaks (see fuzz_support.h). Returns 0 (libFuzzer's convention).
#pragma once

#include <cstddef>
#include <cstdint>

namespace basketlift::fuzz {

/// CSV reader + loaders. Input: [table byte][4 cut bytes][CSV text].
int run_csv(const std::uint8_t* data, std::size_t size);
/// NDJSON / JSON-array readers, whole and chunked. Input: [format byte][4 cut bytes][JSON].
int run_json(const std::uint8_t* data, std::size_t size);
/// Column mapping JSON + header inspection. Input: [mapping JSON]\0[file head].
int run_mapper(const std::uint8_t* data, std::size_t size);
/// Whole pipeline on up to four files split at "\n#FILE\n", then the simulator.
int run_pipeline(const std::uint8_t* data, std::size_t size);

}  // namespace basketlift::fuzz
