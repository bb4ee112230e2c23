/* test-export.c: lists as sheets (typed cells, translated headers, the
 * lists' filters), masking, and the round trip: export unmasked, then
 * import into an empty database, through CSV and XLSX files, gives the
 * same records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-csv.h"
#include "dd-demo.h"
#include "dd-export.h"
#include "dd-import.h"
#include "dd-mask.h"
#include "dd-stats.h"
#include "dd-store-private.h"
#include "dd-xlsx-reader.h"
#include "dd-xlsx-writer.h"

#define DEMO_ANCHOR "2025-06-30"

/* Helpers */

static DdStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  DdStore *store = dd_store_new_in_memory (&error);

  g_assert_no_error (error);
  dd_store_set_frozen_time (store, "2026-03-10T09:00:00");
  return store;
}

static DdStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  DdStore *store = new_store ();
  DdDemoOptions options = { DD_DEMO_SMALL, 1, DEMO_ANCHOR, NULL, NULL };

  g_assert_true (dd_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  return store;
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

static int
find_column (DdSheet    *sheet,
             const char *header)
{
  for (guint c = 0; c < dd_sheet_get_row_n_cells (sheet, 0); c++)
    if (g_strcmp0 (dd_sheet_get_text (sheet, 0, c), header) == 0)
      return (int) c;
  g_assert_not_reached ();
}

static void
import_text (DdStore      *store,
             DdImportKind  kind,
             const char   *name,
             const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(DdSheet) sheet = dd_csv_read_bytes (bytes, name, DD_CSV_ENCODING_AUTO, 0, NULL, NULL, &error);
  g_autoptr(DdImport) import = NULL;

  g_assert_no_error (error);
  import = dd_import_new (store, kind, sheet);
  g_assert_true (dd_import_run (import, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
import_sheet (DdStore      *store,
              DdImportKind  kind,
              DdSheet      *sheet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdImport) import = dd_import_new (store, kind, sheet);

  if (!dd_import_run (import, NULL, NULL, NULL, NULL, &error))
    {
      GPtrArray *problems = dd_import_get_problems (import);

      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = dd_import_problem_to_string (g_ptr_array_index (problems, i), "x");
          g_printerr ("%s\n", line);
        }
    }
  g_assert_no_error (error);
}

/* A small office: every kind, with handling and personal data */
static void
fill_office (DdStore *store)
{
  import_text (store, DD_IMPORT_DEPUTIES, "deputies.csv",
               "姓名,性别,民族,出生日期,层级,届次,选区,区县,乡镇,单位及职务,代表团,手机,备注\n"
               "王芳,女,汉族,1978-05-06,市,16,第一选区,城关区,东街街道,江州一中校长,教育界,13812341234,\n"
               "李明,男,回族,1975-03-01,县,16,第二选区,城关区,西街街道,人民医院副院长,,0571-88123456,连任\n"
               "张伟,男,汉族,1980-01-02,乡,9,,,,农民,,,\n");
  import_text (store, DD_IMPORT_UNITS, "units.csv",
               "单位名称,单位类型\n市教育局,政府部门\n市交通运输局,政府部门\n市卫健委,政府部门\n");
  import_text (store, DD_IMPORT_STATIONS, "stations.csv",
               "编号,名称,类型,地址,区县,乡镇,联系电话,提档升级日期\n"
               "S-01,城东代表之家,代表之家,东街1号,城关区,东街街道,0571-1234567,2025-10-08\n"
               "S-02,西街联络站,联络站,西街2号,城关区,西街街道,,\n");
  import_text (store, DD_IMPORT_SUGGESTIONS, "suggestions.csv",
               "编号,案由,内容,类型,类别,提出日期,领衔代表,附议代表,主办单位,协办单位,交办日期,"
               "答复类别,答复日期,满意度,测评日期,站点,选民姓名,选民电话\n"
               "JY2025-0001,关于增设停车位的建议,学校门口拥堵,代表建议,城建,2025-01-05,王芳,李明,"
               "市交通运输局,市教育局,2025-01-20,A,2025-03-01,满意,2025-03-15,,,\n"
               "JY2025-0002,关于加强校园安全的建议,,代表建议,教育,2025-01-06,李明,,市教育局,,,,,,,,,\n"
               "YJ2025-0001,关于社区食堂的意见,老人吃饭难,群众意见,其他,2025-02-01,王芳,,,,,,,,,S-01,"
               "欧阳娜娜,13900001111\n"
               "JY2026-0001,关于公交线路延伸的建议,,代表建议,交通,2026-01-07,张伟,,,,,,,,,,,\n");
}

/* Tests */

static void
test_mask (void)
{
  static const struct { const char *in, *out; } phones[] = {
    { "13812341234", "138****1234" },
    { "138 1234 1234", "138 **** 1234" },
    { "+86 13812341234", "+86 138****1234" },
    { "0571-88123456", "0571-****3456" },
    { "010-12345678", "010-****5678" },
    { "(0571)88123456", "(0571)****3456" },
    { "057188123456", "0571****3456" },
    { "88123456", "****3456" },
    { "12345", "***45" },
    { "", "" },
  };
  static const struct { const char *in, *out; } names[] = {
    { "张三", "张*" },
    { "欧阳娜娜", "欧***" },
    { "王", "王" },
    { " 李明 ", "李*" },
    { "John Smith", "J*** *****" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *out = dd_mask_phone (phones[i].in);
      g_assert_cmpstr (out, ==, phones[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = dd_mask_name (names[i].in);
      g_assert_cmpstr (out, ==, names[i].out);
    }
  {
    g_autofree char *a = dd_mask_phone (NULL);
    g_autofree char *b = dd_mask_name (NULL);
    g_assert_cmpstr (a, ==, "");
    g_assert_cmpstr (b, ==, "");
  }
}

static void
test_deputies_sheet (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  DdExportOptions options;
  const DdCell *cell;
  int phone, born, term, level;

  fill_office (store);
  dd_export_options_init (&options);
  g_assert_true (options.mask);
  sheet = dd_export_build (store, DD_EXPORT_DEPUTIES, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dd_sheet_get_n_rows (sheet), ==, 4);
  g_assert_cmpstr (dd_sheet_get_title (sheet), ==, "Deputies");
  phone = find_column (sheet, "Phone");
  born = find_column (sheet, "Date of birth");
  term = find_column (sheet, "Term");
  level = find_column (sheet, "Level");

  /* The list's order: by name (its own collation) — find 王芳's row */
  for (guint r = 1; r < 4; r++)
    if (g_str_equal (dd_sheet_get_text (sheet, r, 0), "王芳"))
      {
        g_assert_cmpstr (dd_sheet_get_text (sheet, r, phone), ==, "138****1234");
        cell = dd_sheet_get_cell (sheet, r, born);
        g_assert_cmpint (cell->type, ==, DD_CELL_DATE);
        g_assert_cmpstr (cell->text, ==, "1978-05-06");
        cell = dd_sheet_get_cell (sheet, r, term);
        g_assert_cmpint (cell->type, ==, DD_CELL_NUMBER);
        g_assert_cmpfloat (cell->number, ==, 16);
        g_assert_cmpstr (dd_sheet_get_text (sheet, r, level), ==, "City");
      }

  /* Unmasked, and filtered by level as the list is */
  g_clear_pointer (&sheet, dd_sheet_unref);
  options.mask = FALSE;
  options.level = "city";
  sheet = dd_export_build (store, DD_EXPORT_DEPUTIES, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dd_sheet_get_n_rows (sheet), ==, 2);
  g_assert_cmpstr (dd_sheet_get_text (sheet, 1, 0), ==, "王芳");
  g_assert_cmpstr (dd_sheet_get_text (sheet, 1, find_column (sheet, "Phone")), ==, "13812341234");
}

static void
test_suggestions_sheet (void)
{
  g_autoptr(DdStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  DdExportOptions options;
  int number, registered, assigned, replied, evaluated, closed, voter;
  guint masked = 0;

  dd_export_options_init (&options);
  options.year = 2025;
  sheet = dd_export_build (store, DD_EXPORT_SUGGESTIONS, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_sheet_get_n_rows (sheet) - 1, ==,
                   query_int (store, "SELECT count(*) FROM suggestions WHERE registered_on LIKE '2025-%'"));
  g_assert_cmpint (dd_sheet_get_n_rows (sheet), >, 10);

  number = find_column (sheet, "Number");
  registered = find_column (sheet, "Registration date");
  assigned = find_column (sheet, "Date assigned");
  replied = find_column (sheet, "Date replied");
  evaluated = find_column (sheet, "Date evaluated");
  closed = find_column (sheet, "Date closed");
  voter = find_column (sheet, "Voter’s name");

  /* Each row's milestones are the suggestion's own dates, as date cells */
  for (guint r = 1; r < dd_sheet_get_n_rows (sheet); r++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT registered_on || '|' || coalesce(assigned_on, '') "
                                              "|| '|' || coalesce(replied_on, '') || '|' || "
                                              "coalesce(evaluated_on, '') || '|' || coalesce(closed_on, '') "
                                              "|| '|' || coalesce(voter_name, '') "
                                              "FROM suggestions WHERE number = '%s'",
                                              dd_sheet_get_text (sheet, r, number));
      g_autofree char *expected = query_text (store, sql);
      g_autofree char *voter_name = g_strdup (strrchr (expected, '|') + 1);
      g_autofree char *got = g_strdup_printf ("%s|%s|%s|%s|%s|",
                                              dd_sheet_get_text (sheet, r, registered),
                                              dd_sheet_get_text (sheet, r, assigned),
                                              dd_sheet_get_text (sheet, r, replied),
                                              dd_sheet_get_text (sheet, r, evaluated),
                                              dd_sheet_get_text (sheet, r, closed));

      *(strrchr (expected, '|') + 1) = '\0';
      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpint (dd_sheet_get_cell (sheet, r, registered)->type, ==, DD_CELL_DATE);
      if (voter_name[0] != '\0')
        {
          g_autofree char *mask = dd_mask_name (voter_name);
          g_assert_cmpstr (dd_sheet_get_text (sheet, r, voter), ==, mask);
          masked++;
        }
    }
  g_assert_cmpuint (masked, >, 0);

  /* A sparse selection (one category: read row by row) and the whole table
   * (one pass along it) give the same cells for the same suggestion */
  {
    g_autoptr(DdSheet) all = NULL;
    g_autoptr(DdSheet) some = NULL;
    g_autoptr(DdSuggestionFilter) filter = dd_suggestion_filter_new ();
    g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
    guint compared = 0;

    dd_export_options_init (&options);
    options.mask = FALSE;
    all = dd_export_build (store, DD_EXPORT_SUGGESTIONS, &options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (dd_sheet_get_n_rows (all) - 1, ==, query_int (store, "SELECT count(*) FROM suggestions"));
    dd_suggestion_filter_set_category (filter, "education");
    options.suggestion_filter = filter;
    some = dd_export_build (store, DD_EXPORT_SUGGESTIONS, &options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (dd_sheet_get_n_rows (some) - 1, ==,
                     query_int (store, "SELECT count(*) FROM suggestions WHERE category = 'education'"));
    g_assert_cmpint (dd_sheet_get_n_rows (some) * 4, <, dd_sheet_get_n_rows (all));
    for (guint r = 1; r < dd_sheet_get_n_rows (all); r++)
      g_hash_table_insert (rows, (gpointer) dd_sheet_get_text (all, r, number), GUINT_TO_POINTER (r));
    for (guint r = 1; r < dd_sheet_get_n_rows (some); r++)
      {
        guint a = GPOINTER_TO_UINT (g_hash_table_lookup (rows, dd_sheet_get_text (some, r, number)));

        g_assert_cmpuint (a, >, 0);
        for (guint c = 0; c < dd_sheet_get_row_n_cells (all, 0); c++)
          g_assert_cmpstr (dd_sheet_get_text (some, r, c), ==, dd_sheet_get_text (all, a, c));
        compared++;
      }
    g_assert_cmpuint (compared, >, 5);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM suggestion_units WHERE role = 'co'"), >, 0);
  }
}

static void
test_receptions_and_stats (void)
{
  g_autoptr(DdStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  DdExportOptions options;
  DdYearStats stats;
  int voters;
  gint64 sum = 0;

  dd_export_options_init (&options);
  options.year = 2025;
  sheet = dd_export_build (store, DD_EXPORT_RECEPTIONS, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_sheet_get_n_rows (sheet) - 1, ==,
                   query_int (store, "SELECT count(*) FROM receptions WHERE held_on LIKE '2025-%'"));
  voters = find_column (sheet, "Voters received");
  for (guint r = 1; r < dd_sheet_get_n_rows (sheet); r++)
    sum += (gint64) dd_sheet_get_cell (sheet, r, voters)->number;
  g_assert_cmpint (sum, ==, query_int (store, "SELECT sum(voters_received) FROM receptions "
                                              "WHERE held_on LIKE '2025-%'"));

  g_clear_pointer (&sheet, dd_sheet_unref);
  sheet = dd_export_build (store, DD_EXPORT_STATS, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dd_year_stats_compute (store, 2025, &stats, &error));
  g_assert_cmpstr (dd_sheet_get_title (sheet), ==, "Figures 2025");
  g_assert_cmpstr (dd_sheet_get_text (sheet, 1, 1), ==, "Registered in the year");
  g_assert_cmpfloat (dd_sheet_get_cell (sheet, 1, 2)->number, ==, stats.suggestions_total);
  g_assert_cmpfloat (dd_sheet_get_cell (sheet, dd_sheet_get_n_rows (sheet) - 1, 2)->number, ==,
                     stats.activities);
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(DdStore) store = new_store ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  DdExportOptions options;

  fill_office (store);
  dd_export_options_init (&options);
  options.station_kind = "home";
  dd_export_build_async (store, DD_EXPORT_STATIONS, &options, NULL, on_built, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  sheet = dd_export_build_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dd_sheet_get_n_rows (sheet), ==, 2);
  g_assert_cmpstr (dd_sheet_get_text (sheet, 1, 0), ==, "S-01");
}

/* The columns a round trip must keep, one line a record in a stable order */
static const char deputies_fields[] =
  "SELECT group_concat(x, '\n') FROM (SELECT name || '|' || coalesce(gender, '') || '|' || "
  "coalesce(ethnicity, '') || '|' || coalesce(birth_on, '') || '|' || level || '|' || term || '|' || "
  "coalesce(constituency, '') || '|' || coalesce(district, '') || '|' || coalesce(township, '') || '|' || "
  "coalesce(occupation, '') || '|' || coalesce(group_name, '') || '|' || coalesce(phone, '') || '|' || "
  "status || '|' || coalesce(note, '') AS x FROM deputies ORDER BY name, level)";
static const char stations_fields[] =
  "SELECT group_concat(x, '\n') FROM (SELECT code || '|' || name || '|' || kind || '|' || "
  "coalesce(address, '') || '|' || coalesce(district, '') || '|' || coalesce(township, '') || '|' || "
  "coalesce(contact_phone, '') || '|' || coalesce(upgraded_on, '') || '|' || archived AS x "
  "FROM stations ORDER BY code)";
static const char suggestions_fields[] =
  "SELECT group_concat(x, '\n') FROM (SELECT s.number || '|' || s.kind || '|' || s.title || '|' || "
  "coalesce(s.body, '') || '|' || s.category || '|' || s.state || '|' || s.registered_on || '|' || "
  "coalesce(s.assigned_on, '') || '|' || coalesce(s.replied_on, '') || '|' || "
  "coalesce(s.evaluated_on, '') || '|' || coalesce(s.voter_name, '') || '|' || "
  "coalesce(s.voter_phone, '') || '|' || coalesce((SELECT code FROM stations WHERE id = s.station_id), '') "
  "|| '|' || (SELECT group_concat(name, ',') FROM (SELECT d.name FROM suggestion_proposers p "
  "  JOIN deputies d ON d.id = p.deputy_id WHERE p.suggestion_id = s.id ORDER BY p.position)) || '|' || "
  "coalesce((SELECT group_concat(x, ',') FROM (SELECT u.name || ':' || su.role AS x FROM "
  "  suggestion_units su JOIN units u ON u.id = su.unit_id WHERE su.suggestion_id = s.id "
  "  ORDER BY su.role DESC, u.name)), '') || '|' || "
  "coalesce((SELECT class FROM replies WHERE suggestion_id = s.id), '') || '|' || "
  "coalesce((SELECT verdict FROM evaluations WHERE suggestion_id = s.id), '') AS x "
  "FROM suggestions s ORDER BY s.number)";

/* Export unmasked to @format, read the file back, import it into @to. */
static void
carry (DdStore      *from,
       DdStore      *to,
       DdExportKind  export_kind,
       DdImportKind  import_kind,
       gboolean      xlsx,
       const char   *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  g_autoptr(DdSheet) read = NULL;
  g_autofree char *path = g_build_filename (dir, xlsx ? "out.xlsx" : "out.csv", NULL);
  DdExportOptions options;

  dd_export_options_init (&options);
  options.mask = FALSE;
  options.show_archived = TRUE;
  sheet = dd_export_build (from, export_kind, &options, NULL, &error);
  g_assert_no_error (error);
  if (xlsx)
    {
      g_assert_true (dd_xlsx_write_file (sheet, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      read = dd_xlsx_read_file (path, NULL, &error);
    }
  else
    {
      g_assert_true (dd_csv_write_file (sheet, path, DD_CSV_ENCODING_GB18030, ',', NULL, NULL, NULL,
                                        &error));
      g_assert_no_error (error);
      read = dd_csv_read_file (path, DD_CSV_ENCODING_AUTO, 0, NULL, NULL, &error);
    }
  g_assert_no_error (error);
  import_sheet (to, import_kind, read);
  g_remove (path);
}

static void
check_round_trip (gboolean xlsx)
{
  g_autoptr(DdStore) a = new_store ();
  g_autoptr(DdStore) b = new_store ();
  g_autofree char *dir = g_dir_make_tmp ("dd-export-XXXXXX", NULL);
  const char *queries[] = { deputies_fields, stations_fields, suggestions_fields };

  fill_office (a);
  /* Units are not a list of their own: the office's units file goes first */
  import_text (b, DD_IMPORT_UNITS, "units.csv",
               "单位名称,单位类型\n市教育局,政府部门\n市交通运输局,政府部门\n市卫健委,政府部门\n");
  carry (a, b, DD_EXPORT_DEPUTIES, DD_IMPORT_DEPUTIES, xlsx, dir);
  carry (a, b, DD_EXPORT_STATIONS, DD_IMPORT_STATIONS, xlsx, dir);
  carry (a, b, DD_EXPORT_SUGGESTIONS, DD_IMPORT_SUGGESTIONS, xlsx, dir);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *expected = query_text (a, queries[i]);
      g_autofree char *got = query_text (b, queries[i]);

      g_assert_nonnull (expected);
      g_assert_cmpstr (got, ==, expected);
    }
  g_rmdir (dir);
}

static void
test_round_trip_csv (void)
{
  check_round_trip (FALSE);
}

static void
test_round_trip_xlsx (void)
{
  check_round_trip (TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/mask", test_mask);
  g_test_add_func ("/export/deputies", test_deputies_sheet);
  g_test_add_func ("/export/suggestions", test_suggestions_sheet);
  g_test_add_func ("/export/receptions-and-stats", test_receptions_and_stats);
  g_test_add_func ("/export/async", test_async);
  g_test_add_func ("/export/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/export/round-trip-xlsx", test_round_trip_xlsx);

  return g_test_run ();
}
