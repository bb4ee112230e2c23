/* dd-workflow.h: moving a suggestion through its handling
 *
 *   registered → under_review → assigned → handling → replied → evaluated → closed
 *
 * Review can also reject (rejected), merge a duplicate into another
 * suggestion (merged) or transfer it out to another level's congress
 * (transferred_out); those three and closed are final. The unit may return
 * an item outside its remit within a few working days of its assignment
 * (assigned → under_review). An evaluation with any unsatisfied verdict
 * sends the suggestion back to handling for another round (replied →
 * handling). Assigned and handling suggestions can be transferred to
 * another lead unit without changing state.
 *
 * Every function below checks the move and its data inside one
 * transaction, then writes the state, its data rows and the audit log
 * (entity "suggestions", field "state", old → new, plus one row per datum),
 * stamped with the store's operator and time. An illegal move fails with
 * DD_MODEL_ERROR_ILLEGAL_TRANSITION naming both states; missing or wrong
 * data with DD_MODEL_ERROR_INVALID naming the field; an unknown suggestion
 * with DD_MODEL_ERROR_NOT_FOUND. On any error nothing is written.
 *
 * Dates are YYYY-MM-DD; a date left NULL is today (the store's), and no
 * date may be after today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/**
 * DdTransitionKind:
 * Which move, and so which form the UI shows for it.
 */
typedef enum
{
  DD_TRANSITION_NONE,            /* not a legal move */
  DD_TRANSITION_START_REVIEW,    /* registered → under_review: no data */
  DD_TRANSITION_REJECT,          /* under_review → rejected: a reason */
  DD_TRANSITION_MERGE,           /* under_review → merged: the suggestion it duplicates */
  DD_TRANSITION_TRANSFER_OUT,    /* under_review → transferred_out: the destination */
  DD_TRANSITION_ASSIGN,          /* under_review → assigned: DdAssignment */
  DD_TRANSITION_RETURN_BY_UNIT,  /* assigned → under_review: DdUnitReturn */
  DD_TRANSITION_START_HANDLING,  /* assigned → handling: no data */
  DD_TRANSITION_REPLY,           /* handling → replied: DdReplyInput */
  DD_TRANSITION_EVALUATE,        /* replied → evaluated, or → handling if anyone is unsatisfied */
  DD_TRANSITION_CLOSE,           /* evaluated → closed: DdClosing */
  DD_TRANSITION_TRANSFER_UNIT,   /* assigned or handling, state kept: DdUnitTransfer */
} DdTransitionKind;

GType       dd_transition_kind_get_type (void) G_GNUC_CONST;
#define DD_TYPE_TRANSITION_KIND (dd_transition_kind_get_type ())

/**
 * DdAssignment:
 * @lead_unit_id: the lead unit (主办), required and active
 * @co_unit_ids: (array length=n_co_units) (nullable): co-handling units (协办)
 * @assigned_on: (nullable): not before the registration; NULL: today
 * @deadline_on: (nullable): the reply deadline; NULL: by the rules of
 *   dd_calendar_dup_deadline()
 */
typedef struct
{
  gint64        lead_unit_id;
  const gint64 *co_unit_ids;
  guint         n_co_units;
  const char   *assigned_on;
  const char   *deadline_on;
} DdAssignment;

/**
 * DdReplyInput:
 * @unit_id: the replying unit: 0 or the lead unit
 * @reply_class: "A", "B" or "C"
 * @body: the reply's text
 * @replied_on: required; not before the assignment (nor before the
 *   evaluation that opened this round)
 * @co_units_signed_off: the co-handling units agreed to the reply (会签);
 *   recorded as FALSE when there are none
 */
typedef struct
{
  gint64      unit_id;
  const char *reply_class;
  const char *body;
  const char *replied_on;
  gboolean    co_units_signed_off;
} DdReplyInput;

typedef struct
{
  gint64      deputy_id;
  const char *verdict;    /* satisfied, basically_satisfied, unsatisfied */
  const char *comment;    /* nullable */
} DdVerdict;

/**
 * DdEvaluationInput:
 * @verdicts: (array length=n_verdicts): exactly one per proposer (of a
 *   voter's opinion, the deputy who recorded it)
 * @evaluated_on: (nullable): not before the reply; NULL: today
 */
typedef struct
{
  const DdVerdict *verdicts;
  guint            n_verdicts;
  const char      *evaluated_on;
} DdEvaluationInput;

/**
 * DdClosing:
 * @closed_on: (nullable): not before the evaluation; NULL: today
 * @publish: show it on the station's publicity board (公示)
 */
typedef struct
{
  const char *closed_on;
  gboolean    publish;
} DdClosing;

