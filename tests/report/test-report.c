/* test-report.c: the statistics' charts and the slide deck, headless
 *
 * The charts are built from DdAnalytics of the small demo (one full year)
 * and of a year without anything; their items are checked against the
 * analytics (and the items' ids, found with the chart's own hit test,
 * against the units' and stations' ids), and every chart and slide is
 * drawn at 1920×1080, 1024×768 and a widget's size without a Cairo error.
 * The deck's PDF is read back with pdfinfo and pdftotext (poppler-utils):
 * one page per slide, the year's paragraph in it, and no phone number and
 * no voter's name of the demo anywhere in its text.
 *
 * Set DD_REPORT_SLIDES_DIR to a folder to keep the slides as PNG files
 * (1920×1080 and 1024×768) for a look.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-analytics.h"
#include "dd-charts.h"
#include "dd-deck.h"
#include "dd-demo.h"
#include "dd-report-charts.h"
#include "dd-settings.h"
#include "dd-stats.h"
#include "dd-store-private.h"
#include "dd-year-summary.h"

#define TODAY "2026-06-30"
#define OFFICE "江州市人大常委会代表工作室"

static DdStore *store;
static DdAnalytics *year_figures;    /* a full year of the demo */
static DdAnalytics *empty_figures;   /* a year with nothing */
static DdYearSummary year_summary;
static char *tmp_dir;

static const struct
{
  double width;
  double height;
} sizes[] = { { 1920, 1080 }, { 1024, 768 }, { 480, 320 } };

/* Helpers */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static GPtrArray *
query_texts (const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return texts;
}

static DdAnalytics *
compute_year (int year)
{
  g_autoptr(DdAnalyticsFilter) filter = dd_analytics_filter_new_year (year);
  g_autoptr(GError) error = NULL;
  DdAnalytics *analytics = dd_analytics_compute (store, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (analytics);
  return analytics;
}

static void
assert_draws (DdChart *chart,
              double   width,
              double   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);

  dd_chart_draw (chart, cr, width, height, dd_chart_palette_light ());
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  dd_chart_draw (chart, cr, width, height, dd_chart_palette_dark ());
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The full path of @tool, or NULL and a failed test saying how to get it. */
static char *
find_tool (const char *tool)
{
  char *path = g_find_program_in_path (tool);

  if (path == NULL)
    {
      g_test_message ("%s not found: install poppler-utils (build-aux/setup installs it)", tool);
      g_test_fail ();
    }
  return path;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &wait_status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      g_test_fail ();
      return NULL;
    }
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  return out;
}

static int
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = find_tool ("pdfinfo");
  g_autofree char *out = NULL;
  const char *line;

  if (pdfinfo == NULL)
    return -1;
  out = run_tool ((const char *[]) { pdfinfo, path, NULL });
  g_assert_nonnull (out);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* Text without any white space: the PDF's line breaks fall anywhere. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The items' ids as the chart's hit test finds them, scanning down
 * a few vertical lines across the chart: index → id, -1 for an item not hit. */
static GArray *
hit_ids (DdChart *chart,
         double   width,
         double   height)
{
  guint n = dd_chart_get_n_items (chart);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_set_size (ids, n);
  for (guint i = 0; i < n; i++)
    g_array_index (ids, gint64, i) = -1;

  /* Five columns, every 4 units down: every row and group is crossed
   * (a row's label or bar, a group's bars), cheaply enough for a
   * sanitizer's build. */
  for (double y = 0; y < height; y += 4)
    for (double x = width / 10; x < width; x += width / 5)
      {
        DdChartHit hit = { .item = -1 };

        if (!dd_chart_hit (chart, width, height, x, y, &hit))
          continue;
        g_assert_cmpint (hit.item, >=, 0);
        g_assert_cmpint (hit.item, <, (int) n);
        if (g_array_index (ids, gint64, hit.item) != -1)
          g_assert_cmpint (g_array_index (ids, gint64, hit.item), ==, hit.id);
        g_array_index (ids, gint64, hit.item) = hit.id;
        dd_chart_hit_clear (&hit);
      }
  return ids;
}

/* Kinds */

