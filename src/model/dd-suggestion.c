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
  { "rejection-reason", DD_FIELD_TEXT, N_("Reason for rejection") },
  { "transferred-to", DD_FIELD_TEXT, N_("Transferred to") },
  { "published", DD_FIELD_BOOL, N_("Published") },
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
