/* dd-import-wizard.c: records from a spreadsheet, step by step
 *
 * The steps are the pages of a stack: "file" (the file and what its rows
 * are), "preview" (the first rows; for CSV the encoding and separator, for
 * XLSX the sheet), "mapping" (a field for each column), "check" (the dry
 * run: problems, and a choice for each duplicate), then "running" and
 * "done". "loading" and "checking" show while a worker reads the file or
 * checks the rows. The file is read in a worker; the check and the import
 * run in the model's workers (DdImport).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-import-wizard"

#include <glib/gi18n.h>

#include "dd-csv.h"
#include "dd-import-wizard.h"
#include "dd-io-error.h"
#include "dd-model-error.h"
#include "dd-xlsx-reader.h"

#define PREVIEW_ROWS 20
/* More rows than this would make the page slow; the rest are counted. */
#define MAX_LISTED 200

static const char * const kind_labels[] = {
  N_("Deputies"),
  N_("Homes and stations"),
  N_("Handling units"),
  N_("Suggestions"),
};

static const char * const encoding_labels[] = {
  N_("Automatic"),
  N_("UTF-8"),
  N_("GB18030 (GBK, Chinese Windows)"),
};
static const DdCsvEncoding encodings[] = {
  DD_CSV_ENCODING_AUTO, DD_CSV_ENCODING_UTF8, DD_CSV_ENCODING_GB18030,
};

static const char * const delimiter_labels[] = {
  N_("Automatic"),
  N_("Comma"),
  N_("Semicolon"),
  N_("Tab"),
};
static const char delimiters[] = { 0, ',', ';', '\t' };

static const char * const action_labels[] = {
  N_("Skip"),
  N_("Update the record"),
  N_("Import as new"),
};

struct _DdImportWizard
{
  AdwWindow             parent_instance;

  DdContext            *context;
  DdStore              *store;
  GtkFileChooserNative *chooser;
  gboolean              disposed;
  gboolean              filling;
  gboolean              running;
  gboolean              close_when_done;
  gboolean              succeeded;

  char                 *path;
  gboolean              is_xlsx;
  DdSheet              *sheet;
  DdCsvEncoding         detected_encoding;
  char                  detected_delimiter;
  GStrv                 sheet_names;
  char                 *read_error;
  const char           *return_step;
  GCancellable         *cancellable;
  DdImport             *import;
  GPtrArray            *mapping_rows;      /* AdwActionRow */
  GPtrArray            *dropdowns;         /* GtkDropDown, per column */
  GPtrArray            *listed_rows;       /* problems and duplicates shown */
  GPtrArray            *duplicate_rows;    /* AdwComboRow, per duplicate listed */

  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkStack             *stack;
  AdwActionRow         *file_row;
  AdwComboRow          *kind_row;
  GtkLabel             *file_message_label;
  GtkWidget            *csv_group;
  GtkWidget            *xlsx_group;
  AdwComboRow          *encoding_row;
  AdwComboRow          *delimiter_row;
  AdwComboRow          *sheet_row;
  GtkLabel             *preview_label;
  GtkGrid              *preview_grid;
  AdwPreferencesGroup  *mapping_group;
  GtkLabel             *unmapped_label;
  GtkSpinner           *check_spinner;
  GtkProgressBar       *check_progress;
  AdwActionRow         *result_row;
  GtkImage             *result_icon;
  AdwPreferencesGroup  *problems_group;
  AdwPreferencesGroup  *duplicates_group;
  AdwComboRow          *all_duplicates_row;
  GtkProgressBar       *run_progress;
  GtkWidget            *cancel_button;
  AdwStatusPage        *done_page;
};

G_DEFINE_FINAL_TYPE (DdImportWizard, dd_import_wizard, ADW_TYPE_WINDOW)

/* Helpers */

static GtkStringList *
translated_list (const char * const *labels,
                 guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(labels[i]));
  return list;
}

