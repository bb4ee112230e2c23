/* dd-chart-donut.c: shares of a whole as a ring, with a table of counts
 *
 * The ring, with the share printed on each slice wide enough for it, and
 * beside it (or under it, in a tall rectangle) a table with every slice's
 * swatch, label, count and percentage: values never by colour alone, and
 * no leader lines to collide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <math.h>

#include "dd-chart-private.h"

static void
add_sector (DdChartFrame *f,
            int           item,
            double        cx,
            double        cy,
            double        r0,
            double        r1,
            double        a0,
            double        a1)
{
  DdChartRegion region = { 0 };

  if (f->regions == NULL)
    return;
  region.item = item;
  region.series = -1;
  region.sector = TRUE;
  region.cx = cx;
  region.cy = cy;
  region.r0 = r0;
  region.r1 = r1;
  region.a0 = a0;
  region.a1 = a1;
  /* The box round the slice's middle, for a tooltip's anchor. */
  region.x = cx + sin ((a0 + a1) / 2) * (r0 + r1) / 2 - (r1 - r0) / 2;
  region.y = cy - cos ((a0 + a1) / 2) * (r0 + r1) / 2 - (r1 - r0) / 2;
  region.width = r1 - r0;
  region.height = r1 - r0;
  g_array_append_val (f->regions, region);
}

/* The largest size ≤ @size at which @text is at most @width wide. */
static double
fit_size (DdChartFrame *f,
          const char   *text,
          double        size,
          PangoWeight   weight,
          double        width)
{
  double natural = dd_chart_text_natural (f, text, size, weight);

  if (natural > width && natural > 0)
    size *= width / natural;
  return size;
}

static void
paint_centre (DdChartFrame *f,
              DdChart      *chart,
              double        cx,
              double        cy,
              double        r0)
{
  g_autoptr(PangoLayout) value = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  double room = 1.55 * r0, height = 0, size, y;

  if (!f->paint || r0 <= 0)
    return;

  if (chart->centre_value != NULL && chart->centre_value[0] != '\0')
    {
      size = fit_size (f, chart->centre_value, 0.5 * r0, PANGO_WEIGHT_BOLD, 0.97 * room);
      value = dd_chart_text_new (f, chart->centre_value, size, PANGO_WEIGHT_BOLD, room, 1);
      pango_layout_set_alignment (value, PANGO_ALIGN_CENTER);
      height += dd_chart_text_height (value);
    }
  if (chart->centre_caption != NULL && chart->centre_caption[0] != '\0')
    {
      size = MIN (MAX (0.17 * r0, f->fs_small), 0.9 * f->fs_label);
      /* A slide's caption reads like its labels. */
      if (f->slide)
        size = MIN (MAX (0.17 * r0, f->fs_label), 1.2 * f->fs_label);
      caption = dd_chart_text_new (f, chart->centre_caption, size, PANGO_WEIGHT_NORMAL, 1.45 * r0, 2);
      pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
      height += dd_chart_text_height (caption);
    }

  y = cy - height / 2;
  if (value != NULL)
    {
      dd_chart_text_show (f, value, cx - room / 2, y, &f->palette->text);
      y += dd_chart_text_height (value);
    }
  if (caption != NULL)
    dd_chart_text_show (f, caption, cx - 1.45 * r0 / 2, y, &f->palette->text_secondary);
}

