/* dd-checklist.c: the office's standards checklist ("八有") and each station's ticks
 *
 * Items are never deleted, only retired: a retired item keeps the ticks
 * stations had for it (the history of an inspection) but no longer counts
 * in compliance. Positions run 1…n over every item, retired ones included,
 * and are kept contiguous by dd_checklist_move_item().
 *
 * A tick is audited on the station as a set-valued field "checklist": a
 * tick is (old NULL, new item code), an untick (old code, new NULL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-checklist"

#include <glib/gi18n-lib.h>

#include "dd-checklist.h"
#include "dd-model-error.h"
#include "dd-store-private.h"

typedef struct
{
  gint64      item_id;
  const char *label;
  gint64     *out_id;
  int         position;
  gboolean    active;
} ItemEdit;

typedef struct
{
  gint64   station_id;
  gint64   item_id;
  gboolean done;
} TickEdit;

/* Helpers */

static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static DdChecklistItem *
read_item (sqlite3_stmt *stmt)
{
  DdChecklistItem *item = g_new0 (DdChecklistItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->code = g_strdup (dd_column_text (stmt, 1));
  item->label = g_strdup (dd_column_text (stmt, 2));
  item->position = sqlite3_column_int (stmt, 3);
  item->active = sqlite3_column_int (stmt, 4) != 0;
  return item;
}

/* The stored item, or NULL with DD_MODEL_ERROR_NOT_FOUND. */
static DdChecklistItem *
load_item (DdStore  *store,
           gint64    item_id,
           GError  **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT id, code, label, position, active "
                                         "FROM checklist_items WHERE id = ?", error);
  DdChecklistItem *item = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = read_item (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = number_text (item_id);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                   _("Checklist item: there is no item numbered %s"), number);
    }
  else if (rc != SQLITE_ROW)
    dd_store_set_error (store, rc, error);
  return item;
}

/* A label, stripped, that no other active item has (two "有制度" would be
 * two columns no one can tell apart). */
static char *
check_label (DdStore     *store,
             const char  *label,
             gint64       except_id,
             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (label != NULL ? label : ""));
  sqlite3_stmt *stmt;
  gboolean taken;

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                           _("Label is required"));
      return NULL;
    }
  stmt = dd_store_prepare (store,
                           "SELECT 1 FROM checklist_items WHERE label = ? AND active = 1 AND id <> ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Label: “%s” is already on the checklist"), stripped);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

static gboolean
station_exists (DdStore     *store,
                gint64       station_id,
                GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, "SELECT 1 FROM stations WHERE id = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, station_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    {
      g_autofree char *number = number_text (station_id);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                   _("There is no station numbered %s"), number);
    }
  return found;
}

