/* test-cli.c: deputy-desk-cli run as a user runs it
 *
 * Every test spawns the built tool (DD_CLI) in a temporary folder, with
 * XDG_DATA_HOME pointing there so the default database is never the
 * developer's own. The figures of `stats --json` are checked against an
 * independent computation made here with SQLite alone; the placards are
 * read back with zbarimg, pdfinfo and pdftoppm (zbar-tools, poppler-utils).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-settings.h"
#include "dd-stats.h"
#include "dd-store-check.h"

#define DEMO_ANCHOR "2025-06-30"

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

/* The small demo, made once for the tests that only read it. */
static char *demo_dir;
static char *demo_path;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dd-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs the tool in @cwd with the arguments that follow, up to NULL. */
static void
run_cli (Run        *run,
         const char *cwd,
         ...)
{
  const char *cli = g_getenv ("DD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, cwd);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", cwd, TRUE);

  run_clear (run);
  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* A failure or usage error: exactly one line on stderr, nothing on stdout. */
static void
assert_one_error_line (const Run *run,
                       int        status)
{
  const char *newline = strchr (run->err, '\n');

  if (run->status != status)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "deputy-desk-cli: "));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  g_assert_cmpstr (run->out, ==, "");
}

static void
assert_usage_error (const Run *run)
{
  assert_one_error_line (run, 2);
  g_assert_nonnull (strstr (run->err, "--help"));
}

static void
assert_success (const Run *run)
{
  if (run->status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
assert_untouched (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  g_assert_true (g_bytes_equal (before, after));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

/* Opens with SQLite directly, runs @sql, closes: to make files of other kinds. */
static void
sqlite_script (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
sqlite_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static const char *
ensure_demo (void)
{
  Run run = { 0 };

  if (demo_path != NULL)
    return demo_path;

  demo_dir = g_dir_make_tmp ("dd-cli-demo-XXXXXX", NULL);
  g_assert_nonnull (demo_dir);
  demo_path = g_build_filename (demo_dir, "demo.sqlite", NULL);
  run_cli (&run, demo_dir, "demo", "--size", "small", "--seed", "7",
           "--anchor", DEMO_ANCHOR, "--database", demo_path, NULL);
  assert_success (&run);
  /* One summary line, naming the file. */
  g_assert_nonnull (strstr (run.out, demo_path));
  g_assert_nonnull (strchr (run.out, '\n'));
  g_assert_cmpstr (strchr (run.out, '\n') + 1, ==, "");
  run_clear (&run);
  return demo_path;
}

/* --version, --help, usage errors */

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  Run run = { 0 };

  run_cli (&run, f->dir, "--version", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "deputy-desk-cli " PACKAGE_VERSION "\n");
  run_clear (&run);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *commands[] = { "init", "demo", "check", "stats", "placards" };
  Run run = { 0 };

  run_cli (&run, f->dir, "--help", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Usage:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("deputy-desk-cli %s [OPTION", commands[i]);

      run_cli (&run, f->dir, commands[i], "--help", NULL);
      assert_success (&run);
      g_assert_true (g_str_has_prefix (run.out, "Usage:"));
      g_assert_nonnull (strstr (run.out, usage));
      g_assert_nonnull (strstr (run.out, "--database"));

      run_cli (&run, f->dir, commands[i], "-h", NULL);
      assert_success (&run);
      g_assert_nonnull (strstr (run.out, usage));
    }

  /* Asking for help creates nothing. */
  {
    g_autofree char *default_dir = g_build_filename (f->dir, "deputy-desk", NULL);
    g_assert_false (g_file_test (default_dir, G_FILE_TEST_EXISTS));
  }
  run_clear (&run);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "x.sqlite", NULL);
  g_autofree char *default_dir = g_build_filename (f->dir, "deputy-desk", NULL);
  Run run = { 0 };

  run_cli (&run, f->dir, NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "frobnicate", NULL);
  assert_usage_error (&run);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  run_cli (&run, f->dir, "--frobnicate", NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "stats", "--frobnicate", NULL);
  assert_usage_error (&run);
  g_assert_nonnull (strstr (run.err, "stats --help"));
  run_cli (&run, f->dir, "stats", "--year", "twenty", NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "stats", "--year", "2025x", NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "stats", "--year", "20250", NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "stats", "--year", NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "demo", "--size", "huge", "--database", db, NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "demo", "--seed", "-1", "--database", db, NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "demo", "--anchor", "2025-02-30", "--database", db, NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "check", "extra", "--database", db, NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "init", "--database", "", NULL);
  assert_usage_error (&run);

  /* stats: a year or a period, never both; real dates in order. */
  run_cli (&run, f->dir, "stats", "--year", "2025", "--from", "2025-01-01", "--database", db, NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "stats", "--from", "2025-02-30", "--database", db, NULL);
  assert_usage_error (&run);
  g_assert_nonnull (strstr (run.err, "2025-02-30"));
  run_cli (&run, f->dir, "stats", "--to", "2025/07/01", "--database", db, NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "stats", "--from", "2025-07-01", "--to", "2025-01-01", "--database", db, NULL);
  assert_usage_error (&run);
  run_cli (&run, f->dir, "stats", "--from", "2025-07-01", "--to", "2025-07-01", "--database", db, NULL);
  assert_usage_error (&run);

  /* placards: which, where, how many a page. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "p.pdf", NULL);

    run_cli (&run, f->dir, "placards", "--pdf", pdf, "--database", db, NULL);
    assert_usage_error (&run);
    g_assert_nonnull (strstr (run.err, "placards --help"));
    run_cli (&run, f->dir, "placards", "--stations", "--deputies", "--pdf", pdf, "--database", db, NULL);
    assert_usage_error (&run);
    run_cli (&run, f->dir, "placards", "--stations", "--database", db, NULL);
    assert_usage_error (&run);
    run_cli (&run, f->dir, "placards", "--stations", "--per-page", "3", "--pdf", pdf, "--database", db, NULL);
    assert_usage_error (&run);
    run_cli (&run, f->dir, "placards", "--stations", "--ids", "1,x", "--pdf", pdf, "--database", db, NULL);
    assert_usage_error (&run);
    run_cli (&run, f->dir, "placards", "--stations", "--ids", "0", "--pdf", pdf, "--database", db, NULL);
    assert_usage_error (&run);
    run_cli (&run, f->dir, "placards", "--deputies", "--ids", "", "--pdf", pdf, "--database", db, NULL);
    assert_usage_error (&run);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }

  /* A rejected command line touches no file. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (default_dir, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

/* init */

static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new", "folder", "desk.sqlite", NULL);
  g_autofree char *default_path = g_build_filename (f->dir, "deputy-desk", "deputy-desk.sqlite", NULL);
  g_autofree char *version = g_strdup_printf ("schema version %d", DD_STORE_SCHEMA_VERSION);
  sqlite3 *db = NULL;
  GStatBuf st;
  Run run = { 0 };

  run_cli (&run, f->dir, "init", "--database", path, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, path));
  g_assert_nonnull (strstr (run.out, version));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite_int (db, "PRAGMA user_version"), ==, DD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite_int (db, "PRAGMA application_id"), ==, DD_STORE_APPLICATION_ID);
  g_assert_cmpint (sqlite_int (db, "SELECT count(*) FROM suggestions"), ==, 0);
  sqlite3_close (db);

  /* Again: it reports, and changes nothing that matters. */
  run_cli (&run, f->dir, "init", "--database", path, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, version));
  g_assert_nonnull (strstr (run.out, "nothing to do"));

  /* A relative path is taken from the working folder. */
  run_cli (&run, f->dir, "init", "--database", "relative.sqlite", NULL);
  assert_success (&run);
  {
    g_autofree char *relative = g_build_filename (f->dir, "relative.sqlite", NULL);
    g_assert_true (g_file_test (relative, G_FILE_TEST_IS_REGULAR));
    g_assert_nonnull (strstr (run.out, relative));
  }

  /* Without --database: the default path under XDG_DATA_HOME. */
  run_cli (&run, f->dir, "init", NULL);
  assert_success (&run);
  g_assert_true (g_file_test (default_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (default_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  run_clear (&run);
}

static void
test_init_refuses_text (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(GBytes) before = NULL;
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, "人大代表建议台账\nnot a database\n", -1, NULL));
  before = read_bytes (path);

  run_cli (&run, f->dir, "init", "--database", path, NULL);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, path));
  assert_untouched (path, before);

  run_cli (&run, f->dir, "demo", "--database", path, NULL);
  assert_one_error_line (&run, 1);
  assert_untouched (path, before);
  run_clear (&run);
}

