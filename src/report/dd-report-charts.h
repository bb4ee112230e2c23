/* dd-report-charts.h: the charts of the statistics, built from DdAnalytics
 *
 * The bridge between the model's figures (dd-analytics.h) and the Cairo
 * renderers (dd-chart.h): each DdReportChart kind turns a DdAnalytics into
 * a DdChart with translated titles, series names and "no data" text. The
 * Statistics page, the presentation mode, the deck PDF and the command line
 * all build their charts here, so they show the same thing.
 *
 * No GTK, no SQL: plain data in, a DdChart out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-analytics.h"
#include "dd-chart.h"
#include "dd-chart-palette.h"

G_BEGIN_DECLS

/**
 * DdReportChart:
 * @DD_REPORT_CHART_KEY_FIGURES: "key-figures": tiles: suggestions, closed,
 *   satisfaction rate, on-time reply rate, receptions, voters received,
 *   opinions adopted, opinions solved. Tile ids are 0.
 * @DD_REPORT_CHART_SATISFACTION: "satisfaction": donut of the overall
 *   verdicts (satisfied, basically satisfied, unsatisfied) with counts and
 *   shares, the satisfaction rate in the centre. Slice ids are the verdict's
 *   index in dd_verdicts (0, 1, 2).
 * @DD_REPORT_CHART_UNITS: "units": 100 % stacked bars of the verdicts per
 *   unit, in ranking order (DdAnalytics.units), with the ranking score
 *   (0 … 100, "no data" when unknown) in the trailing column; only units
 *   with at least one verdict. Item id = the unit's id.
 * @DD_REPORT_CHART_CLASSES: "classes": donut of the latest replies' classes
 *   A, B, C overall, the number of replies in the centre. Slice ids are the
 *   class's index (0, 1, 2).
 * @DD_REPORT_CHART_CATEGORIES: "categories": grouped bars, one group per
 *   category with suggestions (dd_suggestion_categories order), bars for
 *   the satisfied, basically satisfied and unsatisfied verdicts. Item ids
 *   are 0 (the category code is DdAnalyticsGroup.key of the same index in
 *   DdAnalytics.categories).
 * @DD_REPORT_CHART_MONTHLY: "monthly": line of the suggestions registered
 *   (intake) and closed per month (DdAnalytics.months); x labels are the
 *   months' short names ("Jan", "1月") when the period lies within one
 *   year, else "2024-01". Item ids are 0.
 * @DD_REPORT_CHART_STATIONS: "stations": grouped bars of receptions and
 *   voters received per station, the top stations by receptions (then by
 *   voters received, then name), at most DD_REPORT_STATIONS_TOP unless
 *   another limit is given. Item id = the station's id.
 *
 * The names in quotes are stable: the command line's `chart KIND`.
 */
typedef enum
{
  DD_REPORT_CHART_KEY_FIGURES,
  DD_REPORT_CHART_SATISFACTION,
  DD_REPORT_CHART_UNITS,
  DD_REPORT_CHART_CLASSES,
  DD_REPORT_CHART_CATEGORIES,
  DD_REPORT_CHART_MONTHLY,
  DD_REPORT_CHART_STATIONS,
} DdReportChart;

#define DD_REPORT_N_CHARTS 7

/* Default number of stations in the stations chart. */
#define DD_REPORT_STATIONS_TOP 10

/**
 * DdReportChartTarget:
 * @DD_REPORT_CHART_TARGET_NONE: item ids mean nothing outside the chart
 * @DD_REPORT_CHART_TARGET_UNIT: item ids are units' ids (open the board
 *   filtered to that unit on a click)
 * @DD_REPORT_CHART_TARGET_STATION: item ids are stations' ids
 */
typedef enum
{
  DD_REPORT_CHART_TARGET_NONE,
  DD_REPORT_CHART_TARGET_UNIT,
  DD_REPORT_CHART_TARGET_STATION,
} DdReportChartTarget;

/* Every kind, in the order above (the Statistics page's grid order);
 * @n_kinds (nullable) receives DD_REPORT_N_CHARTS. Static: never free. */
const DdReportChart *dd_report_chart_list        (guint            *n_kinds);
/* The stable name ("key-figures", …), or NULL for a value out of range. */
const char          *dd_report_chart_get_name    (DdReportChart     kind);
/* %TRUE and @kind set if @name is one of the names above. */
gboolean             dd_report_chart_from_name   (const char       *name,
                                                  DdReportChart    *kind);
/* (transfer none): the translated title ("Satisfaction", "满意度"). */
const char          *dd_report_chart_get_title   (DdReportChart     kind);
/* What the chart's item ids refer to. */
DdReportChartTarget  dd_report_chart_get_target  (DdReportChart     kind);

/* Returns: (transfer full): the chart of @kind for @analytics, titled, its
 * subtitle the period (dd_analytics_filter_dup_period_label()), with the
 * translated "No data" text when there is nothing to show. The chart
 * copies what it needs: @analytics may be released afterwards. */
DdChart             *dd_report_chart_new         (DdReportChart     kind,
                                                  DdAnalytics      *analytics);
/* The same with at most @max_items rows/groups for the units and stations
 * charts (0: the default: every unit, DD_REPORT_STATIONS_TOP stations);
 * ignored by the other kinds. */
DdChart             *dd_report_chart_new_limited (DdReportChart     kind,
                                                  DdAnalytics      *analytics,
                                                  guint             max_items);

/* Builds the chart and writes it with dd_chart_write_file() (same sizes,
 * dpi, temp file then rename, errors). @palette NULL: light. */
gboolean             dd_report_chart_write       (DdReportChart          kind,
                                                  DdAnalytics           *analytics,
                                                  DdChartFormat          format,
                                                  const char            *path,
                                                  double                 width,
                                                  double                 height,
                                                  double                 dpi,
                                                  const DdChartPalette  *palette,
                                                  GError               **error);

G_END_DECLS
