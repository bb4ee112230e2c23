/* dd-board-column.c
 *
 * One virtualized GtkListView over a DdSuggestionList of ids
 * (PERFORMANCE.md): however many suggestions the column holds, it builds
 * cards for the rows in view only and rebinds them as it scrolls.
 *
 * A card dropped here is reported with ::suggestion-dropped; the page asks
 * the workflow what that means. The column itself changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-board-column"

#include <glib/gi18n.h>

#include "dd-board-column.h"
#include "dd-codes.h"

struct _DdBoardColumn
{
  GtkWidget           parent_instance;

  DdStore            *store;
  DdSuggestionFilter *filter;
  guint               index;
  DdSuggestionList   *list;
  GtkMultiSelection  *selection;
  gboolean            selection_mode;
  GdkModifierType     modifiers;     /* of the last press or key, to tell a plain click */
  char               *count_text;

  GtkWidget          *box;
  GtkWidget          *header;
  GtkLabel           *title_label;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
};

G_DEFINE_FINAL_TYPE (DdBoardColumn, dd_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION_MODE,
  N_PROPS
};

enum {
  SUGGESTION_DROPPED,
  CARD_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
update_count (DdBoardColumn *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *described = NULL;

  g_free (self->count_text);
  self->count_text = g_strdup_printf ("%u", n);
  gtk_label_set_label (self->count_label, self->count_text);
  /* Translators: a board column's heading as read out, e.g. "Assigned, 128 suggestions" */
  described = g_strdup_printf (ngettext ("%s, %u suggestion", "%s, %u suggestions", n),
                               dd_board_column_get_title (self), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, described,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, described,
                                  -1);

  gtk_label_set_label (self->empty_label,
                       dd_suggestion_filter_is_empty (self->filter)
                         ? _("No suggestions")
                         : _("None match the filters"));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* The card the keyboard focus is on, in this column. */
static DdSuggestionCard *
focused_card (DdBoardColumn *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      if (DD_IS_SUGGESTION_CARD (w))
        return DD_SUGGESTION_CARD (w);
      if (DD_IS_SUGGESTION_CARD (gtk_widget_get_first_child (w)))
        return DD_SUGGESTION_CARD (gtk_widget_get_first_child (w));
    }
  return NULL;
}

static DdSuggestionCard *
find_card_in (GtkWidget *widget,
              gint64     id)
{
  if (DD_IS_SUGGESTION_CARD (widget))
    {
      DdSuggestion *suggestion = dd_suggestion_card_get_suggestion (DD_SUGGESTION_CARD (widget));

      return suggestion != NULL && dd_entity_get_id (DD_ENTITY (suggestion)) == id
             ? DD_SUGGESTION_CARD (widget) : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DdSuggestionCard *card = find_card_in (child, id);

      if (card != NULL)
        return card;
    }
  return NULL;
}

/* Callbacks */

static void
on_item_selected_cb (GtkListItem *item,
                     GParamSpec  *pspec,
                     GtkWidget   *card)
{
  dd_suggestion_card_set_selected (DD_SUGGESTION_CARD (card), gtk_list_item_get_selected (item));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     DdBoardColumn            *self)
{
  GtkWidget *card = dd_suggestion_card_new (self->store);

  g_object_bind_property (item, "item", card, "suggestion", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selection-mode", card, "selection-mode", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (item, "notify::selected", G_CALLBACK (on_item_selected_cb), card, 0);
  gtk_list_item_set_child (item, card);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    DdBoardColumn            *self)
{
  dd_suggestion_card_set_selected (DD_SUGGESTION_CARD (gtk_list_item_get_child (item)),
                                   gtk_list_item_get_selected (item));
}

static void
on_list_activate_cb (DdBoardColumn *self,
                     guint          position)
{
  g_autoptr(DdSuggestion) suggestion = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (suggestion != NULL)
    g_signal_emit (self, signals[CARD_ACTIVATED], 0, suggestion);
}

static void
on_selection_changed_cb (DdBoardColumn *self)
{
  gboolean exclusive = !self->selection_mode &&
                       (self->modifiers & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0;

  g_signal_emit (self, signals[SELECTION_CHANGED], 0, exclusive);
}

static void
on_press_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             DdBoardColumn   *self)
{
  self->modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   DdBoardColumn         *self)
{
  self->modifiers = state;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            DdBoardColumn *self)
{
  DdSuggestion *suggestion = g_value_get_object (value);

  if (!DD_IS_SUGGESTION (suggestion))
    return FALSE;
  g_signal_emit (self, signals[SUGGESTION_DROPPED], 0, suggestion);
  return TRUE;
}

static gboolean
popup_menu_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  DdSuggestionCard *card = focused_card (DD_BOARD_COLUMN (widget));

  if (card == NULL)
    return FALSE;
  dd_suggestion_card_popup_menu (card);
  return TRUE;
}

/* GObject */

static void
dd_board_column_dispose (GObject *object)
{
  DdBoardColumn *self = DD_BOARD_COLUMN (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_BOARD_COLUMN);

  G_OBJECT_CLASS (dd_board_column_parent_class)->dispose (object);
}

static void
dd_board_column_finalize (GObject *object)
{
  DdBoardColumn *self = DD_BOARD_COLUMN (object);

  g_free (self->count_text);

  G_OBJECT_CLASS (dd_board_column_parent_class)->finalize (object);
}

static void
dd_board_column_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DdBoardColumn *self = DD_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_board_column_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DdBoardColumn *self = DD_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SELECTION_MODE:
      dd_board_column_set_selection_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_board_column_class_init (DdBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_board_column_dispose;
  object_class->finalize = dd_board_column_finalize;
  object_class->get_property = dd_board_column_get_property;
  object_class->set_property = dd_board_column_set_property;

  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdBoardColumn::suggestion-dropped:
   * A card was dropped here; nothing has moved yet.
   */
  signals[SUGGESTION_DROPPED] =
    g_signal_new ("suggestion-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DD_TYPE_SUGGESTION);
  /**
   * DdBoardColumn::card-activated:
   * A card was double-clicked or Enter pressed on it.
   */
  signals[CARD_ACTIVATED] =
    g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DD_TYPE_SUGGESTION);
  /**
   * DdBoardColumn::selection-changed:
   * @exclusive: a plain click or key chose the cards: the other columns'
   *   selections should go
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, DdBoardColumn, box);
  gtk_widget_class_bind_template_child (widget_class, DdBoardColumn, header);
  gtk_widget_class_bind_template_child (widget_class, DdBoardColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, DdBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, DdBoardColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, DdBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, DdBoardColumn, empty_label);

  /* The context menu of the card with the focus. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, popup_menu_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, popup_menu_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
}

static void
dd_board_column_init (DdBoardColumn *self)
{
  GtkDropTarget *target = gtk_drop_target_new (DD_TYPE_SUGGESTION, GDK_ACTION_MOVE);
  GtkGesture *press = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  /* Seen before the list view's own handlers change the selection. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (press), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (on_press_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (press));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_activate_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * dd_board_column_new:
 * @index: the column, an index of dd_suggestion_columns
 * @filter: the board's filter, shared by every column
 */
GtkWidget *
dd_board_column_new (DdStore            *store,
                     guint               index,
                     DdSuggestionFilter *filter)
{
  DdBoardColumn *self;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const char *name;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (index < DD_SUGGESTION_N_COLUMNS, NULL);
  g_return_val_if_fail (DD_IS_SUGGESTION_FILTER (filter), NULL);

  self = g_object_new (DD_TYPE_BOARD_COLUMN, NULL);
  self->store = g_object_ref (store);
  self->filter = g_object_ref (filter);
  self->index = index;
  name = dd_suggestion_columns[index].name;
  gtk_widget_add_css_class (self->box, name);

  gtk_label_set_label (self->title_label, dd_board_column_get_title (self));
  if (g_str_equal (name, "set_aside"))
    gtk_widget_set_tooltip_text (self->header, _("Rejected, merged into another suggestion, or transferred to another level’s congress"));

  self->list = dd_suggestion_list_new (store, dd_suggestion_columns[index].states, filter);
  if (dd_suggestion_list_get_order (self->list) == DD_SUGGESTION_ORDER_DEADLINE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), _("By reply deadline, the most overdue first"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), _("Newest first"));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::n-items", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_count (self);
  return GTK_WIDGET (self);
}

/**
 * dd_board_column_get_name:
 * Returns: the column's name in dd_suggestion_columns: a state, or "set_aside"
 */
const char *
dd_board_column_get_name (DdBoardColumn *self)
{
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), NULL);
  return dd_suggestion_columns[self->index].name;
}

