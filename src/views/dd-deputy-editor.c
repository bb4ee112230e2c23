/* dd-deputy-editor.c: add and edit a deputy, with inline validation
 *
 * The editor works on its own copy of the record (loaded by id), never on
 * the list's live object: the form is applied to the copy only on Save, and
 * the copy is restored if the model refuses, so nothing half-valid is ever
 * shown elsewhere or written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-deputy-editor"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-deputy-editor.h"
#include "dd-deputy-list.h"
#include "dd-end-seat-dialog.h"
#include "dd-placard-dialog.h"
#include "dd-placard-job.h"
#include "dd-qr-code.h"
#include "dd-reception.h"
#include "dd-settings.h"
#include "dd-station.h"
#include "dd-station-list.h"

typedef enum
{
  KIND_TEXT,
  KIND_INT,
  KIND_CODE,
} FieldKind;

typedef struct
{
  const char         *field;    /* the DdDeputy property */
  FieldKind           kind;
  const char * const *codes;    /* KIND_CODE */
  const char         *unset;    /* KIND_CODE: the choice for "no value" */
  const char         *row_id;
  const char         *error_id;
} FormField;

static const FormField form_fields[] = {
  { "name", KIND_TEXT, NULL, NULL, "name_row", "name_error" },
  { "gender", KIND_CODE, dd_genders, N_("Not recorded"), "gender_row", "gender_error" },
  { "ethnicity", KIND_TEXT, NULL, NULL, "ethnicity_row", "ethnicity_error" },
  { "birth-on", KIND_TEXT, NULL, NULL, "birth_on_row", "birth_on_error" },
  { "occupation", KIND_TEXT, NULL, NULL, "occupation_row", "occupation_error" },
  { "phone", KIND_TEXT, NULL, NULL, "phone_row", "phone_error" },
  { "level", KIND_CODE, dd_deputy_levels, N_("Not chosen"), "level_row", "level_error" },
  { "term", KIND_INT, NULL, NULL, "term_row", "term_error" },
  { "constituency", KIND_TEXT, NULL, NULL, "constituency_row", "constituency_error" },
  { "district", KIND_TEXT, NULL, NULL, "district_row", "district_error" },
  { "township", KIND_TEXT, NULL, NULL, "township_row", "township_error" },
  { "group-name", KIND_TEXT, NULL, NULL, "group_name_row", "group_name_error" },
  { "status-on", KIND_TEXT, NULL, NULL, "status_on_row", "status_on_error" },
  { "status-reason", KIND_TEXT, NULL, NULL, "status_reason_row", "status_reason_error" },
  { "note", KIND_TEXT, NULL, NULL, "note_row", "note_error" },
};

#define N_FORM_FIELDS G_N_ELEMENTS (form_fields)

struct _DdDeputyEditor
{
  AdwBin              parent_instance;

  DdContext          *context;
  DdStore            *store;
  DdDeputy           *deputy;          /* the editor's own copy; id 0 while new */
  DdStationList      *stations;
  DdDeputyList       *seats;
  DdReceptionList    *receptions;
  DdPlacardJob       *placard_job;
  char               *error_values[N_FORM_FIELDS];  /* the text an error was shown for */
  gboolean            filling;
  gboolean            dirty;
  gboolean            show_back_button;

  GtkWidget          *rows[N_FORM_FIELDS];
  GtkWidget          *errors[N_FORM_FIELDS];
  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  GtkLabel           *title_label;
  GtkButton          *revert_button;
  GtkLabel           *revert_button_label;
  GtkWidget          *save_button;
  GtkLabel           *form_error_label;
  AdwActionRow       *status_row;
  GtkWidget          *end_seat_button;
  GtkWidget          *stations_group;
  GtkListBox         *stations_list;
  GtkWidget          *seats_group;
  GtkListBox         *seats_list;
  GtkWidget          *receptions_group;
  GtkListBox         *receptions_list;
  GtkWidget          *qr_group;
  DdQrCode           *qr_code;
  GtkLabel           *code_label;
  GtkLabel           *payload_label;
};

G_DEFINE_FINAL_TYPE (DdDeputyEditor, dd_deputy_editor, ADW_TYPE_BIN)

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
  DEPUTY_ACTIVATED,
  CLOSED,
  BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static int
