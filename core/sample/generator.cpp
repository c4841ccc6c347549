#include "sample/generator.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "sample/ga4_writer.h"
#include "sample/row_writer.h"
#include "sample/shopify_writer.h"

namespace basketlift::sample {

namespace {

constexpr std::int64_t kStart = 1704067200;  // 2024-01-01T00:00:00Z
constexpr std::int64_t kPeriodDays = 540;    // long enough for 365-day customer value
constexpr std::size_t kFlushBytes = 1 << 22;

// "S00000042": a prefix and a zero-padded number.
std::string numbered(const char* prefix, std::uint64_t number, int width) {
  std::string text(prefix);
  append_padded(text, number, width);
  return text;
}

// One generation run: the catalogue, the model, the writers and the tallies.
class Generation {
 public:
  Generation(const GeneratorOptions& options, OutputSink& sink)
      : options_(options),
        gaps_(!options.clean),
        sink_(sink),
        random_(options.seed),
        catalog_(build_catalog(options.orders, gaps_, random_)),
        model_(catalog_, ModelParameters{}),
        orders_writer_(options.format, {"order_id", "timestamp", "customer_id", "session_id",
                                        "channel", "variant", "segment", "currency", "product_id",
                                        "quantity", "unit_price", "discount", "rec_id"}),
        offers_writer_(options.format, {"rec_id", "type", "placement", "anchor_product_id",
                                        "offered_product_id", "offered_price", "session_id",
                                        "order_id", "timestamp", "variant", "accepted"}),
        sessions_writer_(options.format, {"session_id", "variant", "timestamp", "customer_id",
                                          "channel", "segment", "converted"}) {
    answers_.options = options;
    answers_.parameters = model_.parameters();
    answers_.offers.assign(catalog_.offers.size(), {});
    const std::uint64_t n = options.orders;
    bad_row_every_ =
        gaps_ ? std::max<std::uint64_t>(n / std::clamp<std::uint64_t>(n / 200, 4, 50), 1) : 0;
    bad_time_every_ = gaps_ ? std::max<std::uint64_t>(n / 5, 1) : 0;
  }

  std::string run() {
    write_products();
    if (options_.ga4) {
      for (const OfferRule& offer : catalog_.offers)
        list_of_rec_[offer.rec_id] = ga4_list(offer);
    }
    if (options_.shopify) {
      shopify_orders_begin(buffers_[1]);
    } else if (!options_.ga4) {
      orders_writer_.begin(buffers_[1]);
    }
    if (!options_.ga4) {
      offers_writer_.begin(buffers_[2]);
      sessions_writer_.begin(buffers_[3]);
    }
    SessionOut session;
    while (answers_.orders < options_.orders) {
      play_session(session);
      flush(false);
    }
    if (options_.pre_period_r > 0 && !options_.ga4 && !options_.shopify) write_pre_period();
    if (!options_.ga4) {
      if (!options_.shopify) orders_writer_.end(buffers_[1]);
      offers_writer_.end(buffers_[2]);
      sessions_writer_.end(buffers_[3]);
    }
    flush(true);
    answers_.customers = customers_.size();
    return answers_json(answers_, catalog_);
  }

 private:
  void flush(bool all) {
    for (int f = 0; f < 4; ++f) {
      if (!buffers_[f].empty() && (all || buffers_[f].size() > kFlushBytes)) {
        sink_.write(static_cast<OutputFile>(f), buffers_[f]);
        buffers_[f].clear();
      }
    }
  }

  void write_products() {
    std::string& out = buffers_[0];
    if (options_.shopify) {
      shopify_products(out, catalog_);
    } else {
      RowWriter writer(options_.format, {"product_id", "name", "category", "price", "unit_cost",
                                         "margin_pct", "tier"});
      writer.begin(out);
      for (const Product& p : catalog_.products) {
        if (!p.in_catalogue) continue;
        std::string price, cost, margin, tier;
        append_money(price, p.price);
        if (p.cost_as_margin) {
          char text[16];
          std::snprintf(text, sizeof text, "%.1f", p.margin_pct);
          margin = text;
        } else if (p.cost_known) {
          append_money(cost, p.cost);
        }
        if (p.tier > 0) tier = std::to_string(p.tier);
        writer.row(out, {{p.id},
                         {p.name},
                         {p.category},
                         {price, Kind::number},
                         {cost, Kind::number},
                         {margin, Kind::number},
                         {tier, Kind::number}});
      }
      writer.end(out);
    }
    for (const Product& p : catalog_.products) {
      answers_.catalogue_products += p.in_catalogue;
      answers_.gaps.products_without_cost += p.in_catalogue && !p.cost_known;
    }
    flush(true);
  }

