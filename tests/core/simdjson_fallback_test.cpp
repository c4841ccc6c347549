// simdjson's fallback stage 1 (the kernel wasm runs), built with its string and number loops
// skipping plain bytes 16 at a time (core/simdjson_fallback_skips.cmake), parses every
// document as this machine's SIMD kernel does: the same values, or an error for the same documents
// (the kernels name some errors differently: the SIMD ones check UTF-8 over the whole document
// first, the fallback inside strings only, so bytes outside them fail later as a bad number or
// literal).
#include <gtest/gtest.h>

#include <simdjson.h>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "test_support.h"

namespace basketlift {
namespace {

// The minified value of `json`, or its error's name, parsed by `implementation`.
std::string parsed(const simdjson::implementation* implementation, const std::string& json) {
  const simdjson::implementation* before = simdjson::get_active_implementation();
  simdjson::get_active_implementation() = implementation;
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  const simdjson::error_code error = parser.parse(simdjson::padded_string(json)).get(element);
  std::string out =
      error ? std::string("error: ") + simdjson::error_message(error) : simdjson::minify(element);
  simdjson::get_active_implementation() = before;
  return out;
}

// The fallback kernel and another one this processor runs (nullptr when there is none).
std::pair<const simdjson::implementation*, const simdjson::implementation*> kernels() {
  const simdjson::implementation* fallback = nullptr;
  const simdjson::implementation* simd = nullptr;
  for (const simdjson::implementation* implementation : simdjson::get_available_implementations()) {
    if (!implementation->supported_by_runtime_system()) continue;
    if (implementation->name() == "fallback") {
      fallback = implementation;
    } else if (!simd) {
      simd = implementation;
    }
  }
  return {fallback, simd};
}

// Documents whose strings, numbers and white space end at every offset of a 16-byte block:
// plain runs of every length, escapes, multi-byte characters, control bytes, truncated strings
// and indentation.
std::vector<std::string> edge_documents() {
  std::vector<std::string> docs;
  const std::string enders[] = {"\"",
                                "\\\"\"",
                                "\\\\\"",
                                "\\u00e9\"",
                                "\xC3\xA9\"",
                                "\xE2\x80\x94\"",
                                "\xF0\x9F\x9B\x92\"",
                                "\x01\"",
                                "\x7F\"",
                                "\xC3\"",
                                "\xFF\"",
                                ""};
  for (std::size_t lead = 0; lead < 18; ++lead) {
    for (std::size_t run = 0; run < 36; ++run) {
      const std::string pad(lead, ' ');
      const std::string plain(run, 'a' + run % 26);
      for (const std::string& ender : enders)
        docs.push_back(pad + "{\"k" + plain + "\":\"" + plain + ender + "}");
      const std::string digits(run + 1, '7');
      for (const std::string& number :
           {digits, "-" + digits, digits + ".25", digits + "e3", digits + "x", "tru" + plain})
        docs.push_back(pad + "[" + number + "," + number + "]" + pad);
      docs.push_back(pad + "[true,false,null," + digits + "]");
      docs.push_back(pad + digits);
      // Indentation of every width, as pretty-printed exports have it.
      const std::string indent = "\n" + std::string(run, run % 2 ? ' ' : '\t');
      docs.push_back("{" + indent + "\"k\": \"" + plain + "\"," + indent + "\"n\": [" + indent +
                     digits + indent + "]\r\n}" + pad);
    }
  }
  std::mt19937 random(23);
  const char alphabet[] = "{}[],:\" \t\n\r\\aeu0123456789.-+tfnrl\x01\xC3\xA9\xE2";
  for (int k = 0; k < 20000; ++k) {
    std::string doc;
    for (std::size_t i = random() % 80; i > 0; --i)
      doc += alphabet[random() % (sizeof alphabet - 1)];
    docs.push_back(doc);
  }
  return docs;
}

TEST(SimdjsonFallback, ParsesEveryDocumentAsTheSimdKernel) {
  const auto [fallback, simd] = kernels();
  if (!fallback || !simd) GTEST_SKIP() << "needs simdjson's fallback and a SIMD kernel";
  std::vector<std::string> docs = edge_documents();
  // Every JSON fixture and every input of the JSON fuzzer, whole and line by line.
  const std::filesystem::path root(BASKETLIFT_SOURCE_DIR);
  for (const char* dir :
       {"tests/fixtures", "tests/fuzz/seeds/json", "tests/fuzz/regressions/json"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir)) {
      const std::string extension = entry.path().extension().string();
      const bool fuzz_input = std::string_view(dir).starts_with("tests/fuzz");
      if (!entry.is_regular_file() ||
          (!fuzz_input && extension != ".json" && extension != ".ndjson"))
        continue;
      const std::string bytes = testing::read_file(entry.path().string());
      docs.push_back(bytes);
      for (std::size_t at = 0; at < bytes.size();) {
        const std::size_t end = std::min(bytes.find('\n', at), bytes.size());
        docs.push_back(bytes.substr(at, end - at));
        at = end + 1;
      }
    }
  }
  std::size_t valid = 0;
  for (const std::string& doc : docs) {
    const std::string want = parsed(simd, doc), got = parsed(fallback, doc);
    const bool error = want.starts_with("error: ");
    if (error) {
      ASSERT_TRUE(got.starts_with("error: ")) << simd->name() << " says " << want << " on: " << doc;
    } else {
      ASSERT_EQ(got, want) << simd->name() << " on: " << doc;
    }
    valid += error ? 0 : 1;
  }
  EXPECT_GE(valid, 18u * 36 * 15);  // the edge documents valid by construction, at least
}

}  // namespace
}  // namespace basketlift
