/* dd-opinion-editor.h: one voter's opinion in the reception dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DD_TYPE_OPINION_EDITOR (dd_opinion_editor_get_type ())
G_DECLARE_FINAL_TYPE (DdOpinionEditor, dd_opinion_editor, DD, OPINION_EDITOR, AdwPreferencesGroup)

GtkWidget  *dd_opinion_editor_new          (guint            number);
guint       dd_opinion_editor_get_number   (DdOpinionEditor *self);
void        dd_opinion_editor_set_number   (DdOpinionEditor *self,
                                            guint            number);
const char *dd_opinion_editor_get_title    (DdOpinionEditor *self);
const char *dd_opinion_editor_get_body     (DdOpinionEditor *self);
const char *dd_opinion_editor_get_category (DdOpinionEditor *self);
void        dd_opinion_editor_set_category (DdOpinionEditor *self,
                                            const char      *category);
const char *dd_opinion_editor_get_voter_name  (DdOpinionEditor *self);
const char *dd_opinion_editor_get_voter_phone (DdOpinionEditor *self);
void        dd_opinion_editor_set_error    (DdOpinionEditor *self,
                                            const char      *message);
const char *dd_opinion_editor_get_error    (DdOpinionEditor *self);
GtkWidget  *dd_opinion_editor_get_row      (DdOpinionEditor *self,
                                            const char      *field);

G_END_DECLS
