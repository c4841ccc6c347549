#include "analysis/data_gaps.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "util/hash.h"
#include "util/number_format.h"
#include "util/radix_sort.h"
#include "util/rank_select.h"

namespace basketlift {

namespace gaps {

void add_example(GapCheck& check, const std::vector<FileReport>& files, RowOrigin origin,
                 std::string_view value) {
  if (check.examples.size() >= kMaxExamples) return;
  std::string text(value.substr(0, 120));
  check.examples.push_back(
      {origin.file < files.size() ? files[origin.file].file : "", origin.row, text});
}

Severity severity_for(double share, const Settings& settings, Severity floor) {
  Severity severity = share >= settings.gap_critical_share  ? Severity::critical
                      : share >= settings.gap_warning_share ? Severity::warning
                                                            : Severity::info;
  return std::max(severity, floor);
}

}  // namespace gaps

namespace {

double total_revenue(const AnalysisContext& ctx) {
  double total = 0;
  for (double r : ctx.order_revenue)
    total += r;
  return total;
}

// Lines of products the catalogue does not describe, and lines whose cost is unknown.
void check_catalogue(const AnalysisContext& ctx, const std::vector<FileReport>& files,
                     std::vector<GapCheck>& checks) {
  const Store& store = ctx.store;
  const Settings& s = ctx.settings;
  const double revenue = total_revenue(ctx);
  GapCheck unmapped{"missing_product_mapping",
                    "Order lines name products the catalogue does not have",
                    Severity::info,
                    0,
                    "order lines",
                    0,
                    "revenue",
                    {},
                    "",
                    "Add these SKUs to your product feed (or map its id column to product_id)."};
  GapCheck no_cost{"missing_cost",
                   "Order lines whose cost is unknown",
                   Severity::info,
                   0,
                   "order lines",
                   0,
                   "revenue",
                   {},
                   "",
                   "Add unit_cost (or margin_pct) for these products to your catalogue."};
  // Counted with the context's money; examples need the lines only until there are enough.
  const LineMoney& money = ctx.money;
  unmapped.count = static_cast<double>(money.unlisted_lines);
  no_cost.count = static_cast<double>(money.costless_lines);
  const auto wants = [](const GapCheck& check) {
    return check.count > 0 && check.examples.size() < gaps::kMaxExamples;
  };
  std::vector<std::uint8_t> listed(money.catalogue ? store.products.size() : 0, 0);
  for (std::size_t i = 0;
       money.catalogue && (wants(unmapped) || wants(no_cost)) && i < store.lines.size(); ++i) {
    const std::uint32_t product = store.lines.product[i];
    if (!store.products.in_catalogue[product]) {
      if (!listed[product]) {
        listed[product] = 1;
        gaps::add_example(unmapped, files, store.lines.origin[i],
                          store.pools.products.view(product));
      }
    } else if (listed[product] != 2 && !std::isnan(store.lines.unit_price[i]) &&
               std::isnan(ctx.line_cost(i))) {
      listed[product] = 2;
      gaps::add_example(no_cost, files, store.lines.origin[i], store.pools.products.view(product));
    }
  }
  if (unmapped.count > 0) {
    unmapped.share = revenue > 0 ? money.unlisted_revenue / revenue
                                 : unmapped.count / static_cast<double>(store.lines.size());
    unmapped.severity = gaps::severity_for(unmapped.share, s);
    unmapped.impact =
        "margin and categories are unknown for " + percent_text(unmapped.share) + " of revenue";
    checks.push_back(std::move(unmapped));
  }
  if (no_cost.count > 0 && revenue > 0 &&
      (money.catalogue || no_cost.count < static_cast<double>(store.lines.size()))) {
    no_cost.share = money.costless_revenue / revenue;
    no_cost.severity = gaps::severity_for(no_cost.share, s);
    no_cost.impact = "margin figures cover " + percent_text(1 - no_cost.share) + " of revenue; " +
                     percent_text(no_cost.share) + " has no cost";
    checks.push_back(std::move(no_cost));
  }
}

void check_offers(const AnalysisContext& ctx, const std::vector<FileReport>& files,
                  std::vector<GapCheck>& checks) {
  const Store& store = ctx.store;
  const ImpressionColumns& im = store.impressions;
  if (im.size() == 0) return;
  GapCheck untracked{
      "untracked_rec_ids",
      "Order lines carry recommendation ids that no impression has",
      Severity::info,
      0,
      "order lines",
      0,
      "offer revenue",
      {},
      "",
      "Log every recommendation you show, with the same rec_id the order line carries."};
  double untracked_revenue = 0, offer_revenue = 0;
  std::vector<std::uint8_t> listed(store.pools.recs.size(), 0);
  store.lines.rec.for_each_present([&](std::size_t i, std::uint32_t rec) {
    const double line = ctx.line_revenue_in_scope(i);
    if (!std::isnan(line)) offer_revenue += line;
    if (ctx.offers[rec].tracked) return;
    ++untracked.count;
    if (!std::isnan(line)) untracked_revenue += line;
    if (!listed[rec]) {
      listed[rec] = 1;
      gaps::add_example(untracked, files, store.lines.origin[i], store.pools.recs.view(rec));
    }
  });
  if (untracked.count > 0) {
    untracked.share = offer_revenue > 0 ? untracked_revenue / offer_revenue : 1;
    untracked.severity = gaps::severity_for(untracked.share, ctx.settings, Severity::warning);
    untracked.impact = "acceptance and margin per impression are unknown for these offers";
    checks.push_back(std::move(untracked));
  }
  if (!ctx.money.catalogue) return;
  GapCheck unknown{"impressions_unknown_products",
                   "Offer impressions name products the catalogue does not have",
                   Severity::info,
                   0,
                   "impressions",
                   0,
                   "impressions",
                   {},
                   "",
                   "Add the offered and anchor products to your catalogue."};
  for (std::size_t i = 0; i < im.size(); ++i) {
    const auto missing = [&](std::uint32_t p) {
      return p != kNoId && !store.products.in_catalogue[p];
    };
    bool bad = missing(im.anchor(i)) || missing(im.offered(i));
    const auto [bundle_begin, bundle_end] = im.bundle(i);
    for (std::uint32_t k = bundle_begin; k < bundle_end; ++k)
      bad = bad || missing(im.bundle_parts()[k]);
    if (!bad) continue;
    ++unknown.count;
    const std::uint32_t product = missing(im.offered(i)) ? im.offered(i) : im.anchor(i);
    gaps::add_example(unknown, files, im.origin[i],
                      product == kNoId ? "" : store.pools.products.view(product));
  }
  if (unknown.count > 0) {
    unknown.share = unknown.count / static_cast<double>(im.size());
    unknown.severity = gaps::severity_for(unknown.share, ctx.settings);
    unknown.impact = "these offers' margins are unknown";
    checks.push_back(std::move(unknown));
  }
}

void check_sessions(const AnalysisContext& ctx, const ExperimentUnits& units,
                    const std::vector<FileReport>& files, std::vector<GapCheck>& checks) {
  const Store& store = ctx.store;
  if (!units.arm_labels.empty() && units.untagged > 0) {
    GapCheck untagged{"no_variant_tagging",
                      "Sessions without an experiment arm",
                      Severity::info,
                      static_cast<double>(units.untagged),
                      units.kind == UnitKind::session ? "sessions" : "orders",
                      0,
                      units.kind == UnitKind::session ? "sessions" : "orders",
                      {},
                      "they are left out of the experiment",
                      "Tag each session with its experiment arm (variant)."};
    untagged.share = static_cast<double>(units.untagged) / static_cast<double>(units.size());
    untagged.severity = gaps::severity_for(untagged.share, ctx.settings, Severity::warning);
    for (std::size_t u = 0; u < units.size() && untagged.examples.size() < 5; ++u) {
      if (units.arm[u] >= 0 || units.kind != UnitKind::session) continue;
      gaps::add_example(untagged, files, store.sessions.origin[u],
                        store.pools.sessions.view(store.sessions.session[u]));
    }
    checks.push_back(std::move(untagged));
  }
  if (store.sessions.size() == 0) return;
  GapCheck orphan{
      "orders_unknown_session",
      "Orders whose session is not in the sessions file",
      Severity::info,
      0,
      "orders",
      0,
      "orders",
      {},
      "they cannot count in conversion rate or revenue per session",
      "Export every session that placed an order, with the same session_id the order carries."};
  double sale_orders = 0;
  for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
    if (!ctx.is_sale(o)) continue;
    ++sale_orders;
    const std::uint32_t s = store.orders.session[o];
    if (s != kNoId && s < store.session_row.size() && store.session_row[s] != kNoId) continue;
    ++orphan.count;
    gaps::add_example(orphan, files, ctx.order_origin(o),
                      s == kNoId ? "(no session_id)" : store.pools.sessions.view(s));
  }
  if (orphan.count > 0) {
    orphan.share = orphan.count / sale_orders;
    orphan.severity = gaps::severity_for(orphan.share, ctx.settings);
    checks.push_back(std::move(orphan));
  }
}

// Appends to `repeats` each of n items, sorted by hash and then by row, that repeats an
// earlier item of the same hash (hash_of(k), row_of(k): item k's hash and row).
template <typename HashOf, typename RowOf, typename Same>
void add_repeats(std::size_t n, HashOf hash_of, RowOf row_of, Same same,
                 std::vector<std::size_t>& repeats) {
  for (std::size_t k = 1; k < n; ++k) {
    for (std::size_t j = k; j > 0 && hash_of(j - 1) == hash_of(k); --j) {
      if (same(row_of(j - 1), row_of(k))) {
        repeats.push_back(row_of(k));
        break;
      }
    }
  }
}

// Rows that repeat another row exactly. Rows are sorted by a 32-bit hash packed above the row
// number (8 bytes a row); rows of equal hash are then compared in full.
template <typename Hash, typename Same>
std::vector<std::size_t> repeated_rows(std::size_t rows, Hash hash, Same same) {
  std::vector<std::uint64_t> keyed(rows);  // hash << 32 | row (rows are 32-bit ids)
  for (std::size_t i = 0; i < rows; ++i)
    keyed[i] = (hash(i) >> 32) << 32 | i;
  radix_sort(keyed, [](std::uint64_t key) { return key >> 32; });  // rows stay in order per hash
  const auto hash_of = [&](std::size_t k) { return keyed[k] >> 32; };
  const auto row_of = [&](std::size_t k) {
    return static_cast<std::size_t>(keyed[k] & 0xFFFFFFFFu);
  };
  std::vector<std::size_t> repeats;
  add_repeats(keyed.size(), hash_of, row_of, same, repeats);
  std::sort(repeats.begin(), repeats.end());
  return repeats;
}

// Members that repeat an earlier member of their group exactly (groups as AnalysisContext keeps
// them: members of group g are member(k) for k in [begin[g], begin[g + 1]), in increasing
// order). Small groups are compared pairwise; larger ones sorted by hash first. Allocates
// nothing per row.
template <typename Member, typename Hash, typename Same>
std::vector<std::size_t> repeated_in_groups(const std::vector<std::uint32_t>& begin, Member member,
                                            Hash hash, Same same) {
  constexpr std::size_t kPairwise = 32;
  std::vector<std::size_t> repeats;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;  // (hash, member) of a large group
  for (std::size_t g = 0; g + 1 < begin.size(); ++g) {
    const auto first = [&](std::size_t k) { return member(begin[g] + k); };
    const std::size_t n = begin[g + 1] - begin[g];
    if (n <= kPairwise) {
      for (std::size_t k = 1; k < n; ++k) {
        for (std::size_t j = 0; j < k; ++j) {
          if (same(first(j), first(k))) {
            repeats.push_back(first(k));
            break;
          }
        }
      }
      continue;
    }
    keyed.clear();
    for (std::size_t k = 0; k < n; ++k)
      keyed.emplace_back(hash(first(k)), first(k));
    std::sort(keyed.begin(), keyed.end());  // by hash, then member: earlier members first
    add_repeats(
        n, [&](std::size_t k) { return keyed[k].first; },
        [&](std::size_t k) { return std::size_t{keyed[k].second}; }, same, repeats);
  }
  std::sort(repeats.begin(), repeats.end());
  return repeats;
}

std::uint64_t hash_double(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, 8);
  return bits;
}

