/* dd-suggestion-card.c
 *
 * A card is built once per row a column's list view keeps and rebound to
 * whichever suggestion scrolls into that row: nothing here is kept but the
 * suggestion itself, and each rebinding asks the model again for the names
 * and flags the card shows (a handful of indexed queries).
 *
 * A drag carries the DdSuggestion, not the widget (STYLE.md): the column it
 * is dropped on asks the workflow whether and how it may move.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-suggestion-card"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-supervision-flag.h"
#include "dd-suggestion-card.h"
#include "dd-suggestion-summary.h"
#include "dd-workflow.h"

/* Proposers named on a card before "and N others". */
#define MAX_NAMES 3

struct _DdSuggestionCard
{
  GtkWidget     parent_instance;

  DdStore      *store;
  DdSuggestion *suggestion;
  gboolean      selection_mode;
  guint         refresh_idle;
  GMenu        *menu;
  GtkWidget    *context_menu;
  double        drag_x;
  double        drag_y;

  GtkWidget    *box;
  GtkCheckButton *select_check;
  GtkLabel     *number_label;
  GtkWidget    *menu_button;
  GtkLabel     *title_label;
  GtkLabel     *proposers_label;
  GtkLabel     *unit_label;
  GtkWidget    *status_line;
  GtkWidget    *deadline_badge;
  GtkImage     *deadline_icon;
  GtkLabel     *deadline_label;
  GtkWidget    *flags_line;
  GtkWidget    *supervision_badge;
  GtkImage     *supervision_icon;
  GtkLabel     *supervision_label;
  GtkWidget    *round_badge;
  GtkLabel     *round_label;
  GtkWidget    *verdict_badge;
  GtkImage     *verdict_icon;
  GtkLabel     *verdict_label;
  GtkLabel     *state_label;
  GtkLabel     *category_label;
};

