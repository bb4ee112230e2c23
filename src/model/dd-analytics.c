/* dd-analytics.c: the statistics of issue 5
 *
 * Four queries over the suggestions matching the filter, each aggregated
 * by SQLite, read back and rolled up here into the groups:
 *  1. the suggestions' facts (state, overdue, latest reply, on time) grouped
 *     by (lead unit, station, category, kind, year);
 *  2. the proposers' verdicts grouped by the same keys and the verdict;
 *  3. intake and closures by month;
 *  4. receptions by station, and the distinct deputies on them.
 * So a suggestion's latest reply and verdicts are looked up once, not once
 * a group. Definitions: dd-analytics.h and README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-analytics"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-analytics.h"
#include "dd-codes.h"
#include "dd-model-error.h"
#include "dd-settings.h"
#include "dd-store-private.h"
#include "dd-utils.h"

G_STATIC_ASSERT (DD_N_STATES == 10);
G_STATIC_ASSERT (DD_N_KINDS == 2);

/* Filter */

DdAnalyticsFilter *
dd_analytics_filter_new (void)
{
  return g_new0 (DdAnalyticsFilter, 1);
}

DdAnalyticsFilter *
dd_analytics_filter_new_year (int year)
{
  DdAnalyticsFilter *filter = dd_analytics_filter_new ();

  dd_analytics_filter_set_year (filter, year);
  return filter;
}

DdAnalyticsFilter *
dd_analytics_filter_copy (const DdAnalyticsFilter *filter)
{
  DdAnalyticsFilter *copy = dd_analytics_filter_new ();

  if (filter == NULL)
    return copy;
  copy->from = g_strdup (filter->from);
  copy->to = g_strdup (filter->to);
  copy->district = g_strdup (filter->district);
  copy->unit_id = filter->unit_id;
  copy->category = g_strdup (filter->category);
  copy->kind = g_strdup (filter->kind);
  return copy;
}

void
dd_analytics_filter_free (DdAnalyticsFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->from);
  g_free (filter->to);
  g_free (filter->district);
  g_free (filter->category);
  g_free (filter->kind);
  g_free (filter);
}

G_DEFINE_BOXED_TYPE (DdAnalyticsFilter, dd_analytics_filter,
                     dd_analytics_filter_copy, dd_analytics_filter_free)

void
dd_analytics_filter_set_year (DdAnalyticsFilter *filter,
                              int                year)
{
  g_return_if_fail (filter != NULL);

  g_free (filter->from);
  g_free (filter->to);
  filter->from = g_strdup_printf ("%04d-01-01", year);
  filter->to = g_strdup_printf ("%04d-01-01", year + 1);
}

int
dd_analytics_filter_get_year (const DdAnalyticsFilter *filter)
{
  int year;
  g_autofree char *to = NULL;

  if (filter == NULL || filter->from == NULL || filter->to == NULL ||
      !dd_date_is_valid (filter->from) || !g_str_has_suffix (filter->from, "-01-01"))
    return 0;
  year = atoi (filter->from);
  to = g_strdup_printf ("%04d-01-01", year + 1);
  return g_str_equal (to, filter->to) ? year : 0;
}

gboolean
dd_analytics_filter_equal (const DdAnalyticsFilter *a,
                           const DdAnalyticsFilter *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->from, b->from) == 0 && g_strcmp0 (a->to, b->to) == 0 &&
         g_strcmp0 (a->district, b->district) == 0 && a->unit_id == b->unit_id &&
         g_strcmp0 (a->category, b->category) == 0 && g_strcmp0 (a->kind, b->kind) == 0;
}

