// The CLI's commands. Each returns the process exit code (SPEC §6: 0 ok, 1 bad input, 2 bad usage).
#pragma once

namespace basketlift::cli {

/// Exit codes.
enum Exit : int { kOk = 0, kBadInput = 1, kBadUsage = 2 };

/// `basketlift analyze ...`
int run_analyze(int argc, char** argv);
/// `basketlift sql ...`
int run_sql(int argc, char** argv);
/// `basketlift simulate ...`
int run_simulate(int argc, char** argv);
/// Prints the top-level help.
void print_main_help();

}  // namespace basketlift::cli
