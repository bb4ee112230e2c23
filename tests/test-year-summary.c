/* test-year-summary.c: the year's chain of figures and its paragraph
 *
 * The figures against hand counts and, on demo databases, against SQL
 * written here (EXISTS and NOT EXISTS instead of the module's joins and
 * GROUP BY) and against DdYearStats, whose definitions they share; the
 * paragraph in the C locale (English).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "dd-demo.h"
#include "dd-stats.h"
#include "dd-store-private.h"
#include "dd-year-summary.h"

#define TODAY "2025-06-30"

static const char dataset[] =
  "INSERT INTO deputies (id, person_id, name, level, term, created_at, updated_at) VALUES"
  " (1, 1, '王芳', 'county', 18, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (2, 2, '李强', 'county', 18, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (3, 3, '张伟', 'county', 18, '2024-01-01T00:00:00', '2024-01-01T00:00:00');"
  "INSERT INTO stations (id, name, kind, created_at, updated_at) VALUES"
  " (1, '城关镇人大代表之家', 'home', '2024-01-01T00:00:00', '2024-01-01T00:00:00');"
  "INSERT INTO units (id, name, created_at) VALUES (1, '县教育局', '2024-01-01T00:00:00');"
  "INSERT INTO suggestions (id, kind, title, state, registered_on, station_id, deadline_on, round,"
  "  created_at, updated_at) VALUES"
  " (1, 'deputy_suggestion', '建议一', 'closed', '2024-02-01', NULL, '2024-05-01', 2,"
  "  '2024-02-01T00:00:00', '2024-02-01T00:00:00'),"
  " (2, 'voter_opinion', '意见一', 'handling', '2024-01-15', 1, '2024-03-01', 1,"
  "  '2024-01-15T00:00:00', '2024-01-15T00:00:00'),"
  " (3, 'voter_opinion', '意见二', 'replied', '2024-03-10', 1, '2024-06-10', 1,"
  "  '2024-03-10T00:00:00', '2024-03-10T00:00:00'),"
  " (4, 'voter_opinion', '意见三', 'closed', '2024-05-20', 1, '2024-06-12', 1,"
  "  '2024-05-20T00:00:00', '2024-05-20T00:00:00'),"
  " (5, 'deputy_suggestion', '建议二', 'handling', '2023-12-31', NULL, '2024-03-31', 1,"
  "  '2023-12-31T00:00:00', '2023-12-31T00:00:00');"
  "INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) VALUES"
  " (1, 1, 1), (1, 2, 2), (2, 3, 1), (3, 3, 1), (4, 3, 1), (5, 1, 1);"
  "INSERT INTO replies (suggestion_id, unit_id, round, class, body, replied_on) VALUES"
  " (1, 1, 1, 'C', '留作参考', '2024-04-01'),"
  " (1, 1, 2, 'A', '已解决', '2024-07-01'),"
  " (3, 1, 1, 'B', '列入计划', '2024-05-01'),"
  " (4, 1, 1, 'A', '已修复', '2024-06-12');"
  "INSERT INTO evaluations (suggestion_id, deputy_id, round, verdict, evaluated_on) VALUES"
  " (1, 1, 1, 'unsatisfied', '2024-04-10'),"
  " (1, 2, 1, 'basically_satisfied', '2024-04-10'),"
  " (1, 1, 2, 'satisfied', '2024-07-10'),"
  " (4, 3, 1, 'satisfied', '2024-06-20');"
  "INSERT INTO receptions (id, station_id, held_on, voters_received, created_at) VALUES"
  " (1, 1, '2024-03-05', 12, '2024-03-05T00:00:00'),"
  " (2, 1, '2024-11-20', 30, '2024-11-20T00:00:00'),"
  " (3, 1, '2023-08-01', 5, '2023-08-01T00:00:00');"
  "INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (1, 1), (1, 2), (2, 1), (3, 3);";

static DdStore *
make_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = path != NULL ? dd_store_open (path, DD_STORE_OPEN_CREATE, &error)
                                          : dd_store_new_in_memory (&error);

  g_assert_no_error (error);
  g_assert_true (dd_store_exec (store, dataset, &error));
  g_assert_no_error (error);
  dd_store_set_frozen_time (store, TODAY "T10:00:00");
  return g_steal_pointer (&store);
}

static void
summary_of (DdStore       *store,
            int            year,
            DdYearSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_year_summary_compute (store, year, summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary->year, ==, year);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in “%s”", part, text);
}

static void
test_hand (void)
{
  g_autoptr(DdStore) store = make_store (NULL);
  DdYearSummary s;
  g_autofree char *text = NULL;

  summary_of (store, 2024, &s);
  g_assert_cmpint (s.deputies_receiving_voters, ==, 2);
  g_assert_cmpint (s.receptions, ==, 2);
  g_assert_cmpint (s.voters_received, ==, 42);
  g_assert_cmpint (s.opinions_recorded, ==, 3);
  g_assert_cmpint (s.opinions_adopted, ==, 2);    /* 3 (B), 4 (A) */
  g_assert_cmpint (s.opinions_solved, ==, 1);
  g_assert_cmpint (s.suggestions, ==, 1);
  g_assert_cmpint (s.suggestions_replied, ==, 1);
  g_assert_cmpint (s.suggestions_closed, ==, 1);
  /* Suggestion 1: deputy 1 satisfied (round 2), deputy 2 basically;
   * opinion 4 satisfied. */
  g_assert_cmpint (s.evaluated, ==, 3);
  g_assert_cmpint (s.satisfied, ==, 3);
  g_assert_cmpfloat (s.satisfaction_rate, ==, 1.0);
  /* Timed: 1 late (07-01 > 05-01), 3 and 4 on time. */
  g_assert_cmpfloat_with_epsilon (s.on_time_rate, 2.0 / 3.0, 1e-12);

  text = dd_year_summary_paragraph (&s, "江州市人大常委会");
  g_test_message ("%s", text);
  assert_contains (text, "In 2024, 2 deputies across the city received voters 42 times, 2 receptions were held, ");
  assert_contains (text, "3 voters’ opinions were received, 2 adopted, 1 problem solved for the people");
  assert_contains (text, "1 deputy’s suggestion was registered, 1 answered, 1 closed.");
  assert_contains (text, "Deputies’ satisfaction with the handling was 100.0% (3 verdicts).");
  g_clear_pointer (&text, g_free);

  /* 2023: a reception and a suggestion, nothing else: no zero clauses. */
  summary_of (store, 2023, &s);
  text = dd_year_summary_paragraph (&s, NULL);
  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==, "In 2023, 1 deputy received voters 5 times, 1 reception was held, "
                             "1 deputy’s suggestion was registered.");
  g_assert_true (isnan (s.satisfaction_rate));
  g_clear_pointer (&text, g_free);

  /* Nothing at all. */
  summary_of (store, 2019, &s);
  g_assert_cmpint (s.receptions + s.suggestions + s.opinions_recorded + s.evaluated, ==, 0);
  text = dd_year_summary_paragraph (&s, "某某县人大常委会");
  g_assert_cmpstr (text, ==, "In 2019, no receptions of voters, voters’ opinions or deputies’ "
                             "suggestions were recorded across the county.");
  g_clear_pointer (&text, g_free);
  text = dd_year_summary_paragraph (&s, "");
  g_assert_cmpstr (text, ==, "In 2019, no receptions of voters, voters’ opinions or deputies’ "
                             "suggestions were recorded.");
}

