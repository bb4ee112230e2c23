/* dd-export-dialog.c: a list as it is shown, to an Excel workbook or a CSV file
 *
 * The sheet is built by the model in a worker (dd_export_build_async) and
 * written by src/io in another; the dialog shows the progress and, when the
 * file is written, closes with a toast. An error stays in the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-export-dialog"

#include <glib/gi18n.h>

#include "dd-csv.h"
#include "dd-export-dialog.h"
#include "dd-xlsx-writer.h"

static const char * const format_labels[] = {
  N_("Excel workbook (.xlsx)"),
  N_("CSV, UTF-8 (Excel, WPS, LibreOffice)"),
  N_("CSV, GB18030 (older programs on Chinese Windows)"),
};

struct _DdExportDialog
{
  AdwWindow             parent_instance;

  DdContext            *context;
  DdStore              *store;
  DdExportKind          kind;
  /* The options, owning what they point to */
  DdExportOptions       options;
  char                 *search;
  char                 *level;
  char                 *status;
  char                 *group_name;
  char                 *station_kind;
  char                 *district;
  char                 *township;
  GStrv                 states;

  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  char                 *path;
  char                 *error;
  gboolean              busy;
  gboolean              disposed;
  guint                 progress_source;
  gint                  done_rows;      /* atomic: written by the writer thread */
  gint                  total_rows;     /* atomic */

  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *export_button;
  AdwPreferencesGroup  *options_group;
  AdwComboRow          *format_row;
  GtkSwitch            *mask_switch;
  GtkProgressBar       *progress_bar;
  GtkLabel             *message_label;
};

G_DEFINE_FINAL_TYPE (DdExportDialog, dd_export_dialog, ADW_TYPE_WINDOW)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
kind_title (DdExportKind kind)
{
  switch (kind)
    {
    case DD_EXPORT_DEPUTIES: return _("Export Deputies");
    case DD_EXPORT_STATIONS: return _("Export Homes and Stations");
    case DD_EXPORT_SUGGESTIONS: return _("Export Suggestions");
    case DD_EXPORT_RECEPTIONS: return _("Export Receptions");
    case DD_EXPORT_STATS: return _("Export the Year’s Figures");
    default: g_return_val_if_reached (NULL);
    }
}

static DdExportFormat
chosen_format (DdExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected < G_N_ELEMENTS (format_labels) ? (DdExportFormat) selected : DD_EXPORT_FORMAT_XLSX;
}

static void
set_busy (DdExportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  if (!busy)
    g_clear_handle_id (&self->progress_source, g_source_remove);
}

