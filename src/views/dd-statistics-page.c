/* dd-statistics-page.c: the charts of handling and satisfaction (统计分析)
 *
 * The filters make a DdAnalyticsFilter; every change (and, after a burst
 * of writes, the store's ::changed) cancels the computation under way and
 * starts another in a worker thread (dd_analytics_compute_async). The
 * charts are built from the result by the report bridge
 * (dd-report-charts.h), the same ones the slides and the command line use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-statistics-page"

#include <stdio.h>
#include <glib/gi18n.h>

#include "dd-chart-export-dialog.h"
#include "dd-chart-view.h"
#include "dd-codes.h"
#include "dd-export-dialog.h"
#include "dd-presentation-window.h"
#include "dd-settings.h"
#include "dd-station-list.h"
#include "dd-statistics-page.h"
#include "dd-unit.h"
#include "dd-unit-list.h"
#include "dd-year-summary.h"
#include "dd-years.h"

/* Long enough to fold a batch of writes into one recount, short enough to feel live. */
#define REFRESH_DELAY_MS 300

/* Where each chart goes: the key figures on top, the two donuts stacked
 * beside the units' ranking, then the grid of the others. */
typedef enum
{
  PLACE_FIGURES,
  PLACE_UPPER,
  PLACE_UNITS,
  PLACE_LOWER,
} Place;

struct _DdStatisticsPage
{
  AdwBin              parent_instance;

  DdContext          *context;
  DdStore            *store;
  GCancellable       *cancellable;
  GCancellable       *summary_cancellable;
  GCancellable       *export_cancellable;
  guint               refresh_id;
  gboolean            busy;
  gboolean            exporting;
  gboolean            quiet;           /* filter widgets changed by code */
  gboolean            typing;          /* a date half typed is no error yet */
  gboolean            present_pending; /* F5 before the first figures */
  int                 year;            /* chosen in the period menu; 0: a period of one's own */
  GArray             *years;           /* int, newest first, as in the period menu */
  GArray             *unit_ids;        /* gint64 per position of the unit menu; [0] = all */
  GStrv               districts;       /* per position - 1 of the district menu */
  DdAnalyticsFilter  *filter;          /* the one last asked for */
  DdAnalytics        *analytics;       /* the one on show */
  DdYearSummary      *summary;         /* the year's, or NULL */
  char               *summary_text;
  DdChartView        *views[DD_REPORT_N_CHARTS];
  GtkFileChooserNative *chooser;
  DdDeck             *export_deck;     /* drawn by the worker writing it */

  GtkSpinner         *spinner;
  GtkWidget          *board_button;
  GtkDropDown        *period_dropdown;
  GtkStringList      *period_model;
  GtkDropDown        *district_dropdown;
  GtkStringList      *district_model;
  GtkDropDown        *unit_dropdown;
  GtkStringList      *unit_model;
  GtkDropDown        *category_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkRevealer        *range_revealer;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkLabel           *error_label;
  GtkWidget          *figures_box;
  GtkWidget          *summary_card;
  GtkLabel           *summary_title;
  GtkLabel           *summary_label;
  GtkWidget          *upper_box;
  GtkWidget          *units_box;
  GtkFlowBox         *lower_charts_box;
};

