/* dd-suggestions-page.c: the board of the suggestion workflow
 *
 * One DdBoardColumn per column of dd_suggestion_columns, each a
 * virtualized list of ids (PERFORMANCE.md), all following one
 * DdSuggestionFilter: a change to the filter bar re-queries each column
 * once.
 *
 * Moves go through the workflow whichever way they start: a card dropped on
 * a column, "Move to" in a card's menu (the keyboard's way: Menu or
 * Shift+F10), or the bulk bar. An illegal move is refused with the model's
 * own message; a move that needs data opens DdMoveDialog; the model writes
 * and notifies, and the columns follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-suggestions-page"

#include <glib/gi18n.h>

#include "dd-bulk-dialog.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-deputy-list.h"
#include "dd-export-dialog.h"
#include "dd-station.h"
#include "dd-station-list.h"
#include "dd-suggestion-detail.h"
#include "dd-suggestions-page.h"
#include "dd-unit.h"
#include "dd-unit-list.h"
#include "dd-workflow.h"
#include "dd-years.h"

struct _DdSuggestionsPage
{
  AdwBin              parent_instance;

  DdContext          *context;
  DdStore            *store;
  DdSuggestionFilter *filter;
  GPtrArray          *columns;        /* DdBoardColumn, children of columns_box */
  GArray             *years;          /* int, newest first */
  GArray             *unit_ids;       /* gint64 per position of the unit filter; [0] = all */
  GArray             *station_ids;
  gint64              proposer_id;
  DdDeputyList       *proposers;
  gboolean            selection_mode;
  gboolean            quiet;          /* filters or selections changed by code */
  gboolean            columns_wanted; /* a store, but the board was never shown yet */

  AdwFlap            *flap;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *overdue_toggle;
  GtkToggleButton    *key_toggle;
  GtkWidget          *clear_button;
  GtkToggleButton    *select_toggle;
  GtkDropDown        *year_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *category_dropdown;
  GtkDropDown        *unit_dropdown;
  GtkDropDown        *station_dropdown;
  GtkMenuButton      *proposer_button;
  GtkLabel           *proposer_label;
  GtkPopover         *proposer_popover;
  GtkSearchEntry     *proposer_search;
  GtkListView        *proposer_list_view;
  GtkStack           *board_stack;
  GtkBox             *columns_box;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_clear_button;
  GtkWidget          *empty_stations_button;
  GtkRevealer        *bulk_revealer;
  GtkLabel           *selected_label;
  GtkMenuButton      *bulk_move_button;
  GMenu              *bulk_move_menu;
  DdSuggestionDetail *detail;
};

G_DEFINE_FINAL_TYPE (DdSuggestionsPage, dd_suggestions_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SELECTION_MODE,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
toast (DdSuggestionsPage *self,
       const char        *text)
{
  g_autoptr(AdwToast) message = adw_toast_new (text);

  g_signal_emit (self, signals[ADD_TOAST], 0, message);
}

static GtkWindow *
parent_window (DdSuggestionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static DdBoardColumn *
column_at (DdSuggestionsPage *self,
           guint              index)
{
  return g_ptr_array_index (self->columns, index);
}

static GtkStringList *
choices_for_codes (const char         *all,
                   const char * const *codes)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, all);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (choices, dd_code_label (codes, codes[i]));
  return choices;
}

/* The code chosen in a filter, NULL for "All …". */
static const char *
chosen_code (GtkDropDown        *dropdown,
             const char * const *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) codes))
    return NULL;
  return codes[selected - 1];
}

static gint64
chosen_id (GtkDropDown *dropdown,
           GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

static int
chosen_year (DdSuggestionsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->years == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->years->len)
    return 0;
  return g_array_index (self->years, int, selected - 1);
}

/* Sets @dropdown's choices, keeping the one chosen by its id. */
static void
set_id_choices (DdSuggestionsPage  *self,
                GtkDropDown        *dropdown,
                GArray            **ids,
                GArray             *fresh_ids,
                GtkStringList      *names)
{
  gint64 kept = chosen_id (dropdown, *ids);
  guint selected = 0;
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  for (guint i = 1; kept != 0 && i < fresh_ids->len; i++)
    if (g_array_index (fresh_ids, gint64, i) == kept)
      selected = i;
  g_clear_pointer (ids, g_array_unref);
  *ids = fresh_ids;

  self->quiet = TRUE;
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
  self->quiet = FALSE;
}