void check_duplicates(const AnalysisContext& ctx, const std::vector<FileReport>& files,
                      std::vector<GapCheck>& checks) {
  const Store& store = ctx.store;
  const LineColumns& l = store.lines;
  const auto same_double = [](double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
  };
  // A repeated line repeats one of its own order's lines.
  const std::vector<std::size_t> lines = repeated_in_groups(
      ctx.order_line_begin, [&](std::size_t k) { return ctx.order_line(k); },
      [&](std::size_t i) {
        std::uint64_t h = hash_combine(l.order[i], l.product[i]);
        h = hash_combine(h, hash_double(l.quantity[i]));
        h = hash_combine(h, hash_double(l.unit_price[i]));
        return hash_combine(hash_combine(h, hash_double(l.discount[i])), l.rec[i]);
      },
      [&](std::size_t a, std::size_t b) {  // the product first: lines of an order differ there
        return l.product[a] == l.product[b] && l.order[a] == l.order[b] &&
               l.quantity[a] == l.quantity[b] && same_double(l.unit_price[a], l.unit_price[b]) &&
               l.discount[a] == l.discount[b] && l.rec[a] == l.rec[b] &&
               same_double(l.unit_cost[a], l.unit_cost[b]);
      });
  if (!lines.empty()) {
    GapCheck dup{"duplicate_order_lines",
                 "Order lines that repeat another line exactly",
                 Severity::info,
                 static_cast<double>(lines.size()),
                 "order lines",
                 0,
                 "revenue",
                 {},
                 "they are counted twice (kept: they may be real repeat scans)",
                 "Check your export for repeated lines; remove them if they are copies."};
    double revenue = 0;
    for (std::size_t i : lines) {
      const double r = ctx.line_revenue_in_scope(i);
      if (!std::isnan(r)) revenue += r;
      gaps::add_example(dup, files, l.origin[i], store.pools.orders.view(l.order[i]));
    }
    const double total = total_revenue(ctx);
    dup.share = total > 0 ? revenue / total
                          : static_cast<double>(lines.size()) / static_cast<double>(l.size());
    dup.severity = gaps::severity_for(dup.share, ctx.settings);
    checks.push_back(std::move(dup));
  }
  const ImpressionColumns& im = store.impressions;
  const std::vector<std::size_t> impressions = repeated_rows(
      im.size(),
      [&](std::size_t i) {
        std::uint64_t h = hash_combine(im.rec(i), im.session[i]);
        h = hash_combine(h, im.order[i]);
        h = hash_combine(h, static_cast<std::uint64_t>(im.time[i]));
        return hash_combine(hash_combine(h, im.placement(i)), im.offered(i));
      },
      [&](std::size_t a, std::size_t b) {
        return im.rec(a) == im.rec(b) && im.session[a] == im.session[b] &&
               im.order[a] == im.order[b] && im.time[a] == im.time[b] &&
               im.placement(a) == im.placement(b) && im.anchor(a) == im.anchor(b) &&
               im.offered(a) == im.offered(b) && im.customer[a] == im.customer[b] &&
               im.accepted[a] == im.accepted[b] && im.time[a] != kNoTime;
      });
  if (!impressions.empty()) {
    GapCheck dup{"duplicate_impressions",
                 "Offer impressions that repeat another impression exactly",
                 Severity::info,
                 static_cast<double>(impressions.size()),
                 "impressions",
                 0,
                 "impressions",
                 {},
                 "acceptance rates are diluted by the copies",
                 "Log each showing once."};
    for (std::size_t i : impressions)
      gaps::add_example(dup, files, im.origin[i], store.pools.recs.view(im.rec(i)));
    dup.share = static_cast<double>(impressions.size()) / static_cast<double>(im.size());
    dup.severity = gaps::severity_for(dup.share, ctx.settings);
    checks.push_back(std::move(dup));
  }
}

