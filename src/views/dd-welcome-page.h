/* dd-welcome-page.h: first start, no database yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DD_TYPE_WELCOME_PAGE (dd_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (DdWelcomePage, dd_welcome_page, DD, WELCOME_PAGE, AdwBin)

const char *dd_welcome_page_get_path (DdWelcomePage *self);
void        dd_welcome_page_set_path (DdWelcomePage *self,
                                      const char    *path);
gboolean    dd_welcome_page_get_busy (DdWelcomePage *self);

G_END_DECLS
