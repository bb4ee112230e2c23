/* dd-import-wizard.h: records from a spreadsheet, step by step (file,
 * preview, column mapping, dry run, import)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"
#include "dd-import.h"

G_BEGIN_DECLS

#define DD_TYPE_IMPORT_WIZARD (dd_import_wizard_get_type ())
G_DECLARE_FINAL_TYPE (DdImportWizard, dd_import_wizard, DD, IMPORT_WIZARD, AdwWindow)

DdImportWizard *dd_import_wizard_new                  (GtkWindow      *parent,
                                                       DdContext      *context,
                                                       DdImportKind    kind);
/* What the file chooser does: read @path (CSV or XLSX, by its extension)
 * and show it on the first step. */
void            dd_import_wizard_set_file             (DdImportWizard *self,
                                                       const char     *path);
/* "file", "preview", "mapping", "checking", "check", "running", "done";
 * "loading" while the file is read */
const char     *dd_import_wizard_get_step             (DdImportWizard *self);
/* (transfer none) (nullable): the import being prepared */
DdImport       *dd_import_wizard_get_import           (DdImportWizard *self);
/* (transfer none) (nullable): the dropdown choosing @column's field */
GtkDropDown    *dd_import_wizard_get_column_dropdown  (DdImportWizard *self,
                                                       guint           column);

G_END_DECLS
