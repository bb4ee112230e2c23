/* test-xlsx.c: workbooks written by libxlsxwriter in the test (shared
 * strings, numbers, dates in several formats, booleans, formulas' values,
 * Chinese text, gaps, a second and a hidden sheet) read back; workbooks
 * made by hand with libzip for what libxlsxwriter does not write (inline
 * rich text, phonetic guides, prefixed elements, the 1904 date system, the
 * 1900 leap-year bug, ISO dates, errors, escapes, a chart sheet); damaged
 * and foreign files and a zip bomb; our writer read back (types, dates,
 * titles), its header, panes, filter and widths, 100 000 rows with progress
 * and cancel; LibreOffice reading our workbook when it is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "dd-io-error.h"
#include "dd-io-private.h"
#include "dd-sheet.h"
#include "dd-xlsx-reader.h"
#include "dd-xlsx-writer.h"

#define REL_NS_FOR_TEST "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static char *tmp_dir;

/* Helpers */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

/* A zip of @entries (name, content, name, content, …, NULL) */
static GBytes *
make_zip (const char * const *entries)
{
  g_autofree char *path = tmp_path ("made.zip");
  zip_t *za;
  int zerr = 0;
  GBytes *bytes;

  g_unlink (path);
  za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  g_assert_nonnull (za);
  for (guint i = 0; entries[i] != NULL; i += 2)
    {
      zip_source_t *source = zip_source_buffer (za, entries[i + 1], strlen (entries[i + 1]), 0);

      g_assert_nonnull (source);
      g_assert_cmpint (zip_file_add (za, entries[i], source, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_close (za), ==, 0);
  bytes = file_bytes (path);
  g_unlink (path);
  return bytes;
}

static const char root_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static const char workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet\" Target=\"/xl/chartsheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"./styles.xml\"/>"
  "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/missing.xml\"/>"
  "</Relationships>";

static char *
make_workbook_xml (gboolean date1904)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<x:workbookPr%s/>"
    "<x:sheets>"
    "<x:sheet name=\"手工\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<x:sheet name=\"图表\" sheetId=\"2\" r:id=\"rId2\"/>"
    "<x:sheet name=\"缺失\" sheetId=\"3\" r:id=\"rId5\"/>"
    "</x:sheets></x:workbook>",
    date1904 ? " date1904=\"1\"" : "");
}

static const char styles_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<numFmts count=\"4\">"
  "<numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
  "<numFmt numFmtId=\"177\" formatCode=\"[h]:mm\"/>"
  "<numFmt numFmtId=\"178\" formatCode=\"[Red]0.00;[Blue]\\-0.00\"/>"
  "<numFmt numFmtId=\"179\" formatCode=\"[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy\"/>"
  "<numFmt numFmtId=\"180\" formatCode=\"0.0E+0\"/>"
  "</numFmts>"
  /* these xf elements are not the cells' formats */
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
  "<cellXfs count=\"10\">"
  "<xf numFmtId=\"0\"/>"       /* 0 General */
  "<xf numFmtId=\"14\"/>"      /* 1 built-in date */
  "<xf numFmtId=\"176\"/>"     /* 2 年月日 */
  "<xf numFmtId=\"22\"/>"      /* 3 date and time */
  "<xf numFmtId=\"20\"/>"      /* 4 h:mm */
  "<xf numFmtId=\"177\"/>"     /* 5 [h]:mm */
  "<xf numFmtId=\"178\"/>"     /* 6 coloured number */
  "<xf numFmtId=\"31\"/>"      /* 7 CJK built-in date */
  "<xf numFmtId=\"179\"/>"     /* 8 a long date with a locale */
  "<xf numFmtId=\"180\"/>"     /* 9 scientific: its E is no era year */
  "</cellXfs></styleSheet>";

static const char shared_strings_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\">"
  "<si><t>标题</t></si>"
  "<si><r><rPr><b/></rPr><t>关于</t></r><r><t xml:space=\"preserve\"> 修缮</t></r>"
  "<rPh sb=\"0\" eb=\"2\"><t>guanyu</t></rPh></si>"
  "<si><t>line_x000D_break _x005F_x0041_ ok</t></si>"
  "<si/>"
  "</sst>";

