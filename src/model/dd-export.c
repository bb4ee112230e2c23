/* dd-export.c: lists as sheets of typed cells
 *
 * The rows are those of the list objects the views show (DdDeputyList,
 * DdStationList, DdSuggestionList with its DdSuggestionFilter), so that an
 * export holds what the user sees, in the same order; the cells come from
 * one prepared statement a row. The headers are the import's field labels
 * where there is one, so that an exported sheet imports again as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-export"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-deputy-list.h"
#include "dd-export.h"
#include "dd-mask.h"
#include "dd-model-error.h"
#include "dd-station-list.h"
#include "dd-stats.h"
#include "dd-store-private.h"

typedef enum
{
  COL_TEXT,
  COL_NUMBER,
  COL_DATE,
  COL_BOOL,
  COL_PHONE,      /* text, masked */
  COL_PERSON,     /* text, a private person's name: masked */
} ColType;

typedef struct
{
  const char         *header;   /* N_() */
  ColType             type;
  const char * const *codes;    /* text columns holding a code: its translated name */
  double              width;
} Column;

static const char * const kind_names[] = { "deputies", "stations", "suggestions", "receptions", "stats" };

const char *
dd_export_kind_to_string (DdExportKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
dd_export_kind_from_string (const char   *text,
                            DdExportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

void
dd_export_options_init (DdExportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->mask = TRUE;
}

/* Columns */

static const Column deputy_columns[] = {
  { N_("Name"), COL_TEXT, NULL, 10 },
  { N_("Gender"), COL_TEXT, dd_genders, 6 },
  { N_("Ethnicity"), COL_TEXT, NULL, 8 },
  { N_("Date of birth"), COL_DATE, NULL, 12 },
  { N_("Level"), COL_TEXT, dd_deputy_levels, 8 },
  { N_("Term"), COL_NUMBER, NULL, 6 },
  { N_("Constituency"), COL_TEXT, NULL, 16 },
  { N_("District"), COL_TEXT, NULL, 10 },
  { N_("Township"), COL_TEXT, NULL, 12 },
  { N_("Occupation"), COL_TEXT, NULL, 30 },
  { N_("Professional group"), COL_TEXT, NULL, 14 },
  { N_("Phone"), COL_PHONE, NULL, 14 },
  { N_("Status"), COL_TEXT, dd_deputy_statuses, 8 },
  { N_("Date of leaving"), COL_DATE, NULL, 12 },
  { N_("Reason for leaving"), COL_TEXT, NULL, 16 },
  { N_("Note"), COL_TEXT, NULL, 20 },
  { N_("Deputy code"), COL_TEXT, NULL, 10 },
};

static const char deputy_sql[] =
  "SELECT name, gender, ethnicity, birth_on, level, term, constituency, district, township, "
  "occupation, group_name, phone, status, status_on, status_reason, note, code "
  "FROM deputies WHERE id = ?";

static const Column station_columns[] = {
  { N_("Code"), COL_TEXT, NULL, 10 },
  { N_("Name"), COL_TEXT, NULL, 24 },
  { N_("Kind"), COL_TEXT, dd_station_kinds, 14 },
  { N_("Address"), COL_TEXT, NULL, 30 },
  { N_("District"), COL_TEXT, NULL, 10 },
  { N_("Township"), COL_TEXT, NULL, 12 },
  { N_("Fixed days"), COL_TEXT, NULL, 14 },
  { N_("Fixed hours"), COL_TEXT, NULL, 14 },
  { N_("Fixed place"), COL_TEXT, NULL, 16 },
  { N_("Contact person"), COL_TEXT, NULL, 10 },
  { N_("Contact phone"), COL_TEXT, NULL, 14 },
  { N_("Upgrade date"), COL_DATE, NULL, 12 },
  { N_("Deputies attached"), COL_NUMBER, NULL, 8 },
  { N_("Archived"), COL_BOOL, NULL, 6 },
  { N_("Note"), COL_TEXT, NULL, 20 },
};

static const char station_sql[] =
  "SELECT code, name, kind, address, district, township, schedule_days, schedule_hours, "
  "schedule_place, contact_name, contact_phone, upgraded_on, "
  "(SELECT count(*) FROM station_deputies WHERE station_id = s.id), archived, note "
  "FROM stations s WHERE id = ?";

static const Column suggestion_columns[] = {
  { N_("Number"), COL_TEXT, NULL, 13 },
  { N_("Kind"), COL_TEXT, dd_suggestion_kinds, 10 },
  { N_("Title"), COL_TEXT, NULL, 36 },
  { N_("Text"), COL_TEXT, NULL, 40 },
  { N_("Category"), COL_TEXT, dd_suggestion_categories, 10 },
  { N_("State"), COL_TEXT, dd_suggestion_states, 8 },
  { N_("Proposers"), COL_TEXT, NULL, 16 },
  { N_("Lead unit"), COL_TEXT, NULL, 18 },
  { N_("Co-handling units"), COL_TEXT, NULL, 24 },
  { N_("Station"), COL_TEXT, NULL, 18 },
  { N_("Voter’s name"), COL_PERSON, NULL, 8 },
  { N_("Voter’s phone"), COL_PHONE, NULL, 14 },
  { N_("Reply class"), COL_TEXT, dd_reply_classes, 12 },
  { N_("Verdict"), COL_TEXT, dd_verdicts, 10 },
  { N_("Round"), COL_NUMBER, NULL, 6 },
  { N_("Registration date"), COL_DATE, NULL, 12 },
  { N_("Date assigned"), COL_DATE, NULL, 12 },
  { N_("Date replied"), COL_DATE, NULL, 12 },
  { N_("Date evaluated"), COL_DATE, NULL, 12 },
  { N_("Date closed"), COL_DATE, NULL, 12 },
  { N_("Reply deadline"), COL_DATE, NULL, 12 },
};

/* The latest reply's class; the lead proposer's verdict in the latest round evaluated. */
static const char suggestion_sql[] =
  "SELECT s.number, s.kind, s.title, s.body, s.category, s.state, "
  "(SELECT group_concat(name, '、') FROM (SELECT d.name FROM suggestion_proposers p "
  "  JOIN deputies d ON d.id = p.deputy_id WHERE p.suggestion_id = s.id "
  "  ORDER BY p.position, p.deputy_id)), "
  "(SELECT u.name FROM suggestion_units su JOIN units u ON u.id = su.unit_id "
  "  WHERE su.suggestion_id = s.id AND su.role = 'lead'), "
  "(SELECT group_concat(name, '、') FROM (SELECT u.name FROM suggestion_units su "
  "  JOIN units u ON u.id = su.unit_id WHERE su.suggestion_id = s.id AND su.role = 'co' "
  "  ORDER BY u.name)), "
  "(SELECT coalesce(st.code, st.name) FROM stations st WHERE st.id = s.station_id), "
  "s.voter_name, s.voter_phone, "
  "(SELECT class FROM replies r WHERE r.suggestion_id = s.id "
  "  ORDER BY r.round DESC, r.replied_on DESC, r.id DESC LIMIT 1), "
  "(SELECT verdict FROM evaluations e LEFT JOIN suggestion_proposers p "
  "  ON p.suggestion_id = e.suggestion_id AND p.deputy_id = e.deputy_id "
  "  WHERE e.suggestion_id = s.id ORDER BY e.round DESC, coalesce(p.position, 1000), e.id LIMIT 1), "
  "s.round, s.registered_on, s.assigned_on, s.replied_on, s.evaluated_on, s.closed_on, "
  "s.deadline_on FROM suggestions s WHERE s.id = ?";

static const Column reception_columns[] = {
  { N_("Date"), COL_DATE, NULL, 12 },
  { N_("Station"), COL_TEXT, NULL, 24 },
  { N_("Station code"), COL_TEXT, NULL, 10 },
  { N_("Deputies present"), COL_TEXT, NULL, 24 },
  { N_("Voters received"), COL_NUMBER, NULL, 8 },
  { N_("Petitions handled"), COL_NUMBER, NULL, 8 },
  { N_("Topic"), COL_TEXT, NULL, 24 },
  { N_("Opinions recorded"), COL_NUMBER, NULL, 8 },
};

static const char reception_sql[] =
  "SELECT r.held_on, st.name, st.code, "
  "(SELECT group_concat(name, '、') FROM (SELECT d.name FROM reception_deputies rd "
  "  JOIN deputies d ON d.id = rd.deputy_id WHERE rd.reception_id = r.id ORDER BY d.name)), "
  "r.voters_received, r.petitions_handled, r.topic, "
  "(SELECT count(*) FROM suggestions WHERE reception_id = r.id) "
  "FROM receptions r JOIN stations st ON st.id = r.station_id "
  "WHERE (?1 = 0 OR r.held_on >= printf('%04d-01-01', ?1) AND r.held_on < printf('%04d-01-01', ?1 + 1)) "
  "AND (?2 = 0 OR r.station_id = ?2) "
  "ORDER BY r.held_on DESC, r.id DESC";

static const Column stats_columns[] = {
  { N_("Section"), COL_TEXT, NULL, 16 },
  { N_("Figure"), COL_TEXT, NULL, 30 },
  { N_("Value"), COL_NUMBER, NULL, 10 },
};

/* Building */

static DdSheet *
new_sheet (const Column *columns,
           guint         n_columns,
           const char   *title)
{
  g_autofree const char **headers = g_new0 (const char *, n_columns + 1);
  DdSheet *sheet;

  for (guint i = 0; i < n_columns; i++)
    headers[i] = _(columns[i].header);
  sheet = dd_sheet_new (headers);
  for (guint i = 0; i < n_columns; i++)
    dd_sheet_set_column_width (sheet, i, columns[i].width);
  dd_sheet_set_title (sheet, title);
  return sheet;
}

/* The translated name of a code of @codes, without a gettext call a cell */
static const char *
code_label (const char * const *codes,
            const char         *code)
{
  static GHashTable *labels;     /* "pointer of codes:code" → label, per process */
  static GMutex lock;
  char key[96];
  const char *label;

  g_snprintf (key, sizeof key, "%p:%s", (gpointer) codes, code);
  g_mutex_lock (&lock);
  if (labels == NULL)
    labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  label = g_hash_table_lookup (labels, key);
  if (label == NULL)
    {
      /* gettext's strings live as long as the process; the language does not change */
      label = dd_code_label (codes, code);
      if (label != code)
        g_hash_table_insert (labels, g_strdup (key), (gpointer) label);
    }
  g_mutex_unlock (&lock);
  return label;
}

/* A column's labels by the index of the code: a column repeats a few codes */
typedef struct
{
  const char *labels[16];
} LabelMemo;

static const char *
memo_label (LabelMemo          *memo,
            const char * const *codes,
            const char         *code)
{
  for (guint i = 0; codes[i] != NULL && i < G_N_ELEMENTS (memo->labels); i++)
    if (strcmp (codes[i], code) == 0)
      {
        if (memo->labels[i] == NULL)
          memo->labels[i] = code_label (codes, codes[i]);
        return memo->labels[i];
      }
  return code_label (codes, code);
}

/* Cells 0 … n_columns - 1 of row @row from the columns of @stmt, from @first;
 * @memo: (nullable): one per column, zeroed, kept from row to row */
static void
fill_row (DdSheet       *sheet,
          guint          row,
          const Column  *columns,
          guint          n_columns,
          sqlite3_stmt  *stmt,
          int            first,
          gboolean       mask,
          LabelMemo     *memo)
{
  for (guint c = 0; c < n_columns; c++)
    {
      int column = first + (int) c;
      const char *text = NULL;

      if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        continue;
      if (columns[c].type != COL_NUMBER && columns[c].type != COL_BOOL)
        text = dd_column_text (stmt, column);
      switch (columns[c].type)
        {
        case COL_TEXT:
          if (text == NULL || text[0] == '\0')
            break;
          if (columns[c].codes != NULL)
            text = memo != NULL ? memo_label (&memo[c], columns[c].codes, text)
                                : code_label (columns[c].codes, text);
          dd_sheet_set_text (sheet, row, c, text);
          break;
        case COL_NUMBER:
          dd_sheet_set_number (sheet, row, c, sqlite3_column_double (stmt, column));
          break;
        case COL_DATE:
          if (text != NULL && !dd_sheet_set_date (sheet, row, c, text))
            dd_sheet_set_text (sheet, row, c, text);
          break;
        case COL_BOOL:
          dd_sheet_set_bool (sheet, row, c, sqlite3_column_int (stmt, column) != 0);
          break;
        case COL_PHONE:
        case COL_PERSON:
          if (text == NULL || text[0] == '\0')
            break;
          if (mask)
            {
              g_autofree char *masked = columns[c].type == COL_PHONE ? dd_mask_phone (text)
                                                                      : dd_mask_name (text);
              dd_sheet_set_text (sheet, row, c, masked);
            }
          else
            dd_sheet_set_text (sheet, row, c, text);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
append_row (DdSheet       *sheet,
            const Column  *columns,
            guint          n_columns,
            sqlite3_stmt  *stmt,
            int            first,
            gboolean       mask)
{
  fill_row (sheet, dd_sheet_append_row (sheet), columns, n_columns, stmt, first, mask, NULL);
}

typedef struct
{
  gint64 id;
  guint  row;
} IdRow;

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 x = ((const IdRow *) a)->id, y = ((const IdRow *) b)->id;

  return (x > y) - (x < y);
}

/* One row per id of @model, from @sql (one `?` for the id). */
static DdSheet *
sheet_from_ids (DdStore        *store,
                DdQueryModel   *model,
                const Column   *columns,
                guint           n_columns,
                const char     *sql,
                const char     *title,
                gboolean        mask,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(DdSheet) sheet = NULL;
  g_autofree IdRow *order = NULL;
  g_autofree LabelMemo *memo = g_new0 (LabelMemo, n_columns);
  sqlite3_stmt *stmt;
  guint n;

  if (!dd_query_model_refresh (model, error))
    return NULL;
  stmt = dd_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sheet = new_sheet (columns, n_columns, title);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  /* The rows in the list's order, read in the order of the ids: one pass
   * along the table instead of a jump a row */
  order = g_new (IdRow, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      order[i].id = dd_query_model_get_id (model, i);
      order[i].row = dd_sheet_append_row (sheet);
    }
  qsort (order, n, sizeof (IdRow), compare_ids);
  for (guint i = 0; i < n; i++)
    {
      int rc;

      if ((i & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, order[i].id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        fill_row (sheet, order[i].row, columns, n_columns, stmt, 0, mask, memo);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          dd_store_set_error (store, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&sheet);
}

static DdSheet *
build_deputies (DdStore                *store,
                const DdExportOptions  *options,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(DdDeputyList) list = dd_deputy_list_new (store);

  dd_deputy_list_set_search (list, options->search);
  dd_deputy_list_set_level (list, options->level);
  dd_deputy_list_set_status (list, options->status);
  dd_deputy_list_set_group_name (list, options->group_name);
  dd_deputy_list_set_station_id (list, options->station_id);
  return sheet_from_ids (store, DD_QUERY_MODEL (list), deputy_columns,
                         G_N_ELEMENTS (deputy_columns), deputy_sql, _("Deputies"),
                         options->mask, cancellable, error);
}

static DdSheet *
build_stations (DdStore                *store,
                const DdExportOptions  *options,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(DdStationList) list = dd_station_list_new (store);

  dd_station_list_set_search (list, options->search);
  dd_station_list_set_kind (list, options->station_kind);
  dd_station_list_set_district (list, options->district);
  dd_station_list_set_township (list, options->township);
  dd_station_list_set_show_archived (list, options->show_archived);
  return sheet_from_ids (store, DD_QUERY_MODEL (list), station_columns,
                         G_N_ELEMENTS (station_columns), station_sql, _("Stations"),
                         options->mask, cancellable, error);
}

/* The same columns with the proposers and units left to the cursors below,
 * over a range of ids, with the id first */
static const char suggestion_range_sql[] =
  "SELECT s.id, s.number, s.kind, s.title, s.body, s.category, s.state, NULL, NULL, NULL, "
  "(SELECT coalesce(st.code, st.name) FROM stations st WHERE st.id = s.station_id), "
  "s.voter_name, s.voter_phone, "
  "(SELECT class FROM replies r WHERE r.suggestion_id = s.id "
  "  ORDER BY r.round DESC, r.replied_on DESC, r.id DESC LIMIT 1), "
  "(SELECT verdict FROM evaluations e LEFT JOIN suggestion_proposers p "
  "  ON p.suggestion_id = e.suggestion_id AND p.deputy_id = e.deputy_id "
  "  WHERE e.suggestion_id = s.id ORDER BY e.round DESC, coalesce(p.position, 1000), e.id LIMIT 1), "
  "s.round, s.registered_on, s.assigned_on, s.replied_on, s.evaluated_on, s.closed_on, "
  "s.deadline_on FROM suggestions s WHERE s.id BETWEEN ?1 AND ?2 ORDER BY s.id";
static const char proposers_range_sql[] =
  "SELECT p.suggestion_id, d.name FROM suggestion_proposers p JOIN deputies d ON d.id = p.deputy_id "
  "WHERE p.suggestion_id BETWEEN ?1 AND ?2 ORDER BY p.suggestion_id, p.position, p.deputy_id";
static const char units_range_sql[] =
  "SELECT su.suggestion_id, su.role = 'lead', u.name FROM suggestion_units su "
  "JOIN units u ON u.id = su.unit_id WHERE su.suggestion_id BETWEEN ?1 AND ?2 "
  "ORDER BY su.suggestion_id, su.role = 'lead' DESC, u.name";

#define COL_PROPOSERS 6
#define COL_LEAD_UNIT 7
#define COL_CO_UNITS 8

typedef struct
{
  sqlite3_stmt *stmt;
  int           rc;
} Cursor;

static gboolean
cursor_open (Cursor      *cursor,
             DdStore     *store,
             const char  *sql,
             gint64       from,
             gint64       to,
             GError     **error)
{
  cursor->stmt = dd_store_prepare (store, sql, error);
  if (cursor->stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (cursor->stmt, 1, from);
  sqlite3_bind_int64 (cursor->stmt, 2, to);
  cursor->rc = sqlite3_step (cursor->stmt);
  return TRUE;
}

/* Moves past the rows of ids below @id; TRUE while the cursor is on @id. */
static gboolean
cursor_on (Cursor *cursor,
           gint64  id)
{
  while (cursor->rc == SQLITE_ROW && sqlite3_column_int64 (cursor->stmt, 0) < id)
    cursor->rc = sqlite3_step (cursor->stmt);
  return cursor->rc == SQLITE_ROW && sqlite3_column_int64 (cursor->stmt, 0) == id;
}

static void
cursor_close (Cursor *cursor)
{
  if (cursor->stmt != NULL)
    sqlite3_reset (cursor->stmt);
}

/* Most exports are a dense run of ids (a year, everything): then one pass
 * along the table, its proposers and its units, merged here, costs a
 * fraction of a lookup with grouped subqueries a row. */
static DdSheet *
suggestions_by_range (DdStore        *store,
                      DdQueryModel   *model,
                      gboolean        mask,
                      GCancellable   *cancellable,
                      GError        **error)
{
  const Column *columns = suggestion_columns;
  guint n_columns = G_N_ELEMENTS (suggestion_columns);
  g_autoptr(DdSheet) sheet = new_sheet (columns, n_columns, _("Suggestions"));
  g_autofree IdRow *order = NULL;
  g_autofree LabelMemo *memo = g_new0 (LabelMemo, n_columns);
  g_autoptr(GString) proposers = g_string_new (NULL);
  g_autoptr(GString) co_units = g_string_new (NULL);
  Cursor rows = { NULL, }, people = { NULL, }, units = { NULL, };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model)), j = 0, seen = 0;
  gboolean ok = FALSE;

  order = g_new (IdRow, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      order[i].id = dd_query_model_get_id (model, i);
      order[i].row = dd_sheet_append_row (sheet);
    }
  qsort (order, n, sizeof (IdRow), compare_ids);
  if (n == 0)
    return g_steal_pointer (&sheet);

  if (!cursor_open (&rows, store, suggestion_range_sql, order[0].id, order[n - 1].id, error) ||
      !cursor_open (&people, store, proposers_range_sql, order[0].id, order[n - 1].id, error) ||
      !cursor_open (&units, store, units_range_sql, order[0].id, order[n - 1].id, error))
    goto out;

  for (; rows.rc == SQLITE_ROW; rows.rc = sqlite3_step (rows.stmt))
    {
      gint64 id = sqlite3_column_int64 (rows.stmt, 0);
      guint row;
      const char *lead = NULL;

      if ((seen++ & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      while (j < n && order[j].id < id)
        j++;
      if (j == n)
        break;
      if (order[j].id != id)
        continue;
      row = order[j].row;
      fill_row (sheet, row, columns, n_columns, rows.stmt, 1, mask, memo);

      g_string_truncate (proposers, 0);
      for (; cursor_on (&people, id); people.rc = sqlite3_step (people.stmt))
        {
          if (proposers->len > 0)
            g_string_append (proposers, "、");
          g_string_append (proposers, dd_column_text (people.stmt, 1));
        }
      if (proposers->len > 0)
        dd_sheet_set_text (sheet, row, COL_PROPOSERS, proposers->str);

      g_string_truncate (co_units, 0);
      for (; cursor_on (&units, id); units.rc = sqlite3_step (units.stmt))
        {
          if (sqlite3_column_int (units.stmt, 1))
            lead = dd_column_text (units.stmt, 2);
          else
            {
              if (co_units->len > 0)
                g_string_append (co_units, "、");
              g_string_append (co_units, dd_column_text (units.stmt, 2));
            }
          /* the lead unit's name lives until the next step: set it now */
          if (lead != NULL)
            {
              dd_sheet_set_text (sheet, row, COL_LEAD_UNIT, lead);
              lead = NULL;
            }
        }
      if (co_units->len > 0)
        dd_sheet_set_text (sheet, row, COL_CO_UNITS, co_units->str);
    }
  if (rows.rc != SQLITE_ROW && rows.rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rows.rc, error);
      goto out;
    }
  if ((people.rc != SQLITE_ROW && people.rc != SQLITE_DONE) ||
      (units.rc != SQLITE_ROW && units.rc != SQLITE_DONE))
    {
      dd_store_set_error (store, people.rc != SQLITE_ROW && people.rc != SQLITE_DONE
                                 ? people.rc : units.rc, error);
      goto out;
    }
  ok = TRUE;

out:
  cursor_close (&rows);
  cursor_close (&people);
  cursor_close (&units);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

static DdSheet *
build_suggestions (DdStore                *store,
                   const DdExportOptions  *options,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(DdSuggestionFilter) filter = NULL;
  g_autoptr(DdSuggestionList) list = NULL;

  if (options->suggestion_filter != NULL)
    filter = g_object_ref (options->suggestion_filter);
  else
    {
      filter = dd_suggestion_filter_new ();
      dd_suggestion_filter_set_year (filter, options->year);
    }
  list = dd_suggestion_list_new (store, options->states, filter);
  dd_suggestion_list_set_order (list, DD_SUGGESTION_ORDER_NEWEST);

  /* Dense: at least half the ids of their range are exported */
  {
    DdQueryModel *model = DD_QUERY_MODEL (list);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
    gint64 low = G_MAXINT64, high = 0;

    for (guint i = 0; i < n; i++)
      {
        gint64 id = dd_query_model_get_id (model, i);

        low = MIN (low, id);
        high = MAX (high, id);
      }
    if (n > 0 && (high - low + 1) <= 2 * (gint64) n)
      return suggestions_by_range (store, model, options->mask, cancellable, error);
  }
  return sheet_from_ids (store, DD_QUERY_MODEL (list), suggestion_columns,
                         G_N_ELEMENTS (suggestion_columns), suggestion_sql, _("Suggestions"),
                         options->mask, cancellable, error);
}

static DdSheet *
build_receptions (DdStore                *store,
                  const DdExportOptions  *options,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(DdSheet) sheet = new_sheet (reception_columns, G_N_ELEMENTS (reception_columns),
                                        _("Receptions"));
  sqlite3_stmt *stmt = dd_store_prepare (store, reception_sql, error);
  int rc;
  guint n = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, options->year);
  sqlite3_bind_int64 (stmt, 2, options->station_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((n++ & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      append_row (sheet, reception_columns, G_N_ELEMENTS (reception_columns), stmt, 0,
                  options->mask);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&sheet);
}

static void
stats_row (DdSheet    *sheet,
           const char *section,
           const char *figure,
           double      value)
{
  guint row = dd_sheet_append_row (sheet);

  dd_sheet_set_text (sheet, row, 0, section);
  dd_sheet_set_text (sheet, row, 1, figure);
  dd_sheet_set_number (sheet, row, 2, value);
}

static void
stats_rows (DdSheet            *sheet,
            const char         *section,
            const char * const *codes,
            const gint64       *counts)
{
  for (guint i = 0; codes[i] != NULL; i++)
    stats_row (sheet, section, dd_code_label (codes, codes[i]), counts[i]);
}

static DdSheet *
build_stats (DdStore                *store,
             const DdExportOptions  *options,
             GError                **error)
{
  DdYearStats stats;
  g_autoptr(DdSheet) sheet = NULL;
  g_autofree char *title = NULL;
  g_autofree char *year_text = NULL;
  int year = options->year != 0 ? options->year : dd_store_latest_year (store);
  double rate;

  if (!dd_year_stats_compute (store, year, &stats, error))
    return NULL;

  year_text = g_strdup_printf ("%d", year);
  /* TRANSLATORS: the sheet's tab: "Figures 2026" */
  title = g_strdup_printf (_("Figures %s"), year_text);
  sheet = new_sheet (stats_columns, G_N_ELEMENTS (stats_columns), title);

  stats_row (sheet, _("Suggestions"), _("Registered in the year"), stats.suggestions_total);
  stats_rows (sheet, _("Suggestions by kind"), dd_suggestion_kinds, stats.suggestions_by_kind);
  stats_rows (sheet, _("Suggestions by state"), dd_suggestion_states, stats.suggestions_by_state);
  stats_row (sheet, _("Suggestions"), _("Overdue"), stats.overdue);
  stats_rows (sheet, _("Replies by class"), dd_reply_classes, stats.replies_by_class);
  stats_rows (sheet, _("Evaluations"), dd_verdicts, stats.evaluations_by_verdict);
  rate = dd_year_stats_satisfaction_rate (&stats);
  if (rate >= 0)
    stats_row (sheet, _("Evaluations"), _("Satisfaction rate (%)"), rate * 100);
  stats_row (sheet, _("Deputies"), _("Active seats"), stats.deputies_total);
  stats_rows (sheet, _("Deputies by level"), dd_deputy_levels, stats.deputies_by_level);
  stats_row (sheet, _("Stations"), _("Stations in use"), stats.stations_total);
  stats_rows (sheet, _("Stations by kind"), dd_station_kinds, stats.stations_by_kind);
  stats_row (sheet, _("Receptions"), _("Receptions held"), stats.receptions);
  stats_row (sheet, _("Receptions"), _("Voters received"), stats.voters_received);
  stats_row (sheet, _("Receptions"), _("Deputies who received voters"),
             stats.deputies_receiving_voters);
  stats_row (sheet, _("Activities"), _("Activities held"), stats.activities);
  return g_steal_pointer (&sheet);
}

/**
 * dd_export_build:
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
DdSheet *
dd_export_build (DdStore                *store,
                 DdExportKind            kind,
                 const DdExportOptions  *options,
                 GCancellable           *cancellable,
                 GError                **error)
{
  DdExportOptions defaults;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  if (options == NULL)
    {
      dd_export_options_init (&defaults);
      options = &defaults;
    }

  switch (kind)
    {
    case DD_EXPORT_DEPUTIES:
      return build_deputies (store, options, cancellable, error);
    case DD_EXPORT_STATIONS:
      return build_stations (store, options, cancellable, error);
    case DD_EXPORT_SUGGESTIONS:
      return build_suggestions (store, options, cancellable, error);
    case DD_EXPORT_RECEPTIONS:
      return build_receptions (store, options, cancellable, error);
    case DD_EXPORT_STATS:
      return build_stats (store, options, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Async */

typedef struct
{
  DdStore         *reader;
  DdExportKind     kind;
  DdExportOptions  options;
  GStrv            states;
} BuildData;

static void
build_data_free (gpointer data)
{
  BuildData *d = data;

  g_clear_object (&d->reader);
  g_free ((char *) d->options.search);
  g_free ((char *) d->options.level);
  g_free ((char *) d->options.status);
  g_free ((char *) d->options.group_name);
  g_free ((char *) d->options.station_kind);
  g_free ((char *) d->options.district);
  g_free ((char *) d->options.township);
  g_clear_object (&d->options.suggestion_filter);
  g_strfreev (d->states);
  g_free (d);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *d = task_data;
  GError *error = NULL;
  DdSheet *sheet = dd_export_build (d->reader, d->kind, &d->options, cancellable, &error);

  if (sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sheet, (GDestroyNotify) dd_sheet_unref);
}

void
dd_export_build_async (DdStore                *store,
                       DdExportKind            kind,
                       const DdExportOptions  *options,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  BuildData *d = g_new0 (BuildData, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, dd_export_build_async);
  g_task_set_task_data (task, d, build_data_free);

  d->kind = kind;
  if (options != NULL)
    d->options = *options;
  else
    dd_export_options_init (&d->options);
  d->options.search = g_strdup (d->options.search);
  d->options.level = g_strdup (d->options.level);
  d->options.status = g_strdup (d->options.status);
  d->options.group_name = g_strdup (d->options.group_name);
  d->options.station_kind = g_strdup (d->options.station_kind);
  d->options.district = g_strdup (d->options.district);
  d->options.township = g_strdup (d->options.township);
  if (d->options.suggestion_filter != NULL)
    g_object_ref (d->options.suggestion_filter);
  d->states = g_strdupv ((char **) d->options.states);
  d->options.states = (const char * const *) d->states;

  d->reader = dd_store_open_reader (store, &error);
  if (d->reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (d->reader == store)
    build_thread (task, NULL, d, cancellable);
  else
    g_task_run_in_thread (task, build_thread);
}

/**
 * dd_export_build_finish:
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
DdSheet *
dd_export_build_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
dd_export_suggest_file_name (DdExportKind  kind,
                             int           year,
                             const char   *extension)
{
  const char *what;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  switch (kind)
    {
    case DD_EXPORT_DEPUTIES: what = _("Deputies"); break;
    case DD_EXPORT_STATIONS: what = _("Stations"); break;
    case DD_EXPORT_SUGGESTIONS: what = _("Suggestions"); break;
    case DD_EXPORT_RECEPTIONS: what = _("Receptions"); break;
    case DD_EXPORT_STATS: what = _("Figures"); break;
    default: g_return_val_if_reached (NULL);
    }
  if (year > 0)
    return g_strdup_printf ("%s-%d-%s.%s", what, year, today, extension);
  return g_strdup_printf ("%s-%s.%s", what, today, extension);
}
