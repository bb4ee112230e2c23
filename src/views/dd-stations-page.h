/* dd-stations-page.h: the homes and stations, filtered, with their detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"
#include "dd-station-editor.h"
#include "dd-station-list.h"

G_BEGIN_DECLS

#define DD_TYPE_STATIONS_PAGE (dd_stations_page_get_type ())
G_DECLARE_FINAL_TYPE (DdStationsPage, dd_stations_page, DD, STATIONS_PAGE, AdwBin)

GtkWidget       *dd_stations_page_new          (DdContext      *context);
DdStationList   *dd_stations_page_get_list     (DdStationsPage *self);
DdStationEditor *dd_stations_page_get_editor   (DdStationsPage *self);
gboolean         dd_stations_page_select       (DdStationsPage *self,
                                                gint64          id);
gint64           dd_stations_page_get_selected (DdStationsPage *self);

G_END_DECLS
