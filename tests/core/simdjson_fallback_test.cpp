// simdjson's fallback stage 1 (the kernel wasm runs), built with its string and number loops
// skipping plain bytes 16 at a time and with the SIMD kernels' rules for malformed input
// (core/simdjson_fallback_skips.cmake), reads every document as this machine's SIMD kernel
// does: its stage 1 accepts the same documents (what On-Demand checks before it reads a value),
// and parsed whole they give the same value or both an error. (The error's name may differ
// when a document has more than one fault.)
#include <gtest/gtest.h>

#include <simdjson.h>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "test_support.h"

namespace basketlift {
namespace {

// Makes `implementation` simdjson's active kernel (what a parser allocated now runs) until the
// end of the scope.
class ActiveKernel {
 public:
  explicit ActiveKernel(const simdjson::implementation* implementation)
      : before_(simdjson::get_active_implementation()) {
    simdjson::get_active_implementation() = implementation;
  }
  ~ActiveKernel() { simdjson::get_active_implementation() = before_; }
  ActiveKernel(const ActiveKernel&) = delete;
  ActiveKernel& operator=(const ActiveKernel&) = delete;

 private:
  const simdjson::implementation* before_;
};

// The minified value of `json`, or its error's name, parsed by `implementation`.
std::string parsed(const simdjson::implementation* implementation, const std::string& json) {
  const ActiveKernel kernel(implementation);
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  const simdjson::error_code error = parser.parse(simdjson::padded_string(json)).get(element);
  return error ? std::string("error: ") + simdjson::error_message(error)
               : simdjson::minify(element);
}

// What On-Demand makes of `value`, as the engine reads: each value's type, its keys, its raw
// token and what reading it as a number or string gives; errors by their code.
void walk(simdjson::ondemand::value value, std::string& out, int depth) {
  namespace od = simdjson::ondemand;
  od::json_type type;
  if (auto error = value.type().get(type); error || depth > 20) {
    out += "!" + std::to_string(error);
    return;
  }
  out += "t" + std::to_string(static_cast<int>(type));
  if (type == od::json_type::object) {
    od::object object;
    if (auto error = value.get_object().get(object))
      return void(out += "!" + std::to_string(error));
    for (auto result : object) {
      od::field field;
      if (auto error = std::move(result).get(field))
        return void(out += "!" + std::to_string(error));
      out += "k" + std::string(field.escaped_key());
      walk(field.value(), out, depth + 1);
    }
  } else if (type == od::json_type::array) {
    od::array array;
    if (auto error = value.get_array().get(array)) return void(out += "!" + std::to_string(error));
    for (auto result : array) {
      od::value element;
      if (auto error = std::move(result).get(element))
        return void(out += "!" + std::to_string(error));
      walk(element, out, depth + 1);
    }
  } else {
    out += "r" + std::string(value.raw_json_token());
    double number;
    std::string_view text;
    if (type == od::json_type::number) out += "n" + std::to_string(value.get_double().get(number));
    if (type == od::json_type::string) out += "s" + std::to_string(value.get_string().get(text));
  }
}

// What On-Demand makes of `json` with `implementation`: stage 1's verdict (On-Demand never parses
// a value it skips, such as an ignored column's), then the walk of the document when it passed.
std::string walked(const simdjson::implementation* implementation, const std::string& json) {
  const ActiveKernel kernel(implementation);
  simdjson::ondemand::parser parser;
  const simdjson::padded_string padded(json);
  simdjson::ondemand::document doc;
  simdjson::ondemand::value value;
  std::string out;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS) {
    out = "stage 1 rejects";
  } else if (auto error = doc.get_value().get(value)) {
    out = "!" + std::to_string(error);
  } else {
    walk(value, out, 0);
  }
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
    ASSERT_EQ(walked(fallback, doc), walked(simd, doc)) << simd->name() << " on: " << doc;
    valid += error ? 0 : 1;
  }
  EXPECT_GE(valid, 18u * 36 * 15);  // the edge documents valid by construction, at least
}

}  // namespace
}  // namespace basketlift