  const Customer* choose_customer(int& index) {
    if (random_.chance(0.2)) {  // a guest
      index = -1;
      return nullptr;
    }
    if (customers_.empty() || options_.pre_period_r > 0 || random_.chance(0.45)) {
      static const WeightedChoice kSegments({0.4, 0.4, 0.2});
      static const WeightedChoice kThemes({0.30, 0.20, 0.15, 0.15, 0.10, 0.10});
      customers_.push_back(
          {static_cast<Segment>(kSegments.pick(random_)), static_cast<int>(kThemes.pick(random_))});
      index = static_cast<int>(customers_.size() - 1);
    } else if (!adopters_.empty() && random_.chance(0.3)) {
      index =
          adopters_[random_.below(adopters_.size())];  // customers who took offers come back more
    } else {
      index = static_cast<int>(random_.below(customers_.size()));
    }
    return &customers_[index];
  }

  void play_session(SessionOut& session) {
    const std::uint64_t session_number = ++session_count_;
    const std::int64_t time =
        kStart +
        static_cast<std::int64_t>(static_cast<double>(answers_.orders) /
                                  static_cast<double>(options_.orders) * kPeriodDays * 86400) +
        static_cast<std::int64_t>(random_.below(4 * 3600));
    int customer_index = -1;
    const Customer* customer = choose_customer(customer_index);
    static const WeightedChoice kGuestSegments({0.4, 0.4, 0.2});
    const Segment segment =
        customer ? customer->segment : static_cast<Segment>(kGuestSegments.pick(random_));
    const int arm = random_.chance(0.5) ? 1 : 0;
    model_.play(session, customer, segment, arm, random_);

    const bool tagged = !gaps_ || !random_.chance(0.02);
    const bool session_unlogged = gaps_ && session.converted && random_.chance(0.003);
    const std::string session_id = numbered("S", session_number, 8);
    const std::string customer_id =
        customer_index < 0 ? "" : numbered("C", customer_index + 1ull, 7);
    const std::string order_id = session.converted ? order_name(answers_.orders + 1) : "";
    const char* variant = tagged ? (arm == 1 ? "treatment" : "control") : "";
    const char* channel = channel_names()[session.channel];

    double revenue = 0, margin = 0;
    ga4_order_.reset();
    if (session.converted)
      write_order(session, order_id, customer_id, session_id, channel, variant, time, revenue,
                  margin);
    if (options_.ga4) {
      write_ga4_session(session, session_number, customer_id, session_id, channel, variant, time);
    } else if (!session_unlogged) {
      std::string when;
      append_iso_time(when, time);
      sessions_writer_.row(buffers_[3], {{session_id},
                                         {variant},
                                         {when},
                                         {customer_id},
                                         {channel},
                                         {segment_name(segment)},
                                         {session.converted ? "1" : "0", Kind::number}});
      ++answers_.sessions;
    }
    answers_.gaps.untagged_sessions += !tagged && !session_unlogged;
    answers_.gaps.untagged_orders += !tagged && session.converted;
    answers_.gaps.orders_with_unknown_session += session_unlogged;
    if (!options_.ga4) write_impressions(session, session_id, order_id, variant, time);
    tally_session(session, arm, revenue, margin);
    if (options_.pre_period_r > 0) {
      ++answers_.pre_period.units;
      if (customer_index >= 0)
        in_test_.push_back({customer_index, arm, revenue, time, channel, segment});
    }
    if (session.converted && customer_index >= 0 && !customers_[customer_index].adopter &&
        std::any_of(session.impressions.begin(), session.impressions.end(),
                    [](const ImpressionOut& i) { return i.accepted; })) {
      customers_[customer_index].adopter = true;
      adopters_.push_back(customer_index);
    }
  }

