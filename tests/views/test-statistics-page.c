/* test-statistics-page.c: the Statistics page shows what DdAnalytics computes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "dd-analytics.h"
#include "dd-chart-export-dialog.h"
#include "dd-chart-view.h"
#include "dd-deck.h"
#include "dd-demo.h"
#include "dd-preferences-window.h"
#include "dd-report-charts.h"
#include "dd-settings.h"
#include "dd-statistics-page.h"
#include "dd-suggestion-list.h"
#include "dd-suggestions-page.h"
#include "dd-window.h"
#include "dd-year-summary.h"
#include "views-test.h"

typedef struct
{
  char             *path;
  DdStore          *store;
  DdContext        *context;
  GtkWidget        *window;
  DdStatisticsPage *page;
} Fixture;

static gboolean
page_is_idle (gpointer data)
{
  return !dd_statistics_page_get_busy (data) && dd_statistics_page_get_analytics (data) != NULL;
}

static void
wait_for_figures (DdStatisticsPage *page)
{
  views_test_iterate ();
  views_test_wait_until (page_is_idle, page);
  views_test_iterate ();
}

static void
open_demo (Fixture *f,
           gboolean demo)
{
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { .size = DD_DEMO_SMALL, .seed = 11, .anchor = "2025-11-30" };

  f->path = views_test_make_path ();
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (demo)
    {
      dd_demo_generate (f->store, &options, &error);
      g_assert_no_error (error);
    }
  f->context = views_test_context_new (f->store);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  open_demo (f, GPOINTER_TO_INT (data));
  f->page = DD_STATISTICS_PAGE (dd_statistics_page_new (f->context));
  f->window = views_test_show (GTK_WIDGET (f->page));
  wait_for_figures (f->page);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  views_test_destroy (f->window);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  views_test_remove_path (f->path);
  g_free (f->path);
}

/* The figures an independent computation on the same filter gives. */
static DdAnalytics *
expected_analytics (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DdAnalytics *analytics = dd_analytics_compute (f->store, dd_statistics_page_get_filter (f->page),
                                                 NULL, &error);

  g_assert_no_error (error);
  return analytics;
}

/* Each chart on the page shows what the report builds from those figures. */
static void
assert_charts (Fixture     *f,
               DdAnalytics *expected)
{
  guint n_kinds = 0;
  const DdReportChart *kinds = dd_report_chart_list (&n_kinds);

  g_assert_cmpuint (n_kinds, ==, DD_REPORT_N_CHARTS);
  for (guint i = 0; i < n_kinds; i++)
    {
      DdChartView *view = dd_statistics_page_get_chart_view (f->page, kinds[i]);
      DdChart *chart = dd_chart_view_get_chart (view);
      g_autoptr(DdChart) independent = dd_report_chart_new (kinds[i], expected);
      g_autofree char *shown = NULL;
      g_autofree char *wanted = NULL;

      g_assert_nonnull (chart);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >, 100);
      g_assert_cmpuint (dd_chart_get_n_items (chart), ==, dd_chart_get_n_items (independent));
      shown = dd_chart_describe (chart);
      wanted = dd_chart_describe (independent);
      g_assert_cmpstr (shown, ==, wanted);
    }
}

/* (1) A demo year: every chart has items, and the figures are those of
 * dd_analytics_compute on the same filter. */