// Order times far (over 90 days) outside the range of 98% of the orders.
void check_time_range(const AnalysisContext& ctx, const std::vector<FileReport>& files,
                      std::vector<GapCheck>& checks) {
  const Store& store = ctx.store;
  const auto dated = [&](std::uint32_t o) {
    return ctx.is_sale(o) && store.orders.time[o] != kNoTime;
  };
  std::size_t count = 0;
  for (std::uint32_t o = 0; o < store.orders.size(); ++o)
    count += dated(o);
  if (count < 100) return;
  // The 1st and 99th percentiles (by rank), without a copy of every time (8 bytes an order).
  const auto walk_times = [&](const auto& f) {
    for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
      if (dated(o)) f(store.orders.time[o]);
    }
  };
  const auto [first, last] = values_at_ranks(walk_times, count / 100, count - 1 - count / 100);
  const std::int64_t slack = 90 * 86400;
  const std::int64_t low = first - slack;
  const std::int64_t high = last + slack;
  GapCheck outside{"timestamps_out_of_range",
                   "Orders dated far outside the data's main period",
                   Severity::info,
                   0,
                   "orders",
                   0,
                   "orders",
                   {},
                   "time-based figures (customer value) may be distorted",
                   "Check these orders' dates (time zone, test orders, or a wrong date format)."};
  for (std::uint32_t o = 0; o < store.orders.size(); ++o) {
    const std::int64_t t = store.orders.time[o];
    if (!ctx.is_sale(o) || t == kNoTime || (t >= low && t <= high)) continue;
    ++outside.count;
    gaps::add_example(outside, files, ctx.order_origin(o), store.pools.orders.view(o));
  }
  if (outside.count == 0) return;
  outside.share = outside.count / static_cast<double>(count);
  outside.severity = gaps::severity_for(outside.share, ctx.settings);
  checks.push_back(std::move(outside));
}

