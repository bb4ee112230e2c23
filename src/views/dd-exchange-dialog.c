/* dd-exchange-dialog.c: records to or from another office, as an exchange file
 *
 * Export: a selection (suggestions transferred to another level, suggestions
 * registered in a period, a township's stations with their receptions and
 * voters' opinions in a period), then a file chooser, then the file.
 * Import: a file, its dry run (what would be added, updated, skipped, and
 * every problem), the choice for records already here, then the import in
 * one transaction and its summary. Exchange files are small: the model's
 * calls run on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-exchange-dialog"

#include <glib/gi18n.h>

#include "dd-exchange-dialog.h"
#include "dd-exchange.h"

#define MAX_LISTED 200

static const char * const selection_labels[] = {
  N_("Suggestions transferred to another level"),
  N_("Suggestions registered in a period"),
  N_("A township’s stations, receptions and opinions in a period"),
};

static const char * const duplicate_labels[] = {
  N_("Keep ours (skip)"),
  N_("Update ours from the file"),
  N_("Import as new records"),
};

struct _DdExchangeDialog
{
  AdwWindow             parent_instance;

  DdContext            *context;
  DdStore              *store;
  DdExchangeDialogMode  mode;
  GtkFileChooserNative *chooser;
  char                 *path;
  gboolean              checked;        /* a dry run without problems */
  gboolean              done;
  GPtrArray            *listed_rows;

  AdwWindowTitle       *window_title;
  GtkWidget            *close_button;
  GtkWidget            *main_button;
  GtkWidget            *selection_group;
  AdwComboRow          *selection_row;
  GtkWidget            *transferred_to_row;
  GtkWidget            *from_row;
  GtkWidget            *to_row;
  GtkWidget            *district_row;
  GtkWidget            *township_row;
  GtkWidget            *file_group;
  AdwActionRow         *file_row;
  AdwComboRow          *duplicates_row;
  GtkWidget            *report_group;
  AdwActionRow         *report_row;
  GtkImage             *report_icon;
  AdwPreferencesGroup  *problems_group;
  AdwPreferencesGroup  *lines_group;
  GtkLabel             *message_label;
};

G_DEFINE_FINAL_TYPE (DdExchangeDialog, dd_exchange_dialog, ADW_TYPE_WINDOW)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
show_message (DdExchangeDialog *self,
              const char       *text,
              gboolean          error)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
emit_toast (DdExchangeDialog *self,
            const char       *text)
{
  AdwToast *toast = adw_toast_new (text);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

static GtkStringList *
translated_list (const char * const *labels,
                 guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(labels[i]));
  return list;
}

