// What every analysis needs, derived once per analyze() from the store: money per order in the
// currency scope, lines per order, orders per session, acceptance of each impression, and the
// facts of each offer (rec_id).
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/currency_scope.h"
#include "analysis/line_values.h"
#include "analysis/moments.h"
#include "analysis/settings.h"
#include "store/store.h"

namespace basketlift {

/// An offer (rec_id) as the impressions describe it, and what its order lines brought.
struct OfferFacts {
  bool tracked = false;                    ///< at least one impression carries this rec_id
  OfferType type = OfferType::cross_sell;  ///< first type seen on its impressions
  std::uint32_t placement = kNoId;         ///< first placement seen
  bool several_placements = false;         ///< impressions disagree on the placement
  std::uint32_t anchor = kNoId;            ///< first anchor product seen
  std::uint32_t offered = kNoId;           ///< first offered product seen
  std::uint64_t impressions = 0;           ///< impressions
  std::uint64_t accepted = 0;              ///< accepted impressions (given or derived)
  std::uint64_t orders = 0;                ///< orders with a line carrying it
  std::uint64_t lines = 0;                 ///< such lines
  double revenue = 0;                      ///< value of those lines (upsells: the price difference)
  double margin = 0;                       ///< their margin (lines with known cost)
  std::uint64_t lines_without_cost = 0;    ///< lines left out of `margin`
  bool anchor_price_missing = false;       ///< an upsell whose anchor has no catalogue price
  std::int64_t first_shown = kNoTime;      ///< earliest impression time (kNoTime: none dated)
  std::int64_t last_shown = kNoTime;       ///< latest impression time
};

/// The store's money in the currency scope, summed line by line in stored order (the summary's
/// money figures; a warehouse's query gives the same sums).
struct MoneySums {
  std::uint64_t priced_lines = 0;  ///< lines in scope with a unit_price
  std::uint64_t costed_lines = 0;  ///< of those, lines whose cost is known
  double revenue = 0;              ///< Σ revenue of priced lines in scope
  double margin = 0;               ///< Σ (revenue − cost) of costed lines
  double revenue_with_cost = 0;    ///< Σ revenue of costed lines
  Moments order_revenue;           ///< revenue per order in scope with a priced line
};

/// The money sums, and the lines the catalogue's data gaps count (whatever their currency).
struct LineMoney : MoneySums {
  bool catalogue = false;            ///< a catalogue row described some product
  std::uint64_t unlisted_lines = 0;  ///< lines of products the catalogue lacks (when given)
  double unlisted_revenue = 0;       ///< Σ their revenue in scope
  std::uint64_t costless_lines = 0;  ///< lines with a unit_price whose cost is unknown
  double costless_revenue = 0;       ///< Σ their revenue in scope
};

/// The shared, derived view of the store.
struct AnalysisContext {
  const Store& store;        ///< the data
  const Settings& settings;  ///< options in force
  CurrencyScope currency;    ///< which orders money may be summed over

  std::vector<double> order_revenue;  ///< Σ line revenue (0 when none priced; 0 out of scope)
  /// Σ line margin over lines with known cost; empty when no cost is given (every order's
  /// margin is then 0: order_margin_of).
  std::vector<double> order_margin;
  LineMoney money;  ///< the totals, from the same pass as order_revenue
  /// Lines of order o: order_line(k) for k in [order_line_begin[o], order_line_begin[o + 1]).
  std::vector<std::uint32_t> order_line_begin;
  /// Line indexes grouped by order; empty when the store keeps each order's lines together and
  /// the orders in order (as exports do), line k being then the k-th.
  std::vector<std::uint32_t> order_lines;
  /// Orders of session s (Pools::sessions id): session_orders[session_order_begin[s] ..
  /// session_order_begin[s + 1]). Both empty when the store has no sessions or impressions.
  std::vector<std::uint32_t> session_order_begin;
  std::vector<std::uint32_t> session_orders;  ///< sale order indexes grouped by session

  std::vector<std::uint8_t> impression_accepted;  ///< per impression: given, else derived
  std::uint64_t accepted_derived = 0;  ///< impressions whose acceptance was derived from orders
  bool lines_carry_rec = false;        ///< some order line has a rec_id
  std::vector<OfferFacts> offers;      ///< by rec_id (Pools::recs id)
  /// Some line or catalogue row gives a cost (a line unit_cost, a product's unit_cost or
  /// margin_pct); when none does, every line's cost is unknown without looking.
  bool costs_given = true;

  /// The margin of order o (order_margin's entry, or 0 when no cost is given).
  double order_margin_of(std::uint32_t o) const {
    return order_margin.empty() ? 0 : order_margin[o];
  }
  /// The k-th line when lines are grouped by order.
  std::uint32_t order_line(std::size_t k) const {
    return order_lines.empty() ? static_cast<std::uint32_t>(k) : order_lines[k];
  }
  /// The origin of order o: its first stored line's ({0, 0} when it has none).
  RowOrigin order_origin(std::uint32_t o) const {
    return order_line_begin[o] < order_line_begin[o + 1]
               ? store.lines.origin[order_line(order_line_begin[o])]
               : RowOrigin{};
  }
  /// True when order o has sale lines.
  bool is_sale(std::uint32_t o) const { return store.orders.line_count[o] > 0; }
  /// True when session row s converted: its row says so, or (when the row is silent) a sale
  /// order names the session.
  bool session_converted(std::size_t s) const {
    const std::int8_t flag = store.sessions.converted[s];
    const std::uint32_t id = store.sessions.session[s];
    return flag == 1 ||
           (flag == -1 && session_order_begin[id] < session_order_begin[std::size_t{id} + 1]);
  }
  /// Revenue of line i in the currency scope (NaN without a price or outside the scope).
  double line_revenue_in_scope(std::size_t i) const {
    return currency.includes(store.lines.order[i]) ? line_revenue(store.lines, i) : kNoNumber;
  }
  /// line_revenue_in_scope(i) of each line i in [first, last), written to out[i - first]: the
  /// same doubles, read a column at a time.
  void line_revenues_in_scope(std::size_t first, std::size_t last, double* out) const;
  /// Cost of goods of line i (line_values.h); NaN when unknown.
  double line_cost(std::size_t i) const {
    return costs_given ? basketlift::line_cost(store, i) : kNoNumber;
  }
  /// Value an offer line brings (SPEC §3.1): its revenue, less the replaced anchor's price for
  /// an upsell. NaN when unknown.
  double offer_line_value(std::size_t i) const;
  /// offer_line_value(i) from the line's revenue in scope, already worked out.
  double offer_line_value(std::size_t i, double revenue) const;
  /// Margin an offer line brings: its margin, less the anchor's margin for an upsell.
  double offer_line_margin(std::size_t i) const;
  /// offer_line_margin(i) from the line's revenue in scope and its cost (NaN when the revenue
  /// is), already worked out.
  double offer_line_margin(std::size_t i, double revenue, double cost) const;
};

/// Derives the context (everything but the store is computed here).
AnalysisContext build_context(const Store& store, const Settings& settings);
/// Refused: the context keeps a reference to its settings, which a temporary would leave
/// dangling.
AnalysisContext build_context(const Store& store, Settings&& settings) = delete;

}  // namespace basketlift
