/* dd-suggestion.h: a deputy's suggestion or a voter's opinion (代表建议/群众意见)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_SUGGESTION (dd_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (DdSuggestion, dd_suggestion, DD, SUGGESTION, DdEntity)

DdSuggestion *dd_suggestion_new  (void);
DdSuggestion *dd_suggestion_load (DdStore  *store,
                                  gint64    id,
                                  GError  **error);

G_END_DECLS
