// The compact columnar store that ingestion fills and every analysis reads (SPEC §7, "Memory").
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/columns.h"
#include "store/offer_shapes.h"
#include "util/id_pool.h"
#include "util/interner.h"

namespace basketlift {

/// An absent id (no customer, no rec_id, ...).
constexpr std::uint32_t kNoId = std::numeric_limits<std::uint32_t>::max();
/// An absent timestamp.
constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();
/// An absent number.
constexpr double kNoNumber = std::numeric_limits<double>::quiet_NaN();

/// Interned strings, one pool per kind of identifier so each kind gets dense ids.
struct Pools {
  IdPool orders;      ///< order_id → order index
  Interner products;  ///< product_id (and bundle parts) → product index
  IdPool sessions;    ///< session_id → session index
  IdPool customers;   ///< customer_id → customer index
  Interner recs;      ///< rec_id → offer index
  Interner labels;    ///< channel, variant, segment, currency, placement, category, status, ...
  Interner texts;     ///< product names
};

/// What became of an order in the merchant's system (Shopify financial status and cancellation).
enum class OrderStatus : std::uint8_t { sale, cancelled, refunded };

/// Per-order columns, indexed by order index (Pools::orders). Order-level fields of several
/// lines of one order are merged: the first non-empty value wins.
struct OrderColumns {
  TimeColumn time;                  ///< epoch seconds or kNoTime
  IdColumn customer;                ///< Pools::customers id or kNoId
  IdColumn session;                 ///< Pools::sessions id or kNoId
  IdColumn channel;                 ///< Pools::labels id or kNoId
  IdColumn variant;                 ///< Pools::labels id or kNoId
  IdColumn segment;                 ///< Pools::labels id or kNoId
  IdColumn currency;                ///< Pools::labels id or kNoId
  DecimalColumn order_discount;     ///< order-level discount (Shopify), or NaN
  DecimalColumn refunded_amount;    ///< refunded total (Shopify), or NaN
  std::vector<OrderStatus> status;  ///< sale unless the export says otherwise
  IdColumn line_count;              ///< stored lines (0: the id came only from offers)

  /// Number of order slots (some may have no lines).
  std::size_t size() const { return status.size(); }
  /// Grows every column so `index` is valid.
  void ensure(std::uint32_t index);
  /// Makes room for n orders.
  void reserve(std::size_t n);
};

/// Order-line columns, one entry per stored line.
struct LineColumns {
  IdColumn order;                      ///< order index
  IdColumn product;                    ///< product index
  SparseIds rec{kNoId};                ///< Pools::recs id or kNoId (organic)
  DecimalColumn quantity;              ///< > 0
  DecimalColumn unit_price;            ///< >= 0 or NaN when not given
  SparseDecimal discount{0.0};         ///< >= 0 (0 when not given)
  SparseDecimal unit_cost{kNoNumber};  ///< line-level cost override or NaN
  RowOrigins origin;                   ///< file and row

  /// Number of lines.
  std::size_t size() const { return order.size(); }
  /// Makes room for n lines.
  void reserve(std::size_t n);
};

/// Catalogue columns, indexed by product index (Pools::products).
struct ProductColumns {
  std::vector<std::uint8_t> in_catalogue;   ///< 1 when a products row described it
  std::vector<std::uint32_t> name;          ///< Pools::texts id or kNoId
  std::vector<std::uint32_t> category;      ///< full path, Pools::labels id or kNoId
  std::vector<std::uint32_t> top_category;  ///< first path element, Pools::labels id or kNoId
  std::vector<double> price;                ///< list price or NaN
  std::vector<double> unit_cost;            ///< cost or NaN
  std::vector<double> margin_pct;           ///< 0-100 or NaN
  std::vector<double> tier;                 ///< upsell rank or NaN
  std::vector<RowOrigin> origin;            ///< catalogue row (when in_catalogue)

