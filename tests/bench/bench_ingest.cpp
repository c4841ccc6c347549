// bench_ingest: reads files through the engine natively and prints one JSON line of figures
// (seconds, MB/s, rows, peak resident memory) for scripts/bench to compare with its peers.
// Usage: bench_ingest [--settings JSON] [--ingest-only] [--threads N] FILE...
// With --threads N above 1, each file of 8 MB or more is read in byte ranges on N threads, as
// `basketlift analyze --threads N` does.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/file_io.h"
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
  unsigned threads = 1;
  int first = 1;
  for (; first < argc && argv[first][0] == '-'; ++first) {
    const std::string option = argv[first];
    if (option == "--ingest-only") {
      analyze = false;
    } else if (option == "--threads" && first + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++first])));
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
    std::fprintf(stderr,
                 "usage: bench_ingest [--settings JSON] [--ingest-only] [--threads N] FILE...\n");
    return 2;
  }
  std::uint64_t bytes = 0, rows = 0;
  const auto start = Clock::now();
  for (int i = first; i < argc; ++i) {
    if (auto status = basketlift::cli::read_file(
            engine, argv[i], {argv[i], std::nullopt, std::nullopt, {}}, threads);
        !status.ok()) {
      std::fprintf(stderr, "%s\n", status.message.c_str());
      return 1;
    }
    bytes += engine.files().back().bytes;
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
