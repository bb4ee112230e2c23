/* deputy-desk-cli.c: Deputy Desk without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "dd-cli.h"
#include "dd-demo.h"
#include "dd-store-check.h"
#include "dd-store.h"
#include "dd-utils.h"

typedef struct
{
  const char *name;
  const char *summary;  /* N_() */
  int (*run) (int argc, char **argv);
} Command;

static int run_init (int argc, char **argv);
static int run_demo (int argc, char **argv);
static int run_check (int argc, char **argv);

static const Command commands[] = {
  { "init", N_("Create an empty database, or report the schema of an existing one"), run_init },
  { "demo", N_("Fill a database with a reproducible demo jurisdiction"), run_demo },
  { "check", N_("Check an existing database and count the rows of its tables"), run_check },
  { "stats", N_("Print the figures of a year, and the stations’ figures of a period"), dd_cli_run_stats },
  { "placards", N_("Write the QR placards of stations or deputies as an A4 PDF"), dd_cli_run_placards },
  { "suggestions", N_("List suggestions, and move one through its handling"), dd_cli_run_suggestions },
  { "chart", N_("Write a chart of a year’s statistics as PNG, SVG or PDF (see chart --list)"), dd_cli_run_chart },
  { "deck", N_("Write the slide deck of a year’s statistics as one PDF"), dd_cli_run_deck },
  { "import", N_("Import deputies, stations, handling units or suggestions from a CSV or XLSX file"), dd_cli_run_import },
  { "export", N_("Export a list or the year’s figures as an XLSX or CSV file"), dd_cli_run_export },
  { "backup", N_("Back up the database to a file, through SQLite’s backup API"), dd_cli_run_backup },
  { "restore", N_("Replace the database by a backup, after backing it up"), dd_cli_run_restore },
  { "exchange", N_("Exchange records with another office as a JSON file"), dd_cli_run_exchange },
};

static const char * const demo_size_names[] = { "small", "district", "province" };

/* Shared helpers */

/* Errors name files and may quote SQLite; keep the promise of one line. */
static void
print_error_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("deputy-desk-cli: %s\n", line);
}

/* Prints @error, frees it, and returns the exit status of a failure. */
int
dd_cli_fail (GError *error)
{
  print_error_line (error->message);
  g_error_free (error);
  return DD_CLI_EXIT_FAILED;
}

int
dd_cli_fail_message (const char *message)
{
  print_error_line (message);
  return DD_CLI_EXIT_FAILED;
}

/* @command: (nullable): the subcommand whose --help to point at */
int
dd_cli_usage_error (const char *command,
                    const char *message)
{
  g_autofree char *hint = NULL;
  g_autofree char *line = NULL;

  if (command != NULL)
    hint = g_strdup_printf ("deputy-desk-cli %s --help", command);
  else
    hint = g_strdup ("deputy-desk-cli --help");
  /* TRANSLATORS: a command-line error, then the command that shows the usage */
  line = g_strdup_printf (_("%s (see “%s”)"), message, hint);
  print_error_line (line);
  return DD_CLI_EXIT_USAGE;
}

void
dd_cli_context_clear (DdCliContext *cli)
{
  g_clear_pointer (&cli->database, g_free);
}

static void
print_actions_help (const char        *command,
                    const char        *description,
                    const DdCliAction *actions,
                    guint              n_actions)
{
  g_print ("%s\n  deputy-desk-cli %s %s\n\n", _("Usage:"), command, _("ACTION [OPTION…]"));
  g_print ("%s\n\n", description);
  g_print ("%s\n", _("Actions:"));
  for (guint i = 0; i < n_actions; i++)
    g_print ("  %-9s %s\n", actions[i].name, _(actions[i].summary));
  g_print ("\n");
  /* TRANSLATORS: %s is a subcommand, e.g. "suggestions" */
  g_print (_("Run “deputy-desk-cli %s ACTION --help” for the options of an action.\n"), command);
}

