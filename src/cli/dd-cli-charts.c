/* dd-cli-charts.c: deputy-desk-cli chart and deck, the statistics' charts
 * as PNG, SVG or PDF files, and the slide deck as one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <string.h>
#include <glib/gi18n.h>

#include "dd-analytics.h"
#include "dd-charts.h"
#include "dd-cli.h"
#include "dd-deck.h"
#include "dd-report-charts.h"
#include "dd-settings.h"
#include "dd-stats.h"
#include "dd-store-check.h"
#include "dd-year-summary.h"

#define DEFAULT_WIDTH  1280
#define DEFAULT_HEIGHT 720

/* Shared */

/* A usage error for a bad --year, or NULL; @year set when given. */
static char *
parse_year (const char *text,
            gint64     *year)
{
  if (text == NULL)
    return NULL;
  /* Parsed as text so that "2025x" or "25" is an error, not a year. */
  if (!g_ascii_string_to_signed (text, 10, 1900, 2999, year, NULL))
    return g_strdup_printf (_("The year must be a number from 1900 to 2999, not “%s”"), text);
  return NULL;
}

static char *
parse_palette (const char            *text,
               const DdChartPalette **palette)
{
  if (text == NULL || g_str_equal (text, "light"))
    *palette = dd_chart_palette_light ();
  else if (g_str_equal (text, "dark"))
    *palette = dd_chart_palette_dark ();
  else if (g_str_equal (text, "print"))
    *palette = dd_chart_palette_print ();
  else
    return g_strdup_printf (_("--palette must be light, dark or print, not “%s”"), text);
  return NULL;
}

/* The figures of @year (0: the latest year with data) and the office's
 * name; NULL with @error set. */
static DdAnalytics *
compute_year (DdStore  *store,
              gint64    year,
              char    **office_name,
              GError  **error)
{
  g_autoptr(DdAnalyticsFilter) filter = NULL;

  if (year == 0)
    year = dd_store_latest_year (store);
  filter = dd_analytics_filter_new_year ((int) year);
  *office_name = dd_settings_dup (store, DD_SETTING_OFFICE_NAME);
  return dd_analytics_compute (store, filter, NULL, error);
}

/* chart */

static void
print_kinds (void)
{
  guint n;
  const DdReportChart *kinds = dd_report_chart_list (&n);

  for (guint i = 0; i < n; i++)
    g_print ("%-13s %s\n", dd_report_chart_get_name (kinds[i]), dd_report_chart_get_title (kinds[i]));
}

