/* dd-sheet.h: a table of typed cells, as read from or written to a spreadsheet file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Indices: rows and columns are 0-based everywhere in this API. Row 0 is the
 * first row of the file as read (normally the header); a sheet built for
 * export by dd_sheet_new() has its header in row 0 as well, and the writers
 * style row 0 as the header (bold, frozen, autofilter).
 *
 * For messages, dd_sheet_get_source_row() gives the 1-based row number the
 * user sees in the file (for CSV the line where the record starts, which
 * differs from row + 1 after a quoted field with embedded newlines; for XLSX
 * the sheet's own row number, so empty rows in the sheet are skipped but
 * still counted), and dd_sheet_column_name() the column letter.
 */

typedef enum
{
  DD_CELL_EMPTY,   /* no value (also any cell past the end of a short row) */
  DD_CELL_TEXT,
  DD_CELL_NUMBER,  /* number holds the value */
  DD_CELL_DATE,    /* text is "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"; number the Excel serial (see below) */
  DD_CELL_BOOL,    /* number is 1 or 0; text "TRUE" or "FALSE" */
} DdCellType;

/**
 * DdCell:
 * @type: what the cell holds
 * @text: always a display text, never %NULL ("" for an empty cell): the
 *   field's text for CSV (no type is guessed: every non-empty CSV cell is
 *   %DD_CELL_TEXT), the shortest exact form for numbers read from XLSX
 *   ("12", "0.5", "13812345678"), the ISO form for dates
 * @number: the value of a number; 1/0 for a boolean; for a date, the day
 *   count of the 1900 date system as Excel stores it (days since
 *   1899-12-30, the time of day as a fraction), whatever system the file used
 *
 * Owned by the sheet; valid until the cell is set again or the sheet is freed.
 */
typedef struct
{
  DdCellType  type;
  const char *text;
  double      number;
} DdCell;

typedef struct _DdSheet DdSheet;

/**
 * DdSheetProgressFunc:
 * @done: rows handled so far
 * @total: rows in all
 *
 * Called by the writers from the thread that writes, every few hundred rows
 * and once at the end.
 */
typedef void (*DdSheetProgressFunc) (guint    done,
                                     guint    total,
                                     gpointer user_data);

#define DD_TYPE_SHEET (dd_sheet_get_type ())
GType         dd_sheet_get_type            (void) G_GNUC_CONST;

/* Building (exporters, readers) */
DdSheet      *dd_sheet_new                 (const char * const *headers);
DdSheet      *dd_sheet_ref                 (DdSheet            *sheet);
void          dd_sheet_unref               (DdSheet            *sheet);

guint         dd_sheet_append_row          (DdSheet            *sheet);
void          dd_sheet_set_source_row      (DdSheet            *sheet,
                                            guint               row,
                                            guint               source_row);
void          dd_sheet_set_empty           (DdSheet            *sheet,
                                            guint               row,
                                            guint               col);
void          dd_sheet_set_text            (DdSheet            *sheet,
                                            guint               row,
                                            guint               col,
                                            const char         *text);
void          dd_sheet_set_text_len        (DdSheet            *sheet,
                                            guint               row,
                                            guint               col,
                                            const char         *text,
                                            gssize              len);
void          dd_sheet_set_number          (DdSheet            *sheet,
                                            guint               row,
                                            guint               col,
                                            double              value);
gboolean      dd_sheet_set_date            (DdSheet            *sheet,
                                            guint               row,
                                            guint               col,
                                            const char         *iso);
void          dd_sheet_set_date_serial     (DdSheet            *sheet,
                                            guint               row,
                                            guint               col,
                                            double              serial,
                                            gboolean            with_time);
void          dd_sheet_set_bool            (DdSheet            *sheet,
                                            guint               row,
                                            guint               col,
                                            gboolean            value);

void          dd_sheet_set_source_name     (DdSheet            *sheet,
                                            const char         *name);
void          dd_sheet_set_title           (DdSheet            *sheet,
                                            const char         *title);
void          dd_sheet_set_column_width    (DdSheet            *sheet,
                                            guint               col,
                                            double              width_chars);

/* Reading */
guint         dd_sheet_get_n_rows          (DdSheet            *sheet);
guint         dd_sheet_get_n_cols          (DdSheet            *sheet);
guint         dd_sheet_get_row_n_cells     (DdSheet            *sheet,
                                            guint               row);
const DdCell *dd_sheet_get_cell            (DdSheet            *sheet,
                                            guint               row,
                                            guint               col);
const char   *dd_sheet_get_text            (DdSheet            *sheet,
                                            guint               row,
                                            guint               col);
guint         dd_sheet_get_source_row      (DdSheet            *sheet,
                                            guint               row);
const char   *dd_sheet_get_source_name     (DdSheet            *sheet);
const char   *dd_sheet_get_title           (DdSheet            *sheet);
double        dd_sheet_get_column_width    (DdSheet            *sheet,
                                            guint               col);

/* Helpers */
char         *dd_sheet_column_name         (guint               col);
gboolean      dd_sheet_date_to_serial      (const char         *iso,
                                            double             *serial,
                                            gboolean           *with_time);
char         *dd_sheet_serial_to_date      (double              serial,
                                            gboolean            with_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdSheet, dd_sheet_unref)

G_END_DECLS
