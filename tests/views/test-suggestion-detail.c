/* test-suggestion-detail.c: the suggestion detail on the small demo: a
 * suggestion handled in the app shows its history as the audit log has it,
 * and one from the records its replies, evaluations and rounds; the form
 * refuses an empty title inline and writes nothing, saves a valid edit
 * with its audit entry and a toast; key supervision needs its leader,
 * inline; "Move To…" asks the board; the detail follows the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "dd-codes.h"
#include "dd-demo.h"
#include "dd-suggestion-detail.h"
#include "dd-suggestion-facts.h"
#include "dd-supervision-flag.h"
#include "dd-workflow.h"
#include "views-test.h"

#define OPERATOR "张敏"

typedef struct
{
  char               *path;
  DdStore            *store;
  DdContext          *context;
  GtkWidget          *window;
  DdSuggestionDetail *detail;
  char               *last_toast;
  char               *last_move;
  guint               n_notified;
} Fixture;

/* Helpers: SQL through a connection of the test's own, as any SQLite tool sees the file */

static GPtrArray *
query_strings (Fixture    *f,
               const char *sql)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      g_ptr_array_add (values, g_strdup (text != NULL ? text : ""));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return values;
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  g_autoptr(GPtrArray) values = query_strings (f, sql);

  return values->len > 0 ? g_strdup (g_ptr_array_index (values, 0)) : NULL;
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autofree char *text = query_text (f, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static gint64
query_id (Fixture    *f,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static gint64
query_id (Fixture    *f,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list args;
  gint64 id;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  id = query_int (f, sql);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
on_toast_cb (GtkWidget *detail,
             AdwToast  *toast,
             Fixture   *f)
{
  g_free (f->last_toast);
  f->last_toast = g_strdup (adw_toast_get_title (toast));
}

static void
on_move_requested_cb (GtkWidget  *detail,
                      const char *target,
                      Fixture    *f)
{
  g_free (f->last_move);
  f->last_move = g_strdup (target);
}

static void
on_notify_suggestion_cb (GObject    *object,
                         GParamSpec *pspec,
                         Fixture    *f)
{
  f->n_notified++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { .size = DD_DEMO_SMALL, .seed = 7, .anchor = "2025-11-30" };

  f->path = views_test_make_path ();
  f->store = dd_store_open (f->path, DD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (dd_demo_generate (f->store, &options, &error));
  g_assert_no_error (error);
  dd_store_set_frozen_time (f->store, "2025-12-01T09:00:00");

  f->context = views_test_context_new (f->store);
  /* Who the audit log names: the office's setting, as in the app. */
  g_settings_set_string (dd_context_get_settings (f->context), "operator-name", OPERATOR);
  g_assert_cmpstr (dd_store_get_operator (f->store), ==, OPERATOR);
  f->detail = DD_SUGGESTION_DETAIL (dd_suggestion_detail_new (f->context));
  g_signal_connect (f->detail, "add-toast", G_CALLBACK (on_toast_cb), f);
  g_signal_connect (f->detail, "move-requested", G_CALLBACK (on_move_requested_cb), f);
  g_signal_connect (f->detail, "notify::suggestion", G_CALLBACK (on_notify_suggestion_cb), f);
  f->window = views_test_show (GTK_WIDGET (f->detail));
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
  g_free (f->last_move);
}

static void
show (Fixture *f,
      gint64   id)
{
  g_assert_true (dd_suggestion_detail_show_id (f->detail, id));
  views_test_iterate ();
  g_assert_cmpint (dd_suggestion_detail_get_suggestion_id (f->detail), ==, id);
}

static GtkListBox *
list (Fixture    *f,
      const char *id)
{
  return GTK_LIST_BOX (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL, id));
}

/* A row's title: an AdwPreferencesRow's, or the first label of a plain row. */
static const char *
row_title (GtkListBoxRow *row)
{
  GtkWidget *child;

  if (ADW_IS_PREFERENCES_ROW (row))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  child = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_label (GTK_LABEL (child));
}

static GPtrArray *
list_titles (GtkListBox *box)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (box, i)) != NULL; i++)
    g_ptr_array_add (titles, g_strdup (row_title (row)));
  return titles;
}

