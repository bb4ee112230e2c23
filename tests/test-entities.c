/* test-entities.c: the entities of the suggestion handling, activities,
 * assessments and projects: round trips, validation field by field,
 * cross-field checks, suggestion numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>

#include "dd-activity.h"
#include "dd-assessment.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-evaluation.h"
#include "dd-model-error.h"
#include "dd-project.h"
#include "dd-reception.h"
#include "dd-reply.h"
#include "dd-station.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-supervision.h"
#include "dd-unit.h"

/* Helpers */

static gint64
count_rows (DdStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The first column of the first row of @sql, as text. */
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
add_station (DdStore *store)
{
  DdStation *station = dd_station_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (station, "name", "和平街道代表联络站", "kind", "liaison_station", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), store, &error));
  g_assert_no_error (error);
  id = dd_entity_get_id (DD_ENTITY (station));
  g_object_unref (station);
  return id;
}

static gint64
add_reception (DdStore *store,
               gint64   station_id)
{
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (reception, "station-id", station_id, "held-on", "2025-03-01",
                "voters-received", (gint64) 23, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (reception), store, &error));
  g_assert_no_error (error);
  return dd_entity_get_id (DD_ENTITY (reception));
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

static DdSuggestion *
new_suggestion (const char *kind,
                const char *title,
                const char *registered_on)
{
  DdSuggestion *suggestion = dd_suggestion_new ();

  g_object_set (suggestion, "kind", kind, "title", title, "registered-on", registered_on, NULL);
  return suggestion;
}

static gint64
add_suggestion (DdStore    *store,
                const char *kind,
                const char *registered_on)
{
  g_autoptr(DdSuggestion) suggestion = new_suggestion (kind, "关于增设公交站点的建议",
                                                       registered_on);
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_entity_save (DD_ENTITY (suggestion), store, &error));
  g_assert_no_error (error);
  return dd_entity_get_id (DD_ENTITY (suggestion));
}

/* Valid records, every field filled where a value is allowed */

static DdEntity *
valid_unit (DdStore *store)
{
  DdUnit *unit = dd_unit_new ();

  g_object_set (unit,
                "name", "区住房和城乡建设局",
                "kind", "government_department",
                "contact-name", "李明",
                "contact-phone", "0571-86001234",
                "active", FALSE,
                NULL);
  return DD_ENTITY (unit);
}

static DdEntity *
valid_suggestion (DdStore *store)
{
  gint64 station_id = add_station (store);
  gint64 reception_id = add_reception (store, station_id);
  DdSuggestion *suggestion = new_suggestion ("voter_opinion", "小区门口路灯长期不亮",
                                             "2025-03-02");

  /* The handling fields are the model's to set; set here as it would. */
  g_object_set (suggestion,
                "body", "和平小区东门外路灯损坏已三个月，居民夜间出行不便。",
                "category", "urban_construction",
                "station-id", station_id,
                "reception-id", reception_id,
                "voter-name", "张桂芳",
                "voter-phone", "13900001111",
                "state", "handling",
                "assigned-on", "2025-03-10",
                "deadline-on", "2025-06-10",
                "round", (gint64) 2,
                "transferred-to", "市城管局",
                "published", TRUE,
                NULL);
  return DD_ENTITY (suggestion);
}

static DdEntity *
valid_supervision (DdStore *store)
{
  DdSupervision *supervision = dd_supervision_new ();

  g_object_set (supervision,
                "suggestion-id", add_suggestion (store, "deputy_suggestion", "2025-03-02"),
                "mode", "key",
                "leader-name", "王建国",
                "started-on", "2025-04-01",
                "ended-on", "2025-05-15",
                "note", "常委会副主任领衔督办",
                NULL);
  return DD_ENTITY (supervision);
}

static DdEntity *
valid_reply (DdStore *store)
{
  DdReply *reply = dd_reply_new ();

  g_object_set (reply,
                "suggestion-id", add_suggestion (store, "deputy_suggestion", "2025-03-02"),
                "unit-id", add_unit (store, "区交通运输局"),
                "round", (gint64) 1,
                "class", "B",
                "body", "已列入2025年公交线网优化计划，年内实施。",
                "replied-on", "2025-05-20",
                "co-units-signed-off", TRUE,
                NULL);
  return DD_ENTITY (reply);
}

