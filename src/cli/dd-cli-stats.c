/* dd-cli-stats.c: deputy-desk-cli stats, the figures of a year, and the
 * stations' figures of a year or of any period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <string.h>
#include <glib/gi18n.h>

#include "dd-cli.h"
#include "dd-codes.h"
#include "dd-stats.h"
#include "dd-store-check.h"
#include "dd-utils.h"

/* Where the figures end, in terminal columns. */
#define LINE_WIDTH 54

/* Terminal columns of @text: CJK labels take two a character. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* One line of the table: @label indented by @indent, @value right-aligned. */
static void
print_row (int         indent,
           const char *label,
           const char *value)
{
  int pad = LINE_WIDTH - indent - display_width (label) - display_width (value);

  g_print ("%*s%s%*s%s\n", indent, "", label, MAX (pad, 1), "", value);
}

static void
print_count (int         indent,
             const char *label,
             gint64      count)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  print_row (indent, label, value);
}

static void
print_heading (int         indent,
               const char *label)
{
  g_print ("%*s%s\n", indent, "", label);
}

/* One row per code, labelled with its translated name. */
static void
print_counts (int                 indent,
              const char * const *codes,
              const gint64       *counts)
{
  for (guint i = 0; codes[i] != NULL; i++)
    print_count (indent, dd_code_label (codes, codes[i]), counts[i]);
}

/* What the stations did, beyond what the year's table already shows. */
static void
print_station_checks (const DdStationStats *stations)
{
  print_count (0, _("Stations meeting every checklist item"), stations->stations_compliant);
  print_count (0, _("Stations upgraded"), stations->stations_upgraded);
}

static void
print_opinions (const DdStationStats *stations)
{
  print_count (0, _("Voters’ opinions recorded"), stations->opinions_recorded);
  print_count (2, _("Adopted (latest reply A or B)"), stations->opinions_adopted);
  print_count (2, _("Solved (latest reply A)"), stations->opinions_solved);
}

static void
print_table (const DdYearStats    *stats,
             const DdStationStats *stations,
             const char           *database)
{
  double rate = dd_year_stats_satisfaction_rate (stats);
  g_autofree char *title = g_strdup_printf (_("Figures for %d"), stats->year);

  g_print ("%s\n", title);
  g_print (_("Database: %s\n"), database);
  g_print ("\n");

  print_count (0, _("Deputies (active seats)"), stats->deputies_total);
  print_counts (2, dd_deputy_levels, stats->deputies_by_level);
  print_count (0, _("Deputies who received voters"), stats->deputies_receiving_voters);
  g_print ("\n");

  print_count (0, _("Stations (not archived)"), stats->stations_total);
  print_counts (2, dd_station_kinds, stats->stations_by_kind);
  print_station_checks (stations);
  g_print ("\n");

  print_count (0, _("Receptions held"), stats->receptions);
  print_count (0, _("Voters received"), stats->voters_received);
  print_count (0, _("Petitions handled for voters"), stations->petitions_handled);
  g_print ("\n");

  print_opinions (stations);
  g_print ("\n");

  print_count (0, _("Suggestions registered"), stats->suggestions_total);
  print_heading (2, _("By kind"));
  print_counts (4, dd_suggestion_kinds, stats->suggestions_by_kind);
  print_heading (2, _("By state"));
  print_counts (4, dd_suggestion_states, stats->suggestions_by_state);
  print_count (2, _("Overdue (past the reply deadline)"), stats->overdue);
  g_print ("\n");

  print_heading (0, _("Replies (the latest of each suggestion)"));
  print_counts (2, dd_reply_classes, stats->replies_by_class);
  g_print ("\n");

  print_heading (0, _("Evaluations (each proposer’s latest verdict)"));
  print_counts (2, dd_verdicts, stats->evaluations_by_verdict);
  if (rate < 0)
    print_row (0, _("Satisfaction rate"), _("no evaluations"));
  else
    {
      /* TRANSLATORS: a percentage, e.g. "93.5%" */
      g_autofree char *percent = g_strdup_printf (_("%.1f%%"), rate * 100.0);

      print_row (0, _("Satisfaction rate"), percent);
    }
  g_print ("\n");

  print_count (0, _("Activities held"), stats->activities);
}

