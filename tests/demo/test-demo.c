/* test-demo.c: the demo generator is reproducible, complete and consistent:
 * with every state's rules, the workflow's moves and rounds, the calendar's
 * deadlines, merges, and its own history in the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-calendar.h"
#include "dd-codes.h"
#include "dd-demo.h"
#include "dd-model-error.h"
#include "dd-store-private.h"
#include "dd-workflow.h"

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
  { "every round after the first follows an unsatisfied one",
    "SELECT count(*) FROM suggestions s WHERE round > 1 AND NOT EXISTS (SELECT 1 FROM evaluations "
    "WHERE suggestion_id = s.id AND round = s.round - 1 AND verdict = 'unsatisfied')" },
  { "an unsatisfied verdict always sends it back for another round",
    "SELECT count(*) FROM evaluations e JOIN suggestions s ON s.id = e.suggestion_id "
    "WHERE e.verdict = 'unsatisfied' AND e.round >= s.round" },
  { "no evaluated or closed one has an unsatisfied verdict in its last round",
    "SELECT count(*) FROM suggestions s WHERE state IN ('evaluated', 'closed') AND EXISTS (SELECT 1 "
    "FROM evaluations WHERE suggestion_id = s.id AND round = s.round AND verdict = 'unsatisfied')" },
  { "each round's evaluation has a verdict from every proposer",
    "SELECT count(*) FROM (SELECT DISTINCT suggestion_id, round FROM evaluations) r "
    "WHERE (SELECT count(*) FROM evaluations WHERE suggestion_id = r.suggestion_id AND round = r.round) "
    "<> (SELECT count(*) FROM suggestion_proposers WHERE suggestion_id = r.suggestion_id)" },
  { "a later round's reply follows the evaluation that opened it",
    "SELECT count(*) FROM replies r WHERE round > 1 AND replied_on < (SELECT max(evaluated_on) "
    "FROM evaluations WHERE suggestion_id = r.suggestion_id AND round = r.round - 1)" },
  { "only closed ones have a closing date or are published",
    "SELECT count(*) FROM suggestions WHERE (state = 'closed') <> (closed_on IS NOT NULL) "
    "OR (published = 1 AND state <> 'closed')" },
  { "merged ones point to an earlier suggestion",
    "SELECT count(*) FROM suggestions WHERE (state = 'merged') <> (merged_into_id IS NOT NULL) "
    "OR merged_into_id >= id" },
  { "merges only into a suggestion not rejected, merged or transferred out",
    "SELECT count(*) FROM suggestions d JOIN suggestions t ON t.id = d.merged_into_id "
    "WHERE t.state IN ('rejected', 'merged', 'transferred_out')" },
  { "a merged duplicate's proposers are proposers of the one it joined",
    "SELECT count(*) FROM suggestions d JOIN suggestion_proposers p ON p.suggestion_id = d.id "
    "WHERE d.state = 'merged' AND NOT EXISTS (SELECT 1 FROM suggestion_proposers q "
    "WHERE q.suggestion_id = d.merged_into_id AND q.deputy_id = p.deputy_id)" },
  { "rejected ones say why, and only they",
    "SELECT count(*) FROM suggestions WHERE (state = 'rejected') <> (rejection_reason IS NOT NULL)" },
  { "transferred ones say where, and only they",
    "SELECT count(*) FROM suggestions WHERE (state = 'transferred_out') <> (transferred_to IS NOT NULL)" },
  /* Its own proposers are those registered with it (check_audit_trails():
   * the others joined with a duplicate merged into it). */
  { "proposers are numbered from 1",
    "SELECT count(*) FROM suggestions s WHERE (SELECT count(*) FROM suggestion_proposers "
    "WHERE suggestion_id = s.id) NOT BETWEEN 1 AND 8 "
    "OR (SELECT max(position) FROM suggestion_proposers WHERE suggestion_id = s.id) "
    "<> (SELECT count(*) FROM suggestion_proposers WHERE suggestion_id = s.id)" },
  { "deputies' suggestions have no station",
    "SELECT count(*) FROM suggestions s WHERE kind = 'deputy_suggestion' AND (station_id IS NOT NULL "
    "OR reception_id IS NOT NULL)" },
  { "voters' opinions come from a reception at their station, taken by a deputy there",
    "SELECT count(*) FROM suggestions s WHERE kind = 'voter_opinion' AND (reception_id IS NULL "
    "OR station_id IS NOT (SELECT station_id FROM receptions WHERE id = s.reception_id) "
    "OR registered_on <> (SELECT held_on FROM receptions WHERE id = s.reception_id) "
    "OR NOT EXISTS (SELECT 1 FROM suggestion_proposers p JOIN reception_deputies rd "
    "  ON rd.reception_id = s.reception_id AND rd.deputy_id = p.deputy_id "
    "  WHERE p.suggestion_id = s.id AND p.position = 1))" },
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
  /* The history (check_audit_trails() replays the suggestions' own). */
  { "the history is the office clerks'",
    "SELECT count(*) FROM audit_log WHERE entity <> 'demo' "
    "AND operator NOT IN ('刘敏', '张磊', '王静')" },
  { "the history is of suggestions, their replies, evaluations and supervision",
    "SELECT count(*) FROM audit_log WHERE entity NOT IN ('demo', 'suggestions', 'replies', "
    "'evaluations', 'supervisions')" },
  { "the history is in office hours and not after the anchor",
    "SELECT count(*) FROM audit_log WHERE entity <> 'demo' AND (substr(changed_at, 12) < '08:30:00' "
    "OR substr(changed_at, 12) > '20:00:00' OR changed_at > '" ANCHOR "T23:59:59')" },
  { "each reply is audited as dd_workflow_reply() inserts it, with its suggestion's move",
    "SELECT count(*) FROM replies r WHERE (SELECT count(*) FROM audit_log WHERE entity = 'replies' "
    "AND entity_id = r.id) <> 7 OR NOT EXISTS (SELECT 1 FROM audit_log a JOIN audit_log b "
    "ON b.changed_at = a.changed_at AND b.entity = 'suggestions' AND b.entity_id = r.suggestion_id "
    "AND b.field = 'replied-on' AND b.new_value = r.replied_on "
    "WHERE a.entity = 'replies' AND a.entity_id = r.id AND a.field = 'class' AND a.new_value = r.class)" },
  { "each verdict is audited as dd_workflow_evaluate() inserts it, with its suggestion's move",
    "SELECT count(*) FROM evaluations e WHERE (SELECT count(*) FROM audit_log WHERE entity = 'evaluations' "
    "AND entity_id = e.id) <> 5 + (e.comment IS NOT NULL) OR NOT EXISTS (SELECT 1 FROM audit_log a "
    "JOIN audit_log b ON b.changed_at = a.changed_at AND b.entity = 'suggestions' "
    "AND b.entity_id = e.suggestion_id AND b.field = 'evaluated-on' AND b.new_value = e.evaluated_on "
    "WHERE a.entity = 'evaluations' AND a.entity_id = e.id AND a.field = 'verdict' "
    "AND a.new_value = e.verdict)" },
  { "each supervision is audited as started and, once closed, ended on its suggestion",
    "SELECT count(*) FROM supervisions v WHERE NOT EXISTS (SELECT 1 FROM audit_log a JOIN audit_log b "
    "ON b.changed_at = a.changed_at AND b.entity = 'suggestions' AND b.entity_id = v.suggestion_id "
    "AND b.field = 'supervision' AND b.old_value IS NULL AND b.new_value = v.mode "
    "WHERE a.entity = 'supervisions' AND a.entity_id = v.id AND a.field = 'started-on' "
    "AND a.new_value = v.started_on) "
    "OR (SELECT count(*) FROM audit_log a JOIN audit_log b ON b.changed_at = a.changed_at "
    "AND b.entity = 'suggestions' AND b.entity_id = v.suggestion_id AND b.field = 'supervision' "
    "AND b.old_value = v.mode AND b.new_value IS NULL "
    "WHERE a.entity = 'supervisions' AND a.entity_id = v.id AND a.field = 'ended-on' "
    "AND a.new_value = v.ended_on) <> (v.ended_on IS NOT NULL)" },
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

