// Reads three orders from memory with the installed engine and prints what it found.
#include <basketlift/engine/engine.h>
#include <basketlift/version.h>

#include <cstdio>
#include <string_view>

int main() {
  basketlift::Engine engine;
  if (!engine.configure(R"({"confidence": 0.9})").ok()) return 1;
  constexpr std::string_view orders =
      "order_id,product_id,quantity,unit_price,timestamp\n"
      "A1,laptop,1,800,2026-11-02T10:00:00Z\n"
      "A1,mouse,1,40,2026-11-02T10:00:00Z\n"
      "A2,laptop,1,800,2026-11-03T11:00:00Z\n"
      "A3,mouse,2,40,2026-11-04T12:00:00Z\n";
  basketlift::FileOptions options;
  options.name = "orders.csv";
  if (!engine.begin_file(options).ok() || !engine.feed(orders).ok() || !engine.end_file().ok() ||
      !engine.analyze().ok()) {
    return 1;
  }
  const basketlift::Summary& summary = engine.report().summary;
  std::printf("basketlift %s: %llu orders, revenue %.2f\n", basketlift::kEngineVersion,
              static_cast<unsigned long long>(summary.orders), summary.revenue.value.value_or(-1));
  return engine.report_json().find("\"engine_version\"") == std::string::npos ? 1 : 0;
}
