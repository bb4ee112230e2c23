/* dd-placard-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-placard-dialog"

#include <glib/gi18n.h>

#include "dd-placard-dialog.h"

struct _DdPlacardDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *which_box;
  GtkCheckButton   *one_check;
  GtkCheckButton   *all_check;
  GtkCheckButton   *one_per_page_check;
  GtkCheckButton   *two_per_page_check;
  GtkCheckButton   *four_per_page_check;
};

G_DEFINE_FINAL_TYPE (DdPlacardDialog, dd_placard_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
dd_placard_dialog_class_init (DdPlacardDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-placard-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DdPlacardDialog, which_box);
  gtk_widget_class_bind_template_child (widget_class, DdPlacardDialog, one_check);
  gtk_widget_class_bind_template_child (widget_class, DdPlacardDialog, all_check);
  gtk_widget_class_bind_template_child (widget_class, DdPlacardDialog, one_per_page_check);
  gtk_widget_class_bind_template_child (widget_class, DdPlacardDialog, two_per_page_check);
  gtk_widget_class_bind_template_child (widget_class, DdPlacardDialog, four_per_page_check);
}

static void
dd_placard_dialog_init (DdPlacardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dd_placard_dialog_new:
 * @one_name: (nullable): the selected station or deputy, if any
 * @n_shown: how many the list shows (0: offer only @one_name)
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself
 *   after its response ("save", "print" or "cancel")
 */
DdPlacardDialog *
dd_placard_dialog_new (GtkWindow  *parent,
                       const char *one_name,
                       guint       n_shown)
{
  DdPlacardDialog *self = g_object_new (DD_TYPE_PLACARD_DIALOG,
                                        "transient-for", parent,
                                        NULL);
  g_autofree char *one = NULL;
  g_autofree char *all = NULL;

  g_return_val_if_fail (one_name != NULL || n_shown > 0, self);

  if (one_name != NULL)
    {
      /* Translators: a choice in the placard dialog; %s is a station's or deputy's name */
      one = g_strdup_printf (_("Only “%s”"), one_name);
      gtk_check_button_set_label (self->one_check, one);
    }
  /* Translators: a choice in the placard dialog */
  all = g_strdup_printf (ngettext ("The %u station shown in the list", "All %u stations shown in the list",
                                   n_shown),
                         n_shown);
  gtk_check_button_set_label (self->all_check, all);

  /* Only a choice when there is one to make. */
  gtk_widget_set_visible (self->which_box, one_name != NULL && n_shown > 0);
  gtk_check_button_set_active (one_name != NULL ? self->one_check : self->all_check, TRUE);
  return self;
}

/**
 * dd_placard_dialog_get_all:
 * Returns: whether every station the list shows was chosen, not only one
 */
gboolean
dd_placard_dialog_get_all (DdPlacardDialog *self)
{
  g_return_val_if_fail (DD_IS_PLACARD_DIALOG (self), FALSE);
  return gtk_check_button_get_active (self->all_check);
}

/**
 * dd_placard_dialog_get_per_page:
 * Returns: 1, 2 or 4
 */
guint
dd_placard_dialog_get_per_page (DdPlacardDialog *self)
{
  g_return_val_if_fail (DD_IS_PLACARD_DIALOG (self), 1);
  if (gtk_check_button_get_active (self->four_per_page_check))
    return 4;
  if (gtk_check_button_get_active (self->two_per_page_check))
    return 2;
  return 1;
}
