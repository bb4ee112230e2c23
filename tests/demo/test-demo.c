/* test-demo.c: the demo generator is reproducible, complete and consistent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-codes.h"
#include "dd-demo.h"
#include "dd-model-error.h"
#include "dd-store-private.h"

#define ANCHOR "2025-06-30"

static DdStore *
new_demo (DdDemoSize  size,
          guint32     seed,
          const char *anchor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  DdDemoOptions options = { size, seed, anchor, NULL, NULL };
  gboolean ok;

  g_assert_no_error (error);
  ok = dd_demo_generate (store, &options, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return g_steal_pointer (&store);
}

static gint64
query_int (DdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count_rows (DdStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (store, sql);
}

/* A digest of every row of every table, in rowid order. */
static char *
hash_content (DdStore *store)
{
  sqlite3 *db = dd_store_get_db (store);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  /* The search index's suggestions_fts_idx has no rowid: it is read in key order. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name || CASE WHEN wr THEN '' ELSE ' ORDER BY rowid' END "
                                       "FROM pragma_table_list WHERE schema = 'main' "
                                       "AND type IN ('table', 'shadow') "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 15);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", (const char *) tables->pdata[t]);
      int n;

      g_checksum_update (sum, tables->pdata[t], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      n = sqlite3_column_count (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int i = 0; i < n; i++)
          {
            guchar type = (guchar) sqlite3_column_type (stmt, i);

            g_checksum_update (sum, &type, 1);
            if (type != SQLITE_NULL)
              g_checksum_update (sum, sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i));
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_size_from_string (void)
{
  DdDemoSize size = DD_DEMO_PROVINCE;

  g_assert_true (dd_demo_size_from_string ("small", &size));
  g_assert_cmpint (size, ==, DD_DEMO_SMALL);
  g_assert_true (dd_demo_size_from_string ("district", &size));
  g_assert_cmpint (size, ==, DD_DEMO_DISTRICT);
  g_assert_true (dd_demo_size_from_string ("Province", &size));
  g_assert_cmpint (size, ==, DD_DEMO_PROVINCE);
  g_assert_false (dd_demo_size_from_string ("huge", &size));
  g_assert_false (dd_demo_size_from_string (NULL, &size));
  g_assert_cmpint (size, ==, DD_DEMO_PROVINCE);
}

static void
test_reproducible (void)
{
  g_autoptr(DdStore) a = new_demo (DD_DEMO_SMALL, 42, ANCHOR);
  g_autoptr(DdStore) b = new_demo (DD_DEMO_SMALL, 42, ANCHOR);
  g_autoptr(DdStore) c = new_demo (DD_DEMO_SMALL, 43, ANCHOR);
  g_autoptr(DdStore) d = new_demo (DD_DEMO_SMALL, 42, "2024-12-31");
  g_autofree char *hash_a = hash_content (a);
  g_autofree char *hash_b = hash_content (b);
  g_autofree char *hash_c = hash_content (c);
  g_autofree char *hash_d = hash_content (d);

  g_assert_cmpstr (hash_a, ==, hash_b);
  g_assert_cmpstr (hash_a, !=, hash_c);
  g_assert_cmpstr (hash_a, !=, hash_d);

  /* Not merely a different order: the rows themselves differ. */
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM deputies WHERE name = (SELECT name FROM deputies ORDER BY id LIMIT 1)"),
                   >=, 1);
  g_assert_cmpint (query_int (d, "SELECT max(registered_on) = '2024-12-31' FROM suggestions"), ==, 1);
}

/* Every code of @codes occurs in @column of @table. */
static void
assert_covers (DdStore            *store,
               const char         *table,
               const char         *column,
               const char * const *codes)
{
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = '%s'",
                                              table, column, codes[i]);
      gint64 n = query_int (store, sql);

      if (n == 0)
        g_error ("no %s.%s = '%s' in the demo", table, column, codes[i]);
    }
}