  // The planted pre-period: three in four customers get one order in the 28 days before their
  // session, of revenue X = 100 + 25 (r z + √(1 − r²) e), z their session's revenue standardised
  // within its arm over those customers, e standard normal: corr(X, revenue) = r in each arm.
  void write_pre_period() {
    const double r = options_.pre_period_r;
    std::vector<bool> ordered(in_test_.size());
    double n[2] = {0, 0}, sum[2] = {0, 0}, squares[2] = {0, 0};
    for (std::size_t i = 0; i < in_test_.size(); ++i) {
      ordered[i] = pre_random_.chance(0.75);
      if (!ordered[i]) continue;
      const InTest& t = in_test_[i];
      n[t.arm] += 1;
      sum[t.arm] += t.revenue;
      squares[t.arm] += t.revenue * t.revenue;
    }
    const Product* product = nullptr;  // the cheapest to make: a margin like the shop's
    for (const Product& p : catalog_.products) {
      if (p.in_catalogue && p.cost_known && (product == nullptr || p.cost < product->cost))
        product = &p;
    }
    answers_.pre_period.customers = in_test_.size();
    for (std::size_t i = 0; i < in_test_.size(); ++i) {
      if (!ordered[i]) continue;
      const InTest& t = in_test_[i];
      const double mean = sum[t.arm] / n[t.arm];
      const double sd = std::sqrt((squares[t.arm] - n[t.arm] * mean * mean) / (n[t.arm] - 1));
      const double z = sd > 0 ? (t.revenue - mean) / sd : 0;
      const double x = 100 + 25 * (r * z + std::sqrt(1 - r * r) * pre_random_.normal());
      OrderOut order;
      order.order_id = numbered("P", ++answers_.pre_period.orders, 7);
      order.epoch = t.time - 3600 - static_cast<std::int64_t>(pre_random_.below(27 * 86400));
      append_iso_time(order.timestamp, order.epoch);
      order.customer_id = numbered("C", t.customer + 1ull, 7);
      order.channel = t.channel;
      order.segment = segment_name(t.segment);
      order.currency = "EUR";
      order.lines.push_back(
          {product->id, product->name, "1", money(std::max(x, 1.0)), "", "", true});
      write_basketlift_order(order);
      flush(false);
    }
  }

  std::string order_name(std::uint64_t number) const {
    return options_.shopify ? numbered("#", 1000 + number, 1) : numbered("O", number, 7);
  }

  void write_order(const SessionOut& session, const std::string& order_id,
                   const std::string& customer_id, const std::string& session_id,
                   const char* channel, const char* variant, std::int64_t time, double& revenue,
                   double& margin) {
    const std::uint64_t number = ++answers_.orders;
    const bool usd = gaps_ && random_.chance(0.01);
    answers_.gaps.second_currency_orders += usd;
    OrderOut order;
    order.epoch = time + 60 + static_cast<std::int64_t>(random_.below(1800));
    append_iso_time(order.timestamp, order.epoch);
    if (bad_time_every_ > 0 && number % bad_time_every_ == 0) {
      order.timestamp = "31/31/2024";
      order.valid_time = false;
      ++answers_.gaps.unparsable_timestamps;
    }
    order.order_id = order_id;
    order.customer_id = customer_id;
    order.session_id = session_id;
    order.channel = channel;
    order.variant = variant;
    order.segment = segment_name(session.segment);
    order.currency = usd ? "USD" : "EUR";
    for (const LineOut& line : session.lines) {
      const Product& product = catalog_.products[line.product];
      const double line_revenue = line.quantity * line.unit_price - line.discount;
      const double line_margin = line_revenue - line.quantity * product.cost;
      revenue += line_revenue;
      margin += line_margin;
      std::string rec = line.offer >= 0 ? catalog_.offers[line.offer].rec_id : "";
      if (gaps_ && rec.empty() && random_.chance(0.005)) {
        rec = "legacy-carousel";  // a recommendation id no impression carries
        ++answers_.gaps.untracked_rec_lines;
      }
      order.lines.push_back({product.id, product.name, std::to_string(line.quantity),
                             money(line.unit_price), line.discount > 0 ? money(line.discount) : "",
                             rec, true});
      // Every written line counts in the gaps it falls into, a duplicated one twice.
      const int copies = gaps_ && random_.chance(0.002) ? 2 : 1;  // the same line exported twice
      for (int copy = 0; copy < copies; ++copy) {
        if (copy > 0) {
          order.lines.push_back(order.lines.back());
          ++answers_.gaps.duplicate_lines;
        }
        ++answers_.order_lines;
        if (!product.in_catalogue) {
          ++answers_.gaps.unlisted_product_lines;
          answers_.gaps.unlisted_product_revenue += line_revenue;
        }
        if (!product.in_catalogue || !product.cost_known) {
          ++answers_.gaps.lines_without_cost;
          answers_.gaps.revenue_without_cost += line_revenue;
        }
      }
    }
    if (bad_row_every_ > 0 && number % bad_row_every_ == 0) {
      // Extra broken rows the engine must reject (and count), never use.
      const bool bad_quantity = (number / bad_row_every_) % 2 == 1;
      OrderLineOut broken{catalog_.products[session.lines[0].product].id,
                          "",
                          bad_quantity ? "abc" : "1",
                          bad_quantity ? "10.00" : "-5.00",
                          "",
                          "",
                          !bad_quantity};
      order.lines.push_back(broken);
      ++(bad_quantity ? answers_.gaps.bad_quantity_rows : answers_.gaps.negative_price_rows);
    }
    if (options_.ga4) {
      ga4_order_ = std::move(order);
    } else if (options_.shopify) {
      shopify_order(buffers_[1], order);
    } else {
      write_basketlift_order(order);
    }
  }