/**
 * dd_board_column_get_title:
 * Returns: the translated heading, e.g. "Assigned"
 */
const char *
dd_board_column_get_title (DdBoardColumn *self)
{
  const char *name;

  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), NULL);

  name = dd_suggestion_columns[self->index].name;
  if (g_str_equal (name, "set_aside"))
    /* Translators: the board's last column: rejected, merged and transferred-out suggestions */
    return C_("column", "Set aside");
  return dd_code_label (dd_suggestion_states, name);
}

DdSuggestionList *
dd_board_column_get_list (DdBoardColumn *self)
{
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), NULL);
  return self->list;
}

GtkSelectionModel *
dd_board_column_get_selection (DdBoardColumn *self)
{
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkListView *
dd_board_column_get_list_view (DdBoardColumn *self)
{
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), NULL);
  return self->list_view;
}

guint
dd_board_column_get_n_items (DdBoardColumn *self)
{
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->list));
}

/**
 * dd_board_column_get_count_text:
 * Returns: the count shown in the heading
 */
const char *
dd_board_column_get_count_text (DdBoardColumn *self)
{
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), NULL);
  return self->count_text;
}

/**
 * dd_board_column_dup_selected_ids:
 * Returns: (transfer full) (element-type gint64): the selected suggestions,
 *   in the column's order
 */