/* (transfer full): the day before @date, or NULL if it is not a date. */
static char *
day_before (const char *date)
{
  GDate d;

  if (date == NULL || !dd_date_is_valid (date))
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, atoi (date + 8), atoi (date + 5), atoi (date));
  g_date_subtract_days (&d, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

char *
dd_analytics_filter_dup_period_label (const DdAnalyticsFilter *filter)
{
  int year = dd_analytics_filter_get_year (filter);
  g_autofree char *last = NULL;

  if (year != 0)
    return g_strdup_printf ("%d", year);
  last = day_before (filter != NULL ? filter->to : NULL);
  if (filter != NULL && filter->from != NULL && last != NULL)
    /* TRANSLATORS: a period: first day – last day */
    return g_strdup_printf (_("%s – %s"), filter->from, last);
  if (last != NULL)
    /* TRANSLATORS: a period with no first day; %s is the last day */
    return g_strdup_printf (_("up to %s"), last);
  if (filter != NULL && filter->from != NULL)
    /* TRANSLATORS: a period with no last day; %s is the first day */
    return g_strdup_printf (_("from %s"), filter->from);
  return g_strdup (_("all dates"));
}

/* Rates */

double
dd_analytics_share (gint64 part,
                    gint64 whole)
{
  if (whole <= 0)
    return NAN;
  return (double) part / (double) whole;
}

gboolean
dd_analytics_rate_known (double rate)
{
  return !isnan (rate);
}

char *
dd_analytics_format_rate (double rate)
{
  if (isnan (rate))
    return g_strdup (_("no data"));
  return g_strdup_printf ("%.1f%%", rate * 100.0);
}

/* Ranking weights */

static const char * const weight_keys[] = {
  DD_SETTING_RANKING_WEIGHT_ON_TIME,
  DD_SETTING_RANKING_WEIGHT_CLASSES,
  DD_SETTING_RANKING_WEIGHT_SATISFACTION,
};

static gboolean
weight_is_valid (double w)
{
  return !isnan (w) && w >= 0.0 && w <= 1.0;
}

void
dd_ranking_weights_get (DdStore          *store,
                        DdRankingWeights *weights)
{
  const DdRankingWeights defaults = DD_RANKING_WEIGHTS_DEFAULT;
  double *fields[] = { &weights->on_time, &weights->classes, &weights->satisfaction };

  g_return_if_fail (DD_IS_STORE (store));
  g_return_if_fail (weights != NULL);

  *weights = defaults;
  for (guint i = 0; i < G_N_ELEMENTS (weight_keys); i++)
    {
      g_autofree char *text = dd_settings_dup (store, weight_keys[i]);
      char *end = NULL;
      double w;

      if (text == NULL)
        continue;
      w = g_ascii_strtod (text, &end);
      if (end != text && *end == '\0' && weight_is_valid (w))
        *fields[i] = w;
    }
  if (weights->on_time + weights->classes + weights->satisfaction <= 0.0)
    *weights = defaults;
}

gboolean
dd_ranking_weights_set (DdStore                 *store,
                        const DdRankingWeights  *weights,
                        GError                 **error)
{
  const double values[] = { weights->on_time, weights->classes, weights->satisfaction };
  const char *labels[] = { _("Weight of on-time replies"), _("Weight of the A/B/C mix"),
                           _("Weight of satisfaction") };
  char texts[G_N_ELEMENTS (values)][G_ASCII_DTOSTR_BUF_SIZE];
  const char *text_ptrs[G_N_ELEMENTS (values)];

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (!weight_is_valid (values[i]))
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("%s must be a number from 0 to 1"), labels[i]);
          return FALSE;
        }
      g_ascii_dtostr (texts[i], sizeof texts[i], values[i]);
      text_ptrs[i] = texts[i];
    }
  if (values[0] + values[1] + values[2] <= 0.0)
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                           _("At least one ranking weight must be above 0"));
      return FALSE;
    }
  return dd_settings_set_many (store, weight_keys, text_ptrs, G_N_ELEMENTS (weight_keys), error);
}

int
dd_ranking_min_replies_get (DdStore *store)
{
  g_autofree char *text = NULL;
  gint64 value;

  g_return_val_if_fail (DD_IS_STORE (store), DD_RANKING_MIN_REPLIES_DEFAULT);

  text = dd_settings_dup (store, DD_SETTING_RANKING_MIN_REPLIES);
  if (text == NULL
      || !g_ascii_string_to_signed (text, 10, 1, DD_RANKING_MIN_REPLIES_MAX, &value, NULL))
    return DD_RANKING_MIN_REPLIES_DEFAULT;
  return (int) value;
}

gboolean
dd_ranking_min_replies_set (DdStore  *store,
                            int       min_replies,
                            GError  **error)
{
  char text[16];

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  if (min_replies < 1 || min_replies > DD_RANKING_MIN_REPLIES_MAX)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("The replies a unit needs to be ranked must be a whole number from 1 to %d"),
                   DD_RANKING_MIN_REPLIES_MAX);
      return FALSE;
    }
  g_snprintf (text, sizeof text, "%d", min_replies);
  return dd_settings_set (store, DD_SETTING_RANKING_MIN_REPLIES, text, error);
}

/* Groups */

static DdAnalyticsGroup *
group_new (gint64      id,
           const char *key,
           const char *name)
{
  DdAnalyticsGroup *group = g_new0 (DdAnalyticsGroup, 1);

  group->id = id;
  group->key = g_strdup (key);
  group->name = g_strdup (name != NULL ? name : key);
  group->score = NAN;
  return group;
}

