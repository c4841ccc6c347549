#!/usr/bin/python3
"""Reference values for Basketlift's regression adjustment (CUPED, Deng et al. 2013), computed
unit by unit with NumPy and SciPy, independently of the C++ code (which works from mergeable
co-moments). Writes tests/fixtures/stats/cuped.json, which tests/core/cuped_test.cpp checks to
1e-6 relative, and cross-checks the estimator once against statsmodels' OLS.

Run from the repository root:  /usr/bin/python3 tests/reference/make_cuped_reference.py
(Debian: python3-numpy python3-scipy python3-statsmodels)

The estimator (README "Variance reduction (CUPED)"), for arms c (control) and t:
  mean metrics: per unit Y, the covariate X (the same measure over the customer's pre-period;
    0 without one) and H (1 when the unit has no pre-period);
  ratio metrics sum(m)/sum(d) over every unit (0/0 for a unit without an order or offer, whose
    pre-period still counts): per unit, linearised in its own arm a,
    Y = (m - R_a d) / mean(d),  X = (xm - Rx_a xd) / mean(xd),  R_a = sum(m)/sum(d),
    Rx_a = sum(xm)/sum(xd), and the arm's estimates are (R_a, Rx_a, mean(H)).
  theta = S_ZZ^-1 S_ZY, S the within-arm (co)variances pooled over both arms (n_c + n_t - 2),
    Z = (X, H); H is left out when it does not vary or is a multiple of X.
  adjusted arm estimate: est_a(Y) - theta . (est_a(Z) - pooled mean of est(Z)),
  its variance: Var_a(Y - theta . Z) / n_a; Welch's test of the two (Welch-Satterthwaite df),
  the relative lift by the delta method; variance_reduction = 1 - Var(adjusted delta)/Var(delta).
  With sequential testing the intervals and p-values are the always-valid ones at n_c + n_t
  units (make_sequential_reference.py).
"""
import json
import math
import os
import sys

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(__file__))
from make_sequential_reference import multiplier, p_value as sequential_p  # noqa: E402


def linearised(units, shape):
    """Per unit (Y, X, H) and the arm's estimates of (Y, X, H)."""
    u = np.asarray(units, dtype=float)
    if shape == "mean":
        return u[:, :3], u[:, :3].mean(axis=0)
    m, d, xm, xd, h = u.T
    r, rx = m.sum() / d.sum(), xm.sum() / xd.sum()
    y = (m - r * d) / d.mean()
    x = (xm - rx * xd) / xd.mean()
    return np.column_stack([y, x, h]), np.array([r, rx, h.mean()])


def cuped(control, treatment, shape, confidence, sequential=False, tuning_n=5000):
    lc, ec = linearised(control, shape)
    lt, et = linearised(treatment, shape)
    nc, nt = len(lc), len(lt)
    dc, dt = lc - lc.mean(axis=0), lt - lt.mean(axis=0)
    pooled = (dc.T @ dc + dt.T @ dt) / (nc + nt - 2)
    szz, szy = pooled[1:, 1:], pooled[1:, 0]
    det = szz[0, 0] * szz[1, 1] - szz[0, 1] ** 2
    if szz[1, 1] > 0 and det > 1e-9 * szz[0, 0] * szz[1, 1]:
        theta = np.linalg.solve(szz, szy)
    else:
        theta = np.array([szy[0] / szz[0, 0], 0.0])
    zbar = (ec[1:] * nc + et[1:] * nt) / (nc + nt)
    adj_c = ec[0] - theta @ (ec[1:] - zbar)
    adj_t = et[0] - theta @ (et[1:] - zbar)
    vc = np.var(lc[:, 0] - lc[:, 1:] @ theta, ddof=1) / nc
    vt = np.var(lt[:, 0] - lt[:, 1:] @ theta, ddof=1) / nt
    se = math.sqrt(vc + vt)
    df = (vc + vt) ** 2 / (vc ** 2 / (nc - 1) + vt ** 2 / (nt - 1))
    delta = adj_t - adj_c
    rel = adj_t / adj_c - 1
    rel_se = math.sqrt(vt / adj_c ** 2 + adj_t ** 2 * vc / adj_c ** 4)
    alpha = 1 - confidence
    if sequential:
        n = nc + nt
        q = multiplier(n, alpha, tuning_n)
        p = sequential_p(abs(delta / se), n, alpha, tuning_n)
    else:
        q = stats.t.ppf(0.5 + confidence / 2, df)
        p = 2 * stats.t.sf(abs(delta / se), df)
    unadjusted = np.var(lc[:, 0], ddof=1) / nc + np.var(lt[:, 0], ddof=1) / nt
    return dict(control_adjusted=adj_c, treatment_adjusted=adj_t, delta=delta,
                delta_ci=[delta - q * se, delta + q * se], p=p, relative=rel,
                relative_ci=[rel - q * rel_se, rel + q * rel_se], theta=theta[0],
                theta_no_history=theta[1], variance_reduction=1 - (vc + vt) / unadjusted)


