/* dd-chart-export-dialog.c: one chart to a PNG, SVG or PDF file
 *
 * The size (pixels and DPI for a PNG, points for SVG and PDF) is chosen
 * here, the file with the system's file chooser; the chart is built anew
 * from the figures and written in a worker thread, so a large PNG never
 * holds up the window. Once written, ::exported tells the page (which
 * shows a toast) and the dialog closes; an error stays in view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-chart-export-dialog"

#include <glib/gi18n.h>

#include "dd-chart-export-dialog.h"

struct _DdChartExportDialog
{
  AdwWindow             parent_instance;

  DdReportChart         kind;
  DdAnalytics          *analytics;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              busy;

  AdwComboRow          *format_row;
  AdwActionRow         *width_row;
  AdwActionRow         *height_row;
  GtkWidget            *dpi_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  GtkSpinButton        *dpi_spin;
  GtkLabel             *size_label;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
};

G_DEFINE_FINAL_TYPE (DdChartExportDialog, dd_chart_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker needs: nothing it shares with the window. */
typedef struct
{
  DdReportChart  kind;
  DdAnalytics   *analytics;
  DdChartFormat  format;
  char          *path;
  double         width;
  double         height;
  double         dpi;
} Job;

static void
job_free (Job *job)
{
  dd_analytics_unref (job->analytics);
  g_free (job->path);
  g_free (job);
}

/* Helpers */

static DdChartFormat
chosen_format (DdChartExportDialog *self)
{
  switch (adw_combo_row_get_selected (self->format_row))
    {
    case 1:
      return DD_CHART_FORMAT_SVG;
    case 2:
      return DD_CHART_FORMAT_PDF;
    default:
      return DD_CHART_FORMAT_PNG;
    }
}

static const char *
format_extension (DdChartFormat format)
{
  switch (format)
    {
    case DD_CHART_FORMAT_SVG:
      return "svg";
    case DD_CHART_FORMAT_PDF:
      return "pdf";
    case DD_CHART_FORMAT_PNG:
    default:
      return "png";
    }
}

static void
set_busy (DdChartExportDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", !busy);
  if (busy)
    gtk_label_set_label (self->status_label, _("Writing the file…"));
}

static void
update_size_label (DdChartExportDialog *self)
{
  int width = gtk_spin_button_get_value_as_int (self->width_spin);
  int height = gtk_spin_button_get_value_as_int (self->height_spin);
  g_autofree char *text = NULL;

  if (chosen_format (self) == DD_CHART_FORMAT_PNG)
    /* Translators: an image's size, e.g. "An image of 1920 × 1080 pixels" */
    text = g_strdup_printf (_("An image of %d × %d pixels"), width, height);
  else
    /* Translators: a page's size in points and millimetres */
    text = g_strdup_printf (_("A page of %d × %d points (%.0f × %.0f mm)"), width, height,
                            width * 25.4 / 72, height * 25.4 / 72);
  gtk_label_set_label (self->size_label, text);
}

/* Callbacks */

static void
on_format_changed_cb (DdChartExportDialog *self)
{
  gboolean png = chosen_format (self) == DD_CHART_FORMAT_PNG;

  gtk_widget_set_visible (self->dpi_row, png);
  /* Pixels for an image, points (a 16:9 slide's page) for a drawing. */
  gtk_spin_button_set_value (self->width_spin, png ? 1920 : 960);
  gtk_spin_button_set_value (self->height_spin, png ? 1080 : 540);
  adw_action_row_set_subtitle (self->width_row, png ? _("pixels") : _("points"));
  adw_action_row_set_subtitle (self->height_row, png ? _("pixels") : _("points"));
  update_size_label (self);
}

