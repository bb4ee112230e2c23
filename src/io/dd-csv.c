/* dd-csv.c: CSV files in and out (RFC 4180, as Excel and WPS write them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-io"

#include "dd-csv.h"
#include "dd-io-error.h"
#include "dd-io-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* Records looked at to guess the delimiter. */
#define SNIFF_RECORDS 50

typedef struct
{
  const char *data;
  gsize       len;
  char        delim;
  guint       max_records;   /* 0: all */
  DdSheet    *sheet;         /* NULL: only count fields (delimiter guessing) */
  const char *name;

  /* Counting */
  guint       n_records;
  guint       first_n_fields;
  guint       n_like_first;

  guint       first_line;    /* of data[0]; 0 means 1 */
} Parser;

static const guint8 utf8_bom[] = { 0xef, 0xbb, 0xbf };

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
      line++;
  return line;
}

/* The 1-based line of the UTF-16 code unit at byte @offset. */
static guint
line_at_utf16 (const guint8 *data,
               gsize         offset,
               gboolean      little_endian)
{
  guint line = 1;

  for (gsize i = 0; i + 1 < offset; i += 2)
    {
      guint unit = little_endian ? (data[i] | data[i + 1] << 8) : (data[i] << 8 | data[i + 1]);

      if (unit == '\n')
        line++;
    }
  return line;
}

/* Converts @len bytes from @charset; on an invalid sequence, *bad_offset is
 * where it starts. */
static char *
convert_to_utf8 (const char *data,
                 gsize       len,
                 const char *charset,
                 gsize      *out_len,
                 gsize      *bad_offset)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  char *text;

  text = g_convert (data, len, "UTF-8", charset, &bytes_read, out_len, &local_error);
  if (text == NULL)
    *bad_offset = bytes_read;
  return text;
}

/* GB18030, or failing that CP936: Excel and WPS on Chinese Windows write
 * the euro sign as the single byte 0x80, which GB18030 does not have. */
static char *
convert_from_gb18030 (const char *data,
                      gsize       len,
                      gsize      *out_len,
                      gsize      *bad_offset)
{
  char *text = convert_to_utf8 (data, len, "GB18030", out_len, bad_offset);
  gsize bad_cp936 = 0;

  if (text == NULL && memchr (data, 0x80, len) != NULL)
    text = convert_to_utf8 (data, len, "CP936", out_len, &bad_cp936);
  return text;
}