static gboolean
format_from_name (const char    *name,
                  DdChartFormat *format)
{
  if (g_ascii_strcasecmp (name, "png") == 0)
    *format = DD_CHART_FORMAT_PNG;
  else if (g_ascii_strcasecmp (name, "svg") == 0)
    *format = DD_CHART_FORMAT_SVG;
  else if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = DD_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

/* "1920x1080" (or with ×); each side 100 … 10000. */
static gboolean
parse_size (const char *text,
            double     *width,
            double     *height)
{
  g_autofree char *copy = g_strdup (text);
  char *sep = strchr (copy, 'x');
  gint64 w, h;

  if (sep == NULL)
    sep = strchr (copy, 'X');
  if (sep == NULL && (sep = strstr (copy, "×")) != NULL)
    {
      *sep = '\0';
      sep += strlen ("×") - 1;
    }
  if (sep == NULL)
    return FALSE;
  *sep = '\0';
  if (!g_ascii_string_to_signed (copy, 10, 100, 10000, &w, NULL) ||
      !g_ascii_string_to_signed (sep + 1, 10, 100, 10000, &h, NULL))
    return FALSE;
  *width = (double) w;
  *height = (double) h;
  return TRUE;
}

static int
run_chart (int    argc,
           char **argv)
{
  DdCliContext cli = { "chart", NULL };
  g_autofree char *year_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *dpi_text = NULL;
  g_autofree char *palette_text = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *office_name = NULL;
  g_autofree char **args = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdAnalytics) analytics = NULL;
  const DdChartPalette *palette = NULL;
  const char *kind_name = NULL;
  DdReportChart kind = DD_REPORT_CHART_KEY_FIGURES;
  DdChartFormat format = DD_CHART_FORMAT_PNG;
  double width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT;
  gint64 year = 0, dpi = 96;
  gboolean list = FALSE;
  GError *error = NULL;
  int status, n_args = 0;
  GOptionEntry entries[] = {
    { "list", 'l', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &list,
      N_("List the kinds of chart and stop"), NULL },
    { "year", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &year_text,
      N_("The year to chart (default: the latest year with suggestions or receptions)"), N_("YEAR") },
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_text,
      N_("png, svg or pdf (default: from the file name’s extension, else png)"), N_("FORMAT") },
    { "out", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &out,
      N_("The file to write (replaced if it exists)"), N_("FILE") },
    { "size", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &size_text,
      N_("Width and height: pixels at 96 dpi for PNG, points for SVG and PDF (default: 1280x720)"),
      N_("WxH") },
    { "dpi", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &dpi_text,
      N_("PNG only: the resolution; the PNG has size × dpi / 96 pixels (default: 96)"), N_("N") },
    { "palette", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &palette_text,
      N_("light, dark or print (default: light)"), N_("PALETTE") },
    { NULL }
  };

  /* The kind comes first: "chart units --year 2025 …". */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    if (i == 1 && argv[i][0] != '-')
      kind_name = argv[i];
    else
      args[n_args++] = argv[i];

  status = dd_cli_parse_options (&cli, entries, &n_args, &args);
  if (status >= 0)
    return status;

  if (list)
    {
      print_kinds ();
      dd_cli_context_clear (&cli);
      return DD_CLI_EXIT_OK;
    }

  if (kind_name == NULL)
    usage = g_strdup (_("Say which chart to write, e.g. “chart units” (see --list)"));
  else if (!dd_report_chart_from_name (kind_name, &kind))
    usage = g_strdup_printf (_("Unknown chart “%s” (see --list)"), kind_name);
  else if (out == NULL || out[0] == '\0')
    usage = g_strdup (_("Say where to write the chart: --out FILE"));
  else if (format_text != NULL && !format_from_name (format_text, &format))
    usage = g_strdup_printf (_("--format must be png, svg or pdf, not “%s”"), format_text);
  else if (size_text != NULL && !parse_size (size_text, &width, &height))
    usage = g_strdup_printf (_("--size must be WIDTHxHEIGHT, each from 100 to 10000, e.g. 1920x1080, not “%s”"),
                             size_text);
  else if (dpi_text != NULL && !g_ascii_string_to_signed (dpi_text, 10, 24, 1200, &dpi, NULL))
    usage = g_strdup_printf (_("--dpi must be a number from 24 to 1200, not “%s”"), dpi_text);
  else if ((usage = parse_year (year_text, &year)) != NULL ||
           (usage = parse_palette (palette_text, &palette)) != NULL)
    {
      /* usage set */
    }
  else if (width * (double) dpi / 96 > 32767 || height * (double) dpi / 96 > 32767)
    usage = g_strdup (_("--size and --dpi give a PNG too large to write"));
  if (usage != NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("chart", usage);
    }

  if (format_text == NULL)
    {
      const char *dot = strrchr (out, '.');

      if (dot == NULL || !format_from_name (dot + 1, &format))
        format = DD_CHART_FORMAT_PNG;
    }
  out_path = g_canonicalize_filename (out, NULL);

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL ||
      (analytics = compute_year (store, year, &office_name, &error)) == NULL ||
      !dd_report_chart_write (kind, analytics, format, out_path, width, height, (double) dpi, palette,
                              &error))
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  /* TRANSLATORS: e.g. "Wrote the chart “units” to “/tmp/units.png”" */
  g_print (_("Wrote the chart “%s” to “%s”\n"), dd_report_chart_get_name (kind), out_path);
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* deck */

static int
run_deck (int    argc,
          char **argv)
{
  DdCliContext cli = { "deck", NULL };
  g_autofree char *year_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *palette_text = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *office_name = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdAnalytics) analytics = NULL;
  g_autoptr(DdDeck) deck = NULL;
  const DdChartPalette *palette = NULL;
  DdYearSummary summary;
  gint64 year = 0;
  GError *error = NULL;
  guint n;
  int status;
  GOptionEntry entries[] = {
    { "year", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &year_text,
      N_("The year to present (default: the latest year with suggestions or receptions)"), N_("YEAR") },
    { "out", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &out,
      N_("The PDF file to write (replaced if it exists)"), N_("FILE") },
    { "palette", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &palette_text,
      N_("light, dark or print (default: light)"), N_("PALETTE") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (out == NULL || out[0] == '\0')
    usage = g_strdup (_("Say where to write the deck: --out FILE"));
  else if ((usage = parse_year (year_text, &year)) == NULL)
    usage = parse_palette (palette_text, &palette);
  if (usage != NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("deck", usage);
    }
  out_path = g_canonicalize_filename (out, NULL);

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL || (analytics = compute_year (store, year, &office_name, &error)) == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  dd_year_summary_from_analytics (&summary, analytics);
  deck = dd_deck_new (analytics, &summary, office_name);
  if (!dd_deck_write_pdf (deck, out_path, palette, NULL, NULL, NULL, &error))
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  n = dd_deck_get_n_slides (deck);
  /* TRANSLATORS: e.g. "Wrote 8 slides to “/tmp/deck.pdf”" */
  g_print (ngettext ("Wrote %u slide to “%s”\n", "Wrote %u slides to “%s”\n", n), n, out_path);
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

int
dd_cli_run_chart (int    argc,
                  char **argv)
{
  int status = run_chart (argc, argv);

  /* Let a leak checker see only what is really lost. */
  dd_charts_release_caches ();
  return status;
}

int
dd_cli_run_deck (int    argc,
                 char **argv)
{
  int status = run_deck (argc, argv);

  dd_charts_release_caches ();
  return status;
}