  // GA4's list of an offer: its placement and type ("cart_cross_sell"), named by the placement.
  static std::string ga4_list(const OfferRule& offer) {
    return offer.placement + "_" + offer_type_name(offer.type);
  }

  // One session as GA4's events: session_start, a view_item_list per impression (its first
  // offered product in the offer's list), then for an order a select_item before the purchase
  // for every other line taken from a list (the purchase item then names no list, as GA4 leaves
  // it) and the purchase. The device is the customer's, or the guest session's own.
  void write_ga4_session(const SessionOut& session, std::uint64_t number,
                         const std::string& customer_id, const std::string& session_id,
                         const char* channel, const char* variant, std::int64_t time) {
    const std::string device = "d" + (customer_id.empty() ? session_id : customer_id);
    Ga4Event event;
    event.user_pseudo_id = device;
    event.user_id = customer_id;
    event.session = number;
    event.variant = variant;
    event.platform = std::string_view(channel) == "app" ? "ANDROID" : "WEB";
    const auto write = [&](std::string_view name, std::int64_t seconds) {
      event.name = name;
      event.micros = seconds * 1000000 + static_cast<std::int64_t>(number % 1000);
      append_ga4_event(buffers_[1], event);
      event.items.clear();
    };
    write("session_start", time);
    for (const ImpressionOut& impression : session.impressions) {
      const OfferRule& rule = catalog_.offers[impression.offer];
      const Product& offered = catalog_.products[rule.offered.front()];
      std::string price;
      append_money(price, rule.offered_price);
      // With gaps, every 97th impression's list goes untagged (a data gap the report names).
      const bool tagged = !gaps_ || ++ga4_impressions_ % 97 != 0;
      event.items.push_back({offered.id,
                             offered.name,
                             price,
                             {},
                             tagged ? std::string_view(list_of_rec_[rule.rec_id]) : "",
                             tagged ? std::string_view(rule.placement) : ""});
      write("view_item_list", time + impression.minute * 60);
    }
    if (!ga4_order_) return;
    const OrderOut& order = *ga4_order_;
    std::vector<Ga4Item> items;
    std::size_t attached = 0;
    for (const OrderLineOut& line : order.lines) {
      if (!line.numbers_valid) continue;  // GA4 holds no unreadable quantity or price
      const auto list = list_of_rec_.find(line.rec_id);
      const std::string_view list_id = line.rec_id.empty()          ? std::string_view()
                                       : list == list_of_rec_.end() ? std::string_view(line.rec_id)
                                                                    : list->second;
      const bool picked = !list_id.empty() && attached++ % 2 == 1;
      if (picked) {
        event.items.push_back(
            {line.product_id, line.name, line.unit_price, line.quantity, list_id, {}});
        write("select_item", order.epoch - 30);
      }
      items.push_back({line.product_id,
                       line.name,
                       line.unit_price,
                       line.quantity,
                       picked ? std::string_view() : list_id,
                       {}});
    }
    event.items = std::move(items);
    event.currency = order.currency;
    event.transaction_id = order.order_id;
    write("purchase", order.epoch);
    event.currency = {};
    event.transaction_id = {};
  }

  static std::string money(double amount) {
    std::string text;
    append_money(text, amount);
    return text;
  }

  void write_basketlift_order(const OrderOut& order) {
    std::vector<std::vector<Cell>> lines;
    for (const OrderLineOut& line : order.lines) {
      lines.push_back({{line.product_id},
                       {line.quantity, line.numbers_valid ? Kind::number : Kind::text},
                       {line.unit_price, line.numbers_valid ? Kind::number : Kind::text},
                       {line.discount, Kind::number},
                       {line.rec_id}});
    }
    orders_writer_.order(buffers_[1], 8,
                         {{order.order_id},
                          {order.timestamp},
                          {order.customer_id},
                          {order.session_id},
                          {order.channel},
                          {order.variant},
                          {order.segment},
                          {order.currency}},
                         lines);
  }

