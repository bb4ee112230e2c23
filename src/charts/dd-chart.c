/* dd-chart.c: the chart type, its data, drawing, hit tests and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "dd-chart-private.h"
#include "dd-charts-error.h"

G_DEFINE_BOXED_TYPE (DdChart, dd_chart, dd_chart_ref, dd_chart_unref)

static void
item_clear (gpointer data)
{
  DdChartItem *item = data;

  g_free (item->label);
  g_free (item->values);
  g_free (item->trailing);
  g_free (item->value_text);
  g_free (item->caption);
}

static void
chart_clear (gpointer data)
{
  DdChart *chart = data;

  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->empty_text);
  g_free (chart->text);
  g_free (chart->centre_value);
  g_free (chart->centre_caption);
  g_free (chart->trailing_header);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->items);
}

static DdChart *
chart_new (DdChartKind kind)
{
  DdChart *chart = g_atomic_rc_box_new0 (DdChart);

  chart->kind = kind;
  chart->series = g_ptr_array_new_with_free_func (g_free);
  chart->items = g_array_new (FALSE, TRUE, sizeof (DdChartItem));
  g_array_set_clear_func (chart->items, item_clear);
  return chart;
}

/**
 * dd_chart_ref:
 *
 * Returns: (transfer full): @chart
 */
DdChart *
dd_chart_ref (DdChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return g_atomic_rc_box_acquire (chart);
}

void
dd_chart_unref (DdChart *chart)
{
  g_return_if_fail (chart != NULL);
  g_atomic_rc_box_release_full (chart, chart_clear);
}

/**
 * dd_chart_new_donut:
 *
 * Returns: (transfer full): a ring of shares; add slices with dd_chart_add_slice()
 */
DdChart *
dd_chart_new_donut (void)
{
  return chart_new (DD_CHART_DONUT);
}

/**
 * dd_chart_new_stacked_bars:
 *
 * Returns: (transfer full): 100 % stacked rows; add series, then items
 */
DdChart *
dd_chart_new_stacked_bars (void)
{
  return chart_new (DD_CHART_STACKED_BARS);
}

/**
 * dd_chart_new_grouped_bars:
 *
 * Returns: (transfer full): groups of bars; add series, then items. Laid
 *   out vertically when the groups' labels and values fit, else as rows.
 */
DdChart *
dd_chart_new_grouped_bars (void)
{
  return chart_new (DD_CHART_GROUPED_BARS);
}

/**
 * dd_chart_new_line:
 *
 * Returns: (transfer full): lines over the items as x labels; add series,
 *   then items
 */
DdChart *
dd_chart_new_line (void)
{
  return chart_new (DD_CHART_LINE);
}

/**
 * dd_chart_new_tiles:
 *
 * Returns: (transfer full): key figures; add them with dd_chart_add_tile()
 */
DdChart *
dd_chart_new_tiles (void)
{
  return chart_new (DD_CHART_TILES);
}

/**
 * dd_chart_new_text:
 * @text: (nullable): a paragraph (or several, split by newlines)
 *
 * Returns: (transfer full): the title large and @text under it, as large
 *   as fits: a title slide or a summary paragraph
 */
DdChart *
dd_chart_new_text (const char *text)
{
  DdChart *chart = chart_new (DD_CHART_TEXT);

  chart->text = g_strdup (text);
  return chart;
}

DdChartKind
dd_chart_get_kind (DdChart *chart)
{
  g_return_val_if_fail (chart != NULL, DD_CHART_DONUT);
  return chart->kind;
}

static void
replace (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

void
dd_chart_set_title (DdChart    *chart,
                    const char *title)
{
  g_return_if_fail (chart != NULL);
  replace (&chart->title, title);
}

void
dd_chart_set_subtitle (DdChart    *chart,
                       const char *subtitle)
{
  g_return_if_fail (chart != NULL);
  replace (&chart->subtitle, subtitle);
}

void
dd_chart_set_empty_text (DdChart    *chart,
                         const char *text)
{
  g_return_if_fail (chart != NULL);
  replace (&chart->empty_text, text);
}

void
dd_chart_set_centre (DdChart    *chart,
                     const char *value_text,
                     const char *caption)
{
  g_return_if_fail (chart != NULL);
  replace (&chart->centre_value, value_text);
  replace (&chart->centre_caption, caption);
}

void
dd_chart_set_trailing_header (DdChart    *chart,
                              const char *header)
{
  g_return_if_fail (chart != NULL);
  replace (&chart->trailing_header, header);
}

void
dd_chart_set_item_trailing (DdChart    *chart,
                            guint       item,
                            const char *text)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (item < chart->items->len);
  replace (&dd_chart_item (chart, item)->trailing, text);
}

