/* dd-fts.c: full-text search over suggestions that is right for Chinese
 *
 * FTS5's own tokenizers are wrong for Chinese (PERFORMANCE.md): unicode61
 * finds nothing, trigram finds no two-character word. Staff expect the
 * search box to behave like "contains": a suggestion matches a word if its
 * title or text contains it, exactly as `title LIKE '%word%' OR body LIKE
 * '%word%'` would say, and several words must all match.
 *
 * So the index is of characters, not words. Text is cut only at white
 * space; within each run every character is indexed as a bigram with the
 * next one, and as itself at the same position (FTS5_TOKEN_COLOCATED):
 *
 *   停车场 → 停车 + 停 @0, 车场 + 车 @1, 场 @2
 *
 * A word of two or more characters is then the phrase of its bigrams,
 * which matches exactly where the word occurs in a run; a one-character
 * word is that character. Latin letters, digits and punctuation are
 * characters like any other (ASCII folded to lower case, as LIKE folds
 * it), so "5G" is found in "15G基站", "PM2.5" only with its dot, "A类" as
 * written. Word-based tokens could not do that: LIKE matches inside words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-fts"

#include <string.h>

#include "dd-fts.h"
#include "dd-store-private.h"

/* The longest character is four bytes; a bigram is two. */
#define MAX_CHAR 4

typedef struct
{
  int  start;           /* byte offset in the text */
  int  len;             /* bytes */
  char folded[MAX_CHAR];
} Char;

/* Stateless: every table shares this one instance. */
static int tokenizer_instance;

/* Helpers */

/* Decodes one character of @p (@n bytes left). A byte that does not start
 * a valid sequence is a character of its own, never white space. */
