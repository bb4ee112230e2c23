/* dd-workflow.c: the handling of a suggestion, one checked move at a time
 *
 * Each public function runs one job in one transaction: read the row,
 * check that its state allows the move, check the move's data, then write
 * the suggestion's columns (each change audited under its property name,
 * "state" first) and the rows the move adds or removes. Checking inside the
 * transaction (BEGIN IMMEDIATE) means two desks cannot both move the same
 * card from the same state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-workflow"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-calendar.h"
#include "dd-codes.h"
#include "dd-evaluation.h"
#include "dd-model-error.h"
#include "dd-reply.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-supervision-flag.h"
#include "dd-utils.h"
#include "dd-workflow.h"

typedef struct
{
  const char       *from;
  const char       *to;
  DdTransitionKind  kind;
} Edge;

/* The workflow of DESIGN.md, and nothing else. */
static const Edge edges[] = {
  { "registered", "under_review", DD_TRANSITION_START_REVIEW },
  { "under_review", "assigned", DD_TRANSITION_ASSIGN },
  { "under_review", "rejected", DD_TRANSITION_REJECT },
  { "under_review", "merged", DD_TRANSITION_MERGE },
  { "under_review", "transferred_out", DD_TRANSITION_TRANSFER_OUT },
  { "assigned", "handling", DD_TRANSITION_START_HANDLING },
  { "assigned", "under_review", DD_TRANSITION_RETURN_BY_UNIT },
  { "handling", "replied", DD_TRANSITION_REPLY },
  { "replied", "evaluated", DD_TRANSITION_EVALUATE },
  { "replied", "handling", DD_TRANSITION_EVALUATE },
  { "evaluated", "closed", DD_TRANSITION_CLOSE },
};

static const char * const targets_registered[] = { "under_review", NULL };
static const char * const targets_under_review[] = {
  "assigned", "rejected", "merged", "transferred_out", NULL
};
static const char * const targets_assigned[] = { "handling", "under_review", NULL };
static const char * const targets_handling[] = { "replied", NULL };
static const char * const targets_replied[] = { "evaluated", "handling", NULL };
static const char * const targets_evaluated[] = { "closed", NULL };
static const char * const targets_none[] = { NULL };

typedef struct
{
  gint64    id;
  char     *number;
  char     *kind;
  char     *state;
  char     *registered_on;
  char     *assigned_on;
  char     *deadline_on;
  char     *replied_on;
  char     *evaluated_on;
  char     *closed_on;
  gint64    round;
  gboolean  published;
} Row;

/* One column of the suggestion to change; the audit log gets its property name. */
typedef struct
{
  const char *column;
  char       *old_value;
  char       *new_value;
  gboolean    integer;
} Change;

typedef struct
{
  gint64            id;
  const char       *to;    /* dd_workflow_move(): the state asked for */
  DdTransitionKind  kind;  /* the typed functions: their move */
  const DdMove     *move;
} Job;

G_DEFINE_ENUM_TYPE (DdTransitionKind, dd_transition_kind,
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_START_REVIEW, "start-review"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_REJECT, "reject"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_MERGE, "merge"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_TRANSFER_OUT, "transfer-out"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_ASSIGN, "assign"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_RETURN_BY_UNIT, "return-by-unit"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_START_HANDLING, "start-handling"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_REPLY, "reply"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_EVALUATE, "evaluate"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_CLOSE, "close"),
                    G_DEFINE_ENUM_VALUE (DD_TRANSITION_TRANSFER_UNIT, "transfer-unit"))

/* Helpers */

/* xgettext cannot see through G_GINT64_FORMAT: numbers go into messages as text. */
static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static const char *
state_label (const char *state)
{
  return dd_code_label (dd_suggestion_states, state);
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

static char *
dup_stripped (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}

static gboolean
fail_invalid (GError     **error,
              const char  *message)
{
  g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
fail_required (GError     **error,
               const char  *label)
{
  g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID, _("%s is required"), label);
  return FALSE;
}

static gboolean
fail_illegal (GError     **error,
              const char  *from,
              const char  *to)
{
  g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_ILLEGAL_TRANSITION,
               _("A suggestion cannot move from %s to %s"), state_label (from), state_label (to));
  return FALSE;
}

/* The state a typed function moves to (evaluate: the usual outcome). */
static const char *
nominal_target (DdTransitionKind kind)
{
  switch (kind)
    {
    case DD_TRANSITION_START_REVIEW:
    case DD_TRANSITION_RETURN_BY_UNIT:
      return "under_review";
    case DD_TRANSITION_REJECT:
      return "rejected";
    case DD_TRANSITION_MERGE:
      return "merged";
    case DD_TRANSITION_TRANSFER_OUT:
      return "transferred_out";
    case DD_TRANSITION_ASSIGN:
      return "assigned";
    case DD_TRANSITION_START_HANDLING:
      return "handling";
    case DD_TRANSITION_REPLY:
      return "replied";
    case DD_TRANSITION_EVALUATE:
      return "evaluated";
    case DD_TRANSITION_CLOSE:
      return "closed";
    case DD_TRANSITION_TRANSFER_UNIT:
    case DD_TRANSITION_NONE:
    default:
      return NULL;
    }
}

/* The one state each move starts from. */
static const char *
source_of (DdTransitionKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    if (edges[i].kind == kind)
      return edges[i].from;
  return NULL;
}

