/* dd-analytics.h: the statistics of the Statistics page, the charts and the deck
 *
 * Every figure is defined in README.md, "Statistics: how each figure is
 * computed"; the short form is repeated at each field below.
 *
 * Plain data: the structs are read directly (no getters); arrays follow the
 * order of the code arrays of dd-codes.h (dd_verdicts, dd_reply_classes,
 * dd_suggestion_states). A rate with nothing to divide by is NAN: test it
 * with dd_analytics_rate_known(), show it with dd_analytics_format_rate()
 * ("no data"). Nothing here ever divides by zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-stats.h"     /* DD_N_VERDICTS, DD_N_CLASSES, DD_N_STATES, DD_N_KINDS */
#include "dd-store.h"

G_BEGIN_DECLS

/**
 * DdAnalyticsFilter:
 * @from: (nullable): first day, YYYY-MM-DD; %NULL: no lower bound
 * @to: (nullable): the day AFTER the last one (half-open [from, to));
 *   %NULL: no upper bound
 * @district: (nullable): %NULL: all. A suggestion's district is its
 *   station's district (suggestions.station_id → stations.district), or,
 *   when it has no station, its lead proposer's (suggestion_proposers
 *   position 1 → deputies.district). A reception's district is its
 *   station's.
 * @unit_id: 0: all; else only suggestions whose current lead unit
 *   (suggestion_units role 'lead') is this unit
 * @category: (nullable): a code of dd_suggestion_categories; %NULL: all
 * @kind: (nullable): a code of dd_suggestion_kinds; %NULL: all
 *
 * Which suggestions a statistic counts: those registered in the period
 * (suggestions.registered_on in [from, to)) that match every other field
 * set. Receptions count by held_on in the period and @district only (the
 * unit, category and kind do not apply to them). Strings are owned by the
 * filter (g_free()d by dd_analytics_filter_free()); set them with
 * g_free() + g_strdup().
 */
typedef struct
{
  char   *from;
  char   *to;
  char   *district;
  gint64  unit_id;
  char   *category;
  char   *kind;
} DdAnalyticsFilter;

DdAnalyticsFilter *dd_analytics_filter_new       (void);
/* [YYYY-01-01, YYYY+1-01-01), nothing else set. */
DdAnalyticsFilter *dd_analytics_filter_new_year  (int                      year);
DdAnalyticsFilter *dd_analytics_filter_copy      (const DdAnalyticsFilter *filter);
void               dd_analytics_filter_free      (DdAnalyticsFilter       *filter);
/* Sets the period to one calendar year, keeping the other fields. */
void               dd_analytics_filter_set_year  (DdAnalyticsFilter       *filter,
                                                  int                      year);
/* The year if the period is exactly one calendar year, else 0. */
int                dd_analytics_filter_get_year  (const DdAnalyticsFilter *filter);
gboolean           dd_analytics_filter_equal     (const DdAnalyticsFilter *a,
                                                  const DdAnalyticsFilter *b);
/* (transfer full): the period for a title: "2024", "2024-01-01 – 2024-06-30"
 * (the last day, not @to), "up to 2024-06-30", "from 2024-01-01", or
 * "all dates"; translated. */
char              *dd_analytics_filter_dup_period_label (const DdAnalyticsFilter *filter);
GType              dd_analytics_filter_get_type  (void) G_GNUC_CONST;
#define DD_TYPE_ANALYTICS_FILTER (dd_analytics_filter_get_type ())
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdAnalyticsFilter, dd_analytics_filter_free)

/**
 * DdRankingWeights:
 * The weights of the unit ranking's three components, each 0 … 1 with a
 * sum above 0, kept in the database settings (dd-settings.h:
 * DD_SETTING_RANKING_WEIGHT_*). Defaults: on time 0.3, classes 0.3,
 * satisfaction 0.4.
 */
typedef struct
{
  double on_time;        /* w_t: the on-time reply rate */
  double classes;        /* w_c: the A/B/C mix, A share + ½ B share */
  double satisfaction;   /* w_s: the satisfaction rate */
} DdRankingWeights;

#define DD_RANKING_WEIGHTS_DEFAULT { 0.3, 0.3, 0.4 }

