/* dd-supervision-flag.c: starting and ending supervision (督办)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-supervision"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-model-error.h"
#include "dd-store-private.h"
#include "dd-supervision.h"
#include "dd-supervision-flag.h"
#include "dd-utils.h"

typedef struct
{
  gint64                    suggestion_id;
  const DdSupervisionStart *start;
  const char               *day;
  gint64                    new_id;
} Change;

/* Helpers */

static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* Reads the suggestion's state and assignment date (both owned by the caller). */
static gboolean
read_suggestion (DdStore   *store,
                 gint64     id,
                 char     **state,
                 char     **assigned_on,
                 GError   **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT state, assigned_on FROM suggestions WHERE id = ?",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *state = g_strdup (dd_column_text (stmt, 0));
      *assigned_on = g_strdup (dd_column_text (stmt, 1));
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (store, rc, error);

  {
    g_autofree char *number = number_text (id);

    g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                 _("There is no suggestion numbered %s"), number);
  }
  return FALSE;
}

/* The open supervision, or NULL. */
static DdSupervision *
load_open (DdStore  *store,
           gint64    suggestion_id,
           GError  **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT id FROM supervisions WHERE suggestion_id = ? "
                                         "AND ended_on IS NULL ORDER BY started_on DESC, id DESC "
                                         "LIMIT 1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id != 0 ? dd_supervision_load (store, id, error) : NULL;
}

/* @day must be a date no later than today; @label names it. */
static gboolean
check_day (DdStore     *store,
           const char  *label,
           const char  *day,
           GError     **error)
{
  g_autofree char *today = dd_store_dup_today (store);

  if (!dd_date_is_valid (day))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s: “%s” is not a date; write it as YYYY-MM-DD, for example 2025-03-01"),
                   label, day);
      return FALSE;
    }
  if (g_strcmp0 (day, today) > 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s cannot be after today (%s)"), label, today);
      return FALSE;
    }
  return TRUE;
}

static gboolean
end_supervision (DdStore        *store,
                 DdSupervision  *open,
                 const char     *day,
                 GError        **error)
{
  g_object_set (open, "ended-on", day, NULL);
  return dd_entity_save (DD_ENTITY (open), store, error);
}

static gboolean
start_in_transaction (DdStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  Change *change = user_data;
  const DdSupervisionStart *start = change->start;
  g_autofree char *state = NULL;
  g_autofree char *assigned_on = NULL;
  g_autofree char *today = dd_store_dup_today (store);
  g_autoptr(DdSupervision) open = NULL;
  g_autoptr(DdSupervision) supervision = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *started_on = start->started_on != NULL ? start->started_on : today;
  const char *mode = start->mode;

  if (!read_suggestion (store, change->suggestion_id, &state, &assigned_on, error))
    return FALSE;

  if (g_strcmp0 (state, "assigned") != 0 && g_strcmp0 (state, "handling") != 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Only a suggestion that is assigned or being handled can be supervised; "
                     "this one is %s"), dd_code_label (dd_suggestion_states, state));
      return FALSE;
    }
  if (is_blank (mode))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID, _("%s is required"), _("Mode"));
      return FALSE;
    }
  if (!g_strv_contains (dd_supervision_modes, mode))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s: “%s” is not one of the allowed values"), _("Mode"), mode);
      return FALSE;
    }
  if (g_str_equal (mode, "key") && is_blank (start->leader_name))
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                           _("Leading official is required for key supervision"));
      return FALSE;
    }
  if (!check_day (store, _("Start date"), started_on, error))
    return FALSE;
  if (assigned_on != NULL && strcmp (started_on, assigned_on) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Start date cannot be before the date assigned (%s)"), assigned_on);
      return FALSE;
    }

  open = load_open (store, change->suggestion_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (open != NULL)
    {
      const char *open_since = dd_entity_get_string (DD_ENTITY (open), "started-on");

      if (g_strcmp0 (started_on, open_since) < 0)
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Start date cannot be before the start of the supervision it "
                         "replaces (%s)"), open_since);
          return FALSE;
        }
      if (!end_supervision (store, open, started_on, error))
        return FALSE;
    }

  supervision = dd_supervision_new ();
  g_object_set (supervision,
                "suggestion-id", change->suggestion_id,
                "mode", mode,
                "leader-name", is_blank (start->leader_name) ? NULL : start->leader_name,
                "started-on", started_on,
                "note", start->note,
                NULL);
  if (!dd_entity_save (DD_ENTITY (supervision), store, error))
    return FALSE;
  change->new_id = dd_entity_get_id (DD_ENTITY (supervision));

  if (!dd_store_audit (store, "suggestions", change->suggestion_id, "supervision",
                       open != NULL ? dd_entity_get_string (DD_ENTITY (open), "mode") : NULL,
                       mode, error))
    return FALSE;
  dd_store_note_change (store, "suggestions", change->suggestion_id);
  return TRUE;
}

