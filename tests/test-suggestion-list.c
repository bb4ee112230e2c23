/* test-suggestion-list.c: the board's columns, their filters, re-queries and query plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-demo.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-suggestion-list.h"

#define TODAY "2025-06-30"

/* The district demo, generated once for the tests that only read. */
static char *demo_dir;
static char *demo_path;

/* Filter values that select something in the demo. */
typedef struct
{
  gint64 unit_id;
  gint64 station_id;
  gint64 deputy_id;
} Values;

typedef struct
{
  const char *name;
  void      (*apply) (DdSuggestionFilter *filter,
                      const Values       *values);
  /* The same condition, written independently of the list's SQL, on `s`,
   * with :unit, :station and :deputy */
  const char *reference;
} FilterCase;

static void
apply_year (DdSuggestionFilter *filter,
            const Values       *values)
{
  dd_suggestion_filter_set_year (filter, 2024);
}

static void
apply_kind (DdSuggestionFilter *filter,
            const Values       *values)
{
  dd_suggestion_filter_set_kind (filter, "deputy_suggestion");
}

static void
apply_category (DdSuggestionFilter *filter,
                const Values       *values)
{
  dd_suggestion_filter_set_category (filter, "urban_construction");
}

static void
apply_unit (DdSuggestionFilter *filter,
            const Values       *values)
{
  dd_suggestion_filter_set_unit_id (filter, values->unit_id);
}

static void
apply_station (DdSuggestionFilter *filter,
               const Values       *values)
{
  dd_suggestion_filter_set_station_id (filter, values->station_id);
}

static void
apply_proposer (DdSuggestionFilter *filter,
                const Values       *values)
{
  dd_suggestion_filter_set_proposer_id (filter, values->deputy_id);
}

static void
apply_overdue (DdSuggestionFilter *filter,
               const Values       *values)
{
  dd_suggestion_filter_set_overdue_only (filter, TRUE);
}

static void
apply_key (DdSuggestionFilter *filter,
           const Values       *values)
{
  dd_suggestion_filter_set_key_supervision_only (filter, TRUE);
}

static void
apply_search (DdSuggestionFilter *filter,
              const Values       *values)
{
  dd_suggestion_filter_set_search (filter, "停车");
}

static const FilterCase filter_cases[] = {
  { "year", apply_year, "substr (s.registered_on, 1, 4) = '2024'" },
  { "kind", apply_kind, "s.kind = 'deputy_suggestion'" },
  { "category", apply_category, "s.category = 'urban_construction'" },
  { "unit", apply_unit,
    "EXISTS (SELECT 1 FROM suggestion_units x WHERE x.suggestion_id = s.id AND x.unit_id = :unit)" },
  { "station", apply_station, "s.station_id = :station" },
  { "proposer", apply_proposer,
    "EXISTS (SELECT 1 FROM suggestion_proposers x WHERE x.suggestion_id = s.id AND x.deputy_id = :deputy)" },
  { "overdue", apply_overdue, "s.state IN ('assigned', 'handling') AND s.deadline_on < '" TODAY "'" },
  { "key-supervision", apply_key,
    "EXISTS (SELECT 1 FROM supervisions x WHERE x.suggestion_id = s.id AND x.mode = 'key'"
    " AND x.ended_on IS NULL)" },
  { "search", apply_search, "(instr (s.title, '停车') > 0 OR instr (s.body, '停车') > 0)" },
};

#define N_CASES G_N_ELEMENTS (filter_cases)

/* Helpers */

static DdStore *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  DdStore *store = dd_store_open (demo_path, DD_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  dd_store_set_frozen_time (store, TODAY "T12:00:00");
  return store;
}

static DdStore *
new_small_store (void)
{
  g_autoptr(GError) error = NULL;
  DdStore *store = dd_store_new_in_memory (&error);
  DdDemoOptions options = { DD_DEMO_SMALL, 2, TODAY, NULL, NULL };

  g_assert_no_error (error);
  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  dd_store_set_frozen_time (store, TODAY "T12:00:00");
  return store;
}

