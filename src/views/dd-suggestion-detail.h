/* dd-suggestion-detail.h: one suggestion: its facts, units, deadline,
 * supervision, replies and evaluations, its history, and its form
 *
 * Embedded by the board. Set #DdSuggestionDetail:suggestion to show one
 * (%NULL: an empty state). The widget emits ::add-toast for the window's
 * overlay and ::move-requested when the user picks a state in "Move To…":
 * the board owns the move's dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"
#include "dd-suggestion.h"

G_BEGIN_DECLS

#define DD_TYPE_SUGGESTION_DETAIL (dd_suggestion_detail_get_type ())
G_DECLARE_FINAL_TYPE (DdSuggestionDetail, dd_suggestion_detail, DD, SUGGESTION_DETAIL, AdwBin)

GtkWidget    *dd_suggestion_detail_new               (DdContext          *context);
DdSuggestion *dd_suggestion_detail_get_suggestion    (DdSuggestionDetail *self);
void          dd_suggestion_detail_set_suggestion    (DdSuggestionDetail *self,
                                                      DdSuggestion       *suggestion);
gboolean      dd_suggestion_detail_show_id           (DdSuggestionDetail *self,
                                                      gint64              id);
gint64        dd_suggestion_detail_get_suggestion_id (DdSuggestionDetail *self);
gboolean      dd_suggestion_detail_get_dirty         (DdSuggestionDetail *self);
gboolean      dd_suggestion_detail_save              (DdSuggestionDetail *self);
void          dd_suggestion_detail_revert            (DdSuggestionDetail *self);
void          dd_suggestion_detail_show_section      (DdSuggestionDetail *self,
                                                      const char         *name);
GtkWidget    *dd_suggestion_detail_get_row           (DdSuggestionDetail *self,
                                                      const char         *field);
const char   *dd_suggestion_detail_get_error         (DdSuggestionDetail *self,
                                                      const char         *field);

G_END_DECLS
