/* dd-backup.c: backing up and restoring the database, always through SQLite's backup API
 *
 * A backup is written page by page from a connection (never by copying a
 * file SQLite may be writing), into a temporary file created private
 * (0600) beside the target, checked with integrity_check, then renamed over
 * the target: a backup is whole or absent.
 *
 * The automatic backups are one a day, `deputy-desk-YYYY-MM-DD.sqlite` in
 * a folder of their own; only files named so are ever rotated away.
 *
 * A restore copies a checked file into the live connection with the same
 * API, as one write transaction of that connection: other connections to
 * the file (the workers' readers) see the restored content at their next
 * read, and re-prepare their statements by themselves; a reader in the
 * middle of a read keeps its snapshot until the read ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-backup"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dd-backup.h"
#include "dd-model-error.h"
#include "dd-store-private.h"
#include "dd-utils.h"

#define AUTO_PREFIX  "deputy-desk-"
#define AUTO_SUFFIX  ".sqlite"
#define PAGES_A_STEP 256

void
dd_backup_info_free (DdBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->date);
  g_free (info);
}

/**
 * dd_backup_dup_default_dir:
 * Returns: (transfer full): `$XDG_DATA_HOME/deputy-desk/backups`
 */
char *
dd_backup_dup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "deputy-desk", "backups", NULL);
}

/**
 * dd_backup_file_name_for_date:
 * @date: YYYY-MM-DD
 * Returns: (transfer full): the name of that day's automatic backup
 */
char *
dd_backup_file_name_for_date (const char *date)
{
  return g_strconcat (AUTO_PREFIX, date, AUTO_SUFFIX, NULL);
}

/* The date of an automatic backup's file name, or NULL for any other file. */
static char *
date_of_file_name (const char *name)
{
  gsize prefix = strlen (AUTO_PREFIX), suffix = strlen (AUTO_SUFFIX);
  g_autofree char *date = NULL;

  if (strlen (name) != prefix + 10 + suffix ||
      !g_str_has_prefix (name, AUTO_PREFIX) || !g_str_has_suffix (name, AUTO_SUFFIX))
    return NULL;
  date = g_strndup (name + prefix, 10);
  if (!dd_date_is_valid (date))
    return NULL;
  return g_steal_pointer (&date);
}