void
dd_chart_render_donut (DdChartFrame *f,
                       DdChart      *chart,
                       double        top)
{
  guint n = chart->items->len;
  double x0 = f->margin, bw = f->width - 2 * f->margin, bh = f->height - f->margin - top;
  double size = f->fs_label, row_h = 1.85 * size, swatch = 0.85 * size, gap = 0.6 * size;
  double total = 0, label_nat = 0, count_w = 0, pct_w = 0, table_nat, table_w, table_h;
  double diameter, cx, cy, r0, r1, tx, ty, a;
  gboolean side;
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shares = g_ptr_array_new_with_free_func (g_free);
  guint nonzero = 0;

  for (guint i = 0; i < n; i++)
    {
      double v = dd_chart_value (chart, i, 0);

      total += v;
      nonzero += v > 0;
    }

  for (guint i = 0; i < n; i++)
    {
      double v = dd_chart_value (chart, i, 0);
      char *count = dd_chart_format_count (v);
      char *share = dd_chart_format_percent (100 * v / total);

      label_nat = MAX (label_nat, dd_chart_text_natural (f, dd_chart_item (chart, i)->label, size, PANGO_WEIGHT_NORMAL));
      count_w = MAX (count_w, dd_chart_text_natural (f, count, size, PANGO_WEIGHT_BOLD));
      pct_w = MAX (pct_w, dd_chart_text_natural (f, share, size, PANGO_WEIGHT_NORMAL));
      g_ptr_array_add (counts, count);
      g_ptr_array_add (shares, share);
    }

  table_nat = swatch + gap + label_nat + 1.5 * gap + count_w + gap + pct_w;
  side = bw > 1.25 * bh;

  /* Beside a large ring (a slide), a few rows may be set larger: up to a
   * third, while the table keeps to 45 % of the width and half the height. */
  if (side)
    {
      double ring = MIN (bh, MAX (bw - table_nat - 2 * size, 0.33 * bw));
      double k = MIN (MIN (4.0 / 3, 0.45 * bw / table_nat), 0.5 * bh / (n * row_h));

      /* Not at the cost of the ring, nor of ellipsized labels. */
      k = MIN (k, (bw - ring - 2 * size * 4 / 3) / table_nat);

      if (k > 1)
        {
          size *= k;
          row_h *= k;
          swatch *= k;
          gap *= k;
          label_nat *= k;
          count_w *= k;
          pct_w *= k;
          table_nat *= k;
        }
    }
  table_h = n * row_h;

  if (side)
    {
      double ring_gap = 2 * size;

      /* The table at its natural width if the ring keeps a third of the
       * width; long labels are ellipsized beyond. */
      diameter = MIN (bh, MAX (bw - table_nat - ring_gap, 0.33 * bw));
      table_w = MIN (table_nat, bw - diameter - ring_gap);
      /* The ring and the table centred together. */
      cx = x0 + (bw - (diameter + ring_gap + table_w)) / 2 + diameter / 2;
      cy = top + bh / 2;
      tx = cx + diameter / 2 + ring_gap;
      ty = top + MAX ((bh - table_h) / 2, 0);
    }
  else
    {
      double ring_gap = 1.0 * size;

      table_w = MIN (table_nat, bw);
      diameter = MAX (MIN (bw, bh - table_h - ring_gap), MIN (bw, 4 * size));
      cx = x0 + bw / 2;
      cy = top + diameter / 2;
      tx = x0 + (bw - table_w) / 2;
      ty = top + diameter + ring_gap;
    }

  r1 = diameter / 2;
  r0 = 0.6 * r1;

  /* The ring: a track first, so a single slice or a rounding gap still
   * reads as a whole. */
  if (f->paint)
    {
      cairo_new_path (f->cr);
      cairo_arc (f->cr, cx, cy, r1, 0, 2 * G_PI);
      cairo_arc_negative (f->cr, cx, cy, r0, 2 * G_PI, 0);
      cairo_close_path (f->cr);
      dd_chart_set_colour (f->cr, &f->palette->track);
      cairo_fill (f->cr);
    }

  a = 0;
  for (guint i = 0; i < n; i++)
    {
      double v = dd_chart_value (chart, i, 0), sweep = 2 * G_PI * v / total;
      double a0 = a, a1 = a + sweep, pad;

      a = a1;
      if (v <= 0)
        continue;
      add_sector (f, i, cx, cy, r0, r1, a0, a1);
      if (!f->paint)
        continue;

      /* A hairline of background between slices. */
      pad = nonzero > 1 ? MIN (MAX (1.0, 0.25 * f->unit) / r1, sweep / 4) : 0;
      cairo_new_path (f->cr);
      cairo_arc (f->cr, cx, cy, r1, a0 + pad - G_PI / 2, a1 - pad - G_PI / 2);
      cairo_arc_negative (f->cr, cx, cy, r0, a1 - pad * r1 / r0 - G_PI / 2, a0 + pad * r1 / r0 - G_PI / 2);
      cairo_close_path (f->cr);
      dd_chart_fill_series (f, i);

      /* The share on the slice when it fits. */
      if (0.32 * (r1 - r0) >= 0.85 * f->fs_small)
        {
          g_autoptr(PangoLayout) share = dd_chart_text_new (f, g_ptr_array_index (shares, i),
                                                            MIN (f->fs_label, 0.32 * (r1 - r0)),
                                                            PANGO_WEIGHT_BOLD, -1, 1);
          double tw = dd_chart_text_width (share), th = dd_chart_text_height (share);
          double mid = (a0 + a1) / 2, rm = (r0 + r1) / 2;
          double chord = 2 * rm * sin (MIN (sweep, G_PI) / 2);

          if (chord > 1.15 * hypot (tw, th) * (sweep < G_PI ? 1 : 0.5) && (r1 - r0) > 1.3 * th)
            dd_chart_text_on_series (f, share, cx + sin (mid) * rm - tw / 2, cy - cos (mid) * rm - th / 2, i);
        }
    }

  paint_centre (f, chart, cx, cy, r0);

  /* The table. */
  for (guint i = 0; i < n; i++)
    {
      double y = ty + i * row_h, x = tx;
      double label_w = MAX (table_w - (swatch + gap + 1.5 * gap + count_w + gap + pct_w), size);
      g_autoptr(PangoLayout) label = dd_chart_text_new (f, dd_chart_item (chart, i)->label, size,
                                                        PANGO_WEIGHT_NORMAL, label_w, 1);
      g_autoptr(PangoLayout) count = dd_chart_text_new (f, g_ptr_array_index (counts, i), size,
                                                        PANGO_WEIGHT_BOLD, -1, 1);
      g_autoptr(PangoLayout) share = dd_chart_text_new (f, g_ptr_array_index (shares, i), size,
                                                        PANGO_WEIGHT_NORMAL, -1, 1);
      double text_y = y + (row_h - dd_chart_text_height (label)) / 2;

      if (y + row_h > f->height)
        break;
      dd_chart_add_rect (f, i, -1, tx, y, table_w, row_h);
      if (f->paint)
        {
          dd_chart_rounded_rect (f->cr, x, y + (row_h - swatch) / 2, swatch, swatch, 0.15 * swatch);
          dd_chart_fill_series (f, i);
        }
      x += swatch + gap;
      dd_chart_text_show (f, label, x, text_y, &f->palette->text);
      x += label_w + 1.5 * gap;
      dd_chart_text_show (f, count, x + count_w - dd_chart_text_width (count), text_y, &f->palette->text);
      x += count_w + gap;
      dd_chart_text_show (f, share, x + pct_w - dd_chart_text_width (share), text_y, &f->palette->text_secondary);
    }
}