static DdEntity *
valid_evaluation (DdStore *store)
{
  DdEvaluation *evaluation = dd_evaluation_new ();

  g_object_set (evaluation,
                "suggestion-id", add_suggestion (store, "deputy_suggestion", "2025-03-02"),
                "deputy-id", add_deputy (store, "陈静"),
                "round", (gint64) 1,
                "verdict", "basically_satisfied",
                "evaluated-on", "2025-06-01",
                "comment", "希望加快实施进度",
                NULL);
  return DD_ENTITY (evaluation);
}

static DdEntity *
valid_activity (DdStore *store)
{
  DdActivity *activity = dd_activity_new ();

  g_object_set (activity,
                "kind", "inspection",
                "title", "视察老旧小区改造工作",
                "held-on", "2025-05-08",
                "ends-on", "2025-05-09",
                "place", "和平街道",
                "organizer", "区人大常委会城建环保工委",
                "note", "代表12人参加",
                NULL);
  return DD_ENTITY (activity);
}

static DdEntity *
valid_assessment (DdStore *store)
{
  DdAssessment *assessment = dd_assessment_new ();

  g_object_set (assessment,
                "deputy-id", add_deputy (store, "陈静"),
                "year", (gint64) 2024,
                "grade", "good",
                "stage", "township",
                "note", "参加活动12次",
                NULL);
  return DD_ENTITY (assessment);
}

static DdEntity *
valid_project (DdStore *store)
{
  DdProject *project = dd_project_new ();

  g_object_set (project,
                "year", (gint64) 2025,
                "title", "老旧小区加装电梯",
                "description", "全区完成加装电梯100台",
                "budget-yuan", (gint64) 35000000,
                "unit-id", add_unit (store, "区住房和城乡建设局"),
                "voted-on", "2025-01-15",
                "result", "adopted",
                NULL);
  return DD_ENTITY (project);
}

/* One broken value of a valid record */
typedef struct
{
  const char *property;
  const char *text;       /* for string properties */
  gint64      number;     /* for int, ref and bool properties, when text is NULL */
  const char *fragment;   /* expected in the message */
  const char *field;      /* the field at fault, if not @property */
} Case;

static const Case unit_cases[] = {
  { "name", "", 0, "Name is required" },
  { "name", "  ", 0, "Name is required" },
  { "kind", "", 0, "Kind is required" },
  { "kind", "ministry", 0, "Kind: “ministry” is not one of the allowed values" },
};

static const Case suggestion_cases[] = {
  { "kind", "", 0, "Kind is required" },
  { "kind", "petition", 0, "Kind: “petition” is not one of the allowed values" },
  { "title", " ", 0, "Title is required" },
  { "category", "", 0, "Category is required" },
  { "category", "roads", 0, "Category: “roads” is not one of the allowed values" },
  { "registered-on", "", 0, "Registration date is required" },
  { "registered-on", "2025-02-29", 0, "Registration date: “2025-02-29” is not a date" },
  { "registered-on", "2025/03/02", 0, "Registration date: “2025/03/02” is not a date" },
  { "station-id", NULL, 999, "Station: there is no station numbered 999" },
  { "reception-id", NULL, 999, "Reception: there is no reception numbered 999" },
  /* The schema's CHECK ((state = 'merged') = (merged_into_id IS NOT NULL)) */
  { "state", "merged", 0, "Merged into is required for a merged suggestion", "merged-into-id" },
  { "merged-into-id", NULL, 1, "Merged into must be empty unless the suggestion is merged" },
};