GArray *
dd_board_column_dup_selected_ids (DdBoardColumn *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), ids);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id;

      if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
        break;
      id = dd_query_model_get_id (DD_QUERY_MODEL (self->list), position);
      g_array_append_val (ids, id);
    }
  return ids;
}

void
dd_board_column_select_none (DdBoardColumn *self)
{
  g_return_if_fail (DD_IS_BOARD_COLUMN (self));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

/**
 * dd_board_column_select:
 * Selects suggestion @id, alone in the column if @exclusive, and scrolls to it.
 *
 * Returns: whether the column lists it
 */
gboolean
dd_board_column_select (DdBoardColumn *self,
                        gint64         id,
                        gboolean       exclusive)
{
  guint position;

  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), FALSE);

  position = dd_query_model_find (DD_QUERY_MODEL (self->list), id);
  if (position == G_MAXUINT)
    return FALSE;
  /* As a click would: plain, or with Ctrl held. */
  self->modifiers = exclusive ? 0 : GDK_CONTROL_MASK;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, exclusive);
  self->modifiers = 0;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

void
dd_board_column_set_selection_mode (DdBoardColumn *self,
                                    gboolean       selection_mode)
{
  g_return_if_fail (DD_IS_BOARD_COLUMN (self));

  selection_mode = selection_mode != FALSE;
  if (self->selection_mode == selection_mode)
    return;
  self->selection_mode = selection_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_MODE]);
}

/**
 * dd_board_column_find_card:
 * Returns: (transfer none) (nullable): the card showing suggestion @id, if
 *   it is in view
 */
DdSuggestionCard *
dd_board_column_find_card (DdBoardColumn *self,
                           gint64         id)
{
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), NULL);
  return find_card_in (GTK_WIDGET (self->list_view), id);
}

/**
 * dd_board_column_accepts_state:
 * Returns: whether a suggestion in @state belongs in this column
 */
gboolean
dd_board_column_accepts_state (DdBoardColumn *self,
                               const char    *state)
{
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (self), FALSE);
  return state != NULL && g_strv_contains (dd_suggestion_columns[self->index].states, state);
}