G_DEFINE_FINAL_TYPE (DdStatisticsPage, dd_statistics_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

enum {
  ADD_TOAST,
  UNIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void recompute (DdStatisticsPage *self);

/* Helpers */

static Place
chart_place (DdReportChart kind)
{
  switch (kind)
    {
    case DD_REPORT_CHART_KEY_FIGURES:
      return PLACE_FIGURES;
    case DD_REPORT_CHART_SATISFACTION:
    case DD_REPORT_CHART_CLASSES:
      return PLACE_UPPER;
    case DD_REPORT_CHART_UNITS:
      return PLACE_UNITS;
    case DD_REPORT_CHART_CATEGORIES:
    case DD_REPORT_CHART_MONTHLY:
    case DD_REPORT_CHART_STATIONS:
    default:
      return PLACE_LOWER;
    }
}

static void
toast (DdStatisticsPage *self,
       const char       *text)
{
  g_autoptr(AdwToast) message = adw_toast_new (text);

  g_signal_emit (self, signals[ADD_TOAST], 0, message);
}

static GtkWindow *
parent_window (DdStatisticsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_spinner (DdStatisticsPage *self)
{
  gboolean spinning = self->busy || self->exporting;

  gtk_spinner_set_spinning (self->spinner, spinning);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), spinning);
}

static void
set_busy (DdStatisticsPage *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_spinner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (DdStatisticsPage *self)
{
  gboolean ready = self->analytics != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.export-chart", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.export-deck", ready && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.copy-summary", self->summary_text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.present", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.show-on-board",
                                 self->filter != NULL && self->filter->unit_id != 0);
  /* Only there when a unit is chosen. */
  gtk_widget_set_visible (self->board_button, self->filter != NULL && self->filter->unit_id != 0);
}

static void
show_error (DdStatisticsPage *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* "2024-06-30" → TRUE and @date set; the text as typed, no locale involved. */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d;
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* A bound of the period of one's own: NULL for an empty entry; FALSE and a
 * message naming the field for a day that is not one. */
static gboolean
read_bound (DdStatisticsPage  *self,
            GtkEntry          *entry,
            gboolean           last_day,
            const char        *field,
            char             **bound)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GDate date;

  *bound = NULL;
  if (text[0] == '\0')
    return TRUE;
  if (!parse_day (text, &date))
    {
      if (self->typing)
        return FALSE;
      {
      /* Translators: %s is the field ("From", "To"), %s the text typed */
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a date; write it as YYYY-MM-DD, e.g. 2024-06-30."),
                                                  field, text);

      show_error (self, message);
      }
      return FALSE;
    }
  /* The filter's upper bound is the day after the last one. */
  if (last_day)
    g_date_add_days (&date, 1);
  *bound = format_day (&date);
  return TRUE;
}

static const char *
chosen_code (GtkDropDown        *dropdown,
             const char * const *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) codes))
    return NULL;
  return codes[selected - 1];
}

/* The filter the widgets show, or NULL (and a message) if a date is wrong. */
static DdAnalyticsFilter *
read_filter (DdStatisticsPage *self)
{
  g_autoptr(DdAnalyticsFilter) filter = NULL;
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  guint district = gtk_drop_down_get_selected (self->district_dropdown);
  guint unit = gtk_drop_down_get_selected (self->unit_dropdown);
  gboolean custom = self->years == NULL || period >= self->years->len;

  gtk_widget_set_visible (GTK_WIDGET (self->range_revealer), custom);
  gtk_revealer_set_reveal_child (self->range_revealer, custom);
  if (!custom)
    {
      self->year = g_array_index (self->years, int, period);
      filter = dd_analytics_filter_new_year (self->year);
    }
  else
    {
      self->year = 0;
      filter = dd_analytics_filter_new ();
      if (!read_bound (self, self->from_entry, FALSE, _("From"), &filter->from) ||
          !read_bound (self, self->to_entry, TRUE, _("To"), &filter->to))
        return NULL;
    }

  if (self->districts != NULL && district != GTK_INVALID_LIST_POSITION && district > 0 &&
      district <= g_strv_length (self->districts))
    filter->district = g_strdup (self->districts[district - 1]);
  if (self->unit_ids != NULL && unit != GTK_INVALID_LIST_POSITION && unit < self->unit_ids->len)
    filter->unit_id = g_array_index (self->unit_ids, gint64, unit);
  filter->category = g_strdup (chosen_code (self->category_dropdown, dd_suggestion_categories));
  filter->kind = g_strdup (chosen_code (self->kind_dropdown, dd_suggestion_kinds));
  return g_steal_pointer (&filter);
}

static void
fill_codes (GtkDropDown        *dropdown,
            const char         *all,
            const char * const *codes)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, all);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (choices, dd_code_label (codes, codes[i]));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
}

static void
replace_strings (GtkStringList *list,
                 GPtrArray     *items)
{
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) items->pdata);
}

