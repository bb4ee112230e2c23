/* test-store.c: opening, refusing, migrating, transactions, signals, audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/stat.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-deputy.h"
#include "dd-model-error.h"
#include "dd-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dd-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "folder", "desk.sqlite", NULL);
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
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
count_rows (DdStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static DdDeputy *
make_deputy (const char *name)
{
  DdDeputy *deputy = dd_deputy_new ();

  g_object_set (deputy, "name", name, "level", "county", "term", (gint64) 18, NULL);
  return deputy;
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
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdDeputy) deputy = make_deputy ("王芳");
  g_autoptr(DdDeputy) loaded = NULL;
  GStatBuf st;
  gint64 id;

  store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_store_get_schema_version (store), ==, DD_STORE_SCHEMA_VERSION);
  g_assert_null (dd_store_get_migration_backup (store));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_no_error (error);
  id = dd_entity_get_id (DD_ENTITY (deputy));
  g_assert_cmpint (id, >, 0);
  g_clear_object (&store);

  store = dd_store_open (f->path, DD_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  loaded = dd_deputy_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dd_deputy_get_name (loaded), ==, "王芳");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (loaded), "code"), ==, "D000001");
  g_assert_cmpint (dd_deputy_get_person_id (loaded), ==, id);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_open (f->path, DD_STORE_OPEN_EXISTING, &error);

  g_assert_null (store);
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NO_DATABASE);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, DD_MODEL_ERROR, code);
  if (strstr (error->message, path) == NULL)
    g_error ("the message does not name the file: %s", error->message);
  assert_untouched (path, before);
}

static void
test_refuse_text_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (path, "姓名,层级\n王芳,county\n", -1, NULL));
  assert_refused (path, DD_MODEL_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_other_sqlite (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.sqlite", NULL);

  sqlite_script (path, "PRAGMA journal_mode = DELETE; CREATE TABLE photos (id INTEGER, file TEXT);"
                       "INSERT INTO photos VALUES (1, 'a.jpg');");
  assert_refused (path, DD_MODEL_ERROR_NOT_A_DATABASE);
}

/* A database of schema @version of @migrations, with @n_deputies deputies. */
static void
make_database (const char          *path,
               int                  n_deputies,
               const char * const  *migrations,
               int                  version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_open_with_migrations (path, DD_STORE_OPEN_CREATE,
                                                            migrations, version, &error);

  g_assert_no_error (error);
  for (int i = 0; i < n_deputies; i++)
    {
      g_autofree char *name = g_strdup_printf ("代表%04d", i);
      g_autoptr(DdDeputy) deputy = make_deputy (name);

      g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
    }
  /* Closing the last connection checkpoints and removes the WAL. */
}

static void
make_real_database (const char *path,
                    int         n_deputies)
{
  make_database (path, n_deputies, dd_schema_migrations, DD_STORE_SCHEMA_VERSION);
}

static void
test_refuse_truncated (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cut.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  make_real_database (path, 200);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, len / 2, NULL));
  assert_refused (path, DD_MODEL_ERROR_CORRUPT);

  /* Cut inside the header too. */
  g_assert_true (g_file_set_contents (path, contents, 60, NULL));
  assert_refused (path, DD_MODEL_ERROR_CORRUPT);
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "broken.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  make_real_database (path, 200);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* Scribble over every page after the first: the schema page survives, the rest not. */
  for (gsize i = 4096; i < len; i += 7)
    contents[i] = (char) (i * 31);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  assert_refused (path, DD_MODEL_ERROR_CORRUPT);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "future.sqlite", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", DD_STORE_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = NULL;

  make_real_database (path, 3);
  sqlite_script (path, sql);
  {
    g_autoptr(GBytes) before = read_bytes (path);

    store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
    g_assert_null (store);
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NEWER_SCHEMA);
    g_assert_nonnull (strstr (error->message, "newer"));
    assert_untouched (path, before);
  }
}

