#include "store/range_merge.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ingest/reject_reason.h"

namespace basketlift {

namespace {

constexpr std::uint32_t kMagic = 0x32524C42;  // "BLR2"
// In a serialised IdPool, the key of an id kept as text (numbers stay below 10^18 < 2^63).
constexpr std::uint64_t kTextKey = std::uint64_t{1} << 63;

// Appends fixed-size values and blocks to bytes that grow without being zero-filled first.
class Writer {
 public:
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  template <typename T>
  void put(T value) {
    std::memcpy(out_.grow(sizeof(T)), &value, sizeof(T));
  }
  void text(std::string_view value) {
    put(static_cast<std::uint32_t>(value.size()));
    if (!value.empty()) std::memcpy(out_.grow(value.size()), value.data(), value.size());
  }
  // n values of type T, written by `get(i)` in one pass.
  template <typename T, typename Get>
  void values(std::size_t n, Get get) {
    std::uint8_t* at = out_.grow(n * sizeof(T));
    for (std::size_t i = 0; i < n; ++i, at += sizeof(T)) {
      const T value = get(i);
      std::memcpy(at, &value, sizeof(T));
    }
  }
  void bytes(const std::uint8_t* data, std::size_t n) {
    if (n > 0) std::memcpy(out_.grow(n), data, n);
  }
  ByteArray take() { return std::move(out_); }

 private:
  ByteArray out_;
};

// Ids below `bound` (or kNoId) written 1, 2 or 4 bytes each, kNoId as all ones.
class IdBlock {
 public:
  IdBlock() = default;
  IdBlock(const std::uint8_t* data, std::uint8_t width) : data_(data), width_(width) {}
  std::uint32_t operator[](std::size_t i) const {
    switch (width_) {
      case 1:
        return data_[i] == 0xFF ? kNoId : data_[i];
      case 2: {
        std::uint16_t v;
        std::memcpy(&v, data_ + 2 * i, 2);
        return v == 0xFFFF ? kNoId : v;
      }
      default: {
        std::uint32_t v;
        std::memcpy(&v, data_ + 4 * i, 4);
        return v;
      }
    }
  }

 private:
  const std::uint8_t* data_ = nullptr;
  std::uint8_t width_ = 4;
};

template <typename Get>
void write_ids(Writer& out, std::size_t n, std::uint64_t bound, Get get) {
  const std::uint8_t width = bound < 0xFF ? 1 : bound < 0xFFFF ? 2 : 4;
  out.put(width);
  if (width == 1)
    out.values<std::uint8_t>(n, [&](std::size_t i) { return static_cast<std::uint8_t>(get(i)); });
  else if (width == 2)
    out.values<std::uint16_t>(n, [&](std::size_t i) { return static_cast<std::uint16_t>(get(i)); });
  else
    out.values<std::uint32_t>(n, get);
}

void write_ids(Writer& out, const IdColumn& column, std::uint64_t bound) {
  write_ids(out, column.size(), bound, [&](std::size_t i) { return column[i]; });
}

// A DecimalColumn's rows as it stores them.
void write_decimals(Writer& out, const DecimalColumn& column) {
  out.put(column.width());
  out.put(column.scale());
  out.bytes(column.raw(), column.size() * column.width());
}

// The rows of a sparse column that hold a value: (row, value) pairs.
template <typename Value, typename Column>
void write_sparse(Writer& out, const Column& column) {
  out.put(static_cast<std::uint64_t>(column.present()));
  for (std::size_t i = 0; i < column.size(); ++i) {
    if (column.has(i)) {
      out.put(static_cast<std::uint32_t>(i));
      out.put(static_cast<Value>(column[i]));
    }
  }
}

void write_times(Writer& out, const TimeColumn& column) {
  out.values<std::int64_t>(column.size(), [&](std::size_t i) { return column[i]; });
}

void write_rows(Writer& out, const RowOrigins& origins) {
  out.values<std::uint32_t>(origins.size(), [&](std::size_t i) { return origins[i].row; });
}

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
  // The next n * size bytes (nullptr, and not ok, when fewer are left).
  const std::uint8_t* block(std::uint64_t n, std::size_t size) {
    if (!ok_ || size == 0 || n > (in_.size() - at_) / size) {
      ok_ = false;
      return nullptr;
    }
    const auto* at = reinterpret_cast<const std::uint8_t*>(in_.data() + at_);
    at_ += n * size;
    return at;
  }
  template <typename T>
  static T value(const std::uint8_t* block, std::size_t i) {
    T v;
    std::memcpy(&v, block + i * sizeof(T), sizeof(T));
    return v;
  }
  IdBlock ids(std::uint64_t n) {
    const auto width = get<std::uint8_t>();
    if (width != 1 && width != 2 && width != 4) ok_ = false;
    const std::uint8_t* data = block(n, width);
    return ok_ ? IdBlock(data, width) : IdBlock();
  }
  bool ok() const { return ok_; }
  // Fails the read (a block's contents do not make sense).
  void fail() { ok_ = false; }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// The rows of a DecimalColumn as written by write_decimals().
class DecimalBlock {
 public:
  DecimalBlock(Reader& in, std::uint64_t n) {
    width_ = in.get<std::uint8_t>();
    scale_ = in.get<std::uint8_t>();
    if (width_ != 1 && width_ != 2 && width_ != 4 && width_ != 8) in.fail();
    if (scale_ > 9) in.fail();
    data_ = in.block(n, width_);
  }
  double operator[](std::size_t i) const { return DecimalColumn::decode(data_, width_, scale_, i); }
  // Appends the n rows to `column`.
  void append_to(DecimalColumn& column, std::size_t n) const {
    column.append(data_, width_, scale_, n);
  }

