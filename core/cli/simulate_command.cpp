// `basketlift simulate`: baseline (a report, or typed in) + scenario in, projection out.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/file_io.h"
#include "sim/sim_json.h"

namespace basketlift::cli {

namespace {

void print_help() {
  std::fputs(
      "Usage: basketlift simulate (--report F | --baseline F) [--scenario F] [--out F] [--pretty]\n"
      "\n"
      "Projects orders, revenue, AOV, contribution margin and profit for a scenario, against a\n"
      "baseline taken from a report (basketlift analyze) or typed in by hand. Formats: "
      "core/sim/README.md.\n"
      "\n"
      "  --report F     a report written by basketlift analyze: one group per offer\n"
      "                 (scenario \"grouping\": \"type_placement\" for type x placement cells)\n"
      "  --baseline F   a baseline typed in: {\"store\": {\"orders\", \"aov\"}, \"groups\": "
      "[...]}\n"
      "  --scenario F   knobs to change (without it the scenario equals the baseline)\n"
      "  --out F        write the projection to F instead of stdout\n"
      "  --pretty       indent the JSON\n",
      stdout);
}

int fail(Exit code, const std::string& message) {
  std::fprintf(stderr, "basketlift: %s\n", message.c_str());
  return code;
}

}  // namespace

int run_simulate(int argc, char** argv) {
  Args args;
  if (auto error = parse_args(argc, argv, 2, {"report", "baseline", "scenario", "out"},
                              {"help", "pretty"}, args)) {
    return fail(kBadUsage, *error + " (try basketlift simulate --help)");
  }
  if (args.has("help")) {
    print_help();
    return kOk;
  }
  const auto report = args.last("report"), baseline = args.last("baseline");
  if (report.has_value() == baseline.has_value() || !args.positionals.empty()) {
    return fail(kBadUsage,
                "simulate needs exactly one of --report F and --baseline F (try basketlift "
                "simulate --help)");
  }
  const std::string base_path = report ? *report : *baseline;
  const std::optional<std::string> base = read_text_file(base_path);
  if (!base) return fail(kBadInput, "cannot read '" + base_path + "'");
  std::string scenario;
  if (auto path = args.last("scenario")) {
    const std::optional<std::string> text = read_text_file(*path);
    if (!text) return fail(kBadInput, "cannot read scenario '" + *path + "'");
    scenario = *text;
  }
  Result<std::string> projection = sim::simulate_json(*base, scenario, args.has("pretty"));
  if (!projection.ok()) return fail(kBadInput, projection.status().message);
  const std::string out = args.last("out").value_or("");
  if (!write_text(out, projection.value() + "\n"))
    return fail(kBadInput, "cannot write '" + out + "'");
  return kOk;
}

}  // namespace basketlift::cli
