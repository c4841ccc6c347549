// Google Analytics 4's BigQuery export as the source of the aggregates query (basketlift sql
// --source ga4): the events become the orders, offers and sessions tables the query reads.
#pragma once

#include "warehouse/query_builder.h"

namespace basketlift {

/// The CTE holding GA4's purchase items as the orders table.
constexpr const char* kGa4Orders = "ga4_orders";
/// The CTE holding GA4's recommendation impressions as the offers table.
constexpr const char* kGa4Offers = "ga4_offers";
/// The CTE holding GA4's sessions as the sessions table.
constexpr const char* kGa4Sessions = "ga4_sessions";

/// Adds the CTEs reading request().ga4_events: events, items, acceptance, the three tables.
void add_ga4_query(QueryBuilder& query);
/// Adds GA4's rows: purchase items by the rule that found their list, impressions without a
/// list, impressions and lists without an offer type (with up to request().examples lists).
void add_ga4_rows(QueryBuilder& query);

}  // namespace basketlift