static void
fill_units (DdSuggestionsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  g_array_append_val (ids, none);
  gtk_string_list_append (names, _("All Units"));
  if (self->store != NULL)
    {
      g_autoptr(DdUnitList) units = dd_unit_list_new (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (units)); i++)
        {
          g_autoptr(DdUnit) unit = g_list_model_get_item (G_LIST_MODEL (units), i);
          gint64 id;

          if (unit == NULL)
            continue;
          id = dd_entity_get_id (DD_ENTITY (unit));
          g_array_append_val (ids, id);
          gtk_string_list_append (names, dd_entity_get_string (DD_ENTITY (unit), "name"));
        }
    }
  set_id_choices (self, self->unit_dropdown, &self->unit_ids, ids, names);
}

static void
fill_stations (DdSuggestionsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  g_array_append_val (ids, none);
  gtk_string_list_append (names, _("All Stations"));
  if (self->store != NULL)
    {
      g_autoptr(DdStationList) stations = dd_station_list_new (self->store);

      /* Suggestions keep the station they came from, archived or not. */
      dd_station_list_set_show_archived (stations, TRUE);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stations)); i++)
        {
          g_autoptr(DdStation) station = g_list_model_get_item (G_LIST_MODEL (stations), i);
          gint64 id;

          if (station == NULL)
            continue;
          id = dd_entity_get_id (DD_ENTITY (station));
          g_array_append_val (ids, id);
          gtk_string_list_append (names, dd_station_get_name (station));
        }
    }
  set_id_choices (self, self->station_dropdown, &self->station_ids, ids, names);
}

static void
fill_years (DdSuggestionsPage *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GArray *years = NULL;
  int kept = chosen_year (self);
  guint selected = 0;

  if (self->store != NULL)
    {
      years = dd_years_with_data (self->store, &error);
      if (years == NULL)
        g_warning ("Could not list the years: %s", error->message);
    }
  if (years == NULL)
    years = g_array_new (FALSE, FALSE, sizeof (int));
  /* The same years again: nothing to redo (a move changes no year). */
  if (self->years != NULL && self->years->len == years->len &&
      memcmp (self->years->data, years->data, years->len * sizeof (int)) == 0)
    {
      g_array_unref (years);
      return;
    }

  gtk_string_list_append (choices, _("All Years"));
  for (guint i = 0; i < years->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (years, int, i));

      gtk_string_list_append (choices, text);
      if (g_array_index (years, int, i) == kept)
        selected = i + 1;
    }
  g_clear_pointer (&self->years, g_array_unref);
  self->years = years;

  self->quiet = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->quiet = FALSE;
}

static void
update_proposer_label (DdSuggestionsPage *self)
{
  g_autoptr(DdDeputy) deputy = NULL;

  if (self->proposer_id != 0 && self->store != NULL)
    deputy = dd_deputy_load (self->store, self->proposer_id, NULL);
  gtk_label_set_label (self->proposer_label,
                       deputy != NULL ? dd_deputy_get_name (deputy) : _("Any Proposer"));
}

static guint
n_shown (DdSuggestionsPage *self)
{
  guint n = 0;

  for (guint i = 0; i < self->columns->len; i++)
    n += dd_board_column_get_n_items (column_at (self, i));
  return n;
}

static void
update_empty (DdSuggestionsPage *self)
{
  gboolean filtering = !dd_suggestion_filter_is_empty (self->filter);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.clear-filters", filtering);
  if (self->columns->len > 0 && n_shown (self) > 0)
    {
      gtk_stack_set_visible_child_name (self->board_stack, "board");
      return;
    }
  if (filtering)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Suggestions"));
      adw_status_page_set_description (self->empty_page,
                                       _("No suggestion in any column passes these filters. Try other words, or clear the filters."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Suggestions Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Deputies’ suggestions and the voters’ opinions recorded at receptions appear here, one column for each step of their handling."));
    }
  gtk_widget_set_visible (self->empty_clear_button, filtering);
  gtk_widget_set_visible (self->empty_stations_button, !filtering);
  gtk_stack_set_visible_child_name (self->board_stack, "empty");
}

static void
apply_filters (DdSuggestionsPage *self)
{
  if (self->quiet)
    return;

  /* One change: every column re-queries once. */
  g_object_freeze_notify (G_OBJECT (self->filter));
  dd_suggestion_filter_set_year (self->filter, chosen_year (self));
  dd_suggestion_filter_set_kind (self->filter, chosen_code (self->kind_dropdown, dd_suggestion_kinds));
  dd_suggestion_filter_set_category (self->filter,
                                     chosen_code (self->category_dropdown, dd_suggestion_categories));
  dd_suggestion_filter_set_unit_id (self->filter, chosen_id (self->unit_dropdown, self->unit_ids));
  dd_suggestion_filter_set_station_id (self->filter, chosen_id (self->station_dropdown, self->station_ids));
  dd_suggestion_filter_set_proposer_id (self->filter, self->proposer_id);
  dd_suggestion_filter_set_overdue_only (self->filter, gtk_toggle_button_get_active (self->overdue_toggle));
  dd_suggestion_filter_set_key_supervision_only (self->filter, gtk_toggle_button_get_active (self->key_toggle));
  g_object_thaw_notify (G_OBJECT (self->filter));
}

static void
reset_filter_widgets (DdSuggestionsPage *self)
{
  self->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_drop_down_set_selected (self->station_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->key_toggle, FALSE);
  self->proposer_id = 0;
  update_proposer_label (self);
  self->quiet = FALSE;
}

static guint
n_selected (DdSuggestionsPage *self)
{
  guint n = 0;

  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (dd_board_column_get_selection (column_at (self, i)));

      n += (guint) gtk_bitset_get_size (selected);
    }
  return n;
}