static const Case supervision_cases[] = {
  { "suggestion-id", NULL, 0, "Suggestion is required" },
  { "suggestion-id", NULL, 999, "Suggestion: there is no suggestion numbered 999" },
  { "mode", "", 0, "Mode is required" },
  { "mode", "remote", 0, "Mode: “remote” is not one of the allowed values" },
  { "started-on", "", 0, "Start date is required" },
  { "started-on", "2025-4-1", 0, "Start date: “2025-4-1” is not a date" },
  { "ended-on", "2025-04-31", 0, "End date: “2025-04-31” is not a date" },
  { "ended-on", "2025-03-31", 0, "End date cannot be before the start date" },
  /* The schema's CHECK (mode <> 'key' OR leader_name IS NOT NULL) */
  { "leader-name", "", 0, "Leading official is required for key supervision" },
  { "leader-name", "   ", 0, "Leading official is required for key supervision" },
};

static const Case reply_cases[] = {
  { "suggestion-id", NULL, 0, "Suggestion is required" },
  { "suggestion-id", NULL, 999, "Suggestion: there is no suggestion numbered 999" },
  { "unit-id", NULL, 0, "Handling unit is required" },
  { "unit-id", NULL, 999, "Handling unit: there is no handling unit numbered 999" },
  { "round", NULL, 0, "Round must be a whole number from 1 to 99" },
  { "round", NULL, 100, "Round must be a whole number from 1 to 99" },
  { "class", "", 0, "Class is required" },
  { "class", "D", 0, "Class: “D” is not one of the allowed values" },
  { "class", "a", 0, "Class: “a” is not one of the allowed values" },
  { "body", "", 0, "Text is required" },
  { "replied-on", "", 0, "Date replied is required" },
  { "replied-on", "2025-06-31", 0, "Date replied: “2025-06-31” is not a date" },
};

static const Case evaluation_cases[] = {
  { "suggestion-id", NULL, 0, "Suggestion is required" },
  { "suggestion-id", NULL, 999, "Suggestion: there is no suggestion numbered 999" },
  { "deputy-id", NULL, 0, "Deputy is required" },
  { "deputy-id", NULL, 999, "Deputy: there is no deputy numbered 999" },
  { "round", NULL, 0, "Round must be a whole number from 1 to 99" },
  { "verdict", "", 0, "Verdict is required" },
  { "verdict", "happy", 0, "Verdict: “happy” is not one of the allowed values" },
  { "evaluated-on", "", 0, "Date evaluated is required" },
  { "evaluated-on", "tomorrow", 0, "Date evaluated: “tomorrow” is not a date" },
};

static const Case activity_cases[] = {
  { "kind", "", 0, "Kind is required" },
  { "kind", "meeting", 0, "Kind: “meeting” is not one of the allowed values" },
  { "title", "", 0, "Title is required" },
  { "held-on", "", 0, "Date is required" },
  { "held-on", "2025-1-5", 0, "Date: “2025-1-5” is not a date" },
  { "ends-on", "2025-05-00", 0, "End date: “2025-05-00” is not a date" },
  { "ends-on", "2025-05-07", 0, "End date cannot be before the date of the activity" },
};

static const Case assessment_cases[] = {
  { "deputy-id", NULL, 0, "Deputy is required" },
  { "deputy-id", NULL, 999, "Deputy: there is no deputy numbered 999" },
  { "year", NULL, 0, "Year must be a whole number from 1949 to 2999" },
  { "year", NULL, 1948, "Year must be a whole number from 1949 to 2999" },
  { "year", NULL, 3000, "Year must be a whole number from 1949 to 2999" },
  { "grade", "A+", 0, "Grade: “A+” is not one of the allowed values" },
  { "stage", "", 0, "Stage is required" },
  { "stage", "city", 0, "Stage: “city” is not one of the allowed values" },
};

static const Case project_cases[] = {
  { "year", NULL, 0, "Year must be a whole number from 1949 to 2999" },
  { "year", NULL, 3000, "Year must be a whole number from 1949 to 2999" },
  { "title", "", 0, "Title is required" },
  { "budget-yuan", NULL, -1, "Budget (yuan) must be a whole number from 0 to" },
  { "unit-id", NULL, 999, "Handling unit: there is no handling unit numbered 999" },
  { "voted-on", "2025-02-30", 0, "Date of the vote: “2025-02-30” is not a date" },
  { "result", "", 0, "Result is required" },
  { "result", "passed", 0, "Result: “passed” is not one of the allowed values" },
};

