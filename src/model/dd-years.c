/* dd-years.c: the years a year selector offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-years"

#include <stdlib.h>

#include "dd-store-private.h"
#include "dd-years.h"

/* Each table with its indexed date column. */
static const struct { const char *table; const char *column; } dated[] = {
  { "suggestions", "registered_on" },
  { "receptions", "held_on" },
  { "activities", "held_on" },
};

static gboolean
query_range (DdStore    *store,
             const char *table,
             const char *column,
             int        *first,
             int        *last,
             GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min(%s), max(%s) FROM %s", column, column, table);
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && dd_column_text (stmt, 0) != NULL)
    {
      *first = MIN (*first, atoi (dd_column_text (stmt, 0)));
      *last = MAX (*last, atoi (dd_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return dd_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
year_has_rows (DdStore    *store,
               const char *table,
               const char *column,
               int         year,
               gboolean   *found,
               GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s >= ? AND %s < ? LIMIT 1",
                                          table, column, column);
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-01-01", year + 1);
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dd_store_set_error (store, rc, error);
  *found = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * dd_years_with_data:
 *
 * The years in which a suggestion was registered, a reception or an
 * activity held, newest first. Each year is one indexed probe, so this stays
 * quick on a province-sized file.
 *
 * Returns: (transfer full) (element-type int): the years, possibly empty;
 *   %NULL with @error set if the database failed
 */
GArray *
dd_years_with_data (DdStore  *store,
                    GError  **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int first = G_MAXINT, last = G_MININT;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dated); i++)
    if (!query_range (store, dated[i].table, dated[i].column, &first, &last, error))
      return NULL;

  for (int year = last; year >= first; year--)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (dated) && !found; i++)
        if (!year_has_rows (store, dated[i].table, dated[i].column, year, &found, error))
          return NULL;
      if (found)
        g_array_append_val (years, year);
    }
  return g_steal_pointer (&years);
}