static void
test_small_covers_every_code (void)
{
  g_autoptr(DdStore) store = new_demo (DD_DEMO_SMALL, 7, ANCHOR);

  assert_covers (store, "suggestions", "state", dd_suggestion_states);
  assert_covers (store, "suggestions", "kind", dd_suggestion_kinds);
  assert_covers (store, "stations", "kind", dd_station_kinds);
  assert_covers (store, "deputies", "level", dd_deputy_levels);
  assert_covers (store, "deputies", "status", dd_deputy_statuses);
  assert_covers (store, "deputies", "gender", dd_genders);
  assert_covers (store, "replies", "class", dd_reply_classes);
  assert_covers (store, "evaluations", "verdict", dd_verdicts);
  assert_covers (store, "supervisions", "mode", dd_supervision_modes);
  assert_covers (store, "activities", "kind", dd_activity_kinds);
  assert_covers (store, "attendances", "status", dd_attendance_statuses);

  /* The sizes a screenshot shows. */
  g_assert_cmpint (count_rows (store, "suggestions"), ==, 300);
  g_assert_cmpint (count_rows (store, "deputies"), ==, 250);
  g_assert_cmpint (count_rows (store, "stations"), ==, 25);
  g_assert_cmpint (count_rows (store, "units"), >=, 50);
  g_assert_cmpint (count_rows (store, "units"), <=, 70);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT district) FROM deputies"), ==, 8);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions WHERE round = 2"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM units WHERE name = '市教育局'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM units WHERE name = '市中级人民法院' AND kind = 'court'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT kind) FROM units"), >=, 5);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stations WHERE upgraded_on IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM station_checklist WHERE done = 0"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM evaluations WHERE round = 2"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions WHERE published = 1"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM deputies WHERE ethnicity <> '汉族'"), >, 0);
}

static void
test_integrity (void)
{
  g_autoptr(DdStore) store = new_demo (DD_DEMO_SMALL, 11, ANCHOR);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), "PRAGMA foreign_key_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), "PRAGMA integrity_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Each query counts the rows that break one rule; all must be 0. */
