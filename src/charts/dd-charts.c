/* dd-charts.c: what the renderers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "dd-charts.h"

/**
 * dd_charts_release_caches:
 *
 * Drops the font map and the font and glyph caches that drawing text
 * filled, which otherwise live until exit: for a tool about to exit under
 * a leak checker, so it reports only real leaks. Call it from the thread
 * that drew, with no layout or surface of the renderers still alive.
 */
void
dd_charts_release_caches (void)
{
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
}
