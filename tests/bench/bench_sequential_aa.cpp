// A/A experiments looked at repeatedly (issue: experiments a merchant reads every day): how often
// a test that stops at the first look with p < alpha finds an effect that is not there, with
// fixed-horizon and always-valid (sequential) p-values, unadjusted and adjusted for a pre-period
// covariate (CUPED). Prints one Markdown table; scripts/bench.sh runs it with 2,000 experiments.
//   bench_sequential_aa [--experiments N] [--looks L] [--per-look U] [--seed S]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "analysis/cuped.h"
#include "analysis/stat_tests.h"

namespace {

using basketlift::CoMoments;
using basketlift::Comparison;
using basketlift::CupedEstimate;
using basketlift::CupedShape;
using basketlift::Moments;
using basketlift::Settings;

struct Rates {
  int fixed = 0, sequential = 0, cuped_fixed = 0, cuped_sequential = 0;
};

}  // namespace

int main(int argc, char** argv) {
  int experiments = 2000, looks = 20, per_look = 250;
  unsigned long long seed = 20261203;
  for (int i = 1; i + 1 < argc; i += 2) {
    const int value = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--experiments") == 0) experiments = value;
    if (std::strcmp(argv[i], "--looks") == 0) looks = value;
    if (std::strcmp(argv[i], "--per-look") == 0) per_look = value;
    if (std::strcmp(argv[i], "--seed") == 0) seed = std::strtoull(argv[i + 1], nullptr, 10);
  }
  std::mt19937_64 random(seed);
  std::bernoulli_distribution history(0.7), buys(0.3);
  std::exponential_distribution<double> pre(1.0 / 100), basket(1.0 / 60);
  Settings fixed, sequential;
  sequential.sequential = true;
  const double alpha = fixed.alpha();
  Rates hits;
  double reduction = 0;
  int reductions = 0;
  for (int e = 0; e < experiments; ++e) {
    Moments arms[2];
    CoMoments with_pre[2];
    bool hit[4] = {false, false, false, false};
    for (int look = 0; look < looks; ++look) {
      for (int a = 0; a < 2; ++a) {
        for (int u = 0; u < per_look; ++u) {
          // Revenue per session: 70% zeros; a buyer's basket grows with what they spent before.
          const bool known = history(random);
          const double x = known ? pre(random) : 0;
          const double y = buys(random) ? basket(random) + 1.5 * x : 0;
          arms[a].add(y);
          with_pre[a].add({y, x, known ? 0.0 : 1.0, 0, 0});
        }
      }
      Comparison c = basketlift::welch_test(arms[0], arms[1], 1 - alpha);
      hit[0] = hit[0] || c.p_value < alpha;
      basketlift::make_sequential(c, arms[0].n + arms[1].n, 1 - alpha,
                                  sequential.sequential_tuning_n);
      hit[1] = hit[1] || c.p_value < alpha;
      const CupedEstimate f =
          basketlift::cuped_compare(with_pre[0], with_pre[1], CupedShape::mean, fixed);
      const CupedEstimate s =
          basketlift::cuped_compare(with_pre[0], with_pre[1], CupedShape::mean, sequential);
      hit[2] = hit[2] || (f.computed && f.comparison.p_value < alpha);
      hit[3] = hit[3] || (s.computed && s.comparison.p_value < alpha);
      if (look == looks - 1 && f.computed) {
        reduction += f.variance_reduction;
        ++reductions;
      }
    }
    hits.fixed += hit[0];
    hits.sequential += hit[1];
    hits.cuped_fixed += hit[2];
    hits.cuped_sequential += hit[3];
  }
  const double n = experiments;
  const double limit = alpha + 3 * std::sqrt(alpha * (1 - alpha) / n);
  const auto row = [&](const char* test, int positives, bool always_valid) {
    const double rate = positives / n;
    const char* verdict = always_valid ? (rate <= limit ? "met" : "MISSED")
                                       : (rate > limit ? "exceeds alpha, as expected" : "-");
    std::printf("| %s | %d of %d | %.4f | %s |\n", test, positives, experiments, rate, verdict);
  };
  std::printf(
      "A/A experiments: %d, each looked at %d times (%d units per arm a look); stop at the "
      "first p < %.2f. Limit for always-valid tests: alpha + 3 SE = %.4f. Mean variance "
      "reduction by CUPED at the last look: %.3f.\n\n",
      experiments, looks, per_look, alpha, limit, reductions ? reduction / reductions : 0.0);
  std::printf("| Test | False positives | Rate | Target |\n|---|---|---|---|\n");
  row("Fixed horizon", hits.fixed, false);
  row("Always valid (sequential)", hits.sequential, true);
  row("Fixed horizon, CUPED", hits.cuped_fixed, false);
  row("Always valid, CUPED", hits.cuped_sequential, true);
  return 0;
}
