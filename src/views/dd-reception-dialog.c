/* dd-reception-dialog.c
 *
 * Everything the dialog shows is written by one call, dd_reception_record(),
 * in one transaction: the reception, the deputies present and each opinion
 * as a suggestion. When the model refuses, its message (it names the field,
 * and the opinion by number) stays in the dialog with what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-reception-dialog"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-deputy-chooser.h"
#include "dd-reception.h"
#include "dd-reception-dialog.h"
#include "dd-utils.h"

struct _DdReceptionDialog
{
  AdwWindow       parent_instance;

  DdStore        *store;
  DdStation      *station;

  AdwWindowTitle *window_title;
  GtkScrolledWindow *scroller;
  GtkLabel       *error_label;
  GtkWidget      *held_on_row;
  GtkWidget      *held_on_error;
  GtkLabel       *held_on_error_label;
  GtkSpinButton  *voters_spin;
  GtkSpinButton  *petitions_spin;
  GtkWidget      *topic_row;
  GtkListBox     *present_list;
  GtkWidget      *no_opinions_label;
  GtkBox         *opinions_box;
};

G_DEFINE_FINAL_TYPE (DdReceptionDialog, dd_reception_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gint64
row_deputy_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "deputy-id");

  return id != NULL ? *id : 0;
}

static GtkListBoxRow *
find_present_row (DdReceptionDialog *self,
                  gint64             deputy_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->present_list, i)) != NULL; i++)
    if (row_deputy_id (GTK_WIDGET (row)) == deputy_id)
      return row;
  return NULL;
}

static void
add_present_row (DdReceptionDialog *self,
                 DdDeputy          *deputy,
                 gboolean           attached,
                 gboolean           present)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gint64 id = dd_entity_get_id (DD_ENTITY (deputy));
  g_autoptr(GString) subtitle = g_string_new (dd_code_label (dd_deputy_levels,
                                                             dd_deputy_get_level (deputy)));

  if (!attached)
    g_string_append_printf (subtitle, "%s%s", C_("summary", " · "), _("from another station"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dd_deputy_get_name (deputy));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), present);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dd_deputy_get_name (deputy),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_list_box_append (self->present_list, row);
}

static void
renumber_opinions (DdReceptionDialog *self)
{
  guint number = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->opinions_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    dd_opinion_editor_set_number (DD_OPINION_EDITOR (child), number++);
  gtk_widget_set_visible (self->no_opinions_label, number == 1);
}

static void
set_held_on_error (DdReceptionDialog *self,
                   const char        *message)
{
  gtk_label_set_label (self->held_on_error_label, message ?: "");
  gtk_widget_set_visible (self->held_on_error, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->held_on_row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->held_on_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->held_on_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->held_on_row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->held_on_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->held_on_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_error (DdReceptionDialog *self,
           const char        *message)
{
  gtk_label_set_label (self->error_label, message ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Callbacks */

static void
on_held_on_changed_cb (DdReceptionDialog *self)
{
  set_held_on_error (self, NULL);
}

static void
on_opinion_remove_cb (DdOpinionEditor   *opinion,
                      DdReceptionDialog *self)
{
  gtk_box_remove (self->opinions_box, GTK_WIDGET (opinion));
  renumber_opinions (self);
}

static void
on_others_chosen_cb (DdDeputyChooser   *chooser,
                     GArray            *ids,
                     DdReceptionDialog *self)
{
  dd_reception_dialog_add_present (self, (const gint64 *) ids->data, ids->len);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DdReceptionDialog *self = DD_RECEPTION_DIALOG (widget);

  if (dd_reception_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_opinion_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DdOpinionEditor *opinion = dd_reception_dialog_add_opinion (DD_RECEPTION_DIALOG (widget));

  gtk_widget_grab_focus (dd_opinion_editor_get_row (opinion, "title"));
}

static void
add_others_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DdReceptionDialog *self = DD_RECEPTION_DIALOG (widget);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListBoxRow *row;
  DdDeputyChooser *chooser;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->present_list, i)) != NULL; i++)
    {
      gint64 id = row_deputy_id (GTK_WIDGET (row));

      g_array_append_val (shown, id);
    }
  chooser = dd_deputy_chooser_new (GTK_WINDOW (self), self->store, _("Other Deputies Present"),
                                   (const gint64 *) shown->data, shown->len);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_others_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* GObject */

static void
dd_reception_dialog_dispose (GObject *object)
{
  DdReceptionDialog *self = DD_RECEPTION_DIALOG (object);

  g_clear_object (&self->station);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_RECEPTION_DIALOG);

  G_OBJECT_CLASS (dd_reception_dialog_parent_class)->dispose (object);
}

