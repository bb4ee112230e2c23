/* dd-cli-backup.c: deputy-desk-cli backup and restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <glib/gi18n.h>

#include "dd-backup.h"
#include "dd-cli.h"
#include "dd-store-check.h"

static int
usage_and_clear (DdCliContext *cli,
                 const char   *message)
{
  int status = dd_cli_usage_error (cli->command, message);

  dd_cli_context_clear (cli);
  return status;
}

static int
fail_and_clear (DdCliContext *cli,
                GError       *error)
{
  dd_cli_context_clear (cli);
  return dd_cli_fail (error);
}

/* One line on stderr if @path is on a network file system; the command goes on. */
static void
warn_if_on_network (const char *path)
{
  g_autofree char *fs = NULL;

  if (dd_store_is_on_network_fs (path, &fs))
    {
      /* TRANSLATORS: the file, then the file system's type (nfs, cifs …) */
      g_autofree char *line = g_strdup_printf (_("warning: “%s” is on a network file system (%s), "
                                                 "where SQLite cannot lock it safely; keep the "
                                                 "database and its backups on a local disk"),
                                               path, fs);
      g_printerr ("deputy-desk-cli: %s\n", line);
    }
}

/* The one file name left on the command line, made absolute; or a usage message. */
static char *
take_file (GStrv         rest,
           char        **path,
           const char   *missing)
{
  if (rest == NULL || rest[0] == NULL)
    return g_strdup (missing);
  if (rest[1] != NULL)
    return g_strdup_printf (_("Unexpected argument “%s”"), rest[1]);
  if (rest[0][0] == '\0')
    return g_strdup (missing);
  *path = g_canonicalize_filename (rest[0], NULL);
  return NULL;
}

int
dd_cli_run_backup (int    argc,
                   char **argv)
{
  DdCliContext cli = { "backup", NULL };
  g_auto(GStrv) rest = NULL;
  g_autofree char *out = NULL;
  g_autofree char *usage = NULL;
  g_autoptr(DdStore) store = NULL;
  GError *error = NULL;
  int status;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &rest,
      NULL, N_("OUT") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;
  if ((usage = take_file (rest, &out, _("Give the file to write the backup to"))) != NULL)
    return usage_and_clear (&cli, usage);
  if (g_str_equal (out, cli.database))
    return usage_and_clear (&cli, _("The backup cannot be written over the database itself"));

  warn_if_on_network (cli.database);
  warn_if_on_network (out);
  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    return fail_and_clear (&cli, error);
  if (!dd_backup_to_file (store, out, NULL, NULL, NULL, &error))
    return fail_and_clear (&cli, error);

  g_print (_("Backed up “%s” to “%s”\n"), cli.database, out);
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

int
dd_cli_run_restore (int    argc,
                    char **argv)
{
  DdCliContext cli = { "restore", NULL };
  g_auto(GStrv) rest = NULL;
  g_autofree char *file = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *safety_dir = NULL;
  g_autofree char *safety_dir_abs = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(DdStore) store = NULL;
  GError *error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "safety-dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &safety_dir,
      N_("Where to back up the current database first (default: the backups folder)"), N_("DIR") },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &rest,
      NULL, N_("FILE") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;
  if ((usage = take_file (rest, &file, _("Give the backup to restore"))) != NULL)
    return usage_and_clear (&cli, usage);
  if (safety_dir != NULL && safety_dir[0] == '\0')
    return usage_and_clear (&cli, _("--safety-dir needs a folder name"));
  if (safety_dir != NULL)
    safety_dir_abs = g_canonicalize_filename (safety_dir, NULL);

  warn_if_on_network (cli.database);
  warn_if_on_network (file);
  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    return fail_and_clear (&cli, error);
  if (!dd_backup_restore (store, file, safety_dir_abs, &safety, &error))
    return fail_and_clear (&cli, error);

  g_print (_("Restored “%s” into “%s”\n"), file, cli.database);
  g_print (_("The database as it was before is saved as “%s”\n"), safety);
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}