/* @day must be a date, and not after today; @label names the field. */
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
                   label, day != NULL ? day : "");
      return FALSE;
    }
  if (strcmp (day, today) > 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s cannot be after today (%s)"), label, today);
      return FALSE;
    }
  return TRUE;
}

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->number, g_free);
  g_clear_pointer (&row->kind, g_free);
  g_clear_pointer (&row->state, g_free);
  g_clear_pointer (&row->registered_on, g_free);
  g_clear_pointer (&row->assigned_on, g_free);
  g_clear_pointer (&row->deadline_on, g_free);
  g_clear_pointer (&row->replied_on, g_free);
  g_clear_pointer (&row->evaluated_on, g_free);
  g_clear_pointer (&row->closed_on, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

/* Reads suggestion @id; DD_MODEL_ERROR_NOT_FOUND names @id if there is none. */
static gboolean
read_row (DdStore  *store,
          gint64    id,
          Row      *row,
          GError  **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT number, kind, state, registered_on, assigned_on, "
                                         "deadline_on, replied_on, evaluated_on, closed_on, round, "
                                         "published "
                                         "FROM suggestions WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->id = id;
      row->number = g_strdup (dd_column_text (stmt, 0));
      row->kind = g_strdup (dd_column_text (stmt, 1));
      row->state = g_strdup (dd_column_text (stmt, 2));
      row->registered_on = g_strdup (dd_column_text (stmt, 3));
      row->assigned_on = g_strdup (dd_column_text (stmt, 4));
      row->deadline_on = g_strdup (dd_column_text (stmt, 5));
      row->replied_on = g_strdup (dd_column_text (stmt, 6));
      row->evaluated_on = g_strdup (dd_column_text (stmt, 7));
      row->closed_on = g_strdup (dd_column_text (stmt, 8));
      row->round = sqlite3_column_int64 (stmt, 9);
      row->published = sqlite3_column_int (stmt, 10) != 0;
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

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_free (change->old_value);
  g_free (change->new_value);
}

static GArray *
changes_new (void)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (Change));

  g_array_set_clear_func (changes, change_clear);
  return changes;
}

static void
changes_add (GArray     *changes,
             const char *column,
             const char *old_value,
             const char *new_value,
             gboolean    integer)
{
  Change change = { column, g_strdup (old_value), g_strdup (new_value), integer };

  if (g_strcmp0 (old_value, new_value) == 0)
    {
      change_clear (&change);
      return;
    }
  g_array_append_val (changes, change);
}

/* Audits every change under the column's property name, then writes them
 * all in one UPDATE with the new updated_at. */
static gboolean
apply_changes (DdStore     *store,
               const Row   *row,
               GArray      *changes,
               GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE suggestions SET ");
  g_autofree char *now = dd_store_dup_now (store);
  sqlite3_stmt *stmt;
  int column = 1;

  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);
      g_autofree char *property = g_strdup (change->column);

      g_strdelimit (property, "_", '-');
      if (!dd_store_audit (store, "suggestions", row->id, property,
                           change->old_value, change->new_value, error))
        return FALSE;
      g_string_append_printf (sql, "%s = ?, ", change->column);
    }
  g_string_append (sql, "updated_at = ? WHERE id = ?");

  stmt = dd_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);

      if (change->new_value == NULL)
        sqlite3_bind_null (stmt, column++);
      else if (change->integer)
        sqlite3_bind_int64 (stmt, column++, g_ascii_strtoll (change->new_value, NULL, 10));
      else
        sqlite3_bind_text (stmt, column++, change->new_value, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, column++, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, column, row->id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  dd_store_note_change (store, "suggestions", row->id);
  return TRUE;
}

/* A handling unit that exists and is active, or DD_MODEL_ERROR_INVALID. */
static gboolean
check_unit (DdStore     *store,
            const char  *label,
            gint64       unit_id,
            GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, "SELECT name, active FROM units WHERE id = ?", error);
  g_autofree char *name = NULL;
  gboolean found, active = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      name = g_strdup (dd_column_text (stmt, 0));
      active = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_autofree char *number = number_text (unit_id);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s: there is no handling unit numbered %s"), label, number);
      return FALSE;
    }
  if (!active)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s: %s is no longer an active handling unit"), label, name);
      return FALSE;
    }
  return TRUE;
}

static char *
dup_name (DdStore    *store,
          const char *sql,
          gint64      id)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  char *name = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup (dd_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return name != NULL ? name : number_text (id);
}

static char *
dup_unit_name (DdStore *store,
               gint64   id)
{
  return dup_name (store, "SELECT name FROM units WHERE id = ?", id);
}

static char *
dup_deputy_name (DdStore *store,
                 gint64   id)
{
  return dup_name (store, "SELECT name FROM deputies WHERE id = ?", id);
}

static gboolean
has_co_units (DdStore *store,
              gint64   suggestion_id)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT 1 FROM suggestion_units "
                                         "WHERE suggestion_id = ? AND role = 'co'", NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* The ids of @sql's first column, bound to @id. */