field_index (const char *field)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    if (g_str_equal (form_fields[i].field, field))
      return i;
  return -1;
}

static gboolean
is_new (DdDeputyEditor *self)
{
  return self->deputy != NULL && dd_entity_get_id (DD_ENTITY (self->deputy)) == 0;
}

static gboolean
is_active (DdDeputyEditor *self)
{
  return self->deputy != NULL && g_strcmp0 (dd_deputy_get_status (self->deputy), "active") == 0;
}

/* The value a row shows, as text ("" for none). */
static char *
form_value (DdDeputyEditor *self,
            guint           i)
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
record_value (DdDeputyEditor *self,
              guint           i)
{
  const FormField *f = &form_fields[i];
  DdEntity *entity = DD_ENTITY (self->deputy);

  if (f->kind == KIND_INT)
    {
      gint64 n = dd_entity_get_int (entity, f->field);

      return n != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : g_strdup ("");
    }
  return g_strdup (dd_entity_get_string (entity, f->field) ?: "");
}

static void
show_value (DdDeputyEditor *self,
            guint           i,
            const char     *value)
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
apply_form (DdDeputyEditor *self)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      const FormField *f = &form_fields[i];
      g_autofree char *value = form_value (self, i);

      if (f->kind == KIND_INT)
        {
          gint64 n = 0;
          g_autofree char *stripped = g_strstrip (g_strdup (value));

          /* Anything but a plain number becomes 0, which the model reports as out of range. */
          if (!g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &n, NULL))
            n = 0;
          g_object_set (self->deputy, f->field, n, NULL);
        }
      else
        g_object_set (self->deputy, f->field, value[0] != '\0' ? value : NULL, NULL);
    }
}

static GValue *
snapshot (DdDeputyEditor *self)
{
  GValue *values = g_new0 (GValue, N_FORM_FIELDS);

  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->deputy),
                                                        form_fields[i].field);

      g_value_init (&values[i], pspec->value_type);
      g_object_get_property (G_OBJECT (self->deputy), form_fields[i].field, &values[i]);
    }
  return values;
}

static void
restore (DdDeputyEditor *self,
         GValue         *values)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      g_object_set_property (G_OBJECT (self->deputy), form_fields[i].field, &values[i]);
      g_value_unset (&values[i]);
    }
  g_free (values);
}

static void
set_field_error (DdDeputyEditor *self,
                 guint           i,
                 const char     *message)
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
set_form_error (DdDeputyEditor *self,
                const char     *message)
{
  gtk_label_set_label (self->form_error_label, message ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), message != NULL);
}

static void
clear_errors (DdDeputyEditor *self)
{
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    set_field_error (self, i, NULL);
  set_form_error (self, NULL);
}

static void
show_problems (DdDeputyEditor *self,
               GPtrArray      *problems)
{
  g_autoptr(GString) other = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint p = 0; p < problems->len; p++)
    {
      DdProblem *problem = g_ptr_array_index (problems, p);
      int i = field_index (problem->field);

      /* A field may have several problems: show the first, it names the fix. */
      if (i >= 0 && gtk_widget_get_visible (self->rows[i]) && self->error_values[i] == NULL)
        {
          set_field_error (self, i, problem->message);
          if (first == NULL)
            first = self->rows[i];
        }
      else if (i < 0 || !gtk_widget_get_visible (self->rows[i]))
        {
          if (other->len > 0)
            g_string_append_c (other, '\n');
          g_string_append (other, problem->message);
        }
    }
  if (other->len > 0)
    set_form_error (self, other->str);
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
update_actions (DdDeputyEditor *self)
{
  gboolean editing = self->deputy != NULL;
  gboolean fresh = is_new (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", editing && (fresh || self->dirty));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", editing && (fresh || self->dirty));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.end-seat",
                                 editing && !fresh && is_active (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.new-seat",
                                 editing && !fresh && !self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print-placard",
                                 editing && !fresh &&
                                 (self->placard_job == NULL || !dd_placard_job_get_busy (self->placard_job)));
  gtk_widget_set_visible (self->end_seat_button, editing && !fresh && is_active (self));
  gtk_widget_set_visible (GTK_WIDGET (self->revert_button), editing);
  gtk_widget_set_visible (self->save_button, editing);
  gtk_label_set_label (self->revert_button_label, fresh ? _("_Cancel") : _("_Revert"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->revert_button),
                               fresh ? _("Discard the new deputy")
                                     : _("Undo the changes not yet saved"));
}

