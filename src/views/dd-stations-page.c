/* dd-stations-page.c: the stations list (filtered in SQL) beside their detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-stations-page"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-export-dialog.h"
#include "dd-placard-dialog.h"
#include "dd-placard-job.h"
#include "dd-station-row.h"
#include "dd-stations-page.h"

/* What the detail shows after the user answered the unsaved-changes question. */
#define PENDING_NEW_STATION (-1)

struct _DdStationsPage
{
  AdwBin              parent_instance;

  DdContext          *context;
  DdStore            *store;
  DdStationList      *list;
  GtkSingleSelection *selection;
  DdPlacardJob       *placard_job;
  char              **districts;
  char              **townships;
  gboolean            quiet;            /* selection or filters changed by code */

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *district_dropdown;
  GtkDropDown        *township_dropdown;
  GtkDropDown        *compliance_dropdown;
  GtkDropDown        *upgraded_dropdown;
  GtkCheckButton     *archived_check;
  GtkListView        *list_view;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_add_button;
  GtkLabel           *count_label;
  GtkSpinner         *busy_spinner;
  DdStationEditor    *editor;
};

G_DEFINE_FINAL_TYPE (DdStationsPage, dd_stations_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static GtkStringList *
choices_for_codes (const char         *all,
                   const char * const *codes)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, all);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (choices, dd_code_label (codes, codes[i]));
  return choices;
}

/* The value chosen in a filter, NULL for "All …". */
static const char *
chosen (GtkDropDown        *dropdown,
        const char * const *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || values == NULL ||
      selected > g_strv_length ((char **) values))
    return NULL;
  return values[selected - 1];
}

static const char *
chosen_district (DdStationsPage *self)
{
  return chosen (self->district_dropdown, (const char * const *) self->districts);
}

static const char *
chosen_township (DdStationsPage *self)
{
  return chosen (self->township_dropdown, (const char * const *) self->townships);
}

static DdCompliance
chosen_compliance (DdStationsPage *self)
{
  switch (gtk_drop_down_get_selected (self->compliance_dropdown))
    {
    case 1:
      return DD_COMPLIANCE_COMPLETE;
    case 2:
      return DD_COMPLIANCE_INCOMPLETE;
    default:
      return DD_COMPLIANCE_ANY;
    }
}

static DdUpgraded
chosen_upgraded (DdStationsPage *self)
{
  switch (gtk_drop_down_get_selected (self->upgraded_dropdown))
    {
    case 1:
      return DD_UPGRADED_YES;
    case 2:
      return DD_UPGRADED_NO;
    default:
      return DD_UPGRADED_ANY;
    }
}

static gboolean
filtering (DdStationsPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0' ||
         gtk_drop_down_get_selected (self->kind_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->district_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->township_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->compliance_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->upgraded_dropdown) > 0;
}

static guint
n_shown (DdStationsPage *self)
{
  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

static void
update_count (DdStationsPage *self)
{
  guint n = n_shown (self);
  g_autofree char *text = NULL;

  if (filtering (self))
    text = g_strdup_printf (ngettext ("%u station matches", "%u stations match", n), n);
  else
    text = g_strdup_printf (ngettext ("%u station", "%u stations", n), n);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  if (n == 0 && filtering (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Stations"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another name, or clear the filters."));
      gtk_widget_set_visible (self->empty_add_button, FALSE);
    }
  else if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Stations Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the homes, liaison stations and studios where deputies meet voters."));
      gtk_widget_set_visible (self->empty_add_button, TRUE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.print-placards",
                                 self->store != NULL &&
                                 (n > 0 || dd_station_editor_get_station (self->editor) != NULL) &&
                                 (self->placard_job == NULL || !dd_placard_job_get_busy (self->placard_job)));
}

/* Fills @dropdown with "All …" and @values, keeping the choice by value. */
static void
fill_choices (DdStationsPage  *self,
              GtkDropDown     *dropdown,
              const char      *all,
              char          ***values,
              char           **fresh)
{
  g_autofree char *kept = g_strdup (chosen (dropdown, (const char * const *) *values));
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = 0;

  g_strfreev (*values);
  *values = fresh;
  gtk_string_list_append (choices, all);
  for (guint i = 0; fresh != NULL && fresh[i] != NULL; i++)
    {
      gtk_string_list_append (choices, fresh[i]);
      if (g_strcmp0 (kept, fresh[i]) == 0)
        selected = i + 1;
    }

  self->quiet = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (dropdown, selected);
  self->quiet = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), fresh != NULL && fresh[0] != NULL);
}

static void
fill_townships (DdStationsPage *self)
{
  g_autoptr(GError) error = NULL;
  char **townships = NULL;

  if (self->store != NULL)
    {
      townships = dd_station_list_dup_townships (self->store, chosen_district (self), &error);
      if (townships == NULL)
        g_warning ("Could not list the townships: %s", error->message);
    }
  fill_choices (self, self->township_dropdown, _("All Townships"), &self->townships, townships);
}

