/* dd-reception-dialog.h: record a reception of voters at a station (进家接待)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-opinion-editor.h"
#include "dd-station.h"

G_BEGIN_DECLS

#define DD_TYPE_RECEPTION_DIALOG (dd_reception_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DdReceptionDialog, dd_reception_dialog, DD, RECEPTION_DIALOG, AdwWindow)

DdReceptionDialog *dd_reception_dialog_new           (GtkWindow         *parent,
                                                      DdStore           *store,
                                                      DdStation         *station,
                                                      GListModel        *attached);
GtkWidget         *dd_reception_dialog_get_row       (DdReceptionDialog *self,
                                                      const char        *field);
void               dd_reception_dialog_set_present   (DdReceptionDialog *self,
                                                      gint64             deputy_id,
                                                      gboolean           present);
void               dd_reception_dialog_add_present   (DdReceptionDialog *self,
                                                      const gint64      *deputy_ids,
                                                      guint              n_deputies);
guint              dd_reception_dialog_get_n_present (DdReceptionDialog *self);
DdOpinionEditor   *dd_reception_dialog_add_opinion   (DdReceptionDialog *self);
guint              dd_reception_dialog_get_n_opinions (DdReceptionDialog *self);
DdOpinionEditor   *dd_reception_dialog_get_opinion   (DdReceptionDialog *self,
                                                      guint              index);
gboolean           dd_reception_dialog_save          (DdReceptionDialog *self);
const char        *dd_reception_dialog_get_error     (DdReceptionDialog *self);

G_END_DECLS
