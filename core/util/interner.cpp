#include "util/interner.h"

#include "util/hash.h"

namespace basketlift {

std::size_t Interner::slot_of(std::string_view text, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash & mask;
  while (true) {
    const Slot& candidate = slots_[slot];
    if (candidate.entry_plus_one == 0) return slot;
    if (candidate.hash == hash) {
      const char* entry = chars_.data() + candidate.entry_plus_one - 1;
      if (load32(entry + 4) == text.size() &&
          same_bytes(entry + kHeader, text.data(), text.size())) {
        return slot;
      }
    }
    slot = (slot + 1) & mask;
  }
}

void Interner::grow() {
  const std::size_t capacity = slots_.empty() ? 64 : slots_.size() * 2;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{0, 0});
  const std::size_t mask = capacity - 1;
  for (const Slot& candidate : old) {
    if (candidate.entry_plus_one == 0) continue;
    std::size_t slot = candidate.hash & mask;
    while (slots_[slot].entry_plus_one != 0)
      slot = (slot + 1) & mask;
    slots_[slot] = candidate;
  }
}

std::uint32_t Interner::intern(std::string_view text) {
  if ((std::size_t{size()} + 1) * 10 > slots_.size() * 7) grow();
  const auto hash = static_cast<std::uint32_t>(hash_bytes(text));
  const std::size_t slot = slot_of(text, hash);
  if (slots_[slot].entry_plus_one != 0)
    return load32(chars_.data() + slots_[slot].entry_plus_one - 1);
  const std::uint32_t id = size();
  const auto offset = static_cast<std::uint32_t>(chars_.size());
  const auto length = static_cast<std::uint32_t>(text.size());
  chars_.resize(chars_.size() + kHeader + text.size());
  char* entry = chars_.data() + offset;
  std::memcpy(entry, &id, 4);
  std::memcpy(entry + 4, &length, 4);
  copy_bytes(entry + kHeader, text.data(), text.size());
  entries_.push_back(offset);
  slots_[slot] = {offset + 1, hash};
  return id;
}

std::optional<std::uint32_t> Interner::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  const auto hash = static_cast<std::uint32_t>(hash_bytes(text));
  const Slot& found = slots_[slot_of(text, hash)];
  if (found.entry_plus_one == 0) return std::nullopt;
  return load32(chars_.data() + found.entry_plus_one - 1);
}

std::size_t Interner::bytes() const {
  return chars_.capacity() + entries_.capacity() * sizeof(std::uint32_t) +
         slots_.capacity() * sizeof(Slot);
}

void Interner::clear() {
  *this = Interner();
}

}  // namespace basketlift
