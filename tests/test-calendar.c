/* test-calendar.c: working days around Spring Festival 2024 and 2025 and
 * National Day 2025 with their make-up weekend days, adding and counting
 * working days across them, the 3-month deadline and its clamping, the
 * shipped calendar copied once, holidays edited and audited, the deadline
 * rules, and the due-soon / overdue flags at a frozen time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-calendar.h"
#include "dd-model-error.h"
#include "dd-settings.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"

/* Helpers */

static DdStore *
make_store (const char *now)
{
  g_autoptr(GError) error = NULL;
  DdStore *store = dd_store_new_in_memory (&error);

  g_assert_no_error (error);
  dd_store_set_frozen_time (store, now);
  dd_store_set_operator (store, "测试员");
  return store;
}

static gint64
query_int (DdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
assert_working (DdStore    *store,
                const char *day,
                gboolean    expected)
{
  if (dd_calendar_is_working_day (store, day) != expected)
    g_error ("%s should %sbe a working day", day, expected ? "" : "not ");
}

static void
assert_add (DdStore    *store,
            const char *day,
            int         n,
            const char *expected)
{
  g_autofree char *result = dd_calendar_add_working_days (store, day, n);

  if (g_strcmp0 (result, expected) != 0)
    g_error ("%s + %d working days: expected %s, got %s", day, n, expected, result);
  /* Counting back gives the same number, whatever lies between. */
  g_assert_cmpint (dd_calendar_working_days_between (store, day, result), ==, n);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* Tests */

static void
test_spring_festival_2024 (void)
{
  g_autoptr(DdStore) store = make_store ("2025-03-15T09:30:00");

  /* 2024-02-10 … 02-17 off; Sunday 02-04 and Sunday 02-18 worked. */
  assert_working (store, "2024-02-03", FALSE);  /* Saturday */
  assert_working (store, "2024-02-04", TRUE);   /* Sunday, make-up */
  assert_working (store, "2024-02-09", TRUE);   /* New Year's Eve: only recommended off */
  for (int d = 10; d <= 17; d++)
    {
      g_autofree char *day = g_strdup_printf ("2024-02-%02d", d);
      assert_working (store, day, FALSE);
    }
  assert_working (store, "2024-02-18", TRUE);   /* Sunday, make-up */
  assert_working (store, "2024-02-19", TRUE);
  assert_working (store, "2024-02-24", FALSE);

  assert_add (store, "2024-02-02", 1, "2024-02-04");
  assert_add (store, "2024-02-08", 1, "2024-02-09");
  assert_add (store, "2024-02-08", 2, "2024-02-18");
  assert_add (store, "2024-02-08", 3, "2024-02-19");
  assert_add (store, "2024-02-12", 1, "2024-02-18");
  /* Counting from a holiday: zero is the day itself. */
  assert_add (store, "2024-02-12", 0, "2024-02-12");
  g_assert_cmpint (dd_calendar_working_days_between (store, "2024-02-09", "2024-02-17"), ==, 0);
  g_assert_cmpint (dd_calendar_working_days_between (store, "2024-02-17", "2024-02-09"), ==, 0);
  g_assert_cmpint (dd_calendar_working_days_between (store, "2024-02-01", "2024-02-29"), ==, 17);
}

static void
test_spring_festival_2025 (void)
{
  g_autoptr(DdStore) store = make_store ("2025-03-15T09:30:00");

  /* The first year of the new rules: 01-28 (eve) … 02-04 off; Sunday 01-26
   * and Saturday 02-08 worked. */
  assert_working (store, "2025-01-25", FALSE);
  assert_working (store, "2025-01-26", TRUE);
  assert_working (store, "2025-01-27", TRUE);
  for (int d = 28; d <= 35; d++)
    {
      g_autofree char *day = d <= 31 ? g_strdup_printf ("2025-01-%02d", d)
                                     : g_strdup_printf ("2025-02-%02d", d - 31);
      assert_working (store, day, FALSE);
    }
  assert_working (store, "2025-02-05", TRUE);
  assert_working (store, "2025-02-08", TRUE);
  assert_working (store, "2025-02-09", FALSE);
  assert_working (store, "2025-01-01", FALSE);

  assert_add (store, "2025-01-24", 1, "2025-01-26");
  assert_add (store, "2025-01-24", 2, "2025-01-27");
  assert_add (store, "2025-01-24", 3, "2025-02-05");
  assert_add (store, "2025-01-24", 6, "2025-02-08");
  assert_add (store, "2025-01-24", 7, "2025-02-10");
  g_assert_cmpint (dd_calendar_working_days_between (store, "2025-02-10", "2025-01-24"), ==, -7);
}

static void
test_national_day_2025 (void)
{
  g_autoptr(DdStore) store = make_store ("2025-11-15T09:30:00");

  /* 10-01 … 10-08 off (with Mid-Autumn); Sunday 09-28 and Saturday 10-11 worked. */
  assert_working (store, "2025-09-27", FALSE);
  assert_working (store, "2025-09-28", TRUE);
  assert_working (store, "2025-09-30", TRUE);
  for (int d = 1; d <= 8; d++)
    {
      g_autofree char *day = g_strdup_printf ("2025-10-%02d", d);
      assert_working (store, day, FALSE);
    }
  assert_working (store, "2025-10-09", TRUE);
  assert_working (store, "2025-10-10", TRUE);
  assert_working (store, "2025-10-11", TRUE);   /* Saturday, make-up */
  assert_working (store, "2025-10-12", FALSE);

  assert_add (store, "2025-09-26", 1, "2025-09-28");
  assert_add (store, "2025-09-26", 3, "2025-09-30");
  assert_add (store, "2025-09-26", 4, "2025-10-09");
  assert_add (store, "2025-09-26", 5, "2025-10-10");
  assert_add (store, "2025-09-26", 6, "2025-10-11");
  assert_add (store, "2025-09-26", 7, "2025-10-13");
  assert_add (store, "2025-09-26", 15, "2025-10-23");
  g_assert_cmpint (dd_calendar_working_days_between (store, "2025-09-30", "2025-10-08"), ==, 0);

  /* 2026, as published: Saturdays 02-14 and 02-28 and Sunday 09-20 worked. */
  assert_working (store, "2026-02-14", TRUE);
  assert_working (store, "2026-02-23", FALSE);
  assert_working (store, "2026-02-28", TRUE);
  assert_working (store, "2026-09-20", TRUE);
  assert_working (store, "2026-10-10", TRUE);
  assert_working (store, "2026-10-07", FALSE);
}

/* add and between are inverse over four years, against a plain day-by-day walk. */
static void
test_add_and_between_agree (void)
{
  g_autoptr(DdStore) store = make_store ("2025-03-15T09:30:00");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, G_DATE_DECEMBER, 2022);
  while (g_date_get_year (&date) < 2027)
    {
      g_autofree char *day = format_date (&date);
      static const int steps[] = { 0, 1, 2, 5, 15, 40 };

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          g_autofree char *end = dd_calendar_add_working_days (store, day, steps[i]);
          GDate walk = date;
          int counted = 0;

          g_assert_cmpint (dd_calendar_working_days_between (store, day, end), ==, steps[i]);
          while (counted < steps[i])
            {
              g_autofree char *next = NULL;

              g_date_add_days (&walk, 1);
              next = format_date (&walk);
              if (dd_calendar_is_working_day (store, next))
                counted++;
            }
          {
            g_autofree char *walked = format_date (&walk);
            g_assert_cmpstr (walked, ==, end);
          }
        }
      g_date_add_days (&date, 3);
    }
}

