/* test-suggestions-page.c: the board on the small demo: its columns count
 * what SQL counts; "Move to…" on a card assigns it through the form and the
 * card moves column; an illegal drop is refused with the model's reason and
 * changes nothing; a filter narrows every column as the model's lists do;
 * a bulk assignment moves the suggestions that may move and says why the
 * other did not; a card opens its detail, whose "Move To…" is the board's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "dd-board-column.h"
#include "dd-bulk-dialog.h"
#include "dd-codes.h"
#include "dd-demo.h"
#include "dd-move-dialog.h"
#include "dd-suggestion-card.h"
#include "dd-suggestion-detail.h"
#include "dd-suggestion-list.h"
#include "dd-suggestions-page.h"
#include "dd-workflow.h"
#include "views-test.h"

#define TODAY "2025-11-30"

typedef struct
{
  char              *path;
  DdStore           *store;
  DdContext         *context;
  GtkWidget         *window;
  DdSuggestionsPage *page;
  char              *last_toast;
  guint              n_toasts;
} Fixture;

/* Helpers: SQL through a connection of the test's own, as any SQLite tool sees the file */

static gint64
query_int (Fixture    *f,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (Fixture    *f,
           const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  va_list args;
  gint64 n = 0;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
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
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static char *
state_of (Fixture *f,
          gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT state FROM suggestions WHERE id = %" G_GINT64_FORMAT, id);

  return query_text (f, sql);
}

/* "state IN ('a', 'b')" for a column */
static char *
states_sql (guint index)
{
  g_autoptr(GString) sql = g_string_new ("state IN (");

  for (guint i = 0; dd_suggestion_columns[index].states[i] != NULL; i++)
    g_string_append_printf (sql, "%s'%s'", i > 0 ? ", " : "", dd_suggestion_columns[index].states[i]);
  g_string_append (sql, ")");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static DdBoardColumn *
column (Fixture    *f,
        const char *name)
{
  DdBoardColumn *found = dd_suggestions_page_find_column (f->page, name);

  g_assert_nonnull (found);
  return found;
}

static guint
n_in (Fixture    *f,
      const char *name)
{
  return dd_board_column_get_n_items (column (f, name));
}

/* The @index-th suggestion of a column, as listed. */
static gint64
id_in (Fixture    *f,
       const char *name,
       guint       index)
{
  DdSuggestionList *list = dd_board_column_get_list (column (f, name));

  g_assert_cmpuint (index, <, g_list_model_get_n_items (G_LIST_MODEL (list)));
  return dd_query_model_get_id (DD_QUERY_MODEL (list), index);
}

static gboolean
listed_in (Fixture    *f,
           const char *name,
           gint64      id)
{
  return dd_query_model_find (DD_QUERY_MODEL (dd_board_column_get_list (column (f, name))), id) != G_MAXUINT;
}

static gint64
any_active_unit (Fixture *f)
{
  return query_int (f, "SELECT id FROM units WHERE active = 1 ORDER BY name LIMIT 1");
}

/* The one window of @type shown now, or NULL. */
static GtkWindow *
find_window (GType type)
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

/* Whether @menu (or a section of it) has an item for @action with @target. */
static gboolean
menu_has (GMenuModel *menu,
          const char *action,
          GVariant   *target)
{
  g_autoptr(GVariant) wanted = g_variant_ref_sink (target);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GVariant) item_action = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_ACTION,
                                                                               G_VARIANT_TYPE_STRING);
      g_autoptr(GVariant) item_target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                               NULL);

      if (section != NULL && menu_has (section, action, g_variant_ref (wanted)))
        return TRUE;
      if (item_action != NULL && g_str_equal (g_variant_get_string (item_action, NULL), action) &&
          item_target != NULL && g_variant_equal (item_target, wanted))
        return TRUE;
    }
  return FALSE;
}

