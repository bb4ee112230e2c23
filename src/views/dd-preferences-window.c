/* dd-preferences-window.c: who is at the desk, which database is open, and
 * the office's own settings kept in that database (name, QR web addresses,
 * standards checklist)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-preferences-window"

#include <math.h>
#include <glib/gi18n.h>

#include "dd-analytics.h"
#include "dd-backup-page.h"
#include "dd-checklist.h"
#include "dd-preferences-window.h"
#include "dd-settings.h"

/* The database settings edited here, each an entry row with a message row under it. */
static const struct
{
  const char *key;
  const char *id;
} setting_rows[] = {
  { DD_SETTING_OFFICE_NAME, "office_name" },
  { DD_SETTING_QR_STATION_URL, "station_url" },
  { DD_SETTING_QR_DEPUTY_URL, "deputy_url" },
};

#define N_SETTINGS G_N_ELEMENTS (setting_rows)

struct _DdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  DdContext            *context;
  GtkFileChooserNative *chooser;

  DdStore              *store;
  gboolean              filling;

  AdwEntryRow          *operator_row;
  AdwActionRow         *database_row;
  GtkWidget            *office_page;
  GtkWidget            *rows[N_SETTINGS];
  GtkWidget            *errors[N_SETTINGS];
  GtkLabel             *error_labels[N_SETTINGS];
  GtkListBox           *checklist_list;
  AdwEntryRow          *new_item_row;
  GtkSpinButton        *on_time_weight_spin;
  GtkSpinButton        *classes_weight_spin;
  GtkSpinButton        *satisfaction_weight_spin;
  GtkSpinButton        *min_replies_spin;
  guint                 weights_id;
};

G_DEFINE_FINAL_TYPE (DdPreferencesWindow, dd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  DATABASE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_database_row (DdPreferencesWindow *self)
{
  DdStore *store = dd_context_get_store (self->context);
  const char *path = store != NULL ? dd_store_get_path (store) : NULL;
  g_autofree char *shown = path != NULL ? g_filename_display_name (path) : NULL;

  adw_action_row_set_subtitle (self->database_row, shown != NULL ? shown : _("No database is open"));
}

/* The office's settings */

static int
setting_index (DdPreferencesWindow *self,
               GtkWidget           *row)
{
  for (guint i = 0; i < N_SETTINGS; i++)
    if (self->rows[i] == row)
      return i;
  return -1;
}

static void
set_setting_error (DdPreferencesWindow *self,
                   guint                i,
                   const char          *message)
{
  GtkWidget *row = self->rows[i];

  gtk_label_set_label (self->error_labels[i], message ?: "");
  gtk_widget_set_visible (self->errors[i], message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
fill_settings (DdPreferencesWindow *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < N_SETTINGS; i++)
    {
      g_autofree char *value = self->store != NULL ? dd_settings_dup (self->store, setting_rows[i].key)
                                                   : NULL;

      /* What is being typed, or was refused, stays for correction. */
      if (gtk_widget_get_visible (self->errors[i]) ||
          gtk_widget_has_css_class (self->rows[i], "focused"))
        continue;
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value ?: "");
    }
  self->filling = FALSE;
}

/* Writes row @i's text to the database, or says why not; TRUE if it holds now. */
static gboolean
apply_setting (DdPreferencesWindow *self,
               guint                i)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i]))));
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return FALSE;
  stored = dd_settings_dup (self->store, setting_rows[i].key);
  if (g_strcmp0 (text, stored ?: "") == 0)
    {
      set_setting_error (self, i, NULL);
      return TRUE;
    }
  if (!dd_settings_set (self->store, setting_rows[i].key, text, &error))
    {
      set_setting_error (self, i, error->message);
      return FALSE;
    }
  set_setting_error (self, i, NULL);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Saved")));
  return TRUE;
}

static void
on_setting_apply_cb (DdPreferencesWindow *self,
                     GtkWidget           *row)
{
  int i = setting_index (self, row);

  if (i >= 0)
    apply_setting (self, i);
}

static void
on_setting_changed_cb (DdPreferencesWindow *self,
                       GtkWidget           *row)
{
  int i = setting_index (self, row);

  /* A message goes away as soon as its field is edited. */
  if (i >= 0 && !self->filling)
    set_setting_error (self, i, NULL);
}

static void
on_setting_focus_leave_cb (GtkEventController  *controller,
                           DdPreferencesWindow *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (controller);
  int i = setting_index (self, row);

  /* Leaving the field applies it, as Enter does; the apply button goes with it. */
  if (i >= 0 && apply_setting (self, i))
    {
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
    }
}

/* The standards checklist */

static gint64
row_item_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "item-id");

  return id != NULL ? *id : 0;
}

static void
show_error_toast (DdPreferencesWindow *self,
                  const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
on_item_apply_cb (AdwEntryRow         *row,
                  DdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!dd_checklist_rename_item (self->store, row_item_id (GTK_WIDGET (row)),
                                 gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    show_error_toast (self, error);
}

static void
on_item_move_cb (GtkButton           *button,
                 DdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "position"));

  if (!dd_checklist_move_item (self->store, row_item_id (GTK_WIDGET (button)), position, &error))
    show_error_toast (self, error);
}

