/* dd-stats.h: the figures an office reports for a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

#define DD_N_LEVELS 5
#define DD_N_STATION_KINDS 7
#define DD_N_STATES 10
#define DD_N_KINDS 2
#define DD_N_CLASSES 3
#define DD_N_VERDICTS 3

/**
 * DdYearStats:
 * Definitions (README "Figures"): suggestions are those registered in the
 * year, counted in their current state; replies are each such suggestion's
 * latest reply; evaluations are each proposer's verdict in the latest round
 * that proposer evaluated; deputies are active seats and stations
 * non-archived ones as they stand now; receptions are those held in the year.
 * Every array follows the order of the code arrays in dd-codes.h.
 */
typedef struct
{
  int     year;
  gint64  suggestions_total;
  gint64  suggestions_by_state[DD_N_STATES];
  gint64  suggestions_by_kind[DD_N_KINDS];
  gint64  overdue;
  gint64  replies_by_class[DD_N_CLASSES];
  gint64  evaluations_by_verdict[DD_N_VERDICTS];
  gint64  deputies_total;
  gint64  deputies_by_level[DD_N_LEVELS];
  gint64  stations_total;
  gint64  stations_by_kind[DD_N_STATION_KINDS];
  gint64  receptions;
  gint64  voters_received;
  gint64  deputies_receiving_voters;
  gint64  activities;
} DdYearStats;

/**
 * DdStationStats:
 * The stations' figures for [from, to): stations by kind and how many meet
 * every active checklist item (as they stand now, not archived); receptions
 * held in the period with voters received and petitions handled; voters'
 * opinions registered in the period, adopted (latest reply A or B) and
 * solved (latest reply A).
 */
typedef struct
{
  gint64  stations_total;
  gint64  stations_by_kind[DD_N_STATION_KINDS];
  gint64  stations_compliant;
  gint64  stations_upgraded;
  gint64  receptions;
  gint64  voters_received;
  gint64  petitions_handled;
  gint64  opinions_recorded;
  gint64  opinions_adopted;
  gint64  opinions_solved;
} DdStationStats;

gboolean  dd_station_stats_compute (DdStore        *store,
                                    const char     *from,
                                    const char     *to,
                                    DdStationStats *stats,
                                    GError        **error);
char     *dd_station_stats_to_json (const DdStationStats *stats,
                                    const char           *from,
                                    const char           *to);
/* In a worker thread on a reader connection: a province's year of voters'
 * opinions takes a few hundred milliseconds. */
void      dd_station_stats_compute_async  (DdStore            *store,
                                           const char         *from,
                                           const char         *to,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
DdStationStats *dd_station_stats_compute_finish (GAsyncResult  *result,
                                                 GError       **error);

gboolean  dd_year_stats_compute   (DdStore      *store,
                                   int           year,
                                   DdYearStats  *stats,
                                   GError      **error);
void      dd_year_stats_compute_async  (DdStore            *store,
                                       int                 year,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
DdYearStats *dd_year_stats_compute_finish (GAsyncResult  *result,
                                           GError       **error);
double    dd_year_stats_satisfaction_rate (const DdYearStats *stats);
char     *dd_year_stats_to_json   (const DdYearStats *stats);
int       dd_store_latest_year    (DdStore      *store);

G_END_DECLS
