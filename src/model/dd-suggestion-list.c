/* dd-suggestion-list.c: suggestions filtered and ordered in SQL, one list a board column
 *
 * The board at province scale has a million cards (PERFORMANCE.md): each
 * column is a DdQueryModel of ids from one indexed query, and objects are
 * built only for the cards on screen. The columns share one
 * DdSuggestionFilter; a change to it re-queries every column once.
 *
 * Each query is led by one index, chosen here rather than left to the
 * planner, which without statistics guesses that any equality selects ten
 * rows and would walk 800 000 closed suggestions to find a deputy's
 * twenty. What leads, first that applies:
 *  - a deputy's suggestions, a few dozen (suggestion_proposers_by_deputy);
 *  - a station's, a few thousand (suggestions_by_station);
 *  - in a column of the handling (all but closed), the state itself: these
 *    are the office's queues, a few per cent of all suggestions, read
 *    whole from a covering index (suggestions_by_state, _by_state_deadline,
 *    _by_kind, _by_category, each ending in the order's column), while key
 *    supervision, unit and search are tested against their sets: cheaper
 *    than looking up each of their suggestions, which would be done once
 *    per column;
 *  - in the closed column (most of the suggestions of past years) and in
 *    lists of every state: key supervision (supervisions_by_mode), the unit
 *    (suggestion_units_by_unit), the search (suggestions_fts);
 *  - otherwise the state with kind, category, year or deadline.
 * The other conditions are written with a unary `+`, which keeps SQLite
 * from leading with them.
 *
 * Order: newest registration first; the columns awaiting a reply
 * (assigned, handling) by deadline instead, the most overdue first, since
 * that is what the office chases. A search list may ask for the newest
 * entered first (the id), which the search index alone can give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-suggestion-list"

#include "dd-codes.h"
#include "dd-fts.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-suggestion-list.h"
#include "dd-utils.h"

/* The filter */

struct _DdSuggestionFilter
{
  GObject   parent_instance;

  int       year;
  char     *kind;
  char     *category;
  gint64    unit_id;
  gint64    station_id;
  gint64    proposer_id;
  gboolean  overdue_only;
  gboolean  key_supervision_only;
  char     *search;
};

G_DEFINE_FINAL_TYPE (DdSuggestionFilter, dd_suggestion_filter, G_TYPE_OBJECT)

enum {
  FILTER_PROP_0,
  FILTER_PROP_YEAR,
  FILTER_PROP_KIND,
  FILTER_PROP_CATEGORY,
  FILTER_PROP_UNIT_ID,
  FILTER_PROP_STATION_ID,
  FILTER_PROP_PROPOSER_ID,
  FILTER_PROP_OVERDUE_ONLY,
  FILTER_PROP_KEY_SUPERVISION_ONLY,
  FILTER_PROP_SEARCH,
  FILTER_N_PROPS
};

enum {
  FILTER_CHANGED,
  FILTER_N_SIGNALS
};

static GParamSpec *filter_properties[FILTER_N_PROPS];
static guint filter_signals[FILTER_N_SIGNALS];

/* NULL or "" clears a text filter. */
static gboolean
set_text (char       **slot,
          const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  return dd_set_str (slot, value);
}

static void
notify_filter (DdSuggestionFilter *self,
               guint               prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), filter_properties[prop]);
}

/* GObject gathers the notifications of one g_object_set() or one
 * freeze/thaw; the lists hear of them once, as one ::changed. */
static void
dd_suggestion_filter_dispatch_properties_changed (GObject     *object,
                                                  guint        n_pspecs,
                                                  GParamSpec **pspecs)
{
  G_OBJECT_CLASS (dd_suggestion_filter_parent_class)->dispatch_properties_changed (object,
                                                                                  n_pspecs,
                                                                                  pspecs);
  g_signal_emit (object, filter_signals[FILTER_CHANGED], 0);
}