/* The moves the bulk bar offers: those of the selected cards' states that
 * need no form of their own per suggestion (an evaluation needs each
 * proposer's verdict). */
static void
update_bulk_move_menu (DdSuggestionsPage *self)
{
  g_autoptr(GPtrArray) offered = g_ptr_array_new ();

  g_menu_remove_all (self->bulk_move_menu);
  for (guint i = 0; i < self->columns->len; i++)
    {
      DdBoardColumn *column = column_at (self, i);
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (dd_board_column_get_selection (column));
      const char * const *states = dd_suggestion_columns[i].states;

      if (gtk_bitset_is_empty (selected))
        continue;
      for (guint s = 0; states[s] != NULL; s++)
        {
          const char * const *targets = dd_workflow_targets (states[s]);

          for (guint t = 0; targets[t] != NULL; t++)
            if (dd_workflow_transition_for (states[s], targets[t]) != DD_TRANSITION_EVALUATE &&
                !g_ptr_array_find_with_equal_func (offered, targets[t], g_str_equal, NULL))
              g_ptr_array_add (offered, (gpointer) targets[t]);
        }
    }
  /* In the board's order. */
  for (guint s = 0; dd_suggestion_states[s] != NULL; s++)
    if (g_ptr_array_find_with_equal_func (offered, dd_suggestion_states[s], g_str_equal, NULL))
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (dd_code_label (dd_suggestion_states,
                                                                    dd_suggestion_states[s]), NULL);

        g_menu_item_set_action_and_target_value (item, "board.bulk-move",
                                                 g_variant_new_string (dd_suggestion_states[s]));
        g_menu_append_item (self->bulk_move_menu, item);
      }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.bulk-move", offered->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bulk_move_button), offered->len > 0);
}

static void
update_selection (DdSuggestionsPage *self)
{
  guint n = n_selected (self);
  g_autofree char *text = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);

  gtk_label_set_label (self->selected_label, text);
  gtk_revealer_set_reveal_child (self->bulk_revealer, self->selection_mode || n >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.bulk-assign", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.bulk-supervise", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.select-none", n > 0);
  update_bulk_move_menu (self);
}

static void
select_none (DdSuggestionsPage *self)
{
  self->quiet = TRUE;
  for (guint i = 0; i < self->columns->len; i++)
    dd_board_column_select_none (column_at (self, i));
  self->quiet = FALSE;
  update_selection (self);
}

static void
show_now (DdSuggestionsPage *self,
          DdSuggestion      *suggestion)
{
  dd_suggestion_detail_set_suggestion (self->detail, suggestion);
  adw_flap_set_reveal_flap (self->flap, suggestion != NULL);
}

static void
on_unsaved_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        DdSuggestionsPage *self)
{
  DdSuggestion *pending = g_object_get_data (G_OBJECT (dialog), "pending");

  if (g_strcmp0 (response, "discard") == 0)
    {
      dd_suggestion_detail_revert (self->detail);
      show_now (self, pending);
    }
  else if (g_strcmp0 (response, "save") == 0 && dd_suggestion_detail_save (self->detail))
    show_now (self, pending);
  /* Otherwise the edits, and any messages under them, stay in view. */
}