static void
test_kinds (void)
{
  guint n = 0;
  const DdReportChart *kinds = dd_report_chart_list (&n);
  DdReportChart kind;

  g_assert_cmpuint (n, ==, DD_REPORT_N_CHARTS);
  for (guint i = 0; i < n; i++)
    {
      const char *name = dd_report_chart_get_name (kinds[i]);

      g_assert_nonnull (name);
      g_assert_true (dd_report_chart_from_name (name, &kind));
      g_assert_cmpint (kind, ==, kinds[i]);
      g_assert_cmpstr (dd_report_chart_get_title (kinds[i]), !=, "");
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (name, !=, dd_report_chart_get_name (kinds[j]));
    }
  g_assert_cmpstr (dd_report_chart_get_name (DD_REPORT_CHART_UNITS), ==, "units");
  g_assert_cmpstr (dd_report_chart_get_name (DD_REPORT_CHART_KEY_FIGURES), ==, "key-figures");
  g_assert_false (dd_report_chart_from_name ("pie", &kind));
  g_assert_false (dd_report_chart_from_name ("", &kind));
  g_assert_false (dd_report_chart_from_name (NULL, &kind));
  g_assert_null (dd_report_chart_get_name ((DdReportChart) 99));
  g_assert_cmpint (dd_report_chart_get_target (DD_REPORT_CHART_UNITS), ==, DD_REPORT_CHART_TARGET_UNIT);
  g_assert_cmpint (dd_report_chart_get_target (DD_REPORT_CHART_STATIONS), ==,
                   DD_REPORT_CHART_TARGET_STATION);
  g_assert_cmpint (dd_report_chart_get_target (DD_REPORT_CHART_MONTHLY), ==, DD_REPORT_CHART_TARGET_NONE);
}

/* Charts of the demo year */

static guint
n_units_with_data (DdAnalytics *a)
{
  guint n = 0;

  for (guint i = 0; i < a->units->len; i++)
    {
      const DdAnalyticsGroup *unit = g_ptr_array_index (a->units, i);

      if (unit->evaluated > 0)
        n++;
    }
  return n;
}

static guint
n_stations_with_receptions (DdAnalytics *a)
{
  guint n = 0;

  for (guint i = 0; i < a->stations->len; i++)
    {
      const DdAnalyticsGroup *station = g_ptr_array_index (a->stations, i);

      if (station->receptions > 0 || station->voters_received > 0)
        n++;
    }
  return n;
}

static const DdAnalyticsGroup *
find_by_id (GPtrArray *groups,
            gint64     id)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const DdAnalyticsGroup *group = g_ptr_array_index (groups, i);

      if (group->id == id)
        return group;
    }
  return NULL;
}