/* The reply deadlines, against the calendar's own functions (which read the
 * shipped holidays the generator counted on). Round 1 runs from the
 * assignment, a later round from the evaluation that sent it back. A voter's
 * opinion is due 15 working days later; a deputy's suggestion three months
 * later, clamped to the month's end, moved on to the next working day if
 * that is a day off (dd_calendar_dup_deadline()). @moved: (out): deputies'
 * deadlines moved off a day off; @spanning: (out): opinions whose 15 working
 * days span a holiday (more than three weeks). */
static void
check_deadlines (DdStore *store,
                 guint   *moved,
                 guint   *spanning)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_voter = 0, n_deputy = 0;

  *moved = *spanning = 0;
  /* The calendar copies the shipped holidays in once: before the query runs. */
  g_assert_true (dd_calendar_ensure_holidays (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store),
                                       "SELECT s.id, kind, round, assigned_on, deadline_on, "
                                       "(SELECT max(evaluated_on) FROM evaluations e "
                                       " WHERE e.suggestion_id = s.id AND e.round = s.round - 1), "
                                       "deadline_on > date(assigned_on, '+21 days') "
                                       "FROM suggestions s WHERE assigned_on IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      gint64 round = sqlite3_column_int64 (stmt, 2);
      const char *deadline = (const char *) sqlite3_column_text (stmt, 4);
      const char *from = (const char *) sqlite3_column_text (stmt, round == 1 ? 3 : 5);
      g_autofree char *expected = NULL;

      g_assert_nonnull (deadline);
      g_assert_nonnull (from);
      expected = dd_calendar_dup_deadline (store, kind, from);
      if (g_strcmp0 (deadline, expected) != 0)
        g_error ("suggestion %" G_GINT64_FORMAT " (%s, round %" G_GINT64_FORMAT ", from %s) is due %s, "
                 "the calendar says %s", (gint64) sqlite3_column_int64 (stmt, 0), kind, round, from,
                 deadline, expected);
      g_assert_true (dd_calendar_is_working_day (store, deadline));

      if (g_str_equal (kind, "voter_opinion"))
        {
          g_autofree char *added = dd_calendar_add_working_days (store, from, 15);

          g_assert_cmpstr (deadline, ==, added);
          g_assert_cmpint (dd_calendar_working_days_between (store, from, deadline), ==, 15);
          if (round == 1 && sqlite3_column_int (stmt, 6))
            (*spanning)++;
          n_voter++;
        }
      else
        {
          g_autofree char *months = dd_calendar_add_months (from, 3);
          g_autofree char *next = dd_calendar_dup_next_working_day (store, months);

          g_assert_cmpstr (deadline, ==, next);
          if (!g_str_equal (deadline, months))
            (*moved)++;
          n_deputy++;
        }
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_voter, >, 0);
  g_assert_cmpuint (n_deputy, >, 0);
}