  /// Number of product slots.
  std::size_t size() const { return in_catalogue.size(); }
  /// Grows every column so `index` is valid.
  void ensure(std::uint32_t index);
};

/// Stable name of an offer type ("cross_sell").
const char* offer_type_name(OfferType type);
/// The offer type of a stable name: exactly "cross_sell", "upsell" or "bundle".
std::optional<OfferType> offer_type_from_name(std::string_view name);

/// Offer impressions, one entry per impression row. What was shown is the impression's shape
/// (OfferShapes); the accessors below read its fields.
struct ImpressionColumns {
  IdColumn shape;                     ///< OfferShapes id
  OfferShapes shapes;                 ///< the distinct shapes
  IdColumn session;                   ///< Pools::sessions id or kNoId
  SparseIds order{kNoId};             ///< Pools::orders id or kNoId
  SparseIds customer{kNoId};          ///< Pools::customers id or kNoId
  TimeColumn time;                    ///< epoch seconds or kNoTime
  IdColumn variant;                   ///< Pools::labels id or kNoId
  std::vector<std::int8_t> accepted;  ///< 1, 0, or -1 when not given (derived later)
  RowOrigins origin;                  ///< file and row

  /// Number of impressions.
  std::size_t size() const { return accepted.size(); }
  /// What impression i showed.
  const OfferShape& shape_of(std::size_t i) const { return shapes[shape[i]]; }
  /// Pools::recs id of impression i.
  std::uint32_t rec(std::size_t i) const { return shape_of(i).rec; }
  /// Offer type of impression i.
  OfferType type(std::size_t i) const { return shape_of(i).type; }
  /// Pools::labels id of impression i's placement.
  std::uint32_t placement(std::size_t i) const { return shape_of(i).placement; }
  /// Product index of impression i's anchor, or kNoId.
  std::uint32_t anchor(std::size_t i) const { return shape_of(i).anchor; }
  /// Product index of impression i's (first) offered product.
  std::uint32_t offered(std::size_t i) const { return shape_of(i).offered; }
  /// Price impression i showed, or NaN (the catalogue price applies).
  double offered_price(std::size_t i) const { return shape_of(i).offered_price; }
  /// The bundle items of impression i as [begin, end) in bundle_parts() (empty: not a bundle).
  std::pair<std::uint32_t, std::uint32_t> bundle(std::size_t i) const {
    const std::uint32_t b = shape_of(i).bundle;
    return b == kNoId ? std::pair<std::uint32_t, std::uint32_t>{0, 0} : shapes.bundle_range(b);
  }
  /// Product indexes of every bundle's items (see bundle()).
  const std::vector<std::uint32_t>& bundle_parts() const { return shapes.parts(); }
  /// Makes room for n impressions.
  void reserve(std::size_t n);
};

/// Session rows, one entry per session row (a repeated session_id is a data gap).
struct SessionColumns {
  IdColumn session;                    ///< Pools::sessions id
  IdColumn variant;                    ///< Pools::labels id or kNoId (untagged)
  TimeColumn time;                     ///< epoch seconds or kNoTime
  SparseIds customer{kNoId};           ///< Pools::customers id or kNoId
  IdColumn channel;                    ///< Pools::labels id or kNoId
  IdColumn segment;                    ///< Pools::labels id or kNoId
  std::vector<std::int8_t> converted;  ///< 1, 0, or -1 when not given (derived later)
  RowOrigins origin;                   ///< file and row

  /// Number of session rows.
  std::size_t size() const { return converted.size(); }
  /// Makes room for n sessions.
  void reserve(std::size_t n);
};

/// An offer the merchant configured in the shop (WooCommerce Upsells / Cross-sells columns).
struct IntendedOffer {
  std::uint32_t anchor;   ///< product index
  std::uint32_t offered;  ///< product index
  OfferType type;         ///< upsell or cross_sell
};

/// Everything ingested: the pools and the four tables' columns.
struct Store {
  Pools pools;                                 ///< interned strings
  OrderColumns orders;                         ///< per order
  LineColumns lines;                           ///< per order line
  ProductColumns products;                     ///< per product
  ImpressionColumns impressions;               ///< per offer impression
  SessionColumns sessions;                     ///< per session row
  IdColumn session_row;                        ///< Pools::sessions id → sessions row or kNoId
  std::vector<IntendedOffer> intended_offers;  ///< offers configured in the shop's catalogue

  /// Bytes of memory the store holds (capacity of every column and pool).
  std::size_t bytes() const;
};

}  // namespace basketlift