static const struct { const char *rule; const char *sql; } invariants[] = {
  { "dates are not after the anchor",
    "SELECT count(*) FROM suggestions WHERE max(registered_on, coalesce(assigned_on, ''), "
    "coalesce(replied_on, ''), coalesce(evaluated_on, ''), coalesce(closed_on, '')) > '" ANCHOR "'" },
  { "suggestions cover three years",
    "SELECT count(*) FROM suggestions WHERE registered_on <= date('" ANCHOR "', '-3 years')" },
  { "dates follow the workflow",
    "SELECT count(*) FROM suggestions WHERE assigned_on < registered_on OR replied_on < assigned_on "
    "OR closed_on < evaluated_on OR (evaluated_on < replied_on AND state IN ('evaluated', 'closed'))" },
  { "ids follow the registration date",
    "SELECT count(*) FROM suggestions a JOIN suggestions b ON b.id = a.id + 1 "
    "WHERE b.registered_on < a.registered_on" },
  { "nothing is assigned before review",
    "SELECT count(*) FROM suggestions s WHERE state IN ('registered', 'under_review', 'rejected', "
    "'merged', 'transferred_out') AND (assigned_on IS NOT NULL OR deadline_on IS NOT NULL "
    "OR replied_on IS NOT NULL OR EXISTS (SELECT 1 FROM suggestion_units WHERE suggestion_id = s.id) "
    "OR EXISTS (SELECT 1 FROM replies WHERE suggestion_id = s.id) "
    "OR EXISTS (SELECT 1 FROM evaluations WHERE suggestion_id = s.id))" },
  { "assigned ones have one lead unit assigned that day and a deadline",
    "SELECT count(*) FROM suggestions s WHERE state IN ('assigned', 'handling', 'replied', 'evaluated', "
    "'closed') AND (assigned_on IS NULL OR deadline_on IS NULL "
    "OR (SELECT count(*) FROM suggestion_units WHERE suggestion_id = s.id AND role = 'lead') <> 1 "
    "OR EXISTS (SELECT 1 FROM suggestion_units WHERE suggestion_id = s.id AND assigned_on <> s.assigned_on))" },
  { "voters' opinions are due in 15 days",
    "SELECT count(*) FROM suggestions WHERE kind = 'voter_opinion' AND assigned_on IS NOT NULL "
    "AND deadline_on <> date(assigned_on, '+15 days')" },
  { "no reply of the current round before it is replied",
    "SELECT count(*) FROM suggestions s WHERE state IN ('assigned', 'handling') "
    "AND (SELECT count(*) FROM replies WHERE suggestion_id = s.id) <> round - 1" },
  { "replied ones have this round's reply from the lead unit",
    "SELECT count(*) FROM suggestions s WHERE state IN ('replied', 'evaluated', 'closed') "
    "AND NOT EXISTS (SELECT 1 FROM replies r JOIN suggestion_units u ON u.suggestion_id = r.suggestion_id "
    "  AND u.unit_id = r.unit_id AND u.role = 'lead' WHERE r.suggestion_id = s.id AND r.round = s.round)" },
  { "replied_on is the latest reply",
    "SELECT count(*) FROM suggestions s WHERE replied_on IS NOT (SELECT max(replied_on) FROM replies "
    "WHERE suggestion_id = s.id)" },
  { "evaluated_on is the latest evaluation",
    "SELECT count(*) FROM suggestions s WHERE evaluated_on IS NOT (SELECT max(evaluated_on) FROM evaluations "
    "WHERE suggestion_id = s.id)" },
  { "a replied one awaits this round's evaluation",
    "SELECT count(*) FROM suggestions s WHERE state = 'replied' "
    "AND EXISTS (SELECT 1 FROM evaluations WHERE suggestion_id = s.id AND round = s.round)" },
  { "evaluated and closed ones have every proposer's verdict",
    "SELECT count(*) FROM suggestions s WHERE state IN ('evaluated', 'closed') "
    "AND (SELECT count(*) FROM evaluations e JOIN suggestion_proposers p ON p.suggestion_id = e.suggestion_id "
    "  AND p.deputy_id = e.deputy_id WHERE e.suggestion_id = s.id AND e.round = s.round) "
    "<> (SELECT count(*) FROM suggestion_proposers WHERE suggestion_id = s.id)" },
  { "no evaluation without a reply of its round",
    "SELECT count(*) FROM evaluations e WHERE NOT EXISTS (SELECT 1 FROM replies r "
    "WHERE r.suggestion_id = e.suggestion_id AND r.round = e.round AND r.replied_on <= e.evaluated_on)" },
  { "a second round follows an unsatisfied first one",
    "SELECT count(*) FROM suggestions s WHERE round = 2 AND NOT EXISTS (SELECT 1 FROM evaluations "
    "WHERE suggestion_id = s.id AND round = 1 AND verdict = 'unsatisfied')" },
  { "only closed ones have a closing date or are published",
    "SELECT count(*) FROM suggestions WHERE (state = 'closed') <> (closed_on IS NOT NULL) "
    "OR (published = 1 AND state <> 'closed')" },
  { "merged ones point to an earlier suggestion",
    "SELECT count(*) FROM suggestions WHERE (state = 'merged') <> (merged_into_id IS NOT NULL) "
    "OR merged_into_id >= id" },
  { "rejected ones say why, and only they",
    "SELECT count(*) FROM suggestions WHERE (state = 'rejected') <> (rejection_reason IS NOT NULL)" },
  { "transferred ones say where, and only they",
    "SELECT count(*) FROM suggestions WHERE (state = 'transferred_out') <> (transferred_to IS NOT NULL)" },
  { "deputies' suggestions have 1-3 proposers numbered from 1 and no station",
    "SELECT count(*) FROM suggestions s WHERE kind = 'deputy_suggestion' AND (station_id IS NOT NULL "
    "OR reception_id IS NOT NULL "
    "OR (SELECT count(*) FROM suggestion_proposers WHERE suggestion_id = s.id) NOT BETWEEN 1 AND 3 "
    "OR (SELECT max(position) FROM suggestion_proposers WHERE suggestion_id = s.id) "
    "<> (SELECT count(*) FROM suggestion_proposers WHERE suggestion_id = s.id))" },
  { "voters' opinions come from a reception at their station, taken by a deputy there",
    "SELECT count(*) FROM suggestions s WHERE kind = 'voter_opinion' AND (reception_id IS NULL "
    "OR station_id IS NOT (SELECT station_id FROM receptions WHERE id = s.reception_id) "
    "OR registered_on <> (SELECT held_on FROM receptions WHERE id = s.reception_id) "
    "OR (SELECT count(*) FROM suggestion_proposers p JOIN reception_deputies rd "
    "  ON rd.reception_id = s.reception_id AND rd.deputy_id = p.deputy_id WHERE p.suggestion_id = s.id) <> 1)" },
  { "receptions received at least the voters whose opinions they recorded",
    "SELECT count(*) FROM receptions r WHERE voters_received < "
    "(SELECT count(*) FROM suggestions WHERE reception_id = r.id) OR held_on > '" ANCHOR "' "
    "OR NOT EXISTS (SELECT 1 FROM reception_deputies WHERE reception_id = r.id)" },
  { "proposers and attendees are active deputies",
    "SELECT (SELECT count(*) FROM suggestion_proposers p JOIN deputies d ON d.id = p.deputy_id "
    "WHERE d.status <> 'active') + (SELECT count(*) FROM attendances a JOIN deputies d "
    "ON d.id = a.deputy_id WHERE d.status <> 'active')" },
  { "supervision starts after assignment and ends with closing",
    "SELECT count(*) FROM supervisions v JOIN suggestions s ON s.id = v.suggestion_id "
    "WHERE v.started_on < s.assigned_on OR v.started_on > '" ANCHOR "' "
    "OR (v.ended_on IS NOT NULL) <> (s.state = 'closed') OR s.state NOT IN ('handling', 'replied', "
    "'evaluated', 'closed')" },
  { "deputy codes and person ids",
    "SELECT count(*) FROM deputies d WHERE code <> printf('D%06d', id) OR person_id > id "
    "OR (SELECT person_id FROM deputies WHERE id = d.person_id) <> d.person_id "
    "OR (SELECT name FROM deputies WHERE id = d.person_id) <> d.name" },
  { "a person holds at most one seat a level",
    "SELECT count(*) FROM (SELECT person_id, level FROM deputies GROUP BY 1, 2 HAVING count(*) > 1)" },
  { "phones are mobile numbers",
    "SELECT count(*) FROM deputies WHERE phone IS NOT NULL AND (length(phone) <> 11 OR phone NOT GLOB '13[0-9]*' "
    "OR phone GLOB '*[^0-9]*')" },
  { "station codes and full checklists",
    "SELECT count(*) FROM stations s WHERE code <> printf('S%05d', id) "
    "OR (SELECT count(*) FROM station_checklist WHERE station_id = s.id) "
    "<> (SELECT count(*) FROM checklist_items WHERE active = 1) "
    "OR NOT EXISTS (SELECT 1 FROM station_deputies WHERE station_id = s.id)" },
  { "a checklist item is dated only when done",
    "SELECT count(*) FROM station_checklist WHERE (done = 1) <> (checked_on IS NOT NULL)" },
};