static void
test_charts_demo (void)
{
  DdAnalytics *a = year_figures;
  guint n_kinds;
  const DdReportChart *kinds = dd_report_chart_list (&n_kinds);

  /* The demo year has what every chart shows. */
  g_assert_cmpint (a->overall->suggestions, >, 0);
  g_assert_cmpint (a->overall->evaluated, >, 0);
  g_assert_cmpint (a->receptions, >, 0);
  g_assert_cmpuint (n_units_with_data (a), >, 1);
  g_assert_cmpuint (n_stations_with_receptions (a), >, 1);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(DdChart) chart = dd_report_chart_new (kinds[k], a);
      g_autofree char *text = dd_chart_describe (chart);

      g_test_message ("chart %s", dd_report_chart_get_name (kinds[k]));
      g_assert_nonnull (strstr (text, dd_report_chart_get_title (kinds[k])));
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        assert_draws (chart, sizes[s].width, sizes[s].height);

      switch (kinds[k])
        {
        case DD_REPORT_CHART_KEY_FIGURES:
          {
            g_autofree char *suggestions = dd_chart_format_count ((double) a->overall->suggestions);
            g_autofree char *voters = dd_chart_format_count ((double) a->voters_received);
            g_autofree char *rate = dd_analytics_format_rate (a->overall->satisfaction_rate);

            g_assert_cmpuint (dd_chart_get_n_items (chart), ==, 8);
            g_assert_nonnull (strstr (text, suggestions));
            g_assert_nonnull (strstr (text, voters));
            g_assert_nonnull (strstr (text, rate));
          }
          break;
        case DD_REPORT_CHART_SATISFACTION:
        case DD_REPORT_CHART_CLASSES:
          g_assert_cmpuint (dd_chart_get_n_items (chart), ==, 3);
          for (guint i = 0; i < 3; i++)
            {
              gint64 count = kinds[k] == DD_REPORT_CHART_SATISFACTION ? a->overall->verdicts[i]
                                                                       : a->overall->classes[i];
              g_autofree char *value = dd_chart_format_count ((double) count);

              g_assert_nonnull (strstr (text, value));
            }
          break;
        case DD_REPORT_CHART_UNITS:
          {
            g_autoptr(GArray) ids = hit_ids (chart, 1024, 768);
            guint found = 0, item = 0;

            g_assert_cmpuint (dd_chart_get_n_items (chart), ==, n_units_with_data (a));
            /* Item i is the i-th unit with data in ranking order, its id the unit's. */
            for (guint i = 0; i < a->units->len; i++)
              {
                const DdAnalyticsGroup *unit = g_ptr_array_index (a->units, i);

                if (unit->evaluated == 0)
                  continue;
                if (g_array_index (ids, gint64, item) != -1)
                  {
                    g_assert_cmpint (g_array_index (ids, gint64, item), ==, unit->id);
                    found++;
                  }
                item++;
              }
            /* At least the rows that fit the height were hit. */
            g_assert_cmpuint (found, >=, MIN (item, 8));
          }
          break;
        case DD_REPORT_CHART_CATEGORIES:
          g_assert_cmpuint (dd_chart_get_n_items (chart), ==, a->categories->len);
          break;
        case DD_REPORT_CHART_MONTHLY:
          g_assert_cmpuint (dd_chart_get_n_items (chart), ==, 12);
          g_assert_cmpuint (a->months->len, ==, 12);
          break;
        case DD_REPORT_CHART_STATIONS:
        default:
          {
            g_autoptr(GArray) ids = hit_ids (chart, 1024, 768);
            gint64 previous = G_MAXINT64;
            guint found = 0;

            g_assert_cmpuint (dd_chart_get_n_items (chart), ==,
                              MIN (DD_REPORT_STATIONS_TOP, n_stations_with_receptions (a)));
            /* Ids are stations' ids, the stations by receptions, most first. */
            for (guint i = 0; i < ids->len; i++)
              {
                const DdAnalyticsGroup *station;

                if (g_array_index (ids, gint64, i) == -1)
                  continue;
                station = find_by_id (a->stations, g_array_index (ids, gint64, i));
                if (station == NULL)
                  g_error ("item %u: %" G_GINT64_FORMAT " is not a station's id", i,
                           g_array_index (ids, gint64, i));
                g_assert_cmpint (station->receptions, <=, previous);
                previous = station->receptions;
                found++;
              }
            g_assert_cmpuint (found, ==, ids->len);
          }
          break;
        }
    }

  /* A limit: at most that many stations. */
  {
    g_autoptr(DdChart) chart = dd_report_chart_new_limited (DD_REPORT_CHART_STATIONS, a, 2);

    g_assert_cmpuint (dd_chart_get_n_items (chart), ==, 2);
  }
}

static void
test_charts_empty (void)
{
  DdAnalytics *a = empty_figures;
  guint n_kinds;
  const DdReportChart *kinds = dd_report_chart_list (&n_kinds);

  g_assert_cmpint (a->overall->suggestions, ==, 0);
  g_assert_cmpint (a->receptions, ==, 0);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(DdChart) chart = dd_report_chart_new (kinds[k], a);
      guint expected = 0;

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        assert_draws (chart, sizes[s].width, sizes[s].height);
      switch (kinds[k])
        {
        case DD_REPORT_CHART_KEY_FIGURES:
          expected = 8;
          break;
        case DD_REPORT_CHART_SATISFACTION:
        case DD_REPORT_CHART_CLASSES:
          expected = 3;   /* three empty slices: the chart shows its empty text */
          break;
        case DD_REPORT_CHART_MONTHLY:
          expected = a->months->len;
          break;
        case DD_REPORT_CHART_UNITS:
        case DD_REPORT_CHART_CATEGORIES:
        case DD_REPORT_CHART_STATIONS:
        default:
          expected = 0;
          break;
        }
      g_assert_cmpuint (dd_chart_get_n_items (chart), ==, expected);

      /* Nothing to hit where nothing is drawn (the tiles excepted). */
      if (kinds[k] != DD_REPORT_CHART_KEY_FIGURES)
        {
          g_autoptr(GArray) ids = hit_ids (chart, 1024, 768);

          for (guint i = 0; i < ids->len; i++)
            g_assert_cmpint (g_array_index (ids, gint64, i), ==, -1);
        }
    }
}