 private:
  const std::uint8_t* data_ = nullptr;
  std::uint8_t width_ = 8;
  std::uint8_t scale_ = 0;
};

// The (row, value) pairs written by write_sparse(), read in row order.
template <typename Value>
class SparseBlock {
 public:
  SparseBlock(Reader& in, Value fallback) : fallback_(fallback) {
    count_ = in.count(4 + sizeof(Value));
    data_ = in.block(count_, 4 + sizeof(Value));
  }
  // The value of row i; rows must be asked for in increasing order.
  Value operator()(std::size_t i) {
    if (next_ < count_ &&
        Reader::value<std::uint32_t>(data_ + next_ * (4 + sizeof(Value)), 0) == i) {
      Value v;
      std::memcpy(&v, data_ + next_ * (4 + sizeof(Value)) + 4, sizeof(Value));
      ++next_;
      return v;
    }
    return fallback_;
  }

 private:
  Value fallback_;
  const std::uint8_t* data_ = nullptr;
  std::uint64_t count_ = 0;
  std::uint64_t next_ = 0;
};

void write_pool(Writer& out, const Interner& pool) {
  out.put(static_cast<std::uint64_t>(pool.size()));
  for (std::uint32_t id = 0; id < pool.size(); ++id)
    out.text(pool.view(id));
}

// An IdPool as written: its pattern, then each id as its number (kept as one) or its text.
void write_pool(Writer& out, const IdPool& pool) {
  const std::optional<IdPattern> pattern = pool.pattern();
  out.put(static_cast<std::uint8_t>(pattern ? 1 : 0));
  if (pattern) {
    out.text(pattern->prefix);
    out.put(pattern->width);
  }
  out.put(static_cast<std::uint64_t>(pool.size()));
  std::string text;
  for (std::uint32_t id = 0; id < pool.size(); ++id) {
    if (const std::optional<std::uint64_t> number = pool.number(id)) {
      out.put(*number);
    } else {
      out.put(kTextKey);
      text.clear();
      pool.append_text(id, text);
      out.text(text);
    }
  }
}

// The strings of a serialised Interner, by local id.
std::vector<std::string_view> read_pool(Reader& in) {
  std::vector<std::string_view> texts(in.count(4));
  for (std::string_view& text : texts)
    text = in.text();
  return texts;
}

// A serialised IdPool: by local id, a number, or kTextKey | index into `texts`.
struct SerialIds {
  std::optional<IdPattern> pattern;
  std::vector<std::uint64_t> keys;
  std::vector<std::string_view> texts;
  bool same_pattern = false;  // numbers mean the same ids in the store's pool