static void
on_item_retire_cb (GtkButton           *button,
                   DdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "activate"));

  if (!dd_checklist_set_item_active (self->store, row_item_id (GTK_WIDGET (button)), active, &error))
    show_error_toast (self, error);
}

static GtkWidget *
item_button (GtkWidget  *row,
             const char *icon_name,
             const char *label,
             const char *tooltip,
             gint64      item_id)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  if (icon_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
  g_object_set_data_full (G_OBJECT (button), "item-id", g_memdup2 (&item_id, sizeof item_id), g_free);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  return button;
}

static void
fill_checklist (DdPreferencesWindow *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *old;
  guint active_number = 0;

  while ((old = gtk_list_box_get_row_at_index (self->checklist_list, 0)) != NULL)
    gtk_list_box_remove (self->checklist_list, GTK_WIDGET (old));
  gtk_widget_set_sensitive (self->office_page, self->store != NULL);
  if (self->store == NULL)
    return;

  items = dd_checklist_dup_items (self->store, TRUE, &error);
  if (items == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      DdChecklistItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *button;
      g_autofree char *title = NULL;

      if (item->active)
        /* Translators: the title of a checklist item in preferences, e.g. "Item 3" */
        title = g_strdup_printf (_("Item %u"), ++active_number);
      else
        title = g_strdup (_("Retired item (no longer counts)"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), item->label);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "item-id", g_memdup2 (&item->id, sizeof item->id), g_free);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_item_apply_cb), self, 0);
      if (!item->active)
        gtk_widget_add_css_class (row, "retired");

      /* Positions count from 1 over every item, retired ones too. */
      button = item_button (row, "go-up-symbolic", NULL, _("Move Up"), item->id);
      g_object_set_data (G_OBJECT (button), "position", GINT_TO_POINTER ((int) i));
      gtk_widget_set_sensitive (button, i > 0);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_item_move_cb), self, 0);
      button = item_button (row, "go-down-symbolic", NULL, _("Move Down"), item->id);
      g_object_set_data (G_OBJECT (button), "position", GINT_TO_POINTER ((int) i + 2));
      gtk_widget_set_sensitive (button, i + 1 < items->len);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_item_move_cb), self, 0);
      button = item_button (row, NULL, item->active ? _("_Retire") : _("Re_store"),
                            item->active ? _("Stop counting this item; the ticks are kept")
                                         : _("Count this item again"),
                            item->id);
      g_object_set_data (G_OBJECT (button), "activate", GINT_TO_POINTER (!item->active));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_item_retire_cb), self, 0);
      gtk_list_box_append (self->checklist_list, row);
    }
}

static void
on_new_item_apply_cb (DdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!dd_checklist_add_item (self->store, gtk_editable_get_text (GTK_EDITABLE (self->new_item_row)),
                              NULL, &error))
    {
      show_error_toast (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_item_row), "");
}

/* The ranking's weights */

static void
fill_weights (DdPreferencesWindow *self)
{
  DdRankingWeights weights = DD_RANKING_WEIGHTS_DEFAULT;
  int min_replies = DD_RANKING_MIN_REPLIES_DEFAULT;

  if (self->store != NULL)
    {
      dd_ranking_weights_get (self->store, &weights);
      min_replies = dd_ranking_min_replies_get (self->store);
    }
  self->filling = TRUE;
  gtk_spin_button_set_value (self->min_replies_spin, min_replies);
  gtk_spin_button_set_value (self->on_time_weight_spin, weights.on_time);
  gtk_spin_button_set_value (self->classes_weight_spin, weights.classes);
  gtk_spin_button_set_value (self->satisfaction_weight_spin, weights.satisfaction);
  self->filling = FALSE;
}

static void
save_weights (DdPreferencesWindow    *self,
              const DdRankingWeights *weights,
              int                     min_replies)
{
  g_autoptr(GError) error = NULL;
  DdRankingWeights stored;

  if (self->store == NULL)
    return;
  if (min_replies != dd_ranking_min_replies_get (self->store)
      && !dd_ranking_min_replies_set (self->store, min_replies, &error))
    {
      show_error_toast (self, error);
      fill_weights (self);
      return;
    }
  dd_ranking_weights_get (self->store, &stored);
  if (stored.on_time == weights->on_time && stored.classes == weights->classes &&
      stored.satisfaction == weights->satisfaction)
    return;
  if (!dd_ranking_weights_set (self->store, weights, &error))
    {
      show_error_toast (self, error);
      fill_weights (self);
    }
}

static gboolean
on_weights_timeout_cb (gpointer user_data)
{
  DdPreferencesWindow *self = user_data;
  DdRankingWeights weights;

  self->weights_id = 0;
  /* Two decimals, as shown. */
  weights.on_time = round (gtk_spin_button_get_value (self->on_time_weight_spin) * 100) / 100;
  weights.classes = round (gtk_spin_button_get_value (self->classes_weight_spin) * 100) / 100;
  weights.satisfaction = round (gtk_spin_button_get_value (self->satisfaction_weight_spin) * 100) / 100;
  save_weights (self, &weights, gtk_spin_button_get_value_as_int (self->min_replies_spin));
  return G_SOURCE_REMOVE;
}

