// An order as the generator writes it, before it is laid out in a file format.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace basketlift::sample {

/// One written order line (texts as they go into the file).
struct OrderLineOut {
  std::string product_id;  ///< SKU
  std::string name;        ///< product name (Shopify line name)
  std::string quantity;    ///< may be deliberately broken ("abc")
  std::string unit_price;  ///< may be deliberately negative
  std::string discount;    ///< empty when none
  std::string rec_id;      ///< empty when organic
  bool numbers_valid;      ///< false for a deliberately broken row
};

/// One written order.
struct OrderOut {
  std::string order_id;
  std::string timestamp;   ///< ISO text (or a deliberately unparsable one)
  std::int64_t epoch = 0;  ///< the order's time (what the timestamp says when it is valid)
  bool valid_time = true;  ///< false when the timestamp is deliberately unparsable
  std::string customer_id;
  std::string session_id;
  std::string channel;
  std::string variant;
  std::string segment;
  std::string currency;
  std::vector<OrderLineOut> lines;
};

}  // namespace basketlift::sample