/* Shows @suggestion in the detail, asking first if edits there would be lost. */
static void
show_detail_for (DdSuggestionsPage *self,
                 DdSuggestion      *suggestion)
{
  g_autoptr(GtkBuilder) builder = NULL;
  AdwMessageDialog *dialog;
  DdSuggestion *shown = dd_suggestion_detail_get_suggestion (self->detail);

  if (suggestion == shown || shown == NULL || !dd_suggestion_detail_get_dirty (self->detail))
    {
      show_now (self, suggestion);
      return;
    }
  adw_flap_set_reveal_flap (self->flap, TRUE);
  builder = gtk_builder_new_from_resource ("/io/github/deputydesk/DeputyDesk/dd-unsaved-dialog.ui");
  dialog = ADW_MESSAGE_DIALOG (gtk_builder_get_object (builder, "dialog"));
  /* Translators: %s is a suggestion's number */
  adw_message_dialog_format_body (dialog, _("The changes to %s have not been saved."),
                                  dd_entity_get_string (DD_ENTITY (shown), "number"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  if (suggestion != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "pending", g_object_ref (suggestion), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The list's own object for @id if a column shows it (refreshed in place
 * after each write), else a fresh one. */
static DdSuggestion *
dup_suggestion (DdSuggestionsPage *self,
                gint64             id)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      DdQueryModel *list = DD_QUERY_MODEL (dd_board_column_get_list (column_at (self, i)));
      guint position = dd_query_model_find (list, id);

      if (position != G_MAXUINT)
        return g_list_model_get_item (G_LIST_MODEL (list), position);
    }
  return self->store != NULL ? dd_suggestion_load (self->store, id, NULL) : NULL;
}

static void
on_move_dialog_moved_cb (DdMoveDialog      *dialog,
                         gint64             id,
                         const char        *message,
                         DdSuggestionsPage *self)
{
  toast (self, message);
}

static void
on_move_dialog_finished_cb (DdMoveDialog      *dialog,
                            const char        *action,
                            GPtrArray         *outcomes,
                            DdSuggestionsPage *self)
{
  DdBulkDialog *summary;

  select_none (self);
  summary = dd_bulk_dialog_new (parent_window (self), action, outcomes);
  gtk_window_present (GTK_WINDOW (summary));
}

static void
present_dialog (DdSuggestionsPage *self,
                DdMoveDialog      *dialog)
{
  g_signal_connect_object (dialog, "moved", G_CALLBACK (on_move_dialog_moved_cb), self, 0);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_move_dialog_finished_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Moves suggestion @id to @to, a state or "set_aside": refused with the
 * model's reason, done at once if it needs no data, or the form. */
static DdMoveDialog *
move_to (DdSuggestionsPage *self,
         gint64             id,
         const char        *to)
{
  static const char * const set_aside[] = { "rejected", "merged", "transferred_out", NULL };
  g_autoptr(DdSuggestion) suggestion = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *from;
  DdTransitionKind kind;
  DdMoveDialog *dialog;

  if (self->store == NULL)
    return NULL;
  suggestion = dd_suggestion_load (self->store, id, &error);
  if (suggestion == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  from = dd_entity_get_string (DD_ENTITY (suggestion), "state");

  if (g_strcmp0 (to, "set_aside") == 0)
    {
      for (guint i = 0; set_aside[i] != NULL; i++)
        if (dd_workflow_can_move (from, set_aside[i]))
          g_ptr_array_add (targets, (gpointer) set_aside[i]);
    }
  else if (dd_workflow_can_move (from, to))
    g_ptr_array_add (targets, (gpointer) to);

  if (targets->len == 0)
    {
      /* The workflow says why, and writes nothing. */
      DdMove nothing = { NULL };

      if (!dd_workflow_move (self->store, id, g_strcmp0 (to, "set_aside") == 0 ? set_aside[0] : to,
                             &nothing, &error))
        toast (self, error->message);
      return NULL;
    }

  kind = dd_workflow_transition_for (from, g_ptr_array_index (targets, 0));
  if (targets->len == 1 && (kind == DD_TRANSITION_START_REVIEW || kind == DD_TRANSITION_START_HANDLING))
    {
      gboolean moved = kind == DD_TRANSITION_START_REVIEW
                       ? dd_workflow_start_review (self->store, id, &error)
                       : dd_workflow_start_handling (self->store, id, &error);

      if (moved)
        {
          /* Translators: a toast: a suggestion's number, then its state, e.g. "JY2025-0012 is now Assigned" */
          g_autofree char *text = g_strdup_printf (_("%s is now %s"),
                                                   dd_entity_get_string (DD_ENTITY (suggestion), "number"),
                                                   dd_code_label (dd_suggestion_states,
                                                                  g_ptr_array_index (targets, 0)));

          toast (self, text);
        }
      else
        toast (self, error->message);
      return NULL;
    }

  g_ptr_array_add (targets, NULL);
  dialog = dd_move_dialog_new_move (parent_window (self), self->store, &id, 1,
                                    (const char * const *) targets->pdata);
  present_dialog (self, dialog);
  return dialog;
}

/* Callbacks */

static void
on_column_dropped_cb (DdBoardColumn     *column,
                      DdSuggestion      *suggestion,
                      DdSuggestionsPage *self)
{
  dd_suggestions_page_drop (self, suggestion, column);
}

static void
on_card_activated_cb (DdBoardColumn     *column,
                      DdSuggestion      *suggestion,
                      DdSuggestionsPage *self)
{
  show_detail_for (self, suggestion);
}

static void
on_column_selection_changed_cb (DdBoardColumn     *column,
                                gboolean           exclusive,
                                DdSuggestionsPage *self)
{
  g_autoptr(GArray) ids = NULL;

  if (self->quiet)
    return;
  if (exclusive)
    {
      /* A plain click chose this card: the others go, as in one list. */
      self->quiet = TRUE;
      for (guint i = 0; i < self->columns->len; i++)
        if (column_at (self, i) != column)
          dd_board_column_select_none (column_at (self, i));
      self->quiet = FALSE;
    }
  update_selection (self);

  /* With the detail open, it follows the one card chosen. */
  ids = dd_board_column_dup_selected_ids (column);
  if (adw_flap_get_reveal_flap (self->flap) && ids->len == 1 && n_selected (self) == 1)
    {
      g_autoptr(DdSuggestion) suggestion = dup_suggestion (self, g_array_index (ids, gint64, 0));

      if (suggestion != NULL)
        show_detail_for (self, suggestion);
    }
}

static void
on_filter_changed_cb (DdSuggestionsPage *self)
{
  apply_filters (self);
}

static void
on_search_changed_cb (DdSuggestionsPage *self)
{
  /* search-changed carries committed text only: an input method's pre-edit
   * never reaches the query. */
  if (!self->quiet)
    dd_suggestion_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_proposer_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      DdSuggestionsPage        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
on_proposer_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     DdSuggestionsPage        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  DdDeputy *deputy = gtk_list_item_get_item (item);
  const char *constituency = dd_entity_get_string (DD_ENTITY (deputy), "constituency");
  g_autofree char *details = g_strdup_printf ("%s%s%s",
                                              dd_code_label (dd_deputy_levels, dd_deputy_get_level (deputy)),
                                              constituency != NULL ? C_("summary", " · ") : "",
                                              constituency != NULL ? constituency : "");

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), dd_deputy_get_name (deputy));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), details);
}

