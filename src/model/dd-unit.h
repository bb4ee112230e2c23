/* dd-unit.h: a handling unit: department, court, procuratorate … (承办单位)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_UNIT (dd_unit_get_type ())
G_DECLARE_FINAL_TYPE (DdUnit, dd_unit, DD, UNIT, DdEntity)

DdUnit *dd_unit_new  (void);
DdUnit *dd_unit_load (DdStore  *store,
                      gint64    id,
                      GError  **error);

G_END_DECLS
