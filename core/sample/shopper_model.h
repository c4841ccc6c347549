// How one shopping session unfolds in the sample store: what is viewed, which offers are
// shown and taken, whether it ends in an order. The planted experiment effects live here.
#pragma once

#include <cstdint>
#include <vector>

#include "sample/catalog.h"
#include "sample/random.h"

namespace basketlift::sample {

/// Customer segments of the sample store.
enum class Segment : std::uint8_t { budget, standard, premium };
/// Name of a segment ("budget").
const char* segment_name(Segment segment);

/// A customer.
struct Customer {
  Segment segment;       ///< fixed per customer
  int theme;             ///< favourite top-level category
  bool adopter = false;  ///< has accepted an offer before
};

/// One line of an order.
struct LineOut {
  int product;          ///< product index
  int quantity = 1;     ///< units
  double unit_price;    ///< list price charged per unit
  double discount = 0;  ///< total discount on the line
  int offer = -1;       ///< the offer that put it there (rec_id), or -1
};

/// One showing of an offer.
struct ImpressionOut {
  int offer;      ///< offer index
  bool accepted;  ///< the shopper took it
  int minute;     ///< minutes after the session start
};

/// Everything one session produced.
struct SessionOut {
  int arm = 0;        ///< 0 control, 1 treatment
  int customer = -1;  ///< customer index, -1 for a guest
  Segment segment = Segment::standard;
  int channel = 0;            ///< index into channel_names()
  bool reached_cart = false;  ///< funnel steps
  bool reached_checkout = false;
  bool upsell_shown = false;  ///< a premium upsell was shown (treatment)
  bool converted = false;     ///< ended in an order
  std::vector<ImpressionOut> impressions;
  std::vector<LineOut> lines;  ///< the order's lines when converted
};

/// Channels of the sample store.
const std::vector<const char*>& channel_names();

/// Funnel probabilities and the planted effects (documented in the answers file).
struct ModelParameters {
  double cart = 0.62;                    ///< P(add to cart | session)
  double checkout = 0.82;                ///< P(checkout | cart)
  double buy = 0.64;                     ///< P(order | checkout)
  double budget_upsell_cart = 0.60;      ///< cart multiplier: budget shopper shown a premium upsell
  double treatment_checkout_buy = 0.80;  ///< buy multiplier: treatment arm's checkout offer
};

/// Simulates sessions against a catalogue.
class ShopperModel {
 public:
  /// A model over `catalog` (kept by reference).
  ShopperModel(const Catalog& catalog, ModelParameters parameters)
      : catalog_(catalog),
        p_(parameters),
        tent_(catalog.product("TENT-2P")),
        sleepbag_(catalog.product("SLEEPBAG")) {}

  /// Plays one session of `customer` (nullptr for a guest) in `arm`.
  void play(SessionOut& out, const Customer* customer, Segment segment, int arm, Random& random);
  /// The parameters in force.
  const ModelParameters& parameters() const { return p_; }
  /// Impressions shown so far per offer (for offers with a cap).
  const std::vector<std::uint64_t>& impressions_per_offer() const { return shown_; }

 private:
  bool shows(const OfferRule& offer, int arm) const;
  void show(SessionOut& out, int offer, bool can_accept, int minute, Random& random);
  void build_basket(SessionOut& out, int viewed, Segment segment, int theme, Random& random);
  void apply_accepted(SessionOut& out, const OfferRule& offer, int offer_index);
  void add_line(SessionOut& out, int product, int quantity, int offer = -1);

  const Catalog& catalog_;
  ModelParameters p_;
  int tent_;  // the planted organic pair: campers buy a sleeping bag with their tent
  int sleepbag_;
  std::vector<std::uint64_t> shown_;
};

}  // namespace basketlift::sample
