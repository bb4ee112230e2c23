/* dd-exchange.c: one office's records to another, as a self-describing JSON file
 *
 * The file (format "deputy-desk-exchange", version 1):
 *
 *   { "format": "deputy-desk-exchange", "version": 1,
 *     "office": { "name": "…", "id": "<uuid>" }, "created": "2026-11-21T10:00:00",
 *     "selection": { "kind": "transferred" | "date_range" | "township", … },
 *     "units": [ { "id": 3, "name": "…", "kind": "…", … } ],
 *     "deputies": [ { "id": 7, "name": "…", "level": "county", "term": 18, … } ],
 *     "stations": [ { "id": 2, "code": "S00002", …, "deputies": [ { "deputy": KEY, "on_duty": true } ] } ],
 *     "receptions": [ { "id": 9, "station": "S00002", "held_on": "…", …, "deputies": [ KEY ] } ],
 *     "suggestions": [ { "id": 12, "number": "JY2026-0012", "title": "…", "state": "transferred_out",
 *                        "transferred_to": "…", "station": "S00002", "reception": 9, "merged_into": 4,
 *                        "proposers": [ { "deputy": KEY, "position": 1 } ],
 *                        "units": [ { "unit": "…", "role": "lead", "assigned_on": "…" } ],
 *                        "replies": [ { "unit": "…", "round": 1, "class": "A", … } ],
 *                        "evaluations": [ { "deputy": KEY, "round": 1, "verdict": "…", … } ],
 *                        "supervisions": [ { "mode": "key", "started_on": "…", … } ] } ] }
 *
 * where KEY is a deputy's natural key { "name", "level", "term" }. Fields
 * are the entities' columns. The "id"s are the sender's and are never
 * used as local ids: units are found by name, deputies by name + level +
 * term, stations by code, receptions and merge targets through the file.
 *
 * An import runs in one transaction: every record is checked with its
 * entity's own validation, every problem is collected with the JSON path
 * of the record, and if there is any, or for a dry run, everything is
 * rolled back. What each record of the file became is kept in
 * exchange_origins (office id, table, sender's id → local id), so that
 * the same file imported again finds its records there and adds nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-exchange"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-entity.h"
#include "dd-evaluation.h"
#include "dd-exchange.h"
#include "dd-model-error.h"
#include "dd-reception.h"
#include "dd-reply.h"
#include "dd-settings.h"
#include "dd-station.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-supervision.h"
#include "dd-unit.h"
#include "dd-utils.h"

static const char * const kind_tables[DD_EXCHANGE_N_KINDS] = {
  "units", "deputies", "stations", "receptions", "suggestions",
};

/* Report */

void
dd_exchange_report_free (DdExchangeReport *report)
{
  if (report == NULL)
    return;
  g_free (report->office_name);
  g_free (report->office_id);
  g_clear_pointer (&report->lines, g_ptr_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static DdExchangeReport *
report_new (void)
{
  DdExchangeReport *report = g_new0 (DdExchangeReport, 1);

  report->lines = g_ptr_array_new_with_free_func (g_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  return report;
}

/**
 * dd_exchange_record_kind_name:
 * Returns: the translated name of a kind of record ("Deputies" …)
 */
const char *
dd_exchange_record_kind_name (DdExchangeRecordKind kind)
{
  switch (kind)
    {
    case DD_EXCHANGE_UNITS:       return _("Handling units");
    case DD_EXCHANGE_DEPUTIES:    return _("Deputies");
    case DD_EXCHANGE_STATIONS:    return _("Stations");
    case DD_EXCHANGE_RECEPTIONS:  return _("Receptions");
    case DD_EXCHANGE_SUGGESTIONS: return _("Suggestions");
    case DD_EXCHANGE_N_KINDS:
    default:                      return "";
    }
}

/**
 * dd_exchange_report_dup_summary:
 * Returns: (transfer full): one translated line per kind of record, with
 *   what was added, updated and skipped
 */
char *
dd_exchange_report_dup_summary (const DdExchangeReport *report)
{
  GString *out = g_string_new (NULL);

  for (int k = 0; k < DD_EXCHANGE_N_KINDS; k++)
    {
      /* TRANSLATORS: e.g. "Deputies: 3 added, 1 updated, 0 skipped" */
      g_string_append_printf (out, _("%s: %u added, %u updated, %u skipped"),
                              dd_exchange_record_kind_name (k),
                              report->added[k], report->updated[k], report->skipped[k]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Helpers */

static char *
property_to_member (const char *property)
{
  return g_strdelimit (g_strdup (property), "-", '_');
}

static gboolean
field_is_skipped (const char          *name,
                  const char * const  *skip)
{
  return skip != NULL && g_strv_contains (skip, name);
}

/* The entity's own fields (references excepted) as members of the builder's object. */
static void
add_entity_fields (JsonBuilder        *builder,
                   DdEntity           *entity,
                   const char * const *skip)
{
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const DdField *field = &klass->fields[i];
      g_autofree char *member = NULL;

      if (field->type == DD_FIELD_REF || field_is_skipped (field->name, skip))
        continue;
      member = property_to_member (field->name);
      switch (field->type)
        {
        case DD_FIELD_TEXT:
        case DD_FIELD_DATE:
        case DD_FIELD_ENUM:
          {
            const char *text = dd_entity_get_string (entity, field->name);

            if (text == NULL || text[0] == '\0')
              continue;
            json_builder_set_member_name (builder, member);
            json_builder_add_string_value (builder, text);
          }
          break;
        case DD_FIELD_INT:
          json_builder_set_member_name (builder, member);
          json_builder_add_int_value (builder, dd_entity_get_int (entity, field->name));
          break;
        case DD_FIELD_BOOL:
          json_builder_set_member_name (builder, member);
          json_builder_add_boolean_value (builder, dd_entity_get_bool (entity, field->name));
          break;
        case DD_FIELD_REF:
        default:
          break;
        }
    }
}

typedef struct
{
  GHashTable *set;    /* gint64* → itself */
} IdSet;

static void
id_set_init (IdSet *ids)
{
  ids->set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static gboolean
id_set_add (IdSet  *ids,
            gint64  id)
{
  gint64 *key;

  if (id == 0 || g_hash_table_contains (ids->set, &id))
    return FALSE;
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_add (ids->set, key);
  return TRUE;
}

static gint
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Returns: (transfer full): the ids, in order */
static GArray *
id_set_sorted (IdSet *ids)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids->set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (out, *(gint64 *) key);
  g_array_sort (out, compare_int64);
  return out;
}

static void
id_set_clear (IdSet *ids)
{
  g_clear_pointer (&ids->set, g_hash_table_unref);
}

/* Runs @sql (one int64 column, @id bound to ?1), adding every id to @ids. */
static gboolean
collect_ids (DdStore     *store,
             const char  *sql,
             gint64       id,
             IdSet       *ids,
             GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id_set_add (ids, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (store, rc, error);
  return TRUE;
}

/* Office id */

static gboolean
make_office_id (DdStore   *store,
                gpointer   user_data,
                GError   **error)
{
  char **id = user_data;

  *id = dd_settings_dup (store, DD_SETTING_OFFICE_ID);
  if (*id != NULL)
    return TRUE;
  *id = g_uuid_string_random ();
  return dd_settings_set (store, DD_SETTING_OFFICE_ID, *id, error);
}

/**
 * dd_exchange_dup_office_id:
 * The stable id of this office (of its database): a UUID kept in the
 * settings table, made on the first call.
 *
 * Returns: (transfer full): the id, or %NULL with @error set
 */
char *
dd_exchange_dup_office_id (DdStore  *store,
                           GError  **error)
{
  char *id = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  id = dd_settings_dup (store, DD_SETTING_OFFICE_ID);
  if (id != NULL)
    return id;
  if (!dd_store_write (store, make_office_id, &id, error))
    {
      g_free (id);
      return NULL;
    }
  return id;
}

/* Export */

typedef struct
{
  DdStore     *store;
  JsonBuilder *builder;
  IdSet        units, deputies, stations, receptions, suggestions;
  gboolean     station_deputies;  /* a township's stations carry their deputies */
} Export;

static gboolean
check_selection (const DdExchangeSelection  *selection,
                 GError                    **error)
{
  if (selection->from != NULL && !dd_date_is_valid (selection->from))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD, for example 2025-03-01"),
                   selection->from);
      return FALSE;
    }
  if (selection->to != NULL && !dd_date_is_valid (selection->to))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD, for example 2025-03-01"),
                   selection->to);
      return FALSE;
    }
  if (selection->from != NULL && selection->to != NULL && strcmp (selection->from, selection->to) > 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s)"), selection->to, selection->from);
      return FALSE;
    }
  if (selection->kind == DD_EXCHANGE_TOWNSHIP &&
      (selection->township == NULL || selection->township[0] == '\0'))
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                           _("Choose the township whose data to export"));
      return FALSE;
    }
  return TRUE;
}

