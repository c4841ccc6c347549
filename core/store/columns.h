// Compact column types of the store. Each holds its values in as few bytes as they need and
// gives them back exactly as they were stored (ids, decimal numbers, times), so analyses read
// the same values as from plain vectors while the store holds a fraction of the memory.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

namespace basketlift {

/// Makes room in `v` for `extra` more elements, growing by a quarter rather than doubling:
/// columns are reserved from the file's size, so growing is the exception and its slack should
/// stay small.
template <typename T>
void make_room(std::vector<T>& v, std::size_t extra) {
  if (v.size() + extra > v.capacity())
    v.reserve(std::max(v.size() + extra, v.capacity() + v.capacity() / 4 + 16));
}

/// Bytes of a column: a growable array like std::vector<std::uint8_t>, but appending does
/// not go through value-initialisation, and it grows by a quarter (see make_room).
class ByteArray {
 public:
  ByteArray() = default;
  ByteArray(const ByteArray& other) { *this = other; }
  ByteArray(ByteArray&&) noexcept = default;
  ByteArray& operator=(const ByteArray& other) {
    if (this != &other) {
      data_.reset();
      size_ = capacity_ = 0;
      reserve(other.size_);
      if (other.size_ > 0) std::memcpy(data_.get(), other.data_.get(), other.size_);
      size_ = other.size_;
    }
    return *this;
  }
  ByteArray& operator=(ByteArray&&) noexcept = default;

  /// Bytes held.
  std::size_t size() const { return size_; }
  /// Bytes allocated.
  std::size_t capacity() const { return capacity_; }
  /// The first byte.
  std::uint8_t* data() { return data_.get(); }
  /// The first byte.
  const std::uint8_t* data() const { return data_.get(); }
  /// Byte i.
  std::uint8_t& operator[](std::size_t i) { return data_[i]; }
  /// Byte i.
  std::uint8_t operator[](std::size_t i) const { return data_[i]; }
  /// Makes room for `n` bytes in all.
  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    std::unique_ptr<std::uint8_t[]> bigger(new std::uint8_t[n]);
    if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = n;
  }
  /// Appends `n` bytes left for the caller to write; returns the first.
  std::uint8_t* grow(std::size_t n) {
    if (size_ + n > capacity_) grow_capacity(n);
    std::uint8_t* at = data_.get() + size_;
    size_ += n;
    return at;
  }
  /// The bytes as text.
  std::string_view view() const { return {reinterpret_cast<const char*>(data_.get()), size_}; }
  /// Sets the size, zero-filling new bytes.
  void resize(std::size_t n) {
    if (n > size_) std::memset(grow(n - size_), 0, n - size_);
    size_ = n;
  }

 private:
  // grow()'s rare case, out of line so that grow() stays small where it is inlined.
  [[gnu::noinline]] void grow_capacity(std::size_t n) {
    reserve(std::max(size_ + n, capacity_ + capacity_ / 4 + 64));
  }

