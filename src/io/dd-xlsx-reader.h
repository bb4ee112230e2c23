/* dd-xlsx-reader.h: reading Excel workbooks (XLSX) with libzip and libxml2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dd-sheet.h"

G_BEGIN_DECLS

/* Larger files are refused with DD_IO_ERROR_TOO_LARGE, as is any part of
 * the workbook that unpacks to more than DD_XLSX_MAX_PART_BYTES (zip bombs). */
#define DD_XLSX_MAX_BYTES      (200 * 1024 * 1024)
#define DD_XLSX_MAX_PART_BYTES (512 * 1024 * 1024)

char    **dd_xlsx_list_sheets       (const char  *path,
                                     GError     **error);
char    **dd_xlsx_list_sheets_bytes (GBytes      *bytes,
                                     const char  *source_name,
                                     GError     **error);
DdSheet  *dd_xlsx_read_file         (const char  *path,
                                     const char  *sheet_name,
                                     GError     **error);
DdSheet  *dd_xlsx_read_bytes        (GBytes      *bytes,
                                     const char  *source_name,
                                     const char  *sheet_name,
                                     GError     **error);

G_END_DECLS