/**
 * DdAnalyticsGroup:
 * The figures of one group of suggestions (a unit, category, station, year
 * or kind), or of all of them (DdAnalytics.overall). Every count is of
 * suggestions matching the filter and belonging to the group:
 * @id: the unit's or station's id; 0 for other groups
 * @key: the unit's or station's id as text, the category or kind code, the
 *   year ("2024"), or "all" for the overall group
 * @name: what to show: the unit's or station's name, the translated label of
 *   the code, the year, or "All suggestions" (translated)
 * @suggestions: suggestions registered in the period
 * @by_state: the same by current state (dd_suggestion_states order)
 * @overdue: assigned or handling with deadline_on before today (the store's)
 * @closed: in state closed
 * @verdicts: satisfied, basically satisfied, unsatisfied: one verdict per
 *   proposer and suggestion, the one of the latest round that proposer
 *   evaluated (evaluations of deputies no longer proposers are ignored)
 * @evaluated: the sum of @verdicts
 * @satisfaction_rate: (verdicts[0] + verdicts[1]) / evaluated; NAN if none
 * @classes: A, B, C: each suggestion's latest reply (highest round, then
 *   highest id)
 * @replies: suggestions with a reply: the sum of @classes
 * @class_shares: classes[i] / replies; NAN if no reply
 * @replies_timed: suggestions whose latest reply answers the current round
 *   (replies.round = suggestions.round) and that have a deadline_on
 * @replies_on_time: of those, replied_on <= deadline_on
 * @on_time_rate: replies_on_time / replies_timed; NAN if none
 * @receptions: station groups only (else 0): receptions held at the station
 *   in the period
 * @voters_received: station groups only: their sum of voters_received
 * @score: unit groups only: the ranking score 0 … 1 (see DdAnalytics.units);
 *   NAN: no data
 * @rank: unit groups only: 1, 2, … in ranking order; 0: not ranked: no
 *   data, or fewer replies than DdAnalytics.min_replies (@score may then be
 *   known: it is shown, not ranked)
 */
typedef struct
{
  gint64  id;
  char   *key;
  char   *name;
  gint64  suggestions;
  gint64  by_state[DD_N_STATES];
  gint64  overdue;
  gint64  closed;
  gint64  verdicts[DD_N_VERDICTS];
  gint64  evaluated;
  double  satisfaction_rate;
  gint64  classes[DD_N_CLASSES];
  gint64  replies;
  double  class_shares[DD_N_CLASSES];
  gint64  replies_timed;
  gint64  replies_on_time;
  double  on_time_rate;
  gint64  receptions;
  gint64  voters_received;
  double  score;
  int     rank;
} DdAnalyticsGroup;

/**
 * DdAnalyticsMonth:
 * @month: "YYYY-MM"
 * @intake: suggestions registered that month (matching the filter's other
 *   fields)
 * @closed: suggestions closed that month (closed_on in the month, state
 *   closed, whatever their registration date; other fields of the filter
 *   apply)
 */
typedef struct
{
  char    month[8];
  gint64  intake;
  gint64  closed;
} DdAnalyticsMonth;

/**
 * DdAnalytics:
 * @filter: a copy of the filter it was computed for
 * @today: the store's today, against which @overdue was counted
 * @weights: the ranking weights used
 * @min_replies: the replies a unit needs to be ranked (a database setting,
 *   dd_ranking_min_replies_get: default 5)
 * @overall: every suggestion matching the filter (id 0, key "all")
 * @units: (element-type DdAnalyticsGroup): per current lead unit, units with
 *   at least one suggestion; IN RANKING ORDER: score descending, ties by
 *   name; units without a score last, by name. The score is
 *   (w_t·on_time_rate + w_c·(A share + ½·B share) + w_s·satisfaction_rate) /
 *   (the sum of the weights of the components that are known), counting
 *   only components that are not NAN; NAN (no data) when no component with
 *   a weight above 0 is known.
 * @categories: per category, in dd_suggestion_categories order, only those
 *   with suggestions
 * @stations: per station (suggestions.station_id), stations with
 *   suggestions or receptions in the period, by name; suggestions without a
 *   station are in no station group
 * @years: per year of registration, ascending, years with suggestions
 * @kinds: per kind, in dd_suggestion_kinds order, both kinds always
 * @months: (element-type DdAnalyticsMonth): one per calendar month of the
 *   period, months without anything included; an open bound is taken from
 *   the first / last registration or closure matching the filter; empty
 *   when there is neither a bound nor data
 * @receptions: receptions held in the period (and district)
 * @voters_received: their sum of voters_received (人次)
 * @deputies_receiving_voters: distinct deputies (seats) listed on those
 *   receptions
 * @petitions_handled: their sum of petitions_handled
 * @opinions_recorded: suggestions of kind voter_opinion matching the filter
 * @opinions_adopted: of those, latest reply A or B
 * @opinions_solved: of those, latest reply A
 */
