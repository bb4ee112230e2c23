/* dd-deputy-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-deputy-list"

#include "dd-deputy.h"
#include "dd-deputy-list.h"
#include "dd-store-private.h"
#include "dd-utils.h"

struct _DdDeputyList
{
  DdQueryModel parent_instance;

  char   *search;
  char   *level;
  char   *status;
  char   *group_name;
  gint64  person_id;
  gint64  station_id;
};

G_DEFINE_FINAL_TYPE (DdDeputyList, dd_deputy_list, DD_TYPE_QUERY_MODEL)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_LEVEL,
  PROP_STATUS,
  PROP_GROUP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
refresh (DdDeputyList *self)
{
  g_autoptr(GError) error = NULL;

  if (!dd_query_model_refresh (DD_QUERY_MODEL (self), &error))
    g_warning ("Could not list deputies: %s", error->message);
}

static void
dd_deputy_list_build_query (DdQueryModel *model,
                            GString      *sql,
                            GPtrArray    *params)
{
  DdDeputyList *self = DD_DEPUTY_LIST (model);

  g_string_append (sql, "SELECT id FROM deputies WHERE 1");
  if (self->search != NULL && self->search[0] != '\0')
    {
      /* A name, a constituency or a phone number: what a clerk types. */
      static const char * const columns[] = { "name", "constituency", "phone", NULL };

      dd_query_append_contains_any (sql, params, self->search, columns);
    }
  dd_query_append_equals (sql, params, "level", self->level);
  dd_query_append_equals (sql, params, "status", self->status);
  dd_query_append_equals (sql, params, "group_name", self->group_name);
  if (self->person_id != 0)
    {
      g_string_append (sql, " AND person_id = ?");
      dd_query_params_add_int (params, self->person_id);
    }
  if (self->station_id != 0)
    {
      g_string_append (sql, " AND id IN (SELECT deputy_id FROM station_deputies WHERE station_id = ?)");
      dd_query_params_add_int (params, self->station_id);
    }
  g_string_append (sql, " ORDER BY name, id");
}

static void
dd_deputy_list_finalize (GObject *object)
{
  DdDeputyList *self = DD_DEPUTY_LIST (object);

  g_free (self->search);
  g_free (self->level);
  g_free (self->status);
  g_free (self->group_name);

  G_OBJECT_CLASS (dd_deputy_list_parent_class)->finalize (object);
}

static void
dd_deputy_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DdDeputyList *self = DD_DEPUTY_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_deputy_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DdDeputyList *self = DD_DEPUTY_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      dd_deputy_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      dd_deputy_list_set_level (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      dd_deputy_list_set_status (self, g_value_get_string (value));
      break;
    case PROP_GROUP_NAME:
      dd_deputy_list_set_group_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_deputy_list_class_init (DdDeputyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DdQueryModelClass *model_class = DD_QUERY_MODEL_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dd_deputy_list_finalize;
  object_class->get_property = dd_deputy_list_get_property;
  object_class->set_property = dd_deputy_list_set_property;
  model_class->build_query = dd_deputy_list_build_query;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_LEVEL] = g_param_spec_string ("level", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_GROUP_NAME] = g_param_spec_string ("group-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dd_deputy_list_init (DdDeputyList *self)
{
}

/**
 * dd_deputy_list_new:
 * Returns: (transfer full): every deputy by name, loaded
 */
DdDeputyList *
dd_deputy_list_new (DdStore *store)
{
  DdDeputyList *self = g_object_new (DD_TYPE_DEPUTY_LIST,
                                     "store", store,
                                     "item-type", DD_TYPE_DEPUTY,
                                     NULL);
  refresh (self);
  return self;
}

void
dd_deputy_list_set_search (DdDeputyList *self,
                           const char   *search)
{
  g_return_if_fail (DD_IS_DEPUTY_LIST (self));
  if (dd_query_set_filter (&self->search, search))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
    }
}

void
dd_deputy_list_set_level (DdDeputyList *self,
                          const char   *level)
{
  g_return_if_fail (DD_IS_DEPUTY_LIST (self));
  if (dd_query_set_filter (&self->level, level))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
    }
}

void
dd_deputy_list_set_status (DdDeputyList *self,
                           const char   *status)
{
  g_return_if_fail (DD_IS_DEPUTY_LIST (self));
  if (dd_query_set_filter (&self->status, status))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

void
dd_deputy_list_set_group_name (DdDeputyList *self,
                               const char   *group_name)
{
  g_return_if_fail (DD_IS_DEPUTY_LIST (self));
  if (dd_query_set_filter (&self->group_name, group_name))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_NAME]);
    }
}

/* Only the seats of one person (0: everyone). */
void
dd_deputy_list_set_person_id (DdDeputyList *self,
                              gint64        person_id)
{
  g_return_if_fail (DD_IS_DEPUTY_LIST (self));
  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      refresh (self);
    }
}

/* Only the deputies attached to one station (0: everyone). */
void
dd_deputy_list_set_station_id (DdDeputyList *self,
                               gint64        station_id)
{
  g_return_if_fail (DD_IS_DEPUTY_LIST (self));
  if (self->station_id == station_id)
    return;
  if (self->station_id == 0)
    dd_query_model_watch (DD_QUERY_MODEL (self), "station_deputies");
  self->station_id = station_id;
  refresh (self);
}

/**
 * dd_deputy_list_dup_group_names:
 * Returns: (transfer full): the professional groups in use, sorted
 */
char **
dd_deputy_list_dup_group_names (DdStore  *store,
                                GError  **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = dd_store_prepare (store,
                           "SELECT DISTINCT group_name FROM deputies "
                           "WHERE group_name IS NOT NULL ORDER BY group_name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, dd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_strv_builder_end (names);
}