static gboolean
add_in_transaction (DdStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  ItemEdit *edit = user_data;
  g_autofree char *label = check_label (store, edit->label, 0, error);
  g_autofree char *temporary = NULL;
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (label == NULL)
    return FALSE;

  /* The office's own items are coded by their id, known only after the
   * insert; the code column is NOT NULL UNIQUE, hence a unique stand-in. */
  temporary = g_uuid_string_random ();
  stmt = dd_store_prepare (store,
                           "INSERT INTO checklist_items (code, label, position, active) "
                           "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM checklist_items), 1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, temporary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (dd_store_get_db (store));

  code = g_strdup_printf ("item_%" G_GINT64_FORMAT, id);
  stmt = dd_store_prepare (store, "UPDATE checklist_items SET code = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  if (!dd_store_audit (store, "checklist_items", id, "code", NULL, code, error) ||
      !dd_store_audit (store, "checklist_items", id, "label", NULL, label, error))
    return FALSE;
  dd_store_note_change (store, "checklist_items", id);
  if (edit->out_id != NULL)
    *edit->out_id = id;
  return TRUE;
}

static gboolean
rename_in_transaction (DdStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  ItemEdit *edit = user_data;
  g_autoptr(DdChecklistItem) item = load_item (store, edit->item_id, error);
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;

  if (item == NULL)
    return FALSE;
  label = check_label (store, edit->label, edit->item_id, error);
  if (label == NULL)
    return FALSE;
  if (g_strcmp0 (label, item->label) == 0)
    return TRUE;

  stmt = dd_store_prepare (store, "UPDATE checklist_items SET label = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, edit->item_id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  dd_store_note_change (store, "checklist_items", edit->item_id);
  return dd_store_audit (store, "checklist_items", edit->item_id, "label",
                         item->label, label, error);
}

static gboolean
set_active_in_transaction (DdStore   *store,
                           gpointer   user_data,
                           GError   **error)
{
  ItemEdit *edit = user_data;
  g_autoptr(DdChecklistItem) item = load_item (store, edit->item_id, error);
  sqlite3_stmt *stmt;

  if (item == NULL)
    return FALSE;
  if (item->active == edit->active)
    return TRUE;
  /* Bringing an item back must not make two active items alike. */
  if (edit->active)
    {
      g_autofree char *label = check_label (store, item->label, item->id, error);

      if (label == NULL)
        return FALSE;
    }

  stmt = dd_store_prepare (store, "UPDATE checklist_items SET active = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, edit->item_id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  dd_store_note_change (store, "checklist_items", edit->item_id);
  return dd_store_audit (store, "checklist_items", edit->item_id, "active",
                         item->active ? "1" : "0", edit->active ? "1" : "0", error);
}

static gboolean
move_in_transaction (DdStore   *store,
                     gpointer   user_data,
                     GError   **error)
{
  ItemEdit *edit = user_data;
  g_autoptr(GPtrArray) items = dd_checklist_dup_items (store, TRUE, error);
  sqlite3_stmt *stmt;
  DdChecklistItem *moved = NULL;
  int target;

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (((DdChecklistItem *) g_ptr_array_index (items, i))->id == edit->item_id)
      {
        moved = g_ptr_array_steal_index (items, i);
        break;
      }
  if (moved == NULL)
    {
      g_autofree char *number = number_text (edit->item_id);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                   _("Checklist item: there is no item numbered %s"), number);
      return FALSE;
    }

  target = CLAMP (edit->position, 1, (int) items->len + 1);
  g_ptr_array_insert (items, target - 1, moved);

  stmt = dd_store_prepare (store, "UPDATE checklist_items SET position = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      DdChecklistItem *item = g_ptr_array_index (items, i);
      int position = (int) i + 1;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (item->position == position)
        continue;
      sqlite3_bind_int (stmt, 1, position);
      sqlite3_bind_int64 (stmt, 2, item->id);
      if (!dd_store_step_done (store, stmt, error))
        return FALSE;
      before = number_text (item->position);
      after = number_text (position);
      if (!dd_store_audit (store, "checklist_items", item->id, "position", before, after, error))
        return FALSE;
      dd_store_note_change (store, "checklist_items", item->id);
    }
  return TRUE;
}

static gboolean
tick_in_transaction (DdStore   *store,
                     gpointer   user_data,
                     GError   **error)
{
  TickEdit *edit = user_data;
  g_autoptr(DdChecklistItem) item = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gboolean done = FALSE;
  int rc;

  if (!station_exists (store, edit->station_id, error))
    return FALSE;
  item = load_item (store, edit->item_id, error);
  if (item == NULL)
    return FALSE;
  if (!item->active)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Checklist item: “%s” is retired; bring it back before ticking it"),
                   item->label);
      return FALSE;
    }

  stmt = dd_store_prepare (store,
                           "SELECT done FROM station_checklist WHERE station_id = ? AND item_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->station_id);
  sqlite3_bind_int64 (stmt, 2, edit->item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    done = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dd_store_set_error (store, rc, error);
  if (done == edit->done)
    return TRUE;

  /* checked_on: the day it was found met, as the demo and imports record it. */
  today = dd_store_dup_today (store);
  stmt = dd_store_prepare (store,
                           "INSERT INTO station_checklist (station_id, item_id, done, checked_on) "
                           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (station_id, item_id) "
                           "DO UPDATE SET done = excluded.done, checked_on = excluded.checked_on",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->station_id);
  sqlite3_bind_int64 (stmt, 2, edit->item_id);
  sqlite3_bind_int (stmt, 3, edit->done ? 1 : 0);
  if (edit->done)
    sqlite3_bind_text (stmt, 4, today, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  dd_store_note_change (store, "station_checklist", edit->station_id);
  return dd_store_audit (store, "stations", edit->station_id, "checklist",
                         edit->done ? NULL : item->code, edit->done ? item->code : NULL, error);
}

/* Public API */

void
dd_checklist_item_free (DdChecklistItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->label);
  g_free (item);
}

void
dd_checklist_tick_free (DdChecklistTick *tick)
{
  if (tick == NULL)
    return;
  g_free (tick->label);
  g_free (tick->checked_on);
  g_free (tick);
}

/**
 * dd_checklist_dup_items:
 * @include_retired: also the retired items (for the editor in preferences)
 * Returns: (transfer full) (element-type DdChecklistItem): the items by
 *   position, or %NULL on error
 */
GPtrArray *
dd_checklist_dup_items (DdStore   *store,
                        gboolean   include_retired,
                        GError   **error)
{
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) dd_checklist_item_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  stmt = dd_store_prepare (store,
                           include_retired
                           ? "SELECT id, code, label, position, active FROM checklist_items "
                             "ORDER BY position, id"
                           : "SELECT id, code, label, position, active FROM checklist_items "
                             "WHERE active = 1 ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_item (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * dd_checklist_add_item:
 * @out_id: (out) (optional): the new item's id
 *
 * Adds an active item at the end, coded `item_<id>`. An empty label, or one
 * an active item has, is DD_MODEL_ERROR_INVALID.
 */
gboolean
dd_checklist_add_item (DdStore     *store,
                       const char  *label,
                       gint64      *out_id,
                       GError     **error)
{
  ItemEdit edit = { 0, label, out_id, 0, TRUE };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  return dd_store_write (store, add_in_transaction, &edit, error);
}

/**
 * dd_checklist_rename_item:
 * Renames an item (its code, and so the stations' ticks, stay).
 */
gboolean
dd_checklist_rename_item (DdStore     *store,
                          gint64       item_id,
                          const char  *label,
                          GError     **error)
{
  ItemEdit edit = { item_id, label, NULL, 0, TRUE };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  return dd_store_write (store, rename_in_transaction, &edit, error);
}

/**
 * dd_checklist_set_item_active:
 * Retires an item (%FALSE) or brings it back; the ticks are kept either way.
 */
gboolean
dd_checklist_set_item_active (DdStore   *store,
                              gint64     item_id,
                              gboolean   active,
                              GError   **error)
{
  ItemEdit edit = { item_id, NULL, NULL, 0, active != FALSE };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  return dd_store_write (store, set_active_in_transaction, &edit, error);
}

/**
 * dd_checklist_move_item:
 * @new_position: 1 for the top; beyond the end means the end
 *
 * Moves an item to @new_position among all items (retired ones included)
 * and renumbers the others 1…n, so that item->position - 1 moves it up one.
 */
gboolean
dd_checklist_move_item (DdStore   *store,
                        gint64     item_id,
                        int        new_position,
                        GError   **error)
{
  ItemEdit edit = { item_id, NULL, NULL, new_position, TRUE };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  return dd_store_write (store, move_in_transaction, &edit, error);
}

/**
 * dd_checklist_dup_ticks:
 * Returns: (transfer full) (element-type DdChecklistTick): every active
 *   item, by position, and whether @station_id has it; %NULL on error
 */
GPtrArray *
dd_checklist_dup_ticks (DdStore   *store,
                        gint64     station_id,
                        GError   **error)
{
  g_autoptr(GPtrArray) ticks =
    g_ptr_array_new_with_free_func ((GDestroyNotify) dd_checklist_tick_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  stmt = dd_store_prepare (store,
                           "SELECT ci.id, ci.label, coalesce(sc.done, 0), sc.checked_on "
                           "FROM checklist_items ci LEFT JOIN station_checklist sc "
                           "  ON sc.item_id = ci.id AND sc.station_id = ? "
                           "WHERE ci.active = 1 ORDER BY ci.position, ci.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, station_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DdChecklistTick *tick = g_new0 (DdChecklistTick, 1);

      tick->item_id = sqlite3_column_int64 (stmt, 0);
      tick->label = g_strdup (dd_column_text (stmt, 1));
      tick->done = sqlite3_column_int (stmt, 2) != 0;
      tick->checked_on = g_strdup (dd_column_text (stmt, 3));
      g_ptr_array_add (ticks, tick);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ticks);
}

/**
 * dd_checklist_set_tick:
 * Records whether @station_id meets an active item (checked today). A
 * retired item is DD_MODEL_ERROR_INVALID; setting the same value again
 * writes nothing.
 */
gboolean
dd_checklist_set_tick (DdStore   *store,
                       gint64     station_id,
                       gint64     item_id,
                       gboolean   done,
                       GError   **error)
{
  TickEdit edit = { station_id, item_id, done != FALSE };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  return dd_store_write (store, tick_in_transaction, &edit, error);
}