typedef struct
{
  DdAnalyticsFilter *filter;
  char              *today;
  DdRankingWeights   weights;
  int                min_replies;
  DdAnalyticsGroup  *overall;
  GPtrArray         *units;
  GPtrArray         *categories;
  GPtrArray         *stations;
  GPtrArray         *years;
  GPtrArray         *kinds;
  GArray            *months;
  gint64             receptions;
  gint64             voters_received;
  gint64             deputies_receiving_voters;
  gint64             petitions_handled;
  gint64             opinions_recorded;
  gint64             opinions_adopted;
  gint64             opinions_solved;
} DdAnalytics;

GType         dd_analytics_get_type       (void) G_GNUC_CONST;
#define DD_TYPE_ANALYTICS (dd_analytics_get_type ())
DdAnalytics  *dd_analytics_ref            (DdAnalytics              *analytics);
void          dd_analytics_unref          (DdAnalytics              *analytics);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdAnalytics, dd_analytics_unref)

/* Computes every figure for @filter (nullable: everything) on @store's
 * connection, all from one read transaction. A filter field that is not valid (a bound that is not a
 * date, from after to, an unknown category or kind code) is
 * DD_MODEL_ERROR_INVALID with a translated message naming it; a cancelled
 * @cancellable is G_IO_ERROR_CANCELLED. */
DdAnalytics  *dd_analytics_compute        (DdStore                  *store,
                                           const DdAnalyticsFilter  *filter,
                                           GCancellable             *cancellable,
                                           GError                  **error);
/* Only what needs no grouping, for key figures and the year's summary:
 * @overall, @kinds (and so the opinions' figures) and the reception
 * totals, the same as dd_analytics_compute() gives them; @units,
 * @categories, @stations, @years and @months are empty. About half the
 * work of dd_analytics_compute(). */
DdAnalytics  *dd_analytics_compute_totals (DdStore                  *store,
                                           const DdAnalyticsFilter  *filter,
                                           GCancellable             *cancellable,
                                           GError                  **error);
/* dd_analytics_compute() in a worker thread on a read connection of its
 * own (an in-memory store is computed at once); the task does not keep @store
 * alive. Cancelling @cancellable interrupts the running query. */
void          dd_analytics_compute_async  (DdStore                  *store,
                                           const DdAnalyticsFilter  *filter,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
/* Returns: (transfer full): the figures; dd_analytics_unref() them. */
DdAnalytics  *dd_analytics_compute_finish (GAsyncResult             *result,
                                           GError                  **error);

/* The group of @key in @groups (one of the arrays above), or NULL. */
const DdAnalyticsGroup *dd_analytics_find_group (GPtrArray     *groups,
                                                 const char    *key);

/* part / whole, or NAN if whole is 0. */
double        dd_analytics_share          (gint64                    part,
                                           gint64                    whole);
/* FALSE for NAN ("no data"). */
gboolean      dd_analytics_rate_known     (double                    rate);
/* (transfer full): a rate 0 … 1 as a percentage with one decimal, "87.5%",
 * or the translated "no data". */
char         *dd_analytics_format_rate    (double                    rate);

/* Ranking weights (settings of the database) */

/* A unit with one or two replies would top the ranking on a perfect score;
 * only units with at least this many replies in the period are ranked. */
#define DD_RANKING_MIN_REPLIES_DEFAULT 5
#define DD_RANKING_MIN_REPLIES_MAX     1000

/* The stored minimum, 1 … DD_RANKING_MIN_REPLIES_MAX; missing or malformed:
 * the default. */
int           dd_ranking_min_replies_get  (DdStore                  *store);
/* One transaction, audited as a setting; DD_MODEL_ERROR_INVALID outside
 * 1 … DD_RANKING_MIN_REPLIES_MAX. */
gboolean      dd_ranking_min_replies_set  (DdStore                  *store,
                                           int                       min_replies,
                                           GError                  **error);

/* Missing or malformed settings give the defaults; the result always has
 * each weight in 0 … 1 and a sum above 0. */
void          dd_ranking_weights_get      (DdStore                  *store,
                                           DdRankingWeights         *weights);
/* One transaction, audited as settings. DD_MODEL_ERROR_INVALID if a weight
 * is not within 0 … 1 (or is NAN) or all three are 0. */
gboolean      dd_ranking_weights_set      (DdStore                  *store,
                                           const DdRankingWeights   *weights,
                                           GError                  **error);

G_END_DECLS
