/* test-cli-import.c: deputy-desk-cli import and export, run as a user runs
 * them, on the files an office has: the deputies list kept in WPS (a
 * GB18030 CSV with a title row, and the same list as an XLSX), handling
 * units and a year of suggestions; then the year's suggestions exported to
 * XLSX and read back, by our reader and by LibreOffice when installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cli-test.h"
#include <xlsxwriter.h>

#include "dd-csv.h"
#include "dd-xlsx-reader.h"

/* Helpers */

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  g_autofree char *text = sql_text (path, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* The office's deputies, as its staff typed them */

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char * const given[] = { "芳", "明", "伟", "静", "强", "敏", "磊", "洁", "军", "丽" };
static const char * const groups[] = { "财经组", "教科文卫组", "农业农村组", "城建环保组" };

typedef struct
{
  char *name;
  char *gender;
  char *born;        /* 1978.05 as 出生年月 is written */
  char *phone;
  char *occupation;
  const char *group;
} Deputy;

static void
deputy_clear (Deputy *d)
{
  g_free (d->name);
  g_free (d->gender);
  g_free (d->born);
  g_free (d->phone);
  g_free (d->occupation);
}

static void
make_deputy (guint   i,
             Deputy *d)
{
  /* Fifty different names: surname by tens, given name by units */
  d->name = g_strdup_printf ("%s%s%s", surnames[i / 10 % 10], i % 3 == 0 ? "晓" : "",
                             given[i % 10]);
  d->gender = g_strdup (i % 2 == 0 ? "女" : "男");
  d->born = g_strdup_printf ("%u.%02u", 1960 + i % 30, 1 + i % 12);
  d->phone = g_strdup_printf ("139%08u", 10000000 + i * 7919);
  d->occupation = g_strdup_printf ("江州市第%u中学校长，高级教师", i + 1);
  d->group = groups[i % G_N_ELEMENTS (groups)];
}

#define N_DEPUTIES 50

static const char ledger_headers[] =
  "序号,姓名,性别,民族,出生年月,政治面貌,文化程度,工作单位及职务,代表层级,届次,选区,联系电话,所在代表小组,备注\r\n";

/* What WPS saves as CSV on Chinese Windows: GB18030, CRLF, a title row */
static char *
write_wps_csv (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("江州市城关区第十六届人民代表大会代表名册,,,,,,,,,,,,,\r\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = NULL;
  char *path = g_build_filename (dir, "代表名册.csv", NULL);
  gsize length;

  g_string_append (csv, ledger_headers);
  for (guint i = 0; i < N_DEPUTIES; i++)
    {
      Deputy d;

      make_deputy (i, &d);
      g_string_append_printf (csv, "%u,%s,%s,汉族,%s,中共党员,大学本科,\"%s\",县级,第十六届,"
                              "第%u选区,%s,%s,\r\n", i + 1, d.name, d.gender, d.born,
                              d.occupation, i / 5 + 1, d.phone, d.group);
      deputy_clear (&d);
    }
  gb = g_convert (csv->str, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, gb, length, &error));
  return path;
}

/* The same list saved as XLSX: a merged title, numbers as numbers, dates as dates */
static char *
write_wps_xlsx (const char *dir)
{
  char *path = g_build_filename (dir, "代表名册.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "城关区");
  lxw_format *date = workbook_add_format (workbook);
  g_auto(GStrv) headers = g_strsplit (ledger_headers, ",", -1);

  format_set_num_format (date, "yyyy/m/d");
  worksheet_merge_range (sheet, 0, 0, 0, 13, "江州市城关区第十六届人民代表大会代表名册", NULL);
  for (guint c = 0; headers[c] != NULL; c++)
    worksheet_write_string (sheet, 1, c, g_strstrip (headers[c]), NULL);
  for (guint i = 0; i < N_DEPUTIES; i++)
    {
      Deputy d;
      lxw_datetime born = { 1960 + i % 30, 1 + i % 12, 1 + i % 28, 0, 0, 0 };
      lxw_row_t r = i + 2;

      make_deputy (i, &d);
      worksheet_write_number (sheet, r, 0, i + 1, NULL);
      worksheet_write_string (sheet, r, 1, d.name, NULL);
      worksheet_write_string (sheet, r, 2, d.gender, NULL);
      worksheet_write_string (sheet, r, 3, "汉族", NULL);
      worksheet_write_datetime (sheet, r, 4, &born, date);
      worksheet_write_string (sheet, r, 7, d.occupation, NULL);
      worksheet_write_string (sheet, r, 8, "县级", NULL);
      worksheet_write_number (sheet, r, 9, 16, NULL);
      worksheet_write_number (sheet, r, 11, g_ascii_strtod (d.phone, NULL), NULL);
      worksheet_write_string (sheet, r, 12, d.group, NULL);
      deputy_clear (&d);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Tests */

static void
test_wps_deputies (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dd-cli-import-XXXXXX", NULL);
  g_autofree char *csv = write_wps_csv (dir);
  g_autofree char *db = g_build_filename (dir, "desk.sqlite", NULL);
  g_autofree char *first = NULL;
  Run run = { 0, };

  /* A dry run reports and writes nothing, not even a database */
  run_cli (&run, dir, "import", csv, "--kind", "deputies", "--dry-run", "-d", db, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "  B   姓名 → name (Name)\n"));
  g_assert_nonnull (strstr (run.out, "  E   出生年月 → birth-on (Date of birth)\n"));
  g_assert_nonnull (strstr (run.out, "  F   政治面貌 → (not imported)\n"));
  g_assert_nonnull (strstr (run.out, "  M   所在代表小组 → group-name (Professional group)\n"));
  g_assert_nonnull (strstr (run.out, "代表名册.csv: 50 rows checked, no problems: 50 would be "
                                     "imported, 0 updated, 0 skipped (nothing written)\n"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  run_cli (&run, dir, "import", csv, "--kind", "deputies", "-d", db, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "代表名册.csv: 50 rows: imported 50 deputies, updated 0, skipped 0"));
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM deputies WHERE level = 'county' AND term = 16 "
                                "AND status = 'active'"), ==, N_DEPUTIES);
  first = sql_text (db, "SELECT name || '/' || gender || '/' || birth_on || '/' || phone || '/' || "
                        "occupation || '/' || constituency || '/' || group_name FROM deputies WHERE id = 1");
  g_assert_cmpstr (first, ==, "王晓芳/female/1960-01-01/13910000000/江州市第1中学校长，高级教师/"
                              "第1选区/财经组");

  /* The same file again: every row is stored already, and skipped */
  run_cli (&run, dir, "import", csv, "--kind", "deputies", "-d", db, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "50 duplicates:\n"));
  g_assert_nonnull (strstr (run.out, "  row 3: 王晓芳, County, term 16 (stored as number 1): skip\n"));
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM deputies"), ==, N_DEPUTIES);

  /* The XLSX of the same list, into another database: the same deputies
   * (but for the birth dates, whole dates in the workbook) */
  {
    g_autofree char *xlsx = write_wps_xlsx (dir);
    g_autofree char *db2 = g_build_filename (dir, "desk2.sqlite", NULL);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    const char *names = "SELECT group_concat(x, ';') FROM (SELECT name || gender || phone || "
                        "group_name || occupation AS x FROM deputies ORDER BY id)";

    run_cli (&run, dir, "import", xlsx, "--kind", "deputies", "--sheet", "城关区", "-d", db2, NULL);
    assert_success (&run);
    a = sql_text (db, names);
    b = sql_text (db2, names);
    g_assert_cmpstr (a, ==, b);
    g_clear_pointer (&a, g_free);
    a = sql_text (db2, "SELECT birth_on FROM deputies WHERE id = 2");
    g_assert_cmpstr (a, ==, "1961-02-02");
  }

  run_clear (&run);
  remove_tree (dir);
}

static void
test_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dd-cli-import-XXXXXX", NULL);
  g_autofree char *csv = write_wps_csv (dir);
  g_autofree char *db = g_build_filename (dir, "desk.sqlite", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *all = "SELECT (SELECT count(*) FROM deputies) || '/' || (SELECT count(*) FROM audit_log) "
                    "|| '/' || (SELECT group_concat(name) FROM deputies)";
  Run run = { 0, };

  run_cli (&run, dir, "import", csv, "--kind", "deputies", "-d", db, NULL);
  assert_success (&run);
  before = sql_text (db, all);

  write_text (dir, "bad.csv",
              "姓名,层级,届次,出生日期\n"
              "新代表,省级人大,16,\n"
              "另一位,市,16,2026-02-30\n"
              ",市,16,\n");
  run_cli (&run, dir, "import", bad, "--kind", "deputies", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out,
    "bad.csv:2:B: “省级人大” is not a level; expected one of National, Provincial, City, County, "
    "Township\n"
    "bad.csv:3:D: “2026-02-30” is not a date; write it as 2026-03-01, 2026/3/1 or 2026年3月1日\n"
    "bad.csv:4:A: Name is required\n"));
  g_assert_cmpstr (run.err, ==, "deputy-desk-cli: bad.csv: 3 problems; nothing was imported\n");
  after = sql_text (db, all);
  g_assert_cmpstr (before, ==, after);

  /* A binary file and an empty one: the reader's message, nothing written */
  write_text (dir, "bad.csv", "");
  run_cli (&run, dir, "import", bad, "--kind", "deputies", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "deputy-desk-cli: "));
  g_assert_true (g_file_set_contents (bad, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));
  run_cli (&run, dir, "import", bad, "--kind", "deputies", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "deputy-desk-cli: "));
  g_free (after);
  after = sql_text (db, all);
  g_assert_cmpstr (before, ==, after);

  /* Usage errors */
  run_cli (&run, dir, "import", csv, "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, dir, "import", csv, "--kind", "people", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, dir, "import", "--kind", "deputies", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, dir, "export", "--kind", "deputies", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
  remove_tree (dir);
}

