/* dd-window.c: the main window
 *
 * Shows one of: "loading" while a database opens (in a worker thread),
 * "welcome" when there is none yet, "error" when it cannot be opened, and
 * "content", the pages of the view switcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-window"

#include <glib/gi18n.h>

#include "dd-backup.h"
#include "dd-deputies-page.h"
#include "dd-exchange-dialog.h"
#include "dd-import-wizard.h"
#include "dd-model-error.h"
#include "dd-overview-page.h"
#include "dd-stations-page.h"
#include "dd-statistics-page.h"
#include "dd-suggestions-page.h"
#include "dd-welcome-page.h"
#include "dd-window.h"

struct _DdWindow
{
  AdwApplicationWindow  parent_instance;

  DdContext            *context;
  GCancellable         *open_cancellable;
  char                 *pending_path;
  DdWindowOpenOrigin    pending_origin;
  gboolean              pending_create;
  GtkFileChooserNative *chooser;
  guint                 backup_source;
  GCancellable         *backup_cancellable;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  DdWelcomePage        *welcome_page;
  AdwStatusPage        *error_page;
  GtkWidget            *use_default_button;
  AdwViewStack         *view_stack;
  DdOverviewPage       *overview_page;
  DdDeputiesPage       *deputies_page;
  DdStationsPage       *stations_page;
  DdSuggestionsPage    *suggestions_page;
  DdStatisticsPage     *statistics_page;
};

G_DEFINE_FINAL_TYPE (DdWindow, dd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
show_state (DdWindow   *self,
            const char *state)
{
  gboolean content = g_str_equal (state, "content");

  gtk_stack_set_visible_child_name (self->main_stack, state);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-reception", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.exchange", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", content);
}

static void
show_open_error (DdWindow   *self,
                 const char *message)
{
  g_autoptr(GtkBuilder) builder = NULL;
  AdwMessageDialog *dialog;

  /* With a database open, keep it in view and say why the other one was refused. */
  if (dd_context_get_store (self->context) != NULL)
    {
      builder = gtk_builder_new_from_resource ("/io/github/deputydesk/DeputyDesk/dd-open-error-dialog.ui");
      dialog = ADW_MESSAGE_DIALOG (gtk_builder_get_object (builder, "dialog"));
      adw_message_dialog_set_body (dialog, message);
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
      gtk_window_present (GTK_WINDOW (dialog));
      show_state (self, "content");
      return;
    }
  adw_status_page_set_description (self->error_page, message);
  {
    g_autofree char *default_path = dd_store_dup_default_path ();

    gtk_widget_set_visible (self->use_default_button,
                            g_strcmp0 (self->pending_path, default_path) != 0);
  }
  show_state (self, "error");
}

static void
show_welcome (DdWindow   *self,
              const char *path)
{
  dd_welcome_page_set_path (self->welcome_page, path);
  show_state (self, "welcome");
}

static void
update_subtitle (DdWindow *self)
{
  DdStore *store = dd_context_get_store (self->context);
  g_autofree char *name = NULL;

  if (store != NULL && dd_store_get_path (store) != NULL)
    name = g_filename_display_basename (dd_store_get_path (store));
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
}

static void
open_pending (DdWindow *self);

/* The daily backup, a while after a database is opened, so that opening
 * stays quick; a failure is told, a success only logged. */
#define AUTO_BACKUP_DELAY_S 30