static void
test_empty_file_is_initialised (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = dd_store_open (path, DD_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_store_get_schema_version (store), ==, DD_STORE_SCHEMA_VERSION);
}

static void
test_migrate_with_backup (Fixture       *f,
                          gconstpointer  data)
{
  /* Version 1 as shipped, and a version 2 that a later release might add
   * (the upgrade machinery, not this build's own version 2). */
  const char * const v1[] = {
    NULL,
    dd_schema_migrations[1],
  };
  const char * const v2[] = {
    NULL,
    dd_schema_migrations[1],
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
    "INSERT INTO notes (text) SELECT name FROM deputies;",
  };
  const char * const broken_v2[] = {
    NULL,
    dd_schema_migrations[1],
    "CREATE TABLE notes (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);",
  };
  g_autofree char *path = g_build_filename (f->dir, "old.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdStore) backup = NULL;

  make_database (path, 5, v1, 1);

  /* A failing upgrade rolls back: still version 1, no notes table. */
  store = dd_store_open_with_migrations (path, DD_STORE_OPEN_EXISTING, broken_v2, 2, &error);
  g_assert_null (store);
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_FAILED);
  g_clear_error (&error);
  store = dd_store_open_with_migrations (path, DD_STORE_OPEN_EXISTING, v1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_store_get_schema_version (store), ==, 1);
  g_clear_object (&store);

  store = dd_store_open_with_migrations (path, DD_STORE_OPEN_EXISTING, v2, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_store_get_schema_version (store), ==, 2);
  g_assert_cmpint (count_rows (store, "notes"), ==, 5);
  g_assert_nonnull (dd_store_get_migration_backup (store));

  /* The backup is the version-1 file as it was, openable as such. */
  backup = dd_store_open_with_migrations (dd_store_get_migration_backup (store),
                                          DD_STORE_OPEN_EXISTING, v1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_store_get_schema_version (backup), ==, 1);
  g_assert_cmpint (count_rows (backup, "deputies"), ==, 5);
}

typedef struct
{
  DdDeputy *deputy;
  gboolean  fail;
} WriteData;

static gboolean
save_then_maybe_fail (DdStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  WriteData *data = user_data;

  if (!dd_entity_save (DD_ENTITY (data->deputy), store, error))
    return FALSE;
  if (data->fail)
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_FAILED, "injected failure");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint  n_emissions;
  char  *table;
  GArray *ids;
} ChangeLog;

static void
on_changed (DdStore    *store,
            const char *table,
            GArray     *ids,
            ChangeLog  *log)
{
  log->n_emissions++;
  g_free (log->table);
  log->table = g_strdup (table);
  g_clear_pointer (&log->ids, g_array_unref);
  log->ids = g_array_ref (ids);
}

