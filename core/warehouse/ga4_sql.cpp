// Google Analytics 4's BigQuery export as the source of the aggregates query: its events_* rows
// turned into the three tables the rest of the query reads — ga4_orders (purchase items),
// ga4_offers (items shown in a recommendation list) and ga4_sessions — with acceptance found
// from the lists (README "Larger than a tab", GA4). BigQuery reads the export's own columns;
// DuckDB reads the same schema loaded from the export's JSON through JSON paths, so that a
// field the JSON never holds reads as NULL instead of failing.
#include "warehouse/ga4_sql.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "util/json_tree.h"
#include "warehouse/aggregates_sql.h"

namespace basketlift {

bool is_ga4_list_type(const std::string& type) {
  return type == "cross_sell" || type == "upsell" || type == "bundle";
}

Result<std::map<std::string, std::string>> parse_ga4_list_types(std::string_view json) {
  const std::optional<JsonValue> object = JsonValue::parse(json);
  if (!object || !object->is_object()) {
    return Status::error(ErrorCode::bad_config,
                         "not a JSON object of \"item_list_id\": \"type\" pairs");
  }
  std::map<std::string, std::string> types;
  for (const auto& [list, value] : object->members()) {
    std::string_view type;
    if (!value.get_string(type) || !is_ga4_list_type(std::string(type))) {
      return Status::error(ErrorCode::bad_config, "list \"" + list +
                                                      "\": the type is cross_sell, upsell "
                                                      "or bundle");
    }
    types[list] = std::string(type);
  }
  return types;
}

namespace {

// The event kinds whose items the analyses read.
constexpr const char* kShownEvents = "'view_item_list', 'view_promotion'";
constexpr const char* kPickEvents = "'select_item', 'select_promotion', 'add_to_cart'";

bool bigquery(const QueryBuilder& query) {
  return query.syntax().dialect == SqlDialect::bigquery;
}

// The text of a {key, value} entry `p` of event_params or user_properties: its string, integer
// or floating value.
std::string param_value(const QueryBuilder& query) {
  if (bigquery(query)) {
    return "COALESCE(p.value.string_value, CAST(p.value.int_value AS STRING), "
           "CAST(p.value.double_value AS STRING), CAST(p.value.float_value AS STRING))";
  }
  std::string value;
  for (const char* kind : {"string_value", "int_value", "double_value", "float_value"}) {
    value +=
        std::string(value.empty() ? "" : ", ") + "json_extract_string(p, '$.value." + kind + "')";
  }
  return "COALESCE(" + value + ")";
}

// A parameter the query reads: the column it becomes, the array it is in, its key.
struct Param {
  std::string column, array, key;
};

// The parameters read: the session, currency, the list named on the event and, with
// --ga4-variant-param, the arm (an event parameter, else a user property).
std::vector<Param> params_read(const SqlRequest& request) {
  std::vector<Param> params = {{"ga_session_id", "event_params", "ga_session_id"},
                               {"currency", "event_params", "currency"}};
  for (const char* key : {"item_list_id", "item_list_name", "promotion_id", "promotion_name"})
    params.push_back({std::string("event_") + key, "event_params", key});
  if (!request.ga4_variant_param.empty()) {
    params.push_back({"variant_event", "event_params", request.ga4_variant_param});
    params.push_back({"variant_user", "user_properties", request.ga4_variant_param});
  }
  return params;
}

// A parameter's value (the smallest, should the key repeat) for the event `e`: a subquery over
// the event's array (BigQuery), or the column of the event's parameters pivoted once (DuckDB:
// one pass over the arrays instead of one per parameter).
std::string param(const QueryBuilder& query, const Param& p) {
  if (!bigquery(query)) return "p." + p.column;
  return "(SELECT MIN(" + param_value(query) + ")\n      FROM UNNEST(e." + p.array +
         ") AS p WHERE p.key = " + query.syntax().string(p.key) + ")";
}

// Field `path` (dots between levels) of the event `e` as text.
std::string field(const QueryBuilder& query, const std::string& path) {
  if (bigquery(query)) return "e." + path;
  return "json_extract_string(e.j, '$." + path + "')";
}

// Field `name` of the item `i` as text.
std::string item(const QueryBuilder& query, const std::string& name) {
  if (!bigquery(query)) return "NULLIF(json_extract_string(i, '$." + name + "'), '')";
  if (name == "price" || name == "quantity") return "CAST(i." + name + " AS STRING)";
  return "NULLIF(i." + name + ", '')";
}

// ISO 8601 text (UTC, whole seconds) of a time in microseconds since 1970.
std::string iso_time(const QueryBuilder& query, const std::string& micros) {
  if (bigquery(query))
    return "FORMAT_TIMESTAMP('%Y-%m-%dT%H:%M:%SZ', TIMESTAMP_MICROS(" + micros + "))";
  return "strftime(make_timestamp(" + micros + "), '%Y-%m-%dT%H:%M:%SZ')";
}

// YYYYMMDD of a day `days` after 1970-01-01.
std::string compact_date(std::int64_t days) {
  // Civil date from days (Howard Hinnant's algorithm, public domain).
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // Room for any int64 year and any int month and day, so the compiler sees nothing cut (month
  // and day are 1-12 and 1-31).
  char text[48];
  std::snprintf(text, sizeof text, "%04lld%02d%02d", static_cast<long long>(year),
                static_cast<int>(month), static_cast<int>(day));
  return text;
}

// The events read: with --from/--to, those within the period widened by the attribution window
// and a day (a purchase after the period may take an offer shown in it; the export's daily
// tables follow the property's time zone) — on BigQuery by the tables' suffix too, so that
// only those days are billed.
std::string period_filter(const QueryBuilder& query, const std::string& micros) {
  const auto period = read_period(query.request());
  if (!period.ok() || (!period.value().first && !period.value().second)) return {};
  const auto window = static_cast<std::int64_t>(
      std::ceil(query.request().settings.attribution_window_hours * 3600));
  const std::int64_t margin = (window + 86399) / 86400 * 86400 + 86400;
  std::string test, suffix;
  std::string table = query.request().ga4_events;
  table.erase(std::remove(table.begin(), table.end(), '`'), table.end());
  const bool wildcard = bigquery(query) && !table.empty() && table.back() == '*';
  if (const auto first = period.value().first) {
    test += micros + " >= " + std::to_string((*first - margin) * 1000000);
    if (wildcard) suffix += "_TABLE_SUFFIX >= '" + compact_date((*first - margin) / 86400) + "'";
  }
  if (const auto end = period.value().second) {
    test += std::string(test.empty() ? "" : " AND ") + micros + " < " +
            std::to_string((*end + margin) * 1000000);
    if (wildcard) {
      suffix += std::string(suffix.empty() ? "" : " AND ") + "_TABLE_SUFFIX <= '" +
                compact_date((*end + margin) / 86400) + "'";
    }
  }
  return "\n  WHERE " + test + (suffix.empty() ? "" : " AND " + suffix);
}

void add_events(QueryBuilder& query) {
  const SqlRequest& request = query.request();
  const bool bq = bigquery(query);
  const std::vector<Param> params = params_read(request);
  const auto param_of = [&](const std::string& column) {
    for (const Param& p : params)
      if (p.column == column) return param(query, p);
    return "CAST(NULL AS " + query.syntax().text_type() + ")";
  };
  const std::string variant =
      request.ga4_variant_param.empty()
          ? "CAST(NULL AS " + query.syntax().text_type() + ")"
          : "COALESCE(" + param_of("variant_event") + ",\n    " + param_of("variant_user") + ")";
  if (!bq) {
    // Arrays unnested in the SELECT list: DuckDB would join a lateral unnest back to its row by
    // the whole JSON text.
    std::string rows;
    for (const char* array : {"event_params", "user_properties"}) {
      std::string keys;
      for (const Param& p : params)
        if (p.array == array) keys += (keys.empty() ? "" : ", ") + query.syntax().string(p.key);
      if (keys.empty()) continue;
      rows += std::string(rows.empty() ? "" : "  UNION ALL\n") + "  SELECT u.event, '" + array +
              "' AS origin, json_extract_string(p, '$.key') AS key, " + param_value(query) +
              " AS value\n  FROM (SELECT r.event, unnest(CAST(json_extract(r.j, '$." + array +
              "') AS JSON[])) AS p FROM ga4_rows AS r) AS u\n"
              "  WHERE json_extract_string(p, '$.key') IN (" +
              keys + ")\n";
    }
    query.cte("ga4_rows", "The events table's rows as JSON, numbered.",
              "  SELECT ROW_NUMBER() OVER () AS event, to_json(t) AS j FROM " + request.ga4_events +
                  " AS t\n");
    std::string pivot;
    for (const Param& p : params) {
      pivot += ",\n    MIN(CASE WHEN origin = '" + p.array +
               "' AND key = " + query.syntax().string(p.key) + " THEN value END) AS " + p.column;
    }
    query.cte("ga4_params",
              "The parameters read, one column each (the smallest value, should a key repeat).",
              "  SELECT event" + pivot + "\n  FROM (\n" + rows + "  ) AS a GROUP BY event\n");
  }
  const std::string micros = bq ? "e.event_timestamp"
                                : "TRY_CAST(json_extract_string(e.j, '$.event_timestamp') AS "
                                  "BIGINT)";
  std::string body = "  SELECT * FROM (SELECT " + field(query, "event_name") + " AS name, " +
                     micros + " AS micros,\n    " + field(query, "user_pseudo_id") +
                     " AS user_pseudo_id,\n    COALESCE(NULLIF(" + field(query, "user_id") +
                     ", ''), " + field(query, "user_pseudo_id") + ") AS customer,\n    " +
                     param_of("ga_session_id") + " AS ga_session_id,\n    " + variant +
                     " AS variant,\n    " + param_of("currency") + " AS currency,\n    lower(" +
                     field(query, "platform") + ") AS channel,\n    " +
                     field(query, "ecommerce.transaction_id") + " AS transaction_id,\n";
  for (const char* key : {"item_list_id", "item_list_name", "promotion_id", "promotion_name"}) {
    const std::string column = std::string("event_") + key;
    body += "    " + param_of(column) + " AS " + column + ",\n";
  }
  // BigQuery tests the period on the table (its _TABLE_SUFFIX only there), DuckDB on the time
  // read from the JSON.
  body += bq ? "    e.items\n  FROM " + request.ga4_events + " AS e" +
                   period_filter(query, "e.event_timestamp") + ") AS e\n"
             : "    json_extract(e.j, '$.items') AS items\n  FROM ga4_rows AS e LEFT JOIN "
               "ga4_params AS p ON p.event = e.event) AS e" +
                   period_filter(query, "micros") + "\n";
  query.cte("ga4_events",
            "Google Analytics 4 events: name, time (microseconds), device (user_pseudo_id),\n"
            "-- customer (user_id, else the device), session (ga_session_id), arm, currency,\n"
            "-- channel (the platform), transaction, the list named on the event, the items.",
            body);
  const std::string list = "COALESCE(" + item(query, "item_list_id") +
                           ", NULLIF(e.event_item_list_id, ''), " + item(query, "promotion_id") +
                           ", NULLIF(e.event_promotion_id, ''))";
  const std::string list_name =
      "COALESCE(" + item(query, "item_list_name") + ", NULLIF(e.event_item_list_name, ''), " +
      item(query, "promotion_name") + ", NULLIF(e.event_promotion_name, ''))";
  // An item's key: its number (DuckDB), or its event's device, time and name with its place in
  // the event, id and list (BigQuery, where numbering every row would run on one worker; only
  // items alike in all of these share a key, and they are matched alike anyway).
  const std::string item_key =
      bq ? "CONCAT(COALESCE(e.user_pseudo_id, ''), '|', CAST(e.micros AS STRING), '|', e.name, "
           "'|',\n    CAST(item_index AS STRING), '|', COALESCE(i.item_id, ''), '|', COALESCE(" +
               list + ", ''))"
         : "ROW_NUMBER() OVER ()";
  query.cte(
      "ga4_items",
      "The items of the events the analyses read (lists shown, items picked from a list,\n"
      "-- purchases), each with its list: the item's item_list_id, else the event's, else the\n"
      "-- promotion_id.",
      "  SELECT " + item_key +
          " AS item_key, e.name, e.micros, e.user_pseudo_id, e.customer,\n"
          "    e.ga_session_id, e.variant, e.currency, e.channel, e.transaction_id,\n    " +
          item(query, "item_id") + " AS item_id, " + item(query, "item_name") + " AS item_name, " +
          item(query, "price") + " AS price,\n    " + item(query, "quantity") + " AS quantity, " +
          list + " AS list,\n    " + list_name + " AS list_name\n" +
          (bq ? "  FROM ga4_events AS e, UNNEST(e.items) AS i WITH OFFSET AS item_index\n"
              : "  FROM (SELECT *, unnest(CAST(items AS JSON[])) AS i FROM ga4_events\n"
                "    WHERE name IN (" +
                    std::string(kShownEvents) + ", " + kPickEvents + ", 'purchase')) AS e\n") +
          (bq ? "  WHERE e.name IN (" + std::string(kShownEvents) + ", " + kPickEvents +
                    ", 'purchase')\n"
              : ""));
}

void add_acceptance(QueryBuilder& query) {
  const auto window = static_cast<std::int64_t>(
      std::llround(query.request().settings.attribution_window_hours * 3600 * 1e6));
  const std::string w = std::to_string(window);
  query.cte("ga4_shown",
            "Recommendation impressions: items of view_item_list and view_promotion events\n"
            "-- with a list; the offer is the item in that list.",
            std::string("  SELECT *, list || ':' || item_id AS rec_id FROM ga4_items\n"
                        "  WHERE name IN (") +
                kShownEvents + ") AND list IS NOT NULL AND item_id IS NOT NULL\n");
  query.cte("ga4_follows",
            "Purchase items without a list: the list of the latest select_item,\n"
            "-- select_promotion or add_to_cart of the same item on the same device within the\n"
            "-- attribution window before.",
            "  SELECT item_key, list FROM (SELECT p.item_key, k.list,\n"
            "    ROW_NUMBER() OVER (PARTITION BY p.item_key ORDER BY k.micros DESC, k.list) AS n\n"
            "    FROM ga4_items AS p JOIN ga4_items AS k ON k.user_pseudo_id = p.user_pseudo_id\n"
            "      AND k.item_id = p.item_id AND k.micros <= p.micros AND k.micros >= p.micros - " +
                w + "\n    WHERE p.name = 'purchase' AND p.list IS NULL AND k.name IN (" +
                kPickEvents + ") AND k.list IS NOT NULL) AS f\n  WHERE n = 1\n");
  query.cte("ga4_bought",
            "Purchase items with the list they were bought from and the rule that found it:\n"
            "-- 'list' (the item names it), 'follow' (picked from it before), else none.",
            "  SELECT p.*, COALESCE(p.list, f.list) AS bought_from,\n"
            "    CASE WHEN p.list IS NOT NULL THEN 'list' WHEN f.list IS NOT NULL THEN 'follow' "
            "END AS found_by\n"
            "  FROM ga4_items AS p LEFT JOIN ga4_follows AS f ON f.item_key = p.item_key\n"
            "  WHERE p.name = 'purchase'\n");
  query.cte("ga4_taken",
            "Impressions taken: the device bought the item from that list within the\n"
            "-- attribution window after.",
            "  SELECT DISTINCT s.item_key FROM ga4_shown AS s JOIN ga4_bought AS b\n"
            "    ON b.user_pseudo_id = s.user_pseudo_id AND b.item_id = s.item_id"
            " AND b.bought_from = s.list\n"
            "    AND b.micros >= s.micros AND b.micros <= s.micros + " +
                w + "\n");
}

void add_tables(QueryBuilder& query) {
  const SqlRequest& request = query.request();
  std::string type = "CASE s.list";
  for (const auto& [list, offer_type] : request.ga4_list_types)
    type += " WHEN " + query.syntax().string(list) + " THEN " + sql_string(offer_type);
  type = request.ga4_list_types.empty() ? "'cross_sell'" : type + " ELSE 'cross_sell' END";
  const auto session = [](const std::string& alias) {
    return alias + "user_pseudo_id || '.' || " + alias + "ga_session_id";
  };
  query.cte(kGa4Offers,
            "The offers table: one row per impression (an offer's type from --ga4-lists, else\n"
            "-- cross_sell; its placement the list's name).",
            "  SELECT s.rec_id, " + type +
                " AS type, COALESCE(s.list_name, s.list) AS placement,\n"
                "    s.item_id AS offered_product_id, s.price AS offered_price, " +
                session("s.") + " AS session_id,\n    s.customer AS customer_id, s.variant, " +
                iso_time(query, "s.micros") +
                " AS timestamp,\n"
                "    CASE WHEN t.item_key IS NOT NULL THEN 'true' ELSE 'false' END AS accepted\n"
                "  FROM ga4_shown AS s LEFT JOIN ga4_taken AS t ON t.item_key = s.item_key\n");
  query.cte(kGa4Orders,
            "The orders table: one row per purchase item (its rec_id: the list it was bought\n"
            "-- from and the item).",
            "  SELECT transaction_id AS order_id, item_id AS product_id, item_name AS "
            "product_name,\n"
            "    quantity, price AS unit_price, currency, " +
                session("") + " AS session_id, customer AS customer_id,\n    variant, channel, " +
                iso_time(query, "micros") +
                " AS timestamp,\n"
                "    CASE WHEN bought_from IS NOT NULL THEN bought_from || ':' || item_id END AS "
                "rec_id\n"
                "  FROM ga4_bought\n");
  query.cte(kGa4Sessions,
            "The sessions table: one row per device and ga_session_id (converted: it holds a\n"
            "-- purchase).",
            "  SELECT " + session("") +
                " AS session_id, MIN(customer) AS customer_id, MIN(variant) AS variant,\n"
                "    MIN(channel) AS channel, " +
                iso_time(query, "MIN(micros)") + " AS timestamp,\n    CASE WHEN " +
                query.syntax().any("name = 'purchase'") +
                " THEN 'true' ELSE 'false' END AS converted\n"
                "  FROM ga4_events WHERE ga_session_id IS NOT NULL GROUP BY user_pseudo_id, "
                "ga_session_id\n");
}

}  // namespace

void add_ga4_query(QueryBuilder& query) {
  add_events(query);
  add_acceptance(query);
  add_tables(query);
}

void add_ga4_rows(QueryBuilder& query) {
  const SqlSyntax& sql = query.syntax();
  const auto ga4 = [&](const std::string& measure, const std::string& value,
                       const std::string& from) {
    query.row("ga4", "''", "''", sql_string(measure), sql.as_text(value), from);
  };
  ga4("purchase_items", "COUNT(*)", "FROM ga4_bought");
  ga4("by_list", "COUNT(*)", "FROM ga4_bought WHERE found_by = 'list'");
  ga4("by_follow", "COUNT(*)", "FROM ga4_bought WHERE found_by = 'follow'");
  ga4("shown", "COUNT(*)", "FROM ga4_shown");
  ga4("shown_without_list", "COUNT(*)",
      std::string("FROM ga4_items WHERE name IN (") + kShownEvents + ") AND list IS NULL");
  std::string typed;
  for (const auto& [list, offer_type] : query.request().ga4_list_types)
    typed += (typed.empty() ? "" : ", ") + sql.string(list);
  const std::string untyped =
      "FROM ga4_shown" + (typed.empty() ? std::string() : " WHERE list NOT IN (" + typed + ")");
  ga4("untyped_impressions", "COUNT(*)", untyped);
  ga4("untyped_lists", "COUNT(DISTINCT list)", untyped);
  if (query.request().examples > 0) {
    query.row(
        "ga4", "''", "list", "'untyped_list'", "'1'",
        "FROM (SELECT list, ROW_NUMBER() OVER (ORDER BY list) AS k\n    FROM (SELECT DISTINCT "
        "list " +
            untyped + ") AS d) AS e\n  WHERE k <= " + std::to_string(query.request().examples));
  }
}

}  // namespace basketlift
