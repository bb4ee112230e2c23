/* dd-unit-list.h: handling units filtered and ordered in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-query-model.h"

G_BEGIN_DECLS

#define DD_TYPE_UNIT_LIST (dd_unit_list_get_type ())
G_DECLARE_FINAL_TYPE (DdUnitList, dd_unit_list, DD, UNIT_LIST, DdQueryModel)

/* Every unit by name; each setter re-queries. */
DdUnitList *dd_unit_list_new             (DdStore    *store);
/* Name contains the text; NULL or "" for any. */
void        dd_unit_list_set_search      (DdUnitList *self,
                                          const char *search);
/* Only the units that take new work (units.active), for assignment forms. */
void        dd_unit_list_set_active_only (DdUnitList *self,
                                          gboolean    active_only);

G_END_DECLS
