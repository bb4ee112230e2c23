/* dd-suggestion.c
 *
 * The handling fields (state, round, dates, merge) belong to the workflow:
 * they are managed, so forms never set them and validation leaves them to
 * the model code that moves a suggestion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-suggestion"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-fts.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-utils.h"

struct _DdSuggestion
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdSuggestion, dd_suggestion, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "number", DD_FIELD_TEXT, N_("Number"), .managed = TRUE },
  { "kind", DD_FIELD_ENUM, N_("Kind"), .required = TRUE, .codes = dd_suggestion_kinds },
  { "title", DD_FIELD_TEXT, N_("Title"), .required = TRUE },
  { "body", DD_FIELD_TEXT, N_("Text") },
  { "category", DD_FIELD_ENUM, N_("Category"), .required = TRUE,
    .codes = dd_suggestion_categories, .fallback = "other" },
  { "state", DD_FIELD_ENUM, N_("State"), .managed = TRUE, .codes = dd_suggestion_states,
    .fallback = "registered" },
  { "registered-on", DD_FIELD_DATE, N_("Registration date"), .required = TRUE },
  { "station-id", DD_FIELD_REF, N_("Station"), .ref_table = "stations" },
  { "reception-id", DD_FIELD_REF, N_("Reception"), .ref_table = "receptions" },
  { "voter-name", DD_FIELD_TEXT, N_("Voter’s name") },
  { "voter-phone", DD_FIELD_TEXT, N_("Voter’s phone") },
  { "assigned-on", DD_FIELD_DATE, N_("Date assigned"), .managed = TRUE },
  { "deadline-on", DD_FIELD_DATE, N_("Reply deadline"), .managed = TRUE },
  { "replied-on", DD_FIELD_DATE, N_("Date replied"), .managed = TRUE },
  { "evaluated-on", DD_FIELD_DATE, N_("Date evaluated"), .managed = TRUE },
  { "closed-on", DD_FIELD_DATE, N_("Date closed"), .managed = TRUE },
  { "round", DD_FIELD_INT, N_("Round"), .managed = TRUE, .min = 1, .max = 99, .fallback = "1" },
  { "merged-into-id", DD_FIELD_REF, N_("Merged into"), .managed = TRUE,
    .ref_table = "suggestions" },
  /* Set by the workflow's moves (dd-workflow.c), with the state. */
  { "rejection-reason", DD_FIELD_TEXT, N_("Reason for rejection"), .managed = TRUE },
  { "transferred-to", DD_FIELD_TEXT, N_("Transferred to"), .managed = TRUE },
  { "published", DD_FIELD_BOOL, N_("Published"), .managed = TRUE },
};

/* The schema's CHECK ((state = 'merged') = (merged_into_id IS NOT NULL)). */
static void
dd_suggestion_check (DdEntity  *entity,
                     DdStore   *store,
                     GPtrArray *problems)
{
  const char *state = dd_entity_get_string (entity, "state");
  gint64 merged_into = dd_entity_get_int (entity, "merged-into-id");
  gint64 id = dd_entity_get_id (entity);
  gboolean merged = g_strcmp0 (state, "merged") == 0;

  if (merged && merged_into == 0)
    dd_problems_add (problems, "merged-into-id",
                     g_strdup (_("Merged into is required for a merged suggestion")));
  else if (!merged && merged_into != 0)
    dd_problems_add (problems, "merged-into-id",
                     g_strdup (_("Merged into must be empty unless the suggestion is merged")));
  else if (merged_into != 0 && merged_into == id)
    dd_problems_add (problems, "merged-into-id",
                     g_strdup (_("Merged into: a suggestion cannot be merged into itself")));
}

/* 建议 JY2025-0012, 意见 YJ2025-0345, as the demo numbers them: per kind
 * and registration year, one more than the highest number given so far
 * (not the count, so that a deletion never makes a number come twice). */
