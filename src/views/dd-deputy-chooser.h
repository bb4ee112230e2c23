/* dd-deputy-chooser.h: pick deputies from the register, searchable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-store.h"

G_BEGIN_DECLS

#define DD_TYPE_DEPUTY_CHOOSER (dd_deputy_chooser_get_type ())
G_DECLARE_FINAL_TYPE (DdDeputyChooser, dd_deputy_chooser, DD, DEPUTY_CHOOSER, AdwWindow)

DdDeputyChooser *dd_deputy_chooser_new         (GtkWindow       *parent,
                                                DdStore         *store,
                                                const char      *title,
                                                const gint64    *already,
                                                guint            n_already);
void             dd_deputy_chooser_set_search  (DdDeputyChooser *self,
                                                const char      *text);
guint            dd_deputy_chooser_get_n_shown (DdDeputyChooser *self);
void             dd_deputy_chooser_toggle      (DdDeputyChooser *self,
                                                gint64           deputy_id,
                                                gboolean         chosen);
GArray          *dd_deputy_chooser_dup_chosen  (DdDeputyChooser *self);
void             dd_deputy_chooser_accept      (DdDeputyChooser *self);

G_END_DECLS
