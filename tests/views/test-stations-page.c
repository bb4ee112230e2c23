/* test-stations-page.c: stations through the form, the checklist, receptions
 * with voters' opinions, deleting and archiving, the filters, the office's
 * settings and the placards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "dd-checklist.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-deputy-chooser.h"
#include "dd-deputy-editor.h"
#include "dd-placard-job.h"
#include "dd-preferences-window.h"
#include "dd-reception.h"
#include "dd-reception-dialog.h"
#include "dd-settings.h"
#include "dd-station-row.h"
#include "dd-stations-page.h"
#include "dd-suggestion.h"
#include "views-test.h"

typedef struct
{
  char            *path;
  DdStore         *store;
  DdContext       *context;
  GtkWidget       *window;
  DdStationsPage  *page;
  DdStationEditor *editor;
  gint64           station;     /* 河口镇人大代表之家, nothing ticked, nobody attached */
  gint64           deputies[2];
  char            *last_toast;
} Fixture;

static gint64
save_deputy (Fixture    *f,
             const char *name,
             const char *level)
{
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (deputy, "name", name, "level", level, "term", (gint64) 16, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), f->store, &error));
  g_assert_no_error (error);
  return dd_entity_get_id (DD_ENTITY (deputy));
}

static gint64
save_station (Fixture    *f,
              const char *name,
              const char *kind,
              const char *district,
              const char *township)
{
  g_autoptr(DdStation) station = dd_station_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (station, "name", name, "kind", kind, "district", district, "township", township, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), f->store, &error));
  g_assert_no_error (error);
  return dd_entity_get_id (DD_ENTITY (station));
}

static void
on_toast_cb (GtkWidget *page,
             AdwToast  *toast,
             Fixture   *f)
{
  g_free (f->last_toast);
  f->last_toast = g_strdup (adw_toast_get_title (toast));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = views_test_make_path ();
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  /* "This year" is 2025 whatever the clock says. */
  dd_store_set_frozen_time (f->store, "2025-06-01T10:00:00");

  f->deputies[0] = save_deputy (f, "王芳", "city");
  f->deputies[1] = save_deputy (f, "李明", "county");
  f->station = save_station (f, "河口镇人大代表之家", "home", "东湖区", "河口镇");

  f->context = views_test_context_new (f->store);
  f->page = DD_STATIONS_PAGE (dd_stations_page_new (f->context));
  f->editor = dd_stations_page_get_editor (f->page);
  g_signal_connect (f->page, "add-toast", G_CALLBACK (on_toast_cb), f);
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
  g_free (f->last_toast);
}

/* Helpers */

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (dd_stations_page_get_list (f->page)));
}

static void
set_text (Fixture    *f,
          const char *field,
          const char *text)
{
  GtkWidget *row = dd_station_editor_get_row (f->editor, field);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_kind (Fixture    *f,
          const char *kind)
{
  GtkWidget *row = dd_station_editor_get_row (f->editor, "kind");

  for (guint i = 0; dd_station_kinds[i] != NULL; i++)
    if (g_str_equal (dd_station_kinds[i], kind))
      {
        /* Choice 0 is "not chosen". */
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);
        return;
      }
  g_assert_not_reached ();
}

