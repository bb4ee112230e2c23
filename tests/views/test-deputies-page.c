/* test-deputies-page.c: adding and validating deputies through the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "dd-codes.h"
#include "dd-deputies-page.h"
#include "dd-deputy-list.h"
#include "dd-deputy.h"
#include "dd-end-seat-dialog.h"
#include "views-test.h"

typedef struct
{
  char           *path;
  DdStore        *store;
  DdContext      *context;
  GtkWidget      *window;
  DdDeputiesPage *page;
  DdDeputyEditor *editor;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdDeputy) existing = dd_deputy_new ();

  f->path = views_test_make_path ();
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* One deputy already there, as in any office. */
  g_object_set (existing, "name", "李明", "level", "county", "term", (gint64) 17,
                "constituency", "河口镇第3选区", NULL);
  dd_entity_save (DD_ENTITY (existing), f->store, &error);
  g_assert_no_error (error);

  f->context = views_test_context_new (f->store);
  f->page = DD_DEPUTIES_PAGE (dd_deputies_page_new (f->context));
  f->editor = dd_deputies_page_get_editor (f->page);
  f->window = views_test_show (GTK_WIDGET (f->page));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  views_test_destroy (f->window);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->store);
  views_test_remove_path (f->path);
  g_free (f->path);
}

static void
set_text (Fixture    *f,
          const char *field,
          const char *text)
{
  GtkWidget *row = dd_deputy_editor_get_row (f->editor, field);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_code (Fixture            *f,
          const char         *field,
          const char * const *codes,
          const char         *code)
{
  GtkWidget *row = dd_deputy_editor_get_row (f->editor, field);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      {
        /* Choice 0 is "not set". */
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);
        return;
      }
  g_assert_not_reached ();
}

static void
press_save (Fixture *f)
{
  GtkWidget *button = views_test_child (GTK_WIDGET (f->editor),
                                                     DD_TYPE_DEPUTY_EDITOR, "save_button");

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  /* As a click does (activate would press it for a quarter second first). */
  g_signal_emit_by_name (button, "clicked");
  views_test_iterate ();
}

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (dd_deputies_page_get_list (f->page)));
}

/* (1) A deputy typed into the form is written and listed. */
static void
test_add_deputy (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DdDeputyList) found = NULL;
  g_autoptr(DdDeputy) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_before = views_test_count_rows (f->path, "audit_log");
  gint64 id;

  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_cmpuint (views_test_count_rows (f->path, "deputies"), ==, 1);

  /* Ctrl+N's action: a new, empty form. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.add", NULL));
  views_test_iterate ();
  g_assert_true (dd_deputy_editor_get_editing (f->editor));

  set_text (f, "name", "王芳");
  set_code (f, "gender", dd_genders, "female");
  set_text (f, "birth-on", "1980-05-06");
  set_code (f, "level", dd_deputy_levels, "city");
  set_text (f, "term", "16");
  set_text (f, "constituency", "东湖区第2选区");
  set_text (f, "district", "东湖区");
  set_text (f, "phone", "138 0000 1111");
  set_text (f, "group-name", "教育科技组");
  press_save (f);

  /* In the database, read back through the model */
  g_assert_null (dd_deputy_editor_get_error (f->editor, "name"));
  g_assert_cmpuint (views_test_count_rows (f->path, "deputies"), ==, 2);
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), >, audit_before);
  found = dd_deputy_list_new (f->store);
  dd_deputy_list_set_search (found, "王芳");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  id = dd_query_model_get_id (DD_QUERY_MODEL (found), 0);
  saved = dd_deputy_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dd_deputy_get_name (saved), ==, "王芳");
  g_assert_cmpstr (dd_deputy_get_level (saved), ==, "city");
  g_assert_cmpint (dd_deputy_get_term (saved), ==, 16);
  g_assert_cmpstr (dd_deputy_get_status (saved), ==, "active");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (saved), "gender"), ==, "female");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (saved), "birth-on"), ==, "1980-05-06");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (saved), "group-name"), ==, "教育科技组");

  /* In the list, selected, and the form is clean */
  g_assert_cmpuint (n_listed (f), ==, 2);
  g_assert_cmpint (dd_deputies_page_get_selected (f->page), ==, id);
  g_assert_false (dd_deputy_editor_get_dirty (f->editor));
  g_assert_cmpint (dd_entity_get_id (DD_ENTITY (dd_deputy_editor_get_deputy (f->editor))), ==, id);

  /* The group filter offers the new group and finds the deputy by it. */
  {
    GtkDropDown *groups = GTK_DROP_DOWN (views_test_child (GTK_WIDGET (f->page),
                                                                        DD_TYPE_DEPUTIES_PAGE,
                                                                        "group_dropdown"));
    GListModel *choices = gtk_drop_down_get_model (groups);

    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
    gtk_drop_down_set_selected (groups, 1);
    views_test_iterate ();
    g_assert_cmpuint (n_listed (f), ==, 1);
    gtk_drop_down_set_selected (groups, 0);
    views_test_iterate ();
    g_assert_cmpuint (n_listed (f), ==, 2);
  }
}

