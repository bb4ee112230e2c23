/* test-cli-suggestions.c: deputy-desk-cli suggestions list / move / transfer,
 * run as a user runs them
 *
 * The tool (DD_CLI) runs in a temporary folder with XDG_DATA_HOME pointing
 * there. `list` is checked against SQL over the small demo; `move` drives a
 * copy of it through every kind of move, and each refusal must exit 1 (a
 * refused move) or 2 (a malformed command) with one line and change
 * nothing. The tool's clock is the real one: every date given is in 2025.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#define DEMO_ANCHOR "2025-06-30"

typedef struct
{
  char *dir;
  char *db;      /* a fresh copy of the demo */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static char *demo_dir;
static char *demo_path;

/* Helpers */

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
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_argv (Run         *run,
          const char  *cwd,
          GPtrArray   *args)
{
  const char *cli = g_getenv ("DD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", cwd, TRUE);

  run_clear (run);
  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* Runs the tool in @cwd with the arguments that follow, up to NULL. */
static void
run_cli (Run        *run,
         const char *cwd,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, cwd);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  run_argv (run, cwd, args);
}

static void
assert_success (const Run *run)
{
  if (run->status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* A failure or usage error: exactly one line on stderr, nothing on stdout. */
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
  g_assert_cmpstr (run->out, ==, "");
  if (fragment != NULL && strstr (run->err, fragment) == NULL)
    g_error ("“%s” does not say “%s”", run->err, fragment);
  if (status == 2)
    g_assert_nonnull (strstr (run->err, "--help"));
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
sql_int (const char *path,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gint64
sql_int (const char *path,
         const char *format,
         ...)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  gint64 value = -1;
  va_list ap;

  va_start (ap, format);
  sql = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
sql_text (const char *path,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static char *
sql_text (const char *path,
          const char *format,
          ...)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  char *value = NULL;
  va_list ap;

  va_start (ap, format);
  sql = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The rows a move can touch, as text, to show a refusal wrote nothing. */
static char *
digest (const char *path)
{
  return sql_text (path,
                   "SELECT (SELECT group_concat(id || state || coalesce(deadline_on, '') || round, ',') "
                   "FROM suggestions) || '|' || (SELECT count(*) FROM audit_log) || '|' || "
                   "(SELECT count(*) FROM suggestion_units) || '|' || (SELECT count(*) FROM replies) "
                   "|| '|' || (SELECT count(*) FROM evaluations)");
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The value of "key": in one object of the JSON text, as text (numbers and null too). */
static char *
json_value (const char *json,
            const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\": ", key);
  const char *at = strstr (json, needle);
  const char *end;

  if (at == NULL)
    return NULL;
  at += strlen (needle);
  if (*at == '"')
    {
      end = strchr (at + 1, '"');
      return g_strndup (at + 1, end - at - 1);
    }
  end = at + strcspn (at, ",}\n");
  return g_strndup (at, end - at);
}

static gint64
json_int (const char *json,
          const char *key)
{
  g_autofree char *value = json_value (json, key);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

/* The ids of a list's JSON, in order. */
static GArray *
json_ids (const char *json)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (const char *at = strstr (json, "{\"id\": "); at != NULL; at = strstr (at + 1, "{\"id\": "))
    {
      gint64 id = g_ascii_strtoll (at + 7, NULL, 10);
      g_array_append_val (ids, id);
    }
  return ids;
}

static const char *
ensure_demo (void)
{
  Run run = { 0 };

  if (demo_path != NULL)
    return demo_path;

  demo_dir = g_dir_make_tmp ("dd-cli-suggestions-XXXXXX", NULL);
  g_assert_nonnull (demo_dir);
  demo_path = g_build_filename (demo_dir, "demo.sqlite", NULL);
  run_cli (&run, demo_dir, "demo", "--size", "small", "--seed", "7",
           "--anchor", DEMO_ANCHOR, "--database", demo_path, NULL);
  assert_success (&run);
  run_clear (&run);
  return demo_path;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  f->dir = g_dir_make_tmp ("dd-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "desk.sqlite", NULL);
  g_assert_true (g_file_get_contents (ensure_demo (), &contents, &len, NULL));
  g_assert_true (g_file_set_contents (f->db, contents, len, NULL));
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
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *actions[] = { "list", "move", "transfer" };
  Run run = { 0 };

  run_cli (&run, f->dir, "--help", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "suggestions"));

  run_cli (&run, f->dir, "suggestions", "--help", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Usage:"));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *usage = g_strdup_printf ("deputy-desk-cli suggestions %s [OPTION", actions[i]);

      g_assert_nonnull (strstr (run.out, actions[i]));
      run_cli (&run, f->dir, "suggestions", actions[i], "--help", NULL);
      assert_success (&run);
      g_assert_nonnull (strstr (run.out, usage));
      g_assert_nonnull (strstr (run.out, "--database"));
      run_cli (&run, f->dir, "suggestions", "--help", NULL);
    }
  run_cli (&run, f->dir, "suggestions", "move", "--help", NULL);
  g_assert_nonnull (strstr (run.out, "--verdict"));
  g_assert_nonnull (strstr (run.out, "--destination"));

  run_cli (&run, f->dir, "suggestions", NULL);
  assert_one_error_line (&run, 2, "Give an action");
  run_cli (&run, f->dir, "suggestions", "delete", NULL);
  assert_one_error_line (&run, 2, "Unknown action “delete”");
  run_clear (&run);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *day = today ();
  g_autoptr(GArray) ids = NULL;
  Run run = { 0 };

  /* Everything, newest first, as SQL orders it. */
  run_cli (&run, f->dir, "suggestions", "list", "--json", "-d", f->db, NULL);
  assert_success (&run);
  g_assert_cmpint (json_int (run.out, "total"), ==, sql_int (f->db, "SELECT count(*) FROM suggestions"));
  g_assert_cmpint (json_int (run.out, "count"), ==, json_int (run.out, "total"));
  ids = json_ids (run.out);
  g_assert_cmpuint (ids->len, ==, json_int (run.out, "total"));
  {
    sqlite3 *db = open_db (f->db);
    sqlite3_stmt *stmt = NULL;
    guint i = 0;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM suggestions "
                                         "ORDER BY registered_on DESC, id DESC", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_assert_cmpint (g_array_index (ids, gint64, i++), ==, sqlite3_column_int64 (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* Each state, and two at once. */
  run_cli (&run, f->dir, "suggestions", "list", "--state", "handling", "--json", "-d", f->db, NULL);
  assert_success (&run);
  g_assert_cmpint (json_int (run.out, "total"), ==,
                   sql_int (f->db, "SELECT count(*) FROM suggestions WHERE state = 'handling'"));
  g_assert_cmpint (json_int (run.out, "total"), >, 0);
  run_cli (&run, f->dir, "suggestions", "list", "--state", "rejected", "--state", "merged",
           "--json", "-d", f->db, NULL);
  assert_success (&run);
  g_assert_cmpint (json_int (run.out, "total"), ==,
                   sql_int (f->db, "SELECT count(*) FROM suggestions WHERE state IN ('rejected', 'merged')"));

  /* Overdue: as the year's figures count it, today being the real today. */
  run_cli (&run, f->dir, "suggestions", "list", "--overdue", "--json", "-d", f->db, NULL);
  assert_success (&run);
  g_assert_cmpint (json_int (run.out, "total"), ==,
                   sql_int (f->db, "SELECT count(*) FROM suggestions WHERE state IN ('assigned', "
                            "'handling') AND deadline_on < '%s'", day));
  g_assert_cmpint (json_int (run.out, "total"), >, 0);
  {
    g_autofree char *status = json_value (run.out, "deadline_status");
    g_assert_cmpstr (status, ==, "overdue");
  }
  g_assert_cmpint (json_int (run.out, "working_days_left"), <, 0);

  /* Search: every word in the title or the text. */
  run_cli (&run, f->dir, "suggestions", "list", "--search", "河道", "--json", "-d", f->db, NULL);
  assert_success (&run);
  g_assert_cmpint (json_int (run.out, "total"), ==,
                   sql_int (f->db, "SELECT count(*) FROM suggestions WHERE title LIKE '%%河道%%' "
                            "OR body LIKE '%%河道%%'"));
  g_assert_cmpint (json_int (run.out, "total"), >, 0);
  run_cli (&run, f->dir, "suggestions", "list", "--search", "河道 异味", "--json", "-d", f->db, NULL);
  assert_success (&run);
  g_assert_cmpint (json_int (run.out, "total"), ==,
                   sql_int (f->db, "SELECT count(*) FROM suggestions WHERE (title LIKE '%%河道%%' "
                            "OR body LIKE '%%河道%%') AND (title LIKE '%%异味%%' OR body LIKE '%%异味%%')"));

  /* A limit keeps the total. */
  run_cli (&run, f->dir, "suggestions", "list", "--limit", "5", "--json", "-d", f->db, NULL);
  assert_success (&run);
  g_assert_cmpint (json_int (run.out, "count"), ==, 5);
  g_assert_cmpint (json_int (run.out, "total"), ==, sql_int (f->db, "SELECT count(*) FROM suggestions"));

  /* The table: a heading, one line each, and how many were left out. */
  run_cli (&run, f->dir, "suggestions", "list", "--limit", "3", "--state", "handling", "-d", f->db, NULL);
  assert_success (&run);
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 6);
    g_assert_true (g_str_has_prefix (lines[0], "Number"));
    g_assert_nonnull (strstr (lines[1], "Handling"));
    g_assert_nonnull (strstr (lines[4], "3 of "));
  }
  run_cli (&run, f->dir, "suggestions", "list", "--search", "没有这样的建议", "-d", f->db, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "No suggestion matches."));

  /* Malformed commands. */
  run_cli (&run, f->dir, "suggestions", "list", "--state", "open", "-d", f->db, NULL);
  assert_one_error_line (&run, 2, "--state must be one of");
  run_cli (&run, f->dir, "suggestions", "list", "--limit", "-1", "-d", f->db, NULL);
  assert_one_error_line (&run, 2, "--limit must be a whole number");
  run_cli (&run, f->dir, "suggestions", "list", "extra", "-d", f->db, NULL);
  assert_one_error_line (&run, 2, "Unexpected argument");
  {
    g_autofree char *missing = g_build_filename (f->dir, "none.sqlite", NULL);

    run_cli (&run, f->dir, "suggestions", "list", "-d", missing, NULL);
    assert_one_error_line (&run, 1, NULL);
  }
  run_clear (&run);
}

/* Runs `suggestions move ID --to STATE` with the options that follow. */
static void
move (Run        *run,
      Fixture    *f,
      gint64      id,
      const char *to,
      ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, g_strdup ("suggestions"));
  g_ptr_array_add (args, g_strdup ("move"));
  g_ptr_array_add (args, g_strdup_printf ("%" G_GINT64_FORMAT, id));
  g_ptr_array_add (args, g_strdup ("--to"));
  g_ptr_array_add (args, g_strdup (to));
  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (f->db));
  va_start (ap, to);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  run_argv (run, f->dir, args);
}

static void
assert_moved (Fixture    *f,
              const Run  *run,
              gint64      id,
              const char *state,
              const char *line)
{
  g_autofree char *stored = sql_text (f->db, "SELECT state FROM suggestions WHERE id = %"
                                      G_GINT64_FORMAT, id);
  g_autofree char *number = sql_text (f->db, "SELECT number FROM suggestions WHERE id = %"
                                      G_GINT64_FORMAT, id);
  g_autofree char *expected = g_strdup_printf ("%s: %s\n", number, line);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_cmpstr (stored, ==, state);
  /* Audited: the state, by the OS user the tool runs as. */
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'suggestions' "
                            "AND entity_id = %" G_GINT64_FORMAT " AND field = 'state' "
                            "AND new_value = '%s' AND operator = '%s'", id, state, g_get_user_name ()),
                   >=, 1);
}

static void
test_move_path (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = sql_int (f->db, "SELECT min(id) FROM suggestions WHERE state = 'registered' "
                              "AND kind = 'deputy_suggestion'");
  g_autofree char *lead = sql_text (f->db, "SELECT name FROM units WHERE active = 1 ORDER BY id LIMIT 1");
  gint64 co = sql_int (f->db, "SELECT id FROM units WHERE active = 1 ORDER BY id LIMIT 1 OFFSET 1");
  g_autofree char *co_text = g_strdup_printf ("%" G_GINT64_FORMAT, co);
  g_autoptr(GPtrArray) verdicts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = NULL;
  Run run = { 0 };

  g_assert_cmpint (id, >, 0);
  move (&run, f, id, "under_review", NULL);
  assert_moved (f, &run, id, "under_review", "Registered → Under review");

  /* 2025-07-01 + 3 months = 10-01, National Day: due on 10-09. */
  move (&run, f, id, "assigned", "--unit", lead, "--co-unit", co_text, "--date", "2025-07-01", NULL);
  assert_moved (f, &run, id, "assigned", "Under review → Assigned, reply deadline 2025-10-09");
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM suggestion_units WHERE suggestion_id = %"
                            G_GINT64_FORMAT, id), ==, 2);

  move (&run, f, id, "handling", NULL);
  assert_moved (f, &run, id, "handling", "Assigned → Handling, reply deadline 2025-10-09");

  move (&run, f, id, "replied", "--class", "B", "--text", "已列入明年计划。", "--date", "2025-08-01",
        "--signed-off", NULL);
  assert_moved (f, &run, id, "replied", "Handling → Replied");
  g_assert_cmpint (sql_int (f->db, "SELECT co_units_signed_off FROM replies WHERE suggestion_id = %"
                            G_GINT64_FORMAT " AND class = 'B' AND round = 1", id), ==, 1);

  /* One verdict per proposer; one unsatisfied sends it back. */
  {
    sqlite3 *db = open_db (f->db);
    sqlite3_stmt *stmt = NULL;
    g_autofree char *sql = g_strdup_printf ("SELECT deputy_id FROM suggestion_proposers WHERE "
                                            "suggestion_id = %" G_GINT64_FORMAT " ORDER BY position", id);

    g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (verdicts, g_strdup_printf ("%" G_GINT64_FORMAT "=%s", (gint64) sqlite3_column_int64 (stmt, 0),
                                                  verdicts->len == 0 ? "unsatisfied" : "satisfied"));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_cmpuint (verdicts->len, >, 0);
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (args, g_strdup ("suggestions"));
    g_ptr_array_add (args, g_strdup ("move"));
    g_ptr_array_add (args, g_strdup_printf ("%" G_GINT64_FORMAT, id));
    g_ptr_array_add (args, g_strdup ("--to=handling"));
    g_ptr_array_add (args, g_strdup_printf ("--database=%s", f->db));
    g_ptr_array_add (args, g_strdup ("--date=2025-08-10"));
    for (guint i = 0; i < verdicts->len; i++)
      g_ptr_array_add (args, g_strdup_printf ("--verdict=%s", (char *) g_ptr_array_index (verdicts, i)));
    run_argv (&run, f->dir, args);
  }
  /* A new round, due three months after the evaluation (11-10, a Monday). */
  assert_moved (f, &run, id, "handling", "Replied → Handling, round 2, reply deadline 2025-11-10");

  move (&run, f, id, "replied", "--class", "A", "--text", "已解决。", "--date", "2025-09-01", NULL);
  assert_moved (f, &run, id, "replied", "Handling → Replied");
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (args, g_strdup ("suggestions"));
    g_ptr_array_add (args, g_strdup ("move"));
    g_ptr_array_add (args, g_strdup_printf ("%" G_GINT64_FORMAT, id));
    g_ptr_array_add (args, g_strdup ("--to=evaluated"));
    g_ptr_array_add (args, g_strdup_printf ("--database=%s", f->db));
    g_ptr_array_add (args, g_strdup ("--date=2025-09-05"));
    for (guint i = 0; i < verdicts->len; i++)
      {
        const char *verdict = g_ptr_array_index (verdicts, i);
        g_autofree char *deputy = g_strndup (verdict, strchr (verdict, '=') - verdict);

        g_ptr_array_add (args, g_strdup_printf ("--verdict=%s=basically_satisfied", deputy));
      }
    run_argv (&run, f->dir, args);
  }
  assert_moved (f, &run, id, "evaluated", "Replied → Evaluated");
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM evaluations WHERE suggestion_id = %"
                            G_GINT64_FORMAT " AND round = 2", id), ==, verdicts->len);

  move (&run, f, id, "closed", "--date", "2025-09-10", "--publish", NULL);
  assert_moved (f, &run, id, "closed", "Evaluated → Closed");
  g_assert_cmpint (sql_int (f->db, "SELECT published FROM suggestions WHERE id = %" G_GINT64_FORMAT, id),
                   ==, 1);

  /* Closed is final: the model's own error, one line, exit 1, nothing written. */
  before = digest (f->db);
  move (&run, f, id, "handling", NULL);
  assert_one_error_line (&run, 1, "A suggestion cannot move from Closed to Handling");
  {
    g_autofree char *after = digest (f->db);
    g_assert_cmpstr (after, ==, before);
  }
  run_clear (&run);
}