/* What a suggestion's audit trail has said so far. */
typedef struct
{
  gint64      id;
  char       *first_at;
  char       *last_at;
  char       *last_move_at;   /* of the last 'state' row: updated_at */
  GHashTable *fields;         /* property → value, as replayed */
  GPtrArray  *own;            /* proposers registered with it (text) */
  GPtrArray  *joined;         /* proposers that joined later */
  GPtrArray  *joined_at;
  GArray     *joined_rows;    /* their audit ids */
  GPtrArray  *co_units;
  char       *lead_unit;
  char       *supervision;
  guint       n_moves;
} Trail;

static void
trail_reset (Trail  *trail,
             gint64  id)
{
  g_clear_pointer (&trail->first_at, g_free);
  g_clear_pointer (&trail->last_at, g_free);
  g_clear_pointer (&trail->last_move_at, g_free);
  g_clear_pointer (&trail->lead_unit, g_free);
  g_clear_pointer (&trail->supervision, g_free);
  g_hash_table_remove_all (trail->fields);
  g_ptr_array_set_size (trail->own, 0);
  g_ptr_array_set_size (trail->joined, 0);
  g_ptr_array_set_size (trail->joined_at, 0);
  g_array_set_size (trail->joined_rows, 0);
  g_ptr_array_set_size (trail->co_units, 0);
  trail->n_moves = 0;
  trail->id = id;
}

