/* dd-station.c
 *
 * A station's links (deputies attached, on-duty deputies) are rows of
 * station_deputies; they are audited on the station as a set-valued field:
 * an addition is (old NULL, new id), a removal (old id, new NULL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-station"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-model-error.h"
#include "dd-station.h"
#include "dd-store-private.h"
#include "dd-utils.h"

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

typedef struct
{
  gint64   station_id;
  gint64   deputy_id;
  gboolean on_duty;
} Link;

typedef struct
{
  DdStation *station;
  gboolean   archived;
} Archiving;

/* Helpers */

/* xgettext cannot see through G_GINT64_FORMAT: numbers go into messages as text. */
static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* Runs @stmt (bound) for one row of integers into @out; resets it. */
static gboolean
step_int64s (DdStore       *store,
             sqlite3_stmt  *stmt,
             gint64        *out,
             int            n_out,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    for (int i = 0; i < n_out; i++)
      out[i] = sqlite3_column_int64 (stmt, i);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return dd_store_set_error (store, rc, error);
  return TRUE;
}

/* The deputy's name, or NULL with DD_MODEL_ERROR_INVALID naming the field. */
static char *
dup_deputy_name (DdStore     *store,
                 gint64       deputy_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, "SELECT name FROM deputies WHERE id = ?", error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, deputy_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup (dd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = number_text (deputy_id);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Deputy: there is no deputy numbered %s"), number);
    }
  else if (rc != SQLITE_ROW)
    dd_store_set_error (store, rc, error);
  return name;
}

/* Accepts NULL (no bound) or a date; the message names the bound. */
static gboolean
check_period (const char  *from,
              const char  *to,
              GError     **error)
{
  if (from != NULL && !dd_date_is_valid (from))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("From: “%s” is not a date; write it as YYYY-MM-DD"), from);
      return FALSE;
    }
  if (to != NULL && !dd_date_is_valid (to))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("To: “%s” is not a date; write it as YYYY-MM-DD"), to);
      return FALSE;
    }
  return TRUE;
}

/* An open bound becomes a text that sorts before or after every date. */
static void
bind_period (sqlite3_stmt *stmt,
             int           index,
             const char   *from,
             const char   *to)
{
  sqlite3_bind_text (stmt, index, from != NULL ? from : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, index + 1, to != NULL ? to : "~", -1, SQLITE_TRANSIENT);
}