static GArray *
query_ids (DdStore     *store,
           const char  *sql,
           gint64       id,
           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
audit_id (DdStore     *store,
          gint64       suggestion_id,
          const char  *field,
          gint64       old_id,
          gint64       new_id,
          GError     **error)
{
  g_autofree char *old_text = old_id != 0 ? number_text (old_id) : NULL;
  g_autofree char *new_text = new_id != 0 ? number_text (new_id) : NULL;

  return dd_store_audit (store, "suggestions", suggestion_id, field, old_text, new_text, error);
}

static gboolean
insert_unit (DdStore     *store,
             gint64       suggestion_id,
             gint64       unit_id,
             const char  *role,
             const char  *day,
             GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "INSERT INTO suggestion_units (suggestion_id, unit_id, role, "
                                         "assigned_on) VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;
  dd_store_note_change (store, "suggestion_units", suggestion_id);
  return audit_id (store, suggestion_id, g_str_equal (role, "lead") ? "lead-unit-id" : "co-unit-id",
                   0, unit_id, error);
}

static gboolean
delete_unit (DdStore     *store,
             gint64       suggestion_id,
             gint64       unit_id,
             const char  *role,
             gint64       replacement,
             GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "DELETE FROM suggestion_units WHERE suggestion_id = ? "
                                         "AND unit_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;
  dd_store_note_change (store, "suggestion_units", suggestion_id);
  return audit_id (store, suggestion_id, g_str_equal (role, "lead") ? "lead-unit-id" : "co-unit-id",
                   unit_id, replacement, error);
}

/* Removes every unit of the suggestion, each audited. */
static gboolean
clear_units (DdStore  *store,
             gint64    suggestion_id,
             GError  **error)
{
  g_autoptr(GArray) leads = query_ids (store,
                                       "SELECT unit_id FROM suggestion_units "
                                       "WHERE suggestion_id = ? AND role = 'lead'",
                                       suggestion_id, error);
  g_autoptr(GArray) cos = NULL;

  if (leads == NULL)
    return FALSE;
  cos = query_ids (store,
                   "SELECT unit_id FROM suggestion_units WHERE suggestion_id = ? AND role = 'co' "
                   "ORDER BY unit_id", suggestion_id, error);
  if (cos == NULL)
    return FALSE;

  for (guint i = 0; i < leads->len; i++)
    if (!delete_unit (store, suggestion_id, g_array_index (leads, gint64, i), "lead", 0, error))
      return FALSE;
  for (guint i = 0; i < cos->len; i++)
    if (!delete_unit (store, suggestion_id, g_array_index (cos, gint64, i), "co", 0, error))
      return FALSE;
  return TRUE;
}

/* The moves */

static gboolean
do_state_only (DdStore     *store,
               const Row   *row,
               const char  *to,
               GError     **error)
{
  g_autoptr(GArray) changes = changes_new ();

  changes_add (changes, "state", row->state, to, FALSE);
  return apply_changes (store, row, changes, error);
}

static gboolean
do_reject (DdStore     *store,
           const Row   *row,
           const char  *reason,
           GError     **error)
{
  g_autoptr(GArray) changes = changes_new ();
  g_autofree char *stripped = dup_stripped (reason);

  if (is_blank (reason))
    return fail_required (error, _("Reason for rejection"));

  changes_add (changes, "state", row->state, "rejected", FALSE);
  changes_add (changes, "rejection_reason", NULL, stripped, FALSE);
  return apply_changes (store, row, changes, error);
}

static gboolean
do_transfer_out (DdStore     *store,
                 const Row   *row,
                 const char  *destination,
                 GError     **error)
{
  g_autoptr(GArray) changes = changes_new ();
  g_autofree char *stripped = dup_stripped (destination);

  if (is_blank (destination))
    return fail_required (error, _("Transferred to"));

  changes_add (changes, "state", row->state, "transferred_out", FALSE);
  changes_add (changes, "transferred_to", NULL, stripped, FALSE);
  return apply_changes (store, row, changes, error);
}

static gboolean
do_merge (DdStore    *store,
          const Row  *row,
          gint64      into_id,
          GError    **error)
{
  g_auto(Row) target = { 0 };
  g_autoptr(GArray) changes = changes_new ();
  g_autoptr(GArray) followers = NULL;
  g_autoptr(GArray) proposers = NULL;
  g_autoptr(GArray) target_proposers = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *into_text = NULL;
  sqlite3_stmt *stmt;

  if (into_id == 0)
    return fail_required (error, _("Merged into"));
  if (into_id == row->id)
    return fail_invalid (error, _("Merged into: a suggestion cannot be merged into itself"));
  if (!read_row (store, into_id, &target, &local_error))
    {
      g_autofree char *number = number_text (into_id);

      if (!g_error_matches (local_error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Merged into: there is no suggestion numbered %s"), number);
      return FALSE;
    }
  if (g_str_equal (target.state, "merged") || g_str_equal (target.state, "rejected") ||
      g_str_equal (target.state, "transferred_out"))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Merged into: %s is %s and cannot take in another suggestion"),
                   target.number != NULL ? target.number : "", state_label (target.state));
      return FALSE;
    }

  into_text = number_text (into_id);
  changes_add (changes, "state", row->state, "merged", FALSE);
  changes_add (changes, "merged_into_id", NULL, into_text, TRUE);
  if (!apply_changes (store, row, changes, error))
    return FALSE;

  /* Whatever was merged into this one now points at the one that stays. */
  followers = query_ids (store, "SELECT id FROM suggestions WHERE merged_into_id = ? ORDER BY id",
                         row->id, error);
  if (followers == NULL)
    return FALSE;
  for (guint i = 0; i < followers->len; i++)
    {
      gint64 follower = g_array_index (followers, gint64, i);
      g_autofree char *now = dd_store_dup_now (store);

      stmt = dd_store_prepare (store,
                               "UPDATE suggestions SET merged_into_id = ?, updated_at = ? WHERE id = ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, into_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, follower);
      if (!dd_store_step_done (store, stmt, error) ||
          !audit_id (store, follower, "merged-into-id", row->id, into_id, error))
        return FALSE;
      dd_store_note_change (store, "suggestions", follower);
    }

  /* The duplicate's proposers join the one that stays, after its own, so
   * that they too evaluate its handling. */
  proposers = query_ids (store,
                         "SELECT deputy_id FROM suggestion_proposers WHERE suggestion_id = ? "
                         "ORDER BY position, deputy_id", row->id, error);
  if (proposers == NULL)
    return FALSE;
  target_proposers = query_ids (store,
                                "SELECT deputy_id FROM suggestion_proposers WHERE suggestion_id = ?",
                                into_id, error);
  if (target_proposers == NULL)
    return FALSE;
  for (guint i = 0; i < proposers->len; i++)
    {
      gint64 deputy_id = g_array_index (proposers, gint64, i);

      if (contains_id (target_proposers, deputy_id))
        continue;
      stmt = dd_store_prepare (store,
                               "INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) "
                               "SELECT ?1, ?2, coalesce(max(position), 0) + 1 "
                               "FROM suggestion_proposers WHERE suggestion_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, into_id);
      sqlite3_bind_int64 (stmt, 2, deputy_id);
      if (!dd_store_step_done (store, stmt, error) ||
          !audit_id (store, into_id, "proposers", 0, deputy_id, error))
        return FALSE;
      g_array_append_val (target_proposers, deputy_id);
      dd_store_note_change (store, "suggestion_proposers", into_id);
      dd_store_note_change (store, "suggestions", into_id);
    }
  return TRUE;
}

static gboolean
do_assign (DdStore             *store,
           const Row           *row,
           const DdAssignment  *assignment,
           GError             **error)
{
  const DdAssignment none = { 0 };
  g_autoptr(GArray) changes = changes_new ();
  g_autoptr(GArray) co_units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today = dd_store_dup_today (store);
  g_autofree char *deadline = NULL;
  const char *assigned_on;

  if (assignment == NULL)
    assignment = &none;

  if (assignment->lead_unit_id == 0)
    return fail_required (error, _("Lead unit"));
  if (!check_unit (store, _("Lead unit"), assignment->lead_unit_id, error))
    return FALSE;
  for (guint i = 0; i < assignment->n_co_units; i++)
    {
      gint64 unit_id = assignment->co_unit_ids[i];

      if (unit_id == assignment->lead_unit_id)
        {
          g_autofree char *name = dup_unit_name (store, unit_id);

          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Co-handling units: %s is already the lead unit"), name);
          return FALSE;
        }
      if (contains_id (co_units, unit_id))
        continue;
      if (!check_unit (store, _("Co-handling units"), unit_id, error))
        return FALSE;
      g_array_append_val (co_units, unit_id);
    }

  assigned_on = assignment->assigned_on != NULL ? assignment->assigned_on : today;
  if (!check_day (store, _("Date assigned"), assigned_on, error))
    return FALSE;
  if (strcmp (assigned_on, row->registered_on) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Date assigned cannot be before the registration date (%s)"),
                   row->registered_on);
      return FALSE;
    }

  if (assignment->deadline_on != NULL)
    {
      if (!dd_date_is_valid (assignment->deadline_on))
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("%s: “%s” is not a date; write it as YYYY-MM-DD, for example 2025-03-01"),
                       _("Reply deadline"), assignment->deadline_on);
          return FALSE;
        }
      if (strcmp (assignment->deadline_on, assigned_on) < 0)
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Reply deadline cannot be before the date assigned (%s)"), assigned_on);
          return FALSE;
        }
      deadline = g_strdup (assignment->deadline_on);
    }
  else
    deadline = dd_calendar_dup_deadline (store, row->kind, assigned_on);

  changes_add (changes, "state", row->state, "assigned", FALSE);
  changes_add (changes, "assigned_on", row->assigned_on, assigned_on, FALSE);
  changes_add (changes, "deadline_on", row->deadline_on, deadline, FALSE);
  if (!apply_changes (store, row, changes, error) ||
      !clear_units (store, row->id, error) ||
      !insert_unit (store, row->id, assignment->lead_unit_id, "lead", assigned_on, error))
    return FALSE;
  for (guint i = 0; i < co_units->len; i++)
    if (!insert_unit (store, row->id, g_array_index (co_units, gint64, i), "co", assigned_on, error))
      return FALSE;
  return TRUE;
}

