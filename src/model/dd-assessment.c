/* dd-assessment.c
 *
 * The score column is REAL (points may be fractional) and DdEntity has no
 * real-number field yet: it is left out of the fields, so this class
 * neither reads nor writes it, and an update keeps the stored score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-assessment"

#include <glib/gi18n-lib.h>

#include "dd-assessment.h"
#include "dd-codes.h"
#include "dd-store-private.h"

struct _DdAssessment
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdAssessment, dd_assessment, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "deputy-id", DD_FIELD_REF, N_("Deputy"), .required = TRUE, .ref_table = "deputies" },
  { "year", DD_FIELD_INT, N_("Year"), .required = TRUE, .min = 1949, .max = 2999 },
  { "grade", DD_FIELD_ENUM, N_("Grade"), .codes = dd_assessment_grades },
  { "stage", DD_FIELD_ENUM, N_("Stage"), .required = TRUE, .codes = dd_assessment_stages,
    .fallback = "self" },
  { "note", DD_FIELD_TEXT, N_("Note") },
};

/* UNIQUE (deputy_id, year): one assessment a deputy a year. */
static void
dd_assessment_check (DdEntity  *entity,
                     DdStore   *store,
                     GPtrArray *problems)
{
  gint64 deputy_id = dd_entity_get_int (entity, "deputy-id");
  gint64 year = dd_entity_get_int (entity, "year");
  sqlite3_stmt *stmt;
  gboolean taken;

  if (deputy_id == 0 || year < 1949 || year > 2999)
    return;
  stmt = dd_store_prepare (store,
                           "SELECT 1 FROM assessments WHERE deputy_id = ? AND year = ? AND id <> ?",
                           NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, deputy_id);
  sqlite3_bind_int64 (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, dd_entity_get_id (entity));
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    dd_problems_add (problems, "year",
                     g_strdup_printf (_("Year: this deputy already has an assessment for %d"),
                                      (int) year));
}

static void
dd_assessment_class_init (DdAssessmentClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "assessments", fields, G_N_ELEMENTS (fields));
  entity_class->check = dd_assessment_check;
}

static void
dd_assessment_init (DdAssessment *self)
{
}

DdAssessment *
dd_assessment_new (void)
{
  return g_object_new (DD_TYPE_ASSESSMENT, NULL);
}

/**
 * dd_assessment_load:
 * Returns: (transfer full): the assessment, or %NULL with @error set
 */
DdAssessment *
dd_assessment_load (DdStore  *store,
                    gint64    id,
                    GError  **error)
{
  return dd_entity_load (DD_TYPE_ASSESSMENT, store, id, error);
}
