/* dd-entity.c: load, validate, save and delete a record, with its audit trail
 *
 * A subclass declares its columns as a DdField table; this class turns them
 * into GObject properties, SQL and validation, so that every entity checks
 * and audits its writes the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-entity"

#include <glib/gi18n-lib.h>

#include "dd-entity.h"
#include "dd-model-error.h"
#include "dd-store-private.h"
#include "dd-utils.h"

typedef struct
{
  gint64   id;
  char    *created_at;
  char    *updated_at;
  GValue  *values;     /* one per DdField, allocated on first use */
} DdEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DdEntity, dd_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

void
dd_problem_free (DdProblem *problem)
{
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

/**
 * dd_problems_add:
 * @message: (transfer full): the translated message
 */
void
dd_problems_add (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  DdProblem *problem = g_new0 (DdProblem, 1);

  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static const char *
table_noun (const char *table)
{
  static const struct { const char *table; const char *noun; } nouns[] = {
    { "deputies", N_("deputy") },
    { "stations", N_("station") },
    { "receptions", N_("reception") },
    { "units", N_("handling unit") },
    { "suggestions", N_("suggestion") },
    { "activities", N_("activity") },
    { "projects", N_("project") },
    { "supervisions", N_("supervision") },
    { "replies", N_("reply") },
    { "evaluations", N_("evaluation") },
    { "assessments", N_("assessment") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].table, table))
      return _(nouns[i].noun);
  return _("record");
}

/* xgettext cannot see through G_GINT64_FORMAT: numbers go into messages as text. */
static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

const char *
dd_field_get_label (const DdField *field)
{
  return _(field->label);
}

static char *
column_name (const char *property)
{
  char *column = g_strdup (property);

  g_strdelimit (column, "-", '_');
  return column;
}

static GValue *
ensure_values (DdEntity *self)
{
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (self);

  if (priv->values != NULL)
    return priv->values;

  priv->values = g_new0 (GValue, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const DdField *field = &klass->fields[i];

      switch (field->type)
        {
        case DD_FIELD_TEXT:
        case DD_FIELD_DATE:
        case DD_FIELD_ENUM:
          g_value_init (&priv->values[i], G_TYPE_STRING);
          g_value_set_string (&priv->values[i], field->fallback);
          break;
        case DD_FIELD_INT:
        case DD_FIELD_REF:
          g_value_init (&priv->values[i], G_TYPE_INT64);
          if (field->fallback != NULL)
            g_value_set_int64 (&priv->values[i], g_ascii_strtoll (field->fallback, NULL, 10));
          break;
        case DD_FIELD_BOOL:
          g_value_init (&priv->values[i], G_TYPE_BOOLEAN);
          g_value_set_boolean (&priv->values[i], g_strcmp0 (field->fallback, "1") == 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return priv->values;
}

static int
field_index (DdEntityClass *klass,
             const char    *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return (int) i;
  return -1;
}

/* The value as stored text (what the audit log records), or NULL if empty. */
static char *
value_to_text (const DdField *field,
               const GValue  *value)
{
  switch (field->type)
    {
    case DD_FIELD_TEXT:
    case DD_FIELD_DATE:
    case DD_FIELD_ENUM:
      {
        const char *s = g_value_get_string (value);
        return s != NULL && s[0] != '\0' ? g_strdup (s) : NULL;
      }
    case DD_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case DD_FIELD_REF:
      return g_value_get_int64 (value) != 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value)) : NULL;
    case DD_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? "1" : "0");
    default:
      g_assert_not_reached ();
    }
}

static void
bind_value (sqlite3_stmt  *stmt,
            int            index,
            const DdField *field,
            const GValue  *value)
{
  switch (field->type)
    {
    case DD_FIELD_TEXT:
    case DD_FIELD_DATE:
    case DD_FIELD_ENUM:
      dd_bind_text (stmt, index, g_value_get_string (value));
      break;
    case DD_FIELD_INT:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case DD_FIELD_REF:
      if (g_value_get_int64 (value) != 0)
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      else
        sqlite3_bind_null (stmt, index);
      break;
    case DD_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_column (sqlite3_stmt  *stmt,
             int            column,
             const DdField *field,
             GValue        *value)
{
  switch (field->type)
    {
    case DD_FIELD_TEXT:
    case DD_FIELD_DATE:
    case DD_FIELD_ENUM:
      g_value_set_string (value, dd_column_text (stmt, column));
      break;
    case DD_FIELD_INT:
    case DD_FIELD_REF:
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
      break;
    case DD_FIELD_BOOL:
      g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const char *
select_sql (DdEntityClass *klass)
{
  if (klass->select_sql == NULL)
    {
      GString *sql = g_string_new ("SELECT id, ");

      g_string_append (sql, klass->has_created_at ? "created_at" : "NULL");
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_autofree char *column = column_name (klass->fields[i].name);
          g_string_append_printf (sql, ", %s", column);
        }
      g_string_append_printf (sql, " FROM %s WHERE id = ?", klass->table);
      klass->select_sql = g_string_free (sql, FALSE);
    }
  return klass->select_sql;
}

/* Reads row @id into @values (fresh GValues of the right types). */
static gboolean
read_row (DdEntityClass  *klass,
          DdStore        *store,
          gint64          id,
          GValue         *values,
          char          **created_at,
          GError        **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, select_sql (klass), error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = number_text (id);

      sqlite3_reset (stmt);
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                   _("There is no %s numbered %s"), table_noun (klass->table), number);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return dd_store_set_error (store, rc, error);
    }

  if (created_at != NULL)
    *created_at = g_strdup (dd_column_text (stmt, 1));
  for (guint i = 0; i < klass->n_fields; i++)
    read_column (stmt, (int) i + 2, &klass->fields[i], &values[i]);
  sqlite3_reset (stmt);
  return TRUE;
}

static GValue *
new_values_like (const GValue *model,
                 guint         n)
{
  GValue *values = g_new0 (GValue, n);

  for (guint i = 0; i < n; i++)
    g_value_init (&values[i], G_VALUE_TYPE (&model[i]));
  return values;
}

static void
free_values (GValue *values,
             guint   n)
{
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  g_free (values);
}

static gboolean
ref_exists (DdStore    *store,
            const char *table,
            gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static void
check_field (DdEntity      *self,
             DdStore       *store,
             const DdField *field,
             const GValue  *value,
             GPtrArray     *problems)
{
  const char *label = _(field->label);

  switch (field->type)
    {
    case DD_FIELD_TEXT:
    case DD_FIELD_DATE:
    case DD_FIELD_ENUM:
      {
        const char *text = g_value_get_string (value);
        g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

        if (stripped[0] == '\0')
          {
            if (field->required)
              dd_problems_add (problems, field->name, g_strdup_printf (_("%s is required"), label));
            return;
          }
        if (field->type == DD_FIELD_DATE && !dd_date_is_valid (text))
          dd_problems_add (problems, field->name,
                       g_strdup_printf (_("%s: “%s” is not a date; write it as YYYY-MM-DD, "
                                          "for example 2025-03-01"), label, text));
        if (field->type == DD_FIELD_ENUM && !g_strv_contains (field->codes, text))
          dd_problems_add (problems, field->name,
                       g_strdup_printf (_("%s: “%s” is not one of the allowed values"),
                                        label, text));
      }
      break;

    case DD_FIELD_INT:
      if (field->max > field->min &&
          (g_value_get_int64 (value) < field->min || g_value_get_int64 (value) > field->max))
        {
          g_autofree char *min = number_text (field->min);
          g_autofree char *max = number_text (field->max);

          dd_problems_add (problems, field->name,
                           g_strdup_printf (_("%s must be a whole number from %s to %s"),
                                            label, min, max));
        }
      break;

    case DD_FIELD_REF:
      if (g_value_get_int64 (value) == 0)
        {
          if (field->required)
            dd_problems_add (problems, field->name, g_strdup_printf (_("%s is required"), label));
        }
      else if (!ref_exists (store, field->ref_table, g_value_get_int64 (value)))
        {
          g_autofree char *number = number_text (g_value_get_int64 (value));

          dd_problems_add (problems, field->name,
                           g_strdup_printf (_("%s: there is no %s numbered %s"),
                                            label, table_noun (field->ref_table), number));
        }
      break;

    case DD_FIELD_BOOL:
    default:
      break;
    }
}

static gboolean
insert_row (DdEntity  *self,
            DdStore   *store,
            GError   **error)
{
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (self);
  GValue *values = ensure_values (self);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *now = dd_store_dup_now (store);
  sqlite3_stmt *stmt;
  int column = 1;

  g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *name = column_name (klass->fields[i].name);
      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", name);
    }
  if (klass->has_created_at)
    g_string_append (sql, ", created_at");
  if (klass->has_updated_at)
    g_string_append (sql, ", updated_at");
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < klass->n_fields + klass->has_created_at + klass->has_updated_at; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");

  stmt = dd_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    bind_value (stmt, column++, &klass->fields[i], &values[i]);
  if (klass->has_created_at)
    sqlite3_bind_text (stmt, column++, now, -1, SQLITE_TRANSIENT);
  if (klass->has_updated_at)
    sqlite3_bind_text (stmt, column++, now, -1, SQLITE_TRANSIENT);
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  priv->id = sqlite3_last_insert_rowid (dd_store_get_db (store));
  if (klass->has_created_at)
    dd_set_str (&priv->created_at, now);

  if (klass->inserted != NULL && !klass->inserted (self, store, error))
    return FALSE;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *text = value_to_text (&klass->fields[i], &values[i]);

      if (text != NULL &&
          !dd_store_audit (store, klass->table, priv->id, klass->fields[i].name, NULL, text, error))
        return FALSE;
    }

  dd_store_note_change (store, klass->table, priv->id);
  return TRUE;
}

static gboolean
update_row (DdEntity  *self,
            DdStore   *store,
            GError   **error)
{
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (self);
  GValue *values = ensure_values (self);
  GValue *stored = new_values_like (values, klass->n_fields);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *now = dd_store_dup_now (store);
  sqlite3_stmt *stmt;
  guint n_changed = 0;
  gboolean ok = FALSE;

  if (!read_row (klass, store, priv->id, stored, NULL, error))
    goto out;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *before = value_to_text (&klass->fields[i], &stored[i]);
      g_autofree char *after = value_to_text (&klass->fields[i], &values[i]);

      if (g_strcmp0 (before, after) == 0)
        continue;
      n_changed++;
      if (!dd_store_audit (store, klass->table, priv->id, klass->fields[i].name,
                           before, after, error))
        goto out;
    }

  if (n_changed == 0)
    {
      ok = TRUE;
      goto out;
    }

  g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *name = column_name (klass->fields[i].name);
      g_string_append_printf (sql, "%s%s = ?", i > 0 ? ", " : "", name);
    }
  if (klass->has_updated_at)
    g_string_append (sql, ", updated_at = ?");
  g_string_append (sql, " WHERE id = ?");

  stmt = dd_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    goto out;
  for (guint i = 0; i < klass->n_fields; i++)
    bind_value (stmt, (int) i + 1, &klass->fields[i], &values[i]);
  if (klass->has_updated_at)
    sqlite3_bind_text (stmt, (int) klass->n_fields + 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, (int) klass->n_fields + 1 + klass->has_updated_at, priv->id);
  if (!dd_store_step_done (store, stmt, error))
    goto out;

  dd_store_note_change (store, klass->table, priv->id);
  ok = TRUE;