typedef struct
{
  const char  *name;
  GType      (*get_type) (void);
  const char  *table;
  DdEntity  *(*make_valid) (DdStore *store);
  DdEntity  *(*load) (DdStore *store, gint64 id, GError **error);
  const Case  *cases;
  guint        n_cases;
} Entity;

/* The typed loaders, through one signature. */
static DdEntity *
load_unit (DdStore  *store,
           gint64    id,
           GError  **error)
{
  return (DdEntity *) dd_unit_load (store, id, error);
}

static DdEntity *
load_suggestion (DdStore  *store,
                 gint64    id,
                 GError  **error)
{
  return (DdEntity *) dd_suggestion_load (store, id, error);
}

static DdEntity *
load_supervision (DdStore  *store,
                  gint64    id,
                  GError  **error)
{
  return (DdEntity *) dd_supervision_load (store, id, error);
}

static DdEntity *
load_reply (DdStore  *store,
            gint64    id,
            GError  **error)
{
  return (DdEntity *) dd_reply_load (store, id, error);
}

static DdEntity *
load_evaluation (DdStore  *store,
                 gint64    id,
                 GError  **error)
{
  return (DdEntity *) dd_evaluation_load (store, id, error);
}

static DdEntity *
load_activity (DdStore  *store,
               gint64    id,
               GError  **error)
{
  return (DdEntity *) dd_activity_load (store, id, error);
}

static DdEntity *
load_assessment (DdStore  *store,
                 gint64    id,
                 GError  **error)
{
  return (DdEntity *) dd_assessment_load (store, id, error);
}

static DdEntity *
load_project (DdStore  *store,
              gint64    id,
              GError  **error)
{
  return (DdEntity *) dd_project_load (store, id, error);
}

#define ENTITY(n, t, c) \
  { #n, dd_##n##_get_type, t, valid_##n, load_##n, c, G_N_ELEMENTS (c) }

static const Entity entities[] = {
  ENTITY (unit, "units", unit_cases),
  ENTITY (suggestion, "suggestions", suggestion_cases),
  ENTITY (supervision, "supervisions", supervision_cases),
  ENTITY (reply, "replies", reply_cases),
  ENTITY (evaluation, "evaluations", evaluation_cases),
  ENTITY (activity, "activities", activity_cases),
  ENTITY (assessment, "assessments", assessment_cases),
  ENTITY (project, "projects", project_cases),
};

static void
assert_same_properties (DdEntity *a,
                        DdEntity *b)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a),
                                                                   &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&va);
          g_autofree char *sb = g_strdup_value_contents (&vb);

          g_error ("%s.%s: saved %s, loaded %s", dd_entity_get_table (a), pspecs[i]->name, sa, sb);
        }
    }
}

/* Every column is a property: saved, then loaded, the record is the same. */
static void
test_round_trip (gconstpointer data)
{
  const Entity *e = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdEntity) entity = e->make_valid (store);
  g_autoptr(DdEntity) loaded = NULL;
  g_autoptr(DdEntity) missing = NULL;
  gint64 audit_before = count_rows (store, "audit_log");

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (entity, e->get_type ()));
  g_assert_cmpstr (dd_entity_get_table (entity), ==, e->table);
  g_assert_true (dd_entity_save (entity, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dd_entity_get_id (entity), >, 0);
  g_assert_cmpint (count_rows (store, e->table), ==, 1);
  g_assert_cmpint (count_rows (store, "audit_log"), >, audit_before);

  loaded = e->load (store, dd_entity_get_id (entity), &error);
  g_assert_no_error (error);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (loaded, e->get_type ()));
  assert_same_properties (entity, loaded);

  /* Saving the loaded record unchanged writes nothing. */
  audit_before = count_rows (store, "audit_log");
  g_assert_true (dd_entity_save (loaded, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audit_before);

  missing = e->load (store, 4242, &error);
  g_assert_null (missing);
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND);
}