/* A few clicks on a spin button make one write. */
static void
on_weight_changed_cb (DdPreferencesWindow *self)
{
  if (self->filling)
    return;
  g_clear_handle_id (&self->weights_id, g_source_remove);
  self->weights_id = g_timeout_add (500, on_weights_timeout_cb, self);
}

static void
reset_weights_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (widget);
  DdRankingWeights weights = DD_RANKING_WEIGHTS_DEFAULT;

  g_clear_handle_id (&self->weights_id, g_source_remove);
  save_weights (self, &weights, DD_RANKING_MIN_REPLIES_DEFAULT);
  fill_weights (self);
}

static void
on_store_changed_cb (DdStore             *store,
                     const char          *table,
                     GArray              *ids,
                     DdPreferencesWindow *self)
{
  if (g_str_equal (table, "checklist_items"))
    fill_checklist (self);
  else if (g_str_equal (table, "settings"))
    {
      fill_settings (self);
      if (self->weights_id == 0)
        fill_weights (self);
    }
}

static void
on_context_store_cb (DdPreferencesWindow *self)
{
  DdStore *store = dd_context_get_store (self->context);

  update_database_row (self);
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  for (guint i = 0; i < N_SETTINGS; i++)
    set_setting_error (self, i, NULL);
  fill_settings (self);
  fill_checklist (self);
  fill_weights (self);
}

static void
on_chooser_response_cb (GtkNativeDialog     *chooser,
                        int                  response,
                        DdPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_signal_emit (self, signals[DATABASE_CHOSEN], 0, path);
    }
  g_clear_object (&self->chooser);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  DdStore *store = dd_context_get_store (self->context);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Another Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (databases, _("Deputy Desk databases"));
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  if (store != NULL && dd_store_get_path (store) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (dd_store_get_path (store));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
dd_preferences_window_constructed (GObject *object)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (dd_preferences_window_parent_class)->constructed (object);

  g_assert (DD_IS_CONTEXT (self->context));
  /* Written as typed; the store reads it on each change (DdContext). */
  g_settings_bind (dd_context_get_settings (self->context), "operator-name",
                   self->operator_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (on_context_store_cb), self, G_CONNECT_SWAPPED);
  on_context_store_cb (self);

  /* Backups: a page of its own (dd-backup-page.c). */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (dd_backup_page_new (self->context)));
}

static void
dd_preferences_window_dispose (GObject *object)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  /* A weight still to be written is written now. */
  if (self->weights_id != 0)
    {
      g_clear_handle_id (&self->weights_id, g_source_remove);
      on_weights_timeout_cb (self);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dd_preferences_window_parent_class)->dispose (object);
}

static void
dd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (object);

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
dd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DdPreferencesWindow *self = DD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_preferences_window_class_init (DdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dd_preferences_window_constructed;
  object_class->dispose = dd_preferences_window_dispose;
  object_class->get_property = dd_preferences_window_get_property;
  object_class->set_property = dd_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdPreferencesWindow::database-chosen:
   * @path: the file the user chose to open instead
   */
  signals[DATABASE_CHOSEN] =
    g_signal_new ("database-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, office_page);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, new_item_row);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, on_time_weight_spin);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, classes_weight_spin);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, satisfaction_weight_spin);
  gtk_widget_class_bind_template_child (widget_class, DdPreferencesWindow, min_replies_spin);
  for (guint i = 0; i < N_SETTINGS; i++)
    {
      g_autofree char *row_id = g_strconcat (setting_rows[i].id, "_row", NULL);
      g_autofree char *error_id = g_strconcat (setting_rows[i].id, "_error", NULL);
      g_autofree char *label_id = g_strconcat (setting_rows[i].id, "_error_label", NULL);

      /* The class keeps the ids: interned. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (row_id), FALSE,
                                                 G_STRUCT_OFFSET (DdPreferencesWindow, rows) +
                                                 i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (error_id), FALSE,
                                                 G_STRUCT_OFFSET (DdPreferencesWindow, errors) +
                                                 i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (label_id), FALSE,
                                                 G_STRUCT_OFFSET (DdPreferencesWindow, error_labels) +
                                                 i * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_setting_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_item_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_changed_cb);

  gtk_widget_class_install_action (widget_class, "preferences.open-database", NULL,
                                   open_database_action);
  gtk_widget_class_install_action (widget_class, "preferences.reset-weights", NULL,
                                   reset_weights_action);
}

static void
dd_preferences_window_init (DdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_SETTINGS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (on_setting_focus_leave_cb), self, 0);
      gtk_widget_add_controller (self->rows[i], focus);
    }
}

/**
 * dd_preferences_window_new:
 * Returns: (transfer none): the window, not yet shown
 */
DdPreferencesWindow *
dd_preferences_window_new (GtkWindow *parent,
                           DdContext *context)
{
  return g_object_new (DD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}
