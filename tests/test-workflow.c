/* test-workflow.c: the suggestion workflow — every ordered pair of states
 * tried (legal moves succeed with their data, all others fail with
 * ILLEGAL_TRANSITION and write nothing), each move refused without its
 * data, rounds after an unsatisfied evaluation, merge and transfers, the
 * unit's return within five working days, the audit entries of every move,
 * and supervision as a flag with a history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>

#include "dd-calendar.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-model-error.h"
#include "dd-reception.h"
#include "dd-station.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-supervision.h"
#include "dd-supervision-flag.h"
#include "dd-unit.h"
#include "dd-workflow.h"

#define NOW "2025-12-01T10:00:00"
#define OPERATOR "办公室小王"

typedef struct
{
  DdStore *store;
  gint64   deputies[3];
  gint64   units[4];      /* [3] is inactive */
} Fixture;

/* Valid data for any move, kept alive in one place. */
typedef struct
{
  DdMove             move;
  DdAssignment       assignment;
  gint64             co_units[1];
  DdReplyInput       reply;
  DdVerdict          verdicts[2];
  DdEvaluationInput  evaluation;
  DdClosing          closing;
  DdUnitReturn       unit_return;
} MoveData;

/* Helpers */

static gint64
query_int (DdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static char *
query_text (DdStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static gint64
count_where (DdStore    *store,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gint64
count_where (DdStore    *store,
             const char *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return query_int (store, sql);
}

static char *
column_of (DdStore    *store,
           gint64      id,
           const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM suggestions WHERE id = %" G_GINT64_FORMAT,
                                          column, id);
  return query_text (store, sql);
}

/* Every row of every table a move may touch, as text: equal before and
 * after means nothing was written. */
static char *
snapshot (DdStore *store)
{
  static const char * const tables[] = {
    "suggestions", "suggestion_units", "suggestion_proposers", "replies", "evaluations",
    "supervisions", "audit_log", "holidays", "settings",
  };
  GString *text = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", tables[t]);
      sqlite3_stmt *stmt;

      g_assert_true (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK);
      g_string_append_printf (text, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (text, "%s|", value != NULL ? value : "∅");
            }
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (text, FALSE);
}

static gint64
add_deputy (DdStore    *store,
            const char *name)
{
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (deputy, "name", name, "level", "county", "term", (gint64) 18, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_no_error (error);
  return dd_entity_get_id (DD_ENTITY (deputy));
}

static gint64
add_unit (DdStore    *store,
          const char *name,
          gboolean    active)
{
  g_autoptr(DdUnit) unit = dd_unit_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (unit, "name", name, "active", active, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (unit), store, &error));
  g_assert_no_error (error);
  return dd_entity_get_id (DD_ENTITY (unit));
}

static void
add_proposer (DdStore *store,
              gint64   suggestion_id,
              gint64   deputy_id,
              int      position)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO suggestion_proposers (suggestion_id, deputy_id, "
                                          "position) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                                          ", %d)", suggestion_id, deputy_id, position);

  g_assert_true (dd_store_exec (store, sql, NULL));
}

/* A deputy's suggestion registered on 2025-09-01 by deputies 0 and 1. */
static gint64
add_suggestion (Fixture    *f,
                const char *title)
{
  g_autoptr(DdSuggestion) suggestion = dd_suggestion_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (suggestion, "kind", "deputy_suggestion", "title", title,
                "body", "建议在老旧小区增设无障碍设施，方便老年人出行。",
                "category", "urban_construction", "registered-on", "2025-09-01", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (suggestion), f->store, &error));
  g_assert_no_error (error);
  id = dd_entity_get_id (DD_ENTITY (suggestion));
  add_proposer (f->store, id, f->deputies[0], 1);
  add_proposer (f->store, id, f->deputies[1], 2);
  return id;
}

static void
move_data_init (MoveData *d,
                Fixture  *f,
                gint64    merge_into_id,
                gboolean  unsatisfied)
{
  memset (d, 0, sizeof *d);
  d->co_units[0] = f->units[1];
  d->assignment = (DdAssignment) { f->units[0], d->co_units, 1, "2025-09-05", NULL };
  d->reply = (DdReplyInput) { 0, "A", "已完成无障碍坡道改造，共计十二处。", "2025-10-20", TRUE };
  d->verdicts[0] = (DdVerdict) { f->deputies[0], "satisfied", NULL };
  d->verdicts[1] = (DdVerdict) { f->deputies[1], unsatisfied ? "unsatisfied" : "basically_satisfied",
                                 "进度偏慢" };
  d->evaluation = (DdEvaluationInput) { d->verdicts, 2, "2025-10-25" };
  d->closing = (DdClosing) { "2025-10-30", TRUE };
  d->unit_return = (DdUnitReturn) { "不属于本单位职责范围", "2025-09-10" };
  d->move = (DdMove) {
    &d->assignment, &d->reply, &d->evaluation, &d->closing, &d->unit_return,
    "属于信访事项，不予立案", merge_into_id, "省人大常委会",
  };
}

/* A copy of @src whose move points at the copy's own data. */
static void
move_data_copy (MoveData       *dest,
                const MoveData *src)
{
  *dest = *src;
  dest->assignment.co_unit_ids = dest->co_units;
  dest->evaluation.verdicts = dest->verdicts;
  dest->move.assignment = &dest->assignment;
  dest->move.reply = &dest->reply;
  dest->move.evaluation = &dest->evaluation;
  dest->move.closing = &dest->closing;
  dest->move.unit_return = &dest->unit_return;
}