static guint
index_of (GPtrArray  *titles,
          const char *prefix,
          guint       from)
{
  for (guint i = from; i < titles->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (titles, i), prefix))
      return i;
  g_error ("no row “%s…” from %u", prefix, from);
  return 0;
}

/* Moves a registered demo suggestion on to closed, as the office would in
 * the app, each step at its own time: registered before the log knew it,
 * the rest told by the audit log. */
static gint64
handle_in_app (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) proposers = NULL;
  gint64 id = query_id (f, "SELECT id FROM suggestions WHERE state = 'registered' "
                           "AND kind = 'deputy_suggestion' ORDER BY id LIMIT 1");
  gint64 lead = query_id (f, "SELECT id FROM units WHERE active = 1 ORDER BY id LIMIT 1");
  gint64 co = query_id (f, "SELECT id FROM units WHERE active = 1 ORDER BY id LIMIT 1 OFFSET 1");
  DdAssignment assignment = { lead, &co, 1, "2025-12-02", NULL };
  DdSupervisionStart start = { "key", "王正阳", "2025-12-03", NULL };
  DdReplyInput reply = { 0, "A", "已完成道路标线施划和信号灯配时优化。", "2026-01-14", TRUE };
  DdClosing closing = { "2026-01-23", TRUE };
  DdVerdict verdicts[8];
  DdEvaluationInput evaluation;

  dd_store_set_frozen_time (f->store, "2025-12-01T09:12:00");
  g_assert_true (dd_workflow_start_review (f->store, id, &error));
  dd_store_set_frozen_time (f->store, "2025-12-02T10:05:00");
  g_assert_true (dd_workflow_assign (f->store, id, &assignment, &error));
  dd_store_set_frozen_time (f->store, "2025-12-03T15:40:00");
  g_assert_true (dd_supervision_start (f->store, id, &start, NULL, &error));
  dd_store_set_frozen_time (f->store, "2025-12-04T09:00:00");
  g_assert_true (dd_workflow_start_handling (f->store, id, &error));
  dd_store_set_frozen_time (f->store, "2026-01-14T16:20:00");
  g_assert_true (dd_workflow_reply (f->store, id, &reply, &error));
  g_assert_no_error (error);

  proposers = dd_suggestion_dup_proposer_ids (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposers->len, >, 0);
  g_assert_cmpuint (proposers->len, <=, G_N_ELEMENTS (verdicts));
  for (guint i = 0; i < proposers->len; i++)
    verdicts[i] = (DdVerdict) { g_array_index (proposers, gint64, i), i == 0 ? "satisfied" : "basically_satisfied",
                                NULL };
  evaluation = (DdEvaluationInput) { verdicts, proposers->len, "2026-01-20" };
  dd_store_set_frozen_time (f->store, "2026-01-20T11:00:00");
  g_assert_true (dd_workflow_evaluate (f->store, id, &evaluation, &error));
  dd_store_set_frozen_time (f->store, "2026-01-23T14:45:00");
  g_assert_true (dd_workflow_close (f->store, id, &closing, &error));
  g_assert_no_error (error);
  return id;
}

/* Tests */

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL, "stack"));
  gint64 id = query_id (f, "SELECT id FROM suggestions WHERE state = 'closed' ORDER BY id LIMIT 1");

  g_assert_null (dd_suggestion_detail_get_suggestion (f->detail));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  show (f, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "detail");
  g_assert_cmpuint (f->n_notified, ==, 1);
  g_object_set (f->detail, "suggestion", NULL, NULL);
  views_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpint (dd_suggestion_detail_get_suggestion_id (f->detail), ==, 0);
  g_assert_cmpuint (f->n_notified, ==, 2);
}

/* A closed suggestion handled in the app: the timeline is the audit log's,
 * in its order, with the replies and evaluations shown. */