static inline gunichar
next_char (const guchar *p,
           int           n,
           int          *len)
{
  guchar c = p[0];

  if (c < 0x80)
    {
      *len = 1;
      return c;
    }
  if (c >= 0xc2 && c <= 0xdf && n >= 2 && (p[1] & 0xc0) == 0x80)
    {
      *len = 2;
      return ((gunichar) (c & 0x1f) << 6) | (p[1] & 0x3f);
    }
  if ((c & 0xf0) == 0xe0 && n >= 3 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
    {
      *len = 3;
      return ((gunichar) (c & 0x0f) << 12) | ((gunichar) (p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    }
  if (c >= 0xf0 && c <= 0xf4 && n >= 4 &&
      (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80)
    {
      *len = 4;
      return ((gunichar) (c & 0x07) << 18) | ((gunichar) (p[1] & 0x3f) << 12) |
             ((gunichar) (p[2] & 0x3f) << 6) | (p[3] & 0x3f);
    }
  *len = 1;
  return 0xfffd;
}

static inline void
fold_char (const guchar *p,
           int           start,
           int           len,
           Char         *out)
{
  out->start = start;
  out->len = len;
  memcpy (out->folded, p + start, len);
  if (len == 1 && out->folded[0] >= 'A' && out->folded[0] <= 'Z')
    out->folded[0] += 'a' - 'A';
}

/* The FTS5 tokenizer */

static int
tokenizer_create (void           *context,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  if (n_args > 0)
    return SQLITE_ERROR;  /* it takes no options */
  *out = (Fts5Tokenizer *) &tokenizer_instance;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

/* A document (or the text highlight() reads) gets bigrams with each
 * character colocated and the last character of a run on its own; a query
 * gets only what the word needs: its bigrams, or its one character. */
static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    int          (*token) (void       *ctx,
                                           int         tflags,
                                           const char *token,
                                           int         n_token,
                                           int         start,
                                           int         end))
{
  const guchar *p = (const guchar *) text;
  gboolean query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  Char prev = { 0 };
  Char cur;
  guint run = 0;        /* characters in the current run */
  char pair[2 * MAX_CHAR];
  int rc = SQLITE_OK;
  int i = 0;

  while (rc == SQLITE_OK && i <= n_text)
    {
      int len = 0;
      gboolean end = i == n_text || dd_fts_is_space (next_char (p + i, n_text - i, &len));

      if (end)
        {
          /* The run's last character: in a document always, in a query
           * only if it is the whole word. */
          if (run > 0 && (!query || run == 1))
            rc = token (ctx, 0, prev.folded, prev.len, prev.start, prev.start + prev.len);
          run = 0;
          i += MAX (len, 1);
          continue;
        }

      fold_char (p, i, len, &cur);
      if (run > 0)
        {
          memcpy (pair, prev.folded, prev.len);
          memcpy (pair + prev.len, cur.folded, cur.len);
          rc = token (ctx, 0, pair, prev.len + cur.len, prev.start, i + len);
          if (rc == SQLITE_OK && !query)
            rc = token (ctx, FTS5_TOKEN_COLOCATED, prev.folded, prev.len,
                        prev.start, prev.start + prev.len);
        }
      prev = cur;
      run++;
      i += len;
    }

  return rc;
}

/* Public API */

/**
 * dd_fts_register:
 * Makes the `dd_bigram` tokenizer known to @db (FTS5 asks for it whenever
 * the connection first touches suggestions_fts). Every connection to a
 * Deputy Desk file needs it, readers too.
 *
 * Returns: an SQLite result code
 */
int
dd_fts_register (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create,
    tokenizer_delete,
    tokenizer_tokenize,
  };
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The documented way to reach the FTS5 API of a connection. */
  rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  rc = sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return rc;
  if (api == NULL || api->iVersion < 2)
    return SQLITE_ERROR;

  return api->xCreateTokenizer (api, DD_FTS_TOKENIZER, NULL, &tokenizer, NULL);
}

/**
 * dd_fts_is_space:
 * The characters that separate words, in the index and in the search box
 * alike: those of g_unichar_isspace(), listed here so that an index never
 * depends on the Unicode tables of a GLib version. Includes the
 * ideographic space U+3000 that Chinese input methods type.
 */
gboolean
dd_fts_is_space (gunichar c)
{
  switch (c)
    {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case 0x00a0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return TRUE;
    default:
      return c >= 0x2000 && c <= 0x200a;
    }
}

/**
 * dd_fts_split_words:
 * Returns: (transfer full): the words of @text, split at white space
 *   (dd_fts_is_space()); empty if there are none
 */
char **
dd_fts_split_words (const char *text)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  const guchar *p = (const guchar *) text;
  int n = text != NULL ? (int) strlen (text) : 0;
  int start = -1;

  for (int i = 0; i <= n;)
    {
      int len = 1;
      gboolean space = i == n || dd_fts_is_space (next_char (p + i, n - i, &len));

      if (space && start >= 0)
        {
          g_autofree char *word = g_strndup (text + start, i - start);

          g_strv_builder_add (words, word);
          start = -1;
        }
      else if (!space && start < 0)
        start = i;
      i += len;
    }
  return g_strv_builder_end (words);
}

/**
 * dd_fts_dup_match:
 * @text: what the user typed
 *
 * The FTS5 MATCH expression for @text: every word must occur in the title
 * or the text of a suggestion. Each word is one quoted string, in which
 * FTS5 takes nothing but a doubled quote specially, so that quotes,
 * operators (AND, OR, NOT, NEAR), `*`, `^`, `:`, parentheses … are searched
 * for as typed and never make the query fail.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL if @text
 *   has no words
 */
char *
dd_fts_dup_match (const char *text)
{
  g_auto(GStrv) words = dd_fts_split_words (text);
  GString *match;

  if (words[0] == NULL)
    return NULL;

  match = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (match, " AND ");
      g_string_append_c (match, '"');
      for (const char *c = words[i]; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *c);
        }
      g_string_append_c (match, '"');
    }
  return g_string_free (match, FALSE);
}

/**
 * dd_fts_index_suggestion:
 * Adds suggestion @id, just inserted, to the search index, in the running
 * transaction. DdSuggestion does this itself; only code that inserts
 * suggestions with its own SQL calls it, once per row (bulk writers fill
 * the index with one INSERT … SELECT after their inserts instead).
 * Changes of the title or the text and deletions keep the index in step by
 * themselves (the schema's triggers).
 */
gboolean
dd_fts_index_suggestion (DdStore  *store,
                         gint64    id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  stmt = dd_store_prepare (store,
                           "INSERT INTO suggestions_fts (rowid, title, body) "
                           "SELECT id, title, body FROM suggestions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return dd_store_step_done (store, stmt, error);
}