static gint64
query_int (DdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

typedef struct
{
  const char *sql;
  const char *table;
} Write;

static gboolean
write_sql (DdStore   *store,
           gpointer   user_data,
           GError   **error)
{
  const Write *w = user_data;

  if (!dd_store_exec (store, w->sql, error))
    return FALSE;
  dd_store_note_change (store, w->table, 0);
  return TRUE;
}

/* As the model writes: one transaction, then ::changed for the table. */
static void
exec_write (DdStore    *store,
            const char *sql,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  Write w = { sql, table };

  g_assert_true (dd_store_write (store, write_sql, &w, &error));
  g_assert_no_error (error);
}

static Values
find_values (DdStore *store)
{
  Values v;

  /* Busy ones, so that combinations still select something. */
  v.unit_id = query_int (store, "SELECT unit_id FROM suggestion_units GROUP BY unit_id "
                                "ORDER BY count(*) DESC, unit_id LIMIT 1");
  v.station_id = query_int (store, "SELECT station_id FROM suggestions WHERE station_id IS NOT NULL "
                                   "GROUP BY station_id ORDER BY count(*) DESC, station_id LIMIT 1");
  v.deputy_id = query_int (store, "SELECT deputy_id FROM suggestion_proposers GROUP BY deputy_id "
                                  "ORDER BY count(*) DESC, deputy_id LIMIT 1");
  return v;
}

static void
bind_values (sqlite3_stmt *stmt,
             const Values *v)
{
  int i;

  if ((i = sqlite3_bind_parameter_index (stmt, ":unit")) > 0)
    sqlite3_bind_int64 (stmt, i, v->unit_id);
  if ((i = sqlite3_bind_parameter_index (stmt, ":station")) > 0)
    sqlite3_bind_int64 (stmt, i, v->station_id);
  if ((i = sqlite3_bind_parameter_index (stmt, ":deputy")) > 0)
    sqlite3_bind_int64 (stmt, i, v->deputy_id);
}

/* The cases in @mask, applied as one change. */
static void
apply_mask (DdSuggestionFilter *filter,
            guint               mask,
            const Values       *values)
{
  g_object_freeze_notify (G_OBJECT (filter));
  dd_suggestion_filter_clear (filter);
  for (guint c = 0; c < N_CASES; c++)
    if (mask & (1u << c))
      filter_cases[c].apply (filter, values);
  g_object_thaw_notify (G_OBJECT (filter));
}

static char *
mask_name (guint mask)
{
  GString *name = g_string_new (NULL);

  for (guint c = 0; c < N_CASES; c++)
    if (mask & (1u << c))
      g_string_append_printf (name, "%s%s", name->len > 0 ? "+" : "", filter_cases[c].name);
  if (name->len == 0)
    g_string_append (name, "none");
  return g_string_free (name, FALSE);
}

/* The ids the independent query gives for @states and the cases in @mask. */
static GArray *
reference_ids (DdStore            *store,
               const char * const *states,
               guint               mask,
               const Values       *values)
{
  g_autoptr(GString) sql = g_string_new ("SELECT s.id FROM suggestions s WHERE 1");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean deadline_order = states != NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (states != NULL)
    {
      g_string_append (sql, " AND s.state IN (");
      for (guint i = 0; states[i] != NULL; i++)
        {
          g_string_append_printf (sql, "%s'%s'", i > 0 ? ", " : "", states[i]);
          deadline_order = deadline_order && (g_str_equal (states[i], "assigned") ||
                                               g_str_equal (states[i], "handling"));
        }
      g_string_append (sql, ")");
    }
  for (guint c = 0; c < N_CASES; c++)
    if (mask & (1u << c))
      g_string_append_printf (sql, " AND (%s)", filter_cases[c].reference);
  g_string_append (sql, deadline_order ? " ORDER BY s.deadline_on, s.id"
                                       : " ORDER BY s.registered_on DESC, s.id DESC");

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  bind_values (stmt, values);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return ids;
}

static void
assert_list_is (DdSuggestionList *list,
                GArray           *expected,
                const char       *what)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (n != expected->len)
    g_error ("%s: the list has %u suggestions, the reference %u", what, n, expected->len);
  for (guint i = 0; i < n; i++)
    if (dd_query_model_get_id (DD_QUERY_MODEL (list), i) != g_array_index (expected, gint64, i))
      g_error ("%s: the list and the reference differ at %u", what, i);
}

