/* test-analytics.c: the statistics of dd-analytics.h
 *
 * Two kinds of checks:
 *  - a small hand-made jurisdiction whose every expected figure is counted
 *    by hand (multi-proposer verdicts, a unit with no evaluation, on-time
 *    and late replies, empty months and an empty period);
 *  - generated demo databases (several seeds), where every figure of every
 *    group, for several filters, is compared with a computation in C over
 *    the raw rows, one suggestion at a time (none of the module's queries:
 *    no GROUP BY, no join, every rule applied in a loop here).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "dd-analytics.h"
#include "dd-codes.h"
#include "dd-demo.h"
#include "dd-model-error.h"
#include "dd-settings.h"
#include "dd-store-private.h"

#define TODAY "2025-06-30"

/* The hand-made jurisdiction */

static const char dataset[] =
  "INSERT INTO deputies (id, person_id, name, level, term, district, created_at, updated_at) VALUES"
  " (1, 1, '王芳', 'county', 18, '城关区', '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (2, 2, '李强', 'county', 18, '东城区', '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (3, 3, '张伟', 'county', 18, '东城区', '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (4, 4, '赵敏', 'county', 18, '城关区', '2024-01-01T00:00:00', '2024-01-01T00:00:00');"
  "INSERT INTO stations (id, name, kind, district, created_at, updated_at) VALUES"
  " (1, '城关镇人大代表之家', 'home', '城关区', '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (2, '东街代表之家', 'home', '东城区', '2024-01-01T00:00:00', '2024-01-01T00:00:00');"
  "INSERT INTO units (id, name, created_at) VALUES (1, '县教育局', '2024-01-01T00:00:00'),"
  " (2, '县住房和城乡建设局', '2024-01-01T00:00:00'), (3, '县交通运输局', '2024-01-01T00:00:00');"
  "INSERT INTO suggestions (id, kind, category, title, state, registered_on, station_id, deadline_on,"
  "  closed_on, round, created_at, updated_at) VALUES"
  /* Two proposers; round 1: deputy 1 unsatisfied, deputy 2 basically; round 2:
   * deputy 1 satisfied. Reply of round 2 after the (new) deadline: late. */
  " (1, 'deputy_suggestion', 'education', '关于增设学校停车位的建议', 'closed', '2024-02-01', NULL,"
  "  '2024-05-01', '2024-08-01', 2, '2024-02-01T00:00:00', '2024-02-01T00:00:00'),"
  /* A voter's opinion handled by unit 2, never replied, overdue. */
  " (2, 'voter_opinion', 'transport', '小区路灯损坏', 'handling', '2024-01-15', 2, '2024-03-01',"
  "  NULL, 1, '2024-01-15T00:00:00', '2024-01-15T00:00:00'),"
  /* Unit 1 again: replied B on time, evaluated unsatisfied by its proposer. */
  " (3, 'deputy_suggestion', 'education', '关于老旧小区加装电梯的建议', 'evaluated', '2024-03-10', NULL,"
  "  '2024-06-10', NULL, 1, '2024-03-10T00:00:00', '2024-03-10T00:00:00'),"
  /* A voter's opinion at station 1, unit 3, replied A on time, satisfied. */
  " (4, 'voter_opinion', 'transport', '公交站台破损', 'closed', '2024-05-20', 1, '2024-06-12',"
  "  '2024-07-02', 1, '2024-05-20T00:00:00', '2024-05-20T00:00:00'),"
  /* Registered in 2023: outside the 2024 period. */
  " (5, 'deputy_suggestion', 'economy', '关于公交线路优化的建议', 'closed', '2023-12-31', NULL,"
  "  '2024-03-31', '2024-04-15', 1, '2023-12-31T00:00:00', '2023-12-31T00:00:00');"
  "INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) VALUES"
  " (1, 1, 1), (1, 2, 2), (2, 3, 1), (3, 3, 1), (4, 4, 1), (5, 1, 1);"
  "INSERT INTO suggestion_units (suggestion_id, unit_id, role, assigned_on) VALUES"
  " (1, 1, 'lead', '2024-02-05'), (1, 2, 'co', '2024-02-05'), (2, 2, 'lead', '2024-01-20'),"
  " (3, 1, 'lead', '2024-03-12'), (4, 3, 'lead', '2024-05-21'), (5, 3, 'lead', '2024-01-02');"
  "INSERT INTO replies (suggestion_id, unit_id, round, class, body, replied_on) VALUES"
  " (1, 1, 1, 'C', '留作参考', '2024-04-01'),"
  " (1, 1, 2, 'A', '已解决', '2024-07-01'),"
  " (3, 1, 1, 'B', '列入计划', '2024-05-01'),"
  " (4, 3, 1, 'A', '已修复', '2024-06-12'),"
  " (5, 3, 1, 'A', '已采纳', '2024-03-01');"
  "INSERT INTO evaluations (suggestion_id, deputy_id, round, verdict, evaluated_on) VALUES"
  " (1, 1, 1, 'unsatisfied', '2024-04-10'),"
  " (1, 2, 1, 'basically_satisfied', '2024-04-10'),"
  " (1, 1, 2, 'satisfied', '2024-07-10'),"
  /* Deputy 4 is no proposer of suggestion 1: not counted. */
  " (1, 4, 2, 'unsatisfied', '2024-07-11'),"
  " (3, 3, 1, 'unsatisfied', '2024-05-10'),"
  " (4, 4, 1, 'satisfied', '2024-06-20'),"
  " (5, 1, 1, 'satisfied', '2024-03-10');"
  "INSERT INTO receptions (id, station_id, held_on, voters_received, petitions_handled, created_at) VALUES"
  " (1, 1, '2024-03-05', 12, 2, '2024-03-05T00:00:00'),"
  " (2, 2, '2024-11-20', 30, 1, '2024-11-20T00:00:00'),"
  " (3, 1, '2023-08-01', 5, 0, '2023-08-01T00:00:00');"
  "INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (1, 1), (1, 2), (2, 1), (3, 3);";

