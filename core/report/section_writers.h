// Writers of the report's sections (one file per section), used by report_json.cpp.
#pragma once

#include "report/report.h"
#include "util/json_writer.h"

namespace basketlift {

/// An interval as [low, high] (nulls when unknown).
void write_interval(JsonWriter& out, const Interval& interval);
/// A comparison of treatment with control: estimates, deltas, intervals, p-values.
void write_comparison(JsonWriter& out, const Comparison& comparison);
/// `{"available": false, "reason": ...}`.
void write_unavailable(JsonWriter& out, const std::string& reason);

/// A sample-ratio check: p-value, verdict, units observed and expected per arm.
void write_srm(JsonWriter& out, const SrmCheck& srm);
/// One arm against control within one slice: units, orders, SRM and each metric's test.
void write_arm_comparison(JsonWriter& out, const ArmComparison& comparison);

/// The `dimensions` section.
void write_dimensions(JsonWriter& out, const DimensionsResult& dimensions, double confidence);
/// The `experiment` section.
void write_experiment(JsonWriter& out, const ExperimentResult& experiment);
/// The `offers` section.
void write_offers(JsonWriter& out, const OffersResult& offers, const Store& store,
                  const Settings& settings, std::uint64_t accepted_derived);
/// The `retire` section (the offers to retire, with the rule).
void write_retire(JsonWriter& out, const OffersResult& offers, const Store& store,
                  const Settings& settings);
/// The `ltv` section.
void write_ltv(JsonWriter& out, const LtvResult& ltv);
/// The `basket` section.
void write_basket(JsonWriter& out, const BasketResult& basket, const Store& store,
                  const Settings& settings);
/// The `trends` section.
void write_trends(JsonWriter& out, const TrendsResult& trends, const Store& store);
/// The `data_gaps` section.
void write_data_gaps(JsonWriter& out, const DataGapsResult& gaps);
/// The `alerts` section.
void write_alerts(JsonWriter& out, const std::vector<Alert>& alerts);

}  // namespace basketlift
