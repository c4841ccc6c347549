#!/usr/bin/python3
"""Reference values for Basketlift's statistics, computed with SciPy and NumPy (Debian's
python3-scipy), independently of the C++ code. Writes tests/fixtures/stats/reference.json,
which tests/core/stat_tests_test.cpp checks to 1e-6 relative.

Run from the repository root:  /usr/bin/python3 tests/reference/make_stats_reference.py

Formulas (the engine's, restated here on purpose):
- two-proportion z-test: p-value from the pooled standard error, interval of the difference
  from the unpooled one; relative lift by the delta method with the normal distribution;
- Welch's t-test with Welch–Satterthwaite df; relative lift by the delta method with the same
  t distribution (GrowthBook's convention);
- ratio metrics sum(m)/sum(d) per arm with delta-method variance
  (var_m - 2 R cov + R^2 var_d) / (n mean_d^2), compared like Welch's test;
- Wilson score interval without continuity correction;
- SRM: scipy.stats.chisquare against the expected shares;
- homogeneity of k ratio estimates (an offer's acceptance by segment): Cochran's Q
  sum((r_g - r_pooled_w)^2 / v_g) against chi-square with k - 1 df, each v_g the ratio's
  delta-method variance taken at the pooled ratio sum(m)/sum(d) over all groups; for two
  groups the same as the two-sided z-test of r_1 - r_2 with variance v_1 + v_2 (checked here).
"""
import json
import math
import os

import numpy as np
from scipy import stats

CONFIDENCE = 0.95
Q = 0.5 + CONFIDENCE / 2


def welch(c, t):
    """c, t: arrays of per-unit values."""
    mc, mt = c.mean(), t.mean()
    vc, vt = c.var(ddof=1) / len(c), t.var(ddof=1) / len(t)
    se = math.sqrt(vc + vt)
    df = (vc + vt) ** 2 / (vc ** 2 / (len(c) - 1) + vt ** 2 / (len(t) - 1))
    # Cross-check the statistic with SciPy's own Welch test.
    scipy_p = stats.ttest_ind(t, c, equal_var=False).pvalue
    delta = mt - mc
    q = stats.t.ppf(Q, df)
    p = 2 * stats.t.sf(abs(delta / se), df)
    assert abs(p - scipy_p) <= 1e-9 * max(1, p)
    return dict(control=mc, treatment=mt, delta=delta, ci=[delta - q * se, delta + q * se], p=p, df=df,
                **relative(mc, mt, vc, vt, df))


def relative(mc, mt, vc, vt, df):
    rel = mt / mc - 1
    se = math.sqrt(vt / mc ** 2 + mt ** 2 * vc / mc ** 4)
    q = stats.norm.ppf(Q) if math.isinf(df) else stats.t.ppf(Q, df)
    dist = stats.norm if math.isinf(df) else stats.t(df)
    p = 2 * dist.sf(abs(rel / se))
    return dict(relative=rel, relative_ci=[rel - q * se, rel + q * se], relative_p=p)


def welch_from_sums(n1, s1, ss1, n2, s2, ss2):
    m1, m2 = s1 / n1, s2 / n2
    v1 = (ss1 - n1 * m1 * m1) / (n1 - 1) / n1
    v2 = (ss2 - n2 * m2 * m2) / (n2 - 1) / n2
    se = math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
    q = stats.t.ppf(Q, df)
    delta = m2 - m1
    return dict(delta=delta, ci=[delta - q * se, delta + q * se], p=2 * stats.t.sf(abs(delta / se), df), df=df,
                **relative(m1, m2, v1, v2, df))


def two_proportion(xc, nc, xt, nt):
    pc, pt = xc / nc, xt / nt
    vc, vt = pc * (1 - pc) / nc, pt * (1 - pt) / nt
    se = math.sqrt(vc + vt)
    pooled = (xc + xt) / (nc + nt)
    pooled_se = math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nt))
    delta = pt - pc
    q = stats.norm.ppf(Q)
    return dict(control=pc, treatment=pt, delta=delta, ci=[delta - q * se, delta + q * se],
                p=2 * stats.norm.sf(abs(delta / pooled_se)), **relative(pc, pt, vc, vt, math.inf))