static void
dd_suggestion_filter_finalize (GObject *object)
{
  DdSuggestionFilter *self = DD_SUGGESTION_FILTER (object);

  g_free (self->kind);
  g_free (self->category);
  g_free (self->search);

  G_OBJECT_CLASS (dd_suggestion_filter_parent_class)->finalize (object);
}

static void
dd_suggestion_filter_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DdSuggestionFilter *self = DD_SUGGESTION_FILTER (object);

  switch (prop_id)
    {
    case FILTER_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case FILTER_PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case FILTER_PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case FILTER_PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case FILTER_PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
      break;
    case FILTER_PROP_PROPOSER_ID:
      g_value_set_int64 (value, self->proposer_id);
      break;
    case FILTER_PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->overdue_only);
      break;
    case FILTER_PROP_KEY_SUPERVISION_ONLY:
      g_value_set_boolean (value, self->key_supervision_only);
      break;
    case FILTER_PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestion_filter_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DdSuggestionFilter *self = DD_SUGGESTION_FILTER (object);

  switch (prop_id)
    {
    case FILTER_PROP_YEAR:
      dd_suggestion_filter_set_year (self, g_value_get_int (value));
      break;
    case FILTER_PROP_KIND:
      dd_suggestion_filter_set_kind (self, g_value_get_string (value));
      break;
    case FILTER_PROP_CATEGORY:
      dd_suggestion_filter_set_category (self, g_value_get_string (value));
      break;
    case FILTER_PROP_UNIT_ID:
      dd_suggestion_filter_set_unit_id (self, g_value_get_int64 (value));
      break;
    case FILTER_PROP_STATION_ID:
      dd_suggestion_filter_set_station_id (self, g_value_get_int64 (value));
      break;
    case FILTER_PROP_PROPOSER_ID:
      dd_suggestion_filter_set_proposer_id (self, g_value_get_int64 (value));
      break;
    case FILTER_PROP_OVERDUE_ONLY:
      dd_suggestion_filter_set_overdue_only (self, g_value_get_boolean (value));
      break;
    case FILTER_PROP_KEY_SUPERVISION_ONLY:
      dd_suggestion_filter_set_key_supervision_only (self, g_value_get_boolean (value));
      break;
    case FILTER_PROP_SEARCH:
      dd_suggestion_filter_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestion_filter_class_init (DdSuggestionFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dd_suggestion_filter_finalize;
  object_class->get_property = dd_suggestion_filter_get_property;
  object_class->set_property = dd_suggestion_filter_set_property;
  object_class->dispatch_properties_changed = dd_suggestion_filter_dispatch_properties_changed;

  filter_properties[FILTER_PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  filter_properties[FILTER_PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  filter_properties[FILTER_PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL, flags);
  filter_properties[FILTER_PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  filter_properties[FILTER_PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  filter_properties[FILTER_PROP_PROPOSER_ID] =
    g_param_spec_int64 ("proposer-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  filter_properties[FILTER_PROP_OVERDUE_ONLY] =
    g_param_spec_boolean ("overdue-only", NULL, NULL, FALSE, flags);
  filter_properties[FILTER_PROP_KEY_SUPERVISION_ONLY] =
    g_param_spec_boolean ("key-supervision-only", NULL, NULL, FALSE, flags);
  filter_properties[FILTER_PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, FILTER_N_PROPS, filter_properties);

  /**
   * DdSuggestionFilter::changed:
   * Emitted once after one or more filters changed together (one setter,
   * one g_object_set(), or everything between a freeze and a thaw of its
   * notifications).
   */
  filter_signals[FILTER_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dd_suggestion_filter_init (DdSuggestionFilter *self)
{
}

/* The list */

struct _DdSuggestionList
{
  DdQueryModel        parent_instance;

  DdSuggestionFilter *filter;
  char              **states;     /* NULL: every state */
  DdSuggestionOrder   order;
  gboolean            order_set;  /* by dd_suggestion_list_set_order(), not by the states */
};

G_DEFINE_FINAL_TYPE (DdSuggestionList, dd_suggestion_list, DD_TYPE_QUERY_MODEL)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_STATES,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const registered_states[] = { "registered", NULL };
static const char * const under_review_states[] = { "under_review", NULL };
static const char * const assigned_states[] = { "assigned", NULL };
static const char * const handling_states[] = { "handling", NULL };
static const char * const replied_states[] = { "replied", NULL };
static const char * const evaluated_states[] = { "evaluated", NULL };
static const char * const closed_states[] = { "closed", NULL };
static const char * const set_aside_states[] = { "rejected", "merged", "transferred_out", NULL };

const DdSuggestionColumn dd_suggestion_columns[DD_SUGGESTION_N_COLUMNS] = {
  { "registered", registered_states },
  { "under_review", under_review_states },
  { "assigned", assigned_states },
  { "handling", handling_states },
  { "replied", replied_states },
  { "evaluated", evaluated_states },
  { "closed", closed_states },
  { "set_aside", set_aside_states },
};

/* The states whose deadline runs: only these can be overdue. */
static const char * const awaiting_reply[] = { "assigned", "handling", NULL };

typedef enum
{
  LEAD_STATE,       /* state, kind, category, year, deadline: the planner picks among those indexes */
  LEAD_PROPOSER,
  LEAD_KEY_SUPERVISION,
  LEAD_STATION,
  LEAD_UNIT,
  LEAD_SEARCH,
} Lead;

/* Helpers */

static void
refresh (DdSuggestionList *self)
{
  g_autoptr(GError) error = NULL;

  if (!dd_query_model_refresh (DD_QUERY_MODEL (self), &error))
    g_warning ("Could not list suggestions: %s", error->message);
}

static gboolean
all_awaiting_reply (const char * const *states)
{
  if (states == NULL || states[0] == NULL)
    return FALSE;
  for (guint i = 0; states[i] != NULL; i++)
    if (!g_strv_contains (awaiting_reply, states[i]))
      return FALSE;
  return TRUE;
}

/* The states the query asks for, NULL for any: the list's, narrowed to
 * those that can be overdue when only overdue ones are wanted. */
static GPtrArray *
dup_wanted_states (DdSuggestionList *self)
{
  GPtrArray *wanted;
  const char * const *from = self->states != NULL
                             ? (const char * const *) self->states
                             : dd_suggestion_states;

  if (!self->filter->overdue_only)
    {
      if (self->states == NULL)
        return NULL;
      wanted = g_ptr_array_new ();
      for (guint i = 0; self->states[i] != NULL; i++)
        g_ptr_array_add (wanted, self->states[i]);
      return wanted;
    }

  wanted = g_ptr_array_new ();
  for (guint i = 0; from[i] != NULL; i++)
    if (g_strv_contains (awaiting_reply, from[i]))
      g_ptr_array_add (wanted, (gpointer) from[i]);
  return wanted;
}

static gboolean
holds_closed (GPtrArray *wanted)
{
  if (wanted == NULL)
    return TRUE;
  for (guint i = 0; i < wanted->len; i++)
    if (g_str_equal (g_ptr_array_index (wanted, i), "closed"))
      return TRUE;
  return FALSE;
}

static Lead
choose_lead (DdSuggestionFilter *f,
             GPtrArray          *wanted,
             const char         *match)
{
  /* No state can match: let the state index say so at once. */
  if (wanted != NULL && wanted->len == 0)
    return LEAD_STATE;
  if (f->proposer_id != 0)
    return LEAD_PROPOSER;
  if (f->station_id != 0)
    return LEAD_STATION;
  if (!holds_closed (wanted))
    return LEAD_STATE;
  if (f->key_supervision_only)
    return LEAD_KEY_SUPERVISION;
  if (f->unit_id != 0)
    return LEAD_UNIT;
  if (match != NULL)
    return LEAD_SEARCH;
  return LEAD_STATE;
}

/* Only the search, over every state: the index holds the whole answer. */
static gboolean
search_alone (DdSuggestionFilter *f,
              GPtrArray          *wanted,
              const char         *match)
{
  return wanted == NULL && match != NULL && f->year == 0 && f->kind == NULL &&
         f->category == NULL && f->unit_id == 0 && f->station_id == 0 && f->proposer_id == 0 &&
         !f->overdue_only && !f->key_supervision_only;
}

static void
on_filter_changed_cb (DdSuggestionFilter *filter,
                      DdSuggestionList   *self)
{
  refresh (self);
}

/* The link tables matter only while their filter is on; a change of the
 * suggestions themselves is watched by DdQueryModel. */
static void
on_link_table_changed_cb (DdStore          *store,
                          const char       *table,
                          GArray           *ids,
                          DdSuggestionList *self)
{
  DdSuggestionFilter *f = self->filter;

  if ((f->unit_id != 0 && g_str_equal (table, "suggestion_units")) ||
      (f->proposer_id != 0 && g_str_equal (table, "suggestion_proposers")) ||
      (f->key_supervision_only && g_str_equal (table, "supervisions")))
    refresh (self);
}

/* Vfuncs */

static void
dd_suggestion_list_build_query (DdQueryModel *model,
                                GString      *sql,
                                GPtrArray    *params)
{
  DdSuggestionList *self = DD_SUGGESTION_LIST (model);
  DdSuggestionFilter *f = self->filter;
  g_autoptr(GPtrArray) wanted = dup_wanted_states (self);
  g_autofree char *match = dd_fts_dup_match (f->search);
  Lead lead = choose_lead (f, wanted, match);
  /* Only the leading index may see its column bare. */
  const char *state_cols = lead == LEAD_STATE ? "" : "+";

  if (self->order == DD_SUGGESTION_ORDER_ENTERED && search_alone (f, wanted, match))
    {
      g_string_append (sql, "SELECT rowid FROM suggestions_fts WHERE suggestions_fts MATCH ?"
                            " ORDER BY rowid DESC");
      dd_query_params_add_string (params, match);
      return;
    }

  g_string_append (sql, "SELECT s.id FROM suggestions s WHERE 1");

  if (wanted != NULL)
    {
      g_string_append_printf (sql, " AND %ss.state IN (", state_cols);
      if (wanted->len == 0)
        g_string_append (sql, "NULL");
      for (guint i = 0; i < wanted->len; i++)
        {
          g_string_append (sql, i > 0 ? ", ?" : "?");
          dd_query_params_add_string (params, g_ptr_array_index (wanted, i));
        }
      g_string_append (sql, ")");
    }
  if (f->kind != NULL)
    {
      g_string_append_printf (sql, " AND %ss.kind = ?", state_cols);
      dd_query_params_add_string (params, f->kind);
    }
  if (f->category != NULL)
    {
      g_string_append_printf (sql, " AND %ss.category = ?", state_cols);
      dd_query_params_add_string (params, f->category);
    }
  if (f->year != 0)
    {
      g_autofree char *from = g_strdup_printf ("%04d-01-01", f->year);
      g_autofree char *to = g_strdup_printf ("%04d-01-01", f->year + 1);

      g_string_append_printf (sql, " AND %ss.registered_on >= ? AND %ss.registered_on < ?",
                              state_cols, state_cols);
      dd_query_params_add_string (params, from);
      dd_query_params_add_string (params, to);
    }
  if (f->overdue_only)
    {
      g_autofree char *today = dd_store_dup_today (dd_query_model_get_store (model));

      g_string_append_printf (sql, " AND %ss.deadline_on < ?", state_cols);
      dd_query_params_add_string (params, today);
    }
  if (f->station_id != 0)
    {
      g_string_append_printf (sql, " AND %ss.station_id = ?", lead == LEAD_STATION ? "" : "+");
      dd_query_params_add_int (params, f->station_id);
    }
  if (f->proposer_id != 0)
    {
      g_string_append_printf (sql, " AND %ss.id IN (SELECT sp.suggestion_id FROM suggestion_proposers sp"
                              " WHERE sp.deputy_id = ?)", lead == LEAD_PROPOSER ? "" : "+");
      dd_query_params_add_int (params, f->proposer_id);
    }
  if (f->key_supervision_only)
    g_string_append_printf (sql, " AND %ss.id IN (SELECT sv.suggestion_id FROM supervisions sv"
                            " WHERE sv.mode = 'key' AND sv.ended_on IS NULL)",
                            lead == LEAD_KEY_SUPERVISION ? "" : "+");
  if (f->unit_id != 0)
    {
      g_string_append_printf (sql, " AND %ss.id IN (SELECT su.suggestion_id FROM suggestion_units su"
                              " WHERE su.unit_id = ?)", lead == LEAD_UNIT ? "" : "+");
      dd_query_params_add_int (params, f->unit_id);
    }
  if (match != NULL)
    {
      /* IN, not a join: 2 ms instead of 13 s at province scale (PERFORMANCE.md). */
      g_string_append_printf (sql, " AND %ss.id IN (SELECT rowid FROM suggestions_fts"
                              " WHERE suggestions_fts MATCH ?)", lead == LEAD_SEARCH ? "" : "+");
      dd_query_params_add_string (params, match);
    }

  switch (self->order)
    {
    case DD_SUGGESTION_ORDER_DEADLINE:
      /* With kind or category, their index narrows more than reading the
       * whole column in deadline order would save: `+` leaves the order
       * to a sort. */
      g_string_append_printf (sql, " ORDER BY %ss.deadline_on, s.id",
                              lead == LEAD_STATE && (f->kind != NULL || f->category != NULL) ? "+" : "");
      break;
    case DD_SUGGESTION_ORDER_ENTERED:
      g_string_append (sql, " ORDER BY s.id DESC");
      break;
    case DD_SUGGESTION_ORDER_NEWEST:
    default:
      g_string_append (sql, " ORDER BY s.registered_on DESC, s.id DESC");
      break;
    }
}

static void
dd_suggestion_list_dispose (GObject *object)
{
  DdSuggestionList *self = DD_SUGGESTION_LIST (object);

  if (self->filter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter, self);
      g_clear_object (&self->filter);
    }

  G_OBJECT_CLASS (dd_suggestion_list_parent_class)->dispose (object);
}

static void
dd_suggestion_list_finalize (GObject *object)
{
  DdSuggestionList *self = DD_SUGGESTION_LIST (object);

  g_strfreev (self->states);

  G_OBJECT_CLASS (dd_suggestion_list_parent_class)->finalize (object);
}

static void
dd_suggestion_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DdSuggestionList *self = DD_SUGGESTION_LIST (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_STATES:
      g_value_set_boxed (value, self->states);
      break;
    case PROP_ORDER:
      g_value_set_int (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestion_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DdSuggestionList *self = DD_SUGGESTION_LIST (object);

  switch (prop_id)
    {
    case PROP_STATES:
      dd_suggestion_list_set_states (self, g_value_get_boxed (value));
      break;
    case PROP_ORDER:
      dd_suggestion_list_set_order (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestion_list_class_init (DdSuggestionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DdQueryModelClass *model_class = DD_QUERY_MODEL_CLASS (klass);

  object_class->dispose = dd_suggestion_list_dispose;
  object_class->finalize = dd_suggestion_list_finalize;
  object_class->get_property = dd_suggestion_list_get_property;
  object_class->set_property = dd_suggestion_list_set_property;
  model_class->build_query = dd_suggestion_list_build_query;

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, DD_TYPE_SUGGESTION_FILTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATES] =
    g_param_spec_boxed ("states", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A DdSuggestionOrder */
  properties[PROP_ORDER] =
    g_param_spec_int ("order", NULL, NULL, DD_SUGGESTION_ORDER_NEWEST, DD_SUGGESTION_ORDER_ENTERED,
                      DD_SUGGESTION_ORDER_NEWEST,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dd_suggestion_list_init (DdSuggestionList *self)
{
}

static gboolean
valid_states (const char * const *states)
{
  if (states == NULL)
    return TRUE;
  for (guint i = 0; states[i] != NULL; i++)
    if (!g_strv_contains (dd_suggestion_states, states[i]))
      return FALSE;
  return TRUE;
}

/* Stores @states and the order they imply; TRUE if anything changed. */
static gboolean
store_states (DdSuggestionList   *self,
              const char * const *states)
{
  DdSuggestionOrder order;

  if (self->states == NULL && states == NULL)
    return FALSE;
  if (self->states != NULL && states != NULL &&
      g_strv_equal ((const char * const *) self->states, states))
    return FALSE;

  g_strfreev (self->states);
  self->states = g_strdupv ((char **) states);
  order = all_awaiting_reply (states) ? DD_SUGGESTION_ORDER_DEADLINE : DD_SUGGESTION_ORDER_NEWEST;
  if (!self->order_set && self->order != order)
    {
      self->order = order;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
    }
  return TRUE;
}

/* The filter, the watches and the first query. */
static void
setup (DdSuggestionList   *self,
       DdStore            *store,
       DdSuggestionFilter *filter)
{
  self->filter = filter != NULL ? g_object_ref (filter) : dd_suggestion_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::suggestion_units",
                           G_CALLBACK (on_link_table_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::suggestion_proposers",
                           G_CALLBACK (on_link_table_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::supervisions",
                           G_CALLBACK (on_link_table_changed_cb), self, 0);
  refresh (self);
}

/* Public API: the filter */

/**
 * dd_suggestion_filter_new:
 * Returns: (transfer full): a filter with every filter off
 */
DdSuggestionFilter *
dd_suggestion_filter_new (void)
{
  return g_object_new (DD_TYPE_SUGGESTION_FILTER, NULL);
}

void
dd_suggestion_filter_set_year (DdSuggestionFilter *self,
                               int                 year)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));
  g_return_if_fail (year >= 0 && year <= 9999);

  if (self->year != year)
    {
      self->year = year;
      notify_filter (self, FILTER_PROP_YEAR);
    }
}

int
dd_suggestion_filter_get_year (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), 0);
  return self->year;
}

void
dd_suggestion_filter_set_kind (DdSuggestionFilter *self,
                               const char         *kind)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));
  if (set_text (&self->kind, kind))
    notify_filter (self, FILTER_PROP_KIND);
}

const char *
dd_suggestion_filter_get_kind (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), NULL);
  return self->kind;
}

void
dd_suggestion_filter_set_category (DdSuggestionFilter *self,
                                   const char         *category)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));
  if (set_text (&self->category, category))
    notify_filter (self, FILTER_PROP_CATEGORY);
}

const char *
dd_suggestion_filter_get_category (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), NULL);
  return self->category;
}

