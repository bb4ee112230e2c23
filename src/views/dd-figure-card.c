/* dd-figure-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-figure-card"

#include "dd-figure-card.h"
#include "dd-figure-row.h"

struct _DdFigureCard
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *value_label;
  GtkLabel  *caption_label;
  GtkBox    *details_box;
};

G_DEFINE_FINAL_TYPE (DdFigureCard, dd_figure_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (DdFigureCard *self)
{
  g_autofree char *text = g_strdup_printf ("%s %s %s", gtk_label_get_label (self->title_label),
                                           gtk_label_get_label (self->value_label),
                                           gtk_label_get_label (self->caption_label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
dd_figure_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), DD_TYPE_FIGURE_CARD);
  /* A plain GtkWidget unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dd_figure_card_parent_class)->dispose (object);
}

static void
dd_figure_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DdFigureCard *self = DD_FIGURE_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, dd_figure_card_get_title (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, dd_figure_card_get_value (self));
      break;
    case PROP_CAPTION:
      g_value_set_string (value, dd_figure_card_get_caption (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_figure_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DdFigureCard *self = DD_FIGURE_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, g_value_get_string (value));
      update_accessible (self);
      break;
    case PROP_VALUE:
      dd_figure_card_set_value (self, g_value_get_string (value));
      break;
    case PROP_CAPTION:
      dd_figure_card_set_caption (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_figure_card_class_init (DdFigureCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = dd_figure_card_dispose;
  object_class->get_property = dd_figure_card_get_property;
  object_class->set_property = dd_figure_card_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DD_TYPE_FIGURE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-figure-card.ui");
  gtk_widget_class_bind_template_child (widget_class, DdFigureCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, DdFigureCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, DdFigureCard, caption_label);
  gtk_widget_class_bind_template_child (widget_class, DdFigureCard, details_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figurecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dd_figure_card_init (DdFigureCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
dd_figure_card_get_title (DdFigureCard *self)
{
  g_return_val_if_fail (DD_IS_FIGURE_CARD (self), NULL);
  return gtk_label_get_label (self->title_label);
}

const char *
dd_figure_card_get_value (DdFigureCard *self)
{
  g_return_val_if_fail (DD_IS_FIGURE_CARD (self), NULL);
  return gtk_label_get_label (self->value_label);
}

void
dd_figure_card_set_value (DdFigureCard *self,
                          const char   *value)
{
  g_return_if_fail (DD_IS_FIGURE_CARD (self));

  if (g_strcmp0 (value, gtk_label_get_label (self->value_label)) == 0)
    return;
  gtk_label_set_label (self->value_label, value);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
dd_figure_card_get_caption (DdFigureCard *self)
{
  g_return_val_if_fail (DD_IS_FIGURE_CARD (self), NULL);
  return gtk_label_get_label (self->caption_label);
}

void
dd_figure_card_set_caption (DdFigureCard *self,
                            const char   *caption)
{
  g_return_if_fail (DD_IS_FIGURE_CARD (self));

  if (g_strcmp0 (caption, gtk_label_get_label (self->caption_label)) == 0)
    return;
  gtk_label_set_label (self->caption_label, caption);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

/**
 * dd_figure_card_set_details:
 * @labels: (array zero-terminated=1): what each number counts
 * @values: (array zero-terminated=1): the numbers, already formatted
 *
 * Replaces the breakdown under the headline number.
 */
void
dd_figure_card_set_details (DdFigureCard       *self,
                            const char * const *labels,
                            const char * const *values)
{
  GtkWidget *child;
  guint i = 0;

  g_return_if_fail (DD_IS_FIGURE_CARD (self));
  g_return_if_fail (g_strv_length ((char **) labels) == g_strv_length ((char **) values));

  /* Update the rows in place: the card keeps its size while figures refresh. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box));
  for (; labels[i] != NULL; i++)
    {
      if (child != NULL)
        {
          g_object_set (child, "label", labels[i], "value", values[i], NULL);
          child = gtk_widget_get_next_sibling (child);
        }
      else
        gtk_box_append (self->details_box, dd_figure_row_new (labels[i], values[i]));
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->details_box, child);
      child = next;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), i > 0);
}

guint
dd_figure_card_get_n_details (DdFigureCard *self)
{
  guint n = 0;

  g_return_val_if_fail (DD_IS_FIGURE_CARD (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/**
 * dd_figure_card_get_detail:
 * @value: (out) (optional): the number shown
 *
 * Returns: the label of the breakdown line @index, or %NULL
 */
const char *
dd_figure_card_get_detail (DdFigureCard  *self,
                           guint          index,
                           const char   **value)
{
  GtkWidget *child;

  g_return_val_if_fail (DD_IS_FIGURE_CARD (self), NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box));
  while (child != NULL && index-- > 0)
    child = gtk_widget_get_next_sibling (child);
  if (child == NULL)
    return NULL;
  if (value != NULL)
    *value = dd_figure_row_get_value (DD_FIGURE_ROW (child));
  return dd_figure_row_get_label (DD_FIGURE_ROW (child));
}
