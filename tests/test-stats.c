/* test-stats.c: the year's figures on a small hand-made jurisdiction
 *
 * Every expected number below is counted by hand from the rows inserted,
 * following the definitions of DdYearStats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "dd-codes.h"
#include "dd-stats.h"
#include "dd-store-private.h"

static const char dataset[] =
  "INSERT INTO deputies (id, person_id, name, level, term, status, status_on, created_at, updated_at) VALUES"
  " (1, 1, '王芳', 'county', 18, 'active', NULL, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (2, 2, '李强', 'county', 18, 'active', NULL, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (3, 3, '张伟', 'county', 18, 'active', NULL, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (4, 1, '王芳', 'city', 16, 'active', NULL, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (5, 5, '赵敏', 'township', 19, 'resigned', '2024-06-01', '2024-01-01T00:00:00', '2024-01-01T00:00:00');"
  "INSERT INTO stations (id, name, kind, archived, created_at, updated_at) VALUES"
  " (1, '城关镇人大代表之家', 'home', 0, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (2, '东街代表之家', 'home', 0, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (3, '李强代表工作室', 'studio', 0, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (4, '老街联系点', 'contact_point', 1, '2024-01-01T00:00:00', '2024-01-01T00:00:00');"
  "INSERT INTO units (id, name, created_at) VALUES (1, '县教育局', '2024-01-01T00:00:00'),"
  " (2, '县住房和城乡建设局', '2024-01-01T00:00:00');"
  "INSERT INTO suggestions (id, kind, title, state, registered_on, deadline_on, round, created_at, updated_at) VALUES"
  " (1, 'deputy_suggestion', '关于增设学校停车位的建议', 'closed', '2024-02-01', '2024-05-01', 2, '2024-02-01T00:00:00', '2024-02-01T00:00:00'),"
  " (2, 'voter_opinion', '小区路灯损坏', 'handling', '2024-01-15', '2024-03-01', 1, '2024-01-15T00:00:00', '2024-01-15T00:00:00'),"
  " (3, 'deputy_suggestion', '关于加强农村饮水安全的建议', 'registered', '2024-12-31', NULL, 1, '2024-12-31T00:00:00', '2024-12-31T00:00:00'),"
  " (4, 'deputy_suggestion', '关于老旧小区加装电梯的建议', 'evaluated', '2024-03-10', '2024-06-10', 1, '2024-03-10T00:00:00', '2024-03-10T00:00:00'),"
  " (5, 'deputy_suggestion', '关于公交线路优化的建议', 'closed', '2023-12-31', '2024-03-31', 1, '2023-12-31T00:00:00', '2023-12-31T00:00:00'),"
  " (6, 'deputy_suggestion', '关于菜市场改造的建议', 'handling', '2024-05-01', '2099-01-01', 1, '2024-05-01T00:00:00', '2024-05-01T00:00:00');"
  "INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) VALUES"
  " (1, 1, 1), (1, 2, 2), (4, 3, 1), (5, 1, 1);"
  "INSERT INTO replies (suggestion_id, unit_id, round, class, body, replied_on) VALUES"
  " (1, 1, 1, 'C', '留作参考', '2024-04-01'),"
  " (1, 1, 2, 'A', '已解决', '2024-07-01'),"
  " (4, 2, 1, 'B', '列入计划', '2024-05-01'),"
  " (5, 2, 1, 'A', '已采纳', '2024-03-01');"
  "INSERT INTO evaluations (suggestion_id, deputy_id, round, verdict, evaluated_on) VALUES"
  " (1, 1, 1, 'unsatisfied', '2024-04-10'),"
  " (1, 1, 2, 'satisfied', '2024-07-10'),"
  " (1, 2, 1, 'basically_satisfied', '2024-04-10'),"
  " (4, 3, 1, 'unsatisfied', '2024-05-10'),"
  /* Deputy 4 is no proposer of suggestion 4: not counted. */
  " (4, 4, 1, 'satisfied', '2024-05-11'),"
  " (5, 1, 1, 'satisfied', '2024-03-10');"
  "INSERT INTO receptions (id, station_id, held_on, voters_received, created_at) VALUES"
  " (1, 1, '2024-03-05', 12, '2024-03-05T00:00:00'),"
  " (2, 2, '2024-11-20', 30, '2024-11-20T00:00:00'),"
  " (3, 1, '2023-08-01', 5, '2023-08-01T00:00:00');"
  "INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (1, 1), (1, 2), (2, 1), (3, 3);"
  "INSERT INTO activities (kind, title, held_on, created_at) VALUES"
  " ('inspection', '视察城区道路', '2024-04-01', '2024-04-01T00:00:00'),"
  " ('training', '代表履职培训', '2024-09-01', '2024-09-01T00:00:00'),"
  " ('research', '调研乡村振兴', '2023-09-01', '2023-09-01T00:00:00');";

