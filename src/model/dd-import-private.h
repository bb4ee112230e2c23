/* dd-import-private.h: shared by dd-import.c and dd-import-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-import.h"

G_BEGIN_DECLS

/* TRUE if @normalized (dd_import_normalize_header()) is one of @aliases ('|'-separated). */
gboolean    dd_import_aliases_match (const char         *aliases,
                                     const char         *normalized);
const char *dd_import_parse_code    (const char * const *codes,
                                     const char         *text);

G_END_DECLS
