/* dd-report-charts.c: the charts of the statistics, built from DdAnalytics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-report"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dd-codes.h"
#include "dd-report-charts.h"

typedef struct
{
  DdReportChart       kind;
  const char         *name;    /* stable: the command line's KIND */
  const char         *title;   /* N_() */
  DdReportChartTarget target;
} KindInfo;

static const KindInfo kinds[DD_REPORT_N_CHARTS] = {
  { DD_REPORT_CHART_KEY_FIGURES, "key-figures", N_("Key figures"), DD_REPORT_CHART_TARGET_NONE },
  { DD_REPORT_CHART_SATISFACTION, "satisfaction", N_("Satisfaction with the handling"),
    DD_REPORT_CHART_TARGET_NONE },
  { DD_REPORT_CHART_UNITS, "units", N_("Handling units’ ranking"), DD_REPORT_CHART_TARGET_UNIT },
  { DD_REPORT_CHART_CLASSES, "classes", N_("Replies by class (A/B/C)"), DD_REPORT_CHART_TARGET_NONE },
  { DD_REPORT_CHART_CATEGORIES, "categories", N_("Satisfaction by category"),
    DD_REPORT_CHART_TARGET_NONE },
  { DD_REPORT_CHART_MONTHLY, "monthly", N_("Registered and closed per month"),
    DD_REPORT_CHART_TARGET_NONE },
  { DD_REPORT_CHART_STATIONS, "stations", N_("Receptions at the stations"),
    DD_REPORT_CHART_TARGET_STATION },
};

static const DdReportChart kind_list[DD_REPORT_N_CHARTS] = {
  DD_REPORT_CHART_KEY_FIGURES,
  DD_REPORT_CHART_SATISFACTION,
  DD_REPORT_CHART_UNITS,
  DD_REPORT_CHART_CLASSES,
  DD_REPORT_CHART_CATEGORIES,
  DD_REPORT_CHART_MONTHLY,
  DD_REPORT_CHART_STATIONS,
};

static gboolean
kind_valid (DdReportChart kind)
{
  return (int) kind >= 0 && (int) kind < DD_REPORT_N_CHARTS;
}

const DdReportChart *
dd_report_chart_list (guint *n_kinds)
{
  if (n_kinds != NULL)
    *n_kinds = DD_REPORT_N_CHARTS;
  return kind_list;
}

const char *
dd_report_chart_get_name (DdReportChart kind)
{
  return kind_valid (kind) ? kinds[kind].name : NULL;
}

