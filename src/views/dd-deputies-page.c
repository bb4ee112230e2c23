/* dd-deputies-page.c: the deputies list (filtered in SQL) beside the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-deputies-page"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-deputies-page.h"
#include "dd-export-dialog.h"
#include "dd-deputy-row.h"

/* What the form shows after the user answered the unsaved-changes question. */
#define PENDING_NEW_DEPUTY (-1)

struct _DdDeputiesPage
{
  AdwBin              parent_instance;

  DdContext          *context;
  DdStore            *store;
  DdDeputyList       *list;
  GtkSingleSelection *selection;
  char              **group_names;
  gboolean            quiet;            /* selection or filters changed by code */

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *level_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *group_dropdown;
  GtkListView        *list_view;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_add_button;
  GtkLabel           *count_label;
  DdDeputyEditor     *editor;
};

G_DEFINE_FINAL_TYPE (DdDeputiesPage, dd_deputies_page, ADW_TYPE_BIN)

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

/* The code chosen in a filter, NULL for "All …". */
static const char *
chosen_code (GtkDropDown        *dropdown,
             const char * const *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return codes[selected - 1];
}

static const char *
chosen_group (DdDeputiesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->group_names == NULL ||
      selected > g_strv_length (self->group_names))
    return NULL;
  return self->group_names[selected - 1];
}

static gboolean
filtering (DdDeputiesPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0' ||
         gtk_drop_down_get_selected (self->level_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->group_dropdown) > 0;
}

static void
update_count (DdDeputiesPage *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *text = NULL;

  if (filtering (self))
    text = g_strdup_printf (ngettext ("%u deputy matches", "%u deputies match", n), n);
  else
    text = g_strdup_printf (ngettext ("%u deputy", "%u deputies", n), n);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  if (n == 0 && filtering (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Deputies"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another name, or clear the filters."));
      gtk_widget_set_visible (self->empty_add_button, FALSE);
    }
  else if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Deputies Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the deputies of your congress, one seat at a time."));
      gtk_widget_set_visible (self->empty_add_button, TRUE);
    }
}

static void
fill_groups (DdDeputiesPage *self)
{
  g_autofree char *kept = g_strdup (chosen_group (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->group_names, g_strfreev);
  if (self->store != NULL)
    {
      self->group_names = dd_deputy_list_dup_group_names (self->store, &error);
      if (self->group_names == NULL)
        g_warning ("Could not list the professional groups: %s", error->message);
    }

  gtk_string_list_append (choices, _("All Groups"));
  for (guint i = 0; self->group_names != NULL && self->group_names[i] != NULL; i++)
    {
      gtk_string_list_append (choices, self->group_names[i]);
      if (g_strcmp0 (kept, self->group_names[i]) == 0)
        selected = i + 1;
    }

  self->quiet = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  self->quiet = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown),
                            self->group_names != NULL && self->group_names[0] != NULL);

  /* The group chosen may have gone with its last deputy. */
  if (self->list != NULL)
    dd_deputy_list_set_group_name (self->list, chosen_group (self));
}

static gint64
selected_id (DdDeputiesPage *self)
{
  gpointer item;

  if (self->selection == NULL)
    return 0;
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? dd_entity_get_id (DD_ENTITY (item)) : 0;
}

static gint64
editor_id (DdDeputiesPage *self)
{
  DdDeputy *deputy = dd_deputy_editor_get_deputy (self->editor);

  return deputy != NULL ? dd_entity_get_id (DD_ENTITY (deputy)) : 0;
}