static void
fill_districts (DdStationsPage *self)
{
  g_autoptr(GError) error = NULL;
  char **districts = NULL;

  if (self->store != NULL)
    {
      districts = dd_station_list_dup_districts (self->store, &error);
      if (districts == NULL)
        g_warning ("Could not list the districts: %s", error->message);
    }
  fill_choices (self, self->district_dropdown, _("All Districts"), &self->districts, districts);
  fill_townships (self);
}

static void
apply_filters (DdStationsPage *self)
{
  if (self->list == NULL)
    return;
  dd_station_list_set_kind (self->list, chosen (self->kind_dropdown, dd_station_kinds));
  dd_station_list_set_district (self->list, chosen_district (self));
  dd_station_list_set_township (self->list, chosen_township (self));
  dd_station_list_set_compliance (self->list, chosen_compliance (self));
  dd_station_list_set_upgraded (self->list, chosen_upgraded (self));
  dd_station_list_set_show_archived (self->list, gtk_check_button_get_active (self->archived_check));
}

static gint64
selected_id (DdStationsPage *self)
{
  gpointer item;

  if (self->selection == NULL)
    return 0;
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? dd_entity_get_id (DD_ENTITY (item)) : 0;
}

static gint64
editor_id (DdStationsPage *self)
{
  DdStation *station = dd_station_editor_get_station (self->editor);

  return station != NULL ? dd_entity_get_id (DD_ENTITY (station)) : 0;
}

/* Select @id in the list without loading it again. */
static void
select_quietly (DdStationsPage *self,
                gint64          id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->list == NULL)
    return;
  if (id > 0)
    position = dd_query_model_find (DD_QUERY_MODEL (self->list), id);
  if (position == G_MAXUINT)
    position = GTK_INVALID_LIST_POSITION;
  self->quiet = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->quiet = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
show_in_editor (DdStationsPage *self,
                gint64          id)
{
  if (id == PENDING_NEW_STATION)
    {
      select_quietly (self, 0);
      dd_station_editor_new_station (self->editor, chosen (self->kind_dropdown, dd_station_kinds),
                                     chosen_district (self), chosen_township (self));
    }
  else
    {
      dd_station_editor_load (self->editor, id);
      select_quietly (self, id);
    }
  update_count (self);
  /* Side by side, focus stays in the list for the arrow keys. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DdStationsPage   *self)
{
  gint64 pending = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "pending");

  if (g_strcmp0 (response, "discard") == 0 ||
      (g_strcmp0 (response, "save") == 0 && dd_station_editor_save (self->editor)))
    show_in_editor (self, pending);
  else
    /* Stay with the edits (and any validation messages) in view. */
    select_quietly (self, editor_id (self));
}