/* The last day of [from, to): the day before @to. */
static char *
dup_last_day (const char *to)
{
  g_autoptr(GDate) date = g_date_new ();

  g_date_set_parse (date, to);
  g_date_subtract_days (date, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
print_period_table (const DdStationStats *stations,
                    const char           *from,
                    const char           *to,
                    const char           *database)
{
  g_autofree char *last = to != NULL ? dup_last_day (to) : NULL;
  g_autofree char *title = NULL;

  /* The last day included, not the --to bound, so a reader sees at once
   * whether the day they meant is in. */
  if (from != NULL && to != NULL)
    title = g_strdup_printf (_("Stations’ figures from %s to %s"), from, last);
  else if (from != NULL)
    title = g_strdup_printf (_("Stations’ figures from %s"), from);
  else
    title = g_strdup_printf (_("Stations’ figures up to %s"), last);

  g_print ("%s\n", title);
  g_print (_("Database: %s\n"), database);
  g_print ("\n");

  print_count (0, _("Stations (not archived)"), stations->stations_total);
  print_counts (2, dd_station_kinds, stations->stations_by_kind);
  print_station_checks (stations);
  g_print ("\n");

  print_count (0, _("Receptions held"), stations->receptions);
  print_count (0, _("Voters received"), stations->voters_received);
  print_count (0, _("Petitions handled for voters"), stations->petitions_handled);
  g_print ("\n");

  print_opinions (stations);
}

/* A usage error for a bad --from or --to, or NULL if @date is fine. */
static char *
check_date_option (const char *option,
                   const char *date)
{
  if (date == NULL || dd_date_is_valid (date))
    return NULL;
  /* TRANSLATORS: the first %s is the option, --from or --to */
  return g_strdup_printf (_("%s must be a date written YYYY-MM-DD, not “%s”"), option, date);
}

int
dd_cli_run_stats (int    argc,
                  char **argv)
{
  DdCliContext cli = { "stats", NULL };
  g_autofree char *year_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *usage = NULL;
  g_autoptr(DdStore) store = NULL;
  DdYearStats stats;
  DdStationStats stations;
  gboolean json = FALSE;
  gint64 year = 0;
  GError *error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "year", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &year_text,
      N_("The year to report (default: the latest year with suggestions or receptions)"),
      N_("YEAR") },
    { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &from,
      N_("Instead of a year: the stations’ figures from this day on"), N_("YYYY-MM-DD") },
    { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &to,
      N_("Instead of a year: the stations’ figures up to this day, which is not included"),
      N_("YYYY-MM-DD") },
    { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
      N_("Print the figures as JSON, with the stored codes as keys: with --year (or none) the "
         "year’s object, unchanged; with --from or --to the stations’ figures of the period"), NULL },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (year_text != NULL && (from != NULL || to != NULL))
    usage = g_strdup (_("Give either --year or --from/--to, not both"));
  else if ((usage = check_date_option ("--from", from)) != NULL ||
           (usage = check_date_option ("--to", to)) != NULL)
    ;
  else if (from != NULL && to != NULL && strcmp (from, to) >= 0)
    usage = g_strdup_printf (_("--to (%s) must be a later day than --from (%s)"), to, from);
  if (usage != NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("stats", usage);
    }

  /* Parsed as text so that "2025x" or "25" is an error, not a year. */
  if (year_text != NULL &&
      !g_ascii_string_to_signed (year_text, 10, 1900, 2999, &year, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("The year must be a number from 1900 to 2999, not “%s”"), year_text);
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("stats", message);
    }

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  if (from != NULL || to != NULL)
    {
      /* A period: only the stations' figures are defined for any period. */
      if (!dd_station_stats_compute (store, from, to, &stations, &error))
        {
          dd_cli_context_clear (&cli);
          return dd_cli_fail (error);
        }
      if (json)
        {
          g_autofree char *text = dd_station_stats_to_json (&stations, from, to);

          g_print ("%s", text);
        }
      else
        print_period_table (&stations, from, to, cli.database);

      dd_cli_context_clear (&cli);
      return DD_CLI_EXIT_OK;
    }

  if (year_text == NULL)
    year = dd_store_latest_year (store);

  if (!dd_year_stats_compute (store, (int) year, &stats, &error))
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  if (json)
    {
      g_autofree char *text = dd_year_stats_to_json (&stats);

      /* Exactly the model's text: scripts compare it byte for byte. The
       * stations' figures of the year are --from Y-01-01 --to Y+1-01-01. */
      g_print ("%s", text);
    }
  else
    {
      g_autofree char *year_from = g_strdup_printf ("%04d-01-01", (int) year);
      g_autofree char *year_to = g_strdup_printf ("%04d-01-01", (int) year + 1);

      if (!dd_station_stats_compute (store, year_from, year_to, &stations, &error))
        {
          dd_cli_context_clear (&cli);
          return dd_cli_fail (error);
        }
      print_table (&stats, &stations, cli.database);
    }

  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}
