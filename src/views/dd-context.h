/* dd-context.h: what every view needs, passed in as a property
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-store.h"

G_BEGIN_DECLS

#define DD_TYPE_CONTEXT (dd_context_get_type ())
G_DECLARE_FINAL_TYPE (DdContext, dd_context, DD, CONTEXT, GObject)

DdContext *dd_context_new          (GSettings *settings);
GSettings *dd_context_get_settings (DdContext *self);
DdStore   *dd_context_get_store    (DdContext *self);
void       dd_context_set_store    (DdContext *self,
                                    DdStore   *store);

G_END_DECLS
