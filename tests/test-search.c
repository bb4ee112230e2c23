/* test-search.c: the Chinese full-text search equals a LIKE scan, and stays in step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-demo.h"
#include "dd-deputy.h"
#include "dd-fts.h"
#include "dd-reception.h"
#include "dd-station.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-suggestion-list.h"

#define NOW "2025-06-30T09:00:00"

/* Words the generated suggestions are made of: Chinese, and the Latin,
 * digits and punctuation that real ones mix in. */
static const char * const chinese_words[] = {
  "停车", "学校", "路灯", "小区", "老旧", "改造", "社区", "医院", "托育", "收费", "道路",
  "减速带", "消防", "通道", "垃圾", "分类", "农村", "饮水", "安全", "希望", "有关部门",
  "反映", "问题", "建议", "加强", "推进", "完善", "停车场", "学校门口", "噪音", "扰民",
  "电梯", "加装", "公交", "线路", "菜市场", "养老", "服务", "中心", "的", "了", "和", "在",
  "人大代表", "群众", "街道", "河道", "治理", "污水", "绿化", "充电桩", "新能源", "汽车",
};
static const char * const other_words[] = {
  "5G", "PM2.5", "A类", "B类", "GDP", "Wi-Fi", "APP", "app", "12345", "110", "2024年",
  "3号楼", "K12", "5G基站", "PM10", "ＡＢＣ", "\"引号\"", "100%", "a_b", "C++", "NEAR",
  "AND", "OR", "NOT", "*星号", "^", "《条例》", "（括号）", "：", "、", "，", "。", "e租宝",
  "x-ray", "Ａ类", "pm2.5", "5g",
};
static const char * const separators[] = {
  "", "", "", "", "", " ", "\xe3\x80\x80" /* U+3000 */, "\n", "，", "。",
};

typedef struct
{
  char    *dir;
  DdStore *store;
  GRand   *rand;
} Fixture;

static void
exec_sql (DdStore    *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static gint64
query_int (DdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
make_text (GRand *rand,
           int    n_words)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append (text, separators[g_rand_int_range (rand, 0, G_N_ELEMENTS (separators))]);
      if (g_rand_int_range (rand, 0, 5) == 0)
        g_string_append (text, other_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (other_words))]);
      else
        g_string_append (text, chinese_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (chinese_words))]);
    }
  return g_string_free (text, FALSE);
}

/* @n_bulk suggestions written as a bulk import does (raw INSERTs, then the
 * index in one statement), and @n_saved through DdSuggestion. */
