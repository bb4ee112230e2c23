/* dd-welcome-page.c: create an empty database, or try the demo
 *
 * The demo is generated in a worker thread on a store opened there, into a
 * temporary file renamed into place only when complete: an interrupted run
 * never leaves a half-filled database where the app will look next time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-welcome-page"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dd-demo.h"
#include "dd-welcome-page.h"

struct _DdWelcomePage
{
  AdwBin          parent_instance;

  char           *path;
  gboolean        busy;
  GCancellable   *cancellable;

  GtkWidget      *buttons_box;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel       *error_label;
  GtkLabel       *path_label;
};

G_DEFINE_FINAL_TYPE (DdWelcomePage, dd_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PATH,
  PROP_BUSY,
  N_PROPS
};

enum {
  OPEN_DATABASE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  char         *path;
  char         *part;
  GTask        *task;    /* not owned: the task owns the job */
  double        shown;   /* the last fraction sent to the main thread */
} DemoJob;

typedef struct
{
  GTask        *task;
  double        fraction;
} Progress;

static void
demo_job_free (DemoJob *job)
{
  g_free (job->path);
  g_free (job->part);
  g_free (job);
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->task);
  g_free (progress);
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
set_busy (DdWelcomePage *self,
          gboolean       busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (self->buttons_box, !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  DdWelcomePage *self = g_task_get_source_object (progress->task);

  /* The task keeps the page alive, but it may have been disposed. */
  if (self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread. */
static void
on_demo_progress_cb (double   fraction,
                     gpointer user_data)
{
  DemoJob *job = user_data;
  Progress *progress;

  if (fraction - job->shown < 0.01 && fraction < 1.0)
    return;
  job->shown = fraction;
  progress = g_new (Progress, 1);
  progress->task = g_object_ref (job->task);
  progress->fraction = fraction;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress_cb, progress,
                   (GDestroyNotify) progress_free);
}

static void
generate_demo_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(DdStore) store = NULL;
  GError *error = NULL;
  DdDemoOptions options = {
    .size = DD_DEMO_SMALL,
    .seed = 1,
    .anchor = NULL,
    .progress = on_demo_progress_cb,
    .progress_data = job,
  };

  remove_database_files (job->part);
  store = dd_store_open (job->part, DD_STORE_OPEN_CREATE, &error);
  if (store == NULL || !dd_demo_generate (store, &options, &error))
    {
      g_clear_object (&store);
      remove_database_files (job->part);
      g_task_return_error (task, error);
      return;
    }
  /* Closing the last connection folds the WAL back into the file. */
  g_clear_object (&store);

  if (g_file_test (job->path, G_FILE_TEST_EXISTS))
    {
      remove_database_files (job->part);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("A database appeared at “%s” meanwhile; it was left as it is"),
                               job->path);
      return;
    }
  if (g_rename (job->part, job->path) != 0)
    {
      int saved_errno = errno;

      remove_database_files (job->part);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not move the demo database into place: %s"),
                               g_strerror (saved_errno));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_demo_generated_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DdWelcomePage *self = DD_WELCOME_PAGE (source);
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = g_strdup_printf (_("The demo could not be created: %s"),
                                               error->message);

      gtk_label_set_label (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[OPEN_DATABASE], 0, job->path, FALSE);
}

static void
update_path_label (DdWelcomePage *self)
{
  g_autofree char *text = NULL;

  if (self->path == NULL)
    return;
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("The database will be stored in %s"), self->path);
  gtk_label_set_label (self->path_label, text);
}

/* Actions */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DdWelcomePage *self = DD_WELCOME_PAGE (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[OPEN_DATABASE], 0, self->path, TRUE);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DdWelcomePage *self = DD_WELCOME_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *folder = NULL;
  DemoJob *job;

  if (self->busy || self->path == NULL)
    return;

  folder = g_path_get_dirname (self->path);
  g_mkdir_with_parents (folder, 0700);

  job = g_new0 (DemoJob, 1);
  job->path = g_strdup (self->path);
  job->part = g_strconcat (self->path, ".part", NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_demo_generated_cb, NULL);
  g_task_set_source_tag (task, demo_action);
  g_task_set_task_data (task, job, (GDestroyNotify) demo_job_free);
  job->task = task;
  g_task_run_in_thread (task, generate_demo_thread);
}

/* GObject */

static void
dd_welcome_page_dispose (GObject *object)
{
  DdWelcomePage *self = DD_WELCOME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  /* Before the template lets go of it: AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DD_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (dd_welcome_page_parent_class)->dispose (object);
}

static void
dd_welcome_page_finalize (GObject *object)
{
  DdWelcomePage *self = DD_WELCOME_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->path);

  G_OBJECT_CLASS (dd_welcome_page_parent_class)->finalize (object);
}

static void
dd_welcome_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DdWelcomePage *self = DD_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_welcome_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DdWelcomePage *self = DD_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      dd_welcome_page_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dd_welcome_page_class_init (DdWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dd_welcome_page_dispose;
  object_class->finalize = dd_welcome_page_finalize;
  object_class->get_property = dd_welcome_page_get_property;
  object_class->set_property = dd_welcome_page_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DdWelcomePage::open-database:
   * @path: the database to open
   * @create: whether to create it (an empty database)
   */
  signals[OPEN_DATABASE] =
    g_signal_new ("open-database", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/deputydesk/DeputyDesk/dd-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DdWelcomePage, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, DdWelcomePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, DdWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DdWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DdWelcomePage, path_label);

  gtk_widget_class_install_action (widget_class, "welcome.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "welcome.demo", NULL, demo_action);
}

static void
dd_welcome_page_init (DdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

const char *
dd_welcome_page_get_path (DdWelcomePage *self)
{
  g_return_val_if_fail (DD_IS_WELCOME_PAGE (self), NULL);
  return self->path;
}

/**
 * dd_welcome_page_set_path:
 * The file the page's choices create.
 */
void
dd_welcome_page_set_path (DdWelcomePage *self,
                          const char    *path)
{
  g_return_if_fail (DD_IS_WELCOME_PAGE (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  update_path_label (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

/**
 * dd_welcome_page_get_busy:
 * Returns: whether the demo is being generated
 */
gboolean
dd_welcome_page_get_busy (DdWelcomePage *self)
{
  g_return_val_if_fail (DD_IS_WELCOME_PAGE (self), FALSE);
  return self->busy;
}
