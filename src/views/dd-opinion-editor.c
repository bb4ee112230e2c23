/* dd-opinion-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-opinion-editor"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-opinion-editor.h"

struct _DdOpinionEditor
{
  AdwPreferencesGroup  parent_instance;

  guint                number;

  GtkWidget           *remove_button;
  GtkWidget           *title_row;
  GtkWidget           *title_error;
  GtkLabel            *title_error_label;
  AdwComboRow         *category_row;
  GtkWidget           *body_row;
  GtkWidget           *voter_name_row;
  GtkWidget           *voter_phone_row;
};

G_DEFINE_FINAL_TYPE (DdOpinionEditor, dd_opinion_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_NUMBER,
  N_PROPS
};

enum {
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
text_or_null (GtkWidget *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text[0] != '\0' ? text : NULL;
}

static void
update_title (DdOpinionEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *remove = NULL;

  /* Translators: the heading of the n-th voter's opinion in the reception dialog */
  title = g_strdup_printf (_("Opinion %u"), self->number);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  /* Translators: the remove button of the n-th opinion, read out by a screen reader */
  remove = g_strdup_printf (_("Remove opinion %u"), self->number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
}

static void
on_title_changed_cb (DdOpinionEditor *self)
{
  /* A message goes away as soon as its field is edited. */
  dd_opinion_editor_set_error (self, NULL);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
dd_opinion_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DD_TYPE_OPINION_EDITOR);

  G_OBJECT_CLASS (dd_opinion_editor_parent_class)->dispose (object);
}

static void
dd_opinion_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DdOpinionEditor *self = DD_OPINION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_opinion_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DdOpinionEditor *self = DD_OPINION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      dd_opinion_editor_set_number (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_opinion_editor_class_init (DdOpinionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_opinion_editor_dispose;
  object_class->get_property = dd_opinion_editor_get_property;
  object_class->set_property = dd_opinion_editor_set_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The remove button: the dialog takes the opinion out and renumbers the others. */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-opinion-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DdOpinionEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, DdOpinionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, DdOpinionEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, DdOpinionEditor, title_error_label);
  gtk_widget_class_bind_template_child (widget_class, DdOpinionEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, DdOpinionEditor, body_row);
  gtk_widget_class_bind_template_child (widget_class, DdOpinionEditor, voter_name_row);
  gtk_widget_class_bind_template_child (widget_class, DdOpinionEditor, voter_phone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);

  gtk_widget_class_install_action (widget_class, "opinion.remove", NULL, remove_action);
}

static void
dd_opinion_editor_init (DdOpinionEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; dd_suggestion_categories[i] != NULL; i++)
    gtk_string_list_append (categories, dd_code_label (dd_suggestion_categories,
                                                       dd_suggestion_categories[i]));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  dd_opinion_editor_set_category (self, "other");
  self->number = 1;
  update_title (self);
}

/* Public API */

GtkWidget *
dd_opinion_editor_new (guint number)
{
  return g_object_new (DD_TYPE_OPINION_EDITOR, "number", number, NULL);
}

guint
dd_opinion_editor_get_number (DdOpinionEditor *self)
{
  g_return_val_if_fail (DD_IS_OPINION_EDITOR (self), 0);
  return self->number;
}

/**
 * dd_opinion_editor_set_number:
 * @number: the opinion's place in the dialog, from 1, as the model's messages count
 */
void
dd_opinion_editor_set_number (DdOpinionEditor *self,
                              guint            number)
{
  g_return_if_fail (DD_IS_OPINION_EDITOR (self));

  if (self->number == number)
    return;
  self->number = number;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

/**
 * dd_opinion_editor_get_title:
 * Returns: (nullable): the title typed, %NULL if none
 */
const char *
dd_opinion_editor_get_title (DdOpinionEditor *self)
{
  g_return_val_if_fail (DD_IS_OPINION_EDITOR (self), NULL);
  return text_or_null (self->title_row);
}

const char *
dd_opinion_editor_get_body (DdOpinionEditor *self)
{
  g_return_val_if_fail (DD_IS_OPINION_EDITOR (self), NULL);
  return text_or_null (self->body_row);
}

/**
 * dd_opinion_editor_get_category:
 * Returns: the code of the category chosen (dd_suggestion_categories)
 */
const char *
dd_opinion_editor_get_category (DdOpinionEditor *self)
{
  guint selected;

  g_return_val_if_fail (DD_IS_OPINION_EDITOR (self), NULL);

  selected = adw_combo_row_get_selected (self->category_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) dd_suggestion_categories))
    return NULL;
  return dd_suggestion_categories[selected];
}

void
dd_opinion_editor_set_category (DdOpinionEditor *self,
                                const char      *category)
{
  g_return_if_fail (DD_IS_OPINION_EDITOR (self));

  for (guint i = 0; dd_suggestion_categories[i] != NULL; i++)
    if (g_strcmp0 (dd_suggestion_categories[i], category) == 0)
      adw_combo_row_set_selected (self->category_row, i);
}

const char *
dd_opinion_editor_get_voter_name (DdOpinionEditor *self)
{
  g_return_val_if_fail (DD_IS_OPINION_EDITOR (self), NULL);
  return text_or_null (self->voter_name_row);
}

const char *
dd_opinion_editor_get_voter_phone (DdOpinionEditor *self)
{
  g_return_val_if_fail (DD_IS_OPINION_EDITOR (self), NULL);
  return text_or_null (self->voter_phone_row);
}

/**
 * dd_opinion_editor_set_error:
 * @message: (nullable): shown under the title, %NULL clears it
 */
void
dd_opinion_editor_set_error (DdOpinionEditor *self,
                             const char      *message)
{
  g_return_if_fail (DD_IS_OPINION_EDITOR (self));

  gtk_label_set_label (self->title_error_label, message ?: "");
  gtk_widget_set_visible (self->title_error, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->title_row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->title_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->title_row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->title_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->title_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/**
 * dd_opinion_editor_get_error:
 * Returns: (nullable): the message shown under the title
 */
const char *
dd_opinion_editor_get_error (DdOpinionEditor *self)
{
  g_return_val_if_fail (DD_IS_OPINION_EDITOR (self), NULL);
  return gtk_widget_get_visible (self->title_error) ? gtk_label_get_label (self->title_error_label)
                                                    : NULL;
}

/**
 * dd_opinion_editor_get_row:
 * @field: "title", "category", "body", "voter-name" or "voter-phone"
 *
 * Returns: (transfer none) (nullable): the row of @field
 */
GtkWidget *
dd_opinion_editor_get_row (DdOpinionEditor *self,
                           const char      *field)
{
  g_return_val_if_fail (DD_IS_OPINION_EDITOR (self), NULL);

  if (g_strcmp0 (field, "title") == 0)
    return self->title_row;
  if (g_strcmp0 (field, "category") == 0)
    return GTK_WIDGET (self->category_row);
  if (g_strcmp0 (field, "body") == 0)
    return self->body_row;
  if (g_strcmp0 (field, "voter-name") == 0)
    return self->voter_name_row;
  if (g_strcmp0 (field, "voter-phone") == 0)
    return self->voter_phone_row;
  return NULL;
}
