/* dd-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-activity"

#include <glib/gi18n-lib.h>

#include "dd-activity.h"
#include "dd-codes.h"
#include "dd-utils.h"

struct _DdActivity
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdActivity, dd_activity, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "kind", DD_FIELD_ENUM, N_("Kind"), .required = TRUE, .codes = dd_activity_kinds },
  { "title", DD_FIELD_TEXT, N_("Title"), .required = TRUE },
  { "held-on", DD_FIELD_DATE, N_("Date"), .required = TRUE },
  { "ends-on", DD_FIELD_DATE, N_("End date") },
  { "place", DD_FIELD_TEXT, N_("Place") },
  { "organizer", DD_FIELD_TEXT, N_("Organizer") },
  { "note", DD_FIELD_TEXT, N_("Note") },
};

static void
dd_activity_check (DdEntity  *entity,
                   DdStore   *store,
                   GPtrArray *problems)
{
  const char *held_on = dd_entity_get_string (entity, "held-on");
  const char *ends_on = dd_entity_get_string (entity, "ends-on");

  /* ISO dates compare as text; a malformed one is already reported. */
  if (dd_date_is_valid (held_on) && dd_date_is_valid (ends_on) &&
      g_strcmp0 (ends_on, held_on) < 0)
    dd_problems_add (problems, "ends-on",
                     g_strdup (_("End date cannot be before the date of the activity")));
}

static void
dd_activity_class_init (DdActivityClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "activities", fields, G_N_ELEMENTS (fields));
  entity_class->has_created_at = TRUE;
  entity_class->check = dd_activity_check;
}

static void
dd_activity_init (DdActivity *self)
{
}

DdActivity *
dd_activity_new (void)
{
  return g_object_new (DD_TYPE_ACTIVITY, NULL);
}

/**
 * dd_activity_load:
 * Returns: (transfer full): the activity, or %NULL with @error set
 */
DdActivity *
dd_activity_load (DdStore  *store,
                  gint64    id,
                  GError  **error)
{
  return dd_entity_load (DD_TYPE_ACTIVITY, store, id, error);
}
