/* dd-presentation-window.c: the statistics as full-screen slides
 *
 * A borderless full-screen window that draws one slide of a DdDeck over
 * the whole screen.
 * Right, Down, Page Down, space, Enter and a click go on; Left, Up,
 * Page Up and BackSpace go back; Home and End jump; D swaps the light
 * (projector) and dark palettes; Escape closes. The pointer hides after a
 * few idle seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-presentation-window"

#include <glib/gi18n.h>

#include "dd-presentation-window.h"

#define POINTER_IDLE_S 3

struct _DdPresentationWindow
{
  GtkWindow        parent_instance;

  DdDeck          *deck;
  guint            slide;
  gboolean         dark;
  guint            pointer_id;
  double           pointer_x;
  double           pointer_y;

  GtkDrawingArea  *area;
};

G_DEFINE_FINAL_TYPE (DdPresentationWindow, dd_presentation_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SLIDE,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* The slide's rectangle in the area: all of it; slides lay themselves out
 * for any shape, a 4:3 projector as a 16:9 screen. */
static void
slide_rect (DdPresentationWindow *self,
            double               *x,
            double               *y,
            double               *width,
            double               *height)
{
  *x = 0;
  *y = 0;
  *width = gtk_widget_get_width (GTK_WIDGET (self->area));
  *height = gtk_widget_get_height (GTK_WIDGET (self->area));
}

static void
update_accessible (DdPresentationWindow *self)
{
  guint n = dd_deck_get_n_slides (self->deck);
  /* Translators: a slide's title, then its number and the count: "Satisfaction, slide 3 of 8" */
  g_autofree char *label = g_strdup_printf (_("%s, slide %u of %u"),
                                            dd_deck_get_slide_title (self->deck, self->slide),
                                            self->slide + 1, n);
  DdChart *chart = dd_deck_get_slide_chart (self->deck, self->slide);
  g_autofree char *description = chart != NULL ? dd_chart_describe (chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
show_pointer (DdPresentationWindow *self,
              gboolean              visible)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->area), visible ? NULL : "none");
}

static void
move (DdPresentationWindow *self,
      int                   delta)
{
  int n = (int) dd_deck_get_n_slides (self->deck);
  int slide = CLAMP ((int) self->slide + delta, 0, n - 1);

  dd_presentation_window_set_slide (self, (guint) slide);
}

/* Callbacks */

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             area_width,
         int             area_height,
         gpointer        user_data)
{
  DdPresentationWindow *self = user_data;
  const DdChartPalette *palette = self->dark ? dd_chart_palette_dark () : dd_chart_palette_light ();
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *counter = NULL;
  double x, y, width, height;
  int text_width, text_height;

  cairo_set_source_rgb (cr, palette->background.red, palette->background.green,
                        palette->background.blue);
  cairo_paint (cr);

  slide_rect (self, &x, &y, &width, &height);
  if (width <= 0 || height <= 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  dd_deck_draw_slide (self->deck, self->slide, cr, width, height, palette);
  cairo_restore (cr);

  /* "3 / 8", small, in the bottom right corner of the screen */
  counter = g_strdup_printf ("%u / %u", self->slide + 1, dd_deck_get_n_slides (self->deck));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), counter);
  font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (font, MAX (12.0, area_height / 60.0) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_set_source_rgba (cr, palette->text_secondary.red, palette->text_secondary.green,
                         palette->text_secondary.blue, palette->text_secondary.alpha);
  cairo_move_to (cr, area_width - text_width - text_height, area_height - text_height * 1.5);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
on_pointer_idle_cb (gpointer user_data)
{
  DdPresentationWindow *self = user_data;

  self->pointer_id = 0;
  show_pointer (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              DdPresentationWindow     *self)
{
  /* Only a real move wakes the pointer, not the one a redraw reports. */
  if (ABS (x - self->pointer_x) < 2 && ABS (y - self->pointer_y) < 2)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  show_pointer (self, TRUE);
  g_clear_handle_id (&self->pointer_id, g_source_remove);
  self->pointer_id = g_timeout_add_seconds (POINTER_IDLE_S, on_pointer_idle_cb, self);
}

static void
on_click_released_cb (GtkGestureClick      *gesture,
                      int                   n_press,
                      double                x,
                      double                y,
                      DdPresentationWindow *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  move (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static gboolean
on_query_tooltip_cb (GtkWidget            *area,
                     int                   px,
                     int                   py,
                     gboolean              keyboard,
                     GtkTooltip           *tooltip,
                     DdPresentationWindow *self)
{
  DdChart *chart = dd_deck_get_slide_chart (self->deck, self->slide);
  DdChartHit hit = { .item = -1 };
  double x, y, width, height;
  gboolean found;

  if (chart == NULL || keyboard)
    return FALSE;
  slide_rect (self, &x, &y, &width, &height);
  /* The chart is drawn by the slide somewhere inside it; its hit test
   * knows only its own rectangle, so ask only over the slide. */
  found = dd_chart_hit (chart, width, height, px - x, py - y, &hit);
  if (!found)
    return FALSE;
  gtk_tooltip_set_text (tooltip, hit.tooltip != NULL ? hit.tooltip : hit.label);
  dd_chart_hit_clear (&hit);
  return TRUE;
}

/* Actions */

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  DdPresentationWindow *self = DD_PRESENTATION_WINDOW (widget);

  if (g_str_equal (action_name, "presentation.next"))
    move (self, 1);
  else if (g_str_equal (action_name, "presentation.previous"))
    move (self, -1);
  else if (g_str_equal (action_name, "presentation.first"))
    dd_presentation_window_set_slide (self, 0);
  else if (g_str_equal (action_name, "presentation.last"))
    dd_presentation_window_set_slide (self, dd_deck_get_n_slides (self->deck) - 1);
}

static void
toggle_dark_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DdPresentationWindow *self = DD_PRESENTATION_WINDOW (widget);

  dd_presentation_window_set_dark (self, !self->dark);
}

/* GObject */

static void
dd_presentation_window_dispose (GObject *object)
{
  DdPresentationWindow *self = DD_PRESENTATION_WINDOW (object);

  g_clear_handle_id (&self->pointer_id, g_source_remove);
  /* Before the template lets go of it: GtkWindow would unparent it again. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_PRESENTATION_WINDOW);
  g_clear_object (&self->deck);

  G_OBJECT_CLASS (dd_presentation_window_parent_class)->dispose (object);
}

static void
dd_presentation_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DdPresentationWindow *self = DD_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      g_value_set_uint (value, self->slide);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_presentation_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DdPresentationWindow *self = DD_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      dd_presentation_window_set_slide (self, g_value_get_uint (value));
      break;
    case PROP_DARK:
      dd_presentation_window_set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_presentation_window_class_init (DdPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = dd_presentation_window_dispose;
  object_class->get_property = dd_presentation_window_get_property;
  object_class->set_property = dd_presentation_window_set_property;

  properties[PROP_SLIDE] =
    g_param_spec_uint ("slide", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DdPresentationWindow, area);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-dark", NULL, toggle_dark_action);

}

/* The slides' keys, before GtkWindow's own arrows (which move the focus). */
static GtkEventController *
keys_controller (void)
{
  static const struct
  {
    guint       keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, "presentation.next" },
    { GDK_KEY_Down, "presentation.next" },
    { GDK_KEY_Page_Down, "presentation.next" },
    { GDK_KEY_KP_Page_Down, "presentation.next" },
    { GDK_KEY_space, "presentation.next" },
    { GDK_KEY_Return, "presentation.next" },
    { GDK_KEY_KP_Enter, "presentation.next" },
    { GDK_KEY_n, "presentation.next" },
    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_Up, "presentation.previous" },
    { GDK_KEY_Page_Up, "presentation.previous" },
    { GDK_KEY_KP_Page_Up, "presentation.previous" },
    { GDK_KEY_BackSpace, "presentation.previous" },
    { GDK_KEY_p, "presentation.previous" },
    { GDK_KEY_Home, "presentation.first" },
    { GDK_KEY_KP_Home, "presentation.first" },
    { GDK_KEY_End, "presentation.last" },
    { GDK_KEY_KP_End, "presentation.last" },
    { GDK_KEY_d, "presentation.toggle-dark" },
    { GDK_KEY_Escape, "window.close" },
    { GDK_KEY_q, "window.close" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_named_action_new (keys[i].action)));
  return controller;
}

static void
dd_presentation_window_init (DdPresentationWindow *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pointer_x = self->pointer_y = -1;
  gtk_widget_add_controller (GTK_WIDGET (self), keys_controller ());

  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (click));
  self->pointer_id = g_timeout_add_seconds (POINTER_IDLE_S, on_pointer_idle_cb, self);
}

