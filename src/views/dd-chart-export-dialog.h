/* dd-chart-export-dialog.h: one chart to a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-analytics.h"
#include "dd-report-charts.h"

G_BEGIN_DECLS

#define DD_TYPE_CHART_EXPORT_DIALOG (dd_chart_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DdChartExportDialog, dd_chart_export_dialog, DD, CHART_EXPORT_DIALOG, AdwWindow)

GtkWidget *dd_chart_export_dialog_new   (GtkWindow           *parent,
                                         DdReportChart        kind,
                                         DdAnalytics         *analytics);
void       dd_chart_export_dialog_write (DdChartExportDialog *self,
                                         const char          *path);
gboolean   dd_chart_export_dialog_get_busy (DdChartExportDialog *self);

G_END_DECLS
