/* dd-deputy.h: a deputy's seat at one level (人大代表)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_DEPUTY (dd_deputy_get_type ())
G_DECLARE_FINAL_TYPE (DdDeputy, dd_deputy, DD, DEPUTY, DdEntity)

DdDeputy   *dd_deputy_new            (void);
DdDeputy   *dd_deputy_load           (DdStore     *store,
                                      gint64       id,
                                      GError     **error);
const char *dd_deputy_get_name       (DdDeputy    *self);
const char *dd_deputy_get_level      (DdDeputy    *self);
const char *dd_deputy_get_status     (DdDeputy    *self);
gint64      dd_deputy_get_term       (DdDeputy    *self);
gint64      dd_deputy_get_person_id  (DdDeputy    *self);
gboolean    dd_deputy_end_seat       (DdDeputy    *self,
                                      DdStore     *store,
                                      const char  *status,
                                      const char  *date,
                                      const char  *reason,
                                      GError     **error);
DdDeputy   *dd_deputy_new_seat_of    (DdDeputy    *self);

G_END_DECLS