void
dd_chart_set_max_rows (DdChart *chart,
                       guint    max_rows)
{
  g_return_if_fail (chart != NULL);
  chart->max_rows = max_rows;
}

/**
 * dd_chart_set_slide:
 *
 * Sizes the type for a slide shown to a room (see DD_CHART_SLIDE_LABEL).
 */
void
dd_chart_set_slide (DdChart  *chart,
                    gboolean  slide)
{
  g_return_if_fail (chart != NULL);
  chart->slide = slide != FALSE;
}

gboolean
dd_chart_get_slide (DdChart *chart)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  return chart->slide;
}

/* The sizes frame_init() sets, without a cairo_t. */
static void
font_sizes (DdChart *chart,
            double   width,
            double   height,
            double  *unit,
            double  *fs_title,
            double  *fs_subtitle,
            double  *fs_label,
            double  *fs_small)
{
  /* One unit: a hundredth of the width of a 3:2 rectangle that fits. The
   * floors keep a small widget legible. */
  *unit = MIN (width, 1.5 * height) / 100;
  *fs_title = MAX (16, 2.7 * *unit);
  *fs_subtitle = MAX (12.5, 1.75 * *unit);
  *fs_label = MAX (13, 1.85 * *unit);
  *fs_small = MAX (12, 1.55 * *unit);
  if (chart->slide)
    {
      *fs_title = MAX (*fs_title, DD_CHART_SLIDE_TITLE * height);
      *fs_subtitle = MAX (*fs_subtitle, DD_CHART_SLIDE_LABEL * height);
      *fs_label = MAX (*fs_label, DD_CHART_SLIDE_LABEL * height);
      /* The small size prints values, legends and axes: on a slide, as
       * large as the labels. Captions are set a little smaller from it,
       * never below DD_CHART_SLIDE_SMALL. */
      *fs_small = MAX (*fs_small, DD_CHART_SLIDE_LABEL * height);
    }
}

void
dd_chart_get_font_sizes (DdChart *chart,
                         double   width,
                         double   height,
                         double  *title,
                         double  *label,
                         double  *small)
{
  double unit, t, st, l, sm;

  g_return_if_fail (chart != NULL);
  font_sizes (chart, MAX (width, 0), MAX (height, 0), &unit, &t, &st, &l, &sm);
  if (title != NULL)
    *title = t;
  if (label != NULL)
    *label = l;
  if (small != NULL)
    *small = sm;
}

void
dd_chart_set_value_format (DdChart            *chart,
                           DdChartValueFormat  format)
{
  g_return_if_fail (chart != NULL);
  chart->value_format = format;
}

/**
 * dd_chart_add_series:
 *
 * Adds a series before any item is added.
 *
 * Returns: the series' index, which is also its palette slot
 */
guint
dd_chart_add_series (DdChart    *chart,
                     const char *name)
{
  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (chart->items->len == 0, 0);
  g_ptr_array_add (chart->series, g_strdup (name != NULL ? name : ""));
  return chart->series->len - 1;
}

static double
sane (double value)
{
  return isfinite (value) && value > 0 ? value : 0;
}

static guint
append_item (DdChart    *chart,
             gint64      id,
             const char *label)
{
  DdChartItem item = { 0 };

  item.id = id;
  item.label = g_strdup (label != NULL ? label : "");
  g_array_append_val (chart->items, item);
  return chart->items->len - 1;
}

/**
 * dd_chart_add_item:
 * @values: (array length=n_values): one per series
 *
 * Returns: the item's index
 */