static void
show_message (DdExportDialog *self,
              const char     *text)
{
  g_free (self->error);
  self->error = g_strdup (text);
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  DdExportDialog *self = user_data;
  int total = g_atomic_int_get (&self->total_rows);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   (double) g_atomic_int_get (&self->done_rows) / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* Writing, in a worker */

typedef struct
{
  DdSheet        *sheet;
  char           *path;
  DdExportFormat  format;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  dd_sheet_unref (job->sheet);
  g_free (job->path);
  g_free (job);
}

static void
on_write_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  DdExportDialog *self = user_data;

  g_atomic_int_set (&self->total_rows, (gint) total);
  g_atomic_int_set (&self->done_rows, (gint) done);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  switch (job->format)
    {
    case DD_EXPORT_FORMAT_CSV_UTF8:
      ok = dd_csv_write_file (job->sheet, job->path, DD_CSV_ENCODING_UTF8, ',', cancellable,
                              on_write_progress, source_object, &error);
      break;
    case DD_EXPORT_FORMAT_CSV_GB18030:
      ok = dd_csv_write_file (job->sheet, job->path, DD_CSV_ENCODING_GB18030, ',', cancellable,
                              on_write_progress, source_object, &error);
      break;
    case DD_EXPORT_FORMAT_XLSX:
    default:
      ok = dd_xlsx_write_file (job->sheet, job->path, cancellable, on_write_progress, source_object, &error);
      break;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DdExportDialog *self = DD_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!self->disposed)
        {
          set_busy (self, FALSE);
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            show_message (self, error->message);
        }
      return;
    }
  if (self->disposed)
    return;

  set_busy (self, FALSE);
  name = g_filename_display_basename (self->path);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Exported to %s"), name);
  toast = adw_toast_new (text);
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_built_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DdExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  DdSheet *sheet = dd_export_build_finish (result, &error);
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  if (self->disposed)
    {
      g_clear_pointer (&sheet, dd_sheet_unref);
      return;
    }
  if (sheet == NULL)
    {
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      return;
    }

  job = g_new0 (WriteJob, 1);
  job->sheet = sheet;
  job->path = g_strdup (self->path);
  job->format = chosen_format (self);
  task = g_task_new (self, self->cancellable, on_written_cb, NULL);
  g_task_set_source_tag (task, on_built_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

static char *
suggested_name (DdExportDialog *self)
{
  return dd_export_suggest_file_name (self->kind, self->options.year,
                                      chosen_format (self) == DD_EXPORT_FORMAT_XLSX ? "xlsx" : "csv");
}

/* Callbacks */

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        DdExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        dd_export_dialog_export_to_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
on_export_clicked_cb (DdExportDialog *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL || self->busy)
    return;

  self->chooser = gtk_file_chooser_native_new (kind_title (self->kind), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  name = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (chosen_format (self) == DD_EXPORT_FORMAT_XLSX)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cancel_clicked_cb (DdExportDialog *self)
{
  /* A file half written is removed by the writer (temporary file, then rename). */
  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
dd_export_dialog_dispose (GObject *object)
{
  DdExportDialog *self = DD_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dd_export_dialog_parent_class)->dispose (object);
}

static void
dd_export_dialog_finalize (GObject *object)
{
  DdExportDialog *self = DD_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->options.suggestion_filter);
  g_free (self->search);
  g_free (self->level);
  g_free (self->status);
  g_free (self->group_name);
  g_free (self->station_kind);
  g_free (self->district);
  g_free (self->township);
  g_strfreev (self->states);
  g_free (self->path);
  g_free (self->error);

  G_OBJECT_CLASS (dd_export_dialog_parent_class)->finalize (object);
}

static void
dd_export_dialog_class_init (DdExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_export_dialog_dispose;
  object_class->finalize = dd_export_dialog_finalize;

  /**
   * DdExportDialog::add-toast:
   * The file was written: a message for the window's toast overlay.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DdExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DdExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DdExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DdExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, DdExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DdExportDialog, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, DdExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DdExportDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dd_export_dialog_init (DdExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (format_labels); i++)
    gtk_string_list_append (formats, _(format_labels[i]));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  self->cancellable = g_cancellable_new ();
  dd_export_options_init (&self->options);
}

/* Public API */

/**
 * dd_export_dialog_new:
 * Returns: (transfer none): the dialog, not yet shown
 */
DdExportDialog *
dd_export_dialog_new (GtkWindow             *parent,
                      DdContext             *context,
                      DdExportKind           kind,
                      const DdExportOptions *options)
{
  DdExportDialog *self = g_object_new (DD_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  DdStore *store = dd_context_get_store (context);
  const char *description = NULL;

  self->context = g_object_ref (context);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->kind = kind;
  if (options != NULL)
    {
      self->options = *options;
      self->options.search = self->search = g_strdup (options->search);
      self->options.level = self->level = g_strdup (options->level);
      self->options.status = self->status = g_strdup (options->status);
      self->options.group_name = self->group_name = g_strdup (options->group_name);
      self->options.station_kind = self->station_kind = g_strdup (options->station_kind);
      self->options.district = self->district = g_strdup (options->district);
      self->options.township = self->township = g_strdup (options->township);
      self->states = g_strdupv ((char **) options->states);
      self->options.states = (const char * const *) self->states;
      if (options->suggestion_filter != NULL)
        g_object_ref (options->suggestion_filter);
    }
  gtk_switch_set_active (self->mask_switch, self->options.mask);

  adw_window_title_set_title (self->window_title, kind_title (kind));
  gtk_window_set_title (GTK_WINDOW (self), kind_title (kind));
  switch (kind)
    {
    case DD_EXPORT_STATS:
      description = _("The year’s figures as the Statistics page shows them, one row per figure.");
      break;
    case DD_EXPORT_RECEPTIONS:
      description = _("Receptions with the deputies present and the voters received.");
      break;
    case DD_EXPORT_SUGGESTIONS:
      description = _("The suggestions the board shows with its current filters, with a date for each step of their handling.");
      break;
    case DD_EXPORT_DEPUTIES:
    case DD_EXPORT_STATIONS:
    default:
      description = _("The list as it is shown, with its current search and filters.");
      break;
    }
  adw_preferences_group_set_description (self->options_group, description);
  return self;
}

void
dd_export_dialog_set_format (DdExportDialog *self,
                             DdExportFormat  format)
{
  g_return_if_fail (DD_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

void
dd_export_dialog_set_mask (DdExportDialog *self,
                           gboolean        mask)
{
  g_return_if_fail (DD_IS_EXPORT_DIALOG (self));
  gtk_switch_set_active (self->mask_switch, mask);
}

void
dd_export_dialog_export_to_path (DdExportDialog *self,
                                 const char     *path)
{
  g_return_if_fail (DD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->busy)
    return;
  if (self->store == NULL)
    {
      show_message (self, _("No database is open."));
      return;
    }
  g_free (self->path);
  self->path = g_strdup (path);
  self->options.mask = gtk_switch_get_active (self->mask_switch);
  show_message (self, NULL);
  g_atomic_int_set (&self->done_rows, 0);
  g_atomic_int_set (&self->total_rows, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_busy (self, TRUE);
  self->progress_source = g_timeout_add (100, progress_tick_cb, self);
  dd_export_build_async (self->store, self->kind, &self->options, self->cancellable,
                         on_built_cb, g_object_ref (self));
}

gboolean
dd_export_dialog_is_busy (DdExportDialog *self)
{
  g_return_val_if_fail (DD_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}

const char *
dd_export_dialog_get_error (DdExportDialog *self)
{
  g_return_val_if_fail (DD_IS_EXPORT_DIALOG (self), NULL);
  return self->error;
}

static void
on_dialog_add_toast_cb (DdExportDialog *dialog,
                        AdwToast       *toast,
                        GtkWidget      *widget)
{
  g_signal_emit_by_name (widget, "add-toast", toast);
}

/**
 * dd_export_dialog_present_for:
 * @widget: a page with an "add-toast" signal
 */
void
dd_export_dialog_present_for (GtkWidget             *widget,
                              DdContext             *context,
                              DdExportKind           kind,
                              const DdExportOptions *options)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  DdExportDialog *dialog = dd_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 context, kind, options);

  g_signal_connect_object (dialog, "add-toast", G_CALLBACK (on_dialog_add_toast_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