/* Each case breaks one field of a valid record: exactly one problem, on the
 * right field, naming its label; the save fails and writes nothing. */
static void
test_field_by_field (gconstpointer data)
{
  const Entity *e = data;

  for (guint i = 0; i < e->n_cases; i++)
    {
      const Case *c = &e->cases[i];
      const char *field = c->field != NULL ? c->field : c->property;
      g_autoptr(GError) error = NULL;
      g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
      g_autoptr(DdEntity) entity = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      const DdField *spec;
      const char *label;
      DdProblem *problem;
      gint64 rows, audit;

      /* A suggestion to refer to, for the merge case. */
      add_suggestion (store, "deputy_suggestion", "2025-01-05");
      entity = e->make_valid (store);
      rows = count_rows (store, e->table);
      audit = count_rows (store, "audit_log");

      g_assert_true (dd_entity_validate (entity, store, NULL));
      if (c->text != NULL)
        g_object_set (entity, c->property, c->text, NULL);
      else
        g_object_set (entity, c->property, c->number, NULL);

      problems = dd_entity_check (entity, store);
      if (problems->len != 1)
        g_error ("%s case %u (%s): %u problems", e->name, i, c->property, problems->len);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (problem->field, ==, field);
      if (strstr (problem->message, c->fragment) == NULL)
        g_error ("%s case %u: “%s” lacks “%s”", e->name, i, problem->message, c->fragment);
      spec = dd_entity_class_find_field (DD_ENTITY_GET_CLASS (entity), field);
      g_assert_nonnull (spec);
      label = dd_field_get_label (spec);
      if (!g_str_has_prefix (problem->message, label))
        g_error ("%s case %u: “%s” does not name “%s”", e->name, i, problem->message, label);

      g_assert_false (dd_entity_save (entity, store, &error));
      g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, problem->message);
      g_assert_cmpint (dd_entity_get_id (entity), ==, 0);
      g_assert_cmpint (count_rows (store, e->table), ==, rows);
      g_assert_cmpint (count_rows (store, "audit_log"), ==, audit);
    }
}

/* Every code a form can choose is one the schema's CHECK accepts. */
static void
test_every_code_stored (gconstpointer data)
{
  const Entity *e = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdEntity) entity = e->make_valid (store);
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (entity);

  g_assert_true (dd_entity_save (entity, store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const DdField *field = &klass->fields[i];

      if (field->type != DD_FIELD_ENUM || field->managed)
        continue;
      for (guint j = 0; field->codes[j] != NULL; j++)
        {
          g_autoptr(DdEntity) stored = NULL;

          g_object_set (entity, field->name, field->codes[j], NULL);
          if (!dd_entity_save (entity, store, &error))
            g_error ("%s.%s = %s: %s", e->table, field->name, field->codes[j], error->message);
          stored = e->load (store, dd_entity_get_id (entity), &error);
          g_assert_no_error (error);
          g_assert_cmpstr (dd_entity_get_string (stored, field->name), ==, field->codes[j]);
          /* Every code has a translated name of its own. */
          g_assert_cmpstr (dd_code_label (field->codes, field->codes[j]), !=, field->codes[j]);
        }
    }
}

static void
test_unit_name_taken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdEntity) first = valid_unit (store);
  g_autoptr(DdEntity) second = valid_unit (store);
  g_autoptr(GPtrArray) problems = NULL;
  DdProblem *problem;
  gint64 audit;

  g_assert_true (dd_entity_save (first, store, &error));
  audit = count_rows (store, "audit_log");

  problems = dd_entity_check (second, store);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->field, ==, "name");
  g_assert_cmpstr (problem->message, ==,
                   "Name: there is already a handling unit named “区住房和城乡建设局”");
  g_assert_false (dd_entity_save (second, store, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "units"), ==, 1);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audit);

  /* The unit's own name is not taken from itself. */
  g_object_set (first, "contact-name", "赵敏", NULL);
  g_assert_true (dd_entity_save (first, store, &error));
  g_assert_no_error (error);

  g_object_set (second, "name", "区教育局", NULL);
  g_assert_true (dd_entity_save (second, store, &error));
  g_assert_no_error (error);
}