static void
generate (DdStore *store,
          GRand   *rand,
          guint    n_bulk,
          guint    n_saved)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  exec_sql (store, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store),
                                       "INSERT INTO suggestions (kind, title, body, registered_on,"
                                       " created_at, updated_at) VALUES ('voter_opinion', ?, ?, ?, ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_bulk; i++)
    {
      g_autofree char *title = make_text (rand, g_rand_int_range (rand, 2, 6));
      g_autofree char *body = make_text (rand, g_rand_int_range (rand, 8, 40));

      sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
      /* Some without a text at all. */
      if (i % 17 == 0)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_text (stmt, 2, body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, "2025-03-01", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, NOW, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, NOW, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_sql (store, "INSERT INTO suggestions_fts (rowid, title, body) "
                   "SELECT id, title, body FROM suggestions");
  exec_sql (store, "COMMIT");

  for (guint i = 0; i < n_saved; i++)
    {
      g_autoptr(DdSuggestion) suggestion = dd_suggestion_new ();
      g_autofree char *title = make_text (rand, g_rand_int_range (rand, 2, 6));
      g_autofree char *body = make_text (rand, g_rand_int_range (rand, 8, 40));

      g_object_set (suggestion, "kind", "deputy_suggestion", "title", title, "body", body,
                    "registered-on", "2025-04-01", NULL);
      g_assert_true (dd_entity_save (DD_ENTITY (suggestion), store, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = dd_store_new_in_memory (&error);
  g_assert_no_error (error);
  dd_store_set_frozen_time (f->store, NOW);
  f->rand = g_rand_new_with_seed (20250630);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_rand_free (f->rand);
  if (f->dir != NULL)
    {
      GDir *dir = g_dir_open (f->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (f->dir, name, NULL);
          g_remove (path);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (f->dir);
      g_free (f->dir);
    }
}

static void
append_ids (sqlite3_stmt *stmt,
            GArray       *ids)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
}

static char *
like_pattern (const char *word)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* The reference: every word is in the title or the text, by LIKE, by id. */
static GArray *
like_ids (DdStore            *store,
          const char * const *words)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM suggestions WHERE 1");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  guint n = g_strv_length ((char **) words);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, " AND (title LIKE ?%u ESCAPE '\\' OR body LIKE ?%u ESCAPE '\\')",
                            i + 1, i + 1);
  g_string_append (sql, " ORDER BY id");
  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    sqlite3_bind_text (stmt, (int) i + 1, like_pattern (words[i]), -1, g_free);
  append_ids (stmt, ids);
  sqlite3_finalize (stmt);
  return ids;
}

/* What the lists run: the ids whose index entry matches @text, by id. */
static GArray *
fts_ids (DdStore    *store,
         const char *text)
{
  g_autofree char *match = dd_fts_dup_match (text);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_nonnull (match);
  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store),
                                       "SELECT s.id FROM suggestions s WHERE s.id IN (SELECT rowid FROM "
                                       "suggestions_fts WHERE suggestions_fts MATCH ?) ORDER BY s.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  append_ids (stmt, ids);
  sqlite3_finalize (stmt);
  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The same through a list of every state, the board's code path. */
static GArray *
list_ids (DdStore    *store,
          const char *text)
{
  g_autoptr(DdSuggestionFilter) filter = dd_suggestion_filter_new ();
  g_autoptr(DdSuggestionList) list = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  dd_suggestion_filter_set_search (filter, text);
  list = dd_suggestion_list_new (store, NULL, filter);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      gint64 id = dd_query_model_get_id (DD_QUERY_MODEL (list), i);
      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  return ids;
}

static void
assert_same_ids (GArray     *expected,
                 GArray     *actual,
                 const char *query)
{
  if (expected->len != actual->len)
    g_error ("“%s”: LIKE finds %u suggestions, the search %u", query, expected->len, actual->len);
  for (guint i = 0; i < expected->len; i++)
    if (g_array_index (expected, gint64, i) != g_array_index (actual, gint64, i))
      g_error ("“%s”: LIKE and the search differ at %u", query, i);
}

/* Searches @words joined by @separator both ways; returns how many match. */
static guint
check_query (DdStore            *store,
             const char * const *words,
             const char         *separator,
             gboolean            through_list)
{
  g_autofree char *text = g_strjoinv (separator, (char **) words);
  g_autoptr(GArray) expected = like_ids (store, words);
  g_autoptr(GArray) actual = fts_ids (store, text);

  assert_same_ids (expected, actual, text);
  if (through_list)
    {
      g_autoptr(GArray) listed = list_ids (store, text);
      assert_same_ids (expected, listed, text);
    }
  return expected->len;
}

/* A piece of 1 to 5 characters of a stored title or text, within a run
 * (no white space, which separates words). */
static char *
sample_word (DdStore *store,
             GRand   *rand,
             gint64   n_rows)
{
  for (;;)
    {
      gint64 id = g_rand_int_range (rand, 1, (gint32) n_rows + 1);
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM suggestions WHERE id = %" G_GINT64_FORMAT,
                                              g_rand_boolean (rand) ? "title" : "body", id);
      sqlite3_stmt *stmt = NULL;
      g_autofree char *text = NULL;
      glong n_chars, start;
      int len = g_rand_int_range (rand, 1, 6);
      gboolean ok = TRUE;
      char *word;

      g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      if (text == NULL || (n_chars = g_utf8_strlen (text, -1)) < len)
        continue;

      start = g_rand_int_range (rand, 0, (gint32) (n_chars - len + 1));
      word = g_utf8_substring (text, start, start + len);
      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        ok = ok && !dd_fts_is_space (g_utf8_get_char (p));
      if (ok)
        return word;
      g_free (word);
    }
}

/* Tests */

static void
test_tokens (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DdSuggestion) suggestion = dd_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;

  g_object_set (suggestion, "kind", "voter_opinion", "title", "停车场 A5", "body", "Ｑ\xe3\x80\x80x",
                "registered-on", "2025-04-01", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (suggestion), f->store, &error));
  g_assert_no_error (error);

  /* Each character as a bigram with the next and on its own, at its
   * position; runs cut at spaces (the ideographic one too); ASCII lower-cased. */
  exec_sql (f->store, "CREATE VIRTUAL TABLE temp.tokens USING fts5vocab (main, suggestions_fts, 'instance')");
  sql = g_strdup_printf ("SELECT term, col, offset FROM temp.tokens WHERE doc = %" G_GINT64_FORMAT
                         " ORDER BY col DESC, offset, length (term) DESC",
                         dd_entity_get_id (DD_ENTITY (suggestion)));
  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (seen, "%s/%s/%d ", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (seen->str, ==,
                   "停车/title/0 停/title/0 车场/title/1 车/title/1 场/title/2 "
                   "a5/title/3 a/title/3 5/title/4 Ｑ/body/0 x/body/1 ");
}

