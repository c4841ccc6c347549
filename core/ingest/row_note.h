// Remarks on rows that were used, but not exactly as written (they feed the data-gap checks).
#pragma once

#include <cstdint>

namespace basketlift {

/// A remark on a used row. Names are stable report keys.
enum class RowNote : std::uint8_t {
  unparsable_timestamp,     ///< timestamp text that is not a date: the row has no time
  ambiguous_date_order,     ///< a d/m vs m/d date read with the configured order
  time_without_zone,        ///< a date-time without zone, read as UTC
  product_named_by_line,    ///< empty SKU: the product is identified by its line name
  conflicting_order_field,  ///< an order-level field differs between lines of one order
  discount_exceeds_line,    ///< a discount larger than quantity × unit_price
  missing_price,            ///< no unit_price: the line counts for baskets, not money
  unknown_placement,        ///< placement outside the known list (kept as written)
  bundle_without_parts,     ///< a bundle offer whose offered products have no '+'
  duplicate_product,        ///< a product_id already described by an earlier catalogue row
  non_utf8_text,            ///< bytes that are not UTF-8 (kept; shown as U+FFFD in output)
};
/// Number of kinds.
constexpr int kRowNoteCount = static_cast<int>(RowNote::non_utf8_text) + 1;

/// Stable snake_case name ("unparsable_timestamp").
const char* row_note_name(RowNote note);

}  // namespace basketlift