#define STATION_PLACE "(?1 IS NULL OR s.district = ?1) AND s.township = ?2"
#define IN_PERIOD(col) "(?3 IS NULL OR " col " >= ?3) AND (?4 IS NULL OR " col " <= ?4)"

static gboolean
select_records (Export                     *ex,
                const DdExchangeSelection  *sel,
                GError                    **error)
{
  DdStore *store = ex->store;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) suggestions = NULL;
  gboolean grew;
  int rc;

  /* The records the selection names: ?1 and ?2 the place or the
   * transfer's destination, ?3 and ?4 the period (NULL: open). */
  switch (sel->kind)
    {
    case DD_EXCHANGE_TRANSFERRED:
    case DD_EXCHANGE_DATE_RANGE:
      stmt = dd_store_prepare (store,
                               sel->kind == DD_EXCHANGE_TRANSFERRED
                               ? "SELECT id FROM suggestions WHERE state = 'transferred_out' "
                                 "AND (?1 IS NULL OR transferred_to = ?1) AND " IN_PERIOD ("registered_on")
                               : "SELECT id FROM suggestions WHERE " IN_PERIOD ("registered_on"),
                               error);
      if (stmt == NULL)
        return FALSE;
      dd_bind_text (stmt, 1, sel->kind == DD_EXCHANGE_TRANSFERRED ? sel->transferred_to : NULL);
      dd_bind_text (stmt, 3, sel->from);
      dd_bind_text (stmt, 4, sel->to);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        id_set_add (&ex->suggestions, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return dd_store_set_error (store, rc, error);
      break;

    case DD_EXCHANGE_TOWNSHIP:
      {
        static const char * const queries[] = {
          "SELECT s.id FROM stations s WHERE " STATION_PLACE,
          "SELECT r.id FROM receptions r JOIN stations s ON s.id = r.station_id WHERE "
            STATION_PLACE " AND " IN_PERIOD ("r.held_on"),
          "SELECT g.id FROM suggestions g JOIN stations s ON s.id = g.station_id WHERE "
            "g.kind = 'voter_opinion' AND " STATION_PLACE " AND " IN_PERIOD ("g.registered_on"),
        };
        IdSet *targets[] = { &ex->stations, &ex->receptions, &ex->suggestions };

        for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
          {
            stmt = dd_store_prepare (store, queries[q], error);
            if (stmt == NULL)
              return FALSE;
            dd_bind_text (stmt, 1, sel->district);
            dd_bind_text (stmt, 2, sel->township);
            dd_bind_text (stmt, 3, sel->from);
            dd_bind_text (stmt, 4, sel->to);
            while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
              id_set_add (targets[q], sqlite3_column_int64 (stmt, 0));
            sqlite3_reset (stmt);
            if (rc != SQLITE_DONE)
              return dd_store_set_error (store, rc, error);
          }
      }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  /* What they refer to: a merged suggestion's target, and so on until nothing is added. */
  do
    {
      g_autoptr(GArray) ids = id_set_sorted (&ex->suggestions);

      grew = FALSE;
      stmt = dd_store_prepare (store, "SELECT merged_into_id FROM suggestions WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            grew |= id_set_add (&ex->suggestions, sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
        }
    }
  while (grew);

  suggestions = id_set_sorted (&ex->suggestions);
  for (guint i = 0; i < suggestions->len; i++)
    {
      gint64 id = g_array_index (suggestions, gint64, i);

      if (!collect_ids (store, "SELECT station_id FROM suggestions WHERE id = ?1 AND station_id IS NOT NULL",
                        id, &ex->stations, error) ||
          !collect_ids (store, "SELECT reception_id FROM suggestions WHERE id = ?1 AND reception_id IS NOT NULL",
                        id, &ex->receptions, error) ||
          !collect_ids (store, "SELECT deputy_id FROM suggestion_proposers WHERE suggestion_id = ?1 "
                        "UNION SELECT deputy_id FROM evaluations WHERE suggestion_id = ?1",
                        id, &ex->deputies, error) ||
          !collect_ids (store, "SELECT unit_id FROM suggestion_units WHERE suggestion_id = ?1 "
                        "UNION SELECT unit_id FROM replies WHERE suggestion_id = ?1",
                        id, &ex->units, error))
        return FALSE;
    }

  {
    g_autoptr(GArray) receptions = id_set_sorted (&ex->receptions);

    for (guint i = 0; i < receptions->len; i++)
      {
        gint64 id = g_array_index (receptions, gint64, i);

        if (!collect_ids (store, "SELECT station_id FROM receptions WHERE id = ?1",
                          id, &ex->stations, error) ||
            !collect_ids (store, "SELECT deputy_id FROM reception_deputies WHERE reception_id = ?1",
                          id, &ex->deputies, error))
          return FALSE;
      }
  }

  /* A township's stations come with their deputies. */
  if (sel->kind == DD_EXCHANGE_TOWNSHIP)
    {
      g_autoptr(GArray) stations = id_set_sorted (&ex->stations);

      for (guint i = 0; i < stations->len; i++)
        if (!collect_ids (store, "SELECT deputy_id FROM station_deputies WHERE station_id = ?1",
                          g_array_index (stations, gint64, i), &ex->deputies, error))
          return FALSE;
    }
  return TRUE;
}

static void
add_deputy_key (Export *ex,
                gint64  deputy_id)
{
  sqlite3_stmt *stmt = dd_store_prepare (ex->store,
                                         "SELECT name, level, term FROM deputies WHERE id = ?", NULL);

  json_builder_begin_object (ex->builder);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, deputy_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_set_member_name (ex->builder, "name");
          json_builder_add_string_value (ex->builder, dd_column_text (stmt, 0));
          json_builder_set_member_name (ex->builder, "level");
          json_builder_add_string_value (ex->builder, dd_column_text (stmt, 1));
          json_builder_set_member_name (ex->builder, "term");
          json_builder_add_int_value (ex->builder, sqlite3_column_int64 (stmt, 2));
        }
      sqlite3_reset (stmt);
    }
  json_builder_end_object (ex->builder);
}

