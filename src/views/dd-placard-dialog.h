/* dd-placard-dialog.h: which placards, how many on a page, PDF or printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DD_TYPE_PLACARD_DIALOG (dd_placard_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DdPlacardDialog, dd_placard_dialog, DD, PLACARD_DIALOG, AdwMessageDialog)

DdPlacardDialog *dd_placard_dialog_new          (GtkWindow       *parent,
                                                 const char      *one_name,
                                                 guint            n_shown);
gboolean         dd_placard_dialog_get_all      (DdPlacardDialog *self);
guint            dd_placard_dialog_get_per_page (DdPlacardDialog *self);

G_END_DECLS
