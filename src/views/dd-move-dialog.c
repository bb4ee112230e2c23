/* dd-move-dialog.c
 *
 * The workflow decides; this dialog only gathers the data a move needs and
 * calls the model's typed move for each suggestion. For one suggestion a
 * refusal stays in the dialog with what was typed, and nothing is written.
 * For several, each is moved on its own, all or nothing per suggestion
 * (every model call is one transaction), and ::finished reports which moved
 * and the model's reason for the others; only when every one was refused
 * for the data itself (DD_MODEL_ERROR_INVALID) does the dialog stay open to
 * have it corrected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-move-dialog"

#include <glib/gi18n.h>

#include "dd-bulk-dialog.h"
#include "dd-calendar.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-model-error.h"
#include "dd-move-dialog.h"
#include "dd-suggestion.h"
#include "dd-suggestion-list.h"
#include "dd-suggestion-summary.h"
#include "dd-supervision-flag.h"
#include "dd-unit.h"
#include "dd-unit-list.h"
#include "dd-utils.h"

typedef enum
{
  PURPOSE_MOVE,
  PURPOSE_TRANSFER_UNIT,
  PURPOSE_SUPERVISION,
} Purpose;

/* The supervision form's choices, after the modes of dd_supervision_modes. */
#define MODE_END 3

struct _DdMoveDialog
{
  AdwWindow           parent_instance;

  DdStore            *store;
  GPtrArray          *items;          /* DdSuggestion, loaded when the dialog opened */
  Purpose             purpose;
  char              **targets;
  char               *to;
  DdTransitionKind    kind;
  GArray             *unit_ids;       /* gint64 per position of the unit drop-downs; [0] = none */
  GArray             *co_unit_ids;
  GPtrArray          *co_rows;
  GArray             *proposer_ids;
  GPtrArray          *verdict_rows;
  DdSuggestionFilter *merge_filter;
  DdSuggestionList   *merge_list;
  gboolean            quiet;

  AdwWindowTitle     *window_title;
  GtkScrolledWindow  *scroller;
  GtkLabel           *error_label;
  GtkWidget          *target_group;
  AdwComboRow        *target_row;
  GtkStack           *form_stack;
  AdwPreferencesGroup *units_group;
  GtkWidget          *lead_row;
  GtkDropDown        *lead_dropdown;
  GtkDropDown        *co_dropdown;
  GtkWidget          *assigned_on_row;
  AdwActionRow       *deadline_row;
  AdwComboRow        *class_row;
  GtkWidget          *replied_on_row;
  GtkWidget          *signed_off_row;
  GtkSwitch          *signed_off_switch;
  GtkWidget          *reply_frame;
  GtkTextView        *reply_text;
  AdwPreferencesGroup *verdicts_group;
  GtkWidget          *evaluated_on_row;
  GtkWidget          *reason_row;
  GtkWidget          *merge_number_row;
  GtkSearchEntry     *merge_search;
  GtkListView        *merge_list_view;
  GtkWidget          *destination_row;
  GtkWidget          *return_reason_row;
  GtkWidget          *returned_on_row;
  GtkSwitch          *publish_switch;
  GtkWidget          *closed_on_row;
  GtkWidget          *transfer_row;
  GtkDropDown        *transfer_dropdown;
  GtkWidget          *transfer_reason_row;
  GtkWidget          *transferred_on_row;
  AdwComboRow        *mode_row;
  GtkWidget          *leader_row;
  GtkWidget          *started_on_row;
  GtkWidget          *note_row;
  GtkWidget          *confirm_row;
};

G_DEFINE_FINAL_TYPE (DdMoveDialog, dd_move_dialog, ADW_TYPE_WINDOW)

