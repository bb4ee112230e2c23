/* dd-suggestion-summary.c
 *
 * A board card is bound for each row that scrolls into view, so each of
 * these is one query on an index (suggestion_proposers' and
 * suggestion_units' primary keys, evaluations' UNIQUE key, suggestions'
 * number), never a scan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-suggestion-summary"

#include <glib/gi18n-lib.h>

#include "dd-model-error.h"
#include "dd-store-private.h"
#include "dd-suggestion-summary.h"

/* Helpers */

/* The first column of every row, as text; NULL with @error set on failure. */
static char **
dup_strings (DdStore     *store,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = dd_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = dd_column_text (stmt, 0);

      if (text != NULL)
        g_strv_builder_add (builder, text);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Public API */

/**
 * dd_suggestion_dup_proposer_names:
 * Returns: (transfer full) (nullable): see dd-suggestion-summary.h
 */
char **
dd_suggestion_dup_proposer_names (DdStore  *store,
                                  gint64    suggestion_id,
                                  GError  **error)
{
  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  return dup_strings (store,
                      "SELECT d.name FROM suggestion_proposers sp "
                      "JOIN deputies d ON d.id = sp.deputy_id "
                      "WHERE sp.suggestion_id = ? ORDER BY sp.position, sp.deputy_id",
                      suggestion_id, error);
}

/**
 * dd_suggestion_dup_lead_unit_name:
 * Returns: (transfer full) (nullable): see dd-suggestion-summary.h
 */
char *
dd_suggestion_dup_lead_unit_name (DdStore *store,
                                  gint64   suggestion_id)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  names = dup_strings (store,
                       "SELECT u.name FROM suggestion_units su JOIN units u ON u.id = su.unit_id "
                       "WHERE su.suggestion_id = ? AND su.role = 'lead'",
                       suggestion_id, NULL);
  return names != NULL && names[0] != NULL ? g_strdup (names[0]) : NULL;
}

/**
 * dd_suggestion_dup_co_unit_names:
 * Returns: (transfer full) (nullable): see dd-suggestion-summary.h
 */
char **
dd_suggestion_dup_co_unit_names (DdStore  *store,
                                 gint64    suggestion_id,
                                 GError  **error)
{
  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  return dup_strings (store,
                      "SELECT u.name FROM suggestion_units su JOIN units u ON u.id = su.unit_id "
                      "WHERE su.suggestion_id = ? AND su.role = 'co' ORDER BY u.name",
                      suggestion_id, error);
}

/**
 * dd_suggestion_dup_verdict:
 * Returns: (transfer full) (nullable): see dd-suggestion-summary.h
 */
char *
dd_suggestion_dup_verdict (DdStore *store,
                           gint64   suggestion_id,
                           gint64   round)
{
  sqlite3_stmt *stmt;
  char *verdict = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  stmt = dd_store_prepare (store,
                           "SELECT verdict FROM evaluations WHERE suggestion_id = ? AND round = ? "
                           "ORDER BY CASE verdict WHEN 'unsatisfied' THEN 0 "
                           "WHEN 'basically_satisfied' THEN 1 ELSE 2 END LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  sqlite3_bind_int64 (stmt, 2, round);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    verdict = g_strdup (dd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return verdict;
}

gint64
dd_suggestion_lookup_number (DdStore     *store,
                             const char  *number,
                             GError     **error)
{
  g_autofree char *wanted = g_strstrip (g_strdup (number != NULL ? number : ""));
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (store), 0);

  if (wanted[0] != '\0')
    {
      stmt = dd_store_prepare (store, "SELECT id FROM suggestions WHERE number = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          dd_store_set_error (store, rc, error);
          return 0;
        }
    }
  if (id == 0)
    /* Translators: %s is what was typed as a suggestion's number, e.g. JY2025-0012 */
    g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                 _("No suggestion is numbered “%s”"), wanted);
  return id;
}
