#include "ingest/reject_reason.h"

namespace basketlift {

namespace {

struct ReasonInfo {
  const char* name;
  const char* text;
};

constexpr ReasonInfo kReasons[kRejectReasonCount] = {
    {"invalid_json", "not valid JSON"},
    {"not_an_object", "not a JSON object"},
    {"invalid_utf8", "text is not valid UTF-8"},
    {"field_count_mismatch", "number of fields differs from the header"},
    {"unterminated_quote", "a quoted field is not closed before the end of the file"},
    {"record_too_long", "row is longer than 4 MB"},
    {"missing_required_field", "required value is missing"},
    {"invalid_number", "not a number"},
    {"negative_number", "negative value where only zero or more is allowed"},
    {"non_positive_quantity", "quantity is zero or negative (a return or an invalid line)"},
    {"invalid_boolean", "not true/false/1/0/yes/no"},
    {"invalid_offer_type", "offer type is not cross_sell, upsell or bundle"},
    {"out_of_range", "value outside its allowed range"},
    {"nested_value", "an object or array where a single value belongs"},
    {"order_without_items", "order has an empty items list"},
    {"cancelled_order", "order was cancelled: kept apart from sales"},
    {"refunded_order", "order was refunded: kept apart from sales"},
    {"duplicate_session", "session_id already given by an earlier row (the first is kept)"},
    {"not_a_product_row", "an image row of a product export: no variant to read"},
};

}  // namespace

const char* reject_reason_name(RejectReason reason) {
  return kReasons[static_cast<int>(reason)].name;
}

const char* reject_reason_text(RejectReason reason) {
  return kReasons[static_cast<int>(reason)].text;
}

}  // namespace basketlift
