/* dd-station-editor.c: a station's form, with what hangs off it
 *
 * The fields are edited on the editor's own copy of the record and written
 * only by Save, checked with the model's rules first (as the deputy form).
 * The checklist ticks, the deputies attached and their on-duty flags are
 * written at once, each its own transaction; the lists follow the store's
 * change signal, updated in place where they can be so that keyboard focus
 * stays where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-station-editor"

#include <glib/gi18n.h>

#include "dd-checklist.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-deputy-chooser.h"
#include "dd-deputy-list.h"
#include "dd-model-error.h"
#include "dd-placard-dialog.h"
#include "dd-placard-job.h"
#include "dd-qr-code.h"
#include "dd-reception.h"
#include "dd-reception-dialog.h"
#include "dd-settings.h"
#include "dd-station-editor.h"
#include "dd-station-list.h"

typedef enum
{
  KIND_TEXT,
  KIND_CODE,
} FieldKind;

typedef struct
{
  const char         *field;    /* the DdStation property */
  FieldKind           kind;
  const char * const *codes;    /* KIND_CODE */
  const char         *unset;    /* KIND_CODE: the choice for "no value" */
  const char         *row_id;
  const char         *error_id;
} FormField;

static const FormField form_fields[] = {
  { "name", KIND_TEXT, NULL, NULL, "name_row", "name_error" },
  { "kind", KIND_CODE, dd_station_kinds, N_("Not chosen"), "kind_row", "kind_error" },
  { "address", KIND_TEXT, NULL, NULL, "address_row", "address_error" },
  { "district", KIND_TEXT, NULL, NULL, "district_row", "district_error" },
  { "township", KIND_TEXT, NULL, NULL, "township_row", "township_error" },
  { "schedule-days", KIND_TEXT, NULL, NULL, "schedule_days_row", "schedule_days_error" },
  { "schedule-hours", KIND_TEXT, NULL, NULL, "schedule_hours_row", "schedule_hours_error" },
  { "schedule-place", KIND_TEXT, NULL, NULL, "schedule_place_row", "schedule_place_error" },
  { "contact-name", KIND_TEXT, NULL, NULL, "contact_name_row", "contact_name_error" },
  { "contact-phone", KIND_TEXT, NULL, NULL, "contact_phone_row", "contact_phone_error" },
  { "upgraded-on", KIND_TEXT, NULL, NULL, "upgraded_on_row", "upgraded_on_error" },
  { "note", KIND_TEXT, NULL, NULL, "note_row", "note_error" },
};

#define N_FORM_FIELDS G_N_ELEMENTS (form_fields)

/* The figures shown, by template id. */
static const char * const figure_ids[] = {
  "receptions", "voters", "petitions", "opinions", "adopted", "solved",
};

#define N_FIGURES G_N_ELEMENTS (figure_ids)

struct _DdStationEditor
{
  AdwBin              parent_instance;

  DdContext          *context;
  DdStore            *store;
  DdStation          *station;          /* the editor's own copy; id 0 while new */
  GListStore         *deputies;         /* DdDeputy attached, by name */
  DdReceptionList    *receptions;
  DdPlacardJob       *placard_job;
  char               *compliance;
  char               *error_values[N_FORM_FIELDS];  /* the text an error was shown for */
  gboolean            filling;
  gboolean            writing_duty;     /* the on-duty switch is writing: the rows are right */
  gboolean            dirty;
  gboolean            show_back_button;

  GtkWidget          *rows[N_FORM_FIELDS];
  GtkWidget          *errors[N_FORM_FIELDS];
  GtkLabel           *figure_values[N_FIGURES];
  GtkWidget          *figure_boxes[N_FIGURES];
  GtkLabel           *figure_captions[N_FIGURES];
  GtkStack           *stack;
  GtkStack           *sections;
  GtkWidget          *section_switcher;
  GtkScrolledWindow  *scroller;
  GtkScrolledWindow  *overview_scroller;
  GtkLabel           *title_label;
  GtkSpinner         *busy_spinner;
  GtkButton          *revert_button;
  GtkLabel           *revert_button_label;
  GtkWidget          *save_button;
  GtkWidget          *menu_button;
  GtkWidget          *archived_bar;
  GtkLabel           *form_error_label;
  AdwPreferencesGroup *figures_group;
  AdwPreferencesGroup *checklist_group;
  GtkListBox         *checklist_list;
  AdwPreferencesGroup *deputies_group;
  GtkListBox         *deputies_list;
  AdwPreferencesGroup *receptions_group;
  GtkListBox         *receptions_list;
  DdQrCode           *qr_code;
  GtkLabel           *code_label;
  GtkLabel           *payload_label;
};

G_DEFINE_FINAL_TYPE (DdStationEditor, dd_station_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DIRTY,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

enum {
  ADD_TOAST,
  SAVED,
  CLOSED,
  BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh_all (DdStationEditor *self);

/* Helpers */

static int
field_index (const char *field)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    if (g_str_equal (form_fields[i].field, field))
      return i;
  return -1;
}

static gint64
station_id (DdStationEditor *self)
{
  return self->station != NULL ? dd_entity_get_id (DD_ENTITY (self->station)) : 0;
}

static gboolean
is_new (DdStationEditor *self)
{
  return self->station != NULL && station_id (self) == 0;
}

static gboolean
is_archived (DdStationEditor *self)
{
  return self->station != NULL && dd_entity_get_bool (DD_ENTITY (self->station), "archived");
}

static GtkWindow *
parent_window (DdStationEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (DdStationEditor *self,
           const char      *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

/* "2025", "12 345": numbers as the locale groups them. */
static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/* The form */

/* The value a row shows, as text ("" for none). */
static char *
form_value (DdStationEditor *self,
            guint            i)
{
  const FormField *f = &form_fields[i];

  if (f->kind == KIND_CODE)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[i]));

      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        return g_strdup ("");
      return g_strdup (f->codes[selected - 1]);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i])));
}