void
dd_suggestion_filter_set_unit_id (DdSuggestionFilter *self,
                                  gint64              unit_id)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));
  g_return_if_fail (unit_id >= 0);

  if (self->unit_id != unit_id)
    {
      self->unit_id = unit_id;
      notify_filter (self, FILTER_PROP_UNIT_ID);
    }
}

gint64
dd_suggestion_filter_get_unit_id (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), 0);
  return self->unit_id;
}

void
dd_suggestion_filter_set_station_id (DdSuggestionFilter *self,
                                     gint64              station_id)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));
  g_return_if_fail (station_id >= 0);

  if (self->station_id != station_id)
    {
      self->station_id = station_id;
      notify_filter (self, FILTER_PROP_STATION_ID);
    }
}

gint64
dd_suggestion_filter_get_station_id (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), 0);
  return self->station_id;
}

void
dd_suggestion_filter_set_proposer_id (DdSuggestionFilter *self,
                                      gint64              deputy_id)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));
  g_return_if_fail (deputy_id >= 0);

  if (self->proposer_id != deputy_id)
    {
      self->proposer_id = deputy_id;
      notify_filter (self, FILTER_PROP_PROPOSER_ID);
    }
}

gint64
dd_suggestion_filter_get_proposer_id (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), 0);
  return self->proposer_id;
}