static char *
query_text (DdStore    *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The columns a trail replays, by property name. */
static const char * const replayed[] = {
  "number", "kind", "title", "body", "category", "state", "registered-on", "station-id",
  "reception-id", "voter-name", "voter-phone", "assigned-on", "deadline-on", "replied-on",
  "evaluated-on", "closed-on", "round", "merged-into-id", "rejection-reason", "transferred-to",
  "published",
};

/* The trail replayed ends at the row as stored: every column, its
 * proposers (its own, then those of duplicates merged into it, who joined
 * on the day of the merge), its units and its supervision. */
static void
finish_trail (DdStore *store,
              Trail   *trail)
{
  g_autofree char *proposers = NULL;
  g_autofree char *expected_proposers = NULL;
  g_autofree char *co_units = NULL;
  g_autofree char *expected_co = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *supervision = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *state = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  if (trail->id == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (replayed); i++)
    {
      g_autofree char *column = g_strdelimit (g_strdup (replayed[i]), "-", '_');
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM suggestions WHERE id = ?", column);
      g_autofree char *stored = query_text (store, sql, trail->id);
      const char *told = g_hash_table_lookup (trail->fields, replayed[i]);

      if (g_strcmp0 (stored, told) != 0)
        g_error ("suggestion %" G_GINT64_FORMAT ": its history leaves %s at “%s”, the row has “%s”",
                 trail->id, replayed[i], told != NULL ? told : "(null)", stored != NULL ? stored : "(null)");
    }

  state = query_text (store, "SELECT state FROM suggestions WHERE id = ?", trail->id);
  if (g_str_equal (state, "registered"))
    g_assert_cmpuint (trail->n_moves, ==, 0);
  else
    g_assert_cmpuint (trail->n_moves, >, 0);
  created_at = query_text (store, "SELECT created_at FROM suggestions WHERE id = ?", trail->id);
  updated_at = query_text (store, "SELECT updated_at FROM suggestions WHERE id = ?", trail->id);
  g_assert_cmpstr (created_at, ==, trail->first_at);
  g_assert_cmpstr (updated_at, ==, trail->last_move_at != NULL ? trail->last_move_at : trail->first_at);

  /* Its own proposers: one for a voter's opinion (who recorded it), one to three for a deputy's. */
  kind = query_text (store, "SELECT kind FROM suggestions WHERE id = ?", trail->id);
  g_assert_cmpuint (trail->own->len, >=, 1);
  g_assert_cmpuint (trail->own->len, <=, g_str_equal (kind, "voter_opinion") ? 1 : 3);
  for (guint i = 0; i < trail->own->len; i++)
    g_string_append_printf (all, "%s%s", all->len > 0 ? "," : "", (char *) trail->own->pdata[i]);
  for (guint i = 0; i < trail->joined->len; i++)
    {
      /* The merge is written just before, as dd_workflow_merge() writes it. */
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM suggestions d JOIN suggestion_proposers p ON p.suggestion_id = d.id "
        "JOIN audit_log a ON a.entity = 'suggestions' AND a.entity_id = d.id "
        "AND a.field = 'merged-into-id' AND a.new_value = d.merged_into_id "
        "WHERE d.merged_into_id = ?1 AND p.deputy_id = %s AND a.changed_at = '%s' "
        "AND a.id < %" G_GINT64_FORMAT " AND NOT EXISTS (SELECT 1 FROM audit_log b "
        "WHERE b.id > a.id AND b.id < %" G_GINT64_FORMAT " AND NOT (b.entity = 'suggestions' "
        "AND b.entity_id = ?1 AND b.field = 'proposers'))",
        (char *) trail->joined->pdata[i], (char *) trail->joined_at->pdata[i],
        g_array_index (trail->joined_rows, gint64, i), g_array_index (trail->joined_rows, gint64, i));
      g_autofree char *merges = query_text (store, sql, trail->id);

      if (g_strcmp0 (merges, "1") != 0)
        g_error ("suggestion %" G_GINT64_FORMAT ": proposer %s joined at %s without a merge",
                 trail->id, (char *) trail->joined->pdata[i], (char *) trail->joined_at->pdata[i]);
      g_string_append_printf (all, ",%s", (char *) trail->joined->pdata[i]);
    }
  proposers = query_text (store, "SELECT group_concat(deputy_id, ',') FROM (SELECT deputy_id "
                          "FROM suggestion_proposers WHERE suggestion_id = ? ORDER BY position)", trail->id);
  g_assert_cmpstr (proposers, ==, all->str);

  lead = query_text (store, "SELECT unit_id FROM suggestion_units WHERE suggestion_id = ? "
                     "AND role = 'lead'", trail->id);
  g_assert_cmpstr (lead, ==, trail->lead_unit);
  g_ptr_array_sort (trail->co_units, compare_texts);
  g_ptr_array_add (trail->co_units, NULL);
  expected_co = g_strjoinv (",", (char **) trail->co_units->pdata);
  g_ptr_array_remove_index (trail->co_units, trail->co_units->len - 1);
  co_units = query_text (store, "SELECT coalesce(group_concat(unit_id, ','), '') FROM (SELECT "
                         "CAST(unit_id AS TEXT) AS unit_id FROM suggestion_units "
                         "WHERE suggestion_id = ? AND role = 'co' ORDER BY 1)", trail->id);
  g_assert_cmpstr (co_units, ==, expected_co);

  supervision = query_text (store, "SELECT mode FROM supervisions WHERE suggestion_id = ? "
                            "AND ended_on IS NULL", trail->id);
  g_assert_cmpstr (supervision, ==, trail->supervision);
}

