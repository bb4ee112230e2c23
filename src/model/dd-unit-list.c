/* dd-unit-list.c
 *
 * A few hundred rows even at province scale, but still a list of ids like
 * every other list: the choosers that show it build only the rows in view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-unit-list"

#include "dd-unit.h"
#include "dd-unit-list.h"
#include "dd-utils.h"

struct _DdUnitList
{
  DdQueryModel parent_instance;

  char     *search;
  gboolean  active_only;
};

G_DEFINE_FINAL_TYPE (DdUnitList, dd_unit_list, DD_TYPE_QUERY_MODEL)

static void
refresh (DdUnitList *self)
{
  g_autoptr(GError) error = NULL;

  if (!dd_query_model_refresh (DD_QUERY_MODEL (self), &error))
    g_warning ("Could not list the units: %s", error->message);
}

static void
dd_unit_list_build_query (DdQueryModel *model,
                          GString      *sql,
                          GPtrArray    *params)
{
  DdUnitList *self = DD_UNIT_LIST (model);

  g_string_append (sql, "SELECT id FROM units WHERE 1");
  if (self->search != NULL)
    {
      g_string_append (sql, " AND ");
      dd_query_append_contains (sql, params, "name", self->search);
    }
  if (self->active_only)
    g_string_append (sql, " AND active = 1");
  g_string_append (sql, " ORDER BY name, id");
}

static void
dd_unit_list_finalize (GObject *object)
{
  DdUnitList *self = DD_UNIT_LIST (object);

  g_free (self->search);

  G_OBJECT_CLASS (dd_unit_list_parent_class)->finalize (object);
}

static void
dd_unit_list_class_init (DdUnitListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DdQueryModelClass *model_class = DD_QUERY_MODEL_CLASS (klass);

  object_class->finalize = dd_unit_list_finalize;
  model_class->build_query = dd_unit_list_build_query;
}

static void
dd_unit_list_init (DdUnitList *self)
{
}

/**
 * dd_unit_list_new:
 * Returns: (transfer full): every handling unit, by name, following changes
 */
DdUnitList *
dd_unit_list_new (DdStore *store)
{
  DdUnitList *self;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  self = g_object_new (DD_TYPE_UNIT_LIST,
                       "store", store,
                       "item-type", DD_TYPE_UNIT,
                       NULL);
  refresh (self);
  return self;
}

void
dd_unit_list_set_search (DdUnitList *self,
                         const char *search)
{
  g_return_if_fail (DD_IS_UNIT_LIST (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (dd_set_str (&self->search, search))
    refresh (self);
}

void
dd_unit_list_set_active_only (DdUnitList *self,
                              gboolean    active_only)
{
  g_return_if_fail (DD_IS_UNIT_LIST (self));

  active_only = active_only != FALSE;
  if (self->active_only != active_only)
    {
      self->active_only = active_only;
      refresh (self);
    }
}