static void
test_match_expression (void)
{
  static const struct { const char *text; const char *match; } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { " \t\xe3\x80\x80\n", NULL },
    { "停车", "\"停车\"" },
    { "  停车  学校 ", "\"停车\" AND \"学校\"" },
    { "停车\xe3\x80\x80学校", "\"停车\" AND \"学校\"" },
    { "a\"b \"", "\"a\"\"b\" AND \"\"\"\"" },
    { "NEAR(a b) OR -c*", "\"NEAR(a\" AND \"b)\" AND \"OR\" AND \"-c*\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = dd_fts_dup_match (cases[i].text);

      g_assert_cmpstr (match, ==, cases[i].match);
    }
}

static void
test_equals_like (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) sampled = g_ptr_array_new_with_free_func (g_free);
  gint64 n_rows;
  guint n_found = 0, n_queries = 0, n_and_found = 0;

  generate (f->store, f->rand, 1500, 100);
  n_rows = query_int (f->store, "SELECT count(*) FROM suggestions");
  g_assert_cmpint (n_rows, ==, 1600);

  /* 1 to 5 characters taken from the data: Chinese, Latin, digits, punctuation. */
  for (guint i = 0; i < 400; i++)
    {
      char *word = sample_word (f->store, f->rand, n_rows);
      const char *words[] = { word, NULL };

      g_ptr_array_add (sampled, word);
      n_found += check_query (f->store, words, " ", i % 8 == 0) > 0;
      n_queries++;
    }
  g_assert_cmpuint (n_found, ==, n_queries);   /* every sampled word is in the data */

  /* The mixed words as users type them, in either case. */
  {
    static const char * const typed[] = {
      "5G", "5g", "PM2.5", "pm2.5", "Pm2", "2.5", "PM25", "A类", "a类", "a", "G", "GDP", "gdp",
      "Wi-Fi", "wi", "Fi", "APP", "12345", "2345", "2024年", "3号", "K12", "ＡＢＣ", "Ａ", "ａ",
      "100%", "%", "_", "a_b", "C++", "+", "《条例》", "条例", "（", "，", "。", "e租", "X-RAY",
      "停车场", "停", "场", "的", "有关部门", "消防通道", "不存在", "zzz", "5G基站", "PM10",
    };

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        const char *words[] = { typed[i], NULL };

        check_query (f->store, words, " ", TRUE);
      }
  }

  /* AND of 2 and 3 words, separated by spaces or the ideographic space. */
  for (guint i = 0; i < 200; i++)
    {
      const char *words[4] = { NULL };
      guint n = 2 + i % 2;

      for (guint k = 0; k < n; k++)
        words[k] = g_ptr_array_index (sampled, g_rand_int_range (f->rand, 0, (gint32) sampled->len));
      n_and_found += check_query (f->store, words, i % 3 == 0 ? "\xe3\x80\x80" : " ", i % 10 == 0) > 0;
    }
  /* Enough of them match something for the comparison to mean something. */
  g_assert_cmpuint (n_and_found, >, 50);
}

