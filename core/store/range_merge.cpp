#include "store/range_merge.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "ingest/reject_reason.h"

namespace basketlift {

namespace {

constexpr std::uint32_t kMagic = 0x31524C42;  // "BLR1"

// Appends fixed-size values to a byte string (grown in large steps, written with memcpy).
class Writer {
 public:
  void reserve(std::size_t bytes) { out_.resize(std::max(out_.size(), bytes)); }
  template <typename T>
  void put(T value) {
    make_room(sizeof(T));
    std::memcpy(out_.data() + size_, &value, sizeof(T));
    size_ += sizeof(T);
  }
  void text(std::string_view value) {
    put(static_cast<std::uint32_t>(value.size()));
    make_room(value.size());
    std::memcpy(out_.data() + size_, value.data(), value.size());
    size_ += value.size();
  }
  std::string take() {
    out_.resize(size_);
    return std::move(out_);
  }

 private:
  void make_room(std::size_t n) {
    if (size_ + n > out_.size()) out_.resize(std::max(size_ + n, out_.size() * 2 + 4096));
  }
  std::string out_;
  std::size_t size_ = 0;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  T get() {
    T value{};
    if (in_.size() - at_ < sizeof(T)) {
      ok_ = false;
      return value;
    }
    std::memcpy(&value, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string_view text() {
    const auto size = get<std::uint32_t>();
    if (!ok_ || in_.size() - at_ < size) {
      ok_ = false;
      return {};
    }
    const std::string_view value = in_.substr(at_, size);
    at_ += size;
    return value;
  }
  // A count of items of at least `item_bytes` each (guards against damaged counts).
  std::uint64_t count(std::size_t item_bytes) {
    const auto n = get<std::uint64_t>();
    if (item_bytes > 0 && n > (in_.size() - at_) / item_bytes) ok_ = false;
    return ok_ ? n : 0;
  }
  bool ok() const { return ok_; }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

void write_pool(Writer& out, const Interner& pool) {
  out.put(static_cast<std::uint64_t>(pool.size()));
  for (std::uint32_t id = 0; id < pool.size(); ++id)
    out.text(pool.view(id));
}

void write_pool(Writer& out, const IdPool& pool) {
  out.put(static_cast<std::uint64_t>(pool.size()));
  std::string text;
  for (std::uint32_t id = 0; id < pool.size(); ++id) {
    text.clear();
    pool.append_text(id, text);
    out.text(text);
  }
}

// Interns every string of a serialised pool into `pool`, in order: local id → global id.
template <typename Pool>
std::vector<std::uint32_t> read_pool(Reader& in, Pool& pool) {
  std::vector<std::uint32_t> ids(in.count(4));
  for (std::uint32_t& id : ids)
    id = pool.intern(in.text());
  return ids;
}

// Local ids as written, remapped when read (kNoId stays).
std::uint32_t remap(const std::vector<std::uint32_t>& ids, std::uint32_t local) {
  return local < ids.size() ? ids[local] : kNoId;
}

void write_counts(Writer& out, const CountWithExamples& c) {
  out.put(c.count);
  out.put(static_cast<std::uint64_t>(c.examples.size()));
  for (const RowExample& e : c.examples) {
    out.put(e.row);
    out.text(e.column);
    out.text(e.value);
    out.text(e.detail);
  }
}

// Adds a range's counts and examples (rows shifted); examples stay the first ones by row.
void merge_counts(Reader& in, CountWithExamples& into, std::int64_t shift) {
  into.count += in.get<std::uint64_t>();
  const std::uint64_t n = in.count(28);
  for (std::uint64_t k = 0; k < n; ++k) {
    RowExample e;
    e.row = static_cast<std::uint64_t>(static_cast<std::int64_t>(in.get<std::uint64_t>()) + shift);
    e.column = std::string(in.text());
    e.value = std::string(in.text());
    e.detail = std::string(in.text());
    if (into.examples.size() < CountWithExamples::kMaxExamples)
      into.examples.push_back(std::move(e));
  }
}

void write_report(Writer& out, const FileReport& r) {
  out.put(r.bytes);
  out.put(r.rows_read);
  out.put(r.rows_used);
  out.put(r.rows_rejected);
  for (const CountWithExamples& c : r.rejected)
    write_counts(out, c);
  for (const CountWithExamples& c : r.notes)
    write_counts(out, c);
}

}  // namespace

std::string serialize_range(const Store& store, const FileReport& report, const RangeEnd& end) {
  Writer out;
  const Pools& counts = store.pools;
  out.reserve(
      4096 +
      16 * (std::size_t{counts.orders.size()} + counts.sessions.size() + counts.customers.size()) +
      48 * store.lines.size() + 33 * store.impressions.size() + 33 * store.sessions.size() +
      28 * store.orders.size());
  out.put(kMagic);
  out.put(end.head_lines);
  out.put(end.newlines);
  out.put(static_cast<std::uint8_t>(end.clean));
  out.put(end.bytes);
  const Pools& pools = store.pools;
  // First what the merge checks against the store: orders given lines or a status here, and
  // sessions given a row here.
  std::uint64_t loaded = 0;
  for (std::size_t i = 0; i < store.orders.size(); ++i)
    loaded += store.orders.line_count[i] > 0 || store.orders.status[i] != OrderStatus::sale;
  out.put(loaded);
  std::string text;
  for (std::uint32_t i = 0; i < store.orders.size(); ++i) {
    if (store.orders.line_count[i] > 0 || store.orders.status[i] != OrderStatus::sale) {
      text.clear();
      pools.orders.append_text(i, text);
      out.text(text);
    }
  }
  out.put(static_cast<std::uint64_t>(store.sessions.size()));
  for (std::size_t i = 0; i < store.sessions.size(); ++i) {
    text.clear();
    pools.sessions.append_text(store.sessions.session[i], text);
    out.text(text);
  }
  write_pool(out, pools.orders);
  write_pool(out, pools.products);
  write_pool(out, pools.sessions);
  write_pool(out, pools.customers);
  write_pool(out, pools.recs);
  write_pool(out, pools.labels);
  write_pool(out, pools.texts);

  const OrderColumns& o = store.orders;
  out.put(static_cast<std::uint64_t>(o.size()));
  for (std::size_t i = 0; i < o.size(); ++i) {
    out.put(o.time[i]);
    for (const IdColumn* column :
         {&o.customer, &o.session, &o.channel, &o.variant, &o.segment, &o.currency, &o.line_count})
      out.put((*column)[i]);
    out.put(o.order_discount[i]);
    out.put(o.refunded_amount[i]);
    out.put(static_cast<std::uint8_t>(o.status[i]));
  }
  out.put(static_cast<std::uint64_t>(store.products.size()));
  for (std::size_t p = 0; p < store.products.size(); ++p)
    out.put(store.products.name[p]);

  const LineColumns& l = store.lines;
  out.put(static_cast<std::uint64_t>(l.size()));
  for (std::size_t i = 0; i < l.size(); ++i) {
    out.put(l.order[i]);
    out.put(l.product[i]);
    out.put(l.rec[i]);
    out.put(l.quantity[i]);
    out.put(l.unit_price[i]);
    out.put(l.discount[i]);
    out.put(l.unit_cost[i]);
    out.put(l.origin[i].row);
  }

  const ImpressionColumns& im = store.impressions;
  const OfferShapes& shapes = im.shapes;
  out.put(static_cast<std::uint64_t>(shapes.size()));
  for (std::uint32_t k = 0; k < shapes.size(); ++k) {
    const OfferShape& s = shapes[k];
    out.put(s.rec);
    out.put(static_cast<std::uint8_t>(s.type));
    out.put(s.placement);
    out.put(s.anchor);
    out.put(s.offered);
    out.put(s.offered_price);
    const auto [begin, end_part] = s.bundle == kNoId ? std::pair<std::uint32_t, std::uint32_t>{0, 0}
                                                     : shapes.bundle_range(s.bundle);
    out.put(static_cast<std::uint8_t>(s.bundle != kNoId));
    out.put(static_cast<std::uint64_t>(end_part - begin));
    for (std::uint32_t part = begin; part < end_part; ++part)
      out.put(shapes.parts()[part]);
  }
  out.put(static_cast<std::uint64_t>(im.size()));
  for (std::size_t i = 0; i < im.size(); ++i) {
    out.put(im.shape[i]);
    out.put(im.session[i]);
    out.put(im.order[i]);
    out.put(im.customer[i]);
    out.put(im.time[i]);
    out.put(im.variant[i]);
    out.put(im.accepted[i]);
    out.put(im.origin[i].row);
  }

  const SessionColumns& s = store.sessions;
  out.put(static_cast<std::uint64_t>(s.size()));
  for (std::size_t i = 0; i < s.size(); ++i) {
    out.put(s.session[i]);
    out.put(s.variant[i]);
    out.put(s.time[i]);
    out.put(s.customer[i]);
    out.put(s.channel[i]);
    out.put(s.segment[i]);
    out.put(s.converted[i]);
    out.put(s.origin[i].row);
  }
  write_report(out, report);
  return out.take();
}

Result<RangeEnd> range_end_of(std::string_view serialized) {
  Reader in(serialized);
  RangeEnd end;
  if (in.get<std::uint32_t>() != kMagic) {
    return Status::error(ErrorCode::bad_usage, "not a range read by Basketlift");
  }
  end.head_lines = in.get<std::uint64_t>();
  end.newlines = in.get<std::uint64_t>();
  end.clean = in.get<std::uint8_t>() != 0;
  end.bytes = in.get<std::uint64_t>();
  if (!in.ok()) return Status::error(ErrorCode::bad_usage, "range bytes are cut short");
  return end;
}

Result<RangeMerge> merge_range(std::string_view serialized, Store& store, FileReport& report,
                               std::uint16_t file, std::uint64_t first_line) {
  const Result<RangeEnd> end = range_end_of(serialized);
  if (!end.ok()) return end.status();
  Reader in(serialized.substr(4 + 8 + 8 + 1 + 8));
  const auto damaged = [] {
    return Status::error(ErrorCode::bad_usage, "range bytes are damaged");
  };
  // Rows of the range were numbered from its head: line head_lines + 1 is `first_line`.
  const std::int64_t shift =
      static_cast<std::int64_t>(first_line) - static_cast<std::int64_t>(end.value().head_lines + 1);
  const auto row_of = [&](std::uint32_t local_row) {
    return static_cast<std::uint32_t>(static_cast<std::int64_t>(local_row) + shift);
  };

  // An order the range loaded that the store already holds lines or a status for, or a session
  // the store already has a row for: reading the range alone could not see them (an order's
  // lines spread over ranges or files, a repeated session id), so it cannot be merged exactly.
  const std::uint64_t loaded = in.count(4);
  for (std::uint64_t k = 0; k < loaded; ++k) {
    const std::optional<std::uint32_t> known = store.pools.orders.find(in.text());
    if (known && *known < store.orders.size() &&
        (store.orders.line_count[*known] > 0 || store.orders.status[*known] != OrderStatus::sale)) {
      return RangeMerge::read_serially;
    }
  }
  const std::uint64_t session_rows = in.count(4);
  for (std::uint64_t k = 0; k < session_rows; ++k) {
    const std::optional<std::uint32_t> known = store.pools.sessions.find(in.text());
    if (known && *known < store.session_row.size() && store.session_row[*known] != kNoId)
      return RangeMerge::read_serially;
  }
  if (!in.ok()) return damaged();

  Pools& pools = store.pools;
  const std::vector<std::uint32_t> orders = read_pool(in, pools.orders);
  const std::vector<std::uint32_t> products = read_pool(in, pools.products);
  const std::vector<std::uint32_t> sessions = read_pool(in, pools.sessions);
  const std::vector<std::uint32_t> customers = read_pool(in, pools.customers);
  const std::vector<std::uint32_t> recs = read_pool(in, pools.recs);
  const std::vector<std::uint32_t> labels = read_pool(in, pools.labels);
  std::vector<std::string_view> texts(in.count(4));
  for (std::string_view& text : texts)
    text = in.text();
  if (!in.ok()) return damaged();

  // Orders: new ones, or slots the offers created (no fields, no lines) filled in.
  OrderColumns& o = store.orders;
  const std::uint64_t order_count = in.count(8);
  for (std::uint64_t i = 0; i < order_count && in.ok(); ++i) {
    const std::uint32_t g = orders[i];
    o.ensure(g);
    const auto time = in.get<std::int64_t>();
    if (time != kNoTime) o.time.set(g, time);
    const std::vector<std::uint32_t>* maps[] = {&customers, &sessions, &labels,
                                                &labels,    &labels,   &labels};
    IdColumn* columns[] = {&o.customer, &o.session, &o.channel,
                           &o.variant,  &o.segment, &o.currency};
    for (int k = 0; k < 6; ++k) {
      const std::uint32_t id = remap(*maps[k], in.get<std::uint32_t>());
      if (id != kNoId && (*columns[k])[g] == kNoId) columns[k]->set(g, id);
    }
    const auto lines = in.get<std::uint32_t>();
    const auto discount = in.get<double>();
    const auto refunded = in.get<double>();
    const auto status = static_cast<OrderStatus>(in.get<std::uint8_t>());
    if (lines > 0) o.line_count.set(g, o.line_count[g] + lines);
    if (std::isnan(o.order_discount[g]) && !std::isnan(discount)) o.order_discount.set(g, discount);
    if (std::isnan(o.refunded_amount[g]) && !std::isnan(refunded))
      o.refunded_amount.set(g, refunded);
    if (status != OrderStatus::sale) o.status[g] = status;
  }
  // Product names given by order lines: the first wins, as when reading in one go.
  const std::uint64_t product_count = in.count(4);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> names;  // (local text, global product)
  for (std::uint64_t p = 0; p < product_count && in.ok(); ++p) {
    const std::uint32_t g = remap(products, static_cast<std::uint32_t>(p));
    store.products.ensure(g);
    const auto text = in.get<std::uint32_t>();
    if (text != kNoId && store.products.name[g] == kNoId) names.emplace_back(text, g);
  }
  std::sort(names.begin(), names.end());  // in the order the range named them
  for (const auto& [text, g] : names) {
    if (text >= texts.size()) return damaged();
    store.products.name[g] = pools.texts.intern(texts[text]);
  }

  LineColumns& l = store.lines;
  const std::uint64_t line_count = in.count(48);
  l.reserve(l.size() + line_count);
  for (std::uint64_t i = 0; i < line_count && in.ok(); ++i) {
    l.order.push_back(remap(orders, in.get<std::uint32_t>()));
    l.product.push_back(remap(products, in.get<std::uint32_t>()));
    l.rec.push_back(remap(recs, in.get<std::uint32_t>()));
    l.quantity.push_back(in.get<double>());
    l.unit_price.push_back(in.get<double>());
    l.discount.push_back(in.get<double>());
    l.unit_cost.push_back(in.get<double>());
    l.origin.push_back({file, row_of(in.get<std::uint32_t>())});
  }

  ImpressionColumns& im = store.impressions;
  std::vector<std::uint32_t> shapes(in.count(30));
  std::vector<std::uint32_t> parts;
  for (std::uint32_t& shape : shapes) {
    OfferShape s{};
    s.rec = remap(recs, in.get<std::uint32_t>());
    s.type = static_cast<OfferType>(in.get<std::uint8_t>());
    s.placement = remap(labels, in.get<std::uint32_t>());
    s.anchor = remap(products, in.get<std::uint32_t>());
    s.offered = remap(products, in.get<std::uint32_t>());
    s.offered_price = in.get<double>();
    const bool bundle = in.get<std::uint8_t>() != 0;
    parts.resize(in.count(4));
    for (std::uint32_t& part : parts)
      part = remap(products, in.get<std::uint32_t>());
    s.bundle = bundle ? im.shapes.add_bundle(parts) : kNoId;
    shape = im.shapes.intern(s);
  }
  const std::uint64_t impression_count = in.count(33);
  im.reserve(im.size() + impression_count);
  for (std::uint64_t i = 0; i < impression_count && in.ok(); ++i) {
    const auto shape = in.get<std::uint32_t>();
    if (shape >= shapes.size()) return damaged();
    im.shape.push_back(shapes[shape]);
    im.session.push_back(remap(sessions, in.get<std::uint32_t>()));
    im.order.push_back(remap(orders, in.get<std::uint32_t>()));
    im.customer.push_back(remap(customers, in.get<std::uint32_t>()));
    im.time.push_back(in.get<std::int64_t>());
    im.variant.push_back(remap(labels, in.get<std::uint32_t>()));
    im.accepted.push_back(in.get<std::int8_t>());
    im.origin.push_back({file, row_of(in.get<std::uint32_t>())});
  }

  SessionColumns& s = store.sessions;
  const std::uint64_t session_count = in.count(33);
  s.reserve(s.size() + session_count);
  for (std::uint64_t i = 0; i < session_count && in.ok(); ++i) {
    const std::uint32_t session = remap(sessions, in.get<std::uint32_t>());
    if (store.session_row.size() <= session)
      store.session_row.resize(std::size_t{session} + 1, kNoId);
    store.session_row.set(session, static_cast<std::uint32_t>(s.size()));
    s.session.push_back(session);
    s.variant.push_back(remap(labels, in.get<std::uint32_t>()));
    s.time.push_back(in.get<std::int64_t>());
    s.customer.push_back(remap(customers, in.get<std::uint32_t>()));
    s.channel.push_back(remap(labels, in.get<std::uint32_t>()));
    s.segment.push_back(remap(labels, in.get<std::uint32_t>()));
    s.converted.push_back(in.get<std::int8_t>());
    s.origin.push_back({file, row_of(in.get<std::uint32_t>())});
  }

  in.get<std::uint64_t>();  // the range reader's bytes, its head included
  report.bytes += end.value().bytes;
  report.rows_read += in.get<std::uint64_t>();
  report.rows_used += in.get<std::uint64_t>();
  report.rows_rejected += in.get<std::uint64_t>();
  for (CountWithExamples& c : report.rejected)
    merge_counts(in, c, shift);
  for (CountWithExamples& c : report.notes)
    merge_counts(in, c, shift);
  if (!in.ok()) return damaged();
  return RangeMerge::merged;
}

}  // namespace basketlift
