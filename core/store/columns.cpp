#include "store/columns.h"

#include <algorithm>

namespace basketlift {

// ---- IdColumn

void IdColumn::grow_to(std::uint32_t id) {
  std::uint8_t width = width_;
  while (id >= max_for(width))
    width = width == 1 ? 2 : 4;
  IdColumn wider;
  wider.width_ = width;
  wider.data_.reserve(std::max(data_.capacity() / width_, size()) * width);
  wider.data_.resize(size() * width);
  for (std::size_t i = 0; i < size(); ++i)
    wider.store(i, (*this)[i]);
  *this = std::move(wider);
}

void IdColumn::resize(std::size_t n, std::uint32_t fill) {
  const std::size_t old = size();
  if (n <= old) {
    data_.resize(n * width_);
    return;
  }
  fit(fill);
  if (fill == 0 || fill == 0xFFFFFFFFu) {  // every byte of such rows is 0x00 or 0xFF
    std::memset(data_.grow((n - old) * width_), fill == 0 ? 0 : 0xFF, (n - old) * width_);
    return;
  }
  data_.resize(n * width_);
  for (std::size_t i = old; i < n; ++i)
    store(i, fill);
}

bool IdColumn::any() const {
  for (std::size_t i = 0; i < size(); ++i)
    if ((*this)[i] != 0xFFFFFFFFu) return true;
  return false;
}

// ---- TimeColumn

bool TimeColumn::fits(std::int64_t time) {
  if (time == kNone) return true;
  if (!based_) {
    based_ = true;
    base_ = time;
  }
  const std::int64_t offset = time - base_;
  return offset > kNone32 && offset <= std::numeric_limits<std::int32_t>::max() &&
         time - base_ == offset;
}

void TimeColumn::to_wide() {
  wide_.reserve(std::max(narrow_data_.capacity(), narrow_data_.size() + 1));
  for (std::size_t i = 0; i < narrow_data_.size(); ++i)
    wide_.push_back((*this)[i]);
  narrow_ = false;
  narrow_data_ = std::vector<std::int32_t>();
}

void TimeColumn::push_back(std::int64_t time) {
  if (narrow_ && !fits(time)) to_wide();
  if (!narrow_) {
    make_room(wide_, 1);
    wide_.push_back(time);
    return;
  }
  make_room(narrow_data_, 1);
  narrow_data_.push_back(time == kNone ? kNone32 : static_cast<std::int32_t>(time - base_));
}

void TimeColumn::set(std::size_t i, std::int64_t time) {
  if (narrow_ && !fits(time)) to_wide();
  if (!narrow_) {
    wide_[i] = time;
    return;
  }
  narrow_data_[i] = time == kNone ? kNone32 : static_cast<std::int32_t>(time - base_);
}

void TimeColumn::resize(std::size_t n) {
  if (narrow_) {
    make_room(narrow_data_, n > size() ? n - size() : 0);
    narrow_data_.resize(n, kNone32);
  } else {
    make_room(wide_, n > size() ? n - size() : 0);
    wide_.resize(n, kNone);
  }
}

// ---- DecimalColumn

void DecimalColumn::relayout(std::uint8_t width, int scale) {
  DecimalColumn other;
  other.width_ = width;
  other.scale_ = static_cast<std::uint8_t>(scale);
  other.data_.reserve(std::max(data_.capacity() / width_, size()) * width);
  other.data_.resize(size() * width);
  for (std::size_t i = 0; i < size(); ++i) {
    const double value = (*this)[i];
    if (width == 8) {
      std::memcpy(other.data_.data() + i * 8, &value, 8);
    } else if (std::isnan(value)) {
      other.write(i, none_for(width));
    } else {
      std::int64_t m = 0;
      mantissa_of(value, scale, m);  // exact: existing rows fit by construction
      other.write(i, m);
    }
  }
  other.max_abs_ = width == 8 ? 0 : max_abs_;
  for (int k = scale_; k < scale && width != 8; ++k)
    other.max_abs_ *= 10;
  *this = std::move(other);
}

void DecimalColumn::put(std::size_t i, double value) {
  if (width_ == 8) {
    std::memcpy(data_.data() + i * 8, &value, 8);
    return;
  }
  if (std::isnan(value)) return write(i, none_for(width_));
  std::int64_t m = 0;
  int scale = scale_;
  while (scale <= kMaxScale && !mantissa_of(value, scale, m))
    ++scale;
  std::int64_t max_abs = max_abs_;
  for (int k = scale_; k < scale && scale <= kMaxScale; ++k)
    max_abs *= 10;
  if (scale > kMaxScale || max_abs >= 2147483647) {
    relayout(8, 0);
    return put(i, value);
  }
  max_abs = std::max(max_abs, m < 0 ? -m : m);
  std::uint8_t width = width_;
  while (max_abs >= -none_for(width))  // the minimum stands for "none"
    width = width == 1 ? 2 : 4;
  if (width != width_ || scale != scale_) relayout(width, scale);
  max_abs_ = max_abs;
  write(i, m);
}

void DecimalColumn::push_back_slow(double value) {
  data_.grow(width_);
  const std::size_t row = size() - 1;
  // put() may relayout; the new row exists at the old width and is carried over as it stands.
  if (width_ != 8) write(row, none_for(width_));
  put(row, value);
}

void DecimalColumn::append(const std::uint8_t* data, std::uint8_t width, std::uint8_t scale,
                           std::size_t n) {
  if (width != width_ || (scale != scale_ && width != 8)) {
    for (std::size_t i = 0; i < n; ++i)
      push_back(decode(data, width, scale, i));
    return;
  }
  if (width != 8) {  // the largest mantissa decides later widenings, as push_back() keeps it
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t m = mantissa_at(data, width, i);
      if (m != none_for(width)) max_abs_ = std::max(max_abs_, m < 0 ? -m : m);
    }
  }
  if (n > 0) std::memcpy(data_.grow(n * width), data, n * width);
}