/* A text member from a column; nothing for NULL. */
static void
add_text_member (JsonBuilder  *builder,
                 const char   *name,
                 sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = dd_column_text (stmt, column);

  if (text == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static char *
dup_text (DdStore    *store,
          const char *sql,
          gint64      id)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (dd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static gboolean
export_entities (Export              *ex,
                 const char          *member,
                 GType                type,
                 IdSet               *ids,
                 const char * const  *skip,
                 gboolean           (*extra) (Export *, DdEntity *, GError **),
                 GError             **error)
{
  g_autoptr(GArray) sorted = id_set_sorted (ids);

  json_builder_set_member_name (ex->builder, member);
  json_builder_begin_array (ex->builder);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autoptr(DdEntity) entity = dd_entity_load (type, ex->store,
                                                   g_array_index (sorted, gint64, i), error);

      if (entity == NULL)
        return FALSE;
      json_builder_begin_object (ex->builder);
      json_builder_set_member_name (ex->builder, "id");
      json_builder_add_int_value (ex->builder, dd_entity_get_id (entity));
      add_entity_fields (ex->builder, entity, skip);
      if (extra != NULL && !extra (ex, entity, error))
        return FALSE;
      json_builder_end_object (ex->builder);
    }
  json_builder_end_array (ex->builder);
  return TRUE;
}

static gboolean
export_station_extra (Export    *ex,
                      DdEntity  *entity,
                      GError   **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) since = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) duty = g_array_new (FALSE, FALSE, sizeof (gboolean));
  int rc;

  if (!ex->station_deputies)
    return TRUE;
  stmt = dd_store_prepare (ex->store,
                           "SELECT deputy_id, on_duty, since_on FROM station_deputies "
                           "WHERE station_id = ? ORDER BY deputy_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dd_entity_get_id (entity));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 deputy = sqlite3_column_int64 (stmt, 0);
      gboolean on_duty = sqlite3_column_int (stmt, 1) != 0;

      if (!g_hash_table_contains (ex->deputies.set, &deputy))
        continue;
      g_array_append_val (links, deputy);
      g_array_append_val (duty, on_duty);
      g_ptr_array_add (since, g_strdup (dd_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (ex->store, rc, error);
  if (links->len == 0)
    return TRUE;

  json_builder_set_member_name (ex->builder, "deputies");
  json_builder_begin_array (ex->builder);
  for (guint i = 0; i < links->len; i++)
    {
      json_builder_begin_object (ex->builder);
      json_builder_set_member_name (ex->builder, "deputy");
      add_deputy_key (ex, g_array_index (links, gint64, i));
      json_builder_set_member_name (ex->builder, "on_duty");
      json_builder_add_boolean_value (ex->builder, g_array_index (duty, gboolean, i));
      if (g_ptr_array_index (since, i) != NULL)
        {
          json_builder_set_member_name (ex->builder, "since_on");
          json_builder_add_string_value (ex->builder, g_ptr_array_index (since, i));
        }
      json_builder_end_object (ex->builder);
    }
  json_builder_end_array (ex->builder);
  return TRUE;
}

static void
add_station_code (Export     *ex,
                  gint64      station_id)
{
  g_autofree char *code = NULL;

  if (station_id == 0)
    return;
  code = dup_text (ex->store, "SELECT code FROM stations WHERE id = ?", station_id);
  json_builder_set_member_name (ex->builder, "station");
  json_builder_add_string_value (ex->builder, code != NULL ? code : "");
}

static gboolean
export_reception_extra (Export    *ex,
                        DdEntity  *entity,
                        GError   **error)
{
  g_autoptr(GArray) deputies = NULL;

  add_station_code (ex, dd_entity_get_int (entity, "station-id"));
  deputies = dd_reception_dup_deputy_ids (DD_RECEPTION (entity), ex->store, error);
  if (deputies == NULL)
    return FALSE;
  json_builder_set_member_name (ex->builder, "deputies");
  json_builder_begin_array (ex->builder);
  for (guint i = 0; i < deputies->len; i++)
    add_deputy_key (ex, g_array_index (deputies, gint64, i));
  json_builder_end_array (ex->builder);
  return TRUE;
}

static gboolean
export_suggestion_extra (Export    *ex,
                         DdEntity  *entity,
                         GError   **error)
{
  JsonBuilder *b = ex->builder;
  gint64 id = dd_entity_get_id (entity);
  sqlite3_stmt *stmt;
  int rc;

  add_station_code (ex, dd_entity_get_int (entity, "station-id"));
  if (dd_entity_get_int (entity, "reception-id") != 0)
    {
      json_builder_set_member_name (b, "reception");
      json_builder_add_int_value (b, dd_entity_get_int (entity, "reception-id"));
    }
  if (dd_entity_get_int (entity, "merged-into-id") != 0)
    {
      json_builder_set_member_name (b, "merged_into");
      json_builder_add_int_value (b, dd_entity_get_int (entity, "merged-into-id"));
    }

  /* Proposers */
  json_builder_set_member_name (b, "proposers");
  json_builder_begin_array (b);
  stmt = dd_store_prepare (ex->store,
                           "SELECT deputy_id, position FROM suggestion_proposers WHERE suggestion_id = ? "
                           "ORDER BY position, deputy_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  {
    g_autoptr(GArray) deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 deputy = sqlite3_column_int64 (stmt, 0), position = sqlite3_column_int64 (stmt, 1);

        g_array_append_val (deputies, deputy);
        g_array_append_val (positions, position);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      return dd_store_set_error (ex->store, rc, error);
    for (guint i = 0; i < deputies->len; i++)
      {
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "deputy");
        add_deputy_key (ex, g_array_index (deputies, gint64, i));
        json_builder_set_member_name (b, "position");
        json_builder_add_int_value (b, g_array_index (positions, gint64, i));
        json_builder_end_object (b);
      }
  }
  json_builder_end_array (b);

  /* Units */
  json_builder_set_member_name (b, "units");
  json_builder_begin_array (b);
  stmt = dd_store_prepare (ex->store,
                           "SELECT u.name, su.role, su.assigned_on FROM suggestion_units su "
                           "JOIN units u ON u.id = su.unit_id WHERE su.suggestion_id = ? "
                           "ORDER BY su.role DESC, u.name", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      add_text_member (b, "unit", stmt, 0);
      add_text_member (b, "role", stmt, 1);
      add_text_member (b, "assigned_on", stmt, 2);
      json_builder_end_object (b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (ex->store, rc, error);
  json_builder_end_array (b);

  /* Replies */
  json_builder_set_member_name (b, "replies");
  json_builder_begin_array (b);
  stmt = dd_store_prepare (ex->store,
                           "SELECT u.name, r.round, r.class, r.body, r.replied_on, r.co_units_signed_off "
                           "FROM replies r JOIN units u ON u.id = r.unit_id WHERE r.suggestion_id = ? "
                           "ORDER BY r.round, r.replied_on, r.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      add_text_member (b, "unit", stmt, 0);
      json_builder_set_member_name (b, "round");
      json_builder_add_int_value (b, sqlite3_column_int64 (stmt, 1));
      add_text_member (b, "class", stmt, 2);
      add_text_member (b, "body", stmt, 3);
      add_text_member (b, "replied_on", stmt, 4);
      json_builder_set_member_name (b, "co_units_signed_off");
      json_builder_add_boolean_value (b, sqlite3_column_int (stmt, 5) != 0);
      json_builder_end_object (b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (ex->store, rc, error);
  json_builder_end_array (b);

  /* Evaluations */
  json_builder_set_member_name (b, "evaluations");
  json_builder_begin_array (b);
  {
    g_autoptr(GArray) deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    stmt = dd_store_prepare (ex->store,
                             "SELECT deputy_id, round, verdict, evaluated_on, comment FROM evaluations "
                             "WHERE suggestion_id = ? ORDER BY round, id", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 deputy = sqlite3_column_int64 (stmt, 0);
        char **row = g_new0 (char *, 5);

        g_array_append_val (deputies, deputy);
        for (int c = 1; c < 5; c++)
          row[c - 1] = g_strdup (dd_column_text (stmt, c));
        g_ptr_array_add (rows, row);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      return dd_store_set_error (ex->store, rc, error);
    for (guint i = 0; i < deputies->len; i++)
      {
        char **row = g_ptr_array_index (rows, i);

        json_builder_begin_object (b);
        json_builder_set_member_name (b, "deputy");
        add_deputy_key (ex, g_array_index (deputies, gint64, i));
        json_builder_set_member_name (b, "round");
        json_builder_add_int_value (b, g_ascii_strtoll (row[0], NULL, 10));
        json_builder_set_member_name (b, "verdict");
        json_builder_add_string_value (b, row[1]);
        json_builder_set_member_name (b, "evaluated_on");
        json_builder_add_string_value (b, row[2]);
        if (row[3] != NULL)
          {
            json_builder_set_member_name (b, "comment");
            json_builder_add_string_value (b, row[3]);
          }
        json_builder_end_object (b);
      }
  }
  json_builder_end_array (b);

  /* Supervisions */
  json_builder_set_member_name (b, "supervisions");
  json_builder_begin_array (b);
  stmt = dd_store_prepare (ex->store,
                           "SELECT mode, leader_name, started_on, ended_on, note FROM supervisions "
                           "WHERE suggestion_id = ? ORDER BY started_on, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      add_text_member (b, "mode", stmt, 0);
      add_text_member (b, "leader_name", stmt, 1);
      add_text_member (b, "started_on", stmt, 2);
      add_text_member (b, "ended_on", stmt, 3);
      add_text_member (b, "note", stmt, 4);
      json_builder_end_object (b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (ex->store, rc, error);
  json_builder_end_array (b);
  return TRUE;
}

static const char *
selection_kind_code (DdExchangeKind kind)
{
  switch (kind)
    {
    case DD_EXCHANGE_TRANSFERRED: return "transferred";
    case DD_EXCHANGE_DATE_RANGE:  return "date_range";
    case DD_EXCHANGE_TOWNSHIP:    return "township";
    default:                      return "";
    }
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Written beside @path, then renamed: the file is whole or absent. */
static gboolean
write_file (const char  *path,
            const char  *contents,
            GError     **error)
{
  GError *local = NULL;

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_IO,
                   _("Could not write “%s”: %s"), path, local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

/**
 * dd_exchange_export:
 * @selection: what to export
 * @path: the file to write (replaced whole, private to the user)
 *
 * Writes the selected records, and every record they refer to (deputies,
 * units, stations, receptions, the suggestion a merged one went into), as
 * one exchange file. The first export gives the office its id (a setting,
 * audited); nothing else is written to the database.
 */
gboolean
dd_exchange_export (DdStore                    *store,
                    const DdExchangeSelection  *selection,
                    const char                 *path,
                    GError                    **error)
{
  static const char * const deputy_skip[] = { "person-id", "code", NULL };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *office_name = NULL;
  g_autofree char *created = NULL;
  g_autofree char *text = NULL;
  Export ex = { store, NULL, };
  gboolean ok = FALSE;

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (selection != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_selection (selection, error))
    return FALSE;
  office_id = dd_exchange_dup_office_id (store, error);
  if (office_id == NULL)
    return FALSE;
  office_name = dd_settings_dup (store, DD_SETTING_OFFICE_NAME);
  created = dd_store_dup_now (store);

  id_set_init (&ex.units);
  id_set_init (&ex.deputies);
  id_set_init (&ex.stations);
  id_set_init (&ex.receptions);
  id_set_init (&ex.suggestions);

  /* One snapshot for every query. */
  if (!dd_store_exec (store, "BEGIN", error))
    goto out;

  builder = json_builder_new ();
  ex.builder = builder;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, DD_EXCHANGE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DD_EXCHANGE_VERSION);
  json_builder_set_member_name (builder, "office");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, office_name != NULL ? office_name : "");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, office_id);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "selection");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, selection_kind_code (selection->kind));
  add_optional_string (builder, "transferred_to", selection->transferred_to);
  add_optional_string (builder, "from", selection->from);
  add_optional_string (builder, "to", selection->to);
  add_optional_string (builder, "district", selection->district);
  add_optional_string (builder, "township", selection->township);
  json_builder_end_object (builder);

  ex.station_deputies = selection->kind == DD_EXCHANGE_TOWNSHIP;
  if (!select_records (&ex, selection, error))
    goto rollback;

  {
    static const char * const none[] = { NULL };

    if (!export_entities (&ex, "units", DD_TYPE_UNIT, &ex.units, none, NULL, error) ||
        !export_entities (&ex, "deputies", DD_TYPE_DEPUTY, &ex.deputies, deputy_skip, NULL, error) ||
        !export_entities (&ex, "stations", DD_TYPE_STATION, &ex.stations, none,
                          export_station_extra, error) ||
        !export_entities (&ex, "receptions", DD_TYPE_RECEPTION, &ex.receptions, none,
                          export_reception_extra, error) ||
        !export_entities (&ex, "suggestions", DD_TYPE_SUGGESTION, &ex.suggestions, none,
                          export_suggestion_extra, error))
      goto rollback;
  }
  json_builder_end_object (builder);
  dd_store_exec (store, "COMMIT", NULL);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  ok = write_file (path, text, error);
  goto out;

rollback:
  dd_store_exec (store, "ROLLBACK", NULL);
out:
  id_set_clear (&ex.units);
  id_set_clear (&ex.deputies);
  id_set_clear (&ex.stations);
  id_set_clear (&ex.receptions);
  id_set_clear (&ex.suggestions);
  return ok;
}

/* Import */

typedef enum
{
  OUTCOME_FAILED,
  OUTCOME_ADDED,
  OUTCOME_UPDATED,
  OUTCOME_SKIPPED,
} Outcome;

typedef struct
{
  DdStore                  *store;
  const char               *path;
  const DdExchangeOptions  *options;
  DdExchangeReport         *report;
  const char               *office_id;
  char                     *now;
  /* The file's ids → local ids, per kind (gint64* → gint64*). */
  GHashTable               *origins[DD_EXCHANGE_N_KINDS];
  /* What the file's references name → local ids (char* → gint64*). */
  GHashTable               *deputy_keys;
  GHashTable               *station_codes;
} Import;

static GHashTable *
new_id_map (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
id_map_put (GHashTable *map,
            gint64      key,
            gint64      value)
{
  g_hash_table_insert (map, g_memdup2 (&key, sizeof key), g_memdup2 (&value, sizeof value));
}

static gint64
id_map_get (GHashTable *map,
            gint64      key)
{
  gint64 *value = g_hash_table_lookup (map, &key);

  return value != NULL ? *value : 0;
}

static void
name_map_put (GHashTable *map,
              const char *key,
              gint64      value)
{
  g_hash_table_insert (map, g_strdup (key), g_memdup2 (&value, sizeof value));
}

static void
problem (Import     *ctx,
         const char *path,
         char       *message)
{
  g_ptr_array_add (ctx->report->problems, g_strdup_printf ("%s: %s", path, message));
  g_free (message);
}

static void
report_line (Import     *ctx,
             char       *line)
{
  g_ptr_array_add (ctx->report->lines, line);
}

static gint64
query_id (Import      *ctx,
          const char  *sql,
          const char  *a,
          const char  *b,
          gint64       n,
          gboolean     bind_n)
{
  sqlite3_stmt *stmt = dd_store_prepare (ctx->store, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  dd_bind_text (stmt, 1, a);
  dd_bind_text (stmt, 2, b);
  if (bind_n)
    sqlite3_bind_int64 (stmt, 3, n);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* JSON access */

static const char *
node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static const char *
member_string (JsonObject *obj,
               const char *name)
{
  return node_string (json_object_get_member (obj, name));
}

/* A list member: NULL if absent (nothing to do) or, with a problem, not a list. */
static JsonArray *
member_array (Import     *ctx,
              JsonObject *obj,
              const char *name,
              const char *path)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = path != NULL ? g_strdup_printf ("%s.%s", path, name) : g_strdup (name);

      problem (ctx, where, g_strdup (_("expected a list")));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (Import     *ctx,
                JsonArray  *array,
                guint       i,
                const char *path)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (ctx, path, g_strdup (_("expected an object")));
      return NULL;
    }
  return json_node_get_object (node);
}

/* Sets @entity's own fields (references excepted) from the members of @obj
 * that are present; *@changed tells whether any differed. */
static gboolean
apply_fields (Import              *ctx,
              DdEntity            *entity,
              JsonObject          *obj,
              const char          *path,
              const char * const  *skip,
              gboolean            *changed)
{
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (entity);
  gboolean ok = TRUE;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const DdField *field = &klass->fields[i];
      g_autofree char *member = NULL;
      g_autofree char *where = NULL;
      JsonNode *node;

      if (field->type == DD_FIELD_REF || field_is_skipped (field->name, skip))
        continue;
      member = property_to_member (field->name);
      node = json_object_get_member (obj, member);
      if (node == NULL)
        continue;
      where = g_strdup_printf ("%s.%s", path, member);

      switch (field->type)
        {
        case DD_FIELD_TEXT:
        case DD_FIELD_DATE:
        case DD_FIELD_ENUM:
          {
            const char *text = JSON_NODE_HOLDS_NULL (node) ? NULL : node_string (node);
            const char *old = dd_entity_get_string (entity, field->name);

            if (!JSON_NODE_HOLDS_NULL (node) && text == NULL)
              {
                problem (ctx, where, g_strdup (_("expected text")));
                ok = FALSE;
                break;
              }
            if (text != NULL && text[0] == '\0')
              text = NULL;
            if (g_strcmp0 (old != NULL && old[0] != '\0' ? old : NULL, text) != 0)
              {
                g_object_set (entity, field->name, text, NULL);
                *changed = TRUE;
              }
          }
          break;
        case DD_FIELD_INT:
          if (!node_is_int (node))
            {
              problem (ctx, where, g_strdup (_("expected a whole number")));
              ok = FALSE;
            }
          else if (json_node_get_int (node) != dd_entity_get_int (entity, field->name))
            {
              g_object_set (entity, field->name, (gint64) json_node_get_int (node), NULL);
              *changed = TRUE;
            }
          break;
        case DD_FIELD_BOOL:
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            {
              problem (ctx, where, g_strdup (_("expected true or false")));
              ok = FALSE;
            }
          else if (json_node_get_boolean (node) != dd_entity_get_bool (entity, field->name))
            {
              g_object_set (entity, field->name, json_node_get_boolean (node), NULL);
              *changed = TRUE;
            }
          break;
        case DD_FIELD_REF:
        default:
          break;
        }
    }
  return ok;
}

static void
set_ref (DdEntity   *entity,
         const char *property,
         gint64      id,
         gboolean   *changed)
{
  if (dd_entity_get_int (entity, property) != id)
    {
      g_object_set (entity, property, id, NULL);
      *changed = TRUE;
    }
}

/* The entity's own validation, then the save; problems under @path. */
static gboolean
validate_and_save (Import     *ctx,
                   DdEntity   *entity,
                   const char *path)
{
  g_autoptr(GPtrArray) problems = dd_entity_check (entity, ctx->store);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < problems->len; i++)
    problem (ctx, path, g_strdup (((DdProblem *) g_ptr_array_index (problems, i))->message));
  if (problems->len > 0)
    return FALSE;
  if (!dd_entity_save (entity, ctx->store, &error))
    {
      problem (ctx, path, g_strdup (error->message));
      return FALSE;
    }
  return TRUE;
}

static gint64
origin_lookup (Import               *ctx,
               DdExchangeRecordKind  kind,
               gint64                origin_id)
{
  sqlite3_stmt *stmt = dd_store_prepare (ctx->store,
                                         "SELECT local_id FROM exchange_origins WHERE office_id = ? "
                                         "AND origin_table = ? AND origin_id = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, ctx->office_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind_tables[kind], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, origin_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
origin_record (Import               *ctx,
               DdExchangeRecordKind  kind,
               gint64                origin_id,
               gint64                local_id,
               const char           *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = dd_store_prepare (ctx->store,
                                         "INSERT INTO exchange_origins (office_id, origin_table, origin_id, "
                                         "local_id, imported_at) VALUES (?, ?, ?, ?, ?)", &error);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, ctx->office_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, kind_tables[kind], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, origin_id);
      sqlite3_bind_int64 (stmt, 4, local_id);
      sqlite3_bind_text (stmt, 5, ctx->now, -1, SQLITE_TRANSIENT);
      if (dd_store_step_done (ctx->store, stmt, &error))
        return TRUE;
    }
  problem (ctx, path, g_strdup (error->message));
  return FALSE;
}

/* The record's id in the sending office; 0 with a problem if it has none. */
static gint64
record_origin_id (Import     *ctx,
                  JsonObject *obj,
                  const char *path)
{
  JsonNode *node = json_object_get_member (obj, "id");

  if (!node_is_int (node) || json_node_get_int (node) <= 0)
    {
      problem (ctx, path, g_strdup (_("the record has no id (a whole number above 0)")));
      return 0;
    }
  return json_node_get_int (node);
}

typedef gboolean (*SetRefs) (Import      *ctx,
                             DdEntity    *entity,
                             JsonObject  *obj,
                             const char  *path,
                             gboolean    *changed);

/**
 * Imports one record: the one imported before from this office, or else
 * the local duplicate (@duplicate_id), is skipped, updated or (for a
 * duplicate under the "new" policy) left for a new one, by the policy.
 * Returns: the local id, or 0 after a problem
 */
static gint64
import_entity (Import               *ctx,
               DdExchangeRecordKind  kind,
               GType                 type,
               JsonObject           *obj,
               const char           *path,
               gint64                origin_id,
               gint64                duplicate_id,
               const char * const   *skip,
               const char * const   *skip_on_update,
               SetRefs               set_refs,
               const char           *label,
               Outcome              *outcome)
{
  gint64 before = origin_lookup (ctx, kind, origin_id);
  gint64 target = before != 0 ? before : duplicate_id;
  DdExchangeDuplicates policy = ctx->options->duplicates;
  g_autoptr(DdEntity) entity = NULL;
  gboolean changed = FALSE;
  gint64 local_id;

  *outcome = OUTCOME_FAILED;
  /* Unit names are unique: a duplicate unit is never made. */
  if (target != 0 && (policy != DD_EXCHANGE_DUPLICATES_NEW || before != 0 || kind == DD_EXCHANGE_UNITS))
    {
      if (policy != DD_EXCHANGE_DUPLICATES_UPDATE)
        {
          report_line (ctx, before != 0
                       ? g_strdup_printf (_("%s: skipped “%s”: imported from this office before"), path, label)
                       : g_strdup_printf (_("%s: skipped “%s”: the same record is already here"), path, label));
          *outcome = OUTCOME_SKIPPED;
          local_id = target;
          goto mapped;
        }

      {
        g_autoptr(GError) error = NULL;

        entity = dd_entity_load (type, ctx->store, target, &error);
        if (entity == NULL)
          {
            problem (ctx, path, g_strdup (error->message));
            return 0;
          }
      }
      if (!apply_fields (ctx, entity, obj, path, skip_on_update, &changed) ||
          (set_refs != NULL && !set_refs (ctx, entity, obj, path, &changed)))
        return 0;
      if (!changed)
        {
          report_line (ctx, g_strdup_printf (_("%s: “%s” is already up to date"), path, label));
          *outcome = OUTCOME_SKIPPED;
          local_id = target;
          goto mapped;
        }
      if (!validate_and_save (ctx, entity, path))
        return 0;
      report_line (ctx, g_strdup_printf (_("%s: updated “%s”"), path, label));
      *outcome = OUTCOME_UPDATED;
      local_id = target;
      goto mapped;
    }

  entity = g_object_new (type, NULL);
  if (!apply_fields (ctx, entity, obj, path, skip, &changed) ||
      (set_refs != NULL && !set_refs (ctx, entity, obj, path, &changed)))
    return 0;
  if (!validate_and_save (ctx, entity, path))
    return 0;
  report_line (ctx, g_strdup_printf (_("%s: added “%s”"), path, label));
  *outcome = OUTCOME_ADDED;
  local_id = dd_entity_get_id (entity);

mapped:
  if (before == 0 && !origin_record (ctx, kind, origin_id, local_id, path))
    {
      *outcome = OUTCOME_FAILED;
      return 0;
    }
  id_map_put (ctx->origins[kind], origin_id, local_id);
  return local_id;
}

static void
count_outcome (Import               *ctx,
               DdExchangeRecordKind  kind,
               Outcome               outcome)
{
  switch (outcome)
    {
    case OUTCOME_ADDED:   ctx->report->added[kind]++; break;
    case OUTCOME_UPDATED: ctx->report->updated[kind]++; break;
    case OUTCOME_SKIPPED: ctx->report->skipped[kind]++; break;
    case OUTCOME_FAILED:
    default:              break;
    }
}

/* References */

static char *
deputy_key_string (const char *name,
                   const char *level,
                   gint64      term)
{
  return g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT, name, level, term);
}

/* A deputy by natural key: the file's own deputies first, then the local ones. */
static gint64
resolve_deputy (Import     *ctx,
                JsonNode   *node,
                const char *path)
{
  JsonObject *key;
  const char *name, *level;
  JsonNode *term;
  g_autofree char *text = NULL;
  gint64 *mapped, id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (ctx, path, g_strdup (_("expected a deputy as name, level and term")));
      return 0;
    }
  key = json_node_get_object (node);
  name = member_string (key, "name");
  level = member_string (key, "level");
  term = json_object_get_member (key, "term");
  if (name == NULL || level == NULL || !node_is_int (term))
    {
      problem (ctx, path, g_strdup (_("expected a deputy as name, level and term")));
      return 0;
    }

  text = deputy_key_string (name, level, json_node_get_int (term));
  mapped = g_hash_table_lookup (ctx->deputy_keys, text);
  if (mapped != NULL)
    return *mapped;
  id = query_id (ctx, "SELECT id FROM deputies WHERE name = ?1 AND level = ?2 AND term = ?3 "
                 "ORDER BY id LIMIT 1", name, level, json_node_get_int (term), TRUE);
  if (id == 0)
    {
      g_autofree char *term_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (term));
      const char *level_label = dd_code_label (dd_deputy_levels, level);

      /* TRANSLATORS: deputy “name” (level, term N) does not exist */
      problem (ctx, path, g_strdup_printf (_("deputy “%s” (%s, term %s) does not exist"),
                                           name, level_label != NULL ? level_label : level, term_text));
    }
  return id;
}

static gint64
resolve_unit (Import     *ctx,
              JsonNode   *node,
              const char *path)
{
  const char *name = node_string (node);
  gint64 id;

  if (name == NULL)
    {
      problem (ctx, path, g_strdup (_("expected the name of a handling unit")));
      return 0;
    }
  id = query_id (ctx, "SELECT id FROM units WHERE name = ?1", name, NULL, 0, FALSE);
  if (id == 0)
    problem (ctx, path, g_strdup_printf (_("unit “%s” does not exist"), name));
  return id;
}

static gint64
resolve_station (Import     *ctx,
                 JsonNode   *node,
                 const char *path)
{
  const char *code = node_string (node);
  gint64 *mapped;
  gint64 id;

  if (code == NULL)
    {
      problem (ctx, path, g_strdup (_("expected the code of a station")));
      return 0;
    }
  mapped = g_hash_table_lookup (ctx->station_codes, code);
  if (mapped != NULL)
    return *mapped;
  id = query_id (ctx, "SELECT id FROM stations WHERE code = ?1", code, NULL, 0, FALSE);
  if (id == 0)
    problem (ctx, path, g_strdup_printf (_("station “%s” does not exist"), code));
  return id;
}

/* A record of this file by its id there (a reception, a suggestion). */
static gint64
resolve_in_file (Import               *ctx,
                 DdExchangeRecordKind  kind,
                 JsonNode             *node,
                 const char           *path)
{
  g_autofree char *number = NULL;
  gint64 id;

  if (!node_is_int (node))
    {
      problem (ctx, path, g_strdup (_("expected a whole number")));
      return 0;
    }
  id = id_map_get (ctx->origins[kind], json_node_get_int (node));
  if (id != 0)
    return id;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  problem (ctx, path, kind == DD_EXCHANGE_RECEPTIONS
           ? g_strdup_printf (_("reception %s is not in the file"), number)
           : g_strdup_printf (_("suggestion %s is not in the file"), number));
  return 0;
}

/* Kinds */

static void
import_units (Import    *ctx,
              JsonArray *units)
{
  for (guint i = 0; units != NULL && i < json_array_get_length (units); i++)
    {
      g_autofree char *path = g_strdup_printf ("units[%u]", i);
      JsonObject *obj = element_object (ctx, units, i, path);
      const char *name;
      gint64 origin;
      Outcome outcome;

      if (obj == NULL || (origin = record_origin_id (ctx, obj, path)) == 0)
        continue;
      name = member_string (obj, "name");
      import_entity (ctx, DD_EXCHANGE_UNITS, DD_TYPE_UNIT, obj, path, origin,
                     name != NULL ? query_id (ctx, "SELECT id FROM units WHERE name = ?1", name, NULL, 0, FALSE) : 0,
                     NULL, NULL, NULL, name != NULL ? name : "", &outcome);
      count_outcome (ctx, DD_EXCHANGE_UNITS, outcome);
    }
}

static void
import_deputies (Import    *ctx,
                 JsonArray *deputies)
{
  static const char * const skip[] = { "person-id", "code", NULL };

  for (guint i = 0; deputies != NULL && i < json_array_get_length (deputies); i++)
    {
      g_autofree char *path = g_strdup_printf ("deputies[%u]", i);
      JsonObject *obj = element_object (ctx, deputies, i, path);
      const char *name, *level;
      JsonNode *term;
      gint64 origin, duplicate = 0, id;
      Outcome outcome;

      if (obj == NULL || (origin = record_origin_id (ctx, obj, path)) == 0)
        continue;
      name = member_string (obj, "name");
      level = member_string (obj, "level");
      term = json_object_get_member (obj, "term");
      if (name != NULL && level != NULL && node_is_int (term))
        duplicate = query_id (ctx, "SELECT id FROM deputies WHERE name = ?1 AND level = ?2 AND term = ?3 "
                              "ORDER BY id LIMIT 1", name, level, json_node_get_int (term), TRUE);
      id = import_entity (ctx, DD_EXCHANGE_DEPUTIES, DD_TYPE_DEPUTY, obj, path, origin, duplicate,
                          skip, skip, NULL, name != NULL ? name : "", &outcome);
      count_outcome (ctx, DD_EXCHANGE_DEPUTIES, outcome);
      if (id != 0 && name != NULL && level != NULL && node_is_int (term))
        {
          g_autofree char *key = deputy_key_string (name, level, json_node_get_int (term));

          name_map_put (ctx->deputy_keys, key, id);
        }
    }
}

static gboolean
link_rows (Import     *ctx,
           const char *sql,
           gint64      a,
           gint64      b,
           const char *c,
           const char *d,
           const char *table,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = dd_store_prepare (ctx->store, sql, &error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        dd_bind_text (stmt, 3, c);
      if (sqlite3_bind_parameter_count (stmt) >= 4)
        dd_bind_text (stmt, 4, d);
      if (dd_store_step_done (ctx->store, stmt, &error))
        {
          if (sqlite3_changes (dd_store_get_db (ctx->store)) > 0)
            dd_store_note_change (ctx->store, table, a);
          return TRUE;
        }
    }
  problem (ctx, path, g_strdup (error->message));
  return FALSE;
}

static void
import_stations (Import    *ctx,
                 JsonArray *stations)
{
  static const char * const skip[] = { "code", NULL };

  for (guint i = 0; stations != NULL && i < json_array_get_length (stations); i++)
    {
      g_autofree char *path = g_strdup_printf ("stations[%u]", i);
      JsonObject *obj = element_object (ctx, stations, i, path);
      const char *code, *name;
      gint64 origin, duplicate = 0, id;
      Outcome outcome;
      JsonArray *links;

      if (obj == NULL || (origin = record_origin_id (ctx, obj, path)) == 0)
        continue;
      code = member_string (obj, "code");
      name = member_string (obj, "name");
      if (code != NULL)
        duplicate = query_id (ctx, "SELECT id FROM stations WHERE code = ?1", code, NULL, 0, FALSE);
      id = import_entity (ctx, DD_EXCHANGE_STATIONS, DD_TYPE_STATION, obj, path, origin, duplicate,
                          skip, skip, NULL, name != NULL ? name : "", &outcome);
      count_outcome (ctx, DD_EXCHANGE_STATIONS, outcome);
      if (id == 0)
        continue;

      /* A new station is given a code here (codes follow local ids, so
       * the sender's could not be kept without colliding later); the
       * file's references to the sender's code resolve through this map. */
      if (code != NULL)
        name_map_put (ctx->station_codes, code, id);

      if (outcome != OUTCOME_ADDED && outcome != OUTCOME_UPDATED)
        continue;
      links = member_array (ctx, obj, "deputies", path);
      for (guint j = 0; links != NULL && j < json_array_get_length (links); j++)
        {
          g_autofree char *link_path = g_strdup_printf ("%s.deputies[%u]", path, j);
          g_autofree char *deputy_path = g_strdup_printf ("%s.deputy", link_path);
          JsonObject *link = element_object (ctx, links, j, link_path);
          JsonNode *on_duty;
          gint64 deputy;

          if (link == NULL)
            continue;
          deputy = resolve_deputy (ctx, json_object_get_member (link, "deputy"), deputy_path);
          if (deputy == 0)
            continue;
          on_duty = json_object_get_member (link, "on_duty");
          link_rows (ctx, "INSERT OR IGNORE INTO station_deputies (station_id, deputy_id, on_duty, since_on) "
                     "VALUES (?1, ?2, ?3, ?4)", id, deputy,
                     on_duty != NULL && JSON_NODE_HOLDS_VALUE (on_duty) &&
                     json_node_get_value_type (on_duty) == G_TYPE_BOOLEAN &&
                     json_node_get_boolean (on_duty) ? "1" : "0",
                     member_string (link, "since_on"), "station_deputies", link_path);
        }
    }
}

static gboolean
reception_refs (Import      *ctx,
                DdEntity    *entity,
                JsonObject  *obj,
                const char  *path,
                gboolean    *changed)
{
  g_autofree char *where = g_strdup_printf ("%s.station", path);
  gint64 station = resolve_station (ctx, json_object_get_member (obj, "station"), where);

  if (station == 0)
    return FALSE;
  set_ref (entity, "station-id", station, changed);
  return TRUE;
}

static void
import_receptions (Import    *ctx,
                   JsonArray *receptions)
{
  for (guint i = 0; receptions != NULL && i < json_array_get_length (receptions); i++)
    {
      g_autofree char *path = g_strdup_printf ("receptions[%u]", i);
      JsonObject *obj = element_object (ctx, receptions, i, path);
      const char *held_on, *station_code;
      gint64 origin, duplicate = 0, id, station = 0;
      Outcome outcome;
      JsonArray *deputies;

      if (obj == NULL || (origin = record_origin_id (ctx, obj, path)) == 0)
        continue;
      held_on = member_string (obj, "held_on");
      station_code = member_string (obj, "station");
      if (station_code != NULL)
        {
          gint64 *mapped = g_hash_table_lookup (ctx->station_codes, station_code);

          station = mapped != NULL ? *mapped
                    : query_id (ctx, "SELECT id FROM stations WHERE code = ?1", station_code, NULL, 0, FALSE);
        }
      if (station != 0 && held_on != NULL)
        {
          sqlite3_stmt *stmt = dd_store_prepare (ctx->store,
                                                 "SELECT id FROM receptions WHERE station_id = ? AND held_on = ? "
                                                 "AND topic IS ? ORDER BY id LIMIT 1", NULL);
          if (stmt != NULL)
            {
              sqlite3_bind_int64 (stmt, 1, station);
              sqlite3_bind_text (stmt, 2, held_on, -1, SQLITE_TRANSIENT);
              dd_bind_text (stmt, 3, member_string (obj, "topic"));
              if (sqlite3_step (stmt) == SQLITE_ROW)
                duplicate = sqlite3_column_int64 (stmt, 0);
              sqlite3_reset (stmt);
            }
        }
      id = import_entity (ctx, DD_EXCHANGE_RECEPTIONS, DD_TYPE_RECEPTION, obj, path, origin, duplicate,
                          NULL, NULL, reception_refs, held_on != NULL ? held_on : "", &outcome);
      count_outcome (ctx, DD_EXCHANGE_RECEPTIONS, outcome);
      if (id == 0 || (outcome != OUTCOME_ADDED && outcome != OUTCOME_UPDATED))
        continue;

      deputies = member_array (ctx, obj, "deputies", path);
      for (guint j = 0; deputies != NULL && j < json_array_get_length (deputies); j++)
        {
          g_autofree char *deputy_path = g_strdup_printf ("%s.deputies[%u]", path, j);
          gint64 deputy = resolve_deputy (ctx, json_array_get_element (deputies, j), deputy_path);

          if (deputy != 0)
            link_rows (ctx, "INSERT OR IGNORE INTO reception_deputies (reception_id, deputy_id) VALUES (?1, ?2)",
                       id, deputy, NULL, NULL, "reception_deputies", deputy_path);
        }
    }
}

static gboolean
suggestion_refs (Import      *ctx,
                 DdEntity    *entity,
                 JsonObject  *obj,
                 const char  *path,
                 gboolean    *changed)
{
  JsonNode *node;
  gboolean ok = TRUE;

  if ((node = json_object_get_member (obj, "station")) != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autofree char *where = g_strdup_printf ("%s.station", path);
      gint64 id = resolve_station (ctx, node, where);

      ok &= id != 0;
      set_ref (entity, "station-id", id, changed);
    }
  if ((node = json_object_get_member (obj, "reception")) != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autofree char *where = g_strdup_printf ("%s.reception", path);
      gint64 id = resolve_in_file (ctx, DD_EXCHANGE_RECEPTIONS, node, where);

      ok &= id != 0;
      set_ref (entity, "reception-id", id, changed);
    }
  if ((node = json_object_get_member (obj, "merged_into")) != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autofree char *where = g_strdup_printf ("%s.merged_into", path);
      gint64 id = resolve_in_file (ctx, DD_EXCHANGE_SUGGESTIONS, node, where);

      ok &= id != 0;
      set_ref (entity, "merged-into-id", id, changed);
    }
  return ok;
}

static gboolean
row_exists (Import     *ctx,
            const char *sql,
            gint64      a,
            gint64      b,
            gint64      c,
            const char *d)
{
  sqlite3_stmt *stmt = dd_store_prepare (ctx->store, sql, NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  dd_bind_text (stmt, 4, d);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gint64
member_int (JsonObject *obj,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = json_object_get_member (obj, name);

  return node_is_int (node) ? json_node_get_int (node) : fallback;
}

/* Proposers, units, replies, evaluations and supervisions missing here;
 * with @suggestion 0 (the suggestion itself failed), only their
 * references are checked, so that every problem is reported at once. */
static void
import_handling (Import     *ctx,
                 gint64      suggestion,
                 JsonObject *obj,
                 const char *path)
{
  JsonArray *list;

  list = member_array (ctx, obj, "proposers", path);
  for (guint j = 0; list != NULL && j < json_array_get_length (list); j++)
    {
      g_autofree char *where = g_strdup_printf ("%s.proposers[%u]", path, j);
      g_autofree char *deputy_path = g_strdup_printf ("%s.deputy", where);
      g_autofree char *position = NULL;
      JsonObject *item = element_object (ctx, list, j, where);
      gint64 deputy;

      if (item == NULL || (deputy = resolve_deputy (ctx, json_object_get_member (item, "deputy"), deputy_path)) == 0 ||
          suggestion == 0)
        continue;
      position = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (item, "position", j + 1));
      link_rows (ctx, "INSERT OR IGNORE INTO suggestion_proposers (suggestion_id, deputy_id, position) "
                 "VALUES (?1, ?2, ?3)", suggestion, deputy, position, NULL, "suggestion_proposers", where);
    }

  list = member_array (ctx, obj, "units", path);
  for (guint j = 0; list != NULL && j < json_array_get_length (list); j++)
    {
      g_autofree char *where = g_strdup_printf ("%s.units[%u]", path, j);
      JsonObject *item = element_object (ctx, list, j, where);
      const char *role, *assigned_on;
      gint64 unit;

      if (item == NULL || (unit = resolve_unit (ctx, json_object_get_member (item, "unit"), where)) == 0 ||
          suggestion == 0)
        continue;
      role = member_string (item, "role");
      assigned_on = member_string (item, "assigned_on");
      if (g_strcmp0 (role, "lead") != 0 && g_strcmp0 (role, "co") != 0)
        {
          problem (ctx, where, g_strdup_printf (_("the role “%s” is neither “lead” nor “co”"),
                                                role != NULL ? role : ""));
          continue;
        }
      if (!dd_date_is_valid (assigned_on))
        {
          problem (ctx, where, g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD, "
                                                  "for example 2025-03-01"),
                                                assigned_on != NULL ? assigned_on : ""));
          continue;
        }
      link_rows (ctx, "INSERT OR IGNORE INTO suggestion_units (suggestion_id, unit_id, role, assigned_on) "
                 "VALUES (?1, ?2, ?3, ?4)", suggestion, unit, role, assigned_on, "suggestion_units", where);
    }

  list = member_array (ctx, obj, "replies", path);
  for (guint j = 0; list != NULL && j < json_array_get_length (list); j++)
    {
      g_autofree char *where = g_strdup_printf ("%s.replies[%u]", path, j);
      JsonObject *item = element_object (ctx, list, j, where);
      g_autoptr(DdReply) reply = NULL;
      gboolean changed = FALSE;
      gint64 unit;

      if (item == NULL || (unit = resolve_unit (ctx, json_object_get_member (item, "unit"), where)) == 0 ||
          suggestion == 0)
        continue;
      if (row_exists (ctx, "SELECT 1 FROM replies WHERE suggestion_id = ?1 AND unit_id = ?2 AND round = ?3 "
                      "AND replied_on IS ?4", suggestion, unit, member_int (item, "round", 1),
                      member_string (item, "replied_on")))
        continue;
      reply = dd_reply_new ();
      g_object_set (reply, "suggestion-id", suggestion, "unit-id", unit, NULL);
      if (apply_fields (ctx, DD_ENTITY (reply), item, where, NULL, &changed))
        validate_and_save (ctx, DD_ENTITY (reply), where);
    }

  list = member_array (ctx, obj, "evaluations", path);
  for (guint j = 0; list != NULL && j < json_array_get_length (list); j++)
    {
      g_autofree char *where = g_strdup_printf ("%s.evaluations[%u]", path, j);
      g_autofree char *deputy_path = g_strdup_printf ("%s.deputy", where);
      JsonObject *item = element_object (ctx, list, j, where);
      g_autoptr(DdEvaluation) evaluation = NULL;
      gboolean changed = FALSE;
      gint64 deputy;

      if (item == NULL || (deputy = resolve_deputy (ctx, json_object_get_member (item, "deputy"), deputy_path)) == 0 ||
          suggestion == 0)
        continue;
      if (row_exists (ctx, "SELECT 1 FROM evaluations WHERE suggestion_id = ?1 AND deputy_id = ?2 "
                      "AND round = ?3 AND ?4 IS NULL", suggestion, deputy, member_int (item, "round", 1), NULL))
        continue;
      evaluation = dd_evaluation_new ();
      g_object_set (evaluation, "suggestion-id", suggestion, "deputy-id", deputy, NULL);
      if (apply_fields (ctx, DD_ENTITY (evaluation), item, where, NULL, &changed))
        validate_and_save (ctx, DD_ENTITY (evaluation), where);
    }

  list = member_array (ctx, obj, "supervisions", path);
  for (guint j = 0; list != NULL && j < json_array_get_length (list); j++)
    {
      g_autofree char *where = g_strdup_printf ("%s.supervisions[%u]", path, j);
      JsonObject *item = element_object (ctx, list, j, where);
      g_autoptr(DdSupervision) supervision = NULL;
      gboolean changed = FALSE;
      sqlite3_stmt *stmt;
      gboolean found = FALSE;

      if (item == NULL || suggestion == 0)
        continue;
      stmt = dd_store_prepare (ctx->store, "SELECT 1 FROM supervisions WHERE suggestion_id = ? "
                               "AND mode IS ? AND started_on IS ?", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, suggestion);
          dd_bind_text (stmt, 2, member_string (item, "mode"));
          dd_bind_text (stmt, 3, member_string (item, "started_on"));
          found = sqlite3_step (stmt) == SQLITE_ROW;
          sqlite3_reset (stmt);
        }
      if (found)
        continue;
      supervision = dd_supervision_new ();
      g_object_set (supervision, "suggestion-id", suggestion, NULL);
      if (apply_fields (ctx, DD_ENTITY (supervision), item, where, NULL, &changed))
        validate_and_save (ctx, DD_ENTITY (supervision), where);
    }
}