static DdImportKind
chosen_kind (DdImportWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < DD_IMPORT_N_KINDS ? (DdImportKind) selected : DD_IMPORT_DEPUTIES;
}

static char *
display_name (DdImportWizard *self)
{
  return self->path != NULL ? g_filename_display_basename (self->path) : g_strdup ("");
}

static void
set_message (DdImportWizard *self,
             const char     *text,
             gboolean        error)
{
  gtk_label_set_text (self->file_message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_message_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->file_message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->file_message_label), "error");
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static guint
count_problems (DdImportWizard *self)
{
  return self->import != NULL && dd_import_is_checked (self->import)
    ? dd_import_get_problems (self->import)->len : 0;
}

/* Back, Next and the title for the step shown. */
static void
update_buttons (DdImportWizard *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean back = FALSE, next = TRUE, next_sensitive = TRUE;
  const char *next_label = _("_Next");

  if (g_str_equal (step, "file"))
    next_sensitive = self->sheet != NULL;
  else if (g_str_equal (step, "preview"))
    back = TRUE;
  else if (g_str_equal (step, "mapping"))
    {
      g_autoptr(GPtrArray) unmapped = self->import != NULL ? dd_import_dup_unmapped_required (self->import) : NULL;

      back = TRUE;
      next_label = _("_Check");
      next_sensitive = unmapped != NULL && unmapped->len == 0;
    }
  else if (g_str_equal (step, "check"))
    {
      back = TRUE;
      next_label = _("_Import");
      next_sensitive = count_problems (self) == 0;
    }
  else if (g_str_equal (step, "done"))
    {
      back = !self->succeeded;
      next_label = _("_Close");
    }
  else
    next = FALSE;   /* loading, checking, running */

  gtk_widget_set_visible (self->back_button, back);
  gtk_widget_set_visible (self->next_button, next);
  gtk_widget_set_sensitive (self->next_button, next_sensitive);
  gtk_button_set_label (GTK_BUTTON (self->next_button), next_label);
}

static void
show_step (DdImportWizard *self,
           const char     *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  update_buttons (self);
  /* The keyboard starts on the step's first control, or on Next. */
  if (gtk_widget_get_visible (self->next_button) && gtk_widget_get_sensitive (self->next_button) &&
      (g_str_equal (step, "check") || g_str_equal (step, "done")))
    gtk_widget_grab_focus (self->next_button);
  else if (!g_str_equal (step, "file"))
    gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

/* Step 1 and 2: the file */

typedef struct
{
  char          *path;
  gboolean       is_xlsx;
  DdCsvEncoding  encoding;
  char           delimiter;
  char          *sheet_name;
  DdCsvEncoding  detected_encoding;
  char           detected_delimiter;
  GStrv          sheet_names;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  g_free (job->sheet_name);
  g_strfreev (job->sheet_names);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  DdSheet *sheet;

  if (job->is_xlsx)
    {
      job->sheet_names = dd_xlsx_list_sheets (job->path, &error);
      if (job->sheet_names == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (job->sheet_names[0] == NULL)
        {
          g_task_return_new_error (task, DD_IO_ERROR, DD_IO_ERROR_EMPTY, "%s",
                                   _("The workbook has no sheet."));
          return;
        }
      sheet = dd_xlsx_read_file (job->path,
                                 job->sheet_name != NULL ? job->sheet_name : job->sheet_names[0],
                                 &error);
    }
  else
    sheet = dd_csv_read_file (job->path, job->encoding, job->delimiter,
                              &job->detected_encoding, &job->detected_delimiter, &error);

  if (sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sheet, (GDestroyNotify) dd_sheet_unref);
}

static void fill_preview (DdImportWizard *self);

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DdImportWizard *self = DD_IMPORT_WIZARD (source);
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;

  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->import);
  g_clear_pointer (&self->sheet, dd_sheet_unref);
  g_clear_pointer (&self->read_error, g_free);
  name = display_name (self);
  adw_action_row_set_subtitle (self->file_row, name);

  if (sheet == NULL)
    {
      self->read_error = g_strdup (error->message);
      set_message (self, error->message, TRUE);
      show_step (self, "file");
      return;
    }

  self->sheet = g_steal_pointer (&sheet);
  self->detected_encoding = job->detected_encoding;
  self->detected_delimiter = job->detected_delimiter;
  if (job->sheet_names != NULL && self->sheet_names == NULL)
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) job->sheet_names);

      self->sheet_names = g_steal_pointer (&job->sheet_names);
      self->filling = TRUE;
      adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (list));
      adw_combo_row_set_selected (self->sheet_row, 0);
      self->filling = FALSE;
    }

  {
    guint rows = dd_sheet_get_n_rows (self->sheet);
    g_autofree char *text = NULL;
    g_autofree char *rows_text = NULL;
    g_autofree char *cols_text = NULL;

    rows_text = g_strdup_printf (ngettext ("%u row", "%u rows", rows > 0 ? rows - 1 : 0), rows > 0 ? rows - 1 : 0);
    cols_text = g_strdup_printf (ngettext ("%u column", "%u columns", dd_sheet_get_n_cols (self->sheet)),
                                 dd_sheet_get_n_cols (self->sheet));
    /* Translators: "48 rows under the headers, 15 columns" */
    text = g_strdup_printf (_("%s under the headers, %s."), rows_text, cols_text);
    set_message (self, text, FALSE);
  }

  fill_preview (self);
  show_step (self, self->return_step);
}