/* The period menu: the years with records, newest first, then "a period of
 * one's own"; the year chosen stays chosen. */
static void
fill_years (DdStatisticsPage *self)
{
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  gboolean found = FALSE;

  years = self->store != NULL ? dd_years_with_data (self->store, &error) : NULL;
  if (years == NULL)
    {
      if (error != NULL)
        g_warning ("Could not list the years: %s", error->message);
      years = g_array_new (FALSE, FALSE, sizeof (int));
    }
  for (guint i = 0; i < years->len; i++)
    found |= g_array_index (years, int, i) == self->year;
  if (!found && self->year > 0)
    {
      guint at = 0;

      while (at < years->len && g_array_index (years, int, at) > self->year)
        at++;
      g_array_insert_val (years, at, self->year);
    }

  for (guint i = 0; i < years->len; i++)
    {
      g_ptr_array_add (items, g_strdup_printf ("%d", g_array_index (years, int, i)));
      if (g_array_index (years, int, i) == self->year)
        selected = i;
    }
  g_ptr_array_add (items, g_strdup (_("Period of Your Own…")));
  if (self->year == 0 && self->years != NULL)
    selected = years->len;

  g_clear_pointer (&self->years, g_array_unref);
  self->years = g_steal_pointer (&years);
  self->quiet = TRUE;
  replace_strings (self->period_model, g_steal_pointer (&items));
  gtk_drop_down_set_selected (self->period_dropdown, selected);
  self->quiet = FALSE;
}

static void
fill_districts (DdStatisticsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *kept = NULL;
  guint selected = gtk_drop_down_get_selected (self->district_dropdown);
  guint chosen = 0;

  if (self->districts != NULL && selected > 0 && selected != GTK_INVALID_LIST_POSITION &&
      selected <= g_strv_length (self->districts))
    kept = g_strdup (self->districts[selected - 1]);
  g_clear_pointer (&self->districts, g_strfreev);
  if (self->store != NULL)
    self->districts = dd_station_list_dup_districts (self->store, &error);
  if (error != NULL)
    g_warning ("Could not list the districts: %s", error->message);

  g_ptr_array_add (items, g_strdup (_("All Districts")));
  for (guint i = 0; self->districts != NULL && self->districts[i] != NULL; i++)
    {
      g_ptr_array_add (items, g_strdup (self->districts[i]));
      if (g_strcmp0 (kept, self->districts[i]) == 0)
        chosen = i + 1;
    }
  self->quiet = TRUE;
  replace_strings (self->district_model, g_steal_pointer (&items));
  gtk_drop_down_set_selected (self->district_dropdown, chosen);
  self->quiet = FALSE;
}

static void
fill_units (DdStatisticsPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);
  gint64 kept = 0;
  gint64 none = 0;
  guint chosen = 0;

  if (self->unit_ids != NULL && selected != GTK_INVALID_LIST_POSITION && selected < self->unit_ids->len)
    kept = g_array_index (self->unit_ids, gint64, selected);
  g_array_append_val (ids, none);
  g_ptr_array_add (items, g_strdup (_("All Units")));
  if (self->store != NULL)
    {
      g_autoptr(DdUnitList) units = dd_unit_list_new (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (units)); i++)
        {
          g_autoptr(DdUnit) unit = g_list_model_get_item (G_LIST_MODEL (units), i);
          gint64 id;

          if (unit == NULL)
            continue;
          id = dd_entity_get_id (DD_ENTITY (unit));
          if (id == kept)
            chosen = ids->len;
          g_array_append_val (ids, id);
          g_ptr_array_add (items, g_strdup (dd_entity_get_string (DD_ENTITY (unit), "name")));
        }
    }
  g_clear_pointer (&self->unit_ids, g_array_unref);
  self->unit_ids = ids;
  self->quiet = TRUE;
  replace_strings (self->unit_model, g_steal_pointer (&items));
  gtk_drop_down_set_selected (self->unit_dropdown, chosen);
  self->quiet = FALSE;
}

