/* dd-backup.h: backing up and restoring the database, always through SQLite's backup API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/* Defaults of the app's GSettings keys "backup-keep" and "backup-automatic". */
#define DD_BACKUP_KEEP_DEFAULT 14

/**
 * DdBackupProgress:
 * @copied: pages copied so far
 * @total: pages in all
 *
 * Called between steps of a backup, in the thread running it.
 */
typedef void (*DdBackupProgress) (int      copied,
                                  int      total,
                                  gpointer user_data);

/* One backup of a rotating set. */
typedef struct
{
  char    *path;
  char    *date;     /* YYYY-MM-DD, from the file's name */
  goffset  size;     /* bytes */
} DdBackupInfo;

void        dd_backup_info_free         (DdBackupInfo       *info);

char       *dd_backup_dup_default_dir   (void);
char       *dd_backup_file_name_for_date (const char        *date);

gboolean    dd_backup_to_file           (DdStore            *store,
                                         const char         *path,
                                         GCancellable       *cancellable,
                                         DdBackupProgress    progress,
                                         gpointer            progress_data,
                                         GError            **error);
void        dd_backup_to_file_async     (DdStore            *store,
                                         const char         *path,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean    dd_backup_to_file_finish    (DdStore            *store,
                                         GAsyncResult       *result,
                                         GError            **error);
gboolean    dd_backup_auto              (DdStore            *store,
                                         const char         *dir,
                                         guint               keep,
                                         char              **made_path,
                                         GError            **error);
void        dd_backup_auto_async        (DdStore            *store,
                                         const char         *dir,
                                         guint               keep,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean    dd_backup_auto_finish       (DdStore            *store,
                                         GAsyncResult       *result,
                                         char              **made_path,
                                         GError            **error);
GPtrArray  *dd_backup_list              (const char         *dir,
                                         GError            **error);
gboolean    dd_backup_restore           (DdStore            *store,
                                         const char         *file,
                                         const char         *safety_dir,
                                         char              **safety_backup_path,
                                         GError            **error);

gboolean    dd_store_is_on_network_fs   (const char         *path,
                                         char              **fs_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdBackupInfo, dd_backup_info_free)

G_END_DECLS
