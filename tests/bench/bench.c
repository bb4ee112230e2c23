/* bench.c: deputy-desk-bench, the model's costs against bare SQLite in the same run
 *
 * (a) dd_demo_generate() into a fresh file, against a plain loop that
 *     inserts the same rows (read back into memory first) into a fresh file
 *     with the same schema: one prepared INSERT per table, one transaction,
 *     synchronous = NORMAL, on a connection configured like the store's.
 * (b) dd_deputy_list_new() on that file, against stepping the bare query
 *     `SELECT id FROM deputies ORDER BY name, id` into an array; medians.
 * (c) the stations page: dd_station_list_new() and each filter setter
 *     (search, kind, district, compliance, upgraded) against the bare
 *     indexed query returning the same ids; medians. At province size the
 *     demo's 500 stations are first copied up to --stations (default 5 000,
 *     "thousands of stations"), with their checklist ticks varied.
 *     In (a) the bare loop also fills the search index with the same one
 *     statement the generator runs; its time and the growth of the file
 *     are reported.
 * (d) the suggestions board: its 8 columns (DdSuggestionList, one filter)
 *     (i) created, ids of every column, against running the same 8 queries
 *     by hand, and the resident memory the board adds (/proc/self/statm);
 *     (ii) a filter change (category, then unit) re-populating every
 *     column, against the same queries by hand; (iii) a search: on the
 *     board against its 8 queries, and a result list of every state up to
 *     its first page of 50 cards built as objects, against the bare FTS
 *     query for the same words; medians.
 *     `--board FILE` runs (d) alone on an existing demo database.
 * (e) statistics: dd_analytics_compute() for the latest year, the year and
 *     its busiest unit, the year and its busiest district, and all dates,
 *     and dd_year_summary_compute(), each against the bare SQL of every
 *     figure it returns (one plain query a figure, listed with its time);
 *     medians; target below 1.5. `--statistics FILE` runs (e) alone on an
 *     existing demo database.
 *
 * PERFORMANCE.md asks for every ratio below 2. The exit status is 1 if one
 * is not, so that `meson test --benchmark` reports it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-analytics.h"
#include "dd-demo.h"
#include "dd-deputy-list.h"
#include "dd-fts.h"
#include "dd-station-list.h"
#include "dd-store-private.h"
#include "dd-stats.h"
#include "dd-suggestion-list.h"
#include "dd-year-summary.h"

#define TARGET_RATIO 2.0

/* Parents before children, as the generator writes them. */
static const char * const tables[] = {
  "deputies", "stations", "station_checklist", "station_deputies", "units", "receptions",
  "reception_deputies", "suggestions", "suggestion_proposers", "suggestion_units",
  "supervisions", "replies", "evaluations", "activities", "attendances", "audit_log",
};

/* tables[SUGGESTIONS] */
#define SUGGESTIONS 7

/* One column value of a row held in memory; text lives in Rows.text. */
typedef struct
{
  union {
    gint64 i;
    double f;
    gsize  offset;
  } v;
  guint32 len;
  guint8  type;
} Value;

typedef struct
{
  char       *insert_sql;
  int         n_columns;
  gsize       n_rows;
  GArray     *values;   /* Value, n_rows × n_columns */
  GByteArray *text;
} Rows;

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->insert_sql, g_free);
  g_clear_pointer (&rows->values, g_array_unref);
  g_clear_pointer (&rows->text, g_byte_array_unref);
}

static void
die_sqlite (sqlite3    *db,
            const char *what)
{
  g_printerr ("%s: %s\n", what, sqlite3_errmsg (db));
  exit (2);
}

static void
die_error (GError     *error,
           const char *what)
{
  g_printerr ("%s: %s\n", what, error->message);
  exit (2);
}

/* Reads every row of @table, in rowid order, and the INSERT that writes it back. */
static void
load_rows (sqlite3    *db,
           const char *table,
           Rows       *rows)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", table);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, select);

  rows->n_columns = sqlite3_column_count (stmt);
  rows->n_rows = 0;
  rows->values = g_array_new (FALSE, FALSE, sizeof (Value));
  rows->text = g_byte_array_new ();

  g_string_printf (insert, "INSERT INTO %s (", table);
  for (int i = 0; i < rows->n_columns; i++)
    g_string_append_printf (insert, "%s%s", i > 0 ? ", " : "", sqlite3_column_name (stmt, i));
  g_string_append (insert, ") VALUES (");
  for (int i = 0; i < rows->n_columns; i++)
    g_string_append (insert, i > 0 ? ", ?" : "?");
  g_string_append (insert, ")");
  rows->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < rows->n_columns; i++)
        {
          Value value = { 0 };

          value.type = (guint8) sqlite3_column_type (stmt, i);
          switch (value.type)
            {
            case SQLITE_INTEGER:
              value.v.i = sqlite3_column_int64 (stmt, i);
              break;
            case SQLITE_FLOAT:
              value.v.f = sqlite3_column_double (stmt, i);
              break;
            case SQLITE_TEXT:
            case SQLITE_BLOB:
              {
                const guint8 *data = value.type == SQLITE_TEXT
                  ? sqlite3_column_text (stmt, i) : sqlite3_column_blob (stmt, i);

                value.len = (guint32) sqlite3_column_bytes (stmt, i);
                value.v.offset = rows->text->len;
                g_byte_array_append (rows->text, data, value.len);
              }
              break;
            default:
              break;
            }
          g_array_append_val (rows->values, value);
        }
      rows->n_rows++;
    }
  sqlite3_finalize (stmt);
}

