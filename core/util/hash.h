// A fast, deterministic 64-bit hash of bytes (same value natively and in wasm), and the byte
// loads, comparison and copy the interners use with it — inline, since in wasm a call to
// memcmp or to memcpy with a variable size is a byte loop in the C library.
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

/// The n < 8 bytes at p as the low bytes of a little-endian word, the rest zero.
inline std::uint64_t load_tail(const char* p, std::size_t n) {
  std::uint64_t word = 0;
  std::size_t at = 0;
  if ((n & 4) != 0) {
    std::uint32_t four;
    std::memcpy(&four, p, 4);
    word = four;
    at = 4;
  }
  if ((n & 2) != 0) {
    std::uint16_t two;
    std::memcpy(&two, p + at, 2);
    word |= std::uint64_t{two} << (8 * at);
    at += 2;
  }
  if ((n & 1) != 0) word |= std::uint64_t{static_cast<unsigned char>(p[at])} << (8 * at);
  return word;
}

/// True when the n bytes at a and at b are equal.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  for (; n >= 8; a += 8, b += 8, n -= 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
  }
  return load_tail(a, n) == load_tail(b, n);
}

/// Copies the n bytes at `from` to `to`, eight at a time.
inline void copy_bytes(char* to, const char* from, std::size_t n) {
  for (; n >= 8; to += 8, from += 8, n -= 8)
    std::memcpy(to, from, 8);
  if ((n & 4) != 0) {
    std::memcpy(to, from, 4);
    to += 4;
    from += 4;
  }
  if ((n & 2) != 0) {
    std::memcpy(to, from, 2);
    to += 2;
    from += 2;
  }
  if ((n & 1) != 0) *to = *from;
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
  if (n > 0) h = mix64(h ^ load_tail(p, n) ^ (static_cast<std::uint64_t>(n) << 59));
  return h;
}

/// Combines a hash with another 64-bit value (order matters).
inline std::uint64_t hash_combine(std::uint64_t seed, std::uint64_t value) {
  return mix64(seed ^ (value + 0x9E3779B97F4A7C15ull + (seed << 6) + (seed >> 2)));
}

}  // namespace basketlift