enum {
  MOVED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static DdSuggestion *
first_item (DdMoveDialog *self)
{
  return self->items->len > 0 ? g_ptr_array_index (self->items, 0) : NULL;
}

static const char *
item_string (DdSuggestion *suggestion,
             const char   *field)
{
  return dd_entity_get_string (DD_ENTITY (suggestion), field);
}

static void
mark_error (GtkWidget *widget,
            gboolean   wrong)
{
  if (wrong)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_error (DdMoveDialog *self,
           const char   *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* (transfer full) (nullable): the text of an entry, trimmed; NULL if empty. */
static char *
dup_text (GtkWidget *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gint64
chosen_unit (DdMoveDialog *self,
             GtkDropDown  *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->unit_ids->len)
    return 0;
  return g_array_index (self->unit_ids, gint64, selected);
}

static const char *
unit_name_at (DdMoveDialog *self,
              guint         position)
{
  GListModel *model = gtk_drop_down_get_model (self->lead_dropdown);
  g_autoptr(GtkStringObject) name = g_list_model_get_item (model, position);

  return name != NULL ? gtk_string_object_get_string (name) : NULL;
}

static guint
unit_position (DdMoveDialog *self,
               gint64        unit_id)
{
  for (guint i = 1; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == unit_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The units that take new work, by name, in the three unit drop-downs. */
static void
fill_units (DdMoveDialog *self)
{
  g_autoptr(DdUnitList) units = dd_unit_list_new (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  gint64 none = 0;
  guint n;

  dd_unit_list_set_active_only (units, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (units));
  g_array_append_val (self->unit_ids, none);
  /* Translators: a unit drop-down before a unit is chosen */
  gtk_string_list_append (names, C_("unit choice", "Not chosen"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DdUnit) unit = g_list_model_get_item (G_LIST_MODEL (units), i);
      gint64 id;

      if (unit == NULL)
        continue;
      id = dd_entity_get_id (DD_ENTITY (unit));
      g_array_append_val (self->unit_ids, id);
      gtk_string_list_append (names, dd_entity_get_string (DD_ENTITY (unit), "name"));
    }

  self->quiet = TRUE;
  for (GtkDropDown **dropdown = (GtkDropDown *[]) { self->lead_dropdown, self->co_dropdown,
                                                    self->transfer_dropdown, NULL };
       *dropdown != NULL; dropdown++)
    {
      expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
      gtk_drop_down_set_expression (*dropdown, expression);
      g_clear_pointer (&expression, gtk_expression_unref);
      gtk_drop_down_set_model (*dropdown, G_LIST_MODEL (names));
      gtk_drop_down_set_selected (*dropdown, 0);
    }
  self->quiet = FALSE;
}

static GtkStringList *
choices_for (const char         *none,
             const char * const *codes)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  if (none != NULL)
    gtk_string_list_append (choices, none);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (choices, dd_code_label (codes, codes[i]));
  return choices;
}

static char *
describe_deadline (DdMoveDialog *self,
                   const char   *kind,
                   const char   *assigned_on)
{
  g_autofree char *deadline = dd_calendar_dup_deadline (self->store, kind, assigned_on);
  DdDeadlineRules rules;

  dd_deadline_rules_get (self->store, &rules);
  if (g_strcmp0 (kind, "voter_opinion") == 0)
    /* Translators: the reply deadline of a voter's opinion, and the rule it comes from */
    return g_strdup_printf (ngettext ("%s, %d working day after the assignment",
                                      "%s, %d working days after the assignment",
                                      rules.opinion_working_days),
                            deadline, rules.opinion_working_days);
  /* Translators: the reply deadline of a deputy's suggestion, and the rule it comes from */
  return g_strdup_printf (ngettext ("%s, %d month after the assignment",
                                    "%s, %d months after the assignment",
                                    rules.suggestion_months),
                          deadline, rules.suggestion_months);
}

static void
update_deadline (DdMoveDialog *self)
{
  g_autofree char *typed = dup_text (self->assigned_on_row);
  g_autofree char *today = dd_store_dup_today (self->store);
  const char *day = typed != NULL ? typed : today;
  gboolean kinds[2] = { FALSE, FALSE };
  g_autoptr(GString) text = g_string_new (NULL);

  if (!dd_date_is_valid (day))
    {
      adw_action_row_set_subtitle (self->deadline_row, _("Type a valid date to see the deadline"));
      return;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const char *kind = item_string (g_ptr_array_index (self->items, i), "kind");

      kinds[g_strcmp0 (kind, "voter_opinion") == 0] = TRUE;
    }
  for (guint k = 0; k < 2; k++)
    {
      const char *kind = k == 0 ? "deputy_suggestion" : "voter_opinion";
      g_autofree char *described = NULL;

      if (!kinds[k])
        continue;
      described = describe_deadline (self, kind, day);
      if (kinds[0] && kinds[1])
        {
          /* Translators: "Deputy's suggestion: 2027-02-22, 3 months after the assignment" */
          g_autofree char *with_kind = g_strdup_printf (_("%s: %s"),
                                                        dd_code_label (dd_suggestion_kinds, kind),
                                                        described);

          g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", with_kind);
        }
      else
        g_string_append (text, described);
    }
  adw_action_row_set_subtitle (self->deadline_row, text->str);
}

static void
remove_co_unit (DdMoveDialog *self,
                guint         index)
{
  GtkWidget *row = g_ptr_array_index (self->co_rows, index);

  adw_preferences_group_remove (self->units_group, row);
  g_ptr_array_remove_index (self->co_rows, index);
  g_array_remove_index (self->co_unit_ids, index);
}

static void
on_remove_co_unit_cb (GtkButton    *button,
                      DdMoveDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint index;

  if (g_ptr_array_find (self->co_rows, row, &index))
    remove_co_unit (self, index);
  gtk_widget_grab_focus (GTK_WIDGET (self->co_dropdown));
}

static void
add_co_unit (DdMoveDialog *self,
             guint         position)
{
  gint64 id = g_array_index (self->unit_ids, gint64, position);
  const char *name = unit_name_at (self, position);
  GtkWidget *row, *button;
  g_autofree char *remove_label = NULL;

  if (id == 0 || id == chosen_unit (self, self->lead_dropdown))
    return;
  for (guint i = 0; i < self->co_unit_ids->len; i++)
    if (g_array_index (self->co_unit_ids, gint64, i) == id)
      return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Co-handling unit"));
  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip and spoken name of the button that removes a co-handling unit */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_co_unit_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->units_group, row);
  g_ptr_array_add (self->co_rows, row);
  g_array_append_val (self->co_unit_ids, id);
}

static void
on_verdict_changed_cb (GtkWidget    *row,
                       GParamSpec   *pspec,
                       DdMoveDialog *self)
{
  mark_error (row, FALSE);
  set_error (self, NULL);
}

static void
fill_verdicts (DdMoveDialog *self)
{
  DdSuggestion *suggestion = first_item (self);
  g_autoptr(GError) error = NULL;

  if (self->proposer_ids != NULL || suggestion == NULL)
    return;
  self->proposer_ids = dd_suggestion_dup_proposer_ids (self->store,
                                                       dd_entity_get_id (DD_ENTITY (suggestion)), &error);
  if (self->proposer_ids == NULL)
    {
      set_error (self, error->message);
      self->proposer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      return;
    }
  if (g_strcmp0 (item_string (suggestion, "kind"), "voter_opinion") == 0)
    adw_preferences_group_set_description (self->verdicts_group,
                                           _("A voter’s opinion is evaluated by the deputy who recorded it. If unsatisfied, it goes back to handling for another round."));
  for (guint i = 0; i < self->proposer_ids->len; i++)
    {
      g_autoptr(DdDeputy) deputy = dd_deputy_load (self->store, g_array_index (self->proposer_ids, gint64, i), NULL);
      g_autoptr(GtkStringList) verdicts = choices_for (C_("verdict choice", "Not chosen"), dd_verdicts);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     deputy != NULL ? dd_deputy_get_name (deputy) : "");
      if (i == 0 && self->proposer_ids->len > 1)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Lead proposer"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (verdicts));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_verdict_changed_cb), self, 0);
      adw_preferences_group_add (self->verdicts_group, row);
      g_ptr_array_add (self->verdict_rows, row);
    }
}

static void
on_merge_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   DdMoveDialog             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_widget_add_css_class (number, "caption");
  gtk_widget_add_css_class (number, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
on_merge_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  DdMoveDialog             *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  DdSuggestion *suggestion = gtk_list_item_get_item (item);
  g_autofree char *number = g_strdup_printf ("%s%s%s", item_string (suggestion, "number"),
                                             C_("summary", " · "),
                                             dd_code_label (dd_suggestion_states,
                                                            item_string (suggestion, "state")));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), number);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), item_string (suggestion, "title"));
}

