/* dd-query-model.c: a list that costs memory for ids, not for objects
 *
 * At province scale a list may have a million rows (PERFORMANCE.md): the
 * model keeps only the ids from one indexed query and builds an object when
 * a row is shown. When the store reports a change it runs the query again
 * and tells the view only about the range that differs; objects still in
 * use are refreshed in place, so bound widgets follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-query-model"

#include "dd-entity.h"
#include "dd-query-model.h"
#include "dd-store-private.h"
#include "dd-utils.h"

#define RECENT_SIZE 128

typedef struct
{
  DdStore     *store;
  GType        item_type;
  GArray      *ids;            /* gint64, in list order */
  GHashTable  *live;           /* id → DdEntity* handed out and still alive (no ref) */
  GObject     *recent[RECENT_SIZE];  /* strong refs to the last objects built */
  guint        recent_next;
  GPtrArray   *handlers;       /* signal handler ids on the store, as gulong* */
} DdQueryModelPrivate;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (DdQueryModel, dd_query_model, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (DdQueryModel)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
free_gvalue (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

void
dd_query_params_add_string (GPtrArray  *params,
                            const char *value)
{
  GValue *v = g_new0 (GValue, 1);

  g_value_init (v, G_TYPE_STRING);
  g_value_set_string (v, value);
  g_ptr_array_add (params, v);
}

void
dd_query_params_add_int (GPtrArray *params,
                         gint64     value)
{
  GValue *v = g_new0 (GValue, 1);

  g_value_init (v, G_TYPE_INT64);
  g_value_set_int64 (v, value);
  g_ptr_array_add (params, v);
}

/**
 * dd_query_append_contains:
 * Appends "@column LIKE '%needle%'" with LIKE's wildcards in @needle escaped.
 */
void
dd_query_append_contains (GString    *sql,
                          GPtrArray  *params,
                          const char *column,
                          const char *needle)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = needle; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  g_string_append_printf (sql, "%s LIKE '%%' || ? || '%%' ESCAPE '\\'", column);
  dd_query_params_add_string (params, escaped->str);
  g_string_free (escaped, TRUE);
}

/**
 * dd_query_append_contains_any:
 * @columns: NULL-terminated
 *
 * Appends " AND (a LIKE … OR b LIKE …)": @needle in any of @columns.
 */
void
dd_query_append_contains_any (GString            *sql,
                              GPtrArray          *params,
                              const char         *needle,
                              const char * const *columns)
{
  g_string_append (sql, " AND (");
  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (sql, " OR ");
      dd_query_append_contains (sql, params, columns[i], needle);
    }
  g_string_append (sql, ")");
}

/* Appends " AND @column = ?" when @value is set; a NULL value filters nothing. */
void
dd_query_append_equals (GString    *sql,
                        GPtrArray  *params,
                        const char *column,
                        const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (sql, " AND %s = ?", column);
  dd_query_params_add_string (params, value);
}

/**
 * dd_query_set_filter:
 * Stores a text filter, NULL or "" meaning none.
 *
 * Returns: %TRUE if it changed (re-query then)
 */
gboolean
dd_query_set_filter (char       **slot,
                     const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  return dd_set_str (slot, value);
}

static void
on_live_item_finalized (gpointer  data,
                        GObject  *where_the_object_was)
{
  DdQueryModelPrivate *priv = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, priv->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static GArray *
run_query (DdQueryModel  *self,
           GError       **error)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (free_gvalue);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  DD_QUERY_MODEL_GET_CLASS (self)->build_query (self, sql, params);
  stmt = dd_store_prepare (priv->store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    {
      const GValue *v = g_ptr_array_index (params, i);

      if (G_VALUE_HOLDS_STRING (v))
        sqlite3_bind_text (stmt, i + 1, g_value_get_string (v), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, g_value_get_int64 (v));
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (priv->store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
reload_live (DdQueryModel *self,
             GArray       *changed_ids)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);

  for (guint i = 0; i < changed_ids->len; i++)
    {
      gint64 id = g_array_index (changed_ids, gint64, i);
      DdEntity *item = g_hash_table_lookup (priv->live, &id);

      if (item != NULL)
        dd_entity_reload (item, priv->store, NULL);
    }
}

static void
on_store_changed_cb (DdStore      *store,
                     const char   *table,
                     GArray       *ids,
                     DdQueryModel *self)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (table, DD_ENTITY_CLASS (g_type_class_peek (priv->item_type))->table))
    reload_live (self, ids);

  if (!dd_query_model_refresh (self, &error))
    g_warning ("Could not refresh a list: %s", error->message);
}

/* GListModel */

static GType
dd_query_model_get_item_type (GListModel *model)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (DD_QUERY_MODEL (model));

  return priv->item_type;
}

static guint
dd_query_model_get_n_items (GListModel *model)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (DD_QUERY_MODEL (model));

  return priv->ids->len;
}

