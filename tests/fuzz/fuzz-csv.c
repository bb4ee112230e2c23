/* fuzz-csv.c: libFuzzer target for the CSV reader and writer
 *
 * Every input is read with the encoding detected and with each encoding
 * forced, delimiter guessed; whatever reads must be valid UTF-8 with source
 * rows in order, and must come back the same after the writer (UTF-8 with
 * BOM and GB18030) and the reader again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dd-csv.h"
#include "dd-io-error.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_sheet (DdSheet *sheet)
{
  guint n_rows = dd_sheet_get_n_rows (sheet);
  guint n_cols = dd_sheet_get_n_cols (sheet);
  guint last_source = 0;

  g_assert_cmpuint (n_rows, >, 0);
  for (guint row = 0; row < n_rows; row++)
    {
      guint source = dd_sheet_get_source_row (sheet, row);

      g_assert_cmpuint (source, >, last_source);
      last_source = source;
      g_assert_cmpuint (dd_sheet_get_row_n_cells (sheet, row), <=, n_cols);
      for (guint col = 0; col < n_cols; col++)
        {
          const DdCell *cell = dd_sheet_get_cell (sheet, row, col);

          g_assert_nonnull (cell->text);
          g_assert_true (g_utf8_validate (cell->text, -1, NULL));
          g_assert_true (cell->type == DD_CELL_TEXT || cell->type == DD_CELL_EMPTY);
          g_assert_true ((cell->type == DD_CELL_EMPTY) == (cell->text[0] == '\0'));
        }
    }
}

static void
check_round_trip (DdSheet       *sheet,
                  DdCsvEncoding  encoding,
                  char           delimiter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DdSheet) back = NULL;
  DdCsvEncoding detected;

  bytes = dd_csv_write_bytes (sheet, encoding, delimiter, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Read back as the user would choose it: detection alone may take
   * GB18030 text for UTF-8 (when it is valid as both, or starts with the
   * bytes of a BOM) */
  back = dd_csv_read_bytes (bytes, "back.csv", encoding, delimiter, &detected, NULL, &error);
  if (back == NULL && g_error_matches (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE))
    return;
  g_assert_no_error (error);
  g_assert_cmpint (detected, ==, encoding);
  if (encoding == DD_CSV_ENCODING_UTF8)
    {
      g_autoptr(DdSheet) detected_back = NULL;

      /* Our BOM makes detection certain */
      detected_back = dd_csv_read_bytes (bytes, "back.csv", DD_CSV_ENCODING_AUTO, delimiter, &detected, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (detected, ==, DD_CSV_ENCODING_UTF8);
      g_assert_cmpuint (dd_sheet_get_n_rows (detected_back), ==, dd_sheet_get_n_rows (sheet));
    }

  g_assert_cmpuint (dd_sheet_get_n_rows (back), ==, dd_sheet_get_n_rows (sheet));
  g_assert_cmpuint (dd_sheet_get_n_cols (back), ==, dd_sheet_get_n_cols (sheet));
  for (guint row = 0; row < dd_sheet_get_n_rows (sheet); row++)
    for (guint col = 0; col < dd_sheet_get_n_cols (sheet); col++)
      {
        const char *text = dd_sheet_get_text (sheet, row, col);

        if (strcmp (dd_sheet_get_text (back, row, col), text) != 0)
          {
            g_autofree char *converted = NULL;

            /* Only a character GB18030 cannot hold may change (into "?") */
            g_assert_cmpint (encoding, ==, DD_CSV_ENCODING_GB18030);
            converted = g_convert (text, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
            g_assert_null (converted);
          }
      }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const DdCsvEncoding encodings[] = {
    DD_CSV_ENCODING_AUTO, DD_CSV_ENCODING_UTF8, DD_CSV_ENCODING_GB18030, DD_CSV_ENCODING_UTF16,
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DdSheet) sheet = NULL;
      char delimiter = 0;

      sheet = dd_csv_read_bytes (bytes, "fuzz.csv", encodings[i], 0, NULL, &delimiter, &error);
      if (sheet == NULL)
        {
          g_assert_true (error != NULL && error->domain == DD_IO_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (delimiter == ',' || delimiter == ';' || delimiter == '\t');
      check_sheet (sheet);
      if (i == 0)
        {
          check_round_trip (sheet, DD_CSV_ENCODING_UTF8, delimiter);
          check_round_trip (sheet, DD_CSV_ENCODING_GB18030, ',');
        }
    }
  return 0;
}