static void
ensure_merge_list (DdMoveDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  if (self->merge_list != NULL)
    return;
  self->merge_filter = dd_suggestion_filter_new ();
  self->merge_list = dd_suggestion_list_new_search (self->store, self->merge_filter);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_merge_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_merge_bind_cb), self, 0);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->merge_list)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_factory (self->merge_list_view, factory);
  gtk_list_view_set_model (self->merge_list_view, GTK_SELECTION_MODEL (selection));
}

static const char *
form_for (DdMoveDialog *self)
{
  if (self->purpose == PURPOSE_TRANSFER_UNIT)
    return "transfer-unit";
  if (self->purpose == PURPOSE_SUPERVISION)
    return "supervision";
  switch (self->kind)
    {
    case DD_TRANSITION_ASSIGN:
      return "assign";
    case DD_TRANSITION_REPLY:
      return "reply";
    case DD_TRANSITION_EVALUATE:
      return "evaluate";
    case DD_TRANSITION_REJECT:
      return "reject";
    case DD_TRANSITION_MERGE:
      return "merge";
    case DD_TRANSITION_TRANSFER_OUT:
      return "transfer-out";
    case DD_TRANSITION_RETURN_BY_UNIT:
      return "return";
    case DD_TRANSITION_CLOSE:
      return "close";
    case DD_TRANSITION_NONE:
    case DD_TRANSITION_START_REVIEW:
    case DD_TRANSITION_START_HANDLING:
    case DD_TRANSITION_TRANSFER_UNIT:
    default:
      return "confirm";
    }
}

/* The first input of the form in view. */
static GtkWidget *
first_field (DdMoveDialog *self)
{
  const char *form = form_for (self);

  if (g_str_equal (form, "assign"))
    return GTK_WIDGET (self->lead_dropdown);
  if (g_str_equal (form, "reply"))
    return GTK_WIDGET (self->class_row);
  if (g_str_equal (form, "evaluate"))
    return self->verdict_rows->len > 0 ? g_ptr_array_index (self->verdict_rows, 0) : self->evaluated_on_row;
  if (g_str_equal (form, "reject"))
    return self->reason_row;
  if (g_str_equal (form, "merge"))
    return self->merge_number_row;
  if (g_str_equal (form, "transfer-out"))
    return self->destination_row;
  if (g_str_equal (form, "return"))
    return self->return_reason_row;
  if (g_str_equal (form, "close"))
    return GTK_WIDGET (self->publish_switch);
  if (g_str_equal (form, "transfer-unit"))
    return GTK_WIDGET (self->transfer_dropdown);
  if (g_str_equal (form, "supervision"))
    return GTK_WIDGET (self->mode_row);
  return NULL;
}

static void
update_form (DdMoveDialog *self)
{
  const char *form = form_for (self);
  DdSuggestion *first = first_item (self);
  g_autofree char *subtitle = NULL;
  const char *title;

  if (self->purpose == PURPOSE_TRANSFER_UNIT)
    title = dd_transition_kind_get_label (DD_TRANSITION_TRANSFER_UNIT);
  else if (self->purpose == PURPOSE_SUPERVISION)
    title = _("Supervision");
  else if (self->kind != DD_TRANSITION_NONE)
    title = dd_transition_kind_get_label (self->kind);
  else
    title = dd_code_label (dd_suggestion_states, self->to);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (self->items->len == 1)
    subtitle = g_strdup_printf ("%s%s%s", item_string (first, "number"), C_("summary", " · "),
                                item_string (first, "title"));
  else
    subtitle = g_strdup_printf (ngettext ("%u suggestion", "%u suggestions", self->items->len),
                                self->items->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (g_str_equal (form, "evaluate"))
    {
      if (self->items->len == 1)
        fill_verdicts (self);
      else
        set_error (self, _("Evaluations are recorded one suggestion at a time: each proposer gives a verdict."));
    }
  if (g_str_equal (form, "merge"))
    ensure_merge_list (self);
  if (g_str_equal (form, "assign"))
    update_deadline (self);
  if (g_str_equal (form, "confirm"))
    {
      /* Translators: a move that needs no details, e.g. "Moves to Under review." */
      g_autofree char *text = g_strdup_printf (_("Moves to %s; no details are needed."),
                                               dd_code_label (dd_suggestion_states, self->to));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->confirm_row), text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "move.save",
                                 !(g_str_equal (form, "evaluate") && self->items->len != 1));
  gtk_stack_set_visible_child_name (self->form_stack, form);
}

