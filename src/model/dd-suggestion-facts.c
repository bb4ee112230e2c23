/* dd-suggestion-facts.c: a suggestion's proposers, units, replies,
 * evaluations and history
 *
 * The history reads the audit rows of the suggestion and of its replies,
 * evaluations and supervisions in one indexed query (audit_log_by_entity),
 * then tells them in order. One write leaves several rows (a state, its
 * dates, the units, a reply's columns); each row is folded into the event
 * just opened by the same write when it belongs to it ("absorbed"), so the
 * office reads one sentence per thing done. The folding looks only at the
 * row's field and values and at the open event, never at the clock alone:
 * tests that freeze the time write everything in the same second and must
 * still read as separate events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-suggestion-facts"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-evaluation.h"
#include "dd-reply.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-suggestion-facts.h"
#include "dd-supervision.h"
#include "dd-supervision-flag.h"

/* A reply's text is told up to this many characters in the history. */
#define REPLY_EXCERPT_CHARS 160

typedef struct
{
  gint64  id;
  char   *changed_at;
  char   *operator_name;
  char   *entity;
  gint64  entity_id;
  char   *field;
  char   *old_value;
  char   *new_value;
} AuditRow;

/* An event while it is being told: the facts, turned into text at the end. */
typedef struct
{
  DdTimelineKind  kind;
  char           *changed_at;
  char           *operator_name;
  GArray         *audit_ids;
  char           *sort_day;     /* from the records: the day it goes with */
  int             rank;         /* from the records: order within a day */
  char           *from;         /* STATE: states; UNITS: unit ids; EDITED: unused */
  char           *to;
  char           *day;          /* ASSIGNED: the day assigned */
  char           *deadline;     /* ASSIGNED, ROUND */
  gint64          lead;         /* ASSIGNED */
  GArray         *co_units;     /* ASSIGNED: gint64 */
  GPtrArray      *details;      /* char *, one a line */
  char           *text;         /* set at once when the facts are simple */
} Draft;

typedef struct
{
  DdStore        *store;
  gint64          suggestion_id;
  DdEntityClass  *suggestion_class;
  GHashTable     *names;            /* "table:id" → name */
  GHashTable     *audited;          /* "replies:12" … rows the log tells */
  GHashTable     *audited_states;   /* states the log saw reached */
  GHashTable     *audited_rounds;   /* rounds the log saw begin */
  gboolean        audited_insert;
  gboolean        audited_assignment;
} Builder;

G_DEFINE_ENUM_TYPE (DdTimelineKind, dd_timeline_kind,
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_REGISTERED, "registered"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_EDITED, "edited"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_STATE, "state"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_ASSIGNED, "assigned"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_UNITS, "units"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_ROUND, "round"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_REPLY, "reply"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_EVALUATION, "evaluation"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_SUPERVISION_STARTED, "supervision-started"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_SUPERVISION_ENDED, "supervision-ended"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_PROPOSER, "proposer"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_MERGED_IN, "merged-in"),
                    G_DEFINE_ENUM_VALUE (DD_TIMELINE_OTHER, "other"))

/* Helpers */