/* check and stats on what is not a database */

static void
test_read_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "nowhere", NULL);
  g_autofree char *path = g_build_filename (folder, "desk.sqlite", NULL);
  g_autofree char *default_dir = g_build_filename (f->dir, "deputy-desk", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "p.pdf", NULL);
  const char *commands[] = { "check", "stats", "placards" };
  Run run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      gboolean placards = g_str_equal (commands[i], "placards");

      if (placards)
        run_cli (&run, f->dir, commands[i], "--stations", "--pdf", pdf, "--database", path, NULL);
      else
        run_cli (&run, f->dir, commands[i], "--database", path, NULL);
      assert_one_error_line (&run, 1);
      g_assert_nonnull (strstr (run.err, path));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

      /* The default path is only read, too. */
      if (placards)
        run_cli (&run, f->dir, commands[i], "--deputies", "--pdf", pdf, NULL);
      else
        run_cli (&run, f->dir, commands[i], NULL);
      assert_one_error_line (&run, 1);
      g_assert_false (g_file_test (default_dir, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  run_clear (&run);
}

/* Both readers refuse @path with one line, exit 1, and leave it as it was. */
static void
assert_readers_refuse (Fixture    *f,
                       const char *path)
{
  g_autoptr(GBytes) before = read_bytes (path);
  const char *commands[] = { "check", "stats" };
  Run run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli (&run, f->dir, commands[i], "--database", path, NULL);
      assert_one_error_line (&run, 1);
      g_assert_nonnull (strstr (run.err, path));
      assert_untouched (path, before);
    }
  run_cli (&run, f->dir, "check", "--full", "--database", path, NULL);
  assert_one_error_line (&run, 1);
  assert_untouched (path, before);
  run_clear (&run);
}

static void
test_read_refuses (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.sqlite", NULL);
  g_autofree char *blank = g_build_filename (f->dir, "blank.sqlite", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.sqlite", NULL);
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.sqlite", NULL);
  g_autoptr(GBytes) real = read_bytes (ensure_demo ());
  Run run = { 0 };

  g_assert_true (g_file_set_contents (text, "name,phone\n张三,123\n", -1, NULL));
  assert_readers_refuse (f, text);

  /* An empty file would be initialised by the store; a reader must not. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_readers_refuse (f, empty);
  sqlite_script (blank, "CREATE TABLE t (x); DROP TABLE t;");
  g_assert_true (g_file_test (blank, G_FILE_TEST_IS_REGULAR));
  assert_readers_refuse (f, blank);

  sqlite_script (other, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                        "INSERT INTO contacts VALUES ('张三', '123');");
  assert_readers_refuse (f, other);

  run_cli (&run, f->dir, "init", "--database", newer, NULL);
  assert_success (&run);
  sqlite_script (newer, "PRAGMA user_version = 99;");
  assert_readers_refuse (f, newer);

  g_assert_cmpuint (g_bytes_get_size (real), >, 8192);
  g_assert_true (g_file_set_contents (truncated, g_bytes_get_data (real, NULL),
                                      g_bytes_get_size (real) / 2, NULL));
  assert_readers_refuse (f, truncated);
  run_clear (&run);
}

static void
test_check_foreign_keys (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "desk.sqlite", NULL);
  Run run = { 0 };

  run_cli (&run, f->dir, "init", "--database", path, NULL);
  assert_success (&run);
  run_cli (&run, f->dir, "check", "--database", path, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Foreign keys: ok"));

  /* A connection without foreign_keys = ON lets a dangling reference in. */
  sqlite_script (path, "PRAGMA foreign_keys = OFF;"
                       "INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (41, 42);");
  run_cli (&run, f->dir, "check", "--database", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "Foreign keys: 2 problems"));
  g_assert_nonnull (strstr (run.out, "reception_deputies"));
  g_assert_true (g_str_has_prefix (run.err, "deputy-desk-cli: "));
  g_assert_cmpstr (strchr (run.err, '\n') + 1, ==, "");
  run_clear (&run);
}

/* demo, check, stats on a real database */

