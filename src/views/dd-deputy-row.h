/* dd-deputy-row.h: a deputy in the list (the cell of a list item)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dd-deputy.h"

G_BEGIN_DECLS

#define DD_TYPE_DEPUTY_ROW (dd_deputy_row_get_type ())
G_DECLARE_FINAL_TYPE (DdDeputyRow, dd_deputy_row, DD, DEPUTY_ROW, GtkWidget)

DdDeputy *dd_deputy_row_get_deputy (DdDeputyRow *self);
void      dd_deputy_row_set_deputy (DdDeputyRow *self,
                                    DdDeputy    *deputy);

G_END_DECLS