/* Shows @id (or a new station) in the detail, asking first if edits would be lost. */
static void
request_editor (DdStationsPage *self,
                gint64          id)
{
  g_autoptr(GtkBuilder) builder = NULL;
  AdwMessageDialog *dialog;
  DdStation *station = dd_station_editor_get_station (self->editor);

  if (!dd_station_editor_get_dirty (self->editor))
    {
      show_in_editor (self, id);
      return;
    }

  builder = gtk_builder_new_from_resource ("/io/github/deputydesk/DeputyDesk/dd-unsaved-dialog.ui");
  dialog = ADW_MESSAGE_DIALOG (gtk_builder_get_object (builder, "dialog"));
  if (dd_entity_get_id (DD_ENTITY (station)) != 0)
    /* Translators: %s is a station's name */
    adw_message_dialog_format_body (dialog, _("The changes to “%s” have not been saved."),
                                    dd_station_get_name (station));
  else
    adw_message_dialog_set_body (dialog, _("The new station has not been saved."));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_object_set_data_full (G_OBJECT (dialog), "pending", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     DdStationsPage           *self)
{
  GtkWidget *row = dd_station_row_new (self->store);

  g_object_bind_property (item, "item", row, "station", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, row);
}

static void
on_selection_changed_cb (DdStationsPage *self)
{
  gint64 id;

  if (self->quiet)
    return;
  id = selected_id (self);
  /* A refresh that drops the selected row leaves the detail as it is. */
  if (id == 0 || id == editor_id (self))
    return;
  request_editor (self, id);
}

static void
on_list_activate_cb (DdStationsPage *self,
                     guint           position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_search_changed_cb (DdStationsPage *self)
{
  /* search-changed carries committed text only: an input method's pre-edit
   * never reaches the query. */
  if (self->list != NULL)
    dd_station_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_count (self);
}

static void
on_filter_changed_cb (DdStationsPage *self,
                      GParamSpec     *pspec,
                      GtkWidget      *source)
{
  if (self->quiet || self->list == NULL)
    return;
  /* The townships offered are those of the district chosen. */
  if (source == GTK_WIDGET (self->district_dropdown))
    fill_townships (self);
  apply_filters (self);
  update_count (self);
}

static void
on_archived_toggled_cb (DdStationsPage *self)
{
  if (self->quiet || self->list == NULL)
    return;
  apply_filters (self);
  update_count (self);
}

static void
on_stations_changed_cb (DdStore        *store,
                        const char     *table,
                        GArray         *ids,
                        DdStationsPage *self)
{
  fill_districts (self);
  apply_filters (self);
}

static void
on_editor_add_toast_cb (DdStationsPage *self,
                        AdwToast       *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_editor_saved_cb (DdStationsPage *self,
                    gint64          id)
{
  select_quietly (self, id);
  update_count (self);
}

static void
on_editor_closed_cb (DdStationsPage *self)
{
  gint64 id = selected_id (self);

  if (id != 0)
    dd_station_editor_load (self->editor, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_count (self);
}

static void
on_editor_back_cb (DdStationsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_placard_busy_cb (DdPlacardJob   *job,
                    GParamSpec     *pspec,
                    DdStationsPage *self)
{
  gboolean busy = dd_placard_job_get_busy (job);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  update_count (self);
}

static void
on_placard_toast_cb (DdPlacardJob   *job,
                     AdwToast       *toast,
                     DdStationsPage *self)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_placard_response_cb (DdPlacardDialog *dialog,
                        const char      *response,
                        DdStationsPage  *self)
{
  gboolean print = g_strcmp0 (response, "print") == 0;
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if ((!print && g_strcmp0 (response, "save") != 0) || self->store == NULL)
    return;

  if (self->placard_job != NULL)
    g_signal_handlers_disconnect_by_data (self->placard_job, self);
  g_clear_object (&self->placard_job);
  self->placard_job = dd_placard_job_new (self->store);
  if (dd_placard_dialog_get_all (dialog))
    {
      /* Every station the filters show, in the list's order. */
      for (guint i = 0; i < n_shown (self); i++)
        {
          g_autoptr(DdStation) station = g_list_model_get_item (G_LIST_MODEL (self->list), i);

          dd_placard_job_add_station (self->placard_job, station);
        }
    }
  else if (dd_station_editor_get_station (self->editor) != NULL)
    dd_placard_job_add_station (self->placard_job, dd_station_editor_get_station (self->editor));
  dd_placard_job_set_per_page (self->placard_job, dd_placard_dialog_get_per_page (dialog));
  g_signal_connect_object (self->placard_job, "notify::busy", G_CALLBACK (on_placard_busy_cb), self, 0);
  g_signal_connect_object (self->placard_job, "add-toast", G_CALLBACK (on_placard_toast_cb), self, 0);
  if (print)
    dd_placard_job_print (self->placard_job, parent);
  else
    dd_placard_job_save_as (self->placard_job, parent);
}

static void
on_context_store_cb (DdStationsPage *self)
{
  DdStore *store = self->context != NULL ? dd_context_get_store (self->context) : NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_list_view_set_model (self->list_view, NULL);
  gtk_list_view_set_factory (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_set_object (&self->store, store);

  /* Another database starts with no filter. */
  self->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->compliance_dropdown, 0);
  gtk_drop_down_set_selected (self->upgraded_dropdown, 0);
  gtk_check_button_set_active (self->archived_check, FALSE);
  self->quiet = FALSE;
  fill_districts (self);

  if (store != NULL)
    {
      /* The rows count their figures through the store. */
      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
      gtk_list_view_set_factory (self->list_view, factory);

      self->list = dd_station_list_new (store);
      self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::n-items",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::stations",
                               G_CALLBACK (on_stations_changed_cb), self, 0);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
  update_count (self);
}

static void
set_context (DdStationsPage *self,
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
  g_object_set (self->editor, "context", context, NULL);
  on_context_store_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* Actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdStationsPage *self = DD_STATIONS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DdStationsPage *self = DD_STATIONS_PAGE (widget);

  if (self->store != NULL)
    request_editor (self, PENDING_NEW_STATION);
}

static void
record_reception_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DdStationsPage *self = DD_STATIONS_PAGE (widget);

  dd_station_editor_record_reception (self->editor);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdStationsPage *self = DD_STATIONS_PAGE (widget);
  DdExportOptions options;

  if (self->store == NULL)
    return;
  /* The list as shown: its search and filters (the export has no filter
   * for the checklist's compliance or the upgrade date yet). */
  dd_export_options_init (&options);
  options.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  options.station_kind = chosen (self->kind_dropdown, dd_station_kinds);
  options.district = chosen_district (self);
  options.township = chosen_township (self);
  options.show_archived = gtk_check_button_get_active (self->archived_check);
  dd_export_dialog_present_for (GTK_WIDGET (self), self->context, DD_EXPORT_STATIONS, &options);
}

static void
print_placards_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DdStationsPage *self = DD_STATIONS_PAGE (widget);
  DdStation *station = dd_station_editor_get_station (self->editor);
  const char *name = NULL;
  DdPlacardDialog *dialog;

  if (station != NULL && dd_entity_get_id (DD_ENTITY (station)) != 0)
    name = dd_station_get_name (station);
  if (name == NULL && n_shown (self) == 0)
    return;
  dialog = dd_placard_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), name, n_shown (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_placard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
dd_stations_page_dispose (GObject *object)
{
  DdStationsPage *self = DD_STATIONS_PAGE (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  if (self->placard_job != NULL)
    g_signal_handlers_disconnect_by_data (self->placard_job, self);
  g_clear_object (&self->placard_job);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Before the template lets go of it: AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_STATIONS_PAGE);

  G_OBJECT_CLASS (dd_stations_page_parent_class)->dispose (object);
}

static void
dd_stations_page_finalize (GObject *object)
{
  DdStationsPage *self = DD_STATIONS_PAGE (object);

  g_strfreev (self->districts);
  g_strfreev (self->townships);

  G_OBJECT_CLASS (dd_stations_page_parent_class)->finalize (object);
}

static void
dd_stations_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DdStationsPage *self = DD_STATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_stations_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DdStationsPage *self = DD_STATIONS_PAGE (object);

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
dd_stations_page_class_init (DdStationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_stations_page_dispose;
  object_class->finalize = dd_stations_page_finalize;
  object_class->get_property = dd_stations_page_get_property;
  object_class->set_property = dd_stations_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdStationsPage::add-toast:
   * A message for the window's toast overlay.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (DD_TYPE_STATION_ROW);
  g_type_ensure (DD_TYPE_STATION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-stations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, township_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, compliance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, upgraded_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, DdStationsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_back_cb);

  /* The window maps Ctrl+F, Ctrl+N and Ctrl+R to these while the page is shown. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.record-reception", NULL, record_reception_action);
  gtk_widget_class_install_action (widget_class, "page.print-placards", NULL, print_placards_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
}

static void
dd_stations_page_init (DdStationsPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) compliance = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) upgraded = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->quiet = TRUE;
  kinds = choices_for_codes (_("All Kinds"), dd_station_kinds);
  gtk_string_list_append (compliance, _("Any Checklist"));
  gtk_string_list_append (compliance, _("Meets the Standard"));
  gtk_string_list_append (compliance, _("Incomplete"));
  gtk_string_list_append (upgraded, _("Upgraded or Not"));
  gtk_string_list_append (upgraded, _("Upgraded"));
  gtk_string_list_append (upgraded, _("Not Upgraded"));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->compliance_dropdown, G_LIST_MODEL (compliance));
  gtk_drop_down_set_model (self->upgraded_dropdown, G_LIST_MODEL (upgraded));
  self->quiet = FALSE;

  g_object_bind_property (self->leaflet, "folded", self->editor, "show-back-button",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->editor, "notify::dirty", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  fill_districts (self);
  update_count (self);
}

/* Public API */

GtkWidget *
dd_stations_page_new (DdContext *context)
{
  return g_object_new (DD_TYPE_STATIONS_PAGE, "context", context, NULL);
}

/**
 * dd_stations_page_get_list:
 * Returns: (transfer none) (nullable): the list shown, with its filters
 */
DdStationList *
dd_stations_page_get_list (DdStationsPage *self)
{
  g_return_val_if_fail (DD_IS_STATIONS_PAGE (self), NULL);
  return self->list;
}

/**
 * dd_stations_page_get_editor:
 * Returns: (transfer none): the detail
 */
DdStationEditor *
dd_stations_page_get_editor (DdStationsPage *self)
{
  g_return_val_if_fail (DD_IS_STATIONS_PAGE (self), NULL);
  return self->editor;
}

/**
 * dd_stations_page_select:
 * Shows station @id in the detail (asking first about unsaved edits) and
 * selects it in the list if the filters show it.
 *
 * Returns: whether @id is in the list as filtered
 */
gboolean
dd_stations_page_select (DdStationsPage *self,
                         gint64          id)
{
  g_return_val_if_fail (DD_IS_STATIONS_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  request_editor (self, id);
  return dd_query_model_find (DD_QUERY_MODEL (self->list), id) != G_MAXUINT;
}

/**
 * dd_stations_page_get_selected:
 * Returns: the id of the station selected in the list, 0 if none
 */
gint64
dd_stations_page_get_selected (DdStationsPage *self)
{
  g_return_val_if_fail (DD_IS_STATIONS_PAGE (self), 0);
  return selected_id (self);
}
