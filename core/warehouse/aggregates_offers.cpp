// The offers rows of an aggregates file (format 2): `offers` (section facts), `offer` (one
// offer's facts and sums), `offer_arm`, `offer_group` and `placement_group`.
#include <algorithm>
#include <array>
#include <charconv>

#include "ingest/value_parse.h"
#include "warehouse/aggregates.h"
#include "warehouse/packed_layouts.h"

namespace basketlift {

namespace {

constexpr std::array<std::string_view, 4> kOfferTexts = {"type", "placement", "anchor", "offered"};

bool one_of(std::span<const std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// "segment:x" or "channel:x".
bool is_group(const std::string& key) {
  return (key.rfind("segment:", 0) == 0 && key.size() > 8) ||
         (key.rfind("channel:", 0) == 0 && key.size() > 8);
}

}  // namespace

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
    OfferAggregate& offer = offers.offers[scope];
    if (one_of(kOfferTexts, measure)) {
      if (measure == "type" && value != "cross_sell" && value != "upsell" && value != "bundle")
        return RowProblem{"value", "'" + value + "' is not an offer type"};
      offer.text[measure] = value;
      return std::nullopt;
    }
    if (!one_of(kOfferSumsLayout, measure))
      return RowProblem{"measure", "'" + measure + "' is not an offer measure"};
    return row_number(value, offer.numbers[measure]);
  }
  if (kind == "offer_arm") {
    if (key.empty()) return RowProblem{"key", "an offer_arm row names its arm"};
    offers.offers[scope].arms.push_back(key);
    return std::nullopt;
  }
  if (!is_group(key)) return RowProblem{"key", "'" + key + "' is not segment:… or channel:…"};
  if (kind == "offer_group") {
    if (!one_of(kGroupSumsLayout, measure))
      return RowProblem{"measure", "'" + measure + "' is not an offer group measure"};
    return row_number(value, offers.offers[scope].groups[key][measure]);
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

}  // namespace basketlift