static void
test_chart_write (void)
{
  g_autofree char *png = tmp_path ("units.png");
  g_autofree char *bad = g_build_filename (tmp_dir, "no-such-folder", "units.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (dd_report_chart_write (DD_REPORT_CHART_UNITS, year_figures, DD_CHART_FORMAT_PNG, png,
                                        800, 600, 192, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* 800 × 600 at 192 dpi: twice the pixels. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 1600);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 1200);

  g_assert_false (dd_report_chart_write (DD_REPORT_CHART_UNITS, year_figures, DD_CHART_FORMAT_PDF, bad,
                                         800, 600, 96, NULL, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO);
}

/* The deck */

static const DdDeckSlide expected_slides[] = {
  DD_DECK_SLIDE_TITLE, DD_DECK_SLIDE_KEY_FIGURES, DD_DECK_SLIDE_SUMMARY, DD_DECK_SLIDE_SATISFACTION,
  DD_DECK_SLIDE_UNITS, DD_DECK_SLIDE_CLASSES, DD_DECK_SLIDE_MONTHLY, DD_DECK_SLIDE_STATIONS,
};

static void
save_slides (DdDeck     *deck,
             const char *tag)
{
  const char *dir = g_getenv ("DD_REPORT_SLIDES_DIR");

  if (dir == NULL || dir[0] == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < dd_deck_get_n_slides (deck); i++)
      {
        int w = (int) sizes[s].width, h = (int) sizes[s].height;
        g_autofree char *name = g_strdup_printf ("%s-%dx%d-%u.png", tag, w, h, i + 1);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
        cairo_t *cr = cairo_create (surface);

        dd_deck_draw_slide (deck, i, cr, w, h, NULL);
        g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, ==, *calls + 1);
  g_assert_cmpuint (total, ==, G_N_ELEMENTS (expected_slides));
  (*calls)++;
}

static void
test_deck_demo (void)
{
  g_autoptr(DdDeck) deck = dd_deck_new (year_figures, &year_summary, OFFICE);
  g_autoptr(DdDeck) short_deck = dd_deck_new (year_figures, NULL, NULL);
  g_autofree char *pdf = tmp_path ("deck.pdf");
  g_autofree char *paragraph = dd_year_summary_paragraph (&year_summary, OFFICE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_autoptr(GPtrArray) voters = NULL;
  g_autofree char *pdftotext = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *flat_paragraph = NULL;
  guint calls = 0;

  g_assert_cmpuint (dd_deck_get_n_slides (deck), ==, G_N_ELEMENTS (expected_slides));
  for (guint i = 0; i < G_N_ELEMENTS (expected_slides); i++)
    {
      g_assert_cmpint (dd_deck_get_slide_kind (deck, i), ==, expected_slides[i]);
      g_assert_nonnull (dd_deck_get_slide_title (deck, i));
      g_assert_cmpstr (dd_deck_get_slide_title (deck, i), !=, "");
      if (expected_slides[i] == DD_DECK_SLIDE_TITLE)
        g_assert_null (dd_deck_get_slide_chart (deck, i));
      else
        g_assert_nonnull (dd_deck_get_slide_chart (deck, i));
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) sizes[s].width,
                                                                 (int) sizes[s].height);
          cairo_t *cr = cairo_create (surface);

          dd_deck_draw_slide (deck, i, cr, sizes[s].width, sizes[s].height, dd_chart_palette_dark ());
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
  g_assert_cmpstr (dd_deck_get_slide_title (deck, 0), ==, OFFICE);
  g_assert_cmpstr (dd_deck_get_slide_title (deck, 3), ==,
                   dd_report_chart_get_title (DD_REPORT_CHART_SATISFACTION));
  /* Without a summary, no summary slide. */
  g_assert_cmpuint (dd_deck_get_n_slides (short_deck), ==, G_N_ELEMENTS (expected_slides) - 1);
  for (guint i = 0; i < dd_deck_get_n_slides (short_deck); i++)
    g_assert_cmpint (dd_deck_get_slide_kind (short_deck, i), !=, DD_DECK_SLIDE_SUMMARY);
  save_slides (deck, "demo");

  g_assert_true (dd_deck_write_pdf (deck, pdf, NULL, NULL, count_progress, &calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, G_N_ELEMENTS (expected_slides));
  g_assert_cmpint (pdf_pages (pdf), ==, (int) G_N_ELEMENTS (expected_slides));

  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext not found (poppler-utils): the deck's text is not checked");
      return;
    }
  text = run_tool ((const char *[]) { pdftotext, "-enc", "UTF-8", pdf, "-", NULL });
  g_assert_nonnull (text);
  flat = squeeze (text);
  flat_paragraph = squeeze (paragraph);
  g_assert_nonnull (strstr (flat, flat_paragraph));
  g_assert_nonnull (strstr (flat, OFFICE));

  /* No personal data: no deputy's or voter's phone, no voter's name. */
  phones = query_texts ("SELECT phone FROM deputies WHERE length(phone) >= 7"
                        " UNION SELECT voter_phone FROM suggestions WHERE length(voter_phone) >= 7"
                        " UNION SELECT contact_phone FROM stations WHERE length(contact_phone) >= 7");
  g_assert_cmpuint (phones->len, >, 10);
  for (guint i = 0; i < phones->len; i++)
    {
      g_autofree char *phone = squeeze (g_ptr_array_index (phones, i));

      if (strstr (flat, phone) != NULL)
        g_error ("the deck shows the phone number %s", phone);
    }
  voters = query_texts ("SELECT DISTINCT voter_name FROM suggestions"
                        " WHERE voter_name IS NOT NULL AND length(voter_name) >= 3");
  for (guint i = 0; i < voters->len; i++)
    if (strstr (flat, g_ptr_array_index (voters, i)) != NULL)
      g_error ("the deck shows the voter’s name %s", (char *) g_ptr_array_index (voters, i));
}