static void
test_closed_timeline (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id = handle_in_app (f);
  gint64 n_proposers;
  guint at, state_row = 0;
  AdwPreferencesGroup *history_group;

  show (f, id);
  titles = list_titles (list (f, "history_list"));
  for (guint i = 0; i < titles->len; i++)
    g_test_message ("%u. %s", i, (const char *) g_ptr_array_index (titles, i));

  /* Every event the model tells, in its order. */
  events = dd_suggestion_dup_timeline (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (titles->len, ==, events->len);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpstr (g_ptr_array_index (titles, i), ==,
                     ((DdTimelineEvent *) g_ptr_array_index (events, i))->text);

  /* The state changes are the audit log's, one row each, in the log's order. */
  sql = g_strdup_printf ("SELECT old_value || '>' || new_value FROM audit_log WHERE entity = 'suggestions' "
                         "AND entity_id = %" G_GINT64_FORMAT " AND field = 'state' "
                         "AND old_value IS NOT NULL ORDER BY id", id);  /* moves, not the creation */
  states = query_strings (f, sql);
  g_assert_cmpuint (states->len, ==, 6);
  for (guint s = 0; s < states->len; s++)
    {
      g_auto(GStrv) pair = g_strsplit (g_ptr_array_index (states, s), ">", 2);
      g_autofree char *expected = g_strdup_printf ("State: %s → %s",
                                                   dd_code_label (dd_suggestion_states, pair[0]),
                                                   dd_code_label (dd_suggestion_states, pair[1]));

      state_row = index_of (titles, expected, state_row) + 1;
    }

  /* The story, in order: registered (before the log), assigned with its
   * units, key supervision, the reply, the verdicts, closed, supervision over. */
  at = index_of (titles, "Registered as a deputy’s suggestion", 0);
  g_assert_cmpuint (at, ==, 0);
  at = index_of (titles, "State: Registered → Under review", at);
  at = index_of (titles, "State: Under review → Assigned", at);
  at = index_of (titles, "Assigned to ", at);
  g_assert_nonnull (strstr (g_ptr_array_index (titles, at), "(lead)"));
  g_assert_nonnull (strstr (g_ptr_array_index (titles, at), "(co-handling); reply deadline "));
  at = index_of (titles, "Supervision started: Key, led by 王正阳", at);
  at = index_of (titles, "State: Assigned → Handling", at);
  at = index_of (titles, "State: Handling → Replied", at);
  at = index_of (titles, "Reply from ", at);
  at = index_of (titles, "State: Replied → Evaluated", at);
  at = index_of (titles, "Evaluated by ", at);
  at = index_of (titles, "State: Evaluated → Closed", at);
  at = index_of (titles, "Supervision ended: Key", at);
  g_assert_cmpuint (at, ==, titles->len - 1);
  history_group = ADW_PREFERENCES_GROUP (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL,
                                                           "history_group"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (history_group), "events"));

  /* The reply and one verdict per proposer. */
  replies = list_titles (list (f, "replies_list"));
  g_assert_cmpuint (replies->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (replies, 0), ==, "A: solved or adopted");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM suggestion_proposers WHERE suggestion_id = %" G_GINT64_FORMAT, id);
  n_proposers = query_int (f, sql);
  evaluations = list_titles (list (f, "evaluations_list"));
  g_assert_cmpuint (evaluations->len, ==, n_proposers);
}

/* A closed suggestion from the records (the demo writes no audit log): its
 * replies, verdicts and rounds, from the records, dated. */