/* The lead proposer of a suggestion of the file, if it resolves without a problem. */
static gint64
lead_proposer (Import     *ctx,
               JsonObject *obj)
{
  JsonNode *node = json_object_get_member (obj, "proposers");
  JsonArray *list;
  gint64 best_position = G_MAXINT64, lead = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;
  list = json_node_get_array (node);
  for (guint j = 0; j < json_array_get_length (list); j++)
    {
      JsonNode *item = json_array_get_element (list, j);
      JsonObject *proposer, *key;
      JsonNode *deputy;
      gint64 position;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      proposer = json_node_get_object (item);
      deputy = json_object_get_member (proposer, "deputy");
      position = member_int (proposer, "position", j + 1);
      if (deputy == NULL || !JSON_NODE_HOLDS_OBJECT (deputy) || position >= best_position)
        continue;
      key = json_node_get_object (deputy);
      if (member_string (key, "name") == NULL || member_string (key, "level") == NULL ||
          !node_is_int (json_object_get_member (key, "term")))
        continue;
      {
        g_autofree char *text = deputy_key_string (member_string (key, "name"), member_string (key, "level"),
                                                   json_node_get_int (json_object_get_member (key, "term")));
        gint64 *mapped = g_hash_table_lookup (ctx->deputy_keys, text);

        best_position = position;
        lead = mapped != NULL ? *mapped
               : query_id (ctx, "SELECT id FROM deputies WHERE name = ?1 AND level = ?2 AND term = ?3 "
                           "ORDER BY id LIMIT 1", member_string (key, "name"), member_string (key, "level"),
                           json_node_get_int (json_object_get_member (key, "term")), TRUE);
      }
    }
  return lead;
}

