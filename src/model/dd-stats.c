/* dd-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-stats"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-model-error.h"
#include "dd-station-private.h"
#include "dd-stats.h"
#include "dd-store-private.h"
#include "dd-utils.h"

G_STATIC_ASSERT (DD_N_LEVELS == 5);

static int
code_index (const char * const *codes,
            const char         *code)
{
  for (int i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return -1;
}

/* Runs a "code, count" query into @counts, indexed like @codes. */
static gboolean
count_by_code (DdStore            *store,
               const char         *sql,
               int                 year,
               const char * const *codes,
               gint64             *counts,
               GError            **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    {
      g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%04d-01-01", year + 1);

      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int i = code_index (codes, dd_column_text (stmt, 0));
      if (i >= 0)
        counts[i] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
count_values (DdStore     *store,
              const char  *sql,
              int          year,
              const char  *today,
              gint64      *a,
              gint64      *b,
              GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-01-01", year + 1);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (today != NULL)
    sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *a = sqlite3_column_int64 (stmt, 0);
      if (b != NULL)
        *b = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return dd_store_set_error (store, rc, error);
  return TRUE;
}

static gint64
sum (const gint64 *values,
     guint         n)
{
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    total += values[i];
  return total;
}

/**
 * dd_year_stats_compute:
 * Fills @stats for @year; see DdYearStats for what each figure counts.
 */
gboolean
dd_year_stats_compute (DdStore      *store,
                       int           year,
                       DdYearStats  *stats,
                       GError      **error)
{
  g_autofree char *today = dd_store_dup_today (store);

  memset (stats, 0, sizeof *stats);
  stats->year = year;

  if (!count_by_code (store,
                      "SELECT state, count(*) FROM suggestions "
                      "WHERE registered_on >= ? AND registered_on < ? GROUP BY state",
                      year, dd_suggestion_states, stats->suggestions_by_state, error) ||
      !count_by_code (store,
                      "SELECT kind, count(*) FROM suggestions "
                      "WHERE registered_on >= ? AND registered_on < ? GROUP BY kind",
                      year, dd_suggestion_kinds, stats->suggestions_by_kind, error) ||
      !count_by_code (store,
                      "SELECT r.class, count(*) FROM suggestions s JOIN replies r ON r.id = "
                      "  (SELECT id FROM replies WHERE suggestion_id = s.id "
                      "   ORDER BY round DESC, id DESC LIMIT 1) "
                      "WHERE s.registered_on >= ? AND s.registered_on < ? GROUP BY r.class",
                      year, dd_reply_classes, stats->replies_by_class, error) ||
      !count_by_code (store,
                      "SELECT e.verdict, count(*) FROM suggestions s "
                      "JOIN evaluations e ON e.suggestion_id = s.id "
                      "JOIN suggestion_proposers p "
                      "  ON p.suggestion_id = e.suggestion_id AND p.deputy_id = e.deputy_id "
                      "WHERE s.registered_on >= ? AND s.registered_on < ? "
                      "AND e.round = (SELECT max(round) FROM evaluations "
                      "  WHERE suggestion_id = e.suggestion_id AND deputy_id = e.deputy_id) "
                      "GROUP BY e.verdict",
                      year, dd_verdicts, stats->evaluations_by_verdict, error) ||
      !count_by_code (store,
                      "SELECT level, count(*) FROM deputies WHERE status = 'active' GROUP BY level",
                      year, dd_deputy_levels, stats->deputies_by_level, error) ||
      !count_by_code (store,
                      "SELECT kind, count(*) FROM stations WHERE archived = 0 GROUP BY kind",
                      year, dd_station_kinds, stats->stations_by_kind, error) ||
      !count_values (store,
                     "SELECT count(*), coalesce(sum(voters_received), 0) FROM receptions "
                     "WHERE held_on >= ? AND held_on < ?",
                     year, NULL, &stats->receptions, &stats->voters_received, error) ||
      !count_values (store,
                     "SELECT count(DISTINCT rd.deputy_id) FROM receptions r "
                     "JOIN reception_deputies rd ON rd.reception_id = r.id "
                     "WHERE r.held_on >= ? AND r.held_on < ?",
                     year, NULL, &stats->deputies_receiving_voters, NULL, error) ||
      !count_values (store,
                     "SELECT count(*) FROM activities WHERE held_on >= ? AND held_on < ?",
                     year, NULL, &stats->activities, NULL, error) ||
      !count_values (store,
                     "SELECT count(*) FROM suggestions "
                     "WHERE registered_on >= ? AND registered_on < ? "
                     "AND state IN ('assigned', 'handling') AND deadline_on < ?",
                     year, today, &stats->overdue, NULL, error))
    return FALSE;

  stats->suggestions_total = sum (stats->suggestions_by_state, DD_N_STATES);
  stats->deputies_total = sum (stats->deputies_by_level, DD_N_LEVELS);
  stats->stations_total = sum (stats->stations_by_kind, DD_N_STATION_KINDS);
  return TRUE;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DdStore *reader = task_data;
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "year"));
  g_autofree DdYearStats *stats = g_new0 (DdYearStats, 1);
  GError *error = NULL;

  if (!dd_year_stats_compute (reader, year, stats, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&stats), g_free);
}

