/* dd-end-seat-dialog.c
 *
 * The "end" response stays disabled until the date is a real YYYY-MM-DD
 * day, with the reason shown beside the field, so the dialog never hands
 * the model a date it would refuse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-end-seat-dialog"

#include <glib/gi18n.h>

#include "dd-end-seat-dialog.h"
#include "dd-utils.h"

struct _DdEndSeatDialog
{
  AdwMessageDialog  parent_instance;

  GtkCheckButton   *resigned_check;
  GtkCheckButton   *terminated_check;
  GtkEntry         *date_entry;
  GtkLabel         *date_hint;
  GtkEntry         *reason_entry;
};

G_DEFINE_FINAL_TYPE (DdEndSeatDialog, dd_end_seat_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_date_changed_cb (DdEndSeatDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  gboolean valid = dd_date_is_valid (text);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "end", valid);
  if (valid || text[0] == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->date_hint), !valid);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

static void
dd_end_seat_dialog_class_init (DdEndSeatDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-end-seat-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DdEndSeatDialog, resigned_check);
  gtk_widget_class_bind_template_child (widget_class, DdEndSeatDialog, terminated_check);
  gtk_widget_class_bind_template_child (widget_class, DdEndSeatDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, DdEndSeatDialog, date_hint);
  gtk_widget_class_bind_template_child (widget_class, DdEndSeatDialog, reason_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
}

static void
dd_end_seat_dialog_init (DdEndSeatDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dd_end_seat_dialog_new:
 * @date: the date to propose, usually today
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself
 *   after its response
 */
DdEndSeatDialog *
dd_end_seat_dialog_new (GtkWindow  *parent,
                        const char *deputy_name,
                        const char *date)
{
  DdEndSeatDialog *self = g_object_new (DD_TYPE_END_SEAT_DIALOG,
                                        "transient-for", parent,
                                        NULL);

  /* Translators: %s is a deputy's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("End the Seat of %s?"),
                                     deputy_name);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  on_date_changed_cb (self);
  return self;
}

/**
 * dd_end_seat_dialog_get_status:
 * Returns: "resigned" or "terminated"
 */
const char *
dd_end_seat_dialog_get_status (DdEndSeatDialog *self)
{
  g_return_val_if_fail (DD_IS_END_SEAT_DIALOG (self), NULL);
  return gtk_check_button_get_active (self->terminated_check) ? "terminated" : "resigned";
}

const char *
dd_end_seat_dialog_get_date (DdEndSeatDialog *self)
{
  g_return_val_if_fail (DD_IS_END_SEAT_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
}

/**
 * dd_end_seat_dialog_get_reason:
 * Returns: (nullable): the reason, %NULL if none was given
 */
const char *
dd_end_seat_dialog_get_reason (DdEndSeatDialog *self)
{
  const char *text;

  g_return_val_if_fail (DD_IS_END_SEAT_DIALOG (self), NULL);
  text = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
  return text[0] != '\0' ? text : NULL;
}
