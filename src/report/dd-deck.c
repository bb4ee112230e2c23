/* dd-deck.c: the slide deck of a period's statistics
 *
 * Every slide is a DdChart drawn over the whole slide: the renderers scale
 * their type from the rectangle, so the deck only chooses what each slide
 * shows and how much of it (eight units, six stations: what a room can
 * read), and sets them in slide mode (dd_chart_set_slide()): titles,
 * labels and captions sized from the slide's height. Only aggregates and
 * the names of units and stations reach a slide; DdAnalytics holds
 * nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-report"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "dd-charts-error.h"
#include "dd-deck.h"
#include "dd-report-charts.h"

/* Stations on their slide: six groups of two bars keep their labels and
 * values at slide size (DD_CHART_SLIDE_LABEL) at 1024×768. */
#define DECK_STATIONS_TOP 6

typedef struct
{
  DdDeckSlide  kind;
  char        *title;
  DdChart     *chart;
} Slide;

struct _DdDeck
{
  GObject       parent_instance;
  DdAnalytics  *analytics;
  char         *office_name;
  GArray       *slides;    /* of Slide */
};

G_DEFINE_FINAL_TYPE (DdDeck, dd_deck, G_TYPE_OBJECT)

static void
slide_clear (gpointer data)
{
  Slide *slide = data;

  g_free (slide->title);
  g_clear_pointer (&slide->chart, dd_chart_unref);
}

static void
dd_deck_finalize (GObject *object)
{
  DdDeck *deck = DD_DECK (object);

  g_clear_pointer (&deck->slides, g_array_unref);
  g_clear_pointer (&deck->analytics, dd_analytics_unref);
  g_free (deck->office_name);
  G_OBJECT_CLASS (dd_deck_parent_class)->finalize (object);
}

static void
dd_deck_class_init (DdDeckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dd_deck_finalize;
}

static void
dd_deck_init (DdDeck *deck)
{
  deck->slides = g_array_new (FALSE, TRUE, sizeof (Slide));
  g_array_set_clear_func (deck->slides, slide_clear);
}

/* Takes @chart. */
static void
add_slide (DdDeck      *deck,
           DdDeckSlide  kind,
           const char  *title,
           DdChart     *chart)
{
  Slide slide = { kind, g_strdup (title), chart };

  /* Type for the back of a meeting room, at any slide size. */
  dd_chart_set_slide (chart, TRUE);
  g_array_append_val (deck->slides, slide);
}

static void
add_chart_slide (DdDeck        *deck,
                 DdDeckSlide    kind,
                 DdReportChart  chart_kind,
                 guint          max_items)
{
  add_slide (deck, kind, dd_report_chart_get_title (chart_kind),
             dd_report_chart_new_limited (chart_kind, deck->analytics, max_items));
}

static DdChart *
title_chart_new (DdDeck *deck)
{
  g_autofree char *period = dd_analytics_filter_dup_period_label (deck->analytics->filter);
  g_autofree char *subtitle = NULL;
  g_autofree char *made = NULL;
  DdChart *chart;

  /* TRANSLATORS: the title slide's line under the office's name; %s is the
   * period, e.g. "2025" or "2025-01-01 – 2025-06-30" */
  subtitle = g_strdup_printf (_("Handling of deputies’ suggestions and voters’ opinions: %s"), period);
  /* TRANSLATORS: the title slide's date line; %s is a date YYYY-MM-DD */
  made = g_strdup_printf (_("Prepared on %s"), deck->analytics->today != NULL ? deck->analytics->today : "");

  chart = dd_chart_new_text (made);
  dd_chart_set_title (chart, deck->office_name);
  dd_chart_set_subtitle (chart, subtitle);
  return chart;
}

static DdChart *
summary_chart_new (const DdYearSummary *summary,
                   const char          *office_name,
                   char               **title)
{
  g_autofree char *paragraph = dd_year_summary_paragraph (summary, office_name);
  DdChart *chart = dd_chart_new_text (paragraph);

  if (summary->year > 0)
    /* TRANSLATORS: the title of the summary slide; %d is the year */
    *title = g_strdup_printf (_("The year %d in figures"), summary->year);
  else
    *title = g_strdup (_("The period in figures"));
  dd_chart_set_title (chart, *title);
  return chart;
}

