/* dd-station.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-station"

#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-model-error.h"
#include "dd-station.h"
#include "dd-station-list.h"
#include "dd-store-private.h"

struct _DdStation
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdStation, dd_station, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "code", DD_FIELD_TEXT, N_("Code"), .managed = TRUE },
  { "name", DD_FIELD_TEXT, N_("Name"), .required = TRUE },
  { "kind", DD_FIELD_ENUM, N_("Kind"), .required = TRUE, .codes = dd_station_kinds },
  { "address", DD_FIELD_TEXT, N_("Address") },
  { "district", DD_FIELD_TEXT, N_("District") },
  { "township", DD_FIELD_TEXT, N_("Township") },
  { "schedule-days", DD_FIELD_TEXT, N_("Fixed days") },
  { "schedule-hours", DD_FIELD_TEXT, N_("Fixed hours") },
  { "schedule-place", DD_FIELD_TEXT, N_("Fixed place") },
  { "contact-name", DD_FIELD_TEXT, N_("Contact person") },
  { "contact-phone", DD_FIELD_TEXT, N_("Contact phone") },
  { "upgraded-on", DD_FIELD_DATE, N_("Upgrade date") },
  { "archived", DD_FIELD_BOOL, N_("Archived") },
  { "note", DD_FIELD_TEXT, N_("Note") },
};

static gboolean
dd_station_inserted (DdEntity  *entity,
                     DdStore   *store,
                     GError   **error)
{
  gint64 id = dd_entity_get_id (entity);
  g_autofree char *code = g_strdup_printf ("S%05" G_GINT64_FORMAT, id);
  sqlite3_stmt *stmt = dd_store_prepare (store, "UPDATE stations SET code = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;
  g_object_set (entity, "code", code, NULL);
  return TRUE;
}

static void
dd_station_class_init (DdStationClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "stations", fields, G_N_ELEMENTS (fields));
  entity_class->has_created_at = TRUE;
  entity_class->has_updated_at = TRUE;
  entity_class->inserted = dd_station_inserted;
}

static void
dd_station_init (DdStation *self)
{
}

DdStation *
dd_station_new (void)
{
  return g_object_new (DD_TYPE_STATION, NULL);
}

DdStation *
dd_station_load (DdStore  *store,
                 gint64    id,
                 GError  **error)
{
  return dd_entity_load (DD_TYPE_STATION, store, id, error);
}

const char *
dd_station_get_name (DdStation *self)
{
  return dd_entity_get_string (DD_ENTITY (self), "name");
}

const char *
dd_station_get_kind (DdStation *self)
{
  return dd_entity_get_string (DD_ENTITY (self), "kind");
}

typedef struct
{
  gint64 station_id;
  gint64 deputy_id;
} Attachment;

static gboolean
attach_in_transaction (DdStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  Attachment *a = user_data;
  g_autofree char *today = dd_store_dup_today (store);
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, a->deputy_id);
  sqlite3_stmt *stmt;

  stmt = dd_store_prepare (store,
                           "INSERT OR IGNORE INTO station_deputies (station_id, deputy_id, since_on) "
                           "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->station_id);
  sqlite3_bind_int64 (stmt, 2, a->deputy_id);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (dd_store_get_db (store)) == 0)
    return TRUE;

  dd_store_note_change (store, "station_deputies", a->station_id);
  return dd_store_audit (store, "stations", a->station_id, "deputies", NULL, value, error);
}

/**
 * dd_station_attach_deputy:
 * Attaches a deputy to the station (a deputy may belong to several).
 */
gboolean
dd_station_attach_deputy (DdStation  *self,
                          DdStore    *store,
                          gint64      deputy_id,
                          GError    **error)
{
  Attachment a = { dd_entity_get_id (DD_ENTITY (self)), deputy_id };

  sqlite3_stmt *stmt = dd_store_prepare (store, "SELECT 1 FROM deputies WHERE id = ?", error);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deputy_id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!exists)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, deputy_id);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Deputy: there is no deputy numbered %s"), number);
      return FALSE;
    }
  return dd_store_write (store, attach_in_transaction, &a, error);
}

/* The stations a deputy is attached to */

struct _DdStationList
{
  DdQueryModel parent_instance;
  gint64       deputy_id;
};

G_DEFINE_FINAL_TYPE (DdStationList, dd_station_list, DD_TYPE_QUERY_MODEL)

static void
dd_station_list_build_query (DdQueryModel *model,
                             GString      *sql,
                             GPtrArray    *params)
{
  DdStationList *self = DD_STATION_LIST (model);

  g_string_append (sql,
                   "SELECT s.id FROM station_deputies sd JOIN stations s ON s.id = sd.station_id "
                   "WHERE sd.deputy_id = ? ORDER BY s.name, s.id");
  dd_query_params_add_int (params, self->deputy_id);
}

static void
dd_station_list_class_init (DdStationListClass *klass)
{
  DD_QUERY_MODEL_CLASS (klass)->build_query = dd_station_list_build_query;
}

static void
dd_station_list_init (DdStationList *self)
{
}

/**
 * dd_station_list_new_for_deputy:
 * Returns: (transfer full): the stations @deputy_id is attached to, by name
 */
DdStationList *
dd_station_list_new_for_deputy (DdStore *store,
                                gint64   deputy_id)
{
  DdStationList *self = g_object_new (DD_TYPE_STATION_LIST,
                                      "store", store,
                                      "item-type", DD_TYPE_STATION,
                                      NULL);
  self->deputy_id = deputy_id;
  dd_query_model_watch (DD_QUERY_MODEL (self), "station_deputies");
  dd_query_model_refresh (DD_QUERY_MODEL (self), NULL);
  return self;
}
