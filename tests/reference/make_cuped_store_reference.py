#!/usr/bin/python3
"""Reference values for CUPED on a generated store, computed from its CSV files with Python's csv
module and NumPy — the pre-period join included — independently of the engine. Writes
tests/fixtures/stats/cuped_store.json, which tests/core/cuped_test.cpp checks to 1e-6 relative
against the engine's report of the same store (generated again in memory from the same options).

Run from the repository root after building:  /usr/bin/python3 tests/reference/make_cuped_store_reference.py

The store: basketlift-generate --orders 2000 --seed 21 --clean --pre-period-r 0.6 (CSV).
The units are the sessions with a variant; a unit's customer is its row's customer_id; a
customer's pre-period is their orders in the 30 days before their first session (strictly
before it). Revenue of an order: sum of quantity * unit_price - discount over its lines.
Metrics: cvr (converted; X = pre-period orders), rpv (revenue; X = pre-period revenue), aov
(revenue / orders over every unit; X = pre-period revenue / orders). The estimator is
make_cuped_reference.py's, fixed-horizon ("metrics") and always-valid ("sequential").
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(__file__))
from make_cuped_reference import cuped  # noqa: E402

OPTIONS = ["--orders", "2000", "--seed", "21", "--clean", "--pre-period-r", "0.6"]
WINDOW = 30 * 86400


def epoch(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp() if text else None


def main():
    out_dir = tempfile.mkdtemp(prefix="basketlift-cuped-")
    subprocess.run([os.path.join("build", "bin", "basketlift-generate"), *OPTIONS, "--out", out_dir],
                   check=True, capture_output=True)
    orders = {}
    with open(os.path.join(out_dir, "orders.csv"), newline="") as f:
        for row in csv.DictReader(f):
            o = orders.setdefault(row["order_id"], dict(time=epoch(row["timestamp"]), customer=row["customer_id"],
                                                        session=row["session_id"], revenue=0.0))
            o["revenue"] += float(row["quantity"]) * float(row["unit_price"]) - float(row["discount"] or 0)
    sessions = []
    with open(os.path.join(out_dir, "sessions.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["variant"]:
                sessions.append(dict(id=row["session_id"], arm=row["variant"], time=epoch(row["timestamp"]),
                                     customer=row["customer_id"], converted=float(row["converted"])))
    first = {}
    for s in sessions:
        if s["customer"]:
            first[s["customer"]] = min(first.get(s["customer"], s["time"]), s["time"])
    pre_orders, pre_revenue = defaultdict(float), defaultdict(float)
    in_session = defaultdict(lambda: [0.0, 0.0])  # revenue, orders
    for o in orders.values():
        if o["session"]:
            in_session[o["session"]][0] += o["revenue"]
            in_session[o["session"]][1] += 1
        c = o["customer"]
        if c in first and first[c] - WINDOW <= o["time"] < first[c]:
            pre_orders[c] += 1
            pre_revenue[c] += o["revenue"]
    units = {"control": defaultdict(list), "treatment": defaultdict(list)}
    for s in sessions:
        c = s["customer"]
        history = bool(c) and pre_orders[c] > 0
        h = 0.0 if history else 1.0
        x_orders, x_revenue = (pre_orders[c], pre_revenue[c]) if history else (0.0, 0.0)
        revenue, count = in_session[s["id"]]
        u = units[s["arm"]]
        u["cvr"].append([s["converted"], x_orders, h])
        u["rpv"].append([revenue, x_revenue, h])
        u["aov"].append([revenue, count, x_revenue, x_orders, h])
    metrics, sequential = {}, {}
    as_json = lambda r: {k: (list(map(float, v)) if isinstance(v, list) else float(v)) for k, v in r.items()}
    for metric, shape in (("cvr", "mean"), ("rpv", "mean"), ("aov", "ratio")):
        r = cuped(units["control"][metric], units["treatment"][metric], shape, 0.95)
        metrics[metric] = as_json(r)
        # The always-valid version ("sequential": true, sequential_tuning_n 5000).
        sequential[metric] = as_json(cuped(units["control"][metric], units["treatment"][metric], shape, 0.95, True, 5000))
        print(f"{metric}: delta {r['delta']:.6g} theta {r['theta']:.6g} variance reduction {r['variance_reduction']:.4f}")
    out = os.path.join("tests", "fixtures", "stats", "cuped_store.json")
    with open(out, "w") as f:
        json.dump({"generator_options": OPTIONS, "units": len(sessions), "metrics": metrics,
                   "sequential": sequential}, f, indent=1)
        f.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
