/* dd-station-row.c
 *
 * The figures (deputies, receptions this year, checklist) are counted by the
 * model for the stations in view only; a row recounts when the store reports
 * a write to a table they come from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-station-row"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-station-row.h"

struct _DdStationRow
{
  GtkWidget     parent_instance;

  DdStore      *store;
  DdStation    *station;

  GtkLabel     *name_label;
  GtkLabel     *archived_badge;
  GtkLabel     *kind_badge;
  GtkLabel     *place_label;
  GtkLabel     *summary_label;
  GtkLabel     *compliance_label;
  GtkLevelBar  *compliance_bar;
};

G_DEFINE_FINAL_TYPE (DdStationRow, dd_station_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, C_("summary", " · "));
  g_string_append (text, part);
}

static void
update_figures (DdStationRow *self)
{
  DdStationFigures figures = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *deputies = NULL;
  g_autofree char *receptions = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *compliance = NULL;
  g_autofree char *description = NULL;
  int year;

  if (self->station == NULL || self->store == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      gtk_label_set_label (self->compliance_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->compliance_bar), FALSE);
      return;
    }

  today = dd_store_dup_today (self->store);
  year = (int) g_ascii_strtoll (today, NULL, 10);
  from = g_strdup_printf ("%04d-01-01", year);
  to = g_strdup_printf ("%04d-01-01", year + 1);
  if (!dd_station_compute_figures (self->station, self->store, from, to, &figures, &error))
    {
      /* A row is no place for an error dialog: say it in the row. */
      gtk_label_set_label (self->summary_label, error->message);
      gtk_label_set_label (self->compliance_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->compliance_bar), FALSE);
      return;
    }

  deputies = g_strdup_printf (ngettext ("%u deputy", "%u deputies", (gulong) figures.deputies),
                              (guint) figures.deputies);
  receptions = g_strdup_printf (ngettext ("%u reception this year", "%u receptions this year",
                                          (gulong) figures.receptions),
                                (guint) figures.receptions);
  summary = g_strconcat (deputies, C_("summary", " · "), receptions, NULL);
  gtk_label_set_label (self->summary_label, summary);

  /* Translators: checklist items met out of all, e.g. "6/8" */
  compliance = g_strdup_printf (_("%u/%u"), figures.checklist_done, figures.checklist_total);
  gtk_label_set_label (self->compliance_label, compliance);
  /* Translators: read out for the row's checklist figure, e.g. "6 of 8 standards met" */
  description = g_strdup_printf (ngettext ("%u of %u standard met", "%u of %u standards met",
                                           figures.checklist_total),
                                 figures.checklist_done, figures.checklist_total);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compliance_label), description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compliance_bar), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compliance_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->compliance_bar), figures.checklist_total > 0);
  gtk_level_bar_set_value (self->compliance_bar,
                           figures.checklist_total > 0
                             ? (double) figures.checklist_done / figures.checklist_total : 0.0);
}

static void
update_text (DdStationRow *self)
{
  DdEntity *entity = DD_ENTITY (self->station);
  g_autoptr(GString) place = g_string_new (NULL);

  if (self->station == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->kind_badge, "");
      gtk_label_set_label (self->place_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->archived_badge), FALSE);
      return;
    }

  gtk_label_set_label (self->name_label, dd_station_get_name (self->station));
  gtk_label_set_label (self->kind_badge,
                       dd_code_label (dd_station_kinds, dd_station_get_kind (self->station)));
  gtk_widget_set_visible (GTK_WIDGET (self->archived_badge),
                          dd_entity_get_bool (entity, "archived"));
  append_part (place, dd_entity_get_string (entity, "district"));
  append_part (place, dd_entity_get_string (entity, "township"));
  if (place->len == 0)
    append_part (place, dd_entity_get_string (entity, "address"));
  gtk_label_set_label (self->place_label, place->str);
  gtk_widget_set_visible (GTK_WIDGET (self->place_label), place->len > 0);
}

/* Callbacks */

static void
on_store_changed_cb (DdStore      *store,
                     const char   *table,
                     GArray       *ids,
                     DdStationRow *self)
{
  static const char * const tables[] = {
    "receptions", "station_deputies", "station_checklist", "checklist_items", NULL
  };

  if (self->station != NULL && g_strv_contains (tables, table))
    update_figures (self);
}

/* GObject */

static void
dd_station_row_dispose (GObject *object)
{
  DdStationRow *self = DD_STATION_ROW (object);
  GtkWidget *child;

  dd_station_row_set_station (self, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_STATION_ROW);
  /* A plain GtkWidget unparents its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dd_station_row_parent_class)->dispose (object);
}

static void
dd_station_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DdStationRow *self = DD_STATION_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STATION:
      g_value_set_object (value, self->station);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_station_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DdStationRow *self = DD_STATION_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
      break;
    case PROP_STATION:
      dd_station_row_set_station (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_station_row_class_init (DdStationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_station_row_dispose;
  object_class->get_property = dd_station_row_get_property;
  object_class->set_property = dd_station_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATION] =
    g_param_spec_object ("station", NULL, NULL, DD_TYPE_STATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-station-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DdStationRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationRow, archived_badge);
  gtk_widget_class_bind_template_child (widget_class, DdStationRow, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, DdStationRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationRow, compliance_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationRow, compliance_bar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stationrow");
}

static void
dd_station_row_init (DdStationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
dd_station_row_new (DdStore *store)
{
  return g_object_new (DD_TYPE_STATION_ROW, "store", store, NULL);
}

DdStation *
dd_station_row_get_station (DdStationRow *self)
{
  g_return_val_if_fail (DD_IS_STATION_ROW (self), NULL);
  return self->station;
}

/**
 * dd_station_row_set_station:
 * Shows @station and follows its changes (the list refreshes it in place).
 */
void
dd_station_row_set_station (DdStationRow *self,
                            DdStation    *station)
{
  g_return_if_fail (DD_IS_STATION_ROW (self));

  if (self->station == station)
    return;
  if (self->station != NULL)
    g_signal_handlers_disconnect_by_data (self->station, self);
  g_set_object (&self->station, station);
  if (station != NULL)
    g_signal_connect_object (station, "notify", G_CALLBACK (update_text), self, G_CONNECT_SWAPPED);
  update_text (self);
  update_figures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION]);
}

/**
 * dd_station_row_get_summary:
 * Returns: the line with the deputies and this year's receptions
 */
const char *
dd_station_row_get_summary (DdStationRow *self)
{
  g_return_val_if_fail (DD_IS_STATION_ROW (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

/**
 * dd_station_row_get_compliance:
 * Returns: the checklist figure shown, e.g. "6/8"
 */
const char *
dd_station_row_get_compliance (DdStationRow *self)
{
  g_return_val_if_fail (DD_IS_STATION_ROW (self), NULL);
  return gtk_label_get_label (self->compliance_label);
}
