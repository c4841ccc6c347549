// The distinct "shapes" of offer impressions: which offer (rec_id) of which type was shown at
// which placement, against which anchor, offering what at which price. A shop shows the same
// few thousand shapes millions of times, so impressions store a shape id (1-4 bytes) and the
// shapes are kept once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace basketlift {

/// Kind of offer (SPEC §1).
enum class OfferType : std::uint8_t { cross_sell, upsell, bundle };

/// What one impression showed.
struct OfferShape {
  std::uint32_t rec;        ///< Pools::recs id
  OfferType type;           ///< offer type
  std::uint32_t placement;  ///< Pools::labels id
  std::uint32_t anchor;     ///< product index or kNoId
  std::uint32_t offered;    ///< product index of the (first) offered product
  std::uint32_t bundle;     ///< index of its bundle item list (kNoId: not a bundle)
  double offered_price;     ///< shown price or NaN (catalogue price applies)
};

/// The shapes seen so far, each once, in first-seen order; bundle item lists likewise.
class OfferShapes {
 public:
  /// The id of `shape`, adding it when new. `shape.bundle` must come from add_bundle().
  std::uint32_t intern(const OfferShape& shape);
  /// The id of a bundle's item list (product indexes), adding it when new.
  std::uint32_t add_bundle(std::span<const std::uint32_t> items);
  /// The shape of an id.
  const OfferShape& operator[](std::uint32_t id) const { return shapes_[id]; }
  /// The items of a bundle list, as [begin, end) into parts().
  std::pair<std::uint32_t, std::uint32_t> bundle_range(std::uint32_t bundle) const {
    return {bundle_begin_[bundle], bundle_begin_[bundle + 1]};
  }
  /// Every bundle's items, back to back.
  const std::vector<std::uint32_t>& parts() const { return parts_; }
  /// Number of shapes.
  std::size_t size() const { return shapes_.size(); }
  /// Bytes held.
  std::size_t bytes() const;

 private:
  static std::uint64_t hash(const OfferShape& shape);
  static bool same(const OfferShape& a, const OfferShape& b);
  void grow();

  std::vector<OfferShape> shapes_;
  std::vector<std::uint32_t> slots_;  // shape id + 1, 0 when empty; load <= 0.5
  std::vector<std::uint32_t> parts_;
  std::vector<std::uint32_t> bundle_begin_{0};  // bundle → start in parts_ (one past the last)
  std::unordered_multimap<std::uint64_t, std::uint32_t> bundles_by_hash_;
};

}  // namespace basketlift