/* The value the record holds, as the form would show it. */
static char *
record_value (DdStationEditor *self,
              guint            i)
{
  return g_strdup (dd_entity_get_string (DD_ENTITY (self->station), form_fields[i].field) ?: "");
}

static void
show_value (DdStationEditor *self,
            guint            i,
            const char      *value)
{
  const FormField *f = &form_fields[i];

  if (f->kind == KIND_CODE)
    {
      guint selected = 0;

      for (guint c = 0; f->codes[c] != NULL; c++)
        if (g_strcmp0 (f->codes[c], value) == 0)
          selected = c + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[i]), selected);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value);
}

static void
apply_form (DdStationEditor *self)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      g_autofree char *value = form_value (self, i);

      g_object_set (self->station, form_fields[i].field, value[0] != '\0' ? value : NULL, NULL);
    }
}

static GValue *
snapshot (DdStationEditor *self)
{
  GValue *values = g_new0 (GValue, N_FORM_FIELDS);

  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_object_get_property (G_OBJECT (self->station), form_fields[i].field, &values[i]);
    }
  return values;
}

static void
restore (DdStationEditor *self,
         GValue          *values)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      g_object_set_property (G_OBJECT (self->station), form_fields[i].field, &values[i]);
      g_value_unset (&values[i]);
    }
  g_free (values);
}

static void
set_field_error (DdStationEditor *self,
                 guint            i,
                 const char      *message)
{
  GtkWidget *row = self->rows[i];
  GtkLabel *label = GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->errors[i])));

  g_clear_pointer (&self->error_values[i], g_free);
  if (message != NULL)
    {
      self->error_values[i] = form_value (self, i);
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (self->errors[i], TRUE);
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
      gtk_widget_set_visible (self->errors[i], FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_form_error (DdStationEditor *self,
                const char      *message)
{
  gtk_label_set_label (self->form_error_label, message ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), message != NULL);
  if (message != NULL)
    gtk_stack_set_visible_child_name (self->sections, "details");
}

static void
clear_errors (DdStationEditor *self)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    set_field_error (self, i, NULL);
  set_form_error (self, NULL);
}

static void
show_problems (DdStationEditor *self,
               GPtrArray       *problems)
{
  g_autoptr(GString) other = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint p = 0; p < problems->len; p++)
    {
      DdProblem *problem = g_ptr_array_index (problems, p);
      int i = field_index (problem->field);

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

static void
update_actions (DdStationEditor *self)
{
  gboolean editing = self->station != NULL;
  gboolean fresh = is_new (self);
  gboolean stored = editing && !fresh;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "station.save", editing && (fresh || self->dirty));
  gtk_widget_action_set_enabled (widget, "station.revert", editing && (fresh || self->dirty));
  gtk_widget_action_set_enabled (widget, "station.delete", stored);
  gtk_widget_action_set_enabled (widget, "station.archive", stored && !is_archived (self));
  gtk_widget_action_set_enabled (widget, "station.restore", stored && is_archived (self));
  gtk_widget_action_set_enabled (widget, "station.record-reception", stored && !is_archived (self));
  gtk_widget_action_set_enabled (widget, "station.add-deputies", stored);
  gtk_widget_action_set_enabled (widget, "station.print-placard",
                                 stored && (self->placard_job == NULL ||
                                            !dd_placard_job_get_busy (self->placard_job)));
  gtk_widget_set_visible (GTK_WIDGET (self->revert_button), editing);
  gtk_widget_set_visible (self->save_button, editing);
  gtk_widget_set_visible (self->menu_button, stored);
  gtk_widget_set_visible (self->archived_bar, stored && is_archived (self));
  gtk_label_set_label (self->revert_button_label, fresh ? _("_Cancel") : _("_Revert"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->revert_button),
                               fresh ? _("Discard the new station")
                                     : _("Undo the changes not yet saved"));
}

static void
update_dirty (DdStationEditor *self)
{
  gboolean dirty = FALSE;

  if (self->station != NULL)
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
update_title (DdStationEditor *self)
{
  if (self->station == NULL)
    gtk_label_set_label (self->title_label, "");
  else if (is_new (self))
    gtk_label_set_label (self->title_label, _("New Station"));
  else
    gtk_label_set_label (self->title_label, dd_station_get_name (self->station));
}

static void
fill_form (DdStationEditor *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      g_autofree char *value = record_value (self, i);

      show_value (self, i, value);
    }
  self->filling = FALSE;

  clear_errors (self);
  update_title (self);
  update_dirty (self);
}

/* The checklist */

static void
on_tick_toggled_cb (GtkCheckButton  *check,
                    DdStationEditor *self)
{
  gint64 *item_id = g_object_get_data (G_OBJECT (check), "item-id");
  g_autoptr(GError) error = NULL;

  if (self->filling || item_id == NULL || self->store == NULL)
    return;
  if (!dd_checklist_set_tick (self->store, station_id (self), *item_id,
                              gtk_check_button_get_active (check), &error))
    {
      /* Shown as stored: nothing was written. */
      self->filling = TRUE;
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      self->filling = FALSE;
      add_toast (self, error->message);
    }
}

static void
describe_tick (GtkWidget       *row,
               DdChecklistTick *tick)
{
  GtkLabel *since = g_object_get_data (G_OBJECT (row), "since");
  g_autofree char *text = NULL;

  if (tick->done && tick->checked_on != NULL)
    /* Translators: beside a ticked checklist item; %s is a date */
    text = g_strdup_printf (_("since %s"), tick->checked_on);
  gtk_label_set_label (since, text ?: "");
  gtk_widget_set_visible (GTK_WIDGET (since), text != NULL);
}