static void
test_add_months (void)
{
  static const struct { const char *from; int months; const char *to; } cases[] = {
    { "2025-11-30", 3, "2026-02-28" },
    { "2024-11-30", 3, "2025-02-28" },
    { "2023-11-30", 3, "2024-02-29" },   /* 2024 is a leap year */
    { "2025-01-31", 1, "2025-02-28" },
    { "2024-01-31", 1, "2024-02-29" },
    { "2025-12-31", 3, "2026-03-31" },
    { "2025-10-15", 3, "2026-01-15" },
    { "2025-08-31", 3, "2025-11-30" },
    { "2025-03-01", 0, "2025-03-01" },
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *to = dd_calendar_add_months (cases[i].from, cases[i].months);
      g_assert_cmpstr (to, ==, cases[i].to);
    }

  /* Every day of four years, against "the same day, or the month's last". */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2023);
  while (g_date_get_year (&date) < 2027)
    {
      g_autofree char *day = format_date (&date);
      g_autofree char *to = dd_calendar_add_months (day, 3);
      guint m = g_date_get_month (&date) + 3;
      guint y = g_date_get_year (&date) + (m > 12);
      guint d;
      g_autofree char *expected = NULL;

      m = m > 12 ? m - 12 : m;
      d = MIN ((guint) g_date_get_day (&date), (guint) g_date_get_days_in_month (m, y));
      expected = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
      g_assert_cmpstr (to, ==, expected);
      g_date_add_days (&date, 1);
    }
}