static void
test_unit_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdUnit) unit = dd_unit_new ();
  g_autofree char *stored = NULL;

  /* A new unit is an active government department, as the schema's defaults. */
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (unit), "kind"), ==, "government_department");
  g_assert_true (dd_entity_get_bool (DD_ENTITY (unit), "active"));
  g_object_set (unit, "name", "区人民法院", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (unit), store, &error));
  g_assert_no_error (error);
  stored = query_text (store, "SELECT kind || ',' || active FROM units");
  g_assert_cmpstr (stored, ==, "government_department,1");
}

static char *
number_of (DdStore    *store,
           const char *kind,
           const char *registered_on)
{
  g_autoptr(DdSuggestion) suggestion = new_suggestion (kind, "关于加强校园周边交通管理的建议",
                                                       registered_on);
  g_autoptr(DdSuggestion) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_entity_save (DD_ENTITY (suggestion), store, &error));
  g_assert_no_error (error);
  stored = dd_suggestion_load (store, dd_entity_get_id (DD_ENTITY (suggestion)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (stored), "number"), ==,
                   dd_entity_get_string (DD_ENTITY (suggestion), "number"));
  return g_strdup (dd_entity_get_string (DD_ENTITY (suggestion), "number"));
}

/* Numbered as the demo numbers them: per kind and registration year. */
static void
test_suggestion_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdSuggestion) first = NULL;
  g_autoptr(DdSuggestion) imported = NULL;
  g_autofree char *audited = NULL;
  char *number;

#define ASSERT_NUMBER(kind, date, expected) \
  number = number_of (store, kind, date); \
  g_assert_cmpstr (number, ==, expected); \
  g_free (number)

  ASSERT_NUMBER ("deputy_suggestion", "2025-01-06", "JY2025-0001");
  ASSERT_NUMBER ("deputy_suggestion", "2025-02-11", "JY2025-0002");
  ASSERT_NUMBER ("voter_opinion", "2025-02-12", "YJ2025-0001");
  ASSERT_NUMBER ("deputy_suggestion", "2024-12-30", "JY2024-0001");
  ASSERT_NUMBER ("voter_opinion", "2025-12-31", "YJ2025-0002");

  /* The number is audited with the other fields of the new record. */
  audited = query_text (store, "SELECT new_value FROM audit_log WHERE entity = 'suggestions' "
                               "AND entity_id = 1 AND field = 'number'");
  g_assert_cmpstr (audited, ==, "JY2025-0001");

  /* A deleted number is not given again. */
  first = dd_suggestion_load (store, 1, &error);
  g_assert_no_error (error);
  g_assert_true (dd_entity_delete (DD_ENTITY (first), store, &error));
  g_assert_no_error (error);
  ASSERT_NUMBER ("deputy_suggestion", "2025-03-01", "JY2025-0003");

  /* An imported number is kept, and counting goes on after it, past 9999 too. */
  imported = new_suggestion ("deputy_suggestion", "关于老旧小区加装电梯的建议", "2025-03-02");
  g_object_set (imported, "number", "JY2025-9999", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (imported), store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (imported), "number"), ==, "JY2025-9999");
  ASSERT_NUMBER ("deputy_suggestion", "2025-03-03", "JY2025-10000");
  ASSERT_NUMBER ("deputy_suggestion", "2025-03-04", "JY2025-10001");

#undef ASSERT_NUMBER
}