static GtkWidget *
create_tick_row (DdStationEditor *self,
                 DdChecklistTick *tick)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *since = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tick->label);
  gtk_widget_add_css_class (since, "dim-label");
  gtk_widget_add_css_class (since, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), since);
  g_object_set_data (G_OBJECT (row), "since", since);
  describe_tick (row, tick);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), tick->done);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tick->label,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "item-id",
                          g_memdup2 (&tick->item_id, sizeof tick->item_id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_tick_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static void
clear_checklist (DdStationEditor *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->checklist_list, 0)) != NULL)
    gtk_list_box_remove (self->checklist_list, GTK_WIDGET (row));
}

static void
update_checklist (DdStationEditor *self)
{
  g_autoptr(GPtrArray) ticks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *met = NULL;
  GtkListBoxRow *row;
  guint done = 0;
  gboolean same;
  guint i;

  g_clear_pointer (&self->compliance, g_free);
  if (station_id (self) == 0 || self->store == NULL)
    {
      clear_checklist (self);
      return;
    }

  ticks = dd_checklist_dup_ticks (self->store, station_id (self), &error);
  if (ticks == NULL)
    {
      clear_checklist (self);
      adw_preferences_group_set_description (self->checklist_group, error->message);
      return;
    }

  /* The same items as shown: update in place, so the check just ticked keeps the focus. */
  same = gtk_list_box_get_row_at_index (self->checklist_list, ticks->len) == NULL;
  for (i = 0; same && i < ticks->len; i++)
    {
      DdChecklistTick *tick = g_ptr_array_index (ticks, i);
      GtkWidget *check;
      gint64 *item_id;

      row = gtk_list_box_get_row_at_index (self->checklist_list, i);
      check = row != NULL ? g_object_get_data (G_OBJECT (row), "check") : NULL;
      item_id = check != NULL ? g_object_get_data (G_OBJECT (check), "item-id") : NULL;
      same = item_id != NULL && *item_id == tick->item_id &&
             g_strcmp0 (tick->label, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))) == 0;
    }

  self->filling = TRUE;
  if (same)
    for (i = 0; i < ticks->len; i++)
      {
        DdChecklistTick *tick = g_ptr_array_index (ticks, i);

        row = gtk_list_box_get_row_at_index (self->checklist_list, i);
        gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), tick->done);
        describe_tick (GTK_WIDGET (row), tick);
      }
  else
    {
      clear_checklist (self);
      for (i = 0; i < ticks->len; i++)
        gtk_list_box_append (self->checklist_list, create_tick_row (self, g_ptr_array_index (ticks, i)));
    }
  self->filling = FALSE;

  for (i = 0; i < ticks->len; i++)
    done += ((DdChecklistTick *) g_ptr_array_index (ticks, i))->done ? 1 : 0;
  if (ticks->len == 0)
    self->compliance = g_strdup (_("No standards to check"));
  else
    {
      /* Translators: the checklist's compliance, e.g. "6 of 8 standards met" */
      met = g_strdup_printf (ngettext ("%u of %u standard met", "%u of %u standards met", ticks->len),
                             done, ticks->len);
      /* Translators: compliance and its percentage, e.g. "6 of 8 standards met · 75%" */
      self->compliance = g_strdup_printf (C_("compliance", "%s · %u%%"), met,
                                          (guint) (100.0 * done / ticks->len + 0.5));
    }
  adw_preferences_group_set_description (self->checklist_group, self->compliance);
}

/* The deputies attached */

/* The deputies attached to the station, by name (one indexed query). */
static GListStore *
dup_attached (DdStationEditor *self)
{
  GListStore *attached = g_list_store_new (DD_TYPE_DEPUTY);
  g_autoptr(DdDeputyList) all = NULL;
  gint64 id = station_id (self);
  guint n;

  if (id == 0 || self->store == NULL)
    return attached;

  all = dd_deputy_list_new (self->store);
  dd_deputy_list_set_station_id (all, id);
  n = g_list_model_get_n_items (G_LIST_MODEL (all));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DdDeputy) deputy = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_list_store_append (attached, deputy);
    }
  return attached;
}

static gint64
row_deputy_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "deputy-id");

  return id != NULL ? *id : 0;
}

static void
on_duty_changed_cb (GtkSwitch       *toggle,
                    GParamSpec      *pspec,
                    DdStationEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->filling || self->store == NULL)
    return;
  self->writing_duty = TRUE;
  ok = dd_station_set_on_duty (self->station, self->store, row_deputy_id (GTK_WIDGET (toggle)),
                               gtk_switch_get_active (toggle), &error);
  self->writing_duty = FALSE;
  if (!ok)
    {
      self->filling = TRUE;
      gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
      self->filling = FALSE;
      add_toast (self, error->message);
    }
}

static void
on_detach_clicked_cb (GtkButton       *button,
                      DdStationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdDeputy) deputy = NULL;
  g_autofree char *message = NULL;
  gint64 deputy_id = row_deputy_id (GTK_WIDGET (button));

  if (self->store == NULL || deputy_id == 0)
    return;
  deputy = dd_deputy_load (self->store, deputy_id, NULL);
  if (!dd_station_detach_deputy (self->station, self->store, deputy_id, &error))
    {
      add_toast (self, error->message);
      return;
    }
  /* Translators: %s is a deputy's name */
  message = g_strdup_printf (_("%s removed from this station"),
                             deputy != NULL ? dd_deputy_get_name (deputy) : "");
  add_toast (self, message);
}

