/* dd-deputy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-deputy"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-model-error.h"
#include "dd-store-private.h"

struct _DdDeputy
{
  DdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (DdDeputy, dd_deputy, DD_TYPE_ENTITY)

static const DdField fields[] = {
  { "person-id", DD_FIELD_INT, N_("Person"), .managed = TRUE },
  { "code", DD_FIELD_TEXT, N_("Code"), .managed = TRUE },
  { "name", DD_FIELD_TEXT, N_("Name"), .required = TRUE },
  { "gender", DD_FIELD_ENUM, N_("Gender"), .codes = dd_genders },
  { "ethnicity", DD_FIELD_TEXT, N_("Ethnicity") },
  { "birth-on", DD_FIELD_DATE, N_("Date of birth") },
  { "level", DD_FIELD_ENUM, N_("Level"), .required = TRUE, .codes = dd_deputy_levels },
  { "term", DD_FIELD_INT, N_("Term"), .required = TRUE, .min = 1, .max = 99 },
  { "constituency", DD_FIELD_TEXT, N_("Constituency") },
  { "district", DD_FIELD_TEXT, N_("District") },
  { "township", DD_FIELD_TEXT, N_("Township") },
  { "occupation", DD_FIELD_TEXT, N_("Occupation") },
  { "group-name", DD_FIELD_TEXT, N_("Professional group") },
  { "phone", DD_FIELD_TEXT, N_("Phone") },
  { "status", DD_FIELD_ENUM, N_("Status"), .required = TRUE, .codes = dd_deputy_statuses,
    .fallback = "active" },
  { "status-on", DD_FIELD_DATE, N_("Date of leaving") },
  { "status-reason", DD_FIELD_TEXT, N_("Reason for leaving") },
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
dd_deputy_check (DdEntity  *entity,
                 DdStore   *store,
                 GPtrArray *problems)
{
  const char *status = dd_entity_get_string (entity, "status");
  const char *status_on = dd_entity_get_string (entity, "status-on");
  const char *phone = dd_entity_get_string (entity, "phone");

  if (g_strcmp0 (status, "active") == 0 && !is_blank (status_on))
    dd_problems_add (problems, "status-on",
                 g_strdup (_("Date of leaving must be empty while the deputy is active")));
  if (g_strcmp0 (status, "active") != 0 && g_strv_contains (dd_deputy_statuses, status) &&
      is_blank (status_on))
    dd_problems_add (problems, "status-on",
                 g_strdup_printf (_("Date of leaving is required for a deputy who is %s"),
                                  dd_code_label (dd_deputy_statuses, status)));

  if (!is_blank (phone))
    {
      guint digits = 0;
      gboolean bad = FALSE;

      for (const char *p = phone; *p != '\0'; p++)
        {
          if (g_ascii_isdigit (*p))
            digits++;
          else if (!strchr ("+- ()", *p))
            bad = TRUE;
        }
      if (bad || digits < 7 || digits > 15)
        dd_problems_add (problems, "phone",
                     g_strdup_printf (_("Phone: “%s” is not a phone number"), phone));
    }
}

/* A new person's first seat groups under its own id; its code is derived from it. */
static gboolean
dd_deputy_inserted (DdEntity  *entity,
                    DdStore   *store,
                    GError   **error)
{
  gint64 id = dd_entity_get_id (entity);
  gint64 person_id = dd_entity_get_int (entity, "person-id");
  g_autofree char *code = g_strdup_printf ("D%06" G_GINT64_FORMAT, id);
  sqlite3_stmt *stmt;

  if (person_id == 0)
    person_id = id;
  stmt = dd_store_prepare (store, "UPDATE deputies SET person_id = ?, code = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  g_object_set (entity, "person-id", person_id, "code", code, NULL);
  return TRUE;
}

static void
dd_deputy_class_init (DdDeputyClass *klass)
{
  DdEntityClass *entity_class = DD_ENTITY_CLASS (klass);

  dd_entity_class_install_fields (entity_class, "deputies", fields, G_N_ELEMENTS (fields));
  entity_class->has_created_at = TRUE;
  entity_class->has_updated_at = TRUE;
  entity_class->check = dd_deputy_check;
  entity_class->inserted = dd_deputy_inserted;
}

static void
dd_deputy_init (DdDeputy *self)
{
}

DdDeputy *
dd_deputy_new (void)
{
  return g_object_new (DD_TYPE_DEPUTY, NULL);
}

/**
 * dd_deputy_load:
 * Returns: (transfer full): the deputy, or %NULL with @error set
 */
DdDeputy *
dd_deputy_load (DdStore  *store,
                gint64    id,
                GError  **error)
{
  return dd_entity_load (DD_TYPE_DEPUTY, store, id, error);
}

const char *
dd_deputy_get_name (DdDeputy *self)
{
  return dd_entity_get_string (DD_ENTITY (self), "name");
}

const char *
dd_deputy_get_level (DdDeputy *self)
{
  return dd_entity_get_string (DD_ENTITY (self), "level");
}

const char *
dd_deputy_get_status (DdDeputy *self)
{
  return dd_entity_get_string (DD_ENTITY (self), "status");
}

gint64
dd_deputy_get_term (DdDeputy *self)
{
  return dd_entity_get_int (DD_ENTITY (self), "term");
}

gint64
dd_deputy_get_person_id (DdDeputy *self)
{
  return dd_entity_get_int (DD_ENTITY (self), "person-id");
}

/**
 * dd_deputy_end_seat:
 * @status: "resigned" or "terminated"
 * @date: the day it took effect, YYYY-MM-DD
 * @reason: (nullable): why
 *
 * Marks the seat as ended and saves it; nothing changes on error.
 */
gboolean
dd_deputy_end_seat (DdDeputy    *self,
                    DdStore     *store,
                    const char  *status,
                    const char  *date,
                    const char  *reason,
                    GError     **error)
{
  g_autofree char *old_status = g_strdup (dd_deputy_get_status (self));
  g_autofree char *old_on = g_strdup (dd_entity_get_string (DD_ENTITY (self), "status-on"));
  g_autofree char *old_reason = g_strdup (dd_entity_get_string (DD_ENTITY (self), "status-reason"));

  if (g_strcmp0 (status, "resigned") != 0 && g_strcmp0 (status, "terminated") != 0)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Status: a seat ends as resigned or terminated, not “%s”"), status);
      return FALSE;
    }

  g_object_set (self, "status", status, "status-on", date, "status-reason", reason, NULL);
  if (!dd_entity_save (DD_ENTITY (self), store, error))
    {
      g_object_set (self, "status", old_status, "status-on", old_on,
                    "status-reason", old_reason, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * dd_deputy_new_seat_of:
 * Returns: (transfer full): an unsaved seat of the same person at another
 *   level, with the personal fields copied
 */
DdDeputy *
dd_deputy_new_seat_of (DdDeputy *self)
{
  static const char * const personal[] = {
    "person-id", "name", "gender", "ethnicity", "birth-on", "occupation", "phone",
  };
  DdDeputy *seat = dd_deputy_new ();

  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (self), personal[i], &value);
      g_object_set_property (G_OBJECT (seat), personal[i], &value);
    }
  return seat;
}