  std::unique_ptr<std::uint8_t[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// Unsigned ids (uint32 with kNoId = 0xFFFFFFFF for "none") in 1, 2 or 4 bytes each: the
/// width grows when an id no longer fits, so a column of a few hundred labels takes a byte
/// a row.
class IdColumn {
 public:
  /// The id at row i.
  std::uint32_t operator[](std::size_t i) const { return reader()[i]; }
  /// Appends an id (always inline: a loader appends several a row, and in wasm the call
  /// cost more than the append).
  [[gnu::always_inline]] void push_back(std::uint32_t id) {
    fit(id);
    write(data_.grow(width_), id);
  }
  /// Replaces the id at row i.
  void set(std::size_t i, std::uint32_t id) {
    fit(id);
    store(i, id);
  }
  /// Appends `n` ids, row k holding get(k): as n push_back() calls, the width settled once
  /// (get is called twice per row).
  template <typename Get>
  void append(std::size_t n, Get get) {
    std::uint32_t most = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t id = get(k);
      if (id != 0xFFFFFFFFu) most = std::max(most, id);
    }
    fit(most);
    std::uint8_t* at = data_.grow(n * width_);
    for (std::size_t k = 0; k < n; ++k, at += width_)
      write(at, get(k));
  }
  /// Grows to n rows, new rows holding `fill`.
  void resize(std::size_t n, std::uint32_t fill);
  /// Rows.
  std::size_t size() const { return data_.size() >> std::countr_zero(width_); }  // no division
  /// Makes room for n rows at the current width.
  void reserve(std::size_t n) { data_.reserve(n * width_); }
  /// Bytes held.
  std::size_t bytes() const { return data_.capacity(); }
  /// True when some row holds an id other than kNoId.
  bool any() const;

  /// Reads rows as operator[] does, from a copy of the column's address and width: a loop
  /// that also writes bytes (which may alias any object) keeps them in registers instead of
  /// loading them again at each row. Valid until the column changes.
  class Reader {
   public:
    /// The id at row i.
    std::uint32_t operator[](std::size_t i) const {
      switch (width_) {
        case 1:
          return widen(data_[i], 0xFFu);
        case 2:
          return widen(IdColumn::load<std::uint16_t>(data_, i), 0xFFFFu);
        default:
          return IdColumn::load<std::uint32_t>(data_, i);
      }
    }
    /// Writes rows [first, last) to out, as operator[] would, with one test of the width for
    /// the range instead of one a row.
    void read(std::size_t first, std::size_t last, std::uint32_t* out) const {
      switch (width_) {
        case 1:
          for (std::size_t i = first; i < last; ++i)
            *out++ = widen(data_[i], 0xFFu);
          break;
        case 2:
          for (std::size_t i = first; i < last; ++i)
            *out++ = widen(IdColumn::load<std::uint16_t>(data_, i), 0xFFFFu);
          break;
        default:
          for (std::size_t i = first; i < last; ++i)
            *out++ = IdColumn::load<std::uint32_t>(data_, i);
      }
    }

   private:
    friend class IdColumn;
    Reader(const std::uint8_t* data, std::uint8_t width) : data_(data), width_(width) {}
    const std::uint8_t* data_;
    std::uint8_t width_;
  };
  /// A Reader of this column.
  Reader reader() const { return Reader(data_.data(), width_); }

 private:
  static std::uint32_t widen(std::uint32_t stored, std::uint32_t none) {
    return stored == none ? 0xFFFFFFFFu : stored;
  }
  template <typename T>
  static T load(const std::uint8_t* data, std::size_t i) {
    T value;
    std::memcpy(&value, data + i * sizeof(T), sizeof(T));
    return value;
  }
  void store(std::size_t i, std::uint32_t id) { write(data_.data() + i * width_, id); }
  // Writes `id` at the current width to `at` (kNoId as the width's largest value).
  void write(std::uint8_t* at, std::uint32_t id) const {
    const std::uint32_t stored = id == 0xFFFFFFFFu ? max_for(width_) : id;
    if (width_ == 1) {
      *at = static_cast<std::uint8_t>(stored);
    } else if (width_ == 2) {
      const auto narrow = static_cast<std::uint16_t>(stored);
      std::memcpy(at, &narrow, 2);
    } else {
      std::memcpy(at, &stored, 4);
    }
  }
  // Widens the column when `id` does not fit the current width.
  void fit(std::uint32_t id) {
    if (id != 0xFFFFFFFFu && id >= max_for(width_)) grow_to(id);
  }
  static std::uint32_t max_for(std::uint8_t width) {
    return width == 1 ? 0xFFu : width == 2 ? 0xFFFFu : 0xFFFFFFFFu;
  }
  void grow_to(std::uint32_t id);

  ByteArray data_;
  std::uint8_t width_ = 1;
};

/// Epoch seconds (kNoTime = INT64_MIN for "none") as 4-byte offsets from the first time
/// stored, or 8 bytes each once a time lies more than 68 years from it.
class TimeColumn {
 public:
  /// The time at row i.
  std::int64_t operator[](std::size_t i) const {
    if (!narrow_) return wide_[i];
    const std::int32_t offset = narrow_data_[i];
    return offset == kNone32 ? kNone : base_ + offset;
  }
  /// Appends a time.
  void push_back(std::int64_t time);
  /// Replaces the time at row i.
  void set(std::size_t i, std::int64_t time);
  /// Grows to n rows of kNoTime.
  void resize(std::size_t n);
  /// Rows.
  std::size_t size() const { return narrow_ ? narrow_data_.size() : wide_.size(); }
  /// Makes room for n rows.
  void reserve(std::size_t n) { narrow_ ? narrow_data_.reserve(n) : wide_.reserve(n); }
  /// Bytes held.
  std::size_t bytes() const {
    return narrow_data_.capacity() * sizeof(std::int32_t) + wide_.capacity() * sizeof(std::int64_t);
  }

