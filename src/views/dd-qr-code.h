/* dd-qr-code.h: a QR code on screen, drawn by the charts layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DD_TYPE_QR_CODE (dd_qr_code_get_type ())
G_DECLARE_FINAL_TYPE (DdQrCode, dd_qr_code, DD, QR_CODE, GtkDrawingArea)

GtkWidget  *dd_qr_code_new         (void);
const char *dd_qr_code_get_payload (DdQrCode   *self);
void        dd_qr_code_set_payload (DdQrCode   *self,
                                    const char *payload);
gboolean    dd_qr_code_get_drawn   (DdQrCode   *self);

G_END_DECLS