static void
on_proposer_popover_show_cb (DdSuggestionsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (self->proposer_search));
  if (self->proposers != NULL || self->store == NULL)
    return;
  /* Built on first use: the register is searched in SQL, however large. */
  self->proposers = dd_deputy_list_new (self->store);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_proposer_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_proposer_bind_cb), self, 0);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->proposers)));
  gtk_list_view_set_factory (self->proposer_list_view, factory);
  gtk_list_view_set_model (self->proposer_list_view, GTK_SELECTION_MODEL (selection));
}

static void
on_proposer_search_changed_cb (DdSuggestionsPage *self)
{
  if (self->proposers != NULL)
    dd_deputy_list_set_search (self->proposers, gtk_editable_get_text (GTK_EDITABLE (self->proposer_search)));
}

static void
on_proposer_activate_cb (DdSuggestionsPage *self,
                         guint              position)
{
  g_autoptr(DdDeputy) deputy = g_list_model_get_item (G_LIST_MODEL (self->proposers), position);

  if (deputy == NULL)
    return;
  self->proposer_id = dd_entity_get_id (DD_ENTITY (deputy));
  update_proposer_label (self);
  gtk_popover_popdown (self->proposer_popover);
  apply_filters (self);
}

static void
on_detail_add_toast_cb (DdSuggestionsPage *self,
                        AdwToast          *message)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, message);
}

static void
on_detail_move_requested_cb (DdSuggestionsPage *self,
                             const char        *to)
{
  gint64 id = dd_suggestion_detail_get_suggestion_id (self->detail);

  if (id != 0)
    move_to (self, id, to);
}

static void
on_store_changed_cb (DdStore           *store,
                     const char        *table,
                     GArray            *ids,
                     DdSuggestionsPage *self)
{
  if (g_str_equal (table, "units"))
    fill_units (self);
  else if (g_str_equal (table, "stations"))
    fill_stations (self);
  else if (g_str_equal (table, "suggestions"))
    fill_years (self);
  else if (g_str_equal (table, "deputies"))
    update_proposer_label (self);
}

static void
clear_columns (DdSuggestionsPage *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      DdBoardColumn *column = column_at (self, i);

      g_signal_handlers_disconnect_by_data (column, self);
      g_signal_handlers_disconnect_by_data (dd_board_column_get_list (column), self);
      gtk_box_remove (self->columns_box, GTK_WIDGET (column));
    }
  g_ptr_array_set_size (self->columns, 0);
}

