/* test-presentation.c: the slides open full screen and follow the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dd-deck.h"
#include "dd-demo.h"
#include "dd-presentation-window.h"
#include "dd-statistics-page.h"
#include "dd-window.h"
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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { .size = DD_DEMO_SMALL, .seed = 5, .anchor = "2025-11-30" };

  f->path = views_test_make_path ();
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  dd_demo_generate (f->store, &options, &error);
  g_assert_no_error (error);
  f->context = views_test_context_new (f->store);
  f->page = DD_STATISTICS_PAGE (dd_statistics_page_new (f->context));
  f->window = views_test_show (GTK_WIDGET (f->page));
  views_test_wait_until (page_is_idle, f->page);
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

/* A key press as the window's shortcuts see it: the first shortcut bound to
 * @keyval (no modifier) in @widget's controllers, activated on @widget. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, 0);

  /* As GTK runs them: capture phase first, then the others. */
  for (guint k = 0; k < 2 * g_list_model_get_n_items (controllers); k++)
    {
      guint i = k % g_list_model_get_n_items (controllers);
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean capture = gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          capture != (k < g_list_model_get_n_items (controllers)))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              views_test_iterate ();
              return;
            }
        }
    }
  g_error ("No shortcut for %s", gdk_keyval_name (keyval));
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (data);
}

static void
on_destroy_cb (GtkWidget *widget,
               gboolean  *destroyed)
{
  *destroyed = TRUE;
}

/* The deck of the figures on show, full screen; the keys go through it. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  GtkWindow *window = dd_statistics_page_present (f->page);
  DdPresentationWindow *slides;
  DdDeck *deck;
  guint n;
  gboolean destroyed = FALSE;

  g_assert_true (DD_IS_PRESENTATION_WINDOW (window));
  slides = DD_PRESENTATION_WINDOW (window);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy_cb), &destroyed);
  views_test_wait_until (is_fullscreen, window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  deck = dd_presentation_window_get_deck (slides);
  n = dd_deck_get_n_slides (deck);
  g_assert_cmpuint (n, >=, 7);
  g_assert_cmpint (dd_deck_get_slide_kind (deck, 0), ==, DD_DECK_SLIDE_TITLE);
  /* The year's paragraph is in it: the page has one for a whole year. */
  g_assert_nonnull (dd_statistics_page_get_summary_text (f->page));
  g_assert_cmpint (dd_deck_get_slide_kind (deck, 2), ==, DD_DECK_SLIDE_SUMMARY);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, 0);

  press_key (GTK_WIDGET (window), GDK_KEY_Right);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, 1);
  press_key (GTK_WIDGET (window), GDK_KEY_space);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, 2);
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Down);
  press_key (GTK_WIDGET (window), GDK_KEY_Down);
  press_key (GTK_WIDGET (window), GDK_KEY_Return);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, 5);
  press_key (GTK_WIDGET (window), GDK_KEY_Left);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, 4);
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Up);
  press_key (GTK_WIDGET (window), GDK_KEY_Up);
  press_key (GTK_WIDGET (window), GDK_KEY_BackSpace);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, 1);

  /* The ends: no further than the first and the last */
  press_key (GTK_WIDGET (window), GDK_KEY_End);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, n - 1);
  press_key (GTK_WIDGET (window), GDK_KEY_Right);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, n - 1);
  press_key (GTK_WIDGET (window), GDK_KEY_Home);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, 0);
  press_key (GTK_WIDGET (window), GDK_KEY_Left);
  g_assert_cmpuint (dd_presentation_window_get_slide (slides), ==, 0);

  /* Light for the projector first, dark on request */
  g_assert_false (dd_presentation_window_get_dark (slides));
  press_key (GTK_WIDGET (window), GDK_KEY_d);
  g_assert_true (dd_presentation_window_get_dark (slides));

  press_key (GTK_WIDGET (window), GDK_KEY_Escape);
  g_assert_true (destroyed);
}

/* Every slide draws at a projector's and a screen's size without a Cairo error. */
static void
test_draws (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DdDeck) deck = dd_statistics_page_new_deck (f->page);
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint i = 0; i < dd_deck_get_n_slides (deck); i++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[s][0], sizes[s][1]);
        cairo_t *cr = cairo_create (surface);

        dd_deck_draw_slide (deck, i, cr, sizes[s][0], sizes[s][1], dd_chart_palette_light ());
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

/* F5 in the main window opens the slides of the Statistics page. */
static void
test_f5 (void)
{
  g_autofree char *path = views_test_make_path ();
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { .size = DD_DEMO_SMALL, .seed = 5, .anchor = "2025-11-30" };
  DdStore *store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
  DdContext *context;
  DdWindow *window;
  DdStatisticsPage *page;
  GList *toplevels;
  GtkWindow *slides = NULL;

  g_assert_no_error (error);
  dd_demo_generate (store, &options, &error);
  g_assert_no_error (error);
  context = views_test_context_new (store);
  window = dd_window_new (NULL, context);
  gtk_stack_set_visible_child_name (GTK_STACK (views_test_child (window, DD_TYPE_WINDOW, "main_stack")),
                                    "content");
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.present", TRUE);
  page = DD_STATISTICS_PAGE (views_test_child (window, DD_TYPE_WINDOW, "statistics_page"));
  gtk_window_present (GTK_WINDOW (window));
  views_test_iterate ();

  /* Pressed before the figures are in: the slides open once they are. */
  press_key (GTK_WIDGET (window), GDK_KEY_F5);
  views_test_wait_until (page_is_idle, page);
  views_test_iterate ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (DD_IS_PRESENTATION_WINDOW (l->data))
      slides = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (slides);
  g_assert_true (gtk_window_get_transient_for (slides) == GTK_WINDOW (window));
  gtk_window_destroy (slides);

  views_test_destroy (GTK_WIDGET (window));
  g_object_unref (store);
  dd_context_set_store (context, NULL);
  g_assert_finalize_object (context);
  views_test_remove_path (path);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/views/presentation/keys", Fixture, NULL, fixture_setup, test_keys, fixture_teardown);
  g_test_add ("/views/presentation/draws", Fixture, NULL, fixture_setup, test_draws, fixture_teardown);
  g_test_add_func ("/views/presentation/f5", test_f5);

  return g_test_run ();
}