static void
test_records_timeline (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autofree char *sql = NULL;
  gint64 id = query_id (f, "SELECT id FROM suggestions WHERE state = 'closed' AND round = 2 "
                           "ORDER BY id LIMIT 1");
  GtkListBoxRow *first;
  guint at;

  show (f, id);
  titles = list_titles (list (f, "history_list"));
  at = index_of (titles, "Registered as a", 0);
  at = index_of (titles, "Assigned to ", at);
  at = index_of (titles, "Reply from ", at);
  at = index_of (titles, "Evaluated by ", at);
  at = index_of (titles, "Back to handling for round 2", at);
  at = index_of (titles, "Reply from ", at);
  at = index_of (titles, "Evaluated by ", at);
  at = index_of (titles, "State: Evaluated → Closed", at);
  first = gtk_list_box_get_row_at_index (list (f, "history_list"), 0);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), "from the records"));

  sql = g_strdup_printf ("SELECT count(*) FROM replies WHERE suggestion_id = %" G_GINT64_FORMAT, id);
  replies = list_titles (list (f, "replies_list"));
  g_assert_cmpuint (replies->len, ==, query_int (f, sql));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM evaluations WHERE suggestion_id = %" G_GINT64_FORMAT, id);
  evaluations = list_titles (list (f, "evaluations_list"));
  g_assert_cmpuint (evaluations->len, ==, query_int (f, sql));
  g_assert_cmpuint (evaluations->len, >=, 2);
}

/* An empty title: shown under its row, nothing written. A valid edit:
 * saved, audited, a toast, and the history says so. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  gint64 id = query_id (f, "SELECT id FROM suggestions WHERE state = 'registered' ORDER BY id LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT title FROM suggestions WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *before = query_text (f, sql);
  g_autofree char *audit_sql = g_strdup_printf ("SELECT old_value || '|' || new_value || '|' || operator "
                                                "FROM audit_log WHERE entity = 'suggestions' AND entity_id = %"
                                                G_GINT64_FORMAT " AND field = 'title'", id);
  g_autofree char *expected_audit = NULL;
  g_autofree char *after = NULL;
  g_autofree char *audited = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  gint64 audit_rows = views_test_count_rows (f->path, "audit_log");
  GtkWidget *title_row;
  GtkWidget *date_row;
  GtkStack *sections = GTK_STACK (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL, "sections"));

  show (f, id);
  title_row = dd_suggestion_detail_get_row (f->detail, "title");
  date_row = dd_suggestion_detail_get_row (f->detail, "registered-on");
  g_assert_true (gtk_widget_get_sensitive (date_row));
  g_assert_false (dd_suggestion_detail_get_dirty (f->detail));
  g_assert_false (gtk_widget_is_sensitive (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL, "save_button")));

  gtk_editable_set_text (GTK_EDITABLE (title_row), "");
  g_assert_true (dd_suggestion_detail_get_dirty (f->detail));
  g_assert_false (dd_suggestion_detail_save (f->detail));
  views_test_iterate ();
  g_assert_cmpstr (dd_suggestion_detail_get_error (f->detail, "title"), ==, "Title is required");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_true (gtk_widget_get_visible (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL, "title_error")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sections), ==, "details");
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), ==, audit_rows);
  after = query_text (f, sql);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (f->last_toast);

  /* The error goes as soon as the field is edited. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "关于增设社区养老服务站点的建议");
  g_assert_null (dd_suggestion_detail_get_error (f->detail, "title"));
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));

  /* A date that is no date, refused under its own row. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2025-13-01");
  g_assert_false (dd_suggestion_detail_save (f->detail));
  g_assert_nonnull (strstr (dd_suggestion_detail_get_error (f->detail, "registered-on"), "is not a date"));
  g_assert_null (dd_suggestion_detail_get_error (f->detail, "title"));
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), ==, audit_rows);
  dd_suggestion_detail_revert (f->detail);
  g_assert_false (dd_suggestion_detail_get_dirty (f->detail));

  gtk_editable_set_text (GTK_EDITABLE (title_row), "关于增设社区养老服务站点的建议");
  g_assert_true (dd_suggestion_detail_save (f->detail));
  views_test_iterate ();
  g_clear_pointer (&after, g_free);
  after = query_text (f, sql);
  g_assert_cmpstr (after, ==, "关于增设社区养老服务站点的建议");
  audited = query_text (f, audit_sql);
  expected_audit = g_strdup_printf ("%s|关于增设社区养老服务站点的建议|" OPERATOR, before);
  g_assert_cmpstr (audited, ==, expected_audit);
  g_assert_cmpint (views_test_count_rows (f->path, "audit_log"), ==, audit_rows + 1);
  g_assert_cmpstr (f->last_toast, ==, "Suggestion saved");
  g_assert_false (dd_suggestion_detail_get_dirty (f->detail));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL,
                                                                     "heading_label"))),
                   ==, "关于增设社区养老服务站点的建议");
  titles = list_titles (list (f, "history_list"));
  g_assert_cmpstr (g_ptr_array_index (titles, titles->len - 1), ==, "Edited: Title");
}

/* Once assigned, the registration date is fixed: the row says so. */
static void
test_edit_assigned (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = query_id (f, "SELECT id FROM suggestions WHERE state = 'handling' ORDER BY id LIMIT 1");
  GtkWidget *date_row;

  show (f, id);
  date_row = dd_suggestion_detail_get_row (f->detail, "registered-on");
  g_assert_false (gtk_widget_get_sensitive (date_row));
  g_assert_nonnull (gtk_widget_get_tooltip_text (date_row));
  g_assert_true (gtk_widget_get_sensitive (dd_suggestion_detail_get_row (f->detail, "title")));
}