static void
import_suggestion (Import     *ctx,
                   JsonObject *obj,
                   const char *path,
                   gint64      origin)
{
  static const char * const skip_on_update[] = { "number", NULL };
  const char *title = member_string (obj, "title");
  const char *registered_on = member_string (obj, "registered_on");
  const char *number = member_string (obj, "number");
  gint64 lead = lead_proposer (ctx, obj);
  gint64 duplicate = 0, id;
  gboolean number_taken;
  Outcome outcome;

  if (title != NULL && registered_on != NULL)
    {
      sqlite3_stmt *stmt = dd_store_prepare (ctx->store,
                                             "SELECT s.id FROM suggestions s WHERE s.title = ?1 "
                                             "AND s.registered_on = ?2 AND (CASE WHEN ?3 = 0 THEN NOT EXISTS "
                                             "(SELECT 1 FROM suggestion_proposers p WHERE p.suggestion_id = s.id) "
                                             "ELSE EXISTS (SELECT 1 FROM suggestion_proposers p "
                                             "WHERE p.suggestion_id = s.id AND p.deputy_id = ?3 AND p.position = "
                                             "(SELECT min(position) FROM suggestion_proposers q "
                                             "WHERE q.suggestion_id = s.id)) END) ORDER BY s.id LIMIT 1", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, registered_on, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, lead);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            duplicate = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
    }

  /* A new suggestion keeps the sender's number where it is free here. */
  number_taken = number != NULL &&
                 query_id (ctx, "SELECT id FROM suggestions WHERE number = ?1", number, NULL, 0, FALSE) != 0;
  {
    static const char * const skip_number[] = { "number", NULL };

    id = import_entity (ctx, DD_EXCHANGE_SUGGESTIONS, DD_TYPE_SUGGESTION, obj, path, origin, duplicate,
                        number_taken ? skip_number : NULL, skip_on_update, suggestion_refs,
                        title != NULL ? title : "", &outcome);
  }
  count_outcome (ctx, DD_EXCHANGE_SUGGESTIONS, outcome);
  if (id == 0)
    import_handling (ctx, 0, obj, path);
  else if (outcome == OUTCOME_ADDED || outcome == OUTCOME_UPDATED)
    import_handling (ctx, id, obj, path);
}

