/* dd-chart-bars.c: 100 % stacked rows and grouped bars
 *
 * Stacked rows: the label (ellipsized; the hit test gives the full name),
 * the bar split by series with each share printed inside its segment when
 * it fits, the shares that do not fit printed after the bar with their
 * series' names, then the trailing column. Rows keep a legible height:
 * what does not fit is summed up as "+ N more".
 *
 * Grouped bars stand vertically with values above them when the groups are
 * wide enough for their labels and values, and lie as rows otherwise (many
 * stations, long names), values after the bars.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <glib/gi18n.h>
#include <math.h>

#include "dd-chart-private.h"

/* How many of @n rows to show in @avail at @row_min each, at most @max_rows
 * (0: no cap); *@note is set when the rest need a "+ N more" line. */
static guint
rows_that_fit (guint     n,
               guint     max_rows,
               double    avail,
               double    row_min,
               gboolean *note)
{
  guint cap = max_rows > 0 ? MIN (n, max_rows) : n;
  guint fit = avail > 0 ? (guint) floor (avail / row_min + 1e-9) : 0;
  guint shown = MIN (cap, fit);

  *note = shown < n;
  if (*note && shown + 1 > fit)
    shown = fit > 0 ? fit - 1 : 0;
  return shown;
}

static void
paint_more_note (DdChartFrame *f,
                 guint         hidden,
                 double        x,
                 double        y,
                 double        width,
                 double        height)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (!f->paint || hidden == 0 || height <= 0)
    return;
  text = g_strdup_printf (ngettext ("+ %u more", "+ %u more", hidden), hidden);
  layout = dd_chart_text_new (f, text, f->fs_small, PANGO_WEIGHT_NORMAL, width, 1);
  dd_chart_text_show (f, layout, x, y + (height - dd_chart_text_height (layout)) / 2,
                      &f->palette->text_secondary);
}

static double
max_label_width (DdChartFrame *f,
                 DdChart      *chart,
                 guint         n,
                 double        size)
{
  double widest = 0;

  for (guint i = 0; i < n; i++)
    widest = MAX (widest, dd_chart_text_natural (f, dd_chart_item (chart, i)->label, size, PANGO_WEIGHT_NORMAL));
  return widest;
}

/* A label right-aligned against the bars, ellipsized to @width; on a
 * slide, where no tooltip shows the full name, in two lines when the row
 * is tall enough. */
static void
paint_row_label (DdChartFrame *f,
                 const char   *text,
                 double        x,
                 double        y,
                 double        width,
                 double        height)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (!f->paint)
    return;
  layout = dd_chart_text_new (f, text, f->fs_label, PANGO_WEIGHT_NORMAL, width,
                              f->slide && height >= 2.9 * f->fs_label ? 2 : 1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  dd_chart_text_show (f, layout, x, y + (height - dd_chart_text_height (layout)) / 2, &f->palette->text);
}

/* The share to print inside a segment @width × @height: one decimal, or
 * a whole percent if only that fits; NULL if neither does. */
static char *
segment_text (DdChartFrame *f,
              double        percent,
              double        width,
              double        height)
{
  char *exact = dd_chart_format_percent (percent);
  char *whole;

  if (height < 1.15 * f->fs_small)
    {
      g_free (exact);
      return NULL;
    }
  if (width >= dd_chart_text_natural (f, exact, f->fs_small, PANGO_WEIGHT_BOLD) + 0.5 * f->fs_small)
    return exact;
  g_free (exact);
  whole = g_strdup_printf ("%d%%", (int) round (percent));
  if (width >= dd_chart_text_natural (f, whole, f->fs_small, PANGO_WEIGHT_BOLD) + 0.5 * f->fs_small)
    return whole;
  g_free (whole);
  return NULL;
}

/* The shares of row @i that do not fit inside their segments at @bar_w,
 * printed after the bar from @x: "B 3.0%  C 2.0%", or in @compact form
 * each share after a swatch of its series. Returns the width they take
 * (0 if every share fits inside); paints only when @x >= 0, and only the
 * entries that fit whole within @max_w: a share cut in half ("■ 7") would
 * say something false; the tooltip still has every count. */
