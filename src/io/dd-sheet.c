/* dd-sheet.c: a table of typed cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-io"

#include "dd-sheet.h"
#include "dd-io-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  DdCell *cells;
  guint   n_cells;
  guint   n_alloc;
  guint   source_row;
} Row;

struct _DdSheet
{
  gatomicrefcount  ref_count;
  GArray          *rows;     /* of Row */
  guint            n_cols;
  GStringChunk    *strings;  /* every cell text; freed with the sheet */
  char            *source_name;
  char            *title;
  GArray          *widths;   /* of double, 0 = not set */
};

G_DEFINE_BOXED_TYPE (DdSheet, dd_sheet, dd_sheet_ref, dd_sheet_unref)

static const DdCell empty_cell = { DD_CELL_EMPTY, "", 0.0 };

/* 1899-12-30, day 0 of the serial dates as Excel stores them from 1900-03-01 on */
#define SERIAL_EPOCH_JULIAN 693594u
#define SECONDS_PER_DAY 86400

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->cells);
}

static Row *
get_row (DdSheet *sheet,
         guint    row)
{
  return &g_array_index (sheet->rows, Row, row);
}

/* The cell at (row, col), growing the row (and the sheet's width) as needed. */
static DdCell *
ensure_cell (DdSheet *sheet,
             guint    row,
             guint    col)
{
  Row *r = get_row (sheet, row);

  if (col >= r->n_alloc)
    {
      guint n_alloc = MAX (r->n_alloc * 2, MAX (col + 1, 4));

      r->cells = g_renew (DdCell, r->cells, n_alloc);
      r->n_alloc = n_alloc;
    }
  while (r->n_cells <= col)
    r->cells[r->n_cells++] = empty_cell;
  if (col >= sheet->n_cols)
    sheet->n_cols = col + 1;

  return &r->cells[col];
}

static const char *
intern_text (DdSheet    *sheet,
             const char *text,
             gssize      len)
{
  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return "";
  return g_string_chunk_insert_len (sheet->strings, text, len);
}

/* The shortest text that reads back as exactly @value. */
static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value == 0 ? 0.0 : value);

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  return g_strdup (buf);
}

/**
 * dd_sheet_new:
 * @headers: (nullable): %NULL-terminated header texts, put in row 0
 *
 * Returns: (transfer full): a new sheet; with @headers it has one row (the
 *   header) and as many columns; without, no rows and no columns. Setting a
 *   cell past the last column widens the sheet.
 */
DdSheet *
dd_sheet_new (const char * const *headers)
{
  DdSheet *sheet = g_new0 (DdSheet, 1);

  g_atomic_ref_count_init (&sheet->ref_count);
  sheet->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (sheet->rows, row_clear);
  sheet->strings = g_string_chunk_new (64 * 1024);
  sheet->widths = g_array_new (FALSE, TRUE, sizeof (double));

  if (headers != NULL)
    {
      guint row = dd_sheet_append_row (sheet);

      for (guint i = 0; headers[i] != NULL; i++)
        dd_sheet_set_text (sheet, row, i, headers[i]);
    }

  return sheet;
}

DdSheet *
dd_sheet_ref (DdSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);

  g_atomic_ref_count_inc (&sheet->ref_count);
  return sheet;
}

void
dd_sheet_unref (DdSheet *sheet)
{
  g_return_if_fail (sheet != NULL);

  if (!g_atomic_ref_count_dec (&sheet->ref_count))
    return;

  g_array_unref (sheet->rows);
  g_string_chunk_free (sheet->strings);
  g_array_unref (sheet->widths);
  g_free (sheet->source_name);
  g_free (sheet->title);
  g_free (sheet);
}

/**
 * dd_sheet_append_row:
 *
 * Adds an empty row at the end; its source row is its index + 1 until set.
 *
 * Returns: the index of the new row
 */
guint
dd_sheet_append_row (DdSheet *sheet)
{
  Row row = { NULL, 0, 0, 0 };

  g_return_val_if_fail (sheet != NULL, 0);

  row.source_row = sheet->rows->len + 1;
  g_array_append_val (sheet->rows, row);
  return sheet->rows->len - 1;
}

