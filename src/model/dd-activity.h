/* dd-activity.h: an inspection, research, training … of deputies (代表活动)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_ACTIVITY (dd_activity_get_type ())
G_DECLARE_FINAL_TYPE (DdActivity, dd_activity, DD, ACTIVITY, DdEntity)

DdActivity *dd_activity_new  (void);
DdActivity *dd_activity_load (DdStore  *store,
                              gint64    id,
                              GError  **error);

G_END_DECLS