static void
check_invariants (DdStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      gint64 broken = query_int (store, invariants[i].sql);

      if (broken != 0)
        g_error ("%" G_GINT64_FORMAT " rows break “%s”", broken, invariants[i].rule);
    }
}

/* Three months after assignment, on the month's last day if it is shorter. */
static void
check_deputy_deadlines (DdStore *store)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store),
                                       "SELECT assigned_on, deadline_on FROM suggestions "
                                       "WHERE kind = 'deputy_suggestion' AND assigned_on IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GDate date;
      char expected[16];

      g_date_clear (&date, 1);
      g_date_set_parse (&date, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_true (g_date_valid (&date));
      g_date_add_months (&date, 3);
      g_date_strftime (expected, sizeof expected, "%Y-%m-%d", &date);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 0);
}

static void
test_invariants (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(DdStore) store = new_demo (DD_DEMO_SMALL, seed, ANCHOR);

      check_invariants (store);
      check_deputy_deadlines (store);
      /* Old items are mostly settled, recent ones mostly open. */
      g_assert_cmpint (query_int (store,
                                  "SELECT 100 * sum(state IN ('closed', 'rejected', 'merged', 'transferred_out')) "
                                  "/ count(*) FROM suggestions WHERE registered_on < date('" ANCHOR "', '-1 year')"),
                       >=, 80);
      g_assert_cmpint (query_int (store,
                                  "SELECT 100 * sum(state NOT IN ('closed', 'rejected', 'merged', 'transferred_out')) "
                                  "/ count(*) FROM suggestions WHERE registered_on > date('" ANCHOR "', '-30 days')"),
                       >=, 50);
    }
}

