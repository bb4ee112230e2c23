/* test-suggestion-facts.c: a suggestion's proposers, units, replies and
 * evaluations; its history told from the audit log (every row told once,
 * in order, one sentence per thing done, whatever the clock) and from the
 * records when the log does not know it (the demo); the rules of its form
 * and of starting supervision, by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>

#include "dd-calendar.h"
#include "dd-demo.h"
#include "dd-deputy.h"
#include "dd-evaluation.h"
#include "dd-reply.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-suggestion-edit.h"
#include "dd-suggestion-facts.h"
#include "dd-supervision-flag.h"
#include "dd-unit.h"
#include "dd-workflow.h"

#define NOW "2025-12-01T10:00:00"
#define OPERATOR "办公室小王"

typedef struct
{
  DdStore *store;
  gint64   deputies[3];
  gint64   units[3];
} Fixture;

/* Helpers */

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

static char *
query_text (DdStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The ids of @sql's first column. */
static GArray *
query_ids (DdStore    *store,
           const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
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
          const char *name)
{
  g_autoptr(DdUnit) unit = dd_unit_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (unit, "name", name, NULL);
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

/* A deputy's suggestion registered on 2025-09-01, proposed by @lead (and @second, if any). */
static gint64
add_suggestion (Fixture    *f,
                const char *title,
                gint64      lead,
                gint64      second)
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
  add_proposer (f->store, id, lead, 1);
  if (second != 0)
    add_proposer (f->store, id, second, 2);
  return id;
}

static void
start_review (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_workflow_start_review (f->store, id, &error));
  g_assert_no_error (error);
}

static void
assign (Fixture    *f,
        gint64      id,
        gint64      lead,
        gint64      co,
        const char *day)
{
  DdAssignment assignment = { lead, &co, co != 0 ? 1 : 0, day, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_workflow_assign (f->store, id, &assignment, &error));
  g_assert_no_error (error);
}

static void
supervise (Fixture    *f,
           gint64      id,
           const char *mode,
           const char *leader,
           const char *day)
{
  DdSupervisionStart start = { mode, leader, day, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_supervision_start (f->store, id, &start, NULL, &error));
  g_assert_no_error (error);
}

static void
reply (Fixture    *f,
       gint64      id,
       const char *reply_class,
       const char *body,
       const char *day)
{
  DdReplyInput input = { 0, reply_class, body, day, TRUE };
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_workflow_reply (f->store, id, &input, &error));
  g_assert_no_error (error);
}

static void
evaluate (Fixture    *f,
          gint64      id,
          const char *first,
          const char *second,
          const char *day)
{
  DdVerdict verdicts[2] = {
    { f->deputies[0], first, NULL },
    { f->deputies[1], second, g_str_equal (second, "unsatisfied") ? "进度偏慢" : NULL },
  };
  DdEvaluationInput input = { verdicts, 2, day };
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_workflow_evaluate (f->store, id, &input, &error));
  g_assert_no_error (error);
}

static GPtrArray *
timeline (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = dd_suggestion_dup_timeline (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

static void
print_events (GPtrArray *events)
{
  for (guint i = 0; i < events->len; i++)
    {
      DdTimelineEvent *event = g_ptr_array_index (events, i);

      g_test_message ("%u. [%s] %s%s%s", i, event->changed_at ?: "?", event->text,
                      event->detail != NULL ? " — " : "", event->detail ?: "");
    }
}

/* The events' texts are @expected, in order. */
static void
assert_texts (GPtrArray          *events,
              const char * const *expected)
{
  print_events (events);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, events->len);
      g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, i))->text, ==, expected[i]);
    }
  g_assert_cmpuint (events->len, ==, g_strv_length ((char **) expected));
}

static DdTimelineEvent *
find_event (GPtrArray  *events,
            const char *prefix)
{
  for (guint i = 0; i < events->len; i++)
    {
      DdTimelineEvent *event = g_ptr_array_index (events, i);

      if (g_str_has_prefix (event->text, prefix))
        return event;
    }
  g_error ("no event “%s…”", prefix);
  return NULL;
}

/* Every audit row of the suggestion, of its replies, evaluations and
 * supervisions is told by exactly one event, and the events follow the log. */
