/* test-cli-backup.c: deputy-desk-cli backup, restore and exchange, run as a user runs them
 *
 * The tool (DD_CLI) runs in a temporary folder with XDG_DATA_HOME pointing
 * there, over a copy of the small demo. Every refusal must exit 1 (refused)
 * or 2 (a malformed command) with one line on stderr and change nothing:
 * databases are compared by a dump of every table before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cli-test.h"

#define DEMO_ANCHOR "2026-06-30"

typedef struct
{
  char *dir;
  char *db;      /* a fresh copy of the demo */
} Fixture;

static char *demo_dir;
static char *demo_path;

/* Helpers */

/* A failure or usage error: exactly one line on stderr. */
static void
assert_one_error_line (const Run  *run,
                       int         status,
                       const char *fragment)
{
  const char *newline = strchr (run->err, '\n');

  if (run->status != status)
    g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "deputy-desk-cli: "));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  if (fragment != NULL && strstr (run->err, fragment) == NULL)
    g_error ("“%s” does not say “%s”", run->err, fragment);
  if (status == 2)
    g_assert_nonnull (strstr (run->err, "--help"));
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every row of every table (the search index's shadow tables too), sorted; and the schema version. */
static char *
dump (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name, (SELECT group_concat('quote(' || name || ')', ' || ''|'' || ') "
                                       "FROM pragma_table_info(m.name)) FROM sqlite_master m WHERE type = 'table' "
                                       "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      char *sql = sqlite3_mprintf ("SELECT %s FROM \"%w\"", sqlite3_column_text (tables, 1), table);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      while (sqlite3_step (rows) == SQLITE_ROW)
        g_ptr_array_add (lines, g_strdup ((const char *) sqlite3_column_text (rows, 0)));
      sqlite3_finalize (rows);
      g_ptr_array_sort (lines, compare_lines);
      g_string_append_printf (out, "[%s]\n", table);
      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
    }
  sqlite3_finalize (tables);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &tables, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (tables), ==, SQLITE_ROW);
  g_string_append_printf (out, "version %d\n", sqlite3_column_int (tables, 0));
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) len, NULL));
}

