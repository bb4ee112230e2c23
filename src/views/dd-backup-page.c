/* dd-backup-page.c: the Backups page of the preferences: the daily backup
 * (on or off, how many to keep, where), a backup now, a restore (after a
 * confirmation naming the safety backup made first), the recent daily
 * backups, and a warning when the database is on a network file system
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-backup-page"

#include <glib/gi18n.h>

#include "dd-backup-page.h"
#include "dd-backup.h"

/* The list shows this many of the rotating set. */
#define MAX_RECENT 10

struct _DdBackupPage
{
  AdwPreferencesPage    parent_instance;

  DdContext            *context;
  DdStore              *store;
  char                 *dir;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GPtrArray            *recent_rows;
  guint                 pulse_source;
  gboolean              disposed;

  AdwPreferencesGroup  *network_group;
  AdwActionRow         *network_row;
  GtkSwitch            *automatic_switch;
  GtkSpinButton        *keep_spin;
  AdwActionRow         *folder_row;
  GtkWidget            *backup_button;
  GtkWidget            *restore_button;
  GtkProgressBar       *progress_bar;
  GtkLabel             *message_label;
  AdwPreferencesGroup  *recent_group;
};

G_DEFINE_FINAL_TYPE (DdBackupPage, dd_backup_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
show_message (DdBackupPage *self,
              const char   *text,
              gboolean      error)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
add_toast (DdBackupPage *self,
           const char   *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static gboolean
pulse_cb (gpointer user_data)
{
  DdBackupPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (DdBackupPage *self,
          gboolean      busy)
{
  gtk_widget_set_sensitive (self->backup_button, !busy && self->store != NULL);
  gtk_widget_set_sensitive (self->restore_button, !busy && self->store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (busy)
    self->pulse_source = g_timeout_add (120, pulse_cb, self);
}

static void on_restore_file (DdBackupPage *self, const char *path);

static void
on_recent_restore_clicked_cb (GtkButton    *button,
                              DdBackupPage *self)
{
  on_restore_file (self, g_object_get_data (G_OBJECT (button), "path"));
}

static void
fill_recent (DdBackupPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dd_backup_list (self->dir, &error);

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, self->recent_rows->pdata[i]);
  g_ptr_array_set_size (self->recent_rows, 0);

  if (list == NULL || list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No daily backup yet"));
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
      return;
    }

  for (guint i = 0; i < list->len && i < MAX_RECENT; i++)
    {
      DdBackupInfo *info = list->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *accessible = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: %s is a date */
      accessible = g_strdup_printf (_("Restore the backup of %s"), info->date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (info->path), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_recent_restore_clicked_cb), self, 0);
      gtk_widget_set_sensitive (button, self->store != NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
    }
}

/* Back up now */

static void
on_backed_up_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DdBackupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (self), "dd-backup-path");
  gboolean ok = dd_backup_to_file_finish (DD_STORE (source), result, &error);

  if (self->disposed)
    return;
  set_busy (self, FALSE);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
      return;
    }
  {
    g_autofree char *name = g_filename_display_name (path);
    /* Translators: %s is a file's path */
    g_autofree char *text = g_strdup_printf (_("Backed up to %s"), name);

    show_message (self, text, FALSE);
    add_toast (self, text);
  }
}

static void
on_backup_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               DdBackupPage    *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->chooser);
  if (path == NULL || self->store == NULL)
    return;

  show_message (self, NULL, FALSE);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), "dd-backup-path", g_strdup (path), g_free);
  dd_backup_to_file_async (self->store, path, self->cancellable, on_backed_up_cb, g_object_ref (self));
}

static void
on_backup_clicked_cb (DdBackupPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL || self->store == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Back Up the Database"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  /* Translators: the file name suggested for a backup; %s is today's date */
  name = g_strdup_printf (_("deputy-desk-backup-%s.sqlite"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("Deputy Desk databases"));
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_backup_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Restore */

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DdBackupPage     *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;

  if (!g_str_equal (response, "restore") || self->store == NULL)
    return;

  show_message (self, NULL, FALSE);
  if (!dd_backup_restore (self->store, path, self->dir, &safety, &error))
    {
      AdwMessageDialog *refusal;
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      refusal = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                            _("The Backup Was Not Restored"),
                                                            error->message));
      adw_message_dialog_add_response (refusal, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (refusal));
      show_message (self, error->message, TRUE);
      return;
    }
  {
    g_autofree char *name = g_filename_display_basename (path);
    g_autofree char *safety_name = safety != NULL ? g_filename_display_name (safety) : g_strdup ("");
    /* Translators: %s are file names */
    g_autofree char *text = g_strdup_printf (_("Restored from %s. The database as it was before is kept as %s."),
                                             name, safety_name);

    show_message (self, text, FALSE);
    add_toast (self, text);
  }
  fill_recent (self);
}