/* The move the form is for: that of the first suggestion that may make it. */
static DdTransitionKind
kind_for_target (DdMoveDialog *self,
                 const char   *to)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      DdTransitionKind kind = dd_workflow_transition_for (item_string (g_ptr_array_index (self->items, i),
                                                                       "state"), to);

      if (kind != DD_TRANSITION_NONE)
        return kind;
    }
  return DD_TRANSITION_NONE;
}

typedef struct
{
  GPtrArray   *owned;          /* strings to free */
  gint64       lead_unit;
  const char  *assigned_on;
  const char  *reply_class;
  const char  *reply_body;
  const char  *replied_on;
  gboolean     signed_off;
  GArray      *verdicts;       /* DdVerdict */
  const char  *evaluated_on;
  const char  *reason;
  gint64       merge_into;
  const char  *destination;
  const char  *returned_on;
  gboolean     publish;
  const char  *closed_on;
  gint64       transfer_unit;
  const char  *transferred_on;
  const char  *mode;           /* NULL: end the supervision */
  const char  *leader;
  const char  *started_on;
  const char  *note;
} FormData;

static void
form_data_clear (FormData *data)
{
  g_clear_pointer (&data->owned, g_ptr_array_unref);
  g_clear_pointer (&data->verdicts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FormData, form_data_clear)

static const char *
keep_text (FormData  *data,
           GtkWidget *editable)
{
  char *text = dup_text (editable);

  if (text != NULL)
    g_ptr_array_add (data->owned, text);
  return text;
}

/* Reads the form; FALSE (with the message shown) if something the model
 * cannot be asked about is wrong: a merge target that is no number. */
static gboolean
read_form (DdMoveDialog *self,
           FormData     *data)
{
  const char *form = form_for (self);
  g_autoptr(GError) error = NULL;

  data->owned = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (form, "assign"))
    {
      data->lead_unit = chosen_unit (self, self->lead_dropdown);
      data->assigned_on = keep_text (data, self->assigned_on_row);
    }
  else if (g_str_equal (form, "reply"))
    {
      GtkTextIter start, end;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reply_text);
      char *body;
      guint selected = adw_combo_row_get_selected (self->class_row);

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      body = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      if (body[0] == '\0')
        g_clear_pointer (&body, g_free);
      else
        g_ptr_array_add (data->owned, body);
      data->reply_body = body;
      data->reply_class = selected > 0 && selected <= g_strv_length ((char **) dd_reply_classes)
                          ? dd_reply_classes[selected - 1] : NULL;
      data->replied_on = keep_text (data, self->replied_on_row);
      data->signed_off = gtk_switch_get_active (self->signed_off_switch);
    }
  else if (g_str_equal (form, "evaluate"))
    {
      data->verdicts = g_array_new (FALSE, TRUE, sizeof (DdVerdict));
      for (guint i = 0; i < self->verdict_rows->len; i++)
        {
          guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->verdict_rows, i));
          DdVerdict verdict = {
            .deputy_id = g_array_index (self->proposer_ids, gint64, i),
            .verdict = selected > 0 && selected <= 3 ? dd_verdicts[selected - 1] : NULL,
          };

          /* One unchosen verdict leaves it out, and the model names whose is missing. */
          if (verdict.verdict != NULL)
            g_array_append_val (data->verdicts, verdict);
        }
      data->evaluated_on = keep_text (data, self->evaluated_on_row);
    }
  else if (g_str_equal (form, "reject"))
    data->reason = keep_text (data, self->reason_row);
  else if (g_str_equal (form, "merge"))
    {
      const char *number = keep_text (data, self->merge_number_row);

      if (number == NULL)
        {
          mark_error (self->merge_number_row, TRUE);
          set_error (self, _("Give the number of the suggestion it duplicates, or pick it from the list."));
          return FALSE;
        }
      data->merge_into = dd_suggestion_lookup_number (self->store, number, &error);
      if (data->merge_into == 0)
        {
          mark_error (self->merge_number_row, TRUE);
          set_error (self, error->message);
          return FALSE;
        }
    }
  else if (g_str_equal (form, "transfer-out"))
    data->destination = keep_text (data, self->destination_row);
  else if (g_str_equal (form, "return"))
    {
      data->reason = keep_text (data, self->return_reason_row);
      data->returned_on = keep_text (data, self->returned_on_row);
    }
  else if (g_str_equal (form, "close"))
    {
      data->publish = gtk_switch_get_active (self->publish_switch);
      data->closed_on = keep_text (data, self->closed_on_row);
    }
  else if (g_str_equal (form, "transfer-unit"))
    {
      data->transfer_unit = chosen_unit (self, self->transfer_dropdown);
      data->reason = keep_text (data, self->transfer_reason_row);
      data->transferred_on = keep_text (data, self->transferred_on_row);
    }
  else if (g_str_equal (form, "supervision"))
    {
      guint selected = adw_combo_row_get_selected (self->mode_row);

      data->mode = selected < MODE_END ? dd_supervision_modes[selected] : NULL;
      data->leader = keep_text (data, self->leader_row);
      data->started_on = keep_text (data, self->started_on_row);
      data->note = keep_text (data, self->note_row);
    }
  return TRUE;
}