static void
start_read (DdImportWizard *self,
            const char     *return_step)
{
  ReadJob *job = g_new0 (ReadJob, 1);
  g_autoptr(GTask) task = NULL;
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  GtkStringObject *sheet = adw_combo_row_get_selected_item (self->sheet_row);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->path = g_strdup (self->path);
  job->is_xlsx = self->is_xlsx;
  job->encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : DD_CSV_ENCODING_AUTO;
  job->delimiter = delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter] : 0;
  job->sheet_name = sheet != NULL && self->sheet_names != NULL ? g_strdup (gtk_string_object_get_string (sheet)) : NULL;

  self->return_step = return_step;
  task = g_task_new (self, self->cancellable, on_read_cb, NULL);
  g_task_set_source_tag (task, start_read);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
  show_step (self, "loading");
}

static const char *
encoding_name (DdCsvEncoding encoding)
{
  switch (encoding)
    {
    case DD_CSV_ENCODING_GB18030: return "GB18030";
    case DD_CSV_ENCODING_UTF16: return "UTF-16";
    case DD_CSV_ENCODING_UTF8:
    case DD_CSV_ENCODING_AUTO:
    default: return "UTF-8";
    }
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ';': return _("semicolon");
    case '\t': return _("tab");
    case ',':
    default: return _("comma");
    }
}

