// Orders: one record per order line; order-level fields merge over the order's lines.
#include <cmath>

#include "ingest/table_loader.h"

namespace basketlift {

namespace {

// Financial statuses (Shopify) that take an order out of sales.
std::optional<OrderStatus> status_from_financial(std::string_view status) {
  const std::string normalized = normalize_header(status);
  if (normalized == "refunded") return OrderStatus::refunded;
  if (normalized == "voided") return OrderStatus::cancelled;
  return std::nullopt;
}

class OrdersLoader final : public TableLoader {
 public:
  explicit OrdersLoader(const LoaderContext& context)
      : ctx_(context),
        lines_at_start_(context.store.lines.size()),
        orders_at_start_(context.store.orders.size()),
        customers_at_start_(context.store.pools.customers.size()),
        sessions_at_start_(context.store.pools.sessions.size()) {}

  void reserve(std::size_t rows, std::size_t seen) override {
    Store& store = ctx_.store;
    store.lines.reserve(expected_size(lines_at_start_, store.lines.size(), rows, seen));
    const std::size_t orders = expected_size(orders_at_start_, store.orders.size(), rows, seen);
    store.orders.reserve(orders);
    store.pools.orders.reserve(orders);
    store.pools.customers.reserve(
        expected_size(customers_at_start_, store.pools.customers.size(), rows, seen));
    store.pools.sessions.reserve(
        expected_size(sessions_at_start_, store.pools.sessions.size(), rows, seen));
  }

  std::optional<Rejection> load(const Record& record, FileReport& report) override {
    RowReader r(record, ctx_.values);
    const std::string_view order_text = r.text(Field::order_id);
    if (order_text.empty()) r.reject(RejectReason::missing_required_field, Field::order_id);
    std::string_view product_text = r.text(Field::product_id);
    const bool named_by_line = product_text.empty() && !r.text(Field::product_name).empty();
    if (named_by_line) product_text = r.text(Field::product_name);
    if (product_text.empty()) r.reject(RejectReason::missing_required_field, Field::product_id);
    DecimalText quantity_text, price_text;  // the two numbers every line stores
    const double quantity = r.number(Field::quantity, Bound::positive, 1.0, quantity_text);
    const double unit_price =
        r.number(Field::unit_price, Bound::non_negative, kNoNumber, price_text);
    const double discount = r.number(Field::discount, Bound::non_negative, 0.0);
    const double unit_cost = r.number(Field::unit_cost, Bound::non_negative, kNoNumber);
    const double order_discount = r.number(Field::order_discount, Bound::non_negative, kNoNumber);
    const double refunded = r.number(Field::refunded_amount, Bound::non_negative, kNoNumber);
    const std::string_view customer = r.text(Field::customer_id);
    const std::string_view session = r.text(Field::session_id);
    const std::string_view channel = r.text(Field::channel);
    const std::string_view variant = r.text(Field::variant);
    const std::string_view segment = r.text(Field::segment);
    const std::string_view currency = r.text(Field::currency);
    const std::string_view line_name = r.text(Field::product_name);
    const std::string_view rec = r.text(Field::rec_id);
    const std::string_view cancelled_at = r.text(Field::cancelled_at);
    const std::string_view financial = r.text(Field::financial_status);
    r.text(Field::timestamp);  // rejects a nested value before anything is stored
    if (!r.ok()) return r.rejection();

    const std::uint64_t row = record.row;
    const std::int64_t time = time_reader_.read(r, Field::timestamp, row, report);
    Store& store = ctx_.store;
    const std::uint32_t order = order_cache_.intern(store.pools.orders, order_text);
    OrderColumns& orders = store.orders;
    const OrderFields fields{.customer = customer,
                             .session = session,
                             .channel = channel,
                             .variant = variant,
                             .segment = segment,
                             .currency = currency,
                             .time = time,
                             .order_discount = order_discount,
                             .refunded = refunded};
    const bool new_order = order == orders.size();
    if (auto rejection = new_order ? new_order_status(r, cancelled_at, financial)
                                   : apply_status(r, order, cancelled_at, financial)) {
      return rejection;
    }
    const OrderIds ids = intern_order_ids(fields);
    if (new_order) {
      // The usual case: its fields are appended as they are, not grown empty and merged into.
      append_order(ids, fields);
    } else {
      merge_order(order, row, report, ids, fields, r.text(Field::timestamp));
    }

    const std::uint32_t product = product_cache_.intern(store.pools.products, product_text);
    store.products.ensure(product);
    if (named_by_line)
      report.note(row, RowNote::product_named_by_line, "product_name", product_text);
    if (!line_name.empty() && store.products.name[product] == kNoId) {
      store.products.name[product] = store.pools.texts.intern(line_name);
    }
    if (std::isnan(unit_price) && record.has(Field::unit_price)) {
      report.note(row, RowNote::missing_price, "unit_price", "");
    }
    if (!std::isnan(unit_price) && discount > quantity * unit_price * (1 + 1e-12)) {
      report.note(row, RowNote::discount_exceeds_line, "discount", r.text(Field::discount));
    }

    LineColumns& lines = store.lines;
    lines.order.push_back(order);
    lines.product.push_back(product);
    lines.rec.push_back(rec_cache_.intern(store.pools.recs, rec));
    lines.quantity.push_back(quantity, quantity_text.mantissa, quantity_text.scale);
    lines.unit_price.push_back(unit_price, price_text.mantissa, price_text.scale);
    lines.discount.push_back(discount);
    lines.unit_cost.push_back(unit_cost);
    lines.origin.push_back({ctx_.file, static_cast<std::uint32_t>(row)});
    orders.line_count.set(order, orders.line_count[order] + 1);
    return std::nullopt;
  }

