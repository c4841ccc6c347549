// Offer impressions: one record per showing of an offer.
#include <array>
#include <string>

#include "ingest/table_loader.h"

namespace basketlift {

namespace {

std::optional<OfferType> parse_offer_type(std::string_view text) {
  // The canonical spellings (nearly every row) without building a normalised copy.
  if (text == "cross_sell") return OfferType::cross_sell;
  if (text == "upsell") return OfferType::upsell;
  if (text == "bundle") return OfferType::bundle;
  const std::string type = normalize_header(text);
  if (type == "crosssell" || type == "xsell") return OfferType::cross_sell;
  if (type == "upsell") return OfferType::upsell;
  if (type == "bundle") return OfferType::bundle;
  return std::nullopt;
}

bool is_known_placement(std::string_view placement) {
  static constexpr std::array<std::string_view, 5> kKnown = {"product_page", "cart", "checkout",
                                                             "post_purchase", "email"};
  for (std::string_view known : kKnown) {
    if (placement == known) return true;
  }
  return false;
}

class OffersLoader final : public TableLoader {
 public:
  explicit OffersLoader(const LoaderContext& context)
      : ctx_(context),
        impressions_at_start_(context.store.impressions.size()),
        sessions_at_start_(context.store.pools.sessions.size()) {}

  void reserve(std::size_t rows, std::size_t seen) override {
    ImpressionColumns& im = ctx_.store.impressions;
    im.reserve(expected_size(impressions_at_start_, im.size(), rows, seen));
    // Impressions name sessions the orders did not (browsing that bought nothing): room for
    // them at the rate of the first rows, so the id table is not placed anew at each growth.
    IdPool& sessions = ctx_.store.pools.sessions;
    sessions.reserve(expected_size(sessions_at_start_, sessions.size(), rows, seen));
  }

  std::optional<Rejection> load(const Record& record, FileReport& report) override {
    RowReader r(record, ctx_.values);
    const std::string_view rec = r.text(Field::rec_id);
    const std::string_view type_text = r.text(Field::type);
    const std::string_view placement = r.text(Field::placement);
    const std::string_view offered = r.text(Field::offered_product_id);
    if (rec.empty()) r.reject(RejectReason::missing_required_field, Field::rec_id);
    if (type_text.empty()) r.reject(RejectReason::missing_required_field, Field::type);
    if (placement.empty()) r.reject(RejectReason::missing_required_field, Field::placement);
    if (offered.empty()) r.reject(RejectReason::missing_required_field, Field::offered_product_id);
    const std::optional<OfferType> type = parse_offer_type(type_text);
    if (!type_text.empty() && !type) r.reject(RejectReason::invalid_offer_type, Field::type);
    const double offered_price = r.number(Field::offered_price, Bound::non_negative, kNoNumber);
    const std::optional<bool> accepted = r.boolean(Field::accepted);
    const std::string_view anchor = r.text(Field::anchor_product_id);
    const std::string_view session = r.text(Field::session_id);
    const std::string_view order = r.text(Field::order_id);
    const std::string_view customer = r.text(Field::customer_id);
    const std::string_view variant = r.text(Field::variant);
    r.text(Field::timestamp);  // rejects a nested value before anything is stored
    if (!r.ok()) return r.rejection();

    const std::uint64_t row = record.row;
    Store& store = ctx_.store;
    Pools& pools = store.pools;
    ImpressionColumns& im = store.impressions;
    if (!is_known_placement(placement))
      report.note(row, RowNote::unknown_placement, "placement", placement);
    OfferShape shape{pools.recs.intern(rec),
                     *type,
                     placement_cache_.intern(pools.labels, placement),
                     product_or_none(anchor),
                     kNoId,
                     kNoId,
                     offered_price};
    if (*type == OfferType::bundle) {
      if (offered.find('+') == std::string_view::npos) {
        report.note(row, RowNote::bundle_without_parts, "offered_product_id", offered);
      }
      bundle_parts(offered);
      shape.offered = parts_.front();
      shape.bundle = im.shapes.add_bundle(parts_);
    } else {
      shape.offered = product_or_none(offered);
    }
    im.shape.push_back(im.shapes.intern(shape));
    im.session.push_back(intern_or_none(pools.sessions, session));
    im.order.push_back(order_or_none(order));
    im.customer.push_back(intern_or_none(pools.customers, customer));
    im.time.push_back(time_reader_.read(r, Field::timestamp, row, report));
    im.variant.push_back(variant_cache_.intern(pools.labels, variant));
    im.accepted.push_back(accepted ? static_cast<std::int8_t>(*accepted) : std::int8_t{-1});
    im.origin.push_back({ctx_.file, static_cast<std::uint32_t>(row)});
    return std::nullopt;
  }

 private:
  std::uint32_t product_or_none(std::string_view text) {
    if (text.empty()) return kNoId;
    const std::uint32_t product = ctx_.store.pools.products.intern(text);
    ctx_.store.products.ensure(product);
    return product;
  }

  std::uint32_t order_or_none(std::string_view text) {
    if (text.empty()) return kNoId;
    const std::uint32_t order = ctx_.store.pools.orders.intern(text);
    ctx_.store.orders.ensure(order);
    return order;
  }

  // "A+B+C" → products A, B, C in parts_ (empty parts are skipped; at least one entry).
  void bundle_parts(std::string_view offered) {
    parts_.clear();
    while (true) {
      const std::size_t plus = offered.find('+');
      const std::uint32_t part = product_or_none(trim_spaces(offered.substr(0, plus)));
      if (part != kNoId) parts_.push_back(part);
      if (plus == std::string_view::npos) break;
      offered.remove_prefix(plus + 1);
    }
    if (parts_.empty()) parts_.push_back(product_or_none(offered));
  }

  LoaderContext ctx_;
  std::size_t impressions_at_start_;
  std::size_t sessions_at_start_;  // session ids before this file
  TimeReader time_reader_;
  LabelCache placement_cache_, variant_cache_;  // placement is required: never empty here
  std::vector<std::uint32_t> parts_;            // the bundle being read
};

}  // namespace

std::unique_ptr<TableLoader> make_offers_loader(const LoaderContext& context) {
  return std::make_unique<OffersLoader>(context);
}

}  // namespace basketlift
