#include "cli/args.h"

namespace basketlift::cli {

std::optional<std::string> Args::last(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
  auto it = options.find(name);
  return it == options.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> parse_args(int argc, char** argv, int first,
                                      const std::set<std::string>& with_value,
                                      const std::set<std::string>& switches, Args& out) {
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      out.positionals.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (switches.count(name) > 0 && !value) {
      out.flags.insert(name);
    } else if (with_value.count(name) > 0) {
      if (!value) {
        if (i + 1 >= argc) return "option --" + name + " needs a value";
        value = argv[++i];
      }
      out.options[name].push_back(*value);
    } else {
      return "unknown option --" + name;
    }
  }
  return std::nullopt;
}

}  // namespace basketlift::cli
