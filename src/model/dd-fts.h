/* dd-fts.h: full-text search over suggestions that is right for Chinese
 *
 * Model-internal: the tokenizer and the query text live behind the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dd-store.h"

G_BEGIN_DECLS

/* The FTS5 tokenizer named in the schema (`tokenize='dd_bigram'`): never rename. */
#define DD_FTS_TOKENIZER "dd_bigram"

int       dd_fts_register            (sqlite3     *db);
gboolean  dd_fts_is_space            (gunichar     c);
char    **dd_fts_split_words         (const char  *text);
char     *dd_fts_dup_match           (const char  *text);
gboolean  dd_fts_index_suggestion    (DdStore     *store,
                                      gint64       id,
                                      GError     **error);

G_END_DECLS
