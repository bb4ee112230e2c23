/* dd-demo.h: a reproducible demo jurisdiction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

typedef enum
{
  DD_DEMO_SMALL,     /* a few hundred suggestions: screenshots, tests */
  DD_DEMO_DISTRICT,  /* about 10 000 suggestions */
  DD_DEMO_PROVINCE,  /* 1 000 000 suggestions, 50 000 deputies: benchmarks */
} DdDemoSize;

typedef void (*DdDemoProgress) (double   fraction,
                                gpointer user_data);

typedef struct
{
  DdDemoSize      size;
  guint32         seed;        /* same seed + anchor → byte-identical rows */
  const char     *anchor;      /* YYYY-MM-DD the data ends on; NULL = today */
  DdDemoProgress  progress;    /* nullable; called from the calling thread */
  gpointer        progress_data;
} DdDemoOptions;

gboolean dd_demo_size_from_string (const char           *text,
                                   DdDemoSize           *size);
gboolean dd_demo_generate         (DdStore              *store,
                                   const DdDemoOptions  *options,
                                   GError              **error);

G_END_DECLS
