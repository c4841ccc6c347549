// A growable byte buffer that always has readable padding after its end (for simdjson).
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace basketlift {

/// Bytes plus `kPadding` zeroed, allocated bytes after size() (simdjson reads up to
/// SIMDJSON_PADDING = 64 bytes past the end of its input). Unlike std::vector it never
/// zero-fills bytes that are about to be overwritten.
class PaddedBuffer {
 public:
  /// Bytes kept readable after the end.
  static constexpr std::size_t kPadding = 64;

  /// Appends bytes.
  void append(const char* data, std::size_t length) {
    if (length == 0) return;  // nothing to copy, and an empty buffer has no padding yet
    reserve(size_ + length);
    std::memcpy(data_.get() + size_, data, length);
    size_ += length;
    std::memset(data_.get() + size_, 0, kPadding);
  }
  /// Drops the first `count` bytes, moving the rest to the front.
  void erase_front(std::size_t count) {
    std::memmove(data_.get(), data_.get() + count, size_ - count);
    size_ -= count;
    if (data_) std::memset(data_.get() + size_, 0, kPadding);
  }
  /// Makes room for `capacity` bytes plus padding.
  void reserve(std::size_t capacity) {
    if (capacity <= capacity_) return;
    const std::size_t grown = capacity_ * 3 / 2 > capacity ? capacity_ * 3 / 2 : capacity;
    std::unique_ptr<char[]> bigger(new char[grown + kPadding]);
    if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
    std::memset(bigger.get() + size_, 0, kPadding);
    data_ = std::move(bigger);
    capacity_ = grown;
  }
  /// Empties the buffer, keeping its memory.
  void reset() { size_ = 0; }
  /// Releases the memory.
  void clear() {
    data_.reset();
    size_ = capacity_ = 0;
  }
  /// First byte (padding follows the last).
  const char* data() const { return data_.get(); }
  /// Number of bytes held.
  std::size_t size() const { return size_; }
  /// Bytes allocated, excluding the padding.
  std::size_t capacity() const { return capacity_; }
  /// The bytes as a view.
  std::string_view view() const { return {data_.get(), size_}; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace basketlift
