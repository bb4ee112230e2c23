/* dd-suggestion-summary.h: the names a suggestion's card and forms show,
 * each in one indexed query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/* (transfer full): the proposers' names, the lead proposer first (of a
 * voter's opinion, the deputy who recorded it); an empty array if none,
 * NULL with @error set on failure. */
char  **dd_suggestion_dup_proposer_names  (DdStore     *store,
                                           gint64       suggestion_id,
                                           GError     **error);
/* (transfer full) (nullable): the lead unit's name, NULL if none is assigned. */
char   *dd_suggestion_dup_lead_unit_name  (DdStore     *store,
                                           gint64       suggestion_id);
/* (transfer full): the co-handling units' names (协办), by name; an empty
 * array if none, NULL with @error set on failure. */
char  **dd_suggestion_dup_co_unit_names   (DdStore     *store,
                                           gint64       suggestion_id,
                                           GError     **error);
/* (transfer full) (nullable): the least favourable verdict recorded for
 * @round (unsatisfied before basically_satisfied before satisfied), NULL
 * if none was. */
char   *dd_suggestion_dup_verdict         (DdStore     *store,
                                           gint64       suggestion_id,
                                           gint64       round);
/* The id of the suggestion numbered @number (e.g. "JY2025-0012", spaces
 * around it ignored); DD_MODEL_ERROR_NOT_FOUND if none. */
gint64  dd_suggestion_lookup_number       (DdStore     *store,
                                           const char  *number,
                                           GError     **error);

G_END_DECLS