static void
press (gpointer    widget,
       GType       type,
       const char *id)
{
  GtkWidget *button = views_test_child (widget, type, id);

  g_assert_true (gtk_widget_is_sensitive (button));
  /* As a click does (activate would press it for a quarter second first). */
  g_signal_emit_by_name (button, "clicked");
  views_test_iterate ();
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

/* The list's row widget showing station @id, if it is in view. */
static DdStationRow *
find_row (GtkWidget *widget,
          gint64     id)
{
  if (DD_IS_STATION_ROW (widget))
    {
      DdStation *station = dd_station_row_get_station (DD_STATION_ROW (widget));

      return station != NULL && dd_entity_get_id (DD_ENTITY (station)) == id ? DD_STATION_ROW (widget) : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DdStationRow *row = find_row (child, id);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static const char *
figure (Fixture    *f,
        const char *id)
{
  return gtk_label_get_label (GTK_LABEL (views_test_child (f->editor, DD_TYPE_STATION_EDITOR, id)));
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
select_station (Fixture *f,
                gint64   id)
{
  g_assert_true (dd_stations_page_select (f->page, id));
  views_test_iterate ();
  g_assert_cmpint (dd_entity_get_id (DD_ENTITY (dd_station_editor_get_station (f->editor))), ==, id);
}

static void
record_with_model (Fixture *f,
                   gint64   station_id,
                   gint64   voters)
{
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (reception, "station-id", station_id, "held-on", "2025-03-14",
                "voters-received", voters, NULL);
  g_assert_true (dd_reception_record (reception, f->store, &f->deputies[0], 1, NULL, 0, &error));
  g_assert_no_error (error);
  views_test_iterate ();
}

/* Tests */

/* (1) A station typed into the form is written, listed and selected. */
static void
test_add_station (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DdStation) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_before = views_test_count_rows (f->path, "audit_log");
  gint64 id;

  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.add", NULL));
  views_test_iterate ();
  g_assert_true (dd_station_editor_get_editing (f->editor));

  /* Wrong first: the messages sit under their rows and nothing is written. */
  set_text (f, "name", "");
  set_text (f, "upgraded-on", "2024-13-01");
  press (f->editor, DD_TYPE_STATION_EDITOR, "save_button");
  g_assert_nonnull (dd_station_editor_get_error (f->editor, "name"));
  g_assert_nonnull (strstr (dd_station_editor_get_error (f->editor, "upgraded-on"), "2024-13-01"));
  g_assert_nonnull (dd_station_editor_get_error (f->editor, "kind"));
  g_assert_true (gtk_widget_has_css_class (dd_station_editor_get_row (f->editor, "name"), "error"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dd_station_editor_get_row (f->editor, "name")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       dd_station_editor_get_error (f->editor, "name"));
  g_assert_cmpint (views_test_count_rows (f->path, "stations"), ==, 1);
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), ==, audit_before);

  set_text (f, "name", "东坝村代表联络站");
  set_kind (f, "liaison_station");
  set_text (f, "address", "东坝村村委会二楼");
  set_text (f, "district", "石门县");
  set_text (f, "township", "东坝镇");
  set_text (f, "schedule-days", "每周二、周五");
  set_text (f, "schedule-hours", "9:00–11:30");
  set_text (f, "schedule-place", "村委会二楼接待室");
  set_text (f, "contact-name", "赵敏");
  set_text (f, "contact-phone", "0731-8888 1234");
  set_text (f, "upgraded-on", "2024-09-01");
  g_assert_null (dd_station_editor_get_error (f->editor, "upgraded-on"));
  press (f->editor, DD_TYPE_STATION_EDITOR, "save_button");

  g_assert_null (dd_station_editor_get_error (f->editor, "name"));
  g_assert_cmpint (views_test_count_rows (f->path, "stations"), ==, 2);
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), >, audit_before);
  g_assert_cmpstr (f->last_toast, ==, "Station saved");

  /* Read back through the model */
  id = dd_entity_get_id (DD_ENTITY (dd_station_editor_get_station (f->editor)));
  g_assert_cmpint (id, >, 0);
  saved = dd_station_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dd_station_get_name (saved), ==, "东坝村代表联络站");
  g_assert_cmpstr (dd_station_get_kind (saved), ==, "liaison_station");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (saved), "township"), ==, "东坝镇");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (saved), "schedule-hours"), ==, "9:00–11:30");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (saved), "upgraded-on"), ==, "2024-09-01");
  g_assert_nonnull (dd_station_get_code (saved));

  /* Listed and selected; the form is clean; its QR code shows its code. */
  g_assert_cmpuint (n_listed (f), ==, 2);
  g_assert_cmpint (dd_stations_page_get_selected (f->page), ==, id);
  g_assert_false (dd_station_editor_get_dirty (f->editor));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (views_test_child (f->editor, DD_TYPE_STATION_EDITOR,
                                                                     "code_label"))),
                   ==, dd_station_get_code (saved));

  /* The district filter offers the new district, and the townships follow it. */
  {
    GtkDropDown *districts = GTK_DROP_DOWN (views_test_child (f->page, DD_TYPE_STATIONS_PAGE,
                                                              "district_dropdown"));
    GtkDropDown *townships = GTK_DROP_DOWN (views_test_child (f->page, DD_TYPE_STATIONS_PAGE,
                                                              "township_dropdown"));

    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (districts)), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (townships)), ==, 3);
    gtk_drop_down_set_selected (districts, 1);   /* 东湖区, in collation order or not: one station */
    views_test_iterate ();
    g_assert_cmpuint (n_listed (f), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (townships)), ==, 2);
    gtk_drop_down_set_selected (districts, 0);
    views_test_iterate ();
    g_assert_cmpuint (n_listed (f), ==, 2);
  }
}

