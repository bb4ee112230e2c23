/* dd-statistics-page.h: the charts of handling and satisfaction (统计分析)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-analytics.h"
#include "dd-chart-view.h"
#include "dd-context.h"
#include "dd-deck.h"
#include "dd-report-charts.h"

G_BEGIN_DECLS

#define DD_TYPE_STATISTICS_PAGE (dd_statistics_page_get_type ())
G_DECLARE_FINAL_TYPE (DdStatisticsPage, dd_statistics_page, DD, STATISTICS_PAGE, AdwBin)

GtkWidget               *dd_statistics_page_new            (DdContext        *context);
gboolean                 dd_statistics_page_get_busy       (DdStatisticsPage *self);
int                      dd_statistics_page_get_year       (DdStatisticsPage *self);
void                     dd_statistics_page_set_year       (DdStatisticsPage *self,
                                                            int               year);
const DdAnalyticsFilter *dd_statistics_page_get_filter     (DdStatisticsPage *self);
DdAnalytics             *dd_statistics_page_get_analytics  (DdStatisticsPage *self);
DdChartView             *dd_statistics_page_get_chart_view (DdStatisticsPage *self,
                                                            DdReportChart     kind);
const char              *dd_statistics_page_get_summary_text (DdStatisticsPage *self);
DdDeck                  *dd_statistics_page_new_deck       (DdStatisticsPage *self);
GtkWindow               *dd_statistics_page_present        (DdStatisticsPage *self);
void                     dd_statistics_page_export_deck    (DdStatisticsPage *self,
                                                            const char       *path);
gboolean                 dd_statistics_page_get_exporting  (DdStatisticsPage *self);
void                     dd_statistics_page_print          (DdStatisticsPage *self,
                                                            const char       *export_path);

G_END_DECLS
