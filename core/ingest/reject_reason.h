// Why a row was not used: the keys of `rejected_by_reason` in the report.
#pragma once

#include <cstdint>

namespace basketlift {

/// Why a row was rejected. Names are stable report keys.
enum class RejectReason : std::uint8_t {
  invalid_json,            ///< the line or record is not valid JSON
  not_an_object,           ///< a JSON line or array element that is not an object
  invalid_utf8,            ///< text that is not UTF-8
  field_count_mismatch,    ///< a CSV row with more or fewer fields than the header
  unterminated_quote,      ///< a CSV quoted field still open at the end of the file
  record_too_long,         ///< a single row larger than the configured limit
  missing_required_field,  ///< a required field is empty or absent
  invalid_number,          ///< a number field holds text that is not a number
  negative_number,         ///< a price, cost or discount below zero
  non_positive_quantity,   ///< quantity zero or negative (a return or an invalid line)
  invalid_boolean,         ///< a boolean field that is not true/false/1/0/yes/no
  invalid_offer_type,      ///< offer type other than cross_sell, upsell, bundle
  out_of_range,            ///< a number outside its allowed range (e.g. margin_pct > 100)
  nested_value,            ///< an object or array where a single value belongs
  order_without_items,     ///< a JSON order whose `items` array is empty
  cancelled_order,         ///< a line of a cancelled order (kept apart from sales)
  refunded_order,          ///< a line of a fully refunded order (kept apart from sales)
  duplicate_session,       ///< a session_id already given by an earlier sessions row
  not_a_product_row,       ///< a Shopify image row: no variant, nothing to read
};
/// Number of reasons.
constexpr int kRejectReasonCount = static_cast<int>(RejectReason::not_a_product_row) + 1;

/// Stable snake_case name ("invalid_number").
const char* reject_reason_name(RejectReason reason);
/// A short sentence for a person ("not a number").
const char* reject_reason_text(RejectReason reason);

}  // namespace basketlift