 private:
  static constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();
  static constexpr std::int32_t kNone32 = std::numeric_limits<std::int32_t>::min();
  bool fits(std::int64_t time);  // fixes the base on the first time
  void to_wide();

  bool narrow_ = true;
  bool based_ = false;
  std::int64_t base_ = 0;
  std::vector<std::int32_t> narrow_data_;
  std::vector<std::int64_t> wide_;
};

/// Numbers as read from the files (prices, quantities, discounts), stored as integers scaled
/// by a power of ten shared by the column — 1, 2 or 4 bytes a row — as long as every value is
/// exactly such a decimal: 12.5 at scale 2 is 1250, and reading back gives 1250 / 100.0, the
/// very double parsed from "12.5". Other values (and -0) switch the column to plain doubles.
/// NaN stands for "none" and costs no more than any value.
class DecimalColumn {
 public:
  /// The value at row i.
  double operator[](std::size_t i) const { return decode(data_.data(), width_, scale_, i); }
  /// Row i of rows laid out as this class stores them, `width` bytes each at `scale`.
  static double decode(const std::uint8_t* data, std::uint8_t width, std::uint8_t scale,
                       std::size_t i) {
    if (width == 8) return load<double>(data, i);
    const std::int64_t m = mantissa_at(data, width, i);
    if (m == none_for(width)) return std::numeric_limits<double>::quiet_NaN();
    return scale == 0 ? static_cast<double>(m) : static_cast<double>(m) / kPowers[scale];
  }
  /// Writes rows [first, last) to out, as operator[] would, with one test of the width and
  /// scale for the range instead of one a row (a loop the compiler can vectorise).
  void read(std::size_t first, std::size_t last, double* out) const {
    const std::uint8_t* const data = data_.data();
    switch (width_) {
      case 1:
        return read_scaled<std::int8_t>(data, first, last, out);
      case 2:
        return read_scaled<std::int16_t>(data, first, last, out);
      case 4:
        return read_scaled<std::int32_t>(data, first, last, out);
      default:
        if (first < last) std::memcpy(out, data + first * 8, (last - first) * 8);
    }
  }
  /// Bytes per row: 1, 2 or 4 (scaled integers) or 8 (doubles).
  std::uint8_t width() const { return width_; }
  /// Power of ten the integers are scaled by.
  std::uint8_t scale() const { return scale_; }
  /// The rows as stored (see decode()).
  const std::uint8_t* raw() const { return data_.data(); }
  /// Appends a value.
  void push_back(double value) {
    // The usual cases inline: a number exact at today's scale within today's width, or none.
    std::int64_t m = 0;
    if (width_ != 8 && mantissa_of(value, scale_, m)) {
      if (push_fitting(m)) return;
    } else if (width_ != 8 && std::isnan(value)) {
      write_at(data_.grow(width_), width_, none_for(width_));
      return;
    }
    push_back_slow(value);
  }
  /// Appends `value` read from the decimal text `mantissa` × 10^−`scale` (0 ≤ scale ≤ 9, no
  /// digit lost; scale −1: not known): `value` is that decimal correctly rounded, +0 for 0, as
  /// read_number() gives it. The same row as push_back(value), without working the mantissa
  /// out of the double again.
  void push_back(double value, std::int64_t mantissa, int scale) {
    if (width_ != 8 && scale >= 0 && scale <= scale_ && mantissa > -kFastLimit &&
        mantissa < kFastLimit && !(mantissa == 0 && std::signbit(value))) {
      // Below 2^30 after scaling, push_back(value) finds this very mantissa: value × 10^scale_
      // rounds to it, it divides back to value, and it passes that function's range test.
      const std::int64_t m = mantissa * kIntPowers[scale_ - scale];
      if (m > -kFastLimit && m < kFastLimit && push_fitting(m)) return;
    }
    push_back(value);
  }
  /// Appends `n` rows laid out as this class stores them (see decode()): copied as they are
  /// when the layout is this column's, else pushed back one at a time. The same rows either way.
  void append(const std::uint8_t* data, std::uint8_t width, std::uint8_t scale, std::size_t n);
  /// Replaces the value at row i.
  void set(std::size_t i, double value);
  /// Grows to n rows, new rows holding `fill`.
  void resize(std::size_t n, double fill);
  /// Rows.
  std::size_t size() const { return data_.size() >> std::countr_zero(width_); }  // no division
  /// Makes room for n rows at the current width.
  void reserve(std::size_t n) { data_.reserve(n * width_); }
  /// Bytes held.
  std::size_t bytes() const { return data_.capacity(); }
  /// True when some row holds a number (not NaN).
  bool any_number() const;

