#include "util/interner.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "util/hash.h"

namespace basketlift {
namespace {

TEST(Interner, GivesDenseIdsInFirstSeenOrder) {
  Interner pool;
  EXPECT_EQ(pool.intern("laptop"), 0u);
  EXPECT_EQ(pool.intern("mouse"), 1u);
  EXPECT_EQ(pool.intern("laptop"), 0u);
  EXPECT_EQ(pool.intern(""), 2u);
  EXPECT_EQ(pool.size(), 3u);
  EXPECT_EQ(pool.view(1), "mouse");
  EXPECT_EQ(pool.find("mouse"), 1u);
  EXPECT_EQ(pool.find("keyboard"), std::nullopt);
}

TEST(Interner, KeepsEveryStringThroughGrowth) {
  Interner pool;
  for (int i = 0; i < 100000; ++i)
    ASSERT_EQ(pool.intern("sku-" + std::to_string(i)), static_cast<std::uint32_t>(i));
  for (int i = 0; i < 100000; i += 997) {
    EXPECT_EQ(pool.view(static_cast<std::uint32_t>(i)), "sku-" + std::to_string(i));
    EXPECT_EQ(pool.find("sku-" + std::to_string(i)), static_cast<std::uint32_t>(i));
  }
  // Strings are stored once: ~10 bytes of text plus ~30 of bookkeeping per entry.
  EXPECT_LT(pool.bytes(), 100000u * 64);
}

TEST(Interner, DistinguishesStringsWithEqualPrefixesAndEmbeddedNul) {
  Interner pool;
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(pool.intern(with_nul), pool.intern("a"));
  EXPECT_NE(pool.intern("abcdefgh1"), pool.intern("abcdefgh2"));
  EXPECT_EQ(pool.view(pool.intern(with_nul)), with_nul);
}

TEST(Hash, TailLoadsComparisonsAndCopiesAgreeWithMemcpyAndMemcmp) {
  const std::string text = "0123456789abcdefghijK";
  for (std::size_t n = 0; n < 8; ++n) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data(), n);  // little-endian, as natively and in wasm
    EXPECT_EQ(load_tail(text.data(), n), word) << n;
  }
  for (std::size_t n = 0; n <= text.size(); ++n) {
    std::string other = text;
    EXPECT_TRUE(same_bytes(text.data(), other.data(), n)) << n;
    for (std::size_t at = 0; at < n; ++at) {
      other[at] ^= 0x20;  // one byte differs, in every position of every length
      EXPECT_FALSE(same_bytes(text.data(), other.data(), n)) << n << " " << at;
      other[at] ^= 0x20;
    }
  }
  for (std::size_t n = 0; n <= text.size(); ++n) {
    std::string copy(text.size() + 1, '.');
    copy_bytes(copy.data(), text.data(), n);  // exactly n bytes, whatever the length
    EXPECT_EQ(copy, text.substr(0, n) + std::string(text.size() + 1 - n, '.')) << n;
  }
}

}  // namespace
}  // namespace basketlift