static void
update_dirty (DdDeputyEditor *self)
{
  gboolean dirty = FALSE;

  if (self->deputy != NULL)
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
update_status (DdDeputyEditor *self)
{
  const char *status = dd_deputy_get_status (self->deputy);
  const char *status_on = dd_entity_get_string (DD_ENTITY (self->deputy), "status-on");
  g_autofree char *text = NULL;
  gboolean active = is_active (self);

  if (active || status_on == NULL || status_on[0] == '\0')
    text = g_strdup (dd_code_label (dd_deputy_statuses, status));
  else
    /* Translators: a seat's status and the day it took effect, e.g. "Resigned on 2024-05-01" */
    text = g_strdup_printf (_("%s on %s"), dd_code_label (dd_deputy_statuses, status), status_on);
  adw_action_row_set_subtitle (self->status_row, text);
  gtk_widget_set_visible (self->rows[field_index ("status-on")], !active);
  gtk_widget_set_visible (self->rows[field_index ("status-reason")], !active);
}

static void
update_title (DdDeputyEditor *self)
{
  const char *name = self->deputy != NULL ? dd_deputy_get_name (self->deputy) : NULL;

  if (self->deputy == NULL)
    gtk_label_set_label (self->title_label, "");
  else if (is_new (self) && dd_deputy_get_person_id (self->deputy) != 0)
    {
      /* Translators: %s is a deputy's name */
      g_autofree char *title = g_strdup_printf (_("New Seat of %s"), name);
      gtk_label_set_label (self->title_label, title);
    }
  else if (is_new (self))
    gtk_label_set_label (self->title_label, _("New Deputy"));
  else
    gtk_label_set_label (self->title_label, name);
}

static GtkWidget *
create_station_row (gpointer item,
                    gpointer user_data)
{
  DdStation *station = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dd_station_get_name (station));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               dd_code_label (dd_station_kinds, dd_station_get_kind (station)));
  return row;
}

static GtkWidget *
create_seat_row (gpointer item,
                 gpointer user_data)
{
  DdDeputy *seat = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  const char *constituency = dd_entity_get_string (DD_ENTITY (seat), "constituency");
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (constituency);

  /* Translators: a seat: its level and term, e.g. "City, term 16" */
  title = g_strdup_printf (_("%s, term %d"),
                           dd_code_label (dd_deputy_levels, dd_deputy_get_level (seat)),
                           (int) dd_deputy_get_term (seat));
  if (g_strcmp0 (dd_deputy_get_status (seat), "active") != 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, C_("summary", " · "));
      g_string_append (subtitle, dd_code_label (dd_deputy_statuses, dd_deputy_get_status (seat)));
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open this seat"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "deputy-id",
                          g_memdup2 (&(gint64) { dd_entity_get_id (DD_ENTITY (seat)) }, sizeof (gint64)),
                          g_free);
  return row;
}

