/* dd-store.h: the SQLite database behind every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema this build writes; a file with a higher PRAGMA user_version is refused. */
#define DD_STORE_SCHEMA_VERSION 3
/* PRAGMA application_id of every Deputy Desk database: "DDsk". */
#define DD_STORE_APPLICATION_ID 0x4444736b

typedef enum
{
  DD_STORE_OPEN_EXISTING = 0,       /* fail with DD_MODEL_ERROR_NO_DATABASE if missing */
  DD_STORE_OPEN_CREATE   = 1 << 0,  /* create the file (and its folder) if missing */
} DdStoreOpenFlags;

#define DD_TYPE_STORE (dd_store_get_type ())
G_DECLARE_FINAL_TYPE (DdStore, dd_store, DD, STORE, GObject)

/**
 * DdStoreWriteFunc:
 * Runs inside a transaction; return %FALSE with @error set to roll everything back.
 */
typedef gboolean (*DdStoreWriteFunc) (DdStore   *store,
                                      gpointer   user_data,
                                      GError   **error);

char       *dd_store_dup_default_path    (void);
DdStore    *dd_store_open                (const char           *path,
                                          DdStoreOpenFlags      flags,
                                          GError              **error);
void        dd_store_open_async          (const char           *path,
                                          DdStoreOpenFlags      flags,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
DdStore    *dd_store_open_finish         (GAsyncResult         *result,
                                          GError              **error);
DdStore    *dd_store_new_in_memory       (GError              **error);
DdStore    *dd_store_open_reader         (DdStore              *self,
                                          GError              **error);

const char *dd_store_get_path            (DdStore              *self);
int         dd_store_get_schema_version  (DdStore              *self);
const char *dd_store_get_migration_backup (DdStore             *self);
const char *dd_store_get_operator        (DdStore              *self);
void        dd_store_set_operator        (DdStore              *self,
                                          const char           *operator_name);
void        dd_store_set_frozen_time     (DdStore              *self,
                                          const char           *iso_time);
char       *dd_store_dup_now             (DdStore              *self);
char       *dd_store_dup_today           (DdStore              *self);

gboolean    dd_store_write               (DdStore              *self,
                                          DdStoreWriteFunc      func,
                                          gpointer              user_data,
                                          GError              **error);
gboolean    dd_store_in_transaction      (DdStore              *self);
gboolean    dd_store_backup_to           (DdStore              *self,
                                          const char           *dest_path,
                                          GError              **error);

G_END_DECLS
