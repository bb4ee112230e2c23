/* dd-store.c: opening, migrating and writing the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-store"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dd-fts.h"
#include "dd-model-error.h"
#include "dd-store-private.h"
#include "dd-utils.h"

struct _DdStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *migration_backup;
  char        *operator_name;
  char        *frozen_time;
  GHashTable  *statements;      /* SQL text → sqlite3_stmt* */
  guint        transaction_depth;
  /* Changes of the running transaction: table → GArray of gint64 ids, in order. */
  GHashTable  *pending;
  GPtrArray   *pending_order;
  GArray      *rollback_hooks;  /* RollbackHook, run if the transaction is undone */
};

typedef struct
{
  GFunc          func;
  gpointer       data;
  GDestroyNotify destroy;
} RollbackHook;

G_DEFINE_FINAL_TYPE (DdStore, dd_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_OPERATOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char sqlite_magic[16] = "SQLite format 3";

/* Helpers */

void
dd_error_from_sqlite (GError  **error,
                      sqlite3  *db,
                      int       rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  DdModelError code;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = DD_MODEL_ERROR_CONSTRAINT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = DD_MODEL_ERROR_BUSY;
      break;
    case SQLITE_CORRUPT:
      code = DD_MODEL_ERROR_CORRUPT;
      break;
    case SQLITE_NOTADB:
      code = DD_MODEL_ERROR_NOT_A_DATABASE;
      break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = DD_MODEL_ERROR_IO;
      break;
    default:
      code = DD_MODEL_ERROR_FAILED;
      break;
    }

  switch (code)
    {
    case DD_MODEL_ERROR_BUSY:
      g_set_error (error, DD_MODEL_ERROR, code,
                   _("The database is in use by another program; try again in a moment (%s)"),
                   detail);
      break;
    case DD_MODEL_ERROR_CORRUPT:
      g_set_error (error, DD_MODEL_ERROR, code,
                   _("The database file is damaged (%s)"), detail);
      break;
    case DD_MODEL_ERROR_IO:
      g_set_error (error, DD_MODEL_ERROR, code,
                   _("The database file could not be read or written (%s)"), detail);
      break;
    case DD_MODEL_ERROR_CONSTRAINT:
      g_set_error (error, DD_MODEL_ERROR, code,
                   _("The database refused the change (%s)"), detail);
      break;
    default:
      g_set_error (error, DD_MODEL_ERROR, code, _("Database error: %s"), detail);
      break;
    }
}

void
dd_store_configure_connection (sqlite3 *db)
{
  /* One place for every connection's settings, the UI's and the workers'. */
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_exec (db,
                "PRAGMA foreign_keys = ON;"
                "PRAGMA journal_mode = WAL;"
                "PRAGMA synchronous = FULL;",
                NULL, NULL, NULL);
  /* suggestions_fts cannot be read or written without its tokenizer. */
  if (dd_fts_register (db) != SQLITE_OK)
    g_warning ("Could not register the search tokenizer: %s", sqlite3_errmsg (db));
}

void
dd_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
dd_column_text (sqlite3_stmt *stmt,
                int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static gboolean
read_header (const char  *path,
             guint8      *header,
             gsize        header_len,
             goffset     *file_size,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize n_read = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a regular file"), path);
      return FALSE;
    }

  *file_size = g_file_info_get_size (info);
  memset (header, 0, header_len);
  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return FALSE;

  return g_input_stream_read_all (G_INPUT_STREAM (in), header, header_len, &n_read, NULL, error);
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  dd_error_from_sqlite (error, db, rc);
  sqlite3_finalize (stmt);
  return FALSE;
}

/* Looks at an existing file without writing a byte of it: is it a Deputy Desk
 * database this build can open? Returns its schema version (0 for an empty file). */
