/* dd-chart-view.c: a widget that draws a DdChart
 *
 * Paints the chart with the light or dark palette, following the style
 * manager, over the widget's own background. Hovering shows the exact
 * figures (dd_chart_hit), a click on an item emits ::item-activated, and
 * screen readers get the chart's data as its description
 * (dd_chart_describe).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-chart-view"

#include <adwaita.h>

#include "dd-chart-view.h"

struct _DdChartView
{
  GtkWidget  parent_instance;

  DdChart   *chart;
};

G_DEFINE_FINAL_TYPE (DdChartView, dd_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
update_accessible (DdChartView *self)
{
  g_autofree char *description = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  description = dd_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Callbacks */

static void
on_dark_changed_cb (DdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip_cb (DdChartView *self,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip)
{
  DdChartHit hit = { .item = -1 };
  GdkRectangle area;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->chart == NULL || keyboard || width <= 0 || height <= 0)
    return FALSE;
  if (!dd_chart_hit (self->chart, width, height, x, y, &hit))
    return FALSE;

  gtk_tooltip_set_text (tooltip, hit.tooltip != NULL ? hit.tooltip : hit.label);
  area.x = (int) hit.x;
  area.y = (int) hit.y;
  area.width = MAX (1, (int) hit.width);
  area.height = MAX (1, (int) hit.height);
  gtk_tooltip_set_tip_area (tooltip, &area);
  dd_chart_hit_clear (&hit);
  return TRUE;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      DdChartView     *self)
{
  if (n_press == 1)
    dd_chart_view_activate_at (self, x, y);
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              DdChartView              *self)
{
  DdChartHit hit = { .item = -1 };
  gboolean over_item = FALSE;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  /* A hand over what a click opens: items that stand for something. */
  if (self->chart != NULL && dd_chart_hit (self->chart, width, height, x, y, &hit))
    {
      over_item = hit.id != 0;
      dd_chart_hit_clear (&hit);
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over_item ? "pointer" : NULL);
}

/* GtkWidget */

static void
dd_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  DdChartView *self = DD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  DdChartPalette palette;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  palette = adw_style_manager_get_dark (adw_style_manager_get_default ())
              ? *dd_chart_palette_dark ()
              : *dd_chart_palette_light ();
  /* The card's background shows through. */
  palette.background.alpha = 0;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dd_chart_draw (self->chart, cr, width, height, &palette);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_warning ("Could not draw the chart: %s", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
}

static void
dd_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 480;
    }
  else
    {
      *minimum = 220;
      *natural = 300;
    }
}

/* GObject */

static void
dd_chart_view_dispose (GObject *object)
{
  DdChartView *self = DD_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->chart, dd_chart_unref);

  G_OBJECT_CLASS (dd_chart_view_parent_class)->dispose (object);
}

static void
dd_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DdChartView *self = DD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DdChartView *self = DD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      dd_chart_view_set_chart (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_chart_view_class_init (DdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_chart_view_dispose;
  object_class->get_property = dd_chart_view_get_property;
  object_class->set_property = dd_chart_view_set_property;
  widget_class->snapshot = dd_chart_view_snapshot;
  widget_class->measure = dd_chart_view_measure;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, DD_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdChartView::item-activated:
   * @series: the series clicked, or -1 for the item as a whole
   * @item: the item's index
   * @id: the id the chart's builder gave the item (a unit's, a station's)
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dd_chart_view_init (DdChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
dd_chart_view_new (void)
{
  return g_object_new (DD_TYPE_CHART_VIEW, NULL);
}

/**
 * dd_chart_view_get_chart:
 * Returns: (transfer none) (nullable): the chart drawn
 */
DdChart *
dd_chart_view_get_chart (DdChartView *self)
{
  g_return_val_if_fail (DD_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

/**
 * dd_chart_view_set_chart:
 * @chart: (nullable): the chart to draw; the view keeps a reference and
 *   draws it on the main thread only
 */
void
dd_chart_view_set_chart (DdChartView *self,
                         DdChart     *chart)
{
  g_return_if_fail (DD_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, dd_chart_unref);
  if (chart != NULL)
    self->chart = dd_chart_ref (chart);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * dd_chart_view_activate_at:
 * As a click at (@x, @y) in the widget's coordinates: emits
 * ::item-activated if an item is drawn there.
 *
 * Returns: %TRUE if an item was activated
 */
gboolean
dd_chart_view_activate_at (DdChartView *self,
                           double       x,
                           double       y)
{
  DdChartHit hit = { .item = -1 };
  int width, height;

  g_return_val_if_fail (DD_IS_CHART_VIEW (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->chart == NULL || width <= 0 || height <= 0 ||
      !dd_chart_hit (self->chart, width, height, x, y, &hit))
    return FALSE;
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, hit.series, hit.item, hit.id);
  dd_chart_hit_clear (&hit);
  return TRUE;
}