static GtkWidget *
create_reception_row (gpointer item,
                      gpointer user_data)
{
  DdDeputyEditor *self = user_data;
  DdEntity *reception = DD_ENTITY (item);
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(DdStation) station = dd_station_load (self->store,
                                                  dd_entity_get_int (reception, "station-id"), NULL);
  gint64 voters = dd_entity_get_int (reception, "voters-received");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a reception in a deputy's record: its date and the station, e.g. "2025-03-14 · 三岔镇人大代表之家" */
  title = g_strdup_printf (C_("reception", "%s · %s"), dd_entity_get_string (reception, "held-on"),
                           station != NULL ? dd_station_get_name (station) : "");
  subtitle = g_strdup_printf (ngettext ("%u voter received", "%u voters received", (gulong) voters),
                              (guint) voters);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
update_qr (DdDeputyEditor *self)
{
  const char *code = self->deputy != NULL ? dd_entity_get_string (DD_ENTITY (self->deputy), "code") : NULL;
  g_autofree char *payload = NULL;
  gboolean url;

  if (code != NULL && self->store != NULL)
    payload = dd_qr_payload_dup (self->store, DD_SETTING_QR_DEPUTY_URL, code);
  url = payload != NULL && g_strcmp0 (payload, code) != 0;
  dd_qr_code_set_payload (self->qr_code, payload);
  gtk_label_set_label (self->code_label, code ?: "");
  gtk_label_set_label (self->payload_label, url ? payload : "");
  gtk_widget_set_visible (GTK_WIDGET (self->payload_label), url);
}

static gboolean
is_other_seat (gpointer item,
               gpointer user_data)
{
  DdDeputyEditor *self = user_data;

  return self->deputy == NULL ||
         dd_entity_get_id (DD_ENTITY (item)) != dd_entity_get_id (DD_ENTITY (self->deputy));
}

static void
update_lists (DdDeputyEditor *self)
{
  gint64 id = self->deputy != NULL ? dd_entity_get_id (DD_ENTITY (self->deputy)) : 0;
  g_autoptr(GtkFilterListModel) others = NULL;

  gtk_list_box_bind_model (self->stations_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->seats_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->receptions_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->stations);
  g_clear_object (&self->seats);
  g_clear_object (&self->receptions);
  gtk_widget_set_visible (self->stations_group, id != 0);
  gtk_widget_set_visible (self->seats_group, id != 0);
  gtk_widget_set_visible (self->receptions_group, id != 0);
  gtk_widget_set_visible (self->qr_group, id != 0);
  update_qr (self);
  if (id == 0)
    return;

  self->receptions = dd_reception_list_new_for_deputy (self->store, id);
  gtk_list_box_bind_model (self->receptions_list, G_LIST_MODEL (self->receptions),
                           create_reception_row, self, NULL);

  self->stations = dd_station_list_new_for_deputy (self->store, id);
  gtk_list_box_bind_model (self->stations_list, G_LIST_MODEL (self->stations),
                           create_station_row, self, NULL);

  self->seats = dd_deputy_list_new (self->store);
  dd_deputy_list_set_person_id (self->seats, dd_deputy_get_person_id (self->deputy));
  others = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->seats)),
                                      GTK_FILTER (gtk_custom_filter_new (is_other_seat, self, NULL)));
  gtk_list_box_bind_model (self->seats_list, G_LIST_MODEL (others), create_seat_row, self, NULL);
}

static void
fill_form (DdDeputyEditor *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      g_autofree char *value = record_value (self, i);

      show_value (self, i, value);
    }
  self->filling = FALSE;

  clear_errors (self);
  update_status (self);
  update_title (self);
  update_dirty (self);
}