void check_tables(const AnalysisContext& ctx, const std::vector<FileReport>& files,
                  const Summary& summary, std::vector<GapCheck>& checks) {
  const Store& store = ctx.store;
  const auto given = [&](Table t) {
    return std::any_of(files.begin(), files.end(),
                       [&](const FileReport& f) { return f.table == t && !f.error; });
  };
  const auto add = [&](const char* id, const char* title, const char* impact, const char* fix) {
    checks.push_back({id, title, Severity::warning, 1, "table", 1, "analyses", {}, impact, fix});
  };
  if (!given(Table::orders)) {
    checks.push_back({"missing_orders",
                      "No orders file was read",
                      Severity::critical,
                      1,
                      "table",
                      1,
                      "analyses",
                      {},
                      "nothing can be analysed without orders",
                      "Add your orders export."});
  }
  if (!given(Table::products) && store.lines.unit_cost.present() == 0) {
    add("missing_catalogue", "No catalogue (products file)", "no margin, no categories",
        "Add your product export with costs (unit_cost or margin_pct) and categories.");
  }
  if (!given(Table::offers)) {
    add("missing_offers", "No offers file (recommendation impressions)",
        "no acceptance rates, no margin per impression, no offer verdicts",
        "Export each recommendation shown: rec_id, type, placement, offered product, session.");
  }
  if (!given(Table::sessions)) {
    add("missing_sessions", "No sessions file",
        "no conversion rate and no revenue per session; experiments compare AOV only",
        "Export sessions with their experiment arm (variant).");
  }
  if (store.pools.customers.size() == 0 && store.lines.size() > 0) {
    add("missing_customer_ids", "Orders carry no customer_id", "no customer value (LTV)",
        "Include a customer id (or e-mail) column in the orders export.");
  }
  const bool shopify = std::any_of(files.begin(), files.end(), [](const FileReport& f) {
    return f.preset == Preset::shopify_orders;
  });
  if (shopify && !ctx.lines_carry_rec) {
    add("no_recommendation_attribution",
        "Shopify's orders export does not say which lines came from recommendations",
        "offer revenue, attach rate and derived acceptance are unknown",
        "Add the offers file from your recommendation app, or a rec_id per order line.");
  }
  if (!summary.other_currencies.empty()) {
    GapCheck currencies{"multiple_currencies",
                        "Orders are in more than one currency",
                        Severity::warning,
                        0,
                        "orders",
                        0,
                        "orders",
                        {},
                        "",
                        "Export one currency per analysis, or convert amounts before uploading."};
    for (const OtherCurrency& other : summary.other_currencies) {
      currencies.count += static_cast<double>(other.orders);
      currencies.examples.push_back(
          {"", 0, other.code + ": " + std::to_string(other.orders) + " orders"});
    }
    currencies.share =
        currencies.count / static_cast<double>(std::max<std::uint64_t>(summary.orders, 1));
    currencies.severity = gaps::severity_for(currencies.share, ctx.settings, Severity::warning);
    currencies.impact = "money figures cover the " + summary.currency.value_or("main-currency") +
                        " orders only; the others are listed apart";
    checks.push_back(std::move(currencies));
  }
}

}  // namespace