/* xgettext cannot see through G_GINT64_FORMAT: numbers go into messages as text. */
static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static gint64
parse_id (const char *text)
{
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* The ids of @sql's first column, bound to @id. */
static GArray *
query_ids (DdStore     *store,
           const char  *sql,
           gint64       id,
           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

typedef gpointer (*LoadFunc) (DdStore  *store,
                              gint64    id,
                              GError  **error);

/* Loaded after the query is done: loading reuses cached statements. */
static GPtrArray *
load_all (DdStore   *store,
          GArray    *ids,
          LoadFunc   load,
          GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      gpointer item = load (store, g_array_index (ids, gint64, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (list, item);
    }
  return g_steal_pointer (&list);
}

static gpointer
load_deputy (DdStore  *store,
             gint64    id,
             GError  **error)
{
  return dd_deputy_load (store, id, error);
}

static gpointer
load_reply (DdStore  *store,
            gint64    id,
            GError  **error)
{
  return dd_reply_load (store, id, error);
}

static gpointer
load_evaluation (DdStore  *store,
                 gint64    id,
                 GError  **error)
{
  return dd_evaluation_load (store, id, error);
}

static void
audit_row_free (gpointer data)
{
  AuditRow *row = data;

  g_free (row->changed_at);
  g_free (row->operator_name);
  g_free (row->entity);
  g_free (row->field);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row);
}

/* Drafts */

static Draft *
draft_new (DdTimelineKind  kind,
           const char     *changed_at,
           const char     *operator_name)
{
  Draft *draft = g_new0 (Draft, 1);

  draft->kind = kind;
  draft->changed_at = g_strdup (changed_at);
  draft->operator_name = g_strdup (operator_name);
  draft->audit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  draft->details = g_ptr_array_new_with_free_func (g_free);
  return draft;
}

static Draft *
draft_new_for_row (DdTimelineKind  kind,
                   const AuditRow *row)
{
  Draft *draft = draft_new (kind, row->changed_at, row->operator_name);

  g_array_append_val (draft->audit_ids, row->id);
  return draft;
}

/* From the records: dated @day (nullable: not known), ordered by @sort_day and @rank. */
static Draft *
draft_new_from_records (DdTimelineKind  kind,
                        const char     *day,
                        const char     *sort_day,
                        int             rank)
{
  Draft *draft = draft_new (kind, day, NULL);

  draft->sort_day = g_strdup (sort_day != NULL ? sort_day : day);
  draft->rank = rank;
  return draft;
}

static void
draft_free (gpointer data)
{
  Draft *draft = data;

  g_free (draft->changed_at);
  g_free (draft->operator_name);
  g_array_unref (draft->audit_ids);
  g_free (draft->sort_day);
  g_free (draft->from);
  g_free (draft->to);
  g_free (draft->day);
  g_free (draft->deadline);
  if (draft->co_units != NULL)
    g_array_unref (draft->co_units);
  g_ptr_array_unref (draft->details);
  g_free (draft->text);
  g_free (draft);
}

static void
draft_add_detail (Draft      *draft,
                  const char *detail)
{
  if (!is_blank (detail))
    g_ptr_array_add (draft->details, g_strdup (detail));
}

static void
draft_take_detail (Draft *draft,
                   char  *detail)
{
  draft_add_detail (draft, detail);
  g_free (detail);
}

static void
draft_add_co_unit (Draft  *draft,
                   gint64  unit_id)
{
  if (draft->co_units == NULL)
    draft->co_units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (draft->co_units, unit_id);
}

/* Names */

/* The name of row @id of @table ("units", "deputies", "stations",
 * "suggestions": its number), or the id as text. */
static const char *
lookup_name (Builder    *b,
             const char *table,
             gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
  const char *sql;
  sqlite3_stmt *stmt;
  char *name = NULL;

  name = g_hash_table_lookup (b->names, key);
  if (name != NULL)
    return name;

  if (g_str_equal (table, "units"))
    sql = "SELECT name FROM units WHERE id = ?";
  else if (g_str_equal (table, "deputies"))
    sql = "SELECT name FROM deputies WHERE id = ?";
  else if (g_str_equal (table, "stations"))
    sql = "SELECT name FROM stations WHERE id = ?";
  else
    sql = "SELECT coalesce(number, title) FROM suggestions WHERE id = ?";

  stmt = dd_store_prepare (b->store, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup (dd_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (name == NULL)
    name = number_text (id);
  g_hash_table_insert (b->names, g_steal_pointer (&key), name);
  return name;
}

static void
note_audited (Builder    *b,
              const char *entity,
              gint64      id)
{
  g_hash_table_add (b->audited, g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity, id));
}

static gboolean
was_audited (Builder    *b,
             const char *entity,
             gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity, id);

  return g_hash_table_contains (b->audited, key);
}

/* A stored value as the office reads it: a code's label, a row's name, a date, text. */
static char *
describe_value (Builder       *b,
                const DdField *field,
                const char    *value)
{
  if (value == NULL || value[0] == '\0')
    return g_strdup (C_("value", "—"));
  if (field == NULL)
    return g_strdup (value);

  switch (field->type)
    {
    case DD_FIELD_ENUM:
      return g_strdup (dd_code_label (field->codes, value));
    case DD_FIELD_REF:
      return g_strdup (lookup_name (b, field->ref_table, parse_id (value)));
    case DD_FIELD_BOOL:
      return g_strdup (g_str_equal (value, "1") ? C_("value", "Yes") : C_("value", "No"));
    case DD_FIELD_TEXT:
      /* Translators: a text value in the history, in quotation marks */
      return g_strdup_printf (C_("value", "“%s”"), value);
    case DD_FIELD_DATE:
    case DD_FIELD_INT:
    default:
      return g_strdup (value);
    }
}

static const char *
state_label (const char *state)
{
  return state != NULL ? dd_code_label (dd_suggestion_states, state) : C_("value", "—");
}

/* Telling the audit rows */

static gboolean
same_write (const Draft    *draft,
            const AuditRow *row)
{
  return g_strcmp0 (draft->changed_at, row->changed_at) == 0 &&
         g_strcmp0 (draft->operator_name, row->operator_name) == 0;
}

static gboolean
same_record_write (const AuditRow *a,
                   const AuditRow *b)
{
  return g_str_equal (a->entity, b->entity) && a->entity_id == b->entity_id &&
         g_strcmp0 (a->changed_at, b->changed_at) == 0 &&
         g_strcmp0 (a->operator_name, b->operator_name) == 0;
}

static int
field_position (DdEntityClass *klass,
                const char    *name)
{
  const DdField *field = name != NULL ? dd_entity_class_find_field (klass, name) : NULL;

  return field != NULL ? (int) (field - klass->fields) : -1;
}

/* The end of the run of rows from @start that one insert or update of one
 * record wrote: same record, same write, its fields in declaration order. */
static guint
record_run_end (GPtrArray     *rows,
                guint          start,
                DdEntityClass *klass,
                gboolean       inserts_only)
{
  const AuditRow *first = g_ptr_array_index (rows, start);
  int last = field_position (klass, first->field);
  guint end = start + 1;

  if (inserts_only && first->old_value != NULL)
    return start;
  while (end < rows->len)
    {
      const AuditRow *row = g_ptr_array_index (rows, end);
      int position = field_position (klass, row->field);

      if (!same_record_write (first, row) || position <= last ||
          (inserts_only && row->old_value != NULL))
        break;
      last = position;
      end++;
    }
  return end;
}

static const char *
run_value (GPtrArray  *rows,
           guint       start,
           guint       end,
           const char *field)
{
  for (guint i = start; i < end; i++)
    {
      const AuditRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->field, field) == 0)
        return row->new_value;
    }
  return NULL;
}

static void
add_run_ids (Draft     *draft,
             GPtrArray *rows,
             guint      start,
             guint      end)
{
  for (guint i = start; i < end; i++)
    g_array_append_val (draft->audit_ids, ((AuditRow *) g_ptr_array_index (rows, i))->id);
}

static char *
reply_text (Builder    *b,
            gint64      unit_id,
            const char *reply_class)
{
  /* Translators: in a suggestion's history; %s: a handling unit, %s: A, B or C */
  return g_strdup_printf (_("Reply from %s, class %s"), lookup_name (b, "units", unit_id),
                          reply_class != NULL ? reply_class : "");
}

static void
reply_details (Draft      *draft,
               const char *body,
               const char *round,
               gboolean    signed_off)
{
  if (!is_blank (body))
    {
      if (g_utf8_strlen (body, -1) > REPLY_EXCERPT_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (body, 0, REPLY_EXCERPT_CHARS);

          draft_take_detail (draft, g_strconcat (cut, "…", NULL));
        }
      else
        draft_add_detail (draft, body);
    }
  if (signed_off)
    draft_add_detail (draft, _("Signed off by the co-handling units"));
  if (round != NULL && parse_id (round) > 1)
    /* Translators: in a suggestion's history; %s is a number */
    draft_take_detail (draft, g_strdup_printf (_("Round %s"), round));
}

static char *
evaluation_text (Builder    *b,
                 gint64      deputy_id,
                 const char *verdict)
{
  /* Translators: in a suggestion's history, e.g. "Evaluated by 王芳: Satisfied" */
  return g_strdup_printf (_("Evaluated by %s: %s"), lookup_name (b, "deputies", deputy_id),
                          dd_code_label (dd_verdicts, verdict));
}

static char *
supervision_started_text (const char *mode,
                          const char *leader)
{
  if (!is_blank (leader))
    /* Translators: in a suggestion's history; %s: a mode (Key, On-site, Tracking), %s: a name */
    return g_strdup_printf (_("Supervision started: %s, led by %s"),
                            dd_code_label (dd_supervision_modes, mode), leader);
  /* Translators: in a suggestion's history; %s: a mode (Key, On-site, Tracking) */
  return g_strdup_printf (_("Supervision started: %s"), dd_code_label (dd_supervision_modes, mode));
}

