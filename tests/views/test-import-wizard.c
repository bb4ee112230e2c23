/* test-import-wizard.c: a small CSV through the import wizard (file, preview,
 * mapping, dry run with a problem, then a fixed file imported), and the
 * Deputies page's export to CSV with masked phones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "dd-csv.h"
#include "dd-deputies-page.h"
#include "dd-exchange-dialog.h"
#include "dd-export-dialog.h"
#include "dd-import-wizard.h"
#include "dd-station.h"
#include "dd-xlsx-writer.h"
#include "views-test.h"

typedef struct
{
  char           *path;
  char           *dir;
  DdStore        *store;
  DdContext      *context;
  GtkWidget      *parent;
  DdImportWizard *wizard;
  char           *last_toast;
} Fixture;

/* Headers in Chinese as an office's ledger has them; 工作岗位 maps to nothing. */
static const char bad_csv[] =
  "姓名,层级,届次,手机,工作岗位\n"
  "王芳,市级,16,13812345678,市第一中学校长\n"
  "李明,省级人大,16,13987654321,县医院医生\n"
  "张伟,县级,17,13700001111,河口镇农民\n";

static const char good_csv[] =
  "姓名,层级,届次,手机,工作岗位\n"
  "王芳,市级,16,13812345678,市第一中学校长\n"
  "李明,县级,16,13987654321,县医院医生\n"
  "张伟,县级,17,13700001111,河口镇农民\n";

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *file = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (file, text, -1, &error);
  g_assert_no_error (error);
  return file;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = views_test_make_path ();
  f->dir = g_path_get_dirname (f->path);
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->context = views_test_context_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  const char *names[] = { "bad.csv", "good.csv", "export.csv", "exchange.json", "deputies.xlsx" };

  if (f->parent != NULL)
    views_test_destroy (f->parent);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (f->dir, names[i], NULL);

      g_unlink (file);
    }
  views_test_remove_path (f->path);
  g_free (f->path);
  g_free (f->dir);
  g_free (f->last_toast);
}

/* Helpers */

static GtkWidget *
wizard_child (Fixture    *f,
              const char *id)
{
  return views_test_child (f->wizard, DD_TYPE_IMPORT_WIZARD, id);
}

typedef struct
{
  Fixture    *f;
  const char *step;
} StepWait;

static gboolean
step_is (gpointer data)
{
  StepWait *wait = data;

  return g_strcmp0 (dd_import_wizard_get_step (wait->f->wizard), wait->step) == 0;
}

static void
wait_for_step (Fixture    *f,
               const char *step)
{
  StepWait wait = { f, step };

  views_test_wait_until (step_is, &wait);
  views_test_iterate ();
}

static void
click_next (Fixture *f)
{
  GtkWidget *next = wizard_child (f, "next_button");

  g_assert_true (gtk_widget_get_visible (next));
  g_assert_true (gtk_widget_get_sensitive (next));
  g_signal_emit_by_name (next, "clicked");
  views_test_iterate ();
}

static void
click_back (Fixture *f)
{
  GtkWidget *back = wizard_child (f, "back_button");

  g_assert_true (gtk_widget_get_visible (back));
  g_signal_emit_by_name (back, "clicked");
  views_test_iterate ();
}

/* The titles of the rows a preferences group lists (its own list box). */
static GString *
group_titles (GtkWidget *group)
{
  GString *titles = g_string_new (NULL);
  GtkWidget *child = group;

  /* Depth first through the group's widgets, collecting the rows' titles. */
  while (child != NULL)
    {
      if (ADW_IS_PREFERENCES_ROW (child))
        {
          g_string_append (titles, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
          g_string_append_c (titles, '\n');
        }
      if (gtk_widget_get_first_child (child) != NULL && !ADW_IS_PREFERENCES_ROW (child))
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != group && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child == group ? NULL : gtk_widget_get_next_sibling (child);
        }
    }
  return titles;
}