static GtkWidget *
create_deputy_row (gpointer item,
                   gpointer user_data)
{
  DdStationEditor *self = user_data;
  DdDeputy *deputy = item;
  gint64 id = dd_entity_get_id (DD_ENTITY (deputy));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *duty_label = gtk_label_new (_("On duty"));
  GtkWidget *duty = gtk_switch_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autoptr(GString) subtitle = g_string_new (dd_code_label (dd_deputy_levels,
                                                             dd_deputy_get_level (deputy)));
  g_autofree char *duty_name = NULL;
  g_autofree char *remove_name = NULL;

  if (g_strcmp0 (dd_deputy_get_status (deputy), "active") != 0)
    g_string_append_printf (subtitle, "%s%s", C_("summary", " · "),
                            dd_code_label (dd_deputy_statuses, dd_deputy_get_status (deputy)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dd_deputy_get_name (deputy));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  gtk_widget_add_css_class (duty_label, "dim-label");
  gtk_widget_add_css_class (duty_label, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), duty_label);
  gtk_widget_set_valign (duty, GTK_ALIGN_CENTER);
  self->filling = TRUE;
  gtk_switch_set_active (GTK_SWITCH (duty), dd_station_is_on_duty (self->station, self->store, id));
  self->filling = FALSE;
  /* Translators: read out for the on-duty switch; %s is a deputy's name */
  duty_name = g_strdup_printf (_("%s is on duty (三定)"), dd_deputy_get_name (deputy));
  gtk_accessible_update_property (GTK_ACCESSIBLE (duty), GTK_ACCESSIBLE_PROPERTY_LABEL, duty_name, -1);
  gtk_widget_set_tooltip_text (duty, _("On duty at the fixed hours (三定)"));
  g_object_set_data_full (G_OBJECT (duty), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (duty, "notify::active", G_CALLBACK (on_duty_changed_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), duty);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from this station"));
  /* Translators: read out for the remove button; %s is a deputy's name */
  remove_name = g_strdup_printf (_("Remove %s from this station"), dd_deputy_get_name (deputy));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data_full (G_OBJECT (remove), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_detach_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "duty", duty);
  g_object_set_data_full (G_OBJECT (row), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
update_deputies (DdStationEditor *self)
{
  g_autoptr(GListStore) attached = dup_attached (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (attached));
  gboolean same = self->deputies != NULL &&
                  g_list_model_get_n_items (G_LIST_MODEL (self->deputies)) == n;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(DdDeputy) a = g_list_model_get_item (G_LIST_MODEL (attached), i);
      g_autoptr(DdDeputy) b = g_list_model_get_item (G_LIST_MODEL (self->deputies), i);

      same = dd_entity_get_id (DD_ENTITY (a)) == dd_entity_get_id (DD_ENTITY (b)) &&
             g_strcmp0 (dd_deputy_get_name (a), dd_deputy_get_name (b)) == 0;
    }

  if (same)
    {
      /* Only the on-duty flags may differ: keep the rows and the focus. */
      self->filling = TRUE;
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->deputies_list));
           row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *duty = g_object_get_data (G_OBJECT (row), "duty");

          if (duty != NULL)
            gtk_switch_set_active (GTK_SWITCH (duty),
                                   dd_station_is_on_duty (self->station, self->store,
                                                          row_deputy_id (row)));
        }
      self->filling = FALSE;
      return;
    }

  gtk_list_box_bind_model (self->deputies_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->deputies, attached);
  if (station_id (self) != 0)
    gtk_list_box_bind_model (self->deputies_list, G_LIST_MODEL (self->deputies),
                             create_deputy_row, self, NULL);
}

/* Figures, receptions, QR code */