  std::size_t size() const { return keys.size(); }
  // The id's text, written out (for a pool whose pattern differs).
  std::string_view text(std::size_t local, std::string& buffer) const {
    if ((keys[local] & kTextKey) != 0) return texts[keys[local] & ~kTextKey];
    buffer.clear();
    IdPool::append_number(*pattern, keys[local], buffer);
    return buffer;
  }
  // The store's id of local id `local`, when the store's pool has it.
  std::optional<std::uint32_t> find_in(const IdPool& pool, std::size_t local,
                                       std::string& buffer) const {
    if (same_pattern && (keys[local] & kTextKey) == 0) return pool.find_number(keys[local]);
    return pool.find(text(local, buffer));
  }
};

SerialIds read_id_pool(Reader& in, const IdPool& into) {
  SerialIds ids;
  if (in.get<std::uint8_t>() != 0) {
    IdPattern pattern;
    pattern.prefix = std::string(in.text());
    pattern.width = in.get<std::uint8_t>();
    ids.same_pattern = into.pattern() == pattern;
    ids.pattern = std::move(pattern);
  }
  ids.keys.resize(in.count(8));
  for (std::uint64_t& key : ids.keys) {
    key = in.get<std::uint64_t>();
    if ((key & kTextKey) != 0) {
      key = kTextKey | ids.texts.size();
      ids.texts.push_back(in.text());
    } else if (!ids.pattern) {
      in.fail();  // a number in a pool without a pattern
    }
  }
  return ids;
}

// Interns every string of a pool into `pool`, in order: local id → global id.
std::vector<std::uint32_t> intern_all(const std::vector<std::string_view>& texts, Interner& pool) {
  std::vector<std::uint32_t> ids(texts.size());
  for (std::size_t k = 0; k < texts.size(); ++k)
    ids[k] = pool.intern(texts[k]);
  return ids;
}

// Interns every id of a serialised IdPool into `pool`, in order: numbers as numbers when the
// patterns agree (no text written or parsed), else as text.
std::vector<std::uint32_t> intern_all(const SerialIds& serial, IdPool& pool) {
  std::vector<std::uint32_t> ids(serial.size());
  std::string buffer;
  for (std::size_t k = 0; k < serial.size(); ++k) {
    const std::uint64_t key = serial.keys[k];
    ids[k] = serial.same_pattern && (key & kTextKey) == 0 ? pool.intern_number(key)
                                                          : pool.intern(serial.text(k, buffer));
  }
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
  // A JSON key can first appear in any range, so each range tells the columns it met.
  out.put(static_cast<std::uint64_t>(r.columns.size()));
  for (const auto& [name, field] : r.columns) {
    out.text(name);
    out.put(static_cast<std::uint8_t>(field));
  }
  out.put(static_cast<std::uint64_t>(r.unknown_columns.size()));
  for (const std::string& name : r.unknown_columns)
    out.text(name);
}

// Appends the range's columns the file's account does not list yet, in the range's order (the
// order a single read would have met them in, as ranges are merged in file order).
void merge_columns(Reader& in, FileReport& report) {
  std::unordered_set<std::string_view> known;
  for (const auto& column : report.columns)
    known.insert(column.first);
  const std::uint64_t mapped = in.count(4 + 1);
  std::vector<std::pair<std::string_view, Field>> new_columns;
  for (std::uint64_t k = 0; k < mapped && in.ok(); ++k) {
    const std::string_view name = in.text();
    const auto field = in.get<std::uint8_t>();
    if (field >= kFieldCount) in.fail();
    if (in.ok() && known.insert(name).second)
      new_columns.emplace_back(name, static_cast<Field>(field));
  }
  known.clear();
  for (const std::string& name : report.unknown_columns)
    known.insert(name);
  const std::uint64_t unknown = in.count(4);
  std::vector<std::string_view> new_unknown;
  for (std::uint64_t k = 0; k < unknown && in.ok(); ++k) {
    const std::string_view name = in.text();
    if (in.ok() && known.insert(name).second) new_unknown.push_back(name);
  }
  if (!in.ok()) return;  // damaged: the caller refuses the range
  for (const auto& [name, field] : new_columns)
    report.columns.emplace_back(std::string(name), field);
  for (std::string_view name : new_unknown)
    report.unknown_columns.emplace_back(name);
}

}  // namespace

ByteArray serialize_range(const Store& store, const FileReport& report, const RangeEnd& end) {
  const Pools& pools = store.pools;
  Writer out;
  // An upper bound: what is not written is never touched.
  out.reserve(
      4096 +
      24 * (std::size_t{pools.orders.size()} + pools.sessions.size() + pools.customers.size()) +
      40 * store.orders.size() + 48 * store.lines.size() + 36 * store.impressions.size() +
      36 * store.sessions.size());
  out.put(kMagic);
  out.put(end.head_lines);
  out.put(end.newlines);
  out.put(static_cast<std::uint8_t>(end.clean));
  out.put(end.bytes);
  write_pool(out, pools.orders);
  write_pool(out, pools.products);
  write_pool(out, pools.sessions);
  write_pool(out, pools.customers);
  write_pool(out, pools.recs);
  write_pool(out, pools.labels);
  write_pool(out, pools.texts);
  const std::uint64_t labels = pools.labels.size();

  // First what the merge checks against the store: orders given lines or a status here, and
  // sessions given a row here.
  const OrderColumns& o = store.orders;
  std::vector<std::uint32_t> loaded;
  for (std::uint32_t i = 0; i < o.size(); ++i)
    if (o.line_count[i] > 0 || o.status[i] != OrderStatus::sale) loaded.push_back(i);
  out.put(static_cast<std::uint64_t>(loaded.size()));
  write_ids(out, loaded.size(), pools.orders.size(), [&](std::size_t k) { return loaded[k]; });
  const SessionColumns& s = store.sessions;
  out.put(static_cast<std::uint64_t>(s.size()));
  write_ids(out, s.session, pools.sessions.size());

  out.put(static_cast<std::uint64_t>(o.size()));
  write_times(out, o.time);
  write_ids(out, o.customer, pools.customers.size());
  write_ids(out, o.session, pools.sessions.size());
  for (const IdColumn* column : {&o.channel, &o.variant, &o.segment, &o.currency})
    write_ids(out, *column, labels);
  std::uint64_t most_lines = 0;
  for (std::size_t i = 0; i < o.size(); ++i)
    most_lines = std::max<std::uint64_t>(most_lines, o.line_count[i]);
  write_ids(out, o.line_count, most_lines + 1);
  write_decimals(out, o.order_discount);
  write_decimals(out, o.refunded_amount);
  out.values<std::uint8_t>(o.size(),
                           [&](std::size_t i) { return static_cast<std::uint8_t>(o.status[i]); });

  out.put(static_cast<std::uint64_t>(store.products.size()));
  write_ids(out, store.products.size(), pools.texts.size(),
            [&](std::size_t p) { return store.products.name[p]; });

  const LineColumns& l = store.lines;
  out.put(static_cast<std::uint64_t>(l.size()));
  write_ids(out, l.order, pools.orders.size());
  write_ids(out, l.product, pools.products.size());
  write_ids(out, l.size(), pools.recs.size(), [&](std::size_t i) { return l.rec[i]; });
  write_decimals(out, l.quantity);
  write_decimals(out, l.unit_price);
  write_sparse<double>(out, l.discount);
  write_sparse<double>(out, l.unit_cost);
  write_rows(out, l.origin);

  const ImpressionColumns& im = store.impressions;
  const OfferShapes& shapes = im.shapes;
  out.put(static_cast<std::uint64_t>(shapes.size()));
  for (std::uint32_t k = 0; k < shapes.size(); ++k) {
    const OfferShape& shape = shapes[k];
    out.put(shape.rec);
    out.put(static_cast<std::uint8_t>(shape.type));
    out.put(shape.placement);
    out.put(shape.anchor);
    out.put(shape.offered);
    out.put(shape.offered_price);
    const auto [begin, end_part] = shape.bundle == kNoId
                                       ? std::pair<std::uint32_t, std::uint32_t>{0, 0}
                                       : shapes.bundle_range(shape.bundle);
    out.put(static_cast<std::uint8_t>(shape.bundle != kNoId));
    out.put(static_cast<std::uint64_t>(end_part - begin));
    for (std::uint32_t part = begin; part < end_part; ++part)
      out.put(shapes.parts()[part]);
  }
  out.put(static_cast<std::uint64_t>(im.size()));
  write_ids(out, im.shape, shapes.size());
  write_ids(out, im.session, pools.sessions.size());
  write_sparse<std::uint32_t>(out, im.order);
  write_sparse<std::uint32_t>(out, im.customer);
  write_times(out, im.time);
  write_ids(out, im.variant, labels);
  out.values<std::int8_t>(im.size(), [&](std::size_t i) { return im.accepted[i]; });
  write_rows(out, im.origin);

  // The session ids of session rows went first.
  write_ids(out, s.variant, labels);
  write_times(out, s.time);
  write_sparse<std::uint32_t>(out, s.customer);
  write_ids(out, s.channel, labels);
  write_ids(out, s.segment, labels);
  out.values<std::int8_t>(s.size(), [&](std::size_t i) { return s.converted[i]; });
  write_rows(out, s.origin);
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

  Pools& pools = store.pools;
  const SerialIds order_pool = read_id_pool(in, pools.orders);
  const std::vector<std::string_view> product_texts = read_pool(in);
  const SerialIds session_pool = read_id_pool(in, pools.sessions);
  const SerialIds customer_pool = read_id_pool(in, pools.customers);
  const std::vector<std::string_view> rec_texts = read_pool(in);
  const std::vector<std::string_view> label_texts = read_pool(in);
  const std::vector<std::string_view> texts = read_pool(in);

  // An order the range loaded that the store already holds lines or a status for, or a session
  // the store already has a row for: reading the range alone could not see them (an order's
  // lines spread over ranges or files, a repeated session id), so it cannot be merged exactly.
  const std::uint64_t loaded = in.count(1);
  const IdBlock loaded_orders = in.ids(loaded);
  const std::uint64_t session_count = in.count(1);
  const IdBlock session_ids = in.ids(session_count);
  if (!in.ok()) return damaged();
  std::string buffer;
  for (std::uint64_t k = 0; k < loaded; ++k) {
    const std::uint32_t local = loaded_orders[k];
    if (local >= order_pool.size()) return damaged();
    const std::optional<std::uint32_t> known = order_pool.find_in(pools.orders, local, buffer);
    if (known && *known < store.orders.size() &&
        (store.orders.line_count[*known] > 0 || store.orders.status[*known] != OrderStatus::sale)) {
      return RangeMerge::read_serially;
    }
  }
  for (std::uint64_t k = 0; k < session_count; ++k) {
    const std::uint32_t local = session_ids[k];
    if (local >= session_pool.size()) return damaged();
    const std::optional<std::uint32_t> known = session_pool.find_in(pools.sessions, local, buffer);
    if (known && *known < store.session_row.size() && store.session_row[*known] != kNoId)
      return RangeMerge::read_serially;
  }

  // Room for every id of the range at once (one rehash at most, not one per growth step), grown
  // by half when it must grow: reserving just enough rehashed a pool at every range.
  pools.orders.make_room(order_pool.size());
  pools.sessions.make_room(session_pool.size());
  pools.customers.make_room(customer_pool.size());
  const std::vector<std::uint32_t> orders = intern_all(order_pool, pools.orders);
  const std::vector<std::uint32_t> products = intern_all(product_texts, pools.products);
  const std::vector<std::uint32_t> sessions = intern_all(session_pool, pools.sessions);
  const std::vector<std::uint32_t> customers = intern_all(customer_pool, pools.customers);
  const std::vector<std::uint32_t> recs = intern_all(rec_texts, pools.recs);
  const std::vector<std::uint32_t> labels = intern_all(label_texts, pools.labels);

  // Orders: new ones, or slots the offers created (no fields, no lines) filled in.
  OrderColumns& o = store.orders;
  const std::uint64_t order_count = in.count(1);
  if (order_count > orders.size()) return damaged();
  const std::uint8_t* times = in.block(order_count, 8);
  const IdBlock order_customer = in.ids(order_count);
  const IdBlock order_session = in.ids(order_count);
  const IdBlock order_labels[] = {in.ids(order_count), in.ids(order_count), in.ids(order_count),
                                  in.ids(order_count)};
  const IdBlock line_counts = in.ids(order_count);
  const DecimalBlock discounts(in, order_count);
  const DecimalBlock refunds(in, order_count);
  const std::uint8_t* statuses = in.block(order_count, 1);
  if (!in.ok()) return damaged();
  IdColumn* label_columns[] = {&o.channel, &o.variant, &o.segment, &o.currency};
  const auto fill = [](IdColumn& column, std::uint32_t g, std::uint32_t id) {
    if (id != kNoId && column[g] == kNoId) column.set(g, id);
  };
  // Every slot at once (new orders come last, in a row).
  std::uint32_t last_order = 0;
  for (std::uint64_t i = 0; i < order_count; ++i)
    last_order = std::max(last_order, orders[i]);
  if (order_count > 0) o.ensure(last_order);
  for (std::uint64_t i = 0; i < order_count; ++i) {
    const std::uint32_t g = orders[i];
    const auto time = Reader::value<std::int64_t>(times, i);
    if (time != kNoTime) o.time.set(g, time);
    fill(o.customer, g, remap(customers, order_customer[i]));
    fill(o.session, g, remap(sessions, order_session[i]));
    for (int k = 0; k < 4; ++k)
      fill(*label_columns[k], g, remap(labels, order_labels[k][i]));
    const std::uint32_t lines = line_counts[i];
    const double discount = discounts[i];
    const double refunded = refunds[i];
    const auto status = static_cast<OrderStatus>(statuses[i]);
    if (lines > 0) o.line_count.set(g, o.line_count[g] + lines);
    if (std::isnan(o.order_discount[g]) && !std::isnan(discount)) o.order_discount.set(g, discount);
    if (std::isnan(o.refunded_amount[g]) && !std::isnan(refunded))
      o.refunded_amount.set(g, refunded);
    if (status != OrderStatus::sale) o.status[g] = status;
  }
  // Product names given by order lines: the first wins, as when reading in one go.
  const std::uint64_t product_count = in.count(1);
  const IdBlock product_names = in.ids(product_count);
  if (!in.ok() || product_count > products.size()) return damaged();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> names;  // (local text, global product)
  for (std::uint64_t p = 0; p < product_count; ++p) {
    const std::uint32_t g = products[p];
    store.products.ensure(g);
    const std::uint32_t text = product_names[p];
    if (text != kNoId && store.products.name[g] == kNoId) names.emplace_back(text, g);
  }
  std::sort(names.begin(), names.end());  // in the order the range named them
  for (const auto& [text, g] : names) {
    if (text >= texts.size()) return damaged();
    store.products.name[g] = pools.texts.intern(texts[text]);
  }

  LineColumns& l = store.lines;
  const std::uint64_t line_count = in.count(1);
  const IdBlock line_order = in.ids(line_count);
  const IdBlock line_product = in.ids(line_count);
  const IdBlock line_rec = in.ids(line_count);
  const DecimalBlock quantity(in, line_count);
  const DecimalBlock unit_price(in, line_count);
  SparseBlock<double> discount(in, 0.0);
  SparseBlock<double> unit_cost(in, kNoNumber);
  const std::uint8_t* line_rows = in.block(line_count, 4);
  if (!in.ok()) return damaged();
  l.reserve(l.size() + line_count);
  l.order.append(line_count, [&](std::size_t i) { return remap(orders, line_order[i]); });
  l.product.append(line_count, [&](std::size_t i) { return remap(products, line_product[i]); });
  quantity.append_to(l.quantity, line_count);
  unit_price.append_to(l.unit_price, line_count);
  for (std::uint64_t i = 0; i < line_count; ++i) {
    l.rec.push_back(remap(recs, line_rec[i]));
    l.discount.push_back(discount(i));
    l.unit_cost.push_back(unit_cost(i));
    l.origin.push_back({file, row_of(Reader::value<std::uint32_t>(line_rows, i))});
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
  const std::uint64_t impression_count = in.count(1);
  const IdBlock shape_ids = in.ids(impression_count);
  const IdBlock im_session = in.ids(impression_count);
  SparseBlock<std::uint32_t> im_order(in, kNoId);
  SparseBlock<std::uint32_t> im_customer(in, kNoId);
  const std::uint8_t* im_times = in.block(impression_count, 8);
  const IdBlock im_variant = in.ids(impression_count);
  const std::uint8_t* accepted = in.block(impression_count, 1);
  const std::uint8_t* im_rows = in.block(impression_count, 4);
  if (!in.ok()) return damaged();
  im.reserve(im.size() + impression_count);
  for (std::uint64_t i = 0; i < impression_count; ++i) {
    const std::uint32_t shape = shape_ids[i];
    if (shape >= shapes.size()) return damaged();
    im.shape.push_back(shapes[shape]);
    im.session.push_back(remap(sessions, im_session[i]));
    im.order.push_back(remap(orders, im_order(i)));
    im.customer.push_back(remap(customers, im_customer(i)));
    im.time.push_back(Reader::value<std::int64_t>(im_times, i));
    im.variant.push_back(remap(labels, im_variant[i]));
    im.accepted.push_back(static_cast<std::int8_t>(accepted[i]));
    im.origin.push_back({file, row_of(Reader::value<std::uint32_t>(im_rows, i))});
  }

  SessionColumns& s = store.sessions;
  const IdBlock s_variant = in.ids(session_count);
  const std::uint8_t* s_times = in.block(session_count, 8);
  SparseBlock<std::uint32_t> s_customer(in, kNoId);
  const IdBlock s_channel = in.ids(session_count);
  const IdBlock s_segment = in.ids(session_count);
  const std::uint8_t* converted = in.block(session_count, 1);
  const std::uint8_t* s_rows = in.block(session_count, 4);
  if (!in.ok()) return damaged();
  s.reserve(s.size() + session_count);
  for (std::uint64_t i = 0; i < session_count; ++i) {
    const std::uint32_t session = remap(sessions, session_ids[i]);
    if (store.session_row.size() <= session)
      store.session_row.resize(std::size_t{session} + 1, kNoId);
    store.session_row.set(session, static_cast<std::uint32_t>(s.size()));
    s.session.push_back(session);
    s.variant.push_back(remap(labels, s_variant[i]));
    s.time.push_back(Reader::value<std::int64_t>(s_times, i));
    s.customer.push_back(remap(customers, s_customer(i)));
    s.channel.push_back(remap(labels, s_channel[i]));
    s.segment.push_back(remap(labels, s_segment[i]));
    s.converted.push_back(static_cast<std::int8_t>(converted[i]));
    s.origin.push_back({file, row_of(Reader::value<std::uint32_t>(s_rows, i))});
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
  merge_columns(in, report);
  if (!in.ok()) return damaged();
  return RangeMerge::merged;
}

}  // namespace basketlift