static gboolean
do_return_by_unit (DdStore             *store,
                   const Row           *row,
                   const DdUnitReturn  *unit_return,
                   GError             **error)
{
  const DdUnitReturn none = { NULL };
  g_autoptr(GArray) changes = changes_new ();
  g_autofree char *today = dd_store_dup_today (store);
  g_autofree char *reason = NULL;
  DdDeadlineRules rules;
  const char *returned_on;

  if (unit_return == NULL)
    unit_return = &none;

  if (is_blank (unit_return->reason))
    return fail_required (error, _("Reason for the return"));
  returned_on = unit_return->returned_on != NULL ? unit_return->returned_on : today;
  if (!check_day (store, _("Date returned"), returned_on, error))
    return FALSE;
  if (row->assigned_on != NULL)
    {
      if (strcmp (returned_on, row->assigned_on) < 0)
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Date returned cannot be before the date assigned (%s)"),
                       row->assigned_on);
          return FALSE;
        }
      dd_deadline_rules_get (store, &rules);
      if (dd_calendar_working_days_between (store, row->assigned_on, returned_on) >
          rules.unit_return_working_days)
        {
          g_autofree char *last = dd_calendar_add_working_days (store, row->assigned_on,
                                                                rules.unit_return_working_days);

          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("A unit can return an item only within %d working days of its "
                         "assignment on %s, that is up to %s"),
                       rules.unit_return_working_days, row->assigned_on, last);
          return FALSE;
        }
    }

  reason = dup_stripped (unit_return->reason);
  changes_add (changes, "state", row->state, "under_review", FALSE);
  changes_add (changes, "assigned_on", row->assigned_on, NULL, FALSE);
  changes_add (changes, "deadline_on", row->deadline_on, NULL, FALSE);
  return apply_changes (store, row, changes, error) &&
         dd_store_audit (store, "suggestions", row->id, "return-reason", NULL, reason, error) &&
         clear_units (store, row->id, error) &&
         dd_supervision_end_open (store, row->id, returned_on, error);
}