static gboolean
inspect_existing_file (const char  *path,
                       int          latest,
                       int         *out_version,
                       GError     **error)
{
  guint8 header[100];
  goffset size = 0;
  guint32 page_size, page_count;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0, n_tables = 0;
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_version = 0;
  if (!read_header (path, header, sizeof header, &size, error))
    return FALSE;

  if (size == 0)
    return TRUE;  /* an empty file is an empty database to SQLite too */

  if (memcmp (header, sqlite_magic, MIN ((gsize) size, sizeof sqlite_magic)) != 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Deputy Desk database: it is not an SQLite file at all"),
                   path);
      return FALSE;
    }

  if (size < (goffset) sizeof header)
    {
      g_autofree char *bytes = g_strdup_printf ("%" G_GOFFSET_FORMAT, size);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CORRUPT,
                   _("“%s” is truncated: only %s bytes are left of it"), path, bytes);
      return FALSE;
    }

  /* The header says how many pages the file holds; fewer on disk means it was cut short. */
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = ((guint32) header[28] << 24) | (header[29] << 16) | (header[30] << 8) | header[31];
  if (page_size >= 512 && page_count > 0 && (goffset) page_size * page_count > size)
    {
      g_autofree char *expected = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) page_size * page_count);
      g_autofree char *actual = g_strdup_printf ("%" G_GOFFSET_FORMAT, size);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CORRUPT,
                   _("“%s” is truncated: it should be %s bytes long but is %s"),
                   path, expected, actual);
      return FALSE;
    }

  /* Read-only, and immutable unless a WAL file exists beside it, so that no
   * journal or shared-memory file is created and nothing is replayed. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

    uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                           g_file_test (wal, G_FILE_TEST_EXISTS) ? "" : "&immutable=1");
  }
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_failed;
  /* From SQLite 3.44 the integrity checks read FTS5 tables, which needs their tokenizer. */
  dd_fts_register (db);

  if (!query_int (db, "PRAGMA application_id", &app_id, error) ||
      !query_int (db, "PRAGMA user_version", &version, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    {
      g_prefix_error (error, _("“%s” cannot be opened: "), path);
      goto failed;
    }

  if (app_id != DD_STORE_APPLICATION_ID)
    {
      if (n_tables == 0 && version == 0)
        {
          sqlite3_close (db);
          return TRUE;  /* an empty SQLite file: ours to initialise */
        }
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not of Deputy Desk"),
                   path);
      goto failed;
    }

  if (version > latest)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Deputy Desk (schema %d; this "
                     "version reads up to %d). Update Deputy Desk to open it."),
                   path, (int) version, latest);
      goto failed;
    }

  if (version < 1)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CORRUPT,
                   _("“%s” is marked as a Deputy Desk database but has no schema version"), path);
      goto failed;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    goto sqlite_failed;
  if (g_strcmp0 (dd_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), path, dd_column_text (stmt, 0));
      goto failed;
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  *out_version = (int) version;
  return TRUE;

sqlite_failed:
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CORRUPT,
                 _("“%s” is damaged: SQLite cannot read it (%s)"), path, sqlite3_errstr (rc));
  else
    {
      dd_error_from_sqlite (error, db, rc);
      g_prefix_error (error, "%s: ", path);
    }
failed:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return FALSE;
}