/* Moves @id from registered to @state through the workflow, with valid data. */
static void
drive_to (Fixture    *f,
          gint64      id,
          const char *state)
{
  static const char * const path[] = {
    "registered", "under_review", "assigned", "handling", "replied", "evaluated", "closed", NULL
  };
  g_autoptr(GError) error = NULL;
  MoveData d;
  const char *side = NULL;

  if (g_str_equal (state, "rejected") || g_str_equal (state, "merged") ||
      g_str_equal (state, "transferred_out"))
    {
      side = state;
      state = "under_review";
    }
  move_data_init (&d, f, 0, FALSE);

  for (guint i = 1; path[i - 1] != NULL && !g_str_equal (path[i - 1], state); i++)
    {
      g_assert_true (dd_workflow_move (f->store, id, path[i], &d.move, &error));
      g_assert_no_error (error);
    }

  if (side != NULL)
    {
      d.move.merge_into_id = add_suggestion (f, "关于加装电梯的建议（主件）");
      g_assert_true (dd_workflow_move (f->store, id, side, &d.move, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *now = column_of (f->store, id, "state");
    g_assert_cmpstr (now, ==, side != NULL ? side : state);
  }
}

static void
assert_refused (Fixture     *f,
                const char  *before,
                GError      *error,
                int          code,
                const char  *fragment)
{
  g_autofree char *after = snapshot (f->store);

  g_assert_error (error, DD_MODEL_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  g_assert_cmpstr (after, ==, before);
}

static gint64
count_state_audits (Fixture    *f,
                    gint64      id,
                    const char *from,
                    const char *to)
{
  return count_where (f->store,
                      "SELECT count(*) FROM audit_log WHERE entity = 'suggestions' "
                      "AND entity_id = %" G_GINT64_FORMAT " AND field = 'state' "
                      "AND old_value = '%s' AND new_value = '%s' AND operator = '" OPERATOR "' "
                      "AND changed_at = '" NOW "'", id, from, to);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = dd_store_new_in_memory (&error);
  g_assert_no_error (error);
  dd_store_set_frozen_time (f->store, NOW);
  dd_store_set_operator (f->store, OPERATOR);
  g_assert_true (dd_calendar_ensure_holidays (f->store, &error));
  g_assert_no_error (error);

  f->deputies[0] = add_deputy (f->store, "张伟");
  f->deputies[1] = add_deputy (f->store, "李娜");
  f->deputies[2] = add_deputy (f->store, "王强");
  f->units[0] = add_unit (f->store, "区住房和城乡建设局", TRUE);
  f->units[1] = add_unit (f->store, "区民政局", TRUE);
  f->units[2] = add_unit (f->store, "区交通运输局", TRUE);
  f->units[3] = add_unit (f->store, "区粮食局", FALSE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
}

/* Tests */

static void
test_rules (void)
{
  static const struct { const char *from; const char *to; DdTransitionKind kind; } legal[] = {
    { "registered", "under_review", DD_TRANSITION_START_REVIEW },
    { "under_review", "assigned", DD_TRANSITION_ASSIGN },
    { "under_review", "rejected", DD_TRANSITION_REJECT },
    { "under_review", "merged", DD_TRANSITION_MERGE },
    { "under_review", "transferred_out", DD_TRANSITION_TRANSFER_OUT },
    { "assigned", "handling", DD_TRANSITION_START_HANDLING },
    { "assigned", "under_review", DD_TRANSITION_RETURN_BY_UNIT },
    { "handling", "replied", DD_TRANSITION_REPLY },
    { "replied", "evaluated", DD_TRANSITION_EVALUATE },
    { "replied", "handling", DD_TRANSITION_EVALUATE },
    { "evaluated", "closed", DD_TRANSITION_CLOSE },
  };
  guint n_legal = 0;

  for (guint i = 0; dd_suggestion_states[i] != NULL; i++)
    for (guint j = 0; dd_suggestion_states[j] != NULL; j++)
      {
        const char *from = dd_suggestion_states[i];
        const char *to = dd_suggestion_states[j];
        DdTransitionKind expected = DD_TRANSITION_NONE;
        const char * const *targets = dd_workflow_targets (from);

        for (guint k = 0; k < G_N_ELEMENTS (legal); k++)
          if (g_str_equal (legal[k].from, from) && g_str_equal (legal[k].to, to))
            expected = legal[k].kind;
        g_assert_cmpint (dd_workflow_transition_for (from, to), ==, expected);
        g_assert_cmpint (dd_workflow_can_move (from, to), ==, expected != DD_TRANSITION_NONE);
        g_assert_cmpint (g_strv_contains (targets, to), ==, expected != DD_TRANSITION_NONE);
        n_legal += expected != DD_TRANSITION_NONE;
      }
  g_assert_cmpuint (n_legal, ==, G_N_ELEMENTS (legal));

  /* Final states go nowhere; unknown codes neither. */
  g_assert_null (dd_workflow_targets ("closed")[0]);
  g_assert_null (dd_workflow_targets ("merged")[0]);
  g_assert_null (dd_workflow_targets ("nonsense")[0]);
  g_assert_null (dd_workflow_targets (NULL)[0]);
  g_assert_cmpstr (dd_workflow_targets ("replied")[0], ==, "evaluated");

  g_assert_true (dd_workflow_can_transfer_unit ("assigned"));
  g_assert_true (dd_workflow_can_transfer_unit ("handling"));
  g_assert_false (dd_workflow_can_transfer_unit ("replied"));
  g_assert_false (dd_workflow_can_transfer_unit ("under_review"));

  g_assert_cmpstr (dd_transition_kind_get_label (DD_TRANSITION_ASSIGN), ==, "Assign");
  g_assert_true (G_TYPE_IS_ENUM (DD_TYPE_TRANSITION_KIND));
}

/* Every ordered pair of the ten states, from a suggestion really in the first. */
static void
test_every_pair (Fixture       *f,
                 gconstpointer  data)
{
  for (guint i = 0; dd_suggestion_states[i] != NULL; i++)
    for (guint j = 0; dd_suggestion_states[j] != NULL; j++)
      {
        const char *from = dd_suggestion_states[i];
        const char *to = dd_suggestion_states[j];
        gboolean legal = dd_workflow_can_move (from, to);
        gint64 id = add_suggestion (f, "关于老旧小区无障碍改造的建议");
        gint64 target = add_suggestion (f, "关于无障碍设施建设的建议");
        g_autofree char *before = NULL;
        g_autoptr(GError) error = NULL;
        MoveData d;
        gboolean ok;

        drive_to (f, id, from);
        /* Valid data for the move; for replied → handling, a verdict that sends it back. */
        move_data_init (&d, f, target, g_str_equal (from, "replied") && g_str_equal (to, "handling"));
        before = snapshot (f->store);

        ok = dd_workflow_move (f->store, id, to, &d.move, &error);
        if (ok != legal)
          g_error ("%s → %s: expected %s, got %s", from, to, legal ? "success" : "refusal",
                   error != NULL ? error->message : "success");
        if (legal)
          {
            g_autofree char *state = column_of (f->store, id, "state");

            g_assert_no_error (error);
            g_assert_cmpstr (state, ==, to);
            g_assert_cmpint (count_state_audits (f, id, from, to), ==, 1);
          }
        else
          {
            g_autofree char *message = g_strdup_printf ("A suggestion cannot move from %s to %s",
                                                        dd_code_label (dd_suggestion_states, from),
                                                        dd_code_label (dd_suggestion_states, to));

            assert_refused (f, before, error, DD_MODEL_ERROR_ILLEGAL_TRANSITION, message);
          }
      }
}

/* The typed functions refuse the wrong state the same way, and say what they are for. */
static void
test_typed_wrong_state (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add_suggestion (f, "关于增设公交站点的建议");
  g_autofree char *before = snapshot (f->store);
  g_autoptr(GError) error = NULL;
  DdUnitReturn unit_return = { "不属于本单位职责", NULL };
  DdClosing closing = { NULL, FALSE };

  g_assert_false (dd_workflow_start_handling (f->store, id, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_ILLEGAL_TRANSITION,
                  "A suggestion cannot move from Registered to Handling");
  g_clear_error (&error);
  g_assert_false (dd_workflow_close (f->store, id, &closing, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_ILLEGAL_TRANSITION,
                  "A suggestion cannot move from Registered to Closed");
  g_clear_error (&error);
  /* Under review is a legal next state, but not by a unit's return. */
  g_assert_false (dd_workflow_return_by_unit (f->store, id, &unit_return, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_ILLEGAL_TRANSITION,
                  "“Return by the unit” is for a suggestion that is Assigned; this one is Registered");
  g_clear_error (&error);
  g_assert_false (dd_workflow_start_review (f->store, 9999, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_NOT_FOUND, "There is no suggestion numbered 9999");
  g_clear_error (&error);
  g_assert_false (dd_workflow_move (f->store, 9999, "under_review", NULL, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_NOT_FOUND, NULL);
}

typedef struct
{
  const char *what;
  const char *fragment;   /* in the message */
} Expect;

static void
try_move (Fixture      *f,
          gint64        id,
          const char   *to,
          const DdMove *move,
          const Expect *expect)
{
  g_autofree char *before = snapshot (f->store);
  g_autoptr(GError) error = NULL;

  if (dd_workflow_move (f->store, id, to, move, &error))
    g_error ("%s: the move to %s was not refused", expect->what, to);
  assert_refused (f, before, error, DD_MODEL_ERROR_INVALID, expect->fragment);
}

static void
test_required_data (Fixture       *f,
                    gconstpointer  data)
{
  gint64 review = add_suggestion (f, "关于完善社区养老服务的建议");
  gint64 assigned = add_suggestion (f, "关于增加学位供给的建议");
  gint64 handling = add_suggestion (f, "关于治理河道污染的建议");
  gint64 replied = add_suggestion (f, "关于规范停车管理的建议");
  gint64 evaluated = add_suggestion (f, "关于加强食品安全监管的建议");
  gint64 rejected = add_suggestion (f, "关于修缮文物的建议");
  gint64 merged = add_suggestion (f, "关于修缮古建筑的建议");
  gint64 gone = add_suggestion (f, "关于高速公路的建议");
  gint64 bogus_co[] = { 0 };
  MoveData d, m;
  DdMove empty = { NULL };

  drive_to (f, review, "under_review");
  drive_to (f, assigned, "assigned");
  drive_to (f, handling, "handling");
  drive_to (f, replied, "replied");
  drive_to (f, evaluated, "evaluated");
  drive_to (f, rejected, "rejected");
  drive_to (f, merged, "merged");
  drive_to (f, gone, "transferred_out");

  /* Reject: a reason. */
  move_data_init (&d, f, 0, FALSE);
  try_move (f, review, "rejected", NULL, &(Expect) { "no data", "Reason for rejection is required" });
  move_data_copy (&m, &d);
  m.move.reason = "   ";
  try_move (f, review, "rejected", &m.move, &(Expect) { "blank reason", "Reason for rejection is required" });

  /* Merge: another suggestion that can take it. */
  try_move (f, review, "merged", &d.move, &(Expect) { "no target", "Merged into is required" });
  move_data_copy (&m, &d);
  m.move.merge_into_id = review;
  try_move (f, review, "merged", &m.move, &(Expect) { "itself", "cannot be merged into itself" });
  m.move.merge_into_id = 9999;
  try_move (f, review, "merged", &m.move, &(Expect) { "missing", "no suggestion numbered 9999" });
  m.move.merge_into_id = rejected;
  try_move (f, review, "merged", &m.move, &(Expect) { "rejected target", "is Rejected" });
  m.move.merge_into_id = merged;
  try_move (f, review, "merged", &m.move, &(Expect) { "merged target", "is Merged" });
  m.move.merge_into_id = gone;
  try_move (f, review, "merged", &m.move, &(Expect) { "target out", "is Transferred out" });

  /* Transfer out: where to. */
  move_data_copy (&m, &d);
  m.move.destination = NULL;
  try_move (f, review, "transferred_out", &m.move, &(Expect) { "no destination", "Transferred to is required" });
  m.move.destination = " ";
  try_move (f, review, "transferred_out", &m.move, &(Expect) { "blank destination", "Transferred to is required" });

  /* Assign: an active lead unit, sensible co-units and dates. */
  try_move (f, review, "assigned", &empty, &(Expect) { "no assignment", "Lead unit is required" });
  move_data_copy (&m, &d);
  m.assignment.lead_unit_id = 0;
  try_move (f, review, "assigned", &m.move, &(Expect) { "no lead", "Lead unit is required" });
  move_data_copy (&m, &d);
  m.assignment.lead_unit_id = 9999;
  try_move (f, review, "assigned", &m.move, &(Expect) { "unknown lead", "Lead unit: there is no handling unit numbered 9999" });
  m.assignment.lead_unit_id = f->units[3];
  try_move (f, review, "assigned", &m.move, &(Expect) { "inactive lead", "区粮食局 is no longer an active" });
  move_data_copy (&m, &d);
  m.co_units[0] = f->units[0];
  try_move (f, review, "assigned", &m.move, &(Expect) { "co = lead", "区住房和城乡建设局 is already the lead unit" });
  bogus_co[0] = 4242;
  m.assignment.co_unit_ids = bogus_co;
  try_move (f, review, "assigned", &m.move, &(Expect) { "unknown co", "Co-handling units: there is no handling unit numbered 4242" });
  move_data_copy (&m, &d);
  m.assignment.assigned_on = "2025-02-30";
  try_move (f, review, "assigned", &m.move, &(Expect) { "bad date", "“2025-02-30” is not a date" });
  m.assignment.assigned_on = "2025-08-31";
  try_move (f, review, "assigned", &m.move, &(Expect) { "before registration", "before the registration date (2025-09-01)" });
  m.assignment.assigned_on = "2025-12-02";
  try_move (f, review, "assigned", &m.move, &(Expect) { "future", "Date assigned cannot be after today (2025-12-01)" });
  m.assignment.assigned_on = "2025-09-05";
  m.assignment.deadline_on = "2025-09-04";
  try_move (f, review, "assigned", &m.move, &(Expect) { "deadline first", "Reply deadline cannot be before the date assigned" });

  /* Return by the unit: a reason, in time. */
  move_data_copy (&m, &d);
  m.unit_return.reason = "";
  try_move (f, assigned, "under_review", &m.move, &(Expect) { "no reason", "Reason for the return is required" });
  m.unit_return.reason = "职责不符";
  m.unit_return.returned_on = "2025-09-04";
  try_move (f, assigned, "under_review", &m.move, &(Expect) { "before assignment", "Date returned cannot be before the date assigned (2025-09-05)" });
  m.unit_return.returned_on = "2025-09-15";
  try_move (f, assigned, "under_review", &m.move, &(Expect) { "too late", "within 5 working days of its assignment on 2025-09-05, that is up to 2025-09-12" });

  /* Reply: class, text, date, from the lead unit. */
  try_move (f, handling, "replied", &empty, &(Expect) { "no reply", "Class is required" });
  move_data_copy (&m, &d);
  m.reply.reply_class = "D";
  try_move (f, handling, "replied", &m.move, &(Expect) { "class D", "Class: “D” is not one of the allowed values" });
  move_data_copy (&m, &d);
  m.reply.body = " ";
  try_move (f, handling, "replied", &m.move, &(Expect) { "no text", "Text is required" });
  move_data_copy (&m, &d);
  m.reply.replied_on = NULL;
  try_move (f, handling, "replied", &m.move, &(Expect) { "no date", "Date replied is required" });
  m.reply.replied_on = "2025-09-04";
  try_move (f, handling, "replied", &m.move, &(Expect) { "before assignment", "Date replied cannot be before the date assigned (2025-09-05)" });
  m.reply.replied_on = "2026-01-05";
  try_move (f, handling, "replied", &m.move, &(Expect) { "future", "Date replied cannot be after today" });
  move_data_copy (&m, &d);
  m.reply.unit_id = f->units[1];
  try_move (f, handling, "replied", &m.move, &(Expect) { "co-unit replies", "only the lead unit, 区住房和城乡建设局, replies" });

  /* Evaluate: one verdict for every proposer, and no one else. */
  try_move (f, replied, "evaluated", &empty, &(Expect) { "no verdicts", "张伟 has not given a verdict" });
  move_data_copy (&m, &d);
  m.evaluation.n_verdicts = 1;
  try_move (f, replied, "evaluated", &m.move, &(Expect) { "one missing", "李娜 has not given a verdict" });
  move_data_copy (&m, &d);
  m.verdicts[1].deputy_id = f->deputies[2];
  try_move (f, replied, "evaluated", &m.move, &(Expect) { "not a proposer", "王强 is not a proposer" });
  m.verdicts[1].deputy_id = f->deputies[0];
  try_move (f, replied, "evaluated", &m.move, &(Expect) { "twice", "张伟 is given twice" });
  move_data_copy (&m, &d);
  m.verdicts[0].verdict = "delighted";
  try_move (f, replied, "evaluated", &m.move, &(Expect) { "bad verdict", "“delighted” is not one of the allowed values" });
  move_data_copy (&m, &d);
  m.evaluation.evaluated_on = "2025-10-19";
  try_move (f, replied, "evaluated", &m.move, &(Expect) { "before the reply", "Date evaluated cannot be before the date replied (2025-10-20)" });
  /* The column dropped on must be where the card lands. */
  move_data_init (&m, f, 0, TRUE);
  try_move (f, replied, "evaluated", &m.move, &(Expect) { "unsatisfied to evaluated", "sends the suggestion back to Handling, not on to Evaluated" });
  try_move (f, replied, "handling", &d.move, &(Expect) { "satisfied to handling", "Only an unsatisfied verdict" });

  /* Close: not before the evaluation. */
  move_data_copy (&m, &d);
  m.closing.closed_on = "2025-10-24";
  try_move (f, evaluated, "closed", &m.move, &(Expect) { "before evaluation", "Date closed cannot be before the date evaluated (2025-10-25)" });
  m.closing.closed_on = "2025-12-25";
  try_move (f, evaluated, "closed", &m.move, &(Expect) { "future", "Date closed cannot be after today" });

  /* With all that refused, the valid data still works. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (dd_workflow_move (f->store, evaluated, "closed", &d.move, &error));
    g_assert_no_error (error);
  }
}

/* assign → handling → reply → unsatisfied → round 2 → reply → evaluated → closed */
static void
test_rounds (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_suggestion (f, "关于解决小区停车难的建议");
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline2 = NULL;
  MoveData d;
  DdReplyInput second = { 0, "B", "已列入明年停车场建设计划。", "2025-11-10", FALSE };
  DdVerdict verdicts[] = {
    { 0, "satisfied", NULL },
    { 0, "basically_satisfied", NULL },
  };
  DdEvaluationInput evaluation = { verdicts, 2, "2025-11-20" };
  DdClosing closing = { "2025-11-28", TRUE };

  verdicts[0].deputy_id = f->deputies[1];   /* any order */
  verdicts[1].deputy_id = f->deputies[0];

  drive_to (f, id, "replied");
  {
    g_autofree char *deadline = column_of (f->store, id, "deadline_on");
    /* 2025-09-05 + 3 months = 2025-12-05, a Friday */
    g_assert_cmpstr (deadline, ==, "2025-12-05");
  }

  move_data_init (&d, f, 0, TRUE);
  g_assert_true (dd_workflow_evaluate (f->store, id, &d.evaluation, &error));
  g_assert_no_error (error);
  {
    g_autofree char *state = column_of (f->store, id, "state");
    g_autofree char *round = column_of (f->store, id, "round");
    g_autofree char *deadline = column_of (f->store, id, "deadline_on");

    g_assert_cmpstr (state, ==, "handling");
    g_assert_cmpstr (round, ==, "2");
    /* A new round, a new deadline: three months from the evaluation of 10-25. */
    deadline2 = dd_calendar_dup_deadline (f->store, "deputy_suggestion", "2025-10-25");
    g_assert_cmpstr (deadline, ==, deadline2);
    g_assert_cmpstr (deadline, ==, "2026-01-26");   /* 01-25 is a Sunday */
  }
  g_assert_cmpint (count_state_audits (f, id, "replied", "handling"), ==, 1);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity = 'suggestions' "
                                "AND entity_id = %" G_GINT64_FORMAT " AND field = 'round' "
                                "AND old_value = '1' AND new_value = '2'", id), ==, 1);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM evaluations WHERE suggestion_id = %"
                                G_GINT64_FORMAT " AND round = 1", id), ==, 2);

  /* The second reply cannot predate the evaluation that opened the round. */
  second.replied_on = "2025-10-24";
  g_assert_false (dd_workflow_reply (f->store, id, &second, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  second.replied_on = "2025-11-10";
  g_assert_true (dd_workflow_reply (f->store, id, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM replies WHERE suggestion_id = %"
                                G_GINT64_FORMAT " AND round = 2 AND class = 'B' AND unit_id = %"
                                G_GINT64_FORMAT, id, f->units[0]), ==, 1);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM replies WHERE suggestion_id = %"
                                G_GINT64_FORMAT " AND round = 1 AND co_units_signed_off = 1", id), ==, 1);

  g_assert_true (dd_workflow_evaluate (f->store, id, &evaluation, &error));
  g_assert_no_error (error);
  {
    g_autofree char *state = column_of (f->store, id, "state");
    g_autofree char *round = column_of (f->store, id, "round");

    g_assert_cmpstr (state, ==, "evaluated");
    g_assert_cmpstr (round, ==, "2");
  }
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM evaluations WHERE suggestion_id = %"
                                G_GINT64_FORMAT " AND round = 2 AND evaluated_on = '2025-11-20'", id), ==, 2);

  g_assert_true (dd_workflow_close (f->store, id, &closing, &error));
  g_assert_no_error (error);
  {
    g_autofree char *state = column_of (f->store, id, "state");
    g_autofree char *published = column_of (f->store, id, "published");
    g_autofree char *closed_on = column_of (f->store, id, "closed_on");

    g_assert_cmpstr (state, ==, "closed");
    g_assert_cmpstr (published, ==, "1");
    g_assert_cmpstr (closed_on, ==, "2025-11-28");
  }
}

/* A voter's opinion: fifteen working days, evaluated by the deputy who recorded it. */
static void
test_voter_opinion (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DdStation) station = dd_station_new ();
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(GError) error = NULL;
  gint64 present[] = { f->deputies[0], f->deputies[2] };
  DdVoterOpinion opinion = { "小区路灯不亮", "晚上出行不便", "urban_construction", "赵女士", NULL,
                             f->deputies[2] };
  DdAssignment assignment = { f->units[0], NULL, 0, "2025-09-26", NULL };
  DdReplyInput reply = { 0, "A", "已修复。", "2025-10-09", TRUE };
  DdVerdict wrong = { f->deputies[0], "satisfied", NULL };
  DdVerdict right = { f->deputies[2], "satisfied", NULL };
  DdEvaluationInput by_wrong = { &wrong, 1, "2025-10-10" };
  DdEvaluationInput by_right = { &right, 1, "2025-10-10" };
  gint64 id;

  g_object_set (station, "name", "和平街道代表联络站", "kind", "liaison_station", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), f->store, &error));
  g_assert_no_error (error);
  g_object_set (reception, "station-id", dd_entity_get_id (DD_ENTITY (station)),
                "held-on", "2025-09-20", "voters-received", (gint64) 12, NULL);
  g_assert_true (dd_reception_record (reception, f->store, present, 2, &opinion, 1, &error));
  g_assert_no_error (error);
  id = query_int (f->store, "SELECT max(id) FROM suggestions WHERE kind = 'voter_opinion'");

  g_assert_true (dd_workflow_start_review (f->store, id, &error));
  g_assert_true (dd_workflow_assign (f->store, id, &assignment, &error));
  g_assert_no_error (error);
  {
    g_autofree char *deadline = column_of (f->store, id, "deadline_on");
    g_assert_cmpstr (deadline, ==, "2025-10-23");   /* 15 working days across National Day */
  }
  g_assert_true (dd_workflow_start_handling (f->store, id, &error));
  g_assert_true (dd_workflow_reply (f->store, id, &reply, &error));
  g_assert_no_error (error);
  /* No co-handling units: nothing to sign off. */
  g_assert_cmpint (count_where (f->store, "SELECT co_units_signed_off FROM replies WHERE suggestion_id = %"
                                G_GINT64_FORMAT, id), ==, 0);

  g_assert_false (dd_workflow_evaluate (f->store, id, &by_wrong, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "张伟 is not a proposer"));
  g_clear_error (&error);
  g_assert_true (dd_workflow_evaluate (f->store, id, &by_right, &error));
  g_assert_no_error (error);

  /* One without any proposer cannot be evaluated at all. */
  {
    g_autoptr(DdSuggestion) orphan = dd_suggestion_new ();
    gint64 orphan_id;

    g_object_set (orphan, "kind", "voter_opinion", "title", "公园厕所太少", "registered-on",
                  "2025-09-01", NULL);
    g_assert_true (dd_entity_save (DD_ENTITY (orphan), f->store, &error));
    orphan_id = dd_entity_get_id (DD_ENTITY (orphan));
    drive_to (f, orphan_id, "replied");
    g_assert_false (dd_workflow_evaluate (f->store, orphan_id, &by_right, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "no proposer"));
  }
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  gint64 keep = add_suggestion (f, "关于老旧小区加装电梯的建议");
  gint64 middle = add_suggestion (f, "关于多层住宅加装电梯的建议");
  gint64 early = add_suggestion (f, "关于加装电梯补贴的建议");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) proposers = NULL;

  /* "early" (proposer 王强 alone) was merged into "middle" first. */
  g_assert_true (dd_store_exec (f->store, "DELETE FROM suggestion_proposers", NULL));
  add_proposer (f->store, keep, f->deputies[0], 1);
  add_proposer (f->store, middle, f->deputies[1], 1);
  add_proposer (f->store, middle, f->deputies[0], 2);
  add_proposer (f->store, early, f->deputies[2], 1);
  drive_to (f, keep, "assigned");
  drive_to (f, middle, "under_review");
  drive_to (f, early, "under_review");
  g_assert_true (dd_workflow_merge (f->store, early, middle, &error));
  g_assert_no_error (error);

  /* Now "middle" goes into "keep", which is already being handled. */
  g_assert_true (dd_workflow_merge (f->store, middle, keep, &error));
  g_assert_no_error (error);
  {
    g_autofree char *state = column_of (f->store, middle, "state");
    g_autofree char *into = column_of (f->store, middle, "merged_into_id");
    g_autofree char *early_into = column_of (f->store, early, "merged_into_id");
    g_autofree char *keep_text = g_strdup_printf ("%" G_GINT64_FORMAT, keep);

    g_assert_cmpstr (state, ==, "merged");
    g_assert_cmpstr (into, ==, keep_text);
    /* No chains: the earlier duplicate follows to the one that stays. */
    g_assert_cmpstr (early_into, ==, keep_text);
  }

  /* Every proposer of the duplicates now evaluates "keep", after its own. */
  proposers = dd_suggestion_dup_proposer_ids (f->store, keep, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposers->len, ==, 3);
  g_assert_cmpint (g_array_index (proposers, gint64, 0), ==, f->deputies[0]);
  g_assert_cmpint (g_array_index (proposers, gint64, 1), ==, f->deputies[1]);
  g_assert_cmpint (g_array_index (proposers, gint64, 2), ==, f->deputies[2]);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity = 'suggestions' "
                                "AND entity_id = %" G_GINT64_FORMAT " AND field = 'proposers'", keep), ==, 2);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity = 'suggestions' "
                                "AND entity_id = %" G_GINT64_FORMAT " AND field = 'merged-into-id' "
                                "AND old_value = '%" G_GINT64_FORMAT "'", early, middle), ==, 1);

  /* A merged suggestion goes nowhere any more. */
  g_assert_false (dd_workflow_start_review (f->store, middle, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_ILLEGAL_TRANSITION);
}

