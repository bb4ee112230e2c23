/* dd-reply.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-reply"

#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-reply.h"

struct _DdReply
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdReply, dd_reply, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "suggestion-id", DD_FIELD_REF, N_("Suggestion"), .required = TRUE,
    .ref_table = "suggestions" },
  { "unit-id", DD_FIELD_REF, N_("Handling unit"), .required = TRUE, .ref_table = "units" },
  { "round", DD_FIELD_INT, N_("Round"), .required = TRUE, .min = 1, .max = 99, .fallback = "1" },
  { "class", DD_FIELD_ENUM, N_("Class"), .required = TRUE, .codes = dd_reply_classes },
  { "body", DD_FIELD_TEXT, N_("Text"), .required = TRUE },
  { "replied-on", DD_FIELD_DATE, N_("Date replied"), .required = TRUE },
  { "co-units-signed-off", DD_FIELD_BOOL, N_("Signed off by the co-handling units") },
};

static void
dd_reply_class_init (DdReplyClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "replies", fields, G_N_ELEMENTS (fields));
}

static void
dd_reply_init (DdReply *self)
{
}

DdReply *
dd_reply_new (void)
{
  return g_object_new (DD_TYPE_REPLY, NULL);
}

/**
 * dd_reply_load:
 * Returns: (transfer full): the reply, or %NULL with @error set
 */
DdReply *
dd_reply_load (DdStore  *store,
               gint64    id,
               GError  **error)
{
  return dd_entity_load (DD_TYPE_REPLY, store, id, error);
}