static void
set_deputy (DdDeputyEditor *self,
            DdDeputy       *deputy)
{
  g_set_object (&self->deputy, deputy);
  if (deputy == NULL)
    {
      clear_errors (self);
      update_lists (self);
      update_title (self);
      update_dirty (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_form (self);
  update_lists (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
add_toast (DdDeputyEditor *self,
           const char     *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

/* Callbacks */

static void
on_field_changed_cb (DdDeputyEditor *self)
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

static void
on_seat_activated_cb (DdDeputyEditor *self,
                      GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "deputy-id");

  if (id != NULL)
    g_signal_emit (self, signals[DEPUTY_ACTIVATED], 0, *id);
}

static void
on_store_changed_cb (DdStore        *store,
                     const char     *table,
                     GArray         *ids,
                     DdDeputyEditor *self)
{
  gint64 id;

  if (self->deputy == NULL || is_new (self) || self->dirty)
    return;
  id = dd_entity_get_id (DD_ENTITY (self->deputy));
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        /* Changed elsewhere (another seat's form, the end-seat dialog): follow. */
        if (dd_entity_reload (DD_ENTITY (self->deputy), store, NULL))
          fill_form (self);
        else
          set_deputy (self, NULL);
        return;
      }
}

static void
on_end_seat_response_cb (DdEndSeatDialog *dialog,
                         const char      *response,
                         DdDeputyEditor  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  const char *status;

  if (g_strcmp0 (response, "end") != 0 || self->deputy == NULL || self->store == NULL)
    return;

  status = dd_end_seat_dialog_get_status (dialog);
  if (!dd_deputy_end_seat (self->deputy, self->store, status,
                           dd_end_seat_dialog_get_date (dialog),
                           dd_end_seat_dialog_get_reason (dialog), &error))
    {
      set_form_error (self, error->message);
      return;
    }

  /* Only the status rows follow: other edits in progress stay as typed. */
  self->filling = TRUE;
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    if (g_str_has_prefix (form_fields[i].field, "status"))
      {
        g_autofree char *value = record_value (self, i);

        show_value (self, i, value);
      }
  self->filling = FALSE;
  update_status (self);
  update_dirty (self);

  if (g_strcmp0 (status, "resigned") == 0)
    /* Translators: %s is a deputy's name */
    toast = g_strdup_printf (_("%s marked as resigned"), dd_deputy_get_name (self->deputy));
  else
    /* Translators: %s is a deputy's name */
    toast = g_strdup_printf (_("%s marked as terminated"), dd_deputy_get_name (self->deputy));
  add_toast (self, toast);
}

static void
on_context_store_cb (DdDeputyEditor *self)
{
  DdStore *store = self->context != NULL ? dd_context_get_store (self->context) : NULL;

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  set_deputy (self, NULL);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::deputies", G_CALLBACK (on_store_changed_cb), self, 0);
      g_signal_connect_object (store, "changed::settings", G_CALLBACK (update_qr), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
set_context (DdDeputyEditor *self,
             DdContext      *context)
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
on_placard_busy_cb (DdDeputyEditor *self)
{
  update_actions (self);
}

static void
on_placard_toast_cb (DdPlacardJob   *job,
                     AdwToast       *toast,
                     DdDeputyEditor *self)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_placard_response_cb (DdPlacardDialog *dialog,
                        const char      *response,
                        DdDeputyEditor  *self)
{
  gboolean print = g_strcmp0 (response, "print") == 0;
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if ((!print && g_strcmp0 (response, "save") != 0) || self->deputy == NULL || self->store == NULL)
    return;

  if (self->placard_job != NULL)
    g_signal_handlers_disconnect_by_data (self->placard_job, self);
  g_clear_object (&self->placard_job);
  self->placard_job = dd_placard_job_new (self->store);
  dd_placard_job_add_deputy (self->placard_job, self->deputy);
  dd_placard_job_set_per_page (self->placard_job, dd_placard_dialog_get_per_page (dialog));
  g_signal_connect_object (self->placard_job, "notify::busy", G_CALLBACK (on_placard_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->placard_job, "add-toast", G_CALLBACK (on_placard_toast_cb), self, 0);
  if (print)
    dd_placard_job_print (self->placard_job, parent);
  else
    dd_placard_job_save_as (self->placard_job, parent);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dd_deputy_editor_save (DD_DEPUTY_EDITOR (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdDeputyEditor *self = DD_DEPUTY_EDITOR (widget);

  if (is_new (self))
    {
      set_deputy (self, NULL);
      g_signal_emit (self, signals[CLOSED], 0);
    }
  else
    dd_deputy_editor_revert (self);
}

static void
end_seat_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DdDeputyEditor *self = DD_DEPUTY_EDITOR (widget);
  g_autofree char *today = NULL;
  DdEndSeatDialog *dialog;

  if (self->deputy == NULL || self->store == NULL)
    return;
  today = dd_store_dup_today (self->store);
  dialog = dd_end_seat_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   dd_deputy_get_name (self->deputy), today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_end_seat_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_seat_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DdDeputyEditor *self = DD_DEPUTY_EDITOR (widget);

  if (self->deputy != NULL)
    dd_deputy_editor_new_deputy (self, self->deputy, NULL);
}

static void
print_placard_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DdDeputyEditor *self = DD_DEPUTY_EDITOR (widget);
  DdPlacardDialog *dialog;

  if (self->deputy == NULL || is_new (self))
    return;
  /* One deputy's placard ("一人一码"): only the layout to choose. */
  dialog = dd_placard_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                  dd_deputy_get_name (self->deputy), 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_placard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

/* GObject */

static void
dd_deputy_editor_dispose (GObject *object)
{
  DdDeputyEditor *self = DD_DEPUTY_EDITOR (object);

  if (self->stations_list != NULL)
    {
      gtk_list_box_bind_model (self->stations_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->seats_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->receptions_list, NULL, NULL, NULL, NULL);
    }
  if (self->placard_job != NULL)
    g_signal_handlers_disconnect_by_data (self->placard_job, self);
  g_clear_object (&self->placard_job);
  g_clear_object (&self->stations);
  g_clear_object (&self->seats);
  g_clear_object (&self->receptions);
  g_clear_object (&self->deputy);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Before the template lets go of it: AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_DEPUTY_EDITOR);

  G_OBJECT_CLASS (dd_deputy_editor_parent_class)->dispose (object);
}

static void
dd_deputy_editor_finalize (GObject *object)
{
  DdDeputyEditor *self = DD_DEPUTY_EDITOR (object);

  for (guint i = 0; i < N_FORM_FIELDS; i++)
    g_free (self->error_values[i]);

  G_OBJECT_CLASS (dd_deputy_editor_parent_class)->finalize (object);
}

static void
dd_deputy_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DdDeputyEditor *self = DD_DEPUTY_EDITOR (object);

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
dd_deputy_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DdDeputyEditor *self = DD_DEPUTY_EDITOR (object);

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
dd_deputy_editor_class_init (DdDeputyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_deputy_editor_dispose;
  object_class->finalize = dd_deputy_editor_finalize;
  object_class->get_property = dd_deputy_editor_get_property;
  object_class->set_property = dd_deputy_editor_set_property;

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
   * DdDeputyEditor::add-toast:
   * A message for the window's toast overlay.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * DdDeputyEditor::saved:
   * @id: the deputy written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * DdDeputyEditor::deputy-activated:
   * @id: another seat the user chose to open
   */
  signals[DEPUTY_ACTIVATED] =
    g_signal_new ("deputy-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A new deputy was cancelled. */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The back button of a folded layout. */
  signals[BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DD_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-deputy-editor.ui");
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, form_fields[i].row_id, FALSE,
                                                 G_STRUCT_OFFSET (DdDeputyEditor, rows) +
                                                 i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, form_fields[i].error_id, FALSE,
                                                 G_STRUCT_OFFSET (DdDeputyEditor, errors) +
                                                 i * sizeof (GtkWidget *));
    }
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, revert_button);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, revert_button_label);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, end_seat_button);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, stations_group);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, stations_list);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, seats_group);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, seats_list);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, receptions_group);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, receptions_list);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, qr_group);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, qr_code);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, code_label);
  gtk_widget_class_bind_template_child (widget_class, DdDeputyEditor, payload_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_seat_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "editor.end-seat", NULL, end_seat_action);
  gtk_widget_class_install_action (widget_class, "editor.new-seat", NULL, new_seat_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.print-placard", NULL, print_placard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
dd_deputy_editor_init (DdDeputyEditor *self)
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

  set_deputy (self, NULL);
}

