/* dd-suggestion.h: a deputy's suggestion or a voter's opinion (代表建议/群众意见)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-calendar.h"
#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_SUGGESTION (dd_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (DdSuggestion, dd_suggestion, DD, SUGGESTION, DdEntity)

DdSuggestion *dd_suggestion_new  (void);
DdSuggestion *dd_suggestion_load (DdStore  *store,
                                  gint64    id,
                                  GError  **error);

/* The deadline flag today (the store's day): overdue or due soon while
 * assigned or being handled. @days_left: (out) (optional): working days
 * from today to the deadline, 0 on the day and negative once past it (0
 * with no deadline running). */
DdDeadlineStatus dd_suggestion_deadline_status   (DdStore       *store,
                                                  DdSuggestion  *self,
                                                  int           *days_left);
/* The lead unit's id, or 0 if none is assigned. */
gint64           dd_suggestion_get_lead_unit_id  (DdStore       *store,
                                                  gint64         suggestion_id);
/* (transfer full) (element-type gint64): the proposers' deputy ids, the lead
 * proposer first; of a voter's opinion, the deputy who recorded it. */
GArray          *dd_suggestion_dup_proposer_ids  (DdStore       *store,
                                                  gint64         suggestion_id,
                                                  GError       **error);

G_END_DECLS
