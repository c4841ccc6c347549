// Decides which table a file is and which field each of its columns (or JSON keys) feeds
// (SPEC §2.5): the engine's own names, known merchant exports, and a user-supplied mapping.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/field.h"
#include "util/status.h"

namespace basketlift {

class JsonValue;

/// A user mapping: source column name → field (Field::ignored drops the column on purpose).
struct ColumnMapping {
  std::vector<std::pair<std::string, Field>> entries;  ///< source name as written, target field

  /// Reads `{"Invoice": "order_id", "StockCode": "product_id", "Country": "ignore"}`.
  static Result<ColumnMapping> parse_json(std::string_view json);
  /// The same, from an already parsed JSON value.
  static Result<ColumnMapping> from_json(const JsonValue& object);
};

/// The layout a header was recognised as.
enum class Preset : std::uint8_t {
  basketlift,            ///< the engine's own field names and common synonyms
  shopify_orders,        ///< Shopify "Export orders" CSV
  shopify_products,      ///< Shopify "Export products" CSV
  woocommerce_products,  ///< WooCommerce product export
};

/// Stable name of a preset ("shopify_orders").
const char* preset_name(Preset preset);

/// Maps column names to fields for one file.
class ColumnMapper {
 public:
  /// A mapper honouring a user mapping and, when given, a forced table.
  ColumnMapper(ColumnMapping user, std::optional<Table> forced_table);

  /// Fixes the table and preset from the file's column names (CSV header or first JSON
  /// record's keys). Fails when no table's required fields are all present.
  Status decide(const std::vector<std::string_view>& names);
  /// The field a column feeds, or nullopt when it is kept out of the way (listed as unknown).
  /// Only valid after decide().
  std::optional<Field> resolve(std::string_view name);
  /// Takes the columns another mapper of the same file resolved (a range read elsewhere) as if
  /// this one had met them now: those not known yet are appended, in the order given.
  void learn(const std::vector<std::pair<std::string, Field>>& mapped,
             const std::vector<std::string>& unknown);

  /// The decided table.
  Table table() const { return table_; }
  /// The decided preset.
  Preset preset() const { return preset_; }
  /// Column names that feed no field, in first-seen order.
  const std::vector<std::string>& unknown_columns() const { return unknown_; }
  /// Column names that feed a field, with that field, in first-seen order.
  const std::vector<std::pair<std::string, Field>>& mapped_columns() const { return mapped_; }

 private:
  std::optional<Field> lookup(std::string_view normalized, Table table, Preset preset) const;
  std::uint64_t mask_for(const std::vector<std::string_view>& names, Table table,
                         Preset preset) const;

  ColumnMapping user_;
  std::vector<std::string> user_normalized_;
  std::optional<Table> forced_table_;
  Table table_ = Table::orders;
  Preset preset_ = Preset::basketlift;
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const;
  };
  std::unordered_map<std::string, std::optional<Field>, NameHash, std::equal_to<>> cache_;
  std::vector<std::string> unknown_;
  std::vector<std::pair<std::string, Field>> mapped_;
};

}  // namespace basketlift