static void
group_free (gpointer data)
{
  DdAnalyticsGroup *group = data;

  g_free (group->key);
  g_free (group->name);
  g_free (group);
}

static void
group_finish (DdAnalyticsGroup *group)
{
  group->evaluated = 0;
  for (int i = 0; i < DD_N_VERDICTS; i++)
    group->evaluated += group->verdicts[i];
  group->replies = 0;
  for (int i = 0; i < DD_N_CLASSES; i++)
    group->replies += group->classes[i];
  group->satisfaction_rate = dd_analytics_share (group->verdicts[0] + group->verdicts[1],
                                                 group->evaluated);
  for (int i = 0; i < DD_N_CLASSES; i++)
    group->class_shares[i] = dd_analytics_share (group->classes[i], group->replies);
  group->on_time_rate = dd_analytics_share (group->replies_on_time, group->replies_timed);
  group->closed = group->by_state[6];
}

G_STATIC_ASSERT (DD_N_STATES > 6);

const DdAnalyticsGroup *
dd_analytics_find_group (GPtrArray  *groups,
                         const char *key)
{
  if (groups == NULL || key == NULL)
    return NULL;
  for (guint i = 0; i < groups->len; i++)
    {
      const DdAnalyticsGroup *group = g_ptr_array_index (groups, i);
      if (g_strcmp0 (group->key, key) == 0)
        return group;
    }
  return NULL;
}

/* The computation */

#define N_CATEGORIES 12   /* dd_suggestion_categories; checked in dd_analytics_compute() */

typedef struct
{
  DdStore                 *store;
  const DdAnalyticsFilter *filter;
  const char              *today;
  gboolean                 totals_only;
  DdAnalytics             *result;
  GHashTable              *units;       /* gint64 id → group */
  GHashTable              *stations;    /* gint64 id → group */
  GHashTable              *years;       /* year → group */
  DdAnalyticsGroup        *categories[N_CATEGORIES];
  DdAnalyticsGroup        *kinds[DD_N_KINDS];
  GHashTable              *intake;      /* "YYYY-MM" → count */
  GHashTable              *closures;    /* "YYYY-MM" → count */
} Computation;

static int
code_index (const char * const *codes,
            const char         *code)
{
  if (code == NULL)
    return -1;
  for (int i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;
  return -1;
}

static gboolean
check_filter (const DdAnalyticsFilter  *filter,
              GError                  **error)
{
  if (filter->from != NULL && !dd_date_is_valid (filter->from))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("From: “%s” is not a date; write it as YYYY-MM-DD"), filter->from);
      return FALSE;
    }
  if (filter->to != NULL && !dd_date_is_valid (filter->to))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("To: “%s” is not a date; write it as YYYY-MM-DD"), filter->to);
      return FALSE;
    }
  if (filter->from != NULL && filter->to != NULL && strcmp (filter->from, filter->to) > 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("The period starts on %s, after its end %s"), filter->from, filter->to);
      return FALSE;
    }
  if (filter->category != NULL && code_index (dd_suggestion_categories, filter->category) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Category: “%s” is not a category"), filter->category);
      return FALSE;
    }
  if (filter->kind != NULL && code_index (dd_suggestion_kinds, filter->kind) < 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Kind: “%s” is not a kind of suggestion"), filter->kind);
      return FALSE;
    }
  if (filter->unit_id < 0)
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                           _("Unit: not a handling unit"));
      return FALSE;
    }
  return TRUE;
}

/* The WHERE clause of the suggestions s matching @filter, with @date_column
 * in the period; parameters :from :to :kind :category :unit :district. */