static void
test_demo_check (Fixture       *f,
                 gconstpointer  data)
{
  const char *path = ensure_demo ();
  const char *tables[] = { "deputies", "stations", "receptions", "suggestions", "replies",
                           "evaluations", "audit_log" };
  g_autofree char *version = g_strdup_printf ("Schema version: %d\n", DD_STORE_SCHEMA_VERSION);
  sqlite3 *db = NULL;
  Run run = { 0 };

  run_cli (&run, f->dir, "check", "--database", path, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, version));
  g_assert_nonnull (strstr (run.out, path));
  g_assert_nonnull (strstr (run.out, "Integrity (quick check): ok\n"));
  g_assert_nonnull (strstr (run.out, "Foreign keys: ok\n"));

  /* Every table, with its count as SQLite has it. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_autofree char *pattern = g_strdup_printf ("^  %s +%" G_GINT64_FORMAT "$",
                                                  tables[i], sqlite_int (db, sql));

      g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
    }
  {
    gint64 n_tables = sqlite_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite%'");
    g_auto(GStrv) lines = g_strsplit (strstr (run.out, "Rows:\n"), "\n", -1);

    /* "Rows:", one line a table, then the empty string after the last newline. */
    g_assert_cmpint (g_strv_length (lines), ==, n_tables + 2);
  }
  g_assert_cmpint (sqlite_int (db, "SELECT count(*) FROM suggestions"), >, 0);
  sqlite3_close (db);

  run_cli (&run, f->dir, "check", "--full", "--database", path, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Integrity (full check): ok\n"));
  run_clear (&run);
}

/* A tiny JSON reader, enough for the figures: objects of integers,
 * flattened to "suggestions.by_state.registered" → value. */

static void
skip_space (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

static char *
read_key (const char **p)
{
  const char *start;

  skip_space (p);
  g_assert_cmpint (**p, ==, '"');
  start = ++(*p);
  while (**p != '"')
    {
      g_assert_cmpint (**p, !=, '\0');
      g_assert_cmpint (**p, !=, '\\');
      (*p)++;
    }
  (*p)++;
  return g_strndup (start, *p - 1 - start);
}

/* Integers go to @values; with @texts, strings, decimals and null go there
 * as written (strings without their quotes), else they fail the test. */
static void
read_object (const char **p,
             const char  *prefix,
             GHashTable  *values,
             GHashTable  *texts)
{
  skip_space (p);
  g_assert_cmpint (**p, ==, '{');
  (*p)++;
  for (;;)
    {
      g_autofree char *key = read_key (p);
      g_autofree char *path = *prefix ? g_strconcat (prefix, ".", key, NULL) : g_strdup (key);

      skip_space (p);
      g_assert_cmpint (**p, ==, ':');
      (*p)++;
      skip_space (p);
      g_assert_false (g_hash_table_contains (values, path));
      if (**p == '{')
        read_object (p, path, values, texts);
      else if (**p == '"' || **p == 'n')
        {
          char *text;

          g_assert_nonnull (texts);
          if (**p == '"')
            text = read_key (p);
          else
            {
              g_assert_true (g_str_has_prefix (*p, "null"));
              text = g_strdup ("null");
              *p += 4;
            }
          g_hash_table_insert (texts, g_strdup (path), text);
        }
      else
        {
          char *end = NULL;
          gint64 value = g_ascii_strtoll (*p, &end, 10);

          g_assert_true (end != *p);
          if (*end == '.')
            {
              g_assert_nonnull (texts);
              g_ascii_strtod (*p, &end);
              g_hash_table_insert (texts, g_strdup (path), g_strndup (*p, end - *p));
            }
          else
            g_hash_table_insert (values, g_strdup (path), g_memdup2 (&value, sizeof value));
          *p = end;
        }
      skip_space (p);
      if (**p == ',')
        {
          (*p)++;
          continue;
        }
      g_assert_cmpint (**p, ==, '}');
      (*p)++;
      return;
    }
}

static GHashTable *
parse_json (const char *json,
            GHashTable *texts)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = json;

  read_object (&p, "", values, texts);
  skip_space (&p);
  g_assert_cmpstr (p, ==, "");
  return values;
}

/* Integers only, as the year's figures are. */
static GHashTable *
parse_figures (const char *json)
{
  return parse_json (json, NULL);
}

static void
expect (GHashTable *expected,
        const char *key,
        gint64      value)
{
  g_hash_table_insert (expected, g_strdup (key), g_memdup2 (&value, sizeof value));
}

static void
expect_add (GHashTable *expected,
            const char *key,
            gint64      delta)
{
  gint64 *value = g_hash_table_lookup (expected, key);

  g_assert_nonnull (value);
  *value += delta;
}

/* Zero for every code of @codes under @prefix, so absent codes are expected as 0. */
static void
expect_zeros (GHashTable         *expected,
              const char         *prefix,
              const char * const *codes)
{
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat (prefix, ".", codes[i], NULL);
      expect (expected, key, 0);
    }
}

/* Runs "code, count" @sql with the year bound as ?1 and adds the counts under @prefix. */
static void
expect_grouped (GHashTable *expected,
                sqlite3    *db,
                const char *prefix,
                const char *sql,
                const char *year)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, year, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = g_strconcat (prefix, ".", sqlite3_column_text (stmt, 0), NULL);
      expect_add (expected, key, sqlite3_column_int64 (stmt, 1));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static gint64
year_int (sqlite3    *db,
          const char *sql,
          const char *year,
          const char *today)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, year, -1, SQLITE_TRANSIENT);
  if (today != NULL)
    sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The figures of @year computed here, written differently from the model
 * (year by substr, "latest" chosen in C, not in SQL), from the definitions
 * of dd-stats.h. */
