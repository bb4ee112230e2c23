/* dd-placard.h: QR placards for stations and deputies ("一家一码 / 一人一码")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 portrait in PostScript points. */
#define DD_PLACARD_PAGE_WIDTH  595.276
#define DD_PLACARD_PAGE_HEIGHT 841.890

/**
 * DdPlacard:
 * @name: the station's or deputy's name, printed large
 * @kind_label: (nullable): e.g. "代表联络站" / "Liaison station"
 * @code: the stable code printed under the QR code, e.g. "S00042"
 * @payload: what the QR code holds (a URL, or the code itself)
 * @office: (nullable): the office issuing it, printed small at the top
 * @caption: (nullable): e.g. "扫码联系代表" / "Scan to contact the deputies"
 *
 * Every text is printed as given: the caller translates. Nothing is copied.
 */
typedef struct
{
  const char *name;
  const char *kind_label;
  const char *code;
  const char *payload;
  const char *office;
  const char *caption;
} DdPlacard;

gboolean dd_placard_draw         (cairo_t          *cr,
                                  double            width,
                                  double            height,
                                  const DdPlacard  *placard,
                                  GError          **error);

guint    dd_placards_page_count  (guint             n,
                                  guint             per_page);
gboolean dd_placards_draw_page   (cairo_t          *cr,
                                  double            width,
                                  double            height,
                                  const DdPlacard  *placards,
                                  guint             n,
                                  guint             per_page,
                                  guint             page,
                                  GError          **error);
gboolean dd_placards_write_pdf   (const char       *path,
                                  const DdPlacard  *placards,
                                  guint             n,
                                  guint             per_page,
                                  GError          **error);

G_END_DECLS
