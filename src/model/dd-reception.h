/* dd-reception.h: a session at a station where deputies receive voters (进家接待)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"
#include "dd-query-model.h"

G_BEGIN_DECLS

#define DD_TYPE_RECEPTION (dd_reception_get_type ())
G_DECLARE_FINAL_TYPE (DdReception, dd_reception, DD, RECEPTION, DdEntity)

/**
 * DdVoterOpinion:
 * An opinion a voter raised at a reception. It becomes a suggestion of kind
 * voter_opinion in state "registered", linked to the station and reception,
 * registered on the reception's date, with @recorded_by (a deputy present)
 * as its proposer: the deputy who will evaluate the reply.
 */
typedef struct
{
  const char *title;        /* required */
  const char *body;
  const char *category;     /* a code of dd_suggestion_categories; NULL = "other" */
  const char *voter_name;
  const char *voter_phone;
  gint64      recorded_by;  /* a deputy present; 0 = the first deputy present */
} DdVoterOpinion;

DdReception *dd_reception_new      (void);
DdReception *dd_reception_load     (DdStore               *store,
                                    gint64                 id,
                                    GError               **error);
/* Saves a new reception with the deputies present (at least one) and the
 * opinions raised, all in one transaction: on any invalid field (the message
 * names it, and the opinion's number, e.g. "Opinion 2: Title is required")
 * nothing is written. */
gboolean     dd_reception_record   (DdReception           *self,
                                    DdStore               *store,
                                    const gint64          *deputy_ids,
                                    guint                  n_deputies,
                                    const DdVoterOpinion  *opinions,
                                    guint                  n_opinions,
                                    GError               **error);
/* (transfer full): the ids of the deputies present */
GArray      *dd_reception_dup_deputy_ids (DdReception      *self,
                                          DdStore          *store,
                                          GError          **error);

#define DD_TYPE_RECEPTION_LIST (dd_reception_list_get_type ())
G_DECLARE_FINAL_TYPE (DdReceptionList, dd_reception_list, DD, RECEPTION_LIST, DdQueryModel)

/* Newest first. */
DdReceptionList *dd_reception_list_new_for_station (DdStore *store,
                                                    gint64   station_id);
DdReceptionList *dd_reception_list_new_for_deputy  (DdStore *store,
                                                    gint64   deputy_id);

G_END_DECLS