static void
test_transfers (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_suggestion (f, "关于优化公交线路的建议");
  gint64 out = add_suggestion (f, "关于修建高速公路出口的建议");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  DdUnitTransfer to_co = { 0, "2025-09-20", "职能调整" };
  DdReplyInput reply = { 0, "A", "已优化。", "2025-10-20", FALSE };

  drive_to (f, id, "handling");
  to_co.unit_id = f->units[1];   /* the co-handling unit takes the lead */

  /* Refused: no unit, the same lead, an inactive one, a state that has no unit. */
  before = snapshot (f->store);
  {
    DdUnitTransfer bad = { 0 };

    g_assert_false (dd_workflow_transfer_unit (f->store, id, &bad, &error));
    assert_refused (f, before, error, DD_MODEL_ERROR_INVALID, "Handling unit is required");
    g_clear_error (&error);
    bad.unit_id = f->units[0];
    g_assert_false (dd_workflow_transfer_unit (f->store, id, &bad, &error));
    assert_refused (f, before, error, DD_MODEL_ERROR_INVALID, "already leads this suggestion");
    g_clear_error (&error);
    bad.unit_id = f->units[3];
    g_assert_false (dd_workflow_transfer_unit (f->store, id, &bad, &error));
    assert_refused (f, before, error, DD_MODEL_ERROR_INVALID, "no longer an active");
    g_clear_error (&error);
    g_assert_false (dd_workflow_transfer_unit (f->store, out, &to_co, &error));
    assert_refused (f, before, error, DD_MODEL_ERROR_ILLEGAL_TRANSITION, "this one is Registered");
    g_clear_error (&error);
  }

  g_assert_true (dd_workflow_transfer_unit (f->store, id, &to_co, &error));
  g_assert_no_error (error);
  {
    g_autofree char *state = column_of (f->store, id, "state");
    g_autofree char *assigned = column_of (f->store, id, "assigned_on");
    g_autofree char *deadline = column_of (f->store, id, "deadline_on");

    /* State, assignment and deadline are kept. */
    g_assert_cmpstr (state, ==, "handling");
    g_assert_cmpstr (assigned, ==, "2025-09-05");
    g_assert_cmpstr (deadline, ==, "2025-12-05");
  }
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM suggestion_units WHERE suggestion_id = %"
                                G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (count_where (f->store, "SELECT unit_id FROM suggestion_units WHERE suggestion_id = %"
                                G_GINT64_FORMAT " AND role = 'lead' AND assigned_on = '2025-09-20'", id),
                   ==, f->units[1]);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity_id = %"
                                G_GINT64_FORMAT " AND field = 'lead-unit-id' AND old_value = '%"
                                G_GINT64_FORMAT "' AND new_value = '%" G_GINT64_FORMAT "'",
                                id, f->units[0], f->units[1]), ==, 1);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity_id = %"
                                G_GINT64_FORMAT " AND field = 'transfer-reason' AND new_value = '职能调整'",
                                id), ==, 1);

  /* The new lead replies; the old one cannot. */
  reply.unit_id = f->units[0];
  g_assert_false (dd_workflow_reply (f->store, id, &reply, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  reply.unit_id = f->units[1];
  g_assert_true (dd_workflow_reply (f->store, id, &reply, &error));
  g_assert_no_error (error);

  /* Out to another level's congress: final, and says where. */
  drive_to (f, out, "under_review");
  g_assert_true (dd_workflow_transfer_out (f->store, out, " 市人大常委会 ", &error));
  g_assert_no_error (error);
  {
    g_autofree char *to = column_of (f->store, out, "transferred_to");
    g_assert_cmpstr (to, ==, "市人大常委会");
  }
  g_assert_null (dd_workflow_targets ("transferred_out")[0]);
}

/* Assigned on Friday 2025-09-26: the five working days are 09-28 (Sunday,
 * make-up), 09-29, 09-30, 10-09 and 10-10; Saturday 10-11 is the sixth. */
static void
test_return_by_unit (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_suggestion (f, "关于整治占道经营的建议");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  DdAssignment assignment = { 0, NULL, 0, "2025-09-26", NULL };
  DdUnitReturn late = { "不属于本单位职责", "2025-10-11" };
  DdUnitReturn in_time = { "不属于本单位职责", "2025-10-10" };
  DdSupervisionStart tracking = { "tracking", NULL, "2025-09-29", NULL };

  assignment.lead_unit_id = f->units[2];
  drive_to (f, id, "under_review");
  g_assert_true (dd_workflow_assign (f->store, id, &assignment, &error));
  g_assert_no_error (error);
  g_assert_true (dd_supervision_start (f->store, id, &tracking, NULL, &error));
  g_assert_no_error (error);

  before = snapshot (f->store);
  g_assert_false (dd_workflow_return_by_unit (f->store, id, &late, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_INVALID, "that is up to 2025-10-10");
  g_clear_error (&error);

  g_assert_true (dd_workflow_return_by_unit (f->store, id, &in_time, &error));
  g_assert_no_error (error);
  {
    g_autofree char *state = column_of (f->store, id, "state");
    g_autofree char *assigned = column_of (f->store, id, "assigned_on");
    g_autofree char *deadline = column_of (f->store, id, "deadline_on");
    g_autofree char *mode = dd_supervision_dup_current_mode (f->store, id);

    g_assert_cmpstr (state, ==, "under_review");
    g_assert_null (assigned);
    g_assert_null (deadline);
    g_assert_null (mode);
  }
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM suggestion_units WHERE suggestion_id = %"
                                G_GINT64_FORMAT, id), ==, 0);
  g_assert_cmpint (count_state_audits (f, id, "assigned", "under_review"), ==, 1);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity_id = %"
                                G_GINT64_FORMAT " AND field = 'return-reason' "
                                "AND new_value = '不属于本单位职责'", id), ==, 1);
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM supervisions WHERE suggestion_id = %"
                                G_GINT64_FORMAT " AND ended_on = '2025-10-10'", id), ==, 1);

  /* Assigned again, to the right unit: a fresh deadline. */
  assignment.lead_unit_id = f->units[0];
  assignment.assigned_on = "2025-10-13";
  g_assert_true (dd_workflow_assign (f->store, id, &assignment, &error));
  g_assert_no_error (error);
  {
    g_autofree char *deadline = column_of (f->store, id, "deadline_on");
    g_assert_cmpstr (deadline, ==, "2026-01-13");
  }

  /* Handling has started: too late to return it at all. */
  g_assert_true (dd_workflow_start_handling (f->store, id, &error));
  g_assert_false (dd_workflow_return_by_unit (f->store, id, &in_time, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_ILLEGAL_TRANSITION);
}

