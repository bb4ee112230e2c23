/* dd-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-project"

#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-project.h"

struct _DdProject
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdProject, dd_project, DD_TYPE_ENTITY)

/* budget_yuan may be NULL in the schema, but an integer field has no
 * "unknown": a budget not given is stored as 0. */
static const DdField fields[] = {
  { "year", DD_FIELD_INT, N_("Year"), .required = TRUE, .min = 1949, .max = 2999 },
  { "title", DD_FIELD_TEXT, N_("Title"), .required = TRUE },
  { "description", DD_FIELD_TEXT, N_("Description") },
  { "budget-yuan", DD_FIELD_INT, N_("Budget (yuan)"), .min = 0, .max = 1000000000000 },
  { "unit-id", DD_FIELD_REF, N_("Handling unit"), .ref_table = "units" },
  { "voted-on", DD_FIELD_DATE, N_("Date of the vote") },
  { "result", DD_FIELD_ENUM, N_("Result"), .required = TRUE, .codes = dd_project_results,
    .fallback = "pending" },
};

static void
dd_project_class_init (DdProjectClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "projects", fields, G_N_ELEMENTS (fields));
}

static void
dd_project_init (DdProject *self)
{
}

DdProject *
dd_project_new (void)
{
  return g_object_new (DD_TYPE_PROJECT, NULL);
}

/**
 * dd_project_load:
 * Returns: (transfer full): the project, or %NULL with @error set
 */
DdProject *
dd_project_load (DdStore  *store,
                 gint64    id,
                 GError  **error)
{
  return dd_entity_load (DD_TYPE_PROJECT, store, id, error);
}
