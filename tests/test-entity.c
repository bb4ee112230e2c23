/* test-entity.c: validation field by field; nothing is written on error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "dd-deputy.h"
#include "dd-model-error.h"
#include "dd-reception.h"
#include "dd-station.h"
#include "dd-store-private.h"

static gint64
count_rows (DdStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static DdDeputy *
valid_deputy (void)
{
  DdDeputy *deputy = dd_deputy_new ();

  g_object_set (deputy,
                "name", "陈静",
                "gender", "female",
                "level", "township",
                "term", (gint64) 19,
                "birth-on", "1978-05-04",
                "phone", "13812345678",
                NULL);
  return deputy;
}

typedef struct
{
  const char *property;
  const char *text;       /* for string properties */
  gint64      number;     /* for int properties, when text is NULL */
  const char *fragment;   /* expected in the message */
} Case;

/* Each case breaks one field of a valid deputy: the problem names that
 * field, the save fails with DD_MODEL_ERROR_INVALID, and nothing is written. */
static void
test_deputy_field_by_field (void)
{
  static const Case cases[] = {
    { "name", "", 0, "Name is required" },
    { "name", "   ", 0, "Name is required" },
    { "level", "district", 0, "Level: “district” is not one of the allowed values" },
    { "level", "", 0, "Level is required" },
    { "term", NULL, 0, "Term must be a whole number from 1 to 99" },
    { "term", NULL, 100, "Term must be a whole number from 1 to 99" },
    { "gender", "unknown", 0, "Gender: “unknown” is not one of the allowed values" },
    { "birth-on", "1978-02-30", 0, "Date of birth: “1978-02-30” is not a date" },
    { "birth-on", "04/05/1978", 0, "Date of birth: “04/05/1978” is not a date" },
    { "birth-on", "1978-5-4", 0, "Date of birth: “1978-5-4” is not a date" },
    { "phone", "call me", 0, "Phone: “call me” is not a phone number" },
    { "phone", "123", 0, "Phone: “123” is not a phone number" },
    { "status", "retired", 0, "Status: “retired” is not one of the allowed values" },
    { "status", "resigned", 0, "Date of leaving is required" },
    { "status-on", "2024-01-01", 0, "Date of leaving must be empty while the deputy is active" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DdDeputy) deputy = valid_deputy ();
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) save_error = NULL;
      DdProblem *problem;

      g_assert_true (dd_entity_validate (DD_ENTITY (deputy), store, NULL));
      if (cases[i].text != NULL)
        g_object_set (deputy, cases[i].property, cases[i].text, NULL);
      else
        g_object_set (deputy, cases[i].property, cases[i].number, NULL);

      problems = dd_entity_check (DD_ENTITY (deputy), store);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (problem->field, ==,
                       g_str_equal (cases[i].property, "status") && strstr (cases[i].fragment, "leaving")
                       ? "status-on" : cases[i].property);
      if (strstr (problem->message, cases[i].fragment) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, problem->message, cases[i].fragment);

      g_assert_false (dd_entity_save (DD_ENTITY (deputy), store, &save_error));
      g_assert_error (save_error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
      g_assert_cmpint (dd_entity_get_id (DD_ENTITY (deputy)), ==, 0);
      g_assert_cmpint (count_rows (store, "deputies"), ==, 0);
      g_assert_cmpint (count_rows (store, "audit_log"), ==, 0);
    }
}

static void
test_deputy_several_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(GPtrArray) problems = NULL;

  /* A new deputy lacks name, level and term: all three are reported at once. */
  problems = dd_entity_check (DD_ENTITY (deputy), store);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->field, ==, "name");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 1))->field, ==, "level");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 2))->field, ==, "term");
}

static void
test_update_invalid_keeps_stored (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputy) deputy = valid_deputy ();
  g_autoptr(DdDeputy) stored = NULL;
  gint64 audit_before;

  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  audit_before = count_rows (store, "audit_log");

  g_object_set (deputy, "occupation", "教师", "birth-on", "not a date", NULL);
  g_assert_false (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);

  /* Neither the valid nor the invalid change reached the database. */
  stored = dd_deputy_load (store, dd_entity_get_id (DD_ENTITY (deputy)), NULL);
  g_assert_null (dd_entity_get_string (DD_ENTITY (stored), "occupation"));
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (stored), "birth-on"), ==, "1978-05-04");
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audit_before);
}