 private:
  // A line's order-level fields, ids not yet interned.
  struct OrderFields {
    std::string_view customer, session, channel, variant, segment, currency;
    std::int64_t time;
    double order_discount, refunded;
  };

  // A line's order-level ids, interned.
  struct OrderIds {
    std::uint32_t customer, session, channel, variant, segment, currency;
  };

  // Interns a line's order-level ids, always in this order (ids are given in order of first
  // appearance).
  OrderIds intern_order_ids(const OrderFields& f) {
    Pools& pools = ctx_.store.pools;
    return {.customer = customer_cache_.intern(pools.customers, f.customer),
            .session = session_cache_.intern(pools.sessions, f.session),
            .channel = channel_cache_.intern(pools.labels, f.channel),
            .variant = variant_cache_.intern(pools.labels, f.variant),
            .segment = segment_cache_.intern(pools.labels, f.segment),
            .currency = currency_cache_.intern(pools.labels, f.currency)};
  }

  // The status a line gives its order: cancelled or refunded when it says so, else sale.
  static OrderStatus status_of(std::string_view cancelled_at, std::string_view financial) {
    if (!cancelled_at.empty()) return OrderStatus::cancelled;
    return status_from_financial(financial).value_or(OrderStatus::sale);
  }

  // The rejection of a line of a cancelled or refunded order (nullopt for a sale).
  static std::optional<Rejection> status_rejection(const RowReader& r, OrderStatus status,
                                                   std::string_view cancelled_at,
                                                   std::string_view financial) {
    if (status == OrderStatus::sale) return std::nullopt;
    const RejectReason reason = status == OrderStatus::cancelled ? RejectReason::cancelled_order
                                                                 : RejectReason::refunded_order;
    const Field field = !cancelled_at.empty() ? Field::cancelled_at
                        : !financial.empty()  ? Field::financial_status
                                              : Field::order_id;  // said on an earlier line
    return Rejection{reason, field, r.raw(field)};
  }

  // Marks cancelled / refunded orders; their lines are kept apart from sales. The first line
  // of an order carries its status (Shopify fills order-level columns only there).
  std::optional<Rejection> apply_status(const RowReader& r, std::uint32_t order,
                                        std::string_view cancelled_at, std::string_view financial) {
    ctx_.store.orders.ensure(order);
    OrderStatus& status = ctx_.store.orders.status[order];
    if (status == OrderStatus::sale) status = status_of(cancelled_at, financial);
    return status_rejection(r, status, cancelled_at, financial);
  }

