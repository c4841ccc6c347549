#!/usr/bin/python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/seeds/<target>/) from the test fixtures
and the sample store: small heads of real files, framed as each target reads its input (see
targets.h). Run from the repository root:  python3 tests/fuzz/make_seeds.py"""
import glob
import hashlib
import os

ROOT = "tests/fuzz/seeds"
HEAD = 4096


def head(path, limit=HEAD):
    data = open(path, "rb").read()[:limit]
    cut = data.rfind(b"\n")
    return data[: cut + 1] if cut > 0 else data


def write(target, data):
    os.makedirs(os.path.join(ROOT, target), exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(ROOT, target, name), "wb") as f:
        f.write(data)


def main():
    fixtures = sorted(glob.glob("tests/fixtures/*/*")) + sorted(glob.glob("web/sample/*.csv"))
    csvs = [f for f in fixtures if f.endswith(".csv")]
    jsons = [f for f in fixtures if f.endswith((".ndjson", ".json")) and not f.endswith((".map.json", "answers.json"))
             and "/stats/" not in f]
    for f in csvs:
        write("csv", b"\x04\x00\x00\x00\x00" + head(f))
        write("csv", b"\x04\x07\x0d\x40\x03" + head(f))
    for f in jsons:
        write("json", b"\x02\x00\x00\x00\x00" + head(f))
        write("json", b"\x02\x05\x11\x2a\x01" + head(f))
    for f in csvs + jsons:
        write("mapper", b"\x00" + head(f, 512))
    for m in sorted(glob.glob("tests/fixtures/*/*.map.json")):
        data = m[: -len(".map.json")]
        for ext in (".csv", ".ndjson"):
            if os.path.exists(data + ext):
                write("mapper", open(m, "rb").read() + b"\x00" + head(data + ext, 512))
    sample = [head(f"web/sample/{name}.csv", 2048) for name in ("products", "orders", "offers", "sessions")]
    write("pipeline", b"\n#FILE\n".join(sample))
    write("pipeline", b"\n#FILE\n".join([head("tests/fixtures/ingest/orders_nested.ndjson")] + sample[:1]))
    write("pipeline", aggregates_sample("tests/fixtures/aggregates/sample_postgres.csv"))


def aggregates_sample(path, per_kind=3):
    """An aggregates file of the header and the first rows of each kind (an analysable file:
    the settings, the tables' accounts, the summary, and a few rows of every section)."""
    lines = open(path, "rb").read().split(b"\n")
    kept, seen = [lines[0]], {}
    for line in lines[1:]:
        kind = line.split(b",", 1)[0]
        if line and seen.get(kind, 0) < (100 if kind in (b"table", b"summary", b"settings") else per_kind):
            seen[kind] = seen.get(kind, 0) + 1
            kept.append(line)
    return b"\n".join(kept) + b"\n"


if __name__ == "__main__":
    main()
