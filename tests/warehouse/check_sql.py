"""Checks a query of `basketlift sql` for one dialect: it parses with sqlglot (Debian's
python3-sqlglot) in that dialect, and it uses none of the constructs the dialect lacks.

Usage: python3 tests/warehouse/check_sql.py bigquery|snowflake FILE
Prints what it found and exits 1 on a failure. sqlglot parses leniently (it accepts some
constructs a dialect refuses, e.g. FILTER in BigQuery), hence the list of constructs below, each
with the reason the dialect refuses it.
"""
import re
import sys

import sqlglot

# Constructs no dialect here but PostgreSQL and DuckDB reads.
NOT_PORTABLE = {
    r"FILTER\s*\(": "aggregate FILTER: neither BigQuery nor Snowflake",
    r"\bMATERIALIZED\b": "CTE AS MATERIALIZED: PostgreSQL and DuckDB only",
    r"\bbool_or\b": "bool_or: BigQuery LOGICAL_OR, Snowflake BOOLOR_AGG",
    r"::": "PostgreSQL's cast operator",
    r"\bWINDOW\b": "a named WINDOW clause: not in Snowflake",
    r"\bVARCHAR\b": "DuckDB's row reading",
    r"\bOFFSET 0\b": "a PostgreSQL planner fence; BigQuery needs LIMIT before OFFSET",
    r"\bbtrim\b|\bto_jsonb\b|\btrim_scale\b|COLLATE": "PostgreSQL functions",
    r"\bregexp_full_match\b|\bstring_split\b|UNION ALL BY NAME": "DuckDB functions",
    r"\bstring_to_array\b|\bregexp_split_to_table\b|\bunnest\(": "set-returning functions in a SELECT list",
    r"\bregexp_match\b|\bregexp_extract\b": "several groups at once: not in BigQuery or Snowflake",
    r"\s!?~\*?\s": "PostgreSQL's match operator ~: BigQuery REGEXP_CONTAINS, Snowflake REGEXP_LIKE",
    r"\bsubstring\s*\(.*\bfrom\s+'": "substring(... from PATTERN): PostgreSQL only",
}
BIGQUERY = {
    r'"': "a double-quoted string is a string literal in BigQuery, not a name",
    r"\bsplit_part\b": "BigQuery splits with SPLIT(...)[SAFE_OFFSET(n)]",
    r"\bVALUES\b": "no VALUES in FROM: UNNEST of an array of structs",
    r"\bTEXT\b|\bDOUBLE\b|\bDECIMAL\(|\bTRY_CAST\b": "BigQuery's types are STRING, FLOAT64, NUMERIC; SAFE_CAST",
    r" % ": "BigQuery has MOD(), no % operator",
    r"\bUNION\s+(?!ALL\b|DISTINCT\b)": "a bare UNION: BigQuery needs UNION DISTINCT",
    r"\bDATE\s*-|-\s*DATE\b": "date subtraction: UNIX_DATE",
    r"\)\s+AS\s+\w+\s*\(\w+\s*,": "column aliases after a derived table",
}
SNOWFLAKE = {
    r"\bstrpos\b": "Snowflake has POSITION, no strpos",
    r"\bSTRING\b|\bFLOAT64\b|\bSAFE_CAST\b|\bCOUNTIF\b|\bLOGICAL_OR\b": "BigQuery's names",
    r"ROW_NUMBER\(\)\s+OVER\s+\((PARTITION BY [\w.]+)?\)": "Snowflake's ROW_NUMBER needs ORDER BY",
}


def code_only(sql):
    """The query with comments removed and every string literal emptied."""
    out, i = [], 0
    while i < len(sql):
        if sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end
            continue
        if sql[i] == "'":
            j = i + 1
            while j < len(sql):
                if sql[j] == "\\":
                    j += 2
                elif sql[j] == "'" and sql.startswith("''", j):
                    j += 2
                elif sql[j] == "'":
                    break
                else:
                    j += 1
            out.append("''")
            i = j + 1
            continue
        out.append(sql[i])
        i += 1
    return "".join(out)


def main():
    dialect, path = sys.argv[1], sys.argv[2]
    sql = open(path, encoding="utf-8").read()
    failures = []
    # sqlglot 10.6 predates BigQuery's BIGNUMERIC: parse it as NUMERIC (same syntax).
    parsed = sql.replace("BIGNUMERIC", "NUMERIC") if dialect == "bigquery" else sql
    try:
        statements = [s for s in sqlglot.parse(parsed, read=dialect) if s is not None]
        if len(statements) != 1:
            failures.append(f"{len(statements)} statements, expected one SELECT")
    except sqlglot.errors.ParseError as error:
        failures.append(f"sqlglot cannot parse it as {dialect}: {str(error)[:600]}")
    code = code_only(sql)
    rules = dict(NOT_PORTABLE, **(BIGQUERY if dialect == "bigquery" else SNOWFLAKE))
    for pattern, reason in rules.items():
        match = re.search(pattern, code)
        if match:
            line = code.count("\n", 0, match.start()) + 1
            failures.append(f"line {line}: /{pattern}/ ({reason}): {code.splitlines()[line - 1][:160]}")
    if dialect == "snowflake" and "(?:" in sql:
        failures.append("(?: in a regular expression: Snowflake's POSIX expressions lack it")
    for failure in failures:
        print(failure)
    print("ok" if not failures else f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
