/* test-import.c: importing deputies, stations, handling units and
 * suggestions from files the tests write: CSV in UTF-8 with and without a
 * BOM and in GB18030, XLSX through libxlsxwriter, Chinese and English
 * headers; every kind of bad row with its exact message and an unchanged
 * database; duplicates; remembered mappings and mapping files; cancelling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "dd-csv.h"
#include "dd-io-error.h"
#include "dd-deputy.h"
#include "dd-import.h"
#include "dd-model-error.h"
#include "dd-store-private.h"
#include "dd-unit.h"
#include "dd-xlsx-reader.h"

/* Helpers */

static DdStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  DdStore *store = dd_store_new_in_memory (&error);

  g_assert_no_error (error);
  dd_store_set_frozen_time (store, "2026-03-10T09:00:00");
  dd_store_set_operator (store, "tester");
  return store;
}

static int
dump_row (void  *data,
          int    n,
          char **values,
          char **names)
{
  GString *out = data;

  for (int i = 0; i < n; i++)
    g_string_append_printf (out, "%s|", values[i] != NULL ? values[i] : "∅");
  g_string_append_c (out, '\n');
  return 0;
}

/* Every row of every table, in id order: compared before and after a refused import. */
static char *
dump (DdStore *store)
{
  sqlite3 *db = dd_store_get_db (store);
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[i]);

      g_string_append_printf (out, "== %s\n", (char *) tables->pdata[i]);
      g_assert_cmpint (sqlite3_exec (db, sql, dump_row, out, NULL), ==, SQLITE_OK);
    }
  return g_string_free (out, FALSE);
}

