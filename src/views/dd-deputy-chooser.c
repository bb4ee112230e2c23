/* dd-deputy-chooser.c
 *
 * The list is the register filtered in SQL (DdDeputyList), so it stays quick
 * with tens of thousands of deputies; the choices are kept by id, apart from
 * the rows, which are recycled as the list scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-deputy-chooser"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-deputy-chooser.h"
#include "dd-deputy-list.h"

struct _DdDeputyChooser
{
  AdwWindow       parent_instance;

  DdStore        *store;
  DdDeputyList   *list;
  GHashTable     *chosen;     /* id → id (gint64*) */
  GHashTable     *already;    /* id → id: shown ticked and fixed */

  AdwWindowTitle *window_title;
  GtkWidget      *accept_button;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (DdDeputyChooser, dd_deputy_chooser, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
update_state (DdDeputyChooser *self)
{
  guint n = g_hash_table_size (self->chosen);
  g_autofree char *subtitle = NULL;

  if (n > 0)
    subtitle = g_strdup_printf (ngettext ("%u chosen", "%u chosen", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle ?: "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.accept", n > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->list != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0
                                      ? "list" : "empty");
}

static gint64
row_id (GtkWidget *check)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "deputy-id");

  return id != NULL ? *id : 0;
}

static void
set_chosen (DdDeputyChooser *self,
            gint64           id,
            gboolean         chosen)
{
  if (id == 0 || g_hash_table_contains (self->already, &id))
    return;
  if (chosen)
    g_hash_table_add (self->chosen, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->chosen, &id);
  update_state (self);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Callbacks */

static void
on_check_toggled_cb (GtkCheckButton  *check,
                     DdDeputyChooser *self)
{
  set_chosen (self, row_id (GTK_WIDGET (check)), gtk_check_button_get_active (check));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     DdDeputyChooser          *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_margin_start (box, 6);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  g_object_set_data (G_OBJECT (check), "name-label", name);
  g_object_set_data (G_OBJECT (check), "details-label", details);
  /* The list item gives the focus to the check button, which reads its labels. */
  gtk_list_item_set_activatable (item, TRUE);
  gtk_list_item_set_child (item, check);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    DdDeputyChooser          *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);
  DdDeputy *deputy = gtk_list_item_get_item (item);
  DdEntity *entity = DD_ENTITY (deputy);
  gint64 id = dd_entity_get_id (entity);
  gboolean already = g_hash_table_contains (self->already, &id);
  g_autoptr(GString) details = g_string_new (dd_code_label (dd_deputy_levels,
                                                            dd_deputy_get_level (deputy)));
  const char *constituency = dd_entity_get_string (entity, "constituency");

  if (constituency != NULL && constituency[0] != '\0')
    g_string_append_printf (details, "%s%s", C_("summary", " · "), constituency);
  if (g_strcmp0 (dd_deputy_get_status (deputy), "active") != 0)
    g_string_append_printf (details, "%s%s", C_("summary", " · "),
                            dd_code_label (dd_deputy_statuses, dd_deputy_get_status (deputy)));
  if (already)
    g_string_append_printf (details, "%s%s", C_("summary", " · "), _("already added"));

  gtk_label_set_label (g_object_get_data (G_OBJECT (check), "name-label"),
                       dd_deputy_get_name (deputy));
  gtk_label_set_label (g_object_get_data (G_OBJECT (check), "details-label"), details->str);
  g_object_set_data_full (G_OBJECT (check), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               already || g_hash_table_contains (self->chosen, &id));
  gtk_widget_set_sensitive (check, !already);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      DdDeputyChooser          *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);

  g_signal_handlers_disconnect_by_func (check, on_check_toggled_cb, self);
  g_object_set_data (G_OBJECT (check), "deputy-id", NULL);
}

static void
on_list_activate_cb (DdDeputyChooser *self,
                     guint            position)
{
  g_autoptr(DdDeputy) deputy = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  gint64 id;

  if (deputy == NULL)
    return;
  id = dd_entity_get_id (DD_ENTITY (deputy));
  dd_deputy_chooser_toggle (self, id, !g_hash_table_contains (self->chosen, &id));
}