/* (2) Ticking checklist items writes at once and the compliance follows. */
static void
test_checklist (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) ticks = NULL;
  g_autoptr(GError) error = NULL;
  DdStationRow *row;
  guint done = 0;

  select_station (f, f->station);
  g_assert_cmpstr (dd_station_editor_get_compliance (f->editor), ==, "0 of 8 standards met · 0%");
  row = find_row (GTK_WIDGET (f->page), f->station);
  g_assert_nonnull (row);
  g_assert_cmpstr (dd_station_row_get_compliance (row), ==, "0/8");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (dd_station_editor_get_check (f->editor, 0)), TRUE);
  views_test_iterate ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dd_station_editor_get_check (f->editor, 3)), TRUE);
  views_test_iterate ();

  g_assert_cmpstr (dd_station_editor_get_compliance (f->editor), ==, "2 of 8 standards met · 25%");
  g_assert_cmpstr (dd_station_row_get_compliance (row), ==, "2/8");
  ticks = dd_checklist_dup_ticks (f->store, f->station, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ticks->len; i++)
    done += ((DdChecklistTick *) g_ptr_array_index (ticks, i))->done;
  g_assert_cmpuint (done, ==, 2);
  g_assert_true (((DdChecklistTick *) g_ptr_array_index (ticks, 0))->done);
  g_assert_true (((DdChecklistTick *) g_ptr_array_index (ticks, 3))->done);
  /* Written at once: the form has nothing to save. */
  g_assert_false (dd_station_editor_get_dirty (f->editor));

  /* Unticking takes it back. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dd_station_editor_get_check (f->editor, 0)), FALSE);
  views_test_iterate ();
  g_assert_cmpstr (dd_station_editor_get_compliance (f->editor), ==, "1 of 8 standards met · 13%");
}

static DdReceptionDialog *
open_reception_dialog (Fixture *f)
{
  DdReceptionDialog *dialog;

  /* Ctrl+R's action on the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.record-reception", NULL));
  views_test_iterate ();
  dialog = DD_RECEPTION_DIALOG (find_dialog (DD_TYPE_RECEPTION_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
fill_opinion (DdOpinionEditor *opinion,
              const char      *title,
              const char      *category,
              const char      *voter,
              const char      *body)
{
  gtk_editable_set_text (GTK_EDITABLE (dd_opinion_editor_get_row (opinion, "title")), title);
  dd_opinion_editor_set_category (opinion, category);
  gtk_editable_set_text (GTK_EDITABLE (dd_opinion_editor_get_row (opinion, "voter-name")), voter);
  gtk_editable_set_text (GTK_EDITABLE (dd_opinion_editor_get_row (opinion, "body")), body);
}

/* (3) A reception with two voters' opinions: one write, two registered suggestions. */
static void
test_record_reception (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(DdStation) station = dd_station_load (f->store, f->station, NULL);
  g_autoptr(GError) error = NULL;
  DdReceptionDialog *dialog;
  DdStationRow *row;
  gint64 reception_id;

  g_assert_true (dd_station_attach_deputy (station, f->store, f->deputies[0], &error));
  g_assert_true (dd_station_set_on_duty (station, f->store, f->deputies[0], TRUE, &error));
  select_station (f, f->station);
  g_assert_cmpuint (dd_station_editor_get_n_deputies (f->editor), ==, 1);
  g_assert_cmpstr (figure (f, "receptions_value"), ==, "0");
  row = find_row (GTK_WIDGET (f->page), f->station);
  g_assert_nonnull (strstr (dd_station_row_get_summary (row), "0 receptions this year"));

  dialog = open_reception_dialog (f);
  /* Today, and the deputy on duty ticked already. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dd_reception_dialog_get_row (dialog, "held-on"))),
                   ==, "2025-06-01");
  g_assert_cmpuint (dd_reception_dialog_get_n_present (dialog), ==, 1);
  /* Another deputy, from elsewhere, through the chooser's result. */
  dd_reception_dialog_add_present (dialog, &f->deputies[1], 1);
  g_assert_cmpuint (dd_reception_dialog_get_n_present (dialog), ==, 2);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dd_reception_dialog_get_row (dialog, "voters-received")), 25);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dd_reception_dialog_get_row (dialog, "petitions-handled")), 2);
  gtk_editable_set_text (GTK_EDITABLE (dd_reception_dialog_get_row (dialog, "topic")), "老旧小区改造");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "reception.add-opinion", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "reception.add-opinion", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "reception.add-opinion", NULL));
  g_assert_cmpuint (dd_reception_dialog_get_n_opinions (dialog), ==, 3);
  /* One too many: its remove button takes it out and the others are renumbered. */
  gtk_widget_activate_action (GTK_WIDGET (dd_reception_dialog_get_opinion (dialog, 0)), "opinion.remove", NULL);
  g_assert_cmpuint (dd_reception_dialog_get_n_opinions (dialog), ==, 2);
  g_assert_cmpuint (dd_opinion_editor_get_number (dd_reception_dialog_get_opinion (dialog, 1)), ==, 2);
  fill_opinion (dd_reception_dialog_get_opinion (dialog, 0), "小区加装电梯", "urban_construction",
                "张大爷", "三号楼老人上下楼困难");
  fill_opinion (dd_reception_dialog_get_opinion (dialog, 1), "学校门口交通拥堵", "transport",
                "刘女士", "");

  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "reception.save", NULL));
  views_test_iterate ();
  /* Recorded: the dialog is gone. */
  g_assert_null (find_dialog (DD_TYPE_RECEPTION_DIALOG));
  g_assert_finalize_object (dialog);
  g_assert_cmpstr (f->last_toast, ==, "Reception recorded, 2 opinions registered");

  /* In the database, through the model */
  g_assert_cmpint (views_test_count_rows (f->path, "receptions"), ==, 1);
  reception_id = query_int (f, "SELECT id FROM receptions");
  {
    g_autoptr(DdReception) reception = dd_reception_load (f->store, reception_id, &error);
    g_autoptr(GArray) present = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (reception), "held-on"), ==, "2025-06-01");
    g_assert_cmpint (dd_entity_get_int (DD_ENTITY (reception), "voters-received"), ==, 25);
    g_assert_cmpint (dd_entity_get_int (DD_ENTITY (reception), "petitions-handled"), ==, 2);
    g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (reception), "topic"), ==, "老旧小区改造");
    present = dd_reception_dup_deputy_ids (reception, f->store, &error);
    g_assert_cmpuint (present->len, ==, 2);
  }
  g_assert_cmpint (views_test_count_rows (f->path, "suggestions"), ==, 2);
  for (gint64 n = 0; n < 2; n++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM suggestions ORDER BY id LIMIT 1 OFFSET %d", (int) n);
      g_autoptr(DdSuggestion) opinion = dd_suggestion_load (f->store, query_int (f, sql), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (opinion), "kind"), ==, "voter_opinion");
      g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (opinion), "state"), ==, "registered");
      g_assert_cmpint (dd_entity_get_int (DD_ENTITY (opinion), "station-id"), ==, f->station);
      g_assert_cmpint (dd_entity_get_int (DD_ENTITY (opinion), "reception-id"), ==, reception_id);
      g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (opinion), "registered-on"), ==, "2025-06-01");
      g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (opinion), "title"), ==,
                       n == 0 ? "小区加装电梯" : "学校门口交通拥堵");
      g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (opinion), "category"), ==,
                       n == 0 ? "urban_construction" : "transport");
      g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (opinion), "voter-name"), ==,
                       n == 0 ? "张大爷" : "刘女士");
    }

  /* The counts follow the store's change signal, in the detail and in the list. */
  g_assert_cmpstr (figure (f, "receptions_value"), ==, "1");
  g_assert_cmpstr (figure (f, "voters_value"), ==, "25");
  g_assert_cmpstr (figure (f, "petitions_value"), ==, "2");
  g_assert_cmpstr (figure (f, "opinions_value"), ==, "2");
  g_assert_nonnull (strstr (dd_station_row_get_summary (row), "1 reception this year"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (views_test_child (f->editor,
                                                                                   DD_TYPE_STATION_EDITOR,
                                                                                   "receptions_list")),
                                                   0));
}