static void
test_demo_year (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DdAnalytics) expected = expected_analytics (f);
  DdAnalytics *shown = dd_statistics_page_get_analytics (f->page);
  DdYearSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *office = dd_settings_dup (f->store, DD_SETTING_OFFICE_NAME);
  g_autofree char *paragraph = NULL;
  guint n_kinds = 0;
  const DdReportChart *kinds = dd_report_chart_list (&n_kinds);
  int year = dd_statistics_page_get_year (f->page);

  g_assert_cmpint (year, ==, dd_store_latest_year (f->store));
  g_assert_cmpint (dd_analytics_filter_get_year (dd_statistics_page_get_filter (f->page)), ==, year);
  g_assert_cmpint (expected->overall->suggestions, >, 0);

  /* The key figures */
  g_assert_cmpint (shown->overall->suggestions, ==, expected->overall->suggestions);
  g_assert_cmpint (shown->overall->closed, ==, expected->overall->closed);
  g_assert_cmpint (shown->overall->evaluated, ==, expected->overall->evaluated);
  g_assert_cmpint (shown->receptions, ==, expected->receptions);
  g_assert_cmpint (shown->voters_received, ==, expected->voters_received);
  g_assert_cmpint (shown->opinions_adopted, ==, expected->opinions_adopted);
  g_assert_cmpint (shown->units->len, ==, expected->units->len);

  for (guint i = 0; i < n_kinds; i++)
    {
      DdChart *chart = dd_chart_view_get_chart (dd_statistics_page_get_chart_view (f->page, kinds[i]));

      g_assert_cmpuint (dd_chart_get_n_items (chart), >, 0);
    }
  assert_charts (f, expected);

  /* The year's paragraph, as the model words it */
  g_assert_true (dd_year_summary_compute (f->store, year, &summary, &error));
  g_assert_no_error (error);
  paragraph = dd_year_summary_paragraph (&summary, office);
  g_assert_cmpstr (dd_statistics_page_get_summary_text (f->page), ==, paragraph);
}

static guint
period_index (Fixture *f,
              int      year)
{
  GtkWidget *dropdown = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "period_dropdown");
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_autofree char *text = g_strdup_printf ("%d", year);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

/* (2) Another year in the period menu: computed again, for that year. */
static void
test_year_filter (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dropdown = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "period_dropdown");
  int year = dd_statistics_page_get_year (f->page);
  DdAnalytics *before = dd_statistics_page_get_analytics (f->page);
  g_autoptr(DdAnalytics) expected = NULL;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), period_index (f, year - 1));
  g_assert_true (dd_statistics_page_get_busy (f->page));
  wait_for_figures (f->page);

  g_assert_true (dd_statistics_page_get_analytics (f->page) != before);
  g_assert_cmpint (dd_statistics_page_get_year (f->page), ==, year - 1);
  g_assert_cmpint (dd_analytics_filter_get_year (dd_statistics_page_get_analytics (f->page)->filter),
                   ==, year - 1);
  expected = expected_analytics (f);
  g_assert_cmpint (dd_statistics_page_get_analytics (f->page)->overall->suggestions, ==,
                   expected->overall->suggestions);
  assert_charts (f, expected);

  /* The category menu narrows it further */
  {
    GtkWidget *category = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "category_dropdown");
    g_autoptr(DdAnalytics) narrowed = NULL;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (category), 1);
    wait_for_figures (f->page);
    g_assert_nonnull (dd_statistics_page_get_filter (f->page)->category);
    narrowed = expected_analytics (f);
    g_assert_cmpint (narrowed->overall->suggestions, <=, expected->overall->suggestions);
    assert_charts (f, narrowed);
  }
}

/* A period of one's own: the days as typed, the last one included; a
 * wrong date says so and computes nothing. */
static void
test_custom_period (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *dropdown = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "period_dropdown");
  GtkWidget *from = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "from_entry");
  GtkWidget *to = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "to_entry");
  GtkWidget *error_label = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "error_label");
  GtkWidget *summary = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "summary_card");
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  const DdAnalyticsFilter *filter;
  g_autoptr(DdAnalytics) expected = NULL;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), g_list_model_get_n_items (model) - 1);
  wait_for_figures (f->page);
  g_assert_true (gtk_widget_get_visible (views_test_child (f->page, DD_TYPE_STATISTICS_PAGE,
                                                           "range_revealer")));
  g_assert_cmpint (dd_statistics_page_get_year (f->page), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (from), "2025-03-01");
  gtk_editable_set_text (GTK_EDITABLE (to), "2025-06-30");
  wait_for_figures (f->page);
  filter = dd_statistics_page_get_filter (f->page);
  g_assert_cmpstr (filter->from, ==, "2025-03-01");
  g_assert_cmpstr (filter->to, ==, "2025-07-01");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_get_visible (summary));
  expected = expected_analytics (f);
  g_assert_cmpstr (dd_statistics_page_get_analytics (f->page)->filter->to, ==, "2025-07-01");
  assert_charts (f, expected);

  /* Half typed: no message yet, the figures on show stay */
  gtk_editable_delete_text (GTK_EDITABLE (to), 8, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2025-06-");
  views_test_iterate ();
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (dd_statistics_page_get_busy (f->page));
  g_assert_cmpstr (dd_statistics_page_get_analytics (f->page)->filter->to, ==, "2025-07-01");

  /* Enter on a day that does not exist: said, naming it; nothing computed */
  gtk_editable_set_text (GTK_EDITABLE (to), "2025-02-30");
  g_signal_emit_by_name (to, "activate");
  views_test_iterate ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "2025-02-30"));
  g_assert_false (dd_statistics_page_get_busy (f->page));
  g_assert_cmpstr (dd_statistics_page_get_analytics (f->page)->filter->to, ==, "2025-07-01");
}

