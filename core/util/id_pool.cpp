#include "util/id_pool.h"

#include <algorithm>
#include <bit>

#include "util/hash.h"

namespace basketlift {

namespace {

constexpr std::size_t kMaxDigits = 18;  // 10^18 < 2^63: numbers never collide with kTextKey
constexpr std::size_t kMaxPrefix = 32;
// A direct table may span this many slots per stored number, in halves (plus a fixed
// allowance): 2.5, so that customers numbered as they first come (2.32 numbers apart in the
// generator's stores; returning customers in no order) keep a direct table, one cache miss a
// lookup; at 2 its table grew to the limit and turned hashed at 92% of the 1M-order file.
constexpr std::uint64_t kDirectHalfSlotsPerId = 5;
constexpr std::uint64_t kDirectAllowance = 1 << 16;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Appends `number` in decimal, zero-padded to `width` digits.
void append_digits(std::uint64_t number, std::uint8_t width, std::string& out) {
  char digits[24];
  int n = 0;
  for (std::uint64_t rest = number; n == 0 || rest > 0; rest /= 10)
    digits[n++] = static_cast<char>('0' + rest % 10);
  for (int pad = n; pad < width; ++pad)
    out += '0';
  while (n > 0)
    out += digits[--n];
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

IdPool::Probe IdPool::probe_of(std::uint64_t number) const {
  // Numbers of one block of kBlockNumbers consecutive ones start at consecutive slots from a
  // hashed place: ids that arrive in rising order (sessions and customers numbered as they
  // come) touch the table a cache line at a time instead of at a random slot each.
  const std::uint64_t hash = mix64(number / kBlockNumbers);
  const std::size_t within = static_cast<std::size_t>(number % kBlockNumbers);
  std::size_t slot = static_cast<std::size_t>(((hash >> 32) * slots_.size()) >> 32) + within;
  if (slot >= slots_.size()) slot -= slots_.size();
  // The fingerprint: low bits of the block's hash (independent of the high bits that place
  // the block) plus the place in the block, so numbers of one block never share it.
  const std::uint32_t print =
      static_cast<std::uint32_t>(hash + within) & ((std::uint32_t{1} << print_bits_) - 1);
  return {slot, print};
}

std::uint32_t IdPool::sorted_id_of(std::uint64_t number) const {
  if (numbered_ == 0 || number < lowest_ || number > highest_) return kAbsent;
  if (wide_) {
    const auto at = std::lower_bound(keys64_.begin(), keys64_.end(), number);
    return at != keys64_.end() && *at == number ? static_cast<std::uint32_t>(at - keys64_.begin())
                                                : kAbsent;
  }
  const auto narrow = static_cast<std::uint32_t>(number);  // below highest_, so it fits
  const auto at = std::lower_bound(keys32_.begin(), keys32_.end(), narrow);
  return at != keys32_.end() && *at == narrow ? static_cast<std::uint32_t>(at - keys32_.begin())
                                              : kAbsent;
}

void IdPool::leave_sorted() {
  sorted_ = false;
  if (numbered_ == 0) return;
  if (fits_direct(lowest_, highest_ + 1)) {
    to_direct(lowest_, highest_ + 1);
    if (reserved_ > numbered_) direct_.reserve(projected_direct_slots(reserved_));
  } else {
    to_hashed();
  }
}

std::uint32_t IdPool::id_of_number(std::uint64_t number) const {
  if (sorted_) return sorted_id_of(number);
  if (!hashed_) {
    if (number < base_ || number - base_ >= direct_.size()) return kAbsent;
    return direct_[number - base_] - 1;  // 0 - 1 == kAbsent
  }
  const Probe probe = probe_of(number);
  const std::uint32_t print = probe.print;
  const std::uint32_t print_mask = (std::uint32_t{1} << print_bits_) - 1;
  for (std::size_t slot = probe.slot;; slot = slot + 1 == slots_.size() ? 0 : slot + 1) {
    const std::uint32_t entry = slots_[slot];
    if (entry == 0) return kAbsent;
    // Only a slot whose fingerprint matches costs a look at the id's key.
    if ((entry & print_mask) == print) {
      const std::uint32_t id = (entry >> print_bits_) - 1;
      if (key(id) == number) return id;
    }
  }
}

bool IdPool::outgrows_direct(std::uint64_t number) const {
  // Only with an announcement to project to, enough ids to judge from, and numbers that come
  // in rising order (sessions numbered as they happen; customers who come back in no order
  // fill their span early instead).
  if (numbered_ < 4096 || reserved_ <= numbered_) return false;
  if (risen_ < numbered_ - numbered_ / 16) return false;
  const double span = static_cast<double>(std::max(highest_, number) - lowest_ + 1);
  return span / numbered_ * static_cast<double>(reserved_) > static_cast<double>(direct_limit());
}

std::uint64_t IdPool::direct_limit() const {
  // Room for the numbers there are, or for those reserve() announced.
  const std::uint64_t numbers = std::max<std::uint64_t>(numbered_ + 1, reserved_);
  return kDirectHalfSlotsPerId * numbers / 2 + kDirectAllowance;
}

bool IdPool::fits_direct(std::uint64_t low, std::uint64_t high) const {
  return high - low <= direct_limit();
}

void IdPool::index_number(std::uint64_t number, std::uint32_t id) {
  if (!hashed_) {
    if (direct_.empty()) {
      base_ = number;
    } else if (!fits_direct(std::min(base_, number),
                            std::max(base_ + direct_.size(), number + 1))) {
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
    if (number - base_ >= direct_.size() && outgrows_direct(number)) {
      to_hashed();
      return index_number(number, id);
    }
    if (number - base_ >= direct_.size()) {
      // Doubling, but never past the span that still fits: the table turns into a hash table
      // there, and capacity beyond it would only be copied first. The table takes its whole
      // capacity at once (empty slots: absent numbers), not one resize per new number.
      const std::uint64_t size = number - base_ + 1;
      if (size > direct_.capacity()) {
        direct_.reserve(std::max<std::uint64_t>(
            size, std::min<std::uint64_t>(2 * direct_.capacity(), direct_limit())));
      }
      direct_.resize(direct_.capacity(), 0);
    }
    direct_[number - base_] = id + 1;
    return;
  }
  const bool id_fits = (std::uint64_t{id} + 1) >> (32 - print_bits_) == 0;
  if (!id_fits || (std::size_t{numbered_} + 1) * 5 > slots_.size() * 4) {
    // The table must grow: a direct table over the numbers so far is chosen instead when it is
    // no larger (numbers that came sparse at first, then filled in).
    const std::uint64_t low = std::min(lowest_, number);
    const std::uint64_t high = std::max(highest_, number) + 1;
    if (high - low <= grown_slots(numbered_ + 1) && fits_direct(low, high)) {
      to_direct(low, high);
      return index_number(number, id);
    }
    rehash(numbered_ + 1);
  }
  place(number, id);
}

void IdPool::place(std::uint64_t number, std::uint32_t id) {
  const Probe probe = probe_of(number);
  std::size_t slot = probe.slot;
  while (slots_[slot] != 0)
    slot = slot + 1 == slots_.size() ? 0 : slot + 1;
  slots_[slot] = ((id + 1) << print_bits_) | probe.print;
}

void IdPool::to_direct(std::uint64_t low, std::uint64_t high) {
  hashed_ = false;
  slots_ = std::vector<std::uint32_t>();
  base_ = low;
  direct_.assign(high - low, 0);
  for (std::uint32_t id = 0; id < size(); ++id) {
    if ((key(id) & kTextKey) == 0) direct_[key(id) - base_] = id + 1;
  }
}

void IdPool::to_hashed() {
  hashed_ = true;
  direct_ = std::vector<std::uint32_t>();
  // Sized for the ids reserve() announced: growing from here would place every id again at
  // each step (a cache miss each).
  rehash(std::max<std::size_t>(numbered_ + 1, reserved_));
}

std::size_t IdPool::grown_slots(std::size_t numbers) const {
  // Load at most 0.8 before the next growth; grown by 1.5 so growth stays amortised.
  return std::max<std::size_t>({1024, numbers * 4 / 3 + 1, slots_.size() * 3 / 2});
}

void IdPool::rehash(std::size_t numbers) {
  const std::size_t capacity = grown_slots(numbers);
  // A slot holds id + 1 above a fingerprint of the number; the fingerprint takes the bits that
  // twice today's ids leave free (up to 16), so a slot stays four bytes.
  const std::uint64_t id_room = 2 * (std::max<std::uint64_t>(size(), numbers) + 1);
  const int id_bits = std::bit_width(std::min<std::uint64_t>(id_room, 0xFFFFFFFFu));
  print_bits_ = static_cast<std::uint8_t>(std::clamp(32 - id_bits, 0, 16));
  slots_.assign(capacity, 0);
  for (std::uint32_t id = 0; id < size(); ++id) {
    if ((key(id) & kTextKey) == 0) place(key(id), id);
  }
}

void IdPool::push_key(std::uint64_t key) {
  const std::uint64_t low = key & ~kTextKey;
  if (!wide_ && low >= kTextKey32) {  // a number or text id that needs 8 bytes
    keys64_.reserve(std::max(keys32_.capacity(), keys32_.size() + 1));
    for (std::uint32_t id = 0; id < keys32_.size(); ++id)
      keys64_.push_back(this->key(id));
    keys32_ = std::vector<std::uint32_t>();
    wide_ = true;
  }
  if (wide_) {
    keys64_.push_back(key);
  } else {
    keys32_.push_back(static_cast<std::uint32_t>(low) | ((key & kTextKey) != 0 ? kTextKey32 : 0));
  }
}

std::uint32_t IdPool::intern_number(std::uint64_t number) {
  // A number above every one stored is new without a look at any table: orders and sessions
  // numbered as they come are all met so.
  if (numbered_ == 0 || number <= highest_) {
    const std::uint32_t found = id_of_number(number);
    if (found != kAbsent) {
      // Found by binary search: once they are many, a table's single look each is cheaper.
      if (sorted_ && ++sorted_hits_ > kSortedHits + numbered_ / 4) leave_sorted();
      return found;
    }
    if (sorted_ && numbered_ > 0) leave_sorted();  // a new number below the highest
  }
  const std::uint32_t id = size();
  if (!sorted_) index_number(number, id);  // before its key exists, so a rehash places it once
  push_key(number);
  if (numbered_ == 0 || number > highest_) ++risen_;
  lowest_ = numbered_ == 0 ? number : std::min(lowest_, number);
  highest_ = numbered_ == 0 ? number : std::max(highest_, number);
  ++numbered_;
  return id;
}

std::uint32_t IdPool::intern(std::string_view text) {
  if (!decided_) decide_pattern(text);
  if (patterned_) {
    if (const std::optional<std::uint64_t> number = number_of(text)) return intern_number(*number);
  }
  const std::uint32_t before = texts_.size();
  const std::uint32_t text_id = texts_.intern(text);
  if (sorted_ && text_id == before) leave_sorted();  // a text key among the numbers
  if (text_id < before) return text_ids_[text_id];
  const std::uint32_t id = size();
  push_key(kTextKey | text_id);
  text_ids_.push_back(id);
  return id;
}

std::optional<std::uint32_t> IdPool::find(std::string_view text) const {
  if (patterned_) {
    if (const std::optional<std::uint64_t> number = number_of(text)) {
      return find_number(*number);
    }
  }
  const std::optional<std::uint32_t> text_id = texts_.find(text);
  return text_id ? std::optional<std::uint32_t>(text_ids_[*text_id]) : std::nullopt;
}

std::string_view IdPool::view(std::uint32_t id) const {
  const std::uint64_t number = key(id);
  if ((number & kTextKey) != 0) return texts_.view(static_cast<std::uint32_t>(number & ~kTextKey));
  if (const auto at = written_at_.find(id); at != written_at_.end()) return written_[at->second];
  std::string digits = std::to_string(number);
  if (width_ > digits.size()) digits.insert(0, width_ - digits.size(), '0');
  written_.push_back(prefix_ + digits);
  written_at_.emplace(id, written_.size() - 1);
  return written_.back();
}

void IdPool::reserve(std::size_t count) {
  reserved_ = std::max(reserved_, count);
  wide_ ? keys64_.reserve(count) : keys32_.reserve(count);
  if (sorted_) return;  // no table to size: the keys are the index
  if (hashed_ && fits_direct(lowest_, highest_ + 1)) {
    // Numbers sparse for the ids so far are dense for the ids announced (sessions that the
    // orders named here and there, then a sessions file naming them all): a direct table is
    // smaller than the hash table then, and its lookups follow the file.
    to_direct(lowest_, highest_ + 1);
    direct_.reserve(count);
  } else if (hashed_ && count * 5 > slots_.size() * 4) {
    slots_.clear();  // rehash sizes from the count, not from the old table
    rehash(count);
  } else if (!hashed_ && numbered_ > 0) {
    direct_.reserve(projected_direct_slots(count));
  }
}

std::size_t IdPool::projected_direct_slots(std::size_t count) const {
  // The numbers `count` ids would span at today's pace, from the table's base (customers 2.32
  // apart: 2.32 slots an id, not one), when a direct table may span them; else one slot an id.
  // 5% more: a pace a little faster later would otherwise double the table, up to its limit.
  // Only while few of the ids are in (a file's first chunk): a later file announcing ids mostly
  // there already (the sessions file naming the orders' customers) would reserve room for
  // numbers that never come.
  if (std::size_t{numbered_} * 8 >= count) return count;
  const double pace = 1.05 * static_cast<double>(highest_ - lowest_ + 1) / numbered_;
  const double high = static_cast<double>(lowest_) + pace * static_cast<double>(count);
  const double slots = high - static_cast<double>(base_);
  if (!(slots < static_cast<double>(direct_limit()))) return count;
  return std::max(count, static_cast<std::size_t>(slots));
}

void IdPool::make_room(std::size_t extra) {
  // Unlike reserve(), a guess: it does not announce ids (a direct table is not chosen for them).
  const std::size_t needed = std::size_t{size()} + extra;
  const std::size_t grown = std::max(needed, std::size_t{size()} + size() / 2);
  const std::size_t capacity = wide_ ? keys64_.capacity() : keys32_.capacity();
  if (needed > capacity) wide_ ? keys64_.reserve(grown) : keys32_.reserve(grown);
  if (hashed_ && needed * 5 > slots_.size() * 4) rehash(grown);
}

void IdPool::append_text(std::uint32_t id, std::string& out) const {
  const std::uint64_t number = key(id);
  if ((number & kTextKey) != 0) {
    out += texts_.view(static_cast<std::uint32_t>(number & ~kTextKey));
    return;
  }
  out += prefix_;
  append_digits(number, width_, out);
}

void IdPool::append_number(const IdPattern& pattern, std::uint64_t number, std::string& out) {
  out += pattern.prefix;
  append_digits(number, pattern.width, out);
}

std::optional<IdPattern> IdPool::pattern() const {
  if (!patterned_) return std::nullopt;
  return IdPattern{prefix_, width_};
}

std::optional<std::uint64_t> IdPool::number(std::uint32_t id) const {
  const std::uint64_t k = key(id);
  return (k & kTextKey) != 0 ? std::nullopt : std::optional<std::uint64_t>(k);
}

std::size_t IdPool::bytes() const {
  std::size_t written = 0;
  for (const std::string& text : written_)
    written += sizeof(std::string) + text.capacity();
  return keys32_.capacity() * sizeof(std::uint32_t) + keys64_.capacity() * sizeof(std::uint64_t) +
         texts_.bytes() + text_ids_.capacity() * sizeof(std::uint32_t) +
         (direct_.capacity() + slots_.capacity()) * sizeof(std::uint32_t) + written;
}

void IdPool::clear() {
  *this = IdPool();
}

}  // namespace basketlift
