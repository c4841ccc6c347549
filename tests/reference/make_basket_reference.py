#!/usr/bin/python3
"""Reference pair rules for Basketlift's basket mining, from Weka's FPGrowth (Debian package
`weka`, /usr/share/java/weka.jar), on the real Groceries data set in tests/data/groceries.

Writes tests/fixtures/basket/groceries_weka_pairs.json: every rule A -> B with one item on each
side that FPGrowth finds at minimum support 0.005 and minimum confidence 0.05, with Weka's
exact counts (baskets with A; baskets with A and B). Weka prints ratios rounded to two
decimals, so the test compares the counts exactly and derives confidence and lift from them.
Also stores each item's basket count (from the baskets themselves) so lift can be derived.
Names are kept exactly as in the data ("cream cheese " has a trailing space there); the engine
trims values, so the test trims them too.

Run from the repository root:  /usr/bin/python3 tests/reference/make_basket_reference.py
"""
import csv
import json
import os
import re
import subprocess
import tempfile
from collections import defaultdict

WEKA = "/usr/share/java/weka.jar"
DATA = os.path.join("tests", "data", "groceries", "orders.csv")
OUT = os.path.join("tests", "fixtures", "basket", "groceries_weka_pairs.json")
MIN_SUPPORT = 0.005
MIN_CONFIDENCE = 0.05


def main():
    baskets = defaultdict(set)
    with open(DATA, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            baskets[row["order_id"]].add(row["product_id"])
    items = sorted({item for basket in baskets.values() for item in basket})
    index = {item: k for k, item in enumerate(items)}
    with tempfile.NamedTemporaryFile("w", suffix=".arff", delete=False, encoding="utf-8") as arff:
        arff.write("@relation groceries\n")
        for item in items:
            arff.write("@attribute '%s' {f,t}\n" % item.replace("'", "\\'"))
        arff.write("@data\n")
        for order in sorted(baskets):
            arff.write("{" + ",".join("%d t" % k for k in sorted(index[i] for i in baskets[order])) + "}\n")
        path = arff.name
    output = subprocess.run(
        ["java", "-Xmx2g", "-cp", WEKA, "weka.associations.FPGrowth", "-P", "2", "-I", "2", "-N", "100000",
         "-T", "0", "-C", str(MIN_CONFIDENCE), "-D", "0.05", "-U", "1.0", "-M", str(MIN_SUPPORT), "-t", path],
        check=True, capture_output=True, text=True).stdout
    os.unlink(path)
    rule = re.compile(r"^\s*\d+\. \[(.+)=t\]: (\d+) ==> \[(.+)=t\]: (\d+)\s+<conf")
    rules = []
    for line in output.splitlines():
        m = rule.match(line)
        if m and "=t, " not in m.group(1) and "=t, " not in m.group(3):
            rules.append({"antecedent": m.group(1), "consequent": m.group(3),
                          "antecedent_count": int(m.group(2)), "rule_count": int(m.group(4))})
    counts = defaultdict(int)
    for basket in baskets.values():
        for item in basket:
            counts[item] += 1
    rules.sort(key=lambda r: (r["antecedent"], r["consequent"]))
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"source": "Weka FPGrowth -P 2 -I 2 -M %g -C %g on tests/data/groceries" % (MIN_SUPPORT, MIN_CONFIDENCE),
                   "baskets": len(baskets), "min_support": MIN_SUPPORT, "min_confidence": MIN_CONFIDENCE,
                   "item_counts": dict(sorted(counts.items())), "rules": rules}, f, indent=1)
        f.write("\n")
    print("wrote", OUT, len(rules), "rules")


if __name__ == "__main__":
    main()
