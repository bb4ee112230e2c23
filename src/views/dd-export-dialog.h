/* dd-export-dialog.h: a list as it is shown, to an Excel workbook or a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"
#include "dd-export.h"

G_BEGIN_DECLS

typedef enum
{
  DD_EXPORT_FORMAT_XLSX,
  DD_EXPORT_FORMAT_CSV_UTF8,
  DD_EXPORT_FORMAT_CSV_GB18030,
} DdExportFormat;

#define DD_TYPE_EXPORT_DIALOG (dd_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DdExportDialog, dd_export_dialog, DD, EXPORT_DIALOG, AdwWindow)

/* @options: copied; the list's filters as the page holds them. */
DdExportDialog *dd_export_dialog_new            (GtkWindow             *parent,
                                                 DdContext             *context,
                                                 DdExportKind           kind,
                                                 const DdExportOptions *options);
void            dd_export_dialog_set_format     (DdExportDialog        *self,
                                                 DdExportFormat         format);
void            dd_export_dialog_set_mask       (DdExportDialog        *self,
                                                 gboolean               mask);
/* What the file chooser does on Save: build the sheet, write it to @path,
 * then emit ::add-toast and close (or show the error and stay). */
void            dd_export_dialog_export_to_path (DdExportDialog        *self,
                                                 const char            *path);
gboolean        dd_export_dialog_is_busy        (DdExportDialog        *self);
/* (nullable): the last error shown */
const char     *dd_export_dialog_get_error      (DdExportDialog        *self);

/* Shows the dialog for @widget's window; the dialog's toasts go to @widget's
 * "add-toast" signal. */
void            dd_export_dialog_present_for    (GtkWidget             *widget,
                                                 DdContext             *context,
                                                 DdExportKind           kind,
                                                 const DdExportOptions *options);

G_END_DECLS
