/* dd-suggestion-detail.c: one suggestion, for the board
 *
 * The widget shows its own copy of the record, read again after each
 * committed write that concerns it (coalesced in an idle: one move writes
 * several tables). The form edits the fields the model lets a form edit
 * (dd_suggestion_can_edit_field()); Save applies them to a fresh copy of
 * the stored record, so the workflow's columns are never written back
 * stale, checks them with the model's rules and shows each problem under
 * its row, writing nothing, or saves in one transaction. Starting
 * supervision is a small inline form checked the same way.
 *
 * The moves themselves belong to the board: "Move To…" only says which
 * state was asked for (::move-requested).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-suggestion-detail"

#include <string.h>
#include <glib/gi18n.h>

#include "dd-calendar.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-reception.h"
#include "dd-station.h"
#include "dd-suggestion-detail.h"
#include "dd-suggestion-edit.h"
#include "dd-suggestion-facts.h"
#include "dd-supervision-flag.h"
#include "dd-unit.h"
#include "dd-workflow.h"

typedef enum
{
  KIND_TEXT,
  KIND_CODE,
  KIND_TEXT_VIEW,
} FieldKind;

typedef struct
{
  const char         *field;     /* the DdSuggestion property, or the supervision's */
  FieldKind           kind;
  const char * const *codes;     /* KIND_CODE */
  const char         *row_id;
  const char         *error_id;
} FormField;

static const FormField form_fields[] = {
  { "title", KIND_TEXT, NULL, "title_row", "title_error" },
  { "category", KIND_CODE, dd_suggestion_categories, "category_row", "category_error" },
  { "registered-on", KIND_TEXT, NULL, "registered_on_row", "registered_on_error" },
  { "body", KIND_TEXT_VIEW, NULL, "body_view", "body_error" },
  { "voter-name", KIND_TEXT, NULL, "voter_name_row", "voter_name_error" },
  { "voter-phone", KIND_TEXT, NULL, "voter_phone_row", "voter_phone_error" },
};

#define N_FORM_FIELDS G_N_ELEMENTS (form_fields)

/* The supervision form; its rows are named "supervision-<field>" outside. */
static const FormField supervision_fields[] = {
  { "mode", KIND_CODE, dd_supervision_modes, "mode_row", "mode_error" },
  { "leader-name", KIND_TEXT, NULL, "leader_row", "leader_error" },
  { "started-on", KIND_TEXT, NULL, "started_on_row", "started_on_error" },
};

#define N_SUPERVISION_FIELDS G_N_ELEMENTS (supervision_fields)

struct _DdSuggestionDetail
{
  AdwBin               parent_instance;

  DdContext           *context;
  DdStore             *store;
  DdSuggestion        *suggestion;       /* as set (the property) */
  DdSuggestion        *record;           /* the widget's own copy, as stored */
  GMenu               *move_menu;
  char                *error_values[N_FORM_FIELDS];  /* the text an error was shown for */
  guint                refresh_id;
  gboolean             filling;
  gboolean             dirty;
  gboolean             supervised;       /* a supervision is open */

  GtkWidget           *rows[N_FORM_FIELDS];
  GtkWidget           *errors[N_FORM_FIELDS];
  GtkWidget           *supervision_rows[N_SUPERVISION_FIELDS];
  GtkWidget           *supervision_errors[N_SUPERVISION_FIELDS];

  GtkStack            *stack;
  GtkStack            *sections;
  GtkLabel            *title_label;
  GtkMenuButton       *move_button;
  GtkWidget           *revert_button;
  GtkWidget           *start_supervision_button;
  GtkWidget           *end_supervision_button;
  GtkWidget           *save_button;
  GtkScrolledWindow   *overview_scroller;
  GtkScrolledWindow   *history_scroller;
  GtkScrolledWindow   *details_scroller;

  GtkLabel            *heading_label;
  GtkImage            *state_icon;
  GtkLabel            *state_label;
  GtkLabel            *facts_label;
  AdwActionRow        *deadline_row;
  GtkImage            *deadline_icon;
  GtkLabel            *deadline_badge;
  AdwActionRow        *registered_row;
  AdwActionRow        *assigned_row;
  AdwActionRow        *replied_row;
  AdwActionRow        *evaluated_row;
  AdwActionRow        *closed_row;
  AdwActionRow        *rejection_row;
  AdwActionRow        *merged_row;
  AdwActionRow        *transferred_row;
  GtkLabel            *body_label;
  AdwPreferencesGroup *proposers_group;
  GtkListBox          *proposers_list;
  GtkWidget           *source_group;
  AdwActionRow        *station_row;
  AdwActionRow        *reception_row;
  AdwActionRow        *voter_row;
  GtkListBox          *units_list;
  AdwPreferencesGroup *supervision_group;
  GtkRevealer         *supervision_revealer;
  GtkWidget           *note_row;
  GtkLabel            *supervision_error_label;
  GtkListBox          *supervision_list;
  AdwPreferencesGroup *replies_group;
  GtkListBox          *replies_list;
  AdwPreferencesGroup *evaluations_group;
  GtkListBox          *evaluations_list;
  AdwPreferencesGroup *history_group;
  GtkListBox          *history_list;

  GtkLabel            *form_error_label;
  AdwActionRow        *kind_row;
  GtkWidget           *voter_group;
};

G_DEFINE_FINAL_TYPE (DdSuggestionDetail, dd_suggestion_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SUGGESTION,
  PROP_DIRTY,
  N_PROPS
};

enum {
  ADD_TOAST,
  MOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh_now (DdSuggestionDetail *self);

/* Helpers */

static gint64
record_id (DdSuggestionDetail *self)
{
  return self->record != NULL ? dd_entity_get_id (DD_ENTITY (self->record)) : 0;
}

static const char *
record_string (DdSuggestionDetail *self,
               const char         *field)
{
  return dd_entity_get_string (DD_ENTITY (self->record), field);
}

static void
add_toast (DdSuggestionDetail *self,
           const char         *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
set_subtitle (AdwActionRow *row,
              const char   *subtitle)
{
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (row), subtitle != NULL && subtitle[0] != '\0');
}

/* A date row: the date at the end of the row, an optional note under its title. */
static void
set_value (AdwActionRow *row,
           const char   *value,
           const char   *note)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "value");

  gtk_label_set_label (label, value != NULL ? value : "");
  adw_action_row_set_subtitle (row, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && value[0] != '\0');
}

static void
add_value_label (AdwActionRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, label);
  g_object_set_data (G_OBJECT (row), "value", label);
}