static void
append_where (GString                 *sql,
              const DdAnalyticsFilter *filter,
              const char              *date_column)
{
  g_string_append_printf (sql, " WHERE %s >= :from AND %s < :to", date_column, date_column);
  if (filter->kind != NULL)
    g_string_append (sql, " AND s.kind = :kind");
  if (filter->category != NULL)
    g_string_append (sql, " AND s.category = :category");
  if (filter->unit_id != 0)
    g_string_append (sql, " AND s.id IN (SELECT suggestion_id FROM suggestion_units"
                          " WHERE unit_id = :unit AND role = 'lead')");
  if (filter->district != NULL)
    g_string_append (sql, " AND coalesce((SELECT district FROM stations WHERE id = s.station_id),"
                          " (SELECT d.district FROM suggestion_proposers p"
                          "  JOIN deputies d ON d.id = p.deputy_id WHERE p.suggestion_id = s.id"
                          "  ORDER BY p.position, p.deputy_id LIMIT 1)) = :district");
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_filter (sqlite3_stmt *stmt,
             Computation  *c)
{
  const DdAnalyticsFilter *f = c->filter;
  int index;

  /* An open bound: a text before or after every date. */
  bind_named (stmt, ":from", f->from != NULL ? f->from : "");
  bind_named (stmt, ":to", f->to != NULL ? f->to : "~");
  bind_named (stmt, ":kind", f->kind);
  bind_named (stmt, ":category", f->category);
  bind_named (stmt, ":district", f->district);
  bind_named (stmt, ":today", c->today);
  index = sqlite3_bind_parameter_index (stmt, ":unit");
  if (index > 0)
    sqlite3_bind_int64 (stmt, index, f->unit_id);
}

static DdAnalyticsGroup *
id_group (GHashTable *table,
          gint64      id)
{
  DdAnalyticsGroup *group = g_hash_table_lookup (table, &id);

  if (group == NULL)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      group = group_new (id, key, NULL);
      g_hash_table_insert (table, &group->id, group);
    }
  return group;
}

static DdAnalyticsGroup *
year_group (Computation *c,
            const char  *year)
{
  DdAnalyticsGroup *group = g_hash_table_lookup (c->years, year);

  if (group == NULL)
    {
      group = group_new (0, year, year);
      g_hash_table_insert (c->years, group->key, group);
    }
  return group;
}

/* The groups a row of keys (unit, station, category, kind, year) counts in:
 * the overall group first; NULL-terminated. */
static void
row_groups (Computation       *c,
            sqlite3_stmt      *stmt,
            DdAnalyticsGroup **groups)
{
  int n = 0;
  int i;

  groups[n++] = c->result->overall;
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    groups[n++] = id_group (c->units, sqlite3_column_int64 (stmt, 0));
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    groups[n++] = id_group (c->stations, sqlite3_column_int64 (stmt, 1));
  i = code_index (dd_suggestion_categories, dd_column_text (stmt, 2));
  if (i >= 0)
    {
      if (c->categories[i] == NULL)
        c->categories[i] = group_new (0, dd_suggestion_categories[i],
                                      dd_code_label (dd_suggestion_categories,
                                                     dd_suggestion_categories[i]));
      groups[n++] = c->categories[i];
    }
  i = code_index (dd_suggestion_kinds, dd_column_text (stmt, 3));
  if (i >= 0)
    groups[n++] = c->kinds[i];
  if (dd_column_text (stmt, 4) != NULL)
    groups[n++] = year_group (c, dd_column_text (stmt, 4));
  groups[n] = NULL;
}

#define KEY_COLUMNS "u.unit_id, s.station_id, s.category, s.kind, substr(s.registered_on, 1, 4)"
#define LEAD_JOIN " LEFT JOIN suggestion_units u ON u.suggestion_id = s.id AND u.role = 'lead'"
/* Totals only: the kinds alone, no join to the lead unit. */
#define TOTAL_KEY_COLUMNS "NULL, NULL, NULL, s.kind, NULL"
#define N_KEY_COLUMNS 5

static gboolean
step_error (Computation *c,
            int          rc,
            GError     **error)
{
  return dd_store_set_error (c->store, rc, error);
}