/**
 * dd_cli_run_action:
 * @command: the subcommand, e.g. "suggestions"
 * @description: (translated) what the subcommand does, for --help
 * @missing: (translated) the usage error when no action is given
 * @argv: the subcommand's arguments, argv[0] being the subcommand
 *
 * Runs the action named by argv[1], or prints the subcommand's help.
 *
 * Returns: the status to exit with
 */
int
dd_cli_run_action (const char        *command,
                   const char        *description,
                   const char        *missing,
                   const DdCliAction *actions,
                   guint              n_actions,
                   int                argc,
                   char             **argv)
{
  g_autofree char *message = NULL;
  const char *name;

  if (argc < 2)
    return dd_cli_usage_error (command, missing);

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_actions_help (command, description, actions, n_actions);
      return DD_CLI_EXIT_OK;
    }
  for (guint i = 0; i < n_actions; i++)
    if (g_str_equal (name, actions[i].name))
      return actions[i].run (argc - 1, argv + 1);

  message = g_strdup_printf (_("Unknown action “%s”"), name);
  return dd_cli_usage_error (command, message);
}

/**
 * dd_cli_parse_options:
 * @entries: the subcommand's own options, %NULL-terminated
 *
 * Parses @entries plus --database and --help, and sets @cli->database.
 *
 * Returns: -1 to go on, or the status to exit with (after --help, or on a
 *   usage error, already reported)
 */
int
dd_cli_parse_options (DdCliContext   *cli,
                      GOptionEntry   *entries,
                      int            *argc,
                      char         ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = NULL;
  g_autofree char *default_path = dd_store_dup_default_path ();
  g_autofree char *description = NULL;
  g_autofree char *database = NULL;
  gboolean help = FALSE;
  GOptionEntry common[] = {
    { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: see below)"), N_("PATH") },
    { "help", 'h', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &help,
      N_("Show this help"), NULL },
    { NULL }
  };

  /* GOptionContext names the program in "Usage:"; make that name the subcommand too. */
  prgname = g_strdup_printf ("deputy-desk-cli %s", cli->command);
  g_set_prgname (prgname);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, cli->command))
      g_option_context_set_summary (context, _(commands[i].summary));
  description = g_strdup_printf (_("The default database is “%s”."), default_path);
  g_option_context_set_description (context, description);
  /* Our own --help: printed and returned from, not exit()ed from inside GLib. */
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return dd_cli_usage_error (cli->command, error->message);

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      return DD_CLI_EXIT_OK;
    }

  if (*argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), (*argv)[1]);
      return dd_cli_usage_error (cli->command, message);
    }

  if (database != NULL && database[0] == '\0')
    return dd_cli_usage_error (cli->command, _("--database needs a file name"));

  /* Absolute, so that every message names the file unambiguously. */
  cli->database = g_canonicalize_filename (database != NULL ? database : default_path, NULL);
  return -1;
}

/* init */