static gboolean
do_reply (DdStore             *store,
          const Row           *row,
          const DdReplyInput  *input,
          GError             **error)
{
  const DdReplyInput none = { 0 };
  g_autoptr(GArray) changes = changes_new ();
  g_autoptr(DdReply) reply = NULL;
  g_autofree char *body = NULL;
  gint64 lead;

  if (input == NULL)
    input = &none;

  lead = dd_suggestion_get_lead_unit_id (store, row->id);
  if (lead == 0)
    return fail_invalid (error, _("This suggestion has no lead unit to reply"));
  if (input->unit_id != 0 && input->unit_id != lead)
    {
      g_autofree char *name = dup_unit_name (store, lead);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Handling unit: only the lead unit, %s, replies"), name);
      return FALSE;
    }
  if (is_blank (input->reply_class))
    return fail_required (error, _("Class"));
  if (!g_strv_contains (dd_reply_classes, input->reply_class))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s: “%s” is not one of the allowed values"), _("Class"), input->reply_class);
      return FALSE;
    }
  if (is_blank (input->body))
    return fail_required (error, _("Text"));
  if (is_blank (input->replied_on))
    return fail_required (error, _("Date replied"));
  if (!check_day (store, _("Date replied"), input->replied_on, error))
    return FALSE;
  if (row->assigned_on != NULL && strcmp (input->replied_on, row->assigned_on) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Date replied cannot be before the date assigned (%s)"), row->assigned_on);
      return FALSE;
    }
  if (row->round > 1 && row->evaluated_on != NULL &&
      strcmp (input->replied_on, row->evaluated_on) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Date replied cannot be before the evaluation that opened this round (%s)"),
                   row->evaluated_on);
      return FALSE;
    }

  changes_add (changes, "state", row->state, "replied", FALSE);
  changes_add (changes, "replied_on", row->replied_on, input->replied_on, FALSE);
  if (!apply_changes (store, row, changes, error))
    return FALSE;

  body = dup_stripped (input->body);
  reply = dd_reply_new ();
  g_object_set (reply,
                "suggestion-id", row->id,
                "unit-id", lead,
                "round", row->round,
                "class", input->reply_class,
                "body", body,
                "replied-on", input->replied_on,
                "co-units-signed-off", input->co_units_signed_off && has_co_units (store, row->id),
                NULL);
  return dd_entity_save (DD_ENTITY (reply), store, error);
}

