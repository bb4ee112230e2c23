/* dd-chart-text.c: text, titles, legends, markers and fills every chart uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dd-chart-private.h"

/* Latin text asks the CJK font for proportional punctuation: its own
 * quotes and apostrophes are full width. */
gboolean
dd_chart_has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

/* A layout of @text at @size; @width > 0 limits it to @lines lines
 * (ellipsized beyond), @width <= 0 leaves it one natural line. */
PangoLayout *
dd_chart_text_new (DdChartFrame *f,
                   const char   *text,
                   double        size,
                   PangoWeight   weight,
                   double        width,
                   int           lines)
{
  PangoLayout *layout = pango_layout_new (f->context);
  PangoFontDescription *desc = pango_font_description_from_string (DD_CHART_SANS_FAMILY);

  if (text == NULL)
    text = "";
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_absolute_size (desc, MAX (size, 1) * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (!dd_chart_has_han (text))
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("pwid 1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      /* Half a pixel of slack: a text measured to fit exactly is not
       * ellipsized for a rounding error. */
      pango_layout_set_width (layout, pango_units_from_double (width + 0.5));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -lines);
        }
      else
        pango_layout_set_single_paragraph_mode (layout, TRUE);
    }
  return layout;
}

double
dd_chart_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

double
dd_chart_text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
dd_chart_text_natural (DdChartFrame *f,
                       const char   *text,
                       double        size,
                       PangoWeight   weight)
{
  g_autofree char *key = g_strdup_printf ("%.3f|%d|%s", size, (int) weight, text != NULL ? text : "");
  double *width;

  /* Layouts are measured again and again while a chart settles its
   * columns: measure each text once a draw. */
  if (f->widths == NULL)
    f->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  width = g_hash_table_lookup (f->widths, key);
  if (width == NULL)
    {
      g_autoptr(PangoLayout) layout = dd_chart_text_new (f, text, size, weight, -1, 1);

      width = g_new (double, 1);
      *width = dd_chart_text_width (layout);
      g_hash_table_insert (f->widths, g_steal_pointer (&key), width);
    }
  return *width;
}

