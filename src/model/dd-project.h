/* dd-project.h: a livelihood project put to the deputies' vote (民生实事票决)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_PROJECT (dd_project_get_type ())
G_DECLARE_FINAL_TYPE (DdProject, dd_project, DD, PROJECT, DdEntity)

DdProject *dd_project_new  (void);
DdProject *dd_project_load (DdStore  *store,
                            gint64    id,
                            GError  **error);

G_END_DECLS
