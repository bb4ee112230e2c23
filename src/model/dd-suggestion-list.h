/* dd-suggestion-list.h: suggestions filtered and ordered in SQL, one list a board column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-query-model.h"

G_BEGIN_DECLS

/* The filters of the board (and of any suggestion list), shared by all its
 * columns: one change re-queries each column once. */
#define DD_TYPE_SUGGESTION_FILTER (dd_suggestion_filter_get_type ())
G_DECLARE_FINAL_TYPE (DdSuggestionFilter, dd_suggestion_filter, DD, SUGGESTION_FILTER, GObject)

DdSuggestionFilter *dd_suggestion_filter_new                  (void);
/* 0: any year; otherwise the year of registered_on */
void                dd_suggestion_filter_set_year             (DdSuggestionFilter *self,
                                                               int                 year);
int                 dd_suggestion_filter_get_year             (DdSuggestionFilter *self);
/* A code of dd_suggestion_kinds; NULL or "" for any */
void                dd_suggestion_filter_set_kind             (DdSuggestionFilter *self,
                                                               const char         *kind);
const char         *dd_suggestion_filter_get_kind             (DdSuggestionFilter *self);
/* A code of dd_suggestion_categories; NULL or "" for any */
void                dd_suggestion_filter_set_category         (DdSuggestionFilter *self,
                                                               const char         *category);
const char         *dd_suggestion_filter_get_category         (DdSuggestionFilter *self);
/* A handling unit, lead or co-handling; 0 for any */
void                dd_suggestion_filter_set_unit_id          (DdSuggestionFilter *self,
                                                               gint64              unit_id);
gint64              dd_suggestion_filter_get_unit_id          (DdSuggestionFilter *self);
/* The station the suggestion came from; 0 for any */
void                dd_suggestion_filter_set_station_id       (DdSuggestionFilter *self,
                                                               gint64              station_id);
gint64              dd_suggestion_filter_get_station_id       (DdSuggestionFilter *self);
/* A deputy among the proposers; 0 for any */
void                dd_suggestion_filter_set_proposer_id      (DdSuggestionFilter *self,
                                                               gint64              deputy_id);
gint64              dd_suggestion_filter_get_proposer_id      (DdSuggestionFilter *self);
/* Assigned or handling, with the reply deadline before today */
void                dd_suggestion_filter_set_overdue_only     (DdSuggestionFilter *self,
                                                               gboolean            overdue_only);
gboolean            dd_suggestion_filter_get_overdue_only     (DdSuggestionFilter *self);
/* Under key supervision (重点督办) that has not ended */
void                dd_suggestion_filter_set_key_supervision_only (DdSuggestionFilter *self,
                                                                   gboolean            key_only);
gboolean            dd_suggestion_filter_get_key_supervision_only (DdSuggestionFilter *self);
/* Words that must all occur in the title or the text; NULL or "" for none */
void                dd_suggestion_filter_set_search           (DdSuggestionFilter *self,
                                                               const char         *search);
const char         *dd_suggestion_filter_get_search           (DdSuggestionFilter *self);
/* Every filter off, as one change */
void                dd_suggestion_filter_clear                (DdSuggestionFilter *self);
gboolean            dd_suggestion_filter_is_empty             (DdSuggestionFilter *self);

/* How a list is ordered: by its states (see dd_suggestion_list_new()) unless set. */
typedef enum
{
  DD_SUGGESTION_ORDER_NEWEST,     /* registered_on DESC, id DESC */
  DD_SUGGESTION_ORDER_DEADLINE,   /* deadline_on, id: the most overdue first */
  DD_SUGGESTION_ORDER_ENTERED,    /* id DESC: the newest entered first */
} DdSuggestionOrder;

/* The board: one column per state of the handling, then those that left it
 * without being handled, so that every suggestion is in exactly one column. */
typedef struct
{
  const char          *name;     /* the state of the column, or "set_aside" */
  const char * const  *states;   /* NULL-terminated */
} DdSuggestionColumn;

#define DD_SUGGESTION_N_COLUMNS 8
extern const DdSuggestionColumn dd_suggestion_columns[DD_SUGGESTION_N_COLUMNS];

#define DD_TYPE_SUGGESTION_LIST (dd_suggestion_list_get_type ())
G_DECLARE_FINAL_TYPE (DdSuggestionList, dd_suggestion_list, DD, SUGGESTION_LIST, DdQueryModel)

DdSuggestionList   *dd_suggestion_list_new           (DdStore             *store,
                                                      const char * const  *states,
                                                      DdSuggestionFilter  *filter);
DdSuggestionList   *dd_suggestion_list_new_search    (DdStore             *store,
                                                      DdSuggestionFilter  *filter);
void                dd_suggestion_list_set_states    (DdSuggestionList    *self,
                                                      const char * const  *states);
const char * const *dd_suggestion_list_get_states    (DdSuggestionList    *self);
DdSuggestionFilter *dd_suggestion_list_get_filter    (DdSuggestionList    *self);
DdSuggestionOrder   dd_suggestion_list_get_order     (DdSuggestionList    *self);
void                dd_suggestion_list_set_order     (DdSuggestionList    *self,
                                                      DdSuggestionOrder    order);

G_END_DECLS
