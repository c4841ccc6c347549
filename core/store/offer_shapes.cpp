#include "store/offer_shapes.h"

#include <algorithm>
#include <cstring>

#include "util/hash.h"

namespace basketlift {

std::uint64_t OfferShapes::hash(const OfferShape& s) {
  std::uint64_t price_bits;
  std::memcpy(&price_bits, &s.offered_price, sizeof price_bits);
  std::uint64_t h = hash_combine(s.rec, static_cast<std::uint64_t>(s.type) << 32 | s.placement);
  h = hash_combine(h, std::uint64_t{s.anchor} << 32 | s.offered);
  return hash_combine(hash_combine(h, s.bundle), price_bits);
}

bool OfferShapes::same(const OfferShape& a, const OfferShape& b) {
  return a.rec == b.rec && a.type == b.type && a.placement == b.placement && a.anchor == b.anchor &&
         a.offered == b.offered && a.bundle == b.bundle &&
         std::memcmp(&a.offered_price, &b.offered_price, sizeof(double)) == 0;
}

void OfferShapes::grow() {
  slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t id = 0; id < shapes_.size(); ++id) {
    std::size_t slot = hash(shapes_[id]) & mask;
    while (slots_[slot] != 0)
      slot = (slot + 1) & mask;
    slots_[slot] = id + 1;
  }
}

std::uint32_t OfferShapes::intern(const OfferShape& shape) {
  if ((shapes_.size() + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash(shape) & mask;
  for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (same(shapes_[slots_[slot] - 1], shape)) return slots_[slot] - 1;
  }
  const auto id = static_cast<std::uint32_t>(shapes_.size());
  shapes_.push_back(shape);
  slots_[slot] = id + 1;
  return id;
}

std::uint32_t OfferShapes::add_bundle(std::span<const std::uint32_t> items) {
  std::uint64_t h = items.size();
  for (std::uint32_t item : items)
    h = hash_combine(h, item);
  const auto [first, last] = bundles_by_hash_.equal_range(h);
  for (auto it = first; it != last; ++it) {
    const auto [begin, end] = bundle_range(it->second);
    if (std::equal(parts_.begin() + begin, parts_.begin() + end, items.begin(), items.end()))
      return it->second;
  }
  parts_.insert(parts_.end(), items.begin(), items.end());
  bundle_begin_.push_back(static_cast<std::uint32_t>(parts_.size()));
  const auto id = static_cast<std::uint32_t>(bundle_begin_.size() - 2);
  bundles_by_hash_.emplace(h, id);
  return id;
}

std::size_t OfferShapes::bytes() const {
  return shapes_.capacity() * sizeof(OfferShape) +
         (slots_.capacity() + parts_.capacity() + bundle_begin_.capacity()) *
             sizeof(std::uint32_t) +
         bundles_by_hash_.size() * 32;
}

}  // namespace basketlift