static void
on_auto_backup_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  DdWindow *self;

  /* Cancelled when the window goes: touch nothing. */
  if (!dd_backup_auto_finish (DD_STORE (source), result, &made, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DD_WINDOW (user_data);
  if (error != NULL)
    {
      /* Translators: %s is the reason */
      g_autofree char *text = g_strdup_printf (_("The daily backup failed: %s"), error->message);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (made != NULL)
    g_message ("Daily backup made: %s", made);
}

static gboolean
auto_backup_cb (gpointer user_data)
{
  DdWindow *self = user_data;
  GSettings *settings = dd_context_get_settings (self->context);
  DdStore *store = dd_context_get_store (self->context);
  g_autofree char *dir = NULL;

  self->backup_source = 0;
  if (store == NULL || dd_store_get_path (store) == NULL ||
      !g_settings_get_boolean (settings, "backup-automatic"))
    return G_SOURCE_REMOVE;
  dir = dd_backup_dup_default_dir ();
  g_cancellable_cancel (self->backup_cancellable);
  g_clear_object (&self->backup_cancellable);
  self->backup_cancellable = g_cancellable_new ();
  dd_backup_auto_async (store, dir, (guint) g_settings_get_int (settings, "backup-keep"),
                        self->backup_cancellable, on_auto_backup_cb, self);
  return G_SOURCE_REMOVE;
}

static void
check_opened_store (DdWindow *self,
                    DdStore  *store)
{
  const char *path = dd_store_get_path (store);
  g_autofree char *fs_name = NULL;

  g_clear_handle_id (&self->backup_source, g_source_remove);
  self->backup_source = g_timeout_add_seconds (AUTO_BACKUP_DELAY_S, auto_backup_cb, self);

  if (path != NULL && dd_store_is_on_network_fs (path, &fs_name))
    {
      /* Translators: %s names a network file system, such as "cifs" or "nfs" */
      g_autofree char *text = g_strdup_printf (_("This database is on a network drive (%s), where it can be damaged. Keep it on this computer’s own disk if you can, and back up often."),
                                               fs_name != NULL ? fs_name : "?");
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Callbacks */

static void
on_store_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_open_finish (result, &error);
  const char *backup;
  DdWindow *self;

  /* Cancelled: the window may be gone; touch nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DD_WINDOW (user_data);
  g_clear_object (&self->open_cancellable);

  if (store == NULL)
    {
      if (g_error_matches (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NO_DATABASE) &&
          (self->pending_origin == DD_WINDOW_OPEN_DEFAULT ||
           self->pending_origin == DD_WINDOW_OPEN_COMMAND_LINE))
        show_welcome (self, self->pending_path);
      else
        show_open_error (self, error->message);
      return;
    }

  dd_context_set_store (self->context, store);
  if (self->pending_origin == DD_WINDOW_OPEN_CHOSEN || self->pending_create)
    {
      g_autofree char *default_path = dd_store_dup_default_path ();

      /* The default stays implicit, so the app still follows $XDG_DATA_HOME. */
      g_settings_set_string (dd_context_get_settings (self->context), "database-path",
                             g_strcmp0 (self->pending_path, default_path) == 0 ? ""
                                                                               : self->pending_path);
    }
  update_subtitle (self);
  show_state (self, "content");
  check_opened_store (self, store);

  backup = dd_store_get_migration_backup (store);
  if (backup != NULL)
    {
      g_autofree char *name = g_filename_display_basename (backup);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("The database was upgraded; the old version was kept as %s"),
                                               name);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
open_pending (DdWindow *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  /* A database in view stays there until the next one is ready. */
  if (dd_context_get_store (self->context) == NULL)
    show_state (self, "loading");
  dd_store_open_async (self->pending_path,
                       self->pending_create ? DD_STORE_OPEN_CREATE : DD_STORE_OPEN_EXISTING,
                       self->open_cancellable, on_store_opened_cb, self);
}

static void
on_welcome_open_database_cb (DdWindow   *self,
                             const char *path,
                             gboolean    create)
{
  g_free (self->pending_path);
  self->pending_path = g_strdup (path);
  self->pending_create = create;
  /* Remembered unless it is the default. */
  self->pending_origin = DD_WINDOW_OPEN_CHOSEN;
  open_pending (self);
}

static void
on_page_add_toast_cb (DdWindow *self,
                      AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

/* A unit's bar in the statistics: its suggestions on the board, of the same year. */
static void
on_unit_activated_cb (DdWindow *self,
                      gint64    unit_id,
                      int       year)
{
  dd_suggestions_page_show_unit (self->suggestions_page, unit_id, year);
  adw_view_stack_set_visible_child_name (self->view_stack, "suggestions");
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        DdWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        dd_window_open_path (self, path, DD_WINDOW_OPEN_CHOSEN);
    }
  g_clear_object (&self->chooser);
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open a Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (databases, _("Deputy Desk databases"));
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);

  if (self->pending_path != NULL)
    open_pending (self);
}

static void
use_default_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autofree char *path = dd_store_dup_default_path ();

  dd_window_open_path (DD_WINDOW (widget), path, DD_WINDOW_OPEN_DEFAULT);
}

/* Ctrl+F and Ctrl+N go to the page in view, or to the deputies if it has none. */
static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);
  const char *page_action_name = g_str_equal (action_name, "win.search") ? "page.search" : "page.add";
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page != NULL && gtk_widget_activate_action (page, page_action_name, NULL))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "deputies");
  gtk_widget_activate_action (GTK_WIDGET (self->deputies_page), page_action_name, NULL);
}