static void
dd_reception_dialog_class_init (DdReceptionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_reception_dialog_dispose;

  /**
   * DdReceptionDialog::recorded:
   * @reception_id: the reception written
   * @n_opinions: the voters' opinions registered with it
   *
   * Emitted once everything is written; the dialog closes afterwards.
   */
  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  g_type_ensure (DD_TYPE_OPINION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-reception-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, held_on_row);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, held_on_error);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, held_on_error_label);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, voters_spin);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, petitions_spin);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, present_list);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, no_opinions_label);
  gtk_widget_class_bind_template_child (widget_class, DdReceptionDialog, opinions_box);
  gtk_widget_class_bind_template_callback (widget_class, on_held_on_changed_cb);

  gtk_widget_class_install_action (widget_class, "reception.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "reception.add-opinion", NULL, add_opinion_action);
  gtk_widget_class_install_action (widget_class, "reception.add-others", NULL, add_others_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "reception.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dd_reception_dialog_init (DdReceptionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * dd_reception_dialog_new:
 * @attached: (nullable): the station's deputies (DdDeputy), offered first;
 *   those on duty come ticked
 *
 * Returns: (transfer none): the dialog, not yet shown; it is destroyed when
 *   closed or once the reception is recorded
 */
DdReceptionDialog *
dd_reception_dialog_new (GtkWindow  *parent,
                         DdStore    *store,
                         DdStation  *station,
                         GListModel *attached)
{
  DdReceptionDialog *self;
  g_autofree char *today = NULL;
  guint n;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (DD_IS_STATION (station), NULL);

  self = g_object_new (DD_TYPE_RECEPTION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->station = g_object_ref (station);
  adw_window_title_set_subtitle (self->window_title, dd_station_get_name (station));

  today = dd_store_dup_today (store);
  gtk_editable_set_text (GTK_EDITABLE (self->held_on_row), today);

  n = attached != NULL ? g_list_model_get_n_items (attached) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DdDeputy) deputy = g_list_model_get_item (attached, i);

      add_present_row (self, deputy, TRUE,
                       dd_station_is_on_duty (station, store, dd_entity_get_id (DD_ENTITY (deputy))));
    }
  renumber_opinions (self);
  return self;
}

/**
 * dd_reception_dialog_get_row:
 * @field: "held-on", "voters-received", "petitions-handled" or "topic"
 *
 * Returns: (transfer none) (nullable): the entry row or spin button of @field
 */
GtkWidget *
dd_reception_dialog_get_row (DdReceptionDialog *self,
                             const char        *field)
{
  g_return_val_if_fail (DD_IS_RECEPTION_DIALOG (self), NULL);

  if (g_strcmp0 (field, "held-on") == 0)
    return self->held_on_row;
  if (g_strcmp0 (field, "voters-received") == 0)
    return GTK_WIDGET (self->voters_spin);
  if (g_strcmp0 (field, "petitions-handled") == 0)
    return GTK_WIDGET (self->petitions_spin);
  if (g_strcmp0 (field, "topic") == 0)
    return self->topic_row;
  return NULL;
}

/**
 * dd_reception_dialog_set_present:
 * Ticks or unticks a deputy listed as possibly present.
 */
void
dd_reception_dialog_set_present (DdReceptionDialog *self,
                                 gint64             deputy_id,
                                 gboolean           present)
{
  GtkListBoxRow *row;

  g_return_if_fail (DD_IS_RECEPTION_DIALOG (self));

  row = find_present_row (self, deputy_id);
  g_return_if_fail (row != NULL);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), present);
}

/**
 * dd_reception_dialog_add_present:
 * Lists deputies from elsewhere as present (ticked), after the station's own.
 */
void
dd_reception_dialog_add_present (DdReceptionDialog *self,
                                 const gint64      *deputy_ids,
                                 guint              n_deputies)
{
  g_return_if_fail (DD_IS_RECEPTION_DIALOG (self));

  for (guint i = 0; i < n_deputies; i++)
    {
      GtkListBoxRow *row = find_present_row (self, deputy_ids[i]);
      g_autoptr(DdDeputy) deputy = NULL;
      g_autoptr(GError) error = NULL;

      if (row != NULL)
        {
          gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), TRUE);
          continue;
        }
      deputy = dd_deputy_load (self->store, deputy_ids[i], &error);
      if (deputy == NULL)
        {
          set_error (self, error->message);
          continue;
        }
      add_present_row (self, deputy, FALSE, TRUE);
    }
}

/**
 * dd_reception_dialog_get_n_present:
 * Returns: how many deputies are ticked as present
 */
guint
dd_reception_dialog_get_n_present (DdReceptionDialog *self)
{
  GtkListBoxRow *row;
  guint n = 0;

  g_return_val_if_fail (DD_IS_RECEPTION_DIALOG (self), 0);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->present_list, i)) != NULL; i++)
    if (gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check")))
      n++;
  return n;
}