/* Slides are set for a room: every chart in slide mode, its type at least
 * the fractions of the height dd-chart.h promises, at both projector
 * sizes; the units' slide shows at most DD_DECK_UNITS_TOP rows, each
 * station's row tall enough for its two bars at label size. */
static void
test_deck_legible (void)
{
  g_autoptr(DdDeck) deck = dd_deck_new (year_figures, &year_summary, OFFICE);
  static const double heights[][2] = { { 1024, 768 }, { 1920, 1080 } };

  for (guint i = 0; i < dd_deck_get_n_slides (deck); i++)
    {
      DdChart *chart = dd_deck_get_slide_chart (deck, i);
      DdDeckSlide kind = dd_deck_get_slide_kind (deck, i);

      if (chart == NULL)
        {
          g_assert_cmpint (kind, ==, DD_DECK_SLIDE_TITLE);
          continue;
        }
      g_assert_true (dd_chart_get_slide (chart));
      for (guint s = 0; s < G_N_ELEMENTS (heights); s++)
        {
          double w = heights[s][0], h = heights[s][1], title, label, small;
          int max_item = -1;
          double min_row = G_MAXDOUBLE;

          dd_chart_get_font_sizes (chart, w, h, &title, &label, &small);
          g_assert_cmpfloat (title, >=, 0.05 * h - 1e-9);
          g_assert_cmpfloat (label, >=, 0.032 * h - 1e-9);
          g_assert_cmpfloat (small, >=, 0.032 * h - 1e-9);
          /* 25 px labels at 768, 35 at 1080 */
          g_assert_cmpfloat (label, >=, h == 768 ? 24.5 : 34.5);

          if (kind != DD_DECK_SLIDE_UNITS && kind != DD_DECK_SLIDE_STATIONS)
            continue;
          /* Walk down the rows' labels (the left fifth), hit by hit. */
          for (double y = 0; y < h; y += 2)
            {
              DdChartHit hit;

              if (dd_chart_hit (chart, w, h, 0.12 * w, y, &hit))
                {
                  max_item = MAX (max_item, hit.item);
                  if (hit.series == -1)
                    min_row = MIN (min_row, hit.height);
                  dd_chart_hit_clear (&hit);
                }
            }
          g_assert_cmpint (max_item, >=, 0);
          if (kind == DD_DECK_SLIDE_UNITS)
            g_assert_cmpint (max_item, <, DD_DECK_UNITS_TOP);
          else
            /* two bars of a value's height each */
            g_assert_cmpfloat (min_row, >=, 2 * 0.032 * h);
        }
    }

  /* A widget's card keeps its sizes: slide mode changes nothing at 480×320
   * and the cards are not in slide mode. */
  {
    g_autoptr(DdChart) card = dd_report_chart_new (DD_REPORT_CHART_UNITS, year_figures);
    double a[3], b[3];

    g_assert_false (dd_chart_get_slide (card));
    dd_chart_get_font_sizes (card, 1024, 768, &a[0], &a[1], &a[2]);
    g_assert_cmpfloat (a[1], <, 0.032 * 768);
    dd_chart_get_font_sizes (card, 480, 320, &a[0], &a[1], &a[2]);
    dd_chart_set_slide (card, TRUE);
    dd_chart_get_font_sizes (card, 480, 320, &b[0], &b[1], &b[2]);
    for (guint k = 0; k < 3; k++)
      g_assert_cmpfloat (a[k], ==, b[k]);
  }
}