static gpointer
dd_query_model_get_item (GListModel *model,
                         guint       position)
{
  DdQueryModel *self = DD_QUERY_MODEL (model);
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  DdEntity *item;
  gint64 id;

  if (position >= priv->ids->len)
    return NULL;

  id = g_array_index (priv->ids, gint64, position);
  item = g_hash_table_lookup (priv->live, &id);
  if (item != NULL)
    return g_object_ref (item);

  item = dd_entity_load (priv->item_type, priv->store, id, &error);
  if (item == NULL)
    {
      g_debug ("Row %" G_GINT64_FORMAT " vanished: %s", id, error->message);
      return NULL;
    }

  g_hash_table_insert (priv->live, g_memdup2 (&id, sizeof id), item);
  g_object_weak_ref (G_OBJECT (item), on_live_item_finalized, priv);

  g_clear_object (&priv->recent[priv->recent_next]);
  priv->recent[priv->recent_next] = g_object_ref (G_OBJECT (item));
  priv->recent_next = (priv->recent_next + 1) % RECENT_SIZE;

  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = dd_query_model_get_item_type;
  iface->get_n_items = dd_query_model_get_n_items;
  iface->get_item = dd_query_model_get_item;
}

/* GObject */

static void
dd_query_model_dispose (GObject *object)
{
  DdQueryModel *self = DD_QUERY_MODEL (object);
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);

  if (priv->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->store, self);
      g_clear_object (&priv->store);
    }
  for (guint i = 0; i < RECENT_SIZE; i++)
    g_clear_object (&priv->recent[i]);
  if (priv->live != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, priv->live);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, on_live_item_finalized, priv);
      g_clear_pointer (&priv->live, g_hash_table_unref);
    }

  G_OBJECT_CLASS (dd_query_model_parent_class)->dispose (object);
}

static void
dd_query_model_finalize (GObject *object)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (DD_QUERY_MODEL (object));

  g_clear_pointer (&priv->ids, g_array_unref);
  if (priv->item_type != G_TYPE_INVALID)
    g_type_class_unref (g_type_class_peek (priv->item_type));

  G_OBJECT_CLASS (dd_query_model_parent_class)->finalize (object);
}

static void
dd_query_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (DD_QUERY_MODEL (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_query_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (DD_QUERY_MODEL (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_query_model_constructed (GObject *object)
{
  DdQueryModel *self = DD_QUERY_MODEL (object);
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);

  G_OBJECT_CLASS (dd_query_model_parent_class)->constructed (object);

  g_assert (DD_IS_STORE (priv->store));
  g_assert (g_type_is_a (priv->item_type, DD_TYPE_ENTITY));

  /* The class must exist before the first change arrives to name its table. */
  g_type_class_ref (priv->item_type);
  dd_query_model_watch (self,
                        DD_ENTITY_CLASS (g_type_class_peek (priv->item_type))->table);
}

static void
dd_query_model_class_init (DdQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dd_query_model_dispose;
  object_class->finalize = dd_query_model_finalize;
  object_class->get_property = dd_query_model_get_property;
  object_class->set_property = dd_query_model_set_property;
  object_class->constructed = dd_query_model_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dd_query_model_init (DdQueryModel *self)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);

  priv->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  priv->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Public API */

DdStore *
dd_query_model_get_store (DdQueryModel *self)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);

  return priv->store;
}

/**
 * dd_query_model_watch:
 * Refresh whenever @table changes (the item type's own table is watched
 * from the start; a list filtered through a link table adds that table).
 */
void
dd_query_model_watch (DdQueryModel *self,
                      const char   *table)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);
  g_autofree char *signal = g_strdup_printf ("changed::%s", table);

  g_signal_connect_object (priv->store, signal, G_CALLBACK (on_store_changed_cb), self, 0);
}

/**
 * dd_query_model_refresh:
 * Runs the query again and emits one ::items-changed for the range between
 * the longest unchanged head and tail, or none if nothing moved. Subclasses
 * call it when a filter changes.
 */
gboolean
dd_query_model_refresh (DdQueryModel  *self,
                        GError       **error)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);
  g_autoptr(GArray) fresh = run_query (self, error);
  g_autoptr(GArray) old = NULL;
  guint old_len, new_len, head = 0, tail = 0;

  if (fresh == NULL)
    return FALSE;

  old_len = priv->ids->len;
  new_len = fresh->len;
  while (head < old_len && head < new_len &&
         g_array_index (priv->ids, gint64, head) == g_array_index (fresh, gint64, head))
    head++;
  while (tail < old_len - head && tail < new_len - head &&
         g_array_index (priv->ids, gint64, old_len - 1 - tail) ==
         g_array_index (fresh, gint64, new_len - 1 - tail))
    tail++;

  old = g_steal_pointer (&priv->ids);
  priv->ids = g_steal_pointer (&fresh);

  if (head == old_len && head == new_len)
    return TRUE;

  g_list_model_items_changed (G_LIST_MODEL (self), head,
                              old_len - head - tail, new_len - head - tail);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

gint64
dd_query_model_get_id (DdQueryModel *self,
                       guint         position)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);

  g_return_val_if_fail (position < priv->ids->len, 0);
  return g_array_index (priv->ids, gint64, position);
}

/**
 * dd_query_model_find:
 * Returns: the position of @id, or G_MAXUINT if it is not in the list
 */
guint
dd_query_model_find (DdQueryModel *self,
                     gint64        id)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);

  for (guint i = 0; i < priv->ids->len; i++)
    if (g_array_index (priv->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/**
 * dd_query_model_get_n_live:
 * Returns: how many objects the list has built that are still alive (the
 *   recent cache plus those a view holds): what its rows cost in memory
 */
guint
dd_query_model_get_n_live (DdQueryModel *self)
{
  DdQueryModelPrivate *priv = dd_query_model_get_instance_private (self);

  return g_hash_table_size (priv->live);
}