  void write_impressions(const SessionOut& session, const std::string& session_id,
                         const std::string& order_id, const char* variant, std::int64_t time) {
    for (const ImpressionOut& impression : session.impressions) {
      const OfferRule& rule = catalog_.offers[impression.offer];
      std::string offered, price, when;
      bool unlisted = rule.anchor >= 0 && !catalog_.products[rule.anchor].in_catalogue;
      for (int product : rule.offered) {
        if (!offered.empty()) offered += '+';
        offered += catalog_.products[product].id;
        unlisted = unlisted || !catalog_.products[product].in_catalogue;
      }
      answers_.gaps.unlisted_offer_impressions += unlisted;
      append_money(price, rule.offered_price);
      append_iso_time(when, time + impression.minute * 60);
      offers_writer_.row(
          buffers_[2],
          {{rule.rec_id},
           {offer_type_name(rule.type)},
           {rule.placement},
           {rule.anchor >= 0 ? std::string_view(catalog_.products[rule.anchor].id) : ""},
           {offered},
           {price, Kind::number},
           {session_id},
           {order_id},
           {when},
           {variant},
           {impression.accepted ? "true" : "false", Kind::boolean}});
      ++answers_.impressions;
    }
  }

  void tally_session(const SessionOut& session, int arm, double revenue, double margin) {
    answers_.overall[arm].add(session.converted, revenue, margin);
    const bool at_checkout = std::any_of(
        session.impressions.begin(), session.impressions.end(),
        [&](const ImpressionOut& i) { return catalog_.offers[i.offer].placement == "checkout"; });
    if (at_checkout) answers_.checkout[arm].add(session.converted, revenue, margin);
    if (session.segment == Segment::budget)
      answers_.budget[arm].add(session.converted, revenue, margin);
    for (const ImpressionOut& impression : session.impressions) {
      ++answers_.offers[impression.offer].impressions;
      answers_.offers[impression.offer].accepted += impression.accepted;
    }
    if (!session.converted) return;
    std::vector<int> counted;
    for (const LineOut& line : session.lines) {
      if (line.offer < 0) continue;
      OfferTally& t = answers_.offers[line.offer];
      const double line_revenue = line.quantity * line.unit_price - line.discount;
      t.revenue += line_revenue;
      t.margin += line_revenue - line.quantity * catalog_.products[line.product].cost;
      if (std::find(counted.begin(), counted.end(), line.offer) == counted.end()) {
        ++t.orders;
        counted.push_back(line.offer);
      }
    }
    const auto has = [&](const char* id) {
      const int product = catalog_.product(id);
      return std::any_of(session.lines.begin(), session.lines.end(),
                         [&](const LineOut& l) { return l.product == product; });
    };
    const bool tent = has("TENT-2P"), sleepbag = has("SLEEPBAG"), drill = has("DRILL-18V"),
               lipstick = has("LIPSTICK-RED");
    answers_.tent_orders += tent;
    answers_.sleepbag_orders += sleepbag;
    answers_.tent_and_sleepbag_orders += tent && sleepbag;
    answers_.drill_orders += drill;
    answers_.lipstick_orders += lipstick;
    answers_.drill_and_lipstick_orders += drill && lipstick;
  }

  GeneratorOptions options_;
  bool gaps_;
  OutputSink& sink_;
  Random random_;
  Catalog catalog_;
  ShopperModel model_;
  RowWriter orders_writer_, offers_writer_, sessions_writer_;
  std::optional<OrderOut> ga4_order_;               // GA4: the session's order, written last
  std::map<std::string, std::string> list_of_rec_;  // GA4: an offer's list
  std::uint64_t ga4_impressions_ = 0;               // GA4: impressions written
  std::string buffers_[4];
  std::vector<Customer> customers_;
  std::vector<int> adopters_;
  std::uint64_t session_count_ = 0;
  std::uint64_t bad_row_every_ = 0, bad_time_every_ = 0;
  Answers answers_;
  // A customer's session in the test, for the planted pre-period.
  struct InTest {
    int customer;
    int arm;
    double revenue;
    std::int64_t time;
    const char* channel;
    Segment segment;
  };
  std::vector<InTest> in_test_;
  Random pre_random_{options_.seed ^ 0x9E3779B97F4A7C15ull};  // leaves the main stream as it was
};

}  // namespace

std::string output_file_name(OutputFile file, const GeneratorOptions& options) {
  const std::string extension = std::string(".") + format_name(options.format);
  switch (file) {
    case OutputFile::products:
      return options.shopify ? "products_export.csv" : "products" + extension;
    case OutputFile::orders:
      if (options.ga4) return "events.ndjson";
      return options.shopify ? "orders_export.csv" : "orders" + extension;
    case OutputFile::offers:
      return "offers" + extension;
    case OutputFile::sessions:
      return "sessions" + extension;
  }
  return "orders" + extension;
}

std::string generate_store(const GeneratorOptions& options, OutputSink& sink) {
  return Generation(options, sink).run();
}

}  // namespace basketlift::sample