static GHashTable *
compute_expected (const char *path,
                  int         year)
{
  const char * const states[] = { "registered", "under_review", "assigned", "handling", "replied",
                                  "evaluated", "closed", "rejected", "merged", "transferred_out",
                                  NULL };
  const char * const kinds[] = { "deputy_suggestion", "voter_opinion", NULL };
  const char * const classes[] = { "A", "B", "C", NULL };
  const char * const verdicts[] = { "satisfied", "basically_satisfied", "unsatisfied", NULL };
  const char * const levels[] = { "national", "provincial", "city", "county", "township", NULL };
  const char * const station_kinds[] = { "home", "professional_home", "liaison_station",
                                         "work_station", "studio", "activity_centre",
                                         "contact_point", NULL };
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *y = g_strdup_printf ("%04d", year);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GHashTable) latest_reply = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                               g_free, g_free);
  g_autoptr(GHashTable) latest_verdict = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                 g_free, g_free);
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  expect (expected, "year", year);

  expect (expected, "suggestions.total",
          year_int (db, "SELECT count(*) FROM suggestions WHERE substr(registered_on, 1, 4) = ?1",
                    y, NULL));
  expect_zeros (expected, "suggestions.by_state", states);
  expect_grouped (expected, db, "suggestions.by_state",
                  "SELECT state, count(*) FROM suggestions "
                  "WHERE substr(registered_on, 1, 4) = ?1 GROUP BY state", y);
  expect_zeros (expected, "suggestions.by_kind", kinds);
  expect_grouped (expected, db, "suggestions.by_kind",
                  "SELECT kind, count(*) FROM suggestions "
                  "WHERE substr(registered_on, 1, 4) = ?1 GROUP BY kind", y);
  expect (expected, "suggestions.overdue",
          year_int (db, "SELECT count(*) FROM suggestions WHERE substr(registered_on, 1, 4) = ?1 "
                        "AND state IN ('assigned', 'handling') AND deadline_on IS NOT NULL "
                        "AND deadline_on < ?2", y, today));

  /* Each suggestion's latest reply: highest round, then highest id. */
  expect_zeros (expected, "replies", classes);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT r.suggestion_id, r.round, r.id, r.class "
                                       "FROM replies r JOIN suggestions s ON s.id = r.suggestion_id "
                                       "WHERE substr(s.registered_on, 1, 4) = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, y, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 suggestion = sqlite3_column_int64 (stmt, 0);
      /* round, id, class */
      gint64 *best = g_hash_table_lookup (latest_reply, &suggestion);
      gint64 round = sqlite3_column_int64 (stmt, 1), id = sqlite3_column_int64 (stmt, 2);

      if (best == NULL || round > best[0] || (round == best[0] && id > best[1]))
        {
          gint64 *row = g_new (gint64, 3);

          row[0] = round;
          row[1] = id;
          row[2] = sqlite3_column_text (stmt, 3)[0];
          g_hash_table_insert (latest_reply, g_memdup2 (&suggestion, sizeof suggestion), row);
        }
    }
  sqlite3_finalize (stmt);
  g_hash_table_iter_init (&iter, latest_reply);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      char key[] = "replies.X";

      key[8] = (char) ((gint64 *) value)[2];
      expect_add (expected, key, 1);
    }

  /* Each proposer's verdict in the latest round that proposer evaluated. */
  expect_zeros (expected, "evaluations", verdicts);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT e.suggestion_id, e.deputy_id, e.round, e.verdict "
                                       "FROM evaluations e "
                                       "JOIN suggestions s ON s.id = e.suggestion_id "
                                       "JOIN suggestion_proposers p ON p.suggestion_id = e.suggestion_id "
                                       "  AND p.deputy_id = e.deputy_id "
                                       "WHERE substr(s.registered_on, 1, 4) = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, y, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *pair = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                               (gint64) sqlite3_column_int64 (stmt, 0),
                                               (gint64) sqlite3_column_int64 (stmt, 1));
      char *best = g_hash_table_lookup (latest_verdict, pair);
      gint64 round = sqlite3_column_int64 (stmt, 2);

      /* Stored as "round verdict", the round zero-padded to compare as text. */
      if (best == NULL || round > g_ascii_strtoll (best, NULL, 10))
        g_hash_table_insert (latest_verdict, g_steal_pointer (&pair),
                             g_strdup_printf ("%08" G_GINT64_FORMAT " %s", round,
                                              (const char *) sqlite3_column_text (stmt, 3)));
    }
  sqlite3_finalize (stmt);
  g_hash_table_iter_init (&iter, latest_verdict);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autofree char *key = g_strconcat ("evaluations.", strchr (value, ' ') + 1, NULL);
      expect_add (expected, key, 1);
    }

  /* As they stand now, whatever the year. */
  expect (expected, "deputies.total",
          sqlite_int (db, "SELECT count(*) FROM deputies WHERE status = 'active'"));
  expect_zeros (expected, "deputies.by_level", levels);
  expect_grouped (expected, db, "deputies.by_level",
                  "SELECT level, count(*) FROM deputies WHERE status = 'active' GROUP BY level",
                  y);
  expect (expected, "deputies.receiving_voters",
          year_int (db, "SELECT count(*) FROM (SELECT DISTINCT rd.deputy_id "
                        "FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id "
                        "WHERE substr(r.held_on, 1, 4) = ?1)", y, NULL));
  expect (expected, "stations.total",
          sqlite_int (db, "SELECT count(*) FROM stations WHERE archived = 0"));
  expect_zeros (expected, "stations.by_kind", station_kinds);
  expect_grouped (expected, db, "stations.by_kind",
                  "SELECT kind, count(*) FROM stations WHERE archived = 0 GROUP BY kind", y);

  expect (expected, "receptions.count",
          year_int (db, "SELECT count(*) FROM receptions WHERE substr(held_on, 1, 4) = ?1",
                    y, NULL));
  expect (expected, "receptions.voters",
          year_int (db, "SELECT total(voters_received) FROM receptions "
                        "WHERE substr(held_on, 1, 4) = ?1", y, NULL));
  expect (expected, "activities",
          year_int (db, "SELECT count(*) FROM activities WHERE substr(held_on, 1, 4) = ?1",
                    y, NULL));

  sqlite3_close (db);
  return expected;
}

static void
assert_figures_equal (GHashTable *expected,
                      GHashTable *actual)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *got = g_hash_table_lookup (actual, key);

      if (got == NULL || *got != *(gint64 *) value)
        g_test_message ("%s: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
                        (char *) key, *(gint64 *) value, got != NULL ? *got : -1);
      g_assert_nonnull (got);
      g_assert_cmpint (*got, ==, *(gint64 *) value);
    }
  /* And no figure the definitions do not cover. */
  g_assert_cmpuint (g_hash_table_size (actual), ==, g_hash_table_size (expected));
}

static void
get_year_range (const char *path,
                int        *first,
                int        *last)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  *first = (int) sqlite_int (db, "SELECT CAST(substr(min(registered_on), 1, 4) AS INTEGER) "
                                 "FROM suggestions");
  *last = (int) sqlite_int (db, "SELECT CAST(substr(max(d), 1, 4) AS INTEGER) FROM "
                                "(SELECT max(registered_on) AS d FROM suggestions "
                                "UNION ALL SELECT max(held_on) FROM receptions)");
  sqlite3_close (db);
}

static void
test_stats_json (Fixture       *f,
                 gconstpointer  data)
{
  const char *path = ensure_demo ();
  int first, last;
  Run run = { 0 };

  get_year_range (path, &first, &last);
  g_assert_cmpint (first, >, 1900);
  g_assert_cmpint (last, ==, 2025);

  for (int year = first; year <= last; year++)
    {
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      g_autoptr(GHashTable) expected = compute_expected (path, year);
      g_autoptr(GHashTable) actual = NULL;
      g_autoptr(DdStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *model_json = NULL;
      DdYearStats stats;

      run_cli (&run, f->dir, "stats", "--year", year_text, "--json", "--database", path, NULL);
      assert_success (&run);
      actual = parse_figures (run.out);
      g_test_message ("year %d: %s", year, run.out);
      assert_figures_equal (expected, actual);

      /* Byte for byte what the model prints. */
      store = dd_store_open_existing (path, &error);
      g_assert_no_error (error);
      g_assert_true (dd_year_stats_compute (store, year, &stats, &error));
      g_assert_no_error (error);
      model_json = dd_year_stats_to_json (&stats);
      g_assert_cmpstr (run.out, ==, model_json);
    }

  /* The demo has some of everything in its last year, or the test proves little. */
  {
    g_autoptr(GHashTable) expected = compute_expected (path, last);
    g_autofree char *last_text = g_strdup_printf ("%d", last);
    g_autofree char *default_out = NULL;

    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (expected, "suggestions.total"), >, 0);
    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (expected, "receptions.count"), >, 0);
    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (expected, "deputies.total"), >, 0);

    /* Without --year: the latest year with data. */
    run_cli (&run, f->dir, "stats", "--json", "--database", path, NULL);
    assert_success (&run);
    default_out = g_steal_pointer (&run.out);
    run_cli (&run, f->dir, "stats", "--json", "--year", last_text, "--database", path, NULL);
    assert_success (&run);
    g_assert_cmpstr (default_out, ==, run.out);
  }
  run_clear (&run);
}

