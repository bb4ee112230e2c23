/* dd-chart-tiles.c: key figures in a grid, and a paragraph set large
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <math.h>

#include "dd-chart-private.h"

/* The largest size ≤ @size at which @text is one line at most @width wide. */
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

void
dd_chart_render_tiles (DdChartFrame *f,
                       DdChart      *chart,
                       double        top)
{
  guint n = chart->items->len, cols = 1, rows;
  double x0 = f->margin, bw = f->width - 2 * f->margin, bh = f->height - f->margin - top;
  double gap = MAX (6, 1.6 * f->unit), best = -1, tw, th;

  /* The column count that gives the largest tiles of a pleasant shape. */
  for (guint c = 1; c <= n; c++)
    {
      guint r = (n + c - 1) / c;
      double w = (bw - (c - 1) * gap) / c, h = (bh - (r - 1) * gap) / r;
      /* A slide's labels are large: its tiles may be taller. */
      double score = MIN (w / (chart->slide ? 1.1 : 1.6), h);

      if (score > best + 1e-9)
        {
          best = score;
          cols = c;
        }
    }
  rows = (n + cols - 1) / cols;
  tw = (bw - (cols - 1) * gap) / cols;
  th = (bh - (rows - 1) * gap) / rows;
  /* Not taller than wide looks right: centre what is left over. */
  if (th > (chart->slide ? 1.3 : 0.9) * tw)
    {
      double spare = (th - (chart->slide ? 1.3 : 0.9) * tw) * rows;

      th = (chart->slide ? 1.3 : 0.9) * tw;
      top += spare / 2;
    }
  if (tw <= 0 || th <= 0)
    return;

  {
    double pad = MIN (0.12 * th, 0.08 * tw), inner = tw - 2 * pad - 0.06 * tw;
    double value_size = 0.36 * th, label_size, caption_size, block = 0;
    gboolean any_caption = FALSE;

    /* One size for every value and every label, so the figures line up
     * and compare: the size at which the widest fits. */
    for (guint i = 0; i < n; i++)
      {
        DdChartItem *item = dd_chart_item (chart, i);

        value_size = MIN (value_size, fit_size (f, item->value_text, 0.36 * th, PANGO_WEIGHT_BOLD, 0.97 * inner));
        any_caption |= item->caption != NULL && item->caption[0] != '\0';
      }
    label_size = CLAMP (0.13 * th, MIN (f->fs_small, 0.2 * th), MAX (f->fs_label, 0.45 * value_size));
    label_size = MIN (label_size, 0.5 * value_size + f->fs_small);
    caption_size = MAX (0.85 * label_size, MIN (f->fs_small, label_size));
    if (chart->slide)
      caption_size = MAX (caption_size, DD_CHART_SLIDE_SMALL * f->height);

    /* The tallest block (value, label in up to two lines, caption) decides
     * where every tile's block starts; if it does not fit, all shrink. */
    for (int pass = 0; pass < (chart->slide ? 24 : 2); pass++)
      {
        block = 0;
        for (guint i = 0; i < n; i++)
          {
            DdChartItem *item = dd_chart_item (chart, i);
            g_autoptr(PangoLayout) value = dd_chart_text_new (f, item->value_text, value_size, PANGO_WEIGHT_BOLD, inner, 1);
            g_autoptr(PangoLayout) label = dd_chart_text_new (f, item->label, label_size, PANGO_WEIGHT_NORMAL, inner, 2);
            double height = dd_chart_text_height (value) + dd_chart_text_height (label);

            if (any_caption)
              {
                g_autoptr(PangoLayout) caption = dd_chart_text_new (f, item->caption != NULL ? item->caption : "",
                                                                    caption_size, PANGO_WEIGHT_NORMAL, inner, 2);

                height += 0.2 * label_size + dd_chart_text_height (caption);
              }
            block = MAX (block, height);
          }
        if (block <= th - 2 * pad || block <= 0)
          break;
        /* On a slide the figures give way first: the labels and captions
         * keep their legible size as long as the value stays larger. */
        if (chart->slide && 0.93 * value_size >= 1.4 * label_size)
          {
            value_size *= 0.93;
            continue;
          }
        value_size *= (th - 2 * pad) / block;
        label_size *= (th - 2 * pad) / block;
        caption_size *= (th - 2 * pad) / block;
      }

    for (guint i = 0; i < n; i++)
      {
        DdChartItem *item = dd_chart_item (chart, i);
        guint r = i / cols, c = i % cols, in_row = MIN (cols, n - r * cols);
        /* A last row with fewer tiles is centred. */
        double x = x0 + c * (tw + gap) + (cols - in_row) * (tw + gap) / 2, y = top + r * (th + gap), ty;
        g_autoptr(PangoLayout) value = NULL;
        g_autoptr(PangoLayout) label = NULL;

        dd_chart_add_rect (f, i, -1, x, y, tw, th);
        if (!f->paint)
          continue;

        dd_chart_rounded_rect (f->cr, x, y, tw, th, MIN (0.06 * th, 1.2 * f->unit));
        dd_chart_set_colour (f->cr, &f->palette->track);
        cairo_fill (f->cr);
        /* An accent stripe on the left, in the series ramp. */
        dd_chart_rounded_rect (f->cr, x, y, 0.035 * tw, th, MIN (0.06 * th, 1.2 * f->unit));
        dd_chart_set_colour (f->cr, dd_chart_series_colour (f, 0));
        cairo_fill (f->cr);

        value = dd_chart_text_new (f, item->value_text, value_size, PANGO_WEIGHT_BOLD, inner, 1);
        label = dd_chart_text_new (f, item->label, label_size, PANGO_WEIGHT_NORMAL, inner, 2);
        ty = y + (th - block) / 2;
        x += pad + 0.06 * tw;
        dd_chart_text_show (f, value, x, ty, &f->palette->text);
        ty += dd_chart_text_height (value);
        dd_chart_text_show (f, label, x, ty, &f->palette->text);
        ty += dd_chart_text_height (label);
        if (item->caption != NULL && item->caption[0] != '\0')
          {
            g_autoptr(PangoLayout) caption = dd_chart_text_new (f, item->caption, caption_size,
                                                                PANGO_WEIGHT_NORMAL, inner, 2);

            dd_chart_text_show (f, caption, x, ty + 0.2 * label_size, &f->palette->text_secondary);
          }
      }
  }
}

