/* dd-year-summary.c: the year's chain of figures and its report paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-year-summary"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-year-summary.h"

void
dd_year_summary_from_analytics (DdYearSummary     *summary,
                                const DdAnalytics *analytics)
{
  const DdAnalyticsGroup *all;
  const DdAnalyticsGroup *suggestions;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (analytics != NULL);

  all = analytics->overall;
  suggestions = dd_analytics_find_group (analytics->kinds, "deputy_suggestion");
  memset (summary, 0, sizeof *summary);
  summary->year = dd_analytics_filter_get_year (analytics->filter);
  summary->deputies_receiving_voters = analytics->deputies_receiving_voters;
  summary->receptions = analytics->receptions;
  summary->voters_received = analytics->voters_received;
  summary->opinions_recorded = analytics->opinions_recorded;
  summary->opinions_adopted = analytics->opinions_adopted;
  summary->opinions_solved = analytics->opinions_solved;
  if (suggestions != NULL)
    {
      summary->suggestions = suggestions->suggestions;
      summary->suggestions_replied = suggestions->replies;
      summary->suggestions_closed = suggestions->closed;
    }
  summary->evaluated = all->evaluated;
  summary->satisfied = all->verdicts[0] + all->verdicts[1];
  summary->satisfaction_rate = dd_analytics_share (summary->satisfied, summary->evaluated);
  summary->on_time_rate = all->on_time_rate;
}

static gboolean
summary_compute (DdStore        *store,
                 int             year,
                 DdYearSummary  *summary,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(DdAnalyticsFilter) filter = dd_analytics_filter_new_year (year);
  g_autoptr(DdAnalytics) analytics = NULL;

  analytics = dd_analytics_compute_totals (store, filter, cancellable, error);
  if (analytics == NULL)
    return FALSE;
  dd_year_summary_from_analytics (summary, analytics);
  return TRUE;
}

/**
 * dd_year_summary_compute:
 * The summary of @year: dd_analytics_compute_totals() for the calendar
 * year with no other filter.
 */
gboolean
dd_year_summary_compute (DdStore        *store,
                         int             year,
                         DdYearSummary  *summary,
                         GError        **error)
{
  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  return summary_compute (store, year, summary, NULL, error);
}

static void
summary_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DdStore *reader = task_data;
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "year"));
  g_autofree DdYearSummary *summary = g_new0 (DdYearSummary, 1);
  GError *error = NULL;

  if (!summary_compute (reader, year, summary, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&summary), g_free);
}

/**
 * dd_year_summary_compute_async:
 * In a worker thread on a read connection of its own (an in-memory store
 * is computed at once); the task does not keep @store alive.
 */
void
dd_year_summary_compute_async (DdStore             *store,
                               int                  year,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  DdStore *reader;

  g_return_if_fail (DD_IS_STORE (store));

  g_task_set_source_tag (task, dd_year_summary_compute_async);
  g_object_set_data (G_OBJECT (task), "year", GINT_TO_POINTER (year));
  reader = dd_store_open_reader (store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, reader, g_object_unref);
  if (reader == store)
    summary_thread (task, store, reader, cancellable);
  else
    g_task_run_in_thread (task, summary_thread);
}

DdYearSummary *
dd_year_summary_compute_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The paragraph */

typedef enum
{
  SCOPE_NONE,
  SCOPE_PROVINCE,
  SCOPE_CITY,
  SCOPE_COUNTY,
  SCOPE_BANNER,
  SCOPE_DISTRICT,
} Scope;