static void
test_district_demo_equals_like (Fixture       *f,
                                gconstpointer  data)
{
  DdDemoOptions options = { DD_DEMO_DISTRICT, 3, "2025-06-30", NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 n_rows;

  g_assert_true (dd_demo_generate (f->store, &options, &error));
  g_assert_no_error (error);
  n_rows = query_int (f->store, "SELECT count(*) FROM suggestions");

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *first = sample_word (f->store, f->rand, n_rows);
      g_autofree char *second = sample_word (f->store, f->rand, n_rows);
      const char *one[] = { first, NULL };
      const char *two[] = { first, second, NULL };

      g_assert_cmpuint (check_query (f->store, one, " ", FALSE), >, 0);
      check_query (f->store, two, " ", FALSE);
    }
}

static void
test_syntax_characters (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const queries[] = {
    "\"", "\"\"", "\"停车", "停车\"", "a\"b", "'", "''", "\\", "*", "停车*", "^停车", "^",
    "title:停车", "body:", ":", "(", ")", "(停车)", "停车 AND", "AND", "OR 停车", "NOT", "NOT 停车",
    "NEAR(停车 学校)", "NEAR", "{title body}:停车", "-停车", "+", "+停车", "停车 -学校", "%", "_",
    "\xef\xbc\x82", "\x7f", "？", "!", "#", "@", "~", "`", ";", ",", ".", "<>", "[]", "{}",
  };

  generate (f->store, f->rand, 300, 0);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_auto(GStrv) words = g_strsplit (queries[i], " ", -1);

      check_query (f->store, (const char * const *) words, " ", TRUE);
    }
}

/* The live index holds exactly what a fresh build from the table would. */
static void
assert_index_in_step (DdStore *store)
{
  exec_sql (store, "CREATE VIRTUAL TABLE fresh_fts USING fts5 (title, body, content = 'suggestions',"
                   " content_rowid = 'id', tokenize = 'dd_bigram', columnsize = 0)");
  exec_sql (store, "INSERT INTO fresh_fts (fresh_fts) VALUES ('rebuild')");
  exec_sql (store, "CREATE VIRTUAL TABLE temp.live_tokens USING fts5vocab (main, suggestions_fts, 'instance')");
  exec_sql (store, "CREATE VIRTUAL TABLE temp.fresh_tokens USING fts5vocab (main, fresh_fts, 'instance')");

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM temp.fresh_tokens"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM (SELECT * FROM temp.live_tokens "
                                     "EXCEPT SELECT * FROM temp.fresh_tokens)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM (SELECT * FROM temp.fresh_tokens "
                                     "EXCEPT SELECT * FROM temp.live_tokens)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM temp.live_tokens"), ==,
                   query_int (store, "SELECT count(*) FROM temp.fresh_tokens"));

  exec_sql (store, "DROP TABLE temp.live_tokens");
  exec_sql (store, "DROP TABLE temp.fresh_tokens");
  exec_sql (store, "DROP TABLE fresh_fts");
}

static guint
count_matches (DdStore    *store,
               const char *text)
{
  g_autoptr(GArray) ids = fts_ids (store, text);

  return ids->len;
}

static gboolean
save_then_fail (DdStore   *store,
                gpointer   user_data,
                GError   **error)
{
  if (!dd_entity_save (user_data, store, error))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "injected failure");
  return FALSE;
}