/* (4) An opinion without a title: the model's message in the dialog, nothing written. */
static void
test_invalid_reception (Fixture       *f,
                        gconstpointer  data)
{
  DdReceptionDialog *dialog;
  DdOpinionEditor *second;
  gint64 audit_before = views_test_count_rows (f->path, "audit_log");

  select_station (f, f->station);
  dialog = open_reception_dialog (f);
  dd_reception_dialog_add_present (dialog, &f->deputies[0], 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dd_reception_dialog_get_row (dialog, "voters-received")), 12);
  fill_opinion (dd_reception_dialog_add_opinion (dialog), "路灯不亮", "urban_construction", "陈先生", "");
  second = dd_reception_dialog_add_opinion (dialog);
  gtk_editable_set_text (GTK_EDITABLE (dd_opinion_editor_get_row (second, "body")), "希望增加公交班次");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "reception.save", NULL));
  views_test_iterate ();

  /* Still open, with the model's message naming the opinion, and the row marked. */
  g_assert_true (find_dialog (DD_TYPE_RECEPTION_DIALOG) == GTK_WINDOW (dialog));
  g_assert_nonnull (dd_reception_dialog_get_error (dialog));
  g_assert_nonnull (strstr (dd_reception_dialog_get_error (dialog), "Opinion 2"));
  g_assert_nonnull (dd_opinion_editor_get_error (second));
  g_assert_true (gtk_widget_has_css_class (dd_opinion_editor_get_row (second, "title"), "error"));
  g_assert_null (dd_opinion_editor_get_error (dd_reception_dialog_get_opinion (dialog, 0)));
  g_assert_cmpint (views_test_count_rows (f->path, "receptions"), ==, 0);
  g_assert_cmpint (views_test_count_rows (f->path, "suggestions"), ==, 0);
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), ==, audit_before);

  /* A wrong date is named too. */
  gtk_editable_set_text (GTK_EDITABLE (dd_opinion_editor_get_row (second, "title")), "公交班次太少");
  g_assert_null (dd_opinion_editor_get_error (second));
  gtk_editable_set_text (GTK_EDITABLE (dd_reception_dialog_get_row (dialog, "held-on")), "2025-02-30");
  g_assert_false (dd_reception_dialog_save (dialog));
  g_assert_nonnull (strstr (dd_reception_dialog_get_error (dialog), "2025-02-30"));
  g_assert_true (gtk_widget_has_css_class (dd_reception_dialog_get_row (dialog, "held-on"), "error"));
  g_assert_cmpint (views_test_count_rows (f->path, "receptions"), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  views_test_iterate ();
  g_assert_null (find_dialog (DD_TYPE_RECEPTION_DIALOG));
}