static const char hand_sheet_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<x:dimension ref=\"A1:F9\"/>"
  "<x:sheetData>"
  "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"C1\" t=\"s\"><x:v>1</x:v></x:c></x:row>"
  "<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r>"
  "<x:rPh><x:t>fu</x:t></x:rPh></x:is></x:c>"
  "<x:c r=\"B2\" s=\"1\"><x:v>45356</x:v></x:c>"
  "<x:c r=\"C2\" s=\"2\"><x:v>45351</x:v></x:c>"
  "<x:c r=\"D2\" s=\"3\"><x:v>45356.5</x:v></x:c>"
  "<x:c r=\"E2\" s=\"4\"><x:v>0.3541666666666667</x:v></x:c>"
  "<x:c r=\"F2\" s=\"5\"><x:v>1.5</x:v></x:c></x:row>"
  /* rows 3 and 4 hold nothing: one missing, one with a styled empty cell */
  "<x:row r=\"4\"><x:c r=\"A4\" s=\"1\"/><x:c r=\"B4\" t=\"s\"><x:v>3</x:v></x:c></x:row>"
  "<x:row r=\"5\"><x:c t=\"b\"><x:v>1</x:v></x:c><x:c t=\"b\"><x:v>0</x:v></x:c>"
  "<x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v>标题x</x:v></x:c>"
  "<x:c t=\"d\"><x:v>2024-03-05T00:00:00</x:v></x:c><x:c t=\"d\"><x:v>2024-03-05T08:30:00</x:v></x:c></x:row>"
  "<x:row><x:c s=\"1\"><x:v>1</x:v></x:c><x:c s=\"1\"><x:v>59</x:v></x:c><x:c s=\"1\"><x:v>61</x:v></x:c>"
  "<x:c s=\"6\"><x:v>-2.5</x:v></x:c><x:c s=\"7\"><x:v>45356</x:v></x:c><x:c s=\"8\"><x:v>45356</x:v></x:c>"
  "<x:c s=\"9\"><x:v>12345</x:v></x:c></x:row>"
  "<x:row r=\"9\"><x:c r=\"AB9\" t=\"s\"><x:v>2</x:v></x:c><x:c r=\"B9\"><x:v>13800138000</x:v></x:c>"
  "<x:c r=\"C9\"><x:f>1/3</x:f><x:v>0.33333333333333331</x:v></x:c><x:c r=\"D9\"><x:f>NOW()</x:f></x:c></x:row>"
  "</x:sheetData></x:worksheet>";

static GBytes *
make_hand_workbook (gboolean    date1904,
                    const char *sheet_xml)
{
  g_autofree char *workbook = make_workbook_xml (date1904);
  const char *entries[] = {
    "_rels/.rels", root_rels,
    "xl/workbook.xml", workbook,
    "xl/_rels/workbook.xml.rels", workbook_rels,
    "xl/styles.xml", styles_xml,
    "xl/sharedStrings.xml", shared_strings_xml,
    "xl/worksheets/sheet1.xml", sheet_xml,
    "xl/chartsheets/sheet1.xml", "<chartsheet/>",
    NULL,
  };

  return make_zip (entries);
}

static void
assert_cell (DdSheet    *sheet,
             guint       row,
             guint       col,
             DdCellType  type,
             const char *text)
{
  const DdCell *cell = dd_sheet_get_cell (sheet, row, col);

  if (cell->type != type || g_strcmp0 (cell->text, text) != 0)
    g_error ("row %u col %u: expected type %d “%s”, got type %d “%s”",
             row, col, type, text, cell->type, cell->text);
}

