// bench_ingest: reads files through the engine natively and prints one JSON line of figures
// (seconds, MB/s, rows, peak resident memory) for scripts/bench to compare with its peers.
// Usage: bench_ingest [--settings JSON] [--ingest-only] FILE...
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace {

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  basketlift::Engine engine;
  bool analyze = true;
  int first = 1;
  for (; first < argc && argv[first][0] == '-'; ++first) {
    const std::string option = argv[first];
    if (option == "--ingest-only") {
      analyze = false;
    } else if (option == "--settings" && first + 1 < argc) {
      if (auto status = engine.configure(argv[++first]); !status.ok()) {
        std::fprintf(stderr, "%s\n", status.message.c_str());
        return 2;
      }
    } else {
      break;
    }
  }
  if (first >= argc) {
    std::fprintf(stderr, "usage: bench_ingest [--settings JSON] [--ingest-only] FILE...\n");
    return 2;
  }
  std::vector<char> chunk(4 << 20);
  std::uint64_t bytes = 0, rows = 0;
  const auto start = Clock::now();
  for (int i = first; i < argc; ++i) {
    std::FILE* file = std::fopen(argv[i], "rb");
    if (file == nullptr) {
      std::fprintf(stderr, "cannot open %s\n", argv[i]);
      return 1;
    }
    std::fseek(file, 0, SEEK_END);
    const auto size = static_cast<std::uint64_t>(std::ftell(file));
    std::rewind(file);
    engine.begin_file({argv[i], std::nullopt, std::nullopt, {}, size});
    std::size_t n;
    while ((n = std::fread(chunk.data(), 1, chunk.size(), file)) > 0) {
      engine.feed(std::string_view(chunk.data(), n));
      bytes += n;
    }
    std::fclose(file);
    if (auto status = engine.end_file(); !status.ok()) {
      std::fprintf(stderr, "%s\n", status.message.c_str());
      return 1;
    }
    rows += engine.files().back().rows_read;
  }
  const auto ingested = Clock::now();
  if (analyze) engine.analyze();
  const auto analyzed = Clock::now();
  const double ingest_s = std::chrono::duration<double>(ingested - start).count();
  const double analyze_s = std::chrono::duration<double>(analyzed - ingested).count();
  std::printf(
      "{\"bytes\":%llu,\"rows\":%llu,\"ingest_seconds\":%.6f,\"analyze_seconds\":%.6f,"
      "\"mb_per_second\":%.2f,\"peak_rss_bytes\":%ld,\"store_bytes\":%zu}\n",
      static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(rows), ingest_s,
      analyze_s, static_cast<double>(bytes) / 1e6 / ingest_s, peak_rss_kib() * 1024,
      engine.store().bytes());
  return 0;
}