/**
 * dd_sheet_set_source_row:
 * @source_row: the 1-based row (CSV: line) number of @row in the file
 */
void
dd_sheet_set_source_row (DdSheet *sheet,
                         guint    row,
                         guint    source_row)
{
  g_return_if_fail (sheet != NULL);
  g_return_if_fail (row < sheet->rows->len);

  get_row (sheet, row)->source_row = source_row;
}

void
dd_sheet_set_empty (DdSheet *sheet,
                    guint    row,
                    guint    col)
{
  g_return_if_fail (sheet != NULL);
  g_return_if_fail (row < sheet->rows->len);

  *ensure_cell (sheet, row, col) = empty_cell;
}

/**
 * dd_sheet_set_text_len:
 * @text: UTF-8 text (not checked here: readers validate their input)
 * @len: its length in bytes, or -1 if nul-terminated
 *
 * Sets a %DD_CELL_TEXT cell; an empty text makes a %DD_CELL_EMPTY cell.
 */
void
dd_sheet_set_text_len (DdSheet    *sheet,
                       guint       row,
                       guint       col,
                       const char *text,
                       gssize      len)
{
  DdCell *cell;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (row < sheet->rows->len);
  g_return_if_fail (text != NULL || len == 0);

  cell = ensure_cell (sheet, row, col);
  cell->text = len == 0 ? "" : intern_text (sheet, text, len);
  cell->type = cell->text[0] == '\0' ? DD_CELL_EMPTY : DD_CELL_TEXT;
  cell->number = 0.0;
}

/**
 * dd_sheet_set_text:
 * @text: (nullable): UTF-8 text; %NULL or "" make an empty cell
 */
void
dd_sheet_set_text (DdSheet    *sheet,
                   guint       row,
                   guint       col,
                   const char *text)
{
  dd_sheet_set_text_len (sheet, row, col, text, text != NULL ? -1 : 0);
}

/**
 * dd_sheet_set_number:
 *
 * Sets a %DD_CELL_NUMBER cell; its text is the shortest exact form of @value.
 */
void
dd_sheet_set_number (DdSheet *sheet,
                     guint    row,
                     guint    col,
                     double   value)
{
  DdCell *cell;
  g_autofree char *text = NULL;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (row < sheet->rows->len);

  text = format_number (value);
  cell = ensure_cell (sheet, row, col);
  cell->type = DD_CELL_NUMBER;
  cell->text = intern_text (sheet, text, -1);
  cell->number = value;
}

void
dd_sheet_set_number_shown (DdSheet    *sheet,
                           guint       row,
                           guint       col,
                           double      value,
                           const char *text)
{
  DdCell *cell;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (row < sheet->rows->len);
  g_return_if_fail (text != NULL);

  cell = ensure_cell (sheet, row, col);
  cell->type = DD_CELL_NUMBER;
  cell->text = intern_text (sheet, text, -1);
  cell->number = value;
}

/**
 * dd_sheet_set_date:
 * @iso: "YYYY-MM-DD", or with a time "YYYY-MM-DD HH:MM[:SS]" (a "T" may
 *   stand for the space)
 *
 * Sets a %DD_CELL_DATE cell.
 *
 * Returns: %FALSE (and leaves the cell alone) if @iso is not such a date
 */
gboolean
dd_sheet_set_date (DdSheet    *sheet,
                   guint       row,
                   guint       col,
                   const char *iso)
{
  double serial;
  gboolean with_time;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (row < sheet->rows->len, FALSE);

  if (iso == NULL || !dd_sheet_date_to_serial (iso, &serial, &with_time))
    return FALSE;

  dd_sheet_set_date_serial (sheet, row, col, serial, with_time);
  return TRUE;
}

/**
 * dd_sheet_set_date_serial:
 * @serial: days since 1899-12-30, the time of day as a fraction
 * @with_time: whether the text shows the time of day
 *
 * Sets a %DD_CELL_DATE cell; a serial outside the years 1–9999 makes a
 * number cell instead.
 */