static Scope
scope_of (const char *office_name)
{
  static const struct { const char *word; Scope scope; } words[] = {
    { "省", SCOPE_PROVINCE }, { "市", SCOPE_CITY }, { "县", SCOPE_COUNTY },
    { "旗", SCOPE_BANNER }, { "区", SCOPE_DISTRICT },
  };
  g_autofree char *name = NULL;
  const char *end;
  const char *best = NULL;
  Scope scope = SCOPE_NONE;

  if (office_name == NULL || !g_utf8_validate (office_name, -1, NULL))
    return SCOPE_NONE;
  end = strstr (office_name, "人大");
  name = end != NULL ? g_strndup (office_name, end - office_name) : g_strdup (office_name);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *found = g_strrstr (name, words[i].word);

      if (found != NULL && (best == NULL || found > best))
        {
          best = found;
          scope = words[i].scope;
        }
    }
  return scope;
}

const char *
dd_year_summary_scope_word (const char *office_name)
{
  switch (scope_of (office_name))
    {
    case SCOPE_PROVINCE:
      return C_("scope", "across the province");
    case SCOPE_CITY:
      return C_("scope", "across the city");
    case SCOPE_COUNTY:
      return C_("scope", "across the county");
    case SCOPE_BANNER:
      return C_("scope", "across the banner");
    case SCOPE_DISTRICT:
      return C_("scope", "across the district");
    case SCOPE_NONE:
    default:
      return "";
    }
}

