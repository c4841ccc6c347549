#include "ingest/field.h"

#include <array>

namespace basketlift {

namespace {

struct FieldInfo {
  const char* name;
  FieldType type;
  bool order_level;
};

// Indexed by Field.
constexpr std::array<FieldInfo, kFieldCount> kFields = {{
    {"order_id", FieldType::id, true},
    {"timestamp", FieldType::timestamp, true},
    {"customer_id", FieldType::id, true},
    {"session_id", FieldType::id, true},
    {"channel", FieldType::label, true},
    {"variant", FieldType::label, true},
    {"segment", FieldType::label, true},
    {"currency", FieldType::label, true},
    {"product_id", FieldType::id, false},
    {"product_name", FieldType::text, false},
    {"quantity", FieldType::number, false},
    {"unit_price", FieldType::number, false},
    {"discount", FieldType::number, false},
    {"unit_cost", FieldType::number, false},
    {"rec_id", FieldType::id, false},
    {"name", FieldType::text, false},
    {"category", FieldType::label, false},
    {"price", FieldType::number, false},
    {"margin_pct", FieldType::number, false},
    {"tier", FieldType::number, false},
    {"type", FieldType::label, false},
    {"placement", FieldType::label, false},
    {"anchor_product_id", FieldType::id, false},
    {"offered_product_id", FieldType::id, false},
    {"offered_price", FieldType::number, false},
    {"accepted", FieldType::boolean, false},
    {"converted", FieldType::boolean, false},
    {"financial_status", FieldType::label, true},
    {"cancelled_at", FieldType::timestamp, true},
    {"refunded_amount", FieldType::number, true},
    {"order_discount", FieldType::number, true},
    {"compare_at_price", FieldType::number, false},
    {"vendor", FieldType::label, false},
    {"tags", FieldType::text, false},
    {"upsells", FieldType::text, false},
    {"cross_sells", FieldType::text, false},
    {"handle", FieldType::text, false},
    {"option1", FieldType::text, false},
    {"option2", FieldType::text, false},
    {"option3", FieldType::text, false},
    {"items", FieldType::nested, false},
    {"ignore", FieldType::text, false},
}};

constexpr std::uint64_t bits(std::initializer_list<Field> fields) {
  std::uint64_t mask = 0;
  for (Field f : fields)
    mask |= field_bit(f);
  return mask;
}

}  // namespace

const char* table_name(Table table) {
  switch (table) {
    case Table::orders:
      return "orders";
    case Table::products:
      return "products";
    case Table::offers:
      return "offers";
    case Table::sessions:
      return "sessions";
  }
  return "orders";
}

std::optional<Table> parse_table(std::string_view name) {
  for (int t = 0; t < kTableCount; ++t) {
    if (name == table_name(static_cast<Table>(t))) return static_cast<Table>(t);
  }
  return std::nullopt;
}

const char* field_name(Field field) {
  return kFields[static_cast<int>(field)].name;
}

std::optional<Field> parse_field(std::string_view name) {
  for (int f = 0; f < kFieldCount; ++f) {
    if (name == kFields[f].name) return static_cast<Field>(f);
  }
  return std::nullopt;
}

FieldType field_type(Field field) {
  return kFields[static_cast<int>(field)].type;
}

bool is_order_level(Field field) {
  return kFields[static_cast<int>(field)].order_level;
}

std::uint64_t table_fields(Table table) {
  using F = Field;
  switch (table) {
    case Table::orders:
      return bits({F::order_id,     F::timestamp,       F::customer_id,    F::session_id,
                   F::channel,      F::variant,         F::segment,        F::currency,
                   F::product_id,   F::product_name,    F::quantity,       F::unit_price,
                   F::discount,     F::unit_cost,       F::rec_id,         F::financial_status,
                   F::cancelled_at, F::refunded_amount, F::order_discount, F::compare_at_price,
                   F::vendor,       F::items,           F::ignored});
    case Table::products:
      return bits({F::product_id, F::name, F::category, F::price, F::unit_cost, F::margin_pct,
                   F::tier, F::vendor, F::tags, F::upsells, F::cross_sells, F::handle, F::option1,
                   F::option2, F::option3, F::ignored});
    case Table::offers:
      return bits({F::rec_id, F::type, F::placement, F::anchor_product_id, F::offered_product_id,
                   F::offered_price, F::session_id, F::order_id, F::timestamp, F::variant,
                   F::accepted, F::customer_id, F::ignored});
    case Table::sessions:
      return bits({F::session_id, F::variant, F::timestamp, F::customer_id, F::channel, F::segment,
                   F::converted, F::ignored});
  }
  return 0;
}

std::uint64_t required_fields(Table table) {
  using F = Field;
  switch (table) {
    case Table::orders:
      return bits({F::order_id, F::product_id});
    case Table::products:
      return bits({F::product_id});
    case Table::offers:
      return bits({F::rec_id, F::type, F::placement, F::offered_product_id});
    case Table::sessions:
      return bits({F::session_id});
  }
  return 0;
}

std::string normalize_header(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace basketlift
