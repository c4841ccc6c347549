// The compact columnar store that ingestion fills and every analysis reads (SPEC §7, "Memory").
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/interner.h"

namespace basketlift {

/// An absent id (no customer, no rec_id, ...).
constexpr std::uint32_t kNoId = std::numeric_limits<std::uint32_t>::max();
/// An absent timestamp.
constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();
/// An absent number.
constexpr double kNoNumber = std::numeric_limits<double>::quiet_NaN();

/// Where a stored row came from: the input file's index and its 1-based row number.
struct RowOrigin {
  std::uint16_t file = 0;  ///< index into the engine's list of files
  std::uint32_t row = 0;   ///< line number (CSV/NDJSON) or record index (JSON)
};

/// Interned strings, one pool per kind of identifier so each kind gets dense ids.
struct Pools {
  Interner orders;     ///< order_id → order index
  Interner products;   ///< product_id (and bundle parts) → product index
  Interner sessions;   ///< session_id → session index
  Interner customers;  ///< customer_id → customer index
  Interner recs;       ///< rec_id → offer index
  Interner labels;     ///< channel, variant, segment, currency, placement, category, status, ...
  Interner texts;      ///< product names
};

/// What became of an order in the merchant's system (Shopify financial status and cancellation).
enum class OrderStatus : std::uint8_t { sale, cancelled, refunded };

/// Per-order columns, indexed by order index (Pools::orders). Order-level fields of several
/// lines of one order are merged: the first non-empty value wins.
struct OrderColumns {
  std::vector<std::int64_t> time;         ///< epoch seconds or kNoTime
  std::vector<std::uint32_t> customer;    ///< Pools::customers id or kNoId
  std::vector<std::uint32_t> session;     ///< Pools::sessions id or kNoId
  std::vector<std::uint32_t> channel;     ///< Pools::labels id or kNoId
  std::vector<std::uint32_t> variant;     ///< Pools::labels id or kNoId
  std::vector<std::uint32_t> segment;     ///< Pools::labels id or kNoId
  std::vector<std::uint32_t> currency;    ///< Pools::labels id or kNoId
  std::vector<double> order_discount;     ///< order-level discount (Shopify), or NaN
  std::vector<double> refunded_amount;    ///< refunded total (Shopify), or NaN
  std::vector<OrderStatus> status;        ///< sale unless the export says otherwise
  std::vector<std::uint32_t> line_count;  ///< stored lines (0: the id came only from offers)
  std::vector<RowOrigin> origin;          ///< first row that mentioned the order

  /// Number of order slots (some may have no lines).
  std::size_t size() const { return time.size(); }
  /// Grows every column so `index` is valid.
  void ensure(std::uint32_t index);
};

/// Order-line columns, one entry per stored line.
struct LineColumns {
  std::vector<std::uint32_t> order;    ///< order index
  std::vector<std::uint32_t> product;  ///< product index
  std::vector<std::uint32_t> rec;      ///< Pools::recs id or kNoId (organic)
  std::vector<double> quantity;        ///< > 0
  std::vector<double> unit_price;      ///< >= 0 or NaN when not given
  std::vector<double> discount;        ///< >= 0 (0 when not given)
  std::vector<double> unit_cost;       ///< line-level cost override or NaN
  std::vector<RowOrigin> origin;       ///< file and row

  /// Number of lines.
  std::size_t size() const { return order.size(); }
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

/// Kind of offer (SPEC §1).
enum class OfferType : std::uint8_t { cross_sell, upsell, bundle };
/// Stable name of an offer type ("cross_sell").
const char* offer_type_name(OfferType type);
/// The offer type of a stable name: exactly "cross_sell", "upsell" or "bundle".
std::optional<OfferType> offer_type_from_name(std::string_view name);

/// Offer impressions, one entry per impression row.
struct ImpressionColumns {
  std::vector<std::uint32_t> rec;           ///< Pools::recs id
  std::vector<OfferType> type;              ///< offer type
  std::vector<std::uint32_t> placement;     ///< Pools::labels id
  std::vector<std::uint32_t> anchor;        ///< product index or kNoId
  std::vector<std::uint32_t> offered;       ///< product index of the (first) offered product
  std::vector<std::uint32_t> bundle_begin;  ///< range in bundle_parts for bundles (else empty)
  std::vector<std::uint32_t> bundle_end;    ///< end of that range
  std::vector<std::uint32_t> bundle_parts;  ///< product indexes of bundle items, back to back
  std::vector<double> offered_price;        ///< shown price or NaN (catalogue price applies)
  std::vector<std::uint32_t> session;       ///< Pools::sessions id or kNoId
  std::vector<std::uint32_t> order;         ///< Pools::orders id or kNoId
  std::vector<std::uint32_t> customer;      ///< Pools::customers id or kNoId
  std::vector<std::int64_t> time;           ///< epoch seconds or kNoTime
  std::vector<std::uint32_t> variant;       ///< Pools::labels id or kNoId
  std::vector<std::int8_t> accepted;        ///< 1, 0, or -1 when not given (derived later)
  std::vector<RowOrigin> origin;            ///< file and row

  /// Number of impressions.
  std::size_t size() const { return rec.size(); }
};

/// Session rows, one entry per session row (a repeated session_id is a data gap).
struct SessionColumns {
  std::vector<std::uint32_t> session;   ///< Pools::sessions id
  std::vector<std::uint32_t> variant;   ///< Pools::labels id or kNoId (untagged)
  std::vector<std::int64_t> time;       ///< epoch seconds or kNoTime
  std::vector<std::uint32_t> customer;  ///< Pools::customers id or kNoId
  std::vector<std::uint32_t> channel;   ///< Pools::labels id or kNoId
  std::vector<std::uint32_t> segment;   ///< Pools::labels id or kNoId
  std::vector<std::int8_t> converted;   ///< 1, 0, or -1 when not given (derived later)
  std::vector<RowOrigin> origin;        ///< file and row

  /// Number of session rows.
  std::size_t size() const { return session.size(); }
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
  std::vector<std::uint32_t> session_row;      ///< Pools::sessions id → sessions row or kNoId
  std::vector<IntendedOffer> intended_offers;  ///< offers configured in the shop's catalogue

  /// Bytes of memory the store holds (capacity of every column and pool).
  std::size_t bytes() const;
};

}  // namespace basketlift
