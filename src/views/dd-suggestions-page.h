/* dd-suggestions-page.h: the board of the suggestion workflow (建议办理)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-board-column.h"
#include "dd-context.h"
#include "dd-move-dialog.h"

G_BEGIN_DECLS

#define DD_TYPE_SUGGESTIONS_PAGE (dd_suggestions_page_get_type ())
G_DECLARE_FINAL_TYPE (DdSuggestionsPage, dd_suggestions_page, DD, SUGGESTIONS_PAGE, AdwBin)

GtkWidget          *dd_suggestions_page_new             (DdContext         *context);
DdSuggestionFilter *dd_suggestions_page_get_filter      (DdSuggestionsPage *self);
guint               dd_suggestions_page_get_n_columns   (DdSuggestionsPage *self);
DdBoardColumn      *dd_suggestions_page_get_column      (DdSuggestionsPage *self,
                                                         guint              index);
DdBoardColumn      *dd_suggestions_page_find_column     (DdSuggestionsPage *self,
                                                         const char        *name);
DdMoveDialog       *dd_suggestions_page_move            (DdSuggestionsPage *self,
                                                         gint64             id,
                                                         const char        *to);
DdMoveDialog       *dd_suggestions_page_drop            (DdSuggestionsPage *self,
                                                         DdSuggestion      *suggestion,
                                                         DdBoardColumn     *column);
GArray             *dd_suggestions_page_dup_selected    (DdSuggestionsPage *self);
void                dd_suggestions_page_show_detail     (DdSuggestionsPage *self,
                                                         gint64             id);
gint64              dd_suggestions_page_get_detail_id   (DdSuggestionsPage *self);
gboolean            dd_suggestions_page_show_unit       (DdSuggestionsPage *self,
                                                         gint64             unit_id,
                                                         int                year);

G_END_DECLS