static int
run_init (int    argc,
          char **argv)
{
  DdCliContext cli = { "init", NULL };
  g_autoptr(DdStore) store = NULL;
  GError *error = NULL;
  gboolean existed, blank;
  int status;

  status = dd_cli_parse_options (&cli, NULL, &argc, &argv);
  if (status >= 0)
    return status;

  existed = g_file_test (cli.database, G_FILE_TEST_EXISTS);
  blank = existed && dd_store_file_is_blank (cli.database);
  store = dd_store_open (cli.database, DD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  if (!existed)
    g_print (_("Created the database “%s” (schema version %d)\n"),
             cli.database, dd_store_get_schema_version (store));
  else if (blank)
    g_print (_("Set up the empty file “%s” as a database (schema version %d)\n"),
             cli.database, dd_store_get_schema_version (store));
  else if (dd_store_get_migration_backup (store) != NULL)
    g_print (_("Upgraded “%s” to schema version %d; the file as it was before is saved as “%s”\n"),
             cli.database, dd_store_get_schema_version (store),
             dd_store_get_migration_backup (store));
  else
    g_print (_("“%s” is a Deputy Desk database (schema version %d); nothing to do\n"),
             cli.database, dd_store_get_schema_version (store));

  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* demo */

typedef struct
{
  gboolean printed;
  int      last_percent;
} Progress;

static void
on_demo_progress_cb (double   fraction,
                     gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100);

  if (progress->printed && percent == progress->last_percent)
    return;
  progress->printed = TRUE;
  progress->last_percent = percent;
  /* Back to the start of the line, to rewrite it in place. */
  g_printerr ("\r");
  /* TRANSLATORS: a progress line; %d%% is e.g. "42%" */
  g_printerr (_("Generating the demo data… %d%%"), percent);
}

static gint64
rows_of (GPtrArray  *tables,
         const char *name)
{
  for (guint i = 0; tables != NULL && i < tables->len; i++)
    {
      DdTableRows *rows = g_ptr_array_index (tables, i);

      if (g_str_equal (rows->table, name))
        return rows->rows;
    }
  return 0;
}

static int
run_demo (int    argc,
          char **argv)
{
  DdCliContext cli = { "demo", NULL };
  g_autofree char *size_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *anchor = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  DdDemoOptions options = { DD_DEMO_SMALL, 1, NULL, NULL, NULL };
  Progress progress = { FALSE, -1 };
  GError *error = NULL;
  guint64 seed = 1;
  int status;
  GOptionEntry entries[] = {
    { "size", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &size_text,
      N_("How much to generate: small, district or province (default: small)"), N_("SIZE") },
    { "seed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &seed_text,
      N_("The random seed; the same seed and anchor give the same data (default: 1)"), N_("N") },
    { "anchor", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &anchor,
      N_("The day the data ends on (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (size_text != NULL && !dd_demo_size_from_string (size_text, &options.size))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown demo size “%s”: use small, district or province"), size_text);
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("demo", message);
    }
  if (seed_text != NULL &&
      !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("The seed must be a whole number from 0 to %u, not “%s”"),
                         G_MAXUINT32, seed_text);
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("demo", message);
    }
  if (anchor != NULL && !dd_date_is_valid (anchor))
    {
      g_autofree char *message =
        g_strdup_printf (_("The anchor must be a date written YYYY-MM-DD, not “%s”"), anchor);
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("demo", message);
    }
  if (anchor == NULL)
    {
      /* Resolved here rather than left NULL, so the summary can say which day it was. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      anchor = g_date_time_format (now, "%Y-%m-%d");
    }

  options.seed = (guint32) seed;
  options.anchor = anchor;
  if (isatty (STDERR_FILENO))
    {
      options.progress = on_demo_progress_cb;
      options.progress_data = &progress;
    }

  store = dd_store_open (cli.database, DD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  if (!dd_demo_generate (store, &options, &error) ||
      (tables = dd_store_count_rows (store, &error)) == NULL)
    {
      if (progress.printed)
        g_printerr ("\n");
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }
  if (progress.printed)
    g_printerr ("\n");

  /* TRANSLATORS: the size is one of small, district, province (the option's values) */
  g_print (_("Filled “%s” with the %s demo (seed %u, ending %s): %lld deputies, %lld stations, "
             "%lld receptions, %lld suggestions\n"),
           cli.database, demo_size_names[options.size], options.seed, options.anchor,
           (long long) rows_of (tables, "deputies"), (long long) rows_of (tables, "stations"),
           (long long) rows_of (tables, "receptions"), (long long) rows_of (tables, "suggestions"));

  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* check */

static void
print_problems (const char *what,
                GStrv       problems)
{
  if (problems[0] == NULL)
    {
      /* TRANSLATORS: "Integrity: ok", "Foreign keys: ok" */
      g_print (_("%s: ok\n"), what);
      return;
    }
  g_print (ngettext ("%s: %u problem\n", "%s: %u problems\n", g_strv_length (problems)),
           what, g_strv_length (problems));
  for (guint i = 0; problems[i] != NULL; i++)
    g_print ("  %s\n", problems[i]);
}

static int
run_check (int    argc,
           char **argv)
{
  DdCliContext cli = { "check", NULL };
  g_autoptr(DdStore) store = NULL;
  g_auto(GStrv) integrity = NULL;
  g_auto(GStrv) foreign_keys = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  gboolean full = FALSE;
  GError *error = NULL;
  int status, width = 0;
  GOptionEntry entries[] = {
    { "full", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &full,
      N_("Run the full integrity check, which also reads every index (slower)"), NULL },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  /* Never creates: checking a file that is not there must not leave one behind. */
  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL ||
      (integrity = dd_store_check_integrity (store, full, &error)) == NULL ||
      (foreign_keys = dd_store_check_foreign_keys (store, &error)) == NULL ||
      (tables = dd_store_count_rows (store, &error)) == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  g_print (_("Database: %s\n"), cli.database);
  g_print (_("Schema version: %d\n"), dd_store_get_schema_version (store));
  if (dd_store_get_migration_backup (store) != NULL)
    g_print (_("Upgraded on opening; the file as it was before is saved as “%s”\n"),
             dd_store_get_migration_backup (store));
  print_problems (full ? _("Integrity (full check)") : _("Integrity (quick check)"), integrity);
  print_problems (_("Foreign keys"), foreign_keys);

  g_print (_("Rows:\n"));
  for (guint i = 0; i < tables->len; i++)
    width = MAX (width, (int) strlen (((DdTableRows *) g_ptr_array_index (tables, i))->table));
  for (guint i = 0; i < tables->len; i++)
    {
      DdTableRows *rows = g_ptr_array_index (tables, i);

      /* Table names are the stored, untranslated names other tools see. */
      g_print ("  %-*s %12" G_GINT64_FORMAT "\n", width, rows->table, rows->rows);
    }

  if (integrity[0] != NULL || foreign_keys[0] != NULL)
    {
      g_autofree char *message = NULL;

      if (integrity[0] != NULL)
        message = g_strdup_printf (_("“%s” is damaged: the integrity check found problems"),
                                   cli.database);
      else
        message = g_strdup_printf (_("“%s” has references to rows that do not exist"),
                                   cli.database);
      dd_cli_context_clear (&cli);
      return dd_cli_fail_message (message);
    }

  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* main */

static void
print_help (void)
{
  g_autofree char *default_path = dd_store_dup_default_path ();
  g_autofree char *description = NULL;

  g_print ("%s\n  deputy-desk-cli %s\n\n", _("Usage:"), _("COMMAND [OPTION…]"));
  g_print ("%s\n\n", _("Keep and report the records of Deputy Desk without a display."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Options:"));
  g_print ("  -h, --help   %s\n", _("Show this help"));
  g_print ("  --version    %s\n", _("Show the version"));
  g_print ("\n");
  g_print (_("Run “deputy-desk-cli COMMAND --help” for the options of a command.\n"));
  description = g_strdup_printf (_("The default database is “%s”."), default_path);
  g_print ("%s\n", description);
}

int
main (int    argc,
      char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("deputy-desk-cli");

  if (argc < 2)
    return dd_cli_usage_error (NULL, _("No command given"));

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_help ();
      return DD_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      g_print ("deputy-desk-cli %s\n", PACKAGE_VERSION);
      return DD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  {
    g_autofree char *message = NULL;

    if (name[0] == '-')
      message = g_strdup_printf (_("Unknown option %s"), name);
    else
      message = g_strdup_printf (_("Unknown command “%s”"), name);
    return dd_cli_usage_error (NULL, message);
  }
}