static DdStore *
make_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);

  g_assert_no_error (error);
  g_assert_true (dd_store_exec (store, dataset, &error));
  g_assert_no_error (error);
  dd_store_set_frozen_time (store, TODAY "T10:00:00");
  /* The hand-made units have one or two replies each: rank them all. */
  g_assert_true (dd_ranking_min_replies_set (store, 1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static DdAnalytics *
compute (DdStore                 *store,
         const DdAnalyticsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  DdAnalytics *analytics = dd_analytics_compute (store, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (analytics);
  return analytics;
}

static const DdAnalyticsGroup *
group (GPtrArray  *groups,
       const char *key)
{
  const DdAnalyticsGroup *g = dd_analytics_find_group (groups, key);

  if (g == NULL)
    g_error ("no group %s", key);
  return g;
}

/* A unit with a perfect score on one reply is not ranked above units that
 * answered enough suggestions: it follows them, with rank 0 and its score. */
static void
test_min_replies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdAnalyticsFilter) filter = dd_analytics_filter_new_year (2024);
  const DdAnalyticsGroup *first, *second;

  g_assert_cmpint (dd_ranking_min_replies_get (store), ==, 1);
  /* Unit 1 has two replies, unit 3 one (with the perfect score). */
  g_assert_true (dd_ranking_min_replies_set (store, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dd_ranking_min_replies_get (store), ==, 2);
  {
    g_autoptr(DdAnalytics) a = compute (store, filter);

    g_assert_cmpint (a->min_replies, ==, 2);
    first = g_ptr_array_index (a->units, 0);
    second = g_ptr_array_index (a->units, 1);
    g_assert_cmpint (first->id, ==, 1);
    g_assert_cmpint (first->rank, ==, 1);
    g_assert_cmpint (second->id, ==, 3);
    g_assert_cmpint (second->rank, ==, 0);
    g_assert_cmpfloat_with_epsilon (second->score, 1.0, 1e-12);
    g_assert_cmpfloat (second->score, >, first->score);
    g_assert_cmpint (((DdAnalyticsGroup *) a->units->pdata[2])->id, ==, 2);
  }

  /* With 1 the old order holds: the perfect score on one reply first. */
  g_assert_true (dd_ranking_min_replies_set (store, 1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DdAnalytics) a = compute (store, filter);

    first = g_ptr_array_index (a->units, 0);
    second = g_ptr_array_index (a->units, 1);
    g_assert_cmpint (first->id, ==, 3);
    g_assert_cmpint (first->rank, ==, 1);
    g_assert_cmpint (second->id, ==, 1);
    g_assert_cmpint (second->rank, ==, 2);
  }
  g_assert_true (dd_ranking_min_replies_set (store, 2, &error));
  g_assert_no_error (error);

  /* Refused values leave the setting as it was. */
  g_assert_false (dd_ranking_min_replies_set (store, 0, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dd_ranking_min_replies_set (store, DD_RANKING_MIN_REPLIES_MAX + 1, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dd_ranking_min_replies_get (store), ==, 2);

  /* A malformed stored value reads as the default. */
  g_assert_true (dd_settings_set (store, DD_SETTING_RANKING_MIN_REPLIES, "many", &error));
  g_assert_no_error (error);
  g_assert_cmpint (dd_ranking_min_replies_get (store), ==, DD_RANKING_MIN_REPLIES_DEFAULT);
}

static void
test_hand_year (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdAnalyticsFilter) filter = dd_analytics_filter_new_year (2024);
  g_autoptr(DdAnalytics) a = compute (store, filter);
  const DdAnalyticsGroup *all = a->overall, *g;
  const DdAnalyticsMonth *months = (const DdAnalyticsMonth *) a->months->data;

  g_assert_cmpstr (a->today, ==, TODAY);
  /* Suggestions 1–4. */
  g_assert_cmpint (all->suggestions, ==, 4);
  g_assert_cmpint (all->by_state[6], ==, 2);   /* closed: 1, 4 */
  g_assert_cmpint (all->by_state[3], ==, 1);   /* handling: 2 */
  g_assert_cmpint (all->by_state[5], ==, 1);   /* evaluated: 3 */
  g_assert_cmpint (all->closed, ==, 2);
  g_assert_cmpint (all->overdue, ==, 1);       /* 2: handling, due 2024-03-01 */
  /* 1: S (deputy 1, round 2) + B (deputy 2, round 1); 3: U; 4: S. */
  g_assert_cmpint (all->verdicts[0], ==, 2);
  g_assert_cmpint (all->verdicts[1], ==, 1);
  g_assert_cmpint (all->verdicts[2], ==, 1);
  g_assert_cmpint (all->evaluated, ==, 4);
  g_assert_cmpfloat_with_epsilon (all->satisfaction_rate, 0.75, 1e-12);
  /* Latest replies: 1 A (round 2), 3 B, 4 A. */
  g_assert_cmpint (all->classes[0], ==, 2);
  g_assert_cmpint (all->classes[1], ==, 1);
  g_assert_cmpint (all->classes[2], ==, 0);
  g_assert_cmpint (all->replies, ==, 3);
  g_assert_cmpfloat_with_epsilon (all->class_shares[0], 2.0 / 3.0, 1e-12);
  g_assert_cmpfloat (all->class_shares[2], ==, 0.0);
  /* 1 late (07-01 > 05-01), 3 and 4 on time (04 on its deadline day). */
  g_assert_cmpint (all->replies_timed, ==, 3);
  g_assert_cmpint (all->replies_on_time, ==, 2);
  g_assert_cmpfloat_with_epsilon (all->on_time_rate, 2.0 / 3.0, 1e-12);

  /* Units: 1 (suggestions 1, 3), 2 (suggestion 2 only: no data), 3 (4). */
  g_assert_cmpuint (a->units->len, ==, 3);
  g = group (a->units, "2");
  g_assert_cmpstr (g->name, ==, "县住房和城乡建设局");
  g_assert_cmpint (g->suggestions, ==, 1);
  g_assert_cmpint (g->evaluated, ==, 0);
  g_assert_false (dd_analytics_rate_known (g->satisfaction_rate));
  g_assert_false (dd_analytics_rate_known (g->on_time_rate));
  g_assert_false (dd_analytics_rate_known (g->class_shares[0]));
  g_assert_false (dd_analytics_rate_known (g->score));
  g_assert_cmpint (g->rank, ==, 0);
  /* Unit 3: on time 1, A share 1, satisfied 1 → score 1; unit 1: on time
   * 1/2, A/B mix (1 + ½)/2 = 0.75, satisfaction (S, B, U) 2/3 → 0.3·0.5 +
   * 0.3·0.75 + 0.4·(2/3). Ranked 3, 1, then 2 without data. */
  g_assert_cmpint (((DdAnalyticsGroup *) a->units->pdata[0])->id, ==, 3);
  g_assert_cmpint (((DdAnalyticsGroup *) a->units->pdata[1])->id, ==, 1);
  g_assert_cmpint (((DdAnalyticsGroup *) a->units->pdata[2])->id, ==, 2);
  g_assert_cmpfloat_with_epsilon (((DdAnalyticsGroup *) a->units->pdata[0])->score, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (((DdAnalyticsGroup *) a->units->pdata[1])->score,
                                  0.3 * 0.5 + 0.3 * 0.75 + 0.4 * (2.0 / 3.0), 1e-12);
  g_assert_cmpint (((DdAnalyticsGroup *) a->units->pdata[1])->rank, ==, 2);
  g_assert_cmpfloat_with_epsilon (group (a->units, "1")->satisfaction_rate, 2.0 / 3.0, 1e-12);

  /* Categories and kinds. */
  g_assert_cmpuint (a->categories->len, ==, 2);
  g_assert_cmpint (group (a->categories, "education")->suggestions, ==, 2);
  g_assert_cmpint (group (a->categories, "transport")->verdicts[0], ==, 1);
  g_assert_cmpuint (a->kinds->len, ==, 2);
  g_assert_cmpint (group (a->kinds, "voter_opinion")->suggestions, ==, 2);
  g_assert_cmpint (group (a->kinds, "deputy_suggestion")->evaluated, ==, 3);
  /* Years: only 2024 in the period. */
  g_assert_cmpuint (a->years->len, ==, 1);
  g_assert_cmpint (group (a->years, "2024")->suggestions, ==, 4);
  /* Stations: suggestions 2 and 4, receptions 1 and 2 in 2024. */
  g_assert_cmpuint (a->stations->len, ==, 2);
  g = group (a->stations, "1");
  g_assert_cmpstr (g->name, ==, "城关镇人大代表之家");
  g_assert_cmpint (g->suggestions, ==, 1);
  g_assert_cmpint (g->receptions, ==, 1);
  g_assert_cmpint (g->voters_received, ==, 12);
  g_assert_cmpint (group (a->stations, "2")->voters_received, ==, 30);

  g_assert_cmpint (a->receptions, ==, 2);
  g_assert_cmpint (a->voters_received, ==, 42);
  g_assert_cmpint (a->petitions_handled, ==, 3);
  g_assert_cmpint (a->deputies_receiving_voters, ==, 2);
  g_assert_cmpint (a->opinions_recorded, ==, 2);
  g_assert_cmpint (a->opinions_adopted, ==, 1);
  g_assert_cmpint (a->opinions_solved, ==, 1);

  /* Twelve months, closures by closed_on (5 closed 2024-04, registered 2023). */
  g_assert_cmpuint (a->months->len, ==, 12);
  g_assert_cmpstr (months[0].month, ==, "2024-01");
  g_assert_cmpint (months[0].intake, ==, 1);
  g_assert_cmpint (months[1].intake, ==, 1);
  g_assert_cmpint (months[2].intake, ==, 1);
  g_assert_cmpint (months[3].intake, ==, 0);
  g_assert_cmpint (months[3].closed, ==, 1);
  g_assert_cmpint (months[4].intake, ==, 1);
  g_assert_cmpint (months[6].closed, ==, 1);
  g_assert_cmpint (months[7].closed, ==, 1);
  g_assert_cmpint (months[10].intake + months[10].closed, ==, 0);
  g_assert_cmpstr (months[11].month, ==, "2024-12");
}

static void
test_hand_filters (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdAnalyticsFilter) filter = dd_analytics_filter_new_year (2024);
  DdAnalytics *a;

  /* District: 1 has no station, its first proposer (deputy 1) is in 城关区;
   * 4 is at station 1 (城关区); 2 at station 2 and 3 by deputy 3: 东城区. */
  filter->district = g_strdup ("城关区");
  a = compute (store, filter);
  g_assert_cmpint (a->overall->suggestions, ==, 2);
  g_assert_nonnull (dd_analytics_find_group (a->overall != NULL ? a->units : NULL, "1"));
  g_assert_cmpint (a->receptions, ==, 1);
  g_assert_cmpint (a->voters_received, ==, 12);
  g_assert_cmpint (a->deputies_receiving_voters, ==, 2);
  dd_analytics_unref (a);

  g_clear_pointer (&filter->district, g_free);
  filter->unit_id = 1;
  a = compute (store, filter);
  g_assert_cmpint (a->overall->suggestions, ==, 2);
  g_assert_cmpuint (a->units->len, ==, 1);
  g_assert_cmpint (a->overall->verdicts[2], ==, 1);
  /* Receptions do not follow the unit. */
  g_assert_cmpint (a->receptions, ==, 2);
  dd_analytics_unref (a);

  filter->unit_id = 0;
  filter->kind = g_strdup ("voter_opinion");
  filter->category = g_strdup ("transport");
  a = compute (store, filter);
  g_assert_cmpint (a->overall->suggestions, ==, 2);
  g_assert_cmpint (group (a->kinds, "deputy_suggestion")->suggestions, ==, 0);
  g_assert_cmpint (a->opinions_recorded, ==, 2);
  dd_analytics_unref (a);

  /* An open period: everything, months from the first registration
   * (2023-12) to the last closure (2024-08). */
  a = compute (store, NULL);
  g_assert_cmpint (a->overall->suggestions, ==, 5);
  g_assert_cmpint (a->receptions, ==, 3);
  g_assert_cmpint (a->deputies_receiving_voters, ==, 3);
  g_assert_cmpuint (a->years->len, ==, 2);
  g_assert_cmpstr (((DdAnalyticsGroup *) a->years->pdata[0])->key, ==, "2023");
  g_assert_cmpuint (a->months->len, ==, 9);
  g_assert_cmpstr (g_array_index (a->months, DdAnalyticsMonth, 0).month, ==, "2023-12");
  g_assert_cmpstr (g_array_index (a->months, DdAnalyticsMonth, 8).month, ==, "2024-08");
  dd_analytics_unref (a);
}

static void
test_empty_period (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdAnalyticsFilter) filter = dd_analytics_filter_new_year (2030);
  g_autoptr(DdAnalytics) a = compute (store, filter);
  g_autofree char *text = dd_analytics_format_rate (a->overall->satisfaction_rate);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) empty = dd_store_new_in_memory (&error);
  g_autoptr(DdAnalytics) nothing = NULL;

  g_assert_cmpint (a->overall->suggestions, ==, 0);
  g_assert_cmpint (a->overall->evaluated, ==, 0);
  g_assert_false (dd_analytics_rate_known (a->overall->satisfaction_rate));
  g_assert_false (dd_analytics_rate_known (a->overall->on_time_rate));
  for (int i = 0; i < DD_N_CLASSES; i++)
    g_assert_false (dd_analytics_rate_known (a->overall->class_shares[i]));
  g_assert_cmpstr (text, ==, "no data");
  g_assert_cmpuint (a->units->len, ==, 0);
  g_assert_cmpuint (a->stations->len, ==, 0);
  g_assert_cmpuint (a->categories->len, ==, 0);
  g_assert_cmpuint (a->years->len, ==, 0);
  g_assert_cmpuint (a->kinds->len, ==, 2);
  g_assert_cmpuint (a->months->len, ==, 12);
  for (guint i = 0; i < a->months->len; i++)
    g_assert_cmpint (g_array_index (a->months, DdAnalyticsMonth, i).intake, ==, 0);
  g_assert_cmpint (a->receptions + a->voters_received + a->deputies_receiving_voters, ==, 0);

  /* An empty database with no bounds: no months at all. */
  g_assert_no_error (error);
  nothing = compute (empty, NULL);
  g_assert_cmpuint (nothing->months->len, ==, 0);
  g_assert_cmpint (nothing->overall->suggestions, ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DdAnalytics) a = NULL;

  g_cancellable_cancel (cancellable);
  a = dd_analytics_compute (store, NULL, cancellable, &error);
  g_assert_null (a);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* The connection's progress handler is gone: the next computation runs. */
  a = dd_analytics_compute (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->overall->suggestions, ==, 5);
}

static void
test_bad_filters (void)
{
  g_autoptr(DdStore) store = make_store ();
  const struct { const char *from, *to, *category, *kind; gint64 unit; const char *word; } cases[] = {
    { "2024-13-01", NULL, NULL, NULL, 0, "2024-13-01" },
    { NULL, "soon", NULL, NULL, 0, "soon" },
    { "2024-05-01", "2024-01-01", NULL, NULL, 0, "2024-05-01" },
    { NULL, NULL, "sports", NULL, 0, "sports" },
    { NULL, NULL, NULL, "petition", 0, "petition" },
    { NULL, NULL, NULL, NULL, -4, "Unit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DdAnalyticsFilter filter = { (char *) cases[i].from, (char *) cases[i].to, NULL,
                                   cases[i].unit, (char *) cases[i].category, (char *) cases[i].kind };
      g_autoptr(GError) error = NULL;
      DdAnalytics *a = dd_analytics_compute (store, &filter, NULL, &error);

      g_assert_null (a);
      g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].word));
    }
}