void
dd_suggestion_filter_set_overdue_only (DdSuggestionFilter *self,
                                       gboolean            overdue_only)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));

  overdue_only = overdue_only != FALSE;
  if (self->overdue_only != overdue_only)
    {
      self->overdue_only = overdue_only;
      notify_filter (self, FILTER_PROP_OVERDUE_ONLY);
    }
}

gboolean
dd_suggestion_filter_get_overdue_only (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), FALSE);
  return self->overdue_only;
}

void
dd_suggestion_filter_set_key_supervision_only (DdSuggestionFilter *self,
                                               gboolean            key_only)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));

  key_only = key_only != FALSE;
  if (self->key_supervision_only != key_only)
    {
      self->key_supervision_only = key_only;
      notify_filter (self, FILTER_PROP_KEY_SUPERVISION_ONLY);
    }
}

gboolean
dd_suggestion_filter_get_key_supervision_only (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), FALSE);
  return self->key_supervision_only;
}

/**
 * dd_suggestion_filter_set_search:
 * @search: (nullable): the words, separated by spaces, that must all occur
 *   in the title or the text, as typed: quotes and FTS5 syntax are searched
 *   for like any other character
 *
 * Staff type Chinese through an input method: set this from committed text
 * (GtkSearchEntry::search-changed), never from pre-edit.
 */