static char *
number (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* Appends one clause of the chain, joined to the previous by the
 * translated list separator. */
static void
add_clause (GPtrArray *clauses,
            char      *clause)
{
  g_ptr_array_add (clauses, clause);
}

char *
dd_year_summary_paragraph (const DdYearSummary *summary,
                           const char          *office_name)
{
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *scope = dd_year_summary_scope_word (office_name);
  g_autofree char *year = NULL;
  g_autofree char *opening = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  year = g_strdup_printf ("%d", summary->year);
  if (summary->receptions == 0 && summary->opinions_recorded == 0 && summary->suggestions == 0 &&
      summary->evaluated == 0)
    {
      if (scope[0] != '\0')
        /* TRANSLATORS: the year's summary when nothing was recorded; %1$s is
         * the year, %2$s the scope ("across the city" → 全市) */
        return g_strdup_printf (_("In %1$s, no receptions of voters, voters’ opinions or "
                                  "deputies’ suggestions were recorded %2$s."), year, scope);
      /* TRANSLATORS: the year's summary when nothing was recorded; %s is the year */
      return g_strdup_printf (_("In %s, no receptions of voters, voters’ opinions or "
                                "deputies’ suggestions were recorded."), year);
    }

  /* The opening: who received voters, or just the year. */
  if (summary->receptions > 0)
    {
      g_autofree char *deputies = number (summary->deputies_receiving_voters);
      g_autofree char *voters = number (summary->voters_received);
      g_autofree char *receptions = number (summary->receptions);

      if (scope[0] != '\0')
        /* TRANSLATORS: %1$s year, %2$s scope ("across the city" → 全市),
         * %3$s deputies, %4$s voters received (人次); zh_CN:
         * "%1$s年,%2$s%3$s名各级人大代表进家进站接待选民%4$s人次" */
        opening = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "In %1$s, %3$s deputy %2$s received voters %4$s times",
                                                "In %1$s, %3$s deputies %2$s received voters %4$s times",
                                                summary->deputies_receiving_voters),
                                   year, scope, deputies, voters);
      else
        /* TRANSLATORS: %1$s year, %2$s deputies, %3$s voters received (人次) */
        opening = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "In %1$s, %2$s deputy received voters %3$s times",
                                                "In %1$s, %2$s deputies received voters %3$s times",
                                                summary->deputies_receiving_voters),
                                   year, deputies, voters);
      /* TRANSLATORS: zh_CN: 开展接待活动%s次 */
      add_clause (clauses, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%s reception was held",
                                                         "%s receptions were held",
                                                         summary->receptions), receptions));
    }
  else if (scope[0] != '\0')
    /* TRANSLATORS: %1$s year, %2$s scope ("across the city" → 全市); the
     * opening of the summary when no reception was recorded, followed at
     * once by "3 voters’ opinions were received…" (zh_CN "%1$s年,%2$s") */
    opening = g_strdup_printf (C_("summary", "In %1$s, %2$s, "), year, scope);
  else
    /* TRANSLATORS: %s year; the opening when no reception was recorded,
     * followed at once by the first figure (zh_CN "%s年,") */
    opening = g_strdup_printf (C_("summary", "In %s, "), year);

  if (summary->opinions_recorded > 0)
    {
      g_autofree char *n = number (summary->opinions_recorded);

      /* TRANSLATORS: zh_CN: 收到意见建议%s条 */
      add_clause (clauses, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%s voter’s opinion was received",
                                                         "%s voters’ opinions were received",
                                                         summary->opinions_recorded), n));
      if (summary->opinions_adopted > 0)
        {
          g_autofree char *m = number (summary->opinions_adopted);
          /* TRANSLATORS: zh_CN: 采纳%s条 */
          add_clause (clauses, g_strdup_printf (C_("summary", "%s adopted"), m));
        }
      if (summary->opinions_solved > 0)
        {
          g_autofree char *m = number (summary->opinions_solved);
          /* TRANSLATORS: zh_CN: 帮助群众解决问题%s个 */
          add_clause (clauses, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%s problem solved for the people",
                                                             "%s problems solved for the people",
                                                             summary->opinions_solved), m));
        }
    }
  if (summary->suggestions > 0)
    {
      g_autofree char *n = number (summary->suggestions);
      g_autofree char *replied = number (summary->suggestions_replied);
      g_autofree char *closed = number (summary->suggestions_closed);

      /* TRANSLATORS: zh_CN: 登记代表建议%s件 */
      add_clause (clauses, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%s deputy’s suggestion was registered",
                                                         "%s deputies’ suggestions were registered",
                                                         summary->suggestions), n));
      if (summary->suggestions_replied > 0)
        /* TRANSLATORS: zh_CN: 已答复%s件 */
        add_clause (clauses, g_strdup_printf (C_("summary", "%s answered"), replied));
      if (summary->suggestions_closed > 0)
        /* TRANSLATORS: zh_CN: 办结%s件 */
        add_clause (clauses, g_strdup_printf (C_("summary", "%s closed"), closed));
    }

  g_string_append (text, opening);
  for (guint i = 0; i < clauses->len; i++)
    {
      /* After an opening without receptions the first figure follows at once. */
      if (i > 0 || summary->receptions > 0)
        /* TRANSLATORS: between the clauses of the year's summary (zh_CN ",") */
        g_string_append (text, C_("summary", ", "));
      g_string_append (text, g_ptr_array_index (clauses, i));
    }
  /* TRANSLATORS: the end of a sentence (zh_CN "。") */
  g_string_append (text, C_("summary", "."));

  if (!isnan (summary->satisfaction_rate) && summary->evaluated > 0)
    {
      g_autofree char *rate = g_strdup_printf ("%.1f%%", summary->satisfaction_rate * 100.0);
      g_autofree char *evaluated = number (summary->evaluated);
      g_autofree char *first = g_string_free (g_steal_pointer (&text), FALSE);
      g_autofree char *second = NULL;

      /* TRANSLATORS: %1$s the number of verdicts, %2$s the rate with its % sign;
       * zh_CN: 代表对建议办理工作的满意率为%2$s(共测评%1$s人次)。 */
      second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Deputies’ satisfaction with the handling was "
                                             "%2$s (%1$s verdict).",
                                             "Deputies’ satisfaction with the handling was "
                                             "%2$s (%1$s verdicts).",
                                             summary->evaluated),
                                evaluated, rate);
      /* TRANSLATORS: two sentences of the year's summary, one after the
       * other (zh_CN without a space: "%s%s") */
      text = g_string_new (NULL);
      g_string_printf (text, C_("summary", "%s %s"), first, second);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}