static void
test_in_step (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdSuggestion) fresh = dd_suggestion_new ();
  g_autoptr(DdSuggestion) bulk = NULL;
  g_autoptr(DdSuggestion) undone = dd_suggestion_new ();
  g_autoptr(DdStation) station = dd_station_new ();
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(DdSuggestionFilter) filter = dd_suggestion_filter_new ();
  g_autoptr(DdSuggestionList) list = NULL;
  DdVoterOpinion opinions[] = {
    { "麒麟湾小区电梯老化", "电梯经常停运，老人上下楼困难", "urban_construction", NULL, NULL, 0 },
    { "麒麟湾路口缺少红绿灯", NULL, NULL, NULL, NULL, 0 },
  };
  gint64 deputy_id;

  generate (f->store, f->rand, 200, 0);
  dd_suggestion_filter_set_search (filter, "麒麟湾");
  list = dd_suggestion_list_new (f->store, NULL, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* A new suggestion is found at once, by the list too. */
  g_object_set (fresh, "kind", "deputy_suggestion", "title", "关于麒麟湾片区停车难的建议",
                "body", "建议增设P+R停车场", "registered-on", "2025-05-06", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (fresh), f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f->store, "麒麟湾 p+r"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* A new title: the old words are forgotten, the new ones found. */
  g_object_set (fresh, "title", "关于凤凰岭片区停车难的建议", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (fresh), f->store, &error));
  g_assert_cmpuint (count_matches (f->store, "麒麟湾"), ==, 0);
  g_assert_cmpuint (count_matches (f->store, "凤凰岭 停车难"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* A new text, of a row the bulk load indexed. */
  bulk = dd_suggestion_load (f->store, 7, &error);
  g_assert_no_error (error);
  g_object_set (bulk, "body", "河道淤塞，汛期积水严重", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (bulk), f->store, &error));
  g_assert_cmpuint (count_matches (f->store, "汛期积水"), ==, 1);

  /* A change of anything else leaves the index alone. */
  exec_sql (f->store, "UPDATE suggestions SET state = 'under_review', category = 'transport' WHERE id = 8");
  assert_index_in_step (f->store);

  /* A deleted suggestion is found no more. */
  g_assert_true (dd_entity_delete (DD_ENTITY (fresh), f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f->store, "凤凰岭"), ==, 0);

  /* Voters' opinions recorded at a reception are found. */
  g_object_set (station, "name", "麒麟湾社区代表联络站", "kind", "liaison_station", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), f->store, &error));
  g_object_set (deputy, "name", "王芳", "level", "county", "term", (gint64) 18, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), f->store, &error));
  deputy_id = dd_entity_get_id (DD_ENTITY (deputy));
  g_object_set (reception, "station-id", dd_entity_get_id (DD_ENTITY (station)),
                "held-on", "2025-06-01", NULL);
  g_assert_true (dd_reception_record (reception, f->store, &deputy_id, 1,
                                      opinions, G_N_ELEMENTS (opinions), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f->store, "麒麟湾"), ==, 2);
  g_assert_cmpuint (count_matches (f->store, "麒麟湾 电梯"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* A write that is rolled back leaves no trace in the index. */
  g_object_set (undone, "kind", "voter_opinion", "title", "麒麟湾撤销的意见",
                "registered-on", "2025-06-02", NULL);
  g_assert_false (dd_store_write (f->store, save_then_fail, undone, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (count_matches (f->store, "撤销"), ==, 0);

  assert_index_in_step (f->store);
}

static void
test_upgrade_from_v1 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdStore) reader = NULL;
  sqlite3_stmt *stmt = NULL;

  f->dir = g_dir_make_tmp ("dd-search-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "v1.sqlite", NULL);

  /* A version-1 file with suggestions, as the previous release left it. */
  {
    g_autoptr(DdStore) old = dd_store_open_with_migrations (path, DD_STORE_OPEN_CREATE,
                                                            dd_schema_migrations, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (old),
                                         "INSERT INTO suggestions (kind, title, body, registered_on,"
                                         " created_at, updated_at) VALUES ('voter_opinion', ?, ?,"
                                         " '2024-05-01', '" NOW "', '" NOW "')",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    for (guint i = 0; i < 300; i++)
      {
        g_autofree char *title = make_text (f->rand, 4);
        g_autofree char *body = make_text (f->rand, 20);

        sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, body, -1, SQLITE_TRANSIENT);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_reset (stmt);
      }
    sqlite3_finalize (stmt);
  }

  store = dd_store_open (path, DD_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dd_store_get_schema_version (store), ==, DD_STORE_SCHEMA_VERSION);
  g_assert_nonnull (dd_store_get_migration_backup (store));
  assert_index_in_step (store);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *word = sample_word (store, f->rand, 300);
      const char *words[] = { word, NULL };

      g_assert_cmpuint (check_query (store, words, " ", i % 5 == 0), >, 0);
    }

  /* A second connection (a worker's) searches too. */
  reader = dd_store_open_reader (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (reader, "停车"), ==, count_matches (store, "停车"));
  g_assert_cmpuint (count_matches (reader, "停车"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/match-expression", test_match_expression);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/search/tokens", test_tokens);
  ADD ("/search/equals-like/generated", test_equals_like);
  ADD ("/search/equals-like/district-demo", test_district_demo_equals_like);
  ADD ("/search/syntax-characters", test_syntax_characters);
  ADD ("/search/in-step", test_in_step);
  ADD ("/search/upgrade-from-v1", test_upgrade_from_v1);
#undef ADD

  return g_test_run ();
}