void
dd_sheet_set_date_serial (DdSheet  *sheet,
                          guint     row,
                          guint     col,
                          double    serial,
                          gboolean  with_time)
{
  g_autofree char *text = NULL;
  DdCell *cell;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (row < sheet->rows->len);

  text = dd_sheet_serial_to_date (serial, with_time);
  if (text == NULL)
    {
      dd_sheet_set_number (sheet, row, col, serial);
      return;
    }

  cell = ensure_cell (sheet, row, col);
  cell->type = DD_CELL_DATE;
  cell->text = intern_text (sheet, text, -1);
  cell->number = serial;
}

void
dd_sheet_set_bool (DdSheet  *sheet,
                   guint     row,
                   guint     col,
                   gboolean  value)
{
  DdCell *cell;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (row < sheet->rows->len);

  cell = ensure_cell (sheet, row, col);
  cell->type = DD_CELL_BOOL;
  cell->text = value ? "TRUE" : "FALSE";
  cell->number = value ? 1.0 : 0.0;
}

/**
 * dd_sheet_set_source_name:
 * @name: (nullable): how messages name the file (its base name, as a
 *   display name)
 */
void
dd_sheet_set_source_name (DdSheet    *sheet,
                          const char *name)
{
  g_return_if_fail (sheet != NULL);

  g_free (sheet->source_name);
  sheet->source_name = g_strdup (name);
}

/**
 * dd_sheet_set_title:
 * @title: (nullable): the sheet's name (the XLSX reader sets the name of the
 *   sheet read; the XLSX writer names the worksheet after it)
 */
void
dd_sheet_set_title (DdSheet    *sheet,
                    const char *title)
{
  g_return_if_fail (sheet != NULL);

  g_free (sheet->title);
  sheet->title = g_strdup (title);
}

/**
 * dd_sheet_set_column_width:
 * @width_chars: the width in characters (a CJK character counts 2); 0 lets
 *   the writer size the column from its content
 */
void
dd_sheet_set_column_width (DdSheet *sheet,
                           guint    col,
                           double   width_chars)
{
  g_return_if_fail (sheet != NULL);
  g_return_if_fail (col < 16384);

  if (sheet->widths->len <= col)
    g_array_set_size (sheet->widths, col + 1);
  g_array_index (sheet->widths, double, col) = MAX (width_chars, 0.0);
}

guint
dd_sheet_get_n_rows (DdSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->rows->len;
}

/**
 * dd_sheet_get_n_cols:
 *
 * Returns: the number of cells in the longest row (or of the headers given
 *   to dd_sheet_new())
 */
guint
dd_sheet_get_n_cols (DdSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->n_cols;
}

/**
 * dd_sheet_get_row_n_cells:
 *
 * Returns: the number of fields the row had in the file (CSV: ragged rows
 *   have fewer or more than the header); for XLSX up to its last cell
 */
guint
dd_sheet_get_row_n_cells (DdSheet *sheet,
                          guint    row)
{
  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (row < sheet->rows->len, 0);

  return get_row (sheet, row)->n_cells;
}

/**
 * dd_sheet_get_cell:
 *
 * Returns: (transfer none): the cell; an empty cell past the end of a row.
 *   Never %NULL for a valid @row.
 */
const DdCell *
dd_sheet_get_cell (DdSheet *sheet,
                   guint    row,
                   guint    col)
{
  Row *r;

  g_return_val_if_fail (sheet != NULL, &empty_cell);
  g_return_val_if_fail (row < sheet->rows->len, &empty_cell);

  r = get_row (sheet, row);
  if (col >= r->n_cells)
    return &empty_cell;
  return &r->cells[col];
}

/**
 * dd_sheet_get_text:
 *
 * Returns: (transfer none): the display text of the cell, "" if empty
 */
const char *
dd_sheet_get_text (DdSheet *sheet,
                   guint    row,
                   guint    col)
{
  return dd_sheet_get_cell (sheet, row, col)->text;
}

/**
 * dd_sheet_get_source_row:
 *
 * Returns: the 1-based row number of @row in the file, for messages
 */
guint
dd_sheet_get_source_row (DdSheet *sheet,
                         guint    row)
{
  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (row < sheet->rows->len, 0);

  return get_row (sheet, row)->source_row;
}

/**
 * dd_sheet_get_source_name:
 *
 * Returns: (nullable): the file's display name, as the readers set it
 */