/* Query 1: the suggestions' own facts and their latest reply. */
static gboolean
count_suggestions (Computation  *c,
                   GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_string_printf (sql, "SELECT %s, count(*)", c->totals_only ? TOTAL_KEY_COLUMNS : KEY_COLUMNS);
  for (int i = 0; i < DD_N_STATES; i++)
    g_string_append_printf (sql, ", sum(s.state = '%s')", dd_suggestion_states[i]);
  g_string_append (sql,
                   ", sum(s.state IN ('assigned', 'handling') AND s.deadline_on < :today)"
                   ", sum(r.class = 'A'), sum(r.class = 'B'), sum(r.class = 'C')"
                   ", sum(r.round = s.round AND s.deadline_on IS NOT NULL)"
                   ", sum(r.round = s.round AND r.replied_on <= s.deadline_on)"
                   " FROM suggestions s");
  if (!c->totals_only)
    g_string_append (sql, LEAD_JOIN);
  g_string_append (sql, " LEFT JOIN replies r ON r.id = (SELECT id FROM replies WHERE suggestion_id = s.id"
                        "  ORDER BY round DESC, id DESC LIMIT 1)");
  append_where (sql, c->filter, "s.registered_on");
  g_string_append (sql, c->totals_only ? " GROUP BY +s.kind" : " GROUP BY 1, 2, 3, 4, 5");

  stmt = dd_store_prepare (c->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, c);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DdAnalyticsGroup *groups[8];
      int col = N_KEY_COLUMNS;
      gint64 count = sqlite3_column_int64 (stmt, col++);
      gint64 by_state[DD_N_STATES];
      gint64 overdue, classes[DD_N_CLASSES], timed, on_time;

      for (int i = 0; i < DD_N_STATES; i++)
        by_state[i] = sqlite3_column_int64 (stmt, col++);
      overdue = sqlite3_column_int64 (stmt, col++);
      for (int i = 0; i < DD_N_CLASSES; i++)
        classes[i] = sqlite3_column_int64 (stmt, col++);
      timed = sqlite3_column_int64 (stmt, col++);
      on_time = sqlite3_column_int64 (stmt, col++);

      row_groups (c, stmt, groups);
      for (DdAnalyticsGroup **g = groups; *g != NULL; g++)
        {
          (*g)->suggestions += count;
          for (int i = 0; i < DD_N_STATES; i++)
            (*g)->by_state[i] += by_state[i];
          (*g)->overdue += overdue;
          for (int i = 0; i < DD_N_CLASSES; i++)
            (*g)->classes[i] += classes[i];
          (*g)->replies_timed += timed;
          (*g)->replies_on_time += on_time;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return step_error (c, rc, error);
  return TRUE;
}

/* Query 2: one verdict per proposer, that of the latest round the proposer
 * evaluated; evaluations by deputies who are not (or no longer) proposers
 * are left out, as in DdYearStats. */
static gboolean
count_verdicts (Computation  *c,
                GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  /* CROSS JOIN: from the period's suggestions to their evaluations, never
   * the other way round (without statistics the planner may scan every
   * evaluation or proposer first). */
  g_string_printf (sql, "SELECT %s, e.verdict, count(*) FROM suggestions s"
                   " CROSS JOIN evaluations e ON e.suggestion_id = s.id"
                   " CROSS JOIN suggestion_proposers p"
                   "  ON p.suggestion_id = e.suggestion_id AND p.deputy_id = e.deputy_id%s",
                   c->totals_only ? TOTAL_KEY_COLUMNS : KEY_COLUMNS,
                   c->totals_only ? "" : LEAD_JOIN);
  append_where (sql, c->filter, "s.registered_on");
  g_string_append (sql, " AND e.round = (SELECT max(round) FROM evaluations"
                        "  WHERE suggestion_id = e.suggestion_id AND deputy_id = e.deputy_id)");
  /* +s.kind: not the order of the kinds' index, a scan of every year. */
  g_string_append (sql, c->totals_only ? " GROUP BY +s.kind, e.verdict" : " GROUP BY 1, 2, 3, 4, 5, 6");

  stmt = dd_store_prepare (c->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, c);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DdAnalyticsGroup *groups[8];
      int verdict = code_index (dd_verdicts, dd_column_text (stmt, N_KEY_COLUMNS));
      gint64 count = sqlite3_column_int64 (stmt, N_KEY_COLUMNS + 1);

      if (verdict < 0)
        continue;
      row_groups (c, stmt, groups);
      for (DdAnalyticsGroup **g = groups; *g != NULL; g++)
        (*g)->verdicts[verdict] += count;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return step_error (c, rc, error);
  return TRUE;
}

/* Query 3: "YYYY-MM" → count, for registrations and closures. */
static gboolean
count_months (Computation  *c,
              gboolean      closures,
              GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  GHashTable *table = closures ? c->closures : c->intake;
  sqlite3_stmt *stmt;
  int rc;

  g_string_printf (sql, "SELECT substr(%s, 1, 7), count(*) FROM suggestions s",
                   closures ? "s.closed_on" : "s.registered_on");
  append_where (sql, c->filter, closures ? "s.closed_on" : "s.registered_on");
  if (closures)
    g_string_append (sql, " AND s.state = 'closed'");
  g_string_append (sql, " GROUP BY 1");

  stmt = dd_store_prepare (c->store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, c);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = dd_column_text (stmt, 0);
      gint64 *count;

      if (month == NULL || strlen (month) != 7)
        continue;
      count = g_new (gint64, 1);
      *count = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (table, g_strdup (month), count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return step_error (c, rc, error);
  return TRUE;
}

/* Query 4: receptions by station, and the deputies on them. */
static gboolean
count_receptions (Computation  *c,
                  GError      **error)
{
  const char *district = c->filter->district != NULL
                         ? " AND r.station_id IN (SELECT id FROM stations WHERE district = :district)"
                         : "";
  g_autofree char *by_station = g_strdup_printf (
    "SELECT %s, count(*), sum(r.voters_received), sum(r.petitions_handled)"
    " FROM receptions r WHERE r.held_on >= :from AND r.held_on < :to%s%s",
    c->totals_only ? "NULL" : "r.station_id", district,
    c->totals_only ? "" : " GROUP BY r.station_id");
  g_autofree char *deputies = g_strdup_printf (
    "SELECT count(DISTINCT rd.deputy_id) FROM receptions r"
    " JOIN reception_deputies rd ON rd.reception_id = r.id"
    " WHERE r.held_on >= :from AND r.held_on < :to%s", district);
  DdAnalytics *result = c->result;
  sqlite3_stmt *stmt;
  int rc;

  stmt = dd_store_prepare (c->store, by_station, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, c);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 receptions = sqlite3_column_int64 (stmt, 1);
      gint64 voters = sqlite3_column_int64 (stmt, 2);

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          DdAnalyticsGroup *group = id_group (c->stations, sqlite3_column_int64 (stmt, 0));

          group->receptions = receptions;
          group->voters_received = voters;
        }
      result->receptions += receptions;
      result->voters_received += voters;
      result->petitions_handled += sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return step_error (c, rc, error);

  stmt = dd_store_prepare (c->store, deputies, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, c);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result->deputies_receiving_voters = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return step_error (c, rc, error);
  return TRUE;
}

/* Names of the unit and station groups. */
static gboolean
name_groups (Computation  *c,
             const char   *sql,
             GHashTable   *table,
             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (g_hash_table_size (table) == 0)
    return TRUE;
  stmt = dd_store_prepare (c->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      DdAnalyticsGroup *group = g_hash_table_lookup (table, &id);

      if (group != NULL && dd_column_text (stmt, 1) != NULL)
        {
          g_free (group->name);
          group->name = g_strdup (dd_column_text (stmt, 1));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return step_error (c, rc, error);
  return TRUE;
}

/* The ranking */

static double
unit_score (const DdAnalyticsGroup *group,
            const DdRankingWeights *w)
{
  double components[3];
  double weights[3] = { w->on_time, w->classes, w->satisfaction };
  double sum = 0.0, weight = 0.0;

  components[0] = group->on_time_rate;
  components[1] = group->replies > 0
                  ? group->class_shares[0] + 0.5 * group->class_shares[1] : NAN;
  components[2] = group->satisfaction_rate;
  for (int i = 0; i < 3; i++)
    if (!isnan (components[i]) && weights[i] > 0.0)
      {
        sum += weights[i] * components[i];
        weight += weights[i];
      }
  return weight > 0.0 ? sum / weight : NAN;
}

static int
compare_names (const DdAnalyticsGroup *a,
               const DdAnalyticsGroup *b)
{
  int order = g_utf8_collate (a->name, b->name);

  if (order != 0)
    return order;
  return a->id < b->id ? -1 : a->id > b->id;
}

/* 0: ranked (a score and enough replies), 1: a score on too few replies,
 * 2: no data. */
static int
ranking_tier (const DdAnalyticsGroup *group,
              int                     min_replies)
{
  if (isnan (group->score))
    return 2;
  return group->replies >= min_replies ? 0 : 1;
}

static int
compare_ranking (gconstpointer pa,
                 gconstpointer pb,
                 gpointer      user_data)
{
  const DdAnalyticsGroup *a = *(DdAnalyticsGroup * const *) pa;
  const DdAnalyticsGroup *b = *(DdAnalyticsGroup * const *) pb;
  int min_replies = GPOINTER_TO_INT (user_data);
  int a_tier = ranking_tier (a, min_replies), b_tier = ranking_tier (b, min_replies);

  if (a_tier != b_tier)
    return a_tier < b_tier ? -1 : 1;
  if (a_tier < 2 && a->score != b->score)
    return a->score > b->score ? -1 : 1;
  return compare_names (a, b);
}

static int
compare_by_name (gconstpointer pa,
                 gconstpointer pb)
{
  return compare_names (*(DdAnalyticsGroup * const *) pa, *(DdAnalyticsGroup * const *) pb);
}

static int
compare_by_key (gconstpointer pa,
                gconstpointer pb)
{
  return strcmp ((*(DdAnalyticsGroup * const *) pa)->key, (*(DdAnalyticsGroup * const *) pb)->key);
}

/* Moves the groups of @table into a new array; @table keeps no reference. */
static GPtrArray *
take_groups (GHashTable *table)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      group_finish (value);
      g_ptr_array_add (groups, value);
      g_hash_table_iter_steal (&iter);
    }
  return groups;
}

/* The months */

static void
month_of (const char *date,
          int        *year,
          int        *month)
{
  *year = atoi (date);
  *month = atoi (date + 5);
}

static void
extend_range (GHashTable *table,
              char       *first,
              char       *last)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (first[0] == '\0' || strcmp (key, first) < 0)
        g_strlcpy (first, key, 8);
      if (last[0] == '\0' || strcmp (key, last) > 0)
        g_strlcpy (last, key, 8);
    }
}