static GtkWidget *
new_action_row (const char *title,
                const char *subtitle,
                const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

/* "2025-06-03T10:12:45" → "2025-06-03 10:12". */
static char *
format_time (const char *changed_at)
{
  if (changed_at == NULL)
    return NULL;
  if (strlen (changed_at) >= 16 && changed_at[10] == 'T')
    return g_strdup_printf ("%.10s %.5s", changed_at, changed_at + 11);
  return g_strdup (changed_at);
}

static const char *
state_icon_name (const char *state)
{
  if (g_strcmp0 (state, "closed") == 0)
    return "emblem-ok-symbolic";
  if (g_strcmp0 (state, "rejected") == 0)
    return "process-stop-symbolic";
  if (g_strcmp0 (state, "merged") == 0)
    return "emblem-documents-symbolic";
  if (g_strcmp0 (state, "transferred_out") == 0)
    return "document-send-symbolic";
  return "go-next-symbolic";
}

static const char *
timeline_icon_name (DdTimelineKind kind)
{
  switch (kind)
    {
    case DD_TIMELINE_REGISTERED:
      return "document-new-symbolic";
    case DD_TIMELINE_EDITED:
      return "document-edit-symbolic";
    case DD_TIMELINE_STATE:
      return "go-next-symbolic";
    case DD_TIMELINE_ASSIGNED:
      return "mail-send-symbolic";
    case DD_TIMELINE_UNITS:
      return "system-switch-user-symbolic";
    case DD_TIMELINE_ROUND:
      return "media-playlist-repeat-symbolic";
    case DD_TIMELINE_REPLY:
      return "mail-reply-sender-symbolic";
    case DD_TIMELINE_EVALUATION:
      return "face-smile-symbolic";
    case DD_TIMELINE_SUPERVISION_STARTED:
      return "view-reveal-symbolic";
    case DD_TIMELINE_SUPERVISION_ENDED:
      return "view-conceal-symbolic";
    case DD_TIMELINE_PROPOSER:
      return "system-users-symbolic";
    case DD_TIMELINE_MERGED_IN:
      return "emblem-documents-symbolic";
    case DD_TIMELINE_OTHER:
    default:
      return "emblem-system-symbolic";
    }
}

static const char *
verdict_icon_name (const char *verdict)
{
  if (g_strcmp0 (verdict, "satisfied") == 0)
    return "face-smile-symbolic";
  if (g_strcmp0 (verdict, "unsatisfied") == 0)
    return "face-sad-symbolic";
  return "face-plain-symbolic";
}

/* The form */

static int
field_index (const FormField *fields,
             guint            n_fields,
             const char      *field)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].field, field) == 0)
      return (int) i;
  return -1;
}

static char *
widget_value (const FormField *f,
              GtkWidget       *row)
{
  if (f->kind == KIND_CODE)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) f->codes))
        return g_strdup ("");
      return g_strdup (f->codes[selected]);
    }
  if (f->kind == KIND_TEXT_VIEW)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
show_widget_value (const FormField *f,
                   GtkWidget       *row,
                   const char      *value)
{
  if (f->kind == KIND_CODE)
    {
      guint selected = 0;

      for (guint c = 0; f->codes[c] != NULL; c++)
        if (g_strcmp0 (f->codes[c], value) == 0)
          selected = c;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
    }
  else if (f->kind == KIND_TEXT_VIEW)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)), value, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), value);
}

static char *
form_value (DdSuggestionDetail *self,
            guint               i)
{
  return widget_value (&form_fields[i], self->rows[i]);
}

static char *
record_value (DdSuggestionDetail *self,
              guint               i)
{
  return g_strdup (record_string (self, form_fields[i].field) ?: "");
}

static GtkLabel *
error_label (GtkWidget *error)
{
  if (GTK_IS_LABEL (error))
    return GTK_LABEL (error);
  return GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error)));
}

/* Shows @message under @row (NULL: clears it), to the eye and to a screen reader. */
static void
show_error (GtkWidget  *row,
            GtkWidget  *error,
            const char *message)
{
  GtkLabel *label = error_label (error);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (error, TRUE);
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
      gtk_label_set_label (label, "");
      gtk_widget_set_visible (error, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_field_error (DdSuggestionDetail *self,
                 guint               i,
                 const char         *message)
{
  g_clear_pointer (&self->error_values[i], g_free);
  if (message != NULL)
    self->error_values[i] = form_value (self, i);
  show_error (self->rows[i], self->errors[i], message);
}

static void
set_form_error (DdSuggestionDetail *self,
                const char         *message)
{
  gtk_label_set_label (self->form_error_label, message ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), message != NULL);
  if (message != NULL)
    gtk_stack_set_visible_child_name (self->sections, "details");
}

static void
clear_errors (DdSuggestionDetail *self)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    set_field_error (self, i, NULL);
  set_form_error (self, NULL);
}

static void
show_problems (DdSuggestionDetail *self,
               GPtrArray          *problems)
{
  g_autoptr(GString) other = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint p = 0; p < problems->len; p++)
    {
      DdProblem *problem = g_ptr_array_index (problems, p);
      int i = field_index (form_fields, N_FORM_FIELDS, problem->field);

      /* A field may have several problems: show the first, it names the fix. */
      if (i >= 0 && self->error_values[i] == NULL)
        {
          set_field_error (self, i, problem->message);
          if (first == NULL)
            first = self->rows[i];
        }
      else if (i < 0)
        {
          if (other->len > 0)
            g_string_append_c (other, '\n');
          g_string_append (other, problem->message);
        }
    }
  if (other->len > 0)
    set_form_error (self, other->str);
  gtk_stack_set_visible_child_name (self->sections, "details");
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

/* Actions and the move menu */

static void
update_actions (DdSuggestionDetail *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *state = self->record != NULL ? record_string (self, "state") : NULL;
  gboolean shown = self->record != NULL && self->store != NULL;
  gboolean supervisable = shown && (g_strcmp0 (state, "assigned") == 0 ||
                                    g_strcmp0 (state, "handling") == 0);
  gboolean revealed = gtk_revealer_get_reveal_child (self->supervision_revealer);
  const char * const *targets = dd_workflow_targets (state);

  gtk_widget_action_set_enabled (widget, "suggestion.save", shown && self->dirty);
  gtk_widget_action_set_enabled (widget, "suggestion.revert", shown && self->dirty);
  gtk_widget_action_set_enabled (widget, "suggestion.move", shown && targets[0] != NULL);
  gtk_widget_action_set_enabled (widget, "suggestion.start-supervision", supervisable && !revealed);
  gtk_widget_action_set_enabled (widget, "suggestion.end-supervision", shown && self->supervised);
  gtk_widget_action_set_enabled (widget, "suggestion.confirm-supervision", supervisable && revealed);
  gtk_widget_action_set_enabled (widget, "suggestion.cancel-supervision", revealed);
  gtk_widget_action_set_enabled (widget, "suggestion.show-merged",
                                 shown && dd_entity_get_int (DD_ENTITY (self->record), "merged-into-id") != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->move_button), shown && targets[0] != NULL);
  /* Only what applies: a closed suggestion is neither supervised nor supervisable. */
  gtk_widget_set_visible (self->start_supervision_button, supervisable && !revealed);
  gtk_widget_set_visible (self->end_supervision_button, shown && self->supervised);
}

