/* dd-xlsx-writer.h: writing Excel workbooks (XLSX) with libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-sheet.h"

G_BEGIN_DECLS

gboolean  dd_xlsx_write_file         (DdSheet              *sheet,
                                      const char           *path,
                                      GCancellable         *cancellable,
                                      DdSheetProgressFunc   progress,
                                      gpointer              user_data,
                                      GError              **error);
gboolean  dd_xlsx_write_sheets_file  (DdSheet * const      *sheets,
                                      guint                 n_sheets,
                                      const char           *path,
                                      GCancellable         *cancellable,
                                      DdSheetProgressFunc   progress,
                                      gpointer              user_data,
                                      GError              **error);

G_END_DECLS