static char *
supervision_ended_text (const char *mode)
{
  /* Translators: in a suggestion's history; %s: a mode (Key, On-site, Tracking) */
  return g_strdup_printf (_("Supervision ended: %s"), dd_code_label (dd_supervision_modes, mode));
}

/* The rows one write of a reply, an evaluation or a supervision left. */
static Draft *
tell_record_run (Builder   *b,
                 GPtrArray *rows,
                 guint      start,
                 guint      end)
{
  const AuditRow *first = g_ptr_array_index (rows, start);
  gboolean inserted = first->old_value == NULL && run_value (rows, start, end, "suggestion-id") != NULL;
  Draft *draft;

  note_audited (b, first->entity, first->entity_id);

  if (g_str_equal (first->entity, "replies") && inserted)
    {
      draft = draft_new_for_row (DD_TIMELINE_REPLY, first);
      draft->text = reply_text (b, parse_id (run_value (rows, start, end, "unit-id")),
                                run_value (rows, start, end, "class"));
      reply_details (draft, run_value (rows, start, end, "body"), run_value (rows, start, end, "round"),
                     g_strcmp0 (run_value (rows, start, end, "co-units-signed-off"), "1") == 0);
    }
  else if (g_str_equal (first->entity, "evaluations") && inserted)
    {
      const char *round = run_value (rows, start, end, "round");

      draft = draft_new_for_row (DD_TIMELINE_EVALUATION, first);
      draft->text = evaluation_text (b, parse_id (run_value (rows, start, end, "deputy-id")),
                                     run_value (rows, start, end, "verdict"));
      draft_add_detail (draft, run_value (rows, start, end, "comment"));
      if (round != NULL && parse_id (round) > 1)
        draft_take_detail (draft, g_strdup_printf (_("Round %s"), round));
    }
  else if (g_str_equal (first->entity, "supervisions") && inserted)
    {
      draft = draft_new_for_row (DD_TIMELINE_SUPERVISION_STARTED, first);
      draft->text = supervision_started_text (run_value (rows, start, end, "mode"),
                                              run_value (rows, start, end, "leader-name"));
      draft_add_detail (draft, run_value (rows, start, end, "note"));
      /* A supervision ended from the records later must not be told again. */
      if (run_value (rows, start, end, "ended-on") != NULL)
        note_audited (b, "supervisions-ended", first->entity_id);
    }
  else if (g_str_equal (first->entity, "supervisions") &&
           run_value (rows, start, end, "ended-on") != NULL)
    {
      g_autoptr(DdSupervision) supervision = dd_supervision_load (b->store, first->entity_id, NULL);

      draft = draft_new_for_row (DD_TIMELINE_SUPERVISION_ENDED, first);
      draft->text = supervision_ended_text (supervision != NULL
                                            ? dd_entity_get_string (DD_ENTITY (supervision), "mode")
                                            : NULL);
      note_audited (b, "supervisions-ended", first->entity_id);
    }
  else
    {
      /* Anything else written to those rows: field by field. */
      draft = draft_new_for_row (DD_TIMELINE_OTHER, first);
      for (guint i = start; i < end; i++)
        {
          const AuditRow *row = g_ptr_array_index (rows, i);

          /* Translators: an audit entry with no better sentence: field: old → new */
          draft_take_detail (draft, g_strdup_printf (_("%s: %s → %s"), row->field,
                                                     row->old_value ?: C_("value", "—"),
                                                     row->new_value ?: C_("value", "—")));
        }
      /* Translators: in a suggestion's history; %s names a table, e.g. "replies" */
      draft->text = g_strdup_printf (_("Record changed: %s"), first->entity);
    }
  add_run_ids (draft, rows, start + 1, end);
  return draft;
}

/* Whether @row, written by the same write as @open, is part of what it tells. */
static gboolean
absorb (Builder        *b,
        Draft          *open,
        const AuditRow *row)
{
  const char *field = row->field != NULL ? row->field : "";
  const DdField *spec = dd_entity_class_find_field (b->suggestion_class, field);

  switch (open->kind)
    {
    case DD_TIMELINE_STATE:
      if (g_str_equal (field, "assigned-on") || g_str_equal (field, "deadline-on") ||
          g_str_equal (field, "replied-on") || g_str_equal (field, "evaluated-on") ||
          g_str_equal (field, "closed-on"))
        return TRUE;
      /* A return to review clears the units. */
      if ((g_str_equal (field, "lead-unit-id") || g_str_equal (field, "co-unit-id")) &&
          row->new_value == NULL && g_strcmp0 (open->to, "under_review") == 0)
        return TRUE;
      if (g_str_equal (field, "return-reason"))
        {
          /* Translators: in a suggestion's history; %s is the unit's reason */
          draft_take_detail (open, g_strdup_printf (_("Returned by the unit: %s"), row->new_value));
          return TRUE;
        }
      if (g_str_equal (field, "rejection-reason") || g_str_equal (field, "transferred-to"))
        {
          /* Translators: a field and its value, e.g. "Transferred to: 省人大常委会" */
          draft_take_detail (open, g_strdup_printf (_("%s: %s"), dd_field_get_label (spec),
                                                    row->new_value ?: ""));
          return TRUE;
        }
      if (g_str_equal (field, "merged-into-id") && row->new_value != NULL)
        {
          /* Translators: in a suggestion's history; %s is a suggestion's number */
          draft_take_detail (open, g_strdup_printf (_("Merged into %s"),
                                                    lookup_name (b, "suggestions",
                                                                 parse_id (row->new_value))));
          return TRUE;
        }
      if (g_str_equal (field, "published"))
        {
          if (g_strcmp0 (row->new_value, "1") == 0)
            draft_add_detail (open, _("Published on the station’s publicity board"));
          return TRUE;
        }
      return FALSE;

    case DD_TIMELINE_ASSIGNED:
      if (g_str_equal (field, "assigned-on"))
        {
          g_free (open->day);
          open->day = g_strdup (row->new_value);
          return TRUE;
        }
      if (g_str_equal (field, "deadline-on"))
        {
          g_free (open->deadline);
          open->deadline = g_strdup (row->new_value);
          return TRUE;
        }
      if (g_str_equal (field, "lead-unit-id") || g_str_equal (field, "co-unit-id"))
        {
          /* Units left from before are cleared first; then the new ones. */
          if (row->old_value == NULL && row->new_value != NULL)
            {
              if (g_str_equal (field, "lead-unit-id"))
                open->lead = parse_id (row->new_value);
              else
                draft_add_co_unit (open, parse_id (row->new_value));
            }
          return row->old_value == NULL || row->new_value == NULL;
        }
      return FALSE;

    case DD_TIMELINE_ROUND:
      if (g_str_equal (field, "deadline-on"))
        {
          g_free (open->deadline);
          open->deadline = g_strdup (row->new_value);
          return TRUE;
        }
      return FALSE;

    case DD_TIMELINE_UNITS:
      if (g_str_equal (field, "lead-unit-id") && open->to == NULL)
        {
          open->from = g_strdup (row->old_value);
          open->to = g_strdup (row->new_value);
          return TRUE;
        }
      if (g_str_equal (field, "co-unit-id") && row->new_value == NULL)
        return TRUE;
      if (g_str_equal (field, "transfer-reason"))
        {
          /* Translators: in a suggestion's history; %s is the reason given */
          draft_take_detail (open, g_strdup_printf (_("Reason: %s"), row->new_value ?: ""));
          return TRUE;
        }
      return FALSE;

    case DD_TIMELINE_SUPERVISION_STARTED:
    case DD_TIMELINE_SUPERVISION_ENDED:
      /* The flag's entry on the suggestion repeats what the supervision's rows tell. */
      return g_str_equal (field, "supervision");

    case DD_TIMELINE_EDITED:
      if (spec != NULL && !spec->managed)
        {
          g_ptr_array_add (open->details, g_strdup (field));
          /* Old and new values, kept in pairs after the field's name. */
          g_ptr_array_add (open->details, g_strdup (row->old_value));
          g_ptr_array_add (open->details, g_strdup (row->new_value));
          return TRUE;
        }
      return FALSE;

    case DD_TIMELINE_REGISTERED:
    case DD_TIMELINE_REPLY:
    case DD_TIMELINE_EVALUATION:
    case DD_TIMELINE_PROPOSER:
    case DD_TIMELINE_MERGED_IN:
    case DD_TIMELINE_OTHER:
    default:
      return FALSE;
    }
}