static void
fill_filters (DdStatisticsPage *self)
{
  fill_years (self);
  fill_districts (self);
  fill_units (self);
}

static void
show_summary (DdStatisticsPage *self)
{
  g_autofree char *office = NULL;
  g_autofree char *title = NULL;

  g_clear_pointer (&self->summary_text, g_free);
  gtk_widget_set_visible (self->summary_card, self->summary != NULL);
  if (self->summary != NULL)
    {
      office = self->store != NULL ? dd_settings_dup (self->store, DD_SETTING_OFFICE_NAME) : NULL;
      self->summary_text = dd_year_summary_paragraph (self->summary, office);
      gtk_label_set_label (self->summary_label, self->summary_text);
      /* Translators: %d is a year */
      title = g_strdup_printf (_("The Year %d in One Paragraph"), self->summary->year);
      gtk_label_set_label (self->summary_title, title);
    }
  update_actions (self);
}

static void
on_summary_computed_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DdYearSummary *summary = dd_year_summary_compute_finish (result, &error);
  DdStatisticsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DD_STATISTICS_PAGE (user_data);
  g_clear_object (&self->summary_cancellable);
  if (summary == NULL)
    g_warning ("Could not compute the year's summary: %s", error->message);
  g_clear_pointer (&self->summary, g_free);
  self->summary = summary;
  show_summary (self);
}

/* The paragraph is the whole year's (no other filter): computed from the
 * figures on show when they are exactly that, else on its own. */
static void
update_summary (DdStatisticsPage *self)
{
  const DdAnalyticsFilter *filter = self->analytics->filter;
  int year = dd_analytics_filter_get_year (filter);

  g_cancellable_cancel (self->summary_cancellable);
  g_clear_object (&self->summary_cancellable);
  g_clear_pointer (&self->summary, g_free);

  if (year != 0 && filter->district == NULL && filter->unit_id == 0 &&
      filter->category == NULL && filter->kind == NULL)
    {
      self->summary = g_new0 (DdYearSummary, 1);
      dd_year_summary_from_analytics (self->summary, self->analytics);
    }
  else if (year != 0 && self->store != NULL)
    {
      self->summary_cancellable = g_cancellable_new ();
      dd_year_summary_compute_async (self->store, year, self->summary_cancellable,
                                     on_summary_computed_cb, self);
    }
  show_summary (self);
}

static void
show_analytics (DdStatisticsPage *self)
{
  guint n_kinds = 0;
  const DdReportChart *kinds = dd_report_chart_list (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(DdChart) chart = dd_report_chart_new (kinds[i], self->analytics);

      dd_chart_view_set_chart (self->views[kinds[i]], chart);
    }
  update_summary (self);
  update_actions (self);
}

static void
write_export_status (DdStatisticsPage *self,
                     gboolean          exporting)
{
  self->exporting = exporting;
  update_spinner (self);
  update_actions (self);
}

/* Callbacks */

static void
on_analytics_computed_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DdAnalytics *analytics = dd_analytics_compute_finish (result, &error);
  DdStatisticsPage *self;

  /* A cancelled computation may outlive the page: touch nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DD_STATISTICS_PAGE (user_data);
  g_clear_object (&self->cancellable);

  if (analytics == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The statistics could not be computed: %s"),
                                               error->message);

      show_error (self, text);
      set_busy (self, FALSE);
      return;
    }

  show_error (self, NULL);
  g_clear_pointer (&self->analytics, dd_analytics_unref);
  self->analytics = analytics;
  show_analytics (self);
  set_busy (self, FALSE);

  if (self->present_pending)
    {
      self->present_pending = FALSE;
      dd_statistics_page_present (self);
    }
}

static gboolean
on_refresh_timeout_cb (gpointer user_data)
{
  DdStatisticsPage *self = user_data;

  self->refresh_id = 0;
  fill_filters (self);
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (DdStore          *store,
                     const char       *table,
                     GArray           *ids,
                     DdStatisticsPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, on_refresh_timeout_cb, self);
}

static void
on_filter_changed_cb (DdStatisticsPage *self)
{
  if (!self->quiet)
    recompute (self);
}

/* While typing, each complete date recomputes; Enter says what is wrong. */
static void
on_range_changed_cb (DdStatisticsPage *self)
{
  if (self->quiet)
    return;
  self->typing = TRUE;
  recompute (self);
  self->typing = FALSE;
}

