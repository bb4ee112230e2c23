/* dd-charts-error.h: the error domain of the chart and placard renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DD_CHARTS_ERROR (dd_charts_error_quark ())

typedef enum
{
  DD_CHARTS_ERROR_QR,        /* the payload cannot be encoded (empty, not UTF-8, too long) */
  DD_CHARTS_ERROR_IO,        /* the output file could not be written; the message names it */
  DD_CHARTS_ERROR_INVALID,   /* a bad argument: nothing to draw, an unsupported layout */
  DD_CHARTS_ERROR_FAILED,    /* Cairo reported an error while drawing */
} DdChartsError;

GQuark dd_charts_error_quark (void);

G_END_DECLS