static void
on_search_changed_cb (DdDeputyChooser *self)
{
  /* Committed text only: an input method's pre-edit never reaches the query. */
  if (self->list != NULL)
    dd_deputy_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_state (self);
}

/* Actions */

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  dd_deputy_chooser_accept (DD_DEPUTY_CHOOSER (widget));
}

/* GObject */

static void
dd_deputy_chooser_dispose (GObject *object)
{
  DdDeputyChooser *self = DD_DEPUTY_CHOOSER (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_DEPUTY_CHOOSER);

  G_OBJECT_CLASS (dd_deputy_chooser_parent_class)->dispose (object);
}

static void
dd_deputy_chooser_finalize (GObject *object)
{
  DdDeputyChooser *self = DD_DEPUTY_CHOOSER (object);

  g_hash_table_unref (self->chosen);
  g_hash_table_unref (self->already);

  G_OBJECT_CLASS (dd_deputy_chooser_parent_class)->finalize (object);
}

static void
dd_deputy_chooser_class_init (DdDeputyChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_deputy_chooser_dispose;
  object_class->finalize = dd_deputy_chooser_finalize;

  /**
   * DdDeputyChooser::chosen:
   * @ids: (element-type gint64): the deputies ticked, by id
   *
   * Emitted by Add; the window closes afterwards.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-deputy-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, DdDeputyChooser, window_title);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyChooser, accept_button);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "chooser.accept", NULL, accept_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dd_deputy_chooser_init (DdDeputyChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->already = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

/* Public API */

/**
 * dd_deputy_chooser_new:
 * @title: the window's title, e.g. "Add Deputies"
 * @already: (array length=n_already) (nullable): deputies shown ticked and fixed
 *
 * Returns: (transfer none): the window, not yet shown; it is destroyed when closed
 */
DdDeputyChooser *
dd_deputy_chooser_new (GtkWindow    *parent,
                       DdStore      *store,
                       const char   *title,
                       const gint64 *already,
                       guint         n_already)
{
  DdDeputyChooser *self;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  self = g_object_new (DD_TYPE_DEPUTY_CHOOSER,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);
  for (guint i = 0; i < n_already; i++)
    g_hash_table_add (self->already, g_memdup2 (&already[i], sizeof (gint64)));

  self->store = g_object_ref (store);
  self->list = dd_deputy_list_new (store);
  dd_deputy_list_set_status (self->list, "active");
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->list, "notify::n-items", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
  return self;
}

/**
 * dd_deputy_chooser_set_search:
 * What typing into the search entry does (committed text).
 */
void
dd_deputy_chooser_set_search (DdDeputyChooser *self,
                              const char      *text)
{
  g_return_if_fail (DD_IS_DEPUTY_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self);
}

guint
dd_deputy_chooser_get_n_shown (DdDeputyChooser *self)
{
  g_return_val_if_fail (DD_IS_DEPUTY_CHOOSER (self), 0);
  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

/**
 * dd_deputy_chooser_toggle:
 * Ticks or unticks deputy @deputy_id, as a click on its row does.
 */
void
dd_deputy_chooser_toggle (DdDeputyChooser *self,
                          gint64           deputy_id,
                          gboolean         chosen)
{
  g_return_if_fail (DD_IS_DEPUTY_CHOOSER (self));

  set_chosen (self, deputy_id, chosen);
  /* The rows in view follow. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_widget_get_first_child (row);

      if (GTK_IS_CHECK_BUTTON (check) && row_id (check) == deputy_id)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
    }
}

/**
 * dd_deputy_chooser_dup_chosen:
 * Returns: (transfer full) (element-type gint64): the ids ticked
 */
GArray *
dd_deputy_chooser_dup_chosen (DdDeputyChooser *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (DD_IS_DEPUTY_CHOOSER (self), ids);

  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);
  return ids;
}

/**
 * dd_deputy_chooser_accept:
 * Emits ::chosen with the deputies ticked and closes the window.
 */
void
dd_deputy_chooser_accept (DdDeputyChooser *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (DD_IS_DEPUTY_CHOOSER (self));

  ids = dd_deputy_chooser_dup_chosen (self);
  if (ids->len == 0)
    return;
  g_signal_emit (self, signals[CHOSEN], 0, ids);
  gtk_window_destroy (GTK_WINDOW (self));
}