static void
import_suggestions (Import    *ctx,
                    JsonArray *suggestions)
{
  guint n = suggestions != NULL ? json_array_get_length (suggestions) : 0;
  g_autofree gboolean *done = g_new0 (gboolean, n + 1);
  g_autofree gint64 *origins = g_new0 (gint64, n + 1);
  gboolean progress = TRUE;

  /* A merged suggestion after the one it went into, wherever the file has them. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("suggestions[%u]", i);
      JsonObject *obj = element_object (ctx, suggestions, i, path);

      if (obj == NULL || (origins[i] = record_origin_id (ctx, obj, path)) == 0)
        done[i] = TRUE;
    }
  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < n; i++)
        {
          JsonObject *obj;
          JsonNode *merged;

          if (done[i])
            continue;
          obj = json_array_get_object_element (suggestions, i);
          merged = json_object_get_member (obj, "merged_into");
          if (merged != NULL && node_is_int (merged) &&
              id_map_get (ctx->origins[DD_EXCHANGE_SUGGESTIONS], json_node_get_int (merged)) == 0)
            {
              /* Waits while its target is still to come. */
              gboolean pending = FALSE;

              for (guint k = 0; k < n && !pending; k++)
                pending = !done[k] && k != i && origins[k] == json_node_get_int (merged);
              if (pending)
                continue;
            }
          {
            g_autofree char *path = g_strdup_printf ("suggestions[%u]", i);

            import_suggestion (ctx, obj, path, origins[i]);
          }
          done[i] = TRUE;
          progress = TRUE;
        }
    }
  /* Left: merges into each other in a circle. */
  for (guint i = 0; i < n; i++)
    if (!done[i])
      {
        g_autofree char *path = g_strdup_printf ("suggestions[%u]", i);

        import_suggestion (ctx, json_array_get_object_element (suggestions, i), path, origins[i]);
      }
}