typedef struct
{
  GHashTable *tables;   /* table → times reported */
  gboolean    only_zero;
} Changes;

static void
on_changed_cb (DdStore    *store,
               const char *table,
               GArray     *ids,
               Changes    *changes)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (changes->tables, table));

  g_hash_table_insert (changes->tables, g_strdup (table), GUINT_TO_POINTER (n + 1));
  if (ids->len != 1 || g_array_index (ids, gint64, 0) != 0)
    changes->only_zero = FALSE;
}

static void
test_notifies_each_table_once (void)
{
  static const char * const written[] = {
    "deputies", "stations", "station_checklist", "station_deputies", "units", "receptions",
    "reception_deputies", "suggestions", "suggestion_proposers", "suggestion_units",
    "supervisions", "replies", "evaluations", "activities", "attendances", "audit_log",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Changes changes = { tables, TRUE };
  DdDemoOptions options = { DD_DEMO_SMALL, 5, ANCHOR, NULL, NULL };
  sqlite3_stmt *stmt = NULL;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);

  g_assert_true (changes.only_zero);
  g_assert_cmpuint (g_hash_table_size (tables), ==, G_N_ELEMENTS (written));
  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (tables, written[i])), ==, 1);
      g_assert_cmpint (count_rows (store, written[i]), >, 0);
    }

  /* And every table that has rows now was reported (the schema's own seeds
   * aside, and the search index, which changes with suggestions). */
  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store),
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT IN ('checklist_items', 'settings') "
                                       "AND name NOT LIKE 'suggestions_fts%' "
                                       "AND name NOT LIKE 'sqlite_%'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      if (count_rows (store, table) > 0)
        g_assert_true (g_hash_table_contains (tables, table));
    }
  sqlite3_finalize (stmt);

  /* One audit entry for the whole run, not one per field. */
  g_assert_cmpint (count_rows (store, "audit_log"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'demo' "
                              "AND field = 'size' AND new_value = 'small' "
                              "AND changed_at = '" ANCHOR "T09:00:00'"), ==, 1);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(DdStore) store = new_demo (DD_DEMO_SMALL, 3, ANCHOR);
  g_autofree char *before = hash_content (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Changes changes = { tables, TRUE };
  DdDemoOptions options = { DD_DEMO_SMALL, 99, ANCHOR, NULL, NULL };
  g_autoptr(DdStore) one_deputy = dd_store_new_in_memory (&error);

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_assert_false (dd_demo_generate (store, &options, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);
  after = hash_content (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_hash_table_size (tables), ==, 0);
  g_assert_false (dd_store_in_transaction (store));

  /* A single deputy is enough to refuse. */
  g_assert_no_error (error);
  g_assert_true (dd_store_exec (one_deputy,
                                "INSERT INTO deputies (name, level, term, created_at, updated_at) "
                                "VALUES ('陈静', 'township', 19, '2025-01-01T08:00:00', '2025-01-01T08:00:00')",
                                &error));
  g_assert_no_error (error);
  g_assert_false (dd_demo_generate (one_deputy, &options, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_cmpint (count_rows (one_deputy, "deputies"), ==, 1);
  g_assert_cmpint (count_rows (one_deputy, "stations"), ==, 0);
  g_assert_cmpint (count_rows (one_deputy, "audit_log"), ==, 0);
}

static void
test_bad_anchor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  DdDemoOptions options = { DD_DEMO_SMALL, 1, "2025-02-30", NULL, NULL };

  g_assert_false (dd_demo_generate (store, &options, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_cmpint (count_rows (store, "deputies"), ==, 0);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          g_remove (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
test_district_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dd-demo-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  DdDemoOptions options = { DD_DEMO_DISTRICT, 2025, ANCHOR, on_progress_cb, seen };
  gint64 started;

  g_assert_no_error (error);
  path = g_build_filename (dir, "district.sqlite", NULL);
  store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  started = g_get_monotonic_time ();
  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  g_test_message ("district demo written in %.2f s", (g_get_monotonic_time () - started) / 1e6);

  g_assert_cmpint (count_rows (store, "suggestions"), >=, 9500);
  g_assert_cmpint (count_rows (store, "suggestions"), <=, 10500);
  g_assert_cmpint (count_rows (store, "deputies"), >=, 1400);
  g_assert_cmpint (count_rows (store, "deputies"), <=, 1600);
  g_assert_cmpint (count_rows (store, "stations"), >=, 140);
  g_assert_cmpint (count_rows (store, "stations"), <=, 160);
  g_assert_cmpint (count_rows (store, "units"), >=, 50);
  g_assert_cmpint (count_rows (store, "units"), <=, 70);
  g_assert_cmpint (count_rows (store, "receptions"), >=, 5000);
  g_assert_cmpint (count_rows (store, "activities"), >=, 100);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT person_id) FROM deputies"), <, count_rows (store, "deputies"));
  assert_covers (store, "suggestions", "state", dd_suggestion_states);
  check_invariants (store);

  /* The shares the brief names, within sampling noise. */
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(class = 'A') / count(*) FROM replies WHERE round = 1"), >=, 55);
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(class = 'A') / count(*) FROM replies WHERE round = 1"), <=, 65);
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(class = 'C') / count(*) FROM replies WHERE round = 1"), >=, 7);
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(class = 'C') / count(*) FROM replies WHERE round = 1"), <=, 13);
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(verdict = 'satisfied') / count(*) FROM evaluations"), >=, 70);
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(verdict = 'satisfied') / count(*) FROM evaluations"), <=, 80);
  g_assert_cmpint (query_int (store, "SELECT 1000 * sum(verdict = 'unsatisfied') / count(*) FROM evaluations"), >=, 30);
  g_assert_cmpint (query_int (store, "SELECT 1000 * sum(verdict = 'unsatisfied') / count(*) FROM evaluations"), <=, 80);
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(gender = 'female') / count(*) FROM deputies"), >=, 25);
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(gender = 'female') / count(*) FROM deputies"), <=, 35);
  g_assert_cmpint (query_int (store, "SELECT 100 * sum(ethnicity = '汉族') / count(*) FROM deputies"), >=, 80);

  /* Progress: now and then, never backwards, ending at 1. */
  g_assert_cmpuint (seen->len, >=, 3);
  g_assert_cmpuint (seen->len, <=, 200);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);

  /* The bulk setting is undone: interactive writes are FULL again. */
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);

  g_clear_object (&store);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/size-from-string", test_size_from_string);
  g_test_add_func ("/demo/reproducible", test_reproducible);
  g_test_add_func ("/demo/small-covers-every-code", test_small_covers_every_code);
  g_test_add_func ("/demo/integrity", test_integrity);
  g_test_add_func ("/demo/invariants", test_invariants);
  g_test_add_func ("/demo/notifies-each-table-once", test_notifies_each_table_once);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/bad-anchor", test_bad_anchor);
  g_test_add_func ("/demo/district-file", test_district_file);

  return g_test_run ();
}
