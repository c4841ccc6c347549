// Replays the fuzz targets' seed corpora and every input a fuzzer ever crashed on
// (tests/fuzz/regressions/<target>/<what-it-found>) through the same target code. A broken
// invariant traps, naming the input on stderr first.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <iostream>
#include <string>

#include "../fuzz/targets.h"
#include "test_support.h"

namespace basketlift {
namespace {

using Target = std::function<int(const std::uint8_t*, std::size_t)>;

// Runs `target` on every file under tests/fuzz/<kind>/<name>/; returns how many.
int replay(const std::string& kind, const std::string& name, const Target& target) {
  const std::filesystem::path dir =
      std::filesystem::path(BASKETLIFT_SOURCE_DIR) / "tests/fuzz" / kind / name;
  if (!std::filesystem::exists(dir)) return 0;
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string bytes = testing::read_file(entry.path().string());
    std::cerr << "replaying " << entry.path().filename().string() << "\n";
    EXPECT_EQ(target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
    ++count;
  }
  return count;
}

struct Case {
  const char* name;
  Target target;
};

class FuzzReplay : public ::testing::TestWithParam<Case> {};

TEST_P(FuzzReplay, SeedsAndRegressionsKeepEveryInvariant) {
  EXPECT_GT(replay("seeds", GetParam().name, GetParam().target), 0) << "no seeds for this target";
  replay("regressions", GetParam().name, GetParam().target);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay,
                         ::testing::Values(Case{"csv", fuzz::run_csv}, Case{"json", fuzz::run_json},
                                           Case{"mapper", fuzz::run_mapper},
                                           Case{"pipeline", fuzz::run_pipeline}),
                         [](const ::testing::TestParamInfo<Case>& target) {
                           return std::string(target.param.name);
                         });

}  // namespace
}  // namespace basketlift
