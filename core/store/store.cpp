#include "store/store.h"

namespace basketlift {

namespace {

template <typename T>
std::size_t column_bytes(const std::vector<T>& column) {
  return column.capacity() * sizeof(T);
}

template <typename Column>
std::size_t column_bytes(const Column& column) {
  return column.bytes();
}

template <typename... Columns>
std::size_t sum_bytes(const Columns&... columns) {
  return (column_bytes(columns) + ...);
}

}  // namespace

void OrderColumns::ensure(std::uint32_t index) {
  if (index < size()) return;
  if (index == size()) {  // the usual case: one new order
    time.push_back(kNoTime);
    for (IdColumn* column : {&customer, &session, &channel, &variant, &segment, &currency})
      column->push_back(kNoId);
    order_discount.push_back(kNoNumber);
    refunded_amount.push_back(kNoNumber);
    status.push_back(OrderStatus::sale);
    line_count.push_back(0);
    return;
  }
  const std::size_t n = std::size_t{index} + 1;
  time.resize(n);
  customer.resize(n, kNoId);
  session.resize(n, kNoId);
  channel.resize(n, kNoId);
  variant.resize(n, kNoId);
  segment.resize(n, kNoId);
  currency.resize(n, kNoId);
  order_discount.resize(n, kNoNumber);
  refunded_amount.resize(n, kNoNumber);
  status.resize(n, OrderStatus::sale);
  line_count.resize(n, 0);
}

void OrderColumns::reserve(std::size_t n) {
  time.reserve(n);
  customer.reserve(n);
  session.reserve(n);
  channel.reserve(n);
  variant.reserve(n);
  segment.reserve(n);
  currency.reserve(n);
  order_discount.reserve(n);
  refunded_amount.reserve(n);
  status.reserve(n);
  line_count.reserve(n);
}

void LineColumns::reserve(std::size_t n) {
  order.reserve(n);
  product.reserve(n);
  rec.reserve(n);
  quantity.reserve(n);
  unit_price.reserve(n);
  discount.reserve(n);
  unit_cost.reserve(n);
  origin.reserve(n);
}

void ImpressionColumns::reserve(std::size_t n) {
  shape.reserve(n);
  session.reserve(n);
  order.reserve(n);
  customer.reserve(n);
  time.reserve(n);
  variant.reserve(n);
  accepted.reserve(n);
  origin.reserve(n);
}

void SessionColumns::reserve(std::size_t n) {
  session.reserve(n);
  variant.reserve(n);
  time.reserve(n);
  customer.reserve(n);
  channel.reserve(n);
  segment.reserve(n);
  converted.reserve(n);
  origin.reserve(n);
}

void ProductColumns::ensure(std::uint32_t index) {
  if (index < size()) return;
  const std::size_t n = std::size_t{index} + 1;
  in_catalogue.resize(n, 0);
  name.resize(n, kNoId);
  category.resize(n, kNoId);
  top_category.resize(n, kNoId);
  price.resize(n, kNoNumber);
  unit_cost.resize(n, kNoNumber);
  margin_pct.resize(n, kNoNumber);
  tier.resize(n, kNoNumber);
  origin.resize(n);
}

std::size_t Store::bytes() const {
  const Pools& p = pools;
  std::size_t total = p.orders.bytes() + p.products.bytes() + p.sessions.bytes() +
                      p.customers.bytes() + p.recs.bytes() + p.labels.bytes() + p.texts.bytes();
  const OrderColumns& o = orders;
  total += sum_bytes(o.time, o.customer, o.session, o.channel, o.variant, o.segment, o.currency,
                     o.order_discount, o.refunded_amount, o.status, o.line_count);
  const LineColumns& l = lines;
  total += sum_bytes(l.order, l.product, l.rec, l.quantity, l.unit_price, l.discount, l.unit_cost,
                     l.origin);
  const ProductColumns& pr = products;
  total += sum_bytes(pr.in_catalogue, pr.name, pr.category, pr.top_category, pr.price, pr.unit_cost,
                     pr.margin_pct, pr.tier, pr.origin);
  const ImpressionColumns& im = impressions;
  total += sum_bytes(im.shape, im.shapes, im.session, im.order, im.customer, im.time, im.variant,
                     im.accepted, im.origin);
  const SessionColumns& s = sessions;
  total += sum_bytes(s.session, s.variant, s.time, s.customer, s.channel, s.segment, s.converted,
                     s.origin);
  total += sum_bytes(session_row, intended_offers);
  return total;
}

const char* offer_type_name(OfferType type) {
  switch (type) {
    case OfferType::cross_sell:
      return "cross_sell";
    case OfferType::upsell:
      return "upsell";
    case OfferType::bundle:
      return "bundle";
  }
  return "cross_sell";
}

std::optional<OfferType> offer_type_from_name(std::string_view name) {
  for (OfferType type : {OfferType::cross_sell, OfferType::upsell, OfferType::bundle}) {
    if (name == offer_type_name(type)) return type;
  }
  return std::nullopt;
}

}  // namespace basketlift
