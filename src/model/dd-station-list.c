/* dd-station-list.c: stations filtered and ordered in SQL
 *
 * Every filter is a clause of one query ordered by the stations_by_name
 * index (or stations_by_kind / stations_by_place when those filters are
 * set); compliance is one ordered pass over station_checklist
 * (DD_SQL_STATION_COMPLETE), so that a province's thousands of stations
 * filter in milliseconds. A station with no active checklist item at all
 * is complete, as its figures say (0 of 0).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-station-list"

#include "dd-station.h"
#include "dd-station-list.h"
#include "dd-station-private.h"
#include "dd-store-private.h"
#include "dd-utils.h"

struct _DdStationList
{
  DdQueryModel  parent_instance;

  gint64        deputy_id;      /* 0: every station */
  char         *search;
  char         *kind;
  char         *district;
  char         *township;
  DdCompliance  compliance;
  DdUpgraded    upgraded;
  gboolean      show_archived;
};

G_DEFINE_FINAL_TYPE (DdStationList, dd_station_list, DD_TYPE_QUERY_MODEL)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_KIND,
  PROP_DISTRICT,
  PROP_TOWNSHIP,
  PROP_COMPLIANCE,
  PROP_UPGRADED,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
refresh (DdStationList *self)
{
  g_autoptr(GError) error = NULL;

  if (!dd_query_model_refresh (DD_QUERY_MODEL (self), &error))
    g_warning ("Could not list stations: %s", error->message);
}

static char **
dup_strings (DdStore       *store,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (values, dd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_strv_builder_end (values);
}

/* Vfuncs */

static void
dd_station_list_build_query (DdQueryModel *model,
                             GString      *sql,
                             GPtrArray    *params)
{
  DdStationList *self = DD_STATION_LIST (model);

  if (self->deputy_id != 0)
    {
      g_string_append (sql,
                       "SELECT s.id FROM station_deputies sd JOIN stations s ON s.id = sd.station_id "
                       "WHERE sd.deputy_id = ?");
      dd_query_params_add_int (params, self->deputy_id);
    }
  else
    g_string_append (sql, "SELECT s.id FROM stations s WHERE 1");

  if (!self->show_archived)
    g_string_append (sql, " AND s.archived = 0");
  if (self->search != NULL)
    {
      /* What is on the placard or the door: the name, the address, the code. */
      static const char * const columns[] = { "s.name", "s.address", "s.code", NULL };

      dd_query_append_contains_any (sql, params, self->search, columns);
    }
  dd_query_append_equals (sql, params, "s.kind", self->kind);
  dd_query_append_equals (sql, params, "s.district", self->district);
  dd_query_append_equals (sql, params, "s.township", self->township);
  if (self->compliance == DD_COMPLIANCE_COMPLETE)
    g_string_append (sql, " AND " DD_SQL_STATION_COMPLETE);
  else if (self->compliance == DD_COMPLIANCE_INCOMPLETE)
    g_string_append (sql, " AND NOT " DD_SQL_STATION_COMPLETE);
  if (self->upgraded == DD_UPGRADED_YES)
    g_string_append (sql, " AND s.upgraded_on IS NOT NULL");
  else if (self->upgraded == DD_UPGRADED_NO)
    g_string_append (sql, " AND s.upgraded_on IS NULL");

  g_string_append (sql, " ORDER BY s.name, s.id");
}

static void
dd_station_list_finalize (GObject *object)
{
  DdStationList *self = DD_STATION_LIST (object);

  g_free (self->search);
  g_free (self->kind);
  g_free (self->district);
  g_free (self->township);

  G_OBJECT_CLASS (dd_station_list_parent_class)->finalize (object);
}

static void
dd_station_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DdStationList *self = DD_STATION_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;
    case PROP_TOWNSHIP:
      g_value_set_string (value, self->township);
      break;
    case PROP_COMPLIANCE:
      g_value_set_int (value, self->compliance);
      break;
    case PROP_UPGRADED:
      g_value_set_int (value, self->upgraded);
      break;
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_station_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DdStationList *self = DD_STATION_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      dd_station_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      dd_station_list_set_kind (self, g_value_get_string (value));
      break;
    case PROP_DISTRICT:
      dd_station_list_set_district (self, g_value_get_string (value));
      break;
    case PROP_TOWNSHIP:
      dd_station_list_set_township (self, g_value_get_string (value));
      break;
    case PROP_COMPLIANCE:
      dd_station_list_set_compliance (self, g_value_get_int (value));
      break;
    case PROP_UPGRADED:
      dd_station_list_set_upgraded (self, g_value_get_int (value));
      break;
    case PROP_SHOW_ARCHIVED:
      dd_station_list_set_show_archived (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_station_list_class_init (DdStationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DdQueryModelClass *model_class = DD_QUERY_MODEL_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dd_station_list_finalize;
  object_class->get_property = dd_station_list_get_property;
  object_class->set_property = dd_station_list_set_property;
  model_class->build_query = dd_station_list_build_query;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_DISTRICT] = g_param_spec_string ("district", NULL, NULL, NULL, flags);
  properties[PROP_TOWNSHIP] = g_param_spec_string ("township", NULL, NULL, NULL, flags);
  /* DdCompliance and DdUpgraded as ints: a drop-down's selected index binds to them. */
  properties[PROP_COMPLIANCE] =
    g_param_spec_int ("compliance", NULL, NULL, DD_COMPLIANCE_ANY, DD_COMPLIANCE_INCOMPLETE,
                      DD_COMPLIANCE_ANY, flags);
  properties[PROP_UPGRADED] =
    g_param_spec_int ("upgraded", NULL, NULL, DD_UPGRADED_ANY, DD_UPGRADED_NO,
                      DD_UPGRADED_ANY, flags);
  properties[PROP_SHOW_ARCHIVED] = g_param_spec_boolean ("show-archived", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dd_station_list_init (DdStationList *self)
{
}

static DdStationList *
station_list_new (DdStore  *store,
                  gint64    deputy_id,
                  gboolean  show_archived)
{
  DdStationList *self = g_object_new (DD_TYPE_STATION_LIST,
                                      "store", store,
                                      "item-type", DD_TYPE_STATION,
                                      NULL);
  DdQueryModel *model = DD_QUERY_MODEL (self);

  self->deputy_id = deputy_id;
  self->show_archived = show_archived;
  /* The compliance filter reads the ticks and which items are active. */
  dd_query_model_watch (model, "station_checklist");
  dd_query_model_watch (model, "checklist_items");
  if (deputy_id != 0)
    dd_query_model_watch (model, "station_deputies");
  refresh (self);
  return self;
}

/* Public API */

/**
 * dd_station_list_new:
 * Returns: (transfer full): every station not archived, by name, loaded
 */
DdStationList *
dd_station_list_new (DdStore *store)
{
  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  return station_list_new (store, 0, FALSE);
}

/**
 * dd_station_list_new_for_deputy:
 * Returns: (transfer full): the stations @deputy_id is attached to, by
 *   name, archived ones included (the attachment is history too); the
 *   filters apply as well
 */
DdStationList *
dd_station_list_new_for_deputy (DdStore *store,
                                gint64   deputy_id)
{
  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (deputy_id != 0, NULL);

  return station_list_new (store, deputy_id, TRUE);
}

void
dd_station_list_set_search (DdStationList *self,
                            const char    *search)
{
  g_return_if_fail (DD_IS_STATION_LIST (self));
  if (dd_query_set_filter (&self->search, search))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
    }
}

/* @kind: (nullable): a code of dd_station_kinds */
void
dd_station_list_set_kind (DdStationList *self,
                          const char    *kind)
{
  g_return_if_fail (DD_IS_STATION_LIST (self));
  if (dd_query_set_filter (&self->kind, kind))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

void
dd_station_list_set_district (DdStationList *self,
                              const char    *district)
{
  g_return_if_fail (DD_IS_STATION_LIST (self));
  if (dd_query_set_filter (&self->district, district))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
    }
}

void
dd_station_list_set_township (DdStationList *self,
                              const char    *township)
{
  g_return_if_fail (DD_IS_STATION_LIST (self));
  if (dd_query_set_filter (&self->township, township))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOWNSHIP]);
    }
}