static void
test_scope (void)
{
  g_assert_cmpstr (dd_year_summary_scope_word ("江州市人大常委会代表工作室"), ==, "across the city");
  g_assert_cmpstr (dd_year_summary_scope_word ("江州市江北区人大常委会"), ==, "across the district");
  g_assert_cmpstr (dd_year_summary_scope_word ("内蒙古自治区人大常委会"), ==, "across the district");
  g_assert_cmpstr (dd_year_summary_scope_word ("河南省人大常委会"), ==, "across the province");
  g_assert_cmpstr (dd_year_summary_scope_word ("清水河县人大常委会"), ==, "across the county");
  g_assert_cmpstr (dd_year_summary_scope_word ("土默特左旗人大常委会"), ==, "across the banner");
  /* Only the name before 人大 counts: not the 区 of 区人大工委. */
  g_assert_cmpstr (dd_year_summary_scope_word ("江州市人大常委会东区工作站"), ==, "across the city");
  g_assert_cmpstr (dd_year_summary_scope_word ("Deputy office"), ==, "");
  g_assert_cmpstr (dd_year_summary_scope_word (NULL), ==, "");
}

static gint64
query_year (DdStore    *store,
            const char *sql,
            int         year)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-01-01", year + 1);
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The class of a suggestion's latest reply, as a correlated expression. */
#define LATEST_CLASS \
  "(SELECT r.class FROM replies r WHERE r.suggestion_id = s.id AND r.round =" \
  " (SELECT max(round) FROM replies WHERE suggestion_id = s.id) ORDER BY r.id DESC LIMIT 1)"