static void
update_move_menu (DdSuggestionDetail *self)
{
  const char * const *targets = dd_workflow_targets (self->record != NULL
                                                     ? record_string (self, "state") : NULL);

  g_menu_remove_all (self->move_menu);
  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (dd_code_label (dd_suggestion_states, targets[i]), NULL);

      g_menu_item_set_action_and_target (item, "suggestion.move", "s", targets[i]);
      g_menu_append_item (self->move_menu, item);
    }
}

static void
update_dirty (DdSuggestionDetail *self)
{
  gboolean dirty = FALSE;

  if (self->record != NULL)
    for (guint i = 0; i < N_FORM_FIELDS && !dirty; i++)
      {
        g_autofree char *shown = form_value (self, i);
        g_autofree char *held = record_value (self, i);

        dirty = g_strcmp0 (shown, held) != 0;
      }

  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  update_actions (self);
}

static void
fill_form (DdSuggestionDetail *self)
{
  const char *kind = record_string (self, "kind");
  gboolean opinion = g_strcmp0 (kind, "voter_opinion") == 0;
  gboolean date_open = dd_suggestion_can_edit_field (self->record, "registered-on");
  g_autofree char *kind_text = NULL;

  self->filling = TRUE;
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      g_autofree char *value = record_value (self, i);

      show_widget_value (&form_fields[i], self->rows[i], value);
    }
  self->filling = FALSE;

  gtk_widget_set_sensitive (self->rows[field_index (form_fields, N_FORM_FIELDS, "registered-on")], date_open);
  gtk_widget_set_tooltip_text (self->rows[field_index (form_fields, N_FORM_FIELDS, "registered-on")],
                               date_open ? NULL
                                         : _("The registration date is fixed once the suggestion is assigned"));
  /* Translators: the kind of a suggestion and its number, e.g. "Deputy’s suggestion · JY2025-0012" */
  kind_text = g_strdup_printf (C_("kind", "%s · %s"), dd_code_label (dd_suggestion_kinds, kind),
                               record_string (self, "number") ?: "");
  adw_action_row_set_subtitle (self->kind_row, kind_text);
  gtk_widget_set_visible (self->voter_group,
                          opinion || record_string (self, "voter-name") != NULL ||
                          record_string (self, "voter-phone") != NULL);

  clear_errors (self);
  update_dirty (self);
}

/* The overview */

static void
update_header (DdSuggestionDetail *self)
{
  const char *state = record_string (self, "state");
  const char *number = record_string (self, "number");
  gint64 round = dd_entity_get_int (DD_ENTITY (self->record), "round");
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *current = dd_supervision_dup_current_mode (self->store, record_id (self));

  gtk_label_set_label (self->title_label, number ?: "");
  gtk_label_set_label (self->heading_label, record_string (self, "title") ?: "");
  gtk_label_set_label (self->state_label, dd_code_label (dd_suggestion_states, state));
  gtk_image_set_from_icon_name (self->state_icon, state_icon_name (state));

  g_string_append (facts, dd_code_label (dd_suggestion_kinds, record_string (self, "kind")));
  g_string_append (facts, C_("summary", " · "));
  g_string_append (facts, dd_code_label (dd_suggestion_categories, record_string (self, "category")));
  if (round > 1)
    {
      g_string_append (facts, C_("summary", " · "));
      /* Translators: the handling round of a suggestion, e.g. "Round 2" */
      g_string_append_printf (facts, _("Round %d"), (int) round);
    }
  if (current != NULL)
    {
      g_string_append (facts, C_("summary", " · "));
      /* Translators: e.g. "Key supervision" */
      g_string_append_printf (facts, _("%s supervision"), dd_code_label (dd_supervision_modes, current));
    }
  gtk_label_set_label (self->facts_label, facts->str);
}

static void
update_deadline (DdSuggestionDetail *self)
{
  const char *deadline = record_string (self, "deadline-on");
  const char *replied_on = record_string (self, "replied-on");
  const char *state = record_string (self, "state");
  g_autofree char *status = NULL;
  const char *icon = "x-office-calendar-symbolic";
  const char *badge = NULL;
  const char *badge_class = NULL;
  int days_left = 0;
  DdDeadlineStatus flag;

  if (deadline == NULL)
    {
      set_value (self->deadline_row, NULL, NULL);
      return;
    }

  flag = dd_suggestion_deadline_status (self->store, self->record, &days_left);
  if (g_strcmp0 (state, "assigned") == 0 || g_strcmp0 (state, "handling") == 0)
    {
      if (flag == DD_DEADLINE_OVERDUE)
        {
          icon = "dialog-warning-symbolic";
          badge = dd_deadline_status_get_label (flag);
          badge_class = "error";
          status = g_strdup_printf (ngettext ("Overdue by %d working day", "Overdue by %d working days",
                                              -days_left), -days_left);
        }
      else
        {
          if (flag == DD_DEADLINE_DUE_SOON)
            {
              icon = "alarm-symbolic";
              badge = dd_deadline_status_get_label (flag);
              badge_class = "warning";
            }
          if (days_left == 0)
            status = g_strdup (_("Due today"));
          else
            status = g_strdup_printf (ngettext ("%d working day left", "%d working days left", days_left),
                                      days_left);
        }
    }
  else if (replied_on != NULL)
    {
      gboolean late = g_strcmp0 (replied_on, deadline) > 0;

      icon = late ? "dialog-warning-symbolic" : "emblem-ok-symbolic";
      status = g_strdup (late ? _("Replied after the deadline") : _("Replied on time"));
    }

  set_value (self->deadline_row, deadline, status);
  gtk_image_set_from_icon_name (self->deadline_icon, icon);
  gtk_label_set_label (self->deadline_badge, badge ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_badge), badge != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_badge), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_badge), "warning");
  if (badge_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_badge), badge_class);
}

