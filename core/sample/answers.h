// What the generator planted and what it actually wrote: the "answers" file beside the data,
// which tests use to check that the analyses find the planted truths.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/file_report.h"
#include "sample/catalog.h"
#include "sample/shopper_model.h"

namespace basketlift::sample {

/// Generator options (scripts/generate.sh flags).
struct GeneratorOptions {
  std::uint64_t orders = 1000;  ///< orders to write
  std::uint64_t seed = 1;       ///< random seed: same seed, same store
  Format format = Format::csv;  ///< format of the four tables
  bool shopify = false;         ///< orders and products as Shopify exports (CSV)
  bool ga4 = false;    ///< orders, offers and sessions as GA4's BigQuery export (events.ndjson)
  bool clean = false;  ///< no planted data gaps
  /// Above 0: a pre-period — each customer has one session in the test, and three in four an
  /// order in the 28 days before it whose revenue correlates `pre_period_r` (within each arm)
  /// with their session's revenue (CSV, JSON and NDJSON stores only).
  double pre_period_r = 0;
};

/// The planted pre-period (GeneratorOptions::pre_period_r).
struct PrePeriodTally {
  std::uint64_t customers = 0;  ///< customers with a session in the test
  std::uint64_t orders = 0;     ///< of those, customers with an order before it (one each)
  std::uint64_t units = 0;      ///< sessions in the test, guests included
};

/// Sessions, orders and money of one group of sessions (an arm, or an arm within a slice).
struct ArmTally {
  std::uint64_t sessions = 0;   ///< sessions in the group
  std::uint64_t converted = 0;  ///< of which ended in an order
  double revenue = 0;           ///< revenue of those orders
  double margin = 0;            ///< revenue minus true cost of goods

  /// Adds one session.
  void add(bool converted_session, double order_revenue, double order_margin) {
    ++sessions;
    if (converted_session) {
      ++converted;
      revenue += order_revenue;
      margin += order_margin;
    }
  }
};

/// What one offer did.
struct OfferTally {
  std::uint64_t impressions = 0;  ///< showings
  std::uint64_t accepted = 0;     ///< showings taken
  std::uint64_t orders = 0;       ///< orders with a line carrying its rec_id
  double revenue = 0;             ///< revenue of those lines
  double margin = 0;              ///< their revenue minus true cost
};

/// Realised counts of the planted data gaps (all zero for a clean store).
struct GapTally {
  std::uint64_t unlisted_product_lines = 0;  ///< lines of products missing from the catalogue
  double unlisted_product_revenue = 0;       ///< their revenue
  std::uint64_t products_without_cost = 0;   ///< catalogue products with no cost
  std::uint64_t lines_without_cost = 0;      ///< order lines of those products
  double revenue_without_cost = 0;           ///< their revenue (incl. unlisted products)
  std::uint64_t untracked_rec_lines = 0;  ///< lines with rec_id "legacy-carousel" (no impressions)
  std::uint64_t untagged_sessions = 0;    ///< sessions written without a variant
  std::uint64_t untagged_orders = 0;      ///< orders of those sessions
  std::uint64_t orders_with_unknown_session =
      0;                                     ///< orders whose session is not in the sessions file
  std::uint64_t duplicate_lines = 0;         ///< order lines written twice
  std::uint64_t bad_quantity_rows = 0;       ///< extra rows with quantity "abc"
  std::uint64_t negative_price_rows = 0;     ///< extra rows with a negative unit_price
  std::uint64_t unparsable_timestamps = 0;   ///< orders whose timestamp is not a date
  std::uint64_t second_currency_orders = 0;  ///< orders in USD instead of EUR
  std::uint64_t unlisted_offer_impressions =
      0;  ///< impressions whose anchor or offer is not in the catalogue
};

/// Everything the answers file states.
struct Answers {
  GeneratorOptions options;
  ModelParameters parameters;
  std::uint64_t orders = 0;              ///< orders written (with sale lines)
  std::uint64_t order_lines = 0;         ///< valid lines written (duplicates included)
  std::uint64_t sessions = 0;            ///< session rows written
  std::uint64_t impressions = 0;         ///< impression rows written
  std::uint64_t customers = 0;           ///< distinct customers
  std::uint64_t catalogue_products = 0;  ///< rows of the products file
  ArmTally overall[2];                   ///< control, treatment (tagged or not)
  ArmTally checkout[2];                  ///< sessions shown a checkout offer
  ArmTally budget[2];                    ///< budget-segment sessions
  std::vector<OfferTally> offers;        ///< per catalogue offer
  std::uint64_t tent_orders = 0, sleepbag_orders = 0, tent_and_sleepbag_orders = 0;
  std::uint64_t drill_orders = 0, lipstick_orders = 0, drill_and_lipstick_orders = 0;
  GapTally gaps;
  PrePeriodTally pre_period;  ///< zero unless options.pre_period_r > 0
};

/// Writes the answers as pretty JSON (planted effects with their sizes, realised counts).
std::string answers_json(const Answers& answers, const Catalog& catalog);

}  // namespace basketlift::sample