static void
set_figure (DdStationEditor *self,
            guint            i,
            gint64           value)
{
  g_autofree char *text = format_count (value);
  g_autofree char *label = NULL;

  gtk_label_set_label (self->figure_values[i], text);
  /* Translators: read out for a figure: its caption and its value, e.g. "Receptions: 12" */
  label = g_strdup_printf (_("%s: %s"), gtk_label_get_label (self->figure_captions[i]), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_boxes[i]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_figures (DdStationEditor *self)
{
  DdStationFigures year_figures = { 0 };
  DdStationFigures all_figures = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  g_autofree char *receptions = NULL;
  g_autofree char *voters = NULL;
  g_autofree char *petitions = NULL;
  g_autofree char *totals = NULL;
  int year;

  if (station_id (self) == 0 || self->store == NULL)
    return;

  today = dd_store_dup_today (self->store);
  year = (int) g_ascii_strtoll (today, NULL, 10);
  from = g_strdup_printf ("%04d-01-01", year);
  to = g_strdup_printf ("%04d-01-01", year + 1);
  /* Translators: the heading of a station's figures; %d is a year */
  title = g_strdup_printf (_("Figures for %d"), year);
  adw_preferences_group_set_title (self->figures_group, title);

  if (!dd_station_compute_figures (self->station, self->store, from, to, &year_figures, &error) ||
      !dd_station_compute_figures (self->station, self->store, NULL, NULL, &all_figures, &error))
    {
      adw_preferences_group_set_description (self->figures_group, error->message);
      return;
    }
  adw_preferences_group_set_description (self->figures_group, NULL);
  set_figure (self, 0, year_figures.receptions);
  set_figure (self, 1, year_figures.voters_received);
  set_figure (self, 2, year_figures.petitions_handled);
  set_figure (self, 3, year_figures.opinions_recorded);
  set_figure (self, 4, year_figures.opinions_adopted);
  set_figure (self, 5, year_figures.opinions_solved);

  /* The history's totals, of every year. */
  receptions = g_strdup_printf (ngettext ("%u reception", "%u receptions", (gulong) all_figures.receptions),
                                (guint) all_figures.receptions);
  voters = g_strdup_printf (ngettext ("%u voter received", "%u voters received",
                                      (gulong) all_figures.voters_received),
                            (guint) all_figures.voters_received);
  petitions = g_strdup_printf (ngettext ("%u petition handled", "%u petitions handled",
                                         (gulong) all_figures.petitions_handled),
                               (guint) all_figures.petitions_handled);
  /* Translators: a station's reception totals, e.g. "12 receptions · 340 voters received · 5 petitions handled" */
  totals = g_strdup_printf (C_("totals", "%s · %s · %s in all"), receptions, voters, petitions);
  adw_preferences_group_set_description (self->receptions_group,
                                         all_figures.receptions > 0 ? totals : NULL);
}

static GtkWidget *
create_reception_row (gpointer item,
                      gpointer user_data)
{
  DdStationEditor *self = user_data;
  DdReception *reception = item;
  DdEntity *entity = DD_ENTITY (reception);
  GtkWidget *row = adw_action_row_new ();
  const char *topic = dd_entity_get_string (entity, "topic");
  g_autoptr(GArray) present = dd_reception_dup_deputy_ids (reception, self->store, NULL);
  gint64 voters = dd_entity_get_int (entity, "voters-received");
  gint64 petitions = dd_entity_get_int (entity, "petitions-handled");
  guint n_present = present != NULL ? present->len : 0;
  g_autofree char *voters_text = NULL;
  g_autofree char *petitions_text = NULL;
  g_autofree char *present_text = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (topic != NULL && topic[0] != '\0')
    {
      g_autofree char *title = g_strconcat (dd_entity_get_string (entity, "held-on"),
                                            C_("summary", " · "), topic, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dd_entity_get_string (entity, "held-on"));

  voters_text = g_strdup_printf (ngettext ("%u voter", "%u voters", (gulong) voters), (guint) voters);
  petitions_text = g_strdup_printf (ngettext ("%u petition", "%u petitions", (gulong) petitions),
                                    (guint) petitions);
  present_text = g_strdup_printf (ngettext ("%u deputy present", "%u deputies present", n_present),
                                  n_present);
  subtitle = g_strconcat (voters_text, C_("summary", " · "), petitions_text, C_("summary", " · "),
                          present_text, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
update_receptions (DdStationEditor *self)
{
  gtk_list_box_bind_model (self->receptions_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->receptions);
  if (station_id (self) == 0 || self->store == NULL)
    return;
  self->receptions = dd_reception_list_new_for_station (self->store, station_id (self));
  gtk_list_box_bind_model (self->receptions_list, G_LIST_MODEL (self->receptions),
                           create_reception_row, self, NULL);
}

static void
update_qr (DdStationEditor *self)
{
  const char *code = self->station != NULL ? dd_station_get_code (self->station) : NULL;
  g_autofree char *payload = NULL;

  if (code != NULL && self->store != NULL)
    payload = dd_qr_payload_dup (self->store, DD_SETTING_QR_STATION_URL, code);
  dd_qr_code_set_payload (self->qr_code, payload);
  gtk_label_set_label (self->code_label, code ?: "");
  gtk_label_set_label (self->payload_label, payload != NULL && g_strcmp0 (payload, code) != 0 ? payload : "");
  gtk_widget_set_visible (GTK_WIDGET (self->payload_label),
                          payload != NULL && g_strcmp0 (payload, code) != 0);
}

static void
refresh_all (DdStationEditor *self)
{
  gboolean stored = station_id (self) != 0;

  gtk_widget_set_visible (self->section_switcher, stored);
  update_checklist (self);
  update_deputies (self);
  update_figures (self);
  update_receptions (self);
  update_qr (self);
}

static void
set_station (DdStationEditor *self,
             DdStation       *station)
{
  g_set_object (&self->station, station);
  g_clear_object (&self->deputies);
  gtk_list_box_bind_model (self->deputies_list, NULL, NULL, NULL, NULL);
  if (station == NULL)
    {
      clear_errors (self);
      refresh_all (self);
      update_title (self);
      update_dirty (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_form (self);
  refresh_all (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_stack_set_visible_child_name (self->sections, is_new (self) ? "details" : "overview");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->overview_scroller), 0);
}

/* Callbacks */

static void
on_field_changed_cb (DdStationEditor *self)
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

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
on_store_changed_cb (DdStore         *store,
                     const char      *table,
                     GArray          *ids,
                     DdStationEditor *self)
{
  gint64 id = station_id (self);

  if (id == 0)
    return;

  if (g_str_equal (table, "stations") && ids_contain (ids, id))
    {
      /* Changed elsewhere (archived, restored, another desk): follow unless edits are pending. */
      if (!self->dirty)
        {
          if (dd_entity_reload (DD_ENTITY (self->station), store, NULL))
            {
              fill_form (self);
              update_qr (self);
            }
          else
            set_station (self, NULL);
        }
      else
        update_actions (self);
    }
  else if (g_str_equal (table, "station_checklist") || g_str_equal (table, "checklist_items"))
    {
      update_checklist (self);
      update_figures (self);
    }
  else if (g_str_equal (table, "station_deputies"))
    {
      /* Noted per station; an on-duty flag just switched here needs nothing more. */
      if (ids_contain (ids, id) && !self->writing_duty)
        {
          update_deputies (self);
          update_figures (self);
        }
    }
  else if (g_str_equal (table, "deputies"))
    {
      /* A deputy attached here renamed or ended: the rows follow. */
      guint n = self->deputies != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->deputies)) : 0;
      gboolean ours = FALSE;

      for (guint i = 0; i < n && !ours; i++)
        {
          g_autoptr(DdDeputy) deputy = g_list_model_get_item (G_LIST_MODEL (self->deputies), i);

          ours = ids_contain (ids, dd_entity_get_id (DD_ENTITY (deputy)));
        }
      if (ours)
        {
          g_clear_object (&self->deputies);
          update_deputies (self);
        }
    }
  else if (g_str_equal (table, "receptions") || g_str_equal (table, "suggestions") ||
           g_str_equal (table, "replies"))
    update_figures (self);
  else if (g_str_equal (table, "settings"))
    update_qr (self);
}

static void
on_context_store_cb (DdStationEditor *self)
{
  DdStore *store = self->context != NULL ? dd_context_get_store (self->context) : NULL;

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  set_station (self, NULL);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
set_context (DdStationEditor *self,
             DdContext       *context)
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
on_deputies_chosen_cb (DdDeputyChooser *chooser,
                       GArray          *ids,
                       DdStationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added = 0;

  if (self->station == NULL || self->store == NULL)
    return;
  for (guint i = 0; i < ids->len; i++)
    {
      if (!dd_station_attach_deputy (self->station, self->store, g_array_index (ids, gint64, i), &error))
        {
          add_toast (self, error->message);
          return;
        }
      added++;
    }
  message = g_strdup_printf (ngettext ("%u deputy added to this station",
                                       "%u deputies added to this station", added),
                             added);
  add_toast (self, message);
}

static void
on_reception_recorded_cb (DdReceptionDialog *dialog,
                          gint64             reception_id,
                          guint              n_opinions,
                          DdStationEditor   *self)
{
  g_autofree char *message = NULL;

  if (n_opinions > 0)
    message = g_strdup_printf (ngettext ("Reception recorded, %u opinion registered",
                                         "Reception recorded, %u opinions registered", n_opinions),
                               n_opinions);
  else
    message = g_strdup (_("Reception recorded"));
  add_toast (self, message);
}

static void
on_archive_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DdStationEditor  *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "archive") != 0 || self->station == NULL || self->store == NULL)
    return;
  if (!dd_station_set_archived (self->station, self->store, TRUE, &error))
    add_toast (self, error->message);
  else
    add_toast (self, _("Station archived"));
}

/* Deletes, or shows the model's refusal with the archive offered instead. */
static void
delete_station (DdStationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (dd_station_get_name (self->station));
  AdwMessageDialog *refused;

  if (dd_station_delete (self->station, self->store, &error))
    {
      g_autofree char *message = NULL;

      set_station (self, NULL);
      /* Translators: %s is a station's name */
      message = g_strdup_printf (_("“%s” deleted"), name);
      add_toast (self, message);
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }

  /* Refused (receptions, opinions): say what would be lost, and offer the archive. */
  refused = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                        _("The Station Cannot Be Deleted"),
                                                        error->message));
  adw_message_dialog_add_responses (refused,
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    NULL);
  if (g_error_matches (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CONSTRAINT) && !is_archived (self))
    {
      adw_message_dialog_set_response_appearance (refused, "archive", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (refused, "archive");
    }
  else
    adw_message_dialog_set_response_enabled (refused, "archive", FALSE);
  adw_message_dialog_set_close_response (refused, "cancel");
  gtk_window_set_modal (GTK_WINDOW (refused), TRUE);
  g_signal_connect_object (refused, "response", G_CALLBACK (on_archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (refused));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DdStationEditor  *self)
{
  if (g_strcmp0 (response, "delete") != 0 || self->station == NULL || self->store == NULL)
    return;
  delete_station (self);
}

static void
on_placard_busy_cb (DdPlacardJob    *job,
                    GParamSpec      *pspec,
                    DdStationEditor *self)
{
  gboolean busy = dd_placard_job_get_busy (job);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  update_actions (self);
}

static void
on_placard_toast_cb (DdPlacardJob    *job,
                     AdwToast        *toast,
                     DdStationEditor *self)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_placard_response_cb (DdPlacardDialog *dialog,
                        const char      *response,
                        DdStationEditor *self)
{
  gboolean print = g_strcmp0 (response, "print") == 0;

  if ((!print && g_strcmp0 (response, "save") != 0) || self->station == NULL || self->store == NULL)
    return;

  if (self->placard_job != NULL)
    g_signal_handlers_disconnect_by_data (self->placard_job, self);
  g_clear_object (&self->placard_job);
  self->placard_job = dd_placard_job_new (self->store);
  dd_placard_job_add_station (self->placard_job, self->station);
  dd_placard_job_set_per_page (self->placard_job, dd_placard_dialog_get_per_page (dialog));
  g_signal_connect_object (self->placard_job, "notify::busy", G_CALLBACK (on_placard_busy_cb), self, 0);
  g_signal_connect_object (self->placard_job, "add-toast", G_CALLBACK (on_placard_toast_cb), self, 0);
  if (print)
    dd_placard_job_print (self->placard_job, parent_window (self));
  else
    dd_placard_job_save_as (self->placard_job, parent_window (self));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dd_station_editor_save (DD_STATION_EDITOR (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdStationEditor *self = DD_STATION_EDITOR (widget);

  if (is_new (self))
    {
      set_station (self, NULL);
      g_signal_emit (self, signals[CLOSED], 0);
    }
  else
    dd_station_editor_revert (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdStationEditor *self = DD_STATION_EDITOR (widget);
  DdStationDependents dependents = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (station_id (self) == 0 || self->store == NULL)
    return;
  if (!dd_station_count_dependents (self->station, self->store, &dependents, &error))
    {
      add_toast (self, error->message);
      return;
    }
  /* With receptions or opinions the model refuses: no question first, its answer at once. */
  if (dependents.receptions > 0 || dependents.opinions > 0)
    {
      delete_station (self);
      return;
    }
  if (dependents.deputies > 0)
    body = g_strdup_printf (ngettext ("Its %u deputy will no longer be attached to it. This cannot be undone.",
                                      "Its %u deputies will no longer be attached to it. This cannot be undone.",
                                      (gulong) dependents.deputies),
                            (guint) dependents.deputies);
  else
    body = g_strdup (_("This cannot be undone."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), NULL, body));
  /* Translators: %s is a station's name */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), dd_station_get_name (self->station));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DdStationEditor *self = DD_STATION_EDITOR (widget);
  gboolean archive = g_str_equal (action_name, "station.archive");
  g_autoptr(GError) error = NULL;

  if (station_id (self) == 0 || self->store == NULL)
    return;
  if (!dd_station_set_archived (self->station, self->store, archive, &error))
    add_toast (self, error->message);
  else
    add_toast (self, archive ? _("Station archived") : _("Station restored"));
}

static void
record_reception_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  dd_station_editor_record_reception (DD_STATION_EDITOR (widget));
}

static void
add_deputies_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DdStationEditor *self = DD_STATION_EDITOR (widget);
  g_autoptr(GArray) already = g_array_new (FALSE, FALSE, sizeof (gint64));
  DdDeputyChooser *chooser;
  guint n;

  if (station_id (self) == 0 || self->store == NULL)
    return;
  n = self->deputies != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->deputies)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DdDeputy) deputy = g_list_model_get_item (G_LIST_MODEL (self->deputies), i);
      gint64 id = dd_entity_get_id (DD_ENTITY (deputy));

      g_array_append_val (already, id);
    }
  chooser = dd_deputy_chooser_new (parent_window (self), self->store, _("Add Deputies"),
                                   (gint64 *) already->data, already->len);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_deputies_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
