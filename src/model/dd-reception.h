/* dd-reception.h: a session at a station where deputies receive voters (进家接待)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_RECEPTION (dd_reception_get_type ())
G_DECLARE_FINAL_TYPE (DdReception, dd_reception, DD, RECEPTION, DdEntity)

DdReception *dd_reception_new  (void);
DdReception *dd_reception_load (DdStore  *store,
                                gint64    id,
                                GError  **error);

G_END_DECLS
