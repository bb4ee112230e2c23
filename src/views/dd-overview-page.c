/* dd-overview-page.c: the figures an office reports, for one year
 *
 * Every number comes from DdYearStats, computed in a worker thread over a
 * read-only connection; a burst of writes recomputes once (debounced).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-overview-page"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-figure-card.h"
#include "dd-overview-page.h"
#include "dd-stats.h"
#include "dd-years.h"

/* Long enough to fold a batch of writes into one recount, short enough to feel live. */
#define REFRESH_DELAY_MS 300

struct _DdOverviewPage
{
  AdwBin         parent_instance;

  DdContext     *context;
  DdStore       *store;
  GCancellable  *cancellable;
  guint          refresh_id;
  int            year;
  gboolean       busy;
  gboolean       filling_years;

  GtkStack      *stack;
  GtkDropDown   *year_dropdown;
  GtkStringList *years_model;
  GtkWidget     *no_data_box;
  GtkLabel      *no_data_label;
  GtkLabel      *error_label;
  DdFigureCard  *deputies_card;
  DdFigureCard  *stations_card;
  DdFigureCard  *receptions_card;
  DdFigureCard  *suggestions_card;
  DdFigureCard  *replies_card;
  DdFigureCard  *satisfaction_card;
};

G_DEFINE_FINAL_TYPE (DdOverviewPage, dd_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_YEAR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void recompute (DdOverviewPage *self);

/* Helpers */

static char *
format_count (gint64 n)
{
  /* The ' flag groups thousands as the locale does. */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static char *
format_share (gint64 n,
              gint64 total)
{
  g_autofree char *count = format_count (n);

  if (total <= 0)
    return g_steal_pointer (&count);
  /* Translators: a count and its share of the total, e.g. "412 (63%)" */
  return g_strdup_printf (_("%s (%.0f%%)"), count, 100.0 * n / total);
}

static gint64
sum (const gint64 *counts,
     guint         first,
     guint         last)
{
  gint64 total = 0;

  for (guint i = first; i <= last; i++)
    total += counts[i];
  return total;
}

static void
set_busy (DdOverviewPage *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_card (DdFigureCard *card,
           gboolean      visible)
{
  /* The flow box lays out its own children, the cards' parents. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (card)), visible);
}

static void
set_code_details (DdFigureCard       *card,
                  const char * const *codes,
                  const gint64       *counts,
                  gint64              total,
                  gboolean            with_share)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_ptr_array_add (labels, (gpointer) dd_code_label (codes, codes[i]));
      g_ptr_array_add (values, with_share ? format_share (counts[i], total)
                                          : format_count (counts[i]));
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (values, NULL);
  dd_figure_card_set_details (card, (const char * const *) labels->pdata,
                              (const char * const *) values->pdata);
}

static void
show_stats (DdOverviewPage    *self,
            const DdYearStats *stats)
{
  const gint64 *states = stats->suggestions_by_state;
  gint64 replies = sum (stats->replies_by_class, 0, DD_N_CLASSES - 1);
  gint64 evaluated = sum (stats->evaluations_by_verdict, 0, DD_N_VERDICTS - 1);
  double rate = dd_year_stats_satisfaction_rate (stats);
  gboolean year_has_data = stats->suggestions_total > 0 || stats->receptions > 0 ||
                           stats->activities > 0;
  gboolean anything = year_has_data || stats->deputies_total > 0 || stats->stations_total > 0;
  g_autofree char *text = NULL;
  g_autofree char *caption = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, anything ? "figures" : "empty");

  /* Deputies and stations as they stand now */
  text = format_count (stats->deputies_total);
  dd_figure_card_set_value (self->deputies_card, text);
  dd_figure_card_set_caption (self->deputies_card,
                              ngettext ("active deputy at all levels",
                                           "active deputies at all levels",
                                           stats->deputies_total));
  set_code_details (self->deputies_card, dd_deputy_levels, stats->deputies_by_level,
                    stats->deputies_total, FALSE);
  g_clear_pointer (&text, g_free);

  text = format_count (stats->stations_total);
  dd_figure_card_set_value (self->stations_card, text);
  dd_figure_card_set_caption (self->stations_card,
                              ngettext ("station in use", "stations in use",
                                           stats->stations_total));
  set_code_details (self->stations_card, dd_station_kinds, stats->stations_by_kind,
                    stats->stations_total, FALSE);
  g_clear_pointer (&text, g_free);

  /* The year's own figures */
  show_card (self->receptions_card, year_has_data);
  show_card (self->suggestions_card, year_has_data);
  show_card (self->replies_card, year_has_data);
  show_card (self->satisfaction_card, year_has_data);
  gtk_widget_set_visible (self->no_data_box, !year_has_data);
  if (!year_has_data)
    {
      /* Translators: %d is a year */
      text = g_strdup_printf (_("Nothing was recorded in %d: no suggestions were registered, "
                                "and no receptions or activities were held."), stats->year);
      gtk_label_set_label (self->no_data_label, text);
      return;
    }

  text = format_count (stats->receptions);
  dd_figure_card_set_value (self->receptions_card, text);
  /* Translators: %d is a year */
  caption = g_strdup_printf (ngettext ("reception held in %d", "receptions held in %d",
                                          stats->receptions), stats->year);
  dd_figure_card_set_caption (self->receptions_card, caption);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&caption, g_free);
  {
    g_autofree char *voters = format_count (stats->voters_received);
    g_autofree char *receiving = format_count (stats->deputies_receiving_voters);
    const char *labels[] = { _("Voters received"), _("Deputies who received voters"), NULL };
    const char *values[] = { voters, receiving, NULL };

    dd_figure_card_set_details (self->receptions_card, labels, values);
  }

  text = format_count (stats->suggestions_total);
  dd_figure_card_set_value (self->suggestions_card, text);
  /* Translators: %d is a year */
  caption = g_strdup_printf (ngettext ("suggestion registered in %d",
                                          "suggestions registered in %d",
                                          stats->suggestions_total), stats->year);
  dd_figure_card_set_caption (self->suggestions_card, caption);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&caption, g_free);
  {
    /* dd_suggestion_states: registered … evaluated are open; closed; then the
     * three ways out without handling. */
    g_autofree char *deputy = format_count (stats->suggestions_by_kind[0]);
    g_autofree char *voter = format_count (stats->suggestions_by_kind[1]);
    g_autofree char *open = format_count (sum (states, 0, 5));
    g_autofree char *closed = format_count (states[6]);
    g_autofree char *overdue = format_count (stats->overdue);
    g_autofree char *other = format_count (sum (states, 7, 9));
    const char *labels[] = {
      dd_code_label (dd_suggestion_kinds, dd_suggestion_kinds[0]),
      dd_code_label (dd_suggestion_kinds, dd_suggestion_kinds[1]),
      _("Open"),
      _("Closed"),
      _("Overdue"),
      _("Rejected, merged or transferred out"),
      NULL
    };
    const char *values[] = { deputy, voter, open, closed, overdue, other, NULL };

    dd_figure_card_set_details (self->suggestions_card, labels, values);
  }

  text = format_count (replies);
  dd_figure_card_set_value (self->replies_card, text);
  dd_figure_card_set_caption (self->replies_card,
                              ngettext ("suggestion replied to",
                                           "suggestions replied to", replies));
  set_code_details (self->replies_card, dd_reply_classes, stats->replies_by_class, replies, TRUE);
  g_clear_pointer (&text, g_free);

  if (rate < 0)
    {
      dd_figure_card_set_value (self->satisfaction_card, "–");
      dd_figure_card_set_caption (self->satisfaction_card, _("nothing evaluated yet"));
    }
  else
    {
      /* Translators: a percentage, e.g. "93.5%" */
      text = g_strdup_printf (_("%.1f%%"), rate * 100);
      dd_figure_card_set_value (self->satisfaction_card, text);
      caption = format_count (evaluated);
      g_clear_pointer (&text, g_free);
      /* Translators: %s is a number of evaluations */
      text = g_strdup_printf (ngettext ("satisfied or basically satisfied, of %s evaluation",
                                           "satisfied or basically satisfied, of %s evaluations",
                                           evaluated), caption);
      dd_figure_card_set_caption (self->satisfaction_card, text);
    }
  set_code_details (self->satisfaction_card, dd_verdicts, stats->evaluations_by_verdict,
                    evaluated, TRUE);
}

static void
fill_years (DdOverviewPage *self)
{
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  gboolean found = FALSE;

  years = dd_years_with_data (self->store, &error);
  if (years == NULL)
    {
      g_warning ("Could not list the years: %s", error->message);
      years = g_array_new (FALSE, FALSE, sizeof (int));
    }
  for (guint i = 0; i < years->len; i++)
    found |= g_array_index (years, int, i) == self->year;
  if (!found)
    {
      /* The year asked for stays choosable even with nothing in it. */
      guint at = 0;

      while (at < years->len && g_array_index (years, int, at) > self->year)
        at++;
      g_array_insert_val (years, at, self->year);
    }

  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);

      g_ptr_array_add (items, g_strdup_printf ("%d", year));
      if (year == self->year)
        selected = i;
    }
  g_ptr_array_add (items, NULL);

  self->filling_years = TRUE;
  gtk_string_list_splice (self->years_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->years_model)),
                          (const char * const *) items->pdata);
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->filling_years = FALSE;
}