/* Key supervision without its leader: an inline error, nothing written;
 * with the leader, the supervision section shows it. */
static void
test_supervision (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = query_id (f, "SELECT id FROM suggestions s WHERE state IN ('assigned', 'handling') "
                           "AND NOT EXISTS (SELECT 1 FROM supervisions v WHERE v.suggestion_id = s.id "
                           "AND v.ended_on IS NULL) ORDER BY id LIMIT 1");
  gint64 supervisions = views_test_count_rows (f->path, "supervisions");
  GtkRevealer *revealer = GTK_REVEALER (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL,
                                                          "supervision_revealer"));
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL,
                                                                        "supervision_group"));
  GtkWidget *leader_row;
  GtkWidget *mode_row;
  GtkListBoxRow *current;
  guint key = 0;

  show (f, id);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "suggestion.start-supervision", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  mode_row = dd_suggestion_detail_get_row (f->detail, "supervision-mode");
  leader_row = dd_suggestion_detail_get_row (f->detail, "supervision-leader-name");
  while (!g_str_equal (dd_supervision_modes[key], "key"))
    key++;
  adw_combo_row_set_selected (ADW_COMBO_ROW (mode_row), key);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "suggestion.confirm-supervision", NULL));
  views_test_iterate ();
  g_assert_cmpstr (dd_suggestion_detail_get_error (f->detail, "supervision-leader-name"), ==,
                   "Leading official is required for key supervision");
  g_assert_true (gtk_widget_has_css_class (leader_row, "error"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpint (views_test_count_rows (f->path, "supervisions"), ==, supervisions);
  g_assert_cmpstr (adw_preferences_group_get_description (group) ?: "", ==, "");

  gtk_editable_set_text (GTK_EDITABLE (leader_row), "王正阳");
  g_assert_null (dd_suggestion_detail_get_error (f->detail, "supervision-leader-name"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "suggestion.confirm-supervision", NULL));
  views_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpint (views_test_count_rows (f->path, "supervisions"), ==, supervisions + 1);
  g_assert_cmpstr (f->last_toast, ==, "Key supervision started");
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==, "Current: Key, led by 王正阳");
  current = gtk_list_box_get_row_at_index (list (f, "supervision_list"), 0);
  g_assert_cmpstr (row_title (current), ==, "Key, led by 王正阳");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL,
                                                                              "facts_label"))),
                            "Key supervision"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "suggestion.end-supervision", NULL));
  views_test_iterate ();
  g_assert_cmpstr (f->last_toast, ==, "Supervision ended");
  g_assert_cmpstr (adw_preferences_group_get_description (group) ?: "", ==, "");
  g_assert_false (gtk_widget_get_visible (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL,
                                                            "end_supervision_button")));
}