static void
update_dates (DdSuggestionDetail *self)
{
  const char *closed_on = record_string (self, "closed-on");
  gint64 merged_into = dd_entity_get_int (DD_ENTITY (self->record), "merged-into-id");

  set_value (self->registered_row, record_string (self, "registered-on"), NULL);
  set_value (self->assigned_row, record_string (self, "assigned-on"), NULL);
  set_value (self->replied_row, record_string (self, "replied-on"), NULL);
  set_value (self->evaluated_row, record_string (self, "evaluated-on"), NULL);
  set_value (self->closed_row, closed_on,
             dd_entity_get_bool (DD_ENTITY (self->record), "published")
             ? _("Published on the station’s publicity board") : NULL);
  set_subtitle (self->rejection_row, record_string (self, "rejection-reason"));
  set_subtitle (self->transferred_row, record_string (self, "transferred-to"));

  gtk_widget_set_visible (GTK_WIDGET (self->merged_row), merged_into != 0);
  if (merged_into != 0)
    {
      g_autoptr(DdSuggestion) target = dd_suggestion_load (self->store, merged_into, NULL);
      g_autofree char *subtitle = NULL;

      if (target != NULL)
        subtitle = g_strconcat (dd_entity_get_string (DD_ENTITY (target), "number") ?: "",
                                C_("summary", " · "),
                                dd_entity_get_string (DD_ENTITY (target), "title") ?: "", NULL);
      adw_action_row_set_subtitle (self->merged_row, subtitle ?: "");
    }

  if (is_blank (record_string (self, "body")))
    {
      gtk_label_set_label (self->body_label, _("No text recorded."));
      gtk_widget_add_css_class (GTK_WIDGET (self->body_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->body_label, record_string (self, "body"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->body_label), "dim-label");
    }
}

static void
update_people (DdSuggestionDetail *self)
{
  g_autoptr(GPtrArray) proposers = NULL;
  g_autoptr(GError) error = NULL;
  gboolean opinion = g_strcmp0 (record_string (self, "kind"), "voter_opinion") == 0;
  gint64 station_id = dd_entity_get_int (DD_ENTITY (self->record), "station-id");
  gint64 reception_id = dd_entity_get_int (DD_ENTITY (self->record), "reception-id");
  const char *voter_name = record_string (self, "voter-name");
  const char *voter_phone = record_string (self, "voter-phone");

  clear_list (self->proposers_list);
  adw_preferences_group_set_title (self->proposers_group, opinion ? _("Recorded By") : _("Proposers"));
  proposers = dd_suggestion_dup_proposers (self->store, record_id (self), &error);
  if (proposers == NULL)
    adw_preferences_group_set_description (self->proposers_group, error->message);
  for (guint i = 0; proposers != NULL && i < proposers->len; i++)
    {
      DdDeputy *deputy = g_ptr_array_index (proposers, i);
      g_autoptr(GString) subtitle = g_string_new (dd_code_label (dd_deputy_levels,
                                                                 dd_deputy_get_level (deputy)));

      if (i == 0 && proposers->len > 1)
        g_string_append_printf (subtitle, "%s%s", C_("summary", " · "), _("Lead proposer"));
      if (g_strcmp0 (dd_deputy_get_status (deputy), "active") != 0)
        g_string_append_printf (subtitle, "%s%s", C_("summary", " · "),
                                dd_code_label (dd_deputy_statuses, dd_deputy_get_status (deputy)));
      gtk_list_box_append (self->proposers_list,
                           new_action_row (dd_deputy_get_name (deputy), subtitle->str,
                                           "avatar-default-symbolic"));
    }

  /* Where a voter's opinion came from. */
  gtk_widget_set_visible (self->source_group, opinion || station_id != 0 || reception_id != 0);
  {
    g_autoptr(DdStation) station = station_id != 0 ? dd_station_load (self->store, station_id, NULL) : NULL;
    g_autoptr(DdReception) reception = reception_id != 0
                                       ? dd_reception_load (self->store, reception_id, NULL) : NULL;
    g_autofree char *reception_text = NULL;
    g_autofree char *voter_text = NULL;

    set_subtitle (self->station_row, station != NULL ? dd_station_get_name (station) : NULL);
    if (reception != NULL)
      {
        const char *topic = dd_entity_get_string (DD_ENTITY (reception), "topic");

        reception_text = is_blank (topic)
                         ? g_strdup (dd_entity_get_string (DD_ENTITY (reception), "held-on"))
                         : g_strconcat (dd_entity_get_string (DD_ENTITY (reception), "held-on"),
                                        C_("summary", " · "), topic, NULL);
      }
    set_subtitle (self->reception_row, reception_text);
    if (!is_blank (voter_name) && !is_blank (voter_phone))
      voter_text = g_strconcat (voter_name, C_("summary", " · "), voter_phone, NULL);
    else
      voter_text = g_strdup (!is_blank (voter_name) ? voter_name : voter_phone);
    set_subtitle (self->voter_row, voter_text);
  }
}

static void
update_units (DdSuggestionDetail *self)
{
  g_autoptr(GPtrArray) units = NULL;

  clear_list (self->units_list);
  units = dd_suggestion_dup_units (self->store, record_id (self), NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      DdSuggestionUnit *unit = g_ptr_array_index (units, i);
      gboolean lead = g_str_equal (unit->role, "lead");
      g_autoptr(GString) subtitle = g_string_new (lead ? _("Lead unit") : _("Co-handling unit"));

      g_string_append (subtitle, C_("summary", " · "));
      /* Translators: when a unit was given a suggestion; %s is a date */
      g_string_append_printf (subtitle, _("since %s"), unit->assigned_on);
      if (!unit->active)
        g_string_append_printf (subtitle, "%s%s", C_("summary", " · "), _("no longer active"));
      gtk_list_box_append (self->units_list,
                           new_action_row (unit->name, subtitle->str,
                                           lead ? "starred-symbolic" : "system-users-symbolic"));
    }
}

static void
update_supervision (DdSuggestionDetail *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *description = NULL;

  clear_list (self->supervision_list);
  self->supervised = FALSE;
  history = dd_supervision_list_for (self->store, record_id (self), NULL);
  /* The newest first: the open one leads. */
  for (guint n = history != NULL ? history->len : 0; n > 0; n--)
    {
      DdEntity *supervision = g_ptr_array_index (history, n - 1);
      const char *mode = dd_code_label (dd_supervision_modes, dd_entity_get_string (supervision, "mode"));
      const char *leader = dd_entity_get_string (supervision, "leader-name");
      const char *started_on = dd_entity_get_string (supervision, "started-on");
      const char *ended_on = dd_entity_get_string (supervision, "ended-on");
      const char *note = dd_entity_get_string (supervision, "note");
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!is_blank (leader))
        /* Translators: a supervision in a suggestion's detail; %s: its mode, %s: a name */
        title = g_strdup_printf (_("%s, led by %s"), mode, leader);
      else
        title = g_strdup (mode);
      if (ended_on == NULL)
        {
          /* Translators: an open supervision; %s is a date */
          when = g_strdup_printf (_("Since %s, ongoing"), started_on);
          if (!self->supervised)
            {
              /* Translators: the supervision group's summary, e.g. "Current: Key, led by 王正阳" */
              description = g_strdup_printf (_("Current: %s"), title);
              self->supervised = TRUE;
            }
        }
      else
        /* Translators: a period, e.g. "2025-09-10 – 2025-09-20" */
        when = g_strdup_printf (C_("period", "%s – %s"), started_on, ended_on);
      subtitle = is_blank (note) ? g_strdup (when) : g_strconcat (when, "\n", note, NULL);
      row = new_action_row (title, subtitle, ended_on == NULL ? "view-reveal-symbolic" : "view-conceal-symbolic");
      if (ended_on != NULL)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->supervision_list, row);
    }
  adw_preferences_group_set_description (self->supervision_group, description);
}

