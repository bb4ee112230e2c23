/* dd-supervision.h: how a suggestion is supervised: on-site, key, tracking (督办)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_SUPERVISION (dd_supervision_get_type ())
G_DECLARE_FINAL_TYPE (DdSupervision, dd_supervision, DD, SUPERVISION, DdEntity)

DdSupervision *dd_supervision_new  (void);
DdSupervision *dd_supervision_load (DdStore  *store,
                                    gint64    id,
                                    GError  **error);

G_END_DECLS
