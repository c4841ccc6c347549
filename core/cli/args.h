// A small command-line parser: `--name value` options, `--flag` switches and positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace basketlift::cli {

/// Parsed arguments of one command.
struct Args {
  std::map<std::string, std::vector<std::string>> options;  ///< --name value (repeatable)
  std::set<std::string> flags;                              ///< --name without a value
  std::vector<std::string> positionals;                     ///< everything else

  /// The last value of an option.
  std::optional<std::string> last(const std::string& name) const;
  /// Every value of an option, in order.
  std::vector<std::string> all(const std::string& name) const;
  /// True when a switch was given.
  bool has(const std::string& name) const { return flags.count(name) > 0; }
};

/// Parses argv[first..]. `with_value` lists options that take a value, `switches` those that
/// do not; anything else starting with "--" is an error (returned as a message).
std::optional<std::string> parse_args(int argc, char** argv, int first,
                                      const std::set<std::string>& with_value,
                                      const std::set<std::string>& switches, Args& out);

}  // namespace basketlift::cli