static void
test_suggestion_defaults_and_managed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdSuggestion) suggestion = dd_suggestion_new ();
  g_autoptr(GPtrArray) problems = NULL;
  static const char * const required[] = { "kind", "title", "registered-on" };
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (suggestion);
  static const char * const managed[] = {
    "number", "state", "round", "assigned-on", "deadline-on", "replied-on", "evaluated-on",
    "closed-on", "merged-into-id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (managed); i++)
    g_assert_true (dd_entity_class_find_field (klass, managed[i])->managed);

  /* A new suggestion is registered, in round 1, of the category "other". */
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (suggestion), "state"), ==, "registered");
  g_assert_cmpint (dd_entity_get_int (DD_ENTITY (suggestion), "round"), ==, 1);
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (suggestion), "category"), ==, "other");

  problems = dd_entity_check (DD_ENTITY (suggestion), store);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (required));
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, i))->field, ==, required[i]);
}

/* state 'merged' ⇔ merged-into-id set; and never into itself */
static void
test_suggestion_merge_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  gint64 kept = add_suggestion (store, "deputy_suggestion", "2025-03-01");
  g_autoptr(DdSuggestion) duplicate = new_suggestion ("deputy_suggestion", "关于增设公交站点的建议",
                                                      "2025-03-05");
  g_autoptr(DdSuggestion) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *state = NULL;

  g_assert_true (dd_entity_save (DD_ENTITY (duplicate), store, &error));
  g_assert_no_error (error);

  /* Both together: valid, and what the schema's CHECK wants. */
  g_object_set (duplicate, "state", "merged", "merged-into-id", kept, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (duplicate), store, &error));
  g_assert_no_error (error);
  stored = dd_suggestion_load (store, dd_entity_get_id (DD_ENTITY (duplicate)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_entity_get_int (DD_ENTITY (stored), "merged-into-id"), ==, kept);

  /* Back out of "merged" without clearing the link: refused, nothing written. */
  g_object_set (duplicate, "state", "registered", NULL);
  problems = dd_entity_check (DD_ENTITY (duplicate), store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "merged-into-id");
  g_assert_false (dd_entity_save (DD_ENTITY (duplicate), store, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  state = query_text (store, "SELECT state FROM suggestions WHERE id = 2");
  g_assert_cmpstr (state, ==, "merged");

  /* Merged into itself */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_object_set (duplicate, "state", "merged", "merged-into-id",
                dd_entity_get_id (DD_ENTITY (duplicate)), NULL);
  problems = dd_entity_check (DD_ENTITY (duplicate), store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Merged into: a suggestion cannot be merged into itself");
}

/* Key supervision needs its leading official; the other modes do not. */
static void
test_supervision_key_needs_leader (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdSupervision) supervision = dd_supervision_new ();
  g_autoptr(GPtrArray) problems = NULL;
  gint64 audit;

  g_object_set (supervision,
                "suggestion-id", add_suggestion (store, "deputy_suggestion", "2025-03-02"),
                "mode", "tracking",
                "started-on", "2025-04-01",
                NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (supervision), store, &error));
  g_assert_no_error (error);
  audit = count_rows (store, "audit_log");

  g_object_set (supervision, "mode", "key", NULL);
  problems = dd_entity_check (DD_ENTITY (supervision), store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "leader-name");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Leading official is required for key supervision");
  g_assert_false (dd_entity_save (DD_ENTITY (supervision), store, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audit);

  g_object_set (supervision, "leader-name", "王建国", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (supervision), store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audit + 2);
}

/* UNIQUE (suggestion_id, deputy_id, round): a second verdict of the same
 * round is a problem on the deputy; the next round is fine. */
static void
test_evaluation_once_a_round (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdEntity) first = valid_evaluation (store);
  g_autoptr(DdEvaluation) again = dd_evaluation_new ();
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (dd_entity_save (first, store, &error));
  g_assert_no_error (error);

  g_object_set (again,
                "suggestion-id", dd_entity_get_int (first, "suggestion-id"),
                "deputy-id", dd_entity_get_int (first, "deputy-id"),
                "verdict", "unsatisfied",
                "evaluated-on", "2025-06-02",
                NULL);
  problems = dd_entity_check (DD_ENTITY (again), store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "deputy-id");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Deputy: this deputy has already evaluated round 1 of this suggestion");
  g_assert_false (dd_entity_save (DD_ENTITY (again), store, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "evaluations"), ==, 1);

  g_object_set (again, "round", (gint64) 2, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (again), store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "evaluations"), ==, 2);
}

