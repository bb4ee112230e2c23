/* test-backup.c: backups through the backup API, the rotating set, restore and its refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/stat.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-backup.h"
#include "dd-demo.h"
#include "dd-deputy.h"
#include "dd-model-error.h"
#include "dd-store-check.h"
#include "dd-store-private.h"

typedef struct
{
  char    *dir;
  char    *path;
  DdStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { DD_DEMO_SMALL, 7, "2026-06-30", NULL, NULL };

  f->dir = g_dir_make_tmp ("dd-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "desk.sqlite", NULL);
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (data != NULL)
    {
      dd_store_set_frozen_time (f->store, "2026-06-30T10:00:00");
      g_assert_true (dd_demo_generate (f->store, &options, &error));
      g_assert_no_error (error);
    }
}

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
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Every row of every table (the search index's own tables included), as text,
 * read through a connection of its own; and the schema version. */
static char *
dump_file (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &tables, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (tables), ==, SQLITE_ROW);
  g_string_append_printf (out, "version %d\n", sqlite3_column_int (tables, 0));
  sqlite3_finalize (tables);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY 1, 2", table);
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      g_string_append_printf (out, "[%s]\n", table);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              const char *text = (const char *) sqlite3_column_text (rows, i);
              g_string_append_printf (out, "%s|", text != NULL ? text : "∅");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static gint64