/* A year with nothing: every chart says "no data" instead of marks. */
static void
test_empty_year (Fixture       *f,
                 gconstpointer  data)
{
  DdAnalytics *shown;

  dd_statistics_page_set_year (f->page, 1999);
  wait_for_figures (f->page);
  shown = dd_statistics_page_get_analytics (f->page);
  g_assert_cmpint (dd_analytics_filter_get_year (shown->filter), ==, 1999);
  g_assert_cmpint (shown->overall->suggestions, ==, 0);
  g_assert_false (dd_analytics_rate_known (shown->overall->satisfaction_rate));
  g_assert_cmpuint (dd_chart_get_n_items (dd_chart_view_get_chart (
                      dd_statistics_page_get_chart_view (f->page, DD_REPORT_CHART_UNITS))), ==, 0);
  g_assert_nonnull (dd_statistics_page_get_summary_text (f->page));
}

/* A write recomputes, once the burst is over. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  DdAnalytics *before = dd_statistics_page_get_analytics (f->page);
  g_autoptr(GError) error = NULL;
  DdRankingWeights weights = { 1, 0, 0 };

  g_assert_true (dd_ranking_weights_set (f->store, &weights, &error));
  g_assert_no_error (error);
  views_test_iterate ();
  views_test_wait_until (page_is_idle, f->page);
  while (dd_statistics_page_get_analytics (f->page) == before)
    {
      g_main_context_iteration (NULL, TRUE);
      views_test_wait_until (page_is_idle, f->page);
    }
  g_assert_cmpfloat (dd_statistics_page_get_analytics (f->page)->weights.on_time, ==, 1);
  g_assert_cmpfloat (dd_statistics_page_get_analytics (f->page)->weights.satisfaction, ==, 0);
}

/* Where in @view an item with an id is drawn: scanned with the hit test. */
static gboolean
find_item (DdChartView *view,
           double      *x,
           double      *y,
           gint64      *id)
{
  DdChart *chart = dd_chart_view_get_chart (view);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  for (int py = 0; py < height; py += 4)
    for (int px = width / 8; px < width; px += width / 8)
      {
        DdChartHit hit = { .item = -1 };

        if (dd_chart_hit (chart, width, height, px, py, &hit))
          {
            gboolean found = hit.id > 0;

            *id = hit.id;
            dd_chart_hit_clear (&hit);
            if (found)
              {
                *x = px;
                *y = py;
                return TRUE;
              }
          }
      }
  return FALSE;
}

static void
on_unit_activated_cb (DdStatisticsPage *page,
                      gint64            unit_id,
                      int               year,
                      gint64           *seen)
{
  *seen = unit_id;
}

