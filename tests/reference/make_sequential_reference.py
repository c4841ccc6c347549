#!/usr/bin/python3
"""Reference values for Basketlift's always-valid (sequential) tests, computed with NumPy and
Python's statistics module from the formula, independently of the C++ code. Writes
tests/fixtures/stats/sequential.json, which tests/core/stat_tests_test.cpp checks to 1e-6
relative.

Run from the repository root:  /usr/bin/python3 tests/reference/make_sequential_reference.py

The formula (GrowthBook's asymptotic confidence sequence, after Waudby-Smith et al. 2023):
  rho^2 = (-2 ln(alpha) + ln(-2 ln(alpha) + 1)) / N*      (N*: the tuning number of units)
  half-width = se * sqrt(n) * sqrt(2 (n rho^2 + 1) / (n^2 rho^2) * ln(sqrt(n rho^2 + 1) / alpha))
with n the units of both arms and se the estimate's standard error (Welch's; the relative lift's
by the delta method). The always-valid p-value is the alpha at which the half-width equals the
estimate, rho^2 held at the configured alpha:
  p = min(1, sqrt(n rho^2 + 1) * exp(-z^2 n rho^2 / (2 (n rho^2 + 1)))),  z = |estimate| / se.
Power: the detectable delta at n units is (multiplier(n) + z_power) * se * sqrt(n_now / n); the
units needed are the fewest n where it reaches the target (found by bisection here).
"""
import json
import math
import os
from statistics import NormalDist

import numpy as np


def rho2(alpha, tuning_n):
    l = -2 * math.log(alpha)
    return (l + math.log(l + 1)) / tuning_n


def multiplier(n, alpha, tuning_n):
    r2 = rho2(alpha, tuning_n)
    return math.sqrt(n) * math.sqrt(2 * (n * r2 + 1) / (n * n * r2) * math.log(math.sqrt(n * r2 + 1) / alpha))


def p_value(z, n, alpha, tuning_n):
    nr2 = n * rho2(alpha, tuning_n)
    return min(1.0, math.sqrt(nr2 + 1) * math.exp(-z * z * nr2 / (2 * (nr2 + 1))))


def case(name, control, treatment, alpha, tuning_n, power=0.8, target=0.05):
    """control, treatment: (n, sum, sum of squares) of per-unit values."""
    (n1, s1, ss1), (n2, s2, ss2) = control, treatment
    m1, m2 = s1 / n1, s2 / n2
    v1 = (ss1 - n1 * m1 * m1) / (n1 - 1) / n1
    v2 = (ss2 - n2 * m2 * m2) / (n2 - 1) / n2
    se = math.sqrt(v1 + v2)
    delta = m2 - m1
    rel = m2 / m1 - 1
    rel_se = math.sqrt(v2 / m1 ** 2 + m2 ** 2 * v1 / m1 ** 4)
    n = n1 + n2
    m = multiplier(n, alpha, tuning_n)
    z_power = NormalDist().inv_cdf(power)

    def detectable(k):
        return (multiplier(k, alpha, tuning_n) + z_power) * se * math.sqrt(n / k)

    target_delta = abs(target * m1)
    low, high = 1.0, max(2.0, float(n))
    while detectable(high) > target_delta:
        high *= 2
    while high - low > 0.5:
        mid = (low + high) / 2
        if detectable(mid) > target_delta:
            low = mid
        else:
            high = mid
    return dict(name=name, control=list(control), treatment=list(treatment), alpha=alpha, tuning_n=tuning_n,
                n=n, multiplier=m, delta=delta, delta_ci=[delta - m * se, delta + m * se],
                p=p_value(abs(delta / se), n, alpha, tuning_n), relative=rel,
                relative_ci=[rel - m * rel_se, rel + m * rel_se], relative_p=p_value(abs(rel / rel_se), n, alpha, tuning_n),
                mde_absolute=detectable(n), units_needed=math.ceil(high))


def sums(values):
    values = np.asarray(values, dtype=float)
    return (len(values), float(values.sum()), float((values * values).sum()))


def main():
    rng = np.random.default_rng(20261202)
    cases = [
        # GrowthBook's published test of its sequential t-test (tuning N* = 1,000): relative lift
        # 0.50336, interval (-0.55844, 1.56516).
        case("growthbook", (3000, 1396.87, 52377.9767), (3461, 2422.7, 134698.29), 0.05, 1000),
        case("small sample", sums(rng.exponential(40, 12)), sums(rng.exponential(44, 11)), 0.05, 5000),
        case("at the tuning n", sums(rng.exponential(40, 2500)), sums(rng.exponential(41, 2500)), 0.05, 5000),
        case("large sample, alpha 0.01", sums(rng.exponential(40, 200000)), sums(rng.exponential(40.4, 200000)), 0.01, 5000),
        case("no difference, alpha 0.1", (1000, 5000.0, 75000.0), (1000, 5000.0, 75000.0), 0.1, 5000),
    ]
    out = os.path.join("tests", "fixtures", "stats", "sequential.json")
    with open(out, "w") as f:
        json.dump({"cases": cases}, f, indent=1)
        f.write("\n")
    print("wrote", out)
    g = cases[0]
    print("growthbook relative", g["relative"], g["relative_ci"])


if __name__ == "__main__":
    main()