static void
on_range_activate_cb (DdStatisticsPage *self)
{
  recompute (self);
}

static void
on_item_activated_cb (DdChartView      *view,
                      int               series,
                      int               item,
                      gint64            id,
                      DdStatisticsPage *self)
{
  if (view != self->views[DD_REPORT_CHART_UNITS] || id <= 0)
    return;
  g_signal_emit (self, signals[UNIT_ACTIVATED], 0, id, self->year);
}

static void
on_chart_exported_cb (DdChartExportDialog *dialog,
                      const char          *path,
                      DdStatisticsPage    *self)
{
  g_autofree char *name = g_filename_display_basename (path);
  /* Translators: %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Chart saved as %s"), name);

  toast (self, text);
}

static void
on_context_store_cb (DdStatisticsPage *self)
{
  DdStore *store = self->context != NULL ? dd_context_get_store (self->context) : NULL;

  if (self->store == store)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->summary_cancellable);
  g_clear_object (&self->summary_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->analytics, dd_analytics_unref);
  g_clear_pointer (&self->summary, g_free);
  set_busy (self, FALSE);
  update_actions (self);

  if (store == NULL)
    return;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  self->year = dd_store_latest_year (store);
  /* Another database starts with no other filter. */
  self->quiet = TRUE;
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  self->quiet = FALSE;
  fill_filters (self);
  recompute (self);
}

static void
recompute (DdStatisticsPage *self)
{
  g_autoptr(DdAnalyticsFilter) filter = NULL;

  if (self->store == NULL)
    return;
  filter = read_filter (self);
  if (filter == NULL)
    {
      /* What was under way counted another period: its result would hide
       * the message. Half a date keeps what is on show as it is. */
      if (!self->typing)
        {
          g_cancellable_cancel (self->cancellable);
          g_clear_object (&self->cancellable);
          set_busy (self, FALSE);
        }
      return;
    }
  show_error (self, NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->filter, dd_analytics_filter_free);
  self->filter = g_steal_pointer (&filter);
  update_actions (self);
  set_busy (self, TRUE);
  dd_analytics_compute_async (self->store, self->filter, self->cancellable,
                              on_analytics_computed_cb, self);
}

static void
set_context (DdStatisticsPage *self,
             DdContext        *context)
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

static GtkWidget *
chart_card (DdStatisticsPage *self,
            DdReportChart     kind)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *view = dd_chart_view_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  const char *title = dd_report_chart_get_title (kind);
  /* Translators: %s is a chart's title */
  g_autofree char *label = g_strdup_printf (_("Export the Chart “%s”…"), title);

  gtk_widget_add_css_class (overlay, "card");
  gtk_widget_add_css_class (overlay, "stats-card");
  gtk_widget_set_overflow (overlay, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_name (view, dd_report_chart_get_name (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (kind == DD_REPORT_CHART_KEY_FIGURES)
    gtk_widget_set_size_request (view, -1, 230);
  else if (kind == DD_REPORT_CHART_UNITS)
    /* Beside the two donuts, as tall as both: the top of the ranking. */
    gtk_widget_set_vexpand (view, TRUE);
  else
    gtk_widget_set_size_request (view, -1, 400);
  g_signal_connect_object (view, "item-activated", G_CALLBACK (on_item_activated_cb), self, 0);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), view);
  self->views[kind] = DD_CHART_VIEW (view);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stats.export-chart");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", dd_report_chart_get_name (kind));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), button);
  return overlay;
}

/* Actions */

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dd_statistics_page_present (DD_STATISTICS_PAGE (widget));
}

/* The keyboard's way to what a click on a unit's bar does: the unit chosen
 * in the filter, on the board. */
