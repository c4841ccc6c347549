#include "sample/shopper_model.h"

#include <algorithm>
#include <cmath>

namespace basketlift::sample {

namespace {

// How often each top-level category is a session's focus (Electronics, Home, Outdoor, ...).
const WeightedChoice& theme_choice() {
  static const WeightedChoice kChoice({0.30, 0.20, 0.15, 0.15, 0.10, 0.10});
  return kChoice;
}

const WeightedChoice& channel_choice() {
  static const WeightedChoice kChoice({0.6, 0.3, 0.1});
  return kChoice;
}

// Chance that each complement of the viewed product joins the basket.
double complement_rate(Segment segment) {
  switch (segment) {
    case Segment::budget:
      return 0.15;
    case Segment::standard:
      return 0.25;
    case Segment::premium:
      return 0.35;
  }
  return 0.25;
}

bool has_theme(const SessionOut& out, const Catalog& catalog, int theme) {
  return std::any_of(out.lines.begin(), out.lines.end(), [&](const LineOut& line) {
    return catalog.products[line.product].theme == theme;
  });
}

}  // namespace

const char* segment_name(Segment segment) {
  switch (segment) {
    case Segment::budget:
      return "budget";
    case Segment::standard:
      return "standard";
    case Segment::premium:
      return "premium";
  }
  return "standard";
}

const std::vector<const char*>& channel_names() {
  static const std::vector<const char*> kChannels = {"web", "app", "email"};
  return kChannels;
}

bool ShopperModel::shows(const OfferRule& offer, int arm) const {
  return offer.arm == Arm::both || (offer.arm == Arm::control && arm == 0) ||
         (offer.arm == Arm::treatment && arm == 1);
}

void ShopperModel::add_line(SessionOut& out, int product, int quantity, int offer) {
  for (LineOut& line : out.lines) {
    if (line.product == product && line.offer == offer && offer < 0) {
      line.quantity += quantity;
      return;
    }
  }
  out.lines.push_back({product, quantity, catalog_.products[product].price, 0.0, offer});
}

void ShopperModel::show(SessionOut& out, int offer, bool can_accept, int minute, Random& random) {
  const OfferRule& rule = catalog_.offers[offer];
  if (rule.max_impressions > 0 && shown_[offer] >= rule.max_impressions) return;
  ++shown_[offer];
  const double acceptance =
      rule.acceptance * (out.segment == Segment::budget ? rule.budget_acceptance : 1.0);
  const bool accepted = can_accept && random.chance(acceptance);
  out.impressions.push_back({offer, accepted, minute});
  if (rule.type == OfferType::upsell) out.upsell_shown = true;
}

void ShopperModel::apply_accepted(SessionOut& out, const OfferRule& offer, int offer_index) {
  const auto& products = catalog_.products;
  switch (offer.type) {
    case OfferType::cross_sell: {
      const int product = offer.offered[0];
      const double list = products[product].price;
      out.lines.push_back({product, 1, std::max(list, offer.offered_price),
                           std::max(0.0, list - offer.offered_price), offer_index});
      return;
    }
    case OfferType::upsell: {
      // The premium item replaces the anchor: the value added is the price difference.
      for (LineOut& line : out.lines) {
        if (line.product == offer.anchor && line.offer < 0) {
          line.product = offer.offered[0];
          line.unit_price = offer.offered_price;
          line.offer = offer_index;
          return;
        }
      }
      out.lines.push_back({offer.offered[0], 1, offer.offered_price, 0.0, offer_index});
      return;
    }
    case OfferType::bundle: {
      // Every item of the bundle carries the offer; the discount makes them cost the bundle price.
      std::vector<LineOut*> members;
      for (int item : offer.offered) {
        auto it = std::find_if(out.lines.begin(), out.lines.end(), [&](const LineOut& line) {
          return line.product == item && line.offer < 0;
        });
        if (it == out.lines.end()) {
          out.lines.push_back({item, 1, products[item].price, 0.0, offer_index});
          it = out.lines.end() - 1;
        }
        it->quantity = 1;
        it->offer = offer_index;
      }
      double list_total = 0;
      for (const LineOut& line : out.lines)
        list_total += line.offer == offer_index ? line.unit_price : 0;
      const double total_discount = list_total - offer.offered_price;
      double allocated = 0;
      LineOut* last = nullptr;
      for (LineOut& line : out.lines) {
        if (line.offer != offer_index) continue;
        line.discount = std::round(line.unit_price * total_discount / list_total * 100) / 100;
        allocated += line.discount;
        last = &line;
      }
      last->discount = std::round((last->discount + total_discount - allocated) * 100) / 100;
      return;
    }
  }
}

void ShopperModel::build_basket(SessionOut& out, int viewed, Segment segment, int theme,
                                Random& random) {
  const auto& products = catalog_.products;
  const Product& anchor = products[viewed];
  add_line(out, viewed, anchor.price < 50 && random.chance(0.15) ? 2 : 1);
  for (int complement : anchor.complements) {
    if (random.chance(complement_rate(segment))) add_line(out, complement, 1);
  }
  if (viewed == tent_ && random.chance(0.6)) add_line(out, sleepbag_, 1);
  if (viewed == sleepbag_ && random.chance(0.3)) add_line(out, tent_, 1);
  if (random.chance(0.3)) {
    add_line(out, catalog_.products_by_theme[theme][catalog_.popularity[theme].pick(random)], 1);
  }
  if (random.chance(0.08)) {
    const int other = static_cast<int>(theme_choice().pick(random));
    add_line(out, catalog_.products_by_theme[other][catalog_.popularity[other].pick(random)], 1);
  }
}

void ShopperModel::play(SessionOut& out, const Customer* customer, Segment segment, int arm,
                        Random& random) {
  out = SessionOut{};
  out.arm = arm;
  out.segment = segment;
  out.channel = static_cast<int>(channel_choice().pick(random));
  if (shown_.empty()) shown_.assign(catalog_.offers.size(), 0);
  const int theme = customer != nullptr && random.chance(0.7)
                        ? customer->theme
                        : static_cast<int>(theme_choice().pick(random));
  const int viewed = catalog_.products_by_theme[theme][catalog_.popularity[theme].pick(random)];

  // Product page: offers anchored on the viewed product.
  std::vector<int> on_page;
  for (int o : catalog_.offers_by_anchor[viewed]) {
    const OfferRule& rule = catalog_.offers[o];
    if (rule.placement == "product_page" && shows(rule, arm) && random.chance(rule.show_rate))
      on_page.push_back(o);
  }
  const bool upsell_on_page = std::any_of(on_page.begin(), on_page.end(), [&](int o) {
    return catalog_.offers[o].type == OfferType::upsell;
  });
  double cart = p_.cart;
  if (segment == Segment::budget && upsell_on_page) cart *= p_.budget_upsell_cart;  // planted harm
  out.reached_cart = random.chance(cart);
  for (int o : on_page)
    show(out, o, out.reached_cart, 1, random);
  if (!out.reached_cart) return;

  build_basket(out, viewed, segment, theme, random);
  for (const ImpressionOut& impression : std::vector<ImpressionOut>(out.impressions)) {
    if (impression.accepted)
      apply_accepted(out, catalog_.offers[impression.offer], impression.offer);
  }

  // Cart: offers anchored on anything in the basket, and anchor-free ones for its categories.
  std::vector<int> in_cart;
  for (const LineOut& line : out.lines)
    in_cart.push_back(line.product);
  const auto show_and_apply = [&](int o, int minute) {
    const std::size_t before = out.impressions.size();
    show(out, o, true, minute, random);
    if (out.impressions.size() > before && out.impressions.back().accepted) {
      apply_accepted(out, catalog_.offers[o], o);
    }
  };
  for (int product : in_cart) {
    for (int o : catalog_.offers_by_anchor[product]) {
      const OfferRule& rule = catalog_.offers[o];
      if (rule.placement == "cart" && shows(rule, arm) && random.chance(rule.show_rate))
        show_and_apply(o, 3);
    }
  }
  for (int o : catalog_.anchorless_offers) {
    const OfferRule& rule = catalog_.offers[o];
    const int offered_theme = catalog_.products[rule.offered[0]].theme;
    if (rule.placement == "cart" && shows(rule, arm) && has_theme(out, catalog_, offered_theme) &&
        random.chance(rule.show_rate)) {
      show_and_apply(o, 3);
    }
  }

  // Checkout: the arms differ here (the planted experiment).
  out.reached_checkout = random.chance(p_.checkout);
  if (!out.reached_checkout) return;
  bool checkout_offer = false;
  for (int o : catalog_.anchorless_offers) {
    const OfferRule& rule = catalog_.offers[o];
    if (rule.placement == "checkout" && shows(rule, arm)) {
      show_and_apply(o, 5);
      checkout_offer = true;
    }
  }
  double buy = p_.buy;
  if (arm == 1 && checkout_offer) buy *= p_.treatment_checkout_buy;  // planted CVR drop
  out.converted = random.chance(buy);
  if (!out.converted) return;

  // After the order: post-purchase add-ons and follow-up emails join the order.
  std::vector<int> bought;
  for (const LineOut& line : out.lines)
    bought.push_back(line.product);
  for (int product : bought) {
    for (int o : catalog_.offers_by_anchor[product]) {
      const OfferRule& rule = catalog_.offers[o];
      if ((rule.placement == "post_purchase" || rule.placement == "email") && shows(rule, arm) &&
          random.chance(rule.show_rate)) {
        show_and_apply(o, rule.placement == "email" ? 60 : 7);
      }
    }
  }
}

}  // namespace basketlift::sample