/* The file's text as UTF-8 (a copy), its BOM removed. */
static char *
decode (const guint8   *data,
        gsize           len,
        const char     *name,
        DdCsvEncoding   encoding,
        gsize          *out_len,
        DdCsvEncoding  *used,
        GError        **error)
{
  gsize bad = 0;
  char *text;

  if (len == 0)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_EMPTY, _("“%s” is empty."), name);
      return NULL;
    }

  /* UTF-16 has NUL bytes: look for its BOM before calling anything binary */
  if ((encoding == DD_CSV_ENCODING_AUTO || encoding == DD_CSV_ENCODING_UTF16) && len >= 2 &&
      ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    encoding = DD_CSV_ENCODING_UTF16;
  if (encoding == DD_CSV_ENCODING_UTF16)
    {
      gboolean le = !(len >= 2 && data[0] == 0xfe && data[1] == 0xff);
      gsize skip = (len >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff))) ? 2 : 0;

      text = convert_to_utf8 ((const char *) data + skip, len - skip,
                              le ? "UTF-16LE" : "UTF-16BE", out_len, &bad);
      if (text == NULL)
        {
          g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_ENCODING,
                       _("“%s”, line %u: the text is not valid %s."),
                       name, line_at_utf16 (data + skip, bad, le), "UTF-16");
          return NULL;
        }
      *used = DD_CSV_ENCODING_UTF16;
      return text;
    }

  if (dd_io_is_zip (data, len))
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_BINARY,
                   _("“%s” is an Excel workbook (XLSX), not a CSV file."), name);
      return NULL;
    }
  if (dd_io_is_ole (data, len))
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_BINARY,
                   _("“%s” is an old Excel workbook (.xls): open it in Excel or WPS and save it as .xlsx or CSV."),
                   name);
      return NULL;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_BINARY,
                   _("“%s” is not a text file: it contains binary data."), name);
      return NULL;
    }

  /* A UTF-8 BOM decides (a file of both encodings mixed is then an error
   * naming the line, rather than all of it misread as GB18030); GB18030
   * text that starts with the same bytes (锘 and a character from 0xBF)
   * reads when the user chooses GB18030 */
  if (len >= 3 && memcmp (data, utf8_bom, 3) == 0 && encoding != DD_CSV_ENCODING_GB18030)
    {
      data += 3;
      len -= 3;
      if (encoding == DD_CSV_ENCODING_AUTO)
        encoding = DD_CSV_ENCODING_UTF8;
    }

  if (encoding == DD_CSV_ENCODING_AUTO)
    {
      const char *end;
      gsize bad_utf8;

      if (g_utf8_validate_len ((const char *) data, len, NULL))
        {
          *used = DD_CSV_ENCODING_UTF8;
          *out_len = len;
          return g_strndup ((const char *) data, len);
        }
      g_utf8_validate_len ((const char *) data, len, &end);
      bad_utf8 = end - (const char *) data;

      text = convert_from_gb18030 ((const char *) data, len, out_len, &bad);
      if (text != NULL)
        {
          *used = DD_CSV_ENCODING_GB18030;
          return text;
        }
      /* The decoder that got further is more likely the one meant. */
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_ENCODING,
                   _("“%s”, line %u: the text is neither UTF-8 nor GB18030 (GBK); choose the file’s encoding."),
                   name, line_at ((const char *) data, MAX (bad, bad_utf8)));
      return NULL;
    }

  if (encoding == DD_CSV_ENCODING_UTF8)
    {
      const char *end;

      if (!g_utf8_validate_len ((const char *) data, len, &end))
        {
          g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_ENCODING,
                       _("“%s”, line %u: the text is not valid %s."),
                       name, line_at ((const char *) data, end - (const char *) data), "UTF-8");
          return NULL;
        }
      *used = DD_CSV_ENCODING_UTF8;
      *out_len = len;
      return g_strndup ((const char *) data, len);
    }

  text = convert_from_gb18030 ((const char *) data, len, out_len, &bad);
  if (text == NULL)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_ENCODING,
                   _("“%s”, line %u: the text is not valid %s."),
                   name, line_at ((const char *) data, bad), "GB18030");
      return NULL;
    }
  *used = encoding;
  return text;
}

static gboolean
is_field_end (const Parser *p,
              gsize         pos)
{
  char c = p->data[pos];

  return c == p->delim || c == '\n' || c == '\r';
}