static void
build_columns (DdSuggestionsPage *self)
{
  self->columns_wanted = FALSE;
  if (self->store == NULL || self->columns->len > 0)
    return;
  for (guint i = 0; i < DD_SUGGESTION_N_COLUMNS; i++)
    {
      GtkWidget *column = dd_board_column_new (self->store, i, self->filter);

      g_object_bind_property (self, "selection-mode", column, "selection-mode", G_BINDING_SYNC_CREATE);
      g_signal_connect_object (column, "suggestion-dropped", G_CALLBACK (on_column_dropped_cb), self, 0);
      g_signal_connect_object (column, "card-activated", G_CALLBACK (on_card_activated_cb), self, 0);
      g_signal_connect_object (column, "selection-changed",
                               G_CALLBACK (on_column_selection_changed_cb), self, 0);
      g_signal_connect_object (dd_board_column_get_list (DD_BOARD_COLUMN (column)), "notify::n-items",
                               G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->columns_box, column);
      g_ptr_array_add (self->columns, column);
    }
  update_empty (self);
  update_selection (self);
}

static void
on_context_store_cb (DdSuggestionsPage *self)
{
  DdStore *store = self->context != NULL ? dd_context_get_store (self->context) : NULL;

  if (self->store == store)
    return;

  show_now (self, NULL);
  self->columns_wanted = FALSE;
  clear_columns (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_list_view_set_model (self->proposer_list_view, NULL);
  g_clear_object (&self->proposers);
  g_set_object (&self->store, store);

  /* Another database starts with no filter. */
  reset_filter_widgets (self);
  dd_suggestion_filter_clear (self->filter);
  fill_years (self);
  fill_units (self);
  fill_stations (self);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
      /* Each column keeps up to 200 cards alive (GTK 4.8's list view):
       * build them when the board is first shown, not at start-up. */
      self->columns_wanted = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        build_columns (self);
    }
  update_empty (self);
  update_selection (self);
}

static void
set_context (DdSuggestionsPage *self,
             DdContext         *context)
{
  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  g_object_set (self->detail, "context", context, NULL);
  if (context != NULL)
    g_signal_connect_object (context, "notify::store",
                             G_CALLBACK (on_context_store_cb), self, G_CONNECT_SWAPPED);
  on_context_store_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
set_selection_mode (DdSuggestionsPage *self,
                    gboolean           selection_mode)
{
  selection_mode = selection_mode != FALSE;
  if (self->selection_mode == selection_mode)
    return;
  self->selection_mode = selection_mode;
  /* Leaving it lets go of what was ticked. */
  if (!selection_mode)
    select_none (self);
  update_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_MODE]);
}

/* Actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (DD_SUGGESTIONS_PAGE (widget)->search_entry));
}

/* The suggestions the board shows, with its filters, with every column. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (widget);
  DdExportOptions options;

  if (self->store == NULL)
    return;
  dd_export_options_init (&options);
  options.suggestion_filter = self->filter;
  dd_export_dialog_present_for (GTK_WIDGET (self), self->context, DD_EXPORT_SUGGESTIONS, &options);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dd_suggestions_page_show_detail (DD_SUGGESTIONS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gint64 id;
  const char *to;

  g_variant_get (parameter, "(x&s)", &id, &to);
  dd_suggestions_page_move (DD_SUGGESTIONS_PAGE (widget), id, to);
}

static void
transfer_unit_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store != NULL)
    present_dialog (self, dd_move_dialog_new_transfer_unit (parent_window (self), self->store, &id, 1));
}

static void
supervise_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store != NULL)
    present_dialog (self, dd_move_dialog_new_supervision (parent_window (self), self->store, &id, 1));
}

static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (widget);
  g_autoptr(GArray) ids = dd_suggestions_page_dup_selected (self);
  const gint64 *data = (const gint64 *) ids->data;
  DdMoveDialog *dialog;

  if (self->store == NULL || ids->len == 0)
    return;

  if (g_str_equal (action_name, "board.bulk-supervise"))
    dialog = dd_move_dialog_new_supervision (parent_window (self), self->store, data, ids->len);
  else
    {
      const char *targets[] = {
        g_str_equal (action_name, "board.bulk-assign") ? "assigned" : g_variant_get_string (parameter, NULL),
        NULL
      };

      dialog = dd_move_dialog_new_move (parent_window (self), self->store, data, ids->len, targets);
    }
  present_dialog (self, dialog);
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  select_none (DD_SUGGESTIONS_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (widget);

  reset_filter_widgets (self);
  dd_suggestion_filter_clear (self->filter);
}

static void
any_proposer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (widget);

  self->proposer_id = 0;
  update_proposer_label (self);
  gtk_popover_popdown (self->proposer_popover);
  apply_filters (self);
}

static void
close_detail_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_flap_set_reveal_flap (DD_SUGGESTIONS_PAGE (widget)->flap, FALSE);
}

/* Esc: the detail first, then selection mode, then the selection. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (widget);

  if (adw_flap_get_reveal_flap (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else if (self->selection_mode)
    set_selection_mode (self, FALSE);
  else
    select_none (self);
}

/* GtkWidget */