/* The board's 8 columns and a list of every state, on one filter. */
typedef struct
{
  DdSuggestionFilter *filter;
  DdSuggestionList   *lists[DD_SUGGESTION_N_COLUMNS + 1];
} Board;

static void
board_init (Board   *board,
            DdStore *store)
{
  board->filter = dd_suggestion_filter_new ();
  for (guint i = 0; i < DD_SUGGESTION_N_COLUMNS; i++)
    board->lists[i] = dd_suggestion_list_new (store, dd_suggestion_columns[i].states, board->filter);
  board->lists[DD_SUGGESTION_N_COLUMNS] = dd_suggestion_list_new (store, NULL, board->filter);
}

static void
board_clear (Board *board)
{
  for (guint i = 0; i < G_N_ELEMENTS (board->lists); i++)
    g_assert_finalize_object (board->lists[i]);
  g_assert_finalize_object (board->filter);
}

static const char * const *
board_states (guint i)
{
  return i < DD_SUGGESTION_N_COLUMNS ? dd_suggestion_columns[i].states : NULL;
}

/* Tests */

static void
test_columns (void)
{
  g_autoptr(DdStore) store = open_demo ();
  Board board;
  guint total = 0;

  board_init (&board, store);
  for (guint i = 0; i < DD_SUGGESTION_N_COLUMNS; i++)
    {
      g_autoptr(GArray) expected = reference_ids (store, board_states (i), 0, NULL);

      assert_list_is (board.lists[i], expected, dd_suggestion_columns[i].name);
      g_assert_cmpuint (expected->len, >, 0);
      total += expected->len;
      /* Awaiting a reply: by deadline; the others newest first. */
      g_assert_cmpint (dd_suggestion_list_get_order (board.lists[i]), ==,
                       g_str_equal (dd_suggestion_columns[i].name, "assigned") ||
                       g_str_equal (dd_suggestion_columns[i].name, "handling")
                       ? DD_SUGGESTION_ORDER_DEADLINE : DD_SUGGESTION_ORDER_NEWEST);
    }
  /* Every suggestion is in exactly one column. */
  g_assert_cmpuint (total, ==, query_int (store, "SELECT count(*) FROM suggestions"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board.lists[DD_SUGGESTION_N_COLUMNS])),
                    ==, total);
  board_clear (&board);
}

static void
test_filters_match_sql (void)
{
  g_autoptr(DdStore) store = open_demo ();
  Values values = find_values (store);
  g_autoptr(GArray) masks = g_array_new (FALSE, FALSE, sizeof (guint));
  guint all = (1u << N_CASES) - 1;
  guint n_nonempty = 0, n_checked = 0;
  Board board;

  /* Each filter alone, every pair, every filter but one, and all of them. */
  for (guint a = 0; a < N_CASES; a++)
    {
      guint alone = 1u << a, all_but = all & ~alone;

      g_array_append_val (masks, alone);
      g_array_append_val (masks, all_but);
      for (guint b = a + 1; b < N_CASES; b++)
        {
          guint pair = (1u << a) | (1u << b);
          g_array_append_val (masks, pair);
        }
    }
  g_array_append_val (masks, all);

  board_init (&board, store);
  for (guint m = 0; m < masks->len; m++)
    {
      guint mask = g_array_index (masks, guint, m);
      g_autofree char *name = mask_name (mask);

      apply_mask (board.filter, mask, &values);
      for (guint i = 0; i < G_N_ELEMENTS (board.lists); i++)
        {
          g_autoptr(GArray) expected = reference_ids (store, board_states (i), mask, &values);
          g_autofree char *what = g_strdup_printf ("%s, column %s", name,
                                                   i < DD_SUGGESTION_N_COLUMNS
                                                   ? dd_suggestion_columns[i].name : "(all)");

          assert_list_is (board.lists[i], expected, what);
          n_nonempty += expected->len > 0;
          n_checked++;
        }
    }
  g_test_message ("%u of %u filtered lists non-empty", n_nonempty, n_checked);
  g_assert_cmpuint (n_nonempty, >, n_checked / 4);

  /* Each filter alone selects something in the whole board. */
  for (guint c = 0; c < N_CASES; c++)
    {
      apply_mask (board.filter, 1u << c, &values);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board.lists[DD_SUGGESTION_N_COLUMNS])),
                        >, 0);
    }
  board_clear (&board);
}

