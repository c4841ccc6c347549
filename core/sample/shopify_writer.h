// The sample store written as Shopify's own exports: orders_export.csv and products_export.csv.
#pragma once

#include <cstdint>
#include <string>

#include "sample/catalog.h"
#include "sample/order_out.h"

namespace basketlift::sample {

/// The header of Shopify's "Export orders" CSV (79 columns).
void shopify_orders_begin(std::string& out);
/// One order as Shopify exports it: one row per line, order-level columns on the first row
/// only, the order's time as "2024-01-05 10:15:00 +0000". Shopify has no columns for
/// sessions, variants, segments or recommendation ids: those are not written.
void shopify_order(std::string& out, const OrderOut& order);
/// The catalogue as Shopify's "Export products" CSV (one row per product, default variant).
void shopify_products(std::string& out, const Catalog& catalog);

}  // namespace basketlift::sample
