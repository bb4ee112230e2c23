/* dd-bulk-dialog.h: what a move of several suggestions did, item by item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * DdBulkOutcome:
 * @id: the suggestion
 * @number: (nullable): its number, e.g. JY2025-0012
 * @title: (nullable): its title
 * @error: (nullable): the model's reason it did not move; %NULL if it moved
 */
typedef struct
{
  gint64  id;
  char   *number;
  char   *title;
  char   *error;
} DdBulkOutcome;

DdBulkOutcome *dd_bulk_outcome_new  (gint64         id,
                                     const char    *number,
                                     const char    *title,
                                     const char    *error);
void           dd_bulk_outcome_free (DdBulkOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdBulkOutcome, dd_bulk_outcome_free)

#define DD_TYPE_BULK_DIALOG (dd_bulk_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DdBulkDialog, dd_bulk_dialog, DD, BULK_DIALOG, AdwMessageDialog)

DdBulkDialog *dd_bulk_dialog_new            (GtkWindow    *parent,
                                             const char   *action,
                                             GPtrArray    *outcomes);
guint         dd_bulk_dialog_get_n_moved    (DdBulkDialog *self);
guint         dd_bulk_dialog_get_n_refused  (DdBulkDialog *self);
/* (nullable): the reason shown for suggestion @id, NULL if it moved or is not listed */
const char   *dd_bulk_dialog_get_reason     (DdBulkDialog *self,
                                             gint64        id);

G_END_DECLS
