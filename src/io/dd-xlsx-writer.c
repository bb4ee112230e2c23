/* dd-xlsx-writer.c: writing Excel workbooks (XLSX) with libxlsxwriter
 *
 * Written in libxlsxwriter's constant-memory mode (rows in order, strings
 * inline): 100 000 rows take no more memory than one. The workbook goes to a
 * temporary file beside the target, renamed over it once complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-io"

#include "dd-xlsx-writer.h"
#include "dd-io-error.h"
#include "dd-io-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_CELL_CHARS 32767
#define MIN_WIDTH 6.0
#define MAX_WIDTH 60.0
#define PROGRESS_STEP 1000

typedef struct
{
  lxw_format *header;
  lxw_format *date;
  lxw_format *date_time;
  lxw_format *wrap;
} Formats;

/* The width of a text in Excel's character units: a CJK (wide) character
 * counts two; a multi-line text its longest line. */
static double
text_width (const char *text)
{
  double width = 0, line = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          width = MAX (width, line);
          line = 0;
          continue;
        }
      line += g_unichar_iswide (c) ? 2 : 1;
    }
  return MAX (width, line);
}

static double *
column_widths (DdSheet *sheet)
{
  guint n_rows = dd_sheet_get_n_rows (sheet);
  guint n_cols = dd_sheet_get_n_cols (sheet);
  double *widths = g_new0 (double, MAX (n_cols, 1));

  for (guint row = 0; row < n_rows; row++)
    for (guint col = 0; col < n_cols; col++)
      {
        const DdCell *cell = dd_sheet_get_cell (sheet, row, col);
        double w;

        switch (cell->type)
          {
          case DD_CELL_EMPTY:
            continue;
          case DD_CELL_DATE:
            w = strlen (cell->text);
            break;
          default:
            w = text_width (cell->text);
            break;
          }
        /* The header's filter button takes two characters */
        if (row == 0)
          w += 2;
        widths[col] = MAX (widths[col], w);
      }

  for (guint col = 0; col < n_cols; col++)
    {
      double set = dd_sheet_get_column_width (sheet, col);

      widths[col] = set > 0 ? set : CLAMP (widths[col] + 1, MIN_WIDTH, MAX_WIDTH);
    }
  return widths;
}

/* A worksheet name Excel accepts: at most 31 characters, none of []:*?/\,
 * not starting or ending with an apostrophe, unique in the workbook. */
static char *
sheet_name (const char *title,
            guint       index,
            GHashTable *taken)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint n = 0;

  if (title != NULL && g_utf8_validate (title, -1, NULL))
    for (const char *p = title; *p != '\0' && n < LXW_SHEETNAME_MAX; p = g_utf8_next_char (p), n++)
      {
        gunichar c = g_utf8_get_char (p);

        if (strchr ("[]:*?/\\", (int) c) != NULL && c < 128)
          c = '_';
        if (c < 0x20)
          c = ' ';
        g_string_append_unichar (name, c);
      }
  while (name->len > 0 && name->str[0] == '\'')
    g_string_erase (name, 0, 1);
  while (name->len > 0 && name->str[name->len - 1] == '\'')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0 || g_ascii_strcasecmp (name->str, "History") == 0)
    g_string_printf (name, "Sheet%u", index + 1);

  for (guint i = 2; ; i++)
    {
      g_autofree char *folded = g_utf8_casefold (name->str, -1);

      if (!g_hash_table_contains (taken, folded))
        {
          g_hash_table_add (taken, g_steal_pointer (&folded));
          break;
        }
      /* "Name (2)", shortened to fit */
      {
        g_autofree char *suffix = g_strdup_printf (" (%u)", i);
        glong keep = LXW_SHEETNAME_MAX - (glong) strlen (suffix);
        g_autofree char *base = g_utf8_substring (name->str, 0, MIN (keep, g_utf8_strlen (name->str, -1)));

        if (i > 2)
          {
            char *paren = g_strrstr (base, " (");

            if (paren != NULL)
              *paren = '\0';
          }
        g_string_printf (name, "%s%s", base, suffix);
      }
    }
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
set_write_error (GError     **error,
                 const char  *name,
                 lxw_error    err)
{
  g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), name, lxw_strerror (err));
}