/* The timed part of (a): bind and step, nothing else. */
static void
insert_rows (sqlite3    *db,
             const Rows *rows)
{
  sqlite3_stmt *stmt = NULL;
  const Value *values = (const Value *) (gpointer) rows->values->data;
  const char *text = (const char *) rows->text->data;

  if (sqlite3_prepare_v2 (db, rows->insert_sql, -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, rows->insert_sql);

  for (gsize r = 0; r < rows->n_rows; r++)
    {
      const Value *row = values + r * rows->n_columns;

      for (int i = 0; i < rows->n_columns; i++)
        switch (row[i].type)
          {
          case SQLITE_INTEGER:
            sqlite3_bind_int64 (stmt, i + 1, row[i].v.i);
            break;
          case SQLITE_FLOAT:
            sqlite3_bind_double (stmt, i + 1, row[i].v.f);
            break;
          case SQLITE_TEXT:
            sqlite3_bind_text (stmt, i + 1, text + row[i].v.offset, (int) row[i].len, SQLITE_STATIC);
            break;
          case SQLITE_BLOB:
            sqlite3_bind_blob (stmt, i + 1, text + row[i].v.offset, (int) row[i].len, SQLITE_STATIC);
            break;
          default:
            sqlite3_bind_null (stmt, i + 1);
            break;
          }
      if (sqlite3_step (stmt) != SQLITE_DONE)
        die_sqlite (db, rows->insert_sql);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    die_sqlite (db, sql);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *samples,
        guint   n)
{
  qsort (samples, n, sizeof *samples, compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  if (isatty (2))
    g_printerr ("\r  generating ... %3.0f %%", fraction * 100);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

static gint64
list_ids_bare (sqlite3 *db,
               GArray  *ids)
{
  sqlite3_stmt *stmt = NULL;

  g_array_set_size (ids, 0);
  if (sqlite3_prepare_v2 (db, "SELECT id FROM deputies ORDER BY name, id", -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, "bare deputies query");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids->len;
}

/* (c) the stations page */

#define STATION_ORDER " ORDER BY s.name, s.id"
#define STATIONS_IN_USE "SELECT s.id FROM stations s WHERE s.archived = 0"

typedef struct
{
  const char  *label;
  const char  *bare_sql;      /* ?1 is the parameter, if any */
  void       (*apply) (DdStationList *list,
                       const char    *param);
  void       (*reset) (DdStationList *list);
} StationMeasure;

static void
apply_search (DdStationList *list,
              const char    *param)
{
  dd_station_list_set_search (list, param);
}

static void
reset_search (DdStationList *list)
{
  dd_station_list_set_search (list, NULL);
}

static void
apply_kind (DdStationList *list,
            const char    *param)
{
  dd_station_list_set_kind (list, param);
}

static void
reset_kind (DdStationList *list)
{
  dd_station_list_set_kind (list, NULL);
}

static void
apply_district (DdStationList *list,
                const char    *param)
{
  dd_station_list_set_district (list, param);
}

static void
reset_district (DdStationList *list)
{
  dd_station_list_set_district (list, NULL);
}

static void
apply_compliance (DdStationList *list,
                  const char    *param)
{
  dd_station_list_set_compliance (list, DD_COMPLIANCE_COMPLETE);
}

static void
reset_compliance (DdStationList *list)
{
  dd_station_list_set_compliance (list, DD_COMPLIANCE_ANY);
}

static void
apply_upgraded (DdStationList *list,
                const char    *param)
{
  dd_station_list_set_upgraded (list, DD_UPGRADED_YES);
}

static void
reset_upgraded (DdStationList *list)
{
  dd_station_list_set_upgraded (list, DD_UPGRADED_ANY);
}

static const StationMeasure station_measures[] = {
  { "dd_station_list_new", STATIONS_IN_USE STATION_ORDER, NULL, NULL },
  { "search", STATIONS_IN_USE " AND (s.name LIKE '%' || ?1 || '%' ESCAPE '\\'"
    " OR s.address LIKE '%' || ?1 || '%' ESCAPE '\\' OR s.code LIKE '%' || ?1 || '%' ESCAPE '\\')"
    STATION_ORDER, apply_search, reset_search },
  { "kind", STATIONS_IN_USE " AND s.kind = ?1" STATION_ORDER, apply_kind, reset_kind },
  { "district", STATIONS_IN_USE " AND s.district = ?1" STATION_ORDER, apply_district, reset_district },
  { "compliance complete", STATIONS_IN_USE " AND (s.id IN (SELECT sc.station_id FROM station_checklist sc"
    " WHERE sc.done = 1 AND sc.item_id IN (SELECT id FROM checklist_items WHERE active = 1)"
    " GROUP BY sc.station_id HAVING count(*) = (SELECT count(*) FROM checklist_items WHERE active = 1))"
    " OR NOT EXISTS (SELECT 1 FROM checklist_items WHERE active = 1))" STATION_ORDER,
    apply_compliance, reset_compliance },
  { "upgraded yes", STATIONS_IN_USE " AND s.upgraded_on IS NOT NULL" STATION_ORDER,
    apply_upgraded, reset_upgraded },
};

/* Copies the generated stations (and their ticks, a few flipped) until
 * there are @target: the generator's province has 500, a province office
 * may keep thousands. Returns how many there are. */
static gint64
add_stations (sqlite3 *db,
              gint64   target)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0, max_id = 0;

  if (sqlite3_prepare_v2 (db, "SELECT count(*), max(id) FROM stations", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    die_sqlite (db, "counting stations");
  n = sqlite3_column_int64 (stmt, 0);
  max_id = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  if (n == 0 || target <= n)
    return n;

  exec_or_die (db, "BEGIN IMMEDIATE");
  if (sqlite3_prepare_v2 (db,
                          "WITH RECURSIVE copies (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM copies WHERE k < ?1) "
                          "INSERT INTO stations (code, name, kind, address, district, township, schedule_days,"
                          " schedule_hours, schedule_place, contact_name, contact_phone, upgraded_on, archived,"
                          " note, created_at, updated_at) "
                          "SELECT 'C' || k || '-' || s.code, s.name || '（' || k || '）', s.kind, s.address,"
                          " s.district, s.township, s.schedule_days, s.schedule_hours, s.schedule_place,"
                          " s.contact_name, s.contact_phone,"
                          " CASE WHEN (s.id + k) % 3 = 0 THEN NULL ELSE s.upgraded_on END, s.archived, s.note,"
                          " s.created_at, s.updated_at "
                          "FROM copies, stations s WHERE s.id <= ?2 ORDER BY k, s.id LIMIT ?3",
                          -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, "copying stations");
  sqlite3_bind_int64 (stmt, 1, (target + n - 1) / n);
  sqlite3_bind_int64 (stmt, 2, max_id);
  sqlite3_bind_int64 (stmt, 3, target - n);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    die_sqlite (db, "copying stations");
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO station_checklist (station_id, item_id, done, checked_on) "
                          "SELECT c.id, sc.item_id,"
                          " CASE WHEN (c.id * 7 + sc.item_id * 13) % 11 = 0 THEN 1 - sc.done ELSE sc.done END,"
                          " sc.checked_on "
                          "FROM stations c JOIN stations o ON o.code = substr (c.code, instr (c.code, '-') + 1) "
                          "JOIN station_checklist sc ON sc.station_id = o.id WHERE c.id > ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, "copying checklist ticks");
  sqlite3_bind_int64 (stmt, 1, max_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    die_sqlite (db, "copying checklist ticks");
  sqlite3_finalize (stmt);
  exec_or_die (db, "COMMIT");
  return target;
}

static void
station_ids_bare (sqlite3    *db,
                  const char *sql,
                  const char *param,
                  GArray     *ids)
{
  sqlite3_stmt *stmt = NULL;

  g_array_set_size (ids, 0);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, sql);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
}

/* The list must hold exactly what the bare query returns. */
static void
check_same_ids (DdStationList *list,
                GArray        *ids,
                const char    *label)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (n != ids->len)
    {
      g_printerr ("(c) %s: the list has %u stations, the bare query %u\n", label, n, ids->len);
      exit (2);
    }
  for (guint i = 0; i < n; i++)
    if (dd_query_model_get_id (DD_QUERY_MODEL (list), i) != g_array_index (ids, gint64, i))
      {
        g_printerr ("(c) %s: the list and the bare query differ at row %u\n", label, i);
        exit (2);
      }
}

/* Times one measure: @model_ms and @bare_ms get @runs samples each. */
static guint
time_station_measure (DdStore              *store,
                      const StationMeasure *m,
                      const char           *param,
                      int                   runs,
                      double               *model_ms,
                      double               *bare_ms)
{
  sqlite3 *db = dd_store_get_db (store);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DdStationList *list = dd_station_list_new (store);
  gint64 started;

  /* Warm-up of both, and the check that they agree. */
  if (m->apply != NULL)
    m->apply (list, param);
  station_ids_bare (db, m->bare_sql, param, ids);
  check_same_ids (list, ids, m->label);
  if (m->reset != NULL)
    m->reset (list);

  for (int r = 0; r < runs; r++)
    {
      if (m->apply == NULL)
        {
          g_object_unref (list);
          started = g_get_monotonic_time ();
          list = dd_station_list_new (store);
          model_ms[r] = (g_get_monotonic_time () - started) / 1e3;
        }
      else
        {
          started = g_get_monotonic_time ();
          m->apply (list, param);
          model_ms[r] = (g_get_monotonic_time () - started) / 1e3;
          m->reset (list);   /* not timed: back to every station */
        }

      started = g_get_monotonic_time ();
      station_ids_bare (db, m->bare_sql, param, ids);
      bare_ms[r] = (g_get_monotonic_time () - started) / 1e3;
    }
  g_object_unref (list);
  return ids->len;
}

/* (d) the board */

#define FIRST_PAGE 50

static const char * const board_searches[] = { "停车", "托育 收费", "的" };

/* What the heap holds in use: unlike the resident size, it grows even when
 * an earlier measure left freed memory for the board to reuse. */
static gsize
heap_bytes (void)
{
#if defined (__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

static gsize
resident_bytes (void)
{
  g_autofree char *text = NULL;
  unsigned long size = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &text, NULL, NULL))
    sscanf (text, "%lu %lu", &size, &resident);
  return (gsize) resident * (gsize) sysconf (_SC_PAGESIZE);
}

static void
free_gvalue (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

/* The query a list runs, with its parameters: run by hand, it is the bare
 * cost the list's own work is measured against. */
typedef struct
{
  char      *sql;
  GPtrArray *params;
} BareQuery;

static void
bare_query_init (BareQuery        *q,
                 DdSuggestionList *list)
{
  GString *sql = g_string_new (NULL);

  q->params = g_ptr_array_new_with_free_func (free_gvalue);
  DD_QUERY_MODEL_GET_CLASS (list)->build_query (DD_QUERY_MODEL (list), sql, q->params);
  q->sql = g_string_free (sql, FALSE);
}

static void
bare_query_clear (BareQuery *q)
{
  g_clear_pointer (&q->sql, g_free);
  g_clear_pointer (&q->params, g_ptr_array_unref);
}

static void
bare_query_run (sqlite3         *db,
                const BareQuery *q,
                GArray          *ids)
{
  sqlite3_stmt *stmt = NULL;

  g_array_set_size (ids, 0);
  if (sqlite3_prepare_v2 (db, q->sql, -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, q->sql);
  for (guint i = 0; i < q->params->len; i++)
    {
      const GValue *v = g_ptr_array_index (q->params, i);

      if (G_VALUE_HOLDS_STRING (v))
        sqlite3_bind_text (stmt, (int) i + 1, g_value_get_string (v), -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, g_value_get_int64 (v));
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
}

typedef struct
{
  DdSuggestionFilter *filter;
  DdSuggestionList   *columns[DD_SUGGESTION_N_COLUMNS];
  BareQuery           bare[DD_SUGGESTION_N_COLUMNS];
  GArray             *ids[DD_SUGGESTION_N_COLUMNS];
} Board;

static void
board_open (Board   *board,
            DdStore *store)
{
  board->filter = dd_suggestion_filter_new ();
  for (guint c = 0; c < DD_SUGGESTION_N_COLUMNS; c++)
    board->columns[c] = dd_suggestion_list_new (store, dd_suggestion_columns[c].states, board->filter);
}

static void
board_close (Board *board)
{
  for (guint c = 0; c < DD_SUGGESTION_N_COLUMNS; c++)
    g_clear_object (&board->columns[c]);
  g_clear_object (&board->filter);
}

/* The bare queries of the board's columns as they are filtered now. */
static void
board_take_bare (Board *board)
{
  for (guint c = 0; c < DD_SUGGESTION_N_COLUMNS; c++)
    {
      bare_query_clear (&board->bare[c]);
      bare_query_init (&board->bare[c], board->columns[c]);
      if (board->ids[c] == NULL)
        board->ids[c] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
}

static guint
board_run_bare (Board   *board,
                sqlite3 *db)
{
  guint n = 0;

  for (guint c = 0; c < DD_SUGGESTION_N_COLUMNS; c++)
    {
      bare_query_run (db, &board->bare[c], board->ids[c]);
      n += board->ids[c]->len;
    }
  return n;
}

static void
board_clear_bare (Board *board)
{
  for (guint c = 0; c < DD_SUGGESTION_N_COLUMNS; c++)
    {
      bare_query_clear (&board->bare[c]);
      g_clear_pointer (&board->ids[c], g_array_unref);
    }
}

/* Every column must hold exactly what its bare query returned. */
static guint
board_check (Board      *board,
             const char *label)
{
  guint total = 0;

  for (guint c = 0; c < DD_SUGGESTION_N_COLUMNS; c++)
    {
      DdQueryModel *model = DD_QUERY_MODEL (board->columns[c]);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

      if (n != board->ids[c]->len)
        {
          g_printerr ("(d) %s: column %s has %u suggestions, the bare query %u\n",
                      label, dd_suggestion_columns[c].name, n, board->ids[c]->len);
          exit (2);
        }
      for (guint i = 0; i < n; i++)
        if (dd_query_model_get_id (model, i) != g_array_index (board->ids[c], gint64, i))
          {
            g_printerr ("(d) %s: column %s and its bare query differ at row %u\n",
                        label, dd_suggestion_columns[c].name, i);
            exit (2);
          }
      total += n;
    }
  return total;
}

typedef struct
{
  const char *label;
  double      model_ms;
  double      bare_ms;
  guint       rows;
} BoardMeasure;

typedef void (*FilterFunc) (DdSuggestionFilter *filter,
                            gconstpointer       data);

static void
set_category (DdSuggestionFilter *filter,
              gconstpointer       data)
{
  dd_suggestion_filter_set_category (filter, data);
}

static void
set_unit (DdSuggestionFilter *filter,
          gconstpointer       data)
{
  dd_suggestion_filter_set_unit_id (filter, *(const gint64 *) data);
}

static void
set_search (DdSuggestionFilter *filter,
            gconstpointer       data)
{
  dd_suggestion_filter_set_search (filter, data);
}

/* One filter change on the open board (after @before, untimed), against
 * the board's 8 queries by hand; the board is cleared again after each run. */
static void
measure_filter_change (Board        *board,
                       sqlite3      *db,
                       int           runs,
                       FilterFunc    before,
                       gconstpointer before_data,
                       FilterFunc    change,
                       gconstpointer change_data,
                       BoardMeasure *m)
{
  g_autofree double *model_samples = g_new0 (double, runs);
  g_autofree double *bare_samples = g_new0 (double, runs);

  /* Warm-up, and the check that the board and the bare queries agree. */
  if (before != NULL)
    before (board->filter, before_data);
  change (board->filter, change_data);
  board_take_bare (board);
  board_run_bare (board, db);
  m->rows = board_check (board, m->label);
  dd_suggestion_filter_clear (board->filter);

  for (int r = 0; r < runs; r++)
    {
      gint64 started;

      if (before != NULL)
        before (board->filter, before_data);
      started = g_get_monotonic_time ();
      change (board->filter, change_data);
      model_samples[r] = (g_get_monotonic_time () - started) / 1e3;
      dd_suggestion_filter_clear (board->filter);   /* not timed */

      started = g_get_monotonic_time ();
      board_run_bare (board, db);
      bare_samples[r] = (g_get_monotonic_time () - started) / 1e3;
    }
  m->model_ms = median (model_samples, runs);
  m->bare_ms = median (bare_samples, runs);
}

/* The bare FTS query: every matching rowid, as a list needs them all to
 * count and order them, then the first page's rows. */
static guint
search_bare (sqlite3    *db,
             const char *match,
             GArray     *ids)
{
  sqlite3_stmt *stmt = NULL;

  g_array_set_size (ids, 0);
  if (sqlite3_prepare_v2 (db, "SELECT rowid FROM suggestions_fts WHERE suggestions_fts MATCH ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, "bare search");
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "SELECT * FROM suggestions WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, "bare rows");
  for (guint i = 0; i < MIN (ids->len, FIRST_PAGE); i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        die_sqlite (db, "bare rows");
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return ids->len;
}

/* A search box's list of every state with @text, up to its first page as objects. */
static guint
search_list (DdStore    *store,
             const char *text)
{
  g_autoptr(DdSuggestionFilter) filter = dd_suggestion_filter_new ();
  g_autoptr(DdSuggestionList) list = NULL;
  guint n;

  dd_suggestion_filter_set_search (filter, text);
  list = dd_suggestion_list_new_search (store, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, FIRST_PAGE); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (item == NULL)
        {
          g_printerr ("(d) search “%s”: row %u of the list has no suggestion\n", text, i);
          exit (2);
        }
    }
  return n;
}

/* Moves one suggestion between registered and under review, as the
 * workflow would (one transaction, then ::changed). */
static gboolean
move_one (DdStore   *store,
          gpointer   user_data,
          GError   **error)
{
  gint64 id = *(gint64 *) user_data;
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "UPDATE suggestions SET state = CASE state WHEN 'registered' "
                                         "THEN 'under_review' ELSE 'registered' END WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;
  dd_store_note_change (store, "suggestions", id);
  return TRUE;
}

static double
time_move (DdStore *store,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  if (!dd_store_write (store, move_one, &id, &error))
    die_error (error, "moving a suggestion");
  return (g_get_monotonic_time () - started) / 1e3;
}

/* Runs (d) on @store; returns whether every ratio is below the target. */
static gboolean
run_board (DdStore *store,
           int      runs)
{
  sqlite3 *db = dd_store_get_db (store);
  g_autofree double *model_samples = g_new0 (double, runs);
  g_autofree double *bare_samples = g_new0 (double, runs);
  g_autoptr(GArray) measures = g_array_new (FALSE, TRUE, sizeof (BoardMeasure));
  g_autoptr(GArray) search_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Board board = { 0 };
  BoardMeasure first = { "first frame: 8 columns, every id" };
  gsize rss_before, rss_after, heap_before, heap_after;
  gint64 started, unit_id, n_suggestions = 0;
  guint n_counted;
  gboolean all_below = TRUE;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM suggestions), (SELECT unit_id FROM "
                          "suggestion_units GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1)",
                          -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    die_sqlite (db, "counting suggestions");
  n_suggestions = sqlite3_column_int64 (stmt, 0);
  unit_id = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);

  /* (i) The first board of the process, for its memory: ids only, every
   * column; the statements' cache and the page cache are part of it. */
  rss_before = resident_bytes ();
  heap_before = heap_bytes () + (gsize) sqlite3_memory_used ();
  started = g_get_monotonic_time ();
  board_open (&board, store);
  model_samples[0] = (g_get_monotonic_time () - started) / 1e3;
  rss_after = resident_bytes ();
  heap_after = heap_bytes () + (gsize) sqlite3_memory_used ();
  board_take_bare (&board);
  board_run_bare (&board, db);
  n_counted = board_check (&board, first.label);
  if (n_counted != n_suggestions)
    {
      g_printerr ("(d) the columns hold %u suggestions of %" G_GINT64_FORMAT "\n",
                  n_counted, n_suggestions);
      exit (2);
    }
  first.rows = n_counted;
  board_close (&board);

  for (int r = 0; r < runs; r++)
    {
      started = g_get_monotonic_time ();
      board_open (&board, store);
      model_samples[r] = (g_get_monotonic_time () - started) / 1e3;
      board_close (&board);

      started = g_get_monotonic_time ();
      board_run_bare (&board, db);
      bare_samples[r] = (g_get_monotonic_time () - started) / 1e3;
    }
  first.model_ms = median (model_samples, runs);
  first.bare_ms = median (bare_samples, runs);
  g_array_append_val (measures, first);

  /* (ii) and (iii) on the open board */
  board_open (&board, store);
  {
    BoardMeasure category = { "filter: category transport" };
    BoardMeasure unit = { "filter: then the busiest unit" };

    measure_filter_change (&board, db, runs, NULL, NULL, set_category, "transport", &category);
    g_array_append_val (measures, category);
    measure_filter_change (&board, db, runs, set_category, "transport", set_unit, &unit_id, &unit);
    g_array_append_val (measures, unit);
  }
  for (guint s = 0; s < G_N_ELEMENTS (board_searches); s++)
    {
      g_autofree char *label = g_strdup_printf ("search on the board, words %u", s + 1);
      BoardMeasure m = { 0 };

      m.label = g_intern_string (label);
      measure_filter_change (&board, db, runs, NULL, NULL, set_search, board_searches[s], &m);
      g_array_append_val (measures, m);
    }
  board_close (&board);
  board_clear_bare (&board);

  for (guint s = 0; s < G_N_ELEMENTS (board_searches); s++)
    {
      g_autofree char *match = dd_fts_dup_match (board_searches[s]);
      g_autofree char *label = g_strdup_printf ("search list, first %d cards, words %u",
                                                FIRST_PAGE, s + 1);
      BoardMeasure m = { 0 };

      m.label = g_intern_string (label);
      m.rows = search_list (store, board_searches[s]);   /* warm-up */
      if (search_bare (db, match, search_ids) != m.rows)
        {
          g_printerr ("(d) search “%s”: the list has %u, the bare query %u\n",
                      board_searches[s], m.rows, search_ids->len);
          exit (2);
        }
      for (int r = 0; r < runs; r++)
        {
          started = g_get_monotonic_time ();
          search_list (store, board_searches[s]);
          model_samples[r] = (g_get_monotonic_time () - started) / 1e3;

          started = g_get_monotonic_time ();
          search_bare (db, match, search_ids);
          bare_samples[r] = (g_get_monotonic_time () - started) / 1e3;
        }
      m.model_ms = median (model_samples, runs);
      m.bare_ms = median (bare_samples, runs);
      g_array_append_val (measures, m);
    }

  /* (iv) For information, not a target: a write with the board open. Every
   * column runs its query again (DdQueryModel refreshes on any change of
   * its table), against the same write with no list open. */
  {
    gint64 moved;

    if (sqlite3_prepare_v2 (db, "SELECT id FROM suggestions WHERE state = 'registered' LIMIT 1",
                            -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
      die_sqlite (db, "a registered suggestion");
    moved = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);

    board_open (&board, store);
    time_move (store, moved);   /* warm-up */
    for (int r = 0; r < runs; r++)
      model_samples[r] = time_move (store, moved);
    board_close (&board);
    for (int r = 0; r < runs; r++)
      bare_samples[r] = time_move (store, moved);
    time_move (store, moved);   /* the 2 × runs + 2nd move: back where it was */
  }

  g_print ("(d) the board: %" G_GINT64_FORMAT " suggestions in 8 columns, medians of %d runs "
           "(target < %.1f)\n", n_suggestions, runs, TARGET_RATIO);
  g_print ("    %-42s %8s %10s %10s %8s\n", "measure", "rows", "model ms", "bare ms", "ratio");
  for (guint i = 0; i < measures->len; i++)
    {
      BoardMeasure *m = &g_array_index (measures, BoardMeasure, i);
      double ratio = m->model_ms / m->bare_ms;

      g_print ("    %-42s %8u %10.3f %10.3f %8.2f\n", m->label, m->rows, m->model_ms, m->bare_ms, ratio);
      all_below = all_below && ratio < TARGET_RATIO;
    }
  g_print ("    (searches: 1 “%s”, 2 “%s”, 3 “%s”; the board against its own 8 queries by hand,\n"
           "     the list against the bare FTS query plus its first %d rows)\n",
           board_searches[0], board_searches[1], board_searches[2], FIRST_PAGE);
  /* In a process that ran (a) to (c) first, freed memory is reused: the
   * heap in use says what the board holds, the resident size what it added. */
  g_print ("    memory of the first board: %.1f MiB more in use (heap and SQLite), %.1f MiB more resident\n"
           "    (target < 100 MiB; the ids are %.1f MiB)\n",
           ((double) heap_after - (double) heap_before) / (1024 * 1024),
           ((double) rss_after - (double) rss_before) / (1024 * 1024),
           (double) n_suggestions * sizeof (gint64) / (1024 * 1024));
  g_print ("    not a target: one suggestion moved with the board open %.1f ms, with no list open %.1f ms\n"
           "    (every column re-queries on a change of suggestions)\n\n",
           median (model_samples, runs), median (bare_samples, runs));
  return all_below && rss_after < rss_before + 100 * 1024 * 1024 &&
         heap_after < heap_before + 100 * 1024 * 1024;
}

static gint64
page_bytes (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 bytes;

  if (sqlite3_prepare_v2 (db, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                          -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    die_sqlite (db, "page count");
  bytes = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return bytes;
}

/* (e) statistics: dd_analytics_compute() and dd_year_summary_compute()
 * against the bare SQL of each figure they return, in the same run. The
 * bare set is one plain query per figure (states and overdue, verdicts
 * overall and by unit, category, station, year and kind, A/B/C overall and
 * by unit, on time, intake and closures by month, receptions by station,
 * deputies receiving voters, voters' opinions); the model returns more
 * than that (A/B/C and on time of every group too). A unary + keeps the
 * bare GROUP BY from walking a whole index for its order instead of the
 * period's rows (the planner's choice without it, 5× slower). */

#define STATS_TARGET_RATIO 1.5

#define BARE_WHERE "s.registered_on >= :from AND s.registered_on < :to"
#define BARE_LATEST_VERDICT \
  " JOIN evaluations e ON e.suggestion_id = s.id" \
  " JOIN suggestion_proposers p ON p.suggestion_id = e.suggestion_id AND p.deputy_id = e.deputy_id"
#define BARE_LATEST_ROUND \
  " AND e.round = (SELECT max(round) FROM evaluations" \
  "  WHERE suggestion_id = e.suggestion_id AND deputy_id = e.deputy_id)"
#define BARE_LEAD " LEFT JOIN suggestion_units u ON u.suggestion_id = s.id AND u.role = 'lead'"
#define BARE_LATEST_REPLY \
  " LEFT JOIN replies r ON r.id = (SELECT id FROM replies WHERE suggestion_id = s.id" \
  "  ORDER BY round DESC, id DESC LIMIT 1)"

typedef struct
{
  const char *label;
  const char *sql;      /* {w}: the filter's conditions on suggestions s */
  gboolean    summary;  /* also a figure of the year's summary */
} BareFigure;

static const BareFigure bare_figures[] = {
  { "states and overdue",
    "SELECT s.state, count(*), sum(s.deadline_on < :today) FROM suggestions s WHERE {w} GROUP BY s.state",
    TRUE },
  { "satisfaction, overall",
    "SELECT e.verdict, count(*) FROM suggestions s" BARE_LATEST_VERDICT " WHERE {w}" BARE_LATEST_ROUND
    " GROUP BY e.verdict", TRUE },
  { "satisfaction by unit",
    "SELECT u.unit_id, e.verdict, count(*) FROM suggestions s" BARE_LATEST_VERDICT BARE_LEAD
    " WHERE {w}" BARE_LATEST_ROUND " GROUP BY 1, 2", FALSE },
  { "satisfaction by category",
    "SELECT +s.category, e.verdict, count(*) FROM suggestions s" BARE_LATEST_VERDICT
    " WHERE {w}" BARE_LATEST_ROUND " GROUP BY 1, 2", FALSE },
  { "satisfaction by station",
    "SELECT +s.station_id, e.verdict, count(*) FROM suggestions s" BARE_LATEST_VERDICT
    " WHERE {w}" BARE_LATEST_ROUND " GROUP BY 1, 2", FALSE },
  { "satisfaction by year",
    "SELECT substr(s.registered_on, 1, 4), e.verdict, count(*) FROM suggestions s" BARE_LATEST_VERDICT
    " WHERE {w}" BARE_LATEST_ROUND " GROUP BY 1, 2", FALSE },
  { "satisfaction by kind",
    "SELECT +s.kind, e.verdict, count(*) FROM suggestions s" BARE_LATEST_VERDICT
    " WHERE {w}" BARE_LATEST_ROUND " GROUP BY 1, 2", FALSE },
  { "A/B/C and on time, overall",
    "SELECT r.class, count(*), sum(r.round = s.round AND r.replied_on <= s.deadline_on),"
    " sum(r.round = s.round AND s.deadline_on IS NOT NULL)"
    " FROM suggestions s" BARE_LATEST_REPLY " WHERE {w} GROUP BY r.class", TRUE },
  { "A/B/C by unit",
    "SELECT u.unit_id, r.class, count(*) FROM suggestions s" BARE_LEAD BARE_LATEST_REPLY
    " WHERE {w} GROUP BY 1, 2", FALSE },
  { "intake by month",
    "SELECT substr(s.registered_on, 1, 7), count(*) FROM suggestions s WHERE {w} GROUP BY 1", FALSE },
  { "closures by month",
    "SELECT substr(s.closed_on, 1, 7), count(*) FROM suggestions s"
    " WHERE s.state = 'closed' AND s.closed_on >= :from AND s.closed_on < :to {c} GROUP BY 1", FALSE },
  { "receptions by station",
    "SELECT station_id, count(*), sum(voters_received) FROM receptions r"
    " WHERE held_on >= :from AND held_on < :to {r} GROUP BY station_id", TRUE },
  { "deputies receiving voters",
    "SELECT count(DISTINCT rd.deputy_id) FROM receptions r JOIN reception_deputies rd"
    " ON rd.reception_id = r.id WHERE r.held_on >= :from AND r.held_on < :to {r}", TRUE },
  { "voters' opinions, adopted, solved",
    "SELECT count(*), sum(r.class IN ('A', 'B')), sum(r.class = 'A') FROM suggestions s" BARE_LATEST_REPLY
    " WHERE s.kind = 'voter_opinion' AND {w}", TRUE },
};

typedef struct
{
  const char *label;
  int         year;        /* 0: all dates */
  gboolean    unit;
  gboolean    district;
  gboolean    summary;     /* dd_year_summary_compute() against the summary's figures */
} StatsScenario;

static char *
bare_sql (const char *template,
          gboolean    unit,
          gboolean    district)
{
  g_autoptr(GString) sql = g_string_new (template);
  g_autoptr(GString) extra = g_string_new (NULL);

  if (unit)
    g_string_append (extra, " AND s.id IN (SELECT suggestion_id FROM suggestion_units"
                            " WHERE unit_id = :unit AND role = 'lead')");
  if (district)
    g_string_append (extra, " AND coalesce((SELECT district FROM stations WHERE id = s.station_id),"
                            " (SELECT d.district FROM suggestion_proposers p0 JOIN deputies d"
                            " ON d.id = p0.deputy_id WHERE p0.suggestion_id = s.id"
                            " ORDER BY p0.position, p0.deputy_id LIMIT 1)) = :district");
  g_string_replace (sql, "{c}", extra->str, 0);
  g_string_prepend (extra, BARE_WHERE);
  g_string_replace (sql, "{w}", extra->str, 0);
  g_string_replace (sql, "{r}", district ? " AND r.station_id IN (SELECT id FROM stations"
                                           " WHERE district = :district)" : "", 0);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
bind_bare (sqlite3_stmt            *stmt,
           const DdAnalyticsFilter *filter,
           const char              *today)
{
  const char *names[] = { ":from", ":to", ":today", ":district" };
  const char *values[] = { filter->from != NULL ? filter->from : "", filter->to != NULL ? filter->to : "~",
                           today, filter->district };
  int index;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if ((index = sqlite3_bind_parameter_index (stmt, names[i])) > 0)
      sqlite3_bind_text (stmt, index, values[i], -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":unit")) > 0)
    sqlite3_bind_int64 (stmt, index, filter->unit_id);
}

/* Steps one bare query to its end, prepared each time as in (b) and (c);
 * returns the milliseconds. */
static double
time_bare (sqlite3                 *db,
           const char              *sql,
           const DdAnalyticsFilter *filter,
           const char              *today)
{
  gint64 started = g_get_monotonic_time ();
  sqlite3_stmt *stmt = NULL;
  gint64 sink = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, sql);
  bind_bare (stmt, filter, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sink += sqlite3_column_int64 (stmt, sqlite3_column_count (stmt) - 1);
  if (rc != SQLITE_DONE)
    die_sqlite (db, sql);
  sqlite3_finalize (stmt);
  (void) sink;
  return (g_get_monotonic_time () - started) / 1e3;
}

/* Runs (e) on @store; returns whether every ratio is below the target. */
static gboolean
run_statistics (DdStore *store,
                int      runs)
{
  sqlite3 *db = dd_store_get_db (store);
  g_autofree char *today = dd_store_dup_today (store);
  g_autofree char *district = NULL;
  int year = dd_store_latest_year (store);
  gint64 unit_id = 0;
  sqlite3_stmt *stmt = NULL;
  const StatsScenario scenarios[] = {
    { "year", year, FALSE, FALSE, FALSE },
    { "year, one unit", year, TRUE, FALSE, FALSE },
    { "year, one district", year, FALSE, TRUE, FALSE },
    { "all dates", 0, FALSE, FALSE, FALSE },
    { "year's summary", year, FALSE, FALSE, TRUE },
  };
  gboolean all_below = TRUE;

  runs = CLAMP (runs, 1, 16);
  if (sqlite3_prepare_v2 (db, "SELECT (SELECT unit_id FROM suggestion_units WHERE role = 'lead'"
                          " GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1),"
                          " (SELECT district FROM stations WHERE district IS NOT NULL"
                          " GROUP BY district ORDER BY count(*) DESC LIMIT 1)", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    die_sqlite (db, "choosing a unit and a district");
  unit_id = sqlite3_column_int64 (stmt, 0);
  district = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  g_print ("(e) statistics: year %d, unit %" G_GINT64_FORMAT ", district “%s”, medians of %d runs "
           "(target < %.1f)\n", year, unit_id, district != NULL ? district : "", runs, STATS_TARGET_RATIO);
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    {
      const StatsScenario *sc = &scenarios[s];
      g_autoptr(DdAnalyticsFilter) filter = sc->year != 0 ? dd_analytics_filter_new_year (sc->year)
                                                          : dd_analytics_filter_new ();
      g_autofree double *model = g_new0 (double, runs);
      g_autofree double *bare_total = g_new0 (double, runs);
      double bare_each[G_N_ELEMENTS (bare_figures)][16] = { { 0 } };
      char *sqls[G_N_ELEMENTS (bare_figures)] = { NULL };
      g_autoptr(GError) error = NULL;
      double model_ms, bare_ms, ratio;
      gint64 suggestions = 0;

      if (sc->unit)
        filter->unit_id = unit_id;
      if (sc->district)
        filter->district = g_strdup (district);
      for (guint f = 0; f < G_N_ELEMENTS (bare_figures); f++)
        if (!sc->summary || bare_figures[f].summary)
          sqls[f] = bare_sql (bare_figures[f].sql, sc->unit, sc->district);

      /* A warm-up of each, then interleaved runs. */
      for (int r = -1; r < runs; r++)
        {
          gint64 started = g_get_monotonic_time ();
          double total = 0;

          if (sc->summary)
            {
              DdYearSummary summary;

              if (!dd_year_summary_compute (store, sc->year, &summary, &error))
                die_error (error, "dd_year_summary_compute");
              suggestions = summary.suggestions + summary.opinions_recorded;
            }
          else
            {
              DdAnalytics *analytics = dd_analytics_compute (store, filter, NULL, &error);

              if (analytics == NULL)
                die_error (error, "dd_analytics_compute");
              suggestions = analytics->overall->suggestions;
              dd_analytics_unref (analytics);
            }
          if (r >= 0)
            model[r] = (g_get_monotonic_time () - started) / 1e3;
          for (guint f = 0; f < G_N_ELEMENTS (bare_figures); f++)
            if (sqls[f] != NULL)
              {
                double ms = time_bare (db, sqls[f], filter, today);

                total += ms;
                if (r >= 0)
                  bare_each[f][r] = ms;
              }
          if (r >= 0)
            bare_total[r] = total;
        }
      model_ms = median (model, runs);
      bare_ms = median (bare_total, runs);
      ratio = model_ms / bare_ms;
      all_below = all_below && ratio < STATS_TARGET_RATIO;
      g_print ("    %-44s %10s %10s %8s\n",
               sc->summary ? "dd_year_summary_compute, year" : sc->label, "model ms", "bare ms", "ratio");
      for (guint f = 0; f < G_N_ELEMENTS (bare_figures); f++)
        if (sqls[f] != NULL)
          {
            g_print ("      bare: %-38s %10s %10.1f\n", bare_figures[f].label, "",
                     median (bare_each[f], runs));
            g_free (sqls[f]);
          }
      g_print ("      %-42s %10.1f %10.1f %8.2f   (%" G_GINT64_FORMAT " suggestions)\n",
               sc->summary ? "the summary / its figures' bare SQL" : "dd_analytics_compute / all bare SQL",
               model_ms, bare_ms, ratio, suggestions);
    }
  g_print ("\n");
  return all_below;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *size_name = NULL;
  g_autofree char *anchor = NULL;
  int runs = 5;
  int seed = 1;
  gint64 n_stations_wanted = -1;
  g_autofree char *board_path = NULL;
  g_autofree char *statistics_path = NULL;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_name, "small, district or province (default)", "SIZE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "runs of the list benchmark (default 5)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "demo seed (default 1)", "N" },
    { "anchor", 0, 0, G_OPTION_ARG_STRING, &anchor, "demo end date (default 2025-06-30)", "DATE" },
    { "stations", 0, 0, G_OPTION_ARG_INT64, &n_stations_wanted,
      "stations for (c), copies of the generated ones (default 5000 at province size)", "N" },
    { "board", 0, 0, G_OPTION_ARG_FILENAME, &board_path,
      "run only (d), on this existing demo database", "FILE" },
    { "statistics", 0, 0, G_OPTION_ARG_FILENAME, &statistics_path,
      "run only (e), on this existing demo database", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Deputy Desk against bare SQLite");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *demo_path = NULL;
  g_autofree char *bare_path = NULL;
  DdDemoOptions options = { DD_DEMO_PROVINCE, 0, NULL, on_progress_cb, NULL };
  g_autoptr(DdStore) store = NULL;
  sqlite3 *source = NULL, *dest;
  gint64 started, demo_us, bare_us = 0, total_rows = 0;
  gint64 table_us[G_N_ELEMENTS (tables)];
  gsize table_rows[G_N_ELEMENTS (tables)];
  g_autofree double *model_ms = NULL;
  g_autofree double *bare_ms = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_model = 0;
  double ratio_a, ratio_b, model_median, bare_median;
  double ratio_c[G_N_ELEMENTS (station_measures)];
  double model_c[G_N_ELEMENTS (station_measures)];
  double bare_c[G_N_ELEMENTS (station_measures)];
  guint rows_c[G_N_ELEMENTS (station_measures)];
  const char *param_c[G_N_ELEMENTS (station_measures)] = { NULL, "社区", "liaison_station", NULL };
  g_auto(GStrv) station_districts = NULL;
  gint64 n_generated_stations = 0, n_stations = 0;
  gboolean all_c_below = TRUE, all_d_below, all_e_below;
  gint64 fts_us = 0, fts_bytes = 0, bare_bytes = 0;

  /* g_print() writes Chinese only in a UTF-8 locale, not in "C". */
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die_error (error, "options");
  if (size_name != NULL && !dd_demo_size_from_string (size_name, &options.size))
    {
      g_printerr ("--size: “%s” is not small, district or province\n", size_name);
      return 2;
    }
  if (runs < 1)
    runs = 1;
  options.seed = (guint32) seed;
  options.anchor = anchor != NULL ? anchor : "2025-06-30";

  if (board_path != NULL)
    {
      store = dd_store_open (board_path, DD_STORE_OPEN_EXISTING, &error);
      if (store == NULL)
        die_error (error, board_path);
      g_print ("Deputy Desk benchmark: the board on %s, SQLite %s\n\n", board_path, sqlite3_libversion ());
      return run_board (store, runs) ? 0 : 1;
    }

  if (statistics_path != NULL)
    {
      store = dd_store_open (statistics_path, DD_STORE_OPEN_EXISTING, &error);
      if (store == NULL)
        die_error (error, statistics_path);
      g_print ("Deputy Desk benchmark: the statistics on %s, SQLite %s\n\n", statistics_path,
               sqlite3_libversion ());
      return run_statistics (store, runs) ? 0 : 1;
    }

  dir = g_dir_make_tmp ("dd-bench-XXXXXX", &error);
  if (dir == NULL)
    die_error (error, "temporary folder");
  demo_path = g_build_filename (dir, "demo.sqlite", NULL);
  bare_path = g_build_filename (dir, "bare.sqlite", NULL);

  g_print ("Deputy Desk benchmark: demo size %s, seed %d, anchor %s, SQLite %s\n\n",
           size_name != NULL ? size_name : "province", seed, options.anchor, sqlite3_libversion ());

  /* (a) the generator */
  store = dd_store_open (demo_path, DD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    die_error (error, demo_path);
  started = g_get_monotonic_time ();
  if (!dd_demo_generate (store, &options, &error))
    die_error (error, "dd_demo_generate");
  demo_us = g_get_monotonic_time () - started;
  if (isatty (2))
    g_printerr ("\r%40s\r", "");
  g_clear_object (&store);

  /* (a) the same rows, bare */
  store = dd_store_open (bare_path, DD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    die_error (error, bare_path);
  dest = dd_store_get_db (store);
  if (sqlite3_open_v2 (demo_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    die_sqlite (source, demo_path);
  exec_or_die (dest, "PRAGMA synchronous = NORMAL");

  started = g_get_monotonic_time ();
  exec_or_die (dest, "BEGIN IMMEDIATE");
  bare_us += g_get_monotonic_time () - started;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      Rows rows = { 0 };

      load_rows (source, tables[t], &rows);   /* not timed */
      started = g_get_monotonic_time ();
      insert_rows (dest, &rows);
      table_us[t] = g_get_monotonic_time () - started;
      bare_us += table_us[t];
      table_rows[t] = rows.n_rows;
      total_rows += rows.n_rows;
      rows_clear (&rows);
    }
  /* The search index, as the generator fills it: one statement after the rows. */
  fts_bytes = page_bytes (dest);
  started = g_get_monotonic_time ();
  exec_or_die (dest, "INSERT INTO suggestions_fts (rowid, title, body) SELECT id, title, body FROM suggestions");
  fts_us = g_get_monotonic_time () - started;
  bare_us += fts_us;
  bare_bytes = page_bytes (dest);
  fts_bytes = bare_bytes - fts_bytes;
  started = g_get_monotonic_time ();
  exec_or_die (dest, "COMMIT");
  bare_us += g_get_monotonic_time () - started;
  exec_or_die (dest, "PRAGMA synchronous = FULL");
  sqlite3_close (source);
  g_clear_object (&store);

  g_print ("%-24s %12s %14s\n", "table", "rows", "bare insert s");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    g_print ("%-24s %12" G_GSIZE_FORMAT " %14.2f\n", tables[t], table_rows[t], table_us[t] / 1e6);
  g_print ("%-24s %12" G_GSIZE_FORMAT " %14.2f\n", "suggestions_fts (index)",
           table_rows[SUGGESTIONS], fts_us / 1e6);
  g_print ("%-24s %12" G_GINT64_FORMAT "\n", "all", total_rows);
  g_print ("search index: %.0f MiB of the %.0f MiB file (+%.0f %%), built at %.0f suggestions/s\n\n",
           fts_bytes / 1048576.0, bare_bytes / 1048576.0, 100.0 * fts_bytes / (bare_bytes - fts_bytes),
           table_rows[SUGGESTIONS] / (fts_us / 1e6));

  /* (b) the deputies list, on the generated file */
  store = dd_store_open (demo_path, DD_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    die_error (error, demo_path);
  model_ms = g_new0 (double, runs);
  bare_ms = g_new0 (double, runs);
  {
    /* A warm-up of each, so that both read from a warm page cache. */
    DdDeputyList *list = dd_deputy_list_new (store);

    n_model = g_list_model_get_n_items (G_LIST_MODEL (list));
    g_object_unref (list);
    list_ids_bare (dd_store_get_db (store), ids);
    if (ids->len != n_model)
      {
        g_printerr ("the list has %u deputies, the bare query %u\n", n_model, ids->len);
        return 2;
      }
  }
  for (int r = 0; r < runs; r++)
    {
      DdDeputyList *list;

      started = g_get_monotonic_time ();
      list = dd_deputy_list_new (store);
      model_ms[r] = (g_get_monotonic_time () - started) / 1e3;
      g_object_unref (list);

      started = g_get_monotonic_time ();
      list_ids_bare (dd_store_get_db (store), ids);
      bare_ms[r] = (g_get_monotonic_time () - started) / 1e3;
    }
  /* (c) the stations page, on the same file with more stations */
  n_generated_stations = add_stations (dd_store_get_db (store), 0);
  if (n_stations_wanted < 0)
    n_stations_wanted = options.size == DD_DEMO_PROVINCE ? 5000 : n_generated_stations;
  n_stations = add_stations (dd_store_get_db (store), n_stations_wanted);
  station_districts = dd_station_list_dup_districts (store, &error);
  if (station_districts == NULL)
    die_error (error, "districts");
  param_c[3] = station_districts[0];
  for (guint m = 0; m < G_N_ELEMENTS (station_measures); m++)
    {
      g_autofree double *model_samples = g_new0 (double, runs);
      g_autofree double *bare_samples = g_new0 (double, runs);

      rows_c[m] = time_station_measure (store, &station_measures[m], param_c[m], runs,
                                        model_samples, bare_samples);
      model_c[m] = median (model_samples, runs);
      bare_c[m] = median (bare_samples, runs);
      ratio_c[m] = model_c[m] / bare_c[m];
      all_c_below = all_c_below && ratio_c[m] < TARGET_RATIO;
    }
  g_clear_object (&store);
  model_median = median (model_ms, runs);
  bare_median = median (bare_ms, runs);

  ratio_a = (double) demo_us / (double) bare_us;
  ratio_b = model_median / bare_median;

  g_print ("%-52s %10s %12s\n", "measure", "time", "rows/s");
  g_print ("%-52s %8.2f s %12.0f\n", "(a) dd_demo_generate, fresh file",
           demo_us / 1e6, total_rows / (demo_us / 1e6));
  g_print ("%-52s %8.2f s %12.0f\n", "    bare SQLite inserts of the same rows",
           bare_us / 1e6, total_rows / (bare_us / 1e6));
  g_print ("%-52s %10.2f   (target < %.1f)\n", "    ratio", ratio_a, TARGET_RATIO);
  g_print ("%-52s %7.2f ms\n", "(b) dd_deputy_list_new, median", model_median);
  g_print ("%-52s %7.2f ms\n", "    bare SELECT id ... ORDER BY name, id, median", bare_median);
  g_print ("%-52s %10.2f   (target < %.1f; %u deputies, %d runs)\n", "    ratio",
           ratio_b, TARGET_RATIO, n_model, runs);
  g_print ("(c) stations page, %" G_GINT64_FORMAT " stations (%" G_GINT64_FORMAT " generated), "
           "medians of %d runs (target < %.1f)\n",
           n_stations, n_generated_stations, runs, TARGET_RATIO);
  g_print ("    %-34s %8s %10s %10s %8s\n", "measure", "rows", "model ms", "bare ms", "ratio");
  /* ASCII labels keep the columns aligned; the Chinese parameters follow. */
  for (guint m = 0; m < G_N_ELEMENTS (station_measures); m++)
    g_print ("    %-34s %8u %10.3f %10.3f %8.2f\n", station_measures[m].label, rows_c[m],
             model_c[m], bare_c[m], ratio_c[m]);
  g_print ("    (search “%s”, kind %s, district “%s”; bare queries prepared each run, as in (b))\n\n",
           param_c[1], param_c[2], param_c[3]);

  /* (d) the board, on the generated file */
  store = dd_store_open (demo_path, DD_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    die_error (error, demo_path);
  all_d_below = run_board (store, runs);
  g_clear_object (&store);

  /* (e) the statistics, on the generated file */
  store = dd_store_open (demo_path, DD_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    die_error (error, demo_path);
  all_e_below = run_statistics (store, runs);
  g_clear_object (&store);

  remove_database (demo_path);
  remove_database (bare_path);
  g_rmdir (dir);

  return ratio_a < TARGET_RATIO && ratio_b < TARGET_RATIO && all_c_below && all_d_below && all_e_below ? 0 : 1;
}
