// The byte-finding kernels agree: the one this build compiled (SIMD where available) and the
// plain 64-bit-word one that builds without SIMD use.
#include "util/byte_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace basketlift {
namespace {

std::uint32_t expected_match(const char* data, char a, char b) {
  std::uint32_t mask = 0;
  for (int i = 0; i < 16; ++i)
    mask |= static_cast<std::uint32_t>(data[i] == a || data[i] == b) << i;
  return mask;
}

TEST(ByteScan, KernelsAgreeWithAByteLoopOnRandomBytes) {
  std::mt19937 random(11);
  std::string bytes(16, '\0');
  const char targets[] = {',', ';', '\t', '\n', '"', '\0', '\x80', '\xFF'};
  for (int round = 0; round < 200000; ++round) {
    for (char& c : bytes) {
      const unsigned r = random();
      c = r % 4 == 0 ? targets[(r >> 8) % 8] : static_cast<char>(r >> 16);
    }
    const char a = targets[round % 8], b = targets[(round / 8) % 8];
    const std::uint32_t want = expected_match(bytes.data(), a, b);
    ASSERT_EQ(match16(bytes.data(), a, b), want) << kByteScanKernel;
    ASSERT_EQ(match16_words(bytes.data(), a, b), want);
    std::uint32_t high = 0;
    for (int i = 0; i < 16; ++i)
      high |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]) >= 0x80) << i;
    ASSERT_EQ(high_bits16(bytes.data()), high);
    ASSERT_EQ(high_bits16_words(bytes.data()), high);
  }
}

TEST(ByteScan, FindEitherStopsAtTheEnd) {
  std::string text = "abc,def\nghi" + std::string(64, '\0');
  EXPECT_EQ(find_either(text.data(), 0, 11, ',', '\n'), 3u);
  EXPECT_EQ(find_either(text.data(), 4, 11, ',', '\n'), 7u);
  EXPECT_EQ(find_either(text.data(), 8, 11, ',', '\n'), 11u);
  EXPECT_EQ(find_either(text.data(), 0, 2, ',', '\n'), 2u);  // a hit past the end is not one
}

TEST(ByteScan, CountByteCountsEveryStretchExactly) {
  std::mt19937 random(5);
  std::string bytes(300, '\0');
  for (char& c : bytes)
    c = random() % 5 == 0 ? '\n' : 'x';
  for (std::size_t begin = 0; begin < 40; ++begin) {
    for (std::size_t end = begin; end <= bytes.size(); end += 7) {
      std::size_t want = 0;
      for (std::size_t i = begin; i < end; ++i)
        want += bytes[i] == '\n' ? 1 : 0;
      ASSERT_EQ(count_byte(bytes.data() + begin, bytes.data() + end, '\n'), want)
          << begin << ".." << end;
    }
  }
}

