/* dd-deputies-page.h: the deputies, searchable, with their form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"
#include "dd-deputy-editor.h"
#include "dd-deputy-list.h"

G_BEGIN_DECLS

#define DD_TYPE_DEPUTIES_PAGE (dd_deputies_page_get_type ())
G_DECLARE_FINAL_TYPE (DdDeputiesPage, dd_deputies_page, DD, DEPUTIES_PAGE, AdwBin)

GtkWidget      *dd_deputies_page_new          (DdContext      *context);
DdDeputyList   *dd_deputies_page_get_list     (DdDeputiesPage *self);
DdDeputyEditor *dd_deputies_page_get_editor   (DdDeputiesPage *self);
gboolean        dd_deputies_page_select       (DdDeputiesPage *self,
                                               gint64          id);
gint64          dd_deputies_page_get_selected (DdDeputiesPage *self);

G_END_DECLS
