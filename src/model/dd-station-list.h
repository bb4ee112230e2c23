/* dd-station-list.h: stations filtered and ordered in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-query-model.h"

G_BEGIN_DECLS

typedef enum
{
  DD_COMPLIANCE_ANY,
  DD_COMPLIANCE_COMPLETE,     /* every active checklist item ticked */
  DD_COMPLIANCE_INCOMPLETE,
} DdCompliance;

typedef enum
{
  DD_UPGRADED_ANY,
  DD_UPGRADED_YES,            /* upgraded_on set */
  DD_UPGRADED_NO,
} DdUpgraded;

#define DD_TYPE_STATION_LIST (dd_station_list_get_type ())
G_DECLARE_FINAL_TYPE (DdStationList, dd_station_list, DD, STATION_LIST, DdQueryModel)

/* Every non-archived station by name; each setter re-queries (NULL/"" clears). */
DdStationList *dd_station_list_new              (DdStore       *store);
/* The stations a deputy is attached to, by name. */
DdStationList *dd_station_list_new_for_deputy   (DdStore       *store,
                                                 gint64         deputy_id);
/* Search: name, address or code contains the text. */
void           dd_station_list_set_search       (DdStationList *self,
                                                 const char    *search);
void           dd_station_list_set_kind         (DdStationList *self,
                                                 const char    *kind);
void           dd_station_list_set_district     (DdStationList *self,
                                                 const char    *district);
void           dd_station_list_set_township     (DdStationList *self,
                                                 const char    *township);
void           dd_station_list_set_compliance   (DdStationList *self,
                                                 DdCompliance   compliance);
void           dd_station_list_set_upgraded     (DdStationList *self,
                                                 DdUpgraded     upgraded);
void           dd_station_list_set_show_archived (DdStationList *self,
                                                  gboolean       show_archived);
/* Distinct values in use, sorted: for the filter menus. */
char         **dd_station_list_dup_districts    (DdStore       *store,
                                                 GError       **error);
char         **dd_station_list_dup_townships    (DdStore       *store,
                                                 const char    *district,
                                                 GError       **error);

G_END_DECLS
