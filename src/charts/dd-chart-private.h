/* dd-chart-private.h: what the chart kinds share, one file each
 *
 * Every kind has one function that lays the chart out in a Frame and, when
 * the frame paints, paints it; when it does not (a hit test) the same code
 * only records where its marks are. So what is drawn and what is hit can
 * never disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "dd-chart.h"

G_BEGIN_DECLS

#define DD_CHART_SANS_FAMILY "Noto Sans CJK SC, Source Han Sans SC, Noto Sans SC, Noto Sans, WenQuanYi Micro Hei, sans-serif"

typedef struct
{
  char   *label;
  gint64  id;
  double *values;     /* n_series of them (1 for slices, 0 for tiles) */
  char   *trailing;   /* stacked bars */
  char   *value_text; /* tiles */
  char   *caption;    /* tiles */
} DdChartItem;

struct _DdChart
{
  DdChartKind         kind;
  char               *title;
  char               *subtitle;
  char               *empty_text;
  char               *text;            /* DD_CHART_TEXT */
  char               *centre_value;    /* donut */
  char               *centre_caption;
  char               *trailing_header; /* stacked bars */
  guint               max_rows;
  DdChartValueFormat  value_format;
  gboolean            slide;           /* type sized from the height, for a room */
  GPtrArray          *series;          /* char *, the names */
  GArray             *items;           /* DdChartItem */
};

/* A place that answers a hit test: a rectangle or a ring sector. */
typedef struct
{
  int    item, series;
  gboolean sector;
  double x, y, width, height;         /* rectangle; or the sector's box */
  double cx, cy, r0, r1, a0, a1;      /* sector, angles clockwise from 12 o'clock */
} DdChartRegion;

typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;     /* unhinted metrics, zh-cn */
  const DdChartPalette *palette;
  gboolean              paint;
  gboolean              slide;       /* dd_chart_set_slide() */
  double                width, height;
  double                unit;        /* 1/100 of the rectangle's measure */
  double                margin;
  /* font sizes */
  double                fs_title, fs_subtitle, fs_label, fs_small;
  gboolean              patterns;    /* the chart has 3 series or more */
  GArray               *regions;     /* DdChartRegion */
  GHashTable           *widths;      /* "size|weight|text" → natural width, boxed double */
} DdChartFrame;

static inline DdChartItem *
dd_chart_item (DdChart *chart,
               guint    index)
{
  return &g_array_index (chart->items, DdChartItem, index);
}

/* dd-chart-text.c */
gboolean     dd_chart_has_han         (const char   *text);
PangoLayout *dd_chart_text_new        (DdChartFrame *f,
                                       const char   *text,
                                       double        size,
                                       PangoWeight   weight,
                                       double        width,
                                       int           lines);
double       dd_chart_text_width      (PangoLayout  *layout);
double       dd_chart_text_height     (PangoLayout  *layout);
void         dd_chart_text_show       (DdChartFrame *f,
                                       PangoLayout  *layout,
                                       double        x,
                                       double        y,
                                       const DdChartColor *colour);
/* Shows @text in one line centred in the box, ellipsized to its width. */
void         dd_chart_text_centred    (DdChartFrame *f,
                                       const char   *text,
                                       double        size,
                                       PangoWeight   weight,
                                       double        x,
                                       double        y,
                                       double        width,
                                       double        height,
                                       const DdChartColor *colour);
double       dd_chart_text_natural    (DdChartFrame *f,
                                       const char   *text,
                                       double        size,
                                       PangoWeight   weight);

/* @layout's text at (@x, @y) on a mark of @slot, in the slot's text colour;
 * on a patterned mark over a solid pill, so it stays legible. */
void         dd_chart_text_on_series  (DdChartFrame *f,
                                       PangoLayout  *layout,
                                       double        x,
                                       double        y,
                                       guint         slot);
void         dd_chart_set_colour      (cairo_t            *cr,
                                       const DdChartColor *colour);
void         dd_chart_fill_series     (DdChartFrame *f,
                                       guint         slot);
void         dd_chart_rounded_rect    (cairo_t      *cr,
                                       double        x,
                                       double        y,
                                       double        width,
                                       double        height,
                                       double        radius);
const DdChartColor *dd_chart_series_colour (DdChartFrame *f,
                                            guint         slot);
const DdChartColor *dd_chart_on_series     (DdChartFrame *f,
                                            guint         slot);

/* The title and subtitle at the top; returns the y the body starts at. */
double       dd_chart_layout_header   (DdChartFrame *f,
                                       DdChart      *chart);
/* The empty text centred in the body. */
void         dd_chart_paint_empty     (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        top);
/* A legend of the series in [x, x + width) from @y: swatches (or line
 * samples with markers when @lines) and names, wrapped. Returns its height. */
double       dd_chart_layout_legend   (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        x,
                                       double        y,
                                       double        width,
                                       gboolean      lines);
/* The palette slot of a line: 0, 2, 3, 4, 5, 1 (a thin light blue line
 * would be too faint on white). */
static inline guint
dd_chart_line_slot (guint series)
{
  static const guint slots[] = { 0, 2, 3, 4, 5, 1 };

  return slots[series % G_N_ELEMENTS (slots)];
}

void         dd_chart_paint_marker    (cairo_t      *cr,
                                       guint         series,
                                       double        x,
                                       double        y,
                                       double        size);
void         dd_chart_add_rect        (DdChartFrame *f,
                                       int           item,
                                       int           series,
                                       double        x,
                                       double        y,
                                       double        width,
                                       double        height);
gboolean     dd_chart_is_empty        (DdChart      *chart);
double       dd_chart_item_total      (DdChart      *chart,
                                       guint         item);
double       dd_chart_value           (DdChart      *chart,
                                       guint         item,
                                       guint         series);
char        *dd_chart_format_value    (DdChart      *chart,
                                       double        value);
/* Nice round steps for an axis from 0 to at least @max. */
double       dd_chart_axis_step       (double        max,
                                       int           max_ticks,
                                       double       *top);

/* dd-chart-bars.c, shared with lines: the largest value, the widest
 * value's text, an axis step (whole units for counts) and the gridlines
 * with their labels in a column @axis_w wide at @x0. */
double       dd_chart_max_value       (DdChart      *chart);
double       dd_chart_widest_value    (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        size);
double       dd_chart_value_step      (DdChart      *chart,
                                       double        max,
                                       int           ticks,
                                       double       *top);
void         dd_chart_paint_value_axis (DdChartFrame *f,
                                        DdChart      *chart,
                                        double        x0,
                                        double        axis_w,
                                        double        px1,
                                        double        py0,
                                        double        py1,
                                        double        step,
                                        double        top);

/* One per kind. */
void         dd_chart_render_donut    (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        top);
void         dd_chart_render_stacked  (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        top);
void         dd_chart_render_grouped  (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        top);
void         dd_chart_render_line     (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        top);
void         dd_chart_render_tiles    (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        top);
void         dd_chart_render_text     (DdChartFrame *f,
                                       DdChart      *chart,
                                       double        top);

G_END_DECLS