static void
assert_tells_every_row (Fixture   *f,
                        gint64     id,
                        GPtrArray *events)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT id FROM audit_log WHERE (entity = 'suggestions' AND entity_id = %1$" G_GINT64_FORMAT ") "
    "OR (entity = 'replies' AND entity_id IN (SELECT id FROM replies WHERE suggestion_id = %1$" G_GINT64_FORMAT ")) "
    "OR (entity = 'evaluations' AND entity_id IN (SELECT id FROM evaluations WHERE suggestion_id = %1$" G_GINT64_FORMAT ")) "
    "OR (entity = 'supervisions' AND entity_id IN (SELECT id FROM supervisions WHERE suggestion_id = %1$" G_GINT64_FORMAT ")) "
    "ORDER BY id", id);
  g_autoptr(GArray) expected = query_ids (f->store, sql);
  g_autoptr(GHashTable) told = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 last_first = 0;

  for (guint i = 0; i < events->len; i++)
    {
      DdTimelineEvent *event = g_ptr_array_index (events, i);

      if (event->audit_ids->len == 0)
        continue;
      /* In the log's order. */
      g_assert_cmpint (g_array_index (event->audit_ids, gint64, 0), >, last_first);
      last_first = g_array_index (event->audit_ids, gint64, 0);
      for (guint a = 0; a < event->audit_ids->len; a++)
        {
          gint64 audit_id = g_array_index (event->audit_ids, gint64, a);

          g_assert_false (g_hash_table_contains (told, &audit_id));
          g_hash_table_add (told, g_memdup2 (&audit_id, sizeof audit_id));
        }
    }
  g_assert_cmpuint (g_hash_table_size (told), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_hash_table_contains (told, &g_array_index (expected, gint64, i)));
}

static char *
column_of (Fixture    *f,
           gint64      id,
           const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM suggestions WHERE id = %" G_GINT64_FORMAT,
                                          column, id);
  return query_text (f->store, sql);
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
  f->units[0] = add_unit (f->store, "区住房和城乡建设局");
  f->units[1] = add_unit (f->store, "区民政局");
  f->units[2] = add_unit (f->store, "区交通运输局");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

/* Tests */

/* Proposers lead first, the lead unit first, replies by round, verdicts by
 * round and proposer. */
static void
test_facts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) proposers = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_suggestion (f, "关于老旧小区加装无障碍设施的建议", f->deputies[1], f->deputies[0]);
  DdSuggestionUnit *unit;

  start_review (f, id);
  assign (f, id, f->units[2], f->units[1], "2025-09-05");
  g_assert_true (dd_workflow_start_handling (f->store, id, &error));
  reply (f, id, "B", "正在制定改造计划。", "2025-10-20");
  /* Verdicts given in the other order still come back in the proposers'. */
  {
    DdVerdict verdicts[2] = {
      { f->deputies[0], "satisfied", NULL },
      { f->deputies[1], "unsatisfied", "进度偏慢" },
    };
    DdEvaluationInput input = { verdicts, 2, "2025-10-25" };

    g_assert_true (dd_workflow_evaluate (f->store, id, &input, &error));
    g_assert_no_error (error);
  }
  reply (f, id, "A", "已完成改造。", "2025-11-10");

  proposers = dd_suggestion_dup_proposers (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposers->len, ==, 2);
  g_assert_cmpstr (dd_deputy_get_name (g_ptr_array_index (proposers, 0)), ==, "李娜");
  g_assert_cmpstr (dd_deputy_get_name (g_ptr_array_index (proposers, 1)), ==, "张伟");

  units = dd_suggestion_dup_units (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 2);
  unit = g_ptr_array_index (units, 0);
  g_assert_cmpstr (unit->name, ==, "区交通运输局");
  g_assert_cmpstr (unit->role, ==, "lead");
  g_assert_cmpstr (unit->assigned_on, ==, "2025-09-05");
  g_assert_true (unit->active);
  unit = g_ptr_array_index (units, 1);
  g_assert_cmpstr (unit->name, ==, "区民政局");
  g_assert_cmpstr (unit->role, ==, "co");

  replies = dd_suggestion_dup_replies (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replies->len, ==, 2);
  g_assert_cmpstr (dd_entity_get_string (g_ptr_array_index (replies, 0), "class"), ==, "B");
  g_assert_cmpint (dd_entity_get_int (g_ptr_array_index (replies, 1), "round"), ==, 2);

  evaluations = dd_suggestion_dup_evaluations (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evaluations->len, ==, 2);
  g_assert_cmpint (dd_entity_get_int (g_ptr_array_index (evaluations, 0), "deputy-id"), ==, f->deputies[1]);
  g_assert_cmpstr (dd_entity_get_string (g_ptr_array_index (evaluations, 0), "verdict"), ==, "unsatisfied");
  g_assert_cmpint (dd_entity_get_int (g_ptr_array_index (evaluations, 1), "deputy-id"), ==, f->deputies[0]);

  /* Nothing for a suggestion with none; an unknown one is not an error for the lists. */
  g_clear_pointer (&units, g_ptr_array_unref);
  units = dd_suggestion_dup_units (f->store, 9999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 0);
}