static void
test_move_review (Fixture       *f,
                  gconstpointer  data)
{
  static const char pick[] = "SELECT id FROM suggestions WHERE state IN ('registered', "
                             "'under_review') ORDER BY id LIMIT 1 OFFSET %d";
  gint64 reject = sql_int (f->db, pick, 0);
  gint64 duplicate = sql_int (f->db, pick, 1);
  gint64 out = sql_int (f->db, pick, 2);
  gint64 returned = sql_int (f->db, pick, 3);
  gint64 keep = sql_int (f->db, "SELECT id FROM suggestions WHERE state = 'handling' ORDER BY id LIMIT 1");
  g_autofree char *keep_text = g_strdup_printf ("%" G_GINT64_FORMAT, keep);
  g_autofree char *unit = sql_text (f->db, "SELECT id FROM units WHERE active = 1 ORDER BY id LIMIT 1");
  Run run = { 0 };

  g_assert_cmpint (returned, >, 0);
  {
    gint64 ids[] = { reject, duplicate, out, returned };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      if (sql_int (f->db, "SELECT state = 'registered' FROM suggestions WHERE id = %" G_GINT64_FORMAT,
                   ids[i]) == 1)
        {
          move (&run, f, ids[i], "under_review", NULL);
          assert_success (&run);
        }
  }

  move (&run, f, reject, "rejected", "--reason", "属于信访事项，转信访部门办理", NULL);
  assert_moved (f, &run, reject, "rejected", "Under review → Rejected");

  move (&run, f, duplicate, "merged", "--into", keep_text, NULL);
  assert_moved (f, &run, duplicate, "merged", "Under review → Merged");
  g_assert_cmpint (sql_int (f->db, "SELECT merged_into_id FROM suggestions WHERE id = %" G_GINT64_FORMAT,
                            duplicate), ==, keep);

  move (&run, f, out, "transferred_out", "--destination", "省人大常委会", NULL);
  assert_moved (f, &run, out, "transferred_out", "Under review → Transferred out");

  /* The unit returns it within five working days of 2025-07-01, then not after. */
  move (&run, f, returned, "assigned", "--unit", unit, "--date", "2025-07-01", NULL);
  assert_success (&run);
  move (&run, f, returned, "under_review", "--reason", "不属于本单位职责", "--date", "2025-07-09", NULL);
  assert_one_error_line (&run, 1, "that is up to 2025-07-08");
  move (&run, f, returned, "under_review", "--reason", "不属于本单位职责", "--date", "2025-07-08", NULL);
  assert_moved (f, &run, returned, "under_review", "Assigned → Under review");
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM suggestion_units WHERE suggestion_id = %"
                            G_GINT64_FORMAT, returned), ==, 0);
  run_clear (&run);
}