static GtkWidget *
create_reply_row (DdSuggestionDetail *self,
                  DdEntity           *reply)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (dd_code_label (dd_reply_classes, dd_entity_get_string (reply, "class")));
  GtkWidget *meta;
  GtkWidget *body = gtk_label_new (dd_entity_get_string (reply, "body"));
  g_autoptr(DdUnit) unit = dd_unit_load (self->store, dd_entity_get_int (reply, "unit-id"), NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 round = dd_entity_get_int (reply, "round");
  GtkWidget *labels[3];

  g_string_append (text, unit != NULL ? dd_entity_get_string (DD_ENTITY (unit), "name") : "");
  g_string_append (text, C_("summary", " · "));
  g_string_append (text, dd_entity_get_string (reply, "replied-on"));
  g_string_append (text, C_("summary", " · "));
  g_string_append_printf (text, _("Round %d"), (int) round);
  if (dd_entity_get_bool (reply, "co-units-signed-off"))
    {
      g_string_append (text, C_("summary", " · "));
      g_string_append (text, _("signed off by the co-handling units"));
    }
  meta = gtk_label_new (text->str);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  labels[0] = heading;
  labels[1] = meta;
  labels[2] = body;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_xalign (GTK_LABEL (labels[i]), 0);
      gtk_label_set_wrap (GTK_LABEL (labels[i]), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (labels[i]), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), labels[i]);
    }
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_margin_top (body, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (GTK_LABEL (heading)), -1);
  return row;
}

static void
update_replies (DdSuggestionDetail *self)
{
  g_autoptr(GPtrArray) replies = NULL;

  clear_list (self->replies_list);
  replies = dd_suggestion_dup_replies (self->store, record_id (self), NULL);
  for (guint i = 0; replies != NULL && i < replies->len; i++)
    gtk_list_box_append (self->replies_list, create_reply_row (self, g_ptr_array_index (replies, i)));
}

static void
update_evaluations (DdSuggestionDetail *self)
{
  g_autoptr(GPtrArray) evaluations = NULL;

  clear_list (self->evaluations_list);
  evaluations = dd_suggestion_dup_evaluations (self->store, record_id (self), NULL);
  for (guint i = 0; evaluations != NULL && i < evaluations->len; i++)
    {
      DdEntity *evaluation = g_ptr_array_index (evaluations, i);
      const char *code = dd_entity_get_string (evaluation, "verdict");
      const char *comment = dd_entity_get_string (evaluation, "comment");
      g_autoptr(DdDeputy) deputy = dd_deputy_load (self->store, dd_entity_get_int (evaluation, "deputy-id"), NULL);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *verdict = gtk_label_new (dd_code_label (dd_verdicts, code));
      GtkWidget *row;

      g_string_append_printf (subtitle, _("Round %d"), (int) dd_entity_get_int (evaluation, "round"));
      g_string_append (subtitle, C_("summary", " · "));
      g_string_append (subtitle, dd_entity_get_string (evaluation, "evaluated-on"));
      if (!is_blank (comment))
        g_string_append_printf (subtitle, "\n%s", comment);
      row = new_action_row (deputy != NULL ? dd_deputy_get_name (deputy) : "", subtitle->str,
                            verdict_icon_name (code));
      gtk_widget_add_css_class (verdict, "heading");
      if (g_strcmp0 (code, "satisfied") == 0)
        gtk_widget_add_css_class (verdict, "success");
      else if (g_strcmp0 (code, "unsatisfied") == 0)
        gtk_widget_add_css_class (verdict, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), verdict);
      gtk_list_box_append (self->evaluations_list, row);
    }
}

static void
update_history (DdSuggestionDetail *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  clear_list (self->history_list);
  events = dd_suggestion_dup_timeline (self->store, record_id (self), &error);
  if (events == NULL)
    {
      adw_preferences_group_set_description (self->history_group, error->message);
      return;
    }
  for (guint i = 0; i < events->len; i++)
    {
      DdTimelineEvent *event = g_ptr_array_index (events, i);
      g_autofree char *when = format_time (event->changed_at);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (event->operator_name != NULL)
        /* Translators: when and by whom, e.g. "2025-06-03 10:12 · 张敏" */
        g_string_append_printf (subtitle, C_("history", "%s · %s"), when ?: "", event->operator_name);
      else if (when != NULL)
        /* Translators: an event told from the records, not the audit log; %s is a date */
        g_string_append_printf (subtitle, _("%s · from the records"), when);
      else
        g_string_append (subtitle, _("Date not recorded · from the records"));
      if (event->detail != NULL)
        g_string_append_printf (subtitle, "\n%s", event->detail);
      gtk_list_box_append (self->history_list,
                           new_action_row (event->text, subtitle->str, timeline_icon_name (event->kind)));
    }
  description = g_strdup_printf (ngettext ("%u event, oldest first", "%u events, oldest first", events->len),
                                 events->len);
  adw_preferences_group_set_description (self->history_group, description);
}

static void
update_overview (DdSuggestionDetail *self)
{
  update_header (self);
  update_deadline (self);
  update_dates (self);
  update_people (self);
  update_units (self);
  update_supervision (self);
  update_replies (self);
  update_evaluations (self);
  update_history (self);
  update_move_menu (self);
  update_actions (self);
}

/* The supervision form */

static void
clear_supervision_errors (DdSuggestionDetail *self)
{
  for (guint i = 0; i < N_SUPERVISION_FIELDS; i++)
    show_error (self->supervision_rows[i], self->supervision_errors[i], NULL);
  gtk_label_set_label (self->supervision_error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->supervision_error_label), FALSE);
}

static void
set_supervision_error (DdSuggestionDetail *self,
                       const char         *message)
{
  gtk_label_set_label (self->supervision_error_label, message ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->supervision_error_label), message != NULL);
}

static void
hide_supervision_form (DdSuggestionDetail *self)
{
  gtk_revealer_set_reveal_child (self->supervision_revealer, FALSE);
  clear_supervision_errors (self);
  update_actions (self);
}

/* Showing a record */

static void
show_record (DdSuggestionDetail *self,
             DdSuggestion       *record)
{
  gboolean was_empty = self->record == NULL;

  g_set_object (&self->record, record);
  gtk_revealer_set_reveal_child (self->supervision_revealer, FALSE);
  clear_supervision_errors (self);
  if (record == NULL || self->store == NULL)
    {
      g_clear_object (&self->record);
      clear_errors (self);
      update_dirty (self);
      update_move_menu (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_form (self);
  update_overview (self);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  if (was_empty)
    gtk_stack_set_visible_child_name (self->sections, "overview");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->overview_scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->history_scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->details_scroller), 0);
}