static void
replace_text (char       **slot,
              const char  *old_value,
              const char  *new_value,
              gint64       id,
              const char  *field)
{
  if (g_strcmp0 (*slot, old_value) != 0)
    g_error ("suggestion %" G_GINT64_FORMAT ": %s goes from “%s”, but it was “%s”", id, field,
             old_value != NULL ? old_value : "(null)", *slot != NULL ? *slot : "(null)");
  g_free (*slot);
  *slot = g_strdup (new_value);
}

/* Every suggestion's audit trail (entity "suggestions"), replayed in order:
 * it starts with the registration as dd_entity_save() audits an insert,
 * every change starts from the value before it, its moves are legal by
 * dd_workflow_can_move() and end at the stored state, its times never go
 * back, and replaying it gives the row as stored (finish_trail()). */
static void
check_audit_trails (DdStore *store)
{
  Trail trail = { 0 };
  sqlite3_stmt *stmt = NULL;
  guint n_trails = 0;

  trail.fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  trail.own = g_ptr_array_new_with_free_func (g_free);
  trail.joined = g_ptr_array_new_with_free_func (g_free);
  trail.joined_at = g_ptr_array_new_with_free_func (g_free);
  trail.joined_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  trail.co_units = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store),
                                       "SELECT entity_id, changed_at, field, old_value, new_value, id "
                                       "FROM audit_log WHERE entity = 'suggestions' ORDER BY entity_id, id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 row_id = sqlite3_column_int64 (stmt, 5);
      const char *at = (const char *) sqlite3_column_text (stmt, 1);
      const char *field = (const char *) sqlite3_column_text (stmt, 2);
      const char *old_value = (const char *) sqlite3_column_text (stmt, 3);
      const char *new_value = (const char *) sqlite3_column_text (stmt, 4);
      gboolean creation;

      if (id != trail.id)
        {
          finish_trail (store, &trail);
          trail_reset (&trail, id);
          trail.first_at = g_strdup (at);
          n_trails++;
          /* It starts with the registration, state first among the moves. */
          g_assert_cmpstr (field, ==, "number");
          g_assert_null (old_value);
        }
      if (strcmp (at, trail.last_at != NULL ? trail.last_at : "") < 0)
        g_error ("suggestion %" G_GINT64_FORMAT ": %s at %s, before %s", id, field, at, trail.last_at);
      g_free (trail.last_at);
      trail.last_at = g_strdup (at);
      creation = g_str_equal (at, trail.first_at);

      if (g_str_equal (field, "proposers"))
        {
          g_assert_null (old_value);
          g_ptr_array_add (creation ? trail.own : trail.joined, g_strdup (new_value));
          if (!creation)
            {
              g_ptr_array_add (trail.joined_at, g_strdup (at));
              g_array_append_val (trail.joined_rows, row_id);
            }
        }
      else if (g_str_equal (field, "lead-unit-id"))
        replace_text (&trail.lead_unit, old_value, new_value, id, field);
      else if (g_str_equal (field, "co-unit-id"))
        {
          g_assert_null (old_value);
          g_ptr_array_add (trail.co_units, g_strdup (new_value));
        }
      else if (g_str_equal (field, "supervision"))
        replace_text (&trail.supervision, old_value, new_value, id, field);
      else
        {
          const char *before = g_hash_table_lookup (trail.fields, field);

          g_assert_true (g_strv_contains (replayed, field));
          if (g_strcmp0 (before, old_value) != 0 || (creation && old_value != NULL))
            g_error ("suggestion %" G_GINT64_FORMAT ": %s goes from “%s”, but it was “%s”", id, field,
                     old_value != NULL ? old_value : "(null)", before != NULL ? before : "(null)");
          if (g_str_equal (field, "state"))
            {
              if (creation)
                g_assert_cmpstr (new_value, ==, "registered");
              else if (!dd_workflow_can_move (old_value, new_value))
                g_error ("suggestion %" G_GINT64_FORMAT ": an illegal move %s → %s", id, old_value, new_value);
              else
                {
                  trail.n_moves++;
                  g_free (trail.last_move_at);
                  trail.last_move_at = g_strdup (at);
                }
            }
          if (new_value != NULL)
            g_hash_table_insert (trail.fields, g_strdup (field), g_strdup (new_value));
          else
            g_hash_table_remove (trail.fields, field);
        }
    }
  sqlite3_finalize (stmt);
  finish_trail (store, &trail);

  /* One trail a suggestion. */
  g_assert_cmpint (n_trails, ==, count_rows (store, "suggestions"));

  trail_reset (&trail, 0);
  g_hash_table_unref (trail.fields);
  g_ptr_array_unref (trail.own);
  g_ptr_array_unref (trail.joined);
  g_ptr_array_unref (trail.joined_at);
  g_array_unref (trail.joined_rows);
  g_ptr_array_unref (trail.co_units);
}