static guint
field_choice (const char *name)
{
  guint n_fields;
  const DdImportField *fields = dd_import_kind_get_fields (DD_IMPORT_DEPUTIES, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, name))
      return i + 1;   /* 0 is "Ignore" */
  g_assert_not_reached ();
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Through file, preview and mapping to the dry run; the occupation column is
 * mapped by hand, since its header names no field. */
static void
walk_to_check (Fixture    *f,
               const char *file)
{
  DdImport *import;
  GtkDropDown *dropdown;

  dd_import_wizard_set_file (f->wizard, file);
  wait_for_step (f, "file");
  g_assert_true (gtk_widget_get_sensitive (wizard_child (f, "next_button")));

  click_next (f);
  g_assert_cmpstr (dd_import_wizard_get_step (f->wizard), ==, "preview");
  /* The header row and three rows, each with its row number and 5 cells. */
  {
    GtkWidget *grid = wizard_child (f, "preview_grid");
    GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
    guint n = 0;

    for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
      n++;
    g_assert_cmpuint (n, ==, 4 * 6);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "姓名");
    cell = gtk_grid_get_child_at (GTK_GRID (grid), 1, 2);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "李明");
  }
  g_assert_true (gtk_widget_get_visible (wizard_child (f, "csv_group")));
  g_assert_false (gtk_widget_get_visible (wizard_child (f, "xlsx_group")));

  click_next (f);
  g_assert_cmpstr (dd_import_wizard_get_step (f->wizard), ==, "mapping");
  import = dd_import_wizard_get_import (f->wizard);
  g_assert_nonnull (import);
  g_assert_cmpuint (dd_import_get_n_columns (import), ==, 5);
  /* Mapped from the Chinese headers, and shown so. */
  g_assert_cmpstr (dd_import_get_column_field (import, 0), ==, "name");
  g_assert_cmpstr (dd_import_get_column_field (import, 1), ==, "level");
  g_assert_cmpstr (dd_import_get_column_field (import, 2), ==, "term");
  g_assert_cmpstr (dd_import_get_column_field (import, 3), ==, "phone");
  g_assert_null (dd_import_get_column_field (import, 4));
  g_assert_cmpuint (gtk_drop_down_get_selected (dd_import_wizard_get_column_dropdown (f->wizard, 0)), ==,
                    field_choice ("name"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dd_import_wizard_get_column_dropdown (f->wizard, 1)), ==,
                    field_choice ("level"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dd_import_wizard_get_column_dropdown (f->wizard, 4)), ==, 0);
  g_assert_false (gtk_widget_get_visible (wizard_child (f, "unmapped_label")));

  /* Unmapping a required field shows it and stops the way on… */
  gtk_drop_down_set_selected (dd_import_wizard_get_column_dropdown (f->wizard, 2), 0);
  views_test_iterate ();
  g_assert_null (dd_import_get_column_field (import, 2));
  g_assert_true (gtk_widget_get_visible (wizard_child (f, "unmapped_label")));
  g_assert_false (gtk_widget_get_sensitive (wizard_child (f, "next_button")));
  gtk_drop_down_set_selected (dd_import_wizard_get_column_dropdown (f->wizard, 2), field_choice ("term"));
  views_test_iterate ();
  g_assert_cmpstr (dd_import_get_column_field (import, 2), ==, "term");
  g_assert_false (gtk_widget_get_visible (wizard_child (f, "unmapped_label")));

  /* …and the last column is chosen by hand. */
  dropdown = dd_import_wizard_get_column_dropdown (f->wizard, 4);
  gtk_drop_down_set_selected (dropdown, field_choice ("occupation"));
  views_test_iterate ();
  g_assert_cmpstr (dd_import_get_column_field (import, 4), ==, "occupation");

  click_next (f);
  wait_for_step (f, "check");
}

/* Tests */

