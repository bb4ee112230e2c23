/* dd-query-model.h: a GListModel of the ids an SQL query returns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-store.h"

G_BEGIN_DECLS

#define DD_TYPE_QUERY_MODEL (dd_query_model_get_type ())
G_DECLARE_DERIVABLE_TYPE (DdQueryModel, dd_query_model, DD, QUERY_MODEL, GObject)

struct _DdQueryModelClass
{
  GObjectClass parent_class;

  /* Writes into @sql a query whose only column is the id, filtered and ordered
   * in SQL, with a `?` for each value appended to @params (GValue*). */
  void (*build_query) (DdQueryModel *self,
                       GString      *sql,
                       GPtrArray    *params);

  /*< private >*/
  gpointer padding[8];
};

DdStore  *dd_query_model_get_store      (DdQueryModel *self);
void      dd_query_model_watch          (DdQueryModel *self,
                                         const char   *table);
gboolean  dd_query_model_refresh        (DdQueryModel *self,
                                         GError      **error);
gint64    dd_query_model_get_id         (DdQueryModel *self,
                                         guint         position);
guint     dd_query_model_get_n_live     (DdQueryModel *self);
guint     dd_query_model_find           (DdQueryModel *self,
                                         gint64        id);

/* For build_query implementations. */
void      dd_query_params_add_string    (GPtrArray    *params,
                                         const char   *value);
void      dd_query_params_add_int       (GPtrArray    *params,
                                         gint64        value);
void      dd_query_append_contains_any  (GString      *sql,
                                         GPtrArray    *params,
                                         const char   *needle,
                                         const char * const *columns);
void      dd_query_append_equals        (GString      *sql,
                                         GPtrArray    *params,
                                         const char   *column,
                                         const char   *value);
gboolean  dd_query_set_filter           (char        **slot,
                                         const char   *value);
void      dd_query_append_contains      (GString      *sql,
                                         GPtrArray    *params,
                                         const char   *column,
                                         const char   *needle);

G_END_DECLS