static void
load_record (DdSuggestionDetail *self)
{
  g_autoptr(DdSuggestion) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->suggestion != NULL ? dd_entity_get_id (DD_ENTITY (self->suggestion)) : 0;

  if (id != 0 && self->store != NULL)
    {
      record = dd_suggestion_load (self->store, id, &error);
      if (record == NULL)
        {
          /* Translators: %s says what went wrong */
          g_autofree char *message = g_strdup_printf (_("The suggestion could not be read: %s"),
                                                      error->message);

          add_toast (self, message);
        }
    }
  show_record (self, record);
}

/* Reads the record and everything around it again, keeping unsaved edits. */
static void
refresh_now (DdSuggestionDetail *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->record == NULL || self->store == NULL)
    return;
  if (!dd_entity_reload (DD_ENTITY (self->record), self->store, NULL))
    {
      /* Deleted elsewhere. */
      show_record (self, NULL);
      return;
    }
  if (!self->dirty)
    fill_form (self);
  else
    update_dirty (self);
  update_overview (self);
}

static gboolean
refresh_cb (gpointer data)
{
  DdSuggestionDetail *self = data;

  self->refresh_id = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Callbacks */

static void
on_store_changed_cb (DdStore            *store,
                     const char         *table,
                     GArray             *ids,
                     DdSuggestionDetail *self)
{
  gint64 id = record_id (self);
  gboolean ours;

  if (id == 0)
    return;
  /* Rows noted under the suggestion's id, and rows whose owner only a query would tell. */
  if (g_str_equal (table, "suggestions") || g_str_equal (table, "suggestion_units") ||
      g_str_equal (table, "suggestion_proposers"))
    ours = ids_contain (ids, id);
  else
    ours = g_str_equal (table, "replies") || g_str_equal (table, "evaluations") ||
           g_str_equal (table, "supervisions") || g_str_equal (table, "units") ||
           g_str_equal (table, "deputies") || g_str_equal (table, "stations") ||
           g_str_equal (table, "receptions") || g_str_equal (table, "holidays") ||
           g_str_equal (table, "settings");
  if (ours && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_context_store_cb (DdSuggestionDetail *self)
{
  DdStore *store = self->context != NULL ? dd_context_get_store (self->context) : NULL;

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  load_record (self);
}

static void
set_context (DdSuggestionDetail *self,
             DdContext          *context)
{
  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "notify::store",
                             G_CALLBACK (on_context_store_cb), self, G_CONNECT_SWAPPED);
  on_context_store_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
on_field_changed_cb (DdSuggestionDetail *self)
{
  if (self->filling)
    return;

  /* An error goes away as soon as its field is edited. */
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    if (self->error_values[i] != NULL)
      {
        g_autofree char *now = form_value (self, i);

        if (g_strcmp0 (now, self->error_values[i]) != 0)
          set_field_error (self, i, NULL);
      }
  update_dirty (self);
}

/* Scrolls the overview so that @widget shows whole, or from its top. */
static void
scroll_to (DdSuggestionDetail *self,
           GtkWidget          *widget)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->overview_scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->overview_scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double height = gtk_widget_get_height (widget);
  double x, y;

  if (viewport == NULL || !gtk_widget_translate_coordinates (widget, viewport, 0, 0, &x, &y))
    return;
  /* From the viewport's top to the content's. */
  y += value;
  if (y < value || height > page)
    gtk_adjustment_set_value (adjustment, y - 12);
  else if (y + height > value + page)
    gtk_adjustment_set_value (adjustment, y + height - page + 12);
}

/* Once open, the form shows whole and takes the focus: the first row at
 * fault, or the first row. */
static void
on_supervision_revealed_cb (DdSuggestionDetail *self)
{
  if (!gtk_revealer_get_child_revealed (self->supervision_revealer))
    return;
  scroll_to (self, GTK_WIDGET (self->supervision_group));
  for (guint i = 0; i < N_SUPERVISION_FIELDS; i++)
    if (gtk_widget_get_visible (self->supervision_errors[i]))
      {
        gtk_widget_grab_focus (self->supervision_rows[i]);
        return;
      }
  gtk_widget_grab_focus (self->supervision_rows[0]);
}

static void
on_supervision_changed_cb (DdSuggestionDetail *self)
{
  if (!self->filling)
    clear_supervision_errors (self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dd_suggestion_detail_save (DD_SUGGESTION_DETAIL (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  dd_suggestion_detail_revert (DD_SUGGESTION_DETAIL (widget));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (widget);
  const char *target = g_variant_get_string (parameter, NULL);

  if (self->record == NULL || !dd_workflow_can_move (record_string (self, "state"), target))
    return;
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, target);
}

static void
show_merged_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (widget);
  gint64 into = self->record != NULL ? dd_entity_get_int (DD_ENTITY (self->record), "merged-into-id") : 0;

  if (into != 0)
    dd_suggestion_detail_show_id (self, into);
}

static void
start_supervision_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (widget);

  if (self->record == NULL)
    return;
  self->filling = TRUE;
  show_widget_value (&supervision_fields[0], self->supervision_rows[0], "tracking");
  for (guint i = 1; i < N_SUPERVISION_FIELDS; i++)
    show_widget_value (&supervision_fields[i], self->supervision_rows[i], "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  self->filling = FALSE;
  clear_supervision_errors (self);
  gtk_stack_set_visible_child_name (self->sections, "overview");
  gtk_revealer_set_reveal_child (self->supervision_revealer, TRUE);
  update_actions (self);
  on_supervision_revealed_cb (self);
}

static void
cancel_supervision_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  hide_supervision_form (DD_SUGGESTION_DETAIL (widget));
}

static void
confirm_supervision_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (widget);
  g_autofree char *mode = NULL;
  g_autofree char *leader = NULL;
  g_autofree char *started_on = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) other = g_string_new (NULL);
  g_autofree char *message = NULL;
  const char *note;
  DdSupervisionStart start;
  GtkWidget *first = NULL;

  if (self->record == NULL || self->store == NULL)
    return;

  mode = widget_value (&supervision_fields[0], self->supervision_rows[0]);
  leader = g_strstrip (widget_value (&supervision_fields[1], self->supervision_rows[1]));
  started_on = g_strstrip (widget_value (&supervision_fields[2], self->supervision_rows[2]));
  note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  start = (DdSupervisionStart) {
    mode,
    leader[0] != '\0' ? leader : NULL,
    started_on[0] != '\0' ? started_on : NULL,
    !is_blank (note) ? note : NULL,
  };

  clear_supervision_errors (self);
  problems = dd_supervision_check_start (self->store, record_id (self), &start);
  for (guint p = 0; p < problems->len; p++)
    {
      DdProblem *problem = g_ptr_array_index (problems, p);
      int i = field_index (supervision_fields, N_SUPERVISION_FIELDS, problem->field);

      if (i >= 0 && !gtk_widget_get_visible (self->supervision_errors[i]))
        {
          show_error (self->supervision_rows[i], self->supervision_errors[i], problem->message);
          if (first == NULL)
            first = self->supervision_rows[i];
        }
      else if (i < 0)
        {
          if (other->len > 0)
            g_string_append_c (other, '\n');
          g_string_append (other, problem->message);
        }
    }
  if (other->len > 0)
    set_supervision_error (self, other->str);
  if (problems->len > 0)
    {
      if (first != NULL)
        gtk_widget_grab_focus (first);
      return;
    }

  if (!dd_supervision_start (self->store, record_id (self), &start, NULL, &error))
    {
      set_supervision_error (self, error->message);
      return;
    }
  hide_supervision_form (self);
  refresh_now (self);
  /* Translators: a toast; %s is a supervision mode (Key, On-site, Tracking) */
  message = g_strdup_printf (_("%s supervision started"), dd_code_label (dd_supervision_modes, mode));
  add_toast (self, message);
}