print_placard_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DdStationEditor *self = DD_STATION_EDITOR (widget);
  DdPlacardDialog *dialog;

  if (station_id (self) == 0)
    return;
  dialog = dd_placard_dialog_new (parent_window (self), dd_station_get_name (self->station), 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_placard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
dd_station_editor_dispose (GObject *object)
{
  DdStationEditor *self = DD_STATION_EDITOR (object);

  if (self->deputies_list != NULL)
    {
      gtk_list_box_bind_model (self->deputies_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->receptions_list, NULL, NULL, NULL, NULL);
    }
  if (self->placard_job != NULL)
    g_signal_handlers_disconnect_by_data (self->placard_job, self);
  g_clear_object (&self->placard_job);
  g_clear_object (&self->deputies);
  g_clear_object (&self->receptions);
  g_clear_object (&self->station);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Before the template lets go of it: AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_STATION_EDITOR);

  G_OBJECT_CLASS (dd_station_editor_parent_class)->dispose (object);
}

static void
dd_station_editor_finalize (GObject *object)
{
  DdStationEditor *self = DD_STATION_EDITOR (object);

  for (guint i = 0; i < N_FORM_FIELDS; i++)
    g_free (self->error_values[i]);
  g_free (self->compliance);

  G_OBJECT_CLASS (dd_station_editor_parent_class)->finalize (object);
}