gboolean
dd_report_chart_from_name (const char    *name,
                           DdReportChart *kind)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < DD_REPORT_N_CHARTS; i++)
    if (g_str_equal (name, kinds[i].name))
      {
        if (kind != NULL)
          *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
dd_report_chart_get_title (DdReportChart kind)
{
  g_return_val_if_fail (kind_valid (kind), NULL);
  return _(kinds[kind].title);
}

DdReportChartTarget
dd_report_chart_get_target (DdReportChart kind)
{
  g_return_val_if_fail (kind_valid (kind), DD_REPORT_CHART_TARGET_NONE);
  return kinds[kind].target;
}

/* Helpers */

static char *
format_count (gint64 count)
{
  return dd_chart_format_count ((double) count);
}

/* The number ngettext chooses the plural form by. */
static gulong
plural_n (gint64 n)
{
  return n > 0 ? (gulong) n : 0;
}

/* A tile: the value, its label and an optional caption. */
static void
add_tile (DdChart    *chart,
          const char *value,
          const char *label,
          const char *caption)
{
  dd_chart_add_tile (chart, 0, value, label, caption);
}

static void
add_count_tile (DdChart    *chart,
                gint64      count,
                const char *label,
                const char *caption)
{
  g_autofree char *value = format_count (count);

  add_tile (chart, value, label, caption);
}

/* Key figures */

static void
build_key_figures (DdChart     *chart,
                   DdAnalytics *a)
{
  const DdAnalyticsGroup *all = a->overall;
  g_autofree char *satisfaction = dd_analytics_format_rate (all->satisfaction_rate);
  g_autofree char *on_time = dd_analytics_format_rate (all->on_time_rate);
  g_autofree char *n = NULL;
  g_autofree char *m = NULL;
  g_autofree char *closed_caption = NULL;
  g_autofree char *satisfaction_caption = NULL;
  g_autofree char *on_time_caption = NULL;
  g_autofree char *receptions_caption = NULL;
  g_autofree char *adopted_caption = NULL;
  g_autofree char *solved_caption = NULL;

  if (all->overdue > 0)
    {
      n = format_count (all->overdue);
      /* TRANSLATORS: under the number of suggestions closed; %s is a count */
      closed_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s overdue", "%s overdue",
                                                     plural_n (all->overdue)), n);
      g_clear_pointer (&n, g_free);
    }
  if (all->evaluated > 0)
    {
      n = format_count (all->evaluated);
      /* TRANSLATORS: under the satisfaction rate; %s is the number of
       * verdicts of proposers it is computed from */
      satisfaction_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %s verdict",
                                                           "of %s verdicts",
                                                           plural_n (all->evaluated)),
                                              n);
      g_clear_pointer (&n, g_free);
    }
  if (all->replies_timed > 0)
    {
      n = format_count (all->replies_on_time);
      m = format_count (all->replies_timed);
      /* TRANSLATORS: under the on-time reply rate, e.g. "45 of 50 replies" */
      on_time_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s reply", "%s of %s replies",
                                                      plural_n (all->replies_timed)),
                                         n, m);
      g_clear_pointer (&n, g_free);
      g_clear_pointer (&m, g_free);
    }
  if (a->deputies_receiving_voters > 0)
    {
      n = format_count (a->deputies_receiving_voters);
      /* TRANSLATORS: under the number of receptions; %s is a number of deputies */
      receptions_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "by %s deputy", "by %s deputies",
                                                         plural_n (a->deputies_receiving_voters)),
                                            n);
      g_clear_pointer (&n, g_free);
    }
  if (a->opinions_recorded > 0)
    {
      n = format_count (a->opinions_recorded);
      /* TRANSLATORS: under the voters' opinions adopted or solved; %s is the
       * number of opinions received */
      adopted_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %s opinion received",
                                                      "of %s opinions received",
                                                      plural_n (a->opinions_recorded)),
                                         n);
      solved_caption = g_strdup (adopted_caption);
    }

  add_count_tile (chart, all->suggestions, _("Suggestions registered"), NULL);
  add_count_tile (chart, all->closed, _("Closed"), closed_caption);
  add_tile (chart, satisfaction, _("Satisfaction rate"), satisfaction_caption);
  add_tile (chart, on_time, _("On-time reply rate"), on_time_caption);
  add_count_tile (chart, a->receptions, _("Receptions held"), receptions_caption);
  add_count_tile (chart, a->voters_received, _("Voters received"), NULL);
  add_count_tile (chart, a->opinions_adopted, _("Opinions adopted"), adopted_caption);
  add_count_tile (chart, a->opinions_solved, _("Problems solved"), solved_caption);
}

/* Satisfaction and classes: donuts */

static void
build_satisfaction (DdChart     *chart,
                    DdAnalytics *a)
{
  const DdAnalyticsGroup *all = a->overall;

  for (guint i = 0; i < DD_N_VERDICTS; i++)
    dd_chart_add_slice (chart, i, dd_code_label (dd_verdicts, dd_verdicts[i]),
                        (double) all->verdicts[i]);
  if (all->evaluated > 0)
    {
      g_autofree char *rate = dd_analytics_format_rate (all->satisfaction_rate);

      dd_chart_set_centre (chart, rate, _("Satisfaction rate"));
    }
  dd_chart_set_empty_text (chart, _("No verdicts of deputies in this period"));
}

static void
build_classes (DdChart     *chart,
               DdAnalytics *a)
{
  const DdAnalyticsGroup *all = a->overall;

  for (guint i = 0; i < DD_N_CLASSES; i++)
    dd_chart_add_slice (chart, i, dd_code_label (dd_reply_classes, dd_reply_classes[i]),
                        (double) all->classes[i]);
  if (all->replies > 0)
    {
      g_autofree char *count = format_count (all->replies);

      /* TRANSLATORS: under the number of replies in the A/B/C donut */
      dd_chart_set_centre (chart, count,
                           g_dngettext (GETTEXT_PACKAGE, "reply from the units", "replies from the units",
                                        plural_n (all->replies)));
    }
  dd_chart_set_empty_text (chart, _("No replies in this period"));
}

/* Units: 100 % stacked verdicts, in ranking order */

/* A row of verdicts: a unit without any would be an empty bar. */
static gboolean
unit_has_data (const DdAnalyticsGroup *unit)
{
  return unit->evaluated > 0;
}

