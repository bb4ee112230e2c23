/* dd-supervision-flag.h: supervising a suggestion (督办): a flag with a
 * history, kept as rows of the supervisions table, not as a column
 *
 * A suggestion is under supervision while one of its rows has no end date;
 * at most one is open at a time. Each change is one transaction, audited on
 * the supervision (entity "supervisions") and on the suggestion (entity
 * "suggestions", field "supervision", old mode → new mode).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/**
 * DdSupervisionStart:
 * @mode: on_site, key or tracking
 * @leader_name: the leading official; required for key supervision (重点督办)
 * @started_on: (nullable): not before the assignment nor after today; NULL: today
 * @note: (nullable)
 */
typedef struct
{
  const char *mode;
  const char *leader_name;
  const char *started_on;
  const char *note;
} DdSupervisionStart;

/* Starts supervising an assigned or handling suggestion. A supervision
 * already open ends the day the new one starts: that is how the mode
 * changes (tracking → key …). @out_id: (out) (optional): the new row. */
gboolean    dd_supervision_start            (DdStore                   *store,
                                             gint64                     suggestion_id,
                                             const DdSupervisionStart  *start,
                                             gint64                    *out_id,
                                             GError                   **error);
/* Ends the open supervision on @ended_on (NULL: today);
 * DD_MODEL_ERROR_INVALID if none is open. */
gboolean    dd_supervision_end              (DdStore                   *store,
                                             gint64                     suggestion_id,
                                             const char                *ended_on,
                                             GError                   **error);
/* (transfer full) (element-type DdSupervision): every supervision of the
 * suggestion, oldest first. */
GPtrArray  *dd_supervision_list_for         (DdStore                   *store,
                                             gint64                     suggestion_id,
                                             GError                   **error);
/* (transfer full) (nullable): the mode of the open supervision, or NULL. */
char       *dd_supervision_dup_current_mode (DdStore                   *store,
                                             gint64                     suggestion_id);

/* For the workflow, inside its transaction: ends whatever supervision is
 * open on @day (or on its start day, if that is later). */
gboolean    dd_supervision_end_open         (DdStore                   *store,
                                             gint64                     suggestion_id,
                                             const char                *day,
                                             GError                   **error);

G_END_DECLS
