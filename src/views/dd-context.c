/* dd-context.c: the application-wide context (like GcalContext)
 *
 * Holds the settings and the open store; views take it as their "context"
 * property and follow notify::store when another database is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-context"

#include "dd-context.h"

struct _DdContext
{
  GObject    parent_instance;

  GSettings *settings;
  DdStore   *store;
};

G_DEFINE_FINAL_TYPE (DdContext, dd_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The audit log names whoever the preferences say is at the desk. */
static void
push_operator (DdContext *self)
{
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  name = g_settings_get_string (self->settings, "operator-name");
  g_strstrip (name);
  dd_store_set_operator (self->store, name);
}

static void
on_operator_name_changed_cb (GSettings  *settings,
                             const char *key,
                             DdContext  *self)
{
  push_operator (self);
}

static void
dd_context_constructed (GObject *object)
{
  DdContext *self = DD_CONTEXT (object);

  G_OBJECT_CLASS (dd_context_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  g_signal_connect_object (self->settings, "changed::operator-name",
                           G_CALLBACK (on_operator_name_changed_cb), self, 0);
}

static void
dd_context_dispose (GObject *object)
{
  DdContext *self = DD_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dd_context_parent_class)->dispose (object);
}

static void
dd_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DdContext *self = DD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DdContext *self = DD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STORE:
      dd_context_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_context_class_init (DdContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dd_context_constructed;
  object_class->dispose = dd_context_dispose;
  object_class->get_property = dd_context_get_property;
  object_class->set_property = dd_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dd_context_init (DdContext *self)
{
}

/**
 * dd_context_new:
 * @settings: the application's settings (schema io.github.deputydesk.DeputyDesk)
 *
 * Returns: (transfer full): a context with no store yet
 */
DdContext *
dd_context_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DD_TYPE_CONTEXT, "settings", settings, NULL);
}

GSettings *
dd_context_get_settings (DdContext *self)
{
  g_return_val_if_fail (DD_IS_CONTEXT (self), NULL);
  return self->settings;
}

/**
 * dd_context_get_store:
 * Returns: (transfer none) (nullable): the open database, %NULL before one is open
 */
DdStore *
dd_context_get_store (DdContext *self)
{
  g_return_val_if_fail (DD_IS_CONTEXT (self), NULL);
  return self->store;
}

/**
 * dd_context_set_store:
 * Switches every view to @store (nullable: no database).
 */
void
dd_context_set_store (DdContext *self,
                      DdStore   *store)
{
  g_return_if_fail (DD_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || DD_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      push_operator (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}
