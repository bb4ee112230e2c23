/* dd-placard-private.h: where a placard puts its QR code, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-placard.h"

G_BEGIN_DECLS

/* The square dd_placard_draw() gives the QR code (quiet zone included) and
 * how many modules wide that square is, laid out as it would be on @cr. */
gboolean dd_placard_get_qr_area (cairo_t          *cr,
                                 double            width,
                                 double            height,
                                 const DdPlacard  *placard,
                                 double           *x,
                                 double           *y,
                                 double           *size,
                                 int              *modules,
                                 GError          **error);

G_END_DECLS
