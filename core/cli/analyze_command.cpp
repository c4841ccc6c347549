// `basketlift analyze`: files in, report out.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/text_summary.h"

namespace basketlift::cli {

namespace {

void print_help() {
  std::fputs(
      "Usage: basketlift analyze [options] [FILE...]\n"
      "\n"
      "Reads merchant files (CSV, JSON or NDJSON; detected from the bytes) and writes the\n"
      "report as JSON. Files given without a table option get their table from the header.\n"
      "\n"
      "  --orders F      an orders file (repeatable)\n"
      "  --products F    a catalogue file (repeatable)\n"
      "  --offers F      an offer impressions file (repeatable)\n"
      "  --sessions F    a sessions file (repeatable)\n"
      "  --aggregates F  an aggregates file computed in a warehouse (basketlift sql); analysed\n"
      "                  alone, its settings apply unless --config changes the reading ones\n"
      "  --map F         column mapping JSON, e.g. {\"Invoice\": \"order_id\"}\n"
      "  --config F      settings JSON (thresholds and options; see the report's settings)\n"
      "  --out F         write the report to F instead of stdout\n"
      "  --pretty        indent the JSON\n"
      "  --summary       print a readable summary instead of JSON\n"
      "  --threads N     read each large file with N threads (default: every core)\n"
      "  --help          this text\n",
      stdout);
}

int fail(Exit code, const std::string& message) {
  std::fprintf(stderr, "basketlift: %s\n", message.c_str());
  return code;
}

}  // namespace

int run_analyze(int argc, char** argv) {
  Args args;
  if (auto error = parse_args(argc, argv, 2,
                              {"orders", "products", "offers", "sessions", "aggregates", "map",
                               "config", "out", "threads"},
                              {"help", "pretty", "summary"}, args)) {
    return fail(kBadUsage, *error + " (try basketlift analyze --help)");
  }
  if (args.has("help")) {
    print_help();
    return kOk;
  }
  Engine engine;
  if (auto config = args.last("config")) {
    const std::optional<std::string> text = read_text_file(*config);
    if (!text) return fail(kBadInput, "cannot read settings file '" + *config + "'");
    if (Status status = engine.configure(*text); !status.ok())
      return fail(kBadInput, status.message);
  }
  if (engine.settings().timezone != "UTC") {
    Result<ZoneRules> zone = load_time_zone(engine.settings().timezone);
    if (!zone.ok()) return fail(kBadInput, zone.status().message);
    engine.set_time_zone(zone.value());
  }
  ColumnMapping mapping;
  if (auto map = args.last("map")) {
    const std::optional<std::string> text = read_text_file(*map);
    if (!text) return fail(kBadInput, "cannot read mapping file '" + *map + "'");
    Result<ColumnMapping> parsed = ColumnMapping::parse_json(*text);
    if (!parsed.ok()) return fail(kBadInput, parsed.status().message);
    mapping = parsed.value();
  }
  struct Input {
    std::string path;
    std::optional<Table> table;
  };
  std::vector<Input> inputs;
  for (const char* table : {"orders", "products", "offers", "sessions"}) {
    for (const std::string& path : args.all(table))
      inputs.push_back({path, parse_table(table)});
  }
  for (const std::string& path : args.all("aggregates"))
    inputs.push_back({path, std::nullopt});
  for (const std::string& path : args.positionals)
    inputs.push_back({path, std::nullopt});
  if (inputs.empty())
    return fail(kBadUsage, "analyze needs at least one file (try basketlift analyze --help)");

  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  if (auto text = args.last("threads")) {
    char* end = nullptr;
    const unsigned long n = std::strtoul(text->c_str(), &end, 10);
    if (end == text->c_str() || *end != '\0' || n < 1 || n > 256)
      return fail(kBadUsage, "--threads takes a number from 1 to 256");
    threads = static_cast<unsigned>(n);
  }
  int exit_code = kOk;
  for (const Input& input : inputs) {
    FileOptions options{input.path, input.table, std::nullopt, mapping};
    if (Status status = read_file(engine, input.path, options, threads); !status.ok()) {
      std::fprintf(stderr, "basketlift: %s\n", status.message.c_str());
      exit_code = kBadInput;
    }
  }
  if (Status status = engine.analyze(); !status.ok()) return fail(kBadInput, status.message);
  const std::string text = args.has("summary") ? text_summary(engine.report(), engine.store())
                                               : engine.report_json(args.has("pretty")) + "\n";
  const std::string out = args.last("out").value_or("");
  if (!write_text(out, text)) return fail(kBadInput, "cannot write '" + out + "'");
  return exit_code;
}

}  // namespace basketlift::cli