static void
end_supervision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (widget);
  g_autoptr(GError) error = NULL;

  if (self->record == NULL || self->store == NULL)
    return;
  if (!dd_supervision_end (self->store, record_id (self), NULL, &error))
    {
      add_toast (self, error->message);
      return;
    }
  refresh_now (self);
  add_toast (self, _("Supervision ended"));
}

/* GObject */

static void
dd_suggestion_detail_dispose (GObject *object)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->record);
  g_clear_object (&self->suggestion);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Before the template lets go of it: AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_SUGGESTION_DETAIL);
  g_clear_object (&self->move_menu);

  G_OBJECT_CLASS (dd_suggestion_detail_parent_class)->dispose (object);
}

static void
dd_suggestion_detail_finalize (GObject *object)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (object);

  for (guint i = 0; i < N_FORM_FIELDS; i++)
    g_free (self->error_values[i]);

  G_OBJECT_CLASS (dd_suggestion_detail_parent_class)->finalize (object);
}

static void
dd_suggestion_detail_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SUGGESTION:
      g_value_set_object (value, self->suggestion);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestion_detail_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DdSuggestionDetail *self = DD_SUGGESTION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_SUGGESTION:
      dd_suggestion_detail_set_suggestion (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestion_detail_class_init (DdSuggestionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_suggestion_detail_dispose;
  object_class->finalize = dd_suggestion_detail_finalize;
  object_class->get_property = dd_suggestion_detail_get_property;
  object_class->set_property = dd_suggestion_detail_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /**
   * DdSuggestionDetail:suggestion: (nullable)
   * The suggestion shown; %NULL shows an empty state. Unsaved edits of the
   * one shown before are dropped: check #DdSuggestionDetail:dirty first.
   */
  properties[PROP_SUGGESTION] =
    g_param_spec_object ("suggestion", NULL, NULL, DD_TYPE_SUGGESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdSuggestionDetail::add-toast:
   * A message for the window's toast overlay.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * DdSuggestionDetail::move-requested:
   * @target_state: a state the workflow allows from the current one
   *
   * The user asked to move the suggestion; the board shows the move's form.
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-suggestion-detail.ui");
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, form_fields[i].row_id, FALSE,
                                                 G_STRUCT_OFFSET (DdSuggestionDetail, rows) +
                                                 i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, form_fields[i].error_id, FALSE,
                                                 G_STRUCT_OFFSET (DdSuggestionDetail, errors) +
                                                 i * sizeof (GtkWidget *));
    }
  for (guint i = 0; i < N_SUPERVISION_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, supervision_fields[i].row_id, FALSE,
                                                 G_STRUCT_OFFSET (DdSuggestionDetail, supervision_rows) +
                                                 i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, supervision_fields[i].error_id, FALSE,
                                                 G_STRUCT_OFFSET (DdSuggestionDetail, supervision_errors) +
                                                 i * sizeof (GtkWidget *));
    }
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, sections);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, move_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, revert_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, start_supervision_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, end_supervision_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, save_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, overview_scroller);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, history_scroller);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, heading_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, state_icon);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, facts_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, registered_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, assigned_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, replied_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, evaluated_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, closed_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, rejection_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, merged_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, transferred_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, body_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, proposers_group);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, proposers_list);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, source_group);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, station_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, reception_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, voter_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, units_list);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, supervision_group);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, supervision_revealer);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, note_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, supervision_error_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, supervision_list);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, replies_group);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, replies_list);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, evaluations_group);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, evaluations_list);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, history_group);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionDetail, voter_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_supervision_changed_cb);

  gtk_widget_class_install_action (widget_class, "suggestion.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "suggestion.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "suggestion.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "suggestion.show-merged", NULL, show_merged_action);
  gtk_widget_class_install_action (widget_class, "suggestion.start-supervision", NULL,
                                   start_supervision_action);
  gtk_widget_class_install_action (widget_class, "suggestion.cancel-supervision", NULL,
                                   cancel_supervision_action);
  gtk_widget_class_install_action (widget_class, "suggestion.confirm-supervision", NULL,
                                   confirm_supervision_action);
  gtk_widget_class_install_action (widget_class, "suggestion.end-supervision", NULL,
                                   end_supervision_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "suggestion.save", NULL);
}

static GListModel *
code_labels (const char * const *codes)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint c = 0; codes[c] != NULL; c++)
    gtk_string_list_append (labels, dd_code_label (codes, codes[c]));
  return G_LIST_MODEL (labels);
}

static void
dd_suggestion_detail_init (DdSuggestionDetail *self)
{
  g_autoptr(GListModel) categories = code_labels (dd_suggestion_categories);
  g_autoptr(GListModel) modes = code_labels (dd_supervision_modes);
  GtkWidget *badge_box;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filling = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[field_index (form_fields, N_FORM_FIELDS, "category")]),
                           categories);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->supervision_rows[0]), modes);
  self->filling = FALSE;
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->rows[field_index (form_fields,
                                                                                           N_FORM_FIELDS,
                                                                                           "body")])),
                           "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);

  /* The deadline: an icon and a word beside the colour, never the colour alone. */
  self->deadline_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deadline_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (self->deadline_row, GTK_WIDGET (self->deadline_icon));
  badge_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (badge_box, GTK_ALIGN_CENTER);
  self->deadline_badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->deadline_badge), "heading");
  gtk_box_append (GTK_BOX (badge_box), GTK_WIDGET (self->deadline_badge));
  adw_action_row_add_suffix (self->deadline_row, badge_box);
  add_value_label (self->deadline_row);

  add_value_label (self->registered_row);
  add_value_label (self->assigned_row);
  add_value_label (self->replied_row);
  add_value_label (self->evaluated_row);
  add_value_label (self->closed_row);

  g_signal_connect_object (self->supervision_revealer, "notify::child-revealed",
                           G_CALLBACK (on_supervision_revealed_cb), self, G_CONNECT_SWAPPED);

  self->move_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->move_button, G_MENU_MODEL (self->move_menu));

  show_record (self, NULL);
}

/* Public API */

GtkWidget *
dd_suggestion_detail_new (DdContext *context)
{
  return g_object_new (DD_TYPE_SUGGESTION_DETAIL, "context", context, NULL);
}

