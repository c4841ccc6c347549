#include "ingest/column_mapper.h"

#include <algorithm>

#include "ingest/column_aliases.h"
#include "util/hash.h"
#include "util/json_tree.h"

namespace basketlift {

namespace {

// Fields whose presence identifies a table when its type is not forced.
struct TableKey {
  Table table;
  std::uint64_t key_fields;
};

constexpr TableKey kDetectionOrder[] = {
    {Table::offers, field_bit(Field::rec_id) | field_bit(Field::offered_product_id)},
    {Table::orders, field_bit(Field::order_id) | field_bit(Field::product_id)},
    {Table::sessions, field_bit(Field::session_id)},
    {Table::products, field_bit(Field::product_id)},
};

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The export layout a header looks like, from columns only that layout has.
Preset detect_preset(const std::vector<std::string>& normalized) {
  if (contains(normalized, "lineitemname") && contains(normalized, "name")) {
    return Preset::shopify_orders;
  }
  if (contains(normalized, "handle") &&
      (contains(normalized, "variantsku") || contains(normalized, "variantprice"))) {
    return Preset::shopify_products;
  }
  if (contains(normalized, "sku") && contains(normalized, "regularprice") &&
      (contains(normalized, "upsells") || contains(normalized, "crosssells"))) {
    return Preset::woocommerce_products;
  }
  return Preset::basketlift;
}

Table preset_table(Preset preset) {
  return preset == Preset::shopify_orders ? Table::orders : Table::products;
}

std::string list_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 12; ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  if (names.size() > 12) out += ", ...";
  return out;
}

std::string list_fields(std::uint64_t mask) {
  std::string out;
  for (int f = 0; f < kFieldCount; ++f) {
    if ((mask & field_bit(static_cast<Field>(f))) == 0) continue;
    if (!out.empty()) out += ", ";
    out += field_name(static_cast<Field>(f));
  }
  return out;
}

}  // namespace

const char* preset_name(Preset preset) {
  switch (preset) {
    case Preset::basketlift:
      return "basketlift";
    case Preset::shopify_orders:
      return "shopify_orders";
    case Preset::shopify_products:
      return "shopify_products";
    case Preset::woocommerce_products:
      return "woocommerce_products";
  }
  return "basketlift";
}

Result<ColumnMapping> ColumnMapping::parse_json(std::string_view json) {
  const std::optional<JsonValue> object = JsonValue::parse(json);
  if (!object) return from_json(JsonValue());
  return from_json(*object);
}

Result<ColumnMapping> ColumnMapping::from_json(const JsonValue& object) {
  if (!object.is_object()) {
    return Status::error(ErrorCode::bad_config,
                         "column mapping is not a JSON object of \"column\": \"field\" pairs");
  }
  ColumnMapping mapping;
  for (const auto& [column, value] : object.members()) {
    std::string_view target;
    if (!value.get_string(target)) {
      return Status::error(ErrorCode::bad_config, "column mapping: the value for \"" + column +
                                                      "\" must be a field name string");
    }
    const auto field = parse_field(target);
    if (!field || *field == Field::items) {
      return Status::error(ErrorCode::bad_config, "column mapping: \"" + std::string(target) +
                                                      "\" is not a Basketlift field");
    }
    mapping.entries.emplace_back(column, *field);
  }
  return mapping;
}

ColumnMapper::ColumnMapper(ColumnMapping user, std::optional<Table> forced_table)
    : user_(std::move(user)), forced_table_(forced_table) {
  for (const auto& [name, field] : user_.entries)
    user_normalized_.push_back(normalize_header(name));
}

std::optional<Field> ColumnMapper::lookup(std::string_view normalized, Table table,
                                          Preset preset) const {
  for (std::size_t i = 0; i < user_normalized_.size(); ++i) {
    if (user_normalized_[i] == normalized) return user_.entries[i].second;
  }
  auto field = alias_field(normalized, table, preset);
  if (field && *field != Field::ignored && (table_fields(table) & field_bit(*field)) == 0) {
    return std::nullopt;
  }
  return field;
}

std::uint64_t ColumnMapper::mask_for(const std::vector<std::string_view>& names, Table table,
                                     Preset preset) const {
  std::uint64_t mask = 0;
  for (std::string_view name : names) {
    if (auto field = lookup(normalize_header(name), table, preset)) mask |= field_bit(*field);
  }
  return mask;
}

Status ColumnMapper::decide(const std::vector<std::string_view>& names) {
  std::vector<std::string> normalized;
  normalized.reserve(names.size());
  for (std::string_view name : names)
    normalized.push_back(normalize_header(name));

  preset_ = detect_preset(normalized);
  if (preset_ != Preset::basketlift && forced_table_ && *forced_table_ != preset_table(preset_)) {
    preset_ = Preset::basketlift;
  }
  if (forced_table_) {
    table_ = *forced_table_;
  } else if (preset_ != Preset::basketlift) {
    table_ = preset_table(preset_);
  } else {
    bool found = false;
    for (const TableKey& candidate : kDetectionOrder) {
      const std::uint64_t mask = mask_for(names, candidate.table, preset_);
      if ((mask & candidate.key_fields) == candidate.key_fields) {
        table_ = candidate.table;
        found = true;
        break;
      }
    }
    if (!found) {
      return Status::error(
          ErrorCode::unreadable_file,
          "no recognisable header: the columns (" + list_names(names) +
              ") name none of the tables; an orders file needs order_id and product_id columns "
              "(or give a column mapping)");
    }
  }
  const std::uint64_t mask = mask_for(names, table_, preset_);
  std::uint64_t missing = required_fields(table_) & ~mask;
  // Shopify identifies a line by its name when the SKU is empty, so the SKU column may be absent.
  if (preset_ == Preset::shopify_orders && (mask & field_bit(Field::product_name)) != 0) {
    missing &= ~field_bit(Field::product_id);
  }
  if (missing != 0) {
    return Status::error(ErrorCode::unreadable_file,
                         std::string("the ") + table_name(table_) + " table needs column(s) " +
                             list_fields(missing) + ", which the header (" + list_names(names) +
                             ") does not have (give a column mapping)");
  }
  cache_.clear();
  unknown_.clear();
  mapped_.clear();
  return Status::success();
}

std::size_t ColumnMapper::NameHash::operator()(std::string_view name) const {
  return static_cast<std::size_t>(hash_bytes(name));
}

std::optional<Field> ColumnMapper::resolve(std::string_view name) {
  if (auto known = cache_.find(name); known != cache_.end()) return known->second;
  std::optional<Field> field = lookup(normalize_header(name), table_, preset_);
  cache_.emplace(std::string(name), field);
  if (field) {
    mapped_.emplace_back(std::string(name), *field);
  } else {
    unknown_.emplace_back(name);
  }
  return field;
}

void ColumnMapper::learn(const std::vector<std::pair<std::string, Field>>& mapped,
                         const std::vector<std::string>& unknown) {
  for (const auto& [name, field] : mapped) {
    if (cache_.emplace(name, field).second) mapped_.emplace_back(name, field);
  }
  for (const std::string& name : unknown) {
    if (cache_.emplace(name, std::nullopt).second) unknown_.push_back(name);
  }
}

}  // namespace basketlift
