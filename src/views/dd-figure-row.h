/* dd-figure-row.h: one "label … number" line of a figure card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DD_TYPE_FIGURE_ROW (dd_figure_row_get_type ())
G_DECLARE_FINAL_TYPE (DdFigureRow, dd_figure_row, DD, FIGURE_ROW, GtkWidget)

GtkWidget  *dd_figure_row_new       (const char  *label,
                                     const char  *value);
const char *dd_figure_row_get_label (DdFigureRow *self);
const char *dd_figure_row_get_value (DdFigureRow *self);

G_END_DECLS
