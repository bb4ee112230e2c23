/* test-overview-page.c: the Overview shows what DdYearStats computes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "dd-codes.h"
#include "dd-demo.h"
#include "dd-deputy.h"
#include "dd-figure-card.h"
#include "dd-overview-page.h"
#include "dd-reception.h"
#include "dd-station.h"
#include "dd-stats.h"
#include "views-test.h"

typedef struct
{
  char           *path;
  DdStore        *store;
  DdContext      *context;
  GtkWidget      *window;
  DdOverviewPage *page;
} Fixture;

static gboolean
page_is_idle (gpointer data)
{
  return !dd_overview_page_get_busy (data);
}

static void
wait_for_figures (Fixture *f)
{
  views_test_iterate ();
  views_test_wait_until (page_is_idle, f->page);
  views_test_iterate ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { .size = DD_DEMO_SMALL, .seed = 7, .anchor = "2025-11-30" };

  f->path = views_test_make_path ();
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (GPOINTER_TO_INT (data))
    {
      dd_demo_generate (f->store, &options, &error);
      g_assert_no_error (error);
    }

  f->context = views_test_context_new (f->store);
  f->page = DD_OVERVIEW_PAGE (dd_overview_page_new (f->context));
  f->window = views_test_show (GTK_WIDGET (f->page));
  wait_for_figures (f);
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

static DdFigureCard *
card (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = views_test_child (GTK_WIDGET (f->page), DD_TYPE_OVERVIEW_PAGE, name);

  g_assert_true (DD_IS_FIGURE_CARD (widget));
  return DD_FIGURE_CARD (widget);
}

static gboolean
card_shown (Fixture    *f,
            const char *name)
{
  return gtk_widget_get_mapped (GTK_WIDGET (card (f, name)));
}

static char *
count (gint64 n)
{
  /* As the page formats it, in the test's C locale. */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static void
assert_value (Fixture    *f,
              const char *name,
              gint64      expected)
{
  g_autofree char *text = count (expected);

  g_assert_cmpstr (dd_figure_card_get_value (card (f, name)), ==, text);
}

/* Each breakdown line of @name: the code's label and its count. */
static void
assert_details (Fixture            *f,
                const char         *name,
                const char * const *codes,
                const gint64       *counts)
{
  DdFigureCard *c = card (f, name);

  g_assert_cmpuint (dd_figure_card_get_n_details (c), ==, g_strv_length ((char **) codes));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *value = NULL;
      const char *label = dd_figure_card_get_detail (c, i, &value);
      g_autofree char *expected = count (counts[i]);

      g_assert_cmpstr (label, ==, dd_code_label (codes, codes[i]));
      /* Replies and verdicts add their share: "412 (63%)". */
      g_assert_true (g_str_equal (value, expected) ||
                     (g_str_has_prefix (value, expected) && value[strlen (expected)] == ' '));
    }
}

typedef struct
{
  DdFigureCard *card;
  char         *value;
} Expected;

static gboolean
card_shows (gpointer data)
{
  Expected *e = data;

  return g_strcmp0 (dd_figure_card_get_value (e->card), e->value) == 0;
}

/* After a write: the recount waits for the burst to end, then runs in a thread. */
static void
wait_for_value (Fixture    *f,
                const char *name,
                gint64      expected)
{
  Expected e = { card (f, name), count (expected) };

  views_test_wait_until (card_shows, &e);
  wait_for_figures (f);
  g_free (e.value);
}

static void
assert_detail (Fixture    *f,
               const char *name,
               guint       index,
               gint64      expected)
{
  const char *value = NULL;
  g_autofree char *text = count (expected);

  g_assert_nonnull (dd_figure_card_get_detail (card (f, name), index, &value));
  g_assert_cmpstr (value, ==, text);
}