/* "Move To…" offers the workflow's next states and asks the board. */
static void
test_move_requested (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = query_id (f, "SELECT id FROM suggestions WHERE state = 'under_review' ORDER BY id LIMIT 1");
  GtkMenuButton *button = GTK_MENU_BUTTON (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL,
                                                             "move_button"));
  GMenuModel *menu;

  show (f, id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);

  gtk_widget_activate_action (GTK_WIDGET (f->detail), "suggestion.move", "s", "assigned");
  g_assert_cmpstr (f->last_move, ==, "assigned");
  g_clear_pointer (&f->last_move, g_free);
  /* Not a move the workflow allows from here: nothing asked. */
  gtk_widget_activate_action (GTK_WIDGET (f->detail), "suggestion.move", "s", "closed");
  g_assert_null (f->last_move);

  /* A final state offers none. */
  show (f, query_id (f, "SELECT id FROM suggestions WHERE state = 'closed' ORDER BY id LIMIT 1"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
}

/* A merged suggestion links to the one it was merged into. */
static void
test_merged_link (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = query_id (f, "SELECT id FROM suggestions WHERE state = 'merged' ORDER BY id LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT merged_into_id FROM suggestions WHERE id = %" G_GINT64_FORMAT, id);
  gint64 into = query_int (f, sql);

  show (f, id);
  g_assert_true (gtk_widget_get_visible (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL, "merged_row")));
  f->n_notified = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "suggestion.show-merged", NULL));
  views_test_iterate ();
  g_assert_cmpint (dd_suggestion_detail_get_suggestion_id (f->detail), ==, into);
  g_assert_cmpint (dd_entity_get_id (DD_ENTITY (dd_suggestion_detail_get_suggestion (f->detail))), ==, into);
  g_assert_cmpuint (f->n_notified, ==, 1);
}

/* A move made elsewhere (the board) shows at once; unsaved edits stay. */
static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 id = query_id (f, "SELECT id FROM suggestions WHERE state = 'registered' ORDER BY id LIMIT 1");
  GtkLabel *state = GTK_LABEL (views_test_child (f->detail, DD_TYPE_SUGGESTION_DETAIL, "state_label"));
  GtkWidget *title_row;

  show (f, id);
  before = list_titles (list (f, "history_list"));
  g_assert_cmpstr (gtk_label_get_label (state), ==, "Registered");
  title_row = dd_suggestion_detail_get_row (f->detail, "title");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "未保存的标题");

  g_assert_true (dd_workflow_start_review (f->store, id, &error));
  g_assert_no_error (error);
  views_test_iterate ();
  g_assert_cmpstr (gtk_label_get_label (state), ==, "Under review");
  after = list_titles (list (f, "history_list"));
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpstr (g_ptr_array_index (after, after->len - 1), ==, "State: Registered → Under review");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "未保存的标题");
  g_assert_true (dd_suggestion_detail_get_dirty (f->detail));

  /* The board hands over the same row again as a new object: the edit stays. */
  {
    g_autoptr(DdSuggestion) again = dd_suggestion_load (f->store, id, &error);

    g_assert_no_error (error);
    dd_suggestion_detail_set_suggestion (f->detail, again);
    views_test_iterate ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "未保存的标题");
    g_assert_true (dd_suggestion_detail_get_dirty (f->detail));
    g_assert_true (dd_suggestion_detail_get_suggestion (f->detail) == again);
  }

  /* Saving the edit does not write the old state back. */
  g_assert_true (dd_suggestion_detail_save (f->detail));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT state FROM suggestions WHERE id = %" G_GINT64_FORMAT, id);
    g_autofree char *stored = query_text (f, sql);

    g_assert_cmpstr (stored, ==, "under_review");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/views/suggestion-detail/empty", test_empty);
  ADD ("/views/suggestion-detail/timeline/closed-in-app", test_closed_timeline);
  ADD ("/views/suggestion-detail/timeline/from-records", test_records_timeline);
  ADD ("/views/suggestion-detail/edit/title", test_edit);
  ADD ("/views/suggestion-detail/edit/assigned", test_edit_assigned);
  ADD ("/views/suggestion-detail/supervision", test_supervision);
  ADD ("/views/suggestion-detail/move-requested", test_move_requested);
  ADD ("/views/suggestion-detail/merged-link", test_merged_link);
  ADD ("/views/suggestion-detail/follows-store", test_follows_store);

#undef ADD

  return g_test_run ();
}