static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
fill_preview (DdImportWizard *self)
{
  guint n_rows = MIN (dd_sheet_get_n_rows (self->sheet), PREVIEW_ROWS + 1);
  guint n_cols = dd_sheet_get_n_cols (self->sheet);
  guint total = dd_sheet_get_n_rows (self->sheet);
  GtkWidget *child;
  g_autofree char *shown = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  gtk_widget_set_visible (self->csv_group, !self->is_xlsx);
  gtk_widget_set_visible (self->xlsx_group, self->is_xlsx);
  if (!self->is_xlsx)
    {
      /* Translators: how a CSV file was read: "GB18030, comma" */
      g_autofree char *detected = g_strdup_printf (_("Read as %s, separated by %s"),
                                                   encoding_name (self->detected_encoding),
                                                   delimiter_name (self->detected_delimiter));

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->csv_group), detected);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *number = r == 0 ? g_strdup ("") : g_strdup_printf ("%u", dd_sheet_get_source_row (self->sheet, r));
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (self->preview_grid, label, 0, r, 1, 1);
      for (guint c = 0; c < n_cols; c++)
        {
          const char *text = dd_sheet_get_text (self->sheet, r, c);

          label = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          /* Whole up to about 20 characters (Chinese ones count twice). */
          gtk_label_set_width_chars (GTK_LABEL (label), MIN (display_width (text), 20));
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->preview_grid, label, c + 1, r, 1, 1);
        }
    }

  shown = g_strdup_printf (ngettext ("The first row holds the headers; %u row follows.",
                                     "The first row holds the headers; %u rows follow.",
                                     total > 0 ? total - 1 : 0),
                           total > 0 ? total - 1 : 0);
  if (total > PREVIEW_ROWS + 1)
    {
      g_autofree char *more = g_strdup_printf (_("%s The first %u are shown."), shown, PREVIEW_ROWS);

      gtk_label_set_text (self->preview_label, more);
    }
  else
    gtk_label_set_text (self->preview_label, shown);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        DdImportWizard  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        dd_import_wizard_set_file (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked_cb (DdImportWizard *self)
{
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (sheets, _("Spreadsheets (CSV, XLSX)"));
  gtk_file_filter_add_suffix (sheets, "csv");
  gtk_file_filter_add_suffix (sheets, "xlsx");
  gtk_file_filter_add_suffix (sheets, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), sheets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_kind_selected_cb (DdImportWizard *self)
{
  /* Another kind, another mapping. */
  g_clear_object (&self->import);
}

static void
on_read_option_cb (DdImportWizard *self)
{
  if (self->filling || self->path == NULL)
    return;
  start_read (self, "preview");
}

/* Step 3: the mapping */

static void
update_mapping (DdImportWizard *self)
{
  guint n_fields;
  const DdImportField *fields = dd_import_kind_get_fields (dd_import_get_kind (self->import), &n_fields);
  g_autoptr(GPtrArray) unmapped = dd_import_dup_unmapped_required (self->import);

  self->filling = TRUE;
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      const char *field = dd_import_get_column_field (self->import, c);
      guint selected = 0;

      for (guint i = 0; field != NULL && i < n_fields; i++)
        if (g_str_equal (fields[i].name, field))
          selected = i + 1;
      gtk_drop_down_set_selected (self->dropdowns->pdata[c], selected);
    }
  self->filling = FALSE;

  if (unmapped->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < unmapped->len; i++)
        {
          if (i > 0)
            /* Translators: between the names of a list */
            g_string_append (names, _(", "));
          g_string_append (names, dd_import_field_get_label (unmapped->pdata[i]));
        }
      /* Translators: %s lists fields, e.g. "Name, Level" */
      text = g_strdup_printf (_("Required, but no column holds it yet: %s"), names->str);
      gtk_label_set_text (self->unmapped_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unmapped_label), unmapped->len > 0);
  update_buttons (self);
}

static void
on_field_selected_cb (GtkDropDown    *dropdown,
                      GParamSpec     *pspec,
                      DdImportWizard *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint n_fields;
  const DdImportField *fields;
  g_autoptr(GError) error = NULL;

  if (self->filling || self->import == NULL)
    return;
  fields = dd_import_kind_get_fields (dd_import_get_kind (self->import), &n_fields);
  if (!dd_import_set_column_field (self->import, column,
                                   selected > 0 && selected <= n_fields ? fields[selected - 1].name : NULL,
                                   &error))
    g_warning ("Mapping column %u: %s", column, error->message);
  update_mapping (self);
}