typedef struct
{
  Import     *ctx;
  JsonObject *root;
} ImportRun;

static gboolean
import_in_transaction (DdStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  ImportRun *run = user_data;
  Import *ctx = run->ctx;

  import_units (ctx, member_array (ctx, run->root, "units", NULL));
  import_deputies (ctx, member_array (ctx, run->root, "deputies", NULL));
  import_stations (ctx, member_array (ctx, run->root, "stations", NULL));
  import_receptions (ctx, member_array (ctx, run->root, "receptions", NULL));
  import_suggestions (ctx, member_array (ctx, run->root, "suggestions", NULL));

  if (ctx->report->problems->len > 0)
    {
      const char *first = g_ptr_array_index (ctx->report->problems, 0);

      if (ctx->report->problems->len == 1)
        g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                     _("Nothing was imported from “%s”: %s"), ctx->path, first);
      else
        {
          g_autofree char *count = g_strdup_printf ("%u", ctx->report->problems->len);

          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Nothing was imported from “%s”: %s (%s problems in all)"),
                       ctx->path, first, count);
        }
      return FALSE;
    }
  if (ctx->options->dry_run)
    {
      /* Undone by the store; the caller drops this error. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "dry run");
      return FALSE;
    }
  return TRUE;
}

/* The file's header: format, version, sender. */
static JsonObject *
check_header (JsonNode    *root,
              const char  *path,
              GError     **error)
{
  JsonObject *obj, *office;
  JsonNode *version, *office_node;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (member_string (json_node_get_object (root), "format"), DD_EXCHANGE_FORMAT) != 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("“%s” is not a Deputy Desk exchange file"), path);
      return NULL;
    }
  obj = json_node_get_object (root);
  version = json_object_get_member (obj, "version");
  if (!node_is_int (version) || json_node_get_int (version) < 1)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("“%s” does not say which version of the exchange format it is written in"), path);
      return NULL;
    }
  if (json_node_get_int (version) > DD_EXCHANGE_VERSION)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Deputy Desk (exchange format %d; this "
                     "version reads up to %d). Update Deputy Desk to import it."),
                   path, (int) MIN (json_node_get_int (version), G_MAXINT), DD_EXCHANGE_VERSION);
      return NULL;
    }
  office_node = json_object_get_member (obj, "office");
  office = office_node != NULL && JSON_NODE_HOLDS_OBJECT (office_node) ? json_node_get_object (office_node) : NULL;
  id = office != NULL ? member_string (office, "id") : NULL;
  if (id == NULL || id[0] == '\0')
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("“%s” does not say which office sent it"), path);
      return NULL;
    }
  return obj;
}