static guint n_column_queries;

static int
on_trace_cb (unsigned  type,
             void     *context,
             void     *p,
             void     *x)
{
  const char *sql = x;

  if (g_str_has_prefix (sql, "SELECT s.id FROM suggestions s"))
    n_column_queries++;
  return 0;
}

static void
test_one_requery_per_column (void)
{
  g_autoptr(DdStore) store = open_demo ();
  Values values = find_values (store);
  Board board;

  board_init (&board, store);
  sqlite3_trace_v2 (dd_store_get_db (store), SQLITE_TRACE_STMT, on_trace_cb, NULL);

  /* One setter: each column once. */
  n_column_queries = 0;
  dd_suggestion_filter_set_category (board.filter, "transport");
  g_assert_cmpuint (n_column_queries, ==, G_N_ELEMENTS (board.lists));

  /* The same value again: nothing. */
  n_column_queries = 0;
  dd_suggestion_filter_set_category (board.filter, "transport");
  g_assert_cmpuint (n_column_queries, ==, 0);

  /* Several filters in one g_object_set(): still each column once. */
  n_column_queries = 0;
  g_object_set (board.filter, "unit-id", values.unit_id, "year", 2024, "search", "道路", NULL);
  g_assert_cmpuint (n_column_queries, ==, G_N_ELEMENTS (board.lists));

  /* Clearing them all is one change too. */
  n_column_queries = 0;
  dd_suggestion_filter_clear (board.filter);
  g_assert_cmpuint (n_column_queries, ==, G_N_ELEMENTS (board.lists));
  g_assert_true (dd_suggestion_filter_is_empty (board.filter));

  /* A search of spaces only is no search, but still a change of the text. */
  n_column_queries = 0;
  dd_suggestion_filter_set_search (board.filter, "  ");
  g_assert_true (dd_suggestion_filter_is_empty (board.filter));
  g_assert_cmpuint (n_column_queries, ==, G_N_ELEMENTS (board.lists));

  sqlite3_trace_v2 (dd_store_get_db (store), 0, NULL, NULL);
  board_clear (&board);
}

/* The query a list runs, with its parameters bound, for EXPLAIN. */
static sqlite3_stmt *
prepare_explain (DdStore          *store,
                 DdSuggestionList *list)
{
  g_autoptr(GString) sql = g_string_new ("EXPLAIN QUERY PLAN ");
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;

  DD_QUERY_MODEL_GET_CLASS (list)->build_query (DD_QUERY_MODEL (list), sql, params);
  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < params->len; i++)
    {
      GValue *v = g_ptr_array_index (params, i);

      if (G_VALUE_HOLDS_STRING (v))
        sqlite3_bind_text (stmt, (int) i + 1, g_value_get_string (v), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, g_value_get_int64 (v));
      g_value_unset (v);
      g_free (v);
    }
  return stmt;
}

