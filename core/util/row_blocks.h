// Long passes over rows driven a block of rows per call. V8 moves a wasm function to its
// optimised code only between calls (never inside a running one), so a pass made of one call
// over a million rows would run in baseline code from start to end on its first analysis.
#pragma once

#include <algorithm>
#include <cstddef>

namespace basketlift {

/// Rows per call of a pass driven by for_each_block (a few milliseconds of work).
inline constexpr std::size_t kRowBlock = std::size_t{1} << 15;

/// Calls pass(first, last) on consecutive blocks of at most kRowBlock rows covering
/// [0, rows), in order. `pass` should call a function kept out of line ([[gnu::noinline]]):
/// that function is what V8 optimises between blocks.
template <typename Pass>
void for_each_block(std::size_t rows, Pass&& pass) {
  if (rows == 0) return;
  // Two call sites, not one: Binaryen (emcc's optimiser) inlines a function with a single
  // caller whatever its size, which would put the pass back inside one long call.
  pass(std::size_t{0}, std::min(rows, kRowBlock));
  for (std::size_t first = kRowBlock; first < rows; first += kRowBlock)
    pass(first, std::min(rows, first + kRowBlock));
}

}  // namespace basketlift