static double
beside (DdChartFrame *f,
        DdChart      *chart,
        guint         i,
        double        bar_w,
        double        bar_h,
        gboolean      compact,
        double        x,
        double        y,
        double        row_h,
        double        max_w)
{
  double total = dd_chart_item_total (chart, i), width = 0, size = f->fs_small;
  double swatch = 0.75 * size, gap = 0.3 * size, spacing = 0.8 * size;

  if (total <= 0)
    return 0;
  for (guint s = 0; s < chart->series->len; s++)
    {
      double v = dd_chart_value (chart, i, s);
      g_autofree char *share = NULL;
      g_autofree char *text = NULL;
      g_autofree char *fits = NULL;
      double entry;

      if (v <= 0)
        continue;
      fits = segment_text (f, 100 * v / total, bar_w * v / total, bar_h);
      if (fits != NULL)
        continue;
      share = dd_chart_format_percent (100 * v / total);
      text = compact ? g_strdup (share)
                     : g_strdup_printf ("%s %s", (const char *) g_ptr_array_index (chart->series, s), share);
      if (width > 0)
        width += spacing;
      entry = (compact ? swatch + gap : 0) + dd_chart_text_natural (f, text, size, PANGO_WEIGHT_NORMAL);
      if (f->paint && x >= 0 && width + entry <= max_w)
        {
          g_autoptr(PangoLayout) layout = dd_chart_text_new (f, text, size, PANGO_WEIGHT_NORMAL, -1, 1);
          double ex = x + width;

          if (compact)
            {
              dd_chart_rounded_rect (f->cr, ex, y + (row_h - swatch) / 2, swatch, swatch, 0.15 * swatch);
              dd_chart_fill_series (f, s);
              ex += swatch + gap;
            }
          dd_chart_text_show (f, layout, ex, y + (row_h - dd_chart_text_height (layout)) / 2,
                              &f->palette->text_secondary);
        }
      width += entry;
    }
  return width;
}