static const char *
entry_text (GtkWidget *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
clear_listed (DdExchangeDialog *self)
{
  for (guint i = 0; i < self->listed_rows->len; i++)
    {
      GtkWidget *row = self->listed_rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->listed_rows, 0);
}

static void
list_lines (DdExchangeDialog    *self,
            AdwPreferencesGroup *group,
            GPtrArray           *lines,
            const char          *icon)
{
  for (guint i = 0; lines != NULL && i < lines->len && i < MAX_LISTED; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lines->pdata[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (icon != NULL)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->listed_rows, row);
    }
  if (lines != NULL && lines->len > MAX_LISTED)
    {
      GtkWidget *row = adw_action_row_new ();
      guint more = lines->len - MAX_LISTED;
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more", "… and %u more", more), more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->listed_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), lines != NULL && lines->len > 0);
}

static void
update_main_button (DdExchangeDialog *self)
{
  if (self->mode == DD_EXCHANGE_DIALOG_EXPORT)
    {
      gtk_button_set_label (GTK_BUTTON (self->main_button), _("_Export…"));
      return;
    }
  if (self->done)
    {
      gtk_button_set_label (GTK_BUTTON (self->main_button), _("_Close"));
      gtk_widget_set_sensitive (self->main_button, TRUE);
      gtk_widget_set_visible (self->close_button, FALSE);
      return;
    }
  gtk_button_set_label (GTK_BUTTON (self->main_button), _("_Import"));
  gtk_widget_set_sensitive (self->main_button, self->checked);
}

static void
on_selection_changed_cb (DdExchangeDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->selection_row);

  gtk_widget_set_visible (self->transferred_to_row, selected == DD_EXCHANGE_TRANSFERRED);
  gtk_widget_set_visible (self->from_row, selected != DD_EXCHANGE_TRANSFERRED);
  gtk_widget_set_visible (self->to_row, selected != DD_EXCHANGE_TRANSFERRED);
  gtk_widget_set_visible (self->district_row, selected == DD_EXCHANGE_TOWNSHIP);
  gtk_widget_set_visible (self->township_row, selected == DD_EXCHANGE_TOWNSHIP);
}

/* Export */

static void
export_to (DdExchangeDialog *self,
           const char       *path)
{
  DdExchangeSelection selection = { 0 };
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->selection_row);

  selection.kind = selected <= DD_EXCHANGE_TOWNSHIP ? (DdExchangeKind) selected : DD_EXCHANGE_TRANSFERRED;
  if (selection.kind == DD_EXCHANGE_TRANSFERRED)
    selection.transferred_to = entry_text (self->transferred_to_row);
  else
    {
      selection.from = entry_text (self->from_row);
      selection.to = entry_text (self->to_row);
    }
  if (selection.kind == DD_EXCHANGE_TOWNSHIP)
    {
      selection.district = entry_text (self->district_row);
      selection.township = entry_text (self->township_row);
    }

  if (!dd_exchange_export (self->store, &selection, path, &error))
    {
      show_message (self, error->message, TRUE);
      return;
    }
  {
    g_autofree char *name = g_filename_display_basename (path);
    /* Translators: %s is a file name */
    g_autofree char *text = g_strdup_printf (_("Exported to %s"), name);

    emit_toast (self, text);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Import */

static void
show_report (DdExchangeDialog *self,
             DdExchangeReport *report,
             gboolean          dry_run)
{
  g_autofree char *summary = report != NULL ? dd_exchange_report_dup_summary (report) : NULL;
  g_autofree char *title = NULL;
  gboolean problems = report != NULL && report->problems != NULL && report->problems->len > 0;

  clear_listed (self);
  if (report == NULL)
    {
      gtk_widget_set_visible (self->report_group, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->lines_group), FALSE);
      return;
    }

  if (problems)
    title = g_strdup_printf (ngettext ("%u problem found: nothing can be imported",
                                       "%u problems found: nothing can be imported",
                                       report->problems->len),
                             report->problems->len);
  else if (dry_run)
    /* Translators: %s is the sending office's name */
    title = g_strdup_printf (_("From %s: ready to import"),
                             report->office_name != NULL && *report->office_name != '\0' ? report->office_name : _("an unnamed office"));
  else
    /* Translators: %s is the sending office's name */
    title = g_strdup_printf (_("From %s: imported"),
                             report->office_name != NULL && *report->office_name != '\0' ? report->office_name : _("an unnamed office"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->report_row), title);
  adw_action_row_set_subtitle (self->report_row, summary != NULL ? summary : "");
  gtk_image_set_from_icon_name (self->report_icon, problems ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  gtk_widget_set_visible (self->report_group, TRUE);
  list_lines (self, self->problems_group, report->problems, "dialog-warning-symbolic");
  list_lines (self, self->lines_group, report->lines, NULL);
}

static void
dry_run (DdExchangeDialog *self)
{
  DdExchangeOptions options = { TRUE, adw_combo_row_get_selected (self->duplicates_row) };
  g_autoptr(DdExchangeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->checked = FALSE;
  show_message (self, NULL, FALSE);
  if (self->path == NULL || self->store == NULL)
    {
      update_main_button (self);
      return;
    }
  ok = dd_exchange_import (self->store, self->path, &options, &report, &error);
  show_report (self, report, TRUE);
  if (!ok)
    show_message (self, error->message, TRUE);
  self->checked = ok && report != NULL && (report->problems == NULL || report->problems->len == 0);
  update_main_button (self);
}

static void
run_import (DdExchangeDialog *self)
{
  DdExchangeOptions options = { FALSE, adw_combo_row_get_selected (self->duplicates_row) };
  g_autoptr(DdExchangeReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!dd_exchange_import (self->store, self->path, &options, &report, &error))
    {
      g_autofree char *text = g_strdup_printf (_("%s\n\nNothing was changed: the database is exactly as it was before."),
                                               error->message);

      show_report (self, report, TRUE);
      show_message (self, text, TRUE);
      self->checked = FALSE;
      update_main_button (self);
      return;
    }
  show_report (self, report, FALSE);
  self->done = TRUE;
  gtk_widget_set_sensitive (self->file_group, FALSE);
  update_main_button (self);
  emit_toast (self, _("Records imported from another office"));
}

static void
on_duplicates_changed_cb (DdExchangeDialog *self)
{
  if (self->path != NULL && !self->done)
    dry_run (self);
}

/* File choosers */

static void
on_chooser_response_cb (GtkNativeDialog  *chooser,
                        int               response,
                        DdExchangeDialog *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->chooser);
  if (path != NULL)
    dd_exchange_dialog_set_file (self, path);
}

static void
open_chooser (DdExchangeDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean save = self->mode == DD_EXCHANGE_DIALOG_EXPORT;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (save ? _("Save the Exchange File") : _("Choose an Exchange File"),
                                               GTK_WINDOW (self),
                                               save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               save ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Exchange files (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (save)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
      /* Translators: the file name suggested for an exchange file; %s is today's date */
      g_autofree char *name = g_strdup_printf (_("exchange-%s.json"), date);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_choose_clicked_cb (DdExchangeDialog *self)
{
  open_chooser (self);
}

static void
on_main_clicked_cb (DdExchangeDialog *self)
{
  if (self->mode == DD_EXCHANGE_DIALOG_EXPORT)
    open_chooser (self);
  else if (self->done)
    gtk_window_close (GTK_WINDOW (self));
  else if (self->checked)
    run_import (self);
}

/* GObject */

static void
dd_exchange_dialog_dispose (GObject *object)
{
  DdExchangeDialog *self = DD_EXCHANGE_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dd_exchange_dialog_parent_class)->dispose (object);
}

static void
dd_exchange_dialog_finalize (GObject *object)
{
  DdExchangeDialog *self = DD_EXCHANGE_DIALOG (object);

  g_free (self->path);
  g_ptr_array_unref (self->listed_rows);

  G_OBJECT_CLASS (dd_exchange_dialog_parent_class)->finalize (object);
}

static void
dd_exchange_dialog_class_init (DdExchangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_exchange_dialog_dispose;
  object_class->finalize = dd_exchange_dialog_finalize;

  /**
   * DdExchangeDialog::add-toast:
   * A message for the window's toast overlay.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-exchange-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, main_button);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, selection_group);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, selection_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, transferred_to_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, township_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, report_group);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, report_icon);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, lines_group);
  gtk_widget_class_bind_template_child (widget_class, DdExchangeDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_main_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicates_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dd_exchange_dialog_init (DdExchangeDialog *self)
{
  g_autoptr(GtkStringList) selections = NULL;
  g_autoptr(GtkStringList) duplicates = NULL;

  self->listed_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  selections = translated_list (selection_labels, G_N_ELEMENTS (selection_labels));
  adw_combo_row_set_model (self->selection_row, G_LIST_MODEL (selections));
  duplicates = translated_list (duplicate_labels, G_N_ELEMENTS (duplicate_labels));
  adw_combo_row_set_model (self->duplicates_row, G_LIST_MODEL (duplicates));
  on_selection_changed_cb (self);
}

/* Public API */

/**
 * dd_exchange_dialog_new:
 * Returns: (transfer none): the dialog, not yet shown
 */
DdExchangeDialog *
dd_exchange_dialog_new (GtkWindow            *parent,
                        DdContext            *context,
                        DdExchangeDialogMode  mode)
{
  DdExchangeDialog *self = g_object_new (DD_TYPE_EXCHANGE_DIALOG, "transient-for", parent, NULL);
  DdStore *store = dd_context_get_store (context);
  gboolean export = mode == DD_EXCHANGE_DIALOG_EXPORT;
  const char *title = export ? _("Export for Another Office") : _("Import from Another Office");

  self->context = g_object_ref (context);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->mode = mode;
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->selection_group, export);
  gtk_widget_set_visible (self->file_group, !export);

  if (export)
    {
      /* The quarter so far, the usual report period. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int quarter_month = (g_date_time_get_month (now) - 1) / 3 * 3 + 1;
      g_autofree char *from = g_strdup_printf ("%04d-%02d-01", g_date_time_get_year (now), quarter_month);
      g_autofree char *to = g_date_time_format (now, "%Y-%m-%d");

      gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
    }
  update_main_button (self);
  return self;
}

void
dd_exchange_dialog_set_file (DdExchangeDialog *self,
                             const char       *path)
{
  g_return_if_fail (DD_IS_EXCHANGE_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->mode == DD_EXCHANGE_DIALOG_EXPORT)
    {
      export_to (self, path);
      return;
    }
  g_free (self->path);
  self->path = g_strdup (path);
  {
    g_autofree char *name = g_filename_display_basename (path);

    adw_action_row_set_subtitle (self->file_row, name);
  }
  dry_run (self);
}