/* Reads the records; with a sheet, stores them. */
static gboolean
parse (Parser  *p,
       GError **error)
{
  const char *data = p->data;
  gsize len = p->len;
  gsize pos = 0;
  guint line = MAX (p->first_line, 1);
  guint64 n_cells = 0;
  g_autoptr(GString) buf = g_string_new (NULL);

  while (pos < len)
    {
      guint record_line = line;
      guint col = 0;
      guint row = 0;

      if (p->max_records > 0 && p->n_records >= p->max_records)
        break;

      /* Blank lines carry no record (and none at the end of the file) */
      if (data[pos] == '\n' || data[pos] == '\r')
        {
          if (data[pos] == '\r' && pos + 1 < len && data[pos + 1] == '\n')
            pos++;
          pos++;
          line++;
          continue;
        }

      if (p->sheet != NULL)
        {
          row = dd_sheet_append_row (p->sheet);
          dd_sheet_set_source_row (p->sheet, row, record_line);
          if (row >= DD_IO_MAX_ROWS)
            {
              g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
                           _("“%s” has more rows than a spreadsheet can hold (at most %u)."),
                           p->name, (guint) DD_IO_MAX_ROWS);
              return FALSE;
            }
        }

      for (;;)
        {
          gsize start;

          if (col >= DD_IO_MAX_COLS)
            {
              g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
                           _("“%s”, line %u: more than %u columns."),
                           p->name, record_line, (guint) DD_IO_MAX_COLS);
              return FALSE;
            }

          if (pos < len && data[pos] == '"')
            {
              guint quote_line = line;

              pos++;
              g_string_truncate (buf, 0);
              for (;;)
                {
                  char c;

                  if (pos >= len)
                    {
                      g_autofree char *col_name = NULL;

                      if (p->sheet == NULL)
                        {
                          p->n_records++;
                          return TRUE;
                        }
                      col_name = dd_sheet_column_name (col);
                      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_SYNTAX,
                                   _("“%s”, line %u, column %s: a quoted field is never closed."),
                                   p->name, quote_line, col_name);
                      return FALSE;
                    }
                  c = data[pos];
                  if (c == '"')
                    {
                      if (pos + 1 < len && data[pos + 1] == '"')
                        {
                          g_string_append_c (buf, '"');
                          pos += 2;
                          continue;
                        }
                      pos++;
                      break;
                    }
                  if (c == '\n' || (c == '\r' && (pos + 1 >= len || data[pos + 1] != '\n')))
                    line++;
                  g_string_append_c (buf, c);
                  pos++;
                }
              /* Text after the closing quote is kept, as Excel does */
              start = pos;
              while (pos < len && !is_field_end (p, pos))
                pos++;
              if (p->sheet != NULL)
                {
                  g_string_append_len (buf, data + start, pos - start);
                  dd_sheet_set_text_len (p->sheet, row, col, buf->str, buf->len);
                }
            }
          else
            {
              start = pos;
              while (pos < len && !is_field_end (p, pos))
                pos++;
              if (p->sheet != NULL)
                dd_sheet_set_text_len (p->sheet, row, col, data + start, pos - start);
            }
          col++;

          if (pos < len && data[pos] == p->delim)
            {
              pos++;
              continue;
            }
          break;
        }

      n_cells += col;
      if (n_cells > DD_IO_MAX_CELLS)
        {
          g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
                       _("“%s” has too many cells to read at once (at most %u)."),
                       p->name, (guint) DD_IO_MAX_CELLS);
          return FALSE;
        }

      if (p->n_records == 0)
        p->first_n_fields = col;
      if (col == p->first_n_fields)
        p->n_like_first++;
      p->n_records++;

      /* The record ends at CRLF, LF, CR or the end of the file */
      if (pos < len && data[pos] == '\r')
        {
          pos++;
          if (pos < len && data[pos] == '\n')
            pos++;
        }
      else if (pos < len && data[pos] == '\n')
        pos++;
      line++;
    }

  return TRUE;
}

/* The delimiter that splits the first records into the same number of fields. */
static char
guess_delimiter (const char *text,
                 gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_same = 0, best_fields = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      Parser p = { .data = text, .len = len, .delim = candidates[i], .max_records = SNIFF_RECORDS };

      if (!parse (&p, NULL) || p.first_n_fields < 2)
        continue;
      if (p.n_like_first > best_same ||
          (p.n_like_first == best_same && p.first_n_fields > best_fields))
        {
          best = candidates[i];
          best_same = p.n_like_first;
          best_fields = p.first_n_fields;
        }
    }
  return best;
}