// The bytes that stop simdjson's scalar stage 1 in a string (its loop's cases) and after the
// first byte of a number or literal (its is_whitespace_or_operator, and a quote).
bool stops_string(unsigned char c) {
  return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
}
bool ends_token(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' || c == '[' ||
         c == ']' || c == '{' || c == '}' || c == '"';
}
// The bytes the JSON array reader stops at outside strings.
bool marks_element(unsigned char c) {
  return c == '"' || c == '{' || c == '}' || c == '[' || c == ']' || c == ',';
}

TEST(ByteScan, JsonKernelsAgreeWithAByteLoopOnEveryByteValue) {
  std::mt19937 random(17);
  std::string bytes(16, '\0');
  for (int round = 0; round < 200000; ++round) {
    for (int i = 0; i < 16; ++i) {
      // Every byte value in turn at each position, among random ones and plain letters.
      const unsigned r = random();
      bytes[i] = static_cast<char>(r % 3 == 0   ? (round + i) % 256
                                   : r % 3 == 1 ? 'a' + r % 26
                                                : r >> 8);
    }
    std::uint32_t string_want = 0, token_want = 0, mark_want = 0;
    for (int i = 0; i < 16; ++i) {
      const auto c = static_cast<unsigned char>(bytes[i]);
      string_want |= static_cast<std::uint32_t>(stops_string(c)) << i;
      token_want |= static_cast<std::uint32_t>(ends_token(c)) << i;
      mark_want |= static_cast<std::uint32_t>(marks_element(c)) << i;
    }
    ASSERT_EQ(json_string_stops16(bytes.data()), string_want) << kByteScanKernel;
    ASSERT_EQ(json_string_stops16_words(bytes.data()), string_want);
    ASSERT_EQ(json_token_ends16(bytes.data()), token_want) << kByteScanKernel;
    ASSERT_EQ(
        (match16_any_words<' ', '\t', '\n', '\r', ',', ':', '[', ']', '{', '}', '"'>(bytes.data())),
        token_want);
    ASSERT_EQ(json_element_marks16(bytes.data()), mark_want) << kByteScanKernel;
    ASSERT_EQ((match16_any_words<'"', '{', '}', '[', ']', ','>(bytes.data())), mark_want);
  }
}

TEST(ByteScan, JsonRunEndsAreTheFirstStopBeforeTheEnd) {
  // Plain runs of every length up to 40 before one stop byte, read from every start, with ends
  // before, at and after the stop; the 64 bytes after the text are readable, as simdjson's
  // padding makes them.
  const unsigned char stops[] = {'"', '\\', 0x00, 0x1F, 0x80, 0xFF, ' ', '\n', ',', '}'};
  for (const unsigned char stop : stops) {
    for (std::size_t run = 0; run <= 40; ++run) {
      std::basic_string<unsigned char> text(run, 'x');
      text += stop;
      text += std::basic_string<unsigned char>(64, '"');
      for (std::size_t from = 0; from <= run + 1; ++from) {
        for (std::size_t end = from; end <= run + 3; ++end) {
          std::size_t string_want = from, token_want = from;
          while (string_want < end && !stops_string(text[string_want]))
            ++string_want;
          while (token_want < end && !ends_token(text[token_want]))
            ++token_want;
          ASSERT_EQ(json_string_run_end(text.data(), from, end), string_want)
              << int{stop} << " run " << run << " from " << from << " end " << end;
          ASSERT_EQ(json_token_end(text.data(), from, end), token_want)
              << int{stop} << " run " << run << " from " << from << " end " << end;
        }
      }
    }
  }
}

TEST(ByteScan, JsonScalarEndSkipsQuotesEscapedByAnOddRunOfBackslashes) {
  const auto end_of = [](const std::string& text, std::size_t start) {
    const std::string padded = text + std::string(64, ' ');
    return json_scalar_end(reinterpret_cast<const unsigned char*>(padded.data()), start, start + 1,
                           text.size());
  };
  EXPECT_EQ(end_of("12,", 0), 2u);
  EXPECT_EQ(end_of("x\"y", 0), 1u);         // a quote ends it
  EXPECT_EQ(end_of("x\\\"y z", 0), 4u);     // x\"y: an escaped quote does not
  EXPECT_EQ(end_of("x\\\\\"y", 0), 3u);     // x\\": two backslashes escape each other
  EXPECT_EQ(end_of("\\\\\\\"a\"", 0), 5u);  // \\\"a": three, then a plain quote
  EXPECT_EQ(end_of("a\\\"", 0), 3u);        // the escaped quote last: on to the end
  EXPECT_EQ(end_of("\"\\\"x ", 1), 4u);     // backslashes before `start` do not count
}

TEST(ByteScan, HasHighByteLooksAtExactlyTheGivenBytes) {
  for (std::size_t n = 1; n <= 40; ++n) {
    for (std::size_t at = 0; at < 48; ++at) {
      std::basic_string<unsigned char> text(64 + 48, 'a');
      text[at] = 0xC3;
      EXPECT_EQ(has_high_byte(text.data(), n), at < n) << n << " " << at;
    }
  }
}

}  // namespace
}  // namespace basketlift