static void
test_filter_helpers (void)
{
  g_autoptr(DdAnalyticsFilter) year = dd_analytics_filter_new_year (2024);
  g_autoptr(DdAnalyticsFilter) copy = dd_analytics_filter_copy (year);
  g_autoptr(DdAnalyticsFilter) range = dd_analytics_filter_new ();
  g_autofree char *label1 = dd_analytics_filter_dup_period_label (year);
  g_autofree char *label2 = NULL;
  g_autofree char *label3 = dd_analytics_filter_dup_period_label (NULL);
  g_autofree char *rate = dd_analytics_format_rate (0.8754);

  g_assert_cmpstr (year->from, ==, "2024-01-01");
  g_assert_cmpstr (year->to, ==, "2025-01-01");
  g_assert_cmpint (dd_analytics_filter_get_year (year), ==, 2024);
  g_assert_true (dd_analytics_filter_equal (year, copy));
  copy->unit_id = 3;
  g_assert_false (dd_analytics_filter_equal (year, copy));
  g_assert_cmpstr (label1, ==, "2024");
  range->from = g_strdup ("2024-01-01");
  range->to = g_strdup ("2024-07-01");
  g_assert_cmpint (dd_analytics_filter_get_year (range), ==, 0);
  label2 = dd_analytics_filter_dup_period_label (range);
  g_assert_cmpstr (label2, ==, "2024-01-01 – 2024-06-30");
  g_assert_cmpstr (label3, ==, "all dates");
  g_assert_cmpstr (rate, ==, "87.5%");
  g_assert_true (isnan (dd_analytics_share (3, 0)));
  g_assert_cmpfloat (dd_analytics_share (1, 4), ==, 0.25);
}

