// The sections of the aggregates query, each adding its CTEs and output rows to a QueryBuilder.
// Orders come first (order_checked, sale_lines, line_values, sale_orders, scoped_orders);
// sessions (session_list) and offers (shown) before the experiment, which reads them; the
// offers' sums last (they read the experiment's units).
#pragma once

#include "warehouse/query_builder.h"

namespace basketlift {

/// Orders: reading, checks, status, sale lines, their values and the orders (with the catalogue
/// when one is named).
void add_orders_query(QueryBuilder& query);
/// Sessions: reading, checks, one entry per session id.
void add_sessions_query(QueryBuilder& query);
/// Offers: reading, checks, acceptance (given or derived from the orders), units shown in.
void add_offers_query(QueryBuilder& query);
/// Sale lines with revenue in scope and their offer's value and margin (after offers).
void add_scoped_lines(QueryBuilder& query);
/// The experiment's units, caps and sums per slice and arm (after orders, sessions, offers).
void add_experiment_query(QueryBuilder& query);
/// The columns of experiment.h's ArmStats summed over the rows of unit_terms in one group
/// (units, converted, orders, revenue_sum, ... : the arm_sums layout's measures).
std::string arm_sums_columns(const SqlSyntax& sql);
/// The experiment's rows: unit kind, untagged units, caps, totals and sums per slice and arm.
void add_experiment_rows(QueryBuilder& query);
/// The offers' sums: facts, lines, moments, exposure, groups, arms (after the experiment).
void add_offer_sums_query(QueryBuilder& query);
/// The offers' rows: per offer, per offer and group, per placement, group and arm.
void add_offer_rows(QueryBuilder& query);
/// Dimensions: per dimension its largest groups, the rest and the whole store (after offer sums).
void add_dimensions_query(QueryBuilder& query);
/// The dimensions' rows: figures per group, product names.
void add_dimensions_rows(QueryBuilder& query);
/// Baskets: per set of baskets its counts, its items' and pairs' baskets (after offers).
void add_basket_query(QueryBuilder& query);
/// The baskets' rows: sets, items, pairs, paired products, the shop's own offers among them.
void add_basket_rows(QueryBuilder& query);
/// Customer value: per horizon, adopters' and others' customers, repeaters and revenue sums
/// (after the trends: their trend_orders).
void add_ltv_query(QueryBuilder& query);
/// Customer value's rows: whether customers are named, counts, the last order, per horizon.
void add_ltv_rows(QueryBuilder& query);
/// Trends: per local day its figures, the listed offers' per day, the offers in the change
/// windows, the experiment's units per start day (after every section they read).
void add_trends_query(QueryBuilder& query);
/// The trends' rows.
void add_trends_rows(QueryBuilder& query);
/// The pre-period adjustment: each customer's pre-period, per arm the sums of its units'
/// outcomes and pre-period values and their products (after the trends: their unit_starts).
void add_cuped_query(QueryBuilder& query);
/// The pre-period adjustment's rows: units naming a customer, customers with a pre-period, arms.
void add_cuped_rows(QueryBuilder& query);
/// The settings row, the tables' accounts and rejections, and the summary's sums.
void add_summary_rows(QueryBuilder& query);

}  // namespace basketlift