/* Whether a row of @plan starts with @prefix and then has @part. */
static gboolean
plan_has (GPtrArray  *plan,
          const char *prefix,
          const char *part)
{
  for (guint i = 0; i < plan->len; i++)
    {
      const char *detail = g_ptr_array_index (plan, i);

      if (g_str_has_prefix (detail, prefix) && strstr (detail + strlen (prefix), part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* What we mean by "uses an index": the suggestions table and the link
 * tables are only ever searched (an index range or rowid lookups), never
 * scanned, neither the table nor a whole index; each link table through its
 * covering index; the suggestions reached the way the list's leading
 * filter says. The only SCAN allowed is FTS5's own (the MATCH). The one
 * exception is the list of every state with no filter at all: it reads
 * every id, in date order, from the covering index suggestions_by_date. */
static void
check_plan (GPtrArray  *plan,
            guint       mask,
            gboolean    all_states,
            gboolean    holds_closed,
            gboolean    no_state,
            const char *what)
{
  static const char * const searched_with[][2] = {
    { "sp", "SEARCH sp USING COVERING INDEX suggestion_proposers_by_deputy (deputy_id=?)" },
    { "su", "SEARCH su USING COVERING INDEX suggestion_units_by_unit (unit_id=?)" },
    { "sv", "SEARCH sv USING COVERING INDEX supervisions_by_mode (mode=? AND ended_on=?)" },
  };
  gboolean has_proposer = mask & (1u << 5), has_key = mask & (1u << 7), has_station = mask & (1u << 4);
  gboolean has_unit = mask & (1u << 3), has_search = mask & (1u << 8);
  const char *lead, *part = "";

  for (guint i = 0; i < plan->len; i++)
    {
      const char *detail = g_ptr_array_index (plan, i);

      if (g_str_has_prefix (detail, "SCAN suggestions_fts VIRTUAL TABLE"))
        continue;
      if (mask == 0 && all_states &&
          g_str_equal (detail, "SCAN s USING COVERING INDEX suggestions_by_date"))
        continue;
      if (g_str_has_prefix (detail, "SCAN "))
        g_error ("%s: %s", what, detail);
      for (guint k = 0; k < G_N_ELEMENTS (searched_with); k++)
        if (g_str_has_prefix (detail, "SEARCH ") &&
            strncmp (detail + 7, searched_with[k][0], 2) == 0 && detail[9] == ' ' &&
            !g_str_equal (detail, searched_with[k][1]))
          g_error ("%s: %s", what, detail);
    }

  /* The lead: the proposer, the station; in the columns of the handling
   * the state; elsewhere key supervision, the unit, the search; when no
   * state can match (overdue only, in a column that cannot be overdue),
   * the state index says so at once. */
  if (no_state)
    lead = "SEARCH s USING ";
  else if (has_proposer)
    lead = "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)";
  else if (has_station)
    {
      lead = "SEARCH s USING ";
      part = "INDEX suggestions_by_station (station_id=?)";
    }
  else if (!holds_closed)
    {
      lead = "SEARCH s USING ";
      part = "INDEX suggestions_by_";
    }
  else if (has_key || has_unit || has_search)
    lead = "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)";
  else if (mask == 0 && all_states)
    lead = "SCAN s USING COVERING INDEX suggestions_by_date";
  else
    {
      lead = "SEARCH s USING ";
      part = "INDEX suggestions_by_";
    }
  if (!plan_has (plan, lead, part))
    g_error ("%s: the plan does not start from “%s%s”", what, lead, part);
  if (has_search && !plan_has (plan, "SCAN suggestions_fts VIRTUAL TABLE", ""))
    g_error ("%s: the search does not use the index", what);
}

static void
test_query_plans (void)
{
  g_autoptr(DdStore) store = open_demo ();
  Values values = find_values (store);
  guint n_checked = 0;
  Board board;

  board_init (&board, store);
  /* Every combination of filters, on every column and on all states. */
  for (guint mask = 0; mask < (1u << N_CASES); mask++)
    {
      apply_mask (board.filter, mask, &values);
      for (guint i = 0; i < G_N_ELEMENTS (board.lists); i++)
        {
          sqlite3_stmt *stmt = prepare_explain (store, board.lists[i]);
          g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *name = mask_name (mask);
          g_autofree char *what = g_strdup_printf ("%s, column %s", name,
                                                   i < DD_SUGGESTION_N_COLUMNS
                                                   ? dd_suggestion_columns[i].name : "(all)");

          while (sqlite3_step (stmt) == SQLITE_ROW)
            g_ptr_array_add (plan, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
          sqlite3_finalize (stmt);
          if (g_test_verbose () && (mask & (mask - 1)) == 0)
            {
              g_autofree char *joined = NULL;

              g_ptr_array_add (plan, NULL);
              joined = g_strjoinv (" | ", (char **) plan->pdata);
              g_ptr_array_remove_index (plan, plan->len - 1);
              g_test_message ("%s: %s", what, joined);
            }
          check_plan (plan, mask, i == DD_SUGGESTION_N_COLUMNS,
                      /* the states asked for: overdue narrows them to assigned and handling */
                      !(mask & (1u << 6)) &&
                      (i == DD_SUGGESTION_N_COLUMNS || g_str_equal (dd_suggestion_columns[i].name, "closed")),
                      (mask & (1u << 6)) && i < DD_SUGGESTION_N_COLUMNS &&
                      !g_str_equal (dd_suggestion_columns[i].name, "assigned") &&
                      !g_str_equal (dd_suggestion_columns[i].name, "handling"),
                      what);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, (1u << N_CASES) * G_N_ELEMENTS (board.lists));
  board_clear (&board);
}

static void
test_search_list (void)
{
  g_autoptr(DdStore) store = open_demo ();
  g_autoptr(DdSuggestionFilter) filter = dd_suggestion_filter_new ();
  g_autoptr(DdSuggestionList) list = dd_suggestion_list_new_search (store, filter);
  Values values = find_values (store);
  static const struct { guint mask; const char *plan; } cases[] = {
    /* The search alone: nothing but the search index, in its own order (backwards). */
    { 1u << 8, "SCAN suggestions_fts VIRTUAL TABLE INDEX " },
    /* With another filter, as any list of every state. */
    { (1u << 8) | (1u << 0), "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)" },
    { (1u << 8) | (1u << 3), "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)" },
    { 1u << 2, "SEARCH s USING COVERING INDEX suggestions_by_category (category=?)" },
  };

  g_assert_cmpint (dd_suggestion_list_get_order (list), ==, DD_SUGGESTION_ORDER_ENTERED);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = mask_name (cases[i].mask);
      g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GString) sql = g_string_new ("SELECT s.id FROM suggestions s WHERE 1");
      sqlite3_stmt *stmt;
      int rc;

      apply_mask (filter, cases[i].mask, &values);

      /* The newest entered first, as the independent query says. */
      for (guint c = 0; c < N_CASES; c++)
        if (cases[i].mask & (1u << c))
          g_string_append_printf (sql, " AND (%s)", filter_cases[c].reference);
      g_string_append (sql, " ORDER BY s.id DESC");
      expected = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      bind_values (stmt, &values);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (expected, id);
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (expected->len, >, 0);
      assert_list_is (list, expected, name);

      stmt = prepare_explain (store, list);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (plan, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
      sqlite3_finalize (stmt);
      if (!plan_has (plan, cases[i].plan, ""))
        g_error ("%s: the plan does not start from “%s”", name, cases[i].plan);
      if (cases[i].mask == (1u << 8))
        g_assert_cmpuint (plan->len, ==, 1);   /* no suggestion read, no sort */
      else
        check_plan (plan, cases[i].mask, TRUE, TRUE, FALSE, name);
    }
}

static gint64
add_suggestion (DdStore    *store,
                const char *title)
{
  g_autoptr(DdSuggestion) suggestion = dd_suggestion_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (suggestion, "kind", "voter_opinion", "title", title,
                "registered-on", TODAY, "category", "transport", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (suggestion), store, &error));
  g_assert_no_error (error);
  return dd_entity_get_id (DD_ENTITY (suggestion));
}

static void
test_follows_writes (void)
{
  g_autoptr(DdStore) store = new_small_store ();
  Values values = find_values (store);
  Board board;
  guint before[DD_SUGGESTION_N_COLUMNS + 1];
  g_autofree char *sql = NULL;
  gint64 id;

  board_init (&board, store);
  for (guint i = 0; i < G_N_ELEMENTS (board.lists); i++)
    before[i] = g_list_model_get_n_items (G_LIST_MODEL (board.lists[i]));

  /* A new suggestion appears first in the first column. */
  id = add_suggestion (store, "新建的意见：公交站台缺少遮雨棚");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board.lists[0])), ==, before[0] + 1);
  g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (board.lists[0]), 0), ==, id);
  for (guint i = 1; i < DD_SUGGESTION_N_COLUMNS; i++)
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board.lists[i])), ==, before[i]);

  /* Assigned, overdue: it moves to the assigned column, at the top. */
  sql = g_strdup_printf ("UPDATE suggestions SET state = 'assigned', assigned_on = '2025-01-02', "
                         "deadline_on = '2025-01-03' WHERE id = %" G_GINT64_FORMAT, id);
  exec_write (store, sql, "suggestions");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board.lists[0])), ==, before[0]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board.lists[2])), ==, before[2] + 1);
  dd_suggestion_filter_set_overdue_only (board.filter, TRUE);
  g_assert_cmpuint (dd_query_model_find (DD_QUERY_MODEL (board.lists[2]), id), !=, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board.lists[0])), ==, 0);
  dd_suggestion_filter_set_overdue_only (board.filter, FALSE);

  /* The link tables count while their filter is on. */
  dd_suggestion_filter_set_unit_id (board.filter, values.unit_id);
  g_assert_cmpuint (dd_query_model_find (DD_QUERY_MODEL (board.lists[2]), id), ==, G_MAXUINT);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO suggestion_units (suggestion_id, unit_id, role, assigned_on) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'co', '2025-01-02')",
                         id, values.unit_id);
  exec_write (store, sql, "suggestion_units");
  g_assert_cmpuint (dd_query_model_find (DD_QUERY_MODEL (board.lists[2]), id), !=, G_MAXUINT);
  dd_suggestion_filter_set_unit_id (board.filter, 0);

  dd_suggestion_filter_set_proposer_id (board.filter, values.deputy_id);
  g_assert_cmpuint (dd_query_model_find (DD_QUERY_MODEL (board.lists[2]), id), ==, G_MAXUINT);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1)", id, values.deputy_id);
  exec_write (store, sql, "suggestion_proposers");
  g_assert_cmpuint (dd_query_model_find (DD_QUERY_MODEL (board.lists[2]), id), !=, G_MAXUINT);
  dd_suggestion_filter_set_proposer_id (board.filter, 0);

  dd_suggestion_filter_set_key_supervision_only (board.filter, TRUE);
  g_assert_cmpuint (dd_query_model_find (DD_QUERY_MODEL (board.lists[2]), id), ==, G_MAXUINT);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO supervisions (suggestion_id, mode, leader_name, started_on) "
                         "VALUES (%" G_GINT64_FORMAT ", 'key', '李副主任', '2025-02-01')", id);
  exec_write (store, sql, "supervisions");
  g_assert_cmpuint (dd_query_model_find (DD_QUERY_MODEL (board.lists[2]), id), !=, G_MAXUINT);
  /* An ended supervision is no longer key supervision. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE supervisions SET ended_on = '2025-03-01' WHERE suggestion_id = %"
                         G_GINT64_FORMAT, id);
  exec_write (store, sql, "supervisions");
  g_assert_cmpuint (dd_query_model_find (DD_QUERY_MODEL (board.lists[2]), id), ==, G_MAXUINT);
  dd_suggestion_filter_set_key_supervision_only (board.filter, FALSE);

  /* A list that changes its states re-queries and changes its order. */
  {
    static const char * const replied[] = { "replied", NULL };
    DdSuggestionList *list = board.lists[2];

    g_assert_cmpint (dd_suggestion_list_get_order (list), ==, DD_SUGGESTION_ORDER_DEADLINE);
    dd_suggestion_list_set_states (list, replied);
    g_assert_cmpint (dd_suggestion_list_get_order (list), ==, DD_SUGGESTION_ORDER_NEWEST);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (board.lists[4])));
    g_assert_cmpstrv (dd_suggestion_list_get_states (list), replied);
  }

  board_clear (&board);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  demo_dir = g_dir_make_tmp ("dd-suggestion-list-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (demo_dir, "district.sqlite", NULL);
  {
    g_autoptr(DdStore) store = dd_store_open (demo_path, DD_STORE_OPEN_CREATE, &error);
    DdDemoOptions options = { DD_DEMO_DISTRICT, 1, TODAY, NULL, NULL };

    g_assert_no_error (error);
    g_assert_true (dd_demo_generate (store, &options, &error));
    g_assert_no_error (error);
  }

  g_test_add_func ("/suggestion-list/columns", test_columns);
  g_test_add_func ("/suggestion-list/filters-match-sql", test_filters_match_sql);
  g_test_add_func ("/suggestion-list/one-requery-per-column", test_one_requery_per_column);
  g_test_add_func ("/suggestion-list/query-plans", test_query_plans);
  g_test_add_func ("/suggestion-list/search-list", test_search_list);
  g_test_add_func ("/suggestion-list/follows-writes", test_follows_writes);

  status = g_test_run ();

  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (demo_path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (demo_dir);
  g_free (demo_path);
  g_free (demo_dir);
  return status;
}
