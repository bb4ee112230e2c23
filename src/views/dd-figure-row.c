/* dd-figure-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-figure-row"

#include "dd-figure-row.h"

struct _DdFigureRow
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
  GtkLabel  *value;
};

G_DEFINE_FINAL_TYPE (DdFigureRow, dd_figure_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dd_figure_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), DD_TYPE_FIGURE_ROW);
  /* A plain GtkWidget unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dd_figure_row_parent_class)->dispose (object);
}

static void
dd_figure_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DdFigureRow *self = DD_FIGURE_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, dd_figure_row_get_label (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, dd_figure_row_get_value (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_figure_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DdFigureRow *self = DD_FIGURE_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gtk_label_set_label (self->label, g_value_get_string (value));
      break;
    case PROP_VALUE:
      gtk_label_set_label (self->value, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_figure_row_class_init (DdFigureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_figure_row_dispose;
  object_class->get_property = dd_figure_row_get_property;
  object_class->set_property = dd_figure_row_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-figure-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DdFigureRow, label);
  gtk_widget_class_bind_template_child (widget_class, DdFigureRow, value);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figurerow");
}

static void
dd_figure_row_init (DdFigureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dd_figure_row_new (const char *label,
                   const char *value)
{
  return g_object_new (DD_TYPE_FIGURE_ROW, "label", label, "value", value, NULL);
}

const char *
dd_figure_row_get_label (DdFigureRow *self)
{
  g_return_val_if_fail (DD_IS_FIGURE_ROW (self), NULL);
  return gtk_label_get_label (self->label);
}

const char *
dd_figure_row_get_value (DdFigureRow *self)
{
  g_return_val_if_fail (DD_IS_FIGURE_ROW (self), NULL);
  return gtk_label_get_label (self->value);
}