/* Ctrl+R records a reception at the station in view, on the page that has one. */
static void
record_reception_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page != NULL)
    gtk_widget_activate_action (page, "page.record-reception", NULL);
}

/* Ctrl+I: the import wizard, for the records of the page in view unless named. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);
  const char *kind_name = g_variant_get_string (parameter, NULL);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  DdImportKind kind = DD_IMPORT_DEPUTIES;
  DdImportWizard *wizard;

  if (dd_context_get_store (self->context) == NULL)
    return;
  if (!dd_import_kind_from_string (kind_name, &kind))
    {
      if (g_strcmp0 (page, "stations") == 0)
        kind = DD_IMPORT_STATIONS;
      else if (g_strcmp0 (page, "suggestions") == 0)
        kind = DD_IMPORT_SUGGESTIONS;
    }
  wizard = dd_import_wizard_new (GTK_WINDOW (self), self->context, kind);
  gtk_window_present (GTK_WINDOW (wizard));
}

/* Ctrl+E: the list in view, with its filters. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page == NULL || !gtk_widget_activate_action (page, "page.export", NULL))
    {
      AdwToast *toast = adw_toast_new (_("This page has no list to export. Go to Deputies, Homes & Stations, Suggestions or Statistics."));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
on_dialog_add_toast_cb (DdWindow *self,
                        AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

/* "export" or "import": records for or from another office. */
static void
exchange_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);
  DdExchangeDialog *dialog;

  if (dd_context_get_store (self->context) == NULL)
    return;
  dialog = dd_exchange_dialog_new (GTK_WINDOW (self), self->context,
                                   g_str_equal (g_variant_get_string (parameter, NULL), "import")
                                   ? DD_EXCHANGE_DIALOG_IMPORT : DD_EXCHANGE_DIALOG_EXPORT);
  g_signal_connect_object (dialog, "add-toast", G_CALLBACK (on_dialog_add_toast_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* F5: the statistics' slides of the period chosen on the Statistics page. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DdWindow *self = DD_WINDOW (widget);

  dd_statistics_page_present (self->statistics_page);
}

/* GtkWindow */

static gboolean
dd_window_close_request (GtkWindow *window)
{
  DdWindow *self = DD_WINDOW (window);
  GSettings *settings = dd_context_get_settings (self->context);
  gboolean maximized = gtk_window_is_maximized (window);

  /* A maximized window keeps the size it had before, to return to. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", maximized);

  return GTK_WINDOW_CLASS (dd_window_parent_class)->close_request (window);
}

/* GObject */

static void
dd_window_constructed (GObject *object)
{
  DdWindow *self = DD_WINDOW (object);
  GSettings *settings;

  G_OBJECT_CLASS (dd_window_parent_class)->constructed (object);

  g_assert (DD_IS_CONTEXT (self->context));
  settings = dd_context_get_settings (self->context);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_object_set (self->overview_page, "context", self->context, NULL);
  g_object_set (self->deputies_page, "context", self->context, NULL);
  g_object_set (self->stations_page, "context", self->context, NULL);
  g_object_set (self->suggestions_page, "context", self->context, NULL);
  g_object_set (self->statistics_page, "context", self->context, NULL);
  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
}

static void
dd_window_dispose (GObject *object)
{
  DdWindow *self = DD_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_cancellable_cancel (self->backup_cancellable);
  g_clear_object (&self->backup_cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  /* The switchers let go of the stack while it is whole (libadwaita 1.2
   * otherwise unparents already-freed buttons). */
  if (self->switcher_bar != NULL)
    {
      adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
      adw_view_switcher_title_set_stack (self->switcher_title, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_WINDOW);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dd_window_parent_class)->dispose (object);
}

static void
dd_window_finalize (GObject *object)
{
  DdWindow *self = DD_WINDOW (object);

  g_free (self->pending_path);

  G_OBJECT_CLASS (dd_window_parent_class)->finalize (object);
}

static void
dd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DdWindow *self = DD_WINDOW (object);

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
dd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DdWindow *self = DD_WINDOW (object);

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
dd_window_class_init (DdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = dd_window_constructed;
  object_class->dispose = dd_window_dispose;
  object_class->finalize = dd_window_finalize;
  object_class->get_property = dd_window_get_property;
  object_class->set_property = dd_window_set_property;
  window_class->close_request = dd_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DD_TYPE_WELCOME_PAGE);
  g_type_ensure (DD_TYPE_OVERVIEW_PAGE);
  g_type_ensure (DD_TYPE_DEPUTIES_PAGE);
  g_type_ensure (DD_TYPE_STATIONS_PAGE);
  g_type_ensure (DD_TYPE_SUGGESTIONS_PAGE);
  g_type_ensure (DD_TYPE_STATISTICS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, use_default_button);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, deputies_page);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, stations_page);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, suggestions_page);
  gtk_widget_class_bind_template_child (widget_class, DdWindow, statistics_page);
  gtk_widget_class_bind_template_callback (widget_class, on_welcome_open_database_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.use-default", NULL, use_default_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.add", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.record-reception", NULL, record_reception_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.import", "s", import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.exchange", "s", exchange_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "deputies");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "stations");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "suggestions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.show-page", "s", "statistics");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.record-reception", NULL);
}

