/* dd-preferences-window.c: who is at the desk, and which database is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-preferences-window"

#include <glib/gi18n.h>

#include "dd-preferences-window.h"

struct _DdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  DdContext            *context;
  GtkFileChooserNative *chooser;

  AdwEntryRow          *operator_row;
  AdwActionRow         *database_row;
};

G_DEFINE_FINAL_TYPE (DdPreferencesWindow, dd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  DATABASE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_database_row (DdPreferencesWindow *self)
{
  DdStore *store = dd_context_get_store (self->context);
  const char *path = store != NULL ? dd_store_get_path (store) : NULL;
  g_autofree char *shown = path != NULL ? g_filename_display_name (path) : NULL;

  adw_action_row_set_subtitle (self->database_row, shown != NULL ? shown : _("No database is open"));
}

static void
on_chooser_response_cb (GtkNativeDialog     *chooser,
                        int                  response,
                        DdPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_signal_emit (self, signals[DATABASE_CHOSEN], 0, path);
    }
  g_clear_object (&self->chooser);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  DdStore *store = dd_context_get_store (self->context);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Another Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (databases, _("Deputy Desk databases"));
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  if (store != NULL && dd_store_get_path (store) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (dd_store_get_path (store));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
dd_preferences_window_constructed (GObject *object)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (dd_preferences_window_parent_class)->constructed (object);

  g_assert (DD_IS_CONTEXT (self->context));
  /* Written as typed; the store reads it on each change (DdContext). */
  g_settings_bind (dd_context_get_settings (self->context), "operator-name",
                   self->operator_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (update_database_row), self, G_CONNECT_SWAPPED);
  update_database_row (self);
}

static void
dd_preferences_window_dispose (GObject *object)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dd_preferences_window_parent_class)->dispose (object);
}

static void
dd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_preferences_window_class_init (DdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dd_preferences_window_constructed;
  object_class->dispose = dd_preferences_window_dispose;
  object_class->get_property = dd_preferences_window_get_property;
  object_class->set_property = dd_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdPreferencesWindow::database-chosen:
   * @path: the file the user chose to open instead
   */
  signals[DATABASE_CHOSEN] =
    g_signal_new ("database-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, database_row);

  gtk_widget_class_install_action (widget_class, "preferences.open-database", NULL,
                                   open_database_action);
}

static void
dd_preferences_window_init (DdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dd_preferences_window_new:
 * Returns: (transfer none): the window, not yet shown
 */
DdPreferencesWindow *
dd_preferences_window_new (GtkWindow *parent,
                           DdContext *context)
{
  return g_object_new (DD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}
