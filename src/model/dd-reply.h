/* dd-reply.h: a handling unit's answer to a suggestion, classed A/B/C (答复)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_REPLY (dd_reply_get_type ())
G_DECLARE_FINAL_TYPE (DdReply, dd_reply, DD, REPLY, DdEntity)

DdReply *dd_reply_new  (void);
DdReply *dd_reply_load (DdStore  *store,
                        gint64    id,
                        GError  **error);

G_END_DECLS
