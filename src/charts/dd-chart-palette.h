/* dd-chart-palette.h: the colours (and print patterns) charts are drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many series colours a palette has; series beyond reuse them in turn
 * (with the pattern of their slot). */
#define DD_CHART_PALETTE_SIZE 6

/**
 * DdChartColor:
 * @red: 0…1
 * @green: 0…1
 * @blue: 0…1
 * @alpha: 0…1; a background with alpha 0 is not painted at all
 *
 * The same layout as a GdkRGBA (four doubles), so a widget may copy a
 * theme colour into a palette field with a plain struct assignment after
 * a cast, or field by field.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} DdChartColor;

/**
 * DdChartPattern:
 * @DD_CHART_PATTERN_SOLID: a plain fill
 * @DD_CHART_PATTERN_HATCH: diagonal lines over the fill
 * @DD_CHART_PATTERN_DOTS: dots over the fill
 * @DD_CHART_PATTERN_CROSS: crossed diagonal lines over the fill
 *
 * A texture drawn over a series' fill, in the series' `on_series` colour,
 * so series stay apart on a monochrome printer.
 */
typedef enum
{
  DD_CHART_PATTERN_SOLID,
  DD_CHART_PATTERN_HATCH,
  DD_CHART_PATTERN_DOTS,
  DD_CHART_PATTERN_CROSS,
} DdChartPattern;

/**
 * DdChartPalette:
 * @background: painted over the whole chart first (alpha 0: left as is,
 *   e.g. a widget that draws over its own background)
 * @text: titles, labels and values beside the marks
 * @text_secondary: subtitles, captions, axis labels, notes
 * @grid: axis lines and gridlines
 * @track: the empty part of a bar or ring, and the tiles' background
 * @series: the series ramp, in order. The first three are meant for an
 *   ordered scale read from best to worst (satisfied / basically satisfied /
 *   unsatisfied, or A / B / C): dark blue, light blue, orange. Their
 *   lightness differs clearly, so they stay apart in greyscale and for
 *   colour-blind viewers (Okabe–Ito based).
 * @on_series: the colour of text and patterns drawn on each series colour
 * @patterns: the texture of each slot. Drawn only when the chart has at
 *   least 3 series (or slices); slot 0 and 1 are always solid.
 *
 * A plain struct: copy one of the palettes below and change what the
 * surroundings need (a widget takes its background and text from the theme).
 */
typedef struct
{
  DdChartColor   background;
  DdChartColor   text;
  DdChartColor   text_secondary;
  DdChartColor   grid;
  DdChartColor   track;
  DdChartColor   series[DD_CHART_PALETTE_SIZE];
  DdChartColor   on_series[DD_CHART_PALETTE_SIZE];
  DdChartPattern patterns[DD_CHART_PALETTE_SIZE];
} DdChartPalette;

/* Static palettes: never free them. */
const DdChartPalette *dd_chart_palette_light (void);
const DdChartPalette *dd_chart_palette_dark  (void);
/* White paper, series with patterns from the third on, fit for greyscale printers. */
const DdChartPalette *dd_chart_palette_print (void);

G_END_DECLS
