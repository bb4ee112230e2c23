/* dd-qr.c: QR codes drawn on any cairo_t
 *
 * The symbol comes from libqrencode (level M, the whole payload in 8-bit
 * mode so UTF-8 text reaches the phone byte for byte). On a raster target
 * every module is a whole number of device pixels: a module smeared over
 * two pixels by antialiasing is what makes a printed or photographed code
 * fail to decode. Vector targets (PDF, PS, SVG) get exact squares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "dd-charts-error.h"
#include "dd-qr.h"
#include "dd-qr-private.h"

/* Targets that keep geometry exact; everything else ends up as pixels
 * (image surfaces, and the recording surfaces GTK replays onto pixels). */
static gboolean
target_is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_group_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Where the modules go in device pixels, if user space is not rotated and a
 * module can be at least one pixel: the origin of the quiet zone and the
 * module size, the symbol centred in the square it was given. */
static gboolean
snap_to_pixels (cairo_t *cr,
                int      modules,
                double   x,
                double   y,
                double   size,
                double  *origin_x,
                double  *origin_y,
                double  *module,
                double  *scale_x,
                double  *scale_y)
{
  cairo_matrix_t matrix;
  double x0 = x, y0 = y, x1 = x + size, y1 = y + size;
  double width, height, pixels;

  if (target_is_vector (cr))
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  if (fabs (matrix.xy) > 1e-9 || fabs (matrix.yx) > 1e-9)
    return FALSE;

  cairo_surface_get_device_scale (cairo_get_group_target (cr), scale_x, scale_y);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  x0 *= *scale_x;
  x1 *= *scale_x;
  y0 *= *scale_y;
  y1 *= *scale_y;
  width = fabs (x1 - x0);
  height = fabs (y1 - y0);

  /* The tolerance keeps an exact fit (e.g. 29 modules in 290 px) exact. */
  pixels = floor (MIN (width, height) / modules + 1e-6);
  if (pixels < 1)
    return FALSE;

  *module = pixels;
  *origin_x = round (MIN (x0, x1) + (width - pixels * modules) / 2);
  *origin_y = round (MIN (y0, y1) + (height - pixels * modules) / 2);
  return TRUE;
}

/**
 * dd_qr_encode:
 * Returns: (transfer full): the symbol of @payload, or %NULL with
 *   DD_CHARTS_ERROR_QR if it is empty, not UTF-8 or too long for a QR code
 */
QRcode *
dd_qr_encode (const char  *payload,
              GError     **error)
{
  QRcode *code;

  if (payload == NULL || payload[0] == '\0')
    {
      g_set_error_literal (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR,
                           "Nothing to encode in a QR code");
      return NULL;
    }
  if (!g_utf8_validate (payload, -1, NULL))
    {
      g_set_error_literal (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR,
                           "The QR payload is not UTF-8 text");
      return NULL;
    }

  errno = 0;
  code = QRcode_encodeString8bit (payload, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      int saved = errno;

      if (saved == ERANGE)
        g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR,
                     "The QR payload is too long (%zu bytes; a QR code holds at most 2331)",
                     strlen (payload));
      else
        g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR,
                     "Could not encode the QR payload: %s", g_strerror (saved));
    }
  return code;
}

/**
 * dd_qr_paint:
 * Paints @code with its quiet zone as a white square of side @size at
 * (@x, @y), dark modules in black.
 */
void
dd_qr_paint (cairo_t      *cr,
             const QRcode *code,
             double        x,
             double        y,
             double        size)
{
  int modules = code->width + 2 * DD_QR_QUIET_ZONE;
  double origin_x, origin_y, module, scale_x = 1, scale_y = 1;

  cairo_save (cr);
  cairo_new_path (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  if (snap_to_pixels (cr, modules, x, y, size, &origin_x, &origin_y, &module,
                      &scale_x, &scale_y))
    {
      /* Draw in device pixels. */
      cairo_identity_matrix (cr);
      cairo_scale (cr, 1 / scale_x, 1 / scale_y);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
    }
  else
    {
      origin_x = x;
      origin_y = y;
      module = size / modules;
    }

  /* One rectangle per run of dark modules, all filled as one path, so a
   * rasteriser sees no seams between neighbouring modules. */
  for (int row = 0; row < code->width; row++)
    {
      const unsigned char *line = code->data + (gsize) row * code->width;
      int col = 0;

      while (col < code->width)
        {
          int start;

          if (!(line[col] & 1))
            {
              col++;
              continue;
            }
          start = col;
          while (col < code->width && (line[col] & 1))
            col++;
          cairo_rectangle (cr,
                           origin_x + (DD_QR_QUIET_ZONE + start) * module,
                           origin_y + (DD_QR_QUIET_ZONE + row) * module,
                           (col - start) * module,
                           module);
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);

  cairo_restore (cr);
}

/**
 * dd_qr_draw:
 * @cr: where to draw, in its current user space
 * @payload: UTF-8 text, e.g. "S00042" or a URL
 * @x: left of the square
 * @y: top of the square
 * @size: side of the square, quiet zone included
 *
 * Draws the QR code of @payload (error correction level M, 8-bit mode, the
 * smallest version that holds it): a white square with the four-module quiet
 * zone and black modules. On raster targets the modules are snapped to whole
 * device pixels and the symbol centred in the square.
 *
 * Returns: %FALSE with DD_CHARTS_ERROR_QR, drawing nothing, if the payload
 *   is empty, not UTF-8 or too long
 */
gboolean
dd_qr_draw (cairo_t     *cr,
            const char  *payload,
            double       x,
            double       y,
            double       size,
            GError     **error)
{
  g_autoptr(QRcode) code = NULL;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  code = dd_qr_encode (payload, error);
  if (code == NULL)
    return FALSE;
  dd_qr_paint (cr, code, x, y, size);
  return TRUE;
}

/**
 * dd_qr_count_modules:
 *
 * Returns: how many modules wide the code of @payload is, quiet zone
 *   included (29 for a version 1 code), so a caller can pick a size that is
 *   a multiple of it; 0 with DD_CHARTS_ERROR_QR if it cannot be encoded
 */
int
dd_qr_count_modules (const char  *payload,
                     GError     **error)
{
  g_autoptr(QRcode) code = dd_qr_encode (payload, error);

  return code != NULL ? code->width + 2 * DD_QR_QUIET_ZONE : 0;
}
