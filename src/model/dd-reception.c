/* dd-reception.c
 *
 * Recording a reception validates everything first (the reception, the
 * deputies present, each opinion as the suggestion it will become) and
 * then writes it all in one transaction, so that a clerk who mistyped the
 * second opinion finds nothing half-saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-reception"

#include <glib/gi18n-lib.h>

#include "dd-model-error.h"
#include "dd-reception.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"

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

typedef struct
{
  DdReception *reception;
  GArray      *deputy_ids;    /* gint64, distinct, in the order given */
  GPtrArray   *opinions;      /* DdSuggestion, validated, not saved */
  GArray      *recorded_by;   /* gint64, one per opinion */
} Recording;

/* Helpers */

static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static void
recording_clear (Recording *recording)
{
  g_clear_pointer (&recording->deputy_ids, g_array_unref);
  g_clear_pointer (&recording->opinions, g_ptr_array_unref);
  g_clear_pointer (&recording->recorded_by, g_array_unref);
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
deputy_exists (DdStore *store,
               gint64   id)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, "SELECT 1 FROM deputies WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
insert_pair (DdStore     *store,
             const char  *sql,
             gint64       a,
             gint64       b,
             GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return dd_store_step_done (store, stmt, error);
}

/* Everything dd_reception_record() checks before it writes a byte. */
static gboolean
prepare_recording (DdReception           *self,
                   DdStore               *store,
                   const gint64          *deputy_ids,
                   guint                  n_deputies,
                   const DdVoterOpinion  *opinions,
                   guint                  n_opinions,
                   Recording             *recording,
                   GError               **error)
{
  g_autoptr(GPtrArray) problems = dd_entity_check (DD_ENTITY (self), store);

  if (problems->len > 0)
    {
      DdProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID, first->message);
      return FALSE;
    }

  if (n_deputies == 0)
    {
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                           _("Deputies present: choose at least one deputy"));
      return FALSE;
    }
  for (guint i = 0; i < n_deputies; i++)
    {
      if (contains_id (recording->deputy_ids, deputy_ids[i]))
        continue;
      if (!deputy_exists (store, deputy_ids[i]))
        {
          g_autofree char *number = number_text (deputy_ids[i]);

          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Deputies present: there is no deputy numbered %s"), number);
          return FALSE;
        }
      g_array_append_val (recording->deputy_ids, deputy_ids[i]);
    }

  for (guint i = 0; i < n_opinions; i++)
    {
      const DdVoterOpinion *opinion = &opinions[i];
      g_autoptr(DdSuggestion) suggestion = dd_suggestion_new ();
      g_autoptr(GPtrArray) opinion_problems = NULL;
      g_autofree char *ordinal = number_text (i + 1);
      gint64 recorded_by = opinion->recorded_by != 0 ? opinion->recorded_by : deputy_ids[0];

      g_object_set (suggestion,
                    "kind", "voter_opinion",
                    "title", opinion->title,
                    "body", opinion->body,
                    "category", opinion->category != NULL ? opinion->category : "other",
                    "registered-on", dd_entity_get_string (DD_ENTITY (self), "held-on"),
                    "station-id", dd_entity_get_int (DD_ENTITY (self), "station-id"),
                    "voter-name", opinion->voter_name,
                    "voter-phone", opinion->voter_phone,
                    NULL);
      opinion_problems = dd_entity_check (DD_ENTITY (suggestion), store);
      if (opinion_problems->len > 0)
        {
          DdProblem *first = g_ptr_array_index (opinion_problems, 0);

          /* TRANSLATORS: "Opinion 2: Title is required" */
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Opinion %s: %s"), ordinal, first->message);
          return FALSE;
        }
      if (!contains_id (recording->deputy_ids, recorded_by))
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("Opinion %s: Recorded by: the deputy must be one of those present"),
                       ordinal);
          return FALSE;
        }
      g_ptr_array_add (recording->opinions, g_steal_pointer (&suggestion));
      g_array_append_val (recording->recorded_by, recorded_by);
    }
  return TRUE;
}

static gboolean
record_in_transaction (DdStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  Recording *recording = user_data;
  gint64 reception_id;

  if (!dd_entity_save (DD_ENTITY (recording->reception), store, error))
    return FALSE;
  reception_id = dd_entity_get_id (DD_ENTITY (recording->reception));

  for (guint i = 0; i < recording->deputy_ids->len; i++)
    {
      gint64 deputy_id = g_array_index (recording->deputy_ids, gint64, i);
      g_autofree char *value = number_text (deputy_id);

      if (!insert_pair (store,
                        "INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)",
                        reception_id, deputy_id, error) ||
          !dd_store_audit (store, "receptions", reception_id, "deputies", NULL, value, error))
        return FALSE;
    }
  dd_store_note_change (store, "reception_deputies", reception_id);

  for (guint i = 0; i < recording->opinions->len; i++)
    {
      DdEntity *suggestion = g_ptr_array_index (recording->opinions, i);
      gint64 deputy_id = g_array_index (recording->recorded_by, gint64, i);
      g_autofree char *value = number_text (deputy_id);
      gint64 suggestion_id;

      g_object_set (suggestion, "reception-id", reception_id, NULL);
      if (!dd_entity_save (suggestion, store, error))
        return FALSE;
      suggestion_id = dd_entity_get_id (suggestion);
      /* The lead proposer (position 1): the deputy who evaluates the reply. */
      if (!insert_pair (store,
                        "INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) "
                        "VALUES (?, ?, 1)",
                        suggestion_id, deputy_id, error) ||
          !dd_store_audit (store, "suggestions", suggestion_id, "proposers", NULL, value, error))
        return FALSE;
      dd_store_note_change (store, "suggestion_proposers", suggestion_id);
    }
  return TRUE;
}

