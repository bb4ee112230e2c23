/* dd-overview-page.h: the year's key figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"

G_BEGIN_DECLS

#define DD_TYPE_OVERVIEW_PAGE (dd_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (DdOverviewPage, dd_overview_page, DD, OVERVIEW_PAGE, AdwBin)

GtkWidget *dd_overview_page_new      (DdContext      *context);
int        dd_overview_page_get_year (DdOverviewPage *self);
void       dd_overview_page_set_year (DdOverviewPage *self,
                                      int             year);
gboolean   dd_overview_page_get_busy (DdOverviewPage *self);

G_END_DECLS