static void
test_year_to_xlsx (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dd-cli-import-XXXXXX", NULL);
  g_autofree char *csv = write_wps_csv (dir);
  g_autofree char *db = g_build_filename (dir, "desk.sqlite", NULL);
  g_autofree char *units = g_build_filename (dir, "units.csv", NULL);
  g_autofree char *suggestions = g_build_filename (dir, "建议台账.csv", NULL);
  g_autofree char *mapping = g_build_filename (dir, "mapping.txt", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "2026年建议.xlsx", NULL);
  g_autofree char *deputies_csv = g_build_filename (dir, "deputies-out.csv", NULL);
  g_autoptr(GString) text = g_string_new ("建议号,案由,类别,提交日期,领衔代表,主办单位,答复类别,答复日期,满意度\n");
  g_autoptr(DdSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *soffice = NULL;
  Run run = { 0, };
  int title = -1, date = -1;

  run_cli (&run, dir, "import", csv, "--kind", "deputies", "-d", db, NULL);
  assert_success (&run);
  write_text (dir, "units.csv", "单位名称,单位类型\n市教育局,政府部门\n市交通运输局,政府部门\n");
  run_cli (&run, dir, "import", units, "--kind", "units", "-d", db, NULL);
  assert_success (&run);

  /* 建议号 and 提交日期 are not headers it knows: a mapping file names them */
  for (guint i = 0; i < 20; i++)
    {
      Deputy d;

      make_deputy (i, &d);
      g_string_append_printf (text, "JY2026-%04u,关于第%u件民生实事的建议,%s,2026/%u/%u,%s,%s,%s,%s,%s\n",
                              i + 1, i + 1, i % 2 ? "教育" : "城建", 1 + i % 6, 1 + i, d.name,
                              i % 4 == 3 ? "" : i % 2 ? "市教育局" : "市交通运输局",
                              i % 4 == 0 ? "A" : "", i % 4 == 0 ? "2026-07-01" : "",
                              i % 8 == 0 ? "满意" : "");
      deputy_clear (&d);
    }
  write_text (dir, "建议台账.csv", text->str);
  write_text (dir, "mapping.txt", "# 本室建议台账\n建议号=number\n提交日期=registered-on\n");
  run_cli (&run, dir, "import", suggestions, "--kind", "suggestions", "--mapping", mapping, "-d", db, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "  A   建议号 → number (Number)\n"));
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM suggestions"), ==, 20);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM suggestions WHERE state = 'evaluated'"), ==, 3);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM suggestions WHERE state = 'replied'"), ==, 2);

  /* The year's suggestions to XLSX, masked by default */
  run_cli (&run, dir, "export", "--kind", "suggestions", "--year", "2026", "--format", "xlsx",
           "--out", xlsx, "-d", db, NULL);
  assert_success (&run);
  {
    g_autofree char *expected = g_strdup_printf ("Wrote 20 rows to “%s”, personal data masked\n", xlsx);
    g_assert_cmpstr (run.out, ==, expected);
  }
  sheet = dd_xlsx_read_file (xlsx, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dd_sheet_get_n_rows (sheet), ==, 21);
  for (guint c = 0; c < dd_sheet_get_row_n_cells (sheet, 0); c++)
    {
      if (g_str_equal (dd_sheet_get_text (sheet, 0, c), "Title"))
        title = (int) c;
      if (g_str_equal (dd_sheet_get_text (sheet, 0, c), "Registration date"))
        date = (int) c;
    }
  g_assert_cmpint (title, >=, 0);
  g_assert_cmpint (date, >=, 0);
  for (guint r = 1; r < 21; r++)
    {
      g_assert_true (g_str_has_prefix (dd_sheet_get_text (sheet, r, title), "关于第"));
      g_assert_cmpint (dd_sheet_get_cell (sheet, r, date)->type, ==, DD_CELL_DATE);
      g_assert_true (g_str_has_prefix (dd_sheet_get_text (sheet, r, date), "2026-0"));
    }

  /* LibreOffice opens it with the Chinese text and the dates */
  soffice = g_find_program_in_path ("soffice");
  if (soffice != NULL)
    {
      g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo", dir);
      g_autofree char *converted = g_build_filename (dir, "2026年建议.csv", NULL);
      g_autofree char *contents = NULL;
      const char *argv[] = { "soffice", profile, "--headless", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, xlsx, NULL };
      int wait_status;

      g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (converted, &contents, NULL, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (contents, "关于第1件民生实事的建议"));
      g_assert_nonnull (strstr (contents, "2026-01-01"));
      g_assert_nonnull (strstr (contents, "市交通运输局"));
    }
  else
    g_test_message ("soffice not found: LibreOffice not checked");

  /* Deputies to CSV: phones masked unless --no-mask; GB18030 on request */
  run_cli (&run, dir, "export", "--kind", "deputies", "--out", deputies_csv, "-d", db, NULL);
  assert_success (&run);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (deputies_csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
    g_assert_nonnull (strstr (contents, "139****0000"));
    g_assert_null (strstr (contents, "13910000000"));
  }
  run_cli (&run, dir, "export", "--kind", "deputies", "--no-mask", "--encoding", "gb18030",
           "--out", deputies_csv, "-d", db, NULL);
  assert_success (&run);
  {
    g_autofree char *contents = NULL;
    g_autofree char *utf8 = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (deputies_csv, &contents, &length, NULL));
    utf8 = g_convert (contents, length, "UTF-8", "GB18030", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (utf8, "13910000000"));
    g_assert_nonnull (strstr (utf8, "王晓芳"));
  }

  run_clear (&run);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-import/wps-deputies", test_wps_deputies);
  g_test_add_func ("/cli-import/refused", test_refused);
  g_test_add_func ("/cli-import/year-to-xlsx", test_year_to_xlsx);

  return g_test_run ();
}