 private:
  static constexpr double kPowers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  static constexpr std::int64_t kIntPowers[] = {1,      10,      100,      1000,      10000,
                                                100000, 1000000, 10000000, 100000000, 1000000000};
  static constexpr std::int64_t kFastLimit = std::int64_t{1} << 30;
  static constexpr int kMaxScale = 9;
  // Appends mantissa m (exact at scale_) when it fits the width; false (nothing appended) when not.
  bool push_fitting(std::int64_t m) {
    const std::int64_t abs = m < 0 ? -m : m;
    if (abs >= -none_for(width_)) return false;  // the width's minimum stands for "none"
    max_abs_ = std::max(max_abs_, abs);
    write_at(data_.grow(width_), width_, m);
    return true;
  }
  template <typename T>
  static T load(const std::uint8_t* data, std::size_t i) {
    T value;
    std::memcpy(&value, data + i * sizeof(T), sizeof(T));
    return value;
  }
  // The integer stored at row i of rows `width` (1, 2 or 4) bytes wide.
  static std::int64_t mantissa_at(const std::uint8_t* data, std::uint8_t width, std::size_t i) {
    switch (width) {
      case 1:
        return static_cast<std::int8_t>(data[i]);
      case 2:
        return load<std::int16_t>(data, i);
      default:
        return load<std::int32_t>(data, i);
    }
  }
  static std::int64_t none_for(std::uint8_t width) {
    return width == 1 ? INT8_MIN : width == 2 ? INT16_MIN : INT32_MIN;
  }
  // read() of rows stored as T: decode()'s value of each (T's minimum: none). At scale 0 the
  // division is by 1, which gives the integer itself as decode() does.
  template <typename T>
  void read_scaled(const std::uint8_t* data, std::size_t first, std::size_t last,
                   double* out) const {
    constexpr T kNoMantissa = std::numeric_limits<T>::min();
    constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();
    const double power = kPowers[scale_];
    for (std::size_t i = first; i < last; ++i) {
      const T m = load<T>(data, i);
      *out++ = m == kNoMantissa ? kNoValue : static_cast<double>(m) / power;
    }
  }
  // The mantissa of `value` at `scale`, when it is exactly such a decimal within int32.
  static bool mantissa_of(double value, int scale, std::int64_t& mantissa) {
    if (!(std::fabs(value) < 2147483647.0 / kPowers[scale])) return false;  // NaN too
    if (value == 0 && std::signbit(value)) return false;
    const double scaled = std::nearbyint(value * kPowers[scale]);
    mantissa = static_cast<std::int64_t>(scaled);
    const double back = scale == 0 ? scaled : scaled / kPowers[scale];
    return back == value;
  }
  // Writes `mantissa` as a row `width` (1, 2 or 4) bytes wide at `at`.
  static void write_at(std::uint8_t* at, std::uint8_t width, std::int64_t mantissa) {
    if (width == 1) {
      *at = static_cast<std::uint8_t>(static_cast<std::int8_t>(mantissa));
    } else if (width == 2) {
      const auto narrow = static_cast<std::int16_t>(mantissa);
      std::memcpy(at, &narrow, 2);
    } else {
      const auto narrow = static_cast<std::int32_t>(mantissa);
      std::memcpy(at, &narrow, 4);
    }
  }
  void push_back_slow(double value);  // push_back() when the value needs put()'s care
  // Stores `value` at row i, widening or rescaling the column when it does not fit.
  void put(std::size_t i, double value);
  void write(std::size_t i, std::int64_t mantissa) {
    write_at(data_.data() + i * width_, width_, mantissa);
  }
  void relayout(std::uint8_t width, int scale);  // converts every row (8: doubles)

