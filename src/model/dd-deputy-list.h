/* dd-deputy-list.h: deputies filtered and ordered in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-query-model.h"

G_BEGIN_DECLS

#define DD_TYPE_DEPUTY_LIST (dd_deputy_list_get_type ())
G_DECLARE_FINAL_TYPE (DdDeputyList, dd_deputy_list, DD, DEPUTY_LIST, DdQueryModel)

DdDeputyList *dd_deputy_list_new            (DdStore      *store);
void          dd_deputy_list_set_search     (DdDeputyList *self,
                                             const char   *search);
void          dd_deputy_list_set_level      (DdDeputyList *self,
                                             const char   *level);
void          dd_deputy_list_set_status     (DdDeputyList *self,
                                             const char   *status);
void          dd_deputy_list_set_group_name (DdDeputyList *self,
                                             const char   *group_name);
void          dd_deputy_list_set_person_id  (DdDeputyList *self,
                                             gint64        person_id);
void          dd_deputy_list_set_station_id (DdDeputyList *self,
                                             gint64        station_id);
char        **dd_deputy_list_dup_group_names (DdStore     *store,
                                              GError     **error);

G_END_DECLS