guint
dd_chart_add_item (DdChart      *chart,
                   gint64        id,
                   const char   *label,
                   const double *values,
                   guint         n_values)
{
  guint index;
  DdChartItem *item;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (chart->kind == DD_CHART_STACKED_BARS || chart->kind == DD_CHART_GROUPED_BARS
                        || chart->kind == DD_CHART_LINE, 0);
  g_return_val_if_fail (n_values == chart->series->len, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  index = append_item (chart, id, label);
  item = dd_chart_item (chart, index);
  item->values = g_new0 (double, MAX (n_values, 1));
  for (guint s = 0; s < n_values; s++)
    item->values[s] = sane (values[s]);
  return index;
}

/**
 * dd_chart_add_slice:
 *
 * Returns: the slice's index, also its palette slot
 */
guint
dd_chart_add_slice (DdChart    *chart,
                    gint64      id,
                    const char *label,
                    double      count)
{
  guint index;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (chart->kind == DD_CHART_DONUT, 0);

  index = append_item (chart, id, label);
  dd_chart_item (chart, index)->values = g_new0 (double, 1);
  dd_chart_item (chart, index)->values[0] = sane (count);
  return index;
}

/**
 * dd_chart_add_tile:
 * @caption: (nullable):
 *
 * Returns: the tile's index
 */
guint
dd_chart_add_tile (DdChart    *chart,
                   gint64      id,
                   const char *value_text,
                   const char *label,
                   const char *caption)
{
  guint index;
  DdChartItem *item;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (chart->kind == DD_CHART_TILES, 0);

  index = append_item (chart, id, label);
  item = dd_chart_item (chart, index);
  item->value_text = g_strdup (value_text != NULL ? value_text : "");
  item->caption = g_strdup (caption);
  return index;
}

guint
dd_chart_get_n_items (DdChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->items->len;
}

/* Layout and drawing */

static void
frame_init (DdChartFrame         *f,
            DdChart              *chart,
            cairo_t              *cr,
            double                width,
            double                height,
            const DdChartPalette *palette,
            gboolean              paint)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  memset (f, 0, sizeof *f);
  f->cr = cr;
  f->palette = palette != NULL ? palette : dd_chart_palette_light ();
  f->paint = paint;
  f->slide = chart->slide;
  f->width = width;
  f->height = height;

  /* Unhinted metrics: a PNG, an SVG, a PDF and the hit test lay text out alike. */
  f->context = pango_cairo_create_context (cr);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (f->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (f->context, pango_language_from_string ("zh-cn"));

  font_sizes (chart, width, height, &f->unit, &f->fs_title, &f->fs_subtitle, &f->fs_label, &f->fs_small);
  f->margin = MAX (6, 2.4 * f->unit);

  if (chart->kind == DD_CHART_DONUT)
    f->patterns = chart->items->len >= 3;
  else
    f->patterns = chart->series->len >= 3;
}

static void
frame_clear (DdChartFrame *f)
{
  g_clear_object (&f->context);
  g_clear_pointer (&f->regions, g_array_unref);
  g_clear_pointer (&f->widths, g_hash_table_unref);
}

static void
render (DdChartFrame *f,
        DdChart      *chart)
{
  double top;

  if (chart->kind == DD_CHART_TEXT)
    {
      dd_chart_render_text (f, chart, f->margin);
      return;
    }

  top = dd_chart_layout_header (f, chart);
  if (dd_chart_is_empty (chart))
    {
      dd_chart_paint_empty (f, chart, top);
      return;
    }

  switch (chart->kind)
    {
    case DD_CHART_DONUT:
      dd_chart_render_donut (f, chart, top);
      break;
    case DD_CHART_STACKED_BARS:
      dd_chart_render_stacked (f, chart, top);
      break;
    case DD_CHART_GROUPED_BARS:
      dd_chart_render_grouped (f, chart, top);
      break;
    case DD_CHART_LINE:
      dd_chart_render_line (f, chart, top);
      break;
    case DD_CHART_TILES:
      dd_chart_render_tiles (f, chart, top);
      break;
    case DD_CHART_TEXT:
    default:
      break;
    }
}

/**
 * dd_chart_draw:
 * @cr: where to draw; the chart's top left is the origin of user space
 * @palette: (nullable): the colours; %NULL for dd_chart_palette_light()
 *
 * Draws the chart filling @width × @height user units. @cr's state is
 * left as it was.
 */
void
dd_chart_draw (DdChart              *chart,
               cairo_t              *cr,
               double                width,
               double                height,
               const DdChartPalette *palette)
{
  DdChartFrame f;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  if (!(width > 0 && height > 0))
    return;

  frame_init (&f, chart, cr, width, height, palette, TRUE);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (f.palette->background.alpha > 0)
    {
      dd_chart_set_colour (cr, &f.palette->background);
      cairo_paint (cr);
    }
  render (&f, chart);
  cairo_restore (cr);
  frame_clear (&f);
}

static gboolean
region_contains (const DdChartRegion *r,
                 double               x,
                 double               y)
{
  if (r->sector)
    {
      double dx = x - r->cx, dy = y - r->cy, d = hypot (dx, dy), a;

      if (d < r->r0 || d > r->r1)
        return FALSE;
      /* Clockwise from 12 o'clock, 0 … 2π. */
      a = atan2 (dx, -dy);
      if (a < 0)
        a += 2 * G_PI;
      return a >= r->a0 && a < r->a1;
    }
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static void
append_share (GString    *out,
              const char *name,
              double      value,
              double      total)
{
  g_autofree char *count = dd_chart_format_count (value);
  g_autofree char *share = dd_chart_format_percent (total > 0 ? 100 * value / total : 0);

  g_string_append_printf (out, "%s: %s (%s)", name, count, share);
}

static char *
tooltip_for (DdChart *chart,
             int      item,
             int      series)
{
  DdChartItem *it = dd_chart_item (chart, item);
  GString *out = g_string_new (NULL);

  switch (chart->kind)
    {
    case DD_CHART_DONUT:
      {
        double total = 0;

        for (guint i = 0; i < chart->items->len; i++)
          total += dd_chart_value (chart, i, 0);
        append_share (out, it->label, dd_chart_value (chart, item, 0), total);
      }
      break;

    case DD_CHART_STACKED_BARS:
      {
        double total = dd_chart_item_total (chart, item);

        g_string_append (out, it->label);
        if (series >= 0)
          {
            g_string_append (out, " — ");
            append_share (out, g_ptr_array_index (chart->series, series),
                          dd_chart_value (chart, item, series), total);
            break;
          }
        for (guint s = 0; s < chart->series->len; s++)
          {
            g_string_append_c (out, '\n');
            append_share (out, g_ptr_array_index (chart->series, s), dd_chart_value (chart, item, s), total);
          }
        if (it->trailing != NULL)
          {
            g_string_append_c (out, '\n');
            if (chart->trailing_header != NULL)
              g_string_append_printf (out, "%s: ", chart->trailing_header);
            g_string_append (out, it->trailing);
          }
      }
      break;

    case DD_CHART_GROUPED_BARS:
    case DD_CHART_LINE:
      g_string_append (out, it->label);
      for (guint s = 0; s < chart->series->len; s++)
        {
          g_autofree char *value = NULL;

          if (series >= 0 && (guint) series != s)
            continue;
          value = dd_chart_format_value (chart, dd_chart_value (chart, item, s));
          g_string_append_printf (out, series >= 0 ? " — %s: %s" : "\n%s: %s",
                                  (const char *) g_ptr_array_index (chart->series, s), value);
        }
      break;

    case DD_CHART_TILES:
      g_string_append_printf (out, "%s: %s", it->label, it->value_text);
      if (it->caption != NULL && it->caption[0] != '\0')
        g_string_append_printf (out, "\n%s", it->caption);
      break;

    case DD_CHART_TEXT:
    default:
      break;
    }
  return g_string_free (out, FALSE);
}

/**
 * dd_chart_hit:
 * @out: (out caller-allocates): what is at the point
 *
 * Returns: %TRUE if a mark, a row's label or a tile is at (@x, @y) in the
 *   chart as dd_chart_draw() lays it out at @width × @height
 */
gboolean
dd_chart_hit (DdChart    *chart,
              double      width,
              double      height,
              double      x,
              double      y,
              DdChartHit *out)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  DdChartFrame f;
  gboolean found = FALSE;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->item = -1;
  out->series = -1;
  if (!(width > 0 && height > 0) || x < 0 || y < 0 || x >= width || y >= height)
    return FALSE;
  if (chart->kind == DD_CHART_TEXT || dd_chart_is_empty (chart))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  frame_init (&f, chart, cr, width, height, NULL, FALSE);
  f.regions = g_array_new (FALSE, TRUE, sizeof (DdChartRegion));
  render (&f, chart);

  /* Later regions lie over earlier ones. */
  for (guint i = f.regions->len; i-- > 0;)
    {
      const DdChartRegion *r = &g_array_index (f.regions, DdChartRegion, i);

      if (region_contains (r, x, y))
        {
          DdChartItem *item = dd_chart_item (chart, r->item);

          out->item = r->item;
          out->series = r->series;
          out->id = item->id;
          out->label = item->label;
          out->tooltip = tooltip_for (chart, r->item, r->series);
          out->x = r->x;
          out->y = r->y;
          out->width = r->width;
          out->height = r->height;
          found = TRUE;
          break;
        }
    }

  frame_clear (&f);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

/**
 * dd_chart_hit_clear:
 *
 * Frees what a hit holds and empties it.
 */
void
dd_chart_hit_clear (DdChartHit *hit)
{
  g_return_if_fail (hit != NULL);
  g_free (hit->tooltip);
  memset (hit, 0, sizeof *hit);
  hit->item = -1;
  hit->series = -1;
}

/**
 * dd_chart_describe:
 *
 * Returns: (transfer full): the data as plain text, one line per item
 */
char *
dd_chart_describe (DdChart *chart)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->title != NULL)
    g_string_append_printf (out, "%s\n", chart->title);
  if (chart->subtitle != NULL)
    g_string_append_printf (out, "%s\n", chart->subtitle);

  if (chart->kind == DD_CHART_TEXT)
    {
      if (chart->text != NULL)
        g_string_append_printf (out, "%s\n", chart->text);
      return g_string_free (out, FALSE);
    }
  if (dd_chart_is_empty (chart))
    {
      g_string_append_printf (out, "%s\n", chart->empty_text != NULL ? chart->empty_text : _("No data"));
      return g_string_free (out, FALSE);
    }
  if (chart->kind == DD_CHART_DONUT && chart->centre_value != NULL)
    {
      if (chart->centre_caption != NULL)
        g_string_append_printf (out, "%s: ", chart->centre_caption);
      g_string_append_printf (out, "%s\n", chart->centre_value);
    }

  for (guint i = 0; i < chart->items->len; i++)
    {
      g_autofree char *line = tooltip_for (chart, i, -1);
      g_auto(GStrv) parts = NULL;

      /* One line per item: the tooltip's lines joined. */
      parts = g_strsplit (line, "\n", -1);
      g_free (line);
      line = g_strjoinv ("; ", parts);
      if (chart->kind != DD_CHART_DONUT && chart->kind != DD_CHART_TILES && parts[0] != NULL && parts[1] != NULL)
        {
          g_autofree char *rest = g_strjoinv ("; ", parts + 1);

          g_free (line);
          line = g_strdup_printf ("%s: %s", parts[0], rest);
        }
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

/* Files: written to a temporary file beside the target and renamed over
 * it once complete. */

typedef struct
{
  int fd;
  int error;   /* errno of the first failed write */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno != EINTR)
            sink->error = errno;
          continue;
        }
      data += written;
      length -= written;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO,
               _("Could not write “%s”: %s"), display, g_strerror (errsv));
}

