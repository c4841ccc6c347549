// A generated sample store, ingested into an engine and analysed: shared by the analysis tests.
#pragma once

#include <array>
#include <memory>
#include <string>

#include "sample/generator.h"
#include "test_support.h"

namespace basketlift::testing {

/// The store the generator writes for `options`, read by an engine and analysed.
struct AnalysedStore {
  Engine engine;
  std::string answers;
};

/// Generates, ingests and analyses (products, orders, offers, sessions in that order).
inline std::unique_ptr<AnalysedStore> analysed_store(const sample::GeneratorOptions& options) {
  struct Sink : sample::OutputSink {
    std::array<std::string, 4> files;
    void write(sample::OutputFile file, std::string_view bytes) override {
      files[static_cast<int>(file)] += bytes;
    }
  } sink;
  auto result = std::make_unique<AnalysedStore>();
  result->answers = sample::generate_store(options, sink);
  for (int f = 0; f < 4; ++f) {
    const auto file = static_cast<sample::OutputFile>(f);
    feed_chunks(result->engine, sink.files[f], 1 << 20,
                {sample::output_file_name(file, options), {}, {}, {}});
  }
  result->engine.analyze();
  return result;
}

}  // namespace basketlift::testing