static void
test_deck_empty (void)
{
  DdYearSummary summary;
  g_autoptr(DdDeck) deck = NULL;
  g_autofree char *pdf = tmp_path ("empty.pdf");
  g_autoptr(GError) error = NULL;

  dd_year_summary_from_analytics (&summary, empty_figures);
  deck = dd_deck_new (empty_figures, &summary, "");
  g_assert_cmpuint (dd_deck_get_n_slides (deck), ==, G_N_ELEMENTS (expected_slides));
  /* No office's name: the application's. */
  g_assert_cmpstr (dd_deck_get_slide_title (deck, 0), !=, "");
  for (guint i = 0; i < dd_deck_get_n_slides (deck); i++)
    for (guint s = 0; s < 2; s++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) sizes[s].width,
                                                               (int) sizes[s].height);
        cairo_t *cr = cairo_create (surface);

        dd_deck_draw_slide (deck, i, cr, sizes[s].width, sizes[s].height, dd_chart_palette_print ());
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
  save_slides (deck, "empty");
  g_assert_true (dd_deck_write_pdf (deck, pdf, dd_chart_palette_print (), NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, (int) G_N_ELEMENTS (expected_slides));
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static void
written (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = dd_deck_write_pdf_finish (DD_DECK (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
test_deck_async (void)
{
  g_autoptr(DdDeck) deck = dd_deck_new (year_figures, &year_summary, OFFICE);
  g_autofree char *pdf = tmp_path ("async.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GDir) dir = NULL;
  DdChartPalette palette = *dd_chart_palette_dark ();
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };
  const char *name;

  dd_deck_write_pdf_async (deck, pdf, &palette, NULL, written, &wait);
  /* The palette was copied: changing ours now changes nothing. */
  palette.background.red = 0.5;
  g_main_loop_run (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_cmpint (pdf_pages (pdf), ==, (int) G_N_ELEMENTS (expected_slides));

  /* Cancelled: G_IO_ERROR_CANCELLED, the earlier file untouched, no temporary file left. */
  g_assert_true (g_file_get_contents (pdf, &before, NULL, NULL));
  g_cancellable_cancel (cancellable);
  dd_deck_write_pdf_async (deck, pdf, NULL, cancellable, written, &wait);
  g_main_loop_run (wait.loop);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
  g_assert_true (g_file_get_contents (pdf, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  dir = g_dir_open (tmp_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "async.pdf."));

  /* A folder that is not there: an error naming the file. */
  {
    g_autofree char *bad = g_build_filename (tmp_dir, "no-such-folder", "deck.pdf", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (dd_deck_write_pdf (deck, bad, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "no-such-folder"));
  }
  g_main_loop_unref (wait.loop);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { DD_DEMO_SMALL, 7, TODAY, NULL, NULL };
  int status, year;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  g_assert_no_error (error);
  store = dd_store_new_in_memory (&error);
  g_assert_no_error (error);
  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  dd_store_set_frozen_time (store, TODAY "T12:00:00");
  g_assert_true (dd_settings_set (store, DD_SETTING_OFFICE_NAME, OFFICE, &error));
  g_assert_no_error (error);

  /* The last full year of the demo, and a year long before it. */
  year = dd_store_latest_year (store) - 1;
  year_figures = compute_year (year);
  empty_figures = compute_year (1990);
  dd_year_summary_from_analytics (&year_summary, year_figures);
  g_assert_cmpint (year_summary.year, ==, year);

  g_test_add_func ("/report/kinds", test_kinds);
  g_test_add_func ("/report/charts/demo", test_charts_demo);
  g_test_add_func ("/report/charts/empty", test_charts_empty);
  g_test_add_func ("/report/charts/write", test_chart_write);
  g_test_add_func ("/report/deck/demo", test_deck_demo);
  g_test_add_func ("/report/deck/legible", test_deck_legible);
  g_test_add_func ("/report/deck/empty", test_deck_empty);
  g_test_add_func ("/report/deck/async", test_deck_async);

  status = g_test_run ();

  dd_analytics_unref (year_figures);
  dd_analytics_unref (empty_figures);
  g_object_unref (store);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  dd_charts_release_caches ();
  return status;
}
