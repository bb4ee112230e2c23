/* dd-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-application"

#include <glib/gi18n.h>

#include "dd-application.h"
#include "dd-preferences-window.h"
#include "dd-window.h"

struct _DdApplication
{
  AdwApplication  parent_instance;

  DdContext      *context;
};

G_DEFINE_FINAL_TYPE (DdApplication, dd_application, ADW_TYPE_APPLICATION)

static DdWindow *
get_window (DdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DD_IS_WINDOW (window))
    return DD_WINDOW (window);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (DD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Callbacks */

static void
on_database_chosen_cb (DdPreferencesWindow *preferences,
                       const char          *path,
                       DdApplication       *self)
{
  DdWindow *window = get_window (self);

  if (window != NULL)
    dd_window_open_path (window, path, DD_WINDOW_OPEN_CHOSEN);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DdApplication *self = user_data;
  DdWindow *window;

  /* Through close-request, so each window saves its size. */
  while ((window = get_window (self)) != NULL)
    gtk_window_close (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  DdApplication *self = user_data;
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/deputydesk/DeputyDesk/dd-about-window.ui");
  GtkWindow *about = GTK_WINDOW (gtk_builder_get_object (builder, "about_window"));

  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  gtk_window_set_transient_for (about, GTK_WINDOW (get_window (self)));
  gtk_window_present (about);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DdApplication *self = user_data;
  DdPreferencesWindow *preferences =
    dd_preferences_window_new (GTK_WINDOW (get_window (self)), self->context);

  g_signal_connect_object (preferences, "database-chosen",
                           G_CALLBACK (on_database_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DdWindow *window = get_window (user_data);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
};

/* GApplication */

static void
dd_application_startup (GApplication *application)
{
  DdApplication *self = DD_APPLICATION (application);
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const preferences_accels[] = { "<Control>comma", NULL };
  static const char * const shortcuts_accels[] = { "<Control>question", NULL };
  static const char * const no_accels[] = { NULL };
  g_autoptr(GSettings) settings = NULL;

  G_APPLICATION_CLASS (dd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  /* GTK gives the overlay the same key; one owner is enough. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", no_accels);

  settings = g_settings_new (APP_ID);
  self->context = dd_context_new (settings);
}

static void
dd_application_activate (GApplication *application)
{
  DdApplication *self = DD_APPLICATION (application);
  DdWindow *window = get_window (self);

  if (window == NULL)
    {
      window = dd_window_new (GTK_APPLICATION (self), self->context);
      dd_window_open_initial (window);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static int
dd_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  DdApplication *self = DD_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;
  DdWindow *window;

  if (!g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_application_activate (application);
      return 0;
    }

  {
    /* Relative to where the command ran, which may not be the primary instance. */
    g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, database);
    g_autofree char *path = g_file_get_path (file);

    window = get_window (self);
    if (window == NULL)
      window = dd_window_new (GTK_APPLICATION (self), self->context);
    dd_window_open_path (window, path, DD_WINDOW_OPEN_COMMAND_LINE);
    gtk_window_present (GTK_WINDOW (window));
  }
  return 0;
}

static void
dd_application_shutdown (GApplication *application)
{
  DdApplication *self = DD_APPLICATION (application);

  G_APPLICATION_CLASS (dd_application_parent_class)->shutdown (application);
  g_clear_object (&self->context);
}

/* GObject */

static void
dd_application_class_init (DdApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = dd_application_startup;
  app_class->activate = dd_application_activate;
  app_class->command_line = dd_application_command_line;
  app_class->shutdown = dd_application_shutdown;
}

static void
dd_application_init (DdApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database file (created on request if it does not exist)"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Deputy Desk keeps the records of deputies’ work."));
}

DdApplication *
dd_application_new (void)
{
  return g_object_new (DD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/deputydesk/DeputyDesk",
                       NULL);
}

/**
 * dd_application_get_context:
 * Returns: (transfer none) (nullable): the context, once started
 */
DdContext *
dd_application_get_context (DdApplication *self)
{
  g_return_val_if_fail (DD_IS_APPLICATION (self), NULL);
  return self->context;
}
