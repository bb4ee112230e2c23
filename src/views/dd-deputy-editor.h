/* dd-deputy-editor.h: the form that adds and edits a deputy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"
#include "dd-deputy.h"

G_BEGIN_DECLS

#define DD_TYPE_DEPUTY_EDITOR (dd_deputy_editor_get_type ())
G_DECLARE_FINAL_TYPE (DdDeputyEditor, dd_deputy_editor, DD, DEPUTY_EDITOR, AdwBin)

GtkWidget *dd_deputy_editor_new           (DdContext      *context);
gboolean   dd_deputy_editor_load          (DdDeputyEditor *self,
                                           gint64          id);
void       dd_deputy_editor_clear         (DdDeputyEditor *self);
void       dd_deputy_editor_new_deputy    (DdDeputyEditor *self,
                                           DdDeputy       *seat_of,
                                           const char     *level);
gboolean   dd_deputy_editor_save          (DdDeputyEditor *self);
void       dd_deputy_editor_revert        (DdDeputyEditor *self);
gboolean   dd_deputy_editor_get_dirty     (DdDeputyEditor *self);
gboolean   dd_deputy_editor_get_editing   (DdDeputyEditor *self);
DdDeputy  *dd_deputy_editor_get_deputy    (DdDeputyEditor *self);
GtkWidget *dd_deputy_editor_get_row       (DdDeputyEditor *self,
                                           const char     *field);
const char *dd_deputy_editor_get_error    (DdDeputyEditor *self,
                                           const char     *field);
void       dd_deputy_editor_focus_first   (DdDeputyEditor *self);

G_END_DECLS
