#include "util/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace basketlift {
namespace {

TEST(JsonWriter, WritesNestedValuesWithCommas) {
  JsonWriter out;
  out.begin_object();
  out.field("a", 1)
      .field("b", "x")
      .key("c")
      .begin_array()
      .value(1.5)
      .value(true)
      .null()
      .end_array();
  out.key("d").begin_object().end_object();
  out.key("e").begin_array().end_array();
  out.end_object();
  EXPECT_EQ(out.str(), R"({"a":1,"b":"x","c":[1.5,true,null],"d":{},"e":[]})");
}

TEST(JsonWriter, EscapesControlCharactersQuotesAndBadUtf8) {
  JsonWriter out;
  out.value("q\"b\\n\n\t\x01 \xC3\xA9 \xFF end");
  EXPECT_EQ(out.str(), "\"q\\\"b\\\\n\\n\\t\\u0001 \xC3\xA9 \xEF\xBF\xBD end\"");
}

// For JavaScript: characters above U+00FF as \u escapes (a surrogate pair above U+FFFF), Latin-1
// ones as they are, in keys too; what JSON requires is escaped as ever.
TEST(JsonWriter, EscapesCharactersAboveLatin1WhenAsked) {
  const char* text = "caf\xC3\xA9 \xE2\x80\x94 \xE2\x89\xA4 \xF0\x9F\x8D\xAE \" \xFF";
  JsonWriter plain, latin1(false, JsonEscapes::above_latin1);
  for (JsonWriter* out : {&plain, &latin1})
    out->begin_object().field("\xE2\x86\x92 to", text).end_object();
  EXPECT_EQ(plain.str(),
            "{\"\xE2\x86\x92 to\":\"caf\xC3\xA9 \xE2\x80\x94 \xE2\x89\xA4 \xF0\x9F\x8D\xAE \\\" "
            "\xEF\xBF\xBD\"}");
  EXPECT_EQ(latin1.str(),
            "{\"\\u2192 to\":\"caf\xC3\xA9 \\u2014 \\u2264 \\ud83c\\udf6e \\\" \\ufffd\"}");
}

TEST(JsonWriter, NonFiniteNumbersBecomeNull) {
  JsonWriter out;
  out.begin_array()
      .value(std::numeric_limits<double>::quiet_NaN())
      .value(std::numeric_limits<double>::infinity())
      .value(-0.0)
      .end_array();
  EXPECT_EQ(out.str(), "[null,null,0]");
}

TEST(JsonWriter, PrettyPrintsWithTwoSpaces) {
  JsonWriter out(true);
  out.begin_object().field("a", 1).key("b").begin_array().value(2).end_array().end_object();
  EXPECT_EQ(out.str(), "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}");
}

}  // namespace
}  // namespace basketlift