void
dd_station_list_set_compliance (DdStationList *self,
                                DdCompliance   compliance)
{
  g_return_if_fail (DD_IS_STATION_LIST (self));
  g_return_if_fail (compliance <= DD_COMPLIANCE_INCOMPLETE);
  if (self->compliance != compliance)
    {
      self->compliance = compliance;
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLIANCE]);
    }
}

void
dd_station_list_set_upgraded (DdStationList *self,
                              DdUpgraded     upgraded)
{
  g_return_if_fail (DD_IS_STATION_LIST (self));
  g_return_if_fail (upgraded <= DD_UPGRADED_NO);
  if (self->upgraded != upgraded)
    {
      self->upgraded = upgraded;
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPGRADED]);
    }
}

void
dd_station_list_set_show_archived (DdStationList *self,
                                   gboolean       show_archived)
{
  g_return_if_fail (DD_IS_STATION_LIST (self));
  show_archived = show_archived != FALSE;
  if (self->show_archived != show_archived)
    {
      self->show_archived = show_archived;
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
    }
}

/**
 * dd_station_list_dup_districts:
 * Returns: (transfer full): the districts of the stations (archived ones
 *   included, for the show-archived view), sorted, or %NULL on error
 */
char **
dd_station_list_dup_districts (DdStore  *store,
                               GError  **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT DISTINCT district FROM stations "
                                         "WHERE district IS NOT NULL ORDER BY district", error);

  return stmt != NULL ? dup_strings (store, stmt, error) : NULL;
}

/**
 * dd_station_list_dup_townships:
 * @district: (nullable): only this district's townships; %NULL for all
 * Returns: (transfer full): the townships in use, sorted, or %NULL on error
 */
char **
dd_station_list_dup_townships (DdStore     *store,
                               const char  *district,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  if (district != NULL && district[0] != '\0')
    {
      stmt = dd_store_prepare (store,
                               "SELECT DISTINCT township FROM stations "
                               "WHERE district = ? AND township IS NOT NULL ORDER BY township",
                               error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, district, -1, SQLITE_TRANSIENT);
    }
  else
    stmt = dd_store_prepare (store,
                             "SELECT DISTINCT township FROM stations "
                             "WHERE township IS NOT NULL ORDER BY township", error);

  return stmt != NULL ? dup_strings (store, stmt, error) : NULL;
}
