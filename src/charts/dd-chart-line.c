/* dd-chart-line.c: series over the items as x labels (months)
 *
 * Each series has its colour, its dash and its marker shape, so two lines
 * stay apart in greyscale. A value is printed at each point, above the
 * point for the upper series and below for the lower, wherever it does not
 * collide with another value, a marker or the plot's edge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <math.h>

#include "dd-chart-private.h"

typedef struct
{
  double x, y, width, height;
} Box;

static gboolean
overlaps (const Box *a,
          const Box *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_free (GArray    *taken,
          const Box *box)
{
  for (guint i = 0; i < taken->len; i++)
    if (overlaps (&g_array_index (taken, Box, i), box))
      return FALSE;
  return TRUE;
}

static void
set_dash (cairo_t *cr,
          guint    series,
          double   size)
{
  if (series % 3 == 1)
    {
      double dashes[] = { 0.9 * size, 0.45 * size };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  else if (series % 3 == 2)
    {
      double dashes[] = { 0.25 * size, 0.3 * size };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

void
dd_chart_render_line (DdChartFrame *f,
                      DdChart      *chart,
                      double        top)
{
  guint n = chart->items->len, ns = chart->series->len, every = 1;
  double x0 = f->margin, right = f->width - f->margin, bottom = f->height - f->margin;
  double fs = f->fs_small, legend_h, max = dd_chart_max_value (chart), step, vtop;
  double axis_w, px0, py0, py1, band, widest_label = 0, marker = MAX (7, 0.9 * fs);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Box));
  int ticks;

  legend_h = dd_chart_layout_legend (f, chart, x0, top, right - x0, TRUE) + 0.4 * f->fs_label;
  py0 = top + legend_h + 1.6 * fs;
  py1 = bottom - 1.7 * fs;
  if (py1 - py0 < 2 * fs)
    return;
  ticks = CLAMP ((int) ((py1 - py0) / (3 * fs)), 2, 8);
  step = dd_chart_value_step (chart, max, ticks, &vtop);
  {
    g_autofree char *widest = dd_chart_format_value (chart, vtop);

    axis_w = dd_chart_text_natural (f, widest, fs, PANGO_WEIGHT_NORMAL);
  }
  px0 = x0 + axis_w + 0.8 * fs;
  band = (right - px0) / n;

  dd_chart_paint_value_axis (f, chart, x0, axis_w, right, py0, py1, step, vtop);

  /* The x labels: every one if they fit, else every second, third… */
  for (guint i = 0; i < n; i++)
    widest_label = MAX (widest_label, dd_chart_text_natural (f, dd_chart_item (chart, i)->label, fs, PANGO_WEIGHT_NORMAL));
  every = MAX (1, (guint) ceil ((widest_label + 0.6 * fs) / band));

  for (guint i = 0; i < n; i++)
    {
      double cx = px0 + (i + 0.5) * band;

      dd_chart_add_rect (f, i, -1, px0 + i * band, py0 - 1.6 * fs, band, bottom - py0 + 1.6 * fs);
      if (i % every == 0 && f->paint)
        {
          double w = MIN (every * band, widest_label + fs);
          g_autoptr(PangoLayout) label = dd_chart_text_new (f, dd_chart_item (chart, i)->label, fs,
                                                            PANGO_WEIGHT_NORMAL, w, 1);

          pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
          dd_chart_text_show (f, label, cx - w / 2, py1 + 0.35 * fs, &f->palette->text);
        }
    }

  /* The lines, then the markers over them; markers are taken space for
   * the values. */
  for (guint s = 0; s < ns; s++)
    {
      if (f->paint)
        {
          cairo_save (f->cr);
          dd_chart_set_colour (f->cr, dd_chart_series_colour (f, dd_chart_line_slot (s)));
          cairo_set_line_width (f->cr, MAX (2, 0.35 * f->unit));
          cairo_set_line_join (f->cr, CAIRO_LINE_JOIN_ROUND);
          set_dash (f->cr, s, fs);
          for (guint i = 0; i < n; i++)
            {
              double x = px0 + (i + 0.5) * band, y = py1 - (py1 - py0) * dd_chart_value (chart, i, s) / vtop;

              if (i == 0)
                cairo_move_to (f->cr, x, y);
              else
                cairo_line_to (f->cr, x, y);
            }
          cairo_stroke (f->cr);
          cairo_restore (f->cr);
        }
    }
  for (guint s = 0; s < ns; s++)
    for (guint i = 0; i < n; i++)
      {
        double x = px0 + (i + 0.5) * band, y = py1 - (py1 - py0) * dd_chart_value (chart, i, s) / vtop;
        Box box = { x - marker / 2, y - marker / 2, marker, marker };

        g_array_append_val (taken, box);
        dd_chart_add_rect (f, i, s, x - MAX (marker, band / 2) / 2, y - 1.2 * marker,
                           MAX (marker, band / 2), 2.4 * marker);
        if (f->paint)
          {
            dd_chart_paint_marker (f->cr, s, x, y, marker);
            if (f->palette->background.alpha > 0)
              {
                dd_chart_set_colour (f->cr, &f->palette->background);
                cairo_set_line_width (f->cr, MAX (1, 0.12 * f->unit));
                cairo_stroke_preserve (f->cr);
              }
            dd_chart_set_colour (f->cr, dd_chart_series_colour (f, dd_chart_line_slot (s)));
            cairo_fill (f->cr);
          }
      }

  if (!f->paint)
    return;

  /* The values: the upper series above its points, the others below,
   * else the other side, else left out (the tooltip has them). */
  for (guint s = 0; s < ns; s++)
    for (guint i = 0; i < n; i++)
      {
        double v = dd_chart_value (chart, i, s);
        double x = px0 + (i + 0.5) * band, y = py1 - (py1 - py0) * v / vtop;
        g_autofree char *text = dd_chart_format_value (chart, v);
        g_autoptr(PangoLayout) layout = dd_chart_text_new (f, text, fs, PANGO_WEIGHT_NORMAL, -1, 1);
        double tw = dd_chart_text_width (layout), th = dd_chart_text_height (layout);
        gboolean upper = TRUE;
        Box above = { x - tw / 2, y - marker / 2 - 0.1 * fs - th, tw, th };
        Box below = { x - tw / 2, y + marker / 2 + 0.1 * fs, tw, th };
        const Box *first, *second, *chosen = NULL;

        for (guint o = 0; o < ns; o++)
          if (o != s && (dd_chart_value (chart, i, o) > v || (dd_chart_value (chart, i, o) == v && o < s)))
            upper = FALSE;
        first = upper ? &above : &below;
        second = upper ? &below : &above;

        if (first->x >= px0 - 0.5 * fs && first->x + tw <= right && first->y >= py0 - 1.6 * fs
            && first->y + th <= py1 && box_free (taken, first))
          chosen = first;
        else if (second->x >= px0 - 0.5 * fs && second->x + tw <= right && second->y >= py0 - 1.6 * fs
                 && second->y + th <= py1 && box_free (taken, second))
          chosen = second;
        if (chosen == NULL)
          continue;
        g_array_append_val (taken, *chosen);
        dd_chart_text_show (f, layout, chosen->x, chosen->y, &f->palette->text);
      }
}