void
dd_chart_render_stacked (DdChartFrame *f,
                         DdChart      *chart,
                         double        top)
{
  guint n = chart->items->len, shown;
  double x0 = f->margin, right = f->width - f->margin, bw = right - x0;
  double fs = f->fs_label, gap = 0.6 * fs;
  double trail_w = 0, label_w, beside_w = 0, legend_h, rows_top, avail, row_h, bar_h, bar_x, bar_w = 0;
  gboolean note, has_trailing = FALSE, compact = FALSE;

  /* The trailing column: as wide as its widest text. */
  for (guint i = 0; i < n; i++)
    if (dd_chart_item (chart, i)->trailing != NULL)
      {
        has_trailing = TRUE;
        trail_w = MAX (trail_w, dd_chart_text_natural (f, dd_chart_item (chart, i)->trailing, fs, PANGO_WEIGHT_BOLD));
      }
  if (has_trailing && chart->trailing_header != NULL)
    trail_w = MAX (trail_w, dd_chart_text_natural (f, chart->trailing_header, f->fs_small, PANGO_WEIGHT_NORMAL));
  trail_w = MIN (trail_w, 0.2 * bw);

  legend_h = dd_chart_layout_legend (f, chart, x0, top, bw - (has_trailing ? trail_w + gap : 0), FALSE);
  if (has_trailing && chart->trailing_header != NULL && f->paint)
    {
      g_autoptr(PangoLayout) header = dd_chart_text_new (f, chart->trailing_header, f->fs_small,
                                                         PANGO_WEIGHT_NORMAL, trail_w, 1);

      pango_layout_set_alignment (header, PANGO_ALIGN_RIGHT);
      dd_chart_text_show (f, header, right - trail_w, top + legend_h - 1.6 * f->fs_small
                          + (1.6 * f->fs_small - dd_chart_text_height (header)) / 2,
                          &f->palette->text_secondary);
    }

  rows_top = top + legend_h + 0.4 * fs;
  avail = f->height - f->margin - rows_top;
  shown = rows_that_fit (n, chart->max_rows, avail, 1.55 * fs, &note);
  if (shown + note == 0)
    return;
  row_h = MIN (2.6 * fs, avail / (shown + note));
  bar_h = 0.66 * row_h;

  label_w = MIN (max_label_width (f, chart, shown, fs), 0.32 * bw);
  bar_x = x0 + label_w + gap;

  /* Shares that do not fit inside go after the bar, named if there is
   * room, else after their series' swatches: make room for the widest,
   * which in turn narrows the bars; a few passes settle it. */
  for (int pass = 0; pass < 4; pass++)
    {
      double named = 0, short_form = 0, need;

      bar_w = right - (has_trailing ? trail_w + gap : 0) - (beside_w > 0 ? beside_w + gap : 0) - bar_x;
      for (guint i = 0; i < shown; i++)
        {
          named = MAX (named, beside (f, chart, i, bar_w, bar_h, FALSE, -1, 0, 0, 0));
          short_form = MAX (short_form, beside (f, chart, i, bar_w, bar_h, TRUE, -1, 0, 0, 0));
        }
      /* Swatches and shares may take more room than names would: narrower
       * bars still read, a missing share does not. */
      compact = named > 0.24 * bw;
      need = MIN (compact ? short_form : named, (compact ? 0.36 : 0.24) * bw);
      if (need <= beside_w)
        break;
      beside_w = need;
    }
  for (guint i = 0; i < shown; i++)
    {
      DdChartItem *item = dd_chart_item (chart, i);
      double y = rows_top + i * row_h, by = y + (row_h - bar_h) / 2, x = bar_x;
      double total = dd_chart_item_total (chart, i);

      dd_chart_add_rect (f, i, -1, x0, y, bar_x - x0, row_h);
      paint_row_label (f, item->label, x0, y, label_w, row_h);

      if (f->paint)
        {
          dd_chart_rounded_rect (f->cr, bar_x, by, bar_w, bar_h, 0.12 * bar_h);
          dd_chart_set_colour (f->cr, &f->palette->track);
          cairo_fill (f->cr);
        }

      if (total <= 0)
        {
          const char *empty = chart->empty_text != NULL ? chart->empty_text : _("No data");

          dd_chart_text_centred (f, empty, f->fs_small, PANGO_WEIGHT_NORMAL, bar_x, by, bar_w, bar_h,
                                 &f->palette->text_secondary);
        }
      else
        for (guint s = 0; s < chart->series->len; s++)
          {
            double v = dd_chart_value (chart, i, s), w = bar_w * v / total;
            g_autoptr(PangoLayout) layout = NULL;

            if (v <= 0)
              continue;
            dd_chart_add_rect (f, i, s, x, by, w, bar_h);
            if (f->paint)
              {
                /* Segments touch; a hairline of background parts them. */
                double hair = x > bar_x ? MIN (MAX (1.0, 0.12 * f->unit), w / 3) : 0;
                g_autofree char *text = segment_text (f, 100 * v / total, w, bar_h);

                cairo_rectangle (f->cr, x + hair, by, w - hair, bar_h);
                dd_chart_fill_series (f, s);
                if (text != NULL)
                  layout = dd_chart_text_new (f, text, f->fs_small, PANGO_WEIGHT_BOLD, -1, 1);
                if (layout != NULL)
                  dd_chart_text_on_series (f, layout, x + (w - dd_chart_text_width (layout)) / 2,
                                           by + (bar_h - dd_chart_text_height (layout)) / 2, s);
              }
            x += w;
          }

      dd_chart_add_rect (f, i, -1, bar_x + bar_w, y, right - bar_x - bar_w, row_h);
      if (beside_w > 0 && f->paint)
        {
          cairo_save (f->cr);
          cairo_rectangle (f->cr, bar_x + bar_w + gap, y, beside_w, row_h);
          cairo_clip (f->cr);
          beside (f, chart, i, bar_w, bar_h, compact, bar_x + bar_w + gap, y, row_h, beside_w);
          cairo_restore (f->cr);
        }
      if (item->trailing != NULL && f->paint)
        {
          g_autoptr(PangoLayout) layout = dd_chart_text_new (f, item->trailing, fs, PANGO_WEIGHT_BOLD, trail_w, 1);

          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          dd_chart_text_show (f, layout, right - trail_w, y + (row_h - dd_chart_text_height (layout)) / 2,
                              &f->palette->text);
        }
    }

  if (note)
    paint_more_note (f, n - shown, bar_x, rows_top + shown * row_h, bw - (bar_x - x0), row_h);
}

/* Grouped bars */

double
dd_chart_max_value (DdChart *chart)
{
  double max = 0;

  for (guint i = 0; i < chart->items->len; i++)
    for (guint s = 0; s < chart->series->len; s++)
      max = MAX (max, dd_chart_value (chart, i, s));
  return max;
}

