/* fuzz-xlsx.c: libFuzzer target for the XLSX reader
 *
 * An input that starts like a zip is taken as the workbook; any other is
 * split at lines "====" into the XML of a sheet, its shared strings, its
 * styles and (optionally) its workbook, zipped here, so that the fuzzer's
 * changes reach the XML rather than dying on the zip's checksums. Every
 * workbook is opened: its sheets listed, the first visible
 * one and each listed sheet (up to four) read; whatever reads must be valid
 * UTF-8, dates must be ISO dates that give back their serial, and every
 * failure a DD_IO_ERROR. A part is cut off at 8 MB unpacked, so a zip bomb
 * ends quickly as an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dd-io-error.h"
#include "dd-io-private.h"
#include "dd-xlsx-reader.h"

#include <zip.h>

#define PART_SEPARATOR "\n====\n"

static const char default_workbook[] =
  "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>";

static const char root_rels[] =
  "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

static const char workbook_rels[] =
  "<Relationships>"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_sheet (DdSheet *sheet)
{
  guint n_rows = dd_sheet_get_n_rows (sheet);
  guint n_cols = dd_sheet_get_n_cols (sheet);

  g_assert_cmpuint (n_rows, >, 0);
  g_assert_true (g_utf8_validate (dd_sheet_get_title (sheet), -1, NULL));
  for (guint row = 0; row < n_rows; row++)
    {
      g_assert_cmpuint (dd_sheet_get_source_row (sheet, row), >, 0);
      for (guint col = 0; col < n_cols; col++)
        {
          const DdCell *cell = dd_sheet_get_cell (sheet, row, col);
          double serial;

          g_assert_nonnull (cell->text);
          g_assert_true (g_utf8_validate (cell->text, -1, NULL));
          switch (cell->type)
            {
            case DD_CELL_EMPTY:
              g_assert_cmpstr (cell->text, ==, "");
              break;
            case DD_CELL_DATE:
              g_assert_true (dd_sheet_date_to_serial (cell->text, &serial, NULL));
              g_assert_cmpfloat (fabs (serial - cell->number), <=, 1.0);
              break;
            case DD_CELL_BOOL:
              g_assert_true (cell->number == 0 || cell->number == 1);
              break;
            case DD_CELL_NUMBER:
              g_assert_true (isfinite (cell->number));
              break;
            case DD_CELL_TEXT:
            default:
              g_assert_cmpint (cell->type, ==, DD_CELL_TEXT);
              break;
            }
        }
    }
}

static void
read_sheet (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSheet) sheet = dd_xlsx_read_bytes (bytes, "fuzz.xlsx", name, &error);

  if (sheet == NULL)
    {
      g_assert_true (error != NULL && error->domain == DD_IO_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  check_sheet (sheet);
}

/* The parts of @data zipped (stored, not compressed) */
static GBytes *
zip_parts (const uint8_t *data,
           size_t         size)
{
  static const char *names[] = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
  };
  const char *parts[G_N_ELEMENTS (names)] = { NULL, NULL, NULL, default_workbook };
  gsize lens[G_N_ELEMENTS (names)] = { 0, 0, 0, sizeof default_workbook - 1 };
  const char *p = (const char *) data, *end = p + size;
  zip_error_t zerr;
  zip_source_t *source;
  zip_t *za;
  zip_int64_t len;
  char *out;

  for (guint i = 0; i < G_N_ELEMENTS (names) && p <= end; i++)
    {
      const char *sep = g_strstr_len (p, end - p, PART_SEPARATOR);

      parts[i] = p;
      lens[i] = (sep != NULL ? sep : end) - p;
      if (sep == NULL)
        break;
      p = sep + strlen (PART_SEPARATOR);
    }

  zip_error_init (&zerr);
  source = zip_source_buffer_create (NULL, 0, 0, &zerr);
  g_assert_nonnull (source);
  za = zip_open_from_source (source, ZIP_TRUNCATE, &zerr);
  g_assert_nonnull (za);
  zip_source_keep (source);

  zip_file_add (za, "_rels/.rels", zip_source_buffer (za, root_rels, strlen (root_rels), 0), 0);
  zip_file_add (za, "xl/_rels/workbook.xml.rels", zip_source_buffer (za, workbook_rels, strlen (workbook_rels), 0), 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (parts[i] != NULL)
      {
        zip_int64_t index = zip_file_add (za, names[i], zip_source_buffer (za, parts[i], lens[i], 0), 0);

        g_assert_cmpint (index, >=, 0);
        zip_set_file_compression (za, index, ZIP_CM_STORE, 0);
      }
  g_assert_cmpint (zip_close (za), ==, 0);

  g_assert_cmpint (zip_source_open (source), ==, 0);
  zip_source_seek (source, 0, SEEK_END);
  len = zip_source_tell (source);
  zip_source_seek (source, 0, SEEK_SET);
  out = g_malloc (len);
  g_assert_cmpint (zip_source_read (source, out, len), ==, len);
  zip_source_close (source);
  zip_source_free (source);
  zip_error_fini (&zerr);
  return g_bytes_new_take (out, len);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  dd_xlsx_set_part_limit (8 * 1024 * 1024);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    bytes = g_bytes_new_static (data, size);
  else
    bytes = zip_parts (data, size);

  names = dd_xlsx_list_sheets_bytes (bytes, "fuzz.xlsx", &error);
  if (names == NULL)
    {
      g_assert_true (error != NULL && error->domain == DD_IO_ERROR);
      return 0;
    }

  read_sheet (bytes, NULL);
  for (guint i = 0; names[i] != NULL && i < 4; i++)
    {
      g_assert_true (g_utf8_validate (names[i], -1, NULL));
      read_sheet (bytes, names[i]);
    }
  return 0;
}
