/* bench-charts.c: deputy-desk-bench-charts, the charts' and the deck's costs
 *
 * On a demo database (generated, --size district by default, or an
 * existing one with --database), the statistics of one year (--year,
 * default the last full year) are computed once, then:
 *
 * (a) each chart of dd-report-charts.h is built from them, and redrawn at
 *     1920×1080 on an image surface: the median of --runs redraws, against
 *     the 16 ms of a frame (PERFORMANCE.md);
 * (b) the deck's PDF (dd_deck_write_pdf(), 960×540 pt pages, fsync and
 *     rename included) against the sum of the raw renders of the same
 *     slides on image surfaces of the same size (960×540), and at
 *     1920×1080 for comparison: medians; target: at most 2×. Also the
 *     same pages to a PDF stream that writes nowhere, and the title slide
 *     alone, which shows the PDF's fixed cost (fonts subset, embedded and
 *     compressed once a document);
 * (c) each slide alone, raw and as a one-page PDF, and the bytes of the
 *     PDF of slides 1 … # (where the embedded fonts grow).
 *
 * Every figure is measured in this one run. A missed target is printed
 * ("target met?": no) and counted in the last line, never an exit status:
 * a benchmark is not a test (the exit status is 0 unless it cannot run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "dd-analytics.h"
#include "dd-charts.h"
#include "dd-deck.h"
#include "dd-demo.h"
#include "dd-report-charts.h"
#include "dd-settings.h"
#include "dd-stats.h"
#include "dd-store-check.h"
#include "dd-year-summary.h"

#define FRAME_MS    16.0
#define DECK_RATIO  2.0

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *samples,
        int     n)
{
  qsort (samples, (size_t) n, sizeof *samples, compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static double
now_ms (void)
{
  return (double) g_get_monotonic_time () / 1e3;
}

/* One redraw of @chart on @surface, in ms. */
static double
time_draw (DdChart         *chart,
           cairo_surface_t *surface,
           double           width,
           double           height)
{
  cairo_t *cr = cairo_create (surface);
  double started = now_ms (), elapsed;

  dd_chart_draw (chart, cr, width, height, NULL);
  cairo_surface_flush (surface);
  elapsed = now_ms () - started;
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("drawing failed: %s", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  return elapsed;
}

/* Slides @first … @first + @n_slides - 1 (G_MAXUINT: to the end) once
 * on an image surface of @width × @height, in ms. */
static double
time_slides_range (DdDeck *deck,
                   guint   first,
                   guint   n_slides,
                   int     width,
                   int     height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double started = now_ms (), elapsed;
  guint end = n_slides == G_MAXUINT ? dd_deck_get_n_slides (deck) : first + n_slides;

  for (guint i = first; i < end; i++)
    {
      cairo_t *cr = cairo_create (surface);

      dd_deck_draw_slide (deck, i, cr, width, height, NULL);
      cairo_surface_flush (surface);
      cairo_destroy (cr);
    }
  elapsed = now_ms () - started;
  cairo_surface_destroy (surface);
  return elapsed;
}

static double
time_slides (DdDeck *deck,
             int     width,
             int     height)
{
  return time_slides_range (deck, 0, G_MAXUINT, width, height);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The deck's pages @first … @first + @n_slides - 1 on a PDF surface
 * writing nowhere: the PDF's own cost (fonts subset and embedded, streams
 * compressed) without the file. */
static double
time_pdf_stream (DdDeck *deck,
                 guint   first,
                 guint   n_slides,
                 gsize  *bytes)
{
  double started = now_ms ();
  cairo_surface_t *surface;
  cairo_t *cr;

  *bytes = 0;
  surface = cairo_pdf_surface_create_for_stream (discard, bytes, DD_DECK_PDF_WIDTH, DD_DECK_PDF_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = first; i < first + n_slides; i++)
    {
      dd_deck_draw_slide (deck, i, cr, DD_DECK_PDF_WIDTH, DD_DECK_PDF_HEIGHT, NULL);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return now_ms () - started;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *size_text = NULL;
  g_autofree char *database = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *office = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdAnalyticsFilter) filter = NULL;
  g_autoptr(DdAnalytics) analytics = NULL;
  g_autoptr(DdDeck) deck = NULL;
  DdYearSummary summary;
  DdDemoSize size = DD_DEMO_DISTRICT;
  int year = 0, runs = 15, failures = 0;
  guint n_kinds;
  const DdReportChart *kinds;
  double *samples, *samples2, started, compute_ms;
  double pdf_ms, raw_ms, raw_big_ms, stream_ms, title_ms;
  gsize pdf_bytes = 0, title_bytes = 0;
  GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_STRING, &size_text, "Demo size: small, district, province", "SIZE" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "An existing demo database instead", "FILE" },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, "The year (default: the last full year)", "YEAR" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs for each median (default 15)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- the charts' and the deck's costs");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (size_text != NULL && !dd_demo_size_from_string (size_text, &size))
    {
      g_printerr ("unknown size %s\n", size_text);
      return 2;
    }
  runs = CLAMP (runs, 1, 1000);

  tmp_dir = g_dir_make_tmp ("bench-charts-XXXXXX", &error);
  g_assert_no_error (error);
  pdf_path = g_build_filename (tmp_dir, "deck.pdf", NULL);

  if (database != NULL)
    {
      store = dd_store_open_existing (database, &error);
      if (store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("Database: %s\n", database);
    }
  else
    {
      DdDemoOptions options = { size, 1, NULL, NULL, NULL };

      db_path = g_build_filename (tmp_dir, "demo.sqlite", NULL);
      store = dd_store_open (db_path, DD_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      started = now_ms ();
      if (!dd_demo_generate (store, &options, &error))
        g_error ("demo: %s", error->message);
      g_print ("Demo: %s, generated in %.1f s\n", size_text != NULL ? size_text : "district",
               (now_ms () - started) / 1e3);
    }

  if (year == 0)
    year = dd_store_latest_year (store) - 1;
  filter = dd_analytics_filter_new_year (year);
  started = now_ms ();
  analytics = dd_analytics_compute (store, filter, NULL, &error);
  if (analytics == NULL)
    g_error ("statistics: %s", error->message);
  compute_ms = now_ms () - started;
  g_print ("Year %d: %" G_GINT64_FORMAT " suggestions, %u units, %u stations; statistics in %.1f ms\n",
           year, analytics->overall->suggestions, analytics->units->len, analytics->stations->len,
           compute_ms);
  g_print ("Medians of %d runs.\n\n", runs);

  samples = g_new (double, runs);
  samples2 = g_new (double, runs);

  /* (a) */
  g_print ("(a) one chart redrawn at 1920×1080 on an image surface (target ≤ %.0f ms)\n", FRAME_MS);
  g_print ("%-14s %6s %10s %10s %13s\n", "chart", "items", "build ms", "draw ms", "target met?");
  kinds = dd_report_chart_list (&n_kinds);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);

    for (guint k = 0; k < n_kinds; k++)
      {
        g_autoptr(DdChart) chart = NULL;
        double build, draw;

        for (int r = 0; r < runs; r++)
          {
            DdChart *built;

            started = now_ms ();
            built = dd_report_chart_new (kinds[k], analytics);
            samples2[r] = now_ms () - started;
            dd_chart_unref (built);
          }
        build = median (samples2, runs);
        chart = dd_report_chart_new (kinds[k], analytics);
        time_draw (chart, surface, 1920, 1080);   /* warm the font caches */
        for (int r = 0; r < runs; r++)
          samples[r] = time_draw (chart, surface, 1920, 1080);
        draw = median (samples, runs);
        if (draw > FRAME_MS)
          failures++;
        g_print ("%-14s %6u %10.3f %10.2f %13s\n", dd_report_chart_get_name (kinds[k]),
                 dd_chart_get_n_items (chart), build, draw, draw <= FRAME_MS ? "yes" : "no");
      }
    cairo_surface_destroy (surface);
  }

  /* (b) */
  office = dd_settings_dup (store, DD_SETTING_OFFICE_NAME);
  dd_year_summary_from_analytics (&summary, analytics);
  deck = dd_deck_new (analytics, &summary, office);
  time_slides (deck, 960, 540);
  for (int r = 0; r < runs; r++)
    samples[r] = time_slides (deck, 960, 540);
  raw_ms = median (samples, runs);
  for (int r = 0; r < runs; r++)
    samples[r] = time_slides (deck, 1920, 1080);
  raw_big_ms = median (samples, runs);
  for (int r = 0; r < runs; r++)
    {
      started = now_ms ();
      if (!dd_deck_write_pdf (deck, pdf_path, NULL, NULL, NULL, NULL, &error))
        g_error ("deck: %s", error->message);
      samples[r] = now_ms () - started;
    }
  pdf_ms = median (samples, runs);
  for (int r = 0; r < runs; r++)
    samples[r] = time_pdf_stream (deck, 0, dd_deck_get_n_slides (deck), &pdf_bytes);
  stream_ms = median (samples, runs);
  for (int r = 0; r < runs; r++)
    samples[r] = time_pdf_stream (deck, 0, 1, &title_bytes);
  title_ms = median (samples, runs);
  if (pdf_ms > DECK_RATIO * raw_ms)
    failures++;

  g_print ("\n(b) the deck, %u slides (target: PDF ≤ %.0f× the raw renders)\n",
           dd_deck_get_n_slides (deck), DECK_RATIO);
  g_print ("%-44s %10s %8s %13s\n", "", "ms", "ratio", "target met?");
  g_print ("%-44s %10.2f %8s\n", "raw renders, image surfaces 960×540", raw_ms, "1.00");
  g_print ("%-44s %10.2f %8.2f\n", "raw renders, image surfaces 1920×1080", raw_big_ms, raw_big_ms / raw_ms);
  g_print ("%-44s %10.2f %8.2f  (%" G_GSIZE_FORMAT " bytes)\n", "the same pages to a PDF stream, no file",
           stream_ms, stream_ms / raw_ms, pdf_bytes);
  g_print ("%-44s %10.2f %8.2f  (%" G_GSIZE_FORMAT " bytes)\n", "the title slide alone to a PDF stream",
           title_ms, title_ms / raw_ms, title_bytes);
  g_print ("%-44s %10.2f %8.2f %13s\n", "dd_deck_write_pdf, 960×540 pt (fsync, rename)", pdf_ms,
           pdf_ms / raw_ms, pdf_ms <= DECK_RATIO * raw_ms ? "yes" : "no");

  /* (c) where the PDF's cost lies: each slide alone in a document of its
   * own (so each pays for its own fonts), against its raw render. */
  g_print ("\n(c) each slide alone: raw render 960×540 vs its own one-page PDF stream\n");
  g_print ("%-3s %-34s %10s %10s %8s %10s %12s\n", "#", "slide", "raw ms", "PDF ms", "ratio", "bytes",
           "1…# bytes");
  for (guint i = 0; i < dd_deck_get_n_slides (deck); i++)
    {
      g_autofree char *title = g_utf8_make_valid (dd_deck_get_slide_title (deck, i), -1);
      double raw1, pdf1;
      gsize bytes1 = 0, upto = 0;

      if (g_utf8_strlen (title, -1) > 34)
        *g_utf8_offset_to_pointer (title, 33) = '\0';
      for (int r = 0; r < runs; r++)
        samples[r] = time_slides_range (deck, i, 1, 960, 540);
      raw1 = median (samples, runs);
      for (int r = 0; r < runs; r++)
        samples[r] = time_pdf_stream (deck, i, 1, &bytes1);
      pdf1 = median (samples, runs);
      time_pdf_stream (deck, 0, i + 1, &upto);
      g_print ("%-3u %-34s %10.2f %10.2f %8.1f %10" G_GSIZE_FORMAT " %12" G_GSIZE_FORMAT "\n", i + 1, title,
               raw1, pdf1, pdf1 / MAX (raw1, 1e-3), bytes1, upto);
    }

  g_free (samples);
  g_free (samples2);
  g_clear_object (&store);
  g_unlink (pdf_path);
  if (db_path != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (tmp_dir);
  g_print ("\nTargets missed: %d\n", failures);
  return 0;
}