/* Points at the inputs the model's refusal is most likely about: those left empty. */
static void
mark_missing (DdMoveDialog *self,
              FormData     *data)
{
  const char *form = form_for (self);
  const struct { GtkWidget *row; gboolean wrong; } checks[] = {
    { self->lead_row, g_str_equal (form, "assign") && data->lead_unit == 0 },
    { GTK_WIDGET (self->class_row), g_str_equal (form, "reply") && data->reply_class == NULL },
    { self->reply_frame, g_str_equal (form, "reply") && data->reply_body == NULL },
    { self->reason_row, g_str_equal (form, "reject") && data->reason == NULL },
    { self->destination_row, g_str_equal (form, "transfer-out") && data->destination == NULL },
    { self->return_reason_row, g_str_equal (form, "return") && data->reason == NULL },
    { self->transfer_row, g_str_equal (form, "transfer-unit") && data->transfer_unit == 0 },
    { self->leader_row, g_str_equal (form, "supervision") && g_strcmp0 (data->mode, "key") == 0 &&
                        data->leader == NULL },
  };
  GtkWidget *dates[] = {
    self->assigned_on_row, self->replied_on_row, self->evaluated_on_row, self->returned_on_row,
    self->closed_on_row, self->transferred_on_row, self->started_on_row,
  };
  GtkWidget *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      mark_error (checks[i].row, checks[i].wrong);
      if (checks[i].wrong && first == NULL)
        first = checks[i].row;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = dup_text (dates[i]);
      gboolean wrong = text != NULL && !dd_date_is_valid (text);

      mark_error (dates[i], wrong);
      if (wrong && first == NULL)
        first = dates[i];
    }
  for (guint i = 0; g_str_equal (form, "evaluate") && i < self->verdict_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->verdict_rows, i);
      gboolean wrong = adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == 0;

      mark_error (row, wrong);
      if (wrong && first == NULL)
        first = row;
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static gboolean
apply_one (DdMoveDialog  *self,
           gint64         id,
           FormData      *data,
           GError       **error)
{
  if (self->purpose == PURPOSE_TRANSFER_UNIT)
    {
      DdUnitTransfer transfer = { data->transfer_unit, data->transferred_on, data->reason };

      return dd_workflow_transfer_unit (self->store, id, &transfer, error);
    }
  if (self->purpose == PURPOSE_SUPERVISION)
    {
      DdSupervisionStart start = { data->mode, data->leader, data->started_on, data->note };

      if (data->mode == NULL)
        return dd_supervision_end (self->store, id, data->started_on, error);
      return dd_supervision_start (self->store, id, &start, NULL, error);
    }

  switch (self->kind)
    {
    case DD_TRANSITION_START_REVIEW:
      return dd_workflow_start_review (self->store, id, error);
    case DD_TRANSITION_START_HANDLING:
      return dd_workflow_start_handling (self->store, id, error);
    case DD_TRANSITION_ASSIGN:
      {
        DdAssignment assignment = {
          .lead_unit_id = data->lead_unit,
          .co_unit_ids = (const gint64 *) self->co_unit_ids->data,
          .n_co_units = self->co_unit_ids->len,
          .assigned_on = data->assigned_on,
        };

        return dd_workflow_assign (self->store, id, &assignment, error);
      }
    case DD_TRANSITION_REPLY:
      {
        DdReplyInput reply = { 0, data->reply_class, data->reply_body, data->replied_on, data->signed_off };

        return dd_workflow_reply (self->store, id, &reply, error);
      }
    case DD_TRANSITION_EVALUATE:
      {
        DdEvaluationInput evaluation = {
          (const DdVerdict *) data->verdicts->data, data->verdicts->len, data->evaluated_on
        };

        return dd_workflow_evaluate (self->store, id, &evaluation, error);
      }
    case DD_TRANSITION_REJECT:
      return dd_workflow_reject (self->store, id, data->reason, error);
    case DD_TRANSITION_MERGE:
      return dd_workflow_merge (self->store, id, data->merge_into, error);
    case DD_TRANSITION_TRANSFER_OUT:
      return dd_workflow_transfer_out (self->store, id, data->destination, error);
    case DD_TRANSITION_RETURN_BY_UNIT:
      {
        DdUnitReturn unit_return = { data->reason, data->returned_on };

        return dd_workflow_return_by_unit (self->store, id, &unit_return, error);
      }
    case DD_TRANSITION_CLOSE:
      {
        DdClosing closing = { data->closed_on, data->publish };

        return dd_workflow_close (self->store, id, &closing, error);
      }
    case DD_TRANSITION_TRANSFER_UNIT:
    case DD_TRANSITION_NONE:
    default:
      {
        /* No legal move: the workflow says why, and writes nothing. */
        DdMove move = { NULL };

        return dd_workflow_move (self->store, id, self->to, &move, error);
      }
    }
}

/* The toast after one suggestion moved, from what the model now holds. */
static char *
dup_done_message (DdMoveDialog *self,
                  gint64        id,
                  FormData     *data)
{
  g_autoptr(DdSuggestion) now = dd_suggestion_load (self->store, id, NULL);
  const char *number = now != NULL ? item_string (now, "number") : "";

  if (self->purpose == PURPOSE_TRANSFER_UNIT)
    {
      g_autofree char *unit = dd_suggestion_dup_lead_unit_name (self->store, id);

      /* Translators: a toast: a suggestion's number, then its new lead unit */
      return g_strdup_printf (_("%s is now handled by %s"), number, unit != NULL ? unit : "");
    }
  if (self->purpose == PURPOSE_SUPERVISION)
    {
      if (data->mode == NULL)
        /* Translators: a toast; %s is a suggestion's number */
        return g_strdup_printf (_("Supervision of %s ended"), number);
      /* Translators: a toast: a suggestion's number, then the supervision mode, e.g. "Key" */
      return g_strdup_printf (_("%s is now under supervision: %s"), number,
                              dd_code_label (dd_supervision_modes, data->mode));
    }
  /* Translators: a toast: a suggestion's number, then its state, e.g. "JY2025-0012 is now Assigned" */
  return g_strdup_printf (_("%s is now %s"), number,
                          now != NULL ? dd_code_label (dd_suggestion_states, item_string (now, "state")) : "");
}