/**
 * dd_deck_new:
 * @analytics: the figures of the period
 * @summary: (nullable): the year's summary, copied
 * @office_name: (nullable): the office's name
 *
 * Returns: (transfer full): the deck
 */
DdDeck *
dd_deck_new (DdAnalytics         *analytics,
             const DdYearSummary *summary,
             const char          *office_name)
{
  DdDeck *deck;

  g_return_val_if_fail (analytics != NULL, NULL);

  deck = g_object_new (DD_TYPE_DECK, NULL);
  deck->analytics = dd_analytics_ref (analytics);
  if (office_name != NULL && office_name[0] != '\0')
    deck->office_name = g_strdup (office_name);
  else
    deck->office_name = g_strdup (_("Deputy Desk"));

  add_slide (deck, DD_DECK_SLIDE_TITLE, deck->office_name, title_chart_new (deck));
  add_chart_slide (deck, DD_DECK_SLIDE_KEY_FIGURES, DD_REPORT_CHART_KEY_FIGURES, 0);
  if (summary != NULL)
    {
      g_autofree char *title = NULL;
      DdChart *chart = summary_chart_new (summary, office_name, &title);

      add_slide (deck, DD_DECK_SLIDE_SUMMARY, title, chart);
    }
  add_chart_slide (deck, DD_DECK_SLIDE_SATISFACTION, DD_REPORT_CHART_SATISFACTION, 0);
  add_chart_slide (deck, DD_DECK_SLIDE_UNITS, DD_REPORT_CHART_UNITS, DD_DECK_UNITS_TOP);
  add_chart_slide (deck, DD_DECK_SLIDE_CLASSES, DD_REPORT_CHART_CLASSES, 0);
  add_chart_slide (deck, DD_DECK_SLIDE_MONTHLY, DD_REPORT_CHART_MONTHLY, 0);
  add_chart_slide (deck, DD_DECK_SLIDE_STATIONS, DD_REPORT_CHART_STATIONS, DECK_STATIONS_TOP);
  return deck;
}

guint
dd_deck_get_n_slides (DdDeck *deck)
{
  g_return_val_if_fail (DD_IS_DECK (deck), 0);
  return deck->slides->len;
}

static Slide *
get_slide (DdDeck *deck,
           guint   index)
{
  return &g_array_index (deck->slides, Slide, index);
}

DdDeckSlide
dd_deck_get_slide_kind (DdDeck *deck,
                        guint   index)
{
  g_return_val_if_fail (DD_IS_DECK (deck), DD_DECK_SLIDE_TITLE);
  g_return_val_if_fail (index < deck->slides->len, DD_DECK_SLIDE_TITLE);
  return get_slide (deck, index)->kind;
}

const char *
dd_deck_get_slide_title (DdDeck *deck,
                         guint   index)
{
  g_return_val_if_fail (DD_IS_DECK (deck), NULL);
  g_return_val_if_fail (index < deck->slides->len, NULL);
  return get_slide (deck, index)->title;
}

DdChart *
dd_deck_get_slide_chart (DdDeck *deck,
                         guint   index)
{
  Slide *slide;

  g_return_val_if_fail (DD_IS_DECK (deck), NULL);
  g_return_val_if_fail (index < deck->slides->len, NULL);
  slide = get_slide (deck, index);
  return slide->kind == DD_DECK_SLIDE_TITLE ? NULL : slide->chart;
}

void
dd_deck_draw_slide (DdDeck               *deck,
                    guint                 index,
                    cairo_t              *cr,
                    double                width,
                    double                height,
                    const DdChartPalette *palette)
{
  g_return_if_fail (DD_IS_DECK (deck));
  g_return_if_fail (index < deck->slides->len);
  g_return_if_fail (cr != NULL);

  dd_chart_draw (get_slide (deck, index)->chart, cr, width, height, palette);
}

/* PDF */