/* Callbacks */

static void
on_stats_computed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree DdYearStats *stats = dd_year_stats_compute_finish (result, &error);
  DdOverviewPage *self;

  /* A cancelled computation may outlive the page: touch nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DD_OVERVIEW_PAGE (user_data);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (stats == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The figures could not be computed: %s"),
                                               error->message);

      gtk_label_set_label (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  show_stats (self, stats);
}

static gboolean
on_refresh_timeout_cb (gpointer user_data)
{
  DdOverviewPage *self = user_data;

  self->refresh_id = 0;
  fill_years (self);
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (DdStore        *store,
                     const char     *table,
                     GArray         *ids,
                     DdOverviewPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, on_refresh_timeout_cb, self);
}

static void
on_year_selected_cb (DdOverviewPage *self)
{
  GtkStringObject *item;

  if (self->filling_years)
    return;
  item = gtk_drop_down_get_selected_item (self->year_dropdown);
  if (item != NULL)
    dd_overview_page_set_year (self, atoi (gtk_string_object_get_string (item)));
}

static void
on_context_store_cb (DdOverviewPage *self)
{
  DdStore *store = self->context != NULL ? dd_context_get_store (self->context) : NULL;

  if (self->store == store)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  set_busy (self, FALSE);

  if (store == NULL)
    return;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  self->year = dd_store_latest_year (store);
  fill_years (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

static void
recompute (DdOverviewPage *self)
{
  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  dd_year_stats_compute_async (self->store, self->year, self->cancellable,
                               on_stats_computed_cb, self);
}

static void
set_context (DdOverviewPage *self,
             DdContext      *context)
{
  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "notify::store",
                             G_CALLBACK (on_context_store_cb), self, G_CONNECT_SWAPPED);
  on_context_store_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* GObject */