static void
test_weights (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(GError) error = NULL;
  DdRankingWeights w;
  const DdRankingWeights only_time = { 1.0, 0.0, 0.0 };
  const DdRankingWeights bad[] = { { -0.1, 0.5, 0.5 }, { 0.5, 1.5, 0.0 }, { 0, 0, 0 }, { NAN, 0.2, 0.2 } };
  g_autoptr(DdAnalyticsFilter) filter = dd_analytics_filter_new_year (2024);
  DdAnalytics *a;

  dd_ranking_weights_get (store, &w);
  g_assert_cmpfloat (w.on_time, ==, 0.3);
  g_assert_cmpfloat (w.classes, ==, 0.3);
  g_assert_cmpfloat (w.satisfaction, ==, 0.4);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (dd_ranking_weights_set (store, &bad[i], &error));
      g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_null (dd_settings_dup (store, DD_SETTING_RANKING_WEIGHT_ON_TIME));

  g_assert_true (dd_ranking_weights_set (store, &only_time, &error));
  g_assert_no_error (error);
  dd_ranking_weights_get (store, &w);
  g_assert_cmpfloat (w.on_time, ==, 1.0);
  g_assert_cmpfloat (w.classes, ==, 0.0);

  /* By timeliness alone: unit 3 (1/1) before unit 1 (1/2). */
  a = compute (store, filter);
  g_assert_cmpfloat (a->weights.on_time, ==, 1.0);
  g_assert_cmpint (((DdAnalyticsGroup *) a->units->pdata[0])->id, ==, 3);
  g_assert_cmpfloat_with_epsilon (group (a->units, "1")->score, 0.5, 1e-12);
  dd_analytics_unref (a);

  /* Satisfaction alone: unit 3 (1) before unit 1 (2/3); a unit with
   * replies but no verdict would have no score. */
  {
    const DdRankingWeights only_satisfaction = { 0.0, 0.0, 1.0 };

    g_assert_true (dd_ranking_weights_set (store, &only_satisfaction, &error));
    a = compute (store, filter);
    g_assert_cmpfloat_with_epsilon (group (a->units, "1")->score, 2.0 / 3.0, 1e-12);
    g_assert_cmpint (group (a->units, "2")->rank, ==, 0);
    dd_analytics_unref (a);
  }

  /* Audited as settings, one entry a changed key. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store),
                                         "SELECT count(*) FROM audit_log WHERE entity = 'settings'"
                                         " AND field LIKE 'ranking-weight-%'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    /* on time 1 → 0 (and classes 0 unchanged), satisfaction 0 → 1, after
     * the first three. */
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 5);
    sqlite3_finalize (stmt);
  }

  /* Several settings: one bad value and nothing is written. */
  {
    const char *keys[] = { DD_SETTING_OFFICE_NAME, DD_SETTING_QR_STATION_URL };
    const char *values[] = { "江州市人大常委会", "https://example.org/no-placeholder" };

    g_assert_false (dd_settings_set_many (store, keys, values, 2, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (dd_settings_dup (store, DD_SETTING_OFFICE_NAME));
  }

  /* A malformed setting falls back to the default of that weight. */
  g_assert_true (dd_settings_set (store, DD_SETTING_RANKING_WEIGHT_CLASSES, "lots", &error));
  g_assert_true (dd_settings_set (store, DD_SETTING_RANKING_WEIGHT_ON_TIME, "2", &error));
  dd_ranking_weights_get (store, &w);
  g_assert_cmpfloat (w.on_time, ==, 0.3);
  g_assert_cmpfloat (w.classes, ==, 0.3);
  g_assert_cmpfloat (w.satisfaction, ==, 1.0);
}

/* Generated databases against a computation in C */

typedef struct
{
  gint64  id;
  char   *state, *kind, *category, *registered_on, *deadline_on, *closed_on, *district;
  gint64  station_id;
  gint64  round;
  gint64  lead_unit;
  int     reply_class;     /* -1: none */
  gint64  reply_round;
  char   *replied_on;
  gint64  verdicts[DD_N_VERDICTS];
} Row;

typedef struct
{
  gint64  id;
  gint64  station_id;
  char   *held_on;
  char   *district;
  gint64  voters, petitions;
  GArray *deputies;
} Reception;

typedef struct
{
  GPtrArray *rows;
  GPtrArray *receptions;
  char      *today;
} World;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->state);
  g_free (row->kind);
  g_free (row->category);
  g_free (row->registered_on);
  g_free (row->deadline_on);
  g_free (row->closed_on);
  g_free (row->district);
  g_free (row->replied_on);
  g_free (row);
}