/**
 * dd_year_stats_compute_async:
 * Computes the figures in a worker thread over a read-only connection of
 * its own (an in-memory store is computed at once, it cannot be shared).
 */
void
dd_year_stats_compute_async (DdStore             *store,
                             int                  year,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  /* No source object: the task must not keep the caller's store alive
   * (a page closed mid-computation lets its store go at once). */
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  DdStore *reader;

  g_task_set_source_tag (task, dd_year_stats_compute_async);
  g_object_set_data (G_OBJECT (task), "year", GINT_TO_POINTER (year));

  reader = dd_store_open_reader (store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, reader, g_object_unref);

  if (reader == store)
    compute_thread (task, store, reader, cancellable);
  else
    g_task_run_in_thread (task, compute_thread);
}

/**
 * dd_year_stats_compute_finish:
 * Returns: (transfer full): the figures, free with g_free(), or %NULL
 */
DdYearStats *
dd_year_stats_compute_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * dd_year_stats_satisfaction_rate:
 * Returns: (satisfied + basically satisfied) / evaluated, or -1 if nothing
 *   was evaluated
 */
double
dd_year_stats_satisfaction_rate (const DdYearStats *stats)
{
  gint64 evaluated = sum (stats->evaluations_by_verdict, DD_N_VERDICTS);

  if (evaluated == 0)
    return -1;
  return (double) (stats->evaluations_by_verdict[0] + stats->evaluations_by_verdict[1]) / evaluated;
}

static void
append_counts (GString            *json,
               const char         *name,
               const char * const *codes,
               const gint64       *counts,
               const char         *indent)
{
  g_string_append_printf (json, "%s\"%s\": {", indent, name);
  for (guint i = 0; codes[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\": %" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            codes[i], counts[i]);
  g_string_append (json, "}");
}

/**
 * dd_year_stats_to_json:
 * Returns: (transfer full): the figures as the JSON of `deputy-desk-cli stats --json`,
 *   with the stored codes as keys
 */
char *
dd_year_stats_to_json (const DdYearStats *stats)
{
  GString *json = g_string_new ("{\n");

  g_string_append_printf (json, "  \"year\": %d,\n", stats->year);
  g_string_append_printf (json, "  \"suggestions\": {\"total\": %" G_GINT64_FORMAT ",\n",
                          stats->suggestions_total);
  append_counts (json, "by_state", dd_suggestion_states, stats->suggestions_by_state, "    ");
  g_string_append (json, ",\n");
  append_counts (json, "by_kind", dd_suggestion_kinds, stats->suggestions_by_kind, "    ");
  g_string_append_printf (json, ",\n    \"overdue\": %" G_GINT64_FORMAT "},\n", stats->overdue);
  append_counts (json, "replies", dd_reply_classes, stats->replies_by_class, "  ");
  g_string_append (json, ",\n");
  append_counts (json, "evaluations", dd_verdicts, stats->evaluations_by_verdict, "  ");
  g_string_append_printf (json, ",\n  \"deputies\": {\"total\": %" G_GINT64_FORMAT ", ",
                          stats->deputies_total);
  append_counts (json, "by_level", dd_deputy_levels, stats->deputies_by_level, "");
  g_string_append_printf (json, ", \"receiving_voters\": %" G_GINT64_FORMAT "},\n",
                          stats->deputies_receiving_voters);
  g_string_append_printf (json, "  \"stations\": {\"total\": %" G_GINT64_FORMAT ", ",
                          stats->stations_total);
  append_counts (json, "by_kind", dd_station_kinds, stats->stations_by_kind, "");
  g_string_append (json, "},\n");
  g_string_append_printf (json, "  \"receptions\": {\"count\": %" G_GINT64_FORMAT
                          ", \"voters\": %" G_GINT64_FORMAT "},\n",
                          stats->receptions, stats->voters_received);
  g_string_append_printf (json, "  \"activities\": %" G_GINT64_FORMAT "\n}\n", stats->activities);
  return g_string_free (json, FALSE);
}

/* Station figures */

static gboolean
check_period (const char  *from,
              const char  *to,
              GError     **error)
{
  if (from != NULL && !dd_date_is_valid (from))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("From: “%s” is not a date; write it as YYYY-MM-DD"), from);
      return FALSE;
    }
  if (to != NULL && !dd_date_is_valid (to))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("To: “%s” is not a date; write it as YYYY-MM-DD"), to);
      return FALSE;
    }
  return TRUE;
}