static const char *
sample_value (DdSheet *sheet,
              guint    column)
{
  guint n_rows = dd_sheet_get_n_rows (sheet);

  for (guint r = 1; r < n_rows && r <= PREVIEW_ROWS; r++)
    {
      const char *text = dd_sheet_get_text (sheet, r, column);

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

static void
fill_mapping (DdImportWizard *self)
{
  guint n_fields;
  const DdImportField *fields = dd_import_kind_get_fields (dd_import_get_kind (self->import), &n_fields);
  guint n_columns = dd_import_get_n_columns (self->import);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  clear_rows (self->mapping_group, self->mapping_rows);
  g_ptr_array_set_size (self->dropdowns, 0);

  /* Translators: the choice for a column that is not imported */
  gtk_string_list_append (choices, _("Ignore"));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *label = NULL;

      if (fields[i].required)
        /* Translators: a field that every row must have, in the column mapping */
        label = g_strdup_printf (_("%s (required)"), dd_import_field_get_label (&fields[i]));
      else
        label = g_strdup (dd_import_field_get_label (&fields[i]));
      gtk_string_list_append (choices, label);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
      const char *header = dd_import_get_column_header (self->import, c);
      const char *sample = sample_value (self->sheet, c);
      g_autofree char *letter = dd_sheet_column_name (c);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;

      /* Translators: a column of the file: "B: 姓名" */
      title = g_strdup_printf (_("%s: %s"), letter, header != NULL && *header != '\0' ? header : _("(no header)"));
      /* Translators: a value found in the column */
      subtitle = sample != NULL ? g_strdup_printf (_("For example: %s"), sample) : g_strdup (_("Empty in the first rows"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (c));
      /* Translators: the accessible name of a column's field chooser; %s is the column */
      accessible = g_strdup_printf (_("Field of column %s"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_field_selected_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);

      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
      g_ptr_array_add (self->dropdowns, dropdown);
    }

  adw_preferences_group_set_description (self->mapping_group,
                                         dd_import_get_mapping_remembered (self->import)
                                         ? _("The mapping used last time for these headers was taken again; it is remembered after each import. Columns set to “Ignore” are not imported.")
                                         : _("Chosen from the headers; what you change here is remembered for the next file with the same headers. Columns set to “Ignore” are not imported."));
  update_mapping (self);
}

/* Step 4: the dry run */

static void
update_result (DdImportWizard *self)
{
  GPtrArray *problems = dd_import_get_problems (self->import);
  DdImportSummary summary;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  dd_import_get_summary (self->import, &summary);
  if (problems->len > 0)
    {
      title = g_strdup_printf (ngettext ("%u problem found: nothing can be imported yet",
                                         "%u problems found: nothing can be imported yet",
                                         problems->len),
                               problems->len);
      subtitle = g_strdup (_("The database has not been changed."));
      gtk_image_set_from_icon_name (self->result_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "success");
    }
  else
    {
      title = g_strdup (_("Every row is correct"));
      /* Translators: what the import will do; %s is "deputies", "stations" … */
      subtitle = g_strdup_printf (_("Import will add %u %s, update %u and skip %u."),
                                  summary.inserted, dd_import_kind_get_label (dd_import_get_kind (self->import)),
                                  summary.updated, summary.skipped);
      gtk_image_set_from_icon_name (self->result_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "warning");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), title);
  adw_action_row_set_subtitle (self->result_row, subtitle);
  update_buttons (self);
}

/* "For all of them" shows what they all have, if they all have the same. */
static void
sync_all_duplicates (DdImportWizard *self)
{
  GPtrArray *duplicates = dd_import_get_duplicates (self->import);
  guint common = duplicates->len > 0 ? ((DdImportDuplicate *) duplicates->pdata[0])->action : 0;
  gboolean filling = self->filling;

  for (guint i = 1; i < duplicates->len; i++)
    if (((DdImportDuplicate *) duplicates->pdata[i])->action != common)
      common = GTK_INVALID_LIST_POSITION;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->all_duplicates_row, common);
  self->filling = filling;
}

static void
on_duplicate_selected_cb (AdwComboRow    *row,
                          GParamSpec     *pspec,
                          DdImportWizard *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (self->filling || self->import == NULL)
    return;
  dd_import_set_duplicate_action (self->import, index, adw_combo_row_get_selected (row));
  sync_all_duplicates (self);
  update_result (self);
}

static void
on_all_duplicates_cb (DdImportWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->all_duplicates_row);

  if (self->filling || self->import == NULL || selected >= G_N_ELEMENTS (action_labels))
    return;
  dd_import_set_all_duplicates_action (self->import, selected);
  self->filling = TRUE;
  for (guint i = 0; i < self->duplicate_rows->len; i++)
    {
      GPtrArray *duplicates = dd_import_get_duplicates (self->import);
      DdImportDuplicate *duplicate = duplicates->pdata[i];

      adw_combo_row_set_selected (self->duplicate_rows->pdata[i], duplicate->action);
    }
  self->filling = FALSE;
  update_result (self);
}