static void
reception_free (gpointer data)
{
  Reception *r = data;

  g_free (r->held_on);
  g_free (r->district);
  g_array_unref (r->deputies);
  g_free (r);
}

static sqlite3_stmt *
prepare (DdStore    *store,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  return stmt;
}

static char *
text_or_null (sqlite3_stmt *stmt,
              int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static int
index_of (const char * const *codes,
          const char         *code)
{
  for (int i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return -1;
}

static char *
district_of_station (DdStore *store,
                     gint64   station_id)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT district FROM stations WHERE id = ?");
  char *district = NULL;

  sqlite3_bind_int64 (stmt, 1, station_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    district = text_or_null (stmt, 0);
  sqlite3_finalize (stmt);
  return district;
}

static World *
load_world (DdStore *store)
{
  World *world = g_new0 (World, 1);
  sqlite3_stmt *s = prepare (store, "SELECT id, state, kind, category, registered_on, deadline_on,"
                                    " closed_on, station_id, round FROM suggestions");
  sqlite3_stmt *unit = prepare (store, "SELECT unit_id, role FROM suggestion_units WHERE suggestion_id = ?");
  sqlite3_stmt *proposers = prepare (store, "SELECT deputy_id, position FROM suggestion_proposers"
                                            " WHERE suggestion_id = ?");
  sqlite3_stmt *deputy = prepare (store, "SELECT district FROM deputies WHERE id = ?");
  sqlite3_stmt *replies = prepare (store, "SELECT id, round, class, replied_on FROM replies"
                                          " WHERE suggestion_id = ?");
  sqlite3_stmt *evals = prepare (store, "SELECT deputy_id, round, verdict FROM evaluations"
                                        " WHERE suggestion_id = ?");
  sqlite3_stmt *rec = prepare (store, "SELECT id, station_id, held_on, voters_received,"
                                      " petitions_handled FROM receptions");
  sqlite3_stmt *rec_deputies = prepare (store, "SELECT deputy_id FROM reception_deputies"
                                               " WHERE reception_id = ?");

  world->rows = g_ptr_array_new_with_free_func (row_free);
  world->receptions = g_ptr_array_new_with_free_func (reception_free);
  world->today = dd_store_dup_today (store);

  while (sqlite3_step (s) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);
      g_autoptr(GHashTable) is_proposer = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autoptr(GHashTable) latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      gint64 first_deputy = 0, first_position = G_MAXINT64, best_reply = -1;
      GHashTableIter iter;
      gpointer key, value;

      row->id = sqlite3_column_int64 (s, 0);
      row->state = text_or_null (s, 1);
      row->kind = text_or_null (s, 2);
      row->category = text_or_null (s, 3);
      row->registered_on = text_or_null (s, 4);
      row->deadline_on = text_or_null (s, 5);
      row->closed_on = text_or_null (s, 6);
      row->station_id = sqlite3_column_int64 (s, 7);
      row->round = sqlite3_column_int64 (s, 8);
      row->reply_class = -1;

      sqlite3_bind_int64 (unit, 1, row->id);
      while (sqlite3_step (unit) == SQLITE_ROW)
        if (g_str_equal ((const char *) sqlite3_column_text (unit, 1), "lead"))
          row->lead_unit = sqlite3_column_int64 (unit, 0);
      sqlite3_reset (unit);

      sqlite3_bind_int64 (proposers, 1, row->id);
      while (sqlite3_step (proposers) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (proposers, 0), position = sqlite3_column_int64 (proposers, 1);

          g_hash_table_add (is_proposer, g_memdup2 (&id, sizeof id));
          if (position < first_position || (position == first_position && id < first_deputy))
            {
              first_position = position;
              first_deputy = id;
            }
        }
      sqlite3_reset (proposers);

      if (row->station_id != 0)
        row->district = district_of_station (store, row->station_id);
      else if (first_deputy != 0)
        {
          sqlite3_bind_int64 (deputy, 1, first_deputy);
          if (sqlite3_step (deputy) == SQLITE_ROW)
            row->district = text_or_null (deputy, 0);
          sqlite3_reset (deputy);
        }

      sqlite3_bind_int64 (replies, 1, row->id);
      while (sqlite3_step (replies) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (replies, 0), round = sqlite3_column_int64 (replies, 1);

          if (row->reply_class < 0 || round > row->reply_round ||
              (round == row->reply_round && id > best_reply))
            {
              best_reply = id;
              row->reply_round = round;
              row->reply_class = index_of (dd_reply_classes, (const char *) sqlite3_column_text (replies, 2));
              g_free (row->replied_on);
              row->replied_on = text_or_null (replies, 3);
            }
        }
      sqlite3_reset (replies);

      /* Per proposer: the verdict of the highest round. */
      sqlite3_bind_int64 (evals, 1, row->id);
      while (sqlite3_step (evals) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (evals, 0), round = sqlite3_column_int64 (evals, 1);
          gint64 *best = g_hash_table_lookup (latest, &id);

          if (!g_hash_table_contains (is_proposer, &id))
            continue;
          if (best == NULL || round > best[0])
            {
              best = g_new (gint64, 2);
              best[0] = round;
              best[1] = index_of (dd_verdicts, (const char *) sqlite3_column_text (evals, 2));
              g_hash_table_insert (latest, g_memdup2 (&id, sizeof id), best);
            }
        }
      sqlite3_reset (evals);
      g_hash_table_iter_init (&iter, latest);
      while (g_hash_table_iter_next (&iter, &key, &value))
        row->verdicts[((gint64 *) value)[1]]++;

      g_ptr_array_add (world->rows, row);
    }

  while (sqlite3_step (rec) == SQLITE_ROW)
    {
      Reception *r = g_new0 (Reception, 1);

      r->id = sqlite3_column_int64 (rec, 0);
      r->station_id = sqlite3_column_int64 (rec, 1);
      r->held_on = text_or_null (rec, 2);
      r->voters = sqlite3_column_int64 (rec, 3);
      r->petitions = sqlite3_column_int64 (rec, 4);
      r->district = district_of_station (store, r->station_id);
      r->deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_bind_int64 (rec_deputies, 1, r->id);
      while (sqlite3_step (rec_deputies) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (rec_deputies, 0);
          g_array_append_val (r->deputies, id);
        }
      sqlite3_reset (rec_deputies);
      g_ptr_array_add (world->receptions, r);
    }

  sqlite3_finalize (s);
  sqlite3_finalize (unit);
  sqlite3_finalize (proposers);
  sqlite3_finalize (deputy);
  sqlite3_finalize (replies);
  sqlite3_finalize (evals);
  sqlite3_finalize (rec);
  sqlite3_finalize (rec_deputies);
  return world;
}

static void
world_free (World *world)
{
  g_ptr_array_unref (world->rows);
  g_ptr_array_unref (world->receptions);
  g_free (world->today);
  g_free (world);
}

static gboolean
in_period (const char              *date,
           const DdAnalyticsFilter *f)
{
  return date != NULL && (f->from == NULL || strcmp (date, f->from) >= 0) &&
         (f->to == NULL || strcmp (date, f->to) < 0);
}

/* Every field but the period. */
static gboolean
matches_others (const Row               *row,
                const DdAnalyticsFilter *f)
{
  return (f->kind == NULL || g_str_equal (f->kind, row->kind)) &&
         (f->category == NULL || g_str_equal (f->category, row->category)) &&
         (f->unit_id == 0 || f->unit_id == row->lead_unit) &&
         (f->district == NULL || g_strcmp0 (f->district, row->district) == 0);
}

/* The expected group of @key, created at first use. */
static DdAnalyticsGroup *
expected (GHashTable *table,
          const char *key)
{
  DdAnalyticsGroup *g = g_hash_table_lookup (table, key);

  if (g == NULL)
    {
      g = g_new0 (DdAnalyticsGroup, 1);
      g->key = g_strdup (key);
      g_hash_table_insert (table, g->key, g);
    }
  return g;
}

static void
expected_free (gpointer data)
{
  DdAnalyticsGroup *g = data;

  g_free (g->key);
  g_free (g);
}

static void
add_row (DdAnalyticsGroup *g,
         const Row        *row,
         const char       *today)
{
  int state = index_of (dd_suggestion_states, row->state);

  g->suggestions++;
  g->by_state[state]++;
  if ((g_str_equal (row->state, "assigned") || g_str_equal (row->state, "handling")) &&
      row->deadline_on != NULL && strcmp (row->deadline_on, today) < 0)
    g->overdue++;
  for (int i = 0; i < DD_N_VERDICTS; i++)
    g->verdicts[i] += row->verdicts[i];
  if (row->reply_class >= 0)
    {
      g->classes[row->reply_class]++;
      if (row->reply_round == row->round && row->deadline_on != NULL)
        {
          g->replies_timed++;
          if (strcmp (row->replied_on, row->deadline_on) <= 0)
            g->replies_on_time++;
        }
    }
}

static void
assert_rate (double actual,
             gint64 part,
             gint64 whole)
{
  if (whole == 0)
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, (double) part / (double) whole, 1e-12);
}