  // The status of a new order's first line. A cancelled or refunded order is stored with
  // its status and no fields (none of its ids interned); a sale's columns are appended by
  // append_order().
  std::optional<Rejection> new_order_status(const RowReader& r, std::string_view cancelled_at,
                                            std::string_view financial) {
    const OrderStatus status = status_of(cancelled_at, financial);
    if (status == OrderStatus::sale) return std::nullopt;
    OrderColumns& orders = ctx_.store.orders;
    orders.ensure(static_cast<std::uint32_t>(orders.size()));
    orders.status.back() = status;
    return status_rejection(r, status, cancelled_at, financial);
  }

  // Appends a new sale's columns: what OrderColumns::ensure() and merge_order() would leave.
  void append_order(const OrderIds& ids, const OrderFields& f) {
    OrderColumns& orders = ctx_.store.orders;
    orders.customer.push_back(ids.customer);
    orders.session.push_back(ids.session);
    orders.channel.push_back(ids.channel);
    orders.variant.push_back(ids.variant);
    orders.segment.push_back(ids.segment);
    orders.currency.push_back(ids.currency);
    orders.time.push_back(f.time);
    orders.order_discount.push_back(f.order_discount);
    orders.refunded_amount.push_back(f.refunded);
    orders.status.push_back(OrderStatus::sale);
    orders.line_count.push_back(0);
  }

  // Merges a line's order-level fields into an order seen before.
  void merge_order(std::uint32_t order, std::uint64_t row, FileReport& report, const OrderIds& ids,
                   const OrderFields& f, std::string_view time_text) {
    OrderColumns& orders = ctx_.store.orders;
    Merger merge{order, row, report};
    merge(orders.customer, ids.customer, f.customer, Field::customer_id);
    merge(orders.session, ids.session, f.session, Field::session_id);
    merge(orders.channel, ids.channel, f.channel, Field::channel);
    merge(orders.variant, ids.variant, f.variant, Field::variant);
    merge(orders.segment, ids.segment, f.segment, Field::segment);
    merge(orders.currency, ids.currency, f.currency, Field::currency);
    merge.time(orders.time, f.time, time_text);
    if (std::isnan(orders.order_discount[order]) && !std::isnan(f.order_discount))
      orders.order_discount.set(order, f.order_discount);
    if (std::isnan(orders.refunded_amount[order]) && !std::isnan(f.refunded))
      orders.refunded_amount.set(order, f.refunded);
  }

  // Merges one line's order-level fields into its order: the first non-empty value wins and a
  // line with a different later value is noted once (the check counts rows), by its first
  // disagreeing field.
  struct Merger {
    std::uint32_t order;
    std::uint64_t row;
    FileReport& report;
    bool noted = false;  // this line was noted already

    void operator()(IdColumn& column, std::uint32_t id, std::string_view text, Field field) {
      if (id == kNoId) return;
      if (column[order] == kNoId) {
        column.set(order, id);
      } else if (column[order] != id) {
        conflict(field_name(field), text);
      }
    }

    void time(TimeColumn& column, std::int64_t value, std::string_view text) {
      if (value == kNoTime) return;
      if (column[order] == kNoTime) {
        column.set(order, value);
      } else if (column[order] != value) {
        conflict("timestamp", text);
      }
    }

    void conflict(std::string_view column, std::string_view text) {
      if (noted) return;
      noted = true;
      report.note(row, RowNote::conflicting_order_field, column, text);
    }
  };

  LoaderContext ctx_;
  std::size_t lines_at_start_, orders_at_start_, customers_at_start_, sessions_at_start_;
  TimeReader time_reader_;
  RepeatCache order_cache_, product_cache_, customer_cache_, session_cache_, rec_cache_;
  LabelCache channel_cache_, variant_cache_, segment_cache_, currency_cache_;
};

}  // namespace

std::unique_ptr<TableLoader> make_orders_loader(const LoaderContext& context) {
  return std::make_unique<OrdersLoader>(context);
}

}  // namespace basketlift
