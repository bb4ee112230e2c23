/* dd-move-dialog.h: the form a move of the workflow needs, for one
 * suggestion or several
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-store.h"
#include "dd-workflow.h"

G_BEGIN_DECLS

#define DD_TYPE_MOVE_DIALOG (dd_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DdMoveDialog, dd_move_dialog, DD, MOVE_DIALOG, AdwWindow)

DdMoveDialog     *dd_move_dialog_new_move          (GtkWindow          *parent,
                                                    DdStore            *store,
                                                    const gint64       *ids,
                                                    guint               n_ids,
                                                    const char * const *targets);
DdMoveDialog     *dd_move_dialog_new_transfer_unit (GtkWindow          *parent,
                                                    DdStore            *store,
                                                    const gint64       *ids,
                                                    guint               n_ids);
DdMoveDialog     *dd_move_dialog_new_supervision   (GtkWindow          *parent,
                                                    DdStore            *store,
                                                    const gint64       *ids,
                                                    guint               n_ids);

const char       *dd_move_dialog_get_target        (DdMoveDialog       *self);
void              dd_move_dialog_set_target        (DdMoveDialog       *self,
                                                    const char         *to);
DdTransitionKind  dd_move_dialog_get_kind          (DdMoveDialog       *self);
/* "assign", "reply", "evaluate", "reject", "merge", "transfer-out",
 * "return", "close", "transfer-unit", "supervision" or "confirm" */
const char       *dd_move_dialog_get_form          (DdMoveDialog       *self);
/* The input of @field: "lead-unit", "co-unit", "assigned-on", "deadline",
 * "class", "replied-on", "signed-off", "reply-text", "evaluated-on",
 * "reason", "merge-number", "merge-search", "destination", "return-reason",
 * "returned-on", "publish", "closed-on", "transfer-unit",
 * "transfer-reason", "transferred-on", "mode", "leader", "started-on",
 * "note". */
GtkWidget        *dd_move_dialog_get_field         (DdMoveDialog       *self,
                                                    const char         *field);
/* Chooses a unit by id in the dropdown of @field ("lead-unit", "co-unit",
 * "transfer-unit"), as picking it from the list does. */
gboolean          dd_move_dialog_choose_unit       (DdMoveDialog       *self,
                                                    const char         *field,
                                                    gint64              unit_id);
/* The verdict rows of the evaluation form, one per proposer, in order. */
guint             dd_move_dialog_get_n_verdicts    (DdMoveDialog       *self);
void              dd_move_dialog_set_verdict       (DdMoveDialog       *self,
                                                    guint               index,
                                                    const char         *verdict);
gboolean          dd_move_dialog_save              (DdMoveDialog       *self);
const char       *dd_move_dialog_get_error         (DdMoveDialog       *self);

G_END_DECLS
