// Customer value (SPEC §3.6): customers who accepted an offer against those who never did.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/context.h"
#include "analysis/moments.h"
#include "analysis/stat_tests.h"

namespace basketlift {

/// One group of customers over one horizon.
struct LtvGroup {
  double customers = 0;       ///< customers observed for the whole horizon
  double repeaters = 0;       ///< of whom ordered again within it
  double repeat_rate = kNaN;  ///< repeaters / customers
  Interval repeat_rate_ci;    ///< Wilson interval
  double revenue_per_customer =
      kNaN;             ///< revenue of orders within the horizon, first order included
  Interval revenue_ci;  ///< t interval of the mean
};

/// Adopters against non-adopters over one horizon.
struct LtvWindow {
  int days = 0;                   ///< horizon after the first order
  LtvGroup adopters;              ///< accepted at least one offer
  LtvGroup others;                ///< never did
  Comparison repeat_difference;   ///< adopters − others (two-proportion test)
  Comparison revenue_difference;  ///< adopters − others (Welch)
};

/// The ltv section.
struct LtvResult {
  bool available = false;          ///< false without customer ids or times (see reason)
  std::string reason;              ///< why unavailable
  std::uint64_t customers = 0;     ///< customers with a dated first order
  std::uint64_t adopters = 0;      ///< of whom accepted an offer
  std::int64_t data_end = 0;       ///< time of the last order (epoch seconds)
  std::vector<LtvWindow> windows;  ///< one per settings.ltv_windows_days
  std::string caveat;              ///< the observational warning
};

/// One group of customers over one horizon, as sums.
struct LtvGroupSums {
  Moments revenue;       ///< revenue per customer within the horizon
  double repeaters = 0;  ///< customers who ordered again within it
};

/// What the ltv section is computed from (the rows give it, or a warehouse sums it).
struct LtvSums {
  bool customers_named = false;  ///< some row carries a customer_id
  std::uint64_t customers = 0;   ///< customers with a dated sale order
  std::uint64_t adopters = 0;    ///< of whom accepted an offer
  std::int64_t data_end = 0;     ///< time of the last such order (epoch seconds)
  /// Per settings.ltv_windows_days: [others, adopters] among customers observed for the whole
  /// horizon.
  std::vector<std::array<LtvGroupSums, 2>> windows;
};

/// The customers' sums: first order, revenue and repeat orders within each horizon.
LtvSums ltv_sums(const AnalysisContext& ctx);

/// The ltv section from its sums.
LtvResult ltv_from_sums(const LtvSums& sums, const Settings& settings);

/// Compares customer value of offer adopters and non-adopters.
LtvResult analyze_ltv(const AnalysisContext& ctx);

}  // namespace basketlift