static cairo_status_t
render_to (DdChart              *chart,
           DdChartFormat         format,
           Sink                 *sink,
           double                width,
           double                height,
           double                dpi,
           const DdChartPalette *palette)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  switch (format)
    {
    case DD_CHART_FORMAT_PNG:
      {
        double scale = dpi / 96;

        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                              (int) ceil (width * scale - 1e-6),
                                              (int) ceil (height * scale - 1e-6));
        cr = cairo_create (surface);
        cairo_scale (cr, scale, scale);
        dd_chart_draw (chart, cr, width, height, palette);
        status = cairo_status (cr);
        cairo_destroy (cr);
        if (status == CAIRO_STATUS_SUCCESS)
          status = cairo_surface_write_to_png_stream (surface, write_cb, sink);
        cairo_surface_destroy (surface);
        return status;
      }
    case DD_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_cb, sink, width, height);
      break;
    case DD_CHART_FORMAT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (write_cb, sink, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Deputy Desk");
      if (chart->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart->title);
      break;
    }

  cr = cairo_create (surface);
  dd_chart_draw (chart, cr, width, height, palette);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/**
 * dd_chart_write_file:
 * @path: the file to write (replaced if it exists)
 * @width: in CSS pixels for PNG, in points for SVG and PDF
 * @dpi: PNG only: pixels = size × @dpi / 96; <= 0 means 96
 * @palette: (nullable): %NULL for dd_chart_palette_light()
 *
 * Returns: %FALSE with DD_CHARTS_ERROR_IO or DD_CHARTS_ERROR_FAILED; the
 *   file at @path is then as it was and no temporary file remains
 */
gboolean
dd_chart_write_file (DdChart               *chart,
                     DdChartFormat          format,
                     const char            *path,
                     double                 width,
                     double                 height,
                     double                 dpi,
                     const DdChartPalette  *palette,
                     GError               **error)
{
  g_autofree char *tmp = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (dpi <= 0)
    dpi = 96;
  if (!(width >= 1 && height >= 1 && width * dpi / 96 <= 32767 && height * dpi / 96 <= 32767))
    {
      g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_INVALID,
                   _("A chart cannot be %g × %g at %g dpi"), width, height, dpi);
      return FALSE;
    }

  tmp = g_strdup_printf ("%s.XXXXXX", path);
  sink.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_io_error (error, path, errno);
      return FALSE;
    }

  status = render_to (chart, format, &sink, width, height, dpi, palette);
  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0 && errno != EINVAL)
    sink.error = errno;
  if (close (sink.fd) != 0 && sink.error == 0 && status == CAIRO_STATUS_SUCCESS)
    sink.error = errno;

  if (sink.error != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      if (sink.error != 0)
        set_io_error (error, path, sink.error);
      else
        g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_FAILED,
                     _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp);
      set_io_error (error, path, errsv);
      return FALSE;
    }
  return TRUE;
}
