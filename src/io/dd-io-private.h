/* dd-io-private.h: helpers shared by the readers and writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dd-sheet.h"

G_BEGIN_DECLS

/* Excel's own limits; the cells cap keeps a small file of delimiters from
 * taking gigabytes (a cell costs more than the byte that makes it). */
#define DD_IO_MAX_ROWS  1048576
#define DD_IO_MAX_COLS  16384
#define DD_IO_MAX_CELLS 20000000

gboolean  dd_io_is_zip         (const guint8  *data,
                                gsize          len);
gboolean  dd_io_is_ole         (const guint8  *data,
                                gsize          len);
void      dd_io_set_too_large  (GError       **error,
                                const char    *name,
                                guint64        size,
                                guint64        limit);
GBytes   *dd_io_read_file      (const char    *path,
                                const char    *name,
                                guint64        limit,
                                GError       **error);

/* A number cell with a display text of its own (a time of day) */
void      dd_sheet_set_number_shown (DdSheet     *sheet,
                                     guint        row,
                                     guint        col,
                                     double       value,
                                     const char  *text);

/* Tests and fuzzing only: the cap on a workbook part's unpacked size (0 = the default) */
void      dd_xlsx_set_part_limit    (guint64      limit);

G_END_DECLS