static void
test_deadlines (void)
{
  g_autoptr(DdStore) store = make_store ("2025-12-01T09:00:00");
  g_autoptr(GError) error = NULL;
  DdDeadlineRules rules;
  const DdDeadlineRules defaults = DD_DEADLINE_RULES_DEFAULT;
  struct { const char *kind; const char *assigned; const char *deadline; } cases[] = {
    /* Three months to a make-up Saturday: a working day, kept. */
    { "deputy_suggestion", "2025-11-30", "2026-02-28" },
    { "deputy_suggestion", "2024-11-30", "2025-02-28" },
    { "deputy_suggestion", "2023-11-30", "2024-02-29" },
    /* Three months into Spring Festival 2025: the first working day after it. */
    { "deputy_suggestion", "2024-11-01", "2025-02-05" },
    { "deputy_suggestion", "2024-10-30", "2025-02-05" },
    /* … onto an ordinary Sunday: the Monday. */
    { "deputy_suggestion", "2025-06-07", "2025-09-08" },
    /* Fifteen working days across National Day 2025. */
    { "voter_opinion", "2025-09-26", "2025-10-23" },
    { "voter_opinion", "2025-09-30", "2025-10-28" },
  };

  dd_deadline_rules_get (store, &rules);
  g_assert_cmpmem (&rules, sizeof rules, &defaults, sizeof defaults);
  g_assert_cmpint (rules.suggestion_months, ==, 3);
  g_assert_cmpint (rules.opinion_working_days, ==, 15);
  g_assert_cmpint (rules.unit_return_working_days, ==, 5);
  g_assert_cmpint (rules.due_soon_working_days, ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *deadline = dd_calendar_dup_deadline (store, cases[i].kind, cases[i].assigned);
      g_assert_cmpstr (deadline, ==, cases[i].deadline);
    }

  /* The rules are settings: ten working days for voters' opinions, two months. */
  rules.opinion_working_days = 10;
  rules.suggestion_months = 2;
  g_assert_true (dd_deadline_rules_set (store, &rules, &error));
  g_assert_no_error (error);
  {
    g_autofree char *opinion = dd_calendar_dup_deadline (store, "voter_opinion", "2025-09-26");
    g_autofree char *suggestion = dd_calendar_dup_deadline (store, "deputy_suggestion", "2025-12-07");
    g_autofree char *stored = dd_settings_dup (store, DD_SETTING_DEADLINE_OPINION_WORKING_DAYS);

    g_assert_cmpstr (opinion, ==, "2025-10-16");
    g_assert_cmpstr (suggestion, ==, "2026-02-09");  /* 02-07 is an ordinary Saturday */
    g_assert_cmpstr (stored, ==, "10");
  }
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'settings' "
                                     "AND field = 'deadline-opinion-working-days' "
                                     "AND new_value = '10' AND operator = '测试员'"), ==, 1);

  /* Out of range: refused, nothing written. */
  {
    DdDeadlineRules bad = rules;
    gint64 audits = query_int (store, "SELECT count(*) FROM audit_log");

    bad.unit_return_working_days = 0;
    g_assert_false (dd_deadline_rules_set (store, &bad, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_clear_error (&error);
    bad = rules;
    bad.suggestion_months = 13;
    g_assert_false (dd_deadline_rules_set (store, &bad, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, audits);
  }

  /* A malformed stored value falls back to the default. */
  g_assert_true (dd_settings_set (store, DD_SETTING_DUE_SOON_WORKING_DAYS, "soon", &error));
  g_assert_no_error (error);
  dd_deadline_rules_get (store, &rules);
  g_assert_cmpint (rules.due_soon_working_days, ==, 5);
}

static void
test_shipped_once (void)
{
  g_autoptr(DdStore) store = make_store ("2025-03-15T09:30:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) year = NULL;
  g_autofree char *shipped = NULL;
  gint64 audits;

  /* A new database has no holidays until the calendar is first used. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM holidays"), ==, 0);
  assert_working (store, "2025-10-01", FALSE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM holidays"), ==, 142);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM holidays WHERE kind = 'workday' "
                                     "AND strftime('%w', day) NOT IN ('0', '6')"), ==, 0);
  shipped = dd_settings_dup (store, DD_SETTING_HOLIDAYS_SHIPPED);
  g_assert_cmpstr (shipped, ==, "2023-2026");
  g_assert_cmpstr (dd_calendar_get_shipped_years (), ==, "2023-2026");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'holidays' "
                                     "AND field = 'shipped' AND operator = '测试员' "
                                     "AND changed_at = '2025-03-15T09:30:00'"), ==, 1);

  /* The year's list: 2024 has 28 days off and 8 make-up days. */
  year = dd_calendar_list_holidays (store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->len, ==, 36);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM holidays WHERE day LIKE '2024-%' "
                                     "AND kind = 'workday'"), ==, 8);
  g_assert_cmpstr (((DdHoliday *) g_ptr_array_index (year, 0))->day, ==, "2024-01-01");
  g_assert_cmpstr (((DdHoliday *) g_ptr_array_index (year, 0))->name, ==, "元旦");
  g_assert_cmpstr (((DdHoliday *) g_ptr_array_index (year, 1))->day, ==, "2024-02-04");
  g_assert_cmpstr (((DdHoliday *) g_ptr_array_index (year, 1))->kind, ==, "workday");

  /* An office that deletes them all is not refilled. */
  audits = query_int (store, "SELECT count(*) FROM audit_log");
  g_assert_true (dd_store_exec (store, "DELETE FROM holidays", NULL));
  g_assert_true (dd_calendar_ensure_holidays (store, &error));
  g_assert_no_error (error);
  assert_working (store, "2025-10-01", TRUE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM holidays"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, audits);
}

/* A read-only connection to a database never copied into uses the shipped
 * calendar and writes nothing. */
static void
test_shipped_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dd-calendar-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "desk.sqlite", NULL);
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdStore) reader = NULL;

  g_assert_no_error (error);
  store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  reader = dd_store_open_reader (store, &error);
  g_assert_no_error (error);

  assert_working (reader, "2025-10-08", FALSE);
  assert_working (reader, "2025-10-11", TRUE);
  assert_add (reader, "2025-09-26", 6, "2025-10-11");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM holidays"), ==, 0);

  g_clear_object (&reader);
  g_clear_object (&store);
  {
    static const char * const suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_remove (file);
      }
  }
  g_rmdir (dir);
}