static void
test_invariants (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(DdStore) store = new_demo (DD_DEMO_SMALL, seed, ANCHOR);
      guint moved, spanning;

      check_invariants (store);
      check_audit_trails (store);
      check_deadlines (store, &moved, &spanning);
      /* Unsatisfied proposers make second rounds, some still open at the anchor. */
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions WHERE round > 1"), >, 0);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions WHERE round > 1 "
                                  "AND state IN ('handling', 'replied')"), >, 0);
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

/* An office that edited its calendar before generating: the deadlines
 * follow its holidays table, as dd_calendar_dup_deadline() does. */
static void
test_office_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  DdDemoOptions options = { DD_DEMO_SMALL, 9, ANCHOR, NULL, NULL };
  g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 1, 3, 0, 0, 0);
  guint moved, spanning;

  g_assert_no_error (error);
  /* Every Wednesday of 2024 off. */
  while (g_date_time_get_year (day) == 2024)
    {
      g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
      GDateTime *next = g_date_time_add_days (day, 7);

      g_assert_true (dd_calendar_set_holiday (store, text, "holiday", "周三休息", &error));
      g_assert_no_error (error);
      g_date_time_unref (day);
      day = next;
    }
  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);

  check_deadlines (store, &moved, &spanning);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions WHERE deadline_on LIKE '2024-%' "
                              "AND strftime('%w', deadline_on) = '3'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions WHERE deadline_on LIKE '2024-%'"), >, 0);
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

  /* One audit entry for the run itself; the rest is the suggestions'
   * history, by the office's clerks (check_audit_trails()). */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'demo'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'demo' "
                              "AND field = 'size' AND new_value = 'small' "
                              "AND changed_at = '" ANCHOR "T09:00:00'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT entity_id) FROM audit_log "
                              "WHERE entity = 'suggestions'"), ==, count_rows (store, "suggestions"));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE operator "
                              "NOT IN ('刘敏', '张磊', '王静') AND entity <> 'demo'"), ==, 0);
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
  check_audit_trails (store);
  {
    guint moved, spanning;

    check_deadlines (store, &moved, &spanning);
    /* The working-day rules at work: deadlines off a day off, opinions across a holiday. */
    g_assert_cmpuint (moved, >, 0);
    g_assert_cmpuint (spanning, >, 0);
  }
  /* Duplicates merged, their proposers joining the one they repeat. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions WHERE state = 'merged'"), >=, 50);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log a JOIN suggestions s "
                              "ON s.id = a.entity_id WHERE a.entity = 'suggestions' "
                              "AND a.field = 'proposers' AND a.changed_at > s.created_at"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions WHERE round = 3"), >, 0);

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
  g_test_add_func ("/demo/office-calendar", test_office_calendar);
  g_test_add_func ("/demo/notifies-each-table-once", test_notifies_each_table_once);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/bad-anchor", test_bad_anchor);
  g_test_add_func ("/demo/district-file", test_district_file);

  return g_test_run ();
}