/**
 * dd_reception_dialog_add_opinion:
 * Returns: (transfer none): a new, empty opinion at the end
 */
DdOpinionEditor *
dd_reception_dialog_add_opinion (DdReceptionDialog *self)
{
  GtkWidget *opinion;

  g_return_val_if_fail (DD_IS_RECEPTION_DIALOG (self), NULL);

  opinion = dd_opinion_editor_new (1);
  g_signal_connect_object (opinion, "remove", G_CALLBACK (on_opinion_remove_cb), self, 0);
  gtk_box_append (self->opinions_box, opinion);
  renumber_opinions (self);
  return DD_OPINION_EDITOR (opinion);
}

guint
dd_reception_dialog_get_n_opinions (DdReceptionDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (DD_IS_RECEPTION_DIALOG (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->opinions_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/**
 * dd_reception_dialog_get_opinion:
 * Returns: (transfer none) (nullable): the @index-th opinion, from 0
 */
DdOpinionEditor *
dd_reception_dialog_get_opinion (DdReceptionDialog *self,
                                 guint              index)
{
  GtkWidget *child;

  g_return_val_if_fail (DD_IS_RECEPTION_DIALOG (self), NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->opinions_box));
  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child != NULL ? DD_OPINION_EDITOR (child) : NULL;
}

/**
 * dd_reception_dialog_save:
 *
 * Records the reception with its deputies and opinions, all or nothing.
 * On error the model's message is shown in the dialog and nothing is written.
 *
 * Returns: whether it was recorded (::recorded was emitted)
 */
gboolean
dd_reception_dialog_save (DdReceptionDialog *self)
{
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) opinions = g_array_new (FALSE, TRUE, sizeof (DdVoterOpinion));
  g_autoptr(GError) error = NULL;
  g_autofree char *held_on = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->held_on_row))));
  const char *topic = gtk_editable_get_text (GTK_EDITABLE (self->topic_row));
  GtkListBoxRow *row;

  g_return_val_if_fail (DD_IS_RECEPTION_DIALOG (self), FALSE);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->present_list, i)) != NULL; i++)
    if (gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check")))
      {
        gint64 id = row_deputy_id (GTK_WIDGET (row));

        g_array_append_val (present, id);
      }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->opinions_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      DdOpinionEditor *editor = DD_OPINION_EDITOR (child);
      DdVoterOpinion opinion = {
        .title = dd_opinion_editor_get_title (editor),
        .body = dd_opinion_editor_get_body (editor),
        .category = dd_opinion_editor_get_category (editor),
        .voter_name = dd_opinion_editor_get_voter_name (editor),
        .voter_phone = dd_opinion_editor_get_voter_phone (editor),
      };

      dd_opinion_editor_set_error (editor, NULL);
      g_array_append_val (opinions, opinion);
    }

  gtk_spin_button_update (self->voters_spin);
  gtk_spin_button_update (self->petitions_spin);
  g_object_set (reception,
                "station-id", dd_entity_get_id (DD_ENTITY (self->station)),
                "held-on", held_on[0] != '\0' ? held_on : NULL,
                "voters-received", (gint64) gtk_spin_button_get_value_as_int (self->voters_spin),
                "petitions-handled", (gint64) gtk_spin_button_get_value_as_int (self->petitions_spin),
                "topic", topic[0] != '\0' ? topic : NULL,
                NULL);

  set_held_on_error (self, NULL);
  if (!dd_reception_record (reception, self->store,
                            (const gint64 *) present->data, present->len,
                            (const DdVoterOpinion *) opinions->data, opinions->len, &error))
    {
      GtkWidget *first = NULL;

      set_error (self, error->message);
      /* Point at the rows the message is about, as far as the dialog can tell:
       * the model's own words under the first, and the focus there. */
      if (!dd_date_is_valid (held_on))
        {
          set_held_on_error (self, error->message);
          first = self->held_on_row;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->opinions_box));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (dd_opinion_editor_get_title (DD_OPINION_EDITOR (child)) == NULL)
          {
            /* Translators: under an opinion's empty title in the reception dialog */
            dd_opinion_editor_set_error (DD_OPINION_EDITOR (child),
                                         first == NULL ? error->message : _("Give the opinion a title."));
            if (first == NULL)
              first = dd_opinion_editor_get_row (DD_OPINION_EDITOR (child), "title");
          }
      if (first != NULL)
        gtk_widget_grab_focus (first);
      return FALSE;
    }

  set_error (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, dd_entity_get_id (DD_ENTITY (reception)), opinions->len);
  return TRUE;
}

/**
 * dd_reception_dialog_get_error:
 * Returns: (nullable): the model's message shown in the dialog
 */
const char *
dd_reception_dialog_get_error (DdReceptionDialog *self)
{
  g_return_val_if_fail (DD_IS_RECEPTION_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_label (self->error_label) : NULL;
}