/**
 * dd_suggestion_detail_get_suggestion:
 * Returns: (transfer none) (nullable): the suggestion as set
 */
DdSuggestion *
dd_suggestion_detail_get_suggestion (DdSuggestionDetail *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_DETAIL (self), NULL);
  return self->suggestion;
}

/**
 * dd_suggestion_detail_set_suggestion:
 * @suggestion: (nullable): the suggestion to show; only its id is used:
 *   the detail reads its own copy from the store. Another suggestion drops
 *   unsaved edits (check #DdSuggestionDetail:dirty first); the same one
 *   again, even as another object, keeps them.
 */
void
dd_suggestion_detail_set_suggestion (DdSuggestionDetail *self,
                                     DdSuggestion       *suggestion)
{
  g_return_if_fail (DD_IS_SUGGESTION_DETAIL (self));
  g_return_if_fail (suggestion == NULL || DD_IS_SUGGESTION (suggestion));

  if (self->suggestion == suggestion)
    return;
  g_set_object (&self->suggestion, suggestion);
  /* The board's lists build a new object for the same row: the same
   * suggestion again keeps the edits in the form. */
  if (suggestion != NULL && self->record != NULL &&
      dd_entity_get_id (DD_ENTITY (suggestion)) == record_id (self))
    refresh_now (self);
  else
    load_record (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTION]);
}

/**
 * dd_suggestion_detail_show_id:
 * Shows suggestion @id (0: none), as #DdSuggestionDetail:suggestion would.
 *
 * Returns: %FALSE if it could not be read
 */
gboolean
dd_suggestion_detail_show_id (DdSuggestionDetail *self,
                              gint64              id)
{
  g_autoptr(DdSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DD_IS_SUGGESTION_DETAIL (self), FALSE);

  if (id != 0 && self->store != NULL)
    {
      suggestion = dd_suggestion_load (self->store, id, &error);
      if (suggestion == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The suggestion could not be read: %s"),
                                                      error->message);

          add_toast (self, message);
          return FALSE;
        }
    }
  dd_suggestion_detail_set_suggestion (self, suggestion);
  return TRUE;
}

gint64
dd_suggestion_detail_get_suggestion_id (DdSuggestionDetail *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_DETAIL (self), 0);
  return record_id (self);
}

gboolean
dd_suggestion_detail_get_dirty (DdSuggestionDetail *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTION_DETAIL (self), FALSE);
  return self->dirty;
}

/**
 * dd_suggestion_detail_save:
 *
 * Applies the form to a fresh copy of the stored record, checks it with
 * the model's rules and shows each problem under its row, writing nothing;
 * or saves it in one transaction (audited) and says so in a toast.
 *
 * Returns: whether the suggestion was saved
 */
gboolean
dd_suggestion_detail_save (DdSuggestionDetail *self)
{
  g_autoptr(DdSuggestion) fresh = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DD_IS_SUGGESTION_DETAIL (self), FALSE);

  if (self->record == NULL || self->store == NULL)
    return FALSE;

  clear_errors (self);
  fresh = dd_suggestion_load (self->store, record_id (self), &error);
  if (fresh == NULL)
    {
      set_form_error (self, error->message);
      return FALSE;
    }
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      g_autofree char *value = form_value (self, i);

      /* Only what the form may change; the rest stays as stored. */
      if (dd_suggestion_can_edit_field (fresh, form_fields[i].field))
        g_object_set (fresh, form_fields[i].field, value[0] != '\0' ? value : NULL, NULL);
    }
  problems = dd_suggestion_check_edit (self->store, fresh);
  if (problems->len > 0)
    {
      show_problems (self, problems);
      return FALSE;
    }
  if (!dd_entity_save (DD_ENTITY (fresh), self->store, &error))
    {
      set_form_error (self, error->message);
      return FALSE;
    }

  g_set_object (&self->record, fresh);
  fill_form (self);
  update_overview (self);
  add_toast (self, _("Suggestion saved"));
  return TRUE;
}

/**
 * dd_suggestion_detail_revert:
 * Shows the record as stored, dropping the edits.
 */
void
dd_suggestion_detail_revert (DdSuggestionDetail *self)
{
  g_return_if_fail (DD_IS_SUGGESTION_DETAIL (self));

  if (self->record != NULL)
    fill_form (self);
}

/**
 * dd_suggestion_detail_show_section:
 * @name: "overview", "history" or "details"
 */
void
dd_suggestion_detail_show_section (DdSuggestionDetail *self,
                                   const char         *name)
{
  g_return_if_fail (DD_IS_SUGGESTION_DETAIL (self));
  gtk_stack_set_visible_child_name (self->sections, name);
}

/**
 * dd_suggestion_detail_get_row:
 * @field: a form field ("title", "category", "registered-on", "body",
 *   "voter-name", "voter-phone") or one of the supervision form
 *   ("supervision-mode", "supervision-leader-name", "supervision-started-on",
 *   "supervision-note")
 *
 * Returns: (transfer none) (nullable): its row (the text view for "body")
 */
GtkWidget *
dd_suggestion_detail_get_row (DdSuggestionDetail *self,
                              const char         *field)
{
  int i;

  g_return_val_if_fail (DD_IS_SUGGESTION_DETAIL (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_has_prefix (field, "supervision-"))
    {
      if (g_str_equal (field, "supervision-note"))
        return self->note_row;
      i = field_index (supervision_fields, N_SUPERVISION_FIELDS, field + strlen ("supervision-"));
      return i >= 0 ? self->supervision_rows[i] : NULL;
    }
  i = field_index (form_fields, N_FORM_FIELDS, field);
  return i >= 0 ? self->rows[i] : NULL;
}

/**
 * dd_suggestion_detail_get_error:
 * @field: as for dd_suggestion_detail_get_row(); "form" and
 *   "supervision-form" give the messages shown above the form's rows
 *
 * Returns: (nullable): the validation message shown for @field
 */
const char *
dd_suggestion_detail_get_error (DdSuggestionDetail *self,
                                const char         *field)
{
  GtkWidget *error = NULL;
  int i;

  g_return_val_if_fail (DD_IS_SUGGESTION_DETAIL (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "form"))
    error = GTK_WIDGET (self->form_error_label);
  else if (g_str_equal (field, "supervision-form"))
    error = GTK_WIDGET (self->supervision_error_label);
  else if (g_str_has_prefix (field, "supervision-"))
    {
      i = field_index (supervision_fields, N_SUPERVISION_FIELDS, field + strlen ("supervision-"));
      error = i >= 0 ? self->supervision_errors[i] : NULL;
    }
  else
    {
      i = field_index (form_fields, N_FORM_FIELDS, field);
      error = i >= 0 ? self->errors[i] : NULL;
    }
  if (error == NULL || !gtk_widget_get_visible (error))
    return NULL;
  return gtk_label_get_label (error_label (error));
}