static void
dd_window_init (DdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_state (self, "loading");
}

/* Public API */

DdWindow *
dd_window_new (GtkApplication *application,
               DdContext      *context)
{
  return g_object_new (DD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

DdContext *
dd_window_get_context (DdWindow *self)
{
  g_return_val_if_fail (DD_IS_WINDOW (self), NULL);
  return self->context;
}

/**
 * dd_window_open_initial:
 * Opens the database of the last session, or the default one; the
 * welcome page if there is none yet.
 */
void
dd_window_open_initial (DdWindow *self)
{
  g_autofree char *remembered = NULL;

  g_return_if_fail (DD_IS_WINDOW (self));

  remembered = g_settings_get_string (dd_context_get_settings (self->context), "database-path");
  if (remembered[0] != '\0')
    dd_window_open_path (self, remembered, DD_WINDOW_OPEN_REMEMBERED);
  else
    {
      g_autofree char *path = dd_store_dup_default_path ();

      dd_window_open_path (self, path, DD_WINDOW_OPEN_DEFAULT);
    }
}

/**
 * dd_window_open_path:
 * Opens @path in the background and shows it, or shows why it could not.
 */
void
dd_window_open_path (DdWindow           *self,
                     const char         *path,
                     DdWindowOpenOrigin  origin)
{
  g_return_if_fail (DD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->pending_path);
  self->pending_path = g_strdup (path);
  self->pending_origin = origin;
  self->pending_create = FALSE;
  open_pending (self);
}

void
dd_window_add_toast (DdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (DD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * dd_window_get_state:
 * Returns: what the window shows: "loading", "welcome", "error" or "content"
 */
const char *
dd_window_get_state (DdWindow *self)
{
  g_return_val_if_fail (DD_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}