/* Public API */

/**
 * dd_presentation_window_new:
 * @parent: (nullable): the window it is shown over (and on whose monitor)
 * @deck: the slides; the window keeps a reference and draws it on the
 *   main thread
 *
 * Returns: (transfer none): a new full-screen window, not yet presented
 */
GtkWindow *
dd_presentation_window_new (GtkWindow *parent,
                            DdDeck    *deck)
{
  DdPresentationWindow *self;

  g_return_val_if_fail (DD_IS_DECK (deck), NULL);

  self = g_object_new (DD_TYPE_PRESENTATION_WINDOW, NULL);
  self->deck = g_object_ref (deck);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  /* The monitor's size already, should no window manager make it full screen. */
  if (parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (parent)),
                                                                surface);
      GdkRectangle geometry;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &geometry);
          gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
        }
    }
  gtk_window_fullscreen (GTK_WINDOW (self));
  update_accessible (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  return GTK_WINDOW (self);
}

/**
 * dd_presentation_window_get_deck:
 * Returns: (transfer none): the slides shown
 */
DdDeck *
dd_presentation_window_get_deck (DdPresentationWindow *self)
{
  g_return_val_if_fail (DD_IS_PRESENTATION_WINDOW (self), NULL);
  return self->deck;
}

guint
dd_presentation_window_get_slide (DdPresentationWindow *self)
{
  g_return_val_if_fail (DD_IS_PRESENTATION_WINDOW (self), 0);
  return self->slide;
}

/**
 * dd_presentation_window_set_slide:
 * Shows slide @slide (0 for the first), kept within the deck.
 */
void
dd_presentation_window_set_slide (DdPresentationWindow *self,
                                  guint                 slide)
{
  guint n;

  g_return_if_fail (DD_IS_PRESENTATION_WINDOW (self));

  n = self->deck != NULL ? dd_deck_get_n_slides (self->deck) : 0;
  slide = n > 0 ? MIN (slide, n - 1) : 0;
  if (self->slide == slide)
    return;
  self->slide = slide;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}

gboolean
dd_presentation_window_get_dark (DdPresentationWindow *self)
{
  g_return_val_if_fail (DD_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->dark;
}

/**
 * dd_presentation_window_set_dark:
 * Light (the default, for projectors in lit rooms) or dark slides.
 */
void
dd_presentation_window_set_dark (DdPresentationWindow *self,
                                 gboolean              dark)
{
  g_return_if_fail (DD_IS_PRESENTATION_WINDOW (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}