/* Select @id in the list without loading it again. */
static void
select_quietly (DdDeputiesPage *self,
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
show_in_editor (DdDeputiesPage *self,
                gint64          id)
{
  if (id == PENDING_NEW_DEPUTY)
    {
      select_quietly (self, 0);
      dd_deputy_editor_new_deputy (self->editor, NULL,
                                   chosen_code (self->level_dropdown, dd_deputy_levels));
    }
  else
    {
      dd_deputy_editor_load (self->editor, id);
      select_quietly (self, id);
    }
  /* Side by side, focus stays in the list for the arrow keys. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DdDeputiesPage   *self)
{
  gint64 pending = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "pending");

  if (g_strcmp0 (response, "discard") == 0 ||
      (g_strcmp0 (response, "save") == 0 && dd_deputy_editor_save (self->editor)))
    show_in_editor (self, pending);
  else
    /* Stay with the edits (and any validation messages) in view. */
    select_quietly (self, editor_id (self));
}

/* Shows @id (or a new deputy) in the form, asking first if edits would be lost. */
static void
request_editor (DdDeputiesPage *self,
                gint64          id)
{
  g_autoptr(GtkBuilder) builder = NULL;
  AdwMessageDialog *dialog;
  DdDeputy *deputy = dd_deputy_editor_get_deputy (self->editor);
  const char *name;

  if (!dd_deputy_editor_get_dirty (self->editor))
    {
      show_in_editor (self, id);
      return;
    }

  builder = gtk_builder_new_from_resource ("/io/github/deputydesk/DeputyDesk/dd-unsaved-dialog.ui");
  dialog = ADW_MESSAGE_DIALOG (gtk_builder_get_object (builder, "dialog"));
  name = dd_deputy_get_name (deputy);
  if (name != NULL && name[0] != '\0' && dd_entity_get_id (DD_ENTITY (deputy)) != 0)
    /* Translators: %s is a deputy's name */
    adw_message_dialog_format_body (dialog, _("The changes to “%s” have not been saved."), name);
  else
    adw_message_dialog_set_body (dialog, _("The new deputy has not been saved."));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_object_set_data_full (G_OBJECT (dialog), "pending",
                          g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_selection_changed_cb (DdDeputiesPage *self)
{
  gint64 id;

  if (self->quiet)
    return;
  id = selected_id (self);
  /* A refresh that drops the selected row leaves the form as it is. */
  if (id == 0 || id == editor_id (self))
    return;
  request_editor (self, id);
}

static void
on_list_activate_cb (DdDeputiesPage *self,
                     guint           position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  dd_deputy_editor_focus_first (self->editor);
}

static void
on_search_changed_cb (DdDeputiesPage *self)
{
  /* search-changed carries committed text only: an input method's pre-edit
   * never reaches the query. */
  if (self->list != NULL)
    dd_deputy_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_count (self);
}

static void
on_filter_changed_cb (DdDeputiesPage *self)
{
  if (self->quiet || self->list == NULL)
    return;
  dd_deputy_list_set_level (self->list, chosen_code (self->level_dropdown, dd_deputy_levels));
  dd_deputy_list_set_status (self->list, chosen_code (self->status_dropdown, dd_deputy_statuses));
  dd_deputy_list_set_group_name (self->list, chosen_group (self));
  update_count (self);
}

static void
on_deputies_changed_cb (DdStore        *store,
                        const char     *table,
                        GArray         *ids,
                        DdDeputiesPage *self)
{
  fill_groups (self);
}

static void
on_editor_add_toast_cb (DdDeputiesPage *self,
                        AdwToast       *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_editor_saved_cb (DdDeputiesPage *self,
                    gint64          id)
{
  select_quietly (self, id);
}

static void
on_editor_deputy_activated_cb (DdDeputiesPage *self,
                               gint64          id)
{
  request_editor (self, id);
}

static void
on_editor_closed_cb (DdDeputiesPage *self)
{
  gint64 id = selected_id (self);

  if (id != 0)
    dd_deputy_editor_load (self->editor, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_editor_back_cb (DdDeputiesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_context_store_cb (DdDeputiesPage *self)
{
  DdStore *store = self->context != NULL ? dd_context_get_store (self->context) : NULL;

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_set_object (&self->store, store);

  /* Another database starts with no filter. */
  self->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->level_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  self->quiet = FALSE;

  if (store != NULL)
    {
      self->list = dd_deputy_list_new (store);
      self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::n-items",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::deputies",
                               G_CALLBACK (on_deputies_changed_cb), self, 0);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
  fill_groups (self);
  update_count (self);
}

static void
set_context (DdDeputiesPage *self,
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
  DdDeputiesPage *self = DD_DEPUTIES_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DdDeputiesPage *self = DD_DEPUTIES_PAGE (widget);

  if (self->store != NULL)
    request_editor (self, PENDING_NEW_DEPUTY);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdDeputiesPage *self = DD_DEPUTIES_PAGE (widget);
  DdExportOptions options;

  if (self->store == NULL)
    return;
  /* The list as shown: its search and filters. */
  dd_export_options_init (&options);
  options.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  options.level = chosen_code (self->level_dropdown, dd_deputy_levels);
  options.status = chosen_code (self->status_dropdown, dd_deputy_statuses);
  options.group_name = chosen_group (self);
  dd_export_dialog_present_for (GTK_WIDGET (self), self->context, DD_EXPORT_DEPUTIES, &options);
}

/* GObject */

static void
dd_deputies_page_dispose (GObject *object)
{
  DdDeputiesPage *self = DD_DEPUTIES_PAGE (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Before the template lets go of it: AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_DEPUTIES_PAGE);

  G_OBJECT_CLASS (dd_deputies_page_parent_class)->dispose (object);
}

static void
dd_deputies_page_finalize (GObject *object)
{
  DdDeputiesPage *self = DD_DEPUTIES_PAGE (object);

  g_strfreev (self->group_names);

  G_OBJECT_CLASS (dd_deputies_page_parent_class)->finalize (object);
}

static void
dd_deputies_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DdDeputiesPage *self = DD_DEPUTIES_PAGE (object);

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
dd_deputies_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DdDeputiesPage *self = DD_DEPUTIES_PAGE (object);

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
dd_deputies_page_class_init (DdDeputiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_deputies_page_dispose;
  object_class->finalize = dd_deputies_page_finalize;
  object_class->get_property = dd_deputies_page_get_property;
  object_class->set_property = dd_deputies_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdDeputiesPage::add-toast:
   * A message for the window's toast overlay.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (DD_TYPE_DEPUTY_ROW);
  g_type_ensure (DD_TYPE_DEPUTY_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-deputies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DdDeputiesPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_deputy_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_back_cb);

  /* The window maps Ctrl+F and Ctrl+N to these on whichever page is shown. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
}

static void
dd_deputies_page_init (DdDeputiesPage *self)
{
  g_autoptr(GtkStringList) levels = NULL;
  g_autoptr(GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->quiet = TRUE;
  levels = choices_for_codes (_("All Levels"), dd_deputy_levels);
  statuses = choices_for_codes (_("All Statuses"), dd_deputy_statuses);
  gtk_drop_down_set_model (self->level_dropdown, G_LIST_MODEL (levels));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->quiet = FALSE;

  g_object_bind_property (self->leaflet, "folded", self->editor, "show-back-button",
                          G_BINDING_SYNC_CREATE);
  fill_groups (self);
  update_count (self);
}

/* Public API */

GtkWidget *
dd_deputies_page_new (DdContext *context)
{
  return g_object_new (DD_TYPE_DEPUTIES_PAGE, "context", context, NULL);
}

/**
 * dd_deputies_page_get_list:
 * Returns: (transfer none) (nullable): the list shown, with its filters
 */
DdDeputyList *
dd_deputies_page_get_list (DdDeputiesPage *self)
{
  g_return_val_if_fail (DD_IS_DEPUTIES_PAGE (self), NULL);
  return self->list;
}

/**
 * dd_deputies_page_get_editor:
 * Returns: (transfer none): the form
 */
DdDeputyEditor *
dd_deputies_page_get_editor (DdDeputiesPage *self)
{
  g_return_val_if_fail (DD_IS_DEPUTIES_PAGE (self), NULL);
  return self->editor;
}

/**
 * dd_deputies_page_select:
 * Shows deputy @id in the form (asking first about unsaved edits) and
 * selects it in the list if the filters show it.
 *
 * Returns: whether @id is in the list as filtered
 */
gboolean
dd_deputies_page_select (DdDeputiesPage *self,
                         gint64          id)
{
  g_return_val_if_fail (DD_IS_DEPUTIES_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  request_editor (self, id);
  return dd_query_model_find (DD_QUERY_MODEL (self->list), id) != G_MAXUINT;
}

/**
 * dd_deputies_page_get_selected:
 * Returns: the id of the deputy selected in the list, 0 if none
 */
gint64
dd_deputies_page_get_selected (DdDeputiesPage *self)
{
  g_return_val_if_fail (DD_IS_DEPUTIES_PAGE (self), 0);
  return selected_id (self);
}