/* (3) A click on a unit's bar: the board, filtered to that unit and year. */
static void
test_unit_to_board (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  DdWindow *window;
  DdSuggestionsPage *board;
  AdwViewStack *view_stack;
  DdChartView *units;
  DdSuggestionFilter *filter;
  double x = 0, y = 0;
  gint64 id = 0, seen = 0;
  g_autofree char *key = NULL;
  int year;

  open_demo (f, TRUE);
  window = dd_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  gtk_stack_set_visible_child_name (GTK_STACK (views_test_child (window, DD_TYPE_WINDOW, "main_stack")),
                                    "content");
  view_stack = ADW_VIEW_STACK (views_test_child (window, DD_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (view_stack, "statistics");
  f->page = DD_STATISTICS_PAGE (views_test_child (window, DD_TYPE_WINDOW, "statistics_page"));
  board = DD_SUGGESTIONS_PAGE (views_test_child (window, DD_TYPE_WINDOW, "suggestions_page"));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_figures (f->page);
  year = dd_statistics_page_get_year (f->page);

  units = dd_statistics_page_get_chart_view (f->page, DD_REPORT_CHART_UNITS);
  g_assert_true (find_item (units, &x, &y, &id));
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_nonnull (dd_analytics_find_group (dd_statistics_page_get_analytics (f->page)->units, key));
  g_signal_connect (f->page, "unit-activated", G_CALLBACK (on_unit_activated_cb), &seen);
  g_assert_true (dd_chart_view_activate_at (units, x, y));
  views_test_iterate ();

  g_assert_cmpint (seen, ==, id);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "suggestions");
  filter = dd_suggestions_page_get_filter (board);
  g_assert_cmpint (dd_suggestion_filter_get_unit_id (filter), ==, id);
  g_assert_cmpint (dd_suggestion_filter_get_year (filter), ==, year);

  /* From the keyboard: the unit chosen in the filter, then the board's button */
  {
    GtkWidget *unit_dropdown = views_test_child (f->page, DD_TYPE_STATISTICS_PAGE, "unit_dropdown");

    adw_view_stack_set_visible_child_name (view_stack, "statistics");
    /* No unit chosen: nothing to show */
    seen = 0;
    gtk_widget_activate_action (GTK_WIDGET (f->page), "stats.show-on-board", NULL);
    views_test_iterate ();
    g_assert_cmpint (seen, ==, 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (unit_dropdown), 2);
    wait_for_figures (f->page);
    g_assert_cmpint (dd_statistics_page_get_filter (f->page)->unit_id, !=, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "stats.show-on-board", NULL));
    views_test_iterate ();
    g_assert_cmpint (seen, ==, dd_statistics_page_get_filter (f->page)->unit_id);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "suggestions");
    g_assert_cmpint (dd_suggestion_filter_get_unit_id (filter), ==, seen);
  }

  /* Not over a bar: nothing happens. */
  seen = 0;
  adw_view_stack_set_visible_child_name (view_stack, "statistics");
  views_test_iterate ();
  g_assert_false (dd_chart_view_activate_at (units, 1, 1));
  g_assert_cmpint (seen, ==, 0);

  views_test_destroy (GTK_WIDGET (window));
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  views_test_remove_path (f->path);
  g_free (f->path);
}

/* Tooltips: the exact figures of the mark under the pointer. */
static void
test_tooltip (Fixture       *f,
              gconstpointer  data)
{
  DdChartView *units = dd_statistics_page_get_chart_view (f->page, DD_REPORT_CHART_UNITS);
  double x = 0, y = 0;
  gint64 id = 0;

  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (units)));
  g_assert_true (find_item (units, &x, &y, &id));
  {
    DdChartHit hit = { .item = -1 };
    const DdAnalyticsGroup *group;
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    g_assert_true (dd_chart_hit (dd_chart_view_get_chart (units),
                                 gtk_widget_get_width (GTK_WIDGET (units)),
                                 gtk_widget_get_height (GTK_WIDGET (units)), x, y, &hit));
    group = dd_analytics_find_group (dd_statistics_page_get_analytics (f->page)->units, key);
    g_assert_nonnull (group);
    /* The full name, never ellipsized */
    g_assert_cmpstr (hit.label, ==, group->name);
    g_assert_nonnull (hit.tooltip);
    dd_chart_hit_clear (&hit);
  }
}