static void
dd_overview_page_dispose (GObject *object)
{
  DdOverviewPage *self = DD_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Before the template lets go of it: AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (dd_overview_page_parent_class)->dispose (object);
}

static void
dd_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DdOverviewPage *self = DD_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DdOverviewPage *self = DD_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      dd_overview_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_overview_page_class_init (DdOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_overview_page_dispose;
  object_class->get_property = dd_overview_page_get_property;
  object_class->set_property = dd_overview_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DD_TYPE_FIGURE_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, years_model);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, no_data_box);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, no_data_label);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, deputies_card);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, stations_card);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, receptions_card);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, suggestions_card);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, replies_card);
  gtk_widget_class_bind_template_child (widget_class, DdOverviewPage, satisfaction_card);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);
}

static void
dd_overview_page_init (DdOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
dd_overview_page_new (DdContext *context)
{
  return g_object_new (DD_TYPE_OVERVIEW_PAGE, "context", context, NULL);
}

int
dd_overview_page_get_year (DdOverviewPage *self)
{
  g_return_val_if_fail (DD_IS_OVERVIEW_PAGE (self), 0);
  return self->year;
}

/**
 * dd_overview_page_set_year:
 * Shows the figures of @year, computing them in the background.
 */
void
dd_overview_page_set_year (DdOverviewPage *self,
                           int             year)
{
  g_return_if_fail (DD_IS_OVERVIEW_PAGE (self));

  if (self->year == year)
    return;
  self->year = year;
  if (self->store != NULL)
    {
      fill_years (self);
      recompute (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * dd_overview_page_get_busy:
 * Returns: whether figures are being computed
 */
gboolean
dd_overview_page_get_busy (DdOverviewPage *self)
{
  g_return_val_if_fail (DD_IS_OVERVIEW_PAGE (self), FALSE);
  return self->busy;
}