static void
add_more_row (DdImportWizard      *self,
              AdwPreferencesGroup *group,
              guint                more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf (ngettext ("… and %u more", "… and %u more", more), more);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->listed_rows, row);
}

static void
fill_check (DdImportWizard *self)
{
  GPtrArray *problems = dd_import_get_problems (self->import);
  GPtrArray *duplicates = dd_import_get_duplicates (self->import);
  g_autofree char *file_name = display_name (self);
  g_autoptr(GtkStringList) actions = translated_list (action_labels, G_N_ELEMENTS (action_labels));

  for (guint i = 0; i < self->listed_rows->len; i++)
    {
      GtkWidget *row = self->listed_rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->listed_rows, 0);
  g_ptr_array_set_size (self->duplicate_rows, 0);

  for (guint i = 0; i < problems->len && i < MAX_LISTED; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = dd_import_problem_to_string (problems->pdata[i], file_name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->listed_rows, row);
    }
  if (problems->len > MAX_LISTED)
    add_more_row (self, self->problems_group, problems->len - MAX_LISTED);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);

  self->filling = TRUE;
  adw_combo_row_set_model (self->all_duplicates_row, G_LIST_MODEL (actions));
  sync_all_duplicates (self);
  for (guint i = 0; i < duplicates->len && i < MAX_LISTED; i++)
    {
      DdImportDuplicate *duplicate = duplicates->pdata[i];
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *row_text = g_strdup_printf ("%u", duplicate->row);

      /* Translators: a duplicate row of the file: "Row 14: 王芳, City, term 16" */
      title = g_strdup_printf (_("Row %s: %s"), row_text, duplicate->description);
      if (duplicate->existing_id == 0)
        {
          g_autofree char *earlier = g_strdup_printf ("%u", duplicate->earlier_row);

          /* Translators: %s is a row number */
          subtitle = g_strdup_printf (_("Repeats row %s of the file"), earlier);
        }
      else
        subtitle = g_strdup (_("Already in the database"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (actions));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), duplicate->action);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_duplicate_selected_cb), self, 0);
      adw_preferences_group_add (self->duplicates_group, row);
      g_ptr_array_add (self->listed_rows, row);
      g_ptr_array_add (self->duplicate_rows, row);
    }
  self->filling = FALSE;
  if (duplicates->len > MAX_LISTED)
    add_more_row (self, self->duplicates_group, duplicates->len - MAX_LISTED);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), duplicates->len > 0);

  update_result (self);
}

static void
on_check_progress_cb (double   fraction,
                      gpointer user_data)
{
  DdImportWizard *self = user_data;

  if (!self->disposed)
    gtk_progress_bar_set_fraction (self->check_progress, fraction);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DdImportWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = dd_import_check_finish (DD_IMPORT (source), result, &error);

  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->check_spinner);
  if (!ok || DD_IMPORT (source) != self->import)
    {
      if (error != NULL)
        {
          set_message (self, error->message, TRUE);
          show_step (self, "file");
        }
      return;
    }
  fill_check (self);
  show_step (self, "check");
}