static void
assert_group (const DdAnalyticsGroup *actual,
              const DdAnalyticsGroup *want)
{
  gint64 evaluated = 0, replies = 0;

  if (want == NULL)
    g_error ("group %s (%s) is not expected", actual->key, actual->name);
  g_assert_cmpint (actual->suggestions, ==, want->suggestions);
  for (int i = 0; i < DD_N_STATES; i++)
    g_assert_cmpint (actual->by_state[i], ==, want->by_state[i]);
  g_assert_cmpint (actual->closed, ==, want->by_state[6]);
  g_assert_cmpint (actual->overdue, ==, want->overdue);
  for (int i = 0; i < DD_N_VERDICTS; i++)
    {
      g_assert_cmpint (actual->verdicts[i], ==, want->verdicts[i]);
      evaluated += want->verdicts[i];
    }
  g_assert_cmpint (actual->evaluated, ==, evaluated);
  assert_rate (actual->satisfaction_rate, want->verdicts[0] + want->verdicts[1], evaluated);
  for (int i = 0; i < DD_N_CLASSES; i++)
    {
      g_assert_cmpint (actual->classes[i], ==, want->classes[i]);
      replies += want->classes[i];
    }
  g_assert_cmpint (actual->replies, ==, replies);
  for (int i = 0; i < DD_N_CLASSES; i++)
    assert_rate (actual->class_shares[i], want->classes[i], replies);
  g_assert_cmpint (actual->replies_timed, ==, want->replies_timed);
  g_assert_cmpint (actual->replies_on_time, ==, want->replies_on_time);
  assert_rate (actual->on_time_rate, want->replies_on_time, want->replies_timed);
  g_assert_cmpint (actual->receptions, ==, want->receptions);
  g_assert_cmpint (actual->voters_received, ==, want->voters_received);
}

/* Every group of @groups is expected under "@prefix:key", and every
 * expected group with suggestions (or receptions) is there. */
static void
assert_groups (GPtrArray  *groups,
               GHashTable *table,
               const char *prefix)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      const DdAnalyticsGroup *g = g_ptr_array_index (groups, i);
      g_autofree char *k = g_strconcat (prefix, ":", g->key, NULL);

      const DdAnalyticsGroup *want = g_hash_table_lookup (table, k);
      static const DdAnalyticsGroup none = { 0 };

      /* Both kinds are always listed, with nothing in one filtered out. */
      if (want == NULL && g_str_equal (prefix, "k"))
        want = &none;
      assert_group (g, want);
    }
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const DdAnalyticsGroup *g = value;
      if (g_str_has_prefix (key, prefix) && ((const char *) key)[strlen (prefix)] == ':' &&
          (g->suggestions > 0 || g->receptions > 0))
        n++;
    }
  if (!g_str_equal (prefix, "k"))
    g_assert_cmpuint (groups->len, ==, n);
}

static double
expected_score (const DdAnalyticsGroup *g,
                const DdRankingWeights *w)
{
  double sum = 0, weight = 0;
  gint64 evaluated = g->verdicts[0] + g->verdicts[1] + g->verdicts[2];
  gint64 replies = g->classes[0] + g->classes[1] + g->classes[2];

  if (g->replies_timed > 0 && w->on_time > 0)
    {
      sum += w->on_time * g->replies_on_time / (double) g->replies_timed;
      weight += w->on_time;
    }
  if (replies > 0 && w->classes > 0)
    {
      sum += w->classes * (g->classes[0] + 0.5 * g->classes[1]) / (double) replies;
      weight += w->classes;
    }
  if (evaluated > 0 && w->satisfaction > 0)
    {
      sum += w->satisfaction * (g->verdicts[0] + g->verdicts[1]) / (double) evaluated;
      weight += w->satisfaction;
    }
  return weight > 0 ? sum / weight : NAN;
}

