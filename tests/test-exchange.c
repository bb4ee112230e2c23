/* test-exchange.c: exchange files between offices: round trip, idempotence, dry run, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dd-demo.h"
#include "dd-deputy.h"
#include "dd-exchange.h"
#include "dd-model-error.h"
#include "dd-settings.h"
#include "dd-store-private.h"

#define ANCHOR "2026-06-30"

typedef struct
{
  char    *dir;
  char    *file;
  DdStore *source;
  DdStore *target;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DdDemoOptions options = { DD_DEMO_SMALL, 7, ANCHOR, NULL, NULL };

  f->dir = g_dir_make_tmp ("dd-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_build_filename (f->dir, "exchange.json", NULL);
  f->source = dd_store_new_in_memory (&error);
  g_assert_no_error (error);
  dd_store_set_frozen_time (f->source, ANCHOR "T10:00:00");
  g_assert_true (dd_demo_generate (f->source, &options, &error));
  g_assert_no_error (error);
  g_assert_true (dd_settings_set (f->source, DD_SETTING_OFFICE_NAME, "临江县人大常委会代表工作室", &error));
  f->target = dd_store_new_in_memory (&error);
  g_assert_no_error (error);
  dd_store_set_frozen_time (f->target, "2026-07-01T09:00:00");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->source);
  g_clear_object (&f->target);
  g_remove (f->file);
  g_rmdir (f->dir);
  g_free (f->file);
  g_free (f->dir);
}

static char *rows_of (DdStore *store, const char *sql);

/* Every row of every table but the search index's, as text, sorted. */
static char *
dump (DdStore *store)
{
  sqlite3 *db = dd_store_get_db (store);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name, (SELECT group_concat('quote(' || name || ')', ' || ''|'' || ') "
                                       "FROM pragma_table_info(m.name)) FROM sqlite_master m WHERE type = 'table' "
                                       "AND name NOT LIKE 'suggestions_fts%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      const char *columns = (const char *) sqlite3_column_text (tables, 1);
      char *sql = sqlite3_mprintf ("SELECT %s FROM \"%w\"", columns, table);
      g_autofree char *rows = rows_of (store, sql);

      sqlite3_free (sql);
      g_string_append_printf (out, "[%s]\n%s", table, rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (out, FALSE);
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The rows of one query, one a line, sorted: records by their natural keys. */
static char *
rows_of (DdStore    *store,
         const char *sql)
{
  sqlite3 *db = dd_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      g_ptr_array_add (lines, g_strdup (text != NULL ? text : "∅"));
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static gint64
count (DdStore    *store,
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

/* A suggestion by its natural key and everything the exchange carries, ids replaced by names. */
#define SUGGESTION_ROWS(where) \
  "SELECT s.title || '|' || s.registered_on || '|' || s.kind || '|' || s.category || '|' || s.state " \
  "  || '|' || ifnull(s.number, '') || '|' || ifnull(s.body, '') || '|' || ifnull(s.transferred_to, '') " \
  "  || '|' || ifnull(s.voter_name, '') || '|' || s.round || '|' || ifnull(s.assigned_on, '') " \
  "  || '|' || ifnull(s.deadline_on, '') || '|' || ifnull(s.replied_on, '') || '|' || ifnull(s.closed_on, '') " \
  "  || '|' || ifnull(s.rejection_reason, '') || '|' || ifnull((SELECT name FROM stations WHERE id = s.station_id), '') " \
  "  || '|' || ifnull((SELECT title FROM suggestions m WHERE m.id = s.merged_into_id), '') " \
  "  || '|' || ifnull((SELECT r.held_on || r.voters_received FROM receptions r WHERE r.id = s.reception_id), '') " \
  "  || '|P:' || ifnull((SELECT group_concat(x, ';') FROM (SELECT d.name || '/' || d.level || '/' || d.term || '/' || p.position AS x " \
  "       FROM suggestion_proposers p JOIN deputies d ON d.id = p.deputy_id WHERE p.suggestion_id = s.id ORDER BY x)), '') " \
  "  || '|U:' || ifnull((SELECT group_concat(x, ';') FROM (SELECT u.name || '/' || su.role || '/' || su.assigned_on AS x " \
  "       FROM suggestion_units su JOIN units u ON u.id = su.unit_id WHERE su.suggestion_id = s.id ORDER BY x)), '') " \
  "  || '|R:' || ifnull((SELECT group_concat(x, ';') FROM (SELECT u.name || '/' || r.round || '/' || r.class || '/' || r.replied_on " \
  "       || '/' || r.co_units_signed_off || '/' || r.body AS x FROM replies r JOIN units u ON u.id = r.unit_id " \
  "       WHERE r.suggestion_id = s.id ORDER BY x)), '') " \
  "  || '|E:' || ifnull((SELECT group_concat(x, ';') FROM (SELECT d.name || '/' || e.round || '/' || e.verdict || '/' " \
  "       || e.evaluated_on || '/' || ifnull(e.comment, '') AS x FROM evaluations e JOIN deputies d ON d.id = e.deputy_id " \
  "       WHERE e.suggestion_id = s.id ORDER BY x)), '') " \
  "  || '|S:' || ifnull((SELECT group_concat(x, ';') FROM (SELECT v.mode || '/' || ifnull(v.leader_name, '') || '/' " \
  "       || v.started_on || '/' || ifnull(v.ended_on, '') AS x FROM supervisions v WHERE v.suggestion_id = s.id ORDER BY x)), '') " \
  "FROM suggestions s " where

#define DEPUTY_ROWS(where) \
  "SELECT d.name || '|' || d.level || '|' || d.term || '|' || ifnull(d.gender, '') || '|' || ifnull(d.ethnicity, '') " \
  "  || '|' || ifnull(d.birth_on, '') || '|' || ifnull(d.constituency, '') || '|' || ifnull(d.district, '') " \
  "  || '|' || ifnull(d.township, '') || '|' || ifnull(d.occupation, '') || '|' || ifnull(d.group_name, '') " \
  "  || '|' || ifnull(d.phone, '') || '|' || d.status || '|' || ifnull(d.status_on, '') FROM deputies d " where

#define STATION_ROWS(where) \
  "SELECT s.name || '|' || s.kind || '|' || ifnull(s.address, '') || '|' || ifnull(s.district, '') " \
  "  || '|' || ifnull(s.township, '') || '|' || ifnull(s.contact_phone, '') || '|' || s.archived " \
  "  || '|D:' || ifnull((SELECT group_concat(x, ';') FROM (SELECT d.name || '/' || sd.on_duty AS x " \
  "       FROM station_deputies sd JOIN deputies d ON d.id = sd.deputy_id WHERE sd.station_id = s.id ORDER BY x)), '') " \
  "FROM stations s " where

#define RECEPTION_ROWS(where) \
  "SELECT st.name || '|' || r.held_on || '|' || r.voters_received || '|' || r.petitions_handled || '|' " \
  "  || ifnull(r.topic, '') || '|' || ifnull(r.note, '') " \
  "  || '|D:' || ifnull((SELECT group_concat(x, ';') FROM (SELECT d.name AS x FROM reception_deputies rd " \
  "       JOIN deputies d ON d.id = rd.deputy_id WHERE rd.reception_id = r.id ORDER BY x)), '') " \
  "FROM receptions r JOIN stations st ON st.id = r.station_id " where

#define UNIT_ROWS(where) \
  "SELECT u.name || '|' || u.kind || '|' || ifnull(u.contact_name, '') || '|' || u.active FROM units u " where

static void
assert_same (DdStore    *a,
             const char *sql_a,
             DdStore    *b,
             const char *sql_b)
{
  g_autofree char *rows_a = rows_of (a, sql_a);
  g_autofree char *rows_b = rows_of (b, sql_b);

  g_assert_cmpstr (rows_a, ==, rows_b);
}

static DdExchangeReport *
import (Fixture              *f,
        DdStore              *store,
        gboolean              dry_run,
        DdExchangeDuplicates  duplicates)
{
  g_autoptr(GError) error = NULL;
  DdExchangeOptions options = { dry_run, duplicates };
  DdExchangeReport *report = NULL;

  dd_exchange_import (store, f->file, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return report;
}

static void
export_all (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DdExchangeSelection all = { DD_EXCHANGE_DATE_RANGE, NULL, NULL, NULL, NULL, NULL };

  g_assert_true (dd_exchange_export (f->source, &all, f->file, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DdExchangeReport) report = NULL;
  g_autofree char *office_id = NULL;
  g_autoptr(GError) error = NULL;
  static const char referenced[] =
    "WHERE d.id IN (SELECT deputy_id FROM suggestion_proposers UNION SELECT deputy_id FROM evaluations "
    "UNION SELECT deputy_id FROM reception_deputies WHERE reception_id IN (SELECT reception_id FROM suggestions))";

  export_all (f);
  report = import (f, f->target, FALSE, DD_EXCHANGE_DUPLICATES_SKIP);

  /* Every suggestion, with its handling, and what it refers to. */
  assert_same (f->source, SUGGESTION_ROWS (""), f->target, SUGGESTION_ROWS (""));
  {
    g_autofree char *sql = g_strdup_printf (DEPUTY_ROWS ("%s"), referenced);
    assert_same (f->source, sql, f->target, DEPUTY_ROWS (""));
  }
  assert_same (f->source, UNIT_ROWS ("WHERE u.id IN (SELECT unit_id FROM suggestion_units UNION SELECT unit_id FROM replies)"),
               f->target, UNIT_ROWS (""));
  assert_same (f->source, RECEPTION_ROWS ("WHERE r.id IN (SELECT reception_id FROM suggestions)"),
               f->target, RECEPTION_ROWS (""));
  g_assert_cmpint (count (f->target, "SELECT count(*) FROM suggestions"), ==, 300);

  /* The report counts what is there, and names the sender. */
  g_assert_cmpuint (report->added[DD_EXCHANGE_SUGGESTIONS], ==, 300);
  g_assert_cmpuint (report->added[DD_EXCHANGE_DEPUTIES], ==,
                    count (f->target, "SELECT count(*) FROM deputies"));
  g_assert_cmpuint (report->added[DD_EXCHANGE_UNITS], ==, count (f->target, "SELECT count(*) FROM units"));
  g_assert_cmpuint (report->skipped[DD_EXCHANGE_SUGGESTIONS], ==, 0);
  g_assert_cmpstr (report->office_name, ==, "临江县人大常委会代表工作室");
  office_id = dd_exchange_dup_office_id (f->source, &error);
  g_assert_cmpstr (report->office_id, ==, office_id);
  g_assert_true (g_uuid_string_is_valid (office_id));
  g_assert_cmpint (count (f->target, "SELECT count(DISTINCT office_id) FROM exchange_origins"), ==, 1);

  /* Searchable at once. */
  g_assert_cmpint (count (f->target, "SELECT count(*) FROM suggestions_fts WHERE suggestions_fts MATCH '\"道路\"'"), ==,
                   count (f->target, "SELECT count(*) FROM suggestions WHERE title LIKE '%道路%' OR body LIKE '%道路%'"));

  /* The office id is stable. */
  {
    g_autofree char *again = dd_exchange_dup_office_id (f->source, &error);
    g_assert_cmpstr (again, ==, office_id);
  }
}

static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DdExchangeReport) first = NULL;
  g_autofree char *before = NULL;
  static const DdExchangeDuplicates policies[] = {
    DD_EXCHANGE_DUPLICATES_SKIP, DD_EXCHANGE_DUPLICATES_UPDATE, DD_EXCHANGE_DUPLICATES_NEW,
  };

  export_all (f);
  first = import (f, f->target, FALSE, DD_EXCHANGE_DUPLICATES_SKIP);
  before = dump (f->target);

  /* Whatever the policy, the second time changes nothing. */
  for (guint p = 0; p < G_N_ELEMENTS (policies); p++)
    {
      g_autoptr(DdExchangeReport) again = NULL;
      g_autofree char *after = NULL;

      dd_store_set_frozen_time (f->target, "2026-07-02T09:00:00");
      again = import (f, f->target, FALSE, policies[p]);
      after = dump (f->target);
      g_assert_cmpstr (before, ==, after);
      for (int k = 0; k < DD_EXCHANGE_N_KINDS; k++)
        {
          g_assert_cmpuint (again->added[k], ==, 0);
          g_assert_cmpuint (again->updated[k], ==, 0);
          g_assert_cmpuint (again->skipped[k], ==, first->added[k]);
        }
    }
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DdExchangeReport) dry = NULL;
  g_autoptr(DdExchangeReport) real = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  export_all (f);
  before = dump (f->target);
  dry = import (f, f->target, TRUE, DD_EXCHANGE_DUPLICATES_SKIP);
  after = dump (f->target);
  g_assert_cmpstr (before, ==, after);

  /* Exactly what the import then does. */
  real = import (f, f->target, FALSE, DD_EXCHANGE_DUPLICATES_SKIP);
  g_assert_cmpuint (dry->lines->len, ==, real->lines->len);
  for (guint i = 0; i < dry->lines->len; i++)
    g_assert_cmpstr (g_ptr_array_index (dry->lines, i), ==, g_ptr_array_index (real->lines, i));
  for (int k = 0; k < DD_EXCHANGE_N_KINDS; k++)
    g_assert_cmpuint (dry->added[k], ==, real->added[k]);
  g_assert_cmpuint (dry->added[DD_EXCHANGE_SUGGESTIONS], ==, 300);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (dry->lines, 0), "units[0]: added “"));
}

/* Writes @json as the exchange file. */
static void
write_file (Fixture    *f,
            const char *json)
{
  g_assert_true (g_file_set_contents (f->file, json, -1, NULL));
}

static void
assert_refused (Fixture    *f,
                int         code,
                const char *message,
                const char *problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdExchangeReport) report = NULL;
  g_autofree char *before = dump (f->target);
  g_autofree char *after = NULL;
  DdExchangeOptions options = { FALSE, DD_EXCHANGE_DUPLICATES_SKIP };

  g_assert_false (dd_exchange_import (f->target, f->file, &options, &report, &error));
  g_assert_error (error, DD_MODEL_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  if (problem != NULL)
    {
      g_assert_nonnull (report);
      g_assert_cmpstr (g_ptr_array_index (report->problems, 0), ==, problem);
    }
  after = dump (f->target);
  g_assert_cmpstr (before, ==, after);

  /* A dry run finds the same. */
  g_clear_error (&error);
  g_clear_pointer (&report, dd_exchange_report_free);
  options.dry_run = TRUE;
  g_assert_false (dd_exchange_import (f->target, f->file, &options, &report, &error));
  g_assert_cmpstr (error->message, ==, message);
}

#define HEADER(version) \
  "{\"format\": \"deputy-desk-exchange\", \"version\": " version ", " \
  "\"office\": {\"name\": \"柳林镇人大主席团\", \"id\": \"6f1c1f0e-8f3a-4e0b-9a53-5d7f2b1c9a10\"}, " \
  "\"created\": \"2026-07-01T08:00:00\", \"selection\": {\"kind\": \"date_range\"}"

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(GError) error = NULL;

  /* Something in the target, so that "unchanged" means something. */
  g_object_set (deputy, "name", "王芳", "level", "township", "term", (gint64) 12, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), f->target, &error));

  write_file (f, HEADER ("2") ", \"units\": []}");
  message = g_strdup_printf ("“%s” was written by a newer version of Deputy Desk (exchange format 2; "
                             "this version reads up to 1). Update Deputy Desk to import it.", f->file);
  assert_refused (f, DD_MODEL_ERROR_NEWER_SCHEMA, message, NULL);
  g_clear_pointer (&message, g_free);

  /* Malformed: the parser's own account of where. */
  write_file (f, HEADER ("1") ", \"units\": [ {\"id\": 1, ");
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) parse_error = NULL;

    g_assert_false (json_parser_load_from_file (parser, f->file, &parse_error));
    message = g_strdup_printf ("“%s” is not an exchange file: %s", f->file, parse_error->message);
  }
  assert_refused (f, DD_MODEL_ERROR_INVALID, message, NULL);
  g_clear_pointer (&message, g_free);

  write_file (f, "{\"format\": \"something-else\", \"version\": 1}");
  message = g_strdup_printf ("“%s” is not a Deputy Desk exchange file", f->file);
  assert_refused (f, DD_MODEL_ERROR_INVALID, message, NULL);
  g_clear_pointer (&message, g_free);

  write_file (f, "{\"format\": \"deputy-desk-exchange\", \"version\": 1, \"office\": {\"name\": \"x\"}}");
  message = g_strdup_printf ("“%s” does not say which office sent it", f->file);
  assert_refused (f, DD_MODEL_ERROR_INVALID, message, NULL);
  g_clear_pointer (&message, g_free);

  /* A reference to nothing: the unit is neither in the file nor here. */
  write_file (f, HEADER ("1") ", "
              "\"deputies\": [{\"id\": 4, \"name\": \"李强\", \"level\": \"township\", \"term\": 12, \"status\": \"active\"}], "
              "\"suggestions\": [{\"id\": 8, \"kind\": \"deputy_suggestion\", \"title\": \"修缮柳林镇中心小学操场\", "
              "  \"category\": \"education\", \"state\": \"assigned\", \"registered_on\": \"2026-03-02\", "
              "  \"proposers\": [{\"deputy\": {\"name\": \"李强\", \"level\": \"township\", \"term\": 12}, \"position\": 1}], "
              "  \"units\": [{\"unit\": \"柳林镇教育办\", \"role\": \"lead\", \"assigned_on\": \"2026-03-05\"}]}]}");
  problem = g_strdup ("suggestions[0].units[0]: unit “柳林镇教育办” does not exist");
  message = g_strdup_printf ("Nothing was imported from “%s”: %s", f->file, problem);
  assert_refused (f, DD_MODEL_ERROR_INVALID, message, problem);
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&problem, g_free);

  /* The entities' own validation, and a deputy that is nowhere; every problem counted. */
  write_file (f, HEADER ("1") ", "
              "\"deputies\": [{\"id\": 4, \"name\": \"李强\", \"level\": \"mayor\", \"term\": 12}, "
              "               {\"id\": 5, \"name\": \"\", \"level\": \"county\", \"term\": \"十八\"}], "
              "\"suggestions\": [{\"id\": 8, \"kind\": \"deputy_suggestion\", \"title\": \"修路\", "
              "  \"category\": \"transport\", \"registered_on\": \"2026-02-30\", "
              "  \"proposers\": [{\"deputy\": {\"name\": \"赵敏\", \"level\": \"county\", \"term\": 18}}]}]}");
  problem = g_strdup ("deputies[0]: Level: “mayor” is not one of the allowed values");
  message = g_strdup_printf ("Nothing was imported from “%s”: %s (4 problems in all)", f->file, problem);
  assert_refused (f, DD_MODEL_ERROR_INVALID, message, problem);
  {
    g_autoptr(DdExchangeReport) report = NULL;
    DdExchangeOptions options = { TRUE, DD_EXCHANGE_DUPLICATES_SKIP };
    static const char * const expected[] = {
      "deputies[0]: Level: “mayor” is not one of the allowed values",
      "deputies[1].term: expected a whole number",
      "suggestions[0]: Registration date: “2026-02-30” is not a date; write it as YYYY-MM-DD, for example 2025-03-01",
      "suggestions[0].proposers[0].deputy: deputy “赵敏” (County, term 18) does not exist",
    };

    g_clear_error (&error);
    g_assert_false (dd_exchange_import (f->target, f->file, &options, &report, &error));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_true (g_ptr_array_find_with_equal_func (report->problems, expected[i], g_str_equal, NULL));
  }
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdDeputy) local = dd_deputy_new ();
  g_autoptr(DdExchangeReport) report = NULL;
  DdExchangeOptions options = { FALSE, DD_EXCHANGE_DUPLICATES_SKIP };
  static const char json[] = HEADER ("1") ", "
    "\"deputies\": [{\"id\": 4, \"name\": \"李强\", \"level\": \"township\", \"term\": 12, "
    "                \"phone\": \"13800001111\", \"status\": \"active\"}]}";

  g_object_set (local, "name", "李强", "level", "township", "term", (gint64) 12, "phone", "13900002222", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (local), f->target, &error));
  write_file (f, json);

  /* Skip: the local record as it was. */
  g_assert_true (dd_exchange_import (f->target, f->file, &options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->skipped[DD_EXCHANGE_DEPUTIES], ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->lines, 0), ==,
                   "deputies[0]: skipped “李强”: the same record is already here");
  g_assert_cmpint (count (f->target, "SELECT count(*) FROM deputies WHERE phone = '13900002222'"), ==, 1);
  g_clear_pointer (&report, dd_exchange_report_free);

  /* Now known as this office's record 4: update takes the file's phone. */
  options.duplicates = DD_EXCHANGE_DUPLICATES_UPDATE;
  g_assert_true (dd_exchange_import (f->target, f->file, &options, &report, &error));
  g_assert_cmpuint (report->updated[DD_EXCHANGE_DEPUTIES], ==, 1);
  g_assert_cmpint (count (f->target, "SELECT count(*) FROM deputies"), ==, 1);
  g_assert_cmpint (count (f->target, "SELECT count(*) FROM deputies WHERE phone = '13800001111'"), ==, 1);
  g_assert_cmpint (count (f->target, "SELECT count(*) FROM audit_log WHERE entity = 'deputies' "
                          "AND field = 'phone' AND new_value = '13800001111'"), ==, 1);
  g_clear_pointer (&report, dd_exchange_report_free);

  /* New: from another office, the same natural key makes a second deputy. */
  write_file (f, "{\"format\": \"deputy-desk-exchange\", \"version\": 1, "
              "\"office\": {\"name\": \"望城镇\", \"id\": \"0b7e0c51-0d7f-4d59-b4f3-0e4f4a9a5b11\"}, "
              "\"deputies\": [{\"id\": 4, \"name\": \"李强\", \"level\": \"township\", \"term\": 12}]}");
  options.duplicates = DD_EXCHANGE_DUPLICATES_NEW;
  g_assert_true (dd_exchange_import (f->target, f->file, &options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added[DD_EXCHANGE_DEPUTIES], ==, 1);
  g_assert_cmpint (count (f->target, "SELECT count(*) FROM deputies WHERE name = '李强'"), ==, 2);
}