/* Public API */

GtkWidget *
dd_deputy_editor_new (DdContext *context)
{
  return g_object_new (DD_TYPE_DEPUTY_EDITOR, "context", context, NULL);
}

/**
 * dd_deputy_editor_load:
 * Shows deputy @id for editing; 0 shows nothing. Unsaved edits are dropped:
 * ask first (dd_deputy_editor_get_dirty()).
 *
 * Returns: %FALSE if the deputy could not be read
 */
gboolean
dd_deputy_editor_load (DdDeputyEditor *self,
                       gint64          id)
{
  g_autoptr(DdDeputy) deputy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DD_IS_DEPUTY_EDITOR (self), FALSE);

  if (id == 0 || self->store == NULL)
    {
      set_deputy (self, NULL);
      return id == 0;
    }
  deputy = dd_deputy_load (self->store, id, &error);
  if (deputy == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The deputy could not be read: %s"),
                                                  error->message);

      set_deputy (self, NULL);
      add_toast (self, message);
      return FALSE;
    }
  set_deputy (self, deputy);
  return TRUE;
}

void
dd_deputy_editor_clear (DdDeputyEditor *self)
{
  g_return_if_fail (DD_IS_DEPUTY_EDITOR (self));
  set_deputy (self, NULL);
}

/**
 * dd_deputy_editor_new_deputy:
 * @seat_of: (nullable): a deputy whose personal details the new seat copies
 * @level: (nullable): the level to preselect
 *
 * Starts a new, unsaved record.
 */
