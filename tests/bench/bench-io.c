/* bench-io.c: deputy-desk-bench-io, importing and exporting spreadsheets
 * against bare code doing the same work, measured in the same run
 *
 * (a) Import: --rows suggestions (default 100 000; title ~15 Chinese
 *     characters, text ~200, a lead proposer among 1 500 deputies, a lead
 *     unit among 100 for two rows in three) from a UTF-8 CSV file, through
 *     dd_csv_read_file() + dd_import_run() (mapping, validation of every
 *     row, references, duplicates, one transaction, one audit row a
 *     record, numbers, the search index) into a copy of a database holding
 *     the deputies and units; against a bare loop over the same rows,
 *     already parsed and resolved in memory, that inserts the same
 *     suggestions, proposers and units rows with one prepared statement a
 *     table in one transaction, then fills the search index with the same
 *     one statement, into another copy. Also the write alone (the rows
 *     already read into a sheet) against the bare loop.
 * (b) Export: those suggestions to XLSX through dd_export_build() +
 *     dd_xlsx_write_file(), against libxlsxwriter writing the same cells
 *     (the built sheet's) bare in constant-memory mode, with a bold header
 *     and a date format; and the writer alone against the bare loop.
 *
 * One run, wall-clock and CPU times; the table gives the ratios. Target: each
 * ratio of the whole work at most 2. The exit status is 1 if one is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <time.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "dd-csv.h"
#include "dd-export.h"
#include "dd-import.h"
#include "dd-store-private.h"
#include "dd-xlsx-writer.h"

#define TARGET_RATIO 2.0
#define N_DEPUTIES 1500
#define N_UNITS 100

static const char * const categories[] = { "城建", "教育", "卫生", "交通", "环境", "其他" };
static const char * const category_codes[] = {
  "urban_construction", "education", "health", "transport", "environment", "other"
};

typedef struct
{
  char   *title;
  char   *body;
  int     category;
  char   *date;
  gint64  deputy;   /* 1 … N_DEPUTIES */
  gint64  unit;     /* 0 or 1 … N_UNITS */
} Row;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The process's CPU time: the machine is shared, and waiting for it is not our cost */
static double
cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
row_clear (Row *row)
{
  g_free (row->title);
  g_free (row->body);
  g_free (row->date);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A database with the deputies and units the rows refer to */
static void
make_seed (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  db = dd_store_get_db (store);
  exec (db, "BEGIN");
  sqlite3_prepare_v2 (db, "INSERT INTO deputies (id, person_id, code, name, level, term, created_at, "
                          "updated_at) VALUES (?1, ?1, printf('D%06d', ?1), printf('代表%04d', ?1), "
                          "'county', 16, '2026-01-01T00:00:00', '2026-01-01T00:00:00')", -1, &stmt, NULL);
  for (int i = 1; i <= N_DEPUTIES; i++)
    {
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "INSERT INTO units (id, name, created_at) VALUES (?1, printf('单位%03d', ?1), "
                          "'2026-01-01T00:00:00')", -1, &stmt, NULL);
  for (int i = 1; i <= N_UNITS; i++)
    {
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec (db, "COMMIT");
  exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static Row *
make_rows (guint n)
{
  Row *rows = g_new0 (Row, n);
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint k = 0; k < 10; k++)
    g_string_append (body, "群众反映该路段早晚高峰拥堵严重，停车位不足，");
  for (guint i = 0; i < n; i++)
    {
      GDate date;

      g_date_set_dmy (&date, 1, 1, 2026);
      g_date_add_days (&date, i % 365);
      rows[i].title = g_strdup_printf ("关于加强第%u号社区停车管理的建议", i + 1);
      rows[i].body = g_strdup (body->str);
      rows[i].category = (int) (i % G_N_ELEMENTS (categories));
      rows[i].date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                      g_date_get_month (&date), g_date_get_day (&date));
      rows[i].deputy = 1 + (gint64) (i * 7 % N_DEPUTIES);
      rows[i].unit = i % 3 == 2 ? 0 : 1 + (gint64) (i % N_UNITS);
    }
  return rows;
}

static void
write_csv (const char *path,
           const Row  *rows,
           guint       n)
{
  g_autoptr(GString) csv = g_string_new ("标题,内容,类别,提出日期,领衔代表,主办单位\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (csv, "%s,%s,%s,%s,代表%04" G_GINT64_FORMAT ",", rows[i].title,
                              rows[i].body, categories[rows[i].category], rows[i].date,
                              rows[i].deputy);
      if (rows[i].unit != 0)
        g_string_append_printf (csv, "单位%03" G_GINT64_FORMAT, rows[i].unit);
      g_string_append_c (csv, '\n');
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
}

/* The same rows by hand: what the import writes, without the checking */
static double
bare_insert (const char *path,
             const Row  *rows,
             guint       n,
             double     *cpu_time)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *suggestion, *proposer, *unit, *fts;
  double start, cpu_start;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  dd_store_configure_connection (db);
  start = now ();
  cpu_start = cpu ();
  exec (db, "BEGIN IMMEDIATE");
  sqlite3_prepare_v2 (db, "INSERT INTO suggestions (number, kind, title, body, category, state, "
                          "registered_on, assigned_on, round, published, created_at, updated_at) "
                          "VALUES (?, 'deputy_suggestion', ?, ?, ?, ?, ?, ?, 1, 0, "
                          "'2026-03-10T09:00:00', '2026-03-10T09:00:00')", -1, &suggestion, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) "
                          "VALUES (?, ?, 1)", -1, &proposer, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO suggestion_units (suggestion_id, unit_id, role, assigned_on) "
                          "VALUES (?, ?, 'lead', ?)", -1, &unit, NULL);
  for (guint i = 0; i < n; i++)
    {
      char number[32];
      gint64 id;

      g_snprintf (number, sizeof number, "JY2026-%04u", i + 1);
      sqlite3_bind_text (suggestion, 1, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (suggestion, 2, rows[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_text (suggestion, 3, rows[i].body, -1, SQLITE_STATIC);
      sqlite3_bind_text (suggestion, 4, category_codes[rows[i].category], -1, SQLITE_STATIC);
      sqlite3_bind_text (suggestion, 5, rows[i].unit != 0 ? "assigned" : "registered", -1, SQLITE_STATIC);
      sqlite3_bind_text (suggestion, 6, rows[i].date, -1, SQLITE_STATIC);
      if (rows[i].unit != 0)
        sqlite3_bind_text (suggestion, 7, rows[i].date, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (suggestion, 7);
      if (sqlite3_step (suggestion) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (suggestion);
      id = sqlite3_last_insert_rowid (db);
      sqlite3_bind_int64 (proposer, 1, id);
      sqlite3_bind_int64 (proposer, 2, rows[i].deputy);
      sqlite3_step (proposer);
      sqlite3_reset (proposer);
      if (rows[i].unit != 0)
        {
          sqlite3_bind_int64 (unit, 1, id);
          sqlite3_bind_int64 (unit, 2, rows[i].unit);
          sqlite3_bind_text (unit, 3, rows[i].date, -1, SQLITE_STATIC);
          sqlite3_step (unit);
          sqlite3_reset (unit);
        }
    }
  sqlite3_prepare_v2 (db, "INSERT INTO suggestions_fts (rowid, title, body) "
                          "SELECT id, title, body FROM suggestions", -1, &fts, NULL);
  if (sqlite3_step (fts) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_finalize (fts);
  exec (db, "COMMIT");
  start = now () - start;
  *cpu_time = cpu () - cpu_start;
  sqlite3_finalize (suggestion);
  sqlite3_finalize (proposer);
  sqlite3_finalize (unit);
  sqlite3_close (db);
  return start;
}

/* libxlsxwriter on its own, writing the cells of @sheet as our writer would */
static double
bare_xlsx (DdSheet    *sheet,
           const char *path,
           double     *cpu_time)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  lxw_format *bold, *date;
  double start = now ();
  double cpu_start = cpu ();

  workbook = workbook_new_opt (path, &options);
  worksheet = workbook_add_worksheet (workbook, NULL);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd");
  worksheet_freeze_panes (worksheet, 1, 0);
  for (guint r = 0; r < dd_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < dd_sheet_get_row_n_cells (sheet, r); c++)
      {
        const DdCell *cell = dd_sheet_get_cell (sheet, r, c);

        switch (cell->type)
          {
          case DD_CELL_TEXT:
            worksheet_write_string (worksheet, r, c, cell->text, r == 0 ? bold : NULL);
            break;
          case DD_CELL_NUMBER:
            worksheet_write_number (worksheet, r, c, cell->number, NULL);
            break;
          case DD_CELL_DATE:
            worksheet_write_number (worksheet, r, c, cell->number, date);
            break;
          case DD_CELL_BOOL:
            worksheet_write_boolean (worksheet, r, c, cell->number != 0, NULL);
            break;
          case DD_CELL_EMPTY:
          default:
            break;
          }
      }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("libxlsxwriter failed");
  *cpu_time = cpu () - cpu_start;
  return now () - start;
}

static gboolean
print_ratio (const char *what,
             double      app,
             double      bare,
             double      app_cpu,
             double      bare_cpu,
             gboolean    judged)
{
  double ratio = app / bare;

  g_print ("%-46s %8.3f %8.3f %6.2f %8.3f %8.3f %6.2f%s\n", what, app, bare, ratio,
           app_cpu, bare_cpu, app_cpu / bare_cpu,
           judged ? (ratio <= TARGET_RATIO ? "  ok" : "  OVER") : "");
  return !judged || ratio <= TARGET_RATIO;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *app_db = NULL;
  g_autofree char *bare_db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *bare_path = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdSheet) read = NULL;
  g_autoptr(DdImport) import = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  DdImportSummary summary;
  DdExportOptions options;
  Row *rows;
  int n_rows = 100000;
  double t_read, t_run, t_bare, t_build, t_write, t_lxw, start;
  double c_read, c_run, c_bare, c_build, c_write, c_lxw, cpu_start;
  gboolean ok = TRUE;
  char label[128];
  GOptionEntry entries[] = {
    { "rows", 'n', 0, G_OPTION_ARG_INT, &n_rows, "Suggestions to import and export (default 100000)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_rows < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--rows must be positive");
      return 2;
    }

  dir = g_dir_make_tmp ("dd-bench-io-XXXXXX", &error);
  g_assert_no_error (error);
  seed = g_build_filename (dir, "seed.sqlite", NULL);
  app_db = g_build_filename (dir, "app.sqlite", NULL);
  bare_db = g_build_filename (dir, "bare.sqlite", NULL);
  csv = g_build_filename (dir, "suggestions.csv", NULL);
  xlsx = g_build_filename (dir, "app.xlsx", NULL);
  bare_path = g_build_filename (dir, "bare.xlsx", NULL);

  make_seed (seed);
  copy_file (seed, app_db);
  copy_file (seed, bare_db);
  rows = make_rows ((guint) n_rows);
  write_csv (csv, rows, (guint) n_rows);

  /* (a) import */
  store = dd_store_open (app_db, DD_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  dd_store_set_frozen_time (store, "2026-03-10T09:00:00");
  start = now ();
  cpu_start = cpu ();
  read = dd_csv_read_file (csv, DD_CSV_ENCODING_AUTO, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  t_read = now () - start;
  c_read = cpu () - cpu_start;
  start = now ();
  cpu_start = cpu ();
  import = dd_import_new (store, DD_IMPORT_SUGGESTIONS, read);
  if (!dd_import_run (import, NULL, NULL, NULL, &summary, &error))
    g_error ("import: %s", error->message);
  t_run = now () - start;
  c_run = cpu () - cpu_start;
  g_assert_cmpuint (summary.inserted, ==, (guint) n_rows);
  t_bare = bare_insert (bare_db, rows, (guint) n_rows, &c_bare);

  /* (b) export */
  dd_export_options_init (&options);
  options.mask = FALSE;
  start = now ();
  cpu_start = cpu ();
  sheet = dd_export_build (store, DD_EXPORT_SUGGESTIONS, &options, NULL, &error);
  g_assert_no_error (error);
  t_build = now () - start;
  c_build = cpu () - cpu_start;
  start = now ();
  cpu_start = cpu ();
  if (!dd_xlsx_write_file (sheet, xlsx, NULL, NULL, NULL, &error))
    g_error ("export: %s", error->message);
  t_write = now () - start;
  c_write = cpu () - cpu_start;
  t_lxw = bare_xlsx (sheet, bare_path, &c_lxw);

  g_print ("deputy-desk-bench-io: %d suggestions (one run, seconds)\n\n", n_rows);
  g_print ("%-46s %8s %8s %6s %8s %8s %6s\n", "", "app", "bare", "ratio", "app cpu", "bare cpu",
           "ratio");
  g_snprintf (label, sizeof label, "(a) import from CSV: read + check + write");
  ok &= print_ratio (label, t_read + t_run, t_bare, c_read + c_run, c_bare, TRUE);
  print_ratio ("    check + write alone (sheet in memory)", t_run, t_bare, c_run, c_bare, FALSE);
  g_print ("    of which reading the CSV: %.3f s (cpu %.3f s)\n", t_read, c_read);
  g_snprintf (label, sizeof label, "(b) XLSX export: build sheet + write");
  ok &= print_ratio (label, t_build + t_write, t_lxw, c_build + c_write, c_lxw, TRUE);
  print_ratio ("    writer alone (same cells)", t_write, t_lxw, c_write, c_lxw, FALSE);
  g_print ("    of which building the sheet: %.3f s (cpu %.3f s)\n", t_build, c_build);
  g_print ("\nWall-clock ratios are judged (target %.1f); CPU ratios are given because the\n"
           "machine is shared. The bare export reads nothing from the database.\n", TARGET_RATIO);

  for (int i = 0; i < n_rows; i++)
    row_clear (&rows[i]);
  g_free (rows);
  g_clear_object (&import);
  g_clear_object (&store);
  {
    const char *files[] = { seed, app_db, bare_db, csv, xlsx, bare_path };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *wal = g_strconcat (files[i], "-wal", NULL);
        g_autofree char *shm = g_strconcat (files[i], "-shm", NULL);

        g_remove (files[i]);
        g_remove (wal);
        g_remove (shm);
      }
    g_rmdir (dir);
  }
  return ok ? 0 : 1;
}