static void
on_toast_cb (DdSuggestionsPage *page,
             AdwToast          *toast,
             Fixture           *f)
{
  g_free (f->last_toast);
  f->last_toast = g_strdup (adw_toast_get_title (toast));
  f->n_toasts++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { .size = DD_DEMO_SMALL, .seed = 11, .anchor = TODAY };

  f->path = views_test_make_path ();
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (dd_demo_generate (f->store, &options, &error));
  g_assert_no_error (error);
  /* "Today" is the demo's last day whatever the clock says. */
  dd_store_set_frozen_time (f->store, TODAY "T09:00:00");

  f->context = views_test_context_new (f->store);
  f->page = DD_SUGGESTIONS_PAGE (dd_suggestions_page_new (f->context));
  g_signal_connect (f->page, "add-toast", G_CALLBACK (on_toast_cb), f);
  f->window = views_test_show (GTK_WIDGET (f->page));

  /* Enough of each to move. */
  g_assert_cmpuint (n_in (f, "registered"), >=, 1);
  g_assert_cmpuint (n_in (f, "under_review"), >=, 3);
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

/* Tests */

/* Every column counts what SQL counts, in its heading too. */
static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  gint64 total = 0;

  g_assert_cmpuint (dd_suggestions_page_get_n_columns (f->page), ==, DD_SUGGESTION_N_COLUMNS);
  for (guint i = 0; i < DD_SUGGESTION_N_COLUMNS; i++)
    {
      DdBoardColumn *c = dd_suggestions_page_get_column (f->page, i);
      g_autofree char *where = states_sql (i);
      gint64 expected = query_int (f, "SELECT count(*) FROM suggestions WHERE %s", where);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, expected);

      g_assert_cmpstr (dd_board_column_get_name (c), ==, dd_suggestion_columns[i].name);
      g_assert_cmpuint (dd_board_column_get_n_items (c), ==, expected);
      g_assert_cmpstr (dd_board_column_get_count_text (c), ==, count);
      total += expected;
    }
  /* Every suggestion is in exactly one column; the last is "Set aside". */
  g_assert_cmpint (total, ==, query_int (f, "SELECT count(*) FROM suggestions"));
  g_assert_cmpstr (dd_board_column_get_title (dd_suggestions_page_get_column (f->page, 7)), ==, "Set aside");
  g_assert_cmpstr (dd_board_column_get_title (column (f, "assigned")), ==, "Assigned");
}

/* "Move to…" from a card's menu: the assignment form, refused without a
 * lead unit (nothing written), then saved: the suggestion is assigned with
 * its deadline and its card is in the next column. */
static void
test_move_assign (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = id_in (f, "under_review", 0);
  guint n_review = n_in (f, "under_review");
  guint n_assigned = n_in (f, "assigned");
  gint64 audit = query_int (f, "SELECT count(*) FROM audit_log");
  gint64 unit = any_active_unit (f);
  DdSuggestionCard *card;
  DdMoveDialog *dialog;
  g_autofree char *number = NULL;
  g_autofree char *expected_toast = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *sql = NULL;

  /* The card offers the workflow's moves, and only those. */
  card = dd_board_column_find_card (column (f, "under_review"), id);
  g_assert_nonnull (card);
  g_assert_true (menu_has (dd_suggestion_card_get_menu (card), "board.move-to",
                           g_variant_new ("(xs)", id, "assigned")));
  g_assert_true (menu_has (dd_suggestion_card_get_menu (card), "board.move-to",
                           g_variant_new ("(xs)", id, "rejected")));
  g_assert_false (menu_has (dd_suggestion_card_get_menu (card), "board.move-to",
                            g_variant_new ("(xs)", id, "closed")));

  /* As the menu item does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "board.move-to", "(xs)", id, "assigned"));
  views_test_iterate ();
  dialog = DD_MOVE_DIALOG (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (dd_move_dialog_get_form (dialog), ==, "assign");
  g_assert_cmpint (dd_move_dialog_get_kind (dialog), ==, DD_TRANSITION_ASSIGN);
  /* The deadline the rule gives is shown before anything is saved. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dd_move_dialog_get_field (dialog, "deadline"))),
                            "after the assignment"));

  /* No lead unit: the model's message in the dialog, nothing written. */
  g_assert_false (dd_move_dialog_save (dialog));
  g_assert_nonnull (dd_move_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (dd_move_dialog_get_field (dialog, "lead-unit"),
                                                                    ADW_TYPE_ACTION_ROW), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (state_of (f, id), ==, "under_review");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audit);

  /* A lead unit, then Save (as the button does). */
  g_assert_true (dd_move_dialog_choose_unit (dialog, "lead-unit", unit));
  g_assert_null (dd_move_dialog_get_error (dialog));
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.save", NULL));
  views_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);

  g_assert_cmpstr (state_of (f, id), ==, "assigned");
  sql = g_strdup_printf ("SELECT deadline_on FROM suggestions WHERE id = %" G_GINT64_FORMAT, id);
  deadline = query_text (f, sql);
  g_assert_nonnull (deadline);
  g_assert_cmpstr (deadline, >, TODAY);
  g_assert_cmpint (query_int (f, "SELECT unit_id FROM suggestion_units WHERE suggestion_id = %" G_GINT64_FORMAT
                                 " AND role = 'lead'", id), ==, unit);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), >, audit);

  /* The columns follow the model. */
  g_assert_cmpuint (n_in (f, "under_review"), ==, n_review - 1);
  g_assert_cmpuint (n_in (f, "assigned"), ==, n_assigned + 1);
  g_assert_false (listed_in (f, "under_review", id));
  g_assert_true (listed_in (f, "assigned", id));

  g_free (sql);
  sql = g_strdup_printf ("SELECT number FROM suggestions WHERE id = %" G_GINT64_FORMAT, id);
  number = query_text (f, sql);
  expected_toast = g_strdup_printf ("%s is now Assigned", number);
  g_assert_cmpstr (f->last_toast, ==, expected_toast);

  /* Its card in the new column shows the unit and the deadline. */
  views_test_iterate ();
  dd_board_column_select (column (f, "assigned"), id, TRUE);
  views_test_iterate ();
  card = dd_board_column_find_card (column (f, "assigned"), id);
  g_assert_nonnull (card);
  g_assert_true (g_str_has_prefix (dd_suggestion_card_get_text (card, "unit"), "Lead: "));
  g_assert_cmpstr (dd_suggestion_card_get_text (card, "deadline"), !=, "");
}