/* Runs a one-row query of integers; an open bound becomes a text that
 * sorts before or after every date. */
static gboolean
period_values (DdStore     *store,
               const char  *sql,
               const char  *from,
               const char  *to,
               gint64      *values,
               int          n_values,
               GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    {
      sqlite3_bind_text (stmt, 1, from != NULL ? from : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to != NULL ? to : "~", -1, SQLITE_TRANSIENT);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    for (int i = 0; i < n_values; i++)
      values[i] = sqlite3_column_int64 (stmt, i);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return dd_store_set_error (store, rc, error);
  return TRUE;
}

/**
 * dd_station_stats_compute:
 * @from: (nullable): first day YYYY-MM-DD, %NULL for no lower bound
 * @to: (nullable): the day after the last, %NULL for no upper bound
 *
 * Fills @stats; see DdStationStats. stations_upgraded counts the stations
 * in use whose upgrade date is set, as they stand now. A bound that is not
 * a date is DD_MODEL_ERROR_INVALID.
 */
gboolean
dd_station_stats_compute (DdStore         *store,
                          const char      *from,
                          const char      *to,
                          DdStationStats  *stats,
                          GError         **error)
{
  gint64 values[3] = { 0 };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  if (!check_period (from, to, error))
    return FALSE;

  if (!count_by_code (store,
                      "SELECT kind, count(*) FROM stations WHERE archived = 0 GROUP BY kind",
                      0, dd_station_kinds, stats->stations_by_kind, error))
    return FALSE;
  stats->stations_total = sum (stats->stations_by_kind, DD_N_STATION_KINDS);

  /* The same test as the station list's compliance filter. */
  if (!period_values (store,
                      "SELECT count(*), coalesce(sum(s.upgraded_on IS NOT NULL), 0),"
                      " coalesce(sum(" DD_SQL_STATION_COMPLETE "), 0) "
                      "FROM stations s WHERE s.archived = 0",
                      NULL, NULL, values, 3, error))
    return FALSE;
  stats->stations_upgraded = values[1];
  stats->stations_compliant = values[2];

  /* receptions_by_date (held_on, station_id) */
  if (!period_values (store,
                      "SELECT count(*), coalesce(sum(voters_received), 0),"
                      " coalesce(sum(petitions_handled), 0) FROM receptions "
                      "WHERE held_on >= ? AND held_on < ?",
                      from, to, values, 3, error))
    return FALSE;
  stats->receptions = values[0];
  stats->voters_received = values[1];
  stats->petitions_handled = values[2];

  /* suggestions_by_kind (kind, state, registered_on), then each opinion's
   * latest reply (highest round) through replies_by_suggestion. */
  if (!period_values (store,
                      "SELECT count(*), coalesce(sum(r.class IN ('A', 'B')), 0),"
                      " coalesce(sum(r.class = 'A'), 0) "
                      "FROM suggestions s LEFT JOIN replies r ON r.id ="
                      " (SELECT id FROM replies WHERE suggestion_id = s.id"
                      "  ORDER BY round DESC, id DESC LIMIT 1) "
                      "WHERE s.kind = 'voter_opinion' AND s.registered_on >= ? AND s.registered_on < ?",
                      from, to, values, 3, error))
    return FALSE;
  stats->opinions_recorded = values[0];
  stats->opinions_adopted = values[1];
  stats->opinions_solved = values[2];
  return TRUE;
}

static void
station_stats_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DdStore *reader = task_data;
  const char *from = g_object_get_data (G_OBJECT (task), "from");
  const char *to = g_object_get_data (G_OBJECT (task), "to");
  g_autofree DdStationStats *stats = g_new0 (DdStationStats, 1);
  GError *error = NULL;

  if (!dd_station_stats_compute (reader, from, to, stats, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&stats), g_free);
}

/**
 * dd_station_stats_compute_async:
 * Computes the figures in a worker thread over a read-only connection of
 * its own (an in-memory store is computed at once, it cannot be shared).
 */