/* Callbacks */

static void
on_field_changed_cb (DdMoveDialog *self)
{
  if (self->quiet || self->store == NULL)
    return;
  /* What was wrong is being corrected: say so only again on the next Save. */
  set_error (self, NULL);
  if (gtk_stack_get_visible_child_name (self->form_stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->form_stack), "assign"))
    update_deadline (self);
}

static void
on_lead_changed_cb (DdMoveDialog *self)
{
  gint64 lead;

  if (self->quiet)
    return;
  lead = chosen_unit (self, self->lead_dropdown);
  mark_error (self->lead_row, FALSE);
  /* A unit leads or helps, not both. */
  for (guint i = 0; i < self->co_unit_ids->len; i++)
    if (g_array_index (self->co_unit_ids, gint64, i) == lead)
      {
        remove_co_unit (self, i);
        break;
      }
  on_field_changed_cb (self);
}

static void
on_co_chosen_cb (DdMoveDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->co_dropdown);

  if (self->quiet || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  add_co_unit (self, selected);
  self->quiet = TRUE;
  gtk_drop_down_set_selected (self->co_dropdown, 0);
  self->quiet = FALSE;
}

static void
on_target_changed_cb (DdMoveDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);

  if (self->quiet || self->targets == NULL || selected >= g_strv_length (self->targets))
    return;
  dd_move_dialog_set_target (self, self->targets[selected]);
}

static void
on_mode_changed_cb (DdMoveDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->mode_row);

  gtk_widget_set_sensitive (self->leader_row, selected == 1);
  gtk_widget_set_sensitive (self->note_row, selected < MODE_END);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->started_on_row),
                                 selected < MODE_END ? _("_Date started (YYYY-MM-DD)")
                                                     : _("_Date ended (YYYY-MM-DD)"));
  mark_error (self->leader_row, FALSE);
  on_field_changed_cb (self);
}

static void
on_merge_search_changed_cb (DdMoveDialog *self)
{
  /* Committed text only: an input method's pre-edit never reaches the query. */
  if (self->merge_filter != NULL)
    dd_suggestion_filter_set_search (self->merge_filter,
                                     gtk_editable_get_text (GTK_EDITABLE (self->merge_search)));
}

static void
on_merge_activate_cb (DdMoveDialog *self,
                      guint         position)
{
  g_autoptr(DdSuggestion) suggestion = g_list_model_get_item (G_LIST_MODEL (self->merge_list), position);

  if (suggestion == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->merge_number_row), item_string (suggestion, "number"));
  mark_error (self->merge_number_row, FALSE);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DdMoveDialog *self = DD_MOVE_DIALOG (widget);

  if (dd_move_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
dd_move_dialog_dispose (GObject *object)
{
  DdMoveDialog *self = DD_MOVE_DIALOG (object);

  if (self->merge_list_view != NULL)
    gtk_list_view_set_model (self->merge_list_view, NULL);
  g_clear_object (&self->merge_list);
  g_clear_object (&self->merge_filter);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_MOVE_DIALOG);

  G_OBJECT_CLASS (dd_move_dialog_parent_class)->dispose (object);
}

static void
dd_move_dialog_finalize (GObject *object)
{
  DdMoveDialog *self = DD_MOVE_DIALOG (object);

  g_strfreev (self->targets);
  g_free (self->to);
  g_array_unref (self->unit_ids);
  g_array_unref (self->co_unit_ids);
  g_ptr_array_unref (self->co_rows);
  g_clear_pointer (&self->proposer_ids, g_array_unref);
  g_ptr_array_unref (self->verdict_rows);

  G_OBJECT_CLASS (dd_move_dialog_parent_class)->finalize (object);
}

