#include <cstdio>

#include "cli/commands.h"

namespace basketlift::cli {

void print_main_help() {
  std::fputs(
      "basketlift - which cross-sell, upsell and bundle offers add profit\n"
      "\n"
      "Usage:\n"
      "  basketlift analyze [options] [FILE...]   read merchant files, write the report (JSON)\n"
      "  basketlift analyze --aggregates F         the report from a warehouse's aggregates file\n"
      "  basketlift sql --dialect D --orders T ...  the query that computes that file\n"
      "  basketlift simulate --report F [--scenario F]   project a what-if scenario\n"
      "  basketlift COMMAND --help                 help for one command\n"
      "  basketlift --version                      the engine's version\n"
      "\n"
      "Exit status: 0 success, 1 bad input (reason on stderr), 2 bad usage.\n",
      stdout);
}

}  // namespace basketlift::cli