/* (5) A station with receptions is not deleted: the model says why, archiving is offered. */
static void
test_delete_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DdStation) stored = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *archived_check = views_test_child (f->page, DD_TYPE_STATIONS_PAGE, "archived_check");

  record_with_model (f, f->station, 8);
  select_station (f, f->station);

  /* No "are you sure": the model's refusal at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "station.delete", NULL));
  views_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "archive"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "archive"));
  /* The model's message: what deleting would lose. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 reception"));
  g_assert_cmpint (views_test_count_rows (f->path, "stations"), ==, 1);
  respond (dialog, "archive");
  g_assert_null (find_dialog (ADW_TYPE_MESSAGE_DIALOG));

  stored = dd_station_load (f->store, f->station, NULL);
  g_assert_true (dd_entity_get_bool (DD_ENTITY (stored), "archived"));
  g_assert_cmpint (views_test_count_rows (f->path, "stations"), ==, 1);
  g_assert_cmpint (views_test_count_rows (f->path, "receptions"), ==, 1);
  g_assert_cmpstr (f->last_toast, ==, "Station archived");
  /* Out of the list, unless archived stations are asked for. */
  g_assert_cmpuint (n_listed (f), ==, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (archived_check), TRUE);
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 1);
  /* The detail says so and offers to restore it. */
  g_assert_true (gtk_widget_get_visible (views_test_child (f->editor, DD_TYPE_STATION_EDITOR, "archived_bar")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "station.restore", NULL));
  views_test_iterate ();
  g_clear_object (&stored);
  stored = dd_station_load (f->store, f->station, NULL);
  g_assert_false (dd_entity_get_bool (DD_ENTITY (stored), "archived"));
}