static void
show_on_board_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (widget);

  if (self->filter != NULL && self->filter->unit_id != 0)
    g_signal_emit (self, signals[UNIT_ACTIVATED], 0, self->filter->unit_id, self->year);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (widget);
  DdReportChart kind;
  GtkWidget *dialog;

  if (self->analytics == NULL ||
      !dd_report_chart_from_name (g_variant_get_string (parameter, NULL), &kind))
    return;
  dialog = dd_chart_export_dialog_new (parent_window (self), kind, self->analytics);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_chart_exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  DdStatisticsPage *self;
  char             *path;
} DeckWrite;

static void
on_deck_written_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DeckWrite *write = user_data;
  DdStatisticsPage *self = write->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  if (!dd_deck_write_pdf_finish (DD_DECK (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is the reason */
          text = g_strdup_printf (_("The slides could not be saved: %s"), error->message);
          toast (self, text);
        }
    }
  else
    {
      name = g_filename_display_basename (write->path);
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Slides saved as %s"), name);
      toast (self, text);
    }
  g_clear_object (&self->export_deck);
  g_clear_object (&self->export_cancellable);
  write_export_status (self, FALSE);
  g_object_unref (write->self);
  g_free (write->path);
  g_free (write);
}

static void
on_deck_chooser_response_cb (GtkNativeDialog  *chooser,
                             int               response,
                             DdStatisticsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL)
    dd_statistics_page_export_deck (self, path);
}

static void
export_deck_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (widget);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->analytics == NULL || self->exporting)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Slides as PDF"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  if (self->year != 0)
    /* Translators: a file name; %d is a year */
    name = g_strdup_printf (_("statistics-%d.pdf"), self->year);
  else
    name = g_strdup (_("statistics.pdf"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_deck_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 DdDeck            *deck)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / DD_DECK_PDF_WIDTH, height / DD_DECK_PDF_HEIGHT);

  /* Each slide as large as the page allows, in the slides' own 16:9. */
  cairo_save (cr);
  cairo_translate (cr, (width - DD_DECK_PDF_WIDTH * scale) / 2,
                   (height - DD_DECK_PDF_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  dd_deck_draw_slide (deck, page, cr, DD_DECK_PDF_WIDTH, DD_DECK_PDF_HEIGHT,
                      dd_chart_palette_print ());
  cairo_restore (cr);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  DdStatisticsPage        *self)
{
  g_autoptr(GError) error = NULL;

  /* The reference taken when it started. */
  g_object_unref (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: %s is the reason */
      text = g_strdup_printf (_("The slides could not be printed: %s"),
                              error != NULL ? error->message : "");
      toast (self, text);
    }
}

/* The year's figures as a sheet (DD_EXPORT_STATS): a whole year only. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (widget);
  DdExportOptions options;

  if (self->context == NULL || dd_context_get_store (self->context) == NULL)
    return;
  if (self->year <= 0)
    {
      toast (self, _("The figures can be exported for a whole year: choose a year in the period menu."));
      return;
    }
  dd_export_options_init (&options);
  options.year = self->year;
  dd_export_dialog_present_for (GTK_WIDGET (self), self->context, DD_EXPORT_STATS, &options);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  dd_statistics_page_print (DD_STATISTICS_PAGE (widget), NULL);
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (widget);

  if (self->summary_text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->summary_text);
  toast (self, _("Paragraph copied"));
}

/* GObject */

static void
dd_statistics_page_dispose (GObject *object)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->summary_cancellable);
  g_clear_object (&self->summary_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->analytics, dd_analytics_unref);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_STATISTICS_PAGE);

  G_OBJECT_CLASS (dd_statistics_page_parent_class)->dispose (object);
}

static void
dd_statistics_page_finalize (GObject *object)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (object);

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->districts, g_strfreev);
  g_clear_pointer (&self->filter, dd_analytics_filter_free);
  g_clear_pointer (&self->summary, g_free);
  g_free (self->summary_text);

  G_OBJECT_CLASS (dd_statistics_page_parent_class)->finalize (object);
}