static void
test_edit_holidays (void)
{
  g_autoptr(DdStore) store = make_store ("2025-10-20T16:00:00");
  g_autoptr(GError) error = NULL;
  gint64 rows, audits;

  g_assert_true (dd_calendar_ensure_holidays (store, &error));
  g_assert_no_error (error);
  rows = query_int (store, "SELECT count(*) FROM holidays");
  audits = query_int (store, "SELECT count(*) FROM audit_log");

  /* Refused: not a date, an unknown kind, a make-up workday on a weekday. */
  g_assert_false (dd_calendar_set_holiday (store, "2025-11-31", "holiday", "x", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dd_calendar_set_holiday (store, "2025-11-03", "vacation", "x", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dd_calendar_set_holiday (store, "2025-11-03", "workday", "x", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Saturday or Sunday"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM holidays"), ==, rows);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, audits);

  /* A local day off, then a make-up Saturday for it. */
  g_assert_true (dd_calendar_set_holiday (store, "2025-11-03", "holiday", " 地方假日 ", &error));
  g_assert_no_error (error);
  g_assert_true (dd_calendar_set_holiday (store, "2025-11-08", "workday", "地方假日", &error));
  g_assert_no_error (error);
  assert_working (store, "2025-11-03", FALSE);
  assert_working (store, "2025-11-08", TRUE);
  assert_add (store, "2025-10-31", 1, "2025-11-04");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'holidays' "
                                     "AND entity_id = 20251103 AND field = 'kind' "
                                     "AND old_value IS NULL AND new_value = 'holiday' "
                                     "AND operator = '测试员'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'holidays' "
                                     "AND entity_id = 20251103 AND field = 'name' "
                                     "AND new_value = '地方假日'"), ==, 1);

  /* Setting the same again writes nothing; removing is audited; twice is not found. */
  audits = query_int (store, "SELECT count(*) FROM audit_log");
  g_assert_true (dd_calendar_set_holiday (store, "2025-11-03", "holiday", "地方假日", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, audits);
  g_assert_true (dd_calendar_remove_holiday (store, "2025-11-03", &error));
  g_assert_no_error (error);
  assert_working (store, "2025-11-03", TRUE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'holidays' "
                                     "AND entity_id = 20251103 AND field = 'kind' "
                                     "AND old_value = 'holiday' AND new_value IS NULL"), ==, 1);
  g_assert_false (dd_calendar_remove_holiday (store, "2025-11-03", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A shipped day removed stays removed. */
  g_assert_true (dd_calendar_remove_holiday (store, "2025-10-08", &error));
  g_assert_no_error (error);
  g_assert_true (dd_calendar_ensure_holidays (store, &error));
  assert_working (store, "2025-10-08", TRUE);
}

static DdSuggestion *
suggestion_in (const char *state,
               const char *deadline)
{
  DdSuggestion *suggestion = dd_suggestion_new ();

  g_object_set (suggestion, "kind", "deputy_suggestion", "title", "关于完善社区养老服务的建议",
                "registered-on", "2025-06-02", "state", state, "assigned-on", "2025-06-10",
                "deadline-on", deadline, NULL);
  return suggestion;
}

static void
assert_status (DdStore          *store,
               const char       *state,
               const char       *deadline,
               DdDeadlineStatus  expected,
               int               expected_left)
{
  g_autoptr(DdSuggestion) suggestion = suggestion_in (state, deadline);
  int left = 99;
  DdDeadlineStatus status = dd_suggestion_deadline_status (store, suggestion, &left);

  if (status != expected || left != expected_left)
    g_error ("%s, due %s: expected %s with %d working days left, got %s with %d",
             state, deadline, dd_deadline_status_to_code (expected), expected_left,
             dd_deadline_status_to_code (status), left);
}

static void
test_deadline_status (void)
{
  g_autoptr(DdStore) store = make_store ("2025-09-26T10:00:00");   /* a Friday before National Day */
  g_autoptr(GError) error = NULL;
  DdDeadlineRules rules;

  /* Five working days ahead lie across the holiday: 09-28, 29, 30, 10-09, 10-10. */
  assert_status (store, "assigned", "2025-10-10", DD_DEADLINE_DUE_SOON, 5);
  assert_status (store, "handling", "2025-10-10", DD_DEADLINE_DUE_SOON, 5);
  assert_status (store, "handling", "2025-10-11", DD_DEADLINE_NONE, 6);
  assert_status (store, "handling", "2025-10-03", DD_DEADLINE_DUE_SOON, 3);
  assert_status (store, "handling", "2025-09-26", DD_DEADLINE_DUE_SOON, 0);
  assert_status (store, "handling", "2025-09-25", DD_DEADLINE_OVERDUE, -1);
  assert_status (store, "assigned", "2025-09-01", DD_DEADLINE_OVERDUE, -19);
  /* A reply stops the clock; no deadline, no flag. */
  assert_status (store, "replied", "2025-09-01", DD_DEADLINE_NONE, 0);
  assert_status (store, "closed", "2025-09-01", DD_DEADLINE_NONE, 0);
  assert_status (store, "handling", NULL, DD_DEADLINE_NONE, 0);

  /* During the holiday, the first working day after it is one day away. */
  dd_store_set_frozen_time (store, "2025-10-05T10:00:00");
  assert_status (store, "handling", "2025-10-09", DD_DEADLINE_DUE_SOON, 1);
  assert_status (store, "handling", "2025-10-03", DD_DEADLINE_OVERDUE, 0);

  /* The window is a setting. */
  dd_deadline_rules_get (store, &rules);
  rules.due_soon_working_days = 0;
  g_assert_true (dd_deadline_rules_set (store, &rules, &error));
  g_assert_no_error (error);
  assert_status (store, "handling", "2025-10-09", DD_DEADLINE_NONE, 1);
  assert_status (store, "handling", "2025-10-05", DD_DEADLINE_DUE_SOON, 0);

  g_assert_cmpstr (dd_deadline_status_to_code (DD_DEADLINE_OVERDUE), ==, "overdue");
  g_assert_cmpstr (dd_deadline_status_get_label (DD_DEADLINE_DUE_SOON), ==, "Due soon");
  g_assert_true (G_TYPE_IS_ENUM (DD_TYPE_DEADLINE_STATUS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/spring-festival-2024", test_spring_festival_2024);
  g_test_add_func ("/calendar/spring-festival-2025", test_spring_festival_2025);
  g_test_add_func ("/calendar/national-day-2025", test_national_day_2025);
  g_test_add_func ("/calendar/add-and-between-agree", test_add_and_between_agree);
  g_test_add_func ("/calendar/add-months", test_add_months);
  g_test_add_func ("/calendar/deadlines", test_deadlines);
  g_test_add_func ("/calendar/shipped-once", test_shipped_once);
  g_test_add_func ("/calendar/shipped-read-only", test_shipped_read_only);
  g_test_add_func ("/calendar/edit-holidays", test_edit_holidays);
  g_test_add_func ("/calendar/deadline-status", test_deadline_status);

  return g_test_run ();
}
