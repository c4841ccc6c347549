#include "util/json_tree.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace basketlift {
namespace {

TEST(JsonTree, ReadsEveryKindAndLooksMembersUpInAnyOrder) {
  const auto root = JsonValue::parse(
      R"({"s": "a\"b\u00e9", "i": -3, "u": 18446744073709551615, "f": 2.5, "e": 1e3,
          "t": true, "n": null, "a": [1, [2], {"k": "v"}], "o": {"x": {"y": 4}}})");
  ASSERT_TRUE(root);
  ASSERT_TRUE(root->is_object());
  std::string_view text;
  EXPECT_TRUE(root->member("s").get_string(text));
  EXPECT_EQ(text, "a\"b\xC3\xA9");  // unescaped
  double number = 0;
  EXPECT_TRUE(root->member("f").get_double(number));
  EXPECT_EQ(number, 2.5);
  EXPECT_TRUE(root->member("i").get_double(number));
  EXPECT_EQ(number, -3);
  std::int64_t integer = 0;
  EXPECT_TRUE(root->member("i").get_int64(integer));
  EXPECT_EQ(integer, -3);
  bool flag = false;
  EXPECT_TRUE(root->member("t").get_bool(flag));
  EXPECT_TRUE(flag);
  EXPECT_TRUE(root->member("n").is_null());
  EXPECT_TRUE(root->member("o").member("x").member("y").get_int64(integer));
  EXPECT_EQ(integer, 4);
  const auto& items = root->member("a").items();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[1].is_array());
  EXPECT_TRUE(items[2].member("k").get_string(text));
  EXPECT_EQ(text, "v");
  // Members keep their order; an absent member reads as null and fails every getter.
  ASSERT_EQ(root->members().size(), 9u);
  EXPECT_EQ(root->members().front().first, "s");
  EXPECT_EQ(root->find("missing"), nullptr);
  EXPECT_TRUE(root->member("missing").is_null());
  EXPECT_FALSE(root->member("missing").get_double(number));
}

TEST(JsonTree, NumbersKeepTheirKindAsSimdjsonsDomDoes) {
  const auto root = JsonValue::parse(R"([-1, 9223372036854775808, 1.0, 1e3, 0])");
  ASSERT_TRUE(root);
  const auto& v = root->items();
  std::int64_t i = 7;
  std::uint64_t u = 7;
  EXPECT_FALSE(v[0].get_uint64(u));  // negative
  EXPECT_EQ(u, 7u);                  // left untouched
  EXPECT_FALSE(v[1].get_int64(i));   // 2^63 does not fit
  EXPECT_TRUE(v[1].get_uint64(u));
  EXPECT_EQ(u, 9223372036854775808u);
  EXPECT_FALSE(v[2].get_int64(i));  // written as a decimal: not an integer
  EXPECT_FALSE(v[3].get_int64(i));
  double d = 0;
  EXPECT_TRUE(v[3].get_double(d));
  EXPECT_EQ(d, 1000);
  EXPECT_TRUE(v[4].get_uint64(u));
  EXPECT_EQ(u, 0u);
  std::string_view text;
  EXPECT_FALSE(v[4].get_string(text));
}

TEST(JsonTree, RefusesWhatIsNotJson) {
  for (const char* bad : {"", "{", "{\"a\": }", "{\"a\": 1} x", "[1, 2", "{\"a\": tru}",
                          "{\"a\": \"\\ud800\"}", "[1e999]", "{'a': 1}", "\"\xFF\""}) {
    EXPECT_FALSE(JsonValue::parse(bad)) << bad;
  }
  // Refused past 256 levels, long before On-Demand's 1,024 (which it does not check itself).
  const auto nested = [](int levels) {
    return std::string(levels, '[') + std::string(levels, ']');
  };
  EXPECT_TRUE(JsonValue::parse(nested(257)));
  EXPECT_FALSE(JsonValue::parse(nested(258)));
  EXPECT_FALSE(JsonValue::parse(nested(1024)));
  EXPECT_FALSE(JsonValue::parse(nested(5000)));
  EXPECT_FALSE(JsonValue::parse_members("{\"k\": " + nested(300) + "}", {"k"}));
  EXPECT_TRUE(JsonValue::parse("[[[]]]"));
  EXPECT_TRUE(JsonValue::parse("  42  "));
}

TEST(JsonTree, RepeatedKeysFindTheFirst) {
  const auto root = JsonValue::parse(R"({"k": 1, "k": 2})");
  ASSERT_TRUE(root);
  std::int64_t k = 0;
  EXPECT_TRUE(root->member("k").get_int64(k));
  EXPECT_EQ(k, 1);
  EXPECT_EQ(root->members().size(), 2u);
}

TEST(JsonTree, ParseMembersKeepsOnlyTheNamedOnes) {
  const std::string json = R"({"big": [1, 2, {"x": [3]}], "keep": {"a": 1}, "other": "z"})";
  const auto root = JsonValue::parse_members(json, {"keep"});
  ASSERT_TRUE(root);
  ASSERT_EQ(root->members().size(), 1u);
  std::int64_t a = 0;
  EXPECT_TRUE(root->member("keep").member("a").get_int64(a));
  EXPECT_EQ(a, 1);
  EXPECT_EQ(root->find("big"), nullptr);
  EXPECT_FALSE(JsonValue::parse_members("[1]", {"keep"}));  // not an object
  EXPECT_FALSE(JsonValue::parse_members(R"({"keep": [1,}")", {"keep"}));
}

}  // namespace
}  // namespace basketlift
