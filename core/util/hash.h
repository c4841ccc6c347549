// A fast, deterministic 64-bit hash of bytes (same value natively and in wasm).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace basketlift {

/// Finalising mix of 64 bits (the splitmix64 finaliser).
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

/// Hash of a byte string, eight bytes at a time.
inline std::uint64_t hash_bytes(std::string_view text) {
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
  while (n >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    h = mix64(h ^ word);
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    h = mix64(h ^ word ^ (static_cast<std::uint64_t>(n) << 59));
  }
  return h;
}

/// Combines a hash with another 64-bit value (order matters).
inline std::uint64_t hash_combine(std::uint64_t seed, std::uint64_t value) {
  return mix64(seed ^ (value + 0x9E3779B97F4A7C15ull + (seed << 6) + (seed >> 2)));
}

}  // namespace basketlift
