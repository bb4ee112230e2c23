/* test-window.c: first start, opening, and the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dd-deputies-page.h"
#include "dd-deputy.h"
#include "dd-preferences-window.h"
#include "dd-welcome-page.h"
#include "dd-window.h"
#include "views-test.h"

static gboolean
window_settled (gpointer data)
{
  return g_strcmp0 (dd_window_get_state (data), "loading") != 0;
}

static GtkWidget *
welcome_page (DdWindow *window)
{
  return views_test_child (GTK_WIDGET (window), DD_TYPE_WINDOW, "welcome_page");
}

/* No database yet: the welcome page, then an empty database on request. */
static void
test_first_start (void)
{
  g_autofree char *path = views_test_make_path ();
  g_autoptr(GSettings) settings = NULL;
  DdContext *context = views_test_context_new (NULL);
  DdWindow *window = dd_window_new (NULL, context);

  gtk_window_present (GTK_WINDOW (window));
  dd_window_open_path (window, path, DD_WINDOW_OPEN_COMMAND_LINE);
  views_test_wait_until (window_settled, window);
  g_assert_cmpstr (dd_window_get_state (window), ==, "welcome");
  g_assert_cmpstr (dd_welcome_page_get_path (DD_WELCOME_PAGE (welcome_page (window))), ==, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (dd_context_get_store (context));

  g_assert_true (gtk_widget_activate_action (welcome_page (window), "welcome.create", NULL));
  views_test_wait_until (window_settled, window);
  g_assert_cmpstr (dd_window_get_state (window), ==, "content");
  g_assert_nonnull (dd_context_get_store (context));
  g_assert_cmpstr (dd_store_get_path (dd_context_get_store (context)), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Chosen here, so opened again next time. */
  settings = g_object_ref (dd_context_get_settings (context));
  g_assert_cmpstr (g_settings_get_string (settings, "database-path"), ==, path);

  views_test_destroy (GTK_WIDGET (window));
  dd_context_set_store (context, NULL);
  g_assert_finalize_object (context);
  views_test_remove_path (path);
}

/* A file that is not a database: the model's message, and nothing touched. */
static void
test_open_error (void)
{
  g_autofree char *path = views_test_make_path ();
  DdContext *context = views_test_context_new (NULL);
  DdWindow *window = dd_window_new (NULL, context);
  GtkWidget *error_page = views_test_child (GTK_WIDGET (window), DD_TYPE_WINDOW,
                                                         "error_page");
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "name,phone\n李明,123\n", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  dd_window_open_path (window, path, DD_WINDOW_OPEN_CHOSEN);
  views_test_wait_until (window_settled, window);
  g_assert_cmpstr (dd_window_get_state (window), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), !=, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "name,phone\n李明,123\n");

  views_test_destroy (GTK_WIDGET (window));
  g_assert_finalize_object (context);
  views_test_remove_path (path);
}

/* The operator name goes from the preferences to the settings to the store. */
static void
test_preferences (void)
{
  g_autofree char *path = views_test_make_path ();
  g_autoptr(GError) error = NULL;
  DdStore *store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
  DdContext *context = views_test_context_new (store);
  DdPreferencesWindow *preferences = dd_preferences_window_new (NULL, context);
  GtkWidget *operator_row = views_test_child (GTK_WIDGET (preferences),
                                                           DD_TYPE_PREFERENCES_WINDOW, "operator_row");
  GtkWidget *database_row = views_test_child (GTK_WIDGET (preferences),
                                                           DD_TYPE_PREFERENCES_WINDOW, "database_row");

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (preferences));
  views_test_iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (database_row)), ==, path);

  gtk_editable_set_text (GTK_EDITABLE (operator_row), "张秘书");
  views_test_iterate ();
  g_assert_cmpstr (g_settings_get_string (dd_context_get_settings (context), "operator-name"),
                   ==, "张秘书");
  g_assert_cmpstr (dd_store_get_operator (store), ==, "张秘书");

  views_test_destroy (GTK_WIDGET (preferences));
  g_object_unref (store);
  dd_context_set_store (context, NULL);
  g_assert_finalize_object (context);
  views_test_remove_path (path);
}

/* Opening another database switches every page to it. */
static void
test_switch_database (void)
{
  g_autofree char *first = views_test_make_path ();
  g_autofree char *second = views_test_make_path ();
  g_autoptr(GError) error = NULL;
  DdContext *context = views_test_context_new (NULL);
  DdWindow *window = dd_window_new (NULL, context);
  GtkWidget *deputies = views_test_child (window, DD_TYPE_WINDOW, "deputies_page");

  /* The second one has a deputy; the first is empty. */
  {
    g_autoptr(DdStore) store = dd_store_open (second, DD_STORE_OPEN_CREATE, &error);
    g_autoptr(DdDeputy) deputy = dd_deputy_new ();

    g_assert_no_error (error);
    g_object_set (deputy, "name", "周敏", "level", "county", "term", (gint64) 18, NULL);
    g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  }
  {
    g_autoptr(DdStore) store = dd_store_open (first, DD_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
  }

  gtk_window_present (GTK_WINDOW (window));
  dd_window_open_path (window, first, DD_WINDOW_OPEN_CHOSEN);
  views_test_wait_until (window_settled, window);
  g_assert_cmpstr (dd_window_get_state (window), ==, "content");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (dd_deputies_page_get_list (DD_DEPUTIES_PAGE (deputies)))),
                    ==, 0);

  dd_window_open_path (window, second, DD_WINDOW_OPEN_CHOSEN);
  while (g_strcmp0 (dd_store_get_path (dd_context_get_store (context)), second) != 0)
    g_main_context_iteration (NULL, TRUE);
  views_test_iterate ();
  g_assert_cmpstr (dd_window_get_state (window), ==, "content");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (dd_deputies_page_get_list (DD_DEPUTIES_PAGE (deputies)))),
                    ==, 1);
  g_assert_cmpstr (g_settings_get_string (dd_context_get_settings (context), "database-path"), ==, second);

  views_test_destroy (GTK_WIDGET (window));
  dd_context_set_store (context, NULL);
  g_assert_finalize_object (context);
  views_test_remove_path (first);
  views_test_remove_path (second);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/views/window/first-start", test_first_start);
  g_test_add_func ("/views/window/open-error", test_open_error);
  g_test_add_func ("/views/window/preferences", test_preferences);
  g_test_add_func ("/views/window/switch-database", test_switch_database);

  return g_test_run ();
}