static void
test_stats_human (Fixture       *f,
                  gconstpointer  data)
{
  const char *path = ensure_demo ();
  g_autoptr(GHashTable) expected = compute_expected (path, 2025);
  g_autofree char *pattern = NULL;
  Run run = { 0 };

  run_cli (&run, f->dir, "stats", "--year", "2025", "--database", path, NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Figures for 2025\n"));
  g_assert_nonnull (strstr (run.out, path));
  pattern = g_strdup_printf ("^Suggestions registered +%" G_GINT64_FORMAT "$",
                             *(gint64 *) g_hash_table_lookup (expected, "suggestions.total"));
  g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
  g_clear_pointer (&pattern, g_free);
  pattern = g_strdup_printf ("^Voters received +%" G_GINT64_FORMAT "$",
                             *(gint64 *) g_hash_table_lookup (expected, "receptions.voters"));
  g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
  g_clear_pointer (&pattern, g_free);
  pattern = g_strdup_printf ("^  A: solved or adopted +%" G_GINT64_FORMAT "$",
                             *(gint64 *) g_hash_table_lookup (expected, "replies.A"));
  g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));

  /* The rate, as a percentage with one decimal, from the same counts. */
  {
    gint64 s = *(gint64 *) g_hash_table_lookup (expected, "evaluations.satisfied");
    gint64 b = *(gint64 *) g_hash_table_lookup (expected, "evaluations.basically_satisfied");
    gint64 u = *(gint64 *) g_hash_table_lookup (expected, "evaluations.unsatisfied");
    g_autofree char *rate = NULL;

    if (s + b + u == 0)
      rate = g_strdup ("no evaluations");
    else
      rate = g_strdup_printf ("%.1f%%", 100.0 * (s + b) / (s + b + u));
    g_clear_pointer (&pattern, g_free);
    pattern = g_strdup_printf ("^Satisfaction rate +%s$", rate);
    g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
  }
  run_clear (&run);
}

static void
test_stats_empty_year (Fixture       *f,
                       gconstpointer  data)
{
  const char *path = ensure_demo ();
  const char *year_keys[] = { "suggestions.total", "suggestions.overdue", "replies.A",
                              "replies.B", "replies.C", "evaluations.satisfied",
                              "evaluations.basically_satisfied", "evaluations.unsatisfied",
                              "receptions.count", "receptions.voters",
                              "deputies.receiving_voters", "activities" };
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GHashTable) expected = compute_expected (path, 1990);
  Run run = { 0 };

  run_cli (&run, f->dir, "stats", "--year", "1990", "--json", "--database", path, NULL);
  assert_success (&run);
  actual = parse_figures (run.out);
  assert_figures_equal (expected, actual);
  for (guint i = 0; i < G_N_ELEMENTS (year_keys); i++)
    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (actual, year_keys[i]), ==, 0);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (actual, "year"), ==, 1990);

  run_cli (&run, f->dir, "stats", "--year", "1990", "--database", path, NULL);
  assert_success (&run);
  g_assert_true (g_regex_match_simple ("^Suggestions registered +0$", run.out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Receptions held +0$", run.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Satisfaction rate +no evaluations$", run.out,
                                       G_REGEX_MULTILINE, 0));

  /* An empty database has no year with data: the current one, all zeros. */
  {
    g_autofree char *empty = g_build_filename (f->dir, "empty.sqlite", NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    run_cli (&run, f->dir, "init", "--database", empty, NULL);
    assert_success (&run);
    run_cli (&run, f->dir, "stats", "--json", "--database", empty, NULL);
    assert_success (&run);
    g_clear_pointer (&actual, g_hash_table_unref);
    actual = parse_figures (run.out);
    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (actual, "year"), ==,
                     g_date_time_get_year (now));
    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (actual, "suggestions.total"), ==, 0);
    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (actual, "deputies.total"), ==, 0);
  }
  run_clear (&run);
}

/* stats --from/--to: the stations' figures of a period */

static gboolean
in_period (const char *date,
           const char *from,
           const char *to)
{
  return date != NULL && (from == NULL || strcmp (date, from) >= 0) &&
         (to == NULL || strcmp (date, to) < 0);
}

/* The stations' figures over [from, to) computed here row by row in C from
 * the definitions of dd-stats.h, not with the model's queries. */
