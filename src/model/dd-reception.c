/* dd-reception.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-reception"

#include <glib/gi18n-lib.h>

#include "dd-reception.h"

struct _DdReception
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdReception, dd_reception, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "station-id", DD_FIELD_REF, N_("Station"), .required = TRUE, .ref_table = "stations" },
  { "held-on", DD_FIELD_DATE, N_("Date"), .required = TRUE },
  { "voters-received", DD_FIELD_INT, N_("Voters received"), .min = 0, .max = 100000 },
  { "petitions-handled", DD_FIELD_INT, N_("Petitions handled"), .min = 0, .max = 100000 },
  { "topic", DD_FIELD_TEXT, N_("Topic") },
  { "note", DD_FIELD_TEXT, N_("Note") },
};

static void
dd_reception_class_init (DdReceptionClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "receptions", fields, G_N_ELEMENTS (fields));
  entity_class->has_created_at = TRUE;
}

static void
dd_reception_init (DdReception *self)
{
}

DdReception *
dd_reception_new (void)
{
  return g_object_new (DD_TYPE_RECEPTION, NULL);
}

DdReception *
dd_reception_load (DdStore  *store,
                   gint64    id,
                   GError  **error)
{
  return dd_entity_load (DD_TYPE_RECEPTION, store, id, error);
}