/**
 * dd_csv_read_bytes:
 * @bytes: the file's content
 * @source_name: how messages name the file
 * @encoding: %DD_CSV_ENCODING_AUTO to detect (a BOM; else valid UTF-8; else
 *   GB18030), or the encoding the user chose
 * @delimiter: ',', ';' or '\t'; 0 to guess among them from the first records
 * @detected_encoding: (out) (optional): the encoding used
 * @detected_delimiter: (out) (optional): the delimiter used
 *
 * Reads every record: quoted fields may hold delimiters, line breaks and
 * doubled quotes; lines end in CRLF, LF or CR; blank lines are skipped (their
 * numbers still count in source rows); rows keep as many fields as they had
 * (ragged rows are left to the caller). Every non-empty cell is
 * %DD_CELL_TEXT.
 *
 * Returns: (transfer full): the sheet, or %NULL with a translated
 *   %DD_IO_ERROR naming the file (and line, column where it applies)
 */
DdSheet *
dd_csv_read_bytes (GBytes         *bytes,
                   const char     *source_name,
                   DdCsvEncoding   encoding,
                   char            delimiter,
                   DdCsvEncoding  *detected_encoding,
                   char           *detected_delimiter,
                   GError        **error)
{
  g_autoptr(DdSheet) sheet = NULL;
  g_autofree char *text = NULL;
  gsize data_len, text_len = 0, start = 0;
  const guint8 *data;
  DdCsvEncoding used = DD_CSV_ENCODING_UTF8;
  Parser p = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';' || delimiter == '\t', NULL);

  if (source_name == NULL)
    source_name = "CSV";

  data = g_bytes_get_data (bytes, &data_len);
  if (data_len > DD_CSV_MAX_BYTES)
    {
      dd_io_set_too_large (error, source_name, data_len, DD_CSV_MAX_BYTES);
      return NULL;
    }

  text = decode (data, data_len, source_name, encoding, &text_len, &used, error);
  if (text == NULL)
    return NULL;

  /* Excel's hint line "sep=;" names the delimiter */
  if (text_len >= 5 && strncmp (text, "sep=", 4) == 0 &&
      (text[4] == ',' || text[4] == ';' || text[4] == '\t') &&
      (text_len == 5 || text[5] == '\r' || text[5] == '\n'))
    {
      if (delimiter == 0)
        delimiter = text[4];
      start = 5;
      if (start < text_len && text[start] == '\r')
        start++;
      if (start < text_len && text[start] == '\n')
        start++;
      p.first_line = 2;
    }

  if (delimiter == 0)
    delimiter = guess_delimiter (text + start, text_len - start);

  sheet = dd_sheet_new (NULL);
  dd_sheet_set_source_name (sheet, source_name);
  p.data = text + start;
  p.len = text_len - start;
  p.delim = delimiter;
  p.sheet = sheet;
  p.name = source_name;
  if (!parse (&p, error))
    return NULL;

  if (dd_sheet_get_n_rows (sheet) == 0)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_EMPTY, _("“%s” is empty."), source_name);
      return NULL;
    }

  if (detected_encoding != NULL)
    *detected_encoding = used;
  if (detected_delimiter != NULL)
    *detected_delimiter = delimiter;
  return g_steal_pointer (&sheet);
}

/**
 * dd_csv_read_file:
 *
 * Reads @path as dd_csv_read_bytes() does; files over %DD_CSV_MAX_BYTES are
 * refused before reading them.
 */
