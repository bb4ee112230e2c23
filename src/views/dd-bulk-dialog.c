/* dd-bulk-dialog.c
 *
 * After a move of several suggestions: the ones refused first, each with
 * the model's reason, then those done. Icons and words say which is which,
 * not colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-bulk-dialog"

#include <glib/gi18n.h>

#include "dd-bulk-dialog.h"

struct _DdBulkDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *outcomes;
  guint             n_moved;

  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (DdBulkDialog, dd_bulk_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* DdBulkOutcome */

DdBulkOutcome *
dd_bulk_outcome_new (gint64      id,
                     const char *number,
                     const char *title,
                     const char *error)
{
  DdBulkOutcome *outcome = g_new0 (DdBulkOutcome, 1);

  outcome->id = id;
  outcome->number = g_strdup (number);
  outcome->title = g_strdup (title);
  outcome->error = g_strdup (error);
  return outcome;
}

void
dd_bulk_outcome_free (DdBulkOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->number);
  g_free (outcome->title);
  g_free (outcome->error);
  g_free (outcome);
}

/* Helpers */

static void
add_row (DdBulkDialog  *self,
         DdBulkOutcome *outcome)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (outcome->error != NULL ? "dialog-warning-symbolic"
                                                                         : "emblem-ok-symbolic");
  g_autofree char *title = g_strdup_printf ("%s%s%s", outcome->number != NULL ? outcome->number : "",
                                            C_("summary", " · "),
                                            outcome->title != NULL ? outcome->title : "");

  gtk_widget_add_css_class (icon, outcome->error != NULL ? "error" : "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  outcome->error != NULL ? _("Not done") : _("Done"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), outcome->error != NULL ? outcome->error : _("Done"));
  gtk_widget_set_tooltip_text (row, title);
  gtk_list_box_append (self->list, row);
}

/* GObject */

static void
dd_bulk_dialog_finalize (GObject *object)
{
  DdBulkDialog *self = DD_BULK_DIALOG (object);

  g_clear_pointer (&self->outcomes, g_ptr_array_unref);

  G_OBJECT_CLASS (dd_bulk_dialog_parent_class)->finalize (object);
}

static void
dd_bulk_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DD_TYPE_BULK_DIALOG);

  G_OBJECT_CLASS (dd_bulk_dialog_parent_class)->dispose (object);
}

static void
dd_bulk_dialog_class_init (DdBulkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_bulk_dialog_dispose;
  object_class->finalize = dd_bulk_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-bulk-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DdBulkDialog, list);
}

static void
dd_bulk_dialog_init (DdBulkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * dd_bulk_dialog_new:
 * @action: what was done, e.g. "Assign"; the heading
 * @outcomes: (element-type DdBulkOutcome): one per suggestion
 *
 * Returns: (transfer none): the dialog, not yet shown; it is destroyed when closed
 */
DdBulkDialog *
dd_bulk_dialog_new (GtkWindow  *parent,
                    const char *action,
                    GPtrArray  *outcomes)
{
  DdBulkDialog *self;
  g_autofree char *body = NULL;
  g_autofree char *done = NULL;
  guint n_refused;

  g_return_val_if_fail (outcomes != NULL, NULL);

  self = g_object_new (DD_TYPE_BULK_DIALOG, "transient-for", parent, "heading", action, NULL);
  self->outcomes = g_ptr_array_ref (outcomes);
  for (guint i = 0; i < outcomes->len; i++)
    if (((DdBulkOutcome *) g_ptr_array_index (outcomes, i))->error == NULL)
      self->n_moved++;
  n_refused = outcomes->len - self->n_moved;

  /* Refused first: they need attention. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < outcomes->len; i++)
      {
        DdBulkOutcome *outcome = g_ptr_array_index (outcomes, i);

        if ((outcome->error != NULL) == (pass == 0))
          add_row (self, outcome);
      }

  /* Translators: the first part of the bulk summary, e.g. "2 of 3 suggestions done." */
  done = g_strdup_printf (ngettext ("%u of %u suggestion done.", "%u of %u suggestions done.",
                                    outcomes->len),
                          self->n_moved, outcomes->len);
  if (n_refused > 0)
    /* Translators: %s is "2 of 3 suggestions done." */
    body = g_strdup_printf (ngettext ("%s Each was checked on its own; the one not done is unchanged.",
                                      "%s Each was checked on its own; those not done are unchanged.",
                                      n_refused),
                            done);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body != NULL ? body : done);
  return self;
}

guint
dd_bulk_dialog_get_n_moved (DdBulkDialog *self)
{
  g_return_val_if_fail (DD_IS_BULK_DIALOG (self), 0);
  return self->n_moved;
}

guint
dd_bulk_dialog_get_n_refused (DdBulkDialog *self)
{
  g_return_val_if_fail (DD_IS_BULK_DIALOG (self), 0);
  return self->outcomes->len - self->n_moved;
}

const char *
dd_bulk_dialog_get_reason (DdBulkDialog *self,
                           gint64        id)
{
  g_return_val_if_fail (DD_IS_BULK_DIALOG (self), NULL);

  for (guint i = 0; i < self->outcomes->len; i++)
    {
      DdBulkOutcome *outcome = g_ptr_array_index (self->outcomes, i);

      if (outcome->id == id)
        return outcome->error;
    }
  return NULL;
}