double
dd_chart_widest_value (DdChartFrame *f,
              DdChart      *chart,
              double        size)
{
  double widest = 0;

  for (guint i = 0; i < chart->items->len; i++)
    for (guint s = 0; s < chart->series->len; s++)
      {
        g_autofree char *text = dd_chart_format_value (chart, dd_chart_value (chart, i, s));

        widest = MAX (widest, dd_chart_text_natural (f, text, size, PANGO_WEIGHT_NORMAL));
      }
  return widest;
}

/* The axis step in whole units when the values are counts. */
double
dd_chart_value_step (DdChart *chart,
            double   max,
            int      ticks,
            double  *top)
{
  double step = dd_chart_axis_step (max, ticks, top);

  if (chart->value_format == DD_CHART_VALUE_COUNT && step < 1)
    {
      step = 1;
      *top = MAX (ceil (max), 1);
    }
  else if (chart->value_format == DD_CHART_VALUE_COUNT && step != floor (step))
    {
      /* Counts tick at whole numbers: 2.5 would print "3", "5", "8". */
      step = ceil (step);
      *top = MAX (ceil (max / step - 1e-9) * step, step);
    }
  return step;
}

/* Gridlines and their labels from @py0 (top) to @py1 (the baseline). */
void
dd_chart_paint_value_axis (DdChartFrame *f,
                  DdChart      *chart,
                  double        x0,
                  double        axis_w,
                  double        px1,
                  double        py0,
                  double        py1,
                  double        step,
                  double        top)
{
  if (!f->paint)
    return;
  cairo_set_line_width (f->cr, MAX (1, 0.1 * f->unit));
  for (double v = 0; v <= top + step / 2; v += step)
    {
      double y = py1 - (py1 - py0) * v / top;
      g_autofree char *text = dd_chart_format_value (chart, v);
      g_autoptr(PangoLayout) layout = dd_chart_text_new (f, text, f->fs_small, PANGO_WEIGHT_NORMAL, axis_w, 1);

      dd_chart_set_colour (f->cr, &f->palette->grid);
      cairo_move_to (f->cr, x0 + axis_w + 0.5 * f->fs_small, round (y) + 0.5);
      cairo_line_to (f->cr, px1, round (y) + 0.5);
      cairo_stroke (f->cr);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      dd_chart_text_show (f, layout, x0, y - dd_chart_text_height (layout) / 2, &f->palette->text_secondary);
    }
}

static void
render_grouped_vertical (DdChartFrame *f,
                         DdChart      *chart,
                         double        top,
                         double        legend_h)
{
  guint n = chart->items->len, ns = chart->series->len;
  double x0 = f->margin, right = f->width - f->margin, bottom = f->height - f->margin;
  double max = dd_chart_max_value (chart), step, vtop, axis_w, px0, py0, py1, group_w, slot_w, label_h;
  int ticks;

  /* Room for the tallest label (two lines of CJK text are taller than
   * 2.5 sizes), measured at a little less than a group's width. */
  label_h = 2.5 * f->fs_small;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) label = dd_chart_text_new (f, dd_chart_item (chart, i)->label, f->fs_small,
                                                        PANGO_WEIGHT_NORMAL,
                                                        0.96 * (right - x0 - 4 * f->fs_small) / n, 2);

      label_h = MAX (label_h, 0.5 * f->fs_small + dd_chart_text_height (label));
    }
  py0 = top + legend_h + 1.8 * f->fs_small;   /* room for the values above the tallest bar */
  py1 = bottom - label_h;
  ticks = CLAMP ((int) ((py1 - py0) / (3 * f->fs_small)), 2, 8);
  step = dd_chart_value_step (chart, max, ticks, &vtop);
  {
    g_autofree char *widest = dd_chart_format_value (chart, vtop);

    axis_w = dd_chart_text_natural (f, widest, f->fs_small, PANGO_WEIGHT_NORMAL);
  }
  px0 = x0 + axis_w + 0.8 * f->fs_small;
  group_w = (right - px0) / n;
  slot_w = 0.8 * group_w / ns;

  dd_chart_paint_value_axis (f, chart, x0, axis_w, right, py0, py1, step, vtop);

  for (guint i = 0; i < n; i++)
    {
      double gx = px0 + i * group_w;

      dd_chart_add_rect (f, i, -1, gx, py1, group_w, bottom - py1);
      if (f->paint)
        {
          g_autoptr(PangoLayout) label = dd_chart_text_new (f, dd_chart_item (chart, i)->label, f->fs_small,
                                                            PANGO_WEIGHT_NORMAL, 0.96 * group_w, 2);

          pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
          dd_chart_text_show (f, label, gx + 0.02 * group_w, py1 + 0.35 * f->fs_small, &f->palette->text);
        }

      for (guint s = 0; s < ns; s++)
        {
          double v = dd_chart_value (chart, i, s), h = (py1 - py0) * v / vtop;
          double bx = gx + 0.1 * group_w + s * slot_w;

          dd_chart_add_rect (f, i, s, bx, py0 - 1.8 * f->fs_small, slot_w, py1 - py0 + 1.8 * f->fs_small);
          if (!f->paint)
            continue;
          if (h > 0)
            {
              dd_chart_rounded_rect (f->cr, bx + 0.06 * slot_w, py1 - h, 0.88 * slot_w, h, MIN (0.1 * slot_w, 0.25 * f->unit));
              dd_chart_fill_series (f, s);
            }
          {
            g_autofree char *text = dd_chart_format_value (chart, v);
            g_autoptr(PangoLayout) layout = dd_chart_text_new (f, text, f->fs_small, PANGO_WEIGHT_NORMAL, -1, 1);

            dd_chart_text_show (f, layout, bx + (slot_w - dd_chart_text_width (layout)) / 2,
                                py1 - h - dd_chart_text_height (layout) - 0.1 * f->fs_small, &f->palette->text);
          }
        }
    }

  if (f->paint)
    {
      dd_chart_set_colour (f->cr, &f->palette->text_secondary);
      cairo_set_line_width (f->cr, MAX (1, 0.15 * f->unit));
      cairo_move_to (f->cr, px0, round (py1) + 0.5);
      cairo_line_to (f->cr, right, round (py1) + 0.5);
      cairo_stroke (f->cr);
    }
}