void
dd_suggestion_filter_set_search (DdSuggestionFilter *self,
                                 const char         *search)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));
  if (set_text (&self->search, search))
    notify_filter (self, FILTER_PROP_SEARCH);
}

const char *
dd_suggestion_filter_get_search (DdSuggestionFilter *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), NULL);
  return self->search;
}

/**
 * dd_suggestion_filter_clear:
 * Turns every filter off; the lists re-query once.
 */
void
dd_suggestion_filter_clear (DdSuggestionFilter *self)
{
  g_return_if_fail (DD_IS_SUGGESTION_FILTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  dd_suggestion_filter_set_year (self, 0);
  dd_suggestion_filter_set_kind (self, NULL);
  dd_suggestion_filter_set_category (self, NULL);
  dd_suggestion_filter_set_unit_id (self, 0);
  dd_suggestion_filter_set_station_id (self, 0);
  dd_suggestion_filter_set_proposer_id (self, 0);
  dd_suggestion_filter_set_overdue_only (self, FALSE);
  dd_suggestion_filter_set_key_supervision_only (self, FALSE);
  dd_suggestion_filter_set_search (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * dd_suggestion_filter_is_empty:
 * Returns: whether every filter is off (a search of only spaces is off)
 */
gboolean
dd_suggestion_filter_is_empty (DdSuggestionFilter *self)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (self), TRUE);

  match = dd_fts_dup_match (self->search);
  return self->year == 0 && self->kind == NULL && self->category == NULL &&
         self->unit_id == 0 && self->station_id == 0 && self->proposer_id == 0 &&
         !self->overdue_only && !self->key_supervision_only && match == NULL;
}

/* Public API: the list */

/**
 * dd_suggestion_list_new:
 * @store: the database
 * @states: (nullable): the states listed, codes of dd_suggestion_states
 *   (a board column: dd_suggestion_columns[i].states); %NULL for all
 * @filter: (nullable): the filter, shared by the columns of a board; %NULL
 *   for a filter of this list's own
 *
 * The suggestions in @states that pass @filter, queried at once and again
 * whenever the filter or the suggestions (or, while their filter is on,
 * their units, proposers or supervisions) change. Lists of assigned or
 * handling suggestions only are ordered by deadline
 * (%DD_SUGGESTION_ORDER_DEADLINE), all others newest first.
 *
 * Returns: (transfer full): the list
 */
DdSuggestionList *
dd_suggestion_list_new (DdStore             *store,
                        const char * const  *states,
                        DdSuggestionFilter  *filter)
{
  DdSuggestionList *self;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (valid_states (states), NULL);
  g_return_val_if_fail (filter == NULL || DD_IS_SUGGESTION_FILTER (filter), NULL);

  self = g_object_new (DD_TYPE_SUGGESTION_LIST,
                       "store", store,
                       "item-type", DD_TYPE_SUGGESTION,
                       NULL);
  store_states (self, states);
  setup (self, store, filter);
  return self;
}

/**
 * dd_suggestion_list_new_search:
 * @store: the database
 * @filter: (nullable): the filter, whose search text the list follows
 *
 * A list of every state for a search box, the newest entered first
 * (%DD_SUGGESTION_ORDER_ENTERED): with the search as its only filter it
 * reads nothing but the search index.
 *
 * Returns: (transfer full): the list
 */
DdSuggestionList *
dd_suggestion_list_new_search (DdStore            *store,
                               DdSuggestionFilter *filter)
{
  DdSuggestionList *self;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (filter == NULL || DD_IS_SUGGESTION_FILTER (filter), NULL);

  self = g_object_new (DD_TYPE_SUGGESTION_LIST,
                       "store", store,
                       "item-type", DD_TYPE_SUGGESTION,
                       NULL);
  self->order = DD_SUGGESTION_ORDER_ENTERED;
  self->order_set = TRUE;
  setup (self, store, filter);
  return self;
}

/**
 * dd_suggestion_list_set_states:
 * @states: (nullable): codes of dd_suggestion_states; %NULL for all
 *
 * Lists other states, re-querying once (the order follows the states).
 */
void
dd_suggestion_list_set_states (DdSuggestionList   *self,
                               const char * const *states)
{
  g_return_if_fail (DD_IS_SUGGESTION_LIST (self));
  g_return_if_fail (valid_states (states));

  if (store_states (self, states))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATES]);
    }
}