/* The whole handling, every write in the same second (the frozen clock):
 * one sentence per thing done, in the log's order, every row told once. */
static void
test_timeline_handling (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(DdSuggestion) edited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_suggestion (f, "关于老旧小区加装无障碍设施的建议", f->deputies[0], f->deputies[1]);
  g_autofree char *deadline = NULL;
  g_autofree char *second_deadline = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *round_two = NULL;
  DdClosing closing = { "2025-11-20", TRUE };
  DdTimelineEvent *event;

  start_review (f, id);
  assign (f, id, f->units[0], f->units[1], "2025-09-05");
  deadline = column_of (f, id, "deadline_on");
  supervise (f, id, "tracking", NULL, "2025-09-10");
  supervise (f, id, "key", "李副区长", "2025-09-20");
  g_assert_true (dd_workflow_start_handling (f->store, id, &error));
  g_assert_no_error (error);
  reply (f, id, "A", "已完成无障碍坡道改造，共计十二处。", "2025-10-20");
  evaluate (f, id, "satisfied", "unsatisfied", "2025-10-25");
  second_deadline = column_of (f, id, "deadline_on");
  reply (f, id, "B", "剩余点位已列入明年计划。", "2025-11-10");
  evaluate (f, id, "satisfied", "basically_satisfied", "2025-11-15");

  edited = dd_suggestion_load (f->store, id, &error);
  g_assert_no_error (error);
  g_object_set (edited, "title", "关于老旧小区无障碍改造的建议", "category", "transport", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (edited), f->store, &error));
  g_assert_no_error (error);

  g_assert_true (dd_workflow_close (f->store, id, &closing, &error));
  g_assert_no_error (error);

  assigned = g_strdup_printf ("Assigned to 区住房和城乡建设局 (lead), 区民政局 (co-handling); reply deadline %s",
                              deadline);
  round_two = g_strdup_printf ("Back to handling for round 2; reply deadline %s", second_deadline);
  {
    const char * const expected[] = {
      "Registered as a deputy’s suggestion",
      "State: Registered → Under review",
      "State: Under review → Assigned",
      assigned,
      "Supervision started: Tracking",
      "Supervision ended: Tracking",
      "Supervision started: Key, led by 李副区长",
      "State: Assigned → Handling",
      "State: Handling → Replied",
      "Reply from 区住房和城乡建设局, class A",
      "State: Replied → Handling",
      round_two,
      "Evaluated by 张伟: Satisfied",
      "Evaluated by 李娜: Unsatisfied",
      "State: Handling → Replied",
      "Reply from 区住房和城乡建设局, class B",
      "State: Replied → Evaluated",
      "Evaluated by 张伟: Satisfied",
      "Evaluated by 李娜: Basically satisfied",
      "Edited: Title, Category",
      "State: Evaluated → Closed",
      "Supervision ended: Key",
      NULL
    };

    events = timeline (f, id);
    assert_texts (events, expected);
  }
  assert_tells_every_row (f, id, events);

  for (guint i = 0; i < events->len; i++)
    {
      event = g_ptr_array_index (events, i);
      g_assert_cmpstr (event->changed_at, ==, NOW);
      g_assert_cmpstr (event->operator_name, ==, OPERATOR);
    }

  event = find_event (events, "Assigned to");
  g_assert_cmpstr (event->detail, ==, "Assigned on 2025-09-05");
  event = find_event (events, "Reply from 区住房和城乡建设局, class A");
  g_assert_cmpstr (event->detail, ==, "已完成无障碍坡道改造，共计十二处。\nSigned off by the co-handling units");
  event = find_event (events, "Reply from 区住房和城乡建设局, class B");
  g_assert_nonnull (strstr (event->detail, "Round 2"));
  event = find_event (events, "Evaluated by 李娜: Unsatisfied");
  g_assert_cmpstr (event->detail, ==, "进度偏慢");
  event = find_event (events, "Edited");
  g_assert_cmpstr (event->detail, ==,
                   "Title: “关于老旧小区加装无障碍设施的建议” → “关于老旧小区无障碍改造的建议”\n"
                   "Category: Urban construction → Transport");
  event = find_event (events, "State: Evaluated → Closed");
  g_assert_cmpstr (event->detail, ==, "Published on the station’s publicity board");
  event = find_event (events, "Registered");
  g_assert_cmpint (event->kind, ==, DD_TIMELINE_REGISTERED);
  g_assert_cmpuint (event->audit_ids->len, >, 3);
}