static gboolean
write_cell (lxw_worksheet  *ws,
            const Formats  *formats,
            DdSheet        *sheet,
            guint           row,
            guint           col,
            const char     *name,
            GError        **error)
{
  const DdCell *cell = dd_sheet_get_cell (sheet, row, col);
  lxw_format *format = row == 0 ? formats->header : NULL;
  lxw_error err = LXW_NO_ERROR;

  switch (cell->type)
    {
    case DD_CELL_EMPTY:
      if (format != NULL)
        err = worksheet_write_blank (ws, row, col, format);
      break;

    case DD_CELL_NUMBER:
      err = worksheet_write_number (ws, row, col, cell->number, format);
      break;

    case DD_CELL_BOOL:
      err = worksheet_write_boolean (ws, row, col, cell->number != 0, format);
      break;

    case DD_CELL_DATE:
      {
        double serial = cell->number;

        /* Excel's serials count a 29 February 1900 that never was; before
         * 1900 there are no Excel dates, only their text */
        if (serial >= 2 && serial < 61)
          serial -= 1;
        if (serial < 1 || row == 0)
          err = worksheet_write_string (ws, row, col, cell->text, format);
        else
          err = worksheet_write_number (ws, row, col, serial,
                                        strlen (cell->text) > 10 ? formats->date_time : formats->date);
      }
      break;

    case DD_CELL_TEXT:
    default:
      {
        const char *text = cell->text;
        g_autofree char *valid = NULL;

        /* Invalid UTF-8 would make the whole workbook unreadable (and
         * cannot be measured) */
        if (!g_utf8_validate (text, -1, NULL))
          text = valid = g_utf8_make_valid (text, -1);
        if (strlen (text) > MAX_CELL_CHARS && g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
          {
            g_autofree char *col_name = dd_sheet_column_name (col);

            g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
                         _("Could not write “%s”: cell %s%u holds more than %u characters, more than Excel allows."),
                         name, col_name, row + 1, (guint) MAX_CELL_CHARS);
            return FALSE;
          }
        if (format == NULL && strchr (text, '\n') != NULL)
          format = formats->wrap;
        err = worksheet_write_string (ws, row, col, text, format);
      }
      break;
    }

  if (err != LXW_NO_ERROR)
    {
      set_write_error (error, name, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_sheet (lxw_workbook          *wb,
             const Formats         *formats,
             DdSheet               *sheet,
             const char            *title,
             const char            *name,
             guint                 *done,
             guint                  total,
             GCancellable          *cancellable,
             DdSheetProgressFunc    progress,
             gpointer               user_data,
             GError               **error)
{
  lxw_worksheet *ws;
  g_autofree double *widths = NULL;
  guint n_rows = dd_sheet_get_n_rows (sheet);
  guint n_cols = dd_sheet_get_n_cols (sheet);

  if (n_rows > LXW_ROW_MAX || n_cols > LXW_COL_MAX)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
                   _("Could not write “%s”: a sheet holds at most %u rows and %u columns."),
                   name, (guint) LXW_ROW_MAX, (guint) LXW_COL_MAX);
      return FALSE;
    }

  ws = workbook_add_worksheet (wb, title);
  if (ws == NULL)
    {
      set_write_error (error, name, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return FALSE;
    }

  widths = column_widths (sheet);
  for (guint col = 0; col < n_cols; col++)
    worksheet_set_column (ws, col, col, widths[col], NULL);

  if (n_rows > 0 && n_cols > 0)
    {
      worksheet_freeze_panes (ws, 1, 0);
      worksheet_autofilter (ws, 0, 0, n_rows - 1, n_cols - 1);
    }

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint col = 0; col < n_cols; col++)
        if (!write_cell (ws, formats, sheet, row, col, name, error))
          return FALSE;

      (*done)++;
      if (*done % PROGRESS_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (*done, total, user_data);
        }
    }
  return TRUE;
}