static void
assert_error_contains (GError     *error,
                       int         code,
                       const char *part)
{
  g_assert_error (error, DD_IO_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

/* Tests: workbooks written by libxlsxwriter */

static char *
write_office_workbook (void)
{
  char *path = tmp_path ("代表名单.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "代表名单");
  lxw_worksheet *ws2 = workbook_add_worksheet (wb, "站点");
  lxw_worksheet *ws3 = workbook_add_worksheet (wb, "隐藏");
  lxw_format *date = workbook_add_format (wb);
  lxw_format *cn_date = workbook_add_format (wb);
  lxw_format *date_time = workbook_add_format (wb);
  lxw_format *builtin = workbook_add_format (wb);
  lxw_format *money = workbook_add_format (wb);
  lxw_datetime when = { 2024, 3, 5, 8, 30, 0 };
  const char *headers[] = { "姓名", "层级", "手机", "出生日期", "在任", "得分", "登记时间", "备注" };

  format_set_num_format (date, "yyyy-mm-dd");
  format_set_num_format (cn_date, "yyyy\"年\"m\"月\"d\"日\"");
  format_set_num_format (date_time, "yyyy/m/d h:mm");
  format_set_num_format_index (builtin, 14);
  format_set_num_format (money, "#,##0.00 \"元\"");

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    worksheet_write_string (ws, 0, i, headers[i], NULL);

  worksheet_write_string (ws, 1, 0, "张三", NULL);
  worksheet_write_string (ws, 1, 1, "县级", NULL);
  worksheet_write_string (ws, 1, 2, "13800138000", NULL);
  worksheet_write_number (ws, 1, 3, 29285, date);          /* 1980-03-05 */
  worksheet_write_boolean (ws, 1, 4, 1, NULL);
  worksheet_write_number (ws, 1, 5, 92.5, NULL);
  worksheet_write_datetime (ws, 1, 6, &when, date_time);
  worksheet_write_string (ws, 1, 7, "第一行\n第二行", NULL);

  /* Row 3 left out; row 4 with gaps */
  worksheet_write_string (ws, 3, 0, "李四", NULL);
  worksheet_write_number (ws, 3, 2, 13900139000.0, NULL);
  worksheet_write_number (ws, 3, 3, 45356, cn_date);
  worksheet_write_boolean (ws, 3, 4, 0, NULL);
  worksheet_write_formula_num (ws, 3, 5, "=F2-0.5", money, 92);
  worksheet_write_number (ws, 3, 6, 45356, builtin);

  worksheet_write_string (ws2, 0, 0, "站点名称", NULL);
  worksheet_write_string (ws2, 1, 0, "城关镇代表联络站", NULL);
  worksheet_write_formula_str (ws2, 1, 1, "=A2&\"\"", NULL, "城关镇代表联络站");

  worksheet_write_string (ws3, 0, 0, "secret", NULL);
  worksheet_activate (ws);

  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

static void
test_read_office (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_office_workbook ();
  g_autoptr(DdSheet) sheet = NULL;
  g_auto(GStrv) names = NULL;
  const char * const expected_names[] = { "代表名单", "站点", "隐藏", NULL };

  names = dd_xlsx_list_sheets (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (names, expected_names);

  sheet = dd_xlsx_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dd_sheet_get_title (sheet), ==, "代表名单");
  g_assert_cmpstr (dd_sheet_get_source_name (sheet), ==, "代表名单.xlsx");
  g_assert_cmpuint (dd_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (dd_sheet_get_n_cols (sheet), ==, 8);

  assert_cell (sheet, 0, 0, DD_CELL_TEXT, "姓名");
  assert_cell (sheet, 0, 7, DD_CELL_TEXT, "备注");
  assert_cell (sheet, 1, 0, DD_CELL_TEXT, "张三");
  assert_cell (sheet, 1, 2, DD_CELL_TEXT, "13800138000");
  assert_cell (sheet, 1, 3, DD_CELL_DATE, "1980-03-05");
  assert_cell (sheet, 1, 4, DD_CELL_BOOL, "TRUE");
  assert_cell (sheet, 1, 5, DD_CELL_NUMBER, "92.5");
  g_assert_cmpfloat (dd_sheet_get_cell (sheet, 1, 5)->number, ==, 92.5);
  assert_cell (sheet, 1, 6, DD_CELL_DATE, "2024-03-05 08:30:00");
  assert_cell (sheet, 1, 7, DD_CELL_TEXT, "第一行\n第二行");

  /* The sheet's row 4 (row 3 missing): gaps are empty cells */
  g_assert_cmpuint (dd_sheet_get_source_row (sheet, 2), ==, 4);
  assert_cell (sheet, 2, 0, DD_CELL_TEXT, "李四");
  assert_cell (sheet, 2, 1, DD_CELL_EMPTY, "");
  assert_cell (sheet, 2, 2, DD_CELL_NUMBER, "13900139000");
  assert_cell (sheet, 2, 3, DD_CELL_DATE, "2024-03-05");
  g_assert_cmpfloat (dd_sheet_get_cell (sheet, 2, 3)->number, ==, 45356);
  assert_cell (sheet, 2, 4, DD_CELL_BOOL, "FALSE");
  assert_cell (sheet, 2, 5, DD_CELL_NUMBER, "92");   /* the formula's cached value */
  assert_cell (sheet, 2, 6, DD_CELL_DATE, "2024-03-05");
  assert_cell (sheet, 2, 7, DD_CELL_EMPTY, "");
  g_clear_pointer (&sheet, dd_sheet_unref);

  sheet = dd_xlsx_read_file (path, "站点", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dd_sheet_get_n_rows (sheet), ==, 2);
  assert_cell (sheet, 1, 0, DD_CELL_TEXT, "城关镇代表联络站");
  assert_cell (sheet, 1, 1, DD_CELL_TEXT, "城关镇代表联络站");
  g_clear_pointer (&sheet, dd_sheet_unref);

  sheet = dd_xlsx_read_file (path, "无此表", &error);
  g_assert_null (sheet);
  assert_error_contains (error, DD_IO_ERROR_NO_SHEET, "“代表名单.xlsx” has no sheet named “无此表”");

  g_unlink (path);
}

static void
test_first_visible (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("hidden-first.xlsx");
  g_autoptr(DdSheet) sheet = NULL;
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *hidden = workbook_add_worksheet (wb, "说明");
  lxw_worksheet *data = workbook_add_worksheet (wb, "数据");

  worksheet_write_string (hidden, 0, 0, "hidden notes", NULL);
  worksheet_write_string (data, 0, 0, "数据", NULL);
  worksheet_activate (data);
  worksheet_hide (hidden);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  /* Without a name: the first sheet the user can see */
  sheet = dd_xlsx_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dd_sheet_get_title (sheet), ==, "数据");
  g_clear_pointer (&sheet, dd_sheet_unref);

  sheet = dd_xlsx_read_file (path, "说明", &error);
  g_assert_no_error (error);
  assert_cell (sheet, 0, 0, DD_CELL_TEXT, "hidden notes");
  g_unlink (path);
}

/* Files other programs wrote, kept as fuzzing seeds */
static void
test_read_others (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lo_path = g_build_filename (IO_CORPUS_DIR, "xlsx", "libreoffice.xlsx", NULL);
  g_autofree char *lxw_path = g_build_filename (IO_CORPUS_DIR, "xlsx", "libxlsxwriter.xlsx", NULL);
  g_autoptr(DdSheet) sheet = NULL;
  g_auto(GStrv) names = NULL;

  /* LibreOffice 7.4 saving deputies-utf8.csv as XLSX: the phone became a number */
  sheet = dd_xlsx_read_file (lo_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dd_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (dd_sheet_get_n_cols (sheet), ==, 4);
  assert_cell (sheet, 0, 0, DD_CELL_TEXT, "姓名");
  assert_cell (sheet, 0, 3, DD_CELL_TEXT, "选区");
  assert_cell (sheet, 1, 0, DD_CELL_TEXT, "张三");
  assert_cell (sheet, 1, 2, DD_CELL_NUMBER, "13800138000");
  assert_cell (sheet, 2, 2, DD_CELL_EMPTY, "");
  assert_cell (sheet, 2, 3, DD_CELL_TEXT, "第二选区");
  g_clear_pointer (&sheet, dd_sheet_unref);

  names = dd_xlsx_list_sheets (lxw_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "代表");
  sheet = dd_xlsx_read_file (lxw_path, NULL, &error);
  g_assert_no_error (error);
  assert_cell (sheet, 1, 0, DD_CELL_TEXT, "张三");
  g_assert_cmpuint (dd_sheet_get_source_row (sheet, 1), ==, 3);
  assert_cell (sheet, 1, 2, DD_CELL_DATE, "1980-03-05");
  assert_cell (sheet, 1, 3, DD_CELL_BOOL, "FALSE");
  assert_cell (sheet, 1, 4, DD_CELL_NUMBER, "2");
  assert_cell (sheet, 1, 5, DD_CELL_TEXT, "张三");
}

/* Tests: workbooks made by hand */

static void
test_read_hand (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = make_hand_workbook (FALSE, hand_sheet_xml);
  g_autoptr(DdSheet) sheet = NULL;
  g_auto(GStrv) names = NULL;
  const char * const expected_names[] = { "手工", "图表", "缺失", NULL };

  names = dd_xlsx_list_sheets_bytes (bytes, "hand.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (names, expected_names);

  sheet = dd_xlsx_read_bytes (bytes, "hand.xlsx", NULL, &error);
  g_assert_no_error (error);
  /* Row 4 holds no value (a styled empty cell, an empty string): skipped */
  g_assert_cmpuint (dd_sheet_get_n_rows (sheet), ==, 5);
  g_assert_cmpuint (dd_sheet_get_n_cols (sheet), ==, 28);

  assert_cell (sheet, 0, 0, DD_CELL_TEXT, "标题");
  assert_cell (sheet, 0, 1, DD_CELL_EMPTY, "");
  assert_cell (sheet, 0, 2, DD_CELL_TEXT, "关于 修缮");    /* runs joined, phonetic left out */

  assert_cell (sheet, 1, 0, DD_CELL_TEXT, "富文本");
  assert_cell (sheet, 1, 1, DD_CELL_DATE, "2024-03-05");
  assert_cell (sheet, 1, 2, DD_CELL_DATE, "2024-02-29");
  assert_cell (sheet, 1, 3, DD_CELL_DATE, "2024-03-05 12:00:00");
  assert_cell (sheet, 1, 4, DD_CELL_NUMBER, "08:30:00");   /* a time of day stays a number */
  g_assert_cmpfloat_with_epsilon (dd_sheet_get_cell (sheet, 1, 4)->number, 0.3541666666666667, 1e-12);
  assert_cell (sheet, 1, 5, DD_CELL_NUMBER, "1.5");        /* [h]:mm is a duration */

  g_assert_cmpuint (dd_sheet_get_source_row (sheet, 2), ==, 5);
  assert_cell (sheet, 2, 0, DD_CELL_BOOL, "TRUE");
  assert_cell (sheet, 2, 1, DD_CELL_BOOL, "FALSE");
  assert_cell (sheet, 2, 2, DD_CELL_TEXT, "#N/A");
  assert_cell (sheet, 2, 3, DD_CELL_TEXT, "标题x");
  assert_cell (sheet, 2, 4, DD_CELL_DATE, "2024-03-05");
  assert_cell (sheet, 2, 5, DD_CELL_DATE, "2024-03-05 08:30:00");

  /* A row without r follows row 5; serials before March 1900 */
  g_assert_cmpuint (dd_sheet_get_source_row (sheet, 3), ==, 6);
  assert_cell (sheet, 3, 0, DD_CELL_DATE, "1900-01-01");
  assert_cell (sheet, 3, 1, DD_CELL_DATE, "1900-02-28");
  assert_cell (sheet, 3, 2, DD_CELL_DATE, "1900-03-01");
  assert_cell (sheet, 3, 3, DD_CELL_NUMBER, "-2.5");
  assert_cell (sheet, 3, 4, DD_CELL_DATE, "2024-03-05");
  assert_cell (sheet, 3, 5, DD_CELL_DATE, "2024-03-05");
  assert_cell (sheet, 3, 6, DD_CELL_NUMBER, "12345");

  g_assert_cmpuint (dd_sheet_get_source_row (sheet, 4), ==, 9);
  assert_cell (sheet, 4, 27, DD_CELL_TEXT, "line\rbreak _x0041_ ok");
  assert_cell (sheet, 4, 1, DD_CELL_NUMBER, "13800138000");
  g_assert_cmpfloat (dd_sheet_get_cell (sheet, 4, 2)->number, ==, 1.0 / 3);
  assert_cell (sheet, 4, 3, DD_CELL_EMPTY, "");            /* a formula never computed */

  g_clear_pointer (&sheet, dd_sheet_unref);

  sheet = dd_xlsx_read_bytes (bytes, "hand.xlsx", "图表", &error);
  g_assert_null (sheet);
  assert_error_contains (error, DD_IO_ERROR_NO_SHEET, "is a chart");
  g_clear_error (&error);

  sheet = dd_xlsx_read_bytes (bytes, "hand.xlsx", "缺失", &error);
  g_assert_null (sheet);
  assert_error_contains (error, DD_IO_ERROR_CORRUPT, "xl/worksheets/missing.xml is missing");
}

static void
test_date1904 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = make_hand_workbook (TRUE,
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c s=\"1\"><v>0</v></c><c s=\"1\"><v>43894</v></c><c s=\"3\"><v>43894.75</v></c></row>"
    "</sheetData></worksheet>");
  g_autoptr(DdSheet) sheet = dd_xlsx_read_bytes (bytes, "mac.xlsx", NULL, &error);

  g_assert_no_error (error);
  assert_cell (sheet, 0, 0, DD_CELL_DATE, "1904-01-01");
  assert_cell (sheet, 0, 1, DD_CELL_DATE, "2024-03-05");
  /* The serial is always the 1900 system's */
  g_assert_cmpfloat (dd_sheet_get_cell (sheet, 0, 1)->number, ==, 45356);
  assert_cell (sheet, 0, 2, DD_CELL_DATE, "2024-03-05 18:00:00");
}

static void
test_bad_files (void)
{
  static const char xls[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0";
  g_autoptr(GBytes) good = make_hand_workbook (FALSE, hand_sheet_xml);
  const char *no_workbook[] = { "readme.txt", "hello", NULL };
  const char *bad_xml[] = {
    "_rels/.rels", root_rels,
    "xl/workbook.xml", "<workbook><sheets><sheet name=\"A\" r:id=\"rId1\" xmlns:r=\"" REL_NS_FOR_TEST "\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", workbook_rels,
    "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>",
    NULL,
  };
  const char *bad_index[] = {
    "_rels/.rels", root_rels,
    "xl/workbook.xml", "<workbook><sheets><sheet name=\"A\" r:id=\"rId1\" xmlns:r=\"" REL_NS_FOR_TEST "\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", workbook_rels,
    "xl/sharedStrings.xml", shared_strings_xml,
    "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"7\"><c r=\"C7\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
    NULL,
  };
  const char *empty_sheet[] = {
    "_rels/.rels", root_rels,
    "xl/workbook.xml", "<workbook><sheets><sheet name=\"空\" r:id=\"rId1\" xmlns:r=\"" REL_NS_FOR_TEST "\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", workbook_rels,
    "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"/></row></sheetData></worksheet>",
    NULL,
  };
  struct {
    GBytes     *bytes;
    int         code;
    const char *says;
  } cases[] = {
    { g_bytes_new_static ("", 0), DD_IO_ERROR_EMPTY, "“bad.xlsx” is empty" },
    { g_bytes_new_static ("姓名,层级\n张三,县级\n", strlen ("姓名,层级\n张三,县级\n")), DD_IO_ERROR_NOT_XLSX, "“bad.xlsx” is not an Excel workbook" },
    { g_bytes_new_static (xls, sizeof xls - 1), DD_IO_ERROR_NOT_XLSX, "(.xls)" },
    { make_zip (no_workbook), DD_IO_ERROR_NOT_XLSX, "a zip archive but not an Excel workbook" },
    { g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2), DD_IO_ERROR_CORRUPT, "“bad.xlsx” is damaged or incomplete" },
    { make_zip (bad_xml), DD_IO_ERROR_CORRUPT, "its part xl/worksheets/sheet1.xml cannot be read" },
    { make_zip (bad_index), DD_IO_ERROR_CORRUPT, "cell C7 of the sheet “A”" },
    { make_zip (empty_sheet), DD_IO_ERROR_EMPTY, "The sheet “空” of “bad.xlsx” is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DdSheet) sheet = dd_xlsx_read_bytes (cases[i].bytes, "bad.xlsx", NULL, &error);

      g_test_message ("case %u", i);
      g_assert_null (sheet);
      assert_error_contains (error, cases[i].code, cases[i].says);
      g_bytes_unref (cases[i].bytes);
    }
}

static void
test_zip_bomb (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData>");
  const char *entries[] = {
    "_rels/.rels", root_rels,
    "xl/workbook.xml", "<workbook><sheets><sheet name=\"A\" r:id=\"rId1\" xmlns:r=\"" REL_NS_FOR_TEST "\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", workbook_rels,
    "xl/worksheets/sheet1.xml", NULL,
    NULL,
  };

  /* 4 MB of whitespace packs into a few kilobytes */
  for (guint i = 0; i < 4 * 1024; i++)
    g_string_append_printf (xml, "%1024s", "");
  g_string_append (xml, "<row><c><v>1</v></c></row></sheetData></worksheet>");
  entries[7] = xml->str;
  bytes = make_zip (entries);
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 64 * 1024);

  dd_xlsx_set_part_limit (1024 * 1024);
  sheet = dd_xlsx_read_bytes (bytes, "bomb.xlsx", NULL, &error);
  dd_xlsx_set_part_limit (0);
  g_assert_null (sheet);
  assert_error_contains (error, DD_IO_ERROR_TOO_LARGE, "its part xl/worksheets/sheet1.xml unpacks to more than");
  g_clear_error (&error);

  /* Under the real limit it is just a sheet with a lot of space */
  sheet = dd_xlsx_read_bytes (bytes, "bomb.xlsx", NULL, &error);
  g_assert_no_error (error);
  assert_cell (sheet, 0, 0, DD_CELL_NUMBER, "1");
}

/* Tests: our writer */

static DdSheet *
make_export_sheet (void)
{
  const char * const headers[] = { "标题", "编号", "登记日期", "办结时间", "已办结", "备注", "很长的中文列标题用来测宽度", NULL };
  DdSheet *sheet = dd_sheet_new (headers);
  guint row;

  dd_sheet_set_title (sheet, "建议/2024");

  row = dd_sheet_append_row (sheet);
  dd_sheet_set_text (sheet, row, 0, "关于修缮“幸福桥”的建议");
  dd_sheet_set_number (sheet, row, 1, 12);
  g_assert_true (dd_sheet_set_date (sheet, row, 2, "2024-03-05"));
  g_assert_true (dd_sheet_set_date (sheet, row, 3, "2024-12-31 08:30:00"));
  dd_sheet_set_bool (sheet, row, 4, TRUE);
  dd_sheet_set_text (sheet, row, 5, "第一行\n第二行");

  row = dd_sheet_append_row (sheet);
  dd_sheet_set_text (sheet, row, 0, "plain");
  dd_sheet_set_number (sheet, row, 1, -0.125);
  g_assert_true (dd_sheet_set_date (sheet, row, 2, "1900-01-01"));
  dd_sheet_set_bool (sheet, row, 4, FALSE);
  /* 3, 5, 6 left empty */

  row = dd_sheet_append_row (sheet);
  dd_sheet_set_text (sheet, row, 0, "13800138000");
  dd_sheet_set_number (sheet, row, 1, 13800138000.0);
  g_assert_true (dd_sheet_set_date (sheet, row, 2, "1899-06-01"));   /* before Excel's dates */
  g_assert_true (dd_sheet_set_date (sheet, row, 3, "2024-02-29 23:59:59"));

  return sheet;
}

static void
test_write_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = make_export_sheet ();
  g_autoptr(DdSheet) back = NULL;
  g_autofree char *path = tmp_path ("导出.xlsx");

  g_assert_true (dd_xlsx_write_file (sheet, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  back = dd_xlsx_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dd_sheet_get_title (back), ==, "建议_2024");
  g_assert_cmpuint (dd_sheet_get_n_rows (back), ==, dd_sheet_get_n_rows (sheet));
  g_assert_cmpuint (dd_sheet_get_n_cols (back), ==, dd_sheet_get_n_cols (sheet));
  for (guint row = 0; row < dd_sheet_get_n_rows (sheet); row++)
    for (guint col = 0; col < dd_sheet_get_n_cols (sheet); col++)
      {
        const DdCell *a = dd_sheet_get_cell (sheet, row, col);
        const DdCell *b = dd_sheet_get_cell (back, row, col);

        /* A date before 1900 can only be written as its text */
        if (row == 3 && col == 2)
          {
            assert_cell (back, row, col, DD_CELL_TEXT, "1899-06-01");
            continue;
          }
        /* libxlsxwriter writes 16 significant digits: a time of day may
         * come back a few units in the last place away, never a second off */
        if (a->type != b->type || strcmp (a->text, b->text) != 0 ||
            fabs (a->number - b->number) > 1e-15 * MAX (1.0, fabs (a->number)))
          g_error ("row %u col %u: wrote %d “%s” %g, read %d “%s” %g",
                   row, col, a->type, a->text, a->number, b->type, b->text, b->number);
      }
  g_unlink (path);
}

static char *
read_zip_entry (const char *path,
                const char *entry)
{
  int zerr = 0;
  zip_t *za = zip_open (path, ZIP_RDONLY, &zerr);
  zip_file_t *zf;
  zip_stat_t st;
  char *text;

  g_assert_nonnull (za);
  g_assert_cmpint (zip_stat (za, entry, 0, &st), ==, 0);
  zf = zip_fopen (za, entry, 0);
  g_assert_nonnull (zf);
  text = g_malloc0 (st.size + 1);
  g_assert_cmpint (zip_fread (zf, text, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (zf);
  zip_discard (za);
  return text;
}

static double
column_width (const char *xml,
              guint       col)
{
  g_autofree char *needle = g_strdup_printf ("<col min=\"%u\" max=\"%u\" width=\"", col + 1, col + 1);
  const char *p = strstr (xml, needle);

  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (needle), NULL);
}

static void
test_write_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = make_export_sheet ();
  g_autofree char *path = tmp_path ("layout.xlsx");
  g_autofree char *xml = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *workbook = NULL;

  dd_sheet_set_column_width (sheet, 5, 33);
  g_assert_true (dd_xlsx_write_file (sheet, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  xml = read_zip_entry (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (xml, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
  g_assert_nonnull (strstr (xml, "<autoFilter ref=\"A1:G4\"/>"));
  /* 11 wide characters (22) in column A; 13 in the header of G (26 + 2 for the button) */
  g_assert_cmpfloat (column_width (xml, 0), >=, 22);
  g_assert_cmpfloat (column_width (xml, 0), <, 26);
  g_assert_cmpfloat (column_width (xml, 6), >=, 28);
  /* libxlsxwriter adds Excel's padding to a width as set */
  g_assert_cmpfloat (column_width (xml, 5), >=, 33);
  g_assert_cmpfloat (column_width (xml, 5), <, 34);
  /* Dates as numbers with the date format: 2024-03-05 is 45356 */
  g_assert_nonnull (strstr (xml, "<v>45356</v>"));

  styles = read_zip_entry (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "formatCode=\"yyyy\\-mm\\-dd\"") != NULL ? styles : strstr (styles, "formatCode=\"yyyy-mm-dd\""));
  g_assert_nonnull (strstr (styles, "<b/>"));

  workbook = read_zip_entry (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"建议_2024\""));
  g_unlink (path);
}

static void
test_write_sheets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("sheets.xlsx");
  g_autoptr(DdSheet) a = make_export_sheet ();
  g_autoptr(DdSheet) b = make_export_sheet ();
  g_autoptr(DdSheet) c = make_export_sheet ();
  g_autoptr(DdSheet) d = make_export_sheet ();
  DdSheet *sheets[4];
  g_auto(GStrv) names = NULL;
  const char * const expected[] = {
    "建议_2024", "建议_2024 (2)", "'引号'开头的很长很长很长很长很长的工作表名称", "Sheet4", NULL
  };
  const char * const expected_written[] = {
    "建议_2024", "建议_2024 (2)", "引号'开头的很长很长很长很长很长的工作表名称", "Sheet4", NULL
  };

  dd_sheet_set_title (c, expected[2]);
  dd_sheet_set_title (d, NULL);
  sheets[0] = a;
  sheets[1] = b;
  sheets[2] = c;
  sheets[3] = d;
  g_assert_true (dd_xlsx_write_sheets_file (sheets, 4, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  names = dd_xlsx_list_sheets (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 4);
  g_assert_cmpstr (names[0], ==, expected_written[0]);
  g_assert_cmpstr (names[1], ==, expected_written[1]);
  g_assert_cmpint (g_utf8_strlen (names[2], -1), <=, 31);
  g_assert_true (g_str_has_prefix (names[2], "引号'开头"));
  g_assert_cmpstr (names[3], ==, expected_written[3]);
  g_unlink (path);
}

typedef struct
{
  guint          calls;
  guint          last;
  guint          cancel_at;
  GCancellable  *cancellable;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, >, p->last);
  g_assert_cmpuint (done, <=, total);
  p->calls++;
  p->last = done;
  if (p->cancel_at > 0 && done >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static DdSheet *
make_big_sheet (guint n_rows)
{
  const char * const headers[] = { "标题", "编号", "登记日期", "已办结", "领衔代表", NULL };
  DdSheet *sheet = dd_sheet_new (headers);

  for (guint i = 1; i <= n_rows; i++)
    {
      guint row = dd_sheet_append_row (sheet);
      g_autofree char *title = g_strdup_printf ("关于第%u条道路修缮的建议", i);

      dd_sheet_set_text (sheet, row, 0, title);
      dd_sheet_set_number (sheet, row, 1, i);
      dd_sheet_set_date_serial (sheet, row, 2, 45292 + i % 366, FALSE);
      dd_sheet_set_bool (sheet, row, 3, i % 2);
      dd_sheet_set_text (sheet, row, 4, i % 3 ? "张三" : "李四");
    }
  return sheet;
}

static void
test_write_many (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = make_big_sheet (100000);
  g_autoptr(DdSheet) back = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = tmp_path ("many.xlsx");
  g_autofree char *old = NULL;
  g_autoptr(GDir) dir = NULL;
  Progress progress = { 0, 0, 5000, cancellable };
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* Cancelled halfway: the old file stays, no temporary file is left */
  g_assert_false (dd_xlsx_write_file (sheet, path, cancellable, on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (progress.last, ==, 5000);
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "old");
  dir = g_dir_open (tmp_dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  progress = (Progress) { 0, 0, 0, NULL };
  g_assert_true (dd_xlsx_write_file (sheet, path, NULL, on_progress, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.last, ==, 100001);
  g_assert_cmpuint (progress.calls, ==, 101);

  back = dd_xlsx_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dd_sheet_get_n_rows (back), ==, 100001);
  assert_cell (back, 100000, 0, DD_CELL_TEXT, "关于第100000条道路修缮的建议");
  assert_cell (back, 100000, 1, DD_CELL_NUMBER, "100000");
  g_assert_cmpint (dd_sheet_get_cell (back, 100000, 2)->type, ==, DD_CELL_DATE);
  g_assert_cmpfloat (dd_sheet_get_cell (back, 100000, 2)->number, ==, 45292 + 100000 % 366);
  g_unlink (path);
}

static void
test_write_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = make_export_sheet ();
  g_autofree char *path = tmp_path ("long.xlsx");
  g_autofree char *long_text = NULL;

  g_assert_false (dd_xlsx_write_file (sheet, "/nonexistent/x.xlsx", NULL, NULL, NULL, &error));
  assert_error_contains (error, DD_IO_ERROR_IO, "Could not write “x.xlsx”");
  g_clear_error (&error);

  /* A cell that is not UTF-8 is written mended, the workbook still readable */
  {
    g_autoptr(DdSheet) back = NULL;

    dd_sheet_set_text (sheet, 2, 5, "bad\xff\xf0");
    g_assert_true (dd_xlsx_write_file (sheet, path, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    back = dd_xlsx_read_file (path, NULL, &error);
    g_assert_no_error (error);
    assert_cell (back, 2, 5, DD_CELL_TEXT, "bad\xef\xbf\xbd\xef\xbf\xbd");
    g_unlink (path);
  }

  long_text = g_strnfill (32768, 'x');
  dd_sheet_set_text (sheet, 2, 5, long_text);
  g_assert_false (dd_xlsx_write_file (sheet, path, NULL, NULL, NULL, &error));
  assert_error_contains (error, DD_IO_ERROR_TOO_LARGE, "cell F3 holds more than 32767 characters");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* LibreOffice reads what we write: Chinese text, dates as dates */
static void
test_libreoffice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = make_export_sheet ();
  g_autofree char *office = g_find_program_in_path ("soffice");
  g_autofree char *path = tmp_path ("lo.xlsx");
  g_autofree char *csv_path = tmp_path ("lo.csv");
  g_autofree char *profile = tmp_path ("lo-profile");
  g_autofree char *profile_uri = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = NULL;
  int status = 0;

  if (office == NULL)
    office = g_find_program_in_path ("libreoffice");
  if (office == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  g_assert_true (dd_xlsx_write_file (sheet, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  {
    g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
    /* 44 = comma, 34 = quote, 76 = UTF-8 */
    const char *argv[] = {
      office, env_arg, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
      "--outdir", tmp_dir, path, NULL
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
  }
  if (!g_file_get_contents (csv_path, &csv, NULL, NULL))
    g_error ("LibreOffice wrote no CSV (status %d): %s %s", status, out, err);

  g_test_message ("LibreOffice: %s", csv);
  g_assert_nonnull (strstr (csv, "标题,编号,登记日期,办结时间,已办结,备注"));
  g_assert_nonnull (strstr (csv, "关于修缮“幸福桥”的建议,12,2024-03-05,2024-12-31 08:30:00,TRUE,\"第一行\n第二行\""));
  /* January and February 1900 aside: there LibreOffice, unlike Excel, does
   * not count the 29 February 1900 that never was (it shows 1899-12-31) */
  g_assert_nonnull (strstr (csv, "plain,-0.125,"));
  g_assert_nonnull (strstr (csv, "13800138000,13800138000,1899-06-01,2024-02-29 23:59:59"));

  g_unlink (path);
  g_unlink (csv_path);
  {
    const char *rm[] = { "rm", "-rf", profile, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("dd-xlsx-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/xlsx/read-office", test_read_office);
  g_test_add_func ("/xlsx/first-visible", test_first_visible);
  g_test_add_func ("/xlsx/read-others", test_read_others);
  g_test_add_func ("/xlsx/read-hand", test_read_hand);
  g_test_add_func ("/xlsx/date1904", test_date1904);
  g_test_add_func ("/xlsx/bad-files", test_bad_files);
  g_test_add_func ("/xlsx/zip-bomb", test_zip_bomb);
  g_test_add_func ("/xlsx/write-round-trip", test_write_round_trip);
  g_test_add_func ("/xlsx/write-layout", test_write_layout);
  g_test_add_func ("/xlsx/write-sheets", test_write_sheets);
  g_test_add_func ("/xlsx/write-many", test_write_many);
  g_test_add_func ("/xlsx/write-errors", test_write_errors);
  g_test_add_func ("/xlsx/libreoffice", test_libreoffice);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