G_DEFINE_FINAL_TYPE (DdSuggestionCard, dd_suggestion_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SUGGESTION,
  PROP_SELECTION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
set_badge (GtkWidget  *child,
           GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (child, text != NULL && text[0] != '\0');
}

static void
set_tone (GtkWidget  *badge,
          const char *tone)
{
  static const char * const tones[] = { "error", "warning", "success", "accent", NULL };

  for (guint i = 0; tones[i] != NULL; i++)
    gtk_widget_remove_css_class (badge, tones[i]);
  if (tone != NULL)
    gtk_widget_add_css_class (badge, tone);
}

static char *
dup_proposers_text (DdSuggestionCard *self,
                    gint64            id)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = dd_suggestion_dup_proposer_names (self->store, id, &error);
  const char *voter = dd_entity_get_string (DD_ENTITY (self->suggestion), "voter-name");
  g_autoptr(GString) shown = g_string_new (NULL);
  guint n;

  if (names == NULL)
    return g_strdup (error->message);

  n = g_strv_length (names);
  for (guint i = 0; i < n && i < MAX_NAMES; i++)
    {
      if (i > 0)
        /* Translators: between names in a list, e.g. "王芳, 李明" */
        g_string_append (shown, C_("list separator", ", "));
      g_string_append (shown, names[i]);
    }
  if (n > MAX_NAMES)
    {
      guint others = n - MAX_NAMES;
      g_autofree char *with_others = NULL;

      /* Translators: the first proposers' names, then how many more there are */
      with_others = g_strdup_printf (ngettext ("%s and %u other", "%s and %u others", others),
                                     shown->str, others);
      g_string_assign (shown, with_others);
    }

  if (g_strcmp0 (dd_entity_get_string (DD_ENTITY (self->suggestion), "kind"), "voter_opinion") == 0)
    {
      g_autofree char *text = NULL;

      if (voter != NULL && voter[0] != '\0' && shown->len > 0)
        /* Translators: a voter's opinion: the voter's name, then the deputy who recorded it */
        text = g_strdup_printf (_("%s, recorded by %s"), voter, shown->str);
      else if (shown->len > 0)
        /* Translators: a voter's opinion whose voter is not named: the deputy who recorded it */
        text = g_strdup_printf (_("Recorded by %s"), shown->str);
      else if (voter != NULL)
        text = g_strdup (voter);
      return g_steal_pointer (&text);
    }
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static void
update_deadline (DdSuggestionCard *self)
{
  const char *deadline = dd_entity_get_string (DD_ENTITY (self->suggestion), "deadline-on");
  g_autofree char *text = NULL;
  const char *icon = "task-due-symbolic";
  const char *tone = NULL;
  int days_left = 0;

  switch (dd_suggestion_deadline_status (self->store, self->suggestion, &days_left))
    {
    case DD_DEADLINE_OVERDUE:
      icon = "task-past-due-symbolic";
      tone = "error";
      if (days_left < 0)
        /* Translators: on a card; the reply deadline passed this many working days ago */
        text = g_strdup_printf (ngettext ("Overdue by %d working day", "Overdue by %d working days",
                                          -days_left), -days_left);
      else
        text = g_strdup (_("Overdue"));
      break;
    case DD_DEADLINE_DUE_SOON:
      icon = "alarm-symbolic";
      tone = "warning";
      if (days_left <= 0)
        text = g_strdup (_("Due today"));
      else
        /* Translators: on a card; working days left before the reply deadline */
        text = g_strdup_printf (ngettext ("Due in %d working day", "Due in %d working days", days_left),
                                days_left);
      break;
    case DD_DEADLINE_NONE:
    default:
      if (deadline != NULL && dd_workflow_can_transfer_unit (dd_entity_get_string (DD_ENTITY (self->suggestion),
                                                                                    "state")))
        /* Translators: on a card; the reply deadline, a date */
        text = g_strdup_printf (_("Due %s"), deadline);
      break;
    }

  gtk_image_set_from_icon_name (self->deadline_icon, icon);
  set_tone (self->deadline_badge, tone);
  set_badge (self->deadline_badge, self->deadline_label, text);
}

static void
update_supervision (DdSuggestionCard *self,
                    gint64            id)
{
  g_autofree char *mode = dd_supervision_dup_current_mode (self->store, id);
  const char *text = NULL;

  if (g_strcmp0 (mode, "key") == 0)
    text = C_("supervision badge", "Key supervision");
  else if (g_strcmp0 (mode, "on_site") == 0)
    text = C_("supervision badge", "On-site supervision");
  else if (g_strcmp0 (mode, "tracking") == 0)
    text = C_("supervision badge", "Tracking supervision");

  gtk_image_set_from_icon_name (self->supervision_icon,
                                g_strcmp0 (mode, "key") == 0 ? "starred-symbolic" : "view-reveal-symbolic");
  set_tone (self->supervision_badge, g_strcmp0 (mode, "key") == 0 ? "accent" : NULL);
  set_badge (self->supervision_badge, self->supervision_label, text);
}

static void
update_verdict (DdSuggestionCard *self,
                gint64            id,
                const char       *state,
                gint64            round)
{
  g_autofree char *verdict = NULL;

  if (g_strcmp0 (state, "evaluated") == 0 || g_strcmp0 (state, "closed") == 0)
    verdict = dd_suggestion_dup_verdict (self->store, id, round);

  gtk_image_set_from_icon_name (self->verdict_icon,
                                g_strcmp0 (verdict, "unsatisfied") == 0 ? "dialog-warning-symbolic"
                                                                        : "emblem-ok-symbolic");
  set_tone (self->verdict_badge,
            g_strcmp0 (verdict, "satisfied") == 0 ? "success"
            : g_strcmp0 (verdict, "unsatisfied") == 0 ? "error" : NULL);
  set_badge (self->verdict_badge, self->verdict_label,
             verdict != NULL ? dd_code_label (dd_verdicts, verdict) : NULL);
}

static void
append_menu_item (GMenu      *section,
                  const char *label,
                  const char *action,
                  GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (section, item);
}

/* The menu follows the state: its moves are the workflow's. Built when it
 * opens, not for each of the hundreds of cards a column keeps. */
static void
update_menu (DdSuggestionCard *self)
{
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  const char *state;
  const char * const *targets;
  gint64 id;

  g_menu_remove_all (self->menu);
  if (self->suggestion == NULL)
    return;
  id = dd_entity_get_id (DD_ENTITY (self->suggestion));
  state = dd_entity_get_string (DD_ENTITY (self->suggestion), "state");
  targets = dd_workflow_targets (state);

  append_menu_item (open, _("_Open Details"), "board.open", g_variant_new_int64 (id));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (open));

  for (guint i = 0; targets[i] != NULL; i++)
    {
      DdTransitionKind kind = dd_workflow_transition_for (state, targets[i]);
      const char *label = dd_code_label (dd_suggestion_states, targets[i]);
      g_autofree char *with_form = NULL;

      if (kind != DD_TRANSITION_START_REVIEW && kind != DD_TRANSITION_START_HANDLING)
        /* Translators: a menu item that opens a form, e.g. "Assigned…" */
        label = with_form = g_strdup_printf (C_("opens a form", "%s…"), label);
      append_menu_item (moves, label, "board.move-to", g_variant_new ("(xs)", id, targets[i]));
    }
  if (targets[0] != NULL)
    g_menu_append_section (self->menu, _("Move To"), G_MENU_MODEL (moves));

  if (dd_workflow_can_transfer_unit (state))
    {
      append_menu_item (more, _("Transfer to Another _Unit…"), "board.transfer-unit",
                        g_variant_new_int64 (id));
      append_menu_item (more, _("_Supervision…"), "board.supervise", g_variant_new_int64 (id));
      g_menu_append_section (self->menu, NULL, G_MENU_MODEL (more));
    }
}