static void
build_units (DdChart     *chart,
             DdAnalytics *a,
             guint        max_rows)
{
  for (guint i = 0; i < DD_N_VERDICTS; i++)
    dd_chart_add_series (chart, dd_code_label (dd_verdicts, dd_verdicts[i]));
  /* TRANSLATORS: the header of the units' ranking score column (0 … 100) */
  dd_chart_set_trailing_header (chart, _("Score"));

  for (guint i = 0; i < a->units->len; i++)
    {
      const DdAnalyticsGroup *unit = g_ptr_array_index (a->units, i);
      double values[DD_N_VERDICTS];
      guint item;

      if (!unit_has_data (unit))
        continue;
      for (guint v = 0; v < DD_N_VERDICTS; v++)
        values[v] = (double) unit->verdicts[v];
      item = dd_chart_add_item (chart, unit->id, unit->name, values, DD_N_VERDICTS);
      if (dd_analytics_rate_known (unit->score) && unit->rank > 0)
        {
          g_autofree char *score = g_strdup_printf ("%.1f", unit->score * 100.0);

          dd_chart_set_item_trailing (chart, item, score);
        }
      else if (dd_analytics_rate_known (unit->score))
        /* TRANSLATORS: in the units' score column: the unit answered fewer
         * suggestions than the ranking needs */
        dd_chart_set_item_trailing (chart, item, C_("ranking", "too few"));
      else
        dd_chart_set_item_trailing (chart, item, _("no data"));
    }
  if (max_rows > 0)
    dd_chart_set_max_rows (chart, max_rows);
  {
    g_autofree char *period = dd_analytics_filter_dup_period_label (a->filter);
    g_autofree char *subtitle = NULL;

    /* TRANSLATORS: the subtitle of the units' ranking: the period, then
     * the rule of the ranking, e.g. "2025 · ranked: units with 5 or more replies" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s · ranked: units with %d or more reply",
                                             "%s · ranked: units with %d or more replies",
                                             (unsigned long) a->min_replies),
                                period, a->min_replies);
    dd_chart_set_subtitle (chart, subtitle);
  }
  dd_chart_set_empty_text (chart, _("No verdicts of deputies in this period"));
}

/* Categories: grouped verdicts */

static void
build_categories (DdChart     *chart,
                  DdAnalytics *a)
{
  for (guint i = 0; i < DD_N_VERDICTS; i++)
    dd_chart_add_series (chart, dd_code_label (dd_verdicts, dd_verdicts[i]));
  dd_chart_set_value_format (chart, DD_CHART_VALUE_COUNT);

  for (guint i = 0; i < a->categories->len; i++)
    {
      const DdAnalyticsGroup *category = g_ptr_array_index (a->categories, i);
      double values[DD_N_VERDICTS];

      for (guint v = 0; v < DD_N_VERDICTS; v++)
        values[v] = (double) category->verdicts[v];
      dd_chart_add_item (chart, 0, category->name, values, DD_N_VERDICTS);
    }
  dd_chart_set_empty_text (chart, _("No verdicts of deputies in this period"));
}

/* Monthly: intake and closed */

static const char *
month_name (int month)
{
  static const char * const names[12] = {
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
    NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
    NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[CLAMP (month, 1, 12) - 1]);
}

static void
build_monthly (DdChart     *chart,
               DdAnalytics *a)
{
  gboolean one_year = TRUE;

  dd_chart_add_series (chart, _("Registered"));
  dd_chart_add_series (chart, _("Closed"));
  dd_chart_set_value_format (chart, DD_CHART_VALUE_COUNT);

  for (guint i = 1; i < a->months->len; i++)
    if (strncmp (g_array_index (a->months, DdAnalyticsMonth, 0).month,
                 g_array_index (a->months, DdAnalyticsMonth, i).month, 4) != 0)
      one_year = FALSE;

  for (guint i = 0; i < a->months->len; i++)
    {
      const DdAnalyticsMonth *month = &g_array_index (a->months, DdAnalyticsMonth, i);
      double values[2] = { (double) month->intake, (double) month->closed };

      if (one_year)
        dd_chart_add_item (chart, 0, month_name ((int) g_ascii_strtoll (month->month + 5, NULL, 10)),
                           values, 2);
      else
        dd_chart_add_item (chart, 0, month->month, values, 2);
    }
  dd_chart_set_empty_text (chart, _("No suggestions registered or closed in this period"));
}

/* Stations: receptions and voters received, the top ones */

static int
compare_stations (gconstpointer a,
                  gconstpointer b)
{
  const DdAnalyticsGroup *s = *(const DdAnalyticsGroup * const *) a;
  const DdAnalyticsGroup *t = *(const DdAnalyticsGroup * const *) b;

  if (s->receptions != t->receptions)
    return s->receptions > t->receptions ? -1 : 1;
  if (s->voters_received != t->voters_received)
    return s->voters_received > t->voters_received ? -1 : 1;
  return g_utf8_collate (s->name, t->name);
}

static void
build_stations (DdChart     *chart,
                DdAnalytics *a,
                guint        top)
{
  g_autoptr(GPtrArray) stations = g_ptr_array_new ();
  guint shown;

  dd_chart_add_series (chart, _("Receptions held"));
  dd_chart_add_series (chart, _("Voters received"));
  dd_chart_set_value_format (chart, DD_CHART_VALUE_COUNT);

  for (guint i = 0; i < a->stations->len; i++)
    {
      DdAnalyticsGroup *station = g_ptr_array_index (a->stations, i);

      if (station->receptions > 0 || station->voters_received > 0)
        g_ptr_array_add (stations, station);
    }
  g_ptr_array_sort (stations, compare_stations);

  shown = MIN (stations->len, top);
  for (guint i = 0; i < shown; i++)
    {
      const DdAnalyticsGroup *station = g_ptr_array_index (stations, i);
      double values[2] = { (double) station->receptions, (double) station->voters_received };

      dd_chart_add_item (chart, station->id, station->name, values, 2);
    }

  if (shown < stations->len)
    {
      g_autofree char *period = dd_analytics_filter_dup_period_label (a->filter);
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: the subtitle of the stations chart: the period, then
       * e.g. "the 10 of 37 stations with the most receptions" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s · the %u of %u station with the most receptions",
                                               "%s · the %u of %u stations with the most receptions",
                                               stations->len),
                                  period, shown, stations->len);
      dd_chart_set_subtitle (chart, subtitle);
    }
  dd_chart_set_empty_text (chart, _("No receptions at the stations in this period"));
}