static void
dd_suggestions_page_map (GtkWidget *widget)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (widget);

  GTK_WIDGET_CLASS (dd_suggestions_page_parent_class)->map (widget);
  if (self->columns_wanted)
    build_columns (self);
}

/* GObject */

static void
dd_suggestions_page_dispose (GObject *object)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (object);

  if (self->columns != NULL)
    clear_columns (self);
  if (self->proposer_list_view != NULL)
    gtk_list_view_set_model (self->proposer_list_view, NULL);
  g_clear_object (&self->proposers);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Before the template lets go of it: AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_SUGGESTIONS_PAGE);

  G_OBJECT_CLASS (dd_suggestions_page_parent_class)->dispose (object);
}

static void
dd_suggestions_page_finalize (GObject *object)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (object);

  g_clear_object (&self->filter);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->station_ids, g_array_unref);

  G_OBJECT_CLASS (dd_suggestions_page_parent_class)->finalize (object);
}

static void
dd_suggestions_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestions_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DdSuggestionsPage *self = DD_SUGGESTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_SELECTION_MODE:
      set_selection_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_suggestions_page_class_init (DdSuggestionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_suggestions_page_dispose;
  object_class->finalize = dd_suggestions_page_finalize;
  object_class->get_property = dd_suggestions_page_get_property;
  object_class->set_property = dd_suggestions_page_set_property;
  widget_class->map = dd_suggestions_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdSuggestionsPage::add-toast:
   * A message for the window's toast overlay.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (DD_TYPE_SUGGESTION_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-suggestions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, key_toggle);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, select_toggle);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, station_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, proposer_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, proposer_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, proposer_popover);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, proposer_search);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, proposer_list_view);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, board_stack);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, columns_box);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, empty_stations_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, bulk_revealer);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, selected_label);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, bulk_move_button);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, bulk_move_menu);
  gtk_widget_class_bind_template_child (widget_class, DdSuggestionsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_proposer_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_proposer_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_proposer_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_move_requested_cb);

  /* The window maps Ctrl+F to page.search while the page is shown. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "board.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "board.move-to", "(xs)", move_to_action);
  gtk_widget_class_install_action (widget_class, "board.transfer-unit", "x", transfer_unit_action);
  gtk_widget_class_install_action (widget_class, "board.supervise", "x", supervise_action);
  gtk_widget_class_install_action (widget_class, "board.bulk-assign", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "board.bulk-supervise", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "board.bulk-move", "s", bulk_action);
  gtk_widget_class_install_action (widget_class, "board.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "board.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "board.any-proposer", NULL, any_proposer_action);
  gtk_widget_class_install_action (widget_class, "board.close-detail", NULL, close_detail_action);
  gtk_widget_class_install_action (widget_class, "board.escape", NULL, escape_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board.escape", NULL);
}

static void
dd_suggestions_page_init (DdSuggestionsPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) categories = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = dd_suggestion_filter_new ();
  self->columns = g_ptr_array_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);

  self->quiet = TRUE;
  kinds = choices_for_codes (_("All Kinds"), dd_suggestion_kinds);
  categories = choices_for_codes (_("All Categories"), dd_suggestion_categories);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  self->quiet = FALSE;
  g_object_bind_property (self, "selection-mode", self->select_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  fill_years (self);
  fill_units (self);
  fill_stations (self);
  update_proposer_label (self);
  update_empty (self);
  update_selection (self);
}

/* Public API */

GtkWidget *
dd_suggestions_page_new (DdContext *context)
{
  return g_object_new (DD_TYPE_SUGGESTIONS_PAGE, "context", context, NULL);
}

/**
 * dd_suggestions_page_get_filter:
 * Returns: (transfer none): the filter every column follows
 */
DdSuggestionFilter *
dd_suggestions_page_get_filter (DdSuggestionsPage *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), NULL);
  return self->filter;
}

guint
dd_suggestions_page_get_n_columns (DdSuggestionsPage *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), 0);
  return self->columns->len;
}

/**
 * dd_suggestions_page_get_column:
 * Returns: (transfer none): the @index-th column, as in dd_suggestion_columns
 */
DdBoardColumn *
dd_suggestions_page_get_column (DdSuggestionsPage *self,
                                guint              index)
{
  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);
  return column_at (self, index);
}