void
dd_station_stats_compute_async (DdStore             *store,
                                const char          *from,
                                const char          *to,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  DdStore *reader;

  g_task_set_source_tag (task, dd_station_stats_compute_async);
  g_object_set_data_full (G_OBJECT (task), "from", g_strdup (from), g_free);
  g_object_set_data_full (G_OBJECT (task), "to", g_strdup (to), g_free);

  reader = dd_store_open_reader (store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, reader, g_object_unref);

  if (reader == store)
    station_stats_thread (task, store, reader, cancellable);
  else
    g_task_run_in_thread (task, station_stats_thread);
}

/**
 * dd_station_stats_compute_finish:
 * Returns: (transfer full): the figures, free with g_free(), or %NULL
 */
DdStationStats *
dd_station_stats_compute_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A share as JSON: null when there is nothing to divide by. */
static void
append_rate (GString    *json,
             const char *name,
             gint64      part,
             gint64      whole)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (whole == 0)
    {
      g_string_append_printf (json, "\"%s\": null", name);
      return;
    }
  g_ascii_formatd (buffer, sizeof buffer, "%.4f", (double) part / (double) whole);
  g_string_append_printf (json, "\"%s\": %s", name, buffer);
}

static void
append_date (GString    *json,
             const char *name,
             const char *date)
{
  if (date != NULL)
    g_string_append_printf (json, "\"%s\": \"%s\"", name, date);
  else
    g_string_append_printf (json, "\"%s\": null", name);
}

/**
 * dd_station_stats_to_json:
 * @from: (nullable): as given to dd_station_stats_compute()
 * @to: (nullable): as given to dd_station_stats_compute()
 *
 * Returns: (transfer full): the figures as JSON with the stored codes as
 *   keys, e.g. `{"from": "2024-01-01", "to": "2025-01-01", "stations":
 *   {"total": N, "by_kind": {...}, "compliant": N, "compliance_rate": x,
 *   "upgraded": N}, "receptions": {"count": N, "voters": N, "petitions": N},
 *   "opinions": {"recorded": N, "adopted": N, "solved": N, "adoption_rate": x,
 *   "solution_rate": x}}`; a rate with nothing to divide by is null
 */
char *
dd_station_stats_to_json (const DdStationStats *stats,
                          const char           *from,
                          const char           *to)
{
  GString *json = g_string_new ("{\n  ");

  g_return_val_if_fail (stats != NULL, NULL);

  append_date (json, "from", from != NULL && dd_date_is_valid (from) ? from : NULL);
  g_string_append (json, ",\n  ");
  append_date (json, "to", to != NULL && dd_date_is_valid (to) ? to : NULL);
  g_string_append_printf (json, ",\n  \"stations\": {\"total\": %" G_GINT64_FORMAT ", ",
                          stats->stations_total);
  append_counts (json, "by_kind", dd_station_kinds, stats->stations_by_kind, "");
  g_string_append_printf (json, ",\n    \"compliant\": %" G_GINT64_FORMAT ", ",
                          stats->stations_compliant);
  append_rate (json, "compliance_rate", stats->stations_compliant, stats->stations_total);
  g_string_append_printf (json, ", \"upgraded\": %" G_GINT64_FORMAT "},\n",
                          stats->stations_upgraded);
  g_string_append_printf (json, "  \"receptions\": {\"count\": %" G_GINT64_FORMAT
                          ", \"voters\": %" G_GINT64_FORMAT ", \"petitions\": %" G_GINT64_FORMAT "},\n",
                          stats->receptions, stats->voters_received, stats->petitions_handled);
  g_string_append_printf (json, "  \"opinions\": {\"recorded\": %" G_GINT64_FORMAT
                          ", \"adopted\": %" G_GINT64_FORMAT ", \"solved\": %" G_GINT64_FORMAT ", ",
                          stats->opinions_recorded, stats->opinions_adopted, stats->opinions_solved);
  append_rate (json, "adoption_rate", stats->opinions_adopted, stats->opinions_recorded);
  g_string_append (json, ", ");
  append_rate (json, "solution_rate", stats->opinions_solved, stats->opinions_recorded);
  g_string_append (json, "}\n}\n");
  return g_string_free (json, FALSE);
}

/**
 * dd_store_latest_year:
 * Returns: the year of the latest registered suggestion or reception, or
 *   the current year if there is none
 */
int
dd_store_latest_year (DdStore *store)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT max(d) FROM (SELECT max(registered_on) AS d "
                                         "FROM suggestions UNION ALL SELECT max(held_on) FROM receptions)",
                                         NULL);
  g_autofree char *today = dd_store_dup_today (store);
  int year = atoi (today);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && dd_column_text (stmt, 0) != NULL)
    year = atoi (dd_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return year;
}
