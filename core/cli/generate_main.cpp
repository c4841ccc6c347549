// basketlift-generate: writes a sample store with planted truths (scripts/generate.sh runs it).
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "cli/args.h"
#include "sample/generator.h"

namespace {

using basketlift::sample::GeneratorOptions;
using basketlift::sample::OutputFile;

void print_help() {
  std::fputs(
      "Usage: basketlift-generate --orders N --seed S --format csv|json|ndjson|ga4 --out DIR "
      "[--shopify] [--clean] [--pre-period-r R]\n"
      "\n"
      "Writes a consistent sample store to DIR: products, orders (with lines), offers "
      "(impressions)\n"
      "and sessions, plus answers.json stating the planted effects and the planted data gaps.\n"
      "\n"
      "  --orders N   orders to write (1,000 to 10,000,000; default 1000)\n"
      "  --seed S     random seed (default 1): the same seed gives the same store\n"
      "  --format F   csv, json or ndjson (default csv); ga4: products.csv and the orders,\n"
      "               offers and sessions as Google Analytics 4's BigQuery export\n"
      "               (events.ndjson; the arm in the event parameter experiment_variant)\n"
      "  --out DIR    output folder (created when missing)\n"
      "  --shopify    orders and products as Shopify exports (CSV)\n"
      "  --clean      no planted data gaps\n"
      "  --pre-period-r R  one session per customer, and three in four customers an order in\n"
      "               the 28 days before it whose revenue correlates R (0 < R < 1) with the\n"
      "               session's (CSV, JSON, NDJSON): something for CUPED to find\n",
      stdout);
}

class FileSink : public basketlift::sample::OutputSink {
 public:
  FileSink(std::filesystem::path dir, const GeneratorOptions& options)
      : dir_(std::move(dir)), options_(options) {}
  ~FileSink() override {
    for (std::FILE* file : files_) {
      if (file != nullptr) std::fclose(file);
    }
  }
  void write(OutputFile which, std::string_view bytes) override {
    std::FILE*& file = files_[static_cast<int>(which)];
    if (file == nullptr) {
      const auto path = dir_ / basketlift::sample::output_file_name(which, options_);
      file = std::fopen(path.c_str(), "wb");
      if (file == nullptr) {
        std::fprintf(stderr, "basketlift-generate: cannot write %s: %s\n", path.c_str(),
                     std::strerror(errno));
        std::exit(1);
      }
    }
    if (std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size()) {
      std::fprintf(stderr, "basketlift-generate: write failed: %s\n", std::strerror(errno));
      std::exit(1);
    }
  }

 private:
  std::filesystem::path dir_;
  GeneratorOptions options_;
  std::FILE* files_[4] = {nullptr, nullptr, nullptr, nullptr};
};

int usage(const std::string& message) {
  std::fprintf(stderr, "basketlift-generate: %s (try --help)\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  basketlift::cli::Args args;
  if (auto error = basketlift::cli::parse_args(argc, argv, 1,
                                               {"orders", "seed", "format", "out", "pre-period-r"},
                                               {"help", "shopify", "clean"}, args)) {
    return usage(*error);
  }
  if (args.has("help")) {
    print_help();
    return 0;
  }
  GeneratorOptions options;
  try {
    if (auto orders = args.last("orders")) options.orders = std::stoull(*orders);
    if (auto seed = args.last("seed")) options.seed = std::stoull(*seed);
  } catch (...) {
    return usage("--orders and --seed take whole numbers");
  }
  if (auto r = args.last("pre-period-r")) {
    char* end = nullptr;
    options.pre_period_r = std::strtod(r->c_str(), &end);
    if (end == r->c_str() || *end != '\0' || !(options.pre_period_r > 0) ||
        !(options.pre_period_r < 1))
      return usage("--pre-period-r takes a number between 0 and 1");
  }
  if (options.orders < 1 || options.orders > 10'000'000)
    return usage("--orders must be between 1 and 10,000,000");
  if (auto format = args.last("format"); format && *format == "ga4") {
    options.ga4 = true;  // the catalogue as CSV beside the events
  } else if (format) {
    auto parsed = basketlift::parse_format(*format);
    if (!parsed) return usage("--format must be csv, json, ndjson or ga4");
    options.format = *parsed;
  }
  options.shopify = args.has("shopify");
  options.clean = args.has("clean");
  if (options.pre_period_r > 0 && (options.shopify || options.ga4))
    return usage("--pre-period-r needs --format csv, json or ndjson (and no --shopify)");
  const auto out = args.last("out");
  if (!out || !args.positionals.empty()) return usage("give --out DIR (and no other arguments)");
  std::error_code error;
  std::filesystem::create_directories(*out, error);
  if (error) return usage("cannot create " + *out + ": " + error.message());

  const auto start = std::chrono::steady_clock::now();
  FileSink sink(*out, options);
  const std::string answers = basketlift::sample::generate_store(options, sink);
  std::FILE* file = std::fopen((std::filesystem::path(*out) / "answers.json").c_str(), "wb");
  if (file == nullptr || std::fwrite(answers.data(), 1, answers.size(), file) != answers.size()) {
    std::fprintf(stderr, "basketlift-generate: cannot write answers.json\n");
    return 1;
  }
  std::fclose(file);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "basketlift-generate: %llu orders written to %s in %.2f s\n",
               static_cast<unsigned long long>(options.orders), out->c_str(), seconds);
  return 0;
}
