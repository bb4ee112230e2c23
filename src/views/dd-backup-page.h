/* dd-backup-page.h: the Backups page of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"

G_BEGIN_DECLS

#define DD_TYPE_BACKUP_PAGE (dd_backup_page_get_type ())
G_DECLARE_FINAL_TYPE (DdBackupPage, dd_backup_page, DD, BACKUP_PAGE, AdwPreferencesPage)

GtkWidget *dd_backup_page_new (DdContext *context);

G_END_DECLS