static gboolean
do_evaluate (DdStore                  *store,
             const Row                *row,
             const DdEvaluationInput  *input,
             const char               *to,
             GError                  **error)
{
  const DdEvaluationInput none = { NULL };
  g_autoptr(GArray) changes = changes_new ();
  g_autoptr(GArray) proposers = NULL;
  g_autoptr(GArray) given = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today = dd_store_dup_today (store);
  const char *evaluated_on;
  gboolean unsatisfied = FALSE;

  if (input == NULL)
    input = &none;

  proposers = query_ids (store,
                         "SELECT deputy_id FROM suggestion_proposers WHERE suggestion_id = ? "
                         "ORDER BY position, deputy_id", row->id, error);
  if (proposers == NULL)
    return FALSE;
  if (proposers->len == 0)
    return fail_invalid (error, _("This suggestion has no proposer to evaluate it"));

  for (guint i = 0; i < input->n_verdicts; i++)
    {
      const DdVerdict *verdict = &input->verdicts[i];

      if (!contains_id (proposers, verdict->deputy_id))
        {
          g_autofree char *name = dup_deputy_name (store, verdict->deputy_id);

          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Verdicts: %s is not a proposer of this suggestion"), name);
          return FALSE;
        }
      if (contains_id (given, verdict->deputy_id))
        {
          g_autofree char *name = dup_deputy_name (store, verdict->deputy_id);

          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Verdicts: %s is given twice"), name);
          return FALSE;
        }
      if (is_blank (verdict->verdict))
        return fail_required (error, _("Verdict"));
      if (!g_strv_contains (dd_verdicts, verdict->verdict))
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("%s: “%s” is not one of the allowed values"), _("Verdict"),
                       verdict->verdict);
          return FALSE;
        }
      g_array_append_val (given, verdict->deputy_id);
      unsatisfied |= g_str_equal (verdict->verdict, "unsatisfied");
    }
  for (guint i = 0; i < proposers->len; i++)
    if (!contains_id (given, g_array_index (proposers, gint64, i)))
      {
        g_autofree char *name = dup_deputy_name (store, g_array_index (proposers, gint64, i));

        g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                     _("Verdicts: %s has not given a verdict"), name);
        return FALSE;
      }

  evaluated_on = input->evaluated_on != NULL ? input->evaluated_on : today;
  if (!check_day (store, _("Date evaluated"), evaluated_on, error))
    return FALSE;
  if (row->replied_on != NULL && strcmp (evaluated_on, row->replied_on) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Date evaluated cannot be before the date replied (%s)"), row->replied_on);
      return FALSE;
    }

  /* A drop on a column is a promise of where the card lands. */
  if (to != NULL && g_str_equal (to, "evaluated") && unsatisfied)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("An unsatisfied verdict sends the suggestion back to %s, not on to %s"),
                   state_label ("handling"), state_label ("evaluated"));
      return FALSE;
    }
  if (to != NULL && g_str_equal (to, "handling") && !unsatisfied)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Only an unsatisfied verdict sends the suggestion back to %s"),
                   state_label ("handling"));
      return FALSE;
    }

  changes_add (changes, "state", row->state, unsatisfied ? "handling" : "evaluated", FALSE);
  changes_add (changes, "evaluated_on", row->evaluated_on, evaluated_on, FALSE);
  if (unsatisfied)
    {
      g_autofree char *round = number_text (row->round);
      g_autofree char *next_round = number_text (row->round + 1);
      g_autofree char *deadline = dd_calendar_dup_deadline (store, row->kind, evaluated_on);

      changes_add (changes, "round", round, next_round, TRUE);
      changes_add (changes, "deadline_on", row->deadline_on, deadline, FALSE);
    }
  if (!apply_changes (store, row, changes, error))
    return FALSE;

  for (guint i = 0; i < input->n_verdicts; i++)
    {
      const DdVerdict *verdict = &input->verdicts[i];
      g_autoptr(DdEvaluation) evaluation = dd_evaluation_new ();
      g_autofree char *comment = dup_stripped (verdict->comment);

      g_object_set (evaluation,
                    "suggestion-id", row->id,
                    "deputy-id", verdict->deputy_id,
                    "round", row->round,
                    "verdict", verdict->verdict,
                    "evaluated-on", evaluated_on,
                    "comment", comment,
                    NULL);
      if (!dd_entity_save (DD_ENTITY (evaluation), store, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
do_close (DdStore          *store,
          const Row        *row,
          const DdClosing  *closing,
          GError          **error)
{
  const DdClosing none = { NULL, FALSE };
  g_autoptr(GArray) changes = changes_new ();
  g_autofree char *today = dd_store_dup_today (store);
  const char *closed_on;

  if (closing == NULL)
    closing = &none;

  closed_on = closing->closed_on != NULL ? closing->closed_on : today;
  if (!check_day (store, _("Date closed"), closed_on, error))
    return FALSE;
  if (row->evaluated_on != NULL && strcmp (closed_on, row->evaluated_on) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Date closed cannot be before the date evaluated (%s)"), row->evaluated_on);
      return FALSE;
    }

  changes_add (changes, "state", row->state, "closed", FALSE);
  changes_add (changes, "closed_on", row->closed_on, closed_on, FALSE);
  changes_add (changes, "published", row->published ? "1" : "0", closing->publish ? "1" : "0", TRUE);
  return apply_changes (store, row, changes, error) &&
         dd_supervision_end_open (store, row->id, closed_on, error);
}

static gboolean
do_transfer_unit (DdStore               *store,
                  const Row             *row,
                  const DdUnitTransfer  *transfer,
                  GError               **error)
{
  const DdUnitTransfer none = { 0 };
  g_autofree char *today = dd_store_dup_today (store);
  g_autofree char *now = dd_store_dup_now (store);
  g_autofree char *reason = NULL;
  g_autoptr(GArray) cos = NULL;
  const char *transferred_on;
  sqlite3_stmt *stmt;
  gint64 lead;

  if (transfer == NULL)
    transfer = &none;

  if (transfer->unit_id == 0)
    return fail_required (error, _("Handling unit"));
  if (!check_unit (store, _("Handling unit"), transfer->unit_id, error))
    return FALSE;
  lead = dd_suggestion_get_lead_unit_id (store, row->id);
  if (transfer->unit_id == lead)
    {
      g_autofree char *name = dup_unit_name (store, lead);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Handling unit: %s already leads this suggestion"), name);
      return FALSE;
    }
  transferred_on = transfer->transferred_on != NULL ? transfer->transferred_on : today;
  if (!check_day (store, _("Date of transfer"), transferred_on, error))
    return FALSE;
  if (row->assigned_on != NULL && strcmp (transferred_on, row->assigned_on) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Date of transfer cannot be before the date assigned (%s)"), row->assigned_on);
      return FALSE;
    }

  cos = query_ids (store,
                   "SELECT unit_id FROM suggestion_units WHERE suggestion_id = ? AND role = 'co'",
                   row->id, error);
  if (cos == NULL)
    return FALSE;
  /* A co-handling unit that takes the lead is no longer a co-handling one. */
  if (contains_id (cos, transfer->unit_id) &&
      !delete_unit (store, row->id, transfer->unit_id, "co", 0, error))
    return FALSE;
  if (lead != 0)
    {
      stmt = dd_store_prepare (store,
                               "DELETE FROM suggestion_units WHERE suggestion_id = ? AND role = 'lead'",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      if (!dd_store_step_done (store, stmt, error))
        return FALSE;
    }
  stmt = dd_store_prepare (store,
                           "INSERT INTO suggestion_units (suggestion_id, unit_id, role, assigned_on) "
                           "VALUES (?, ?, 'lead', ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, transfer->unit_id);
  sqlite3_bind_text (stmt, 3, transferred_on, -1, SQLITE_TRANSIENT);
  if (!dd_store_step_done (store, stmt, error) ||
      !audit_id (store, row->id, "lead-unit-id", lead, transfer->unit_id, error))
    return FALSE;
  dd_store_note_change (store, "suggestion_units", row->id);

  reason = dup_stripped (transfer->reason);
  if (reason != NULL && reason[0] != '\0' &&
      !dd_store_audit (store, "suggestions", row->id, "transfer-reason", NULL, reason, error))
    return FALSE;

  stmt = dd_store_prepare (store, "UPDATE suggestions SET updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row->id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;
  dd_store_note_change (store, "suggestions", row->id);
  return TRUE;
}

static gboolean
run_in_transaction (DdStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  const Job *job = user_data;
  const DdMove none = { NULL };
  const DdMove *move = job->move != NULL ? job->move : &none;
  g_auto(Row) row = { 0 };
  DdTransitionKind kind = job->kind;

  if (!read_row (store, job->id, &row, error))
    return FALSE;

  if (job->to != NULL)
    {
      kind = dd_workflow_transition_for (row.state, job->to);
      if (kind == DD_TRANSITION_NONE)
        return fail_illegal (error, row.state, job->to);
    }
  else if (dd_workflow_transition_for (row.state, nominal_target (kind)) != kind)
    {
      if (dd_workflow_can_move (row.state, nominal_target (kind)))
        {
          /* Legal by another move, e.g. returning a registered item "to review". */
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_ILLEGAL_TRANSITION,
                       _("“%s” is for a suggestion that is %s; this one is %s"),
                       dd_transition_kind_get_label (kind), state_label (source_of (kind)),
                       state_label (row.state));
          return FALSE;
        }
      return fail_illegal (error, row.state, nominal_target (kind));
    }

  switch (kind)
    {
    case DD_TRANSITION_START_REVIEW:
      return do_state_only (store, &row, "under_review", error);
    case DD_TRANSITION_REJECT:
      return do_reject (store, &row, move->reason, error);
    case DD_TRANSITION_MERGE:
      return do_merge (store, &row, move->merge_into_id, error);
    case DD_TRANSITION_TRANSFER_OUT:
      return do_transfer_out (store, &row, move->destination, error);
    case DD_TRANSITION_ASSIGN:
      return do_assign (store, &row, move->assignment, error);
    case DD_TRANSITION_RETURN_BY_UNIT:
      return do_return_by_unit (store, &row, move->unit_return, error);
    case DD_TRANSITION_START_HANDLING:
      return do_state_only (store, &row, "handling", error);
    case DD_TRANSITION_REPLY:
      return do_reply (store, &row, move->reply, error);
    case DD_TRANSITION_EVALUATE:
      return do_evaluate (store, &row, move->evaluation, job->to, error);
    case DD_TRANSITION_CLOSE:
      return do_close (store, &row, move->closing, error);
    case DD_TRANSITION_TRANSFER_UNIT:
    case DD_TRANSITION_NONE:
    default:
      g_return_val_if_reached (FALSE);
    }
}

typedef struct
{
  gint64                 id;
  const DdUnitTransfer  *transfer;
} TransferJob;

static gboolean
transfer_in_transaction (DdStore   *store,
                         gpointer   user_data,
                         GError   **error)
{
  const TransferJob *job = user_data;
  g_auto(Row) row = { 0 };

  if (!read_row (store, job->id, &row, error))
    return FALSE;
  if (!dd_workflow_can_transfer_unit (row.state))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_ILLEGAL_TRANSITION,
                   _("Only a suggestion that is assigned or being handled can go to another "
                     "unit; this one is %s"), state_label (row.state));
      return FALSE;
    }
  return do_transfer_unit (store, &row, job->transfer, error);
}

static gboolean
run_typed (DdStore           *store,
           gint64             id,
           DdTransitionKind   kind,
           const DdMove      *move,
           GError           **error)
{
  Job job = { id, NULL, kind, move };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  return dd_store_write (store, run_in_transaction, &job, error);
}

/* Public API: the rules */

gboolean
dd_workflow_can_move (const char *from,
                      const char *to)
{
  return dd_workflow_transition_for (from, to) != DD_TRANSITION_NONE;
}

const char * const *
dd_workflow_targets (const char *from)
{
  if (g_strcmp0 (from, "registered") == 0)
    return targets_registered;
  if (g_strcmp0 (from, "under_review") == 0)
    return targets_under_review;
  if (g_strcmp0 (from, "assigned") == 0)
    return targets_assigned;
  if (g_strcmp0 (from, "handling") == 0)
    return targets_handling;
  if (g_strcmp0 (from, "replied") == 0)
    return targets_replied;
  if (g_strcmp0 (from, "evaluated") == 0)
    return targets_evaluated;
  return targets_none;
}

DdTransitionKind
dd_workflow_transition_for (const char *from,
                            const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    if (g_strcmp0 (edges[i].from, from) == 0 && g_strcmp0 (edges[i].to, to) == 0)
      return edges[i].kind;
  return DD_TRANSITION_NONE;
}

gboolean
dd_workflow_can_transfer_unit (const char *state)
{
  return g_strcmp0 (state, "assigned") == 0 || g_strcmp0 (state, "handling") == 0;
}

const char *
dd_transition_kind_get_label (DdTransitionKind kind)
{
  switch (kind)
    {
    case DD_TRANSITION_START_REVIEW:
      return C_("transition", "Start the review");
    case DD_TRANSITION_REJECT:
      return C_("transition", "Reject");
    case DD_TRANSITION_MERGE:
      return C_("transition", "Merge into another suggestion");
    case DD_TRANSITION_TRANSFER_OUT:
      return C_("transition", "Transfer to another level’s congress");
    case DD_TRANSITION_ASSIGN:
      return C_("transition", "Assign");
    case DD_TRANSITION_RETURN_BY_UNIT:
      return C_("transition", "Return by the unit");
    case DD_TRANSITION_START_HANDLING:
      return C_("transition", "Start handling");
    case DD_TRANSITION_REPLY:
      return C_("transition", "Record the reply");
    case DD_TRANSITION_EVALUATE:
      return C_("transition", "Record the evaluation");
    case DD_TRANSITION_CLOSE:
      return C_("transition", "Close");
    case DD_TRANSITION_TRANSFER_UNIT:
      return C_("transition", "Transfer to another unit");
    case DD_TRANSITION_NONE:
    default:
      return "";
    }
}

/* Public API: the moves */

/**
 * dd_workflow_move:
 * @to: the state to move to, a code of dd_suggestion_states
 * @move: (nullable): the data of the move
 *
 * See dd-workflow.h.
 */
gboolean
dd_workflow_move (DdStore       *store,
                  gint64         suggestion_id,
                  const char    *to,
                  const DdMove  *move,
                  GError       **error)
{
  Job job = { suggestion_id, to, DD_TRANSITION_NONE, move };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  return dd_store_write (store, run_in_transaction, &job, error);
}

gboolean
dd_workflow_start_review (DdStore  *store,
                          gint64    suggestion_id,
                          GError  **error)
{
  return run_typed (store, suggestion_id, DD_TRANSITION_START_REVIEW, NULL, error);
}

gboolean
dd_workflow_reject (DdStore     *store,
                    gint64       suggestion_id,
                    const char  *reason,
                    GError     **error)
{
  DdMove move = { .reason = reason };

  return run_typed (store, suggestion_id, DD_TRANSITION_REJECT, &move, error);
}

gboolean
dd_workflow_merge (DdStore  *store,
                   gint64    suggestion_id,
                   gint64    into_id,
                   GError  **error)
{
  DdMove move = { .merge_into_id = into_id };

  return run_typed (store, suggestion_id, DD_TRANSITION_MERGE, &move, error);
}

gboolean
dd_workflow_transfer_out (DdStore     *store,
                          gint64       suggestion_id,
                          const char  *destination,
                          GError     **error)
{
  DdMove move = { .destination = destination };

  return run_typed (store, suggestion_id, DD_TRANSITION_TRANSFER_OUT, &move, error);
}

gboolean
dd_workflow_assign (DdStore             *store,
                    gint64               suggestion_id,
                    const DdAssignment  *assignment,
                    GError             **error)
{
  DdMove move = { .assignment = assignment };

  return run_typed (store, suggestion_id, DD_TRANSITION_ASSIGN, &move, error);
}

gboolean
dd_workflow_return_by_unit (DdStore             *store,
                            gint64               suggestion_id,
                            const DdUnitReturn  *unit_return,
                            GError             **error)
{
  DdMove move = { .unit_return = unit_return };

  return run_typed (store, suggestion_id, DD_TRANSITION_RETURN_BY_UNIT, &move, error);
}

gboolean
dd_workflow_start_handling (DdStore  *store,
                            gint64    suggestion_id,
                            GError  **error)
{
  return run_typed (store, suggestion_id, DD_TRANSITION_START_HANDLING, NULL, error);
}

gboolean
dd_workflow_reply (DdStore             *store,
                   gint64               suggestion_id,
                   const DdReplyInput  *reply,
                   GError             **error)
{
  DdMove move = { .reply = reply };

  return run_typed (store, suggestion_id, DD_TRANSITION_REPLY, &move, error);
}

gboolean
dd_workflow_evaluate (DdStore                  *store,
                      gint64                    suggestion_id,
                      const DdEvaluationInput  *evaluation,
                      GError                  **error)
{
  DdMove move = { .evaluation = evaluation };

  return run_typed (store, suggestion_id, DD_TRANSITION_EVALUATE, &move, error);
}

gboolean
dd_workflow_close (DdStore          *store,
                   gint64            suggestion_id,
                   const DdClosing  *closing,
                   GError          **error)
{
  DdMove move = { .closing = closing };

  return run_typed (store, suggestion_id, DD_TRANSITION_CLOSE, &move, error);
}

gboolean
dd_workflow_transfer_unit (DdStore               *store,
                           gint64                 suggestion_id,
                           const DdUnitTransfer  *transfer,
                           GError               **error)
{
  TransferJob job = { suggestion_id, transfer };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  return dd_store_write (store, transfer_in_transaction, &job, error);
}

gint64
dd_workflow_lookup_unit (DdStore     *store,
                         const char  *name_or_number,
                         GError     **error)
{
  g_autofree char *text = dup_stripped (name_or_number);
  sqlite3_stmt *stmt;
  guint64 number = 0;
  gint64 id = 0;

  g_return_val_if_fail (DD_IS_STORE (store), 0);

  if (text == NULL || text[0] == '\0')
    {
      fail_required (error, _("Handling unit"));
      return 0;
    }

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &number, NULL))
    {
      stmt = dd_store_prepare (store, "SELECT id FROM units WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, (gint64) number);
    }
  else
    {
      stmt = dd_store_prepare (store, "SELECT id FROM units WHERE name = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (id == 0)
    {
      if (number != 0)
        g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                     _("There is no handling unit numbered %s"), text);
      else
        g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                     _("There is no handling unit named “%s”"), text);
    }
  return id;
}
