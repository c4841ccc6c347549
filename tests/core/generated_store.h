// A generated sample store, ingested into an engine and analysed: shared by the analysis tests.
#pragma once

#include <array>
#include <initializer_list>
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

/// The generator's four files (indexed by sample::OutputFile) and its answers.
struct GeneratedFiles {
  std::array<std::string, 4> files;
  std::string answers;
};

/// Generates the store for `options` into memory.
inline GeneratedFiles generated_files(const sample::GeneratorOptions& options) {
  struct Sink : sample::OutputSink {
    std::array<std::string, 4> files;
    void write(sample::OutputFile file, std::string_view bytes) override {
      files[static_cast<int>(file)] += bytes;
    }
  } sink;
  GeneratedFiles generated;
  generated.answers = sample::generate_store(options, sink);
  generated.files = std::move(sink.files);
  return generated;
}

/// Feeds the generated `files` (in that order) to `engine` in 1 MiB chunks.
inline void feed_generated(Engine& engine, const GeneratedFiles& generated,
                           const sample::GeneratorOptions& options,
                           std::initializer_list<sample::OutputFile> files) {
  for (const sample::OutputFile file : files) {
    feed_chunks(engine, generated.files[static_cast<int>(file)], 1 << 20,
                {sample::output_file_name(file, options), {}, {}, {}});
  }
}

/// Generates, ingests and analyses (products, orders, offers, sessions in that order).
inline std::unique_ptr<AnalysedStore> analysed_store(const sample::GeneratorOptions& options) {
  using sample::OutputFile;
  const GeneratedFiles generated = generated_files(options);
  auto result = std::make_unique<AnalysedStore>();
  result->answers = generated.answers;
  feed_generated(
      result->engine, generated, options,
      {OutputFile::products, OutputFile::orders, OutputFile::offers, OutputFile::sessions});
  result->engine.analyze();
  return result;
}

}  // namespace basketlift::testing