static void
test_import_through_wizard (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *bad = write_file (f, "bad.csv", bad_csv);
  g_autofree char *good = write_file (f, "good.csv", good_csv);
  g_autoptr(GString) problems = NULL;
  g_autofree char *occupation = NULL;
  g_autofree char *level = NULL;
  DdImport *import;
  const char *description;

  f->parent = views_test_show (gtk_label_new ("parent"));
  f->wizard = dd_import_wizard_new (GTK_WINDOW (f->parent), f->context, DD_IMPORT_DEPUTIES);
  gtk_window_present (GTK_WINDOW (f->wizard));
  views_test_iterate ();
  g_assert_cmpstr (dd_import_wizard_get_step (f->wizard), ==, "file");
  /* Nothing chosen: no way on. */
  g_assert_false (gtk_widget_get_sensitive (wizard_child (f, "next_button")));

  /* The bad level of row 3 (李明, column B) is listed; Import stays off. */
  walk_to_check (f, bad);
  import = dd_import_wizard_get_import (f->wizard);
  g_assert_true (dd_import_is_checked (import));
  g_assert_cmpuint (dd_import_get_problems (import)->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (wizard_child (f, "problems_group")));
  problems = group_titles (wizard_child (f, "problems_group"));
  g_assert_nonnull (strstr (problems->str, "省级人大"));
  g_assert_nonnull (strstr (problems->str, "层级"));
  g_assert_nonnull (strstr (problems->str, "bad.csv"));
  g_assert_true (gtk_widget_get_visible (wizard_child (f, "next_button")));
  g_assert_false (gtk_widget_get_sensitive (wizard_child (f, "next_button")));
  g_signal_emit_by_name (wizard_child (f, "next_button"), "clicked");
  views_test_iterate ();
  g_assert_cmpstr (dd_import_wizard_get_step (f->wizard), ==, "check");
  g_assert_cmpint (views_test_count_rows (f->path, "deputies"), ==, 0);

  /* Back to the first step, the corrected file, the same way again. */
  click_back (f);
  click_back (f);
  click_back (f);
  g_assert_cmpstr (dd_import_wizard_get_step (f->wizard), ==, "file");
  walk_to_check (f, good);
  import = dd_import_wizard_get_import (f->wizard);
  g_assert_cmpuint (dd_import_get_problems (import)->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (wizard_child (f, "problems_group")));
  g_assert_false (gtk_widget_get_visible (wizard_child (f, "duplicates_group")));
  g_assert_true (gtk_widget_get_sensitive (wizard_child (f, "next_button")));

  click_next (f);
  wait_for_step (f, "done");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (wizard_child (f, "done_page")));
  g_assert_nonnull (strstr (description, "3"));
  g_assert_false (gtk_widget_get_visible (wizard_child (f, "back_button")));

  /* In the database, as any SQLite tool sees it, with the column mapped by hand. */
  g_assert_cmpint (views_test_count_rows (f->path, "deputies"), ==, 3);
  occupation = query_text (f, "SELECT occupation FROM deputies WHERE name = '张伟'");
  g_assert_cmpstr (occupation, ==, "河口镇农民");
  level = query_text (f, "SELECT level || ' ' || term FROM deputies WHERE name = '李明'");
  g_assert_cmpstr (level, ==, "county 16");

  /* Close: the window goes. */
  click_next (f);
  views_test_iterate ();
}

static void
on_toast_cb (GtkWidget *page,
             AdwToast  *toast,
             Fixture   *f)
{
  g_free (f->last_toast);
  f->last_toast = g_strdup (adw_toast_get_title (toast));
}

static gboolean
has_toast (gpointer data)
{
  Fixture *f = data;

  return f->last_toast != NULL;
}

static DdExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DD_IS_EXPORT_DIALOG (window))
        return DD_EXPORT_DIALOG (window);
    }
  return NULL;
}

