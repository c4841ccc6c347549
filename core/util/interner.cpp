#include "util/interner.h"

#include "util/hash.h"

namespace basketlift {

std::size_t Interner::slot_of(std::string_view text, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash & mask;
  while (true) {
    const std::uint32_t entry = slots_[slot];
    if (entry == 0) return slot;
    const std::uint32_t id = entry - 1;
    if (hashes_[id] == hash && view(id) == text) return slot;
    slot = (slot + 1) & mask;
  }
}

void Interner::grow() {
  const std::size_t capacity = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(capacity, 0);
  const std::size_t mask = capacity - 1;
  for (std::uint32_t id = 0; id < size(); ++id) {
    std::size_t slot = hashes_[id] & mask;
    while (slots_[slot] != 0)
      slot = (slot + 1) & mask;
    slots_[slot] = id + 1;
  }
}

std::uint32_t Interner::intern(std::string_view text) {
  if ((size() + 1) * 2 > slots_.size()) grow();  // keep the load factor at or under 1/2
  const auto hash = static_cast<std::uint32_t>(hash_bytes(text));
  const std::size_t slot = slot_of(text, hash);
  if (slots_[slot] != 0) return slots_[slot] - 1;
  const std::uint32_t id = size();
  chars_.insert(chars_.end(), text.begin(), text.end());
  offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
  hashes_.push_back(hash);
  slots_[slot] = id + 1;
  return id;
}

std::optional<std::uint32_t> Interner::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  const auto hash = static_cast<std::uint32_t>(hash_bytes(text));
  const std::uint32_t entry = slots_[slot_of(text, hash)];
  if (entry == 0) return std::nullopt;
  return entry - 1;
}

std::size_t Interner::bytes() const {
  return chars_.capacity() + (offsets_.capacity() + hashes_.capacity() + slots_.capacity()) * 4;
}

void Interner::clear() {
  *this = Interner();
}

}  // namespace basketlift
