#include "warehouse/sql_dialect.h"

#include <algorithm>

namespace basketlift {

const char* sql_dialect_name(SqlDialect dialect) {
  switch (dialect) {
    case SqlDialect::duckdb:
      return "duckdb";
    case SqlDialect::postgres:
      return "postgres";
    case SqlDialect::bigquery:
      return "bigquery";
    case SqlDialect::snowflake:
      return "snowflake";
  }
  return "?";
}

std::optional<SqlDialect> parse_sql_dialect(std::string_view name) {
  if (name == "duckdb") return SqlDialect::duckdb;
  if (name == "postgres" || name == "postgresql") return SqlDialect::postgres;
  if (name == "bigquery") return SqlDialect::bigquery;
  if (name == "snowflake") return SqlDialect::snowflake;
  return std::nullopt;
}

std::string sql_string(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

namespace {

// A column name as a quoted identifier.
std::string identifier(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name)
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Upper-case ASCII letters (Snowflake's name of a column created without quotes).
std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace

std::string SqlSyntax::string(std::string_view text) const {
  if (dialect != SqlDialect::bigquery && dialect != SqlDialect::snowflake) return sql_string(text);
  // Both read backslash escapes in string literals; BigQuery does not read '' as a quote.
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string SqlSyntax::text_type() const {
  return dialect == SqlDialect::bigquery ? "STRING" : "TEXT";
}

std::string SqlSyntax::kept_cte() const {
  // DuckDB would compute a CTE again for every reader; PostgreSQL keeps one read twice by
  // itself; BigQuery and Snowflake have no such keyword (and decide for themselves).
  return dialect == SqlDialect::duckdb || dialect == SqlDialect::postgres ? " AS MATERIALIZED ("
                                                                          : " AS (";
}

std::string SqlSyntax::inlined_cte() const {
  // PostgreSQL and DuckDB would keep a CTE read twice; BigQuery and Snowflake decide for
  // themselves.
  return dialect == SqlDialect::duckdb || dialect == SqlDialect::postgres ? " AS NOT MATERIALIZED ("
                                                                          : " AS (";
}

std::string SqlSyntax::count_if(std::string_view condition) const {
  if (dialect == SqlDialect::duckdb || dialect == SqlDialect::postgres)
    return "COUNT(*) FILTER (WHERE " + std::string(condition) + ")";
  return "COUNT(CASE WHEN " + std::string(condition) + " THEN 1 END)";
}

std::string SqlSyntax::sum_if(std::string_view value, std::string_view condition) const {
  if (dialect == SqlDialect::duckdb || dialect == SqlDialect::postgres)
    return "SUM(" + std::string(value) + ") FILTER (WHERE " + std::string(condition) + ")";
  return "SUM(CASE WHEN " + std::string(condition) + " THEN " + std::string(value) + " END)";
}

std::string SqlSyntax::any(std::string_view condition) const {
  const char* name = dialect == SqlDialect::bigquery    ? "LOGICAL_OR"
                     : dialect == SqlDialect::snowflake ? "BOOLOR_AGG"
                                                        : "bool_or";
  return std::string(name) + "(" + std::string(condition) + ")";
}

std::string SqlSyntax::split_part(std::string_view text, std::string_view delimiter, int n) const {
  if (dialect == SqlDialect::bigquery) {
    return "SPLIT(" + std::string(text) + ", " + string(delimiter) + ")[SAFE_OFFSET(" +
           std::to_string(n - 1) + ")]";
  }
  return "split_part(" + std::string(text) + ", " + string(delimiter) + ", " + std::to_string(n) +
         ")";
}

std::string SqlSyntax::join_present(const std::vector<std::string>& values,
                                    std::string_view separator) const {
  std::string list;
  for (const std::string& value : values)
    list += (list.empty() ? "" : ", ") + value;
  switch (dialect) {
    case SqlDialect::bigquery:
      return "ARRAY_TO_STRING([" + list + "], " + string(separator) + ")";
    case SqlDialect::snowflake:
      return "ARRAY_TO_STRING(ARRAY_CONSTRUCT_COMPACT(" + list + "), " + string(separator) + ")";
    default:
      return "concat_ws(" + string(separator) + ", " + list + ")";
  }
}

std::string SqlSyntax::position(std::string_view needle, std::string_view text) const {
  if (dialect == SqlDialect::snowflake)
    return "POSITION(" + std::string(needle) + ", " + std::string(text) + ")";
  return "strpos(" + std::string(text) + ", " + std::string(needle) + ")";
}

std::string SqlSyntax::replace_all(std::string_view text, std::string_view pattern,
                                   std::string_view replacement) const {
  const std::string call =
      "regexp_replace(" + std::string(text) + ", " + string(pattern) + ", " + string(replacement);
  // PostgreSQL and DuckDB replace the first match unless told 'g'; the others replace all.
  return call + (dialect == SqlDialect::duckdb || dialect == SqlDialect::postgres ? ", 'g')" : ")");
}

std::string SqlSyntax::values(std::string_view alias, const std::vector<std::string>& columns,
                              const std::vector<std::vector<std::string>>& rows) const {
  std::string out;
  if (dialect == SqlDialect::bigquery) {
    // An array of structs: the first names the fields.
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string row;
      for (std::size_t c = 0; c < columns.size(); ++c)
        row += (c == 0 ? "" : ", ") + rows[r][c] + (r == 0 ? " AS " + columns[c] : "");
      out += (r == 0 ? "STRUCT(" : ", (") + row + ")";
    }
    return "UNNEST([" + out + "]) AS " + std::string(alias);
  }
  for (const std::vector<std::string>& row : rows) {
    std::string values;
    for (const std::string& value : row)
      values += (values.empty() ? "" : ", ") + value;
    out += (out.empty() ? "(" : ", (") + values + ")";
  }
  std::string names;
  for (const std::string& column : columns)
    names += (names.empty() ? "" : ", ") + column;
  return "(VALUES " + out + ") AS " + std::string(alias) + " (" + names + ")";
}

std::string SqlSyntax::list_rows(std::string_view columns, std::string_view item,
                                 std::string_view list, char separator, std::string_view table,
                                 std::string_view alias, std::string_view condition) const {
  const std::string cols(columns), it(item), l(list), sep = string(std::string(1, separator));
  const std::string from = std::string(table) + " AS " + std::string(alias);
  const std::string where = " WHERE " + std::string(condition);
  switch (dialect) {
    case SqlDialect::postgres:
      return "SELECT " + cols + ", unnest(string_to_array(" + l + ", " + sep + ")) AS " + it +
             " FROM " + from + where;
    case SqlDialect::duckdb:
      return "SELECT " + cols + ", unnest(string_split(" + l + ", " + sep + ")) AS " + it +
             " FROM " + from + where;
    case SqlDialect::bigquery:
      return "SELECT " + cols + ", " + it + " FROM " + from + ", UNNEST(SPLIT(" + l + ", " + sep +
             ")) AS " + it + where;
    case SqlDialect::snowflake:
      return "SELECT " + cols + ", " + it + ".value AS " + it + " FROM " + from +
             ", LATERAL SPLIT_TO_TABLE(" + l + ", " + sep + ") AS " + it + where;
  }
  return {};
}

std::string SqlSyntax::fence() const {
  return dialect == SqlDialect::postgres ? " OFFSET 0" : "";
}

std::string SqlSyntax::filter_fence() const {
  return dialect == SqlDialect::duckdb || dialect == SqlDialect::postgres ? " OFFSET 0" : "";
}

std::string SqlSyntax::unfiltered(const std::string& cte, const std::string& alias) const {
  return "(SELECT * FROM " + cte + filter_fence() + ") AS " + alias;
}

std::string SqlSyntax::epoch_days(std::string_view date) const {
  const std::string d(date);
  switch (dialect) {
    case SqlDialect::bigquery:
      return "UNIX_DATE(" + d + ")";
    case SqlDialect::snowflake:
      return "DATEDIFF(day, DATE '1970-01-01', " + d + ")";
    default:
      return "CAST(" + d + " - DATE '1970-01-01' AS BIGINT)";
  }
}

std::string SqlSyntax::string_agg(std::string_view value, std::string_view separator,
                                  std::string_view order_by) const {
  const std::string joined = std::string(value) + ", " + string(separator);
  if (dialect == SqlDialect::snowflake)
    return "LISTAGG(" + joined + ") WITHIN GROUP (ORDER BY " + std::string(order_by) + ")";
  return "STRING_AGG(" + joined + " ORDER BY " + std::string(order_by) + ")";
}

std::string SqlSyntax::zone_day(std::string_view seconds, std::string_view zone) const {
  const std::string t = "(" + std::string(seconds) + ")";
  if (zone == "UTC") return "CAST(FLOOR(" + t + " / 86400.0) AS BIGINT)";
  const std::string z = string(zone);
  switch (dialect) {
    case SqlDialect::duckdb:
      return epoch_days("CAST(timezone(" + z + ", to_timestamp(" + t + ")) AS DATE)");
    case SqlDialect::postgres:
      return epoch_days("CAST(to_timestamp(" + t + ") AT TIME ZONE " + z + " AS DATE)");
    case SqlDialect::bigquery:
      return epoch_days("DATE(TIMESTAMP_SECONDS(" + t + "), " + z + ")");
    case SqlDialect::snowflake:
      return epoch_days("CAST(CONVERT_TIMEZONE('UTC', " + z + ", TO_TIMESTAMP_NTZ(" + t +
                        ")) AS DATE)");
  }
  return t;
}

std::string SqlSyntax::mod(std::string_view a, std::string_view b) const {
  if (dialect == SqlDialect::bigquery) return "MOD(" + std::string(a) + ", " + std::string(b) + ")";
  return std::string(a) + " % " + std::string(b);
}

std::string SqlSyntax::union_distinct() const {
  return dialect == SqlDialect::bigquery ? "UNION DISTINCT" : "UNION";
}

std::string SqlSyntax::any_order(std::string_view column) const {
  return dialect == SqlDialect::snowflake ? " ORDER BY " + std::string(column) : "";
}

std::string SqlSyntax::output_name(std::string_view name) const {
  return dialect == SqlDialect::snowflake ? identifier(name) : std::string(name);
}

std::string SqlSyntax::row_source(std::string_view table, std::string_view alias,
                                  const std::vector<std::string>& columns) const {
  if (dialect != SqlDialect::duckdb) return std::string(table) + " AS " + std::string(alias);
  std::string nulls;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string& column = columns[i];
    if (std::find(columns.begin(), columns.begin() + i, column) != columns.begin() + i) continue;
    nulls +=
        (nulls.empty() ? "" : ", ") + std::string("CAST(NULL AS VARCHAR) AS ") + identifier(column);
  }
  return "(SELECT * FROM (SELECT " + nulls + ") AS none WHERE FALSE\n    UNION ALL BY NAME " +
         "SELECT * FROM " + std::string(table) + ") AS " + std::string(alias);
}

std::string SqlSyntax::row_values(std::string_view alias,
                                  const std::vector<std::string>& columns) const {
  const std::string a(alias);
  switch (dialect) {
    case SqlDialect::postgres:
      return "to_jsonb(" + a + ")";
    case SqlDialect::bigquery:
      return "TO_JSON_STRING(" + a + ")";
    case SqlDialect::snowflake:
      return "OBJECT_CONSTRUCT_KEEP_NULL(*)";  // the FROM holds the one table
    case SqlDialect::duckdb:
      break;
  }
  // A struct, not a list: DuckDB keeps a struct's fields as columns of their own, while a list
  // copies every value into one child vector and reads each back by its position.
  std::string values;
  for (std::size_t i = 0; i < columns.size(); ++i)
    values += (values.empty() ? "" : ", ") + std::string("v") + std::to_string(i + 1) +
              " := CAST(" + a + "." + identifier(columns[i]) + " AS VARCHAR)";
  return "struct_pack(" + values + ")";
}

std::string SqlSyntax::text_of(std::string_view row, std::size_t index,
                               std::string_view column) const {
  const std::string r(row);
  std::string value;
  switch (dialect) {
    case SqlDialect::postgres:
      value = r + " ->> " + sql_string(column);
      return "NULLIF(btrim(" + value + ", ' ' || chr(9)), '')";
    case SqlDialect::duckdb:
      // DuckDB's trim with a set of characters costs about five times the tests that tell
      // whether there is anything to trim (the 1M-order store's reading steps: 10.2 s
      // against 14.4-15.4 s); the value is the same either way.
      value = r + ".v" + std::to_string(index + 1);
      return "NULLIF(CASE WHEN starts_with(" + value + ", ' ') OR ends_with(" + value +
             ", ' ') OR contains(" + value + ", chr(9)) THEN trim(" + value +
             ", ' ' || chr(9)) ELSE " + value + " END, '')";
    case SqlDialect::bigquery:
      value = "JSON_VALUE(" + r + ", " + string("$.\"" + std::string(column) + "\"") + ")";
      break;
    case SqlDialect::snowflake: {
      value = "GET(" + r + ", " + string(column) + ")";
      if (upper(column) != column)
        value = "COALESCE(" + value + ", GET(" + r + ", " + string(upper(column)) + "))";
      value = "CAST(" + value + " AS TEXT)";
      break;
    }
  }
  return "NULLIF(trim(" + value + ", ' ' || chr(9)), '')";
}

std::string SqlSyntax::has_column(std::string_view alias, std::string_view column) const {
  const std::string a(alias);
  switch (dialect) {
    case SqlDialect::postgres:
      return "to_jsonb(" + a + ") ? " + sql_string(column);
    case SqlDialect::bigquery:
      // A key of the row's JSON is the only place a quote is followed by the name, a quote
      // and a colon (quotes inside values are escaped).
      return "strpos(TO_JSON_STRING(" + a + "), " + string("\"" + std::string(column) + "\":") +
             ") > 0";
    case SqlDialect::snowflake:
      return "(ARRAY_CONTAINS(CAST(" + string(column) +
             " AS VARIANT), OBJECT_KEYS(OBJECT_CONSTRUCT_KEEP_NULL(*))) OR ARRAY_CONTAINS(CAST(" +
             string(upper(column)) + " AS VARIANT), OBJECT_KEYS(OBJECT_CONSTRUCT_KEEP_NULL(*))))";
    case SqlDialect::duckdb:
      break;
  }
  return "json_exists(to_json(" + a + "), " + sql_string("$.\"" + std::string(column) + "\"") + ")";
}

std::string SqlSyntax::matches(std::string_view text, std::string_view pattern) const {
  const std::string t(text), p(pattern);
  switch (dialect) {
    case SqlDialect::postgres:
      return t + " ~ " + string("^(" + p + ")$");
    case SqlDialect::bigquery:
      return "REGEXP_CONTAINS(" + t + ", " + string("^(" + p + ")$") + ")";
    case SqlDialect::snowflake:
      return "REGEXP_LIKE(" + t + ", " + string(p) + ")";  // the whole text, always
    case SqlDialect::duckdb:
      break;
  }
  return "regexp_full_match(" + t + ", " + string(p) + ")";
}

std::string SqlSyntax::decimal() const {
  switch (dialect) {
    case SqlDialect::postgres:
      return "NUMERIC";
    case SqlDialect::bigquery:
      return "NUMERIC";  // 38 digits, 9 of them decimals
    case SqlDialect::snowflake:
      return "NUMBER(18, 6)";
    case SqlDialect::duckdb:
      break;
  }
  // DuckDB: 18 digits (a 64-bit integer, which casts from text 80 times faster than its
  // 38-digit decimals), 6 of them decimals; products (12 decimals) and sums widen to 38.
  return "DECIMAL(18, 6)";
}

std::string SqlSyntax::to_decimal(std::string_view value) const {
  const char* cast = value == "NULL"                    ? "CAST("
                     : dialect == SqlDialect::bigquery  ? "SAFE_CAST("
                     : dialect == SqlDialect::snowflake ? "TRY_CAST("
                                                        : "CAST(";
  return cast + std::string(value) + " AS " + decimal() + ")";
}

std::string SqlSyntax::rounded(std::string_view value) const {
  // PostgreSQL's NUMERIC squares exactly; BigQuery's BIGNUMERIC holds a square of NUMERIC's 9
  // decimals (18 of its 38); DuckDB's and Snowflake's 38 digits hold a square of 9 decimals
  // (18) with 20 digits before the point.
  switch (dialect) {
    case SqlDialect::postgres:
      return std::string(value);
    case SqlDialect::bigquery:
      return "CAST(" + std::string(value) + " AS BIGNUMERIC)";
    case SqlDialect::snowflake:
      return "CAST(ROUND(" + std::string(value) + ", 9) AS NUMBER(38, 9))";
    case SqlDialect::duckdb:
      break;
  }
  return "CAST(ROUND(" + std::string(value) + ", 9) AS DECIMAL(38, 9))";
}

std::string SqlSyntax::too_large(std::string_view text) const {
  if (dialect == SqlDialect::postgres) return {};
  const char* try_cast = dialect == SqlDialect::bigquery ? "SAFE_CAST(" : "TRY_CAST(";
  return std::string(text) + " IS NOT NULL AND " + try_cast + std::string(text) + " AS " +
         decimal() + ") IS NULL";
}

std::string SqlSyntax::double_type() const {
  switch (dialect) {
    case SqlDialect::postgres:
      return "DOUBLE PRECISION";
    case SqlDialect::bigquery:
      return "FLOAT64";
    default:
      return "DOUBLE";
  }
}

std::string SqlSyntax::time_parts(std::string_view text, std::string_view pattern,
                                  const std::vector<std::string>& names,
                                  const std::vector<int>& groups,
                                  const std::vector<std::string>& part_expressions) const {
  const std::string t(text);
  std::string list;
  switch (dialect) {
    case SqlDialect::postgres:
      // regexp_match() with the pattern's optional groups took 0.3-0.9 ms a value in PostgreSQL
      // 15 (most of a small store's query): the pattern alone (~), then each part read by an
      // expression of its own (the caller's, e.g. at its place in the text).
      for (const std::string& part : part_expressions)
        list += (list.empty() ? "" : ", ") + part;
      return "CASE WHEN " + t + " ~ " + string(pattern) + " THEN ARRAY[" + list + "] END";
    case SqlDialect::bigquery:
      // REGEXP_EXTRACT takes one group: each part is the whole match replaced by its group.
      for (std::size_t i = 0; i < names.size(); ++i) {
        list += (list.empty() ? "" : ", ") + std::string("NULLIF(REGEXP_REPLACE(") + t + ", " +
                string(pattern) + ", " + string("\\" + std::to_string(groups[i])) + "), '') AS " +
                names[i];
      }
      return "IF(REGEXP_CONTAINS(" + t + ", " + string(pattern) + "), STRUCT(" + list + "), NULL)";
    case SqlDialect::snowflake:
      for (std::size_t i = 0; i < names.size(); ++i) {
        list += (list.empty() ? "" : ", ") + string(names[i]) + ", REGEXP_SUBSTR(" + t + ", " +
                string(pattern) + ", 1, 1, 'e', " + std::to_string(groups[i]) + ")";
      }
      return "OBJECT_CONSTRUCT(" + list + ")";
    case SqlDialect::duckdb:
      break;
  }
  for (const std::string& name : names)
    list += (list.empty() ? "" : ", ") + sql_string(name);
  return "regexp_extract(" + t + ", " + string(pattern) + ", [" + list + "])";
}

std::string SqlSyntax::time_part(std::string_view parts, std::size_t index,
                                 std::string_view name) const {
  switch (dialect) {
    case SqlDialect::postgres:
      return std::string(parts) + "[" + std::to_string(index + 1) + "]";
    case SqlDialect::bigquery:
      return std::string(parts) + "." + std::string(name);
    case SqlDialect::snowflake:
      return "NULLIF(CAST(GET(" + std::string(parts) + ", " + string(name) + ") AS TEXT), '')";
    case SqlDialect::duckdb:
      break;
  }
  return "NULLIF(" + std::string(parts) + "." + std::string(name) + ", '')";
}

std::string SqlSyntax::byte_order(std::string_view value) const {
  return dialect == SqlDialect::postgres ? std::string(value) + " COLLATE \"C\""
                                         : std::string(value);
}

std::string SqlSyntax::number_text(std::string_view value) const {
  const std::string v(value);
  if (dialect == SqlDialect::postgres) return "CAST(trim_scale(" + v + ") AS TEXT)";
  const std::string text = as_text(v);
  return "CASE WHEN " + position("'.'", text) + " > 0 THEN rtrim(rtrim(" + text +
         ", '0'), '.') ELSE " + text + " END";
}

std::string SqlSyntax::as_text(std::string_view value) const {
  return "CAST(" + std::string(value) + " AS " + text_type() + ")";
}

}  // namespace basketlift
