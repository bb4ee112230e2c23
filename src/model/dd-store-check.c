/* dd-store-check.c: opening a database only to read it, and checking it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-store-check"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dd-model-error.h"
#include "dd-store-check.h"
#include "dd-store-private.h"

/* Enough lines to see what is wrong without flooding a terminal. */
#define MAX_PROBLEMS 100

void
dd_table_rows_free (DdTableRows *rows)
{
  if (rows == NULL)
    return;
  g_free (rows->table);
  g_free (rows);
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * dd_store_file_is_blank:
 * @path: a file name
 *
 * Whether @path is a file dd_store_open() would initialise rather than
 * read: an empty file, or an SQLite file with no tables and no version.
 * The file is opened read-only and never written. A missing file, a file
 * that is not SQLite, or a damaged one is not blank.
 *
 * Returns: %TRUE if @path holds nothing to read
 */
gboolean
dd_store_file_is_blank (const char *path)
{
  GStatBuf st;
  g_autofree char *wal = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = -1, version = -1, n_objects = -1;
  gboolean blank;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  if (st.st_size == 0)
    return TRUE;

  /* Same read-only, replay-nothing open as the store's own inspection. */
  wal = g_strconcat (path, "-wal", NULL);
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                         g_file_test (wal, G_FILE_TEST_EXISTS) ? "" : "&immutable=1");
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return FALSE;
    }

  blank = query_int (db, "PRAGMA application_id", &app_id) &&
          query_int (db, "PRAGMA user_version", &version) &&
          query_int (db, "SELECT count(*) FROM sqlite_master", &n_objects) &&
          app_id != DD_STORE_APPLICATION_ID && version == 0 && n_objects == 0;
  sqlite3_close (db);
  return blank;
}

/**
 * dd_store_open_existing:
 * @path: the database file
 *
 * Opens an existing Deputy Desk database, for tools that only read it.
 * Unlike dd_store_open() with %DD_STORE_OPEN_EXISTING, an empty file is
 * refused instead of being given a schema, so that reading never leaves a
 * new database behind. Everything dd_store_open() refuses is refused too.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 *   (%DD_MODEL_ERROR_NO_DATABASE for a missing or empty file)
 */
DdStore *
dd_store_open_existing (const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (dd_store_file_is_blank (path))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NO_DATABASE,
                   _("“%s” is empty: there is no Deputy Desk database in it yet"), path);
      return NULL;
    }
  return dd_store_open (path, DD_STORE_OPEN_EXISTING, error);
}

/* Runs a pragma whose rows are problems, or a single "ok". */
static GStrv
collect_problems (DdStore     *self,
                  const char  *sql,
                  int          n_columns,
                  GError     **error)
{
  sqlite3 *db = dd_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);

      rc = SQLITE_OK;  /* a row: go on stepping */
      for (int i = 0; i < n_columns; i++)
        {
          const char *text = dd_column_text (stmt, i);

          if (i > 0)
            g_string_append (line, " ");
          g_string_append (line, text != NULL ? text : "-");
        }
      if (n_columns == 1 && g_str_equal (line->str, "ok"))
        g_string_free (line, TRUE);
      else if (problems->len < MAX_PROBLEMS)
        g_ptr_array_add (problems, g_string_free (line, FALSE));
      else
        g_string_free (line, TRUE);
    }
  if (rc != SQLITE_DONE)
    {
      dd_error_from_sqlite (error, db, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  g_ptr_array_add (problems, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&problems), FALSE);
}

/**
 * dd_store_check_integrity:
 * @full: run SQLite's integrity_check (reads every index) instead of the
 *   faster quick_check
 *
 * Returns: (transfer full): the problems SQLite found, an empty vector if
 *   none, or %NULL with @error set if the check could not run
 */
GStrv
dd_store_check_integrity (DdStore   *self,
                          gboolean   full,
                          GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DD_IS_STORE (self), NULL);

  sql = g_strdup_printf ("PRAGMA %s(%d)", full ? "integrity_check" : "quick_check", MAX_PROBLEMS);
  return collect_problems (self, sql, 1, error);
}

/**
 * dd_store_check_foreign_keys:
 *
 * Returns: (transfer full): one line per row whose reference points
 *   nowhere ("table rowid parent"), an empty vector if none, or %NULL with
 *   @error set
 */
GStrv
dd_store_check_foreign_keys (DdStore  *self,
                             GError  **error)
{
  g_return_val_if_fail (DD_IS_STORE (self), NULL);

  /* Columns: table, rowid, parent table, foreign key index. */
  return collect_problems (self, "PRAGMA foreign_key_check", 3, error);
}

/**
 * dd_store_count_rows:
 *
 * Returns: (transfer full) (element-type DdTableRows): every table of the
 *   database (SQLite's own excepted) with its row count, by name, or %NULL
 *   with @error set
 */
GPtrArray *
dd_store_count_rows (DdStore  *self,
                     GError  **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (self), NULL);

  db = dd_store_get_db (self);
  tables = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_table_rows_free);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT name FROM sqlite_master WHERE type = 'table' "
                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DdTableRows *rows = g_new0 (DdTableRows, 1);

      rc = SQLITE_OK;  /* a row: go on stepping */
      rows->table = g_strdup (dd_column_text (stmt, 0));
      g_ptr_array_add (tables, rows);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_error_from_sqlite (error, db, rc);
      return NULL;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      DdTableRows *rows = g_ptr_array_index (tables, i);
      /* A table name cannot be bound; %w quotes it as an identifier. */
      char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", rows->table);

      stmt = NULL;
      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      sqlite3_free (sql);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        rows->rows = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        {
          dd_error_from_sqlite (error, db, rc);
          return NULL;
        }
    }

  return g_steal_pointer (&tables);
}
