/* dd-station.h: a deputies' home, liaison station, studio … (代表之家/联络站)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_STATION (dd_station_get_type ())
G_DECLARE_FINAL_TYPE (DdStation, dd_station, DD, STATION, DdEntity)

/**
 * DdStationFigures:
 * A station's figures over [from, to): its receptions, the voters received
 * and petitions handled at them, and the voters' opinions recorded there
 * (suggestions of kind voter_opinion with this station_id, registered in the
 * period); adopted = latest reply A or B, solved = latest reply A (README).
 * deputies, checklist_done and checklist_total are as they stand now.
 */
typedef struct
{
  gint64 deputies;
  gint64 receptions;
  gint64 voters_received;
  gint64 petitions_handled;
  gint64 opinions_recorded;
  gint64 opinions_adopted;
  gint64 opinions_solved;
  guint  checklist_done;     /* ticked items among the active checklist items */
  guint  checklist_total;    /* active checklist items */
} DdStationFigures;

/* What deleting a station would take with it. */
typedef struct
{
  gint64 receptions;
  gint64 opinions;
  gint64 deputies;
} DdStationDependents;

DdStation  *dd_station_new              (void);
DdStation  *dd_station_load             (DdStore             *store,
                                         gint64               id,
                                         GError             **error);
const char *dd_station_get_name         (DdStation           *self);
const char *dd_station_get_kind         (DdStation           *self);
const char *dd_station_get_code         (DdStation           *self);

/* Deputies attached (a deputy may belong to several stations); each call is
 * one transaction with audit entries and ::changed for "station_deputies". */
gboolean    dd_station_attach_deputy    (DdStation           *self,
                                         DdStore             *store,
                                         gint64               deputy_id,
                                         GError             **error);
gboolean    dd_station_detach_deputy    (DdStation           *self,
                                         DdStore             *store,
                                         gint64               deputy_id,
                                         GError             **error);
gboolean    dd_station_set_on_duty      (DdStation           *self,
                                         DdStore             *store,
                                         gint64               deputy_id,
                                         gboolean             on_duty,
                                         GError             **error);
gboolean    dd_station_is_on_duty       (DdStation           *self,
                                         DdStore             *store,
                                         gint64               deputy_id);

gboolean    dd_station_compute_figures  (DdStation           *self,
                                         DdStore             *store,
                                         const char          *from,
                                         const char          *to,
                                         DdStationFigures    *figures,
                                         GError             **error);
gboolean    dd_station_count_dependents (DdStation           *self,
                                         DdStore             *store,
                                         DdStationDependents *dependents,
                                         GError             **error);
/* Refuses with DD_MODEL_ERROR_CONSTRAINT and a message that says what would
 * be lost (receptions, opinions) if the station has any; offer archiving. */
gboolean    dd_station_delete           (DdStation           *self,
                                         DdStore             *store,
                                         GError             **error);
gboolean    dd_station_set_archived     (DdStation           *self,
                                         DdStore             *store,
                                         gboolean             archived,
                                         GError             **error);

G_END_DECLS
