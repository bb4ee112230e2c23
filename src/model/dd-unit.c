/* dd-unit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-unit"

#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-store-private.h"
#include "dd-unit.h"

struct _DdUnit
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdUnit, dd_unit, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "name", DD_FIELD_TEXT, N_("Name"), .required = TRUE },
  { "kind", DD_FIELD_ENUM, N_("Kind"), .required = TRUE, .codes = dd_unit_kinds,
    .fallback = "government_department" },
  { "contact-name", DD_FIELD_TEXT, N_("Contact person") },
  { "contact-phone", DD_FIELD_TEXT, N_("Contact phone") },
  { "active", DD_FIELD_BOOL, N_("Active"), .fallback = "1" },
};

/* The name is UNIQUE: say so on the field rather than fail in SQLite. */
static void
dd_unit_check (DdEntity  *entity,
               DdStore   *store,
               GPtrArray *problems)
{
  const char *name = dd_entity_get_string (entity, "name");
  sqlite3_stmt *stmt;
  gboolean taken;

  if (name == NULL || name[0] == '\0')
    return;
  stmt = dd_store_prepare (store, "SELECT 1 FROM units WHERE name = ? AND id <> ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, dd_entity_get_id (entity));
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    dd_problems_add (problems, "name",
                     g_strdup_printf (_("Name: there is already a handling unit named “%s”"), name));
}

static void
dd_unit_class_init (DdUnitClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "units", fields, G_N_ELEMENTS (fields));
  entity_class->has_created_at = TRUE;
  entity_class->check = dd_unit_check;
}

static void
dd_unit_init (DdUnit *self)
{
}

DdUnit *
dd_unit_new (void)
{
  return g_object_new (DD_TYPE_UNIT, NULL);
}

/**
 * dd_unit_load:
 * Returns: (transfer full): the handling unit, or %NULL with @error set
 */
DdUnit *
dd_unit_load (DdStore  *store,
              gint64    id,
              GError  **error)
{
  return dd_entity_load (DD_TYPE_UNIT, store, id, error);
}
