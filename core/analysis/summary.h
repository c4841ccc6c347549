// The headline figures of the report (`summary`, SPEC §5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/context.h"
#include "analysis/moments.h"
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

/// The additive counts and sums the summary is computed from: what a warehouse query can give
/// instead of rows (warehouse/aggregates.h).
struct SummarySums : MoneySums {
  std::uint64_t orders = 0;             ///< orders with at least one sale line
  std::uint64_t order_lines = 0;        ///< stored sale lines
  std::uint64_t cancelled_orders = 0;   ///< orders kept apart as cancelled
  std::uint64_t refunded_orders = 0;    ///< orders kept apart as refunded
  std::uint64_t money_orders = 0;       ///< sale orders in the money scope (main currency or none)
  std::uint64_t attached_orders = 0;    ///< sale orders with a line carrying a rec_id
  bool has_rec_column = false;          ///< an orders table had a rec_id column
  std::optional<std::string> currency;  ///< the main currency, when one was given
  std::vector<OtherCurrency> other_currencies;  ///< orders left out of money figures
  bool has_sessions = false;                    ///< a sessions table was read
  std::uint64_t sessions = 0;                   ///< session rows
  std::uint64_t converted_sessions = 0;         ///< sessions that converted
};

/// Counts and sums the summary's figures over the context's store. `has_rec_column` says whether
/// any orders file had a rec_id column; money figures cover the orders in the context's scope.
SummarySums summary_sums(const AnalysisContext& ctx, bool has_rec_column);

/// The summary from its sums (intervals at `confidence`).
Summary summary_from_sums(const SummarySums& sums, double confidence);

/// Computes the summary (intervals at `confidence`): summary_sums, then summary_from_sums.
Summary compute_summary(const AnalysisContext& ctx, bool has_rec_column, double confidence);

}  // namespace basketlift