static gboolean
dd_suggestion_inserted (DdEntity  *entity,
                        DdStore   *store,
                        GError   **error)
{
  const char *number = dd_entity_get_string (entity, "number");
  const char *letters = g_strcmp0 (dd_entity_get_string (entity, "kind"), "voter_opinion") == 0
                        ? "YJ" : "JY";
  int year = dd_date_year (dd_entity_get_string (entity, "registered-on"));
  g_autofree char *prefix = NULL;
  g_autofree char *beyond = NULL;
  g_autofree char *assigned = NULL;
  sqlite3_stmt *stmt;
  guint64 last = 0;
  int rc;

  /* Searchable at once; the schema's triggers follow later edits. */
  if (!dd_fts_index_suggestion (store, dd_entity_get_id (entity), error))
    return FALSE;

  /* An imported suggestion keeps the number it was registered under. */
  if (number != NULL && number[0] != '\0')
    return TRUE;

  /* The numbers from "JY2025-" up to "JY2025." ('.' follows '-') make an
   * index range; the suffixes are compared as numbers here, not as text,
   * so that JY2025-10000 comes after JY2025-9999. */
  prefix = g_strdup_printf ("%s%04d-", letters, year);
  beyond = g_strdup_printf ("%s%04d.", letters, year);
  stmt = dd_store_prepare (store,
                           "SELECT number FROM suggestions WHERE number >= ? AND number < ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, beyond, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *suffix = dd_column_text (stmt, 0) + strlen (prefix);
      guint64 n;

      if (g_ascii_string_to_unsigned (suffix, 10, 1, G_MAXINT32, &n, NULL))
        last = MAX (last, n);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (store, rc, error);

  assigned = g_strdup_printf ("%s%04" G_GUINT64_FORMAT, prefix, last + 1);
  stmt = dd_store_prepare (store, "UPDATE suggestions SET number = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, assigned, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, dd_entity_get_id (entity));
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  g_object_set (entity, "number", assigned, NULL);
  return TRUE;
}

static void
dd_suggestion_class_init (DdSuggestionClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "suggestions", fields, G_N_ELEMENTS (fields));
  entity_class->has_created_at = TRUE;
  entity_class->has_updated_at = TRUE;
  entity_class->check = dd_suggestion_check;
  entity_class->inserted = dd_suggestion_inserted;
}

static void
dd_suggestion_init (DdSuggestion *self)
{
}

DdSuggestion *
dd_suggestion_new (void)
{
  return g_object_new (DD_TYPE_SUGGESTION, NULL);
}

/**
 * dd_suggestion_load:
 * Returns: (transfer full): the suggestion, or %NULL with @error set
 */
DdSuggestion *
dd_suggestion_load (DdStore  *store,
                    gint64    id,
                    GError  **error)
{
  return dd_entity_load (DD_TYPE_SUGGESTION, store, id, error);
}

/**
 * dd_suggestion_deadline_status:
 *
 * Overdue when today is past the deadline; due soon from
 * DdDeadlineRules.due_soon_working_days working days before it, the
 * deadline itself included. Only while assigned or being handled: a reply
 * stops the clock.
 */
DdDeadlineStatus
dd_suggestion_deadline_status (DdStore      *store,
                               DdSuggestion *self,
                               int          *days_left)
{
  const char *state;
  const char *deadline;
  g_autofree char *today = NULL;
  DdDeadlineRules rules;
  int left;

  g_return_val_if_fail (DD_IS_STORE (store), DD_DEADLINE_NONE);
  g_return_val_if_fail (DD_IS_SUGGESTION (self), DD_DEADLINE_NONE);

  if (days_left != NULL)
    *days_left = 0;
  state = dd_entity_get_string (DD_ENTITY (self), "state");
  deadline = dd_entity_get_string (DD_ENTITY (self), "deadline-on");
  if ((g_strcmp0 (state, "assigned") != 0 && g_strcmp0 (state, "handling") != 0) ||
      !dd_date_is_valid (deadline))
    return DD_DEADLINE_NONE;

  today = dd_store_dup_today (store);
  left = dd_calendar_working_days_between (store, today, deadline);
  if (days_left != NULL)
    *days_left = left;
  if (strcmp (today, deadline) > 0)
    return DD_DEADLINE_OVERDUE;
  dd_deadline_rules_get (store, &rules);
  return left <= rules.due_soon_working_days ? DD_DEADLINE_DUE_SOON : DD_DEADLINE_NONE;
}

gint64
dd_suggestion_get_lead_unit_id (DdStore *store,
                                gint64   suggestion_id)
{
  sqlite3_stmt *stmt;
  gint64 unit_id = 0;

  g_return_val_if_fail (DD_IS_STORE (store), 0);

  stmt = dd_store_prepare (store,
                           "SELECT unit_id FROM suggestion_units "
                           "WHERE suggestion_id = ? AND role = 'lead'", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    unit_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return unit_id;
}

/**
 * dd_suggestion_dup_proposer_ids:
 * Returns: (transfer full) (element-type gint64): the deputies, by
 *   position, or %NULL on error
 */
GArray *
dd_suggestion_dup_proposer_ids (DdStore  *store,
                                gint64    suggestion_id,
                                GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  stmt = dd_store_prepare (store,
                           "SELECT deputy_id FROM suggestion_proposers WHERE suggestion_id = ? "
                           "ORDER BY position, deputy_id", error);
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
  return g_steal_pointer (&ids);
}