static void
dd_move_dialog_class_init (DdMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_move_dialog_dispose;
  object_class->finalize = dd_move_dialog_finalize;

  /**
   * DdMoveDialog::moved:
   * @id: the suggestion
   * @message: what happened, for a toast
   *
   * One suggestion moved (or was transferred or supervised); the dialog
   * closes afterwards.
   */
  signals[MOVED] =
    g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /**
   * DdMoveDialog::finished:
   * @action: the form's title, e.g. "Assign"
   * @outcomes: (element-type DdBulkOutcome): one per suggestion, in order
   *
   * Several suggestions were each moved or refused; the dialog closes afterwards.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, target_group);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, form_stack);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, units_group);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, lead_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, co_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, assigned_on_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, class_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, replied_on_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, signed_off_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, signed_off_switch);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, reply_frame);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, reply_text);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, verdicts_group);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, evaluated_on_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, merge_number_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, merge_search);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, merge_list_view);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, return_reason_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, returned_on_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, publish_switch);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, closed_on_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, transfer_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, transfer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, transfer_reason_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, transferred_on_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, leader_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, started_on_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, DdMoveDialog, confirm_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lead_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_co_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_activate_cb);

  gtk_widget_class_install_action (widget_class, "move.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "move.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dd_move_dialog_init (DdMoveDialog *self)
{
  g_autoptr(GtkStringList) classes = NULL;
  g_autoptr(GtkStringList) modes = NULL;

  self->quiet = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->co_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->co_rows = g_ptr_array_new ();
  self->verdict_rows = g_ptr_array_new ();

  classes = choices_for (C_("reply class choice", "Not chosen"), dd_reply_classes);
  adw_combo_row_set_model (self->class_row, G_LIST_MODEL (classes));
  modes = choices_for (NULL, dd_supervision_modes);
  gtk_string_list_append (modes, _("End the supervision"));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (modes));
  self->quiet = FALSE;
  on_mode_changed_cb (self);
}

static DdMoveDialog *
dialog_new (GtkWindow    *parent,
            DdStore      *store,
            const gint64 *ids,
            guint         n_ids,
            Purpose       purpose)
{
  DdMoveDialog *self = g_object_new (DD_TYPE_MOVE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *today = dd_store_dup_today (store);
  GtkWidget *dates[] = {
    self->assigned_on_row, self->replied_on_row, self->evaluated_on_row, self->returned_on_row,
    self->closed_on_row, self->transferred_on_row, self->started_on_row,
  };

  self->store = g_object_ref (store);
  self->purpose = purpose;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) error = NULL;
      DdSuggestion *suggestion = dd_suggestion_load (store, ids[i], &error);

      if (suggestion != NULL)
        g_ptr_array_add (self->items, suggestion);
      else
        g_warning ("Suggestion %" G_GINT64_FORMAT ": %s", ids[i], error->message);
    }

  self->quiet = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    gtk_editable_set_text (GTK_EDITABLE (dates[i]), today);
  self->quiet = FALSE;
  fill_units (self);

  /* With one suggestion, show what it has: its co-handling units, its supervision. */
  if (self->items->len == 1)
    {
      gint64 id = dd_entity_get_id (DD_ENTITY (first_item (self)));
      g_auto(GStrv) co_units = dd_suggestion_dup_co_unit_names (store, id, NULL);
      g_autofree char *mode = dd_supervision_dup_current_mode (store, id);

      if (co_units != NULL && co_units[0] != NULL)
        {
          g_autofree char *names = g_strjoinv (C_("list separator", ", "), co_units);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->signed_off_row), names);
        }
      else
        gtk_widget_set_visible (self->signed_off_row, FALSE);
      for (guint i = 0; mode != NULL && dd_supervision_modes[i] != NULL; i++)
        if (g_str_equal (dd_supervision_modes[i], mode))
          adw_combo_row_set_selected (self->mode_row, i);
    }
  return self;
}

/* Public API */

/**
 * dd_move_dialog_new_move:
 * @ids: (array length=n_ids): the suggestions to move
 * @targets: the states offered, NULL-terminated: one, or several to choose
 *   from (dropped on the "set aside" column)
 *
 * Returns: (transfer none): the dialog, not yet shown; it is destroyed when
 *   closed or once saved
 */
DdMoveDialog *
dd_move_dialog_new_move (GtkWindow          *parent,
                         DdStore            *store,
                         const gint64       *ids,
                         guint               n_ids,
                         const char * const *targets)
{
  DdMoveDialog *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (targets != NULL && targets[0] != NULL, NULL);

  self = dialog_new (parent, store, ids, n_ids, PURPOSE_MOVE);
  self->targets = g_strdupv ((char **) targets);
  for (guint i = 0; targets[i] != NULL; i++)
    gtk_string_list_append (labels, dd_code_label (dd_suggestion_states, targets[i]));
  self->quiet = TRUE;
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (labels));
  self->quiet = FALSE;
  gtk_widget_set_visible (self->target_group, targets[1] != NULL);
  dd_move_dialog_set_target (self, targets[0]);
  return self;
}

/**
 * dd_move_dialog_new_transfer_unit:
 * Another lead unit for assigned or handling suggestions, state kept.
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
DdMoveDialog *
dd_move_dialog_new_transfer_unit (GtkWindow    *parent,
                                  DdStore      *store,
                                  const gint64 *ids,
                                  guint         n_ids)
{
  DdMoveDialog *self;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  self = dialog_new (parent, store, ids, n_ids, PURPOSE_TRANSFER_UNIT);
  update_form (self);
  gtk_window_set_focus (GTK_WINDOW (self), first_field (self));
  return self;
}

/**
 * dd_move_dialog_new_supervision:
 * Starts, changes or ends the supervision of assigned or handling suggestions.
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
DdMoveDialog *
dd_move_dialog_new_supervision (GtkWindow    *parent,
                                DdStore      *store,
                                const gint64 *ids,
                                guint         n_ids)
{
  DdMoveDialog *self;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  self = dialog_new (parent, store, ids, n_ids, PURPOSE_SUPERVISION);
  update_form (self);
  gtk_window_set_focus (GTK_WINDOW (self), first_field (self));
  return self;
}

const char *
dd_move_dialog_get_target (DdMoveDialog *self)
{
  g_return_val_if_fail (DD_IS_MOVE_DIALOG (self), NULL);
  return self->to;
}

/**
 * dd_move_dialog_set_target:
 * Shows the form of the move to @to, one of the states offered.
 */
void
dd_move_dialog_set_target (DdMoveDialog *self,
                           const char   *to)
{
  guint position = 0;

  g_return_if_fail (DD_IS_MOVE_DIALOG (self));
  g_return_if_fail (self->targets != NULL && g_strv_contains ((const char * const *) self->targets, to));

  dd_set_str (&self->to, to);
  self->kind = kind_for_target (self, to);
  while (self->targets[position] != NULL && !g_str_equal (self->targets[position], to))
    position++;
  self->quiet = TRUE;
  adw_combo_row_set_selected (self->target_row, position);
  self->quiet = FALSE;
  set_error (self, NULL);
  update_form (self);
  gtk_window_set_focus (GTK_WINDOW (self), first_field (self));
}

