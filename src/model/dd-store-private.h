/* dd-store-private.h: what the model layer, and only the model layer, sees of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dd-store.h"

G_BEGIN_DECLS

sqlite3      *dd_store_get_db            (DdStore       *self);
sqlite3_stmt *dd_store_prepare           (DdStore       *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      dd_store_exec              (DdStore       *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      dd_store_step_done         (DdStore       *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      dd_store_set_error         (DdStore       *self,
                                          int            rc,
                                          GError       **error);
void          dd_store_note_change       (DdStore       *self,
                                          const char    *table,
                                          gint64         id);
gboolean      dd_store_audit             (DdStore       *self,
                                          const char    *entity,
                                          gint64         entity_id,
                                          const char    *field,
                                          const char    *old_value,
                                          const char    *new_value,
                                          GError       **error);
void          dd_store_on_rollback       (DdStore       *self,
                                          GFunc          func,
                                          gpointer       data,
                                          GDestroyNotify destroy);
void          dd_store_configure_connection (sqlite3    *db);
void          dd_error_from_sqlite       (GError       **error,
                                          sqlite3       *db,
                                          int            rc);

/* Bind a string or NULL (empty strings are stored as NULL). */
void          dd_bind_text               (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
const char   *dd_column_text             (sqlite3_stmt  *stmt,
                                          int            index);

/* The schema, one SQL script a version; [0] is unused. */
extern const char * const dd_schema_migrations[];

/* dd_store_open() with another list of scripts: for tests of the upgrade path. */
DdStore      *dd_store_open_with_migrations (const char          *path,
                                             DdStoreOpenFlags     flags,
                                             const char * const  *migrations,
                                             int                  n_versions,
                                             GError             **error);

/* dd_store_open()'s inspection of a file, without opening it for writing. */
gboolean      dd_store_inspect_file      (const char          *path,
                                          int                 *out_version,
                                          GError             **error);

G_END_DECLS