void
dd_chart_set_colour (cairo_t            *cr,
                     const DdChartColor *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

void
dd_chart_text_show (DdChartFrame       *f,
                    PangoLayout        *layout,
                    double              x,
                    double              y,
                    const DdChartColor *colour)
{
  if (!f->paint)
    return;
  dd_chart_set_colour (f->cr, colour);
  cairo_move_to (f->cr, x, y);
  pango_cairo_show_layout (f->cr, layout);
}

void
dd_chart_text_centred (DdChartFrame       *f,
                       const char         *text,
                       double              size,
                       PangoWeight         weight,
                       double              x,
                       double              y,
                       double              width,
                       double              height,
                       const DdChartColor *colour)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (!f->paint || text == NULL || width <= 0)
    return;
  layout = dd_chart_text_new (f, text, size, weight, width, 1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  dd_chart_text_show (f, layout, x, y + (height - dd_chart_text_height (layout)) / 2, colour);
}

void
dd_chart_text_on_series (DdChartFrame *f,
                         PangoLayout  *layout,
                         double        x,
                         double        y,
                         guint         slot)
{
  DdChartPattern pattern = f->palette->patterns[slot % DD_CHART_PALETTE_SIZE];

  if (!f->paint)
    return;
  if (f->patterns && pattern != DD_CHART_PATTERN_SOLID)
    {
      double w = dd_chart_text_width (layout), h = dd_chart_text_height (layout), pad = 0.2 * h;

      dd_chart_rounded_rect (f->cr, x - pad, y, w + 2 * pad, h, 0.3 * h);
      dd_chart_set_colour (f->cr, dd_chart_series_colour (f, slot));
      cairo_fill (f->cr);
    }
  dd_chart_text_show (f, layout, x, y, dd_chart_on_series (f, slot));
}

const DdChartColor *
dd_chart_series_colour (DdChartFrame *f,
                        guint         slot)
{
  return &f->palette->series[slot % DD_CHART_PALETTE_SIZE];
}

const DdChartColor *
dd_chart_on_series (DdChartFrame *f,
                    guint         slot)
{
  return &f->palette->on_series[slot % DD_CHART_PALETTE_SIZE];
}

void
dd_chart_rounded_rect (cairo_t *cr,
                       double   x,
                       double   y,
                       double   width,
                       double   height,
                       double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The texture of a slot over the clip, in the slot's text colour. */
static void
paint_pattern (DdChartFrame   *f,
               DdChartPattern  pattern,
               guint           slot)
{
  cairo_t *cr = f->cr;
  double x0, y0, x1, y1, step = MAX (4.0, 0.75 * f->unit);
  const DdChartColor *ink = dd_chart_on_series (f, slot);

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 0.55);
  cairo_set_line_width (cr, MAX (1.0, 0.16 * f->unit));

  switch (pattern)
    {
    case DD_CHART_PATTERN_HATCH:
    case DD_CHART_PATTERN_CROSS:
      /* Lines at 45° anchored to the origin, so neighbouring marks line up. */
      for (double c = floor ((x0 + y0) / step) * step; c <= x1 + y1; c += step)
        {
          cairo_move_to (cr, c - y0, y0);
          cairo_line_to (cr, c - y1, y1);
        }
      if (pattern == DD_CHART_PATTERN_CROSS)
        for (double c = floor ((x0 - y1) / step) * step; c <= x1 - y0; c += step)
          {
            cairo_move_to (cr, c + y0, y0);
            cairo_line_to (cr, c + y1, y1);
          }
      cairo_stroke (cr);
      break;
    case DD_CHART_PATTERN_DOTS:
      for (double y = floor (y0 / step) * step; y <= y1; y += step)
        for (double x = floor (x0 / step) * step + (fmod (fabs (y / step), 2) >= 1 ? step / 2 : 0); x <= x1; x += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, step * 0.17, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case DD_CHART_PATTERN_SOLID:
    default:
      break;
    }
}

/* Fills the current path in the colour of @slot, with its pattern when the
 * chart has three series or more; clears the path. */
void
dd_chart_fill_series (DdChartFrame *f,
                      guint         slot)
{
  cairo_t *cr = f->cr;
  DdChartPattern pattern = f->palette->patterns[slot % DD_CHART_PALETTE_SIZE];

  if (!f->paint)
    {
      cairo_new_path (cr);
      return;
    }
  dd_chart_set_colour (cr, dd_chart_series_colour (f, slot));
  if (!f->patterns || pattern == DD_CHART_PATTERN_SOLID)
    {
      cairo_fill (cr);
      return;
    }
  cairo_save (cr);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  paint_pattern (f, pattern, slot);
  cairo_restore (cr);
}

void
dd_chart_add_rect (DdChartFrame *f,
                   int           item,
                   int           series,
                   double        x,
                   double        y,
                   double        width,
                   double        height)
{
  DdChartRegion region = { 0 };

  if (f->regions == NULL || width <= 0 || height <= 0)
    return;
  region.item = item;
  region.series = series;
  region.x = x;
  region.y = y;
  region.width = width;
  region.height = height;
  g_array_append_val (f->regions, region);
}

double
dd_chart_layout_header (DdChartFrame *f,
                        DdChart      *chart)
{
  double y = f->margin, w = f->width - 2 * f->margin;

  if (chart->title != NULL && chart->title[0] != '\0')
    {
      g_autoptr(PangoLayout) title = dd_chart_text_new (f, chart->title, f->fs_title, PANGO_WEIGHT_BOLD, w, 1);

      dd_chart_text_show (f, title, f->margin, y, &f->palette->text);
      y += dd_chart_text_height (title);
    }
  if (chart->subtitle != NULL && chart->subtitle[0] != '\0')
    {
      g_autoptr(PangoLayout) subtitle = dd_chart_text_new (f, chart->subtitle, f->fs_subtitle, PANGO_WEIGHT_NORMAL, w, 2);

      y += 0.15 * f->fs_subtitle;
      dd_chart_text_show (f, subtitle, f->margin, y, &f->palette->text_secondary);
      y += dd_chart_text_height (subtitle);
    }
  if (y > f->margin)
    y += 0.8 * f->fs_label;
  return y;
}

void
dd_chart_paint_empty (DdChartFrame *f,
                      DdChart      *chart,
                      double        top)
{
  const char *text = chart->empty_text != NULL ? chart->empty_text : _("No data");
  double w = f->width - 2 * f->margin, h = f->height - f->margin - top;
  g_autoptr(PangoLayout) layout = NULL;
  double tw, th, pad = f->fs_label;

  if (!f->paint || h <= 0 || w <= 0)
    return;
  layout = dd_chart_text_new (f, text, 1.25 * f->fs_label, PANGO_WEIGHT_NORMAL, w - 2 * pad, 3);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  tw = w - 2 * pad;
  th = dd_chart_text_height (layout);

  /* A dashed frame round the message, so the space reads as a chart's. */
  {
    double dashes[] = { 0.6 * f->unit + 2, 0.6 * f->unit + 2 };

    cairo_save (f->cr);
    dd_chart_set_colour (f->cr, &f->palette->grid);
    cairo_set_line_width (f->cr, MAX (1, 0.15 * f->unit));
    cairo_set_dash (f->cr, dashes, 2, 0);
    dd_chart_rounded_rect (f->cr, f->margin, top, w, h, f->unit);
    cairo_stroke (f->cr);
    cairo_restore (f->cr);
  }
  dd_chart_text_show (f, layout, f->margin + (w - tw) / 2, top + (h - th) / 2, &f->palette->text_secondary);
}

/* Line charts tell series apart by marker shape and dash as well as colour. */
void
dd_chart_paint_marker (cairo_t *cr,
                       guint    series,
                       double   x,
                       double   y,
                       double   size)
{
  double r = size / 2;

  cairo_new_path (cr);
  switch (series % 5)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      r *= 0.9;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:
      r *= 1.15;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.95, y + r * 0.7);
      cairo_line_to (cr, x - r * 0.95, y + r * 0.7);
      cairo_close_path (cr);
      break;
    case 3:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    default:
      r *= 1.15;
      cairo_move_to (cr, x, y + r);
      cairo_line_to (cr, x + r * 0.95, y - r * 0.7);
      cairo_line_to (cr, x - r * 0.95, y - r * 0.7);
      cairo_close_path (cr);
      break;
    }
}

