// basketlift: the command-line front end of the engine.
#include <cstdio>
#include <string>

#include "basketlift/version.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace basketlift::cli;
  if (argc < 2) {
    print_main_help();
    return kBadUsage;
  }
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    print_main_help();
    return kOk;
  }
  if (command == "--version" || command == "version") {
    std::printf("basketlift %s\n", basketlift::kEngineVersion);
    return kOk;
  }
  if (command == "analyze") return run_analyze(argc, argv);
  if (command == "sql") return run_sql(argc, argv);
  if (command == "simulate") return run_simulate(argc, argv);
  std::fprintf(stderr, "basketlift: unknown command '%s' (try basketlift --help)\n",
               command.c_str());
  return kBadUsage;
}
