/* dd-placard-job.c
 *
 * Holds copies of what each placard shows, so the PDF can be written in a
 * worker thread while the user goes on working; the job keeps itself alive
 * until the file is written or the printing is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-placard-job"

#include <glib/gi18n.h>

#include "dd-codes.h"
#include "dd-placard.h"
#include "dd-placard-job.h"
#include "dd-settings.h"

typedef struct
{
  char *name;
  char *kind_label;
  char *code;
  char *payload;
  char *office;
  char *caption;
} Placard;

struct _DdPlacardJob
{
  GObject               parent_instance;

  DdStore              *store;
  GArray               *placards;    /* Placard */
  guint                 per_page;
  gboolean              busy;
  GtkFileChooserNative *chooser;
  GtkPrintOperation    *operation;
};

G_DEFINE_FINAL_TYPE (DdPlacardJob, dd_placard_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
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
placard_clear (gpointer data)
{
  Placard *p = data;

  g_free (p->name);
  g_free (p->kind_label);
  g_free (p->code);
  g_free (p->payload);
  g_free (p->office);
  g_free (p->caption);
}

static void
add_placard (DdPlacardJob *self,
             const char   *name,
             const char   *kind_label,
             const char   *code,
             const char   *template_key,
             const char   *caption)
{
  Placard p = {
    .name = g_strdup (name ?: ""),
    .kind_label = g_strdup (kind_label ?: ""),
    .code = g_strdup (code ?: ""),
    .payload = dd_qr_payload_dup (self->store, template_key, code ?: ""),
    .office = dd_settings_dup (self->store, DD_SETTING_OFFICE_NAME),
    .caption = g_strdup (caption),
  };

  if (p.office == NULL)
    p.office = g_strdup ("");
  g_array_append_val (self->placards, p);
}

/* The placards as the charts layer takes them; borrowed from @self. */
static DdPlacard *
dup_views (DdPlacardJob *self)
{
  DdPlacard *views = g_new0 (DdPlacard, MAX (self->placards->len, 1));

  for (guint i = 0; i < self->placards->len; i++)
    {
      Placard *p = &g_array_index (self->placards, Placard, i);

      views[i] = (DdPlacard) { p->name, p->kind_label, p->code, p->payload, p->office, p->caption };
    }
  return views;
}

static void
set_busy (DdPlacardJob *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
add_toast (DdPlacardJob *self,
           const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

/* Worker thread */

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DdPlacardJob *self = source_object;
  const char *path = task_data;
  g_autofree DdPlacard *views = dup_views (self);
  GError *error = NULL;

  if (dd_placards_write_pdf (path, views, self->placards->len, self->per_page, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Callbacks */

static void
on_pdf_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DdPlacardJob *self = DD_PLACARD_JOB (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_data;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *message = NULL;

  set_busy (self, FALSE);
  if (dd_placard_job_write_pdf_finish (self, result, &error))
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Placards saved as %s"), name);
  else
    /* Translators: %s says what went wrong */
    message = g_strdup_printf (_("The placards could not be saved: %s"), error->message);
  add_toast (self, message);
  g_object_unref (self);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        DdPlacardJob    *self)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (path == NULL)
    {
      g_object_unref (self);
      return;
    }
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_suffix;
    }
  /* The job's own reference passes to the write. */
  dd_placard_job_write_pdf_async (self, path, NULL, on_pdf_written_cb, g_strdup (path));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 DdPlacardJob      *self)
{
  g_autofree DdPlacard *views = dup_views (self);
  g_autoptr(GError) error = NULL;

  /* The whole sheet, as the PDF lays it out. */
  if (!dd_placards_draw_page (gtk_print_context_get_cairo_context (context),
                              gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context),
                              views, self->placards->len, self->per_page, page_nr, &error))
    g_warning ("Could not draw placard page %d: %s", page_nr + 1, error->message);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  DdPlacardJob            *self)
{
  /* Once: GTK may report a synchronous result through ::done as well. */
  if (operation != self->operation)
    return;
  set_busy (self, FALSE);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: %s says what went wrong */
      message = g_strdup_printf (_("The placards could not be printed: %s"),
                                 error != NULL ? error->message : _("unknown error"));
      add_toast (self, message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    add_toast (self, _("Placards sent to the printer"));
  g_clear_object (&self->operation);
  g_object_unref (self);
}

/* GObject */

static void
dd_placard_job_dispose (GObject *object)
{
  DdPlacardJob *self = DD_PLACARD_JOB (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->operation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dd_placard_job_parent_class)->dispose (object);
}

static void
dd_placard_job_finalize (GObject *object)
{
  DdPlacardJob *self = DD_PLACARD_JOB (object);

  g_array_unref (self->placards);

  G_OBJECT_CLASS (dd_placard_job_parent_class)->finalize (object);
}

static void
dd_placard_job_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DdPlacardJob *self = DD_PLACARD_JOB (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_placard_job_class_init (DdPlacardJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dd_placard_job_dispose;
  object_class->finalize = dd_placard_job_finalize;
  object_class->get_property = dd_placard_job_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdPlacardJob::add-toast:
   * Where the file went, or why it did not.
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
dd_placard_job_init (DdPlacardJob *self)
{
  self->placards = g_array_new (FALSE, TRUE, sizeof (Placard));
  g_array_set_clear_func (self->placards, placard_clear);
  self->per_page = 1;
}

/* Public API */

/**
 * dd_placard_job_new:
 * @store: where the codes, the QR templates and the office name come from
 *
 * Returns: (transfer full): a job with no placards yet, one per page
 */
DdPlacardJob *
dd_placard_job_new (DdStore *store)
{
  DdPlacardJob *self;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  self = g_object_new (DD_TYPE_PLACARD_JOB, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
dd_placard_job_add_station (DdPlacardJob *self,
                            DdStation    *station)
{
  g_return_if_fail (DD_IS_PLACARD_JOB (self));
  g_return_if_fail (DD_IS_STATION (station));

  add_placard (self, dd_station_get_name (station),
               dd_code_label (dd_station_kinds, dd_station_get_kind (station)),
               dd_station_get_code (station), DD_SETTING_QR_STATION_URL,
               _("Scan the code to reach the deputies of this station"));
}

void
dd_placard_job_add_deputy (DdPlacardJob *self,
                           DdDeputy     *deputy)
{
  g_autofree char *kind = NULL;

  g_return_if_fail (DD_IS_PLACARD_JOB (self));
  g_return_if_fail (DD_IS_DEPUTY (deputy));

  /* Translators: on a deputy's placard; %s is the level, e.g. "City" */
  kind = g_strdup_printf (_("%s People’s Congress Deputy"),
                          dd_code_label (dd_deputy_levels, dd_deputy_get_level (deputy)));
  add_placard (self, dd_deputy_get_name (deputy), kind,
               dd_entity_get_string (DD_ENTITY (deputy), "code"), DD_SETTING_QR_DEPUTY_URL,
               _("Scan the code to contact your deputy"));
}

guint
dd_placard_job_get_n_placards (DdPlacardJob *self)
{
  g_return_val_if_fail (DD_IS_PLACARD_JOB (self), 0);
  return self->placards->len;
}

/**
 * dd_placard_job_get_payload:
 * Returns: what the QR code of placard @index encodes
 */
const char *
dd_placard_job_get_payload (DdPlacardJob *self,
                            guint         index)
{
  g_return_val_if_fail (DD_IS_PLACARD_JOB (self), NULL);
  g_return_val_if_fail (index < self->placards->len, NULL);
  return g_array_index (self->placards, Placard, index).payload;
}

guint
dd_placard_job_get_per_page (DdPlacardJob *self)
{
  g_return_val_if_fail (DD_IS_PLACARD_JOB (self), 1);
  return self->per_page;
}

/**
 * dd_placard_job_set_per_page:
 * @per_page: 1, 2 or 4 placards on each A4 page
 */
void
dd_placard_job_set_per_page (DdPlacardJob *self,
                             guint         per_page)
{
  g_return_if_fail (DD_IS_PLACARD_JOB (self));
  g_return_if_fail (per_page == 1 || per_page == 2 || per_page == 4);
  g_return_if_fail (!self->busy);
  self->per_page = per_page;
}

gboolean
dd_placard_job_get_busy (DdPlacardJob *self)
{
  g_return_val_if_fail (DD_IS_PLACARD_JOB (self), FALSE);
  return self->busy;
}

/**
 * dd_placard_job_write_pdf_async:
 * Writes the A4 PDF to @path in a worker thread.
 */
void
dd_placard_job_write_pdf_async (DdPlacardJob        *self,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DD_IS_PLACARD_JOB (self));
  g_return_if_fail (path != NULL);

  set_busy (self, TRUE);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dd_placard_job_write_pdf_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
dd_placard_job_write_pdf_finish (DdPlacardJob  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  set_busy (self, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dd_placard_job_save_as:
 * Asks where to save the PDF, writes it in the background and says where it
 * went with ::add-toast.
 */
void
dd_placard_job_save_as (DdPlacardJob *self,
                        GtkWindow    *parent)
{
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;

  g_return_if_fail (DD_IS_PLACARD_JOB (self));

  if (self->busy || self->chooser != NULL || self->placards->len == 0)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Placards as PDF"), parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  if (self->placards->len == 1)
    {
      Placard *p = &g_array_index (self->placards, Placard, 0);

      /* Translators: the suggested file name of one placard; %s is a station's or deputy's name */
      suggested = g_strdup_printf (_("Placard %s.pdf"), p->name);
      g_strdelimit (suggested, "/\\", '-');
    }
  else
    suggested = g_strdup (_("Placards.pdf"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  /* Alive until the file is written or the dialog cancelled. */
  g_object_ref (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * dd_placard_job_print:
 * Prints the placards on A4 through the print dialog.
 */
void
dd_placard_job_print (DdPlacardJob *self,
                      GtkWindow    *parent)
{
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (DD_IS_PLACARD_JOB (self));

  if (self->busy || self->placards->len == 0)
    return;

  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  self->operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (self->operation, setup);
  gtk_print_operation_set_unit (self->operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (self->operation, TRUE);
  gtk_print_operation_set_n_pages (self->operation,
                                   dd_placards_page_count (self->placards->len, self->per_page));
  gtk_print_operation_set_job_name (self->operation, _("Placards"));
  gtk_print_operation_set_allow_async (self->operation, TRUE);
  g_signal_connect_object (self->operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  g_signal_connect_object (self->operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  set_busy (self, TRUE);
  /* Alive until the operation is done. */
  g_object_ref (self);
  result = gtk_print_operation_run (self->operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      set_busy (self, FALSE);
      /* Translators: %s says what went wrong */
      message = g_strdup_printf (_("The placards could not be printed: %s"), error->message);
      add_toast (self, message);
      g_clear_object (&self->operation);
      g_object_unref (self);
    }
  else if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    on_print_done_cb (self->operation, result, self);
}
