// `basketlift sql`: prints the query that computes the aggregates file in the merchant's warehouse.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/file_io.h"
#include "warehouse/aggregates_sql.h"
#include "warehouse/sql_presets.h"

namespace basketlift::cli {

namespace {

void print_help() {
  std::fputs(
      "Usage: basketlift sql --dialect D --orders TABLE [options]\n"
      "\n"
      "Prints one SQL query (a SELECT with commented CTEs; for PostgreSQL after two SET lines)\n"
      "to run in your own warehouse. Its result, saved as CSV, is an aggregates file: counts\n"
      "and exact sums, no rows. Then\n"
      "  basketlift analyze --aggregates FILE   (or drop the file on the dashboard).\n"
      "\n"
      "  --dialect D     duckdb, postgres, bigquery or snowflake\n"
      "  --orders T      the order lines table (one row per line, as the orders file)\n"
      "  --products T    the catalogue table (costs and margins)\n"
      "  --offers T      the offer impressions table (one row per showing)\n"
      "  --sessions T    the sessions table\n"
      "  --map F         column mapping JSON, e.g. {\"Invoice\": \"order_id\"}, or a preset:\n"
      "                  shopify (Shopify's orders and products exports as the orders table and\n"
      "                  the catalogue), woocommerce (WooCommerce's product export as the\n"
      "                  catalogue), or shopify,woocommerce\n"
      "  --config F      settings JSON; the file carries them to the report\n"
      "  --examples N    failing values kept per table and rejection reason, 0 to 5 (default\n"
      "                  5): the only raw values the file carries\n"
      "  --source S      tables (default: --orders, --offers, --sessions) or ga4: Google\n"
      "                  Analytics 4's BigQuery export (BigQuery, or DuckDB with the export's\n"
      "                  JSON loaded as a table)\n"
      "  --events T      ga4: the events table (BigQuery: project.analytics_N.events_*)\n"
      "  --ga4-variant-param P  ga4: the event parameter or user property naming the arm\n"
      "  --ga4-lists F   ga4: JSON of item_list_id → offer type (cross_sell, upsell, bundle);\n"
      "                  a list not named is read as cross-sells (a data gap says so)\n"
      "  --from DATE     read only rows of orders, offers and sessions dated from DATE\n"
      "  --to DATE       ... to DATE (YYYY-MM-DD, whole UTC days; undated rows are not read)\n"
      "  --out F         write the query to F instead of stdout\n"
      "  --help          this text\n"
      "\n"
      "Example (PostgreSQL):\n"
      "  basketlift sql --dialect postgres --orders orders --products products \\\n"
      "    --offers offers --sessions sessions | psql --csv -q -d shop > aggregates.csv\n"
      "BigQuery (tables named with their dataset):\n"
      "  bq query --nouse_legacy_sql --format=csv --max_rows=100000000 \\\n"
      "    \"$(basketlift sql --dialect bigquery --orders shop.orders)\" > aggregates.csv\n"
      "Snowflake:\n"
      "  basketlift sql --dialect snowflake --orders shop.public.orders --out query.sql\n"
      "  snowsql -f query.sql -o output_format=csv -o header=true -o timing=false \\\n"
      "    -o friendly=false > aggregates.csv\n",
      stdout);
}

int fail(Exit code, const std::string& message) {
  std::fprintf(stderr, "basketlift: %s\n", message.c_str());
  return code;
}

}  // namespace

int run_sql(int argc, char** argv) {
  Args args;
  if (auto error = parse_args(
          argc, argv, 2,
          {"dialect", "orders", "products", "offers", "sessions", "map", "config", "examples",
           "from", "to", "out", "source", "events", "ga4-variant-param", "ga4-lists"},
          {"help"}, args)) {
    return fail(kBadUsage, *error + " (try basketlift sql --help)");
  }
  if (args.has("help")) {
    print_help();
    return kOk;
  }
  SqlRequest request;
  const std::string dialect = args.last("dialect").value_or("");
  if (auto parsed = parse_sql_dialect(dialect)) {
    request.dialect = *parsed;
  } else {
    return fail(
        kBadUsage,
        "--dialect takes duckdb, postgres, bigquery or snowflake (try basketlift sql --help)");
  }
  request.orders = args.last("orders").value_or("");
  const std::string source = args.last("source").value_or("tables");
  if (source == "ga4") {
    request.ga4_events = args.last("events").value_or("");
    if (request.ga4_events.empty()) return fail(kBadUsage, "--source ga4 needs --events TABLE");
    request.ga4_variant_param = args.last("ga4-variant-param").value_or("");
    if (auto lists = args.last("ga4-lists")) {
      const std::optional<std::string> text = read_text_file(*lists);
      if (!text) return fail(kBadInput, "cannot read list types file '" + *lists + "'");
      Result<std::map<std::string, std::string>> types = parse_ga4_list_types(*text);
      if (!types.ok()) return fail(kBadInput, "--ga4-lists: " + types.status().message);
      request.ga4_list_types = types.value();
    }
  } else if (source != "tables") {
    return fail(kBadUsage, "--source takes tables or ga4");
  } else if (args.last("events")) {
    return fail(kBadUsage, "--events needs --source ga4");
  } else if (request.orders.empty()) {
    return fail(kBadUsage, "sql needs --orders TABLE");
  }
  request.offers = args.last("offers").value_or("");
  if (auto examples = args.last("examples")) {
    if (examples->size() != 1 || (*examples)[0] < '0' || (*examples)[0] > '5')
      return fail(kBadUsage, "--examples takes 0 to 5");
    request.examples = static_cast<std::size_t>((*examples)[0] - '0');
  }
  request.products = args.last("products").value_or("");
  request.from = args.last("from").value_or("");
  request.to = args.last("to").value_or("");
  request.sessions = args.last("sessions").value_or("");
  if (auto config = args.last("config")) {
    const std::optional<std::string> text = read_text_file(*config);
    if (!text) return fail(kBadInput, "cannot read settings file '" + *config + "'");
    Result<Settings> settings = Settings::from_json(*text);
    if (!settings.ok()) return fail(kBadInput, settings.status().message);
    request.settings = settings.value();
    // The warehouse takes the zone's name as it is: an unknown one is refused here, as by
    // `analyze`, rather than by the warehouse halfway through the query.
    if (request.settings.timezone != "UTC") {
      if (Result<ZoneRules> zone = load_time_zone(request.settings.timezone); !zone.ok())
        return fail(kBadInput, zone.status().message);
    }
  }
  if (auto map = args.last("map"); map && sql_preset(*map)) {
    request.mapping = *sql_preset(*map);
  } else if (map) {
    const std::optional<std::string> text = read_text_file(*map);
    if (!text) return fail(kBadInput, "cannot read mapping file '" + *map + "'");
    Result<ColumnMapping> parsed = ColumnMapping::parse_json(*text);
    if (!parsed.ok()) return fail(kBadInput, parsed.status().message);
    request.mapping = parsed.value();
  }
  Result<std::string> sql = aggregates_sql(request);
  if (!sql.ok()) return fail(kBadUsage, sql.status().message);
  const std::string out = args.last("out").value_or("");
  if (!write_text(out, sql.value())) return fail(kBadInput, "cannot write '" + out + "'");
  return kOk;
}

}  // namespace basketlift::cli