static void
dd_statistics_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_statistics_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DdStatisticsPage *self = DD_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_statistics_page_class_init (DdStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_statistics_page_dispose;
  object_class->finalize = dd_statistics_page_finalize;
  object_class->get_property = dd_statistics_page_get_property;
  object_class->set_property = dd_statistics_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * DdStatisticsPage::unit-activated:
   * @unit_id: the unit clicked in the units' chart
   * @year: the year on show, or 0 for a period of one's own
   */
  signals[UNIT_ACTIVATED] =
    g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);

  g_type_ensure (DD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, board_button);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, period_model);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, district_model);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, unit_model);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, range_revealer);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, summary_card);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, summary_title);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, upper_box);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, units_box);
  gtk_widget_class_bind_template_child (widget_class, DdStatisticsPage, lower_charts_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_activate_cb);

  gtk_widget_class_install_action (widget_class, "stats.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "stats.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "stats.export-deck", NULL, export_deck_action);
  gtk_widget_class_install_action (widget_class, "stats.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "stats.copy-summary", NULL, copy_summary_action);
  gtk_widget_class_install_action (widget_class, "stats.show-on-board", NULL, show_on_board_action);
}

static void
dd_statistics_page_init (DdStatisticsPage *self)
{
  guint n_kinds = 0;
  const DdReportChart *kinds;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->quiet = TRUE;
  fill_codes (self->category_dropdown, _("All Categories"), dd_suggestion_categories);
  fill_codes (self->kind_dropdown, _("All Kinds"), dd_suggestion_kinds);
  self->quiet = FALSE;

  kinds = dd_report_chart_list (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      GtkWidget *card = chart_card (self, kinds[i]);

      switch (chart_place (kinds[i]))
        {
        case PLACE_FIGURES:
          gtk_box_append (GTK_BOX (self->figures_box), card);
          break;
        case PLACE_UPPER:
          gtk_box_append (GTK_BOX (self->upper_box), card);
          break;
        case PLACE_UNITS:
          gtk_widget_set_vexpand (card, TRUE);
          gtk_box_append (GTK_BOX (self->units_box), card);
          break;
        case PLACE_LOWER:
        default:
          gtk_flow_box_append (self->lower_charts_box, card);
          break;
        }
    }
  /* The grids' cells take no focus of their own: Tab goes to the buttons. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lower_charts_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  gtk_widget_set_visible (self->summary_card, FALSE);
  update_spinner (self);
  update_actions (self);
}

/* Public API */

GtkWidget *
dd_statistics_page_new (DdContext *context)
{
  return g_object_new (DD_TYPE_STATISTICS_PAGE, "context", context, NULL);
}

gboolean
dd_statistics_page_get_busy (DdStatisticsPage *self)
{
  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), FALSE);
  return self->busy;
}

/**
 * dd_statistics_page_get_year:
 * Returns: the year chosen, or 0 for a period of one's own
 */
int
dd_statistics_page_get_year (DdStatisticsPage *self)
{
  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), 0);
  return self->year;
}

/**
 * dd_statistics_page_set_year:
 * Chooses @year in the period menu (added if it has no records) and
 * recomputes.
 */
void
dd_statistics_page_set_year (DdStatisticsPage *self,
                             int               year)
{
  g_return_if_fail (DD_IS_STATISTICS_PAGE (self));
  g_return_if_fail (year > 0);

  self->year = year;
  fill_years (self);
  recompute (self);
}

/**
 * dd_statistics_page_get_filter:
 * Returns: (transfer none) (nullable): the filter of the last computation
 *   asked for
 */
const DdAnalyticsFilter *
dd_statistics_page_get_filter (DdStatisticsPage *self)
{
  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), NULL);
  return self->filter;
}

/**
 * dd_statistics_page_get_analytics:
 * Returns: (transfer none) (nullable): the figures on show
 */
DdAnalytics *
dd_statistics_page_get_analytics (DdStatisticsPage *self)
{
  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), NULL);
  return self->analytics;
}

/**
 * dd_statistics_page_get_chart_view:
 * Returns: (transfer none): the view of the chart @kind
 */