static gboolean
attach_in_transaction (DdStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  Link *a = user_data;
  g_autofree char *today = dd_store_dup_today (store);
  g_autofree char *value = number_text (a->deputy_id);
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

static gboolean
detach_in_transaction (DdStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  Link *a = user_data;
  g_autofree char *value = number_text (a->deputy_id);
  gint64 on_duty = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = dd_store_prepare (store,
                           "SELECT on_duty FROM station_deputies WHERE station_id = ? AND deputy_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->station_id);
  sqlite3_bind_int64 (stmt, 2, a->deputy_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    on_duty = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;  /* not attached: nothing to do, like attaching twice */
  if (rc != SQLITE_ROW)
    return dd_store_set_error (store, rc, error);

  stmt = dd_store_prepare (store,
                           "DELETE FROM station_deputies WHERE station_id = ? AND deputy_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->station_id);
  sqlite3_bind_int64 (stmt, 2, a->deputy_id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  dd_store_note_change (store, "station_deputies", a->station_id);
  if (on_duty && !dd_store_audit (store, "stations", a->station_id, "on_duty", value, NULL, error))
    return FALSE;
  return dd_store_audit (store, "stations", a->station_id, "deputies", value, NULL, error);
}

static gboolean
set_on_duty_in_transaction (DdStore   *store,
                            gpointer   user_data,
                            GError   **error)
{
  Link *a = user_data;
  g_autofree char *value = number_text (a->deputy_id);
  g_autofree char *name = NULL;
  gint64 on_duty = 0;
  sqlite3_stmt *stmt;
  int rc;

  name = dup_deputy_name (store, a->deputy_id, error);
  if (name == NULL)
    return FALSE;

  stmt = dd_store_prepare (store,
                           "SELECT on_duty FROM station_deputies WHERE station_id = ? AND deputy_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->station_id);
  sqlite3_bind_int64 (stmt, 2, a->deputy_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    on_duty = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("On duty: %s is not attached to this station; attach the deputy first"),
                   name);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return dd_store_set_error (store, rc, error);
  if ((on_duty != 0) == a->on_duty)
    return TRUE;

  stmt = dd_store_prepare (store,
                           "UPDATE station_deputies SET on_duty = ? WHERE station_id = ? AND deputy_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, a->on_duty ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, a->station_id);
  sqlite3_bind_int64 (stmt, 3, a->deputy_id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  dd_store_note_change (store, "station_deputies", a->station_id);
  return dd_store_audit (store, "stations", a->station_id, "on_duty",
                         a->on_duty ? NULL : value, a->on_duty ? value : NULL, error);
}

static gboolean
count_dependents (DdStore              *store,
                  gint64                station_id,
                  DdStationDependents  *dependents,
                  GError              **error)
{
  sqlite3_stmt *stmt;

  /* Each count is answered from an index (receptions_by_station,
   * suggestions_by_station, the station_deputies key). */
  stmt = dd_store_prepare (store,
                           "SELECT (SELECT count(*) FROM receptions WHERE station_id = ?1),"
                           " (SELECT count(*) FROM suggestions WHERE station_id = ?1),"
                           " (SELECT count(*) FROM station_deputies WHERE station_id = ?1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, station_id);
  {
    gint64 counts[3] = { 0 };

    if (!step_int64s (store, stmt, counts, 3, error))
      return FALSE;
    dependents->receptions = counts[0];
    dependents->opinions = counts[1];
    dependents->deputies = counts[2];
  }
  return TRUE;
}

static char *
describe_loss (const DdStationDependents *d)
{
  g_autofree char *receptions_n = number_text (d->receptions);
  g_autofree char *opinions_n = number_text (d->opinions);
  g_autofree char *receptions = NULL;
  g_autofree char *opinions = NULL;

  receptions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s reception", "%s receptions",
                                             (gulong) MIN (d->receptions, G_MAXLONG)),
                                receptions_n);
  opinions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s voter’s opinion",
                                           "%s voters’ opinions",
                                           (gulong) MIN (d->opinions, G_MAXLONG)),
                              opinions_n);
  if (d->receptions > 0 && d->opinions > 0)
    /* TRANSLATORS: "12 receptions and 30 voters’ opinions" */
    return g_strdup_printf (_("%s and %s"), receptions, opinions);
  return g_strdup (d->receptions > 0 ? receptions : opinions);
}

static gboolean
delete_in_transaction (DdStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  DdStation *self = user_data;
  gint64 id = dd_entity_get_id (DD_ENTITY (self));
  DdStationDependents dependents = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (!count_dependents (store, id, &dependents, error))
    return FALSE;
  if (dependents.receptions > 0 || dependents.opinions > 0)
    {
      g_autofree char *loss = describe_loss (&dependents);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CONSTRAINT,
                   _("“%s” cannot be deleted: it has %s, which would be lost. "
                     "Archive it instead: it leaves the lists and keeps its history."),
                   dd_station_get_name (self), loss);
      return FALSE;
    }

  /* The cascade takes the attached deputies and the checklist ticks with it:
   * the audit log keeps who was attached. */
  stmt = dd_store_prepare (store,
                           "SELECT deputy_id, on_duty FROM station_deputies WHERE station_id = ? "
                           "ORDER BY deputy_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  {
    g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (Link));

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        Link link = { id, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) != 0 };
        g_array_append_val (links, link);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      return dd_store_set_error (store, rc, error);

    for (guint i = 0; i < links->len; i++)
      {
        const Link *link = &g_array_index (links, Link, i);
        g_autofree char *value = number_text (link->deputy_id);

        if ((link->on_duty && !dd_store_audit (store, "stations", id, "on_duty", value, NULL, error)) ||
            !dd_store_audit (store, "stations", id, "deputies", value, NULL, error))
          return FALSE;
      }
  }

  if (!dd_entity_delete (DD_ENTITY (self), store, error))
    return FALSE;
  dd_store_note_change (store, "station_deputies", id);
  dd_store_note_change (store, "station_checklist", id);
  return TRUE;
}

static gboolean
archive_in_transaction (DdStore   *store,
                        gpointer   user_data,
                        GError   **error)
{
  Archiving *a = user_data;
  gint64 id = dd_entity_get_id (DD_ENTITY (a->station));
  g_autofree char *now = dd_store_dup_now (store);
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  gint64 archived = 0;
  int rc;

  stmt = dd_store_prepare (store, "SELECT archived FROM stations WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    archived = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      number = number_text (id);
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                   _("There is no station numbered %s"), number);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return dd_store_set_error (store, rc, error);
  if ((archived != 0) == a->archived)
    return TRUE;

  /* Only this column: other edits pending on the object are not saved. */
  stmt = dd_store_prepare (store, "UPDATE stations SET archived = ?, updated_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, a->archived ? 1 : 0);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  dd_store_note_change (store, "stations", id);
  return dd_store_audit (store, "stations", id, "archived",
                         a->archived ? "0" : "1", a->archived ? "1" : "0", error);
}

/* Vfuncs */

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

/* Public API */

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

/**
 * dd_station_get_code:
 * Returns: (nullable): the stable code printed on the placard, e.g. S00012;
 *   %NULL until the station is saved
 */
const char *
dd_station_get_code (DdStation *self)
{
  return dd_entity_get_string (DD_ENTITY (self), "code");
}

/**
 * dd_station_attach_deputy:
 * Attaches a deputy to the saved station (a deputy may belong to several);
 * attaching twice changes nothing. An unknown deputy is
 * DD_MODEL_ERROR_INVALID.
 */
gboolean
dd_station_attach_deputy (DdStation  *self,
                          DdStore    *store,
                          gint64      deputy_id,
                          GError    **error)
{
  Link a = { dd_entity_get_id (DD_ENTITY (self)), deputy_id, FALSE };
  g_autofree char *name = NULL;

  g_return_val_if_fail (DD_IS_STATION (self), FALSE);
  g_return_val_if_fail (a.station_id != 0, FALSE);

  name = dup_deputy_name (store, deputy_id, error);
  if (name == NULL)
    return FALSE;
  return dd_store_write (store, attach_in_transaction, &a, error);
}

/**
 * dd_station_detach_deputy:
 * Detaches a deputy (and takes them off duty here); a deputy who is not
 * attached is no error.
 */
gboolean
dd_station_detach_deputy (DdStation  *self,
                          DdStore    *store,
                          gint64      deputy_id,
                          GError    **error)
{
  Link a = { dd_entity_get_id (DD_ENTITY (self)), deputy_id, FALSE };

  g_return_val_if_fail (DD_IS_STATION (self), FALSE);
  g_return_val_if_fail (a.station_id != 0, FALSE);

  return dd_store_write (store, detach_in_transaction, &a, error);
}

/**
 * dd_station_set_on_duty:
 * Puts an attached deputy on the station's duty roster ("三定": the fixed
 * people) or takes them off it. A deputy not attached here is
 * DD_MODEL_ERROR_INVALID.
 */
gboolean
dd_station_set_on_duty (DdStation  *self,
                        DdStore    *store,
                        gint64      deputy_id,
                        gboolean    on_duty,
                        GError    **error)
{
  Link a = { dd_entity_get_id (DD_ENTITY (self)), deputy_id, on_duty != FALSE };

  g_return_val_if_fail (DD_IS_STATION (self), FALSE);
  g_return_val_if_fail (a.station_id != 0, FALSE);

  return dd_store_write (store, set_on_duty_in_transaction, &a, error);
}

/**
 * dd_station_is_on_duty:
 * Returns: %TRUE if @deputy_id is attached and on duty here
 */
gboolean
dd_station_is_on_duty (DdStation *self,
                       DdStore   *store,
                       gint64     deputy_id)
{
  sqlite3_stmt *stmt;
  gboolean on_duty = FALSE;

  g_return_val_if_fail (DD_IS_STATION (self), FALSE);

  stmt = dd_store_prepare (store,
                           "SELECT on_duty FROM station_deputies WHERE station_id = ? AND deputy_id = ?",
                           NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dd_entity_get_id (DD_ENTITY (self)));
  sqlite3_bind_int64 (stmt, 2, deputy_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    on_duty = sqlite3_column_int64 (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return on_duty;
}

/**
 * dd_station_compute_figures:
 * @from: (nullable): first day, YYYY-MM-DD, or %NULL for no lower bound
 * @to: (nullable): the day after the last, or %NULL for no upper bound
 *
 * Fills @figures (see DdStationFigures); with both bounds %NULL they are
 * the station's totals. A bound that is not a date is DD_MODEL_ERROR_INVALID.
 */
gboolean
dd_station_compute_figures (DdStation         *self,
                            DdStore           *store,
                            const char        *from,
                            const char        *to,
                            DdStationFigures  *figures,
                            GError           **error)
{
  gint64 id = dd_entity_get_id (DD_ENTITY (self));
  gint64 values[4] = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DD_IS_STATION (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  if (!check_period (from, to, error))
    return FALSE;

  /* receptions_by_station (station_id, held_on) */
  stmt = dd_store_prepare (store,
                           "SELECT count(*), coalesce(sum(voters_received), 0),"
                           " coalesce(sum(petitions_handled), 0) FROM receptions "
                           "WHERE station_id = ? AND held_on >= ? AND held_on < ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_period (stmt, 2, from, to);
  if (!step_int64s (store, stmt, values, 3, error))
    return FALSE;
  figures->receptions = values[0];
  figures->voters_received = values[1];
  figures->petitions_handled = values[2];

  /* suggestions_by_station (station_id, registered_on), then each one's
   * latest reply through replies_by_suggestion (suggestion_id, round). */
  stmt = dd_store_prepare (store,
                           "SELECT count(*), coalesce(sum(r.class IN ('A', 'B')), 0),"
                           " coalesce(sum(r.class = 'A'), 0) "
                           "FROM suggestions s LEFT JOIN replies r ON r.id ="
                           " (SELECT id FROM replies WHERE suggestion_id = s.id"
                           "  ORDER BY round DESC, id DESC LIMIT 1) "
                           "WHERE s.station_id = ? AND s.registered_on >= ? AND s.registered_on < ?"
                           " AND s.kind = 'voter_opinion'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_period (stmt, 2, from, to);
  if (!step_int64s (store, stmt, values, 3, error))
    return FALSE;
  figures->opinions_recorded = values[0];
  figures->opinions_adopted = values[1];
  figures->opinions_solved = values[2];

  stmt = dd_store_prepare (store,
                           "SELECT (SELECT count(*) FROM station_deputies WHERE station_id = ?1),"
                           " (SELECT count(*) FROM checklist_items WHERE active = 1),"
                           " (SELECT count(*) FROM station_checklist sc"
                           "  JOIN checklist_items ci ON ci.id = sc.item_id"
                           "  WHERE sc.station_id = ?1 AND sc.done = 1 AND ci.active = 1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_int64s (store, stmt, values, 3, error))
    return FALSE;
  figures->deputies = values[0];
  figures->checklist_total = (guint) values[1];
  figures->checklist_done = (guint) values[2];
  return TRUE;
}

/**
 * dd_station_count_dependents:
 * Counts what deleting the station would take with it or cut loose: its
 * receptions, the suggestions (voters' opinions) recorded there, and the
 * deputies attached.
 */
gboolean
dd_station_count_dependents (DdStation            *self,
                             DdStore              *store,
                             DdStationDependents  *dependents,
                             GError              **error)
{
  g_return_val_if_fail (DD_IS_STATION (self), FALSE);
  g_return_val_if_fail (dependents != NULL, FALSE);

  memset (dependents, 0, sizeof *dependents);
  return count_dependents (store, dd_entity_get_id (DD_ENTITY (self)), dependents, error);
}

/**
 * dd_station_delete:
 * Deletes a station that has no receptions and no suggestions recorded
 * there, with its checklist ticks and attachments (audited). Otherwise
 * DD_MODEL_ERROR_CONSTRAINT, whose message says what would be lost and
 * offers archiving; nothing is written.
 */
gboolean
dd_station_delete (DdStation  *self,
                   DdStore    *store,
                   GError    **error)
{
  g_return_val_if_fail (DD_IS_STATION (self), FALSE);
  g_return_val_if_fail (dd_entity_get_id (DD_ENTITY (self)) != 0, FALSE);

  return dd_store_write (store, delete_in_transaction, self, error);
}

/**
 * dd_station_set_archived:
 * Archives the station (it leaves the default lists and the figures of
 * stations in use, and keeps its receptions and opinions) or brings it
 * back. Writes only the archived column, audited; @self follows.
 */
gboolean
dd_station_set_archived (DdStation  *self,
                         DdStore    *store,
                         gboolean    archived,
                         GError    **error)
{
  Archiving a = { self, archived != FALSE };

  g_return_val_if_fail (DD_IS_STATION (self), FALSE);
  g_return_val_if_fail (dd_entity_get_id (DD_ENTITY (self)) != 0, FALSE);

  if (!dd_store_write (store, archive_in_transaction, &a, error))
    return FALSE;
  g_object_set (self, "archived", a.archived, NULL);
  return TRUE;
}
