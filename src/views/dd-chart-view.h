/* dd-chart-view.h: a widget that draws a DdChart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dd-chart.h"

G_BEGIN_DECLS

#define DD_TYPE_CHART_VIEW (dd_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (DdChartView, dd_chart_view, DD, CHART_VIEW, GtkWidget)

GtkWidget *dd_chart_view_new       (void);
DdChart   *dd_chart_view_get_chart (DdChartView *self);
void       dd_chart_view_set_chart (DdChartView *self,
                                    DdChart     *chart);
gboolean   dd_chart_view_activate_at (DdChartView *self,
                                      double       x,
                                      double       y);

G_END_DECLS