static int
index_of (const char * const *codes,
          const char         *code)
{
  for (int i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;
  g_assert_not_reached ();
}

static DdStore *
make_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = path != NULL ? dd_store_open (path, DD_STORE_OPEN_CREATE, &error)
                                          : dd_store_new_in_memory (&error);

  g_assert_no_error (error);
  g_assert_true (dd_store_exec (store, dataset, &error));
  g_assert_no_error (error);
  dd_store_set_frozen_time (store, "2025-01-10T10:00:00");
  return g_steal_pointer (&store);
}

static void
assert_2024 (const DdYearStats *s)
{
  g_assert_cmpint (s->year, ==, 2024);
  g_assert_cmpint (s->suggestions_total, ==, 5);
  g_assert_cmpint (s->suggestions_by_state[index_of (dd_suggestion_states, "closed")], ==, 1);
  g_assert_cmpint (s->suggestions_by_state[index_of (dd_suggestion_states, "handling")], ==, 2);
  g_assert_cmpint (s->suggestions_by_state[index_of (dd_suggestion_states, "registered")], ==, 1);
  g_assert_cmpint (s->suggestions_by_state[index_of (dd_suggestion_states, "evaluated")], ==, 1);
  g_assert_cmpint (s->suggestions_by_state[index_of (dd_suggestion_states, "merged")], ==, 0);
  g_assert_cmpint (s->suggestions_by_kind[0], ==, 4);
  g_assert_cmpint (s->suggestions_by_kind[1], ==, 1);
  /* Only the voters' opinion past its deadline; the other open one is due in 2099. */
  g_assert_cmpint (s->overdue, ==, 1);
  /* Suggestion 1's latest reply is A (its C came first); 4 has B; 5 is 2023's. */
  g_assert_cmpint (s->replies_by_class[0], ==, 1);
  g_assert_cmpint (s->replies_by_class[1], ==, 1);
  g_assert_cmpint (s->replies_by_class[2], ==, 0);
  /* Deputy 1's round-2 verdict replaces round 1; deputy 2 evaluated once. */
  g_assert_cmpint (s->evaluations_by_verdict[0], ==, 1);
  g_assert_cmpint (s->evaluations_by_verdict[1], ==, 1);
  g_assert_cmpint (s->evaluations_by_verdict[2], ==, 1);
  g_assert_cmpfloat_with_epsilon (dd_year_stats_satisfaction_rate (s), 2.0 / 3.0, 1e-9);
  /* Active seats: three county, one city; the resigned township seat is out. */
  g_assert_cmpint (s->deputies_total, ==, 4);
  g_assert_cmpint (s->deputies_by_level[index_of (dd_deputy_levels, "county")], ==, 3);
  g_assert_cmpint (s->deputies_by_level[index_of (dd_deputy_levels, "city")], ==, 1);
  g_assert_cmpint (s->deputies_by_level[index_of (dd_deputy_levels, "township")], ==, 0);
  g_assert_cmpint (s->stations_total, ==, 3);
  g_assert_cmpint (s->stations_by_kind[index_of (dd_station_kinds, "home")], ==, 2);
  g_assert_cmpint (s->stations_by_kind[index_of (dd_station_kinds, "studio")], ==, 1);
  g_assert_cmpint (s->stations_by_kind[index_of (dd_station_kinds, "contact_point")], ==, 0);
  g_assert_cmpint (s->receptions, ==, 2);
  g_assert_cmpint (s->voters_received, ==, 42);
  g_assert_cmpint (s->deputies_receiving_voters, ==, 2);
  g_assert_cmpint (s->activities, ==, 2);
}