#define IN_YEAR "s.registered_on BETWEEN ?1 AND date(?2, '-1 day')"
/* Each proposer's verdict of the latest round that proposer evaluated. */
#define LATEST_VERDICTS \
  "FROM evaluations e WHERE EXISTS (SELECT 1 FROM suggestion_proposers p" \
  "  WHERE p.suggestion_id = e.suggestion_id AND p.deputy_id = e.deputy_id)" \
  " AND NOT EXISTS (SELECT 1 FROM evaluations later WHERE later.suggestion_id = e.suggestion_id" \
  "  AND later.deputy_id = e.deputy_id AND later.round > e.round)" \
  " AND e.suggestion_id IN (SELECT s.id FROM suggestions s WHERE " IN_YEAR ")"

static void
test_demo (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  DdDemoOptions options = { DD_DEMO_SMALL, seed, TODAY, NULL, NULL };
  gint64 checked = 0;

  g_assert_no_error (error);
  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  dd_store_set_frozen_time (store, TODAY "T12:00:00");

  for (int year = 2019; year <= 2026; year++)
    {
      DdYearSummary s;
      DdYearStats stats;
      g_autofree char *text = NULL;
      g_autofree char *count = NULL;
      gint64 evaluated;

      summary_of (store, year, &s);
      g_assert_true (dd_year_stats_compute (store, year, &stats, &error));
      g_assert_no_error (error);

      g_assert_cmpint (s.receptions, ==,
                       query_year (store, "SELECT count(*) FROM receptions WHERE held_on BETWEEN ?1 AND date(?2, '-1 day')", year));
      g_assert_cmpint (s.voters_received, ==,
                       query_year (store, "SELECT total(voters_received) FROM receptions"
                                          " WHERE substr(held_on, 1, 4) = substr(?1, 1, 4) AND ?2 IS NOT NULL", year));
      g_assert_cmpint (s.deputies_receiving_voters, ==,
                       query_year (store, "SELECT count(*) FROM deputies d WHERE EXISTS (SELECT 1"
                                          " FROM reception_deputies rd, receptions r WHERE rd.deputy_id = d.id"
                                          " AND r.id = rd.reception_id AND r.held_on >= ?1 AND r.held_on < ?2)", year));
      g_assert_cmpint (s.deputies_receiving_voters, ==, stats.deputies_receiving_voters);
      g_assert_cmpint (s.opinions_recorded, ==,
                       query_year (store, "SELECT count(*) FROM suggestions s WHERE kind = 'voter_opinion' AND " IN_YEAR, year));
      g_assert_cmpint (s.opinions_adopted, ==,
                       query_year (store, "SELECT count(*) FROM suggestions s WHERE kind = 'voter_opinion' AND "
                                          IN_YEAR " AND " LATEST_CLASS " IN ('A', 'B')", year));
      g_assert_cmpint (s.opinions_solved, ==,
                       query_year (store, "SELECT count(*) FROM suggestions s WHERE kind = 'voter_opinion' AND "
                                          IN_YEAR " AND " LATEST_CLASS " = 'A'", year));
      g_assert_cmpint (s.suggestions, ==, stats.suggestions_by_kind[0]);
      g_assert_cmpint (s.suggestions_replied, ==,
                       query_year (store, "SELECT count(*) FROM suggestions s WHERE kind = 'deputy_suggestion'"
                                          " AND " IN_YEAR " AND EXISTS (SELECT 1 FROM replies WHERE suggestion_id = s.id)", year));
      g_assert_cmpint (s.suggestions_closed, ==,
                       query_year (store, "SELECT count(*) FROM suggestions s WHERE kind = 'deputy_suggestion'"
                                          " AND state = 'closed' AND " IN_YEAR, year));
      evaluated = query_year (store, "SELECT count(*) " LATEST_VERDICTS, year);
      g_assert_cmpint (s.evaluated, ==, evaluated);
      g_assert_cmpint (s.evaluated, ==, stats.evaluations_by_verdict[0] + stats.evaluations_by_verdict[1] +
                                        stats.evaluations_by_verdict[2]);
      g_assert_cmpint (s.satisfied, ==,
                       query_year (store, "SELECT count(*) " LATEST_VERDICTS " AND e.verdict <> 'unsatisfied'", year));
      if (evaluated > 0)
        g_assert_cmpfloat_with_epsilon (s.satisfaction_rate, dd_year_stats_satisfaction_rate (&stats), 1e-12);
      else
        g_assert_true (isnan (s.satisfaction_rate));

      /* The paragraph carries the figures. */
      text = dd_year_summary_paragraph (&s, "江州市人大常委会");
      count = g_strdup_printf ("%d", year);
      assert_contains (text, count);
      if (s.opinions_recorded > 0)
        {
          g_free (count);
          count = g_strdup_printf ("%" G_GINT64_FORMAT " voter", s.opinions_recorded);
          assert_contains (text, count);
          checked++;
        }
      if (s.receptions > 0)
        {
          g_free (count);
          count = g_strdup_printf ("received voters %" G_GINT64_FORMAT " times", s.voters_received);
          assert_contains (text, count);
        }
    }
  /* The demo has opinions in some year. */
  g_assert_cmpint (checked, >, 0);
}