static void
test_rollback_leaves_no_trace (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_autoptr(DdDeputy) deputy = make_deputy ("李强");
  WriteData write = { deputy, TRUE };
  ChangeLog log = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &log);
  g_assert_false (dd_store_write (store, save_then_maybe_fail, &write, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_FAILED);
  g_assert_cmpint (count_rows (store, "deputies"), ==, 0);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, 0);
  g_assert_cmpuint (log.n_emissions, ==, 0);
  g_assert_false (dd_store_in_transaction (store));

  /* The same store writes normally afterwards. */
  g_clear_error (&error);
  write.fail = FALSE;
  g_assert_true (dd_store_write (store, save_then_maybe_fail, &write, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "deputies"), ==, 1);
  g_free (log.table);
  g_clear_pointer (&log.ids, g_array_unref);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputy) deputy = make_deputy ("张伟");
  ChangeLog log = { 0 };

  g_signal_connect (store, "changed::deputies", G_CALLBACK (on_changed), &log);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpstr (log.table, ==, "deputies");
  g_assert_cmpuint (log.ids->len, ==, 1);
  g_assert_cmpint (g_array_index (log.ids, gint64, 0), ==, dd_entity_get_id (DD_ENTITY (deputy)));

  /* Saving without a change writes nothing and says nothing. */
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_cmpuint (log.n_emissions, ==, 1);

  g_object_set (deputy, "constituency", "第三选区", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_cmpuint (log.n_emissions, ==, 2);

  g_assert_true (dd_entity_delete (DD_ENTITY (deputy), store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 3);
  g_assert_cmpint (count_rows (store, "deputies"), ==, 0);

  g_free (log.table);
  g_clear_pointer (&log.ids, g_array_unref);
}

static void
test_audit_entries (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputy) deputy = make_deputy ("赵敏");
  sqlite3_stmt *stmt;
  gint64 before;

  dd_store_set_operator (store, "办公室小刘");
  dd_store_set_frozen_time (store, "2025-03-01T09:30:00");
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_no_error (error);
  /* person-id and code (given at insert), name, level, term, status (the fallback "active") */
  g_assert_cmpint (count_rows (store, "audit_log"), ==, 6);

  before = count_rows (store, "audit_log");
  g_object_set (deputy, "level", "city", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_cmpint (count_rows (store, "audit_log"), ==, before + 1);

  stmt = dd_store_prepare (store,
                           "SELECT changed_at, operator, entity, entity_id, field, old_value, new_value "
                           "FROM audit_log ORDER BY id DESC LIMIT 1", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (dd_column_text (stmt, 0), ==, "2025-03-01T09:30:00");
  g_assert_cmpstr (dd_column_text (stmt, 1), ==, "办公室小刘");
  g_assert_cmpstr (dd_column_text (stmt, 2), ==, "deputies");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, dd_entity_get_id (DD_ENTITY (deputy)));
  g_assert_cmpstr (dd_column_text (stmt, 4), ==, "level");
  g_assert_cmpstr (dd_column_text (stmt, 5), ==, "county");
  g_assert_cmpstr (dd_column_text (stmt, 6), ==, "city");
  sqlite3_reset (stmt);

  /* No operator set: the OS user name. */
  dd_store_set_operator (store, NULL);
  g_assert_cmpstr (dd_store_get_operator (store), ==, g_get_user_name ());
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DdStore **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dd_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (Fixture       *f,
                 gconstpointer  data)
{
  DdStore *store = NULL;

  dd_store_open_async (f->path, DD_STORE_OPEN_CREATE, NULL, on_opened, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (dd_store_get_path (store), ==, f->path);
  g_assert_finalize_object (store);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *source = g_build_filename (f->dir, "source.sqlite", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdStore) restored = NULL;
  GStatBuf st;

  make_real_database (source, 10);
  store = dd_store_open (source, DD_STORE_OPEN_EXISTING, &error);
  g_assert_true (dd_store_backup_to (store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  restored = dd_store_open (copy, DD_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (restored, "deputies"), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/create-and-reopen", test_create_and_reopen);
  ADD ("/store/missing-file", test_missing_file);
  ADD ("/store/refuse/text-file", test_refuse_text_file);
  ADD ("/store/refuse/other-sqlite", test_refuse_other_sqlite);
  ADD ("/store/refuse/truncated", test_refuse_truncated);
  ADD ("/store/refuse/corrupt", test_refuse_corrupt);
  ADD ("/store/refuse/newer-schema", test_refuse_newer);
  ADD ("/store/empty-file", test_empty_file_is_initialised);
  ADD ("/store/migrate-with-backup", test_migrate_with_backup);
  ADD ("/store/rollback", test_rollback_leaves_no_trace);
  ADD ("/store/changed-signal", test_changed_signal);
  ADD ("/store/audit", test_audit_entries);
  ADD ("/store/open-async", test_open_async);
  ADD ("/store/backup", test_backup);
#undef ADD

  return g_test_run ();
}
