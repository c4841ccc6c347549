// The vocabulary of the inputs (SPEC §2): the four tables, their canonical fields and types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace basketlift {

/// The four input tables.
enum class Table : std::uint8_t { orders, products, offers, sessions };
/// Number of tables.
constexpr int kTableCount = 4;

/// Canonical name of a table ("orders").
const char* table_name(Table table);
/// Parses a canonical table name.
std::optional<Table> parse_table(std::string_view name);

/// How a field's text is converted.
enum class FieldType : std::uint8_t {
  id,         ///< identifier, interned (order_id, product_id, ...)
  label,      ///< low-cardinality text, interned (channel, variant, ...)
  text,       ///< free text (names)
  number,     ///< decimal number
  boolean,    ///< true/false/1/0/yes/no
  timestamp,  ///< ISO 8601 date or date-time
  nested,     ///< JSON array of line objects (orders' `items`)
};

/// Every field Basketlift understands, over all tables. Values are bit positions in masks.
enum class Field : std::uint8_t {
  // orders: order level
  order_id,
  timestamp,
  customer_id,
  session_id,
  channel,
  variant,
  segment,
  currency,
  // orders: line level
  product_id,
  product_name,
  quantity,
  unit_price,
  discount,
  unit_cost,
  rec_id,
  // products
  name,
  category,
  price,
  margin_pct,
  tier,
  // offers
  type,
  placement,
  anchor_product_id,
  offered_product_id,
  offered_price,
  accepted,
  // sessions
  converted,
  // merchant-export fields (Shopify / WooCommerce) with a meaning of their own
  financial_status,
  cancelled_at,
  refunded_amount,
  order_discount,
  compare_at_price,
  vendor,
  tags,
  upsells,
  cross_sells,
  handle,   ///< Shopify product handle: groups a product's variant rows
  option1,  ///< Shopify variant option values (name a variant that has no SKU)
  option2,
  option3,
  // structure
  items,
  ignored,  ///< a column the user mapped to "ignore"
};
/// Number of fields.
constexpr int kFieldCount = static_cast<int>(Field::ignored) + 1;
static_assert(kFieldCount <= 64, "field masks are 64-bit");

/// Bit of a field in a 64-bit field mask.
constexpr std::uint64_t field_bit(Field f) {
  return std::uint64_t{1} << static_cast<int>(f);
}

/// Canonical name of a field ("unit_price").
const char* field_name(Field field);
/// Parses a canonical field name (exact, as written by field_name) or "ignore".
std::optional<Field> parse_field(std::string_view name);
/// Conversion type of a field.
FieldType field_type(Field field);
/// True when the field is per order (the same on every line of an order), false when per line.
bool is_order_level(Field field);

/// Mask of the fields a table can hold.
std::uint64_t table_fields(Table table);
/// Mask of the fields a row of the table must have.
std::uint64_t required_fields(Table table);

/// Header names compare case-insensitively with spaces, underscores, dashes and dots removed:
/// "Unit Price", "unit_price" and "UNIT-PRICE" all become "unitprice".
std::string normalize_header(std::string_view name);

}  // namespace basketlift
