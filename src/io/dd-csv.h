/* dd-csv.h: CSV files in and out, in UTF-8 or GB18030
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-sheet.h"

G_BEGIN_DECLS

typedef enum
{
  DD_CSV_ENCODING_AUTO,     /* reading: a BOM decides; else valid UTF-8, else GB18030 */
  DD_CSV_ENCODING_UTF8,     /* with or without a BOM; the writer adds one */
  DD_CSV_ENCODING_GB18030,  /* also reads GBK and GB2312, which it contains */
  DD_CSV_ENCODING_UTF16,    /* reading only, found by its BOM: Excel's "Unicode text" */
} DdCsvEncoding;

/* Larger files are refused with DD_IO_ERROR_TOO_LARGE. */
#define DD_CSV_MAX_BYTES (200 * 1024 * 1024)

DdSheet  *dd_csv_read_file   (const char           *path,
                              DdCsvEncoding         encoding,
                              char                  delimiter,
                              DdCsvEncoding        *detected_encoding,
                              char                 *detected_delimiter,
                              GError              **error);
DdSheet  *dd_csv_read_bytes  (GBytes               *bytes,
                              const char           *source_name,
                              DdCsvEncoding         encoding,
                              char                  delimiter,
                              DdCsvEncoding        *detected_encoding,
                              char                 *detected_delimiter,
                              GError              **error);

GBytes   *dd_csv_write_bytes (DdSheet              *sheet,
                              DdCsvEncoding         encoding,
                              char                  delimiter,
                              GCancellable         *cancellable,
                              DdSheetProgressFunc   progress,
                              gpointer              user_data,
                              GError              **error);
gboolean  dd_csv_write_file  (DdSheet              *sheet,
                              const char           *path,
                              DdCsvEncoding         encoding,
                              char                  delimiter,
                              GCancellable         *cancellable,
                              DdSheetProgressFunc   progress,
                              gpointer              user_data,
                              GError              **error);

G_END_DECLS