DataGapsResult analyze_data_gaps(const AnalysisContext& ctx, const std::vector<FileReport>& files,
                                 const Summary& summary, const ExperimentUnits& units) {
  DataGapsResult result;
  check_tables(ctx, files, summary, result.checks);
  check_catalogue(ctx, files, result.checks);
  check_offers(ctx, files, result.checks);
  check_sessions(ctx, units, files, result.checks);
  check_duplicates(ctx, files, result.checks);
  check_time_range(ctx, files, result.checks);
  gaps::add_file_checks(result.checks, files, ctx.settings);
  std::stable_sort(result.checks.begin(), result.checks.end(),
                   [](const GapCheck& a, const GapCheck& b) {
                     return static_cast<int>(a.severity) > static_cast<int>(b.severity);
                   });
  result.readiness = gaps::readiness(ctx, summary, units, result.checks);
  return result;
}

std::vector<Alert> data_gap_alerts(const DataGapsResult& gaps) {
  std::vector<Alert> alerts;
  for (std::size_t k = 0; k < gaps.checks.size(); ++k) {
    const GapCheck& c = gaps.checks[k];
    if (c.severity != Severity::critical) continue;
    alerts.push_back({"data_gap", Severity::critical, c.title, c.impact + ". " + c.fix,
                      "/data_gaps/checks/" + std::to_string(k)});
  }
  return alerts;
}

}  // namespace basketlift