static void
on_changed_cb (DdStore    *store,
               const char *table,
               GArray     *ids,
               GPtrArray  *tables)
{
  g_ptr_array_add (tables, g_strdup (table));
}

/* Each move: the state row first, then its data, all by the operator at the store's time. */
static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  gint64 id = add_suggestion (f, "关于增设社区卫生服务站的建议");
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_field = NULL;
  MoveData d;
  gint64 last_audit;
  gulong handler;

  move_data_init (&d, f, 0, FALSE);
  drive_to (f, id, "under_review");
  last_audit = query_int (f->store, "SELECT max(id) FROM audit_log");

  handler = g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), tables);
  g_assert_true (dd_workflow_assign (f->store, id, &d.assignment, &error));
  g_assert_no_error (error);

  /* The state change comes first. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT field || ':' || old_value || '→' || new_value "
                                            "FROM audit_log WHERE id > %" G_GINT64_FORMAT
                                            " ORDER BY id LIMIT 1", last_audit);
    first_field = query_text (f->store, sql);
  }
  g_assert_cmpstr (first_field, ==, "state:under_review→assigned");
  {
    static const char * const fields[] = { "state", "assigned-on", "deadline-on", "lead-unit-id",
                                            "co-unit-id" };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE id > %"
                                    G_GINT64_FORMAT " AND entity = 'suggestions' AND entity_id = %"
                                    G_GINT64_FORMAT " AND field = '%s' AND operator = '" OPERATOR "' "
                                    "AND changed_at = '" NOW "'", last_audit, id, fields[i]), ==, 1);
  }
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE id > %" G_GINT64_FORMAT
                                " AND field = 'deadline-on' AND old_value IS NULL "
                                "AND new_value = '2025-12-05'", last_audit), ==, 1);
  /* ::changed once per table, after the commit. */
  g_assert_true (g_ptr_array_find_with_equal_func (tables, "suggestions", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (tables, "suggestion_units", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (tables, "audit_log", g_str_equal, NULL));

  /* A refused move emits nothing. */
  g_ptr_array_set_size (tables, 0);
  g_assert_false (dd_workflow_close (f->store, id, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (tables->len, ==, 0);

  g_assert_true (dd_workflow_start_handling (f->store, id, &error));
  g_assert_true (dd_workflow_reply (f->store, id, &d.reply, &error));
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (tables, "replies", g_str_equal, NULL));
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity = 'replies' "
                                "AND field = 'class' AND new_value = 'A' AND operator = '" OPERATOR "'"), ==, 1);
  g_assert_true (dd_workflow_evaluate (f->store, id, &d.evaluation, &error));
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (tables, "evaluations", g_str_equal, NULL));
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity = 'evaluations' "
                                "AND field = 'verdict'"), ==, 2);
  g_assert_true (dd_workflow_close (f->store, id, &d.closing, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->store, handler);

  /* The whole history, in order. */
  {
    static const char * const expected[][2] = {
      { NULL, "registered" },  /* the insert */
      { "registered", "under_review" }, { "under_review", "assigned" }, { "assigned", "handling" },
      { "handling", "replied" }, { "replied", "evaluated" }, { "evaluated", "closed" },
    };
    g_autofree char *sql = g_strdup_printf ("SELECT old_value, new_value FROM audit_log WHERE "
                                            "entity = 'suggestions' AND entity_id = %" G_GINT64_FORMAT
                                            " AND field = 'state' ORDER BY id", id);
    sqlite3_stmt *stmt = dd_store_prepare (f->store, sql, NULL);
    guint n = 0;

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected[n][0]);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected[n][1]);
        n++;
      }
    sqlite3_reset (stmt);
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  }
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity_id = %"
                                G_GINT64_FORMAT " AND field = 'published' AND old_value = '0' "
                                "AND new_value = '1'", id), ==, 1);
}

