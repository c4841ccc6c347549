// The sample store written as Google Analytics 4's BigQuery export (bq extract
// --destination_format NEWLINE_DELIMITED_JSON of events_*): one JSON object per event, INT64
// values as strings, every field present (null when empty).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace basketlift::sample {

/// One item of an event.
struct Ga4Item {
  std::string_view id;         ///< item_id
  std::string_view name;       ///< item_name
  std::string price;           ///< price, a number's text (empty: null)
  std::string quantity;        ///< quantity, an integer's text (empty: null)
  std::string_view list_id;    ///< item_list_id (empty: null)
  std::string_view list_name;  ///< item_list_name (empty: null)
};

/// One event.
struct Ga4Event {
  std::string_view name;            ///< event_name
  std::int64_t micros = 0;          ///< event_timestamp, microseconds since 1970 (UTC)
  std::string_view user_pseudo_id;  ///< the device
  std::string_view user_id;         ///< the shop's customer id (empty: null)
  std::uint64_t session = 0;        ///< ga_session_id
  std::string_view variant;         ///< event parameter experiment_variant (empty: none)
  std::string_view platform;        ///< WEB, ANDROID, IOS
  std::string_view currency;        ///< event parameter currency (empty: none)
  std::string_view transaction_id;  ///< ecommerce.transaction_id (empty: no ecommerce)
  std::vector<Ga4Item> items;       ///< items
};

/// The event parameter naming the experiment's arm in the generated export.
constexpr const char* kGa4VariantParam = "experiment_variant";

/// Appends `event` as one line of the export.
void append_ga4_event(std::string& out, const Ga4Event& event);

}  // namespace basketlift::sample