/* A row of the suggestion's own that no open event takes: a new event. */
static Draft *
tell_row (Builder        *b,
          const AuditRow *row,
          GPtrArray      *drafts)
{
  const char *field = row->field != NULL ? row->field : "";
  const DdField *spec = dd_entity_class_find_field (b->suggestion_class, field);
  Draft *draft;

  if (g_str_equal (field, "state"))
    {
      draft = draft_new_for_row (DD_TIMELINE_STATE, row);
      draft->from = g_strdup (row->old_value);
      draft->to = g_strdup (row->new_value);
      if (row->new_value != NULL)
        g_hash_table_add (b->audited_states, g_strdup (row->new_value));
      if (g_strcmp0 (row->new_value, "assigned") == 0)
        {
          /* The assignment's data follow the state: an event of their own. */
          b->audited_assignment = TRUE;
          g_ptr_array_add (drafts, draft);
          return draft_new (DD_TIMELINE_ASSIGNED, row->changed_at, row->operator_name);
        }
      return draft;
    }

  if (g_str_equal (field, "round"))
    {
      draft = draft_new_for_row (DD_TIMELINE_ROUND, row);
      draft->to = g_strdup (row->new_value);
      if (row->new_value != NULL)
        g_hash_table_add (b->audited_rounds, g_strdup (row->new_value));
      return draft;
    }

  if ((g_str_equal (field, "lead-unit-id") && row->old_value != NULL && row->new_value != NULL) ||
      (g_str_equal (field, "co-unit-id") && row->old_value != NULL && row->new_value == NULL))
    {
      /* A transfer to another lead unit; a co-handling unit promoted leaves its role first. */
      b->audited_assignment = TRUE;
      draft = draft_new_for_row (DD_TIMELINE_UNITS, row);
      if (g_str_equal (field, "lead-unit-id"))
        {
          draft->from = g_strdup (row->old_value);
          draft->to = g_strdup (row->new_value);
        }
      return draft;
    }

  if (g_str_equal (field, "lead-unit-id") || g_str_equal (field, "co-unit-id"))
    {
      /* Units without a state row (not written by this version's workflow). */
      b->audited_assignment = TRUE;
      draft = draft_new_for_row (DD_TIMELINE_ASSIGNED, row);
      if (row->new_value != NULL && g_str_equal (field, "lead-unit-id"))
        draft->lead = parse_id (row->new_value);
      else if (row->new_value != NULL)
        draft_add_co_unit (draft, parse_id (row->new_value));
      return draft;
    }

  if (g_str_equal (field, "proposers") && row->new_value != NULL)
    {
      draft = draft_new_for_row (DD_TIMELINE_PROPOSER, row);
      /* Translators: in a suggestion's history; %s is a deputy's name */
      draft->text = g_strdup_printf (_("%s joined as a proposer"),
                                     lookup_name (b, "deputies", parse_id (row->new_value)));
      return draft;
    }

  if (spec != NULL && !spec->managed)
    {
      draft = draft_new (DD_TIMELINE_EDITED, row->changed_at, row->operator_name);
      absorb (b, draft, row);
      g_array_append_val (draft->audit_ids, row->id);
      return draft;
    }

  /* Anything else: the field, old → new. */
  draft = draft_new_for_row (DD_TIMELINE_OTHER, row);
  if (g_str_equal (field, "supervision"))
    {
      const char *old_mode = row->old_value != NULL
                             ? dd_code_label (dd_supervision_modes, row->old_value) : C_("value", "—");
      const char *new_mode = row->new_value != NULL
                             ? dd_code_label (dd_supervision_modes, row->new_value) : C_("value", "—");

      /* Translators: in a suggestion's history: supervision mode, old → new */
      draft->text = g_strdup_printf (_("Supervision: %s → %s"), old_mode, new_mode);
    }
  else
    {
      g_autofree char *old_text = describe_value (b, spec, row->old_value);
      g_autofree char *new_text = describe_value (b, spec, row->new_value);

      draft->text = g_strdup_printf (_("%s: %s → %s"),
                                     spec != NULL ? dd_field_get_label (spec) : field,
                                     old_text, new_text);
    }
  return draft;
}