/* A drop the workflow does not allow: refused with the model's own reason,
 * nothing written, no column changed. */
static void
test_illegal_drop (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = id_in (f, "registered", 0);
  gint64 audit = query_int (f, "SELECT count(*) FROM audit_log");
  guint counts[DD_SUGGESTION_N_COLUMNS];
  g_autoptr(DdSuggestion) suggestion = g_list_model_get_item (G_LIST_MODEL (dd_board_column_get_list (column (f, "registered"))), 0);
  guint n_toasts = f->n_toasts;

  for (guint i = 0; i < DD_SUGGESTION_N_COLUMNS; i++)
    counts[i] = dd_board_column_get_n_items (dd_suggestions_page_get_column (f->page, i));

  /* Registered straight to Closed. */
  g_assert_null (dd_suggestions_page_drop (f->page, suggestion, column (f, "closed")));
  views_test_iterate ();
  g_assert_null (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_cmpuint (f->n_toasts, ==, n_toasts + 1);
  g_assert_cmpstr (f->last_toast, ==, "A suggestion cannot move from Registered to Closed");

  /* The same by the keyboard's way, and onto "Set aside". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "board.move-to", "(xs)", id, "replied"));
  g_assert_cmpstr (f->last_toast, ==, "A suggestion cannot move from Registered to Replied");
  g_assert_null (dd_suggestions_page_drop (f->page, suggestion, column (f, "set_aside")));
  g_assert_cmpstr (f->last_toast, ==, "A suggestion cannot move from Registered to Rejected");

  /* Dropped back on its own column: nothing at all. */
  g_assert_null (dd_suggestions_page_drop (f->page, suggestion, column (f, "registered")));
  g_assert_cmpuint (f->n_toasts, ==, n_toasts + 3);

  views_test_iterate ();
  g_assert_cmpstr (state_of (f, id), ==, "registered");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audit);
  for (guint i = 0; i < DD_SUGGESTION_N_COLUMNS; i++)
    g_assert_cmpuint (dd_board_column_get_n_items (dd_suggestions_page_get_column (f->page, i)), ==, counts[i]);
}

