// The sections of the aggregates query, each adding its CTEs and output rows to a QueryBuilder.
// Orders come first (order_checked, sale_lines, line_values, sale_orders, scoped_orders);
// sessions (session_list) before the experiment, which reads both.
#pragma once

#include "warehouse/query_builder.h"

namespace basketlift {

/// Orders: reading, checks, status, sale lines, their values and the orders (with the catalogue
/// when one is named).
void add_orders_query(QueryBuilder& query);
/// Sessions: reading, checks, one entry per session id.
void add_sessions_query(QueryBuilder& query);
/// The experiment's units, caps and sums per slice and arm (after orders and sessions).
void add_experiment_query(QueryBuilder& query);
/// The experiment's rows: unit kind, untagged units, caps, totals and sums per slice and arm.
void add_experiment_rows(QueryBuilder& query);
/// The settings row, the tables' accounts and rejections, and the summary's sums.
void add_summary_rows(QueryBuilder& query);

}  // namespace basketlift