static GHashTable *
compute_station_expected (const char *path,
                          const char *from,
                          const char *to)
{
  const char * const station_kinds[] = { "home", "professional_home", "liaison_station",
                                         "work_station", "studio", "activity_centre",
                                         "contact_point", NULL };
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) active_items = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) opinions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  expect (expected, "stations.total", 0);
  expect_zeros (expected, "stations.by_kind", station_kinds);
  expect (expected, "stations.compliant", 0);
  expect (expected, "stations.upgraded", 0);
  expect (expected, "receptions.count", 0);
  expect (expected, "receptions.voters", 0);
  expect (expected, "receptions.petitions", 0);
  expect (expected, "opinions.recorded", 0);
  expect (expected, "opinions.adopted", 0);
  expect (expected, "opinions.solved", 0);

  /* Ticks, and the items that count. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT station_id, item_id, done FROM station_checklist",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_int (stmt, 2) == 1)
      g_hash_table_add (done, g_strdup_printf ("%lld:%lld",
                                               (long long) sqlite3_column_int64 (stmt, 0),
                                               (long long) sqlite3_column_int64 (stmt, 1)));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, active FROM checklist_items", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_int (stmt, 1) == 1)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (active_items, id);
      }
  sqlite3_finalize (stmt);

  /* Stations in use, as they stand. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, kind, upgraded_on, archived FROM stations",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *kind_key = g_strconcat ("stations.by_kind.", sqlite3_column_text (stmt, 1), NULL);
      gboolean compliant = TRUE;

      if (sqlite3_column_int (stmt, 3) != 0)
        continue;
      expect_add (expected, "stations.total", 1);
      expect_add (expected, kind_key, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        expect_add (expected, "stations.upgraded", 1);
      for (guint i = 0; i < active_items->len; i++)
        {
          g_autofree char *pair = g_strdup_printf ("%lld:%lld", (long long) id,
                                                   (long long) g_array_index (active_items, gint64, i));
          if (!g_hash_table_contains (done, pair))
            compliant = FALSE;
        }
      if (compliant)
        expect_add (expected, "stations.compliant", 1);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT held_on, voters_received, petitions_handled "
                                           "FROM receptions", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (in_period ((const char *) sqlite3_column_text (stmt, 0), from, to))
      {
        expect_add (expected, "receptions.count", 1);
        expect_add (expected, "receptions.voters", sqlite3_column_int64 (stmt, 1));
        expect_add (expected, "receptions.petitions", sqlite3_column_int64 (stmt, 2));
      }
  sqlite3_finalize (stmt);

  /* Voters' opinions registered in the period, then each one's latest reply. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, kind, registered_on FROM suggestions",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "voter_opinion") &&
        in_period ((const char *) sqlite3_column_text (stmt, 2), from, to))
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_hash_table_add (opinions, g_memdup2 (&id, sizeof id));
        expect_add (expected, "opinions.recorded", 1);
      }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT suggestion_id, round, id, class FROM replies",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 suggestion = sqlite3_column_int64 (stmt, 0);
      gint64 round = sqlite3_column_int64 (stmt, 1), id = sqlite3_column_int64 (stmt, 2);
      gint64 *best = g_hash_table_lookup (latest, &suggestion);

      if (!g_hash_table_contains (opinions, &suggestion))
        continue;
      if (best == NULL || round > best[0] || (round == best[0] && id > best[1]))
        {
          gint64 *row = g_new (gint64, 3);

          row[0] = round;
          row[1] = id;
          row[2] = sqlite3_column_text (stmt, 3)[0];
          g_hash_table_insert (latest, g_memdup2 (&suggestion, sizeof suggestion), row);
        }
    }
  sqlite3_finalize (stmt);
  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      char class = (char) ((gint64 *) value)[2];

      if (class == 'A' || class == 'B')
        expect_add (expected, "opinions.adopted", 1);
      if (class == 'A')
        expect_add (expected, "opinions.solved", 1);
    }

  sqlite3_close (db);
  return expected;
}

static gint64
figure (GHashTable *figures,
        const char *key)
{
  gint64 *value = g_hash_table_lookup (figures, key);

  g_assert_nonnull (value);
  return *value;
}

/* A rate as printed, against part / whole; "null" when whole is 0. */
static void
assert_rate (GHashTable *texts,
             const char *key,
             gint64      part,
             gint64      whole)
{
  const char *text = g_hash_table_lookup (texts, key);

  g_assert_nonnull (text);
  if (whole == 0)
    g_assert_cmpstr (text, ==, "null");
  else
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (text, NULL), (double) part / whole, 0.00006);
}

static void
test_stats_period (Fixture       *f,
                   gconstpointer  data)
{
  const char *path = ensure_demo ();
  const char *periods[][2] = {
    { "2025-01-01", "2025-07-01" },
    { "2024-03-15", "2024-09-01" },
    { "2025-01-01", NULL },
    { NULL, "2024-01-01" },
    { "1990-01-01", "1991-01-01" },
  };
  Run run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      const char *from = periods[i][0], *to = periods[i][1];
      g_autoptr(GHashTable) expected = compute_station_expected (path, from, to);
      g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GHashTable) actual = NULL;
      g_autoptr(DdStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *model_json = NULL;
      DdStationStats stats;

      if (from != NULL && to != NULL)
        run_cli (&run, f->dir, "stats", "--from", from, "--to", to, "--json", "--database", path, NULL);
      else if (from != NULL)
        run_cli (&run, f->dir, "stats", "--from", from, "--json", "--database", path, NULL);
      else
        run_cli (&run, f->dir, "stats", "--to", to, "--json", "--database", path, NULL);
      assert_success (&run);
      g_test_message ("%s – %s: %s", from, to, run.out);
      actual = parse_json (run.out, texts);
      assert_figures_equal (expected, actual);
      g_assert_cmpstr (g_hash_table_lookup (texts, "from"), ==, from != NULL ? from : "null");
      g_assert_cmpstr (g_hash_table_lookup (texts, "to"), ==, to != NULL ? to : "null");
      assert_rate (texts, "stations.compliance_rate", figure (expected, "stations.compliant"),
                   figure (expected, "stations.total"));
      assert_rate (texts, "opinions.adoption_rate", figure (expected, "opinions.adopted"),
                   figure (expected, "opinions.recorded"));
      assert_rate (texts, "opinions.solution_rate", figure (expected, "opinions.solved"),
                   figure (expected, "opinions.recorded"));
      g_assert_cmpuint (g_hash_table_size (texts), ==, 5);

      /* Byte for byte what the model prints. */
      store = dd_store_open_existing (path, &error);
      g_assert_no_error (error);
      g_assert_true (dd_station_stats_compute (store, from, to, &stats, &error));
      g_assert_no_error (error);
      model_json = dd_station_stats_to_json (&stats, from, to);
      g_assert_cmpstr (run.out, ==, model_json);
    }

  /* The demo's first half of 2025 has some of everything, or this proves little. */
  {
    g_autoptr(GHashTable) expected = compute_station_expected (path, "2025-01-01", "2025-07-01");
    const char *keys[] = { "stations.total", "stations.compliant", "stations.upgraded",
                           "receptions.count", "receptions.voters", "receptions.petitions",
                           "opinions.recorded", "opinions.adopted", "opinions.solved" };
    g_autofree char *pattern = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_assert_cmpint (figure (expected, keys[i]), >, 0);
    g_assert_cmpint (figure (expected, "stations.compliant"), <, figure (expected, "stations.total"));
    g_assert_cmpint (figure (expected, "opinions.solved"), <, figure (expected, "opinions.recorded"));

    /* The table names the last day included, not the --to bound. */
    run_cli (&run, f->dir, "stats", "--from", "2025-01-01", "--to", "2025-07-01",
             "--database", path, NULL);
    assert_success (&run);
    g_assert_true (g_str_has_prefix (run.out, "Stations’ figures from 2025-01-01 to 2025-06-30\n"));
    g_assert_nonnull (strstr (run.out, path));
    pattern = g_strdup_printf ("^Petitions handled for voters +%" G_GINT64_FORMAT "$",
                               figure (expected, "receptions.petitions"));
    g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
    g_clear_pointer (&pattern, g_free);
    pattern = g_strdup_printf ("^Stations meeting every checklist item +%" G_GINT64_FORMAT "$",
                               figure (expected, "stations.compliant"));
    g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
    g_clear_pointer (&pattern, g_free);
    pattern = g_strdup_printf ("^  Solved \\(latest reply A\\) +%" G_GINT64_FORMAT "$",
                               figure (expected, "opinions.solved"));
    g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
    /* No year's figures in a period's table. */
    g_assert_null (strstr (run.out, "Suggestions registered"));

    run_cli (&run, f->dir, "stats", "--to", "2024-01-01", "--database", path, NULL);
    assert_success (&run);
    g_assert_true (g_str_has_prefix (run.out, "Stations’ figures up to 2023-12-31\n"));
  }

  /* A year's table carries the same stations' figures for that year. */
  {
    g_autoptr(GHashTable) expected = compute_station_expected (path, "2025-01-01", "2026-01-01");
    g_autofree char *pattern = NULL;

    run_cli (&run, f->dir, "stats", "--year", "2025", "--database", path, NULL);
    assert_success (&run);
    pattern = g_strdup_printf ("^Petitions handled for voters +%" G_GINT64_FORMAT "$",
                               figure (expected, "receptions.petitions"));
    g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
    g_clear_pointer (&pattern, g_free);
    pattern = g_strdup_printf ("^Voters’ opinions recorded +%" G_GINT64_FORMAT "$",
                               figure (expected, "opinions.recorded"));
    g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
    g_clear_pointer (&pattern, g_free);
    pattern = g_strdup_printf ("^Stations upgraded +%" G_GINT64_FORMAT "$",
                               figure (expected, "stations.upgraded"));
    g_assert_true (g_regex_match_simple (pattern, run.out, G_REGEX_MULTILINE, 0));
  }
  run_clear (&run);
}