static void
assert_row_error (Fixture    *f,
                  const char *field,
                  const char *part)
{
  GtkWidget *row = dd_deputy_editor_get_row (f->editor, field);
  const char *message = dd_deputy_editor_get_error (f->editor, field);
  GtkWidget *error_row;
  g_autofree char *error_id = g_strdup_printf ("%s_error", field);

  g_strdelimit (error_id, "-", '_');
  error_row = views_test_child (GTK_WIDGET (f->editor), DD_TYPE_DEPUTY_EDITOR, error_id);

  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, part));
  /* Shown right under its row, marked on the row, and told to assistive technology. */
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_mapped (error_row));
  g_assert_true (gtk_widget_get_next_sibling (row) == error_row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       message);
}

/* (2) Faulty input is shown on its rows and nothing is written. */
static void
test_invalid_input (Fixture       *f,
                    gconstpointer  data)
{
  gint64 deputies_before = views_test_count_rows (f->path, "deputies");
  gint64 audit_before = views_test_count_rows (f->path, "audit_log");
  guint listed_before = n_listed (f);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "page.add", NULL);
  views_test_iterate ();
  set_text (f, "name", "");
  set_text (f, "birth-on", "2025-13-40");
  set_code (f, "level", dd_deputy_levels, "township");
  set_text (f, "term", "7");
  press_save (f);

  assert_row_error (f, "name", "Name");
  assert_row_error (f, "birth-on", "2025-13-40");
  g_assert_null (dd_deputy_editor_get_error (f->editor, "level"));
  g_assert_null (dd_deputy_editor_get_error (f->editor, "term"));
  g_assert_false (gtk_widget_has_css_class (dd_deputy_editor_get_row (f->editor, "term"), "error"));

  g_assert_cmpint (views_test_count_rows (f->path, "deputies"), ==, deputies_before);
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), ==, audit_before);
  g_assert_cmpuint (n_listed (f), ==, listed_before);
  /* The typed values stay for correction; the record is still new. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dd_deputy_editor_get_row (f->editor, "birth-on"))),
                   ==, "2025-13-40");
  g_assert_cmpint (dd_entity_get_id (DD_ENTITY (dd_deputy_editor_get_deputy (f->editor))), ==, 0);

  /* Fixing a field clears its message at once; the other one stays. */
  set_text (f, "birth-on", "1975-02-28");
  g_assert_null (dd_deputy_editor_get_error (f->editor, "birth-on"));
  g_assert_false (gtk_widget_has_css_class (dd_deputy_editor_get_row (f->editor, "birth-on"), "error"));
  g_assert_nonnull (dd_deputy_editor_get_error (f->editor, "name"));

  set_text (f, "name", "赵强");
  press_save (f);
  g_assert_null (dd_deputy_editor_get_error (f->editor, "name"));
  g_assert_cmpint (views_test_count_rows (f->path, "deputies"), ==, deputies_before + 1);
}

/* An existing record edited into a bad state stays as stored. */
static void
test_invalid_edit (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = dd_query_model_get_id (DD_QUERY_MODEL (dd_deputies_page_get_list (f->page)), 0);
  gint64 audit_before = views_test_count_rows (f->path, "audit_log");
  g_autoptr(DdDeputy) stored = NULL;

  dd_deputies_page_select (f->page, id);
  views_test_iterate ();
  g_assert_cmpint (dd_deputies_page_get_selected (f->page), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dd_deputy_editor_get_row (f->editor, "name"))),
                   ==, "李明");

  set_text (f, "phone", "call me");
  set_text (f, "term", "0");
  g_assert_true (dd_deputy_editor_get_dirty (f->editor));
  press_save (f);
  assert_row_error (f, "phone", "call me");
  assert_row_error (f, "term", "Term");
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), ==, audit_before);
  stored = dd_deputy_load (f->store, id, NULL);
  g_assert_cmpint (dd_deputy_get_term (stored), ==, 17);
  g_assert_null (dd_entity_get_string (DD_ENTITY (stored), "phone"));
  /* The editor's copy was restored too: Revert brings the stored values back. */
  g_assert_cmpint (dd_deputy_get_term (dd_deputy_editor_get_deputy (f->editor)), ==, 17);
  dd_deputy_editor_revert (f->editor);
  g_assert_false (dd_deputy_editor_get_dirty (f->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dd_deputy_editor_get_row (f->editor, "term"))),
                   ==, "17");
  g_assert_null (dd_deputy_editor_get_error (f->editor, "phone"));
}

/* The search runs on the committed text of the entry. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *search = views_test_child (GTK_WIDGET (f->page), DD_TYPE_DEPUTIES_PAGE,
                                                     "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (search), "河口镇");
  g_signal_emit_by_name (search, "search-changed");
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "nobody");
  g_signal_emit_by_name (search, "search-changed");
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 1);
}

/* As a response button does: answer, then close. */
static void
respond (gpointer    dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (GTK_WINDOW (dialog));
  views_test_iterate ();
}

