/* dd-charts-error.c: the error domain of the chart and placard renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dd-charts-error.h"

G_DEFINE_QUARK (dd-charts-error-quark, dd_charts_error)