/* placards */

/* The full path of @tool; if missing, the test fails saying what to install. */
static char *
find_tool (const char *tool,
           const char *package)
{
  char *path = g_find_program_in_path (tool);

  if (path == NULL)
    {
      g_test_message ("%s not found: install %s (build-aux/setup installs it)", tool, package);
      g_test_fail ();
    }
  return path;
}

static char *
run_tool (const char * const *argv,
          int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

/* The pages pdfinfo counts in @pdf, all of them A4 portrait; -1 without pdfinfo. */
static int
pdf_page_count (const char *pdf)
{
  g_autofree char *pdfinfo = find_tool ("pdfinfo", "poppler-utils");
  g_autofree char *out = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autofree char *pages = NULL;
  int status = -1;

  if (pdfinfo == NULL)
    return -1;
  {
    const char *argv[] = { pdfinfo, pdf, NULL };
    out = run_tool (argv, &status);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_regex_match_simple ("^Page size: +595\\.2[78]\\d* x 841\\.89\\d* pts \\(A4\\)$",
                                       out, G_REGEX_MULTILINE, 0));
  regex = g_regex_new ("^Pages: +(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_assert_true (g_regex_match (regex, out, 0, &match));
  pages = g_match_info_fetch (match, 1);
  return atoi (pages);
}

/* The codes zbarimg reads on page @page of @pdf rasterised at 150 dpi,
 * sorted; NULL without the tools. */
static GStrv
decode_pdf_page (const char *pdf,
                 int         page)
{
  g_autofree char *pdftoppm = find_tool ("pdftoppm", "poppler-utils");
  g_autofree char *zbarimg = find_tool ("zbarimg", "zbar-tools");
  g_autofree char *prefix = g_strdup_printf ("%s-page", pdf);
  g_autofree char *png = g_strdup_printf ("%s-page.png", pdf);
  g_autofree char *page_text = g_strdup_printf ("%d", page);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) symbols = g_ptr_array_new_with_free_func (g_free);
  int status = -1;

  if (pdftoppm == NULL || zbarimg == NULL)
    return NULL;
  {
    const char *argv[] = { pdftoppm, "-r", "150", "-png", "-f", page_text, "-l", page_text,
                           "-singlefile", pdf, prefix, NULL };
    g_autofree char *ignored = run_tool (argv, &status);
    g_assert_cmpint (status, ==, 0);
  }
  {
    const char *argv[] = { zbarimg, "--raw", "-q", png, NULL };
    out = run_tool (argv, &status);
    g_assert_true (status == 0 || status == 4);
  }
  g_remove (png);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (symbols, g_strdup (lines[i]));
  g_ptr_array_sort (symbols, compare_strings);
  g_ptr_array_add (symbols, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&symbols), FALSE);
}

/* The codes of @sql's rows (one text column), in order. */
static GStrv
sqlite_strings (const char *path,
                const char *sql)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_ptr_array_add (rows, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&rows), FALSE);
}

static void
assert_wrote (const Run  *run,
              guint       placards,
              guint       pages,
              const char *pdf)
{
  g_autofree char *line = g_strdup_printf ("Wrote %u placard%s on %u page%s to “%s”\n",
                                           placards, placards == 1 ? "" : "s",
                                           pages, pages == 1 ? "" : "s", pdf);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, line);
}

static void
test_placards_stations (Fixture       *f,
                        gconstpointer  data)
{
  const char *path = ensure_demo ();
  g_auto(GStrv) codes = sqlite_strings (path, "SELECT code FROM stations WHERE archived = 0 "
                                              "ORDER BY name, id");
  guint n = g_strv_length (codes);
  const guint layouts[] = { 1, 2, 4 };
  Run run = { 0 };

  g_assert_cmpuint (n, >, 4);
  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autofree char *per_page = g_strdup_printf ("%u", layouts[l]);
      g_autofree char *pdf = g_build_filename (f->dir, "stations.pdf", NULL);
      guint pages = (n + layouts[l] - 1) / layouts[l];
      g_auto(GStrv) decoded = NULL;
      g_autoptr(GPtrArray) first = g_ptr_array_new ();

      run_cli (&run, f->dir, "placards", "--stations", "--per-page", per_page,
               "--pdf", "stations.pdf", "--database", path, NULL);
      assert_wrote (&run, n, pages, pdf);
      g_assert_cmpint (pdf_page_count (pdf), ==, (int) pages);

      /* Page 1: the first stations by name, no template set: their plain codes. */
      decoded = decode_pdf_page (pdf, 1);
      if (decoded == NULL)
        continue;
      for (guint i = 0; i < layouts[l]; i++)
        g_ptr_array_add (first, codes[i]);
      g_ptr_array_sort (first, compare_strings);
      g_assert_cmpuint (g_strv_length (decoded), ==, first->len);
      for (guint i = 0; i < first->len; i++)
        g_assert_cmpstr (decoded[i], ==, g_ptr_array_index (first, i));
    }
  run_clear (&run);
}

