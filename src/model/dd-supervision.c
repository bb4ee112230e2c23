/* dd-supervision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-supervision"

#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-supervision.h"
#include "dd-utils.h"

struct _DdSupervision
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdSupervision, dd_supervision, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "suggestion-id", DD_FIELD_REF, N_("Suggestion"), .required = TRUE,
    .ref_table = "suggestions" },
  { "mode", DD_FIELD_ENUM, N_("Mode"), .required = TRUE, .codes = dd_supervision_modes },
  { "leader-name", DD_FIELD_TEXT, N_("Leading official") },
  { "started-on", DD_FIELD_DATE, N_("Start date"), .required = TRUE },
  { "ended-on", DD_FIELD_DATE, N_("End date") },
  { "note", DD_FIELD_TEXT, N_("Note") },
};

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static void
dd_supervision_check (DdEntity  *entity,
                      DdStore   *store,
                      GPtrArray *problems)
{
  const char *mode = dd_entity_get_string (entity, "mode");
  const char *started_on = dd_entity_get_string (entity, "started-on");
  const char *ended_on = dd_entity_get_string (entity, "ended-on");

  /* The schema's CHECK (mode <> 'key' OR leader_name IS NOT NULL): key
   * supervision (重点督办) is led by a named official. */
  if (g_strcmp0 (mode, "key") == 0 && is_blank (dd_entity_get_string (entity, "leader-name")))
    dd_problems_add (problems, "leader-name",
                     g_strdup (_("Leading official is required for key supervision")));

  /* ISO dates compare as text; a malformed one is already reported. */
  if (dd_date_is_valid (started_on) && dd_date_is_valid (ended_on) &&
      g_strcmp0 (ended_on, started_on) < 0)
    dd_problems_add (problems, "ended-on",
                     g_strdup (_("End date cannot be before the start date")));
}

static void
dd_supervision_class_init (DdSupervisionClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "supervisions", fields, G_N_ELEMENTS (fields));
  entity_class->check = dd_supervision_check;
}

static void
dd_supervision_init (DdSupervision *self)
{
}

DdSupervision *
dd_supervision_new (void)
{
  return g_object_new (DD_TYPE_SUPERVISION, NULL);
}

/**
 * dd_supervision_load:
 * Returns: (transfer full): the supervision, or %NULL with @error set
 */
DdSupervision *
dd_supervision_load (DdStore  *store,
                     gint64    id,
                     GError  **error)
{
  return dd_entity_load (DD_TYPE_SUPERVISION, store, id, error);
}