static void
refresh (DdSuggestionCard *self)
{
  DdEntity *entity = DD_ENTITY (self->suggestion);
  const char *state, *category, *kind, *number;
  g_autofree char *number_text = NULL;
  g_autofree char *proposers = NULL;
  g_autofree char *lead_unit = NULL;
  g_autofree char *unit_text = NULL;
  g_autofree char *round_text = NULL;
  g_autoptr(GString) described = NULL;
  gint64 id, round;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  if (self->suggestion == NULL || self->store == NULL)
    {
      gtk_label_set_label (self->number_label, "");
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->proposers_label, "");
      gtk_label_set_label (self->unit_label, "");
      return;
    }

  id = dd_entity_get_id (entity);
  state = dd_entity_get_string (entity, "state");
  category = dd_entity_get_string (entity, "category");
  kind = dd_entity_get_string (entity, "kind");
  number = dd_entity_get_string (entity, "number");
  round = dd_entity_get_int (entity, "round");

  number_text = g_strdup_printf ("%s%s%s", number != NULL ? number : "", C_("summary", " · "),
                                 dd_code_label (dd_suggestion_kinds, kind));
  gtk_label_set_label (self->number_label, number_text);
  gtk_label_set_label (self->title_label, dd_entity_get_string (entity, "title"));

  proposers = dup_proposers_text (self, id);
  gtk_label_set_label (self->proposers_label, proposers != NULL ? proposers : "");
  gtk_widget_set_visible (GTK_WIDGET (self->proposers_label), proposers != NULL && proposers[0] != '\0');

  lead_unit = dd_suggestion_dup_lead_unit_name (self->store, id);
  if (lead_unit != NULL)
    /* Translators: on a card: the lead handling unit (主办单位) */
    unit_text = g_strdup_printf (_("Lead: %s"), lead_unit);
  gtk_label_set_label (self->unit_label, unit_text != NULL ? unit_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), unit_text != NULL);

  update_deadline (self);
  update_supervision (self, id);
  if (round > 1)
    /* Translators: on a card: the round of handling, after an unsatisfied evaluation */
    round_text = g_strdup_printf (_("Round %d"), (int) round);
  set_badge (self->round_badge, self->round_label, round_text);
  update_verdict (self, id, state, round);
  /* The last column holds three states: say which. */
  set_badge (GTK_WIDGET (self->state_label), self->state_label,
             g_strcmp0 (state, "rejected") == 0 || g_strcmp0 (state, "merged") == 0 ||
             g_strcmp0 (state, "transferred_out") == 0
               ? dd_code_label (dd_suggestion_states, state) : NULL);
  set_badge (GTK_WIDGET (self->category_label), self->category_label,
             dd_code_label (dd_suggestion_categories, category));
  gtk_widget_set_visible (self->status_line, gtk_widget_get_visible (self->deadline_badge));
  gtk_widget_set_visible (self->flags_line,
                          gtk_widget_get_visible (self->supervision_badge) ||
                          gtk_widget_get_visible (self->round_badge) ||
                          gtk_widget_get_visible (self->verdict_badge) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->state_label)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->category_label)));
  /* A screen reader hears the card as one line, in the order it is seen. */
  described = g_string_new (number);
  g_string_append_printf (described, ", %s", dd_entity_get_string (entity, "title"));
  for (GtkLabel **part = (GtkLabel *[]) { self->proposers_label, self->unit_label, self->deadline_label,
                                          self->supervision_label, self->round_label,
                                          self->verdict_label, self->state_label, NULL };
       *part != NULL; part++)
    if (gtk_widget_get_visible (GTK_WIDGET (*part)) &&
        gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (*part))) &&
        gtk_label_get_label (*part)[0] != '\0')
      g_string_append_printf (described, ", %s", gtk_label_get_label (*part));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, described->str,
                                  -1);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  DdSuggestionCard *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (DdSuggestionCard *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* Callbacks */

static void
on_store_changed_cb (DdStore          *store,
                     const char       *table,
                     GArray           *ids,
                     DdSuggestionCard *self)
{
  static const char * const tables[] = {
    "suggestions", "suggestion_units", "suggestion_proposers", "supervisions", "evaluations",
    "units", "deputies", "holidays", "settings", NULL
  };
  gint64 id;

  if (self->suggestion == NULL || !g_strv_contains (tables, table))
    return;
  /* Names and the calendar concern every card; the rest only its own rows. */
  if (g_str_equal (table, "units") || g_str_equal (table, "deputies") ||
      g_str_equal (table, "holidays") || g_str_equal (table, "settings"))
    {
      queue_refresh (self);
      return;
    }
  id = dd_entity_get_id (DD_ENTITY (self->suggestion));
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id || g_array_index (ids, gint64, i) == 0)
      {
        queue_refresh (self);
        return;
      }
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource    *source,
                    double            x,
                    double            y,
                    DdSuggestionCard *self)
{
  if (self->suggestion == NULL || self->selection_mode)
    return NULL;
  self->drag_x = x;
  self->drag_y = y;
  return gdk_content_provider_new_typed (DD_TYPE_SUGGESTION, self->suggestion);
}