void DecimalColumn::set(std::size_t i, double value) {
  put(i, value);
}

void DecimalColumn::resize(std::size_t n, double fill) {
  if (std::isnan(fill) && n > size()) {  // "none" rows: written at the width as it stands
    const std::size_t old = size();
    data_.grow((n - old) * width_);
    for (std::size_t i = old; i < n; ++i) {
      if (width_ == 8) {
        std::memcpy(data_.data() + i * 8, &fill, 8);
      } else {
        write(i, none_for(width_));
      }
    }
  }
  while (size() < n)
    push_back(fill);
  if (size() > n) data_.resize(n * width_);
}

bool DecimalColumn::any_number() const {
  for (std::size_t i = 0; i < size(); ++i)
    if (!std::isnan((*this)[i])) return true;
  return false;
}

// ---- RowOrigins

void RowOrigins::push_back(RowOrigin origin) {
  if ((size_ & 63) == 0) {
    ranks_.push_back(static_cast<std::uint32_t>(
        ranks_.empty() ? 0 : ranks_.back() + std::popcount(steps_.back())));
    steps_.push_back(0);
  }
  const bool continues = size_ > 0 && origin.file == last_.file &&
                         (origin.row == last_.row || origin.row == last_.row + 1);
  if (!continues) {
    runs_.push_back({size_, origin.row, origin.file});
  } else if (origin.row == last_.row + 1) {
    steps_.back() |= std::uint64_t{1} << (size_ & 63);
  }
  last_ = origin;
  ++size_;
}

std::size_t RowOrigins::steps_before(std::size_t i) const {
  if ((i & 63) == 0) return i == 0 ? 0 : ranks_[(i >> 6) - 1] + std::popcount(steps_[(i >> 6) - 1]);
  const std::uint64_t below = steps_[i >> 6] & ((std::uint64_t{1} << (i & 63)) - 1);
  return ranks_[i >> 6] + static_cast<std::size_t>(std::popcount(below));
}

RowOrigin RowOrigins::operator[](std::size_t i) const {
  const auto after =
      std::upper_bound(runs_.begin(), runs_.end(), i,
                       [](std::size_t row, const Run& run) { return row < run.first; });
  const Run& run = *(after - 1);
  const std::size_t steps = steps_before(i + 1) - steps_before(run.first + 1);
  return {run.file, static_cast<std::uint32_t>(run.source_row + steps)};
}

}  // namespace basketlift