static char *
query_text (DdStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static void
assert_query (DdStore    *store,
              const char *sql,
              const char *expected)
{
  g_autofree char *text = query_text (store, sql);

  g_assert_cmpstr (text, ==, expected);
}

static gint64
query_int (DdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  gint64 n = -1;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static DdSheet *
csv_sheet (const char *name,
           const char *text,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, length >= 0 ? (gsize) length : strlen (text));
  DdSheet *sheet = dd_csv_read_bytes (bytes, name, DD_CSV_ENCODING_AUTO, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static DdImport *
import_csv (DdStore      *store,
            DdImportKind  kind,
            const char   *name,
            const char   *text)
{
  g_autoptr(DdSheet) sheet = csv_sheet (name, text, -1);

  return dd_import_new (store, kind, sheet);
}

/* The problems, one a line, as the CLI and the wizard show them. */
static char *
problems_text (DdImport   *import,
               const char *file)
{
  GPtrArray *problems = dd_import_get_problems (import);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = dd_import_problem_to_string (g_ptr_array_index (problems, i), file);

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static void
check_ok (DdImport *import)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (dd_import_check (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = problems_text (import, "file");
  g_assert_cmpstr (text, ==, "");
}

static void
run_ok (DdImport        *import,
        DdImportSummary *summary)
{
  g_autoptr(GError) error = NULL;
  DdImportSummary local;

  g_assert_true (dd_import_run (import, NULL, NULL, NULL, summary != NULL ? summary : &local,
                                &error));
  g_assert_no_error (error);
}

static const char deputies_zh[] =
  "姓名,性别,民族,出生日期,层级,届次,选区,单位及职务,代表团,手机,党派\r\n"
  "王芳,女,汉族,1978/5/6,市,十六,第一选区,江州市第一中学校长,教育界,13812341234,中共\r\n"
  "李明,男,回族,1975年3月1日,县级,16,第二选区,\"江州市人民医院\n副院长\",,0571-88123456,\r\n"
  "张伟,男,汉族,1980-01-02,乡,第9届,,,,,\r\n";

static void
import_deputies (DdStore *store)
{
  g_autoptr(DdImport) import = import_csv (store, DD_IMPORT_DEPUTIES, "deputies.csv", deputies_zh);

  check_ok (import);
  run_ok (import, NULL);
}

static const char units_csv[] =
  "单位名称,单位类型,联系人\n"
  "市教育局,政府部门,刘一\n"
  "市交通运输局,government department,\n"
  "市人民法院,court,\n";

static void
import_units (DdStore *store)
{
  g_autoptr(DdImport) import = import_csv (store, DD_IMPORT_UNITS, "units.csv", units_csv);

  check_ok (import);
  run_ok (import, NULL);
}

/* Tests */

static void
test_deputies_chinese_headers (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", deputies_zh, NULL);
  g_autoptr(DdImport) import = import_csv (store, DD_IMPORT_DEPUTIES, "deputies.csv", bom);
  g_autofree char *mapping = NULL;
  g_autofree char *row = NULL;
  DdImportSummary summary;

  g_assert_cmpuint (dd_import_get_n_columns (import), ==, 11);
  g_assert_cmpstr (dd_import_get_column_header (import, 0), ==, "姓名");
  mapping = dd_import_dup_mapping_text (import);
  g_assert_cmpstr (mapping, ==,
                   "姓名=name\n性别=gender\n民族=ethnicity\n出生日期=birth-on\n层级=level\n"
                   "届次=term\n选区=constituency\n单位及职务=occupation\n代表团=group-name\n"
                   "手机=phone\n党派=\n");
  g_assert_false (dd_import_get_mapping_remembered (import));

  check_ok (import);
  dd_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.rows, ==, 3);
  g_assert_cmpuint (summary.inserted, ==, 3);
  run_ok (import, &summary);
  g_assert_cmpuint (summary.inserted, ==, 3);
  g_assert_cmpuint (summary.skipped, ==, 0);

  row = query_text (store, "SELECT group_concat(name || '/' || gender || '/' || birth_on || '/' || "
                           "level || '/' || term || '/' || coalesce(phone, '') || '/' || code || '/' || "
                           "person_id, ';') FROM (SELECT * FROM deputies ORDER BY id)");
  g_assert_cmpstr (row, ==,
                   "王芳/female/1978-05-06/city/16/13812341234/D000001/1;"
                   "李明/male/1975-03-01/county/16/0571-88123456/D000002/2;"
                   "张伟/male/1980-01-02/township/9//D000003/3");
  assert_query (store, "SELECT occupation FROM deputies WHERE name = '李明'",
                   "江州市人民医院\n副院长");
  /* One audit entry per record, naming the file */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'deputies' "
                                     "AND field IS NULL AND new_value = 'import: deputies.csv' "
                                     "AND operator = 'tester'"), ==, 3);
}

static void
test_gb18030 (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gsize length;
  /* As WPS saves a ledger: a title row above the headers */
  g_autofree char *ledger = g_strconcat ("江州市人大代表名册,,,,,,,,,,\r\n", deputies_zh, NULL);
  g_autofree char *gb = g_convert (ledger, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  g_autoptr(DdImport) import = NULL;
  DdCsvEncoding detected;

  g_assert_no_error (error);
  bytes = g_bytes_new (gb, length);
  sheet = dd_csv_read_bytes (bytes, "gbk.csv", DD_CSV_ENCODING_AUTO, 0, &detected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detected, ==, DD_CSV_ENCODING_GB18030);
  import = dd_import_new (store, DD_IMPORT_DEPUTIES, sheet);
  g_assert_cmpstr (dd_import_get_column_header (import, 0), ==, "姓名");
  check_ok (import);
  run_ok (import, NULL);
  assert_query (store, "SELECT group_concat(name, ',') FROM (SELECT name FROM deputies ORDER BY id)",
                   "王芳,李明,张伟");

  /* The same bytes read as UTF-8: the reader refuses them, naming the row */
  g_clear_pointer (&sheet, dd_sheet_unref);
  sheet = dd_csv_read_bytes (bytes, "gbk.csv", DD_CSV_ENCODING_UTF8, 0, NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, DD_IO_ERROR, DD_IO_ERROR_ENCODING);
}

static void
test_bad_rows (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(DdImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  DdImportSummary summary = { 0, };
  const char csv[] =
    "姓名,层级,届次,出生日期,手机,性别\n"
    ",市,16,,,\n"                          /* 2: no name */
    "王五,省级人大,16,,,\n"                /* 3: unknown level */
    "赵六,市,16,1980-13-01,,\n"            /* 4: no such date */
    "钱七,市,abc,,,\n"                     /* 5: not a number */
    "孙八,市,120,,12345,男\n"              /* 6: term out of range, not a phone */
    "周九,市,16,,,女,多余\n"               /* 7: a cell too many */
    "吴十,市\n"                            /* 8: cells missing */
    "\n"                                   /* a blank line is no record */
    "郑一,市,16,1990年2月30日,,其他\n";    /* 10: no such day, unknown gender */

  import_deputies (store);
  before = dump (store);

  import = import_csv (store, DD_IMPORT_DEPUTIES, "bad.csv", csv);
  g_assert_true (dd_import_check (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = problems_text (import, "bad.csv");
  g_assert_cmpstr (text, ==,
    "bad.csv, row 2, column A (姓名): Name is required\n"
    "bad.csv, row 3, column B (层级): “省级人大” is not a level; expected one of National, "
    "Provincial, City, County, Township\n"
    "bad.csv, row 4, column D (出生日期): “1980-13-01” is not a date; write it as 2026-03-01, "
    "2026/3/1 or 2026年3月1日\n"
    "bad.csv, row 5, column C (届次): “abc” is not a whole number\n"
    "bad.csv, row 6, column C (届次): Term must be a whole number from 1 to 99\n"
    "bad.csv, row 6, column E (手机): Phone: “12345” is not a phone number\n"
    "bad.csv, row 7, column G: This row has 7 cells but the header row has 6 columns: a "
    "separator or a quote may be misplaced\n"
    "bad.csv, row 8: This row has only 2 cells but the header row has 6 columns: a separator "
    "or a quote may be missing\n"
    "bad.csv, row 8, column C (届次): Term must be a whole number from 1 to 99\n"
    "bad.csv, row 10, column D (出生日期): “1990年2月30日” is not a date; write it as "
    "2026-03-01, 2026/3/1 or 2026年3月1日\n"
    "bad.csv, row 10, column F (性别): “其他” is not a gender; expected one of Male, Female\n");

  /* The problem's parts, for the wizard's table */
  {
    DdImportProblem *problem = g_ptr_array_index (dd_import_get_problems (import), 1);

    g_assert_cmpuint (problem->row, ==, 3);
    g_assert_cmpint (problem->column, ==, 1);
    g_assert_cmpstr (problem->column_name, ==, "B");
    g_assert_cmpstr (problem->header, ==, "层级");
    g_assert_cmpstr (problem->field, ==, "level");
  }

  g_assert_false (dd_import_run (import, NULL, NULL, NULL, &summary, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "bad.csv: 11 problems; nothing was imported");
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_file_problems (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) empty = dd_sheet_new ((const char * const[]) { NULL });
  g_autoptr(DdImport) import = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) binary = g_bytes_new ("PK\x03\x04\0\0\x01\x02garbage\0\xff", 18);
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  DdSheet *sheet;

  /* No header row */
  import = dd_import_new (store, DD_IMPORT_DEPUTIES, empty);
  g_assert_true (dd_import_check (import, NULL, NULL, NULL, &error));
  text = problems_text (import, "empty.csv");
  g_assert_cmpstr (text, ==, "empty.csv: The file is empty: it has no header row\n");
  g_clear_object (&import);
  g_clear_pointer (&text, g_free);

  /* Headers only */
  import = import_csv (store, DD_IMPORT_DEPUTIES, "headers.csv", "姓名,层级,届次\n");
  g_assert_true (dd_import_check (import, NULL, NULL, NULL, &error));
  text = problems_text (import, "headers.csv");
  g_assert_cmpstr (text, ==, "headers.csv: The file has a header row but no records\n");
  g_clear_object (&import);
  g_clear_pointer (&text, g_free);

  /* Headers that name no required field */
  import = import_csv (store, DD_IMPORT_DEPUTIES, "other.csv", "甲,乙\n1,2\n");
  g_assert_true (dd_import_check (import, NULL, NULL, NULL, &error));
  text = problems_text (import, "other.csv");
  g_assert_cmpstr (text, ==,
                   "other.csv: No column is mapped to Name, which is required\n"
                   "other.csv: No column is mapped to Level, which is required\n"
                   "other.csv: No column is mapped to Term, which is required\n");
  g_assert_false (dd_import_run (import, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  /* An empty and a binary file: refused by the reader, before any import */
  sheet = dd_csv_read_bytes (nothing, "empty.csv", DD_CSV_ENCODING_AUTO, 0,
                             NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, DD_IO_ERROR, DD_IO_ERROR_EMPTY);
  g_clear_error (&error);
  sheet = dd_csv_read_bytes (binary, "binary.csv", DD_CSV_ENCODING_AUTO, 0, NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, DD_IO_ERROR, DD_IO_ERROR_BINARY);
  g_clear_error (&error);

  {
    g_autofree char *after = dump (store);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
check_duplicates (DdDuplicateAction  action,
                  guint              expected_deputies,
                  const char        *expected_phone)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(DdImport) import = NULL;
  GPtrArray *duplicates;
  DdImportDuplicate *d;
  DdImportSummary summary;
  const char csv[] =
    "Name,Level,Term,Phone\n"
    "王芳,City,16,13900000000\n"       /* 2: the stored 王芳 */
    "陈静,county,16,\n"                /* 3 */
    "陈静,县,16,\n";                   /* 4: repeats row 3 */

  import_deputies (store);
  import = import_csv (store, DD_IMPORT_DEPUTIES, "again.csv", csv);
  check_ok (import);
  duplicates = dd_import_get_duplicates (import);
  g_assert_cmpuint (duplicates->len, ==, 2);
  d = g_ptr_array_index (duplicates, 0);
  g_assert_cmpuint (d->row, ==, 2);
  g_assert_cmpint (d->existing_id, ==, 1);
  g_assert_cmpuint (d->earlier_row, ==, 0);
  g_assert_cmpstr (d->description, ==, "王芳, City, term 16");
  g_assert_cmpint (d->action, ==, DD_DUPLICATE_SKIP);
  d = g_ptr_array_index (duplicates, 1);
  g_assert_cmpuint (d->row, ==, 4);
  g_assert_cmpint (d->existing_id, ==, 0);
  g_assert_cmpuint (d->earlier_row, ==, 3);

  dd_import_set_all_duplicates_action (import, action);
  dd_import_get_summary (import, &summary);
  run_ok (import, &summary);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM deputies"), ==, expected_deputies);
  assert_query (store, "SELECT phone FROM deputies WHERE id = 1", expected_phone);
  switch (action)
    {
    case DD_DUPLICATE_SKIP:
      g_assert_cmpuint (summary.inserted, ==, 1);
      g_assert_cmpuint (summary.skipped, ==, 2);
      break;
    case DD_DUPLICATE_UPDATE:
      /* A repeat within the file cannot update: skipped */
      g_assert_cmpuint (summary.inserted, ==, 1);
      g_assert_cmpuint (summary.updated, ==, 1);
      g_assert_cmpuint (summary.skipped, ==, 1);
      /* The update is audited field by field, as a form's */
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'deputies' "
                                         "AND entity_id = 1 AND field = 'phone' "
                                         "AND new_value = '13900000000'"), ==, 1);
      break;
    case DD_DUPLICATE_NEW:
      g_assert_cmpuint (summary.inserted, ==, 3);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM deputies WHERE name = '王芳'"), ==, 2);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_duplicates (void)
{
  check_duplicates (DD_DUPLICATE_SKIP, 4, "13812341234");
  check_duplicates (DD_DUPLICATE_UPDATE, 4, "13900000000");
  check_duplicates (DD_DUPLICATE_NEW, 6, "13812341234");
}

static void
test_one_duplicate_choice (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(DdImport) import = NULL;
  const char csv[] =
    "Code,Name,Kind\n"
    "S-01,城东代表之家,home\n"
    "S-01,城东代表之家（二）,Deputies’ home\n"
    "S-02,城西联络站,联络站\n"
    "S-02,城西联络站,联络站\n";

  import = import_csv (store, DD_IMPORT_STATIONS, "stations.csv", csv);
  check_ok (import);
  g_assert_cmpuint (dd_import_get_duplicates (import)->len, ==, 2);
  /* The first repeat as new (another code), the second skipped */
  dd_import_set_duplicate_action (import, 0, DD_DUPLICATE_NEW);
  run_ok (import, NULL);
  assert_query (store, "SELECT group_concat(code || '=' || name || '/' || kind, ';') "
                                      "FROM (SELECT * FROM stations ORDER BY id)",
                   "S-01=城东代表之家/home;S00002=城东代表之家（二）/home;"
                   "S-02=城西联络站/liaison_station");
}

static void
test_stations_english (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(DdImport) import = NULL;
  const char csv[] =
    "Code;Name;Kind;Address;District;Township;Contact phone;Upgrade date;Archived\n"
    "JZ-001;Riverside home;Deputies’ home;1 River Rd;Jiangbei;Xinhe;0571-1234567;2025/10/8;no\n"
    ";Hill station;Liaison station;;Jiangbei;Shanxia;;;是\n";

  import = import_csv (store, DD_IMPORT_STATIONS, "stations.csv", csv);
  check_ok (import);
  run_ok (import, NULL);
  assert_query (store, "SELECT group_concat(code || '/' || name || '/' || kind || '/' || "
                                      "coalesce(upgraded_on, '-') || '/' || archived, ';') FROM "
                                      "(SELECT * FROM stations ORDER BY id)",
                   "JZ-001/Riverside home/home/2025-10-08/0;S00002/Hill station/liaison_station/-/1");
}

static const char suggestions_csv[] =
  "编号,案由,内容,类别,提出日期,领衔代表,附议代表,主办单位,协办单位,答复类别,答复日期,满意度,站点\n"
  "JY2026-0007,关于增设学校周边停车位的建议,学校门口拥堵,城建,2026-01-05,王芳,李明、张伟,市交通运输局,市教育局,A,2026/3/1,满意,\n"
  ",关于加强校园安全的建议,,教育,2026/1/6,李明,,市教育局,,,,,\n"
  ",关于公交线路延伸的建议,,交通,2026年1月7日,张伟,,,,,,,\n"
  ",关于社区食堂的意见,,其他,2026-02-01,王芳,,,,,,,S-01\n";

static void
test_suggestions (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(DdImport) import = NULL;
  g_autoptr(DdImport) stations = NULL;
  g_autofree char *text = NULL;
  DdImportSummary summary;

  import_deputies (store);
  import_units (store);
  stations = import_csv (store, DD_IMPORT_STATIONS, "s.csv", "编号,名称,类型\nS-01,城东代表之家,代表之家\n");
  check_ok (stations);
  run_ok (stations, NULL);

  import = import_csv (store, DD_IMPORT_SUGGESTIONS, "suggestions.csv", suggestions_csv);
  check_ok (import);
  run_ok (import, &summary);
  g_assert_cmpuint (summary.inserted, ==, 4);

  assert_query (store, "SELECT group_concat(number || '/' || state || '/' || "
                                      "category || '/' || registered_on || '/' || "
                                      "coalesce(assigned_on, '-') || '/' || coalesce(replied_on, '-') "
                                      "|| '/' || coalesce(evaluated_on, '-') || '/' || "
                                      "coalesce(station_id, '-'), ';') "
                                      "FROM (SELECT * FROM suggestions ORDER BY id)",
                   "JY2026-0007/evaluated/urban_construction/2026-01-05/2026-01-05/2026-03-01/2026-03-01/-;"
                   "JY2026-0008/assigned/education/2026-01-06/2026-01-06/-/-/-;"
                   "JY2026-0009/registered/transport/2026-01-07/-/-/-/-;"
                   "JY2026-0010/registered/other/2026-02-01/-/-/-/1");
  assert_query (store, "SELECT group_concat(x, ',') FROM (SELECT d.name || p.position AS x FROM "
                                      "suggestion_proposers p JOIN deputies d ON d.id = p.deputy_id "
                                      "WHERE p.suggestion_id = 1 ORDER BY p.position)",
                   "王芳1,李明2,张伟3");
  assert_query (store, "SELECT group_concat(x, ',') FROM (SELECT u.name || ':' || su.role AS x "
                                      "FROM suggestion_units su JOIN units u ON u.id = su.unit_id "
                                      "WHERE su.suggestion_id = 1 ORDER BY su.role DESC)",
                   "市交通运输局:lead,市教育局:co");
  assert_query (store, "SELECT class || '/' || replied_on || '/' || unit_id FROM replies "
                                      "WHERE suggestion_id = 1", "A/2026-03-01/2");
  assert_query (store, "SELECT verdict || '/' || deputy_id FROM evaluations "
                                      "WHERE suggestion_id = 1", "satisfied/1");
  /* Searchable at once */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestions_fts WHERE suggestions_fts "
                                     "MATCH '停车'"), ==, 1);

  /* References to nothing, and handling that does not hold together */
  g_clear_object (&import);
  import = import_csv (store, DD_IMPORT_SUGGESTIONS, "refs.csv",
                       "标题,提出日期,提出人,承办单位,状态,满意度,站点\n"
                       "甲,2026-03-01,王小二,市不存在局,,,\n"
                       "乙,2026-03-02,王芳,,已交办,,\n"
                       "丙,2026-03-03,王芳,市教育局,,满意,S-99\n");
  g_assert_true (dd_import_check (import, NULL, NULL, NULL, NULL));
  text = problems_text (import, "refs.csv");
  g_assert_cmpstr (text, ==,
    "refs.csv, row 2, column C (提出人): There is no deputy named “王小二”\n"
    "refs.csv, row 2, column D (承办单位): There is no handling unit named “市不存在局”\n"
    "refs.csv, row 3, column E (状态): A suggestion that is Assigned needs its lead unit\n"
    "refs.csv, row 4, column F (满意度): A verdict needs a reply class\n"
    "refs.csv, row 4, column G (站点): There is no station with the code or name “S-99”\n");

  /* The same file again: every row is a duplicate of what is stored */
  g_clear_object (&import);
  import = import_csv (store, DD_IMPORT_SUGGESTIONS, "suggestions.csv", suggestions_csv);
  check_ok (import);
  g_assert_cmpuint (dd_import_get_duplicates (import)->len, ==, 4);
  dd_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.skipped, ==, 4);
  g_assert_cmpuint (summary.inserted, ==, 0);

  /* Updated: the fields of the file, but never the handling, which only the workflow moves */
  dd_import_set_all_duplicates_action (import, DD_DUPLICATE_UPDATE);
  g_assert_true (dd_import_run (import, NULL, NULL, NULL, &summary, NULL));
  g_assert_cmpuint (summary.updated, ==, 4);
  assert_query (store, "SELECT group_concat(number || '/' || state, ';') FROM "
                                      "(SELECT * FROM suggestions ORDER BY id)",
                   "JY2026-0007/evaluated;JY2026-0008/assigned;JY2026-0009/registered;"
                   "JY2026-0010/registered");

  /* A file without numbers: numbered as they go in, after the highest given */
  g_clear_object (&import);
  import = import_csv (store, DD_IMPORT_SUGGESTIONS, "new.csv",
                       "标题,提出日期,领衔代表,类型\n新建议,2026-04-01,王芳,\n新意见,2026-04-02,王芳,群众意见\n");
  check_ok (import);
  run_ok (import, NULL);
  assert_query (store, "SELECT group_concat(number, ',') FROM (SELECT number FROM "
                                      "suggestions WHERE id > 4 ORDER BY id)",
                   "JY2026-0011,YJ2026-0001");
}

static void
test_remembered_mapping (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(DdImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const char csv[] = "人员,级,第几届,备用\n王芳,市,16,x\n";

  import = import_csv (store, DD_IMPORT_DEPUTIES, "odd.csv", csv);
  g_assert_null (dd_import_get_column_field (import, 0));
  g_assert_true (dd_import_set_column_field (import, 0, "name", &error));
  g_assert_true (dd_import_set_column_field (import, 1, "level", &error));
  g_assert_true (dd_import_set_column_field (import, 2, "term", &error));
  g_assert_false (dd_import_set_column_field (import, 3, "nonsense", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  /* A field moves from the column it was on */
  g_assert_true (dd_import_set_column_field (import, 3, "name", &error));
  g_assert_null (dd_import_get_column_field (import, 0));
  g_assert_true (dd_import_set_column_field (import, 0, "name", &error));
  g_assert_null (dd_import_get_column_field (import, 3));
  check_ok (import);
  run_ok (import, NULL);

  /* The same headers next time: mapped as before */
  g_clear_object (&import);
  import = import_csv (store, DD_IMPORT_DEPUTIES, "odd2.csv", "人员,级,第几届,备用\n李明,县,16,y\n");
  g_assert_true (dd_import_get_mapping_remembered (import));
  g_assert_cmpstr (dd_import_get_column_field (import, 0), ==, "name");
  g_assert_cmpstr (dd_import_get_column_field (import, 1), ==, "level");
  g_assert_cmpstr (dd_import_get_column_field (import, 2), ==, "term");
  g_assert_null (dd_import_get_column_field (import, 3));

  /* Other headers, or another kind: not */
  g_clear_object (&import);
  import = import_csv (store, DD_IMPORT_DEPUTIES, "odd3.csv", "人员,级,第几届\n李明,县,16\n");
  g_assert_false (dd_import_get_mapping_remembered (import));
  g_clear_object (&import);
  import = import_csv (store, DD_IMPORT_UNITS, "odd4.csv", "人员,级,第几届,备用\n李明,县,16,y\n");
  g_assert_false (dd_import_get_mapping_remembered (import));
}

static void
test_mapping_file (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(DdImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "dd-test-mapping.txt", NULL);

  import = import_csv (store, DD_IMPORT_DEPUTIES, "m.csv", "人员,级,第几届,手机\n王芳,市,16,13812341234\n");
  g_assert_true (g_file_set_contents (path, "\xEF\xBB\xBF# deputies from the county\n"
                                      "人员 = name\n级=level\n\n第几届=term\n手机=\n", -1, NULL));
  g_assert_true (dd_import_load_mapping (import, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dd_import_get_column_field (import, 0), ==, "name");
  g_assert_cmpstr (dd_import_get_column_field (import, 2), ==, "term");
  g_assert_null (dd_import_get_column_field (import, 3));

  g_assert_false (dd_import_set_mapping_text (import, "人员=name\n级=grade\n", "m.txt", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "m.txt, line 2: “grade” is not a field of deputies; "
                                                   "the fields are name, gender,"));
  g_clear_error (&error);
  g_assert_false (dd_import_set_mapping_text (import, "职务=occupation\n", "m.txt", &error));
  g_assert_cmpstr (error->message, ==, "m.txt, line 1: the file has no column headed “职务”");
  g_clear_error (&error);
  g_assert_false (dd_import_set_mapping_text (import, "人员 name\n", "m.txt", &error));
  g_assert_cmpstr (error->message, ==, "m.txt, line 1: write “header=field”, not “人员 name”");
  /* A refused file changes nothing */
  g_assert_cmpstr (dd_import_get_column_field (import, 1), ==, "level");
  g_remove (path);
}

static void
test_normalize_header (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "  *姓 名：", "姓名" },
    { "Phone (mobile)", "phonemobile" },
    { "ＮＡＭＥ", "name" },
    { "手机（必填）", "手机" },
    { "乡镇/街道", "乡镇街道" },
    { "【层级】", "层级" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = dd_import_normalize_header (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
cancel_at_half (double   fraction,
                gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) csv = g_string_new ("姓名,层级,届次\n");
  g_autoptr(DdImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_deputies (store);
  before = dump (store);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "代表%u,市,16\n", i);
  import = import_csv (store, DD_IMPORT_DEPUTIES, "many.csv", csv->str);
  g_assert_false (dd_import_run (import, cancellable, cancel_at_half, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
on_changed (DdStore    *store,
            const char *table,
            GArray     *ids,
            gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_async_file_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dd-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "desk.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
  g_autoptr(GString) csv = g_string_new ("姓名,层级,届次\n");
  g_autoptr(DdImport) import = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  DdImportSummary summary;
  double last = 0;
  guint changed = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (csv, "代表%u,市,16\n", i);
  import = import_csv (store, DD_IMPORT_DEPUTIES, "many.csv", csv->str);

  dd_import_check_async (import, NULL, on_progress, &last, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dd_import_check_finish (import, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dd_import_get_problems (import)->len, ==, 0);
  g_clear_object (&result);

  {
    gulong id = g_signal_connect (store, "changed::deputies", G_CALLBACK (on_changed), &changed);
    last = 0;
    dd_import_run_async (import, NULL, on_progress, &last, on_done, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (dd_import_run_finish (import, result, &summary, &error));
    g_assert_no_error (error);
    g_signal_handler_disconnect (store, id);
  }
  g_assert_cmpuint (summary.inserted, ==, 1000);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM deputies"), ==, 1000);

  g_clear_object (&import);
  g_clear_object (&store);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
}

/* An XLSX as Excel or WPS would save it: strings, numbers, date cells. */
static char *
write_xlsx (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dd-xlsx-XXXXXX", NULL);
  char *path = g_build_filename (dir, "代表名册.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "代表名册");
  lxw_format *date = workbook_add_format (workbook);
  lxw_datetime born = { 1978, 5, 6, 0, 0, 0 };

  format_set_num_format (date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_write_string (sheet, 0, 0, "序号", NULL);
  worksheet_write_string (sheet, 0, 1, "姓名", NULL);
  worksheet_write_string (sheet, 0, 2, "性别", NULL);
  worksheet_write_string (sheet, 0, 3, "出生年月", NULL);
  worksheet_write_string (sheet, 0, 4, "代表层级", NULL);
  worksheet_write_string (sheet, 0, 5, "届次", NULL);
  worksheet_write_string (sheet, 0, 6, "手机号码", NULL);
  worksheet_write_number (sheet, 1, 0, 1, NULL);
  worksheet_write_string (sheet, 1, 1, "王芳", NULL);
  worksheet_write_string (sheet, 1, 2, "女", NULL);
  worksheet_write_datetime (sheet, 1, 3, &born, date);
  worksheet_write_string (sheet, 1, 4, "市级", NULL);
  worksheet_write_number (sheet, 1, 5, 16, NULL);
  worksheet_write_number (sheet, 1, 6, 13812341234.0, NULL);
  worksheet_write_number (sheet, 2, 0, 2, NULL);
  worksheet_write_string (sheet, 2, 1, "李明", NULL);
  worksheet_write_string (sheet, 2, 4, "县级", NULL);
  worksheet_write_number (sheet, 2, 5, 16, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
test_xlsx (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_xlsx ();
  g_autoptr(DdSheet) sheet = dd_xlsx_read_file (path, NULL, &error);
  g_autoptr(DdImport) import = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_no_error (error);
  import = dd_import_new (store, DD_IMPORT_DEPUTIES, sheet);
  g_assert_null (dd_import_get_column_field (import, 0));
  g_assert_cmpstr (dd_import_get_column_field (import, 3), ==, "birth-on");
  /* Row 3 ends early, as XLSX rows do: no complaint */
  check_ok (import);
  run_ok (import, NULL);
  assert_query (store, "SELECT group_concat(name || '/' || coalesce(gender, '-') || '/' || "
                                      "coalesce(birth_on, '-') || '/' || level || '/' || term || '/' || "
                                      "coalesce(phone, '-'), ';') FROM (SELECT * FROM deputies ORDER BY id)", "王芳/female/1978-05-06/city/16/13812341234;李明/-/-/county/16/-");
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/normalize-header", test_normalize_header);
  g_test_add_func ("/import/deputies-chinese-headers", test_deputies_chinese_headers);
  g_test_add_func ("/import/gb18030", test_gb18030);
  g_test_add_func ("/import/xlsx", test_xlsx);
  g_test_add_func ("/import/bad-rows", test_bad_rows);
  g_test_add_func ("/import/file-problems", test_file_problems);
  g_test_add_func ("/import/duplicates", test_duplicates);
  g_test_add_func ("/import/one-duplicate-choice", test_one_duplicate_choice);
  g_test_add_func ("/import/stations-english", test_stations_english);
  g_test_add_func ("/import/suggestions", test_suggestions);
  g_test_add_func ("/import/remembered-mapping", test_remembered_mapping);
  g_test_add_func ("/import/mapping-file", test_mapping_file);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/async-file-store", test_async_file_store);

  return g_test_run ();
}
