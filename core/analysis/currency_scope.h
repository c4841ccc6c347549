// Which orders money figures may be summed over: never across currencies (SPEC §2.1).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.h"

namespace basketlift {

/// Orders in a currency other than the main one, kept out of money figures.
struct OtherCurrency {
  std::string code;          ///< ISO 4217 code as written
  std::uint64_t orders = 0;  ///< orders in it
  double revenue = 0;        ///< their revenue, in that currency
};

/// The main currency (most orders) and the orders money figures are computed over: those in
/// the main currency or with no currency given. Orders in other currencies are listed apart.
struct CurrencyScope {
  std::uint32_t main = kNoId;          ///< Pools::labels id, kNoId when no order names one
  std::vector<std::uint8_t> in_scope;  ///< per order: 1 when its money may be summed
  std::vector<OtherCurrency> others;   ///< the other currencies, most orders first

  /// True when order `o` counts in money figures.
  bool includes(std::uint32_t o) const { return in_scope[o] != 0; }
  /// True when every order with lines counts in money figures (no other currency has one).
  bool includes_every_line() const { return others.empty(); }
};

/// Decides the scope from the orders' currencies.
CurrencyScope currency_scope(const Store& store);

}  // namespace basketlift