static void
test_export_deputies (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *good = write_file (f, "good.csv", good_csv);
  g_autofree char *out = g_build_filename (f->dir, "export.csv", NULL);
  g_autoptr(DdImport) import = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *page;
  DdExportDialog *dialog;

  /* Three deputies, imported by the model itself. */
  sheet = dd_csv_read_file (good, DD_CSV_ENCODING_AUTO, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  import = dd_import_new (f->store, DD_IMPORT_DEPUTIES, sheet);
  g_assert_true (dd_import_run (import, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  page = dd_deputies_page_new (f->context);
  g_signal_connect (page, "add-toast", G_CALLBACK (on_toast_cb), f);
  f->parent = views_test_show (page);

  g_assert_true (gtk_widget_activate_action (page, "page.export", NULL));
  views_test_iterate ();
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  /* Masking is on unless turned off. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (views_test_child (dialog, DD_TYPE_EXPORT_DIALOG,
                                                                        "mask_switch"))));
  dd_export_dialog_set_format (dialog, DD_EXPORT_FORMAT_CSV_UTF8);
  dd_export_dialog_export_to_path (dialog, out);
  views_test_wait_until (has_toast, f);
  views_test_iterate ();
  g_assert_null (find_export_dialog ());
  g_assert_nonnull (strstr (f->last_toast, "export.csv"));

  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  /* UTF-8 with a BOM, the header, the names, the phones masked. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (contents, "Name"));
  g_assert_nonnull (strstr (contents, "Phone"));
  g_assert_nonnull (strstr (contents, "王芳"));
  g_assert_nonnull (strstr (contents, "138****5678"));
  g_assert_null (strstr (contents, "13812345678"));
  g_assert_null (strstr (contents, "13987654321"));
}

/* An Excel workbook: the sheet chooser instead of encoding and separator,
 * typed cells (a number for the term) mapped and checked the same way. */
static void
test_import_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const headers[] = { "姓名", "层级", "届次", NULL };
  g_autofree char *file = g_build_filename (f->dir, "deputies.xlsx", NULL);
  g_autoptr(DdSheet) sheet = dd_sheet_new (headers);
  g_autoptr(GError) error = NULL;
  AdwComboRow *sheet_row;
  GtkStringObject *item;
  guint row;

  row = dd_sheet_append_row (sheet);
  dd_sheet_set_text (sheet, row, 0, "王芳");
  dd_sheet_set_text (sheet, row, 1, "市级");
  dd_sheet_set_number (sheet, row, 2, 16);
  row = dd_sheet_append_row (sheet);
  dd_sheet_set_text (sheet, row, 0, "李明");
  dd_sheet_set_text (sheet, row, 1, "县级");
  dd_sheet_set_number (sheet, row, 2, 16);
  dd_sheet_set_title (sheet, "代表名单");
  g_assert_true (dd_xlsx_write_file (sheet, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  f->parent = views_test_show (gtk_label_new ("parent"));
  f->wizard = dd_import_wizard_new (GTK_WINDOW (f->parent), f->context, DD_IMPORT_DEPUTIES);
  gtk_window_present (GTK_WINDOW (f->wizard));
  dd_import_wizard_set_file (f->wizard, file);
  wait_for_step (f, "file");
  click_next (f);
  g_assert_cmpstr (dd_import_wizard_get_step (f->wizard), ==, "preview");
  g_assert_false (gtk_widget_get_visible (wizard_child (f, "csv_group")));
  g_assert_true (gtk_widget_get_visible (wizard_child (f, "xlsx_group")));
  sheet_row = ADW_COMBO_ROW (wizard_child (f, "sheet_row"));
  item = adw_combo_row_get_selected_item (sheet_row);
  g_assert_nonnull (item);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "代表名单");

  click_next (f);
  g_assert_cmpstr (dd_import_get_column_field (dd_import_wizard_get_import (f->wizard), 2), ==, "term");
  click_next (f);
  wait_for_step (f, "check");
  g_assert_cmpuint (dd_import_get_problems (dd_import_wizard_get_import (f->wizard))->len, ==, 0);
  click_next (f);
  wait_for_step (f, "done");
  g_assert_cmpint (views_test_count_rows (f->path, "deputies"), ==, 2);
  click_next (f);
}

static gboolean
exchange_dialog_gone (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DD_IS_EXCHANGE_DIALOG (window))
        return FALSE;
    }
  return TRUE;
}

/* Receives @file into @context's store through the dialog; returns the report's title. */
static char *
receive (DdContext  *context,
         const char *file)
{
  DdExchangeDialog *dialog = dd_exchange_dialog_new (NULL, context, DD_EXCHANGE_DIALOG_IMPORT);
  GtkWidget *button = views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "main_button");
  GtkWidget *report = views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "report_row");
  char *title;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_sensitive (button));
  dd_exchange_dialog_set_file (dialog, file);
  views_test_iterate ();
  /* The dry run found nothing wrong: Import is on. */
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_false (gtk_widget_get_visible (views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "problems_group")));
  g_signal_emit_by_name (button, "clicked");
  views_test_iterate ();
  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (report)));
  /* Close */
  g_signal_emit_by_name (button, "clicked");
  views_test_wait_until (exchange_dialog_gone, NULL);
  return title;
}