def check_against_ols(control, treatment, shape, expected):
    """statsmodels OLS of Y on 1, the arm, X and H gives the same theta (and, for means, delta)."""
    import statsmodels.api as sm
    lc, _ = linearised(control, shape)
    lt, _ = linearised(treatment, shape)
    y = np.concatenate([lc[:, 0], lt[:, 0]])
    arm = np.concatenate([np.zeros(len(lc)), np.ones(len(lt))])
    z = np.vstack([lc[:, 1:], lt[:, 1:]])
    columns = [np.ones_like(y), arm, z[:, 0]]
    if expected["theta_no_history"] != 0:
        columns.append(z[:, 1])
    fit = sm.OLS(y, np.column_stack(columns)).fit()
    assert abs(fit.params[2] - expected["theta"]) <= 1e-9 * max(1, abs(expected["theta"])), (fit.params, expected)
    if len(columns) == 4:
        assert abs(fit.params[3] - expected["theta_no_history"]) <= 1e-9 * max(1, abs(expected["theta_no_history"]))
    if shape == "mean":
        assert abs(fit.params[1] - expected["delta"]) <= 1e-9 * max(1, abs(expected["delta"])), (fit.params, expected)


def rounded(a, digits=4):
    return [[round(float(v), digits) for v in row] for row in a]


def mean_units(rng, n, history, lift, binary=False):
    h = (rng.random(n) >= history).astype(float)
    x = np.where(h == 1, 0.0, rng.gamma(2.0, 30.0, n))
    if binary:
        x = np.where(h == 1, 0.0, rng.poisson(1.5, n) + 1.0)
        p = np.clip(0.2 + 0.08 * x - 0.05 * h + lift, 0, 1)
        y = (rng.random(n) < p).astype(float)
    else:
        y = np.maximum(0.0, 15 + 0.6 * x - 8 * h + lift + rng.normal(0, 25, n))
    return rounded(np.column_stack([y, x, h]))


def ratio_units(rng, n, history, lift, per=None):
    h = (rng.random(n) >= history).astype(float)
    d = rng.integers(1, 4, n).astype(float) if per is None else rng.integers(1, per, n).astype(float)
    xd = np.where(h == 1, 0.0, rng.integers(1, 4, n).astype(float))
    level = rng.gamma(4.0, 15.0, n)
    xm = np.where(h == 1, 0.0, xd * level * rng.uniform(0.7, 1.3, n))
    if per is None:
        m = d * (0.6 * level + 25 + lift) * rng.uniform(0.6, 1.4, n)
    else:  # acceptance: accepted of d shown, likelier for customers who took offers before
        rate = np.clip(0.1 + 0.4 * np.where(xd > 0, xm / np.maximum(xd, 1) / 200, 0) + lift, 0, 1)
        m = rng.binomial(d.astype(int), rate).astype(float)
        xm = np.where(h == 1, 0.0, rng.binomial(xd.astype(int), np.clip(rate, 0, 1)).astype(float))
    # Units without an order (or offer) in the test add 0 / 0; their pre-period still counts.
    idle = rng.random(n) < 0.3
    m, d = np.where(idle, 0.0, m), np.where(idle, 0.0, d)
    return rounded(np.column_stack([m, d, xm, xd, h]))


def main():
    rng = np.random.default_rng(20261203)
    specs = [
        ("rpv, two covariates", "mean", mean_units(rng, 500, 0.6, 0), mean_units(rng, 520, 0.6, 3), 0.95, False),
        ("cvr, binary outcome", "mean", mean_units(rng, 800, 0.5, 0, True), mean_units(rng, 780, 0.5, 0.03, True), 0.95, False),
        ("rpv, every unit with a pre-period", "mean", mean_units(rng, 300, 1.0, 0), mean_units(rng, 310, 1.0, 4), 0.9, False),
        ("aov, ratio", "ratio", ratio_units(rng, 400, 0.7, 0), ratio_units(rng, 420, 0.7, 5), 0.95, False),
        ("acceptance, ratio, sequential", "ratio", ratio_units(rng, 600, 0.5, 0, per=6), ratio_units(rng, 640, 0.5, 0.05, per=6), 0.95, True),
        ("rpv, sequential, alpha 0.01", "mean", mean_units(rng, 2500, 0.4, 0), mean_units(rng, 2500, 0.4, 1.5), 0.99, True),
    ]
    cases = []
    for name, shape, control, treatment, confidence, sequential in specs:
        expected = cuped(control, treatment, shape, confidence, sequential)
        check_against_ols(control, treatment, shape, expected)
        cases.append(dict(name=name, shape=shape, confidence=confidence, sequential=sequential, tuning_n=5000,
                          control=control, treatment=treatment,
                          expected={k: (list(map(float, v)) if isinstance(v, list) else float(v))
                                    for k, v in expected.items()}))
        print(f"{name}: delta {expected['delta']:.6g} theta {expected['theta']:.6g} "
              f"variance reduction {expected['variance_reduction']:.4f}")
    out = os.path.join("tests", "fixtures", "stats", "cuped.json")
    with open(out, "w") as f:
        json.dump({"cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", out, "(statsmodels OLS agrees on theta and, for means, on delta)")


if __name__ == "__main__":
    main()