/**
 * DdUnitReturn:
 * @reason: why the item is outside the unit's remit; required
 * @returned_on: (nullable): within DdDeadlineRules.unit_return_working_days
 *   working days of the assignment; NULL: today
 */
typedef struct
{
  const char *reason;
  const char *returned_on;
} DdUnitReturn;

/**
 * DdUnitTransfer:
 * @unit_id: the new lead unit; a co-handling unit may be promoted
 * @transferred_on: (nullable): not before the assignment; NULL: today
 * @reason: (nullable): recorded in the audit log
 */
typedef struct
{
  gint64      unit_id;
  const char *transferred_on;
  const char *reason;
} DdUnitTransfer;

/**
 * DdMove:
 * The data of any move, for dd_workflow_move(): only the part the move
 * needs is read, and a part it needs but finds NULL is missing data.
 */
typedef struct
{
  const DdAssignment      *assignment;     /* assign */
  const DdReplyInput      *reply;          /* reply */
  const DdEvaluationInput *evaluation;     /* evaluate */
  const DdClosing         *closing;        /* close */
  const DdUnitReturn      *unit_return;    /* return by the unit */
  const char              *reason;         /* reject */
  gint64                   merge_into_id;  /* merge */
  const char              *destination;    /* transfer out */
} DdMove;

/* The rules, without a database */
gboolean            dd_workflow_can_move           (const char        *from,
                                                    const char        *to);
/* (transfer none): the legal next states of @from, NULL-terminated (empty for
 * the final states and unknown codes), for a "Move to…" menu. */
const char * const *dd_workflow_targets            (const char        *from);
DdTransitionKind    dd_workflow_transition_for     (const char        *from,
                                                    const char        *to);
gboolean            dd_workflow_can_transfer_unit  (const char        *state);
/* Translated, e.g. "Assign", "Record the reply". */
const char         *dd_transition_kind_get_label   (DdTransitionKind   kind);

/* Moves to @to with the data of @move (nullable when the move needs none);
 * for the board's drops and the CLI. Moving replied → evaluated with an
 * unsatisfied verdict, or replied → handling without one, is
 * DD_MODEL_ERROR_INVALID. */
gboolean    dd_workflow_move           (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const char               *to,
                                        const DdMove             *move,
                                        GError                  **error);

gboolean    dd_workflow_start_review   (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        GError                  **error);
gboolean    dd_workflow_reject         (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const char               *reason,
                                        GError                  **error);
/* Merges a duplicate into @into_id, which must exist, be another suggestion
 * and not be rejected, merged or transferred out. Its proposers become
 * co-proposers of @into_id (so that they evaluate its handling), and
 * suggestions merged into this one before now point at @into_id. */
gboolean    dd_workflow_merge          (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        gint64                    into_id,
                                        GError                  **error);
gboolean    dd_workflow_transfer_out   (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const char               *destination,
                                        GError                  **error);
gboolean    dd_workflow_assign         (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const DdAssignment       *assignment,
                                        GError                  **error);
/* Back to review: the units, the assignment date and the deadline are
 * cleared, open supervision ends. */
gboolean    dd_workflow_return_by_unit (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const DdUnitReturn       *unit_return,
                                        GError                  **error);
gboolean    dd_workflow_start_handling (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        GError                  **error);
gboolean    dd_workflow_reply          (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const DdReplyInput       *reply,
                                        GError                  **error);
/* Records one verdict per proposer for the current round. All satisfied or
 * basically satisfied: evaluated. Any unsatisfied: back to handling, round
 * + 1, with a new deadline counted from the evaluation by the same rules as
 * an assignment. */
gboolean    dd_workflow_evaluate       (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const DdEvaluationInput  *evaluation,
                                        GError                  **error);
/* Closes an evaluated suggestion; open supervision ends that day. */
gboolean    dd_workflow_close          (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const DdClosing          *closing,
                                        GError                  **error);
/* Another lead unit for an assigned or handling suggestion; the state, the
 * assignment date and the deadline are kept (the proposer's wait does not
 * start again; a unit that returns the item in time gets a new assignment
 * instead). DD_MODEL_ERROR_ILLEGAL_TRANSITION in any other state. */
gboolean    dd_workflow_transfer_unit  (DdStore                  *store,
                                        gint64                    suggestion_id,
                                        const DdUnitTransfer     *transfer,
                                        GError                  **error);

/* The id of the handling unit @name_or_number names: its number (id) or its
 * exact name; DD_MODEL_ERROR_NOT_FOUND if none. For the CLI and forms. */
gint64      dd_workflow_lookup_unit    (DdStore                  *store,
                                        const char               *name_or_number,
                                        GError                  **error);

G_END_DECLS