/**
 * dd_suggestions_page_find_column:
 * @name: a state, or "set_aside"
 *
 * Returns: (transfer none) (nullable): the column that holds @name
 */
DdBoardColumn *
dd_suggestions_page_find_column (DdSuggestionsPage *self,
                                 const char        *name)
{
  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), NULL);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (dd_board_column_get_name (column_at (self, i)), name) == 0 ||
        dd_board_column_accepts_state (column_at (self, i), name))
      return column_at (self, i);
  return NULL;
}

/**
 * dd_suggestions_page_move:
 * @to: a state, or "set_aside" for a choice among the states that column holds
 *
 * "Move to…" on a card: an illegal move is refused with the model's reason
 * (a toast, nothing written); one that needs no data is made at once;
 * otherwise the form opens.
 *
 * Returns: (transfer none) (nullable): the form, if one opened
 */
DdMoveDialog *
dd_suggestions_page_move (DdSuggestionsPage *self,
                          gint64             id,
                          const char        *to)
{
  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), NULL);
  return move_to (self, id, to);
}

/**
 * dd_suggestions_page_drop:
 * What dropping @suggestion on @column does: as dd_suggestions_page_move()
 * to the column's state; nothing on its own column.
 *
 * Returns: (transfer none) (nullable): the form, if one opened
 */
DdMoveDialog *
dd_suggestions_page_drop (DdSuggestionsPage *self,
                          DdSuggestion      *suggestion,
                          DdBoardColumn     *column)
{
  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), NULL);
  g_return_val_if_fail (DD_IS_SUGGESTION (suggestion), NULL);
  g_return_val_if_fail (DD_IS_BOARD_COLUMN (column), NULL);

  if (dd_board_column_accepts_state (column, dd_entity_get_string (DD_ENTITY (suggestion), "state")))
    return NULL;
  return move_to (self, dd_entity_get_id (DD_ENTITY (suggestion)), dd_board_column_get_name (column));
}

/**
 * dd_suggestions_page_dup_selected:
 * Returns: (transfer full) (element-type gint64): the selected cards, column
 *   by column
 */
GArray *
dd_suggestions_page_dup_selected (DdSuggestionsPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), ids);

  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autoptr(GArray) column_ids = dd_board_column_dup_selected_ids (column_at (self, i));

      g_array_append_vals (ids, column_ids->data, column_ids->len);
    }
  return ids;
}

/**
 * dd_suggestions_page_show_detail:
 * Opens suggestion @id in the detail beside the board (over it, in a narrow window).
 */
void
dd_suggestions_page_show_detail (DdSuggestionsPage *self,
                                 gint64             id)
{
  g_autoptr(DdSuggestion) suggestion = NULL;

  g_return_if_fail (DD_IS_SUGGESTIONS_PAGE (self));

  suggestion = dup_suggestion (self, id);
  if (suggestion != NULL)
    show_detail_for (self, suggestion);
}

/**
 * dd_suggestions_page_get_detail_id:
 * Returns: the suggestion in the detail, 0 if it is closed
 */
gint64
dd_suggestions_page_get_detail_id (DdSuggestionsPage *self)
{
  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), 0);

  if (!adw_flap_get_reveal_flap (self->flap))
    return 0;
  return dd_suggestion_detail_get_suggestion_id (self->detail);
}

/**
 * dd_suggestions_page_show_unit:
 * @unit_id: a unit in the unit filter's menu
 * @year: a year to filter by as well, or 0 for any
 *
 * The board filtered to one unit (and year, if the year filter has it),
 * every other filter cleared: where a click on a unit's bar in the
 * statistics leads.
 *
 * Returns: %TRUE if the unit is in the menu and the board shows its suggestions
 */
gboolean
dd_suggestions_page_show_unit (DdSuggestionsPage *self,
                               gint64             unit_id,
                               int                year)
{
  guint unit_at = 0;
  guint year_at = 0;

  g_return_val_if_fail (DD_IS_SUGGESTIONS_PAGE (self), FALSE);

  if (self->unit_ids == NULL)
    return FALSE;
  for (guint i = 1; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == unit_id)
      unit_at = i;
  if (unit_at == 0)
    return FALSE;
  for (guint i = 0; year != 0 && self->years != NULL && i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      year_at = i + 1;

  reset_filter_widgets (self);
  self->quiet = TRUE;
  gtk_drop_down_set_selected (self->unit_dropdown, unit_at);
  gtk_drop_down_set_selected (self->year_dropdown, year_at);
  self->quiet = FALSE;
  dd_suggestion_filter_set_search (self->filter, NULL);
  apply_filters (self);
  return TRUE;
}