def ratio_arm(m, d):
    n = len(m)
    r = m.sum() / d.sum()
    cov = np.cov(m, d, ddof=1)
    var = (cov[0, 0] - 2 * r * cov[0, 1] + r * r * cov[1, 1]) / (n * d.mean() ** 2)
    return r, var, n


def ratio(mc, dc, mt, dt):
    rc, vc, nc = ratio_arm(mc, dc)
    rt, vt, nt = ratio_arm(mt, dt)
    se = math.sqrt(vc + vt)
    df = (vc + vt) ** 2 / (vc ** 2 / (nc - 1) + vt ** 2 / (nt - 1))
    q = stats.t.ppf(Q, df)
    delta = rt - rc
    return dict(control=rc, treatment=rt, delta=delta, ci=[delta - q * se, delta + q * se],
                p=2 * stats.t.sf(abs(delta / se), df), df=df, **relative(rc, rt, vc, vt, df))


def ratio_variance_at(m, d, r):
    n = len(m)
    cov = np.cov(m, d, ddof=1)
    return max(0.0, (cov[0, 0] - 2 * r * cov[0, 1] + r * r * cov[1, 1]) / (n * d.mean() ** 2))


def homogeneity(groups):
    """groups: list of (m, d) unit arrays. Returns the estimates, variances, Q and p."""
    pooled = sum(m.sum() for m, _ in groups) / sum(d.sum() for _, d in groups)
    r = np.array([m.sum() / d.sum() for m, d in groups])
    v = np.array([ratio_variance_at(m, d, pooled) for m, d in groups])
    w = 1 / v
    mean = (w * r).sum() / w.sum()
    q = float((w * (r - mean) ** 2).sum())
    p = stats.chi2.sf(q, len(groups) - 1)
    if len(groups) == 2:
        z = (r[0] - r[1]) / math.sqrt(v[0] + v[1])
        assert abs(p - 2 * stats.norm.sf(abs(z))) <= 1e-12 * max(p, 1e-300)
    return dict(groups=[dict(m=m.tolist(), d=d.tolist()) for m, d in groups], pooled=pooled,
                estimates=r.tolist(), variances=v.tolist(), statistic=q, df=len(groups) - 1, p=p)


def acceptance_units(rng, n, rate):
    """Per-session impressions (1-3) and acceptances of an offer taken at `rate`."""
    d = rng.integers(1, 4, n).astype(float)
    m = np.array([float((rng.random(int(k)) < rate).sum()) for k in d])
    return m, d


def wilson(x, n):
    z = stats.norm.ppf(Q)
    p = x / n
    center = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return [max(0.0, center - half), min(1.0, center + half)]


def t_interval(values):
    """Mean's t interval (the dashboard's AOV interval over order revenues)."""
    a = np.array(values, dtype=float)
    low, high = stats.t.interval(CONFIDENCE, len(a) - 1, loc=a.mean(), scale=stats.sem(a))
    return [low, high]


def holm(p):
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    out, running = [0.0] * m, 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return out


def bh(p):
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    out, running = [0.0] * m, 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        out[i] = min(1.0, running)
    return out