static void
dd_station_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DdStationEditor *self = DD_STATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_station_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DdStationEditor *self = DD_STATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_SHOW_BACK_BUTTON:
      if (self->show_back_button != g_value_get_boolean (value))
        {
          self->show_back_button = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_station_editor_class_init (DdStationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_station_editor_dispose;
  object_class->finalize = dd_station_editor_finalize;
  object_class->get_property = dd_station_editor_get_property;
  object_class->set_property = dd_station_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdStationEditor::add-toast:
   * A message for the window's toast overlay.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * DdStationEditor::saved:
   * @id: the station written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A new station was cancelled, or the station deleted. */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The back button of a folded layout. */
  signals[BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DD_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-station-editor.ui");
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, form_fields[i].row_id, FALSE,
                                                 G_STRUCT_OFFSET (DdStationEditor, rows) +
                                                 i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, form_fields[i].error_id, FALSE,
                                                 G_STRUCT_OFFSET (DdStationEditor, errors) +
                                                 i * sizeof (GtkWidget *));
    }
  for (guint i = 0; i < N_FIGURES; i++)
    {
      g_autofree char *value_id = g_strconcat (figure_ids[i], "_value", NULL);
      g_autofree char *box_id = g_strconcat (figure_ids[i], "_box", NULL);
      g_autofree char *caption_id = g_strconcat (figure_ids[i], "_caption", NULL);

      /* The ids outlive this call: the class keeps them. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (value_id), FALSE,
                                                 G_STRUCT_OFFSET (DdStationEditor, figure_values) +
                                                 i * sizeof (GtkLabel *));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (box_id), FALSE,
                                                 G_STRUCT_OFFSET (DdStationEditor, figure_boxes) +
                                                 i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (caption_id), FALSE,
                                                 G_STRUCT_OFFSET (DdStationEditor, figure_captions) +
                                                 i * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, sections);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, section_switcher);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, overview_scroller);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, revert_button);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, revert_button_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, archived_bar);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, figures_group);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, deputies_group);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, deputies_list);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, receptions_group);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, receptions_list);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, qr_code);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, code_label);
  gtk_widget_class_bind_template_child (widget_class, DdStationEditor, payload_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "station.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "station.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "station.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "station.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "station.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "station.restore", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "station.record-reception", NULL,
                                   record_reception_action);
  gtk_widget_class_install_action (widget_class, "station.add-deputies", NULL, add_deputies_action);
  gtk_widget_class_install_action (widget_class, "station.print-placard", NULL, print_placard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "station.save", NULL);
}

static void
dd_station_editor_init (DdStationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_FORM_FIELDS; i++)
    if (form_fields[i].kind == KIND_CODE)
      {
        g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

        gtk_string_list_append (choices, _(form_fields[i].unset));
        for (guint c = 0; form_fields[i].codes[c] != NULL; c++)
          gtk_string_list_append (choices, dd_code_label (form_fields[i].codes,
                                                          form_fields[i].codes[c]));
        adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[i]), G_LIST_MODEL (choices));
      }

  set_station (self, NULL);
}

/* Public API */

GtkWidget *
dd_station_editor_new (DdContext *context)
{
  return g_object_new (DD_TYPE_STATION_EDITOR, "context", context, NULL);
}

/**
 * dd_station_editor_load:
 * Shows station @id; 0 shows nothing. Unsaved edits are dropped: ask first
 * (dd_station_editor_get_dirty()).
 *
 * Returns: %FALSE if the station could not be read
 */
gboolean
dd_station_editor_load (DdStationEditor *self,
                        gint64           id)
{
  g_autoptr(DdStation) station = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), FALSE);

  if (id == 0 || self->store == NULL)
    {
      set_station (self, NULL);
      return id == 0;
    }
  station = dd_station_load (self->store, id, &error);
  if (station == NULL)
    {
      /* Translators: %s says what went wrong */
      g_autofree char *message = g_strdup_printf (_("The station could not be read: %s"),
                                                  error->message);

      set_station (self, NULL);
      add_toast (self, message);
      return FALSE;
    }
  set_station (self, station);
  return TRUE;
}