/* A legal drop on "Set aside" asks which way; a move needing no data is made at once. */
static void
test_legal_drops (Fixture       *f,
                  gconstpointer  data)
{
  gint64 registered = id_in (f, "registered", 0);
  gint64 reviewed = id_in (f, "under_review", 0);
  g_autoptr(DdSuggestion) suggestion = NULL;
  DdMoveDialog *dialog;

  /* Registered → Under review needs nothing: done, with a toast. */
  g_assert_null (dd_suggestions_page_move (f->page, registered, "under_review"));
  views_test_iterate ();
  g_assert_cmpstr (state_of (f, registered), ==, "under_review");
  g_assert_true (listed_in (f, "under_review", registered));
  g_assert_true (g_str_has_suffix (f->last_toast, " is now Under review"));

  suggestion = g_list_model_get_item (G_LIST_MODEL (dd_board_column_get_list (column (f, "under_review"))),
                                      dd_query_model_find (DD_QUERY_MODEL (dd_board_column_get_list (column (f, "under_review"))),
                                                           reviewed));
  dialog = dd_suggestions_page_drop (f->page, suggestion, column (f, "set_aside"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (dd_move_dialog_get_target (dialog), ==, "rejected");
  g_assert_cmpstr (dd_move_dialog_get_form (dialog), ==, "reject");
  dd_move_dialog_set_target (dialog, "transferred_out");
  g_assert_cmpstr (dd_move_dialog_get_form (dialog), ==, "transfer-out");
  dd_move_dialog_set_target (dialog, "rejected");
  gtk_editable_set_text (GTK_EDITABLE (dd_move_dialog_get_field (dialog, "reason")), "不属于本级人大职权范围");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.save", NULL));
  views_test_iterate ();
  g_assert_null (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_cmpstr (state_of (f, reviewed), ==, "rejected");
  g_assert_true (listed_in (f, "set_aside", reviewed));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM suggestions WHERE id = %" G_GINT64_FORMAT
                                 " AND rejection_reason = '不属于本级人大职权范围'", reviewed), ==, 1);
}

/* A category narrows every column, as the model's own lists with that filter. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GtkDropDown *categories = GTK_DROP_DOWN (views_test_child (f->page, DD_TYPE_SUGGESTIONS_PAGE, "category_dropdown"));
  GtkStack *board = GTK_STACK (views_test_child (f->page, DD_TYPE_SUGGESTIONS_PAGE, "board_stack"));
  g_autoptr(DdSuggestionFilter) filter = dd_suggestion_filter_new ();
  guint education = 0;
  gint64 shown = 0;

  while (g_strcmp0 (dd_suggestion_categories[education], "education") != 0)
    education++;
  /* Choice 0 is "All Categories". */
  gtk_drop_down_set_selected (categories, education + 1);
  views_test_iterate ();
  g_assert_cmpstr (dd_suggestion_filter_get_category (dd_suggestions_page_get_filter (f->page)), ==, "education");
  dd_suggestion_filter_set_category (filter, "education");

  for (guint i = 0; i < DD_SUGGESTION_N_COLUMNS; i++)
    {
      DdBoardColumn *c = dd_suggestions_page_get_column (f->page, i);
      g_autoptr(DdSuggestionList) own = dd_suggestion_list_new (f->store, dd_suggestion_columns[i].states, filter);
      g_autofree char *where = states_sql (i);
      guint n = dd_board_column_get_n_items (c);

      g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (own)));
      g_assert_cmpint (n, ==, query_int (f, "SELECT count(*) FROM suggestions WHERE %s AND category = 'education'",
                                         where));
      for (guint j = 0; j < n; j++)
        g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (dd_board_column_get_list (c)), j), ==,
                         dd_query_model_get_id (DD_QUERY_MODEL (own), j));
      shown += n;
    }
  g_assert_cmpint (shown, >, 0);
  g_assert_cmpint (shown, <, query_int (f, "SELECT count(*) FROM suggestions"));
  g_assert_true (gtk_widget_is_sensitive (views_test_child (f->page, DD_TYPE_SUGGESTIONS_PAGE, "clear_button")));

  /* Nothing matches: the board says so and offers to clear the filters. */
  gtk_editable_set_text (GTK_EDITABLE (views_test_child (f->page, DD_TYPE_SUGGESTIONS_PAGE, "search_entry")),
                         "qqqzzz");
  dd_suggestion_filter_set_search (dd_suggestions_page_get_filter (f->page), "qqqzzz");
  views_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (board), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (views_test_child (f->page, DD_TYPE_SUGGESTIONS_PAGE,
                                                                                  "empty_page"))),
                   ==, "No Matching Suggestions");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "board.clear-filters", NULL));
  views_test_iterate ();
  g_assert_true (dd_suggestion_filter_is_empty (dd_suggestions_page_get_filter (f->page)));
  g_assert_cmpuint (gtk_drop_down_get_selected (categories), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (board), ==, "board");
  g_assert_cmpuint (n_in (f, "under_review"), ==,
                    query_int (f, "SELECT count(*) FROM suggestions WHERE state = 'under_review'"));
}