DdTransitionKind
dd_move_dialog_get_kind (DdMoveDialog *self)
{
  g_return_val_if_fail (DD_IS_MOVE_DIALOG (self), DD_TRANSITION_NONE);
  return self->purpose == PURPOSE_TRANSFER_UNIT ? DD_TRANSITION_TRANSFER_UNIT : self->kind;
}

const char *
dd_move_dialog_get_form (DdMoveDialog *self)
{
  g_return_val_if_fail (DD_IS_MOVE_DIALOG (self), NULL);
  return form_for (self);
}

/**
 * dd_move_dialog_get_field:
 * Returns: (transfer none) (nullable): the input of @field (see dd-move-dialog.h)
 */
GtkWidget *
dd_move_dialog_get_field (DdMoveDialog *self,
                          const char   *field)
{
  const struct { const char *name; GtkWidget *widget; } fields[] = {
    { "lead-unit", GTK_WIDGET (self->lead_dropdown) },
    { "co-unit", GTK_WIDGET (self->co_dropdown) },
    { "assigned-on", self->assigned_on_row },
    { "deadline", GTK_WIDGET (self->deadline_row) },
    { "class", GTK_WIDGET (self->class_row) },
    { "replied-on", self->replied_on_row },
    { "signed-off", GTK_WIDGET (self->signed_off_switch) },
    { "reply-text", GTK_WIDGET (self->reply_text) },
    { "evaluated-on", self->evaluated_on_row },
    { "reason", self->reason_row },
    { "merge-number", self->merge_number_row },
    { "merge-search", GTK_WIDGET (self->merge_search) },
    { "destination", self->destination_row },
    { "return-reason", self->return_reason_row },
    { "returned-on", self->returned_on_row },
    { "publish", GTK_WIDGET (self->publish_switch) },
    { "closed-on", self->closed_on_row },
    { "transfer-unit", GTK_WIDGET (self->transfer_dropdown) },
    { "transfer-reason", self->transfer_reason_row },
    { "transferred-on", self->transferred_on_row },
    { "mode", GTK_WIDGET (self->mode_row) },
    { "leader", self->leader_row },
    { "started-on", self->started_on_row },
    { "note", self->note_row },
  };

  g_return_val_if_fail (DD_IS_MOVE_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, field) == 0)
      return fields[i].widget;
  return NULL;
}

gboolean
dd_move_dialog_choose_unit (DdMoveDialog *self,
                            const char   *field,
                            gint64        unit_id)
{
  GtkWidget *dropdown;
  guint position;

  g_return_val_if_fail (DD_IS_MOVE_DIALOG (self), FALSE);

  dropdown = dd_move_dialog_get_field (self, field);
  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), FALSE);
  position = unit_position (self, unit_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  return TRUE;
}

guint
dd_move_dialog_get_n_verdicts (DdMoveDialog *self)
{
  g_return_val_if_fail (DD_IS_MOVE_DIALOG (self), 0);
  return self->verdict_rows->len;
}

void
dd_move_dialog_set_verdict (DdMoveDialog *self,
                            guint         index,
                            const char   *verdict)
{
  g_return_if_fail (DD_IS_MOVE_DIALOG (self));
  g_return_if_fail (index < self->verdict_rows->len);

  for (guint i = 0; dd_verdicts[i] != NULL; i++)
    if (g_str_equal (dd_verdicts[i], verdict))
      adw_combo_row_set_selected (g_ptr_array_index (self->verdict_rows, index), i + 1);
}

/**
 * dd_move_dialog_save:
 *
 * Moves each suggestion by the model's typed move with the form's data. One
 * suggestion refused: the model's message in the dialog, nothing written.
 *
 * Returns: whether the dialog is done (::moved or ::finished was emitted)
 */
gboolean
dd_move_dialog_save (DdMoveDialog *self)
{
  g_auto(FormData) data = { NULL };
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autofree char *first_message = NULL;
  gboolean all_invalid = TRUE;
  guint n_moved = 0;

  g_return_val_if_fail (DD_IS_MOVE_DIALOG (self), FALSE);

  set_error (self, NULL);
  if (self->items->len == 0 || !read_form (self, &data))
    return FALSE;

  outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_bulk_outcome_free);
  for (guint i = 0; i < self->items->len; i++)
    {
      DdSuggestion *suggestion = g_ptr_array_index (self->items, i);
      gint64 id = dd_entity_get_id (DD_ENTITY (suggestion));
      g_autoptr(GError) error = NULL;

      if (apply_one (self, id, &data, &error))
        n_moved++;
      else
        {
          if (!g_error_matches (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID))
            all_invalid = FALSE;
          if (first_message == NULL)
            first_message = g_strdup (error->message);
        }
      g_ptr_array_add (outcomes,
                       dd_bulk_outcome_new (id, item_string (suggestion, "number"),
                                            item_string (suggestion, "title"),
                                            error != NULL ? error->message : NULL));
    }

  if (n_moved == 0 && (self->items->len == 1 || all_invalid))
    {
      set_error (self, first_message);
      mark_missing (self, &data);
      return FALSE;
    }

  if (self->items->len == 1)
    {
      gint64 id = dd_entity_get_id (DD_ENTITY (first_item (self)));
      g_autofree char *message = dup_done_message (self, id, &data);

      g_signal_emit (self, signals[MOVED], 0, id, message);
    }
  else
    g_signal_emit (self, signals[FINISHED], 0, adw_window_title_get_title (self->window_title), outcomes);
  return TRUE;
}

/**
 * dd_move_dialog_get_error:
 * Returns: (nullable): the message shown in the dialog
 */
const char *
dd_move_dialog_get_error (DdMoveDialog *self)
{
  g_return_val_if_fail (DD_IS_MOVE_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_label (self->error_label) : NULL;
}
