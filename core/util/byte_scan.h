// Finding bytes 16 at a time: wasm SIMD (simd128), SSE2, or plain 64-bit words, chosen at
// compile time behind one interface. The text readers use it to jump to the next delimiter.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace basketlift {

/// Which implementation byte_scan.h compiled to ("simd128", "sse2" or "scalar").
constexpr const char* kByteScanKernel =
#if defined(__wasm_simd128__)
    "simd128";
#elif defined(__SSE2__)
    "sse2";
#else
    "scalar";
#endif

/// The high bit of each of a word's 8 bytes, as 8 bits (byte 0 → bit 0).
inline std::uint32_t gather_high_bits(std::uint64_t word) {
  return static_cast<std::uint32_t>(
      (((word >> 7) & 0x0101010101010101ull) * 0x0102040810204080ull) >> 56);
}

/// A word with the high bit set in each byte of `word` equal to `c` (exactly; no false hits).
inline std::uint64_t equal_bytes(std::uint64_t word, char c) {
  constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
  const std::uint64_t x = word ^ (0x0101010101010101ull * static_cast<unsigned char>(c));
  return ~(((x & low7) + low7) | x | low7);
}

/// match16 with 64-bit words only (the kernel of builds without SIMD; tested against it).
inline std::uint32_t match16_words(const char* data, char a, char b) {
  std::uint32_t mask = 0;
  for (int half = 0; half < 2; ++half) {
    std::uint64_t word;
    std::memcpy(&word, data + 8 * half, 8);
    mask |= gather_high_bits(equal_bytes(word, a) | equal_bytes(word, b)) << (8 * half);
  }
  return mask;
}

/// high_bits16 with 64-bit words only.
inline std::uint32_t high_bits16_words(const char* data) {
  std::uint64_t low, high;
  std::memcpy(&low, data, 8);
  std::memcpy(&high, data + 8, 8);
  return gather_high_bits(low) | gather_high_bits(high) << 8;
}

/// Bit i set when data[i] is `a` or `b`, for the 16 bytes at `data` (all must be readable).
inline std::uint32_t match16(const char* data, char a, char b) {
#if defined(__wasm_simd128__)
  const v128_t bytes = wasm_v128_load(data);
  const v128_t hits = wasm_v128_or(wasm_i8x16_eq(bytes, wasm_i8x16_splat(a)),
                                   wasm_i8x16_eq(bytes, wasm_i8x16_splat(b)));
  return wasm_i8x16_bitmask(hits);
#elif defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data));
  const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(a)),
                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b)));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(hits));
#else
  return match16_words(data, a, b);
#endif
}

/// Bit i set when data[i] has its high bit set (is not ASCII), for the 16 bytes at `data`.
inline std::uint32_t high_bits16(const char* data) {
#if defined(__wasm_simd128__)
  return wasm_i8x16_bitmask(wasm_v128_load(data));
#elif defined(__SSE2__)
  return static_cast<std::uint32_t>(
      _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data))));
#else
  return high_bits16_words(data);
#endif
}

/// Position of the first byte equal to `a` or `b` in [pos, end), or `end`. Reads up to 15
/// bytes past `end`, which must be readable (padded buffers).
inline std::size_t find_either(const char* data, std::size_t pos, std::size_t end, char a, char b) {
  while (pos < end) {
    const std::uint32_t mask = match16(data + pos, a, b);
    if (mask != 0) {
      const std::size_t at = pos + static_cast<std::size_t>(std::countr_zero(mask));
      return at < end ? at : end;
    }
    pos += 16;
  }
  return end;
}

/// Bytes of `text` through its first line end ('\n' included), or all of them when it has none.
inline std::size_t through_first_line_end(std::string_view text) {
  const void* newline = std::memchr(text.data(), '\n', text.size());
  return newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data()) + 1
                 : text.size();
}

/// Number of bytes equal to `c` in [begin, end); reads nothing outside it.
inline std::size_t count_byte(const char* begin, const char* end, char c) {
  std::size_t count = 0;
  for (; end - begin >= 16; begin += 16)
    count += static_cast<std::size_t>(std::popcount(match16(begin, c, c)));
  for (; begin < end; ++begin)
    count += *begin == c ? 1 : 0;
  return count;
}

}  // namespace basketlift
