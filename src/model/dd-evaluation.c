/* dd-evaluation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-evaluation"

#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-evaluation.h"
#include "dd-store-private.h"

struct _DdEvaluation
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdEvaluation, dd_evaluation, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "suggestion-id", DD_FIELD_REF, N_("Suggestion"), .required = TRUE,
    .ref_table = "suggestions" },
  { "deputy-id", DD_FIELD_REF, N_("Deputy"), .required = TRUE, .ref_table = "deputies" },
  { "round", DD_FIELD_INT, N_("Round"), .required = TRUE, .min = 1, .max = 99, .fallback = "1" },
  { "verdict", DD_FIELD_ENUM, N_("Verdict"), .required = TRUE, .codes = dd_verdicts },
  { "evaluated-on", DD_FIELD_DATE, N_("Date evaluated"), .required = TRUE },
  { "comment", DD_FIELD_TEXT, N_("Comment") },
};

/* UNIQUE (suggestion_id, deputy_id, round): one verdict a proposer a round,
 * reported on the deputy rather than left to fail in SQLite. */
static void
dd_evaluation_check (DdEntity  *entity,
                     DdStore   *store,
                     GPtrArray *problems)
{
  gint64 suggestion_id = dd_entity_get_int (entity, "suggestion-id");
  gint64 deputy_id = dd_entity_get_int (entity, "deputy-id");
  gint64 round = dd_entity_get_int (entity, "round");
  sqlite3_stmt *stmt;
  gboolean taken;

  if (suggestion_id == 0 || deputy_id == 0 || round < 1 || round > 99)
    return;
  stmt = dd_store_prepare (store,
                           "SELECT 1 FROM evaluations WHERE suggestion_id = ? AND deputy_id = ? "
                           "AND round = ? AND id <> ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  sqlite3_bind_int64 (stmt, 2, deputy_id);
  sqlite3_bind_int64 (stmt, 3, round);
  sqlite3_bind_int64 (stmt, 4, dd_entity_get_id (entity));
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    dd_problems_add (problems, "deputy-id",
                     g_strdup_printf (_("Deputy: this deputy has already evaluated round %d "
                                        "of this suggestion"), (int) round));
}

static void
dd_evaluation_class_init (DdEvaluationClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "evaluations", fields, G_N_ELEMENTS (fields));
  entity_class->check = dd_evaluation_check;
}

static void
dd_evaluation_init (DdEvaluation *self)
{
}

DdEvaluation *
dd_evaluation_new (void)
{
  return g_object_new (DD_TYPE_EVALUATION, NULL);
}

/**
 * dd_evaluation_load:
 * Returns: (transfer full): the evaluation, or %NULL with @error set
 */
DdEvaluation *
dd_evaluation_load (DdStore  *store,
                    gint64    id,
                    GError  **error)
{
  return dd_entity_load (DD_TYPE_EVALUATION, store, id, error);
}
