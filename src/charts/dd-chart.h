/* dd-chart.h: charts of statistics, drawn on any cairo_t
 *
 * A DdChart holds plain data (labels already translated by the caller,
 * numbers, ids) and knows how to lay itself out in any rectangle. The same
 * dd_chart_draw() paints a widget, a PNG, an SVG and a PDF page; every size
 * (fonts, margins, bars) scales from the rectangle, so a 1920×1080 slide,
 * a 1024×768 projector and a 480×320 widget all stay legible.
 *
 * Build a chart with one of the dd_chart_new_*() constructors and the
 * setters below, then draw it as often as needed. A chart is not meant to
 * be changed while another thread draws it; once built it may be drawn
 * from any one thread at a time (e.g. a worker writing a deck).
 *
 * Layout is computed with unhinted font metrics and is a pure function of
 * (data, width, height), so dd_chart_hit() at the size last drawn finds
 * exactly what was painted there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "dd-chart-palette.h"

G_BEGIN_DECLS

/**
 * DdChartKind:
 * @DD_CHART_DONUT: shares of a whole as a ring (e.g. satisfied / basically
 *   satisfied / unsatisfied), each slice labelled with its count and
 *   percentage, optional text in the centre (e.g. "92.3%" over "Satisfaction rate")
 * @DD_CHART_STACKED_BARS: 100 % stacked horizontal bars, one row per item
 *   (e.g. per unit, in the caller's order), one segment per series (A / B /
 *   C), percentages printed inside segments when they fit, else beside;
 *   an optional trailing column of text per row (e.g. the rate)
 * @DD_CHART_GROUPED_BARS: vertical bars, items (categories, stations) along
 *   the x axis, one bar per series in each group, values above the bars;
 *   laid out as horizontal rows instead (values after the bars) when the
 *   groups are too narrow for their labels or values, with rows that do
 *   not fit (or past dd_chart_set_max_rows()) summed up as "+ N more"
 * @DD_CHART_LINE: one line per series over the items as x labels (e.g.
 *   "1月" … "12月"), each series with its own marker shape and dash, values
 *   at the points where they fit, and a legend. Lines take the palette
 *   slots 0, 2, 3, 4, 5, 1 in turn (dark blue, then orange: a thin light
 *   blue line would be too faint)
 * @DD_CHART_TILES: key figures, one tile each (big value, label, optional
 *   caption), in a grid that fits the rectangle
 * @DD_CHART_TEXT: a title and a paragraph set as large as fits (a title
 *   slide, a summary paragraph)
 */
typedef enum
{
  DD_CHART_DONUT,
  DD_CHART_STACKED_BARS,
  DD_CHART_GROUPED_BARS,
  DD_CHART_LINE,
  DD_CHART_TILES,
  DD_CHART_TEXT,
} DdChartKind;

/**
 * DdChartValueFormat:
 * @DD_CHART_VALUE_COUNT: integers with thousands separators: "1,234"
 * @DD_CHART_VALUE_DECIMAL: one decimal: "87.5"
 * @DD_CHART_VALUE_PERCENT: the value is a percentage 0…100: "62.5%"
 *
 * How the values of grouped bars and lines are printed (and their axis).
 * Donuts and stacked bars always print counts and shares of the whole.
 */
typedef enum
{
  DD_CHART_VALUE_COUNT,
  DD_CHART_VALUE_DECIMAL,
  DD_CHART_VALUE_PERCENT,
} DdChartValueFormat;

/**
 * DdChartFormat:
 * @DD_CHART_FORMAT_PNG: pixels = size × dpi / 96 (size in CSS pixels)
 * @DD_CHART_FORMAT_SVG: size in points, dpi ignored
 * @DD_CHART_FORMAT_PDF: one page, size in points, dpi ignored
 */
typedef enum
{
  DD_CHART_FORMAT_PNG,
  DD_CHART_FORMAT_SVG,
  DD_CHART_FORMAT_PDF,
} DdChartFormat;