/* (3) The figures of a demo year, as dd_year_stats_compute has them. */
static void
test_demo_year (Fixture       *f,
                gconstpointer  data)
{
  DdYearStats stats = { 0 };
  g_autoptr(GError) error = NULL;
  int year = dd_overview_page_get_year (f->page);
  double rate;

  g_assert_cmpint (year, ==, dd_store_latest_year (f->store));
  g_assert_cmpint (year, ==, 2025);
  g_assert_true (dd_year_stats_compute (f->store, year, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.suggestions_total, >, 0);

  assert_value (f, "deputies_card", stats.deputies_total);
  assert_details (f, "deputies_card", dd_deputy_levels, stats.deputies_by_level);
  assert_value (f, "stations_card", stats.stations_total);
  assert_details (f, "stations_card", dd_station_kinds, stats.stations_by_kind);

  g_assert_true (card_shown (f, "receptions_card"));
  assert_value (f, "receptions_card", stats.receptions);
  assert_detail (f, "receptions_card", 0, stats.voters_received);
  assert_detail (f, "receptions_card", 1, stats.deputies_receiving_voters);

  assert_value (f, "suggestions_card", stats.suggestions_total);
  assert_detail (f, "suggestions_card", 0, stats.suggestions_by_kind[0]);
  assert_detail (f, "suggestions_card", 1, stats.suggestions_by_kind[1]);
  assert_detail (f, "suggestions_card", 2,
                 stats.suggestions_by_state[0] + stats.suggestions_by_state[1] +
                 stats.suggestions_by_state[2] + stats.suggestions_by_state[3] +
                 stats.suggestions_by_state[4] + stats.suggestions_by_state[5]);
  assert_detail (f, "suggestions_card", 3, stats.suggestions_by_state[6]);
  assert_detail (f, "suggestions_card", 4, stats.overdue);

  assert_value (f, "replies_card",
                stats.replies_by_class[0] + stats.replies_by_class[1] + stats.replies_by_class[2]);
  assert_details (f, "replies_card", dd_reply_classes, stats.replies_by_class);
  assert_details (f, "satisfaction_card", dd_verdicts, stats.evaluations_by_verdict);
  rate = dd_year_stats_satisfaction_rate (&stats);
  if (rate >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%.1f%%", rate * 100);

      g_assert_cmpstr (dd_figure_card_get_value (card (f, "satisfaction_card")), ==, text);
    }

  /* Another year with records */
  dd_overview_page_set_year (f->page, year - 1);
  wait_for_figures (f);
  g_assert_true (dd_year_stats_compute (f->store, year - 1, &stats, &error));
  if (stats.suggestions_total + stats.receptions + stats.activities > 0)
    {
      assert_value (f, "suggestions_card", stats.suggestions_total);
      assert_value (f, "receptions_card", stats.receptions);
    }
}

/* A year with nothing in it says so instead of a wall of zeros. */
static void
test_year_without_data (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *no_data = views_test_child (GTK_WIDGET (f->page), DD_TYPE_OVERVIEW_PAGE,
                                                      "no_data_box");

  dd_overview_page_set_year (f->page, 1999);
  wait_for_figures (f);
  g_assert_true (gtk_widget_get_mapped (no_data));
  g_assert_false (card_shown (f, "suggestions_card"));
  g_assert_false (card_shown (f, "receptions_card"));
  g_assert_true (card_shown (f, "deputies_card"));
}

/* A write recounts, once the burst is over. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(GError) error = NULL;
  DdYearStats stats = { 0 };
  int year = dd_overview_page_get_year (f->page);
  gint64 seen;

  g_assert_true (dd_year_stats_compute (f->store, year, &stats, &error));
  seen = stats.deputies_total;

  g_object_set (deputy, "name", "新代表", "level", "township", "term", (gint64) 12, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), f->store, &error));
  g_assert_no_error (error);

  wait_for_value (f, "deputies_card", seen + 1);
}

/* Receptions but nothing evaluated: no rate, said in words. */
static void
test_nothing_evaluated (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DdStation) station = dd_station_new ();
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (station, "name", "青山县人大代表之家", "kind", "home", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), f->store, &error));
  g_object_set (reception, "station-id", dd_entity_get_id (DD_ENTITY (station)),
                "held-on", "2024-06-01", "voters-received", (gint64) 12, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (reception), f->store, &error));
  g_assert_no_error (error);

  dd_overview_page_set_year (f->page, 2024);
  wait_for_value (f, "receptions_card", 1);
  g_assert_true (card_shown (f, "receptions_card"));
  assert_detail (f, "receptions_card", 0, 12);
  assert_value (f, "suggestions_card", 0);
  g_assert_cmpstr (dd_figure_card_get_value (card (f, "satisfaction_card")), ==, "–");
}

/* An empty database: one clear empty state. */
static void
test_empty_database (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *stack = views_test_child (GTK_WIDGET (f->page), DD_TYPE_OVERVIEW_PAGE, "stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/views/overview/demo-year", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_demo_year, fixture_teardown);
  g_test_add ("/views/overview/year-without-data", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_year_without_data, fixture_teardown);
  g_test_add ("/views/overview/follows-changes", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_follows_changes, fixture_teardown);
  g_test_add ("/views/overview/nothing-evaluated", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_nothing_evaluated, fixture_teardown);
  g_test_add ("/views/overview/empty-database", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_empty_database, fixture_teardown);

  return g_test_run ();
}
