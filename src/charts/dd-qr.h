/* dd-qr.h: QR codes drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean dd_qr_draw         (cairo_t     *cr,
                             const char  *payload,
                             double       x,
                             double       y,
                             double       size,
                             GError     **error);
int      dd_qr_count_modules (const char  *payload,
                             GError     **error);

G_END_DECLS