out:
  free_values (stored, klass->n_fields);
  return ok;
}

static void
forget_id (gpointer data,
           gpointer user_data)
{
  DdEntityPrivate *priv = dd_entity_get_instance_private (DD_ENTITY (data));

  priv->id = 0;
}

static gboolean
save_in_transaction (DdStore   *store,
                     gpointer   user_data,
                     GError   **error)
{
  DdEntity *self = user_data;
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);

  if (priv->id != 0)
    return update_row (self, store, error);
  if (!insert_row (self, store, error))
    return FALSE;
  /* If an enclosing transaction is undone, so is this row: forget its id. */
  dd_store_on_rollback (store, forget_id, g_object_ref (self), g_object_unref);
  return TRUE;
}

static gboolean
delete_in_transaction (DdStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  DdEntity *self = user_data;
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (self);
  GValue *values = ensure_values (self);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", klass->table);
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, priv->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CONSTRAINT,
                   _("This %s cannot be deleted: other records refer to it"),
                   table_noun (klass->table));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return dd_store_set_error (store, rc, error);
  if (sqlite3_changes (dd_store_get_db (store)) == 0)
    {
      g_autofree char *number = number_text (priv->id);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                   _("There is no %s numbered %s"), table_noun (klass->table), number);
      return FALSE;
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *text = value_to_text (&klass->fields[i], &values[i]);

      if (text != NULL &&
          !dd_store_audit (store, klass->table, priv->id, klass->fields[i].name, text, NULL, error))
        return FALSE;
    }

  dd_store_note_change (store, klass->table, priv->id);
  return TRUE;
}