static void
test_move_refused (Fixture       *f,
                   gconstpointer  data)
{
  gint64 registered = sql_int (f->db, "SELECT min(id) FROM suggestions WHERE state = 'registered'");
  gint64 review = sql_int (f->db, "SELECT min(id) FROM suggestions WHERE state = 'under_review'");
  gint64 handling = sql_int (f->db, "SELECT min(id) FROM suggestions WHERE state = 'handling'");
  g_autofree char *before = digest (f->db);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, registered);
  Run run = { 0 };

  /* Refused by the model: exit 1, its message. */
  move (&run, f, registered, "replied", NULL);
  assert_one_error_line (&run, 1, "A suggestion cannot move from Registered to Replied");
  move (&run, f, review, "assigned", NULL);
  assert_one_error_line (&run, 1, "Lead unit is required");
  move (&run, f, review, "assigned", "--unit", "没有这个单位", NULL);
  assert_one_error_line (&run, 1, "There is no handling unit named “没有这个单位”");
  move (&run, f, review, "rejected", NULL);
  assert_one_error_line (&run, 1, "Reason for rejection is required");
  move (&run, f, handling, "replied", "--class", "A", "--text", "已办理", NULL);
  assert_one_error_line (&run, 1, "Date replied is required");
  move (&run, f, handling, "replied", "--class", "E", "--text", "已办理", "--date", "2025-08-01", NULL);
  assert_one_error_line (&run, 1, "Class: “E” is not one of the allowed values");
  move (&run, f, 999999, "under_review", NULL);
  assert_one_error_line (&run, 1, "There is no suggestion numbered 999999");

  /* Malformed: exit 2. */
  move (&run, f, registered, "finished", NULL);
  assert_one_error_line (&run, 2, "--to must be one of");
  move (&run, f, registered, "under_review", "--class", "A", NULL);
  assert_one_error_line (&run, 2, "--class does not apply");
  move (&run, f, review, "merged", "--into", "twelve", NULL);
  assert_one_error_line (&run, 2, "--into must be the number of a suggestion");
  move (&run, f, review, "assigned", "--date", "2025-02-30", NULL);
  assert_one_error_line (&run, 2, "--date must be a date");
  move (&run, f, handling, "replied", "--verdict", "satisfied", NULL);
  assert_one_error_line (&run, 2, "--verdict must be written DEPUTY=VERDICT");
  run_cli (&run, f->dir, "suggestions", "move", "--to", "closed", "-d", f->db, NULL);
  assert_one_error_line (&run, 2, "Give the number");
  run_cli (&run, f->dir, "suggestions", "move", "x1", "--to", "closed", "-d", f->db, NULL);
  assert_one_error_line (&run, 2, "whole number above 0");
  run_cli (&run, f->dir, "suggestions", "move", id_text, "-d", f->db, NULL);
  assert_one_error_line (&run, 2, "--to");
  run_cli (&run, f->dir, "suggestions", "move", id_text, id_text, "--to", "closed", "-d", f->db, NULL);
  assert_one_error_line (&run, 2, "Unexpected argument");

  {
    g_autofree char *after = digest (f->db);
    g_assert_cmpstr (after, ==, before);
  }
  run_clear (&run);
}

