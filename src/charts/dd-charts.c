/* dd-charts.c: what the renderers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <pango/pangocairo.h>

#include "dd-charts.h"

/**
 * dd_charts_release_caches:
 *
 * Drops the default font map, and with it the fonts and layouts that
 * drawing text cached, for a tool about to exit under a leak checker.
 * Call it from the thread that drew, with no layout or surface of the
 * renderers still alive.
 *
 * Cairo's and fontconfig's own static caches stay (reachable, so no leak
 * checker reports them): cairo_debug_reset_static_data() and FcFini()
 * abort when a font is still alive, and Pango's fontconfig thread can hold
 * the font map, and so its fonts, a moment longer than our last draw.
 */
void
dd_charts_release_caches (void)
{
  pango_cairo_font_map_set_default (NULL);
}