void
dd_deputy_editor_new_deputy (DdDeputyEditor *self,
                             DdDeputy       *seat_of,
                             const char     *level)
{
  g_autoptr(DdDeputy) deputy = NULL;

  g_return_if_fail (DD_IS_DEPUTY_EDITOR (self));

  deputy = seat_of != NULL ? dd_deputy_new_seat_of (seat_of) : dd_deputy_new ();
  if (level != NULL)
    g_object_set (deputy, "level", level, NULL);
  set_deputy (self, deputy);
  dd_deputy_editor_focus_first (self);
}

/**
 * dd_deputy_editor_save:
 *
 * Checks the form with the model's rules; shows each problem under its row
 * and writes nothing, or saves in one transaction.
 *
 * Returns: whether the deputy was saved
 */
gboolean
dd_deputy_editor_save (DdDeputyEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GValue *before;

  g_return_val_if_fail (DD_IS_DEPUTY_EDITOR (self), FALSE);

  if (self->deputy == NULL || self->store == NULL)
    return FALSE;

  before = snapshot (self);
  apply_form (self);
  problems = dd_entity_check (DD_ENTITY (self->deputy), self->store);
  clear_errors (self);
  if (problems->len > 0)
    {
      restore (self, before);
      show_problems (self, problems);
      return FALSE;
    }
  if (!dd_entity_save (DD_ENTITY (self->deputy), self->store, &error))
    {
      restore (self, before);
      set_form_error (self, error->message);
      return FALSE;
    }
  for (guint i = 0; i < N_FORM_FIELDS; i++)
    g_value_unset (&before[i]);
  g_free (before);

  fill_form (self);
  update_lists (self);
  add_toast (self, _("Deputy saved"));
  g_signal_emit (self, signals[SAVED], 0, dd_entity_get_id (DD_ENTITY (self->deputy)));
  return TRUE;
}

/**
 * dd_deputy_editor_revert:
 * Shows the record as stored, dropping the edits.
 */
void
dd_deputy_editor_revert (DdDeputyEditor *self)
{
  g_return_if_fail (DD_IS_DEPUTY_EDITOR (self));

  if (self->deputy != NULL)
    fill_form (self);
}

gboolean
dd_deputy_editor_get_dirty (DdDeputyEditor *self)
{
  g_return_val_if_fail (DD_IS_DEPUTY_EDITOR (self), FALSE);
  return self->dirty;
}

/**
 * dd_deputy_editor_get_editing:
 * Returns: whether a record (saved or new) is shown
 */
gboolean
dd_deputy_editor_get_editing (DdDeputyEditor *self)
{
  g_return_val_if_fail (DD_IS_DEPUTY_EDITOR (self), FALSE);
  return self->deputy != NULL;
}

/**
 * dd_deputy_editor_get_deputy:
 * Returns: (transfer none) (nullable): the record as last loaded or saved
 */
DdDeputy *
dd_deputy_editor_get_deputy (DdDeputyEditor *self)
{
  g_return_val_if_fail (DD_IS_DEPUTY_EDITOR (self), NULL);
  return self->deputy;
}

/**
 * dd_deputy_editor_get_row:
 * @field: a DdDeputy property, e.g. "birth-on"
 *
 * Returns: (transfer none) (nullable): the AdwEntryRow or AdwComboRow of @field
 */
GtkWidget *
dd_deputy_editor_get_row (DdDeputyEditor *self,
                          const char     *field)
{
  int i = field_index (field);

  g_return_val_if_fail (DD_IS_DEPUTY_EDITOR (self), NULL);
  return i >= 0 ? self->rows[i] : NULL;
}

/**
 * dd_deputy_editor_get_error:
 * Returns: (nullable): the validation message shown under @field's row
 */
const char *
dd_deputy_editor_get_error (DdDeputyEditor *self,
                            const char     *field)
{
  int i = field_index (field);

  g_return_val_if_fail (DD_IS_DEPUTY_EDITOR (self), NULL);
  if (i < 0 || !gtk_widget_get_visible (self->errors[i]))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->errors[i]))));
}

void
dd_deputy_editor_focus_first (DdDeputyEditor *self)
{
  g_return_if_fail (DD_IS_DEPUTY_EDITOR (self));
  gtk_widget_grab_focus (self->rows[0]);
}
