/* dd-charts.h: the renderers of Deputy Desk, drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-chart.h"
#include "dd-chart-palette.h"
#include "dd-charts-error.h"
#include "dd-placard.h"
#include "dd-qr.h"

G_BEGIN_DECLS

void dd_charts_release_caches (void);

G_END_DECLS
