#include "util/id_pool.h"

#include <algorithm>

#include "util/hash.h"

namespace basketlift {

namespace {

constexpr std::size_t kMaxDigits = 18;  // 10^18 < 2^63: numbers never collide with kTextKey
constexpr std::size_t kMaxPrefix = 32;
// A direct table may span this many slots per stored number (plus a fixed allowance).
constexpr std::uint64_t kDirectSlotsPerId = 4;
constexpr std::uint64_t kDirectAllowance = 1 << 16;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

bool IdPool::decide_pattern(std::string_view text) {
  decided_ = true;
  std::size_t digits = 0;
  while (digits < text.size() && is_digit(text[text.size() - 1 - digits]))
    ++digits;
  const std::size_t prefix = text.size() - digits;
  if (digits == 0 || digits > kMaxDigits || prefix > kMaxPrefix) return false;
  patterned_ = true;
  prefix_.assign(text.data(), prefix);
  width_ = digits > 1 && text[prefix] == '0' ? static_cast<std::uint8_t>(digits) : 0;
  return true;
}

std::optional<std::uint64_t> IdPool::number_of(std::string_view text) const {
  const std::size_t p = prefix_.size();
  if (text.size() <= p || text.size() - p > kMaxDigits || text.compare(0, p, prefix_) != 0) {
    return std::nullopt;
  }
  const std::size_t digits = text.size() - p;
  if (width_ != 0 ? digits != width_ : (digits > 1 && text[p] == '0')) return std::nullopt;
  std::uint64_t number = 0;
  for (std::size_t i = p; i < text.size(); ++i) {
    if (!is_digit(text[i])) return std::nullopt;
    number = number * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  return number;
}

std::uint32_t IdPool::find_number(std::uint64_t number) const {
  if (!hashed_) {
    if (number < base_ || number - base_ >= direct_.size()) return kAbsent;
    return direct_[number - base_] - 1;  // 0 - 1 == kAbsent
  }
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = mix64(number) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t entry = slots_[slot];
    if (entry == 0) return kAbsent;
    if (keys_[entry - 1] == number) return entry - 1;
  }
}

bool IdPool::fits_direct(std::uint64_t number) const {
  const std::uint64_t low = direct_.empty() ? number : std::min(base_, number);
  const std::uint64_t high =
      direct_.empty() ? number + 1 : std::max(base_ + direct_.size(), number + 1);
  return high - low <= kDirectSlotsPerId * (std::uint64_t{numbered_} + 1) + kDirectAllowance;
}

void IdPool::index_number(std::uint64_t number, std::uint32_t id) {
  if (!hashed_) {
    if (direct_.empty()) {
      base_ = number;
    } else if (!fits_direct(number)) {
      to_hashed();
      return index_number(number, id);
    }
    if (number < base_) {
      // Shift the table up, leaving room below for more numbers under the new one.
      const std::uint64_t room = std::min<std::uint64_t>(number, direct_.size() / 2);
      const std::uint64_t shift = base_ - number + room;
      direct_.insert(direct_.begin(), shift, 0);
      base_ = number - room;
    }
    if (number - base_ >= direct_.size()) direct_.resize(number - base_ + 1, 0);
    direct_[number - base_] = id + 1;
    return;
  }
  if ((std::size_t{numbered_} + 1) * 2 > slots_.size()) grow_hashed();
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = mix64(number) & mask;
  while (slots_[slot] != 0)
    slot = (slot + 1) & mask;
  slots_[slot] = id + 1;
}

void IdPool::to_hashed() {
  hashed_ = true;
  direct_ = std::vector<std::uint32_t>();
  grow_hashed();
}

void IdPool::grow_hashed() {
  std::size_t capacity = std::max<std::size_t>(slots_.size() * 2, 1024);
  while (capacity < (std::size_t{numbered_} + 1) * 2)
    capacity *= 2;
  slots_.assign(capacity, 0);
  const std::size_t mask = capacity - 1;
  for (std::uint32_t id = 0; id < keys_.size(); ++id) {
    if ((keys_[id] & kTextKey) != 0) continue;
    std::size_t slot = mix64(keys_[id]) & mask;
    while (slots_[slot] != 0)
      slot = (slot + 1) & mask;
    slots_[slot] = id + 1;
  }
}

std::uint32_t IdPool::intern(std::string_view text) {
  if (!decided_) decide_pattern(text);
  if (patterned_) {
    if (const std::optional<std::uint64_t> number = number_of(text)) {
      const std::uint32_t found = find_number(*number);
      if (found != kAbsent) return found;
      const std::uint32_t id = size();
      keys_.push_back(*number);
      index_number(*number, id);
      ++numbered_;
      return id;
    }
  }
  const std::uint32_t before = texts_.size();
  const std::uint32_t text_id = texts_.intern(text);
  if (text_id < before) return text_ids_[text_id];
  const std::uint32_t id = size();
  keys_.push_back(kTextKey | text_id);
  text_ids_.push_back(id);
  return id;
}

std::optional<std::uint32_t> IdPool::find(std::string_view text) const {
  if (patterned_) {
    if (const std::optional<std::uint64_t> number = number_of(text)) {
      const std::uint32_t found = find_number(*number);
      return found == kAbsent ? std::nullopt : std::optional<std::uint32_t>(found);
    }
  }
  const std::optional<std::uint32_t> text_id = texts_.find(text);
  return text_id ? std::optional<std::uint32_t>(text_ids_[*text_id]) : std::nullopt;
}

std::string_view IdPool::view(std::uint32_t id) const {
  const std::uint64_t key = keys_[id];
  if ((key & kTextKey) != 0) return texts_.view(static_cast<std::uint32_t>(key & ~kTextKey));
  if (const auto at = written_at_.find(id); at != written_at_.end()) return written_[at->second];
  std::string digits = std::to_string(key);
  if (width_ > digits.size()) digits.insert(0, width_ - digits.size(), '0');
  written_.push_back(prefix_ + digits);
  written_at_.emplace(id, written_.size() - 1);
  return written_.back();
}

std::size_t IdPool::bytes() const {
  std::size_t written = 0;
  for (const std::string& text : written_)
    written += sizeof(std::string) + text.capacity();
  return keys_.capacity() * sizeof(std::uint64_t) + texts_.bytes() +
         text_ids_.capacity() * sizeof(std::uint32_t) +
         (direct_.capacity() + slots_.capacity()) * sizeof(std::uint32_t) + written;
}

void IdPool::clear() {
  *this = IdPool();
}

}  // namespace basketlift