/* Another suggestion's merge into this one. */
static Draft *
tell_merged_in (Builder        *b,
                const AuditRow *row)
{
  Draft *draft = draft_new_for_row (DD_TIMELINE_MERGED_IN, row);
  const char *number = lookup_name (b, "suggestions", row->entity_id);

  if (row->old_value == NULL)
    /* Translators: in a suggestion's history; %s is another suggestion's number */
    draft->text = g_strdup_printf (_("%s was merged into this suggestion"), number);
  else
    /* Translators: in a suggestion's history; %s: a suggestion merged before into %s, which was merged into this one */
    draft->text = g_strdup_printf (_("%s, merged into %s before, now belongs to this suggestion"),
                                   number, lookup_name (b, "suggestions", parse_id (row->old_value)));
  return draft;
}

static GPtrArray *
read_audit_rows (Builder  *b,
                 GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (audit_row_free);
  g_autofree char *id_text = number_text (b->suggestion_id);
  sqlite3_stmt *stmt;
  int rc;

  /* Each branch is one range of audit_log_by_entity (entity, entity_id, id). */
  stmt = dd_store_prepare (b->store,
                           "SELECT id, changed_at, operator, entity, entity_id, field, old_value, new_value "
                           "FROM audit_log WHERE entity = 'suggestions' AND entity_id = ?1 "
                           "UNION ALL "
                           "SELECT id, changed_at, operator, entity, entity_id, field, old_value, new_value "
                           "FROM audit_log WHERE entity = 'replies' "
                           "AND entity_id IN (SELECT id FROM replies WHERE suggestion_id = ?1) "
                           "UNION ALL "
                           "SELECT id, changed_at, operator, entity, entity_id, field, old_value, new_value "
                           "FROM audit_log WHERE entity = 'evaluations' "
                           "AND entity_id IN (SELECT id FROM evaluations WHERE suggestion_id = ?1) "
                           "UNION ALL "
                           "SELECT id, changed_at, operator, entity, entity_id, field, old_value, new_value "
                           "FROM audit_log WHERE entity = 'supervisions' "
                           "AND entity_id IN (SELECT id FROM supervisions WHERE suggestion_id = ?1) "
                           "UNION ALL "
                           "SELECT id, changed_at, operator, entity, entity_id, field, old_value, new_value "
                           "FROM audit_log WHERE entity = 'suggestions' "
                           "AND entity_id IN (SELECT id FROM suggestions WHERE merged_into_id = ?1) "
                           "AND field = 'merged-into-id' AND new_value = ?2 "
                           "ORDER BY 1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, b->suggestion_id);
  sqlite3_bind_text (stmt, 2, id_text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AuditRow *row = g_new0 (AuditRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->changed_at = g_strdup (dd_column_text (stmt, 1));
      row->operator_name = g_strdup (dd_column_text (stmt, 2));
      row->entity = g_strdup (dd_column_text (stmt, 3));
      row->entity_id = sqlite3_column_int64 (stmt, 4);
      row->field = g_strdup (dd_column_text (stmt, 5));
      row->old_value = g_strdup (dd_column_text (stmt, 6));
      row->new_value = g_strdup (dd_column_text (stmt, 7));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (b->store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static GPtrArray *
tell_audit_rows (Builder    *b,
                 GPtrArray  *rows)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func (draft_free);
  Draft *open = NULL;
  guint i = 0;

  while (i < rows->len)
    {
      const AuditRow *row = g_ptr_array_index (rows, i);

      if (open != NULL && !same_write (open, row))
        open = NULL;

      if (!g_str_equal (row->entity, "suggestions"))
        {
          GType type = g_str_equal (row->entity, "replies") ? DD_TYPE_REPLY
                       : g_str_equal (row->entity, "evaluations") ? DD_TYPE_EVALUATION
                       : DD_TYPE_SUPERVISION;
          DdEntityClass *klass = g_type_class_ref (type);
          guint end = record_run_end (rows, i, klass, FALSE);

          g_type_class_unref (klass);
          open = tell_record_run (b, rows, i, end);
          g_ptr_array_add (drafts, open);
          i = end;
          continue;
        }

      if (row->entity_id != b->suggestion_id)
        {
          g_ptr_array_add (drafts, tell_merged_in (b, row));
          open = NULL;
          i++;
          continue;
        }

      /* The registration: every column written with no old value, "kind" among them. */
      {
        guint end = record_run_end (rows, i, b->suggestion_class, TRUE);

        if (end > i && run_value (rows, i, end, "kind") != NULL)
          {
            const char *kind = run_value (rows, i, end, "kind");
            Draft *draft = draft_new_for_row (DD_TIMELINE_REGISTERED, row);

            draft->text = g_strdup (g_strcmp0 (kind, "voter_opinion") == 0
                                    ? _("Registered as a voter’s opinion")
                                    : _("Registered as a deputy’s suggestion"));
            add_run_ids (draft, rows, i + 1, end);
            b->audited_insert = TRUE;
            g_ptr_array_add (drafts, draft);
            open = NULL;
            i = end;
            continue;
          }
      }

      if (open != NULL && absorb (b, open, row))
        {
          g_array_append_val (open->audit_ids, row->id);
          i++;
          continue;
        }

      open = tell_row (b, row, drafts);
      g_ptr_array_add (drafts, open);
      i++;
    }
  return drafts;
}

/* Telling the records */

/* The records' day ranks: what happens first on one day. */
enum {
  RANK_REGISTERED,
  RANK_DECIDED,
  RANK_ASSIGNED,
  RANK_SUPERVISION_STARTED,
  RANK_REPLY,
  RANK_EVALUATION,
  RANK_ROUND,
  RANK_SUPERVISION_ENDED,
  RANK_CLOSED,
};

/* The day round @r began: the last verdict of the round before. */
static const char *
round_began_on (GPtrArray *evaluations,
                gint64     r)
{
  const char *began_on = NULL;

  for (guint i = 0; i < evaluations->len; i++)
    {
      DdEntity *evaluation = g_ptr_array_index (evaluations, i);

      if (dd_entity_get_int (evaluation, "round") == r - 1 &&
          g_strcmp0 (dd_entity_get_string (evaluation, "evaluated-on"), began_on) > 0)
        began_on = dd_entity_get_string (evaluation, "evaluated-on");
    }
  return began_on;
}

static gboolean
tell_records (Builder       *b,
              DdSuggestion  *suggestion,
              GPtrArray     *drafts,
              GError       **error)
{
  DdEntity *entity = DD_ENTITY (suggestion);
  const char *state = dd_entity_get_string (entity, "state");
  const char *registered_on = dd_entity_get_string (entity, "registered-on");
  gint64 round = dd_entity_get_int (entity, "round");
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) supervisions = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  const char *last_began;
  const char *deadline;
  gboolean deadline_of_round;
  Draft *draft;

  if (!b->audited_insert)
    {
      draft = draft_new_from_records (DD_TIMELINE_REGISTERED, registered_on, NULL, RANK_REGISTERED);
      draft->text = g_strdup (g_strcmp0 (dd_entity_get_string (entity, "kind"), "voter_opinion") == 0
                              ? _("Registered as a voter’s opinion")
                              : _("Registered as a deputy’s suggestion"));
      g_ptr_array_add (drafts, draft);
    }

  /* Decided in review, on a day the records do not keep. */
  if ((g_strcmp0 (state, "rejected") == 0 || g_strcmp0 (state, "merged") == 0 ||
       g_strcmp0 (state, "transferred_out") == 0) &&
      !g_hash_table_contains (b->audited_states, state))
    {
      const char *reason = dd_entity_get_string (entity, "rejection-reason");
      const char *destination = dd_entity_get_string (entity, "transferred-to");
      gint64 into = dd_entity_get_int (entity, "merged-into-id");

      draft = draft_new_from_records (DD_TIMELINE_STATE, NULL, registered_on, RANK_DECIDED);
      draft->from = g_strdup ("under_review");
      draft->to = g_strdup (state);
      if (!is_blank (reason))
        draft_take_detail (draft, g_strdup_printf (_("%s: %s"), _("Reason for rejection"), reason));
      if (!is_blank (destination))
        draft_take_detail (draft, g_strdup_printf (_("%s: %s"), _("Transferred to"), destination));
      if (into != 0)
        draft_take_detail (draft, g_strdup_printf (_("Merged into %s"), lookup_name (b, "suggestions", into)));
      g_ptr_array_add (drafts, draft);
    }

  units = dd_suggestion_dup_units (b->store, b->suggestion_id, error);
  if (units == NULL)
    return FALSE;
  evaluations = dd_suggestion_dup_evaluations (b->store, b->suggestion_id, error);
  if (evaluations == NULL)
    return FALSE;
  /* The deadline column holds the current round's deadline, or (in
   * records kept elsewhere) still the first one: it goes with the
   * assignment unless it falls after the last round began. */
  last_began = round > 1 ? round_began_on (evaluations, round) : NULL;
  deadline = dd_entity_get_string (entity, "deadline-on");
  deadline_of_round = deadline != NULL && last_began != NULL && strcmp (deadline, last_began) > 0;
  if (!b->audited_assignment && units->len > 0)
    {
      const DdSuggestionUnit *first = g_ptr_array_index (units, 0);
      const char *assigned_on = dd_entity_get_string (entity, "assigned-on") ?: first->assigned_on;

      draft = draft_new_from_records (DD_TIMELINE_ASSIGNED, assigned_on, NULL, RANK_ASSIGNED);
      draft->day = g_strdup (assigned_on);
      for (guint i = 0; i < units->len; i++)
        {
          const DdSuggestionUnit *unit = g_ptr_array_index (units, i);

          if (g_str_equal (unit->role, "lead"))
            draft->lead = unit->unit_id;
          else
            draft_add_co_unit (draft, unit->unit_id);
        }
      if (round <= 1 || (last_began != NULL && !deadline_of_round))
        draft->deadline = g_strdup (deadline);
      g_ptr_array_add (drafts, draft);
    }

  supervisions = dd_supervision_list_for (b->store, b->suggestion_id, error);
  if (supervisions == NULL)
    return FALSE;
  for (guint i = 0; i < supervisions->len; i++)
    {
      DdEntity *supervision = g_ptr_array_index (supervisions, i);
      gint64 id = dd_entity_get_id (supervision);
      const char *mode = dd_entity_get_string (supervision, "mode");
      const char *ended_on = dd_entity_get_string (supervision, "ended-on");

      if (!was_audited (b, "supervisions", id))
        {
          draft = draft_new_from_records (DD_TIMELINE_SUPERVISION_STARTED,
                                          dd_entity_get_string (supervision, "started-on"), NULL,
                                          RANK_SUPERVISION_STARTED);
          draft->text = supervision_started_text (mode, dd_entity_get_string (supervision, "leader-name"));
          draft_add_detail (draft, dd_entity_get_string (supervision, "note"));
          g_ptr_array_add (drafts, draft);
        }
      if (ended_on != NULL && !was_audited (b, "supervisions-ended", id))
        {
          draft = draft_new_from_records (DD_TIMELINE_SUPERVISION_ENDED, ended_on, NULL,
                                          RANK_SUPERVISION_ENDED);
          draft->text = supervision_ended_text (mode);
          g_ptr_array_add (drafts, draft);
        }
    }

  replies = dd_suggestion_dup_replies (b->store, b->suggestion_id, error);
  if (replies == NULL)
    return FALSE;
  for (guint i = 0; i < replies->len; i++)
    {
      DdEntity *reply = g_ptr_array_index (replies, i);
      g_autofree char *reply_round = number_text (dd_entity_get_int (reply, "round"));

      if (was_audited (b, "replies", dd_entity_get_id (reply)))
        continue;
      draft = draft_new_from_records (DD_TIMELINE_REPLY, dd_entity_get_string (reply, "replied-on"),
                                      NULL, RANK_REPLY);
      draft->text = reply_text (b, dd_entity_get_int (reply, "unit-id"),
                                dd_entity_get_string (reply, "class"));
      reply_details (draft, dd_entity_get_string (reply, "body"), reply_round,
                     dd_entity_get_bool (reply, "co-units-signed-off"));
      g_ptr_array_add (drafts, draft);
    }

  for (guint i = 0; i < evaluations->len; i++)
    {
      DdEntity *evaluation = g_ptr_array_index (evaluations, i);
      gint64 evaluation_round = dd_entity_get_int (evaluation, "round");

      if (was_audited (b, "evaluations", dd_entity_get_id (evaluation)))
        continue;
      draft = draft_new_from_records (DD_TIMELINE_EVALUATION,
                                      dd_entity_get_string (evaluation, "evaluated-on"), NULL,
                                      RANK_EVALUATION);
      draft->text = evaluation_text (b, dd_entity_get_int (evaluation, "deputy-id"),
                                     dd_entity_get_string (evaluation, "verdict"));
      draft_add_detail (draft, dd_entity_get_string (evaluation, "comment"));
      if (evaluation_round > 1)
        {
          g_autofree char *text = number_text (evaluation_round);

          draft_take_detail (draft, g_strdup_printf (_("Round %s"), text));
        }
      g_ptr_array_add (drafts, draft);
    }

  /* Each later round began with the unsatisfied verdicts of the one before. */
  for (gint64 r = 2; r <= round; r++)
    {
      g_autofree char *text = number_text (r);
      const char *began_on = round_began_on (evaluations, r);

      if (g_hash_table_contains (b->audited_rounds, text) || began_on == NULL)
        continue;
      draft = draft_new_from_records (DD_TIMELINE_ROUND, began_on, NULL, RANK_ROUND);
      draft->to = g_steal_pointer (&text);
      if (r == round && deadline_of_round)
        draft->deadline = g_strdup (deadline);
      g_ptr_array_add (drafts, draft);
    }

  if (g_strcmp0 (state, "closed") == 0 && !g_hash_table_contains (b->audited_states, "closed"))
    {
      draft = draft_new_from_records (DD_TIMELINE_STATE, dd_entity_get_string (entity, "closed-on"),
                                      registered_on, RANK_CLOSED);
      if (draft->changed_at != NULL)
        {
          g_free (draft->sort_day);
          draft->sort_day = g_strdup (draft->changed_at);
        }
      draft->from = g_strdup ("evaluated");
      draft->to = g_strdup ("closed");
      if (dd_entity_get_bool (entity, "published"))
        draft_add_detail (draft, _("Published on the station’s publicity board"));
      g_ptr_array_add (drafts, draft);
    }
  return TRUE;
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const Draft *x = *(const Draft * const *) a;
  const Draft *y = *(const Draft * const *) b;
  int by_day = g_strcmp0 (x->sort_day, y->sort_day);

  if (by_day != 0)
    return by_day;
  return x->rank - y->rank;
}

/* Turning drafts into events */

static char *
join_units (Builder     *b,
            const Draft *draft)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (draft->lead != 0)
    /* Translators: a lead unit (主办) in a suggestion's history */
    g_string_append_printf (text, _("%s (lead)"), lookup_name (b, "units", draft->lead));
  for (guint i = 0; draft->co_units != NULL && i < draft->co_units->len; i++)
    {
      if (text->len > 0)
        g_string_append (text, C_("list", ", "));
      /* Translators: a co-handling unit (协办) in a suggestion's history */
      g_string_append_printf (text, _("%s (co-handling)"),
                              lookup_name (b, "units", g_array_index (draft->co_units, gint64, i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
edited_text (Builder *b,
             Draft   *draft,
             char   **detail)
{
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GString) lines = g_string_new (NULL);

  /* details holds (field, old, new) triples. */
  for (guint i = 0; i + 2 < draft->details->len; i += 3)
    {
      const char *name = g_ptr_array_index (draft->details, i);
      const DdField *spec = dd_entity_class_find_field (b->suggestion_class, name);
      const char *label = spec != NULL ? dd_field_get_label (spec) : name;

      if (labels->len > 0)
        g_string_append (labels, C_("list", ", "));
      g_string_append (labels, label);
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      if (g_str_equal (name, "body"))
        /* Translators: in a suggestion's history; %s names a field, e.g. "Text" */
        g_string_append_printf (lines, _("%s rewritten"), label);
      else
        {
          g_autofree char *old_text = describe_value (b, spec, g_ptr_array_index (draft->details, i + 1));
          g_autofree char *new_text = describe_value (b, spec, g_ptr_array_index (draft->details, i + 2));

          g_string_append_printf (lines, _("%s: %s → %s"), label, old_text, new_text);
        }
    }
  *detail = lines->len > 0 ? g_strdup (lines->str) : NULL;
  /* Translators: in a suggestion's history; %s lists the fields changed */
  return g_strdup_printf (_("Edited: %s"), labels->str);
}

static DdTimelineEvent *
finish (Builder *b,
        Draft   *draft)
{
  DdTimelineEvent *event = g_new0 (DdTimelineEvent, 1);
  char *detail = NULL;

  event->kind = draft->kind;
  event->changed_at = g_steal_pointer (&draft->changed_at);
  event->operator_name = g_steal_pointer (&draft->operator_name);
  event->audit_ids = g_array_ref (draft->audit_ids);

  switch (draft->kind)
    {
    case DD_TIMELINE_STATE:
      /* Translators: in a suggestion's history, e.g. "State: Handling → Replied" */
      event->text = g_strdup_printf (_("State: %s → %s"), state_label (draft->from), state_label (draft->to));
      break;
    case DD_TIMELINE_ASSIGNED:
      {
        g_autofree char *units = join_units (b, draft);

        if (draft->deadline != NULL)
          /* Translators: in a suggestion's history; %s: the units, %s: a date */
          event->text = g_strdup_printf (_("Assigned to %s; reply deadline %s"), units, draft->deadline);
        else
          /* Translators: in a suggestion's history; %s: the units */
          event->text = g_strdup_printf (_("Assigned to %s"), units);
        if (draft->day != NULL && (event->changed_at == NULL ||
                                   !g_str_has_prefix (event->changed_at, draft->day)))
          /* Translators: in a suggestion's history; %s is a date */
          draft_take_detail (draft, g_strdup_printf (_("Assigned on %s"), draft->day));
      }
      break;
    case DD_TIMELINE_UNITS:
      /* Translators: in a suggestion's history: the lead unit, old → new */
      event->text = g_strdup_printf (_("Lead unit: %s → %s"),
                                     draft->from != NULL ? lookup_name (b, "units", parse_id (draft->from))
                                                         : C_("value", "—"),
                                     draft->to != NULL ? lookup_name (b, "units", parse_id (draft->to))
                                                       : C_("value", "—"));
      break;
    case DD_TIMELINE_ROUND:
      if (draft->deadline != NULL)
        /* Translators: in a suggestion's history; %s: a round number, %s: a date */
        event->text = g_strdup_printf (_("Back to handling for round %s; reply deadline %s"),
                                       draft->to ?: "", draft->deadline);
      else
        /* Translators: in a suggestion's history; %s: a round number */
        event->text = g_strdup_printf (_("Back to handling for round %s"), draft->to ?: "");
      break;
    case DD_TIMELINE_EDITED:
      event->text = edited_text (b, draft, &detail);
      break;
    case DD_TIMELINE_REGISTERED:
    case DD_TIMELINE_REPLY:
    case DD_TIMELINE_EVALUATION:
    case DD_TIMELINE_SUPERVISION_STARTED:
    case DD_TIMELINE_SUPERVISION_ENDED:
    case DD_TIMELINE_PROPOSER:
    case DD_TIMELINE_MERGED_IN:
    case DD_TIMELINE_OTHER:
    default:
      event->text = g_steal_pointer (&draft->text);
      break;
    }

  if (detail == NULL && draft->kind != DD_TIMELINE_EDITED && draft->details->len > 0)
    {
      g_ptr_array_add (draft->details, NULL);
      detail = g_strjoinv ("\n", (char **) draft->details->pdata);
    }
  event->detail = detail;
  if (event->text == NULL)
    event->text = g_strdup ("");
  return event;
}

/* Public API */

void
dd_suggestion_unit_free (DdSuggestionUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->role);
  g_free (unit->assigned_on);
  g_free (unit);
}

void
dd_timeline_event_free (DdTimelineEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->changed_at);
  g_free (event->operator_name);
  g_free (event->text);
  g_free (event->detail);
  if (event->audit_ids != NULL)
    g_array_unref (event->audit_ids);
  g_free (event);
}

/**
 * dd_suggestion_dup_proposers:
 * Returns: (transfer full) (element-type DdDeputy): the proposers, lead
 *   first, or %NULL with @error set
 */
GPtrArray *
dd_suggestion_dup_proposers (DdStore  *store,
                             gint64    suggestion_id,
                             GError  **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  ids = dd_suggestion_dup_proposer_ids (store, suggestion_id, error);
  return load_all (store, ids, load_deputy, error);
}

/**
 * dd_suggestion_dup_units:
 * Returns: (transfer full) (element-type DdSuggestionUnit): the lead unit,
 *   then the co-handling units by name, or %NULL with @error set
 */
GPtrArray *
dd_suggestion_dup_units (DdStore  *store,
                         gint64    suggestion_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_suggestion_unit_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  stmt = dd_store_prepare (store,
                           "SELECT u.id, u.name, su.role, su.assigned_on, u.active "
                           "FROM suggestion_units su JOIN units u ON u.id = su.unit_id "
                           "WHERE su.suggestion_id = ? "
                           "ORDER BY su.role <> 'lead', u.name, u.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DdSuggestionUnit *unit = g_new0 (DdSuggestionUnit, 1);

      unit->unit_id = sqlite3_column_int64 (stmt, 0);
      unit->name = g_strdup (dd_column_text (stmt, 1));
      unit->role = g_strdup (dd_column_text (stmt, 2));
      unit->assigned_on = g_strdup (dd_column_text (stmt, 3));
      unit->active = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (units, unit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

/**
 * dd_suggestion_dup_replies:
 * Returns: (transfer full) (element-type DdReply): by round, date and id,
 *   or %NULL with @error set
 */
GPtrArray *
dd_suggestion_dup_replies (DdStore  *store,
                           gint64    suggestion_id,
                           GError  **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  ids = query_ids (store,
                   "SELECT id FROM replies WHERE suggestion_id = ? ORDER BY round, replied_on, id",
                   suggestion_id, error);
  return load_all (store, ids, load_reply, error);
}

/**
 * dd_suggestion_dup_evaluations:
 * Returns: (transfer full) (element-type DdEvaluation): by round, then in
 *   the proposers' order, or %NULL with @error set
 */
GPtrArray *
dd_suggestion_dup_evaluations (DdStore  *store,
                               gint64    suggestion_id,
                               GError  **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  ids = query_ids (store,
                   "SELECT e.id FROM evaluations e LEFT JOIN suggestion_proposers p "
                   "ON p.suggestion_id = e.suggestion_id AND p.deputy_id = e.deputy_id "
                   "WHERE e.suggestion_id = ? "
                   "ORDER BY e.round, coalesce(p.position, 2147483647), e.deputy_id",
                   suggestion_id, error);
  return load_all (store, ids, load_evaluation, error);
}

/**
 * dd_suggestion_dup_timeline:
 * Returns: (transfer full) (element-type DdTimelineEvent): the history,
 *   oldest first, or %NULL with @error set (DD_MODEL_ERROR_NOT_FOUND for
 *   an unknown suggestion)
 */
GPtrArray *
dd_suggestion_dup_timeline (DdStore  *store,
                            gint64    suggestion_id,
                            GError  **error)
{
  g_autoptr(DdSuggestion) suggestion = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (draft_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_timeline_event_free);
  Builder b = { 0 };
  guint a = 0, r = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  suggestion = dd_suggestion_load (store, suggestion_id, error);
  if (suggestion == NULL)
    return NULL;

  b.store = store;
  b.suggestion_id = suggestion_id;
  b.suggestion_class = g_type_class_ref (DD_TYPE_SUGGESTION);
  b.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b.audited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.audited_states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.audited_rounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  rows = read_audit_rows (&b, error);
  if (rows == NULL)
    goto out;
  told = tell_audit_rows (&b, rows);
  if (!tell_records (&b, suggestion, records, error))
    goto out;
  /* Stable: equal days keep the order they were told in. */
  g_ptr_array_sort (records, compare_records);

  /* The records' events go before the log's from a later day, and before
   * the log's own of the same day (they happened before it knew them). */
  while (a < told->len || r < records->len)
    {
      Draft *logged = a < told->len ? g_ptr_array_index (told, a) : NULL;
      Draft *recorded = r < records->len ? g_ptr_array_index (records, r) : NULL;

      if (recorded != NULL &&
          (logged == NULL || logged->changed_at == NULL ||
           strncmp (recorded->sort_day ?: "", logged->changed_at, 10) <= 0))
        {
          g_ptr_array_add (events, finish (&b, recorded));
          r++;
        }
      else
        {
          g_ptr_array_add (events, finish (&b, logged));
          a++;
        }
    }
  ok = TRUE;

out:
  g_type_class_unref (b.suggestion_class);
  g_hash_table_unref (b.names);
  g_hash_table_unref (b.audited);
  g_hash_table_unref (b.audited_states);
  g_hash_table_unref (b.audited_rounds);
  return ok ? g_steal_pointer (&events) : NULL;
}