static void
check_against_world (DdStore                 *store,
                     const World             *world,
                     const DdAnalyticsFilter *filter)
{
  g_autoptr(DdAnalytics) a = compute (store, filter);
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, expected_free);
  g_autoptr(GHashTable) deputies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) intake = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) closed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DdAnalyticsGroup *all = expected (table, "all");
  gint64 receptions = 0, voters = 0, petitions = 0;
  gint64 opinions = 0, adopted = 0, solved = 0;
  double previous = INFINITY;
  int tier_seen = 0;

  for (guint i = 0; i < world->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (world->rows, i);

      if (!matches_others (row, filter))
        continue;
      if (g_str_equal (row->state, "closed") && in_period (row->closed_on, filter))
        {
          g_autofree char *month = g_strndup (row->closed_on, 7);
          g_hash_table_insert (closed, g_strdup (month),
                               GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (closed, month)) + 1));
        }
      if (!in_period (row->registered_on, filter))
        continue;
      {
        g_autofree char *month = g_strndup (row->registered_on, 7);
        g_autofree char *year = g_strndup (row->registered_on, 4);
        g_autofree char *k_unit = g_strdup_printf ("u:%" G_GINT64_FORMAT, row->lead_unit);
        g_autofree char *k_station = g_strdup_printf ("s:%" G_GINT64_FORMAT, row->station_id);
        g_autofree char *k_category = g_strconcat ("c:", row->category, NULL);
        g_autofree char *k_kind = g_strconcat ("k:", row->kind, NULL);
        g_autofree char *k_year = g_strconcat ("y:", year, NULL);

        g_hash_table_insert (intake, g_strdup (month),
                             GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (intake, month)) + 1));
        add_row (all, row, world->today);
        if (row->lead_unit != 0)
          add_row (expected (table, k_unit), row, world->today);
        if (row->station_id != 0)
          add_row (expected (table, k_station), row, world->today);
        add_row (expected (table, k_category), row, world->today);
        add_row (expected (table, k_kind), row, world->today);
        add_row (expected (table, k_year), row, world->today);
        if (g_str_equal (row->kind, "voter_opinion"))
          {
            opinions++;
            adopted += row->reply_class == 0 || row->reply_class == 1;
            solved += row->reply_class == 0;
          }
      }
    }
  for (guint i = 0; i < world->receptions->len; i++)
    {
      const Reception *r = g_ptr_array_index (world->receptions, i);
      g_autofree char *k_station = g_strdup_printf ("s:%" G_GINT64_FORMAT, r->station_id);
      DdAnalyticsGroup *g;

      if (!in_period (r->held_on, filter) ||
          (filter->district != NULL && g_strcmp0 (filter->district, r->district) != 0))
        continue;
      g = expected (table, k_station);
      g->receptions++;
      g->voters_received += r->voters;
      receptions++;
      voters += r->voters;
      petitions += r->petitions;
      for (guint j = 0; j < r->deputies->len; j++)
        g_hash_table_add (deputies, g_memdup2 (&g_array_index (r->deputies, gint64, j), sizeof (gint64)));
    }

  assert_group (a->overall, all);
  {
    /* The totals alone: the same overall group, kinds and receptions. */
    g_autoptr(GError) error = NULL;
    g_autoptr(DdAnalytics) t = dd_analytics_compute_totals (store, filter, NULL, &error);

    g_assert_no_error (error);
    assert_group (t->overall, all);
    assert_groups (t->kinds, table, "k");
    g_assert_cmpuint (t->units->len + t->stations->len + t->categories->len + t->years->len, ==, 0);
    g_assert_cmpuint (t->months->len, ==, 0);
    g_assert_cmpint (t->receptions, ==, a->receptions);
    g_assert_cmpint (t->voters_received, ==, a->voters_received);
    g_assert_cmpint (t->petitions_handled, ==, a->petitions_handled);
    g_assert_cmpint (t->deputies_receiving_voters, ==, a->deputies_receiving_voters);
    g_assert_cmpint (t->opinions_adopted, ==, a->opinions_adopted);
  }
  assert_groups (a->units, table, "u");
  assert_groups (a->stations, table, "s");
  assert_groups (a->categories, table, "c");
  assert_groups (a->kinds, table, "k");
  assert_groups (a->years, table, "y");
  g_assert_cmpuint (a->kinds->len, ==, 2);
  g_assert_cmpint (a->receptions, ==, receptions);
  g_assert_cmpint (a->voters_received, ==, voters);
  g_assert_cmpint (a->petitions_handled, ==, petitions);
  g_assert_cmpint (a->deputies_receiving_voters, ==, g_hash_table_size (deputies));
  g_assert_cmpint (a->opinions_recorded, ==, opinions);
  g_assert_cmpint (a->opinions_adopted, ==, adopted);
  g_assert_cmpint (a->opinions_solved, ==, solved);

  /* Months: every month of the period once, in order, with its counts. */
  for (guint i = 0; i < a->months->len; i++)
    {
      const DdAnalyticsMonth *m = &g_array_index (a->months, DdAnalyticsMonth, i);

      g_assert_cmpint (m->intake, ==, GPOINTER_TO_INT (g_hash_table_lookup (intake, m->month)));
      g_assert_cmpint (m->closed, ==, GPOINTER_TO_INT (g_hash_table_lookup (closed, m->month)));
      g_hash_table_remove (intake, m->month);
      g_hash_table_remove (closed, m->month);
      if (i > 0)
        g_assert_cmpstr (g_array_index (a->months, DdAnalyticsMonth, i - 1).month, <, m->month);
    }
  g_assert_cmpuint (g_hash_table_size (intake), ==, 0);
  g_assert_cmpuint (g_hash_table_size (closed), ==, 0);
  if (filter->from != NULL && filter->to != NULL && dd_analytics_filter_get_year (filter) != 0)
    g_assert_cmpuint (a->months->len, ==, 12);

  /* The ranking: scores by the formula; units with enough replies ranked
   * in order, then those with a score on too few replies, then unknown. */
  for (guint i = 0; i < a->units->len; i++)
    {
      const DdAnalyticsGroup *g = g_ptr_array_index (a->units, i);
      g_autofree char *k = g_strconcat ("u:", g->key, NULL);
      const DdAnalyticsGroup *e = g_hash_table_lookup (table, k);
      double want = expected_score (e, &a->weights);
      gint64 replies = e->classes[0] + e->classes[1] + e->classes[2];
      int tier = isnan (want) ? 2 : replies >= a->min_replies ? 0 : 1;

      g_assert_cmpint (tier, >=, tier_seen);
      if (tier != tier_seen)
        previous = INFINITY;
      tier_seen = tier;
      if (tier == 2)
        {
          g_assert_true (isnan (g->score));
          g_assert_cmpint (g->rank, ==, 0);
          continue;
        }
      g_assert_cmpfloat_with_epsilon (g->score, want, 1e-9);
      g_assert_cmpfloat (g->score, <=, previous);
      g_assert_cmpint (g->rank, ==, tier == 0 ? (int) i + 1 : 0);
      previous = g->score;
    }
}