static void
test_transfer (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = sql_int (f->db, "SELECT s.id FROM suggestions s JOIN suggestion_units u "
                              "ON u.suggestion_id = s.id AND u.role = 'lead' WHERE s.state = 'handling' "
                              "ORDER BY s.id LIMIT 1");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *old_lead = sql_text (f->db, "SELECT name FROM units WHERE id = (SELECT unit_id FROM "
                                        "suggestion_units WHERE suggestion_id = %" G_GINT64_FORMAT
                                        " AND role = 'lead')", id);
  g_autofree char *new_lead = sql_text (f->db, "SELECT name FROM units WHERE active = 1 AND id NOT IN "
                                        "(SELECT unit_id FROM suggestion_units WHERE suggestion_id = %"
                                        G_GINT64_FORMAT ") ORDER BY id LIMIT 1", id);
  g_autofree char *number = sql_text (f->db, "SELECT number FROM suggestions WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *expected = g_strdup_printf ("%s: %s → %s\n", number, old_lead, new_lead);
  g_autofree char *deadline = sql_text (f->db, "SELECT deadline_on FROM suggestions WHERE id = %"
                                        G_GINT64_FORMAT, id);
  gint64 registered = sql_int (f->db, "SELECT min(id) FROM suggestions WHERE state = 'registered'");
  g_autofree char *registered_text = g_strdup_printf ("%" G_GINT64_FORMAT, registered);
  Run run = { 0 };

  run_cli (&run, f->dir, "suggestions", "transfer", id_text, "--unit", new_lead, "--reason", "职能调整",
           "-d", f->db, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, expected);
  {
    g_autofree char *lead = sql_text (f->db, "SELECT name FROM units WHERE id = (SELECT unit_id FROM "
                                      "suggestion_units WHERE suggestion_id = %" G_GINT64_FORMAT
                                      " AND role = 'lead')", id);
    g_autofree char *kept = sql_text (f->db, "SELECT deadline_on FROM suggestions WHERE id = %"
                                      G_GINT64_FORMAT, id);

    g_assert_cmpstr (lead, ==, new_lead);
    g_assert_cmpstr (kept, ==, deadline);
  }

  run_cli (&run, f->dir, "suggestions", "transfer", registered_text, "--unit", new_lead, "-d", f->db, NULL);
  assert_one_error_line (&run, 1, "this one is Registered");
  run_cli (&run, f->dir, "suggestions", "transfer", id_text, "-d", f->db, NULL);
  assert_one_error_line (&run, 2, "--unit");
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/suggestions/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("help", test_help);
  ADD ("list", test_list);
  ADD ("move-path", test_move_path);
  ADD ("move-review", test_move_review);
  ADD ("move-refused", test_move_refused);
  ADD ("transfer", test_transfer);
#undef ADD

  status = g_test_run ();

  if (demo_dir != NULL)
    remove_tree (demo_dir);
  g_free (demo_dir);
  g_free (demo_path);
  return status;
}