static void
test_supervision (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = add_suggestion (f, "关于整治噪声污染的建议");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *before = NULL;
  DdSupervisionStart tracking = { "tracking", NULL, "2025-09-10", "每月通报进度" };
  DdSupervisionStart key_no_leader = { "key", "  ", "2025-10-15", NULL };
  DdSupervisionStart key = { "key", "刘副主任", "2025-10-15", NULL };
  DdSupervisionStart early = { "on_site", NULL, "2025-09-01", NULL };
  gint64 supervision_id = 0;

  /* Not before assignment. */
  before = snapshot (f->store);
  g_assert_false (dd_supervision_start (f->store, id, &tracking, NULL, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_INVALID, "this one is Registered");
  g_clear_error (&error);

  drive_to (f, id, "handling");
  g_assert_true (dd_supervision_start (f->store, id, &tracking, &supervision_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supervision_id, >, 0);
  {
    g_autofree char *mode = dd_supervision_dup_current_mode (f->store, id);
    g_assert_cmpstr (mode, ==, "tracking");
  }

  /* Key supervision names its leading official; no start before the assignment. */
  g_clear_pointer (&before, g_free);
  before = snapshot (f->store);
  g_assert_false (dd_supervision_start (f->store, id, &key_no_leader, NULL, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_INVALID, "Leading official is required");
  g_clear_error (&error);
  g_assert_false (dd_supervision_start (f->store, id, &early, NULL, &error));
  assert_refused (f, before, error, DD_MODEL_ERROR_INVALID, "before the date assigned");
  g_clear_error (&error);

  /* A new mode ends the old one the same day. */
  g_assert_true (dd_supervision_start (f->store, id, &key, NULL, &error));
  g_assert_no_error (error);
  history = dd_supervision_list_for (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (dd_entity_get_string (g_ptr_array_index (history, 0), "mode"), ==, "tracking");
  g_assert_cmpstr (dd_entity_get_string (g_ptr_array_index (history, 0), "ended-on"), ==, "2025-10-15");
  g_assert_cmpstr (dd_entity_get_string (g_ptr_array_index (history, 1), "leader-name"), ==, "刘副主任");
  g_assert_null (dd_entity_get_string (g_ptr_array_index (history, 1), "ended-on"));

  g_assert_true (dd_supervision_end (f->store, id, "2025-11-01", &error));
  g_assert_no_error (error);
  g_assert_null (dd_supervision_dup_current_mode (f->store, id));
  g_assert_false (dd_supervision_end (f->store, id, NULL, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  /* Audited on the suggestion, old mode → new mode. */
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM audit_log WHERE entity = 'suggestions' "
                                "AND entity_id = %" G_GINT64_FORMAT " AND field = 'supervision' AND ("
                                "(old_value IS NULL AND new_value = 'tracking') OR "
                                "(old_value = 'tracking' AND new_value = 'key') OR "
                                "(old_value = 'key' AND new_value IS NULL)) AND operator = '" OPERATOR "'",
                                id), ==, 3);

  /* Closing ends an open supervision on the day it closes. */
  tracking.started_on = "2025-11-05";
  g_assert_true (dd_supervision_start (f->store, id, &tracking, NULL, &error));
  g_assert_no_error (error);
  {
    MoveData d;

    move_data_init (&d, f, 0, FALSE);
    d.reply.replied_on = "2025-11-06";
    d.evaluation.evaluated_on = "2025-11-07";
    d.closing.closed_on = "2025-11-08";
    g_assert_true (dd_workflow_move (f->store, id, "replied", &d.move, &error));
    g_assert_true (dd_workflow_move (f->store, id, "evaluated", &d.move, &error));
    g_assert_true (dd_workflow_move (f->store, id, "closed", &d.move, &error));
    g_assert_no_error (error);
  }
  g_assert_null (dd_supervision_dup_current_mode (f->store, id));
  g_assert_cmpint (count_where (f->store, "SELECT count(*) FROM supervisions WHERE suggestion_id = %"
                                G_GINT64_FORMAT " AND ended_on = '2025-11-08'", id), ==, 1);
}

static void
test_lookup_unit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, f->units[2]);

  g_assert_cmpint (dd_workflow_lookup_unit (f->store, "区民政局", &error), ==, f->units[1]);
  g_assert_no_error (error);
  g_assert_cmpint (dd_workflow_lookup_unit (f->store, number, &error), ==, f->units[2]);
  g_assert_no_error (error);
  g_assert_cmpint (dd_workflow_lookup_unit (f->store, "区教育局", &error), ==, 0);
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dd_workflow_lookup_unit (f->store, "777", &error), ==, 0);
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/workflow/rules", test_rules);
  ADD ("/workflow/every-pair", test_every_pair);
  ADD ("/workflow/typed-wrong-state", test_typed_wrong_state);
  ADD ("/workflow/required-data", test_required_data);
  ADD ("/workflow/rounds", test_rounds);
  ADD ("/workflow/voter-opinion", test_voter_opinion);
  ADD ("/workflow/merge", test_merge);
  ADD ("/workflow/transfers", test_transfers);
  ADD ("/workflow/return-by-unit", test_return_by_unit);
  ADD ("/workflow/audit", test_audit);
  ADD ("/workflow/supervision", test_supervision);
  ADD ("/workflow/lookup-unit", test_lookup_unit);
#undef ADD

  return g_test_run ();
}