/**
 * dd_exchange_import:
 * @path: an exchange file (see dd_exchange_export())
 * @options: dry run, and what to do with duplicates
 * @report: (out) (optional) (transfer full): what was (or would be)
 *   added, updated and skipped, and every problem; set whenever the file
 *   could be read, even on failure
 *
 * Imports the records of @path in one transaction. Ids are mapped, never
 * trusted: units are found by name, deputies by name + level + term,
 * stations by code; records already imported from the same office are
 * recognised and not added again, so that importing a file twice changes
 * nothing the second time. A local record with the same natural key
 * (deputies: name + level + term; stations: code; suggestions: title +
 * lead proposer + registration date; receptions: station + date + topic;
 * units: name) is a duplicate, skipped, updated, or doubled (not units,
 * whose names are unique) by @options. Every record goes through its
 * entity's validation. If any record has a problem nothing is written
 * and %FALSE is returned (DD_MODEL_ERROR_INVALID, naming the first); a dry
 * run writes nothing either but otherwise returns %TRUE.
 */
gboolean
dd_exchange_import (DdStore                  *store,
                    const char               *path,
                    const DdExchangeOptions  *options,
                    DdExchangeReport        **report,
                    GError                  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(DdExchangeReport) result = NULL;
  JsonObject *root, *office;
  Import ctx = { store, path, options, };
  ImportRun run;
  gboolean ok;

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (report != NULL)
    *report = NULL;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      if (local->domain == JSON_PARSER_ERROR)
        g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                     _("“%s” is not an exchange file: %s"), path, local->message);
      else
        g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_IO,
                     _("Could not read “%s”: %s"), path, local->message);
      return FALSE;
    }
  root = check_header (json_parser_get_root (parser), path, error);
  if (root == NULL)
    return FALSE;
  office = json_object_get_object_member (root, "office");

  result = report_new ();
  result->office_id = g_strdup (member_string (office, "id"));
  result->office_name = g_strdup (member_string (office, "name"));
  ctx.report = result;
  ctx.office_id = result->office_id;
  ctx.now = dd_store_dup_now (store);
  for (int k = 0; k < DD_EXCHANGE_N_KINDS; k++)
    ctx.origins[k] = new_id_map ();
  ctx.deputy_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx.station_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  run.ctx = &ctx;
  run.root = root;
  ok = dd_store_write (store, import_in_transaction, &run, &local);
  if (!ok && options->dry_run && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ok = TRUE;
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local));

  g_free (ctx.now);
  for (int k = 0; k < DD_EXCHANGE_N_KINDS; k++)
    g_hash_table_unref (ctx.origins[k]);
  g_hash_table_unref (ctx.deputy_keys);
  g_hash_table_unref (ctx.station_codes);
  if (report != NULL)
    *report = g_steal_pointer (&result);
  return ok;
}
