/* dd-years.h: the years that have something recorded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

GArray *dd_years_with_data (DdStore  *store,
                            GError  **error);

G_END_DECLS
