/* views-test.h: what the display tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dd-context.h"
#include "dd-store.h"

typedef gboolean (*ViewsTestCondition) (gpointer data);

static gboolean
views_test_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; fails after 20 s. */
static inline void
views_test_wait_until (ViewsTestCondition condition,
                       gpointer           data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, views_test_tick_cb, NULL);

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

/* Runs the main loop until nothing is pending (layout, idles, a frame). */
static inline void
views_test_iterate (void)
{
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* A folder of its own for each test's database. */
static inline char *
views_test_make_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("deputy-desk-views-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "test.sqlite", NULL);
}

static inline void
views_test_remove_path (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *dir = g_path_get_dirname (path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* Settings from the build's schema in memory (GSETTINGS_BACKEND=memory), reset. */
static inline DdContext *
views_test_context_new (DdStore *store)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.deputydesk.DeputyDesk");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  DdContext *context;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  context = dd_context_new (settings);
  dd_context_set_store (context, store);
  return context;
}

/* Counts rows with a connection of the test's own: what any SQLite tool would see. */
static inline gint64
views_test_count_rows (const char *path,
                       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static inline GtkWidget *
views_test_show (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  views_test_iterate ();
  return window;
}

/* Destroys @window and checks that it and everything it held are freed. */
static inline void
views_test_destroy (GtkWidget *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  views_test_iterate ();
  g_assert_finalize_object (window);
}

/* A child of @widget's template, by its id in the .ui file. */
static inline GtkWidget *
views_test_child (gpointer    widget,
                  GType       type,
                  const char *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, id);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}
