/* dd-deputy-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-deputy-row"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-deputy-row.h"

struct _DdDeputyRow
{
  GtkWidget  parent_instance;

  DdDeputy  *deputy;

  GtkLabel  *name_label;
  GtkLabel  *level_badge;
  GtkLabel  *status_badge;
  GtkLabel  *details_label;
};

G_DEFINE_FINAL_TYPE (DdDeputyRow, dd_deputy_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DEPUTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;
  if (text->len > 0)
    /* Translators: separates the parts of a deputy's summary line */
    g_string_append (text, C_("summary", " · "));
  g_string_append (text, part);
}

static void
update (DdDeputyRow *self)
{
  DdEntity *entity = DD_ENTITY (self->deputy);
  const char *status;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *term = NULL;

  if (self->deputy == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->details_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->level_badge), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_badge), FALSE);
      return;
    }

  gtk_label_set_label (self->name_label, dd_deputy_get_name (self->deputy));
  gtk_label_set_label (self->level_badge,
                       dd_code_label (dd_deputy_levels, dd_deputy_get_level (self->deputy)));
  gtk_widget_set_visible (GTK_WIDGET (self->level_badge), TRUE);

  /* An active seat is the usual case: only an ended one gets a badge, in words. */
  status = dd_deputy_get_status (self->deputy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_badge), g_strcmp0 (status, "active") != 0);
  gtk_label_set_label (self->status_badge, dd_code_label (dd_deputy_statuses, status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), "resigned");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), "terminated");
  if (status != NULL && g_strv_contains (dd_deputy_statuses, status))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), status);

  if (dd_deputy_get_term (self->deputy) > 0)
    /* Translators: a deputy's term (届), e.g. "Term 16" (the model keeps it within 1–99) */
    term = g_strdup_printf (_("Term %d"), (int) dd_deputy_get_term (self->deputy));
  append_part (details, term);
  append_part (details, dd_entity_get_string (entity, "constituency"));
  append_part (details, dd_entity_get_string (entity, "district"));
  gtk_label_set_label (self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);
}

static void
dd_deputy_row_dispose (GObject *object)
{
  DdDeputyRow *self = DD_DEPUTY_ROW (object);
  GtkWidget *child;

  dd_deputy_row_set_deputy (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_DEPUTY_ROW);
  /* A plain GtkWidget unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dd_deputy_row_parent_class)->dispose (object);
}

static void
dd_deputy_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DdDeputyRow *self = DD_DEPUTY_ROW (object);

  switch (prop_id)
    {
    case PROP_DEPUTY:
      g_value_set_object (value, self->deputy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_deputy_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DdDeputyRow *self = DD_DEPUTY_ROW (object);

  switch (prop_id)
    {
    case PROP_DEPUTY:
      dd_deputy_row_set_deputy (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_deputy_row_class_init (DdDeputyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_deputy_row_dispose;
  object_class->get_property = dd_deputy_row_get_property;
  object_class->set_property = dd_deputy_row_set_property;

  properties[PROP_DEPUTY] =
    g_param_spec_object ("deputy", NULL, NULL, DD_TYPE_DEPUTY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-deputy-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DdDeputyRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyRow, level_badge);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyRow, details_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "deputyrow");
}

static void
dd_deputy_row_init (DdDeputyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DdDeputy *
dd_deputy_row_get_deputy (DdDeputyRow *self)
{
  g_return_val_if_fail (DD_IS_DEPUTY_ROW (self), NULL);
  return self->deputy;
}

/**
 * dd_deputy_row_set_deputy:
 * Shows @deputy and follows its changes (the list refreshes it in place).
 */
void
dd_deputy_row_set_deputy (DdDeputyRow *self,
                          DdDeputy    *deputy)
{
  g_return_if_fail (DD_IS_DEPUTY_ROW (self));

  if (self->deputy == deputy)
    return;
  if (self->deputy != NULL)
    g_signal_handlers_disconnect_by_data (self->deputy, self);
  g_set_object (&self->deputy, deputy);
  if (deputy != NULL)
    g_signal_connect_object (deputy, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPUTY]);
}