static void
on_drag_begin_cb (GtkDragSource    *source,
                  GdkDrag          *drag,
                  DdSuggestionCard *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (self->box);

  gtk_drag_source_set_icon (source, icon, (int) self->drag_x, (int) self->drag_y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end_cb (GtkDragSource    *source,
                GdkDrag          *drag,
                gboolean          delete_data,
                DdSuggestionCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
popup_at (DdSuggestionCard *self,
          int               x,
          int               y)
{
  if (self->suggestion == NULL)
    return;
  update_menu (self);
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_secondary_pressed_cb (GtkGestureClick  *gesture,
                         int               n_press,
                         double            x,
                         double            y,
                         DdSuggestionCard *self)
{
  if (self->suggestion == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at (self, (int) x, (int) y);
}

static void
on_long_pressed_cb (GtkGestureLongPress *gesture,
                    double               x,
                    double               y,
                    DdSuggestionCard    *self)
{
  popup_at (self, (int) x, (int) y);
}

/* The same menu as a right click, under the button. */
static void
on_menu_clicked_cb (DdSuggestionCard *self)
{
  graphene_point_t at;

  if (!gtk_widget_compute_point (self->menu_button, GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (self->menu_button) / 2.f,
                                                       (float) gtk_widget_get_height (self->menu_button)),
                                 &at))
    return;
  popup_at (self, (int) at.x, (int) at.y);
}

/* Tooltips on demand: setting one on each of the hundreds of cards a
 * column keeps would ask the display server where the pointer is each time. */
static gboolean
on_query_tooltip_cb (GtkWidget        *widget,
                     int               x,
                     int               y,
                     gboolean          keyboard,
                     GtkTooltip       *tooltip,
                     DdSuggestionCard *self)
{
  if (widget == self->menu_button)
    gtk_tooltip_set_text (tooltip, _("Move To and More"));
  else if (self->suggestion != NULL)
    gtk_tooltip_set_text (tooltip, dd_entity_get_string (DD_ENTITY (self->suggestion), "title"));
  else
    return FALSE;
  return TRUE;
}

/* In selection mode a click ticks the card instead of choosing it alone. */
static void
on_primary_pressed_cb (GtkGestureClick  *gesture,
                       int               n_press,
                       double            x,
                       double            y,
                       DdSuggestionCard *self)
{
  if (!self->selection_mode || self->suggestion == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "listitem.select", "(bb)", TRUE, FALSE);
}

/* GtkWidget */

static GtkSizeRequestMode
dd_suggestion_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dd_suggestion_card_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  DdSuggestionCard *self = DD_SUGGESTION_CARD (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
dd_suggestion_card_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  DdSuggestionCard *self = DD_SUGGESTION_CARD (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  /* A popover parented here is placed by its parent. */
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* GObject */

static void
dd_suggestion_card_dispose (GObject *object)
{
  DdSuggestionCard *self = DD_SUGGESTION_CARD (object);

  dd_suggestion_card_set_suggestion (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_SUGGESTION_CARD);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (dd_suggestion_card_parent_class)->dispose (object);
}

static void
dd_suggestion_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DdSuggestionCard *self = DD_SUGGESTION_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SUGGESTION:
      g_value_set_object (value, self->suggestion);
      break;
    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestion_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DdSuggestionCard *self = DD_SUGGESTION_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
      break;
    case PROP_SUGGESTION:
      dd_suggestion_card_set_suggestion (self, g_value_get_object (value));
      break;
    case PROP_SELECTION_MODE:
      dd_suggestion_card_set_selection_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestion_card_class_init (DdSuggestionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_suggestion_card_dispose;
  object_class->get_property = dd_suggestion_card_get_property;
  object_class->set_property = dd_suggestion_card_set_property;
  widget_class->get_request_mode = dd_suggestion_card_get_request_mode;
  widget_class->measure = dd_suggestion_card_measure;
  widget_class->size_allocate = dd_suggestion_card_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUGGESTION] =
    g_param_spec_object ("suggestion", NULL, NULL, DD_TYPE_SUGGESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-suggestion-card.ui");
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, box);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, select_check);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, proposers_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, unit_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, status_line);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, deadline_badge);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, deadline_icon);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, flags_line);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, supervision_badge);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, supervision_icon);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, supervision_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, round_badge);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, round_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, verdict_badge);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, state_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionCard, category_label);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_clicked_cb);
  gtk_widget_class_set_css_name (widget_class, "suggestioncard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dd_suggestion_card_init (DdSuggestionCard *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *primary = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->menu = g_menu_new ();
  g_signal_connect_object (self->menu_button, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self, 0);
  g_signal_connect_object (self->title_label, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self, 0);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (on_drag_end_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (on_secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (on_long_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (primary), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (primary, "pressed", G_CALLBACK (on_primary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (primary));
}

/* Public API */

GtkWidget *
dd_suggestion_card_new (DdStore *store)
{
  return g_object_new (DD_TYPE_SUGGESTION_CARD, "store", store, NULL);
}

DdSuggestion *
dd_suggestion_card_get_suggestion (DdSuggestionCard *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_CARD (self), NULL);
  return self->suggestion;
}

/**
 * dd_suggestion_card_set_suggestion:
 * Shows @suggestion and follows its changes; the list refreshes the object
 * in place after each write, and the store reports the rows around it.
 */
void
dd_suggestion_card_set_suggestion (DdSuggestionCard *self,
                                   DdSuggestion     *suggestion)
{
  g_return_if_fail (DD_IS_SUGGESTION_CARD (self));
  g_return_if_fail (suggestion == NULL || DD_IS_SUGGESTION (suggestion));

  if (self->suggestion == suggestion)
    return;
  if (self->suggestion != NULL)
    g_signal_handlers_disconnect_by_data (self->suggestion, self);
  g_set_object (&self->suggestion, suggestion);
  if (suggestion != NULL)
    g_signal_connect_object (suggestion, "notify", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  if (self->context_menu != NULL && gtk_widget_get_visible (self->context_menu))
    gtk_popover_popdown (GTK_POPOVER (self->context_menu));
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTION]);
}

gboolean
dd_suggestion_card_get_selection_mode (DdSuggestionCard *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_CARD (self), FALSE);
  return self->selection_mode;
}

/**
 * dd_suggestion_card_set_selection_mode:
 * Shows a check box that follows the row's selection; a click then ticks.
 */
void
dd_suggestion_card_set_selection_mode (DdSuggestionCard *self,
                                       gboolean          selection_mode)
{
  g_return_if_fail (DD_IS_SUGGESTION_CARD (self));

  selection_mode = selection_mode != FALSE;
  if (self->selection_mode == selection_mode)
    return;
  self->selection_mode = selection_mode;
  gtk_widget_set_visible (GTK_WIDGET (self->select_check), selection_mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_MODE]);
}