/**
 * DdChartHit:
 * @item: the index of the item (slice, row, group, month, tile) under the
 *   point, in the order added
 * @series: the index of the series (segment, bar, line point), or -1 when
 *   the point is on the item as a whole (a row's label or trailing text, a
 *   slice of a donut, a tile)
 * @id: the id the caller gave the item
 * @label: (transfer none): the item's full label (never ellipsized); valid
 *   as long as the chart
 * @tooltip: (transfer full): the exact figures in plain text, e.g.
 *   "城市管理局 — A: 12 (60.0%)"; may span several lines
 * @x: the area of the mark hit, for placing a tooltip
 * @y:
 * @width:
 * @height:
 *
 * Free the tooltip with dd_chart_hit_clear().
 */
typedef struct
{
  int         item;
  int         series;
  gint64      id;
  const char *label;
  char       *tooltip;
  double      x;
  double      y;
  double      width;
  double      height;
} DdChartHit;

#define DD_TYPE_CHART (dd_chart_get_type ())

typedef struct _DdChart DdChart;

GType        dd_chart_get_type            (void) G_GNUC_CONST;

DdChart     *dd_chart_ref                 (DdChart            *chart);
void         dd_chart_unref               (DdChart            *chart);

/* Constructors: each returns a new chart with a reference count of one. */
DdChart     *dd_chart_new_donut           (void);
DdChart     *dd_chart_new_stacked_bars    (void);
DdChart     *dd_chart_new_grouped_bars    (void);
DdChart     *dd_chart_new_line            (void);
DdChart     *dd_chart_new_tiles           (void);
DdChart     *dd_chart_new_text            (const char         *text);

DdChartKind  dd_chart_get_kind            (DdChart            *chart);

/* Every chart: the texts are shown as given (the caller translates). */
void         dd_chart_set_title           (DdChart            *chart,
                                           const char         *title);
void         dd_chart_set_subtitle        (DdChart            *chart,
                                           const char         *subtitle);
/* Shown instead of the marks when there are no items or every value is 0;
 * default: "No data" translated. */
void         dd_chart_set_empty_text      (DdChart            *chart,
                                           const char         *text);

/* Series (stacked bars, grouped bars, lines): the names in the legend and
 * tooltips, in palette order. Returns the new series' index. */
guint        dd_chart_add_series          (DdChart            *chart,
                                           const char         *name);

/* Items: an id of the caller's (e.g. a unit's row id; 0 if none), the
 * label, and one value per series (@n_values must equal the number of
 * series added so far; negative values count as 0). Returns the item's
 * index. */
guint        dd_chart_add_item            (DdChart            *chart,
                                           gint64              id,
                                           const char         *label,
                                           const double       *values,
                                           guint               n_values);
/* A donut's slice: an item with one count; slices take the series colours
 * in turn. Returns the slice's index. */
guint        dd_chart_add_slice           (DdChart            *chart,
                                           gint64              id,
                                           const char         *label,
                                           double              count);
/* A key figure: the value as text ("1,444", "92.3%"), the label under it
 * and an optional caption (e.g. "+12 on 2022"). Returns the tile's index. */
guint        dd_chart_add_tile            (DdChart            *chart,
                                           gint64              id,
                                           const char         *value_text,
                                           const char         *label,
                                           const char         *caption);
guint        dd_chart_get_n_items         (DdChart            *chart);

/* Donut: the text in the hole, e.g. "92.3%" and "Satisfaction rate". */
void         dd_chart_set_centre          (DdChart            *chart,
                                           const char         *value_text,
                                           const char         *caption);

/* Stacked bars: the trailing column's header (e.g. "Rate") and each row's
 * text in it (e.g. "92.3%"). */
void         dd_chart_set_trailing_header (DdChart            *chart,
                                           const char         *header);
void         dd_chart_set_item_trailing   (DdChart            *chart,
                                           guint               item,
                                           const char         *text);