/* With the clock running, each event carries its own time. */
static void
test_timeline_times (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  gint64 id;

  dd_store_set_frozen_time (f->store, "2025-09-01T09:00:00");
  id = add_suggestion (f, "关于增设公交站点的建议", f->deputies[0], 0);
  dd_store_set_frozen_time (f->store, "2025-09-02T14:30:00");
  start_review (f, id);
  dd_store_set_operator (f->store, "审查组老李");
  dd_store_set_frozen_time (f->store, "2025-09-05T08:15:00");
  assign (f, id, f->units[2], 0, NULL);

  events = timeline (f, id);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, 0))->changed_at, ==, "2025-09-01T09:00:00");
  g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, 1))->changed_at, ==, "2025-09-02T14:30:00");
  g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, 1))->operator_name, ==, OPERATOR);
  g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, 3))->changed_at, ==, "2025-09-05T08:15:00");
  g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, 3))->operator_name, ==, "审查组老李");
  /* Assigned today: no separate date. */
  g_assert_null (((DdTimelineEvent *) g_ptr_array_index (events, 3))->detail);
  g_assert_true (g_str_has_prefix (((DdTimelineEvent *) g_ptr_array_index (events, 3))->text,
                                   "Assigned to 区交通运输局 (lead); reply deadline "));
  assert_tells_every_row (f, id, events);
}

/* Return by the unit, reassignment, transfer to another lead unit; reject,
 * transfer out, merge (told on both sides). */