static void
on_size_changed_cb (DdChartExportDialog *self)
{
  update_size_label (self);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  if (dd_report_chart_write (job->kind, job->analytics, job->format, job->path,
                             job->width, job->height, job->dpi, dd_chart_palette_light (), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DdChartExportDialog *self = DD_CHART_EXPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Cancelled: the dialog was closed meanwhile; touch nothing of it. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: %s is the reason, naming the file */
      g_autofree char *text = g_strdup_printf (_("The chart could not be exported: %s"), error->message);

      gtk_label_set_label (self->status_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      return;
    }
  g_signal_emit (self, signals[EXPORTED], 0, job->path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response_cb (GtkNativeDialog     *chooser,
                        int                  response,
                        DdChartExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL)
    dd_chart_export_dialog_write (self, path);
}

/* Actions */

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DdChartExportDialog *self = DD_CHART_EXPORT_DIALOG (widget);
  DdChartFormat format = chosen_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  int year = dd_analytics_filter_get_year (self->analytics->filter);

  if (self->chooser != NULL || self->busy)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  switch (format)
    {
    case DD_CHART_FORMAT_SVG:
      gtk_file_filter_set_name (filter, _("SVG drawings"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    case DD_CHART_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case DD_CHART_FORMAT_PNG:
    default:
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    }
  gtk_file_filter_add_suffix (filter, format_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (year != 0)
    name = g_strdup_printf ("%s-%d.%s", dd_report_chart_get_name (self->kind), year,
                            format_extension (format));
  else
    name = g_strdup_printf ("%s.%s", dd_report_chart_get_name (self->kind), format_extension (format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
dd_chart_export_dialog_dispose (GObject *object)
{
  DdChartExportDialog *self = DD_CHART_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->analytics, dd_analytics_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_CHART_EXPORT_DIALOG);

  G_OBJECT_CLASS (dd_chart_export_dialog_parent_class)->dispose (object);
}

static void
dd_chart_export_dialog_class_init (DdChartExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_chart_export_dialog_dispose;

  /**
   * DdChartExportDialog::exported:
   * @path: the file written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-chart-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DdChartExportDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_size_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dd_chart_export_dialog_init (DdChartExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_format_changed_cb (self);
}

/* Public API */

/**
 * dd_chart_export_dialog_new:
 * @analytics: the figures the chart is built from (a reference is kept)
 *
 * Returns: (transfer none): a new dialog, not yet presented
 */
GtkWidget *
dd_chart_export_dialog_new (GtkWindow     *parent,
                            DdReportChart  kind,
                            DdAnalytics   *analytics)
{
  DdChartExportDialog *self;
  /* Translators: %s is a chart's title */
  g_autofree char *title = NULL;

  g_return_val_if_fail (analytics != NULL, NULL);

  self = g_object_new (DD_TYPE_CHART_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->kind = kind;
  self->analytics = dd_analytics_ref (analytics);
  title = g_strdup_printf (_("Export “%s”"), dd_report_chart_get_title (kind));
  gtk_window_set_title (GTK_WINDOW (self), title);
  return GTK_WIDGET (self);
}

/**
 * dd_chart_export_dialog_write:
 * Writes the chart to @path in the format and size chosen, in a worker
 * thread (what the file chooser's answer does).
 */
void
dd_chart_export_dialog_write (DdChartExportDialog *self,
                              const char          *path)
{
  g_autoptr(GTask) task = NULL;
  Job *job;
  double dpi;

  g_return_if_fail (DD_IS_CHART_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->busy)
    return;
  job = g_new0 (Job, 1);
  job->kind = self->kind;
  job->analytics = dd_analytics_ref (self->analytics);
  job->format = chosen_format (self);
  job->path = g_strdup (path);
  job->width = gtk_spin_button_get_value (self->width_spin);
  job->height = gtk_spin_button_get_value (self->height_spin);
  job->dpi = 96;
  if (job->format == DD_CHART_FORMAT_PNG)
    {
      /* Pixels as asked: laid out at the size that many pixels are at that DPI. */
      dpi = gtk_spin_button_get_value (self->dpi_spin);
      job->dpi = dpi;
      job->width = job->width * 96 / dpi;
      job->height = job->height * 96 / dpi;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_written_cb, NULL);
  g_task_set_source_tag (task, dd_chart_export_dialog_write);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
dd_chart_export_dialog_get_busy (DdChartExportDialog *self)
{
  g_return_val_if_fail (DD_IS_CHART_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}