typedef struct
{
  GMainLoop     *loop;
  DdYearSummary *summary;
  GError        *error;
} Wait;

static void
ready (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  Wait *wait = user_data;

  wait->summary = dd_year_summary_compute_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
test_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-year-summary-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "desk.db", NULL);
  g_autoptr(DdStore) store = make_store (path);
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, NULL };
  DdYearSummary sync;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  summary_of (store, 2024, &sync);
  dd_year_summary_compute_async (store, 2024, NULL, ready, &wait);
  g_main_loop_run (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.summary);
  g_assert_cmpint (wait.summary->year, ==, 2024);
  g_assert_cmpint (wait.summary->voters_received, ==, sync.voters_received);
  g_assert_cmpint (wait.summary->opinions_adopted, ==, sync.opinions_adopted);
  g_assert_cmpint (wait.summary->evaluated, ==, sync.evaluated);
  g_clear_pointer (&wait.summary, g_free);

  g_cancellable_cancel (cancellable);
  dd_year_summary_compute_async (store, 2024, cancellable, ready, &wait);
  g_main_loop_run (wait.loop);
  g_assert_null (wait.summary);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);

  g_main_loop_unref (wait.loop);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/year-summary/hand", test_hand);
  g_test_add_func ("/year-summary/scope", test_scope);
  g_test_add_data_func ("/year-summary/demo/seed-3", GUINT_TO_POINTER (3), test_demo);
  g_test_add_data_func ("/year-summary/demo/seed-17", GUINT_TO_POINTER (17), test_demo);
  g_test_add_func ("/year-summary/async", test_async);

  return g_test_run ();
}
