// Column presets for `basketlift sql --map NAME`: the columns of a shop's standard exports,
// loaded into a warehouse as they are, named as the export names them.
#pragma once

#include <optional>
#include <string_view>

#include "ingest/column_mapper.h"

namespace basketlift {

/// The mapping of a preset: "shopify" (Shopify's "Export orders" CSV as the orders table and
/// its "Export products" CSV as the catalogue), "woocommerce" (WooCommerce's product export as
/// the catalogue), or both separated by a comma; nullopt for another name.
std::optional<ColumnMapping> sql_preset(std::string_view names);

}  // namespace basketlift