/* UNIQUE (deputy_id, year), and the REAL score the class leaves alone. */
static void
test_assessment_once_a_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdEntity) first = valid_assessment (store);
  g_autoptr(DdAssessment) again = dd_assessment_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *score = NULL;

  g_assert_true (dd_entity_save (first, store, &error));
  g_assert_no_error (error);

  g_object_set (again, "deputy-id", dd_entity_get_int (first, "deputy-id"),
                "year", (gint64) 2024, NULL);
  problems = dd_entity_check (DD_ENTITY (again), store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "year");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Year: this deputy already has an assessment for 2024");
  g_assert_false (dd_entity_save (DD_ENTITY (again), store, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (again, "year", (gint64) 2025, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (again), store, &error));
  g_assert_no_error (error);

  /* A score written elsewhere survives an update of the other fields. */
  g_assert_true (dd_store_exec (store, "UPDATE assessments SET score = 87.5 WHERE id = 1", &error));
  g_object_set (first, "stage", "district", NULL);
  g_assert_true (dd_entity_save (first, store, &error));
  g_assert_no_error (error);
  score = query_text (store, "SELECT score || ',' || stage FROM assessments WHERE id = 1");
  g_assert_cmpstr (score, ==, "87.5,district");
}

/* The column of replies named "class" is the property "class". */
static void
test_reply_class_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdEntity) reply = valid_reply (store);
  g_autofree char *stored = NULL;

  g_assert_true (dd_entity_save (reply, store, &error));
  g_assert_no_error (error);
  stored = query_text (store, "SELECT class || ',' || round || ',' || co_units_signed_off "
                              "FROM replies");
  g_assert_cmpstr (stored, ==, "B,1,1");
}

static void
test_new_codes_labels (void)
{
  /* One code, several tables: each label from its own table. */
  g_assert_cmpstr (dd_code_label (dd_assessment_stages, "township"), ==, "Township review");
  g_assert_cmpstr (dd_code_label (dd_deputy_levels, "township"), ==, "Township");
  g_assert_cmpstr (dd_code_label (dd_project_results, "rejected"), ==, "Rejected");
  g_assert_cmpstr (dd_code_label (dd_assessment_grades, "pass"), ==, "Pass");
  g_assert_cmpstr (dd_code_label (dd_project_votes, "abstain"), ==, "Abstain");
  g_assert_cmpstr (dd_code_label (dd_project_votes, "for"), ==, "For");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *round_trip = g_strdup_printf ("/entities/%s/round-trip", entities[i].name);
      g_autofree char *fields = g_strdup_printf ("/entities/%s/field-by-field", entities[i].name);
      g_autofree char *codes = g_strdup_printf ("/entities/%s/every-code-stored", entities[i].name);

      g_test_add_data_func (round_trip, &entities[i], test_round_trip);
      g_test_add_data_func (fields, &entities[i], test_field_by_field);
      g_test_add_data_func (codes, &entities[i], test_every_code_stored);
    }
  g_test_add_func ("/entities/unit/name-taken", test_unit_name_taken);
  g_test_add_func ("/entities/unit/defaults", test_unit_defaults);
  g_test_add_func ("/entities/suggestion/numbers", test_suggestion_numbers);
  g_test_add_func ("/entities/suggestion/defaults-and-managed", test_suggestion_defaults_and_managed);
  g_test_add_func ("/entities/suggestion/merge-check", test_suggestion_merge_check);
  g_test_add_func ("/entities/supervision/key-needs-leader", test_supervision_key_needs_leader);
  g_test_add_func ("/entities/evaluation/once-a-round", test_evaluation_once_a_round);
  g_test_add_func ("/entities/assessment/once-a-year", test_assessment_once_a_year);
  g_test_add_func ("/entities/reply/class-column", test_reply_class_column);
  g_test_add_func ("/entities/codes/new-labels", test_new_codes_labels);

  return g_test_run ();
}