  ByteArray data_;
  std::uint8_t width_ = 1;    // 1, 2, 4: scaled integers; 8: doubles
  std::uint8_t scale_ = 0;    // power of ten of the integers
  std::int64_t max_abs_ = 0;  // largest |mantissa| stored
};

/// A column whose rows mostly hold one default value (line discounts of 0, line costs that are
/// not given, order lines without a rec_id): one bit per row says which rows differ, and only
/// their values are kept. Rows are appended in order; reading a row is O(1).
template <typename Values, typename Value>
class SparseColumn {
 public:
  /// A column whose absent rows read as `fallback`.
  explicit SparseColumn(Value fallback) : fallback_(fallback) {}
  /// The value at row i.
  Value operator[](std::size_t i) const {
    const std::uint64_t word = bits_[i >> 6];
    const std::uint64_t below = word & ((std::uint64_t{1} << (i & 63)) - 1);
    if (((word >> (i & 63)) & 1) == 0) return fallback_;
    return values_[ranks_[i >> 6] + static_cast<std::size_t>(std::popcount(below))];
  }
  /// True when row i holds a value other than the default.
  bool has(std::size_t i) const { return ((bits_[i >> 6] >> (i & 63)) & 1) != 0; }
  /// Writes rows [first, last) to out, as operator[] would: the default, then a walk over the
  /// range's present rows (no rank computed per row).
  void read(std::size_t first, std::size_t last, Value* out) const {
    std::fill(out, out + (last - first), fallback_);
    if (first >= last) return;
    for (std::size_t w = first >> 6; w <= (last - 1) >> 6; ++w) {
      std::uint64_t word = bits_[w];
      std::size_t rank = ranks_[w];
      const std::size_t base = w * 64;
      if (base < first) {  // the word's rows below `first`: their values come before
        const std::uint64_t below = (std::uint64_t{1} << (first - base)) - 1;
        rank += static_cast<std::size_t>(std::popcount(word & below));
        word &= ~below;
      }
      for (; word != 0; word &= word - 1) {
        const std::size_t i = base + static_cast<std::size_t>(std::countr_zero(word));
        if (i >= last) break;
        out[i - first] = values_[rank++];
      }
    }
  }
  /// Calls visit(i, value) for each row i holding a value other than the default, in order: a
  /// walk over the present rows' bits, not over every row (no rank computed per row).
  template <typename Visit>
  void for_each_present(Visit visit) const {
    std::size_t rank = 0;
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      for (std::uint64_t word = bits_[w]; word != 0; word &= word - 1)
        visit(w * 64 + static_cast<std::size_t>(std::countr_zero(word)), values_[rank++]);
    }
  }
  /// Appends a value.
  void push_back(Value value) {
    if ((size_ & 63) == 0) {
      bits_.push_back(0);
      ranks_.push_back(static_cast<std::uint32_t>(values_.size()));
    }
    if (!same(value, fallback_)) {
      bits_.back() |= std::uint64_t{1} << (size_ & 63);
      if constexpr (std::is_same_v<Values, std::vector<Value>>) make_room(values_, 1);
      values_.push_back(value);
    }
    ++size_;
  }
  /// Rows.
  std::size_t size() const { return size_; }
  /// Rows holding something other than the default.
  std::size_t present() const { return values_.size(); }
  /// Makes room for n rows, and for their values at the share of rows that held one so far.
  void reserve(std::size_t n) {
    bits_.reserve((n + 63) / 64);
    ranks_.reserve((n + 63) / 64);
    if (size_ > 0 && n > size_) {
      const double share = static_cast<double>(values_.size()) / static_cast<double>(size_);
      values_.reserve(static_cast<std::size_t>(share * static_cast<double>(n) * 1.05));
    }
  }
  /// Bytes held.
  std::size_t bytes() const {
    return bits_.capacity() * 8 + ranks_.capacity() * 4 + values_bytes();
  }