/* A private empty file beside @path, for the workbook to be written into. */
static char *
make_temp_beside (const char  *path,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd;

  fd = g_mkstemp_full (template, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_IO,
                   _("Could not write “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&template);
}

/**
 * dd_xlsx_write_sheets_file:
 * @sheets: (array length=n_sheets): the sheets, one worksheet each, named
 *   after their titles (made valid and unique; "Sheet1" … without one)
 * @progress: (nullable): called every 1 000 rows and at the end, with the
 *   rows of all sheets
 *
 * Writes a workbook: numbers as numbers, dates as Excel dates shown
 * "yyyy-mm-dd" (with " hh:mm:ss" when they have a time), booleans as
 * booleans, text as text (wrapped where it has line breaks); row 0 of each
 * sheet as a bold, frozen header with an autofilter; columns as wide as
 * their content (CJK characters count double; at most 60) unless set with
 * dd_sheet_set_column_width(). The workbook is written beside @path and
 * renamed over it once complete: a failure or a cancel leaves any earlier
 * file as it was.
 *
 * Returns: %FALSE with a translated %DD_IO_ERROR, or %G_IO_ERROR_CANCELLED
 */
gboolean
dd_xlsx_write_sheets_file (DdSheet * const      *sheets,
                           guint                 n_sheets,
                           const char           *path,
                           GCancellable         *cancellable,
                           DdSheetProgressFunc   progress,
                           gpointer              user_data,
                           GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GHashTable) taken = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_workbook *wb;
  lxw_error err;
  Formats formats;
  guint total = 0, done = 0;

  g_return_val_if_fail (sheets != NULL || n_sheets == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  name = g_filename_display_basename (path);
  for (guint i = 0; i < n_sheets; i++)
    total += dd_sheet_get_n_rows (sheets[i]);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  temp = make_temp_beside (path, name, error);
  if (temp == NULL)
    return FALSE;

  wb = workbook_new_opt (temp, &options);
  if (wb == NULL)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_IO,
                   _("Could not write “%s”: %s"), name, lxw_strerror (LXW_ERROR_CREATING_TMPFILE));
      g_unlink (temp);
      return FALSE;
    }

  formats.header = workbook_add_format (wb);
  format_set_bold (formats.header);
  format_set_bg_color (formats.header, 0xEDEDED);
  format_set_bottom (formats.header, LXW_BORDER_THIN);
  format_set_align (formats.header, LXW_ALIGN_VERTICAL_CENTER);
  formats.date = workbook_add_format (wb);
  format_set_num_format (formats.date, "yyyy-mm-dd");
  formats.date_time = workbook_add_format (wb);
  format_set_num_format (formats.date_time, "yyyy-mm-dd hh:mm:ss");
  formats.wrap = workbook_add_format (wb);
  format_set_text_wrap (formats.wrap);

  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < MAX (n_sheets, 1); i++)
    {
      g_autoptr(DdSheet) empty = NULL;
      DdSheet *sheet;
      g_autofree char *title = NULL;

      if (n_sheets == 0)
        sheet = empty = dd_sheet_new (NULL);
      else
        sheet = sheets[i];
      title = sheet_name (dd_sheet_get_title (sheet), i, taken);
      if (!write_sheet (wb, &formats, sheet, title, name, &done, total,
                        cancellable, progress, user_data, error))
        {
          lxw_workbook_free (wb);
          g_unlink (temp);
          return FALSE;
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      lxw_workbook_free (wb);
      g_unlink (temp);
      return FALSE;
    }

  err = workbook_close (wb);
  if (err != LXW_NO_ERROR)
    {
      set_write_error (error, name, err);
      g_unlink (temp);
      return FALSE;
    }

  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_IO,
                   _("Could not write “%s”: %s"), name, g_strerror (saved));
      g_unlink (temp);
      return FALSE;
    }

  if (progress != NULL)
    progress (total, total, user_data);
  return TRUE;
}

/**
 * dd_xlsx_write_file:
 *
 * Writes one sheet as dd_xlsx_write_sheets_file() does.
 */
gboolean
dd_xlsx_write_file (DdSheet              *sheet,
                    const char           *path,
                    GCancellable         *cancellable,
                    DdSheetProgressFunc   progress,
                    gpointer              user_data,
                    GError              **error)
{
  g_return_val_if_fail (sheet != NULL, FALSE);

  return dd_xlsx_write_sheets_file (&sheet, 1, path, cancellable, progress, user_data, error);
}