static gint64
query_int (DdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = prepare (store, sql);
  gint64 value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (DdStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = prepare (store, sql);
  char *value = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = text_or_null (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_demo (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  DdDemoOptions options = { DD_DEMO_SMALL, seed, TODAY, NULL, NULL };
  World *world;
  g_autoptr(DdAnalyticsFilter) filter = NULL;
  g_autofree char *district = NULL;
  g_autofree char *category = NULL;
  gint64 unit;
  int first_year, last_year;
  const DdRankingWeights weights = { 0.5, 0.1, 0.9 };

  g_assert_no_error (error);
  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  dd_store_set_frozen_time (store, TODAY "T12:00:00");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions"), >, 100);
  /* The demo has what the checks need. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM evaluations"), >, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestion_proposers"), >,
                   query_int (store, "SELECT count(*) FROM suggestions"));

  world = load_world (store);
  first_year = (int) query_int (store, "SELECT min(substr(registered_on, 1, 4)) FROM suggestions");
  last_year = (int) query_int (store, "SELECT max(substr(registered_on, 1, 4)) FROM suggestions");
  unit = query_int (store, "SELECT unit_id FROM suggestion_units WHERE role = 'lead'"
                           " GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1");
  district = query_text (store, "SELECT district FROM stations WHERE district IS NOT NULL"
                                " GROUP BY district ORDER BY count(*) DESC LIMIT 1");
  category = query_text (store, "SELECT category FROM suggestions GROUP BY category"
                                " ORDER BY count(*) DESC LIMIT 1");

  filter = dd_analytics_filter_new ();
  check_against_world (store, world, filter);
  {
    /* The demo exercises every figure. */
    g_autoptr(DdAnalytics) a = compute (store, filter);

    g_assert_cmpint (a->overall->evaluated, >, 0);
    g_assert_cmpint (a->overall->verdicts[2], >, 0);
    g_assert_cmpint (a->overall->replies_timed, >, a->overall->replies_on_time);
    g_assert_cmpint (a->overall->replies_on_time, >, 0);
    g_assert_cmpint (a->overall->classes[2], >, 0);
    g_assert_cmpint (a->receptions, >, 0);
    g_assert_cmpint (a->opinions_solved, >, 0);
    g_assert_cmpuint (a->units->len, >, 3);
    g_assert_cmpuint (a->stations->len, >, 3);
    g_assert_cmpuint (a->months->len, >, 12);
  }
  for (int year = first_year; year <= last_year + 1; year++)
    {
      dd_analytics_filter_set_year (filter, year);
      check_against_world (store, world, filter);
    }
  dd_analytics_filter_set_year (filter, last_year);
  filter->unit_id = unit;
  check_against_world (store, world, filter);
  filter->unit_id = 0;
  filter->category = g_strdup (category);
  check_against_world (store, world, filter);
  g_clear_pointer (&filter->category, g_free);
  filter->kind = g_strdup ("voter_opinion");
  check_against_world (store, world, filter);
  g_free (filter->kind);
  filter->kind = g_strdup ("deputy_suggestion");
  check_against_world (store, world, filter);
  g_clear_pointer (&filter->kind, g_free);
  filter->district = g_strdup (district);
  check_against_world (store, world, filter);
  /* A half year and open bounds. */
  g_clear_pointer (&filter->district, g_free);
  g_free (filter->to);
  filter->to = g_strdup_printf ("%04d-07-01", last_year);
  check_against_world (store, world, filter);
  g_clear_pointer (&filter->from, g_free);
  check_against_world (store, world, filter);

  /* Other ranking weights. */
  g_assert_true (dd_ranking_weights_set (store, &weights, &error));
  g_assert_no_error (error);
  dd_analytics_filter_set_year (filter, last_year);
  check_against_world (store, world, filter);

  /* The replies a unit needs: 1 (every unit with a score ranked, the old
   * order) and more than any unit has (none ranked, all by score). */
  g_assert_cmpint (dd_ranking_min_replies_get (store), ==, DD_RANKING_MIN_REPLIES_DEFAULT);
  g_assert_true (dd_ranking_min_replies_set (store, 1, &error));
  g_assert_no_error (error);
  check_against_world (store, world, filter);
  g_assert_true (dd_ranking_min_replies_set (store, DD_RANKING_MIN_REPLIES_MAX, &error));
  g_assert_no_error (error);
  check_against_world (store, world, filter);
  {
    g_autoptr(DdAnalytics) a = compute (store, filter);

    for (guint i = 0; i < a->units->len; i++)
      g_assert_cmpint (((DdAnalyticsGroup *) a->units->pdata[i])->rank, ==, 0);
  }

  world_free (world);
}

/* In a worker thread over a file, and cancelled. */

typedef struct
{
  GMainLoop   *loop;
  DdAnalytics *result;
  GError      *error;
} Wait;

static void
ready (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  Wait *wait = user_data;

  g_assert_null (source);
  wait->result = dd_analytics_compute_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
test_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-analytics-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "desk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
  g_autoptr(DdAnalyticsFilter) filter = dd_analytics_filter_new_year (2024);
  g_autoptr(DdAnalytics) sync = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  g_assert_no_error (error);
  g_assert_true (dd_store_exec (store, dataset, &error));
  dd_store_set_frozen_time (store, TODAY "T10:00:00");
  sync = compute (store, filter);

  dd_analytics_compute_async (store, filter, NULL, ready, &wait);
  g_main_loop_run (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.result);
  g_assert_cmpint (wait.result->overall->suggestions, ==, sync->overall->suggestions);
  g_assert_cmpint (wait.result->overall->overdue, ==, 1);
  g_assert_cmpint (wait.result->deputies_receiving_voters, ==, sync->deputies_receiving_voters);
  g_assert_cmpuint (wait.result->units->len, ==, sync->units->len);
  g_clear_pointer (&wait.result, dd_analytics_unref);

  g_cancellable_cancel (cancellable);
  dd_analytics_compute_async (store, filter, cancellable, ready, &wait);
  g_main_loop_run (wait.loop);
  g_assert_null (wait.result);
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
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/hand/year", test_hand_year);
  g_test_add_func ("/analytics/hand/min-replies", test_min_replies);
  g_test_add_func ("/analytics/hand/filters", test_hand_filters);
  g_test_add_func ("/analytics/hand/empty-period", test_empty_period);
  g_test_add_func ("/analytics/bad-filters", test_bad_filters);
  g_test_add_func ("/analytics/cancelled", test_cancelled);
  g_test_add_func ("/analytics/filter-helpers", test_filter_helpers);
  g_test_add_func ("/analytics/weights", test_weights);
  g_test_add_data_func ("/analytics/demo/seed-2", GUINT_TO_POINTER (2), test_demo);
  g_test_add_data_func ("/analytics/demo/seed-11", GUINT_TO_POINTER (11), test_demo);
  g_test_add_data_func ("/analytics/demo/seed-2024", GUINT_TO_POINTER (2024), test_demo);
  g_test_add_func ("/analytics/async", test_async);

  return g_test_run ();
}