void
dd_station_editor_clear (DdStationEditor *self)
{
  g_return_if_fail (DD_IS_STATION_EDITOR (self));
  set_station (self, NULL);
}

/**
 * dd_station_editor_new_station:
 * @kind: (nullable): the kind to preselect
 * @district: (nullable): the district to fill in
 * @township: (nullable): the township to fill in
 *
 * Starts a new, unsaved record.
 */
void
dd_station_editor_new_station (DdStationEditor *self,
                               const char      *kind,
                               const char      *district,
                               const char      *township)
{
  g_autoptr(DdStation) station = NULL;

  g_return_if_fail (DD_IS_STATION_EDITOR (self));

  station = dd_station_new ();
  set_station (self, station);
  /* Preset in the form, not in the record: the form is dirty, as typed. */
  self->filling = TRUE;
  show_value (self, field_index ("kind"), kind);
  show_value (self, field_index ("district"), district ?: "");
  show_value (self, field_index ("township"), township ?: "");
  self->filling = FALSE;
  update_dirty (self);
  dd_station_editor_focus_first (self);
}

/**
 * dd_station_editor_save:
 *
 * Checks the form with the model's rules; shows each problem under its row
 * and writes nothing, or saves in one transaction.
 *
 * Returns: whether the station was saved
 */
gboolean
dd_station_editor_save (DdStationEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean fresh;
  GValue *before;

  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), FALSE);

  if (self->station == NULL || self->store == NULL)
    return FALSE;

  fresh = is_new (self);
  before = snapshot (self);
  apply_form (self);
  problems = dd_entity_check (DD_ENTITY (self->station), self->store);
  clear_errors (self);
  if (problems->len > 0)
    {
      restore (self, before);
      show_problems (self, problems);
      return FALSE;
    }
  if (!dd_entity_save (DD_ENTITY (self->station), self->store, &error))
    {
      restore (self, before);
      set_form_error (self, error->message);
      return FALSE;
    }
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    g_value_unset (&before[i]);
  g_free (before);

  fill_form (self);
  if (fresh)
    {
      refresh_all (self);
      gtk_stack_set_visible_child_name (self->sections, "overview");
    }
  add_toast (self, _("Station saved"));
  g_signal_emit (self, signals[SAVED], 0, station_id (self));
  return TRUE;
}

/**
 * dd_station_editor_revert:
 * Shows the record as stored, dropping the edits.
 */
void
dd_station_editor_revert (DdStationEditor *self)
{
  g_return_if_fail (DD_IS_STATION_EDITOR (self));

  if (self->station != NULL)
    fill_form (self);
}

gboolean
dd_station_editor_get_dirty (DdStationEditor *self)
{
  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), FALSE);
  return self->dirty;
}

/**
 * dd_station_editor_get_editing:
 * Returns: whether a record (saved or new) is shown
 */
gboolean
dd_station_editor_get_editing (DdStationEditor *self)
{
  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), FALSE);
  return self->station != NULL;
}

/**
 * dd_station_editor_get_station:
 * Returns: (transfer none) (nullable): the record as last loaded or saved
 */
DdStation *
dd_station_editor_get_station (DdStationEditor *self)
{
  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), NULL);
  return self->station;
}

/**
 * dd_station_editor_get_row:
 * @field: a DdStation property, e.g. "upgraded-on"
 *
 * Returns: (transfer none) (nullable): the AdwEntryRow or AdwComboRow of @field
 */
GtkWidget *
dd_station_editor_get_row (DdStationEditor *self,
                           const char      *field)
{
  int i = field_index (field);

  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), NULL);
  return i >= 0 ? self->rows[i] : NULL;
}

/**
 * dd_station_editor_get_error:
 * Returns: (nullable): the validation message shown under @field's row
 */
const char *
dd_station_editor_get_error (DdStationEditor *self,
                             const char      *field)
{
  int i = field_index (field);

  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), NULL);
  if (i < 0 || !gtk_widget_get_visible (self->errors[i]))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->errors[i]))));
}

void
dd_station_editor_focus_first (DdStationEditor *self)
{
  g_return_if_fail (DD_IS_STATION_EDITOR (self));
  gtk_stack_set_visible_child_name (self->sections, "details");
  gtk_widget_grab_focus (self->rows[0]);
}

/**
 * dd_station_editor_get_compliance:
 * Returns: (nullable): the checklist's compliance as shown, e.g.
 *   "6 of 8 standards met · 75%"
 */
const char *
dd_station_editor_get_compliance (DdStationEditor *self)
{
  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), NULL);
  return self->compliance;
}

/**
 * dd_station_editor_get_check:
 * Returns: (transfer none) (nullable): the check button of the @index-th
 *   checklist item
 */
GtkWidget *
dd_station_editor_get_check (DdStationEditor *self,
                             guint            index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), NULL);

  row = gtk_list_box_get_row_at_index (self->checklist_list, index);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "check") : NULL;
}

/**
 * dd_station_editor_get_deputies:
 * Returns: (transfer none) (nullable): the deputies attached (DdDeputy), by name
 */
GListModel *
dd_station_editor_get_deputies (DdStationEditor *self)
{
  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), NULL);
  return G_LIST_MODEL (self->deputies);
}

guint
dd_station_editor_get_n_deputies (DdStationEditor *self)
{
  g_return_val_if_fail (DD_IS_STATION_EDITOR (self), 0);
  return self->deputies != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->deputies)) : 0;
}

/**
 * dd_station_editor_record_reception:
 * Opens the dialog that records a reception at the station shown.
 */
void
dd_station_editor_record_reception (DdStationEditor *self)
{
  DdReceptionDialog *dialog;

  g_return_if_fail (DD_IS_STATION_EDITOR (self));

  if (station_id (self) == 0 || self->store == NULL || is_archived (self))
    return;
  dialog = dd_reception_dialog_new (parent_window (self), self->store, self->station,
                                    G_LIST_MODEL (self->deputies));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_reception_recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