static void
render_grouped_rows_at (DdChartFrame *f,
                        DdChart      *chart,
                        double        top,
                        double        legend_h)
{
  guint n = chart->items->len, ns = chart->series->len, shown;
  double x0 = f->margin, right = f->width - f->margin, bw = right - x0, fs = f->fs_label;
  double rows_top = top + legend_h + 0.4 * fs, avail = f->height - f->margin - rows_top;
  /* On a slide a bar is as tall as its value's type: no value shrinks. */
  double row_min = ns * (chart->slide ? 1.2 : 1.0) * f->fs_small + 0.4 * fs, row_h, bar_h, label_w, bar_x, bar_w, value_w;
  double max = dd_chart_max_value (chart), vtop;
  gboolean note;

  shown = rows_that_fit (n, chart->max_rows, avail, MAX (row_min, 1.5 * fs), &note);
  if (shown + note == 0)
    return;
  row_h = MIN (ns * 1.9 * f->fs_small + 0.8 * fs, avail / (shown + note));
  bar_h = (row_h - 0.4 * fs) / ns;
  label_w = MIN (max_label_width (f, chart, shown, fs), 0.32 * bw);
  bar_x = x0 + label_w + 0.6 * fs;
  value_w = dd_chart_widest_value (f, chart, f->fs_small) + 0.4 * f->fs_small;
  bar_w = right - value_w - bar_x;
  vtop = MAX (max, 1e-9);
  if (bar_w < fs)
    return;

  for (guint i = 0; i < shown; i++)
    {
      double y = rows_top + i * row_h, by = y + 0.2 * fs;

      dd_chart_add_rect (f, i, -1, x0, y, bar_x - x0, row_h);
      paint_row_label (f, dd_chart_item (chart, i)->label, x0, y, label_w, row_h);
      for (guint s = 0; s < ns; s++)
        {
          double v = dd_chart_value (chart, i, s), w = bar_w * v / vtop, sy = by + s * bar_h;

          dd_chart_add_rect (f, i, s, bar_x, sy, right - bar_x, bar_h);
          if (!f->paint)
            continue;
          if (w > 0)
            {
              dd_chart_rounded_rect (f->cr, bar_x, sy + 0.06 * bar_h, w, 0.88 * bar_h, MIN (0.1 * bar_h, 0.25 * f->unit));
              dd_chart_fill_series (f, s);
            }
          {
            g_autofree char *text = dd_chart_format_value (chart, v);
            g_autoptr(PangoLayout) layout = dd_chart_text_new (f, text, MIN (f->fs_small, 0.95 * bar_h),
                                                               PANGO_WEIGHT_NORMAL, -1, 1);

            dd_chart_text_show (f, layout, bar_x + w + 0.3 * f->fs_small,
                                sy + (bar_h - dd_chart_text_height (layout)) / 2, &f->palette->text);
          }
        }
    }

  if (f->paint)
    {
      dd_chart_set_colour (f->cr, &f->palette->text_secondary);
      cairo_set_line_width (f->cr, MAX (1, 0.15 * f->unit));
      cairo_move_to (f->cr, round (bar_x) + 0.5, rows_top);
      cairo_line_to (f->cr, round (bar_x) + 0.5, rows_top + shown * row_h);
      cairo_stroke (f->cr);
    }
  if (note)
    paint_more_note (f, n - shown, bar_x, rows_top + shown * row_h, bw - (bar_x - x0), row_h);
}

