// The offers rows of an aggregates file (format 2): `offers` (section facts), `offer` (one
// offer's facts and sums), `offer_arm`, `offer_group` and `placement_group`.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "ingest/value_parse.h"
#include "warehouse/aggregates.h"
#include "warehouse/packed_layouts.h"

namespace basketlift {

namespace {

// "segment:x" or "channel:x".
bool is_group(const std::string& key) {
  return (key.rfind("segment:", 0) == 0 && key.size() > 8) ||
         (key.rfind("channel:", 0) == 0 && key.size() > 8);
}

// The sums of group `key` of an offer, made (every measure NaN: not read) when new.
std::array<double, kGroupSumsLayout.size()>& group_sums(OfferAggregate& offer,
                                                        const std::string& key) {
  auto [group, added] = offer.groups.try_emplace(key);
  if (added) group->second = nan_filled<kGroupSumsLayout.size()>();
  return group->second;
}

}  // namespace

OfferAggregate& OffersAggregates::offer(const std::string& rec_id) {
  if (found_.offer != nullptr && rec_id == found_.rec_id) return *found_.offer;
  if (found_.index.size() != offers.size()) {  // offers filled directly, or a copy
    found_.index.clear();
    for (auto& [rec, offer] : offers)
      found_.index.emplace(rec, &offer);
  }
  auto [at, added] = found_.index.try_emplace(rec_id, nullptr);
  if (added) at->second = &offers[rec_id];
  found_.offer = at->second;
  found_.rec_id = rec_id;
  return *found_.offer;
}

double OfferAggregate::number(std::string_view name, double fallback) const {
  const std::size_t i = layout_index(kOfferSumsLayout, name);
  return i < numbers.size() && !std::isnan(numbers[i]) ? numbers[i] : fallback;
}

const std::string& OfferAggregate::fact(std::string_view name) const {
  static const std::string kNone;
  const std::size_t i = layout_index(kOfferTexts, name);
  return i < text.size() ? text[i] : kNone;
}

std::optional<RowProblem> row_number(const std::string& text, double& out) {
  const std::optional<double> parsed = parse_number(text);
  if (!parsed) return RowProblem{"value", "'" + text + "' is not a number"};
  out = *parsed;
  return std::nullopt;
}

bool is_offer_row(std::string_view kind) {
  return kind == "offers" || kind == "offer" || kind == "offer_arm" || kind == "offer_group" ||
         kind == "placement_group";
}

std::optional<RowProblem> read_offer_row(OffersAggregates& offers, const std::string& kind,
                                         const std::string& scope, const std::string& key,
                                         const std::string& measure, const std::string& value) {
  offers.present = true;
  if (kind == "offers") {
    double n = 0;
    if (auto problem = row_number(value, n)) return problem;
    if (measure == "accepted_derived") {
      offers.accepted_derived = static_cast<std::uint64_t>(n);
    } else if (measure == "costs_known") {
      offers.costs_known = n != 0;
    } else {
      return RowProblem{"measure", "'" + measure + "' is not an offers measure"};
    }
    return std::nullopt;
  }
  if (scope.empty()) {
    return RowProblem{"scope", kind == "placement_group"
                                   ? "a placement_group row names its placement"
                                   : "an offer row names its rec_id"};
  }
  if (kind == "offer") {
    OfferAggregate& offer = offers.offer(scope);
    if (const std::size_t t = layout_index(kOfferTexts, measure); t < kOfferTexts.size()) {
      if (measure == "type" && value != "cross_sell" && value != "upsell" && value != "bundle")
        return RowProblem{"value", "'" + value + "' is not an offer type"};
      offer.text[t] = value;
      return std::nullopt;
    }
    const std::size_t i = layout_index(kOfferSumsLayout, measure);
    if (i == kOfferSumsLayout.size())
      return RowProblem{"measure", "'" + measure + "' is not an offer measure"};
    return row_number(value, offer.numbers[i]);
  }
  if (kind == "offer_arm") {
    if (key.empty()) return RowProblem{"key", "an offer_arm row names its arm"};
    offers.offer(scope).arms.push_back(key);
    return std::nullopt;
  }
  if (!is_group(key)) return RowProblem{"key", "'" + key + "' is not segment:… or channel:…"};
  if (kind == "offer_group") {
    const std::size_t i = layout_index(kGroupSumsLayout, measure);
    if (i == kGroupSumsLayout.size())
      return RowProblem{"measure", "'" + measure + "' is not an offer group measure"};
    return row_number(value, group_sums(offers.offer(scope), key)[i]);
  }
  // placement_group: measure "units:ARM" or "converted:ARM".
  const std::size_t colon = measure.find(':');
  const std::string stat = measure.substr(0, colon);
  if (colon == std::string::npos || colon + 1 == measure.size() ||
      (stat != "units" && stat != "converted")) {
    return RowProblem{"measure", "'" + measure + "' is not units:ARM or converted:ARM"};
  }
  std::pair<double, double>& cell =
      offers.placement_groups[{scope, key, measure.substr(colon + 1)}];
  return row_number(value, stat == "units" ? cell.first : cell.second);
}

bool read_packed_offer_row(OffersAggregates& offers, const std::string& kind,
                           const std::string& scope, const std::string& key,
                           std::string_view layout, std::span<const std::string> values,
                           std::optional<RowProblem>& problem) {
  const bool offer_row = kind == "offer" && layout == "offer_sums";
  if (!offer_row && !(kind == "offer_group" && layout == "group_sums")) return false;
  double* target = nullptr;  // the first of the row's measures, found at its first value
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    if (target == nullptr) {
      offers.present = true;
      if (scope.empty()) {
        problem = RowProblem{"scope", "an offer row names its rec_id"};
        return true;
      }
      OfferAggregate& offer = offers.offer(scope);
      if (offer_row) {
        target = offer.numbers.data();
      } else {
        if (!is_group(key)) {
          problem = RowProblem{"key", "'" + key + "' is not segment:… or channel:…"};
          return true;
        }
        target = group_sums(offer, key).data();
      }
    }
    if ((problem = row_number(values[i], target[i]))) return true;
  }
  return true;
}

}  // namespace basketlift