/* Vfuncs */

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

/* Public API */

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

/**
 * dd_reception_record:
 * @self: a new reception (not saved yet) with its station, date and counts
 * @deputy_ids: (array length=n_deputies): the deputies present; a repeated
 *   id counts once
 * @opinions: (array length=n_opinions) (nullable): what voters raised
 *
 * See dd-reception.h. On success @self has its id, and the opinions are
 * suggestions numbered like any voter's opinion (YJ2025-0001 …).
 */
gboolean
dd_reception_record (DdReception           *self,
                     DdStore               *store,
                     const gint64          *deputy_ids,
                     guint                  n_deputies,
                     const DdVoterOpinion  *opinions,
                     guint                  n_opinions,
                     GError               **error)
{
  Recording recording = {
    self,
    g_array_new (FALSE, FALSE, sizeof (gint64)),
    g_ptr_array_new_with_free_func (g_object_unref),
    g_array_new (FALSE, FALSE, sizeof (gint64)),
  };
  gboolean ok;

  g_return_val_if_fail (DD_IS_RECEPTION (self), FALSE);
  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (dd_entity_get_id (DD_ENTITY (self)) == 0, FALSE);
  g_return_val_if_fail (deputy_ids != NULL || n_deputies == 0, FALSE);
  g_return_val_if_fail (opinions != NULL || n_opinions == 0, FALSE);

  ok = prepare_recording (self, store, deputy_ids, n_deputies, opinions, n_opinions,
                          &recording, error) &&
       dd_store_write (store, record_in_transaction, &recording, error);
  recording_clear (&recording);
  return ok;
}

/**
 * dd_reception_dup_deputy_ids:
 * Returns: (transfer full) (element-type gint64): the deputies present, by
 *   id, or %NULL on error
 */
GArray *
dd_reception_dup_deputy_ids (DdReception  *self,
                             DdStore      *store,
                             GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DD_IS_RECEPTION (self), NULL);

  stmt = dd_store_prepare (store,
                           "SELECT deputy_id FROM reception_deputies WHERE reception_id = ? "
                           "ORDER BY deputy_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dd_entity_get_id (DD_ENTITY (self)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* A station's or a deputy's receptions, newest first */

struct _DdReceptionList
{
  DdQueryModel parent_instance;

  gint64       station_id;
  gint64       deputy_id;
};

G_DEFINE_FINAL_TYPE (DdReceptionList, dd_reception_list, DD_TYPE_QUERY_MODEL)

static void
dd_reception_list_build_query (DdQueryModel *model,
                               GString      *sql,
                               GPtrArray    *params)
{
  DdReceptionList *self = DD_RECEPTION_LIST (model);

  if (self->deputy_id != 0)
    {
      g_string_append (sql,
                       "SELECT r.id FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id "
                       "WHERE rd.deputy_id = ? ORDER BY r.held_on DESC, r.id DESC");
      dd_query_params_add_int (params, self->deputy_id);
    }
  else
    {
      /* receptions_by_station (station_id, held_on), read backwards */
      g_string_append (sql,
                       "SELECT id FROM receptions WHERE station_id = ? ORDER BY held_on DESC, id DESC");
      dd_query_params_add_int (params, self->station_id);
    }
}

static void
dd_reception_list_class_init (DdReceptionListClass *klass)
{
  DD_QUERY_MODEL_CLASS (klass)->build_query = dd_reception_list_build_query;
}

static void
dd_reception_list_init (DdReceptionList *self)
{
}

static DdReceptionList *
reception_list_new (DdStore *store,
                    gint64   station_id,
                    gint64   deputy_id)
{
  DdReceptionList *self = g_object_new (DD_TYPE_RECEPTION_LIST,
                                        "store", store,
                                        "item-type", DD_TYPE_RECEPTION,
                                        NULL);
  g_autoptr(GError) error = NULL;

  self->station_id = station_id;
  self->deputy_id = deputy_id;
  if (deputy_id != 0)
    dd_query_model_watch (DD_QUERY_MODEL (self), "reception_deputies");
  if (!dd_query_model_refresh (DD_QUERY_MODEL (self), &error))
    g_warning ("Could not list receptions: %s", error->message);
  return self;
}

/**
 * dd_reception_list_new_for_station:
 * Returns: (transfer full): the station's receptions, newest first
 */
DdReceptionList *
dd_reception_list_new_for_station (DdStore *store,
                                   gint64   station_id)
{
  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  return reception_list_new (store, station_id, 0);
}

/**
 * dd_reception_list_new_for_deputy:
 * Returns: (transfer full): the receptions the deputy was present at,
 *   newest first
 */
DdReceptionList *
dd_reception_list_new_for_deputy (DdStore *store,
                                  gint64   deputy_id)
{
  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (deputy_id != 0, NULL);

  return reception_list_new (store, 0, deputy_id);
}
