// The headline figures of the report (`summary`, SPEC §5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/currency_scope.h"
#include "store/store.h"

namespace basketlift {

/// A figure, or why it cannot be given.
struct Figure {
  std::optional<double> value;  ///< the figure when available
  std::string unavailable;      ///< the reason when not

  /// An available figure.
  static Figure of(double v) { return {v, {}}; }
  /// An unavailable figure.
  static Figure none(std::string why) { return {std::nullopt, std::move(why)}; }
};

/// Store-wide totals.
struct Summary {
  std::uint64_t orders = 0;            ///< orders with at least one sale line
  std::uint64_t order_lines = 0;       ///< stored sale lines
  std::uint64_t cancelled_orders = 0;  ///< orders kept apart as cancelled
  std::uint64_t refunded_orders = 0;   ///< orders kept apart as refunded
  Figure revenue;                      ///< Σ line revenue
  Figure aov;                          ///< revenue / orders
  Figure margin;                       ///< contribution margin over lines with known cost
  Figure margin_revenue_share;         ///< share of revenue whose cost is known
  Figure sessions;                     ///< session rows
  Figure cvr;                          ///< converted sessions / sessions
  Figure attach_rate;                  ///< share of orders with a line carrying a rec_id
  double aov_low = kNoNumber, aov_high = kNoNumber;        ///< t interval of AOV (order revenues)
  double cvr_low = kNoNumber, cvr_high = kNoNumber;        ///< Wilson interval of CVR
  double attach_low = kNoNumber, attach_high = kNoNumber;  ///< Wilson interval of the attach rate
  std::optional<std::string> currency;          ///< the main currency, when one was given
  std::uint64_t money_orders = 0;               ///< orders the money figures cover (main currency)
  std::vector<OtherCurrency> other_currencies;  ///< orders left out of money figures
};

/// Computes the summary (intervals at `confidence`). `has_rec_column` says whether any orders file
/// had a rec_id column; money figures cover the orders in `scope`.
Summary compute_summary(const Store& store, bool has_rec_column, const CurrencyScope& scope,
                        double confidence);

}  // namespace basketlift
