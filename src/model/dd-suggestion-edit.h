/* dd-suggestion-edit.h: the rules a form checks before it writes, as
 * per-field problems (DdProblem) it can show under each row: a
 * suggestion's own fields, and the start of its supervision
 *
 * The writes themselves check again (dd_entity_save(),
 * dd_supervision_start()); these only say which field is at fault, with
 * the same messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-suggestion.h"
#include "dd-supervision-flag.h"

G_BEGIN_DECLS

/* Whether a form may change @field ("title", "registered-on" …) of
 * @suggestion as it stands: the workflow's fields never; the kind never
 * (the number carries it); the registration date only until the
 * suggestion is assigned; the title, text, category and the voter's name
 * and phone always. */
gboolean    dd_suggestion_can_edit_field  (DdSuggestion              *suggestion,
                                           const char                *field);

/* (transfer full) (element-type DdProblem): dd_entity_check() of @edited,
 * plus the rules of an edit against the stored record: no kind changed,
 * no registration date changed once assigned, none after today. Empty if
 * @edited can be saved. */
GPtrArray  *dd_suggestion_check_edit      (DdStore                   *store,
                                           DdSuggestion              *edited);

/* (transfer full) (element-type DdProblem): what dd_supervision_start()
 * would refuse, by field ("mode", "leader-name", "started-on"; a problem
 * with the suggestion itself, e.g. its state, has field %NULL). Empty if
 * it can start. */
GPtrArray  *dd_supervision_check_start    (DdStore                   *store,
                                           gint64                     suggestion_id,
                                           const DdSupervisionStart  *start);

G_END_DECLS
