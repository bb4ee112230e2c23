/* dd-store-check.h: looking at a database without changing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/* One table and how many rows it holds. */
typedef struct
{
  char   *table;
  gint64  rows;
} DdTableRows;

void      dd_table_rows_free          (DdTableRows  *rows);

gboolean  dd_store_file_is_blank      (const char   *path);
DdStore  *dd_store_open_existing      (const char   *path,
                                       GError      **error);
GStrv     dd_store_check_integrity    (DdStore      *self,
                                       gboolean      full,
                                       GError      **error);
GStrv     dd_store_check_foreign_keys (DdStore      *self,
                                       GError      **error);
GPtrArray *dd_store_count_rows        (DdStore      *self,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdTableRows, dd_table_rows_free)

G_END_DECLS