/* An empty database: charts with nothing in them, no warning. */
static void
test_empty_database (Fixture       *f,
                     gconstpointer  data)
{
  DdAnalytics *shown = dd_statistics_page_get_analytics (f->page);

  g_assert_cmpint (shown->overall->suggestions, ==, 0);
  g_assert_nonnull (dd_chart_view_get_chart (dd_statistics_page_get_chart_view (f->page,
                                                                               DD_REPORT_CHART_SATISFACTION)));
}

static gboolean
dialog_is_idle (gpointer data)
{
  return !dd_chart_export_dialog_get_busy (data);
}

static void
on_exported_cb (DdChartExportDialog *dialog,
                const char          *path,
                char               **seen)
{
  g_free (*seen);
  *seen = g_strdup (path);
}

/* Export: a PNG of the pixels asked for, written in a worker; a folder
 * that does not exist is said in the dialog and nothing is written. */
static void
test_export_chart (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *png = g_build_filename (dir, "units.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "units.png", NULL);
  g_autofree char *seen = NULL;
  GtkWidget *dialog = dd_chart_export_dialog_new (GTK_WINDOW (f->window), DD_REPORT_CHART_UNITS,
                                                  dd_statistics_page_get_analytics (f->page));
  GtkWidget *width = views_test_child (dialog, DD_TYPE_CHART_EXPORT_DIALOG, "width_spin");
  GtkWidget *height = views_test_child (dialog, DD_TYPE_CHART_EXPORT_DIALOG, "height_spin");
  GtkWidget *status = views_test_child (dialog, DD_TYPE_CHART_EXPORT_DIALOG, "status_label");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &seen);
  gtk_window_present (GTK_WINDOW (dialog));
  views_test_iterate ();

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 1200);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (height), 900);
  dd_chart_export_dialog_write (DD_CHART_EXPORT_DIALOG (dialog), bad);
  g_assert_true (dd_chart_export_dialog_get_busy (DD_CHART_EXPORT_DIALOG (dialog)));
  views_test_wait_until (dialog_is_idle, dialog);
  g_assert_null (seen);
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_get_visible (dialog));

  dd_chart_export_dialog_write (DD_CHART_EXPORT_DIALOG (dialog), png);
  views_test_wait_until (dialog_is_idle, dialog);
  views_test_iterate ();
  g_assert_cmpstr (seen, ==, png);
  g_assert_false (gtk_widget_get_visible (dialog));
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 900);
  g_unlink (png);

  gtk_window_destroy (GTK_WINDOW (dialog));
  views_test_iterate ();
  g_assert_finalize_object (dialog);
}

static gboolean
page_not_exporting (gpointer data)
{
  return !dd_statistics_page_get_exporting (data);
}

/* Pages of a PDF as Cairo writes them: one "/Type /Page" object each. */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize at = 0; at + 12 < length; at++)
    if (memcmp (contents + at, "/Type /Page", 11) == 0 && contents[at + 11] != 's')
      n++;
  return n;
}

static void
on_toast_cb (DdStatisticsPage *page,
             AdwToast         *toast,
             char            **title)
{
  g_free (*title);
  *title = g_strdup (adw_toast_get_title (toast));
}

/* The slides as one PDF (in a worker, a toast when done) and printed:
 * one page per slide either way. */
static void
test_deck_pdf_and_print (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *deck_path = g_build_filename (dir, "slides.pdf", NULL);
  g_autofree char *print_path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(DdDeck) deck = dd_statistics_page_new_deck (f->page);
  g_autofree char *title = NULL;
  guint n = dd_deck_get_n_slides (deck);

  g_signal_connect (f->page, "add-toast", G_CALLBACK (on_toast_cb), &title);
  dd_statistics_page_export_deck (f->page, deck_path);
  g_assert_true (dd_statistics_page_get_exporting (f->page));
  views_test_wait_until (page_not_exporting, f->page);
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, "slides.pdf"));
  g_assert_cmpuint (count_pdf_pages (deck_path), ==, n);
  g_unlink (deck_path);

  dd_statistics_page_print (f->page, print_path);
  views_test_iterate ();
  g_assert_cmpuint (count_pdf_pages (print_path), ==, n);
  g_unlink (print_path);
  g_signal_handlers_disconnect_by_data (f->page, &title);
}