DdSheet *
dd_csv_read_file (const char     *path,
                  DdCsvEncoding   encoding,
                  char            delimiter,
                  DdCsvEncoding  *detected_encoding,
                  char           *detected_delimiter,
                  GError        **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  bytes = dd_io_read_file (path, name, DD_CSV_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;

  return dd_csv_read_bytes (bytes, name, encoding, delimiter,
                            detected_encoding, detected_delimiter, error);
}

static void
append_field (GString    *out,
              const char *text,
              char        delim,
              gboolean    only_field,
              gboolean    quote)
{
  g_autofree char *valid = NULL;

  /* Cells come as UTF-8; should one not be, the file still is */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (only_field && text[0] == '\0')
    {
      /* A lone empty field would be a blank line, which readers skip */
      g_string_append (out, "\"\"");
      return;
    }

  for (const char *c = text; *c != '\0'; c++)
    if (*c == delim || *c == '"' || *c == '\n' || *c == '\r')
      {
        quote = TRUE;
        break;
      }

  if (!quote)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

/**
 * dd_csv_write_bytes:
 * @encoding: %DD_CSV_ENCODING_UTF8 (or AUTO): UTF-8 with a BOM, so that Excel
 *   reads Chinese text right; or %DD_CSV_ENCODING_GB18030
 * @delimiter: the field delimiter; 0 for a comma
 * @progress: (nullable): called every 1 000 rows and at the end
 *
 * Writes every row with as many fields as the sheet has columns, lines
 * ending in CRLF, fields quoted where they hold the delimiter, a quote or a
 * line break. Cells are written as their display text.
 *
 * Returns: (transfer full): the file's content, or %NULL if cancelled
 */
GBytes *
dd_csv_write_bytes (DdSheet              *sheet,
                    DdCsvEncoding         encoding,
                    char                  delimiter,
                    GCancellable         *cancellable,
                    DdSheetProgressFunc   progress,
                    gpointer              user_data,
                    GError              **error)
{
  g_autoptr(GString) out = NULL;
  guint n_rows, n_cols;

  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (encoding != DD_CSV_ENCODING_UTF16, NULL);

  if (delimiter == 0)
    delimiter = ',';
  n_rows = dd_sheet_get_n_rows (sheet);
  n_cols = dd_sheet_get_n_cols (sheet);

  out = g_string_sized_new (1024 + (gsize) n_rows * MAX (n_cols, 1) * 8);
  if (encoding != DD_CSV_ENCODING_GB18030)
    g_string_append_len (out, (const char *) utf8_bom, sizeof utf8_bom);

  for (guint row = 0; row < n_rows; row++)
    {
      if (row % 1000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (progress != NULL && row > 0)
            progress (row, n_rows, user_data);
        }
      for (guint col = 0; col < n_cols; col++)
        {
          const char *text = dd_sheet_get_text (sheet, row, col);

          if (col > 0)
            g_string_append_c (out, delimiter);
          /* A first cell "sep=" would read back as Excel's hint line */
          append_field (out, text, delimiter, n_cols == 1,
                        row == 0 && col == 0 && g_str_has_prefix (text, "sep="));
        }
      g_string_append (out, "\r\n");
    }

  if (encoding == DD_CSV_ENCODING_GB18030)
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;
      char *converted;

      /* The few code points glibc cannot put in GB18030 (noncharacters
       * such as U+FFFF) become "?" rather than failing the export */
      converted = g_convert_with_fallback (out->str, out->len, "GB18030", "UTF-8", "?",
                                           NULL, &written, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_FAILED,
                       _("Could not write the text as %s: %s"), "GB18030", local_error->message);
          return NULL;
        }
      if (progress != NULL)
        progress (n_rows, n_rows, user_data);
      return g_bytes_new_take (converted, written);
    }

  if (progress != NULL)
    progress (n_rows, n_rows, user_data);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * dd_csv_write_file:
 *
 * Writes the sheet as dd_csv_write_bytes() does, into a temporary file
 * beside @path that then replaces it: a failure or a cancel leaves any
 * earlier file as it was.
 */
gboolean
dd_csv_write_file (DdSheet              *sheet,
                   const char           *path,
                   DdCsvEncoding         encoding,
                   char                  delimiter,
                   GCancellable         *cancellable,
                   DdSheetProgressFunc   progress,
                   gpointer              user_data,
                   GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gconstpointer data;
  gsize len;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = dd_csv_write_bytes (sheet, encoding, delimiter, cancellable, progress, user_data, error);
  if (bytes == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      name = g_filename_display_name (path);
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_IO,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
