#include "sample/answers.h"

#include <cmath>

#include "util/json_writer.h"

namespace basketlift::sample {

namespace {

const char* arm_name(Arm arm) {
  switch (arm) {
    case Arm::both:
      return "both";
    case Arm::control:
      return "control";
    case Arm::treatment:
      return "treatment";
  }
  return "both";
}

// Money to the cent (sums of many prices carry float noise in the last digits).
double to_cents(double amount) {
  return std::round(amount * 100) / 100;
}

void write_tally(JsonWriter& out, const ArmTally& t) {
  out.begin_object();
  out.field("sessions", t.sessions).field("converted", t.converted);
  out.field("cvr",
            t.sessions ? static_cast<double>(t.converted) / static_cast<double>(t.sessions) : 0.0);
  out.field("revenue", to_cents(t.revenue)).field("margin", to_cents(t.margin));
  out.field("aov", t.converted ? t.revenue / static_cast<double>(t.converted) : 0.0);
  out.field("margin_per_session", t.sessions ? t.margin / static_cast<double>(t.sessions) : 0.0);
  out.end_object();
}

void write_arms(JsonWriter& out, const ArmTally (&arms)[2]) {
  out.key("control");
  write_tally(out, arms[0]);
  out.key("treatment");
  write_tally(out, arms[1]);
}

struct PlantedOffer {
  const char* rec_id;
  const char* expected;
  const char* why;
};

constexpr PlantedOffer kPlantedOffers[] = {
    {"xs-mouse-laptop", "profitable",
     "cross-sell with high acceptance and a 33% margin on the offered price"},
    {"bundle-laptop-bag", "unprofitable",
     "bundle priced at 579.00 below its items' cost of 590.00"},
    {"xs-warranty-cart", "keep_low_acceptance",
     "acceptance 0.4% of cart sessions shown it, far under the 2% floor, but each take earns "
     "59.00: profitable, so never retired (it carries a low-acceptance note)"},
    {"xs-giftwrap-cart", "retire",
     "gift wrapping sold at cost and taken by 0.5%: rarely taken and earns nothing"},
    {"xs-socks-email", "inconclusive", "capped at 40 impressions: too few to judge"},
    {"xs-drill-lipstick", "low_lift",
     "pushes a beauty item to tool buyers: the pair's lift is below 1"},
    {"up-laptop-pro", "upsell", "the seed's example: 800 laptop upgraded to 1000 at about 7%"},
    {"xs-cable-checkout", "control_checkout", "the control arm's mild checkout offer"},
    {"xs-care-kit-checkout", "treatment_checkout",
     "the treatment arm's checkout offer: lifts AOV, costs conversions"},
};

void write_offers(JsonWriter& out, const Answers& answers, const Catalog& catalog) {
  out.key("planted_offers").begin_object();
  for (const PlantedOffer& planted : kPlantedOffers) {
    const int index = catalog.offer(planted.rec_id);
    if (index < 0) continue;
    const OfferRule& rule = catalog.offers[index];
    const OfferTally& t = answers.offers[index];
    out.key(planted.rec_id).begin_object();
    out.field("expected", planted.expected).field("why", planted.why);
    out.field("type", offer_type_name(rule.type)).field("placement", rule.placement);
    out.field("arm", arm_name(rule.arm));
    out.key("anchor_product_id");
    rule.anchor >= 0 ? out.value(catalog.products[rule.anchor].id) : out.null();
    std::string offered;
    for (int product : rule.offered)
      offered += (offered.empty() ? "" : "+") + catalog.products[product].id;
    out.field("offered_product_id", offered).field("offered_price", rule.offered_price);
    out.field("acceptance_given_cart", rule.acceptance);
    out.field("impressions", t.impressions).field("accepted", t.accepted).field("orders", t.orders);
    out.field("revenue", to_cents(t.revenue)).field("margin", to_cents(t.margin));
    out.end_object();
  }
  out.end_object();
  out.field("offer_count", static_cast<std::uint64_t>(catalog.offers.size()));
}

void write_gaps(JsonWriter& out, const GapTally& g, const GeneratorOptions& options) {
  out.begin_object();
  out.field("planted", !options.clean);
  out.key("missing_product_mapping").begin_object();
  out.field("lines", g.unlisted_product_lines)
      .field("revenue", to_cents(g.unlisted_product_revenue));
  out.key("products").begin_array();
  if (!options.clean) {
    for (const char* id : {"GHOST-1", "GHOST-2", "GHOST-3"})
      out.value(id);
  }
  out.end_array().end_object();
  out.key("missing_cost").begin_object();
  out.field("catalogue_products", g.products_without_cost).field("lines", g.lines_without_cost);
  out.field("revenue", to_cents(g.revenue_without_cost)).end_object();
  out.key("untracked_rec_ids").begin_object();
  out.key("rec_ids").begin_array();
  if (g.untracked_rec_lines > 0) out.value("legacy-carousel");
  out.end_array().field("lines", g.untracked_rec_lines).end_object();
  out.key("untagged_sessions").begin_object();
  out.field("sessions", g.untagged_sessions).field("orders", g.untagged_orders).end_object();
  out.field("orders_with_unknown_session", g.orders_with_unknown_session);
  out.field("duplicate_lines", g.duplicate_lines);
  out.key("bad_values").begin_object();
  out.field("quantity_not_a_number", g.bad_quantity_rows)
      .field("negative_unit_price", g.negative_price_rows);
  out.end_object();
  out.field("unparsable_timestamps", g.unparsable_timestamps);
  out.key("currencies").begin_object();
  out.field("main", "EUR")
      .field("second", "USD")
      .field("second_currency_orders", g.second_currency_orders);
  out.end_object();
  out.field("impressions_with_unlisted_products", g.unlisted_offer_impressions);
  out.end_object();
}

}  // namespace

std::string answers_json(const Answers& a, const Catalog& catalog) {
  JsonWriter out(true);
  out.begin_object();
  out.key("generator").begin_object();
  const char* format = format_name(a.options.format);
  std::string command = "scripts/generate.sh --orders " + std::to_string(a.options.orders) +
                        " --seed " + std::to_string(a.options.seed) + " --format " + format;
  if (a.options.shopify) command += " --shopify";
  if (a.options.clean) command += " --clean";
  if (a.options.pre_period_r > 0)
    command += " --pre-period-r " + std::to_string(a.options.pre_period_r);
  out.field("command", command + " --out DIR");
  out.field("orders", a.options.orders).field("seed", a.options.seed).field("format", format);
  out.field("shopify", a.options.shopify).field("clean", a.options.clean);
  out.end_object();

  out.key("counts").begin_object();
  out.field("orders", a.orders).field("order_lines", a.order_lines).field("sessions", a.sessions);
  out.field("impressions", a.impressions).field("customers", a.customers);
  out.field("catalogue_products", a.catalogue_products);
  out.end_object();

  const ModelParameters& p = a.parameters;
  out.key("experiment").begin_object();
  out.field("control_arm", "control")
      .field("treatment_arm", "treatment")
      .field("split", "50/50 by session");
  out.key("overall").begin_object();
  write_arms(out, a.overall);
  out.end_object();
  out.key("checkout").begin_object();
  out.field(
      "planted",
      "in the treatment arm, sessions shown the checkout offer buy less often; the offer raises "
      "AOV but margin per session is lower than in control");
  out.field("slice", "sessions with an impression at placement checkout");
  out.field("true_relative_cvr_change", std::round((p.treatment_checkout_buy - 1) * 1e6) / 1e6);
  write_arms(out, a.checkout);
  out.end_object();
  out.key("budget_segment").begin_object();
  out.field("planted",
            "budget shoppers shown a premium upsell (treatment arm) add to cart less often");
  out.field("segment", "budget");
  out.field("true_cart_multiplier_when_upsell_shown", p.budget_upsell_cart);
  write_arms(out, a.budget);
  out.end_object();
  out.end_object();

  write_offers(out, a, catalog);
  out.key("expected").begin_object();
  out.key("profitable")
      .begin_array()
      .value("xs-mouse-laptop")
      .value("xs-warranty-cart")
      .end_array();
  out.key("unprofitable")
      .begin_array()
      .value("bundle-laptop-bag")
      .value("xs-care-kit-checkout")
      .end_array();
  out.key("retire")
      .begin_array()
      .value("xs-giftwrap-cart")
      .value("bundle-laptop-bag")
      .value("xs-care-kit-checkout")
      .end_array();
  out.key("low_acceptance_note").begin_array().value("xs-warranty-cart").end_array();
  out.key("inconclusive").begin_array().value("xs-socks-email").end_array();
  out.key("segment_relevance").begin_object();
  out.field("rec_id", "up-laptop-pro").field("segment", "budget").field("versus", "premium");
  out.field("planted",
            "budget shoppers take it half as often, and when shown any upsell they reach the "
            "cart less often (budget_segment)");
  const double take = catalog.offers[catalog.offer("up-laptop-pro")].budget_acceptance;
  out.field("true_acceptance_multiplier", take);
  // Acceptance counts every impression, and only shoppers who reach the cart can take it.
  out.field("true_acceptance_ratio", std::round(take * p.budget_upsell_cart * 1e6) / 1e6);
  out.field("true_conversion_ratio", p.budget_upsell_cart);
  out.field("alert", "offer_hurts_segment");
  out.end_object();
  out.end_object();

  out.key("basket").begin_object();
  out.key("uncovered_pair").begin_object();
  out.field("a", "TENT-2P").field("b", "SLEEPBAG");
  out.field("orders_with_a", a.tent_orders).field("orders_with_b", a.sleepbag_orders);
  out.field("orders_with_both", a.tent_and_sleepbag_orders).end_object();
  out.key("low_lift_offer").begin_object();
  out.field("rec_id", "xs-drill-lipstick").field("a", "DRILL-18V").field("b", "LIPSTICK-RED");
  out.field("orders_with_a", a.drill_orders).field("orders_with_b", a.lipstick_orders);
  out.field("orders_with_both", a.drill_and_lipstick_orders).end_object();
  out.end_object();

  if (a.options.pre_period_r > 0) {
    // CUPED should find r² of the revenue variance among the units with a pre-period.
    const double covered = a.pre_period.units > 0 ? static_cast<double>(a.pre_period.orders) /
                                                        static_cast<double>(a.pre_period.units)
                                                  : 0;
    out.key("pre_period").begin_object();
    out.field("r", a.options.pre_period_r).field("customers", a.pre_period.customers);
    out.field("customers_with_orders", a.pre_period.orders).field("units", a.pre_period.units);
    out.field("covered_share", covered)
        .field("expected_rpv_variance_reduction",
               covered * a.options.pre_period_r * a.options.pre_period_r);
    out.end_object();
  }
  out.key("data_gaps");
  write_gaps(out, a.gaps, a.options);
  out.end_object();
  std::string text = out.take();
  text += '\n';
  return text;
}

}  // namespace basketlift::sample
