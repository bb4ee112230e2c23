/* dd-station-row.h: one station in the stations list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dd-station.h"

G_BEGIN_DECLS

#define DD_TYPE_STATION_ROW (dd_station_row_get_type ())
G_DECLARE_FINAL_TYPE (DdStationRow, dd_station_row, DD, STATION_ROW, GtkWidget)

GtkWidget  *dd_station_row_new          (DdStore      *store);
DdStation  *dd_station_row_get_station  (DdStationRow *self);
void        dd_station_row_set_station  (DdStationRow *self,
                                         DdStation    *station);
const char *dd_station_row_get_summary  (DdStationRow *self);
const char *dd_station_row_get_compliance (DdStationRow *self);

G_END_DECLS