static void
test_reference_must_exist (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(DdStation) station = dd_station_new ();
  g_autoptr(GPtrArray) problems = NULL;

  g_object_set (reception, "station-id", (gint64) 42, "held-on", "2025-06-01",
                "voters-received", (gint64) 12, NULL);
  problems = dd_entity_check (DD_ENTITY (reception), store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Station: there is no station numbered 42");
  g_assert_false (dd_entity_save (DD_ENTITY (reception), store, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_cmpint (count_rows (store, "receptions"), ==, 0);
  g_clear_error (&error);

  g_object_set (station, "name", "和平街道代表联络站", "kind", "liaison_station", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), store, &error));
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (station), "code"), ==, "S00001");
  g_object_set (reception, "station-id", dd_entity_get_id (DD_ENTITY (station)), NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (reception), store, &error));
  g_assert_no_error (error);

  /* The station now has a reception: deleting it is refused, not cascaded. */
  g_assert_false (dd_entity_delete (DD_ENTITY (station), store, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CONSTRAINT);
  g_assert_cmpint (count_rows (store, "stations"), ==, 1);
}

static void
test_negative_count_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(GPtrArray) problems = NULL;

  g_object_set (reception, "held-on", "2025-06-01", "voters-received", (gint64) -3, NULL);
  problems = dd_entity_check (DD_ENTITY (reception), store);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Station is required");
  g_assert_cmpstr (((DdProblem *) g_ptr_array_index (problems, 1))->field, ==, "voters-received");
}

static void
test_end_seat (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputy) deputy = valid_deputy ();
  g_autoptr(DdDeputy) stored = NULL;

  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));

  /* A bad date: refused, and the object keeps its old values. */
  g_assert_false (dd_deputy_end_seat (deputy, store, "resigned", "2025-13-01", "调离本地", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_cmpstr (dd_deputy_get_status (deputy), ==, "active");
  g_clear_error (&error);

  g_assert_false (dd_deputy_end_seat (deputy, store, "active", "2025-10-01", NULL, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (dd_deputy_end_seat (deputy, store, "resigned", "2025-10-01", "调离本地", &error));
  g_assert_no_error (error);
  stored = dd_deputy_load (store, dd_entity_get_id (DD_ENTITY (deputy)), NULL);
  g_assert_cmpstr (dd_deputy_get_status (stored), ==, "resigned");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (stored), "status-on"), ==, "2025-10-01");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (stored), "status-reason"), ==, "调离本地");
}

static void
test_seats_of_one_person (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputy) county = valid_deputy ();
  g_autoptr(DdDeputy) city = NULL;

  g_assert_true (dd_entity_save (DD_ENTITY (county), store, &error));
  city = dd_deputy_new_seat_of (county);
  g_object_set (city, "level", "city", "term", (gint64) 16, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (city), store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (dd_deputy_get_person_id (city), ==, dd_entity_get_id (DD_ENTITY (county)));
  g_assert_cmpint (dd_entity_get_id (DD_ENTITY (city)), !=, dd_entity_get_id (DD_ENTITY (county)));
  g_assert_cmpstr (dd_deputy_get_name (city), ==, "陈静");
  g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (city), "phone"), ==, "13812345678");
}

static void
count_notify (guint *n)
{
  (*n)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(DdDeputy) deputy = valid_deputy ();
  guint n_notify = 0;

  g_signal_connect_swapped (deputy, "notify::name", G_CALLBACK (count_notify), &n_notify);
  g_object_set (deputy, "name", "陈静", NULL);
  g_assert_cmpuint (n_notify, ==, 0);
  g_object_set (deputy, "name", "陈晶", NULL);
  g_assert_cmpuint (n_notify, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity/deputy/field-by-field", test_deputy_field_by_field);
  g_test_add_func ("/entity/deputy/several-problems", test_deputy_several_problems);
  g_test_add_func ("/entity/deputy/invalid-update-keeps-stored", test_update_invalid_keeps_stored);
  g_test_add_func ("/entity/deputy/end-seat", test_end_seat);
  g_test_add_func ("/entity/deputy/seats-of-one-person", test_seats_of_one_person);
  g_test_add_func ("/entity/deputy/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/entity/reception/reference-must-exist", test_reference_must_exist);
  g_test_add_func ("/entity/reception/negative-count", test_negative_count_refused);

  return g_test_run ();
}