static gboolean
create_empty_file (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Created here, not by SQLite, so that it is private to the user (0600);
   * SQLite gives its -wal and -shm files the same mode. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_IO,
                   _("Could not create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

static gboolean
migrate (DdStore             *self,
         const char * const  *migrations,
         int                  latest,
         int                  from_version,
         GError             **error)
{
  for (int v = from_version + 1; v <= latest; v++)
    {
      g_autofree char *set_version = NULL;

      if (!dd_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     v, DD_STORE_APPLICATION_ID);
      if (!dd_store_exec (self, migrations[v], error) ||
          !dd_store_exec (self, set_version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "), v);
          return FALSE;
        }

      if (!dd_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
make_migration_backup_path (const char *path,
                            int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.schema%d-%s.bak", path, version, stamp);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
flush_pending (DdStore *self)
{
  g_autoptr(GPtrArray) order = g_steal_pointer (&self->pending_order);
  g_autoptr(GHashTable) pending = g_steal_pointer (&self->pending);

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  self->pending_order = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < order->len; i++)
    {
      const char *table = g_ptr_array_index (order, i);
      GArray *ids = g_hash_table_lookup (pending, table);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, ids);
    }
}

static void
drop_pending (DdStore *self)
{
  g_hash_table_remove_all (self->pending);
  g_ptr_array_set_size (self->pending_order, 0);
}

static void
finish_rollback_hooks (DdStore  *self,
                       gboolean  rolled_back)
{
  g_autoptr(GArray) hooks = g_steal_pointer (&self->rollback_hooks);

  self->rollback_hooks = g_array_new (FALSE, FALSE, sizeof (RollbackHook));
  for (guint i = 0; i < hooks->len; i++)
    {
      RollbackHook *hook = &g_array_index (hooks, RollbackHook, i);

      if (rolled_back)
        hook->func (hook->data, self);
      if (hook->destroy != NULL)
        hook->destroy (hook->data);
    }
}

/**
 * dd_store_on_rollback:
 * Calls @func (@data, store) if the running transaction is rolled back, so
 * that objects can forget what the undone writes gave them (an id …).
 */
void
dd_store_on_rollback (DdStore        *self,
                      GFunc           func,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  RollbackHook hook = { func, data, destroy };

  g_array_append_val (self->rollback_hooks, hook);
}

/* GObject */

static void
dd_store_dispose (GObject *object)
{
  DdStore *self = DD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  G_OBJECT_CLASS (dd_store_parent_class)->dispose (object);
}

static void
dd_store_finalize (GObject *object)
{
  DdStore *self = DD_STORE (object);

  g_free (self->path);
  g_free (self->migration_backup);
  g_free (self->operator_name);
  g_free (self->frozen_time);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->pending_order, g_ptr_array_unref);
  g_clear_pointer (&self->rollback_hooks, g_array_unref);

  G_OBJECT_CLASS (dd_store_parent_class)->finalize (object);
}

static void
dd_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  DdStore *self = DD_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_OPERATOR:
      g_value_set_string (value, self->operator_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  DdStore *self = DD_STORE (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      dd_store_set_operator (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_store_class_init (DdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dd_store_dispose;
  object_class->finalize = dd_store_finalize;
  object_class->get_property = dd_store_get_property;
  object_class->set_property = dd_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdStore::changed:
   * @table: the table written, e.g. "deputies" (also the signal's detail)
   * @ids: (element-type gint64): the ids of the rows added, changed or removed
   *
   * Emitted after a transaction commits, once per table it wrote.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ARRAY);
}

static void
dd_store_init (DdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  self->pending_order = g_ptr_array_new_with_free_func (g_free);
  self->rollback_hooks = g_array_new (FALSE, FALSE, sizeof (RollbackHook));
  self->operator_name = g_strdup (g_get_user_name ());
}

/* Public API */

/**
 * dd_store_dup_default_path:
 * Returns: (transfer full): `$XDG_DATA_HOME/deputy-desk/deputy-desk.sqlite`
 */
char *
dd_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "deputy-desk", "deputy-desk.sqlite", NULL);
}

static DdStore *
open_connection (const char  *filename,
                 int          sqlite_flags,
                 GError     **error)
{
  g_autoptr(DdStore) self = g_object_new (DD_TYPE_STORE, NULL);
  int rc;

  rc = sqlite3_open_v2 (filename, &self->db, sqlite_flags, NULL);
  if (rc != SQLITE_OK)
    {
      dd_error_from_sqlite (error, self->db, rc);
      return NULL;
    }
  dd_store_configure_connection (self->db);
  return g_steal_pointer (&self);
}

/**
 * dd_store_open:
 * @path: the database file
 * @flags: whether a missing file may be created
 *
 * Opens a Deputy Desk database, creating or upgrading its schema. A file that
 * is not a Deputy Desk database, is damaged, or was written by a newer
 * version is refused and left untouched. Before an upgrade the file is
 * copied with the backup API (see dd_store_get_migration_backup()).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DdStore *
dd_store_open (const char        *path,
               DdStoreOpenFlags   flags,
               GError           **error)
{
  return dd_store_open_with_migrations (path, flags, dd_schema_migrations,
                                        DD_STORE_SCHEMA_VERSION, error);
}

DdStore *
dd_store_open_with_migrations (const char          *path,
                               DdStoreOpenFlags     flags,
                               const char * const  *migrations,
                               int                  latest,
                               GError             **error)
{
  g_autoptr(DdStore) self = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!inspect_existing_file (path, latest, &version, error))
        return NULL;
    }
  else if (flags & DD_STORE_OPEN_CREATE)
    {
      if (!create_empty_file (path, error))
        return NULL;
    }
  else
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NO_DATABASE,
                   _("There is no database at “%s”"), path);
      return NULL;
    }

  self = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (self == NULL)
    return NULL;
  self->path = g_strdup (path);

  if (version > 0 && version < latest)
    {
      g_autofree char *backup = make_migration_backup_path (path, version);

      if (!dd_store_backup_to (self, backup, error))
        {
          g_prefix_error (error, _("Could not back up the database before upgrading it: "));
          return NULL;
        }
      self->migration_backup = g_steal_pointer (&backup);
    }

  if (!migrate (self, migrations, latest, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  DdStoreOpenFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "flags"));
  GError *error = NULL;
  DdStore *store = dd_store_open (path, flags, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * dd_store_open_async:
 * Runs dd_store_open() in a worker thread: the integrity check of a large
 * file takes longer than a frame.
 */
void
dd_store_open_async (const char          *path,
                     DdStoreOpenFlags     flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, dd_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "flags", GUINT_TO_POINTER (flags));
  g_task_run_in_thread (task, open_thread);
}

DdStore *
dd_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * dd_store_new_in_memory:
 * Returns: (transfer full): an empty store in memory, for tests and dry runs
 */
DdStore *
dd_store_new_in_memory (GError **error)
{
  g_autoptr(DdStore) self = open_connection (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                             error);

  if (self == NULL ||
      !migrate (self, dd_schema_migrations, DD_STORE_SCHEMA_VERSION, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * dd_store_open_reader:
 * Opens a second, read-only connection to the same file, for a worker
 * thread that aggregates while the UI keeps the main connection. A store in
 * memory cannot be shared: it returns a new reference to @self instead.
 *
 * Returns: (transfer full): the reader
 */
DdStore *
dd_store_open_reader (DdStore  *self,
                      GError  **error)
{
  g_autoptr(DdStore) reader = NULL;

  g_return_val_if_fail (DD_IS_STORE (self), NULL);

  if (self->path == NULL)
    return g_object_ref (self);

  reader = open_connection (self->path, SQLITE_OPEN_READONLY, error);
  if (reader == NULL)
    return NULL;
  reader->path = g_strdup (self->path);
  dd_store_set_frozen_time (reader, self->frozen_time);
  return g_steal_pointer (&reader);
}

const char *
dd_store_get_path (DdStore *self)
{
  g_return_val_if_fail (DD_IS_STORE (self), NULL);
  return self->path;
}

int
dd_store_get_schema_version (DdStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (DD_IS_STORE (self), 0);
  query_int (self->db, "PRAGMA user_version", &version, NULL);
  return (int) version;
}

/**
 * dd_store_get_migration_backup:
 * Returns: (nullable): the copy made before this open upgraded the schema
 */
const char *
dd_store_get_migration_backup (DdStore *self)
{
  g_return_val_if_fail (DD_IS_STORE (self), NULL);
  return self->migration_backup;
}

const char *
dd_store_get_operator (DdStore *self)
{
  g_return_val_if_fail (DD_IS_STORE (self), NULL);
  return self->operator_name;
}

/**
 * dd_store_set_operator:
 * @operator_name: (nullable): who is writing; %NULL or "" means the OS user
 */
void
dd_store_set_operator (DdStore    *self,
                       const char *operator_name)
{
  g_return_if_fail (DD_IS_STORE (self));

  if (operator_name == NULL || operator_name[0] == '\0')
    operator_name = g_get_user_name ();
  if (dd_set_str (&self->operator_name, operator_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

/**
 * dd_store_set_frozen_time:
 * @iso_time: (nullable): `YYYY-MM-DDTHH:MM:SS` to stamp every write with, or
 *   %NULL for the clock. The demo generator uses it to be reproducible.
 */
void
dd_store_set_frozen_time (DdStore    *self,
                          const char *iso_time)
{
  g_return_if_fail (DD_IS_STORE (self));
  dd_set_str (&self->frozen_time, iso_time);
}

char *
dd_store_dup_now (DdStore *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->frozen_time != NULL)
    return g_strdup (self->frozen_time);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

char *
dd_store_dup_today (DdStore *self)
{
  g_autofree char *now = dd_store_dup_now (self);

  return g_strndup (now, 10);
}

sqlite3 *
dd_store_get_db (DdStore *self)
{
  return self->db;
}

gboolean
dd_store_set_error (DdStore  *self,
                    int       rc,
                    GError  **error)
{
  dd_error_from_sqlite (error, self->db, rc);
  return FALSE;
}

/**
 * dd_store_prepare:
 * Returns: (transfer none): a cached statement, reset and with no bindings
 */
sqlite3_stmt *
dd_store_prepare (DdStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      dd_store_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
dd_store_exec (DdStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return dd_store_set_error (self, rc, error);
  return TRUE;
}

/* Steps a statement that returns no rows, then resets it. */
gboolean
dd_store_step_done (DdStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      dd_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * dd_store_note_change:
 * Records that @table's row @id changed; ::changed is emitted for it after
 * the running transaction commits, and never if it rolls back.
 */
void
dd_store_note_change (DdStore    *self,
                      const char *table,
                      gint64      id)
{
  GArray *ids = g_hash_table_lookup (self->pending, table);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->pending, g_strdup (table), ids);
      g_ptr_array_add (self->pending_order, g_strdup (table));
    }
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

/**
 * dd_store_audit:
 * Writes one audit_log row stamped with the time and the operator.
 */
gboolean
dd_store_audit (DdStore     *self,
                const char  *entity,
                gint64       entity_id,
                const char  *field,
                const char  *old_value,
                const char  *new_value,
                GError     **error)
{
  g_autofree char *now = dd_store_dup_now (self);
  sqlite3_stmt *stmt;

  stmt = dd_store_prepare (self,
                           "INSERT INTO audit_log (changed_at, operator, entity, entity_id, field, "
                           "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->operator_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, entity_id);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_TRANSIENT);
  if (old_value != NULL)
    sqlite3_bind_text (stmt, 6, old_value, -1, SQLITE_TRANSIENT);
  if (new_value != NULL)
    sqlite3_bind_text (stmt, 7, new_value, -1, SQLITE_TRANSIENT);

  if (!dd_store_step_done (self, stmt, error))
    return FALSE;
  dd_store_note_change (self, "audit_log", sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
dd_store_in_transaction (DdStore *self)
{
  return self->transaction_depth > 0;
}

/**
 * dd_store_write:
 * @func: the work; it may call dd_store_write() again, which then joins
 *   this transaction
 *
 * Runs @func in one transaction: everything it wrote is committed, or on
 * any error nothing is. ::changed is emitted after the commit.
 *
 * Returns: %TRUE if committed
 */
gboolean
dd_store_write (DdStore           *self,
                DdStoreWriteFunc   func,
                gpointer           user_data,
                GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (DD_IS_STORE (self), FALSE);

  if (self->transaction_depth > 0)
    return func (self, user_data, error);

  if (!dd_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->transaction_depth++;
  ok = func (self, user_data, error);
  self->transaction_depth--;

  if (ok)
    ok = dd_store_exec (self, "COMMIT", error);

  if (!ok)
    {
      /* COMMIT can fail too (disk full, I/O): undo whatever is left. */
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      drop_pending (self);
      finish_rollback_hooks (self, TRUE);
      return FALSE;
    }

  finish_rollback_hooks (self, FALSE);
  flush_pending (self);
  return TRUE;
}

/**
 * dd_store_backup_to:
 * Copies the database, consistent at one instant, with SQLite's backup API
 * (never by copying an open file). @dest_path is replaced.
 */
gboolean
dd_store_backup_to (DdStore     *self,
                    const char  *dest_path,
                    GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (self), FALSE);

  /* Created private before SQLite writes a byte into it. */
  if (!g_file_test (dest_path, G_FILE_TEST_EXISTS) && !create_empty_file (dest_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      dd_error_from_sqlite (error, dest, rc);
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      dd_error_from_sqlite (error, dest, sqlite3_errcode (dest));
      sqlite3_close (dest);
      return FALSE;
    }

  do
    rc = sqlite3_backup_step (backup, 1024);
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      dd_error_from_sqlite (error, dest, rc);
      sqlite3_close (dest);
      return FALSE;
    }

  g_chmod (dest_path, 0600);
  sqlite3_close (dest);
  return TRUE;
}

/**
 * dd_store_inspect_file:
 * @out_version: (out): the file's schema version, 0 for an empty file
 *
 * The inspection dd_store_open() makes before touching a file, on its own:
 * the file is never written. Used to check a backup before restoring it.
 */
gboolean
dd_store_inspect_file (const char  *path,
                       int         *out_version,
                       GError     **error)
{
  return inspect_existing_file (path, DD_STORE_SCHEMA_VERSION, out_version, error);
}
