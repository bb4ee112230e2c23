/* dd-board-column.h: one column of the suggestions board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-suggestion-card.h"
#include "dd-suggestion-list.h"

G_BEGIN_DECLS

#define DD_TYPE_BOARD_COLUMN (dd_board_column_get_type ())
G_DECLARE_FINAL_TYPE (DdBoardColumn, dd_board_column, DD, BOARD_COLUMN, GtkWidget)

GtkWidget          *dd_board_column_new                (DdStore            *store,
                                                        guint               index,
                                                        DdSuggestionFilter *filter);
const char         *dd_board_column_get_name           (DdBoardColumn      *self);
const char         *dd_board_column_get_title          (DdBoardColumn      *self);
DdSuggestionList   *dd_board_column_get_list           (DdBoardColumn      *self);
GtkSelectionModel  *dd_board_column_get_selection      (DdBoardColumn      *self);
GtkListView        *dd_board_column_get_list_view      (DdBoardColumn      *self);
guint               dd_board_column_get_n_items        (DdBoardColumn      *self);
const char         *dd_board_column_get_count_text     (DdBoardColumn      *self);
GArray             *dd_board_column_dup_selected_ids   (DdBoardColumn      *self);
void                dd_board_column_select_none        (DdBoardColumn      *self);
gboolean            dd_board_column_select             (DdBoardColumn      *self,
                                                        gint64              id,
                                                        gboolean            exclusive);
void                dd_board_column_set_selection_mode (DdBoardColumn      *self,
                                                        gboolean            selection_mode);
DdSuggestionCard   *dd_board_column_find_card          (DdBoardColumn      *self,
                                                        gint64              id);
gboolean            dd_board_column_accepts_state      (DdBoardColumn      *self,
                                                        const char         *state);

G_END_DECLS