 private:
  static bool same(Value a, Value b) {
    if constexpr (std::is_floating_point_v<Value>) {
      return (a != a && b != b) || (a == b && std::signbit(a) == std::signbit(b));
    } else {
      return a == b;
    }
  }
  std::size_t values_bytes() const {
    if constexpr (std::is_same_v<Values, std::vector<Value>>) {
      return values_.capacity() * sizeof(Value);
    } else {
      return values_.bytes();
    }
  }

  Value fallback_;
  std::vector<std::uint64_t> bits_;
  std::vector<std::uint32_t> ranks_;  // values before each 64-row word
  Values values_;
  std::size_t size_ = 0;
};

/// Sparse numbers (see SparseColumn), the present ones stored as a DecimalColumn.
using SparseDecimal = SparseColumn<DecimalColumn, double>;
/// Sparse ids (see SparseColumn), absent = kNoId.
using SparseIds = SparseColumn<IdColumn, std::uint32_t>;

/// Where a stored row came from (file index and 1-based row number).
struct RowOrigin {
  std::uint16_t file = 0;  ///< index into the engine's list of files
  std::uint32_t row = 0;   ///< line number (CSV/NDJSON) or record index (JSON)
};

/// The origins of a table's rows without storing one per row: runs of rows read one after
/// another from one file, and one bit per row saying whether its source row is the next one
/// (1) or the same one (0, several order lines nested in one JSON record). About 1.5 bits a
/// row plus 16 bytes for each break (a new file, a skipped or rejected source row).
class RowOrigins {
 public:
  /// Appends the origin of the next row.
  void push_back(RowOrigin origin);
  /// The origin of row i.
  RowOrigin operator[](std::size_t i) const;
  /// Rows.
  std::size_t size() const { return size_; }
  /// Makes room for n rows.
  void reserve(std::size_t n) {
    steps_.reserve((n + 63) / 64);
    ranks_.reserve((n + 63) / 64);
  }
  /// Bytes held.
  std::size_t bytes() const {
    return steps_.capacity() * 8 + ranks_.capacity() * 4 + runs_.capacity() * sizeof(Run);
  }

 private:
  struct Run {
    std::uint64_t first;  // first row of the run
    std::uint32_t source_row;
    std::uint16_t file;
  };
  std::size_t steps_before(std::size_t i) const;  // 1-bits in rows [0, i)

  std::vector<std::uint64_t> steps_;  // bit per row: source row = previous + 1
  std::vector<std::uint32_t> ranks_;  // 1-bits before each word
  std::vector<Run> runs_;
  std::size_t size_ = 0;
  RowOrigin last_{};
};

}  // namespace basketlift