/* Public */

static DdChart *
chart_new_for (DdReportChart kind)
{
  switch (kind)
    {
    case DD_REPORT_CHART_KEY_FIGURES:
      return dd_chart_new_tiles ();
    case DD_REPORT_CHART_SATISFACTION:
    case DD_REPORT_CHART_CLASSES:
      return dd_chart_new_donut ();
    case DD_REPORT_CHART_UNITS:
      return dd_chart_new_stacked_bars ();
    case DD_REPORT_CHART_CATEGORIES:
    case DD_REPORT_CHART_STATIONS:
      return dd_chart_new_grouped_bars ();
    case DD_REPORT_CHART_MONTHLY:
    default:
      return dd_chart_new_line ();
    }
}

DdChart *
dd_report_chart_new_limited (DdReportChart  kind,
                             DdAnalytics   *analytics,
                             guint          max_items)
{
  DdChart *chart;
  g_autofree char *period = NULL;

  g_return_val_if_fail (kind_valid (kind), NULL);
  g_return_val_if_fail (analytics != NULL, NULL);

  chart = chart_new_for (kind);
  dd_chart_set_title (chart, dd_report_chart_get_title (kind));
  period = dd_analytics_filter_dup_period_label (analytics->filter);
  dd_chart_set_subtitle (chart, period);

  switch (kind)
    {
    case DD_REPORT_CHART_KEY_FIGURES:
      build_key_figures (chart, analytics);
      break;
    case DD_REPORT_CHART_SATISFACTION:
      build_satisfaction (chart, analytics);
      break;
    case DD_REPORT_CHART_UNITS:
      build_units (chart, analytics, max_items);
      break;
    case DD_REPORT_CHART_CLASSES:
      build_classes (chart, analytics);
      break;
    case DD_REPORT_CHART_CATEGORIES:
      build_categories (chart, analytics);
      break;
    case DD_REPORT_CHART_MONTHLY:
      build_monthly (chart, analytics);
      break;
    case DD_REPORT_CHART_STATIONS:
    default:
      build_stations (chart, analytics, max_items > 0 ? max_items : DD_REPORT_STATIONS_TOP);
      break;
    }
  return chart;
}

DdChart *
dd_report_chart_new (DdReportChart  kind,
                     DdAnalytics   *analytics)
{
  return dd_report_chart_new_limited (kind, analytics, 0);
}

gboolean
dd_report_chart_write (DdReportChart          kind,
                       DdAnalytics           *analytics,
                       DdChartFormat          format,
                       const char            *path,
                       double                 width,
                       double                 height,
                       double                 dpi,
                       const DdChartPalette  *palette,
                       GError               **error)
{
  g_autoptr(DdChart) chart = NULL;

  g_return_val_if_fail (kind_valid (kind), FALSE);
  g_return_val_if_fail (analytics != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  chart = dd_report_chart_new (kind, analytics);
  return dd_chart_write_file (chart, format, path, width, height, dpi, palette, error);
}