static void
test_exchange_township (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "exchange.json", NULL);
  g_autofree char *other_path = views_test_make_path ();
  g_autoptr(DdStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStation) station = dd_station_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *name = NULL;
  DdContext *other_context;
  DdExchangeDialog *dialog;

  g_object_set (station, "name", "河口镇人大代表之家", "kind", "home",
                "district", "东湖区", "township", "河口镇", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), f->store, &error));
  g_assert_no_error (error);
  f->parent = views_test_show (gtk_label_new ("parent"));

  /* Send: a township's data for a period, through the dialog's own fields. */
  dialog = dd_exchange_dialog_new (GTK_WINDOW (f->parent), f->context, DD_EXCHANGE_DIALOG_EXPORT);
  gtk_window_present (GTK_WINDOW (dialog));
  views_test_iterate ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "selection_row")),
                              2);
  g_assert_true (gtk_widget_get_visible (views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "township_row")));
  g_assert_false (gtk_widget_get_visible (views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "transferred_to_row")));
  gtk_editable_set_text (GTK_EDITABLE (views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "from_row")), "2020-01-01");
  gtk_editable_set_text (GTK_EDITABLE (views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "to_row")), "2030-12-31");
  gtk_editable_set_text (GTK_EDITABLE (views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "district_row")), "东湖区");
  gtk_editable_set_text (GTK_EDITABLE (views_test_child (dialog, DD_TYPE_EXCHANGE_DIALOG, "township_row")), "河口镇");
  dd_exchange_dialog_set_file (dialog, file);
  views_test_wait_until (exchange_dialog_gone, NULL);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  /* Receive in another office's database, twice: the second adds nothing. */
  other = dd_store_open (other_path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  other_context = dd_context_new (dd_context_get_settings (f->context));
  dd_context_set_store (other_context, other);
  first = receive (other_context, file);
  g_assert_cmpint (views_test_count_rows (other_path, "stations"), ==, 1);
  name = query_text (&(Fixture) { .path = other_path }, "SELECT township FROM stations WHERE name = '河口镇人大代表之家'");
  g_assert_cmpstr (name, ==, "河口镇");
  second = receive (other_context, file);
  g_assert_cmpint (views_test_count_rows (other_path, "stations"), ==, 1);
  g_assert_nonnull (strstr (first, "imported"));
  g_assert_nonnull (strstr (second, "imported"));

  g_assert_finalize_object (other_context);
  g_assert_finalize_object (g_steal_pointer (&other));
  views_test_remove_path (other_path);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/import-wizard/csv-through-mapping-and-dry-run", Fixture, NULL,
              fixture_setup, test_import_through_wizard, fixture_teardown);
  g_test_add ("/import-wizard/export-deputies-csv-masked", Fixture, NULL,
              fixture_setup, test_export_deputies, fixture_teardown);
  g_test_add ("/import-wizard/xlsx", Fixture, NULL,
              fixture_setup, test_import_xlsx, fixture_teardown);
  g_test_add ("/import-wizard/exchange-township-twice", Fixture, NULL,
              fixture_setup, test_exchange_township, fixture_teardown);
  return g_test_run ();
}