static void
fill_months (Computation *c)
{
  const DdAnalyticsFilter *f = c->filter;
  char first[8] = "", last[8] = "", data_first[8] = "", data_last[8] = "";
  g_autofree char *last_day = day_before (f->to);
  int year, month, last_year, last_month;

  extend_range (c->intake, data_first, data_last);
  extend_range (c->closures, data_first, data_last);
  if (f->from != NULL)
    g_strlcpy (first, f->from, 8);
  else
    g_strlcpy (first, data_first, 8);
  if (last_day != NULL)
    g_strlcpy (last, last_day, 8);
  else
    g_strlcpy (last, data_last, 8);
  if (first[0] == '\0' || last[0] == '\0' || strcmp (first, last) > 0)
    return;

  month_of (first, &year, &month);
  month_of (last, &last_year, &last_month);
  while (year < last_year || (year == last_year && month <= last_month))
    {
      DdAnalyticsMonth entry = { { 0 }, 0, 0 };
      const gint64 *count;

      g_snprintf (entry.month, sizeof entry.month, "%04d-%02d", year, month);
      count = g_hash_table_lookup (c->intake, entry.month);
      entry.intake = count != NULL ? *count : 0;
      count = g_hash_table_lookup (c->closures, entry.month);
      entry.closed = count != NULL ? *count : 0;
      g_array_append_val (c->result->months, entry);
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
}

/* The result */

static void
analytics_clear (gpointer data)
{
  DdAnalytics *self = data;

  dd_analytics_filter_free (self->filter);
  g_free (self->today);
  if (self->overall != NULL)
    group_free (self->overall);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->stations, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
}

DdAnalytics *
dd_analytics_ref (DdAnalytics *analytics)
{
  return g_rc_box_acquire (analytics);
}

void
dd_analytics_unref (DdAnalytics *analytics)
{
  g_rc_box_release_full (analytics, analytics_clear);
}

G_DEFINE_BOXED_TYPE (DdAnalytics, dd_analytics, dd_analytics_ref, dd_analytics_unref)

static int
progress_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

static gboolean
compute (Computation   *c,
         GCancellable  *cancellable,
         GError       **error)
{
  DdAnalytics *result = c->result;

  if (!count_suggestions (c, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !count_verdicts (c, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (!c->totals_only && !count_months (c, FALSE, error)) ||
      (!c->totals_only && !count_months (c, TRUE, error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !count_receptions (c, error) ||
      !name_groups (c, "SELECT id, name FROM units", c->units, error) ||
      !name_groups (c, "SELECT id, name FROM stations", c->stations, error))
    return FALSE;

  group_finish (result->overall);
  result->units = take_groups (c->units);
  for (guint i = 0; i < result->units->len; i++)
    {
      DdAnalyticsGroup *group = g_ptr_array_index (result->units, i);
      group->score = unit_score (group, &result->weights);
    }
  g_ptr_array_sort_with_data (result->units, compare_ranking, GINT_TO_POINTER (result->min_replies));
  for (guint i = 0; i < result->units->len; i++)
    {
      DdAnalyticsGroup *group = g_ptr_array_index (result->units, i);
      group->rank = ranking_tier (group, result->min_replies) == 0 ? (int) i + 1 : 0;
    }
  result->stations = take_groups (c->stations);
  g_ptr_array_sort (result->stations, compare_by_name);
  result->years = take_groups (c->years);
  g_ptr_array_sort (result->years, compare_by_key);
  result->categories = g_ptr_array_new_with_free_func (group_free);
  for (guint i = 0; i < G_N_ELEMENTS (c->categories); i++)
    if (c->categories[i] != NULL)
      {
        group_finish (c->categories[i]);
        g_ptr_array_add (result->categories, g_steal_pointer (&c->categories[i]));
      }
  result->kinds = g_ptr_array_new_with_free_func (group_free);
  for (guint i = 0; i < DD_N_KINDS; i++)
    {
      group_finish (c->kinds[i]);
      g_ptr_array_add (result->kinds, g_steal_pointer (&c->kinds[i]));
    }
  {
    const DdAnalyticsGroup *opinions = g_ptr_array_index (result->kinds, 1);

    result->opinions_recorded = opinions->suggestions;
    result->opinions_adopted = opinions->classes[0] + opinions->classes[1];
    result->opinions_solved = opinions->classes[0];
  }
  if (!c->totals_only)
    fill_months (c);
  return TRUE;
}

static DdAnalytics *
analytics_compute (DdStore                  *store,
                   const DdAnalyticsFilter  *filter,
                   gboolean                  totals_only,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_autoptr(DdAnalytics) result = NULL;
  g_autoptr(DdAnalyticsFilter) all = NULL;
  g_autofree char *today = NULL;
  Computation c = { 0 };
  gboolean ok, snapshot;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (g_strv_length ((char **) dd_suggestion_categories) == N_CATEGORIES, NULL);

  if (filter == NULL)
    filter = all = dd_analytics_filter_new ();
  if (!check_filter (filter, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  today = dd_store_dup_today (store);
  result = g_rc_box_new0 (DdAnalytics);
  result->filter = dd_analytics_filter_copy (filter);
  result->today = g_strdup (today);
  result->overall = group_new (0, "all", _("All suggestions"));
  result->months = g_array_new (FALSE, TRUE, sizeof (DdAnalyticsMonth));
  dd_ranking_weights_get (store, &result->weights);
  result->min_replies = dd_ranking_min_replies_get (store);

  c.store = store;
  c.filter = result->filter;
  c.today = result->today;
  c.totals_only = totals_only;
  c.result = result;
  c.units = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, group_free);
  c.stations = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, group_free);
  c.years = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_free);
  c.intake = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c.closures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < DD_N_KINDS; i++)
    c.kinds[i] = group_new (0, dd_suggestion_kinds[i],
                            dd_code_label (dd_suggestion_kinds, dd_suggestion_kinds[i]));

  /* One read transaction, so that every query sees the same rows even
   * while another connection writes (unless the caller has one open). */
  snapshot = sqlite3_get_autocommit (dd_store_get_db (store)) && dd_store_exec (store, "BEGIN", NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (dd_store_get_db (store), 4096, progress_cancelled, cancellable);
  ok = compute (&c, cancellable, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (dd_store_get_db (store), 0, NULL, NULL);
  if (snapshot && !dd_store_exec (store, "COMMIT", NULL))
    dd_store_exec (store, "ROLLBACK", NULL);
  if (!ok && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
    }

  g_hash_table_unref (c.units);
  g_hash_table_unref (c.stations);
  g_hash_table_unref (c.years);
  g_hash_table_unref (c.intake);
  g_hash_table_unref (c.closures);
  for (guint i = 0; i < G_N_ELEMENTS (c.categories); i++)
    if (c.categories[i] != NULL)
      group_free (c.categories[i]);
  for (guint i = 0; i < DD_N_KINDS; i++)
    if (c.kinds[i] != NULL)
      group_free (c.kinds[i]);

  if (!ok)
    return NULL;
  return g_steal_pointer (&result);
}

DdAnalytics *
dd_analytics_compute (DdStore                  *store,
                      const DdAnalyticsFilter  *filter,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  return analytics_compute (store, filter, FALSE, cancellable, error);
}

DdAnalytics *
dd_analytics_compute_totals (DdStore                  *store,
                             const DdAnalyticsFilter  *filter,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  return analytics_compute (store, filter, TRUE, cancellable, error);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DdStore *reader = task_data;
  const DdAnalyticsFilter *filter = g_object_get_data (G_OBJECT (task), "filter");
  GError *error = NULL;
  DdAnalytics *result = dd_analytics_compute (reader, filter, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) dd_analytics_unref);
}

void
dd_analytics_compute_async (DdStore                  *store,
                            const DdAnalyticsFilter  *filter,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  /* No source object: the task must not keep the caller's store alive. */
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  DdStore *reader;

  g_return_if_fail (DD_IS_STORE (store));

  g_task_set_source_tag (task, dd_analytics_compute_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_object_set_data_full (G_OBJECT (task), "filter",
                          dd_analytics_filter_copy (filter),
                          (GDestroyNotify) dd_analytics_filter_free);

  reader = dd_store_open_reader (store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, reader, g_object_unref);

  if (reader == store)
    compute_thread (task, store, reader, cancellable);
  else
    g_task_run_in_thread (task, compute_thread);
}

DdAnalytics *
dd_analytics_compute_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