/* Stacked bars and grouped rows: at most @max_rows rows (0: as many as fit); the rest are
 * summed up in a "+ N more" note. Rows that do not fit the height are
 * left out the same way, never squeezed below a legible size. */
void         dd_chart_set_max_rows        (DdChart            *chart,
                                           guint               max_rows);

/* Slide mode: the type is also sized from the rectangle's height, for a
 * room reading a projector: titles at least DD_CHART_SLIDE_TITLE of the
 * height; labels, values, legends and axes at least DD_CHART_SLIDE_LABEL
 * (25 px at 768 px, 35 px at 1080 px); captions (under a key figure, in a
 * donut's hole) at least DD_CHART_SLIDE_SMALL. Rows that no longer fit
 * are summed up as "+ N more", never squeezed. Off by default: a widget's
 * card keeps its sizes. */
#define DD_CHART_SLIDE_TITLE 0.05
#define DD_CHART_SLIDE_LABEL 0.032
#define DD_CHART_SLIDE_SMALL 0.026
void         dd_chart_set_slide           (DdChart            *chart,
                                           gboolean            slide);
gboolean     dd_chart_get_slide           (DdChart            *chart);

/* The font sizes (in user units) dd_chart_draw() at @width × @height
 * starts from: the title's, the labels', and the values', legends' and
 * axes'. Any out argument may be NULL. */
void         dd_chart_get_font_sizes      (DdChart            *chart,
                                           double              width,
                                           double              height,
                                           double             *title,
                                           double             *label,
                                           double             *small);

/* Grouped bars and lines: how values and the axis are printed. */
void         dd_chart_set_value_format    (DdChart            *chart,
                                           DdChartValueFormat  format);

/* Draws the chart filling (0, 0, @width, @height) of @cr's user space:
 * the palette's background (unless transparent), the title, the marks or
 * the empty text. @palette NULL means dd_chart_palette_light(). Errors are
 * left in @cr's status, as Cairo does. */
void         dd_chart_draw                (DdChart               *chart,
                                           cairo_t               *cr,
                                           double                 width,
                                           double                 height,
                                           const DdChartPalette  *palette);
/* What dd_chart_draw() at @width × @height painted at (@x, @y): %TRUE and
 * @out filled (free with dd_chart_hit_clear()), or %FALSE and @out left
 * empty (item -1) over the title, the legend, the background or empty
 * data. Needs no cairo_t; cheap enough for a query-tooltip handler. */
gboolean     dd_chart_hit                 (DdChart            *chart,
                                           double              width,
                                           double              height,
                                           double              x,
                                           double              y,
                                           DdChartHit         *out);
void         dd_chart_hit_clear           (DdChartHit         *hit);

/* The chart's data as plain text for screen readers: the title, then one
 * line per item with every series' value (and share where the chart shows
 * one). Free with g_free(). */
char        *dd_chart_describe            (DdChart            *chart);

/* Writes the chart to @path as one PNG (width × dpi / 96 by height × dpi /
 * 96 pixels, laid out exactly as at width × height), SVG or one-page PDF
 * (width × height points; @dpi ignored; <= 0 means 96). The file is written
 * to a temporary file first and replaced only once complete: on failure
 * an earlier file at @path is left as it was and no partial file remains.
 * Returns %FALSE with DD_CHARTS_ERROR_IO (a message naming @path) or
 * DD_CHARTS_ERROR_FAILED. */
gboolean     dd_chart_write_file          (DdChart               *chart,
                                           DdChartFormat          format,
                                           const char            *path,
                                           double                 width,
                                           double                 height,
                                           double                 dpi,
                                           const DdChartPalette  *palette,
                                           GError               **error);

/* Number formatting as the charts print it (plain ASCII digits):
 * "1,234" (rounded to an integer) and "62.5%" (one decimal). */
char        *dd_chart_format_count        (double              value);
char        *dd_chart_format_percent      (double              percent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdChart, dd_chart_unref)

G_END_DECLS