static void
test_timeline_side_moves (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 returned = add_suggestion (f, "关于拓宽人民路的建议", f->deputies[0], 0);
  gint64 rejected = add_suggestion (f, "关于解决个人劳动纠纷的建议", f->deputies[0], 0);
  gint64 sent_out = add_suggestion (f, "关于修改省级条例的建议", f->deputies[0], 0);
  gint64 duplicate = add_suggestion (f, "关于加装电梯的建议", f->deputies[2], 0);
  gint64 kept = add_suggestion (f, "关于老旧小区加装电梯的建议", f->deputies[1], 0);
  DdUnitReturn unit_return = { "不属于本单位职责范围", "2025-09-10" };
  DdUnitTransfer transfer = { f->units[1], "2025-09-15", "涉及养老服务" };
  g_autofree char *kept_number = column_of (f, kept, "number");
  g_autofree char *duplicate_number = column_of (f, duplicate, "number");
  g_autofree char *merged_into = g_strdup_printf ("Merged into %s", kept_number);
  g_autofree char *merged_in = g_strdup_printf ("%s was merged into this suggestion", duplicate_number);
  DdTimelineEvent *event;

  start_review (f, returned);
  assign (f, returned, f->units[0], f->units[1], "2025-09-05");
  g_assert_true (dd_workflow_return_by_unit (f->store, returned, &unit_return, &error));
  g_assert_no_error (error);
  assign (f, returned, f->units[2], 0, "2025-09-11");
  g_assert_true (dd_workflow_transfer_unit (f->store, returned, &transfer, &error));
  g_assert_no_error (error);
  {
    const char * const expected[] = {
      "Registered as a deputy’s suggestion",
      "State: Registered → Under review",
      "State: Under review → Assigned",
      "x",
      "State: Assigned → Under review",
      "State: Under review → Assigned",
      "x",
      "Lead unit: 区交通运输局 → 区民政局",
      NULL
    };

    events = timeline (f, returned);
    print_events (events);
    g_assert_cmpuint (events->len, ==, g_strv_length ((char **) expected));
    for (guint i = 0; expected[i] != NULL; i++)
      if (!g_str_equal (expected[i], "x"))
        g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, i))->text, ==, expected[i]);
  }
  g_assert_true (g_str_has_prefix (((DdTimelineEvent *) g_ptr_array_index (events, 3))->text,
                                   "Assigned to 区住房和城乡建设局 (lead), 区民政局 (co-handling)"));
  g_assert_true (g_str_has_prefix (((DdTimelineEvent *) g_ptr_array_index (events, 6))->text,
                                   "Assigned to 区交通运输局 (lead); reply deadline"));
  g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, 4))->detail, ==,
                   "Returned by the unit: 不属于本单位职责范围");
  g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, 7))->detail, ==, "Reason: 涉及养老服务");
  assert_tells_every_row (f, returned, events);
  g_clear_pointer (&events, g_ptr_array_unref);

  start_review (f, rejected);
  g_assert_true (dd_workflow_reject (f->store, rejected, "属于劳动仲裁范围", &error));
  g_assert_no_error (error);
  events = timeline (f, rejected);
  event = find_event (events, "State: Under review → Rejected");
  g_assert_cmpstr (event->detail, ==, "Reason for rejection: 属于劳动仲裁范围");
  assert_tells_every_row (f, rejected, events);
  g_clear_pointer (&events, g_ptr_array_unref);

  start_review (f, sent_out);
  g_assert_true (dd_workflow_transfer_out (f->store, sent_out, "省人大常委会", &error));
  g_assert_no_error (error);
  events = timeline (f, sent_out);
  event = find_event (events, "State: Under review → Transferred out");
  g_assert_cmpstr (event->detail, ==, "Transferred to: 省人大常委会");
  g_clear_pointer (&events, g_ptr_array_unref);

  start_review (f, duplicate);
  g_assert_true (dd_workflow_merge (f->store, duplicate, kept, &error));
  g_assert_no_error (error);
  events = timeline (f, duplicate);
  event = find_event (events, "State: Under review → Merged");
  g_assert_cmpstr (event->detail, ==, merged_into);
  assert_tells_every_row (f, duplicate, events);
  g_clear_pointer (&events, g_ptr_array_unref);

  {
    const char * const expected[] = {
      "Registered as a deputy’s suggestion",
      merged_in,
      "王强 joined as a proposer",
      NULL
    };

    events = timeline (f, kept);
    assert_texts (events, expected);
  }
}