/* Three selected, one of them registered: two assigned, one refused with
 * the model's reason in the summary, unchanged. */
static void
test_bulk_assign (Fixture       *f,
                  gconstpointer  data)
{
  gint64 first = id_in (f, "under_review", 0);
  gint64 second = id_in (f, "under_review", 1);
  gint64 early = id_in (f, "registered", 0);
  gint64 unit = any_active_unit (f);
  guint n_assigned = n_in (f, "assigned");
  g_autoptr(GArray) selected = NULL;
  DdMoveDialog *dialog;
  DdBulkDialog *summary;
  const char *reason;

  g_assert_true (dd_board_column_select (column (f, "under_review"), first, TRUE));
  g_assert_true (dd_board_column_select (column (f, "under_review"), second, FALSE));
  g_assert_true (dd_board_column_select (column (f, "registered"), early, FALSE));
  views_test_iterate ();
  selected = dd_suggestions_page_dup_selected (f->page);
  g_assert_cmpuint (selected->len, ==, 3);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (views_test_child (f->page, DD_TYPE_SUGGESTIONS_PAGE,
                                                                                 "bulk_revealer"))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "board.bulk-assign", NULL));
  views_test_iterate ();
  dialog = DD_MOVE_DIALOG (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (dd_move_dialog_get_form (dialog), ==, "assign");
  g_assert_true (dd_move_dialog_choose_unit (dialog, "lead-unit", unit));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.save", NULL));
  views_test_iterate ();
  g_assert_null (find_window (DD_TYPE_MOVE_DIALOG));

  summary = DD_BULK_DIALOG (find_window (DD_TYPE_BULK_DIALOG));
  g_assert_nonnull (summary);
  g_assert_cmpuint (dd_bulk_dialog_get_n_moved (summary), ==, 2);
  g_assert_cmpuint (dd_bulk_dialog_get_n_refused (summary), ==, 1);
  g_assert_null (dd_bulk_dialog_get_reason (summary, first));
  g_assert_null (dd_bulk_dialog_get_reason (summary, second));
  reason = dd_bulk_dialog_get_reason (summary, early);
  g_assert_nonnull (reason);
  /* The workflow's words, naming the state it is in. */
  g_assert_nonnull (strstr (reason, "Registered"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), ==,
                   "2 of 3 suggestions done. Each was checked on its own; the one not done is unchanged.");

  g_assert_cmpstr (state_of (f, first), ==, "assigned");
  g_assert_cmpstr (state_of (f, second), ==, "assigned");
  g_assert_cmpstr (state_of (f, early), ==, "registered");
  g_assert_cmpuint (n_in (f, "assigned"), ==, n_assigned + 2);
  g_assert_true (listed_in (f, "registered", early));
  /* The selection went with the move. */
  g_clear_pointer (&selected, g_array_unref);
  selected = dd_suggestions_page_dup_selected (f->page);
  g_assert_cmpuint (selected->len, ==, 0);

  g_object_ref (summary);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (summary), "close");
  gtk_window_close (GTK_WINDOW (summary));
  views_test_iterate ();
  g_assert_finalize_object (summary);
}

/* From an assigned card's menu: key supervision refused without its leading
 * official, inline, then set; another lead unit, the state kept. */