typedef struct
{
  int fd;
  int error;   /* errno of the first failed write */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno != EINTR)
            sink->error = errno;
          continue;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO,
               _("Could not write “%s”: %s"), display, g_strerror (errsv));
}

/* Draws every page into @sink; FALSE with @error set on a Cairo failure
 * or cancellation (a write failure is left in @sink). */
static gboolean
render_pdf (DdDeck               *deck,
            Sink                 *sink,
            const DdChartPalette *palette,
            GCancellable         *cancellable,
            DdDeckProgressFunc    progress,
            gpointer              progress_data,
            GError              **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *title = NULL;
  g_autofree char *period = dd_analytics_filter_dup_period_label (deck->analytics->filter);
  gboolean cancelled = FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_cb, sink, DD_DECK_PDF_WIDTH, DD_DECK_PDF_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Deputy Desk");
  /* TRANSLATORS: the deck PDF's document title: the office's name and the period */
  title = g_strdup_printf (_("%s: %s"), deck->office_name, period);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);

  for (guint i = 0; i < deck->slides->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      dd_deck_draw_slide (deck, i, cr, DD_DECK_PDF_WIDTH, DD_DECK_PDF_HEIGHT, palette);
      cairo_show_page (cr);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        break;
      if (progress != NULL)
        progress (i + 1, deck->slides->len, progress_data);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled || g_cancellable_is_cancelled (cancellable))
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (status != CAIRO_STATUS_SUCCESS && sink->error == 0)
    {
      g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_FAILED,
                   _("Could not draw the slides: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * dd_deck_write_pdf:
 * @path: the file to write (replaced if it exists)
 * @palette: (nullable): %NULL for dd_chart_palette_light()
 * @progress: (nullable) (scope call): called after each page
 *
 * Returns: %FALSE with @error set; the file at @path is then as it was
 *   and no temporary file remains
 */
gboolean
dd_deck_write_pdf (DdDeck               *deck,
                   const char           *path,
                   const DdChartPalette *palette,
                   GCancellable         *cancellable,
                   DdDeckProgressFunc    progress,
                   gpointer              progress_data,
                   GError              **error)
{
  g_autofree char *tmp = NULL;
  Sink sink = { -1, 0 };
  gboolean ok;

  g_return_val_if_fail (DD_IS_DECK (deck), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  tmp = g_strdup_printf ("%s.XXXXXX", path);
  sink.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_io_error (error, path, errno);
      return FALSE;
    }

  ok = render_pdf (deck, &sink, palette, cancellable, progress, progress_data, error);
  if (ok && sink.error == 0 && fsync (sink.fd) != 0 && errno != EINVAL)
    sink.error = errno;
  if (close (sink.fd) != 0 && sink.error == 0 && ok)
    sink.error = errno;

  if (!ok || sink.error != 0)
    {
      g_unlink (tmp);
      if (ok)
        set_io_error (error, path, sink.error);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp);
      set_io_error (error, path, errsv);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char           *path;
  DdChartPalette  palette;
  gboolean        has_palette;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *w = data;

  g_free (w->path);
  g_free (w);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *w = task_data;
  GError *error = NULL;
  gboolean ok;

  ok = dd_deck_write_pdf (DD_DECK (source_object), w->path, w->has_palette ? &w->palette : NULL,
                          cancellable, NULL, NULL, &error);
  /* The font map Pango made for this pool thread would live as long as
   * the thread, holding Cairo's fonts: let it go with the write. */
  pango_cairo_font_map_set_default (NULL);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dd_deck_write_pdf_async (DdDeck               *deck,
                         const char           *path,
                         const DdChartPalette *palette,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *w;

  g_return_if_fail (DD_IS_DECK (deck));
  g_return_if_fail (path != NULL);

  w = g_new0 (WriteData, 1);
  w->path = g_strdup (path);
  if (palette != NULL)
    {
      w->palette = *palette;
      w->has_palette = TRUE;
    }
  task = g_task_new (deck, cancellable, callback, user_data);
  g_task_set_source_tag (task, dd_deck_write_pdf_async);
  g_task_set_task_data (task, w, write_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, write_thread);
}

gboolean
dd_deck_write_pdf_finish (DdDeck        *deck,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, deck), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
