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

}  // namespace
}  // namespace basketlift