count_rows (const char *path,
            const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", table);
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
sqlite_script (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
on_progress (int      copied,
             int      total,
             gpointer user_data)
{
  int *last = user_data;

  g_assert_cmpint (copied, <=, total);
  g_assert_cmpint (copied, >=, last[0]);
  last[0] = copied;
  last[1] = total;
  last[2]++;
}

static void
test_backup_equals_source (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "copy.sqlite", NULL);
  g_autofree char *source_dump = NULL;
  g_autofree char *copy_dump = NULL;
  g_auto(GStrv) problems = NULL;
  int progress[3] = { 0, 0, 0 };
  GStatBuf st;

  g_assert_true (dd_backup_to_file (f->store, out, NULL, on_progress, progress, &error));
  g_assert_no_error (error);

  /* Whole (the last step reports every page), private, and nothing else left beside it. */
  g_assert_cmpint (progress[0], ==, progress[1]);
  g_assert_cmpint (progress[1], >, 256);
  g_assert_cmpint (progress[2], >, 1);  /* in steps, not at once */
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (out_dir), ==, 1);

  source_dump = dump_file (f->path);
  copy_dump = dump_file (out);
  g_assert_cmpstr (source_dump, ==, copy_dump);
  g_assert_cmpint (count_rows (out, "suggestions"), >, 100);
  g_assert_cmpint (count_rows (out, "suggestions"), ==, count_rows (f->path, "suggestions"));

  /* A backup over an older one replaces it. */
  {
    g_autoptr(DdDeputy) deputy = dd_deputy_new ();
    g_autoptr(DdStore) copy = NULL;

    g_object_set (deputy, "name", "新来的", "level", "county", "term", (gint64) 18, NULL);
    g_assert_true (dd_entity_save (DD_ENTITY (deputy), f->store, &error));
    g_assert_true (dd_backup_to_file (f->store, out, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_rows (out, "deputies"), ==, count_rows (f->path, "deputies"));

    copy = dd_store_open (out, DD_STORE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    problems = dd_store_check_integrity (copy, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (problems), ==, 0);
  }
}

static void
test_backup_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "copy.sqlite", NULL);

  g_cancellable_cancel (cancellable);
  g_assert_false (dd_backup_to_file (f->store, out, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* No half backup, no temporary file. */
  g_assert_cmpuint (count_entries (out_dir), ==, 0);
}

typedef struct
{
  GError   *error;
  gboolean  done;
} AsyncState;

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_true (dd_backup_to_file_finish (DD_STORE (source), result, &state->error));
  g_assert_no_error (state->error);
  state->done = TRUE;
}

static void
test_backup_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "async.sqlite", NULL);
  g_autofree char *source_dump = NULL;
  g_autofree char *copy_dump = NULL;
  AsyncState state = { NULL, FALSE };

  dd_backup_to_file_async (f->store, out, NULL, on_async_done, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  source_dump = dump_file (f->path);
  copy_dump = dump_file (out);
  g_assert_cmpstr (source_dump, ==, copy_dump);
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GPtrArray) list = NULL;
  static const char * const foreign[] = {
    "notes.txt", "deputy-desk-backup.sqlite", "deputy-desk-2026-13-40.sqlite",
    "deputy-desk-2020-01-01.sqlite.bak", "other-2020-01-01.sqlite",
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    {
      g_autofree char *path = g_build_filename (dir, foreign[i], NULL);
      g_assert_true (g_file_set_contents (path, "not ours", -1, NULL));
    }

  for (int day = 1; day <= 20; day++)
    {
      g_autofree char *now = g_strdup_printf ("2026-11-%02dT08:00:00", day);
      g_autofree char *made = NULL;
      g_autofree char *again = NULL;
      g_autofree char *expected_name = g_strdup_printf ("deputy-desk-2026-11-%02d.sqlite", day);
      g_autofree char *expected = g_build_filename (dir, expected_name, NULL);

      dd_store_set_frozen_time (f->store, now);
      g_assert_true (dd_backup_auto (f->store, dir, 5, &made, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (made, ==, expected);

      /* Once a day. */
      g_assert_true (dd_backup_auto (f->store, dir, 5, &again, &error));
      g_assert_no_error (error);
      g_assert_null (again);
    }

  list = dd_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 0; i < list->len; i++)
    {
      DdBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", 20 - i);
      GStatBuf st;

      g_assert_cmpstr (info->date, ==, date);
      g_assert_cmpint (g_stat (info->path, &st), ==, 0);
      g_assert_cmpint (info->size, ==, st.st_size);
      g_assert_cmpint (info->size, >, 0);
    }

  /* Foreign files untouched: 5 backups + 5 others. */
  g_assert_cmpuint (count_entries (dir), ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    {
      g_autofree char *path = g_build_filename (dir, foreign[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* Keeping fewer deletes the oldest. */
  g_assert_true (dd_backup_auto (f->store, dir, 2, NULL, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dd_backup_list (dir, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((DdBackupInfo *) g_ptr_array_index (list, 1))->date, ==, "2026-11-19");

  /* A missing folder lists nothing. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "none", NULL);
    g_autoptr(GPtrArray) empty = dd_backup_list (missing, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (empty->len, ==, 0);
  }
}

typedef struct
{
  GPtrArray *tables;
} ChangedLog;

static void
on_changed (DdStore    *store,
            const char *table,
            GArray     *ids,
            gpointer    user_data)
{
  ChangedLog *log = user_data;

  g_ptr_array_add (log->tables, g_strdup (table));
}

static void
assert_refused (Fixture      *f,
                const char   *file,
                int           code,
                const char   *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_file (f->path);
  g_autofree char *after = NULL;
  g_autofree char *safety_dir = g_build_filename (f->dir, "safety", NULL);
  g_autofree char *safety = NULL;

  g_assert_false (dd_backup_restore (f->store, file, safety_dir, &safety, &error));
  g_assert_error (error, DD_MODEL_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (safety);
  after = dump_file (f->path);
  g_assert_cmpstr (before, ==, after);
  /* Refused before anything was written, even a safety backup. */
  g_assert_false (g_file_test (safety_dir, G_FILE_TEST_EXISTS) && count_entries (safety_dir) > 0);
}

static void
test_restore_refuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.sqlite", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.sqlite", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.sqlite", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.sqlite", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.sqlite", NULL);
  g_autofree char *message = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (text, "姓名,层级\n王芳,county\n", -1, NULL));
  message = g_strdup_printf ("“%s” is not a Deputy Desk database: it is not an SQLite file at all", text);
  assert_refused (f, text, DD_MODEL_ERROR_NOT_A_DATABASE, message);
  g_clear_pointer (&message, g_free);

  sqlite_script (foreign, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);"
                          "INSERT INTO photos (name) VALUES ('a.jpg');");
  message = g_strdup_printf ("“%s” is an SQLite database of another program, not of Deputy Desk", foreign);
  assert_refused (f, foreign, DD_MODEL_ERROR_NOT_A_DATABASE, message);
  g_clear_pointer (&message, g_free);

  g_assert_true (dd_backup_to_file (f->store, newer, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  sqlite_script (newer, "PRAGMA user_version = 99;");
  message = g_strdup_printf ("“%s” was written by a newer version of Deputy Desk (schema 99; this "
                             "version reads up to %d). Update Deputy Desk to open it.",
                             newer, DD_STORE_SCHEMA_VERSION);
  assert_refused (f, newer, DD_MODEL_ERROR_NEWER_SCHEMA, message);
  g_clear_pointer (&message, g_free);

  /* Cut short: the header promises more pages than there are. */
  g_assert_true (dd_backup_to_file (f->store, damaged, NULL, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (damaged, contents, (gssize) length / 2, NULL));
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GSIZE_FORMAT, length);
    g_autofree char *actual = g_strdup_printf ("%" G_GSIZE_FORMAT, length / 2);

    message = g_strdup_printf ("“%s” is truncated: it should be %s bytes long but is %s",
                               damaged, expected, actual);
  }
  assert_refused (f, damaged, DD_MODEL_ERROR_CORRUPT, message);
  g_clear_pointer (&message, g_free);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  message = g_strdup_printf ("“%s” is empty: there is no Deputy Desk database in it yet", empty);
  assert_refused (f, empty, DD_MODEL_ERROR_NO_DATABASE, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("There is no database at “%s”", missing);
  assert_refused (f, missing, DD_MODEL_ERROR_NO_DATABASE, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("“%s” is the database in use; choose a backup of it instead", f->path);
  assert_refused (f, f->path, DD_MODEL_ERROR_INVALID, message);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "good.sqlite", NULL);
  g_autofree char *safety_dir = g_build_filename (f->dir, "safety", NULL);
  g_autofree char *safety = NULL;
  g_autofree char *backup_dump = NULL;
  g_autofree char *changed_dump = NULL;
  g_autofree char *restored_dump = NULL;
  g_autofree char *safety_dump = NULL;
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(DdStore) reader = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  ChangedLog log = { tables };
  gint64 deputies_before;

  g_assert_true (dd_backup_to_file (f->store, backup, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  backup_dump = dump_file (backup);
  deputies_before = count_rows (f->path, "deputies");

  /* Changes after the backup… */
  g_object_set (deputy, "name", "备份之后", "level", "county", "term", (gint64) 18, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), f->store, &error));
  g_assert_no_error (error);
  changed_dump = dump_file (f->path);
  g_assert_cmpstr (changed_dump, !=, backup_dump);

  /* …a reader open meanwhile… */
  reader = dd_store_open_reader (f->store, &error);
  g_assert_no_error (error);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &log);
  g_assert_true (dd_backup_restore (f->store, backup, safety_dir, &safety, &error));
  g_assert_no_error (error);

  /* …are gone; the safety backup holds them. */
  restored_dump = dump_file (f->path);
  g_assert_cmpstr (restored_dump, ==, backup_dump);
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_prefix (safety, safety_dir));
  safety_dump = dump_file (safety);
  g_assert_cmpstr (safety_dump, ==, changed_dump);
  g_assert_cmpint (count_rows (f->path, "deputies"), ==, deputies_before);

  /* The views were told, once per table. */
  g_assert_true (g_ptr_array_find_with_equal_func (tables, "deputies", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (tables, "suggestions", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (tables, "suggestions_fts", g_str_equal, NULL));

  /* The store and the reader read the restored content. */
  {
    g_autoptr(DdDeputy) gone = dd_deputy_load (f->store, dd_entity_get_id (DD_ENTITY (deputy)), &error);

    g_assert_null (gone);
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND);
    g_clear_error (&error);
    gone = dd_deputy_load (reader, dd_entity_get_id (DD_ENTITY (deputy)), &error);
    g_assert_null (gone);
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Only the safety backup is left in its folder: no temporary copy (the
   * -wal and -shm files beside it are this test's reading connection's). */
  {
    g_autoptr(GDir) handle = g_dir_open (safety_dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      g_assert_true (g_str_has_prefix (name, "deputy-desk-before-restore-"));
  }
  g_signal_handlers_disconnect_by_func (f->store, on_changed, &log);
}

/* A file of an older schema is upgraded on its way in. */
static void
test_restore_older_schema (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "v2.sqlite", NULL);
  g_autofree char *safety_dir = g_build_filename (f->dir, "safety", NULL);
  g_autofree char *old_bytes_before = NULL;
  g_autofree char *old_bytes_after = NULL;
  gsize len_before = 0, len_after = 0;
  g_autoptr(DdStore) v2 = NULL;
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();

  v2 = dd_store_open_with_migrations (old, DD_STORE_OPEN_CREATE, dd_schema_migrations, 2, &error);
  g_assert_no_error (error);
  g_object_set (deputy, "name", "旧版本", "level", "township", "term", (gint64) 12, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), v2, &error));
  g_clear_object (&v2);
  g_assert_true (g_file_get_contents (old, &old_bytes_before, &len_before, NULL));

  g_assert_true (dd_backup_restore (f->store, old, safety_dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dd_store_get_schema_version (f->store), ==, DD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f->path, "deputies"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "exchange_origins"), ==, 0);

  /* The file restored from is not written. */
  g_assert_true (g_file_get_contents (old, &old_bytes_after, &len_after, NULL));
  g_assert_cmpmem (old_bytes_before, len_before, old_bytes_after, len_after);
}

static void
test_network_fs (void)
{
  g_autofree char *fs = NULL;
  g_autofree char *tmp = g_build_filename (g_get_tmp_dir (), "no-such-folder", "x.sqlite", NULL);

  /* The temporary folder is local here; a file not yet made is judged by its folder. */
  g_assert_false (dd_store_is_on_network_fs (g_get_tmp_dir (), &fs));
  g_assert_null (fs);
  g_assert_false (dd_store_is_on_network_fs (tmp, &fs));
  g_assert_null (fs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/equals-source", Fixture, "demo", fixture_setup, test_backup_equals_source, fixture_teardown);
  g_test_add ("/backup/cancelled", Fixture, "demo", fixture_setup, test_backup_cancelled, fixture_teardown);
  g_test_add ("/backup/async", Fixture, "demo", fixture_setup, test_backup_async, fixture_teardown);
  g_test_add ("/backup/rotation", Fixture, NULL, fixture_setup, test_rotation, fixture_teardown);
  g_test_add ("/backup/restore-refuses", Fixture, "demo", fixture_setup, test_restore_refuses, fixture_teardown);
  g_test_add ("/backup/restore", Fixture, "demo", fixture_setup, test_restore, fixture_teardown);
  g_test_add ("/backup/restore-older-schema", Fixture, NULL, fixture_setup, test_restore_older_schema, fixture_teardown);
  g_test_add_func ("/backup/network-fs", test_network_fs);

  return g_test_run ();
}
