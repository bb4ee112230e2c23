/* dd-station-editor.h: a station's detail: its form, checklist, deputies,
 * figures, receptions and QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"
#include "dd-station.h"

G_BEGIN_DECLS

#define DD_TYPE_STATION_EDITOR (dd_station_editor_get_type ())
G_DECLARE_FINAL_TYPE (DdStationEditor, dd_station_editor, DD, STATION_EDITOR, AdwBin)

GtkWidget  *dd_station_editor_new            (DdContext       *context);
gboolean    dd_station_editor_load           (DdStationEditor *self,
                                              gint64           id);
void        dd_station_editor_clear          (DdStationEditor *self);
void        dd_station_editor_new_station    (DdStationEditor *self,
                                              const char      *kind,
                                              const char      *district,
                                              const char      *township);
gboolean    dd_station_editor_save           (DdStationEditor *self);
void        dd_station_editor_revert         (DdStationEditor *self);
gboolean    dd_station_editor_get_dirty      (DdStationEditor *self);
gboolean    dd_station_editor_get_editing    (DdStationEditor *self);
DdStation  *dd_station_editor_get_station    (DdStationEditor *self);
GtkWidget  *dd_station_editor_get_row        (DdStationEditor *self,
                                              const char      *field);
const char *dd_station_editor_get_error      (DdStationEditor *self,
                                              const char      *field);
void        dd_station_editor_focus_first    (DdStationEditor *self);
const char *dd_station_editor_get_compliance (DdStationEditor *self);
GtkWidget  *dd_station_editor_get_check      (DdStationEditor *self,
                                              guint            index);
guint       dd_station_editor_get_n_deputies (DdStationEditor *self);
GListModel *dd_station_editor_get_deputies   (DdStationEditor *self);
void        dd_station_editor_record_reception (DdStationEditor *self);

G_END_DECLS
