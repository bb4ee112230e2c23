/* dd-qr-code.c
 *
 * The charts layer paints dark modules on a white square with its quiet
 * zone, in the dark style too: phone cameras read a code that way round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-qr-code"

#include <glib/gi18n.h>

#include "dd-qr.h"
#include "dd-qr-code.h"
#include "dd-utils.h"

#define QR_SIZE 168

struct _DdQrCode
{
  GtkDrawingArea  parent_instance;

  char           *payload;
  gboolean        drawn;
};

G_DEFINE_FINAL_TYPE (DdQrCode, dd_qr_code, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_PAYLOAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  DdQrCode *self = DD_QR_CODE (area);
  g_autoptr(GError) error = NULL;
  double size = MIN (width, height);
  double x = (width - size) / 2.0;
  double y = (height - size) / 2.0;

  self->drawn = FALSE;
  if (self->payload == NULL || self->payload[0] == '\0')
    return;

  self->drawn = dd_qr_draw (cr, self->payload, x, y, size, &error);
  if (!self->drawn)
    g_debug ("No QR code for “%s”: %s", self->payload, error->message);
}

static void
update_accessible (DdQrCode *self)
{
  g_autofree char *label = NULL;

  if (self->payload != NULL && self->payload[0] != '\0')
    /* Translators: %s is what the QR code encodes, a web address or a code */
    label = g_strdup_printf (_("QR code for %s"), self->payload);
  else
    label = g_strdup (_("No QR code"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
dd_qr_code_finalize (GObject *object)
{
  DdQrCode *self = DD_QR_CODE (object);

  g_free (self->payload);

  G_OBJECT_CLASS (dd_qr_code_parent_class)->finalize (object);
}

static void
dd_qr_code_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DdQrCode *self = DD_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_PAYLOAD:
      g_value_set_string (value, self->payload);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_qr_code_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DdQrCode *self = DD_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_PAYLOAD:
      dd_qr_code_set_payload (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_qr_code_class_init (DdQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dd_qr_code_finalize;
  object_class->get_property = dd_qr_code_get_property;
  object_class->set_property = dd_qr_code_set_property;

  properties[PROP_PAYLOAD] =
    g_param_spec_string ("payload", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dd_qr_code_init (DdQrCode *self)
{
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), QR_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), QR_SIZE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  update_accessible (self);
}

GtkWidget *
dd_qr_code_new (void)
{
  return g_object_new (DD_TYPE_QR_CODE, NULL);
}

const char *
dd_qr_code_get_payload (DdQrCode *self)
{
  g_return_val_if_fail (DD_IS_QR_CODE (self), NULL);
  return self->payload;
}

/**
 * dd_qr_code_set_payload:
 * @payload: (nullable): the text to encode; %NULL or "" shows nothing
 */
void
dd_qr_code_set_payload (DdQrCode   *self,
                        const char *payload)
{
  g_return_if_fail (DD_IS_QR_CODE (self));

  if (!dd_set_str (&self->payload, payload))
    return;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYLOAD]);
}

/**
 * dd_qr_code_get_drawn:
 * Returns: whether the last frame showed a code (for tests)
 */
gboolean
dd_qr_code_get_drawn (DdQrCode *self)
{
  g_return_val_if_fail (DD_IS_QR_CODE (self), FALSE);
  return self->drawn;
}