static void
start_check (DdImportWizard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->check_progress, 0);
  gtk_spinner_start (self->check_spinner);
  show_step (self, "checking");
  dd_import_check_async (self->import, self->cancellable, on_check_progress_cb, self,
                         on_checked_cb, g_object_ref (self));
}

/* Step 5: the import */

static void
on_run_progress_cb (double   fraction,
                    gpointer user_data)
{
  DdImportWizard *self = user_data;

  if (!self->disposed)
    gtk_progress_bar_set_fraction (self->run_progress, fraction);
}

static void
on_run_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DdImportWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  DdImportSummary summary = { 0 };
  gboolean ok = dd_import_run_finish (DD_IMPORT (source), result, &summary, &error);

  self->running = FALSE;
  if (self->disposed)
    return;
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  self->succeeded = ok;
  if (ok)
    {
      /* Translators: after an import; %2$s is "deputies", "stations" … */
      g_autofree char *text = g_strdup_printf (_("Imported %1$u %2$s, updated %3$u, skipped %4$u."),
                                               summary.inserted,
                                               dd_import_kind_get_label (dd_import_get_kind (self->import)),
                                               summary.updated, summary.skipped);

      adw_status_page_set_icon_name (self->done_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->done_page, _("Import Complete"));
      adw_status_page_set_description (self->done_page, text);
    }
  else
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_title (self->done_page, _("Import Cancelled"));
          text = g_strdup (_("Nothing was changed: the database is exactly as it was before."));
        }
      else
        {
          adw_status_page_set_title (self->done_page, _("Import Failed"));
          /* Translators: %s is the reason */
          text = g_strdup_printf (_("%s\n\nNothing was changed: the database is exactly as it was before."),
                                  error->message);
        }
      adw_status_page_set_icon_name (self->done_page, "dialog-warning-symbolic");
      adw_status_page_set_description (self->done_page, text);
    }
  show_step (self, "done");
}

static void
start_run (DdImportWizard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->running = TRUE;
  gtk_progress_bar_set_fraction (self->run_progress, 0);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  show_step (self, "running");
  gtk_widget_grab_focus (self->cancel_button);
  dd_import_run_async (self->import, self->cancellable, on_run_progress_cb, self,
                       on_run_cb, g_object_ref (self));
}

static void
on_cancel_clicked_cb (DdImportWizard *self)
{
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  g_cancellable_cancel (self->cancellable);
}

/* Back and Next */

static void
on_back_clicked_cb (DdImportWizard *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (step, "preview"))
    show_step (self, "file");
  else if (g_str_equal (step, "mapping"))
    show_step (self, "preview");
  else if (g_str_equal (step, "check"))
    {
      update_mapping (self);
      show_step (self, "mapping");
    }
  else if (g_str_equal (step, "done"))
    show_step (self, "check");
}

static void
on_next_clicked_cb (DdImportWizard *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  if (!gtk_widget_get_sensitive (self->next_button) || !gtk_widget_get_visible (self->next_button))
    return;

  if (g_str_equal (step, "file"))
    show_step (self, "preview");
  else if (g_str_equal (step, "preview"))
    {
      if (self->import == NULL)
        {
          self->import = dd_import_new (self->store, chosen_kind (self), self->sheet);
          fill_mapping (self);
        }
      else
        update_mapping (self);
      show_step (self, "mapping");
    }
  else if (g_str_equal (step, "mapping"))
    start_check (self);
  else if (g_str_equal (step, "check"))
    start_run (self);
  else if (g_str_equal (step, "done"))
    gtk_window_close (GTK_WINDOW (self));
}

/* GtkWindow */

static gboolean
dd_import_wizard_close_request (GtkWindow *window)
{
  DdImportWizard *self = DD_IMPORT_WIZARD (window);

  /* The import ends (rolled back) before the window goes. */
  if (self->running)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (dd_import_wizard_parent_class)->close_request (window);
}

/* GObject */

