/* dd-station.h: a deputies' home, liaison station, studio … (代表之家/联络站)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"
#include "dd-query-model.h"

G_BEGIN_DECLS

#define DD_TYPE_STATION (dd_station_get_type ())
G_DECLARE_FINAL_TYPE (DdStation, dd_station, DD, STATION, DdEntity)

DdStation  *dd_station_new       (void);
DdStation  *dd_station_load      (DdStore    *store,
                                  gint64      id,
                                  GError    **error);
const char *dd_station_get_name  (DdStation  *self);
const char *dd_station_get_kind  (DdStation  *self);
gboolean    dd_station_attach_deputy (DdStation *self,
                                      DdStore   *store,
                                      gint64     deputy_id,
                                      GError   **error);

#define DD_TYPE_STATION_LIST (dd_station_list_get_type ())
G_DECLARE_FINAL_TYPE (DdStationList, dd_station_list, DD, STATION_LIST, DdQueryModel)

DdStationList *dd_station_list_new_for_deputy (DdStore *store,
                                               gint64   deputy_id);

G_END_DECLS