static gboolean
weights_stored (gpointer data)
{
  Fixture *f = data;
  DdRankingWeights weights;

  dd_ranking_weights_get (f->store, &weights);
  return fabs (weights.on_time - 0.8) < 1e-9;
}

static gboolean
min_replies_stored (gpointer data)
{
  Fixture *f = data;

  return dd_ranking_min_replies_get (f->store) == 3;
}

/* The ranking's weights in the Preferences: written once the clicks stop,
 * a refused set (all 0) said and undone, defaults restored; the page
 * ranks with what is stored. */
static void
test_ranking_weights (Fixture       *f,
                      gconstpointer  data)
{
  DdPreferencesWindow *preferences = dd_preferences_window_new (NULL, f->context);
  GtkWidget *on_time = views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW, "on_time_weight_spin");
  GtkWidget *classes = views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW, "classes_weight_spin");
  GtkWidget *satisfaction = views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW,
                                              "satisfaction_weight_spin");
  GtkWidget *min_replies = views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW, "min_replies_spin");
  DdRankingWeights weights;
  DdRankingWeights defaults = DD_RANKING_WEIGHTS_DEFAULT;

  gtk_window_present (GTK_WINDOW (preferences));
  views_test_iterate ();
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (on_time)), defaults.on_time, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (satisfaction)),
                                  defaults.satisfaction, 1e-9);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (on_time), 0.8);
  views_test_wait_until (weights_stored, f);
  dd_ranking_weights_get (f->store, &weights);
  g_assert_cmpfloat_with_epsilon (weights.classes, defaults.classes, 1e-9);
  /* The page recomputes with them */
  views_test_iterate ();
  views_test_wait_until (page_is_idle, f->page);
  while (fabs (dd_statistics_page_get_analytics (f->page)->weights.on_time - 0.8) > 1e-9)
    {
      g_main_context_iteration (NULL, TRUE);
      views_test_wait_until (page_is_idle, f->page);
    }

  /* All three at 0: refused, the stored weights stay and come back */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (on_time), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (classes), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (satisfaction), 0);
  g_usleep (600000);
  views_test_iterate ();
  views_test_iterate ();
  dd_ranking_weights_get (f->store, &weights);
  g_assert_cmpfloat_with_epsilon (weights.on_time, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (on_time)), 0.8, 1e-9);

  /* The replies a unit needs to be ranked */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (min_replies)), ==,
                   DD_RANKING_MIN_REPLIES_DEFAULT);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (min_replies), 3);
  views_test_wait_until (min_replies_stored, f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.reset-weights", NULL));
  g_assert_cmpint (dd_ranking_min_replies_get (f->store), ==, DD_RANKING_MIN_REPLIES_DEFAULT);
  dd_ranking_weights_get (f->store, &weights);
  g_assert_cmpfloat_with_epsilon (weights.on_time, defaults.on_time, 1e-9);
  g_assert_cmpfloat_with_epsilon (weights.satisfaction, defaults.satisfaction, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (on_time)), defaults.on_time, 1e-9);

  views_test_destroy (GTK_WIDGET (preferences));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/views/statistics/demo-year", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_demo_year, fixture_teardown);
  g_test_add ("/views/statistics/year-filter", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_year_filter, fixture_teardown);
  g_test_add ("/views/statistics/custom-period", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_custom_period, fixture_teardown);
  g_test_add ("/views/statistics/empty-year", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_empty_year, fixture_teardown);
  g_test_add ("/views/statistics/follows-changes", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_follows_changes, fixture_teardown);
  g_test_add ("/views/statistics/tooltip", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_tooltip, fixture_teardown);
  g_test_add ("/views/statistics/empty-database", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_empty_database, fixture_teardown);
  g_test_add ("/views/statistics/export-chart", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_export_chart, fixture_teardown);
  g_test_add ("/views/statistics/deck-pdf-and-print", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_deck_pdf_and_print, fixture_teardown);
  g_test_add ("/views/statistics/ranking-weights", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_ranking_weights, fixture_teardown);
  g_test_add_func ("/views/statistics/unit-to-board", test_unit_to_board);

  return g_test_run ();
}