double
dd_chart_layout_legend (DdChartFrame *f,
                        DdChart      *chart,
                        double        x,
                        double        y,
                        double        width,
                        gboolean      lines)
{
  double size = f->fs_small, line_h = 1.6 * size, swatch = 0.9 * size;
  double sample = lines ? 2.6 * size : swatch;
  double gap = 0.4 * size, spacing = 1.4 * size;
  double cx = x, cy = y;

  if (chart->series->len == 0)
    return 0;

  for (guint s = 0; s < chart->series->len; s++)
    {
      const char *name = g_ptr_array_index (chart->series, s);
      double natural = dd_chart_text_natural (f, name, size, PANGO_WEIGHT_NORMAL);
      double entry = sample + gap + natural;
      g_autoptr(PangoLayout) layout = NULL;

      if (cx > x && cx + entry > x + width)
        {
          cx = x;
          cy += line_h;
        }
      entry = MIN (entry, width);
      layout = dd_chart_text_new (f, name, size, PANGO_WEIGHT_NORMAL, MAX (entry - sample - gap, 1), 1);

      if (f->paint)
        {
          double mid = cy + line_h / 2;

          if (lines)
            {
              cairo_save (f->cr);
              dd_chart_set_colour (f->cr, dd_chart_series_colour (f, dd_chart_line_slot (s)));
              cairo_set_line_width (f->cr, MAX (2, 0.35 * f->unit));
              if (s % 3 == 1)
                {
                  double dashes[] = { 0.9 * size, 0.45 * size };
                  cairo_set_dash (f->cr, dashes, 2, 0);
                }
              else if (s % 3 == 2)
                {
                  double dashes[] = { 0.25 * size, 0.3 * size };
                  cairo_set_dash (f->cr, dashes, 2, 0);
                }
              cairo_move_to (f->cr, cx, mid);
              cairo_line_to (f->cr, cx + sample, mid);
              cairo_stroke (f->cr);
              cairo_restore (f->cr);
              dd_chart_paint_marker (f->cr, s, cx + sample / 2, mid, 0.75 * size);
              dd_chart_set_colour (f->cr, dd_chart_series_colour (f, dd_chart_line_slot (s)));
              cairo_fill (f->cr);
            }
          else
            {
              dd_chart_rounded_rect (f->cr, cx, mid - swatch / 2, swatch, swatch, 0.15 * swatch);
              dd_chart_fill_series (f, s);
            }
        }
      dd_chart_text_show (f, layout, cx + sample + gap,
                          cy + (line_h - dd_chart_text_height (layout)) / 2, &f->palette->text);
      cx += entry + spacing;
    }
  return cy + line_h - y;
}