/* The demo writes no audit entries: its history is told from the records. */
static void
test_timeline_from_records (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DdStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { .size = DD_DEMO_SMALL, .seed = 7, .anchor = "2025-11-30" };
  Fixture demo = { 0 };
  g_autofree char *registered_on = NULL;
  g_autofree char *closed_on = NULL;
  g_autofree char *sql = NULL;
  const char *last_day = "";
  gint64 id, n_replies, n_evaluations;
  guint replies = 0, evaluations = 0, rounds = 0, assignments = 0;
  DdTimelineEvent *event;

  store = dd_store_new_in_memory (&error);
  g_assert_no_error (error);
  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  demo.store = store;

  /* A closed suggestion that took two rounds. */
  id = query_int (store, "SELECT id FROM suggestions WHERE state = 'closed' AND round = 2 "
                         "ORDER BY id LIMIT 1");
  registered_on = column_of (&demo, id, "registered_on");
  closed_on = column_of (&demo, id, "closed_on");
  sql = g_strdup_printf ("SELECT count(*) FROM replies WHERE suggestion_id = %" G_GINT64_FORMAT, id);
  n_replies = query_int (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM evaluations WHERE suggestion_id = %" G_GINT64_FORMAT, id);
  n_evaluations = query_int (store, sql);

  events = timeline (&demo, id);
  print_events (events);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->kind, ==, DD_TIMELINE_REGISTERED);
  g_assert_cmpstr (event->changed_at, ==, registered_on);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (event->text, ==, "State: Evaluated → Closed");
  g_assert_cmpstr (event->changed_at, ==, closed_on);
  for (guint i = 0; i < events->len; i++)
    {
      event = g_ptr_array_index (events, i);
      g_assert_null (event->operator_name);
      g_assert_cmpuint (event->audit_ids->len, ==, 0);
      /* Dated, oldest first. */
      g_assert_nonnull (event->changed_at);
      g_assert_cmpint (strlen (event->changed_at), ==, 10);
      g_assert_cmpstr (event->changed_at, >=, last_day);
      last_day = event->changed_at;
      replies += event->kind == DD_TIMELINE_REPLY;
      evaluations += event->kind == DD_TIMELINE_EVALUATION;
      rounds += event->kind == DD_TIMELINE_ROUND;
      assignments += event->kind == DD_TIMELINE_ASSIGNED;
    }
  g_assert_cmpuint (replies, ==, n_replies);
  g_assert_cmpuint (evaluations, ==, n_evaluations);
  g_assert_cmpuint (rounds, ==, 1);
  g_assert_cmpuint (assignments, ==, 1);
  g_assert_true (g_str_has_prefix (find_event (events, "Back to handling")->text,
                                   "Back to handling for round 2"));
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Rejected in review, on a day the records do not keep. */
  id = query_int (store, "SELECT id FROM suggestions WHERE state = 'rejected' ORDER BY id LIMIT 1");
  events = timeline (&demo, id);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 1);
  g_assert_cmpstr (event->text, ==, "State: Under review → Rejected");
  g_assert_null (event->changed_at);
  g_assert_true (g_str_has_prefix (event->detail, "Reason for rejection: "));
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Moved on in the app: the records tell what came before, the log the rest. */
  id = query_int (store, "SELECT id FROM suggestions WHERE state = 'registered' ORDER BY id LIMIT 1");
  dd_store_set_frozen_time (store, "2025-12-01T09:30:00");
  dd_store_set_operator (store, OPERATOR);
  g_assert_true (dd_workflow_start_review (store, id, &error));
  g_assert_true (dd_workflow_reject (store, id, "重复反映", &error));
  g_assert_no_error (error);
  {
    const char * const expected[] = {
      "Registered as a deputy’s suggestion",
      "State: Registered → Under review",
      "State: Under review → Rejected",
      NULL
    };
    g_autofree char *kind = column_of (&demo, id, "kind");

    events = timeline (&demo, id);
    if (g_str_equal (kind, "voter_opinion"))
      {
        const char * const opinion[] = {
          "Registered as a voter’s opinion", expected[1], expected[2], NULL
        };
        assert_texts (events, opinion);
      }
    else
      assert_texts (events, expected);
  }
  g_assert_cmpuint (((DdTimelineEvent *) g_ptr_array_index (events, 0))->audit_ids->len, ==, 0);
  g_assert_cmpstr (((DdTimelineEvent *) g_ptr_array_index (events, 2))->operator_name, ==, OPERATOR);
  assert_tells_every_row (&demo, id, events);
}

/* The history's query reads the audit log through its index, never a scan. */
static void
test_timeline_query_plan (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  gint64 id = add_suggestion (f, "关于增设公交站点的建议", f->deputies[0], 0);
  sqlite3 *db = dd_store_get_db (f->store);
  guint checked = 0;

  events = timeline (f, id);
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      const char *sql = sqlite3_sql (stmt);
      g_autofree char *explain = NULL;
      sqlite3_stmt *plan = NULL;

      if (strstr (sql, "FROM audit_log") == NULL || strstr (sql, "EXPLAIN") != NULL)
        continue;
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (plan) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (plan, 3);

          g_test_message ("%s", detail);
          g_assert_null (strstr (detail, "SCAN audit_log"));
          g_assert_null (strstr (detail, "SCAN suggestions"));
        }
      sqlite3_finalize (plan);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 1);
}

