/* dd-checklist.h: the office's standards checklist ("八有") and each station's ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/* One item of the office's list; retired items (active = FALSE) keep their ticks. */
typedef struct
{
  gint64    id;
  char     *code;
  char     *label;
  int       position;
  gboolean  active;
} DdChecklistItem;

/* One active item and whether a station has it. */
typedef struct
{
  gint64    item_id;
  char     *label;
  gboolean  done;
  char     *checked_on;  /* nullable, YYYY-MM-DD */
} DdChecklistTick;

void       dd_checklist_item_free        (DdChecklistItem *item);
void       dd_checklist_tick_free        (DdChecklistTick *tick);

/* (element-type DdChecklistItem) by position */
GPtrArray *dd_checklist_dup_items        (DdStore     *store,
                                          gboolean     include_retired,
                                          GError     **error);
gboolean   dd_checklist_add_item         (DdStore     *store,
                                          const char  *label,
                                          gint64      *out_id,
                                          GError     **error);
gboolean   dd_checklist_rename_item      (DdStore     *store,
                                          gint64       item_id,
                                          const char  *label,
                                          GError     **error);
gboolean   dd_checklist_set_item_active  (DdStore     *store,
                                          gint64       item_id,
                                          gboolean     active,
                                          GError     **error);
gboolean   dd_checklist_move_item        (DdStore     *store,
                                          gint64       item_id,
                                          int          new_position,
                                          GError     **error);

/* (element-type DdChecklistTick) the active items, by position */
GPtrArray *dd_checklist_dup_ticks        (DdStore     *store,
                                          gint64       station_id,
                                          GError     **error);
gboolean   dd_checklist_set_tick         (DdStore     *store,
                                          gint64       station_id,
                                          gint64       item_id,
                                          gboolean     done,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdChecklistItem, dd_checklist_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdChecklistTick, dd_checklist_tick_free)

G_END_DECLS
