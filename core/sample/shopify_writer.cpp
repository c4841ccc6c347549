#include "sample/shopify_writer.h"

#include <array>
#include <cstdio>
#include <string_view>

#include "sample/row_writer.h"

namespace basketlift::sample {

namespace {

constexpr std::array<std::string_view, 79> kOrderColumns = {"Name",
                                                            "Email",
                                                            "Financial Status",
                                                            "Paid at",
                                                            "Fulfillment Status",
                                                            "Fulfilled at",
                                                            "Accepts Marketing",
                                                            "Currency",
                                                            "Subtotal",
                                                            "Shipping",
                                                            "Taxes",
                                                            "Total",
                                                            "Discount Code",
                                                            "Discount Amount",
                                                            "Shipping Method",
                                                            "Created at",
                                                            "Lineitem quantity",
                                                            "Lineitem name",
                                                            "Lineitem price",
                                                            "Lineitem compare at price",
                                                            "Lineitem sku",
                                                            "Lineitem requires shipping",
                                                            "Lineitem taxable",
                                                            "Lineitem fulfillment status",
                                                            "Billing Name",
                                                            "Billing Street",
                                                            "Billing Address1",
                                                            "Billing Address2",
                                                            "Billing Company",
                                                            "Billing City",
                                                            "Billing Zip",
                                                            "Billing Province",
                                                            "Billing Country",
                                                            "Billing Phone",
                                                            "Shipping Name",
                                                            "Shipping Street",
                                                            "Shipping Address1",
                                                            "Shipping Address2",
                                                            "Shipping Company",
                                                            "Shipping City",
                                                            "Shipping Zip",
                                                            "Shipping Province",
                                                            "Shipping Country",
                                                            "Shipping Phone",
                                                            "Notes",
                                                            "Note Attributes",
                                                            "Cancelled at",
                                                            "Payment Method",
                                                            "Payment Reference",
                                                            "Refunded Amount",
                                                            "Vendor",
                                                            "Outstanding Balance",
                                                            "Employee",
                                                            "Location",
                                                            "Device ID",
                                                            "Id",
                                                            "Tags",
                                                            "Risk Level",
                                                            "Source",
                                                            "Lineitem discount",
                                                            "Tax 1 Name",
                                                            "Tax 1 Value",
                                                            "Tax 2 Name",
                                                            "Tax 2 Value",
                                                            "Tax 3 Name",
                                                            "Tax 3 Value",
                                                            "Tax 4 Name",
                                                            "Tax 4 Value",
                                                            "Tax 5 Name",
                                                            "Tax 5 Value",
                                                            "Phone",
                                                            "Receipt Number",
                                                            "Duties",
                                                            "Billing Province Name",
                                                            "Shipping Province Name",
                                                            "Payment ID",
                                                            "Payment Terms Name",
                                                            "Next Payment Due At",
                                                            "Payment References"};

constexpr std::size_t column(std::string_view name) {
  for (std::size_t i = 0; i < kOrderColumns.size(); ++i) {
    if (kOrderColumns[i] == name) return i;
  }
  return kOrderColumns.size();
}

void write_csv_row(std::string& out, const std::array<std::string, 79>& cells) {
  RowWriter writer(Format::csv, {});
  std::vector<Cell> row;
  for (const std::string& cell : cells)
    row.push_back({cell});
  writer.row(out, row);
}

}  // namespace

void shopify_orders_begin(std::string& out) {
  for (std::size_t i = 0; i < kOrderColumns.size(); ++i) {
    if (i > 0) out += ',';
    out += kOrderColumns[i];
  }
  out += '\n';
}

void shopify_order(std::string& out, const OrderOut& order) {
  std::string created;
  append_shopify_time(created, order.epoch);
  for (std::size_t i = 0; i < order.lines.size(); ++i) {
    const OrderLineOut& line = order.lines[i];
    std::array<std::string, 79> cells;
    cells[column("Name")] = order.order_id;
    cells[column("Lineitem quantity")] = line.quantity;
    cells[column("Lineitem name")] = line.name;
    cells[column("Lineitem price")] = line.unit_price;
    cells[column("Lineitem sku")] = line.product_id;
    cells[column("Lineitem discount")] = line.discount.empty() ? "0.00" : line.discount;
    cells[column("Lineitem requires shipping")] = "true";
    cells[column("Lineitem taxable")] = "true";
    cells[column("Vendor")] = "Basketlift Sample Store";
    if (i == 0) {  // Shopify fills order-level columns on an order's first row only
      cells[column("Email")] = order.customer_id.empty() ? "" : order.customer_id + "@example.com";
      cells[column("Financial Status")] = "paid";
      cells[column("Fulfillment Status")] = "fulfilled";
      cells[column("Accepts Marketing")] = "no";
      cells[column("Currency")] = order.currency;
      cells[column("Created at")] = order.valid_time ? created : order.timestamp;
      cells[column("Paid at")] = created;
      cells[column("Source")] = order.channel;
      cells[column("Refunded Amount")] = "0.00";
      cells[column("Risk Level")] = "Low";
      cells[column("Billing Country")] = "DE";
      cells[column("Shipping Country")] = "DE";
    }
    write_csv_row(out, cells);
  }
}

void shopify_products(std::string& out, const Catalog& catalog) {
  out +=
      "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,"
      "Variant Price,Variant Compare At Price,Cost per item,Status\n";
  RowWriter writer(Format::csv, {});
  for (const Product& p : catalog.products) {
    if (!p.in_catalogue) continue;
    std::string handle;
    for (char c : p.id)
      handle += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::string price, cost;
    append_money(price, p.price);
    if (p.cost_known) append_money(cost, p.cost);
    const std::string type = p.category.substr(p.category.find('/') + 1);
    writer.row(out, {{handle},
                     {p.name},
                     {""},
                     {"Basketlift Sample Store"},
                     {type},
                     {""},
                     {"true"},
                     {"Title"},
                     {"Default Title"},
                     {p.id},
                     {price},
                     {""},
                     {cost},
                     {"active"}});
  }
}

}  // namespace basketlift::sample
