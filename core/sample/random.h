// Deterministic random numbers for the sample generator (same seed → same store, everywhere).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace basketlift::sample {

/// xoshiro256** seeded through splitmix64: fast, and reproducible across platforms.
class Random {
 public:
  /// A stream for `seed`.
  explicit Random(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9E3779B97F4A7C15ull;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      word = z ^ (z >> 31);
    }
  }

  /// 64 random bits.
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  /// Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform in [low, high).
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  /// Uniform integer in [0, n).
  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
  /// True with probability p.
  bool chance(double p) { return uniform() < p; }
  /// Standard normal (Box–Muller).
  double normal() {
    const double u = 1.0 - uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * uniform());
  }
  /// Log-normal with the given median and log-scale spread.
  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

/// Draws indexes with given weights (cumulative table + binary search).
class WeightedChoice {
 public:
  WeightedChoice() = default;
  /// Weights must be non-negative with a positive sum.
  explicit WeightedChoice(const std::vector<double>& weights) {
    cumulative_.reserve(weights.size());
    double sum = 0;
    for (double w : weights)
      cumulative_.push_back(sum += w);
  }
  /// An index, chosen with probability proportional to its weight.
  std::size_t pick(Random& random) const {
    const double target = random.uniform() * cumulative_.back();
    return static_cast<std::size_t>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), target) - cumulative_.begin());
  }
  /// Number of choices.
  std::size_t size() const { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;
};

/// Zipf-like weights 1/(rank+1)^s for n items (a long tail of rarely bought products).
inline std::vector<double> zipf_weights(std::size_t n, double s) {
  std::vector<double> weights(n);
  for (std::size_t i = 0; i < n; ++i)
    weights[i] = 1.0 / std::pow(static_cast<double>(i + 1), s);
  return weights;
}

}  // namespace basketlift::sample
