/* dd-qr-private.h: the encoded symbol, for renderers that lay a QR code out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <qrencode.h>

G_BEGIN_DECLS

/* Modules of white around the symbol on every side (ISO/IEC 18004). */
#define DD_QR_QUIET_ZONE 4

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

QRcode *dd_qr_encode (const char    *payload,
                      GError       **error);
void    dd_qr_paint  (cairo_t       *cr,
                      const QRcode  *code,
                      double         x,
                      double         y,
                      double         size);

G_END_DECLS
