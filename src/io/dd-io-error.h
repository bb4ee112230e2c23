/* dd-io-error.h: the error domain of the spreadsheet readers and writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DD_IO_ERROR (dd_io_error_quark ())

/* Every message is translated and names the file; those about a place in
 * it name the row (CSV: the line) and, where it helps, the column. A
 * cancelled operation fails with G_IO_ERROR_CANCELLED. */
typedef enum
{
  DD_IO_ERROR_EMPTY,         /* nothing in the file (or no rows in the sheet) */
  DD_IO_ERROR_BINARY,        /* NUL bytes: not a text file */
  DD_IO_ERROR_ENCODING,      /* not valid text in the chosen encoding; the message names the row */
  DD_IO_ERROR_SYNTAX,        /* CSV: a quote never closed (the row where it starts) */
  DD_IO_ERROR_TOO_LARGE,     /* over the size cap (or a zip bomb) */
  DD_IO_ERROR_NOT_XLSX,      /* not a zip file, or a zip without a workbook */
  DD_IO_ERROR_NO_SHEET,      /* no sheet of that name */
  DD_IO_ERROR_CORRUPT,       /* damaged zip entry or XML */
  DD_IO_ERROR_IO,            /* the file system failed (open, read, write, rename) */
  DD_IO_ERROR_FAILED,        /* anything else a library reported */
} DdIoError;

GQuark dd_io_error_quark (void);

G_END_DECLS
