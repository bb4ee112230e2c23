/* dd-deck.h: the slide deck of a period's statistics
 *
 * A DdDeck is a fixed list of slides built from one DdAnalytics (and the
 * year's summary, if any): drawn one by one in the presentation mode, or
 * written as one multi-page PDF. Slides show aggregates and the names of
 * units and stations only: never a phone number, an address or a voter's
 * name.
 *
 * Slides, in order:
 *   DD_DECK_SLIDE_TITLE         the office's name, the period, the date made
 *   DD_DECK_SLIDE_KEY_FIGURES   key-figure tiles (DD_REPORT_CHART_KEY_FIGURES)
 *   DD_DECK_SLIDE_SUMMARY       the year's paragraph (dd_year_summary_paragraph);
 *                               only when a summary was given
 *   DD_DECK_SLIDE_SATISFACTION  satisfaction donut
 *   DD_DECK_SLIDE_UNITS         the units' ranking (top DD_DECK_UNITS_TOP)
 *   DD_DECK_SLIDE_CLASSES       A/B/C donut
 *   DD_DECK_SLIDE_MONTHLY       intake vs closed per month
 *   DD_DECK_SLIDE_STATIONS      receptions and voters received per station
 *
 * Sizes scale from the slide's height: the text stays legible from the
 * back of a room at 1024×768 as at 1920×1080.
 *
 * A deck is immutable once built; it may be drawn from one thread at a
 * time (the async PDF writer draws it in a worker: do not draw it
 * elsewhere until the write finishes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dd-analytics.h"
#include "dd-chart.h"
#include "dd-chart-palette.h"
#include "dd-year-summary.h"

G_BEGIN_DECLS

typedef enum
{
  DD_DECK_SLIDE_TITLE,
  DD_DECK_SLIDE_KEY_FIGURES,
  DD_DECK_SLIDE_SUMMARY,
  DD_DECK_SLIDE_SATISFACTION,
  DD_DECK_SLIDE_UNITS,
  DD_DECK_SLIDE_CLASSES,
  DD_DECK_SLIDE_MONTHLY,
  DD_DECK_SLIDE_STATIONS,
} DdDeckSlide;

/* Rows of the units' ranking on its slide. */
#define DD_DECK_UNITS_TOP 8

/* The PDF's page size in points (16:9). */
#define DD_DECK_PDF_WIDTH  960.0
#define DD_DECK_PDF_HEIGHT 540.0

#define DD_TYPE_DECK (dd_deck_get_type ())
G_DECLARE_FINAL_TYPE (DdDeck, dd_deck, DD, DECK, GObject)

/* @summary (nullable): the year's summary, copied; NULL: no summary slide.
 * @office_name (nullable): the title slide's heading (NULL or "": the
 * translated "Deputy Desk"). Keeps a reference on @analytics. */
DdDeck      *dd_deck_new             (DdAnalytics          *analytics,
                                      const DdYearSummary  *summary,
                                      const char           *office_name);

guint        dd_deck_get_n_slides    (DdDeck               *deck);
DdDeckSlide  dd_deck_get_slide_kind  (DdDeck               *deck,
                                      guint                 index);
/* (transfer none): the translated title of slide @index ("Satisfaction"). */
const char  *dd_deck_get_slide_title (DdDeck               *deck,
                                      guint                 index);
/* (transfer none) (nullable): the chart a slide shows (for tooltips in the
 * presentation mode; coordinates as given to dd_deck_draw_slide()), or NULL
 * for the title slide. */
DdChart     *dd_deck_get_slide_chart (DdDeck               *deck,
                                      guint                 index);

/* Paints slide @index over (0, 0, @width, @height) of @cr, background
 * included. @palette NULL: light. Errors are left in @cr's status. */
void         dd_deck_draw_slide      (DdDeck               *deck,
                                      guint                 index,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      const DdChartPalette *palette);

/* Called after each page written: @done of @total slides. */
typedef void (*DdDeckProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/* Writes every slide as one page of a PDF (DD_DECK_PDF_WIDTH ×
 * DD_DECK_PDF_HEIGHT points) to a temporary file beside @path, renamed to
 * @path once complete: on failure or cancellation an earlier file at @path
 * is left as it was and no partial file remains. Errors: G_IO_ERROR_CANCELLED,
 * DD_CHARTS_ERROR_IO (a message naming @path) or DD_CHARTS_ERROR_FAILED. */
gboolean     dd_deck_write_pdf       (DdDeck               *deck,
                                      const char           *path,
                                      const DdChartPalette *palette,
                                      GCancellable         *cancellable,
                                      DdDeckProgressFunc    progress,
                                      gpointer              progress_data,
                                      GError              **error);
/* The same in a worker thread (GTask); @palette is copied. The deck must
 * not be drawn elsewhere until @callback runs. */
void         dd_deck_write_pdf_async (DdDeck               *deck,
                                      const char           *path,
                                      const DdChartPalette *palette,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean     dd_deck_write_pdf_finish (DdDeck              *deck,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
