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

/// json_string_stops16 with 64-bit words only.
inline std::uint32_t json_string_stops16_words(const char* data) {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  std::uint32_t mask = 0;
  for (int half = 0; half < 2; ++half) {
    std::uint64_t word;
    std::memcpy(&word, data + 8 * half, 8);
    // Adding 0x60 to a byte's low seven bits sets its high bit unless they are below 0x20 (and
    // never carries into the next byte); a control byte also has its own high bit clear.
    const std::uint64_t low7 = word & (ones * 0x7F);
    const std::uint64_t control = ~(low7 + ones * 0x60) & ~word & (ones * 0x80);
    const std::uint64_t stops = control | word | equal_bytes(word, '"') | equal_bytes(word, '\\');
    mask |= gather_high_bits(stops) << (8 * half);
  }
  return mask;
}

/// Bit i set when data[i] ends a JSON string's plain run: '"', '\\', a control byte (below
/// 0x20) or a byte of a multi-byte UTF-8 character (0x80 and above); 16 bytes, all readable.
inline std::uint32_t json_string_stops16(const char* data) {
#if defined(__wasm_simd128__)
  const v128_t bytes = wasm_v128_load(data);
  // Signed, bytes of 0x80 and above are negative: one compare finds them and the control bytes.
  const v128_t stops = wasm_v128_or(wasm_i8x16_lt(bytes, wasm_i8x16_splat(0x20)),
                                    wasm_v128_or(wasm_i8x16_eq(bytes, wasm_i8x16_splat('"')),
                                                 wasm_i8x16_eq(bytes, wasm_i8x16_splat('\\'))));
  return wasm_i8x16_bitmask(stops);
#elif defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data));
  const __m128i stops = _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                                     _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                  _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(stops));
#else
  return json_string_stops16_words(data);
#endif
}

/// match16_any with 64-bit words only.
template <char... chars>
inline std::uint32_t match16_any_words(const char* data) {
  std::uint32_t mask = 0;
  for (int half = 0; half < 2; ++half) {
    std::uint64_t word;
    std::memcpy(&word, data + 8 * half, 8);
    mask |= gather_high_bits((equal_bytes(word, chars) | ...)) << (8 * half);
  }
  return mask;
}

/// Bit i set when data[i] is one of `chars`, for the 16 bytes at `data` (all must be readable).
template <char... chars>
inline std::uint32_t match16_any(const char* data) {
#if defined(__wasm_simd128__)
  const v128_t bytes = wasm_v128_load(data);
  return wasm_i8x16_bitmask((wasm_i8x16_eq(bytes, wasm_i8x16_splat(chars)) | ...));
#elif defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data));
  return static_cast<std::uint32_t>(
      _mm_movemask_epi8((_mm_cmpeq_epi8(bytes, _mm_set1_epi8(chars)) | ...)));
#else
  return match16_any_words<chars...>(data);
#endif
}

/// Bit i set when data[i] can end a JSON number or literal: white space, an operator
/// (, : [ ] { }) or a quote.
inline std::uint32_t json_token_ends16(const char* data) {
  return match16_any<' ', '\t', '\n', '\r', ',', ':', '[', ']', '{', '}', '"'>(data);
}

/// Bit i set when data[i] can open or close a JSON value or string, or separate two values
/// (" { } [ ] ,): the bytes the JSON array reader looks at outside strings.
inline std::uint32_t json_element_marks16(const char* data) {
  return match16_any<'"', '{', '}', '[', ']', ','>(data);
}

/// The first position in [pos, end) whose byte gives a bit in `stops16` (a 16-byte mask
/// function), or `end`. Reads up to 15 bytes past `end`, which must be readable.
template <typename Stops16>
inline std::size_t find_stop(const char* data, std::size_t pos, std::size_t end, Stops16 stops16) {
  while (pos < end) {
    const std::uint32_t mask = stops16(data + pos);
    if (mask != 0) {
      const std::size_t at = pos + static_cast<std::size_t>(std::countr_zero(mask));
      return at < end ? at : end;
    }
    pos += 16;
  }
  return end;
}

/// Where a JSON string's plain run starting at `pos` ends (see json_string_stops16), or `end`.
/// simdjson's scalar stage 1 (its fallback kernel, the one wasm runs) skips with it.
inline std::size_t json_string_run_end(const unsigned char* data, std::size_t pos,
                                       std::size_t end) {
  return find_stop(reinterpret_cast<const char*>(data), pos, end, json_string_stops16);
}

/// The first position from `pos` whose byte can end a JSON number or literal (see
/// json_token_ends16), or `end`; json_scalar_end decides whether a quote there does.
inline std::size_t json_token_end(const unsigned char* data, std::size_t pos, std::size_t end) {
  return find_stop(reinterpret_cast<const char*>(data), pos, end, json_token_ends16);
}

/// Where the number or literal (or stray text) starting at `start` ends, searched from `pos`:
/// at white space, an operator or a quote, except a quote after an odd run of backslashes that
/// began within it (simdjson's SIMD kernels take such a quote as escaped, inside strings or
/// out); `end` when none. Reads up to 15 bytes past `end`, which must be readable.
inline std::size_t json_scalar_end(const unsigned char* data, std::size_t start, std::size_t pos,
                                   std::size_t end) {
  for (pos = json_token_end(data, pos, end); pos < end && data[pos] == '"';
       pos = json_token_end(data, pos + 1, end)) {
    std::size_t backslashes = 0;
    while (pos - backslashes > start && data[pos - backslashes - 1] == '\\')
      ++backslashes;
    if (backslashes % 2 == 0) break;
  }
  return pos;
}

/// True when one of the `n` bytes at `data` is 0x80 or above (not ASCII). Reads up to 15 bytes
/// past them, which must be readable.
inline bool has_high_byte(const unsigned char* data, std::size_t n) {
  const char* at = reinterpret_cast<const char*>(data);
  for (; n > 16; n -= 16, at += 16)
    if (high_bits16(at) != 0) return true;
  return (high_bits16(at) & ((std::uint32_t{1} << n) - 1)) != 0;
}

/// Position of the first byte equal to `a` or `b` in [pos, end), or `end`. Reads up to 15
/// bytes past `end`, which must be readable (padded buffers).
inline std::size_t find_either(const char* data, std::size_t pos, std::size_t end, char a, char b) {
  return find_stop(data, pos, end, [a, b](const char* at) { return match16(at, a, b); });
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