static void
dd_import_wizard_dispose (GObject *object)
{
  DdImportWizard *self = DD_IMPORT_WIZARD (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->import);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dd_import_wizard_parent_class)->dispose (object);
}

static void
dd_import_wizard_finalize (GObject *object)
{
  DdImportWizard *self = DD_IMPORT_WIZARD (object);

  g_free (self->path);
  g_free (self->read_error);
  g_clear_pointer (&self->sheet, dd_sheet_unref);
  g_strfreev (self->sheet_names);
  g_ptr_array_unref (self->mapping_rows);
  g_ptr_array_unref (self->dropdowns);
  g_ptr_array_unref (self->listed_rows);
  g_ptr_array_unref (self->duplicate_rows);

  G_OBJECT_CLASS (dd_import_wizard_parent_class)->finalize (object);
}

static void
dd_import_wizard_class_init (DdImportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dd_import_wizard_dispose;
  object_class->finalize = dd_import_wizard_finalize;
  window_class->close_request = dd_import_wizard_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-import-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, file_row);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, file_message_label);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, csv_group);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, xlsx_group);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, preview_label);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, unmapped_label);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, check_progress);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, result_row);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, result_icon);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, problems_group);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, all_duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, run_progress);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DdImportWizard, done_page);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_read_option_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_duplicates_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dd_import_wizard_init (DdImportWizard *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) encoding_list = NULL;
  g_autoptr(GtkStringList) delimiter_list = NULL;

  self->mapping_rows = g_ptr_array_new ();
  self->dropdowns = g_ptr_array_new ();
  self->listed_rows = g_ptr_array_new ();
  self->duplicate_rows = g_ptr_array_new ();
  self->return_step = "file";

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filling = TRUE;
  kinds = translated_list (kind_labels, G_N_ELEMENTS (kind_labels));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  encoding_list = translated_list (encoding_labels, G_N_ELEMENTS (encoding_labels));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_list));
  delimiter_list = translated_list (delimiter_labels, G_N_ELEMENTS (delimiter_labels));
  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (delimiter_list));
  self->filling = FALSE;

  show_step (self, "file");
}

/**
 * dd_import_wizard_new:
 * @kind: what the rows are, to begin with (the user may change it)
 *
 * Returns: (transfer none): the wizard, not yet shown, over @context's store
 */
DdImportWizard *
dd_import_wizard_new (GtkWindow    *parent,
                      DdContext    *context,
                      DdImportKind  kind)
{
  DdImportWizard *self = g_object_new (DD_TYPE_IMPORT_WIZARD, "transient-for", parent, NULL);
  DdStore *store = dd_context_get_store (context);

  self->context = g_object_ref (context);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  self->filling = FALSE;
  return self;
}

void
dd_import_wizard_set_file (DdImportWizard *self,
                           const char     *path)
{
  g_return_if_fail (DD_IS_IMPORT_WIZARD (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  self->is_xlsx = g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX");
  g_clear_pointer (&self->sheet_names, g_strfreev);
  g_clear_object (&self->import);
  set_message (self, NULL, FALSE);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->encoding_row, 0);
  adw_combo_row_set_selected (self->delimiter_row, 0);
  adw_combo_row_set_model (self->sheet_row, NULL);
  self->filling = FALSE;

  start_read (self, "file");
}

const char *
dd_import_wizard_get_step (DdImportWizard *self)
{
  g_return_val_if_fail (DD_IS_IMPORT_WIZARD (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

DdImport *
dd_import_wizard_get_import (DdImportWizard *self)
{
  g_return_val_if_fail (DD_IS_IMPORT_WIZARD (self), NULL);
  return self->import;
}

GtkDropDown *
dd_import_wizard_get_column_dropdown (DdImportWizard *self,
                                      guint           column)
{
  g_return_val_if_fail (DD_IS_IMPORT_WIZARD (self), NULL);
  return column < self->dropdowns->len ? self->dropdowns->pdata[column] : NULL;
}