DdChartView *
dd_statistics_page_get_chart_view (DdStatisticsPage *self,
                                   DdReportChart     kind)
{
  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) kind < DD_REPORT_N_CHARTS, NULL);
  return self->views[kind];
}

/**
 * dd_statistics_page_get_summary_text:
 * Returns: (transfer none) (nullable): the year's paragraph on show
 */
const char *
dd_statistics_page_get_summary_text (DdStatisticsPage *self)
{
  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), NULL);
  return self->summary_text;
}

/**
 * dd_statistics_page_new_deck:
 * Returns: (transfer full) (nullable): the slides of the figures on show,
 *   with the year's paragraph if there is one; NULL before the first figures
 */
DdDeck *
dd_statistics_page_new_deck (DdStatisticsPage *self)
{
  g_autofree char *office = NULL;

  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), NULL);

  if (self->analytics == NULL)
    return NULL;
  office = self->store != NULL ? dd_settings_dup (self->store, DD_SETTING_OFFICE_NAME) : NULL;
  return dd_deck_new (self->analytics, self->summary, office);
}

/**
 * dd_statistics_page_present:
 * Opens the slides of the figures on show full screen; while the first
 * figures are still computed, as soon as they are.
 *
 * Returns: (transfer none) (nullable): the presentation window, or NULL if
 *   it opens later
 */
GtkWindow *
dd_statistics_page_present (DdStatisticsPage *self)
{
  g_autoptr(DdDeck) deck = NULL;
  GtkWindow *window;

  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), NULL);

  deck = dd_statistics_page_new_deck (self);
  if (deck == NULL)
    {
      self->present_pending = self->store != NULL;
      return NULL;
    }
  window = dd_presentation_window_new (parent_window (self), deck);
  gtk_window_present (window);
  return window;
}

/**
 * dd_statistics_page_export_deck:
 * Writes the slides of the figures on show to @path as one PDF, in a
 * worker thread (what the file chooser's answer does); a toast says how
 * it went.
 */
void
dd_statistics_page_export_deck (DdStatisticsPage *self,
                                const char       *path)
{
  DeckWrite *write;

  g_return_if_fail (DD_IS_STATISTICS_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->analytics == NULL || self->exporting)
    return;
  /* A deck of its own: the worker draws it while the page goes on. */
  self->export_deck = dd_statistics_page_new_deck (self);
  self->export_cancellable = g_cancellable_new ();
  write_export_status (self, TRUE);
  write = g_new0 (DeckWrite, 1);
  write->self = g_object_ref (self);
  write->path = g_strdup (path);
  dd_deck_write_pdf_async (self->export_deck, path, dd_chart_palette_light (),
                           self->export_cancellable, on_deck_written_cb, write);
}

gboolean
dd_statistics_page_get_exporting (DdStatisticsPage *self)
{
  g_return_val_if_fail (DD_IS_STATISTICS_PAGE (self), FALSE);
  return self->exporting;
}

/**
 * dd_statistics_page_print:
 * @export_path: (nullable): %NULL to print through the print dialog; a
 *   file to write the printed pages to as a PDF instead, at once
 *
 * Prints the slides, one landscape page each, in the print palette.
 */
void
dd_statistics_page_print (DdStatisticsPage *self,
                          const char       *export_path)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  DdDeck *deck;

  g_return_if_fail (DD_IS_STATISTICS_PAGE (self));

  if (self->analytics == NULL)
    return;
  deck = dd_statistics_page_new_deck (self);
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, dd_deck_get_n_slides (deck));
  gtk_print_operation_set_job_name (operation, _("Statistics Slides"));
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  /* The operation keeps the deck until it is done, and is kept until "done". */
  g_object_set_data_full (G_OBJECT (operation), "dd-deck", deck, g_object_unref);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), deck);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  if (gtk_print_operation_run (operation,
                               export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                   : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent_window (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* Translators: %s is the reason */
      g_autofree char *text = g_strdup_printf (_("The slides could not be printed: %s"), error->message);

      toast (self, text);
    }
}