/**
 * dd_suggestion_list_get_states:
 * Returns: (nullable) (transfer none): the states listed, %NULL for all
 */
const char * const *
dd_suggestion_list_get_states (DdSuggestionList *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_LIST (self), NULL);
  return (const char * const *) self->states;
}

/**
 * dd_suggestion_list_get_filter:
 * Returns: (transfer none): the filter the list follows
 */
DdSuggestionFilter *
dd_suggestion_list_get_filter (DdSuggestionList *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_LIST (self), NULL);
  return self->filter;
}

DdSuggestionOrder
dd_suggestion_list_get_order (DdSuggestionList *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_LIST (self), DD_SUGGESTION_ORDER_NEWEST);
  return self->order;
}

/**
 * dd_suggestion_list_set_order:
 * Orders the list as @order from now on, whatever its states, re-querying
 * once. A search box over every state wants %DD_SUGGESTION_ORDER_ENTERED:
 * with the search as its only filter, the search index alone answers it,
 * without reading a suggestion.
 */
void
dd_suggestion_list_set_order (DdSuggestionList  *self,
                              DdSuggestionOrder  order)
{
  g_return_if_fail (DD_IS_SUGGESTION_LIST (self));
  g_return_if_fail (order <= DD_SUGGESTION_ORDER_ENTERED);

  self->order_set = TRUE;
  if (self->order != order)
    {
      self->order = order;
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
    }
}