static void
test_placards_deputies (Fixture       *f,
                        gconstpointer  data)
{
  const char *path = ensure_demo ();
  g_autofree char *pdf = g_build_filename (f->dir, "deputies.pdf", NULL);
  g_auto(GStrv) active = sqlite_strings (path, "SELECT code FROM deputies WHERE status = 'active' "
                                               "ORDER BY name, id");
  g_auto(GStrv) chosen = sqlite_strings (path, "SELECT code FROM deputies WHERE id IN (7, 3) "
                                               "ORDER BY id DESC");
  g_auto(GStrv) decoded = NULL;
  Run run = { 0 };

  /* Every active deputy, four a page. */
  run_cli (&run, f->dir, "placards", "--deputies", "--per-page", "4", "--pdf", pdf,
           "--database", path, NULL);
  assert_wrote (&run, g_strv_length (active), (g_strv_length (active) + 3) / 4, pdf);
  g_assert_cmpint (pdf_page_count (pdf), ==, (int) (g_strv_length (active) + 3) / 4);

  /* Chosen ones in the order given: 7 first. */
  run_cli (&run, f->dir, "placards", "--deputies", "--ids", "7, 3", "--pdf", pdf,
           "--database", path, NULL);
  assert_wrote (&run, 2, 2, pdf);
  g_assert_cmpint (pdf_page_count (pdf), ==, 2);
  decoded = decode_pdf_page (pdf, 1);
  if (decoded != NULL)
    {
      g_assert_cmpuint (g_strv_length (decoded), ==, 1);
      g_assert_cmpstr (decoded[0], ==, chosen[0]);
      g_assert_true (g_str_has_prefix (decoded[0], "D"));
    }
  run_clear (&run);
}

static void
test_placards_errors (Fixture       *f,
                      gconstpointer  data)
{
  const char *path = ensure_demo ();
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.sqlite", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "no", "such", "folder.pdf", NULL);
  g_autoptr(GBytes) before = read_bytes (path);
  Run run = { 0 };

  /* An id that is not there: one line naming it, no PDF. */
  run_cli (&run, f->dir, "placards", "--stations", "--ids", "1,99999", "--pdf", pdf,
           "--database", path, NULL);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "99999"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_cli (&run, f->dir, "placards", "--deputies", "--ids", "99999", "--pdf", pdf,
           "--database", path, NULL);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "99999"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* A PDF that cannot be written: one line naming it. */
  run_cli (&run, f->dir, "placards", "--stations", "--pdf", folder, "--database", path, NULL);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, folder));

  /* Nothing to print. */
  run_cli (&run, f->dir, "init", "--database", empty, NULL);
  assert_success (&run);
  run_cli (&run, f->dir, "placards", "--stations", "--pdf", pdf, "--database", empty, NULL);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "no stations"));
  run_cli (&run, f->dir, "placards", "--deputies", "--pdf", pdf, "--database", empty, NULL);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "no active deputies"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Printing only reads. */
  assert_untouched (path, before);
  run_clear (&run);
}

/* With the URL templates set (through the model, as the preferences do),
 * the codes hold the URLs; the office name is printed. */
static void
test_placards_template (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "copy.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "urls.pdf", NULL);
  g_autoptr(GBytes) demo = read_bytes (ensure_demo ());
  g_auto(GStrv) station = NULL;
  g_auto(GStrv) deputy = NULL;
  g_auto(GStrv) decoded = NULL;
  g_autofree char *station_url = NULL;
  g_autofree char *deputy_url = NULL;
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo), NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DdStore) store = dd_store_open (path, DD_STORE_OPEN_EXISTING, &error);

    g_assert_no_error (error);
    g_assert_true (dd_settings_set (store, DD_SETTING_QR_STATION_URL,
                                    "https://rd.example.cn/station/{code}?src=placard", &error));
    g_assert_no_error (error);
    g_assert_true (dd_settings_set (store, DD_SETTING_QR_DEPUTY_URL,
                                    "https://rd.example.cn/d/{code}", &error));
    g_assert_no_error (error);
    g_assert_true (dd_settings_set (store, DD_SETTING_OFFICE_NAME, "江州市城关区人大常委会", &error));
    g_assert_no_error (error);
  }

  station = sqlite_strings (path, "SELECT code FROM stations WHERE id = 2");
  deputy = sqlite_strings (path, "SELECT code FROM deputies WHERE id = 5");
  station_url = g_strdup_printf ("https://rd.example.cn/station/%s?src=placard", station[0]);
  deputy_url = g_strdup_printf ("https://rd.example.cn/d/%s", deputy[0]);

  run_cli (&run, f->dir, "placards", "--stations", "--ids", "2", "--pdf", pdf,
           "--database", path, NULL);
  assert_wrote (&run, 1, 1, pdf);
  decoded = decode_pdf_page (pdf, 1);
  if (decoded != NULL)
    {
      g_assert_cmpuint (g_strv_length (decoded), ==, 1);
      g_assert_cmpstr (decoded[0], ==, station_url);
    }
  g_clear_pointer (&decoded, g_strfreev);

  run_cli (&run, f->dir, "placards", "--deputies", "--ids", "5", "--per-page", "2", "--pdf", pdf,
           "--database", path, NULL);
  assert_wrote (&run, 1, 1, pdf);
  decoded = decode_pdf_page (pdf, 1);
  if (decoded != NULL)
    {
      g_assert_cmpuint (g_strv_length (decoded), ==, 1);
      g_assert_cmpstr (decoded[0], ==, deputy_url);
    }
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("version", test_version);
  ADD ("help", test_help);
  ADD ("usage-errors", test_usage_errors);
  ADD ("init", test_init);
  ADD ("init-refuses-text", test_init_refuses_text);
  ADD ("read-missing", test_read_missing);
  ADD ("read-refuses", test_read_refuses);
  ADD ("check-foreign-keys", test_check_foreign_keys);
  ADD ("demo-check", test_demo_check);
  ADD ("stats-json", test_stats_json);
  ADD ("stats-human", test_stats_human);
  ADD ("stats-empty-year", test_stats_empty_year);
  ADD ("stats-period", test_stats_period);
  ADD ("placards-stations", test_placards_stations);
  ADD ("placards-deputies", test_placards_deputies);
  ADD ("placards-errors", test_placards_errors);
  ADD ("placards-template", test_placards_template);
#undef ADD

  status = g_test_run ();

  if (demo_dir != NULL)
    remove_tree (demo_dir);
  g_free (demo_dir);
  g_free (demo_path);
  return status;
}