def main():
    rng = np.random.default_rng(20261129)
    n_c, n_t = 1500, 1480
    # Per-session data of a store: conversion, revenue (zeros for non-buyers), orders.
    conv_c = rng.random(n_c) < 0.31
    conv_t = rng.random(n_t) < 0.27
    rev_c = np.where(conv_c, np.round(rng.lognormal(4.8, 0.7, n_c), 2), 0.0)
    rev_t = np.where(conv_t, np.round(rng.lognormal(4.95, 0.7, n_t), 2), 0.0)
    orders_c = np.where(conv_c, 1 + (rng.random(n_c) < 0.1), 0).astype(float)
    orders_t = np.where(conv_t, 1 + (rng.random(n_t) < 0.1), 0).astype(float)
    imps_c = rng.integers(0, 4, n_c).astype(float)
    imps_t = rng.integers(0, 4, n_t).astype(float)
    acc_c = np.minimum(imps_c, (rng.random(n_c) < 0.08) * 1.0)
    acc_t = np.minimum(imps_t, (rng.random(n_t) < 0.11) * 1.0)
    buyers_c, buyers_t = orders_c > 0, orders_t > 0

    reference = {
        "confidence": CONFIDENCE,
        "data": {
            "control": {"converted": conv_c.astype(int).tolist(), "revenue": rev_c.tolist(), "orders": orders_c.tolist(),
                        "impressions": imps_c.tolist(), "accepted": acc_c.tolist()},
            "treatment": {"converted": conv_t.astype(int).tolist(), "revenue": rev_t.tolist(),
                          "orders": orders_t.tolist(), "impressions": imps_t.tolist(), "accepted": acc_t.tolist()},
        },
        "cvr": two_proportion(conv_c.sum(), n_c, conv_t.sum(), n_t),
        "rpv": welch(rev_c, rev_t),
        "aov": ratio(rev_c[buyers_c], orders_c[buyers_c], rev_t[buyers_t], orders_t[buyers_t]),
        "aov_all_units": ratio(rev_c, orders_c, rev_t, orders_t),
        "acceptance": ratio(acc_c[imps_c > 0], imps_c[imps_c > 0], acc_t[imps_t > 0], imps_t[imps_t > 0]),
        "growthbook_welch": welch_from_sums(3407, 1396.87, 52377.9767, 3461, 2422.7, 134698.29),
        "srm": [
            {"observed": [2023, 1977], "weights": [1, 1], "p": stats.chisquare([2023, 1977]).pvalue},
            {"observed": [5100, 4900, 2100], "weights": [2, 2, 1],
             "p": stats.chisquare([5100, 4900, 2100], f_exp=[12100 * 0.4, 12100 * 0.4, 12100 * 0.2]).pvalue},
            {"observed": [n_c, n_t], "weights": [1, 1], "p": stats.chisquare([n_c, n_t]).pvalue},
        ],
        "wilson": [{"x": x, "n": n, "ci": wilson(x, n)} for x, n in [(12, 100), (0, 50), (50, 50), (3, 1000), (731, 2500)]],
        # Order revenues of tests/fixtures/ingest/orders_nested.ndjson (5 orders, 3 with a rec_id).
        "summary_skeleton": {"aov_ci": t_interval([840, 1000, 27, 72, 849.89]),
                             "attach_rate_ci": wilson(3, 5)},
        "homogeneity": [homogeneity([acceptance_units(rng, 400, 0.05), acceptance_units(rng, 350, 0.09),
                                     acceptance_units(rng, 200, 0.10)]),
                        homogeneity([acceptance_units(rng, 300, 0.04), acceptance_units(rng, 250, 0.0)]),
                        homogeneity([acceptance_units(rng, 500, 0.07), acceptance_units(rng, 480, 0.07)])],
        "holm": [{"p": p, "adjusted": holm(p)} for p in [[0.01, 0.04, 0.03, 0.005, 0.55, 0.6]]],
        "bh": [{"p": p, "adjusted": bh(p)} for p in [[0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138]]],
        "quantiles": {"normal_0.975": stats.norm.ppf(0.975), "t_0.975_df10": stats.t.ppf(0.975, 10),
                      "chi2_sf_3.84_df1": stats.chi2.sf(3.84, 1)},
    }
    out = os.path.join("tests", "fixtures", "stats", "reference.json")
    with open(out, "w") as f:
        json.dump(reference, f, indent=1, default=float)
        f.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