static gboolean
end_in_transaction (DdStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  Change *change = user_data;
  g_autofree char *state = NULL;
  g_autofree char *assigned_on = NULL;
  g_autofree char *today = dd_store_dup_today (store);
  g_autoptr(DdSupervision) open = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *ended_on = change->day != NULL ? change->day : today;
  const char *started_on;

  if (!read_suggestion (store, change->suggestion_id, &state, &assigned_on, error))
    return FALSE;

  open = load_open (store, change->suggestion_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (open == NULL)
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                           _("This suggestion is not under supervision"));
      return FALSE;
    }
  if (!check_day (store, _("End date"), ended_on, error))
    return FALSE;
  started_on = dd_entity_get_string (DD_ENTITY (open), "started-on");
  if (g_strcmp0 (ended_on, started_on) < 0)
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                           _("End date cannot be before the start date"));
      return FALSE;
    }

  if (!end_supervision (store, open, ended_on, error) ||
      !dd_store_audit (store, "suggestions", change->suggestion_id, "supervision",
                       dd_entity_get_string (DD_ENTITY (open), "mode"), NULL, error))
    return FALSE;
  dd_store_note_change (store, "suggestions", change->suggestion_id);
  return TRUE;
}

/* Public API */

gboolean
dd_supervision_start (DdStore                   *store,
                      gint64                     suggestion_id,
                      const DdSupervisionStart  *start,
                      gint64                    *out_id,
                      GError                   **error)
{
  const DdSupervisionStart none = { NULL };
  Change change = { suggestion_id, start != NULL ? start : &none, NULL, 0 };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  if (!dd_store_write (store, start_in_transaction, &change, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = change.new_id;
  return TRUE;
}

gboolean
dd_supervision_end (DdStore     *store,
                    gint64       suggestion_id,
                    const char  *ended_on,
                    GError     **error)
{
  Change change = { suggestion_id, NULL, ended_on, 0 };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  return dd_store_write (store, end_in_transaction, &change, error);
}

gboolean
dd_supervision_end_open (DdStore     *store,
                         gint64       suggestion_id,
                         const char  *day,
                         GError     **error)
{
  g_autoptr(DdSupervision) open = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *started_on;

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (dd_date_is_valid (day), FALSE);

  open = load_open (store, suggestion_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (open == NULL)
    return TRUE;

  started_on = dd_entity_get_string (DD_ENTITY (open), "started-on");
  if (!end_supervision (store, open, g_strcmp0 (day, started_on) < 0 ? started_on : day, error))
    return FALSE;
  if (!dd_store_audit (store, "suggestions", suggestion_id, "supervision",
                       dd_entity_get_string (DD_ENTITY (open), "mode"), NULL, error))
    return FALSE;
  dd_store_note_change (store, "suggestions", suggestion_id);
  return TRUE;
}

GPtrArray *
dd_supervision_list_for (DdStore  *store,
                         gint64    suggestion_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  stmt = dd_store_prepare (store,
                           "SELECT id FROM supervisions WHERE suggestion_id = ? "
                           "ORDER BY started_on, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }

  /* Loaded after the query is done: loading reuses cached statements. */
  for (guint i = 0; i < ids->len; i++)
    {
      DdSupervision *supervision = dd_supervision_load (store, g_array_index (ids, gint64, i), error);

      if (supervision == NULL)
        return NULL;
      g_ptr_array_add (list, supervision);
    }
  return g_steal_pointer (&list);
}

char *
dd_supervision_dup_current_mode (DdStore *store,
                                 gint64   suggestion_id)
{
  sqlite3_stmt *stmt;
  char *mode = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  stmt = dd_store_prepare (store,
                           "SELECT mode FROM supervisions WHERE suggestion_id = ? "
                           "AND ended_on IS NULL ORDER BY started_on DESC, id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_strdup (dd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return mode;
}
