/* dd-chart-palette.c: light, dark and print palettes
 *
 * The series ramp is built from the Okabe–Ito colours, with lightness set
 * far apart for the first three slots (CIE L* about 38, 82 and 58 on
 * light; 82, 46 and 65 on dark): an ordered scale (satisfied / basically /
 * unsatisfied; A / B / C) reads blue to orange, never red against green,
 * and stays three distinct greys on a monochrome printer or for a viewer
 * without colour vision. Later slots get patterns on every palette; the
 * print palette patterns the third slot too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dd-chart-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const DdChartPalette light = {
  .background = RGB (0xffffff),
  .text = RGB (0x1a1a1a),
  .text_secondary = RGB (0x5c5c5c),
  .grid = RGB (0xd4d4d4),
  .track = RGB (0xeef1f4),
  .series = {
    RGB (0x1f5a99), RGB (0xa6d0f0), RGB (0xd66f0a),
    RGB (0x0b7a5a), RGB (0xcc79a7), RGB (0xe8c547),
  },
  .on_series = {
    RGB (0xffffff), RGB (0x1a1a1a), RGB (0x1a1a1a),
    RGB (0xffffff), RGB (0x1a1a1a), RGB (0x1a1a1a),
  },
  .patterns = {
    DD_CHART_PATTERN_SOLID, DD_CHART_PATTERN_SOLID, DD_CHART_PATTERN_SOLID,
    DD_CHART_PATTERN_DOTS, DD_CHART_PATTERN_HATCH, DD_CHART_PATTERN_CROSS,
  },
};

static const DdChartPalette dark = {
  .background = RGB (0x242424),
  .text = RGB (0xf2f2f2),
  .text_secondary = RGB (0xb4b4b4),
  .grid = RGB (0x4a4a4a),
  .track = RGB (0x343434),
  .series = {
    RGB (0xa6d0f0), RGB (0x3a6ea8), RGB (0xe8853a),
    RGB (0x2a9d8f), RGB (0xcc79a7), RGB (0xe8c547),
  },
  .on_series = {
    RGB (0x1a1a1a), RGB (0xffffff), RGB (0x1a1a1a),
    RGB (0x1a1a1a), RGB (0x1a1a1a), RGB (0x1a1a1a),
  },
  .patterns = {
    DD_CHART_PATTERN_SOLID, DD_CHART_PATTERN_SOLID, DD_CHART_PATTERN_SOLID,
    DD_CHART_PATTERN_DOTS, DD_CHART_PATTERN_HATCH, DD_CHART_PATTERN_CROSS,
  },
};

static const DdChartPalette print = {
  .background = RGB (0xffffff),
  .text = RGB (0x000000),
  .text_secondary = RGB (0x404040),
  .grid = RGB (0xb0b0b0),
  .track = RGB (0xf0f0f0),
  .series = {
    RGB (0x174a85), RGB (0xa6d0f0), RGB (0xd66f0a),
    RGB (0x0b7a5a), RGB (0xcc79a7), RGB (0xe8c547),
  },
  .on_series = {
    RGB (0xffffff), RGB (0x000000), RGB (0x000000),
    RGB (0xffffff), RGB (0x000000), RGB (0x000000),
  },
  .patterns = {
    DD_CHART_PATTERN_SOLID, DD_CHART_PATTERN_SOLID, DD_CHART_PATTERN_HATCH,
    DD_CHART_PATTERN_DOTS, DD_CHART_PATTERN_CROSS, DD_CHART_PATTERN_HATCH,
  },
};

/**
 * dd_chart_palette_light:
 *
 * Returns: (transfer none): dark text on white, for the screen
 */
const DdChartPalette *
dd_chart_palette_light (void)
{
  return &light;
}

/**
 * dd_chart_palette_dark:
 *
 * Returns: (transfer none): light text on a dark grey, for a dark theme
 */
const DdChartPalette *
dd_chart_palette_dark (void)
{
  return &dark;
}

/**
 * dd_chart_palette_print:
 *
 * Returns: (transfer none): black on white, patterns from the third
 *   series on, for paper and greyscale printers
 */
const DdChartPalette *
dd_chart_palette_print (void)
{
  return &print;
}