static void
on_restore_file (DdBackupPage *self,
                 const char   *path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *dir = g_filename_display_name (self->dir);
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  /* Translators: %1$s is the backup file, %2$s a folder */
  body = g_strdup_printf (_("The database in use will be replaced by the backup “%1$s”. Before that, it is backed up into the folder %2$s, so that you can go back to it."),
                          name, dir);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore_chooser_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                DdBackupPage    *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->chooser);
  if (path != NULL)
    on_restore_file (self, path);
}

static void
on_restore_clicked_cb (DdBackupPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (self->dir);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL || self->store == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Backup to Restore"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Deputy Desk databases"));
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_restore_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_open_folder_clicked_cb (DdBackupPage *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (self->dir);
  g_autofree char *uri = g_file_get_uri (folder);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_mkdir_with_parents (self->dir, 0700);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* GObject */

static void
dd_backup_page_constructed (GObject *object)
{
  DdBackupPage *self = DD_BACKUP_PAGE (object);
  GSettings *settings;
  g_autofree char *dir_name = NULL;
  g_autofree char *fs_name = NULL;

  G_OBJECT_CLASS (dd_backup_page_parent_class)->constructed (object);

  g_assert (DD_IS_CONTEXT (self->context));
  settings = dd_context_get_settings (self->context);
  g_settings_bind (settings, "backup-automatic", self->automatic_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-keep", gtk_spin_button_get_adjustment (self->keep_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->automatic_switch, "active", self->keep_spin, "sensitive", G_BINDING_SYNC_CREATE);

  self->store = dd_context_get_store (self->context);
  if (self->store != NULL)
    g_object_ref (self->store);
  self->dir = dd_backup_dup_default_dir ();
  dir_name = g_filename_display_name (self->dir);
  adw_action_row_set_subtitle (self->folder_row, dir_name);

  if (self->store != NULL && dd_store_get_path (self->store) != NULL &&
      dd_store_is_on_network_fs (dd_store_get_path (self->store), &fs_name))
    {
      /* Translators: %s names a network file system, such as "cifs" or "nfs" */
      g_autofree char *title = g_strdup_printf (_("The database is on a network drive (%s)"),
                                                fs_name != NULL ? fs_name : "?");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->network_row), title);
      gtk_widget_set_visible (GTK_WIDGET (self->network_group), TRUE);
    }

  set_busy (self, FALSE);
  fill_recent (self);
}

static void
dd_backup_page_dispose (GObject *object)
{
  DdBackupPage *self = DD_BACKUP_PAGE (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dd_backup_page_parent_class)->dispose (object);
}

static void
dd_backup_page_finalize (GObject *object)
{
  DdBackupPage *self = DD_BACKUP_PAGE (object);

  g_free (self->dir);
  g_ptr_array_unref (self->recent_rows);

  G_OBJECT_CLASS (dd_backup_page_parent_class)->finalize (object);
}

static void
dd_backup_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DdBackupPage *self = DD_BACKUP_PAGE (object);

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
dd_backup_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DdBackupPage *self = DD_BACKUP_PAGE (object);

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
dd_backup_page_class_init (DdBackupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dd_backup_page_constructed;
  object_class->dispose = dd_backup_page_dispose;
  object_class->finalize = dd_backup_page_finalize;
  object_class->get_property = dd_backup_page_get_property;
  object_class->set_property = dd_backup_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-backup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, network_group);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, network_row);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, backup_button);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, DdBackupPage, recent_group);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked_cb);
}

static void
dd_backup_page_init (DdBackupPage *self)
{
  self->recent_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dd_backup_page_new (DdContext *context)
{
  return g_object_new (DD_TYPE_BACKUP_PAGE, "context", context, NULL);
}
