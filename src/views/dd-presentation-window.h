/* dd-presentation-window.h: the statistics as full-screen slides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dd-deck.h"

G_BEGIN_DECLS

#define DD_TYPE_PRESENTATION_WINDOW (dd_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (DdPresentationWindow, dd_presentation_window, DD, PRESENTATION_WINDOW, GtkWindow)

GtkWindow *dd_presentation_window_new       (GtkWindow            *parent,
                                             DdDeck               *deck);
DdDeck    *dd_presentation_window_get_deck  (DdPresentationWindow *self);
guint      dd_presentation_window_get_slide (DdPresentationWindow *self);
void       dd_presentation_window_set_slide (DdPresentationWindow *self,
                                             guint                 slide);
gboolean   dd_presentation_window_get_dark  (DdPresentationWindow *self);
void       dd_presentation_window_set_dark  (DdPresentationWindow *self,
                                             gboolean              dark);

G_END_DECLS