const char *
dd_sheet_get_source_name (DdSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);

  return sheet->source_name;
}

const char *
dd_sheet_get_title (DdSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);

  return sheet->title;
}

/**
 * dd_sheet_get_column_width:
 *
 * Returns: the width set with dd_sheet_set_column_width(), 0 if none
 */
double
dd_sheet_get_column_width (DdSheet *sheet,
                           guint    col)
{
  g_return_val_if_fail (sheet != NULL, 0.0);

  if (col >= sheet->widths->len)
    return 0.0;
  return g_array_index (sheet->widths, double, col);
}

/**
 * dd_sheet_column_name:
 * @col: a 0-based column index
 *
 * Returns: (transfer full): the column's letters: 0 → "A", 2 → "C", 26 → "AA"
 */
char *
dd_sheet_column_name (guint col)
{
  char buf[16];
  int i = sizeof buf - 1;
  guint64 n = (guint64) col + 1;

  buf[i] = '\0';
  while (n > 0 && i > 0)
    {
      n--;
      buf[--i] = 'A' + (n % 26);
      n /= 26;
    }
  return g_strdup (&buf[i]);
}

static gboolean
parse_digits (const char **p,
              int          n_min,
              int          n_max,
              int         *value)
{
  int n = 0;

  *value = 0;
  while (n < n_max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n >= n_min;
}

/**
 * dd_sheet_date_to_serial:
 * @iso: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]" ("T" for the space allowed)
 * @serial: (out): days since 1899-12-30, the time of day as a fraction
 * @with_time: (out) (optional): whether @iso had a time of day
 *
 * Returns: %FALSE if @iso is not a valid date (or time) in the years 1–9999
 */
gboolean
dd_sheet_date_to_serial (const char *iso,
                         double     *serial,
                         gboolean   *with_time)
{
  const char *p = iso;
  int y, m, d, hh = 0, mm = 0, ss = 0;
  gboolean has_time = FALSE;
  GDate date;

  g_return_val_if_fail (iso != NULL, FALSE);
  g_return_val_if_fail (serial != NULL, FALSE);

  if (!parse_digits (&p, 4, 4, &y) || *p++ != '-' ||
      !parse_digits (&p, 2, 2, &m) || *p++ != '-' ||
      !parse_digits (&p, 2, 2, &d))
    return FALSE;
  if (*p == ' ' || *p == 'T')
    {
      p++;
      if (!parse_digits (&p, 2, 2, &hh) || *p++ != ':' ||
          !parse_digits (&p, 2, 2, &mm))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!parse_digits (&p, 2, 2, &ss))
            return FALSE;
        }
      if (hh > 23 || mm > 59 || ss > 59)
        return FALSE;
      has_time = TRUE;
    }
  if (*p != '\0')
    return FALSE;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  *serial = (double) g_date_get_julian (&date) - SERIAL_EPOCH_JULIAN
            + (hh * 3600 + mm * 60 + ss) / (double) SECONDS_PER_DAY;
  if (with_time != NULL)
    *with_time = has_time;
  return TRUE;
}

/**
 * dd_sheet_serial_to_date:
 * @serial: days since 1899-12-30, the time of day as a fraction
 * @with_time: add " HH:MM:SS" (rounded to the second)
 *
 * Returns: (transfer full) (nullable): the ISO text, %NULL outside the
 *   years 1–9999
 */
char *
dd_sheet_serial_to_date (double   serial,
                         gboolean with_time)
{
  double days, seconds;
  gint64 julian, secs;
  GDate date;

  if (!isfinite (serial))
    return NULL;

  days = floor (serial);
  seconds = with_time ? round ((serial - days) * SECONDS_PER_DAY) : 0;
  secs = (gint64) seconds;
  if (secs >= SECONDS_PER_DAY)
    {
      days += 1;
      secs -= SECONDS_PER_DAY;
    }

  if (days < 1.0 - SERIAL_EPOCH_JULIAN || days > 2958465.0) /* 9999-12-31 */
    return NULL;
  julian = (gint64) days + SERIAL_EPOCH_JULIAN;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  if (!g_date_valid (&date))
    return NULL;

  if (with_time)
    return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d",
                            g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date),
                            (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}