/* The one dialog of @type shown now, or NULL. */
static GtkWindow *
find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_assert_null (found);
          found = window;
        }
    }
  return found;
}

/* Marking a seat as ended: the dialog checks the date, the model writes. */
static void
test_end_seat (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = dd_query_model_get_id (DD_QUERY_MODEL (dd_deputies_page_get_list (f->page)), 0);
  g_autoptr(DdDeputy) stored = NULL;
  GtkWidget *status_row = views_test_child (f->editor, DD_TYPE_DEPUTY_EDITOR, "status_row");
  DdEndSeatDialog *dialog;
  GtkWidget *date_entry;
  GtkWidget *terminated;

  dd_deputies_page_select (f->page, id);
  views_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.end-seat", NULL));
  views_test_iterate ();
  dialog = DD_END_SEAT_DIALOG (find_dialog (DD_TYPE_END_SEAT_DIALOG));
  g_assert_nonnull (dialog);

  date_entry = views_test_child (dialog, DD_TYPE_END_SEAT_DIALOG, "date_entry");
  terminated = views_test_child (dialog, DD_TYPE_END_SEAT_DIALOG, "terminated_check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (terminated), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (date_entry), "2025-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "end"));
  g_assert_true (gtk_widget_get_visible (views_test_child (dialog, DD_TYPE_END_SEAT_DIALOG, "date_hint")));
  gtk_editable_set_text (GTK_EDITABLE (date_entry), "2025-03-01");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "end"));
  gtk_editable_set_text (GTK_EDITABLE (views_test_child (dialog, DD_TYPE_END_SEAT_DIALOG, "reason_entry")),
                         "迁出本行政区域");
  respond (dialog, "end");
  g_assert_null (find_dialog (DD_TYPE_END_SEAT_DIALOG));

  stored = dd_deputy_load (f->store, id, NULL);
  g_assert_cmpstr (dd_deputy_get_status (stored), ==, "terminated");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (stored), "status-on"), ==, "2025-03-01");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (stored), "status-reason"), ==, "迁出本行政区域");
  /* The form follows, and offers no second ending. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), "2025-03-01"));
  g_assert_true (gtk_widget_get_visible (dd_deputy_editor_get_row (f->editor, "status-on")));
  g_assert_false (dd_deputy_editor_get_dirty (f->editor));
  g_assert_false (gtk_widget_get_visible (views_test_child (f->editor, DD_TYPE_DEPUTY_EDITOR,
                                                            "end_seat_button")));
}

/* Unsaved edits are not dropped by choosing another deputy without asking. */
static void
test_unsaved_changes (Fixture       *f,
                      gconstpointer  data)
{
  gint64 first = dd_query_model_get_id (DD_QUERY_MODEL (dd_deputies_page_get_list (f->page)), 0);
  g_autoptr(DdDeputy) other = dd_deputy_new ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_object_set (other, "name", "孙丽", "level", "city", "term", (gint64) 16, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (other), f->store, &error));
  views_test_iterate ();

  dd_deputies_page_select (f->page, first);
  views_test_iterate ();
  set_text (f, "occupation", "教师");
  g_assert_true (dd_deputy_editor_get_dirty (f->editor));

  /* Cancel: the edits and the selection stay. */
  dd_deputies_page_select (f->page, dd_entity_get_id (DD_ENTITY (other)));
  views_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_cmpint (dd_entity_get_id (DD_ENTITY (dd_deputy_editor_get_deputy (f->editor))), ==, first);
  g_assert_cmpint (dd_deputies_page_get_selected (f->page), ==, first);
  g_assert_true (dd_deputy_editor_get_dirty (f->editor));

  /* Save: written, then the other deputy is shown. */
  dd_deputies_page_select (f->page, dd_entity_get_id (DD_ENTITY (other)));
  views_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  respond (dialog, "save");
  g_assert_cmpint (dd_entity_get_id (DD_ENTITY (dd_deputy_editor_get_deputy (f->editor))), ==,
                   dd_entity_get_id (DD_ENTITY (other)));
  {
    g_autoptr(DdDeputy) stored = dd_deputy_load (f->store, first, NULL);

    g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (stored), "occupation"), ==, "教师");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/views/deputies/add", Fixture, NULL, fixture_setup, test_add_deputy, fixture_teardown);
  g_test_add ("/views/deputies/invalid-input", Fixture, NULL, fixture_setup, test_invalid_input,
              fixture_teardown);
  g_test_add ("/views/deputies/invalid-edit", Fixture, NULL, fixture_setup, test_invalid_edit,
              fixture_teardown);
  g_test_add ("/views/deputies/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/views/deputies/end-seat", Fixture, NULL, fixture_setup, test_end_seat, fixture_teardown);
  g_test_add ("/views/deputies/unsaved-changes", Fixture, NULL, fixture_setup, test_unsaved_changes,
              fixture_teardown);

  return g_test_run ();
}
