#include "sample/ga4_writer.h"

#include "sample/row_writer.h"
#include "util/json_writer.h"

namespace basketlift::sample {

namespace {

// A JSON string, or null when `text` is empty.
void string_or_null(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += "null";
    return;
  }
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

// One event parameter: {"key": ..., "value": {string_value, int_value, ...}}.
void param(std::string& out, std::string_view key, std::string_view text,
           std::string_view integer) {
  out += "{\"key\":\"";
  out += key;
  out += "\",\"value\":{\"string_value\":";
  string_or_null(out, text);
  out += ",\"int_value\":";
  string_or_null(out, integer);
  out += ",\"float_value\":null,\"double_value\":null}}";
}

}  // namespace

void append_ga4_event(std::string& out, const Ga4Event& event) {
  std::string day;
  append_iso_time(day, event.micros / 1000000);  // 2024-01-05T...
  out += "{\"event_date\":\"";
  out.append(day, 0, 4).append(day, 5, 2).append(day, 8, 2);
  out += "\",\"event_timestamp\":\"" + std::to_string(event.micros) + "\",\"event_name\":\"";
  out += event.name;
  out += "\",\"event_params\":[";
  param(out, "ga_session_id", {}, std::to_string(event.session));
  if (!event.variant.empty()) {
    out += ',';
    param(out, kGa4VariantParam, event.variant, {});
  }
  if (!event.currency.empty()) {
    out += ',';
    param(out, "currency", event.currency, {});
  }
  out += "],\"user_id\":";
  string_or_null(out, event.user_id);
  out += ",\"user_pseudo_id\":";
  string_or_null(out, event.user_pseudo_id);
  out += ",\"user_properties\":[],\"platform\":";
  string_or_null(out, event.platform);
  out += ",\"ecommerce\":";
  if (event.transaction_id.empty()) {
    out += "null";
  } else {
    out += "{\"transaction_id\":";
    string_or_null(out, event.transaction_id);
    out += '}';
  }
  out += ",\"items\":[";
  for (std::size_t i = 0; i < event.items.size(); ++i) {
    const Ga4Item& item = event.items[i];
    out += i == 0 ? "{\"item_id\":" : ",{\"item_id\":";
    string_or_null(out, item.id);
    out += ",\"item_name\":";
    string_or_null(out, item.name);
    out += ",\"price\":";
    out += item.price.empty() ? "null" : item.price;
    out += ",\"quantity\":";
    string_or_null(out, item.quantity);
    out += ",\"item_list_id\":";
    string_or_null(out, item.list_id);
    out += ",\"item_list_name\":";
    string_or_null(out, item.list_name);
    out += ",\"promotion_id\":null,\"promotion_name\":null}";
  }
  out += "]}\n";
}

}  // namespace basketlift::sample
