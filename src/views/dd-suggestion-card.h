/* dd-suggestion-card.h: one suggestion on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-suggestion.h"

G_BEGIN_DECLS

#define DD_TYPE_SUGGESTION_CARD (dd_suggestion_card_get_type ())
G_DECLARE_FINAL_TYPE (DdSuggestionCard, dd_suggestion_card, DD, SUGGESTION_CARD, GtkWidget)

GtkWidget    *dd_suggestion_card_new                (DdStore          *store);
DdSuggestion *dd_suggestion_card_get_suggestion     (DdSuggestionCard *self);
void          dd_suggestion_card_set_suggestion     (DdSuggestionCard *self,
                                                     DdSuggestion     *suggestion);
gboolean      dd_suggestion_card_get_selection_mode (DdSuggestionCard *self);
void          dd_suggestion_card_set_selection_mode (DdSuggestionCard *self,
                                                     gboolean          selection_mode);
void          dd_suggestion_card_set_selected       (DdSuggestionCard *self,
                                                     gboolean          selected);
void          dd_suggestion_card_popup_menu         (DdSuggestionCard *self);
GMenuModel   *dd_suggestion_card_get_menu           (DdSuggestionCard *self);
/* What the card shows, for tests: "proposers", "unit", "deadline",
 * "supervision", "round", "verdict", "state"; "" when hidden. */
const char   *dd_suggestion_card_get_text           (DdSuggestionCard *self,
                                                     const char       *part);

G_END_DECLS