static void
test_year (void)
{
  g_autoptr(DdStore) store = make_store (NULL);
  g_autoptr(GError) error = NULL;
  DdYearStats stats;

  g_assert_true (dd_year_stats_compute (store, 2024, &stats, &error));
  g_assert_no_error (error);
  assert_2024 (&stats);
  g_assert_cmpint (dd_store_latest_year (store), ==, 2024);
}

static void
test_empty_year (void)
{
  g_autoptr(DdStore) store = make_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  DdYearStats stats;

  g_assert_true (dd_year_stats_compute (store, 2019, &stats, &error));
  g_assert_cmpint (stats.suggestions_total, ==, 0);
  g_assert_cmpint (stats.receptions, ==, 0);
  g_assert_cmpint (stats.voters_received, ==, 0);
  g_assert_cmpint (stats.overdue, ==, 0);
  g_assert_cmpint (stats.evaluations_by_verdict[0] + stats.evaluations_by_verdict[1] +
                   stats.evaluations_by_verdict[2], ==, 0);
  /* No evaluations: no rate, rather than a division by zero. */
  g_assert_cmpfloat (dd_year_stats_satisfaction_rate (&stats), <, 0);
  /* Deputies and stations are counted as they stand, whatever the year. */
  g_assert_cmpint (stats.deputies_total, ==, 4);

  json = dd_year_stats_to_json (&stats);
  g_assert_nonnull (strstr (json, "\"year\": 2019"));
  g_assert_nonnull (strstr (json, "\"total\": 0"));
}

static void
test_empty_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autofree char *today = NULL;
  DdYearStats stats;

  g_assert_true (dd_year_stats_compute (store, 2025, &stats, &error));
  g_assert_cmpint (stats.suggestions_total + stats.deputies_total + stats.stations_total, ==, 0);
  today = dd_store_dup_today (store);
  g_assert_cmpint (dd_store_latest_year (store), ==, atoi (today));
}

static void
test_json (void)
{
  g_autoptr(DdStore) store = make_store (NULL);
  g_autofree char *json = NULL;
  DdYearStats stats;

  g_assert_true (dd_year_stats_compute (store, 2024, &stats, NULL));
  json = dd_year_stats_to_json (&stats);
  g_assert_nonnull (strstr (json, "\"suggestions\": {\"total\": 5,"));
  g_assert_nonnull (strstr (json, "\"closed\": 1"));
  g_assert_nonnull (strstr (json, "\"by_kind\": {\"deputy_suggestion\": 4, \"voter_opinion\": 1}"));
  g_assert_nonnull (strstr (json, "\"replies\": {\"A\": 1, \"B\": 1, \"C\": 0}"));
  g_assert_nonnull (strstr (json, "\"evaluations\": {\"satisfied\": 1, \"basically_satisfied\": 1, "
                                  "\"unsatisfied\": 1}"));
  g_assert_nonnull (strstr (json, "\"receptions\": {\"count\": 2, \"voters\": 42}"));
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DdYearStats **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dd_year_stats_compute_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async_reader (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dd-stats-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "stats.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  DdYearStats *stats = NULL;

  {
    g_autoptr(DdStore) store = make_store (path);

    /* A worker thread with its own read-only connection. */
    dd_year_stats_compute_async (store, 2024, NULL, on_computed, &stats);
    while (stats == NULL)
      g_main_context_iteration (NULL, TRUE);
    assert_2024 (stats);
    g_free (stats);
  }
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/year", test_year);
  g_test_add_func ("/stats/empty-year", test_empty_year);
  g_test_add_func ("/stats/empty-database", test_empty_database);
  g_test_add_func ("/stats/json", test_json);
  g_test_add_func ("/stats/async-reader", test_async_reader);

  return g_test_run ();
}