static gboolean
make_dir (const char  *dir,
          GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
remove_with_sidecars (const char *path)
{
  static const char * const sidecars[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *name = g_strconcat (path, sidecars[i], NULL);

      g_unlink (name);
    }
}

/* A private, empty file beside @path that SQLite will take as an empty database. */
static char *
make_temp_beside (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = NULL;
  int fd;

  if (!make_dir (dir, error))
    return NULL;
  template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (template, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_IO,
                   _("Could not create “%s”: %s"), template, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&template);
}

/* Copies @src into @dest in steps; TRUE when done. */
static gboolean
copy_pages (sqlite3           *dest,
            sqlite3           *src,
            int                pages_a_step,
            GCancellable      *cancellable,
            DdBackupProgress   progress,
            gpointer           progress_data,
            GError           **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    {
      dd_error_from_sqlite (error, dest, sqlite3_errcode (dest));
      return FALSE;
    }

  for (;;)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_backup_finish (backup);
          return FALSE;
        }
      rc = sqlite3_backup_step (backup, pages_a_step);
      if (progress != NULL && (rc == SQLITE_OK || rc == SQLITE_DONE))
        {
          int total = sqlite3_backup_pagecount (backup);

          progress (total - sqlite3_backup_remaining (backup), total, progress_data);
        }
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
      else if (rc != SQLITE_OK)
        break;
    }
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      dd_error_from_sqlite (error, dest, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      dd_error_from_sqlite (error, db, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (g_strcmp0 (dd_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), path, dd_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Public API */

/**
 * dd_backup_to_file:
 * @path: the backup to write; replaced only once the new one is complete
 * @progress: (nullable): told the pages copied after each step
 *
 * Copies @store's database with SQLite's backup API, in steps of a few
 * hundred pages, as one snapshot: the copy is read in one read
 * transaction, so that writes by other connections meanwhile neither show
 * in it nor make it start over. The copy is written to a private (0600)
 * temporary file beside @path, must pass integrity_check, and is then
 * renamed to @path. On failure or cancellation @path is left as it was.
 *
 * Call it with the store's own connection from the thread that uses it, or
 * use dd_backup_to_file_async(), which reads through a reader connection
 * in a worker.
 */
gboolean
dd_backup_to_file (DdStore           *store,
                   const char        *path,
                   GCancellable      *cancellable,
                   DdBackupProgress   progress,
                   gpointer           progress_data,
                   GError           **error)
{
  g_autofree char *temp = NULL;
  sqlite3 *src, *dest = NULL;
  gboolean snapshot = FALSE;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  src = dd_store_get_db (store);
  temp = make_temp_beside (path, error);
  if (temp == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (temp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      dd_error_from_sqlite (error, dest, rc);
      goto out;
    }

  /* One snapshot of the source for every step. */
  if (!dd_store_in_transaction (store))
    {
      if (!dd_store_exec (store, "BEGIN", error) ||
          !dd_store_exec (store, "SELECT count(*) FROM sqlite_master", error))
        goto out;
      snapshot = TRUE;
    }

  if (!copy_pages (dest, src, PAGES_A_STEP, cancellable, progress, progress_data, error) ||
      !check_integrity (dest, path, error))
    goto out;

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    {
      dd_error_from_sqlite (error, NULL, rc);
      goto out;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved));
      goto out;
    }
  ok = TRUE;

out:
  if (snapshot)
    sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  if (dest != NULL)
    sqlite3_close (dest);
  if (!ok)
    remove_with_sidecars (temp);
  return ok;
}

typedef struct
{
  char  *path;
  char  *dir;
  guint  keep;
  char  *made_path;
} BackupTask;

static void
backup_task_free (BackupTask *data)
{
  g_free (data->path);
  g_free (data->dir);
  g_free (data->made_path);
  g_free (data);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupTask *data = task_data;
  g_autoptr(DdStore) reader = NULL;
  GError *error = NULL;

  reader = dd_store_open_reader (DD_STORE (source_object), &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->path != NULL)
    {
      if (!dd_backup_to_file (reader, data->path, cancellable, NULL, NULL, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
    }
  else
    {
      if (!dd_backup_auto (reader, data->dir, data->keep, &data->made_path, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
    }
}

/**
 * dd_backup_to_file_async:
 * dd_backup_to_file() in a worker thread, through a reader connection of
 * its own (dd_store_open_reader()); the store can be written meanwhile.
 */
void
dd_backup_to_file_async (DdStore             *store,
                         const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  BackupTask *data = g_new0 (BackupTask, 1);

  data->path = g_strdup (path);
  g_task_set_source_tag (task, dd_backup_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) backup_task_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
dd_backup_to_file_finish (DdStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dd_backup_list:
 * @dir: a folder of automatic backups
 *
 * Returns: (transfer full) (element-type DdBackupInfo): the automatic
 *   backups in @dir, newest first (other files are not listed); an empty
 *   array if @dir does not exist; %NULL with @error set if it cannot be read
 */
GPtrArray *
dd_backup_list (const char  *dir,
                GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_backup_info_free);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&list);
  handle = g_dir_open (dir, 0, error);
  if (handle == NULL)
    return NULL;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *date = date_of_file_name (name);
      g_autofree char *path = NULL;
      DdBackupInfo *info;
      GStatBuf st;

      if (date == NULL)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      info = g_new0 (DdBackupInfo, 1);
      info->path = g_steal_pointer (&path);
      info->date = g_steal_pointer (&date);
      info->size = st.st_size;
      g_ptr_array_add (list, info);
    }

  /* Newest first; the dates are ISO, so text order is date order. */
  for (guint i = 1; i < list->len; i++)
    for (guint j = i; j > 0; j--)
      {
        DdBackupInfo *a = g_ptr_array_index (list, j - 1);
        DdBackupInfo *b = g_ptr_array_index (list, j);

        if (strcmp (a->date, b->date) >= 0)
          break;
        list->pdata[j - 1] = b;
        list->pdata[j] = a;
      }
  return g_steal_pointer (&list);
}

/**
 * dd_backup_auto:
 * @dir: the folder of the rotating set (see dd_backup_dup_default_dir())
 * @keep: how many daily backups to keep (at least 1)
 * @made_path: (out) (optional) (nullable): the backup made now, or %NULL
 *   if today's already existed
 *
 * Makes today's backup (today by the store's clock) if there is none yet,
 * then deletes the oldest automatic backups beyond @keep. Files in @dir
 * not named like an automatic backup are never touched.
 */
gboolean
dd_backup_auto (DdStore     *store,
                const char  *dir,
                guint        keep,
                char       **made_path,
                GError     **error)
{
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (made_path != NULL)
    *made_path = NULL;
  keep = MAX (keep, 1);

  today = dd_store_dup_today (store);
  name = dd_backup_file_name_for_date (today);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!make_dir (dir, error) ||
          !dd_backup_to_file (store, path, NULL, NULL, NULL, error))
        return FALSE;
      if (made_path != NULL)
        *made_path = g_strdup (path);
    }

  list = dd_backup_list (dir, error);
  if (list == NULL)
    return FALSE;
  for (guint i = keep; i < list->len; i++)
    {
      DdBackupInfo *info = g_ptr_array_index (list, i);

      if (g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_IO,
                       _("Could not delete the old backup “%s”: %s"),
                       info->path, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * dd_backup_auto_async:
 * dd_backup_auto() in a worker thread, through a reader connection.
 */
void
dd_backup_auto_async (DdStore             *store,
                      const char          *dir,
                      guint                keep,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  BackupTask *data = g_new0 (BackupTask, 1);

  data->dir = g_strdup (dir);
  data->keep = keep;
  g_task_set_source_tag (task, dd_backup_auto_async);
  g_task_set_task_data (task, data, (GDestroyNotify) backup_task_free);
  g_task_run_in_thread (task, backup_thread);
}

/**
 * dd_backup_auto_finish:
 * @made_path: (out) (optional) (nullable): as for dd_backup_auto()
 */
gboolean
dd_backup_auto_finish (DdStore       *store,
                       GAsyncResult  *result,
                       char         **made_path,
                       GError       **error)
{
  BackupTask *data;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (made_path != NULL)
    *made_path = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (made_path != NULL)
    *made_path = g_steal_pointer (&data->made_path);
  return TRUE;
}

static gboolean
note_every_table (DdStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = dd_store_prepare (store,
                           "SELECT name FROM sqlite_master WHERE type = 'table' "
                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                           "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    dd_store_note_change (store, dd_column_text (stmt, 0), 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (store, rc, error);
  return TRUE;
}

static char *
safety_backup_name (DdStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  (void) store;
  return g_strdup_printf ("deputy-desk-before-restore-%s.sqlite", stamp);
}

/**
 * dd_backup_restore:
 * @file: the backup to restore
 * @safety_dir: (nullable): where to back up the current database first
 *   (%NULL: dd_backup_dup_default_dir())
 * @safety_backup_path: (out) (optional): that backup
 *
 * Replaces the content of @store's database by @file's. @file must be a
 * Deputy Desk database of this or an older schema, undamaged; what
 * dd_store_open() would refuse is refused with the same message. The
 * current database is first backed up into @safety_dir; @file is copied
 * (never written) and an older schema is upgraded on the copy; the copy
 * then goes into the live connection with the backup API, as one write
 * transaction: if anything fails the current database is unchanged.
 *
 * Afterwards ::changed is emitted once for every table (id 0) so that
 * views reload. Other connections to the same file (readers of workers)
 * see the restored content from their next read transaction; a read in
 * progress finishes on what it started with. Restoring needs the store
 * outside a transaction, and no other connection writing meanwhile (it
 * waits for one up to the busy timeout, then fails, changing nothing).
 */
gboolean
dd_backup_restore (DdStore     *store,
                   const char  *file,
                   const char  *safety_dir,
                   char       **safety_backup_path,
                   GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *safety_name = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(DdStore) copied = NULL;
  const char *live_path;
  int version = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (safety_backup_path != NULL)
    *safety_backup_path = NULL;
  if (dd_store_in_transaction (store))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_BUSY,
                   _("A backup cannot be restored in the middle of a change"));
      return FALSE;
    }

  if (!g_file_test (file, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NO_DATABASE,
                   _("There is no database at “%s”"), file);
      return FALSE;
    }
  live_path = dd_store_get_path (store);
  if (live_path != NULL)
    {
      g_autoptr(GFile) a = g_file_new_for_path (file);
      g_autoptr(GFile) b = g_file_new_for_path (live_path);

      if (g_file_equal (a, b))
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("“%s” is the database in use; choose a backup of it instead"), file);
          return FALSE;
        }
    }

  /* Everything dd_store_open() refuses, with its messages; never written. */
  if (!dd_store_inspect_file (file, &version, error))
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NO_DATABASE,
                   _("“%s” is empty: there is no Deputy Desk database in it yet"), file);
      return FALSE;
    }

  if (safety_dir == NULL)
    safety_dir = default_dir = dd_backup_dup_default_dir ();
  if (!make_dir (safety_dir, error))
    return FALSE;

  /* A private copy of @file, upgraded if it is older, checked on opening. */
  {
    g_autofree char *escaped = g_uri_escape_string (file, "/", FALSE);
    g_autofree char *wal = g_strconcat (file, "-wal", NULL);
    g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                                            g_file_test (wal, G_FILE_TEST_EXISTS) ? "" : "&immutable=1");
    g_autofree char *target = g_build_filename (safety_dir, "restore.sqlite", NULL);
    sqlite3 *src = NULL, *dest = NULL;
    int rc;

    copy = make_temp_beside (target, error);
    if (copy == NULL)
      return FALSE;
    rc = sqlite3_open_v2 (uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_open_v2 (copy, &dest, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK)
      {
        dd_error_from_sqlite (error, src, rc);
        g_prefix_error (error, _("“%s” cannot be opened: "), file);
        sqlite3_close (src);
        sqlite3_close (dest);
        goto out;
      }
    ok = copy_pages (dest, src, -1, NULL, NULL, NULL, error);
    sqlite3_close (src);
    sqlite3_close (dest);
    if (!ok)
      {
        g_prefix_error (error, _("“%s” cannot be opened: "), file);
        goto out;
      }
    ok = FALSE;
  }
  copied = dd_store_open (copy, DD_STORE_OPEN_EXISTING, error);
  if (copied == NULL)
    goto out;

  /* The safety backup of what is about to be replaced. */
  safety_name = safety_backup_name (store);
  safety = g_build_filename (safety_dir, safety_name, NULL);
  if (!dd_backup_to_file (store, safety, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Could not back up the current database before restoring: "));
      goto out;
    }

  /* The swap: one write transaction of the live connection. */
  if (!copy_pages (dd_store_get_db (store), dd_store_get_db (copied), -1, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Could not restore “%s”: "), file);
      goto out;
    }
  ok = TRUE;

  if (safety_backup_path != NULL)
    *safety_backup_path = g_strdup (safety);
  /* The content is in; telling the views cannot undo it. */
  dd_store_write (store, note_every_table, NULL, NULL);

out:
  if (copied != NULL)
    {
      g_autofree char *migration = g_strdup (dd_store_get_migration_backup (copied));

      g_clear_object (&copied);
      if (migration != NULL)
        remove_with_sidecars (migration);
    }
  if (copy != NULL)
    remove_with_sidecars (copy);
  return ok;
}

/* Network file systems */

/* statfs(2) magic numbers (linux/magic.h and the file systems' own headers). */
static const struct { unsigned long magic; const char *name; } network_magics[] = {
  { 0x6969, "nfs" },
  { 0x517B, "smb" },
  { 0xFF534D42, "cifs" },
  { 0xFE534D42, "smb2" },
  { 0x5346414F, "afs" },
  { 0x6B414653, "afs" },
  { 0x01021997, "9p" },
  { 0x00C36400, "ceph" },
  { 0x73757245, "coda" },
  { 0x564C, "ncp" },
  { 0x47504653, "gpfs" },
  { 0x0BD00BD0, "lustre" },
  { 0x013111A8, "ibrix" },
  { 0x61636673, "acfs" },
};

#define FUSE_MAGIC 0x65735546

/* File system types of /proc/self/mountinfo that reach over the network. */
static gboolean
fstype_is_network (const char *fstype)
{
  static const char * const types[] = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph", "coda", "ncpfs",
    "glusterfs", "lustre", "gpfs", "davfs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs",
    "fuse.gvfsd-fuse", "fuse.davfs2", "fuse.glusterfs", "fuse.cephfs", "fuse.smbnetfs",
    "fuse.curlftpfs", "fuse.gcsfuse", "fuse.juicefs", NULL
  };

  return g_strv_contains (types, fstype);
}

/* The file system type of the mount holding @path, from /proc/self/mountinfo. */
static char *
mountinfo_fstype (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *best_type = NULL;
  gsize best_len = 0;

  if (!g_file_get_contents ("/proc/self/mountinfo", &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* id parent major:minor root mount-point options [optional…] - fstype source … */
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      const char *separator;
      g_autofree char *mount_point = NULL;
      gsize len;

      if (g_strv_length (fields) < 5 || (separator = strstr (lines[i], " - ")) == NULL)
        continue;
      mount_point = g_strcompress (fields[4]);  /* \040 for a space … */
      len = strlen (mount_point);
      if (!(g_str_equal (mount_point, "/") ||
            (g_str_has_prefix (path, mount_point) && (path[len] == '/' || path[len] == '\0'))))
        continue;
      if (len >= best_len)
        {
          g_auto(GStrv) rest = g_strsplit (separator + 3, " ", 2);

          best_len = len;
          g_free (best_type);
          best_type = g_strdup (rest[0]);
        }
    }
  return g_steal_pointer (&best_type);
}

/**
 * dd_store_is_on_network_fs:
 * @path: a file, or a file about to be created (its folder is looked at)
 * @fs_name: (out) (optional) (nullable): the file system's type ("nfs", "cifs",
 *   "fuse.sshfs" …) when it is a network one
 *
 * Whether @path lives on a network file system (NFS, SMB/CIFS, AFS, 9p, an
 * sshfs or other network FUSE mount …), where SQLite's locking, and so the
 * database, is not safe. The app warns; it does not refuse.
 */
gboolean
dd_store_is_on_network_fs (const char  *path,
                           char       **fs_name)
{
  g_autofree char *probe = NULL;
  g_autofree char *real = NULL;
  struct statfs st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (fs_name != NULL)
    *fs_name = NULL;

  /* The file, else its nearest existing folder. */
  probe = g_canonicalize_filename (path, NULL);
  while (!g_file_test (probe, G_FILE_TEST_EXISTS) && strcmp (probe, "/") != 0)
    {
      char *parent = g_path_get_dirname (probe);

      g_free (probe);
      probe = parent;
    }
  if (statfs (probe, &st) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (network_magics); i++)
    if ((unsigned long) st.f_type == network_magics[i].magic)
      {
        if (fs_name != NULL)
          *fs_name = g_strdup (network_magics[i].name);
        return TRUE;
      }

  if ((unsigned long) st.f_type == FUSE_MAGIC)
    {
      g_autofree char *fstype = NULL;

      real = realpath (probe, NULL);
      fstype = mountinfo_fstype (real != NULL ? real : probe);
      if (fstype != NULL && fstype_is_network (fstype))
        {
          if (fs_name != NULL)
            *fs_name = g_steal_pointer (&fstype);
          return TRUE;
        }
    }
  return FALSE;
}
