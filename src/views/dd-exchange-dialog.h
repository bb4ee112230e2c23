/* dd-exchange-dialog.h: records to or from another office, as an exchange file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"

G_BEGIN_DECLS

typedef enum
{
  DD_EXCHANGE_DIALOG_EXPORT,
  DD_EXCHANGE_DIALOG_IMPORT,
} DdExchangeDialogMode;

#define DD_TYPE_EXCHANGE_DIALOG (dd_exchange_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DdExchangeDialog, dd_exchange_dialog, DD, EXCHANGE_DIALOG, AdwWindow)

DdExchangeDialog *dd_exchange_dialog_new        (GtkWindow            *parent,
                                                 DdContext            *context,
                                                 DdExchangeDialogMode  mode);
/* What the file chooser does: export to @path, or read @path for a dry run. */
void              dd_exchange_dialog_set_file   (DdExchangeDialog     *self,
                                                 const char           *path);

G_END_DECLS