/* The title and the paragraph: the title as large as fits in two lines,
 * the paragraph at the largest size that fits what is left, both centred
 * as a block. A short paragraph is centred, a long one set flush left. */
void
dd_chart_render_text (DdChartFrame *f,
                      DdChart      *chart,
                      double        top)
{
  double w = f->width - 2 * f->margin, h = f->height - 2 * f->margin;
  double title_size = MAX (f->fs_title, 5.2 * f->unit), body_size = 0, body_w = w, gap, height = 0, y;
  gboolean has_title = chart->title != NULL && chart->title[0] != '\0';
  gboolean has_sub = chart->subtitle != NULL && chart->subtitle[0] != '\0';
  gboolean has_text = chart->text != NULL && chart->text[0] != '\0';
  gboolean centred = !has_text || g_utf8_strlen (chart->text, -1) <= 60;
  gboolean han = has_text && dd_chart_has_han (chart->text);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) body = NULL;

  if (!f->paint)
    return;

  gap = 0.6 * title_size;
  if (has_title)
    {
      title = dd_chart_text_new (f, chart->title, title_size, PANGO_WEIGHT_BOLD, w, 2);
      while (pango_layout_is_ellipsized (title) && title_size > f->fs_title)
        {
          title_size = MAX (f->fs_title, 0.92 * title_size);
          g_object_unref (title);
          title = dd_chart_text_new (f, chart->title, title_size, PANGO_WEIGHT_BOLD, w, 2);
        }
      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      height += dd_chart_text_height (title);
    }
  if (has_sub)
    {
      subtitle = dd_chart_text_new (f, chart->subtitle, MAX (f->fs_subtitle, 0.5 * title_size),
                                    PANGO_WEIGHT_NORMAL, w, 2);
      pango_layout_set_alignment (subtitle, PANGO_ALIGN_CENTER);
      height += 0.3 * title_size + dd_chart_text_height (subtitle);
    }
  if (has_text)
    {
      double room = h - height - (height > 0 ? 2 * gap : 0);

      /* From large down: the first size whose whole text fits. */
      for (body_size = MAX (f->fs_label, 3.6 * f->unit); ; body_size *= 0.93)
        {
          g_clear_object (&body);
          body_w = MIN (w, 36 * body_size);
          body = dd_chart_text_new (f, chart->text, body_size, PANGO_WEIGHT_NORMAL, body_w, 1000);
          pango_layout_set_spacing (body, pango_units_from_double (0.45 * body_size));
          /* Chinese paragraphs open with two characters of indent. */
          if (!centred && han)
            pango_layout_set_indent (body, pango_units_from_double (2 * body_size));
          pango_layout_set_alignment (body, centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
          if (dd_chart_text_height (body) <= room || body_size <= f->fs_small)
            break;
        }
      if (dd_chart_text_height (body) > room)
        {
          /* Still too long at the smallest size: cut with an ellipsis. */
          pango_layout_set_height (body, pango_units_from_double (MAX (room, body_size)));
        }
      height += (height > 0 ? 2 * gap : 0) + dd_chart_text_height (body);
    }

  y = top + MAX ((h - height) / 2, 0);
  if (title != NULL)
    {
      dd_chart_text_show (f, title, f->margin, y, &f->palette->text);
      y += dd_chart_text_height (title);
    }
  if (subtitle != NULL)
    {
      y += 0.3 * title_size;
      dd_chart_text_show (f, subtitle, f->margin, y, &f->palette->text_secondary);
      y += dd_chart_text_height (subtitle);
    }
  if (body != NULL)
    {
      if (title != NULL || subtitle != NULL)
        {
          /* A short rule between the heading and the paragraph. */
          double rule = MIN (w / 4, 12 * f->unit);

          dd_chart_set_colour (f->cr, dd_chart_series_colour (f, 0));
          cairo_rectangle (f->cr, f->margin + (w - rule) / 2, y + gap - 0.15 * f->unit, rule, MAX (2, 0.3 * f->unit));
          cairo_fill (f->cr);
          y += 2 * gap;
        }
      dd_chart_text_show (f, body, f->margin + (w - body_w) / 2, y, &f->palette->text);
    }
}
