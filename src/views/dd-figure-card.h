/* dd-figure-card.h: a headline number with its breakdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DD_TYPE_FIGURE_CARD (dd_figure_card_get_type ())
G_DECLARE_FINAL_TYPE (DdFigureCard, dd_figure_card, DD, FIGURE_CARD, GtkWidget)

const char *dd_figure_card_get_title     (DdFigureCard       *self);
const char *dd_figure_card_get_value     (DdFigureCard       *self);
void        dd_figure_card_set_value     (DdFigureCard       *self,
                                          const char         *value);
const char *dd_figure_card_get_caption   (DdFigureCard       *self);
void        dd_figure_card_set_caption   (DdFigureCard       *self,
                                          const char         *caption);
void        dd_figure_card_set_details   (DdFigureCard       *self,
                                          const char * const *labels,
                                          const char * const *values);
guint       dd_figure_card_get_n_details (DdFigureCard       *self);
const char *dd_figure_card_get_detail    (DdFigureCard       *self,
                                          guint               index,
                                          const char        **value);

G_END_DECLS