static void
test_supervise_transfer (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = id_in (f, "assigned", 0);
  gint64 other_unit = query_int (f, "SELECT id FROM units WHERE active = 1 AND id NOT IN "
                                    "(SELECT unit_id FROM suggestion_units WHERE suggestion_id = %" G_GINT64_FORMAT ") "
                                    "ORDER BY name LIMIT 1", id);
  gint64 audit = query_int (f, "SELECT count(*) FROM audit_log");
  DdSuggestionCard *card = dd_board_column_find_card (column (f, "assigned"), id);
  DdMoveDialog *dialog;

  g_assert_nonnull (card);
  g_assert_true (menu_has (dd_suggestion_card_get_menu (card), "board.supervise", g_variant_new_int64 (id)));
  g_assert_true (menu_has (dd_suggestion_card_get_menu (card), "board.transfer-unit", g_variant_new_int64 (id)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "board.supervise", "x", id));
  views_test_iterate ();
  dialog = DD_MOVE_DIALOG (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (dd_move_dialog_get_form (dialog), ==, "supervision");
  /* Key (the second mode), no leading official: refused where it is missing. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dd_move_dialog_get_field (dialog, "mode")), 1);
  g_assert_false (dd_move_dialog_save (dialog));
  g_assert_nonnull (dd_move_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (dd_move_dialog_get_field (dialog, "leader"), "error"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audit);

  gtk_editable_set_text (GTK_EDITABLE (dd_move_dialog_get_field (dialog, "leader")), "李副主任");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.save", NULL));
  views_test_iterate ();
  g_assert_null (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM supervisions WHERE suggestion_id = %" G_GINT64_FORMAT
                                 " AND mode = 'key' AND leader_name = '李副主任' AND ended_on IS NULL", id), ==, 1);
  card = dd_board_column_find_card (column (f, "assigned"), id);
  g_assert_nonnull (card);
  g_assert_cmpstr (dd_suggestion_card_get_text (card, "supervision"), ==, "Key supervision");

  /* Another lead unit: still assigned, now led by it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "board.transfer-unit", "x", id));
  views_test_iterate ();
  dialog = DD_MOVE_DIALOG (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_cmpstr (dd_move_dialog_get_form (dialog), ==, "transfer-unit");
  g_assert_true (dd_move_dialog_choose_unit (dialog, "transfer-unit", other_unit));
  gtk_editable_set_text (GTK_EDITABLE (dd_move_dialog_get_field (dialog, "transfer-reason")), "职责调整");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.save", NULL));
  views_test_iterate ();
  g_assert_null (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_cmpstr (state_of (f, id), ==, "assigned");
  g_assert_cmpint (query_int (f, "SELECT unit_id FROM suggestion_units WHERE suggestion_id = %" G_GINT64_FORMAT
                                 " AND role = 'lead'", id), ==, other_unit);
  g_assert_nonnull (strstr (f->last_toast, " is now handled by "));
}

/* Enter (or a double click) on a card opens its detail beside the board;
 * the detail's "Move To…" opens the board's form; Esc closes the detail. */
static void
test_detail (Fixture       *f,
             gconstpointer  data)
{
  DdBoardColumn *review = column (f, "under_review");
  gint64 id = id_in (f, "under_review", 0);
  DdSuggestionDetail *detail = DD_SUGGESTION_DETAIL (views_test_child (f->page, DD_TYPE_SUGGESTIONS_PAGE, "detail"));
  DdMoveDialog *dialog;

  g_assert_cmpint (dd_suggestions_page_get_detail_id (f->page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dd_board_column_get_list_view (review)),
                                             "list.activate-item", "u", 0));
  views_test_iterate ();
  g_assert_cmpint (dd_suggestions_page_get_detail_id (f->page), ==, id);
  g_assert_cmpint (dd_suggestion_detail_get_suggestion_id (detail), ==, id);

  /* The detail asks; the board's form answers. */
  g_signal_emit_by_name (detail, "move-requested", "assigned");
  views_test_iterate ();
  dialog = DD_MOVE_DIALOG (find_window (DD_TYPE_MOVE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (dd_move_dialog_get_form (dialog), ==, "assign");
  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  views_test_iterate ();
  g_assert_finalize_object (dialog);
  g_assert_cmpstr (state_of (f, id), ==, "under_review");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "board.escape", NULL));
  views_test_iterate ();
  g_assert_cmpint (dd_suggestions_page_get_detail_id (f->page), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/views/suggestions/columns", Fixture, NULL, fixture_setup, test_columns, fixture_teardown);
  g_test_add ("/views/suggestions/move-assign", Fixture, NULL, fixture_setup, test_move_assign,
              fixture_teardown);
  g_test_add ("/views/suggestions/illegal-drop", Fixture, NULL, fixture_setup, test_illegal_drop,
              fixture_teardown);
  g_test_add ("/views/suggestions/legal-drops", Fixture, NULL, fixture_setup, test_legal_drops,
              fixture_teardown);
  g_test_add ("/views/suggestions/filter", Fixture, NULL, fixture_setup, test_filter, fixture_teardown);
  g_test_add ("/views/suggestions/detail", Fixture, NULL, fixture_setup, test_detail, fixture_teardown);
  g_test_add ("/views/suggestions/supervise-transfer", Fixture, NULL, fixture_setup, test_supervise_transfer,
              fixture_teardown);
  g_test_add ("/views/suggestions/bulk-assign", Fixture, NULL, fixture_setup, test_bulk_assign,
              fixture_teardown);

  return g_test_run ();
}