/* Whether every item's label stands under its group in two lines at most
 * without breaking a word (Chinese breaks between any characters). */
static gboolean
labels_fit_groups (DdChartFrame *f,
                   DdChart      *chart,
                   double        width)
{
  for (guint i = 0; i < chart->items->len; i++)
    {
      const char *label = dd_chart_item (chart, i)->label;
      g_auto(GStrv) words = g_strsplit (label, " ", -1);
      g_autoptr(PangoLayout) layout = NULL;

      for (guint w = 0; words[w] != NULL; w++)
        if (!dd_chart_has_han (words[w])
            && dd_chart_text_natural (f, words[w], f->fs_small, PANGO_WEIGHT_NORMAL) > width)
          return FALSE;
      layout = dd_chart_text_new (f, label, f->fs_small, PANGO_WEIGHT_NORMAL, width, 1000);
      if (pango_layout_get_line_count (layout) > 2)
        return FALSE;
    }
  return TRUE;
}

/* Every group's rows, with the text down to four fifths of its size (not
 * below 11) if that is what it takes to show them all, before any is left
 * out. */
static void
render_grouped_rows (DdChartFrame *f,
                     DdChart      *chart,
                     double        top,
                     double        legend_h)
{
  guint ns = chart->series->len;
  guint wanted = chart->max_rows > 0 ? MIN (chart->items->len, chart->max_rows) : chart->items->len;
  double fs_label = f->fs_label, fs_small = f->fs_small;
  double rows_top = top + legend_h + 0.4 * fs_label, avail = f->height - f->margin - rows_top;
  double need = wanted * MAX (ns * fs_small + 0.4 * fs_label, 1.5 * fs_label);

  /* A slide's type keeps its size: the rows that do not fit are summed up. */
  if (need > avail && avail > 0 && !chart->slide)
    {
      /* Never below 11 pixels (or points). */
      double k = MIN (MAX (avail / need, MAX (0.8, 11 / fs_small)), 1);

      f->fs_label *= k;
      f->fs_small *= k;
    }
  render_grouped_rows_at (f, chart, top, legend_h);
  f->fs_label = fs_label;
  f->fs_small = fs_small;
}

void
dd_chart_render_grouped (DdChartFrame *f,
                         DdChart      *chart,
                         double        top)
{
  guint n = chart->items->len, ns = MAX (chart->series->len, 1);
  double bw = f->width - 2 * f->margin, legend_h = 0;
  double group_w, slot_w;
  gboolean named = FALSE;

  for (guint s = 0; s < chart->series->len; s++)
    named |= ((const char *) g_ptr_array_index (chart->series, s))[0] != '\0';
  if (named)
    legend_h = dd_chart_layout_legend (f, chart, f->margin, top, bw, FALSE) + 0.4 * f->fs_label;

  /* Standing bars when each group is wide enough for its values side by
   * side and its label in two lines; rows otherwise. */
  group_w = 0.92 * bw / n;
  slot_w = 0.8 * group_w / ns;
  if (slot_w >= dd_chart_widest_value (f, chart, f->fs_small) + 0.2 * f->fs_small
      && group_w >= 3.2 * f->fs_small
      && labels_fit_groups (f, chart, 0.96 * group_w)
      && f->height - top - legend_h > 12 * f->fs_small)
    render_grouped_vertical (f, chart, top, legend_h);
  else
    render_grouped_rows (f, chart, top, legend_h);
}