/**
 * dd_suggestion_card_set_selected:
 * What the check box shows in selection mode (the row's selection).
 */
void
dd_suggestion_card_set_selected (DdSuggestionCard *self,
                                 gboolean          selected)
{
  g_return_if_fail (DD_IS_SUGGESTION_CARD (self));
  gtk_check_button_set_active (self->select_check, selected);
}

/**
 * dd_suggestion_card_popup_menu:
 * Opens the card's menu, as the Menu key or Shift+F10 does.
 */
void
dd_suggestion_card_popup_menu (DdSuggestionCard *self)
{
  g_return_if_fail (DD_IS_SUGGESTION_CARD (self));

  popup_at (self, 12, gtk_widget_get_height (GTK_WIDGET (self)) / 2);
}

/**
 * dd_suggestion_card_get_menu:
 * Returns: (transfer none): the menu of the card's menu button and context menu
 */
GMenuModel *
dd_suggestion_card_get_menu (DdSuggestionCard *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_CARD (self), NULL);
  update_menu (self);
  return G_MENU_MODEL (self->menu);
}

const char *
dd_suggestion_card_get_text (DdSuggestionCard *self,
                             const char       *part)
{
  const struct { const char *name; GtkLabel *label; GtkWidget *shown; } parts[] = {
    { "proposers", self->proposers_label, GTK_WIDGET (self->proposers_label) },
    { "unit", self->unit_label, GTK_WIDGET (self->unit_label) },
    { "deadline", self->deadline_label, self->deadline_badge },
    { "supervision", self->supervision_label, self->supervision_badge },
    { "round", self->round_label, self->round_badge },
    { "verdict", self->verdict_label, self->verdict_badge },
    { "state", self->state_label, GTK_WIDGET (self->state_label) },
    { "category", self->category_label, GTK_WIDGET (self->category_label) },
    { "title", self->title_label, GTK_WIDGET (self->title_label) },
  };

  g_return_val_if_fail (DD_IS_SUGGESTION_CARD (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_strcmp0 (parts[i].name, part) == 0)
      return gtk_widget_get_visible (parts[i].shown) ? gtk_label_get_label (parts[i].label) : "";
  g_return_val_if_reached (NULL);
}