/* The form's rules, by field. */
static void
test_check_edit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DdSuggestion) edited = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_suggestion (f, "关于增设公交站点的建议", f->deputies[0], 0);
  DdProblem *problem;

  edited = dd_suggestion_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (dd_suggestion_can_edit_field (edited, "title"));
  g_assert_true (dd_suggestion_can_edit_field (edited, "registered-on"));
  g_assert_false (dd_suggestion_can_edit_field (edited, "kind"));
  g_assert_false (dd_suggestion_can_edit_field (edited, "state"));
  g_assert_false (dd_suggestion_can_edit_field (edited, "deadline-on"));

  g_object_set (edited, "title", "  ", "registered-on", "2025-12-02", NULL);
  problems = dd_suggestion_check_edit (f->store, edited);
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->field, ==, "title");
  g_assert_cmpstr (problem->message, ==, "Title is required");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->field, ==, "registered-on");
  g_assert_cmpstr (problem->message, ==, "Registration date cannot be after today (2025-12-01)");
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_object_set (edited, "title", "关于增设公交站点的建议", "registered-on", "2025-08-30",
                "kind", "voter_opinion", NULL);
  problems = dd_suggestion_check_edit (f->store, edited);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "kind");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Once assigned, the registration date stays. */
  start_review (f, id);
  assign (f, id, f->units[0], 0, "2025-09-05");
  g_clear_object (&edited);
  edited = dd_suggestion_load (f->store, id, &error);
  g_assert_false (dd_suggestion_can_edit_field (edited, "registered-on"));
  g_assert_true (dd_suggestion_can_edit_field (edited, "title"));
  g_object_set (edited, "registered-on", "2025-08-30", NULL);
  problems = dd_suggestion_check_edit (f->store, edited);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "registered-on");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Registration date cannot change once the suggestion has been assigned");
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_object_set (edited, "registered-on", "2025-09-01", "title", "新标题", NULL);
  problems = dd_suggestion_check_edit (f->store, edited);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* What dd_supervision_start() refuses, by field, and nothing it accepts. */
static void
test_check_supervision (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_suggestion (f, "关于增设公交站点的建议", f->deputies[0], 0);
  DdSupervisionStart key = { "key", " ", NULL, NULL };
  DdSupervisionStart early = { "tracking", NULL, "2025-09-01", NULL };
  DdSupervisionStart late = { "tracking", NULL, "2025-12-05", NULL };
  DdSupervisionStart good = { "key", "李副区长", "2025-09-20", NULL };

  /* Not yet assigned. */
  problems = dd_supervision_check_start (f->store, id, &good);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_null (((DdProblem *) g_ptr_array_index (problems, 0))->field);
  g_assert_false (dd_supervision_start (f->store, id, &good, NULL, &error));
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  start_review (f, id);
  assign (f, id, f->units[0], 0, "2025-09-05");

  problems = dd_supervision_check_start (f->store, id, &key);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "leader-name");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Leading official is required for key supervision");
  /* The same words as the write's refusal. */
  g_assert_false (dd_supervision_start (f->store, id, &key, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Leading official is required for key supervision");
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = dd_supervision_check_start (f->store, id, &early);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "started-on");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Start date cannot be before the date assigned (2025-09-05)");
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = dd_supervision_check_start (f->store, id, &late);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "started-on");
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = dd_supervision_check_start (f->store, id, &good);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (dd_supervision_start (f->store, id, &good, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Before the open supervision it would replace. */
  early.started_on = "2025-09-10";
  problems = dd_supervision_check_start (f->store, id, &early);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Start date cannot be before the start of the supervision it replaces (2025-09-20)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/suggestion-facts/lists", test_facts);
  ADD ("/suggestion-facts/timeline/handling", test_timeline_handling);
  ADD ("/suggestion-facts/timeline/times", test_timeline_times);
  ADD ("/suggestion-facts/timeline/side-moves", test_timeline_side_moves);
  ADD ("/suggestion-facts/timeline/from-records", test_timeline_from_records);
  ADD ("/suggestion-facts/timeline/query-plan", test_timeline_query_plan);
  ADD ("/suggestion-facts/check/edit", test_check_edit);
  ADD ("/suggestion-facts/check/supervision", test_check_supervision);

#undef ADD

  return g_test_run ();
}