/* GObject */

static void
dd_entity_finalize (GObject *object)
{
  DdEntity *self = DD_ENTITY (object);
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);

  if (priv->values != NULL)
    free_values (priv->values, DD_ENTITY_GET_CLASS (self)->n_fields);
  g_free (priv->created_at);
  g_free (priv->updated_at);

  G_OBJECT_CLASS (dd_entity_parent_class)->finalize (object);
}

static void
dd_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DdEntity *self = DD_ENTITY (object);
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);

  if (pspec->owner_type == DD_TYPE_ENTITY)
    {
      switch (prop_id)
        {
        case PROP_ID:
          g_value_set_int64 (value, priv->id);
          break;
        case PROP_CREATED_AT:
          g_value_set_string (value, priv->created_at);
          break;
        default:
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
      return;
    }

  g_value_copy (&ensure_values (self)[prop_id - 1], value);
}

static void
dd_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DdEntity *self = DD_ENTITY (object);
  GValue *slot;

  if (pspec->owner_type == DD_TYPE_ENTITY)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  slot = &ensure_values (self)[prop_id - 1];
  if (g_param_values_cmp (pspec, slot, value) == 0)
    return;
  g_value_copy (value, slot);
  g_object_notify_by_pspec (object, pspec);
}

static void
dd_entity_class_init (DdEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dd_entity_finalize;
  object_class->get_property = dd_entity_get_property;
  object_class->set_property = dd_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dd_entity_init (DdEntity *self)
{
}

/* Public API */

/**
 * dd_entity_class_install_fields:
 * Called from a subclass's class_init: one property per field, and the
 * SQL to read and write them. @fields must live as long as the program.
 */
void
dd_entity_class_install_fields (DdEntityClass *klass,
                                const char    *table,
                                const DdField *fields,
                                guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* GObject does not inherit these: the subclass owns the properties. */
  object_class->get_property = dd_entity_get_property;
  object_class->set_property = dd_entity_set_property;

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->field_pspecs = g_new0 (GParamSpec *, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const DdField *field = &fields[i];
      GParamSpec *pspec;

      switch (field->type)
        {
        case DD_FIELD_TEXT:
        case DD_FIELD_DATE:
        case DD_FIELD_ENUM:
          pspec = g_param_spec_string (field->name, NULL, NULL, field->fallback, flags);
          break;
        case DD_FIELD_INT:
        case DD_FIELD_REF:
          pspec = g_param_spec_int64 (field->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case DD_FIELD_BOOL:
          pspec = g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      klass->field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const DdField *
dd_entity_class_find_field (DdEntityClass *klass,
                            const char    *name)
{
  int i = field_index (klass, name);

  return i >= 0 ? &klass->fields[i] : NULL;
}

/**
 * dd_entity_load:
 * @type: a DdEntity subclass
 *
 * Returns: (transfer full) (type DdEntity): the record, or %NULL with
 *   DD_MODEL_ERROR_NOT_FOUND
 */
gpointer
dd_entity_load (GType     type,
                DdStore  *store,
                gint64    id,
                GError  **error)
{
  g_autoptr(DdEntity) self = NULL;
  DdEntityPrivate *priv;

  g_return_val_if_fail (g_type_is_a (type, DD_TYPE_ENTITY), NULL);
  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  self = g_object_new (type, NULL);
  priv = dd_entity_get_instance_private (self);
  if (!read_row (DD_ENTITY_GET_CLASS (self), store, id, ensure_values (self),
                 &priv->created_at, error))
    return NULL;
  priv->id = id;
  return g_steal_pointer (&self);
}

/**
 * dd_entity_reload:
 * Reads the stored values again; properties that changed are notified.
 */
gboolean
dd_entity_reload (DdEntity  *self,
                  DdStore   *store,
                  GError   **error)
{
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (self);
  GValue *values = ensure_values (self);
  GValue *fresh = new_values_like (values, klass->n_fields);

  if (!read_row (klass, store, priv->id, fresh, NULL, error))
    {
      free_values (fresh, klass->n_fields);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < klass->n_fields; i++)
    g_object_set_property (G_OBJECT (self), klass->fields[i].name, &fresh[i]);
  g_object_thaw_notify (G_OBJECT (self));
  free_values (fresh, klass->n_fields);
  return TRUE;
}

/**
 * dd_entity_check:
 * Returns: (transfer full) (element-type DdProblem): every problem found,
 *   empty if the record can be saved
 */
GPtrArray *
dd_entity_check (DdEntity *self,
                 DdStore  *store)
{
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (self);
  GValue *values = ensure_values (self);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_problem_free);

  for (guint i = 0; i < klass->n_fields; i++)
    if (!klass->fields[i].managed)
      check_field (self, store, &klass->fields[i], &values[i], problems);

  if (klass->check != NULL)
    klass->check (self, store, problems);
  return problems;
}

/**
 * dd_entity_validate:
 * Returns: %TRUE if valid; else %FALSE with DD_MODEL_ERROR_INVALID whose
 *   message names the first field at fault
 */
gboolean
dd_entity_validate (DdEntity  *self,
                    DdStore   *store,
                    GError   **error)
{
  g_autoptr(GPtrArray) problems = dd_entity_check (self, store);

  if (problems->len > 0)
    {
      DdProblem *first = g_ptr_array_index (problems, 0);
      g_set_error_literal (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID, first->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * dd_entity_save:
 * Validates, then inserts (id 0) or updates the record in one transaction
 * with an audit entry per changed field. Nothing is written on error.
 */
gboolean
dd_entity_save (DdEntity  *self,
                DdStore   *store,
                GError   **error)
{
  g_return_val_if_fail (DD_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  if (!dd_entity_validate (self, store, error))
    return FALSE;

  {
    DdEntityPrivate *priv = dd_entity_get_instance_private (self);
    gint64 id_before = priv->id;

    if (!dd_store_write (store, save_in_transaction, self, error))
      {
        priv->id = id_before;  /* a rolled-back insert has no id */
        return FALSE;
      }
    if (id_before != priv->id)
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  }
  return TRUE;
}

/**
 * dd_entity_delete:
 * Deletes the record, refusing if other records still refer to it.
 */
gboolean
dd_entity_delete (DdEntity  *self,
                  DdStore   *store,
                  GError   **error)
{
  g_return_val_if_fail (DD_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (dd_entity_get_id (self) != 0, FALSE);

  return dd_store_write (store, delete_in_transaction, self, error);
}

gint64
dd_entity_get_id (DdEntity *self)
{
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);

  g_return_val_if_fail (DD_IS_ENTITY (self), 0);
  return priv->id;
}

const char *
dd_entity_get_table (DdEntity *self)
{
  return DD_ENTITY_GET_CLASS (self)->table;
}

const char *
dd_entity_get_created_at (DdEntity *self)
{
  DdEntityPrivate *priv = dd_entity_get_instance_private (self);

  return priv->created_at;
}

/**
 * dd_entity_get_string:
 * Returns: (transfer none) (nullable): a text, date or enum field's value
 */
const char *
dd_entity_get_string (DdEntity   *self,
                      const char *field)
{
  int i = field_index (DD_ENTITY_GET_CLASS (self), field);

  g_return_val_if_fail (i >= 0, NULL);
  return g_value_get_string (&ensure_values (self)[i]);
}

gint64
dd_entity_get_int (DdEntity   *self,
                   const char *field)
{
  int i = field_index (DD_ENTITY_GET_CLASS (self), field);

  g_return_val_if_fail (i >= 0, 0);
  return g_value_get_int64 (&ensure_values (self)[i]);
}

gboolean
dd_entity_get_bool (DdEntity   *self,
                    const char *field)
{
  int i = field_index (DD_ENTITY_GET_CLASS (self), field);

  g_return_val_if_fail (i >= 0, FALSE);
  return g_value_get_boolean (&ensure_values (self)[i]);
}