gboolean
dd_chart_is_empty (DdChart *chart)
{
  if (chart->kind == DD_CHART_TEXT)
    return chart->text == NULL || chart->text[0] == '\0';
  if (chart->kind == DD_CHART_TILES)
    return chart->items->len == 0;

  for (guint i = 0; i < chart->items->len; i++)
    if (dd_chart_item_total (chart, i) > 0)
      return FALSE;
  return TRUE;
}

double
dd_chart_value (DdChart *chart,
                guint    item,
                guint    series)
{
  DdChartItem *it = dd_chart_item (chart, item);
  guint n = chart->kind == DD_CHART_DONUT ? 1 : chart->series->len;

  if (it->values == NULL || series >= n)
    return 0;
  return it->values[series];
}

double
dd_chart_item_total (DdChart *chart,
                     guint    item)
{
  guint n = chart->kind == DD_CHART_DONUT ? 1 : chart->series->len;
  double total = 0;

  for (guint s = 0; s < n; s++)
    total += dd_chart_value (chart, item, s);
  return total;
}

char *
dd_chart_format_value (DdChart *chart,
                       double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (chart->value_format)
    {
    case DD_CHART_VALUE_PERCENT:
      return dd_chart_format_percent (value);
    case DD_CHART_VALUE_DECIMAL:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
    case DD_CHART_VALUE_COUNT:
    default:
      return dd_chart_format_count (value);
    }
}

double
dd_chart_axis_step (double  max,
                    int     max_ticks,
                    double *top)
{
  static const double nice[] = { 1, 2, 2.5, 5, 10 };
  double raw, magnitude, step = 1;

  if (!(max > 0))
    {
      *top = 1;
      return 1;
    }
  raw = max / MAX (max_ticks, 1);
  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
    {
      step = nice[i] * magnitude;
      if (step >= raw)
        break;
    }
  *top = ceil (max / step - 1e-9) * step;
  return step;
}

/**
 * dd_chart_format_count:
 * @value: a count (rounded to the nearest integer)
 *
 * Returns: (transfer full): e.g. "1,234" or "-56"
 */
char *
dd_chart_format_count (double value)
{
  gint64 n = (gint64) llround (value);
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) (n < 0 ? -n : n));
  GString *out = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * dd_chart_format_percent:
 * @percent: 0…100
 *
 * Returns: (transfer full): one decimal and a percent sign, e.g. "62.5%"
 */
char *
dd_chart_format_percent (double percent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (percent))
    percent = 0;
  return g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%.1f", percent), "%", NULL);
}