/* A station without receptions is deleted after the question. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  select_station (f, f->station);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "station.delete", NULL));
  views_test_iterate ();
  respond (find_dialog (ADW_TYPE_MESSAGE_DIALOG), "delete");
  g_assert_null (find_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (views_test_count_rows (f->path, "stations"), ==, 0);
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_false (dd_station_editor_get_editing (f->editor));
}

/* (6) The filters narrow the list in SQL. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) items = dd_checklist_dup_items (f->store, FALSE, NULL);
  GtkDropDown *compliance = GTK_DROP_DOWN (views_test_child (f->page, DD_TYPE_STATIONS_PAGE,
                                                             "compliance_dropdown"));
  GtkDropDown *upgraded = GTK_DROP_DOWN (views_test_child (f->page, DD_TYPE_STATIONS_PAGE,
                                                           "upgraded_dropdown"));
  GtkDropDown *kind = GTK_DROP_DOWN (views_test_child (f->page, DD_TYPE_STATIONS_PAGE, "kind_dropdown"));
  GtkWidget *search = views_test_child (f->page, DD_TYPE_STATIONS_PAGE, "search_entry");
  GtkLabel *count = GTK_LABEL (views_test_child (f->page, DD_TYPE_STATIONS_PAGE, "count_label"));
  gint64 complete = save_station (f, "铁路街道代表工作站", "work_station", "新城区", "铁路街道");
  g_autoptr(DdStation) station = dd_station_load (f->store, complete, NULL);

  for (guint i = 0; i < items->len; i++)
    g_assert_true (dd_checklist_set_tick (f->store, complete,
                                          ((DdChecklistItem *) g_ptr_array_index (items, i))->id,
                                          TRUE, NULL));
  g_object_set (station, "upgraded-on", "2024-05-01", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), f->store, NULL));
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (count), ==, "2 stations");

  gtk_drop_down_set_selected (compliance, 2);   /* Incomplete */
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (dd_stations_page_get_list (f->page)), 0),
                   ==, f->station);
  g_assert_cmpstr (gtk_label_get_label (count), ==, "1 station matches");
  gtk_drop_down_set_selected (compliance, 1);   /* Meets the standard */
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (dd_stations_page_get_list (f->page)), 0),
                   ==, complete);
  gtk_drop_down_set_selected (compliance, 0);

  gtk_drop_down_set_selected (upgraded, 2);     /* Not upgraded */
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (dd_stations_page_get_list (f->page)), 0),
                   ==, f->station);
  gtk_drop_down_set_selected (upgraded, 0);

  g_assert_cmpstr (dd_station_kinds[0], ==, "home");
  gtk_drop_down_set_selected (kind, 1);
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 1);
  gtk_drop_down_set_selected (kind, 0);

  /* Search: name, address or code, on the committed text. */
  gtk_editable_set_text (GTK_EDITABLE (search), dd_station_get_code (station));
  g_signal_emit_by_name (search, "search-changed");
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "nowhere");
  g_signal_emit_by_name (search, "search-changed");
  views_test_iterate ();
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (views_test_child (f->page, DD_TYPE_STATIONS_PAGE,
                                                                                   "list_stack"))),
                   ==, "empty");
}