static void
test_selections (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdExchangeReport) report = NULL;
  DdExchangeSelection transferred = { DD_EXCHANGE_TRANSFERRED, "临江县人大常委会", NULL, NULL, NULL, NULL };
  DdExchangeSelection township = { DD_EXCHANGE_TOWNSHIP, NULL, "2026-01-01", "2026-03-31", "北塘区", "花园街道" };
  DdExchangeSelection bad = { DD_EXCHANGE_DATE_RANGE, NULL, "2026-04-01", "2026-03-31", NULL, NULL };
  g_autoptr(DdStore) county = dd_store_new_in_memory (&error);

  /* Suggestions transferred to the county, with their proposers. */
  g_assert_true (dd_exchange_export (f->source, &transferred, f->file, &error));
  g_assert_no_error (error);
  report = import (f, f->target, FALSE, DD_EXCHANGE_DUPLICATES_SKIP);
  assert_same (f->source, SUGGESTION_ROWS ("WHERE s.state = 'transferred_out' AND s.transferred_to = '临江县人大常委会'"),
               f->target, SUGGESTION_ROWS (""));
  g_assert_cmpint (count (f->target, "SELECT count(*) FROM suggestions"), ==, 2);
  g_clear_pointer (&report, dd_exchange_report_free);

  /* A township's quarter: its stations with their deputies, receptions and voters' opinions. */
  g_assert_true (dd_exchange_export (f->source, &township, f->file, &error));
  g_assert_no_error (error);
  report = import (f, county, FALSE, DD_EXCHANGE_DUPLICATES_SKIP);
  assert_same (f->source, STATION_ROWS ("WHERE s.district = '北塘区' AND s.township = '花园街道'"),
               county, STATION_ROWS (""));
  assert_same (f->source, RECEPTION_ROWS ("WHERE st.district = '北塘区' AND st.township = '花园街道' "
                                          "AND r.held_on BETWEEN '2026-01-01' AND '2026-03-31'"),
               county, RECEPTION_ROWS (""));
  assert_same (f->source, SUGGESTION_ROWS ("JOIN stations st ON st.id = s.station_id WHERE s.kind = 'voter_opinion' "
                                           "AND st.district = '北塘区' AND st.township = '花园街道' "
                                           "AND s.registered_on BETWEEN '2026-01-01' AND '2026-03-31'"),
               county, SUGGESTION_ROWS (""));
  g_assert_cmpint (count (county, "SELECT count(*) FROM stations"), ==, 2);
  g_assert_cmpint (count (county, "SELECT count(*) FROM receptions"), >, 0);

  /* A period's suggestions, and those they were merged into. */
  {
    DdExchangeSelection quarter = { DD_EXCHANGE_DATE_RANGE, NULL, "2026-01-01", "2026-03-31", NULL, NULL };
    g_autoptr(DdStore) city = dd_store_new_in_memory (&error);
    g_autoptr(DdExchangeReport) city_report = NULL;

    g_assert_true (dd_exchange_export (f->source, &quarter, f->file, &error));
    g_assert_no_error (error);
    city_report = import (f, city, FALSE, DD_EXCHANGE_DUPLICATES_SKIP);
    assert_same (f->source, SUGGESTION_ROWS ("WHERE s.registered_on BETWEEN '2026-01-01' AND '2026-03-31' "
                                             "OR s.id IN (SELECT merged_into_id FROM suggestions "
                                             "WHERE registered_on BETWEEN '2026-01-01' AND '2026-03-31')"),
                 city, SUGGESTION_ROWS (""));
    g_assert_cmpint (count (city, "SELECT count(*) FROM suggestions"), >, 10);
    g_assert_cmpint (count (city, "SELECT count(*) FROM suggestions"), <, 100);
  }

  /* A period that ends before it starts. */
  g_assert_false (dd_exchange_export (f->source, &bad, f->file, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The period ends (2026-03-31) before it starts (2026-04-01)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/exchange/twice", Fixture, NULL, fixture_setup, test_twice, fixture_teardown);
  g_test_add ("/exchange/dry-run", Fixture, NULL, fixture_setup, test_dry_run, fixture_teardown);
  g_test_add ("/exchange/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  g_test_add ("/exchange/duplicates", Fixture, NULL, fixture_setup, test_duplicates, fixture_teardown);
  g_test_add ("/exchange/selections", Fixture, NULL, fixture_setup, test_selections, fixture_teardown);

  return g_test_run ();
}
