/* dd-suggestion-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-suggestion-edit"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-suggestion-edit.h"
#include "dd-supervision.h"
#include "dd-utils.h"

/* The fields a form edits; the others belong to the workflow or to the registration. */
static const char * const editable_fields[] = {
  "title", "body", "category", "voter-name", "voter-phone", "registered-on", NULL
};

/* Helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((DdProblem *) g_ptr_array_index (problems, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

/* Before assignment: registered or under review with no assignment date
 * (a unit's return clears it). */
static gboolean
registration_open (DdSuggestion *suggestion)
{
  const char *state = dd_entity_get_string (DD_ENTITY (suggestion), "state");

  return (g_strcmp0 (state, "registered") == 0 || g_strcmp0 (state, "under_review") == 0) &&
         dd_entity_get_string (DD_ENTITY (suggestion), "assigned-on") == NULL;
}

/* Public API */

gboolean
dd_suggestion_can_edit_field (DdSuggestion *suggestion,
                              const char   *field)
{
  g_return_val_if_fail (DD_IS_SUGGESTION (suggestion), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!g_strv_contains (editable_fields, field))
    return FALSE;
  if (g_str_equal (field, "registered-on"))
    return registration_open (suggestion);
  return TRUE;
}

/**
 * dd_suggestion_check_edit:
 * Returns: (transfer full) (element-type DdProblem): the problems, empty if none
 */
GPtrArray *
dd_suggestion_check_edit (DdStore      *store,
                          DdSuggestion *edited)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DdSuggestion) stored = NULL;
  g_autofree char *today = NULL;
  DdEntity *entity = DD_ENTITY (edited);
  const char *registered_on;
  gint64 id;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (DD_IS_SUGGESTION (edited), NULL);

  problems = dd_entity_check (entity, store);
  id = dd_entity_get_id (entity);
  registered_on = dd_entity_get_string (entity, "registered-on");

  if (id != 0)
    stored = dd_suggestion_load (store, id, NULL);
  if (stored != NULL)
    {
      const char *number = dd_entity_get_string (DD_ENTITY (stored), "number");

      if (g_strcmp0 (dd_entity_get_string (DD_ENTITY (stored), "kind"),
                     dd_entity_get_string (entity, "kind")) != 0 && !has_problem (problems, "kind"))
        dd_problems_add (problems, "kind",
                         /* Translators: %s is a suggestion's number, e.g. JY2025-0012 */
                         g_strdup_printf (_("Kind cannot change once registered: the number %s "
                                            "says what it is"), number != NULL ? number : ""));
      if (g_strcmp0 (dd_entity_get_string (DD_ENTITY (stored), "registered-on"), registered_on) != 0 &&
          !registration_open (stored) && !has_problem (problems, "registered-on"))
        dd_problems_add (problems, "registered-on",
                         g_strdup (_("Registration date cannot change once the suggestion "
                                     "has been assigned")));
    }

  today = dd_store_dup_today (store);
  if (dd_date_is_valid (registered_on) && strcmp (registered_on, today) > 0 &&
      !has_problem (problems, "registered-on"))
    dd_problems_add (problems, "registered-on",
                     g_strdup_printf (_("%s cannot be after today (%s)"), _("Registration date"), today));
  return g_steal_pointer (&problems);
}

/**
 * dd_supervision_check_start:
 * Returns: (transfer full) (element-type DdProblem): the problems, empty if none
 */
GPtrArray *
dd_supervision_check_start (DdStore                  *store,
                            gint64                    suggestion_id,
                            const DdSupervisionStart *start)
{
  const DdSupervisionStart none = { NULL };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_problem_free);
  g_autoptr(DdSuggestion) suggestion = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  const char *state = NULL;
  const char *assigned_on = NULL;
  const char *started_on;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  if (start == NULL)
    start = &none;

  suggestion = dd_suggestion_load (store, suggestion_id, &error);
  if (suggestion == NULL)
    {
      dd_problems_add (problems, NULL, g_strdup (error->message));
      return g_steal_pointer (&problems);
    }
  state = dd_entity_get_string (DD_ENTITY (suggestion), "state");
  assigned_on = dd_entity_get_string (DD_ENTITY (suggestion), "assigned-on");
  if (g_strcmp0 (state, "assigned") != 0 && g_strcmp0 (state, "handling") != 0)
    dd_problems_add (problems, NULL,
                     g_strdup_printf (_("Only a suggestion that is assigned or being handled can be "
                                        "supervised; this one is %s"),
                                      dd_code_label (dd_suggestion_states, state)));

  if (is_blank (start->mode))
    dd_problems_add (problems, "mode", g_strdup_printf (_("%s is required"), _("Mode")));
  else if (!g_strv_contains (dd_supervision_modes, start->mode))
    dd_problems_add (problems, "mode",
                     g_strdup_printf (_("%s: “%s” is not one of the allowed values"), _("Mode"),
                                      start->mode));
  else if (g_str_equal (start->mode, "key") && is_blank (start->leader_name))
    dd_problems_add (problems, "leader-name",
                     g_strdup (_("Leading official is required for key supervision")));

  today = dd_store_dup_today (store);
  started_on = start->started_on != NULL ? start->started_on : today;
  if (!dd_date_is_valid (started_on))
    dd_problems_add (problems, "started-on",
                     g_strdup_printf (_("%s: “%s” is not a date; write it as YYYY-MM-DD, "
                                        "for example 2025-03-01"), _("Start date"), started_on));
  else if (strcmp (started_on, today) > 0)
    dd_problems_add (problems, "started-on",
                     g_strdup_printf (_("%s cannot be after today (%s)"), _("Start date"), today));
  else if (assigned_on != NULL && strcmp (started_on, assigned_on) < 0)
    dd_problems_add (problems, "started-on",
                     g_strdup_printf (_("Start date cannot be before the date assigned (%s)"),
                                      assigned_on));
  else
    {
      history = dd_supervision_list_for (store, suggestion_id, NULL);
      for (guint i = 0; history != NULL && i < history->len; i++)
        {
          DdEntity *open = g_ptr_array_index (history, i);
          const char *since = dd_entity_get_string (open, "started-on");

          if (dd_entity_get_string (open, "ended-on") == NULL && g_strcmp0 (started_on, since) < 0)
            {
              dd_problems_add (problems, "started-on",
                               g_strdup_printf (_("Start date cannot be before the start of the "
                                                  "supervision it replaces (%s)"), since));
              break;
            }
        }
    }
  return g_steal_pointer (&problems);
}
