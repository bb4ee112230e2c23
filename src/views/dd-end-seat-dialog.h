/* dd-end-seat-dialog.h: mark a seat as resigned or terminated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DD_TYPE_END_SEAT_DIALOG (dd_end_seat_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DdEndSeatDialog, dd_end_seat_dialog, DD, END_SEAT_DIALOG, AdwMessageDialog)

DdEndSeatDialog *dd_end_seat_dialog_new        (GtkWindow       *parent,
                                                const char      *deputy_name,
                                                const char      *date);
const char      *dd_end_seat_dialog_get_status (DdEndSeatDialog *self);
const char      *dd_end_seat_dialog_get_date   (DdEndSeatDialog *self);
const char      *dd_end_seat_dialog_get_reason (DdEndSeatDialog *self);

G_END_DECLS
