/* dd-codes.h: the stored enum codes of DESIGN.md and their translated names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const char * const dd_deputy_levels[];        /* national … township, NULL-terminated */
extern const char * const dd_deputy_statuses[];      /* active, resigned, terminated */
extern const char * const dd_genders[];
extern const char * const dd_station_kinds[];
extern const char * const dd_unit_kinds[];
extern const char * const dd_suggestion_kinds[];
extern const char * const dd_suggestion_states[];
extern const char * const dd_suggestion_categories[];
extern const char * const dd_reply_classes[];
extern const char * const dd_verdicts[];
extern const char * const dd_supervision_modes[];
extern const char * const dd_activity_kinds[];
extern const char * const dd_attendance_statuses[];
extern const char * const dd_assessment_grades[];    /* excellent, good, pass, fail */
extern const char * const dd_assessment_stages[];    /* self → township → district → approved */
extern const char * const dd_project_results[];      /* pending, adopted, rejected */
extern const char * const dd_project_votes[];        /* for, against, abstain */
extern const char * const dd_holiday_kinds[];        /* holiday, workday (a make-up workday, 调休上班) */

/* The translated name of a code of @codes (one of the arrays above), or @code itself. */
const char *dd_code_label (const char * const *codes,
                           const char         *code);

G_END_DECLS