/* The demo is made once, by the tool itself, and copied for each test. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (demo_path == NULL)
    {
      Run run = { 0 };

      demo_dir = g_dir_make_tmp ("dd-cli-backup-demo-XXXXXX", &error);
      g_assert_no_error (error);
      demo_path = g_build_filename (demo_dir, "demo.sqlite", NULL);
      run_cli (&run, demo_dir, "demo", "--seed", "7", "--anchor", DEMO_ANCHOR, "--database", demo_path, NULL);
      assert_success (&run);
      run_clear (&run);
    }
  f->dir = g_dir_make_tmp ("dd-cli-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "desk.sqlite", NULL);
  copy_file (demo_path, f->db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Tests */

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  Run run = { 0 };
  g_autofree char *backup = g_build_filename (f->dir, "copies", "monday.sqlite", NULL);
  g_autofree char *safety_dir = g_build_filename (f->dir, "safety", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;
  g_autofree char *safety = NULL;
  const char *at, *end;

  run_cli (&run, f->dir, "backup", backup, "--database", f->db, NULL);
  assert_success (&run);
  expected = g_strdup_printf ("Backed up “%s” to “%s”\n", f->db, backup);
  g_assert_cmpstr (run.out, ==, expected);
  g_clear_pointer (&expected, g_free);
  before = dump (f->db);
  {
    g_autofree char *copy = dump (backup);
    g_assert_cmpstr (copy, ==, before);
  }

  /* A change after the backup, then the restore. */
  sql_exec (f->db, "DELETE FROM attendances; UPDATE units SET contact_name = '改过';");
  changed = dump (f->db);
  g_assert_cmpstr (changed, !=, before);

  run_cli (&run, f->dir, "restore", backup, "--database", f->db, "--safety-dir", safety_dir, NULL);
  assert_success (&run);
  expected = g_strdup_printf ("Restored “%s” into “%s”\n", backup, f->db);
  g_assert_true (g_str_has_prefix (run.out, expected));
  at = strstr (run.out, "The database as it was before is saved as “");
  g_assert_nonnull (at);
  at += strlen ("The database as it was before is saved as “");
  end = strstr (at, "”\n");
  g_assert_nonnull (end);
  safety = g_strndup (at, end - at);
  g_assert_true (g_str_has_prefix (safety, safety_dir));

  after = dump (f->db);
  g_assert_cmpstr (after, ==, before);
  {
    g_autofree char *saved = dump (safety);
    g_assert_cmpstr (saved, ==, changed);
  }
  g_assert_cmpint (sql_int (safety, "SELECT count(*) FROM attendances"), ==, 0);
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM attendances"), >, 0);

  /* Without --safety-dir, the backups folder under XDG_DATA_HOME. */
  run_cli (&run, f->dir, "restore", backup, "--database", f->db, NULL);
  assert_success (&run);
  {
    g_autofree char *folder = g_build_filename (f->dir, "deputy-desk", "backups", "deputy-desk-before-restore-", NULL);
    g_assert_nonnull (strstr (run.out, folder));
  }
  run_clear (&run);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  Run run = { 0 };
  g_autofree char *text = g_build_filename (f->dir, "名单.csv", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.sqlite", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "photos.sqlite", NULL);
  g_autofree char *before = dump (f->db);
  g_autofree char *after = NULL;
  g_autofree char *message = NULL;

  g_assert_true (g_file_set_contents (text, "姓名,层级\n王芳,区县\n", -1, NULL));
  run_cli (&run, f->dir, "restore", text, "--database", f->db, NULL);
  message = g_strdup_printf ("deputy-desk-cli: “%s” is not a Deputy Desk database: it is not an SQLite file at all\n", text);
  assert_one_error_line (&run, 1, NULL);
  g_assert_cmpstr (run.err, ==, message);
  g_clear_pointer (&message, g_free);

  sql_exec (foreign, "CREATE TABLE photos (id INTEGER PRIMARY KEY);");
  run_cli (&run, f->dir, "restore", foreign, "--database", f->db, NULL);
  assert_one_error_line (&run, 1, "an SQLite database of another program");

  copy_file (f->db, newer);
  sql_exec (newer, "PRAGMA user_version = 99;");
  run_cli (&run, f->dir, "restore", newer, "--database", f->db, NULL);
  assert_one_error_line (&run, 1, "was written by a newer version of Deputy Desk (schema 99;");

  after = dump (f->db);
  g_assert_cmpstr (after, ==, before);
  /* Refused before any safety backup was made. */
  {
    g_autofree char *folder = g_build_filename (f->dir, "deputy-desk", "backups", NULL);
    g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  }

  run_cli (&run, f->dir, "backup", "--database", f->db, NULL);
  assert_one_error_line (&run, 2, "Give the file to write the backup to");
  run_cli (&run, f->dir, "backup", "a.sqlite", "b.sqlite", "--database", f->db, NULL);
  assert_one_error_line (&run, 2, "Unexpected argument “b.sqlite”");
  run_cli (&run, f->dir, "backup", f->db, "--database", f->db, NULL);
  assert_one_error_line (&run, 2, "cannot be written over the database itself");
  run_cli (&run, f->dir, "restore", "--database", f->db, NULL);
  assert_one_error_line (&run, 2, "Give the backup to restore");
  {
    g_autofree char *missing = g_build_filename (f->dir, "none.sqlite", NULL);
    g_autofree char *out = g_build_filename (f->dir, "out.sqlite", NULL);

    run_cli (&run, f->dir, "backup", out, "--database", missing, NULL);
    assert_one_error_line (&run, 1, "There is no database at");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  after = (g_free (after), dump (f->db));
  g_assert_cmpstr (after, ==, before);
  run_clear (&run);
}

static void
test_exchange (Fixture       *f,
               gconstpointer  data)
{
  Run run = { 0 };
  g_autofree char *file = g_build_filename (f->dir, "花园街道-2026Q1.json", NULL);
  g_autofree char *county = g_build_filename (f->dir, "county.sqlite", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 opinions;

  run_cli (&run, f->dir, "exchange", "export", "--out", file, "--district", "北塘区", "--township", "花园街道",
           "--from", "2026-01-01", "--to", "2026-03-31", "--database", f->db, NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Wrote “"));
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  run_cli (&run, f->dir, "init", "--database", county, NULL);
  assert_success (&run);

  /* A dry run writes nothing but says what an import adds. */
  before = dump (county);
  run_cli (&run, f->dir, "exchange", "import", file, "--dry-run", "--database", county, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Stations: 2 added, 0 updated, 0 skipped\n"));
  g_assert_nonnull (strstr (run.out, "Dry run: nothing was written.\n"));
  after = dump (county);
  g_assert_cmpstr (after, ==, before);

  run_cli (&run, f->dir, "exchange", "import", file, "--database", county, NULL);
  assert_success (&run);
  opinions = sql_int (f->db, "SELECT count(*) FROM suggestions g JOIN stations s ON s.id = g.station_id "
                      "WHERE g.kind = 'voter_opinion' AND s.district = '北塘区' AND s.township = '花园街道' "
                      "AND g.registered_on BETWEEN '2026-01-01' AND '2026-03-31'");
  expected = g_strdup_printf ("Suggestions: %" G_GINT64_FORMAT " added, 0 updated, 0 skipped\n", opinions);
  g_assert_nonnull (strstr (run.out, expected));
  g_assert_true (g_str_has_prefix (run.out, "From: "));
  g_assert_cmpint (sql_int (county, "SELECT count(*) FROM stations"), ==, 2);
  g_assert_cmpint (sql_int (county, "SELECT count(*) FROM suggestions"), ==, opinions);

  /* Twice: nothing changes. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = dump (county);
  run_cli (&run, f->dir, "exchange", "import", file, "--duplicates", "update", "--database", county, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Stations: 0 added, 0 updated, 2 skipped\n"));
  after = dump (county);
  g_assert_cmpstr (after, ==, before);

  /* Refusals: one line, nothing written. */
  g_assert_true (g_file_set_contents (file, "{\"format\": \"deputy-desk-exchange\", \"version\": 7}", -1, NULL));
  run_cli (&run, f->dir, "exchange", "import", file, "--database", county, NULL);
  assert_one_error_line (&run, 1, "(exchange format 7; this version reads up to 1)");
  g_assert_true (g_file_set_contents (file, "[1, 2", -1, NULL));
  run_cli (&run, f->dir, "exchange", "import", file, "--database", county, NULL);
  assert_one_error_line (&run, 1, "is not an exchange file");
  g_clear_pointer (&after, g_free);
  after = dump (county);
  g_assert_cmpstr (after, ==, before);

  run_cli (&run, f->dir, "exchange", "import", file, "--duplicates", "merge", "--database", county, NULL);
  assert_one_error_line (&run, 2, "--duplicates must be skip, update or new, not “merge”");
  run_cli (&run, f->dir, "exchange", "export", "--out", file, "--transferred", "--township", "花园街道",
           "--database", f->db, NULL);
  assert_one_error_line (&run, 2, "give one");
  run_cli (&run, f->dir, "exchange", "export", "--out", file, "--from", "2026-13-01", "--database", f->db, NULL);
  assert_one_error_line (&run, 2, "--from must be a date");
  run_cli (&run, f->dir, "exchange", "export", "--transferred", "--database", f->db, NULL);
  assert_one_error_line (&run, 2, "--out");
  run_cli (&run, f->dir, "exchange", "swap", NULL);
  assert_one_error_line (&run, 2, "Unknown action “swap”");

  /* Transferred suggestions, to the county. */
  run_cli (&run, f->dir, "exchange", "export", "--out", file, "--transferred", "--destination", "临江县人大常委会",
           "--database", f->db, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "suggestions 2,"));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/backup/backup-restore", Fixture, NULL, fixture_setup, test_backup_restore, fixture_teardown);
  g_test_add ("/cli/backup/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  g_test_add ("/cli/backup/exchange", Fixture, NULL, fixture_setup, test_exchange, fixture_teardown);

  status = g_test_run ();

  if (demo_dir != NULL)
    remove_tree (demo_dir);
  g_free (demo_dir);
  g_free (demo_path);
  return status;
}
