/* dd-suggestion-facts.h: what a suggestion's detail shows beyond its own
 * columns: its proposers, handling units, replies and evaluations, and its
 * history as a timeline told from the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/**
 * DdSuggestionUnit:
 * A handling unit of a suggestion (suggestion_units with the unit's name).
 * @role: "lead" (主办) or "co" (协办)
 * @assigned_on: the day it was given the suggestion
 */
typedef struct
{
  gint64    unit_id;
  char     *name;
  char     *role;
  char     *assigned_on;
  gboolean  active;
} DdSuggestionUnit;

void        dd_suggestion_unit_free        (DdSuggestionUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdSuggestionUnit, dd_suggestion_unit_free)

/* (transfer full) (element-type DdDeputy): the proposers, the lead proposer
 * (领衔) first, then by position; of a voter's opinion, the deputy who
 * recorded it. %NULL on error. */
GPtrArray  *dd_suggestion_dup_proposers    (DdStore          *store,
                                            gint64            suggestion_id,
                                            GError          **error);
/* (transfer full) (element-type DdSuggestionUnit): the lead unit first, then
 * the co-handling units by name. */
GPtrArray  *dd_suggestion_dup_units        (DdStore          *store,
                                            gint64            suggestion_id,
                                            GError          **error);
/* (transfer full) (element-type DdReply): every reply, by round and date. */
GPtrArray  *dd_suggestion_dup_replies      (DdStore          *store,
                                            gint64            suggestion_id,
                                            GError          **error);
/* (transfer full) (element-type DdEvaluation): every verdict, by round, then
 * in the order of the proposers. */
GPtrArray  *dd_suggestion_dup_evaluations  (DdStore          *store,
                                            gint64            suggestion_id,
                                            GError          **error);

/**
 * DdTimelineKind:
 * What an event of the history tells, for its icon.
 */
typedef enum
{
  DD_TIMELINE_REGISTERED,          /* the suggestion was recorded */
  DD_TIMELINE_EDITED,              /* its own fields changed through a form */
  DD_TIMELINE_STATE,               /* a move of the workflow: "State: A → B" */
  DD_TIMELINE_ASSIGNED,            /* the units and the deadline of an assignment */
  DD_TIMELINE_UNITS,               /* another lead unit (transfer) */
  DD_TIMELINE_ROUND,               /* back to handling for another round */
  DD_TIMELINE_REPLY,               /* a unit's reply */
  DD_TIMELINE_EVALUATION,          /* one proposer's verdict */
  DD_TIMELINE_SUPERVISION_STARTED,
  DD_TIMELINE_SUPERVISION_ENDED,
  DD_TIMELINE_PROPOSER,            /* a proposer joined (a duplicate was merged in) */
  DD_TIMELINE_MERGED_IN,           /* another suggestion was merged into this one */
  DD_TIMELINE_OTHER,               /* an audit entry with no better sentence */
} DdTimelineKind;

GType       dd_timeline_kind_get_type      (void) G_GNUC_CONST;
#define DD_TYPE_TIMELINE_KIND (dd_timeline_kind_get_type ())

/**
 * DdTimelineEvent:
 * One line of a suggestion's history.
 * @changed_at: (nullable): when it was written, YYYY-MM-DDTHH:MM:SS; of an
 *   event from the records, the day it happened (YYYY-MM-DD), or %NULL when
 *   the records keep no date for it (a rejection or merge before the audit
 *   log knew the suggestion)
 * @operator_name: (nullable): who wrote it; %NULL from the records
 * @text: a translated sentence, e.g. "Assigned to 市教育局 (lead); reply
 *   deadline 2025-09-30", "State: Handling → Replied", "Evaluated by 王芳:
 *   Satisfied"
 * @detail: (nullable): translated or quoted detail: a reason, the text of a
 *   reply, a comment, the fields an edit changed (one a line)
 * @audit_ids: (element-type gint64): the audit_log rows the event tells,
 *   oldest first; empty for an event from the records
 */
typedef struct
{
  DdTimelineKind  kind;
  char           *changed_at;
  char           *operator_name;
  char           *text;
  char           *detail;
  GArray         *audit_ids;
} DdTimelineEvent;

void        dd_timeline_event_free         (DdTimelineEvent  *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdTimelineEvent, dd_timeline_event_free)

/* (transfer full) (element-type DdTimelineEvent): the suggestion's history,
 * oldest first.
 *
 * Told from the audit log: the suggestion's own entries (its registration,
 * edits, every workflow move with its data, units, supervision flag,
 * proposers), those of its replies, evaluations and supervisions, and the
 * merges of other suggestions into it. The entries one write makes are
 * told as one sentence each for what the office did, not one per column.
 *
 * What happened before the audit log knew the suggestion (imported or
 * generated records: the demo writes no audit entries) is told from the
 * records themselves: registration, assignment, replies, evaluations,
 * rounds, supervision, closing, each dated by its own date column and
 * without an operator, and only when the audit log does not tell it.
 *
 * The sentences are built here, with gettext, so that the CLI and the
 * window tell the same history; @kind lets a view choose an icon. */
GPtrArray  *dd_suggestion_dup_timeline     (DdStore          *store,
                                            gint64            suggestion_id,
                                            GError          **error);

G_END_DECLS