/* Deputies attached through the chooser, put on duty, removed. */
static void
test_deputies (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DdStation) station = dd_station_load (f->store, f->station, NULL);
  DdDeputyChooser *chooser;
  GtkListBox *list = GTK_LIST_BOX (views_test_child (f->editor, DD_TYPE_STATION_EDITOR, "deputies_list"));
  GtkWidget *duty;
  GtkListBoxRow *row;

  select_station (f, f->station);
  g_assert_cmpuint (dd_station_editor_get_n_deputies (f->editor), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "station.add-deputies", NULL));
  views_test_iterate ();
  chooser = DD_DEPUTY_CHOOSER (find_dialog (DD_TYPE_DEPUTY_CHOOSER));
  g_assert_nonnull (chooser);
  g_assert_cmpuint (dd_deputy_chooser_get_n_shown (chooser), ==, 2);
  dd_deputy_chooser_set_search (chooser, "王");
  views_test_iterate ();
  g_assert_cmpuint (dd_deputy_chooser_get_n_shown (chooser), ==, 1);
  dd_deputy_chooser_set_search (chooser, "");
  dd_deputy_chooser_toggle (chooser, f->deputies[0], TRUE);
  dd_deputy_chooser_toggle (chooser, f->deputies[1], TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.accept", NULL));
  views_test_iterate ();
  g_assert_null (find_dialog (DD_TYPE_DEPUTY_CHOOSER));

  g_assert_cmpint (views_test_count_rows (f->path, "station_deputies"), ==, 2);
  g_assert_cmpuint (dd_station_editor_get_n_deputies (f->editor), ==, 2);
  g_assert_cmpstr (f->last_toast, ==, "2 deputies added to this station");

  /* On duty (三定): the switch writes at once. */
  row = gtk_list_box_get_row_at_index (list, 0);
  duty = g_object_get_data (G_OBJECT (row), "duty");
  g_assert_true (GTK_IS_SWITCH (duty));
  gtk_switch_set_active (GTK_SWITCH (duty), TRUE);
  views_test_iterate ();
  {
    gint64 *id = g_object_get_data (G_OBJECT (row), "deputy-id");

    g_assert_true (dd_station_is_on_duty (station, f->store, *id));
  }
  /* The same row is still there: the focus would stay on the switch. */
  g_assert_true (gtk_list_box_get_row_at_index (list, 0) == row);

  /* Already attached: shown ticked and fixed in the chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "station.add-deputies", NULL));
  views_test_iterate ();
  chooser = DD_DEPUTY_CHOOSER (find_dialog (DD_TYPE_DEPUTY_CHOOSER));
  dd_deputy_chooser_toggle (chooser, f->deputies[0], TRUE);
  g_assert_false (gtk_widget_is_sensitive (views_test_child (chooser, DD_TYPE_DEPUTY_CHOOSER, "accept_button")));
  gtk_window_close (GTK_WINDOW (chooser));
  views_test_iterate ();
}

/* (7) A deputy's receptions on the Deputies page. */
static void
test_deputy_receptions (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *editor = dd_deputy_editor_new (f->context);
  GtkWidget *window = views_test_show (editor);
  GtkListBox *list = GTK_LIST_BOX (views_test_child (editor, DD_TYPE_DEPUTY_EDITOR, "receptions_list"));
  GtkListBoxRow *row;

  dd_deputy_editor_load (DD_DEPUTY_EDITOR (editor), f->deputies[0]);
  views_test_iterate ();
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  record_with_model (f, f->station, 17);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "河口镇人大代表之家"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "2025-03-14"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "17 voters received");
  /* The other deputy was not there. */
  dd_deputy_editor_load (DD_DEPUTY_EDITOR (editor), f->deputies[1]);
  views_test_iterate ();
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  /* Each deputy's QR code shows the code. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (views_test_child (editor, DD_TYPE_DEPUTY_EDITOR, "code_label"))),
                   !=, "");

  views_test_destroy (window);
}

/* (8) The office's settings in the preferences: stored, checked, and followed by the QR code. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  DdPreferencesWindow *preferences = dd_preferences_window_new (NULL, f->context);
  GtkWidget *office = views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW, "office_name_row");
  GtkWidget *station_url = views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW, "station_url_row");
  GtkWidget *station_url_error = views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW,
                                                   "station_url_error");
  GtkWidget *new_item = views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW, "new_item_row");
  GtkListBox *items = GTK_LIST_BOX (views_test_child (preferences, DD_TYPE_PREFERENCES_WINDOW,
                                                      "checklist_list"));
  g_autofree char *office_name = NULL;
  g_autofree char *template = NULL;
  g_autoptr(GPtrArray) active = NULL;
  const char *payload;

  gtk_window_present (GTK_WINDOW (preferences));
  views_test_iterate ();
  select_station (f, f->station);

  gtk_editable_set_text (GTK_EDITABLE (office), "东湖区人大常委会代表工作室");
  g_signal_emit_by_name (office, "apply");
  views_test_iterate ();
  office_name = dd_settings_dup (f->store, DD_SETTING_OFFICE_NAME);
  g_assert_cmpstr (office_name, ==, "东湖区人大常委会代表工作室");

  /* A template without {code} is refused, in words under the row. */
  gtk_editable_set_text (GTK_EDITABLE (station_url), "https://rd.example.gov.cn/station");
  g_signal_emit_by_name (station_url, "apply");
  views_test_iterate ();
  g_assert_true (gtk_widget_get_visible (station_url_error));
  g_assert_true (gtk_widget_has_css_class (station_url, "error"));
  template = dd_settings_dup (f->store, DD_SETTING_QR_STATION_URL);
  g_assert_null (template);

  gtk_editable_set_text (GTK_EDITABLE (station_url), "https://rd.example.gov.cn/station/{code}");
  g_assert_false (gtk_widget_get_visible (station_url_error));
  g_signal_emit_by_name (station_url, "apply");
  views_test_iterate ();
  g_assert_false (gtk_widget_get_visible (station_url_error));
  payload = gtk_label_get_label (GTK_LABEL (views_test_child (f->editor, DD_TYPE_STATION_EDITOR, "payload_label")));
  g_assert_true (g_str_has_prefix (payload, "https://rd.example.gov.cn/station/S"));

  /* The checklist: a ninth item counts at once; retiring it takes it back out. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (items, 7));
  g_assert_null (gtk_list_box_get_row_at_index (items, 8));
  gtk_editable_set_text (GTK_EDITABLE (new_item), "有公示栏");
  g_signal_emit_by_name (new_item, "apply");
  views_test_iterate ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (items, 8));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_item)), ==, "");
  g_assert_cmpstr (dd_station_editor_get_compliance (f->editor), ==, "0 of 9 standards met · 0%");
  dd_checklist_set_item_active (f->store,
                                *(gint64 *) g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (items, 8)),
                                                               "item-id"),
                                FALSE, NULL);
  views_test_iterate ();
  active = dd_checklist_dup_items (f->store, FALSE, NULL);
  g_assert_cmpuint (active->len, ==, 8);
  g_assert_cmpstr (dd_station_editor_get_compliance (f->editor), ==, "0 of 8 standards met · 0%");

  views_test_destroy (GTK_WIDGET (preferences));
}

static void
on_pdf_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_placard_job_write_pdf_finish (DD_PLACARD_JOB (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Placards are written in a worker thread, one A4 PDF. */
static void
test_placards (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DdStation) station = dd_station_load (f->store, f->station, NULL);
  g_autoptr(DdDeputy) deputy = dd_deputy_load (f->store, f->deputies[0], NULL);
  g_autoptr(DdPlacardJob) job = dd_placard_job_new (f->store);
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *pdf = g_build_filename (dir, "placards.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean done = FALSE;

  g_assert_true (dd_settings_set (f->store, DD_SETTING_QR_DEPUTY_URL, "https://rd.example.gov.cn/d/{code}", NULL));
  dd_placard_job_add_station (job, station);
  dd_placard_job_add_deputy (job, deputy);
  dd_placard_job_set_per_page (job, 2);
  g_assert_cmpuint (dd_placard_job_get_n_placards (job), ==, 2);
  g_assert_cmpstr (dd_placard_job_get_payload (job, 0), ==, dd_station_get_code (station));
  g_assert_true (g_str_has_prefix (dd_placard_job_get_payload (job, 1), "https://rd.example.gov.cn/d/"));

  dd_placard_job_write_pdf_async (job, pdf, NULL, on_pdf_written_cb, &done);
  g_assert_true (dd_placard_job_get_busy (job));
  views_test_wait_until (is_true, &done);
  g_assert_false (dd_placard_job_get_busy (job));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/views/stations/add", Fixture, NULL, fixture_setup, test_add_station, fixture_teardown);
  g_test_add ("/views/stations/checklist", Fixture, NULL, fixture_setup, test_checklist, fixture_teardown);
  g_test_add ("/views/stations/record-reception", Fixture, NULL, fixture_setup, test_record_reception,
              fixture_teardown);
  g_test_add ("/views/stations/invalid-reception", Fixture, NULL, fixture_setup, test_invalid_reception,
              fixture_teardown);
  g_test_add ("/views/stations/delete-refused", Fixture, NULL, fixture_setup, test_delete_refused,
              fixture_teardown);
  g_test_add ("/views/stations/delete", Fixture, NULL, fixture_setup, test_delete, fixture_teardown);
  g_test_add ("/views/stations/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/views/stations/deputies", Fixture, NULL, fixture_setup, test_deputies, fixture_teardown);
  g_test_add ("/views/stations/deputy-receptions", Fixture, NULL, fixture_setup, test_deputy_receptions,
              fixture_teardown);
  g_test_add ("/views/stations/preferences", Fixture, NULL, fixture_setup, test_preferences,
              fixture_teardown);
  g_test_add ("/views/stations/placards", Fixture, NULL, fixture_setup, test_placards, fixture_teardown);

  return g_test_run ();
}
